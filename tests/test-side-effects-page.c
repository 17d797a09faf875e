/* test-side-effects-page.c: a person fills in the checklist, the safety
 * screen and their questions, closes the window, and finds it all again.
 *
 * Runs under Xvfb with a private session bus (see meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "app/ldn-application.h"
#include "app/ldn-window.h"
#include "ldn-test-ui.h"
#include "pages/ldn-checklist-view.h"
#include "pages/ldn-questions-view.h"
#include "pages/ldn-safety-view.h"
#include "pages/ldn-user-text-view.h"

static LdnApplication *app;

static GtkWidget *
button_labelled (GtkWidget  *widget,
                 const char *label,
                 guint       index)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint seen = 0;

  ldn_test_collect (widget, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0 && seen++ == index)
      return g_ptr_array_index (buttons, i);

  g_error ("no button %u labelled “%s”", index, label);
}

typedef struct {
  LdnWindow *window;
  GtkWidget *checklist;
  GtkWidget *safety;
  GtkWidget *questions;
} Section;

static void
open_section (Section *section)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LdnSideEffectsPage *page;

  g_settings_set_string (settings, "last-section", "side-effects");
  section->window = ldn_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (section->window), 900, 800);
  gtk_window_present (GTK_WINDOW (section->window));
  ldn_test_wait_mapped (GTK_WIDGET (section->window));

  page = ldn_window_get_side_effects_page (section->window);
  section->checklist = ldn_test_nth (GTK_WIDGET (page), LDN_TYPE_CHECKLIST_VIEW, 0);
  section->safety = ldn_test_nth (GTK_WIDGET (page), LDN_TYPE_SAFETY_VIEW, 0);
  section->questions = ldn_test_nth (GTK_WIDGET (page), LDN_TYPE_QUESTIONS_VIEW, 0);
}

static void
close_section (Section *section)
{
  ldn_test_close_window (GTK_WINDOW (section->window));
}

static GtkTextBuffer *
note_buffer (GtkWidget *view,
             guint      index)
{
  LdnUserTextView *text = ldn_test_nth (view, LDN_TYPE_USER_TEXT_VIEW, index);

  return gtk_text_view_get_buffer (ldn_test_nth (GTK_WIDGET (text), GTK_TYPE_TEXT_VIEW, 0));
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_fill_in_close_and_find_again (void)
{
  LdnUserStore *store = ldn_application_get_user_store (app);
  g_autofree char *too_long = g_strnfill (LDN_USER_TEXT_MAX_CHARS + 1, 'z');
  Section section;

  open_section (&section);

  /* Vivid dreams: noticed, moderate, with a note. */
  gtk_check_button_set_active (ldn_test_nth (section.checklist, GTK_TYPE_CHECK_BUTTON, 0), TRUE);
  gtk_drop_down_set_selected (ldn_test_nth (section.checklist, GTK_TYPE_DROP_DOWN, 0), LDN_SEVERITY_MODERATE);
  gtk_text_buffer_set_text (note_buffer (section.checklist, 0), "Woke up twice, 🌙 وأحلام", -1);
  {
    g_autoptr(LdnChecklistEntry) entry = ldn_user_store_get_checklist_entry (store, "vivid-dreams", NULL);

    g_assert_true (entry->noticed);
    g_assert_cmpint (entry->severity, ==, LDN_SEVERITY_MODERATE);
    g_assert_cmpstr (entry->note, ==, "Woke up twice, 🌙 وأحلام");
  }

  /* A note that is too long is refused with a reason, and kept on screen. */
  gtk_text_buffer_set_text (note_buffer (section.checklist, 1), too_long, -1);
  g_assert_nonnull (ldn_user_text_view_get_error (ldn_test_nth (section.checklist, LDN_TYPE_USER_TEXT_VIEW, 1)));
  {
    g_autofree char *shown = buffer_text (note_buffer (section.checklist, 1));
    g_autoptr(LdnChecklistEntry) entry = ldn_user_store_get_checklist_entry (store, "sleep", NULL);

    g_assert_cmpuint (strlen (shown), ==, LDN_USER_TEXT_MAX_CHARS + 1);
    g_assert_cmpstr (entry->note, ==, "");
  }

  /* Opioids first: "Not sure". */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button_labelled (section.safety, "Not sure", 0)), TRUE);
  g_assert_cmpint (ldn_user_store_get_answer (store, "opioids"), ==, LDN_ANSWER_UNSURE);
  g_assert_true (gtk_revealer_get_reveal_child (ldn_test_nth (section.safety, GTK_TYPE_REVEALER, 0)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button_labelled (section.safety, "No", 1)), TRUE);
  g_assert_cmpint (ldn_user_store_get_answer (store, "surgery"), ==, LDN_ANSWER_NO);

  /* A suggested question in one click, then one of their own. */
  g_signal_emit_by_name (button_labelled (section.questions, "Add", 0), "clicked");
  gtk_editable_set_text (GTK_EDITABLE (ldn_test_nth (section.questions, GTK_TYPE_ENTRY, 0)), "Can I keep my codeine cough syrup?");
  g_signal_emit_by_name (ldn_test_nth (section.questions, GTK_TYPE_ENTRY, 0), "activate");
  {
    g_autoptr(GPtrArray) questions = ldn_user_store_list_questions (store, NULL);

    g_assert_cmpuint (questions->len, ==, 2);
    g_assert_cmpstr (((LdnUserQuestion *) g_ptr_array_index (questions, 0))->text, ==, "What are my options?");
    g_assert_cmpstr (((LdnUserQuestion *) g_ptr_array_index (questions, 1))->text, ==,
                     "Can I keep my codeine cough syrup?");
  }
  g_assert_false (gtk_widget_get_sensitive (button_labelled (section.questions, "Added", 0)));

  close_section (&section);

  /* A new window shows everything as it was left. */
  open_section (&section);
  g_assert_true (gtk_check_button_get_active (ldn_test_nth (section.checklist, GTK_TYPE_CHECK_BUTTON, 0)));
  g_assert_cmpuint (gtk_drop_down_get_selected (ldn_test_nth (section.checklist, GTK_TYPE_DROP_DOWN, 0)), ==,
                    LDN_SEVERITY_MODERATE);
  {
    g_autofree char *note = buffer_text (note_buffer (section.checklist, 0));
    g_assert_cmpstr (note, ==, "Woke up twice, 🌙 وأحلام");
  }
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button_labelled (section.safety, "Not sure", 0))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button_labelled (section.safety, "Yes", 0))));

  /* Deleting everything empties the views at once. */
  g_assert_true (ldn_user_store_delete_all (store, NULL));
  g_assert_false (gtk_check_button_get_active (ldn_test_nth (section.checklist, GTK_TYPE_CHECK_BUTTON, 0)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button_labelled (section.safety, "Not sure", 0))));
  {
    g_autofree char *note = buffer_text (note_buffer (section.checklist, 0));
    g_assert_cmpstr (note, ==, "");
  }

  close_section (&section);
}

static GtkLabel *
shown_error (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ldn_test_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_has_css_class (label, "error") && gtk_widget_get_visible (label))
        return GTK_LABEL (label);
    }

  return NULL;
}

/* "Since" can be typed (a screen reader cannot use the calendar): a
 * future or malformed date is refused next to the box, the text stays,
 * nothing is saved; a past date is saved. */
static void
test_since_date_typed (void)
{
  LdnUserStore *store = ldn_application_get_user_store (app);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) past = g_date_time_add_days (now, -3);
  g_autoptr(GDateTime) future = g_date_time_add_days (now, 40);
  g_autofree char *past_text = g_date_time_format (past, "%Y-%m-%d");
  g_autofree char *future_text = g_date_time_format (future, "%Y-%m-%d");
  Section section;
  GtkEntry *entry;
  GtkWidget *row_root;

  open_section (&section);
  entry = ldn_test_nth (section.checklist, GTK_TYPE_ENTRY, 0);
  row_root = gtk_widget_get_parent (GTK_WIDGET (entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), future_text);
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (shown_error (row_root));
  g_assert_cmpstr (gtk_label_get_text (shown_error (row_root)), ==, "That date is in the future.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, future_text);
  {
    g_autoptr(LdnChecklistEntry) saved = ldn_user_store_get_checklist_entry (store, "vivid-dreams", NULL);
    g_assert_null (saved->since);
  }

  gtk_editable_set_text (GTK_EDITABLE (entry), "30/11/2026");
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (shown_error (row_root));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "30/11/2026");

  gtk_editable_set_text (GTK_EDITABLE (entry), past_text);
  g_signal_emit_by_name (entry, "activate");
  g_assert_null (shown_error (row_root));
  {
    g_autoptr(LdnChecklistEntry) saved = ldn_user_store_get_checklist_entry (store, "vivid-dreams", NULL);
    g_assert_cmpstr (saved->since, ==, past_text);
  }

  g_assert_true (ldn_user_store_delete_all (store, NULL));
  close_section (&section);
}

static void
test_menu_actions_exist (void)
{
  const char *actions[] = { "export-data", "import-data", "delete-data" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), actions[i]));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  app = ldn_test_ui_init (&argc, &argv);

  g_test_add_func ("/side-effects/fill-in-close-and-find-again", test_fill_in_close_and_find_again);
  g_test_add_func ("/side-effects/since-date-typed", test_since_date_typed);
  g_test_add_func ("/side-effects/menu-actions-exist", test_menu_actions_exist);

  result = g_test_run ();
  g_clear_object (&app);

  return result;
}

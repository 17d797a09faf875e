/* test-side-effects-page.c: a person fills in the checklist, the safety
 * screen (under Prepare) and their questions, closes the window, and finds it
 * all again.
 *
 * Runs under Xvfb with a private session bus (see meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "app/ldn-application.h"
#include "app/ldn-window.h"
#include "compat/ldn-compat.h"
#include "ldn-test-ui.h"
#include "pages/ldn-checklist-view.h"
#include "pages/ldn-prepare-page.h"
#include "pages/ldn-questions-view.h"
#include "pages/ldn-safety-view.h"
#include "pages/ldn-user-text-view.h"
#include "user/ldn-diary-store.h"
#include "util/ldn-language.h"

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

  g_test_fail_printf ("no button %u labelled “%s”", index, label);
  return NULL;
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
  section->window = ldn_test_open_window (app, 900, 800);

  page = ldn_window_get_side_effects_page (section->window);
  section->checklist = ldn_test_nth (GTK_WIDGET (page), LDN_TYPE_CHECKLIST_VIEW, 0);
  section->questions = ldn_test_nth (GTK_WIDGET (page), LDN_TYPE_QUESTIONS_VIEW, 0);
  /* The safety questions live in Prepare's "My Situation and Safety" step. */
  ldn_prepare_page_show_step (ldn_window_get_prepare_page (section->window), "safety");
  section->safety = ldn_test_nth (GTK_WIDGET (ldn_window_get_prepare_page (section->window)), LDN_TYPE_SAFETY_VIEW, 0);
}

static void
close_section (Section *section)
{
  ldn_test_close_window (GTK_WINDOW (section->window));
}

/* The date a side effect started is shown as people write dates
 * ("1 October 2026"), though it is kept as 2026-10-01. */
static void
test_since_is_a_readable_date (void)
{
  LdnUserStore *user = ldn_application_get_user_store (app);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  Section section;
  gboolean shown = FALSE;

  g_assert_true (ldn_user_store_set_since (user, "vivid-dreams", "2026-10-01", NULL));
  open_section (&section);
  ldn_test_collect (section.checklist, GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      const char *label = gtk_menu_button_get_label (g_ptr_array_index (buttons, i));

      g_assert_cmpstr (label, !=, "2026-10-01");
      shown |= g_strcmp0 (label, "1 October 2026") == 0;
    }
  g_assert_true (shown);
  g_assert_true (ldn_user_store_set_since (user, "vivid-dreams", NULL, NULL));
  close_section (&section);
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
  /* Shortened, it is saved again. */
  {
    GtkTextBuffer *buffer = note_buffer (section.checklist, 1);
    GtkTextIter start, end;
    g_autoptr(LdnChecklistEntry) entry = NULL;

    gtk_text_buffer_get_iter_at_offset (buffer, &start, 0);
    gtk_text_buffer_get_iter_at_offset (buffer, &end, 1);
    gtk_text_buffer_delete (buffer, &start, &end);
    g_assert_null (ldn_user_text_view_get_error (ldn_test_nth (section.checklist, LDN_TYPE_USER_TEXT_VIEW, 1)));
    entry = ldn_user_store_get_checklist_entry (store, "sleep", NULL);
    g_assert_cmpuint (strlen (entry->note), ==, LDN_USER_TEXT_MAX_CHARS);
    gtk_text_buffer_set_text (buffer, "", -1);
  }

  /* Opioids first: "Not sure". */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button_labelled (section.safety, "Not sure", 0)), TRUE);
  g_assert_cmpint (ldn_user_store_get_answer (store, "opioids"), ==, LDN_ANSWER_UNSURE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (ldn_test_nth (section.safety, GTK_TYPE_STACK, 0)), ==, "flagged");
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


/* By the accessible name the field was given. */
static LdnUserTextView *
text_view_named (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  ldn_test_collect (widget, LDN_TYPE_USER_TEXT_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    if (g_strcmp0 (ldn_user_text_view_get_label (g_ptr_array_index (views, i)), name) == 0)
      return g_ptr_array_index (views, i);

  g_test_fail_printf ("no text box named “%s”", name);
  return NULL;
}

static GtkTextBuffer *
buffer_of (LdnUserTextView *view)
{
  return gtk_text_view_get_buffer (ldn_test_nth (GTK_WIDGET (view), GTK_TYPE_TEXT_VIEW, 0));
}

static GtkWidget *
error_label_of (LdnUserTextView *view)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ldn_test_collect (GTK_WIDGET (view), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "error"))
      return g_ptr_array_index (labels, i);

  return NULL;
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

static gboolean
has_size (gpointer data)
{
  return gtk_widget_get_height (GTK_WIDGET (data)) > 0;
}

static gboolean
frame_allocated (gpointer data)
{
  return gtk_widget_get_height (GTK_WIDGET (data)) >= 72;
}

static void
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
text_laid_out (gpointer data)
{
  int natural;

  gtk_widget_measure (GTK_WIDGET (data), GTK_ORIENTATION_VERTICAL, 600, NULL, &natural, NULL, NULL);
  return natural > 1000;
}

static gboolean
dialog_shown (gpointer data)
{
  return ldn_window_get_close_dialog (data) != NULL;
}

static void
test_huge_paste_stays_in_view (void)
{
  LdnUserStore *store = ldn_application_get_user_store (app);
  g_autofree char *huge = g_strnfill (LDN_USER_TEXT_MAX_CHARS + 500, 'w');
  LdnUserTextView *matters;
  GtkWidget *message;
  graphene_rect_t message_bounds, box_bounds;
  Section section;

  open_section (&section);
  ldn_side_effects_page_show_view (ldn_window_get_side_effects_page (section.window), "questions");
  matters = text_view_named (section.questions, "What matters to me");
  g_assert_nonnull (matters);

  gtk_text_buffer_set_text (buffer_of (matters), huge, -1);
  g_assert_true (ldn_user_text_view_has_unsaved_text (matters));
  message = error_label_of (matters);
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_visible (message));
  ldn_test_iterate_until (has_size, message);

  /* The message is right above the box, and the box stays a few lines
   * tall however much text it holds (laid out in full, it is thousands
   * of pixels tall): both fit in the window. */
  ldn_test_iterate_until (text_laid_out, ldn_test_nth (GTK_WIDGET (matters), GTK_TYPE_TEXT_VIEW, 0));
  ldn_test_iterate_until (frame_allocated, ldn_test_nth (GTK_WIDGET (matters), GTK_TYPE_FRAME, 0));
  {
    gboolean settled = FALSE;

    g_timeout_add_once (300, set_true, &settled);
    ldn_test_iterate_until (is_true, &settled);
  }
  g_assert_true (gtk_widget_compute_bounds (message, GTK_WIDGET (matters), &message_bounds));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (matters), GTK_WIDGET (matters), &box_bounds));
  g_assert_cmpfloat (message_bounds.origin.y, <, 1);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (matters)), <, 400);

  /* Not saved, and not dropped by a reload either. */
  {
    g_autofree char *saved = ldn_user_store_dup_text (store, LDN_USER_TEXT_WHAT_MATTERS);
    g_autofree char *shown = NULL;

    g_assert_cmpstr (saved, ==, "");
    g_signal_emit_by_name (store, "reset");
    shown = buffer_text (buffer_of (matters));
    g_assert_cmpuint (strlen (shown), ==, strlen (huge));
  }

  /* Closing asks first; keeping on editing keeps the window. */
  gtk_window_close (GTK_WINDOW (section.window));
  ldn_test_iterate_until (dialog_shown, section.window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (section.window)));
  ldn_compat_confirm_respond (ldn_window_get_close_dialog (section.window), "cancel");

  /* Under the limit, later edits are saved again; then it closes at once. */
  gtk_text_buffer_set_text (buffer_of (matters), "Sleep, and no nausea", -1);
  g_assert_false (ldn_user_text_view_has_unsaved_text (matters));
  g_assert_false (gtk_widget_get_visible (message));
  {
    g_autofree char *saved = ldn_user_store_dup_text (store, LDN_USER_TEXT_WHAT_MATTERS);
    g_assert_cmpstr (saved, ==, "Sleep, and no nausea");
  }
  close_section (&section);
  g_assert_true (ldn_user_store_set_text (store, LDN_USER_TEXT_WHAT_MATTERS, "", NULL));
}

static void
test_question_not_added_is_not_dropped (void)
{
  Section section;
  GtkWidget *dialog;
  gpointer weak;
  gint64 deadline;

  open_section (&section);
  gtk_editable_set_text (GTK_EDITABLE (ldn_test_nth (section.questions, GTK_TYPE_ENTRY, 0)), "Typed, not added");

  gtk_window_close (GTK_WINDOW (section.window));
  ldn_test_iterate_until (dialog_shown, section.window);
  dialog = ldn_window_get_close_dialog (section.window);
  g_assert_nonnull (strstr (ldn_compat_confirm_get_body (dialog), "not added yet"));

  /* The person chooses to close anyway. */
  weak = section.window;
  g_object_add_weak_pointer (G_OBJECT (section.window), &weak);
  ldn_compat_confirm_respond (dialog, "confirm");
  deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;
  while (weak != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (weak);
}

static gboolean
text_is (gpointer data)
{
  gpointer *pair = data;
  g_autofree char *shown = buffer_text (pair[0]);

  return g_strcmp0 (shown, pair[1]) == 0;
}

static void
test_changes_from_another_process_are_shown (void)
{
  LdnUserStore *store = ldn_application_get_user_store (app);
  g_autoptr(LdnUserStore) other = ldn_user_store_open (ldn_user_store_get_path (store));
  g_autoptr(GError) error = NULL;
  LdnUserTextView *other_effects;
  Section section;

  open_section (&section);
  other_effects = text_view_named (section.checklist, "Other side effects");
  gtk_text_buffer_set_text (buffer_of (other_effects), "typed in the window", -1);

  /* Another LDN Guide saves: the open window shows it without a click. */
  ldn_user_store_check_for_changes (other);   /* it has seen what the window saved */
  g_assert_true (ldn_user_store_set_text (other, LDN_USER_TEXT_OTHER_SIDE_EFFECTS, "from the other one", &error));
  g_assert_no_error (error);
  {
    gpointer pair[] = { buffer_of (other_effects), (gpointer) "from the other one" };
    ldn_test_iterate_until (text_is, pair);
  }

  /* Then the window's next keystroke builds on it instead of undoing it. */
  gtk_text_buffer_insert_at_cursor (buffer_of (other_effects), ".", -1);
  {
    g_autofree char *saved = ldn_user_store_dup_text (other, LDN_USER_TEXT_OTHER_SIDE_EFFECTS);
    g_assert_true (g_str_has_prefix (saved, "from the other one"));
  }

  /* A change that lands between a reload and a keystroke is not
   * overwritten: the keystroke is refused and the box reloads. */
  ldn_user_store_check_for_changes (other);
  g_assert_true (ldn_user_store_set_text (other, LDN_USER_TEXT_OTHER_MEDICINES, "imported", &error));
  gtk_text_buffer_set_text (buffer_of (other_effects), "stale", -1);
  {
    g_autofree char *saved = ldn_user_store_dup_text (other, LDN_USER_TEXT_OTHER_SIDE_EFFECTS);
    g_assert_true (g_str_has_prefix (saved, "from the other one"));
    g_assert_nonnull (ldn_user_text_view_get_error (other_effects));
  }
  {
    gpointer pair[] = { buffer_of (other_effects), NULL };
    g_autofree char *saved = ldn_user_store_dup_text (other, LDN_USER_TEXT_OTHER_SIDE_EFFECTS);

    pair[1] = saved;
    ldn_test_iterate_until (text_is, pair);
  }

  close_section (&section);
  ldn_user_store_set_text (store, LDN_USER_TEXT_OTHER_SIDE_EFFECTS, "", NULL);
  ldn_user_store_set_text (store, LDN_USER_TEXT_OTHER_MEDICINES, "", NULL);
}


typedef struct {
  GtkWidget  *root;
  const char *text;
} LabelSearch;

static gboolean
label_shown (gpointer data)
{
  LabelSearch *search = data;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ldn_test_collect (search->root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), search->text) == 0 &&
        gtk_widget_get_mapped (g_ptr_array_index (labels, i)))
      return TRUE;

  return FALSE;
}

/* A refusal on a page reaches the person as a toast in its window
 * (through win.show-toast: pages do not call the window). */
static void
test_refusal_is_shown_as_a_toast (void)
{
  Section section;
  LabelSearch search;

  open_section (&section);
  ldn_side_effects_page_show_view (ldn_window_get_side_effects_page (section.window), "questions");
  gtk_editable_set_text (GTK_EDITABLE (ldn_test_nth (section.questions, GTK_TYPE_ENTRY, 0)), "   ");
  g_signal_emit_by_name (ldn_test_nth (section.questions, GTK_TYPE_ENTRY, 0), "activate");

  search.root = GTK_WIDGET (section.window);
  search.text = "The question is empty.";
  ldn_test_iterate_until (label_shown, &search);
  close_section (&section);
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

/* Issue 16: the side-effect checklist is for people who have started; the
 * safety questions are for everyone thinking of it, so they are never a tab of
 * Side Effects. They are in Prepare's "My Situation and Safety" step. */
static void
test_safety_questions_are_not_a_side_effects_tab (void)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  LdnSideEffectsPage *page;
  Section section;

  open_section (&section);
  page = ldn_window_get_side_effects_page (section.window);

  ldn_test_collect (GTK_WIDGET (page), LDN_TYPE_SAFETY_VIEW, views);
  g_assert_cmpuint (views->len, ==, 0);
  ldn_test_collect (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      ldn_test_collect (g_ptr_array_index (buttons, i), GTK_TYPE_LABEL, labels);
      for (guint j = 0; j < labels->len; j++)
        g_assert_cmpstr (gtk_label_get_label (g_ptr_array_index (labels, j)), !=, "Safety Questions");
    }
  ldn_side_effects_page_show_view (page, "safety");
  g_assert_cmpstr (ldn_side_effects_page_get_view (page), !=, "safety");

  /* Where they are: one row from the overview, with their own help page. */
  g_assert_nonnull (section.safety);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section.window), "win.section", "s", "prepare"));
  g_assert_cmpstr (ldn_prepare_page_get_step (ldn_window_get_prepare_page (section.window)), ==, "safety");
  g_assert_cmpstr (ldn_window_get_help_page (section.window), ==, "safety");

  close_section (&section);
}

static void
test_menu_actions_exist (void)
{
  const char *actions[] = { "export-data", "import-data", "delete-data" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), actions[i]));
}

static void
days_ago (GDate *date,
          guint  days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_subtract_days (date, days);
}

static const char *
checklist_subtitle (GtkWidget  *checklist,
                    const char *name)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  ldn_test_collect (checklist, ADW_TYPE_EXPANDER_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), name) == 0)
      return adw_expander_row_get_subtitle (g_ptr_array_index (rows, i));
  g_error ("no checklist row “%s”", name);
}

/* issue 17: the checklist is the current view of the diary's dated
 * side-effect observations: each row says the latest one recorded (date and
 * how strong), follows the diary as it changes, and links to the Diary. The
 * two records stay apart: the checklist's own answers are not changed. */
static void
test_diary_observations_shown (void)
{
  LdnUserStore *user = ldn_application_get_user_store (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnDiaryEntry) older = NULL;
  g_autoptr(LdnDiaryEntry) latest = NULL;
  g_autoptr(LdnChecklistEntry) answer = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *readable = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *open_diary;
  Section section;
  GDate day10, day3;

  open_section (&section);
  g_assert_null (strstr (checklist_subtitle (section.checklist, "Vivid dreams or nightmares"), "In your diary"));
  open_diary = button_labelled (section.checklist, "Open Diary", 0);
  g_assert_nonnull (open_diary);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (open_diary)), ==, "win.section");

  days_ago (&day10, 10);
  days_ago (&day3, 3);
  older = ldn_diary_entry_new (&day10);
  ldn_diary_entry_add_side_effect (older, "vivid-dreams", 3);
  latest = ldn_diary_entry_new (&day3);
  ldn_diary_entry_add_side_effect (latest, "vivid-dreams", 2);
  g_assert_true (ldn_diary_store_add_entry (user, older, &error));
  g_assert_true (ldn_diary_store_add_entry (user, latest, &error));
  g_assert_no_error (error);

  iso = ldn_diary_date_format (&day3);
  readable = ldn_language_format_iso_date (iso);
  expected = g_strdup_printf ("In your diary: moderate on %s.", readable);
  g_test_message ("subtitle: %s", checklist_subtitle (section.checklist, "Vivid dreams or nightmares"));
  g_assert_nonnull (strstr (checklist_subtitle (section.checklist, "Vivid dreams or nightmares"), expected));
  answer = ldn_user_store_get_checklist_entry (user, "vivid-dreams", &error);
  g_assert_no_error (error);
  g_assert_false (answer->noticed);

  g_assert_true (ldn_diary_store_delete_entry (user, &day3, &error));
  g_assert_true (ldn_diary_store_delete_entry (user, &day10, &error));
  g_assert_no_error (error);
  g_assert_null (strstr (checklist_subtitle (section.checklist, "Vivid dreams or nightmares"), "In your diary"));
  close_section (&section);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  app = ldn_test_ui_init (&argc, &argv);

  ldn_test_add_func ("/side-effects/fill-in-close-and-find-again", test_fill_in_close_and_find_again);
  ldn_test_add_func ("/side-effects/safety-questions-are-not-a-side-effects-tab",
                     test_safety_questions_are_not_a_side_effects_tab);
  ldn_test_add_func ("/side-effects/menu-actions-exist", test_menu_actions_exist);
  ldn_test_add_func ("/side-effects/since-is-a-readable-date", test_since_is_a_readable_date);
  ldn_test_add_func ("/side-effects/refusal-is-shown-as-a-toast", test_refusal_is_shown_as_a_toast);
  ldn_test_add_func ("/side-effects/huge-paste-stays-in-view", test_huge_paste_stays_in_view);
  ldn_test_add_func ("/side-effects/question-not-added-is-not-dropped", test_question_not_added_is_not_dropped);
  ldn_test_add_func ("/side-effects/changes-from-another-process-are-shown", test_changes_from_another_process_are_shown);
  ldn_test_add_func ("/side-effects/since-date-typed", test_since_date_typed);
  ldn_test_add_func ("/side-effects/diary-observations-shown", test_diary_observations_shown);

  result = g_test_run ();
  g_clear_object (&app);

  return result;
}

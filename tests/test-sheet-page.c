/* test-sheet-page.c: a person opens the Discussion Sheet, sees the pages
 * they will get, types their name, changes the paper, saves a PDF and
 * prints; the preview, the PDF and the printout are the same pages.
 *
 * Printing goes through GtkPrintOperation's export to a file, the path
 * a real print job takes up to the printer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <unistd.h>

#include "app/ldn-application.h"
#include "app/ldn-window.h"
#include "ldn-test-pdf.h"
#include "ldn-test-tmp.h"
#include "ldn-test-ui.h"
#include "print/ldn-print-operation.h"
#include "sheet/ldn-sheet-preview.h"
#include "user/ldn-user-data-json.h"

static LdnApplication *app;
static char *dir;

static LdnWindow *
open_sheet_section (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LdnWindow *window;

  g_settings_set_string (settings, "last-section", "sheet");
  window = ldn_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
  gtk_window_present (GTK_WINDOW (window));
  ldn_test_wait_mapped (GTK_WIDGET (ldn_window_get_sheet_page (window)));

  return window;
}

static guint
n_previews (LdnSheetPage *page)
{
  g_autoptr(GPtrArray) previews = g_ptr_array_new ();

  ldn_test_collect (GTK_WIDGET (page), LDN_TYPE_SHEET_PREVIEW, previews);
  return previews->len;
}

static char *
temp_pdf (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static void
type_name (LdnSheetPage *page,
           const char   *name)
{
  gtk_editable_set_text (ldn_test_nth (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, 0), name);
}

static void
test_preview_matches_the_pdf (void)
{
  LdnWindow *window = open_sheet_section ();
  LdnSheetPage *page = ldn_window_get_sheet_page (window);
  LdnUserStore *user = ldn_application_get_user_store (app);
  g_autofree char *pdf = temp_pdf ("saved.pdf");
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autofree char *text = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (ldn_sheet_page_get_n_pages (page), >=, 1);
  g_assert_cmpuint (n_previews (page), ==, ldn_sheet_page_get_n_pages (page));

  type_name (page, "Ana Álvarez");
  stored = ldn_user_store_dup_text (user, LDN_USER_TEXT_NAME);
  g_assert_cmpstr (stored, ==, "Ana Álvarez");

  g_assert_true (ldn_sheet_page_write_pdf (page, pdf_file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ldn_test_pdf_n_pages (pdf), ==, n_previews (page));
  text = ldn_test_pdf_text (pdf);
  ldn_test_assert_contains (text, "Ana Álvarez");

  ldn_test_close_window (GTK_WINDOW (window));
}

/* Entries from other sections appear when the sheet is shown again. */
static void
test_sheet_follows_the_other_sections (void)
{
  LdnUserStore *user = ldn_application_get_user_store (app);
  LdnWindow *window = open_sheet_section ();
  LdnSheetPage *page = ldn_window_get_sheet_page (window);
  g_autofree char *pdf = temp_pdf ("questions.pdf");
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autofree char *text = NULL;
  guint before = ldn_sheet_page_get_n_pages (page);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "side-effects");
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *question = g_strdup_printf ("Question %02u about my other medicines and LDN?", i);
      g_assert_cmpint (ldn_user_store_add_question (user, question, NULL, NULL), >, 0);
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "sheet");
  ldn_test_wait_mapped (GTK_WIDGET (page));

  g_assert_cmpuint (ldn_sheet_page_get_n_pages (page), >, before);
  g_assert_cmpuint (n_previews (page), ==, ldn_sheet_page_get_n_pages (page));
  g_assert_true (ldn_sheet_page_write_pdf (page, pdf_file, NULL));
  text = ldn_test_pdf_text (pdf);
  ldn_test_assert_contains (text, "Question 59 about my other medicines and LDN?");

  ldn_test_close_window (GTK_WINDOW (window));
}

static LdnSheetPreview *
first_preview (LdnSheetPage *page)
{
  return ldn_test_nth (GTK_WIDGET (page), LDN_TYPE_SHEET_PREVIEW, 0);
}

static void
visit_side_effects_and_back (LdnWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "side-effects");
  ldn_test_wait_mapped (GTK_WIDGET (ldn_window_get_side_effects_page (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "sheet");
  ldn_test_wait_mapped (GTK_WIDGET (ldn_window_get_sheet_page (window)));
}

/* Coming back to the sheet shows the pages already made when nothing
 * they show changed (rebuilding them took 60-130 ms of CPU each visit);
 * a new dose or a new answer makes them again. */
static void
test_preview_is_made_again_only_after_a_change (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LdnUserStore *user = ldn_application_get_user_store (app);
  LdnWindow *window = open_sheet_section ();
  LdnSheetPage *page = ldn_window_get_sheet_page (window);
  LdnSheetPreview *preview = first_preview (page);

  g_object_add_weak_pointer (G_OBJECT (preview), (gpointer *) &preview);
  visit_side_effects_and_back (window);
  g_assert_nonnull (preview);
  g_assert_true (first_preview (page) == preview);

  /* The sheet's chart shows the dose. */
  g_settings_set_double (settings, "dose-mg", 3);
  visit_side_effects_and_back (window);
  g_assert_null (preview);

  preview = first_preview (page);
  g_object_add_weak_pointer (G_OBJECT (preview), (gpointer *) &preview);
  g_assert_cmpint (ldn_user_store_add_question (user, "Can I take it in the morning instead?", NULL, NULL), >, 0);
  visit_side_effects_and_back (window);
  g_assert_null (preview);
  g_assert_cmpuint (n_previews (page), ==, ldn_sheet_page_get_n_pages (page));

  ldn_test_close_window (GTK_WINDOW (window));
}

static void
test_paper_and_options_are_kept (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LdnWindow *window = open_sheet_section ();
  LdnSheetPage *page = ldn_window_get_sheet_page (window);
  g_autofree char *pdf = temp_pdf ("letter.pdf");
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *saved_paper = NULL;

  adw_combo_row_set_selected (ldn_test_nth (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW, 0), 1);
  gtk_switch_set_active (ldn_test_nth (GTK_WIDGET (page), GTK_TYPE_SWITCH, 1), FALSE);
  saved_paper = g_settings_get_string (settings, "sheet-paper");
  g_assert_cmpstr (saved_paper, ==, "letter");
  g_assert_false (g_settings_get_boolean (settings, "sheet-include-sources"));

  g_assert_true (ldn_sheet_page_write_pdf (page, pdf_file, NULL));
  info = ldn_test_pdf_tool ("pdfinfo", pdf);
  ldn_test_assert_contains (info, "612 x 792 pts (letter)");
  text = ldn_test_pdf_text (pdf);
  g_assert_null (strstr (text, "Sources"));
  ldn_test_close_window (GTK_WINDOW (window));

  /* A new window shows the same choices. */
  window = open_sheet_section ();
  page = ldn_window_get_sheet_page (window);
  g_assert_cmpuint (adw_combo_row_get_selected (ldn_test_nth (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW, 0)), ==, 1);
  g_assert_false (gtk_switch_get_active (ldn_test_nth (GTK_WIDGET (page), GTK_TYPE_SWITCH, 1)));
  gtk_switch_set_active (ldn_test_nth (GTK_WIDGET (page), GTK_TYPE_SWITCH, 1), TRUE);
  adw_combo_row_set_selected (ldn_test_nth (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW, 0), 0);
  ldn_test_close_window (GTK_WINDOW (window));
}

static AdwComboRow *
combo_row_titled (LdnSheetPage *page,
                  const char   *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  ldn_test_collect (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title))
      return g_ptr_array_index (rows, i);

  g_test_fail_printf ("no row titled “%s”", title);
  return NULL;
}

/* On a phone with GNOME's Large Text, the sheet's choices show their
 * values whole: "Same as the App" was cut to "Same as th…". */
static void
test_choices_whole_on_a_phone (void)
{
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  LdnWindow *window;
  int old_dpi = 0;
  guint checked = 0;

  g_object_get (gtk_settings, "gtk-xft-dpi", &old_dpi, NULL);
  g_object_set (gtk_settings, "gtk-xft-dpi", 96 * 1024 * 5 / 4, NULL);
  window = open_sheet_section ();
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  ldn_test_collect (GTK_WIDGET (ldn_window_get_sheet_page (window)), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      const char *text = gtk_label_get_text (label);

      if (!gtk_widget_get_mapped (GTK_WIDGET (label)) ||
          (g_strcmp0 (text, "Same as the App") != 0 && g_strcmp0 (text, "A4") != 0))
        continue;
      checked++;
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
    }
  g_assert_cmpuint (checked, >=, 2);
  ldn_test_close_window (GTK_WINDOW (window));
  g_object_set (gtk_settings, "gtk-xft-dpi", old_dpi, NULL);
}

/* An English-speaking person prints the sheet in Spanish for a
 * Spanish-speaking doctor: the sheet's words and the guide's sentences
 * are Spanish, the name is as typed, and the choice is remembered. */
static void
test_sheet_in_the_doctors_language (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LdnWindow *window = open_sheet_section ();
  LdnSheetPage *page = ldn_window_get_sheet_page (window);
  AdwComboRow *language = combo_row_titled (page, "Sheet Language");
  g_autofree char *pdf = temp_pdf ("spanish.pdf");
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autofree char *text = NULL;
  g_autofree char *saved = NULL;

  if (language == NULL)
    return;
  type_name (page, "Jane O'Brien");
  adw_combo_row_set_selected (language, 2);
  saved = g_settings_get_string (settings, "sheet-language");
  g_assert_cmpstr (saved, ==, "es");
  g_assert_true (ldn_sheet_page_write_pdf (page, pdf_file, NULL));
  text = ldn_test_pdf_text (pdf);
  ldn_test_assert_contains (text, "Avisos para el médico");
  ldn_test_assert_contains (text, "fuera de indicación");
  ldn_test_assert_contains (text, "Jane O'Brien");
  g_assert_null (strstr (text, "Flags for the doctor"));
  /* The window itself stays English. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (language)), ==, "Sheet Language");
  ldn_test_close_window (GTK_WINDOW (window));

  window = open_sheet_section ();
  page = ldn_window_get_sheet_page (window);
  language = combo_row_titled (page, "Sheet Language");
  g_assert_cmpuint (adw_combo_row_get_selected (language), ==, 2);
  adw_combo_row_set_selected (language, 0);
  g_clear_pointer (&text, g_free);
  g_assert_true (ldn_sheet_page_write_pdf (page, pdf_file, NULL));
  text = ldn_test_pdf_text (pdf);
  ldn_test_assert_contains (text, "Flags for the doctor");
  ldn_test_close_window (GTK_WINDOW (window));
}

/* A name far too long is refused and stays in the box, marked, so the
 * person can shorten it; what is saved is never the refused text. */
static void
test_refused_name_is_kept_on_screen (void)
{
  LdnUserStore *user = ldn_application_get_user_store (app);
  LdnWindow *window = open_sheet_section ();
  LdnSheetPage *page = ldn_window_get_sheet_page (window);
  AdwEntryRow *row = ldn_test_nth (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, 0);
  g_autofree char *huge = g_strnfill (20000, 'n');
  g_autofree char *stored = NULL;

  type_name (page, "Sam");
  type_name (page, huge);
  g_assert_cmpuint (strlen (gtk_editable_get_text (GTK_EDITABLE (row))), ==, 20000);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (row)));
  stored = ldn_user_store_dup_text (user, LDN_USER_TEXT_NAME);
  g_assert_cmpuint (strlen (stored), <=, LDN_USER_TEXT_MAX_CHARS);

  type_name (page, "Sam Lee");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_clear_pointer (&stored, g_free);
  stored = ldn_user_store_dup_text (user, LDN_USER_TEXT_NAME);
  g_assert_cmpstr (stored, ==, "Sam Lee");
  ldn_test_close_window (GTK_WINDOW (window));
}

/* Numbered words, to tell the texts apart: "n00017kalo ...". */
static char *
numbered_words (const char *prefix,
                guint       n_chars)
{
  static const char *syllables[] = { "ka", "lo", "mer", "sin", "tu", "vra", "pe", "dol", "an", "ix" };
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = 0;

  while (text->len < n_chars)
    {
      g_string_append_printf (text, "%s%05u", prefix, ++n);
      for (guint s = 0; s < 1 + n % 4; s++)
        g_string_append (text, syllables[(n * 7 + s) % G_N_ELEMENTS (syllables)]);
      g_string_append_c (text, ' ');
    }
  g_string_truncate (text, n_chars);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Imports a person with NOTED side effects whose notes come from NOTE
 * (given the index), QUESTIONS from QUESTION, and long other texts. */
static void
import_person (guint   noted,
               char *(*note) (guint),
               guint   n_questions,
               char *(*question) (guint))
{
  static const char *ids[] = { "vivid-dreams", "sleep", "nausea", "diarrhoea", "dizziness", "headache",
                               "tiredness", "mood" };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  LdnUserDataIds any = { NULL, NULL, NULL };
  g_autofree char *other = numbered_words ("o", LDN_USER_TEXT_MAX_CHARS);
  g_autofree char *matters = numbered_words ("h", LDN_USER_TEXT_MAX_CHARS);
  g_autofree char *medicines = numbered_words ("m", LDN_USER_TEXT_MAX_CHARS);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, LDN_USER_DATA_FORMAT);
  /* A version 1 file: it has none of version 2's decision-aid members. */
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "checklist");
  json_builder_begin_array (builder);
  for (guint i = 0; i < noted; i++)
    {
      g_autofree char *text = note (i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, ids[i]);
      json_builder_set_member_name (builder, "noticed");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder, "moderate");
      json_builder_set_member_name (builder, "since");
      json_builder_add_string_value (builder, "2026-10-01");
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "questions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_questions; i++)
    {
      g_autofree char *text = question (i);

      json_builder_add_string_value (builder, text);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "other_side_effects");
  json_builder_add_string_value (builder, other);
  json_builder_set_member_name (builder, "what_matters");
  json_builder_add_string_value (builder, matters);
  json_builder_set_member_name (builder, "safety");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "other_medicines");
  json_builder_add_string_value (builder, medicines);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "teach_back");
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  ldn_user_data_from_json (ldn_application_get_user_store (app), &any, json, -1, &error);
  g_assert_no_error (error);
}

/* The notes of issue 12's person: these lengths once made the layout
 * add pages until memory ran out (with Debian 12's fonts). */
static char *
long_note (guint i)
{
  g_autofree char *prefix = g_strdup_printf ("n%u", i);

  return numbered_words (prefix, 4184 + 37 * i);
}

/* The first one starts with a right-to-left override. */
static char *
long_question (guint i)
{
  g_autofree char *prefix = g_strdup_printf ("q%03u", i);
  g_autofree char *words = numbered_words (prefix, 390 + i % 20);

  return i == 0 ? g_strconcat ("\u202E", words, NULL) : g_steal_pointer (&words);
}

static char *
many_lines (guint i)
{
  g_autoptr(GString) lines = g_string_new (NULL);

  while (lines->len < LDN_USER_TEXT_MAX_CHARS)
    g_string_append (lines, "a\n");
  return g_string_free (g_steal_pointer (&lines), FALSE);
}

static void
layout_deadline (int signal_number)
{
  static const char message[] = "Bail out! the sheet was not laid out within 30 s\n";

  if (write (STDOUT_FILENO, message, sizeof message - 1) < 0)
    _exit (2);
  _exit (1);
}

static gboolean
has_label_containing (GtkWidget  *widget,
                      const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ldn_test_collect (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), text) != NULL)
      return TRUE;

  return FALSE;
}

/* Issue 12: 8 side effects with notes of about 5 000 characters, 130
 * questions of about 400 and long other texts made the window die on
 * every start, as it reopened the Discussion Sheet. Now the preview
 * shows a finite number of pages; the layout runs when the section is
 * shown, in the main loop, so the deadline is an alarm. A person beyond
 * the page cap sees why, where the preview would be. */
static void
test_issue_12_person_lays_out (void)
{
  LdnWindow *window;
  LdnSheetPage *page;
  guint n_pages;

  import_person (8, long_note, 130, long_question);
  signal (SIGALRM, layout_deadline);
  alarm (30);
  window = open_sheet_section ();
  page = ldn_window_get_sheet_page (window);
  n_pages = ldn_sheet_page_get_n_pages (page);
  g_test_message ("issue 12's person: %u pages", n_pages);
  g_assert_cmpuint (n_pages, >=, 20);
  g_assert_cmpuint (n_pages, <=, 200);
  g_assert_cmpuint (n_previews (page), ==, n_pages);
  {
    g_autofree char *count = g_strdup_printf ("%u pages", n_pages);
    g_assert_true (has_label_containing (GTK_WIDGET (page), count));
  }

  /* The questions list shows each question in its own label, without
   * the right-to-left override typed in front of the first one. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "side-effects");
  ldn_test_wait_mapped (GTK_WIDGET (ldn_window_get_side_effects_page (window)));
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    guint found = 0;

    ldn_test_collect (GTK_WIDGET (ldn_window_get_side_effects_page (window)), ADW_TYPE_ACTION_ROW, rows);
    for (guint i = 0; i < rows->len; i++)
      {
        const char *title = adw_preferences_row_get_title (g_ptr_array_index (rows, i));

        if (strstr (title, "q00000001dolan") != NULL)
          {
            g_assert_true (g_str_has_prefix (title, "q00000001dolan"));
            found++;
          }
      }
    g_assert_cmpuint (found, ==, 1);
  }

  /* 200 questions of 5 000 lines each: beyond the cap. */
  import_person (0, NULL, LDN_USER_MAX_QUESTIONS, many_lines);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "sheet");
  ldn_test_wait_mapped (GTK_WIDGET (page));
  alarm (0);
  g_assert_cmpuint (n_previews (page), ==, 0);
  g_assert_true (has_label_containing (GTK_WIDGET (page), "would be longer than 1000 pages"));

  ldn_test_close_window (GTK_WINDOW (window));
  g_assert_true (ldn_user_store_delete_all (ldn_application_get_user_store (app), NULL));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 data)
{
  *(GtkPrintOperationResult *) data = result;
}

static gboolean
print_finished (gpointer data)
{
  return *(GtkPrintOperationResult *) data != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS;
}

/* What goes to the printer: the same pages as the preview, on the
 * paper the page asks for, with what the person typed. */
static void
test_printout_matches_the_preview (void)
{
  LdnWindow *window = open_sheet_section ();
  LdnSheetPage *page = ldn_window_get_sheet_page (window);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *pdf = temp_pdf ("printed.pdf");
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result = GTK_PRINT_OPERATION_RESULT_IN_PROGRESS;

  type_name (page, "Printed Person");
  operation = ldn_sheet_page_new_print_operation (page, &error);
  g_assert_no_error (error);
  gtk_print_operation_set_export_filename (operation, pdf);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), &result);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  ldn_test_iterate_until (print_finished, &result);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  g_assert_cmpuint (ldn_test_pdf_n_pages (pdf), ==, ldn_sheet_page_get_n_pages (page));
  info = ldn_test_pdf_tool ("pdfinfo", pdf);
  ldn_test_assert_contains (info, "pts (A4)");
  text = ldn_test_pdf_text (pdf);
  ldn_test_assert_contains (text, "Printed Person");
  ldn_test_assert_contains (text, "Page 1 of");

  /* The page setup is remembered for the next print. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autoptr(GVariant) setup = g_settings_get_value (settings, "page-setup");
    g_autoptr(GtkPageSetup) restored = gtk_page_setup_new_from_gvariant (setup);

    g_assert_nonnull (restored);
    g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (restored)), ==, GTK_PAPER_NAME_A4);
  }

  ldn_test_close_window (GTK_WINDOW (window));
}


/* A print system that never finishes listing its printers. */
static gpointer stalled_data;
static GDestroyNotify stalled_destroy;

static void
stalled_search (GtkPrinterFunc  func,
                gpointer        data,
                GDestroyNotify  destroy)
{
  stalled_data = data;
  stalled_destroy = destroy;
}

static void
empty_search (GtkPrinterFunc  func,
              gpointer        data,
              GDestroyNotify  destroy)
{
  destroy (data);
}

static void
test_print_without_dialog_gives_up (void)
{
  LdnWindow *window = open_sheet_section ();
  LdnSheetPage *page = ldn_window_get_sheet_page (window);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPrintOperation) second = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  operation = ldn_sheet_page_new_print_operation (page, &error);
  g_assert_no_error (error);
  g_assert_true (LDN_IS_PRINT_OPERATION (operation));

  /* `--print-sheet --printer=NAME` with a stalled print system: a clear
   * error after the timeout, not a hang. */
  ldn_print_operation_set_printer_search (LDN_PRINT_OPERATION (operation), stalled_search);
  ldn_print_operation_set_timeout (LDN_PRINT_OPERATION (operation), 1);
  start = g_get_monotonic_time ();
  g_assert_false (ldn_print_operation_print_to_printer (LDN_PRINT_OPERATION (operation), "Office", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_nonnull (strstr (error->message, "1 seconds"));
  g_assert_nonnull (strstr (error->message, "nothing was printed"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_clear_error (&error);
  /* The listing ends late: nothing breaks. */
  stalled_destroy (stalled_data);

  /* One that ends without the printer: says which printers there are. */
  second = ldn_sheet_page_new_print_operation (page, &error);
  ldn_print_operation_set_printer_search (LDN_PRINT_OPERATION (second), empty_search);
  g_assert_false (ldn_print_operation_print_to_printer (LDN_PRINT_OPERATION (second), "Office", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“Office”"));

  ldn_test_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  app = ldn_test_ui_init (&argc, &argv);
  dir = ldn_test_tmp_dir ("ldn-sheet-page");

  ldn_test_add_func ("/sheet-page/preview-matches-the-pdf", test_preview_matches_the_pdf);
  ldn_test_add_func ("/sheet-page/preview-is-made-again-only-after-a-change",
                     test_preview_is_made_again_only_after_a_change);
  ldn_test_add_func ("/sheet-page/sheet-follows-the-other-sections", test_sheet_follows_the_other_sections);
  ldn_test_add_func ("/sheet-page/paper-and-options-are-kept", test_paper_and_options_are_kept);
  ldn_test_add_func ("/sheet-page/sheet-in-the-doctors-language", test_sheet_in_the_doctors_language);
  ldn_test_add_func ("/sheet-page/refused-name-is-kept-on-screen", test_refused_name_is_kept_on_screen);
  ldn_test_add_func ("/sheet-page/printout-matches-the-preview", test_printout_matches_the_preview);
  ldn_test_add_func ("/sheet-page/print-without-dialog-gives-up", test_print_without_dialog_gives_up);
  ldn_test_add_func ("/sheet-page/issue-12-person-lays-out", test_issue_12_person_lays_out);
  ldn_test_add_func ("/sheet-page/choices-whole-on-a-phone", test_choices_whole_on_a_phone);
  result = g_test_run ();

  g_object_unref (app);
  g_free (dir);
  return result;
}

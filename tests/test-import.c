/* test-import.c: importing my data asks first and offers JSON files.
 *
 * Apart from test-window.c only so that neither process registers more
 * than 2048 GQuarks: past that GLib replaces its quark array and keeps
 * the old one on purpose (lock-free readers), which LeakSanitizer then
 * reports as a leak in the sanitizer build.
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
#include "export/ldn-export.h"
#include "ldn-test-tmp.h"
#include "ldn-test-ui.h"

static LdnApplication *app;

static LdnWindow *
open_window (void)
{
  return ldn_test_open_window (app, 0, 0);
}

static void
close_and_wait_for_finalize (LdnWindow *window)
{
  ldn_test_close_window (GTK_WINDOW (window));
}

/* What a click on a response does after responding. */
static void
close_dialog (GtkWidget *dialog)
{
  if (GTK_IS_WINDOW (dialog))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
has_question (LdnUserStore *user,
              const char   *text)
{
  g_autoptr(GPtrArray) questions = ldn_user_store_list_questions (user, NULL);

  for (guint i = 0; questions != NULL && i < questions->len; i++)
    if (g_strcmp0 (((LdnUserQuestion *) g_ptr_array_index (questions, i))->text, text) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
question_gone (gpointer data)
{
  return !has_question (data, "Added after the backup");
}

/* Importing replaces everything, so it asks first: Cancel keeps what is
 * here, Replace brings in the file. */
static void
test_import_asks_before_replacing (void)
{
  LdnWindow *window = open_window ();
  LdnUserStore *user = ldn_application_get_user_store (app);
  LdnContentStore *content = ldn_application_get_content_store (app, NULL);
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-import");
  g_autofree char *path = g_build_filename (dir, "backup.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_assert_true (ldn_export_user_data_json (content, user, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ldn_user_store_add_question (user, "Added after the backup", NULL, &error), >, 0);

  dialog = ldn_application_confirm_import (app, file);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (ldn_compat_confirm_get_body (dialog), "backup.json"));
  g_assert_true (has_question (user, "Added after the backup"));
  ldn_compat_confirm_respond (dialog, "cancel");
  g_assert_true (has_question (user, "Added after the backup"));
  close_dialog (dialog);

  dialog = ldn_application_confirm_import (app, file);
  ldn_compat_confirm_respond (dialog, "confirm");
  close_dialog (dialog);
  ldn_test_iterate_until (question_gone, user);

  close_and_wait_for_finalize (window);
}

static GtkWidget *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }

  return NULL;
}

static gboolean
file_chooser_shown (gpointer data)
{
  return find_file_chooser () != NULL;
}

static gboolean
file_chooser_gone (gpointer data)
{
  return find_file_chooser () == NULL;
}

/* Import offers the app's JSON files first (all files stay one choice
 * away). */
static void
test_import_offers_json_files (void)
{
  LdnWindow *window = open_window ();
  GtkWidget *chooser;
  GtkFileFilter *filter;
  g_autoptr(GListModel) filters = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "import-data", NULL);
  ldn_test_iterate_until (file_chooser_shown, NULL);
  chooser = find_file_chooser ();
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_nonnull (filter);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "LDN Guide data (JSON)");
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 2);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  ldn_test_iterate_until (file_chooser_gone, NULL);

  close_and_wait_for_finalize (window);
}

static gboolean
has_label_text (GtkWidget  *root,
                const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ldn_test_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
markup_toast_shown (gpointer data)
{
  return has_label_text (GTK_WIDGET (data), "Could not save “R&D <draft>.pdf”: no room");
}

/* A message with "&" or "<" (a file's name, an error) is shown as it is:
 * a toast's title is markup, and unescaped it was refused (no toast, a
 * Pango warning). */
static void
test_toast_shows_markup_characters (void)
{
  LdnWindow *window = open_window ();

  ldn_window_add_toast (window, "Could not save “R&D <draft>.pdf”: no room");
  ldn_test_iterate_until (markup_toast_shown, window);
  close_and_wait_for_finalize (window);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  app = ldn_test_ui_init (&argc, &argv);

  ldn_test_add_func ("/import/asks-before-replacing", test_import_asks_before_replacing);
  ldn_test_add_func ("/import/offers-json-files", test_import_offers_json_files);
  /* Toasts are tested here rather than in test-window.c: one more test
   * there makes that process register over 2048 GQuarks, and GLib then
   * keeps its first quark block on purpose, which LeakSanitizer reports. */
  ldn_test_add_func ("/window/toast-shows-markup-characters", test_toast_shows_markup_characters);

  result = g_test_run ();
  g_clear_object (&app);

  return result;
}

/* ldn-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "ldn-application.h"
#include "print/ldn-print-operation.h"
#include "ldn-command-line.h"
#include "chart/ldn-occupancy-chart.h"
#include "compat/ldn-compat.h"
#include "ldn-save-file.h"
#include "ldn-window.h"

struct _LdnApplication
{
  AdwApplication        parent_instance;

  LdnContentStore      *content_store;
  GError               *content_error;
  LdnUserStore         *user_store;
  GFileMonitor         *user_monitor;
};

G_DEFINE_FINAL_TYPE (LdnApplication, ldn_application, ADW_TYPE_APPLICATION)


/* Keyboard shortcuts live here, in one table, so the shortcuts window
 * (app/ldn-shortcuts.ui) and the code cannot drift apart unnoticed. */
static const struct {
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "win.show-help-overlay", { "<Control>question", "<Control>slash", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "win.help", { "F1", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.save-sheet", { "<Control><Shift>s", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.section::learn", { "<Alt>1", NULL } },
  { "win.section::timeline", { "<Alt>2", NULL } },
  { "win.section::side-effects", { "<Alt>3", NULL } },
  { "win.section::sheet", { "<Alt>4", NULL } },
  { "win.section::prepare", { "<Alt>5", NULL } },
  { "win.section::diary", { "<Alt>6", NULL } },
};

void
ldn_application_bind_translations (void)
{
  const char *localedir = g_getenv ("LDN_GUIDE_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

LdnApplication *
ldn_application_new (void)
{
  return g_object_new (LDN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

LdnContentStore *
ldn_application_get_content_store (LdnApplication *self,
                                   GError        **error)
{
  g_return_val_if_fail (LDN_IS_APPLICATION (self), NULL);

  if (self->content_store == NULL && self->content_error == NULL)
    {
      g_autofree char *path = ldn_content_store_dup_default_path ();

      self->content_store = ldn_content_store_new (path, NULL, &self->content_error);
    }

  if (self->content_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->content_error));
      return NULL;
    }

  return self->content_store;
}

static void
user_file_changed_cb (LdnApplication *self)
{
  ldn_user_store_check_for_changes (self->user_store);
}

/* Another LDN Guide or `ldn-guide --import-data` writes to the
 * write-ahead log: the windows show its changes while open (they
 * also check when focused, and the store before each change). */
static void
watch_user_store (LdnApplication *self)
{
  g_autofree char *log_path = NULL;
  g_autoptr(GFile) log_file = NULL;

  if (!ldn_user_store_is_persistent (self->user_store))
    return;

  log_path = g_strconcat (ldn_user_store_get_path (self->user_store), "-wal", NULL);
  log_file = g_file_new_for_path (log_path);
  self->user_monitor = g_file_monitor_file (log_file, G_FILE_MONITOR_NONE, NULL, NULL);
  if (self->user_monitor != NULL)
    g_signal_connect_object (self->user_monitor, "changed", G_CALLBACK (user_file_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

LdnUserStore *
ldn_application_get_user_store (LdnApplication *self)
{
  g_return_val_if_fail (LDN_IS_APPLICATION (self), NULL);

  if (self->user_store == NULL)
    {
      g_autofree char *path = ldn_user_store_dup_default_path ();

      self->user_store = ldn_user_store_open (path);
      watch_user_store (self);
    }

  return self->user_store;
}

LdnTeachBackRecorder *
ldn_application_get_teach_back_recorder (LdnApplication *self)
{
  g_return_val_if_fail (LDN_IS_APPLICATION (self), NULL);

  return LDN_TEACH_BACK_RECORDER (ldn_application_get_user_store (self));
}

static int
ldn_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  LdnCommandLineOptions command_line = { NULL };

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  ldn_command_line_options_from_dict (options, &command_line);
  command_line.print_func = ldn_print_sheet_to_printer;

  return ldn_command_line_run (&command_line);
}

/* LDN_GUIDE_EXIT_AFTER_FIRST_FRAME=1 (for the start-up benchmark, which
 * counts instructions from exec to here under callgrind): end the
 * process right after the window's first frame was drawn, i.e. after
 * the first frame clock cycle that painted a mapped surface. */
static void
exit_after_paint_cb (GdkFrameClock *clock,
                     GdkSurface    *surface)
{
  if (gdk_surface_get_mapped (surface))
    _exit (0);
}

static void
exit_after_first_frame_cb (GtkWidget *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  g_signal_connect (gdk_surface_get_frame_clock (surface), "after-paint",
                    G_CALLBACK (exit_after_paint_cb), surface);
}

static void
ldn_application_activate (GApplication *app)
{
  LdnApplication *self = LDN_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (ldn_window_new (self));
      if (g_strcmp0 (g_getenv ("LDN_GUIDE_EXIT_AFTER_FIRST_FRAME"), "1") == 0)
        g_signal_connect (window, "realize", G_CALLBACK (exit_after_first_frame_cb), NULL);
    }

  gtk_window_present (window);
}

static void
ldn_application_startup (GApplication *app)
{
  LdnApplication *self = LDN_APPLICATION (app);

  G_APPLICATION_CLASS (ldn_application_parent_class)->startup (app);

  g_set_application_name (_("LDN Guide"));
  gtk_window_set_default_icon_name (APP_ID);
  ldn_occupancy_chart_set_color_functions (ldn_compat_widget_color, ldn_compat_lookup_color);

  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           app_accels[i].action,
                                           app_accels[i].accels);
}

static void
ldn_application_quit_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing each window lets it save its state, and ask before text
   * that is not saved is lost; the app ends with its last window. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
ldn_application_about_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);

  ldn_compat_show_about (gtk_application_get_active_window (app));
}

static void
ldn_application_help_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);

  ldn_compat_show_help (gtk_application_get_active_window (app), NULL);
}

static void
toast (LdnApplication *self,
       const char     *message)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (LDN_IS_WINDOW (window))
    ldn_window_add_toast (LDN_WINDOW (window), message);
}

static gboolean
write_user_data (GFile     *file,
                 gpointer   data,
                 GError   **error)
{
  LdnApplication *self = data;

  /* A backup must work when the content is missing or damaged: the
   * export then leaves out only the names it would have looked up. */
  return ldn_export_user_data_json (ldn_application_get_content_store (self, NULL),
                                    ldn_application_get_user_store (self), file, NULL, error);
}

static void
ldn_application_export_data_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  LdnApplication *self = LDN_APPLICATION (user_data);

  ldn_save_file (gtk_application_get_active_window (GTK_APPLICATION (self)),
                 _("Export My Data"), "ldn-guide-data.json", write_user_data, g_object_ref (self), g_object_unref);
}

typedef struct {
  LdnApplication *app;
  GFile          *file;
} ImportRequest;

static void
import_request_free (ImportRequest *request)
{
  g_object_unref (request->app);
  g_object_unref (request->file);
  g_free (request);
}

static void
import_confirmed_cb (gboolean confirmed,
                     gpointer user_data)
{
  ImportRequest *request = user_data;
  LdnApplication *self = request->app;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (request->file);
  g_autofree char *message = NULL;
  LdnContentStore *content;

  if (!confirmed)
    {
      import_request_free (request);
      return;
    }

  content = ldn_application_get_content_store (self, &error);
  if (path != NULL && content != NULL &&
      ldn_import_user_data (content, ldn_application_get_user_store (self), path, &error))
    message = g_strdup (_("Data imported"));
  else
    message = g_strdup_printf (_("Nothing was changed: %s"), error ? error->message : _("not a local file"));

  toast (self, message);
  import_request_free (request);
}

/* Importing replaces everything: ask first, naming the file. */
GtkWidget *
ldn_application_confirm_import (LdnApplication *self,
                                GFile          *file)
{
  ImportRequest *request;
  g_autofree char *name = NULL;
  g_autofree char *display = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (LDN_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  request = g_new0 (ImportRequest, 1);
  request->app = g_object_ref (self);
  request->file = g_object_ref (file);
  name = g_file_get_basename (file);
  display = g_filename_display_name (name);
  /* Translators: %s is the name of the file being imported. */
  body = g_strdup_printf (_("Everything LDN Guide keeps on this computer (checklist, notes, answers, questions) "
                            "will be replaced by what is in “%s”. To keep a copy of what is here now, export "
                            "your data first."), display);
  return ldn_compat_confirm_full (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                  _("Replace Your Data?"), body, _("_Cancel"), _("_Replace"),
                                  import_confirmed_cb, request);
}

static void
import_file_chosen_cb (GFile    *file,
                       gpointer  user_data)
{
  g_autoptr(LdnApplication) self = user_data;

  if (file != NULL)
    ldn_application_confirm_import (self, file);
}

static void
ldn_application_import_data_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  LdnApplication *self = LDN_APPLICATION (user_data);
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();

  /* Translators: the kind of file offered when importing. */
  gtk_file_filter_set_name (json, _("LDN Guide data (JSON)"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_pattern (json, "*.json");
  ldn_compat_open_file (gtk_application_get_active_window (GTK_APPLICATION (self)),
                        _("Import My Data"), json, import_file_chosen_cb, g_object_ref (self));
}

static void
delete_confirmed_cb (gboolean confirmed,
                     gpointer user_data)
{
  g_autoptr(LdnApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!confirmed)
    return;

  if (ldn_user_store_delete_all (ldn_application_get_user_store (self), &error))
    toast (self, _("All your data was deleted from this computer."));
  else
    toast (self, error->message);
}

static void
ldn_application_delete_data_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  LdnApplication *self = LDN_APPLICATION (user_data);

  ldn_compat_confirm (gtk_application_get_active_window (GTK_APPLICATION (self)),
                      _("Delete All Your Data?"),
                      _("This deletes your side-effect checklist, notes, safety answers, questions, “what matters "
                        "to me” and your answers to the guide’s questions from this computer. It cannot be undone. "
                        "To keep a copy, export your data first."),
                      _("_Delete All"), delete_confirmed_cb, g_object_ref (self));
}

static const GActionEntry app_actions[] = {
  { "quit", ldn_application_quit_action },
  { "export-data", ldn_application_export_data_action },
  { "import-data", ldn_application_import_data_action },
  { "delete-data", ldn_application_delete_data_action },
  { "about", ldn_application_about_action },
  { "help", ldn_application_help_action },
};

static void
ldn_application_dispose (GObject *object)
{
  LdnApplication *self = LDN_APPLICATION (object);

  g_clear_object (&self->content_store);
  g_clear_error (&self->content_error);
  if (self->user_monitor != NULL)
    g_file_monitor_cancel (self->user_monitor);
  g_clear_object (&self->user_monitor);
  g_clear_object (&self->user_store);

  G_OBJECT_CLASS (ldn_application_parent_class)->dispose (object);
}

static void
ldn_application_class_init (LdnApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ldn_application_dispose;

  app_class->activate = ldn_application_activate;
  app_class->startup = ldn_application_startup;
  app_class->handle_local_options = ldn_application_handle_local_options;
}

static void
ldn_application_init (LdnApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), ldn_command_line_option_entries ());
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Understand low-dose naltrexone and prepare for a talk with your doctor."));
  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);
}

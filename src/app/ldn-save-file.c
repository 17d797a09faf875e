/* ldn-save-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "compat/ldn-compat.h"
#include "ldn-save-file.h"
#include "ldn-window.h"

typedef struct {
  GtkWindow        *parent;
  LdnWriteFileFunc  write;
  gpointer          data;
  GDestroyNotify    destroy;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_clear_object (&request->parent);
  if (request->destroy != NULL)
    request->destroy (request->data);
  g_free (request);
}

static void
say (GtkWindow  *parent,
     const char *message)
{
  if (LDN_IS_WINDOW (parent))
    ldn_window_add_toast (LDN_WINDOW (parent), message);
  else
    g_message ("%s", message);
}

typedef struct {
  GWeakRef  parent;  /* the toast lives in the window: no strong ref back */
  GFile    *file;
} SavedFile;

static void
saved_file_free (SavedFile *saved)
{
  g_weak_ref_clear (&saved->parent);
  g_object_unref (saved->file);
  g_free (saved);
}

static void
open_saved_cb (AdwToast  *toast,
               SavedFile *saved)
{
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&saved->parent);

  ldn_compat_launch_file (parent, saved->file);
}

void
ldn_save_file_report_saved (GtkWindow *parent,
                            GFile     *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (name);
  g_autofree char *message = NULL;
  SavedFile *saved;
  AdwToast *toast;

  g_return_if_fail (G_IS_FILE (file));

  /* Translators: a toast after saving; %s is the file's name. The
   * toast's title is Pango markup, so the name is escaped. */
  message = g_markup_printf_escaped (_("Saved as “%s”"), display);
  if (!LDN_IS_WINDOW (parent))
    {
      g_message ("%s", message);
      return;
    }

  saved = g_new0 (SavedFile, 1);
  g_weak_ref_init (&saved->parent, parent);
  saved->file = g_object_ref (file);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_saved_cb), saved,
                         (GClosureNotify) (void (*) (void)) saved_file_free, 0);
  ldn_window_show_toast (LDN_WINDOW (parent), toast);
}

static void
file_chosen_cb (GFile    *file,
                gpointer  user_data)
{
  SaveRequest *request = user_data;
  g_autoptr(GError) error = NULL;

  if (file != NULL)
    {
      if (request->write (file, request->data, &error))
        ldn_save_file_report_saved (request->parent, file);
      else
        {
          g_autofree char *message = g_strdup_printf (_("Nothing was saved: %s"), error->message);

          say (request->parent, message);
        }
    }

  save_request_free (request);
}

void
ldn_save_file (GtkWindow        *parent,
               const char       *title,
               const char       *suggested_name,
               LdnWriteFileFunc  write,
               gpointer          data,
               GDestroyNotify    destroy)
{
  SaveRequest *request;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (write != NULL);

  request = g_new0 (SaveRequest, 1);
  request->parent = parent != NULL ? g_object_ref (parent) : NULL;
  request->write = write;
  request->data = data;
  request->destroy = destroy;

  ldn_compat_save_file (parent, title, suggested_name, file_chosen_cb, request);
}

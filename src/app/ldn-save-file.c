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
#include "pages/ldn-toast.h"

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

void
ldn_save_file_report_saved (GtkWindow *parent,
                            GFile     *file)
{
  g_return_if_fail (G_IS_FILE (file));

  if (!LDN_IS_WINDOW (parent))
    {
      g_autofree char *name = g_file_get_basename (file);

      g_message ("Saved as %s", name);
      return;
    }
  /* The same toast as everywhere a file is saved (src/pages/ldn-toast.c). */
  ldn_window_show_toast (LDN_WINDOW (parent), ldn_toast_new_saved (GTK_WIDGET (parent), file));
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

/* ldn-save-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

static void
file_chosen_cb (GFile    *file,
                gpointer  user_data)
{
  SaveRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (file != NULL)
    {
      name = g_file_get_parse_name (file);
      if (request->write (file, request->data, &error))
        message = g_strdup_printf (_("Saved to %s"), name);
      else
        message = g_strdup_printf (_("Nothing was saved: %s"), error->message);
      say (request->parent, message);
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

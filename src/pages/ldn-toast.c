/* ldn-toast.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "compat/ldn-compat.h"
#include "ldn-toast.h"

void
ldn_toast_add (GtkWidget *widget,
               AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = ADW_IS_TOAST_OVERLAY (widget) ? widget : gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (toast);
      return;
    }

  /* A toast is not read by a screen reader on GTK 4.8: announce it too. */
  ldn_compat_announce (overlay, adw_toast_get_title (toast));
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
ldn_toast_show (GtkWidget  *widget,
                const char *message)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  /* A path or an error may hold "&" or "<", which markup would refuse. */
  escaped = g_markup_escape_text (message, -1);
  ldn_toast_add (widget, adw_toast_new (escaped));
}

typedef struct {
  GWeakRef  widget;  /* the toast lives in the window: no strong ref back */
  GFile    *file;
} SavedFile;

static void
saved_file_free (SavedFile *saved)
{
  g_weak_ref_clear (&saved->widget);
  g_object_unref (saved->file);
  g_free (saved);
}

static void
open_saved_cb (AdwToast  *toast,
               SavedFile *saved)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&saved->widget);
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  ldn_compat_launch_file (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, saved->file);
}

AdwToast *
ldn_toast_new_saved (GtkWidget *widget,
                     GFile     *file)
{
  g_autofree char *name = NULL;
  g_autofree char *display = NULL;
  g_autofree char *message = NULL;
  SavedFile *saved;
  AdwToast *toast;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  display = g_filename_display_name (name);
  /* Translators: a toast after saving; %s is the file's name. The
   * toast's title is Pango markup, so the name is escaped. */
  message = g_markup_printf_escaped (_("Saved as “%s”"), display);
  saved = g_new0 (SavedFile, 1);
  g_weak_ref_init (&saved->widget, widget);
  saved->file = g_object_ref (file);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_saved_cb), saved,
                         (GClosureNotify) (void (*) (void)) saved_file_free, 0);
  return toast;
}

void
ldn_toast_show_saved (GtkWidget *widget,
                      GFile     *file)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (G_IS_FILE (file));

  ldn_toast_add (widget, ldn_toast_new_saved (widget, file));
}

void
ldn_toast_show_error (GtkWidget    *widget,
                      const GError *error)
{
  g_return_if_fail (error != NULL);

  ldn_toast_show (widget, error->message);
}

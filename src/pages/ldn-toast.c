/* ldn-toast.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  ldn_toast_add (widget, adw_toast_new (message));
}

void
ldn_toast_show_error (GtkWidget    *widget,
                      const GError *error)
{
  g_return_if_fail (error != NULL);

  ldn_toast_show (widget, error->message);
}

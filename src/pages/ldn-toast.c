/* ldn-toast.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ldn-toast.h"

void
ldn_toast_show (GtkWidget  *widget,
                const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  if (!gtk_widget_activate_action (widget, "win.show-toast", "s", message))
    g_message ("%s", message);
}

void
ldn_toast_show_error (GtkWidget    *widget,
                      const GError *error)
{
  g_return_if_fail (error != NULL);

  ldn_toast_show (widget, error->message);
}

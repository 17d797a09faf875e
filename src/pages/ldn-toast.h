/* ldn-toast.h
 *
 * The one way a page tells the person something short: a toast in its
 * window, through the window's "win.show-toast" action, so pages never
 * reach up into the window's code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Outside a window (tests, a widget not yet shown) it goes to the log. */
void ldn_toast_show       (GtkWidget    *widget,
                           const char   *message);
void ldn_toast_show_error (GtkWidget    *widget,
                           const GError *error);

G_END_DECLS

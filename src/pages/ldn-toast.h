/* ldn-toast.h
 *
 * The one way a page tells the person something short: a toast in its
 * window, through the window's "win.show-toast" action, so pages never
 * reach up into the window's code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Outside a window (tests, a widget not yet shown) it goes to the log. */
void ldn_toast_show       (GtkWidget    *widget,
                           const char   *message);
void ldn_toast_show_error (GtkWidget    *widget,
                           const GError *error);
/* The one way toasts are shown: in the toast overlay WIDGET is in, and
 * said to a screen reader too. Takes TOAST. */
void ldn_toast_add        (GtkWidget    *widget,
                           AdwToast     *toast);

G_END_DECLS

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

/* Outside a window (tests, a widget not yet shown) it goes to the log.
 * MESSAGE is plain text (a toast's title is markup: it is escaped). */
void ldn_toast_show       (GtkWidget    *widget,
                           const char   *message);
/* "Saved as “name”", with an Open button that opens FILE, the same
 * wherever a file is saved. */
void ldn_toast_show_saved (GtkWidget    *widget,
                           GFile        *file);
/* That toast, for a caller that adds it itself; Open uses WIDGET's window. */
AdwToast *ldn_toast_new_saved (GtkWidget *widget,
                               GFile     *file);
void ldn_toast_show_error (GtkWidget    *widget,
                           const GError *error);
/* The one way toasts are shown: in the toast overlay WIDGET is in, and
 * said to a screen reader too. Takes TOAST. */
void ldn_toast_add        (GtkWidget    *widget,
                           AdwToast     *toast);

G_END_DECLS

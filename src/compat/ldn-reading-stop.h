/* ldn-reading-stop.h: a stop for the keyboard, read by its name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LDN_TYPE_READING_STOP (ldn_reading_stop_get_type ())
G_DECLARE_FINAL_TYPE (LdnReadingStop, ldn_reading_stop, LDN, READING_STOP, GtkWidget)

/* An empty widget that takes keyboard focus and is read by a screen
 * reader as TEXT, with ROLE; laid over what it stands for (its focus ring
 * is drawn round it). For text that a screen reader must say other than
 * as written, where a focused label is read by its own text and a
 * container by its children's (a table row, from its first cell). */
GtkWidget *ldn_reading_stop_new (GtkAccessibleRole  role,
                                 const char        *text);

G_END_DECLS

/* ldn-page-layout.h
 *
 * The two pieces every reading page is made of: a scrolling, clamped
 * column with the app's margins, and a wrapping left-aligned label.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Fills SCROLLER with a column at most MAX_WIDTH wide; returns the column. */
GtkWidget *ldn_reading_column_new (GtkWidget  *scroller,
                                   int         max_width);
GtkWidget *ldn_wrapped_label_new  (const char *text,
                                   const char *css_class);
/* For the guide's own sentences, which have no unbroken string longer
 * than LDN_CONTENT_MAX_WORD (test-content-quality checks): wrapping only
 * at word boundaries measures much faster than also allowing a break
 * inside a word, which user text, addresses and errors need. */
GtkWidget *ldn_prose_label_new    (const char *text,
                                   const char *css_class);

G_END_DECLS

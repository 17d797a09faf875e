/* ldn-user-text.h
 *
 * What a person typed, made safe to show next to the app's own text (on
 * the sheet, in labels): it can neither reorder what is around it nor
 * hide characters. No GTK here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TEXT as it should be shown: line breaks of any kind become "\n", more
 * than one blank line in a row becomes one, leading and trailing white
 * space goes; control characters other than tab and line breaks become
 * a visible U+FFFD, and the bidi embeddings, overrides and isolates the
 * person typed (U+202A-U+202E, U+2066-U+2069) are dropped. Each line is
 * then wrapped in a first-strong isolate (U+2068 ... U+2069), so that
 * right-to-left text keeps its own order without reversing the date,
 * the numbering or the words beside it. Empty or white space only gives
 * "". Invalid UTF-8 bytes become U+FFFD. */
char *ldn_user_text_dup_isolated (const char *text);
/* The same text without the isolates: for a label that holds nothing
 * else, whose direction is its own. */
char *ldn_user_text_dup_plain    (const char *text);

G_END_DECLS

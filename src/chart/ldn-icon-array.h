/* ldn-icon-array.h
 *
 * A small picture of 100 people, some filled: how many out of 100 had an
 * outcome. Screen readers get its description, the sentence it shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LDN_TYPE_ICON_ARRAY (ldn_icon_array_get_type ())

G_DECLARE_FINAL_TYPE (LdnIconArray, ldn_icon_array, LDN, ICON_ARRAY, GtkWidget)

/* LABEL names the picture ("40 of 100 people on placebo"); DESCRIPTION is
 * the whole sentence it illustrates. */
GtkWidget *ldn_icon_array_new        (guint       filled,
                                      guint       total,
                                      const char *label,
                                      const char *description);
guint      ldn_icon_array_get_filled (LdnIconArray *self);

G_END_DECLS

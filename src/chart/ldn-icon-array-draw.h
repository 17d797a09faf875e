/* ldn-icon-array-draw.h
 *
 * A 100-person icon array as one cairo function: the widget on screen
 * and the printed sheet both call it, so a frequency looks the same in
 * the guide and on paper. No GTK, no allocation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "ldn-chart-draw.h"

G_BEGIN_DECLS

#define LDN_ICON_ARRAY_COLUMNS 10

/* Height for WIDTH, so icons stay square: TOTAL people in rows of ten. */
double ldn_icon_array_height_for_width (double width,
                                        guint  total);

/* Draws TOTAL people in rows of ten, from the top left, into a WIDTH x
 * HEIGHT box at the origin: the first FILLED (read row by row) in FILLED_COLOR,
 * the rest as outlines in EMPTY_COLOR, so the count reads without colour. */
void   ldn_icon_array_draw             (cairo_t        *cr,
                                        double          width,
                                        double          height,
                                        guint           filled,
                                        guint           total,
                                        const LdnColor *filled_color,
                                        const LdnColor *empty_color);

G_END_DECLS

/* ldn-axis-draw.h
 *
 * The axes the occupancy chart and the diary's trend chart share, in pure
 * cairo: grid lines or ticks at given positions with their labels, where a
 * label that would cover the one drawn before it is left out (a short or
 * narrow chart, large text). Each chart measures and shows its text its own
 * way (its layouts, its cache), through LdnAxisText.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

#include "chart/ldn-chart-draw.h"

G_BEGIN_DECLS

typedef struct {
  /* The size of TEXT in user units. */
  void   (*measure) (gpointer        user_data,
                     const char     *text,
                     double         *width,
                     double         *height);
  /* TEXT with its top left at X, Y, in COLOR. */
  void   (*show)    (gpointer        user_data,
                     cairo_t        *cr,
                     const char     *text,
                     double          x,
                     double          y,
                     const LdnColor *color);
  gpointer user_data;
} LdnAxisText;

/* Measures and shows with LAYOUT (its font as set), which must outlive TEXT. */
void ldn_axis_text_init_for_layout (LdnAxisText *text,
                                    PangoLayout *layout);

typedef struct {
  double      position;   /* y of a value axis' grid line, x of a time axis' tick */
  const char *label;      /* NULL: the line only */
  double      x_align;    /* time axis: 0 label starts at the tick, 0.5 centred, 1 ends there */
} LdnAxisTick;

/* A row of labels placed from left to right, none covering the one before
 * nor coming nearer to it than GAP. */
typedef struct {
  double next_free;
  double gap;
} LdnAxisRow;

void     ldn_axis_row_init (LdnAxisRow *row,
                            double      gap);
/* TRUE, and the room taken, if a label from LEFT, WIDTH wide, fits. */
gboolean ldn_axis_row_take (LdnAxisRow *row,
                            double      left,
                            double      width);

/* A value axis: a grid line from X0 to X1 at each tick (given from the
 * bottom up), its label right-aligned GAP left of X0 and centred on the
 * line; a label that would cover the one below it is left out. Returns the
 * widest label drawn. */
double ldn_axis_draw_values (cairo_t           *cr,
                             const LdnAxisText *text,
                             const LdnAxisTick *ticks,
                             guint              n_ticks,
                             double             x0,
                             double             x1,
                             double             gap,
                             const LdnColor    *grid,
                             const LdnColor    *color);

/* How much room left of X0 the value axis above needs, with TICKS' labels
 * GAP left of X0: each label's width and gap, and one beside the axis'
 * title (rotated, from TITLE_TOP to TITLE_BOTTOM, its right edge
 * TITLE_RIGHT from the chart's left edge) must also clear the title. */
double ldn_axis_values_room (const LdnAxisText *text,
                             const LdnAxisTick *ticks,
                             guint              n_ticks,
                             double             gap,
                             double             title_right,
                             double             title_top,
                             double             title_bottom);

/* A time axis: at each tick (given from left to right) a line from Y0 to Y1
 * and its label, moved DX right, placed by its x_align, its top at LABEL_Y
 * (its middle, if LABEL_MIDDLE); a label that would come nearer than GAP to
 * the one before it, or end right of RIGHT, is left out. */
void   ldn_axis_draw_times  (cairo_t           *cr,
                             const LdnAxisText *text,
                             const LdnAxisTick *ticks,
                             guint              n_ticks,
                             double             y0,
                             double             y1,
                             double             dx,
                             double             label_y,
                             gboolean           label_middle,
                             double             gap,
                             double             right,
                             const LdnColor    *grid,
                             const LdnColor    *color);

G_END_DECLS

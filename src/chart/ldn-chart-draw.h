/* ldn-chart-draw.h
 *
 * The occupancy chart as one cairo drawing function. The chart widget,
 * the printed sheet and any export call this same function, so what is
 * on screen is what is on paper. It allocates nothing per frame beyond
 * one Pango layout, and touches no database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "content/ldn-content-types.h"
#include "model/ldn-occupancy-model.h"

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;
} LdnColor;

typedef struct {
  LdnColor    foreground;
  LdnColor    background;     /* alpha 0 leaves the surface as it is */
  LdnColor    label_background;  /* behind the scans' labels; alpha 0: none */
  LdnColor    grid;
  LdnColor    night;
  LdnColor    sustained;
  LdnColor    band;
  LdnColor    transient;
  LdnColor    comparison;
  LdnColor    marker;
  LdnColor    playhead;
  const char *font;           /* Pango font description, e.g. "Cantarell 10" */
  double      line_width;     /* of the main curve, in user units */
} LdnChartStyle;

/* Translated words the chart prints; the caller owns them. */
typedef struct {
  const char *y_axis;          /* "Receptors blocked (%)" */
  const char *sustained;       /* legend: central estimate and band */
  const char *transient;       /* legend: brief-blockade idea */
  const char *comparison;      /* legend: 50 mg */
  const char *measured;        /* legend: brain scans */
  const char *no_data;         /* "No measurements below 2 mg", or NULL */
  const char *day_format;      /* "Day %u" */
} LdnChartLabels;

typedef struct {
  const LdnOccupancyCurve *curve;        /* the chosen dose */
  const LdnOccupancyCurve *comparison;   /* 50 mg, or NULL when off */
  double                   span_h;
  guint                    dose_minute;  /* clock time of the first dose */
  const LdnPetPoint       *pet_points;
  guint                    n_pet_points;
  gboolean                 show_comparison_points;
  gboolean                 repeated_doses;  /* scans after one dose only fit the first day */
  LdnChartLabels           labels;
} LdnChartData;

/* Draws into WIDTH x HEIGHT user units at the current origin. The curves
 * are drawn up to PLAYHEAD_H hours, and a playhead marks it; a negative
 * playhead draws the finished picture. HOVER_H < 0 draws no hover line. */
void     ldn_chart_draw       (cairo_t             *cr,
                               double               width,
                               double               height,
                               const LdnChartData  *data,
                               const LdnChartStyle *style,
                               double               playhead_h,
                               double               hover_h);

/* Whether ldn_chart_draw() puts the legend in one column at WIDTH: on a
 * narrow chart, or when an entry would run into the second column. */
gboolean ldn_chart_legend_in_one_column (double               width,
                                         const LdnChartData  *data,
                                         const LdnChartStyle *style);

/* Maps an x position to hours after the first dose; FALSE outside the plot. */
gboolean ldn_chart_hours_at_x (double               width,
                               const LdnChartData  *data,
                               double               x,
                               double              *hours);

/* The index of the scan marker at X, Y in a WIDTH x HEIGHT chart, or -1. */
int      ldn_chart_pet_point_at (double               width,
                                 double               height,
                                 const LdnChartData  *data,
                                 const LdnChartStyle *style,
                                 double               x,
                                 double               y);

/* The x position of HOURS after the first dose; the inverse of the above. */
double   ldn_chart_x_at_hours (double               width,
                               const LdnChartData  *data,
                               double               hours);

/* Only the playhead and the hover line of ldn_chart_draw(): what moves. */
void     ldn_chart_draw_playhead (cairo_t             *cr,
                                  double               width,
                                  double               height,
                                  const LdnChartData  *data,
                                  const LdnChartStyle *style,
                                  double               playhead_h,
                                  double               hover_h);

/* For animation: the finished picture and the empty chart are drawn once
 * into image surfaces; a frame is then two copies and a playhead, which
 * keeps each frame cheap at any size. Invalidate when data or style
 * change. */
typedef struct _LdnChartCache LdnChartCache;

LdnChartCache *ldn_chart_cache_new        (void);
void           ldn_chart_cache_free       (LdnChartCache       *cache);
void           ldn_chart_cache_invalidate (LdnChartCache       *cache);
void           ldn_chart_cache_draw       (LdnChartCache       *cache,
                                           cairo_t             *cr,
                                           int                  width,
                                           int                  height,
                                           int                  scale,
                                           const LdnChartData  *data,
                                           const LdnChartStyle *style,
                                           double               playhead_h,
                                           double               hover_h);
/* ldn_chart_cache_draw() without the playhead and hover line: the curves
 * up to PLAYHEAD_H (all of them when negative) over the background. A
 * widget can draw it in tiles and keep the tiles that do not change. */
void           ldn_chart_cache_draw_background (LdnChartCache       *cache,
                                                cairo_t             *cr,
                                                int                  width,
                                                int                  height,
                                                int                  scale,
                                                const LdnChartData  *data,
                                                const LdnChartStyle *style,
                                                double               playhead_h);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdnChartCache, ldn_chart_cache_free)

/* A style for paper: black text, print-safe colours. */
void     ldn_chart_style_init_for_print (LdnChartStyle *style);

G_END_DECLS

/* ldn-trend-draw.h
 *
 * One followed diary item over time as one cairo drawing function, for
 * the screen and for paper (like ldn-chart-draw.h for occupancy): the
 * 0-10 axis with the person's meaning of 0 and 10, the ratings as points
 * joined only between consecutive records (a day or week without a record
 * is a gap, never interpolated), the baseline window shaded with the
 * baseline median as a line inside its range drawn as a band, the start
 * date and every dose change as labelled vertical lines, and side effects
 * as marks along the bottom. It draws no verdict.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "chart/ldn-chart-draw.h"
#include "model/ldn-diary.h"
#include "model/ldn-diary-summary.h"

G_BEGIN_DECLS

typedef struct {
  LdnColor    foreground;     /* text, axes */
  LdnColor    background;     /* alpha 0 leaves the surface as it is */
  LdnColor    grid;
  LdnColor    line;           /* the ratings */
  LdnColor    baseline;       /* the baseline window's shading */
  LdnColor    band;           /* baseline range band */
  LdnColor    marker;         /* start and dose lines */
  LdnColor    side_effect;
  const char *font;           /* Pango font description */
  double      line_width;
} LdnTrendStyle;

/* Translated words the drawing prints; the caller owns them. */
typedef struct {
  const char *start;          /* "Start" */
  const char *dose_format;    /* "%s mg": the dose as text */
  const char *baseline;       /* "Baseline" */
  const char *side_effects;   /* "Side effects" (the marks' row) */
  const char *baseline_range; /* the legend's grey band; NULL: no entry */
  const char *baseline_median;/* the legend's dashed line; NULL: no entry */
} LdnTrendLabels;

/* A text as drawn: its extent in user units and the text. */
typedef struct {
  double      x, y, width, height;
  const char *text;           /* interned */
} LdnTrendTextBox;

typedef struct {
  const LdnDiary            *diary;
  guint                      item;      /* index into diary->items */
  const LdnDiaryItemSummary *summary;   /* for the band; NULL draws none */
  GDate                      first;     /* the days shown, inclusive */
  GDate                      last;
  LdnTrendLabels             labels;
} LdnTrendData;

/* Sets FIRST and LAST of DATA to the diary's first entry (or the baseline
 * window's start, whichever is earlier) and UNTIL. */
void ldn_trend_data_set_range_from_diary (LdnTrendData   *data,
                                          const GDate    *until);

/* What does not change between frames: every label's Pango layout and
 * size (by text and font), the ratings' path for the data and size, and,
 * once the owner gives a pixel scale, the ratings drawn as a picture at
 * that scale. A widget owns one and invalidates it when its data or style
 * change (size, font and the style's line are checked at each draw). */
typedef struct _LdnTrendCache LdnTrendCache;

LdnTrendCache *ldn_trend_cache_new        (void);
void           ldn_trend_cache_free       (LdnTrendCache *cache);
void           ldn_trend_cache_invalidate (LdnTrendCache *cache);
/* Device pixels per user unit of the surfaces drawn on (the widget's scale
 * factor); 0, the default, keeps no picture. */
void           ldn_trend_cache_set_scale  (LdnTrendCache *cache,
                                           int            scale);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdnTrendCache, ldn_trend_cache_free)

/* Draws into WIDTH x HEIGHT user units at the current origin. CACHE may be
 * NULL (paper): the drawing is the same, only slower. */
void ldn_trend_draw (cairo_t             *cr,
                     double               width,
                     double               height,
                     const LdnTrendData  *data,
                     const LdnTrendStyle *style,
                     LdnTrendCache       *cache);

/* How tall the text rows above and below the plot are, with text LINE tall
 * and a legend of LEGEND_ROWS rows: a chart that wants a plot H tall asks
 * for this plus H. */
double ldn_trend_get_text_height (double line,
                                  guint  legend_rows);

/* The plot area inside WIDTH x HEIGHT (for tests and hit testing). */
void ldn_trend_get_plot_area (double              width,
                              double              height,
                              const LdnTrendData *data,
                              double             *x,
                              double             *y,
                              double             *plot_width,
                              double             *plot_height);
/* The x of the middle of DATE's day and the y of RATING in the plot. */
double ldn_trend_x_at_date   (double              width,
                              double              height,
                              const LdnTrendData *data,
                              const GDate        *date);
double ldn_trend_y_at_rating (double              width,
                              double              height,
                              const LdnTrendData *data,
                              double              rating);

/* Draws as ldn_trend_draw would and returns where every text went, of
 * LdnTrendTextBox (for tests: no two overlap, none leaves the chart). */
GArray *ldn_trend_dup_text_boxes (double               width,
                                  double               height,
                                  const LdnTrendData  *data,
                                  const LdnTrendStyle *style);

/* Paper: black ink and greys only, readable in greyscale. */
void ldn_trend_style_init_for_print (LdnTrendStyle *style);

G_END_DECLS

/* ldn-trend-chart.h
 *
 * A thin widget around ldn_trend_draw(): one followed diary item over time.
 * Its accessible name is the item's label and its accessible description the
 * summary sentence; ldn_trend_chart_dup_table_model() gives the values as a
 * list for a GtkColumnView, so a screen reader can read every recorded day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chart/ldn-trend-draw.h"

G_BEGIN_DECLS

#define LDN_TYPE_TREND_CHART (ldn_trend_chart_get_type ())

G_DECLARE_FINAL_TYPE (LdnTrendChart, ldn_trend_chart, LDN, TREND_CHART, GtkWidget)

GtkWidget  *ldn_trend_chart_new     (void);
/* DIARY is borrowed and must outlive the chart or the next call; ITEM is
 * its index; UNTIL the summaries' "today". A NULL diary shows nothing. */
void        ldn_trend_chart_set_diary (LdnTrendChart  *self,
                                       const LdnDiary *diary,
                                       guint           item,
                                       const GDate    *until);
/* The style it draws with now (its colours, and in *FONT, which the caller
 * frees, its font); for tests. */
void        ldn_trend_chart_get_style (LdnTrendChart *self,
                                       LdnTrendStyle *style,
                                       char         **font);
/* The summary sentence (also the accessible description), or NULL. */
const char *ldn_trend_chart_get_summary (LdnTrendChart *self);

/* One row of the table of values: a recorded rating. */
#define LDN_TYPE_TREND_ROW (ldn_trend_row_get_type ())
G_DECLARE_FINAL_TYPE (LdnTrendRow, ldn_trend_row, LDN, TREND_ROW, GObject)

const char *ldn_trend_row_get_date   (LdnTrendRow *row);   /* "3 March 2027" */
const char *ldn_trend_row_get_rating (LdnTrendRow *row);   /* "6", or "" when not recorded */
const char *ldn_trend_row_get_period (LdnTrendRow *row);   /* "Baseline", "After the start", "" */
const char *ldn_trend_row_get_notes  (LdnTrendRow *row);   /* side effects and dose, "" */

/* Every entry up to UNTIL with a rating or a side effect for ITEM, as a
 * GListModel of LdnTrendRow in date order. */
GListModel *ldn_trend_chart_dup_table_model (const LdnDiary *diary,
                                             guint           item,
                                             const GDate    *until);

G_END_DECLS

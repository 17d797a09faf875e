/* ldn-occupancy-chart.h
 *
 * A thin widget around ldn_chart_draw(): it keeps the curves, takes its
 * colours from the style (light, dark, high contrast), and turns pointer
 * drags into scrubbing and hovering into a value line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chart/ldn-chart-draw.h"

G_BEGIN_DECLS

#define LDN_TYPE_OCCUPANCY_CHART (ldn_occupancy_chart_get_type ())

G_DECLARE_FINAL_TYPE (LdnOccupancyChart, ldn_occupancy_chart, LDN, OCCUPANCY_CHART, GtkWidget)

/* How to read the style's colours: the GTK version decides, so the app
 * supplies its compat functions at start-up (the chart does not reach
 * up into app/). Until then the chart uses fixed colours. */
typedef void     (*LdnWidgetColorFunc) (GtkWidget  *widget,
                                        GdkRGBA    *color);
typedef gboolean (*LdnLookupColorFunc) (GtkWidget  *widget,
                                        const char *name,
                                        GdkRGBA    *color);
void       ldn_occupancy_chart_set_color_functions (LdnWidgetColorFunc widget_color,
                                                    LdnLookupColorFunc lookup_color);

GtkWidget *ldn_occupancy_chart_new          (void);
/* Takes ownership of both curves; COMPARISON may be NULL. */
void       ldn_occupancy_chart_set_curves   (LdnOccupancyChart *self,
                                             LdnOccupancyCurve *curve,
                                             LdnOccupancyCurve *comparison,
                                             double             dose_mg,
                                             double             span_h,
                                             guint              dose_minute,
                                             gboolean           repeated_doses);
void       ldn_occupancy_chart_set_pet_points (LdnOccupancyChart *self,
                                               GArray            *points);
/* The legend's words for the main curve instead of "N mg: estimate, ...";
 * NULL goes back to those (the person's plan has several doses). */
void       ldn_occupancy_chart_set_legend   (LdnOccupancyChart *self,
                                             const char        *sustained);
const LdnOccupancyCurve *
           ldn_occupancy_chart_get_curve    (LdnOccupancyChart *self);
/* The 50 mg curve, or NULL when it is not shown. */
const LdnOccupancyCurve *
           ldn_occupancy_chart_get_comparison (LdnOccupancyChart *self);
double     ldn_occupancy_chart_get_playhead (LdnOccupancyChart *self);
/* Hours after the first dose; negative shows the finished picture. */
void       ldn_occupancy_chart_set_playhead (LdnOccupancyChart *self,
                                             double             hours);
/* For tests: the chart at its size drawn in one go, as before it was
 * drawn in tiles; what the tiles on screen must add up to. */
void       ldn_occupancy_chart_draw_whole   (LdnOccupancyChart *self,
                                             cairo_t           *cr);

G_END_DECLS

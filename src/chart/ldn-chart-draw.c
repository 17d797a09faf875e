/* ldn-chart-draw.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "ldn-axis-draw.h"
#include "ldn-chart-draw.h"

/* Room around the plot for the axis labels, in user units. */
#define MARGIN_LEFT   62
#define MARGIN_RIGHT  14
#define MARGIN_TOP    12
#define MARGIN_BOTTOM 30
#define NIGHT_START_H 22
#define NIGHT_END_H    6
/* Enough points for a smooth line; more only costs time per frame. */
#define MAX_SAMPLES 900

/* The legend sits under the time axis, off the curves: in two columns,
 * or in one below this width. */
#define NARROW_WIDTH 520
#define LEGEND_LINE 20
/* A legend entry's words start this far right of its mark, and two
 * columns keep at least LEGEND_GAP between them. */
#define LEGEND_TEXT_X 26
#define LEGEND_GAP 16

typedef struct {
  double x, y, width, height;
  double title_x;         /* the middle of the y axis' title, rotated */
  double span_h;
  gboolean legend_below;  /* one column */
  guint legend_rows;
  double legend_line;
} Plot;

static void
set_color (cairo_t        *cr,
           const LdnColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static double
x_for (const Plot *plot,
       double      hours)
{
  return plot->x + plot->width * hours / plot->span_h;
}

static double
y_for (const Plot *plot,
       double      percent)
{
  return plot->y + plot->height * (1 - CLAMP (percent, 0, 100) / 100);
}

/* The height of a legend line in FONT, as ldn_chart_draw()'s layouts
 * measure it (large text makes it taller). Kept for the last font: the
 * playhead is drawn every frame. */
static double
legend_line_for_font (const char *font)
{
  G_LOCK_DEFINE_STATIC (last);
  static char *last_font;
  static double last_line;
  double line;

  if (font == NULL)
    return LEGEND_LINE;

  G_LOCK (last);
  if (g_strcmp0 (font, last_font) != 0)
    {
      PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      PangoLayout *layout = pango_layout_new (context);
      PangoFontDescription *description = pango_font_description_from_string (font);
      int height;

      pango_layout_set_font_description (layout, description);
      pango_font_description_free (description);
      pango_layout_set_text (layout, "Mg", -1);
      pango_layout_get_pixel_size (layout, NULL, &height);
      g_object_unref (layout);
      g_object_unref (context);
      g_free (last_font);
      last_font = g_strdup (font);
      last_line = MAX (LEGEND_LINE, height + 4);
    }
  line = last_line;
  G_UNLOCK (last);

  return line;
}

/* The y axis' ticks for PLOT's height, their labels written into TEXTS. */
static void
value_ticks (const Plot  *plot,
             char         texts[5][32],
             LdnAxisTick  ticks[5])
{
  for (int i = 0; i < 5; i++)
    {
      g_snprintf (texts[i], sizeof texts[i], "%d %%", 25 * i);
      ticks[i] = (LdnAxisTick) { round (y_for (plot, 25 * i)) + 0.5, texts[i], 0 };
    }
}

/* Where the plot starts and the y axis' title stands with FONT, for the
 * plot's height (set in PLOT): MARGIN_LEFT, or more when large text would
 * put a number on the title or off the chart. Kept for the last font,
 * title and height; with FONT NULL (the functions that map a pointer's x,
 * which get no style), the last one measured: the chart on screen redraws
 * before any pointer moves over it. */
static void
left_room_for_font (Plot              *plot,
                    const char        *font,
                    const char        *title)
{
  G_LOCK_DEFINE_STATIC (last);
  static char *last_font, *last_title;
  static double last_height, last_x = MARGIN_LEFT, last_title_x = 12;

  G_LOCK (last);
  if (font != NULL &&
      (g_strcmp0 (font, last_font) != 0 || g_strcmp0 (title, last_title) != 0 || plot->height != last_height))
    {
      PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      PangoLayout *layout = pango_layout_new (context);
      PangoFontDescription *description = pango_font_description_from_string (font);
      LdnAxisText text;
      LdnAxisTick ticks[5];
      char texts[5][32];
      int title_width = 0, title_height = 0;

      pango_layout_set_font_description (layout, description);
      pango_font_description_free (description);
      if (title != NULL)
        {
          pango_layout_set_text (layout, title, -1);
          pango_layout_get_pixel_size (layout, &title_width, &title_height);
        }
      last_title_x = MAX (12, title_height / 2.0 + 1);
      ldn_axis_text_init_for_layout (&text, layout);
      value_ticks (plot, texts, ticks);
      last_x = MAX (MARGIN_LEFT,
                    ceil (ldn_axis_values_room (&text, ticks, G_N_ELEMENTS (ticks), 6,
                                                title != NULL ? last_title_x + title_height / 2.0 : 0,
                                                plot->y + (plot->height - title_width) / 2,
                                                plot->y + (plot->height + title_width) / 2)));
      g_object_unref (layout);
      g_object_unref (context);
      g_free (last_font);
      g_free (last_title);
      last_font = g_strdup (font);
      last_title = g_strdup (title);
      last_height = plot->height;
    }
  plot->x = last_x;
  plot->title_x = last_title_x;
  G_UNLOCK (last);
}

/* The widest legend entry (line and words) in FONT, as ldn_chart_draw()
 * lays it out. Kept for the last font and words; with FONT NULL (the
 * functions that map a pointer, which get no style) the last one. */
static double
legend_widest_for_font (const char         *font,
                        const LdnChartData *data)
{
  G_LOCK_DEFINE_STATIC (last);
  static char *last_key;
  static double last_widest;
  const char *texts[] = { data->labels.sustained, data->labels.transient,
                          data->comparison != NULL ? data->labels.comparison : NULL,
                          data->n_pet_points > 0 ? data->labels.measured : NULL };
  g_autofree char *key = NULL;
  double widest;

  if (font == NULL)
    {
      G_LOCK (last);
      widest = last_widest;
      G_UNLOCK (last);
      return widest;
    }

  key = g_strjoin ("\x1f", font, texts[0] ? texts[0] : "", texts[1] ? texts[1] : "",
                   texts[2] ? texts[2] : "", texts[3] ? texts[3] : "", NULL);
  G_LOCK (last);
  if (g_strcmp0 (key, last_key) != 0)
    {
      PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      PangoLayout *layout = pango_layout_new (context);
      PangoFontDescription *description = pango_font_description_from_string (font);

      pango_layout_set_font_description (layout, description);
      pango_font_description_free (description);
      last_widest = 0;
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        if (texts[i] != NULL)
          {
            int text_width;

            pango_layout_set_text (layout, texts[i], -1);
            pango_layout_get_pixel_size (layout, &text_width, NULL);
            last_widest = MAX (last_widest, LEGEND_TEXT_X + text_width);
          }
      g_object_unref (layout);
      g_object_unref (context);
      g_free (last_key);
      last_key = g_steal_pointer (&key);
    }
  widest = last_widest;
  G_UNLOCK (last);

  return widest;
}

gboolean
ldn_chart_legend_in_one_column (double               width,
                                const LdnChartData  *data,
                                const LdnChartStyle *style)
{
  const char *font = style != NULL ? (style->font != NULL ? style->font : "Sans 9") : NULL;
  double line = legend_line_for_font (font);
  /* Where the plot starts is known only once its height is (the y axis'
   * title is centred on it), and the height depends on the legend: so
   * the columns are judged with the narrowest left margin, less what
   * large text adds to it (about twice the extra line height). */
  double column = (width - MARGIN_LEFT - MARGIN_RIGHT) / 2 - 2 * (line - LEGEND_LINE);

  return width < NARROW_WIDTH || legend_widest_for_font (font, data) + LEGEND_GAP > column;
}

static void
plot_init (Plot               *plot,
           double              width,
           double              height,
           const LdnChartData *data,
           const char         *font)
{
  guint entries = (data->labels.sustained != NULL) + (data->labels.transient != NULL) +
                  (data->comparison != NULL && data->labels.comparison != NULL) +
                  (data->n_pet_points > 0 && data->labels.measured != NULL);

  plot->legend_below = ldn_chart_legend_in_one_column (width, data, font != NULL ? &(LdnChartStyle) { .font = font } : NULL);
  plot->legend_rows = plot->legend_below ? entries : (entries + 1) / 2;
  plot->y = MARGIN_TOP;
  plot->legend_line = legend_line_for_font (font);
  plot->height = MAX (height - MARGIN_TOP - MARGIN_BOTTOM - plot->legend_rows * plot->legend_line, 1);
  plot->span_h = data->span_h > 0 ? data->span_h : 24;
  left_room_for_font (plot, font, data->labels.y_axis);
  plot->width = MAX (width - plot->x - MARGIN_RIGHT, 1);
}

gboolean
ldn_chart_hours_at_x (double              width,
                      const LdnChartData *data,
                      double              x,
                      double             *hours)
{
  Plot plot;

  g_return_val_if_fail (data != NULL && hours != NULL, FALSE);

  plot_init (&plot, width, 100, data, NULL);
  *hours = CLAMP ((x - plot.x) / plot.width, 0, 1) * plot.span_h;

  return x >= plot.x && x <= plot.x + plot.width;
}

double
ldn_chart_x_at_hours (double              width,
                      const LdnChartData *data,
                      double              hours)
{
  Plot plot;

  g_return_val_if_fail (data != NULL, 0);

  plot_init (&plot, width, 100, data, NULL);
  return x_for (&plot, hours);
}

static void
show_text (cairo_t        *cr,
           PangoLayout    *layout,
           const char     *text,
           double          x,
           double          y,
           double          x_align,  /* 0 left, 0.5 centre, 1 right of x */
           const LdnColor *color)
{
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  set_color (cr, color);
  cairo_move_to (cr, x - width * x_align, y - height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_nights (cairo_t             *cr,
             const Plot          *plot,
             const LdnChartData  *data,
             const LdnChartStyle *style)
{
  double dose_clock_h = data->dose_minute / 60.0;

  set_color (cr, &style->night);
  /* Night k runs from 22:00 on clock day k to 06:00 the next morning. */
  for (int day = -1; day <= (int) (plot->span_h / 24) + 1; day++)
    {
      double start = day * 24 + NIGHT_START_H - dose_clock_h;
      double end = start + (24 - NIGHT_START_H + NIGHT_END_H);

      start = MAX (start, 0);
      end = MIN (end, plot->span_h);
      if (end <= start)
        continue;
      cairo_rectangle (cr, x_for (plot, start), plot->y, x_for (plot, end) - x_for (plot, start), plot->height);
    }
  cairo_fill (cr);
}

static void
draw_grid (cairo_t             *cr,
           PangoLayout         *layout,
           const Plot          *plot,
           const LdnChartData  *data,
           const LdnChartStyle *style)
{
  LdnAxisText axis_text;
  char texts[5][32];
  LdnAxisTick ticks[5];

  ldn_axis_text_init_for_layout (&axis_text, layout);
  value_ticks (plot, texts, ticks);
  ldn_axis_draw_values (cr, &axis_text, ticks, G_N_ELEMENTS (ticks), plot->x, plot->x + plot->width, 6,
                        &style->grid, &style->foreground);
}

/* Clock-time ticks for a day, days for longer spans. */
static void
draw_time_axis (cairo_t             *cr,
                PangoLayout         *layout,
                const Plot          *plot,
                const LdnChartData  *data,
                const LdnChartStyle *style)
{
  /* The first step that keeps labels about 64 units apart. */
  static const double day_steps[] = { 3, 6, 12, 24 };
  static const double days_steps[] = { 12, 24, 48, 72 };
  static const double weeks_steps[] = { 48, 96, 168, 336 };
  const double *steps = plot->span_h <= 24 ? day_steps : plot->span_h <= 72 ? days_steps : weeks_steps;
  LdnAxisText axis_text;
  double every_h = steps[3];
  double label_y = plot->y + plot->height + MARGIN_BOTTOM / 2.0 + 2;
  LdnAxisTick ticks[64];
  char texts[G_N_ELEMENTS (ticks)][64];
  guint n = 0;

  ldn_axis_text_init_for_layout (&axis_text, layout);
  for (guint i = 0; i < 4; i++)
    if (plot->width * steps[i] / plot->span_h >= 64)
      {
        every_h = steps[i];
        break;
      }

  for (double hours = 0; hours <= plot->span_h + 1e-6 && n < G_N_ELEMENTS (ticks); hours += every_h, n++)
    {
      if (plot->span_h <= 72)
        {
          int minute = ((int) round (data->dose_minute + hours * 60)) % (24 * 60);
          g_snprintf (texts[n], sizeof texts[n], "%02d:%02d", minute / 60, minute % 60);
        }
      else
        {
          /* The day format comes translated from the caller, e.g. "Day %u". */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
          g_snprintf (texts[n], sizeof texts[n], data->labels.day_format ? data->labels.day_format : "%u",
                      (guint) (hours / 24) + 1);
#pragma GCC diagnostic pop
        }
      /* Keep the last label inside the chart. */
      ticks[n] = (LdnAxisTick) { round (x_for (plot, hours)) + 0.5, texts[n],
                                 hours == 0 ? 0 : hours + every_h > plot->span_h + 1e-6 ? 1 : 0.5 };
    }
  ldn_axis_draw_times (cr, &axis_text, ticks, n, plot->y + plot->height, plot->y + plot->height + 4, 0, label_y,
                       TRUE, 4, G_MAXDOUBLE, &style->grid, &style->foreground);
}

static guint
sample_count (const Plot *plot)
{
  return CLAMP ((guint) plot->width, 2, MAX_SAMPLES);
}

static void
trace_series (cairo_t                 *cr,
              const Plot              *plot,
              const LdnOccupancyCurve *curve,
              const double            *series,
              double                   until_h,
              gboolean                 reverse)
{
  guint n = sample_count (plot);

  for (guint k = 0; k <= n; k++)
    {
      guint i = reverse ? n - k : k;
      double hours = MIN (until_h, plot->span_h * i / n);
      double x = x_for (plot, hours);
      double y = y_for (plot, ldn_occupancy_curve_sample (curve, series, hours));

      if (k == 0 && !reverse)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
}

static void
draw_band (cairo_t                 *cr,
           const Plot              *plot,
           const LdnOccupancyCurve *curve,
           double                   until_h,
           const LdnColor          *color)
{
  trace_series (cr, plot, curve, curve->sustained_high, until_h, FALSE);
  trace_series (cr, plot, curve, curve->sustained_low, until_h, TRUE);
  cairo_close_path (cr);
  set_color (cr, color);
  cairo_fill (cr);
}

static void
draw_line (cairo_t                 *cr,
           const Plot              *plot,
           const LdnOccupancyCurve *curve,
           const double            *series,
           double                   until_h,
           const LdnColor          *color,
           double                   width,
           const double            *dashes,
           int                      n_dashes)
{
  trace_series (cr, plot, curve, series, until_h, FALSE);
  set_color (cr, color);
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, dashes, n_dashes, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* A scan whose time is known only as a window ("within 8 hours"): a
 * short horizontal bar across the window, with end ticks, never a dot at
 * a time nobody recorded. */
static void
draw_scan_window (cairo_t        *cr,
                  double          x0,
                  double          x1,
                  double          y,
                  const LdnColor *fill,
                  const LdnColor *edge)
{
  double half = 2.5;

  cairo_rectangle (cr, x0, y - half, MAX (x1 - x0, 2), 2 * half);
  set_color (cr, fill);
  cairo_fill_preserve (cr);
  set_color (cr, edge);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_move_to (cr, x0, y - 2 * half);
  cairo_line_to (cr, x0, y + 2 * half);
  cairo_move_to (cr, x1, y - 2 * half);
  cairo_line_to (cr, x1, y + 2 * half);
  cairo_stroke (cr);
}

static gboolean
pet_point_shown (const Plot         *plot,
                 const LdnChartData *data,
                 guint               i)
{
  const LdnPetPoint *point = &data->pet_points[i];

  return !((point->dose_mg >= 50 && !data->show_comparison_points) || point->hours_min > plot->span_h ||
           (data->repeated_doses && point->hours_min >= 24));
}

/* A label on a light backing, so that a curve passing by does not run
 * through its text. */
static void
show_label (cairo_t             *cr,
            PangoLayout         *layout,
            const char          *text,
            double               x,
            double               y,
            const LdnChartStyle *style)
{
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  if (style->label_background.alpha > 0)
    {
      set_color (cr, &style->label_background);
      cairo_rectangle (cr, x - 3, y - height / 2.0 - 1, width + 6, height + 2);
      cairo_fill (cr);
    }
  show_text (cr, layout, text, x, y, 0, &style->foreground);
}

/* Whether a curve line runs through the box X, Y (its centre line), W, H. */
static gboolean
box_crosses_curves (const Plot         *plot,
                    const LdnChartData *data,
                    double              x,
                    double              y,
                    double              w,
                    double              h)
{
  const LdnOccupancyCurve *curves[] = { data->curve, data->comparison };

  for (double px = x - 3; px <= x + w + 3; px += 2)
    {
      double hours = (px - plot->x) / plot->width * plot->span_h;

      if (hours < 0 || hours > plot->span_h)
        continue;
      for (guint c = 0; c < G_N_ELEMENTS (curves); c++)
        {
          const double *series[] = { curves[c] ? curves[c]->sustained : NULL,
                                     curves[c] && c == 0 ? curves[c]->transient : NULL };

          for (guint k = 0; k < G_N_ELEMENTS (series); k++)
            {
              double cy;

              if (series[k] == NULL)
                continue;
              cy = y_for (plot, ldn_occupancy_curve_sample (curves[c], series[k], hours));
              if (cy >= y - h / 2 - 3 && cy <= y + h / 2 + 3)
                return TRUE;
            }
        }
    }
  return FALSE;
}

/* Scans were taken after one dose, so markers sit on the first day. Every
 * marker is labelled with its dose (two markers of one dose close together
 * share a label): right of the marker, or above or below one of its ends,
 * the first place that no curve runs through and no other label takes. */
static void
draw_pet_points (cairo_t             *cr,
                 PangoLayout         *layout,
                 const Plot          *plot,
                 const LdnChartData  *data,
                 const LdnChartStyle *style)
{
  char text[32];
  double last_dose = -1, last_y = -1000;
  double placed[32][4];  /* x, centre y, width, height of each marker and label */
  guint n_placed = 0;

  /* The markers first: labels keep off them. */
  for (guint i = 0; i < data->n_pet_points; i++)
    {
      const LdnPetPoint *point = &data->pet_points[i];
      double x0, x1, y;

      if (!pet_point_shown (plot, data, i))
        continue;

      x0 = x_for (plot, point->hours_min);
      x1 = x_for (plot, MIN (point->hours_max, plot->span_h));
      y = y_for (plot, point->occupancy);
      draw_scan_window (cr, x0, x1, y, point->dose_mg >= 50 ? &style->comparison : &style->marker, &style->foreground);
      if (n_placed < G_N_ELEMENTS (placed))
        {
          placed[n_placed][0] = x0 - 1;
          placed[n_placed][1] = y;
          placed[n_placed][2] = x1 - x0 + 2;
          placed[n_placed][3] = 6;
          n_placed++;
        }
    }

  for (guint i = 0; i < data->n_pet_points; i++)
    {
      const LdnPetPoint *point = &data->pet_points[i];
      double x0, x1, y, lx, ly;
      int width, height;
      gboolean clash = FALSE;

      if (!pet_point_shown (plot, data, i))
        continue;

      x0 = x_for (plot, point->hours_min);
      x1 = x_for (plot, MIN (point->hours_max, plot->span_h));
      y = y_for (plot, point->occupancy);

      if (point->dose_mg == last_dose && fabs (y - last_y) < LEGEND_LINE)
        continue;
      last_dose = point->dose_mg;
      last_y = y;

      g_snprintf (text, sizeof text, "%g mg", point->dose_mg);
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &width, &height);
      {
        double above = y - height / 2.0 - 6, below = y + height / 2.0 + 6;
        double right = x1 + 8 + width > plot->x + plot->width ? x0 - 8 - width : x1 + 8;
        double candidates[][2] = {
          { right, y }, { x0 + 4, above }, { x0 + 4, below }, { (x0 + x1 - width) / 2, above },
          { (x0 + x1 - width) / 2, below }, { x1 - width - 4, above }, { x1 - width - 4, below },
        };
        int fallback = -1, chosen = -1;

        for (guint c = 0; c < G_N_ELEMENTS (candidates) && chosen < 0; c++)
          {
            clash = candidates[c][1] - height / 2.0 < plot->y || candidates[c][1] + height / 2.0 > plot->y + plot->height;
            for (guint j = 0; j < n_placed; j++)
              clash |= candidates[c][0] < placed[j][0] + placed[j][2] && placed[j][0] < candidates[c][0] + width &&
                       fabs (candidates[c][1] - placed[j][1]) < (height + placed[j][3]) / 2.0 + 1;
            if (clash)
              continue;
            if (fallback < 0)
              fallback = (int) c;
            if (!box_crosses_curves (plot, data, candidates[c][0], candidates[c][1], width, height))
              chosen = (int) c;
          }
        if (chosen < 0)
          chosen = fallback < 0 ? 0 : fallback;
        lx = candidates[chosen][0];
        ly = candidates[chosen][1];
      }
      show_label (cr, layout, text, lx, ly, style);
      if (n_placed < G_N_ELEMENTS (placed))
        {
          placed[n_placed][0] = lx;
          placed[n_placed][1] = ly;
          placed[n_placed][2] = width;
          placed[n_placed][3] = height;
          n_placed++;
        }
    }
}

int
ldn_chart_pet_point_at (double               width,
                        double               height,
                        const LdnChartData  *data,
                        const LdnChartStyle *style,
                        double               x,
                        double               y)
{
  Plot plot;

  g_return_val_if_fail (data != NULL, -1);

  plot_init (&plot, width, height, data, style ? style->font : NULL);
  for (guint i = 0; i < data->n_pet_points; i++)
    {
      const LdnPetPoint *point = &data->pet_points[i];

      if (!pet_point_shown (&plot, data, i))
        continue;
      if (x >= x_for (&plot, point->hours_min) - 4 && x <= x_for (&plot, MIN (point->hours_max, plot.span_h)) + 4 &&
          fabs (y - y_for (&plot, point->occupancy)) <= 5)
        return (int) i;
    }
  return -1;
}

static void
draw_legend_entry (cairo_t             *cr,
                   PangoLayout         *layout,
                   double               x,
                   double               y,
                   const char          *text,
                   const LdnColor      *color,
                   const double        *dashes,
                   int                  n_dashes,
                   gboolean             diamond,
                   const LdnChartStyle *style)
{
  if (diamond)
    {
      draw_scan_window (cr, x + 2, x + 18, y, color, &style->foreground);
    }
  else
    {
      set_color (cr, color);
      cairo_set_line_width (cr, style->line_width);
      cairo_set_dash (cr, dashes, n_dashes, 0);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + 20, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  show_text (cr, layout, text, x + LEGEND_TEXT_X, y, 0, &style->foreground);
}

static void
draw_legend (cairo_t             *cr,
             PangoLayout         *layout,
             const Plot          *plot,
             const LdnChartData  *data,
             const LdnChartStyle *style,
             const double        *dashes)
{
  double column = plot->legend_below ? 0 : plot->width / 2;
  double x0 = plot->legend_below ? 8 : plot->x;
  double y0 = plot->y + plot->height + MARGIN_BOTTOM + plot->legend_line / 2.0;
  guint n = 0;

#define NEXT_X (x0 + (plot->legend_below ? 0 : (n % 2) * column))
#define NEXT_Y (y0 + (plot->legend_below ? n : n / 2) * plot->legend_line)
  if (data->labels.sustained != NULL)
    {
      draw_legend_entry (cr, layout, NEXT_X, NEXT_Y, data->labels.sustained, &style->sustained, NULL, 0, FALSE, style);
      n++;
    }
  if (data->labels.transient != NULL)
    {
      draw_legend_entry (cr, layout, NEXT_X, NEXT_Y, data->labels.transient, &style->transient, dashes, 2, FALSE, style);
      n++;
    }
  if (data->comparison != NULL && data->labels.comparison != NULL)
    {
      draw_legend_entry (cr, layout, NEXT_X, NEXT_Y, data->labels.comparison, &style->comparison, NULL, 0, FALSE, style);
      n++;
    }
  if (data->n_pet_points > 0 && data->labels.measured != NULL)
    draw_legend_entry (cr, layout, NEXT_X, NEXT_Y, data->labels.measured, &style->marker, NULL, 0, TRUE, style);
#undef NEXT_X
#undef NEXT_Y
}

static void
draw_playhead (cairo_t             *cr,
               const Plot          *plot,
               const LdnChartData  *data,
               const LdnChartStyle *style,
               double               hours)
{
  double x = x_for (plot, hours);

  set_color (cr, &style->playhead);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, x, plot->y);
  cairo_line_to (cr, x, plot->y + plot->height);
  cairo_stroke (cr);

  cairo_arc (cr, x, y_for (plot, ldn_occupancy_curve_sample (data->curve, data->curve->sustained, hours)),
             5, 0, 2 * G_PI);
  set_color (cr, &style->sustained);
  cairo_fill (cr);
}

typedef enum {
  LAYER_BACKGROUND = 1 << 0,  /* nights, grid, axes, scans, legend, notes */
  LAYER_CURVES     = 1 << 1,
  LAYER_PLAYHEAD   = 1 << 2,  /* playhead and hover line */
} Layers;

static void
draw_curves (cairo_t             *cr,
             const Plot          *plot,
             const LdnChartData  *data,
             const LdnChartStyle *style,
             double               until_h,
             const double        *dashes)
{
  /* Curves stay inside the plot even when the band reaches 100 %. */
  cairo_save (cr);
  cairo_rectangle (cr, plot->x, plot->y - 2, plot->width, plot->height + 4);
  cairo_clip (cr);

  if (data->comparison != NULL)
    {
      LdnColor faint = style->comparison;

      faint.alpha *= 0.18;
      draw_band (cr, plot, data->comparison, until_h, &faint);
      draw_line (cr, plot, data->comparison, data->comparison->sustained, until_h,
                 &style->comparison, style->line_width * 0.75, NULL, 0);
    }

  draw_band (cr, plot, data->curve, until_h, &style->band);
  draw_line (cr, plot, data->curve, data->curve->transient, until_h,
             &style->transient, style->line_width * 0.75, dashes, 2);
  draw_line (cr, plot, data->curve, data->curve->sustained, until_h,
             &style->sustained, style->line_width, NULL, 0);
  cairo_restore (cr);
}

static void
draw_hover (cairo_t             *cr,
            const Plot          *plot,
            const LdnChartStyle *style,
            double               hover_h)
{
  LdnColor faint = style->foreground;
  double x = round (x_for (plot, hover_h)) + 0.5;

  faint.alpha *= 0.4;
  set_color (cr, &faint);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x, plot->y);
  cairo_line_to (cr, x, plot->y + plot->height);
  cairo_stroke (cr);
}

static void
draw_layers (cairo_t             *cr,
             double               width,
             double               height,
             const LdnChartData  *data,
             const LdnChartStyle *style,
             Layers               layers,
             double               playhead_h,
             double               hover_h)
{
  static const double dashes[] = { 8, 5 };
  PangoFontDescription *font = NULL;
  PangoLayout *layout = NULL;
  double until_h;
  Plot plot;

  plot_init (&plot, width, height, data, style ? style->font : NULL);
  until_h = playhead_h < 0 ? plot.span_h : MIN (playhead_h, plot.span_h);

  cairo_save (cr);

  if (layers & LAYER_BACKGROUND)
    {
      if (style->background.alpha > 0)
        {
          set_color (cr, &style->background);
          cairo_paint (cr);
        }

      layout = pango_cairo_create_layout (cr);
      font = pango_font_description_from_string (style->font ? style->font : "Sans 9");
      pango_layout_set_font_description (layout, font);

      draw_nights (cr, &plot, data, style);
      draw_grid (cr, layout, &plot, data, style);
      draw_time_axis (cr, layout, &plot, data, style);

      if (data->labels.y_axis != NULL)
        {
          cairo_save (cr);
          cairo_translate (cr, plot.title_x, plot.y + plot.height / 2);
          cairo_rotate (cr, -G_PI / 2);
          show_text (cr, layout, data->labels.y_axis, 0, 0, 0.5, &style->foreground);
          cairo_restore (cr);
        }
    }

  if ((layers & LAYER_CURVES) && data->curve != NULL)
    draw_curves (cr, &plot, data, style, until_h, dashes);

  if (layers & LAYER_BACKGROUND)
    {
      draw_pet_points (cr, layout, &plot, data, style);
      draw_legend (cr, layout, &plot, data, style, dashes);
      if (data->labels.no_data != NULL)
        show_text (cr, layout, data->labels.no_data, plot.x + 8, plot.y + plot.height - 14, 0, &style->foreground);
    }

  if (layers & LAYER_PLAYHEAD)
    {
      if (data->curve != NULL && playhead_h >= 0)
        draw_playhead (cr, &plot, data, style, until_h);
      if (hover_h >= 0 && hover_h <= plot.span_h)
        draw_hover (cr, &plot, style, hover_h);
    }

  if (layout != NULL)
    {
      pango_font_description_free (font);
      g_object_unref (layout);
    }
  cairo_restore (cr);
}

void
ldn_chart_draw (cairo_t             *cr,
                double               width,
                double               height,
                const LdnChartData  *data,
                const LdnChartStyle *style,
                double               playhead_h,
                double               hover_h)
{
  g_return_if_fail (cr != NULL && data != NULL && style != NULL);

  draw_layers (cr, width, height, data, style, LAYER_BACKGROUND | LAYER_CURVES | LAYER_PLAYHEAD,
               playhead_h, hover_h);
}

struct _LdnChartCache
{
  cairo_surface_t *empty;     /* background only */
  cairo_surface_t *finished;  /* background with every curve */
  int              width;
  int              height;
  int              scale;
};

LdnChartCache *
ldn_chart_cache_new (void)
{
  return g_new0 (LdnChartCache, 1);
}

void
ldn_chart_cache_invalidate (LdnChartCache *cache)
{
  g_return_if_fail (cache != NULL);

  g_clear_pointer (&cache->empty, cairo_surface_destroy);
  g_clear_pointer (&cache->finished, cairo_surface_destroy);
}

void
ldn_chart_cache_free (LdnChartCache *cache)
{
  if (cache == NULL)
    return;

  ldn_chart_cache_invalidate (cache);
  g_free (cache);
}

static cairo_surface_t *
render_layers (int                  width,
               int                  height,
               int                  scale,
               const LdnChartData  *data,
               const LdnChartStyle *style,
               Layers               layers)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_set_device_scale (surface, scale, scale);
  draw_layers (cr, width, height, data, style, layers, -1, -1);
  cairo_destroy (cr);

  return surface;
}

void
ldn_chart_cache_draw_background (LdnChartCache       *cache,
                                 cairo_t             *cr,
                                 int                  width,
                                 int                  height,
                                 int                  scale,
                                 const LdnChartData  *data,
                                 const LdnChartStyle *style,
                                 double               playhead_h)
{
  Plot plot;

  g_return_if_fail (cache != NULL && cr != NULL && data != NULL && style != NULL);

  if (width <= 0 || height <= 0)
    return;

  scale = MAX (scale, 1);
  if (cache->empty == NULL || cache->width != width || cache->height != height || cache->scale != scale)
    {
      ldn_chart_cache_invalidate (cache);
      cache->width = width;
      cache->height = height;
      cache->scale = scale;
      cache->empty = render_layers (width, height, scale, data, style, LAYER_BACKGROUND);
      cache->finished = render_layers (width, height, scale, data, style, LAYER_BACKGROUND | LAYER_CURVES);
    }

  plot_init (&plot, width, height, data, style ? style->font : NULL);

  cairo_save (cr);
  if (playhead_h < 0 || playhead_h >= plot.span_h)
    {
      cairo_set_source_surface (cr, cache->finished, 0, 0);
      cairo_paint (cr);
    }
  else
    {
      double split = x_for (&plot, playhead_h);

      cairo_rectangle (cr, split, 0, width - split, height);
      cairo_clip (cr);
      cairo_set_source_surface (cr, cache->empty, 0, 0);
      cairo_paint (cr);
      cairo_reset_clip (cr);

      cairo_rectangle (cr, 0, 0, split, height);
      cairo_clip (cr);
      cairo_set_source_surface (cr, cache->finished, 0, 0);
      cairo_paint (cr);
      cairo_reset_clip (cr);
    }
  cairo_restore (cr);
}

void
ldn_chart_draw_playhead (cairo_t             *cr,
                         double               width,
                         double               height,
                         const LdnChartData  *data,
                         const LdnChartStyle *style,
                         double               playhead_h,
                         double               hover_h)
{
  g_return_if_fail (cr != NULL && data != NULL && style != NULL);

  draw_layers (cr, width, height, data, style, LAYER_PLAYHEAD, playhead_h, hover_h);
}

void
ldn_chart_cache_draw (LdnChartCache       *cache,
                      cairo_t             *cr,
                      int                  width,
                      int                  height,
                      int                  scale,
                      const LdnChartData  *data,
                      const LdnChartStyle *style,
                      double               playhead_h,
                      double               hover_h)
{
  g_return_if_fail (cache != NULL && cr != NULL && data != NULL && style != NULL);

  if (width <= 0 || height <= 0)
    return;

  ldn_chart_cache_draw_background (cache, cr, width, height, scale, data, style, playhead_h);
  ldn_chart_draw_playhead (cr, width, height, data, style, playhead_h, hover_h);
}

void
ldn_chart_style_init_for_print (LdnChartStyle *style)
{
  g_return_if_fail (style != NULL);

  /* Every colour is opaque, the screen's translucent ones mixed with
   * white: a translucent fill makes the PostScript that many printers
   * receive turn the whole page into a picture, text included. */
  *style = (LdnChartStyle) {
    .foreground = { 0.1, 0.1, 0.1, 1 },
    .background = { 1, 1, 1, 0 },
    .label_background = { 1, 1, 1, 1 },
    .grid = { 0.6, 0.6, 0.6, 1 },
    .night = { 0.94, 0.94, 0.94, 1 },
    .sustained = { 0.11, 0.44, 0.85, 1 },
    .band = { 0.82, 0.89, 0.97, 1 },
    .transient = { 0.75, 0.38, 0.0, 1 },
    .comparison = { 0.45, 0.45, 0.45, 1 },
    .marker = { 0.15, 0.65, 0.35, 1 },
    .playhead = { 0.37, 0.37, 0.37, 1 },
    .font = "Sans 8",
    .line_width = 2,
  };
}

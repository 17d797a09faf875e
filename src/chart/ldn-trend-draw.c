/* ldn-trend-draw.c: one followed diary item over time, for screen and paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "ldn-trend-draw.h"

#define MARGIN_LEFT    30.0
#define MARGIN_RIGHT   12.0
#define MARGIN_TOP     34.0   /* the meaning of 10, then the start and dose labels */
#define MARK_ROW       12.0   /* side effects under the plot */
#define MARGIN_BOTTOM (MARK_ROW + 34.0)  /* marks, dates, the meaning of 0; more for a legend */
#define MIN_DAYS       14

typedef struct {
  double  x, y, width, height;
  guint32 first;              /* Julian days */
  guint32 n_days;
} Plot;

/* LEFT, TOP and BOTTOM: the margins for the font and legend drawn, at least the
 * defaults (0 for the defaults: the plot area the public functions give is
 * the one drawn with a font up to about 9 pt and a legend on one row). */
static void
plot_init (Plot               *plot,
           double              width,
           double              height,
           const LdnTrendData *data,
           double              left,
           double              top,
           double              bottom)
{
  left = MAX (left, MARGIN_LEFT);
  top = MAX (top, MARGIN_TOP);
  bottom = MAX (bottom, MARGIN_BOTTOM);
  plot->x = left;
  plot->y = top;
  plot->width = MAX (width - left - MARGIN_RIGHT, 1);
  plot->height = MAX (height - top - bottom, 1);
  if (g_date_valid (&data->first) && g_date_valid (&data->last) &&
      g_date_compare (&data->first, &data->last) <= 0)
    {
      plot->first = g_date_get_julian (&data->first);
      plot->n_days = g_date_get_julian (&data->last) - plot->first + 1;
    }
  else
    {
      plot->first = 1;
      plot->n_days = MIN_DAYS;
    }
}

/* The left edge of DAY's column. */
static double
x_at_day (const Plot *plot,
          double      day)
{
  return plot->x + plot->width * (day - plot->first) / plot->n_days;
}

static double
y_at (const Plot *plot,
      double      rating)
{
  return plot->y + plot->height * (1 - CLAMP (rating, 0, LDN_DIARY_SCALE_MAX) / LDN_DIARY_SCALE_MAX);
}

void
ldn_trend_get_plot_area (double              width,
                         double              height,
                         const LdnTrendData *data,
                         double             *x,
                         double             *y,
                         double             *plot_width,
                         double             *plot_height)
{
  Plot plot;

  plot_init (&plot, width, height, data, 0, 0, 0);
  *x = plot.x;
  *y = plot.y;
  *plot_width = plot.width;
  *plot_height = plot.height;
}

double
ldn_trend_x_at_date (double              width,
                     double              height,
                     const LdnTrendData *data,
                     const GDate        *date)
{
  Plot plot;

  plot_init (&plot, width, height, data, 0, 0, 0);
  return x_at_day (&plot, g_date_get_julian (date) + 0.5);
}

double
ldn_trend_y_at_rating (double              width,
                       double              height,
                       const LdnTrendData *data,
                       double              rating)
{
  Plot plot;

  plot_init (&plot, width, height, data, 0, 0, 0);
  return y_at (&plot, rating);
}

void
ldn_trend_data_set_range_from_diary (LdnTrendData *data,
                                     const GDate  *until)
{
  const LdnDiary *diary = data->diary;
  guint32 last = g_date_get_julian (until), first = last;

  if (diary->entries->len > 0)
    {
      const LdnDiaryEntry *entry = g_ptr_array_index (diary->entries, 0);

      first = MIN (first, g_date_get_julian (&entry->date));
    }
  if (diary->has_start && g_date_valid (&diary->start))
    {
      guint32 start = g_date_get_julian (&diary->start);
      const LdnDiaryItem *item = data->item < diary->items->len ? g_ptr_array_index (diary->items, data->item) : NULL;
      guint32 window = item != NULL && item->every == LDN_DIARY_EVERY_WEEK ? 7 * LDN_DIARY_BASELINE_WEEKS
                                                                             : LDN_DIARY_BASELINE_DAYS;

      first = MIN (first, start > window ? start - window : 1);
      last = MAX (last, start);
    }
  if (last - first + 1 < MIN_DAYS)
    first = last > MIN_DAYS ? last - MIN_DAYS + 1 : 1;
  g_date_clear (&data->first, 1);
  g_date_clear (&data->last, 1);
  g_date_set_julian (&data->first, first);
  g_date_set_julian (&data->last, last);
}

static void
set_color (cairo_t        *cr,
           const LdnColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* Where ldn_trend_dup_text_boxes collects every text drawn. */
static const cairo_user_data_key_t boxes_key;

/* Text with its left (X_ALIGN 0), centre (0.5) or right (1) at X and its top at Y. */
static double
show_text (cairo_t        *cr,
           PangoLayout    *layout,
           const char     *text,
           double          x,
           double          y,
           double          x_align,
           const LdnColor *color)
{
  GArray *boxes = cairo_get_user_data (cr, &boxes_key);
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  set_color (cr, color);
  cairo_move_to (cr, x - width * x_align, y);
  pango_cairo_show_layout (cr, layout);
  if (boxes != NULL)
    {
      LdnTrendTextBox box = { x - width * x_align, y, width, height, g_intern_string (text) };

      g_array_append_val (boxes, box);
    }
  return width;
}

/* The same, shortened with an ellipsis to at most MAX_WIDTH. */
static double
show_text_within (cairo_t        *cr,
                  PangoLayout    *layout,
                  const char     *text,
                  double          x,
                  double          y,
                  double          max_width,
                  const LdnColor *color)
{
  double width;

  pango_layout_set_width (layout, (int) (MAX (max_width, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  width = show_text (cr, layout, text, x, y, 0, color);
  pango_layout_set_width (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  return width;
}

static double
text_width (PangoLayout *layout,
            const char  *text)
{
  int width;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* The height of one line of text. */
static double
line_height (PangoLayout *layout)
{
  int height;

  pango_layout_set_text (layout, "0", -1);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static void
draw_dates (cairo_t             *cr,
            PangoLayout         *layout,
            const Plot          *plot,
            const LdnTrendStyle *style)
{
  double bottom = plot->y + plot->height;
  double label_y = bottom + MARK_ROW + 1;
  double next_free = -G_MAXDOUBLE;
  gboolean by_week = plot->n_days < 62;

  cairo_set_line_width (cr, 1);
  for (guint32 day = plot->first; day < plot->first + plot->n_days; day++)
    {
      GDate date;
      char text[64];
      double x;
      int width;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, day);
      if (by_week ? (day - plot->first) % 7 != 0 : g_date_get_day (&date) != 1)
        continue;
      x = floor (x_at_day (plot, day)) + 0.5;
      set_color (cr, &style->grid);
      cairo_move_to (cr, x, plot->y);
      cairo_line_to (cr, x, bottom + 3);
      cairo_stroke (cr);
      if (by_week)
        g_date_strftime (text, sizeof text, "%-d %b", &date);
      else if (g_date_get_month (&date) == G_DATE_JANUARY || day < plot->first + 31)
        g_date_strftime (text, sizeof text, "%b %Y", &date);
      else
        g_date_strftime (text, sizeof text, "%b", &date);
      if (x < next_free)
        continue;
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      if (x + width > plot->x + plot->width + MARGIN_RIGHT)
        continue;
      show_text (cr, layout, text, x + 2, label_y, 0, &style->foreground);
      next_free = x + width + 8;
    }
}

static void
draw_axis (cairo_t             *cr,
           PangoLayout         *layout,
           const Plot          *plot,
           const LdnDiaryItem  *item,
           const LdnTrendStyle *style)
{
  double free_above = G_MAXDOUBLE;  /* the top of the last number drawn */

  cairo_set_line_width (cr, 1);
  for (int rating = 0; rating <= LDN_DIARY_SCALE_MAX; rating += 5)
    {
      double y = floor (y_at (plot, rating)) + 0.5;
      char text[8];
      int height;

      set_color (cr, &style->grid);
      cairo_move_to (cr, plot->x, y);
      cairo_line_to (cr, plot->x + plot->width, y);
      cairo_stroke (cr);
      g_snprintf (text, sizeof text, "%d", rating);
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, NULL, &height);
      /* A plot too short for every number keeps those that fit. */
      if (y + height / 2.0 > free_above)
        continue;
      show_text (cr, layout, text, plot->x - 4, y - height / 2.0, 1, &style->foreground);
      free_above = y - height / 2.0;
    }

  /* The person's meaning of 10 above the plot and of 0 below it (under
   * the dates), shortened if wider than the plot. */
  if (item != NULL)
    {
      g_autofree char *high = g_strdup_printf ("10 = %s", item->high);
      g_autofree char *low = g_strdup_printf ("0 = %s", item->low);
      double line = line_height (layout);

      if (*item->high != '\0')
        show_text_within (cr, layout, high, plot->x, 0, plot->width, &style->foreground);
      if (*item->low != '\0')
        show_text_within (cr, layout, low, plot->x, plot->y + plot->height + MARK_ROW + 1 + line + 1, plot->width,
                          &style->foreground);
    }
}

static void
draw_baseline (cairo_t                   *cr,
               PangoLayout               *layout,
               const Plot                *plot,
               const LdnTrendData        *data,
               const LdnTrendStyle       *style)
{
  const LdnDiaryItemSummary *summary = data->summary;
  double x0, x1, right = plot->x + plot->width;

  if (summary == NULL || summary->baseline_state == LDN_DIARY_BASELINE_NO_START ||
      !g_date_valid (&summary->baseline.first))
    return;

  x0 = MAX (x_at_day (plot, g_date_get_julian (&summary->baseline.first)), plot->x);
  x1 = MIN (x_at_day (plot, g_date_get_julian (&summary->baseline.last) + 1), right);
  if (x1 > x0)
    {
      set_color (cr, &style->baseline);
      cairo_rectangle (cr, x0, plot->y, x1 - x0, plot->height);
      cairo_fill (cr);
    }

  /* The range and median, from the baseline onward, only when there is
   * enough baseline to describe. */
  if (summary->baseline_state != LDN_DIARY_BASELINE_ENOUGH || isnan (summary->baseline.median))
    return;
  x0 = MAX (x0, plot->x);
  {
    double top = y_at (plot, summary->baseline.high), bottom = y_at (plot, summary->baseline.low);
    double y = y_at (plot, summary->baseline.median);
    const double dash[] = { 6, 3 };

    set_color (cr, &style->band);
    cairo_rectangle (cr, x0, top - 1, right - x0, bottom - top + 2);
    cairo_fill (cr);
    set_color (cr, &style->foreground);
    cairo_set_line_width (cr, 1);
    cairo_set_dash (cr, dash, 2, 0);
    cairo_move_to (cr, x0, y);
    cairo_line_to (cr, right, y);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);
  }
}

/* "Baseline" at the foot of its window, over the band. */
static void
draw_baseline_label (cairo_t             *cr,
                     PangoLayout         *layout,
                     const Plot          *plot,
                     const LdnTrendData  *data,
                     const LdnTrendStyle *style)
{
  const LdnDiaryItemSummary *summary = data->summary;
  double x0, line;

  if (summary == NULL || summary->baseline_state == LDN_DIARY_BASELINE_NO_START ||
      !g_date_valid (&summary->baseline.first) || data->labels.baseline == NULL)
    return;
  x0 = MAX (x_at_day (plot, g_date_get_julian (&summary->baseline.first)), plot->x);
  line = line_height (layout);
  /* Not up where the dose labels' second row is. */
  if (x0 < plot->x + plot->width && plot->height >= 3 * line + 4)
    show_text (cr, layout, data->labels.baseline, x0 + 3, plot->y + plot->height - line - 1, 0, &style->foreground);
}

static void
draw_markers (cairo_t             *cr,
              PangoLayout         *layout,
              const Plot          *plot,
              const LdnTrendData  *data,
              const LdnTrendStyle *style)
{
  const LdnDiary *diary = data->diary;
  guint32 end = plot->first + plot->n_days;
  double line = line_height (layout);
  /* Two rows for the labels: under the meaning of 10, and just inside the
   * plot's top (below the first row, however tall the font). */
  double rows[2] = { line + 1, MAX (plot->y + 1, 2 * line + 2) };
  double next_free[2] = { -G_MAXDOUBLE, -G_MAXDOUBLE };
  double right = plot->x + plot->width + MARGIN_RIGHT;
  const double dash[] = { 4, 2 };

  cairo_set_line_width (cr, 1.5);
  /* The start first (with the step on that date, if any), then each change. */
  for (int i = -1; i < (int) diary->plan->len; i++)
    {
      const LdnDiaryPlanStep *step = i >= 0 ? g_ptr_array_index (diary->plan, i) : NULL;
      g_autofree char *dose = NULL;
      g_autofree char *label = NULL;
      const GDate *date;
      guint32 day;
      double x;
      gboolean is_start;

      if (step == NULL)
        {
          if (!diary->has_start || !g_date_valid (&diary->start))
            continue;
          date = &diary->start;
          for (guint j = 0; j < diary->plan->len; j++)
            if (g_date_compare (&((LdnDiaryPlanStep *) g_ptr_array_index (diary->plan, j))->from, date) == 0)
              step = g_ptr_array_index (diary->plan, j);
          is_start = TRUE;
        }
      else
        {
          date = &step->from;
          is_start = FALSE;
          if (diary->has_start && g_date_compare (date, &diary->start) == 0)
            continue;
        }
      day = g_date_get_julian (date);
      if (day < plot->first || day >= end)
        continue;

      x = floor (x_at_day (plot, day)) + 0.5;
      set_color (cr, &style->marker);
      if (!is_start)
        cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, x, plot->y - 2);
      cairo_line_to (cr, x, plot->y + plot->height);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      if (step != NULL && data->labels.dose_format != NULL)
        {
          g_autofree char *number = g_strdup_printf ("%g", step->dose_mg);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
          dose = g_strdup_printf (data->labels.dose_format, number);
#pragma GCC diagnostic pop
        }
      if (is_start && data->labels.start != NULL)
        label = dose != NULL ? g_strdup_printf ("%s %s", data->labels.start, dose) : g_strdup (data->labels.start);
      else
        label = g_steal_pointer (&dose);
      if (label != NULL)
        {
          double w = text_width (layout, label);
          /* Right of its line, or left of it at the right edge. */
          double left = x + 2 + w <= right ? x + 2 : MAX (x - 2 - w, 0);

          /* A label that would cover the previous one goes to the second
           * row; if that is taken too, only the line stays. */
          for (guint row = 0; row < G_N_ELEMENTS (rows); row++)
            if (left >= next_free[row] && (row == 0 || rows[row] + line <= plot->y + plot->height))
              {
                show_text (cr, layout, label, left, rows[row], 0, &style->marker);
                next_free[row] = left + w + 6;
                break;
              }
        }
    }
}

static void
draw_ratings (cairo_t             *cr,
              const Plot          *plot,
              const LdnTrendData  *data,
              const LdnTrendStyle *style)
{
  const LdnDiary *diary = data->diary;
  const LdnDiaryItem *item = g_ptr_array_index (diary->items, data->item);
  guint32 join = item->every == LDN_DIARY_EVERY_WEEK ? 7 : 1;
  guint32 end = plot->first + plot->n_days, previous = 0;
  double day_width = plot->width / plot->n_days;
  double radius = CLAMP (day_width * join * 0.45, 1.6, 4.0);
  gboolean have_previous = FALSE;

  /* The line: consecutive records only, a gap stays a gap. */
  set_color (cr, &style->line);
  cairo_set_line_width (cr, style->line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  for (guint i = 0; i < diary->entries->len; i++)
    {
      const LdnDiaryEntry *entry = g_ptr_array_index (diary->entries, i);
      guint32 day = g_date_get_julian (&entry->date);
      int rating = entry->ratings[data->item];
      double x, y;

      if (rating == LDN_DIARY_RATING_NONE || day < plot->first || day >= end)
        continue;
      x = x_at_day (plot, day + 0.5);
      y = y_at (plot, rating);
      if (have_previous && day - previous <= join)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      previous = day;
      have_previous = TRUE;
    }
  cairo_stroke (cr);

  /* The points: every record when records are far enough apart to tell
   * apart (weekly items, a few weeks shown); otherwise only a record with
   * no joined neighbour, which the line alone would not show. */
  have_previous = FALSE;
  {
    gboolean every_point = day_width * join >= 6;
    gboolean pending_alone = FALSE;
    double pending_x = 0, pending_y = 0;

    for (guint i = 0; i < diary->entries->len; i++)
      {
        const LdnDiaryEntry *entry = g_ptr_array_index (diary->entries, i);
        guint32 day = g_date_get_julian (&entry->date);
        int rating = entry->ratings[data->item];
        double x, y;

        if (rating == LDN_DIARY_RATING_NONE || day < plot->first || day >= end)
          continue;
        x = x_at_day (plot, day + 0.5);
        y = y_at (plot, rating);
        if (have_previous && day - previous <= join)
          pending_alone = FALSE;
        else if (pending_alone)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, pending_x, pending_y, radius, 0, 2 * G_PI);
          }
        if (every_point)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
          }
        else if (!have_previous || day - previous > join)
          pending_alone = TRUE;
        pending_x = x;
        pending_y = y;
        previous = day;
        have_previous = TRUE;
      }
    if (pending_alone)
      {
        cairo_new_sub_path (cr);
        cairo_arc (cr, pending_x, pending_y, radius, 0, 2 * G_PI);
      }
  }
  cairo_fill (cr);
}

/* TRUE if any mark was drawn. */
static gboolean
draw_side_effects (cairo_t             *cr,
                   const Plot          *plot,
                   const LdnTrendData  *data,
                   const LdnTrendStyle *style)
{
  const LdnDiary *diary = data->diary;
  guint32 end = plot->first + plot->n_days;
  double top = plot->y + plot->height + 2;
  gboolean any = FALSE;

  set_color (cr, &style->side_effect);
  for (guint i = 0; i < diary->entries->len; i++)
    {
      const LdnDiaryEntry *entry = g_ptr_array_index (diary->entries, i);
      guint32 day = g_date_get_julian (&entry->date);
      int severity = 0;
      double x, half;

      if (entry->side_effects->len == 0 || day < plot->first || day >= end)
        continue;
      for (guint j = 0; j < entry->side_effects->len; j++)
        severity = MAX (severity, ((LdnDiarySideEffect *) g_ptr_array_index (entry->side_effects, j))->severity);
      /* A triangle under the day, larger for a more severe one. */
      half = 2.5 + CLAMP (severity, 1, 3);
      x = x_at_day (plot, day + 0.5);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x + half, top + MARK_ROW - 3);
      cairo_line_to (cr, x - half, top + MARK_ROW - 3);
      cairo_close_path (cr);
      any = TRUE;
    }
  cairo_fill (cr);
  return any;
}

/* The legend's entry KIND (0 a triangle, 1 the band's swatch, 2 the
 * dashed median) with LABEL at *X on the row at *Y, on the next row when
 * this one has no room; only moves *X and *Y when CR is NULL. */
static void
legend_entry (cairo_t             *cr,
              PangoLayout         *layout,
              const Plot          *plot,
              const LdnTrendStyle *style,
              int                  kind,
              const char          *label,
              double              *x,
              double              *y)
{
  double line = line_height (layout), key = 14, w = text_width (layout, label);
  double right = plot->x + plot->width + MARGIN_RIGHT, mid;
  const double dash[] = { 6, 3 };

  if (*x > plot->x && *x + key + 4 + w > right)
    {
      *x = plot->x;
      *y += line + 1;
    }
  w = MIN (w, right - *x - key - 4);
  mid = *y + line / 2;
  if (cr != NULL)
    {
      switch (kind)
        {
        case 0:
          set_color (cr, &style->side_effect);
          cairo_move_to (cr, *x + key / 2, mid - 4);
          cairo_line_to (cr, *x + key / 2 + 4.5, mid + 4);
          cairo_line_to (cr, *x + key / 2 - 4.5, mid + 4);
          cairo_close_path (cr);
          cairo_fill (cr);
          break;
        case 1:
          set_color (cr, &style->band);
          cairo_rectangle (cr, *x, mid - 4, key, 8);
          cairo_fill (cr);
          break;
        default:
          set_color (cr, &style->foreground);
          cairo_set_line_width (cr, 1);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_move_to (cr, *x, floor (mid) + 0.5);
          cairo_line_to (cr, *x + key, floor (mid) + 0.5);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          break;
        }
      show_text_within (cr, layout, label, *x + key + 4, *y, w, kind == 0 ? &style->side_effect : &style->foreground);
    }
  *x += key + 4 + w + 14;
}

static gboolean
has_side_effects (const Plot         *plot,
                  const LdnTrendData *data)
{
  for (guint i = 0; i < data->diary->entries->len; i++)
    {
      const LdnDiaryEntry *entry = g_ptr_array_index (data->diary->entries, i);
      guint32 day = g_date_get_julian (&entry->date);

      if (entry->side_effects->len > 0 && day >= plot->first && day < plot->first + plot->n_days)
        return TRUE;
    }
  return FALSE;
}

/* Under the meaning of 0: what the triangles, the grey band and the dashed
 * line are, on as many rows as the width needs. Returns how tall it is;
 * with CR NULL, only measures. */
static double
draw_legend (cairo_t             *cr,
             PangoLayout         *layout,
             const Plot          *plot,
             const LdnTrendData  *data,
             const LdnTrendStyle *style)
{
  const LdnDiaryItemSummary *summary = data->summary;
  double line = line_height (layout);
  double top = plot->y + plot->height + MARK_ROW + 1 + 2 * (line + 1), y = top, x = plot->x;
  gboolean band = summary != NULL && summary->baseline_state == LDN_DIARY_BASELINE_ENOUGH &&
                  !isnan (summary->baseline.median);
  gboolean any = FALSE;

  if (has_side_effects (plot, data) && data->labels.side_effects != NULL)
    {
      legend_entry (cr, layout, plot, style, 0, data->labels.side_effects, &x, &y);
      any = TRUE;
    }
  if (band && data->labels.baseline_range != NULL)
    {
      legend_entry (cr, layout, plot, style, 1, data->labels.baseline_range, &x, &y);
      any = TRUE;
    }
  if (band && data->labels.baseline_median != NULL)
    {
      legend_entry (cr, layout, plot, style, 2, data->labels.baseline_median, &x, &y);
      any = TRUE;
    }
  return any ? y + line - top : 0;
}

void
ldn_trend_draw (cairo_t             *cr,
                double               width,
                double               height,
                const LdnTrendData  *data,
                const LdnTrendStyle *style)
{
  Plot plot;
  PangoLayout *layout;
  PangoFontDescription *font;
  const LdnDiaryItem *item;

  g_return_if_fail (cr != NULL && data != NULL && style != NULL && data->diary != NULL);

  item = data->item < data->diary->items->len ? g_ptr_array_index (data->diary->items, data->item) : NULL;

  cairo_save (cr);
  if (style->background.alpha > 0)
    {
      set_color (cr, &style->background);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }

  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string (style->font != NULL ? style->font : "Sans 8");
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  /* Room for the font: above, the meaning of 10 and the dose labels' row;
   * below, the marks, dates, the meaning of 0 and the legend's rows. */
  {
    double line = line_height (layout), legend;

    plot_init (&plot, width, height, data, 0, 0, 0);
    legend = draw_legend (NULL, layout, &plot, data, style);
    plot_init (&plot, width, height, data, text_width (layout, "10") + 6, 2 * (line + 1) + 4,
               MARK_ROW + 1 + 2 * (line + 1) + (legend > 0 ? legend + 2 : 0));
  }

  draw_baseline (cr, layout, &plot, data, style);
  draw_baseline_label (cr, layout, &plot, data, style);
  draw_axis (cr, layout, &plot, item, style);
  draw_dates (cr, layout, &plot, style);
  draw_markers (cr, layout, &plot, data, style);
  if (item != NULL)
    draw_ratings (cr, &plot, data, style);
  draw_side_effects (cr, &plot, data, style);
  draw_legend (cr, layout, &plot, data, style);

  g_object_unref (layout);
  cairo_restore (cr);
}

GArray *
ldn_trend_dup_text_boxes (double               width,
                          double               height,
                          const LdnTrendData  *data,
                          const LdnTrendStyle *style)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (LdnTrendTextBox));
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  cairo_set_user_data (cr, &boxes_key, boxes, NULL);
  ldn_trend_draw (cr, width, height, data, style);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return boxes;
}

void
ldn_trend_style_init_for_print (LdnTrendStyle *style)
{
  g_return_if_fail (style != NULL);

  /* Opaque greys only: readable on a black-and-white printer, and no
   * translucent fill turns the PostScript page into a picture. */
  *style = (LdnTrendStyle) {
    .foreground = { 0.1, 0.1, 0.1, 1 },
    .background = { 1, 1, 1, 0 },
    .grid = { 0.75, 0.75, 0.75, 1 },
    .line = { 0, 0, 0, 1 },
    .baseline = { 0.93, 0.93, 0.93, 1 },
    .band = { 0.80, 0.80, 0.80, 1 },
    .marker = { 0.25, 0.25, 0.25, 1 },
    .side_effect = { 0.35, 0.35, 0.35, 1 },
    .font = "Sans 7.5",
    .line_width = 1.2,
  };
}

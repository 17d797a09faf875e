/* ldn-trend-draw.c: one followed diary item over time, for screen and paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "ldn-axis-draw.h"
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

/* Room for the font: above, the meaning of 10 and the dose labels' row;
 * below, the marks, dates, the meaning of 0 and the legend's rows (LEGEND
 * tall, 0 for none). */
static double
text_above (double line)
{
  return 2 * (line + 1) + 4;
}

static double
text_below (double line,
            double legend)
{
  return MARK_ROW + 1 + 2 * (line + 1) + (legend > 0 ? legend + 2 : 0);
}

double
ldn_trend_get_text_height (double line,
                           guint  legend_rows)
{
  return MAX (text_above (line), MARGIN_TOP) +
         MAX (text_below (line, legend_rows > 0 ? legend_rows * (line + 1) - 1 : 0), MARGIN_BOTTOM);
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

/* A label laid out once: its layout and size, measured again only when the
 * Pango context changed (font options, resolution). */
typedef struct {
  PangoLayout *layout;
  int          width, height;
  guint        serial;
} Text;

struct _LdnTrendCache
{
  PangoContext         *context;
  cairo_font_options_t *options;     /* the context's, and its matrix */
  cairo_matrix_t        matrix;
  PangoFontDescription *font;
  char                 *font_name;
  GHashTable           *texts;       /* key (text, or width and text) -> Text */

  /* The ratings: the path and its picture, for KEY. */
  struct {
    const LdnDiary *diary;
    guint           n_entries;
    guint           item;
    guint32         first, n_days;
    double          width, height;
    LdnColor        color;
    double          line_width;
  } key;
  gboolean          key_valid;
  cairo_path_t     *line;            /* the line's path, in user units */
  cairo_path_t     *dots;
  int               scale;
  cairo_surface_t  *picture;         /* the line and dots at SCALE, or NULL */
  int               picture_x, picture_y;
  cairo_path_t     *covered;         /* strips of the picture, down to the rows it covers */
};

static void
text_free (gpointer data)
{
  Text *text = data;

  g_object_unref (text->layout);
  g_free (text);
}

LdnTrendCache *
ldn_trend_cache_new (void)
{
  LdnTrendCache *cache = g_new0 (LdnTrendCache, 1);

  cache->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, text_free);
  return cache;
}

static void
cache_clear_ratings (LdnTrendCache *cache)
{
  cache->key_valid = FALSE;
  g_clear_pointer (&cache->line, cairo_path_destroy);
  g_clear_pointer (&cache->dots, cairo_path_destroy);
  g_clear_pointer (&cache->picture, cairo_surface_destroy);
  g_clear_pointer (&cache->covered, cairo_path_destroy);
}

void
ldn_trend_cache_invalidate (LdnTrendCache *cache)
{
  g_return_if_fail (cache != NULL);

  cache_clear_ratings (cache);
  g_hash_table_remove_all (cache->texts);
  g_clear_pointer (&cache->font_name, g_free);
  g_clear_pointer (&cache->font, pango_font_description_free);
  g_clear_object (&cache->context);
  g_clear_pointer (&cache->options, cairo_font_options_destroy);
}

void
ldn_trend_cache_free (LdnTrendCache *cache)
{
  if (cache == NULL)
    return;

  ldn_trend_cache_invalidate (cache);
  g_hash_table_destroy (cache->texts);
  g_free (cache);
}

void
ldn_trend_cache_set_scale (LdnTrendCache *cache,
                           int            scale)
{
  g_return_if_fail (cache != NULL);

  if (scale != cache->scale)
    {
      g_clear_pointer (&cache->picture, cairo_surface_destroy);
      g_clear_pointer (&cache->covered, cairo_path_destroy);
    }
  cache->scale = MAX (scale, 0);
}

/* Readies CACHE's texts for FONT on CR: the same layouts as
 * pango_cairo_create_layout (CR) would give. */
static void
cache_begin (LdnTrendCache *cache,
             cairo_t       *cr,
             const char    *font)
{
  if (cache->font_name == NULL || strcmp (cache->font_name, font) != 0)
    {
      g_hash_table_remove_all (cache->texts);
      g_clear_pointer (&cache->font, pango_font_description_free);
      g_free (cache->font_name);
      cache->font_name = g_strdup (font);
      cache->font = pango_font_description_from_string (font);
    }
  if (cache->context == NULL)
    cache->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  /* The surface's font options and the scale as pango_cairo_update_context()
   * takes them; called only when they change, since it makes every layout
   * lay itself out again (its serial changes) even when nothing did. */
  {
    cairo_font_options_t *options = cairo_font_options_create ();
    cairo_font_options_t *set = cairo_font_options_create ();
    cairo_matrix_t matrix;

    cairo_surface_get_font_options (cairo_get_target (cr), options);
    cairo_get_font_options (cr, set);
    cairo_font_options_merge (options, set);
    cairo_font_options_destroy (set);
    cairo_get_matrix (cr, &matrix);
    matrix.x0 = matrix.y0 = 0;
    if (cache->options == NULL || !cairo_font_options_equal (options, cache->options) ||
        memcmp (&matrix, &cache->matrix, sizeof matrix) != 0)
      {
        pango_cairo_update_context (cr, cache->context);
        g_clear_pointer (&cache->options, cairo_font_options_destroy);
        cache->options = g_steal_pointer (&options);
        cache->matrix = matrix;
      }
    g_clear_pointer (&options, cairo_font_options_destroy);
  }
  /* Data changes add labels (dates, doses): keep the table small. */
  if (g_hash_table_size (cache->texts) > 256)
    g_hash_table_remove_all (cache->texts);
}

/* TEXT laid out, shortened with an ellipsis to MAX_WIDTH if that is > 0. */
static Text *
cache_text (LdnTrendCache *cache,
            const char    *text,
            double         max_width)
{
  int limit = max_width > 0 ? (int) (MAX (max_width, 1) * PANGO_SCALE) : -1;
  g_autofree char *with_width = limit > 0 ? g_strdup_printf ("%d\x1f%s", limit, text) : NULL;
  const char *key = with_width != NULL ? with_width : text;
  Text *entry = g_hash_table_lookup (cache->texts, key);
  guint serial = pango_context_get_serial (cache->context);

  if (entry == NULL)
    {
      entry = g_new0 (Text, 1);
      entry->layout = pango_layout_new (cache->context);
      pango_layout_set_font_description (entry->layout, cache->font);
      pango_layout_set_text (entry->layout, text, -1);
      if (limit > 0)
        {
          pango_layout_set_width (entry->layout, limit);
          pango_layout_set_ellipsize (entry->layout, PANGO_ELLIPSIZE_END);
        }
      entry->serial = serial - 1;
      g_hash_table_insert (cache->texts, g_strdup (key), entry);
    }
  if (entry->serial != serial)
    {
      pango_layout_get_pixel_size (entry->layout, &entry->width, &entry->height);
      entry->serial = serial;
    }
  return entry;
}

/* Text with its left (X_ALIGN 0), centre (0.5) or right (1) at X and its
 * top at Y, shortened to MAX_WIDTH if that is > 0. Returns its width. */
static double
show_text_full (cairo_t        *cr,
                LdnTrendCache  *cache,
                const char     *text,
                double          x,
                double          y,
                double          x_align,
                double          max_width,
                const LdnColor *color)
{
  GArray *boxes = cairo_get_user_data (cr, &boxes_key);
  Text *entry = cache_text (cache, text, max_width);

  set_color (cr, color);
  cairo_move_to (cr, x - entry->width * x_align, y);
  pango_cairo_show_layout (cr, entry->layout);
  if (boxes != NULL)
    {
      LdnTrendTextBox box = { x - entry->width * x_align, y, entry->width, entry->height, g_intern_string (text) };

      g_array_append_val (boxes, box);
    }
  return entry->width;
}

static double
show_text (cairo_t        *cr,
           LdnTrendCache  *cache,
           const char     *text,
           double          x,
           double          y,
           double          x_align,
           const LdnColor *color)
{
  return show_text_full (cr, cache, text, x, y, x_align, 0, color);
}

/* The same, shortened with an ellipsis to at most MAX_WIDTH. */
static double
show_text_within (cairo_t        *cr,
                  LdnTrendCache  *cache,
                  const char     *text,
                  double          x,
                  double          y,
                  double          max_width,
                  const LdnColor *color)
{
  return show_text_full (cr, cache, text, x, y, 0, MAX (max_width, 1), color);
}

static double
text_width (LdnTrendCache *cache,
            const char    *text)
{
  return cache_text (cache, text, 0)->width;
}

static double
text_height (LdnTrendCache *cache,
             const char    *text)
{
  return cache_text (cache, text, 0)->height;
}

/* The height of one line of text. */
static double
line_height (LdnTrendCache *cache)
{
  return text_height (cache, "0");
}

static void
axis_measure (gpointer    user_data,
              const char *text,
              double     *width,
              double     *height)
{
  Text *entry = cache_text (user_data, text, 0);

  *width = entry->width;
  *height = entry->height;
}

static void
axis_show (gpointer        user_data,
           cairo_t        *cr,
           const char     *text,
           double          x,
           double          y,
           const LdnColor *color)
{
  show_text (cr, user_data, text, x, y, 0, color);
}

/* A line at the first of each month (each week when under about two
 * months are shown), labelled where there is room. */
static void
draw_dates (cairo_t             *cr,
            LdnTrendCache       *cache,
            const Plot          *plot,
            const LdnTrendStyle *style)
{
  const LdnAxisText axis_text = { axis_measure, axis_show, cache };
  double bottom = plot->y + plot->height;
  gboolean by_week = plot->n_days < 62;
  LdnAxisTick ticks[64];
  char texts[G_N_ELEMENTS (ticks)][64];
  guint n = 0;

  for (guint32 day = plot->first; day < plot->first + plot->n_days && n < G_N_ELEMENTS (ticks); day++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, day);
      if (by_week ? (day - plot->first) % 7 != 0 : g_date_get_day (&date) != 1)
        continue;
      if (by_week)
        g_date_strftime (texts[n], sizeof texts[n], "%-d %b", &date);
      else if (g_date_get_month (&date) == G_DATE_JANUARY || day < plot->first + 31)
        g_date_strftime (texts[n], sizeof texts[n], "%b %Y", &date);
      else
        g_date_strftime (texts[n], sizeof texts[n], "%b", &date);
      ticks[n] = (LdnAxisTick) { floor (x_at_day (plot, day)) + 0.5, texts[n], 0 };
      n++;
    }
  ldn_axis_draw_times (cr, &axis_text, ticks, n, plot->y, bottom + 3, 2, bottom + MARK_ROW + 1, FALSE, 8,
                       plot->x + plot->width + MARGIN_RIGHT + 2, &style->grid, &style->foreground);
}

/* The 0-10 scale at 0, 5 and 10, and the person's meanings of 0 and 10. */
static void
draw_axis (cairo_t             *cr,
           LdnTrendCache       *cache,
           const Plot          *plot,
           const LdnDiaryItem  *item,
           const LdnTrendStyle *style)
{
  const LdnAxisText axis_text = { axis_measure, axis_show, cache };
  const LdnAxisTick ticks[] = {
    { floor (y_at (plot, 0)) + 0.5, "0", 0 },
    { floor (y_at (plot, 5)) + 0.5, "5", 0 },
    { floor (y_at (plot, 10)) + 0.5, "10", 0 },
  };

  ldn_axis_draw_values (cr, &axis_text, ticks, G_N_ELEMENTS (ticks), plot->x, plot->x + plot->width, 4,
                        &style->grid, &style->foreground);

  /* The person's meaning of 10 above the plot and of 0 below it (under
   * the dates), shortened if wider than the plot. */
  if (item != NULL)
    {
      g_autofree char *high = g_strdup_printf ("10 = %s", item->high);
      g_autofree char *low = g_strdup_printf ("0 = %s", item->low);
      double line = line_height (cache);

      if (*item->high != '\0')
        show_text_within (cr, cache, high, plot->x, 0, plot->width, &style->foreground);
      if (*item->low != '\0')
        show_text_within (cr, cache, low, plot->x, plot->y + plot->height + MARK_ROW + 1 + line + 1, plot->width,
                          &style->foreground);
    }
}

static void
draw_baseline (cairo_t                   *cr,
               LdnTrendCache             *cache,
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
                     LdnTrendCache       *cache,
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
  line = line_height (cache);
  /* Not up where the dose labels' second row is. */
  if (x0 < plot->x + plot->width && plot->height >= 3 * line + 4)
    show_text (cr, cache, data->labels.baseline, x0 + 3, plot->y + plot->height - line - 1, 0, &style->foreground);
}

static void
draw_markers (cairo_t             *cr,
              LdnTrendCache       *cache,
              const Plot          *plot,
              const LdnTrendData  *data,
              const LdnTrendStyle *style)
{
  const LdnDiary *diary = data->diary;
  guint32 end = plot->first + plot->n_days;
  double line = line_height (cache);
  /* Two rows for the labels: under the meaning of 10, and just inside the
   * plot's top (below the first row, however tall the font). */
  double rows[2] = { line + 1, MAX (plot->y + 1, 2 * line + 2) };
  LdnAxisRow taken[2];
  double right = plot->x + plot->width + MARGIN_RIGHT;
  const double dash[] = { 4, 2 };

  ldn_axis_row_init (&taken[0], 6);
  ldn_axis_row_init (&taken[1], 6);
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
          double w = text_width (cache, label);
          /* Right of its line, or left of it at the right edge. */
          double left = x + 2 + w <= right ? x + 2 : MAX (x - 2 - w, 0);

          /* A label that would cover the previous one goes to the second
           * row; if that is taken too, only the line stays. */
          for (guint row = 0; row < G_N_ELEMENTS (rows); row++)
            if ((row == 0 || rows[row] + line <= plot->y + plot->height) && ldn_axis_row_take (&taken[row], left, w))
              {
                show_text (cr, cache, label, left, rows[row], 0, &style->marker);
                break;
              }
        }
    }
}

/* The ratings as two paths, LINE and DOTS, appended to CR's current
 * path in turn: one pass over the entries. The line joins consecutive
 * records only (a gap stays a gap); the dots mark every record when records
 * are far enough apart to tell apart (weekly items, a few weeks shown),
 * otherwise only a record with no joined neighbour, which the line alone
 * would not show. Records that fall on one pixel column (PIXEL user units
 * wide) keep only the column's first, lowest, highest and last point:
 * drawn, they would cover the same pixels. */
typedef struct {
  double   x, y;
  gboolean joined;  /* to the record before */
} Point;

static void
trace_ratings (cairo_t            *cr,
               const Plot         *plot,
               const LdnTrendData *data,
               double              pixel,
               cairo_path_t      **line,
               cairo_path_t      **dots)
{
  const LdnDiary *diary = data->diary;
  const LdnDiaryItem *item = g_ptr_array_index (diary->items, data->item);
  guint32 join = item->every == LDN_DIARY_EVERY_WEEK ? 7 : 1;
  guint32 end = plot->first + plot->n_days, previous = 0;
  double day_width = plot->width / plot->n_days;
  double radius = CLAMP (day_width * join * 0.45, 1.6, 4.0);
  gboolean every_point = day_width * join >= 6;
  g_autoptr(GArray) points = g_array_sized_new (FALSE, FALSE, sizeof (Point), diary->entries->len);

  for (guint i = 0; i < diary->entries->len; i++)
    {
      const LdnDiaryEntry *entry = g_ptr_array_index (diary->entries, i);
      guint32 day = g_date_get_julian (&entry->date);
      int rating = entry->ratings[data->item];
      Point point;

      if (rating == LDN_DIARY_RATING_NONE || day < plot->first || day >= end)
        continue;
      point.x = x_at_day (plot, day + 0.5);
      point.y = y_at (plot, rating);
      point.joined = points->len > 0 && day - previous <= join;
      g_array_append_val (points, point);
      previous = day;
    }

  /* The line, one pixel column at a time. */
  cairo_new_path (cr);
  for (guint i = 0; i < points->len;)
    {
      const Point *first = &g_array_index (points, Point, i);
      double column = floor (first->x / pixel);
      guint next = i + 1, low = i, high = i;

      while (next < points->len && g_array_index (points, Point, next).joined &&
             floor (g_array_index (points, Point, next).x / pixel) == column)
        {
          if (g_array_index (points, Point, next).y > g_array_index (points, Point, low).y)
            low = next;
          if (g_array_index (points, Point, next).y < g_array_index (points, Point, high).y)
            high = next;
          next++;
        }
      for (guint k = i; k < next; k++)
        if (k == i || k == next - 1 || k == low || k == high)
          {
            const Point *point = &g_array_index (points, Point, k);

            if (k == i && !point->joined)
              cairo_move_to (cr, point->x, point->y);
            else
              cairo_line_to (cr, point->x, point->y);
          }
      i = next;
    }
  *line = cairo_copy_path (cr);

  /* The dots. */
  cairo_new_path (cr);
  for (guint i = 0; i < points->len; i++)
    {
      const Point *point = &g_array_index (points, Point, i);

      if (every_point || (!point->joined && (i + 1 == points->len || !g_array_index (points, Point, i + 1).joined)))
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, point->x, point->y, radius, 0, 2 * G_PI);
        }
    }
  *dots = cairo_copy_path (cr);
  cairo_new_path (cr);
}

static void
paint_ratings (cairo_t             *cr,
               cairo_path_t        *line,
               cairo_path_t        *dots,
               const LdnTrendStyle *style)
{
  set_color (cr, &style->line);
  cairo_set_line_width (cr, style->line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_new_path (cr);
  cairo_append_path (cr, line);
  cairo_stroke (cr);
  cairo_append_path (cr, dots);
  cairo_fill (cr);
}

/* TRUE if CR maps user units to whole device pixels of the cache's scale
 * (no rotation or scaling, whole-pixel offsets): a picture drawn at that
 * scale then lands on the same pixels a drawing would. */
static gboolean
pixel_aligned (cairo_t *cr,
               int      scale)
{
  cairo_matrix_t m;
  double sx = 1, sy = 1;

  cairo_get_matrix (cr, &m);
  cairo_surface_get_device_scale (cairo_get_target (cr), &sx, &sy);
  return m.xx == 1 && m.yy == 1 && m.xy == 0 && m.yx == 0 && (sx == 1 || sx == scale) && sx == sy &&
         m.x0 * scale == floor (m.x0 * scale) && m.y0 * scale == floor (m.y0 * scale);
}

/* PICTURE (A8, at SCALE, its top left at X0, Y0 in user units) in strips
 * STRIP device pixels wide, each from its first row with any coverage to
 * its last, as rectangles on whole pixels. */
#define STRIP 32

static cairo_path_t *
trace_covered (cairo_surface_t *picture,
               int              x0,
               int              y0,
               int              scale)
{
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (scratch);
  int width = cairo_image_surface_get_width (picture), height = cairo_image_surface_get_height (picture);
  int stride = cairo_image_surface_get_stride (picture);
  const unsigned char *data;
  cairo_path_t *path;

  cairo_surface_flush (picture);
  data = cairo_image_surface_get_data (picture);
  for (int left = 0; left < width; left += STRIP)
    {
      int right = MIN (left + STRIP, width), top = -1, bottom = -1;

      for (int y = 0; y < height; y++)
        for (int x = left; x < right; x++)
          if (data[y * stride + x] != 0)
            {
              if (top < 0)
                top = y;
              bottom = y;
              break;
            }
      if (top >= 0)
        cairo_rectangle (cr, x0 + (double) left / scale, y0 + (double) top / scale, (double) (right - left) / scale,
                         (double) (bottom + 1 - top) / scale);
    }
  path = cairo_copy_path (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  return path;
}

static void
draw_ratings (cairo_t             *cr,
              LdnTrendCache       *cache,
              const Plot          *plot,
              double               width,
              double               height,
              const LdnTrendData  *data,
              const LdnTrendStyle *style)
{
  gboolean same = cache->key_valid && cache->key.diary == data->diary &&
                  cache->key.n_entries == data->diary->entries->len && cache->key.item == data->item &&
                  cache->key.first == plot->first && cache->key.n_days == plot->n_days &&
                  cache->key.width == width && cache->key.height == height &&
                  memcmp (&cache->key.color, &style->line, sizeof (LdnColor)) == 0 &&
                  cache->key.line_width == style->line_width;
  int scale = cache->scale;
  double pad = MAX (style->line_width, 0) + 5;

  if (!same)
    {
      cache_clear_ratings (cache);
      trace_ratings (cr, plot, data, 1.0, &cache->line, &cache->dots);
      cache->key.diary = data->diary;
      cache->key.n_entries = data->diary->entries->len;
      cache->key.item = data->item;
      cache->key.first = plot->first;
      cache->key.n_days = plot->n_days;
      cache->key.width = width;
      cache->key.height = height;
      cache->key.color = style->line;
      cache->key.line_width = style->line_width;
      cache->key_valid = TRUE;
    }

  if (scale <= 0 || !pixel_aligned (cr, scale))
    {
      paint_ratings (cr, cache->line, cache->dots, style);
      return;
    }

  /* The picture covers the plot with room for the line and dots; it holds
   * only how much of each pixel they cover (both are in the line's colour),
   * and pixels they miss cost little to paint. */
  if (cache->picture == NULL)
    {
      int x0 = (int) floor (plot->x - pad), y0 = (int) floor (plot->y - pad);
      int x1 = (int) ceil (plot->x + plot->width + pad), y1 = (int) ceil (plot->y + plot->height + pad);
      LdnTrendStyle ink = *style;
      cairo_t *picture_cr;

      ink.line = (LdnColor) { 0, 0, 0, 1 };
      cache->picture = cairo_image_surface_create (CAIRO_FORMAT_A8, (x1 - x0) * scale, (y1 - y0) * scale);
      cairo_surface_set_device_scale (cache->picture, scale, scale);
      cache->picture_x = x0;
      cache->picture_y = y0;
      picture_cr = cairo_create (cache->picture);
      cairo_translate (picture_cr, -x0, -y0);
      paint_ratings (picture_cr, cache->line, cache->dots, &ink);
      cairo_destroy (picture_cr);
      cache->covered = trace_covered (cache->picture, x0, y0, scale);
    }
  /* Masked in only where the line and dots are: a usual diary keeps to a
   * band, and pixels outside the clip cost nothing. */
  set_color (cr, &style->line);
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_append_path (cr, cache->covered);
  cairo_clip (cr);
  cairo_mask_surface (cr, cache->picture, cache->picture_x, cache->picture_y);
  cairo_restore (cr);
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
              LdnTrendCache       *cache,
              const Plot          *plot,
              const LdnTrendStyle *style,
              int                  kind,
              const char          *label,
              double              *x,
              double              *y)
{
  double line = line_height (cache), key = 14, w = text_width (cache, label);
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
      show_text_within (cr, cache, label, *x + key + 4, *y, w, kind == 0 ? &style->side_effect : &style->foreground);
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
             LdnTrendCache       *cache,
             const Plot          *plot,
             const LdnTrendData  *data,
             const LdnTrendStyle *style)
{
  const LdnDiaryItemSummary *summary = data->summary;
  double line = line_height (cache);
  double top = plot->y + plot->height + MARK_ROW + 1 + 2 * (line + 1), y = top, x = plot->x;
  gboolean band = summary != NULL && summary->baseline_state == LDN_DIARY_BASELINE_ENOUGH &&
                  !isnan (summary->baseline.median);
  gboolean any = FALSE;

  if (has_side_effects (plot, data) && data->labels.side_effects != NULL)
    {
      legend_entry (cr, cache, plot, style, 0, data->labels.side_effects, &x, &y);
      any = TRUE;
    }
  if (band && data->labels.baseline_range != NULL)
    {
      legend_entry (cr, cache, plot, style, 1, data->labels.baseline_range, &x, &y);
      any = TRUE;
    }
  if (band && data->labels.baseline_median != NULL)
    {
      legend_entry (cr, cache, plot, style, 2, data->labels.baseline_median, &x, &y);
      any = TRUE;
    }
  return any ? y + line - top : 0;
}

void
ldn_trend_draw (cairo_t             *cr,
                double               width,
                double               height,
                const LdnTrendData  *data,
                const LdnTrendStyle *style,
                LdnTrendCache       *cache)
{
  g_autoptr(LdnTrendCache) own_cache = NULL;
  Plot plot;
  const LdnDiaryItem *item;

  g_return_if_fail (cr != NULL && data != NULL && style != NULL && data->diary != NULL);

  item = data->item < data->diary->items->len ? g_ptr_array_index (data->diary->items, data->item) : NULL;
  /* Paper: the same drawing, with a cache for this drawing only. */
  if (cache == NULL)
    cache = own_cache = ldn_trend_cache_new ();

  cairo_save (cr);
  if (style->background.alpha > 0)
    {
      set_color (cr, &style->background);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }

  cache_begin (cache, cr, style->font != NULL ? style->font : "Sans 8");

  /* Room for the font and the legend around the plot. */
  {
    double line = line_height (cache), legend;

    plot_init (&plot, width, height, data, 0, 0, 0);
    legend = draw_legend (NULL, cache, &plot, data, style);
    plot_init (&plot, width, height, data, text_width (cache, "10") + 6, text_above (line), text_below (line, legend));
  }

  draw_baseline (cr, cache, &plot, data, style);
  draw_baseline_label (cr, cache, &plot, data, style);
  draw_axis (cr, cache, &plot, item, style);
  draw_dates (cr, cache, &plot, style);
  draw_markers (cr, cache, &plot, data, style);
  if (item != NULL)
    draw_ratings (cr, cache, &plot, width, height, data, style);
  draw_side_effects (cr, &plot, data, style);
  draw_legend (cr, cache, &plot, data, style);

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
  ldn_trend_draw (cr, width, height, data, style, NULL);
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

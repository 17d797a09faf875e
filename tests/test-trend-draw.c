/* test-trend-draw.c: the diary's trend drawing puts the baseline band where
 * the baseline is, leaves days without a record as gaps, and draws a year.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "chart/ldn-trend-draw.h"

#define WIDTH  1000
#define HEIGHT  300

/* Distinct opaque colours, so a pixel says what was drawn there. */
static const LdnTrendStyle test_style = {
  .foreground = { 0, 0, 0, 1 },
  .background = { 1, 1, 1, 1 },
  .grid = { 0.5, 0.5, 0.5, 1 },
  .line = { 1, 0, 0, 1 },
  .baseline = { 0, 0, 1, 1 },
  .band = { 0, 1, 0, 1 },
  .marker = { 1, 0, 1, 1 },
  .side_effect = { 0, 1, 1, 1 },
  .font = "Sans 8",
  .line_width = 2,
};

static GDate
day (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static GDate
plus (GDate date, int days)
{
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  return date;
}

static guint32
pixel (cairo_surface_t *surface, double x, double y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  g_assert_true (x >= 0 && x < WIDTH && y >= 0 && y < HEIGHT);
  return *(guint32 *) (void *) (data + (int) y * stride + 4 * (int) x) & 0xffffff;
}

/* A year: the baseline (28 days before the start) alternates 4 and 6, then
 * 5 every day, with a gap of ten days in June. */
static LdnDiary *
new_year_diary (GDate *start, GDate *until)
{
  LdnDiary *diary = ldn_diary_new ();

  *start = day (2027, 2, 1);
  *until = day (2027, 12, 31);
  g_ptr_array_add (diary->items, ldn_diary_item_new ("pain", "Pain", "no pain", "worst pain", LDN_DIARY_EVERY_DAY));
  diary->has_start = TRUE;
  diary->start = *start;
  g_ptr_array_add (diary->plan, ldn_diary_plan_step_new (start, 1.5, 22 * 60));
  {
    GDate change = plus (*start, 28);

    g_ptr_array_add (diary->plan, ldn_diary_plan_step_new (&change, 3, 22 * 60));
  }
  for (int i = -28; i < 0; i++)
    {
      GDate date = plus (*start, i);
      LdnDiaryEntry *entry = ldn_diary_entry_new (&date);

      entry->ratings[0] = (i % 2 == 0) ? 4 : 6;
      g_ptr_array_add (diary->entries, entry);
    }
  for (GDate date = *start; g_date_compare (&date, until) <= 0; g_date_add_days (&date, 1))
    {
      LdnDiaryEntry *entry;

      if (g_date_get_month (&date) == G_DATE_JUNE && g_date_get_day (&date) >= 10 && g_date_get_day (&date) < 20)
        continue;
      entry = ldn_diary_entry_new (&date);
      entry->ratings[0] = 5;
      if (g_date_get_day (&date) == 15)
        ldn_diary_entry_add_side_effect (entry, "vivid-dreams", 1 + g_date_get_month (&date) % 3);
      g_ptr_array_add (diary->entries, entry);
    }
  return diary;
}

static void
maybe_write_png (cairo_surface_t *surface, const char *name)
{
  const char *dir = g_getenv ("LDN_TEST_PNG_DIR");

  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
    }
}

static cairo_surface_t *
draw (const LdnTrendData *data, const LdnTrendStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  ldn_trend_draw (cr, WIDTH, HEIGHT, data, style, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

static void
test_band (void)
{
  GDate start, until;
  g_autoptr(LdnDiary) diary = new_year_diary (&start, &until);
  g_autoptr(LdnDiarySummary) summary = ldn_diary_summary_new (diary, &until);
  LdnTrendStyle style = test_style;
  LdnTrendData data = { .diary = diary, .item = 0, .summary = &g_array_index (summary->items, LdnDiaryItemSummary, 0) };
  cairo_surface_t *surface;
  GDate in_baseline = plus (start, -10), after = plus (start, 100), first_day = plus (start, -28);
  double x_in, x_after, x_before;

  g_assert_cmpint (data.summary->baseline_state, ==, LDN_DIARY_BASELINE_ENOUGH);
  /* A week before the baseline window, so there is room left of it. */
  g_date_subtract_days (&first_day, 7);
  data.first = first_day;
  data.last = until;
  /* Without the ratings' line, only the band and the shading are there. */
  style.line.alpha = 0;
  surface = draw (&data, &style);
  maybe_write_png (surface, "trend-band.png");

  x_in = ldn_trend_x_at_date (WIDTH, HEIGHT, &data, &in_baseline);
  x_after = ldn_trend_x_at_date (WIDTH, HEIGHT, &data, &after);
  {
    GDate early = plus (start, -33);

    x_before = ldn_trend_x_at_date (WIDTH, HEIGHT, &data, &early);
  }
  /* Inside the baseline's range (4 to 6): the band, in and after the baseline. */
  g_assert_cmphex (pixel (surface, x_in, ldn_trend_y_at_rating (WIDTH, HEIGHT, &data, 5.5)), ==, 0x00ff00);
  g_assert_cmphex (pixel (surface, x_after, ldn_trend_y_at_rating (WIDTH, HEIGHT, &data, 4.5)), ==, 0x00ff00);
  /* Outside the range: the baseline window's shading, and nothing after it. */
  g_assert_cmphex (pixel (surface, x_in, ldn_trend_y_at_rating (WIDTH, HEIGHT, &data, 8)), ==, 0x0000ff);
  g_assert_cmphex (pixel (surface, x_in, ldn_trend_y_at_rating (WIDTH, HEIGHT, &data, 2.5)), ==, 0x0000ff);
  g_assert_cmphex (pixel (surface, x_after, ldn_trend_y_at_rating (WIDTH, HEIGHT, &data, 8)), ==, 0xffffff);
  /* Before the baseline window: no band. */
  g_assert_cmphex (pixel (surface, x_before, ldn_trend_y_at_rating (WIDTH, HEIGHT, &data, 5.5)), ==, 0xffffff);
  cairo_surface_destroy (surface);
}

/* Too little baseline: the window is marked but no band suggests a comparison. */
static void
test_no_band_without_enough_baseline (void)
{
  GDate start, until;
  g_autoptr(LdnDiary) diary = new_year_diary (&start, &until);
  g_autoptr(LdnDiarySummary) summary = NULL;
  LdnTrendStyle style = test_style;
  LdnTrendData data = { .diary = diary };
  cairo_surface_t *surface;
  GDate in_baseline = plus (start, -10);

  /* Keep 10 of the 28 baseline days. */
  g_ptr_array_remove_range (diary->entries, 0, 18);
  summary = ldn_diary_summary_new (diary, &until);
  data.summary = &g_array_index (summary->items, LdnDiaryItemSummary, 0);
  g_assert_cmpint (data.summary->baseline_state, ==, LDN_DIARY_BASELINE_TOO_LITTLE);
  ldn_trend_data_set_range_from_diary (&data, &until);
  style.line.alpha = 0;
  surface = draw (&data, &style);
  g_assert_cmphex (pixel (surface, ldn_trend_x_at_date (WIDTH, HEIGHT, &data, &in_baseline),
                          ldn_trend_y_at_rating (WIDTH, HEIGHT, &data, 5.5)), ==, 0x0000ff);
  cairo_surface_destroy (surface);
}

/* Days without a record stay empty: no line is drawn across them. */
static void
test_gaps (void)
{
  GDate start, until;
  g_autoptr(LdnDiary) diary = new_year_diary (&start, &until);
  g_autoptr(LdnDiarySummary) summary = ldn_diary_summary_new (diary, &until);
  LdnTrendData data = { .diary = diary, .summary = &g_array_index (summary->items, LdnDiaryItemSummary, 0) };
  cairo_surface_t *surface;
  GDate gap = day (2027, 6, 15), recorded = day (2027, 6, 25);
  double px, py, pw, ph, y5;
  guint red_in_gap = 0;

  ldn_trend_data_set_range_from_diary (&data, &until);
  surface = draw (&data, &test_style);
  maybe_write_png (surface, "trend-year.png");
  ldn_trend_get_plot_area (WIDTH, HEIGHT, &data, &px, &py, &pw, &ph);
  y5 = ldn_trend_y_at_rating (WIDTH, HEIGHT, &data, 5);

  g_assert_cmphex (pixel (surface, ldn_trend_x_at_date (WIDTH, HEIGHT, &data, &recorded), y5), ==, 0xff0000);
  for (double y = py; y < py + ph; y++)
    if (pixel (surface, ldn_trend_x_at_date (WIDTH, HEIGHT, &data, &gap), y) == 0xff0000)
      red_in_gap++;
  g_assert_cmpuint (red_in_gap, ==, 0);
  cairo_surface_destroy (surface);
}

/* Weekly records a week apart are joined; two weeks apart are not. */
static void
test_weekly_join (void)
{
  g_autoptr(LdnDiary) diary = ldn_diary_new ();
  GDate first = day (2027, 1, 4), until = day (2027, 3, 29);
  LdnTrendData data = { .diary = diary };
  cairo_surface_t *surface;
  double y = 0;

  g_ptr_array_add (diary->items, ldn_diary_item_new ("sleep", "Sleep", "", "", LDN_DIARY_EVERY_WEEK));
  for (int week = 0; week < 12; week++)
    {
      GDate date = plus (first, 7 * week);
      LdnDiaryEntry *entry;

      if (week == 6)
        continue;
      entry = ldn_diary_entry_new (&date);
      entry->ratings[0] = 7;
      g_ptr_array_add (diary->entries, entry);
    }
  ldn_trend_data_set_range_from_diary (&data, &until);
  surface = draw (&data, &test_style);
  y = ldn_trend_y_at_rating (WIDTH, HEIGHT, &data, 7);
  {
    GDate joined = plus (first, 7 * 2 + 3), missing = plus (first, 7 * 6);

    g_assert_cmphex (pixel (surface, ldn_trend_x_at_date (WIDTH, HEIGHT, &data, &joined), y), ==, 0xff0000);
    g_assert_cmphex (pixel (surface, ldn_trend_x_at_date (WIDTH, HEIGHT, &data, &missing), y), !=, 0xff0000);
  }
  cairo_surface_destroy (surface);
}

/* Paper: a year, three items, as PDF, in grey, never failing. */
static void
test_print_year (void)
{
  GDate start, until;
  g_autoptr(LdnDiary) diary = new_year_diary (&start, &until);
  g_autoptr(LdnDiarySummary) summary = ldn_diary_summary_new (diary, &until);
  LdnTrendStyle style;
  LdnTrendData data = {
    .diary = diary,
    .summary = &g_array_index (summary->items, LdnDiaryItemSummary, 0),
    .labels = { .start = "Start", .dose_format = "%s mg", .baseline = "Baseline", .side_effects = "Side effects" },
  };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 500, 180);
  cairo_t *cr = cairo_create (surface);

  ldn_trend_style_init_for_print (&style);
  ldn_trend_data_set_range_from_diary (&data, &until);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ldn_trend_draw (cr, 500, 180, &data, &style, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  /* Grey only: every pixel has equal red, green and blue. */
  cairo_surface_flush (surface);
  for (int y = 0; y < 180; y++)
    for (int x = 0; x < 500; x++)
      {
        guint32 p = *(guint32 *) (void *) (cairo_image_surface_get_data (surface) +
                                            y * cairo_image_surface_get_stride (surface) + 4 * x);

        g_assert_cmphex ((p >> 16) & 0xff, ==, (p >> 8) & 0xff);
        g_assert_cmphex ((p >> 8) & 0xff, ==, p & 0xff);
      }
  {
    const char *dir = g_getenv ("LDN_TEST_PNG_DIR");

    if (dir != NULL)
      {
        g_autofree char *path = g_build_filename (dir, "trend-print.png", NULL);

        cairo_surface_write_to_png (surface, path);
      }
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* An empty diary, a tiny size, a range of one day: drawn without trouble. */
static void
test_degenerate (void)
{
  g_autoptr(LdnDiary) diary = ldn_diary_new ();
  GDate today = day (2027, 1, 1);
  LdnTrendData data = { .diary = diary };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 10, 10);
  cairo_t *cr = cairo_create (surface);

  ldn_trend_draw (cr, 10, 10, &data, &test_style, NULL);
  ldn_trend_data_set_range_from_diary (&data, &today);
  g_assert_cmpint (g_date_get_julian (&data.last) - g_date_get_julian (&data.first), ==, 13);
  ldn_trend_draw (cr, 0, 0, &data, &test_style, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The review's phone chart: a long meaning of 10, side effects, and dose
 * changes two weeks apart. At any width and font, no text covers another,
 * and none leaves the chart; the legend says what the band and the dashed
 * line are. */
static void
test_labels_never_overlap (void)
{
  g_autoptr(LdnDiary) diary = ldn_diary_new ();
  g_autoptr(LdnDiarySummary) summary = NULL;
  GDate start = day (2026, 10, 1), until = day (2026, 11, 30);
  const double widths[] = { 240, 320, 360, 600, 1000 };
  const char *fonts[] = { "Sans 8", "Sans 11", "Sans 16" };
  LdnTrendData data = { .diary = diary, .item = 0,
                        .labels = { .start = "Start", .dose_format = "%s mg", .baseline = "Baseline",
                                    .side_effects = "Side effects", .baseline_range = "Baseline range",
                                    .baseline_median = "Baseline median" } };

  g_ptr_array_add (diary->items, ldn_diary_item_new ("pain", "Pain", "No pain", "The worst pain you can imagine",
                                                     LDN_DIARY_EVERY_DAY));
  diary->has_start = TRUE;
  diary->start = start;
  for (int i = 0; i < 3; i++)
    {
      GDate from = plus (start, 14 * i);

      g_ptr_array_add (diary->plan, ldn_diary_plan_step_new (&from, 1.5 * (i + 1), 22 * 60));
    }
  for (int i = -29; i <= 60; i++)
    {
      GDate date = plus (start, i);
      LdnDiaryEntry *entry = ldn_diary_entry_new (&date);

      entry->ratings[0] = 4 + (i * 7 % 5);
      if (i > 0 && i < 6)
        ldn_diary_entry_add_side_effect (entry, "vivid-dreams", 2);
      g_ptr_array_add (diary->entries, entry);
    }
  summary = ldn_diary_summary_new (diary, &until);
  data.summary = &g_array_index (summary->items, LdnDiaryItemSummary, 0);
  g_assert_cmpint (data.summary->baseline_state, ==, LDN_DIARY_BASELINE_ENOUGH);
  ldn_trend_data_set_range_from_diary (&data, &until);

  for (guint f = 0; f < G_N_ELEMENTS (fonts); f++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      {
        LdnTrendStyle style = test_style;
        double height = 220;
        g_autoptr(GArray) boxes = NULL;
        gboolean high = FALSE, legend[3] = { FALSE, FALSE, FALSE }, start_label = FALSE;

        style.font = fonts[f];
        boxes = ldn_trend_dup_text_boxes (widths[w], height, &data, &style);
        for (guint i = 0; i < boxes->len; i++)
          {
            const LdnTrendTextBox *a = &g_array_index (boxes, LdnTrendTextBox, i);

            if (a->x < 0 || a->x + a->width > widths[w] || a->y < 0 || a->y + a->height > height)
              g_error ("%s at %g px: “%s” leaves the chart (x %g to %g, y %g to %g)", fonts[f], widths[w], a->text,
                       a->x, a->x + a->width, a->y, a->y + a->height);
            for (guint j = i + 1; j < boxes->len; j++)
              {
                const LdnTrendTextBox *b = &g_array_index (boxes, LdnTrendTextBox, j);

                if (a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height &&
                    b->y < a->y + a->height)
                  g_error ("%s at %g px: “%s” (%g,%g %gx%g) and “%s” (%g,%g %gx%g) overlap", fonts[f], widths[w],
                           a->text, a->x, a->y, a->width, a->height, b->text, b->x, b->y, b->width, b->height);
              }
            high |= g_str_has_prefix (a->text, "10 = ");
            start_label |= g_str_equal (a->text, "Start 1.5 mg");
            legend[0] |= g_str_equal (a->text, "Side effects");
            legend[1] |= g_str_equal (a->text, "Baseline range");
            legend[2] |= g_str_equal (a->text, "Baseline median");
          }
        g_assert_true (high);
        g_assert_true (start_label);
        /* The whole legend, on as many rows as it needs. */
        g_assert_true (legend[0] && legend[1] && legend[2]);
        if (g_getenv ("LDN_TEST_PNG_DIR") != NULL && f < 2 && widths[w] <= 360)
          {
            cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) widths[w], (int) height);
            cairo_t *cr = cairo_create (surface);
            g_autofree char *name = g_strdup_printf ("trend-labels-%u-%g.png", f, widths[w]);

            cairo_set_source_rgb (cr, 1, 1, 1);
            cairo_paint (cr);
            ldn_trend_draw (cr, widths[w], height, &data, &style, NULL);
            cairo_destroy (cr);
            maybe_write_png (surface, name);
            cairo_surface_destroy (surface);
          }
      }
}

/* WIDTH x HEIGHT at SCALE on white, with CACHE (NULL: none, as on paper). */
static cairo_surface_t *
draw_scaled (const LdnTrendData  *data,
             const LdnTrendStyle *style,
             LdnTrendCache       *cache,
             int                  width,
             int                  height,
             int                  scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width * scale, height * scale);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ldn_trend_draw (cr, width, height, data, style, cache);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The same picture: no channel of any pixel more than 2 apart (a picture
 * of the line and a line drawn round their edges a little differently). */
static void
assert_same_picture (cairo_surface_t *a,
                     cairo_surface_t *b,
                     const char      *what)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  guint differ = 0;

  g_assert_cmpint (width, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 p = *(guint32 *) (void *) (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a) + 4 * x);
        guint32 q = *(guint32 *) (void *) (cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b) + 4 * x);

        for (int shift = 0; shift < 24; shift += 8)
          if (ABS ((int) ((p >> shift) & 0xff) - (int) ((q >> shift) & 0xff)) > 2)
            {
              if (differ++ == 0)
                g_test_message ("%s: first difference at %d,%d: %06x and %06x", what, x, y, p & 0xffffff,
                                q & 0xffffff);
              break;
            }
      }
  if (differ > 0)
    g_error ("%s: %u pixels differ", what, differ);
}

/* A chart drawn with the widget's cache looks as it does without one (on
 * paper), on the frame that fills the cache and on the next; after a resize,
 * another line colour, and new data once the cache is told. */
static void
test_cache (void)
{
  GDate start, until;
  g_autoptr(LdnDiary) diary = new_year_diary (&start, &until);
  g_autoptr(LdnDiarySummary) summary = ldn_diary_summary_new (diary, &until);
  g_autoptr(LdnTrendCache) cache = ldn_trend_cache_new ();
  LdnTrendData data = {
    .diary = diary,
    .summary = &g_array_index (summary->items, LdnDiaryItemSummary, 0),
    .labels = { .start = "Start", .dose_format = "%s mg", .baseline = "Baseline", .side_effects = "Side effects" },
  };
  const struct { int width, height, scale; } sizes[] = { { 1000, 300, 1 }, { 320, 200, 1 }, { 320, 200, 2 } };
  LdnTrendStyle style = test_style;

  style.background.alpha = 0;
  ldn_trend_data_set_range_from_diary (&data, &until);
  for (int round = 0; round < 4; round++)
    {
      if (round == 2)
        style.line = (LdnColor) { 0, 0, 1, 0.8 };
      if (round == 3)
        {
          /* A day of 10 in the middle of the year: only told, the cache
           * knows that the data changed. */
          ((LdnDiaryEntry *) g_ptr_array_index (diary->entries, 200))->ratings[0] = 10;
          ldn_trend_cache_invalidate (cache);
        }
      /* The last round starts at the size the one before ended with. */
      for (guint n = 0; n < G_N_ELEMENTS (sizes); n++)
        {
          guint i = round == 3 ? G_N_ELEMENTS (sizes) - 1 - n : n;
          cairo_surface_t *paper = draw_scaled (&data, &style, NULL, sizes[i].width, sizes[i].height, sizes[i].scale);
          g_autofree char *what = g_strdup_printf ("round %d, %dx%d at %d", round, sizes[i].width, sizes[i].height,
                                                   sizes[i].scale);

          ldn_trend_cache_set_scale (cache, sizes[i].scale);
          for (int frame = 0; frame < 2; frame++)
            {
              cairo_surface_t *screen = draw_scaled (&data, &style, cache, sizes[i].width, sizes[i].height,
                                                     sizes[i].scale);

              assert_same_picture (paper, screen, what);
              cairo_surface_destroy (screen);
            }
          cairo_surface_destroy (paper);
        }
    }
}

/* Three years in 240 px put several days on one pixel column; the drawing
 * gathers them, but a single day of 10 among 5s, in the middle of its
 * column, still reaches 10. */
static void
test_dense_years_keep_a_peak (void)
{
  GDate start, until;
  g_autoptr(LdnDiary) diary = new_year_diary (&start, &until);
  g_autoptr(LdnDiarySummary) summary = NULL;
  LdnTrendData data = { .diary = diary };
  const LdnDiaryEntry *peak = NULL;
  cairo_surface_t *surface;
  double x, y;
  gboolean reached = FALSE;

  g_date_add_years (&until, 2);
  ldn_trend_data_set_range_from_diary (&data, &until);
  for (guint i = 100; i + 1 < diary->entries->len && peak == NULL; i++)
    {
      LdnDiaryEntry *entries[3] = { g_ptr_array_index (diary->entries, i - 1), g_ptr_array_index (diary->entries, i),
                                    g_ptr_array_index (diary->entries, i + 1) };
      double columns[3];

      for (int k = 0; k < 3; k++)
        columns[k] = floor (ldn_trend_x_at_date (240, 200, &data, &entries[k]->date));
      if (columns[0] == columns[1] && columns[1] == columns[2] &&
          g_date_days_between (&entries[0]->date, &entries[2]->date) == 2)
        {
          entries[1]->ratings[0] = 10;
          peak = entries[1];
        }
    }
  g_assert_nonnull (peak);
  summary = ldn_diary_summary_new (diary, &until);
  data.summary = &g_array_index (summary->items, LdnDiaryItemSummary, 0);
  surface = draw_scaled (&data, &test_style, NULL, 240, 200, 1);
  maybe_write_png (surface, "trend-dense.png");
  x = ldn_trend_x_at_date (240, 200, &data, &peak->date);
  y = ldn_trend_y_at_rating (240, 200, &data, 10);
  for (int dx = -1; dx <= 1; dx++)
    for (int dy = 0; dy <= 2; dy++)
      {
        guint32 p = *(guint32 *) (void *) (cairo_image_surface_get_data (surface) +
                                            (int) (y + dy) * cairo_image_surface_get_stride (surface) +
                                            4 * (int) (x + dx));

        reached |= (p & 0xffffff) == 0xff0000;
      }
  g_assert_true (reached);
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/trend-draw/band", test_band);
  g_test_add_func ("/trend-draw/no-band-without-enough-baseline", test_no_band_without_enough_baseline);
  g_test_add_func ("/trend-draw/gaps", test_gaps);
  g_test_add_func ("/trend-draw/weekly-join", test_weekly_join);
  g_test_add_func ("/trend-draw/print-year", test_print_year);
  g_test_add_func ("/trend-draw/degenerate", test_degenerate);
  g_test_add_func ("/trend-draw/labels-never-overlap", test_labels_never_overlap);
  g_test_add_func ("/trend-draw/cache", test_cache);
  g_test_add_func ("/trend-draw/dense-years-keep-a-peak", test_dense_years_keep_a_peak);
  return g_test_run ();
}

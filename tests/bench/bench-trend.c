/* bench-trend.c: the diary's trend drawing and the sheet with a year of data.
 *
 * Draws three followed items, each over a year of daily entries, into one
 * 1920x1080 image surface (three charts stacked, as the diary page shows
 * them) 300 times and prints the median and 99th percentile of one such
 * frame (targets: median under 2 ms, p99 under 4 ms); then lays out and
 * writes the whole discussion sheet as PDF with that year in its "Before and
 * after" section 20 times (target: under 250 ms). Prints numbers; never
 * fails on speed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "chart/ldn-trend-draw.h"
#include "ldn-test-diary.h"
#include "ldn-test-tmp.h"
#include "sheet/ldn-sheet.h"

#define FRAMES 300
#define SHEETS 20

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* FRAMES frames of the three charts, each with its own cache of CACHES
 * (NULL: none, as on paper); their times sorted into TIMES. */
static void
draw_frames (cairo_surface_t     *surface,
             const LdnTrendData  *data,
             const LdnTrendStyle *style,
             LdnTrendCache      **caches,
             double              *times,
             int                  frames)
{
  int width = cairo_image_surface_get_width (surface), height = cairo_image_surface_get_height (surface);

  for (int frame = 0; frame < frames; frame++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();

      cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
      cairo_paint (cr);
      for (guint i = 0; i < LDN_DIARY_MAX_ITEMS; i++)
        {
          cairo_save (cr);
          cairo_translate (cr, 0, i * height / 3);
          ldn_trend_draw (cr, width, height / 3, &data[i], style, caches != NULL ? caches[i] : NULL);
          cairo_restore (cr);
        }
      cairo_surface_flush (surface);
      times[frame] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
    }
  qsort (times, frames, sizeof (double), compare_doubles);
}

static void
bench_trend (const LdnDiary *diary,
             const GDate    *until,
             const char     *what)
{
  const int width = 1920, height = 1080;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  g_autoptr(LdnDiarySummary) summary = ldn_diary_summary_new (diary, until);
  LdnTrendData data[LDN_DIARY_MAX_ITEMS];
  LdnTrendStyle style;
  LdnTrendCache *caches[LDN_DIARY_MAX_ITEMS];
  double times[FRAMES];
  /* LDN_BENCH_FRAMES=N draws fewer frames (under callgrind, say). */
  int frames = g_getenv ("LDN_BENCH_FRAMES") ? CLAMP (atoi (g_getenv ("LDN_BENCH_FRAMES")), 1, FRAMES) : FRAMES;
  int uncached = MAX (frames / 3, 1);

  ldn_trend_style_init_for_print (&style);
  style.font = "Cantarell 10";
  for (guint i = 0; i < LDN_DIARY_MAX_ITEMS; i++)
    {
      data[i] = (LdnTrendData) {
        .diary = diary,
        .item = i,
        .summary = &g_array_index (summary->items, LdnDiaryItemSummary, i),
        .labels = { .start = "Start", .dose_format = "%s mg", .baseline = "Baseline", .side_effects = "Side effects" },
      };
      ldn_trend_data_set_range_from_diary (&data[i], until);
      caches[i] = ldn_trend_cache_new ();
      ldn_trend_cache_set_scale (caches[i], 1);
    }

  /* As the widget draws: each chart with its cache, which the first frame
   * fills and the others use. */
  draw_frames (surface, data, &style, caches, times, frames);
  printf ("trend draw, 3 items x a year of daily entries (%s) at %dx%d:\n", what, width, height);
  printf ("  median %.2f ms, p99 %.2f ms per frame over %d frames (targets: median < 2 ms, p99 < 4 ms)\n",
          times[frames / 2], times[frames * 99 / 100], frames);
  /* Without a cache, as after a resize or new data, and on paper: no target. */
  draw_frames (surface, data, &style, NULL, times, uncached);
  printf ("  without the cache (a resize, new data, paper): median %.2f ms, p99 %.2f ms over %d frames\n",
          times[uncached / 2], times[uncached * 99 / 100], uncached);
  for (guint i = 0; i < LDN_DIARY_MAX_ITEMS; i++)
    ldn_trend_cache_free (caches[i]);
  if (g_getenv ("LDN_TREND_PNG") != NULL)
    cairo_surface_write_to_png (surface, g_getenv ("LDN_TREND_PNG"));
  cairo_surface_destroy (surface);
}

static int
bench_sheet (LdnContentStore *content,
             const GDate     *until)
{
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-bench-trend");
  g_autofree char *user_path = g_build_filename (dir, "user.sqlite", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autoptr(LdnUserStore) user = ldn_user_store_open (user_path);
  double times[SHEETS];
  guint pages = 0;

  for (int run = 0; run < SHEETS; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(LdnSheetData) data = ldn_sheet_data_collect (content, user, 4.5, TRUE, TRUE, &error);
      g_autoptr(LdnSheet) sheet = NULL;
      GDate ignored;
      double width, height;

      if (data == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      /* As the diary's store would: the diary read into the sheet data. */
      data->diary = ldn_test_diary_new_year (&ignored);
      data->diary_until = *until;
      ldn_paper_get_size (LDN_PAPER_A4, &width, &height);
      sheet = ldn_sheet_new (g_steal_pointer (&data), width, height, &error);
      if (sheet == NULL || !ldn_sheet_write_pdf (sheet, pdf, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      pages = ldn_sheet_get_n_pages (sheet);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, SHEETS, sizeof (double), compare_doubles);
  printf ("sheet with a year of diary data (collect, lay out, write the %u-page PDF):\n", pages);
  printf ("  median %.1f ms, max %.1f ms over %d runs (target < 250 ms)\n", times[SHEETS / 2], times[SHEETS - 1],
          SHEETS);
  return 0;
}

int
main (void)
{
  g_autofree char *path = ldn_content_store_dup_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnContentStore) content = ldn_content_store_new (path, NULL, &error);
  GDate until;
  g_autoptr(LdnDiary) diary = ldn_test_diary_new_year (&until);

  if (content == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  bench_trend (diary, &until, "fatigue jumping across the whole scale day to day: the worst case");
  /* The same year with every item moving at most one point a day, as a
   * diary usually does. */
  {
    g_autoptr(GRand) rand = g_rand_new_with_seed (17);

    for (guint i = 0; i < diary->entries->len; i++)
      {
        LdnDiaryEntry *entry = g_ptr_array_index (diary->entries, i);
        LdnDiaryEntry *before = i > 0 ? g_ptr_array_index (diary->entries, i - 1) : NULL;

        for (guint item = 0; item < 2; item++)
          {
            int rating = (before ? before->ratings[item] : 5) + g_rand_int_range (rand, -1, 2);

            entry->ratings[item] = CLAMP (rating, 0, LDN_DIARY_SCALE_MAX);
          }
      }
  }
  bench_trend (diary, &until, "each item moving by at most 1 a day");
  return bench_sheet (content, &until);
}

/* test-trend-chart.c: the trend chart widget tells a screen reader what it
 * shows (the item and the summary sentence) and gives every recorded value
 * as a table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <gtk/gtk.h>

#include "chart/ldn-trend-chart.h"
#include "ldn-test-diary.h"

static void
test_accessible_summary (void)
{
  GDate until;
  g_autoptr(LdnDiary) diary = ldn_test_diary_new_year (&until);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chart = ldn_trend_chart_new ();

  gtk_window_set_child (GTK_WINDOW (window), chart);
  ldn_trend_chart_set_diary (LDN_TREND_CHART (chart), diary, 0, &until);
  g_assert_cmpstr (ldn_trend_chart_get_summary (LDN_TREND_CHART (chart)), ==,
                   "Median 6.5 before (range 6 to 7), 5 in the last 4 weeks (range 4 to 6); 28 of 28 days recorded.");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, "Pain");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       ldn_trend_chart_get_summary (LDN_TREND_CHART (chart)));

  /* Another item: both follow. */
  ldn_trend_chart_set_diary (LDN_TREND_CHART (chart), diary, 2, &until);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, "Sleep");
  g_assert_nonnull (strstr (ldn_trend_chart_get_summary (LDN_TREND_CHART (chart)), "4 of 4 weeks recorded"));

  /* Shown, it draws without complaint. */
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 300);
  gtk_window_present (GTK_WINDOW (window));
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (!gtk_widget_get_mapped (chart) && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (gtk_widget_get_mapped (chart));
    for (int i = 0; i < 20; i++)
      g_main_context_iteration (NULL, FALSE);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_table (void)
{
  GDate until;
  g_autoptr(LdnDiary) diary = ldn_test_diary_new_year (&until);
  g_autoptr(GListModel) weekly = ldn_trend_chart_dup_table_model (diary, 2, &until);
  g_autoptr(GListModel) daily = ldn_trend_chart_dup_table_model (diary, 0, &until);
  g_autoptr(LdnTrendRow) first = NULL;
  g_autoptr(LdnTrendRow) after = NULL;
  GDate end_of_january;

  /* Every recorded day, in order, from the baseline to the end. */
  g_assert_cmpuint (g_list_model_get_n_items (daily), ==, 352);
  first = g_list_model_get_item (daily, 0);
  g_assert_cmpstr (ldn_trend_row_get_date (first), ==, "4 January 2027");
  g_assert_cmpstr (ldn_trend_row_get_rating (first), ==, "6");
  g_assert_cmpstr (ldn_trend_row_get_period (first), ==, "Baseline");
  after = g_list_model_get_item (daily, 28 + 2);  /* 3 February: the dose missed */
  g_assert_cmpstr (ldn_trend_row_get_date (after), ==, "3 February 2027");
  g_assert_cmpstr (ldn_trend_row_get_period (after), ==, "After the start");
  g_assert_cmpstr (ldn_trend_row_get_notes (after), ==, "dose missed");

  /* A weekly item's table: the Sundays with a rating, plus days with a side effect. */
  g_assert_cmpuint (g_list_model_get_n_items (weekly), >, 48);
  g_assert_cmpuint (g_list_model_get_n_items (weekly), <, 70);

  /* Up to UNTIL only. */
  g_date_clear (&end_of_january, 1);
  g_date_set_dmy (&end_of_january, 31, G_DATE_JANUARY, 2027);
  {
    g_autoptr(GListModel) january = ldn_trend_chart_dup_table_model (diary, 0, &end_of_january);

    g_assert_cmpuint (g_list_model_get_n_items (january), ==, 28);
  }
}

/* The plot's height as drawn at WIDTH x HEIGHT in CHART's style: from the
 * axis' 10 to its 0. */
static double
plot_height (LdnTrendChart  *chart,
             const LdnDiary *diary,
             const GDate    *until,
             double          width,
             double          height)
{
  g_autoptr(LdnDiarySummary) summary = ldn_diary_summary_new (diary, until);
  g_autofree char *font = NULL;
  g_autoptr(GArray) boxes = NULL;
  LdnTrendStyle style;
  LdnTrendData data = {
    .diary = diary,
    .summary = &g_array_index (summary->items, LdnDiaryItemSummary, 0),
    .labels = { .start = "Start", .dose_format = "%s mg", .baseline = "Baseline", .side_effects = "Side effects",
                .baseline_range = "Baseline range", .baseline_median = "Baseline median" },
  };
  double top = -1, bottom = -1;

  ldn_trend_data_set_range_from_diary (&data, until);
  ldn_trend_chart_get_style (chart, &style, &font);
  boxes = ldn_trend_dup_text_boxes (width, height, &data, &style);
  for (guint i = 0; i < boxes->len; i++)
    {
      const LdnTrendTextBox *box = &g_array_index (boxes, LdnTrendTextBox, i);

      if (g_str_equal (box->text, "10"))
        top = box->y;
      else if (g_str_equal (box->text, "0"))
        bottom = box->y;
    }
  g_assert_cmpfloat (top, >=, 0);
  g_assert_cmpfloat (bottom, >, top);
  return bottom - top;
}

/* The chart asks for a height whose plot reads (it was about 40 px): 150 px
 * or more on a desktop, 110 or more on a phone, where the whole chart
 * still fits a 360 px tall screen. */
static void
test_readable_height (void)
{
  GDate until;
  g_autoptr(LdnDiary) diary = ldn_test_diary_new_year (&until);
  GtkWidget *chart = g_object_ref_sink (ldn_trend_chart_new ());
  int desktop, phone;

  ldn_trend_chart_set_diary (LDN_TREND_CHART (chart), diary, 0, &until);
  g_assert_cmpint (gtk_widget_get_request_mode (chart), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);
  gtk_widget_measure (chart, GTK_ORIENTATION_VERTICAL, 640, &desktop, NULL, NULL, NULL);
  gtk_widget_measure (chart, GTK_ORIENTATION_VERTICAL, 320, &phone, NULL, NULL, NULL);
  g_test_message ("heights asked for: %d px at 640 px wide, %d px at 320 px", desktop, phone);
  g_assert_cmpfloat (plot_height (LDN_TREND_CHART (chart), diary, &until, 640, desktop), >=, 150);
  g_assert_cmpfloat (plot_height (LDN_TREND_CHART (chart), diary, &until, 320, phone), >=, 110);
  g_assert_cmpint (phone, <=, 360);
  g_object_unref (chart);
}

/* In high contrast the grid, the baseline's shading and its band are drawn
 * at full strength, not as the faint tints of the usual style. */
static void
test_high_contrast (void)
{
  GtkWidget *chart;
  g_autofree char *font = NULL;
  LdnTrendStyle style;

  if (!g_test_subprocess ())
    {
      /* The usual style's tints, so that the subprocess tells them apart. */
      chart = g_object_ref_sink (ldn_trend_chart_new ());
      ldn_trend_chart_get_style (LDN_TREND_CHART (chart), &style, &font);
      g_assert_cmpfloat (style.grid.alpha, <, 0.5);
      g_assert_cmpfloat (style.band.alpha, <, 0.5);
      g_object_unref (chart);
      g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  g_setenv ("ADW_DEBUG_HIGH_CONTRAST", "1", TRUE);
  adw_init ();
  g_assert_true (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()));
  chart = g_object_ref_sink (ldn_trend_chart_new ());
  ldn_trend_chart_get_style (LDN_TREND_CHART (chart), &style, &font);
  g_assert_cmpfloat (style.grid.alpha, >=, 0.5);
  g_assert_cmpfloat (style.band.alpha, >=, 0.5);
  g_assert_cmpfloat (style.baseline.alpha, >, 0.07);
  g_assert_cmpfloat (style.line.alpha, ==, 1);
  g_object_unref (chart);
}

int
main (int argc, char **argv)
{
  /* Not gtk_test_init(): it sets en_US.UTF-8, which newer GTK warns about
   * (fatally here) where that locale is not installed. */
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  g_test_add_func ("/trend-chart/accessible-summary", test_accessible_summary);
  g_test_add_func ("/trend-chart/table", test_table);
  g_test_add_func ("/trend-chart/readable-height", test_readable_height);
  g_test_add_func ("/trend-chart/high-contrast", test_high_contrast);
  return g_test_run ();
}

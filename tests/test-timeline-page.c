/* test-timeline-page.c: the animated timeline as a person uses it.
 *
 * Runs under Xvfb with a private session bus (see meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "app/ldn-application.h"
#include "app/ldn-window.h"
#include "ldn-test-ui.h"
#include "chart/ldn-occupancy-chart.h"

static LdnApplication *app;

static GtkWidget *
find_button_labelled (GtkWidget  *widget,
                      const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  ldn_test_collect (widget, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);

  g_error ("no button labelled “%s”", label);
}

static LdnWindow *
open_timeline (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LdnWindow *window;

  g_settings_set_string (settings, "last-section", "timeline");
  window = ldn_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  gtk_window_present (GTK_WINDOW (window));
  ldn_test_wait_mapped (GTK_WIDGET (ldn_window_get_timeline_page (window)));

  return window;
}

static void
close_window (LdnWindow *window)
{
  ldn_test_close_window (GTK_WINDOW (window));
}

static void
test_summary_follows_the_dose (void)
{
  LdnWindow *window = open_timeline ();
  LdnTimelinePage *page = ldn_window_get_timeline_page (window);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_assert_true (g_str_has_prefix (ldn_timeline_page_get_summary (page),
                                   "Model estimate for 4.5 mg taken once at 22:00."));
  g_assert_nonnull (strstr (ldn_timeline_page_get_summary (page), "Highest: about 58 %"));
  g_assert_nonnull (strstr (ldn_timeline_page_get_summary (page), "24 hours after the last dose: about 48 %"));

  g_signal_emit_by_name (find_button_labelled (GTK_WIDGET (page), "3"), "clicked");
  g_assert_true (g_str_has_prefix (ldn_timeline_page_get_summary (page), "Model estimate for 3 mg"));
  g_assert_nonnull (strstr (ldn_timeline_page_get_summary (page), "Highest: about 48 %"));
  g_assert_nonnull (strstr (ldn_timeline_page_get_summary (page), "stays below half"));
  g_assert_cmpfloat (g_settings_get_double (settings, "dose-mg"), ==, 3.0);

  close_window (window);
  g_settings_reset (settings, "dose-mg");
}

static void
test_nightly_fourteen_days (void)
{
  LdnWindow *window = open_timeline ();
  LdnTimelinePage *page = ldn_window_get_timeline_page (window);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_button_labelled (GTK_WIDGET (page), "Every Night")), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_button_labelled (GTK_WIDGET (page), "14 Days")), TRUE);

  g_assert_true (g_str_has_prefix (ldn_timeline_page_get_summary (page),
                                   "Model estimate for 4.5 mg taken every night at 22:00."));
  /* Nightly doses build up above the single-dose peak of 58 %. */
  g_assert_nonnull (strstr (ldn_timeline_page_get_summary (page), "Highest: about 69 %"));
  g_assert_cmpint (g_settings_get_int (settings, "timeline-days"), ==, 14);

  close_window (window);
  g_settings_reset (settings, "dose-schedule");
  g_settings_reset (settings, "timeline-days");
}

/* On the 24 h view only one night's dose fits, but the person chose
 * Every Night: the summary and the saved choice must say so. */
static void
test_nightly_one_day_says_every_night (void)
{
  LdnWindow *window = open_timeline ();
  LdnTimelinePage *page = ldn_window_get_timeline_page (window);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *saved = NULL;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_button_labelled (GTK_WIDGET (page), "24 h")), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_button_labelled (GTK_WIDGET (page), "Every Night")), TRUE);

  g_assert_true (g_str_has_prefix (ldn_timeline_page_get_summary (page),
                                   "Model estimate for 4.5 mg taken every night at 22:00."));
  saved = g_settings_get_string (settings, "dose-schedule");
  g_assert_cmpstr (saved, ==, "nightly");

  close_window (window);
  g_settings_reset (settings, "dose-schedule");
  g_settings_reset (settings, "timeline-days");
}

typedef struct {
  LdnTimelinePage *page;
  char            *first;
} ReadoutWait;

static gboolean
readout_moved (gpointer data)
{
  ReadoutWait *wait = data;

  return g_strcmp0 (ldn_timeline_page_get_readout (wait->page), wait->first) != 0;
}

static gboolean
stopped_playing (gpointer data)
{
  return !ldn_timeline_page_get_playing (LDN_TIMELINE_PAGE (data));
}

/* The readout and the slider as they are on screen (they follow the
 * playhead at most 20 times a second while the chart plays). */
static const char *
shown_readout (LdnTimelinePage *page)
{
  return gtk_inscription_get_text (ldn_test_nth (GTK_WIDGET (page), GTK_TYPE_INSCRIPTION, 0));
}

static double
shown_time (LdnTimelinePage *page)
{
  return gtk_range_get_value (ldn_test_nth (GTK_WIDGET (page), GTK_TYPE_SCALE, 0));
}

static void
test_playhead_sweeps_and_stops (void)
{
  LdnWindow *window = open_timeline ();
  LdnTimelinePage *page = ldn_window_get_timeline_page (window);
  GtkDropDown *speed = ldn_test_nth (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, 0);
  ReadoutWait wait = { page, NULL };

  g_assert_true (ldn_timeline_page_get_playing (page));
  gtk_drop_down_set_selected (speed, 3);  /* 4x */
  wait.first = g_strdup (ldn_timeline_page_get_readout (page));
  ldn_test_iterate_until (readout_moved, &wait);
  ldn_test_iterate_until (stopped_playing, page);

  /* At the end the readout is back at the dose's clock time, a day later. */
  g_assert_true (g_str_has_prefix (ldn_timeline_page_get_readout (page), "22:00 · about 48 % estimated"));
  g_assert_cmpstr (shown_readout (page), ==, ldn_timeline_page_get_readout (page));
  g_assert_cmpfloat (shown_time (page), ==, 24.0);

  g_free (wait.first);
  close_window (window);
}

static void
test_scrubbing_sets_the_readout (void)
{
  LdnWindow *window = open_timeline ();
  LdnTimelinePage *page = ldn_window_get_timeline_page (window);
  LdnOccupancyChart *chart = ldn_test_nth (GTK_WIDGET (page), LDN_TYPE_OCCUPANCY_CHART, 0);

  g_signal_emit_by_name (chart, "scrubbed", 4.0);
  g_assert_false (ldn_timeline_page_get_playing (page));
  g_assert_cmpfloat (ldn_occupancy_chart_get_playhead (chart), ==, 4.0);
  /* occupancy-model.md: 4.5 mg gives 49.9 % at 4 h, 40 % under the brief-blockade idea. */
  g_assert_true (g_str_has_prefix (ldn_timeline_page_get_readout (page), "02:00 · about 50 % estimated, range "));
  g_assert_nonnull (strstr (ldn_timeline_page_get_readout (page), "brief-blockade idea 40 %"));
  /* Scrubbed while it played: the readout on screen follows at once. */
  g_assert_cmpstr (shown_readout (page), ==, ldn_timeline_page_get_readout (page));
  g_assert_cmpfloat (shown_time (page), ==, 4.0);

  close_window (window);
}

static void
test_reduced_motion_shows_finished_chart (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  LdnWindow *window;
  LdnTimelinePage *page;
  LdnOccupancyChart *chart;

  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
  window = open_timeline ();
  page = ldn_window_get_timeline_page (window);
  chart = ldn_test_nth (GTK_WIDGET (page), LDN_TYPE_OCCUPANCY_CHART, 0);

  g_assert_false (ldn_timeline_page_get_playing (page));
  g_assert_cmpfloat (ldn_occupancy_chart_get_playhead (chart), <, 0);

  g_signal_emit_by_name (find_button_labelled (GTK_WIDGET (page), "1.5"), "clicked");
  g_assert_false (ldn_timeline_page_get_playing (page));
  g_assert_cmpfloat (ldn_occupancy_chart_get_playhead (chart), <, 0);

  close_window (window);
  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
}

/* Reduced motion switched on while the sweep plays stops it at once. */
static void
test_reduced_motion_stops_a_playing_sweep (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  LdnWindow *window = open_timeline ();
  LdnTimelinePage *page = ldn_window_get_timeline_page (window);
  LdnOccupancyChart *chart = ldn_test_nth (GTK_WIDGET (page), LDN_TYPE_OCCUPANCY_CHART, 0);

  g_assert_true (ldn_timeline_page_get_playing (page));
  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
  g_assert_false (ldn_timeline_page_get_playing (page));
  g_assert_cmpfloat (ldn_occupancy_chart_get_playhead (chart), <, 0);

  close_window (window);
  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
}

static void
test_table_and_captions (void)
{
  LdnWindow *window = open_timeline ();
  LdnTimelinePage *page = ldn_window_get_timeline_page (window);
  GtkExpander *expander = ldn_test_nth (GTK_WIDGET (page), GTK_TYPE_EXPANDER, 0);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gboolean explains = FALSE, no_data_note = FALSE;

  gtk_expander_set_expanded (expander, TRUE);
  ldn_test_collect (gtk_expander_get_child (expander), GTK_TYPE_LABEL, cells);
  /* A header and one row per hour from 0 to 24 h, five columns each. */
  g_assert_cmpuint (cells->len, ==, 5 * 26);
  g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (cells, 5)), ==, "22:00");

  ldn_test_collect (GTK_WIDGET (page), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));
      explains |= g_str_equal (text, "How to read this chart");
      no_data_note |= g_str_equal (text, "No measurements below 2 mg");
    }
  g_assert_true (explains);
  g_assert_false (no_data_note);

  close_window (window);
}

static GtkSpinButton *
find_spin_in_row (GtkWidget  *widget,
                  const char *row_title)
{
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();

  ldn_test_collect (widget, GTK_TYPE_SPIN_BUTTON, spins);
  for (guint i = 0; i < spins->len; i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (g_ptr_array_index (spins, i), ADW_TYPE_PREFERENCES_ROW);

      if (row != NULL && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), row_title) == 0)
        return g_ptr_array_index (spins, i);
    }

  g_error ("no spin button in a row titled “%s”", row_title);
}

/* In a comma-decimal locale a person types "0,5"; something that is not a
 * plain number (1e1 was read as 10 mg) is refused on the field itself and
 * the dose stays as it was. */
static void
test_dose_typed_the_locale_way (void)
{
  LdnWindow *window;
  LdnTimelinePage *page;
  GtkSpinButton *dose;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *tooltip = NULL;

  if (setlocale (LC_NUMERIC, "es_ES.UTF-8") == NULL)
    {
      g_test_skip ("es_ES.UTF-8 is not installed (build-aux/ldn-dev test generates it)");
      return;
    }

  window = open_timeline ();
  page = ldn_window_get_timeline_page (window);
  dose = find_spin_in_row (GTK_WIDGET (page), "Dose (mg)");

  gtk_editable_set_text (GTK_EDITABLE (dose), "0,5");
  gtk_spin_button_update (dose);
  g_assert_cmpfloat (gtk_spin_button_get_value (dose), ==, 0.5);
  g_assert_cmpfloat (g_settings_get_double (settings, "dose-mg"), ==, 0.5);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (dose), "error"));

  gtk_editable_set_text (GTK_EDITABLE (dose), "1e1");
  gtk_spin_button_update (dose);
  g_assert_cmpfloat (gtk_spin_button_get_value (dose), ==, 0.5);
  g_assert_cmpfloat (g_settings_get_double (settings, "dose-mg"), ==, 0.5);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (dose), "error"));
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (dose)) ? g_strdup (gtk_widget_get_tooltip_text (GTK_WIDGET (dose)))
                                                             : NULL;
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "4,5"));

  close_window (window);
  setlocale (LC_NUMERIC, "C");
  g_settings_reset (settings, "dose-mg");
}

int
main (int   argc,
      char *argv[])
{
  int result;

  app = ldn_test_ui_init (&argc, &argv);

  g_test_add_func ("/timeline/summary-follows-the-dose", test_summary_follows_the_dose);
  g_test_add_func ("/timeline/nightly-fourteen-days", test_nightly_fourteen_days);
  g_test_add_func ("/timeline/nightly-one-day-says-every-night", test_nightly_one_day_says_every_night);
  g_test_add_func ("/timeline/playhead-sweeps-and-stops", test_playhead_sweeps_and_stops);
  g_test_add_func ("/timeline/scrubbing-sets-the-readout", test_scrubbing_sets_the_readout);
  g_test_add_func ("/timeline/reduced-motion-shows-finished-chart", test_reduced_motion_shows_finished_chart);
  g_test_add_func ("/timeline/reduced-motion-stops-a-playing-sweep", test_reduced_motion_stops_a_playing_sweep);
  g_test_add_func ("/timeline/table-and-captions", test_table_and_captions);
  g_test_add_func ("/timeline/dose-typed-the-locale-way", test_dose_typed_the_locale_way);

  result = g_test_run ();
  g_clear_object (&app);

  return result;
}

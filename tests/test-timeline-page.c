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
#include "chart/ldn-chart-draw.h"
#include "chart/ldn-occupancy-chart.h"
#include "model/ldn-diary-plan.h"
#include "user/ldn-diary-store.h"

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

static GtkWidget *
find_in_row (GtkWidget  *widget,
             GType       type,
             const char *row_title)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  ldn_test_collect (widget, type, found);
  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (g_ptr_array_index (found, i), ADW_TYPE_PREFERENCES_ROW);

      if (row != NULL && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), row_title) == 0)
        return g_ptr_array_index (found, i);
    }

  g_error ("no %s in a row titled “%s”", g_type_name (type), row_title);
}

static GtkExpander *
find_expander (GtkWidget  *page,
               const char *label)
{
  g_autoptr(GPtrArray) expanders = g_ptr_array_new ();

  ldn_test_collect (page, GTK_TYPE_EXPANDER, expanders);
  for (guint i = 0; i < expanders->len; i++)
    if (g_strcmp0 (gtk_expander_get_label (g_ptr_array_index (expanders, i)), label) == 0)
      return g_ptr_array_index (expanders, i);

  g_error ("no expander labelled “%s”", label);
}

/* The less used settings fold away under "More Settings". */
static void
open_more_settings (GtkWidget *page)
{
  gtk_expander_set_expanded (find_expander (page, "_More Settings"), TRUE);
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

  /* The invisible label that sizes the readout is never a stop for Tab
   * (Orca read it as a heading: "00:00 · about 100 % blocked …"). */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    ldn_test_collect (GTK_WIDGET (page), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      if (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), "00:00 · about 100 %"))
        g_assert_false (gtk_widget_get_focusable (g_ptr_array_index (labels, i)));
  }

  g_assert_true (g_str_has_prefix (ldn_timeline_page_get_summary (page),
                                   "Model estimate for 4.5 mg taken once at 22:00."));
  g_assert_nonnull (strstr (ldn_timeline_page_get_summary (page), "Highest: about 58 %"));
  g_assert_nonnull (strstr (ldn_timeline_page_get_summary (page), "24 hours after the last dose: about 48 %"));

  /* The headline: the key point, as a model estimate, next to 50 mg. */
  g_test_message ("headline: %s", ldn_timeline_page_get_headline (page));
  g_assert_true (g_str_has_prefix (ldn_timeline_page_get_headline (page),
                                   "Model estimate, not advice: after one 4.5 mg dose, about 58 percent"));
  /* The day-later figure is where the two ideas differ: both are given. */
  g_assert_nonnull (strstr (ldn_timeline_page_get_headline (page),
                            "A day later: about 48 percent in the main estimate, or about 2 percent if the "
                            "block is brief"));
  g_assert_nonnull (strstr (ldn_timeline_page_get_summary (page),
                            "This is the main estimate. If the block is brief"));
  g_assert_nonnull (strstr (ldn_timeline_page_get_headline (page), "For comparison, 50 mg: about "));

  g_signal_emit_by_name (find_button_labelled (GTK_WIDGET (page), "3"), "clicked");
  g_assert_true (g_str_has_prefix (ldn_timeline_page_get_headline (page),
                                   "Model estimate, not advice: after one 3 mg dose, about 48 percent"));
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
  g_test_message ("summary: %s", ldn_timeline_page_get_summary (page));
  g_assert_nonnull (strstr (ldn_timeline_page_get_summary (page), "Highest: about 69 % on day 10 at 05:36."));
  g_assert_null (strstr (ldn_timeline_page_get_summary (page), "hours after the first"));
  g_assert_nonnull (strstr (ldn_timeline_page_get_summary (page), "for about 14 days in this view"));
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

/* The readout and the slider as they are on screen (while the chart
 * plays they follow the playhead at most 5 and 15 times a second). */
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
  GtkDropDown *speed;
  ReadoutWait wait = { page, NULL };

  open_more_settings (GTK_WIDGET (page));
  speed = GTK_DROP_DOWN (find_in_row (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, "Animation speed"));

  g_assert_true (ldn_timeline_page_get_playing (page));
  gtk_drop_down_set_selected (speed, 3);  /* 4x */
  wait.first = g_strdup (ldn_timeline_page_get_readout (page));
  ldn_test_iterate_until (readout_moved, &wait);
  ldn_test_iterate_until (stopped_playing, page);

  /* At the end the readout is back at the dose's clock time, a day later. */
  g_assert_true (g_str_has_prefix (ldn_timeline_page_get_readout (page), "22:00 · about 48 % blocked"));
  g_assert_cmpstr (shown_readout (page), ==, ldn_timeline_page_get_readout (page));
  g_assert_cmpfloat (shown_time (page), ==, 24.0);

  g_free (wait.first);
  close_window (window);
}

typedef struct
{
  LdnTimelinePage *page;
  char            *first_readout;
  double           first_time;
  gboolean         readout_moved;
  gboolean         slider_moved;
} ShownWait;

static gboolean
shown_moved_or_stopped (gpointer data)
{
  ShownWait *wait = data;

  wait->readout_moved |= g_strcmp0 (shown_readout (wait->page), wait->first_readout) != 0;
  wait->slider_moved |= shown_time (wait->page) != wait->first_time;
  return (wait->readout_moved && wait->slider_moved) || !ldn_timeline_page_get_playing (wait->page);
}

/* While the chart plays, the readout and the slider on screen move with
 * it (taking turns, a few times a second), not only when it stops. */
static void
test_readout_and_slider_move_while_playing (void)
{
  LdnWindow *window = open_timeline ();
  LdnTimelinePage *page = ldn_window_get_timeline_page (window);
  ShownWait wait = { page, NULL, 0, FALSE, FALSE };

  g_assert_true (ldn_timeline_page_get_playing (page));
  wait.first_readout = g_strdup (shown_readout (page));
  wait.first_time = shown_time (page);
  ldn_test_iterate_until (shown_moved_or_stopped, &wait);
  g_assert_true (ldn_timeline_page_get_playing (page));
  g_assert_true (wait.readout_moved);
  g_assert_true (wait.slider_moved);

  g_free (wait.first_readout);
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
  /* occupancy-model.md: 4.5 mg gives 49.9 % at 4 h, 40 % if the block is brief. */
  g_assert_true (g_str_has_prefix (ldn_timeline_page_get_readout (page), "02:00 · about 50 % blocked, range "));
  g_assert_nonnull (strstr (ldn_timeline_page_get_readout (page), "if the block is brief: 40 %"));
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
  GtkExpander *expander = find_expander (GTK_WIDGET (page), "Show as _Table");
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gboolean explains = FALSE, no_data_note = FALSE;

  gtk_expander_set_expanded (expander, TRUE);
  ldn_test_collect (gtk_expander_get_child (expander), GTK_TYPE_LABEL, cells);
  /* A header and one row per hour from 0 to 24 h, five columns each;
   * then the brain scans the chart marks, each explained. */
  g_assert_cmpuint (cells->len, >, 5 * 26 + 1);
  g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (cells, 5 * 26)), ==,
                   "Brain scans (measured), each after one dose");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (cells, 5 * 26 + 1)), "2 mg: about "));
  g_assert_true (g_str_has_suffix (gtk_label_get_text (g_ptr_array_index (cells, 5 * 26 + 1)),
                                   " blocked, measured between 0 and 8 hours after the dose"));
  g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (cells, 5)), ==, "Day 1, 22:00");
  g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (cells, 5 * 25)), ==, "Day 2, 22:00");

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

static guint
count_cells_saying (GtkWidget  *widget,
                    const char *text)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  guint n = 0;

  ldn_test_collect (widget, GTK_TYPE_LABEL, cells);
  for (guint i = 0; i < cells->len; i++)
    n += g_strcmp0 (gtk_label_get_text (g_ptr_array_index (cells, i)), text) == 0;
  return n;
}

/* The field a visible label names (its mnemonic widget). */
static GtkWidget *
find_field_labelled (GtkWidget  *widget,
                     const char *label)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ldn_test_collect (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), label) == 0 &&
        gtk_label_get_mnemonic_widget (g_ptr_array_index (labels, i)) != NULL)
      return gtk_label_get_mnemonic_widget (g_ptr_array_index (labels, i));

  g_error ("no field labelled “%s”", label);
}

static GtkSpinButton *
find_dose_field (GtkWidget *page)
{
  return GTK_SPIN_BUTTON (find_field_labelled (page, "Dose (mg)"));
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

/* WIDGET lies wholly inside the visible part of SCROLLER (not scrolled). */
static void
assert_on_screen (GtkWidget  *widget,
                  GtkWidget  *scroller,
                  const char *what,
                  int         width,
                  int         height)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, scroller, &bounds));
  if (bounds.origin.y < 0 || bounds.origin.y + bounds.size.height > gtk_widget_get_height (scroller) + 0.5)
    g_error ("at %dx%d, %s is at y %.0f to %.0f; the visible area is 0 to %d", width, height, what,
             bounds.origin.y, bounds.origin.y + bounds.size.height, gtk_widget_get_height (scroller));
}

/* issue 19: the person changes the dose and sees the chart change, at the
 * default window size and the common ones, without scrolling. */
static void
test_chart_and_controls_on_screen (void)
{
  static const int sizes[][2] = { { 0, 0 }, { 1000, 720 }, { 1400, 1000 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      LdnWindow *window;
      GtkWidget *page, *chart, *scroller;
      int width = sizes[i][0] ? sizes[i][0] : g_settings_get_int (settings, "window-width");
      int height = sizes[i][1] ? sizes[i][1] : g_settings_get_int (settings, "window-height");
      gboolean settled = FALSE;

      g_settings_set_string (settings, "last-section", "timeline");
      window = ldn_window_new (app);
      /* Size 0: what the app restores on a first start. */
      if (sizes[i][0] != 0)
        gtk_window_set_default_size (GTK_WINDOW (window), width, height);
      gtk_window_present (GTK_WINDOW (window));
      page = GTK_WIDGET (ldn_window_get_timeline_page (window));
      ldn_test_wait_mapped (page);
      /* Let the layout settle after the first allocations. */
      g_timeout_add (300, set_flag, &settled);
      ldn_test_iterate_until (flag_is_set, &settled);

      chart = ldn_test_nth (page, LDN_TYPE_OCCUPANCY_CHART, 0);
      scroller = gtk_widget_get_ancestor (chart, GTK_TYPE_SCROLLED_WINDOW);
      g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller))), ==, 0);
      g_assert_cmpint (gtk_widget_get_width (page), <=, width);
      g_assert_cmpint (gtk_widget_get_width (page), >, width - 100);
      g_assert_cmpint (gtk_widget_get_height (scroller), <, height);

      assert_on_screen (chart, scroller, "the chart", width, height);
      assert_on_screen (GTK_WIDGET (find_dose_field (page)), scroller, "the dose", width, height);
      assert_on_screen (find_button_labelled (page, "4.5"), scroller, "the common doses", width, height);
      assert_on_screen (find_button_labelled (page, "Every Night"), scroller, "how often", width, height);
      assert_on_screen (find_button_labelled (page, "14 Days"), scroller, "the time span", width, height);
      assert_on_screen (ldn_test_nth (page, GTK_TYPE_SCALE, 0), scroller, "the play controls", width, height);

      close_window (window);
    }
}

/* The play button, by the tooltip a person sees ("Play", or "Pause"
 * while the chart sweeps once when first shown). Not by its accessible
 * name: the memcheck run has no accessibility (GTK_A11Y=none). */
static GtkWidget *
play_button (GtkWidget *widget)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  ldn_test_collect (widget, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      const char *tooltip = gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i));

      if (g_strcmp0 (tooltip, "Play") == 0 || g_strcmp0 (tooltip, "Pause") == 0)
        return g_ptr_array_index (buttons, i);
    }

  g_error ("no Play button");
}

/* With GNOME's Large Text (1.25), at 1000x720, the chart and its play row
 * are on screen together, without scrolling. (At the screenshots' 1.5 the
 * section buttons move to a bottom bar and the chart alone is taller than
 * what is left: not asserted.) */
static void
test_chart_and_play_row_on_screen_with_large_text (void)
{
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  int old_dpi = 0;

  g_object_get (gtk_settings, "gtk-xft-dpi", &old_dpi, NULL);
  for (int scale = 5; scale <= 5; scale++)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *what = g_strdup_printf ("the play controls (text scale %.2f)", scale / 4.0);
      LdnWindow *window;
      GtkWidget *page, *chart, *scroller;
      gboolean settled = FALSE;

      g_object_set (gtk_settings, "gtk-xft-dpi", 96 * 1024 * scale / 4, NULL);
      g_settings_set_string (settings, "last-section", "timeline");
      window = ldn_window_new (app);
      gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
      gtk_window_present (GTK_WINDOW (window));
      page = GTK_WIDGET (ldn_window_get_timeline_page (window));
      ldn_test_wait_mapped (page);
      g_timeout_add (300, set_flag, &settled);
      ldn_test_iterate_until (flag_is_set, &settled);

      chart = ldn_test_nth (page, LDN_TYPE_OCCUPANCY_CHART, 0);
      scroller = gtk_widget_get_ancestor (chart, GTK_TYPE_SCROLLED_WINDOW);
      g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller))), ==, 0);
      assert_on_screen (chart, scroller, "the chart", 1000, 720);
      assert_on_screen (ldn_test_nth (page, GTK_TYPE_SCALE, 0), scroller, what, 1000, 720);
      assert_on_screen (play_button (page), scroller, what, 1000, 720);

      close_window (window);
    }
  g_object_set (gtk_settings, "gtk-xft-dpi", old_dpi, NULL);
}

/* The common doses are one choice that shows which one is on; another
 * dose turns them all off. */
static void
test_common_doses_show_the_choice (void)
{
  LdnWindow *window = open_timeline ();
  GtkWidget *page = GTK_WIDGET (ldn_window_get_timeline_page (window));
  GtkSpinButton *dose = find_dose_field (page);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_assert_true (GTK_IS_TOGGLE_BUTTON (find_button_labelled (page, "4.5")));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_button_labelled (page, "4.5"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_button_labelled (page, "3"))));

  g_signal_emit_by_name (find_button_labelled (page, "3"), "clicked");
  g_assert_cmpfloat (gtk_spin_button_get_value (dose), ==, 3);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_button_labelled (page, "3"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_button_labelled (page, "4.5"))));

  /* A screen reader hears which one is chosen (GTK's test backend only,
   * which the memcheck run does not use). */
  if (g_strcmp0 (g_getenv ("GTK_A11Y"), "test") != 0)
    g_test_message ("GTK_A11Y is not “test”: the accessible state is not checked");
  else if (gtk_test_accessible_has_role (GTK_ACCESSIBLE (find_button_labelled (page, "3")), GTK_ACCESSIBLE_ROLE_RADIO))
    {
      gtk_test_accessible_assert_state (find_button_labelled (page, "3"), GTK_ACCESSIBLE_STATE_CHECKED,
                                        GTK_ACCESSIBLE_TRISTATE_TRUE);
      gtk_test_accessible_assert_state (find_button_labelled (page, "4.5"), GTK_ACCESSIBLE_STATE_CHECKED,
                                        GTK_ACCESSIBLE_TRISTATE_FALSE);
    }
  else
    g_error ("the common doses are not radio buttons");

  gtk_spin_button_set_value (dose, 2);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_button_labelled (page, "1.5"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_button_labelled (page, "3"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_button_labelled (page, "4.5"))));

  close_window (window);
  g_settings_reset (settings, "dose-mg");
}

/* 60 mg is beyond the model: it is not silently made 50; the field keeps
 * the 60 and a message next to it says why. */
static void
test_dose_beyond_the_model_is_explained (void)
{
  LdnWindow *window = open_timeline ();
  GtkWidget *page = GTK_WIDGET (ldn_window_get_timeline_page (window));
  GtkSpinButton *dose = find_dose_field (page);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gboolean explained = FALSE;

  gtk_editable_set_text (GTK_EDITABLE (dose), "60");
  gtk_spin_button_update (dose);
  g_assert_cmpfloat (gtk_spin_button_get_value (dose), ==, 4.5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dose)), ==, "60");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (dose), "error"));

  ldn_test_collect (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (dose))), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    explained |= gtk_widget_is_visible (g_ptr_array_index (labels, i)) &&
                 strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), "from 0.5 to 50 mg") != NULL;
  g_assert_true (explained);

  /* A common dose clears the message and shows that dose. */
  g_signal_emit_by_name (find_button_labelled (page, "3"), "clicked");
  g_assert_cmpfloat (gtk_spin_button_get_value (dose), ==, 3);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (dose), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dose)), ==, "3.0");

  close_window (window);
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_settings_reset (settings, "dose-mg");
  }
}

/* The dose time is typed, not stepped in 15 minutes; a wrong one is said
 * next to the field and the text stays. */
static void
test_time_is_typed (void)
{
  LdnWindow *window = open_timeline ();
  LdnTimelinePage *page = ldn_window_get_timeline_page (window);
  GtkWidget *entry, *message;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  open_more_settings (GTK_WIDGET (page));
  entry = find_in_row (GTK_WIDGET (page), GTK_TYPE_ENTRY, "Taken at");
  message = gtk_widget_get_next_sibling (entry);

  gtk_editable_set_text (GTK_EDITABLE (entry), "08:00");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (g_str_has_prefix (ldn_timeline_page_get_summary (page), "Model estimate for 4.5 mg taken once at 08:00."));
  g_assert_cmpint (g_settings_get_int (settings, "dose-minute"), ==, 8 * 60);

  gtk_editable_set_text (GTK_EDITABLE (entry), "8 am");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "8 am");
  g_assert_true (gtk_widget_is_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "22:00 (HH:MM)"));
  g_assert_cmpint (g_settings_get_int (settings, "dose-minute"), ==, 8 * 60);

  gtk_editable_set_text (GTK_EDITABLE (entry), "7:30");
  g_signal_emit_by_name (entry, "activate");
  g_assert_false (gtk_widget_is_visible (message));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "07:30");
  g_assert_cmpint (g_settings_get_int (settings, "dose-minute"), ==, 7 * 60 + 30);

  close_window (window);
  g_settings_reset (settings, "dose-minute");
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
  dose = find_dose_field (GTK_WIDGET (page));

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

/* With the comparison on, the table lists 50 mg too; with 50 mg chosen,
 * 50 mg is there once, not twice. */
static void
test_comparison_listed_once (void)
{
  LdnWindow *window = open_timeline ();
  GtkWidget *page = GTK_WIDGET (ldn_window_get_timeline_page (window));
  LdnOccupancyChart *chart = ldn_test_nth (page, LDN_TYPE_OCCUPANCY_CHART, 0);
  GtkExpander *table = find_expander (page, "Show as _Table");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkSpinButton *dose = find_dose_field (page);

  open_more_settings (page);
  gtk_switch_set_active (GTK_SWITCH (find_in_row (page, GTK_TYPE_SWITCH, "Compare with 50 mg")), TRUE);
  gtk_expander_set_expanded (table, TRUE);
  g_assert_nonnull (ldn_occupancy_chart_get_comparison (chart));
  g_assert_cmpuint (count_cells_saying (gtk_expander_get_child (table), "50 mg: estimate"), ==, 1);

  gtk_spin_button_set_value (dose, 50);
  g_assert_null (ldn_occupancy_chart_get_comparison (chart));
  g_assert_cmpuint (count_cells_saying (gtk_expander_get_child (table), "50 mg: estimate"), ==, 0);

  close_window (window);
  g_settings_reset (settings, "dose-mg");
  g_settings_reset (settings, "compare-standard-dose");
}

static cairo_surface_t *
draw_chart (const LdnChartData *data,
            int                 width,
            int                 height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  LdnChartStyle style;

  ldn_chart_style_init_for_print (&style);
  ldn_chart_draw (cr, width, height, data, &style, -1, -1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* issue 19: the legend covered the 50 mg curve. It now sits outside the
 * plot: the plot's pixels are the same with short and long legend words, at
 * a desktop width and at a phone's. A scan marker is found under the
 * pointer (for its tooltip) where it is drawn. */
static void
test_legend_outside_the_plot (void)
{
  LdnWindow *window = open_timeline ();
  LdnOccupancyChart *chart = ldn_test_nth (GTK_WIDGET (ldn_window_get_timeline_page (window)),
                                           LDN_TYPE_OCCUPANCY_CHART, 0);
  static const LdnPetPoint scans[] = { { 15, 0, 8, 61 } };
  static const int widths[] = { 900, 360 };
  LdnChartData data = {
    .curve = ldn_occupancy_chart_get_curve (chart),
    .span_h = 24,
    .dose_minute = 22 * 60,
    .pet_points = scans,
    .n_pet_points = 1,
    /* As many entries as below, but next to no words. */
    .labels = { .sustained = ".", .transient = ".", .measured = "." },
  };
  LdnChartData words = data;

  words.labels = (LdnChartLabels) {
    .sustained = "4.5 mg: estimate, shaded: range if unknown study details differ",
    .transient = "If the block is brief",
    .measured = "Brain scan (measured)",
  };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      int width = widths[w], height = 400, hit_y = -1;
      LdnChartStyle style;
      cairo_surface_t *plain = draw_chart (&data, width, height);
      cairo_surface_t *labelled = draw_chart (&words, width, height);
      int stride = cairo_image_surface_get_stride (plain);
      /* The legend takes at most four lines under a 30 px time axis. */
      int plot_bottom = height - 30 - 4 * 20 - 2;
      double x = ldn_chart_x_at_hours (width, &words, 4);

      ldn_chart_style_init_for_print (&style);

      for (int row = 0; row < plot_bottom; row++)
        if (memcmp (cairo_image_surface_get_data (plain) + row * stride,
                    cairo_image_surface_get_data (labelled) + row * stride, stride) != 0)
          g_error ("at %d px wide, legend words are drawn in the plot (row %d)", width, row);

      for (int y = 0; y < height && hit_y < 0; y++)
        if (ldn_chart_pet_point_at (width, height, &words, &style, x, y) == 0)
          hit_y = y;
      g_assert_cmpint (hit_y, >=, 0);
      g_assert_cmpint (ldn_chart_pet_point_at (width, height, &words, &style, x, hit_y + 20), ==, -1);

      cairo_surface_destroy (plain);
      cairo_surface_destroy (labelled);
    }

  close_window (window);
}

static void
days_ago (GDate *date,
          guint  days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_subtract_days (date, days);
}

static const char *
row_subtitle (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);

  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* issue 17: the person's own plan from the Diary on the timeline, as an
 * option: insensitive and saying where to enter one while there is none;
 * when on, the chart is the model estimate for the doses entered (a
 * missed dose left out), over the plan's first days, and the words say
 * so; the plan changing in the Diary is followed at once. */
static void
test_my_plan (void)
{
  LdnUserStore *user = ldn_application_get_user_store (app);
  LdnWindow *window = open_timeline ();
  GtkWidget *page = GTK_WIDGET (ldn_window_get_timeline_page (window));
  LdnOccupancyChart *chart = ldn_test_nth (page, LDN_TYPE_OCCUPANCY_CHART, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnDiaryEntry) missed = NULL;
  g_autoptr(LdnDiary) diary = NULL;
  g_autoptr(GArray) doses = NULL;
  g_autoptr(LdnOccupancyCurve) expected = NULL;
  g_autoptr(LdnOccupancyModel) model = NULL;
  LdnContentStore *content;
  const LdnOccupancyCurve *shown;
  GtkSwitch *plan_switch;
  GDate start, change, missed_day, last;

  open_more_settings (page);
  plan_switch = GTK_SWITCH (find_in_row (page, GTK_TYPE_SWITCH, "My Plan"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (plan_switch)));
  g_assert_nonnull (strstr (row_subtitle (GTK_WIDGET (plan_switch)), "Diary"));

  /* A plan typed in the Diary: 1.5 mg at 21:30 from 20 days ago, 3 mg a
   * week later, and one missed dose on the third day. */
  days_ago (&start, 20);
  days_ago (&change, 13);
  days_ago (&missed_day, 18);
  g_assert_true (ldn_diary_store_set_start (user, &start, &error));
  g_assert_true (ldn_diary_store_set_plan_step (user, &start, 1.5, 21 * 60 + 30, &error));
  g_assert_true (ldn_diary_store_set_plan_step (user, &change, 3, 21 * 60 + 30, &error));
  missed = ldn_diary_entry_new (&missed_day);
  missed->dose_taken = LDN_DIARY_DOSE_MISSED;
  g_assert_true (ldn_diary_store_add_entry (user, missed, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (plan_switch)));
  g_assert_null (strstr (row_subtitle (GTK_WIDGET (plan_switch)), "Enter"));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_button_labelled (page, "14 Days")), TRUE);
  gtk_switch_set_active (plan_switch, TRUE);
  g_test_message ("headline: %s", ldn_timeline_page_get_headline (LDN_TIMELINE_PAGE (page)));
  g_test_message ("summary: %s", ldn_timeline_page_get_summary (LDN_TIMELINE_PAGE (page)));
  g_assert_nonnull (strstr (ldn_timeline_page_get_headline (LDN_TIMELINE_PAGE (page)), "your plan as entered"));
  g_assert_true (g_str_has_prefix (ldn_timeline_page_get_summary (LDN_TIMELINE_PAGE (page)),
                                   "Model estimate for your plan as entered in the Diary: 13 doses"));
  g_assert_nonnull (strstr (ldn_timeline_page_get_summary (LDN_TIMELINE_PAGE (page)), "1 missed dose left out"));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (find_dose_field (page))));

  /* The chart is the plan's curve: the same as computed from the diary. */
  diary = ldn_diary_store_dup_diary (user, &error);
  g_assert_no_error (error);
  last = start;
  g_date_add_days (&last, 13);
  doses = ldn_diary_plan_list_doses (diary, &start, &last);
  g_assert_cmpuint (doses->len, ==, 13);
  /* Hours count from the first dose, as for a chosen dose. */
  for (guint i = doses->len; i-- > 0;)
    g_array_index (doses, LdnPlannedDose, i).hours -= g_array_index (doses, LdnPlannedDose, 0).hours;
  content = ldn_application_get_content_store (app, &error);
  g_assert_no_error (error);
  model = ldn_content_store_load_occupancy_model (content, &error);
  g_assert_no_error (error);
  expected = ldn_diary_plan_compute_curve (model, (LdnPlannedDose *) doses->data, doses->len, 14 * 24,
                                           14 * 24 / 2000.0, &error);
  g_assert_no_error (error);
  shown = ldn_occupancy_chart_get_curve (chart);
  g_assert_cmpuint (shown->n_points, ==, expected->n_points);
  for (guint i = 0; i < shown->n_points; i += 97)
    {
      g_assert_cmpfloat_with_epsilon (shown->sustained[i], expected->sustained[i], 1e-9);
      g_assert_cmpfloat_with_epsilon (shown->sustained_high[i], expected->sustained_high[i], 1e-9);
    }
  g_assert_null (ldn_occupancy_chart_get_comparison (chart));

  /* The plan removed in the Diary: the option goes off and says where to enter one. */
  g_assert_true (ldn_diary_store_remove_plan_step (user, &start, &error));
  g_assert_true (ldn_diary_store_remove_plan_step (user, &change, &error));
  g_assert_true (ldn_diary_store_delete_entry (user, &missed_day, &error));
  g_assert_true (ldn_diary_store_set_start (user, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gtk_switch_get_active (plan_switch));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (plan_switch)));
  g_assert_true (g_str_has_prefix (ldn_timeline_page_get_summary (LDN_TIMELINE_PAGE (page)), "Model estimate for 4.5 mg"));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (find_dose_field (page))));

  close_window (window);
  ldn_test_reset_settings ();
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
  g_test_add_func ("/timeline/readout-and-slider-move-while-playing", test_readout_and_slider_move_while_playing);
  g_test_add_func ("/timeline/reduced-motion-shows-finished-chart", test_reduced_motion_shows_finished_chart);
  g_test_add_func ("/timeline/reduced-motion-stops-a-playing-sweep", test_reduced_motion_stops_a_playing_sweep);
  g_test_add_func ("/timeline/table-and-captions", test_table_and_captions);
  g_test_add_func ("/timeline/dose-typed-the-locale-way", test_dose_typed_the_locale_way);
  g_test_add_func ("/timeline/chart-and-controls-on-screen", test_chart_and_controls_on_screen);
  g_test_add_func ("/timeline/chart-and-play-row-on-screen-with-large-text",
                   test_chart_and_play_row_on_screen_with_large_text);
  g_test_add_func ("/timeline/common-doses-show-the-choice", test_common_doses_show_the_choice);
  g_test_add_func ("/timeline/dose-beyond-the-model-is-explained", test_dose_beyond_the_model_is_explained);
  g_test_add_func ("/timeline/time-is-typed", test_time_is_typed);
  g_test_add_func ("/timeline/comparison-listed-once", test_comparison_listed_once);
  g_test_add_func ("/timeline/legend-outside-the-plot", test_legend_outside_the_plot);
  g_test_add_func ("/timeline/my-plan", test_my_plan);

  result = g_test_run ();
  g_clear_object (&app);

  return result;
}

/* ldn-timeline-page.c
 *
 * The animated occupancy timeline: controls for dose, time, schedule and
 * span; the chart with a playhead that sweeps the time axis; a readout,
 * a generated text summary, a table view, CSV export, and the honest
 * captions from the content.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "model/ldn-dose-scenario.h"
#include "compat/ldn-compat.h"
#include "chart/ldn-occupancy-chart.h"
#include "export/ldn-export.h"
#include "ldn-block-widgets.h"
#include "ldn-page-layout.h"
#include "ldn-timeline-page.h"
#include "ldn-toast.h"
#include "model/ldn-occupancy-export.h"
#include "model/ldn-diary-plan.h"
#include "export/ldn-atomic-file.h"
#include "user/ldn-diary-store.h"
#include "util/ldn-language.h"

/* One sweep of the time axis at 1x speed, whatever the span. */
#define SWEEP_MS 9000
#define CURVE_POINTS 2000.0

struct _LdnTimelinePage
{
  AdwBin             parent_instance;

  LdnContentStore   *store;
  LdnOccupancyModel *model;
  GSettings         *settings;
  AdwAnimation      *animation;
  LdnDoseSchedule    schedule;
  double             span_h;
  guint              dose_minute;
  gboolean           loading;
  gboolean           moving_scrubber;
  gboolean           play_when_shown;
  gboolean           syncing_presets;
  char              *rejected_dose;    /* a typed dose kept in the field */
  char              *summary_text;
  GArray            *pet_points;
  char              *headline_template;
  char              *summary_brief;      /* content: the brief-block caveat after the summary */
  char              *standard_template;
  char              *readout_text;
  gint64             readout_told_at;  /* when a screen reader was last given it */
  gint64             slider_shown_at;  /* when the slider last moved on screen */
  gint64             readout_shown_at; /* when the readout on screen last changed */

  /* The person's plan from the Diary (issue 17), shown when plan_switch is on. */
  LdnUserStore      *user;
  LdnDiary          *diary;
  gulong             user_changed_handler;
  gulong             user_reset_handler;
  gboolean           showing_plan;
  guint              chosen_minute;   /* the time typed, kept while the plan shows */
  GDate              plan_first;      /* the plan's first day */
  guint              plan_doses;      /* doses in the view */
  guint              plan_missed;     /* days in the view marked missed */

  GtkStack          *view_stack;
  AdwStatusPage     *error_page;
  GtkSpinButton     *dose_spin;
  GtkWidget         *dose_presets;
  GtkWidget         *dose_message;
  GtkToggleButton   *dose_1_5_button;
  GtkToggleButton   *dose_3_button;
  GtkToggleButton   *dose_4_5_button;
  GtkEntry          *time_entry;
  GtkWidget         *time_message;
  GtkLabel          *headline;
  GtkFlowBox        *controls_box;
  GtkToggleButton   *nightly_button;
  GtkToggleButton   *span_day_button;
  GtkToggleButton   *span_3days_button;
  GtkToggleButton   *span_14days_button;
  GtkSwitch         *compare_switch;
  AdwActionRow      *plan_row;
  GtkSwitch         *plan_switch;
  GtkWidget         *plan_diary_button;
  LdnOccupancyChart *chart;
  GtkButton         *play_button;
  GtkBox            *play_row;
  GtkScale          *scrubber;
  GtkAdjustment     *scrub_adjustment;
  GtkDropDown       *speed_dropdown;
  GtkInscription    *readout;
  GtkLabel          *readout_size;
  GtkLabel          *summary;
  GtkExpander       *table_expander;
  GtkGrid           *table_grid;
  GtkBox            *captions_box;
};

G_DEFINE_FINAL_TYPE (LdnTimelinePage, ldn_timeline_page, ADW_TYPE_BIN)

static char *
format_clock (guint  dose_minute,
              double hours)
{
  int minute = ((int) round (dose_minute + hours * 60)) % (24 * 60);

  return g_strdup_printf ("%02d:%02d", minute / 60, minute % 60);
}

/* "day 10 at 06:00" on views of several days, "06:00" on the 24 h view.
 * Days count from the first dose, as on the chart's axis. */
static char *
format_when (LdnTimelinePage *self,
             double           hours)
{
  g_autofree char *clock = format_clock (self->dose_minute, hours);

  if (self->span_h <= 24)
    return g_steal_pointer (&clock);
  /* Translators: a time on a chart of several days, e.g. "day 10 at 06:00". */
  return g_strdup_printf (_("day %u at %s"), (guint) floor (hours / 24 + 1e-9) + 1, clock);
}

static double
speed_factor (LdnTimelinePage *self)
{
  static const double speeds[] = { 0.5, 1, 2, 4 };
  guint selected = gtk_drop_down_get_selected (self->speed_dropdown);

  return speeds[MIN (selected, G_N_ELEMENTS (speeds) - 1)];
}

static gboolean
animations_enabled (LdnTimelinePage *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

static gboolean is_playing (LdnTimelinePage *self);
static void     sync_presets (LdnTimelinePage *self);
static void     add_scans_to_table (LdnTimelinePage *self,
                                    guint            row);

/* The readout changes every frame while the chart plays. A screen reader
 * gets it as the slider's value instead (the label itself is presentation
 * only), at most once a second while playing, and at once otherwise. */
static void
tell_readout (LdnTimelinePage *self,
              gboolean         now)
{
  gint64 time = g_get_monotonic_time ();

  if (self->readout_text == NULL ||
      (!now && is_playing (self) && time - self->readout_told_at < G_USEC_PER_SEC))
    return;

  self->readout_told_at = time;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scrubber), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                  self->readout_text, -1);
}

static char *
format_readout (const char *clock,
                double      estimate,
                double      low,
                double      high,
                double      transient)
{
  /* Translators: the value under the playhead, e.g. "02:00 · about 50 %
   * blocked, range 39–66 % · if the block is brief: 12 %". */
  return g_strdup_printf (_("%s · about %.0f %% blocked, range %.0f–%.0f %% · if the block is brief: %.0f %%"),
                          clock, estimate, low, high, transient);
}

/* While the chart plays, the slider follows the playhead at most 15
 * times a second and the readout on screen changes at most 5 times a
 * second (the chart's playhead moves every frame), never both in one
 * frame. GTK 4.8's cairo renderer repaints the box around everything
 * that changed in a frame: the playhead's strip on the chart with the
 * slider's knob below it is a narrow box, with the readout further down
 * (and wide) a box of half the chart. Moving the knob and changing the
 * readout in one frame cost nearly twice a frame that moves only the
 * playhead (5.2-5.7 M instructions against 2.9 M), and those frames
 * were the slowest one in a hundred. Nobody reads a number changing
 * faster. Paused, scrubbed or finished, both show the playhead at once. */
#define SLIDER_INTERVAL  (G_USEC_PER_SEC / 15)
#define READOUT_INTERVAL (G_USEC_PER_SEC / 5)

static void
show_progress (LdnTimelinePage *self,
               gboolean         now)
{
  gint64 time = g_get_monotonic_time ();
  double hours = ldn_occupancy_chart_get_playhead (self->chart);
  gboolean slider = TRUE, readout = TRUE;

  if (!now && is_playing (self))
    {
      slider = time - self->slider_shown_at >= SLIDER_INTERVAL;
      readout = self->readout_text != NULL && time - self->readout_shown_at >= READOUT_INTERVAL;
      /* Both due: the readout first, the slider in the next frame. */
      if (slider && readout)
        slider = FALSE;
    }

  if (slider)
    {
      self->slider_shown_at = time;
      self->moving_scrubber = TRUE;
      gtk_adjustment_set_value (self->scrub_adjustment, hours < 0 ? self->span_h : hours);
      self->moving_scrubber = FALSE;
    }
  if (readout && self->readout_text != NULL)
    {
      self->readout_shown_at = time;
      gtk_inscription_set_text (self->readout, self->readout_text);
    }
}

static void
update_readout (LdnTimelinePage *self)
{
  const LdnOccupancyCurve *curve = ldn_occupancy_chart_get_curve (self->chart);
  double hours = ldn_occupancy_chart_get_playhead (self->chart);
  g_autofree char *clock = NULL;

  if (curve == NULL)
    return;

  /* A finished picture reads out the end of the chart. */
  if (hours < 0)
    hours = self->span_h;

  clock = format_when (self, hours);
  g_free (self->readout_text);
  self->readout_text = format_readout (clock,
                                       ldn_occupancy_curve_sample (curve, curve->sustained, hours),
                                       ldn_occupancy_curve_sample (curve, curve->sustained_low, hours),
                                       ldn_occupancy_curve_sample (curve, curve->sustained_high, hours),
                                       ldn_occupancy_curve_sample (curve, curve->transient, hours));
  show_progress (self, FALSE);
  tell_readout (self, FALSE);
}

static void
set_playhead (LdnTimelinePage *self,
              double           hours)
{
  ldn_occupancy_chart_set_playhead (self->chart, hours);
  update_readout (self);
}

static void
set_playing_look (LdnTimelinePage *self,
                  gboolean         playing)
{
  gtk_button_set_icon_name (self->play_button, playing ? "media-playback-pause-symbolic"
                                                       : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), playing ? _("Pause") : _("Play"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  playing ? _("Pause the timeline") : _("Play the timeline"), -1);
}

static void
animation_value_cb (double   value,
                    gpointer user_data)
{
  set_playhead (LDN_TIMELINE_PAGE (user_data), value);
}

static void
animation_done_cb (LdnTimelinePage *self)
{
  set_playing_look (self, FALSE);
  show_progress (self, TRUE);
  tell_readout (self, TRUE);
}

static void
stop_animation (LdnTimelinePage *self)
{
  if (self->animation != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->animation, self);
      adw_animation_pause (self->animation);
      g_clear_object (&self->animation);
    }
  set_playing_look (self, FALSE);
  show_progress (self, TRUE);
  tell_readout (self, TRUE);
}

/* Sweeps from HOURS to the end; the time left sets the duration, so a
 * speed change or a resume keeps the same pace. */
static void
play_from (LdnTimelinePage *self,
           double           hours)
{
  double remaining = 1 - hours / self->span_h;

  stop_animation (self);
  if (!animations_enabled (self) || remaining <= 0)
    {
      set_playhead (self, -1);
      return;
    }

  /* An animation on a hidden widget ends at once; wait to be seen. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->chart)))
    {
      self->play_when_shown = TRUE;
      set_playhead (self, -1);
      return;
    }
  self->play_when_shown = FALSE;

  self->animation = adw_timed_animation_new (GTK_WIDGET (self->chart), hours, self->span_h,
                                             (guint) (SWEEP_MS * remaining / speed_factor (self)),
                                             adw_callback_animation_target_new (animation_value_cb, self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->animation), ADW_EASE_IN_OUT_CUBIC);
  g_signal_connect_swapped (self->animation, "done", G_CALLBACK (animation_done_cb), self);
  set_playing_look (self, TRUE);
  adw_animation_play (self->animation);
}

static gboolean
is_playing (LdnTimelinePage *self)
{
  return self->animation != NULL && adw_animation_get_state (self->animation) == ADW_ANIMATION_PLAYING;
}

static void
play_clicked_cb (LdnTimelinePage *self)
{
  double playhead = ldn_occupancy_chart_get_playhead (self->chart);

  if (is_playing (self))
    {
      stop_animation (self);
      return;
    }

  play_from (self, playhead < 0 || playhead >= self->span_h - 1e-6 ? 0 : playhead);
}

/* Turning animations off (reduced motion) while the sweep plays stops it
 * and shows the whole curve, as if it had never moved. */
static void
enable_animations_changed_cb (LdnTimelinePage *self)
{
  if (animations_enabled (self))
    return;

  self->play_when_shown = FALSE;
  stop_animation (self);
  set_playhead (self, -1);
}

static void
speed_changed_cb (LdnTimelinePage *self)
{
  if (is_playing (self))
    play_from (self, ldn_occupancy_chart_get_playhead (self->chart));
}

static void
scrub (LdnTimelinePage *self,
       double           hours)
{
  stop_animation (self);
  set_playhead (self, CLAMP (hours, 0, self->span_h));
}

static void
scrubber_changed_cb (LdnTimelinePage *self)
{
  if (!self->moving_scrubber)
    scrub (self, gtk_adjustment_get_value (self->scrub_adjustment));
}

static void
chart_scrubbed_cb (LdnTimelinePage *self,
                   double           hours)
{
  scrub (self, hours);
}

static char *
plan_date (const GDate *date)
{
  g_autofree char *iso = ldn_diary_date_format (date);

  return ldn_language_format_iso_date (iso);
}

static char *
describe_hours_above (LdnTimelinePage           *self,
                      const LdnOccupancySummary *summary);

/* The plan's summary: what was entered and left out, then the same
 * descriptive sentences as for a chosen dose. Never a target. */
static void
update_plan_summary (LdnTimelinePage *self)
{
  const LdnOccupancyCurve *curve = ldn_occupancy_chart_get_curve (self->chart);
  /* The summary's peak and time above half; no "after the last dose". */
  const LdnDoseSchedule every_day = { 1, G_MAXINT16, 24 };
  g_autofree char *clock = NULL;
  g_autofree char *peak_when = NULL;
  g_autofree char *from = plan_date (&self->plan_first);
  g_autofree char *to = NULL;
  g_autofree char *opening = NULL;
  g_autofree char *missed = NULL;
  g_autofree char *above = NULL;
  LdnOccupancySummary summary;
  GDate last = self->plan_first;

  g_date_add_days (&last, (guint) round (self->span_h / 24) - 1);
  to = plan_date (&last);
  ldn_occupancy_curve_summarize (curve, &every_day, &summary);
  clock = format_clock (self->dose_minute, summary.peak_hours);
  peak_when = g_strdup_printf (_("day %u at %s"), (guint) floor (summary.peak_hours / 24 + 1e-9) + 1, clock);
  above = describe_hours_above (self, &summary);
  /* Translators: start of the chart's text summary for the person's own
   * plan; the %s are dates. */
  opening = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Model estimate for your plan as entered in the Diary: %u dose from %s to %s.",
                                          "Model estimate for your plan as entered in the Diary: %u doses from %s to %s.",
                                          self->plan_doses),
                             self->plan_doses, from, to);
  missed = self->plan_missed == 0
    ? g_strdup ("")
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u missed dose left out.", "%u missed doses left out.",
                                    self->plan_missed),
                       self->plan_missed);

  g_free (self->summary_text);
  self->summary_text = g_strdup_printf (_("%s Highest: about %.0f %% on %s. %s %s "
                                          "If the block were brief, as LDN is often described, far fewer would be blocked."),
                                        opening, summary.peak, peak_when, above, missed);
  gtk_label_set_text (self->summary, self->summary_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->summary_text, -1);
}

static char *
describe_hours_above (LdnTimelinePage           *self,
                      const LdnOccupancySummary *summary)
{
  guint hours_above = (guint) round (summary->hours_above_half);

  if (hours_above == 0)
    return g_strdup (_("The estimate stays below half of the receptors."));
  if (self->span_h > 24 && hours_above >= 24)
    {
      guint days_above = (guint) round (summary->hours_above_half / 24);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "More than half of the receptors are blocked for about %u day in this view.",
                                           "More than half of the receptors are blocked for about %u days in this view.",
                                           days_above),
                              days_above);
    }
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "More than half of the receptors are blocked for about %u hour in this view.",
                                       "More than half of the receptors are blocked for about %u hours in this view.",
                                       hours_above),
                          hours_above);
}

static void
update_summary (LdnTimelinePage *self)
{
  const LdnOccupancyCurve *curve = ldn_occupancy_chart_get_curve (self->chart);
  g_autofree char *dose_clock = format_clock (self->dose_minute, 0);
  g_autofree char *peak_clock = NULL;
  g_autofree char *after = NULL;
  g_autofree char *above = NULL;
  g_autofree char *opening = NULL;
  LdnOccupancySummary summary;

  if (self->showing_plan)
    {
      update_plan_summary (self);
      return;
    }

  ldn_occupancy_curve_summarize (curve, &self->schedule, &summary);
  peak_clock = format_when (self, summary.peak_hours);

  /* On the 24 h view one nightly dose fits; it is still every night. */
  opening = gtk_toggle_button_get_active (self->nightly_button)
    /* Translators: start of the chart's text summary. */
    ? g_strdup_printf (_("Model estimate for %g mg taken every night at %s."), self->schedule.dose_mg, dose_clock)
    : g_strdup_printf (_("Model estimate for %g mg taken once at %s."), self->schedule.dose_mg, dose_clock);
  above = describe_hours_above (self, &summary);
  after = isnan (summary.at_24_hours_after_last_dose)
    ? g_strdup ("")
    : g_strdup_printf (_("24 hours after the last dose: about %.0f %%."), summary.at_24_hours_after_last_dose);

  g_free (self->summary_text);
  if (self->span_h <= 24)
    /* Translators: the chart's text summary, in four sentences. */
    self->summary_text = g_strdup_printf (_("%s Highest: about %.0f %% at %s, %.0f hours after the dose. %s %s %s"),
                                          opening, summary.peak, peak_clock, summary.peak_hours, above, after,
                                          self->summary_brief != NULL ? self->summary_brief : "");
  else
    /* Translators: the chart's text summary over several days; the
     * second %s is e.g. "day 10 at 06:00". */
    self->summary_text = g_strdup_printf (_("%s Highest: about %.0f %% on %s. %s %s %s"),
                                          opening, summary.peak, peak_clock, above, after,
                                          self->summary_brief != NULL ? self->summary_brief : "");
  gtk_label_set_text (self->summary, self->summary_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->summary_text, -1);
}

/* Fills {dose}, {peak}, {later} and {brief} in a content template. */
static char *
fill_template (const char *template,
               double      dose_mg,
               double      peak,
               double      later,
               double      brief)
{
  GString *text = g_string_new (template);
  g_autofree char *dose = g_strdup_printf ("%g", dose_mg);
  g_autofree char *peak_text = g_strdup_printf ("%.0f", peak);
  g_autofree char *later_text = g_strdup_printf ("%.0f", later);
  g_autofree char *brief_text = g_strdup_printf ("%.0f", brief);

  g_string_replace (text, "{dose}", dose, 0);
  g_string_replace (text, "{peak}", peak_text, 0);
  g_string_replace (text, "{later}", later_text, 0);
  g_string_replace (text, "{brief}", brief_text, 0);
  return g_string_free (text, FALSE);
}

/* The highest point and the value a day after one dose of DOSE_MG, in
 * the main estimate, and a day later if the block is brief. */
static gboolean
one_dose_points (LdnTimelinePage *self,
                 double           dose_mg,
                 double          *peak,
                 double          *later,
                 double          *brief)
{
  LdnDoseSchedule one = { .dose_mg = dose_mg, .n_doses = 1, .interval_h = 24 };
  g_autoptr(LdnOccupancyCurve) curve = ldn_occupancy_model_compute_curve (self->model, &one, 24, 0.05, NULL);
  LdnOccupancySummary summary;

  if (curve == NULL)
    return FALSE;
  ldn_occupancy_curve_summarize (curve, &one, &summary);
  *peak = summary.peak;
  *later = ldn_occupancy_curve_sample (curve, curve->sustained, 24);
  *brief = ldn_occupancy_curve_sample (curve, curve->transient, 24);
  return TRUE;
}

/* The key point for the chosen dose, worded by the content. */
static void
update_headline (LdnTimelinePage *self)
{
  g_autofree char *text = NULL;
  double peak, later, brief;

  if (self->showing_plan)
    {
      g_autofree char *from = plan_date (&self->plan_first);

      /* Translators: the Timeline's heading for the person's own plan; %s is a date. */
      text = g_strdup_printf (_("The model's estimate for your plan as entered in the Diary, from %s: "
                                "for an average person, not a measurement of you, and not a target."), from);
      gtk_label_set_text (self->headline, text);
      gtk_widget_set_visible (GTK_WIDGET (self->headline), TRUE);
      return;
    }

  if (self->headline_template == NULL || !one_dose_points (self, self->schedule.dose_mg, &peak, &later, &brief))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->headline), FALSE);
      return;
    }

  text = fill_template (self->headline_template, self->schedule.dose_mg, peak, later, brief);
  if (self->standard_template != NULL && fabs (self->schedule.dose_mg - LDN_DOSE_MAX_MG) > 1e-6 &&
      one_dose_points (self, LDN_DOSE_MAX_MG, &peak, &later, &brief))
    {
      g_autofree char *standard = fill_template (self->standard_template, LDN_DOSE_MAX_MG, peak, later, brief);
      g_autofree char *both = g_strconcat (text, " ", standard, NULL);

      g_free (text);
      text = g_steal_pointer (&both);
    }
  gtk_label_set_text (self->headline, text);
  gtk_widget_set_visible (GTK_WIDGET (self->headline), TRUE);
}

const char *
ldn_timeline_page_get_headline (LdnTimelinePage *self)
{
  g_return_val_if_fail (LDN_IS_TIMELINE_PAGE (self), NULL);

  return gtk_label_get_text (self->headline);
}

static GtkWidget *
table_cell (const char *text,
            gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), heading ? 0 : 1);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_add_css_class (label, "numeric");

  return label;
}

static void
fill_table (LdnTimelinePage *self)
{
  const LdnOccupancyCurve *curve = ldn_occupancy_chart_get_curve (self->chart);
  const LdnOccupancyCurve *comparison = ldn_occupancy_chart_get_comparison (self->chart);
  double every_h = self->span_h <= 24 ? 1 : self->span_h <= 72 ? 3 : 12;
  GtkWidget *child;
  guint row = 1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table_grid))) != NULL)
    gtk_grid_remove (self->table_grid, child);

  if (curve == NULL || !gtk_expander_get_expanded (self->table_expander))
    return;

  /* The same words as the chart's legend and the CSV's columns. */
  gtk_grid_attach (self->table_grid, table_cell (_("Day and time"), TRUE), 0, 0, 1, 1);
  gtk_grid_attach (self->table_grid, table_cell (_("Hours after first dose"), TRUE), 1, 0, 1, 1);
  gtk_grid_attach (self->table_grid, table_cell (_("Estimate"), TRUE), 2, 0, 1, 1);
  gtk_grid_attach (self->table_grid, table_cell (_("Likely range"), TRUE), 3, 0, 1, 1);
  gtk_grid_attach (self->table_grid, table_cell (_("If the block is brief"), TRUE), 4, 0, 1, 1);
  if (comparison != NULL)
    gtk_grid_attach (self->table_grid, table_cell (_("50 mg: estimate"), TRUE), 5, 0, 1, 1);

  for (double hours = 0; hours <= self->span_h + 1e-6; hours += every_h, row++)
    {
      g_autofree char *clock = format_clock (self->dose_minute, hours);
      /* Translators: a table's time, e.g. "Day 10, 06:00"; days count from the first dose. */
      g_autofree char *when = g_strdup_printf (_("Day %u, %s"), (guint) floor (hours / 24 + 1e-9) + 1, clock);
      g_autofree char *elapsed = g_strdup_printf ("%.0f", hours);
      g_autofree char *estimate = g_strdup_printf ("%.0f %%", ldn_occupancy_curve_sample (curve, curve->sustained, hours));
      g_autofree char *range = g_strdup_printf ("%.0f–%.0f %%",
                                                ldn_occupancy_curve_sample (curve, curve->sustained_low, hours),
                                                ldn_occupancy_curve_sample (curve, curve->sustained_high, hours));
      g_autofree char *transient = g_strdup_printf ("%.0f %%", ldn_occupancy_curve_sample (curve, curve->transient, hours));

      gtk_grid_attach (self->table_grid, table_cell (when, FALSE), 0, row, 1, 1);
      gtk_grid_attach (self->table_grid, table_cell (elapsed, FALSE), 1, row, 1, 1);
      gtk_grid_attach (self->table_grid, table_cell (estimate, FALSE), 2, row, 1, 1);
      gtk_grid_attach (self->table_grid, table_cell (range, FALSE), 3, row, 1, 1);
      gtk_grid_attach (self->table_grid, table_cell (transient, FALSE), 4, row, 1, 1);
      if (comparison != NULL)
        {
          g_autofree char *standard = g_strdup_printf ("%.0f %%", ldn_occupancy_curve_sample (comparison,
                                                                                              comparison->sustained,
                                                                                              hours));
          gtk_grid_attach (self->table_grid, table_cell (standard, FALSE), 5, row, 1, 1);
        }
    }
  add_scans_to_table (self, row);
}

/* Under the values, the brain scans the chart marks, explained as on
 * hover: what was measured, after which dose, and when. */
static void
add_scans_to_table (LdnTimelinePage *self,
                    guint            row)
{
  gboolean show_standard = ldn_occupancy_chart_get_comparison (self->chart) != NULL ||
                           self->schedule.dose_mg >= LDN_DOSE_MAX_MG - 1e-6;
  gboolean nightly = gtk_toggle_button_get_active (self->nightly_button);
  GtkWidget *heading;

  /* The scans were each after one dose at hour 0: not the person's plan. */
  if (self->pet_points == NULL || self->pet_points->len == 0 || self->showing_plan)
    return;

  heading = table_cell (_("Brain scans (measured), each after one dose"), TRUE);
  gtk_widget_set_margin_top (heading, 12);
  gtk_grid_attach (self->table_grid, heading, 0, row++, 5, 1);
  for (guint i = 0; i < self->pet_points->len; i++)
    {
      const LdnPetPoint *scan = &g_array_index (self->pet_points, LdnPetPoint, i);
      g_autofree char *text = NULL;
      GtkWidget *cell;

      if ((scan->dose_mg >= 50 && !show_standard) || scan->hours_min > self->span_h ||
          (nightly && scan->hours_min >= 24))
        continue;

      /* Translators: a brain scan in the chart's table, e.g. "15 mg: about
       * 61 % blocked, measured between 0 and 8 hours after the dose". */
      text = g_strdup_printf (_("%g mg: about %.0f %% blocked, measured between %.0f and %.0f hours after the dose"),
                              scan->dose_mg, scan->occupancy, scan->hours_min, scan->hours_max);
      cell = table_cell (text, FALSE);
      gtk_label_set_xalign (GTK_LABEL (cell), 0);
      gtk_label_set_wrap (GTK_LABEL (cell), TRUE);
      gtk_grid_attach (self->table_grid, cell, 0, row++, 5, 1);
    }
}

static void
table_expanded_cb (LdnTimelinePage *self)
{
  fill_table (self);
}

static double
chosen_span (LdnTimelinePage *self)
{
  if (gtk_toggle_button_get_active (self->span_14days_button))
    return 14 * 24;
  if (gtk_toggle_button_get_active (self->span_3days_button))
    return 3 * 24;
  return 24;
}

static void
save_choices (LdnTimelinePage *self)
{
  LdnDoseScenario *scenario;

  if (self->settings == NULL)
    return;

  /* The one dose scenario, bound to the settings: the sheet reads it too. */
  scenario = ldn_dose_scenario_get_for_settings (self->settings);
  ldn_dose_scenario_set_dose_mg (scenario, self->schedule.dose_mg);
  ldn_dose_scenario_set_dose_minute (scenario, self->dose_minute);
  ldn_dose_scenario_set_nightly (scenario, gtk_toggle_button_get_active (self->nightly_button));
  ldn_dose_scenario_set_days (scenario, (guint) (self->span_h / 24));
  g_settings_set_boolean (self->settings, "compare-standard-dose", gtk_switch_get_active (self->compare_switch));
}

static gboolean
diary_has_plan (const LdnDiary *diary)
{
  return diary != NULL && diary->plan->len > 0;
}

/* The plan's first day: its first step, or the start date if later (as
 * ldn_diary_plan_list_doses() counts). */
static void
plan_first_day (const LdnDiary *diary,
                GDate          *first)
{
  *first = ((LdnDiaryPlanStep *) g_ptr_array_index (diary->plan, 0))->from;
  if (diary->has_start && g_date_valid (&diary->start) && g_date_compare (&diary->start, first) > 0)
    *first = diary->start;
}

/* The plan's doses over the span's first days, with hour 0 at the first
 * dose taken (as for a chosen dose); NULL with ERROR when a dose is
 * outside the model. */
static LdnOccupancyCurve *
compute_plan_curve (LdnTimelinePage  *self,
                    double           *highest_dose,
                    GError          **error)
{
  g_autoptr(GArray) doses = NULL;
  guint days = (guint) round (self->span_h / 24);
  double first_hours = 0;
  GDate last;

  plan_first_day (self->diary, &self->plan_first);
  last = self->plan_first;
  g_date_add_days (&last, days - 1);
  doses = ldn_diary_plan_list_doses (self->diary, &self->plan_first, &last);
  self->plan_doses = doses->len;
  self->plan_missed = days > doses->len ? days - doses->len : 0;
  *highest_dose = 0;
  if (doses->len > 0)
    first_hours = g_array_index (doses, LdnPlannedDose, 0).hours;
  for (guint i = 0; i < doses->len; i++)
    {
      LdnPlannedDose *dose = &g_array_index (doses, LdnPlannedDose, i);

      dose->hours -= first_hours;
      *highest_dose = MAX (*highest_dose, dose->dose_mg);
    }
  self->dose_minute = (guint) round (fmod (first_hours, 24) * 60) % (24 * 60);
  return ldn_diary_plan_compute_curve (self->model, (const LdnPlannedDose *) doses->data, doses->len,
                                       self->span_h, self->span_h / CURVE_POINTS, error);
}

/* The dose controls do not apply to the plan: they are kept as they
 * are, insensitive, while it is shown. */
static void
show_plan_look (LdnTimelinePage *self,
                gboolean         plan)
{
  gtk_widget_set_sensitive (gtk_widget_get_parent (GTK_WIDGET (self->dose_spin)), !plan);
  gtk_widget_set_sensitive (gtk_widget_get_parent (GTK_WIDGET (self->nightly_button)), !plan);
  gtk_widget_set_sensitive (GTK_WIDGET (self->time_entry), !plan);
  gtk_widget_set_sensitive (GTK_WIDGET (self->compare_switch), !plan);
  ldn_occupancy_chart_set_pet_points (self->chart, plan ? NULL : self->pet_points);
  ldn_occupancy_chart_set_legend (self->chart, plan ? _("Your plan: estimate, shaded: range if unknown study details differ") : NULL);
}

/* Shows the person's plan; FALSE (and the reason under the option) when
 * the model cannot draw it. */
static gboolean
show_plan (LdnTimelinePage *self)
{
  g_autoptr(GError) error = NULL;
  LdnOccupancyCurve *curve;
  double highest_dose;

  curve = compute_plan_curve (self, &highest_dose, &error);
  if (curve == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Your plan cannot be drawn: %s"), error->message);

      adw_action_row_set_subtitle (self->plan_row, message);
      return FALSE;
    }

  self->showing_plan = TRUE;
  show_plan_look (self, TRUE);
  ldn_occupancy_chart_set_curves (self->chart, curve, NULL, highest_dose, self->span_h, self->dose_minute, TRUE);
  gtk_adjustment_set_upper (self->scrub_adjustment, self->span_h);
  update_headline (self);
  update_summary (self);
  fill_table (self);
  play_from (self, 0);
  return TRUE;
}

/* Every control change recomputes the curves (well under a millisecond)
 * and sweeps the playhead again. */
static void
controls_changed_cb (LdnTimelinePage *self)
{
  g_autoptr(GError) error = NULL;
  LdnOccupancyCurve *curve, *comparison = NULL;
  gboolean nightly = gtk_toggle_button_get_active (self->nightly_button);

  if (self->model == NULL || self->loading)
    return;

  self->span_h = chosen_span (self);
  if (!self->showing_plan)
    self->chosen_minute = self->dose_minute;
  if (gtk_switch_get_active (self->plan_switch) && diary_has_plan (self->diary) && show_plan (self))
    return;
  if (self->showing_plan)
    {
      self->showing_plan = FALSE;
      show_plan_look (self, FALSE);
    }
  self->dose_minute = self->chosen_minute;
  self->schedule = (LdnDoseSchedule) {
    .dose_mg = gtk_spin_button_get_value (self->dose_spin),
    .n_doses = nightly ? (guint) ceil (self->span_h / 24) : 1,
    .interval_h = 24,
  };

  curve = ldn_occupancy_model_compute_curve (self->model, &self->schedule, self->span_h,
                                             self->span_h / CURVE_POINTS, &error);
  if (curve == NULL)
    {
      g_warning ("Could not compute the timeline: %s", error->message);
      return;
    }

  /* 50 mg chosen is already the standard dose: it is drawn and listed once. */
  if (gtk_switch_get_active (self->compare_switch) && self->schedule.dose_mg < LDN_DOSE_MAX_MG - 1e-6)
    {
      LdnDoseSchedule standard = self->schedule;

      standard.dose_mg = LDN_DOSE_MAX_MG;
      comparison = ldn_occupancy_model_compute_curve (self->model, &standard, self->span_h,
                                                      self->span_h / CURVE_POINTS, NULL);
    }

  ldn_occupancy_chart_set_curves (self->chart, curve, comparison, self->schedule.dose_mg,
                                  self->span_h, self->dose_minute, nightly);
  gtk_adjustment_set_upper (self->scrub_adjustment, self->span_h);

  sync_presets (self);
  update_headline (self);
  update_summary (self);
  fill_table (self);
  save_choices (self);
  play_from (self, 0);
}

static void
chart_mapped_cb (LdnTimelinePage *self)
{
  if (self->play_when_shown)
    play_from (self, 0);
}

/* A message under a field the person typed in, or none. */
static void
show_field_message (GtkWidget  *field,
                    GtkWidget  *message,
                    const char *text)
{
  gtk_label_set_text (GTK_LABEL (message), text ? text : "");
  gtk_widget_set_visible (message, text != NULL);
  if (text != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* The common-dose buttons are one choice: the one matching the dose is
 * on, none when the dose is another value. */
static void
sync_presets (LdnTimelinePage *self)
{
  GtkToggleButton *buttons[] = { self->dose_1_5_button, self->dose_3_button, self->dose_4_5_button };
  double dose = gtk_spin_button_get_value (self->dose_spin);

  self->syncing_presets = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      double preset;
      gboolean on = ldn_dose_parse_for_people (gtk_button_get_label (GTK_BUTTON (buttons[i])), &preset, NULL) &&
                    fabs (preset - dose) < 1e-6;

      if (on != gtk_toggle_button_get_active (buttons[i]))
        gtk_toggle_button_set_active (buttons[i], on);
      gtk_accessible_update_state (GTK_ACCESSIBLE (buttons[i]), GTK_ACCESSIBLE_STATE_CHECKED,
                                   on ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
    }
  self->syncing_presets = FALSE;
}

static void
preset_toggled_cb (GtkToggleButton *button,
                   LdnTimelinePage *self)
{
  double dose;

  if (self->syncing_presets || !gtk_toggle_button_get_active (button))
    return;

  /* The label is the locale's way of writing the dose ("4,5" in Spanish). */
  if (ldn_dose_parse_for_people (gtk_button_get_label (GTK_BUTTON (button)), &dose, NULL))
    {
      g_clear_pointer (&self->rejected_dose, g_free);
      show_field_message (GTK_WIDGET (self->dose_spin), self->dose_message, NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->dose_spin), NULL);
      gtk_spin_button_set_value (self->dose_spin, dose);
      /* The same value again still shows it (not the refused text). */
      gtk_spin_button_update (self->dose_spin);
    }
}

/* People type the dose the locale's way ("0,5" where a comma is the
 * decimal separator); a mistake is said on the field itself. */
static int
dose_input_cb (GtkSpinButton   *spin,
               double          *value,
               LdnTimelinePage *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  g_autofree char *message = NULL;

  /* The parser also refuses doses outside the model (0.5 to 50 mg) and
   * says so: 60 mg is not silently made 50. */
  if (!ldn_dose_parse_for_people (text, value, &error))
    message = g_strdup (error->message);

  if (message != NULL)
    {
      /* GTK reads the value even after an error: keep the last good one,
       * and keep what was typed in the field (see dose_output_cb). */
      *value = gtk_spin_button_get_value (spin);
      g_free (self->rejected_dose);
      self->rejected_dose = g_strdup (text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (spin), message);
      show_field_message (GTK_WIDGET (spin), self->dose_message, message);
      return GTK_INPUT_ERROR;
    }

  g_clear_pointer (&self->rejected_dose, g_free);
  gtk_widget_set_tooltip_text (GTK_WIDGET (spin), NULL);
  show_field_message (GTK_WIDGET (spin), self->dose_message, NULL);
  return TRUE;
}

/* After a refused dose GTK writes the old value back into the field; the
 * person's text stays instead, next to the message that says why. */
static gboolean
dose_output_cb (GtkSpinButton   *spin,
                LdnTimelinePage *self)
{
  if (self->rejected_dose == NULL)
    return FALSE;

  gtk_editable_set_text (GTK_EDITABLE (spin), self->rejected_dose);
  return TRUE;
}

/* The dose time is typed as HH:MM (24-hour clock, the same in every
 * language). It is taken on Enter and when the field is left; a mistake
 * is said under the field and the typed text stays. */
static void
time_activate_cb (LdnTimelinePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->time_entry))));
  g_autofree char *padded = NULL;
  guint minute;

  /* The plan has its own times. */
  if (self->showing_plan)
    return;

  /* "7:30" is 07:30. */
  if (strlen (text) == 4 && text[1] == ':')
    padded = g_strconcat ("0", text, NULL);

  if (!ldn_dose_time_parse (padded ? padded : text, &minute, &error))
    {
      show_field_message (GTK_WIDGET (self->time_entry), self->time_message, error->message);
      return;
    }

  show_field_message (GTK_WIDGET (self->time_entry), self->time_message, NULL);
  if (padded != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->time_entry), padded);
  if (minute != self->dose_minute)
    {
      self->dose_minute = minute;
      controls_changed_cb (self);
    }
}

static void
time_focus_left_cb (LdnTimelinePage *self)
{
  time_activate_cb (self);
}

static void
export_saved_cb (GFile    *file,
                 gpointer  user_data)
{
  g_autoptr(LdnTimelinePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (file == NULL)
    return;

  if (self->showing_plan)
    {
      g_autofree char *csv = ldn_occupancy_curve_to_csv (ldn_occupancy_chart_get_curve (self->chart), NULL,
                                                         self->dose_minute, 1 / 6.0);

      if (!ldn_atomic_file_set_contents (file, csv, strlen (csv), NULL, &error))
        ldn_toast_show (GTK_WIDGET (self), (message = g_strdup_printf (_("Could not save the data: %s"), error->message)));
      else
        ldn_toast_show_saved (GTK_WIDGET (self), file);
    }
  else if (!ldn_export_occupancy_csv (self->store, self->schedule.dose_mg, gtk_toggle_button_get_active (self->nightly_button),
                                 (guint) (self->span_h / 24), self->dose_minute,
                                 ldn_occupancy_chart_get_comparison (self->chart) != NULL, file, NULL, &error))
    ldn_toast_show (GTK_WIDGET (self), (message = g_strdup_printf (_("Could not save the data: %s"), error->message)));
  else
    ldn_toast_show_saved (GTK_WIDGET (self), file);
}

static void
export_clicked_cb (LdnTimelinePage *self)
{
  g_autofree char *name = self->showing_plan ? g_strdup ("ldn-occupancy-my-plan.csv")
                                             : g_strdup_printf ("ldn-occupancy-%gmg.csv", self->schedule.dose_mg);

  ldn_compat_save_file (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                        _("Export Occupancy Data"), name, export_saved_cb, g_object_ref (self));
}

static void
add_captions (LdnTimelinePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) captions = ldn_content_store_list_captions (self->store, &error);

  for (guint i = 0; captions != NULL && i < captions->len; i++)
    {
      const LdnCaption *caption = g_ptr_array_index (captions, i);
      GtkWidget *box, *title, *text;

      /* The chart says "no measurements below 2 mg" itself. Checked
       * before any widget is made: a floating one would leak. */
      if (g_str_equal (caption->id, "no-data"))
        continue;

      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      title = gtk_label_new (caption->title);
      text = gtk_label_new (caption->text);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_widget_add_css_class (title, "title-4");
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_widget_add_css_class (text, "ldn-body");
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), text);
      gtk_box_append (GTK_BOX (box), ldn_source_markers_new (self->store, (const char * const *) caption->sources));
      gtk_box_append (self->captions_box, box);
    }

  if (captions == NULL)
    g_warning ("Could not read the timeline captions: %s", error->message);
}

static void
restore_choices (LdnTimelinePage *self)
{
  LdnDoseScenario *scenario;
  g_autofree char *clock = NULL;
  guint days;

  if (self->settings == NULL)
    return;

  scenario = ldn_dose_scenario_get_for_settings (self->settings);
  gtk_spin_button_set_value (self->dose_spin, ldn_dose_scenario_get_dose_mg (scenario));
  self->dose_minute = ldn_dose_scenario_get_dose_minute (scenario);
  clock = format_clock (self->dose_minute, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->time_entry), clock);
  gtk_toggle_button_set_active (self->nightly_button, ldn_dose_scenario_get_nightly (scenario));
  days = ldn_dose_scenario_get_days (scenario);
  gtk_toggle_button_set_active (days >= 14 ? self->span_14days_button
                                : days >= 3 ? self->span_3days_button
                                : self->span_day_button, TRUE);
  gtk_switch_set_active (self->compare_switch, g_settings_get_boolean (self->settings, "compare-standard-dose"));
}

/* The Diary's plan, read again whenever the store changes: the option
 * says what it shows, or where to enter a plan. */
static void
reload_diary (LdnTimelinePage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean had_plan = self->showing_plan;

  g_clear_pointer (&self->diary, ldn_diary_free);
  if (self->user != NULL)
    self->diary = ldn_diary_store_dup_diary (self->user, &error);
  if (error != NULL)
    g_warning ("Could not read the diary: %s", error->message);

  if (diary_has_plan (self->diary))
    {
      GDate first;
      g_autofree char *from = NULL;
      g_autofree char *subtitle = NULL;

      plan_first_day (self->diary, &first);
      from = plan_date (&first);
      /* Translators: under "My Plan" on the Timeline; %s is a date. */
      subtitle = g_strdup_printf (_("The doses entered in the Diary, from %s, as a model estimate"), from);
      adw_action_row_set_subtitle (self->plan_row, subtitle);
      gtk_widget_set_sensitive (GTK_WIDGET (self->plan_switch), TRUE);
      gtk_widget_set_visible (self->plan_diary_button, FALSE);
    }
  else
    {
      adw_action_row_set_subtitle (self->plan_row,
                                   _("Enter the plan from your prescription in the Diary section to see it here"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->plan_switch), FALSE);
      gtk_widget_set_visible (self->plan_diary_button, TRUE);
    }

  if (gtk_switch_get_active (self->plan_switch) && !diary_has_plan (self->diary))
    gtk_switch_set_active (self->plan_switch, FALSE);   /* recomputes */
  else if (had_plan || gtk_switch_get_active (self->plan_switch))
    controls_changed_cb (self);
}

void
ldn_timeline_page_load (LdnTimelinePage *self,
                        LdnContentStore *store,
                        const GError    *error,
                        GSettings       *settings,
                        LdnUserStore    *user)
{
  g_autoptr(GError) model_error = NULL;
  g_autoptr(GArray) points = NULL;

  g_return_if_fail (LDN_IS_TIMELINE_PAGE (self));
  g_return_if_fail (self->store == NULL);

  if (store == NULL)
    {
      adw_status_page_set_description (self->error_page, error ? error->message : NULL);
      gtk_stack_set_visible_child_name (self->view_stack, "error");
      return;
    }

  self->model = ldn_content_store_load_occupancy_model (store, &model_error);
  points = self->model ? ldn_content_store_list_pet_points (store, &model_error) : NULL;
  if (points == NULL)
    {
      g_clear_pointer (&self->model, ldn_occupancy_model_free);
      adw_status_page_set_description (self->error_page, model_error->message);
      gtk_stack_set_visible_child_name (self->view_stack, "error");
      return;
    }

  self->store = g_object_ref (store);
  g_set_object (&self->settings, settings);
  ldn_occupancy_chart_set_pet_points (self->chart, points);
  self->pet_points = g_array_ref (points);
  add_captions (self);
  {
    g_autoptr(LdnContentText) headline = ldn_content_store_get_text (store, "timeline.headline", &model_error);
    g_autoptr(LdnContentText) standard = headline ? ldn_content_store_get_text (store, "timeline.headline-standard",
                                                                                 &model_error) : NULL;

    if (standard == NULL)
      {
        g_warning ("Could not read the timeline's headline: %s", model_error->message);
        g_clear_error (&model_error);
      }
    else
      {
        GtkWidget *markers = ldn_source_markers_new (store, (const char * const *) headline->sources);

        self->headline_template = g_steal_pointer (&headline->text);
        self->standard_template = g_steal_pointer (&standard->text);
        /* The headline is a statement like any other: its sources one click
         * away, at the end of the play row under the chart, which draws the
         * same model. A row of their own under the headline pushed the play
         * row below the fold at 1000x720 with large text. */
        gtk_widget_set_valign (markers, GTK_ALIGN_CENTER);
        gtk_box_append (self->play_row, markers);
      }
  }
  {
    g_autoptr(LdnContentText) brief = ldn_content_store_get_text (store, "timeline.summary-brief", &model_error);

    if (brief == NULL)
      {
        g_warning ("Could not read the timeline's summary: %s", model_error->message);
        g_clear_error (&model_error);
      }
    else
      self->summary_brief = g_steal_pointer (&brief->text);
  }

  self->loading = TRUE;
  restore_choices (self);
  self->loading = FALSE;
  if (user != NULL)
    {
      self->user = g_object_ref (user);
      self->user_changed_handler = g_signal_connect_swapped (user, "changed", G_CALLBACK (reload_diary), self);
      self->user_reset_handler = g_signal_connect_swapped (user, "reset", G_CALLBACK (reload_diary), self);
    }
  reload_diary (self);
  controls_changed_cb (self);
}

const char *
ldn_timeline_page_get_summary (LdnTimelinePage *self)
{
  g_return_val_if_fail (LDN_IS_TIMELINE_PAGE (self), NULL);

  return self->summary_text;
}

const char *
ldn_timeline_page_get_readout (LdnTimelinePage *self)
{
  g_return_val_if_fail (LDN_IS_TIMELINE_PAGE (self), NULL);

  return self->readout_text;
}

gboolean
ldn_timeline_page_get_playing (LdnTimelinePage *self)
{
  g_return_val_if_fail (LDN_IS_TIMELINE_PAGE (self), FALSE);

  return is_playing (self);
}

static void
ldn_timeline_page_dispose (GObject *object)
{
  LdnTimelinePage *self = LDN_TIMELINE_PAGE (object);

  stop_animation (self);
  if (self->user != NULL)
    {
      g_clear_signal_handler (&self->user_changed_handler, self->user);
      g_clear_signal_handler (&self->user_reset_handler, self->user);
      g_clear_object (&self->user);
    }
  g_clear_pointer (&self->diary, ldn_diary_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), LDN_TYPE_TIMELINE_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->model, ldn_occupancy_model_free);

  G_OBJECT_CLASS (ldn_timeline_page_parent_class)->dispose (object);
}

static void
ldn_timeline_page_finalize (GObject *object)
{
  LdnTimelinePage *self = LDN_TIMELINE_PAGE (object);

  g_free (self->summary_text);
  g_free (self->readout_text);
  g_free (self->rejected_dose);
  g_free (self->headline_template);
  g_free (self->summary_brief);
  g_free (self->standard_template);
  g_clear_pointer (&self->pet_points, g_array_unref);

  G_OBJECT_CLASS (ldn_timeline_page_parent_class)->finalize (object);
}

static void
ldn_timeline_page_class_init (LdnTimelinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ldn_timeline_page_dispose;
  /* A container: GTK 4.8 reads any other role by its class name ("LdnXxx filler"). */
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GENERIC);
  object_class->finalize = ldn_timeline_page_finalize;

  g_type_ensure (LDN_TYPE_OCCUPANCY_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ldn-timeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, dose_spin);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, dose_presets);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, dose_message);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, dose_1_5_button);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, dose_3_button);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, dose_4_5_button);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, time_entry);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, time_message);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, headline);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, controls_box);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, nightly_button);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, span_day_button);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, span_3days_button);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, span_14days_button);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, compare_switch);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, chart);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, plan_row);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, plan_switch);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, plan_diary_button);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, play_button);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, play_row);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, scrubber);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, speed_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, readout);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, readout_size);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, summary);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, table_expander);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, table_grid);
  gtk_widget_class_bind_template_child (widget_class, LdnTimelinePage, captions_box);
  gtk_widget_class_bind_template_callback (widget_class, controls_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, preset_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, play_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, speed_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, scrubber_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_scrubbed_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_expanded_cb);
}

static void
ldn_timeline_page_init (LdnTimelinePage *self)
{
  g_autofree char *widest_readout = NULL;
  GtkEventController *focus;

  self->span_h = 24;
  self->dose_minute = 22 * 60;
  gtk_widget_init_template (GTK_WIDGET (self));
  /* "3 mg", not "3", on GTK 4.18 and later too. */
  ldn_compat_keep_accessible_labels (GTK_WIDGET (self), (const char *[]) {
    "dose_1_5_button", "dose_3_button", "dose_4_5_button", "span_day_button", "export_button", NULL });
  ldn_compat_preferences_group_set_accessible_label (gtk_widget_get_ancestor (GTK_WIDGET (self->time_entry),
                                                                              ADW_TYPE_PREFERENCES_GROUP),
                                                     _("More settings"));

  /* The readout changes while the chart plays: it is not a heading, and
   * not read on every change. */
  ldn_page_skip_reading (GTK_WIDGET (self->readout));
  /* Nor is the invisible label that sizes it (Tab reached it, and Orca
   * read "00:00 · about 100 % blocked" as a heading). */
  ldn_page_skip_reading (GTK_WIDGET (self->readout_size));
  ldn_page_make_readable (GTK_WIDGET (self));
  ldn_page_fix_button_names (GTK_WIDGET (self));
  ldn_page_name_drop_down (self->speed_dropdown, _("Animation speed"));
  /* An example dose's tooltip ("1.5 mg", for the "1.5" on the button)
   * is its name: as its description too, Orca read the name twice. */
  {
    GtkToggleButton *presets[] = { self->dose_1_5_button, self->dose_3_button, self->dose_4_5_button };

    for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
      gtk_accessible_reset_property (GTK_ACCESSIBLE (presets[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  }
  g_signal_connect_object (self->chart, "map", G_CALLBACK (chart_mapped_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->dose_spin, "input", G_CALLBACK (dose_input_cb), self, 0);
  g_signal_connect_object (self->dose_spin, "output", G_CALLBACK (dose_output_cb), self, 0);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (time_focus_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->time_entry), focus);
  /* The flow box's cells are layout only: no extra stop for Tab. */
  for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (self->controls_box));
       cell != NULL; cell = gtk_widget_get_next_sibling (cell))
    gtk_widget_set_focusable (cell, FALSE);
  /* Not a template child: GTK 4.8 disposes those as widgets. */
  self->scrub_adjustment = gtk_range_get_adjustment (GTK_RANGE (self->scrubber));
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-enable-animations",
                           G_CALLBACK (enable_animations_changed_cb), self, G_CONNECT_SWAPPED);

  /* The widest readout (digits are tabular) sizes the readout's place. */
  widest_readout = format_readout ("00:00", 100, 100, 100, 100);
  gtk_label_set_text (self->readout_size, widest_readout);
}

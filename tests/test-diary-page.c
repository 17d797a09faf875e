/* test-diary-page.c: a person chooses what to follow (one of their own,
 * one suggested), records a baseline day, sets a start date and the plan
 * as prescribed, checks in with a side effect and a missed dose, changes
 * an entry, deletes one and undoes that from the toast. A bad date keeps
 * what was typed and says why next to the form. Every control is found
 * by its accessible name.
 *
 * Runs under Xvfb with a private session bus and GTK's test
 * accessibility backend (see meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "app/ldn-application.h"
#include "app/ldn-window.h"
#include "chart/ldn-trend-chart.h"
#include "ldn-test-ui.h"
#include "pages/ldn-diary-page.h"
#include "user/ldn-diary-store.h"
#include "util/ldn-language.h"

static LdnApplication *app;

static gpointer
named (GtkWidget  *root,
       GType       type,
       const char *name)
{
  return ldn_test_named (root, type, name);
}

static GtkWidget *
check_labelled (GtkWidget  *root,
                const char *label)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  ldn_test_collect (root, GTK_TYPE_CHECK_BUTTON, found);
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (gtk_check_button_get_label (g_ptr_array_index (found, i)), label) == 0)
      return g_ptr_array_index (found, i);

  g_error ("no check button “%s”", label);
  return NULL;
}

static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ldn_test_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), text) != NULL &&
        gtk_widget_is_drawable (g_ptr_array_index (labels, i)))
      return TRUE;

  return FALSE;
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
type (GtkWidget  *root,
      const char *name,
      const char *text)
{
  gtk_editable_set_text (named (root, GTK_TYPE_ENTRY, name), text);
}

static void
iso_days_ago (char *buffer,
              int   days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days);
  g_autofree char *text = g_date_time_format (then, "%Y-%m-%d");

  g_strlcpy (buffer, text, 11);
}

static char *
readable_days_ago (int days)
{
  char iso[11];

  iso_days_ago (iso, days);
  return ldn_language_format_iso_date (iso);
}

static LdnDiary *
saved_diary (void)
{
  g_autoptr(GError) error = NULL;
  LdnDiary *diary = ldn_diary_store_dup_diary (ldn_application_get_user_store (app), &error);

  g_assert_no_error (error);
  return diary;
}

static LdnWindow *
open_diary (GtkWidget **page)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LdnWindow *window;

  g_settings_set_boolean (settings, "overview-seen", TRUE);
  g_settings_set_string (settings, "last-section", "diary");
  window = ldn_test_open_window (app, 1000, 800);
  g_assert_cmpstr (ldn_window_get_visible_section (window), ==, "diary");
  g_assert_cmpstr (ldn_window_get_help_page (window), ==, "diary");
  *page = GTK_WIDGET (ldn_window_get_diary_page (window));
  return window;
}

static GtkWidget *
toast_button (LdnWindow  *window,
              const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  ldn_test_collect (GTK_WIDGET (window), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0 &&
        gtk_widget_get_ancestor (g_ptr_array_index (buttons, i), LDN_TYPE_DIARY_PAGE) == NULL)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

static gboolean
has_undo (gpointer data)
{
  return toast_button (data, "_Undo") != NULL;
}

/* Names the widgets that ask for more than WIDTH: what keeps the page
 * from fitting a phone. */
static void
report_wide_widgets (GtkWidget *widget,
                     int        width)
{
  int minimum = 0;

  if (!gtk_widget_get_visible (widget))
    return;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum > width)
    g_test_message ("%s needs %d px%s%s", G_OBJECT_TYPE_NAME (widget), minimum,
                    GTK_IS_LABEL (widget) ? ": " : "",
                    GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : "");
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    report_wide_widgets (child, width);
}

/* On a phone (360 px), with normal and with GNOME's Large Text, the
 * Diary asks for no more room than the phone has. */
static void
test_fits_a_phone (void)
{
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  int old_dpi = 0;

  g_object_get (gtk_settings, "gtk-xft-dpi", &old_dpi, NULL);
  for (int scale = 4; scale <= 5; scale++)
    {
      LdnWindow *window;
      GtkWidget *page;

      g_object_set (gtk_settings, "gtk-xft-dpi", 96 * 1024 * scale / 4, NULL);
      window = open_diary (&page);
      gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
      for (int i = 0; i < 20; i++)
        g_main_context_iteration (NULL, FALSE);
      report_wide_widgets (page, 360);
      {
        int minimum = 0;

        gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
        g_test_message ("diary page at text scale %.2f needs %d px", scale / 4.0, minimum);
        g_assert_cmpint (minimum, <=, 360);
      }
      gtk_window_destroy (GTK_WINDOW (window));
    }
  g_object_set (gtk_settings, "gtk-xft-dpi", old_dpi, NULL);
}

static void
test_keep_a_diary (void)
{
  g_autoptr(LdnDiary) diary = NULL;
  g_autofree char *baseline_day = readable_days_ago (20);
  g_autofree char *today = readable_days_ago (0);
  g_autofree char *name = NULL;
  char iso[11];
  GtkWidget *page;
  LdnWindow *window;

  window = open_diary (&page);

  /* What a before-and-after record cannot show is said on the page. */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean caution = FALSE;

    ldn_test_collect (page, GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      caution |= g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)),
                                   "A change after the start date does not show that LDN caused it.");
    g_assert_true (caution);
  }

  /* Their own words, then a suggestion. */
  type (page, "What to follow", "Pain in my knees");
  type (page, "What 0 means", "no pain");
  type (page, "What 10 means", "worst pain");
  click (named (page, GTK_TYPE_BUTTON, "Follow this"));
  click (named (page, GTK_TYPE_BUTTON, "Use “Sleep”"));
  g_assert_cmpstr (gtk_editable_get_text (named (page, GTK_TYPE_ENTRY, "What 0 means")), ==, "Slept very badly");
  g_assert_cmpstr (gtk_editable_get_text (named (page, GTK_TYPE_ENTRY, "What to follow")), ==, "Sleep");
  click (named (page, GTK_TYPE_BUTTON, "Follow this"));
  diary = saved_diary ();
  g_assert_cmpuint (diary->items->len, ==, 2);
  g_assert_cmpstr (((LdnDiaryItem *) diary->items->pdata[0])->label, ==, "Pain in my knees");
  g_assert_cmpstr (((LdnDiaryItem *) diary->items->pdata[1])->low, ==, "Slept very badly");
  g_clear_pointer (&diary, ldn_diary_free);

  /* A baseline day, 20 days ago, while a start date is half typed: the
   * save reloads the page, and what was typed stays. */
  type (page, "Start date", "2026-1");
  iso_days_ago (iso, 20);
  type (page, "Date of the entry", iso);
  gtk_spin_button_set_value (named (page, GTK_TYPE_SPIN_BUTTON, "Pain in my knees, from 0 to 10"), 7);
  click (named (page, GTK_TYPE_BUTTON, "Save entry"));
  g_assert_cmpstr (gtk_editable_get_text (named (page, GTK_TYPE_ENTRY, "Start date")), ==, "2026-1");
  g_assert_true (shows_text (page, baseline_day));
  diary = saved_diary ();
  g_assert_cmpuint (diary->entries->len, ==, 1);
  g_assert_cmpint (((LdnDiaryEntry *) diary->entries->pdata[0])->ratings[0], ==, 7);
  /* Sleep was not ticked: not recorded. */
  g_assert_cmpint (((LdnDiaryEntry *) diary->entries->pdata[0])->ratings[1], ==, LDN_DIARY_RATING_NONE);
  g_clear_pointer (&diary, ldn_diary_free);
  g_assert_true (shows_text (page, "No start date yet, so there is nothing to compare."));
  /* Each item's trend, named by the item, its sentence as description. */
  {
    GtkWidget *chart = named (page, LDN_TYPE_TREND_CHART, "Pain in my knees");
    const char *summary = ldn_trend_chart_get_summary (LDN_TREND_CHART (chart));

    g_assert_nonnull (summary);
    g_assert_nonnull (strstr (summary, "No start date yet"));
    g_assert_true (gtk_widget_is_drawable (chart));
  }
  /* And its values as a table, one row per recorded day. */
  {
    g_autoptr(GPtrArray) expanders = g_ptr_array_new ();
    GtkWidget *table;

    ldn_test_collect (page, GTK_TYPE_EXPANDER, expanders);
    for (guint i = 0; i < expanders->len; i++)
      if (g_strcmp0 (gtk_expander_get_label (g_ptr_array_index (expanders, i)),
                     "Values of “Pain in my knees” as a table") == 0)
        gtk_expander_set_expanded (g_ptr_array_index (expanders, i), TRUE);
    table = named (page, GTK_TYPE_COLUMN_VIEW, "Values of “Pain in my knees” as a table");

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (table)))),
                      ==, 1);
  }

  /* A start date and the plan, typed from the prescription. */
  iso_days_ago (iso, 5);
  type (page, "Start date", iso);
  click (named (page, GTK_TYPE_BUTTON, "Set start date"));
  type (page, "Plan from", iso);
  type (page, "Dose in mg", "1,5");
  type (page, "Time taken", "22:30");
  click (named (page, GTK_TYPE_BUTTON, "Add to plan"));
  diary = saved_diary ();
  g_assert_true (diary->has_start);
  g_assert_cmpuint (diary->plan->len, ==, 1);
  g_assert_cmpfloat (((LdnDiaryPlanStep *) diary->plan->pdata[0])->dose_mg, ==, 1.5);
  g_assert_cmpint (((LdnDiaryPlanStep *) diary->plan->pdata[0])->minutes, ==, 22 * 60 + 30);
  g_clear_pointer (&diary, ldn_diary_free);
  /* One day is far too little to compare anything, and the page says so. */
  g_assert_true (shows_text (page, "Too little baseline to compare: 1 of the 14 days needed was recorded"));

  /* A check-in today: both ratings, a side effect, a missed dose, a note. */
  iso_days_ago (iso, 0);
  type (page, "Date of the entry", iso);
  gtk_spin_button_set_value (named (page, GTK_TYPE_SPIN_BUTTON, "Pain in my knees, from 0 to 10"), 5);
  gtk_spin_button_set_value (named (page, GTK_TYPE_SPIN_BUTTON, "Sleep, from 0 to 10"), 4);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check_labelled (page, "Vivid dreams or nightmares")), TRUE);
  gtk_drop_down_set_selected (named (page, GTK_TYPE_DROP_DOWN, "Severity: Vivid dreams or nightmares"), 1);
  gtk_drop_down_set_selected (named (page, GTK_TYPE_DROP_DOWN, "Dose that day"), 2);
  type (page, "Note", "Forgot the tablet");
  click (named (page, GTK_TYPE_BUTTON, "Save entry"));
  diary = saved_diary ();
  g_assert_cmpuint (diary->entries->len, ==, 2);
  {
    LdnDiaryEntry *entry = diary->entries->pdata[1];

    g_assert_cmpint (entry->ratings[0], ==, 5);
    g_assert_cmpint (entry->ratings[1], ==, 4);
    g_assert_cmpint (entry->dose_taken, ==, LDN_DIARY_DOSE_MISSED);
    g_assert_cmpstr (entry->note, ==, "Forgot the tablet");
    g_assert_cmpuint (entry->side_effects->len, ==, 1);
    g_assert_cmpint (((LdnDiarySideEffect *) entry->side_effects->pdata[0])->severity, ==, 2);
  }
  g_clear_pointer (&diary, ldn_diary_free);

  /* A future date is refused next to the form; what was typed stays. */
  iso_days_ago (iso, -3);
  type (page, "Date of the entry", iso);
  gtk_spin_button_set_value (named (page, GTK_TYPE_SPIN_BUTTON, "Pain in my knees, from 0 to 10"), 2);
  type (page, "Note", "Planned ahead");
  click (named (page, GTK_TYPE_BUTTON, "Save entry"));
  g_assert_true (shows_text (page, "That date is in the future."));
  g_assert_cmpstr (gtk_editable_get_text (named (page, GTK_TYPE_ENTRY, "Note")), ==, "Planned ahead");
  g_assert_cmpstr (gtk_editable_get_text (named (page, GTK_TYPE_ENTRY, "Date of the entry")), ==, iso);
  diary = saved_diary ();
  g_assert_cmpuint (diary->entries->len, ==, 2);
  g_clear_pointer (&diary, ldn_diary_free);
  type (page, "Note", "");

  /* Change today's entry. */
  name = g_strdup_printf ("Change the entry of %s", today);
  click (named (page, GTK_TYPE_BUTTON, name));
  g_assert_cmpstr (gtk_editable_get_text (named (page, GTK_TYPE_ENTRY, "Note")), ==, "Forgot the tablet");
  gtk_spin_button_set_value (named (page, GTK_TYPE_SPIN_BUTTON, "Pain in my knees, from 0 to 10"), 3);
  click (named (page, GTK_TYPE_BUTTON, "Save changes"));
  diary = saved_diary ();
  g_assert_cmpuint (diary->entries->len, ==, 2);
  g_assert_cmpint (((LdnDiaryEntry *) diary->entries->pdata[1])->ratings[0], ==, 3);
  g_assert_cmpstr (((LdnDiaryEntry *) diary->entries->pdata[1])->note, ==, "Forgot the tablet");
  g_clear_pointer (&diary, ldn_diary_free);
  g_clear_pointer (&name, g_free);

  /* Delete the baseline day, then undo it from the toast. */
  name = g_strdup_printf ("Delete the entry of %s", baseline_day);
  click (named (page, GTK_TYPE_BUTTON, name));
  diary = saved_diary ();
  g_assert_cmpuint (diary->entries->len, ==, 1);
  g_clear_pointer (&diary, ldn_diary_free);
  g_assert_false (shows_text (page, baseline_day));
  ldn_test_iterate_until (has_undo, window);
  click (toast_button (window, "_Undo"));
  diary = saved_diary ();
  g_assert_cmpuint (diary->entries->len, ==, 2);
  g_assert_cmpint (((LdnDiaryEntry *) diary->entries->pdata[0])->ratings[0], ==, 7);
  g_clear_pointer (&diary, ldn_diary_free);
  g_assert_true (shows_text (page, baseline_day));

  /* A bad time in the plan is explained, not saved. */
  type (page, "Dose in mg", "3");
  type (page, "Time taken", "late evening");
  click (named (page, GTK_TYPE_BUTTON, "Add to plan"));
  g_assert_true (shows_text (page, "24-hour clock"));
  g_assert_cmpstr (gtk_editable_get_text (named (page, GTK_TYPE_ENTRY, "Time taken")), ==, "late evening");
  diary = saved_diary ();
  g_assert_cmpuint (diary->plan->len, ==, 1);
  g_clear_pointer (&diary, ldn_diary_free);

  /* An entry saved elsewhere (another LDN Guide, an import) shows up. */
  {
    g_autoptr(LdnUserStore) other = ldn_user_store_open (ldn_user_store_get_path (ldn_application_get_user_store (app)));
    g_autoptr(LdnDiaryEntry) entry = NULL;
    g_autofree char *elsewhere_day = readable_days_ago (12);
    GDate date;

    iso_days_ago (iso, 12);
    g_assert_true (ldn_diary_date_parse (iso, &date));
    entry = ldn_diary_entry_new (&date);
    entry->ratings[1] = 8;
    g_assert_true (ldn_diary_store_add_entry (other, entry, NULL));
    g_assert_false (shows_text (page, elsewhere_day));
    g_assert_true (ldn_user_store_check_for_changes (ldn_application_get_user_store (app)));
    g_assert_true (shows_text (page, elsewhere_day));
  }

  /* The CSV export is one click away. */
  g_assert_true (gtk_widget_is_sensitive (named (page, GTK_TYPE_BUTTON, "Save diary as CSV")));

  ldn_test_close_window (GTK_WINDOW (window));

  /* Everything is there again in a new window. */
  window = open_diary (&page);
  g_assert_true (shows_text (page, baseline_day));
  g_assert_true (shows_text (page, "Pain in my knees"));
  ldn_test_close_window (GTK_WINDOW (window));
}

/* A year of daily entries for three items opens, and a check-in is saved,
 * with every entry listed (the times are printed, not asserted: speed
 * targets belong in benchmarks). */
static void
test_a_year_of_entries (void)
{
  LdnUserStore *store = ldn_application_get_user_store (app);
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  g_autoptr(LdnDiary) diary = NULL;
  g_autofree char *first_day = readable_days_ago (364);
  GtkWidget *page;
  LdnWindow *window;
  gint64 began;
  char iso[11];

  g_assert_true (ldn_user_store_delete_all (store, NULL));
  for (guint i = 0; i < 3; i++)
    {
      static const char *labels[] = { "Pain", "Tiredness", "Sleep" };
      g_autofree char *id = ldn_diary_store_add_item (store, labels[i], "", "", LDN_DIARY_EVERY_DAY, NULL);

      g_assert_nonnull (id);
    }
  for (int ago = 364; ago >= 1; ago--)
    {
      g_autoptr(LdnDiaryEntry) entry = NULL;
      GDate date;

      iso_days_ago (iso, ago);
      g_assert_true (ldn_diary_date_parse (iso, &date));
      entry = ldn_diary_entry_new (&date);
      for (guint i = 0; i < 3; i++)
        entry->ratings[i] = g_rand_int_range (rand, 0, 11);
      g_assert_true (ldn_diary_store_add_entry (store, entry, NULL));
    }

  began = g_get_monotonic_time ();
  window = open_diary (&page);
  g_test_message ("the diary with a year of entries opened in %.0f ms", (g_get_monotonic_time () - began) / 1000.0);
  iso_days_ago (iso, 0);
  type (page, "Date of the entry", iso);
  gtk_spin_button_set_value (named (page, GTK_TYPE_SPIN_BUTTON, "Tiredness, from 0 to 10"), 6);
  began = g_get_monotonic_time ();
  click (named (page, GTK_TYPE_BUTTON, "Save entry"));
  g_test_message ("a check-in was saved and the page updated in %.0f ms", (g_get_monotonic_time () - began) / 1000.0);
  diary = saved_diary ();
  g_assert_cmpuint (diary->entries->len, ==, 365);

  /* The newest are listed; the older ones a click away, each click more. */
  g_assert_false (shows_text (page, first_day));
  while (!shows_text (page, first_day))
    click (named (page, GTK_TYPE_BUTTON, "Show older entries"));
  g_assert_false (gtk_widget_get_visible (named (page, GTK_TYPE_BUTTON, "Show older entries")));
  ldn_test_close_window (GTK_WINDOW (window));
  g_assert_true (ldn_user_store_delete_all (store, NULL));
}

/* The top of WIDGET on PAGE, once both are laid out. */
static double
top_of (GtkWidget *page,
        GtkWidget *widget)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, page, &bounds));
  return bounds.origin.y;
}

static gboolean
is_drawable (gpointer widget)
{
  return gtk_widget_is_drawable (widget);
}

/* Laid out below the page's title: never at its very top. */
static gboolean
is_laid_out (gpointer widget)
{
  GtkWidget *page = gtk_widget_get_ancestor (widget, LDN_TYPE_DIARY_PAGE);
  graphene_rect_t bounds;

  return gtk_widget_is_drawable (widget) && gtk_widget_compute_bounds (widget, page, &bounds) &&
         bounds.origin.y > 0;
}

/* A new diary guides set-up first, unfolded, above the check-in. Once
 * something is followed, the page opens on the check-in for today, with
 * set-up folded below it and one click away. */
static void
test_check_in_first (void)
{
  LdnUserStore *store = ldn_application_get_user_store (app);
  GtkWidget *page, *setup, *date;
  LdnWindow *window;

  g_assert_true (ldn_user_store_delete_all (store, NULL));
  window = open_diary (&page);
  setup = named (page, GTK_TYPE_EXPANDER, "Set up");
  date = named (page, GTK_TYPE_ENTRY, "Date of the entry");
  g_assert_true (gtk_expander_get_expanded (GTK_EXPANDER (setup)));
  ldn_test_iterate_until (is_laid_out, named (page, GTK_TYPE_ENTRY, "What to follow"));
  ldn_test_iterate_until (is_laid_out, date);
  g_assert_cmpfloat (top_of (page, named (page, GTK_TYPE_ENTRY, "What to follow")), <, top_of (page, date));
  type (page, "What to follow", "Pain");
  click (named (page, GTK_TYPE_BUTTON, "Follow this"));
  /* Still setting up: the form stays where it was. */
  g_assert_true (gtk_expander_get_expanded (GTK_EXPANDER (setup)));
  ldn_test_close_window (GTK_WINDOW (window));

  window = open_diary (&page);
  setup = named (page, GTK_TYPE_EXPANDER, "Set up");
  date = named (page, GTK_TYPE_ENTRY, "Date of the entry");
  ldn_test_iterate_until (is_laid_out, date);
  ldn_test_iterate_until (is_laid_out, setup);
  g_assert_false (gtk_expander_get_expanded (GTK_EXPANDER (setup)));
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();

    ldn_test_collect (page, GTK_TYPE_ENTRY, entries);
    for (guint i = 0; i < entries->len; i++)
      g_assert_false (ldn_test_has_name (entries->pdata[i], "What to follow") && gtk_widget_is_drawable (entries->pdata[i]));
  }
  g_assert_cmpfloat (top_of (page, date), <, top_of (page, setup));
  g_assert_cmpfloat (top_of (page, named (page, GTK_TYPE_SPIN_BUTTON, "Pain, from 0 to 10")), <, top_of (page, setup));
  /* Set-up is one click away. */
  gtk_expander_set_expanded (GTK_EXPANDER (setup), TRUE);
  ldn_test_iterate_until (is_drawable, named (page, GTK_TYPE_ENTRY, "What to follow"));
  ldn_test_close_window (GTK_WINDOW (window));
  g_assert_true (ldn_user_store_delete_all (store, NULL));
}

/* The calendar in the popover of the button next to the box NAME. */
static GtkCalendar *
calendar_of (GtkWidget  *page,
             const char *name)
{
  g_autofree char *button_name = g_strdup_printf ("%s: choose from a calendar", name);
  GtkMenuButton *button = named (page, GTK_TYPE_MENU_BUTTON, button_name);
  GtkWidget *calendar = gtk_popover_get_child (gtk_menu_button_get_popover (button));

  g_assert_true (GTK_IS_CALENDAR (calendar));
  return GTK_CALENDAR (calendar);
}

static void
choose_days_ago (GtkCalendar *calendar,
                 int          days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, -days);

  gtk_calendar_select_day (calendar, day);
}

/* Every date in the Diary is typed (year-month-day, or written out as the
 * app shows dates) or chosen from a calendar button next to its box, as
 * the checklist's "Since" is; a day not come yet is refused for an entry
 * (not for a planned start), next to the box, and what was typed stays. */
static void
test_dates_typed_or_chosen (void)
{
  LdnUserStore *store = ldn_application_get_user_store (app);
  g_autoptr(LdnDiary) diary = NULL;
  g_autofree char *written = readable_days_ago (2);
  GtkWidget *page;
  LdnWindow *window;
  char iso[11];

  g_assert_true (ldn_user_store_delete_all (store, NULL));
  g_free (ldn_diary_store_add_item (store, "Pain", "", "", LDN_DIARY_EVERY_DAY, NULL));
  window = open_diary (&page);

  /* Chosen from the calendar: the box shows it. */
  choose_days_ago (calendar_of (page, "Date of the entry"), 4);
  iso_days_ago (iso, 4);
  g_assert_cmpstr (gtk_editable_get_text (named (page, GTK_TYPE_ENTRY, "Date of the entry")), ==, iso);
  /* A day to come, chosen: refused next to the box, which keeps its date. */
  choose_days_ago (calendar_of (page, "Date of the entry"), -2);
  g_assert_true (shows_text (page, "That date is in the future."));
  g_assert_cmpstr (gtk_editable_get_text (named (page, GTK_TYPE_ENTRY, "Date of the entry")), ==, iso);

  /* Numbers in a country's order are refused, the text kept. */
  type (page, "Date of the entry", "30/11/2026");
  gtk_spin_button_set_value (named (page, GTK_TYPE_SPIN_BUTTON, "Pain, from 0 to 10"), 4);
  click (named (page, GTK_TYPE_BUTTON, "Save entry"));
  g_assert_true (shows_text (page, "Type the date as year-month-day"));
  g_assert_cmpstr (gtk_editable_get_text (named (page, GTK_TYPE_ENTRY, "Date of the entry")), ==, "30/11/2026");
  diary = saved_diary ();
  g_assert_cmpuint (diary->entries->len, ==, 0);
  g_clear_pointer (&diary, ldn_diary_free);

  /* Written out, as the page shows dates: saved for that day. */
  type (page, "Date of the entry", written);
  click (named (page, GTK_TYPE_BUTTON, "Save entry"));
  g_assert_false (shows_text (page, "Type the date as year-month-day"));
  diary = saved_diary ();
  g_assert_cmpuint (diary->entries->len, ==, 1);
  iso_days_ago (iso, 2);
  {
    g_autofree char *saved = ldn_diary_date_format (&((LdnDiaryEntry *) diary->entries->pdata[0])->date);

    g_assert_cmpstr (saved, ==, iso);
  }
  g_clear_pointer (&diary, ldn_diary_free);

  /* A start planned for a day still to come is a date too. */
  gtk_expander_set_expanded (named (page, GTK_TYPE_EXPANDER, "Set up"), TRUE);
  choose_days_ago (calendar_of (page, "Start date"), -7);
  iso_days_ago (iso, -7);
  g_assert_cmpstr (gtk_editable_get_text (named (page, GTK_TYPE_ENTRY, "Start date")), ==, iso);
  click (named (page, GTK_TYPE_BUTTON, "Set start date"));
  diary = saved_diary ();
  g_assert_true (diary->has_start);
  g_clear_pointer (&diary, ldn_diary_free);
  choose_days_ago (calendar_of (page, "Plan from"), 1);
  iso_days_ago (iso, 1);
  g_assert_cmpstr (gtk_editable_get_text (named (page, GTK_TYPE_ENTRY, "Plan from")), ==, iso);

  ldn_test_close_window (GTK_WINDOW (window));
  g_assert_true (ldn_user_store_delete_all (store, NULL));
}

/* A suggestion to follow is never also one of the side effects the
 * check-in ticks: the same thing would be recorded twice a day. */
static void
test_suggestions_are_not_side_effects (void)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  GtkWidget *page;
  LdnWindow *window;
  guint n_suggestions = 0;

  g_assert_true (ldn_user_store_delete_all (ldn_application_get_user_store (app), NULL));
  window = open_diary (&page);
  ldn_test_collect (named (page, GTK_TYPE_FLOW_BOX, "Suggestions"), GTK_TYPE_BUTTON, buttons);
  ldn_test_collect (page, GTK_TYPE_CHECK_BUTTON, checks);
  for (guint i = 0; i < buttons->len; i++)
    {
      const char *suggestion = gtk_button_get_label (buttons->pdata[i]);

      n_suggestions++;
      for (guint j = 0; j < checks->len; j++)
        {
          const char *effect = gtk_check_button_get_label (checks->pdata[j]);
          g_autofree char *a = g_utf8_casefold (suggestion, -1);
          g_autofree char *b = g_utf8_casefold (effect != NULL ? effect : "", -1);

          if (g_str_equal (a, b))
            g_error ("“%s” is both a suggestion to follow and a side effect", suggestion);
        }
    }
  g_assert_cmpuint (n_suggestions, ==, 4);
  ldn_test_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  app = ldn_test_ui_init (&argc, &argv);

  ldn_test_add_func ("/diary/keep-a-diary", test_keep_a_diary);
  ldn_test_add_func ("/diary/a-year-of-entries", test_a_year_of_entries);
  ldn_test_add_func ("/diary/fits-a-phone", test_fits_a_phone);
  ldn_test_add_func ("/diary/check-in-first", test_check_in_first);
  ldn_test_add_func ("/diary/dates-typed-or-chosen", test_dates_typed_or_chosen);
  ldn_test_add_func ("/diary/suggestions-are-not-side-effects", test_suggestions_are_not_side_effects);

  result = g_test_run ();
  g_clear_object (&app);

  return result;
}

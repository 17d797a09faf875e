/* test-diary-summary.c: the diary's descriptive summaries (baseline, medians,
 * how much was recorded), never a verdict.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "model/ldn-diary-summary.h"

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

static LdnDiary *
new_diary (LdnDiaryEvery every)
{
  LdnDiary *diary = ldn_diary_new ();

  g_ptr_array_add (diary->items, ldn_diary_item_new ("pain", "Pain", "none", "worst", every));
  return diary;
}

static LdnDiaryEntry *
rate (LdnDiary *diary, GDate date, int rating)
{
  LdnDiaryEntry *entry = ldn_diary_entry_new (&date);

  entry->ratings[0] = rating;
  g_ptr_array_add (diary->entries, entry);
  return entry;
}

static void
set_start (LdnDiary *diary, GDate start)
{
  diary->has_start = TRUE;
  diary->start = start;
}

static const LdnDiaryItemSummary *
item0 (const LdnDiarySummary *summary)
{
  g_assert_cmpuint (summary->items->len, ==, 1);
  return &g_array_index (summary->items, LdnDiaryItemSummary, 0);
}

static char *
sentence (const LdnDiarySummary *summary)
{
  return ldn_diary_item_summary_dup_sentence (item0 (summary));
}

/* No verdict words, whatever the numbers. */
static void
assert_no_verdict (const char *text)
{
  static const char *words[] = { "better", "worse", "improv", "working", "works", "score", "effective" };
  g_autofree char *lower = g_utf8_strdown (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (lower, words[i]) != NULL)
      g_error ("“%s” says “%s”", text, words[i]);
}

static void
test_median (void)
{
  double odd[] = { 5, 1, 3 }, even[] = { 4, 2, 6, 8 }, ties[] = { 5, 5, 5, 2 }, one[] = { 7 };

  g_assert_cmpfloat (ldn_diary_median (odd, 3), ==, 3);
  g_assert_cmpfloat (ldn_diary_median (even, 4), ==, 5);
  g_assert_cmpfloat (ldn_diary_median (ties, 4), ==, 5);
  g_assert_cmpfloat (ldn_diary_median (one, 1), ==, 7);
  g_assert_true (isnan (ldn_diary_median (NULL, 0)));
}

static void
test_no_start (void)
{
  g_autoptr(LdnDiary) diary = new_diary (LDN_DIARY_EVERY_DAY);
  GDate today = day (2027, 3, 31);
  g_autoptr(LdnDiarySummary) summary = NULL;
  g_autofree char *text = NULL;

  for (int i = 0; i < 10; i++)
    rate (diary, plus (today, -2 * i), 4 + i % 3);
  summary = ldn_diary_summary_new (diary, &today);
  g_assert_cmpint (item0 (summary)->baseline_state, ==, LDN_DIARY_BASELINE_NO_START);
  g_assert_false (item0 (summary)->has_recent);
  g_assert_cmpuint (item0 (summary)->last_weeks.n_recorded, ==, 10);
  g_assert_cmpuint (item0 (summary)->last_weeks.n_possible, ==, 28);
  text = sentence (summary);
  g_assert_nonnull (strstr (text, "No start date yet"));
  g_assert_nonnull (strstr (text, "10 of 28 days recorded"));
  assert_no_verdict (text);
}

static void
test_no_start_nothing (void)
{
  g_autoptr(LdnDiary) diary = new_diary (LDN_DIARY_EVERY_DAY);
  GDate today = day (2027, 3, 31);
  g_autoptr(LdnDiarySummary) summary = ldn_diary_summary_new (diary, &today);
  g_autofree char *text = sentence (summary);

  g_assert_nonnull (strstr (text, "Nothing recorded in the last 4 weeks"));
  g_assert_cmpuint (summary->n_entries, ==, 0);
}

/* A start date but nothing before it. */
static void
test_no_baseline (void)
{
  g_autoptr(LdnDiary) diary = new_diary (LDN_DIARY_EVERY_DAY);
  GDate start = day (2027, 3, 1), today = day (2027, 3, 31);
  g_autoptr(LdnDiarySummary) summary = NULL;
  g_autofree char *text = NULL;

  set_start (diary, start);
  for (int i = 0; i < 30; i++)
    rate (diary, plus (start, i), 5);
  summary = ldn_diary_summary_new (diary, &today);
  g_assert_cmpint (item0 (summary)->baseline_state, ==, LDN_DIARY_BASELINE_TOO_LITTLE);
  g_assert_cmpuint (item0 (summary)->baseline.n_recorded, ==, 0);
  g_assert_true (isnan (item0 (summary)->baseline.median));
  text = sentence (summary);
  g_assert_nonnull (strstr (text, "Too little baseline to compare: 0 of the 14 days needed were recorded"));
  g_assert_nonnull (strstr (text, "Median 5 in the last 4 weeks; 27 of 28 days recorded."));
  assert_no_verdict (text);
}

/* 13 days is one too few; 14 is enough; days before the 4-week window do not count. */
static void
test_baseline_threshold (void)
{
  for (int n = 13; n <= 14; n++)
    {
      g_autoptr(LdnDiary) diary = new_diary (LDN_DIARY_EVERY_DAY);
      GDate start = day (2027, 3, 1), today = day (2027, 3, 10);
      g_autoptr(LdnDiarySummary) summary = NULL;
      g_autofree char *text = NULL;

      set_start (diary, start);
      /* Old records outside the window: ignored. */
      for (int i = 0; i < 20; i++)
        rate (diary, plus (start, -60 - i), 9);
      /* Every other day in the window. */
      for (int i = 0; i < n; i++)
        rate (diary, plus (start, -1 - 2 * i), 6);
      rate (diary, plus (start, 2), 4);
      ldn_diary_sort (diary);
      summary = ldn_diary_summary_new (diary, &today);
      g_assert_cmpuint (item0 (summary)->baseline.n_recorded, ==, n);
      g_assert_cmpuint (item0 (summary)->baseline.n_possible, ==, 28);
      g_assert_cmpfloat (item0 (summary)->baseline.high, ==, 6);
      g_assert_cmpint (item0 (summary)->baseline_state, ==,
                       n == 14 ? LDN_DIARY_BASELINE_ENOUGH : LDN_DIARY_BASELINE_TOO_LITTLE);
      text = sentence (summary);
      if (n == 14)
        g_assert_cmpstr (text, ==, "Median 6 before (range 6 to 6), 4 in the 10 days since the start "
                                   "(range 4 to 4); 1 of 10 days recorded.");
      else
        g_assert_nonnull (strstr (text, "13 of the 14 days needed were recorded in the 4 weeks before the start."));
      assert_no_verdict (text);
    }
}

/* Gaps count as not recorded; ties and even counts in the medians. */
static void
test_gaps_and_ties (void)
{
  g_autoptr(LdnDiary) diary = new_diary (LDN_DIARY_EVERY_DAY);
  GDate start = day (2027, 6, 1), today = day (2027, 9, 1);
  g_autoptr(LdnDiarySummary) summary = NULL;
  g_autofree char *text = NULL;
  static const int before[] = { 3, 7, 7, 2, 7, 4, 8, 6, 6, 5, 7, 5, 3, 6, 6, 4 };

  set_start (diary, start);
  for (guint i = 0; i < G_N_ELEMENTS (before); i++)
    rate (diary, plus (start, -28 + (int) i), before[i]);
  /* After: 18 of the last 28 days, values 4 and 5 alternating (median 4.5). */
  for (int i = 0; i < 18; i++)
    rate (diary, plus (today, i < 9 ? -27 + i : -8 + (i - 9)), i % 2 ? 5 : 4);
  ldn_diary_sort (diary);
  summary = ldn_diary_summary_new (diary, &today);
  g_assert_cmpint (item0 (summary)->baseline_state, ==, LDN_DIARY_BASELINE_ENOUGH);
  g_assert_cmpuint (item0 (summary)->baseline.n_recorded, ==, 16);
  /* Sorted: 2 3 3 4 4 5 5 6 6 6 6 7 7 7 7 8: the middle two are 6 and 6. */
  g_assert_cmpfloat (item0 (summary)->baseline.median, ==, 6);
  g_assert_cmpfloat (item0 (summary)->baseline.low, ==, 2);
  g_assert_cmpfloat (item0 (summary)->baseline.high, ==, 8);
  g_assert_cmpuint (item0 (summary)->recent.n_recorded, ==, 18);
  g_assert_cmpuint (item0 (summary)->recent.n_possible, ==, 28);
  g_assert_cmpfloat (item0 (summary)->recent.median, ==, 4.5);
  text = sentence (summary);
  g_assert_cmpstr (text, ==, "Median 6 before (range 2 to 8), 4.5 in the last 4 weeks (range 4 to 5); "
                             "18 of 28 days recorded.");
  assert_no_verdict (text);
}

/* Weekly items count 7-day blocks: 3 of the 6 weeks before the start is enough. */
static void
test_weekly (void)
{
  for (int n = 2; n <= 3; n++)
    {
      g_autoptr(LdnDiary) diary = new_diary (LDN_DIARY_EVERY_WEEK);
      GDate start = day (2027, 5, 3), today = day (2027, 6, 14);
      g_autoptr(LdnDiarySummary) summary = NULL;
      g_autofree char *text = NULL;

      set_start (diary, start);
      /* Two ratings in the same week count as one recorded week. */
      rate (diary, plus (start, -2), 6);
      rate (diary, plus (start, -4), 8);
      for (int i = 1; i < n; i++)
        rate (diary, plus (start, -1 - 7 * (2 * i)), 7);
      for (int i = 0; i < 4; i++)
        rate (diary, plus (today, -7 * i), 5);
      ldn_diary_sort (diary);
      summary = ldn_diary_summary_new (diary, &today);
      g_assert_cmpuint (item0 (summary)->baseline.n_possible, ==, 6);
      g_assert_cmpuint (item0 (summary)->baseline.n_recorded, ==, n);
      g_assert_cmpint (item0 (summary)->baseline_state, ==,
                       n == 3 ? LDN_DIARY_BASELINE_ENOUGH : LDN_DIARY_BASELINE_TOO_LITTLE);
      g_assert_cmpuint (item0 (summary)->recent.n_possible, ==, 4);
      g_assert_cmpuint (item0 (summary)->recent.n_recorded, ==, 4);
      text = sentence (summary);
      if (n == 3)
        g_assert_cmpstr (text, ==, "Median 7 before (range 6 to 8), 5 in the last 4 weeks (range 5 to 5); "
                                   "4 of 4 weeks recorded.");
      else
        g_assert_nonnull (strstr (text, "2 of the 3 weeks needed were recorded in the 6 weeks before the start."));
    }
}

/* Calendar days, not hours: a baseline across New Year and the spring DST
 * change has exactly 28 days, and the start day is not in it. */
static void
test_calendar_boundaries (void)
{
  static const struct { int y, m, d; } starts[] = { { 2027, 1, 10 }, { 2027, 4, 2 }, { 2026, 11, 5 }, { 2028, 3, 1 } };

  for (guint s = 0; s < G_N_ELEMENTS (starts); s++)
    {
      g_autoptr(LdnDiary) diary = new_diary (LDN_DIARY_EVERY_DAY);
      GDate start = day (starts[s].y, starts[s].m, starts[s].d), today = plus (start, 40);
      g_autoptr(LdnDiarySummary) summary = NULL;

      set_start (diary, start);
      for (int i = -40; i <= 40; i++)
        rate (diary, plus (start, i), i < 0 ? 7 : 3);
      summary = ldn_diary_summary_new (diary, &today);
      g_assert_cmpuint (item0 (summary)->baseline.n_recorded, ==, 28);
      g_assert_cmpfloat (item0 (summary)->baseline.median, ==, 7);
      g_assert_cmpfloat (item0 (summary)->baseline.high, ==, 7);
      {
        GDate last = plus (start, -1), first = plus (start, -28);

        g_assert_cmpint (g_date_compare (&item0 (summary)->baseline.last, &last), ==, 0);
        g_assert_cmpint (g_date_compare (&item0 (summary)->baseline.first, &first), ==, 0);
      }
      g_assert_cmpfloat (item0 (summary)->recent.median, ==, 3);
      g_assert_cmpuint (item0 (summary)->recent.n_recorded, ==, 28);
    }
}

/* Before the start: the baseline so far; entries after "today" are ignored. */
static void
test_before_start (void)
{
  g_autoptr(LdnDiary) diary = new_diary (LDN_DIARY_EVERY_DAY);
  GDate start = day (2027, 3, 1), today = day (2027, 2, 25);
  g_autoptr(LdnDiarySummary) summary = NULL;
  g_autofree char *text = NULL;

  set_start (diary, start);
  for (int i = -27; i <= 10; i++)
    rate (diary, plus (start, i), i > -4 ? 1 : 6);
  summary = ldn_diary_summary_new (diary, &today);
  g_assert_false (item0 (summary)->has_recent);
  g_assert_cmpuint (item0 (summary)->baseline.n_recorded, ==, 24);
  g_assert_cmpfloat (item0 (summary)->baseline.low, ==, 6);
  text = sentence (summary);
  g_assert_cmpstr (text, ==, "Baseline: median 6 (range 6 to 6); 24 of 28 days recorded before the start.");
}

static void
test_side_effects_and_doses (void)
{
  g_autoptr(LdnDiary) diary = new_diary (LDN_DIARY_EVERY_DAY);
  GDate start = day (2027, 3, 1), today = day (2027, 3, 20);
  g_autoptr(LdnDiarySummary) summary = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  LdnDiaryEntry *entry;

  set_start (diary, start);
  g_ptr_array_add (diary->plan, ldn_diary_plan_step_new (&start, 1.5, 22 * 60));
  {
    GDate later = plus (start, 14);

    g_ptr_array_add (diary->plan, ldn_diary_plan_step_new (&later, 3, 21 * 60 + 30));
  }
  entry = rate (diary, plus (start, -3), 5);
  entry->dose_taken = LDN_DIARY_DOSE_MISSED;  /* before the start: not counted */
  entry = rate (diary, plus (start, 2), 5);
  ldn_diary_entry_add_side_effect (entry, "vivid-dreams", 1);
  entry->dose_taken = LDN_DIARY_DOSE_TAKEN;
  entry = rate (diary, plus (start, 5), 5);
  ldn_diary_entry_add_side_effect (entry, "headache", 2);
  ldn_diary_entry_add_side_effect (entry, "vivid-dreams", 1);
  entry->dose_taken = LDN_DIARY_DOSE_MISSED;
  rate (diary, plus (start, 6), 5);
  entry = rate (diary, plus (start, 30), 5);  /* after today */
  ldn_diary_entry_add_side_effect (entry, "nausea", 3);
  entry->dose_taken = LDN_DIARY_DOSE_MISSED;

  summary = ldn_diary_summary_new (diary, &today);
  g_assert_cmpuint (summary->side_effects->len, ==, 3);
  g_assert_cmpstr (g_array_index (summary->side_effects, LdnDiarySideEffectMark, 0).id, ==, "vivid-dreams");
  g_assert_cmpstr (g_array_index (summary->side_effects, LdnDiarySideEffectMark, 1).id, ==, "headache");
  g_assert_cmpint (g_array_index (summary->side_effects, LdnDiarySideEffectMark, 1).severity, ==, 2);
  g_assert_cmpuint (summary->n_taken, ==, 1);
  g_assert_cmpuint (summary->n_missed, ==, 1);
  g_assert_cmpuint (summary->n_dose_unknown, ==, 1);
  g_assert_cmpuint (summary->n_entries, ==, 4);
  g_assert_cmpuint (summary->n_days_since_start, ==, 20);
  lines = ldn_diary_dup_dose_lines (diary, summary);
  g_assert_cmpuint (lines->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "1.5 mg at 22:00 from 1 March 2027");
  g_assert_cmpstr (g_ptr_array_index (lines, 1), ==, "3 mg at 21:30 from 15 March 2027");
  /* The counts are of entries; the days without one are said too. */
  g_assert_cmpstr (g_ptr_array_index (lines, 2), ==,
                   "Dose log, of 3 entries since the start: 1 marked taken, 1 marked missed, 1 not marked; "
                   "no entry on 17 days.");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/diary-summary/median", test_median);
  g_test_add_func ("/diary-summary/no-start", test_no_start);
  g_test_add_func ("/diary-summary/no-start-nothing", test_no_start_nothing);
  g_test_add_func ("/diary-summary/no-baseline", test_no_baseline);
  g_test_add_func ("/diary-summary/baseline-threshold", test_baseline_threshold);
  g_test_add_func ("/diary-summary/gaps-and-ties", test_gaps_and_ties);
  g_test_add_func ("/diary-summary/weekly", test_weekly);
  g_test_add_func ("/diary-summary/calendar-boundaries", test_calendar_boundaries);
  g_test_add_func ("/diary-summary/before-start", test_before_start);
  g_test_add_func ("/diary-summary/side-effects-and-doses", test_side_effects_and_doses);
  return g_test_run ();
}

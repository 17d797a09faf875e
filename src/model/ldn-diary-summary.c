/* ldn-diary-summary.c: descriptive summaries of the person's diary
 *
 * See the header for how the baseline and the recent period are chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "ldn-diary-summary.h"
#include "util/ldn-language.h"

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
ldn_diary_median (double *values,
                  guint   n)
{
  if (n == 0)
    return NAN;
  qsort (values, n, sizeof (double), compare_double);
  if (n % 2 == 1)
    return values[n / 2];
  return (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
period_clear (LdnDiaryPeriod *period)
{
  g_date_clear (&period->first, 1);
  g_date_clear (&period->last, 1);
  period->n_recorded = period->n_possible = period->n_values = 0;
  period->median = period->low = period->high = NAN;
}

/* The ratings of ITEM from FIRST to LAST (Julian days, inclusive), entries
 * after UNTIL ignored; weekly items count 7-day blocks back from LAST. */
static void
period_fill (LdnDiaryPeriod *period,
             const LdnDiary *diary,
             guint           item,
             LdnDiaryEvery   every,
             guint32         first,
             guint32         last,
             guint32         until)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  guint32 days = last - first + 1;
  guint n_blocks = every == LDN_DIARY_EVERY_WEEK ? (days + 6) / 7 : days;
  g_autofree gboolean *recorded = g_new0 (gboolean, n_blocks);

  period_clear (period);
  g_date_set_julian (&period->first, first);
  g_date_set_julian (&period->last, last);
  period->n_possible = n_blocks;

  for (guint i = 0; i < diary->entries->len; i++)
    {
      const LdnDiaryEntry *entry = g_ptr_array_index (diary->entries, i);
      guint32 day = g_date_get_julian (&entry->date);
      int rating = entry->ratings[item];
      double value;
      guint block;

      if (day < first || day > last || day > until || rating == LDN_DIARY_RATING_NONE)
        continue;
      value = rating;
      g_array_append_val (values, value);
      block = every == LDN_DIARY_EVERY_WEEK ? (last - day) / 7 : day - first;
      if (!recorded[block])
        {
          recorded[block] = TRUE;
          period->n_recorded++;
        }
    }

  period->n_values = values->len;
  if (values->len > 0)
    {
      period->median = ldn_diary_median ((double *) (void *) values->data, values->len);
      /* Sorted by the median. */
      period->low = g_array_index (values, double, 0);
      period->high = g_array_index (values, double, values->len - 1);
    }
}

static gboolean
date_ok (const GDate *date)
{
  return date != NULL && g_date_valid (date);
}

LdnDiarySummary *
ldn_diary_summary_new (const LdnDiary *diary,
                       const GDate    *until)
{
  LdnDiarySummary *summary = g_new0 (LdnDiarySummary, 1);
  guint32 until_day;
  gboolean has_start;
  guint32 start_day = 0;

  g_return_val_if_fail (diary != NULL, summary);
  g_return_val_if_fail (date_ok (until), summary);

  summary->items = g_array_new (FALSE, TRUE, sizeof (LdnDiaryItemSummary));
  summary->side_effects = g_array_new (FALSE, TRUE, sizeof (LdnDiarySideEffectMark));
  until_day = g_date_get_julian (until);
  has_start = diary->has_start && date_ok (&diary->start);
  if (has_start)
    start_day = g_date_get_julian (&diary->start);

  for (guint i = 0; i < diary->items->len && i < LDN_DIARY_MAX_ITEMS; i++)
    {
      const LdnDiaryItem *item = g_ptr_array_index (diary->items, i);
      LdnDiaryItemSummary s = { 0 };
      gboolean weekly = item->every == LDN_DIARY_EVERY_WEEK;
      guint32 window = weekly ? 7 * LDN_DIARY_BASELINE_WEEKS : LDN_DIARY_BASELINE_DAYS;

      s.item = i;
      s.every = item->every;
      s.baseline_needed = weekly ? LDN_DIARY_BASELINE_MIN_WEEKS : LDN_DIARY_BASELINE_MIN_DAYS;
      period_clear (&s.baseline);
      period_clear (&s.recent);
      /* Julian day 1 is the earliest GDate: windows are clipped there. */
      period_fill (&s.last_weeks, diary, i, item->every,
                   until_day > LDN_DIARY_RECENT_DAYS ? until_day - LDN_DIARY_RECENT_DAYS + 1 : 1,
                   until_day, until_day);

      if (!has_start || start_day <= 1)
        s.baseline_state = LDN_DIARY_BASELINE_NO_START;
      else
        {
          period_fill (&s.baseline, diary, i, item->every,
                       start_day > window ? start_day - window : 1, start_day - 1, until_day);
          s.baseline_state = s.baseline.n_recorded >= s.baseline_needed ? LDN_DIARY_BASELINE_ENOUGH
                                                                          : LDN_DIARY_BASELINE_TOO_LITTLE;
          if (start_day <= until_day)
            {
              guint32 first = until_day > LDN_DIARY_RECENT_DAYS ? until_day - LDN_DIARY_RECENT_DAYS + 1 : 1;

              s.has_recent = TRUE;
              period_fill (&s.recent, diary, i, item->every, MAX (first, start_day), until_day, until_day);
            }
        }
      g_array_append_val (summary->items, s);
    }

  if (has_start && start_day <= until_day)
    summary->n_days_since_start = until_day - start_day + 1;
  for (guint i = 0; i < diary->entries->len; i++)
    {
      const LdnDiaryEntry *entry = g_ptr_array_index (diary->entries, i);
      guint32 day = g_date_get_julian (&entry->date);

      if (day > until_day)
        continue;
      summary->n_entries++;
      for (guint j = 0; j < entry->side_effects->len; j++)
        {
          const LdnDiarySideEffect *effect = g_ptr_array_index (entry->side_effects, j);
          LdnDiarySideEffectMark mark = { .date = entry->date, .id = effect->id, .severity = effect->severity };

          g_array_append_val (summary->side_effects, mark);
        }
      if (has_start && day >= start_day)
        switch (entry->dose_taken)
          {
          case LDN_DIARY_DOSE_TAKEN:
            summary->n_taken++;
            break;
          case LDN_DIARY_DOSE_MISSED:
            summary->n_missed++;
            break;
          case LDN_DIARY_DOSE_UNKNOWN:
          default:
            summary->n_dose_unknown++;
            break;
          }
    }

  return summary;
}

void
ldn_diary_summary_free (LdnDiarySummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->items, g_array_unref);
  g_clear_pointer (&summary->side_effects, g_array_unref);
  g_free (summary);
}

char *
ldn_diary_format_rating (double value)
{
  if (isnan (value))
    return g_strdup ("–");
  if (fabs (value - round (value)) < 1e-9)
    return g_strdup_printf ("%d", (int) round (value));
  return g_strdup_printf ("%.1f", value);
}

/* "18 of 28 days recorded" */
static char *
dup_recorded (const LdnDiaryPeriod *period,
              LdnDiaryEvery         every)
{
  if (every == LDN_DIARY_EVERY_WEEK)
    return g_strdup_printf (ngettext ("%u of %u week recorded", "%u of %u weeks recorded", period->n_possible),
                            period->n_recorded, period->n_possible);
  return g_strdup_printf (ngettext ("%u of %u day recorded", "%u of %u days recorded", period->n_possible),
                          period->n_recorded, period->n_possible);
}

/* "in the last 4 weeks" or "in the 9 days since the start" */
static char *
dup_recent_span (const LdnDiaryPeriod *period,
                 gboolean              since_start)
{
  guint days = g_date_get_julian (&period->last) - g_date_get_julian (&period->first) + 1;

  if (!since_start || days >= LDN_DIARY_RECENT_DAYS)
    return g_strdup (_("in the last 4 weeks"));
  return g_strdup_printf (ngettext ("in the %u day since the start", "in the %u days since the start", days), days);
}

char *
ldn_diary_item_summary_dup_sentence (const LdnDiaryItemSummary *s)
{
  GString *text = g_string_new (NULL);
  gboolean weekly = s->every == LDN_DIARY_EVERY_WEEK;

  g_return_val_if_fail (s != NULL, g_strdup (""));

  if (s->baseline_state == LDN_DIARY_BASELINE_NO_START)
    {
      g_autofree char *recorded = dup_recorded (&s->last_weeks, s->every);

      g_string_append (text, _("No start date yet, so there is nothing to compare."));
      g_string_append_c (text, ' ');
      if (s->last_weeks.n_values == 0)
        g_string_append (text, _("Nothing recorded in the last 4 weeks."));
      else
        {
          g_autofree char *median = ldn_diary_format_rating (s->last_weeks.median);

          /* Translators: "Median 6 in the last 4 weeks; 18 of 28 days recorded." */
          g_string_append_printf (text, _("Median %s in the last 4 weeks; %s."), median, recorded);
        }
      return g_string_free (text, FALSE);
    }

  if (s->baseline_state == LDN_DIARY_BASELINE_TOO_LITTLE)
    {
      if (weekly)
        g_string_append_printf (text, ngettext ("Too little baseline to compare: %u of the %u weeks needed was "
                                                "recorded in the 6 weeks before the start.",
                                                "Too little baseline to compare: %u of the %u weeks needed were "
                                                "recorded in the 6 weeks before the start.",
                                                s->baseline.n_recorded),
                                s->baseline.n_recorded, s->baseline_needed);
      else
        g_string_append_printf (text, ngettext ("Too little baseline to compare: %u of the %u days needed was "
                                                "recorded in the 4 weeks before the start.",
                                                "Too little baseline to compare: %u of the %u days needed were "
                                                "recorded in the 4 weeks before the start.",
                                                s->baseline.n_recorded),
                                s->baseline.n_recorded, s->baseline_needed);
      if (s->has_recent)
        {
          g_autofree char *span = dup_recent_span (&s->recent, TRUE);
          g_autofree char *recorded = dup_recorded (&s->recent, s->every);

          g_string_append_c (text, ' ');
          if (s->recent.n_values == 0)
            /* Translators: "Nothing recorded in the last 4 weeks; 0 of 28 days recorded." */
            g_string_append_printf (text, _("Nothing recorded %s."), span);
          else
            {
              g_autofree char *median = ldn_diary_format_rating (s->recent.median);

              /* Translators: "Median 5 in the last 4 weeks; 18 of 28 days recorded." */
              g_string_append_printf (text, _("Median %s %s; %s."), median, span, recorded);
            }
        }
      return g_string_free (text, FALSE);
    }

  {
    g_autofree char *before = ldn_diary_format_rating (s->baseline.median);
    g_autofree char *before_low = ldn_diary_format_rating (s->baseline.low);
    g_autofree char *before_high = ldn_diary_format_rating (s->baseline.high);
    g_autofree char *baseline_recorded = dup_recorded (&s->baseline, s->every);

    if (!s->has_recent)
      {
        /* Translators: "Baseline: median 6 (range 4 to 8); 20 of 28 days recorded before the start." */
        g_string_append_printf (text, _("Baseline: median %s (range %s to %s); %s before the start."),
                                before, before_low, before_high, baseline_recorded);
      }
    else if (s->recent.n_values == 0)
      {
        g_autofree char *span = dup_recent_span (&s->recent, TRUE);

        /* Translators: "Median 6 before (range 4 to 8); nothing recorded in the last 4 weeks." */
        g_string_append_printf (text, _("Median %s before (range %s to %s); nothing recorded %s."),
                                before, before_low, before_high, span);
      }
    else
      {
        g_autofree char *after = ldn_diary_format_rating (s->recent.median);
        g_autofree char *after_low = ldn_diary_format_rating (s->recent.low);
        g_autofree char *after_high = ldn_diary_format_rating (s->recent.high);
        g_autofree char *span = dup_recent_span (&s->recent, TRUE);
        g_autofree char *recorded = dup_recorded (&s->recent, s->every);

        /* Translators: "Median 6 before (range 4 to 8), 5 in the last 4 weeks (range 3 to 7); 18 of 28 days
         * recorded." Descriptive only: never say better or worse. */
        g_string_append_printf (text, _("Median %s before (range %s to %s), %s %s (range %s to %s); %s."),
                                before, before_low, before_high, after, span, after_low, after_high, recorded);
      }
  }
  return g_string_free (text, FALSE);
}

static char *
dup_date (const GDate *date)
{
  char iso[16];

  g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
  return ldn_language_format_iso_date (iso);
}

GPtrArray *
ldn_diary_dup_dose_lines (const LdnDiary        *diary,
                          const LdnDiarySummary *summary)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < diary->plan->len; i++)
    {
      const LdnDiaryPlanStep *step = g_ptr_array_index (diary->plan, i);
      g_autofree char *date = dup_date (&step->from);
      g_autofree char *dose = g_strdup_printf ("%g", step->dose_mg);

      /* Translators: "4.5 mg at 22:00 from 3 March 2027", as the person typed it from the prescription. */
      g_ptr_array_add (lines, g_strdup_printf (_("%s mg at %02d:%02d from %s"), dose, step->minutes / 60,
                                               step->minutes % 60, date));
    }
  if (summary != NULL && summary->n_taken + summary->n_missed > 0)
    {
      guint n = summary->n_taken + summary->n_missed + summary->n_dose_unknown;
      guint empty = summary->n_days_since_start > n ? summary->n_days_since_start - n : 0;
      /* Translators: part of "Dose log, of 49 entries since the start: ...". */
      g_autofree char *entries = g_strdup_printf (ngettext ("%u entry", "%u entries", n), n);

      if (empty > 0)
        {
          /* Translators: part of "...; no entry on 13 days": days since the start without a diary entry. */
          g_autofree char *days = g_strdup_printf (ngettext ("no entry on %u day", "no entry on %u days", empty),
                                                   empty);

          /* Translators: "Dose log, of 49 entries since the start: 41 marked taken, 5 marked missed,
           * 3 not marked; no entry on 13 days." The first %s is "49 entries", the last "no entry on 13 days". */
          g_ptr_array_add (lines, g_strdup_printf (_("Dose log, of %s since the start: %u marked taken, "
                                                     "%u marked missed, %u not marked; %s."),
                                                   entries, summary->n_taken, summary->n_missed,
                                                   summary->n_dose_unknown, days));
        }
      else
        /* Translators: "Dose log, of 49 entries since the start: 41 marked taken, 5 marked missed,
         * 3 not marked." (an entry on every day). */
        g_ptr_array_add (lines, g_strdup_printf (_("Dose log, of %s since the start: %u marked taken, "
                                                   "%u marked missed, %u not marked."),
                                                 entries, summary->n_taken, summary->n_missed,
                                                 summary->n_dose_unknown));
    }
  return lines;
}

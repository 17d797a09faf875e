/* ldn-diary-summary.h: descriptive summaries of the person's diary (no GTK)
 *
 * Nothing here judges whether a medicine works: the summary says what was
 * recorded and its medians, never "better" or "worse", never a score.
 *
 * How the baseline is judged (also in help/C/sheet.page):
 * - The baseline window is the 28 days (daily items) or the 6 weeks = 42
 *   days (weekly items) just before the start date, the start date itself
 *   excluded. Entries before that window are drawn but not summarised.
 * - A daily item counts the days in the window with a rating; a weekly item
 *   counts the 7-day blocks, counted back from the day before the start, with
 *   at least one rating.
 * - The baseline is enough when at least 14 days (daily) or 3 weeks (weekly)
 *   in the window are recorded. Without a start date there is no baseline.
 * - The recent period is the 28 days up to and including UNTIL (normally
 *   today), but never before the start date: "the last 4 weeks", or the
 *   days/weeks since the start when that is shorter. Weekly items count
 *   7-day blocks counted back from UNTIL.
 * - Medians are of every rating in the period (the mean of the two middle
 *   ones when their number is even); the range is the lowest and highest.
 * - Entries after UNTIL are ignored.
 */
#pragma once

#include <glib.h>

#include "model/ldn-diary.h"

G_BEGIN_DECLS

#define LDN_DIARY_BASELINE_DAYS          28  /* window before the start, daily items */
#define LDN_DIARY_BASELINE_WEEKS          6  /* window before the start, weekly items */
#define LDN_DIARY_BASELINE_MIN_DAYS      14
#define LDN_DIARY_BASELINE_MIN_WEEKS      3
#define LDN_DIARY_RECENT_DAYS            28

/* The ratings of one period. Medians and ranges are NAN when n_values is 0. */
typedef struct {
  GDate   first;        /* the period's first and last day (valid when n_possible > 0) */
  GDate   last;
  guint   n_recorded;   /* days (daily) or 7-day blocks (weekly) with a rating */
  guint   n_possible;   /* days or blocks in the period */
  guint   n_values;     /* ratings in the period */
  double  median;
  double  low;
  double  high;
} LdnDiaryPeriod;

typedef enum {
  LDN_DIARY_BASELINE_NO_START,    /* no start date: nothing to compare */
  LDN_DIARY_BASELINE_TOO_LITTLE,  /* fewer than the days/weeks needed */
  LDN_DIARY_BASELINE_ENOUGH,
} LdnDiaryBaselineState;

typedef struct {
  guint                  item;        /* index into diary->items */
  LdnDiaryEvery          every;
  LdnDiaryBaselineState  baseline_state;
  guint                  baseline_needed;   /* 14 days or 3 weeks */
  LdnDiaryPeriod         baseline;          /* empty (n_possible 0) without a start */
  gboolean               has_recent;        /* a start date on or before UNTIL */
  LdnDiaryPeriod         recent;
  /* Without a start (or before it): the last 28 days up to UNTIL, all entries. */
  LdnDiaryPeriod         last_weeks;
} LdnDiaryItemSummary;

/* One side effect on a date, in date order. */
typedef struct {
  GDate       date;
  const char *id;        /* borrowed from the diary */
  int         severity;  /* 1 mild, 2 moderate, 3 severe */
} LdnDiarySideEffectMark;

typedef struct {
  GArray  *items;            /* of LdnDiaryItemSummary, one per diary item */
  GArray  *side_effects;     /* of LdnDiarySideEffectMark, by date */
  guint    n_taken;          /* entries from the start on, dose marked taken */
  guint    n_missed;         /* ... marked missed */
  guint    n_dose_unknown;   /* ... not marked */
  guint    n_entries;        /* entries up to UNTIL */
  guint    n_days_since_start; /* days from the start to UNTIL, both counted; 0 without a start */
} LdnDiarySummary;

/* Summarises DIARY up to and including UNTIL (normally today). */
LdnDiarySummary *ldn_diary_summary_new   (const LdnDiary *diary,
                                          const GDate    *until);
void             ldn_diary_summary_free  (LdnDiarySummary *summary);

/* Median of N values (sorts VALUES in place); NAN when N is 0. */
double           ldn_diary_median        (double *values,
                                          guint   n);

/* The descriptive sentence(s) for one item, translated, e.g. "Median 6
 * before, 5 in the last 4 weeks; 18 of 28 days recorded." or "Too little
 * baseline to compare: 9 of the 14 days needed were recorded in the 4 weeks
 * before the start." Never a verdict. */
char            *ldn_diary_item_summary_dup_sentence (const LdnDiaryItemSummary *summary);

/* A number as the summaries print it: "6", "5.5". */
char            *ldn_diary_format_rating (double value);

/* "4.5 mg at 22:00 from 3 March 2027" for each plan step, in order, plus
 * "Doses marked missed: N" when a dose log exists; translated, owned strings. */
GPtrArray       *ldn_diary_dup_dose_lines (const LdnDiary        *diary,
                                           const LdnDiarySummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdnDiarySummary, ldn_diary_summary_free)

G_END_DECLS

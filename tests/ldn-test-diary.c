/* ldn-test-diary.c: a year of diary entries for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ldn-test-diary.h"

LdnDiary *
ldn_test_diary_new_year (GDate *until)
{
  LdnDiary *diary = ldn_diary_new ();
  GDate date, change;
  guint n = 0;

  g_date_clear (until, 1);
  g_date_set_dmy (until, 31, G_DATE_DECEMBER, 2027);
  g_ptr_array_add (diary->items, ldn_diary_item_new ("pain", "Pain", "no pain", "worst pain", LDN_DIARY_EVERY_DAY));
  g_ptr_array_add (diary->items, ldn_diary_item_new ("fatigue", "Fatigue", "rested", "exhausted",
                                                     LDN_DIARY_EVERY_DAY));
  g_ptr_array_add (diary->items, ldn_diary_item_new ("sleep", "Sleep", "", "", LDN_DIARY_EVERY_WEEK));
  diary->has_start = TRUE;
  g_date_set_dmy (&diary->start, 1, G_DATE_FEBRUARY, 2027);
  change = diary->start;
  g_date_add_days (&change, 28);
  g_ptr_array_add (diary->plan, ldn_diary_plan_step_new (&diary->start, 1.5, 22 * 60));
  g_ptr_array_add (diary->plan, ldn_diary_plan_step_new (&change, 3, 22 * 60));

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 4, G_DATE_JANUARY, 2027);
  for (; g_date_compare (&date, until) <= 0; g_date_add_days (&date, 1), n++)
    {
      LdnDiaryEntry *entry;
      gboolean after = g_date_compare (&date, &diary->start) >= 0;

      if (g_date_get_month (&date) == G_DATE_JUNE && g_date_get_day (&date) >= 10 && g_date_get_day (&date) < 20)
        continue;
      entry = ldn_diary_entry_new (&date);
      /* Before: 6 and 7 alternating; after: 4, 5, 6 in turn. */
      entry->ratings[0] = after ? 4 + (int) (n % 3) : 6 + (int) (n % 2);
      entry->ratings[1] = (int) ((n * 7) % 11);
      if (g_date_get_weekday (&date) == G_DATE_SUNDAY)
        entry->ratings[2] = 5 + (int) (n % 2);
      if (g_date_get_day (&date) == 15)
        ldn_diary_entry_add_side_effect (entry, "vivid-dreams", 1);
      if (g_date_get_day (&date) == 15 && g_date_get_month (&date) == G_DATE_MARCH)
        ldn_diary_entry_add_side_effect (entry, "headache", 2);
      if (after)
        entry->dose_taken = g_date_get_day (&date) == 3 ? LDN_DIARY_DOSE_MISSED : LDN_DIARY_DOSE_TAKEN;
      g_free (entry->note);
      entry->note = g_strdup_printf ("Day %u", n);
      g_ptr_array_add (diary->entries, entry);
    }
  return diary;
}

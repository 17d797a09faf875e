/* ldn-diary.c: the person's diary as plain data */
#include "ldn-diary.h"

static void
side_effect_free (gpointer data)
{
  LdnDiarySideEffect *effect = data;

  g_free (effect->id);
  g_free (effect);
}

LdnDiary *
ldn_diary_new (void)
{
  LdnDiary *diary = g_new0 (LdnDiary, 1);

  diary->items = g_ptr_array_new_with_free_func ((GDestroyNotify) ldn_diary_item_free);
  diary->plan = g_ptr_array_new_with_free_func (g_free);
  diary->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ldn_diary_entry_free);
  g_date_clear (&diary->start, 1);
  return diary;
}

void
ldn_diary_free (LdnDiary *diary)
{
  if (diary == NULL)
    return;
  g_ptr_array_unref (diary->items);
  g_ptr_array_unref (diary->plan);
  g_ptr_array_unref (diary->entries);
  g_free (diary);
}

LdnDiaryItem *
ldn_diary_item_new (const char    *id,
                    const char    *label,
                    const char    *low,
                    const char    *high,
                    LdnDiaryEvery  every)
{
  LdnDiaryItem *item = g_new0 (LdnDiaryItem, 1);

  item->id = g_strdup (id);
  item->label = g_strdup (label);
  item->low = g_strdup (low != NULL ? low : "");
  item->high = g_strdup (high != NULL ? high : "");
  item->every = every;
  return item;
}

void
ldn_diary_item_free (LdnDiaryItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  g_free (item->label);
  g_free (item->low);
  g_free (item->high);
  g_free (item);
}

LdnDiaryPlanStep *
ldn_diary_plan_step_new (const GDate *from,
                         double       dose_mg,
                         int          minutes)
{
  LdnDiaryPlanStep *step = g_new0 (LdnDiaryPlanStep, 1);

  step->from = *from;
  step->dose_mg = dose_mg;
  step->minutes = minutes;
  return step;
}

LdnDiaryEntry *
ldn_diary_entry_new (const GDate *date)
{
  LdnDiaryEntry *entry = g_new0 (LdnDiaryEntry, 1);

  entry->date = *date;
  for (guint i = 0; i < LDN_DIARY_MAX_ITEMS; i++)
    entry->ratings[i] = LDN_DIARY_RATING_NONE;
  entry->note = g_strdup ("");
  entry->side_effects = g_ptr_array_new_with_free_func (side_effect_free);
  entry->dose_taken = LDN_DIARY_DOSE_UNKNOWN;
  return entry;
}

void
ldn_diary_entry_free (LdnDiaryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->note);
  g_ptr_array_unref (entry->side_effects);
  g_free (entry);
}

void
ldn_diary_entry_add_side_effect (LdnDiaryEntry *entry,
                                 const char    *id,
                                 int            severity)
{
  LdnDiarySideEffect *effect = g_new0 (LdnDiarySideEffect, 1);

  effect->id = g_strdup (id);
  effect->severity = severity;
  g_ptr_array_add (entry->side_effects, effect);
}

int
ldn_diary_find_item (const LdnDiary *diary,
                     const char     *id)
{
  for (guint i = 0; i < diary->items->len; i++)
    {
      const LdnDiaryItem *item = g_ptr_array_index (diary->items, i);

      if (g_strcmp0 (item->id, id) == 0)
        return (int) i;
    }
  return -1;
}

static int
compare_plan (gconstpointer a,
              gconstpointer b)
{
  const LdnDiaryPlanStep *x = *(LdnDiaryPlanStep * const *) a;
  const LdnDiaryPlanStep *y = *(LdnDiaryPlanStep * const *) b;

  return g_date_compare (&x->from, &y->from);
}

static int
compare_entry (gconstpointer a,
               gconstpointer b)
{
  const LdnDiaryEntry *x = *(LdnDiaryEntry * const *) a;
  const LdnDiaryEntry *y = *(LdnDiaryEntry * const *) b;

  return g_date_compare (&x->date, &y->date);
}

void
ldn_diary_sort (LdnDiary *diary)
{
  /* g_ptr_array_sort is a merge sort in GLib 2.74: stable. */
  g_ptr_array_sort (diary->plan, compare_plan);
  g_ptr_array_sort (diary->entries, compare_entry);
}

const char *
ldn_diary_every_to_string (LdnDiaryEvery every)
{
  return every == LDN_DIARY_EVERY_WEEK ? "week" : "day";
}

gboolean
ldn_diary_every_from_string (const char    *text,
                             LdnDiaryEvery *every)
{
  if (g_strcmp0 (text, "day") == 0)
    *every = LDN_DIARY_EVERY_DAY;
  else if (g_strcmp0 (text, "week") == 0)
    *every = LDN_DIARY_EVERY_WEEK;
  else
    return FALSE;
  return TRUE;
}

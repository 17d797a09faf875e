/* test-diary-store.c: the diary is kept across reopening, a file from
 * before the diary gains it and keeps its data, every change is one
 * transaction that tells the views, and each bad value is refused with
 * nothing half-written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "user/ldn-decision-store.h"
#include "user/ldn-diary-json.h"
#include "user/ldn-diary-store.h"
#include "user/ldn-user-data-json.h"
#include "user/ldn-user-store.h"
#include "ldn-test-store.h"
#include "ldn-test-tmp.h"

typedef LdnTestStoreFixture Fixture;

static void
days_ago (GDate *date,
          int    days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (days >= 0)
    g_date_subtract_days (date, days);
  else
    g_date_add_days (date, -days);
}

static void
count_signal (gpointer  instance,
              gpointer  user_data)
{
  (*(int *) user_data)++;
}

/* Two items, a start, a plan of two steps, and three entries. */
static void
fill_diary (LdnUserStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pain = NULL;
  g_autofree char *sleep = NULL;
  GDate date;

  pain = ldn_diary_store_add_item (store, " Pain ", "no pain", "worst pain I can imagine", LDN_DIARY_EVERY_DAY,
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pain, ==, "pain");
  sleep = ldn_diary_store_add_item (store, "Sleep quality", "", "slept very well", LDN_DIARY_EVERY_WEEK, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sleep, ==, "sleep-quality");

  days_ago (&date, 10);
  g_assert_true (ldn_diary_store_set_start (store, &date, &error));
  g_assert_true (ldn_diary_store_set_plan_step (store, &date, 1.5, 22 * 60, &error));
  g_date_add_days (&date, 7);
  g_assert_true (ldn_diary_store_set_plan_step (store, &date, 3.0, 22 * 60 + 30, &error));
  g_assert_no_error (error);

  for (int ago = 20; ago >= 0; ago -= 10)
    {
      g_autoptr(LdnDiaryEntry) entry = NULL;

      days_ago (&date, ago);
      entry = ldn_diary_entry_new (&date);
      entry->ratings[0] = ago / 2;
      if (ago == 0)
        {
          entry->ratings[1] = 7;
          ldn_diary_entry_add_side_effect (entry, "vivid-dreams", LDN_SEVERITY_MILD);
          entry->dose_taken = LDN_DIARY_DOSE_MISSED;
          g_free (entry->note);
          entry->note = g_strdup ("Forgot the dose; “odd” dreams");
        }
      g_assert_true (ldn_diary_store_add_entry (store, entry, &error));
      g_assert_no_error (error);
    }
}

static void
check_filled (LdnUserStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnDiary) diary = ldn_diary_store_dup_diary (store, &error);
  const LdnDiaryItem *item;
  const LdnDiaryPlanStep *step;
  const LdnDiaryEntry *entry;
  const LdnDiarySideEffect *effect;
  GDate date;

  g_assert_no_error (error);
  g_assert_cmpuint (diary->items->len, ==, 2);
  item = diary->items->pdata[0];
  g_assert_cmpstr (item->id, ==, "pain");
  g_assert_cmpstr (item->label, ==, "Pain");
  g_assert_cmpstr (item->low, ==, "no pain");
  g_assert_cmpstr (item->high, ==, "worst pain I can imagine");
  g_assert_cmpint (item->every, ==, LDN_DIARY_EVERY_DAY);
  item = diary->items->pdata[1];
  g_assert_cmpstr (item->label, ==, "Sleep quality");
  g_assert_cmpint (item->every, ==, LDN_DIARY_EVERY_WEEK);

  days_ago (&date, 10);
  g_assert_true (diary->has_start);
  g_assert_cmpint (g_date_compare (&diary->start, &date), ==, 0);
  g_assert_cmpuint (diary->plan->len, ==, 2);
  step = diary->plan->pdata[0];
  g_assert_cmpint (g_date_compare (&step->from, &date), ==, 0);
  g_assert_cmpfloat (step->dose_mg, ==, 1.5);
  g_assert_cmpint (step->minutes, ==, 22 * 60);
  step = diary->plan->pdata[1];
  g_assert_cmpfloat (step->dose_mg, ==, 3.0);
  g_assert_cmpint (step->minutes, ==, 22 * 60 + 30);

  g_assert_cmpuint (diary->entries->len, ==, 3);
  entry = diary->entries->pdata[0];
  days_ago (&date, 20);
  g_assert_cmpint (g_date_compare (&entry->date, &date), ==, 0);
  g_assert_cmpint (entry->ratings[0], ==, 10);
  g_assert_cmpint (entry->ratings[1], ==, LDN_DIARY_RATING_NONE);
  g_assert_cmpint (entry->dose_taken, ==, LDN_DIARY_DOSE_UNKNOWN);
  g_assert_cmpstr (entry->note, ==, "");
  entry = diary->entries->pdata[2];
  g_assert_cmpint (entry->ratings[0], ==, 0);
  g_assert_cmpint (entry->ratings[1], ==, 7);
  g_assert_cmpint (entry->dose_taken, ==, LDN_DIARY_DOSE_MISSED);
  g_assert_cmpstr (entry->note, ==, "Forgot the dose; “odd” dreams");
  g_assert_cmpuint (entry->side_effects->len, ==, 1);
  effect = entry->side_effects->pdata[0];
  g_assert_cmpstr (effect->id, ==, "vivid-dreams");
  g_assert_cmpint (effect->severity, ==, LDN_SEVERITY_MILD);
}

static void
test_survives_reopening (Fixture       *fixture,
                         gconstpointer  data)
{
  {
    g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
    int changed = 0;

    g_signal_connect (store, "changed", G_CALLBACK (count_signal), &changed);
    fill_diary (store);
    /* Every change told the views: 2 items, start, 2 plan steps, 3 entries. */
    g_assert_cmpint (changed, ==, 8);
    check_filled (store);
  }
  {
    g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);

    g_assert_null (ldn_user_store_get_damaged_path (store));
    check_filled (store);
  }
}

/* A file from before the diary (schema version 3) gains its tables and
 * keeps what it had. */
static void
test_migrates_version_3 (Fixture       *fixture,
                         gconstpointer  data)
{
  {
    g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);

    g_assert_true (ldn_user_store_set_text (store, LDN_USER_TEXT_NAME, "Ana", NULL));
    g_assert_cmpint (ldn_decision_add_medicine (store, "Sertraline", "50 mg", "daily", NULL), >, 0);
  }
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db,
                                   "DROP TABLE diary_items; DROP TABLE diary_settings; DROP TABLE diary_plan;"
                                   "DROP TABLE diary_entries; DROP TABLE diary_ratings;"
                                   "DROP TABLE diary_side_effects; PRAGMA user_version = 3;",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  {
    g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
    g_autofree char *name = ldn_user_store_dup_text (store, LDN_USER_TEXT_NAME);
    g_autoptr(GPtrArray) medicines = ldn_decision_list_medicines (store, NULL);
    g_autoptr(LdnDiary) empty = ldn_diary_store_dup_diary (store, NULL);

    g_assert_null (ldn_user_store_get_damaged_path (store));
    g_assert_cmpstr (name, ==, "Ana");
    g_assert_cmpuint (medicines->len, ==, 1);
    g_assert_cmpuint (empty->items->len, ==, 0);
    g_assert_false (empty->has_start);
    fill_diary (store);
    check_filled (store);
  }
}

static void
test_edit_and_delete (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnDiary) diary = NULL;
  g_autoptr(LdnDiaryEntry) entry = NULL;
  GDate old_date, new_date;

  fill_diary (store);

  /* Moving an entry to a free day, with new ratings. */
  days_ago (&old_date, 20);
  days_ago (&new_date, 19);
  entry = ldn_diary_entry_new (&new_date);
  entry->ratings[0] = 4;
  g_assert_true (ldn_diary_store_update_entry (store, &old_date, entry, &error));
  g_assert_no_error (error);
  diary = ldn_diary_store_dup_diary (store, NULL);
  g_assert_cmpuint (diary->entries->len, ==, 3);
  g_assert_cmpint (g_date_compare (&((LdnDiaryEntry *) diary->entries->pdata[0])->date, &new_date), ==, 0);
  g_assert_cmpint (((LdnDiaryEntry *) diary->entries->pdata[0])->ratings[0], ==, 4);
  g_clear_pointer (&diary, ldn_diary_free);

  /* Onto a day that has one: refused, both kept. */
  days_ago (&old_date, 10);
  g_assert_false (ldn_diary_store_update_entry (store, &old_date, entry, &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "already an entry"));
  g_clear_error (&error);
  diary = ldn_diary_store_dup_diary (store, NULL);
  g_assert_cmpuint (diary->entries->len, ==, 3);
  g_clear_pointer (&diary, ldn_diary_free);

  /* Deleting one, then removing an item takes its ratings. */
  g_assert_true (ldn_diary_store_delete_entry (store, &new_date, &error));
  g_assert_true (ldn_diary_store_remove_item (store, "pain", &error));
  g_assert_no_error (error);
  diary = ldn_diary_store_dup_diary (store, NULL);
  g_assert_cmpuint (diary->items->len, ==, 1);
  /* The entry 10 days ago had only a pain rating: it is gone with it. */
  g_assert_cmpuint (diary->entries->len, ==, 1);
  g_assert_cmpint (((LdnDiaryEntry *) diary->entries->pdata[0])->ratings[0], ==, 7);
  g_clear_pointer (&diary, ldn_diary_free);

  /* Editing an item keeps its id; a plan step goes. */
  g_assert_true (ldn_diary_store_update_item (store, "sleep-quality", "Sleep", "awful", "great",
                                              LDN_DIARY_EVERY_DAY, &error));
  days_ago (&old_date, 10);
  g_assert_true (ldn_diary_store_remove_plan_step (store, &old_date, &error));
  g_assert_true (ldn_diary_store_set_start (store, NULL, &error));
  g_assert_no_error (error);
  diary = ldn_diary_store_dup_diary (store, NULL);
  g_assert_cmpstr (((LdnDiaryItem *) diary->items->pdata[0])->id, ==, "sleep-quality");
  g_assert_cmpstr (((LdnDiaryItem *) diary->items->pdata[0])->label, ==, "Sleep");
  g_assert_cmpuint (diary->plan->len, ==, 1);
  g_assert_false (diary->has_start);
}

static void
assert_unchanged (LdnUserStore *store)
{
  check_filled (store);
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnDiaryEntry) entry = NULL;
  g_autofree char *id = NULL;
  GDate date;
  int changed = 0;

  fill_diary (store);
  g_signal_connect (store, "changed", G_CALLBACK (count_signal), &changed);

  /* A fourth item. */
  id = ldn_diary_store_add_item (store, "Mood", "", "", LDN_DIARY_EVERY_DAY, NULL);
  g_assert_nonnull (id);
  g_clear_pointer (&id, g_free);
  id = ldn_diary_store_add_item (store, "Fatigue", "", "", LDN_DIARY_EVERY_DAY, &error);
  g_assert_null (id);
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "at most 3"));
  g_clear_error (&error);
  g_assert_true (ldn_diary_store_remove_item (store, "mood", NULL));

  /* An item without a name, or with one far too long. */
  g_assert_null (ldn_diary_store_add_item (store, "   ", "", "", LDN_DIARY_EVERY_DAY, &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  {
    g_autofree char *long_label = g_strnfill (LDN_DIARY_TEXT_MAX_CHARS + 1, 'a');

    g_assert_false (ldn_diary_store_update_item (store, "pain", long_label, "", "", LDN_DIARY_EVERY_DAY, &error));
    g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_TEXT);
    g_clear_error (&error);
  }

  /* A future date. */
  days_ago (&date, -1);
  entry = ldn_diary_entry_new (&date);
  entry->ratings[0] = 3;
  g_assert_false (ldn_diary_store_add_entry (store, entry, &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "not come yet"));
  g_clear_error (&error);

  /* Ratings off the scale, or for an item that is not there. */
  days_ago (&entry->date, 5);
  entry->ratings[0] = 11;
  g_assert_false (ldn_diary_store_add_entry (store, entry, &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "0-10"));
  g_clear_error (&error);
  entry->ratings[0] = -2;
  g_assert_false (ldn_diary_store_add_entry (store, entry, &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  entry->ratings[0] = LDN_DIARY_RATING_NONE;
  entry->ratings[2] = 5;
  g_assert_false (ldn_diary_store_add_entry (store, entry, &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "not in your diary"));
  g_clear_error (&error);

  /* An empty entry. */
  entry->ratings[2] = LDN_DIARY_RATING_NONE;
  g_assert_false (ldn_diary_store_add_entry (store, entry, &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* Bad side effects. */
  ldn_diary_entry_add_side_effect (entry, "vivid-dreams", 4);
  g_assert_false (ldn_diary_store_add_entry (store, entry, &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_ptr_array_set_size (entry->side_effects, 0);
  ldn_diary_entry_add_side_effect (entry, "Vivid Dreams!", 1);
  g_assert_false (ldn_diary_store_add_entry (store, entry, &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* Doses: zero, negative, absurd; a time that is not one. */
  g_assert_false (ldn_diary_store_set_plan_step (store, &entry->date, 0, 600, &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (ldn_diary_store_set_plan_step (store, &entry->date, -1.5, 600, &error));
  g_clear_error (&error);
  g_assert_false (ldn_diary_store_set_plan_step (store, &entry->date, 450, 600, &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (ldn_diary_store_set_plan_step (store, &entry->date, 4.5, 24 * 60, &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* Time parsing. */
  g_assert_cmpint (ldn_diary_time_parse ("22:30"), ==, 22 * 60 + 30);
  g_assert_cmpint (ldn_diary_time_parse (" 7:05 "), ==, 7 * 60 + 5);
  g_assert_cmpint (ldn_diary_time_parse ("24:00"), ==, -1);
  g_assert_cmpint (ldn_diary_time_parse ("7:5"), ==, -1);
  g_assert_cmpint (ldn_diary_time_parse ("evening"), ==, -1);
  g_assert_cmpint (ldn_diary_time_parse ("-1:30"), ==, -1);

  /* Only the item added and removed above changed anything. */
  g_assert_cmpint (changed, ==, 2);
  assert_unchanged (store);
}

/* "Delete all" clears the diary too. */
static void
test_delete_all (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autoptr(LdnDiary) diary = NULL;

  fill_diary (store);
  g_assert_true (ldn_user_store_delete_all (store, NULL));
  diary = ldn_diary_store_dup_diary (store, NULL);
  g_assert_cmpuint (diary->items->len, ==, 0);
  g_assert_cmpuint (diary->entries->len, ==, 0);
  g_assert_cmpuint (diary->plan->len, ==, 0);
  g_assert_false (diary->has_start);
}

/* A change made by another LDN Guide is seen: "reset" and the new diary. */
static void
test_outside_change (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autoptr(LdnUserStore) other = ldn_user_store_open (fixture->path);
  g_autoptr(LdnDiary) diary = NULL;
  g_autofree char *id = NULL;
  int reset = 0;

  g_signal_connect (store, "reset", G_CALLBACK (count_signal), &reset);
  g_assert_false (ldn_user_store_check_for_changes (store));
  id = ldn_diary_store_add_item (other, "Pain", "", "", LDN_DIARY_EVERY_DAY, NULL);
  g_assert_nonnull (id);
  g_assert_true (ldn_user_store_check_for_changes (store));
  g_assert_cmpint (reset, ==, 1);
  diary = ldn_diary_store_dup_diary (store, NULL);
  g_assert_cmpuint (diary->items->len, ==, 1);
}

static const char *checklist_ids[] = { "vivid-dreams", "nausea", "headache", "insomnia", NULL };
static const LdnUserDataIds ids = { .checklist_ids = checklist_ids };

static char *
export (LdnUserStore *store)
{
  return ldn_test_store_export (store, &ids);
}

static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

static void
test_json_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autofree char *json = NULL;

  fill_diary (store);
  json = export (store);
  g_assert_nonnull (strstr (json, "\"version\" : 3"));
  g_assert_nonnull (strstr (json, "\"diary\" : {"));
  g_assert_nonnull (strstr (json, "\"every\" : \"week\""));
  g_assert_nonnull (strstr (json, "\"time\" : \"22:30\""));
  g_assert_nonnull (strstr (json, "\"dose_taken\" : false"));
  g_assert_nonnull (strstr (json, "\"severity\" : \"mild\""));

  ldn_test_store_assert_round_trip (json, fixture->dir, &ids, check_filled);
}

/* A version 2 file (before the diary) imports, with an empty diary; it
 * cannot hold one. */
static void
test_version_2_imports (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autoptr(LdnDiary) diary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *v2 = NULL;
  g_autofree char *v2_with_diary = NULL;
  char *diary_at;

  fill_diary (store);
  json = export (store);
  v2_with_diary = replace_once (json, "\"version\" : 3", "\"version\" : 2");
  g_assert_false (ldn_user_data_from_json (store, &ids, v2_with_diary, -1, &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_IMPORT);
  g_assert_nonnull (strstr (error->message, "diary"));
  g_clear_error (&error);
  check_filled (store);

  /* The diary is the last member: cut it off. */
  diary_at = strstr (v2_with_diary, ",\n  \"diary\"");
  g_assert_nonnull (diary_at);
  v2 = g_strdup_printf ("%.*s\n}", (int) (diary_at - v2_with_diary), v2_with_diary);
  g_assert_true (ldn_user_data_from_json (store, &ids, v2, -1, &error));
  g_assert_no_error (error);
  diary = ldn_diary_store_dup_diary (store, NULL);
  g_assert_cmpuint (diary->items->len, ==, 0);
  g_assert_cmpuint (diary->entries->len, ==, 0);
}

static void
test_bad_imports_name_the_field (Fixture       *fixture,
                                 gconstpointer  data)
{
  static const struct { const char *from; const char *to; const char *field; const char *why; } cases[] = {
    { "\"sleep-quality\" : 7", "\"sleep-quality\" : 11", "diary.entries[2].ratings.sleep-quality", "0-10" },
    { "\"sleep-quality\" : 7", "\"sleep-quality\" : -1", "diary.entries[2].ratings.sleep-quality", "0-10" },
    { "\"sleep-quality\" : 7", "\"sleep-quality\" : 6.5", "diary.entries[2].ratings.sleep-quality", "0-10" },
    { "\"sleep-quality\" : 7", "\"mood\" : 7", "diary.entries[2].ratings.mood", "no item" },
    { "\"every\" : \"week\"", "\"every\" : \"month\"", "diary.items[1].every", "week" },
    { "\"id\" : \"pain\"", "\"id\" : \"Pain!\"", "diary.items[0].id", "letters" },
    { "\"label\" : \"Pain\"", "\"label\" : \"  \"", "diary.items[0].label", "" },
    { "\"time\" : \"22:30\"", "\"time\" : \"25:00\"", "diary.plan[1].time", "HH:MM" },
    { "\"dose_mg\" : 3.0", "\"dose_mg\" : 0", "diary.plan[1].dose_mg", "mg" },
    { "\"dose_mg\" : 3.0", "\"dose_mg\" : 450", "diary.plan[1].dose_mg", "mg" },
    { "\"dose_mg\" : 3.0", "\"dose_mg\" : \"3 mg\"", "diary.plan[1].dose_mg", "number" },
    { "\"id\" : \"vivid-dreams\"", "\"id\" : \"hiccups\"", "diary.entries[2].side_effects[0].id", "hiccups" },
    { "\"severity\" : \"mild\"", "\"severity\" : \"awful\"", "diary.entries[2].side_effects[0].severity", "mild" },
    { "\"dose_taken\" : false", "\"dose_taken\" : \"no\"", "diary.entries[2].dose_taken", "null" },
    { "\"start\" : \"", "\"start\" : \"20", "diary.start", "YYYY-MM-DD" },
    { "\"entries\" : [", "\"entries\" : [ { \"date\" : \"2199-01-01\", \"ratings\" : {}, \"note\" : \"\","
      " \"side_effects\" : [], \"dose_taken\" : null },", "diary.entries[0].date", "not come yet" },
    { "\"note\" : \"\"", "\"notes\" : \"\"", "diary.entries[0].notes", "does not know" },
  };
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autofree char *good = NULL;

  fill_diary (store);
  good = export (store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* Replaced inside the diary, which comes last. */
      const char *diary = strstr (good, "\"diary\" : {");
      g_autofree char *diary_bad = replace_once (diary, cases[i].from, cases[i].to);
      g_autofree char *bad = g_strdup_printf ("%.*s%s", (int) (diary - good), good, diary_bad);
      g_autofree char *field = g_strdup_printf ("“%s”", cases[i].field);
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s", i, cases[i].to);
      g_assert_false (ldn_user_data_from_json (store, &ids, bad, -1, &error));
      g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_IMPORT);
      if (strstr (error->message, field) == NULL || strstr (error->message, cases[i].why) == NULL)
        g_error ("case %u: “%s” does not name %s (%s)", i, error->message, field, cases[i].why);
      /* Nothing changed. */
      check_filled (store);
    }
}

/* A year of daily entries for three items, seeded: one import, one
 * transaction, the same data back. */
static void
test_year_of_data (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autoptr(LdnDiary) year = ldn_diary_new ();
  g_autoptr(LdnDiary) back = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261201);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = export (store);
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  JsonNode *root;
  GDate start;
  gint64 began;
  int changed = 0;

  g_ptr_array_add (year->items, ldn_diary_item_new ("pain", "Pain", "none", "worst", LDN_DIARY_EVERY_DAY));
  g_ptr_array_add (year->items, ldn_diary_item_new ("tiredness", "Tiredness", "", "", LDN_DIARY_EVERY_DAY));
  g_ptr_array_add (year->items, ldn_diary_item_new ("sleep", "Sleep", "", "", LDN_DIARY_EVERY_DAY));
  days_ago (&start, 364);
  for (int day = 0; day < 365; day++)
    {
      LdnDiaryEntry *entry;
      GDate date = start;

      g_date_add_days (&date, day);
      entry = ldn_diary_entry_new (&date);
      for (int i = 0; i < 3; i++)
        entry->ratings[i] = g_rand_int_range (rand, 0, 11);
      if (g_rand_int_range (rand, 0, 10) == 0)
        ldn_diary_entry_add_side_effect (entry, checklist_ids[g_rand_int_range (rand, 0, 4)],
                                         g_rand_int_range (rand, 1, 4));
      if (day >= 28)
        entry->dose_taken = g_rand_int_range (rand, 0, 20) == 0 ? LDN_DIARY_DOSE_MISSED : LDN_DIARY_DOSE_TAKEN;
      g_ptr_array_add (year->entries, entry);
    }
  g_date_add_days (&start, 28);
  year->has_start = TRUE;
  year->start = start;
  g_ptr_array_add (year->plan, ldn_diary_plan_step_new (&start, 1.5, 21 * 60));

  g_assert_true (json_parser_load_from_data (parser, empty, -1, NULL));
  root = json_parser_get_root (parser);
  json_object_set_member (json_node_get_object (root), "diary", ldn_diary_json_build (year));
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, NULL);

  g_signal_connect (store, "changed", G_CALLBACK (count_signal), &changed);
  began = g_get_monotonic_time ();
  g_assert_true (ldn_user_data_from_json (store, &ids, json, -1, &error));
  g_assert_no_error (error);
  g_test_message ("a year of entries imported in %.1f ms", (g_get_monotonic_time () - began) / 1000.0);
  /* One transaction. */
  g_assert_cmpint (changed, ==, 1);

  back = ldn_diary_store_dup_diary (store, NULL);
  g_assert_cmpuint (back->entries->len, ==, 365);
  for (guint i = 0; i < 365; i++)
    for (int j = 0; j < 3; j++)
      g_assert_cmpint (((LdnDiaryEntry *) back->entries->pdata[i])->ratings[j], ==,
                       ((LdnDiaryEntry *) year->entries->pdata[i])->ratings[j]);
  again = export (store);
  g_assert_cmpstr (again, ==, json);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/diary-store/" name, Fixture, NULL, ldn_test_store_fixture_setup, func, \
                                        ldn_test_store_fixture_teardown)
  ADD ("survives-reopening", test_survives_reopening);
  ADD ("migrates-version-3", test_migrates_version_3);
  ADD ("edit-and-delete", test_edit_and_delete);
  ADD ("refusals", test_refusals);
  ADD ("delete-all", test_delete_all);
  ADD ("outside-change", test_outside_change);
  ADD ("json-round-trip", test_json_round_trip);
  ADD ("version-2-imports", test_version_2_imports);
  ADD ("bad-imports-name-the-field", test_bad_imports_name_the_field);
  ADD ("year-of-data", test_year_of_data);
#undef ADD

  return g_test_run ();
}

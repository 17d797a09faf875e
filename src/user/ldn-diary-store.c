/* ldn-diary-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ldn-diary-store.h"
#include "ldn-store-util.h"

/* Checks */

static gboolean G_GNUC_PRINTF (2, 3)
invalid (GError    **error,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE, message);
  return FALSE;
}

gboolean
ldn_diary_check_item_text (const char *text,
                           gboolean    required,
                           GError    **error)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_TEXT, _("The text is not valid UTF-8."));
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > LDN_DIARY_TEXT_MAX_CHARS)
    {
      g_set_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_TEXT,
                   _("Keep it to %d characters or fewer."), LDN_DIARY_TEXT_MAX_CHARS);
      return FALSE;
    }
  trimmed = g_strstrip (g_strdup (text));
  if (required && *trimmed == '\0')
    return invalid (error, "%s", _("Give it a name first, in your own words."));

  return TRUE;
}

gboolean
ldn_diary_check_rating (int      rating,
                        GError **error)
{
  if (rating == LDN_DIARY_RATING_NONE || (rating >= 0 && rating <= LDN_DIARY_SCALE_MAX))
    return TRUE;
  return invalid (error, _("must be 0-%d"), LDN_DIARY_SCALE_MAX);
}

gboolean
ldn_diary_check_dose (double   dose_mg,
                      GError **error)
{
  if (isfinite (dose_mg) && dose_mg > 0 && dose_mg <= LDN_DIARY_DOSE_MAX_MG)
    return TRUE;
  return invalid (error, _("a dose has to be more than 0 mg and at most %g mg: check what you typed"),
                  LDN_DIARY_DOSE_MAX_MG);
}

gboolean
ldn_diary_check_minutes (int      minutes,
                         GError **error)
{
  if (minutes >= 0 && minutes < 24 * 60)
    return TRUE;
  return invalid (error, "%s", _("a time of day has to be between 00:00 and 23:59"));
}

gboolean
ldn_diary_check_severity (int      severity,
                          GError **error)
{
  if (severity >= LDN_SEVERITY_MILD && severity <= LDN_SEVERITY_SEVERE)
    return TRUE;
  return invalid (error, "%s", _("the severity has to be mild, moderate or severe"));
}

gboolean
ldn_diary_check_side_effect_id (const char *id,
                                GError    **error)
{
  gsize length = id != NULL ? strlen (id) : 0;

  if (length >= 1 && length <= 40 && strspn (id, "abcdefghijklmnopqrstuvwxyz0123456789-") == length)
    return TRUE;
  return invalid (error, "%s", _("not a side effect LDN Guide knows"));
}

gboolean
ldn_diary_check_entry_date (const GDate *date,
                            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  if (date == NULL || !g_date_valid (date) || g_date_get_year (date) < 1900)
    return invalid (error, "%s", _("not a date in the form YYYY-MM-DD"));

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (g_date_compare (date, &today) > 0)
    return invalid (error, "%s", _("this day has not come yet; a diary entry has to be for today or earlier"));

  return TRUE;
}

gboolean
ldn_diary_date_parse (const char *text,
                      GDate      *date)
{
  int year, month, day;
  char tail;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3 ||
      text[4] != '-' || text[7] != '-' || year < 1900 || year > 2200 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

char *
ldn_diary_date_format (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

int
ldn_diary_time_parse (const char *text)
{
  int hours, minutes;
  char tail;
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return -1;
  trimmed = g_strstrip (g_strdup (text));
  if (strlen (trimmed) < 4 || strlen (trimmed) > 5 || strspn (trimmed, "0123456789:") != strlen (trimmed) ||
      sscanf (trimmed, "%2d:%2d%c", &hours, &minutes, &tail) != 2 || strlen (strchr (trimmed, ':')) != 3 ||
      hours < 0 || hours > 23 || minutes < 0 || minutes > 59)
    return -1;

  return hours * 60 + minutes;
}

char *
ldn_diary_time_format (int minutes)
{
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

/* Reading */

static gboolean
read_items (LdnUserStore *store,
            LdnDiary     *diary,
            GError      **error)
{
  sqlite3_stmt *stmt = ldn_store_prepare (store,
                                          "SELECT id, label, low, high, every FROM diary_items ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LdnDiaryEvery every = LDN_DIARY_EVERY_DAY;

      ldn_diary_every_from_string (ldn_store_column_text (stmt, 4), &every);
      g_ptr_array_add (diary->items,
                       ldn_diary_item_new (ldn_store_column_text (stmt, 0), ldn_store_column_text (stmt, 1),
                                           ldn_store_column_text (stmt, 2), ldn_store_column_text (stmt, 3), every));
    }
  return ldn_store_finish_rows (store, stmt, rc, error);
}

LdnDiary *
ldn_diary_store_dup_diary (LdnUserStore *store,
                           GError      **error)
{
  g_autoptr(LdnDiary) diary = ldn_diary_new ();
  g_autoptr(GHashTable) by_date = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LDN_IS_USER_STORE (store), NULL);

  if (!read_items (store, diary, error))
    return NULL;

  stmt = ldn_store_prepare (store, "SELECT value FROM diary_settings WHERE key = 'start'", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    diary->has_start = ldn_diary_date_parse (ldn_store_column_text (stmt, 0), &diary->start);
  sqlite3_reset (stmt);

  stmt = ldn_store_prepare (store, "SELECT from_date, dose_mg, minutes FROM diary_plan ORDER BY from_date", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate from;

      if (ldn_diary_date_parse (ldn_store_column_text (stmt, 0), &from))
        g_ptr_array_add (diary->plan, ldn_diary_plan_step_new (&from, sqlite3_column_double (stmt, 1),
                                                               sqlite3_column_int (stmt, 2)));
    }
  sqlite3_reset (stmt);

  stmt = ldn_store_prepare (store, "SELECT date, note, dose_taken FROM diary_entries ORDER BY date", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LdnDiaryEntry *entry;
      GDate date;

      if (!ldn_diary_date_parse (ldn_store_column_text (stmt, 0), &date))
        continue;
      entry = ldn_diary_entry_new (&date);
      g_free (entry->note);
      entry->note = g_strdup (ldn_store_column_text (stmt, 1));
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        entry->dose_taken = sqlite3_column_int (stmt, 2) ? LDN_DIARY_DOSE_TAKEN : LDN_DIARY_DOSE_MISSED;
      g_ptr_array_add (diary->entries, entry);
      g_hash_table_insert (by_date, g_strdup (ldn_store_column_text (stmt, 0)), entry);
    }
  sqlite3_reset (stmt);

  stmt = ldn_store_prepare (store, "SELECT date, item_id, rating FROM diary_ratings", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LdnDiaryEntry *entry = g_hash_table_lookup (by_date, ldn_store_column_text (stmt, 0));
      int index = ldn_diary_find_item (diary, ldn_store_column_text (stmt, 1));

      if (entry != NULL && index >= 0)
        entry->ratings[index] = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);

  stmt = ldn_store_prepare (store, "SELECT date, side_effect_id, severity FROM diary_side_effects ORDER BY date, rowid",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LdnDiaryEntry *entry = g_hash_table_lookup (by_date, ldn_store_column_text (stmt, 0));

      if (entry != NULL)
        ldn_diary_entry_add_side_effect (entry, ldn_store_column_text (stmt, 1), sqlite3_column_int (stmt, 2));
    }
  if (!ldn_store_finish_rows (store, stmt, rc, error))
    return NULL;

  ldn_diary_sort (diary);
  return g_steal_pointer (&diary);
}

/* Changes: each runs in one transaction (ldn_user_store_run_transaction). */

typedef struct {
  const char          *id;
  const char          *label;
  const char          *low;
  const char          *high;
  LdnDiaryEvery        every;
  const GDate         *date;
  const GDate         *old_date;
  double               dose_mg;
  int                  minutes;
  const LdnDiaryEntry *entry;
  char                *new_id;
} Change;

/* A stable id from the label: "Pain" -> "pain", "Sleep quality" -> "sleep-quality". */
static char *
make_item_id (LdnUserStore *store,
              const char   *label,
              GError      **error)
{
  g_autofree char *ascii = g_str_to_ascii (label, "C");
  g_autoptr(GString) base = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && base->len < 32; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (base, g_ascii_tolower (*p));
      else if (base->len > 0 && base->str[base->len - 1] != '-')
        g_string_append_c (base, '-');
    }
  while (base->len > 0 && base->str[base->len - 1] == '-')
    g_string_truncate (base, base->len - 1);
  if (base->len == 0)
    g_string_assign (base, "item");

  for (int n = 1; n < 100; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (base->str) : g_strdup_printf ("%s-%d", base->str, n);
      gint64 count = ldn_store_query_int (store, error, "SELECT count(*) FROM diary_items WHERE id = ?1", "t", id);

      if (count < 0)
        return NULL;
      if (count == 0)
        return g_steal_pointer (&id);
    }

  ldn_store_set_storage_error (store, error);
  return NULL;
}

static gboolean
check_item (const char *label,
            const char *low,
            const char *high,
            GError    **error)
{
  return ldn_diary_check_item_text (label, TRUE, error) && ldn_diary_check_item_text (low, FALSE, error) &&
         ldn_diary_check_item_text (high, FALSE, error);
}

static gboolean
add_item_in_transaction (LdnUserStore *store,
                         gpointer      data,
                         GError      **error)
{
  Change *change = data;
  g_autofree char *label = g_strstrip (g_strdup (change->label));
  gint64 count = ldn_store_query_int (store, error, "SELECT count(*) FROM diary_items", "");

  if (count < 0)
    return FALSE;
  if (count >= LDN_DIARY_MAX_ITEMS)
    return invalid (error, _("You can follow at most %d things; remove one first."), LDN_DIARY_MAX_ITEMS);

  change->new_id = make_item_id (store, label, error);
  return change->new_id != NULL &&
         ldn_store_execute (store, error,
                            "INSERT INTO diary_items (id, position, label, low, high, every)"
                            " VALUES (?1, (SELECT coalesce (max (position), 0) + 1 FROM diary_items), ?2, ?3, ?4, ?5)",
                            "ttttt", change->new_id, label, change->low ? change->low : "",
                            change->high ? change->high : "", ldn_diary_every_to_string (change->every));
}

char *
ldn_diary_store_add_item (LdnUserStore  *store,
                          const char    *label,
                          const char    *low,
                          const char    *high,
                          LdnDiaryEvery  every,
                          GError       **error)
{
  Change change = { .label = label, .low = low, .high = high, .every = every };

  g_return_val_if_fail (LDN_IS_USER_STORE (store), NULL);

  if (!check_item (label, low, high, error) ||
      !ldn_user_store_run_transaction (store, add_item_in_transaction, &change, error))
    {
      g_free (change.new_id);
      return NULL;
    }

  return change.new_id;
}

static gboolean
update_item_in_transaction (LdnUserStore *store,
                            gpointer      data,
                            GError      **error)
{
  Change *change = data;
  g_autofree char *label = g_strstrip (g_strdup (change->label));
  gint64 count = ldn_store_query_int (store, error, "SELECT count(*) FROM diary_items WHERE id = ?1", "t", change->id);

  if (count < 0)
    return FALSE;
  if (count == 0)
    {
      g_set_error_literal (error, LDN_USER_ERROR, LDN_USER_ERROR_NOT_FOUND, _("This item is no longer in your diary."));
      return FALSE;
    }

  return ldn_store_execute (store, error,
                            "UPDATE diary_items SET label = ?2, low = ?3, high = ?4, every = ?5 WHERE id = ?1",
                            "ttttt", change->id, label, change->low ? change->low : "",
                            change->high ? change->high : "", ldn_diary_every_to_string (change->every));
}

gboolean
ldn_diary_store_update_item (LdnUserStore  *store,
                             const char    *id,
                             const char    *label,
                             const char    *low,
                             const char    *high,
                             LdnDiaryEvery  every,
                             GError       **error)
{
  Change change = { .id = id, .label = label, .low = low, .high = high, .every = every };

  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);

  return check_item (label, low, high, error) &&
         ldn_user_store_run_transaction (store, update_item_in_transaction, &change, error);
}

/* Entries left with nothing in them go too. */
static const char * const remove_item_statements[] = {
  "DELETE FROM diary_ratings WHERE item_id = ?1",
  "DELETE FROM diary_items WHERE id = ?1",
  "DELETE FROM diary_entries WHERE note = '' AND dose_taken IS NULL"
  " AND date NOT IN (SELECT date FROM diary_ratings)"
  " AND date NOT IN (SELECT date FROM diary_side_effects)",
  NULL
};

gboolean
ldn_diary_store_remove_item (LdnUserStore *store,
                             const char   *id,
                             GError      **error)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);

  return ldn_store_run_statements (store, remove_item_statements, id, error);
}

static gboolean
set_start_in_transaction (LdnUserStore *store,
                          gpointer      data,
                          GError      **error)
{
  Change *change = data;
  g_autofree char *text = NULL;

  if (change->date == NULL)
    return ldn_store_execute (store, error, "DELETE FROM diary_settings WHERE key = 'start'", "");

  text = ldn_diary_date_format (change->date);
  return ldn_store_execute (store, error,
                            "INSERT INTO diary_settings (key, value) VALUES ('start', ?1)"
                            " ON CONFLICT (key) DO UPDATE SET value = excluded.value", "t", text);
}

static gboolean
check_plan_date (const GDate *date,
                 GError     **error)
{
  if (date == NULL || !g_date_valid (date) || g_date_get_year (date) < 1900 || g_date_get_year (date) > 2200)
    return invalid (error, "%s", _("not a date in the form YYYY-MM-DD"));
  return TRUE;
}

gboolean
ldn_diary_store_set_start (LdnUserStore *store,
                           const GDate  *start,
                           GError      **error)
{
  Change change = { .date = start };

  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);

  return (start == NULL || check_plan_date (start, error)) &&
         ldn_user_store_run_transaction (store, set_start_in_transaction, &change, error);
}

static gboolean
set_plan_step_in_transaction (LdnUserStore *store,
                              gpointer      data,
                              GError      **error)
{
  Change *change = data;
  g_autofree char *text = ldn_diary_date_format (change->date);

  return ldn_store_execute (store, error,
                            "INSERT INTO diary_plan (from_date, dose_mg, minutes) VALUES (?1, ?2, ?3)"
                            " ON CONFLICT (from_date) DO UPDATE SET dose_mg = excluded.dose_mg,"
                            " minutes = excluded.minutes",
                            "tdi", text, change->dose_mg, (gint64) change->minutes);
}

gboolean
ldn_diary_store_set_plan_step (LdnUserStore *store,
                               const GDate  *from,
                               double        dose_mg,
                               int           minutes,
                               GError      **error)
{
  Change change = { .date = from, .dose_mg = dose_mg, .minutes = minutes };

  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);

  return check_plan_date (from, error) && ldn_diary_check_dose (dose_mg, error) &&
         ldn_diary_check_minutes (minutes, error) &&
         ldn_user_store_run_transaction (store, set_plan_step_in_transaction, &change, error);
}

gboolean
ldn_diary_store_remove_plan_step (LdnUserStore *store,
                                  const GDate  *from,
                                  GError      **error)
{
  static const char * const statements[] = { "DELETE FROM diary_plan WHERE from_date = ?1", NULL };
  g_autofree char *text = NULL;

  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);

  if (!check_plan_date (from, error))
    return FALSE;
  text = ldn_diary_date_format (from);
  return ldn_store_run_statements (store, statements, text, error);
}

/* Entries */

static gboolean
check_entry (const LdnDiaryEntry *entry,
             guint                n_items,
             gboolean             require_content,
             GError             **error)
{
  gboolean has_content = *entry->note != '\0' || entry->side_effects->len > 0 ||
                         entry->dose_taken != LDN_DIARY_DOSE_UNKNOWN;

  if (!ldn_diary_check_entry_date (&entry->date, error) || !ldn_user_text_check (entry->note, error))
    return FALSE;

  for (guint i = 0; i < LDN_DIARY_MAX_ITEMS; i++)
    {
      if (!ldn_diary_check_rating (entry->ratings[i], error))
        return FALSE;
      if (entry->ratings[i] != LDN_DIARY_RATING_NONE)
        {
          if (i >= n_items)
            return invalid (error, "%s", _("a rating is for an item that is not in your diary"));
          has_content = TRUE;
        }
    }

  for (guint i = 0; i < entry->side_effects->len; i++)
    {
      const LdnDiarySideEffect *effect = g_ptr_array_index (entry->side_effects, i);

      if (!ldn_diary_check_side_effect_id (effect->id, error) || !ldn_diary_check_severity (effect->severity, error))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (g_str_equal (effect->id, ((LdnDiarySideEffect *) g_ptr_array_index (entry->side_effects, j))->id))
          return invalid (error, "%s", _("the same side effect is listed twice"));
    }

  if (require_content && !has_content)
    return invalid (error, "%s", _("There is nothing to save yet: give a rating, tick a side effect, "
                                   "record the dose or write a note."));
  return TRUE;
}

static gboolean
insert_entry (LdnUserStore        *store,
              const LdnDiaryEntry *entry,
              GPtrArray           *item_ids,
              GError             **error)
{
  g_autofree char *date = ldn_diary_date_format (&entry->date);

  if (!ldn_store_execute (store, error, "INSERT INTO diary_entries (date, note, dose_taken) VALUES (?1, ?2, ?3)",
                          "ttb", date, entry->note,
                          entry->dose_taken == LDN_DIARY_DOSE_UNKNOWN ? -1 : entry->dose_taken == LDN_DIARY_DOSE_TAKEN))
    return FALSE;

  for (guint i = 0; i < item_ids->len; i++)
    if (entry->ratings[i] != LDN_DIARY_RATING_NONE &&
        !ldn_store_execute (store, error, "INSERT INTO diary_ratings (date, item_id, rating) VALUES (?1, ?2, ?3)",
                            "tti", date, (const char *) g_ptr_array_index (item_ids, i), (gint64) entry->ratings[i]))
      return FALSE;

  for (guint i = 0; i < entry->side_effects->len; i++)
    {
      const LdnDiarySideEffect *effect = g_ptr_array_index (entry->side_effects, i);

      if (!ldn_store_execute (store, error,
                              "INSERT INTO diary_side_effects (date, side_effect_id, severity) VALUES (?1, ?2, ?3)",
                              "tti", date, effect->id, (gint64) effect->severity))
        return FALSE;
    }

  return TRUE;
}

static const char * const delete_entry_statements[] = {
  "DELETE FROM diary_ratings WHERE date = ?1",
  "DELETE FROM diary_side_effects WHERE date = ?1",
  "DELETE FROM diary_entries WHERE date = ?1",
  NULL
};

static GPtrArray *
dup_item_ids (LdnUserStore *store,
              GError      **error)
{
  g_autoptr(LdnDiary) diary = ldn_diary_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  if (!read_items (store, diary, error))
    return NULL;
  for (guint i = 0; i < diary->items->len; i++)
    g_ptr_array_add (ids, g_strdup (((LdnDiaryItem *) g_ptr_array_index (diary->items, i))->id));
  return g_steal_pointer (&ids);
}

static gboolean
entry_exists (LdnUserStore *store,
              const char   *date,
              gboolean     *exists,
              GError      **error)
{
  gint64 count = ldn_store_query_int (store, error, "SELECT count(*) FROM diary_entries WHERE date = ?1", "t", date);

  *exists = count > 0;
  return count >= 0;
}

static gboolean
save_entry_in_transaction (LdnUserStore *store,
                           gpointer      data,
                           GError      **error)
{
  Change *change = data;
  g_autoptr(GPtrArray) item_ids = dup_item_ids (store, error);
  g_autofree char *date = ldn_diary_date_format (&change->entry->date);
  g_autofree char *old_date = change->old_date ? ldn_diary_date_format (change->old_date) : NULL;
  gboolean exists;

  if (item_ids == NULL || !check_entry (change->entry, item_ids->len, TRUE, error))
    return FALSE;

  if (old_date != NULL)
    {
      if (!entry_exists (store, old_date, &exists, error))
        return FALSE;
      if (!exists)
        {
          g_set_error_literal (error, LDN_USER_ERROR, LDN_USER_ERROR_NOT_FOUND,
                               _("This entry is no longer in your diary."));
          return FALSE;
        }
    }

  if (g_strcmp0 (date, old_date) != 0)
    {
      if (!entry_exists (store, date, &exists, error))
        return FALSE;
      if (exists)
        return invalid (error, _("There is already an entry for %s: change that one instead."), date);
    }

  return (old_date == NULL || ldn_store_execute_each (store, delete_entry_statements, old_date, error)) &&
         insert_entry (store, change->entry, item_ids, error);
}

gboolean
ldn_diary_store_add_entry (LdnUserStore        *store,
                           const LdnDiaryEntry *entry,
                           GError             **error)
{
  Change change = { .entry = entry };

  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  return ldn_user_store_run_transaction (store, save_entry_in_transaction, &change, error);
}

gboolean
ldn_diary_store_update_entry (LdnUserStore        *store,
                              const GDate         *old_date,
                              const LdnDiaryEntry *entry,
                              GError             **error)
{
  Change change = { .entry = entry, .old_date = old_date };

  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);
  g_return_val_if_fail (old_date != NULL && g_date_valid (old_date) && entry != NULL, FALSE);

  return ldn_user_store_run_transaction (store, save_entry_in_transaction, &change, error);
}

gboolean
ldn_diary_store_delete_entry (LdnUserStore *store,
                              const GDate  *date,
                              GError      **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  text = ldn_diary_date_format (date);
  return ldn_store_run_statements (store, delete_entry_statements, text, error);
}

gboolean
ldn_diary_store_write (LdnUserStore   *store,
                       const LdnDiary *diary,
                       GError        **error)
{
  g_autoptr(GPtrArray) item_ids = g_ptr_array_new ();

  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);
  g_return_val_if_fail (diary != NULL, FALSE);

  if (diary->items->len > LDN_DIARY_MAX_ITEMS)
    return invalid (error, _("You can follow at most %d things; remove one first."), LDN_DIARY_MAX_ITEMS);

  for (guint i = 0; i < diary->items->len; i++)
    {
      const LdnDiaryItem *item = g_ptr_array_index (diary->items, i);

      if (!check_item (item->label, item->low, item->high, error) ||
          !ldn_store_execute (store, error,
                              "INSERT INTO diary_items (id, position, label, low, high, every)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              "titttt", item->id, (gint64) i + 1, item->label, item->low, item->high,
                              ldn_diary_every_to_string (item->every)))
        return FALSE;
      g_ptr_array_add (item_ids, item->id);
    }

  if (diary->has_start)
    {
      Change change = { .date = &diary->start };

      if (!check_plan_date (&diary->start, error) || !set_start_in_transaction (store, &change, error))
        return FALSE;
    }

  for (guint i = 0; i < diary->plan->len; i++)
    {
      const LdnDiaryPlanStep *step = g_ptr_array_index (diary->plan, i);
      Change change = { .date = &step->from, .dose_mg = step->dose_mg, .minutes = step->minutes };

      if (!check_plan_date (&step->from, error) || !ldn_diary_check_dose (step->dose_mg, error) ||
          !ldn_diary_check_minutes (step->minutes, error) || !set_plan_step_in_transaction (store, &change, error))
        return FALSE;
    }

  for (guint i = 0; i < diary->entries->len; i++)
    {
      const LdnDiaryEntry *entry = g_ptr_array_index (diary->entries, i);

      if (!check_entry (entry, item_ids->len, FALSE, error) || !insert_entry (store, entry, item_ids, error))
        return FALSE;
    }

  return TRUE;
}

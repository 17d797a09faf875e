/* ldn-decision-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ldn-decision-store.h"
#include "ldn-store-util.h"

void
ldn_about_condition_free (LdnAboutCondition *condition)
{
  if (condition == NULL)
    return;
  g_free (condition->condition_id);
  g_free (condition->text);
  g_free (condition);
}

void
ldn_medicine_free (LdnMedicine *medicine)
{
  if (medicine == NULL)
    return;
  g_free (medicine->name);
  g_free (medicine->dose);
  g_free (medicine->how_often);
  g_free (medicine);
}

void
ldn_own_value_free (LdnOwnValue *value)
{
  if (value == NULL)
    return;
  g_free (value->text);
  g_free (value);
}

static const char *stage_names[] = { NULL, "not-thought", "considering", "close", "decided" };
static const char *role_names[] = { NULL, "me", "together", "doctor" };
static const char *consent_names[] = { NULL, "understood", "explain" };
static const char *about_keys[] = { [LDN_ABOUT_TRIED] = "tried", [LDN_ABOUT_ALLERGIES] = "allergies" };

static gboolean
name_from_string (const char  *text,
                  const char **names,
                  guint        n_names,
                  guint       *value)
{
  for (guint i = 1; i < n_names; i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *value = i;
        return TRUE;
      }

  return FALSE;
}

const char *
ldn_decision_stage_to_string (LdnDecisionStage stage)
{
  return stage < G_N_ELEMENTS (stage_names) ? stage_names[stage] : NULL;
}

gboolean
ldn_decision_stage_from_string (const char       *text,
                                LdnDecisionStage *stage)
{
  guint value;

  if (!name_from_string (text, stage_names, G_N_ELEMENTS (stage_names), &value))
    return FALSE;
  *stage = value;
  return TRUE;
}

const char *
ldn_decision_role_to_string (LdnDecisionRole role)
{
  return role < G_N_ELEMENTS (role_names) ? role_names[role] : NULL;
}

gboolean
ldn_decision_role_from_string (const char      *text,
                               LdnDecisionRole *role)
{
  guint value;

  if (!name_from_string (text, role_names, G_N_ELEMENTS (role_names), &value))
    return FALSE;
  *role = value;
  return TRUE;
}

const char *
ldn_consent_to_string (LdnConsentAnswer answer)
{
  return answer < G_N_ELEMENTS (consent_names) ? consent_names[answer] : NULL;
}

gboolean
ldn_consent_from_string (const char       *text,
                         LdnConsentAnswer *answer)
{
  guint value;

  if (!name_from_string (text, consent_names, G_N_ELEMENTS (consent_names), &value))
    return FALSE;
  *answer = value;
  return TRUE;
}

const char *
ldn_sure_phase_to_string (LdnSurePhase phase)
{
  return phase == LDN_SURE_AFTER ? "after" : "before";
}

gboolean
ldn_decision_birth_date_check (const char *date,
                               GError    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (!ldn_user_date_check (date, error))
    return FALSE;

  /* YYYY-MM-DD compares as text. */
  if (strcmp (date, today) > 0)
    {
      g_set_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE,
                   _("“%s” is in the future; a date of birth has to be a day that has been."), date);
      return FALSE;
    }

  return TRUE;
}

static char *
dup_about (LdnUserStore *store,
           const char   *key)
{
  return ldn_statement_cache_dup_text (ldn_user_store_get_statements (store),
                                       "SELECT value FROM about_me WHERE key = ?1", key);
}

static gboolean
set_about (LdnUserStore *store,
           const char   *key,
           const char   *value,
           GError      **error)
{
  if (value == NULL)
    return ldn_store_execute (store, error, "DELETE FROM about_me WHERE key = ?1", "t", key);

  return ldn_store_execute (store, error,
                            "INSERT INTO about_me (key, value) VALUES (?1, ?2)"
                            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                            "tt", key, value);
}

char *
ldn_decision_dup_about_text (LdnUserStore *store,
                             LdnAboutText  which)
{
  char *text;

  g_return_val_if_fail (LDN_IS_USER_STORE (store), NULL);
  g_return_val_if_fail (which <= LDN_ABOUT_ALLERGIES, NULL);

  text = dup_about (store, about_keys[which]);
  return text != NULL ? text : g_strdup ("");
}

gboolean
ldn_decision_set_about_text (LdnUserStore *store,
                             LdnAboutText  which,
                             const char   *text,
                             GError      **error)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);
  g_return_val_if_fail (which <= LDN_ABOUT_ALLERGIES, FALSE);

  if (!ldn_user_text_check (text, error))
    return FALSE;

  return set_about (store, about_keys[which], text, error);
}

char *
ldn_decision_dup_date_of_birth (LdnUserStore *store)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (store), NULL);

  return dup_about (store, "date_of_birth");
}

gboolean
ldn_decision_set_date_of_birth (LdnUserStore *store,
                                const char   *date,
                                GError      **error)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);

  if (date != NULL && !ldn_decision_birth_date_check (date, error))
    return FALSE;

  return set_about (store, "date_of_birth", date, error);
}

/* Checks a name the person typed: valid, not blank, not too many. */
static char *
checked_entry (LdnUserStore *store,
               const char   *text,
               const char   *count_sql,
               const char   *empty_message,
               GError      **error)
{
  g_autofree char *trimmed = NULL;

  if (!ldn_user_text_check (text, error))
    return NULL;

  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_TEXT, empty_message);
      return NULL;
    }

  if (count_sql != NULL &&
      ldn_statement_cache_count (ldn_user_store_get_statements (store), count_sql) >= LDN_DECISION_MAX_ITEMS)
    {
      g_set_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE,
                   _("The list already has %d entries, the most it can hold."), LDN_DECISION_MAX_ITEMS);
      return NULL;
    }

  return g_steal_pointer (&trimmed);
}

GPtrArray *
ldn_decision_list_conditions (LdnUserStore *store,
                              GError      **error)
{
  g_autoptr(GPtrArray) conditions = g_ptr_array_new_with_free_func ((GDestroyNotify) ldn_about_condition_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LDN_IS_USER_STORE (store), NULL);

  stmt = ldn_store_prepare (store, "SELECT id, condition_id, text FROM about_conditions ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LdnAboutCondition *condition = g_new0 (LdnAboutCondition, 1);

      condition->id = sqlite3_column_int64 (stmt, 0);
      condition->condition_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      condition->text = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (conditions, condition);
    }
  if (!ldn_store_finish_rows (store, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&conditions);
}

gboolean
ldn_decision_has_condition (LdnUserStore *store,
                            const char   *condition_id)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);

  stmt = ldn_store_prepare (store, "SELECT 1 FROM about_conditions WHERE condition_id = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, condition_id, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

gboolean
ldn_decision_set_condition (LdnUserStore *store,
                            const char   *condition_id,
                            gboolean      chosen,
                            GError      **error)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);
  g_return_val_if_fail (condition_id != NULL, FALSE);

  if (!chosen)
    return ldn_store_execute (store, error, "DELETE FROM about_conditions WHERE condition_id = ?1", "t", condition_id);

  return ldn_store_execute (store, error,
                            "INSERT INTO about_conditions (condition_id) VALUES (?1)"
                            " ON CONFLICT (condition_id) DO NOTHING",
                            "t", condition_id);
}

gint64
ldn_decision_add_own_condition (LdnUserStore *store,
                                const char   *text,
                                GError      **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (LDN_IS_USER_STORE (store), 0);

  trimmed = checked_entry (store, text, "SELECT count(*) FROM about_conditions",
                           _("Type the name of the condition first."), error);
  if (trimmed == NULL ||
      !ldn_store_execute (store, error, "INSERT INTO about_conditions (text) VALUES (?1)", "t", trimmed))
    return 0;

  return sqlite3_last_insert_rowid (ldn_user_store_get_db (store));
}

gboolean
ldn_decision_remove_condition (LdnUserStore *store,
                               gint64        id,
                               GError      **error)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);

  return ldn_store_execute (store, error, "DELETE FROM about_conditions WHERE id = ?1", "i", id);
}

GPtrArray *
ldn_decision_list_medicines (LdnUserStore *store,
                             GError      **error)
{
  g_autoptr(GPtrArray) medicines = g_ptr_array_new_with_free_func ((GDestroyNotify) ldn_medicine_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LDN_IS_USER_STORE (store), NULL);

  stmt = ldn_store_prepare (store, "SELECT id, name, dose, how_often FROM medicines ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LdnMedicine *medicine = g_new0 (LdnMedicine, 1);

      medicine->id = sqlite3_column_int64 (stmt, 0);
      medicine->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      medicine->dose = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      medicine->how_often = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (medicines, medicine);
    }
  if (!ldn_store_finish_rows (store, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&medicines);
}

static gboolean
check_medicine_details (const char  *dose,
                        const char  *how_often,
                        GError     **error)
{
  return ldn_user_text_check (dose ? dose : "", error) && ldn_user_text_check (how_often ? how_often : "", error);
}

gint64
ldn_decision_add_medicine (LdnUserStore *store,
                           const char   *name,
                           const char   *dose,
                           const char   *how_often,
                           GError      **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (LDN_IS_USER_STORE (store), 0);

  trimmed = checked_entry (store, name, "SELECT count(*) FROM medicines",
                           _("Type the medicine’s name first."), error);
  if (trimmed == NULL || !check_medicine_details (dose, how_often, error))
    return 0;

  if (!ldn_store_execute (store, error,
                          "INSERT INTO medicines (position, name, dose, how_often)"
                          " VALUES ((SELECT coalesce (max (position), 0) + 1 FROM medicines), ?1, ?2, ?3)",
                          "ttt", trimmed, dose ? dose : "", how_often ? how_often : ""))
    return 0;

  return sqlite3_last_insert_rowid (ldn_user_store_get_db (store));
}

gboolean
ldn_decision_update_medicine (LdnUserStore *store,
                              gint64        id,
                              const char   *name,
                              const char   *dose,
                              const char   *how_often,
                              GError      **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);

  trimmed = checked_entry (store, name, NULL, _("A medicine needs a name; to take it off the list, remove it."),
                           error);
  if (trimmed == NULL || !check_medicine_details (dose, how_often, error))
    return FALSE;

  return ldn_store_execute (store, error, "UPDATE medicines SET name = ?2, dose = ?3, how_often = ?4 WHERE id = ?1",
                            "ittt", id, trimmed, dose ? dose : "", how_often ? how_often : "");
}

gboolean
ldn_decision_remove_medicine (LdnUserStore *store,
                              gint64        id,
                              GError      **error)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);

  return ldn_store_execute (store, error, "DELETE FROM medicines WHERE id = ?1", "i", id);
}

static gboolean
check_importance (int      importance,
                  gboolean allow_none,
                  GError **error)
{
  if ((importance == -1 && allow_none) || (importance >= 0 && importance <= LDN_DECISION_IMPORTANCE_MAX))
    return TRUE;

  g_set_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE,
               _("How much it matters is a number from 0 to %d, not %d."), LDN_DECISION_IMPORTANCE_MAX, importance);
  return FALSE;
}

int
ldn_decision_get_importance (LdnUserStore *store,
                             const char   *value_id)
{
  sqlite3_stmt *stmt;
  int importance = -1;

  g_return_val_if_fail (LDN_IS_USER_STORE (store), -1);

  stmt = ldn_store_prepare (store, "SELECT importance FROM value_ratings WHERE value_id = ?1", NULL);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, value_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    importance = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return importance;
}

gboolean
ldn_decision_set_importance (LdnUserStore *store,
                             const char   *value_id,
                             int           importance,
                             GError      **error)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);
  g_return_val_if_fail (value_id != NULL, FALSE);

  if (!check_importance (importance, TRUE, error))
    return FALSE;
  if (importance < 0)
    return ldn_store_execute (store, error, "DELETE FROM value_ratings WHERE value_id = ?1", "t", value_id);

  return ldn_store_execute (store, error,
                            "INSERT INTO value_ratings (value_id, importance) VALUES (?1, ?2)"
                            " ON CONFLICT (value_id) DO UPDATE SET importance = excluded.importance",
                            "ti", value_id, (gint64) importance);
}

GPtrArray *
ldn_decision_list_own_values (LdnUserStore *store,
                              GError      **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) ldn_own_value_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LDN_IS_USER_STORE (store), NULL);

  stmt = ldn_store_prepare (store, "SELECT id, text, importance FROM own_values ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LdnOwnValue *value = g_new0 (LdnOwnValue, 1);

      value->id = sqlite3_column_int64 (stmt, 0);
      value->text = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      value->importance = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 2);
      g_ptr_array_add (values, value);
    }
  if (!ldn_store_finish_rows (store, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&values);
}

gint64
ldn_decision_add_own_value (LdnUserStore *store,
                            const char   *text,
                            int           importance,
                            GError      **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (LDN_IS_USER_STORE (store), 0);

  if (!check_importance (importance, TRUE, error))
    return 0;
  trimmed = checked_entry (store, text, "SELECT count(*) FROM own_values",
                           _("Type what matters to you first."), error);
  if (trimmed == NULL)
    return 0;

  /* "b" binds a negative number as NULL: not rated. */
  if (!ldn_store_execute (store, error, "INSERT INTO own_values (text, importance) VALUES (?1, ?2)", "tb", trimmed,
                          importance))
    return 0;

  return sqlite3_last_insert_rowid (ldn_user_store_get_db (store));
}

gboolean
ldn_decision_set_own_importance (LdnUserStore *store,
                                 gint64        id,
                                 int           importance,
                                 GError      **error)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);

  if (!check_importance (importance, TRUE, error))
    return FALSE;
  return ldn_store_execute (store, error, "UPDATE own_values SET importance = ?2 WHERE id = ?1", "ib", id, importance);
}

gboolean
ldn_decision_remove_own_value (LdnUserStore *store,
                               gint64        id,
                               GError      **error)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);

  return ldn_store_execute (store, error, "DELETE FROM own_values WHERE id = ?1", "i", id);
}

GStrv
ldn_decision_dup_saved_ids (LdnUserStore *store,
                            gboolean      consent)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LDN_IS_USER_STORE (store), NULL);

  stmt = ldn_store_prepare (store, consent ? "SELECT item_id FROM consent_answers ORDER BY item_id"
                                           : "SELECT value_id FROM value_ratings ORDER BY value_id", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (ids, (const char *) sqlite3_column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return g_strv_builder_end (ids);
}

LdnConsentAnswer
ldn_decision_get_consent (LdnUserStore *store,
                          const char   *item_id)
{
  LdnConsentAnswer answer = LDN_CONSENT_NONE;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LDN_IS_USER_STORE (store), LDN_CONSENT_NONE);

  stmt = ldn_store_prepare (store, "SELECT answer FROM consent_answers WHERE item_id = ?1", NULL);
  if (stmt == NULL)
    return LDN_CONSENT_NONE;
  sqlite3_bind_text (stmt, 1, item_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ldn_consent_from_string ((const char *) sqlite3_column_text (stmt, 0), &answer);
  sqlite3_reset (stmt);

  return answer;
}

gboolean
ldn_decision_set_consent (LdnUserStore     *store,
                          const char       *item_id,
                          LdnConsentAnswer  answer,
                          GError          **error)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  if (answer == LDN_CONSENT_NONE)
    return ldn_store_execute (store, error, "DELETE FROM consent_answers WHERE item_id = ?1", "t", item_id);
  if (ldn_consent_to_string (answer) == NULL)
    {
      g_set_error_literal (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE, _("Unknown answer."));
      return FALSE;
    }

  return ldn_store_execute (store, error,
                            "INSERT INTO consent_answers (item_id, answer) VALUES (?1, ?2)"
                            " ON CONFLICT (item_id) DO UPDATE SET answer = excluded.answer",
                            "tt", item_id, ldn_consent_to_string (answer));
}

LdnSureAnswer
ldn_decision_get_sure (LdnUserStore *store,
                       LdnSurePhase  phase,
                       guint         index)
{
  LdnSureAnswer answer = LDN_SURE_NONE;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LDN_IS_USER_STORE (store), LDN_SURE_NONE);
  g_return_val_if_fail (index < LDN_DECISION_SURE_ITEMS, LDN_SURE_NONE);

  stmt = ldn_store_prepare (store, "SELECT answer FROM sure_answers WHERE phase = ?1 AND item = ?2", NULL);
  if (stmt == NULL)
    return LDN_SURE_NONE;
  sqlite3_bind_text (stmt, 1, ldn_sure_phase_to_string (phase), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, index);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    answer = sqlite3_column_int (stmt, 0) ? LDN_SURE_YES : LDN_SURE_NO;
  sqlite3_reset (stmt);

  return answer;
}

gboolean
ldn_decision_set_sure (LdnUserStore  *store,
                       LdnSurePhase   phase,
                       guint          index,
                       LdnSureAnswer  answer,
                       GError       **error)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);

  if (index >= LDN_DECISION_SURE_ITEMS || answer > LDN_SURE_NO || phase > LDN_SURE_AFTER)
    {
      g_set_error_literal (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE, _("Unknown answer."));
      return FALSE;
    }

  if (answer == LDN_SURE_NONE)
    return ldn_store_execute (store, error, "DELETE FROM sure_answers WHERE phase = ?1 AND item = ?2", "ti",
                              ldn_sure_phase_to_string (phase), (gint64) index);

  return ldn_store_execute (store, error,
                            "INSERT INTO sure_answers (phase, item, answer) VALUES (?1, ?2, ?3)"
                            " ON CONFLICT (phase, item) DO UPDATE SET answer = excluded.answer",
                            "tii", ldn_sure_phase_to_string (phase), (gint64) index, (gint64) (answer == LDN_SURE_YES));
}

void
ldn_decision_count_sure (LdnUserStore *store,
                         LdnSurePhase  phase,
                         guint        *answered,
                         guint        *unsure)
{
  guint n_answered = 0, n_unsure = 0;

  for (guint i = 0; i < LDN_DECISION_SURE_ITEMS; i++)
    {
      LdnSureAnswer answer = ldn_decision_get_sure (store, phase, i);

      n_answered += answer != LDN_SURE_NONE;
      n_unsure += answer == LDN_SURE_NO;
    }

  if (answered != NULL)
    *answered = n_answered;
  if (unsure != NULL)
    *unsure = n_unsure;
}

LdnDecisionStage
ldn_decision_get_stage (LdnUserStore *store)
{
  g_autofree char *text = dup_about (store, "stage");
  LdnDecisionStage stage = LDN_STAGE_NONE;

  ldn_decision_stage_from_string (text, &stage);
  return stage;
}

gboolean
ldn_decision_set_stage (LdnUserStore      *store,
                        LdnDecisionStage   stage,
                        GError           **error)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);

  if (stage >= G_N_ELEMENTS (stage_names))
    {
      g_set_error_literal (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE, _("Unknown answer."));
      return FALSE;
    }

  return set_about (store, "stage", ldn_decision_stage_to_string (stage), error);
}

LdnDecisionRole
ldn_decision_get_role (LdnUserStore *store)
{
  g_autofree char *text = dup_about (store, "role");
  LdnDecisionRole role = LDN_ROLE_NONE;

  ldn_decision_role_from_string (text, &role);
  return role;
}

gboolean
ldn_decision_set_role (LdnUserStore     *store,
                       LdnDecisionRole   role,
                       GError          **error)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);

  if (role >= G_N_ELEMENTS (role_names))
    {
      g_set_error_literal (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE, _("Unknown answer."));
      return FALSE;
    }

  return set_about (store, "role", ldn_decision_role_to_string (role), error);
}

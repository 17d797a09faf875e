/* ldn-store-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ldn-store-util.h"

gboolean
ldn_store_set_storage_error (LdnUserStore  *store,
                             GError       **error)
{
  g_set_error (error, LDN_USER_ERROR, LDN_USER_ERROR_STORAGE,
               _("Your change could not be saved: %s"), sqlite3_errmsg (ldn_user_store_get_db (store)));
  return FALSE;
}

sqlite3_stmt *
ldn_store_prepare (LdnUserStore  *store,
                   const char    *sql,
                   GError       **error)
{
  sqlite3_stmt *stmt = ldn_statement_cache_get (ldn_user_store_get_statements (store), sql);

  if (stmt == NULL)
    ldn_store_set_storage_error (store, error);
  return stmt;
}

/* Prepares, binds and steps once; the step's result, or SQLITE_ERROR
 * with the storage error set. */
static int
step_once (LdnUserStore  *store,
           GError       **error,
           const char    *sql,
           const char    *types,
           va_list        args,
           gint64        *first_column)
{
  sqlite3_stmt *stmt = ldn_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return SQLITE_ERROR;

  ldn_sqlite_bind_valist (stmt, types, args);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && first_column != NULL)
    *first_column = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      ldn_store_set_storage_error (store, error);
      return SQLITE_ERROR;
    }

  return rc;
}

gboolean
ldn_store_execute (LdnUserStore  *store,
                   GError       **error,
                   const char    *sql,
                   const char    *types,
                   ...)
{
  va_list args;
  int rc;

  va_start (args, types);
  rc = step_once (store, error, sql, types, args, NULL);
  va_end (args);

  return rc != SQLITE_ERROR;
}

gint64
ldn_store_query_int (LdnUserStore  *store,
                     GError       **error,
                     const char    *sql,
                     const char    *types,
                     ...)
{
  gint64 value = 0;
  va_list args;
  int rc;

  va_start (args, types);
  rc = step_once (store, error, sql, types, args, &value);
  va_end (args);

  return rc != SQLITE_ERROR ? value : -1;
}

gboolean
ldn_store_execute_each (LdnUserStore        *store,
                        const char * const  *statements,
                        const char          *key,
                        GError             **error)
{
  for (guint i = 0; statements[i] != NULL; i++)
    {
      sqlite3_stmt *stmt = ldn_store_prepare (store, statements[i], error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      if (sqlite3_bind_parameter_count (stmt) > 0)
        sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return ldn_store_set_storage_error (store, error);
    }

  return TRUE;
}

typedef struct {
  const char * const *statements;
  const char         *key;
} Statements;

static gboolean
execute_each_in_transaction (LdnUserStore *store,
                             gpointer      data,
                             GError      **error)
{
  Statements *run = data;

  return ldn_store_execute_each (store, run->statements, run->key, error);
}

gboolean
ldn_store_run_statements (LdnUserStore        *store,
                          const char * const  *statements,
                          const char          *key,
                          GError             **error)
{
  Statements run = { statements, key };

  return ldn_user_store_run_transaction (store, execute_each_in_transaction, &run, error);
}

gboolean
ldn_store_finish_rows (LdnUserStore  *store,
                       sqlite3_stmt  *stmt,
                       int            rc,
                       GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return ldn_store_set_storage_error (store, error);
  return TRUE;
}

const char *
ldn_store_column_text (sqlite3_stmt *stmt,
                       int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

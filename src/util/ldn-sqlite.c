/* ldn-sqlite.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "ldn-sqlite.h"

struct _LdnStatementCache
{
  sqlite3    *db;
  GHashTable *statements;
};

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

LdnStatementCache *
ldn_statement_cache_new (sqlite3 *db)
{
  LdnStatementCache *cache = g_new0 (LdnStatementCache, 1);

  cache->db = db;
  cache->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);

  return cache;
}

void
ldn_statement_cache_clear (LdnStatementCache *cache)
{
  g_return_if_fail (cache != NULL);

  g_hash_table_remove_all (cache->statements);
}

void
ldn_statement_cache_free (LdnStatementCache *cache)
{
  if (cache == NULL)
    return;

  g_hash_table_unref (cache->statements);
  g_free (cache);
}

sqlite3_stmt *
ldn_statement_cache_get (LdnStatementCache *cache,
                         const char        *sql)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (cache != NULL && sql != NULL, NULL);

  stmt = g_hash_table_lookup (cache->statements, sql);
  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (cache->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        return NULL;
      g_hash_table_insert (cache->statements, (gpointer) sql, stmt);
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return stmt;
}

void
ldn_sqlite_bind_valist (sqlite3_stmt *stmt,
                        const char   *types,
                        va_list       args)
{
  for (int i = 0; types[i] != '\0'; i++)
    {
      int column = i + 1;

      switch (types[i])
        {
        case 't':
        case 'n':
          sqlite3_bind_text (stmt, column, va_arg (args, const char *), -1, SQLITE_TRANSIENT);
          break;
        case 'i':
          sqlite3_bind_int64 (stmt, column, va_arg (args, gint64));
          break;
        case 'b':
          {
            int value = va_arg (args, int);
            if (value < 0)
              sqlite3_bind_null (stmt, column);
            else
              sqlite3_bind_int (stmt, column, value);
          }
          break;
        case 'd':
        case 'D':
          {
            double value = va_arg (args, double);
            if (isnan (value))
              sqlite3_bind_null (stmt, column);
            else
              sqlite3_bind_double (stmt, column, value);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

gint64
ldn_statement_cache_count (LdnStatementCache *cache,
                           const char        *sql)
{
  sqlite3_stmt *stmt = ldn_statement_cache_get (cache, sql);
  gint64 count = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

char *
ldn_statement_cache_dup_text (LdnStatementCache *cache,
                              const char        *sql,
                              const char        *key)
{
  sqlite3_stmt *stmt = ldn_statement_cache_get (cache, sql);
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return text;
}

/* ldn-sqlite.h
 *
 * Prepared statements kept for the life of a connection, and binding by
 * a short type string, shared by everything that writes SQLite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _LdnStatementCache LdnStatementCache;

LdnStatementCache *ldn_statement_cache_new   (sqlite3           *db);
void               ldn_statement_cache_free  (LdnStatementCache *cache);
/* Drops every statement, e.g. before VACUUM or closing. */
void               ldn_statement_cache_clear (LdnStatementCache *cache);
/* The statement for SQL (a string that lives as long as the cache),
 * reset and unbound; NULL if SQLite cannot prepare it. */
sqlite3_stmt      *ldn_statement_cache_get   (LdnStatementCache *cache,
                                              const char        *sql);

/* Reads that report no error (the caller has a default): the first
 * column of the first row of SQL as an integer, 0 if none; */
gint64             ldn_statement_cache_count    (LdnStatementCache *cache,
                                                 const char        *sql);
/* a copy of the first column of SQL with ?1 bound to KEY, NULL if none. */
char              *ldn_statement_cache_dup_text (LdnStatementCache *cache,
                                                 const char        *sql,
                                                 const char        *key);

/* Binds the arguments by TYPES, one letter each: t text, n text or NULL,
 * i gint64, b boolean or -1 for NULL, d double, D double or NAN for NULL. */
void               ldn_sqlite_bind_valist    (sqlite3_stmt      *stmt,
                                              const char        *types,
                                              va_list            args);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdnStatementCache, ldn_statement_cache_free)

G_END_DECLS

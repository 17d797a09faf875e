/* ldn-store-util.h
 *
 * Statement helpers shared by the units that keep more of the person's
 * data in the user store (ldn-decision-store.c, ldn-diary-store.c):
 * prepare a cached statement, bind, step, run statements in one
 * transaction, and map a failure to the store's error. Nothing outside
 * src/user includes this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "ldn-user-store-private.h"

G_BEGIN_DECLS

/* LDN_USER_ERROR_STORAGE, "Your change could not be saved: ", and
 * SQLite's last message. */
gboolean      ldn_store_set_storage_error (LdnUserStore  *store,
                                           GError       **error);
/* The cached statement for SQL, or NULL with the storage error. */
sqlite3_stmt *ldn_store_prepare           (LdnUserStore  *store,
                                           const char    *sql,
                                           GError       **error);
/* Binds by TYPES (see ldn_sqlite_bind_valist) and steps once. Runs in
 * the transaction that is open, or on its own in autocommit. */
gboolean      ldn_store_execute           (LdnUserStore  *store,
                                           GError       **error,
                                           const char    *sql,
                                           const char    *types,
                                           ...);
/* Runs each of STATEMENTS (NULL-terminated), ?1 bound to KEY where a
 * statement has it, until one fails. In the transaction that is open. */
gboolean      ldn_store_execute_each      (LdnUserStore        *store,
                                           const char * const  *statements,
                                           const char          *key,
                                           GError             **error);
/* The same in one transaction of its own (ldn_user_store_run_transaction):
 * all of them or none. */
gboolean      ldn_store_run_statements    (LdnUserStore        *store,
                                           const char * const  *statements,
                                           const char          *key,
                                           GError             **error);
/* The first column of the first row as an integer (0 for no row), or
 * -1 with the storage error. */
gint64        ldn_store_query_int         (LdnUserStore  *store,
                                           GError       **error,
                                           const char    *sql,
                                           const char    *types,
                                           ...);
/* Resets STMT after a loop of sqlite3_step() that ended with RC: TRUE
 * if it ran to the end, else FALSE with the storage error. */
gboolean      ldn_store_finish_rows       (LdnUserStore  *store,
                                           sqlite3_stmt  *stmt,
                                           int            rc,
                                           GError       **error);
/* The text of COLUMN, "" for NULL. */
const char   *ldn_store_column_text       (sqlite3_stmt  *stmt,
                                           int            column);

G_END_DECLS

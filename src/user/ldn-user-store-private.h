/* ldn-user-store-private.h
 *
 * For the units that keep more of the person's data in the same file
 * (ldn-decision-store.c): the store's connection and statement cache.
 * Nothing outside src/user includes this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "ldn-user-store.h"
#include "util/ldn-sqlite.h"

G_BEGIN_DECLS

sqlite3           *ldn_user_store_get_db         (LdnUserStore *self);
LdnStatementCache *ldn_user_store_get_statements (LdnUserStore *self);

/* Schema step 2 -> 3: the decision aid. Never edit it once shipped. */
#define LDN_DECISION_SCHEMA_SQL \
  "CREATE TABLE about_me (key TEXT PRIMARY KEY, value TEXT NOT NULL);" \
  "CREATE TABLE about_conditions (id INTEGER PRIMARY KEY, condition_id TEXT UNIQUE, text TEXT," \
  "  CHECK ((condition_id IS NULL) != (text IS NULL)));" \
  "CREATE TABLE medicines (id INTEGER PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL," \
  "  dose TEXT NOT NULL DEFAULT '', how_often TEXT NOT NULL DEFAULT '');" \
  "CREATE TABLE value_ratings (value_id TEXT PRIMARY KEY," \
  "  importance INTEGER NOT NULL CHECK (importance BETWEEN 0 AND 4));" \
  "CREATE TABLE own_values (id INTEGER PRIMARY KEY, text TEXT NOT NULL," \
  "  importance INTEGER CHECK (importance BETWEEN 0 AND 4));" \
  "CREATE TABLE consent_answers (item_id TEXT PRIMARY KEY," \
  "  answer TEXT NOT NULL CHECK (answer IN ('understood', 'explain')));" \
  "CREATE TABLE sure_answers (phase TEXT NOT NULL CHECK (phase IN ('before', 'after'))," \
  "  item INTEGER NOT NULL CHECK (item BETWEEN 0 AND 3), answer INTEGER NOT NULL CHECK (answer IN (0, 1))," \
  "  PRIMARY KEY (phase, item));"

/* What "delete all" and an import clear, as array elements. */
#define LDN_DECISION_CLEAR_STATEMENTS \
  "DELETE FROM about_me", "DELETE FROM about_conditions", "DELETE FROM medicines", \
  "DELETE FROM value_ratings", "DELETE FROM own_values", "DELETE FROM consent_answers", \
  "DELETE FROM sure_answers"

G_END_DECLS

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

/* Schema step 3 -> 4: the diary (see ldn-diary-store.c). Never edit it once shipped.
 * IF NOT EXISTS: older files made by test builds may already hold the tables. */
#define LDN_DIARY_SCHEMA_SQL \
  "CREATE TABLE IF NOT EXISTS diary_items (id TEXT PRIMARY KEY, position INTEGER NOT NULL, label TEXT NOT NULL," \
  "  low TEXT NOT NULL DEFAULT '', high TEXT NOT NULL DEFAULT ''," \
  "  every TEXT NOT NULL CHECK (every IN ('day', 'week')));" \
  "CREATE TABLE IF NOT EXISTS diary_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);" \
  "CREATE TABLE IF NOT EXISTS diary_plan (from_date TEXT PRIMARY KEY, dose_mg REAL NOT NULL CHECK (dose_mg > 0)," \
  "  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1439));" \
  "CREATE TABLE IF NOT EXISTS diary_entries (date TEXT PRIMARY KEY, note TEXT NOT NULL DEFAULT ''," \
  "  dose_taken INTEGER CHECK (dose_taken IN (0, 1)));" \
  "CREATE TABLE IF NOT EXISTS diary_ratings (date TEXT NOT NULL, item_id TEXT NOT NULL," \
  "  rating INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 10), PRIMARY KEY (date, item_id));" \
  "CREATE TABLE IF NOT EXISTS diary_side_effects (date TEXT NOT NULL, side_effect_id TEXT NOT NULL," \
  "  severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 3), PRIMARY KEY (date, side_effect_id));"

#define LDN_DIARY_CLEAR_STATEMENTS \
  "DELETE FROM diary_items", "DELETE FROM diary_settings", "DELETE FROM diary_plan", \
  "DELETE FROM diary_entries", "DELETE FROM diary_ratings", "DELETE FROM diary_side_effects"

G_END_DECLS

/* ldn-content-compiler.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "ldn-content-compiler.h"
#include "ldn-content-schema.h"
#include "util/ldn-sqlite.h"

/* Length limits in characters: long enough for a plain sentence or two,
 * short enough that a page stays readable on a phone. */
enum {
  MAX_ID = 64,
  MAX_TITLE = 100,
  MAX_SUMMARY = 160,
  MAX_BODY = 1000,
  MAX_CELL = 200,
  MAX_ITEM = 300,
  MAX_EXPLANATION = 600,
  MAX_SOURCE_FIELD = 400,
};

struct _LdnContentCompiler
{
  GObject     parent_instance;

  sqlite3           *db;
  LdnStatementCache *statements;
  GPtrArray  *problems;
  char       *file;
  gboolean    have_meta;
};

G_DEFINE_FINAL_TYPE (LdnContentCompiler, ldn_content_compiler, G_TYPE_OBJECT)

G_DEFINE_QUARK (ldn-content-error-quark, ldn_content_error)

static void G_GNUC_PRINTF (3, 4)
problem (LdnContentCompiler *self,
         const char         *path,
         const char         *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (self->problems, g_strdup_printf ("%s:%s: %s", self->file, path, message));
}

static sqlite3_stmt *
statement (LdnContentCompiler *self,
           const char         *sql)
{
  sqlite3_stmt *stmt = ldn_statement_cache_get (self->statements, sql);

  if (stmt == NULL)
    g_error ("Bad compiler SQL “%s”: %s", sql, sqlite3_errmsg (self->db));

  return stmt;
}

/* Binds by a type string (see ldn_sqlite_bind_valist) and runs SQL. */
static gboolean
insert (LdnContentCompiler *self,
        const char         *path,
        const char         *sql,
        const char         *types,
        ...)
{
  sqlite3_stmt *stmt = statement (self, sql);
  va_list args;
  int rc;

  va_start (args, types);
  ldn_sqlite_bind_valist (stmt, types, args);
  va_end (args);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      const char *message = sqlite3_errmsg (self->db);

      if (strstr (message, "UNIQUE") != NULL || strstr (message, "PRIMARY KEY") != NULL)
        problem (self, path, "duplicate id or position (%s)", message);
      else
        problem (self, path, "value not allowed (%s)", message);
    }
  else
    {
      problem (self, path, "could not store this item: %s", sqlite3_errmsg (self->db));
    }

  return FALSE;
}

static char *
member_path (const char *parent,
             const char *member)
{
  return g_strdup_printf ("%s.%s", parent, member);
}

static char *
index_path (const char *parent,
            guint       index)
{
  return g_strdup_printf ("%s[%u]", parent, index);
}

static gboolean
text_is_clean (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 && *p != '\n')
        return FALSE;
    }

  return TRUE;
}

/* A string member, checked for presence, type, emptiness and length.
 * Returns NULL (after recording why) when it is unusable or absent. */
static const char *
get_text (LdnContentCompiler *self,
          JsonObject         *object,
          const char         *path,
          const char         *member,
          glong               max_chars,
          gboolean            required)
{
  g_autofree char *here = member_path (path, member);
  JsonNode *node = json_object_get_member (object, member);
  const char *text;
  glong length;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        problem (self, path, "missing field “%s”", member);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      problem (self, here, "must be a string");
      return NULL;
    }

  text = json_node_get_string (node);
  length = g_utf8_strlen (text, -1);

  if (required && *text == '\0')
    {
      problem (self, here, "is empty");
      return NULL;
    }
  if (length > max_chars)
    {
      problem (self, here, "text over the limit: %ld characters, at most %ld", length, max_chars);
      return NULL;
    }
  if (!text_is_clean (text))
    {
      problem (self, here, "contains a control character");
      return NULL;
    }

  return text;
}

static const char *
get_id (LdnContentCompiler *self,
        JsonObject         *object,
        const char         *path)
{
  const char *id = get_text (self, object, path, "id", MAX_ID, TRUE);

  if (id == NULL)
    return NULL;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.' && *p != '_')
        {
          g_autofree char *here = member_path (path, "id");
          problem (self, here, "“%s” is not a valid id (letters, digits, '-', '.', '_')", id);
          return NULL;
        }
    }

  return id;
}

static gboolean
get_number (LdnContentCompiler *self,
            JsonObject         *object,
            const char         *path,
            const char         *member,
            gboolean            required,
            double             *out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NAN;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        problem (self, path, "missing field “%s”", member);
      return !required;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 &&
       json_node_get_value_type (node) != G_TYPE_DOUBLE))
    {
      g_autofree char *here = member_path (path, member);
      problem (self, here, "must be a number");
      return FALSE;
    }

  *out = json_node_get_double (node);
  return TRUE;
}

/* Returns -1 for absent or null (when allowed), else 0 or 1. */
static int
get_boolean (LdnContentCompiler *self,
             JsonObject         *object,
             const char         *path,
             const char         *member,
             gboolean            nullable)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!nullable)
        problem (self, path, "missing field “%s”", member);
      return -1;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_autofree char *here = member_path (path, member);
      problem (self, here, "must be true or false%s", nullable ? " or null" : "");
      return -1;
    }

  return json_node_get_boolean (node) ? 1 : 0;
}

static JsonArray *
get_array (LdnContentCompiler *self,
           JsonObject         *object,
           const char         *path,
           const char         *member,
           gboolean            required)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      if (required)
        problem (self, path, "missing field “%s”", member);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *here = member_path (path, member);
      problem (self, here, "must be an array");
      return NULL;
    }

  return json_node_get_array (node);
}

static JsonObject *
element_object (LdnContentCompiler *self,
                JsonArray          *array,
                guint               index,
                const char         *path)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (self, path, "must be an object");
      return NULL;
    }

  return json_node_get_object (node);
}

/* Checks a "sources" array and stores each citation in TABLE, whose
 * columns are (owner, source_id, position). */
static guint
add_citations (LdnContentCompiler *self,
               JsonObject         *object,
               const char         *path,
               const char         *insert_sql,
               const char         *owner_text,
               gint64              owner_number,
               gboolean            required)
{
  g_autofree char *list_path = member_path (path, "sources");
  JsonArray *sources = get_array (self, object, path, "sources", required);
  guint added = 0;

  if (sources == NULL)
    return 0;

  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      g_autofree char *here = index_path (list_path, i);
      JsonNode *node = json_array_get_element (sources, i);
      const char *source_id;
      gboolean stored;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          problem (self, here, "a source id must be a string");
          continue;
        }

      source_id = json_node_get_string (node);
      if (owner_text != NULL)
        stored = insert (self, here, insert_sql, "tti", owner_text, source_id, (gint64) i);
      else
        stored = insert (self, here, insert_sql, "iti", owner_number, source_id, (gint64) i);

      if (stored)
        {
          g_autofree char *origin = g_strdup_printf ("%s:%s", self->file, here);
          insert (self, here, "INSERT INTO temp.citation_refs VALUES (?1, ?2)", "tt", source_id, origin);
          added++;
        }
    }

  if (required && added == 0 && json_array_get_length (sources) == 0)
    problem (self, path, "has no source");

  return added;
}

static void
compile_meta (LdnContentCompiler *self,
              JsonObject         *meta)
{
  const char *version = get_text (self, meta, "$.meta", "content_version", MAX_ID, TRUE);

  if (version == NULL)
    return;

  if (self->have_meta)
    {
      problem (self, "$.meta", "a second meta section; there must be exactly one");
      return;
    }

  self->have_meta = TRUE;
  insert (self, "$.meta", "INSERT INTO meta VALUES ('content_version', ?1)", "t", version);
}

static void
compile_source (LdnContentCompiler *self,
                JsonObject         *source,
                const char         *path)
{
  const char *id = get_id (self, source, path);
  const char *kind = get_text (self, source, path, "type", MAX_ID, TRUE);
  const char *authors = get_text (self, source, path, "authors", MAX_SOURCE_FIELD, TRUE);
  const char *title = get_text (self, source, path, "title", MAX_SOURCE_FIELD, TRUE);
  const char *journal = get_text (self, source, path, "journal", MAX_SOURCE_FIELD, FALSE);
  const char *details = get_text (self, source, path, "details", MAX_SOURCE_FIELD, FALSE);
  const char *pmid = get_text (self, source, path, "pmid", MAX_ID, FALSE);
  const char *doi = get_text (self, source, path, "doi", MAX_SOURCE_FIELD, FALSE);
  const char *url = get_text (self, source, path, "url", MAX_SOURCE_FIELD, FALSE);
  const char *note = get_text (self, source, path, "note", MAX_SOURCE_FIELD, FALSE);
  double year;
  g_autofree char *origin = NULL;

  if (!get_number (self, source, path, "year", FALSE, &year))
    return;
  if (!isnan (year) && (year < 1900 || year > 2100 || year != (gint64) year))
    {
      g_autofree char *here = member_path (path, "year");
      problem (self, here, "bad year %g", year);
      return;
    }
  if (id == NULL || kind == NULL || authors == NULL || title == NULL)
    return;

  if (!insert (self, path,
               "INSERT INTO sources VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
               "ttttnDnnnnn", id, kind, authors, title, journal, year, details, pmid, doi, url, note))
    return;

  origin = g_strdup_printf ("%s:%s", self->file, path);
  insert (self, path, "INSERT INTO temp.source_origins VALUES (?1, ?2)", "tt", id, origin);
}

static gboolean
date_is_valid (const char *text)
{
  int year, month, day;
  char tail;

  if (strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3)
    return FALSE;

  return year >= 2000 && g_date_valid_dmy (day, month, year);
}

static void
compile_cells (LdnContentCompiler *self,
               JsonArray          *cells,
               const char         *path,
               gint64              block_id,
               guint               row,
               glong               max_chars)
{
  for (guint col = 0; col < json_array_get_length (cells); col++)
    {
      g_autofree char *here = index_path (path, col);
      JsonNode *node = json_array_get_element (cells, col);
      const char *text;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          problem (self, here, "must be a string");
          continue;
        }

      text = json_node_get_string (node);
      if (g_utf8_strlen (text, -1) > max_chars)
        {
          problem (self, here, "text over the limit: %ld characters, at most %ld",
                   g_utf8_strlen (text, -1), max_chars);
          continue;
        }
      if (!text_is_clean (text))
        {
          problem (self, here, "contains a control character");
          continue;
        }

      insert (self, here, "INSERT INTO block_cells VALUES (?1, 'en', ?2, ?3, ?4)",
              "iiit", block_id, (gint64) row, (gint64) col, text);
    }
}

static void
compile_table (LdnContentCompiler *self,
               JsonObject         *block,
               const char         *path,
               gint64              block_id)
{
  JsonArray *columns = get_array (self, block, path, "columns", TRUE);
  JsonArray *rows = get_array (self, block, path, "rows", TRUE);
  g_autofree char *columns_path = member_path (path, "columns");
  g_autofree char *rows_path = member_path (path, "rows");

  if (columns == NULL || rows == NULL)
    return;

  if (json_array_get_length (columns) < 2)
    problem (self, columns_path, "a table needs at least two columns");
  compile_cells (self, columns, columns_path, block_id, 0, MAX_CELL);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      g_autofree char *here = index_path (rows_path, i);
      JsonNode *node = json_array_get_element (rows, i);

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          problem (self, here, "a row must be an array");
          continue;
        }
      if (json_array_get_length (json_node_get_array (node)) != json_array_get_length (columns))
        {
          problem (self, here, "has %u cells but the table has %u columns",
                   json_array_get_length (json_node_get_array (node)),
                   json_array_get_length (columns));
          continue;
        }
      compile_cells (self, json_node_get_array (node), here, block_id, i + 1, MAX_CELL);
    }
}

static void
compile_list (LdnContentCompiler *self,
              JsonObject         *block,
              const char         *path,
              gint64              block_id)
{
  JsonArray *items = get_array (self, block, path, "items", TRUE);
  g_autofree char *items_path = member_path (path, "items");

  if (items == NULL)
    return;
  if (json_array_get_length (items) == 0)
    problem (self, items_path, "a list needs at least one item");

  /* Each item is a row with one cell. */
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(JsonArray) one = json_array_new ();
      g_autofree char *here = index_path (items_path, i);

      json_array_add_element (one, json_node_copy (json_array_get_element (items, i)));
      compile_cells (self, one, here, block_id, i, MAX_ITEM);
    }
}

static void
compile_teach_back (LdnContentCompiler *self,
                    JsonObject         *block,
                    const char         *path,
                    gint64              block_id)
{
  const char *id = get_id (self, block, path);
  JsonArray *choices = get_array (self, block, path, "choices", TRUE);
  g_autofree char *choices_path = member_path (path, "choices");
  guint n_correct = 0;

  if (id == NULL || choices == NULL)
    return;
  if (!insert (self, path, "INSERT INTO teach_back VALUES (?1, ?2)", "ti", id, block_id))
    return;

  if (json_array_get_length (choices) < 2 || json_array_get_length (choices) > 5)
    problem (self, choices_path, "a teach-back question needs 2 to 5 choices");

  for (guint i = 0; i < json_array_get_length (choices); i++)
    {
      g_autofree char *here = index_path (choices_path, i);
      JsonObject *choice = element_object (self, choices, i, here);
      const char *choice_id, *text;
      int correct;

      if (choice == NULL)
        continue;
      choice_id = get_id (self, choice, here);
      text = get_text (self, choice, here, "text", MAX_CELL, TRUE);
      correct = get_boolean (self, choice, here, "correct", FALSE);
      if (choice_id == NULL || text == NULL || correct < 0)
        continue;

      n_correct += correct;
      if (!insert (self, here, "INSERT INTO teach_back_choices VALUES (?1, ?2, ?3, ?4)",
                   "ttib", id, choice_id, (gint64) i, correct))
        continue;
      insert (self, here, "INSERT INTO teach_back_choice_text VALUES (?1, ?2, 'en', ?3)",
              "ttt", id, choice_id, text);
    }

  if (n_correct != 1)
    problem (self, choices_path, "exactly one choice must be correct, not %u", n_correct);
}

static void
compile_block (LdnContentCompiler *self,
               JsonObject         *block,
               const char         *path,
               const char         *page_id,
               guint               position)
{
  const char *kind = get_text (self, block, path, "type", MAX_ID, TRUE);
  const char *title = NULL;
  const char *body = NULL;
  gboolean computed;
  gint64 block_id;

  if (kind == NULL)
    return;

  computed = g_str_equal (kind, "conditions") || g_str_equal (kind, "side-effects");

  if (g_str_equal (kind, "teach-back"))
    {
      title = get_text (self, block, path, "question", MAX_TITLE * 2, TRUE);
      body = get_text (self, block, path, "explanation", MAX_EXPLANATION, TRUE);
    }
  else if (!computed)
    {
      title = get_text (self, block, path, "title", MAX_TITLE, FALSE);
      body = get_text (self, block, path, "text", MAX_BODY, TRUE);
    }

  if (!insert (self, path, "INSERT INTO blocks (page_id, position, kind) VALUES (?1, ?2, ?3)",
               "tit", page_id, (gint64) position, kind))
    return;
  block_id = sqlite3_last_insert_rowid (self->db);

  if (title != NULL || body != NULL)
    insert (self, path, "INSERT INTO block_text VALUES (?1, 'en', ?2, ?3)", "inn", block_id, title, body);

  if (g_str_equal (kind, "table"))
    compile_table (self, block, path, block_id);
  else if (g_str_equal (kind, "list"))
    compile_list (self, block, path, block_id);
  else if (g_str_equal (kind, "teach-back"))
    compile_teach_back (self, block, path, block_id);

  /* Computed blocks show conditions or side effects, which carry their
   * own sources; every other block states something and must cite. */
  if (!computed)
    add_citations (self, block, path, "INSERT INTO block_sources VALUES (?1, ?2, ?3)",
                   NULL, block_id, TRUE);
}

static void
compile_page (LdnContentCompiler *self,
              JsonObject         *page)
{
  const char *path = "$.page";
  const char *id = get_id (self, page, path);
  const char *title = get_text (self, page, path, "title", MAX_TITLE, TRUE);
  const char *summary = get_text (self, page, path, "summary", MAX_SUMMARY, TRUE);
  const char *reviewed = get_text (self, page, path, "last_reviewed", MAX_ID, TRUE);
  JsonArray *blocks = get_array (self, page, path, "blocks", TRUE);
  double position;
  gboolean has_source = FALSE;

  if (!get_number (self, page, path, "position", TRUE, &position))
    return;
  if (reviewed != NULL && !date_is_valid (reviewed))
    {
      problem (self, "$.page.last_reviewed", "bad date “%s” (use YYYY-MM-DD)", reviewed);
      return;
    }
  if (id == NULL || title == NULL || summary == NULL || reviewed == NULL || blocks == NULL)
    return;

  if (!insert (self, path, "INSERT INTO pages VALUES (?1, ?2, ?3)", "tit", id, (gint64) position, reviewed))
    return;
  insert (self, path, "INSERT INTO page_text VALUES (?1, 'en', ?2, ?3)", "ttt", id, title, summary);

  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      g_autofree char *here = g_strdup_printf ("$.page.blocks[%u]", i);
      JsonObject *block = element_object (self, blocks, i, here);
      JsonNode *sources;

      if (block == NULL)
        continue;
      sources = json_object_get_member (block, "sources");
      if (sources != NULL && JSON_NODE_HOLDS_ARRAY (sources) &&
          json_array_get_length (json_node_get_array (sources)) > 0)
        has_source = TRUE;
      compile_block (self, block, here, id, i + 1);
    }

  if (!has_source)
    problem (self, path, "page “%s” has no source", id);
}

static void
compile_condition (LdnContentCompiler *self,
                   JsonObject         *item,
                   const char         *path)
{
  const char *id = get_id (self, item, path);
  const char *name = get_text (self, item, path, "name", MAX_TITLE, TRUE);
  const char *strength = get_text (self, item, path, "strength", MAX_ID, TRUE);
  const char *words = get_text (self, item, path, "strength_words", MAX_TITLE, TRUE);
  const char *summary = get_text (self, item, path, "summary", MAX_EXPLANATION, TRUE);
  double position;

  if (!get_number (self, item, path, "position", TRUE, &position) ||
      id == NULL || name == NULL || strength == NULL || words == NULL || summary == NULL)
    return;

  if (!insert (self, path, "INSERT INTO conditions VALUES (?1, ?2, ?3)", "tit", id, (gint64) position, strength))
    return;
  insert (self, path, "INSERT INTO condition_text VALUES (?1, 'en', ?2, ?3, ?4)", "tttt", id, name, words, summary);
  add_citations (self, item, path, "INSERT INTO condition_sources VALUES (?1, ?2, ?3)", id, 0, TRUE);
}

static void
compile_side_effect (LdnContentCompiler *self,
                     JsonObject         *item,
                     const char         *path)
{
  const char *id = get_id (self, item, path);
  const char *name = get_text (self, item, path, "name", MAX_TITLE, TRUE);
  const char *frequency = get_text (self, item, path, "frequency", MAX_EXPLANATION, TRUE);
  const char *note = get_text (self, item, path, "note", MAX_EXPLANATION, FALSE);
  int transient = get_boolean (self, item, path, "transient", TRUE);
  double position;

  if (!get_number (self, item, path, "position", TRUE, &position) ||
      id == NULL || name == NULL || frequency == NULL)
    return;

  if (!insert (self, path, "INSERT INTO side_effects VALUES (?1, ?2, ?3)", "tib", id, (gint64) position, transient))
    return;
  insert (self, path, "INSERT INTO side_effect_text VALUES (?1, 'en', ?2, ?3, ?4)",
          "tttt", id, name, frequency, note ? note : "");
  add_citations (self, item, path, "INSERT INTO side_effect_sources VALUES (?1, ?2, ?3)", id, 0, TRUE);
}

static void
compile_warning_sign (LdnContentCompiler *self,
                      JsonObject         *item,
                      const char         *path)
{
  const char *id = get_id (self, item, path);
  const char *sign = get_text (self, item, path, "sign", MAX_CELL, TRUE);
  const char *action = get_text (self, item, path, "action", MAX_EXPLANATION, TRUE);
  double position;

  if (!get_number (self, item, path, "position", TRUE, &position) || id == NULL || sign == NULL || action == NULL)
    return;

  if (!insert (self, path, "INSERT INTO warning_signs VALUES (?1, ?2)", "ti", id, (gint64) position))
    return;
  insert (self, path, "INSERT INTO warning_sign_text VALUES (?1, 'en', ?2, ?3)", "ttt", id, sign, action);
  add_citations (self, item, path, "INSERT INTO warning_sign_sources VALUES (?1, ?2, ?3)", id, 0, TRUE);
}

static void
compile_safety_topic (LdnContentCompiler *self,
                      JsonObject         *item,
                      const char         *path)
{
  const char *id = get_id (self, item, path);
  const char *prominence = get_text (self, item, path, "prominence", MAX_ID, TRUE);
  const char *question = get_text (self, item, path, "question", MAX_CELL, TRUE);
  const char *examples = get_text (self, item, path, "examples", MAX_EXPLANATION, FALSE);
  const char *why = get_text (self, item, path, "why", MAX_EXPLANATION, TRUE);
  double position;

  if (!get_number (self, item, path, "position", TRUE, &position) ||
      id == NULL || prominence == NULL || question == NULL || why == NULL)
    return;

  if (!insert (self, path, "INSERT INTO safety_topics VALUES (?1, ?2, ?3)", "tit", id, (gint64) position, prominence))
    return;
  insert (self, path, "INSERT INTO safety_topic_text VALUES (?1, 'en', ?2, ?3, ?4)",
          "tttt", id, question, examples ? examples : "", why);
  add_citations (self, item, path, "INSERT INTO safety_topic_sources VALUES (?1, ?2, ?3)", id, 0, TRUE);
}

static void
compile_glossary_entry (LdnContentCompiler *self,
                        JsonObject         *item,
                        const char         *path)
{
  const char *id = get_id (self, item, path);
  const char *term = get_text (self, item, path, "term", MAX_TITLE, TRUE);
  const char *definition = get_text (self, item, path, "definition", MAX_EXPLANATION, TRUE);

  if (id == NULL || term == NULL || definition == NULL)
    return;

  if (!insert (self, path, "INSERT INTO glossary VALUES (?1)", "t", id))
    return;
  insert (self, path, "INSERT INTO glossary_text VALUES (?1, 'en', ?2, ?3)", "ttt", id, term, definition);
  add_citations (self, item, path, "INSERT INTO glossary_sources VALUES (?1, ?2, ?3)", id, 0, TRUE);
}

static void
compile_suggested_question (LdnContentCompiler *self,
                            JsonObject         *item,
                            const char         *path)
{
  const char *id = get_id (self, item, path);
  const char *text = get_text (self, item, path, "text", MAX_CELL, TRUE);
  int ask3 = get_boolean (self, item, path, "ask3", FALSE);
  double position;

  if (!get_number (self, item, path, "position", TRUE, &position) || id == NULL || text == NULL || ask3 < 0)
    return;

  if (!insert (self, path, "INSERT INTO suggested_questions VALUES (?1, ?2, ?3)", "tib", id, (gint64) position, ask3))
    return;
  insert (self, path, "INSERT INTO suggested_question_text VALUES (?1, 'en', ?2)", "tt", id, text);
  /* A question is not a statement, so it needs a source only if it names one. */
  add_citations (self, item, path, "INSERT INTO suggested_question_sources VALUES (?1, ?2, ?3)", id, 0, FALSE);
}

static void
compile_caption (LdnContentCompiler *self,
                 JsonObject         *item,
                 const char         *path)
{
  const char *id = get_id (self, item, path);
  const char *title = get_text (self, item, path, "title", MAX_TITLE, TRUE);
  const char *text = get_text (self, item, path, "text", MAX_EXPLANATION, TRUE);
  double position;

  if (!get_number (self, item, path, "position", TRUE, &position) || id == NULL || title == NULL || text == NULL)
    return;

  if (!insert (self, path, "INSERT INTO captions VALUES (?1, ?2)", "ti", id, (gint64) position))
    return;
  insert (self, path, "INSERT INTO caption_text VALUES (?1, 'en', ?2, ?3)", "ttt", id, title, text);
  add_citations (self, item, path, "INSERT INTO caption_sources VALUES (?1, ?2, ?3)", id, 0, TRUE);
}

static void
compile_parameter_set (LdnContentCompiler *self,
                       JsonObject         *item,
                       const char         *path)
{
  const char *id = get_id (self, item, path);
  const char *hypothesis = get_text (self, item, path, "hypothesis", MAX_ID, TRUE);
  int central = get_boolean (self, item, path, "central", FALSE);
  double ec50, ke0, scan_time, anchor;

  if (!get_number (self, item, path, "ec50_ng_ml", TRUE, &ec50) ||
      !get_number (self, item, path, "ke0_per_h", TRUE, &ke0) ||
      !get_number (self, item, path, "scan_time_h", FALSE, &scan_time) ||
      !get_number (self, item, path, "anchor_48h", FALSE, &anchor) ||
      id == NULL || hypothesis == NULL || central < 0)
    return;

  if (!insert (self, path, "INSERT INTO model_parameter_sets VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
               "ttbDDdd", id, hypothesis, central, scan_time, anchor, ec50, ke0))
    return;
  add_citations (self, item, path, "INSERT INTO model_parameter_set_sources VALUES (?1, ?2, ?3)", id, 0, TRUE);
}

static void
compile_pet_point (LdnContentCompiler *self,
                   JsonObject         *item,
                   const char         *path)
{
  double dose, hours, occupancy;

  if (!get_number (self, item, path, "dose_mg", TRUE, &dose) ||
      !get_number (self, item, path, "hours", TRUE, &hours) ||
      !get_number (self, item, path, "occupancy", TRUE, &occupancy))
    return;

  if (!insert (self, path, "INSERT INTO pet_points (dose_mg, hours, occupancy) VALUES (?1, ?2, ?3)",
               "ddd", dose, hours, occupancy))
    return;
  add_citations (self, item, path, "INSERT INTO pet_point_sources VALUES (?1, ?2, ?3)",
                 NULL, sqlite3_last_insert_rowid (self->db), TRUE);
}

static void
compile_model (LdnContentCompiler *self,
               JsonObject         *model)
{
  static const char *constants[] = { "ka_per_h", "ke_per_h", "scale_ng_ml_per_mg" };
  JsonNode *pk_node = json_object_get_member (model, "pharmacokinetics");
  JsonObject *pk;

  if (pk_node == NULL || !JSON_NODE_HOLDS_OBJECT (pk_node))
    {
      problem (self, "$.model", "missing object “pharmacokinetics”");
      return;
    }
  pk = json_node_get_object (pk_node);

  for (guint i = 0; i < G_N_ELEMENTS (constants); i++)
    {
      double value;

      if (!get_number (self, pk, "$.model.pharmacokinetics", constants[i], TRUE, &value))
        continue;
      if (value <= 0)
        {
          g_autofree char *here = member_path ("$.model.pharmacokinetics", constants[i]);
          problem (self, here, "must be greater than zero");
          continue;
        }
      insert (self, "$.model.pharmacokinetics", "INSERT INTO model_constants VALUES (?1, ?2)",
              "td", constants[i], value);
    }
  add_citations (self, pk, "$.model.pharmacokinetics",
                 "INSERT INTO model_constant_sources VALUES (?2, ?3)", "pk", 0, TRUE);
}

static void
compile_decision_item (LdnContentCompiler *self,
                       JsonObject         *item,
                       const char         *path)
{
  const char *id = get_id (self, item, path);
  const char *kind = get_text (self, item, path, "kind", MAX_ID, TRUE);
  const char *short_text = get_text (self, item, path, "short", MAX_TITLE, TRUE);
  const char *text = get_text (self, item, path, "text", MAX_CELL, TRUE);
  const char *detail = get_text (self, item, path, "detail", MAX_EXPLANATION, FALSE);
  double position;

  if (!get_number (self, item, path, "position", TRUE, &position) || id == NULL || kind == NULL ||
      short_text == NULL || text == NULL)
    return;

  if (!insert (self, path, "INSERT INTO decision_items VALUES (?1, ?2, ?3)", "tti", id, kind, (gint64) position))
    return;
  insert (self, path, "INSERT INTO decision_item_text VALUES (?1, 'en', ?2, ?3, ?4)", "tttt", id, short_text, text,
          detail ? detail : "");
  add_citations (self, item, path, "INSERT INTO decision_item_sources VALUES (?1, ?2, ?3)", id, 0, TRUE);
}

static void
compile_opioid (LdnContentCompiler *self,
                JsonObject         *item,
                const char         *path)
{
  const char *id = get_id (self, item, path);
  const char *name = get_text (self, item, path, "name", MAX_TITLE, TRUE);
  const char *contains = get_text (self, item, path, "contains", MAX_TITLE, FALSE);
  g_autofree char *names_path = member_path (path, "names");
  JsonArray *names = get_array (self, item, path, "names", TRUE);
  double position;

  if (!get_number (self, item, path, "position", TRUE, &position) || id == NULL || name == NULL || names == NULL)
    return;

  if (!insert (self, path, "INSERT INTO opioids VALUES (?1, ?2)", "ti", id, (gint64) position))
    return;
  insert (self, path, "INSERT INTO opioid_text VALUES (?1, 'en', ?2, ?3)", "ttt", id, name,
          contains ? contains : "");
  if (json_array_get_length (names) == 0)
    problem (self, names_path, "has no name to match");
  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      g_autofree char *here = index_path (names_path, i);
      JsonNode *node = json_array_get_element (names, i);
      const char *match;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          *(match = json_node_get_string (node)) == '\0' || g_utf8_strlen (match, -1) > MAX_TITLE ||
          !text_is_clean (match))
        {
          problem (self, here, "a name must be a short, non-empty string");
          continue;
        }
      insert (self, here, "INSERT INTO opioid_names VALUES (?1, ?2)", "tt", id, match);
    }
  add_citations (self, item, path, "INSERT INTO opioid_sources VALUES (?1, ?2, ?3)", id, 0, TRUE);
}

typedef void (*CompileItem) (LdnContentCompiler *self, JsonObject *item, const char *path);

static void
compile_each (LdnContentCompiler *self,
              JsonObject         *parent,
              const char         *parent_path,
              const char         *member,
              CompileItem         compile_item)
{
  g_autofree char *path = member_path (parent_path, member);
  JsonArray *items = get_array (self, parent, parent_path, member, TRUE);

  if (items == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *here = index_path (path, i);
      JsonObject *item = element_object (self, items, i, here);

      if (item != NULL)
        compile_item (self, item, here);
    }
}

static void
compile_root (LdnContentCompiler *self,
              JsonObject         *root)
{
  g_autoptr(GList) members = json_object_get_members (root);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (root, name);
      g_autofree char *path = member_path ("$", name);

      if (g_str_equal (name, "sources") || g_str_equal (name, "conditions") ||
          g_str_equal (name, "side_effects") || g_str_equal (name, "warning_signs") ||
          g_str_equal (name, "safety_topics") || g_str_equal (name, "glossary") ||
          g_str_equal (name, "suggested_questions") || g_str_equal (name, "captions") ||
          g_str_equal (name, "decision_items") || g_str_equal (name, "opioids"))
        {
          static const struct { const char *name; CompileItem compile; } lists[] = {
            { "sources", compile_source },
            { "conditions", compile_condition },
            { "side_effects", compile_side_effect },
            { "warning_signs", compile_warning_sign },
            { "safety_topics", compile_safety_topic },
            { "glossary", compile_glossary_entry },
            { "suggested_questions", compile_suggested_question },
            { "captions", compile_caption },
            { "decision_items", compile_decision_item },
            { "opioids", compile_opioid },
          };

          for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
            if (g_str_equal (name, lists[i].name))
              compile_each (self, root, "$", name, lists[i].compile);
        }
      else if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          problem (self, path, "must be an object");
        }
      else if (g_str_equal (name, "page"))
        {
          compile_page (self, json_node_get_object (node));
        }
      else if (g_str_equal (name, "meta"))
        {
          compile_meta (self, json_node_get_object (node));
        }
      else if (g_str_equal (name, "model"))
        {
          JsonObject *model = json_node_get_object (node);

          compile_model (self, model);
          compile_each (self, model, "$.model", "parameter_sets", compile_parameter_set);
          compile_each (self, model, "$.model", "pet_points", compile_pet_point);
        }
      else
        {
          problem (self, path, "unknown section “%s”", name);
        }
    }
}

void
ldn_content_compiler_add_data (LdnContentCompiler *self,
                               const char         *name,
                               const char         *json,
                               gssize              length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_return_if_fail (LDN_IS_CONTENT_COMPILER (self));

  g_free (self->file);
  self->file = g_strdup (name);

  if (!json_parser_load_from_data (parser, json, length, &error))
    {
      problem (self, "$", "not valid JSON: %s", error->message);
      return;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      problem (self, "$", "the file must hold one JSON object");
      return;
    }

  compile_root (self, json_node_get_object (root));
}

void
ldn_content_compiler_add_file (LdnContentCompiler *self,
                               const char         *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_return_if_fail (LDN_IS_CONTENT_COMPILER (self));

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_free (self->file);
      self->file = g_strdup (path);
      problem (self, "$", "cannot read: %s", error->message);
      return;
    }

  ldn_content_compiler_add_data (self, path, contents, length);
}

const GPtrArray *
ldn_content_compiler_get_problems (LdnContentCompiler *self)
{
  g_return_val_if_fail (LDN_IS_CONTENT_COMPILER (self), NULL);

  return self->problems;
}

/* Each row is (where, what); MESSAGE says what is wrong with WHAT. */
static void
collect_rows (LdnContentCompiler *self,
              const char         *sql,
              const char         *message)
{
  sqlite3_stmt *stmt = statement (self, sql);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (self->problems,
                     g_strdup_printf ("%s: %s “%s”",
                                      (const char *) sqlite3_column_text (stmt, 0),
                                      message,
                                      (const char *) sqlite3_column_text (stmt, 1)));
}

static void
check_whole_content (LdnContentCompiler *self)
{
  collect_rows (self,
                "SELECT origin, source_id FROM temp.citation_refs"
                " WHERE source_id NOT IN (SELECT id FROM sources)",
                "unknown source id");
  collect_rows (self,
                "SELECT origin, source_id FROM temp.source_origins"
                " WHERE source_id NOT IN (SELECT source_id FROM temp.citation_refs)",
                "no statement cites source");
  collect_rows (self,
                "SELECT 'model', hypothesis FROM model_parameter_sets"
                " GROUP BY hypothesis HAVING sum(central) != 1",
                "there must be exactly one central parameter set for the hypothesis");
  collect_rows (self,
                "SELECT 'decision_items', count(*) FROM decision_items WHERE kind = 'sure'"
                " HAVING count(*) NOT IN (0, 4)",
                "the SURE test has four questions, not");

  if (!self->have_meta)
    g_ptr_array_add (self->problems, g_strdup ("content: no file has a meta section with content_version"));

  {
    static const char *required[][2] = {
      { "SELECT count(*) FROM pages", "no guided pages" },
      { "SELECT count(*) FROM sources", "no sources" },
      { "SELECT count(*) FROM model_parameter_sets WHERE hypothesis = 'sustained'", "no sustained model parameters" },
      { "SELECT count(*) FROM model_parameter_sets WHERE hypothesis = 'transient'", "no transient model parameters" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (required); i++)
      {
        sqlite3_stmt *stmt = statement (self, required[i][0]);
        gint64 count = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;

        if (count == 0)
          g_ptr_array_add (self->problems, g_strdup_printf ("content: %s", required[i][1]));
      }
  }
}

static const char index_sql[] =
  "INSERT INTO search_index (title, body, page_id, block_position, locale)"
  "  SELECT t.title, t.summary, p.id, 0, t.locale FROM pages p JOIN page_text t ON t.page_id = p.id;"
  "INSERT INTO search_index (title, body, page_id, block_position, locale)"
  "  SELECT coalesce (t.title, ''),"
  "         coalesce (t.body, '') || ' ' || coalesce ((SELECT group_concat (c.text, ' ') FROM block_cells c"
  "                                                   WHERE c.block_id = b.id AND c.locale = t.locale), '')"
  "           || ' ' || coalesce ((SELECT group_concat (ct.text, ' ') FROM teach_back q"
  "                                JOIN teach_back_choice_text ct ON ct.question_id = q.id"
  "                                WHERE q.block_id = b.id AND ct.locale = t.locale), ''),"
  "         b.page_id, b.position, t.locale"
  "  FROM blocks b JOIN block_text t ON t.block_id = b.id;"
  "INSERT INTO search_index (title, body, page_id, block_position, locale)"
  "  SELECT t.name, t.strength_words || '. ' || t.summary, b.page_id, b.position, t.locale"
  "  FROM blocks b JOIN condition_text t WHERE b.kind = 'conditions';"
  "INSERT INTO search_index (title, body, page_id, block_position, locale)"
  "  SELECT t.name, t.frequency || ' ' || t.note, b.page_id, b.position, t.locale"
  "  FROM blocks b JOIN side_effect_text t WHERE b.kind = 'side-effects';"
  "INSERT INTO search_index (search_index) VALUES ('optimize');";

static gboolean
exec_sql (LdnContentCompiler *self,
          const char         *sql,
          GError            **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, LDN_CONTENT_ERROR, LDN_CONTENT_ERROR_INVALID,
                   "Could not write the content database: %s", message);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

gboolean
ldn_content_compiler_write (LdnContentCompiler *self,
                            const char         *output_path,
                            GError            **error)
{
  g_autofree char *temporary = NULL;
  char *vacuum;
  gboolean vacuumed;
  g_autofree char *schema_version = NULL;

  g_return_val_if_fail (LDN_IS_CONTENT_COMPILER (self), FALSE);

  check_whole_content (self);
  if (self->problems->len > 0)
    {
      g_autoptr(GString) message = g_string_new (NULL);

      g_string_append_printf (message, "The content has %u problem%s:",
                              self->problems->len, self->problems->len == 1 ? "" : "s");
      for (guint i = 0; i < self->problems->len; i++)
        g_string_append_printf (message, "\n  %s", (const char *) g_ptr_array_index (self->problems, i));
      g_set_error_literal (error, LDN_CONTENT_ERROR, LDN_CONTENT_ERROR_INVALID, message->str);
      return FALSE;
    }

  schema_version = g_strdup_printf ("INSERT INTO meta VALUES ('schema_version', '%d');",
                                    LDN_CONTENT_SCHEMA_VERSION);
  if (!exec_sql (self, schema_version, error) || !exec_sql (self, index_sql, error))
    return FALSE;

  /* Write beside the target and rename, so a failed build never leaves
   * a half-written database where the app would find it. */
  temporary = g_strdup_printf ("%s.tmp", output_path);
  g_unlink (temporary);
  ldn_statement_cache_clear (self->statements);
  vacuum = sqlite3_mprintf ("VACUUM INTO %Q", temporary);
  vacuumed = exec_sql (self, vacuum, error);
  sqlite3_free (vacuum);
  if (!vacuumed)
    return FALSE;

  if (g_rename (temporary, output_path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, LDN_CONTENT_ERROR, LDN_CONTENT_ERROR_INVALID,
                   "Could not move %s into place: %s", temporary, g_strerror (saved_errno));
      g_unlink (temporary);
      return FALSE;
    }

  return TRUE;
}

static void
ldn_content_compiler_finalize (GObject *object)
{
  LdnContentCompiler *self = LDN_CONTENT_COMPILER (object);

  g_clear_pointer (&self->statements, ldn_statement_cache_free);
  sqlite3_close (self->db);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->file, g_free);

  G_OBJECT_CLASS (ldn_content_compiler_parent_class)->finalize (object);
}

static void
ldn_content_compiler_class_init (LdnContentCompilerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ldn_content_compiler_finalize;
}

static void
ldn_content_compiler_init (LdnContentCompiler *self)
{
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->file = g_strdup ("content");

  if (sqlite3_open (":memory:", &self->db) != SQLITE_OK ||
      sqlite3_exec (self->db, ldn_content_schema_sql, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (self->db,
                    "CREATE TEMP TABLE citation_refs (source_id TEXT NOT NULL, origin TEXT NOT NULL);"
                    "CREATE TEMP TABLE source_origins (source_id TEXT PRIMARY KEY, origin TEXT NOT NULL);",
                    NULL, NULL, NULL) != SQLITE_OK)
    g_error ("Cannot create the content schema: %s", sqlite3_errmsg (self->db));
  self->statements = ldn_statement_cache_new (self->db);
}

LdnContentCompiler *
ldn_content_compiler_new (void)
{
  return g_object_new (LDN_TYPE_CONTENT_COMPILER, NULL);
}

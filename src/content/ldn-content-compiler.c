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

  /* Every file added, (name, contents), so translations can replay them. */
  GPtrArray  *inputs;
  /* Translations to build: (locale, catalog path) pairs. */
  GPtrArray  *translations;

  /* The pass being compiled: "en" writes everything; any other locale
   * replays the same files with each translatable text looked up in
   * CATALOG (msgctxt \004 msgid -> msgstr) and writes only text rows. */
  char       *locale;
  GHashTable *catalog;
  /* Translatable texts looked up but not translated since the last text row. */
  guint       missing;
  /* Within meta and model nothing is translated. */
  gboolean    untranslated_section;
  /* Within sources only the words we wrote are translated (a description
   * where no title could be read, a note, an access date); authors,
   * titles and journals are cited as published. */
  gboolean    in_sources;
  /* Contexts name items by id, not position: path prefix CTX_FROM
   * ("$.safety_topics[0]") is written CTX_TO ("safety_topics[opioids]"). */
  char       *ctx_from;
  char       *ctx_to;
  /* When extracting a template: each message once, in order. */
  GPtrArray  *messages;
  GHashTable *message_contexts;
};

typedef struct {
  char *context;
  char *msgid;
  char *comment;
} Message;

static void
message_free (Message *message)
{
  g_free (message->context);
  g_free (message->msgid);
  g_free (message->comment);
  g_free (message);
}

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
  g_autofree char *localized = NULL;
  sqlite3_stmt *stmt;
  va_list args;
  int rc;

  /* A translation pass writes text rows only: by convention every text
   * row is inserted with the literal locale 'en', which it swaps for its
   * own. A row with an untranslated text is left out, so the store falls
   * back to the English row (and says so). */
  if (!g_str_equal (self->locale, LDN_CONTENT_FALLBACK_LOCALE))
    {
      g_auto(GStrv) parts = NULL;
      g_autofree char *quoted = NULL;

      if (strstr (sql, "'en'") == NULL)
        return TRUE;
      if (self->missing > 0)
        {
          self->missing = 0;
          return TRUE;
        }
      parts = g_strsplit (sql, "'en'", -1);
      quoted = g_strdup_printf ("'%s'", self->locale);
      localized = g_strjoinv (quoted, parts);
      /* The statement cache keeps the SQL it is given: one copy for good. */
      sql = g_intern_string (localized);
    }

  stmt = statement (self, sql);
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

/* Members that are codes, not words: never translated. */
static const char *const untranslatable_members[] = {
  "id", "type", "kind", "strength", "prominence", "hypothesis", "last_reviewed",
  "content_version", NULL
};

/* The members of a source that are our own words (see in_sources). */
static const char *const translatable_source_members[] = { "description", "note", "accessed", NULL };

static char *
context_for (LdnContentCompiler *self,
             const char         *path,
             const char         *member)
{
  const char *rest = path;
  const char *prefix = "";

  if (self->ctx_from != NULL && g_str_has_prefix (path, self->ctx_from))
    {
      prefix = self->ctx_to;
      rest = path + strlen (self->ctx_from);
    }
  else if (g_str_has_prefix (path, "$."))
    {
      rest = path + 2;
    }

  return member != NULL ? g_strdup_printf ("%s%s.%s", prefix, rest, member)
                        : g_strdup_printf ("%s%s", prefix, rest);
}

/* Contexts under PATH are written NAME[ID] (NAME alone without an id). */
static void
set_context (LdnContentCompiler *self,
             const char         *path,
             const char         *name,
             const char         *id)
{
  g_free (self->ctx_from);
  g_free (self->ctx_to);
  self->ctx_from = g_strdup (path);
  self->ctx_to = id != NULL ? g_strdup_printf ("%s[%s]", name, id) : g_strdup (name);
}

static void
record_message (LdnContentCompiler *self,
                const char         *context,
                const char         *text,
                JsonObject         *object,
                const char         *path)
{
  g_autoptr(GString) comment = g_string_new (NULL);
  JsonNode *sources = object != NULL ? json_object_get_member (object, "sources") : NULL;
  Message *message;

  if (g_hash_table_contains (self->message_contexts, context))
    return;

  /* The file as the source tree names it, wherever the build runs from. */
  {
    const char *in_tree = strstr (self->file, "data/content/");

    g_string_append_printf (comment, "%s %s", in_tree != NULL ? in_tree : self->file, path);
  }
  if (sources != NULL && JSON_NODE_HOLDS_ARRAY (sources) &&
      json_array_get_length (json_node_get_array (sources)) > 0)
    {
      JsonArray *array = json_node_get_array (sources);

      g_string_append (comment, "\nSources:");
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *id = json_array_get_string_element (array, i);
          g_string_append_printf (comment, " %s", id != NULL ? id : "?");
        }
    }

  message = g_new0 (Message, 1);
  message->context = g_strdup (context);
  message->msgid = g_strdup (text);
  message->comment = g_string_free (g_steal_pointer (&comment), FALSE);
  g_hash_table_add (self->message_contexts, message->context);
  g_ptr_array_add (self->messages, message);
}

/* TEXT as this pass shows it: English (recorded when extracting a
 * template), or its translation, or English counted as missing. */
static const char *
translate (LdnContentCompiler *self,
           JsonObject         *object,
           const char         *path,
           const char         *member,
           const char         *text)
{
  g_autofree char *context = NULL;
  g_autofree char *key = NULL;
  const char *translation;

  if (self->untranslated_section || *text == '\0')
    return text;
  if (member != NULL && g_strv_contains (untranslatable_members, member))
    return text;
  if (self->in_sources && !g_strv_contains (translatable_source_members, member != NULL ? member : ""))
    return text;

  context = context_for (self, path, member);
  if (g_str_equal (self->locale, LDN_CONTENT_FALLBACK_LOCALE))
    {
      if (self->messages != NULL)
        record_message (self, context, text, object, path);
      return text;
    }

  key = g_strdup_printf ("%s\004%s", context, text);
  translation = self->catalog != NULL ? g_hash_table_lookup (self->catalog, key) : NULL;
  if (translation == NULL || *translation == '\0')
    {
      self->missing++;
      return text;
    }

  return translation;
}

/* A translation may run longer than English (Spanish runs about a fifth
 * longer), so its limits are a third higher. */
static glong
limit_for (LdnContentCompiler *self,
           glong               max_chars)
{
  return g_str_equal (self->locale, LDN_CONTENT_FALLBACK_LOCALE) ? max_chars : max_chars * 4 / 3;
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

  text = translate (self, object, path, member, json_node_get_string (node));
  length = g_utf8_strlen (text, -1);
  max_chars = limit_for (self, max_chars);

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

/* Words that only an unfinished entry would hold: none may reach a
 * screen or a printed page. */
static const char *const placeholder_words[] = {
  "not recorded", "not shown", "verify before", "todo", "tbd", "placeholder", "xxx", "lorem",
  "not part of the shared fact base", NULL
};

static gboolean
text_has_placeholder (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  if (strchr (folded, '[') != NULL || strchr (folded, ']') != NULL)
    return TRUE;
  for (guint i = 0; placeholder_words[i] != NULL; i++)
    if (strstr (folded, placeholder_words[i]) != NULL)
      return TRUE;

  return FALSE;
}

static void
compile_source (LdnContentCompiler *self,
                JsonObject         *source,
                const char         *path)
{
  const char *id = get_id (self, source, path);
  const char *kind = get_text (self, source, path, "type", MAX_ID, TRUE);
  const char *authors = get_text (self, source, path, "authors", MAX_SOURCE_FIELD, FALSE);
  const char *title = get_text (self, source, path, "title", MAX_SOURCE_FIELD, FALSE);
  const char *description = get_text (self, source, path, "description", MAX_SOURCE_FIELD, FALSE);
  const char *journal = get_text (self, source, path, "journal", MAX_SOURCE_FIELD, FALSE);
  const char *accessed = get_text (self, source, path, "accessed", MAX_ID, FALSE);
  const char *details = get_text (self, source, path, "details", MAX_SOURCE_FIELD, FALSE);
  const char *pmid = get_text (self, source, path, "pmid", MAX_ID, FALSE);
  const char *doi = get_text (self, source, path, "doi", MAX_SOURCE_FIELD, FALSE);
  const char *url = get_text (self, source, path, "url", MAX_SOURCE_FIELD, FALSE);
  const char *note = get_text (self, source, path, "note", MAX_SOURCE_FIELD, FALSE);
  const char *fields[] = { authors, title, description, journal, accessed, details, pmid, doi, url, note };
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
  if (id == NULL || kind == NULL)
    return;

  /* A reader must be able to look every source up. */
  if (title == NULL && description == NULL)
    {
      problem (self, path, "needs a “title” (or, when the title could not be read, a “description”)");
      return;
    }
  if (isnan (year) && accessed == NULL)
    {
      problem (self, path, "needs a “year” (or, for an undated page, “accessed”)");
      return;
    }
  if (doi == NULL && pmid == NULL && url == NULL && (journal == NULL || details == NULL))
    {
      problem (self, path, "needs a “doi”, “pmid” or “url” (or a “journal” with volume and pages in “details”)");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (text_has_placeholder (fields[i]))
      {
        problem (self, path, "holds placeholder text “%s”", fields[i]);
        return;
      }

  if (!insert (self, path,
               "INSERT INTO sources VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
               "ttnnnnDnnnnnn", id, kind, authors, title, description, journal, year, accessed,
               details, pmid, doi, url, note))
    return;

  origin = g_strdup_printf ("%s:%s", self->file, path);
  insert (self, path, "INSERT INTO temp.source_origins VALUES (?1, ?2)", "tt", id, origin);

  /* Our own words about the source, per locale (a translation pass
   * writes only this row; an untranslated one is left out). */
  if (description != NULL || note != NULL || accessed != NULL)
    insert (self, path, "INSERT INTO source_text VALUES (?1, 'en', ?2, ?3, ?4)",
            "tnnn", id, description, note, accessed);
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
  glong limit = limit_for (self, max_chars);

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

      /* A missing cell stays English (the store shows a table in one
       * locale), and the translation check names it. */
      text = translate (self, NULL, here, NULL, json_node_get_string (node));
      self->missing = 0;
      if (g_utf8_strlen (text, -1) > limit)
        {
          problem (self, here, "text over the limit: %ld characters, at most %ld",
                   g_utf8_strlen (text, -1), limit);
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

static gboolean
get_count (LdnContentCompiler *self,
           JsonObject         *object,
           const char         *path,
           const char         *member,
           gint64             *out)
{
  double value;

  if (!get_number (self, object, path, member, TRUE, &value))
    return FALSE;
  if (value < 0 || value != (gint64) value)
    {
      g_autofree char *here = member_path (path, member);
      problem (self, here, "must be a whole number of people, not %g", value);
      return FALSE;
    }

  *out = (gint64) value;
  return TRUE;
}

/* Both arms and the denominator are required, and the block's sentence
 * must say both numbers "out of" the same denominator, so the words and
 * the icon array can never disagree. */
static void
compile_frequency (LdnContentCompiler *self,
                   JsonObject         *block,
                   const char         *path,
                   gint64              block_id,
                   const char         *sentence)
{
  g_autofree char *here = member_path (path, "frequency");
  JsonNode *node = json_object_get_member (block, "frequency");
  JsonObject *frequency;
  const char *comparator, *period, *outcome, *study;
  gint64 ldn, comparison, per;
  gboolean counts;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (self, path, "a frequency block needs a “frequency” object");
      return;
    }
  frequency = json_node_get_object (node);
  counts = get_count (self, frequency, here, "ldn", &ldn);
  counts = get_count (self, frequency, here, "comparison", &comparison) && counts;
  counts = get_count (self, frequency, here, "per", &per) && counts;
  comparator = get_text (self, frequency, here, "comparator", MAX_CELL, TRUE);
  period = get_text (self, frequency, here, "period", MAX_CELL, TRUE);
  outcome = get_text (self, frequency, here, "outcome", MAX_CELL, TRUE);
  study = get_text (self, frequency, here, "study", MAX_CELL, TRUE);
  if (!counts || comparator == NULL || period == NULL || outcome == NULL || study == NULL)
    return;

  if (per != 100)
    {
      problem (self, here, "“per” must be 100 (an icon array shows 100 people), not %" G_GINT64_FORMAT, per);
      return;
    }
  if (ldn > per || comparison > per)
    {
      problem (self, here, "more people than the denominator");
      return;
    }
  if (sentence != NULL)
    {
      /* "N of 100" in English; "N de 100" or "N de cada 100" in Spanish
       * (or English, where the sentence is not translated yet). */
      g_autofree char *ldn_words = g_strdup_printf ("%" G_GINT64_FORMAT " of %" G_GINT64_FORMAT, ldn, per);
      g_autofree char *other_words = g_strdup_printf ("%" G_GINT64_FORMAT " of %" G_GINT64_FORMAT,
                                                      comparison, per);
      gboolean says = strstr (sentence, ldn_words) != NULL && strstr (sentence, other_words) != NULL;

      if (!says && g_str_equal (self->locale, "es"))
        {
          const char *forms[] = { "%" G_GINT64_FORMAT " de %" G_GINT64_FORMAT,
                                  "%" G_GINT64_FORMAT " de cada %" G_GINT64_FORMAT };

          for (guint f = 0; f < G_N_ELEMENTS (forms) && !says; f++)
            {
              g_autofree char *a = NULL;
              g_autofree char *b = NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
              a = g_strdup_printf (forms[f], ldn, per);
              b = g_strdup_printf (forms[f], comparison, per);
#pragma GCC diagnostic pop
              says = strstr (sentence, a) != NULL && strstr (sentence, b) != NULL;
            }
        }

      if (!says)
        {
          problem (self, path, "the sentence must say “%s” and “%s”", ldn_words, other_words);
          return;
        }
    }

  if (insert (self, here, "INSERT INTO block_frequency VALUES (?1, ?2, ?3, ?4)",
              "iiii", block_id, per, ldn, comparison))
    insert (self, here, "INSERT INTO block_frequency_text VALUES (?1, 'en', ?2, ?3, ?4, ?5)",
            "itttt", block_id, comparator, period, outcome, study);
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
  int editorial = get_boolean (self, block, path, "editorial", TRUE);
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

  if (!insert (self, path, "INSERT INTO blocks (page_id, position, kind, editorial) VALUES (?1, ?2, ?3, ?4)",
               "titb", page_id, (gint64) position, kind, editorial == 1))
    return;
  if (g_str_equal (self->locale, LDN_CONTENT_FALLBACK_LOCALE))
    {
      block_id = sqlite3_last_insert_rowid (self->db);
    }
  else
    {
      sqlite3_stmt *stmt = statement (self, "SELECT id FROM blocks WHERE page_id = ?1 AND position = ?2");

      sqlite3_bind_text (stmt, 1, page_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, position);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          return;
        }
      block_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }

  if (title != NULL || body != NULL)
    insert (self, path, "INSERT INTO block_text VALUES (?1, 'en', ?2, ?3)", "inn", block_id, title, body);

  if (g_str_equal (kind, "table"))
    compile_table (self, block, path, block_id);
  else if (g_str_equal (kind, "list"))
    compile_list (self, block, path, block_id);
  else if (g_str_equal (kind, "teach-back"))
    compile_teach_back (self, block, path, block_id);
  else if (g_str_equal (kind, "frequency"))
    compile_frequency (self, block, path, block_id, body);

  /* The guide's authors speaking cite no study, and say so on screen. */
  if (editorial == 1)
    {
      JsonArray *sources = get_array (self, block, path, "sources", FALSE);

      if (computed || (sources != NULL && json_array_get_length (sources) > 0))
        problem (self, path, "an editorial block cites no source");
      return;
    }

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
  const char *title;
  const char *summary;
  const char *reviewed;
  JsonArray *blocks;
  double position;
  gboolean has_source = FALSE;

  set_context (self, path, "page", id);
  title = get_text (self, page, path, "title", MAX_TITLE, TRUE);
  summary = get_text (self, page, path, "summary", MAX_SUMMARY, TRUE);
  reviewed = get_text (self, page, path, "last_reviewed", MAX_ID, TRUE);
  blocks = get_array (self, page, path, "blocks", TRUE);

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
  double dose, hours_min, hours_max, occupancy;

  if (!get_number (self, item, path, "dose_mg", TRUE, &dose) ||
      !get_number (self, item, path, "hours_min", TRUE, &hours_min) ||
      !get_number (self, item, path, "hours_max", TRUE, &hours_max) ||
      !get_number (self, item, path, "occupancy", TRUE, &occupancy))
    return;

  if (!insert (self, path, "INSERT INTO pet_points (dose_mg, hours_min, hours_max, occupancy)"
               " VALUES (?1, ?2, ?3, ?4)", "dddd", dose, hours_min, hours_max, occupancy))
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
compile_text (LdnContentCompiler *self,
              JsonObject         *item,
              const char         *path)
{
  const char *id = get_id (self, item, path);
  const char *text = get_text (self, item, path, "text", MAX_BODY, TRUE);
  const char *reviewed = get_text (self, item, path, "last_reviewed", MAX_ID, TRUE);
  int editorial = get_boolean (self, item, path, "editorial", TRUE);

  if (id == NULL || text == NULL || reviewed == NULL)
    return;
  if (!date_is_valid (reviewed))
    {
      g_autofree char *here = member_path (path, "last_reviewed");
      problem (self, here, "bad date “%s” (use YYYY-MM-DD)", reviewed);
      return;
    }

  if (!insert (self, path, "INSERT INTO texts VALUES (?1, ?2)", "tt", id, reviewed))
    return;
  insert (self, path, "INSERT INTO text_text VALUES (?1, 'en', ?2)", "tt", id, text);
  /* The guide speaking about itself (who wrote it, how to report an
   * error) cites nothing; every medical sentence must. */
  if (editorial == 1)
    {
      JsonArray *sources = get_array (self, item, path, "sources", FALSE);

      if (sources != NULL && json_array_get_length (sources) > 0)
        problem (self, path, "an editorial text cites no source");
      return;
    }
  add_citations (self, item, path, "INSERT INTO text_sources VALUES (?1, ?2, ?3)", id, 0, TRUE);
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
      const char *id;
      g_autofree char *name = NULL;

      if (item == NULL)
        continue;
      id = json_object_get_string_member_with_default (item, "id", NULL);
      if (id != NULL)
        {
          name = context_for (self, path, NULL);
          set_context (self, here, name, id);
        }
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

      g_clear_pointer (&self->ctx_from, g_free);
      g_clear_pointer (&self->ctx_to, g_free);
      self->untranslated_section = g_str_equal (name, "meta") || g_str_equal (name, "model");
      self->in_sources = g_str_equal (name, "sources");
      /* A translation carries no meta or model of its own. */
      if (self->untranslated_section && !g_str_equal (self->locale, LDN_CONTENT_FALLBACK_LOCALE))
        continue;

      if (g_str_equal (name, "sources") || g_str_equal (name, "conditions") ||
          g_str_equal (name, "side_effects") || g_str_equal (name, "warning_signs") ||
          g_str_equal (name, "safety_topics") || g_str_equal (name, "glossary") ||
          g_str_equal (name, "suggested_questions") || g_str_equal (name, "captions") ||
          g_str_equal (name, "texts") || g_str_equal (name, "decision_items") || g_str_equal (name, "opioids"))
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
            { "texts", compile_text },
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

  if (g_str_equal (self->locale, LDN_CONTENT_FALLBACK_LOCALE))
    {
      g_ptr_array_add (self->inputs, g_strdup (name));
      g_ptr_array_add (self->inputs, length < 0 ? g_strdup (json) : g_strndup (json, length));
    }

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

/* Reads a GNU .mo catalog (what msgfmt writes; fuzzy messages are
 * already left out) into msgctxt \004 msgid -> msgstr. */
static GHashTable *
load_catalog (const char  *path,
              GError     **error)
{
  g_autoptr(GHashTable) catalog = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *data = NULL;
  gsize length;
  guint32 magic, n, originals, translations;
  gboolean swap;

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;

#define MO_WORD(offset) (swap ? GUINT32_SWAP_LE_BE (*(guint32 *) (data + (offset))) : *(guint32 *) (data + (offset)))
  if (length < 28)
    goto bad;
  magic = *(guint32 *) data;
  if (magic != 0x950412de && magic != 0xde120495)
    goto bad;
  swap = magic == 0xde120495;
  n = MO_WORD (8);
  originals = MO_WORD (12);
  translations = MO_WORD (16);
  if (originals > length || translations > length ||
      (gsize) n * 8 > length - originals || (gsize) n * 8 > length - translations)
    goto bad;

  for (guint32 i = 0; i < n; i++)
    {
      guint32 id_length = MO_WORD (originals + i * 8);
      guint32 id_offset = MO_WORD (originals + i * 8 + 4);
      guint32 str_length = MO_WORD (translations + i * 8);
      guint32 str_offset = MO_WORD (translations + i * 8 + 4);

      if (id_offset > length || id_length > length - id_offset ||
          str_offset > length || str_length > length - str_offset)
        goto bad;
      if (id_length == 0)
        continue;   /* the header */
      g_hash_table_insert (catalog, g_strndup (data + id_offset, id_length),
                           g_strndup (data + str_offset, str_length));
    }
#undef MO_WORD

  return g_steal_pointer (&catalog);

bad:
  g_set_error (error, LDN_CONTENT_ERROR, LDN_CONTENT_ERROR_INVALID, "%s is not a gettext catalog", path);
  return NULL;
}

/* Replays every file once per translation, writing its text rows. */
static void
compile_translations (LdnContentCompiler *self)
{
  for (guint t = 0; t + 1 < self->translations->len; t += 2)
    {
      const char *locale = g_ptr_array_index (self->translations, t);
      const char *catalog_path = g_ptr_array_index (self->translations, t + 1);
      g_autoptr(GError) error = NULL;

      self->catalog = load_catalog (catalog_path, &error);
      if (self->catalog == NULL)
        {
          g_ptr_array_add (self->problems, g_strdup_printf ("%s: %s", catalog_path, error->message));
          continue;
        }

      g_free (self->locale);
      self->locale = g_strdup (locale);
      for (guint i = 0; i + 1 < self->inputs->len; i += 2)
        {
          g_autofree char *name = g_strdup_printf ("%s (%s)", (const char *) g_ptr_array_index (self->inputs, i),
                                                   locale);

          self->missing = 0;
          ldn_content_compiler_add_data (self, name, g_ptr_array_index (self->inputs, i + 1), -1);
        }
      g_free (self->locale);
      self->locale = g_strdup (LDN_CONTENT_FALLBACK_LOCALE);
      g_clear_pointer (&self->catalog, g_hash_table_unref);
    }
}

void
ldn_content_compiler_add_translation (LdnContentCompiler *self,
                                      const char         *locale,
                                      const char         *catalog_path)
{
  g_return_if_fail (LDN_IS_CONTENT_COMPILER (self));
  g_return_if_fail (locale != NULL && !g_str_equal (locale, LDN_CONTENT_FALLBACK_LOCALE));

  g_ptr_array_add (self->translations, g_strdup (locale));
  g_ptr_array_add (self->translations, g_strdup (catalog_path));
}

static void
append_po_string (GString    *out,
                  const char *keyword,
                  const char *text)
{
  g_string_append_printf (out, "%s \"", keyword);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      if (*p == '\n')
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *p);
    }
  g_string_append (out, "\"\n");
}

gboolean
ldn_content_compiler_write_template (LdnContentCompiler *self,
                                     const char         *output_path,
                                     GError            **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (LDN_IS_CONTENT_COMPILER (self), FALSE);
  g_return_val_if_fail (self->messages != NULL, FALSE);

  if (self->problems->len > 0)
    {
      g_set_error (error, LDN_CONTENT_ERROR, LDN_CONTENT_ERROR_INVALID,
                   "Fix the content first: %s", (const char *) g_ptr_array_index (self->problems, 0));
      return FALSE;
    }

  g_string_append (out,
                   "# The guide's medical content (data/content/), for translators.\n"
                   "# Read data/content/po/GLOSSARY.md first. Never change a number, dose, unit or\n"
                   "# source id; keep the meaning exactly, in plain words and short sentences.\n"
                   "# The context names the item (by id) and field; the comment, its file and sources.\n"
                   "#\n"
                   "#, fuzzy\n"
                   "msgid \"\"\n"
                   "msgstr \"\"\n"
                   "\"Project-Id-Version: ldn-guide-content\\n\"\n"
                   "\"MIME-Version: 1.0\\n\"\n"
                   "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                   "\"Content-Transfer-Encoding: 8bit\\n\"\n");

  for (guint i = 0; i < self->messages->len; i++)
    {
      Message *message = g_ptr_array_index (self->messages, i);
      g_auto(GStrv) lines = g_strsplit (message->comment, "\n", -1);

      g_string_append_c (out, '\n');
      for (guint l = 0; lines[l] != NULL; l++)
        g_string_append_printf (out, "#. %s\n", lines[l]);
      append_po_string (out, "msgctxt", message->context);
      append_po_string (out, "msgid", message->msgid);
      g_string_append (out, "msgstr \"\"\n");
    }

  return g_file_set_contents (output_path, out->str, out->len, error);
}

void
ldn_content_compiler_extract_messages (LdnContentCompiler *self)
{
  g_return_if_fail (LDN_IS_CONTENT_COMPILER (self));
  g_return_if_fail (self->inputs->len == 0);

  if (self->messages == NULL)
    {
      self->messages = g_ptr_array_new_with_free_func ((GDestroyNotify) message_free);
      self->message_contexts = g_hash_table_new (g_str_hash, g_str_equal);
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
  if (self->problems->len == 0)
    compile_translations (self);
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
  g_clear_pointer (&self->inputs, g_ptr_array_unref);
  g_clear_pointer (&self->translations, g_ptr_array_unref);
  g_clear_pointer (&self->locale, g_free);
  g_clear_pointer (&self->catalog, g_hash_table_unref);
  g_clear_pointer (&self->ctx_from, g_free);
  g_clear_pointer (&self->ctx_to, g_free);
  g_clear_pointer (&self->message_contexts, g_hash_table_unref);
  g_clear_pointer (&self->messages, g_ptr_array_unref);

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
  self->inputs = g_ptr_array_new_with_free_func (g_free);
  self->translations = g_ptr_array_new_with_free_func (g_free);
  self->locale = g_strdup (LDN_CONTENT_FALLBACK_LOCALE);

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

/* ldn-content-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "ldn-content-schema.h"
#include "ldn-content-store.h"

struct _LdnContentStore
{
  GObject     parent_instance;

  sqlite3    *db;
  GHashTable *statements;
  char       *path;
  char       *locale;
  char       *content_version;
};

G_DEFINE_FINAL_TYPE (LdnContentStore, ldn_content_store, G_TYPE_OBJECT)

/* Text columns prefer the chosen locale (?2 in every query below) and
 * fall back to LDN_CONTENT_FALLBACK_LOCALE, row by row. Search looks in
 * the chosen locale's index rows, and in English only for a page or
 * block that has no translation. */
#define PAGES_SQL \
  "SELECT p.id, p.position, coalesce (l.title, e.title), coalesce (l.summary, e.summary), p.last_reviewed" \
  " FROM pages p JOIN page_text e ON e.page_id = p.id AND e.locale = 'en'" \
  " LEFT JOIN page_text l ON l.page_id = p.id AND l.locale = ?2"

#define BLOCKS_SQL \
  "SELECT b.id, b.position, b.kind, coalesce (l.title, e.title), coalesce (l.body, e.body), q.id, b.editorial," \
  "       l.block_id IS NULL AND e.block_id IS NOT NULL AND ?2 != 'en'" \
  " FROM blocks b LEFT JOIN block_text e ON e.block_id = b.id AND e.locale = 'en'" \
  " LEFT JOIN block_text l ON l.block_id = b.id AND l.locale = ?2" \
  " LEFT JOIN teach_back q ON q.block_id = b.id" \
  " WHERE b.page_id = ?1 ORDER BY b.position"

#define CELLS_SQL \
  "SELECT row, col, text FROM block_cells WHERE block_id = ?1 AND locale =" \
  " (CASE WHEN EXISTS (SELECT 1 FROM block_cells WHERE block_id = ?1 AND locale = ?2) THEN ?2 ELSE 'en' END)" \
  " ORDER BY row, col"

#define CHOICES_SQL \
  "SELECT c.id, coalesce (l.text, e.text), c.correct FROM teach_back_choices c" \
  " JOIN teach_back_choice_text e ON e.question_id = c.question_id AND e.choice_id = c.id AND e.locale = 'en'" \
  " LEFT JOIN teach_back_choice_text l ON l.question_id = c.question_id AND l.choice_id = c.id AND l.locale = ?2" \
  " WHERE c.question_id = ?1 ORDER BY c.position"

#define SOURCE_COLUMNS \
  "SELECT s.id, s.kind, s.authors, s.title, s.journal, s.year, s.details, s.pmid, s.doi, s.url," \
  "       coalesce (l.note, s.note), coalesce (l.description, s.description), coalesce (l.accessed, s.accessed)" \
  " FROM sources s LEFT JOIN source_text l ON l.source_id = s.id AND l.locale = ?2"

#define FREQUENCY_SQL \
  "SELECT f.per, f.ldn, f.comparison, coalesce (l.comparator, e.comparator), coalesce (l.period, e.period)," \
  "       coalesce (l.outcome, e.outcome), coalesce (l.study, e.study)" \
  " FROM block_frequency f JOIN block_frequency_text e ON e.block_id = f.block_id AND e.locale = 'en'" \
  " LEFT JOIN block_frequency_text l ON l.block_id = f.block_id AND l.locale = ?2" \
  " WHERE f.block_id = ?1"

#define SEARCH_SQL \
  "SELECT search_index.page_id, coalesce (l.title, e.title), search_index.block_position," \
  "       snippet (search_index, -1, char (2), char (3), '…', 12)" \
  " FROM search_index JOIN page_text e ON e.page_id = search_index.page_id AND e.locale = 'en'" \
  " LEFT JOIN page_text l ON l.page_id = search_index.page_id AND l.locale = ?2" \
  " WHERE search_index MATCH ?1" \
  "   AND (search_index.locale = ?2" \
  "        OR (search_index.locale = 'en' AND NOT EXISTS (SELECT 1 FROM search_index s" \
  "              WHERE s.page_id = search_index.page_id AND s.block_position = search_index.block_position" \
  "                AND s.locale = ?2)))" \
  " ORDER BY rank LIMIT 50"

static void
set_query_error (LdnContentStore *self,
                 GError         **error)
{
  g_set_error (error, LDN_CONTENT_ERROR, LDN_CONTENT_ERROR_QUERY,
               _("The guide’s content could not be read (%s). Reinstalling LDN Guide should repair it."),
               sqlite3_errmsg (self->db));
}

static sqlite3_stmt *
statement (LdnContentStore *self,
           const char      *sql,
           GError         **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        {
          set_query_error (self, error);
          return NULL;
        }
      g_hash_table_insert (self->statements, (gpointer) sql, stmt);
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  sqlite3_bind_text (stmt, 2, self->locale, -1, SQLITE_STATIC);

  return stmt;
}

/* Steps to the next row; FALSE at the end or on error (then ERROR is set). */
static gboolean
next_row (LdnContentStore *self,
          sqlite3_stmt    *stmt,
          gboolean        *failed,
          GError         **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc != SQLITE_DONE)
    {
      *failed = TRUE;
      set_query_error (self, error);
    }

  return FALSE;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* The first column of every row, as a string vector. */
static GStrv
collect_strings (LdnContentStore *self,
                 sqlite3_stmt    *stmt,
                 GError         **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean failed = FALSE;

  while (next_row (self, stmt, &failed, error))
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));

  return failed ? NULL : g_strv_builder_end (builder);
}

static GStrv
dup_sources (LdnContentStore *self,
             const char      *sql,
             const char      *owner_text,
             gint64           owner_number,
             GError         **error)
{
  sqlite3_stmt *stmt = statement (self, sql, error);

  if (stmt == NULL)
    return NULL;

  if (owner_text != NULL)
    sqlite3_bind_text (stmt, 1, owner_text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, owner_number);

  return collect_strings (self, stmt, error);
}

char *
ldn_content_store_dup_default_path (void)
{
  const char *override = g_getenv ("LDN_GUIDE_CONTENT");

  if (override != NULL && *override != '\0')
    return g_strdup (override);

  return g_build_filename (PKGDATADIR, "content.sqlite", NULL);
}

static gboolean
has_locale (LdnContentStore *self,
            const char      *locale)
{
  sqlite3_stmt *stmt = statement (self, "SELECT 1 FROM page_text WHERE locale = ?1 LIMIT 1", NULL);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, locale, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static void
choose_locale (LdnContentStore *self,
               const char      *wanted)
{
  const char * const *languages = g_get_language_names ();

  if (wanted != NULL)
    {
      self->locale = g_strdup (has_locale (self, wanted) ? wanted : LDN_CONTENT_FALLBACK_LOCALE);
      return;
    }

  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (has_locale (self, languages[i]))
        {
          self->locale = g_strdup (languages[i]);
          return;
        }
    }

  self->locale = g_strdup (LDN_CONTENT_FALLBACK_LOCALE);
}

static char *
read_meta (LdnContentStore *self,
           const char      *key)
{
  sqlite3_stmt *stmt = statement (self, "SELECT value FROM meta WHERE key = ?1", NULL);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return column_dup (stmt, 0);
}

static gboolean
ldn_content_store_open (LdnContentStore *self,
                        const char      *locale,
                        GError         **error)
{
  g_autofree char *file_uri = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *schema = NULL;

  if (!g_file_test (self->path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, LDN_CONTENT_ERROR, LDN_CONTENT_ERROR_OPEN,
                   _("The guide’s content is missing (%s). Reinstalling LDN Guide should repair it."),
                   self->path);
      return FALSE;
    }

  /* immutable: the installed file never changes, so SQLite may skip
   * locking and never writes a journal beside it. */
  file_uri = g_filename_to_uri (self->path, NULL, error);
  if (file_uri == NULL)
    return FALSE;
  uri = g_strconcat (file_uri, "?mode=ro&immutable=1", NULL);

  if (sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK ||
      (schema = read_meta (self, "schema_version")) == NULL)
    {
      g_set_error (error, LDN_CONTENT_ERROR, LDN_CONTENT_ERROR_OPEN,
                   _("The guide’s content is damaged (%s: %s). Reinstalling LDN Guide should repair it."),
                   self->path, self->db ? sqlite3_errmsg (self->db) : _("out of memory"));
      return FALSE;
    }

  if (atoi (schema) != LDN_CONTENT_SCHEMA_VERSION)
    {
      g_set_error (error, LDN_CONTENT_ERROR, LDN_CONTENT_ERROR_VERSION,
                   _("The guide’s content (%s) has layout version %s, but this LDN Guide reads version %d. "
                     "Reinstalling LDN Guide should repair it."),
                   self->path, schema, LDN_CONTENT_SCHEMA_VERSION);
      return FALSE;
    }

  self->content_version = read_meta (self, "content_version");
  choose_locale (self, locale);

  return TRUE;
}

LdnContentStore *
ldn_content_store_new (const char *path,
                       const char *locale,
                       GError    **error)
{
  g_autoptr(LdnContentStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (LDN_TYPE_CONTENT_STORE, NULL);
  self->path = g_canonicalize_filename (path, NULL);

  if (!ldn_content_store_open (self, locale, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
ldn_content_store_get_content_version (LdnContentStore *self)
{
  g_return_val_if_fail (LDN_IS_CONTENT_STORE (self), NULL);

  return self->content_version;
}

const char *
ldn_content_store_get_locale (LdnContentStore *self)
{
  g_return_val_if_fail (LDN_IS_CONTENT_STORE (self), NULL);

  return self->locale;
}

GPtrArray *
ldn_content_store_list_pages (LdnContentStore *self,
                              GError         **error)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) ldn_page_info_free);
  sqlite3_stmt *stmt;
  gboolean failed = FALSE;

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (self), NULL);

  stmt = statement (self, PAGES_SQL " ORDER BY p.position", error);
  if (stmt == NULL)
    return NULL;

  while (next_row (self, stmt, &failed, error))
    {
      LdnPageInfo *page = g_new0 (LdnPageInfo, 1);

      page->id = column_dup (stmt, 0);
      page->position = sqlite3_column_int (stmt, 1);
      page->title = column_dup (stmt, 2);
      page->summary = column_dup (stmt, 3);
      page->last_reviewed = column_dup (stmt, 4);
      g_ptr_array_add (pages, page);
    }

  return failed ? NULL : g_steal_pointer (&pages);
}

static LdnBlockKind
block_kind_from_string (const char *kind)
{
  static const char *names[] = {
    [LDN_BLOCK_PARAGRAPH] = "paragraph",
    [LDN_BLOCK_KEY_POINT] = "key-point",
    [LDN_BLOCK_TABLE] = "table",
    [LDN_BLOCK_UNKNOWN] = "unknown",
    [LDN_BLOCK_LIST] = "list",
    [LDN_BLOCK_TEACH_BACK] = "teach-back",
    [LDN_BLOCK_CONDITIONS] = "conditions",
    [LDN_BLOCK_SIDE_EFFECTS] = "side-effects",
    [LDN_BLOCK_FREQUENCY] = "frequency",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (kind, names[i]) == 0)
      return i;

  return LDN_BLOCK_PARAGRAPH;
}

static gboolean
fill_block_rows (LdnContentStore *self,
                 LdnBlock        *block,
                 gint64           block_id,
                 GError         **error)
{
  sqlite3_stmt *stmt = statement (self, CELLS_SQL, error);
  g_autoptr(GPtrArray) row = NULL;
  int current_row = -1;
  gboolean failed = FALSE;

  if (stmt == NULL)
    return FALSE;

  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  sqlite3_bind_int64 (stmt, 1, block_id);

  while (next_row (self, stmt, &failed, error))
    {
      int row_number = sqlite3_column_int (stmt, 0);

      if (row_number != current_row && row != NULL)
        {
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (block->rows, g_ptr_array_steal (row, NULL));
          g_clear_pointer (&row, g_ptr_array_unref);
        }
      if (row == NULL)
        row = g_ptr_array_new ();

      current_row = row_number;
      g_ptr_array_add (row, column_dup (stmt, 2));
    }

  if (row != NULL)
    {
      g_ptr_array_add (row, NULL);
      g_ptr_array_add (block->rows, g_ptr_array_steal (row, NULL));
    }

  return !failed;
}

static gboolean
fill_block_frequency (LdnContentStore *self,
                      LdnBlock        *block,
                      gint64           block_id,
                      GError         **error)
{
  sqlite3_stmt *stmt = statement (self, FREQUENCY_SQL, error);
  gboolean failed = FALSE;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, block_id);
  if (next_row (self, stmt, &failed, error))
    {
      LdnFrequency *frequency = g_new0 (LdnFrequency, 1);

      frequency->per = sqlite3_column_int (stmt, 0);
      frequency->ldn = sqlite3_column_int (stmt, 1);
      frequency->comparison = sqlite3_column_int (stmt, 2);
      frequency->comparator = column_dup (stmt, 3);
      frequency->period = column_dup (stmt, 4);
      frequency->outcome = column_dup (stmt, 5);
      frequency->study = column_dup (stmt, 6);
      block->frequency = frequency;
      sqlite3_reset (stmt);
      return TRUE;
    }

  if (!failed)
    g_set_error (error, LDN_CONTENT_ERROR, LDN_CONTENT_ERROR_NOT_FOUND,
                 "A frequency block has no numbers.");
  return FALSE;
}

static gboolean
fill_block_choices (LdnContentStore *self,
                    LdnBlock        *block,
                    GError         **error)
{
  sqlite3_stmt *stmt = statement (self, CHOICES_SQL, error);
  gboolean failed = FALSE;

  if (stmt == NULL)
    return FALSE;

  block->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) ldn_choice_free);
  sqlite3_bind_text (stmt, 1, block->question_id, -1, SQLITE_TRANSIENT);

  while (next_row (self, stmt, &failed, error))
    {
      LdnChoice *choice = g_new0 (LdnChoice, 1);

      choice->id = column_dup (stmt, 0);
      choice->text = column_dup (stmt, 1);
      choice->correct = sqlite3_column_int (stmt, 2) != 0;
      g_ptr_array_add (block->choices, choice);
    }

  return !failed;
}

GPtrArray *
ldn_content_store_get_blocks (LdnContentStore *self,
                              const char      *page_id,
                              GError         **error)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) ldn_block_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gboolean failed = FALSE;

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (self), NULL);
  g_return_val_if_fail (page_id != NULL, NULL);

  stmt = statement (self, BLOCKS_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, page_id, -1, SQLITE_TRANSIENT);

  /* Collect the rows first: the details below reuse other statements. */
  while (next_row (self, stmt, &failed, error))
    {
      LdnBlock *block = g_new0 (LdnBlock, 1);
      gint64 id = sqlite3_column_int64 (stmt, 0);

      block->position = sqlite3_column_int (stmt, 1);
      block->kind = block_kind_from_string ((const char *) sqlite3_column_text (stmt, 2));
      block->title = column_dup (stmt, 3);
      block->body = column_dup (stmt, 4);
      block->question_id = column_dup (stmt, 5);
      block->editorial = sqlite3_column_int (stmt, 6) != 0;
      block->untranslated = sqlite3_column_int (stmt, 7) != 0;
      g_ptr_array_add (blocks, block);
      g_array_append_val (ids, id);
    }
  if (failed)
    return NULL;

  if (blocks->len == 0)
    {
      g_set_error (error, LDN_CONTENT_ERROR, LDN_CONTENT_ERROR_NOT_FOUND,
                   _("The guide has no page “%s”."), page_id);
      return NULL;
    }

  for (guint i = 0; i < blocks->len; i++)
    {
      LdnBlock *block = g_ptr_array_index (blocks, i);
      gint64 id = g_array_index (ids, gint64, i);

      block->sources = dup_sources (self, "SELECT source_id FROM block_sources WHERE block_id = ?1 ORDER BY position",
                                    NULL, id, error);
      if (block->sources == NULL)
        return NULL;

      if ((block->kind == LDN_BLOCK_TABLE || block->kind == LDN_BLOCK_LIST) &&
          !fill_block_rows (self, block, id, error))
        return NULL;

      if (block->kind == LDN_BLOCK_TEACH_BACK && !fill_block_choices (self, block, error))
        return NULL;

      if (block->kind == LDN_BLOCK_FREQUENCY && !fill_block_frequency (self, block, id, error))
        return NULL;
    }

  return g_steal_pointer (&blocks);
}

static LdnSource *
source_from_row (sqlite3_stmt *stmt)
{
  LdnSource *source = g_new0 (LdnSource, 1);

  source->id = column_dup (stmt, 0);
  source->kind = column_dup (stmt, 1);
  source->authors = column_dup (stmt, 2);
  source->title = column_dup (stmt, 3);
  source->journal = column_dup (stmt, 4);
  source->year = sqlite3_column_int (stmt, 5);
  source->details = column_dup (stmt, 6);
  source->pmid = column_dup (stmt, 7);
  source->doi = column_dup (stmt, 8);
  source->url = column_dup (stmt, 9);
  source->note = column_dup (stmt, 10);
  source->description = column_dup (stmt, 11);
  source->accessed = column_dup (stmt, 12);

  return source;
}

LdnSource *
ldn_content_store_get_source (LdnContentStore *self,
                              const char      *source_id,
                              GError         **error)
{
  sqlite3_stmt *stmt;
  gboolean failed = FALSE;

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (self), NULL);
  g_return_val_if_fail (source_id != NULL, NULL);

  stmt = statement (self, SOURCE_COLUMNS " WHERE s.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, source_id, -1, SQLITE_TRANSIENT);

  if (next_row (self, stmt, &failed, error))
    return source_from_row (stmt);

  if (!failed)
    g_set_error (error, LDN_CONTENT_ERROR, LDN_CONTENT_ERROR_NOT_FOUND,
                 _("The guide has no source “%s”."), source_id);
  return NULL;
}

GPtrArray *
ldn_content_store_list_sources (LdnContentStore *self,
                                GError         **error)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) ldn_source_free);
  sqlite3_stmt *stmt;
  gboolean failed = FALSE;

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (self), NULL);

  /* Alphabetical by authors, as a reference list is read. */
  stmt = statement (self, SOURCE_COLUMNS " ORDER BY coalesce (s.authors, s.title, s.description) COLLATE NOCASE, s.year", error);
  if (stmt == NULL)
    return NULL;

  while (next_row (self, stmt, &failed, error))
    g_ptr_array_add (sources, source_from_row (stmt));

  return failed ? NULL : g_steal_pointer (&sources);
}

/* Every word the user typed must appear, each as a prefix, so "seroto"
 * finds serotonin; quoting keeps FTS syntax out of the user's hands. */
static char *
build_match_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || c == '-'))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        {
          g_string_append_printf (query, "%s\"%s\"*", query->len > 0 ? " " : "", word->str);
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

  return query->len > 0 ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

GPtrArray *
ldn_content_store_search (LdnContentStore *self,
                          const char      *text,
                          GError         **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) ldn_search_hit_free);
  g_autofree char *query = NULL;
  sqlite3_stmt *stmt;
  gboolean failed = FALSE;

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL) || (query = build_match_query (text)) == NULL)
    return g_steal_pointer (&hits);

  stmt = statement (self, SEARCH_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);

  while (next_row (self, stmt, &failed, error))
    {
      LdnSearchHit *hit = g_new0 (LdnSearchHit, 1);

      hit->page_id = column_dup (stmt, 0);
      hit->page_title = column_dup (stmt, 1);
      hit->block_position = sqlite3_column_int (stmt, 2);
      hit->snippet = column_dup (stmt, 3);
      g_ptr_array_add (hits, hit);
    }

  return failed ? NULL : g_steal_pointer (&hits);
}

/* The lists below share one shape: rows of text plus a sources table. */
typedef gpointer (*RowReader) (LdnContentStore *self, sqlite3_stmt *stmt, GError **error);

static GPtrArray *
list_rows (LdnContentStore *self,
           const char      *sql,
           RowReader        read_row,
           GDestroyNotify   free_item,
           GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (free_item);
  sqlite3_stmt *stmt = statement (self, sql, error);
  gboolean failed = FALSE;

  if (stmt == NULL)
    return NULL;

  while (next_row (self, stmt, &failed, error))
    g_ptr_array_add (items, read_row (self, stmt, NULL));

  if (failed)
    return NULL;

  return g_steal_pointer (&items);
}

/* Sources are read after the rows, because the row statement must be
 * finished before another query on the same connection reuses memory. */
static gboolean
attach_sources (LdnContentStore *self,
                GPtrArray       *items,
                gsize            id_offset,
                gsize            sources_offset,
                const char      *sql,
                GError         **error)
{
  for (guint i = 0; i < items->len; i++)
    {
      guint8 *item = g_ptr_array_index (items, i);
      const char *id = *(char **) (item + id_offset);
      GStrv sources = dup_sources (self, sql, id, 0, error);

      if (sources == NULL)
        return FALSE;
      *(GStrv *) (item + sources_offset) = sources;
    }

  return TRUE;
}

static gpointer
read_condition (LdnContentStore *self, sqlite3_stmt *stmt, GError **error)
{
  LdnCondition *condition = g_new0 (LdnCondition, 1);

  condition->id = column_dup (stmt, 0);
  condition->strength = column_dup (stmt, 1);
  condition->name = column_dup (stmt, 2);
  condition->strength_words = column_dup (stmt, 3);
  condition->summary = column_dup (stmt, 4);

  return condition;
}

GPtrArray *
ldn_content_store_list_conditions (LdnContentStore *self,
                                   GError         **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (self), NULL);

  items = list_rows (self,
                     "SELECT c.id, c.strength, coalesce (l.name, e.name),"
                     " coalesce (l.strength_words, e.strength_words), coalesce (l.summary, e.summary)"
                     " FROM conditions c JOIN condition_text e ON e.condition_id = c.id AND e.locale = 'en'"
                     " LEFT JOIN condition_text l ON l.condition_id = c.id AND l.locale = ?2"
                     " ORDER BY c.position",
                     read_condition, (GDestroyNotify) ldn_condition_free, error);
  if (items == NULL ||
      !attach_sources (self, items, G_STRUCT_OFFSET (LdnCondition, id), G_STRUCT_OFFSET (LdnCondition, sources),
                       "SELECT source_id FROM condition_sources WHERE condition_id = ?1 ORDER BY position", error))
    return NULL;

  return g_steal_pointer (&items);
}

static gpointer
read_side_effect (LdnContentStore *self, sqlite3_stmt *stmt, GError **error)
{
  LdnSideEffect *side_effect = g_new0 (LdnSideEffect, 1);

  side_effect->id = column_dup (stmt, 0);
  side_effect->transient = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 1);
  side_effect->name = column_dup (stmt, 2);
  side_effect->frequency = column_dup (stmt, 3);
  side_effect->note = column_dup (stmt, 4);

  return side_effect;
}

GPtrArray *
ldn_content_store_list_side_effects (LdnContentStore *self,
                                     GError         **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (self), NULL);

  items = list_rows (self,
                     "SELECT s.id, s.transient, coalesce (l.name, e.name), coalesce (l.frequency, e.frequency),"
                     " coalesce (l.note, e.note)"
                     " FROM side_effects s JOIN side_effect_text e ON e.side_effect_id = s.id AND e.locale = 'en'"
                     " LEFT JOIN side_effect_text l ON l.side_effect_id = s.id AND l.locale = ?2"
                     " ORDER BY s.position",
                     read_side_effect, (GDestroyNotify) ldn_side_effect_free, error);
  if (items == NULL ||
      !attach_sources (self, items, G_STRUCT_OFFSET (LdnSideEffect, id), G_STRUCT_OFFSET (LdnSideEffect, sources),
                       "SELECT source_id FROM side_effect_sources WHERE side_effect_id = ?1 ORDER BY position", error))
    return NULL;

  return g_steal_pointer (&items);
}

static gpointer
read_warning_sign (LdnContentStore *self, sqlite3_stmt *stmt, GError **error)
{
  LdnWarningSign *sign = g_new0 (LdnWarningSign, 1);

  sign->id = column_dup (stmt, 0);
  sign->sign = column_dup (stmt, 1);
  sign->action = column_dup (stmt, 2);

  return sign;
}

GPtrArray *
ldn_content_store_list_warning_signs (LdnContentStore *self,
                                      GError         **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (self), NULL);

  items = list_rows (self,
                     "SELECT w.id, coalesce (l.sign, e.sign), coalesce (l.action, e.action)"
                     " FROM warning_signs w JOIN warning_sign_text e ON e.warning_sign_id = w.id AND e.locale = 'en'"
                     " LEFT JOIN warning_sign_text l ON l.warning_sign_id = w.id AND l.locale = ?2"
                     " ORDER BY w.position",
                     read_warning_sign, (GDestroyNotify) ldn_warning_sign_free, error);
  if (items == NULL ||
      !attach_sources (self, items, G_STRUCT_OFFSET (LdnWarningSign, id), G_STRUCT_OFFSET (LdnWarningSign, sources),
                       "SELECT source_id FROM warning_sign_sources WHERE warning_sign_id = ?1 ORDER BY position", error))
    return NULL;

  return g_steal_pointer (&items);
}

static gpointer
read_safety_topic (LdnContentStore *self, sqlite3_stmt *stmt, GError **error)
{
  LdnSafetyTopic *topic = g_new0 (LdnSafetyTopic, 1);

  topic->id = column_dup (stmt, 0);
  topic->high_prominence = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "high") == 0;
  topic->question = column_dup (stmt, 2);
  topic->examples = column_dup (stmt, 3);
  topic->why = column_dup (stmt, 4);

  return topic;
}

GPtrArray *
ldn_content_store_list_safety_topics (LdnContentStore *self,
                                      GError         **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (self), NULL);

  items = list_rows (self,
                     "SELECT t.id, t.prominence, coalesce (l.question, e.question), coalesce (l.examples, e.examples),"
                     " coalesce (l.why, e.why)"
                     " FROM safety_topics t JOIN safety_topic_text e ON e.safety_topic_id = t.id AND e.locale = 'en'"
                     " LEFT JOIN safety_topic_text l ON l.safety_topic_id = t.id AND l.locale = ?2"
                     " ORDER BY t.position",
                     read_safety_topic, (GDestroyNotify) ldn_safety_topic_free, error);
  if (items == NULL ||
      !attach_sources (self, items, G_STRUCT_OFFSET (LdnSafetyTopic, id), G_STRUCT_OFFSET (LdnSafetyTopic, sources),
                       "SELECT source_id FROM safety_topic_sources WHERE safety_topic_id = ?1 ORDER BY position", error))
    return NULL;

  return g_steal_pointer (&items);
}

static gpointer
read_suggested_question (LdnContentStore *self, sqlite3_stmt *stmt, GError **error)
{
  LdnSuggestedQuestion *question = g_new0 (LdnSuggestedQuestion, 1);

  question->id = column_dup (stmt, 0);
  question->ask3 = sqlite3_column_int (stmt, 1) != 0;
  question->text = column_dup (stmt, 2);

  return question;
}

GPtrArray *
ldn_content_store_list_suggested_questions (LdnContentStore *self,
                                            GError         **error)
{
  g_return_val_if_fail (LDN_IS_CONTENT_STORE (self), NULL);

  return list_rows (self,
                    "SELECT q.id, q.ask3, coalesce (l.text, e.text)"
                    " FROM suggested_questions q"
                    " JOIN suggested_question_text e ON e.suggested_question_id = q.id AND e.locale = 'en'"
                    " LEFT JOIN suggested_question_text l ON l.suggested_question_id = q.id AND l.locale = ?2"
                    " ORDER BY q.position",
                    read_suggested_question, (GDestroyNotify) ldn_suggested_question_free, error);
}

GStrv
ldn_content_store_dup_ids (LdnContentStore *self,
                           LdnContentIds    kind,
                           GError         **error)
{
  static const char *queries[] = {
    [LDN_CONTENT_IDS_SIDE_EFFECTS] = "SELECT id FROM side_effects ORDER BY position",
    [LDN_CONTENT_IDS_SAFETY_TOPICS] = "SELECT id FROM safety_topics ORDER BY position",
    [LDN_CONTENT_IDS_TEACH_BACK] = "SELECT q.id FROM teach_back q JOIN blocks b ON b.id = q.block_id"
                                   " JOIN pages p ON p.id = b.page_id"
                                   " ORDER BY p.position, b.position",
    [LDN_CONTENT_IDS_CONDITIONS] = "SELECT id FROM conditions ORDER BY position",
    [LDN_CONTENT_IDS_VALUES] = "SELECT id FROM decision_items WHERE kind = 'value' ORDER BY position",
    [LDN_CONTENT_IDS_CONSENT] = "SELECT id FROM decision_items WHERE kind = 'consent' ORDER BY position",
  };

  sqlite3_stmt *stmt;

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (self), NULL);
  g_return_val_if_fail (kind <= LDN_CONTENT_IDS_CONSENT, NULL);

  stmt = statement (self, queries[kind], error);
  return stmt != NULL ? collect_strings (self, stmt, error) : NULL;
}

static gpointer
read_decision_item (LdnContentStore *self, sqlite3_stmt *stmt, GError **error)
{
  LdnDecisionItem *item = g_new0 (LdnDecisionItem, 1);

  item->id = column_dup (stmt, 0);
  item->kind = column_dup (stmt, 1);
  item->text = column_dup (stmt, 2);
  item->detail = column_dup (stmt, 3);
  item->short_text = column_dup (stmt, 4);

  return item;
}

GPtrArray *
ldn_content_store_list_decision_items (LdnContentStore *self,
                                       const char      *kind,
                                       GError         **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  all = list_rows (self,
                   "SELECT d.id, d.kind, coalesce (l.text, e.text), coalesce (l.detail, e.detail), coalesce (l.short, e.short)"
                   " FROM decision_items d JOIN decision_item_text e ON e.item_id = d.id AND e.locale = 'en'"
                   " LEFT JOIN decision_item_text l ON l.item_id = d.id AND l.locale = ?2"
                   " ORDER BY d.kind, d.position",
                   read_decision_item, (GDestroyNotify) ldn_decision_item_free, error);
  if (all == NULL)
    return NULL;

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) ldn_decision_item_free);
  for (guint i = 0; i < all->len; i++)
    if (g_str_equal (((LdnDecisionItem *) g_ptr_array_index (all, i))->kind, kind))
      g_ptr_array_add (items, g_steal_pointer (&all->pdata[i]));

  if (!attach_sources (self, items, G_STRUCT_OFFSET (LdnDecisionItem, id), G_STRUCT_OFFSET (LdnDecisionItem, sources),
                       "SELECT source_id FROM decision_item_sources WHERE item_id = ?1 ORDER BY position", error))
    return NULL;

  return g_steal_pointer (&items);
}

static gpointer
read_opioid (LdnContentStore *self, sqlite3_stmt *stmt, GError **error)
{
  LdnOpioid *opioid = g_new0 (LdnOpioid, 1);

  opioid->id = column_dup (stmt, 0);
  opioid->name = column_dup (stmt, 1);
  opioid->contains = column_dup (stmt, 2);

  return opioid;
}

GPtrArray *
ldn_content_store_list_opioids (LdnContentStore *self,
                                GError         **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (self), NULL);

  items = list_rows (self,
                     "SELECT o.id, coalesce (l.name, e.name), coalesce (l.contains, e.contains)"
                     " FROM opioids o JOIN opioid_text e ON e.opioid_id = o.id AND e.locale = 'en'"
                     " LEFT JOIN opioid_text l ON l.opioid_id = o.id AND l.locale = ?2"
                     " ORDER BY o.position",
                     read_opioid, (GDestroyNotify) ldn_opioid_free, error);
  if (items == NULL ||
      !attach_sources (self, items, G_STRUCT_OFFSET (LdnOpioid, id), G_STRUCT_OFFSET (LdnOpioid, names),
                       "SELECT name FROM opioid_names WHERE opioid_id = ?1 ORDER BY rowid", error) ||
      !attach_sources (self, items, G_STRUCT_OFFSET (LdnOpioid, id), G_STRUCT_OFFSET (LdnOpioid, sources),
                       "SELECT source_id FROM opioid_sources WHERE opioid_id = ?1 ORDER BY position", error))
    return NULL;

  return g_steal_pointer (&items);
}

static gpointer
read_caption (LdnContentStore *self, sqlite3_stmt *stmt, GError **error)
{
  LdnCaption *caption = g_new0 (LdnCaption, 1);

  caption->id = column_dup (stmt, 0);
  caption->title = column_dup (stmt, 1);
  caption->text = column_dup (stmt, 2);

  return caption;
}

GPtrArray *
ldn_content_store_list_captions (LdnContentStore *self,
                                 GError         **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (self), NULL);

  items = list_rows (self,
                     "SELECT c.id, coalesce (l.title, e.title), coalesce (l.text, e.text)"
                     " FROM captions c JOIN caption_text e ON e.caption_id = c.id AND e.locale = 'en'"
                     " LEFT JOIN caption_text l ON l.caption_id = c.id AND l.locale = ?2"
                     " ORDER BY c.position",
                     read_caption, (GDestroyNotify) ldn_caption_free, error);
  if (items == NULL ||
      !attach_sources (self, items, G_STRUCT_OFFSET (LdnCaption, id), G_STRUCT_OFFSET (LdnCaption, sources),
                       "SELECT source_id FROM caption_sources WHERE caption_id = ?1 ORDER BY position", error))
    return NULL;

  return g_steal_pointer (&items);
}

LdnContentText *
ldn_content_store_get_text (LdnContentStore *self,
                            const char      *text_id,
                            GError         **error)
{
  sqlite3_stmt *stmt;
  gboolean failed = FALSE;
  g_autoptr(LdnContentText) text = NULL;

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (self), NULL);
  g_return_val_if_fail (text_id != NULL, NULL);

  stmt = statement (self,
                    "SELECT t.id, coalesce (l.text, e.text), t.last_reviewed"
                    " FROM texts t JOIN text_text e ON e.text_id = t.id AND e.locale = 'en'"
                    " LEFT JOIN text_text l ON l.text_id = t.id AND l.locale = ?2"
                    " WHERE t.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, text_id, -1, SQLITE_TRANSIENT);

  if (!next_row (self, stmt, &failed, error))
    {
      if (!failed)
        g_set_error (error, LDN_CONTENT_ERROR, LDN_CONTENT_ERROR_NOT_FOUND,
                     "The guide has no text “%s”.", text_id);
      return NULL;
    }

  text = g_new0 (LdnContentText, 1);
  text->id = column_dup (stmt, 0);
  text->text = column_dup (stmt, 1);
  text->last_reviewed = column_dup (stmt, 2);
  sqlite3_reset (stmt);

  text->sources = dup_sources (self, "SELECT source_id FROM text_sources WHERE text_id = ?1 ORDER BY position",
                               text_id, 0, error);
  if (text->sources == NULL)
    return NULL;

  return g_steal_pointer (&text);
}

static gboolean
read_constant (LdnContentStore *self,
               const char      *key,
               double          *value,
               GError         **error)
{
  sqlite3_stmt *stmt = statement (self, "SELECT value FROM model_constants WHERE key = ?1", error);
  gboolean failed = FALSE;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (next_row (self, stmt, &failed, error))
    {
      *value = sqlite3_column_double (stmt, 0);
      return TRUE;
    }

  if (!failed)
    g_set_error (error, LDN_CONTENT_ERROR, LDN_CONTENT_ERROR_NOT_FOUND,
                 _("The guide’s content has no model constant “%s”."), key);
  return FALSE;
}

LdnOccupancyModel *
ldn_content_store_load_occupancy_model (LdnContentStore *self,
                                        GError         **error)
{
  g_autoptr(GArray) sets = g_array_new (FALSE, TRUE, sizeof (LdnEffectParameters));
  LdnPharmacokinetics pk;
  sqlite3_stmt *stmt;
  gboolean failed = FALSE;

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (self), NULL);

  if (!read_constant (self, "ka_per_h", &pk.ka_per_h, error) ||
      !read_constant (self, "ke_per_h", &pk.ke_per_h, error) ||
      !read_constant (self, "scale_ng_ml_per_mg", &pk.scale_ng_ml_per_mg, error))
    return NULL;

  stmt = statement (self, "SELECT hypothesis, central, ec50_ng_ml, ke0_per_h FROM model_parameter_sets ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  while (next_row (self, stmt, &failed, error))
    {
      LdnEffectParameters set = {
        .hypothesis = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "transient") == 0
                      ? LDN_HYPOTHESIS_TRANSIENT : LDN_HYPOTHESIS_SUSTAINED,
        .central = sqlite3_column_int (stmt, 1) != 0,
        .ec50_ng_ml = sqlite3_column_double (stmt, 2),
        .ke0_per_h = sqlite3_column_double (stmt, 3),
      };
      g_array_append_val (sets, set);
    }
  if (failed)
    return NULL;

  return ldn_occupancy_model_new (&pk, (LdnEffectParameters *) sets->data, sets->len, error);
}

GArray *
ldn_content_store_list_pet_points (LdnContentStore *self,
                                   GError         **error)
{
  g_autoptr(GArray) points = g_array_new (FALSE, TRUE, sizeof (LdnPetPoint));
  sqlite3_stmt *stmt;
  gboolean failed = FALSE;

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (self), NULL);

  stmt = statement (self, "SELECT dose_mg, hours_min, hours_max, occupancy FROM pet_points"
                          " ORDER BY dose_mg, hours_min, id", error);
  if (stmt == NULL)
    return NULL;

  while (next_row (self, stmt, &failed, error))
    {
      LdnPetPoint point = {
        .dose_mg = sqlite3_column_double (stmt, 0),
        .hours_min = sqlite3_column_double (stmt, 1),
        .hours_max = sqlite3_column_double (stmt, 2),
        .occupancy = sqlite3_column_double (stmt, 3),
      };
      g_array_append_val (points, point);
    }

  return failed ? NULL : g_steal_pointer (&points);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
ldn_content_store_finalize (GObject *object)
{
  LdnContentStore *self = LDN_CONTENT_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  sqlite3_close (self->db);
  g_free (self->path);
  g_free (self->locale);
  g_free (self->content_version);

  G_OBJECT_CLASS (ldn_content_store_parent_class)->finalize (object);
}

static void
ldn_content_store_class_init (LdnContentStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ldn_content_store_finalize;
}

static void
ldn_content_store_init (LdnContentStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
}

/* ldn-user-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ldn-teach-back-recorder.h"
#include "ldn-user-store.h"
#include "ldn-user-store-private.h"
#include "util/ldn-xdg.h"
#include "util/ldn-sqlite.h"

G_DEFINE_QUARK (ldn-user-error-quark, ldn_user_error)

struct _LdnUserStore
{
  GObject            parent_instance;

  sqlite3           *db;
  LdnStatementCache *statements;
  char              *path;
  char              *damaged_path;
  char              *problem;
  gboolean           persistent;
  gboolean           read_only;   /* opened immutable: reads work, writes are refused */
  gint64             data_version;
};

static void ldn_user_store_recorder_init (LdnTeachBackRecorderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LdnUserStore, ldn_user_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (LDN_TYPE_TEACH_BACK_RECORDER,
                                                      ldn_user_store_recorder_init))

/* Version 1, as first shipped. Never edit it: add a migration below. */
static const char schema_v1[] =
  "CREATE TABLE checklist (item_id TEXT PRIMARY KEY, noticed INTEGER NOT NULL DEFAULT 0 CHECK (noticed IN (0, 1)),"
  "  severity TEXT CHECK (severity IN ('mild', 'moderate', 'severe')), since TEXT, note TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE safety_answers (question_id TEXT PRIMARY KEY,"
  "  answer TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'unsure')));"
  "CREATE TABLE user_texts (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  "CREATE TABLE questions (id INTEGER PRIMARY KEY, position INTEGER NOT NULL, text TEXT NOT NULL,"
  "  suggested_id TEXT);"
  "CREATE TABLE teach_back (question_id TEXT PRIMARY KEY, choice_id TEXT NOT NULL);";

/* Each entry takes the schema from version N + 1 to N + 2. */
static const char *migrations[] = {
  /* 1 -> 2: remember when each answer was last changed. */
  "ALTER TABLE checklist ADD COLUMN updated_at TEXT;"
  "ALTER TABLE safety_answers ADD COLUMN updated_at TEXT;"
  "ALTER TABLE teach_back ADD COLUMN updated_at TEXT;",
  /* 2 -> 3: the decision aid (see ldn-decision-store.c). */
  LDN_DECISION_SCHEMA_SQL,
  /* 3 -> 4: the diary (see ldn-diary-store.c). */
  LDN_DIARY_SCHEMA_SQL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) + 1 == LDN_USER_SCHEMA_VERSION);

static const char *user_text_keys[] = {
  [LDN_USER_TEXT_OTHER_SIDE_EFFECTS] = "other_side_effects",
  [LDN_USER_TEXT_OTHER_MEDICINES] = "other_medicines",
  [LDN_USER_TEXT_WHAT_MATTERS] = "what_matters",
  [LDN_USER_TEXT_NAME] = "name",
};

void
ldn_checklist_entry_free (LdnChecklistEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->item_id);
  g_free (entry->since);
  g_free (entry->note);
  g_free (entry);
}

void
ldn_user_question_free (LdnUserQuestion *question)
{
  if (question == NULL)
    return;
  g_free (question->text);
  g_free (question->suggested_id);
  g_free (question);
}

const char *
ldn_severity_to_string (LdnSeverity severity)
{
  static const char *names[] = { NULL, "mild", "moderate", "severe" };

  return severity <= LDN_SEVERITY_SEVERE ? names[severity] : NULL;
}

gboolean
ldn_severity_from_string (const char  *text,
                          LdnSeverity *severity)
{
  for (LdnSeverity s = LDN_SEVERITY_MILD; s <= LDN_SEVERITY_SEVERE; s++)
    if (g_strcmp0 (text, ldn_severity_to_string (s)) == 0)
      {
        *severity = s;
        return TRUE;
      }

  return FALSE;
}

const char *
ldn_answer_to_string (LdnSafetyAnswer answer)
{
  static const char *names[] = { NULL, "yes", "no", "unsure" };

  return answer <= LDN_ANSWER_UNSURE ? names[answer] : NULL;
}

gboolean
ldn_answer_from_string (const char      *text,
                        LdnSafetyAnswer *answer)
{
  for (LdnSafetyAnswer a = LDN_ANSWER_YES; a <= LDN_ANSWER_UNSURE; a++)
    if (g_strcmp0 (text, ldn_answer_to_string (a)) == 0)
      {
        *answer = a;
        return TRUE;
      }

  return FALSE;
}

gboolean
ldn_user_text_check (const char *text,
                     GError    **error)
{
  glong length;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_TEXT,
                           _("This text contains characters that are not valid UTF-8, so it was not saved."));
      return FALSE;
    }

  length = g_utf8_strlen (text, -1);
  if (length > LDN_USER_TEXT_MAX_CHARS)
    {
      g_set_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_TEXT,
                   _("This text has %ld characters; the limit is %d. Please shorten it: nothing was cut."),
                   length, LDN_USER_TEXT_MAX_CHARS);
      return FALSE;
    }

  return TRUE;
}

gboolean
ldn_user_date_check (const char *date,
                     GError    **error)
{
  int year, month, day;
  char tail;

  if (date != NULL && strlen (date) == 10 &&
      sscanf (date, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3 &&
      year >= 1900 && year <= 2200 && g_date_valid_dmy (day, month, year))
    return TRUE;

  g_set_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE,
               _("“%s” is not a date in the form YYYY-MM-DD."), date ? date : "");
  return FALSE;
}

static void
set_read_only_error (LdnUserStore *self,
                     GError      **error)
{
  g_set_error (error, LDN_USER_ERROR, LDN_USER_ERROR_READ_ONLY,
               _("Your change was not saved: your data can be read but not saved, because %s cannot be written."),
               self->path);
}

static void
set_storage_error (LdnUserStore *self,
                   GError      **error)
{
  switch (sqlite3_errcode (self->db))
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, LDN_USER_ERROR, LDN_USER_ERROR_BUSY,
                           _("Another LDN Guide is saving to the same data, so your change was not saved. "
                             "Please try again."));
      break;
    case SQLITE_READONLY:
      set_read_only_error (self, error);
      break;
    default:
      g_set_error (error, LDN_USER_ERROR, LDN_USER_ERROR_STORAGE,
                   _("Your change could not be saved: %s"), sqlite3_errmsg (self->db));
    }
}

/* SQLite's count of commits made by other connections: another
 * LDN Guide, or `ldn-guide --import-data`. */
static gint64
read_data_version (LdnUserStore *self)
{
  sqlite3_stmt *stmt = ldn_statement_cache_get (self->statements, "PRAGMA data_version");
  gint64 version = self->data_version;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return version;
}

/* TRUE once for each change someone else committed since the last call. */
static gboolean
changed_outside (LdnUserStore *self)
{
  gint64 version = read_data_version (self);

  if (version == self->data_version)
    return FALSE;

  self->data_version = version;
  return TRUE;
}

gboolean
ldn_user_store_check_for_changes (LdnUserStore *self)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (self), FALSE);

  if (!sqlite3_get_autocommit (self->db) || !changed_outside (self))
    return FALSE;

  g_signal_emit_by_name (self, "reset");
  return TRUE;
}

/* Starts the transaction a single change runs in, unless one is open.
 * A change made on data that someone else has changed since this
 * window read it would undo theirs: it is refused, and the views are
 * told to read the store again. */
static gboolean
begin_change (LdnUserStore *self,
              gboolean     *began,
              GError      **error)
{
  *began = FALSE;

  if (self->read_only)
    {
      set_read_only_error (self, error);
      return FALSE;
    }

  if (!sqlite3_get_autocommit (self->db))
    return TRUE;

  if (sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_storage_error (self, error);
      return FALSE;
    }

  if (changed_outside (self))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_set_error_literal (error, LDN_USER_ERROR, LDN_USER_ERROR_CHANGED,
                           _("Your data was changed outside this window (by an import or another LDN Guide), "
                             "so the window now shows the new data. Your last change was not saved: "
                             "please make it again."));
      g_signal_emit_by_name (self, "reset");
      return FALSE;
    }

  *began = TRUE;
  return TRUE;
}

static gboolean
end_change (LdnUserStore *self,
            gboolean      began,
            gboolean      ok,
            GError      **error)
{
  if (!began)
    return ok;

  if (!ok)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if (sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_storage_error (self, error);
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  g_signal_emit_by_name (self, "changed");
  return TRUE;
}

/* Runs one statement in its own transaction (see begin_change); with
 * synchronous=FULL it is on disk when this returns. */
static gboolean
execute (LdnUserStore *self,
         GError      **error,
         const char   *sql,
         const char   *types,
         ...)
{
  sqlite3_stmt *stmt;
  gboolean began;
  va_list args;
  int rc;

  if (!begin_change (self, &began, error))
    return FALSE;

  stmt = ldn_statement_cache_get (self->statements, sql);
  if (stmt == NULL)
    {
      set_storage_error (self, error);
      return end_change (self, began, FALSE, NULL);
    }

  va_start (args, types);
  ldn_sqlite_bind_valist (stmt, types, args);
  va_end (args);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_storage_error (self, error);
      sqlite3_reset (stmt);
      return end_change (self, began, FALSE, NULL);
    }
  sqlite3_reset (stmt);

  return end_change (self, began, TRUE, error);
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

char *
ldn_user_store_dup_default_path (void)
{
  const char *override = g_getenv ("LDN_GUIDE_USER_DATA");

  g_autofree char *data_home = NULL;

  if (override != NULL && *override != '\0')
    return g_strdup (override);

  /* Never relative: the current folder is not where data lives. */
  data_home = ldn_xdg_dup_data_home (NULL);
  return data_home != NULL ? g_build_filename (data_home, PACKAGE_NAME, "user.sqlite", NULL) : NULL;
}

static int
user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return version;
}

/* Brings any older file up to LDN_USER_SCHEMA_VERSION, one step per
 * transaction, so a crash mid-way leaves a consistent older version. */
static int
migrate (sqlite3 *db)
{
  int version = user_version (db);

  if (version < 0)
    return SQLITE_CORRUPT;
  if (version > LDN_USER_SCHEMA_VERSION)
    return SQLITE_MISMATCH;

  while (version < LDN_USER_SCHEMA_VERSION)
    {
      g_autofree char *sql = g_strdup_printf ("BEGIN IMMEDIATE; %s PRAGMA user_version = %d; COMMIT;",
                                              version == 0 ? schema_v1 : migrations[version - 1],
                                              version + 1);
      int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return rc;
        }
      version++;
    }

  return SQLITE_OK;
}

static gboolean
quick_check_ok (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  return ok;
}

typedef enum {
  OPEN_OK,
  OPEN_DAMAGED,      /* not a database, corrupt, or a directory in the way */
  OPEN_UNWRITABLE,   /* the place cannot hold a database */
  OPEN_NEWER,        /* written by a newer LDN Guide */
  OPEN_BUSY,         /* another LDN Guide held it longer than the busy timeout */
} OpenResult;

static OpenResult
classify (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_OK:
      return OPEN_OK;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_FORMAT:
      return OPEN_DAMAGED;
    case SQLITE_MISMATCH:
      return OPEN_NEWER;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return OPEN_BUSY;
    default:
      return OPEN_UNWRITABLE;
    }
}

/* An existing file that this user cannot write, or in a folder where
 * SQLite cannot make its journal. */
static gboolean
place_is_read_only (const char *path)
{
  g_autofree char *directory = g_path_get_dirname (path);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;

  return access (path, W_OK) != 0 || access (directory, W_OK) != 0;
}

/* Older versions opened a read-only file read-write, and SQLite then
 * made its -shm and -wal files read-only too: once the file itself was
 * writable again, saving still failed. Give those files back the
 * permission to write, when they are ours. */
static void
repair_companions (const char *path)
{
  static const char *companions[] = { "-shm", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *companion = g_strconcat (path, companions[i], NULL);
      GStatBuf info;

      if (g_stat (companion, &info) == 0 && S_ISREG (info.st_mode) && info.st_uid == getuid () &&
          access (companion, W_OK) != 0)
        g_chmod (companion, 0600);
    }
}

static OpenResult
open_read_only (LdnUserStore *self,
                const char   *path)
{
  g_autofree char *file_uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *uri = NULL;
  int version;
  int rc;

  if (file_uri == NULL)
    return OPEN_UNWRITABLE;

  /* immutable: no locks, no -shm or -wal made next to a file that
   * would then stay read-only after the permission is restored. */
  uri = g_strconcat (file_uri, "?immutable=1", NULL);
  rc = sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK && !quick_check_ok (self->db))
    rc = SQLITE_CORRUPT;
  if (rc == SQLITE_OK)
    {
      /* Every version can be read as version 1 is. */
      version = user_version (self->db);
      rc = version < 1 ? SQLITE_CORRUPT : version > LDN_USER_SCHEMA_VERSION ? SQLITE_MISMATCH : SQLITE_OK;
    }

  if (rc != SQLITE_OK)
    {
      sqlite3_close (self->db);
      self->db = NULL;
      /* A damaged file that cannot be moved aside is not ours to replace. */
      return rc == SQLITE_MISMATCH ? OPEN_NEWER : OPEN_UNWRITABLE;
    }

  self->read_only = TRUE;
  return OPEN_OK;
}

static OpenResult
open_database (LdnUserStore *self,
               const char   *path)
{
  g_autofree char *directory = g_path_get_dirname (path);
  int rc;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return OPEN_DAMAGED;
  if (place_is_read_only (path))
    return open_read_only (self, path);
  if (g_mkdir_with_parents (directory, 0700) != 0)
    return OPEN_UNWRITABLE;

  repair_companions (path);
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  /* Another LDN Guide (or an import) may be writing: wait for it. */
  if (rc == SQLITE_OK)
    rc = sqlite3_busy_timeout (self->db, LDN_USER_STORE_BUSY_TIMEOUT_MS);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db,
                       "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;",
                       NULL, NULL, NULL);
  if (rc == SQLITE_OK && !quick_check_ok (self->db))
    rc = sqlite3_errcode (self->db) == SQLITE_BUSY ? SQLITE_BUSY : SQLITE_CORRUPT;
  if (rc == SQLITE_OK)
    rc = migrate (self->db);

  if (rc != SQLITE_OK)
    {
      sqlite3_close (self->db);
      self->db = NULL;
    }

  return classify (rc);
}

/* Keeps the damaged file, with its journal, under a dated name. */
static char *
move_aside (const char *path)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *target = g_strdup_printf ("%s.damaged-%s", path, stamp);
  static const char *companions[] = { "-wal", "-shm" };

  if (g_rename (path, target) != 0)
    {
      g_free (target);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (path, companions[i], NULL);
      g_autofree char *to = g_strconcat (target, companions[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }

  return target;
}

static void
open_in_memory (LdnUserStore *self,
                const char   *problem)
{
  self->persistent = FALSE;
  self->problem = g_strdup (problem);
  if (sqlite3_open (":memory:", &self->db) != SQLITE_OK || migrate (self->db) != SQLITE_OK)
    g_error ("Cannot create an in-memory database: %s", sqlite3_errmsg (self->db));
}

LdnUserStore *
ldn_user_store_open (const char *path)
{
  g_autoptr(LdnUserStore) self = g_object_new (LDN_TYPE_USER_STORE, NULL);
  OpenResult result;

  if (path == NULL)
    {
      open_in_memory (self, _("LDN Guide cannot find your home folder, so it has nowhere to keep your data: "
                              "set HOME to an absolute path. What you enter now will be lost when you close "
                              "the app."));
      self->statements = ldn_statement_cache_new (self->db);
      return g_steal_pointer (&self);
    }

  self->path = g_canonicalize_filename (path, NULL);
  self->persistent = TRUE;
  result = open_database (self, self->path);

  if (result == OPEN_DAMAGED)
    {
      self->damaged_path = move_aside (self->path);
      result = self->damaged_path != NULL ? open_database (self, self->path) : OPEN_UNWRITABLE;
    }

  if (result == OPEN_BUSY)
    {
      g_autofree char *problem =
        g_strdup_printf (_("Another LDN Guide kept your saved data (%s) busy, so it could not be opened. "
                           "What you enter now will not be saved: close the other LDN Guide and start this one again."),
                         self->path);
      open_in_memory (self, problem);
    }
  else if (result == OPEN_UNWRITABLE)
    {
      g_autofree char *problem =
        g_strdup_printf (_("LDN Guide cannot save to %s. What you enter now will be lost when you close the app."),
                         self->path);
      open_in_memory (self, problem);
    }
  else if (result == OPEN_NEWER)
    {
      g_autofree char *problem =
        g_strdup_printf (_("Your saved data (%s) was written by a newer LDN Guide. It was left untouched; "
                           "what you enter now will be lost when you close the app."),
                         self->path);
      open_in_memory (self, problem);
    }

  else if (self->read_only)
    {
      self->persistent = FALSE;
      self->problem = g_strdup_printf (_("Your data can be read but not saved: %s cannot be written. "
                                         "Allow writing to it (and its folder) and start LDN Guide again."),
                                       self->path);
    }

  self->statements = ldn_statement_cache_new (self->db);
  self->data_version = read_data_version (self);

  return g_steal_pointer (&self);
}

const char *
ldn_user_store_get_path (LdnUserStore *self)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (self), NULL);
  return self->path;
}

const char *
ldn_user_store_get_damaged_path (LdnUserStore *self)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (self), NULL);
  return self->damaged_path;
}

const char *
ldn_user_store_get_problem (LdnUserStore *self)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (self), NULL);
  return self->problem;
}

gboolean
ldn_user_store_is_persistent (LdnUserStore *self)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (self), FALSE);
  return self->persistent;
}

gboolean
ldn_user_store_is_read_only (LdnUserStore *self)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (self), FALSE);
  return self->read_only;
}

void
ldn_user_store_set_busy_timeout (LdnUserStore *self,
                                 int           milliseconds)
{
  g_return_if_fail (LDN_IS_USER_STORE (self));
  sqlite3_busy_timeout (self->db, milliseconds);
}

static LdnChecklistEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  LdnChecklistEntry *entry = g_new0 (LdnChecklistEntry, 1);

  entry->item_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  entry->noticed = sqlite3_column_int (stmt, 1) != 0;
  if (!ldn_severity_from_string ((const char *) sqlite3_column_text (stmt, 2), &entry->severity))
    entry->severity = LDN_SEVERITY_NONE;
  entry->since = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  entry->note = g_strdup ((const char *) sqlite3_column_text (stmt, 4));

  return entry;
}

LdnChecklistEntry *
ldn_user_store_get_checklist_entry (LdnUserStore *self,
                                    const char   *item_id,
                                    GError      **error)
{
  sqlite3_stmt *stmt;
  LdnChecklistEntry *entry;

  g_return_val_if_fail (LDN_IS_USER_STORE (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  stmt = ldn_statement_cache_get (self->statements,
                                  "SELECT item_id, noticed, severity, since, note FROM checklist WHERE item_id = ?1");
  if (stmt == NULL)
    {
      set_storage_error (self, error);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, item_id, -1, SQLITE_TRANSIENT);

  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      entry = entry_from_row (stmt);
      break;
    case SQLITE_DONE:
      entry = g_new0 (LdnChecklistEntry, 1);
      entry->item_id = g_strdup (item_id);
      entry->note = g_strdup ("");
      break;
    default:
      set_storage_error (self, error);
      entry = NULL;
    }
  sqlite3_reset (stmt);

  return entry;
}

GPtrArray *
ldn_user_store_list_checklist (LdnUserStore *self,
                               GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ldn_checklist_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LDN_IS_USER_STORE (self), NULL);

  stmt = ldn_statement_cache_get (self->statements,
                                  "SELECT item_id, noticed, severity, since, note FROM checklist ORDER BY item_id");
  if (stmt == NULL)
    {
      set_storage_error (self, error);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_storage_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

gboolean
ldn_user_store_set_noticed (LdnUserStore *self,
                            const char   *item_id,
                            gboolean      noticed,
                            GError      **error)
{
  g_autofree char *now = now_iso8601 ();

  g_return_val_if_fail (LDN_IS_USER_STORE (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  return execute (self, error,
                  "INSERT INTO checklist (item_id, noticed, updated_at) VALUES (?1, ?2, ?3)"
                  " ON CONFLICT (item_id) DO UPDATE SET noticed = excluded.noticed, updated_at = excluded.updated_at",
                  "tbt", item_id, noticed ? 1 : 0, now);
}

gboolean
ldn_user_store_set_severity (LdnUserStore *self,
                             const char   *item_id,
                             LdnSeverity   severity,
                             GError      **error)
{
  g_autofree char *now = now_iso8601 ();

  g_return_val_if_fail (LDN_IS_USER_STORE (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  if (severity > LDN_SEVERITY_SEVERE)
    {
      g_set_error_literal (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE, _("Unknown severity."));
      return FALSE;
    }

  return execute (self, error,
                  "INSERT INTO checklist (item_id, severity, updated_at) VALUES (?1, ?2, ?3)"
                  " ON CONFLICT (item_id) DO UPDATE SET severity = excluded.severity, updated_at = excluded.updated_at",
                  "tnt", item_id, ldn_severity_to_string (severity), now);
}

gboolean
ldn_user_store_set_since (LdnUserStore *self,
                          const char   *item_id,
                          const char   *date,
                          GError      **error)
{
  g_autofree char *now = now_iso8601 ();

  g_return_val_if_fail (LDN_IS_USER_STORE (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  if (date != NULL && !ldn_user_date_check (date, error))
    return FALSE;

  return execute (self, error,
                  "INSERT INTO checklist (item_id, since, updated_at) VALUES (?1, ?2, ?3)"
                  " ON CONFLICT (item_id) DO UPDATE SET since = excluded.since, updated_at = excluded.updated_at",
                  "tnt", item_id, date, now);
}

gboolean
ldn_user_store_set_note (LdnUserStore *self,
                         const char   *item_id,
                         const char   *note,
                         GError      **error)
{
  g_autofree char *now = now_iso8601 ();

  g_return_val_if_fail (LDN_IS_USER_STORE (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  if (!ldn_user_text_check (note, error))
    return FALSE;

  return execute (self, error,
                  "INSERT INTO checklist (item_id, note, updated_at) VALUES (?1, ?2, ?3)"
                  " ON CONFLICT (item_id) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at",
                  "ttt", item_id, note, now);
}

char *
ldn_user_store_dup_text (LdnUserStore *self,
                         LdnUserText   which)
{
  char *text;

  g_return_val_if_fail (LDN_IS_USER_STORE (self), NULL);
  g_return_val_if_fail (which <= LDN_USER_TEXT_NAME, NULL);

  text = ldn_statement_cache_dup_text (self->statements, "SELECT value FROM user_texts WHERE key = ?1",
                                       user_text_keys[which]);
  return text != NULL ? text : g_strdup ("");
}

gboolean
ldn_user_store_set_text (LdnUserStore *self,
                         LdnUserText   which,
                         const char   *text,
                         GError      **error)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (self), FALSE);
  g_return_val_if_fail (which <= LDN_USER_TEXT_NAME, FALSE);

  if (!ldn_user_text_check (text, error))
    return FALSE;

  return execute (self, error,
                  "INSERT INTO user_texts (key, value) VALUES (?1, ?2)"
                  " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                  "tt", user_text_keys[which], text);
}

LdnSafetyAnswer
ldn_user_store_get_answer (LdnUserStore *self,
                           const char   *question_id)
{
  LdnSafetyAnswer answer = LDN_ANSWER_NONE;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LDN_IS_USER_STORE (self), LDN_ANSWER_NONE);
  g_return_val_if_fail (question_id != NULL, LDN_ANSWER_NONE);

  stmt = ldn_statement_cache_get (self->statements, "SELECT answer FROM safety_answers WHERE question_id = ?1");
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, question_id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        ldn_answer_from_string ((const char *) sqlite3_column_text (stmt, 0), &answer);
      sqlite3_reset (stmt);
    }

  return answer;
}

gboolean
ldn_user_store_set_answer (LdnUserStore    *self,
                           const char      *question_id,
                           LdnSafetyAnswer  answer,
                           GError         **error)
{
  g_autofree char *now = now_iso8601 ();

  g_return_val_if_fail (LDN_IS_USER_STORE (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);

  if (answer == LDN_ANSWER_NONE)
    return execute (self, error, "DELETE FROM safety_answers WHERE question_id = ?1", "t", question_id);

  if (ldn_answer_to_string (answer) == NULL)
    {
      g_set_error_literal (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE, _("Unknown answer."));
      return FALSE;
    }

  return execute (self, error,
                  "INSERT INTO safety_answers (question_id, answer, updated_at) VALUES (?1, ?2, ?3)"
                  " ON CONFLICT (question_id) DO UPDATE SET answer = excluded.answer, updated_at = excluded.updated_at",
                  "ttt", question_id, ldn_answer_to_string (answer), now);
}

GPtrArray *
ldn_user_store_list_questions (LdnUserStore *self,
                               GError      **error)
{
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func ((GDestroyNotify) ldn_user_question_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LDN_IS_USER_STORE (self), NULL);

  stmt = ldn_statement_cache_get (self->statements,
                                  "SELECT id, text, suggested_id FROM questions ORDER BY position, id");
  if (stmt == NULL)
    {
      set_storage_error (self, error);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LdnUserQuestion *question = g_new0 (LdnUserQuestion, 1);

      question->id = sqlite3_column_int64 (stmt, 0);
      question->text = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      question->suggested_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (questions, question);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      set_storage_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&questions);
}

gint64
ldn_user_store_add_question (LdnUserStore *self,
                             const char   *text,
                             const char   *suggested_id,
                             GError      **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (LDN_IS_USER_STORE (self), 0);

  if (!ldn_user_text_check (text, error))
    return 0;

  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_TEXT, _("The question is empty."));
      return 0;
    }

  if (ldn_statement_cache_count (self->statements, "SELECT count(*) FROM questions") >= LDN_USER_MAX_QUESTIONS)
    {
      g_set_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE,
                   _("You already have %d questions, the most the sheet can hold."), LDN_USER_MAX_QUESTIONS);
      return 0;
    }

  if (!execute (self, error,
                "INSERT INTO questions (position, text, suggested_id)"
                " VALUES ((SELECT coalesce (max (position), 0) + 1 FROM questions), ?1, ?2)",
                "tn", trimmed, suggested_id))
    return 0;

  return sqlite3_last_insert_rowid (self->db);
}

gboolean
ldn_user_store_remove_question (LdnUserStore *self,
                                gint64        id,
                                GError      **error)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (self), FALSE);

  return execute (self, error, "DELETE FROM questions WHERE id = ?1", "i", id);
}

typedef struct {
  gint64 id;
  int    offset;
} MoveRequest;

/* Renumbers positions 1..n in the new order, so repeated moves never
 * leave gaps or ties. */
static gboolean
move_question_in_transaction (LdnUserStore *self,
                              gpointer      data,
                              GError      **error)
{
  MoveRequest *move = data;
  g_autoptr(GPtrArray) questions = ldn_user_store_list_questions (self, error);
  int from = -1, to;

  if (questions == NULL)
    return FALSE;

  for (guint i = 0; i < questions->len; i++)
    if (((LdnUserQuestion *) g_ptr_array_index (questions, i))->id == move->id)
      from = i;

  if (from < 0)
    {
      g_set_error_literal (error, LDN_USER_ERROR, LDN_USER_ERROR_NOT_FOUND, _("That question no longer exists."));
      return FALSE;
    }

  to = CLAMP (from + move->offset, 0, (int) questions->len - 1);
  if (to != from)
    {
      gpointer moved = g_ptr_array_steal_index (questions, from);
      g_ptr_array_insert (questions, to, moved);
    }

  for (guint i = 0; i < questions->len; i++)
    if (!execute (self, error, "UPDATE questions SET position = ?1 WHERE id = ?2", "ii",
                  (gint64) i + 1, ((LdnUserQuestion *) g_ptr_array_index (questions, i))->id))
      return FALSE;

  return TRUE;
}

gboolean
ldn_user_store_move_question (LdnUserStore *self,
                              gint64        id,
                              int           offset,
                              GError      **error)
{
  MoveRequest move = { id, offset };

  g_return_val_if_fail (LDN_IS_USER_STORE (self), FALSE);

  return ldn_user_store_run_transaction (self, move_question_in_transaction, &move, error);
}

GHashTable *
ldn_user_store_dup_teach_back (LdnUserStore *self)
{
  GHashTable *answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LDN_IS_USER_STORE (self), answers);

  stmt = ldn_statement_cache_get (self->statements, "SELECT question_id, choice_id FROM teach_back");
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (answers, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return answers;
}

static char *
ldn_user_store_dup_answer (LdnTeachBackRecorder *recorder,
                           const char           *question_id)
{
  LdnUserStore *self = LDN_USER_STORE (recorder);

  return ldn_statement_cache_dup_text (self->statements, "SELECT choice_id FROM teach_back WHERE question_id = ?1",
                                       question_id);
}

static gboolean
ldn_user_store_record_answer (LdnTeachBackRecorder *recorder,
                              const char           *question_id,
                              const char           *choice_id,
                              GError              **error)
{
  LdnUserStore *self = LDN_USER_STORE (recorder);
  g_autofree char *now = now_iso8601 ();

  return execute (self, error,
                  "INSERT INTO teach_back (question_id, choice_id, updated_at) VALUES (?1, ?2, ?3)"
                  " ON CONFLICT (question_id) DO UPDATE SET choice_id = excluded.choice_id,"
                  " updated_at = excluded.updated_at",
                  "ttt", question_id, choice_id, now);
}

static void
ldn_user_store_recorder_init (LdnTeachBackRecorderInterface *iface)
{
  iface->dup_answer = ldn_user_store_dup_answer;
  iface->record_answer = ldn_user_store_record_answer;
}

gboolean
ldn_user_store_run_transaction (LdnUserStore            *self,
                                LdnUserStoreTransaction  func,
                                gpointer                 data,
                                GError                 **error)
{
  gboolean outside;

  g_return_val_if_fail (LDN_IS_USER_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (self->read_only)
    {
      set_read_only_error (self, error);
      return FALSE;
    }

  if (sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_storage_error (self, error);
      return FALSE;
    }

  /* FUNC reads what it needs inside the transaction, so it works on
   * the current data; the views are told afterwards. */
  outside = changed_outside (self);

  if (!func (self, data, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      if (outside)
        g_signal_emit_by_name (self, "reset");
      return FALSE;
    }

  if (sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_storage_error (self, error);
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      if (outside)
        g_signal_emit_by_name (self, "reset");
      return FALSE;
    }

  if (outside)
    g_signal_emit_by_name (self, "reset");
  else
    g_signal_emit_by_name (self, "changed");
  return TRUE;
}

gboolean
ldn_user_store_clear (LdnUserStore *self,
                      GError      **error)
{
  static const char *tables[] = {
    "DELETE FROM checklist", "DELETE FROM safety_answers", "DELETE FROM user_texts",
    "DELETE FROM questions", "DELETE FROM teach_back",
    LDN_DECISION_CLEAR_STATEMENTS,
    LDN_DIARY_CLEAR_STATEMENTS,
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (!execute (self, error, tables[i], ""))
      return FALSE;

  return TRUE;
}

static gboolean
clear_in_transaction (LdnUserStore *self,
                      gpointer      data,
                      GError      **error)
{
  return ldn_user_store_clear (self, error);
}

gboolean
ldn_user_store_delete_all (LdnUserStore *self,
                           GError      **error)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (self), FALSE);

  if (!ldn_user_store_run_transaction (self, clear_in_transaction, NULL, error))
    return FALSE;

  /* Deleted rows must not linger in free pages or the journal. */
  ldn_statement_cache_clear (self->statements);
  sqlite3_exec (self->db, "VACUUM; PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL);
  g_signal_emit_by_name (self, "reset");
  return TRUE;
}

sqlite3 *
ldn_user_store_get_db (LdnUserStore *self)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (self), NULL);
  return self->db;
}

LdnStatementCache *
ldn_user_store_get_statements (LdnUserStore *self)
{
  g_return_val_if_fail (LDN_IS_USER_STORE (self), NULL);
  return self->statements;
}

static void
ldn_user_store_finalize (GObject *object)
{
  LdnUserStore *self = LDN_USER_STORE (object);

  g_clear_pointer (&self->statements, ldn_statement_cache_free);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);
  g_free (self->damaged_path);
  g_free (self->problem);

  G_OBJECT_CLASS (ldn_user_store_parent_class)->finalize (object);
}

static void
ldn_user_store_class_init (LdnUserStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ldn_user_store_finalize;

  /* Everything changed at once (an import, deleting all data, or a
   * change made outside this process): views should read the store
   * again. */
  g_signal_new ("reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* This process saved a change (emitted after it is committed). */
  g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ldn_user_store_init (LdnUserStore *self)
{
}

/* test-user-store.c: the person's data is kept, checked and never lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "user/ldn-teach-back-recorder.h"
#include "user/ldn-user-data-json.h"
#include "user/ldn-user-store.h"
#include "ldn-test-store.h"
#include "ldn-test-tmp.h"

static const char *checklist_ids[] = { "vivid-dreams", "sleep", "nausea", NULL };
static const char *safety_ids[] = { "opioids", "surgery", NULL };
static const char *teach_back_ids[] = { "tb-opioids", NULL };
static const char *teach_back_choices[] = { "tb-opioids/a", "tb-opioids/b", "tb-opioids/c", NULL };
static const LdnUserDataIds ids = { checklist_ids, safety_ids, teach_back_ids, teach_back_choices };

typedef LdnTestStoreFixture Fixture;

static void
fill_everything (LdnUserStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ldn_user_store_set_noticed (store, "vivid-dreams", TRUE, &error));
  g_assert_true (ldn_user_store_set_severity (store, "vivid-dreams", LDN_SEVERITY_MODERATE, &error));
  g_assert_true (ldn_user_store_set_since (store, "vivid-dreams", "2026-11-02", &error));
  g_assert_true (ldn_user_store_set_note (store, "vivid-dreams", "Mostly the first week 🌙", &error));
  g_assert_true (ldn_user_store_set_noticed (store, "sleep", FALSE, &error));
  g_assert_true (ldn_user_store_set_text (store, LDN_USER_TEXT_OTHER_SIDE_EFFECTS, "Dry mouth", &error));
  g_assert_true (ldn_user_store_set_text (store, LDN_USER_TEXT_OTHER_MEDICINES, "Sertraline 50 mg", &error));
  g_assert_true (ldn_user_store_set_text (store, LDN_USER_TEXT_WHAT_MATTERS, "Sleeping through", &error));
  g_assert_true (ldn_user_store_set_answer (store, "opioids", LDN_ANSWER_UNSURE, &error));
  g_assert_true (ldn_user_store_set_answer (store, "surgery", LDN_ANSWER_NO, &error));
  g_assert_cmpint (ldn_user_store_add_question (store, "What are my options?", "ask3-options", &error), >, 0);
  g_assert_cmpint (ldn_user_store_add_question (store, "¿Y con mi tiroides?", NULL, &error), >, 0);
  g_assert_true (ldn_teach_back_recorder_record_answer (LDN_TEACH_BACK_RECORDER (store), "tb-opioids", "b", &error));
  g_assert_no_error (error);
}

static char *
export (LdnUserStore *store)
{
  return ldn_test_store_export (store, &ids);
}

static void
test_changes_survive_reopening (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autoptr(LdnUserStore) again = NULL;
  g_autoptr(LdnChecklistEntry) entry = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autofree char *medicines = NULL;
  g_autofree char *choice = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ldn_user_store_is_persistent (store));
  g_assert_null (ldn_user_store_get_damaged_path (store));
  fill_everything (store);
  g_clear_object (&store);

  again = ldn_user_store_open (fixture->path);
  entry = ldn_user_store_get_checklist_entry (again, "vivid-dreams", &error);
  g_assert_no_error (error);
  g_assert_true (entry->noticed);
  g_assert_cmpint (entry->severity, ==, LDN_SEVERITY_MODERATE);
  g_assert_cmpstr (entry->since, ==, "2026-11-02");
  g_assert_cmpstr (entry->note, ==, "Mostly the first week 🌙");

  medicines = ldn_user_store_dup_text (again, LDN_USER_TEXT_OTHER_MEDICINES);
  g_assert_cmpstr (medicines, ==, "Sertraline 50 mg");
  g_assert_cmpint (ldn_user_store_get_answer (again, "opioids"), ==, LDN_ANSWER_UNSURE);
  g_assert_cmpint (ldn_user_store_get_answer (again, "kidney"), ==, LDN_ANSWER_NONE);

  questions = ldn_user_store_list_questions (again, &error);
  g_assert_cmpuint (questions->len, ==, 2);
  g_assert_cmpstr (((LdnUserQuestion *) g_ptr_array_index (questions, 0))->suggested_id, ==, "ask3-options");

  choice = ldn_teach_back_recorder_dup_answer (LDN_TEACH_BACK_RECORDER (again), "tb-opioids");
  g_assert_cmpstr (choice, ==, "b");
}

static void
test_questions_reorder_and_delete (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  gint64 first = ldn_user_store_add_question (store, "one", NULL, &error);
  gint64 second = ldn_user_store_add_question (store, "two", NULL, &error);
  gint64 third = ldn_user_store_add_question (store, "three", NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ldn_user_store_move_question (store, third, -2, &error));
  g_assert_true (ldn_user_store_move_question (store, first, +5, &error));
  g_assert_true (ldn_user_store_remove_question (store, second, &error));
  g_assert_no_error (error);

  questions = ldn_user_store_list_questions (store, &error);
  g_assert_cmpuint (questions->len, ==, 2);
  g_assert_cmpstr (((LdnUserQuestion *) g_ptr_array_index (questions, 0))->text, ==, "three");
  g_assert_cmpstr (((LdnUserQuestion *) g_ptr_array_index (questions, 1))->text, ==, "one");

  g_assert_cmpint (ldn_user_store_add_question (store, "   ", NULL, &error), ==, 0);
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_TEXT);
}

static void
test_hostile_text (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autofree char *longest = g_strnfill (LDN_USER_TEXT_MAX_CHARS, 'x');
  g_autofree char *too_long = g_strnfill (LDN_USER_TEXT_MAX_CHARS + 1, 'x');
  const char *kept[] = {
    "Robert'); DROP TABLE checklist;--",
    "\" OR 1=1 --",
    "صداع خفيف في الصباح",
    "夜里做梦很多",
    "👩🏽‍⚕️ ok",
    longest,
  };

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LdnChecklistEntry) entry = NULL;

      g_assert_true (ldn_user_store_set_note (store, "nausea", kept[i], &error));
      g_assert_no_error (error);
      entry = ldn_user_store_get_checklist_entry (store, "nausea", NULL);
      g_assert_cmpstr (entry->note, ==, kept[i]);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LdnChecklistEntry) entry = NULL;

    /* Refused, with a message, and the earlier note is still there. */
    g_assert_false (ldn_user_store_set_note (store, "nausea", too_long, &error));
    g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_TEXT);
    g_assert_nonnull (strstr (error->message, "10001"));
    g_clear_error (&error);

    g_assert_false (ldn_user_store_set_note (store, "nausea", "bad \xff\xfe bytes", &error));
    g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_TEXT);
    g_clear_error (&error);

    g_assert_false (ldn_user_store_set_since (store, "nausea", "2026-02-30", &error));
    g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE);

    entry = ldn_user_store_get_checklist_entry (store, "nausea", NULL);
    g_assert_cmpstr (entry->note, ==, longest);
    g_assert_null (entry->since);
  }
}

static int
database_user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return version;
}

static void
test_migrates_version_1 (Fixture       *fixture,
                         gconstpointer  data)
{
  /* The version 1 schema exactly as it shipped, with a saved answer. */
  static const char v1[] =
    "CREATE TABLE checklist (item_id TEXT PRIMARY KEY, noticed INTEGER NOT NULL DEFAULT 0 CHECK (noticed IN (0, 1)),"
    "  severity TEXT CHECK (severity IN ('mild', 'moderate', 'severe')), since TEXT, note TEXT NOT NULL DEFAULT '');"
    "CREATE TABLE safety_answers (question_id TEXT PRIMARY KEY,"
    "  answer TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'unsure')));"
    "CREATE TABLE user_texts (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE questions (id INTEGER PRIMARY KEY, position INTEGER NOT NULL, text TEXT NOT NULL,"
    "  suggested_id TEXT);"
    "CREATE TABLE teach_back (question_id TEXT PRIMARY KEY, choice_id TEXT NOT NULL);"
    "INSERT INTO checklist (item_id, noticed, note) VALUES ('sleep', 1, 'from version 1');"
    "INSERT INTO safety_answers VALUES ('opioids', 'yes');"
    "PRAGMA user_version = 1;";
  g_autofree char *directory = g_path_get_dirname (fixture->path);
  g_autoptr(LdnUserStore) store = NULL;
  g_autoptr(LdnChecklistEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_mkdir_with_parents (directory, 0700);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, v1, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = ldn_user_store_open (fixture->path);
  g_assert_true (ldn_user_store_is_persistent (store));
  g_assert_null (ldn_user_store_get_damaged_path (store));
  entry = ldn_user_store_get_checklist_entry (store, "sleep", NULL);
  g_assert_cmpstr (entry->note, ==, "from version 1");
  g_assert_cmpint (ldn_user_store_get_answer (store, "opioids"), ==, LDN_ANSWER_YES);

  /* Version 2 columns are in use after the migration. */
  g_assert_true (ldn_user_store_set_answer (store, "opioids", LDN_ANSWER_NO, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (database_user_version (fixture->path), ==, LDN_USER_SCHEMA_VERSION);
}

static void
assert_moved_aside_and_fresh (Fixture    *fixture,
                              const char *expected_contents)
{
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autoptr(GPtrArray) checklist = NULL;
  const char *damaged = ldn_user_store_get_damaged_path (store);
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ldn_user_store_is_persistent (store));
  g_assert_nonnull (damaged);
  g_assert_true (g_str_has_prefix (damaged, fixture->path));
  g_assert_nonnull (strstr (damaged, ".damaged-"));
  g_assert_true (g_file_test (damaged, G_FILE_TEST_EXISTS));
  if (expected_contents != NULL)
    {
      g_file_get_contents (damaged, &kept, NULL, NULL);
      g_assert_cmpstr (kept, ==, expected_contents);
    }

  checklist = ldn_user_store_list_checklist (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checklist->len, ==, 0);
  g_assert_true (ldn_user_store_set_note (store, "sleep", "a fresh start", &error));
}

static void
test_garbage_file_is_moved_aside (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *directory = g_path_get_dirname (fixture->path);
  const char *garbage = "This is not SQLite. It is a shopping list: eggs, milk, bread, tea, rice, "
                        "apples, onions, soap, and a lot more text so the file is long enough.";

  g_mkdir_with_parents (directory, 0700);
  g_file_set_contents (fixture->path, garbage, -1, NULL);
  assert_moved_aside_and_fresh (fixture, garbage);
}

static void
test_truncated_file_is_moved_aside (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length;

  {
    g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
    g_autofree char *filler = g_strnfill (5000, 'n');

    for (int i = 0; i < 20; i++)
      {
        g_autofree char *id = g_strdup_printf ("item-%d", i);
        ldn_user_store_set_note (store, id, filler, NULL);
      }
  }

  g_file_get_contents (fixture->path, &contents, &length, NULL);
  g_assert_cmpuint (length, >, 8192);
  g_file_set_contents (fixture->path, contents, length / 3, NULL);
  assert_moved_aside_and_fresh (fixture, NULL);
}

static void
test_directory_in_its_place (Fixture       *fixture,
                             gconstpointer  data)
{
  g_mkdir_with_parents (fixture->path, 0700);
  assert_moved_aside_and_fresh (fixture, NULL);
}

static void
test_unwritable_place_keeps_data_in_memory (Fixture       *fixture,
                                            gconstpointer  data)
{
  /* A file where the folder should be: nothing can be created there,
   * even by root. */
  g_autofree char *blocker = g_build_filename (fixture->dir, "blocker", NULL);
  g_autofree char *path = g_build_filename (blocker, "user.sqlite", NULL);
  g_autoptr(LdnUserStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnChecklistEntry) entry = NULL;

  g_file_set_contents (blocker, "", -1, NULL);
  store = ldn_user_store_open (path);

  g_assert_false (ldn_user_store_is_persistent (store));
  g_assert_nonnull (strstr (ldn_user_store_get_problem (store), "cannot save"));
  g_assert_true (ldn_user_store_set_note (store, "sleep", "kept for this session", &error));
  entry = ldn_user_store_get_checklist_entry (store, "sleep", NULL);
  g_assert_cmpstr (entry->note, ==, "kept for this session");
}

static void
test_delete_all (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autofree char *fresh_path = g_build_filename (fixture->dir, "other", "user.sqlite", NULL);
  g_autoptr(LdnUserStore) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *empty = NULL;

  fresh = ldn_user_store_open (fresh_path);
  empty = export (fresh);
  fill_everything (store);
  before = export (store);
  g_assert_cmpstr (before, !=, empty);

  g_assert_true (ldn_user_store_delete_all (store, &error));
  g_assert_no_error (error);
  after = export (store);
  g_assert_cmpstr (after, ==, empty);
}

static void
test_json_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autofree char *json = NULL;

  fill_everything (store);
  json = export (store);
  g_assert_nonnull (strstr (json, "\"format\" : \"ldn-guide-data\""));
  g_assert_nonnull (strstr (json, "\"id\" : \"nausea\""));   /* every item, noticed or not */

  ldn_test_store_assert_round_trip (json, fixture->dir, &ids, NULL);
}

static void
test_bad_imports_change_nothing (Fixture       *fixture,
                                 gconstpointer  data)
{
  static const LdnTestBadEdit cases[] = {
    { "\"ldn-guide-data\"", "\"something-else\"", "format" },
    /* Read by type first: json-glib warned (a critical) on these. */
    { "\"ldn-guide-data\"", "[\"ldn-guide-data\"]", "format" },
    { "\"ldn-guide-data\"", "{ \"x\" : 1 }", "format" },
    { "\"ldn-guide-data\"", "null", "format" },
    { "\"version\" : 3", "\"version\" : 9", "version" },
    { "\"severity\" : \"moderate\"", "\"severity\" : \"awful\"", "checklist[0].severity" },
    { "\"since\" : \"2026-11-02\"", "\"since\" : \"02/11/2026\"", "checklist[0].since" },
    { "\"noticed\" : true", "\"noticed\" : \"yes\"", "checklist[0].noticed" },
    { "\"id\" : \"nausea\"", "\"id\" : \"hiccups\"", "checklist[2].id" },
    { "\"id\" : \"nausea\"", "\"id\" : \"sleep\"", "checklist[2].id" },
    { "\"opioids\" : \"unsure\"", "\"opioids\" : \"maybe\"", "safety.opioids" },
    { "\"surgery\" : \"no\"", "\"appendix\" : \"no\"", "safety.appendix" },
    { "\"Sleeping through\"", "42", "what_matters" },
    { "\"What are my options?\"", "\"   \"", "questions[0]" },
    { "\"tb-opioids\" : \"b\"", "\"tb-unknown\" : \"b\"", "teach_back.tb-unknown" },
    { "\"what_matters\"", "\"what_maters\"", "what_maters" },
    /* What the app never writes (issue 12). */
    { "\"since\" : \"2026-11-02\"", "\"since\" : \" 2026-1-01\"", "checklist[0].since" },
    { "\"since\" : \"2026-11-02\"", "\"since\" : \"2026-+1-+1\"", "checklist[0].since" },
    { "\"since\" : \"2026-11-02\"", "\"since\" : \"2026-02-30\"", "checklist[0].since" },
    { "\"Sleeping through\"", "\"Sleeping\\u0000 through\"", "what_matters" },
    { "\"Dry mouth\"", "\"Dry\\u0000\"", "other_side_effects" },
    { "\"tb-opioids\" : \"b\"", "\"tb-opioids\" : \"z\"", "teach_back.tb-opioids" },
    { "\"What are my options?\"", "\"\\u200b\\u2060\\u00a0\\u3000\\ufeff\"", "questions[0]" },
    { "\"What are my options?\"", "\"\\u202e\\u200d\"", "questions[0]" },
    { "\"version\" : 3", "\"version\" : 18446744073709551617", "18446744073709551617" },
    { "\"version\" : 3", "\"version\" : 1.0", "version" },
  };
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autofree char *good = NULL;

  fill_everything (store);
  good = export (store);

  ldn_test_store_assert_refused (store, &ids, good, cases, G_N_ELEMENTS (cases));

  {
    g_autoptr(GError) error = NULL;
    g_assert_false (ldn_user_data_from_json (store, &ids, "{ not json", -1, &error));
    g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_IMPORT);
  }
}

/* A "since" date after today is refused: nobody noticed a side effect
 * tomorrow. */
static void
test_import_refuses_future_since (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GString) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *good = NULL;
  g_autofree char *date = NULL;
  g_autofree char *replacement = NULL;
  g_autofree char *after = NULL;

  fill_everything (store);
  good = export (store);
  tomorrow = g_date_time_add_days (now, 1);
  date = g_date_time_format (tomorrow, "%Y-%m-%d");
  replacement = g_strdup_printf ("\"since\" : \"%s\"", date);
  bad = g_string_new (good);
  g_assert_cmpuint (g_string_replace (bad, "\"since\" : \"2026-11-02\"", replacement, 1), ==, 1);

  g_assert_false (ldn_user_data_from_json (store, &ids, bad->str, -1, &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_IMPORT);
  g_assert_nonnull (strstr (error->message, "checklist[0].since"));
  g_assert_nonnull (strstr (error->message, "future"));
  after = export (store);
  g_assert_cmpstr (after, ==, good);
}

/* 80 000 levels in 160 KB overflowed json-glib's recursive parser's stack:
 * the depth is refused before parsing, with the field named. */
static void
test_import_refuses_deep_nesting (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autoptr(GString) deep = g_string_new ("{\"format\" : \"ldn-guide-data\", \"version\" : 1, \"what_matters\" : ");
  g_autoptr(GError) error = NULL;
  g_autofree char *good = NULL;
  g_autofree char *after = NULL;

  fill_everything (store);
  good = export (store);
  for (guint i = 0; i < 80000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 80000; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');

  g_assert_false (ldn_user_data_from_json (store, &ids, deep->str, deep->len, &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_IMPORT);
  g_assert_nonnull (strstr (error->message, "what_matters"));
  g_assert_nonnull (strstr (error->message, "64 levels"));
  after = export (store);
  g_assert_cmpstr (after, ==, good);
}

static gboolean
database_is_intact (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return ok;
}

/* A child writes and reports each change saved; we kill it with SIGKILL
 * at random moments. Every reported change must be there afterwards. */
static void
test_survives_being_killed (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *writer = g_getenv ("LDN_CRASH_WRITER");
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261121);
  guint kills = 0;

  g_assert_nonnull (writer);

  for (guint round = 0; round < 100; round++)
    {
      const char *argv[] = { writer, fixture->path, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(LdnUserStore) store = NULL;
      g_autoptr(LdnChecklistEntry) entry = NULL;
      g_autoptr(GIOChannel) channel = NULL;
      guint wanted = g_rand_int_range (rand, 1, 40), reported = 0;
      GPid pid;
      int out, status;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                               &pid, NULL, &out, NULL, &error));
      g_assert_no_error (error);

      channel = g_io_channel_unix_new (out);
      g_io_channel_set_close_on_unref (channel, TRUE);
      while (reported < wanted)
        {
          g_autofree char *line = NULL;

          if (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) != G_IO_STATUS_NORMAL)
            break;
          g_assert_true (g_str_has_prefix (line, "saved "));
          reported = atoi (line + strlen ("saved "));
        }

      /* Sometimes at once, sometimes a little later: mid-write. */
      if (g_rand_boolean (rand))
        g_usleep (g_rand_int_range (rand, 0, 3000));
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_spawn_close_pid (pid);
      kills += WIFSIGNALED (status) ? 1 : 0;

      g_assert_true (database_is_intact (fixture->path));
      store = ldn_user_store_open (fixture->path);
      g_assert_null (ldn_user_store_get_damaged_path (store));
      entry = ldn_user_store_get_checklist_entry (store, "vivid-dreams", NULL);
      g_assert_true (g_str_has_prefix (entry->note, "note "));
      g_assert_cmpint (atoi (entry->note + strlen ("note ")), >=, (int) reported);
    }

  g_test_message ("%u of 100 writers were killed mid-run; every reported change survived", kills);
  g_assert_cmpuint (kills, >=, 90);
}


/* A second connection that holds the write lock, as another LDN Guide
 * does while it saves. */
static sqlite3 *
hold_write_lock (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

static gpointer
release_later (gpointer data)
{
  sqlite3 *db = data;

  g_usleep (300 * 1000);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  return NULL;
}

static void
test_waits_for_another_writer (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(LdnUserStore) store = ldn_user_store_open (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnChecklistEntry) entry = NULL;
  GThread *releaser;
  sqlite3 *other;

  g_assert_true (ldn_user_store_is_persistent (store));

  /* A short save elsewhere is waited for, not reported as a failure. */
  other = hold_write_lock (fixture->path);
  releaser = g_thread_new ("release", release_later, other);
  g_assert_true (ldn_user_store_set_note (store, "sleep", "after the other one", &error));
  g_assert_no_error (error);
  g_thread_join (releaser);

  /* One that never ends: the change is refused, and the message says
   * what happened, not that everything will be lost. */
  ldn_user_store_set_busy_timeout (store, 100);
  other = hold_write_lock (fixture->path);
  g_assert_false (ldn_user_store_set_note (store, "sleep", "while locked", &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "Another LDN Guide is saving"));
  g_assert_null (strstr (error->message, "lost"));
  g_clear_error (&error);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  g_assert_true (ldn_user_store_set_note (store, "sleep", "try again", &error));
  g_assert_no_error (error);
  entry = ldn_user_store_get_checklist_entry (store, "sleep", NULL);
  g_assert_cmpstr (entry->note, ==, "try again");
}

static void
count_reset (guint *count)
{
  (*count)++;
}

static void
test_import_then_edit_keeps_the_import (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(LdnUserStore) window = ldn_user_store_open (fixture->path);
  g_autoptr(LdnUserStore) other = NULL;
  g_autofree char *other_path = g_build_filename (fixture->dir, "source", "user.sqlite", NULL);
  g_autoptr(LdnUserStore) source = ldn_user_store_open (other_path);
  g_autofree char *json = NULL;
  g_autofree char *matters = NULL;
  g_autoptr(LdnChecklistEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  guint resets = 0;

  g_signal_connect_swapped (window, "reset", G_CALLBACK (count_reset), &resets);
  g_assert_true (ldn_user_store_set_text (window, LDN_USER_TEXT_WHAT_MATTERS, "before the import", &error));
  g_assert_false (ldn_user_store_check_for_changes (window));   /* its own changes are not news */

  /* `ldn-guide --import-data` in another process. */
  fill_everything (source);
  json = export (source);
  other = ldn_user_store_open (fixture->path);
  g_assert_true (ldn_user_data_from_json (other, &ids, json, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (resets, ==, 0);

  /* The window, still showing old data, saves a keystroke: refused,
   * and the views are told to reload. */
  g_assert_false (ldn_user_store_set_text (window, LDN_USER_TEXT_WHAT_MATTERS, "before the import!", &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_cmpuint (resets, ==, 1);
  matters = ldn_user_store_dup_text (window, LDN_USER_TEXT_WHAT_MATTERS);
  g_assert_cmpstr (matters, ==, "Sleeping through");

  /* Once reloaded, changes are saved again, on top of the import. */
  g_assert_true (ldn_user_store_set_note (window, "sleep", "after the import", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (resets, ==, 1);
  entry = ldn_user_store_get_checklist_entry (other, "vivid-dreams", NULL);
  g_assert_cmpstr (entry->note, ==, "Mostly the first week 🌙");
  g_clear_pointer (&entry, ldn_checklist_entry_free);
  entry = ldn_user_store_get_checklist_entry (other, "sleep", NULL);
  g_assert_cmpstr (entry->note, ==, "after the import");
}

static void
test_edit_then_import_reloads (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(LdnUserStore) window = ldn_user_store_open (fixture->path);
  g_autoptr(LdnUserStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *seen = NULL;
  g_autofree char *kept = NULL;
  guint resets = 0;

  g_signal_connect_swapped (window, "reset", G_CALLBACK (count_reset), &resets);
  g_assert_true (ldn_user_store_set_text (window, LDN_USER_TEXT_WHAT_MATTERS, "typed in the window", &error));
  g_assert_no_error (error);

  /* Another process starts after that change. */
  other = ldn_user_store_open (fixture->path);
  json = export (other);
  g_assert_nonnull (strstr (json, "typed in the window"));
  fill_everything (other);

  /* The window comes back into focus: it notices, once. */
  g_assert_true (ldn_user_store_check_for_changes (window));
  g_assert_cmpuint (resets, ==, 1);
  g_assert_false (ldn_user_store_check_for_changes (window));
  seen = ldn_user_store_dup_text (window, LDN_USER_TEXT_WHAT_MATTERS);
  g_assert_cmpstr (seen, ==, "Sleeping through");

  /* A change made through a transaction (moving questions) works on the
   * current data and still tells the views. */
  g_assert_true (ldn_user_store_set_text (other, LDN_USER_TEXT_NAME, "Ana", &error));
  {
    g_autoptr(GPtrArray) questions = ldn_user_store_list_questions (other, NULL);
    gint64 last = ((LdnUserQuestion *) g_ptr_array_index (questions, questions->len - 1))->id;

    g_assert_true (ldn_user_store_move_question (window, last, -1, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (resets, ==, 2);
  kept = ldn_user_store_dup_text (other, LDN_USER_TEXT_NAME);
  g_assert_cmpstr (kept, ==, "Ana");
}

static void
assert_no_companions (const char *path)
{
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* Permissions do not stop root: the case runs as "nobody" then. */
static gboolean
drop_root (void)
{
  if (getuid () != 0)
    return TRUE;
  return setgid (65534) == 0 && setuid (65534) == 0;
}

static void
read_only_file_case (Fixture *fixture)
{
  g_autoptr(LdnUserStore) store = NULL;
  g_autoptr(LdnChecklistEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (drop_root ());

  store = ldn_user_store_open (fixture->path);
  g_assert_true (ldn_user_store_set_note (store, "sleep", "written before", &error));
  g_clear_object (&store);
  assert_no_companions (fixture->path);

  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  store = ldn_user_store_open (fixture->path);
  g_assert_true (ldn_user_store_is_read_only (store));
  g_assert_false (ldn_user_store_is_persistent (store));
  g_assert_null (ldn_user_store_get_damaged_path (store));
  g_assert_nonnull (strstr (ldn_user_store_get_problem (store), "can be read but not saved"));
  entry = ldn_user_store_get_checklist_entry (store, "sleep", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->note, ==, "written before");
  g_assert_false (ldn_user_store_set_note (store, "sleep", "not saved", &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (ldn_user_store_check_for_changes (store));
  g_clear_object (&store);
  assert_no_companions (fixture->path);

  /* Writable again: saving works at once. */
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  store = ldn_user_store_open (fixture->path);
  g_assert_false (ldn_user_store_is_read_only (store));
  g_assert_true (ldn_user_store_is_persistent (store));
  g_assert_null (ldn_user_store_get_problem (store));
  g_assert_true (ldn_user_store_set_note (store, "sleep", "saved again", &error));
  g_assert_no_error (error);
}

static void
read_only_folder_case (Fixture *fixture)
{
  g_autofree char *directory = g_path_get_dirname (fixture->path);
  g_autoptr(LdnUserStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (drop_root ());

  store = ldn_user_store_open (fixture->path);
  g_assert_true (ldn_user_store_set_text (store, LDN_USER_TEXT_NAME, "Ana", &error));
  g_clear_object (&store);

  g_assert_cmpint (g_chmod (directory, 0555), ==, 0);
  store = ldn_user_store_open (fixture->path);
  g_assert_true (ldn_user_store_is_read_only (store));
  g_assert_nonnull (strstr (ldn_user_store_get_problem (store), "can be read but not saved"));
  {
    g_autofree char *name = ldn_user_store_dup_text (store, LDN_USER_TEXT_NAME);
    g_assert_cmpstr (name, ==, "Ana");
  }
  g_assert_false (ldn_user_store_set_text (store, LDN_USER_TEXT_NAME, "Bea", &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_clear_object (&store);

  g_assert_cmpint (g_chmod (directory, 0700), ==, 0);
  store = ldn_user_store_open (fixture->path);
  g_assert_true (ldn_user_store_set_text (store, LDN_USER_TEXT_NAME, "Bea", &error));
  g_assert_no_error (error);
}

/* Runs CASE in a child process (which may give up root), so that a
 * failure fails only this test. */
static void
run_unprivileged (Fixture  *fixture,
                  void    (*body) (Fixture *))
{
  if (g_test_subprocess ())
    {
      body (fixture);
      return;
    }

  if (getuid () == 0)
    {
      g_autofree char *directory = g_path_get_dirname (fixture->path);

      g_mkdir_with_parents (directory, 0700);
      g_assert_cmpint (chown (fixture->dir, 65534, 65534), ==, 0);
      g_assert_cmpint (chown (directory, 65534, 65534), ==, 0);
    }

  g_setenv ("LDN_TEST_FIXTURE_DIR", fixture->dir, TRUE);
  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("LDN_TEST_FIXTURE_DIR");
  g_test_trap_assert_passed ();
}

static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  data)
{
  run_unprivileged (fixture, read_only_file_case);
}

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  run_unprivileged (fixture, read_only_folder_case);
}

static void
test_leftover_read_only_shm_is_repaired (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(LdnUserStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  if (!g_test_subprocess ())
    {
      run_unprivileged (fixture, NULL);
      return;
    }

  g_assert_true (drop_root ());
  store = ldn_user_store_open (fixture->path);
  g_assert_true (ldn_user_store_set_note (store, "sleep", "first", &error));
  g_clear_object (&store);

  /* As an older LDN Guide left it after opening a read-only file. */
  g_assert_true (g_file_set_contents (shm, "", 0, NULL));
  g_assert_cmpint (g_chmod (shm, 0444), ==, 0);

  store = ldn_user_store_open (fixture->path);
  g_assert_true (ldn_user_store_is_persistent (store));
  g_assert_true (ldn_user_store_set_note (store, "sleep", "second", &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/user-store/" name, Fixture, NULL, ldn_test_store_fixture_setup, func, \
                                        ldn_test_store_fixture_teardown)
  ADD ("changes-survive-reopening", test_changes_survive_reopening);
  ADD ("questions-reorder-and-delete", test_questions_reorder_and_delete);
  ADD ("hostile-text", test_hostile_text);
  ADD ("migrates-version-1", test_migrates_version_1);
  ADD ("garbage-file-is-moved-aside", test_garbage_file_is_moved_aside);
  ADD ("truncated-file-is-moved-aside", test_truncated_file_is_moved_aside);
  ADD ("directory-in-its-place", test_directory_in_its_place);
  ADD ("unwritable-place-keeps-data-in-memory", test_unwritable_place_keeps_data_in_memory);
  ADD ("delete-all", test_delete_all);
  ADD ("json-round-trip", test_json_round_trip);
  ADD ("bad-imports-change-nothing", test_bad_imports_change_nothing);
  ADD ("import-refuses-future-since", test_import_refuses_future_since);
  ADD ("import-refuses-deep-nesting", test_import_refuses_deep_nesting);
  ADD ("survives-being-killed", test_survives_being_killed);
  ADD ("waits-for-another-writer", test_waits_for_another_writer);
  ADD ("import-then-edit-keeps-the-import", test_import_then_edit_keeps_the_import);
  ADD ("edit-then-import-reloads", test_edit_then_import_reloads);
  ADD ("read-only-file", test_read_only_file);
  ADD ("read-only-folder", test_read_only_folder);
  ADD ("leftover-read-only-shm-is-repaired", test_leftover_read_only_shm_is_repaired);
#undef ADD

  return g_test_run ();
}

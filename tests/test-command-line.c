/* test-command-line.c: what `ldn-guide` does before any window opens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <unistd.h>

#include "app/ldn-command-line.h"
#include "user/ldn-diary-store.h"
#include "ldn-test-pdf.h"
#include "ldn-test-tmp.h"

typedef struct {
  char *out;
  char *err;
  int   status;
} RunResult;

static void
run_result_clear (RunResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

static void
run_ldn_guide (RunResult          *result,
               const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("LDN_GUIDE_BINARY");

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT,
                NULL, NULL, &result->out, &result->err, &result->status, &error);
  g_assert_no_error (error);
}

static void
test_version (void)
{
  const char *args[] = { "--version", NULL };
  RunResult result = { 0 };

  run_ldn_guide (&result, args);
  g_assert_true (g_spawn_check_wait_status (result.status, NULL));
  g_assert_cmpstr (result.out, ==, PACKAGE_NAME " " PACKAGE_VERSION "\n");
  run_result_clear (&result);
}

static void
test_help_lists_options (void)
{
  const char *args[] = { "--help", NULL };
  RunResult result = { 0 };

  run_ldn_guide (&result, args);
  g_assert_true (g_spawn_check_wait_status (result.status, NULL));
  g_assert_nonnull (strstr (result.out, "--version"));
  g_assert_nonnull (strstr (result.out, "doctor"));
  run_result_clear (&result);
}

static void
test_unknown_option_fails_with_message (void)
{
  const char *args[] = { "--no-such-option", NULL };
  RunResult result = { 0 };

  run_ldn_guide (&result, args);
  g_assert_false (g_spawn_check_wait_status (result.status, NULL));
  g_assert_nonnull (strstr (result.err, "no-such-option"));
  run_result_clear (&result);
}

static GStrv
run_export (const char * const *extra,
            RunResult          *result)
{
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-export");
  g_autofree char *path = g_build_filename (dir, "occupancy.csv", NULL);
  g_autofree char *option = g_strdup_printf ("--export-occupancy=%s", path);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *csv = NULL;
  GStrv lines = NULL;

  g_ptr_array_add (args, option);
  for (guint i = 0; extra[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) extra[i]);
  g_ptr_array_add (args, NULL);

  run_ldn_guide (result, (const char * const *) args->pdata);
  if (g_file_get_contents (path, &csv, NULL, NULL))
    lines = g_strsplit (g_strchomp (csv), "\n", -1);

  return lines;
}

static double
column (const char *line,
        guint       index)
{
  g_auto(GStrv) cells = g_strsplit (line, ",", -1);

  g_assert_cmpuint (g_strv_length (cells), ==, 7);
  return g_ascii_strtod (cells[index], NULL);
}

static void
test_export_single_dose (void)
{
  const char *args[] = { "--dose=4.5", NULL };
  RunResult result = { 0 };
  g_auto(GStrv) lines = run_export (args, &result);

  g_assert_true (g_spawn_check_wait_status (result.status, NULL));
  g_assert_nonnull (lines);
  /* The words of the Timeline's table; the day and clock time last, so a
   * reader of the first five columns by position still works. */
  g_assert_cmpstr (lines[0], ==, "Hours after first dose,Estimate (%),Likely range low (%),Likely range high (%),"
                                 "If the block is brief (%),Day,Time");
  /* The default dose time is 22:00; days count from the first dose, as on
   * the chart: six hours later is still day 1, a day later is day 2. */
  g_assert_true (g_str_has_suffix (lines[1], ",1,22:00"));
  g_assert_true (g_str_has_suffix (lines[1 + 6 * 6], ",1,04:00"));
  g_assert_true (g_str_has_suffix (lines[1 + 24 * 6], ",2,22:00"));

  /* Three days at one row per ten minutes, from the dose itself. */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 3 * 24 * 6 + 1);
  g_assert_cmpfloat (column (lines[1], 0), ==, 0);

  /* Reference values (occupancy-model.md): 20.4 % at 1 h, 47.7 % at 24 h. */
  g_assert_cmpfloat_with_epsilon (column (lines[1 + 6], 0), 1.0, 1e-3);
  g_assert_cmpfloat_with_epsilon (column (lines[1 + 6], 1), 20.4, 1.0);
  g_assert_cmpfloat_with_epsilon (column (lines[1 + 24 * 6], 0), 24.0, 1e-3);
  g_assert_cmpfloat_with_epsilon (column (lines[1 + 24 * 6], 1), 47.7, 1.0);
  g_assert_cmpfloat_with_epsilon (column (lines[1 + 24 * 6], 4), 2.0, 1.0);

  /* The band holds the central estimate; values have one decimal. */
  g_assert_cmpfloat (column (lines[1 + 24 * 6], 2), <=, column (lines[1 + 24 * 6], 1));
  g_assert_cmpfloat (column (lines[1 + 24 * 6], 3), >=, column (lines[1 + 24 * 6], 1));
  g_assert_true (g_regex_match_simple ("^[0-9]+\\.[0-9]{4},[0-9]+\\.[0-9],[0-9]+\\.[0-9],[0-9]+\\.[0-9],[0-9]+\\.[0-9],[0-9]+,[0-9]{2}:[0-9]{2}$",
                                       lines[100], 0, 0));
  run_result_clear (&result);
}

static void
test_export_nightly (void)
{
  const char *args[] = { "--dose=3", "--schedule=nightly", "--days=7", "--dose-time=08:30", NULL };
  RunResult result = { 0 };
  g_auto(GStrv) lines = run_export (args, &result);
  double first_night, seventh_night;

  g_assert_true (g_spawn_check_wait_status (result.status, NULL));
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 7 * 24 * 6 + 1);

  /* Nightly doses build up under the sustained model. */
  first_night = column (lines[1 + 10 * 6], 1);
  seventh_night = column (lines[1 + (6 * 24 + 10) * 6], 1);
  g_assert_cmpfloat (seventh_night, >, first_night + 5);
  run_result_clear (&result);
}

static void
test_export_refuses_bad_arguments (void)
{
  const struct { const char *args[4]; const char *message; } cases[] = {
    { { "--dose=60", NULL }, "between 0.5 and 50 mg" },
    { { "--dose=four", NULL }, "number of milligrams" },
    { { NULL }, "--dose=MG" },
    { { "--dose=3", "--schedule=weekly", NULL }, "“single” or “nightly”" },
    { { "--dose=3", "--days=0", NULL }, "from 1 to 30" },
    { { "--dose=3", "--dose-time=7pm", NULL }, "HH:MM" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RunResult result = { 0 };
      g_auto(GStrv) lines = run_export (cases[i].args, &result);

      g_assert_false (g_spawn_check_wait_status (result.status, NULL));
      g_assert_null (lines);
      if (strstr (result.err, cases[i].message) == NULL)
        g_error ("expected “%s” in: %s", cases[i].message, result.err);
      run_result_clear (&result);
    }
}

static void
test_export_options_alone_are_refused (void)
{
  const char *args[] = { "--dose=3", NULL };
  RunResult result = { 0 };

  run_ldn_guide (&result, args);
  g_assert_false (g_spawn_check_wait_status (result.status, NULL));
  g_assert_nonnull (strstr (result.err, "--export-occupancy"));
  run_result_clear (&result);
}

/* Mistakes are found before anything is read or written: a refused sheet
 * leaves no file behind, and the message names what to fix. */
static void
test_mistakes_write_nothing (void)
{
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-cli");
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autofree char *sheet_arg = g_strconcat ("--export-sheet=", pdf, NULL);
  g_autofree char *user_arg = g_strconcat ("LDN_GUIDE_USER_DATA=", dir, "/user.sqlite", NULL);
  const struct { const char *args[4]; const char *message; } cases[] = {
    { { sheet_arg, "--paper=b5", NULL }, "“a4” or “letter”" },
    { { sheet_arg, "--dose=0.1", NULL }, "between 0.5 and 50 mg" },
    { { sheet_arg, "--days=3", NULL }, "go with --export-occupancy" },
    { { sheet_arg, "--export-occupancy=x.csv", NULL }, "runs on its own" },
    { { "--export-sheet=", NULL }, "Give a file name" },
    { { "--printer=office", NULL }, "--print-sheet" },
  };

  g_setenv ("LDN_GUIDE_USER_DATA", user_arg + strlen ("LDN_GUIDE_USER_DATA="), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RunResult result = { 0 };

      run_ldn_guide (&result, cases[i].args);
      g_assert_false (g_spawn_check_wait_status (result.status, NULL));
      if (strstr (result.err, cases[i].message) == NULL)
        g_error ("expected “%s” in: %s", cases[i].message, result.err);
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
      run_result_clear (&result);
    }
  /* Not even the data file was created. */
  g_assert_false (g_file_test (user_arg + strlen ("LDN_GUIDE_USER_DATA="), G_FILE_TEST_EXISTS));
  g_unsetenv ("LDN_GUIDE_USER_DATA");
}

static void
test_parse_dose_time (void)
{
  static const struct { const char *text; int minutes; } cases[] = {
    { "22:00", 1320 }, { "00:00", 0 }, { "23:59", 1439 }, { "08:05", 485 },
    { "24:00", -1 }, { "12:60", -1 }, { "8:00", -1 }, { "", -1 }, { "ab:cd", -1 }, { "12:000", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      guint minute = 0;
      gboolean ok = ldn_dose_time_parse (cases[i].text, &minute, &error);

      g_assert_cmpint (ok, ==, cases[i].minutes >= 0);
      if (ok)
        g_assert_cmpuint (minute, ==, (guint) cases[i].minutes);
      else
        g_assert_error (error, LDN_DOSE_ERROR, LDN_DOSE_ERROR_INVALID);
    }
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, NULL);
  return contents;
}

static void
test_user_data_round_trip (void)
{
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-data");
  g_autofree char *store = g_build_filename (dir, "user.sqlite", NULL);
  g_autofree char *exported = g_build_filename (dir, "exported.json", NULL);
  g_autofree char *edited = g_build_filename (dir, "edited.json", NULL);
  g_autofree char *again = g_build_filename (dir, "again.json", NULL);
  g_autofree char *export_option = g_strdup_printf ("--export-data=%s", exported);
  g_autofree char *import_option = g_strdup_printf ("--import-data=%s", edited);
  g_autofree char *export_again = g_strdup_printf ("--export-data=%s", again);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GString) changed = NULL;
  RunResult result = { 0 };

  g_setenv ("LDN_GUIDE_USER_DATA", store, TRUE);

  run_ldn_guide (&result, (const char *[]) { export_option, NULL });
  g_assert_true (g_spawn_check_wait_status (result.status, NULL));
  run_result_clear (&result);
  first = read_file (exported);
  g_assert_nonnull (strstr (first, "\"format\" : \"ldn-guide-data\""));
  g_assert_nonnull (strstr (first, "\"id\" : \"vivid-dreams\""));
  g_assert_nonnull (strstr (first, "\"opioids\" : null"));

  /* Someone edits the file on another computer and brings it back. */
  changed = g_string_new (first);
  g_assert_cmpuint (g_string_replace (changed, "\"opioids\" : null", "\"opioids\" : \"yes\"", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (changed, "\"questions\" : []", "\"questions\" : [ \"Can I take it with codeine?\" ]", 1), ==, 1);
  g_file_set_contents (edited, changed->str, -1, NULL);

  run_ldn_guide (&result, (const char *[]) { import_option, NULL });
  g_assert_true (g_spawn_check_wait_status (result.status, NULL));
  run_result_clear (&result);

  run_ldn_guide (&result, (const char *[]) { export_again, NULL });
  g_assert_true (g_spawn_check_wait_status (result.status, NULL));
  run_result_clear (&result);
  second = read_file (again);
  g_assert_nonnull (strstr (second, "\"opioids\" : \"yes\""));
  g_assert_nonnull (strstr (second, "Can I take it with codeine?"));

  /* A broken file is refused by name and changes nothing. */
  {
    g_autofree char *third = NULL;

    g_string_replace (changed, "\"opioids\" : \"yes\"", "\"opioids\" : \"perhaps\"", 1);
    g_file_set_contents (edited, changed->str, -1, NULL);
    run_ldn_guide (&result, (const char *[]) { import_option, NULL });
    g_assert_false (g_spawn_check_wait_status (result.status, NULL));
    g_assert_nonnull (strstr (result.err, "safety.opioids"));
    run_result_clear (&result);

    run_ldn_guide (&result, (const char *[]) { export_again, NULL });
    run_result_clear (&result);
    third = read_file (again);
    g_assert_cmpstr (third, ==, second);
  }

  g_unsetenv ("LDN_GUIDE_USER_DATA");
}

static void
test_export_sheet (void)
{
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-sheet-cli");
  g_autofree char *store = g_build_filename (dir, "user.sqlite", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autofree char *option = g_strdup_printf ("--export-sheet=%s", pdf);
  g_autofree char *contents = NULL;
  RunResult result = { 0 };

  g_setenv ("LDN_GUIDE_USER_DATA", store, TRUE);

  run_ldn_guide (&result, (const char *[]) { option, "--paper=letter", "--dose=1.5", NULL });
  g_assert_true (g_spawn_check_wait_status (result.status, NULL));
  run_result_clear (&result);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  run_ldn_guide (&result, (const char *[]) { option, "--paper=a3", NULL });
  g_assert_false (g_spawn_check_wait_status (result.status, NULL));
  g_assert_nonnull (strstr (result.err, "“a4” or “letter”"));
  run_result_clear (&result);

  run_ldn_guide (&result, (const char *[]) { option, "--dose=0.1", NULL });
  g_assert_false (g_spawn_check_wait_status (result.status, NULL));
  g_assert_nonnull (strstr (result.err, "between 0.5 and 50 mg"));
  run_result_clear (&result);

  g_unsetenv ("LDN_GUIDE_USER_DATA");
}

/* A backup must work exactly when something is broken: --export-data
 * runs without the content, missing or damaged. */
static void
test_export_data_without_content (void)
{
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-no-content");
  g_autofree char *store = g_build_filename (dir, "user.sqlite", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.sqlite", NULL);
  g_autofree char *exported = g_build_filename (dir, "exported.json", NULL);
  g_autofree char *option = g_strdup_printf ("--export-data=%s", exported);
  g_autofree char *saved_content = g_strdup (g_getenv ("LDN_GUIDE_CONTENT"));
  const char *contents[] = { "/nonexistent/content.sqlite", damaged };

  g_assert_true (g_file_set_contents (damaged, "this is not a database, just bytes", -1, NULL));
  g_setenv ("LDN_GUIDE_USER_DATA", store, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autofree char *json = NULL;
      RunResult result = { 0 };

      g_unlink (exported);
      g_setenv ("LDN_GUIDE_CONTENT", contents[i], TRUE);
      run_ldn_guide (&result, (const char *[]) { option, NULL });
      if (!g_spawn_check_wait_status (result.status, NULL))
        g_error ("--export-data failed with content %s: %s", contents[i], result.err);
      g_assert_nonnull (strstr (result.err, "exported without it"));
      json = read_file (exported);
      g_assert_nonnull (json);
      g_assert_nonnull (strstr (json, "\"format\" : \"ldn-guide-data\""));
      run_result_clear (&result);
    }

  g_setenv ("LDN_GUIDE_CONTENT", saved_content, TRUE);
  g_unsetenv ("LDN_GUIDE_USER_DATA");
}

/* One parser for files and the command line: decimal digits and one dot.
 * "0x10" was taken as 16 mg; "0,5" is refused with a message that says to
 * write 0.5, also in a comma-decimal locale, where messages used to print
 * "0,5". */
static void
test_dose_is_decimal_with_a_dot (void)
{
  const struct { const char *dose; const char *message; } cases[] = {
    { "--dose=0x10", "digits and a dot" },
    { "--dose=1e1", "digits and a dot" },
    { "--dose=inf", "digits and a dot" },
    { "--dose=nan", "digits and a dot" },
    { "--dose= 3", "digits and a dot" },
    { "--dose=3mg", "digits and a dot" },
    { "--dose=+3", "digits and a dot" },
    { "--dose=3.", "digits and a dot" },
    { "--dose=0,5", "0.5, not “0,5”" },
    { "--dose=4,5", "4.5, not “4,5”" },
    { "--dose=60", "between 0.5 and 50 mg" },
    { "--dose=0.25", "between 0.5 and 50 mg" },
  };
  g_autofree char *saved_numeric = g_strdup (g_getenv ("LC_NUMERIC"));

  if (setlocale (LC_NUMERIC, "es_ES.UTF-8") == NULL)
    g_test_message ("es_ES.UTF-8 is not installed; checking the C locale only");
  else
    g_setenv ("LC_NUMERIC", "es_ES.UTF-8", TRUE);
  setlocale (LC_NUMERIC, "C");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[] = { cases[i].dose, NULL };
      RunResult result = { 0 };
      g_auto(GStrv) lines = run_export (args, &result);

      if (g_spawn_check_wait_status (result.status, NULL) || lines != NULL)
        g_error ("%s was accepted", cases[i].dose);
      if (strstr (result.err, cases[i].message) == NULL)
        g_error ("%s: expected “%s” in: %s", cases[i].dose, cases[i].message, result.err);
      run_result_clear (&result);
    }

  /* Good doses still work. */
  {
    const char *args[] = { "--dose=0.5", NULL };
    RunResult result = { 0 };
    g_auto(GStrv) lines = run_export (args, &result);

    g_assert_true (g_spawn_check_wait_status (result.status, NULL));
    g_assert_nonnull (lines);
    run_result_clear (&result);
  }

  if (saved_numeric != NULL)
    g_setenv ("LC_NUMERIC", saved_numeric, TRUE);
  else
    g_unsetenv ("LC_NUMERIC");
}

/* A person who has entered nothing and never chose a dose on the Timeline
 * (the remembered dose is the default): page 1 does not present the
 * timeline's example dose as one they looked at, and the sheet stays one
 * page. */
static void
test_empty_sheet_has_no_example_dose (void)
{
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-empty-sheet");
  g_autofree char *store = g_build_filename (dir, "user.sqlite", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autofree char *option = g_strdup_printf ("--export-sheet=%s", pdf);
  g_autofree char *text = NULL;
  RunResult result = { 0 };

  g_setenv ("LDN_GUIDE_USER_DATA", store, TRUE);
  run_ldn_guide (&result, (const char *[]) { option, NULL });
  if (!g_spawn_check_wait_status (result.status, NULL))
    g_error ("--export-sheet failed: %s", result.err);
  run_result_clear (&result);

  text = ldn_test_pdf_text (pdf);
  ldn_test_assert_contains (text, "What I am considering");
  g_assert_null (strstr (text, "Dose looked at"));
  g_assert_null (strstr (text, "4.5 mg"));
  g_assert_cmpuint (ldn_test_pdf_n_pages (pdf), ==, 1);
  g_unsetenv ("LDN_GUIDE_USER_DATA");
}

/* --export-sheet without --dose uses the dose the window remembers, as the
 * window's sheet does; it used to use 4.5 mg whatever was chosen. Page 1
 * also says how it is taken, as the window's sheet does (the command line
 * used to leave the schedule out). */
static void
test_export_sheet_uses_remembered_dose (void)
{
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-remembered");
  g_autofree char *store = g_build_filename (dir, "user.sqlite", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autofree char *settings_dir = g_build_filename (dir, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  g_autofree char *option = g_strdup_printf ("--export-sheet=%s", pdf);
  g_autofree char *saved_backend = g_strdup (g_getenv ("GSETTINGS_BACKEND"));
  g_autofree char *saved_config = g_strdup (g_getenv ("XDG_CONFIG_HOME"));
  g_autofree char *text = NULL;
  RunResult result = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (settings_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (keyfile, "[io/github/ldnguide/LdnGuide]\ndose-mg=1.5\n"
                                            "dose-schedule='nightly'\ndose-minute=1290\n", -1, NULL));
  g_setenv ("LDN_GUIDE_USER_DATA", store, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
  g_setenv ("XDG_CONFIG_HOME", dir, TRUE);

  run_ldn_guide (&result, (const char *[]) { option, NULL });
  if (!g_spawn_check_wait_status (result.status, NULL))
    g_error ("--export-sheet failed: %s", result.err);
  run_result_clear (&result);

  text = ldn_test_pdf_text (pdf);
  ldn_test_assert_contains (text, "Dose looked at on the chart (an example, not a plan): 1.5 mg, every night at 21:30.");

  g_setenv ("GSETTINGS_BACKEND", saved_backend ? saved_backend : "memory", TRUE);
  if (saved_config != NULL)
    g_setenv ("XDG_CONFIG_HOME", saved_config, TRUE);
  else
    g_unsetenv ("XDG_CONFIG_HOME");
  g_unsetenv ("LDN_GUIDE_USER_DATA");
}

/* The same person's sheet in the doctor's language: Spanish headings,
 * flags and content with --sheet-language=es, English with =en, whatever
 * the interface's language; what the person typed is printed as typed,
 * and numbers and dates follow the sheet's language. */
static void
test_export_sheet_in_each_language (void)
{
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-sheet-language");
  g_autofree char *store = g_build_filename (dir, "user.sqlite", NULL);
  g_autofree char *json = g_build_filename (dir, "person.json", NULL);
  g_autofree char *es_pdf = g_build_filename (dir, "es.pdf", NULL);
  g_autofree char *en_pdf = g_build_filename (dir, "en.pdf", NULL);
  g_autofree char *import = g_strdup_printf ("--import-data=%s", json);
  g_autofree char *es_option = g_strdup_printf ("--export-sheet=%s", es_pdf);
  g_autofree char *en_option = g_strdup_printf ("--export-sheet=%s", en_pdf);
  g_autofree char *es_text = NULL;
  g_autofree char *en_text = NULL;
  RunResult result = { 0 };
  const char *person =
    "{\"format\": \"ldn-guide-data\", \"version\": 1,"
    " \"checklist\": [{\"id\": \"vivid-dreams\", \"noticed\": true, \"severity\": \"severe\","
    "                 \"since\": \"2026-10-01\", \"note\": \"Pesadillas la primera semana\"}],"
    " \"other_side_effects\": \"\","
    " \"safety\": {\"opioids\": \"yes\", \"surgery\": \"no\", \"pregnancy\": \"no\", \"liver\": \"no\","
    "            \"kidney\": \"no\", \"thyroid\": \"no\", \"immune\": \"no\", \"alcohol\": \"no\","
    "            \"allergy\": \"no\", \"other_medicines\": \"Tramadol 50 mg a veces\"},"
    " \"questions\": [\"¿Me ayudará a dormir?\"], \"what_matters\": \"\", \"teach_back\": {}}";

  g_assert_true (g_file_set_contents (json, person, -1, NULL));
  g_setenv ("LDN_GUIDE_USER_DATA", store, TRUE);
  run_ldn_guide (&result, (const char *[]) { import, NULL });
  if (!g_spawn_check_wait_status (result.status, NULL))
    g_error ("--import-data failed: %s", result.err);
  run_result_clear (&result);

  run_ldn_guide (&result, (const char *[]) { es_option, "--sheet-language=es", "--dose=4.5", NULL });
  if (!g_spawn_check_wait_status (result.status, NULL))
    g_error ("--export-sheet --sheet-language=es failed: %s", result.err);
  run_result_clear (&result);
  run_ldn_guide (&result, (const char *[]) { en_option, "--sheet-language=en", "--dose=4.5", NULL });
  if (!g_spawn_check_wait_status (result.status, NULL))
    g_error ("--export-sheet --sheet-language=en failed: %s", result.err);
  run_result_clear (&result);

  es_text = ldn_test_pdf_text (es_pdf);
  en_text = ldn_test_pdf_text (en_pdf);
  /* Spanish: headings, the opioid flag from the content, numbers, dates. */
  ldn_test_assert_contains (es_text, "Avisos para el médico");
  ldn_test_assert_contains (es_text, "¿Toma algún medicamento opioide, aunque sea de vez en cuando?");
  ldn_test_assert_contains (es_text, "fuera de indicación");
  ldn_test_assert_contains (es_text, "4,5 mg");
  ldn_test_assert_contains (es_text, "1 de octubre de 2026");
  ldn_test_assert_contains (es_text, "Sueños vívidos o pesadillas");
  /* A column heading is never broken inside a word ("Intensida-d"). */
  ldn_test_assert_contains (es_text, "Intensidad");
  g_assert_null (strstr (es_text, "Do you take any opioid"));
  g_assert_null (strstr (es_text, "Flags for the doctor"));
  /* English: the same person, the same answers. */
  ldn_test_assert_contains (en_text, "Flags for the doctor");
  ldn_test_assert_contains (en_text, "Do you take any opioid medicine, even now and then?");
  ldn_test_assert_contains (en_text, "off-label");
  ldn_test_assert_contains (en_text, "4.5 mg");
  ldn_test_assert_contains (en_text, "1 October 2026");
  g_assert_null (strstr (en_text, "Avisos para el médico"));
  g_assert_null (strstr (en_text, "fuera de indicación"));
  /* What the person typed, as typed, in both. */
  ldn_test_assert_contains (es_text, "Tramadol 50 mg a veces");
  ldn_test_assert_contains (en_text, "Tramadol 50 mg a veces");
  ldn_test_assert_contains (es_text, "Pesadillas la primera semana");
  ldn_test_assert_contains (en_text, "Pesadillas la primera semana");
  ldn_test_assert_contains (en_text, "¿Me ayudará a dormir?");

  run_ldn_guide (&result, (const char *[]) { es_option, "--sheet-language=fr", NULL });
  g_assert_false (g_spawn_check_wait_status (result.status, NULL));
  ldn_test_assert_contains (result.err, "“en” or “es”");
  run_result_clear (&result);

  g_unsetenv ("LDN_GUIDE_USER_DATA");
}

/* Exports never write through a link and never leave a half file: the
 * command line says why and the files stay as they were. */
static void
test_exports_refuse_links_and_missing_folders (void)
{
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-cli-links");
  g_autofree char *store = g_build_filename (dir, "user.sqlite", NULL);
  g_autofree char *victim = g_build_filename (dir, "precious.txt", NULL);
  g_autofree char *link = g_build_filename (dir, "out.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.pdf", NULL);
  g_autofree char *data_option = g_strdup_printf ("--export-data=%s", link);
  g_autofree char *sheet_option = g_strdup_printf ("--export-sheet=%s", missing);
  g_autofree char *csv_option = g_strdup_printf ("--export-occupancy=%s", link);
  g_autofree char *contents = NULL;
  RunResult result = { 0 };

  g_assert_true (g_file_set_contents (victim, "keep me", -1, NULL));
  g_assert_cmpint (symlink (victim, link), ==, 0);
  g_setenv ("LDN_GUIDE_USER_DATA", store, TRUE);

  run_ldn_guide (&result, (const char *[]) { data_option, NULL });
  g_assert_false (g_spawn_check_wait_status (result.status, NULL));
  g_assert_nonnull (strstr (result.err, "symbolic link"));
  run_result_clear (&result);

  run_ldn_guide (&result, (const char *[]) { csv_option, "--dose=3", NULL });
  g_assert_false (g_spawn_check_wait_status (result.status, NULL));
  g_assert_nonnull (strstr (result.err, "symbolic link"));
  run_result_clear (&result);

  g_assert_true (g_file_get_contents (victim, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));

  run_ldn_guide (&result, (const char *[]) { sheet_option, NULL });
  g_assert_false (g_spawn_check_wait_status (result.status, NULL));
  g_assert_nonnull (strstr (result.err, "does not exist"));
  run_result_clear (&result);

  g_unsetenv ("LDN_GUIDE_USER_DATA");
}

/* --export-diary writes the CSV without a display: one row per entry
 * and item, quoted, formulas defused, side effects by name. */
static void
test_export_diary (void)
{
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-diary-csv");
  g_autofree char *store_path = g_build_filename (dir, "user.sqlite", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "diary.csv", NULL);
  g_autofree char *option = g_strdup_printf ("--export-diary=%s", csv_path);
  g_autofree char *csv = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *first_date = NULL;
  g_autofree char *second_date = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  RunResult result = { 0 };
  GDate date;

  {
    g_autoptr(LdnUserStore) store = ldn_user_store_open (store_path);
    g_autoptr(LdnDiaryEntry) first = NULL;
    g_autoptr(LdnDiaryEntry) second = NULL;
    g_autofree char *pain = ldn_diary_store_add_item (store, "Pain, back", "", "", LDN_DIARY_EVERY_DAY, NULL);
    g_autofree char *sleep = ldn_diary_store_add_item (store, "Sleep", "", "", LDN_DIARY_EVERY_DAY, NULL);

    g_assert_nonnull (pain);
    g_assert_nonnull (sleep);
    g_date_clear (&date, 1);
    g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                    g_date_time_get_year (now));
    g_date_subtract_days (&date, 2);
    first = ldn_diary_entry_new (&date);
    first->ratings[0] = 6;
    g_date_add_days (&date, 1);
    second = ldn_diary_entry_new (&date);
    second->ratings[0] = 4;
    second->ratings[1] = 7;
    second->dose_taken = LDN_DIARY_DOSE_TAKEN;
    ldn_diary_entry_add_side_effect (second, "vivid-dreams", 2);
    g_free (second->note);
    second->note = g_strdup ("=HYPERLINK(\"http://example.com\") \"quoted\"");
    g_assert_true (ldn_diary_store_add_entry (store, first, NULL));
    g_assert_true (ldn_diary_store_add_entry (store, second, NULL));
    first_date = ldn_diary_date_format (&first->date);
    second_date = ldn_diary_date_format (&second->date);
  }

  g_setenv ("LDN_GUIDE_USER_DATA", store_path, TRUE);
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  run_ldn_guide (&result, (const char *[]) { option, NULL });
  g_unsetenv ("LDN_GUIDE_USER_DATA");
  if (!g_spawn_check_wait_status (result.status, NULL))
    g_error ("--export-diary failed: %s", result.err);
  run_result_clear (&result);

  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  expected = g_strdup_printf ("Date,What you follow,Rating (0-10),Dose taken,Side effects that day,Note\r\n"
                              "%s,\"Pain, back\",6,,,\r\n"
                              "%s,Sleep,,,,\r\n"
                              "%s,\"Pain, back\",4,taken,Vivid dreams or nightmares (moderate),"
                              "\"'=HYPERLINK(\"\"http://example.com\"\") \"\"quoted\"\"\"\r\n"
                              "%s,Sleep,7,taken,Vivid dreams or nightmares (moderate),"
                              "\"'=HYPERLINK(\"\"http://example.com\"\") \"\"quoted\"\"\"\r\n",
                              first_date, first_date, second_date, second_date);
  g_assert_cmpstr (csv, ==, expected);

  /* The printed sheet has the diary's "Before and after", from the same store. */
  {
    g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
    g_autofree char *sheet_option = g_strdup_printf ("--export-sheet=%s", pdf);
    g_autofree char *text = NULL;

    g_setenv ("LDN_GUIDE_USER_DATA", store_path, TRUE);
    run_ldn_guide (&result, (const char *[]) { sheet_option, NULL });
    g_unsetenv ("LDN_GUIDE_USER_DATA");
    if (!g_spawn_check_wait_status (result.status, NULL))
      g_error ("--export-sheet failed: %s", result.err);
    run_result_clear (&result);
    text = ldn_test_pdf_text (pdf);
    g_assert_nonnull (strstr (text, "Before and after"));
    g_assert_nonnull (strstr (text, "Pain, back"));
    /* What a before-and-after record cannot show, and when trials looked
     * at results: the content's sourced sentences, not a schedule. */
    ldn_test_assert_contains (text, "A change after the start date does not show that LDN caused it.");
    ldn_test_assert_contains (text, "Trials of LDN usually looked at results after 8 to 12 weeks.");
  }

  /* A name is needed. */
  run_ldn_guide (&result, (const char *[]) { "--export-diary=", NULL });
  g_assert_false (g_spawn_check_wait_status (result.status, NULL));
  g_assert_nonnull (strstr (result.err, "--export-diary=FILE.csv"));
  run_result_clear (&result);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/command-line/version", test_version);
  g_test_add_func ("/command-line/help-lists-options", test_help_lists_options);
  g_test_add_func ("/command-line/unknown-option-fails-with-message", test_unknown_option_fails_with_message);

  g_test_add_func ("/command-line/export-single-dose", test_export_single_dose);
  g_test_add_func ("/command-line/export-nightly", test_export_nightly);
  g_test_add_func ("/command-line/export-refuses-bad-arguments", test_export_refuses_bad_arguments);
  g_test_add_func ("/command-line/export-options-alone-are-refused", test_export_options_alone_are_refused);
  g_test_add_func ("/command-line/mistakes-write-nothing", test_mistakes_write_nothing);
  g_test_add_func ("/command-line/parse-dose-time", test_parse_dose_time);
  g_test_add_func ("/command-line/user-data-round-trip", test_user_data_round_trip);
  g_test_add_func ("/command-line/export-sheet", test_export_sheet);
  g_test_add_func ("/command-line/export-data-without-content", test_export_data_without_content);
  g_test_add_func ("/command-line/export-diary", test_export_diary);
  g_test_add_func ("/command-line/dose-is-decimal-with-a-dot", test_dose_is_decimal_with_a_dot);
  g_test_add_func ("/command-line/export-sheet-uses-remembered-dose", test_export_sheet_uses_remembered_dose);
  g_test_add_func ("/command-line/empty-sheet-has-no-example-dose", test_empty_sheet_has_no_example_dose);
  g_test_add_func ("/command-line/export-sheet-in-each-language", test_export_sheet_in_each_language);
  g_test_add_func ("/command-line/exports-refuse-links-and-missing-folders",
                   test_exports_refuse_links_and_missing_folders);

  return g_test_run ();
}

/* test-command-line.c: what `ldn-guide` does before any window opens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/command-line/version", test_version);
  g_test_add_func ("/command-line/help-lists-options", test_help_lists_options);
  g_test_add_func ("/command-line/unknown-option-fails-with-message", test_unknown_option_fails_with_message);

  return g_test_run ();
}

/* fuzz-replay.c: runs a fuzz target over saved inputs, for builds made
 * without clang's libFuzzer. Every file in the folders given (and every
 * file given) is one input; each is a TAP test, so a crash found once
 * stays a regression test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "fuzz-target.h"

static void
collect_inputs (const char *path,
                GPtrArray  *inputs)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (inputs, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (name[0] != '.')
        collect_inputs (child, inputs);
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
replay (gconstpointer path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_free);

  g_test_init (&argc, &argv, NULL);
  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    collect_inputs (argv[i], inputs);
  g_ptr_array_sort (inputs, compare_paths);
  if (inputs->len == 0)
    g_error ("No inputs: give folders or files of saved fuzz inputs");

  for (guint i = 0; i < inputs->len; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (inputs, i));
      g_autofree char *test = g_strdup_printf ("/fuzz-replay/%u-%s", i, base);

      g_test_add_data_func (test, g_ptr_array_index (inputs, i), replay);
    }
  return g_test_run ();
}

/* ldn-test-tmp.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "ldn-test-tmp.h"

static GPtrArray *made;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) listing = g_dir_open (path, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
remove_all (void)
{
  for (guint i = 0; i < made->len; i++)
    remove_tree (g_ptr_array_index (made, i));
  g_clear_pointer (&made, g_ptr_array_unref);
}

char *
ldn_test_tmp_dir (const char *prefix)
{
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (template, &error);

  if (dir == NULL)
    g_error ("Cannot make a temporary folder: %s", error->message);
  if (made == NULL)
    {
      made = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_all);
    }
  g_ptr_array_add (made, g_strdup (dir));
  return dir;
}

void
ldn_test_store_fixture_setup (LdnTestStoreFixture *fixture,
                              gconstpointer        data)
{
  if (g_test_subprocess () && g_getenv ("LDN_TEST_FIXTURE_DIR") != NULL)
    fixture->dir = g_strdup (g_getenv ("LDN_TEST_FIXTURE_DIR"));
  else
    fixture->dir = ldn_test_tmp_dir ("ldn-store");
  fixture->path = g_build_filename (fixture->dir, "ldn-guide", "user.sqlite", NULL);
}

void
ldn_test_store_fixture_teardown (LdnTestStoreFixture *fixture,
                                 gconstpointer        data)
{
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* fuzz-util.c: stores shared by the fuzz targets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "content/ldn-content-store.h"
#include "fuzz-target.h"
#include "ldn-test-tmp.h"

LdnUserStore *
fuzz_user_store (void)
{
  static LdnUserStore *store;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    {
      g_autofree char *dir = ldn_test_tmp_dir ("ldn-fuzz");
      g_autofree char *path = g_build_filename (dir, "user.sqlite", NULL);

      store = ldn_user_store_open (path);
      g_assert_true (ldn_user_store_is_persistent (store));
    }

  if (!ldn_user_store_delete_all (store, &error))
    g_error ("Cannot empty the fuzz store: %s", error->message);
  return store;
}

LdnContentStore *
fuzz_content_store (void)
{
  static LdnContentStore *store;

  if (store == NULL)
    {
      g_autoptr(GError) error = NULL;
      const char *path = g_getenv ("LDN_GUIDE_CONTENT");

      if (path == NULL)
        g_error ("Set LDN_GUIDE_CONTENT to the built content.sqlite");
      store = ldn_content_store_new (path, NULL, &error);
      if (store == NULL)
        g_error ("Cannot open %s: %s", path, error->message);
    }
  return store;
}

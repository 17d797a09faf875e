/* fuzz-user-data.c: importing any file as the person's saved data. The
 * import either replaces everything or changes nothing, and what it
 * accepted exports again and imports to the same thing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "fuzz-target.h"
#include "user/ldn-user-data-json.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  return 0;
}

static char *
export (LdnUserStore *store)
{
  g_autoptr(GError) error = NULL;
  const LdnUserDataIds any_id = { NULL };
  char *json = ldn_user_data_to_json (store, &any_id, &error);

  g_assert_no_error (error);
  return json;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  LdnUserStore *store = fuzz_user_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = export (store);
  const LdnUserDataIds any_id = { NULL };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (!ldn_user_data_from_json (store, &any_id, (const char *) data, (gssize) size, &error))
    {
      g_autofree char *after = export (store);

      g_assert_nonnull (error);
      g_assert_cmpstr (before, ==, after);
      return 0;
    }

  first = export (store);
  g_assert_true (ldn_user_data_from_json (store, &any_id, first, -1, NULL));
  second = export (store);
  g_assert_cmpstr (first, ==, second);
  return 0;
}

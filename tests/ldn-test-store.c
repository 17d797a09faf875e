/* ldn-test-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ldn-test-store.h"

char *
ldn_test_store_export (LdnUserStore         *store,
                       const LdnUserDataIds *ids)
{
  g_autoptr(GError) error = NULL;
  char *json = ldn_user_data_to_json (store, ids, &error);

  g_assert_no_error (error);
  g_assert_nonnull (json);
  return json;
}

void
ldn_test_store_assert_round_trip (const char           *json,
                                  const char           *dir,
                                  const LdnUserDataIds *ids,
                                  void                (*check) (LdnUserStore *store))
{
  g_autofree char *other_path = g_build_filename (dir, "other", "user.sqlite", NULL);
  g_autoptr(LdnUserStore) other = ldn_user_store_open (other_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *again = NULL;

  g_assert_true (ldn_user_data_from_json (other, ids, json, -1, &error));
  g_assert_no_error (error);
  if (check != NULL)
    check (other);
  again = ldn_test_store_export (other, ids);
  g_assert_cmpstr (again, ==, json);
}

void
ldn_test_store_assert_refused (LdnUserStore         *store,
                               const LdnUserDataIds *ids,
                               const char           *good,
                               const LdnTestBadEdit *edits,
                               guint                 n_edits)
{
  for (guint i = 0; i < n_edits; i++)
    {
      g_autoptr(GString) bad = g_string_new (good);
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      if (g_string_replace (bad, edits[i].from, edits[i].to, 1) != 1)
        g_error ("case %u: “%s” is not in the export:\n%s", i, edits[i].from, good);
      g_assert_false (ldn_user_data_from_json (store, ids, bad->str, -1, &error));
      g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_IMPORT);
      if (strstr (error->message, edits[i].field) == NULL)
        g_error ("expected the field “%s” in: %s", edits[i].field, error->message);

      after = ldn_test_store_export (store, ids);
      g_assert_cmpstr (after, ==, good);
    }
}

/* crash-writer.c: a child for test-user-store's crash test.
 *
 * Writes checklist changes to the user store at PATH as fast as it can
 * and prints "saved N" after each one returns, so the parent knows what
 * must survive when it kills this process with SIGKILL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "user/ldn-user-store.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LdnUserStore) store = NULL;

  if (argc != 2)
    return 2;

  store = ldn_user_store_open (argv[1]);
  if (!ldn_user_store_is_persistent (store))
    return 3;

  for (guint n = 1; n < 100000; n++)
    {
      g_autofree char *note = g_strdup_printf ("note %u", n);
      g_autoptr(GError) error = NULL;

      if (!ldn_user_store_set_note (store, "vivid-dreams", note, &error) ||
          !ldn_user_store_set_noticed (store, "sleep", n % 2, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }

      printf ("saved %u\n", n);
      fflush (stdout);
    }

  return 0;
}

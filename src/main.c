/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "app/ldn-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LdnApplication) app = NULL;

  ldn_application_bind_translations ();

  app = ldn_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

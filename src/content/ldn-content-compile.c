/* ldn-content-compile.c: the build-time tool that turns the JSON files in
 * data/content into content.sqlite, or fails the build saying what is wrong and where.
 *
 *   ldn-content-compile OUTPUT.sqlite INPUT.json...
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "ldn-content-compiler.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LdnContentCompiler) compiler = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");

  if (argc < 3)
    {
      g_printerr ("Usage: %s OUTPUT.sqlite INPUT.json...\n", argv[0]);
      return 2;
    }

  compiler = ldn_content_compiler_new ();
  for (int i = 2; i < argc; i++)
    ldn_content_compiler_add_file (compiler, argv[i]);

  if (!ldn_content_compiler_write (compiler, argv[1], &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

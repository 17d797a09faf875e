/* ldn-content-compile.c: the build-time tool that turns the JSON files in
 * data/content into content.sqlite, or fails the build saying what is wrong and where.
 *
 *   ldn-content-compile [--translation=LOCALE:CATALOG.mo]... OUTPUT.sqlite INPUT.json...
 *   ldn-content-compile --template=OUTPUT.pot INPUT.json...
 *
 * The second form writes the gettext template of every translatable text.
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
  const char *template = NULL;
  const char *output = NULL;
  int first = 1;

  setlocale (LC_ALL, "");

  compiler = ldn_content_compiler_new ();
  for (; first < argc && g_str_has_prefix (argv[first], "--"); first++)
    {
      if (g_str_has_prefix (argv[first], "--template="))
        {
          template = argv[first] + strlen ("--template=");
          ldn_content_compiler_extract_messages (compiler);
        }
      else if (g_str_has_prefix (argv[first], "--translation=") && strchr (argv[first], ':') != NULL)
        {
          const char *value = argv[first] + strlen ("--translation=");
          g_autofree char *locale = g_strndup (value, strchr (value, ':') - value);

          ldn_content_compiler_add_translation (compiler, locale, strchr (value, ':') + 1);
        }
      else
        {
          g_printerr ("%s: unknown option %s\n", argv[0], argv[first]);
          return 2;
        }
    }

  if (template == NULL)
    output = argv[first++];
  if (output == NULL && template == NULL)
    first = argc + 1;
  if (first >= argc)
    {
      g_printerr ("Usage: %s [--translation=LOCALE:CATALOG.mo]... OUTPUT.sqlite INPUT.json...\n"
                  "       %s --template=OUTPUT.pot INPUT.json...\n", argv[0], argv[0]);
      return 2;
    }

  for (int i = first; i < argc; i++)
    ldn_content_compiler_add_file (compiler, argv[i]);

  if (template != NULL ? !ldn_content_compiler_write_template (compiler, template, &error)
                       : !ldn_content_compiler_write (compiler, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

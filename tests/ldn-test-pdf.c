/* ldn-test-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ldn-test-pdf.h"

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

char *
ldn_test_pdf_tool (const char *program,
                   const char *pdf)
{
  const char *argv[] = { program, pdf, NULL };

  return run (argv);
}

char *
ldn_test_pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-nopgbrk", pdf, "-", NULL };
  g_autofree char *raw = run (argv);
  g_auto(GStrv) lines = g_strsplit (raw, "\n", -1);

  return g_strjoinv (" ", lines);
}

char *
ldn_test_pdf_page_text (const char *pdf,
                        guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-nopgbrk", "-f", number, "-l", number, pdf, "-", NULL };
  g_autofree char *raw = run (argv);
  g_auto(GStrv) lines = g_strsplit (raw, "\n", -1);

  return g_strjoinv (" ", lines);
}

guint
ldn_test_pdf_n_pages (const char *pdf)
{
  g_autofree char *info = ldn_test_pdf_tool ("pdfinfo", pdf);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) strtoul (pages + strlen ("\nPages:"), NULL, 10);
}

void
ldn_test_assert_contains (const char *text,
                          const char *wanted)
{
  if (strstr (text, wanted) == NULL)
    g_error ("the PDF lacks “%s”", wanted);
}

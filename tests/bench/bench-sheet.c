/* bench-sheet.c: time to lay out and write the discussion sheet as PDF.
 *
 * A typical sheet (a few flags, side effects and questions) and a long
 * one (a 10 000-character note and 50 questions). Target: under 150 ms
 * for the typical sheet. Prints numbers; never fails on speed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "ldn-test-tmp.h"
#include "sheet/ldn-sheet.h"

#define RUNS 20

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
bench (const char      *label,
       LdnContentStore *content,
       LdnUserStore    *user,
       const char      *pdf)
{
  double times[RUNS];
  guint pages = 0;

  for (int i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(LdnSheetData) data = ldn_sheet_data_collect (content, user, 4.5, TRUE, TRUE, NULL);
      g_autoptr(LdnSheet) sheet = ldn_sheet_new (g_steal_pointer (&data), 595.28, 841.89, NULL);

      g_assert (ldn_sheet_write_pdf (sheet, pdf, NULL));
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      pages = ldn_sheet_get_n_pages (sheet);
    }

  qsort (times, RUNS, sizeof (double), compare_doubles);
  printf ("  %-8s %u pages: median %.1f ms, slowest %.1f ms (collect, lay out, write PDF; %d runs)\n",
          label, pages, times[RUNS / 2], times[RUNS - 1], RUNS);
}

int
main (void)
{
  g_autofree char *content_path = ldn_content_store_dup_default_path ();
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-bench");
  g_autofree char *user_path = g_build_filename (dir, "user.sqlite", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autoptr(LdnContentStore) content = ldn_content_store_new (content_path, NULL, NULL);
  g_autoptr(LdnUserStore) user = ldn_user_store_open (user_path);
  g_autoptr(GString) note = g_string_new (NULL);

  if (content == NULL)
    return 1;

  ldn_user_store_set_answer (user, "opioids", LDN_ANSWER_YES, NULL);
  ldn_user_store_set_answer (user, "thyroid", LDN_ANSWER_UNSURE, NULL);
  ldn_user_store_set_noticed (user, "vivid-dreams", TRUE, NULL);
  ldn_user_store_set_note (user, "vivid-dreams", "Mostly the first week.", NULL);
  ldn_user_store_set_noticed (user, "sleep", TRUE, NULL);
  ldn_user_store_add_question (user, "What are my options?", NULL, NULL);
  ldn_user_store_add_question (user, "Could any medicine I take now contain an opioid?", NULL, NULL);

  printf ("discussion sheet as PDF, A4:\n");
  bench ("typical", content, user, pdf);

  while (note->len + 6 <= LDN_USER_TEXT_MAX_CHARS)
    g_string_append (note, "words ");
  ldn_user_store_set_note (user, "sleep", note->str, NULL);
  for (int i = 0; i < 48; i++)
    {
      g_autofree char *question = g_strdup_printf ("Question %d about my treatment?", i + 3);
      ldn_user_store_add_question (user, question, NULL, NULL);
    }
  bench ("long", content, user, pdf);

  g_clear_object (&user);

  return 0;
}

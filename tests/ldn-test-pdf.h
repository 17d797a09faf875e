/* ldn-test-pdf.h: read a PDF back as a person's viewer would, with
 * poppler's command-line tools.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The output of PROGRAM (pdfinfo, pdffonts) run on PDF; fails the test
 * if it cannot run. */
char  *ldn_test_pdf_tool       (const char *program,
                                const char *pdf);
/* All the text, lines joined with spaces: what a reader can search. */
char  *ldn_test_pdf_text       (const char *pdf);
/* The same for one page, counted from 1. */
char  *ldn_test_pdf_page_text  (const char *pdf,
                                guint       page);
guint  ldn_test_pdf_n_pages    (const char *pdf);
void   ldn_test_assert_contains (const char *text,
                                 const char *wanted);

G_END_DECLS

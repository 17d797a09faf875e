/* ldn-sheet.h
 *
 * The discussion sheet's layout with Pango and cairo, no widgets: it
 * paginates once for a page size and draws any page onto any cairo
 * surface, so the preview, the printout and the PDF are the same pages.
 * Units are points (1/72 inch).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ldn-sheet-data.h"

G_BEGIN_DECLS

typedef enum {
  LDN_PAPER_A4,
  LDN_PAPER_LETTER,
} LdnPaper;

void      ldn_paper_get_size       (LdnPaper            paper,
                                    double             *width,
                                    double             *height);
gboolean  ldn_paper_from_string    (const char         *name,
                                    LdnPaper           *paper);

#define LDN_SHEET_ERROR (ldn_sheet_error_quark ())

typedef enum {
  LDN_SHEET_ERROR_TOO_LONG,      /* more pages than LDN_SHEET_MAX_PAGES */
} LdnSheetError;

GQuark ldn_sheet_error_quark (void);

/* The last guard against a layout that never ends. A realistic sheet
 * has a few dozen pages; a person at every limit of the app (200
 * questions and every note of 10 000 characters) gets about 400 pages of
 * Latin text, 800 of Chinese, 860 of emoji on Letter paper. Only text
 * made mostly of line breaks goes beyond the cap, and then the sheet is
 * refused with a clear message, early, before all of it is laid out. */
#define LDN_SHEET_MAX_PAGES 1000

typedef struct _LdnSheet LdnSheet;

/* Takes DATA (even on failure): the chart is drawn from it whenever a
 * page is drawn. Fails with LDN_SHEET_ERROR_TOO_LONG beyond
 * LDN_SHEET_MAX_PAGES pages. */
LdnSheet *ldn_sheet_new            (LdnSheetData       *data,
                                    double              page_width,
                                    double              page_height,
                                    GError            **error);
/* The same with another page cap, for tests. */
LdnSheet *ldn_sheet_new_with_max_pages (LdnSheetData   *data,
                                        double          page_width,
                                        double          page_height,
                                        guint           max_pages,
                                        GError        **error);
void      ldn_sheet_free           (LdnSheet           *sheet);
guint     ldn_sheet_get_n_pages    (LdnSheet           *sheet);
/* The headings that start on page PAGE (from 0), in order; for a screen
 * reader, which cannot see the drawn page. */
GStrv     ldn_sheet_dup_page_headings (LdnSheet        *sheet,
                                       guint            page);
/* Everything written on page PAGE (from 0), in reading order: each
 * paragraph on a line, a table row as its cells joined by commas; for a
 * screen reader. */
char     *ldn_sheet_dup_page_text  (LdnSheet           *sheet,
                                    guint               page);
/* Draws page PAGE (from 0) with its top-left corner at the origin. */
void      ldn_sheet_draw_page      (LdnSheet           *sheet,
                                    cairo_t            *cr,
                                    guint               page);
/* The whole sheet as PDF into STREAM; FALSE with the stream's own error
 * (e.g. no space) or cairo's when anything failed. The stream is not
 * closed. To write a file, use ldn_export_sheet_pdf (atomic). */
gboolean  ldn_sheet_write_pdf_to_stream (LdnSheet      *sheet,
                                         GOutputStream *stream,
                                         GCancellable  *cancellable,
                                         GError       **error);
/* Atomically writes PATH through ldn_export_sheet_pdf. */
gboolean  ldn_sheet_write_pdf      (LdnSheet           *sheet,
                                    const char         *path,
                                    GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdnSheet, ldn_sheet_free)

G_END_DECLS

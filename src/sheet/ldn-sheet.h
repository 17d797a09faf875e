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

typedef struct _LdnSheet LdnSheet;

/* Takes DATA: the chart is drawn from it whenever a page is drawn. */
LdnSheet *ldn_sheet_new            (LdnSheetData       *data,
                                    double              page_width,
                                    double              page_height);
void      ldn_sheet_free           (LdnSheet           *sheet);
guint     ldn_sheet_get_n_pages    (LdnSheet           *sheet);
/* The headings that start on page PAGE (from 0), in order; for a screen
 * reader, which cannot see the drawn page. */
GStrv     ldn_sheet_dup_page_headings (LdnSheet        *sheet,
                                       guint            page);
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

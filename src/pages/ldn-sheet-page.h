/* ldn-sheet-page.h
 *
 * The Discussion Sheet section: options, a live preview of the real
 * pages, printing and saving as PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "content/ldn-content-store.h"
#include "sheet/ldn-sheet.h"
#include "user/ldn-user-store.h"

G_BEGIN_DECLS

#define LDN_TYPE_SHEET_PAGE (ldn_sheet_page_get_type ())

G_DECLARE_FINAL_TYPE (LdnSheetPage, ldn_sheet_page, LDN, SHEET_PAGE, AdwBin)

void      ldn_sheet_page_load        (LdnSheetPage    *self,
                                      LdnContentStore *content,
                                      const GError    *error,
                                      LdnUserStore    *user,
                                      GSettings       *settings);
/* Gathers the data again and redraws the preview. */
void      ldn_sheet_page_refresh     (LdnSheetPage    *self);
guint     ldn_sheet_page_get_n_pages (LdnSheetPage    *self);
void      ldn_sheet_page_print       (LdnSheetPage    *self);
/* The operation behind print, for the paper chosen on the page; it
 * lays the sheet out again for the page size the dialog settles on. */
/* An LdnPrintOperation for the sheet as the page shows it; NULL with
 * ERROR when there is no sheet. */
GtkPrintOperation *ldn_sheet_page_new_print_operation (LdnSheetPage  *self,
                                                       GError       **error);
/* Writes the sheet shown to FILE, atomically; with FILE NULL, only
 * checks that there is a sheet (ERROR says why not). */
gboolean  ldn_sheet_page_write_pdf   (LdnSheetPage    *self,
                                      GFile           *file,
                                      GError         **error);

G_END_DECLS

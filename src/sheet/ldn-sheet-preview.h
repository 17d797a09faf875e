/* ldn-sheet-preview.h
 *
 * One page of the discussion sheet, drawn on screen by the same code
 * that prints it, scaled to the widget's width.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ldn-sheet.h"

G_BEGIN_DECLS

#define LDN_TYPE_SHEET_PREVIEW (ldn_sheet_preview_get_type ())

G_DECLARE_FINAL_TYPE (LdnSheetPreview, ldn_sheet_preview, LDN, SHEET_PREVIEW, GtkWidget)

/* SHEET must outlive the widget's use of it: the owner replaces or
 * removes every preview before freeing a sheet. */
GtkWidget *ldn_sheet_preview_new (LdnSheet *sheet,
                                  double    page_width,
                                  double    page_height,
                                  guint     page);

G_END_DECLS

/* ldn-sheet-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LDN_TYPE_SHEET_PAGE (ldn_sheet_page_get_type ())

G_DECLARE_FINAL_TYPE (LdnSheetPage, ldn_sheet_page, LDN, SHEET_PAGE, AdwBin)

G_END_DECLS

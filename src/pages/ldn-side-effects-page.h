/* ldn-side-effects-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LDN_TYPE_SIDE_EFFECTS_PAGE (ldn_side_effects_page_get_type ())

G_DECLARE_FINAL_TYPE (LdnSideEffectsPage, ldn_side_effects_page, LDN, SIDE_EFFECTS_PAGE, AdwBin)

G_END_DECLS

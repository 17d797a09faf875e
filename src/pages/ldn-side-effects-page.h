/* ldn-side-effects-page.h
 *
 * The person's own record: side effects, the safety screen and their
 * questions, one view each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "content/ldn-content-store.h"
#include "user/ldn-user-store.h"

G_BEGIN_DECLS

#define LDN_TYPE_SIDE_EFFECTS_PAGE (ldn_side_effects_page_get_type ())

G_DECLARE_FINAL_TYPE (LdnSideEffectsPage, ldn_side_effects_page, LDN, SIDE_EFFECTS_PAGE, AdwBin)

/* CONTENT NULL shows ERROR instead. */
void ldn_side_effects_page_load      (LdnSideEffectsPage *self,
                                      LdnContentStore    *content,
                                      const GError       *error,
                                      LdnUserStore       *user);
/* "checklist", "safety" or "questions". */
/* "checklist", "safety" or "questions": the part on screen. */
const char *ldn_side_effects_page_get_view (LdnSideEffectsPage *self);
void ldn_side_effects_page_show_view (LdnSideEffectsPage *self,
                                      const char         *name);

G_END_DECLS

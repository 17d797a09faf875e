/* ldn-prepare-page.h
 *
 * "Prepare for Your Visit": the steps from learning to the printed
 * sheet, each with its state, and the decision aid's own steps (my
 * situation and safety, what matters to me, understanding an off-label
 * medicine, where I stand). Opened first on the first run, and from the
 * main menu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "content/ldn-content-store.h"
#include "user/ldn-user-store.h"

G_BEGIN_DECLS

#define LDN_TYPE_PREPARE_PAGE (ldn_prepare_page_get_type ())

G_DECLARE_FINAL_TYPE (LdnPreparePage, ldn_prepare_page, LDN, PREPARE_PAGE, AdwBin)

/* SETTINGS (nullable) tell whether the guide was opened ("learn-page"). */
void        ldn_prepare_page_load      (LdnPreparePage  *self,
                                        LdnContentStore *content,
                                        const GError    *error,
                                        LdnUserStore    *user,
                                        GSettings       *settings);
/* "overview", "situation", "safety", "values", "consent" or "stance". */
const char *ldn_prepare_page_get_step  (LdnPreparePage  *self);
void        ldn_prepare_page_show_step (LdnPreparePage  *self,
                                        const char      *step);
/* Reads the store again: each step's state and every answer. */
void        ldn_prepare_page_reload    (LdnPreparePage  *self);

G_END_DECLS

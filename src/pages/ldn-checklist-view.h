/* ldn-checklist-view.h
 *
 * Warning signs that need urgent care, then the side-effect checklist:
 * for each side effect in the content, noticed or not, severity, since
 * when, and a note; then any other side effects in the person's words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "content/ldn-content-store.h"
#include "user/ldn-user-store.h"

G_BEGIN_DECLS

#define LDN_TYPE_CHECKLIST_VIEW (ldn_checklist_view_get_type ())

G_DECLARE_FINAL_TYPE (LdnChecklistView, ldn_checklist_view, LDN, CHECKLIST_VIEW, AdwBin)

GtkWidget *ldn_checklist_view_new    (LdnContentStore *content,
                                      LdnUserStore    *user);
/* Reads every answer from the store again, e.g. after an import. */
void       ldn_checklist_view_reload (LdnChecklistView *self);

G_END_DECLS

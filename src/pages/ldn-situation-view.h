/* ldn-situation-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "content/ldn-content-store.h"
#include "user/ldn-user-store.h"

G_BEGIN_DECLS

#define LDN_TYPE_SITUATION_VIEW (ldn_situation_view_get_type ())

G_DECLARE_FINAL_TYPE (LdnSituationView, ldn_situation_view, LDN, SITUATION_VIEW, AdwBin)

GtkWidget *ldn_situation_view_new    (LdnContentStore *content,
                                 LdnUserStore    *user);
/* Shows the store's answers again, e.g. after an import. */
void       ldn_situation_view_reload (LdnSituationView     *self);
/* Shows the safety questions beside "My Situation". */
void       ldn_situation_view_show_safety (LdnSituationView *self);
void       ldn_situation_view_show_situation (LdnSituationView *self);
gboolean   ldn_situation_view_get_safety_shown (LdnSituationView *self);

G_END_DECLS

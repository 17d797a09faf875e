/* ldn-stance-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "content/ldn-content-store.h"
#include "user/ldn-user-store.h"

G_BEGIN_DECLS

#define LDN_TYPE_STANCE_VIEW (ldn_stance_view_get_type ())

G_DECLARE_FINAL_TYPE (LdnStanceView, ldn_stance_view, LDN, STANCE_VIEW, AdwBin)

GtkWidget *ldn_stance_view_new    (LdnContentStore *content,
                                 LdnUserStore    *user);
/* Shows the store's answers again, e.g. after an import. */
void       ldn_stance_view_reload (LdnStanceView     *self);

G_END_DECLS

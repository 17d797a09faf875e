/* ldn-values-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "content/ldn-content-store.h"
#include "user/ldn-user-store.h"

G_BEGIN_DECLS

#define LDN_TYPE_VALUES_VIEW (ldn_values_view_get_type ())

G_DECLARE_FINAL_TYPE (LdnValuesView, ldn_values_view, LDN, VALUES_VIEW, AdwBin)

GtkWidget *ldn_values_view_new    (LdnContentStore *content,
                                 LdnUserStore    *user);
/* Shows the store's answers again, e.g. after an import. */
void       ldn_values_view_reload (LdnValuesView     *self);

G_END_DECLS

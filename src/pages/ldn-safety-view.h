/* ldn-safety-view.h
 *
 * "Before you talk to your doctor": each safety question from the
 * content, answered yes, no or not sure. A yes or not-sure shows why it
 * matters and becomes a flag on the discussion sheet; opioids come first
 * and stand out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "content/ldn-content-store.h"
#include "user/ldn-user-store.h"

G_BEGIN_DECLS

#define LDN_TYPE_SAFETY_VIEW (ldn_safety_view_get_type ())

G_DECLARE_FINAL_TYPE (LdnSafetyView, ldn_safety_view, LDN, SAFETY_VIEW, AdwBin)

GtkWidget *ldn_safety_view_new    (LdnContentStore *content,
                                   LdnUserStore    *user);
void       ldn_safety_view_reload (LdnSafetyView   *self);

G_END_DECLS

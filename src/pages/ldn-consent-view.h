/* ldn-consent-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "content/ldn-content-store.h"
#include "user/ldn-user-store.h"

G_BEGIN_DECLS

#define LDN_TYPE_CONSENT_VIEW (ldn_consent_view_get_type ())

G_DECLARE_FINAL_TYPE (LdnConsentView, ldn_consent_view, LDN, CONSENT_VIEW, AdwBin)

GtkWidget *ldn_consent_view_new    (LdnContentStore *content,
                                 LdnUserStore    *user);
/* Shows the store's answers again, e.g. after an import. */
void       ldn_consent_view_reload (LdnConsentView     *self);

G_END_DECLS

/* ldn-timeline-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "content/ldn-content-store.h"
#include "user/ldn-user-store.h"

G_BEGIN_DECLS

#define LDN_TYPE_TIMELINE_PAGE (ldn_timeline_page_get_type ())

G_DECLARE_FINAL_TYPE (LdnTimelinePage, ldn_timeline_page, LDN, TIMELINE_PAGE, AdwBin)

/* STORE NULL shows ERROR instead of the chart. USER, when given, offers
 * the plan entered in its Diary ("My Plan") and follows its changes. */
void        ldn_timeline_page_load         (LdnTimelinePage *self,
                                            LdnContentStore *store,
                                            const GError    *error,
                                            GSettings       *settings,
                                            LdnUserStore    *user);
const char *ldn_timeline_page_get_headline (LdnTimelinePage *self);
const char *ldn_timeline_page_get_summary  (LdnTimelinePage *self);
const char *ldn_timeline_page_get_readout  (LdnTimelinePage *self);
gboolean    ldn_timeline_page_get_playing  (LdnTimelinePage *self);

G_END_DECLS

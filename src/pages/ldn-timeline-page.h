/* ldn-timeline-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LDN_TYPE_TIMELINE_PAGE (ldn_timeline_page_get_type ())

G_DECLARE_FINAL_TYPE (LdnTimelinePage, ldn_timeline_page, LDN, TIMELINE_PAGE, AdwBin)

G_END_DECLS

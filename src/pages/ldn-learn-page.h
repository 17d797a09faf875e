/* ldn-learn-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LDN_TYPE_LEARN_PAGE (ldn_learn_page_get_type ())

G_DECLARE_FINAL_TYPE (LdnLearnPage, ldn_learn_page, LDN, LEARN_PAGE, AdwBin)

G_END_DECLS

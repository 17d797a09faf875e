/* ldn-diary-page.h
 *
 * The diary section: up to three things the person follows on a 0-10
 * scale, a start date and the plan as prescribed (typed by them, no
 * presets), check-ins for a date (ratings, side effects noticed that
 * day, dose taken or missed, a note), the list of entries with edit and
 * delete (undone from the toast), and what the record allows to say
 * ("too little baseline to compare"). Thin over ldn-diary-store.h;
 * never judges whether a medicine works.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "content/ldn-content-store.h"
#include "user/ldn-user-store.h"

G_BEGIN_DECLS

#define LDN_TYPE_DIARY_PAGE (ldn_diary_page_get_type ())

G_DECLARE_FINAL_TYPE (LdnDiaryPage, ldn_diary_page, LDN, DIARY_PAGE, AdwBin)

/* CONTENT NULL: the suggestions and side effects are missing, and ERROR
 * says why; the diary itself still works. */
void ldn_diary_page_load   (LdnDiaryPage    *self,
                            LdnContentStore *content,
                            const GError    *error,
                            LdnUserStore    *user);
/* Reads the store again (also done on its "changed" and "reset"). */
void ldn_diary_page_reload (LdnDiaryPage    *self);

G_END_DECLS

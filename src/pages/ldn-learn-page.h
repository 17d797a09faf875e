/* ldn-learn-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "content/ldn-content-store.h"
#include "user/ldn-teach-back-recorder.h"

G_BEGIN_DECLS

#define LDN_TYPE_LEARN_PAGE (ldn_learn_page_get_type ())

G_DECLARE_FINAL_TYPE (LdnLearnPage, ldn_learn_page, LDN, LEARN_PAGE, AdwBin)

/* STORE NULL shows ERROR instead of the guide. */
void        ldn_learn_page_load               (LdnLearnPage         *self,
                                               LdnContentStore      *store,
                                               const GError         *error,
                                               LdnTeachBackRecorder *recorder,
                                               GSettings            *settings);
const char *ldn_learn_page_get_current_page   (LdnLearnPage         *self);
guint       ldn_learn_page_get_n_pages        (LdnLearnPage         *self);
gboolean    ldn_learn_page_show_page          (LdnLearnPage         *self,
                                               const char           *page_id,
                                               guint                 block_position);
void        ldn_learn_page_start_search       (LdnLearnPage         *self);
/* A printable key without Ctrl, Alt or Super starts a search with its
 * character; returns whether the key was used. */
gboolean    ldn_learn_page_type_to_search     (LdnLearnPage         *self,
                                               guint                 keyval,
                                               GdkModifierType       state);
/* Rebuilds the pages from the store, e.g. after the person's answers
 * were imported or deleted. */
void        ldn_learn_page_reload             (LdnLearnPage         *self);
const char *ldn_learn_page_get_progress_text  (LdnLearnPage         *self);
GtkWidget  *ldn_learn_page_get_highlighted_block (LdnLearnPage      *self);

G_END_DECLS

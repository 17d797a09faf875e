/* ldn-questions-view.h
 *
 * The person's questions for the doctor: suggested ones from the content
 * (including "Ask 3 Questions") added with one click, their own, in the
 * order they choose; and a note on what matters to them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "content/ldn-content-store.h"
#include "user/ldn-user-store.h"

G_BEGIN_DECLS

#define LDN_TYPE_QUESTIONS_VIEW (ldn_questions_view_get_type ())

G_DECLARE_FINAL_TYPE (LdnQuestionsView, ldn_questions_view, LDN, QUESTIONS_VIEW, AdwBin)

GtkWidget *ldn_questions_view_new    (LdnContentStore  *content,
                                      LdnUserStore     *user);
void       ldn_questions_view_reload (LdnQuestionsView *self);
/* A question typed but not added yet, or NULL. */
const char *ldn_questions_view_get_draft (LdnQuestionsView *self);

G_END_DECLS

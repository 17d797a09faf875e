/* ldn-choice-group.h
 *
 * One answer out of a few, as a radio group a screen reader announces
 * with its question: toggle buttons side by side for short answers
 * (Yes / No, 0 to 4), radio buttons one under another for sentences.
 * Nothing chosen is a state of its own. "changed" is emitted only when
 * the person picks an answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LDN_TYPE_CHOICE_GROUP (ldn_choice_group_get_type ())

G_DECLARE_FINAL_TYPE (LdnChoiceGroup, ldn_choice_group, LDN, CHOICE_GROUP, GtkBox)

/* QUESTION names the group; each button is named "LABEL: QUESTION". */
GtkWidget *ldn_choice_group_new        (const char         *question,
                                        const char * const *labels,
                                        gboolean            sentences);
/* -1 for none; emits nothing. */
void       ldn_choice_group_set_active (LdnChoiceGroup     *self,
                                        int                 index);
int        ldn_choice_group_get_active (LdnChoiceGroup     *self);

G_END_DECLS

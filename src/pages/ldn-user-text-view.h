/* ldn-user-text-view.h
 *
 * A multi-line text box for the person's notes that saves each change
 * at once and, when the store refuses a text (too long, not UTF-8,
 * read-only, busy), keeps what was typed, says why above the box, and
 * keeps that text over reloads until it is saved. It scrolls past a
 * few lines, so a huge paste never hides the message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LDN_TYPE_USER_TEXT_VIEW (ldn_user_text_view_get_type ())

G_DECLARE_FINAL_TYPE (LdnUserTextView, ldn_user_text_view, LDN, USER_TEXT_VIEW, GtkWidget)

/* SAVE stores the text; FALSE with ERROR set when it was refused. */
typedef gboolean (*LdnSaveText) (const char *text,
                                 gpointer    user_data,
                                 GError    **error);

GtkWidget  *ldn_user_text_view_new      (const char     *accessible_label,
                                         LdnSaveText     save,
                                         gpointer        user_data,
                                         GDestroyNotify  destroy);
void        ldn_user_text_view_set_text (LdnUserTextView *self,
                                         const char      *text);
char       *ldn_user_text_view_dup_text (LdnUserTextView *self);
const char *ldn_user_text_view_get_error (LdnUserTextView *self);
/* TRUE while the box holds text that the store refused. */
gboolean    ldn_user_text_view_has_unsaved_text (LdnUserTextView *self);
/* The field's name, as given to ldn_user_text_view_new(). */
const char *ldn_user_text_view_get_label (LdnUserTextView *self);

G_END_DECLS

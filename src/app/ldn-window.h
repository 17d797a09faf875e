/* ldn-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ldn-application.h"
#include "pages/ldn-diary-page.h"
#include "pages/ldn-learn-page.h"
#include "pages/ldn-prepare-page.h"
#include "pages/ldn-sheet-page.h"
#include "pages/ldn-side-effects-page.h"
#include "pages/ldn-timeline-page.h"

G_BEGIN_DECLS

#define LDN_TYPE_WINDOW (ldn_window_get_type ())

G_DECLARE_FINAL_TYPE (LdnWindow, ldn_window, LDN, WINDOW, AdwApplicationWindow)

LdnWindow  *ldn_window_new                    (LdnApplication *application);
const char *ldn_window_get_visible_section    (LdnWindow      *self);
gboolean    ldn_window_get_switcher_at_bottom (LdnWindow      *self);
/* The help page (its Mallard id) about what is on screen. */
const char *ldn_window_get_help_page          (LdnWindow      *self);
LdnLearnPage *ldn_window_get_learn_page       (LdnWindow      *self);
LdnTimelinePage *ldn_window_get_timeline_page (LdnWindow      *self);
LdnSideEffectsPage *ldn_window_get_side_effects_page (LdnWindow *self);
LdnDiaryPage       *ldn_window_get_diary_page        (LdnWindow *self);
/* The "Close Without Saving?" question while it is asked, else NULL
 * (borrowed; answer it with ldn_compat_confirm_respond). */
GtkWidget          *ldn_window_get_close_dialog      (LdnWindow *self);
LdnSheetPage *ldn_window_get_sheet_page       (LdnWindow      *self);
LdnPreparePage *ldn_window_get_prepare_page   (LdnWindow      *self);
void        ldn_window_add_toast              (LdnWindow      *self,
                                               const char     *message);
/* Shows TOAST (taken) the one way toasts are shown. */
void        ldn_window_show_toast             (LdnWindow      *self,
                                               AdwToast       *toast);

G_END_DECLS

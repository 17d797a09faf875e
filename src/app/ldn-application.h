/* ldn-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LDN_TYPE_APPLICATION (ldn_application_get_type ())

G_DECLARE_FINAL_TYPE (LdnApplication, ldn_application, LDN, APPLICATION, AdwApplication)

#include "content/ldn-content-store.h"
#include "user/ldn-teach-back-recorder.h"
#include "user/ldn-user-store.h"

/* Binds the app's translations; LDN_GUIDE_LOCALEDIR points an uninstalled
 * build (meson devenv, the tests) at the catalogs in the build folder. */
void                  ldn_application_bind_translations       (void);
LdnApplication       *ldn_application_new                     (void);
/* Opened on first use; NULL with ERROR set when the content is unusable. */
LdnContentStore      *ldn_application_get_content_store       (LdnApplication *self,
                                                               GError        **error);
LdnTeachBackRecorder *ldn_application_get_teach_back_recorder (LdnApplication *self);
/* Opened on first use; never NULL (see ldn_user_store_open()). */
LdnUserStore         *ldn_application_get_user_store          (LdnApplication *self);
/* Asks before importing FILE (it replaces everything), then imports it.
 * Returns the question (borrowed; see ldn_compat_confirm_full()). */
GtkWidget            *ldn_application_confirm_import          (LdnApplication *self,
                                                               GFile          *file);

G_END_DECLS

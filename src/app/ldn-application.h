/* ldn-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LDN_TYPE_APPLICATION (ldn_application_get_type ())

G_DECLARE_FINAL_TYPE (LdnApplication, ldn_application, LDN, APPLICATION, AdwApplication)

LdnApplication *ldn_application_new (void);

G_END_DECLS

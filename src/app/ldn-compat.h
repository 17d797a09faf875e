/* ldn-compat.h
 *
 * The few pieces whose best API depends on the GTK and libadwaita we run
 * on: Debian 12 has GTK 4.8 and libadwaita 1.2, a current GNOME runtime
 * has newer dialogs. Everything version-dependent stays in this unit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void ldn_compat_show_about (GtkWindow  *parent);
void ldn_compat_show_help  (GtkWindow  *parent,
                            const char *page);
char *ldn_compat_help_uri  (const char *page);

G_END_DECLS

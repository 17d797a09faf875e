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

/* The widget's text colour, and a named colour from the style sheet
 * ("accent_color"): libadwaita 1.2 has no other way to read them. */
void     ldn_compat_widget_color (GtkWidget  *widget,
                                  GdkRGBA    *color);
gboolean ldn_compat_lookup_color (GtkWidget  *widget,
                                  const char *name,
                                  GdkRGBA    *color);

/* Asks where to save; CALLBACK gets the chosen file, or NULL if cancelled. */
typedef void (*LdnCompatFileCallback) (GFile    *file,
                                       gpointer  user_data);

void ldn_compat_save_file (GtkWindow             *parent,
                           const char            *title,
                           const char            *suggested_name,
                           LdnCompatFileCallback  callback,
                           gpointer               user_data);

void ldn_compat_open_file (GtkWindow             *parent,
                           const char            *title,
                           LdnCompatFileCallback  callback,
                           gpointer               user_data);

/* Asks a yes/no question; CALLBACK gets TRUE when the person confirms. */
typedef void (*LdnCompatConfirmCallback) (gboolean confirmed,
                                          gpointer user_data);

void ldn_compat_confirm (GtkWindow                *parent,
                         const char               *heading,
                         const char               *body,
                         const char               *confirm_label,
                         LdnCompatConfirmCallback  callback,
                         gpointer                  user_data);

/* Tells a screen reader MESSAGE about a change that did not move focus
 * (a page turned, a file saved). GTK 4.14 and later announce it; on older
 * GTK the widget that has focus in WIDGET's window briefly carries it as
 * its accessible description, which Orca speaks, until focus leaves it. */
void ldn_compat_announce (GtkWidget  *widget,
                          const char *message);

G_END_DECLS

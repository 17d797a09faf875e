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

/* Asks which file to open; FILTER (may be NULL) is the kind of file
 * offered first. */
void ldn_compat_open_file (GtkWindow             *parent,
                           const char            *title,
                           GtkFileFilter         *filter,
                           LdnCompatFileCallback  callback,
                           gpointer               user_data);

/* Opens FILE in the app the desktop uses for it. */
void ldn_compat_launch_file (GtkWindow *parent,
                             GFile     *file);

/* Asks a yes/no question; CALLBACK gets TRUE when the person confirms. */
typedef void (*LdnCompatConfirmCallback) (gboolean confirmed,
                                          gpointer user_data);

void ldn_compat_confirm (GtkWindow                *parent,
                         const char               *heading,
                         const char               *body,
                         const char               *confirm_label,
                         LdnCompatConfirmCallback  callback,
                         gpointer                  user_data);

/* The same with the words of both buttons; returns the dialog (borrowed:
 * it goes when answered), an AdwAlertDialog on libadwaita 1.5 and later
 * (AdwMessageDialog there mis-measures its labels) and an
 * AdwMessageDialog before. */
GtkWidget *ldn_compat_confirm_full (GtkWindow                *parent,
                                    const char               *heading,
                                    const char               *body,
                                    const char               *cancel_label,
                                    const char               *confirm_label,
                                    LdnCompatConfirmCallback  callback,
                                    gpointer                  user_data);

/* For tests and automation: what a dialog made by ldn_compat_confirm_full
 * says, and answering it as the person would ("cancel" or "confirm"). */
const char *ldn_compat_confirm_get_body (GtkWidget  *dialog);
void        ldn_compat_confirm_respond  (GtkWidget  *dialog,
                                         const char *response);

/* Sets the name a screen reader says for BUTTON (any GtkButton, toggle
 * buttons included), and keeps it when the button's label changes.
 * GTK 4.18 and later give a button with a label a "labelled by" relation
 * to that label, which wins over the accessible label: "3" instead of
 * "3 mg", "Yes" instead of "Yes: Do you take any opioid medicine…". */
void ldn_compat_button_set_accessible_label  (GtkWidget  *button,
                                              const char *label);
/* The same for a button whose accessible label a .ui file set. */
void ldn_compat_button_keep_accessible_label (GtkWidget  *button);
/* keep_accessible_label() for the buttons under ROOT whose .ui ids are
 * in IDS (NULL-terminated): those a template gives an accessible label.
 * Only those: GTK 4.24 names a button with no accessible label by that
 * very relation, and without it the button would have no name. */
void ldn_compat_keep_accessible_labels       (GtkWidget          *root,
                                              const char * const *ids);

/* Names the list of a preferences group that has no title: libadwaita
 * 1.2 does not name that list, newer ones name it by the group's title,
 * so without a title screen readers meet an unnamed list. */
void ldn_compat_preferences_group_set_accessible_label (GtkWidget  *group,
                                                        const char *label);

/* Names the pages of STACK for screen readers, now and as pages are
 * added: GTK 4.8 names an unnamed GtkStackPage by its class, and Orca
 * says "GtkStackPage panel" as focus enters it. A titled page is named
 * by its title; an untitled one by UNTITLED (a short context such as
 * "Prepare for Your Visit"), or left unnamed if UNTITLED is NULL. Newer
 * GTK reads no class names: there this does nothing. */
void ldn_compat_name_stack_pages (GtkStack   *stack,
                                  const char *untitled);

/* A selectable LABEL in the reading mode is not announced as opening a
 * popup. GTK 4.10+ marks a selectable label as having one (its Copy
 * menu), and Orca 48 said "opens popup" after every paragraph. The menu
 * itself stays (Menu key, Shift+F10). */
void ldn_compat_label_quiet_menu (GtkWidget *label);

/* Attaches LABEL, the first cell of a table row, to GRID at column 0 of
 * ROW, as the row's one stop for the keyboard and a screen reader, which
 * says TEXT (the whole row) when it takes focus. GTK 4.8 gives Orca a
 * focused label's accessible name, so there LABEL itself takes focus,
 * named TEXT. Orca 48 and later (GTK 4.10+) read a focused label's own
 * text and a focused container by its children's: there an empty
 * LdnReadingStop, a table cell named TEXT, lies over LABEL and takes
 * the focus. */
void ldn_compat_attach_table_row_head (GtkGrid    *grid,
                                      GtkWidget  *label,
                                      int         row,
                                      const char *text);

/* Names a drop-down LABEL ("Severity: …: Mild"). On GTK 4.8 focus goes to
 * BUTTON, the toggle button inside it; on newer GTK to the drop-down,
 * which libadwaita 1.6+ labels by the title of the row it sits in, a
 * relation that wins over the accessible label: there it is dropped and
 * the drop-down named LABEL. */
void ldn_compat_drop_down_set_accessible_label (GtkWidget  *drop_down,
                                                GtkWidget  *button,
                                                const char *label);

/* Tells a screen reader MESSAGE about a change that did not move focus
 * (a page turned, a file saved). GTK 4.14 and later announce it; on older
 * GTK the widget that has focus in WIDGET's window briefly carries it as
 * its accessible description, which Orca speaks, until focus leaves it. */
void ldn_compat_announce (GtkWidget  *widget,
                          const char *message);

G_END_DECLS

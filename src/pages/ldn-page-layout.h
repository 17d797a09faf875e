/* ldn-page-layout.h
 *
 * The two pieces every reading page is made of: a scrolling, clamped
 * column with the app's margins, and a wrapping left-aligned label.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Fills SCROLLER with a column at most MAX_WIDTH wide; returns the column. */
GtkWidget *ldn_reading_column_new (GtkWidget  *scroller,
                                   int         max_width);
GtkWidget *ldn_wrapped_label_new  (const char *text,
                                   const char *css_class);
/* For the guide's own sentences, which have no unbroken string longer
 * than LDN_CONTENT_MAX_WORD (test-content-quality checks): wrapping only
 * at word boundaries measures much faster than also allowing a break
 * inside a word, which user text, addresses and errors need. */
GtkWidget *ldn_prose_label_new    (const char *text,
                                   const char *css_class);

/* Reading mode: GTK 4.8 gives a screen reader no flat review or say-all,
 * so focus is the only way into text. Makes every label under ROOT that
 * is not already part of a control (a button, a check button, an
 * activatable row, a labelled field) take focus in reading order and be
 * spoken as its text; labels styled as titles become headings with a
 * level (title-1 is 1, title-2 is 2, title-3/title-4 are 3, heading 4);
 * toggle buttons made with the radio role keep their checked state
 * (ldn_page_track_choice ()).
 * Call it on a freshly built subtree, before it is shown. */
void       ldn_page_make_readable (GtkWidget  *root);
/* Keeps WIDGET out of ldn_page_make_readable (), e.g. a table cell whose
 * row is read as one. */
void       ldn_page_skip_reading  (GtkWidget  *widget);
/* For a toggle button that is one choice of several and was made with
 * the radio role ("accessible-role" at construction): keeps its checked
 * state for screen readers, which GTK 4.8 does not do for toggle buttons. */
void       ldn_page_track_choice  (GtkToggleButton *button);
/* GTK 4.8 gives a drop-down's button (which takes focus) no name and
 * never speaks the chosen value: names it "NAME: value", kept up to date. */
void       ldn_page_name_drop_down (GtkDropDown *drop_down,
                                    const char  *name);
/* The same for an AdwComboRow (which is a row, not a drop-down): its
 * accessible name becomes "Title: value", kept up to date. */
void       ldn_page_name_combo_row (AdwComboRow *row);
/* An AdwActionRow given its own accessible name and description: drops
 * the "labelled by" title and "described by" subtitle relations, which
 * GTK 4.8 adds to the name and description ("Title Title"). */
void       ldn_page_name_row_once  (GtkWidget   *row);
/* GTK 4.8 names a button by its child too: an icon's image has only its
 * class name ("GtkImage Search push button"), a label doubles the name
 * ("Add Question Add question Add Question"). Under ROOT, a button with an
 * icon or with an accessible label of its own is read by that label only. */
void       ldn_page_fix_button_names (GtkWidget *root);
/* libadwaita 1.2 does not tell a screen reader that an expander row
 * opened or closed: keeps the expanded state on its header, which takes
 * focus, so "expanded" / "collapsed" is spoken. */
void       ldn_page_track_expander   (GtkWidget *expander_row);
/* Lists that libadwaita makes inside a preferences group or an expander
 * row have no name, and GTK 4.8 then gives their class name ("GtkListBox").
 * Names every list under ROOT that has no name of its own NAME. */
void       ldn_page_name_lists       (GtkWidget  *root,
                                      const char *name);
/* The first widget of TYPE under ROOT (depth first), or NULL. */
GtkWidget *ldn_page_first_of_type    (GtkWidget  *root,
                                      GType       type);

G_END_DECLS

/* ldn-test-ui.h: what the display tests share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "app/ldn-application.h"

G_BEGIN_DECLS

/* Sets up GTest, an empty private data file, and a registered app. */
LdnApplication *ldn_test_ui_init        (int        *argc,
                                         char     ***argv);
/* Runs the main loop until DONE is true (at most 15 s; fails after). */
void            ldn_test_iterate_until  (gboolean  (*done) (gpointer),
                                         gpointer    data);
void            ldn_test_wait_mapped    (GtkWidget  *widget);
/* Closes WINDOW and waits until it is finalized. */
void            ldn_test_close_window   (GtkWindow  *window);
/* Every descendant of WIDGET of TYPE, depth first. */
void            ldn_test_collect        (GtkWidget  *widget,
                                         GType       type,
                                         GPtrArray  *found);
/* The INDEX-th descendant of TYPE; fails the test if there is none. */
gpointer        ldn_test_nth            (GtkWidget  *widget,
                                         GType       type,
                                         guint       index);

G_END_DECLS

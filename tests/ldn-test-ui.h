/* ldn-test-ui.h: what the display tests share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "app/ldn-application.h"
#include "app/ldn-window.h"

G_BEGIN_DECLS

/* Sets up GTest, an empty private data file, and a registered app. */
LdnApplication *ldn_test_ui_init        (int        *argc,
                                         char     ***argv);
/* Every key of the app's settings back to its default. */
void            ldn_test_reset_settings (void);
/* Like g_test_add_func(), with the settings reset before the case, so
 * no case depends on what an earlier one left. */
void            ldn_test_add_func       (const char  *path,
                                         GTestFunc    func);
/* Runs the main loop until DONE is true (at most 15 s; fails after). */
void            ldn_test_iterate_until  (gboolean  (*done) (gpointer),
                                         gpointer    data);
void            ldn_test_wait_mapped    (GtkWidget  *widget);
/* A new window of APP, presented and mapped; WIDTH x HEIGHT as its
 * default size unless they are 0. */
LdnWindow      *ldn_test_open_window    (LdnApplication *app,
                                         int             width,
                                         int             height);
/* Closes WINDOW and waits until it is finalized. */
void            ldn_test_close_window   (GtkWindow  *window);
/* Every descendant of WIDGET of TYPE, depth first. */
void            ldn_test_collect        (GtkWidget  *widget,
                                         GType       type,
                                         GPtrArray  *found);
/* The INDEX-th descendant of TYPE; fails the case (and returns NULL)
 * if there is none. */
gpointer        ldn_test_nth            (GtkWidget  *widget,
                                         GType       type,
                                         guint       index);

/* The one widget of TYPE under ROOT whose accessible name is NAME;
 * aborts the test if there is none or more than one. */
gboolean        ldn_test_has_name       (GtkWidget  *widget,
                                         const char *name);
gpointer        ldn_test_named          (GtkWidget  *root,
                                         GType       type,
                                         const char *name);

G_END_DECLS

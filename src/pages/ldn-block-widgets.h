/* ldn-block-widgets.h
 *
 * Turns content blocks into widgets for the guided pages: text, key
 * points, tables, "what we don't know" boxes, teach-back questions, and
 * the source markers under each of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "content/ldn-content-store.h"
#include "user/ldn-teach-back-recorder.h"

G_BEGIN_DECLS

GtkWidget *ldn_block_widget_new       (LdnContentStore      *store,
                                       LdnTeachBackRecorder *recorder,
                                       const LdnBlock       *block);
GtkWidget *ldn_source_markers_new     (LdnContentStore      *store,
                                       const char * const   *source_ids);
GtkWidget *ldn_source_entry_new       (const LdnSource      *source);
const char *ldn_source_kind_to_words  (const char           *kind);

G_END_DECLS

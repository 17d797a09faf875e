/* ldn-collapsing-bin.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LDN_TYPE_COLLAPSING_BIN (ldn_collapsing_bin_get_type ())

G_DECLARE_FINAL_TYPE (LdnCollapsingBin, ldn_collapsing_bin, LDN, COLLAPSING_BIN, GtkWidget)

GtkWidget *ldn_collapsing_bin_new           (void);
GtkWidget *ldn_collapsing_bin_get_child     (LdnCollapsingBin *self);
void       ldn_collapsing_bin_set_child     (LdnCollapsingBin *self,
                                             GtkWidget        *child);
gboolean   ldn_collapsing_bin_get_collapsed (LdnCollapsingBin *self);

G_END_DECLS

/* ldn-xdg.h
 *
 * Where the XDG base directory spec puts user data, without the current
 * folder ever standing in for it: the spec says relative paths in
 * $XDG_DATA_HOME are invalid and must be ignored, and an empty or
 * relative $HOME is no home either (GLib would use both as given).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* $XDG_DATA_HOME when absolute, else $HOME/.local/share when $HOME is
 * absolute, else the home folder in the user database + /.local/share.
 * NULL with ERROR set when there is no absolute place at all. */
char *ldn_xdg_dup_data_home (GError **error);

G_END_DECLS

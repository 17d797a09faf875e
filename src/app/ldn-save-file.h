/* ldn-save-file.h
 *
 * "Choose a file, write it, say where it went", once for every file the
 * window saves (the sheet as PDF, the person's data as JSON). Writing
 * is the caller's function: the one place to switch to the atomic file
 * writers of src/export/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Writes FILE; FALSE with ERROR set when nothing (usable) was written. */
typedef gboolean (*LdnWriteFileFunc) (GFile     *file,
                                      gpointer   data,
                                      GError   **error);

/* Asks where to save, calls WRITE, and says in a toast where the file
 * went or why it was not saved. DESTROY frees DATA afterwards. */
void ldn_save_file (GtkWindow        *parent,
                    const char       *title,
                    const char       *suggested_name,
                    LdnWriteFileFunc  write,
                    gpointer          data,
                    GDestroyNotify    destroy);

/* The toast after a file was saved: its name (not the whole path) and an
 * Open button. */
void ldn_save_file_report_saved (GtkWindow *parent,
                                 GFile     *file);

G_END_DECLS

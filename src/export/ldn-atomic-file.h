/* ldn-atomic-file.h
 *
 * Every file LDN Guide writes goes through here: the bytes go to a
 * temporary file in the target's own folder, every write, the flush, the
 * fsync and the close are checked, and only then is the temporary file
 * renamed over the target. On any failure the temporary file is removed,
 * an earlier file of that name is left exactly as it was, and the GError
 * says what a person can do about it ("The disk is full…", "No
 * permission to write in…").
 *
 * Decisions:
 * - A symbolic link at the target is refused (LDN_EXPORT_ERROR_SYMLINK),
 *   never written through. rename() replaces a directory entry, so even a
 *   link that appears between the check and the rename is replaced, not
 *   followed.
 * - Every file is created with mode 0600 (owner only): the PDF sheet, the
 *   JSON data and print-to-file hold health data, and the occupancy CSV
 *   names the person's dose, so it gets 0600 as well.
 * - Local files only get all of the above. A GFile without a local path
 *   (e.g. a GVfs location) falls back to g_file_replace() with
 *   G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION: how atomic
 *   that is depends on the backend.
 *
 * No GTK here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LDN_EXPORT_ERROR (ldn_export_error_quark ())

typedef enum {
  LDN_EXPORT_ERROR_FAILED,
  LDN_EXPORT_ERROR_NO_SPACE,     /* the disk or quota is full */
  LDN_EXPORT_ERROR_PERMISSION,   /* the folder or file cannot be written */
  LDN_EXPORT_ERROR_NO_FOLDER,    /* the target's folder does not exist */
  LDN_EXPORT_ERROR_SYMLINK,      /* the target is a symbolic link */
  LDN_EXPORT_ERROR_NOT_A_FILE,   /* the target is a folder or a special file */
  LDN_EXPORT_ERROR_TOO_BIG,      /* an import file over the size cap */
  LDN_EXPORT_ERROR_NO_CONTENT,   /* the guide's content is needed and missing */
} LdnExportError;

GQuark ldn_export_error_quark (void);

typedef struct _LdnAtomicFile LdnAtomicFile;

/* Starts writing TARGET: creates the temporary file next to it. Fails at
 * once, with nothing created, for a link, a folder or a missing folder. */
LdnAtomicFile *ldn_atomic_file_new        (GFile          *target,
                                           GCancellable   *cancellable,
                                           GError        **error);
/* Where to write the contents (borrowed). A write error from it can be
 * passed to ldn_atomic_file_fail(). */
GOutputStream *ldn_atomic_file_get_stream (LdnAtomicFile  *self);
GFile         *ldn_atomic_file_get_target (LdnAtomicFile  *self);
/* Flushes, syncs, closes and renames over the target. On failure the
 * temporary file is gone and the target untouched. Frees SELF either way. */
gboolean       ldn_atomic_file_commit     (LdnAtomicFile  *self,
                                           GCancellable   *cancellable,
                                           GError        **error);
/* Gives up: removes the temporary file and frees SELF. CAUSE (may be
 * NULL) is explained in terms of the target into ERROR; returns FALSE so
 * callers can `return ldn_atomic_file_fail (file, cause, error);`. */
gboolean       ldn_atomic_file_fail       (LdnAtomicFile  *self,
                                           const GError   *cause,
                                           GError        **error);
/* Same as fail without an error to report. */
void           ldn_atomic_file_discard    (LdnAtomicFile  *self);

/* The whole thing in one call, for contents already in memory. */
gboolean       ldn_atomic_file_set_contents (GFile        *target,
                                             const char   *data,
                                             gsize         length,
                                             GCancellable *cancellable,
                                             GError      **error);

/* An error from writing TARGET (a GIOError or errno-based one) as a
 * message a person can act on; used by the functions above. */
void           ldn_export_set_write_error (GError        **error,
                                           GFile          *target,
                                           const GError   *cause);

/* No g_autoptr: commit, fail and discard each free SELF. */

G_END_DECLS

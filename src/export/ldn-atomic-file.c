/* ldn-atomic-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ldn-atomic-file.h"

G_DEFINE_QUARK (ldn-export-error-quark, ldn_export_error)

#define FILE_MODE 0600

struct _LdnAtomicFile
{
  GFile         *target;
  GOutputStream *stream;
  /* Local files: */
  char          *path;
  char          *temp_path;
  int            fd;
  /* Other GFiles: the stream is a GFileOutputStream from g_file_replace. */
  GCancellable  *remote_cancel;
};

static char *
display_name (GFile *file)
{
  return g_file_get_parse_name (file);
}

static char *
folder_display_name (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);

  return parent != NULL ? g_file_get_parse_name (parent) : g_file_get_parse_name (file);
}

void
ldn_export_set_write_error (GError      **error,
                            GFile        *target,
                            const GError *cause)
{
  g_autofree char *name = display_name (target);
  g_autofree char *folder = folder_display_name (target);

  if (cause != NULL && cause->domain == LDN_EXPORT_ERROR)
    {
      g_propagate_error (error, g_error_copy (cause));
      return;
    }

  if (cause != NULL && cause->domain == G_IO_ERROR)
    {
      switch (cause->code)
        {
        case G_IO_ERROR_NO_SPACE:
          g_set_error (error, LDN_EXPORT_ERROR, LDN_EXPORT_ERROR_NO_SPACE,
                       _("The disk is full, so %s was not saved. Free some space or choose another place; "
                         "an earlier file of that name was left as it was."), name);
          return;
        case G_IO_ERROR_PERMISSION_DENIED:
        case G_IO_ERROR_READ_ONLY:
          g_set_error (error, LDN_EXPORT_ERROR, LDN_EXPORT_ERROR_PERMISSION,
                       _("No permission to write in %s. Choose another folder."), folder);
          return;
        case G_IO_ERROR_NOT_FOUND:
          g_set_error (error, LDN_EXPORT_ERROR, LDN_EXPORT_ERROR_NO_FOLDER,
                       _("The folder %s does not exist. Choose an existing folder."), folder);
          return;
        case G_IO_ERROR_IS_DIRECTORY:
          g_set_error (error, LDN_EXPORT_ERROR, LDN_EXPORT_ERROR_NOT_A_FILE,
                       _("%s is a folder. Choose a file name."), name);
          return;
        case G_IO_ERROR_CANCELLED:
          g_propagate_error (error, g_error_copy (cause));
          return;
        default:
          break;
        }
    }

  /* Translators: a file could not be written; the file, then the reason. */
  g_set_error (error, LDN_EXPORT_ERROR, LDN_EXPORT_ERROR_FAILED, _("%s was not saved: %s"),
               name, cause != NULL ? cause->message : _("unknown error"));
}

static gboolean
set_errno_error (GError **error,
                 GFile   *target,
                 int      saved_errno)
{
  g_autoptr(GError) cause = g_error_new_literal (G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                                 g_strerror (saved_errno));

  if (saved_errno == EDQUOT)
    cause->code = G_IO_ERROR_NO_SPACE;
  ldn_export_set_write_error (error, target, cause);
  return FALSE;
}

static LdnAtomicFile *
new_remote (GFile        *target,
            GCancellable *cancellable,
            GError      **error)
{
  g_autoptr(GError) cause = NULL;
  GFileOutputStream *stream;
  LdnAtomicFile *self;

  stream = g_file_replace (target, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, &cause);
  if (stream == NULL)
    {
      ldn_export_set_write_error (error, target, cause);
      return NULL;
    }

  self = g_new0 (LdnAtomicFile, 1);
  self->target = g_object_ref (target);
  self->stream = G_OUTPUT_STREAM (stream);
  self->fd = -1;
  self->remote_cancel = g_cancellable_new ();
  return self;
}

LdnAtomicFile *
ldn_atomic_file_new (GFile        *target,
                     GCancellable *cancellable,
                     GError      **error)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *temp_path = NULL;
  LdnAtomicFile *self;
  struct stat st;
  int fd;

  g_return_val_if_fail (G_IS_FILE (target), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  path = g_file_get_path (target);
  if (path == NULL)
    return new_remote (target, cancellable, error);

  if (g_lstat (path, &st) == 0)
    {
      g_autofree char *name = display_name (target);

      if (S_ISLNK (st.st_mode))
        {
          g_set_error (error, LDN_EXPORT_ERROR, LDN_EXPORT_ERROR_SYMLINK,
                       _("%s is a symbolic link. LDN Guide does not write through links: choose another name."),
                       name);
          return NULL;
        }
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, LDN_EXPORT_ERROR, LDN_EXPORT_ERROR_NOT_A_FILE,
                       _("%s is a folder. Choose a file name."), name);
          return NULL;
        }
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, LDN_EXPORT_ERROR, LDN_EXPORT_ERROR_NOT_A_FILE,
                       _("%s is not an ordinary file. Choose another name."), name);
          return NULL;
        }
    }
  else if (errno != ENOENT)
    {
      return set_errno_error (error, target, errno), NULL;
    }

  folder = g_path_get_dirname (path);
  if (g_stat (folder, &st) != 0)
    return set_errno_error (error, target, errno), NULL;
  if (!S_ISDIR (st.st_mode))
    return set_errno_error (error, target, ENOENT), NULL;

  temp_path = g_build_filename (folder, ".ldn-guide-XXXXXX.part", NULL);
  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, FILE_MODE);
  if (fd < 0)
    return set_errno_error (error, target, errno), NULL;

  self = g_new0 (LdnAtomicFile, 1);
  self->target = g_object_ref (target);
  self->path = g_steal_pointer (&path);
  self->temp_path = g_steal_pointer (&temp_path);
  self->fd = fd;
  self->stream = g_unix_output_stream_new (fd, FALSE);
  return self;
}

GOutputStream *
ldn_atomic_file_get_stream (LdnAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->stream;
}

GFile *
ldn_atomic_file_get_target (LdnAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->target;
}

static void
atomic_file_free (LdnAtomicFile *self)
{
  g_clear_object (&self->stream);
  g_clear_object (&self->target);
  g_clear_object (&self->remote_cancel);
  g_free (self->path);
  g_free (self->temp_path);
  g_free (self);
}

void
ldn_atomic_file_discard (LdnAtomicFile *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    {
      g_output_stream_close (self->stream, NULL, NULL);
      close (self->fd);
      g_unlink (self->temp_path);
    }
  else if (self->stream != NULL && !g_output_stream_is_closed (self->stream))
    {
      /* A cancelled close makes GIO drop the replacement. */
      g_cancellable_cancel (self->remote_cancel);
      g_output_stream_close (self->stream, self->remote_cancel, NULL);
    }

  atomic_file_free (self);
}

gboolean
ldn_atomic_file_fail (LdnAtomicFile *self,
                      const GError  *cause,
                      GError       **error)
{
  g_autoptr(GFile) target = g_object_ref (self->target);

  ldn_atomic_file_discard (self);
  ldn_export_set_write_error (error, target, cause);
  return FALSE;
}

static void
sync_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* Best effort: the rename is what matters, and some file systems
   * cannot sync a folder. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

gboolean
ldn_atomic_file_commit (LdnAtomicFile *self,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GError) cause = NULL;
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->fd < 0)
    {
      if (!g_output_stream_close (self->stream, cancellable, &cause))
        return ldn_atomic_file_fail (self, cause, error);
      atomic_file_free (self);
      return TRUE;
    }

  if (!g_output_stream_flush (self->stream, cancellable, &cause) ||
      !g_output_stream_close (self->stream, cancellable, &cause))
    return ldn_atomic_file_fail (self, cause, error);

  if (fsync (self->fd) != 0)
    {
      int saved_errno = errno;
      g_autoptr(GFile) target = g_object_ref (self->target);

      ldn_atomic_file_discard (self);
      return set_errno_error (error, target, saved_errno);
    }

  fd = self->fd;
  self->fd = -1;
  if (close (fd) != 0 || g_rename (self->temp_path, self->path) != 0)
    {
      int saved_errno = errno;
      g_autoptr(GFile) target = g_object_ref (self->target);

      g_unlink (self->temp_path);
      atomic_file_free (self);
      return set_errno_error (error, target, saved_errno);
    }

  sync_folder (self->path);
  atomic_file_free (self);
  return TRUE;
}

gboolean
ldn_atomic_file_set_contents (GFile        *target,
                              const char   *data,
                              gsize         length,
                              GCancellable *cancellable,
                              GError      **error)
{
  g_autoptr(GError) cause = NULL;
  LdnAtomicFile *file;

  g_return_val_if_fail (G_IS_FILE (target), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  file = ldn_atomic_file_new (target, cancellable, error);
  if (file == NULL)
    return FALSE;

  if (!g_output_stream_write_all (file->stream, data, length, NULL, cancellable, &cause))
    return ldn_atomic_file_fail (file, cause, error);

  return ldn_atomic_file_commit (file, cancellable, error);
}

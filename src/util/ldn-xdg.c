/* ldn-xdg.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <pwd.h>
#include <unistd.h>

#include "ldn-xdg.h"

static char *
dup_database_home (void)
{
  struct passwd entry, *found = NULL;
  char buffer[4096];

  if (getpwuid_r (getuid (), &entry, buffer, sizeof buffer, &found) != 0 || found == NULL)
    return NULL;
  return g_strdup (found->pw_dir);
}

char *
ldn_xdg_dup_data_home (GError **error)
{
  const char *data_home = g_getenv ("XDG_DATA_HOME");
  const char *home = g_getenv ("HOME");
  g_autofree char *database_home = NULL;

  if (data_home != NULL && g_path_is_absolute (data_home))
    return g_strdup (data_home);
  if (home != NULL && g_path_is_absolute (home))
    return g_build_filename (home, ".local", "share", NULL);

  database_home = dup_database_home ();
  if (database_home != NULL && g_path_is_absolute (database_home))
    return g_build_filename (database_home, ".local", "share", NULL);

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("LDN Guide cannot find your home folder, so it has nowhere to keep your data: "
                         "set HOME or XDG_DATA_HOME to an absolute path (one that starts with /)."));
  return NULL;
}

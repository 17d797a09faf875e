/* test-export.c: every file LDN Guide writes is written whole or not at
 * all, and a failure says why and leaves an earlier file as it was.
 *
 * The full-disk and read-only cases mount a small tmpfs and so need root
 * (CI runs as root); elsewhere they are skipped with a message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export/ldn-export.h"
#include "ldn-test-tmp.h"

#define OLD_CONTENTS "%PDF-1.5 an earlier, good file\n"

/* Only the target and what the test put there: no temporary file left. */
static void
assert_folder_holds_only (const char *dir,
                          const char *name)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *entry;
  guint n = 0;

  g_assert_nonnull (folder);
  while ((entry = g_dir_read_name (folder)) != NULL)
    {
      if (g_strcmp0 (entry, name) != 0)
        g_error ("unexpected file left in %s: %s", dir, entry);
      n++;
    }
  g_assert_cmpuint (n, ==, name != NULL ? 1 : 0);
}

static void
assert_mode (const char *path,
             guint       mode)
{
  struct stat st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpuint (st.st_mode & 0777, ==, mode);
}

static void
test_writes_new_file_private (void)
{
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-atomic");
  g_autofree char *path = g_build_filename (dir, "data.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (ldn_atomic_file_set_contents (file, "{}", 2, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "{}");
  assert_mode (path, 0600);
  assert_folder_holds_only (dir, "data.json");
}

static void
test_replaces_and_tightens_mode (void)
{
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-atomic");
  g_autofree char *path = g_build_filename (dir, "sheet.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, OLD_CONTENTS, -1, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  g_assert_true (ldn_atomic_file_set_contents (file, "new", 3, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");
  assert_mode (path, 0600);
  assert_folder_holds_only (dir, "sheet.pdf");
}

/* A link at the target is refused: neither the link nor what it points
 * to changes. */
static void
test_refuses_symlink (void)
{
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-atomic");
  g_autofree char *elsewhere = ldn_test_tmp_dir ("ldn-atomic-elsewhere");
  g_autofree char *victim = g_build_filename (elsewhere, "precious", NULL);
  g_autofree char *link = g_build_filename (dir, "sheet.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *target = NULL;

  g_assert_true (g_file_set_contents (victim, OLD_CONTENTS, -1, NULL));
  g_assert_cmpint (symlink (victim, link), ==, 0);

  g_assert_false (ldn_atomic_file_set_contents (file, "new", 3, NULL, &error));
  g_assert_error (error, LDN_EXPORT_ERROR, LDN_EXPORT_ERROR_SYMLINK);
  g_assert_nonnull (strstr (error->message, "symbolic link"));
  g_assert_nonnull (strstr (error->message, link));

  g_assert_true (g_file_get_contents (victim, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, OLD_CONTENTS);
  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, victim);
  assert_folder_holds_only (dir, "sheet.pdf");
}

static void
test_missing_folder (void)
{
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-atomic");
  g_autofree char *folder = g_build_filename (dir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (folder, "data.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (ldn_atomic_file_set_contents (file, "{}", 2, NULL, &error));
  g_assert_error (error, LDN_EXPORT_ERROR, LDN_EXPORT_ERROR_NO_FOLDER);
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  assert_folder_holds_only (dir, NULL);
}

static void
test_target_is_folder (void)
{
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-atomic");
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;

  g_assert_false (ldn_atomic_file_set_contents (file, "{}", 2, NULL, &error));
  g_assert_error (error, LDN_EXPORT_ERROR, LDN_EXPORT_ERROR_NOT_A_FILE);
}

/* A small tmpfs in a new temporary folder, or NULL (test skipped) when
 * this process may not mount. */
static char *
mount_small_tmpfs (const char *size)
{
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-tmpfs");
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0755", size);

  if (geteuid () != 0)
    {
      g_test_skip ("needs root to mount a small tmpfs (CI runs as root)");
      return NULL;
    }
  if (mount ("tmpfs", dir, "tmpfs", 0, options) != 0)
    {
      g_autofree char *message = g_strdup_printf ("could not mount a tmpfs: %s", g_strerror (errno));

      g_test_skip (message);
      return NULL;
    }

  return g_steal_pointer (&dir);
}

static void
unmount (const char *dir)
{
  g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
}

static LdnSheet *
big_sheet (void)
{
  g_autofree char *content_path = ldn_content_store_dup_default_path ();
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-big-sheet");
  g_autofree char *user_path = g_build_filename (dir, "user.sqlite", NULL);
  g_autoptr(LdnContentStore) content = NULL;
  g_autoptr(LdnUserStore) user = NULL;
  g_autoptr(LdnSheetData) data = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  double width, height;

  content = ldn_content_store_new (content_path, NULL, &error);
  g_assert_no_error (error);
  user = ldn_user_store_open (user_path);
  for (guint i = 0; i < 150; i++)
    g_string_append_printf (note, "Line %u of a long note about how the nights went. ", i);
  g_assert_true (ldn_user_store_set_text (user, LDN_USER_TEXT_WHAT_MATTERS, note->str, &error));
  g_assert_true (ldn_user_store_set_text (user, LDN_USER_TEXT_OTHER_SIDE_EFFECTS, note->str, &error));
  g_assert_no_error (error);

  data = ldn_sheet_data_collect (content, user, 4.5, TRUE, TRUE, &error);
  g_assert_no_error (error);
  ldn_paper_get_size (LDN_PAPER_A4, &width, &height);
  return ldn_sheet_new (g_steal_pointer (&data), width, height, NULL);
}

/* The case: Save as PDF on a full disk must say so, and must not
 * destroy the earlier sheet. */
static void
test_full_disk_keeps_old_file (void)
{
  g_autoptr(LdnSheet) sheet = big_sheet ();
  g_autofree char *dir = mount_small_tmpfs ("64k");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;

  path = g_build_filename (dir, "sheet.pdf", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (g_file_set_contents (path, OLD_CONTENTS, -1, NULL));

  g_assert_false (ldn_export_sheet_pdf (sheet, file, NULL, &error));
  g_assert_error (error, LDN_EXPORT_ERROR, LDN_EXPORT_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_assert_nonnull (strstr (error->message, path));

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, OLD_CONTENTS);
  assert_folder_holds_only (dir, "sheet.pdf");

  /* With room again, the same call succeeds. */
  g_clear_error (&error);
  unmount (dir);
  g_assert_true (ldn_export_sheet_pdf (sheet, file, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  assert_mode (path, 0600);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = mount_small_tmpfs ("64k");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;

  path = g_build_filename (dir, "data.json", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (g_file_set_contents (path, OLD_CONTENTS, -1, NULL));
  g_assert_cmpint (mount ("tmpfs", dir, "tmpfs", MS_REMOUNT | MS_RDONLY, "size=64k"), ==, 0);

  g_assert_false (ldn_atomic_file_set_contents (file, "{}", 2, NULL, &error));
  g_assert_error (error, LDN_EXPORT_ERROR, LDN_EXPORT_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "No permission to write in"));
  g_assert_nonnull (strstr (error->message, dir));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, OLD_CONTENTS);
  assert_folder_holds_only (dir, "data.json");
  unmount (dir);
}

/* A data file of N_ENTRIES checklist entries, written piece by piece so
 * the test itself stays small in memory. */
static void
write_hostile_import (const char *path,
                      guint       n_entries)
{
  FILE *f = fopen (path, "w");

  g_assert_nonnull (f);
  fputs ("{\"format\" : \"ldn-guide-data\", \"version\" : 1, \"checklist\" : [", f);
  for (guint i = 0; i < n_entries; i++)
    fprintf (f, "%s{\"id\":\"item-%u\",\"noticed\":true,\"severity\":null,\"since\":null,\"note\":\"\"}",
             i > 0 ? "," : "", i);
  fputs ("], \"other_side_effects\" : \"\", \"safety\" : {\"other_medicines\" : \"\"}, \"questions\" : [], "
         "\"what_matters\" : \"\", \"teach_back\" : {}}", f);
  g_assert_cmpint (fclose (f), ==, 0);
}

static glong
peak_rss_mb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss / 1024;
}

/* Issue 20: a 73 MB file with a million entries used 981 MB before it was
 * refused. Now its size is refused before it is read, and a smaller file
 * with too many values before json-glib builds it. */
static void
test_import_refuses_oversized (void)
{
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-import");
  g_autofree char *user_path = g_build_filename (dir, "user.sqlite", NULL);
  g_autofree char *content_path = ldn_content_store_dup_default_path ();
  g_autofree char *huge = g_build_filename (dir, "huge.json", NULL);
  g_autofree char *many = g_build_filename (dir, "many.json", NULL);
  g_autoptr(GFile) huge_file = g_file_new_for_path (huge);
  g_autoptr(GFile) many_file = g_file_new_for_path (many);
  g_autoptr(LdnContentStore) content = NULL;
  g_autoptr(LdnUserStore) user = ldn_user_store_open (user_path);
  g_autoptr(GError) error = NULL;
  struct stat st;

  content = ldn_content_store_new (content_path, NULL, &error);
  g_assert_no_error (error);

  write_hostile_import (huge, 1000000);
  g_assert_cmpint (g_stat (huge, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 70 * 1024 * 1024);
  g_assert_false (ldn_import_user_data_json (content, user, huge_file, NULL, &error));
  g_assert_error (error, LDN_EXPORT_ERROR, LDN_EXPORT_ERROR_TOO_BIG);
  g_assert_nonnull (strstr (error->message, "Nothing was imported"));
  g_clear_error (&error);

  write_hostile_import (many, 110000);
  g_assert_cmpint (g_stat (many, &st), ==, 0);
  g_assert_cmpint (st.st_size, <, LDN_IMPORT_MAX_BYTES);
  g_assert_false (ldn_import_user_data_json (content, user, many_file, NULL, &error));
  g_assert_error (error, LDN_USER_ERROR, LDN_USER_ERROR_IMPORT);
  g_assert_nonnull (strstr (error->message, "checklist"));

  /* Under valgrind the figure is valgrind's own. */
  g_test_message ("peak RSS %ld MB", peak_rss_mb ());
  if (strstr (g_getenv ("LD_PRELOAD") ? g_getenv ("LD_PRELOAD") : "", "vgpreload") == NULL)
    g_assert_cmpint (peak_rss_mb (), <, 200);
}

/* An empty HOME or a relative XDG_DATA_HOME put user.sqlite in the current
 * folder; the XDG spec says relative paths are to be ignored. */
static void
test_store_path_is_never_relative (void)
{
  static const struct { const char *home; const char *data_home; const char *expected; } cases[] = {
    { "", "relative/data", NULL },
    { "", "", NULL },
    { "relative-home", NULL, NULL },
    { "/home/someone", "relative/data", "/home/someone/.local/share/ldn-guide/user.sqlite" },
    { "/home/someone", "/srv/data", "/srv/data/ldn-guide/user.sqlite" },
    { "/home/someone", "", "/home/someone/.local/share/ldn-guide/user.sqlite" },
  };
  g_autofree char *saved_home = g_strdup (g_getenv ("HOME"));
  g_autofree char *saved_data_home = g_strdup (g_getenv ("XDG_DATA_HOME"));

  g_unsetenv ("LDN_GUIDE_USER_DATA");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = NULL;

      g_setenv ("HOME", cases[i].home, TRUE);
      if (cases[i].data_home != NULL)
        g_setenv ("XDG_DATA_HOME", cases[i].data_home, TRUE);
      else
        g_unsetenv ("XDG_DATA_HOME");

      path = ldn_user_store_dup_default_path ();
      /* With no usable HOME the user database's home folder is used, or
       * nothing at all: never a relative path. */
      if (path != NULL && !g_path_is_absolute (path))
        g_error ("HOME=“%s” XDG_DATA_HOME=“%s” gave a relative path: %s",
                 cases[i].home, cases[i].data_home ? cases[i].data_home : "(unset)", path);
      if (cases[i].expected != NULL)
        g_assert_cmpstr (path, ==, cases[i].expected);
    }

  if (saved_home != NULL)
    g_setenv ("HOME", saved_home, TRUE);
  if (saved_data_home != NULL)
    g_setenv ("XDG_DATA_HOME", saved_data_home, TRUE);
  else
    g_unsetenv ("XDG_DATA_HOME");
}

/* Without any absolute place the store keeps data in memory and says why,
 * rather than creating files in the current folder. */
static void
test_store_without_a_place_says_why (void)
{
  g_autoptr(LdnUserStore) store = ldn_user_store_open (NULL);

  g_assert_false (ldn_user_store_is_persistent (store));
  g_assert_nonnull (strstr (ldn_user_store_get_problem (store), "home folder"));
}

/* issue 19: the CSV carries the 50 mg series when it is shown (and once
 * only when 50 mg is the chosen dose), with the words of the table. */
static void
test_occupancy_csv_with_comparison (void)
{
  g_autofree char *content_path = ldn_content_store_dup_default_path ();
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-csv");
  g_autofree char *path = g_build_filename (dir, "occupancy.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LdnContentStore) content = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) cells = NULL;

  content = ldn_content_store_new (content_path, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (ldn_export_occupancy_csv (content, 4.5, FALSE, 1, 7 * 60 + 30, TRUE, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  lines = g_strsplit (csv, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "Hours after first dose,Estimate (%),Likely range low (%),Likely range high (%),"
                                 "If the block is brief (%),Day,Time,50 mg: estimate (%)");
  cells = g_strsplit (lines[1 + 24 * 6], ",", -1);
  g_assert_cmpuint (g_strv_length (cells), ==, 8);
  g_assert_cmpstr (cells[5], ==, "2");
  g_assert_cmpstr (cells[6], ==, "07:30");
  /* 50 mg blocks far more than 4.5 mg a day later. */
  g_assert_cmpfloat (g_ascii_strtod (cells[7], NULL), >, g_ascii_strtod (cells[1], NULL) + 20);

  g_clear_pointer (&csv, g_free);
  g_clear_pointer (&lines, g_strfreev);
  g_assert_true (ldn_export_occupancy_csv (content, 50, FALSE, 1, 22 * 60, TRUE, file, NULL, &error));
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  lines = g_strsplit (csv, "\n", -1);
  g_assert_null (strstr (lines[0], "50 mg"));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/occupancy/csv-with-comparison", test_occupancy_csv_with_comparison);

  g_test_add_func ("/export/atomic/new-file-private", test_writes_new_file_private);
  g_test_add_func ("/export/atomic/replaces-and-tightens-mode", test_replaces_and_tightens_mode);
  g_test_add_func ("/export/atomic/refuses-symlink", test_refuses_symlink);
  g_test_add_func ("/export/atomic/missing-folder", test_missing_folder);
  g_test_add_func ("/export/atomic/target-is-folder", test_target_is_folder);
  g_test_add_func ("/export/atomic/full-disk-keeps-old-file", test_full_disk_keeps_old_file);
  g_test_add_func ("/export/atomic/read-only-folder", test_read_only_folder);
  g_test_add_func ("/export/import/refuses-oversized", test_import_refuses_oversized);
  g_test_add_func ("/export/xdg/store-path-is-never-relative", test_store_path_is_never_relative);
  g_test_add_func ("/export/xdg/store-without-a-place-says-why", test_store_without_a_place_says_why);

  return g_test_run ();
}

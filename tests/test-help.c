/* test-help.c: help opens the way the desktop opens it.
 *
 * A stand-in handler is registered for x-scheme-handler/help (a .desktop
 * file in a private XDG_DATA_HOME and a mimeapps.list in a private
 * XDG_CONFIG_HOME); its command appends the URI it was given to a file.
 * As in GNOME's core apps, help is in the main menu and on F1, not on a
 * header button; both must reach it with the right help: URI. Runs under
 * Xvfb with a private session bus and GTK's test accessibility backend,
 * so the menu button is found by its accessible name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "app/ldn-application.h"
#include "app/ldn-window.h"
#include "ldn-test-tmp.h"
#include "ldn-test-ui.h"

static LdnApplication *app;
static char *record_path;

/* Must run before anything asks GLib for the XDG folders. */
static void
register_stand_in_handler (void)
{
  g_autofree char *root = ldn_test_tmp_dir ("ldn-help");
  g_autofree char *data = g_build_filename (root, "data", NULL);
  g_autofree char *apps = g_build_filename (data, "applications", NULL);
  g_autofree char *config = g_build_filename (root, "config", NULL);
  g_autofree char *script = g_build_filename (root, "record-help", NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *desktop_path = g_build_filename (apps, "ldn-test-help.desktop", NULL);
  g_autofree char *desktop_text = NULL;
  g_autofree char *mimeapps = g_build_filename (config, "mimeapps.list", NULL);
  g_autoptr(GError) error = NULL;

  record_path = g_build_filename (root, "launched.txt", NULL);
  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);

  script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" >> '%s'\n", record_path);
  g_file_set_contents (script, script_text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);

  desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Help stand-in\n"
                                  "Exec=%s %%u\nMimeType=x-scheme-handler/help;\nNoDisplay=true\n", script);
  g_file_set_contents (desktop_path, desktop_text, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (mimeapps, "[Default Applications]\nx-scheme-handler/help=ldn-test-help.desktop\n", -1,
                       &error);
  g_assert_no_error (error);

  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  /* Launch the stand-in directly, never through a portal. */
  g_unsetenv ("GTK_USE_PORTAL");
}

typedef struct {
  guint lines;
} Wait;

static char **
read_launched (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents (record_path, &text, NULL, NULL))
    return g_new0 (char *, 1);

  g_strchomp (text);
  if (*text == '\0')
    return g_new0 (char *, 1);

  return g_strsplit (text, "\n", -1);
}

static gboolean
has_lines (gpointer data)
{
  Wait *wait = data;
  g_auto(GStrv) lines = read_launched ();

  return g_strv_length (lines) >= wait->lines;
}

/* Waits (with a deadline) until the handler has been run COUNT times in
 * all, then checks the URI it got the last time. */
static void
assert_launched (guint       count,
                 const char *uri)
{
  Wait wait = { count };
  g_auto(GStrv) lines = NULL;

  ldn_test_iterate_until (has_lines, &wait);
  lines = read_launched ();
  g_assert_cmpuint (g_strv_length (lines), ==, count);
  g_assert_cmpstr (lines[count - 1], ==, uri);
}

static LdnWindow *
open_window (const char *section)
{
  LdnWindow *window = ldn_test_open_window (app, 0, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", section));

  return window;
}

static GtkWidget *
find_named (GtkWidget  *root,
            GType       type,
            const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  ldn_test_collect (root, type, found);
  for (guint i = 0; i < found->len; i++)
    {
      g_autofree char *problem = gtk_test_accessible_check_property (g_ptr_array_index (found, i),
                                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      if (problem == NULL)
        return g_ptr_array_index (found, i);
    }

  g_error ("no %s named “%s”", g_type_name (type), name);
}

static guint launches;

/* No life-ring button in the header: help is in the main menu and on F1. */
static void
test_no_header_button (void)
{
  LdnWindow *window = open_window ("timeline");
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  ldn_test_collect (GTK_WIDGET (window), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), !=, "win.help");
      g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), !=, "ldn-help-symbolic");
    }

  ldn_test_close_window (GTK_WINDOW (window));
}

/* F1 is bound to the window's help action; pressing it runs that action. */
static void
test_f1 (void)
{
  LdnWindow *window = open_window ("sheet");
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "F1");
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (actions);
  g_assert_cmpuint (g_strv_length (actions), ==, 1);
  g_action_parse_detailed_name (actions[0], &name, &target, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), name, target));
  assert_launched (++launches, "help:ldn-guide/sheet");

  ldn_test_close_window (GTK_WINDOW (window));
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ldn_test_collect (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;

  return FALSE;
}

/* The main menu's Help item, pressed in the open menu, opens the
 * guide's front page. */
static void
test_menu (void)
{
  LdnWindow *window = open_window ("learn");
  GtkWidget *menu_button = find_named (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, "Main menu");
  GtkPopover *popover;
  GtkWidget *item = NULL;

  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));
  g_assert_nonnull (popover);
  ldn_test_wait_mapped (GTK_WIDGET (popover));

  /* The menu's items are GTK's private model buttons; find the one
   * that shows "Help". */
  {
    g_autoptr(GPtrArray) all = g_ptr_array_new ();

    ldn_test_collect (GTK_WIDGET (popover), GTK_TYPE_WIDGET, all);
    for (guint i = 0; i < all->len && item == NULL; i++)
      {
        GtkWidget *candidate = g_ptr_array_index (all, i);

        if (g_strcmp0 (G_OBJECT_TYPE_NAME (candidate), "GtkModelButton") == 0 && has_label (candidate, "Help"))
          item = candidate;
      }
  }
  g_assert_nonnull (item);

  gtk_widget_activate (item);
  assert_launched (++launches, "help:ldn-guide");

  ldn_test_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  register_stand_in_handler ();
  app = ldn_test_ui_init (&argc, &argv);

  g_test_add_func ("/help/no-header-button", test_no_header_button);
  g_test_add_func ("/help/f1", test_f1);
  g_test_add_func ("/help/menu", test_menu);

  status = g_test_run ();
  g_clear_object (&app);
  g_free (record_path);

  return status;
}

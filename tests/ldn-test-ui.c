/* ldn-test-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ldn-test-tmp.h"
#include "ldn-test-ui.h"

LdnApplication *
ldn_test_ui_init (int    *argc,
                  char ***argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  LdnApplication *app;

  g_test_init (argc, argv, NULL);
  ldn_application_bind_translations ();

  /* Each run starts with no saved answers, and never touches the real ones. */
  dir = ldn_test_tmp_dir ("ldn-ui");
  path = g_build_filename (dir, "user.sqlite", NULL);
  g_setenv ("LDN_GUIDE_USER_DATA", path, TRUE);

  /* The first-run steps ("Prepare for your visit") were seen: each test
   * opens on the section it chooses; test-prepare-page sets it back. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_settings_set_boolean (settings, "overview-seen", TRUE);
  }

  app = ldn_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

static gboolean
keep_ticking (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
ldn_test_iterate_until (gboolean (*done) (gpointer),
                        gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;
  /* Wakes the loop up, so the deadline fires even when nothing happens. */
  guint tick = g_timeout_add (100, keep_ticking, NULL);

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);

  g_assert_true (done (data));
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

void
ldn_test_wait_mapped (GtkWidget *widget)
{
  ldn_test_iterate_until (widget_is_mapped, widget);
}

static gboolean
pointer_is_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

void
ldn_test_close_window (GtkWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_close (window);
  ldn_test_iterate_until (pointer_is_cleared, &weak);
}

void
ldn_test_collect (GtkWidget *widget,
                  GType      type,
                  GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      ldn_test_collect (child, type, found);
    }
}

gpointer
ldn_test_nth (GtkWidget *widget,
              GType      type,
              guint      index)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  ldn_test_collect (widget, type, found);
  if (found->len <= index)
    g_error ("no %s number %u under %s", g_type_name (type), index, G_OBJECT_TYPE_NAME (widget));

  return g_ptr_array_index (found, index);
}

/* ldn-test-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ldn-test-tmp.h"
#include "ldn-test-ui.h"

/* GDK on GTK 4.24 (Debian sid) warns "gdk_frame_timings_submitted()
 * called on submitted frame" when a popover's X11 surface reuses a frame
 * clock: GDK's own bookkeeping, not something the app does or can avoid.
 * It would abort a fatal-warnings run, so this one message, and only it,
 * is let through as a plain message. */
static gboolean
is_gdk_frame_timing_noise (const char *domain,
                           const char *message)
{
  return g_strcmp0 (domain, "Gdk") == 0 && message != NULL &&
         strstr (message, "gdk_frame_timings_submitted() called on submitted frame") != NULL;
}

static GLogWriterOutput
test_log_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
        domain = fields[i].value;
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
        message = fields[i].value;
    }
  if ((level & G_LOG_LEVEL_WARNING) && is_gdk_frame_timing_noise (domain, message))
    level = G_LOG_LEVEL_MESSAGE;

  return g_log_writer_default (level, fields, n_fields, data);
}

static gboolean
test_fatal_handler (const char     *domain,
                    GLogLevelFlags  level,
                    const char     *message,
                    gpointer        data)
{
  return !is_gdk_frame_timing_noise (domain, message);
}

LdnApplication *
ldn_test_ui_init (int    *argc,
                  char ***argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  LdnApplication *app;

  g_test_init (argc, argv, NULL);
  g_log_set_writer_func (test_log_writer, NULL, NULL);
  g_test_log_set_fatal_handler (test_fatal_handler, NULL);
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
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
ldn_test_reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
  /* Except that the first-run steps were seen (see ldn_test_ui_init). */
  g_settings_set_boolean (settings, "overview-seen", TRUE);
}

typedef struct {
  GTestFunc func;
} Case;

static void
run_case (gconstpointer data)
{
  const Case *test_case = data;

  ldn_test_reset_settings ();
  test_case->func ();
}

void
ldn_test_add_func (const char *path,
                   GTestFunc   func)
{
  Case *test_case = g_new0 (Case, 1);

  test_case->func = func;
  g_test_add_data_func_full (path, test_case, run_case, g_free);
}

void
ldn_test_iterate_until (gboolean (*done) (gpointer),
                        gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;
  /* A blocking iteration waits for an event; when the main context is
   * idle and none comes, this source wakes it so the deadline is seen. */
  guint waker = g_timeout_add (100, wake_up, NULL);

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (waker);
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

LdnWindow *
ldn_test_open_window (LdnApplication *app,
                      int             width,
                      int             height)
{
  LdnWindow *window = ldn_window_new (app);

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  ldn_test_wait_mapped (GTK_WIDGET (window));
  return window;
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
    {
      /* Fails this case only, not every case after it. */
      g_test_fail_printf ("no %s number %u under %s", g_type_name (type), index, G_OBJECT_TYPE_NAME (widget));
      return NULL;
    }

  return g_ptr_array_index (found, index);
}

gboolean
ldn_test_has_name (GtkWidget  *widget,
                   const char *name)
{
  g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  return mismatch == NULL;
}

gpointer
ldn_test_named (GtkWidget  *root,
                GType       type,
                const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GtkWidget *match = NULL;

  ldn_test_collect (root, type, found);
  for (guint i = 0; i < found->len; i++)
    if (ldn_test_has_name (g_ptr_array_index (found, i), name))
      {
        if (match != NULL)
          g_error ("two widgets named “%s”", name);
        match = g_ptr_array_index (found, i);
      }

  if (match == NULL)
    g_error ("no %s named “%s”", g_type_name (type), name);
  return match;
}

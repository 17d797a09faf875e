/* The yardstick for the start-up benchmark: the smallest libadwaita app
 * with a header bar and a label, at LDN Guide's default window size. */
#include <adwaita.h>
#include <unistd.h>

/* As LDN Guide: LDN_GUIDE_EXIT_AFTER_FIRST_FRAME=1 ends the process right
 * after the first frame clock cycle that painted the mapped window. */
static void
exit_after_paint_cb (GdkFrameClock *clock,
                     GdkSurface    *surface)
{
  if (gdk_surface_get_mapped (surface))
    _exit (0);
}

static void
exit_after_first_frame_cb (GtkWidget *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  g_signal_connect (gdk_surface_get_frame_clock (surface), "after-paint",
                    G_CALLBACK (exit_after_paint_cb), surface);
}

static void
on_activate (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Hello");

  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Minimal");
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 720);
  if (g_strcmp0 (g_getenv ("LDN_GUIDE_EXIT_AFTER_FIRST_FRAME"), "1") == 0)
    g_signal_connect (window, "realize", G_CALLBACK (exit_after_first_frame_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.ldnguide.MinimalBench",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}

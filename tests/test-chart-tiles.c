/* test-chart-tiles.c: the chart on screen, drawn in tiles that are kept
 * from frame to frame, looks exactly like the chart drawn in one go, at
 * every playhead position of a sweep, forwards and back, and when done.
 *
 * Runs under Xvfb with a private session bus (see meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <stdlib.h>

#include "chart/ldn-occupancy-chart.h"
#include "content/ldn-content-store.h"
#include "ldn-test-ui.h"

#define SPAN_H 72.0

static LdnApplication *app;

static gboolean
chart_has_size (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0 && gtk_widget_get_height (GTK_WIDGET (data)) > 0;
}

static GtkWidget *
open_chart (GtkWindow **window)
{
  g_autofree char *path = ldn_content_store_dup_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnContentStore) store = ldn_content_store_new (path, NULL, &error);
  g_autoptr(LdnOccupancyModel) model = NULL;
  g_autoptr(GArray) points = NULL;
  LdnDoseSchedule schedule = { 4.5, 3, 24 };
  LdnDoseSchedule standard = { 50, 3, 24 };
  GtkWidget *chart = ldn_occupancy_chart_new ();

  g_assert_no_error (error);
  model = ldn_content_store_load_occupancy_model (store, &error);
  g_assert_no_error (error);
  points = ldn_content_store_list_pet_points (store, &error);
  g_assert_no_error (error);

  ldn_occupancy_chart_set_curves (LDN_OCCUPANCY_CHART (chart),
                                  ldn_occupancy_model_compute_curve (model, &schedule, SPAN_H, SPAN_H / 2000, NULL),
                                  ldn_occupancy_model_compute_curve (model, &standard, SPAN_H, SPAN_H / 2000, NULL),
                                  4.5, SPAN_H, 22 * 60, TRUE);
  ldn_occupancy_chart_set_pet_points (LDN_OCCUPANCY_CHART (chart), points);

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 760, 480);
  gtk_widget_set_halign (chart, GTK_ALIGN_START);
  gtk_widget_set_valign (chart, GTK_ALIGN_START);
  gtk_window_set_child (*window, chart);
  gtk_window_present (*window);
  ldn_test_wait_mapped (chart);
  ldn_test_iterate_until (chart_has_size, chart);

  return chart;
}

/* What GTK draws for the widget: the render nodes of its snapshot (the
 * tiles kept from earlier frames and the new ones), onto white. */
static cairo_surface_t *
draw_on_screen (GtkWidget *chart)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (chart), height = gtk_widget_get_height (chart);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  GTK_WIDGET_GET_CLASS (chart)->snapshot (chart, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);

  return surface;
}

static cairo_surface_t *
draw_whole (GtkWidget *chart)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gtk_widget_get_width (chart),
                                                         gtk_widget_get_height (chart));
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ldn_occupancy_chart_draw_whole (LDN_OCCUPANCY_CHART (chart), cr);
  cairo_destroy (cr);

  return surface;
}

/* The largest difference of any channel of any pixel. */
static int
largest_difference (cairo_surface_t *a,
                    cairo_surface_t *b)
{
  int stride = cairo_image_surface_get_stride (a);
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  const guchar *pa, *pb;
  int largest = 0;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  pa = cairo_image_surface_get_data (a);
  pb = cairo_image_surface_get_data (b);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width * 4; x++)
      largest = MAX (largest, abs (pa[y * stride + x] - pb[y * stride + x]));

  return largest;
}

static gboolean
is_blank (cairo_surface_t *surface)
{
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface), height = cairo_image_surface_get_height (surface);
  const guint32 *first;
  const guchar *data;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  first = (const guint32 *) data;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (((const guint32 *) (data + y * stride))[x] != *first)
        return FALSE;
  return TRUE;
}

static void
test_tiles_add_up_to_the_whole_chart (void)
{
  /* A sweep forwards in uneven steps (tile edges and between them), a
   * jump back, the end of the axis, and the finished picture. */
  static const double playheads[] = { 0, 0.3, 5.1, 5.2, 17.93, 30, 44.4, 71.99, 12.5, 2, SPAN_H, -1, 36 };
  GtkWindow *window;
  GtkWidget *chart = open_chart (&window);

  for (guint i = 0; i < G_N_ELEMENTS (playheads); i++)
    {
      cairo_surface_t *on_screen, *whole;
      int difference;

      ldn_occupancy_chart_set_playhead (LDN_OCCUPANCY_CHART (chart), playheads[i]);
      on_screen = draw_on_screen (chart);
      whole = draw_whole (chart);
      g_assert_false (is_blank (whole));
      difference = largest_difference (on_screen, whole);
      if (difference > 2)
        {
          g_autofree char *shown = g_strdup_printf ("%s/chart-tiles-%u-shown.png", g_get_tmp_dir (), i);
          g_autofree char *expected = g_strdup_printf ("%s/chart-tiles-%u-whole.png", g_get_tmp_dir (), i);

          cairo_surface_write_to_png (on_screen, shown);
          cairo_surface_write_to_png (whole, expected);
          g_test_message ("playhead %.2f h: pixels differ by up to %d; see %s and %s",
                          playheads[i], difference, shown, expected);
          g_test_fail ();
        }
      cairo_surface_destroy (on_screen);
      cairo_surface_destroy (whole);
    }

  ldn_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  app = ldn_test_ui_init (&argc, &argv);
  g_test_add_func ("/chart-tiles/tiles-add-up-to-the-whole-chart", test_tiles_add_up_to_the_whole_chart);
  result = g_test_run ();
  g_object_unref (app);

  return result;
}

/* test-axis-draw.c: the axes both charts share leave out a label that would
 * cover another, and draw every line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chart/ldn-axis-draw.h"

/* Text 6 units a character wide and 16 tall; what was shown, in order. */
static void
fake_measure (gpointer    user_data,
              const char *text,
              double     *width,
              double     *height)
{
  *width = 6.0 * strlen (text);
  *height = 16;
}

static void
fake_show (gpointer        user_data,
           cairo_t        *cr,
           const char     *text,
           double          x,
           double          y,
           const LdnColor *color)
{
  GString *shown = user_data;

  g_string_append_printf (shown, "%s%s@%g,%g", shown->len > 0 ? " " : "", text, x, y);
}

static const LdnColor grid = { 1, 0, 0, 1 }, ink = { 0, 0, 0, 1 };

static guint32
pixel (cairo_surface_t *surface, int x, int y)
{
  cairo_surface_flush (surface);
  return *(guint32 *) (void *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) +
                                4 * x) & 0xffffff;
}

/* Ticks 10 units apart with labels 16 tall: the one above the first would
 * cover it and is left out; the next fits. Every line is drawn. */
static void
test_values (void)
{
  g_autoptr(GString) shown = g_string_new (NULL);
  const LdnAxisText text = { fake_measure, fake_show, shown };
  const LdnAxisTick ticks[] = { { 100.5, "0", 0 }, { 90.5, "5", 0 }, { 80.5, "10", 0 }, { 40.5, NULL, 0 } };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 120);
  cairo_t *cr = cairo_create (surface);
  double widest;

  widest = ldn_axis_draw_values (cr, &text, ticks, G_N_ELEMENTS (ticks), 50, 190, 4, &grid, &ink);
  g_assert_cmpstr (shown->str, ==, "0@40,92.5 10@34,72.5");
  g_assert_cmpfloat (widest, ==, 12);
  for (guint i = 0; i < G_N_ELEMENTS (ticks); i++)
    g_assert_cmphex (pixel (surface, 120, (int) ticks[i].position), ==, 0xff0000);
  g_assert_cmphex (pixel (surface, 120, 60), ==, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Labels placed by their alignment; one nearer than the gap to the one
 * before, or past the right edge, is left out; its tick stays. */
static void
test_times (void)
{
  g_autoptr(GString) shown = g_string_new (NULL);
  const LdnAxisText text = { fake_measure, fake_show, shown };
  const LdnAxisTick ticks[] = {
    { 10.5, "aaaaa", 0 },      /* 12.5 to 42.5 */
    { 40.5, "bbbbb", 0.5 },    /* 27.5 to 57.5: covers the first */
    { 80.5, "ccccc", 0.5 },    /* 67.5 to 97.5 */
    { 130.5, "ddddd", 0 },     /* 132.5 to 162.5: past 150 */
    { 150.5, "eeeee", 1 },     /* 122.5 to 152.5: past 150 too */
    { 148.5, "e", 1 },         /* 144.5 to 150.5: fits */
  };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 120);
  cairo_t *cr = cairo_create (surface);

  ldn_axis_draw_times (cr, &text, ticks, G_N_ELEMENTS (ticks), 20, 60, 2, 70, FALSE, 4, 150.5, &grid, &ink);
  g_assert_cmpstr (shown->str, ==, "aaaaa@12.5,70 ccccc@67.5,70 e@144.5,70");
  for (guint i = 0; i < G_N_ELEMENTS (ticks); i++)
    g_assert_cmphex (pixel (surface, (int) ticks[i].position, 40), ==, 0xff0000);
  g_assert_cmphex (pixel (surface, 100, 40), ==, 0);

  /* Labels centred on LABEL_Y. */
  g_string_truncate (shown, 0);
  ldn_axis_draw_times (cr, &text, ticks, 1, 20, 60, 0, 70, TRUE, 4, G_MAXDOUBLE, &grid, &ink);
  g_assert_cmpstr (shown->str, ==, "aaaaa@10.5,62");
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/axis-draw/values", test_values);
  g_test_add_func ("/axis-draw/times", test_times);
  return g_test_run ();
}

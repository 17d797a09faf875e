/* test-axis-draw.c: the axes both charts share leave out a label that would
 * cover another, and draw every line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

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

/* Room for a value axis: a label beside the title clears it as well. */
static void
test_values_room (void)
{
  const LdnAxisText text = { fake_measure, fake_show, NULL };
  const LdnAxisTick ticks[] = { { 100, "0 %", 0 }, { 50, "50 %", 0 }, { 0, "100 %", 0 } };

  /* No title beside any label: the widest label and the gap. */
  g_assert_cmpfloat (ldn_axis_values_room (&text, ticks, G_N_ELEMENTS (ticks), 6, 20, 200, 300), ==, 1 + 30 + 6);
  /* The title from 40 to 60 stands beside "50 %" only. */
  g_assert_cmpfloat (ldn_axis_values_room (&text, ticks, G_N_ELEMENTS (ticks), 6, 20, 40, 60), ==, 20 + 2 + 24 + 6);
}

/* The Timeline's chart with large text (the review: the numbers of the y
 * axis ran into its rotated title, and "100 %" off the left edge): the plot
 * starts far enough right for the title and the widest number. With normal
 * text it starts where it always did. */
static void
test_chart_large_text (void)
{
  const char *fonts[] = { "Sans 8", "Sans 12.5", "Sans 15" };
  LdnChartData data = { .span_h = 24, .labels = { .y_axis = "Receptors blocked (%)" } };
  LdnChartStyle style;

  ldn_chart_style_init_for_print (&style);
  for (guint f = 0; f < G_N_ELEMENTS (fonts); f++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 400);
      cairo_t *cr = cairo_create (surface);
      PangoLayout *layout = pango_cairo_create_layout (cr);
      PangoFontDescription *font = pango_font_description_from_string (fonts[f]);
      int number, beside, title;

      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, "100 %", -1);
      pango_layout_get_pixel_size (layout, &number, NULL);
      /* The numbers beside the title's middle part are at most this wide. */
      pango_layout_set_text (layout, "75 %", -1);
      pango_layout_get_pixel_size (layout, &beside, NULL);
      pango_layout_set_text (layout, data.labels.y_axis, -1);
      pango_layout_get_pixel_size (layout, NULL, &title);
      style.font = fonts[f];
      ldn_chart_draw (cr, 800, 400, &data, &style, -1, -1);
      g_test_message ("%s: the plot starts at %g", fonts[f], ldn_chart_x_at_hours (800, &data, 0));
      if (f == 0)
        g_assert_cmpfloat (ldn_chart_x_at_hours (800, &data, 0), ==, 62);
      else
        {
          /* "100 %" inside the chart; "75 %" right of the title, which
           * stands a pixel from the edge or centred 12 units in. */
          g_assert_cmpfloat (ldn_chart_x_at_hours (800, &data, 0), >=, 1 + number + 6);
          g_assert_cmpfloat (ldn_chart_x_at_hours (800, &data, 0), >=, MAX (12 + title / 2.0, title + 1) + 2 + beside + 6);
        }
      pango_font_description_free (font);
      g_object_unref (layout);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static guint32
pixel_at (cairo_surface_t *surface, int x, int y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + 4 * x) & 0xffffff;
}

/* With large text the legend's long first entry ran into the second
 * column ("…study details differ" over "If the block is brief"). The
 * chart has no curves, so the only pixels in the dashed line's colour
 * are its legend mark: the few pixels left of that mark (past its
 * smoothed edge), on its row, must be background, not the end of the first entry's words. */
static void
test_chart_legend_columns (void)
{
  const char *fonts[] = { "Sans 8", "Sans 11", "Sans 12.5", "Sans 15" };
  const double widths[] = { 360, 640, 1000, 1200, 1920 };
  static const LdnPetPoint pet = { 2, 0, 8, 27 };
  LdnChartData data = {
    .span_h = 24, .pet_points = &pet, .n_pet_points = 1,
    .labels = {
      .y_axis = "Receptors blocked (%)",
      .sustained = "4.5 mg: estimate, shaded: range if unknown study details differ",
      .transient = "If the block is brief",
      .measured = "Brain scan (measured)",
    },
  };
  LdnChartStyle style;
  guint32 mark, background;

  ldn_chart_style_init_for_print (&style);
  style.background = (LdnColor) { 1, 1, 1, 1 };
  background = 0xffffff;
  mark = ((guint32) round (style.transient.red * 255) << 16) | ((guint32) round (style.transient.green * 255) << 8) |
         (guint32) round (style.transient.blue * 255);
  for (guint f = 0; f < G_N_ELEMENTS (fonts); f++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) widths[w], 500);
        cairo_t *cr = cairo_create (surface);
        int mark_x = -1, mark_y = -1;

        style.font = fonts[f];
        ldn_chart_draw (cr, widths[w], 500, &data, &style, -1, -1);
        cairo_surface_flush (surface);
        for (int y = 0; y < 500 && mark_x < 0; y++)
          for (int x = 0; x < (int) widths[w]; x++)
            if (pixel_at (surface, x, y) == mark)
              {
                mark_x = x;
                mark_y = y;
                break;
              }
        g_assert_cmpint (mark_x, >=, 0);
        g_test_message ("%s at %g px: the dashed line's mark at %d, %d", fonts[f], widths[w], mark_x, mark_y);
        for (int x = MAX (0, mark_x - 8); x < mark_x - 2; x++)
          for (int y = mark_y - 4; y <= mark_y + 4; y++)
            if (pixel_at (surface, x, y) != background)
              g_error ("%s at %g px: the legend's first entry runs into the second (ink at %d, %d)",
                       fonts[f], widths[w], x, y);
        /* Small print on a desktop chart keeps two columns. */
        if (widths[w] >= 1000 && f == 0)
          {
            g_assert_false (ldn_chart_legend_in_one_column (widths[w], &data, &style));
            g_assert_cmpint (mark_x, >, widths[w] / 3);
          }
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/axis-draw/values", test_values);
  g_test_add_func ("/axis-draw/times", test_times);
  g_test_add_func ("/axis-draw/values-room", test_values_room);
  g_test_add_func ("/axis-draw/chart-large-text", test_chart_large_text);
  g_test_add_func ("/axis-draw/chart-legend-columns", test_chart_legend_columns);
  return g_test_run ();
}

/* ldn-icon-array-draw.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ldn-icon-array-draw.h"

static guint
n_rows (guint total)
{
  return (total + LDN_ICON_ARRAY_COLUMNS - 1) / LDN_ICON_ARRAY_COLUMNS;
}

double
ldn_icon_array_height_for_width (double width,
                                 guint  total)
{
  return width / LDN_ICON_ARRAY_COLUMNS * n_rows (total);
}

/* A person: a round head over rounded shoulders, in a CELL-wide square. */
static void
person_path (cairo_t *cr,
             double   x,
             double   y,
             double   cell)
{
  double head = cell * 0.17;
  double body_top = y + cell * 0.48;
  double body_bottom = y + cell * 0.92;
  double half = cell * 0.3;
  double cx = x + cell / 2;

  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, y + cell * 0.25, head, 0, 2 * G_PI);
  cairo_close_path (cr);
  cairo_new_sub_path (cr);
  cairo_move_to (cr, cx - half, body_bottom);
  cairo_line_to (cr, cx - half, body_top + half * 0.6);
  cairo_curve_to (cr, cx - half, body_top, cx - half * 0.6, body_top, cx, body_top);
  cairo_curve_to (cr, cx + half * 0.6, body_top, cx + half, body_top, cx + half, body_top + half * 0.6);
  cairo_line_to (cr, cx + half, body_bottom);
  cairo_close_path (cr);
}

void
ldn_icon_array_draw (cairo_t        *cr,
                     double          width,
                     double          height,
                     guint           filled,
                     guint           total,
                     const LdnColor *filled_color,
                     const LdnColor *empty_color)
{
  guint rows = n_rows (total);
  double cell;

  g_return_if_fail (cr != NULL && filled_color != NULL && empty_color != NULL);

  if (total == 0 || width <= 0 || height <= 0)
    return;

  filled = MIN (filled, total);
  cell = MIN (width / LDN_ICON_ARRAY_COLUMNS, height / rows);

  cairo_save (cr);
  cairo_set_line_width (cr, MAX (cell * 0.06, 0.5));
  for (guint i = 0; i < total; i++)
    {
      double x = (i % LDN_ICON_ARRAY_COLUMNS) * cell;
      double y = (i / LDN_ICON_ARRAY_COLUMNS) * cell;
      const LdnColor *color = i < filled ? filled_color : empty_color;

      person_path (cr, x, y, cell);
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
      if (i < filled)
        cairo_fill (cr);
      else
        cairo_stroke (cr);
    }
  cairo_restore (cr);
}

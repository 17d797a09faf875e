/* ldn-axis-draw.c: the axes both charts draw
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pangocairo.h>

#include "ldn-axis-draw.h"

static void
set_color (cairo_t        *cr,
           const LdnColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
layout_measure (gpointer    user_data,
                const char *text,
                double     *width,
                double     *height)
{
  int w, h;

  pango_layout_set_text (user_data, text, -1);
  pango_layout_get_pixel_size (user_data, &w, &h);
  *width = w;
  *height = h;
}

static void
layout_show (gpointer        user_data,
             cairo_t        *cr,
             const char     *text,
             double          x,
             double          y,
             const LdnColor *color)
{
  pango_layout_set_text (user_data, text, -1);
  set_color (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, user_data);
}

void
ldn_axis_text_init_for_layout (LdnAxisText *text,
                               PangoLayout *layout)
{
  *text = (LdnAxisText) { layout_measure, layout_show, layout };
}

void
ldn_axis_row_init (LdnAxisRow *row,
                   double      gap)
{
  row->next_free = -G_MAXDOUBLE;
  row->gap = gap;
}

gboolean
ldn_axis_row_take (LdnAxisRow *row,
                   double      left,
                   double      width)
{
  if (left < row->next_free)
    return FALSE;
  row->next_free = left + width + row->gap;
  return TRUE;
}

/* TICK's label on a value axis, centred on its line: FALSE if it has none. */
static gboolean
value_label (const LdnAxisText *text,
             const LdnAxisTick *tick,
             double            *width,
             double            *height,
             double            *top)
{
  if (tick->label == NULL)
    return FALSE;
  text->measure (text->user_data, tick->label, width, height);
  *top = tick->position - *height / 2.0;
  return TRUE;
}

double
ldn_axis_draw_values (cairo_t           *cr,
                      const LdnAxisText *text,
                      const LdnAxisTick *ticks,
                      guint              n_ticks,
                      double             x0,
                      double             x1,
                      double             gap,
                      const LdnColor    *grid,
                      const LdnColor    *color)
{
  double free_above = G_MAXDOUBLE;  /* the top of the last label drawn */
  double widest = 0;

  /* The lines in one path: they never touch. */
  set_color (cr, grid);
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < n_ticks; i++)
    {
      cairo_move_to (cr, x0, ticks[i].position);
      cairo_line_to (cr, x1, ticks[i].position);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < n_ticks; i++)
    {
      double width, height, top;

      /* An axis too short for every label keeps those that fit. */
      if (!value_label (text, &ticks[i], &width, &height, &top) || top + height > free_above)
        continue;
      text->show (text->user_data, cr, ticks[i].label, x0 - gap - width, top, color);
      free_above = top;
      widest = MAX (widest, width);
    }
  return widest;
}

double
ldn_axis_values_room (const LdnAxisText *text,
                      const LdnAxisTick *ticks,
                      guint              n_ticks,
                      double             gap,
                      double             title_right,
                      double             title_top,
                      double             title_bottom)
{
  double room = 0;

  for (guint i = 0; i < n_ticks; i++)
    {
      double width, height, top;

      if (!value_label (text, &ticks[i], &width, &height, &top))
        continue;
      /* A pixel to spare at the chart's edge, two beside the title. */
      if (top < title_bottom && top + height > title_top)
        room = MAX (room, title_right + 2 + width + gap);
      else
        room = MAX (room, 1 + width + gap);
    }
  return room;
}

void
ldn_axis_draw_times (cairo_t           *cr,
                     const LdnAxisText *text,
                     const LdnAxisTick *ticks,
                     guint              n_ticks,
                     double             y0,
                     double             y1,
                     double             dx,
                     double             label_y,
                     gboolean           label_middle,
                     double             gap,
                     double             right,
                     const LdnColor    *grid,
                     const LdnColor    *color)
{
  LdnAxisRow row;

  set_color (cr, grid);
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < n_ticks; i++)
    {
      cairo_move_to (cr, ticks[i].position, y0);
      cairo_line_to (cr, ticks[i].position, y1);
    }
  cairo_stroke (cr);

  ldn_axis_row_init (&row, gap);
  for (guint i = 0; i < n_ticks; i++)
    {
      double width, height, left;

      if (ticks[i].label == NULL)
        continue;
      text->measure (text->user_data, ticks[i].label, &width, &height);
      left = ticks[i].position + dx - width * ticks[i].x_align;
      if (left + width > right || !ldn_axis_row_take (&row, left, width))
        continue;
      text->show (text->user_data, cr, ticks[i].label, left, label_middle ? label_y - height / 2.0 : label_y, color);
    }
}

/* ldn-icon-array.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "compat/ldn-compat.h"
#include "ldn-icon-array-draw.h"
#include "ldn-icon-array.h"

#define MIN_WIDTH     100
#define NATURAL_WIDTH 150

struct _LdnIconArray
{
  GtkWidget parent_instance;

  guint filled;
  guint total;
};

G_DEFINE_FINAL_TYPE (LdnIconArray, ldn_icon_array, GTK_TYPE_WIDGET)

static LdnColor
color_from (const GdkRGBA *rgba,
            double         alpha)
{
  return (LdnColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha };
}

static void
ldn_icon_array_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  LdnIconArray *self = LDN_ICON_ARRAY (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg, accent;
  LdnColor filled, empty;
  cairo_t *cr;

  ldn_compat_widget_color (widget, &fg);
  if (!ldn_compat_lookup_color (widget, "accent_color", &accent))
    accent = (GdkRGBA) { 0.11, 0.44, 0.85, 1 };
  filled = color_from (&accent, 1);
  empty = color_from (&fg, 0.45);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ldn_icon_array_draw (cr, width, height, self->filled, self->total, &filled, &empty);
  cairo_destroy (cr);
}

static GtkSizeRequestMode
ldn_icon_array_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ldn_icon_array_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  LdnIconArray *self = LDN_ICON_ARRAY (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      int width = for_size > 0 ? MIN (for_size, NATURAL_WIDTH) : NATURAL_WIDTH;

      *minimum = *natural = (int) ldn_icon_array_height_for_width (width, self->total);
    }
}

static void
ldn_icon_array_class_init (LdnIconArrayClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = ldn_icon_array_snapshot;
  widget_class->measure = ldn_icon_array_measure;
  widget_class->get_request_mode = ldn_icon_array_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, "iconarray");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ldn_icon_array_init (LdnIconArray *self)
{
}

GtkWidget *
ldn_icon_array_new (guint       filled,
                    guint       total,
                    const char *label,
                    const char *description)
{
  LdnIconArray *self = g_object_new (LDN_TYPE_ICON_ARRAY, NULL);

  self->filled = MIN (filled, total);
  self->total = total;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  return GTK_WIDGET (self);
}

guint
ldn_icon_array_get_filled (LdnIconArray *self)
{
  g_return_val_if_fail (LDN_IS_ICON_ARRAY (self), 0);

  return self->filled;
}

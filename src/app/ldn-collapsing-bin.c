/* ldn-collapsing-bin.c
 *
 * Holds one child but never asks for its minimum width: when the child
 * does not fit, it is hidden and the bin reports itself collapsed. The
 * window uses this to move the section switcher from the header bar to
 * a bottom bar on narrow screens, which libadwaita 1.2 can only do with
 * widgets that later versions deprecate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ldn-collapsing-bin.h"

struct _LdnCollapsingBin
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  gboolean   collapsed;
};

enum {
  PROP_0,
  PROP_CHILD,
  PROP_COLLAPSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void ldn_collapsing_bin_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LdnCollapsingBin, ldn_collapsing_bin, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, ldn_collapsing_bin_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

GtkWidget *
ldn_collapsing_bin_new (void)
{
  return g_object_new (LDN_TYPE_COLLAPSING_BIN, NULL);
}

GtkWidget *
ldn_collapsing_bin_get_child (LdnCollapsingBin *self)
{
  g_return_val_if_fail (LDN_IS_COLLAPSING_BIN (self), NULL);

  return self->child;
}

void
ldn_collapsing_bin_set_child (LdnCollapsingBin *self,
                              GtkWidget        *child)
{
  g_return_if_fail (LDN_IS_COLLAPSING_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

gboolean
ldn_collapsing_bin_get_collapsed (LdnCollapsingBin *self)
{
  g_return_val_if_fail (LDN_IS_COLLAPSING_BIN (self), FALSE);

  return self->collapsed;
}

static void
ldn_collapsing_bin_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  LdnCollapsingBin *self = LDN_COLLAPSING_BIN (widget);

  *minimum = *natural = 0;
  if (self->child == NULL)
    return;

  gtk_widget_measure (self->child, orientation,
                      orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                      minimum, natural, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = 0;
}

static void
ldn_collapsing_bin_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  LdnCollapsingBin *self = LDN_COLLAPSING_BIN (widget);
  int child_minimum = 0;
  gboolean collapsed;

  if (self->child == NULL)
    return;

  gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1,
                      &child_minimum, NULL, NULL, NULL);
  collapsed = width < child_minimum;

  gtk_widget_set_child_visible (self->child, !collapsed);
  if (!collapsed)
    gtk_widget_allocate (self->child, width, height, baseline, NULL);

  if (collapsed != self->collapsed)
    {
      self->collapsed = collapsed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLAPSED]);
    }
}

static void
ldn_collapsing_bin_add_child (GtkBuildable *buildable,
                              GtkBuilder   *builder,
                              GObject      *child,
                              const char   *type)
{
  if (GTK_IS_WIDGET (child))
    ldn_collapsing_bin_set_child (LDN_COLLAPSING_BIN (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
ldn_collapsing_bin_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = ldn_collapsing_bin_add_child;
}

static void
ldn_collapsing_bin_dispose (GObject *object)
{
  LdnCollapsingBin *self = LDN_COLLAPSING_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (ldn_collapsing_bin_parent_class)->dispose (object);
}

static void
ldn_collapsing_bin_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LdnCollapsingBin *self = LDN_COLLAPSING_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    case PROP_COLLAPSED:
      g_value_set_boolean (value, self->collapsed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ldn_collapsing_bin_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LdnCollapsingBin *self = LDN_COLLAPSING_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      ldn_collapsing_bin_set_child (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ldn_collapsing_bin_class_init (LdnCollapsingBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ldn_collapsing_bin_dispose;
  /* A container: GTK 4.8 reads any other role by its class name ("LdnXxx filler"). */
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GENERIC);
  object_class->get_property = ldn_collapsing_bin_get_property;
  object_class->set_property = ldn_collapsing_bin_set_property;
  widget_class->measure = ldn_collapsing_bin_measure;
  widget_class->size_allocate = ldn_collapsing_bin_size_allocate;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLLAPSED] =
    g_param_spec_boolean ("collapsed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ldn_collapsing_bin_init (LdnCollapsingBin *self)
{
}

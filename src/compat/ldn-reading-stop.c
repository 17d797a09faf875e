/* ldn-reading-stop.c: a stop for the keyboard, read by its name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ldn-reading-stop.h"

struct _LdnReadingStop
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (LdnReadingStop, ldn_reading_stop, GTK_TYPE_WIDGET)

static void
ldn_reading_stop_class_init (LdnReadingStopClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* GtkWidget's own focus handling takes focus (a GtkBox only passes it
   * on to its children). */
  gtk_widget_class_set_css_name (widget_class, "readingstop");
}

static void
ldn_reading_stop_init (LdnReadingStop *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

GtkWidget *
ldn_reading_stop_new (GtkAccessibleRole  role,
                      const char        *text)
{
  GtkWidget *self;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (LDN_TYPE_READING_STOP, "accessible-role", role, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  return self;
}

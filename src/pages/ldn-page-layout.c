/* ldn-page-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "ldn-page-layout.h"

GtkWidget *
ldn_reading_column_new (GtkWidget *scroller,
                        int        max_width)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  g_return_val_if_fail (GTK_IS_SCROLLED_WINDOW (scroller), NULL);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), max_width);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), MIN (560, max_width));
  gtk_widget_set_margin_start (column, 18);
  gtk_widget_set_margin_end (column, 18);
  gtk_widget_set_margin_top (column, 24);
  gtk_widget_set_margin_bottom (column, 36);
  adw_clamp_set_child (ADW_CLAMP (clamp), column);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);

  return column;
}

GtkWidget *
ldn_wrapped_label_new (const char *text,
                       const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_halign (label, GTK_ALIGN_FILL);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

GtkWidget *
ldn_prose_label_new (const char *text,
                     const char *css_class)
{
  GtkWidget *label = ldn_wrapped_label_new (text, css_class);

  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  return label;
}

void
ldn_page_skip_reading (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data (G_OBJECT (widget), "ldn-skip-reading", GINT_TO_POINTER (TRUE));
}

/* A label inside a control is spoken as (part of) that control. */
static gboolean
is_part_of_control (GtkWidget *widget,
                    GtkWidget *root)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (GTK_IS_BUTTON (w) || GTK_IS_CHECK_BUTTON (w) || GTK_IS_MENU_BUTTON (w))
        return TRUE;
      if (GTK_IS_LIST_BOX_ROW (w) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (w)))
        return TRUE;
      if (w == root)
        break;
    }

  return FALSE;
}

static int
heading_level (GtkWidget *label)
{
  static const struct { const char *css_class; int level; } levels[] = {
    { "title-1", 1 }, { "title-2", 2 }, { "title-3", 3 }, { "title-4", 3 }, { "heading", 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (gtk_widget_has_css_class (label, levels[i].css_class))
      return levels[i].level;

  return 0;
}

static void
make_label_readable (GtkLabel *label)
{
  GtkWidget *widget = GTK_WIDGET (label);
  int level = heading_level (widget);

  if (gtk_label_get_mnemonic_widget (label) != NULL)
    return;

  /* Only a selectable label (or one with links) can take focus. */
  if (!gtk_label_get_selectable (label))
    gtk_label_set_selectable (label, TRUE);
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_add_css_class (widget, "ldn-readable");

  if (level > 0 && gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (label)) == GTK_ACCESSIBLE_ROLE_LABEL)
    {
      g_object_set (label, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, level, -1);
    }
}

static void
make_readable (GtkWidget *widget,
               GtkWidget *root)
{
  if (g_object_get_data (G_OBJECT (widget), "ldn-skip-reading") != NULL)
    return;

  if (GTK_IS_LABEL (widget))
    {
      if (!is_part_of_control (widget, root))
        make_label_readable (GTK_LABEL (widget));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    make_readable (child, root);
}

void
ldn_page_make_readable (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  /* Focus moving onto a paragraph must not select all its text (a screen
   * reader would say "selected" before every paragraph). */
  g_object_set (gtk_widget_get_settings (root), "gtk-label-select-on-focus", FALSE, NULL);
  make_readable (root, root);
}

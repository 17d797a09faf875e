/* ldn-page-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "compat/ldn-compat.h"
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
      /* An expander's title is its name; made a stop of its own it was
       * read twice ("More settings collapsed", then "More Settings"), and
       * GTK 4.8 raised a critical when Shift+Tab came back into it. */
      if (GTK_IS_EXPANDER (w))
        {
          GtkWidget *title = gtk_expander_get_label_widget (GTK_EXPANDER (w));

          if (title != NULL && (widget == title || gtk_widget_is_ancestor (widget, title)))
            return TRUE;
        }
      /* A row that takes focus is read with its title already. */
      if (GTK_IS_LIST_BOX_ROW (w) &&
          (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (w)) || gtk_widget_get_focusable (w)))
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
  ldn_compat_label_quiet_menu (widget);

  if (level > 0 && gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (label)) == GTK_ACCESSIBLE_ROLE_LABEL)
    {
      g_object_set (label, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, level, -1);
    }
}

/* GtkExpander keeps its child, out of the widget tree, while folded, yet
 * offers it focus: Tab or Shift+Tab through a folded expander walked into
 * a child with no window (GTK 4.8: "gtk_window_get_focus: assertion
 * 'GTK_IS_WINDOW (window)' failed", and focus went nowhere). A folded
 * child takes no focus. */
static void
folded_child_focus_cb (GtkExpander *expander)
{
  GtkWidget *child = gtk_expander_get_child (expander);

  if (child != NULL)
    gtk_widget_set_can_focus (child, gtk_expander_get_expanded (expander));
}

static void
guard_expander (GtkExpander *expander)
{
  if (g_object_get_data (G_OBJECT (expander), "ldn-expander-guarded") != NULL)
    return;
  g_object_set_data (G_OBJECT (expander), "ldn-expander-guarded", GINT_TO_POINTER (TRUE));
  g_signal_connect (expander, "notify::expanded", G_CALLBACK (folded_child_focus_cb), NULL);
  g_signal_connect (expander, "notify::child", G_CALLBACK (folded_child_focus_cb), NULL);
  folded_child_focus_cb (expander);
}

static void
make_readable (GtkWidget *widget,
               GtkWidget *root)
{
  if (GTK_IS_EXPANDER (widget))
    guard_expander (GTK_EXPANDER (widget));

  if (g_object_get_data (G_OBJECT (widget), "ldn-skip-reading") != NULL)
    return;

  if (GTK_IS_TOGGLE_BUTTON (widget) &&
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_RADIO)
    {
      ldn_page_track_choice (GTK_TOGGLE_BUTTON (widget));
      return;
    }

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

static void
sync_checked (GtkToggleButton *button)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_CHECKED,
                               gtk_toggle_button_get_active (button) ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                                     : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
}

void
ldn_page_track_choice (GtkToggleButton *button)
{
  g_return_if_fail (GTK_IS_TOGGLE_BUTTON (button));

  sync_checked (button);
  g_signal_connect (button, "toggled", G_CALLBACK (sync_checked), NULL);
}

static GtkWidget *
first_descendant (GtkWidget *widget,
                  GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : first_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
drop_down_selected_cb (GtkDropDown *drop_down)
{
  const char *name = g_object_get_data (G_OBJECT (drop_down), "ldn-drop-down-name");
  gpointer item = gtk_drop_down_get_selected_item (drop_down);
  GtkWidget *button = first_descendant (GTK_WIDGET (drop_down), GTK_TYPE_TOGGLE_BUTTON);
  g_autofree char *spoken = NULL;

  if (GTK_IS_STRING_OBJECT (item))
    /* Translators: a drop-down read aloud: its name, then the chosen value. */
    spoken = g_strdup_printf (_("%s: %s"), name, gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  else
    spoken = g_strdup (name);

  ldn_compat_drop_down_set_accessible_label (GTK_WIDGET (drop_down), button, spoken);
}

void
ldn_page_name_drop_down (GtkDropDown *drop_down,
                         const char  *name)
{
  GtkWidget *list;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (name != NULL);

  g_object_set_data_full (G_OBJECT (drop_down), "ldn-drop-down-name", g_strdup (name), g_free);
  /* The list of choices in its popover is nameless too ("GtkListView"). */
  list = first_descendant (GTK_WIDGET (drop_down), GTK_TYPE_LIST_VIEW);
  if (list != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  drop_down_selected_cb (drop_down);
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (drop_down_selected_cb), NULL);
  /* Named again once shown: a row it was put in may have labelled it since. */
  g_signal_connect (drop_down, "map", G_CALLBACK (drop_down_selected_cb), NULL);
}

void
ldn_page_name_row_once (GtkWidget *row)
{
  g_return_if_fail (ADW_IS_PREFERENCES_ROW (row));

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
}

static void
combo_row_selected_cb (AdwComboRow *row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  gpointer item = adw_combo_row_get_selected_item (row);
  g_autofree char *spoken = NULL;

  if (GTK_IS_STRING_OBJECT (item))
    /* Translators: a drop-down read aloud: its name, then the chosen value. */
    spoken = g_strdup_printf (_("%s: %s"), title, gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  else
    spoken = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

void
ldn_page_name_combo_row (AdwComboRow *row)
{
  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  /* Its title stays its "labelled by" on GTK 4.8, which would say it twice;
   * its subtitle stays its description. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  combo_row_selected_cb (row);
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_row_selected_cb), NULL);
}

/* GTK 4.8 also names a button by its child ("labelled by"), before the
 * name it was given: "GtkImage Search" or "Add Question Add question Add
 * Question". A button with a name of its own keeps only that. (GTK has no
 * other way to ask whether a name was given than its test API.) */
static gboolean
has_own_name (GtkWidget *button)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
drop_image_name (GtkButton *button)
{
  if (GTK_IS_IMAGE (gtk_button_get_child (button)) || has_own_name (GTK_WIDGET (button)))
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

void
ldn_page_fix_button_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && (GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (root))) || has_own_name (root)))
    {
      drop_image_name (GTK_BUTTON (root));
      /* A new icon (Play becomes Pause) brings a new image and its name. */
      g_signal_connect_after (root, "notify::icon-name", G_CALLBACK (drop_image_name), NULL);
      g_signal_connect_after (root, "notify::child", G_CALLBACK (drop_image_name), NULL);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ldn_page_fix_button_names (child);
}

static void
expander_expanded_cb (AdwExpanderRow *expander)
{
  GtkWidget *header = first_descendant (GTK_WIDGET (expander), GTK_TYPE_LIST_BOX_ROW);

  if (header != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_STATE_EXPANDED,
                                 adw_expander_row_get_expanded (expander), -1);
}

void
ldn_page_track_expander (GtkWidget *expander_row)
{
  g_return_if_fail (ADW_IS_EXPANDER_ROW (expander_row));

  expander_expanded_cb (ADW_EXPANDER_ROW (expander_row));
  g_signal_connect (expander_row, "notify::expanded", G_CALLBACK (expander_expanded_cb), NULL);
}

void
ldn_page_name_lists (GtkWidget  *root,
                     const char *name)
{
  if (root == NULL)
    return;
  g_return_if_fail (GTK_IS_WIDGET (root));
  g_return_if_fail (name != NULL);

  if (GTK_IS_LIST_BOX (root) && !has_own_name (root))
    gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ldn_page_name_lists (child, name);
}

GtkWidget *
ldn_page_first_of_type (GtkWidget *root,
                        GType      type)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  return first_descendant (root, type);
}

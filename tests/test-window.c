/* test-window.c: the main window, its sections, its saved state and its menu.
 *
 * Runs under Xvfb with a private session bus (see meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "app/ldn-application.h"
#include "app/ldn-save-file.h"
#include "app/ldn-window.h"
#include "compat/ldn-compat.h"
#include "export/ldn-export.h"
#include "pages/ldn-checklist-view.h"
#include "pages/ldn-questions-view.h"
#include "pages/ldn-safety-view.h"
#include "pages/ldn-side-effects-page.h"
#include "ldn-test-tmp.h"
#include "ldn-test-ui.h"

static LdnApplication *app;

static const char *sections[] = { "learn", "timeline", "side-effects", "sheet" };

static LdnWindow *
open_window (void)
{
  return ldn_test_open_window (app, 0, 0);
}

static void
close_and_wait_for_finalize (LdnWindow *window)
{
  ldn_test_close_window (GTK_WINDOW (window));
}

static void
test_sections_switch_by_action (void)
{
  LdnWindow *window = open_window ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *saved = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", sections[i]));
      g_assert_cmpstr (ldn_window_get_visible_section (window), ==, sections[i]);

      saved = g_settings_get_string (settings, "last-section");
      g_assert_cmpstr (saved, ==, sections[i]);
    }

  /* An unknown name must leave the user where they are. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "no-such-section");
  g_assert_cmpstr (ldn_window_get_visible_section (window), ==, "sheet");

  close_and_wait_for_finalize (window);
}

static void
test_section_shortcuts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *action = g_strdup_printf ("win.section::%s", sections[i]);
      g_autofree char *expected = g_strdup_printf ("<Alt>%u", i + 1);
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

      g_assert_nonnull (accels);
      g_assert_cmpstr (accels[0], ==, expected);
    }
}

static void
test_app_shortcuts (void)
{
  g_auto(GStrv) quit = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_auto(GStrv) help = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.help");
  g_auto(GStrv) overlay = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");

  g_assert_cmpstr (quit[0], ==, "<Control>q");
  g_assert_cmpstr (help[0], ==, "F1");
  g_assert_true (g_strv_contains ((const char * const *) overlay, "<Control>question"));
}

/* The help page of what is on screen: it must exist and be about it. */
static void
assert_help_page (LdnWindow  *window,
                  const char *expected)
{
  const char *page = ldn_window_get_help_page (window);
  g_autofree char *file = g_build_filename (g_getenv ("LDN_HELP_DIR"), "C", page, NULL);
  g_autofree char *path = g_strconcat (file, ".page", NULL);
  g_autofree char *text = NULL;
  g_autofree char *id = g_strdup_printf ("id=\"%s\"", page);

  g_assert_cmpstr (page, ==, expected);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, id));
}

static void
test_help_follows_section (void)
{
  LdnWindow *window = open_window ();

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", sections[i]));
      assert_help_page (window, sections[i]);
    }

  /* The safety questions have their own page; they are only in Prepare. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "prepare"));
  ldn_prepare_page_show_step (ldn_window_get_prepare_page (window), "safety");
  assert_help_page (window, "safety");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "side-effects"));
  ldn_side_effects_page_show_view (ldn_window_get_side_effects_page (window), "questions");
  assert_help_page (window, "side-effects");

  close_and_wait_for_finalize (window);
}

static void
test_state_restored_and_saved (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LdnWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 700);
  g_settings_set_int (settings, "window-height", 500);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  g_settings_set_string (settings, "last-section", "timeline");

  window = open_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 500);
  g_assert_cmpstr (ldn_window_get_visible_section (window), ==, "timeline");

  gtk_window_set_default_size (GTK_WINDOW (window), 820, 610);
  close_and_wait_for_finalize (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 820);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 610);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static gboolean
switcher_is_at_bottom (gpointer data)
{
  return ldn_window_get_switcher_at_bottom (LDN_WINDOW (data));
}

static gboolean
switcher_is_in_header (gpointer data)
{
  return !ldn_window_get_switcher_at_bottom (LDN_WINDOW (data));
}

static gboolean
window_fits_a_phone (gpointer data)
{
  int minimum;

  gtk_widget_measure (GTK_WIDGET (data), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum <= 360 && gtk_widget_get_width (GTK_WIDGET (data)) <= 360;
}

static void
test_phone_width_moves_switcher_to_bottom (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LdnWindow *window;

  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 640);
  window = open_window ();

  /* Nothing in the window may force it wider than a phone screen. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  ldn_test_iterate_until (switcher_is_at_bottom, window);
  /* The bottom bar, with all five sections, must fit too. */
  ldn_test_iterate_until (window_fits_a_phone, window);

  /* At the default size the sections fit in the header bar. */
  {
    g_autoptr(GVariant) width = g_settings_get_default_value (settings, "window-width");
    g_autoptr(GVariant) height = g_settings_get_default_value (settings, "window-height");

    gtk_window_set_default_size (GTK_WINDOW (window), g_variant_get_int32 (width), g_variant_get_int32 (height));
  }
  ldn_test_iterate_until (switcher_is_in_header, window);

  close_and_wait_for_finalize (window);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static gboolean
find_shortcuts_window (gpointer data)
{
  GtkWidget **shortcuts = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        *shortcuts = GTK_WIDGET (toplevel);
    }

  return *shortcuts != NULL;
}

static char *
normalized_accel (const char *accel)
{
  guint key;
  GdkModifierType mods;

  if (!gtk_accelerator_parse (accel, &key, &mods))
    return g_strdup (accel);
  return gtk_accelerator_name (key, mods);
}

/* Every accelerator the shortcuts window shows, as GTK names them. */
static GHashTable *
shown_accels (GtkWidget *shortcuts)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GHashTable *shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  ldn_test_collect (shortcuts, GTK_TYPE_SHORTCUT_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *accel = gtk_shortcut_label_get_accelerator (g_ptr_array_index (labels, i));
      g_auto(GStrv) parts = g_strsplit (accel ? accel : "", " ", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        if (*parts[j] != '\0')
          g_hash_table_add (shown, normalized_accel (parts[j]));
    }
  return shown;
}

static void
test_shortcuts_window_lists_every_shortcut (void)
{
  LdnWindow *window = open_window ();
  GtkWidget *shortcuts = NULL;
  g_autoptr(GHashTable) shown = NULL;
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  ldn_test_iterate_until (find_shortcuts_window, &shortcuts);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (shortcuts)) == GTK_WINDOW (window));

  shown = shown_accels (shortcuts);
  g_assert_cmpuint (g_strv_length (actions), >=, 10);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);
      g_autofree char *first = normalized_accel (accels[0]);

      if (!g_hash_table_contains (shown, first))
        g_test_fail_printf ("The shortcuts window does not show %s (%s)", accels[0], actions[i]);
    }

  gtk_window_destroy (GTK_WINDOW (shortcuts));
  close_and_wait_for_finalize (window);
}

/* Every key the shortcuts window shows reads as a person names it: GTK
 * 4.8 (without an English catalog) wrote "Page_Up" and "Page_Down". */
static void
test_shortcuts_window_names_keys_plainly (void)
{
  LdnWindow *window = open_window ();
  GtkWidget *shortcuts = NULL;
  g_autoptr(GPtrArray) keycaps = g_ptr_array_new ();
  gboolean page_up = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  ldn_test_iterate_until (find_shortcuts_window, &shortcuts);
  ldn_test_collect (shortcuts, GTK_TYPE_LABEL, keycaps);
  for (guint i = 0; i < keycaps->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (keycaps, i));

      if (gtk_widget_get_ancestor (g_ptr_array_index (keycaps, i), GTK_TYPE_SHORTCUT_LABEL) == NULL)
        continue;
      if (strchr (text, '_') != NULL)
        g_test_fail_printf ("The shortcuts window shows the key “%s”", text);
      page_up |= g_str_equal (text, "Page Up");
    }
  g_assert_true (page_up);

  gtk_window_destroy (GTK_WINDOW (shortcuts));
  close_and_wait_for_finalize (window);
}

/* libadwaita 1.5 and later show an AdwAboutDialog inside the window,
 * older ones an AdwAboutWindow of its own: either will do. */
static GtkWidget *
find_about_dialog_in (GtkWidget *widget)
{
  GType dialog_type = g_type_from_name ("AdwAboutDialog");

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (dialog_type != G_TYPE_INVALID && G_TYPE_CHECK_INSTANCE_TYPE (child, dialog_type) &&
          gtk_widget_get_mapped (child))
        return child;
      if ((found = find_about_dialog_in (child)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
find_about_window (gpointer data)
{
  GtkWidget **about = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && *about == NULL; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (toplevel) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        *about = GTK_WIDGET (toplevel);
      else
        *about = find_about_dialog_in (GTK_WIDGET (toplevel));
    }

  return *about != NULL;
}

static void
close_about (GtkWidget *about)
{
  if (GTK_IS_WINDOW (about))
    {
      gtk_window_destroy (GTK_WINDOW (about));
      return;
    }
#if ADW_CHECK_VERSION (1, 5, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  adw_dialog_force_close (ADW_DIALOG (about));
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif
}

static void
test_about_says_not_medical_advice (void)
{
  LdnWindow *window = open_window ();
  GtkWidget *about = NULL;
  g_autofree char *version = NULL;
  g_autofree char *comments = NULL;
  GtkLicense license = GTK_LICENSE_UNKNOWN;
  GtkWidget *owner;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  ldn_test_iterate_until (find_about_window, &about);

  /* Both kinds have these properties. */
  g_object_get (about, "version", &version, "license-type", &license, "comments", &comments, NULL);
  g_assert_cmpstr (version, ==, PACKAGE_VERSION);
  g_assert_cmpint (license, ==, GTK_LICENSE_GPL_3_0);
  g_assert_nonnull (strstr (comments, "not medical advice"));
  /* It belongs to the window it was opened from: transient for it, or in it. */
  owner = GTK_IS_WINDOW (about) ? GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (about)))
                                : GTK_WIDGET (gtk_widget_get_root (about));
  if (owner != GTK_WIDGET (window) && GTK_IS_WINDOW (owner))
    owner = GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (owner)));
  g_assert_true (owner == GTK_WIDGET (window));

  close_about (about);
  close_and_wait_for_finalize (window);
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
action_exists (LdnWindow  *window,
               const char *detailed)
{
  if (g_str_has_prefix (detailed, "app."))
    return g_action_group_get_action_enabled (G_ACTION_GROUP (app), detailed + strlen ("app."));

  for (guint i = 0; ; i++)
    {
      /* GTK 4.8 writes through every out pointer, so none may be NULL. */
      GType owner;
      const char *name;
      const GVariantType *parameter_type;
      const char *property;

      if (!gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), i, &owner, &name, &parameter_type, &property))
        return FALSE;
      if (g_str_equal (name, detailed))
        return TRUE;
    }
}

/* The main menu opens with its items, and each item has a working action. */
static void
test_main_menu_opens_with_working_items (void)
{
  LdnWindow *window = open_window ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GString) shown = g_string_new ("|");
  GtkMenuButton *menu_button = NULL;
  GMenuModel *model;
  GtkPopover *popover;
  guint n_items = 0;

  ldn_test_collect (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_menu_button_get_primary (g_ptr_array_index (buttons, i)))
      menu_button = g_ptr_array_index (buttons, i);
  g_assert_nonnull (menu_button);

  gtk_menu_button_popup (menu_button);
  popover = gtk_menu_button_get_popover (menu_button);
  g_assert_nonnull (popover);
  ldn_test_iterate_until (widget_is_mapped, popover);

  ldn_test_collect (GTK_WIDGET (popover), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    g_string_append_printf (shown, "%s|", gtk_label_get_text (g_ptr_array_index (labels, i)));

  model = gtk_menu_button_get_menu_model (menu_button);
  for (int section = 0; section < g_menu_model_get_n_items (model); section++)
    {
      g_autoptr(GMenuModel) items = g_menu_model_get_item_link (model, section, G_MENU_LINK_SECTION);

      for (int i = 0; i < g_menu_model_get_n_items (items); i++)
        {
          g_autofree char *action = NULL;
          g_autofree char *label = NULL;
          g_autoptr(GString) text = NULL;
          g_autofree char *needle = NULL;

          g_assert_true (g_menu_model_get_item_attribute (items, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
          g_assert_true (g_menu_model_get_item_attribute (items, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
          g_assert_true (action_exists (window, action));

          text = g_string_new (label);
          g_string_replace (text, "_", "", 0);
          needle = g_strdup_printf ("|%s|", text->str);
          g_assert_nonnull (strstr (shown->str, needle));
          n_items++;
        }
    }
  g_assert_cmpuint (n_items, >=, 6);

  gtk_popover_popdown (popover);
  close_and_wait_for_finalize (window);
}

/* The section and help icons come from the app's resources: as PNGs
 * where GTK has the symbolic encoder, as SVGs where it does not (GTK 4.23+).
 * Either way the theme has them, at the sizes they are drawn. */
/* The header keeps its shape between sections: the same buttons in the
 * same places. The search button, pressed outside the guide, opens the
 * guide's search. And no focus ring is drawn before a key is pressed. */
static void
test_header_keeps_its_shape (void)
{
  LdnWindow *window = open_window ();
  g_autoptr(GPtrArray) bars = g_ptr_array_new ();
  GtkWidget *header;
  g_autofree char *first_shape = NULL;
  GtkWidget *search = NULL;
  gboolean search_mode = FALSE;

  g_assert_false (gtk_window_get_focus_visible (GTK_WINDOW (window)));

  ldn_test_collect (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR, bars);
  header = g_ptr_array_index (bars, 0);
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
      g_autoptr(GString) shape = g_string_new (NULL);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", sections[s]));
      /* Let the header lay out again. */
      for (int i = 0; i < 5; i++)
        g_main_context_iteration (NULL, FALSE);
      ldn_test_collect (header, GTK_TYPE_BUTTON, buttons);
      for (guint i = 0; i < buttons->len; i++)
        {
          GtkWidget *button = g_ptr_array_index (buttons, i);

          if (gtk_widget_get_ancestor (button, ADW_TYPE_VIEW_SWITCHER) == NULL)
            g_string_append_printf (shape, "%s:%d ", G_OBJECT_TYPE_NAME (button), gtk_widget_is_visible (button));
          if (GTK_IS_TOGGLE_BUTTON (button) &&
              g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (button)), "edit-find-symbolic") == 0)
            search = button;
        }
      g_test_message ("%s: %s", sections[s], shape->str);
      if (first_shape == NULL)
        first_shape = g_strdup (shape->str);
      g_assert_cmpstr (shape->str, ==, first_shape);
    }

  /* Search from the discussion sheet opens the guide's search. */
  g_assert_nonnull (search);
  g_assert_true (gtk_widget_is_visible (search));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (search), TRUE);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ldn_test_nth (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, 0)),
                   ==, "learn");
  g_object_get (ldn_window_get_learn_page (window), "search-mode", &search_mode, NULL);
  g_assert_true (search_mode);

  close_and_wait_for_finalize (window);
}

/* The bar is on screen with six names shown. */
static gboolean
bar_is_laid_out (gpointer data)
{
  g_autoptr(GPtrArray) bars = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint shown = 0;

  ldn_test_collect (GTK_WIDGET (data), ADW_TYPE_VIEW_SWITCHER_BAR, bars);
  if (bars->len != 1 || !gtk_widget_get_mapped (g_ptr_array_index (bars, 0)))
    return FALSE;
  ldn_test_collect (g_ptr_array_index (bars, 0), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    shown += gtk_widget_get_mapped (g_ptr_array_index (labels, i)) &&
             gtk_widget_get_width (g_ptr_array_index (labels, i)) > 0;

  return shown == 6;
}

/* At 360 px, with normal and with large text, and with a sixth section
 * (Diary is coming), every section's name in the bottom bar is shown
 * whole: none is cut short with "…". */
static void
check_bottom_bar_names_whole (int dpi)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  g_autoptr(GPtrArray) bars = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  LdnWindow *window;
  AdwViewStack *stack;
  int old_dpi = 0;
  guint shown = 0;

  g_object_get (gtk_settings, "gtk-xft-dpi", &old_dpi, NULL);
  g_object_set (gtk_settings, "gtk-xft-dpi", dpi, NULL);
  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 640);
  window = ldn_window_new (app);
  stack = ldn_test_nth (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, 0);
  if (adw_view_stack_get_child_by_name (stack, "diary") == NULL)
    adw_view_stack_add_titled_with_icon (stack, adw_bin_new (), "diary", "Diary", "ldn-learn-symbolic");
  gtk_window_present (GTK_WINDOW (window));
  ldn_test_wait_mapped (GTK_WIDGET (window));
  ldn_test_iterate_until (switcher_is_at_bottom, window);
  ldn_test_iterate_until (bar_is_laid_out, window);
  for (int i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  ldn_test_collect (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR, bars);
  ldn_test_collect (g_ptr_array_index (bars, 0), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (!gtk_widget_get_mapped (GTK_WIDGET (label)))
        continue;
      shown++;
      {
        int nat = 0;
        gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat, NULL, NULL);
        g_test_message ("bottom bar: “%s” %d px wide, wants %d; button %d; bar %d", gtk_label_get_text (label),
                        gtk_widget_get_width (GTK_WIDGET (label)), nat,
                        gtk_widget_get_width (gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_TOGGLE_BUTTON)),
                        gtk_widget_get_width (g_ptr_array_index (bars, 0)));
      }
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
    }
  g_assert_cmpuint (shown, ==, 6);

  close_and_wait_for_finalize (window);
  g_object_set (gtk_settings, "gtk-xft-dpi", old_dpi, NULL);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* Between phone and desktop widths the switcher settles in one place:
 * the short names of the bottom bar must not make the header's switcher
 * fit again (which would bring the long names back, and so on). */
static void
test_switcher_settles_at_middle_widths (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  for (int width = 560; width <= 960; width += 100)
    {
      LdnWindow *window;
      gboolean at_bottom;
      guint changes = 0;
      gint64 until;

      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", 600);
      window = open_window ();
      /* Settled: a whole second without a change, within ten seconds
       * (a sanitizer build lays the window out slowly at first). */
      {
        gint64 start = g_get_monotonic_time ();
        gint64 last_change = start;

        at_bottom = ldn_window_get_switcher_at_bottom (window);
        until = start + 10 * G_USEC_PER_SEC;
        while (g_get_monotonic_time () < until && g_get_monotonic_time () - last_change < G_USEC_PER_SEC)
          {
            g_main_context_iteration (NULL, FALSE);
            if (ldn_window_get_switcher_at_bottom (window) != at_bottom)
              {
                changes++;
                at_bottom = !at_bottom;
                last_change = g_get_monotonic_time ();
              }
          }
        g_test_message ("%d px: %u changes before settling, in %.1f s", width, changes,
                        (last_change - start) / (double) G_USEC_PER_SEC);
        g_assert_cmpint (g_get_monotonic_time () - last_change, >=, G_USEC_PER_SEC);
        changes = 0;
      }
      until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
      while (g_get_monotonic_time () < until)
        {
          g_main_context_iteration (NULL, FALSE);
          if (ldn_window_get_switcher_at_bottom (window) != at_bottom)
            {
              changes++;
              at_bottom = !at_bottom;
            }
        }
      g_test_message ("%d px: switcher %s, %u changes", width, at_bottom ? "at the bottom" : "in the header", changes);
      g_assert_cmpuint (changes, ==, 0);
      close_and_wait_for_finalize (window);
    }
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_bottom_bar_names_whole (void)
{
  check_bottom_bar_names_whole (96 * 1024);
  check_bottom_bar_names_whole (96 * 1024 * 5 / 4);  /* GNOME's Large Text */
  check_bottom_bar_names_whole (96 * 1024 * 3 / 2);  /* what the screenshots use */
}

static gboolean
has_label_text (GtkWidget  *root,
                const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ldn_test_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
saved_toast_shown (gpointer data)
{
  return has_label_text (GTK_WIDGET (data), "Saved as “ldn-discussion-sheet.pdf”");
}

/* Saving says the file's name, not its whole path, and offers Open. */
static void
test_saved_toast_is_short_with_open (void)
{
  LdnWindow *window = open_window ();
  g_autoptr(GFile) file = g_file_new_for_path ("/home/someone/Documents/Visits/ldn-discussion-sheet.pdf");
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  gboolean open = FALSE;

  ldn_save_file_report_saved (GTK_WINDOW (window), file);
  ldn_test_iterate_until (saved_toast_shown, window);

  ldn_test_collect (GTK_WIDGET (window), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    g_assert_null (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), "/home/someone"));
  ldn_test_collect (ldn_test_nth (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY, 0), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    open |= g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "_Open") == 0 &&
            gtk_widget_get_mapped (g_ptr_array_index (buttons, i));
  g_assert_true (open);

  close_and_wait_for_finalize (window);
}

static char *
questions_in_order (LdnUserStore *user)
{
  g_autoptr(GPtrArray) questions = ldn_user_store_list_questions (user, NULL);
  g_autoptr(GString) order = g_string_new (NULL);

  for (guint i = 0; questions != NULL && i < questions->len; i++)
    g_string_append_printf (order, "%s;", ((LdnUserQuestion *) g_ptr_array_index (questions, i))->text);

  return g_string_free (g_steal_pointer (&order), FALSE);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label_or_tooltip,
             guint       index)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint seen = 0;

  ldn_test_collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if ((g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label_or_tooltip) == 0 ||
           g_strcmp0 (gtk_widget_get_tooltip_text (button), label_or_tooltip) == 0) &&
          gtk_widget_get_mapped (button) && seen++ == index)
        return button;
    }

  return NULL;
}

typedef struct {
  GtkWidget  *root;
  const char *label;
} ButtonWait;

static gboolean
button_shown (gpointer data)
{
  ButtonWait *wait = data;

  return find_button (wait->root, wait->label, 0) != NULL;
}

typedef struct {
  LdnUserStore *user;
  const char   *order;
} OrderWait;

static gboolean
order_is (gpointer data)
{
  OrderWait *wait = data;
  g_autofree char *order = questions_in_order (wait->user);

  return g_strcmp0 (order, wait->order) == 0;
}

/* Deleting one of my questions says so, with Undo; Undo puts it back
 * where it was. */
static void
test_deleted_question_can_be_undone (void)
{
  LdnUserStore *user = ldn_application_get_user_store (app);
  LdnWindow *window;
  GtkWidget *questions;
  GtkWidget *delete;
  ButtonWait undo_wait;
  OrderWait order_wait = { user, "First?;Third?;" };

  g_assert_true (ldn_user_store_delete_all (user, NULL));
  g_assert_cmpint (ldn_user_store_add_question (user, "First?", NULL, NULL), >, 0);
  g_assert_cmpint (ldn_user_store_add_question (user, "Second?", NULL, NULL), >, 0);
  g_assert_cmpint (ldn_user_store_add_question (user, "Third?", NULL, NULL), >, 0);
  window = open_window ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-questions", NULL));
  questions = ldn_test_nth (GTK_WIDGET (ldn_window_get_side_effects_page (window)), LDN_TYPE_QUESTIONS_VIEW, 0);
  ldn_test_wait_mapped (questions);

  delete = find_button (questions, "Delete this question", 1);
  g_assert_nonnull (delete);
  g_signal_emit_by_name (delete, "clicked");
  ldn_test_iterate_until (order_is, &order_wait);

  undo_wait.root = ldn_test_nth (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY, 0);
  undo_wait.label = "_Undo";
  ldn_test_iterate_until (button_shown, &undo_wait);
  g_assert_true (has_label_text (undo_wait.root, "Question deleted"));
  g_signal_emit_by_name (find_button (undo_wait.root, "_Undo", 0), "clicked");
  order_wait.order = "First?;Second?;Third?;";
  ldn_test_iterate_until (order_is, &order_wait);

  close_and_wait_for_finalize (window);
  g_assert_true (ldn_user_store_delete_all (user, NULL));
}

/* A future day picked in the "since" calendar is refused next to it, as
 * a typed one is, and nothing is saved. */
static void
test_future_since_from_calendar_refused (void)
{
  LdnUserStore *user = ldn_application_get_user_store (app);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) future = g_date_time_add_days (now, 40);
  g_autoptr(GPtrArray) errors = g_ptr_array_new ();
  LdnWindow *window;
  GtkWidget *checklist;
  GtkCalendar *calendar;
  gboolean said = FALSE;

  g_assert_true (ldn_user_store_delete_all (user, NULL));
  window = open_window ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "side-effects"));
  checklist = ldn_test_nth (GTK_WIDGET (ldn_window_get_side_effects_page (window)), LDN_TYPE_CHECKLIST_VIEW, 0);
  calendar = ldn_test_nth (checklist, GTK_TYPE_CALENDAR, 0);

  gtk_calendar_select_day (calendar, future);
  g_signal_emit_by_name (calendar, "day-selected");
  {
    g_autoptr(LdnChecklistEntry) saved = ldn_user_store_get_checklist_entry (user, "vivid-dreams", NULL);
    g_assert_true (saved == NULL || saved->since == NULL);
  }
  ldn_test_collect (gtk_widget_get_parent (GTK_WIDGET (calendar)), GTK_TYPE_LABEL, errors);
  for (guint i = 0; i < errors->len; i++)
    said |= gtk_widget_get_visible (g_ptr_array_index (errors, i)) &&
            g_strcmp0 (gtk_label_get_text (g_ptr_array_index (errors, i)), "That date is in the future.") == 0;
  g_assert_true (said);

  close_and_wait_for_finalize (window);
  g_assert_true (ldn_user_store_delete_all (user, NULL));
}

/* The mean colour of WIDGET as drawn. */
static void
mean_color (GtkWidget *widget,
            double     rgb[3])
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autofree guchar *pixels = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  rgb[0] = rgb[1] = rgb[2] = 0;
  /* Premultiplied BGRA in memory, put over a white page. */
  for (int i = 0; i < width * height; i++)
    for (int c = 0; c < 3; c++)
      rgb[c] += pixels[i * 4 + (2 - c)] / 255.0 + (1 - pixels[i * 4 + 3] / 255.0);
  for (int c = 0; c < 3; c++)
    rgb[c] /= width * height;
}

typedef struct {
  GtkWidget *widget;
  double     y;
} StillWait;

/* Answering a safety question moves nothing below it, and the chosen
 * answer is plainly different from the others (drawn in another colour,
 * not a shade darker). */
static void
test_safety_answer_moves_nothing_and_shows (void)
{
  LdnUserStore *user = ldn_application_get_user_store (app);
  LdnContentStore *content = ldn_application_get_content_store (app, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *yes = NULL, *no = NULL, *second = NULL, *scroller;
  graphene_rect_t before, after;
  double chosen[3], other[3], distance = 0;
  gint64 until;

  g_assert_true (ldn_user_store_delete_all (user, NULL));
  view = ldn_safety_view_new (content, user);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 700);
  gtk_window_present (GTK_WINDOW (window));
  ldn_test_wait_mapped (view);

  ldn_test_collect (view, GTK_TYPE_TOGGLE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (yes == NULL && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), "Yes") == 0)
        yes = button;
      else if (yes != NULL && no == NULL && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), "No") == 0)
        no = button;
      else if (yes != NULL && second == NULL && gtk_widget_get_parent (button) != gtk_widget_get_parent (yes))
        second = button;
    }
  g_assert_nonnull (yes);
  g_assert_nonnull (no);
  g_assert_nonnull (second);
  scroller = gtk_widget_get_ancestor (yes, GTK_TYPE_SCROLLED_WINDOW);
  /* Laid out and settled. */
  until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_compute_bounds (second, scroller, &before));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (yes), TRUE);
  /* Whatever would move has moved after half a second. */
  until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_compute_bounds (second, scroller, &after));
  g_assert_cmpfloat (after.origin.y, ==, before.origin.y);

  mean_color (yes, chosen);
  mean_color (no, other);
  for (int c = 0; c < 3; c++)
    distance += (chosen[c] - other[c]) * (chosen[c] - other[c]);
  /* (squared distance in RGB, each channel 0 to 1) */
  g_test_message ("chosen %.2f %.2f %.2f, other %.2f %.2f %.2f, squared distance %.3f",
                  chosen[0], chosen[1], chosen[2], other[0], other[1], other[2], distance);
  g_assert_cmpfloat (distance, >, 0.2);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (ldn_user_store_delete_all (user, NULL));
}

static void
test_section_icons_exist (void)
{
  LdnWindow *window = open_window ();
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));
  const char *icons[] = { "ldn-learn-symbolic", "ldn-timeline-symbolic", "ldn-side-effects-symbolic",
                          "ldn-sheet-symbolic", "ldn-help-symbolic" };

  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    {
      g_autoptr(GtkIconPaintable) icon = NULL;
      g_autoptr(GFile) file = NULL;
      g_autofree char *uri = NULL;

      if (!gtk_icon_theme_has_icon (theme, icons[i]))
        g_error ("The icon %s is missing", icons[i]);
      icon = gtk_icon_theme_lookup_icon (theme, icons[i], NULL, 16, 1, GTK_TEXT_DIR_LTR, 0);
      file = gtk_icon_paintable_get_file (icon);
      uri = file ? g_file_get_uri (file) : NULL;
      g_assert_nonnull (uri);
      g_assert_true (g_str_has_prefix (uri, "resource:///io/github/ldnguide/LdnGuide/icons/"));
    }
  close_and_wait_for_finalize (window);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  app = ldn_test_ui_init (&argc, &argv);

  ldn_test_add_func ("/window/sections-switch-by-action", test_sections_switch_by_action);
  ldn_test_add_func ("/window/section-shortcuts", test_section_shortcuts);
  ldn_test_add_func ("/window/app-shortcuts", test_app_shortcuts);
  ldn_test_add_func ("/window/help-follows-section", test_help_follows_section);
  ldn_test_add_func ("/window/state-restored-and-saved", test_state_restored_and_saved);
  ldn_test_add_func ("/window/phone-width-moves-switcher-to-bottom", test_phone_width_moves_switcher_to_bottom);
  ldn_test_add_func ("/window/shortcuts-window-lists-every-shortcut", test_shortcuts_window_lists_every_shortcut);
  ldn_test_add_func ("/window/shortcuts-window-names-keys-plainly", test_shortcuts_window_names_keys_plainly);
  ldn_test_add_func ("/window/about-says-not-medical-advice", test_about_says_not_medical_advice);
  ldn_test_add_func ("/window/main-menu-opens-with-working-items", test_main_menu_opens_with_working_items);
  ldn_test_add_func ("/window/section-icons-exist", test_section_icons_exist);
  ldn_test_add_func ("/window/header-keeps-its-shape", test_header_keeps_its_shape);
  ldn_test_add_func ("/window/bottom-bar-names-whole", test_bottom_bar_names_whole);
  ldn_test_add_func ("/window/switcher-settles-at-middle-widths", test_switcher_settles_at_middle_widths);
  ldn_test_add_func ("/window/saved-toast-is-short-with-open", test_saved_toast_is_short_with_open);
  ldn_test_add_func ("/window/deleted-question-can-be-undone", test_deleted_question_can_be_undone);
  ldn_test_add_func ("/window/future-since-from-calendar-refused", test_future_since_from_calendar_refused);
  ldn_test_add_func ("/window/safety-answer-moves-nothing-and-shows", test_safety_answer_moves_nothing_and_shows);

  result = g_test_run ();
  g_clear_object (&app);

  return result;
}

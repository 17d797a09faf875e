/* ldn-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ldn-collapsing-bin.h"
#include "compat/ldn-compat.h"
#include "ldn-save-file.h"
#include "ldn-window.h"
#include "pages/ldn-diary-page.h"
#include "pages/ldn-toast.h"
#include "pages/ldn-learn-page.h"
#include "pages/ldn-questions-view.h"
#include "pages/ldn-page-layout.h"
#include "pages/ldn-prepare-page.h"
#include "pages/ldn-sheet-page.h"
#include "pages/ldn-side-effects-page.h"
#include "pages/ldn-timeline-page.h"
#include "pages/ldn-user-text-view.h"

struct _LdnWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  guint                 layout_idle_id;

  LdnCollapsingBin     *switcher_slot;
  GtkBox               *content_box;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  AdwViewSwitcher      *view_switcher;
  AdwViewSwitcherBar   *switcher_bar;  /* made the first time the window is narrow */
  AdwViewStack         *stack;
  GtkToggleButton      *search_button;
  AdwBin               *learn_slot;
  AdwBin               *timeline_slot;
  AdwBin               *side_effects_slot;
  AdwBin               *diary_slot;
  AdwBin               *sheet_slot;
  AdwBin               *prepare_slot;
  LdnPreparePage       *prepare_page;
  /* Each section is built the first time it is shown or asked for, so
   * the window opens as fast as the section it opens on allows. */
  gboolean              sections_ready;
  LdnLearnPage         *learn_page;
  LdnTimelinePage      *timeline_page;
  LdnSideEffectsPage   *side_effects_page;
  LdnDiaryPage         *diary_page;
  LdnSheetPage         *sheet_page;
  AdwToastOverlay      *toast_overlay;
  gboolean              close_confirmed;
  GtkWidget            *close_dialog;     /* "Close Without Saving?" while it is shown */
};

G_DEFINE_FINAL_TYPE (LdnWindow, ldn_window, ADW_TYPE_APPLICATION_WINDOW)

/* A damaged file moved aside, or a place that cannot be written: say so
 * once, plainly, and leave the toast until the person closes it. */
static void
ldn_window_report_user_data (LdnWindow    *self,
                             LdnUserStore *user)
{
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (ldn_user_store_get_damaged_path (user) != NULL)
    message = g_strdup_printf (_("Your saved answers could not be read. The damaged file was kept as %s "
                                 "and a new one was started."),
                               ldn_user_store_get_damaged_path (user));
  else if (ldn_user_store_get_problem (user) != NULL)
    message = g_strdup (ldn_user_store_get_problem (user));
  else
    return;

  {
    g_autofree char *escaped = g_markup_escape_text (message, -1);

    toast = adw_toast_new (escaped);
  }
  adw_toast_set_timeout (toast, 0);
  ldn_toast_add (GTK_WIDGET (self->toast_overlay), toast);
}

static LdnApplication *
ldn_window_get_ldn_application (LdnWindow *self)
{
  return LDN_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

/* The content store opens on the first section that needs it; a broken
 * file is then reported by every section that would have shown it. */
static LdnContentStore *
ldn_window_get_content (LdnWindow  *self,
                        GError    **error)
{
  return ldn_application_get_content_store (ldn_window_get_ldn_application (self), error);
}

static LdnLearnPage *
ensure_learn_page (LdnWindow *self)
{
  LdnApplication *application = ldn_window_get_ldn_application (self);
  g_autoptr(GError) error = NULL;
  LdnContentStore *store;

  if (self->learn_page != NULL)
    return self->learn_page;

  self->learn_page = g_object_new (LDN_TYPE_LEARN_PAGE, NULL);
  adw_bin_set_child (self->learn_slot, GTK_WIDGET (self->learn_page));
  store = ldn_window_get_content (self, &error);
  ldn_learn_page_load (self->learn_page, store, error,
                       ldn_application_get_teach_back_recorder (application),
                       self->settings);
  g_object_bind_property (self->search_button, "active", self->learn_page, "search-mode",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  /* Teach-back answers are shown on the guided pages too. */
  g_signal_connect_object (ldn_application_get_user_store (application), "reset",
                           G_CALLBACK (ldn_learn_page_reload), self->learn_page, G_CONNECT_SWAPPED);
  return self->learn_page;
}

static LdnTimelinePage *
ensure_timeline_page (LdnWindow *self)
{
  g_autoptr(GError) error = NULL;
  LdnContentStore *store;

  if (self->timeline_page != NULL)
    return self->timeline_page;

  self->timeline_page = g_object_new (LDN_TYPE_TIMELINE_PAGE, NULL);
  adw_bin_set_child (self->timeline_slot, GTK_WIDGET (self->timeline_page));
  store = ldn_window_get_content (self, &error);
  ldn_timeline_page_load (self->timeline_page, store, error, self->settings,
                          ldn_application_get_user_store (ldn_window_get_ldn_application (self)));
  return self->timeline_page;
}

static LdnSideEffectsPage *
ensure_side_effects_page (LdnWindow *self)
{
  g_autoptr(GError) error = NULL;
  LdnContentStore *store;

  if (self->side_effects_page != NULL)
    return self->side_effects_page;

  self->side_effects_page = g_object_new (LDN_TYPE_SIDE_EFFECTS_PAGE, NULL);
  adw_bin_set_child (self->side_effects_slot, GTK_WIDGET (self->side_effects_page));
  store = ldn_window_get_content (self, &error);
  ldn_side_effects_page_load (self->side_effects_page, store, error,
                              ldn_application_get_user_store (ldn_window_get_ldn_application (self)));
  return self->side_effects_page;
}

static LdnDiaryPage *
ensure_diary_page (LdnWindow *self)
{
  g_autoptr(GError) error = NULL;
  LdnContentStore *store;

  if (self->diary_page != NULL)
    return self->diary_page;

  self->diary_page = g_object_new (LDN_TYPE_DIARY_PAGE, NULL);
  adw_bin_set_child (self->diary_slot, GTK_WIDGET (self->diary_page));
  store = ldn_window_get_content (self, &error);
  ldn_diary_page_load (self->diary_page, store, error,
                       ldn_application_get_user_store (ldn_window_get_ldn_application (self)));
  return self->diary_page;
}

LdnDiaryPage *
ldn_window_get_diary_page (LdnWindow *self)
{
  g_return_val_if_fail (LDN_IS_WINDOW (self), NULL);

  return ensure_diary_page (self);
}

static LdnSheetPage *
ensure_sheet_page (LdnWindow *self)
{
  g_autoptr(GError) error = NULL;
  LdnContentStore *store;

  if (self->sheet_page != NULL)
    return self->sheet_page;

  self->sheet_page = g_object_new (LDN_TYPE_SHEET_PAGE, NULL);
  adw_bin_set_child (self->sheet_slot, GTK_WIDGET (self->sheet_page));
  store = ldn_window_get_content (self, &error);
  ldn_sheet_page_load (self->sheet_page, store, error,
                       ldn_application_get_user_store (ldn_window_get_ldn_application (self)),
                       self->settings);
  return self->sheet_page;
}

static LdnPreparePage *
ensure_prepare_page (LdnWindow *self)
{
  g_autoptr(GError) error = NULL;
  LdnContentStore *store;

  if (self->prepare_page != NULL)
    return self->prepare_page;

  self->prepare_page = g_object_new (LDN_TYPE_PREPARE_PAGE, NULL);
  adw_bin_set_child (self->prepare_slot, GTK_WIDGET (self->prepare_page));
  store = ldn_window_get_content (self, &error);
  ldn_prepare_page_load (self->prepare_page, store, error,
                         ldn_application_get_user_store (ldn_window_get_ldn_application (self)), self->settings);
  return self->prepare_page;
}

LdnPreparePage *
ldn_window_get_prepare_page (LdnWindow *self)
{
  g_return_val_if_fail (LDN_IS_WINDOW (self), NULL);

  return ensure_prepare_page (self);
}

/* "My questions" from the steps: the questions view of Side Effects. */
static void
ldn_window_show_questions_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  LdnWindow *self = LDN_WINDOW (widget);

  ldn_side_effects_page_show_view (ensure_side_effects_page (self), "questions");
  adw_view_stack_set_visible_child_name (self->stack, "side-effects");
}

static void
ensure_visible_section (LdnWindow *self)
{
  const char *section = adw_view_stack_get_visible_child_name (self->stack);
  GtkWidget *visible = adw_view_stack_get_visible_child (self->stack);
  AdwBin *slots[] = { self->prepare_slot, self->learn_slot, self->timeline_slot, self->side_effects_slot,
                      self->sheet_slot };

  /* Only the section on screen is in the focus chain. On GTK 4.10+ with
   * libadwaita 1.7 a view stack lets Tab into a hidden section (the
   * Prepare steps when the guide is shown), so Tab never reached the
   * guide's title (issue 15). */
  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    if (slots[i] != NULL)
      gtk_widget_set_can_focus (GTK_WIDGET (slots[i]), GTK_WIDGET (slots[i]) == visible);

  if (!self->sections_ready || section == NULL)
    return;

  if (g_str_equal (section, "learn"))
    ensure_learn_page (self);
  else if (g_str_equal (section, "timeline"))
    ensure_timeline_page (self);
  else if (g_str_equal (section, "side-effects"))
    ensure_side_effects_page (self);
  else if (g_str_equal (section, "diary"))
    ensure_diary_page (self);
  else if (g_str_equal (section, "sheet"))
    ensure_sheet_page (self);
  else if (g_str_equal (section, "prepare"))
    ensure_prepare_page (self);
}

LdnWindow *
ldn_window_new (LdnApplication *application)
{
  LdnWindow *self;

  g_return_val_if_fail (LDN_IS_APPLICATION (application), NULL);

  self = g_object_new (LDN_TYPE_WINDOW, "application", application, NULL);
  self->sections_ready = TRUE;
  /* The first time, the steps show first: what to do, in order. */
  if (!g_settings_get_boolean (self->settings, "overview-seen"))
    {
      adw_view_stack_set_visible_child_name (self->stack, "prepare");
      g_settings_set_boolean (self->settings, "overview-seen", TRUE);
    }
  ensure_visible_section (self);
  ldn_window_report_user_data (self, ldn_application_get_user_store (application));

  return self;
}

gboolean
ldn_window_get_switcher_at_bottom (LdnWindow *self)
{
  g_return_val_if_fail (LDN_IS_WINDOW (self), FALSE);

  return self->switcher_bar != NULL && adw_view_switcher_bar_get_reveal (self->switcher_bar);
}

const char *
ldn_window_get_help_page (LdnWindow *self)
{
  const char *section;

  g_return_val_if_fail (LDN_IS_WINDOW (self), NULL);

  section = adw_view_stack_get_visible_child_name (self->stack);
  /* Each step of "Prepare" has its own page; the overview is "prepare". */
  if (g_strcmp0 (section, "prepare") == 0 && self->prepare_page != NULL &&
      g_strcmp0 (ldn_prepare_page_get_step (self->prepare_page), "overview") != 0)
    return ldn_prepare_page_get_step (self->prepare_page);

  /* Each section's help page has the section's name. */
  return section;
}

static void
ldn_window_help_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LdnWindow *self = LDN_WINDOW (widget);

  ldn_compat_show_help (GTK_WINDOW (self), ldn_window_get_help_page (self));
}

LdnTimelinePage *
ldn_window_get_timeline_page (LdnWindow *self)
{
  g_return_val_if_fail (LDN_IS_WINDOW (self), NULL);

  return ensure_timeline_page (self);
}

void
ldn_window_add_toast (LdnWindow  *self,
                      const char *message)
{
  g_return_if_fail (LDN_IS_WINDOW (self));

  ldn_toast_show (GTK_WIDGET (self->toast_overlay), message);
}

void
ldn_window_show_toast (LdnWindow *self,
                       AdwToast  *toast)
{
  g_return_if_fail (LDN_IS_WINDOW (self));

  ldn_toast_add (GTK_WIDGET (self->toast_overlay), toast);
}

LdnSideEffectsPage *
ldn_window_get_side_effects_page (LdnWindow *self)
{
  g_return_val_if_fail (LDN_IS_WINDOW (self), NULL);

  return ensure_side_effects_page (self);
}

LdnSheetPage *
ldn_window_get_sheet_page (LdnWindow *self)
{
  g_return_val_if_fail (LDN_IS_WINDOW (self), NULL);

  return ensure_sheet_page (self);
}

LdnLearnPage *
ldn_window_get_learn_page (LdnWindow *self)
{
  g_return_val_if_fail (LDN_IS_WINDOW (self), NULL);

  return ensure_learn_page (self);
}

const char *
ldn_window_get_visible_section (LdnWindow *self)
{
  g_return_val_if_fail (LDN_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

static void
ldn_window_section_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  LdnWindow *self = LDN_WINDOW (widget);
  const char *section = g_variant_get_string (parameter, NULL);
  AdwViewStackPage *page;
  const char *title;

  if (adw_view_stack_get_child_by_name (self->stack, section) == NULL)
    {
      g_debug ("No section named “%s”", section);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, section);
  /* Alt+2 and the like switch without moving focus: say where we are. */
  page = adw_view_stack_get_page (self->stack, adw_view_stack_get_child_by_name (self->stack, section));
  title = adw_view_stack_page_get_title (page);
  if (title != NULL)
    ldn_compat_announce (widget, title);
}

/* GTK 4.8 names Page Up and Page Down on a keycap by their key names,
 * "Page_Up", when its catalog has no translation for the language (as in
 * American English); other languages keep GTK's own ("Re Pág"). */
static void
name_keys_plainly (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_SHORTCUT_LABEL) != NULL)
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (g_str_equal (text, "Page_Up"))
        gtk_label_set_text (GTK_LABEL (widget), C_("keyboard key", "Page Up"));
      else if (g_str_equal (text, "Page_Down"))
        gtk_label_set_text (GTK_LABEL (widget), C_("keyboard key", "Page Down"));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_keys_plainly (child);
}

/* The shortcuts window is built when asked for, not with every window
 * as GtkApplication would do: it is a large tree nobody needs at start. */
static void
ldn_window_show_shortcuts_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/ldn-shortcuts.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  /* Shortcuts named by action show the accelerators the app set. */
  gtk_window_set_application (shortcuts, gtk_window_get_application (GTK_WINDOW (widget)));
  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_set_modal (shortcuts, TRUE);
  name_keys_plainly (GTK_WIDGET (shortcuts));
  gtk_window_present (shortcuts);
}

/* Printing works from every section: the sheet is always the thing printed. */
static void
ldn_window_print_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ldn_sheet_page_print (ensure_sheet_page (LDN_WINDOW (widget)));
}

static gboolean
write_sheet (GFile     *file,
             gpointer   data,
             GError   **error)
{
  return ldn_sheet_page_write_pdf (LDN_SHEET_PAGE (data), file, error);
}

static void
ldn_window_save_sheet_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  LdnWindow *self = LDN_WINDOW (widget);
  LdnSheetPage *page = ensure_sheet_page (self);
  g_autoptr(GError) error = NULL;

  /* What the person entered elsewhere may have changed since. */
  ldn_sheet_page_refresh (page);
  if (!ldn_sheet_page_write_pdf (page, NULL, &error))
    {
      ldn_window_add_toast (self, error->message);
      return;
    }

  /* Translators: the suggested file name of the saved sheet. */
  ldn_save_file (GTK_WINDOW (self), _("Save Sheet as PDF"), _("ldn-discussion-sheet.pdf"),
                 write_sheet, g_object_ref (page), g_object_unref);
}

static void
ldn_window_show_toast_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  ldn_window_add_toast (LDN_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
ldn_window_search_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LdnWindow *self = LDN_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->stack, "learn");
  ldn_learn_page_start_search (ensure_learn_page (self));
}

/* Search searches the guide. Its button stays in every section, so the
 * header keeps its shape; pressed elsewhere, it opens the guide. */
static void
visible_section_changed_cb (LdnWindow *self)
{
  if (self->search_button == NULL)
    return;

  ensure_visible_section (self);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "learn") != 0)
    gtk_toggle_button_set_active (self->search_button, FALSE);
}

static void
search_button_toggled_cb (LdnWindow *self)
{
  if (!gtk_toggle_button_get_active (self->search_button) ||
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "learn") == 0)
    return;

  adw_view_stack_set_visible_child_name (self->stack, "learn");
  ldn_learn_page_start_search (ensure_learn_page (self));
}

/* The bottom bar gives each section a sixth of a phone's width: there
 * the sections go by short names, so that none is cut short. */
static const char *
short_section_title (const char *name)
{
  static const struct { const char *name; const char *title; } titles[] = {
    { "prepare", NC_("short section name", "Prepare") },
    { "learn", NC_("short section name", "Learn") },
    { "timeline", NC_("short section name", "Timeline") },
    { "side-effects", NC_("short section name", "Effects") },
    { "sheet", NC_("short section name", "Sheet") },
    { "diary", NC_("short section name", "Diary") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_strcmp0 (name, titles[i].name) == 0)
      return g_dpgettext2 (NULL, "short section name", titles[i].title);

  return NULL;
}

/* Six sections do not fit side by side under their full titles: in the
 * header bar at the default width, nor in the bottom bar on a phone.
 * Both switchers show short names (the pages keep their full titles,
 * which screen readers and the help use). A switcher's own labels are
 * bound to the pages' titles both ways, so they are hidden and labels of
 * ours shown. The bottom bar also keeps no room either side. */
static void
use_short_section_names (LdnWindow *self,
                         GtkWidget *switcher,
                         gboolean   tight)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();
  g_autoptr(GHashTable) short_titles = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->stack);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      const char *short_title = short_section_title (adw_view_stack_page_get_name (page));

      if (short_title != NULL && adw_view_stack_page_get_title (page) != NULL)
        g_hash_table_insert (short_titles, (gpointer) adw_view_stack_page_get_title (page), (gpointer) short_title);
    }

  g_ptr_array_add (pending, switcher);
  while (pending->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (pending, pending->len - 1);

      /* Each button as wide as its own name, not all as wide as the
       * widest: with large text, six equal buttons overflow a phone. */
      if (tight && ADW_IS_VIEW_SWITCHER (widget))
        {
          GtkLayoutManager *layout = gtk_widget_get_layout_manager (widget);

          if (GTK_IS_BOX_LAYOUT (layout))
            gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (layout), FALSE);
          gtk_widget_set_margin_start (widget, 0);
          gtk_widget_set_margin_end (widget, 0);
        }
      /* The bar's own label is bound (both ways) to the page's title, so
       * it is hidden and a label of ours, with the short name, shown. */
      if (GTK_IS_LABEL (widget) && GTK_IS_BOX (gtk_widget_get_parent (widget)) &&
          (gtk_widget_has_css_class (gtk_widget_get_parent (widget), "narrow") ||
           gtk_widget_has_css_class (gtk_widget_get_parent (widget), "wide")))
        {
          const char *short_title = g_hash_table_lookup (short_titles, gtk_label_get_label (GTK_LABEL (widget)));

          if (short_title != NULL && gtk_widget_get_visible (widget))
            {
              GtkWidget *label = gtk_label_new (short_title);

              gtk_widget_set_visible (widget, FALSE);
              gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (widget)), label, widget);
            }
          continue;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (pending, child);
    }
}

static gboolean
ldn_window_apply_layout (gpointer user_data)
{
  LdnWindow *self = LDN_WINDOW (user_data);

  gboolean narrow = ldn_collapsing_bin_get_collapsed (self->switcher_slot);


  self->layout_idle_id = 0;
  if (narrow && self->switcher_bar == NULL)
    {
      self->switcher_bar = ADW_VIEW_SWITCHER_BAR (adw_view_switcher_bar_new ());
      adw_view_switcher_bar_set_stack (self->switcher_bar, self->stack);
      gtk_box_append (self->content_box, GTK_WIDGET (self->switcher_bar));
      use_short_section_names (self, GTK_WIDGET (self->switcher_bar), TRUE);
    }
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_reveal (self->switcher_bar, narrow);

  return G_SOURCE_REMOVE;
}

/* The header switcher no longer fits: show the bottom bar instead. This
 * arrives during an allocation, so the change waits for the next idle. */
static void
switcher_slot_collapsed_cb (LdnWindow *self)
{
  if (self->layout_idle_id == 0)
    self->layout_idle_id = g_idle_add (ldn_window_apply_layout, self);
}

static void
ldn_window_restore_state (LdnWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "last-section",
                   self->stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
ldn_window_save_state (LdnWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  /* A maximized window keeps the size it had before, for un-maximizing. */
  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

/* Text the store refused (too long, read-only, busy) and a question
 * typed but not added: the names of those fields. */
static void
collect_unsaved (GtkWidget *widget,
                 GPtrArray *names)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (LDN_IS_USER_TEXT_VIEW (child))
        {
          if (ldn_user_text_view_has_unsaved_text (LDN_USER_TEXT_VIEW (child)))
            g_ptr_array_add (names, g_strdup (ldn_user_text_view_get_label (LDN_USER_TEXT_VIEW (child))));
          continue;
        }
      if (LDN_IS_QUESTIONS_VIEW (child) && ldn_questions_view_get_draft (LDN_QUESTIONS_VIEW (child)) != NULL)
        g_ptr_array_add (names, g_strdup (_("Your own question, not added yet")));
      collect_unsaved (child, names);
    }
}

static gboolean
close_when_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
unsaved_answered_cb (gboolean confirmed,
                     gpointer user_data)
{
  g_autoptr(LdnWindow) self = user_data;

  self->close_dialog = NULL;
  if (!confirmed)
    return;

  /* Closed once the dialog has finished with its response. */
  self->close_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_when_idle, g_object_ref (self), g_object_unref);
}

/* Nothing typed is dropped unseen: the person decides. */
static gboolean
ask_before_losing_text (LdnWindow *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) body = NULL;

  if (self->close_confirmed)
    return FALSE;
  if (self->close_dialog != NULL)
    return TRUE;

  collect_unsaved (GTK_WIDGET (self), names);
  if (names->len == 0)
    return FALSE;

  body = g_string_new (_("What you typed here is not saved:"));
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (body, "\n• %s", (const char *) g_ptr_array_index (names, i));
  g_string_append (body, "\n\n");
  g_string_append (body, _("If you close the window now, it is lost. Keep editing to shorten the text, add the "
                           "question, or copy what you want to keep."));

  self->close_dialog = ldn_compat_confirm_full (GTK_WINDOW (self), _("Close Without Saving?"), body->str,
                                                _("_Keep Editing"), _("_Close Without Saving"),
                                                unsaved_answered_cb, g_object_ref (self));
  return TRUE;
}

GtkWidget *
ldn_window_get_close_dialog (LdnWindow *self)
{
  g_return_val_if_fail (LDN_IS_WINDOW (self), NULL);
  return self->close_dialog;
}

static gboolean
ldn_window_close_request (GtkWindow *window)
{
  LdnWindow *self = LDN_WINDOW (window);

  if (ask_before_losing_text (self))
    return TRUE;

  ldn_window_save_state (self);

  return GTK_WINDOW_CLASS (ldn_window_parent_class)->close_request (window);
}

/* Back in the window after an import or another LDN Guide: show their
 * changes before the person makes one. */
static void
is_active_changed_cb (LdnWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (gtk_window_is_active (GTK_WINDOW (self)) && application != NULL)
    ldn_user_store_check_for_changes (ldn_application_get_user_store (LDN_APPLICATION (application)));
}

static void
ldn_window_dispose (GObject *object)
{
  LdnWindow *self = LDN_WINDOW (object);

  g_clear_handle_id (&self->layout_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LDN_TYPE_WINDOW);

  G_OBJECT_CLASS (ldn_window_parent_class)->dispose (object);
}

static void
ldn_window_finalize (GObject *object)
{
  LdnWindow *self = LDN_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ldn_window_parent_class)->finalize (object);
}

static void
ldn_window_class_init (LdnWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ldn_window_dispose;
  object_class->finalize = ldn_window_finalize;
  window_class->close_request = ldn_window_close_request;

  g_type_ensure (LDN_TYPE_COLLAPSING_BIN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ldn-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LdnWindow, switcher_slot);
  gtk_widget_class_bind_template_child (widget_class, LdnWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, LdnWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, LdnWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, LdnWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, LdnWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LdnWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, LdnWindow, learn_slot);
  gtk_widget_class_bind_template_child (widget_class, LdnWindow, timeline_slot);
  gtk_widget_class_bind_template_child (widget_class, LdnWindow, side_effects_slot);
  gtk_widget_class_bind_template_child (widget_class, LdnWindow, diary_slot);
  gtk_widget_class_bind_template_child (widget_class, LdnWindow, sheet_slot);
  gtk_widget_class_bind_template_child (widget_class, LdnWindow, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, switcher_slot_collapsed_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_section_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.section", "s", ldn_window_section_action);
  gtk_widget_class_install_action (widget_class, "win.show-questions", NULL, ldn_window_show_questions_action);
  gtk_widget_class_bind_template_child (widget_class, LdnWindow, prepare_slot);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, ldn_window_search_action);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, ldn_window_help_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, ldn_window_show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, ldn_window_print_action);
  gtk_widget_class_install_action (widget_class, "win.save-sheet", NULL, ldn_window_save_sheet_action);
  /* Pages show toasts through this action (see pages/ldn-toast.h). */
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", ldn_window_show_toast_action);
}

/* Typing on the guide starts a search, as in other GNOME apps. Keys that
 * a focused control uses never bubble up to here. */
static gboolean
window_key_pressed_cb (LdnWindow       *self,
                       guint            keyval,
                       guint            keycode,
                       GdkModifierType  state)
{
  if (self->learn_page == NULL ||
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "learn") != 0)
    return GDK_EVENT_PROPAGATE;

  return ldn_learn_page_type_to_search (self->learn_page, keyval, state);
}

/* The menu's widgets are made the first time it opens, not before the
 * first frame. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  LdnWindow *self = LDN_WINDOW (user_data);

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
ldn_window_init (LdnWindow *self)
{
  GtkEventController *typing = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  use_short_section_names (self, GTK_WIDGET (self->view_switcher), FALSE);
  ldn_page_fix_button_names (GTK_WIDGET (self));
  g_signal_connect_swapped (typing, "key-pressed", G_CALLBACK (window_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), typing);
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_primary_menu, self, NULL);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_changed_cb), NULL);
  ldn_window_restore_state (self);
  visible_section_changed_cb (self);
  g_signal_connect_swapped (self->search_button, "toggled", G_CALLBACK (search_button_toggled_cb), self);
}

/* ldn-learn-page.c
 *
 * The guided pages: one page at a time in a carousel, with Back/Next,
 * a page list, progress, sources under every statement, teach-back
 * questions, an "All sources" page, and search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "compat/ldn-compat.h"
#include "content/ldn-content-schema.h"
#include "ldn-block-widgets.h"
#include "ldn-learn-page.h"
#include "ldn-page-layout.h"

#define SOURCES_PAGE_ID "all-sources"
#define NO_PENDING_INDEX G_MAXUINT

struct _LdnLearnPage
{
  AdwBin                parent_instance;

  LdnContentStore      *store;
  LdnTeachBackRecorder *recorder;
  GSettings            *settings;
  GPtrArray            *pages;         /* LdnPageInfo, the guided pages */
  GPtrArray            *page_widgets;  /* one AdwBin slot per page, then "All sources" */
  char                 *progress_text;
  guint                 current;
  gboolean              focus_page_when_shown;  /* focus was on the page left */
  GtkWidget            *highlighted;
  guint                 scroll_tick_id;
  guint                 scroll_frames;
  guint                 scroll_stable_frames;
  gboolean              scroll_focused;
  guint                 resume_tick_id;
  guint                 pending_index;  /* where to go once the carousel has a size */
  gboolean              search_mode;

  GtkStack             *view_stack;
  /* Made on the first search: NULL until then. */
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkListBox           *results_list;

  AdwCarousel          *carousel;
  GtkMenuButton        *pages_button;
  GtkLabel             *progress_label;
  GtkPopover           *pages_popover;  /* made when first opened: NULL until then */
  GtkListBox           *pages_list;
};

G_DEFINE_FINAL_TYPE (LdnLearnPage, ldn_learn_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SEARCH_MODE,
  PROP_PROGRESS_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
n_carousel_pages (LdnLearnPage *self)
{
  return self->page_widgets ? self->page_widgets->len : 0;
}

static const char *
page_id_at (LdnLearnPage *self,
            guint         index)
{
  if (index < self->pages->len)
    return ((LdnPageInfo *) g_ptr_array_index (self->pages, index))->id;

  return SOURCES_PAGE_ID;
}

static char *
format_review_date (const char *date)
{
  g_autofree char *iso = g_strdup_printf ("%sT00:00:00Z", date);
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (iso, NULL);

  if (when == NULL)
    return g_strdup (date);

  /* Translators: a date, e.g. "21 November 2026"; see strftime(3). */
  return g_date_time_format (when, _("%-d %B %Y"));
}

static void
build_guided_page (LdnLearnPage      *self,
                   GtkWidget         *slot,
                   const LdnPageInfo *page)
{
  /* The page goes into its slot only when built: roles (headings) can be
   * set only on widgets not yet on screen. */
  GtkWidget *scroller = gtk_scrolled_window_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = ldn_content_store_get_blocks (self->store, page->id, &error);
  GPtrArray *block_widgets = g_ptr_array_new ();
  GtkWidget *column = ldn_reading_column_new (scroller, 720);
  g_autofree char *reviewed = format_review_date (page->last_reviewed);
  g_autofree char *reviewed_text = g_strdup_printf (_("Last reviewed: %s"), reviewed);
  GtkWidget *title = ldn_prose_label_new (page->title, "title-1");

  gtk_box_append (GTK_BOX (column), title);
  gtk_box_append (GTK_BOX (column), ldn_prose_label_new (page->summary, "ldn-page-summary"));
  g_ptr_array_add (block_widgets, title);

  if (blocks == NULL)
    gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (error->message, "error"));

  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      GtkWidget *widget = ldn_block_widget_new (self->store, self->recorder, g_ptr_array_index (blocks, i));

      gtk_widget_add_css_class (widget, "ldn-block");
      gtk_box_append (GTK_BOX (column), widget);
      g_ptr_array_add (block_widgets, widget);
    }

  gtk_box_append (GTK_BOX (column), ldn_prose_label_new (reviewed_text, "dim-label"));
  ldn_page_make_readable (column);
  adw_bin_set_child (ADW_BIN (slot), scroller);
  g_object_set_data_full (G_OBJECT (slot), "ldn-blocks", block_widgets, (GDestroyNotify) g_ptr_array_unref);
}

static void
build_sources_page (LdnLearnPage *self,
                    GtkWidget    *slot)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = ldn_content_store_list_sources (self->store, &error);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *column = ldn_reading_column_new (scroller, 720);
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *version = g_strdup_printf (_("Content version %s"),
                                              ldn_content_store_get_content_version (self->store));

  gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (_("All Sources"), "title-1"));
  gtk_box_append (GTK_BOX (column),
                  ldn_wrapped_label_new (_("Every study, drug label, review and guide that this guide cites. "
                                "The kind of source tells you how much weight it can carry."),
                              "ldn-page-summary"));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("All Sources"), -1);

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      GtkWidget *entry = ldn_source_entry_new (g_ptr_array_index (sources, i));
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_widget_set_margin_start (entry, 12);
      gtk_widget_set_margin_end (entry, 12);
      gtk_widget_set_margin_top (entry, 10);
      gtk_widget_set_margin_bottom (entry, 10);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), entry);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  if (sources == NULL)
    gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (error->message, "error"));
  gtk_box_append (GTK_BOX (column), list);
  gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (version, "dim-label"));
  ldn_page_make_readable (column);
  adw_bin_set_child (ADW_BIN (slot), scroller);
}

/* Pages are built when they are first shown or about to be swiped to,
 * so opening the guide costs one page, not all of them. */
static void
ensure_page_built (LdnLearnPage *self,
                   guint         index)
{
  GtkWidget *slot;

  if (index >= n_carousel_pages (self))
    return;

  slot = g_ptr_array_index (self->page_widgets, index);
  if (adw_bin_get_child (ADW_BIN (slot)) != NULL)
    return;

  if (index < self->pages->len)
    build_guided_page (self, slot, g_ptr_array_index (self->pages, index));
  else
    build_sources_page (self, slot);
}

static void
clear_highlight (LdnLearnPage *self)
{
  if (self->highlighted == NULL)
    return;

  gtk_widget_remove_css_class (self->highlighted, "ldn-highlight");
  g_clear_weak_pointer (&self->highlighted);
}

static void
update_progress (LdnLearnPage *self)
{
  g_free (self->progress_text);
  if (self->current < self->pages->len)
    /* Translators: progress through the guide, e.g. "3 of 14". The total
     * counts the "All sources" page too, as the dots under it do. */
    self->progress_text = g_strdup_printf (_("%u of %u"), self->current + 1, n_carousel_pages (self));
  else
    self->progress_text = g_strdup (_("All Sources"));

  gtk_label_set_text (self->progress_label, self->progress_text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "learn.previous", self->current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "learn.next", self->current + 1 < n_carousel_pages (self));
  if (self->pages_list != NULL)
    gtk_list_box_select_row (self->pages_list, gtk_list_box_get_row_at_index (self->pages_list, self->current));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS_TEXT]);
}

static void
focus_current_page (LdnLearnPage *self)
{
  GtkWidget *slot = g_ptr_array_index (self->page_widgets, self->current);

  self->focus_page_when_shown = FALSE;
  gtk_widget_set_can_focus (slot, TRUE);
  gtk_widget_child_focus (slot, GTK_DIR_TAB_FORWARD);
}

static void
carousel_page_changed_cb (LdnLearnPage *self,
                          guint         index)
{
  /* Before its first allocation the carousel reports page 0; that is
   * not the reader moving, so it must not replace the saved page. */
  if (self->pending_index != NO_PENDING_INDEX && index != self->pending_index)
    return;

  if (index != self->current)
    clear_highlight (self);

  self->current = index;
  ensure_page_built (self, index);
  /* Only the page on screen is in the focus chain (Tab must not walk
   * the pages either side, kept for swiping). */
  for (guint i = 0; i < n_carousel_pages (self); i++)
    gtk_widget_set_can_focus (g_ptr_array_index (self->page_widgets, i), i == index);
  /* The pages either side are built for swiping, but not before the
   * guide has its size: the first frame should cost one page. The jump
   * that waits for that size comes back here. */
  if (gtk_widget_get_width (GTK_WIDGET (self->carousel)) > 0)
    {
      if (index > 0)
        ensure_page_built (self, index - 1);
      ensure_page_built (self, index + 1);
    }

  update_progress (self);
  if (self->focus_page_when_shown)
    focus_current_page (self);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "learn-page", page_id_at (self, index));
}

static gboolean resume_pending_page (GtkWidget     *carousel,
                                     GdkFrameClock *clock,
                                     gpointer       user_data);

static void
go_to_index (LdnLearnPage *self,
             guint         index,
             gboolean      animate)
{
  if (index >= n_carousel_pages (self))
    return;

  ensure_page_built (self, index);

  /* A carousel without a size cannot scroll yet: jump after allocation. */
  if (gtk_widget_get_width (GTK_WIDGET (self->carousel)) == 0)
    {
      self->pending_index = index;
      carousel_page_changed_cb (self, index);
      if (self->resume_tick_id == 0)
        self->resume_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->carousel),
                                                             resume_pending_page, self, NULL);
      return;
    }

  self->pending_index = NO_PENDING_INDEX;
  adw_carousel_scroll_to (self->carousel, g_ptr_array_index (self->page_widgets, index), animate);
  if (!animate)
    carousel_page_changed_cb (self, index);
}

/* Tells a screen reader that the page turned. If focus was on the page
 * that was left, it moves to the new page's title, which is then read;
 * otherwise (focus on Next or Back) the turn is announced. */
static void
tell_page_turned (LdnLearnPage *self,
                  guint         index)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *slot;
  g_autofree char *message = NULL;

  if (index >= n_carousel_pages (self))
    return;

  slot = g_ptr_array_index (self->page_widgets, index);
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->carousel)) &&
      !gtk_widget_is_ancestor (focus, slot))
    {
      /* Once the page is on screen (a screen reader ignores focus on
       * what is not showing): see carousel_page_changed_cb (). */
      self->focus_page_when_shown = TRUE;
      if (index == self->current)
        focus_current_page (self);
      return;
    }

  if (index < self->pages->len)
    /* Translators: said by a screen reader when the guide's page turns, e.g. "Page 3 of 15: How it works".
     * The total counts the All Sources page, as the progress on screen does. */
    message = g_strdup_printf (_("Page %u of %u: %s"), index + 1, n_carousel_pages (self),
                               ((LdnPageInfo *) g_ptr_array_index (self->pages, index))->title);
  else
    message = g_strdup (_("All Sources"));
  ldn_compat_announce (GTK_WIDGET (self), message);
}

static void
learn_previous_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LdnLearnPage *self = LDN_LEARN_PAGE (widget);

  if (self->current > 0)
    {
      guint previous = self->current - 1;

      go_to_index (self, previous, TRUE);
      tell_page_turned (self, previous);
    }
}

static void
learn_next_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LdnLearnPage *self = LDN_LEARN_PAGE (widget);
  guint next = self->current + 1;

  go_to_index (self, next, TRUE);
  tell_page_turned (self, next);
}

static void
page_row_activated_cb (LdnLearnPage  *self,
                       GtkListBoxRow *row)
{
  gtk_popover_popdown (self->pages_popover);
  go_to_index (self, gtk_list_box_row_get_index (row), TRUE);
  tell_page_turned (self, gtk_list_box_row_get_index (row));
}

/* Scrolls the outlined block to the top of its page. A page just built
 * (or just swiped to) is laid out over a few frames, and giving the block
 * focus scrolls too, so the block is placed again each frame until it
 * stays put (at most about a second). */
static gboolean
scroll_to_highlight_tick (GtkWidget     *carousel,
                          GdkFrameClock *clock,
                          gpointer       user_data)
{
  LdnLearnPage *self = LDN_LEARN_PAGE (user_data);
  GtkWidget *scroller;
  GtkAdjustment *adjustment;
  graphene_point_t point;
  double target;

  if (self->highlighted == NULL || ++self->scroll_frames > 60)
    {
      self->scroll_tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  scroller = gtk_widget_get_ancestor (self->highlighted, GTK_TYPE_SCROLLED_WINDOW);
  if (scroller == NULL || !gtk_widget_get_mapped (self->highlighted) ||
      !gtk_widget_compute_point (self->highlighted, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                 &GRAPHENE_POINT_INIT (0, 0), &point))
    return G_SOURCE_CONTINUE;

  /* Keyboard users land on the found text, not at the top of the page. */
  if (!self->scroll_focused)
    {
      self->scroll_focused = TRUE;
      gtk_widget_child_focus (self->highlighted, GTK_DIR_TAB_FORWARD);
    }

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  /* The child's own coordinates move with the scrolling: add it back. */
  if (GTK_IS_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))))
    point.y += gtk_adjustment_get_value (adjustment);
  target = CLAMP (point.y - 12, 0, MAX (0, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)));
  if (ABS (gtk_adjustment_get_value (adjustment) - target) >= 1)
    {
      gtk_adjustment_set_value (adjustment, target);
      self->scroll_stable_frames = 0;
    }
  else if (++self->scroll_stable_frames >= 3)
    {
      self->scroll_tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
start_scroll_to_highlight (LdnLearnPage *self)
{
  self->scroll_frames = 0;
  self->scroll_stable_frames = 0;
  self->scroll_focused = FALSE;
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->carousel), scroll_to_highlight_tick,
                                                         self, NULL);
}

gboolean
ldn_learn_page_show_page (LdnLearnPage *self,
                          const char   *page_id,
                          guint         block_position)
{
  g_return_val_if_fail (LDN_IS_LEARN_PAGE (self), FALSE);
  g_return_val_if_fail (page_id != NULL, FALSE);

  for (guint i = 0; i < n_carousel_pages (self); i++)
    {
      GPtrArray *blocks;

      if (!g_str_equal (page_id_at (self, i), page_id))
        continue;

      go_to_index (self, i, FALSE);
      clear_highlight (self);

      blocks = g_object_get_data (G_OBJECT (g_ptr_array_index (self->page_widgets, i)), "ldn-blocks");
      if (blocks != NULL && block_position < blocks->len)
        {
          g_set_weak_pointer (&self->highlighted, g_ptr_array_index (blocks, block_position));
          gtk_widget_add_css_class (self->highlighted, "ldn-highlight");
          start_scroll_to_highlight (self);
        }

      return TRUE;
    }

  return FALSE;
}

GtkWidget *
ldn_learn_page_get_highlighted_block (LdnLearnPage *self)
{
  g_return_val_if_fail (LDN_IS_LEARN_PAGE (self), NULL);

  return self->highlighted;
}

static char *
snippet_to_markup (const char *snippet)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  const char *p = snippet;

  /* Escape the text between the match markers, not the markers: an escaped
   * marker is a character reference Pango shows as a box. */
  while (*p != '\0')
    {
      const char *start = strstr (p, LDN_CONTENT_MATCH_START);
      const char *end;
      g_autofree char *before = NULL;
      g_autofree char *match = NULL;

      if (start == NULL)
        break;
      end = strstr (start + 1, LDN_CONTENT_MATCH_END);
      if (end == NULL)
        break;

      before = g_markup_escape_text (p, start - p);
      match = g_markup_escape_text (start + 1, end - start - 1);
      g_string_append_printf (markup, "%s<b>%s</b>", before, match);
      p = end + 1;
    }

  if (*p != '\0')
    {
      g_autofree char *rest = g_markup_escape_text (p, -1);
      g_string_append (markup, rest);
    }

  /* A marker without its partner is dropped, never shown. */
  g_string_replace (markup, LDN_CONTENT_MATCH_START, "", 0);
  g_string_replace (markup, LDN_CONTENT_MATCH_END, "", 0);

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static GtkWidget *
result_row_new (const LdnSearchHit *hit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = ldn_wrapped_label_new (hit->page_title, "heading");
  GtkWidget *snippet = ldn_wrapped_label_new (NULL, "dim-label");
  g_autofree char *markup = snippet_to_markup (hit->snippet);

  gtk_label_set_markup (GTK_LABEL (snippet), markup);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, hit->page_title, -1);

  g_object_set_data_full (G_OBJECT (row), "page-id", g_strdup (hit->page_id), g_free);
  g_object_set_data (G_OBJECT (row), "block-position", GUINT_TO_POINTER (hit->block_position));

  return row;
}

/* Status pages are made when first needed: their large icons would
 * otherwise be loaded before the first frame. */
static AdwStatusPage *
ensure_status_page (LdnLearnPage *self,
                    const char   *name,
                    const char   *icon_name,
                    const char   *title)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->view_stack, name);

  if (page == NULL)
    {
      page = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon_name);
      adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
      gtk_stack_add_named (self->view_stack, page, name);
    }

  return ADW_STATUS_PAGE (page);
}

static void
show_no_results (LdnLearnPage *self)
{
  AdwStatusPage *page = ensure_status_page (self, "no-results", "edit-find-symbolic", _("No Results Found"));

  adw_status_page_set_description (page, _("Try a different word, such as “opioid”, “sleep” or “dose”."));
  gtk_stack_set_visible_child (self->view_stack, GTK_WIDGET (page));
}

static void
search_changed_cb (LdnLearnPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  if (self->store == NULL)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);

  if (*trimmed == '\0')
    {
      gtk_stack_set_visible_child_name (self->view_stack, "guide");
      return;
    }

  hits = ldn_content_store_search (self->store, text, &error);
  if (hits == NULL)
    {
      g_warning ("Search failed: %s", error->message);
      return;
    }

  for (guint i = 0; i < hits->len; i++)
    gtk_list_box_append (self->results_list, result_row_new (g_ptr_array_index (hits, i)));

  if (hits->len > 0)
    gtk_stack_set_visible_child_name (self->view_stack, "results");
  else
    show_no_results (self);
}

static void
open_result (LdnLearnPage  *self,
             GtkListBoxRow *row)
{
  g_autofree char *page_id = g_strdup (g_object_get_data (G_OBJECT (row), "page-id"));
  guint block = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "block-position"));

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  ldn_learn_page_show_page (self, page_id, block);
}

static void
result_activated_cb (LdnLearnPage  *self,
                     GtkListBoxRow *row)
{
  open_result (self, row);
}

static void
search_activate_cb (LdnLearnPage *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  if (first != NULL && g_str_equal (gtk_stack_get_visible_child_name (self->view_stack), "results"))
    open_result (self, first);
}

static void
stop_search_cb (LdnLearnPage *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_mode_changed_cb (LdnLearnPage *self)
{
  gboolean enabled = gtk_search_bar_get_search_mode (self->search_bar);

  if (!enabled)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      if (self->store != NULL)
        gtk_stack_set_visible_child_name (self->view_stack, "guide");
    }

  if (enabled != self->search_mode)
    {
      self->search_mode = enabled;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
    }
}

static GtkWidget *
results_page_new (LdnLearnPage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  gtk_widget_set_margin_top (clamp, 18);
  gtk_widget_set_margin_bottom (clamp, 18);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search results"), -1);
  g_signal_connect_swapped (list, "row-activated", G_CALLBACK (result_activated_cb), self);

  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  self->results_list = GTK_LIST_BOX (list);

  return scroller;
}

static GtkWidget *
search_bar_new (LdnLearnPage *self)
{
  GtkWidget *bar = gtk_search_bar_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *entry = gtk_search_entry_new ();

  gtk_search_bar_set_show_close_button (GTK_SEARCH_BAR (bar), TRUE);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  g_object_set (entry, "placeholder-text", _("Search the guide"), NULL);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search the guide"), -1);
  g_signal_connect_swapped (entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect_swapped (entry, "stop-search", G_CALLBACK (stop_search_cb), self);

  adw_clamp_set_child (ADW_CLAMP (clamp), entry);
  gtk_search_bar_set_child (GTK_SEARCH_BAR (bar), clamp);
  gtk_search_bar_connect_entry (GTK_SEARCH_BAR (bar), GTK_EDITABLE (entry));
  g_signal_connect_swapped (bar, "notify::search-mode-enabled", G_CALLBACK (search_mode_changed_cb), self);
  self->search_entry = GTK_SEARCH_ENTRY (entry);

  return bar;
}

/* Search is made the first time it is used, not before the first frame. */
static void
ensure_search (LdnLearnPage *self)
{
  if (self->search_bar != NULL)
    return;

  gtk_stack_add_named (self->view_stack, results_page_new (self), "results");
  self->search_bar = GTK_SEARCH_BAR (search_bar_new (self));
  /* Not a bound template child: AdwBin unparents its own child. */
  gtk_box_prepend (GTK_BOX (adw_bin_get_child (ADW_BIN (self))), GTK_WIDGET (self->search_bar));
}

void
ldn_learn_page_start_search (LdnLearnPage *self)
{
  g_return_if_fail (LDN_IS_LEARN_PAGE (self));

  ensure_search (self);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
ldn_learn_page_type_to_search (LdnLearnPage    *self,
                               guint            keyval,
                               GdkModifierType  state)
{
  gunichar character = gdk_keyval_to_unicode (keyval);
  char utf8[8] = { 0 };

  g_return_val_if_fail (LDN_IS_LEARN_PAGE (self), FALSE);

  if (self->store == NULL || character == 0 || !g_unichar_isgraph (character) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      (self->search_bar != NULL && gtk_search_bar_get_search_mode (self->search_bar)))
    return GDK_EVENT_PROPAGATE;

  ldn_learn_page_start_search (self);
  g_unichar_to_utf8 (character, utf8);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), utf8);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);

  return GDK_EVENT_STOP;
}

static void
fill_pages_list (LdnLearnPage *self)
{
  for (guint i = 0; i <= self->pages->len; i++)
    {
      g_autofree char *text = NULL;
      GtkWidget *label;

      if (i < self->pages->len)
        /* Translators: a numbered page title in the page list, e.g. "3. Low-dose naltrexone". */
        text = g_strdup_printf (_("%u. %s"), i + 1, ((LdnPageInfo *) g_ptr_array_index (self->pages, i))->title);
      else
        text = g_strdup (_("All Sources"));

      label = ldn_wrapped_label_new (text, NULL);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_append (self->pages_list, label);
    }
}

/* The list is made the first time it is opened: most readers never
 * open it, and its rows would cost time before the first frame. */
static void
create_pages_popover (GtkMenuButton *button,
                      gpointer       user_data)
{
  LdnLearnPage *self = LDN_LEARN_PAGE (user_data);
  GtkWidget *scroller;
  GtkWidget *list;

  if (self->pages == NULL || gtk_menu_button_get_popover (button) != NULL)
    return;

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_BROWSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pages of the guide"), -1);
  g_signal_connect_swapped (list, "row-activated", G_CALLBACK (page_row_activated_cb), self);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  /* Without this the scroller asks only for its minimum width, and the
   * wrapped titles break a letter or two per line. */
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 480);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);

  self->pages_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->pages_popover, scroller);
  gtk_menu_button_set_popover (button, GTK_WIDGET (self->pages_popover));

  self->pages_list = GTK_LIST_BOX (list);
  fill_pages_list (self);
  gtk_list_box_select_row (self->pages_list, gtk_list_box_get_row_at_index (self->pages_list, self->current));
}

static guint
saved_index (LdnLearnPage *self)
{
  g_autofree char *saved = self->settings ? g_settings_get_string (self->settings, "learn-page") : NULL;

  for (guint i = 0; saved != NULL && i < n_carousel_pages (self); i++)
    if (g_str_equal (page_id_at (self, i), saved))
      return i;

  return 0;
}

static void
show_error (LdnLearnPage *self,
            const char   *message)
{
  AdwStatusPage *page = ensure_status_page (self, "error", "dialog-error-symbolic",
                                            _("The Guide Could Not Be Opened"));

  adw_status_page_set_description (page, message);
  gtk_stack_set_visible_child (self->view_stack, GTK_WIDGET (page));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "learn.previous", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "learn.next", FALSE);
}

void
ldn_learn_page_load (LdnLearnPage         *self,
                     LdnContentStore      *store,
                     const GError         *error,
                     LdnTeachBackRecorder *recorder,
                     GSettings            *settings)
{
  g_autoptr(GError) list_error = NULL;

  g_return_if_fail (LDN_IS_LEARN_PAGE (self));
  g_return_if_fail (self->store == NULL);

  g_set_object (&self->settings, settings);
  g_set_object (&self->recorder, recorder);

  if (store == NULL)
    {
      show_error (self, error ? error->message : _("The guide’s content is not available."));
      return;
    }

  self->pages = ldn_content_store_list_pages (store, &list_error);
  if (self->pages == NULL)
    {
      show_error (self, list_error->message);
      return;
    }

  self->store = g_object_ref (store);
  self->page_widgets = g_ptr_array_new ();

  /* Empty slots keep the carousel's page count and indicator right
   * while costing almost nothing until a page is built into one. */
  for (guint i = 0; i <= self->pages->len; i++)
    {
      GtkWidget *slot = adw_bin_new ();

      gtk_widget_set_hexpand (slot, TRUE);
      gtk_widget_set_vexpand (slot, TRUE);
      adw_carousel_append (self->carousel, slot);
      g_ptr_array_add (self->page_widgets, slot);
    }

  gtk_stack_set_visible_child_name (self->view_stack, "guide");
  go_to_index (self, saved_index (self), FALSE);
}

void
ldn_learn_page_reload (LdnLearnPage *self)
{
  g_return_if_fail (LDN_IS_LEARN_PAGE (self));

  clear_highlight (self);
  for (guint i = 0; i < n_carousel_pages (self); i++)
    {
      GtkWidget *slot = g_ptr_array_index (self->page_widgets, i);

      adw_bin_set_child (ADW_BIN (slot), NULL);
      g_object_set_data (G_OBJECT (slot), "ldn-blocks", NULL);
    }

  ensure_page_built (self, self->current);
  if (self->current > 0)
    ensure_page_built (self, self->current - 1);
  ensure_page_built (self, self->current + 1);
}

const char *
ldn_learn_page_get_current_page (LdnLearnPage *self)
{
  g_return_val_if_fail (LDN_IS_LEARN_PAGE (self), NULL);

  return self->pages != NULL ? page_id_at (self, self->current) : NULL;
}

guint
ldn_learn_page_get_n_pages (LdnLearnPage *self)
{
  g_return_val_if_fail (LDN_IS_LEARN_PAGE (self), 0);

  return n_carousel_pages (self);
}

const char *
ldn_learn_page_get_progress_text (LdnLearnPage *self)
{
  g_return_val_if_fail (LDN_IS_LEARN_PAGE (self), NULL);

  return self->progress_text;
}

/* Runs every frame until the carousel has been given a size, then makes
 * the jump that had to wait for it. */
static gboolean
resume_pending_page (GtkWidget     *carousel,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  LdnLearnPage *self = LDN_LEARN_PAGE (user_data);

  if (self->pending_index == NO_PENDING_INDEX)
    {
      self->resume_tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  if (gtk_widget_get_width (carousel) == 0)
    return G_SOURCE_CONTINUE;

  self->resume_tick_id = 0;
  go_to_index (self, self->pending_index, FALSE);
  return G_SOURCE_REMOVE;
}

static void
ldn_learn_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LdnLearnPage *self = LDN_LEARN_PAGE (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, self->search_mode);
      break;
    case PROP_PROGRESS_TEXT:
      g_value_set_string (value, self->progress_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ldn_learn_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LdnLearnPage *self = LDN_LEARN_PAGE (object);

  switch (prop_id)
    {
    case PROP_SEARCH_MODE:
      if (g_value_get_boolean (value))
        ldn_learn_page_start_search (self);
      else if (self->search_bar != NULL)
        gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ldn_learn_page_dispose (GObject *object)
{
  LdnLearnPage *self = LDN_LEARN_PAGE (object);

  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->carousel), self->scroll_tick_id);
  self->scroll_tick_id = 0;
  if (self->resume_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->carousel), self->resume_tick_id);
  self->resume_tick_id = 0;
  g_clear_weak_pointer (&self->highlighted);
  gtk_widget_dispose_template (GTK_WIDGET (object), LDN_TYPE_LEARN_PAGE);
  g_clear_pointer (&self->page_widgets, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->recorder);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ldn_learn_page_parent_class)->dispose (object);
}

static void
ldn_learn_page_finalize (GObject *object)
{
  LdnLearnPage *self = LDN_LEARN_PAGE (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_free (self->progress_text);

  G_OBJECT_CLASS (ldn_learn_page_parent_class)->finalize (object);
}

static void
ldn_learn_page_class_init (LdnLearnPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ldn_learn_page_dispose;
  /* A container: GTK 4.8 reads any other role by its class name ("LdnXxx filler"). */
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GENERIC);
  object_class->finalize = ldn_learn_page_finalize;
  object_class->get_property = ldn_learn_page_get_property;
  object_class->set_property = ldn_learn_page_set_property;

  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS_TEXT] =
    g_param_spec_string ("progress-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ldn-learn-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LdnLearnPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LdnLearnPage, carousel);
  gtk_widget_class_bind_template_child (widget_class, LdnLearnPage, pages_button);
  gtk_widget_class_bind_template_callback (widget_class, carousel_page_changed_cb);

  gtk_widget_class_install_action (widget_class, "learn.previous", NULL, learn_previous_action);
  gtk_widget_class_install_action (widget_class, "learn.next", NULL, learn_next_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "learn.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "learn.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "learn.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "learn.next", NULL);
}

static void
ldn_learn_page_init (LdnLearnPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ldn_compat_name_stack_pages (self->view_stack, NULL);
  self->pending_index = NO_PENDING_INDEX;
  gtk_menu_button_set_create_popup_func (self->pages_button, create_pages_popover, self, NULL);

  /* Our own label, so that "All sources" can shorten on a phone with
   * large text instead of widening the window. */
  self->progress_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->progress_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (self->progress_label, 5);
  gtk_menu_button_set_child (self->pages_button, GTK_WIDGET (self->progress_label));


  gtk_widget_action_set_enabled (GTK_WIDGET (self), "learn.previous", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "learn.next", FALSE);
}

/* test-learn-page.c: a reader walks the guide, answers a question, searches.
 *
 * Runs under Xvfb with a private session bus (see meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "app/ldn-application.h"
#include "app/ldn-window.h"
#include "ldn-test-ui.h"

static LdnApplication *app;

static LdnWindow *
open_window (void)
{
  return ldn_test_open_window (app, 900, 700);
}

static void
close_window (LdnWindow *window)
{
  ldn_test_close_window (GTK_WINDOW (window));
}

typedef struct {
  LdnLearnPage *page;
  const char   *expected;
  guint         index;
} PageWait;

static AdwCarousel *
find_carousel (LdnLearnPage *page)
{
  g_autoptr(GPtrArray) carousels = g_ptr_array_new ();

  ldn_test_collect (GTK_WIDGET (page), ADW_TYPE_CAROUSEL, carousels);
  g_assert_cmpuint (carousels->len, ==, 1);

  return g_ptr_array_index (carousels, 0);
}

/* The page is current and the carousel has finished moving to it. */
static gboolean
page_is (gpointer data)
{
  PageWait *wait = data;
  AdwCarousel *carousel = find_carousel (wait->page);
  double position = adw_carousel_get_position (carousel);

  return g_strcmp0 (ldn_learn_page_get_current_page (wait->page), wait->expected) == 0 &&
         position == wait->index &&
         adw_bin_get_child (ADW_BIN (adw_carousel_get_nth_page (carousel, (guint) position))) != NULL;
}

static guint
index_of_page (const char *page_id)
{
  g_autoptr(GError) error = NULL;
  LdnContentStore *store = ldn_application_get_content_store (app, &error);
  g_autoptr(GPtrArray) pages = ldn_content_store_list_pages (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < pages->len; i++)
    if (g_str_equal (((LdnPageInfo *) g_ptr_array_index (pages, i))->id, page_id))
      return i;

  return pages->len;  /* the All Sources page comes last */
}

static void
wait_for_page (LdnLearnPage *page,
               const char   *page_id)
{
  PageWait wait = { page, page_id, index_of_page (page_id) };

  ldn_test_iterate_until (page_is, &wait);
}

/* The carousel page on screen. */
static GtkWidget *
current_page_widget (LdnLearnPage *page)
{
  AdwCarousel *carousel = find_carousel (page);

  return adw_carousel_get_nth_page (carousel, (guint) (adw_carousel_get_position (carousel) + 0.5));
}

static void
test_walk_every_page (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  LdnContentStore *store = ldn_application_get_content_store (app, &error);
  g_autoptr(GPtrArray) pages = ldn_content_store_list_pages (store, &error);
  LdnWindow *window;
  LdnLearnPage *learn;

  g_assert_no_error (error);
  g_settings_set_string (settings, "learn-page", "");
  window = open_window ();
  learn = ldn_window_get_learn_page (window);

  g_assert_cmpuint (ldn_learn_page_get_n_pages (learn), ==, pages->len + 1);

  for (guint i = 0; i < pages->len; i++)
    {
      const LdnPageInfo *info = g_ptr_array_index (pages, i);
      /* The count agrees with the dots under it: they count the All
       * Sources page too. */
      g_autofree char *progress = g_strdup_printf ("%u of %u", i + 1, pages->len + 1);
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      gboolean title_shown = FALSE;

      wait_for_page (learn, info->id);
      g_assert_cmpstr (ldn_learn_page_get_progress_text (learn), ==, progress);

      /* The page on screen is the page the progress names. */
      ldn_test_collect (current_page_widget (learn), GTK_TYPE_LABEL, labels);
      for (guint l = 0; l < labels->len; l++)
        title_shown |= g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, l)), info->title) == 0;
      g_assert_true (title_shown);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (learn), "learn.next", NULL));
    }

  wait_for_page (learn, "all-sources");
  g_assert_cmpstr (ldn_learn_page_get_progress_text (learn), ==, "All Sources");

  /* Back goes back; resuming remembers where the reader was. */
  gtk_widget_activate_action (GTK_WIDGET (learn), "learn.previous", NULL);
  wait_for_page (learn, "about-this-guide");
  {
    g_autofree char *saved = g_settings_get_string (settings, "learn-page");
    g_assert_cmpstr (saved, ==, "about-this-guide");
  }

  close_window (window);
}

static void
test_resumes_on_saved_page (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LdnWindow *window;

  g_settings_set_string (settings, "learn-page", "serotonin");
  window = open_window ();
  wait_for_page (ldn_window_get_learn_page (window), "serotonin");
  close_window (window);
}

/* Every page, with text scaled 1.5 (GNOME's Large Text), fits a 360 px
 * phone screen: nothing on it asks for more width than that. */
static void
test_every_page_fits_a_phone_with_large_text (void)
{
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  g_autoptr(GError) error = NULL;
  LdnContentStore *store = ldn_application_get_content_store (app, &error);
  g_autoptr(GPtrArray) pages = ldn_content_store_list_pages (store, &error);
  int dpi = 0;
  LdnWindow *window;
  LdnLearnPage *learn;
  int minimum;

  g_assert_no_error (error);
  g_object_get (gtk_settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (gtk_settings, "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);
  window = open_window ();
  learn = ldn_window_get_learn_page (window);

  for (guint i = 0; i < pages->len; i++)
    {
      const char *id = ((LdnPageInfo *) g_ptr_array_index (pages, i))->id;

      g_assert_true (ldn_learn_page_show_page (learn, id, 0));
      wait_for_page (learn, id);
    }
  g_assert_true (ldn_learn_page_show_page (learn, "all-sources", 0));
  wait_for_page (learn, "all-sources");

  gtk_widget_measure (GTK_WIDGET (learn), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("the guide needs at least %d px with large text", minimum);
  g_assert_cmpint (minimum, <=, 360);

  close_window (window);
  g_object_set (gtk_settings, "gtk-xft-dpi", dpi, NULL);
}

static gboolean
popover_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
list_is_allocated (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

/* The list under "3 of 13" names every page, marks the one being read,
 * and takes the reader to the page picked. */
static void
test_page_list_goes_to_page (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LdnWindow *window;
  LdnLearnPage *learn;
  GtkMenuButton *button;
  GtkPopover *popover;
  GtkListBox *list;
  GtkListBoxRow *selected;
  guint n_rows = 0;

  g_settings_set_string (settings, "learn-page", "serotonin");
  window = open_window ();
  learn = ldn_window_get_learn_page (window);
  wait_for_page (learn, "serotonin");

  button = ldn_test_nth (GTK_WIDGET (learn), GTK_TYPE_MENU_BUTTON, 0);
  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  ldn_test_iterate_until (popover_is_mapped, popover);

  list = ldn_test_nth (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX, 0);
  while (gtk_list_box_get_row_at_index (list, (int) n_rows) != NULL)
    n_rows++;
  g_assert_cmpuint (n_rows, ==, ldn_learn_page_get_n_pages (learn));

  /* Whole titles: the list is wide enough that no title takes more than
   * two lines (it once opened 50 px wide, a letter or two per line). */
  ldn_test_iterate_until (list_is_allocated, list);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (list)), >=, 240);
  for (guint i = 0; i < n_rows; i++)
    {
      GtkWidget *label = gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (list, (int) i));

      g_assert_true (GTK_IS_LABEL (label));
      g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label))), <=, 2);
    }

  selected = gtk_list_box_get_selected_row (list);
  g_assert_nonnull (selected);
  g_assert_cmpuint (gtk_list_box_row_get_index (selected), ==, index_of_page ("serotonin"));

  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, (int) index_of_page ("safety")));
  wait_for_page (learn, "safety");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  close_window (window);
}

static gboolean
revealer_is_open (gpointer data)
{
  return gtk_revealer_get_child_revealed (GTK_REVEALER (data));
}

static void
test_teach_back_answer_is_kept (void)
{
  LdnWindow *window = open_window ();
  LdnLearnPage *learn = ldn_window_get_learn_page (window);
  g_autoptr(GPtrArray) choices = g_ptr_array_new ();
  g_autoptr(GPtrArray) revealers = g_ptr_array_new ();
  g_autofree char *answer = NULL;
  GtkWidget *feedback = NULL;

  g_assert_true (ldn_learn_page_show_page (learn, "side-by-side", 0));
  wait_for_page (learn, "side-by-side");

  ldn_test_collect (current_page_widget (learn), GTK_TYPE_CHECK_BUTTON, choices);
  g_assert_cmpuint (choices->len, ==, 3);

  /* The second choice is the right one in the content. */
  gtk_check_button_set_active (g_ptr_array_index (choices, 1), TRUE);
  answer = ldn_teach_back_recorder_dup_answer (ldn_application_get_teach_back_recorder (app), "tb-ldn-vs-standard");
  g_assert_cmpstr (answer, ==, "b");

  ldn_test_collect (current_page_widget (learn), GTK_TYPE_REVEALER, revealers);
  for (guint i = 0; i < revealers->len; i++)
    if (gtk_revealer_get_reveal_child (g_ptr_array_index (revealers, i)))
      feedback = g_ptr_array_index (revealers, i);
  g_assert_nonnull (feedback);
  ldn_test_iterate_until (revealer_is_open, feedback);
  /* A clear marker (an icon and the word), and the explanation in the
   * page's normal text, not bold and not coloured. */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    g_autoptr(GPtrArray) images = g_ptr_array_new ();
    GtkLabel *word = NULL;
    GtkLabel *explanation = NULL;

    ldn_test_collect (gtk_revealer_get_child (GTK_REVEALER (feedback)), GTK_TYPE_LABEL, labels);
    ldn_test_collect (gtk_revealer_get_child (GTK_REVEALER (feedback)), GTK_TYPE_IMAGE, images);
    for (guint i = 0; i < labels->len; i++)
      if (g_str_equal (gtk_label_get_text (g_ptr_array_index (labels, i)), "Right"))
        word = g_ptr_array_index (labels, i);
      else if (*gtk_label_get_text (g_ptr_array_index (labels, i)) != '\0')
        explanation = g_ptr_array_index (labels, i);
    g_assert_nonnull (word);
    g_assert_nonnull (explanation);
    g_assert_cmpuint (images->len, ==, 1);
    g_assert_cmpstr (gtk_image_get_icon_name (g_ptr_array_index (images, 0)), ==, "object-select-symbolic");
    g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (GTK_WIDGET (word)), "ldn-right"));
    g_assert_false (g_str_has_prefix (gtk_label_get_text (explanation), "Right"));
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (explanation), "warning"));
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (explanation), "success"));
    g_assert_false (gtk_widget_has_css_class (gtk_widget_get_parent (GTK_WIDGET (explanation)), "success"));
    {
      PangoAttrList *attrs = pango_layout_get_attributes (gtk_label_get_layout (explanation));
      PangoFontDescription *description = NULL;
      PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (explanation));

      g_assert_null (attrs);
      description = pango_context_get_font_description (context);
      g_assert_cmpint (pango_font_description_get_weight (description), <, PANGO_WEIGHT_SEMIBOLD);
    }
  }

  /* A wrong answer says so with its own marker. */
  gtk_check_button_set_active (g_ptr_array_index (choices, 0), TRUE);
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    g_autoptr(GPtrArray) images = g_ptr_array_new ();
    gboolean said = FALSE;

    ldn_test_collect (gtk_revealer_get_child (GTK_REVEALER (feedback)), GTK_TYPE_LABEL, labels);
    ldn_test_collect (gtk_revealer_get_child (GTK_REVEALER (feedback)), GTK_TYPE_IMAGE, images);
    for (guint i = 0; i < labels->len; i++)
      said |= g_str_equal (gtk_label_get_text (g_ptr_array_index (labels, i)), "Not Quite");
    g_assert_true (said);
    g_assert_cmpstr (gtk_image_get_icon_name (g_ptr_array_index (images, 0)), ==, "window-close-symbolic");
  }
  gtk_check_button_set_active (g_ptr_array_index (choices, 1), TRUE);

  /* After deleting all data the question is unanswered again. */
  g_assert_true (ldn_user_store_delete_all (ldn_application_get_user_store (app), NULL));
  g_ptr_array_set_size (choices, 0);
  ldn_test_collect (current_page_widget (learn), GTK_TYPE_CHECK_BUTTON, choices);
  g_assert_cmpuint (choices->len, ==, 3);
  for (guint i = 0; i < choices->len; i++)
    g_assert_false (gtk_check_button_get_active (g_ptr_array_index (choices, i)));

  close_window (window);
}

static gboolean
revealer_is_closed (gpointer data)
{
  return !gtk_revealer_get_reveal_child (GTK_REVEALER (data));
}

/* Under a statement, a small "Sources" button (not a line of links)
 * opens the full citations in one click and closes them again. */
static void
test_source_link_opens_citation (void)
{
  LdnWindow *window = open_window ();
  LdnLearnPage *learn = ldn_window_get_learn_page (window);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) revealers = g_ptr_array_new ();
  GtkWidget *sources = NULL;
  GtkRevealer *citation = NULL;
  gboolean has_citation = FALSE;

  ldn_learn_page_show_page (learn, "serotonin", 0);
  wait_for_page (learn, "serotonin");

  /* No heavy "Sources:" line of text under the paragraphs. */
  ldn_test_collect (current_page_widget (learn), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (labels, i)))
      g_assert_false (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), "Sources:"));

  ldn_test_collect (current_page_widget (learn), GTK_TYPE_TOGGLE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len && sources == NULL; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      const char *label = gtk_button_get_label (GTK_BUTTON (button));

      if (label != NULL && g_str_has_suffix (label, "Source") | g_str_has_suffix (label, "Sources"))
        sources = button;
    }
  g_assert_nonnull (sources);
  ldn_test_wait_mapped (sources);
  /* Lighter than the text it backs. */
  {
    int button_height = gtk_widget_get_height (sources);
    g_assert_cmpint (button_height, <, 34);
  }

  ldn_test_collect (gtk_widget_get_parent (sources), GTK_TYPE_REVEALER, revealers);
  citation = g_ptr_array_index (revealers, 0);
  g_assert_false (gtk_revealer_get_reveal_child (citation));

  gtk_widget_activate (sources);
  ldn_test_iterate_until (revealer_is_open, citation);
  g_ptr_array_set_size (labels, 0);
  ldn_test_collect (GTK_WIDGET (citation), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    has_citation |= strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), "dailymed") != NULL;
  g_assert_true (has_citation);

  gtk_widget_activate (sources);
  ldn_test_iterate_until (revealer_is_closed, citation);

  close_window (window);
}

typedef struct {
  GtkListBox *list;
} ResultsWait;

static gboolean
results_shown (gpointer data)
{
  GtkListBox *list = data;

  return gtk_widget_get_mapped (GTK_WIDGET (list)) && gtk_list_box_get_row_at_index (list, 0) != NULL;
}

/* The block's top, and its first line, are inside the visible part of
 * the page, and the page has stopped moving there. */
static gboolean
highlight_on_screen (gpointer data)
{
  GtkWidget *block = data;
  GtkWidget *scroller = gtk_widget_get_ancestor (block, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (scroller == NULL || !gtk_widget_get_mapped (block) ||
      !gtk_widget_compute_bounds (block, scroller, &bounds))
    return FALSE;

  return bounds.origin.y >= 0 && bounds.origin.y + 40 <= gtk_widget_get_height (scroller);
}

static void
test_search_opens_result (void)
{
  LdnWindow *window = open_window ();
  LdnLearnPage *learn = ldn_window_get_learn_page (window);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  GtkListBox *results = NULL;
  GtkWidget *highlighted;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  ldn_test_collect (GTK_WIDGET (learn), GTK_TYPE_SEARCH_ENTRY, entries);
  g_assert_cmpuint (entries->len, ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "codeine");

  ldn_test_collect (GTK_WIDGET (learn), GTK_TYPE_LIST_BOX, lists);
  for (guint i = 0; i < lists->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (lists, i), "boxed-list") &&
        gtk_widget_get_ancestor (g_ptr_array_index (lists, i), GTK_TYPE_POPOVER) == NULL &&
        gtk_widget_get_ancestor (g_ptr_array_index (lists, i), ADW_TYPE_CAROUSEL) == NULL)
      results = g_ptr_array_index (lists, i);
  g_assert_nonnull (results);
  ldn_test_iterate_until (results_shown, results);

  /* The hit is shown in bold, with no stray marker characters around it. */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean bold_hit = FALSE;

    ldn_test_collect (GTK_WIDGET (gtk_list_box_get_row_at_index (results, 0)), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      {
        GtkLabel *label = g_ptr_array_index (labels, i);
        const char *text = gtk_label_get_text (label);
        PangoAttrList *attrs = pango_layout_get_attributes (gtk_label_get_layout (label));
        g_autofree char *lower = g_utf8_strdown (text, -1);

        g_assert_null (strchr (text, '\x02'));
        g_assert_null (strchr (text, '\x03'));
        g_assert_null (strstr (gtk_label_get_label (label), "&#x"));
        if (attrs != NULL && strstr (lower, "codeine") != NULL)
          {
            g_autoptr(GSList) list = pango_attr_list_get_attributes (attrs);
            for (GSList *l = list; l != NULL; l = l->next)
              bold_hit |= ((PangoAttribute *) l->data)->klass->type == PANGO_ATTR_WEIGHT;
            g_slist_free_full (g_steal_pointer (&list), (GDestroyNotify) pango_attribute_destroy);
          }
      }
    g_assert_true (bold_hit);
  }

  g_signal_emit_by_name (results, "row-activated", gtk_list_box_get_row_at_index (results, 0));
  g_assert_cmpstr (ldn_learn_page_get_current_page (learn), ==, "safety");

  highlighted = ldn_learn_page_get_highlighted_block (learn);
  g_assert_nonnull (highlighted);
  g_assert_true (gtk_widget_has_css_class (highlighted, "ldn-highlight"));
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean mentions_codeine = FALSE;

    ldn_test_collect (highlighted, GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      mentions_codeine |= strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), "codeine") != NULL;
    g_assert_true (mentions_codeine);
  }

  /* The outlined block is scrolled into view: its top is on screen. */
  ldn_test_iterate_until (highlight_on_screen, highlighted);
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (highlighted, GTK_TYPE_SCROLLED_WINDOW);
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (highlighted, scroller, &bounds));
    g_test_message ("highlighted block at y=%g in a scroller %d px high", bounds.origin.y, gtk_widget_get_height (scroller));
  }

  close_window (window);
}

/* On a phone, a result far down a page the reader has not opened yet is
 * scrolled into view once the page has been built and laid out. */
static void
test_result_far_down_is_scrolled_into_view (void)
{
  LdnWindow *window = ldn_window_new (app);
  LdnLearnPage *learn;
  GtkWidget *highlighted = NULL;
  guint last = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  ldn_test_wait_mapped (GTK_WIDGET (window));
  learn = ldn_window_get_learn_page (window);
  g_assert_true (ldn_learn_page_show_page (learn, "what-is-naltrexone", 0));
  wait_for_page (learn, "what-is-naltrexone");

  /* Through search, on the phone: the teach-back question near the end of
   * the safety page, found by a word only it has. */
  {
    GtkEditable *entry;
    GtkListBox *results = NULL;
    g_autoptr(GPtrArray) lists = g_ptr_array_new ();

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
    entry = ldn_test_nth (GTK_WIDGET (learn), GTK_TYPE_SEARCH_ENTRY, 0);
    gtk_editable_set_text (entry, "cough medicine with codeine");
    ldn_test_collect (GTK_WIDGET (learn), GTK_TYPE_LIST_BOX, lists);
    for (guint i = 0; i < lists->len; i++)
      if (gtk_widget_has_css_class (g_ptr_array_index (lists, i), "boxed-list") &&
          gtk_widget_get_ancestor (g_ptr_array_index (lists, i), ADW_TYPE_CAROUSEL) == NULL &&
          gtk_widget_get_ancestor (g_ptr_array_index (lists, i), GTK_TYPE_POPOVER) == NULL)
        results = g_ptr_array_index (lists, i);
    g_assert_nonnull (results);
    ldn_test_iterate_until (results_shown, results);
    g_signal_emit_by_name (results, "row-activated", gtk_list_box_get_row_at_index (results, 0));
    highlighted = ldn_learn_page_get_highlighted_block (learn);
    g_assert_nonnull (highlighted);
    wait_for_page (learn, "safety");
    ldn_test_iterate_until (highlight_on_screen, highlighted);
  }

  /* The last block of a long page. */
  while (ldn_learn_page_show_page (learn, "evidence", last + 1) &&
         ldn_learn_page_get_highlighted_block (learn) != NULL)
    last++;
  g_test_message ("the evidence page has %u blocks", last + 1);
  g_assert_cmpuint (last, >=, 4);

  ldn_window_get_learn_page (window);
  g_assert_true (ldn_learn_page_show_page (learn, "what-is-naltrexone", 0));
  wait_for_page (learn, "what-is-naltrexone");
  g_assert_true (ldn_learn_page_show_page (learn, "evidence", last));
  highlighted = ldn_learn_page_get_highlighted_block (learn);
  g_assert_nonnull (highlighted);
  wait_for_page (learn, "evidence");
  ldn_test_iterate_until (highlight_on_screen, highlighted);

  close_window (window);
}

static GtkWidget *
find_button_named (GtkWidget  *root,
                   const char *name)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  ldn_test_collect (root, GTK_TYPE_WIDGET, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      g_autofree char *problem = gtk_test_accessible_check_property (g_ptr_array_index (buttons, i),
                                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      if (problem == NULL)
        return g_ptr_array_index (buttons, i);
    }

  return NULL;
}

static gboolean
rects_overlap (const graphene_rect_t *a,
               const graphene_rect_t *b)
{
  return a->origin.x < b->origin.x + b->size.width && b->origin.x < a->origin.x + a->size.width &&
         a->origin.y < b->origin.y + b->size.height && b->origin.y < a->origin.y + a->size.height;
}

static gboolean
widget_allocated (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data)) && gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

/* Back and Next look alike (neither flat beside a coloured block), are
 * the same height, and at 360 px with large text the dots and the page
 * count have room: nothing runs under a button or is cut short. */
static void
test_navigation_fits_a_phone (void)
{
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  LdnWindow *window;
  LdnLearnPage *learn;
  GtkWidget *back, *next, *dots, *count;
  graphene_rect_t back_bounds, next_bounds, dots_bounds, count_bounds;
  g_autoptr(GPtrArray) all_dots = g_ptr_array_new ();
  int dpi = 0;

  g_object_get (gtk_settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (gtk_settings, "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);
  window = ldn_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  ldn_test_wait_mapped (GTK_WIDGET (window));
  learn = ldn_window_get_learn_page (window);
  g_assert_true (ldn_learn_page_show_page (learn, "doctor-visit", 0));
  wait_for_page (learn, "doctor-visit");

  back = find_button_named (GTK_WIDGET (learn), "Previous page");
  next = find_button_named (GTK_WIDGET (learn), "Next page");
  count = find_button_named (GTK_WIDGET (learn), "Go to a page");
  g_assert_nonnull (back);
  g_assert_nonnull (next);
  g_assert_nonnull (count);
  ldn_test_collect (GTK_WIDGET (learn), ADW_TYPE_CAROUSEL_INDICATOR_DOTS, all_dots);
  g_assert_cmpuint (all_dots->len, ==, 1);
  dots = g_ptr_array_index (all_dots, 0);
  ldn_test_iterate_until (widget_allocated, dots);

  /* Styled alike. */
  g_assert_cmpint (gtk_widget_has_css_class (back, "flat"), ==, gtk_widget_has_css_class (next, "flat"));
  g_assert_cmpint (gtk_widget_has_css_class (back, "suggested-action"), ==,
                   gtk_widget_has_css_class (next, "suggested-action"));
  g_assert_cmpint (gtk_widget_has_css_class (gtk_widget_get_parent (back), "toolbar"), ==, FALSE);
  g_assert_cmpint (gtk_widget_get_height (back), ==, gtk_widget_get_height (next));

  g_assert_true (gtk_widget_compute_bounds (back, GTK_WIDGET (window), &back_bounds));
  g_assert_true (gtk_widget_compute_bounds (next, GTK_WIDGET (window), &next_bounds));
  g_assert_true (gtk_widget_compute_bounds (dots, GTK_WIDGET (window), &dots_bounds));
  g_assert_true (gtk_widget_compute_bounds (count, GTK_WIDGET (window), &count_bounds));
  g_test_message ("back %g+%g, count %g+%g, next %g+%g, dots %g+%g at y %g",
                  back_bounds.origin.x, back_bounds.size.width, count_bounds.origin.x, count_bounds.size.width,
                  next_bounds.origin.x, next_bounds.size.width, dots_bounds.origin.x, dots_bounds.size.width,
                  dots_bounds.origin.y);
  g_assert_false (rects_overlap (&dots_bounds, &next_bounds));
  g_assert_false (rects_overlap (&dots_bounds, &back_bounds));
  g_assert_false (rects_overlap (&count_bounds, &next_bounds));
  g_assert_false (rects_overlap (&count_bounds, &back_bounds));
  g_assert_cmpfloat (next_bounds.origin.x + next_bounds.size.width, <=, 360);
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    ldn_test_collect (count, GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (g_ptr_array_index (labels, i))));
  }

  close_window (window);
  g_object_set (gtk_settings, "gtk-xft-dpi", dpi, NULL);
}

static gboolean
no_results_shown (gpointer data)
{
  g_autoptr(GPtrArray) status_pages = g_ptr_array_new ();

  ldn_test_collect (GTK_WIDGET (data), ADW_TYPE_STATUS_PAGE, status_pages);
  for (guint i = 0; i < status_pages->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (status_pages, i)) &&
        g_strcmp0 (adw_status_page_get_title (g_ptr_array_index (status_pages, i)), "No Results Found") == 0)
      return TRUE;

  return FALSE;
}

static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }

  return handled;
}

/* Typing a letter on the guide starts a search with that letter; a
 * shortcut such as Ctrl+C does not. */
static void
test_typing_starts_search (void)
{
  LdnWindow *window = open_window ();
  LdnLearnPage *learn = ldn_window_get_learn_page (window);
  gboolean search_mode = TRUE;
  GtkEditable *entry;

  g_assert_false (press_key (GTK_WIDGET (window), GDK_KEY_c, GDK_CONTROL_MASK));
  g_object_get (learn, "search-mode", &search_mode, NULL);
  g_assert_false (search_mode);

  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_c, 0));
  g_object_get (learn, "search-mode", &search_mode, NULL);
  g_assert_true (search_mode);
  entry = ldn_test_nth (GTK_WIDGET (learn), GTK_TYPE_SEARCH_ENTRY, 0);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "c");

  close_window (window);
}

static gboolean
no_results_gone (gpointer data)
{
  return !no_results_shown (data);
}

/* A search that finds nothing says so, and closing it goes back to the page. */
static void
test_search_without_results_says_so (void)
{
  LdnWindow *window = open_window ();
  LdnLearnPage *learn = ldn_window_get_learn_page (window);
  const char *page_before = NULL;
  GtkEditable *entry;

  page_before = ldn_learn_page_get_current_page (learn);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  entry = ldn_test_nth (GTK_WIDGET (learn), GTK_TYPE_SEARCH_ENTRY, 0);
  gtk_editable_set_text (entry, "xylophone");
  ldn_test_iterate_until (no_results_shown, learn);

  g_object_set (learn, "search-mode", FALSE, NULL);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_cmpstr (ldn_learn_page_get_current_page (learn), ==, page_before);
  ldn_test_iterate_until (no_results_gone, learn);

  close_window (window);
}

static void
test_missing_content_says_so (void)
{
  LdnLearnPage *page = g_object_ref_sink (g_object_new (LDN_TYPE_LEARN_PAGE, NULL));
  g_autoptr(GError) error = g_error_new_literal (LDN_CONTENT_ERROR, LDN_CONTENT_ERROR_OPEN,
                                                 "The guide’s content is missing (/nowhere).");
  g_autoptr(GPtrArray) status_pages = g_ptr_array_new ();
  gboolean said = FALSE;

  ldn_learn_page_load (page, NULL, error, NULL, NULL);
  g_assert_cmpuint (ldn_learn_page_get_n_pages (page), ==, 0);

  ldn_test_collect (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE, status_pages);
  for (guint i = 0; i < status_pages->len; i++)
    said |= g_strcmp0 (adw_status_page_get_description (g_ptr_array_index (status_pages, i)),
                       "The guide’s content is missing (/nowhere).") == 0;
  g_assert_true (said);

  g_object_unref (page);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  app = ldn_test_ui_init (&argc, &argv);

  g_test_add_func ("/learn/walk-every-page", test_walk_every_page);
  g_test_add_func ("/learn/resumes-on-saved-page", test_resumes_on_saved_page);
  g_test_add_func ("/learn/every-page-fits-a-phone-with-large-text", test_every_page_fits_a_phone_with_large_text);
  g_test_add_func ("/learn/page-list-goes-to-page", test_page_list_goes_to_page);
  g_test_add_func ("/learn/teach-back-answer-is-kept", test_teach_back_answer_is_kept);
  g_test_add_func ("/learn/source-link-opens-citation", test_source_link_opens_citation);
  g_test_add_func ("/learn/search-opens-result", test_search_opens_result);
  g_test_add_func ("/learn/result-far-down-is-scrolled-into-view", test_result_far_down_is_scrolled_into_view);
  g_test_add_func ("/learn/navigation-fits-a-phone", test_navigation_fits_a_phone);
  g_test_add_func ("/learn/typing-starts-search", test_typing_starts_search);
  g_test_add_func ("/learn/search-without-results-says-so", test_search_without_results_says_so);
  g_test_add_func ("/learn/missing-content-says-so", test_missing_content_says_so);

  result = g_test_run ();
  g_clear_object (&app);

  return result;
}

/* test-accessibility.c: every control in every section has a name that a
 * screen reader can say and can be reached with the keyboard, and the
 * pictures say what they show.
 *
 * Runs with GTK_A11Y=test, so GTK keeps each widget's accessible
 * properties where GTK's accessibility test API can read them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "app/ldn-application.h"
#include "app/ldn-window.h"
#include "compat/ldn-reading-stop.h"
#include "pages/ldn-learn-page.h"
#include "pages/ldn-situation-view.h"
#include "pages/ldn-side-effects-page.h"
#include "pages/ldn-timeline-page.h"
#include "ldn-test-ui.h"

static LdnApplication *app;

/* Widgets a person can operate. */
static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_SWITCH (widget) || GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget) ||
         GTK_IS_SCALE (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_LIST_BOX (widget) ||
         GTK_IS_CALENDAR (widget);
}

/* GTK's and libadwaita's own composite widgets name their parts. */
static gboolean
is_inside_toolkit_widget (GtkWidget *widget)
{
  GType toolkit_composites[] = {
    GTK_TYPE_SPIN_BUTTON, GTK_TYPE_DROP_DOWN, GTK_TYPE_SEARCH_ENTRY, GTK_TYPE_PASSWORD_ENTRY,
    GTK_TYPE_ENTRY, GTK_TYPE_CALENDAR, GTK_TYPE_WINDOW_CONTROLS, GTK_TYPE_POPOVER_MENU,
    ADW_TYPE_VIEW_SWITCHER, ADW_TYPE_VIEW_SWITCHER_BAR,
    GTK_TYPE_STACK_SWITCHER,
  };

  /* An expander row keeps its rows in a list of its own. */
  if (GTK_IS_LIST_BOX (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW) != NULL)
    return TRUE;

  for (GtkWidget *parent = gtk_widget_get_parent (widget); parent != NULL; parent = gtk_widget_get_parent (parent))
    for (guint i = 0; i < G_N_ELEMENTS (toolkit_composites); i++)
      if (G_TYPE_CHECK_INSTANCE_TYPE (parent, toolkit_composites[i]))
        return TRUE;

  return FALSE;
}

static gboolean
has_visible_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_visible_text (child))
      return TRUE;

  return FALSE;
}

/* A name comes from an accessible label, a "labelled by" relation, or
 * the text the control shows (a button's or a check button's label). */
static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;

  if (GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget) || GTK_IS_LIST_BOX (widget) ||
      GTK_IS_SCALE (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_SWITCH (widget))
    return FALSE;  /* what they show is their value, not their name */

  return has_visible_text (widget);
}

/* Keyboard users reach a control with Tab; lists are reached through
 * their rows, entries through their text. */
static gboolean
takes_focus (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget) || GTK_IS_EDITABLE (widget) || GTK_IS_DROP_DOWN (widget))
    return TRUE;
  /* A menu button is focused through the toggle button inside it. */
  if (GTK_IS_MENU_BUTTON (widget))
    return takes_focus (gtk_widget_get_first_child (widget));

  return gtk_widget_get_focusable (widget) && gtk_widget_get_can_focus (widget);
}

/* The toggle button inside a GtkMenuButton. From GTK 4.10 on (seen on
 * 4.18 and 4.24) the name is on the GtkMenuButton, and screen readers say
 * it for the toggle button too (AT-SPI: "Main menu" twice), though the
 * test API finds no name of the toggle's own. The menu button itself is
 * still checked, with its name and its keyboard focus. */
static gboolean
is_menu_button_toggle (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_MENU_BUTTON (parent) && has_name (parent);
}

/* A part of an AdwEntryRow that the row keeps hidden. libadwaita 1.7 and
 * later (trixie, sid) keep the apply button of a row without
 * show-apply-button in the tree, visible but never shown: it cannot be
 * seen, focused or reached by a screen reader. libadwaita 1.2 hid it. */
static gboolean
is_hidden_entry_row_part (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW);

  if (row == NULL)
    return FALSE;
  for (GtkWidget *w = widget; w != row; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_child_visible (w))
      return TRUE;
  return !gtk_widget_get_mapped (widget) && gtk_widget_get_mapped (row);
}

static void
collect_unnamed (GtkWidget *widget,
                 GString   *unnamed,
                 guint     *n_controls)
{
  if (is_control (widget) && gtk_widget_get_visible (widget) && !is_inside_toolkit_widget (widget) &&
      !is_menu_button_toggle (widget) && !is_hidden_entry_row_part (widget))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      (*n_controls)++;
      if (!has_name (widget))
        g_string_append_printf (unnamed, "\n  %s (%s): no accessible name", G_OBJECT_TYPE_NAME (widget),
                                tooltip ? tooltip : "no tooltip");
      if (!takes_focus (widget))
        g_string_append_printf (unnamed, "\n  %s (%s): cannot be reached with the keyboard",
                                G_OBJECT_TYPE_NAME (widget), tooltip ? tooltip : "no tooltip");
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed, n_controls);
}

/* Returns how many controls were looked at. */
static guint
assert_every_control_named (GtkWidget  *root,
                            const char *where)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);
  guint n_controls = 0;

  collect_unnamed (root, unnamed, &n_controls);
  if (unnamed->len > 0)
    g_error ("Controls a screen reader or keyboard user cannot use in %s:%s", where, unnamed->str);

  return n_controls;
}

static LdnWindow *
open_window (void)
{
  return ldn_test_open_window (app, 0, 0);
}

static void
test_every_control_has_a_name (void)
{
  const char *sections[] = { "learn", "timeline", "side-effects", "sheet" };
  const char *side_effect_views[] = { "checklist", "questions" };
  LdnWindow *window = open_window ();
  guint n_controls = 0;

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", sections[i]));
      n_controls += assert_every_control_named (GTK_WIDGET (window), sections[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (side_effect_views); i++)
    {
      ldn_side_effects_page_show_view (ldn_window_get_side_effects_page (window), side_effect_views[i]);
      n_controls += assert_every_control_named (GTK_WIDGET (ldn_window_get_side_effects_page (window)),
                                                side_effect_views[i]);
    }
  /* The steps of "Prepare for your visit", each view in turn. */
  {
    const char *steps[] = { "overview", "situation", "safety", "values", "consent", "stance" };
    LdnPreparePage *prepare = ldn_window_get_prepare_page (window);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "prepare"));
    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      {
        ldn_prepare_page_show_step (prepare, steps[i]);
        n_controls += assert_every_control_named (GTK_WIDGET (prepare), steps[i]);
      }
  }
  g_test_message ("%u controls have a name", n_controls);
  /* Each section has at least a dozen controls: make sure they were seen. */
  g_assert_cmpuint (n_controls, >, 4 * 12);

  ldn_test_close_window (GTK_WINDOW (window));
}

/* The chart and the sheet preview are pictures: a screen reader needs
 * their role and a description of what they show. */
static void
test_pictures_describe_themselves (void)
{
  LdnWindow *window = open_window ();
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  guint pictures = 0;

  ldn_window_get_timeline_page (window);
  ldn_window_get_sheet_page (window);
  ldn_test_collect (GTK_WIDGET (window), GTK_TYPE_WIDGET, widgets);
  for (guint i = 0; i < widgets->len; i++)
    {
      GtkAccessible *accessible = g_ptr_array_index (widgets, i);

      if (gtk_accessible_get_accessible_role (accessible) != GTK_ACCESSIBLE_ROLE_IMG ||
          GTK_IS_IMAGE (accessible))
        continue;

      pictures++;
      g_assert_true (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL));
      g_assert_true (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
    }
  g_assert_cmpuint (pictures, >=, 2);

  ldn_test_close_window (GTK_WINDOW (window));
}

/* Walks the focus chain with Tab from the window, as a keyboard user
 * does; returns every widget that took focus, in order (at most LIMIT). */
static GPtrArray *
tab_through (GtkWidget *window,
             guint      limit)
{
  GPtrArray *stops = g_ptr_array_new ();

  for (guint i = 0; i < limit; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD))
        break;
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus == NULL || (stops->len > 0 && focus == g_ptr_array_index (stops, 0)))
        break;
      g_ptr_array_add (stops, focus);
    }

  return stops;
}

static gboolean
has_label_text (GtkWidget  *widget,
                const char *prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

/* GTK 4.8 gives a screen reader no say-all: the guide's text must take
 * focus, in reading order, and only the page on screen is in the chain
 * (it used to walk all 13 pages). Titles are headings. */
static gboolean
first_title_mapped (gpointer data)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ldn_test_collect (GTK_WIDGET (data), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (has_label_text (g_ptr_array_index (labels, i), "What naltrexone is") &&
        gtk_widget_get_mapped (g_ptr_array_index (labels, i)))
      return TRUE;
  return FALSE;
}

/* GTK 4.10+ lays a window out a frame after mapping it (see below). */
static gboolean
widget_laid_out (gpointer widget)
{
  return gtk_widget_get_height (widget) > 0;
}

static void
test_guide_text_in_focus_chain (void)
{
  LdnWindow *window = open_window ();
  g_autoptr(GPtrArray) stops = NULL;
  gboolean title = FALSE, paragraph = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "learn"));
  /* The guide builds its first page when shown: newer GTK maps it a
   * frame later than GTK 4.8, so walk only once its title is on screen.
   * Tab goes by where things are on screen (GTK sorts a container's
   * children by position), and GTK 4.10+ lays the window out a frame
   * after mapping it: walked before that, every widget sits at 0,0 and
   * Tab went from the header bar's last button back round to its first,
   * never into the section, which was taken for a gap in the app (it
   * was skipped on GTK 4.10+). A person presses Tab on a window that is
   * drawn: so does this walk. */
  ldn_test_iterate_until (first_title_mapped, window);
  ldn_test_iterate_until (widget_laid_out, ldn_window_get_learn_page (window));
  stops = tab_through (GTK_WIDGET (window), 200);
  for (guint i = 0; i < stops->len; i++)
    {
      GtkWidget *stop = g_ptr_array_index (stops, i);

      /* Page 2 ("The standard dose: 50 mg") is built next to page 1 for swiping. */
      g_assert_false (has_label_text (stop, "The standard dose"));
      g_assert_false (has_label_text (stop, "The licensed tablet has 50 mg"));
      if (has_label_text (stop, "What naltrexone is"))
        {
          title = TRUE;
          /* Straight from the header bar's last button into the section. */
          g_assert_cmpuint (i, >, 0);
          g_assert_nonnull (gtk_widget_get_ancestor (g_ptr_array_index (stops, i - 1), ADW_TYPE_HEADER_BAR));
          g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (stop)), ==,
                           GTK_ACCESSIBLE_ROLE_HEADING);
        }
      if (has_label_text (stop, "Naltrexone is a medicine that blocks opioid receptors"))
        {
          g_assert_true (title);  /* after the title: reading order */
          paragraph = TRUE;
        }
    }
  g_assert_true (title);
  g_assert_true (paragraph);
  g_assert_cmpuint (stops->len, <, 60);

  ldn_test_close_window (GTK_WINDOW (window));
}

/* Tab into the sections lands in the one on screen, never in a hidden
 * one: with every section built, libadwaita 1.7's view stack (GTK 4.18)
 * gave focus to the hidden Prepare steps while the guide was shown. */
static void
test_tab_stays_in_visible_section (void)
{
  const char *sections[] = { "learn", "timeline", "side-effects", "sheet", "prepare" };
  LdnWindow *window = open_window ();
  GtkWidget *pages[G_N_ELEMENTS (sections)];

  pages[0] = GTK_WIDGET (ldn_window_get_learn_page (window));
  pages[1] = GTK_WIDGET (ldn_window_get_timeline_page (window));
  pages[2] = GTK_WIDGET (ldn_window_get_side_effects_page (window));
  pages[3] = GTK_WIDGET (ldn_window_get_sheet_page (window));
  pages[4] = GTK_WIDGET (ldn_window_get_prepare_page (window));
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *stack = gtk_widget_get_ancestor (pages[i], ADW_TYPE_VIEW_STACK);
      GtkWidget *focus;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", sections[i]));
      gtk_root_set_focus (GTK_ROOT (window), NULL);
      g_assert_true (gtk_widget_child_focus (stack, GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus == NULL || !gtk_widget_is_ancestor (focus, pages[i]))
        g_error ("Tab into “%s” went to %s in another section", sections[i],
                 focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing");
    }

  ldn_test_close_window (GTK_WINDOW (window));
}

/* Tab and Shift+Tab through the Timeline, past its folded expanders
 * ("More Settings", "Show as Table"): each expander is one stop, read by
 * its title, and focus never walks into a folded child. It did on GTK 4.8
 * (a critical, which the test setup makes fatal, and focus lost) once an
 * expander's title was not a stop of its own, which it was (read twice). */
static void
test_tab_past_folded_expanders (void)
{
  LdnWindow *window = open_window ();
  GtkWidget *page = GTK_WIDGET (ldn_window_get_timeline_page (window));
  const GtkDirectionType directions[] = { GTK_DIR_TAB_FORWARD, GTK_DIR_TAB_BACKWARD };
  guint expanders = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "timeline"));
  ldn_test_iterate_until (widget_laid_out, page);
  for (guint d = 0; d < G_N_ELEMENTS (directions); d++)
    {
      gtk_root_set_focus (GTK_ROOT (window), NULL);
      for (guint i = 0; i < 150; i++)
        {
          GtkWidget *focus, *expander;

          if (!gtk_widget_child_focus (GTK_WIDGET (window), directions[d]))
            break;
          focus = gtk_root_get_focus (GTK_ROOT (window));
          g_assert_nonnull (focus);
          g_assert_true (gtk_widget_get_root (focus) == GTK_ROOT (window));
          if (!gtk_widget_is_ancestor (focus, page))
            continue;
          if (GTK_IS_EXPANDER (focus))
            expanders++;
          expander = gtk_widget_get_ancestor (gtk_widget_get_parent (focus), GTK_TYPE_EXPANDER);
          if (expander != NULL)
            {
              GtkWidget *title = gtk_expander_get_label_widget (GTK_EXPANDER (expander));

              if (focus == title || gtk_widget_is_ancestor (focus, title))
                g_error ("the title of the expander “%s” took focus apart from the expander",
                         gtk_expander_get_label (GTK_EXPANDER (expander)));
              g_assert_true (gtk_expander_get_expanded (GTK_EXPANDER (expander)));
            }
        }
    }
  /* Both expanders, both ways. */
  g_assert_cmpuint (expanders, >=, 4);

  ldn_test_close_window (GTK_WINDOW (window));
}

static void
collect_focusable (GtkWidget *widget,
                   GPtrArray *stops)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_get_focusable (child))
        g_ptr_array_add (stops, child);
      collect_focusable (child, stops);
    }
}

/* A table is read a row at a time, each value with its column's heading,
 * from one stop per row. Orca 48 and later read a focused label by its own
 * text, so on GTK 4.10+ that stop is an empty table cell over the first
 * cell (an LdnReadingStop, with no children whose text Orca would read
 * instead); on GTK 4.8 it is the first cell's label. */
static void
test_table_row_is_one_stop (void)
{
  LdnWindow *window = open_window ();
  LdnLearnPage *learn = ldn_window_get_learn_page (window);
  g_autoptr(GPtrArray) grids = g_ptr_array_new ();
  g_autoptr(GPtrArray) stops = g_ptr_array_new ();
  GtkWidget *table = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "learn"));
  g_assert_true (ldn_learn_page_show_page (learn, "side-by-side", 0));
  ldn_test_collect (GTK_WIDGET (learn), GTK_TYPE_GRID, grids);
  for (guint i = 0; i < grids->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (grids, i), "ldn-table") &&
        gtk_widget_get_mapped (g_ptr_array_index (grids, i)))
      table = g_ptr_array_index (grids, i);
  g_assert_nonnull (table);

  collect_focusable (table, stops);
  /* The heading row and one stop per row, in the first column. */
  g_assert_cmpuint (stops->len, >=, 3);
  for (guint i = 0; i < stops->len; i++)
    {
      int column, row;

      gtk_grid_query_child (GTK_GRID (table), g_ptr_array_index (stops, i), &column, &row, NULL, NULL);
      g_assert_cmpint (column, ==, 0);
      g_assert_cmpint (row, ==, (int) i);
    }
  gtk_test_accessible_assert_property (g_ptr_array_index (stops, 1), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Daily dose; Low dose (LDN): About 1 to 5 mg; Standard dose: 50 mg");
#if GTK_CHECK_VERSION (4, 10, 0)
  g_assert_true (LDN_IS_READING_STOP (g_ptr_array_index (stops, 1)));
  g_assert_null (gtk_widget_get_first_child (g_ptr_array_index (stops, 1)));
  g_assert_true (gtk_test_accessible_has_role (g_ptr_array_index (stops, 1), GTK_ACCESSIBLE_ROLE_CELL));
#else
  g_assert_true (GTK_IS_LABEL (g_ptr_array_index (stops, 1)));
  g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (stops, 1)), ==, "Daily dose");
#endif

  ldn_test_close_window (GTK_WINDOW (window));
}

static GtkToggleButton *
toggle_labelled (GtkWidget  *root,
                 const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  ldn_test_collect (root, GTK_TYPE_TOGGLE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);

  g_error ("no toggle button labelled “%s”", label);
}

/* One choice of several is a radio button whose state follows it, not a
 * toggle button with no spoken state. */
static void
test_single_choices_are_radio_buttons (void)
{
  LdnWindow *window = open_window ();
  GtkWidget *timeline;
  GtkToggleButton *once, *nightly;
  g_autofree char *problem = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "timeline"));
  timeline = GTK_WIDGET (ldn_window_get_timeline_page (window));
  once = toggle_labelled (timeline, "Once");
  nightly = toggle_labelled (timeline, "Every Night");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (nightly)), ==, GTK_ACCESSIBLE_ROLE_RADIO);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (toggle_labelled (timeline, "14 Days"))), ==,
                   GTK_ACCESSIBLE_ROLE_RADIO);

  gtk_toggle_button_set_active (nightly, TRUE);
  problem = gtk_test_accessible_check_state (GTK_ACCESSIBLE (nightly), GTK_ACCESSIBLE_STATE_CHECKED,
                                             GTK_ACCESSIBLE_TRISTATE_TRUE);
  g_assert_null (problem);
  problem = gtk_test_accessible_check_state (GTK_ACCESSIBLE (once), GTK_ACCESSIBLE_STATE_CHECKED,
                                             GTK_ACCESSIBLE_TRISTATE_FALSE);
  g_assert_null (problem);
  gtk_toggle_button_set_active (once, TRUE);

  ldn_test_close_window (GTK_WINDOW (window));
}

/* Teach-back answers: radio buttons named by their text (GTK 4.8 takes
 * no name from a custom child: they read "GtkCheckButton"). */
static void
test_teach_back_answers_named (void)
{
  LdnWindow *window = open_window ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint answers = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "learn"));
  g_assert_true (ldn_learn_page_show_page (ldn_window_get_learn_page (window), "side-by-side", 0));
  ldn_test_collect (GTK_WIDGET (window), GTK_TYPE_CHECK_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkAccessible *button = g_ptr_array_index (buttons, i);

      if (gtk_accessible_get_accessible_role (button) != GTK_ACCESSIBLE_ROLE_RADIO)
        continue;
      answers++;
      g_assert_true (gtk_test_accessible_has_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL));
    }
  g_assert_cmpuint (answers, >=, 3);

  ldn_test_close_window (GTK_WINDOW (window));
}

/* Issue 15: each name is said once and says what matters. On GTK 4.8 a
 * row "labelled by" its title and given a name says both ("My Situation
 * and Safety My Situation and Safety"); a widget of the default role with
 * no name is read by its class ("LdnSituationView"); a combo row says its
 * title, not its value. (The e2e journey checks the same through AT-SPI.) */
static void
test_names_said_once (void)
{
  LdnWindow *window = open_window ();
  LdnPreparePage *prepare = ldn_window_get_prepare_page (window);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  GtkWidget *paper = NULL;
  guint steps = 0;

  ldn_prepare_page_show_step (prepare, "situation");
  ldn_test_collect (GTK_WIDGET (prepare), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkAccessible *row = g_ptr_array_index (rows, i);

      if (!gtk_test_accessible_has_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL))
        continue;
      steps++;
      g_assert_false (gtk_test_accessible_has_relation (row, GTK_ACCESSIBLE_RELATION_LABELLED_BY));
      g_assert_false (gtk_test_accessible_has_relation (row, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY));
    }
  g_assert_cmpuint (steps, >=, 7);

  /* The app's own containers have a container's role. */
  ldn_window_get_sheet_page (window);
  ldn_test_collect (GTK_WIDGET (window), GTK_TYPE_WIDGET, widgets);
  for (guint i = 0; i < widgets->len; i++)
    {
      GtkAccessible *widget = g_ptr_array_index (widgets, i);

      if (g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Ldn") &&
          gtk_accessible_get_accessible_role (widget) == GTK_ACCESSIBLE_ROLE_WIDGET)
        g_error ("%s would be read as “%s”", G_OBJECT_TYPE_NAME (widget), G_OBJECT_TYPE_NAME (widget));
    }
  g_assert_true (gtk_accessible_get_accessible_role (ldn_test_nth (GTK_WIDGET (prepare), LDN_TYPE_SITUATION_VIEW, 0)) ==
                 GTK_ACCESSIBLE_ROLE_GENERIC);

  /* Paper Size says its value, and the new one when it changes. */
  g_ptr_array_set_size (rows, 0);
  ldn_test_collect (GTK_WIDGET (ldn_window_get_sheet_page (window)), ADW_TYPE_COMBO_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), "Paper Size") == 0)
      paper = g_ptr_array_index (rows, i);
  g_assert_nonnull (paper);
  adw_combo_row_set_selected (ADW_COMBO_ROW (paper), 0);
  gtk_test_accessible_assert_property (paper, GTK_ACCESSIBLE_PROPERTY_LABEL, "Paper Size: A4");
  adw_combo_row_set_selected (ADW_COMBO_ROW (paper), 1);
  gtk_test_accessible_assert_property (paper, GTK_ACCESSIBLE_PROPERTY_LABEL, "Paper Size: US Letter");
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (paper), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  adw_combo_row_set_selected (ADW_COMBO_ROW (paper), 0);

  ldn_test_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  app = ldn_test_ui_init (&argc, &argv);

  g_test_add_func ("/accessibility/every-control-has-a-name", test_every_control_has_a_name);
  g_test_add_func ("/accessibility/pictures-describe-themselves", test_pictures_describe_themselves);
  g_test_add_func ("/accessibility/guide-text-in-focus-chain", test_guide_text_in_focus_chain);
  g_test_add_func ("/accessibility/single-choices-are-radio-buttons", test_single_choices_are_radio_buttons);
  g_test_add_func ("/accessibility/teach-back-answers-named", test_teach_back_answers_named);
  g_test_add_func ("/accessibility/names-said-once", test_names_said_once);
  g_test_add_func ("/accessibility/tab-stays-in-visible-section", test_tab_stays_in_visible_section);
  g_test_add_func ("/accessibility/tab-past-folded-expanders", test_tab_past_folded_expanders);
  g_test_add_func ("/accessibility/table-row-is-one-stop", test_table_row_is_one_stop);

  result = g_test_run ();
  g_object_unref (app);
  return result;
}

/* test-prepare-page.c: the first run opens "Prepare for your visit";
 * a person lists co-codamol and is flagged at once and sent to the
 * safety question (never answered for them), gives a bad date of birth
 * and keeps what they typed, and answers the decision aid's steps. Every
 * control is found by its accessible name.
 *
 * Runs under Xvfb with a private session bus and GTK's test
 * accessibility backend (see meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "app/ldn-application.h"
#include "app/ldn-window.h"
#include "ldn-test-ui.h"
#include "pages/ldn-prepare-page.h"
#include "user/ldn-decision-store.h"

static LdnApplication *app;

static gpointer
named (GtkWidget  *root,
       GType       type,
       const char *name)
{
  return ldn_test_named (root, type, name);
}

static GtkWidget *
label_containing (GtkWidget  *root,
                  const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ldn_test_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), text) != NULL &&
        gtk_widget_is_visible (g_ptr_array_index (labels, i)))
      return g_ptr_array_index (labels, i);

  return NULL;
}

static void
activate_row (GtkWidget *row)
{
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
}

static void
click (GtkWidget *button)
{
  if (GTK_IS_CHECK_BUTTON (button))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (button), TRUE);
  else if (GTK_IS_TOGGLE_BUTTON (button))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  else
    g_signal_emit_by_name (button, "clicked");
}

static LdnWindow *
open_window (void)
{
  return ldn_test_open_window (app, 1100, 800);
}

static void
test_first_run_opens_the_steps (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LdnWindow *window;

  g_settings_set_string (settings, "last-section", "timeline");
  g_settings_set_boolean (settings, "overview-seen", FALSE);
  window = open_window ();
  g_assert_cmpstr (ldn_window_get_visible_section (window), ==, "prepare");
  g_assert_true (g_settings_get_boolean (settings, "overview-seen"));
  g_assert_cmpstr (ldn_window_get_help_page (window), ==, "prepare");
  ldn_test_close_window (GTK_WINDOW (window));

  /* Only the first time: then the last section again. */
  g_settings_set_string (settings, "last-section", "timeline");
  window = open_window ();
  g_assert_cmpstr (ldn_window_get_visible_section (window), ==, "timeline");

  /* Reopened from the main menu's item. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "prepare"));
  g_assert_cmpstr (ldn_window_get_visible_section (window), ==, "prepare");
  ldn_test_close_window (GTK_WINDOW (window));
}

static void
test_situation_flags_an_opioid (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LdnUserStore *store = ldn_application_get_user_store (app);
  g_autoptr(GPtrArray) medicines = NULL;
  LdnPreparePage *page;
  LdnWindow *window;
  GtkWidget *step, *birth_error;
  GtkEditable *birth;

  g_settings_set_string (settings, "last-section", "prepare");
  window = open_window ();
  page = ldn_window_get_prepare_page (window);
  g_assert_cmpstr (ldn_prepare_page_get_step (page), ==, "overview");

  step = named (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "My Situation and Safety");
  activate_row (step);
  g_assert_cmpstr (ldn_prepare_page_get_step (page), ==, "situation");
  g_assert_cmpstr (ldn_window_get_help_page (window), ==, "situation");

  /* No flag before the medicine is listed. */
  g_assert_null (label_containing (GTK_WIDGET (page), "looks like an opioid medicine"));
  gtk_editable_set_text (named (GTK_WIDGET (page), GTK_TYPE_ENTRY, "Medicine name"), "Co-codamol 30/500");
  gtk_editable_set_text (named (GTK_WIDGET (page), GTK_TYPE_ENTRY, "Dose"), "2 tablets");
  gtk_editable_set_text (named (GTK_WIDGET (page), GTK_TYPE_ENTRY, "How often"), "four times a day");
  click (named (GTK_WIDGET (page), GTK_TYPE_BUTTON, "Add medicine"));

  medicines = ldn_decision_list_medicines (store, NULL);
  g_assert_cmpuint (medicines->len, ==, 1);
  g_assert_cmpstr (((LdnMedicine *) medicines->pdata[0])->how_often, ==, "four times a day");
  g_assert_nonnull (label_containing (GTK_WIDGET (page), "“Co-codamol 30/500” looks like an opioid medicine: "
                                                         "co-codamol (contains codeine and paracetamol)."));

  /* The flag sends the person to the question and never answers it. */
  click (named (GTK_WIDGET (page), GTK_TYPE_BUTTON, "Check the Opioid Safety Question"));
  g_assert_cmpstr (ldn_prepare_page_get_step (page), ==, "safety");
  g_assert_cmpstr (ldn_window_get_help_page (window), ==, "safety");
  g_assert_cmpint (ldn_user_store_get_answer (store, "opioids"), ==, LDN_ANSWER_NONE);
  click (named (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON, "Yes: Do you take any opioid medicine, even now and then?"));
  g_assert_cmpint (ldn_user_store_get_answer (store, "opioids"), ==, LDN_ANSWER_YES);

  /* A date in the future: the reason next to the field, the text kept. */
  ldn_prepare_page_show_step (page, "situation");
  birth = named (GTK_WIDGET (page), GTK_TYPE_ENTRY, "Date of birth (optional)");
  gtk_editable_set_text (birth, "2100-01-01");
  g_signal_emit_by_name (birth, "activate");
  birth_error = label_containing (GTK_WIDGET (page), "is in the future");
  g_assert_nonnull (birth_error);
  g_assert_cmpstr (gtk_editable_get_text (birth), ==, "2100-01-01");
  g_assert_null (ldn_decision_dup_date_of_birth (store));
  gtk_editable_set_text (birth, "1968-04-09");
  g_signal_emit_by_name (birth, "activate");
  g_assert_false (gtk_widget_is_visible (birth_error));
  {
    g_autofree char *saved = ldn_decision_dup_date_of_birth (store);
    g_assert_cmpstr (saved, ==, "1968-04-09");
  }

  /* An empty name is refused where the person is looking. */
  click (named (GTK_WIDGET (page), GTK_TYPE_BUTTON, "Add medicine"));
  g_assert_nonnull (label_containing (GTK_WIDGET (page), "Type the medicine’s name first."));

  /* A condition from the guide, with its evidence in words. */
  click (named (GTK_WIDGET (page), GTK_TYPE_CHECK_BUTTON, "Fibromyalgia — evidence: Weak and mixed"));
  g_assert_true (ldn_decision_has_condition (store, "fibromyalgia"));

  ldn_prepare_page_show_step (page, "overview");
  ldn_test_close_window (GTK_WINDOW (window));
}

static void
test_decision_steps_are_saved (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LdnUserStore *store = ldn_application_get_user_store (app);
  g_autoptr(GPtrArray) values = NULL;
  LdnPreparePage *page;
  LdnWindow *window;

  g_settings_set_string (settings, "last-section", "prepare");
  window = open_window ();
  page = ldn_window_get_prepare_page (window);

  activate_row (named (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "What Matters to Me"));
  g_assert_cmpstr (ldn_prepare_page_get_step (page), ==, "values");
  click (named (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON,
                "3: The cost of a medicine made to order by a compounding pharmacy"));
  g_assert_cmpint (ldn_decision_get_importance (store, "cost"), ==, 3);
  gtk_editable_set_text (named (GTK_WIDGET (page), GTK_TYPE_ENTRY, "Something else that matters to me"),
                         "Being able to drive");
  click (named (GTK_WIDGET (page), GTK_TYPE_BUTTON, "Add what matters to me"));
  values = ldn_decision_list_own_values (store, NULL);
  g_assert_cmpuint (values->len, ==, 1);
  click (named (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON, "4: Being able to drive"));
  g_ptr_array_unref (values);
  values = ldn_decision_list_own_values (store, NULL);
  g_assert_cmpint (((LdnOwnValue *) values->pdata[0])->importance, ==, 4);

  ldn_prepare_page_show_step (page, "overview");
  activate_row (named (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Understanding an Off-Label Medicine"));
  click (named (GTK_WIDGET (page), GTK_TYPE_CHECK_BUTTON,
                "Please explain again: Naltrexone blocks opioid medicines. Pain relief may not work, and a person "
                "who takes opioids regularly can get sudden withdrawal."));
  g_assert_cmpint (ldn_decision_get_consent (store, "opioids"), ==, LDN_CONSENT_EXPLAIN);

  ldn_prepare_page_show_step (page, "overview");
  activate_row (named (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Where I Stand"));
  g_assert_cmpstr (ldn_window_get_help_page (window), ==, "stance");
  click (named (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON,
                "No: After reading: Do you feel SURE about the best choice for you?"));
  g_assert_cmpint (ldn_decision_get_sure (store, LDN_SURE_AFTER, 0), ==, LDN_SURE_NO);
  g_assert_cmpint (ldn_decision_get_sure (store, LDN_SURE_BEFORE, 0), ==, LDN_SURE_NONE);
  click (named (GTK_WIDGET (page), GTK_TYPE_CHECK_BUTTON, "I am close to choosing.: Where am I in deciding?"));
  g_assert_cmpint (ldn_decision_get_stage (store), ==, LDN_STAGE_CLOSE);
  click (named (GTK_WIDGET (page), GTK_TYPE_CHECK_BUTTON,
                "I want to decide together with my doctor.: How do I want to decide?"));
  g_assert_cmpint (ldn_decision_get_role (store), ==, LDN_ROLE_TOGETHER);

  /* Every step fits a phone screen, 360 px wide. */
  {
    int minimum;

    gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, 360);
  }

  /* Back on the overview, the steps show what was done. */
  ldn_prepare_page_show_step (page, "overview");
  g_assert_nonnull (label_containing (GTK_WIDGET (page), "Started"));
  {
    GtkWidget *stance = named (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Where I Stand");
    GtkWidget *learn = named (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Learn About LDN");
    g_autofree char *stance_state = gtk_test_accessible_check_property (
      GTK_ACCESSIBLE (stance), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "How sure you feel, and how you want to decide. Started");
    g_autofree char *learn_state = NULL;

    g_assert_null (stance_state);
    /* The guide opened on a page: learning has started. */
    g_settings_set_string (settings, "learn-page", "");
    ldn_prepare_page_reload (page);
    learn_state = gtk_test_accessible_check_property (GTK_ACCESSIBLE (learn), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                      "Short pages on what LDN is, the evidence and safety. Not started");
    g_assert_null (learn_state);
    g_settings_set_string (settings, "learn-page", "low-dose");
    ldn_prepare_page_reload (page);
    g_free (learn_state);
    learn_state = gtk_test_accessible_check_property (GTK_ACCESSIBLE (learn), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                      "Short pages on what LDN is, the evidence and safety. Started");
    g_assert_null (learn_state);
  }

  /* "My questions" leads to the questions; "the sheet" to the sheet. */
  activate_row (named (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "My Questions"));
  g_assert_cmpstr (ldn_window_get_visible_section (window), ==, "side-effects");
  g_assert_cmpstr (ldn_side_effects_page_get_view (ldn_window_get_side_effects_page (window)), ==, "questions");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "prepare");
  activate_row (named (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "My Discussion Sheet"));
  g_assert_cmpstr (ldn_window_get_visible_section (window), ==, "sheet");

  ldn_test_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  app = ldn_test_ui_init (&argc, &argv);

  g_test_add_func ("/prepare/first-run-opens-the-steps", test_first_run_opens_the_steps);
  g_test_add_func ("/prepare/situation-flags-an-opioid", test_situation_flags_an_opioid);
  g_test_add_func ("/prepare/decision-steps-are-saved", test_decision_steps_are_saved);

  result = g_test_run ();
  g_clear_object (&app);

  return result;
}

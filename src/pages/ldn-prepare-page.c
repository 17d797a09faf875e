/* ldn-prepare-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "compat/ldn-compat.h"
#include "ldn-consent-view.h"
#include "ldn-page-layout.h"
#include "ldn-prepare-page.h"
#include "ldn-situation-view.h"
#include "ldn-stance-view.h"
#include "ldn-values-view.h"
#include "user/ldn-decision-store.h"

typedef enum {
  STEP_LEARN,
  STEP_SITUATION,
  STEP_VALUES,
  STEP_CONSENT,
  STEP_STANCE,
  STEP_QUESTIONS,
  STEP_SHEET,
  N_STEPS
} Step;

struct _LdnPreparePage
{
  AdwBin           parent_instance;

  LdnContentStore *content;
  LdnUserStore    *user;
  GSettings       *settings;       /* nullable: what the guide was reading */
  gulong           reset_handler;
  GStrv            safety_ids;
  GStrv            consent_ids;

  GtkStack        *stack;
  GtkLabel        *states[N_STEPS];
  GtkWidget       *rows[N_STEPS];
  GtkWidget       *situation;
  GtkWidget       *values;
  GtkWidget       *consent;
  GtkWidget       *stance;
};

G_DEFINE_FINAL_TYPE (LdnPreparePage, ldn_prepare_page, ADW_TYPE_BIN)

static const struct {
  const char *title;
  const char *subtitle;
  const char *target;   /* a step of this page, or a window action */
} steps[N_STEPS] = {
  [STEP_LEARN] = { N_("Learn About LDN"), N_("Short pages on what LDN is, the evidence and safety"),
                   "win.section::learn" },
  [STEP_SITUATION] = { N_("My Situation and Safety"),
                       N_("What you are thinking of LDN for, your medicines, allergies and the safety questions"),
                       "situation" },
  [STEP_VALUES] = { N_("What Matters to Me"), N_("How much each part of this choice matters to you"), "values" },
  [STEP_CONSENT] = { N_("Understanding an Off-Label Medicine"), N_("Check what you understand, or ask to hear it again"),
                     "consent" },
  [STEP_STANCE] = { N_("Where I Stand"), N_("How sure you feel, and how you want to decide"), "stance" },
  [STEP_QUESTIONS] = { N_("My Questions"), N_("What you want to ask your doctor"), "win.show-questions" },
  [STEP_SHEET] = { N_("My Discussion Sheet"), N_("Print it, or save it as PDF, to bring to your visit"),
                   "win.section::sheet" },
};

typedef enum {
  STATE_NOT_STARTED,
  STATE_STARTED,
  STATE_DONE,
} State;

static State
state_of (gboolean started,
          gboolean done)
{
  return done ? STATE_DONE : started ? STATE_STARTED : STATE_NOT_STARTED;
}

/* What each step's state is, from the store alone: nothing here judges
 * the answers, only whether they were given. */
static void
compute_states (LdnPreparePage *self,
                State           states[N_STEPS])
{
  g_autoptr(GHashTable) teach_back = ldn_user_store_dup_teach_back (self->user);
  g_autoptr(GPtrArray) conditions = ldn_decision_list_conditions (self->user, NULL);
  g_autoptr(GPtrArray) medicines = ldn_decision_list_medicines (self->user, NULL);
  g_autoptr(GPtrArray) own = ldn_decision_list_own_values (self->user, NULL);
  g_autoptr(GPtrArray) questions = ldn_user_store_list_questions (self->user, NULL);
  g_auto(GStrv) value_ids = ldn_content_store_dup_ids (self->content, LDN_CONTENT_IDS_VALUES, NULL);
  guint safety_answered = 0, n_safety = self->safety_ids ? g_strv_length (self->safety_ids) : 0;
  guint consent_answered = 0, n_consent = self->consent_ids ? g_strv_length (self->consent_ids) : 0;
  guint rated = 0, sure_answered[2];
  gboolean all_done = TRUE;

  for (guint i = 0; i < n_safety; i++)
    safety_answered += ldn_user_store_get_answer (self->user, self->safety_ids[i]) != LDN_ANSWER_NONE;
  for (guint i = 0; i < n_consent; i++)
    consent_answered += ldn_decision_get_consent (self->user, self->consent_ids[i]) != LDN_CONSENT_NONE;
  for (guint i = 0; value_ids != NULL && value_ids[i] != NULL; i++)
    rated += ldn_decision_get_importance (self->user, value_ids[i]) >= 0;
  ldn_decision_count_sure (self->user, LDN_SURE_BEFORE, &sure_answered[0], NULL);
  ldn_decision_count_sure (self->user, LDN_SURE_AFTER, &sure_answered[1], NULL);

  /* Learn: started once a page was opened, done when every check
   * question of the guide has an answer. */
  {
    g_auto(GStrv) questions_ids = ldn_content_store_dup_ids (self->content, LDN_CONTENT_IDS_TEACH_BACK, NULL);
    g_autofree char *page = self->settings != NULL ? g_settings_get_string (self->settings, "learn-page") : NULL;
    guint answered = 0;

    for (guint i = 0; questions_ids != NULL && questions_ids[i] != NULL; i++)
      answered += g_hash_table_contains (teach_back, questions_ids[i]);
    states[STEP_LEARN] = state_of ((page != NULL && *page != '\0') || answered > 0,
                                   questions_ids != NULL && questions_ids[0] != NULL &&
                                   answered == g_strv_length (questions_ids));
  }
  states[STEP_SITUATION] = state_of (safety_answered > 0 || (conditions && conditions->len > 0) ||
                                     (medicines && medicines->len > 0),
                                     n_safety > 0 && safety_answered == n_safety);
  states[STEP_VALUES] = state_of (rated > 0 || (own && own->len > 0),
                                  value_ids != NULL && rated == g_strv_length (value_ids));
  states[STEP_CONSENT] = state_of (consent_answered > 0, n_consent > 0 && consent_answered == n_consent);
  states[STEP_STANCE] = state_of (sure_answered[0] + sure_answered[1] > 0 ||
                                  ldn_decision_get_stage (self->user) != LDN_STAGE_NONE,
                                  sure_answered[1] == LDN_DECISION_SURE_ITEMS &&
                                  ldn_decision_get_stage (self->user) != LDN_STAGE_NONE &&
                                  ldn_decision_get_role (self->user) != LDN_ROLE_NONE);
  states[STEP_QUESTIONS] = state_of (FALSE, questions != NULL && questions->len > 0);
  for (guint i = 0; i < STEP_SHEET; i++)
    all_done = all_done && states[i] == STATE_DONE;
  states[STEP_SHEET] = state_of (FALSE, all_done);
}

void
ldn_prepare_page_reload (LdnPreparePage *self)
{
  static const char *words[] = { N_("Not started"), N_("Started"), N_("Done") };
  State states[N_STEPS];

  g_return_if_fail (LDN_IS_PREPARE_PAGE (self));

  if (self->user == NULL)
    return;

  compute_states (self, states);
  for (guint i = 0; i < N_STEPS; i++)
    {
      /* Translators: a step of "Prepare for your visit" and its state, for a screen reader. */
      g_autofree char *description = g_strdup_printf (_("%s. %s"), _(steps[i].subtitle), _(words[states[i]]));

      if (i == STEP_SHEET)
        gtk_label_set_text (self->states[i], states[i] == STATE_DONE ? _("Ready") : _("After the steps above"));
      else
        gtk_label_set_text (self->states[i], _(words[states[i]]));
      gtk_widget_remove_css_class (GTK_WIDGET (self->states[i]), "success");
      if (states[i] == STATE_DONE)
        gtk_widget_add_css_class (GTK_WIDGET (self->states[i]), "success");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->rows[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description, -1);
    }

  /* Steps not shown yet are built from the stores when first shown. */
  if (self->situation != NULL)
    ldn_situation_view_reload (LDN_SITUATION_VIEW (self->situation));
  if (self->values != NULL)
    ldn_values_view_reload (LDN_VALUES_VIEW (self->values));
  if (self->consent != NULL)
    ldn_consent_view_reload (LDN_CONSENT_VIEW (self->consent));
  if (self->stance != NULL)
    ldn_stance_view_reload (LDN_STANCE_VIEW (self->stance));
}

const char *
ldn_prepare_page_get_step (LdnPreparePage *self)
{
  const char *step;

  g_return_val_if_fail (LDN_IS_PREPARE_PAGE (self), NULL);

  step = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (step, "situation") == 0 &&
      ldn_situation_view_get_safety_shown (LDN_SITUATION_VIEW (self->situation)))
    return "safety";
  return step;
}

static GtkWidget *step_page_new (LdnPreparePage *self,
                                 GtkWidget      *view);

/* Each step is built the first time it is shown: the first run opens on
 * the overview, and building all four cost about 37 M instructions
 * before the first frame. */
static void
ensure_step (LdnPreparePage *self,
             const char     *step)
{
  GtkWidget **view;

  if (self->content == NULL || self->user == NULL || gtk_stack_get_child_by_name (self->stack, step) != NULL)
    return;

  if (g_str_equal (step, "situation"))
    *(view = &self->situation) = ldn_situation_view_new (self->content, self->user);
  else if (g_str_equal (step, "values"))
    *(view = &self->values) = ldn_values_view_new (self->content, self->user);
  else if (g_str_equal (step, "consent"))
    *(view = &self->consent) = ldn_consent_view_new (self->content, self->user);
  else if (g_str_equal (step, "stance"))
    *(view = &self->stance) = ldn_stance_view_new (self->content, self->user);
  else
    return;
  gtk_stack_add_named (self->stack, step_page_new (self, *view), step);
}

void
ldn_prepare_page_show_step (LdnPreparePage *self,
                            const char     *step)
{
  g_return_if_fail (LDN_IS_PREPARE_PAGE (self));

  ensure_step (self, g_strcmp0 (step, "safety") == 0 ? "situation" : step);

  if (g_strcmp0 (step, "safety") == 0 && self->situation != NULL)
    {
      ldn_situation_view_show_safety (LDN_SITUATION_VIEW (self->situation));
      step = "situation";
    }
  else if (g_strcmp0 (step, "situation") == 0 && self->situation != NULL)
    ldn_situation_view_show_situation (LDN_SITUATION_VIEW (self->situation));
  if (gtk_stack_get_child_by_name (self->stack, step) != NULL)
    gtk_stack_set_visible_child_name (self->stack, step);
  if (g_str_equal (step, "overview"))
    ldn_prepare_page_reload (self);
}

static void
row_activated_cb (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  LdnPreparePage *self)
{
  const char *target = g_object_get_data (G_OBJECT (row), "ldn-target");
  g_autofree char *action = NULL;
  g_autoptr(GVariant) parameter = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_has_prefix (target, "win."))
    {
      ldn_prepare_page_show_step (self, target);
      return;
    }

  if (!g_action_parse_detailed_name (target, &action, &parameter, &error))
    g_critical ("%s", error->message);
  else if (parameter != NULL)
    gtk_widget_activate_action_variant (GTK_WIDGET (self), action, parameter);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
}

static void
back_cb (GtkButton      *button,
         LdnPreparePage *self)
{
  ldn_prepare_page_show_step (self, "overview");
}

static GtkWidget *
step_page_new (LdnPreparePage *self,
               GtkWidget      *view)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *label = gtk_label_new (_("Prepare for Your Visit"));

  gtk_widget_set_tooltip_text (back, _("Back to the Steps"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back to the steps"), -1);
  g_signal_connect (back, "clicked", G_CALLBACK (back_cb), self);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (bar, 6);
  gtk_widget_set_margin_top (bar, 6);
  gtk_box_append (GTK_BOX (bar), back);
  gtk_box_append (GTK_BOX (bar), label);
  /* Named by its image too on GTK 4.8 ("GtkImage Back to the steps"). */
  ldn_page_fix_button_names (back);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), view);

  return box;
}

/* libadwaita wraps a row's title and subtitle anywhere in a word, which
 * GTK 4.8 measures slowly (the minimum width breaks after every
 * character); these short texts wrap between words. The overview is the
 * first screen on the first run. */
static void
wrap_between_words (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_label_get_wrap (GTK_LABEL (child)))
        gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD);
      wrap_between_words (child);
    }
}

static GtkWidget *
overview_new (LdnPreparePage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *column = ldn_reading_column_new (scroller, 760);
  GtkWidget *list = gtk_list_box_new ();

  gtk_box_append (GTK_BOX (column), ldn_prose_label_new (_("Prepare for Your Visit"), "title-1"));
  gtk_box_append (GTK_BOX (column),
                  ldn_prose_label_new (_("These steps help you learn about low-dose naltrexone, weigh the choice and "
                                           "bring what your doctor needs to a short visit. Take them in any order; "
                                           "what you enter is saved at once and stays on this computer. LDN Guide "
                                           "never tells you whether to take a medicine."), "ldn-page-summary"));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Steps"), -1);
  for (guint i = 0; i < N_STEPS; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *prefix = gtk_label_new (number);
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(steps[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(steps[i].subtitle));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, _(steps[i].title), -1);
      /* The row is also "labelled by" its title and "described by" its
       * subtitle: GTK 4.8 says both, so the name was said twice. */
      ldn_page_name_row_once (row);
      gtk_widget_add_css_class (prefix, "title-3");
      gtk_widget_add_css_class (prefix, "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), prefix);
      self->states[i] = GTK_LABEL (gtk_label_new (NULL));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->states[i]));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      g_object_set_data (G_OBJECT (row), "ldn-target", (gpointer) steps[i].target);
      self->rows[i] = row;
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  wrap_between_words (list);
  g_signal_connect (list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_box_append (GTK_BOX (column), list);

  return scroller;
}

static void
map_cb (LdnPreparePage *self)
{
  ldn_prepare_page_reload (self);
}

void
ldn_prepare_page_load (LdnPreparePage  *self,
                       LdnContentStore *content,
                       const GError    *error,
                       LdnUserStore    *user,
                       GSettings       *settings)
{
  g_return_if_fail (LDN_IS_PREPARE_PAGE (self));
  g_return_if_fail (LDN_IS_USER_STORE (user));
  g_return_if_fail (self->user == NULL);

  if (content == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("The Steps Could Not Be Shown"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), error ? error->message : NULL);
      gtk_stack_add_named (self->stack, status, "error");
      return;
    }

  self->content = g_object_ref (content);
  self->user = g_object_ref (user);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  self->safety_ids = ldn_content_store_dup_ids (content, LDN_CONTENT_IDS_SAFETY_TOPICS, NULL);
  self->consent_ids = ldn_content_store_dup_ids (content, LDN_CONTENT_IDS_CONSENT, NULL);

  gtk_stack_add_named (self->stack, overview_new (self), "overview");
  gtk_stack_set_visible_child_name (self->stack, "overview");

  self->reset_handler = g_signal_connect_swapped (user, "reset", G_CALLBACK (ldn_prepare_page_reload), self);
  ldn_prepare_page_reload (self);
}

static void
ldn_prepare_page_dispose (GObject *object)
{
  LdnPreparePage *self = LDN_PREPARE_PAGE (object);

  if (self->user != NULL)
    g_clear_signal_handler (&self->reset_handler, self->user);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->content);
  g_clear_object (&self->user);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->safety_ids, g_strfreev);
  g_clear_pointer (&self->consent_ids, g_strfreev);

  G_OBJECT_CLASS (ldn_prepare_page_parent_class)->dispose (object);
}

static void
ldn_prepare_page_class_init (LdnPreparePageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ldn_prepare_page_dispose;
  /* A container: GTK 4.8 reads any other role by its class name ("LdnXxx filler"). */
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
ldn_prepare_page_init (LdnPreparePage *self)
{
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT);
  /* Only the step on screen is measured: a homogeneous stack laid out the
   * text of every step before the first frame (about 500 M instructions
   * on the first run, which opens here). */
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  ldn_compat_name_stack_pages (self->stack, NULL);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}

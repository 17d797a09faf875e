/* ldn-situation-view.c
 *
 * "My situation and safety": what the person is thinking of LDN for,
 * what they tried, allergies, date of birth and their medicines, with
 * every opioid in the list flagged at once; and the safety questions
 * beside it. The flag asks the person to check the opioid question; it
 * never answers it for them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "compat/ldn-compat.h"

#include "content/ldn-opioid-match.h"
#include "ldn-page-layout.h"
#include "ldn-safety-view.h"
#include "ldn-situation-view.h"
#include "ldn-user-text-view.h"
#include "user/ldn-decision-store.h"

struct _LdnSituationView
{
  AdwBin           parent_instance;

  LdnContentStore *content;
  LdnUserStore    *user;
  GPtrArray       *opioids;          /* LdnOpioid */
  GPtrArray       *conditions;       /* LdnCondition */
  char            *opioid_why;       /* the opioid safety question's "why", from the content */
  gboolean         loading;

  GtkStack        *stack;
  GtkWidget       *safety_slot;
  GtkWidget       *safety;        /* NULL until first shown */
  GPtrArray       *condition_checks; /* GtkCheckButton, as CONDITIONS */
  GtkEntry        *own_condition;
  GtkLabel        *own_condition_error;
  GtkListBox      *own_conditions;
  GtkWidget       *tried;
  GtkWidget       *allergies;
  GtkEntry        *birth;
  GtkLabel        *birth_error;
  GtkEntry        *medicine_name;
  GtkEntry        *medicine_dose;
  GtkEntry        *medicine_often;
  GtkLabel        *medicine_error;
  GtkListBox      *medicines;
  GtkBox          *flags;
};

G_DEFINE_FINAL_TYPE (LdnSituationView, ldn_situation_view, ADW_TYPE_BIN)

static void
show_error (GtkLabel     *label,
            const GError *error)
{
  gtk_label_set_text (label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
}

static GtkLabel *
error_label_new (void)
{
  GtkWidget *label = ldn_wrapped_label_new ("", "error");

  gtk_widget_set_visible (label, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  return GTK_LABEL (label);
}

/* A titled entry: the title in BOX, the entry in ENTRY_BOX (or BOX). */
static GtkEntry *
labelled_entry (GtkBox     *box,
                GtkBox     *entry_box,
                const char *label,
                const char *placeholder)
{
  GtkWidget *title = ldn_wrapped_label_new (label, "heading");
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_box_append (box, title);
  gtk_box_append (entry_box != NULL ? entry_box : box, entry);

  return GTK_ENTRY (entry);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
remove_button_new (const char *what)
{
  /* Translators: the accessible name of a button that takes an entry off a list. */
  g_autofree char *label = g_strdup_printf (_("Remove %s"), what);
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static void
toast (LdnSituationView *self,
       const GError     *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
}

static void reload_lists (LdnSituationView *self);

static void
remove_condition_cb (GtkButton        *button,
                     LdnSituationView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "ldn-id"));

  if (!ldn_decision_remove_condition (self->user, id, &error))
    toast (self, error);
  reload_lists (self);
}

static void
remove_medicine_cb (GtkButton        *button,
                    LdnSituationView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "ldn-id"));

  if (!ldn_decision_remove_medicine (self->user, id, &error))
    toast (self, error);
  reload_lists (self);
}

static void
check_safety_cb (GtkButton        *button,
                 LdnSituationView *self)
{
  ldn_situation_view_show_safety (self);
}

static GtkWidget *
opioid_flag_new (LdnSituationView  *self,
                 const LdnMedicine *medicine,
                 const LdnOpioid   *opioid)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *button_label = gtk_label_new (_("Check the Opioid Safety Question"));
  g_autofree char *title = *opioid->contains != '\0'
                             /* Translators: a flag under the medicines list: what the person typed, the
                              * content's name for it, and what it contains. */
                             ? g_strdup_printf (_("“%s” looks like an opioid medicine: %s (contains %s)."),
                                                medicine->name, opioid->name, opioid->contains)
                             /* Translators: a flag under the medicines list. */
                             : g_strdup_printf (_("“%s” looks like an opioid medicine: %s."), medicine->name,
                                                opioid->name);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "ldn-block");
  gtk_widget_add_css_class (card, "ldn-urgent");
  gtk_box_append (GTK_BOX (card), ldn_wrapped_label_new (title, "heading"));
  if (self->opioid_why != NULL)
    gtk_box_append (GTK_BOX (card), ldn_wrapped_label_new (self->opioid_why, "ldn-body"));
  gtk_box_append (GTK_BOX (card),
                  ldn_wrapped_label_new (_("Please check your answer to the safety question about opioids, and tell "
                                           "your doctor. It will be a flag on your discussion sheet."), NULL));
  /* Wraps on a phone rather than widen the window. */
  gtk_label_set_wrap (GTK_LABEL (button_label), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), button_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Check the Opioid Safety Question"), -1);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect (button, "clicked", G_CALLBACK (check_safety_cb), self);
  gtk_box_append (GTK_BOX (card), button);

  return card;
}

static void
reload_lists (LdnSituationView *self)
{
  g_autoptr(GPtrArray) conditions = ldn_decision_list_conditions (self->user, NULL);
  g_autoptr(GPtrArray) medicines = ldn_decision_list_medicines (self->user, NULL);
  GtkWidget *child;

  clear_list (self->own_conditions);
  for (guint i = 0; conditions != NULL && i < conditions->len; i++)
    {
      const LdnAboutCondition *condition = g_ptr_array_index (conditions, i);
      GtkWidget *row, *button;

      if (condition->text == NULL)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), condition->text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      button = remove_button_new (condition->text);
      g_object_set_data (G_OBJECT (button), "ldn-id", GSIZE_TO_POINTER (condition->id));
      g_signal_connect (button, "clicked", G_CALLBACK (remove_condition_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->own_conditions, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->own_conditions),
                          gtk_widget_get_first_child (GTK_WIDGET (self->own_conditions)) != NULL);

  clear_list (self->medicines);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flags))) != NULL)
    gtk_box_remove (self->flags, child);
  for (guint i = 0; medicines != NULL && i < medicines->len; i++)
    {
      const LdnMedicine *medicine = g_ptr_array_index (medicines, i);
      const LdnOpioid *opioid = self->opioids != NULL ? ldn_opioid_match (self->opioids, medicine->name) : NULL;
      g_autoptr(GString) details = g_string_new (medicine->dose);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = remove_button_new (medicine->name);

      if (*medicine->how_often != '\0')
        g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "", medicine->how_often);
      if (opioid != NULL)
        /* Translators: after a medicine's dose in the list, when it is an opioid. */
        g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "", _("opioid: see the flag below"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), medicine->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details->str);
      g_object_set_data (G_OBJECT (button), "ldn-id", GSIZE_TO_POINTER (medicine->id));
      g_signal_connect (button, "clicked", G_CALLBACK (remove_medicine_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->medicines, row);

      if (opioid != NULL)
        gtk_box_append (self->flags, opioid_flag_new (self, medicine, opioid));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->medicines),
                          gtk_widget_get_first_child (GTK_WIDGET (self->medicines)) != NULL);
}

void
ldn_situation_view_reload (LdnSituationView *self)
{
  g_autofree char *tried = NULL, *allergies = NULL, *birth = NULL;

  g_return_if_fail (LDN_IS_SITUATION_VIEW (self));

  self->loading = TRUE;
  for (guint i = 0; self->conditions != NULL && i < self->conditions->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->condition_checks, i),
                                 ldn_decision_has_condition (self->user,
                                                             ((LdnCondition *) g_ptr_array_index (self->conditions, i))->id));
  tried = ldn_decision_dup_about_text (self->user, LDN_ABOUT_TRIED);
  allergies = ldn_decision_dup_about_text (self->user, LDN_ABOUT_ALLERGIES);
  birth = ldn_decision_dup_date_of_birth (self->user);
  ldn_user_text_view_set_text (LDN_USER_TEXT_VIEW (self->tried), tried);
  ldn_user_text_view_set_text (LDN_USER_TEXT_VIEW (self->allergies), allergies);
  gtk_editable_set_text (GTK_EDITABLE (self->birth), birth != NULL ? birth : "");
  show_error (self->birth_error, NULL);
  reload_lists (self);
  if (self->safety != NULL)
    ldn_safety_view_reload (LDN_SAFETY_VIEW (self->safety));
  self->loading = FALSE;
}

void
ldn_situation_view_show_safety (LdnSituationView *self)
{
  g_return_if_fail (LDN_IS_SITUATION_VIEW (self));

  gtk_stack_set_visible_child_name (self->stack, "safety");
}

void
ldn_situation_view_show_situation (LdnSituationView *self)
{
  g_return_if_fail (LDN_IS_SITUATION_VIEW (self));

  gtk_stack_set_visible_child_name (self->stack, "situation");
}

gboolean
ldn_situation_view_get_safety_shown (LdnSituationView *self)
{
  g_return_val_if_fail (LDN_IS_SITUATION_VIEW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "safety") == 0;
}

static void
condition_toggled_cb (GtkCheckButton   *check,
                      LdnSituationView *self)
{
  g_autoptr(GError) error = NULL;
  const char *id = g_object_get_data (G_OBJECT (check), "ldn-id");

  if (self->loading)
    return;
  if (!ldn_decision_set_condition (self->user, id, gtk_check_button_get_active (check), &error))
    toast (self, error);
}

static void
add_condition_cb (LdnSituationView *self)
{
  g_autoptr(GError) error = NULL;

  /* Refused text stays in the entry, with the reason under it. */
  if (ldn_decision_add_own_condition (self->user, gtk_editable_get_text (GTK_EDITABLE (self->own_condition)),
                                      &error) == 0)
    {
      show_error (self->own_condition_error, error);
      return;
    }

  show_error (self->own_condition_error, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->own_condition), "");
  reload_lists (self);
}

static void
save_birth_cb (LdnSituationView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->birth))));

  if (self->loading)
    return;
  ldn_decision_set_date_of_birth (self->user, *text != '\0' ? text : NULL, &error);
  show_error (self->birth_error, error);
}

static void
birth_focus_leave_cb (GtkEventControllerFocus *focus,
                      LdnSituationView        *self)
{
  save_birth_cb (self);
}

static void
add_medicine_cb (LdnSituationView *self)
{
  g_autoptr(GError) error = NULL;

  if (ldn_decision_add_medicine (self->user, gtk_editable_get_text (GTK_EDITABLE (self->medicine_name)),
                                 gtk_editable_get_text (GTK_EDITABLE (self->medicine_dose)),
                                 gtk_editable_get_text (GTK_EDITABLE (self->medicine_often)), &error) == 0)
    {
      show_error (self->medicine_error, error);
      return;
    }

  show_error (self->medicine_error, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->medicine_name), "");
  gtk_editable_set_text (GTK_EDITABLE (self->medicine_dose), "");
  gtk_editable_set_text (GTK_EDITABLE (self->medicine_often), "");
  reload_lists (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->medicine_name));
}

static gboolean
save_tried (const char *text,
            gpointer    data,
            GError    **error)
{
  return ldn_decision_set_about_text (LDN_SITUATION_VIEW (data)->user, LDN_ABOUT_TRIED, text, error);
}

static gboolean
save_allergies (const char *text,
                gpointer    data,
                GError    **error)
{
  return ldn_decision_set_about_text (LDN_SITUATION_VIEW (data)->user, LDN_ABOUT_ALLERGIES, text, error);
}

static GtkWidget *
boxed_list_new (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static GtkWidget *
situation_column (LdnSituationView *self,
                  GtkWidget        *scroller)
{
  GtkWidget *column = ldn_reading_column_new (scroller, 760);
  GtkWidget *conditions = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *medicine = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *button;
  GtkEventController *focus;

  gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (_("My Situation"), "title-2"));
  gtk_box_append (GTK_BOX (column),
                  ldn_wrapped_label_new (_("What you write here is kept on this computer and goes on your discussion "
                                           "sheet. Everything is optional."), "ldn-page-summary"));

  gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (_("What I Am Thinking of LDN For"), "title-4"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (conditions), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What I am thinking of LDN for"), -1);
  for (guint i = 0; self->conditions != NULL && i < self->conditions->len; i++)
    {
      const LdnCondition *condition = g_ptr_array_index (self->conditions, i);
      /* Translators: a condition and the strength of the evidence for LDN in it. */
      g_autofree char *text = g_strdup_printf (_("%s — evidence: %s"), condition->name, condition->strength_words);
      GtkWidget *label = ldn_wrapped_label_new (text, NULL);
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      g_object_set_data_full (G_OBJECT (check), "ldn-id", g_strdup (condition->id), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (condition_toggled_cb), self);
      g_ptr_array_add (self->condition_checks, check);
      gtk_box_append (GTK_BOX (conditions), check);
    }
  gtk_box_append (GTK_BOX (column), conditions);

  self->own_condition = labelled_entry (GTK_BOX (column), GTK_BOX (row), _("Another condition"),
                                        _("Type a condition"));
  g_signal_connect_swapped (self->own_condition, "activate", G_CALLBACK (add_condition_cb), self);
  gtk_widget_set_hexpand (GTK_WIDGET (self->own_condition), TRUE);
  button = gtk_button_new_with_label (_("Add Condition"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add condition"), -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_condition_cb), self);
  gtk_box_append (GTK_BOX (row), button);
  gtk_box_append (GTK_BOX (column), row);
  self->own_condition_error = error_label_new ();
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->own_condition_error));
  self->own_conditions = GTK_LIST_BOX (boxed_list_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->own_conditions), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Conditions I added"), -1);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->own_conditions));

  gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (_("What I Have Tried"), "title-4"));
  self->tried = ldn_user_text_view_new (_("What I have tried"), save_tried, self, NULL);
  gtk_box_append (GTK_BOX (column), self->tried);

  gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (_("Allergies"), "title-4"));
  self->allergies = ldn_user_text_view_new (_("Allergies"), save_allergies, self, NULL);
  gtk_box_append (GTK_BOX (column), self->allergies);

  self->birth = labelled_entry (GTK_BOX (column), NULL, _("Date of birth (optional)"), _("YYYY-MM-DD"));
  gtk_widget_set_halign (GTK_WIDGET (self->birth), GTK_ALIGN_START);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->birth), 12);
  g_signal_connect_swapped (self->birth, "activate", G_CALLBACK (save_birth_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (birth_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->birth), focus);
  self->birth_error = error_label_new ();
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->birth_error));

  gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (_("My Medicines"), "title-4"));
  gtk_box_append (GTK_BOX (column),
                  ldn_wrapped_label_new (_("Every medicine you take, including ones bought without a prescription, "
                                           "one at a time."), "dim-label"));
  self->medicine_name = labelled_entry (GTK_BOX (medicine), NULL, _("Medicine name"), _("For example, co-codamol 30/500"));
  self->medicine_dose = labelled_entry (GTK_BOX (medicine), NULL, _("Dose"), _("For example, 2 tablets"));
  self->medicine_often = labelled_entry (GTK_BOX (medicine), NULL, _("How often"), _("For example, four times a day"));
  g_signal_connect_swapped (self->medicine_name, "activate", G_CALLBACK (add_medicine_cb), self);
  g_signal_connect_swapped (self->medicine_dose, "activate", G_CALLBACK (add_medicine_cb), self);
  g_signal_connect_swapped (self->medicine_often, "activate", G_CALLBACK (add_medicine_cb), self);
  gtk_box_append (GTK_BOX (column), medicine);
  button = gtk_button_new_with_label (_("Add Medicine"));
  /* "Add medicine", not "Add Medicine" twice, and kept on GTK 4.18+. */
  ldn_compat_button_set_accessible_label (button, _("Add medicine"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_medicine_cb), self);
  gtk_box_append (GTK_BOX (column), button);
  self->medicine_error = error_label_new ();
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->medicine_error));
  self->medicines = GTK_LIST_BOX (boxed_list_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->medicines), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("My medicines"), -1);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->medicines));
  self->flags = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 8));
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->flags));

  return column;
}

static void
ensure_safety (LdnSituationView *self)
{
  if (self->safety != NULL || !ldn_situation_view_get_safety_shown (self))
    return;

  self->safety = ldn_safety_view_new (self->content, self->user);
  adw_bin_set_child (ADW_BIN (self->safety_slot), self->safety);
}

GtkWidget *
ldn_situation_view_new (LdnContentStore *content,
                        LdnUserStore    *user)
{
  LdnSituationView *self = g_object_new (LDN_TYPE_SITUATION_VIEW, NULL);
  g_autoptr(GPtrArray) topics = ldn_content_store_list_safety_topics (content, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *switcher = gtk_stack_switcher_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->content = g_object_ref (content);
  self->user = g_object_ref (user);
  self->opioids = ldn_content_store_list_opioids (content, NULL);
  self->conditions = ldn_content_store_list_conditions (content, NULL);
  for (guint i = 0; topics != NULL && i < topics->len; i++)
    if (g_str_equal (((LdnSafetyTopic *) g_ptr_array_index (topics, i))->id, "opioids"))
      self->opioid_why = g_strdup (((LdnSafetyTopic *) g_ptr_array_index (topics, i))->why);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  ldn_compat_name_stack_pages (self->stack, NULL);
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->stack);
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 6);
  gtk_widget_set_margin_bottom (switcher, 6);
  gtk_box_append (GTK_BOX (box), switcher);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  situation_column (self, scroller);
  /* The safety questions are made when first shown. */
  self->safety_slot = adw_bin_new ();
  gtk_stack_add_titled (self->stack, scroller, "situation", _("My Situation"));
  /* The only place the safety questions are (never under Side Effects). */
  gtk_stack_add_titled (self->stack, self->safety_slot, "safety", _("Safety Questions"));
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (ensure_safety), self);

  adw_bin_set_child (ADW_BIN (self), box);
  ldn_situation_view_reload (self);

  return GTK_WIDGET (self);
}

static void
ldn_situation_view_dispose (GObject *object)
{
  LdnSituationView *self = LDN_SITUATION_VIEW (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_pointer (&self->condition_checks, g_ptr_array_unref);
  g_clear_pointer (&self->opioids, g_ptr_array_unref);
  g_clear_pointer (&self->conditions, g_ptr_array_unref);
  g_clear_pointer (&self->opioid_why, g_free);
  g_clear_object (&self->content);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (ldn_situation_view_parent_class)->dispose (object);
}

static void
ldn_situation_view_class_init (LdnSituationViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ldn_situation_view_dispose;
  /* A container: GTK 4.8 reads any other role by its class name ("LdnXxx filler"). */
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
ldn_situation_view_init (LdnSituationView *self)
{
  self->condition_checks = g_ptr_array_new ();
}

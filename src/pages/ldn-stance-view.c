/* ldn-stance-view.c
 *
 * "Where I stand": the SURE test (four yes/no questions, as published)
 * before and after reading the guide, both kept; where the person is
 * in deciding; and how they want to decide.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ldn-block-widgets.h"
#include "ldn-choice-group.h"
#include "ldn-page-layout.h"
#include "ldn-stance-view.h"
#include "user/ldn-decision-store.h"

struct _LdnStanceView
{
  AdwBin           parent_instance;

  LdnUserStore    *user;
  LdnChoiceGroup  *sure[2][LDN_DECISION_SURE_ITEMS];
  LdnChoiceGroup  *stage;
  LdnChoiceGroup  *role;
};

G_DEFINE_FINAL_TYPE (LdnStanceView, ldn_stance_view, ADW_TYPE_BIN)

static void
toast (LdnStanceView *self,
       const GError  *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
}

static void
sure_changed_cb (LdnChoiceGroup *group,
                 int             index,
                 LdnStanceView  *self)
{
  g_autoptr(GError) error = NULL;
  guint key = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (group), "ldn-key"));

  if (!ldn_decision_set_sure (self->user, key / LDN_DECISION_SURE_ITEMS, key % LDN_DECISION_SURE_ITEMS,
                              index == 0 ? LDN_SURE_YES : LDN_SURE_NO, &error))
    toast (self, error);
}

static void
stage_changed_cb (LdnChoiceGroup *group,
                  int             index,
                  LdnStanceView  *self)
{
  g_autoptr(GError) error = NULL;

  if (!ldn_decision_set_stage (self->user, LDN_STAGE_NOT_THOUGHT + index, &error))
    toast (self, error);
}

static void
role_changed_cb (LdnChoiceGroup *group,
                 int             index,
                 LdnStanceView  *self)
{
  g_autoptr(GError) error = NULL;

  if (!ldn_decision_set_role (self->user, LDN_ROLE_ME + index, &error))
    toast (self, error);
}

void
ldn_stance_view_reload (LdnStanceView *self)
{
  LdnDecisionStage stage;
  LdnDecisionRole role;

  g_return_if_fail (LDN_IS_STANCE_VIEW (self));

  for (LdnSurePhase phase = LDN_SURE_BEFORE; phase <= LDN_SURE_AFTER; phase++)
    for (guint i = 0; i < LDN_DECISION_SURE_ITEMS; i++)
      if (self->sure[phase][i] != NULL)
        {
          LdnSureAnswer answer = ldn_decision_get_sure (self->user, phase, i);

          ldn_choice_group_set_active (self->sure[phase][i],
                                       answer == LDN_SURE_YES ? 0 : answer == LDN_SURE_NO ? 1 : -1);
        }

  stage = ldn_decision_get_stage (self->user);
  role = ldn_decision_get_role (self->user);
  ldn_choice_group_set_active (self->stage, stage == LDN_STAGE_NONE ? -1 : (int) stage - LDN_STAGE_NOT_THOUGHT);
  ldn_choice_group_set_active (self->role, role == LDN_ROLE_NONE ? -1 : (int) role - LDN_ROLE_ME);
}

static void
add_sure (LdnStanceView   *self,
          LdnContentStore *content,
          GtkBox          *column,
          GPtrArray       *items,
          LdnSurePhase     phase)
{
  const char *labels[] = { _("Yes"), _("No"), NULL };

  gtk_box_append (column, ldn_wrapped_label_new (phase == LDN_SURE_BEFORE ? _("Before Reading the Guide")
                                                                            : _("After Reading the Guide"),
                                                 "title-4"));
  for (guint i = 0; i < items->len && i < LDN_DECISION_SURE_ITEMS; i++)
    {
      const LdnDecisionItem *item = g_ptr_array_index (items, i);
      /* Translators: the accessible name of a SURE question, before or after reading the guide. */
      g_autofree char *question = g_strdup_printf (phase == LDN_SURE_BEFORE ? _("Before reading: %s")
                                                                            : _("After reading: %s"), item->text);
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *group = ldn_choice_group_new (question, labels, FALSE);

      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "ldn-block");
      gtk_box_append (GTK_BOX (card), ldn_wrapped_label_new (item->text, "heading"));
      gtk_box_append (GTK_BOX (card), group);
      g_object_set_data (G_OBJECT (group), "ldn-key", GUINT_TO_POINTER (phase * LDN_DECISION_SURE_ITEMS + i));
      g_signal_connect (group, "changed", G_CALLBACK (sure_changed_cb), self);
      self->sure[phase][i] = LDN_CHOICE_GROUP (group);
      gtk_box_append (column, card);
    }
  if (items->len > 0)
    gtk_box_append (column, ldn_source_markers_new (content, (const char * const *)
                                                    ((LdnDecisionItem *) g_ptr_array_index (items, 0))->sources));
}

GtkWidget *
ldn_stance_view_new (LdnContentStore *content,
                     LdnUserStore    *user)
{
  LdnStanceView *self = g_object_new (LDN_TYPE_STANCE_VIEW, NULL);
  const char *stages[] = { _("I have not thought about it yet."), _("I am considering the choices."),
                           _("I am close to choosing."), _("I have made a choice."), NULL };
  const char *roles[] = { _("I want to decide myself, after hearing my doctor’s view."),
                          _("I want to decide together with my doctor."),
                          _("I want my doctor to decide, after hearing my view."), NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = ldn_content_store_list_decision_items (content, "sure", &error);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *column = ldn_reading_column_new (scroller, 760);

  self->user = g_object_ref (user);

  gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (_("Where I Stand"), "title-2"));
  gtk_box_append (GTK_BOX (column),
                  ldn_wrapped_label_new (_("The SURE test is four short questions about how sure you feel. Answer "
                                           "them before you read the guide and again after: both are kept. A “no” "
                                           "is worth talking about with your doctor."), "ldn-page-summary"));
  if (items != NULL)
    {
      add_sure (self, content, GTK_BOX (column), items, LDN_SURE_BEFORE);
      add_sure (self, content, GTK_BOX (column), items, LDN_SURE_AFTER);
    }
  else
    gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (error->message, "error"));

  gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (_("Where Am I in Deciding?"), "title-4"));
  self->stage = LDN_CHOICE_GROUP (ldn_choice_group_new (_("Where am I in deciding?"), stages, TRUE));
  g_signal_connect (self->stage, "changed", G_CALLBACK (stage_changed_cb), self);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->stage));

  gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (_("How Do I Want to Decide?"), "title-4"));
  self->role = LDN_CHOICE_GROUP (ldn_choice_group_new (_("How do I want to decide?"), roles, TRUE));
  g_signal_connect (self->role, "changed", G_CALLBACK (role_changed_cb), self);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->role));

  adw_bin_set_child (ADW_BIN (self), scroller);
  ldn_stance_view_reload (self);

  return GTK_WIDGET (self);
}

static void
ldn_stance_view_dispose (GObject *object)
{
  LdnStanceView *self = LDN_STANCE_VIEW (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (ldn_stance_view_parent_class)->dispose (object);
}

static void
ldn_stance_view_class_init (LdnStanceViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ldn_stance_view_dispose;
  /* A container: GTK 4.8 reads any other role by its class name ("LdnXxx filler"). */
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
ldn_stance_view_init (LdnStanceView *self)
{
}

/* ldn-side-effects-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "compat/ldn-compat.h"
#include "ldn-checklist-view.h"
#include "ldn-questions-view.h"
#include "ldn-side-effects-page.h"

struct _LdnSideEffectsPage
{
  AdwBin            parent_instance;

  LdnUserStore     *user;
  gulong            reset_handler;

  GtkStackSwitcher *switcher;
  GtkStack         *stack;
  GtkWidget        *checklist;
  GtkWidget        *questions;
};

G_DEFINE_FINAL_TYPE (LdnSideEffectsPage, ldn_side_effects_page, ADW_TYPE_BIN)

static void
user_data_reset_cb (LdnSideEffectsPage *self)
{
  ldn_checklist_view_reload (LDN_CHECKLIST_VIEW (self->checklist));
  ldn_questions_view_reload (LDN_QUESTIONS_VIEW (self->questions));
}

void
ldn_side_effects_page_load (LdnSideEffectsPage *self,
                            LdnContentStore    *content,
                            const GError       *error,
                            LdnUserStore       *user)
{
  g_return_if_fail (LDN_IS_SIDE_EFFECTS_PAGE (self));
  g_return_if_fail (LDN_IS_USER_STORE (user));
  g_return_if_fail (self->user == NULL);

  if (content == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("The Checklist Could Not Be Shown"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), error ? error->message : NULL);
      gtk_stack_add_child (self->stack, status);
      gtk_widget_set_visible (GTK_WIDGET (self->switcher), FALSE);
      return;
    }

  self->user = g_object_ref (user);
  self->checklist = ldn_checklist_view_new (content, user);
  self->questions = ldn_questions_view_new (content, user);

  gtk_stack_add_titled (self->stack, self->checklist, "checklist", _("Side Effects"));
  /* The safety questions are in Prepare (issue 16): this checklist is for
   * people who have started, those questions are for everyone. */
  gtk_stack_add_titled (self->stack, self->questions, "questions", _("My Questions"));

  self->reset_handler = g_signal_connect_swapped (user, "reset", G_CALLBACK (user_data_reset_cb), self);
}

const char *
ldn_side_effects_page_get_view (LdnSideEffectsPage *self)
{
  g_return_val_if_fail (LDN_IS_SIDE_EFFECTS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
ldn_side_effects_page_show_view (LdnSideEffectsPage *self,
                                 const char         *name)
{
  g_return_if_fail (LDN_IS_SIDE_EFFECTS_PAGE (self));

  if (gtk_stack_get_child_by_name (self->stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->stack, name);
}

static void
ldn_side_effects_page_dispose (GObject *object)
{
  LdnSideEffectsPage *self = LDN_SIDE_EFFECTS_PAGE (object);

  if (self->user != NULL)
    g_clear_signal_handler (&self->reset_handler, self->user);
  g_clear_object (&self->user);
  gtk_widget_dispose_template (GTK_WIDGET (object), LDN_TYPE_SIDE_EFFECTS_PAGE);

  G_OBJECT_CLASS (ldn_side_effects_page_parent_class)->dispose (object);
}

static void
ldn_side_effects_page_class_init (LdnSideEffectsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ldn_side_effects_page_dispose;
  /* A container: GTK 4.8 reads any other role by its class name ("LdnXxx filler"). */
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GENERIC);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ldn-side-effects-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LdnSideEffectsPage, switcher);
  gtk_widget_class_bind_template_child (widget_class, LdnSideEffectsPage, stack);
}

static void
ldn_side_effects_page_init (LdnSideEffectsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ldn_compat_name_stack_pages (self->stack, NULL);
}

/* ldn-consent-view.c
 *
 * "Understanding an off-label medicine": the statements the guidance
 * says a person should understand before agreeing, each answered "I
 * understand" or "Please explain again", with its sources.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ldn-block-widgets.h"
#include "ldn-choice-group.h"
#include "ldn-consent-view.h"
#include "ldn-page-layout.h"
#include "user/ldn-decision-store.h"

struct _LdnConsentView
{
  AdwBin           parent_instance;

  LdnUserStore    *user;
  GPtrArray       *groups;   /* LdnChoiceGroup with "ldn-id" */
};

G_DEFINE_FINAL_TYPE (LdnConsentView, ldn_consent_view, ADW_TYPE_BIN)

static void
answer_changed_cb (LdnChoiceGroup *group,
                   int             index,
                   LdnConsentView *self)
{
  g_autoptr(GError) error = NULL;

  if (!ldn_decision_set_consent (self->user, g_object_get_data (G_OBJECT (group), "ldn-id"),
                                 index == 0 ? LDN_CONSENT_UNDERSTOOD : LDN_CONSENT_EXPLAIN, &error))
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
    }
}

void
ldn_consent_view_reload (LdnConsentView *self)
{
  g_return_if_fail (LDN_IS_CONSENT_VIEW (self));

  for (guint i = 0; i < self->groups->len; i++)
    {
      LdnChoiceGroup *group = g_ptr_array_index (self->groups, i);
      LdnConsentAnswer answer = ldn_decision_get_consent (self->user, g_object_get_data (G_OBJECT (group), "ldn-id"));

      ldn_choice_group_set_active (group, answer == LDN_CONSENT_UNDERSTOOD ? 0 : answer == LDN_CONSENT_EXPLAIN ? 1 : -1);
    }
}

GtkWidget *
ldn_consent_view_new (LdnContentStore *content,
                      LdnUserStore    *user)
{
  LdnConsentView *self = g_object_new (LDN_TYPE_CONSENT_VIEW, NULL);
  const char *labels[] = { _("I understand"), _("Please explain again"), NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = ldn_content_store_list_decision_items (content, "consent", &error);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *column = ldn_reading_column_new (scroller, 760);

  self->user = g_object_ref (user);

  gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (_("Understanding an Off-Label Medicine"), "title-2"));
  gtk_box_append (GTK_BOX (column),
                  ldn_wrapped_label_new (_("Before agreeing to any medicine, you should understand these points. For "
                                           "each one, say whether you understand it or would like it explained again. "
                                           "Those to explain again go on your discussion sheet."),
                                         "ldn-page-summary"));

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const LdnDecisionItem *item = g_ptr_array_index (items, i);
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
      /* One under the other: side by side they would not fit a phone. */
      GtkWidget *group = ldn_choice_group_new (item->text, labels, TRUE);

      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "ldn-block");
      gtk_box_append (GTK_BOX (card), ldn_wrapped_label_new (item->text, "ldn-body"));
      if (*item->detail != '\0')
        gtk_box_append (GTK_BOX (card), ldn_wrapped_label_new (item->detail, "dim-label"));
      gtk_box_append (GTK_BOX (card), ldn_source_markers_new (content, (const char * const *) item->sources));
      g_object_set_data_full (G_OBJECT (group), "ldn-id", g_strdup (item->id), g_free);
      g_signal_connect (group, "changed", G_CALLBACK (answer_changed_cb), self);
      g_ptr_array_add (self->groups, group);
      gtk_box_append (GTK_BOX (card), group);
      gtk_box_append (GTK_BOX (column), card);
    }
  if (items == NULL)
    gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (error->message, "error"));

  adw_bin_set_child (ADW_BIN (self), scroller);
  ldn_consent_view_reload (self);

  return GTK_WIDGET (self);
}

static void
ldn_consent_view_dispose (GObject *object)
{
  LdnConsentView *self = LDN_CONSENT_VIEW (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (ldn_consent_view_parent_class)->dispose (object);
}

static void
ldn_consent_view_class_init (LdnConsentViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ldn_consent_view_dispose;
  /* A container: GTK 4.8 reads any other role by its class name ("LdnXxx filler"). */
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
ldn_consent_view_init (LdnConsentView *self)
{
  self->groups = g_ptr_array_new ();
}

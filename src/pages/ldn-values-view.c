/* ldn-values-view.c
 *
 * "What matters to me": how much each consideration matters, 0 to 4,
 * and the person's own. Nothing is added up: the app never computes a
 * best option.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ldn-block-widgets.h"
#include "ldn-choice-group.h"
#include "ldn-page-layout.h"
#include "ldn-values-view.h"
#include "user/ldn-decision-store.h"

struct _LdnValuesView
{
  AdwBin           parent_instance;

  LdnContentStore *content;
  LdnUserStore    *user;
  GPtrArray       *groups;       /* LdnChoiceGroup, one per content item, "ldn-id" set */
  GtkEntry        *own;
  GtkLabel        *own_error;
  GtkBox          *own_list;
};

G_DEFINE_FINAL_TYPE (LdnValuesView, ldn_values_view, ADW_TYPE_BIN)

static const char *scale[] = { N_("0"), N_("1"), N_("2"), N_("3"), N_("4"), NULL };

static void
toast (LdnValuesView *self,
       const GError  *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
}

static GtkWidget *
rating_new (const char *question)
{
  const char *labels[G_N_ELEMENTS (scale)] = { NULL };

  for (guint i = 0; scale[i] != NULL; i++)
    labels[i] = _(scale[i]);

  return ldn_choice_group_new (question, labels, FALSE);
}

static void
rating_changed_cb (LdnChoiceGroup *group,
                   int             importance,
                   LdnValuesView  *self)
{
  g_autoptr(GError) error = NULL;

  if (!ldn_decision_set_importance (self->user, g_object_get_data (G_OBJECT (group), "ldn-id"), importance, &error))
    toast (self, error);
}

static void
own_rating_changed_cb (LdnChoiceGroup *group,
                       int             importance,
                       LdnValuesView  *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (group), "ldn-id"));

  if (!ldn_decision_set_own_importance (self->user, id, importance, &error))
    toast (self, error);
}

static void reload_own (LdnValuesView *self);

static void
remove_own_cb (GtkButton     *button,
               LdnValuesView *self)
{
  g_autoptr(GError) error = NULL;

  if (!ldn_decision_remove_own_value (self->user, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "ldn-id")),
                                      &error))
    toast (self, error);
  reload_own (self);
}

static GtkWidget *
value_card (const char *text,
            GtkWidget  *rating,
            GtkWidget  *extra)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "ldn-block");
  gtk_box_append (GTK_BOX (card), ldn_wrapped_label_new (text, "heading"));
  gtk_box_append (GTK_BOX (card), rating);
  if (extra != NULL)
    gtk_box_append (GTK_BOX (card), extra);
  return card;
}

static void
reload_own (LdnValuesView *self)
{
  g_autoptr(GPtrArray) own = ldn_decision_list_own_values (self->user, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->own_list))) != NULL)
    gtk_box_remove (self->own_list, child);

  for (guint i = 0; own != NULL && i < own->len; i++)
    {
      const LdnOwnValue *value = g_ptr_array_index (own, i);
      GtkWidget *rating = rating_new (value->text);
      /* Translators: the accessible name of a button that takes an entry off a list. */
      g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), value->text);
      GtkWidget *remove = gtk_button_new_with_label (_("Remove"));

      ldn_choice_group_set_active (LDN_CHOICE_GROUP (rating), value->importance);
      g_object_set_data (G_OBJECT (rating), "ldn-id", GSIZE_TO_POINTER (value->id));
      g_signal_connect (rating, "changed", G_CALLBACK (own_rating_changed_cb), self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      gtk_widget_set_halign (remove, GTK_ALIGN_START);
      g_object_set_data (G_OBJECT (remove), "ldn-id", GSIZE_TO_POINTER (value->id));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_own_cb), self);
      gtk_box_append (self->own_list, value_card (value->text, rating, remove));
    }
}

void
ldn_values_view_reload (LdnValuesView *self)
{
  g_return_if_fail (LDN_IS_VALUES_VIEW (self));

  for (guint i = 0; i < self->groups->len; i++)
    {
      LdnChoiceGroup *group = g_ptr_array_index (self->groups, i);

      ldn_choice_group_set_active (group, ldn_decision_get_importance (self->user,
                                                                       g_object_get_data (G_OBJECT (group), "ldn-id")));
    }
  reload_own (self);
}

static void
add_own_cb (LdnValuesView *self)
{
  g_autoptr(GError) error = NULL;

  /* Refused text stays where it was typed, with the reason under it. */
  if (ldn_decision_add_own_value (self->user, gtk_editable_get_text (GTK_EDITABLE (self->own)), -1, &error) == 0)
    {
      gtk_label_set_text (self->own_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->own_error), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->own_error), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->own), "");
  reload_own (self);
}

GtkWidget *
ldn_values_view_new (LdnContentStore *content,
                     LdnUserStore    *user)
{
  LdnValuesView *self = g_object_new (LDN_TYPE_VALUES_VIEW, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = ldn_content_store_list_decision_items (content, "value", &error);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *column = ldn_reading_column_new (scroller, 760);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button;

  self->content = g_object_ref (content);
  self->user = g_object_ref (user);

  gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (_("What Matters to Me"), "title-2"));
  gtk_box_append (GTK_BOX (column),
                  ldn_wrapped_label_new (_("How much does each of these matter to you? 0 means not at all, 4 means "
                                           "very much. There are no right answers, and LDN Guide does not add them "
                                           "up: they are for you and your doctor to talk about."),
                                         "ldn-page-summary"));

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const LdnDecisionItem *item = g_ptr_array_index (items, i);
      GtkWidget *rating = rating_new (item->text);
      GtkWidget *extra = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

      g_object_set_data_full (G_OBJECT (rating), "ldn-id", g_strdup (item->id), g_free);
      g_signal_connect (rating, "changed", G_CALLBACK (rating_changed_cb), self);
      g_ptr_array_add (self->groups, rating);
      if (*item->detail != '\0')
        gtk_box_append (GTK_BOX (extra), ldn_wrapped_label_new (item->detail, "dim-label"));
      gtk_box_append (GTK_BOX (extra), ldn_source_markers_new (content, (const char * const *) item->sources));
      gtk_box_append (GTK_BOX (column), value_card (item->text, rating, extra));
    }
  if (items == NULL)
    gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (error->message, "error"));

  gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (_("Something Else That Matters to Me"), "title-4"));
  self->own = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->own, _("For example, being able to drive"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->own), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Something else that matters to me"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->own), TRUE);
  g_signal_connect_swapped (self->own, "activate", G_CALLBACK (add_own_cb), self);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->own));
  button = gtk_button_new_with_label (_("Add"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add what matters to me"), -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_own_cb), self);
  gtk_box_append (GTK_BOX (row), button);
  gtk_box_append (GTK_BOX (column), row);
  self->own_error = GTK_LABEL (ldn_wrapped_label_new ("", "error"));
  gtk_widget_set_visible (GTK_WIDGET (self->own_error), FALSE);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->own_error));
  self->own_list = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->own_list));

  adw_bin_set_child (ADW_BIN (self), scroller);
  ldn_values_view_reload (self);

  return GTK_WIDGET (self);
}

static void
ldn_values_view_dispose (GObject *object)
{
  LdnValuesView *self = LDN_VALUES_VIEW (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_object (&self->content);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (ldn_values_view_parent_class)->dispose (object);
}

static void
ldn_values_view_class_init (LdnValuesViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ldn_values_view_dispose;
  /* A container: GTK 4.8 reads any other role by its class name ("LdnXxx filler"). */
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
ldn_values_view_init (LdnValuesView *self)
{
  self->groups = g_ptr_array_new ();
}

/* ldn-choice-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ldn-choice-group.h"

struct _LdnChoiceGroup
{
  GtkBox     parent_instance;

  GPtrArray *buttons;   /* GtkToggleButton or GtkCheckButton, not owned */
  gboolean   sentences;
  gboolean   setting;
};

G_DEFINE_FINAL_TYPE (LdnChoiceGroup, ldn_choice_group, GTK_TYPE_BOX)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
button_get_active (LdnChoiceGroup *self,
                   GtkWidget      *button)
{
  return self->sentences ? gtk_check_button_get_active (GTK_CHECK_BUTTON (button))
                         : gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button));
}

static void
button_set_active (LdnChoiceGroup *self,
                   GtkWidget      *button,
                   gboolean        active)
{
  if (self->sentences)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (button), active);
  else
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), active);
}

int
ldn_choice_group_get_active (LdnChoiceGroup *self)
{
  g_return_val_if_fail (LDN_IS_CHOICE_GROUP (self), -1);

  for (guint i = 0; i < self->buttons->len; i++)
    if (button_get_active (self, g_ptr_array_index (self->buttons, i)))
      return i;

  return -1;
}

void
ldn_choice_group_set_active (LdnChoiceGroup *self,
                             int             index)
{
  g_return_if_fail (LDN_IS_CHOICE_GROUP (self));

  self->setting = TRUE;
  /* A group cannot show "none" by itself: turn every button off by hand. */
  for (guint i = 0; i < self->buttons->len; i++)
    button_set_active (self, g_ptr_array_index (self->buttons, i), (int) i == index);
  self->setting = FALSE;
}

static void
toggled_cb (GtkWidget      *button,
            LdnChoiceGroup *self)
{
  if (self->setting || !button_get_active (self, button))
    return;

  g_signal_emit (self, signals[CHANGED], 0, ldn_choice_group_get_active (self));
}

GtkWidget *
ldn_choice_group_new (const char         *question,
                      const char * const *labels,
                      gboolean            sentences)
{
  LdnChoiceGroup *self = g_object_new (LDN_TYPE_CHOICE_GROUP,
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO_GROUP,
                                       "orientation", sentences ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL,
                                       "spacing", sentences ? 4 : 0,
                                       "halign", GTK_ALIGN_START,
                                       NULL);

  self->sentences = sentences;
  if (!sentences)
    gtk_widget_add_css_class (GTK_WIDGET (self), "linked");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, question, -1);

  for (guint i = 0; labels[i] != NULL; i++)
    {
      g_autofree char *accessible = g_strdup_printf ("%s: %s", labels[i], question);
      GtkWidget *button;

      if (sentences)
        {
          GtkWidget *label = gtk_label_new (labels[i]);

          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          button = gtk_check_button_new ();
          gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
          if (i > 0)
            gtk_check_button_set_group (GTK_CHECK_BUTTON (button), g_ptr_array_index (self->buttons, 0));
        }
      else
        {
          button = gtk_toggle_button_new_with_label (labels[i]);
          if (i > 0)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), g_ptr_array_index (self->buttons, 0));
        }

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      g_signal_connect (button, "toggled", G_CALLBACK (toggled_cb), self);
      g_ptr_array_add (self->buttons, button);
      gtk_box_append (GTK_BOX (self), button);
    }

  return GTK_WIDGET (self);
}

static void
ldn_choice_group_finalize (GObject *object)
{
  LdnChoiceGroup *self = LDN_CHOICE_GROUP (object);

  g_clear_pointer (&self->buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (ldn_choice_group_parent_class)->finalize (object);
}

static void
ldn_choice_group_class_init (LdnChoiceGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ldn_choice_group_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
ldn_choice_group_init (LdnChoiceGroup *self)
{
  self->buttons = g_ptr_array_new ();
}

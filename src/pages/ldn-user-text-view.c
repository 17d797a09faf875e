/* ldn-user-text-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ldn-user-text-view.h"

struct _LdnUserTextView
{
  GtkWidget       parent_instance;

  GtkWidget      *box;
  GtkTextView    *view;
  GtkLabel       *error_label;
  LdnSaveText     save;
  gpointer        user_data;
  GDestroyNotify  destroy;
  char           *error;
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (LdnUserTextView, ldn_user_text_view, GTK_TYPE_WIDGET)

char *
ldn_user_text_view_dup_text (LdnUserTextView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (LDN_IS_USER_TEXT_VIEW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
buffer_changed_cb (LdnUserTextView *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->save == NULL)
    return;

  text = ldn_user_text_view_dup_text (self);
  g_clear_pointer (&self->error, g_free);

  /* What was typed stays in the box either way; only the message changes. */
  if (!self->save (text, self->user_data, &error))
    self->error = g_strdup (error->message);

  gtk_label_set_text (self->error_label, self->error ? self->error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->error != NULL);
}

void
ldn_user_text_view_set_text (LdnUserTextView *self,
                             const char      *text)
{
  g_return_if_fail (LDN_IS_USER_TEXT_VIEW (self));

  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->view), text ? text : "", -1);
  self->loading = FALSE;
}

const char *
ldn_user_text_view_get_error (LdnUserTextView *self)
{
  g_return_val_if_fail (LDN_IS_USER_TEXT_VIEW (self), NULL);

  return self->error;
}

GtkWidget *
ldn_user_text_view_new (const char     *accessible_label,
                        LdnSaveText     save,
                        gpointer        user_data,
                        GDestroyNotify  destroy)
{
  LdnUserTextView *self = g_object_new (LDN_TYPE_USER_TEXT_VIEW, NULL);

  self->save = save;
  self->user_data = user_data;
  self->destroy = destroy;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);

  return GTK_WIDGET (self);
}

static void
ldn_user_text_view_dispose (GObject *object)
{
  LdnUserTextView *self = LDN_USER_TEXT_VIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  if (self->destroy != NULL)
    g_clear_pointer (&self->user_data, self->destroy);

  G_OBJECT_CLASS (ldn_user_text_view_parent_class)->dispose (object);
}

static void
ldn_user_text_view_finalize (GObject *object)
{
  g_free (LDN_USER_TEXT_VIEW (object)->error);

  G_OBJECT_CLASS (ldn_user_text_view_parent_class)->finalize (object);
}

static void
ldn_user_text_view_class_init (LdnUserTextViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ldn_user_text_view_dispose;
  object_class->finalize = ldn_user_text_view_finalize;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
ldn_user_text_view_init (LdnUserTextView *self)
{
  GtkWidget *frame = gtk_frame_new (NULL);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  self->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  self->error_label = GTK_LABEL (gtk_label_new (NULL));

  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->view, FALSE);
  gtk_text_view_set_top_margin (self->view, 8);
  gtk_text_view_set_bottom_margin (self->view, 8);
  gtk_text_view_set_left_margin (self->view, 8);
  gtk_text_view_set_right_margin (self->view, 8);
  gtk_widget_set_size_request (GTK_WIDGET (self->view), -1, 72);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->view));

  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_box_append (GTK_BOX (self->box), frame);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->error_label));
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->view), "changed",
                            G_CALLBACK (buffer_changed_cb), self);
}

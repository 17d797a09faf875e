/* ldn-user-text-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ldn-user-text-view.h"
#include "user/ldn-user-store.h"

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
  char           *label;
  char           *pending;     /* a reload asked for while saving */
  guint           pending_id;
  gboolean        loading;
  gboolean        saving;
  gboolean        unsaved;     /* the box holds text the store refused */
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
show_error (LdnUserTextView *self)
{
  gtk_label_set_text (self->error_label, self->error ? self->error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->error != NULL);
  /* A screen reader says why, with the field. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->error ? self->error : "", -1);
}

static void
buffer_changed_cb (LdnUserTextView *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  /* A reload is on its way (the data changed under this box): what is
   * in the box now would overwrite it. */
  if (self->loading || self->save == NULL || self->pending_id != 0)
    return;

  text = ldn_user_text_view_dup_text (self);
  g_clear_pointer (&self->error, g_free);

  /* Saving may reload the views (the store was changed from outside),
   * which may ask this box for a new text: that waits until this
   * handler is done with the buffer. */
  g_object_ref (self);
  self->saving = TRUE;
  saved = self->save (text, self->user_data, &error);
  self->saving = FALSE;

  /* What was typed stays in the box either way; only the message
   * changes. Refused text is kept over reloads, so it is never lost
   * unseen; text refused because the data changed under it is not. */
  self->unsaved = !saved && !g_error_matches (error, LDN_USER_ERROR, LDN_USER_ERROR_CHANGED);
  if (!saved)
    self->error = g_strdup (error->message);
  show_error (self);
  g_object_unref (self);
}

static void
replace_text (LdnUserTextView *self,
              const char      *text)
{
  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->view), text ? text : "", -1);
  self->loading = FALSE;
}

static gboolean
apply_pending (gpointer data)
{
  LdnUserTextView *self = data;
  g_autofree char *text = g_steal_pointer (&self->pending);

  self->pending_id = 0;
  if (!self->unsaved)
    replace_text (self, text);
  return G_SOURCE_REMOVE;
}

void
ldn_user_text_view_set_text (LdnUserTextView *self,
                             const char      *text)
{
  g_return_if_fail (LDN_IS_USER_TEXT_VIEW (self));

  if (self->saving)
    {
      g_free (self->pending);
      self->pending = g_strdup (text ? text : "");
      if (self->pending_id == 0)
        self->pending_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_pending, self, NULL);
      return;
    }

  if (self->unsaved)
    return;

  replace_text (self, text);
}

gboolean
ldn_user_text_view_has_unsaved_text (LdnUserTextView *self)
{
  g_return_val_if_fail (LDN_IS_USER_TEXT_VIEW (self), FALSE);

  return self->unsaved;
}

const char *
ldn_user_text_view_get_label (LdnUserTextView *self)
{
  g_return_val_if_fail (LDN_IS_USER_TEXT_VIEW (self), NULL);

  return self->label;
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
  self->label = g_strdup (accessible_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);

  return GTK_WIDGET (self);
}

static void
ldn_user_text_view_dispose (GObject *object)
{
  LdnUserTextView *self = LDN_USER_TEXT_VIEW (object);

  g_clear_handle_id (&self->pending_id, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  if (self->destroy != NULL)
    g_clear_pointer (&self->user_data, self->destroy);

  G_OBJECT_CLASS (ldn_user_text_view_parent_class)->dispose (object);
}

static void
ldn_user_text_view_finalize (GObject *object)
{
  LdnUserTextView *self = LDN_USER_TEXT_VIEW (object);

  g_free (self->error);
  g_free (self->label);
  g_free (self->pending);

  G_OBJECT_CLASS (ldn_user_text_view_parent_class)->finalize (object);
}

static void
ldn_user_text_view_class_init (LdnUserTextViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ldn_user_text_view_dispose;
  /* A container: GTK 4.8 reads any other role by its class name ("LdnXxx filler"). */
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GENERIC);
  object_class->finalize = ldn_user_text_view_finalize;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

/* The box grows with its text up to a few lines, then scrolls: a huge
 * pasted text must not push the message, or the rest of the page, out
 * of sight. The message sits above the box, where it is seen. */
#define MAX_VISIBLE_HEIGHT 220

static void
ldn_user_text_view_init (LdnUserTextView *self)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  self->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  self->error_label = GTK_LABEL (gtk_label_new (NULL));

  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->view, FALSE);
  gtk_text_view_set_top_margin (self->view, 8);
  gtk_text_view_set_bottom_margin (self->view, 8);
  gtk_text_view_set_left_margin (self->view, 8);
  gtk_text_view_set_right_margin (self->view, 8);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 72);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), MAX_VISIBLE_HEIGHT);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));
  gtk_frame_set_child (GTK_FRAME (frame), scroller);

  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (self->box), frame);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->view), "changed",
                            G_CALLBACK (buffer_changed_cb), self);
}

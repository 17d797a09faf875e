/* ldn-safety-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "compat/ldn-compat.h"
#include "ldn-block-widgets.h"
#include "ldn-safety-view.h"
#include "ldn-page-layout.h"
#include "ldn-toast.h"
#include "ldn-user-text-view.h"

struct _LdnSafetyView
{
  AdwBin           parent_instance;

  LdnContentStore *content;
  LdnUserStore    *user;
  GPtrArray       *questions;   /* Question */
  GtkWidget       *other_medicines;
  gboolean         loading;
};

G_DEFINE_FINAL_TYPE (LdnSafetyView, ldn_safety_view, ADW_TYPE_BIN)

typedef struct {
  LdnSafetyView   *view;
  char            *id;
  GtkToggleButton *answers[LDN_ANSWER_UNSURE + 1];  /* indexed by LdnSafetyAnswer; [0] unused */
  GtkStack        *flag;        /* "flagged" or "not-flagged": always the same height */
  char            *why_text;
} Question;

static void
question_free (Question *question)
{
  g_free (question->id);
  g_free (question->why_text);
  g_free (question);
}

/* Answering changes no height: the reason is always shown, and the line
 * saying the answer is flagged takes the same room whether it is shown
 * or not, so the questions below never move under the pointer. */
static void
show_answer (Question        *question,
             LdnSafetyAnswer  answer)
{
  gtk_stack_set_visible_child_name (question->flag,
                                    answer == LDN_ANSWER_YES || answer == LDN_ANSWER_UNSURE ? "flagged" : "not-flagged");
}

static void
answer_toggled_cb (GtkToggleButton *button,
                   Question        *question)
{
  g_autoptr(GError) error = NULL;
  LdnSafetyAnswer answer = LDN_ANSWER_NONE;

  for (LdnSafetyAnswer a = LDN_ANSWER_YES; a <= LDN_ANSWER_UNSURE; a++)
    if (gtk_toggle_button_get_active (question->answers[a]))
      answer = a;

  show_answer (question, answer);
  if (question->view->loading || !gtk_toggle_button_get_active (button))
    return;

  /* What was just revealed below is told to a screen reader at once. */
  if (answer == LDN_ANSWER_YES || answer == LDN_ANSWER_UNSURE)
    {
      /* Translators: said by a screen reader after a safety answer; the %s is why it matters. */
      g_autofree char *told = g_strdup_printf (_("Why it matters: %s This will be a flag on your discussion sheet."),
                                               question->why_text);

      ldn_compat_announce (GTK_WIDGET (button), told);
    }

  if (!ldn_user_store_set_answer (question->view->user, question->id, answer, &error))
    ldn_toast_show_error (GTK_WIDGET (question->view), error);
}

static GtkWidget *
question_card (LdnSafetyView        *self,
               const LdnSafetyTopic *topic)
{
  static const char *labels[] = { NULL, N_("Yes"), N_("No"), N_("Not sure") };
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *answers = g_object_new (GTK_TYPE_BOX, "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO_GROUP, NULL);
  GtkWidget *why_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  Question *question = g_new0 (Question, 1);

  question->view = self;
  question->id = g_strdup (topic->id);
  question->why_text = g_strdup (topic->why);
  g_ptr_array_add (self->questions, question);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "ldn-block");
  if (topic->high_prominence)
    {
      gtk_widget_add_css_class (card, "ldn-urgent");
      gtk_box_append (GTK_BOX (card), ldn_wrapped_label_new (_("Most important"), "ldn-block-kicker"));
    }
  gtk_box_append (GTK_BOX (card), ldn_wrapped_label_new (topic->question, "title-4"));
  if (topic->examples != NULL && *topic->examples != '\0')
    gtk_box_append (GTK_BOX (card), ldn_wrapped_label_new (topic->examples, "dim-label"));

  gtk_widget_add_css_class (answers, "linked");
  /* The chosen answer stands out (see style.css), also in high contrast. */
  gtk_widget_add_css_class (answers, "ldn-answers");
  gtk_widget_set_halign (answers, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (answers), GTK_ACCESSIBLE_PROPERTY_LABEL, topic->question, -1);
  for (LdnSafetyAnswer a = LDN_ANSWER_YES; a <= LDN_ANSWER_UNSURE; a++)
    {
      g_autofree char *accessible = g_strdup_printf ("%s: %s", _(labels[a]), topic->question);

      question->answers[a] = g_object_new (GTK_TYPE_TOGGLE_BUTTON,
                                           "label", _(labels[a]),
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO,
                                           NULL);
      if (a > LDN_ANSWER_YES)
        gtk_toggle_button_set_group (question->answers[a], question->answers[LDN_ANSWER_YES]);
      ldn_compat_button_set_accessible_label (GTK_WIDGET (question->answers[a]), accessible);
      g_signal_connect (question->answers[a], "toggled", G_CALLBACK (answer_toggled_cb), question);
      gtk_box_append (GTK_BOX (answers), GTK_WIDGET (question->answers[a]));
    }
  gtk_box_append (GTK_BOX (card), answers);

  question->flag = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (question->flag, TRUE);
  ldn_compat_name_stack_pages (question->flag, NULL);
  gtk_stack_add_named (question->flag, ldn_wrapped_label_new ("", NULL), "not-flagged");
  gtk_stack_add_named (question->flag,
                       ldn_wrapped_label_new (_("This will be a flag on your discussion sheet."), "dim-label"), "flagged");
  gtk_box_append (GTK_BOX (why_box), ldn_wrapped_label_new (_("Why it matters"), "heading"));
  gtk_box_append (GTK_BOX (why_box), ldn_wrapped_label_new (topic->why, "ldn-body"));
  gtk_box_append (GTK_BOX (why_box), ldn_source_markers_new (self->content, (const char * const *) topic->sources));
  gtk_box_append (GTK_BOX (card), why_box);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (question->flag));

  return card;
}

void
ldn_safety_view_reload (LdnSafetyView *self)
{
  g_autofree char *medicines = NULL;

  g_return_if_fail (LDN_IS_SAFETY_VIEW (self));

  self->loading = TRUE;
  for (guint i = 0; i < self->questions->len; i++)
    {
      Question *question = g_ptr_array_index (self->questions, i);
      LdnSafetyAnswer answer = ldn_user_store_get_answer (self->user, question->id);

      /* Toggle groups cannot show "no answer": deactivate them all by hand. */
      for (LdnSafetyAnswer a = LDN_ANSWER_YES; a <= LDN_ANSWER_UNSURE; a++)
        gtk_toggle_button_set_active (question->answers[a], a == answer);
      show_answer (question, answer);
    }

  medicines = ldn_user_store_dup_text (self->user, LDN_USER_TEXT_OTHER_MEDICINES);
  ldn_user_text_view_set_text (LDN_USER_TEXT_VIEW (self->other_medicines), medicines);
  self->loading = FALSE;
}

static gboolean
save_other_medicines (const char *value,
                      gpointer    data,
                      GError    **error)
{
  LdnSafetyView *self = data;

  return ldn_user_store_set_text (self->user, LDN_USER_TEXT_OTHER_MEDICINES, value, error);
}

GtkWidget *
ldn_safety_view_new (LdnContentStore *content,
                     LdnUserStore    *user)
{
  LdnSafetyView *self = g_object_new (LDN_TYPE_SAFETY_VIEW, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) topics = ldn_content_store_list_safety_topics (content, &error);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *column = ldn_reading_column_new (scroller, 760);

  self->content = g_object_ref (content);
  self->user = g_object_ref (user);

  gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (_("Before You Talk to Your Doctor"), "title-2"));
  gtk_box_append (GTK_BOX (column),
                  ldn_wrapped_label_new (_("These questions cover what matters most for safety. A “yes” or “not sure” is not a "
                          "reason to worry: it is something your doctor needs to know."), "ldn-page-summary"));

  for (guint i = 0; topics != NULL && i < topics->len; i++)
    gtk_box_append (GTK_BOX (column), question_card (self, g_ptr_array_index (topics, i)));
  if (topics == NULL)
    gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (error->message, "error"));

  gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (_("Other Medicines"), "title-4"));
  gtk_box_append (GTK_BOX (column),
                  ldn_wrapped_label_new (_("List every other medicine and supplement you take, including ones bought without a "
                          "prescription."), "dim-label"));
  self->other_medicines = ldn_user_text_view_new (_("Other medicines"), save_other_medicines, self, NULL);
  gtk_box_append (GTK_BOX (column), self->other_medicines);
  ldn_page_make_readable (column);

  adw_bin_set_child (ADW_BIN (self), scroller);

  ldn_safety_view_reload (self);

  return GTK_WIDGET (self);
}

static void
ldn_safety_view_dispose (GObject *object)
{
  LdnSafetyView *self = LDN_SAFETY_VIEW (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_object (&self->content);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (ldn_safety_view_parent_class)->dispose (object);
}

static void
ldn_safety_view_class_init (LdnSafetyViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ldn_safety_view_dispose;
  /* A container: GTK 4.8 reads any other role by its class name ("LdnXxx filler"). */
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
ldn_safety_view_init (LdnSafetyView *self)
{
  self->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) question_free);
  /* The questions are also under "Prepare": show the answers given there. */
  g_signal_connect (self, "map", G_CALLBACK (ldn_safety_view_reload), NULL);
}

/* ldn-questions-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "compat/ldn-compat.h"
#include "ldn-questions-view.h"
#include "ldn-page-layout.h"
#include "ldn-toast.h"
#include "ldn-user-text-view.h"
#include "util/ldn-user-text.h"

struct _LdnQuestionsView
{
  AdwBin           parent_instance;

  LdnContentStore *content;
  LdnUserStore    *user;
  GPtrArray       *suggested;        /* LdnSuggestedQuestion */
  GtkListBox      *suggested_list;
  GtkListBox      *mine_list;
  GtkEntry        *new_question;
  GtkWidget       *what_matters;
};

G_DEFINE_FINAL_TYPE (LdnQuestionsView, ldn_questions_view, ADW_TYPE_BIN)

static void
report (LdnQuestionsView *self,
        const GError *error)
{
  ldn_toast_show_error (GTK_WIDGET (self), error);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
icon_button (const char *icon,
             const char *label,
             gint64      question_id,
             int         action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "question-id", g_memdup2 (&question_id, sizeof question_id), g_free);
  g_object_set_data (G_OBJECT (button), "action", GINT_TO_POINTER (action));

  return button;
}

enum { MOVE_UP = -1, MOVE_DOWN = 1, REMOVE = 0 };

static void mine_button_clicked_cb (GtkButton *button, LdnQuestionsView *self);

/* By id, or by text for questions that came in through an import. */
static gboolean
suggestion_is_added (GPtrArray                  *mine,
                     const LdnSuggestedQuestion *suggestion)
{
  for (guint i = 0; i < mine->len; i++)
    {
      const LdnUserQuestion *question = g_ptr_array_index (mine, i);

      if (g_strcmp0 (question->suggested_id, suggestion->id) == 0 || g_strcmp0 (question->text, suggestion->text) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
add_suggested_cb (GtkButton        *button,
                  LdnQuestionsView *self)
{
  const LdnSuggestedQuestion *question = g_object_get_data (G_OBJECT (button), "question");
  g_autoptr(GError) error = NULL;

  if (ldn_user_store_add_question (self->user, question->text, question->id, &error) == 0)
    report (self, error);
  ldn_questions_view_reload (self);
}

static void
fill_suggested (LdnQuestionsView *self,
                GPtrArray        *mine)
{
  clear_list (self->suggested_list);

  for (guint i = 0; self->suggested != NULL && i < self->suggested->len; i++)
    {
      const LdnSuggestedQuestion *question = g_ptr_array_index (self->suggested, i);
      gboolean added = suggestion_is_added (mine, question);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_label (added ? _("Added") : _("Add"));
      g_autofree char *accessible = g_strdup_printf (_("Add the question: %s"), question->text);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), question->text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (question->ask3)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("One of the “Ask 3 Questions”"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (button, !added);
      ldn_compat_button_set_accessible_label (button, accessible);
      g_object_set_data (G_OBJECT (button), "question", (gpointer) question);
      g_signal_connect (button, "clicked", G_CALLBACK (add_suggested_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->suggested_list, row);
    }
}

static void
fill_mine (LdnQuestionsView *self,
           GPtrArray        *mine)
{
  clear_list (self->mine_list);

  if (mine->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No questions yet. Add a suggested one or write your own."));
      gtk_list_box_append (self->mine_list, row);
      return;
    }

  for (guint i = 0; i < mine->len; i++)
    {
      const LdnUserQuestion *question = g_ptr_array_index (mine, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *up = icon_button ("go-up-symbolic", _("Move up"), question->id, MOVE_UP);
      GtkWidget *down = icon_button ("go-down-symbolic", _("Move down"), question->id, MOVE_DOWN);
      GtkWidget *remove = icon_button ("user-trash-symbolic", _("Delete this question"), question->id, REMOVE);
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);
      /* Alone in its label, apart from its number: typed bidi controls
       * dropped and control characters shown is enough here. */
      g_autofree char *title = ldn_user_text_dup_plain (question->text);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_label_new (number));
      gtk_widget_set_sensitive (up, i > 0);
      gtk_widget_set_sensitive (down, i + 1 < mine->len);
      for (GtkWidget *button = up; button != NULL; button = button == up ? down : button == down ? remove : NULL)
        {
          g_signal_connect (button, "clicked", G_CALLBACK (mine_button_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->mine_list, row);
    }
}

void
ldn_questions_view_reload (LdnQuestionsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mine = ldn_user_store_list_questions (self->user, &error);
  g_autofree char *matters = NULL;

  g_return_if_fail (LDN_IS_QUESTIONS_VIEW (self));

  if (mine == NULL)
    {
      report (self, error);
      return;
    }

  fill_suggested (self, mine);
  fill_mine (self, mine);

  matters = ldn_user_store_dup_text (self->user, LDN_USER_TEXT_WHAT_MATTERS);
  ldn_user_text_view_set_text (LDN_USER_TEXT_VIEW (self->what_matters), matters);
}

/* What "Undo" needs to put a deleted question back where it was. */
typedef struct {
  LdnQuestionsView *view;   /* weak */
  LdnUserStore     *user;
  char             *text;
  char             *suggested_id;
  guint             position;
} DeletedQuestion;

static void
deleted_question_free (gpointer data)
{
  DeletedQuestion *deleted = data;

  g_clear_weak_pointer (&deleted->view);
  g_object_unref (deleted->user);
  g_free (deleted->text);
  g_free (deleted->suggested_id);
  g_free (deleted);
}

static void
undo_delete_cb (AdwToast        *toast,
                DeletedQuestion *deleted)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  gint64 id;

  id = ldn_user_store_add_question (deleted->user, deleted->text, deleted->suggested_id, &error);
  mine = id != 0 ? ldn_user_store_list_questions (deleted->user, &error) : NULL;
  if (mine == NULL ||
      !ldn_user_store_move_question (deleted->user, id, (int) deleted->position - (int) mine->len + 1, &error))
    {
      if (deleted->view != NULL)
        report (deleted->view, error);
      else
        g_warning ("Could not put the question back: %s", error->message);
    }
  if (deleted->view != NULL)
    ldn_questions_view_reload (deleted->view);
}

static gboolean
remove_question (LdnQuestionsView  *self,
                 gint64             id,
                 GError           **error)
{
  g_autoptr(GPtrArray) mine = ldn_user_store_list_questions (self->user, error);
  DeletedQuestion *deleted = NULL;
  AdwToast *toast;

  if (mine == NULL)
    return FALSE;

  for (guint i = 0; i < mine->len && deleted == NULL; i++)
    {
      const LdnUserQuestion *question = g_ptr_array_index (mine, i);

      if (question->id != id)
        continue;
      deleted = g_new0 (DeletedQuestion, 1);
      g_set_weak_pointer (&deleted->view, self);
      deleted->user = g_object_ref (self->user);
      deleted->text = g_strdup (question->text);
      deleted->suggested_id = g_strdup (question->suggested_id);
      deleted->position = i;
    }

  if (!ldn_user_store_remove_question (self->user, id, error))
    {
      g_clear_pointer (&deleted, deleted_question_free);
      return FALSE;
    }
  if (deleted == NULL)
    return TRUE;

  toast = adw_toast_new (_("Question deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb), deleted,
                         (GClosureNotify) (void (*) (void)) deleted_question_free, 0);
  ldn_toast_add (GTK_WIDGET (self), toast);

  return TRUE;
}

static void
mine_button_clicked_cb (GtkButton        *button,
                        LdnQuestionsView *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "question-id");
  int action = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "action"));
  g_autoptr(GError) error = NULL;
  gboolean done;

  done = action == REMOVE ? remove_question (self, id, &error)
                          : ldn_user_store_move_question (self->user, id, action, &error);
  if (!done)
    report (self, error);

  /* The list is rebuilt from the store, so what is shown is what is saved. */
  ldn_questions_view_reload (self);
}

static void
add_own_cb (LdnQuestionsView *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->new_question));
  g_autoptr(GError) error = NULL;

  if (ldn_user_store_add_question (self->user, typed, NULL, &error) == 0)
    {
      report (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_question), "");
  ldn_questions_view_reload (self);
  /* Focus stays in the box; the new row appears elsewhere. */
  ldn_compat_announce (GTK_WIDGET (self->new_question), _("Question added"));
}

const char *
ldn_questions_view_get_draft (LdnQuestionsView *self)
{
  const char *typed;

  g_return_val_if_fail (LDN_IS_QUESTIONS_VIEW (self), NULL);

  typed = gtk_editable_get_text (GTK_EDITABLE (self->new_question));
  for (const char *c = typed; *c != '\0'; c = g_utf8_next_char (c))
    if (!g_unichar_isspace (g_utf8_get_char (c)))
      return typed;

  return NULL;
}

static gboolean
save_what_matters (const char *value,
                   gpointer    data,
                   GError    **error)
{
  LdnQuestionsView *self = data;

  return ldn_user_store_set_text (self->user, LDN_USER_TEXT_WHAT_MATTERS, value, error);
}

static GtkListBox *
boxed_list (const char *accessible)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return GTK_LIST_BOX (list);
}

GtkWidget *
ldn_questions_view_new (LdnContentStore *content,
                        LdnUserStore    *user)
{
  LdnQuestionsView *self = g_object_new (LDN_TYPE_QUESTIONS_VIEW, NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *column = ldn_reading_column_new (scroller, 760);
  GtkWidget *add_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add_button = gtk_button_new_with_mnemonic (_("_Add Question"));

  /* GTK 4.8 puts the raw "_" of a mnemonic into the name it computes. */
  ldn_compat_button_set_accessible_label (add_button, _("Add question"));
  self->content = g_object_ref (content);
  self->user = g_object_ref (user);
  self->suggested = ldn_content_store_list_suggested_questions (content, &error);

  gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (_("My Questions"), "title-2"));
  gtk_box_append (GTK_BOX (column),
                  ldn_wrapped_label_new (_("Questions you want to ask, in the order you want to ask them. They go on your "
                          "discussion sheet."), "ldn-page-summary"));
  self->mine_list = boxed_list (_("My questions"));
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->mine_list));

  self->new_question = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->new_question, _("Write your own question"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->new_question), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_question), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Your own question"), -1);
  g_signal_connect_swapped (self->new_question, "activate", G_CALLBACK (add_own_cb), self);
  g_signal_connect_swapped (add_button, "clicked", G_CALLBACK (add_own_cb), self);
  ldn_page_fix_button_names (add_button);
  gtk_box_append (GTK_BOX (add_box), GTK_WIDGET (self->new_question));
  gtk_box_append (GTK_BOX (add_box), add_button);
  gtk_box_append (GTK_BOX (column), add_box);

  gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (_("Suggested Questions"), "title-4"));
  self->suggested_list = boxed_list (_("Suggested questions"));
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->suggested_list));
  if (self->suggested == NULL)
    gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (error->message, "error"));

  gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (_("What Matters to Me"), "title-4"));
  gtk_box_append (GTK_BOX (column),
                  ldn_wrapped_label_new (_("Optional: what you hope for, what worries you, what you want to avoid."), "dim-label"));
  self->what_matters = ldn_user_text_view_new (_("What matters to me"), save_what_matters, self, NULL);
  gtk_box_append (GTK_BOX (column), self->what_matters);

  adw_bin_set_child (ADW_BIN (self), scroller);

  ldn_questions_view_reload (self);

  return GTK_WIDGET (self);
}

static void
ldn_questions_view_dispose (GObject *object)
{
  LdnQuestionsView *self = LDN_QUESTIONS_VIEW (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_pointer (&self->suggested, g_ptr_array_unref);
  g_clear_object (&self->content);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (ldn_questions_view_parent_class)->dispose (object);
}

static void
ldn_questions_view_class_init (LdnQuestionsViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ldn_questions_view_dispose;
  /* A container: GTK 4.8 reads any other role by its class name ("LdnXxx filler"). */
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
ldn_questions_view_init (LdnQuestionsView *self)
{
}

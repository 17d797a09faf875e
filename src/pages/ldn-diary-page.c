/* ldn-diary-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart/ldn-trend-chart.h"
#include "compat/ldn-compat.h"
#include "export/ldn-export.h"
#include "ldn-block-widgets.h"
#include "ldn-date-field.h"
#include "ldn-diary-page.h"
#include "ldn-page-layout.h"
#include "ldn-toast.h"
#include "model/ldn-diary-summary.h"
#include "user/ldn-diary-store.h"
#include "user/ldn-user-store.h"
#include "util/ldn-language.h"

/* The suggestions' content texts: diary.suggestion.ID, .ID.low, .ID.high. */
/* Not "tiredness": that is a side effect the check-in ticks, and the same
 * thing would be recorded twice. Energy through the day is followed from
 * before the start; tiredness noticed as new is a side effect. */
static const char *suggestion_ids[] = { "pain", "energy", "sleep", "mood" };

/* One row of the entries list. */
#define LDN_TYPE_DIARY_LIST_ENTRY (ldn_diary_list_entry_get_type ())
G_DECLARE_FINAL_TYPE (LdnDiaryListEntry, ldn_diary_list_entry, LDN, DIARY_LIST_ENTRY, GObject)

struct _LdnDiaryListEntry
{
  GObject  parent_instance;
  GDate    date;
  char    *title;
  char    *subtitle;
};

G_DEFINE_FINAL_TYPE (LdnDiaryListEntry, ldn_diary_list_entry, G_TYPE_OBJECT)

static void
ldn_diary_list_entry_finalize (GObject *object)
{
  LdnDiaryListEntry *self = LDN_DIARY_LIST_ENTRY (object);

  g_free (self->title);
  g_free (self->subtitle);
  G_OBJECT_CLASS (ldn_diary_list_entry_parent_class)->finalize (object);
}

static void
ldn_diary_list_entry_class_init (LdnDiaryListEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ldn_diary_list_entry_finalize;
}

static void
ldn_diary_list_entry_init (LdnDiaryListEntry *self)
{
}

typedef struct {
  GtkWidget *check;    /* "Pain": rated today or not */
  GtkWidget *spin;     /* 0-10 */
} RatingRow;

typedef struct {
  char      *id;
  GtkWidget *check;
  GtkWidget *severity;
} SideEffectRow;

static void
side_effect_row_free (gpointer data)
{
  SideEffectRow *row = data;

  g_free (row->id);
  g_free (row);
}

struct _LdnDiaryPage
{
  AdwBin           parent_instance;

  LdnUserStore    *user;
  LdnContentStore *content;
  gulong           changed_handler;
  gulong           reset_handler;
  LdnDiary        *diary;
  GListStore      *entries;

  GtkWidget       *column;
  GtkWidget       *content_problem;
  GtkWidget       *checkin_box;      /* the check-in: first once something is followed */
  GtkWidget       *setup;            /* "Set Up": what you follow, start and plan */
  gboolean         placed;           /* set-up and check-in put in order once */

  /* What you follow */
  GtkWidget       *items_list;
  GtkWidget       *suggestions;
  GtkWidget       *item_name;
  GtkWidget       *item_low;
  GtkWidget       *item_high;
  GtkWidget       *item_every;
  GtkWidget       *item_add;
  GtkWidget       *item_error;
  GtkWidget       *item_form;
  GtkWidget       *items_full;

  /* Start and plan */
  GtkWidget       *start_field;      /* LdnDateField */
  GtkWidget       *start_entry;      /* its box */
  char            *shown_start;      /* the saved start date as last put in start_entry */
  GtkWidget       *start_error;
  GtkWidget       *plan_list;
  GtkWidget       *plan_field;
  GtkWidget       *plan_from;
  GtkWidget       *plan_dose;
  GtkWidget       *plan_time;
  GtkWidget       *plan_error;

  /* Check-in */
  GtkWidget       *checkin_title;
  GtkWidget       *checkin_field;
  GtkWidget       *checkin_date;
  GtkWidget       *ratings_box;
  GArray          *ratings;          /* of RatingRow, one per item */
  GPtrArray       *side_effects;     /* of SideEffectRow */
  GtkWidget       *dose;
  GtkWidget       *note;
  GtkWidget       *save;
  GtkWidget       *cancel;
  GtkWidget       *checkin_error;
  gboolean         editing;
  GDate            editing_date;

  /* What the record allows to say, and the entries */
  GtkWidget       *summary_box;
  GtkWidget       *entries_list;
  GtkWidget       *entries_empty;
  GtkWidget       *show_older;
  guint            n_shown;          /* the newest entries listed; the rest on request */

  LdnDiaryEntry   *deleted;          /* for "Undo" */
};

G_DEFINE_FINAL_TYPE (LdnDiaryPage, ldn_diary_page, ADW_TYPE_BIN)

static char *
readable_date (const GDate *date)
{
  g_autofree char *iso = ldn_diary_date_format (date);

  return ldn_language_format_iso_date (iso);
}

static LdnDiaryEntry *
copy_entry (const LdnDiaryEntry *entry)
{
  LdnDiaryEntry *copy = ldn_diary_entry_new (&entry->date);

  memcpy (copy->ratings, entry->ratings, sizeof copy->ratings);
  g_free (copy->note);
  copy->note = g_strdup (entry->note);
  copy->dose_taken = entry->dose_taken;
  for (guint i = 0; i < entry->side_effects->len; i++)
    {
      const LdnDiarySideEffect *effect = g_ptr_array_index (entry->side_effects, i);
      ldn_diary_entry_add_side_effect (copy, effect->id, effect->severity);
    }
  return copy;
}

static const LdnDiaryEntry *
find_entry (LdnDiaryPage *self,
            const GDate  *date)
{
  for (guint i = 0; self->diary != NULL && i < self->diary->entries->len; i++)
    {
      const LdnDiaryEntry *entry = g_ptr_array_index (self->diary->entries, i);

      if (g_date_compare (&entry->date, date) == 0)
        return entry;
    }
  return NULL;
}

static char *
side_effect_name (LdnDiaryPage *self,
                  const char   *id)
{
  for (guint i = 0; self->side_effects != NULL && i < self->side_effects->len; i++)
    {
      SideEffectRow *row = g_ptr_array_index (self->side_effects, i);

      if (g_str_equal (row->id, id))
        return g_strdup (gtk_check_button_get_label (GTK_CHECK_BUTTON (row->check)));
    }
  return g_strdup (id);
}

/* A check button's own label wraps, so a long name (large text, a
 * person's own words) never makes the page wider than a phone. */
static GtkWidget *
wrapping_check_button (const char *label)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);

  for (GtkWidget *child = gtk_widget_get_first_child (check); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      {
        gtk_label_set_wrap (GTK_LABEL (child), TRUE);
        gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
        gtk_label_set_xalign (GTK_LABEL (child), 0);
      }
  return check;
}

static const char *
severity_name (int severity)
{
  switch (severity)
    {
    case 1:
      return _("Mild");
    case 2:
      return _("Moderate");
    case 3:
      return _("Severe");
    default:
      return "";
    }
}

/* Errors next to the form, also told to a screen reader. */
static void
show_error (GtkWidget    *label,
            const GError *error)
{
  gtk_label_set_text (GTK_LABEL (label), error != NULL ? error->message : "");
  gtk_widget_set_visible (label, error != NULL);
  if (error != NULL)
    ldn_compat_announce (label, error->message);
}

static GtkWidget *
error_label (void)
{
  GtkWidget *label = ldn_wrapped_label_new ("", "error");

  gtk_widget_set_visible (label, FALSE);
  return label;
}

static GtkWidget *
labelled_entry (const char *name,
                const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_hexpand (entry, TRUE);
  return entry;
}

/* A field with its visible label above it. */
static GtkWidget *
field (const char *label_text,
       GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (label_text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label),
                                 LDN_IS_DATE_FIELD (widget) ? GTK_WIDGET (ldn_date_field_get_editable (LDN_DATE_FIELD (widget)))
                                                            : widget);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

/* Named itself and on its button (ldn_page_name_drop_down). */
static void
name_drop_down (GtkWidget  *drop_down,
                const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  ldn_page_name_drop_down (GTK_DROP_DOWN (drop_down), name);
}

static GtkWidget *
section_title (const char *text)
{
  GtkWidget *label = ldn_wrapped_label_new (text, "title-3");

  gtk_widget_set_margin_top (label, 12);
  return label;
}

static GtkWidget *
boxed_list (const char *name)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return list;
}

static void
clear_list (GtkWidget *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
}

static GtkWidget *
row_button (const char *label,
            const char *accessible_name)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  ldn_compat_button_set_accessible_label (button, accessible_name);
  return button;
}

/* What you follow */

static void
remove_item_clicked_cb (GtkButton    *button,
                        LdnDiaryPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "item-id");
  g_autoptr(GError) error = NULL;

  if (!ldn_diary_store_remove_item (self->user, id, &error))
    show_error (self->item_error, error);
}

static void
add_item_clicked_cb (LdnDiaryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  LdnDiaryEvery every = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->item_every)) == 1 ? LDN_DIARY_EVERY_WEEK
                                                                                           : LDN_DIARY_EVERY_DAY;

  id = ldn_diary_store_add_item (self->user, gtk_editable_get_text (GTK_EDITABLE (self->item_name)),
                                 gtk_editable_get_text (GTK_EDITABLE (self->item_low)),
                                 gtk_editable_get_text (GTK_EDITABLE (self->item_high)), every, &error);
  if (id == NULL)
    {
      show_error (self->item_error, error);
      return;
    }

  show_error (self->item_error, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->item_name), "");
  gtk_editable_set_text (GTK_EDITABLE (self->item_low), "");
  gtk_editable_set_text (GTK_EDITABLE (self->item_high), "");
}

static void
suggestion_clicked_cb (GtkButton    *button,
                       LdnDiaryPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->item_name), g_object_get_data (G_OBJECT (button), "label"));
  gtk_editable_set_text (GTK_EDITABLE (self->item_low), g_object_get_data (G_OBJECT (button), "low"));
  gtk_editable_set_text (GTK_EDITABLE (self->item_high), g_object_get_data (G_OBJECT (button), "high"));
  gtk_widget_grab_focus (self->item_name);
}

static void
build_suggestions (LdnDiaryPage *self)
{
  for (guint i = 0; self->content != NULL && i < G_N_ELEMENTS (suggestion_ids); i++)
    {
      g_autofree char *label_id = g_strdup_printf ("diary.suggestion.%s", suggestion_ids[i]);
      g_autofree char *low_id = g_strdup_printf ("diary.suggestion.%s.low", suggestion_ids[i]);
      g_autofree char *high_id = g_strdup_printf ("diary.suggestion.%s.high", suggestion_ids[i]);
      g_autoptr(LdnContentText) label = ldn_content_store_get_text (self->content, label_id, NULL);
      g_autoptr(LdnContentText) low = ldn_content_store_get_text (self->content, low_id, NULL);
      g_autoptr(LdnContentText) high = ldn_content_store_get_text (self->content, high_id, NULL);
      g_autofree char *name = NULL;
      GtkWidget *button;

      if (label == NULL || low == NULL || high == NULL)
        continue;
      /* Translators: a button that fills in the form with a suggestion, e.g. "Use “Pain”". */
      name = g_strdup_printf (_("Use “%s”"), label->text);
      button = gtk_button_new_with_label (label->text);
      ldn_compat_button_set_accessible_label (button, name);
      g_object_set_data_full (G_OBJECT (button), "label", g_strdup (label->text), g_free);
      g_object_set_data_full (G_OBJECT (button), "low", g_strdup (low->text), g_free);
      g_object_set_data_full (G_OBJECT (button), "high", g_strdup (high->text), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (suggestion_clicked_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (self->suggestions), button);
    }
}

static void
fill_items (LdnDiaryPage *self)
{
  clear_list (self->items_list);

  for (guint i = 0; i < self->diary->items->len; i++)
    {
      const LdnDiaryItem *item = g_ptr_array_index (self->diary->items, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;
      g_autofree char *remove_name = NULL;
      GtkWidget *remove;

      /* Translators: what 0 and 10 mean on a diary item's scale, and how often it is recorded. */
      subtitle = g_strdup_printf (_("0: %s · 10: %s · %s"), *item->low ? item->low : "–",
                                  *item->high ? item->high : "–",
                                  item->every == LDN_DIARY_EVERY_WEEK ? _("every week") : _("every day"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->label);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      remove_name = g_strdup_printf (_("Stop following “%s”"), item->label);
      remove = row_button (_("Remove"), remove_name);
      g_object_set_data_full (G_OBJECT (remove), "item-id", g_strdup (item->id), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_item_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (GTK_LIST_BOX (self->items_list), row);
    }

  gtk_widget_set_visible (self->items_list, self->diary->items->len > 0);
  gtk_widget_set_visible (self->item_form, self->diary->items->len < LDN_DIARY_MAX_ITEMS);
  gtk_widget_set_visible (self->items_full, self->diary->items->len >= LDN_DIARY_MAX_ITEMS);
}

static void
build_items_section (LdnDiaryPage *self)
{
  GtkWidget *grid, *button_box;
  const char *every[] = { N_("Every day"), N_("Every week"), NULL };
  const char *every_translated[3] = { _(every[0]), _(every[1]), NULL };

  gtk_box_append (GTK_BOX (self->column), section_title (_("What You Follow")));
  gtk_box_append (GTK_BOX (self->column),
                  ldn_wrapped_label_new (_("Up to three things, each on a scale from 0 to 10, in your own words. "
                                           "Record them for at least two weeks before a start date, so there is "
                                           "something to compare with."), NULL));
  self->items_list = boxed_list (_("Things you follow"));
  gtk_box_append (GTK_BOX (self->column), self->items_list);
  self->items_full = ldn_wrapped_label_new (_("You follow three things, the most the diary keeps. To follow "
                                              "something else, remove one first."), "dim-label");
  gtk_box_append (GTK_BOX (self->column), self->items_full);

  self->item_form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->suggestions = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->suggestions), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->suggestions), 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->suggestions), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Suggestions"), -1);
  build_suggestions (self);
  if (gtk_widget_get_first_child (self->suggestions) != NULL)
    gtk_box_append (GTK_BOX (self->item_form), field (_("Suggestions (you can change the words)"), self->suggestions));

  grid = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  self->item_name = labelled_entry (_("What to follow"), _("For example: pain in my knees"));
  self->item_low = labelled_entry (_("What 0 means"), _("For example: no pain"));
  self->item_high = labelled_entry (_("What 10 means"), _("For example: the worst pain I can imagine"));
  self->item_every = gtk_drop_down_new_from_strings (every_translated);
  name_drop_down (self->item_every, _("How often"));
  gtk_box_append (GTK_BOX (grid), field (_("What to follow"), self->item_name));
  gtk_box_append (GTK_BOX (grid), field (_("What 0 means"), self->item_low));
  gtk_box_append (GTK_BOX (grid), field (_("What 10 means"), self->item_high));
  gtk_box_append (GTK_BOX (grid), field (_("How often"), self->item_every));
  gtk_box_append (GTK_BOX (self->item_form), grid);

  button_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->item_add = gtk_button_new_with_mnemonic (_("_Follow This"));
  ldn_compat_button_set_accessible_label (self->item_add, _("Follow this"));
  gtk_widget_add_css_class (self->item_add, "suggested-action");
  g_signal_connect_swapped (self->item_add, "clicked", G_CALLBACK (add_item_clicked_cb), self);
  g_signal_connect_swapped (self->item_name, "activate", G_CALLBACK (add_item_clicked_cb), self);
  gtk_box_append (GTK_BOX (button_box), self->item_add);
  gtk_box_append (GTK_BOX (self->item_form), button_box);
  self->item_error = error_label ();
  gtk_box_append (GTK_BOX (self->item_form), self->item_error);
  gtk_box_append (GTK_BOX (self->column), self->item_form);
}

/* Start and plan */

static void
set_start_clicked_cb (LdnDiaryPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->start_entry));
  GDate start;

  if (*text == '\0')
    {
      ldn_date_field_show_error (LDN_DATE_FIELD (self->start_field), NULL);
      ldn_diary_store_set_start (self->user, NULL, &error);
    }
  else if (ldn_date_field_get_date (LDN_DATE_FIELD (self->start_field), &start))
    ldn_diary_store_set_start (self->user, &start, &error);
  show_error (self->start_error, error);
}

static void
remove_step_clicked_cb (GtkButton    *button,
                        LdnDiaryPage *self)
{
  GDate *from = g_object_get_data (G_OBJECT (button), "from");
  g_autoptr(GError) error = NULL;

  if (!ldn_diary_store_remove_plan_step (self->user, from, &error))
    show_error (self->plan_error, error);
}

static gboolean
parse_dose (const char *text,
            double     *dose)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  /* A comma is a decimal point too: "1,5" is 1.5 mg. */
  g_strdelimit (copy, ",", '.');
  if (*copy == '\0')
    return FALSE;
  *dose = g_ascii_strtod (copy, &end);
  return end != NULL && *end == '\0' && isfinite (*dose);
}

static void
add_step_clicked_cb (LdnDiaryPage *self)
{
  g_autoptr(GError) error = NULL;
  GDate from;
  double dose;
  int minutes;

  if (!ldn_date_field_get_date (LDN_DATE_FIELD (self->plan_field), &from))
    {
      show_error (self->plan_error, NULL);
      return;
    }
  if (!parse_dose (gtk_editable_get_text (GTK_EDITABLE (self->plan_dose)), &dose))
    {
      g_set_error (&error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE,
                   _("Type the dose in mg as a number, as it is on your prescription, for example 1.5."));
      show_error (self->plan_error, error);
      return;
    }
  minutes = ldn_diary_time_parse (gtk_editable_get_text (GTK_EDITABLE (self->plan_time)));
  if (minutes < 0)
    {
      g_set_error (&error, LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE,
                   _("Type the time as on a 24-hour clock, for example 22:00."));
      show_error (self->plan_error, error);
      return;
    }

  if (!ldn_diary_store_set_plan_step (self->user, &from, dose, minutes, &error))
    {
      g_autoptr(GError) shown = g_error_new (LDN_USER_ERROR, LDN_USER_ERROR_INVALID_VALUE,
                                             /* Translators: an error in the plan form, e.g. "Dose: a dose has to be …". */
                                             _("Dose: %s"), error->message);
      show_error (self->plan_error, shown);
      return;
    }

  show_error (self->plan_error, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->plan_dose), "");
}

static void
fill_plan (LdnDiaryPage *self)
{
  g_autofree char *start = NULL;

  /* The start date as saved, unless the person has typed another that
   * is not saved yet: nothing typed is lost to a reload. */
  start = self->diary->has_start ? ldn_diary_date_format (&self->diary->start) : g_strdup ("");
  if (self->shown_start == NULL ||
      g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->start_entry)), self->shown_start))
    gtk_editable_set_text (GTK_EDITABLE (self->start_entry), start);
  g_free (self->shown_start);
  self->shown_start = g_steal_pointer (&start);

  clear_list (self->plan_list);
  for (guint i = 0; i < self->diary->plan->len; i++)
    {
      const LdnDiaryPlanStep *step = g_ptr_array_index (self->diary->plan, i);
      g_autofree char *from = readable_date (&step->from);
      g_autofree char *time = ldn_diary_time_format (step->minutes);
      g_autofree char *dose = g_strdup_printf ("%g", step->dose_mg);
      g_autofree char *title = NULL;
      g_autofree char *remove_name = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove;

      /* Translators: one step of the plan as prescribed, e.g. "From 3 March 2027: 1.5 mg at 22:00". */
      title = g_strdup_printf (_("From %s: %s mg at %s"), from, dose, time);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      remove_name = g_strdup_printf (_("Remove the plan step from %s"), from);
      remove = row_button (_("Remove"), remove_name);
      g_object_set_data_full (G_OBJECT (remove), "from", g_memdup2 (&step->from, sizeof (GDate)), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_step_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (GTK_LIST_BOX (self->plan_list), row);
    }
  gtk_widget_set_visible (self->plan_list, self->diary->plan->len > 0);
}

static void
build_plan_section (LdnDiaryPage *self)
{
  GtkWidget *box, *button;

  gtk_box_append (GTK_BOX (self->column), section_title (_("Start and Plan")));
  gtk_box_append (GTK_BOX (self->column),
                  ldn_wrapped_label_new (_("If you and your doctor decide to start, type the start date and the plan "
                                           "exactly as prescribed. The diary only records it; it never suggests a "
                                           "dose or a change."), NULL));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* A start planned with the doctor can be a day still to come. */
  self->start_field = ldn_date_field_new (_("Start date"), TRUE);
  self->start_entry = GTK_WIDGET (ldn_date_field_get_editable (LDN_DATE_FIELD (self->start_field)));
  gtk_widget_set_hexpand (self->start_field, TRUE);
  g_signal_connect_swapped (self->start_entry, "activate", G_CALLBACK (set_start_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), self->start_field);
  button = gtk_button_new_with_mnemonic (_("_Set Start Date"));
  ldn_compat_button_set_accessible_label (button, _("Set start date"));
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (set_start_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (self->column), field (_("Start date (leave empty for none)"), box));
  gtk_label_set_mnemonic_widget (GTK_LABEL (gtk_widget_get_first_child (gtk_widget_get_parent (box))),
                                 self->start_entry);
  self->start_error = error_label ();
  gtk_box_append (GTK_BOX (self->column), self->start_error);

  self->plan_list = boxed_list (_("Plan as prescribed"));
  gtk_box_append (GTK_BOX (self->column), self->plan_list);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  self->plan_field = ldn_date_field_new (_("Plan from"), TRUE);
  self->plan_from = GTK_WIDGET (ldn_date_field_get_editable (LDN_DATE_FIELD (self->plan_field)));
  self->plan_dose = labelled_entry (_("Dose in mg"), _("As prescribed"));
  self->plan_time = labelled_entry (_("Time taken"), _("HH:MM, for example 22:00"));
  gtk_box_append (GTK_BOX (box), field (_("From (date)"), self->plan_field));
  gtk_box_append (GTK_BOX (box), field (_("Dose in mg"), self->plan_dose));
  gtk_box_append (GTK_BOX (box), field (_("Time taken"), self->plan_time));
  g_signal_connect_swapped (self->plan_time, "activate", G_CALLBACK (add_step_clicked_cb), self);
  button = gtk_button_new_with_mnemonic (_("_Add to Plan"));
  ldn_compat_button_set_accessible_label (button, _("Add to plan"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_step_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), button);
  self->plan_error = error_label ();
  gtk_box_append (GTK_BOX (box), self->plan_error);
  gtk_box_append (GTK_BOX (self->column), box);
}

/* Check-in */

static void
rating_changed_cb (GtkSpinButton *spin,
                   GtkWidget     *check)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
}

static void
fill_rating_rows (LdnDiaryPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->ratings_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->ratings_box), child);
  g_array_set_size (self->ratings, 0);

  for (guint i = 0; i < self->diary->items->len; i++)
    {
      const LdnDiaryItem *item = g_ptr_array_index (self->diary->items, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      g_autofree char *spin_name = NULL;
      g_autofree char *meaning = NULL;
      RatingRow row;

      row.check = wrapping_check_button (item->label);
      gtk_widget_set_hexpand (row.check, TRUE);
      /* Translators: the accessible name of a 0-10 rating, e.g. "Pain, from 0 to 10". */
      spin_name = g_strdup_printf (_("%s, from 0 to 10"), item->label);
      row.spin = gtk_spin_button_new_with_range (0, LDN_DIARY_SCALE_MAX, 1);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (row.spin), 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row.spin), GTK_ACCESSIBLE_PROPERTY_LABEL, spin_name, -1);
      if (*item->low != '\0' || *item->high != '\0')
        {
          meaning = g_strdup_printf (_("0: %s · 10: %s"), *item->low ? item->low : "–", *item->high ? item->high : "–");
          gtk_accessible_update_property (GTK_ACCESSIBLE (row.spin), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, meaning, -1);
          gtk_widget_set_tooltip_text (row.spin, meaning);
        }
      g_signal_connect (row.spin, "value-changed", G_CALLBACK (rating_changed_cb), row.check);
      gtk_box_append (GTK_BOX (box), row.check);
      gtk_box_append (GTK_BOX (box), row.spin);
      gtk_box_append (GTK_BOX (self->ratings_box), box);
      g_array_append_val (self->ratings, row);
    }

  if (self->diary->items->len == 0)
    gtk_box_append (GTK_BOX (self->ratings_box),
                    ldn_wrapped_label_new (_("Choose what to follow above to rate it here."), "dim-label"));
}

static void
reset_checkin (LdnDiaryPage *self)
{
  GDate now;

  ldn_date_field_today (&now);
  self->editing = FALSE;
  ldn_date_field_set_date (LDN_DATE_FIELD (self->checkin_field), &now);
  for (guint i = 0; i < self->ratings->len; i++)
    {
      RatingRow *row = &g_array_index (self->ratings, RatingRow, i);

      g_signal_handlers_block_by_func (row->spin, rating_changed_cb, row->check);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (row->spin), 0);
      g_signal_handlers_unblock_by_func (row->spin, rating_changed_cb, row->check);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (row->check), FALSE);
    }
  for (guint i = 0; i < self->side_effects->len; i++)
    {
      SideEffectRow *row = g_ptr_array_index (self->side_effects, i);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (row->check), FALSE);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (row->severity), 0);
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->dose), 0);
  gtk_editable_set_text (GTK_EDITABLE (self->note), "");
  gtk_label_set_text (GTK_LABEL (self->checkin_title), _("Check In"));
  gtk_button_set_label (GTK_BUTTON (self->save), _("_Save Entry"));
  ldn_compat_button_set_accessible_label (self->save, _("Save entry"));
  gtk_widget_set_visible (self->cancel, FALSE);
  show_error (self->checkin_error, NULL);
}

static void
load_into_checkin (LdnDiaryPage        *self,
                   const LdnDiaryEntry *entry)
{
  g_autofree char *readable = readable_date (&entry->date);
  g_autofree char *title = NULL;

  reset_checkin (self);
  self->editing = TRUE;
  self->editing_date = entry->date;
  ldn_date_field_set_date (LDN_DATE_FIELD (self->checkin_field), &entry->date);
  for (guint i = 0; i < self->ratings->len && i < LDN_DIARY_MAX_ITEMS; i++)
    {
      RatingRow *row = &g_array_index (self->ratings, RatingRow, i);

      if (entry->ratings[i] == LDN_DIARY_RATING_NONE)
        continue;
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (row->spin), entry->ratings[i]);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (row->check), TRUE);
    }
  for (guint i = 0; i < entry->side_effects->len; i++)
    {
      const LdnDiarySideEffect *effect = g_ptr_array_index (entry->side_effects, i);

      for (guint j = 0; j < self->side_effects->len; j++)
        {
          SideEffectRow *row = g_ptr_array_index (self->side_effects, j);

          if (!g_str_equal (row->id, effect->id))
            continue;
          gtk_check_button_set_active (GTK_CHECK_BUTTON (row->check), TRUE);
          gtk_drop_down_set_selected (GTK_DROP_DOWN (row->severity), CLAMP (effect->severity, 1, 3) - 1);
        }
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->dose),
                              entry->dose_taken == LDN_DIARY_DOSE_TAKEN    ? 1
                              : entry->dose_taken == LDN_DIARY_DOSE_MISSED ? 2
                                                                            : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->note), entry->note);
  /* Translators: the check-in form's title while an entry is changed. */
  title = g_strdup_printf (_("Change the Entry of %s"), readable);
  gtk_label_set_text (GTK_LABEL (self->checkin_title), title);
  gtk_button_set_label (GTK_BUTTON (self->save), _("_Save Changes"));
  ldn_compat_button_set_accessible_label (self->save, _("Save changes"));
  gtk_widget_set_visible (self->cancel, TRUE);
}

static void
save_clicked_cb (LdnDiaryPage *self)
{
  g_autoptr(LdnDiaryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *readable = NULL;
  g_autofree char *message = NULL;
  gboolean ok;
  GDate date;

  if (!ldn_date_field_get_date (LDN_DATE_FIELD (self->checkin_field), &date))
    {
      show_error (self->checkin_error, NULL);
      return;
    }

  entry = ldn_diary_entry_new (&date);
  for (guint i = 0; i < self->ratings->len && i < LDN_DIARY_MAX_ITEMS; i++)
    {
      RatingRow *row = &g_array_index (self->ratings, RatingRow, i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (row->check)))
        entry->ratings[i] = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (row->spin));
    }
  for (guint i = 0; i < self->side_effects->len; i++)
    {
      SideEffectRow *row = g_ptr_array_index (self->side_effects, i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (row->check)))
        ldn_diary_entry_add_side_effect (entry, row->id, gtk_drop_down_get_selected (GTK_DROP_DOWN (row->severity)) + 1);
    }
  switch (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->dose)))
    {
    case 1:
      entry->dose_taken = LDN_DIARY_DOSE_TAKEN;
      break;
    case 2:
      entry->dose_taken = LDN_DIARY_DOSE_MISSED;
      break;
    default:
      entry->dose_taken = LDN_DIARY_DOSE_UNKNOWN;
    }
  g_free (entry->note);
  entry->note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note)));

  ok = self->editing ? ldn_diary_store_update_entry (self->user, &self->editing_date, entry, &error)
                     : ldn_diary_store_add_entry (self->user, entry, &error);
  if (!ok)
    {
      /* Nothing typed is lost: the form keeps it. */
      show_error (self->checkin_error, error);
      return;
    }

  readable = readable_date (&date);
  message = g_strdup_printf (_("Entry of %s saved"), readable);
  reset_checkin (self);
  ldn_toast_show (GTK_WIDGET (self), message);
}

static void
build_checkin_section (LdnDiaryPage *self,
                       GPtrArray    *side_effects)
{
  const char *doses[] = { _("Not recorded"), _("Taken"), _("Missed"), NULL };
  const char *severities[] = { _("Mild"), _("Moderate"), _("Severe"), NULL };
  GtkWidget *box, *effects_box;

  self->checkin_title = section_title (_("Check In"));
  gtk_box_append (GTK_BOX (self->column), self->checkin_title);
  gtk_box_append (GTK_BOX (self->column),
                  ldn_wrapped_label_new (_("Rate each thing for the day, note any side effects you noticed that day "
                                           "and, after the start, whether you took the dose. Everything stays on "
                                           "this computer."), NULL));

  self->checkin_field = ldn_date_field_new (_("Date of the entry"), FALSE);
  self->checkin_date = GTK_WIDGET (ldn_date_field_get_editable (LDN_DATE_FIELD (self->checkin_field)));
  gtk_box_append (GTK_BOX (self->column), field (_("Date"), self->checkin_field));

  self->ratings_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (self->column), field (_("Ratings (tick to record)"), self->ratings_box));

  effects_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_object_ref_sink (effects_box);
  for (guint i = 0; side_effects != NULL && i < side_effects->len; i++)
    {
      const LdnSideEffect *effect = g_ptr_array_index (side_effects, i);
      SideEffectRow *row = g_new0 (SideEffectRow, 1);
      g_autofree char *severity_name_text = g_strdup_printf (_("Severity: %s"), effect->name);
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

      row->id = g_strdup (effect->id);
      row->check = wrapping_check_button (effect->name);
      gtk_widget_set_hexpand (row->check, TRUE);
      row->severity = gtk_drop_down_new_from_strings (severities);
      gtk_widget_set_valign (row->severity, GTK_ALIGN_CENTER);
      name_drop_down (row->severity, severity_name_text);
      g_object_bind_property (row->check, "active", row->severity, "sensitive", G_BINDING_SYNC_CREATE);
      gtk_box_append (GTK_BOX (line), row->check);
      gtk_box_append (GTK_BOX (line), row->severity);
      gtk_box_append (GTK_BOX (effects_box), line);
      g_ptr_array_add (self->side_effects, row);
    }
  if (self->side_effects->len > 0)
    gtk_box_append (GTK_BOX (self->column), field (_("Side effects noticed that day"), effects_box));
  g_object_unref (effects_box);

  self->dose = gtk_drop_down_new_from_strings (doses);
  name_drop_down (self->dose, _("Dose that day"));
  gtk_widget_set_halign (self->dose, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self->column), field (_("Dose that day"), self->dose));

  self->note = labelled_entry (_("Note"), _("Anything else about the day"));
  g_signal_connect_swapped (self->note, "activate", G_CALLBACK (save_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->column), field (_("Note"), self->note));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->save = gtk_button_new_with_mnemonic (_("_Save Entry"));
  gtk_widget_add_css_class (self->save, "suggested-action");
  g_signal_connect_swapped (self->save, "clicked", G_CALLBACK (save_clicked_cb), self);
  self->cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  ldn_compat_button_set_accessible_label (self->cancel, _("Cancel the change"));
  g_signal_connect_swapped (self->cancel, "clicked", G_CALLBACK (reset_checkin), self);
  gtk_box_append (GTK_BOX (box), self->save);
  gtk_box_append (GTK_BOX (box), self->cancel);
  gtk_box_append (GTK_BOX (self->column), box);
  self->checkin_error = error_label ();
  gtk_box_append (GTK_BOX (self->column), self->checkin_error);
}

/* Summary and entries. A year of daily entries would make 365 rows of
 * widgets at every change: the newest are listed, older ones on request. */
#define ENTRIES_SHOWN 60

typedef const char *(*RowText) (LdnTrendRow *row);

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  RowText text = (RowText) user_data;

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      text (LDN_TREND_ROW (gtk_list_item_get_item (list_item))));
}

/* The values behind a chart as a table, for reading them one by one. */
static GtkWidget *
values_table (LdnDiaryPage       *self,
              const LdnDiaryItem *item,
              guint               index,
              const GDate        *until)
{
  const struct { const char *title; RowText text; } columns[] = {
    { _("Date"), ldn_trend_row_get_date },
    /* Translators: a column of the diary's table of values. */
    { _("Rating"), ldn_trend_row_get_rating },
    { _("Period"), ldn_trend_row_get_period },
    { _("Side effects and dose"), ldn_trend_row_get_notes },
  };
  g_autofree char *title = g_strdup_printf (_("Values of “%s” as a table"), item->label);
  GListModel *model = ldn_trend_chart_dup_table_model (self->diary, index, until);
  GtkNoSelection *selection = gtk_no_selection_new (model);
  GtkWidget *view = gtk_column_view_new (GTK_SELECTION_MODEL (selection));
  GtkWidget *expander = gtk_expander_new (title);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), (gpointer) columns[i].text);
      column = gtk_column_view_column_new (columns[i].title, factory);
      gtk_column_view_column_set_expand (column, i == G_N_ELEMENTS (columns) - 1);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_expander_set_child (GTK_EXPANDER (expander), view);
  /* The expander's title is read as the expander; the cells as the table's. */
  ldn_page_skip_reading (expander);
  return expander;
}

static void
fill_summary (LdnDiaryPage *self)
{
  g_autoptr(LdnDiarySummary) summary = NULL;
  GtkWidget *child, *box;
  GDate now;

  while ((child = gtk_widget_get_first_child (self->summary_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->summary_box), child);
  /* Filled before it joins the window, as ldn_page_make_readable() needs. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  ldn_date_field_today (&now);
  summary = ldn_diary_summary_new (self->diary, &now);
  for (guint i = 0; i < summary->items->len; i++)
    {
      const LdnDiaryItemSummary *item_summary = &g_array_index (summary->items, LdnDiaryItemSummary, i);
      const LdnDiaryItem *item = g_ptr_array_index (self->diary->items, item_summary->item);
      g_autofree char *sentence = ldn_diary_item_summary_dup_sentence (item_summary);
      GtkWidget *chart, *label, *table;

      gtk_box_append (GTK_BOX (box), ldn_wrapped_label_new (item->label, "heading"));
      /* The chart says the item and the same sentence to a screen reader. */
      chart = ldn_trend_chart_new ();
      ldn_trend_chart_set_diary (LDN_TREND_CHART (chart), self->diary, item_summary->item, &now);
      gtk_box_append (GTK_BOX (box), chart);
      label = ldn_wrapped_label_new (sentence, NULL);
      gtk_box_append (GTK_BOX (box), label);
      table = values_table (self, item, item_summary->item, &now);
      gtk_widget_set_margin_bottom (table, 12);
      gtk_box_append (GTK_BOX (box), table);
    }
  if (summary->items->len == 0)
    gtk_box_append (GTK_BOX (box), ldn_wrapped_label_new (_("Nothing recorded yet."), "dim-label"));
  /* What the record shows is read by a screen reader like the rest of the page. */
  ldn_page_make_readable (box);
  gtk_box_append (GTK_BOX (self->summary_box), box);
}

static void
edit_clicked_cb (GtkButton    *button,
                 LdnDiaryPage *self)
{
  LdnDiaryListEntry *list_entry = g_object_get_data (G_OBJECT (button), "entry");
  const LdnDiaryEntry *entry = find_entry (self, &list_entry->date);

  if (entry == NULL)
    return;
  load_into_checkin (self, entry);
  gtk_widget_grab_focus (self->checkin_date);
}

static void
undo_clicked_cb (AdwToast     *toast,
                 LdnDiaryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnDiaryEntry) entry = g_steal_pointer (&self->deleted);

  if (entry != NULL && !ldn_diary_store_add_entry (self->user, entry, &error))
    ldn_toast_show_error (GTK_WIDGET (self), error);
}

static void
delete_clicked_cb (GtkButton    *button,
                   LdnDiaryPage *self)
{
  LdnDiaryListEntry *list_entry = g_object_get_data (G_OBJECT (button), "entry");
  const LdnDiaryEntry *entry = find_entry (self, &list_entry->date);
  g_autoptr(LdnDiaryEntry) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *readable = NULL;
  g_autofree char *message = NULL;
  GtkWidget *overlay;
  AdwToast *toast;

  if (entry == NULL)
    return;
  copy = copy_entry (entry);
  readable = readable_date (&copy->date);
  if (!ldn_diary_store_delete_entry (self->user, &copy->date, &error))
    {
      ldn_toast_show_error (GTK_WIDGET (self), error);
      return;
    }
  if (self->editing && g_date_compare (&self->editing_date, &copy->date) == 0)
    reset_checkin (self);

  g_clear_pointer (&self->deleted, ldn_diary_entry_free);
  self->deleted = g_steal_pointer (&copy);
  message = g_strdup_printf (_("Entry of %s deleted"), readable);
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      ldn_toast_show (GTK_WIDGET (self), message);
      return;
    }
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  ldn_compat_announce (GTK_WIDGET (self), message);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static GtkWidget *
create_entry_row (gpointer item,
                  gpointer user_data)
{
  LdnDiaryPage *self = user_data;
  LdnDiaryListEntry *entry = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *edit_name = g_strdup_printf (_("Change the entry of %s"), entry->title);
  g_autofree char *delete_name = g_strdup_printf (_("Delete the entry of %s"), entry->title);
  GtkWidget *edit = row_button (_("Change"), edit_name);
  GtkWidget *delete = row_button (_("Delete"), delete_name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), entry->subtitle);
  g_object_set_data_full (G_OBJECT (edit), "entry", g_object_ref (entry), g_object_unref);
  g_object_set_data_full (G_OBJECT (delete), "entry", g_object_ref (entry), g_object_unref);
  g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  return row;
}

static char *
entry_subtitle (LdnDiaryPage        *self,
                const LdnDiaryEntry *entry)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->diary->items->len && i < LDN_DIARY_MAX_ITEMS; i++)
    if (entry->ratings[i] != LDN_DIARY_RATING_NONE)
      {
        const LdnDiaryItem *item = g_ptr_array_index (self->diary->items, i);

        if (text->len > 0)
          g_string_append (text, " · ");
        g_string_append_printf (text, "%s %d", item->label, entry->ratings[i]);
      }
  if (entry->dose_taken != LDN_DIARY_DOSE_UNKNOWN)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, entry->dose_taken == LDN_DIARY_DOSE_TAKEN ? _("dose taken") : _("dose missed"));
    }
  for (guint i = 0; i < entry->side_effects->len; i++)
    {
      const LdnDiarySideEffect *effect = g_ptr_array_index (entry->side_effects, i);
      g_autofree char *name = side_effect_name (self, effect->id);

      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, "%s (%s)", name, severity_name (effect->severity));
    }
  if (*entry->note != '\0')
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, entry->note);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fill_entries (LdnDiaryPage *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  guint n_entries = self->diary->entries->len;
  guint n_shown = MIN (n_entries, self->n_shown);

  /* Newest first. */
  for (guint i = n_entries; i > n_entries - n_shown; i--)
    {
      const LdnDiaryEntry *entry = g_ptr_array_index (self->diary->entries, i - 1);
      LdnDiaryListEntry *row = g_object_new (LDN_TYPE_DIARY_LIST_ENTRY, NULL);

      row->date = entry->date;
      row->title = readable_date (&entry->date);
      row->subtitle = entry_subtitle (self, entry);
      g_ptr_array_add (rows, row);
    }
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)), rows->pdata,
                       rows->len);
  gtk_widget_set_visible (self->entries_list, rows->len > 0);
  gtk_widget_set_visible (self->entries_empty, rows->len == 0);
  gtk_widget_set_visible (self->show_older, n_shown < n_entries);
}

static void
show_older_clicked_cb (LdnDiaryPage *self)
{
  self->n_shown += ENTRIES_SHOWN * 3;
  fill_entries (self);
}

static void
csv_chosen_cb (GFile    *file,
               gpointer  user_data)
{
  g_autoptr(LdnDiaryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (file == NULL || self->user == NULL)
    return;

  if (!ldn_export_diary_csv (self->content, self->user, file, NULL, &error))
    ldn_toast_show (GTK_WIDGET (self), (message = g_strdup_printf (_("Could not save the diary: %s"), error->message)));
  else
    ldn_toast_show_saved (GTK_WIDGET (self), file);
}

static void
save_csv_clicked_cb (LdnDiaryPage *self)
{
  ldn_compat_save_file (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Save Diary as CSV"),
                        /* Translators: the file name the diary's CSV export suggests. */
                        _("ldn-diary.csv"), csv_chosen_cb, g_object_ref (self));
}

static void
build_entries_section (LdnDiaryPage *self)
{
  GtkWidget *button;

  gtk_box_append (GTK_BOX (self->column), section_title (_("What the Record Shows")));
  gtk_box_append (GTK_BOX (self->column),
                  ldn_wrapped_label_new (_("Only what was recorded: it does not say whether a medicine works. "
                                           "Talk about it with your doctor."), "dim-label"));
  /* What a before-and-after record cannot show (content, sourced). */
  if (self->content != NULL)
    {
      g_autoptr(LdnContentText) caution = ldn_content_store_get_text (self->content, "diary.placebo-caution", NULL);

      if (caution != NULL)
        {
          GtkWidget *markers = ldn_source_markers_new (self->content, (const char * const *) caution->sources);

          gtk_box_append (GTK_BOX (self->column), ldn_wrapped_label_new (caution->text, NULL));
          gtk_widget_set_halign (markers, GTK_ALIGN_START);
          gtk_box_append (GTK_BOX (self->column), markers);
        }
    }
  self->summary_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (self->column), self->summary_box);

  gtk_box_append (GTK_BOX (self->column), section_title (_("Entries")));
  self->entries_empty = ldn_wrapped_label_new (_("No entries yet."), "dim-label");
  gtk_box_append (GTK_BOX (self->column), self->entries_empty);
  self->entries_list = boxed_list (_("Diary entries"));
  gtk_list_box_bind_model (GTK_LIST_BOX (self->entries_list), G_LIST_MODEL (self->entries), create_entry_row,
                           self, NULL);
  gtk_box_append (GTK_BOX (self->column), self->entries_list);
  self->show_older = gtk_button_new_with_mnemonic (_("Show _Older Entries"));
  ldn_compat_button_set_accessible_label (self->show_older, _("Show older entries"));
  gtk_widget_set_halign (self->show_older, GTK_ALIGN_START);
  g_signal_connect_swapped (self->show_older, "clicked", G_CALLBACK (show_older_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->column), self->show_older);

  button = gtk_button_new_with_mnemonic (_("Save Diary as _CSV…"));
  ldn_compat_button_set_accessible_label (button, _("Save diary as CSV"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (save_csv_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->column), button);
}

/* A new diary guides set-up first, unfolded. Once something is followed,
 * the check-in comes first when the page opens, with set-up folded below
 * it. Within a visit, following a first item leaves set-up where it is
 * (the person is still setting up); removing the last one puts it first. */
static void
place_sections (LdnDiaryPage *self)
{
  gboolean following = self->diary->items->len > 0;
  gboolean setup_first = gtk_widget_get_prev_sibling (self->checkin_box) == self->setup;

  if (following && !self->placed)
    {
      gtk_box_reorder_child_after (GTK_BOX (self->column), self->setup, self->checkin_box);
      gtk_expander_set_expanded (GTK_EXPANDER (self->setup), FALSE);
    }
  else if (!following && (!setup_first || !self->placed))
    {
      gtk_box_reorder_child_after (GTK_BOX (self->column), self->checkin_box, self->setup);
      gtk_expander_set_expanded (GTK_EXPANDER (self->setup), TRUE);
    }
  self->placed = TRUE;
}

void
ldn_diary_page_reload (LdnDiaryPage *self)
{
  g_autoptr(LdnDiary) diary = NULL;
  g_autoptr(LdnDiary) old = NULL;
  g_autoptr(GError) error = NULL;
  gboolean items_changed;

  g_return_if_fail (LDN_IS_DIARY_PAGE (self));

  if (self->user == NULL)
    return;

  diary = ldn_diary_store_dup_diary (self->user, &error);
  if (diary == NULL)
    {
      ldn_toast_show_error (GTK_WIDGET (self), error);
      return;
    }

  items_changed = self->diary == NULL || self->diary->items->len != diary->items->len;
  for (guint i = 0; !items_changed && i < diary->items->len; i++)
    {
      const LdnDiaryItem *a = g_ptr_array_index (diary->items, i);
      const LdnDiaryItem *b = g_ptr_array_index (self->diary->items, i);

      items_changed = !g_str_equal (a->id, b->id) || !g_str_equal (a->label, b->label) ||
                      !g_str_equal (a->low, b->low) || !g_str_equal (a->high, b->high);
    }

  /* The charts borrow the diary: the old one goes once they are replaced. */
  old = g_steal_pointer (&self->diary);
  self->diary = g_steal_pointer (&diary);

  fill_items (self);
  fill_plan (self);
  place_sections (self);
  /* The rating rows are rebuilt only when the items change, so a
   * check-in being typed is kept. */
  if (items_changed)
    {
      fill_rating_rows (self);
      if (!self->editing)
        reset_checkin (self);
    }
  fill_summary (self);
  fill_entries (self);
}

void
ldn_diary_page_load (LdnDiaryPage    *self,
                     LdnContentStore *content,
                     const GError    *error,
                     LdnUserStore    *user)
{
  g_autoptr(GPtrArray) side_effects = NULL;
  GtkWidget *intro, *outer;

  g_return_if_fail (LDN_IS_DIARY_PAGE (self));
  g_return_if_fail (LDN_IS_USER_STORE (user));
  g_return_if_fail (self->user == NULL);

  self->user = g_object_ref (user);
  if (content != NULL)
    {
      self->content = g_object_ref (content);
      side_effects = ldn_content_store_list_side_effects (content, NULL);
    }

  /* Built apart and made readable before it joins the window: a label's
   * role can only change before its accessible exists. */
  outer = self->column;
  self->column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (self->column), ldn_wrapped_label_new (_("Diary"), "title-1"));
  intro = ldn_wrapped_label_new (_("A record for you and your doctor of how you are before and after a start "
                                   "date. It describes what you recorded; it never says whether a medicine works."),
                                 NULL);
  gtk_box_append (GTK_BOX (self->column), intro);
  if (content == NULL)
    {
      g_autofree char *problem = g_strdup_printf (_("The suggestions and the side-effect list could not be shown: %s"),
                                                  error != NULL ? error->message : "");

      self->content_problem = ldn_wrapped_label_new (problem, "error");
      gtk_box_append (GTK_BOX (self->column), self->content_problem);
    }

  /* Set-up (what to follow, start and plan) folds under "Set Up"; the
   * check-in is a block of its own. place_sections() orders the two. */
  {
    GtkWidget *column = self->column;
    GtkWidget *setup_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
    GtkWidget *setup_title = ldn_wrapped_label_new (_("Set Up: What You Follow, Start and Plan"), "title-3");

    self->column = setup_box;
    gtk_widget_set_margin_top (setup_box, 6);
    build_items_section (self);
    build_plan_section (self);
    self->setup = gtk_expander_new (NULL);
    gtk_expander_set_label_widget (GTK_EXPANDER (self->setup), setup_title);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->setup), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Set up"), -1);
    gtk_expander_set_child (GTK_EXPANDER (self->setup), setup_box);
    gtk_widget_set_margin_top (self->setup, 12);

    self->checkin_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
    self->column = self->checkin_box;
    build_checkin_section (self, side_effects);

    self->column = column;
    gtk_box_append (GTK_BOX (self->column), self->setup);
    gtk_box_append (GTK_BOX (self->column), self->checkin_box);
  }
  build_entries_section (self);

  self->changed_handler = g_signal_connect_swapped (user, "changed", G_CALLBACK (ldn_diary_page_reload), self);
  self->reset_handler = g_signal_connect_swapped (user, "reset", G_CALLBACK (ldn_diary_page_reload), self);
  /* Before the first reload: the summary it fills is made readable on
   * its own (a label must not be made readable twice). */
  ldn_page_make_readable (self->column);
  gtk_box_append (GTK_BOX (outer), self->column);
  ldn_diary_page_reload (self);
  ldn_page_fix_button_names (self->column);
}

static void
ldn_diary_page_dispose (GObject *object)
{
  LdnDiaryPage *self = LDN_DIARY_PAGE (object);

  if (self->user != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, self->user);
      g_clear_signal_handler (&self->reset_handler, self->user);
    }
  g_clear_object (&self->user);
  g_clear_object (&self->content);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->deleted, ldn_diary_entry_free);
  g_clear_pointer (&self->shown_start, g_free);
  g_clear_pointer (&self->ratings, g_array_unref);
  g_clear_pointer (&self->side_effects, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), LDN_TYPE_DIARY_PAGE);

  G_OBJECT_CLASS (ldn_diary_page_parent_class)->dispose (object);
}

/* The charts borrow the diary until they are gone with the page's child. */
static void
ldn_diary_page_finalize (GObject *object)
{
  LdnDiaryPage *self = LDN_DIARY_PAGE (object);

  g_clear_pointer (&self->diary, ldn_diary_free);

  G_OBJECT_CLASS (ldn_diary_page_parent_class)->finalize (object);
}

static void
ldn_diary_page_class_init (LdnDiaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ldn_diary_page_dispose;
  object_class->finalize = ldn_diary_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ldn-diary-page.ui");
}

static void
ldn_diary_page_init (LdnDiaryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_list_store_new (LDN_TYPE_DIARY_LIST_ENTRY);
  self->n_shown = ENTRIES_SHOWN;
  self->ratings = g_array_new (FALSE, TRUE, sizeof (RatingRow));
  self->side_effects = g_ptr_array_new_with_free_func (side_effect_row_free);
  self->column = ldn_reading_column_new (adw_bin_get_child (ADW_BIN (self)), 720);
}

/* ldn-checklist-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "compat/ldn-compat.h"
#include "ldn-block-widgets.h"
#include "ldn-checklist-view.h"
#include "ldn-date-field.h"
#include "ldn-page-layout.h"
#include "ldn-toast.h"
#include "ldn-user-text-view.h"
#include "util/ldn-language.h"
#include "user/ldn-diary-store.h"

struct _LdnChecklistView
{
  AdwBin           parent_instance;

  LdnContentStore *content;
  LdnUserStore    *user;
  GPtrArray       *rows;          /* ItemRow, one per side effect */
  GtkWidget       *other;
  gboolean         loading;
  gulong           changed_handler;
};

G_DEFINE_FINAL_TYPE (LdnChecklistView, ldn_checklist_view, ADW_TYPE_BIN)

typedef struct {
  LdnChecklistView *view;        /* not a reference: rows live inside it */
  char             *item_id;
  GtkCheckButton   *noticed;
  GtkDropDown      *severity;
  GtkMenuButton    *since;
  GtkCalendar      *calendar;
  GtkEntry         *since_entry;   /* the date typed, for keyboard and screen reader */
  GtkLabel         *since_error;
  GtkWidget        *note;
  GtkWidget        *expander;
  char             *subtitle;      /* how often and whether it passes, from the content */
} ItemRow;

static void
item_row_free (ItemRow *row)
{
  g_free (row->item_id);
  g_free (row->subtitle);
  g_free (row);
}

static void
report (LdnChecklistView *self,
        const GError *error)
{
  ldn_toast_show_error (GTK_WIDGET (self), error);
}

static void
noticed_toggled_cb (GtkCheckButton *button,
                    ItemRow        *row)
{
  g_autoptr(GError) error = NULL;

  if (!row->view->loading &&
      !ldn_user_store_set_noticed (row->view->user, row->item_id, gtk_check_button_get_active (button), &error))
    report (row->view, error);
}

static void
severity_changed_cb (GtkDropDown *dropdown,
                     GParamSpec  *pspec,
                     ItemRow     *row)
{
  g_autoptr(GError) error = NULL;
  LdnSeverity severity = gtk_drop_down_get_selected (dropdown);

  if (!row->view->loading && !ldn_user_store_set_severity (row->view->user, row->item_id, severity, &error))
    report (row->view, error);
}

static void
show_since (ItemRow    *row,
            const char *date)
{
  /* Kept as an ISO date, shown as the reader writes dates. */
  g_autofree char *readable = ldn_language_format_iso_date (date);

  gtk_menu_button_set_label (row->since, readable ? readable : _("Not set"));
  if (row->since_entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row->since_entry), date ? date : "");
}

static void show_since_error (ItemRow *row, const char *message);

/* A day after today: a side effect is noticed since a day that has been. */
static gboolean
is_future_day (GDateTime *day)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_compare (day, now) > 0 &&
         (g_date_time_get_year (day) != g_date_time_get_year (now) ||
          g_date_time_get_day_of_year (day) != g_date_time_get_day_of_year (now));
}

static void
day_selected_cb (GtkCalendar *calendar,
                 ItemRow     *row)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;

  if (row->view->loading)
    return;

  /* The calendar offers every day: a future one is refused, next to the
   * calendar, as a typed one is. */
  if (is_future_day (day))
    {
      show_since_error (row, _("That date is in the future."));
      return;
    }
  show_since_error (row, NULL);

  if (ldn_user_store_set_since (row->view->user, row->item_id, date, &error))
    show_since (row, date);
  else
    report (row->view, error);
}

static void
clear_since_cb (GtkButton *button,
                ItemRow   *row)
{
  g_autoptr(GError) error = NULL;

  if (ldn_user_store_set_since (row->view->user, row->item_id, NULL, &error))
    show_since (row, NULL);
  else
    report (row->view, error);
  gtk_menu_button_popdown (row->since);
}

static void
show_since_error (ItemRow    *row,
                  const char *message)
{
  gtk_label_set_text (row->since_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (row->since_error), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row->since_entry), "error");
      ldn_compat_announce (GTK_WIDGET (row->since_entry), message);
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row->since_entry), "error");
}

/* A typed date (the Diary's rules, ldn_date_field_parse): refused with a
 * reason next to the box, and the text stays, if it is no date or in the
 * future. */
static void
since_entry_activate_cb (GtkEntry *entry,
                         ItemRow  *row)
{
  g_autofree char *message = NULL;
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  if (!ldn_date_field_parse (gtk_editable_get_text (GTK_EDITABLE (entry)), FALSE, &date, &message))
    {
      show_since_error (row, message);
      return;
    }

  show_since_error (row, NULL);
  day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 12, 0, 0);
  /* The calendar shows it, and selecting it there saves it. */
  gtk_calendar_select_day (row->calendar, day);
}

static gboolean
save_note (const char *text,
           gpointer    data,
           GError    **error)
{
  ItemRow *row = data;

  return ldn_user_store_set_note (row->view->user, row->item_id, text, error);
}

static GtkWidget *
labelled (const char *title,
          GtkWidget  *control)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), control);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), control);

  return row;
}

static GtkWidget *
since_button (ItemRow    *row,
              const char *name)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("_Clear Date"));
  g_autofree char *label = g_strdup_printf (_("Since when: %s"), name);

  /* GTK 4.8 puts the raw "_" of a mnemonic into the name it computes. */
  ldn_compat_button_set_accessible_label (clear, _("Clear date"));

  row->since_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (row->since_entry, _("Year-month-day"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->since_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Type the date as year-month-day, or choose it from the calendar"), -1);
  g_signal_connect (row->since_entry, "activate", G_CALLBACK (since_entry_activate_cb), row);
  row->since_error = GTK_LABEL (ldn_wrapped_label_new (NULL, "error"));
  gtk_widget_set_visible (GTK_WIDGET (row->since_error), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->since_entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->since_error));

  row->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect (row->calendar, "day-selected", G_CALLBACK (day_selected_cb), row);
  g_signal_connect (clear, "clicked", G_CALLBACK (clear_since_cb), row);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->calendar));
  gtk_box_append (GTK_BOX (box), clear);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  row->since = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (row->since, popover);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->since), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return GTK_WIDGET (row->since);
}

static GtkWidget *
item_row_new (LdnChecklistView    *self,
              const LdnSideEffect *side_effect)
{
  static const char *severities[] = { N_("Not set"), N_("Mild"), N_("Moderate"), N_("Severe"), NULL };
  g_autofree char *noticed_label = g_strdup_printf (_("Noticed: %s"), side_effect->name);
  g_autofree char *severity_label = g_strdup_printf (_("Severity: %s"), side_effect->name);
  g_autofree char *note_label = g_strdup_printf (_("Note about %s"), side_effect->name);
  const char *course = side_effect->transient == 1 ? _("Usually passes.")
                     : side_effect->transient == 0 ? _("May not pass on its own.")
                     : _("Not known whether it passes.");
  g_autofree char *subtitle = g_strdup_printf ("%s %s", side_effect->frequency, course);
  g_autoptr(GtkStringList) severity_names = gtk_string_list_new (NULL);
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *note_row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *note_title = gtk_label_new (_("Note"));
  ItemRow *row = g_new0 (ItemRow, 1);

  row->view = self;
  row->item_id = g_strdup (side_effect->id);
  g_ptr_array_add (self->rows, row);

  for (guint i = 0; severities[i] != NULL; i++)
    gtk_string_list_append (severity_names, _(severities[i]));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), side_effect->name);
  /* Plain text: the subtitle adds what the diary recorded (see show_diary). */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  row->expander = expander;
  row->subtitle = g_strdup (subtitle);
  ldn_page_track_expander (expander);

  row->noticed = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (row->noticed), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->noticed), _("I noticed this"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->noticed), GTK_ACCESSIBLE_PROPERTY_LABEL, noticed_label, -1);
  g_signal_connect (row->noticed, "toggled", G_CALLBACK (noticed_toggled_cb), row);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), GTK_WIDGET (row->noticed));

  row->severity = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (severity_names)), NULL));
  ldn_page_name_drop_down (row->severity, severity_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->severity), GTK_ACCESSIBLE_PROPERTY_LABEL, severity_label, -1);
  g_signal_connect (row->severity, "notify::selected", G_CALLBACK (severity_changed_cb), row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), labelled (_("Severity"), GTK_WIDGET (row->severity)));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), labelled (_("Since"), since_button (row, side_effect->name)));

  row->note = ldn_user_text_view_new (note_label, save_note, row, NULL);
  gtk_label_set_xalign (GTK_LABEL (note_title), 0);
  gtk_box_append (GTK_BOX (note_row), note_title);
  gtk_box_append (GTK_BOX (note_row), row->note);
  gtk_box_append (GTK_BOX (note_row), ldn_source_markers_new (self->content, (const char * const *) side_effect->sources));
  gtk_widget_set_margin_start (note_row, 12);
  gtk_widget_set_margin_end (note_row, 12);
  gtk_widget_set_margin_top (note_row, 8);
  gtk_widget_set_margin_bottom (note_row, 12);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), note_row);
  ldn_page_name_lists (expander, side_effect->name);

  return expander;
}

static void
load_row (LdnChecklistView *self,
          ItemRow          *row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnChecklistEntry) entry = ldn_user_store_get_checklist_entry (self->user, row->item_id, &error);

  if (entry == NULL)
    {
      report (self, error);
      return;
    }

  gtk_check_button_set_active (row->noticed, entry->noticed);
  gtk_drop_down_set_selected (row->severity, entry->severity);
  show_since (row, entry->since);
  if (entry->since != NULL)
    {
      g_autofree char *iso = g_strdup_printf ("%sT12:00:00Z", entry->since);
      g_autoptr(GDateTime) day = g_date_time_new_from_iso8601 (iso, NULL);

      if (day != NULL)
        gtk_calendar_select_day (row->calendar, day);
    }
  ldn_user_text_view_set_text (LDN_USER_TEXT_VIEW (row->note), entry->note);
}

/* The checklist is the current view of the diary's dated observations:
 * each row says the latest one (date and how strong). The two records stay
 * apart; nothing here changes the checklist's own answers. */
static void
show_diary (LdnChecklistView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnDiary) diary = ldn_diary_store_dup_diary (self->user, &error);
  g_autoptr(GHashTable) latest = g_hash_table_new (g_str_hash, g_str_equal);

  if (diary == NULL)
    g_warning ("Could not read the diary: %s", error->message);

  /* Entries are sorted by date: the last one seen is the latest. */
  for (guint i = 0; diary != NULL && i < diary->entries->len; i++)
    {
      LdnDiaryEntry *entry = g_ptr_array_index (diary->entries, i);

      for (guint j = 0; j < entry->side_effects->len; j++)
        {
          LdnDiarySideEffect *seen = g_ptr_array_index (entry->side_effects, j);

          g_hash_table_insert (latest, seen->id, entry);
        }
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      ItemRow *row = g_ptr_array_index (self->rows, i);
      LdnDiaryEntry *entry = g_hash_table_lookup (latest, row->item_id);
      g_autofree char *subtitle = NULL;

      if (entry != NULL)
        {
          g_autofree char *iso = ldn_diary_date_format (&entry->date);
          g_autofree char *date = ldn_language_format_iso_date (iso);
          g_autofree char *recorded = NULL;
          int severity = 0;

          for (guint j = 0; j < entry->side_effects->len; j++)
            {
              LdnDiarySideEffect *seen = g_ptr_array_index (entry->side_effects, j);

              if (g_str_equal (seen->id, row->item_id))
                severity = seen->severity;
            }
          /* Translators: under a side effect in the checklist; %s is a date. */
          recorded = g_strdup_printf (severity == 1 ? _("In your diary: mild on %s.")
                                      : severity == 2 ? _("In your diary: moderate on %s.")
                                      : severity == 3 ? _("In your diary: severe on %s.")
                                      : _("In your diary: noticed on %s."), date);
          subtitle = g_strdup_printf ("%s\n%s", row->subtitle, recorded);
        }
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row->expander), subtitle ? subtitle : row->subtitle);
    }
}

void
ldn_checklist_view_reload (LdnChecklistView *self)
{
  g_autofree char *other = NULL;

  g_return_if_fail (LDN_IS_CHECKLIST_VIEW (self));

  self->loading = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    load_row (self, g_ptr_array_index (self->rows, i));
  other = ldn_user_store_dup_text (self->user, LDN_USER_TEXT_OTHER_SIDE_EFFECTS);
  ldn_user_text_view_set_text (LDN_USER_TEXT_VIEW (self->other), other);
  show_diary (self);
  self->loading = FALSE;
}

static gboolean
save_other (const char *text,
            gpointer    data,
            GError    **error)
{
  LdnChecklistView *self = data;

  return ldn_user_store_set_text (self->user, LDN_USER_TEXT_OTHER_SIDE_EFFECTS, text, error);
}

static GtkWidget *
warning_signs (LdnChecklistView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) signs = ldn_content_store_list_warning_signs (self->content, &error);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "ldn-urgent");
  gtk_box_append (GTK_BOX (box), ldn_wrapped_label_new (_("Get medical help at once if you notice"), "title-4"));

  for (guint i = 0; signs != NULL && i < signs->len; i++)
    {
      const LdnWarningSign *sign = g_ptr_array_index (signs, i);
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

      gtk_box_append (GTK_BOX (item), ldn_wrapped_label_new (sign->sign, "heading"));
      gtk_box_append (GTK_BOX (item), ldn_wrapped_label_new (sign->action, "ldn-body"));
      gtk_box_append (GTK_BOX (item), ldn_source_markers_new (self->content, (const char * const *) sign->sources));
      gtk_box_append (GTK_BOX (box), item);
    }

  if (signs == NULL)
    gtk_box_append (GTK_BOX (box), ldn_wrapped_label_new (error->message, "error"));

  return box;
}

/* Where the dated observations are kept and changed. */
static GtkWidget *
diary_link (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = ldn_wrapped_label_new (_("Side effects you record with a date are kept in the Diary. "
                                             "Under each row here you see the latest one recorded there."), "dim-label");
  GtkWidget *button = gtk_button_new_with_label (_("Open Diary"));

  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.section");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "diary");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Open the Diary section"), -1);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

GtkWidget *
ldn_checklist_view_new (LdnContentStore *content,
                        LdnUserStore    *user)
{
  LdnChecklistView *self = g_object_new (LDN_TYPE_CHECKLIST_VIEW, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) side_effects = ldn_content_store_list_side_effects (content, &error);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *column = ldn_reading_column_new (scroller, 760);
  GtkWidget *list = gtk_list_box_new ();

  self->content = g_object_ref (content);
  self->user = g_object_ref (user);


  gtk_box_append (GTK_BOX (column), warning_signs (self));
  gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (_("Side Effects I Noticed"), "title-2"));
  gtk_box_append (GTK_BOX (column),
                  ldn_wrapped_label_new (_("Tick what you notice. Open a row to give its severity, since when, and add a note. "
                             "Everything is saved as you go, on this computer only."), "ldn-page-summary"));
  gtk_box_append (GTK_BOX (column), diary_link ());

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Side-effect checklist"), -1);
  for (guint i = 0; side_effects != NULL && i < side_effects->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), item_row_new (self, g_ptr_array_index (side_effects, i)));
  gtk_box_append (GTK_BOX (column), list);
  if (side_effects == NULL)
    gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (error->message, "error"));

  gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (_("Other Side Effects"), "title-4"));
  gtk_box_append (GTK_BOX (column), ldn_wrapped_label_new (_("Anything else you noticed, in your own words."), "dim-label"));
  self->other = ldn_user_text_view_new (_("Other side effects"), save_other, self, NULL);
  gtk_box_append (GTK_BOX (column), self->other);

  adw_bin_set_child (ADW_BIN (self), scroller);

  ldn_checklist_view_reload (self);
  /* A diary entry saved anywhere updates the rows; the checklist's own
   * answers are not read again (that would disturb typing). */
  self->changed_handler = g_signal_connect_swapped (user, "changed", G_CALLBACK (show_diary), self);

  return GTK_WIDGET (self);
}

static void
ldn_checklist_view_dispose (GObject *object)
{
  LdnChecklistView *self = LDN_CHECKLIST_VIEW (object);

  if (self->user != NULL)
    g_clear_signal_handler (&self->changed_handler, self->user);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->content);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (ldn_checklist_view_parent_class)->dispose (object);
}

static void
ldn_checklist_view_class_init (LdnChecklistViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ldn_checklist_view_dispose;
  /* A container: GTK 4.8 reads any other role by its class name ("LdnXxx filler"). */
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
ldn_checklist_view_init (LdnChecklistView *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) item_row_free);
}

/* ldn-date-field.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "compat/ldn-compat.h"
#include "ldn-date-field.h"
#include "ldn-page-layout.h"

struct _LdnDateField
{
  GtkBox       parent_instance;

  gboolean     allow_future;
  GtkWidget   *entry;
  GtkWidget   *button;
  GtkWidget   *calendar;
  GtkWidget   *error;
  gboolean     syncing;        /* the calendar follows the box: not a choice */
};

G_DEFINE_FINAL_TYPE (LdnDateField, ldn_date_field, GTK_TYPE_BOX)

void
ldn_date_field_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static gboolean
has_letters (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

gboolean
ldn_date_field_parse (const char  *text,
                      gboolean     allow_future,
                      GDate       *date,
                      char       **message)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  int year = 0, month = 0, day = 0;
  char end = '\0';
  GDate now;

  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  *message = NULL;
  g_date_clear (date, 1);
  /* Year-month-day, the same in every language; or written out with the
   * month's name, as the app shows dates ("30 November 2026"). Numbers
   * only in another order (30/11 or 11/30?) are refused: they are read
   * differently in different countries. */
  if (sscanf (stripped, "%4d-%2d-%2d%c", &year, &month, &day, &end) == 3 && g_date_valid_dmy (day, month, year))
    g_date_set_dmy (date, day, month, year);
  else if (has_letters (stripped))
    g_date_set_parse (date, stripped);

  if (!g_date_valid (date))
    {
      /* Translators: keep the examples as dates your language writes. */
      *message = g_strdup (_("Type the date as year-month-day, for example 2026-11-30, or as 30 November 2026."));
      return FALSE;
    }

  ldn_date_field_today (&now);
  if (!allow_future && g_date_compare (date, &now) > 0)
    {
      *message = g_strdup (_("That date is in the future."));
      return FALSE;
    }
  return TRUE;
}

void
ldn_date_field_show_error (LdnDateField *self,
                           const char   *message)
{
  g_return_if_fail (LDN_IS_DATE_FIELD (self));

  gtk_label_set_text (GTK_LABEL (self->error), message != NULL ? message : "");
  gtk_widget_set_visible (self->error, message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (self->entry, "error");
      ldn_compat_announce (self->entry, message);
    }
  else
    gtk_widget_remove_css_class (self->entry, "error");
}

gboolean
ldn_date_field_get_date (LdnDateField *self,
                         GDate        *date)
{
  g_autofree char *message = NULL;
  const char *text;

  g_return_val_if_fail (LDN_IS_DATE_FIELD (self), FALSE);

  text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  if (!ldn_date_field_parse (text, self->allow_future, date, &message))
    {
      ldn_date_field_show_error (self, message);
      return FALSE;
    }
  ldn_date_field_show_error (self, NULL);
  return TRUE;
}

void
ldn_date_field_set_date (LdnDateField *self,
                         const GDate  *date)
{
  char text[16] = "";

  g_return_if_fail (LDN_IS_DATE_FIELD (self));

  if (date != NULL && g_date_valid (date))
    g_snprintf (text, sizeof text, "%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                g_date_get_day (date));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  ldn_date_field_show_error (self, NULL);
}

GtkEditable *
ldn_date_field_get_editable (LdnDateField *self)
{
  g_return_val_if_fail (LDN_IS_DATE_FIELD (self), NULL);

  return GTK_EDITABLE (self->entry);
}

/* The calendar opens on the typed date, or on today. */
static void
popover_show_cb (GtkWidget    *popover,
                 LdnDateField *self)
{
  g_autofree char *message = NULL;
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  if (!ldn_date_field_parse (gtk_editable_get_text (GTK_EDITABLE (self->entry)), TRUE, &date, &message))
    ldn_date_field_today (&date);
  day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 12, 0, 0);
  self->syncing = TRUE;
  gtk_calendar_select_day (GTK_CALENDAR (self->calendar), day);
  self->syncing = FALSE;
}

static void
day_selected_cb (GtkCalendar  *calendar,
                 LdnDateField *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  GDate date, now;

  if (self->syncing)
    return;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (day), g_date_time_get_month (day), g_date_time_get_year (day));
  ldn_date_field_today (&now);
  /* The calendar offers every day: a future one is refused next to the
   * box, as a typed one is, and the box keeps what it had. */
  if (!self->allow_future && g_date_compare (&date, &now) > 0)
    {
      ldn_date_field_show_error (self, _("That date is in the future."));
      return;
    }
  ldn_date_field_set_date (self, &date);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
  gtk_widget_grab_focus (self->entry);
}

static void
ldn_date_field_class_init (LdnDateFieldClass *klass)
{
}

static void
ldn_date_field_init (LdnDateField *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *popover = gtk_popover_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 4);

  self->entry = gtk_entry_new ();
  gtk_widget_set_hexpand (self->entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("Year-month-day"));
  gtk_box_append (GTK_BOX (row), self->entry);

  self->calendar = gtk_calendar_new ();
  g_signal_connect (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  gtk_popover_set_child (GTK_POPOVER (popover), self->calendar);
  g_signal_connect (popover, "show", G_CALLBACK (popover_show_cb), self);
  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (self->button, _("Choose from a calendar"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), self->button);
  gtk_box_append (GTK_BOX (self), row);

  self->error = ldn_wrapped_label_new (NULL, "error");
  gtk_widget_set_visible (self->error, FALSE);
  gtk_box_append (GTK_BOX (self), self->error);
}

GtkWidget *
ldn_date_field_new (const char *name,
                    gboolean    allow_future)
{
  LdnDateField *self = g_object_new (LDN_TYPE_DATE_FIELD, NULL);
  /* Translators: the name of the button next to a date box, e.g.
   * "Date of the entry: choose from a calendar". */
  g_autofree char *button_name = g_strdup_printf (_("%s: choose from a calendar"), name);

  self->allow_future = allow_future;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Type the date as year-month-day, or choose it from the calendar button"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, button_name, -1);

  return GTK_WIDGET (self);
}

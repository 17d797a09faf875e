/* ldn-date-field.h
 *
 * A date a person can type (year-month-day, or written out in their
 * language: "30 November 2026") or choose from a calendar button next to
 * the box, with what is wrong said right under it and the text kept. Used
 * by the Diary; the checklist's "Since" box parses with the same rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LDN_TYPE_DATE_FIELD (ldn_date_field_get_type ())

G_DECLARE_FINAL_TYPE (LdnDateField, ldn_date_field, LDN, DATE_FIELD, GtkBox)

/* NAME is the box's accessible name; ALLOW_FUTURE says whether a day
 * that has not come yet is a date the field accepts (a planned start is;
 * a day recorded is not). */
GtkWidget   *ldn_date_field_new           (const char   *name,
                                           gboolean      allow_future);
/* The box the person types in (for its text and its "activate"). */
GtkEditable *ldn_date_field_get_editable  (LdnDateField *self);
/* The typed date. If there is none, or it is not a date the field
 * accepts, says why under the box (and to a screen reader) and returns
 * FALSE; the text stays. */
gboolean     ldn_date_field_get_date      (LdnDateField *self,
                                           GDate        *date);
/* Shows DATE (or nothing, if NULL) and clears any message. */
void         ldn_date_field_set_date      (LdnDateField *self,
                                           const GDate  *date);
/* A message under the box (NULL clears it). */
void         ldn_date_field_show_error    (LdnDateField *self,
                                           const char   *message);

/* The rules, for a box that is not an LdnDateField: TRUE and DATE, or
 * FALSE and a message to show (owned by the caller). */
gboolean     ldn_date_field_parse         (const char   *text,
                                           gboolean      allow_future,
                                           GDate        *date,
                                           char        **message);

/* Today's local date, the day these fields take as "not in the future". */
void         ldn_date_field_today         (GDate        *date);

G_END_DECLS

/* ldn-dose-scenario.h
 *
 * The dose scenario a person looks at: dose, schedule (one dose or one
 * every night), how many days, and the clock time of the dose. One value,
 * owned once per GSettings (ldn_dose_scenario_get_for_settings) and bound
 * to its keys with g_settings_bind, so the timeline, the sheet and
 * `--export-sheet` all see the same remembered dose.
 *
 * Two dose parsers, with messages that match each:
 * - ldn_dose_parse() for files and the command line: C locale, decimal
 *   digits and at most one dot ("4.5"); "0x10", "1e1", "inf", "nan",
 *   " 3", "3mg" are refused, and "0,5" with a message to write 0.5.
 *   Numbers in its messages are printed with a dot.
 * - ldn_dose_parse_for_people() for the window: the locale's decimal
 *   separator or a dot ("0,5" in a comma-decimal locale), spaces and a
 *   trailing "mg" allowed; messages print numbers the locale's way.
 *
 * No GTK here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LDN_DOSE_ERROR (ldn_dose_error_quark ())

typedef enum {
  LDN_DOSE_ERROR_INVALID,
} LdnDoseError;

GQuark ldn_dose_error_quark (void);

#define LDN_DOSE_SCENARIO_DEFAULT_MG     4.5
#define LDN_DOSE_SCENARIO_DEFAULT_MINUTE (22 * 60)
#define LDN_DOSE_SCENARIO_MAX_DAYS       30

gboolean ldn_dose_parse             (const char  *text,
                                     double      *dose_mg,
                                     GError     **error);
gboolean ldn_dose_parse_for_people  (const char  *text,
                                     double      *dose_mg,
                                     GError     **error);
/* "HH:MM", 00:00 to 23:59, to minutes after midnight. */
gboolean ldn_dose_time_parse        (const char  *text,
                                     guint       *minute_of_day,
                                     GError     **error);

#define LDN_TYPE_DOSE_SCENARIO (ldn_dose_scenario_get_type ())

G_DECLARE_FINAL_TYPE (LdnDoseScenario, ldn_dose_scenario, LDN, DOSE_SCENARIO, GObject)

/* Properties: "dose-mg" (double, 0.5-50), "schedule" ("single" or
 * "nightly"), "days" (int, 1-30), "dose-minute" (int, 0-1439). */
LdnDoseScenario *ldn_dose_scenario_new          (void);
/* The one scenario bound to SETTINGS' dose keys (dose-mg, dose-schedule,
 * timeline-days, dose-minute), made on first use and owned by SETTINGS:
 * borrowed. */
LdnDoseScenario *ldn_dose_scenario_get_for_settings (GSettings *settings);

double       ldn_dose_scenario_get_dose_mg      (LdnDoseScenario *self);
void         ldn_dose_scenario_set_dose_mg      (LdnDoseScenario *self,
                                                 double           dose_mg);
gboolean     ldn_dose_scenario_get_nightly      (LdnDoseScenario *self);
void         ldn_dose_scenario_set_nightly      (LdnDoseScenario *self,
                                                 gboolean         nightly);
const char  *ldn_dose_scenario_get_schedule     (LdnDoseScenario *self);
guint        ldn_dose_scenario_get_days         (LdnDoseScenario *self);
void         ldn_dose_scenario_set_days         (LdnDoseScenario *self,
                                                 guint            days);
guint        ldn_dose_scenario_get_dose_minute  (LdnDoseScenario *self);
void         ldn_dose_scenario_set_dose_minute  (LdnDoseScenario *self,
                                                 guint            minute);

/* Sets what the command line gives (NULL = keep), parsed with
 * ldn_dose_parse and friends; DAYS NULL after a schedule given means 3
 * for single and 14 for nightly. Changes nothing on error. */
gboolean     ldn_dose_scenario_parse_options    (LdnDoseScenario *self,
                                                 const char      *dose,
                                                 const char      *schedule,
                                                 const char      *days,
                                                 const char      *dose_time,
                                                 GError         **error);

G_END_DECLS

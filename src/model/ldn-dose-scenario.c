/* ldn-dose-scenario.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "ldn-dose-scenario.h"
#include "ldn-occupancy-model.h"

G_DEFINE_QUARK (ldn-dose-error-quark, ldn_dose_error)

#define MAX_DOSE_CHARS 16

static gboolean G_GNUC_PRINTF (2, 3)
dose_error (GError    **error,
            const char *format,
            ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (LDN_DOSE_ERROR, LDN_DOSE_ERROR_INVALID, format, args));
  va_end (args);
  return FALSE;
}

/* Digits, then optionally SEPARATOR and more digits; nothing else. */
static gboolean
is_decimal (const char *text,
            gsize       length,
            const char *separator)
{
  gsize separator_length = strlen (separator);
  gboolean seen_separator = FALSE;
  gsize i = 0, digits_before = 0, digits_after = 0;

  while (i < length)
    {
      if (g_ascii_isdigit (text[i]))
        {
          if (seen_separator)
            digits_after++;
          else
            digits_before++;
          i++;
        }
      else if (!seen_separator && separator_length > 0 && i + separator_length <= length &&
               strncmp (text + i, separator, separator_length) == 0)
        {
          seen_separator = TRUE;
          i += separator_length;
        }
      else
        return FALSE;
    }

  return digits_before > 0 && (!seen_separator || digits_after > 0);
}

/* TEXT is checked by is_decimal: digits and one separator. */
static double
decimal_value (const char *text,
               gsize       length,
               const char *separator)
{
  g_autoptr(GString) c_text = g_string_new_len (text, length);

  g_string_replace (c_text, separator, ".", 1);
  return g_ascii_strtod (c_text->str, NULL);
}

static char *
format_c (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", value));
}

gboolean
ldn_dose_parse (const char *text,
                double     *dose_mg,
                GError    **error)
{
  g_autofree char *low = format_c (LDN_DOSE_MIN_MG);
  g_autofree char *high = format_c (LDN_DOSE_MAX_MG);
  gsize length;
  double value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (dose_mg != NULL, FALSE);

  length = strlen (text);
  if (length > MAX_DOSE_CHARS || !is_decimal (text, length, "."))
    {
      if (length <= MAX_DOSE_CHARS && is_decimal (text, length, ","))
        {
          g_autofree char *dotted = g_strdelimit (g_strdup (text), ",", '.');

          return dose_error (error, _("Write the dose with a dot, not a comma: %s, not “%s”."), dotted, text);
        }
      return dose_error (error, _("The dose must be a number of milligrams written with digits and a dot, "
                                  "such as 4.5, not “%s”."), text);
    }

  value = decimal_value (text, length, ".");
  if (value < LDN_DOSE_MIN_MG || value > LDN_DOSE_MAX_MG)
    return dose_error (error, _("The dose must be between %s and %s mg, not %s mg."), low, high, text);

  *dose_mg = value;
  return TRUE;
}

gboolean
ldn_dose_parse_for_people (const char *text,
                           double      *dose_mg,
                           GError     **error)
{
  const char *separator = localeconv ()->decimal_point;
  g_autofree char *trimmed = NULL;
  g_autofree char *example = NULL;
  gsize length;
  double value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (dose_mg != NULL, FALSE);

  if (separator == NULL || *separator == '\0')
    separator = ".";

  trimmed = g_strstrip (g_strdup (text));
  length = strlen (trimmed);
  if (length >= 2 && g_ascii_strcasecmp (trimmed + length - 2, "mg") == 0)
    {
      trimmed[length - 2] = '\0';
      g_strchomp (trimmed);
      length = strlen (trimmed);
    }

  /* Printed the locale's way, as the person reads numbers. */
  example = g_strdup_printf ("%g", LDN_DOSE_SCENARIO_DEFAULT_MG);
  if (length > MAX_DOSE_CHARS ||
      !(is_decimal (trimmed, length, separator) || is_decimal (trimmed, length, ".")))
    return dose_error (error, _("Type the dose in milligrams as a number, such as %s."), example);

  value = is_decimal (trimmed, length, separator) ? decimal_value (trimmed, length, separator)
                                                  : decimal_value (trimmed, length, ".");
  if (value < LDN_DOSE_MIN_MG || value > LDN_DOSE_MAX_MG)
    {
      g_autofree char *low = g_strdup_printf ("%g", LDN_DOSE_MIN_MG);
      g_autofree char *high = g_strdup_printf ("%g", LDN_DOSE_MAX_MG);

      return dose_error (error, _("The dose can be from %s to %s mg."), low, high);
    }

  *dose_mg = value;
  return TRUE;
}

gboolean
ldn_dose_time_parse (const char *text,
                     guint      *minute_of_day,
                     GError    **error)
{
  guint hour, minute;

  g_return_val_if_fail (minute_of_day != NULL, FALSE);

  if (text == NULL || strlen (text) != 5 || text[2] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return dose_error (error, _("The dose time must look like 22:00 (HH:MM), not “%s”."), text ? text : "");

  hour = (text[0] - '0') * 10 + (text[1] - '0');
  minute = (text[3] - '0') * 10 + (text[4] - '0');
  if (hour > 23 || minute > 59)
    return dose_error (error, _("The dose time must be a real time of day, from 00:00 to 23:59, not “%s”."), text);

  *minute_of_day = hour * 60 + minute;
  return TRUE;
}

struct _LdnDoseScenario
{
  GObject  parent_instance;

  double   dose_mg;
  gboolean nightly;
  int      days;
  int      dose_minute;
};

G_DEFINE_FINAL_TYPE (LdnDoseScenario, ldn_dose_scenario, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOSE_MG,
  PROP_SCHEDULE,
  PROP_DAYS,
  PROP_DOSE_MINUTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ldn_dose_scenario_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LdnDoseScenario *self = LDN_DOSE_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_DOSE_MG:
      g_value_set_double (value, self->dose_mg);
      break;
    case PROP_SCHEDULE:
      g_value_set_string (value, ldn_dose_scenario_get_schedule (self));
      break;
    case PROP_DAYS:
      g_value_set_int (value, self->days);
      break;
    case PROP_DOSE_MINUTE:
      g_value_set_int (value, self->dose_minute);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ldn_dose_scenario_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LdnDoseScenario *self = LDN_DOSE_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_DOSE_MG:
      ldn_dose_scenario_set_dose_mg (self, g_value_get_double (value));
      break;
    case PROP_SCHEDULE:
      ldn_dose_scenario_set_nightly (self, g_strcmp0 (g_value_get_string (value), "nightly") == 0);
      break;
    case PROP_DAYS:
      ldn_dose_scenario_set_days (self, g_value_get_int (value));
      break;
    case PROP_DOSE_MINUTE:
      ldn_dose_scenario_set_dose_minute (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ldn_dose_scenario_class_init (LdnDoseScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ldn_dose_scenario_get_property;
  object_class->set_property = ldn_dose_scenario_set_property;

  properties[PROP_DOSE_MG] =
    g_param_spec_double ("dose-mg", NULL, NULL, LDN_DOSE_MIN_MG, LDN_DOSE_MAX_MG, LDN_DOSE_SCENARIO_DEFAULT_MG,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEDULE] =
    g_param_spec_string ("schedule", NULL, NULL, "single",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAYS] =
    g_param_spec_int ("days", NULL, NULL, 1, LDN_DOSE_SCENARIO_MAX_DAYS, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOSE_MINUTE] =
    g_param_spec_int ("dose-minute", NULL, NULL, 0, 24 * 60 - 1, LDN_DOSE_SCENARIO_DEFAULT_MINUTE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ldn_dose_scenario_init (LdnDoseScenario *self)
{
  self->dose_mg = LDN_DOSE_SCENARIO_DEFAULT_MG;
  self->days = 1;
  self->dose_minute = LDN_DOSE_SCENARIO_DEFAULT_MINUTE;
}

LdnDoseScenario *
ldn_dose_scenario_new (void)
{
  return g_object_new (LDN_TYPE_DOSE_SCENARIO, NULL);
}

LdnDoseScenario *
ldn_dose_scenario_get_for_settings (GSettings *settings)
{
  LdnDoseScenario *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_get_data (G_OBJECT (settings), "ldn-dose-scenario");
  if (self == NULL)
    {
      self = ldn_dose_scenario_new ();
      g_settings_bind (settings, "dose-mg", self, "dose-mg", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "dose-schedule", self, "schedule", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "timeline-days", self, "days", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "dose-minute", self, "dose-minute", G_SETTINGS_BIND_DEFAULT);
      g_object_set_data_full (G_OBJECT (settings), "ldn-dose-scenario", self, g_object_unref);
    }

  return self;
}

double
ldn_dose_scenario_get_dose_mg (LdnDoseScenario *self)
{
  g_return_val_if_fail (LDN_IS_DOSE_SCENARIO (self), LDN_DOSE_SCENARIO_DEFAULT_MG);
  return self->dose_mg;
}

void
ldn_dose_scenario_set_dose_mg (LdnDoseScenario *self,
                               double           dose_mg)
{
  g_return_if_fail (LDN_IS_DOSE_SCENARIO (self));
  g_return_if_fail (dose_mg >= LDN_DOSE_MIN_MG && dose_mg <= LDN_DOSE_MAX_MG);

  if (self->dose_mg != dose_mg)
    {
      self->dose_mg = dose_mg;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOSE_MG]);
    }
}

gboolean
ldn_dose_scenario_get_nightly (LdnDoseScenario *self)
{
  g_return_val_if_fail (LDN_IS_DOSE_SCENARIO (self), FALSE);
  return self->nightly;
}

void
ldn_dose_scenario_set_nightly (LdnDoseScenario *self,
                               gboolean         nightly)
{
  g_return_if_fail (LDN_IS_DOSE_SCENARIO (self));

  if (self->nightly != !!nightly)
    {
      self->nightly = !!nightly;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULE]);
    }
}

const char *
ldn_dose_scenario_get_schedule (LdnDoseScenario *self)
{
  g_return_val_if_fail (LDN_IS_DOSE_SCENARIO (self), NULL);
  return self->nightly ? "nightly" : "single";
}

guint
ldn_dose_scenario_get_days (LdnDoseScenario *self)
{
  g_return_val_if_fail (LDN_IS_DOSE_SCENARIO (self), 1);
  return self->days;
}

void
ldn_dose_scenario_set_days (LdnDoseScenario *self,
                            guint            days)
{
  g_return_if_fail (LDN_IS_DOSE_SCENARIO (self));
  g_return_if_fail (days >= 1 && days <= LDN_DOSE_SCENARIO_MAX_DAYS);

  if ((guint) self->days != days)
    {
      self->days = days;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAYS]);
    }
}

guint
ldn_dose_scenario_get_dose_minute (LdnDoseScenario *self)
{
  g_return_val_if_fail (LDN_IS_DOSE_SCENARIO (self), LDN_DOSE_SCENARIO_DEFAULT_MINUTE);
  return self->dose_minute;
}

void
ldn_dose_scenario_set_dose_minute (LdnDoseScenario *self,
                                   guint            minute)
{
  g_return_if_fail (LDN_IS_DOSE_SCENARIO (self));
  g_return_if_fail (minute < 24 * 60);

  if ((guint) self->dose_minute != minute)
    {
      self->dose_minute = minute;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOSE_MINUTE]);
    }
}

gboolean
ldn_dose_scenario_parse_options (LdnDoseScenario *self,
                                 const char      *dose,
                                 const char      *schedule,
                                 const char      *days,
                                 const char      *dose_time,
                                 GError         **error)
{
  double dose_mg = self->dose_mg;
  gboolean nightly = self->nightly;
  guint64 n_days;
  guint minute = self->dose_minute;

  g_return_val_if_fail (LDN_IS_DOSE_SCENARIO (self), FALSE);

  if (dose != NULL && !ldn_dose_parse (dose, &dose_mg, error))
    return FALSE;

  if (schedule != NULL && g_str_equal (schedule, "single"))
    nightly = FALSE;
  else if (schedule != NULL && g_str_equal (schedule, "nightly"))
    nightly = TRUE;
  else if (schedule != NULL)
    return dose_error (error, _("The schedule must be “single” or “nightly”, not “%s”."), schedule);

  if (days == NULL)
    n_days = nightly ? 14 : 3;
  else if (!g_ascii_string_to_unsigned (days, 10, 1, LDN_DOSE_SCENARIO_MAX_DAYS, &n_days, NULL))
    return dose_error (error, _("The number of days must be a whole number from 1 to %d, not “%s”."),
                       LDN_DOSE_SCENARIO_MAX_DAYS, days);

  if (dose_time != NULL && !ldn_dose_time_parse (dose_time, &minute, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  ldn_dose_scenario_set_dose_mg (self, dose_mg);
  ldn_dose_scenario_set_nightly (self, nightly);
  ldn_dose_scenario_set_days (self, n_days);
  ldn_dose_scenario_set_dose_minute (self, minute);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

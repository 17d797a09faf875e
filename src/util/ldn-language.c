/* ldn-language.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* uselocale(), newlocale() (POSIX 2008). */
#define _POSIX_C_SOURCE 200809L

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ldn-language.h"

struct _LdnLanguageScope
{
  locale_t    locale;     /* (locale_t) 0 when nothing was switched */
  locale_t    previous;
  char       *previous_language_env;
  gboolean    changed_language_env;
  const char *previous_current;
};

static const char *const supported[] = { "en", "es", NULL };

/* Locales tried for each language, in order. English uses the C locale's
 * messages (the msgids) but a UTF-8 character set. */
static const char *const english_locales[] = { "C.UTF-8", "en_US.UTF-8", "en_GB.UTF-8", "C", NULL };
static const char *const spanish_locales[] = { "es_ES.UTF-8", "es_MX.UTF-8", "es_US.UTF-8", "es_AR.UTF-8",
                                               "es_CO.UTF-8", "es_ES.utf8", NULL };

static _Thread_local const char *current;

const char *const *
ldn_language_get_supported (void)
{
  return supported;
}

gboolean
ldn_language_is_supported (const char *language)
{
  return language != NULL && g_strv_contains (supported, language);
}

const char *
ldn_language_get_interface (void)
{
  const char *const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "C") || g_str_equal (names[i], "en") || g_str_has_prefix (names[i], "en_"))
        return "en";
      if (g_str_equal (names[i], "es") || g_str_has_prefix (names[i], "es_") || g_str_has_prefix (names[i], "es."))
        return "es";
    }

  return "en";
}

const char *
ldn_language_get_current (void)
{
  return current;
}

static LdnLanguageScope *
push (const char *language,
      gboolean    messages)
{
  LdnLanguageScope *scope = g_new0 (LdnLanguageScope, 1);
  int mask = LC_NUMERIC_MASK | LC_TIME_MASK | (messages ? LC_MESSAGES_MASK : 0);
  const char *const *candidates;
  const char *env;

  if (language == NULL || *language == '\0')
    return scope;

  g_return_val_if_fail (ldn_language_is_supported (language), scope);

  candidates = g_str_equal (language, "es") ? spanish_locales : english_locales;
  for (guint i = 0; candidates[i] != NULL && scope->locale == (locale_t) 0; i++)
    {
      locale_t base = duplocale (uselocale ((locale_t) 0));

      if (base == (locale_t) 0)
        break;
      scope->locale = newlocale (mask, candidates[i], base);
      if (scope->locale == (locale_t) 0)
        freelocale (base);
    }

  if (scope->locale == (locale_t) 0)
    {
      g_debug ("No locale installed for language “%s”; the sheet keeps the interface language", language);
      return scope;
    }

  scope->previous = uselocale (scope->locale);
  /* LANGUAGE, when set, outranks the locale for messages: it must then
   * name this language. Only then is the environment touched (setenv is
   * not thread-safe), and never for numbers and dates alone. */
  env = g_getenv ("LANGUAGE");
  if (messages && env != NULL && *env != '\0' && !g_str_equal (env, language))
    {
      scope->changed_language_env = TRUE;
      scope->previous_language_env = g_strdup (env);
      g_setenv ("LANGUAGE", language, TRUE);
    }
  scope->previous_current = current;
  current = g_str_equal (language, "es") ? "es" : "en";

  return scope;
}

LdnLanguageScope *
ldn_language_scope_push (const char *language)
{
  return push (language, TRUE);
}

LdnLanguageScope *
ldn_language_scope_push_formats (const char *language)
{
  return push (language, FALSE);
}

void
ldn_language_scope_pop (LdnLanguageScope *scope)
{
  if (scope == NULL)
    return;

  if (scope->locale != (locale_t) 0)
    {
      uselocale (scope->previous);
      freelocale (scope->locale);
      if (scope->changed_language_env)
        g_setenv ("LANGUAGE", scope->previous_language_env, TRUE);
      current = scope->previous_current;
    }

  g_free (scope->previous_language_env);
  g_free (scope);
}

char *
ldn_language_format_iso_date (const char *iso_date)
{
  int year, month, day;
  char tail;
  g_autoptr(GDateTime) date = NULL;

  if (iso_date == NULL)
    return NULL;
  if (strlen (iso_date) != 10 || sscanf (iso_date, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3 ||
      !g_date_valid_dmy (day, month, year) ||
      (date = g_date_time_new_local (year, month, day, 12, 0, 0)) == NULL)
    return g_strdup (iso_date);

  /* Translators: a date, e.g. "21 November 2026"; see strftime(3). */
  return g_date_time_format (date, _("%-d %B %Y"));
}

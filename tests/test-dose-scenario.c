/* test-dose-scenario.c: the one dose value the timeline, the sheet and the
 * command line share, and its two parsers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "model/ldn-dose-scenario.h"

static void
test_parse_for_files (void)
{
  static const struct { const char *text; double mg; } good[] = {
    { "4.5", 4.5 }, { "0.5", 0.5 }, { "50", 50 }, { "3", 3 }, { "12.25", 12.25 }, { "050", 50 },
  };
  static const char *bad[] = {
    "", "0x10", "1e1", "inf", "nan", " 3", "3 ", "3mg", "+3", "-3", "3.", ".5", "1.2.3", "0,5", "٣", "3\n",
    "50.0000000000000001", "0.49", "50.01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      double mg = 0;

      g_assert_true (ldn_dose_parse (good[i].text, &mg, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (mg, ==, good[i].mg);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      double mg = -1;

      if (ldn_dose_parse (bad[i], &mg, &error))
        g_error ("“%s” was taken as %g mg", bad[i], mg);
      g_assert_error (error, LDN_DOSE_ERROR, LDN_DOSE_ERROR_INVALID);
      g_assert_cmpfloat (mg, ==, -1);
    }
}

/* The file parser ignores the locale: in a comma-decimal locale "4.5" is
 * still 4.5, "0,5" still refused, and its messages print a dot. */
static void
test_parse_for_files_ignores_locale (void)
{
  g_autoptr(GError) error = NULL;
  double mg = 0;

  if (setlocale (LC_NUMERIC, "es_ES.UTF-8") == NULL)
    {
      g_test_skip ("es_ES.UTF-8 is not installed (build-aux/ldn-dev test generates it)");
      return;
    }

  g_assert_true (ldn_dose_parse ("4.5", &mg, &error));
  g_assert_cmpfloat (mg, ==, 4.5);
  g_assert_false (ldn_dose_parse ("0,5", &mg, &error));
  g_assert_nonnull (strstr (error->message, "0.5"));
  g_clear_error (&error);
  g_assert_false (ldn_dose_parse ("60", &mg, &error));
  g_assert_nonnull (strstr (error->message, "between 0.5 and 50 mg"));

  setlocale (LC_NUMERIC, "C");
}

/* People in the window type the locale's way. */
static void
test_parse_for_people (void)
{
  g_autoptr(GError) error = NULL;
  double mg = 0;

  g_assert_true (ldn_dose_parse_for_people (" 4.5 mg ", &mg, &error));
  g_assert_cmpfloat (mg, ==, 4.5);
  g_assert_false (ldn_dose_parse_for_people ("0x10", &mg, &error));
  g_assert_error (error, LDN_DOSE_ERROR, LDN_DOSE_ERROR_INVALID);
  g_clear_error (&error);

  if (setlocale (LC_NUMERIC, "es_ES.UTF-8") == NULL)
    {
      g_test_skip ("es_ES.UTF-8 is not installed (build-aux/ldn-dev test generates it)");
      return;
    }

  g_assert_true (ldn_dose_parse_for_people ("0,5", &mg, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (mg, ==, 0.5);
  g_assert_true (ldn_dose_parse_for_people ("4.5", &mg, &error));
  g_assert_cmpfloat (mg, ==, 4.5);
  g_assert_false (ldn_dose_parse_for_people ("1e1", &mg, &error));
  /* The example is written as the person writes numbers. */
  g_assert_nonnull (strstr (error->message, "4,5"));
  g_clear_error (&error);
  g_assert_false (ldn_dose_parse_for_people ("0,25", &mg, &error));
  g_assert_nonnull (strstr (error->message, "0,5"));

  setlocale (LC_NUMERIC, "C");
}

static void
test_options (void)
{
  g_autoptr(LdnDoseScenario) scenario = ldn_dose_scenario_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpfloat (ldn_dose_scenario_get_dose_mg (scenario), ==, 4.5);
  g_assert_true (ldn_dose_scenario_parse_options (scenario, "1.5", "nightly", NULL, "08:30", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (ldn_dose_scenario_get_dose_mg (scenario), ==, 1.5);
  g_assert_true (ldn_dose_scenario_get_nightly (scenario));
  g_assert_cmpuint (ldn_dose_scenario_get_days (scenario), ==, 14);
  g_assert_cmpuint (ldn_dose_scenario_get_dose_minute (scenario), ==, 8 * 60 + 30);

  /* A mistake changes nothing. */
  g_assert_false (ldn_dose_scenario_parse_options (scenario, "3", "single", "31", NULL, &error));
  g_assert_error (error, LDN_DOSE_ERROR, LDN_DOSE_ERROR_INVALID);
  g_assert_cmpfloat (ldn_dose_scenario_get_dose_mg (scenario), ==, 1.5);
  g_assert_true (ldn_dose_scenario_get_nightly (scenario));
}

/* One scenario per settings, kept in step with the keys both ways. */
static void
test_bound_to_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LdnDoseScenario *scenario = ldn_dose_scenario_get_for_settings (settings);
  g_autofree char *schedule = NULL;

  g_settings_reset (settings, "dose-mg");
  g_assert_true (ldn_dose_scenario_get_for_settings (settings) == scenario);
  g_assert_cmpfloat (ldn_dose_scenario_get_dose_mg (scenario), ==, 4.5);

  g_settings_set_double (settings, "dose-mg", 3.0);
  g_assert_cmpfloat (ldn_dose_scenario_get_dose_mg (scenario), ==, 3.0);

  ldn_dose_scenario_set_dose_mg (scenario, 1.5);
  ldn_dose_scenario_set_nightly (scenario, TRUE);
  ldn_dose_scenario_set_days (scenario, 14);
  ldn_dose_scenario_set_dose_minute (scenario, 60);
  g_assert_cmpfloat (g_settings_get_double (settings, "dose-mg"), ==, 1.5);
  schedule = g_settings_get_string (settings, "dose-schedule");
  g_assert_cmpstr (schedule, ==, "nightly");
  g_assert_cmpint (g_settings_get_int (settings, "timeline-days"), ==, 14);
  g_assert_cmpint (g_settings_get_int (settings, "dose-minute"), ==, 60);

  g_settings_reset (settings, "dose-mg");
  g_settings_reset (settings, "dose-schedule");
  g_settings_reset (settings, "timeline-days");
  g_settings_reset (settings, "dose-minute");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dose-scenario/parse-for-files", test_parse_for_files);
  g_test_add_func ("/dose-scenario/parse-for-files-ignores-locale", test_parse_for_files_ignores_locale);
  g_test_add_func ("/dose-scenario/parse-for-people", test_parse_for_people);
  g_test_add_func ("/dose-scenario/options", test_options);
  g_test_add_func ("/dose-scenario/bound-to-settings", test_bound_to_settings);

  return g_test_run ();
}

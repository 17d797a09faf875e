/* test-occupancy-model.c: the model reproduces the published numbers.
 *
 * Reference values are from shared/evidence/occupancy-model.md (they came
 * from a numerical integration, so the closed form may differ by tenths).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "content/ldn-content-store.h"
#include "model/ldn-occupancy-model.h"

static LdnContentStore *store;
static LdnOccupancyModel *model;

static double
occupancy (LdnHypothesis hypothesis,
           double        dose_mg,
           guint         n_doses,
           double        hours)
{
  LdnDoseSchedule schedule = { dose_mg, n_doses, 24 };

  return ldn_occupancy_model_occupancy_at (model, ldn_occupancy_model_get_central (model, hypothesis),
                                           &schedule, hours);
}

static void
test_reference_table (void)
{
  static const double hours[] = { 1, 2, 4, 8, 12, 24, 48 };
  static const struct { double dose; double values[7]; } table[] = {
    { 1.5, { 7.9, 15.8, 24.9, 31.2, 31.5, 23.3, NAN } },
    { 3.0, { 14.6, 27.2, 39.9, 47.6, 47.9, 37.8, NAN } },
    { 4.5, { 20.4, 36.0, 49.9, 57.6, 57.9, 47.7, NAN } },
    { 50.0, { 74.0, 86.2, 91.7, 93.8, 93.9, 91.0, 75.0 } },
  };

  for (guint r = 0; r < G_N_ELEMENTS (table); r++)
    for (guint c = 0; c < G_N_ELEMENTS (hours); c++)
      {
        double expected = table[r].values[c];
        double got;

        if (isnan (expected))
          continue;
        got = occupancy (LDN_HYPOTHESIS_SUSTAINED, table[r].dose, 1, hours[c]);
        if (fabs (got - expected) > 1.0)
          g_error ("sustained %g mg at %g h: %.2f, reference %.1f", table[r].dose, hours[c], got, expected);
      }
}

static void
test_transient_and_three_hour_values (void)
{
  static const struct { double hours, expected; } transient[] = { { 1, 52 }, { 4, 40 }, { 12, 15 }, { 24, 2 } };
  static const struct { double dose, expected; } at_three[] = { { 2, 26.4 }, { 5, 47.2 }, { 15, 72.9 }, { 50, 90.0 } };

  for (guint i = 0; i < G_N_ELEMENTS (transient); i++)
    g_assert_cmpfloat_with_epsilon (occupancy (LDN_HYPOTHESIS_TRANSIENT, 4.5, 1, transient[i].hours),
                                    transient[i].expected, 1.0);

  for (guint i = 0; i < G_N_ELEMENTS (at_three); i++)
    {
      g_assert_cmpfloat_with_epsilon (occupancy (LDN_HYPOTHESIS_SUSTAINED, at_three[i].dose, 1, 3),
                                      at_three[i].expected, 1.0);
      g_assert_cmpfloat_with_epsilon (occupancy (LDN_HYPOTHESIS_TRANSIENT, at_three[i].dose, 1, 3),
                                      at_three[i].expected, 1.0);
    }

  /* The two hypotheses part ways later: only one keeps 50 mg blocked at 48 h. */
  g_assert_cmpfloat (occupancy (LDN_HYPOTHESIS_SUSTAINED, 50, 1, 48), >, 70);
  g_assert_cmpfloat (occupancy (LDN_HYPOTHESIS_TRANSIENT, 50, 1, 48), <, 5);
}

static void
test_fits_published_pet_points (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) points = ldn_content_store_list_pet_points (store, &error);

  g_assert_no_error (error);

  for (LdnHypothesis h = LDN_HYPOTHESIS_SUSTAINED; h <= LDN_HYPOTHESIS_TRANSIENT; h++)
    {
      double squares = 0;
      guint n = 0;

      for (guint i = 0; i < points->len; i++)
        {
          const LdnPetPoint *point = &g_array_index (points, LdnPetPoint, i);

          /* The scans were taken "< 8 h" after the dose; the central
           * parameters assume 3 h (occupancy-model.md), so compare there. */
          if (point->hours_min > 3 || point->hours_max < 3)
            continue;
          squares += pow (occupancy (h, point->dose_mg, 1, 3) - point->occupancy, 2);
          n++;
        }

      g_assert_cmpuint (n, ==, 7);
      g_test_message ("RMSE against the PET points (taken < 8 h, compared at 3 h), %s: %.2f points",
                      h == LDN_HYPOTHESIS_SUSTAINED ? "sustained" : "transient", sqrt (squares / n));
      g_assert_cmpfloat (sqrt (squares / n), <=, 8.0);
    }
}

static void
test_monotonic_in_dose (void)
{
  static const double hours[] = { 0.5, 1, 3, 8, 24, 72 };

  for (LdnHypothesis h = LDN_HYPOTHESIS_SUSTAINED; h <= LDN_HYPOTHESIS_TRANSIENT; h++)
    for (guint t = 0; t < G_N_ELEMENTS (hours); t++)
      {
        double previous = -1;

        for (double dose = LDN_DOSE_MIN_MG; dose <= LDN_DOSE_MAX_MG; dose += 0.5)
          {
            double value = occupancy (h, dose, 1, hours[t]);

            g_assert_cmpfloat (value, >=, previous);
            g_assert_cmpfloat (value, <=, 100);
            previous = value;
          }
      }
}

static double
concentration_from (double occupancy_percent,
                    double ec50)
{
  return ec50 * occupancy_percent / (100 - occupancy_percent);
}

static void
test_nightly_doses_add_up (void)
{
  const LdnEffectParameters *central = ldn_occupancy_model_get_central (model, LDN_HYPOTHESIS_SUSTAINED);

  /* Two nightly doses: the effect-site amount is the sum of two singles. */
  for (double t = 25; t < 72; t += 3.5)
    {
      double both = concentration_from (occupancy (LDN_HYPOTHESIS_SUSTAINED, 4.5, 2, t), central->ec50_ng_ml);
      double first = concentration_from (occupancy (LDN_HYPOTHESIS_SUSTAINED, 4.5, 1, t), central->ec50_ng_ml);
      double second = concentration_from (occupancy (LDN_HYPOTHESIS_SUSTAINED, 4.5, 1, t - 24), central->ec50_ng_ml);

      g_assert_cmpfloat_with_epsilon (both, first + second, 1e-9);
    }

  /* So a nightly dose builds up: the seventh night peaks above the first. */
  g_assert_cmpfloat (occupancy (LDN_HYPOTHESIS_SUSTAINED, 4.5, 7, 6 * 24 + 10),
                     >, occupancy (LDN_HYPOTHESIS_SUSTAINED, 4.5, 1, 10) + 5);
}

static void
test_curve_matches_closed_form (void)
{
  LdnDoseSchedule schedule = { 3, 14, 24 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnOccupancyCurve) curve = ldn_occupancy_model_compute_curve (model, &schedule, 14 * 24, 1 / 60.0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (curve->n_points, ==, 14 * 24 * 60 + 1);

  for (guint i = 0; i < curve->n_points; i += 97)
    {
      double t = i * curve->step_h;

      g_assert_cmpfloat_with_epsilon (curve->sustained[i], occupancy (LDN_HYPOTHESIS_SUSTAINED, 3, 14, t), 1e-6);
      g_assert_cmpfloat_with_epsilon (curve->transient[i], occupancy (LDN_HYPOTHESIS_TRANSIENT, 3, 14, t), 1e-6);
      g_assert_cmpfloat (curve->sustained_low[i], <=, curve->sustained[i] + 1e-9);
      g_assert_cmpfloat (curve->sustained_high[i], >=, curve->sustained[i] - 1e-9);
    }

  /* The band is real: the nine fits disagree after the first hours. */
  g_assert_cmpfloat (curve->sustained_high[24 * 60] - curve->sustained_low[24 * 60], >, 3);
}

static void
test_summary (void)
{
  LdnDoseSchedule schedule = { 4.5, 1, 24 };
  g_autoptr(LdnOccupancyCurve) curve = ldn_occupancy_model_compute_curve (model, &schedule, 48, 1 / 60.0, NULL);
  LdnOccupancySummary summary;

  ldn_occupancy_curve_summarize (curve, &schedule, &summary);
  g_assert_cmpfloat_with_epsilon (summary.peak, 58.0, 1.0);
  g_assert_cmpfloat (summary.peak_hours, >, 8);
  g_assert_cmpfloat (summary.peak_hours, <, 14);
  g_assert_cmpfloat (summary.hours_above_half, >, 10);
  g_assert_cmpfloat_with_epsilon (summary.at_24_hours_after_last_dose, 47.7, 1.0);
}

static void
test_bad_input_is_refused (void)
{
  static const LdnDoseSchedule bad[] = {
    { 0.4, 1, 24 }, { 50.5, 1, 24 }, { NAN, 1, 24 }, { 3, 0, 24 }, { 3, LDN_MAX_DOSES + 1, 24 }, { 3, 2, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LdnOccupancyCurve) curve = ldn_occupancy_model_compute_curve (model, &bad[i], 24, 0.1, &error);

      g_assert_null (curve);
      g_assert_nonnull (error);
      g_assert_true (error->domain == LDN_MODEL_ERROR);
    }

  {
    LdnDoseSchedule schedule = { 60, 1, 24 };
    g_autoptr(GError) error = NULL;

    g_assert_false (ldn_dose_schedule_check (&schedule, &error));
    g_assert_error (error, LDN_MODEL_ERROR, LDN_MODEL_ERROR_INVALID_DOSE);
    g_assert_cmpstr (error->message, ==, "The dose must be between 0.5 and 50 mg, not 60 mg.");
  }

  {
    LdnDoseSchedule schedule = { 3, 1, 24 };
    g_autoptr(GError) error = NULL;

    g_assert_null (ldn_occupancy_model_compute_curve (model, &schedule, -1, 0.1, &error));
    g_assert_error (error, LDN_MODEL_ERROR, LDN_MODEL_ERROR_INVALID_SPAN);
  }

  {
    LdnPharmacokinetics pk = { 3.037, 0.1733, 0.3163 };
    LdnEffectParameters two_central[] = {
      { LDN_HYPOTHESIS_SUSTAINED, TRUE, 0.185, 0.053 },
      { LDN_HYPOTHESIS_SUSTAINED, TRUE, 0.2, 0.05 },
      { LDN_HYPOTHESIS_TRANSIENT, TRUE, 1.123, 20 },
    };
    g_autoptr(GError) error = NULL;

    g_assert_null (ldn_occupancy_model_new (&pk, two_central, 3, &error));
    g_assert_error (error, LDN_MODEL_ERROR, LDN_MODEL_ERROR_INVALID_PARAMETERS);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  path = ldn_content_store_dup_default_path ();
  store = ldn_content_store_new (path, NULL, &error);
  g_assert_no_error (error);
  model = ldn_content_store_load_occupancy_model (store, &error);
  g_assert_no_error (error);

  g_test_add_func ("/occupancy-model/reference-table", test_reference_table);
  g_test_add_func ("/occupancy-model/transient-and-three-hour-values", test_transient_and_three_hour_values);
  g_test_add_func ("/occupancy-model/fits-published-pet-points", test_fits_published_pet_points);
  g_test_add_func ("/occupancy-model/monotonic-in-dose", test_monotonic_in_dose);
  g_test_add_func ("/occupancy-model/nightly-doses-add-up", test_nightly_doses_add_up);
  g_test_add_func ("/occupancy-model/curve-matches-closed-form", test_curve_matches_closed_form);
  g_test_add_func ("/occupancy-model/summary", test_summary);
  g_test_add_func ("/occupancy-model/bad-input-is-refused", test_bad_input_is_refused);

  result = g_test_run ();
  ldn_occupancy_model_free (model);
  g_clear_object (&store);

  return result;
}

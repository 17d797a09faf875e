/* test-diary-plan.c: the occupancy estimate for the person's own plan is the
 * timeline's model for the doses they entered, missed ones left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "content/ldn-content-store.h"
#include "model/ldn-diary-plan.h"

static LdnOccupancyModel *model;

static GDate
day (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static GDate
plus (GDate date, int days)
{
  g_date_add_days (&date, days);
  return date;
}

/* 14 nights of 4.5 mg at 22:00, nothing missed: exactly the timeline's
 * curve for the same nightly schedule, band included. */
static void
test_regular_plan_matches_model (void)
{
  g_autoptr(LdnDiary) diary = ldn_diary_new ();
  GDate start = day (2027, 3, 1), end = plus (start, 13);
  g_autoptr(GArray) doses = NULL;
  g_autoptr(LdnOccupancyCurve) plan = NULL;
  g_autoptr(LdnOccupancyCurve) reference = NULL;
  g_autoptr(GError) error = NULL;
  const LdnDoseSchedule nightly = { 4.5, 14, 24 };

  diary->has_start = TRUE;
  diary->start = start;
  g_ptr_array_add (diary->plan, ldn_diary_plan_step_new (&start, 4.5, 22 * 60));
  doses = ldn_diary_plan_list_doses (diary, &start, &end);
  g_assert_cmpuint (doses->len, ==, 14);
  g_assert_cmpfloat (g_array_index (doses, LdnPlannedDose, 0).hours, ==, 22);
  g_assert_cmpfloat (g_array_index (doses, LdnPlannedDose, 13).hours, ==, 13 * 24 + 22);

  /* The plan's curve starts at midnight; the model's at the first dose. */
  plan = ldn_diary_plan_compute_curve (model, (LdnPlannedDose *) (void *) doses->data, doses->len, 16 * 24, 0.5,
                                       &error);
  g_assert_no_error (error);
  reference = ldn_occupancy_model_compute_curve (model, &nightly, 16 * 24 - 22, 0.5, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < reference->n_points; i += 7)
    {
      guint j = i + 44;  /* 22 h in half hours */

      g_assert_cmpfloat_with_epsilon (plan->sustained[j], reference->sustained[i], 1e-3);
      g_assert_cmpfloat_with_epsilon (plan->sustained_low[j], reference->sustained_low[i], 1e-3);
      g_assert_cmpfloat_with_epsilon (plan->sustained_high[j], reference->sustained_high[i], 1e-3);
      g_assert_cmpfloat_with_epsilon (plan->transient[j], reference->transient[i], 1e-3);
      g_assert_cmpfloat (plan->sustained_low[j], <=, plan->sustained[j] + 1e-9);
      g_assert_cmpfloat (plan->sustained[j], <=, plan->sustained_high[j] + 1e-9);
    }
  /* Before the first dose: nothing. */
  g_assert_cmpfloat (plan->sustained[0], ==, 0);
}

/* A missed night has no dose, and the estimate the next morning is lower
 * than with the dose. */
static void
test_missed_dose_left_out (void)
{
  g_autoptr(LdnDiary) diary = ldn_diary_new ();
  GDate start = day (2027, 3, 1), end = plus (start, 9), missed = plus (start, 5);
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) taken = NULL;
  g_autoptr(LdnOccupancyCurve) with_all = NULL;
  g_autoptr(LdnOccupancyCurve) with_taken = NULL;
  LdnDiaryEntry *entry;
  double morning = 5 * 24 + 22 + 8;

  diary->has_start = TRUE;
  diary->start = start;
  g_ptr_array_add (diary->plan, ldn_diary_plan_step_new (&start, 3, 22 * 60));
  all = ldn_diary_plan_list_doses (diary, &start, &end);
  entry = ldn_diary_entry_new (&missed);
  entry->dose_taken = LDN_DIARY_DOSE_MISSED;
  g_ptr_array_add (diary->entries, entry);
  {
    GDate other = plus (start, 6);

    entry = ldn_diary_entry_new (&other);
    entry->dose_taken = LDN_DIARY_DOSE_TAKEN;
    g_ptr_array_add (diary->entries, entry);
  }
  taken = ldn_diary_plan_list_doses (diary, &start, &end);
  g_assert_cmpuint (all->len, ==, 10);
  g_assert_cmpuint (taken->len, ==, 9);
  for (guint i = 0; i < taken->len; i++)
    g_assert_cmpfloat (g_array_index (taken, LdnPlannedDose, i).hours, !=, 5 * 24 + 22);

  with_all = ldn_diary_plan_compute_curve (model, (LdnPlannedDose *) (void *) all->data, all->len, 10 * 24, 1, NULL);
  with_taken = ldn_diary_plan_compute_curve (model, (LdnPlannedDose *) (void *) taken->data, taken->len, 10 * 24, 1,
                                             NULL);
  g_assert_cmpfloat (ldn_occupancy_curve_sample (with_taken, with_taken->sustained, morning), <,
                     ldn_occupancy_curve_sample (with_all, with_all->sustained, morning) - 1);
  /* Before the missed night the two agree. */
  g_assert_cmpfloat_with_epsilon (ldn_occupancy_curve_sample (with_taken, with_taken->sustained, 5 * 24 + 20),
                                  ldn_occupancy_curve_sample (with_all, with_all->sustained, 5 * 24 + 20), 1e-9);
}

/* A change of dose on its date, at its own time; nothing before the start. */
static void
test_dose_change (void)
{
  g_autoptr(LdnDiary) diary = ldn_diary_new ();
  GDate start = day (2027, 12, 30), change = day (2028, 1, 2), from = day (2027, 12, 28), to = day (2028, 1, 3);
  g_autoptr(GArray) doses = NULL;
  g_autoptr(GError) error = NULL;
  LdnPlannedDose bad = { 10, 60 };
  g_autoptr(LdnOccupancyCurve) refused = NULL;

  diary->has_start = TRUE;
  diary->start = start;
  g_ptr_array_add (diary->plan, ldn_diary_plan_step_new (&start, 1.5, 21 * 60));
  g_ptr_array_add (diary->plan, ldn_diary_plan_step_new (&change, 3, 22 * 60 + 30));
  doses = ldn_diary_plan_list_doses (diary, &from, &to);
  g_assert_cmpuint (doses->len, ==, 5);
  g_assert_cmpfloat (g_array_index (doses, LdnPlannedDose, 0).hours, ==, 2 * 24 + 21);
  g_assert_cmpfloat (g_array_index (doses, LdnPlannedDose, 2).dose_mg, ==, 1.5);
  g_assert_cmpfloat (g_array_index (doses, LdnPlannedDose, 3).dose_mg, ==, 3);
  g_assert_cmpfloat (g_array_index (doses, LdnPlannedDose, 3).hours, ==, 5 * 24 + 22.5);

  /* Out of the model's range: refused, not extrapolated. */
  bad.dose_mg = 0.1;
  refused = ldn_diary_plan_compute_curve (model, &bad, 1, 48, 1, &error);
  g_assert_null (refused);
  g_assert_error (error, LDN_MODEL_ERROR, LDN_MODEL_ERROR_INVALID_DOSE);
}

static void
test_no_plan (void)
{
  g_autoptr(LdnDiary) diary = ldn_diary_new ();
  GDate from = day (2027, 1, 1), to = day (2027, 1, 10);
  g_autoptr(GArray) doses = ldn_diary_plan_list_doses (diary, &from, &to);
  g_autoptr(LdnOccupancyCurve) curve = ldn_diary_plan_compute_curve (model, NULL, 0, 48, 1, NULL);

  g_assert_cmpuint (doses->len, ==, 0);
  g_assert_nonnull (curve);
  g_assert_cmpfloat (curve->sustained_high[curve->n_points - 1], ==, 0);
}

int
main (int argc, char **argv)
{
  g_autofree char *path = ldn_content_store_dup_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnContentStore) content = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);
  content = ldn_content_store_new (path, NULL, &error);
  g_assert_no_error (error);
  model = ldn_content_store_load_occupancy_model (content, &error);
  g_assert_no_error (error);

  g_test_add_func ("/diary-plan/regular-plan-matches-model", test_regular_plan_matches_model);
  g_test_add_func ("/diary-plan/missed-dose-left-out", test_missed_dose_left_out);
  g_test_add_func ("/diary-plan/dose-change", test_dose_change);
  g_test_add_func ("/diary-plan/no-plan", test_no_plan);
  result = g_test_run ();
  ldn_occupancy_model_free (model);
  return result;
}

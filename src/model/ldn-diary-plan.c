/* ldn-diary-plan.c: the occupancy model estimate for the person's own plan
 *
 * Each set's occupancy is 100 r / (1 + r) with r its effect-site
 * concentration over EC50, and r is linear in the doses: the single-dose
 * occupancy o of each dose gives its r = o / (100 - o), the doses' r add
 * up, and the sum gives the occupancy. That uses only the model's public
 * closed form, so the plan's curve is the timeline's model exactly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ldn-diary-plan.h"

/* After this long a dose adds nothing visible (under 1e-6 of its peak for
 * any published parameter set); skipping it keeps a long plan cheap. */
#define DOSE_HORIZON_H (24.0 * 21)

GArray *
ldn_diary_plan_list_doses (const LdnDiary *diary,
                           const GDate    *from,
                           const GDate    *to)
{
  GArray *doses = g_array_new (FALSE, FALSE, sizeof (LdnPlannedDose));
  guint32 first, last, origin;
  guint entry = 0;

  g_return_val_if_fail (diary != NULL && from != NULL && to != NULL, doses);
  if (diary->plan->len == 0 || !g_date_valid (from) || !g_date_valid (to))
    return doses;

  origin = g_date_get_julian (from);
  first = MAX (origin, g_date_get_julian (&((LdnDiaryPlanStep *) g_ptr_array_index (diary->plan, 0))->from));
  if (diary->has_start && g_date_valid (&diary->start))
    first = MAX (first, g_date_get_julian (&diary->start));
  last = g_date_get_julian (to);

  for (guint32 day = first; day <= last; day++)
    {
      const LdnDiaryPlanStep *step = NULL;
      gboolean missed = FALSE;
      LdnPlannedDose dose;

      for (guint i = 0; i < diary->plan->len; i++)
        {
          const LdnDiaryPlanStep *candidate = g_ptr_array_index (diary->plan, i);

          if (g_date_get_julian (&candidate->from) <= day)
            step = candidate;
        }
      if (step == NULL)
        continue;
      /* Entries are sorted by date: walk them along with the days. */
      while (entry < diary->entries->len &&
             g_date_get_julian (&((LdnDiaryEntry *) g_ptr_array_index (diary->entries, entry))->date) < day)
        entry++;
      if (entry < diary->entries->len)
        {
          const LdnDiaryEntry *e = g_ptr_array_index (diary->entries, entry);

          missed = g_date_get_julian (&e->date) == day && e->dose_taken == LDN_DIARY_DOSE_MISSED;
        }
      if (missed)
        continue;
      dose.hours = (day - origin) * 24.0 + step->minutes / 60.0;
      dose.dose_mg = step->dose_mg;
      g_array_append_val (doses, dose);
    }
  return doses;
}

/* r of one dose for SET, SINCE hours after it. */
static double
single_ratio (const LdnOccupancyModel   *model,
              const LdnEffectParameters *set,
              double                     dose_mg,
              double                     since)
{
  const LdnDoseSchedule single = { dose_mg, 1, 24 };
  double occupancy;

  if (since <= 0 || since > DOSE_HORIZON_H)
    return 0;
  occupancy = ldn_occupancy_model_occupancy_at (model, set, &single, since);
  return occupancy >= 100 ? 1e12 : occupancy / (100 - occupancy);
}

static double
occupancy_from_ratio (double r)
{
  return r <= 0 ? 0 : 100 * r / (1 + r);
}

LdnOccupancyCurve *
ldn_diary_plan_compute_curve (const LdnOccupancyModel *model,
                              const LdnPlannedDose    *doses,
                              guint                    n_doses,
                              double                   span_h,
                              double                   step_h,
                              GError                 **error)
{
  g_autoptr(LdnOccupancyCurve) curve = NULL;
  const LdnEffectParameters *central, *transient;
  guint n_sets;

  g_return_val_if_fail (model != NULL && (doses != NULL || n_doses == 0), NULL);

  for (guint i = 0; i < n_doses; i++)
    {
      const LdnDoseSchedule check = { doses[i].dose_mg, 1, 24 };

      if (!ldn_dose_schedule_check (&check, error))
        return NULL;
    }
  if (!(span_h > 0 && span_h <= 400 * 24.0 && step_h > 0 && span_h / step_h <= 1e6))
    {
      g_set_error (error, LDN_MODEL_ERROR, LDN_MODEL_ERROR_INVALID_SPAN,
                   "The time span must be more than 0 and at most %g hours, in steps of more than 0.", 400 * 24.0);
      return NULL;
    }

  central = ldn_occupancy_model_get_central (model, LDN_HYPOTHESIS_SUSTAINED);
  transient = ldn_occupancy_model_get_central (model, LDN_HYPOTHESIS_TRANSIENT);
  n_sets = ldn_occupancy_model_get_n_sets (model);

  curve = g_new0 (LdnOccupancyCurve, 1);
  curve->n_points = (guint) floor (span_h / step_h + 1e-9) + 1;
  curve->capacity = curve->n_points;
  curve->step_h = step_h;
  curve->sustained = g_new (double, curve->n_points);
  curve->sustained_low = g_new (double, curve->n_points);
  curve->sustained_high = g_new (double, curve->n_points);
  curve->transient = g_new (double, curve->n_points);

  for (guint p = 0; p < curve->n_points; p++)
    {
      double t = p * step_h, lowest = G_MAXDOUBLE, highest = -G_MAXDOUBLE, r_central = 0, r_transient = 0;

      for (guint s = 0; s < n_sets; s++)
        {
          const LdnEffectParameters *set = ldn_occupancy_model_get_set (model, s);
          double r = 0;

          for (guint i = 0; i < n_doses; i++)
            r += single_ratio (model, set, doses[i].dose_mg, t - doses[i].hours);
          if (set == central)
            r_central = r;
          if (set == transient)
            r_transient = r;
          if (set->hypothesis == LDN_HYPOTHESIS_SUSTAINED)
            {
              lowest = MIN (lowest, r);
              highest = MAX (highest, r);
            }
        }
      curve->sustained[p] = occupancy_from_ratio (r_central);
      curve->transient[p] = occupancy_from_ratio (r_transient);
      curve->sustained_low[p] = occupancy_from_ratio (lowest);
      curve->sustained_high[p] = occupancy_from_ratio (highest);
    }

  return g_steal_pointer (&curve);
}

/* ldn-occupancy-model.c
 *
 * For one dose D at time 0, plasma concentration is
 *   C(t) = B (e^-ke t - e^-ka t),  B = D s ka / (ka - ke)
 * and the effect site follows dCe/dt = ke0 (C - Ce), whose solution for
 * an input e^-k t is ke0 (e^-k t - e^-ke0 t) / (ke0 - k). Doses add.
 * Occupancy is 100 Ce / (Ce + EC50).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "ldn-occupancy-model.h"

G_DEFINE_QUARK (ldn-model-error-quark, ldn_model_error)

/* Rates this close would divide by almost zero; nudging one apart
 * changes the result by far less than the model's own uncertainty. */
#define RATE_SEPARATION 1e-6

/* The band is drawn from a handful of fits (nine today). */
#define MAX_SUSTAINED_SETS 32

struct _LdnOccupancyModel
{
  LdnPharmacokinetics  pk;
  LdnEffectParameters *sets;
  guint                n_sets;
};

static double
separated (double ke0,
           double k)
{
  return fabs (ke0 - k) < RATE_SEPARATION ? k + RATE_SEPARATION : ke0;
}

LdnOccupancyModel *
ldn_occupancy_model_new (const LdnPharmacokinetics *pk,
                         const LdnEffectParameters *sets,
                         guint                      n_sets,
                         GError                   **error)
{
  LdnOccupancyModel *model;
  guint central[2] = { 0, 0 };

  g_return_val_if_fail (pk != NULL, NULL);
  g_return_val_if_fail (sets != NULL || n_sets == 0, NULL);

  if (!(pk->ka_per_h > 0 && pk->ke_per_h > 0 && pk->scale_ng_ml_per_mg > 0) ||
      fabs (pk->ka_per_h - pk->ke_per_h) < RATE_SEPARATION)
    {
      g_set_error_literal (error, LDN_MODEL_ERROR, LDN_MODEL_ERROR_INVALID_PARAMETERS,
                           "The pharmacokinetic rates must be positive and different.");
      return NULL;
    }

  for (guint i = 0; i < n_sets; i++)
    {
      if (!(sets[i].ec50_ng_ml > 0 && sets[i].ke0_per_h > 0) || sets[i].hypothesis > LDN_HYPOTHESIS_TRANSIENT)
        {
          g_set_error (error, LDN_MODEL_ERROR, LDN_MODEL_ERROR_INVALID_PARAMETERS,
                       "Parameter set %u has a non-positive EC50 or ke0.", i + 1);
          return NULL;
        }
      central[sets[i].hypothesis] += sets[i].central ? 1 : 0;
    }

  if (central[LDN_HYPOTHESIS_SUSTAINED] != 1 || central[LDN_HYPOTHESIS_TRANSIENT] != 1)
    {
      g_set_error_literal (error, LDN_MODEL_ERROR, LDN_MODEL_ERROR_INVALID_PARAMETERS,
                           "Each hypothesis needs exactly one central parameter set.");
      return NULL;
    }

  model = g_new0 (LdnOccupancyModel, 1);
  model->pk = *pk;
  model->sets = g_memdup2 (sets, sizeof (LdnEffectParameters) * n_sets);
  model->n_sets = n_sets;

  return model;
}

void
ldn_occupancy_model_free (LdnOccupancyModel *model)
{
  if (model == NULL)
    return;

  g_free (model->sets);
  g_free (model);
}

const LdnEffectParameters *
ldn_occupancy_model_get_central (const LdnOccupancyModel *model,
                                 LdnHypothesis            hypothesis)
{
  g_return_val_if_fail (model != NULL, NULL);

  for (guint i = 0; i < model->n_sets; i++)
    if (model->sets[i].hypothesis == hypothesis && model->sets[i].central)
      return &model->sets[i];

  g_return_val_if_reached (NULL);
}

gboolean
ldn_dose_schedule_check (const LdnDoseSchedule *schedule,
                         GError               **error)
{
  g_return_val_if_fail (schedule != NULL, FALSE);

  if (!(schedule->dose_mg >= LDN_DOSE_MIN_MG && schedule->dose_mg <= LDN_DOSE_MAX_MG))
    {
      g_set_error (error, LDN_MODEL_ERROR, LDN_MODEL_ERROR_INVALID_DOSE,
                   "The dose must be between %g and %g mg, not %g mg.",
                   LDN_DOSE_MIN_MG, LDN_DOSE_MAX_MG, schedule->dose_mg);
      return FALSE;
    }

  if (schedule->n_doses < 1 || schedule->n_doses > LDN_MAX_DOSES)
    {
      g_set_error (error, LDN_MODEL_ERROR, LDN_MODEL_ERROR_INVALID_SCHEDULE,
                   "The number of doses must be between 1 and %d, not %u.",
                   LDN_MAX_DOSES, schedule->n_doses);
      return FALSE;
    }

  if (schedule->n_doses > 1 && !(schedule->interval_h >= 1 && schedule->interval_h <= 168))
    {
      g_set_error (error, LDN_MODEL_ERROR, LDN_MODEL_ERROR_INVALID_SCHEDULE,
                   "The time between doses must be between 1 and 168 hours, not %g.",
                   schedule->interval_h);
      return FALSE;
    }

  return TRUE;
}

/* ke0 (e^-k t - e^-ke0 t) / (ke0 - k): the effect site's answer to e^-k t. */
static double
effect_response (double k,
                 double ke0,
                 double t)
{
  ke0 = separated (ke0, k);
  return ke0 * (exp (-k * t) - exp (-ke0 * t)) / (ke0 - k);
}

static double
effect_concentration (const LdnOccupancyModel   *model,
                      const LdnEffectParameters *set,
                      const LdnDoseSchedule     *schedule,
                      double                     hours)
{
  const LdnPharmacokinetics *pk = &model->pk;
  double amplitude = schedule->dose_mg * pk->scale_ng_ml_per_mg * pk->ka_per_h / (pk->ka_per_h - pk->ke_per_h);
  double total = 0;

  for (guint i = 0; i < schedule->n_doses; i++)
    {
      double since = hours - i * schedule->interval_h;

      if (since <= 0)
        break;

      total += amplitude * (effect_response (pk->ke_per_h, set->ke0_per_h, since) -
                            effect_response (pk->ka_per_h, set->ke0_per_h, since));
    }

  return total;
}

static double
occupancy_from_concentration (double concentration,
                              double ec50)
{
  return concentration <= 0 ? 0 : 100 * concentration / (concentration + ec50);
}

double
ldn_occupancy_model_occupancy_at (const LdnOccupancyModel   *model,
                                  const LdnEffectParameters *set,
                                  const LdnDoseSchedule     *schedule,
                                  double                     hours)
{
  g_return_val_if_fail (model != NULL && set != NULL && schedule != NULL, NAN);

  return occupancy_from_concentration (effect_concentration (model, set, schedule, hours), set->ec50_ng_ml);
}

/* The curve walks a uniform grid keeping, per rate k, the sum of
 * e^-k (t - t_i) over the doses given so far: one multiply per rate per
 * point instead of an exp per dose. With E, A and S_j those sums for ke,
 * ka and a set's ke0, the set's effect-site amount over its EC50 is
 * r = a E + b A + g S_j, and occupancy is 100 r / (1 + r). Because that
 * is monotonic in r, the band needs only the smallest and largest r. */
typedef struct {
  double rate;
  double decay;   /* e^-rate step */
  double sum;
  double a, b, g; /* r = a E + b A + g sum */
} EffectState;

static void
effect_state_init (EffectState               *state,
                   const LdnPharmacokinetics *pk,
                   const LdnEffectParameters *set,
                   double                     amplitude,
                   double                     step_h)
{
  double ke0_e = separated (set->ke0_per_h, pk->ke_per_h);
  double ke0_a = separated (set->ke0_per_h, pk->ka_per_h);
  double from_elimination = amplitude * ke0_e / (ke0_e - pk->ke_per_h) / set->ec50_ng_ml;
  double from_absorption = amplitude * ke0_a / (ke0_a - pk->ka_per_h) / set->ec50_ng_ml;

  state->rate = set->ke0_per_h;
  state->decay = exp (-set->ke0_per_h * step_h);
  state->sum = 0;
  state->a = from_elimination;
  state->b = -from_absorption;
  state->g = from_absorption - from_elimination;
}

static inline double
occupancy_from_ratio (double ratio)
{
  return ratio <= 0 ? 0 : 100 * ratio / (1 + ratio);
}

LdnOccupancyCurve *
ldn_occupancy_model_compute_curve (const LdnOccupancyModel *model,
                                   const LdnDoseSchedule   *schedule,
                                   double                   span_h,
                                   double                   step_h,
                                   GError                 **error)
{
  const LdnPharmacokinetics *pk;
  g_autoptr(LdnOccupancyCurve) curve = NULL;
  g_autofree EffectState *sustained = NULL;
  EffectState transient;
  double elimination = 0, absorption = 0, elimination_decay, absorption_decay, amplitude;
  double sums[MAX_SUSTAINED_SETS], decays[MAX_SUSTAINED_SETS];
  double a[MAX_SUSTAINED_SETS], b[MAX_SUSTAINED_SETS], g[MAX_SUSTAINED_SETS];
  guint n_sustained = 0, central = 0, next_dose = 0;

  g_return_val_if_fail (model != NULL && schedule != NULL, NULL);

  if (!ldn_dose_schedule_check (schedule, error))
    return NULL;

  if (!(span_h > 0 && span_h <= LDN_MAX_SPAN_HOURS && step_h > 0 && span_h / step_h <= 1e7))
    {
      g_set_error (error, LDN_MODEL_ERROR, LDN_MODEL_ERROR_INVALID_SPAN,
                   "The time span must be more than 0 and at most %g hours, in steps of more than 0.",
                   LDN_MAX_SPAN_HOURS);
      return NULL;
    }

  pk = &model->pk;
  amplitude = schedule->dose_mg * pk->scale_ng_ml_per_mg * pk->ka_per_h / (pk->ka_per_h - pk->ke_per_h);
  elimination_decay = exp (-pk->ke_per_h * step_h);
  absorption_decay = exp (-pk->ka_per_h * step_h);

  sustained = g_new (EffectState, model->n_sets);
  for (guint s = 0; s < model->n_sets; s++)
    {
      const LdnEffectParameters *set = &model->sets[s];

      if (set->hypothesis == LDN_HYPOTHESIS_TRANSIENT)
        {
          if (set->central)
            effect_state_init (&transient, pk, set, amplitude, step_h);
          continue;
        }
      if (set->central)
        central = n_sustained;
      effect_state_init (&sustained[n_sustained++], pk, set, amplitude, step_h);
    }

  /* Plain local arrays: the compiler keeps them apart from the output. */
  g_return_val_if_fail (n_sustained <= MAX_SUSTAINED_SETS, NULL);
  for (guint s = 0; s < n_sustained; s++)
    {
      sums[s] = 0;
      decays[s] = sustained[s].decay;
      a[s] = sustained[s].a;
      b[s] = sustained[s].b;
      g[s] = sustained[s].g;
    }

  curve = g_new0 (LdnOccupancyCurve, 1);
  curve->step_h = step_h;
  curve->n_points = (guint) floor (span_h / step_h + 1e-9) + 1;
  curve->sustained = g_new (double, curve->n_points);
  curve->sustained_low = g_new (double, curve->n_points);
  curve->sustained_high = g_new (double, curve->n_points);
  curve->transient = g_new (double, curve->n_points);

  for (guint i = 0; i < curve->n_points; i++)
    {
      double t = i * step_h;
      double lowest = G_MAXDOUBLE, highest = -G_MAXDOUBLE, at_central, at_transient;

      /* Doses due by now join each sum already decayed to this point. */
      while (next_dose < schedule->n_doses && next_dose * schedule->interval_h <= t + 1e-9)
        {
          double since = t - next_dose * schedule->interval_h;

          elimination += exp (-pk->ke_per_h * since);
          absorption += exp (-pk->ka_per_h * since);
          transient.sum += exp (-transient.rate * since);
          for (guint s = 0; s < n_sustained; s++)
            sums[s] += exp (-sustained[s].rate * since);
          next_dose++;
        }

      at_central = a[central] * elimination + b[central] * absorption + g[central] * sums[central];
      for (guint s = 0; s < n_sustained; s++)
        {
          double ratio = a[s] * elimination + b[s] * absorption + g[s] * sums[s];

          lowest = MIN (lowest, ratio);
          highest = MAX (highest, ratio);
          sums[s] *= decays[s];
        }
      at_transient = transient.a * elimination + transient.b * absorption + transient.g * transient.sum;
      transient.sum *= transient.decay;

      curve->sustained[i] = occupancy_from_ratio (at_central);
      curve->sustained_low[i] = occupancy_from_ratio (lowest);
      curve->sustained_high[i] = occupancy_from_ratio (highest);
      curve->transient[i] = occupancy_from_ratio (at_transient);

      elimination *= elimination_decay;
      absorption *= absorption_decay;
    }

  return g_steal_pointer (&curve);
}

void
ldn_occupancy_curve_free (LdnOccupancyCurve *curve)
{
  if (curve == NULL)
    return;

  g_free (curve->sustained);
  g_free (curve->sustained_low);
  g_free (curve->sustained_high);
  g_free (curve->transient);
  g_free (curve);
}

double
ldn_occupancy_curve_sample (const LdnOccupancyCurve *curve,
                            const double            *series,
                            double                   hours)
{
  double position;
  guint index;

  g_return_val_if_fail (curve != NULL && series != NULL, NAN);

  position = CLAMP (hours / curve->step_h, 0, curve->n_points - 1);
  index = (guint) position;
  if (index + 1 >= curve->n_points)
    return series[curve->n_points - 1];

  return series[index] + (series[index + 1] - series[index]) * (position - index);
}

void
ldn_occupancy_curve_summarize (const LdnOccupancyCurve *curve,
                               const LdnDoseSchedule   *schedule,
                               LdnOccupancySummary     *summary)
{
  double last_dose_h, after;
  guint above = 0;

  g_return_if_fail (curve != NULL && schedule != NULL && summary != NULL);

  summary->peak = 0;
  summary->peak_hours = 0;
  for (guint i = 0; i < curve->n_points; i++)
    {
      if (curve->sustained[i] > summary->peak)
        {
          summary->peak = curve->sustained[i];
          summary->peak_hours = i * curve->step_h;
        }
      above += curve->sustained[i] > 50 ? 1 : 0;
    }

  summary->hours_above_half = above * curve->step_h;

  last_dose_h = (schedule->n_doses - 1) * schedule->interval_h;
  after = last_dose_h + 24;
  summary->at_24_hours_after_last_dose = after <= (curve->n_points - 1) * curve->step_h + 1e-9
    ? ldn_occupancy_curve_sample (curve, curve->sustained, after)
    : NAN;
}

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

  {
    guint n_sustained = 0;

    for (guint i = 0; i < n_sets; i++)
      n_sustained += sets[i].hypothesis == LDN_HYPOTHESIS_SUSTAINED ? 1 : 0;
    if (n_sustained > MAX_SUSTAINED_SETS)
      {
        g_set_error (error, LDN_MODEL_ERROR, LDN_MODEL_ERROR_INVALID_PARAMETERS,
                     "At most %d sustained parameter sets are supported, not %u.", MAX_SUSTAINED_SETS, n_sustained);
        return NULL;
      }
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

guint
ldn_occupancy_model_get_n_sets (const LdnOccupancyModel *model)
{
  g_return_val_if_fail (model != NULL, 0);

  return model->n_sets;
}

const LdnEffectParameters *
ldn_occupancy_model_get_set (const LdnOccupancyModel *model,
                             guint                    index)
{
  g_return_val_if_fail (model != NULL && index < model->n_sets, NULL);

  return &model->sets[index];
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
/* Two doubles at a time: GCC and Clang turn these into SIMD on any CPU
 * they support, and into plain code elsewhere. */
typedef double Pair __attribute__ ((vector_size (2 * sizeof (double))));
typedef gint64 PairMask __attribute__ ((vector_size (2 * sizeof (gint64))));

static inline Pair
pair_select (PairMask mask,
             Pair     if_true,
             Pair     if_false)
{
  return (Pair) (((PairMask) if_true & mask) | ((PairMask) if_false & ~mask));
}

static inline Pair
pair_max (Pair x,
          Pair y)
{
  return pair_select (x > y, x, y);
}

/* The band's fits, four at a time in single precision: each fit's value
 * is accurate to a few hundredths of a percentage point, far below the
 * spread the band shows, and the central line stays in double. */
typedef float Quad __attribute__ ((vector_size (4 * sizeof (float))));
typedef gint32 QuadMask __attribute__ ((vector_size (4 * sizeof (gint32))));

static inline Quad
quad_select (QuadMask mask,
             Quad     if_true,
             Quad     if_false)
{
  return (Quad) (((QuadMask) if_true & mask) | ((QuadMask) if_false & ~mask));
}

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

static void
curve_reserve (LdnOccupancyCurve *curve,
               guint              n_points)
{
  if (curve->capacity >= n_points)
    return;

  curve->sustained = g_renew (double, curve->sustained, n_points);
  curve->sustained_low = g_renew (double, curve->sustained_low, n_points);
  curve->sustained_high = g_renew (double, curve->sustained_high, n_points);
  curve->transient = g_renew (double, curve->transient, n_points);
  curve->capacity = n_points;
}

LdnOccupancyCurve *
ldn_occupancy_model_compute_curve (const LdnOccupancyModel *model,
                                   const LdnDoseSchedule   *schedule,
                                   double                   span_h,
                                   double                   step_h,
                                   GError                 **error)
{
  g_autoptr(LdnOccupancyCurve) curve = g_new0 (LdnOccupancyCurve, 1);

  if (!ldn_occupancy_model_fill_curve (model, schedule, span_h, step_h, curve, error))
    return NULL;

  return g_steal_pointer (&curve);
}

gboolean
ldn_occupancy_model_fill_curve (const LdnOccupancyModel *model,
                                const LdnDoseSchedule   *schedule,
                                double                   span_h,
                                double                   step_h,
                                LdnOccupancyCurve       *curve,
                                GError                 **error)
{
  const LdnPharmacokinetics *pk;
  g_autofree EffectState *sustained = NULL;
  EffectState transient;
  double elimination = 0, absorption = 0, elimination_decay, absorption_decay, amplitude;
  Quad qsum[MAX_SUSTAINED_SETS / 4 + 1], qdecay[MAX_SUSTAINED_SETS / 4 + 1];
  Quad qa[MAX_SUSTAINED_SETS / 4 + 1], qb[MAX_SUSTAINED_SETS / 4 + 1], qg[MAX_SUSTAINED_SETS / 4 + 1];
  Pair line_a, line_b, line_g, line_decay, line_sum = { 0, 0 };
  guint n_quads, n_points, next_dose_index = 0;
  double *restrict out_sustained, *restrict out_transient, *restrict out_low, *restrict out_high;
  guint n_sustained = 0, central = 0, next_dose = 0;

  g_return_val_if_fail (model != NULL && schedule != NULL && curve != NULL, FALSE);

  if (!ldn_dose_schedule_check (schedule, error))
    return FALSE;

  if (!(span_h > 0 && span_h <= LDN_MAX_SPAN_HOURS && step_h > 0 && span_h / step_h <= 1e7))
    {
      g_set_error (error, LDN_MODEL_ERROR, LDN_MODEL_ERROR_INVALID_SPAN,
                   "The time span must be more than 0 and at most %g hours, in steps of more than 0.",
                   LDN_MAX_SPAN_HOURS);
      return FALSE;
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

  /* Fits go four to a vector; missing lanes repeat the last fit, which
   * leaves the smallest and largest values unchanged. */
  g_return_val_if_fail (n_sustained >= 1 && n_sustained <= MAX_SUSTAINED_SETS, FALSE);
  n_quads = (n_sustained + 3) / 4;
  for (guint s = 0; s < 4 * n_quads; s++)
    {
      const EffectState *state = &sustained[MIN (s, n_sustained - 1)];

      qsum[s / 4][s % 4] = 0;
      qdecay[s / 4][s % 4] = state->decay;
      qa[s / 4][s % 4] = state->a;
      qb[s / 4][s % 4] = state->b;
      qg[s / 4][s % 4] = state->g;
    }
  line_a = (Pair) { sustained[central].a, transient.a };
  line_b = (Pair) { sustained[central].b, transient.b };
  line_g = (Pair) { sustained[central].g, transient.g };
  line_decay = (Pair) { sustained[central].decay, transient.decay };

  curve->step_h = step_h;
  curve->n_points = (guint) floor (span_h / step_h + 1e-9) + 1;
  curve_reserve (curve, curve->n_points);
  /* Local, non-aliasing pointers: the loop need not reload them. */
  out_sustained = curve->sustained;
  out_transient = curve->transient;
  out_low = curve->sustained_low;
  out_high = curve->sustained_high;
  n_points = curve->n_points;

  for (guint i = 0; i < n_points; i++)
    {
      double t = i * step_h;
      double lowest = G_MAXDOUBLE, highest = -G_MAXDOUBLE, at_central, at_transient;

      /* Doses due by now join each sum already decayed to this point. */
      while (i >= next_dose_index)
        {
          double since = t - next_dose * schedule->interval_h;

          elimination += exp (-pk->ke_per_h * since);
          absorption += exp (-pk->ka_per_h * since);
          line_sum += (Pair) { exp (-sustained[central].rate * since), exp (-transient.rate * since) };
          for (guint s = 0; s < 4 * n_quads; s++)
            qsum[s / 4][s % 4] += exp (-sustained[MIN (s, n_sustained - 1)].rate * since);
          next_dose++;
          next_dose_index = next_dose < schedule->n_doses
            ? (guint) ceil (next_dose * schedule->interval_h / step_h - 1e-9)
            : G_MAXUINT;
        }

      /* The central and transient lines, together, in double precision. */
      {
        Pair lines = line_a * (Pair) { elimination, elimination } + line_b * (Pair) { absorption, absorption } +
                     line_g * line_sum;

        at_central = lines[0];
        at_transient = lines[1];
        line_sum *= line_decay;
      }
      {
        Quad e4 = { elimination, elimination, elimination, elimination };
        Quad a4 = { absorption, absorption, absorption, absorption };
        Quad low4 = { G_MAXFLOAT, G_MAXFLOAT, G_MAXFLOAT, G_MAXFLOAT };
        Quad high4 = -low4;

        for (guint k = 0; k < n_quads; k++)
          {
            Quad ratio = qa[k] * e4 + qb[k] * a4 + qg[k] * qsum[k];

            low4 = quad_select (ratio < low4, ratio, low4);
            high4 = quad_select (ratio > high4, ratio, high4);
            qsum[k] *= qdecay[k];
          }
        /* The central fit is one of them, so the band always holds it. */
        lowest = MIN (MIN (MIN (low4[0], low4[1]), MIN (low4[2], low4[3])), at_central);
        highest = MAX (MAX (MAX (high4[0], high4[1]), MAX (high4[2], high4[3])), at_central);
      }

      /* Occupancy is 100 r / (1 + r), never below 0: two at a time. */
      {
        static const Pair zero = { 0, 0 }, one = { 1, 1 }, hundred = { 100, 100 };
        Pair main = pair_max ((Pair) { at_central, at_transient }, zero);
        Pair band = pair_max ((Pair) { lowest, highest }, zero);

        main = hundred * main / (one + main);
        band = hundred * band / (one + band);
        out_sustained[i] = main[0];
        out_transient[i] = main[1];
        out_low[i] = band[0];
        out_high[i] = band[1];
      }

      elimination *= elimination_decay;
      absorption *= absorption_decay;
    }

  return TRUE;
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

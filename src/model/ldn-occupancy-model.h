/* ldn-occupancy-model.h
 *
 * Model estimates of brain mu-opioid receptor occupancy after oral
 * naltrexone: one-compartment pharmacokinetics with first-order
 * absorption, an effect site (ke0) and an Emax occupancy curve, in
 * closed form, for any number of doses (superposition). Parameters come
 * from the content database; see shared/evidence/occupancy-model.md.
 *
 * Pure C and GLib: no GTK, no I/O.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LDN_MODEL_ERROR (ldn_model_error_quark ())

typedef enum {
  LDN_MODEL_ERROR_INVALID_PARAMETERS,
  LDN_MODEL_ERROR_INVALID_DOSE,
  LDN_MODEL_ERROR_INVALID_SCHEDULE,
  LDN_MODEL_ERROR_INVALID_SPAN,
} LdnModelError;

GQuark ldn_model_error_quark (void);

#define LDN_DOSE_MIN_MG       0.5
#define LDN_DOSE_MAX_MG      50.0
#define LDN_MAX_DOSES        60
#define LDN_MAX_SPAN_HOURS (60 * 24.0)

typedef enum {
  LDN_HYPOTHESIS_SUSTAINED,   /* slow brain equilibration: the central estimate */
  LDN_HYPOTHESIS_TRANSIENT,   /* "brief blockade", as commonly described */
} LdnHypothesis;

typedef struct {
  double ka_per_h;            /* absorption rate */
  double ke_per_h;            /* elimination rate */
  double scale_ng_ml_per_mg;  /* plasma concentration scale per mg */
} LdnPharmacokinetics;

typedef struct {
  LdnHypothesis hypothesis;
  gboolean      central;      /* the curve drawn; the others make the band */
  double        ec50_ng_ml;
  double        ke0_per_h;
} LdnEffectParameters;

typedef struct {
  double dose_mg;
  guint  n_doses;             /* 1 for a single dose; nights for a nightly dose */
  double interval_h;          /* between doses; 24 for nightly */
} LdnDoseSchedule;

typedef struct {
  guint   n_points;
  guint   capacity;           /* points the arrays can hold */
  double  step_h;             /* point i is at i * step_h hours after the first dose */
  double *sustained;          /* central estimate, percent */
  double *sustained_low;      /* band: lowest of the sustained parameter sets */
  double *sustained_high;     /* band: highest of them */
  double *transient;
} LdnOccupancyCurve;

typedef struct {
  double peak;                /* percent, sustained central estimate */
  double peak_hours;          /* hours after the first dose */
  double hours_above_half;    /* total time above 50 percent */
  double at_24_hours_after_last_dose;  /* NAN when the span ends before */
} LdnOccupancySummary;

typedef struct _LdnOccupancyModel LdnOccupancyModel;

LdnOccupancyModel *ldn_occupancy_model_new          (const LdnPharmacokinetics *pk,
                                                     const LdnEffectParameters *sets,
                                                     guint                      n_sets,
                                                     GError                   **error);
void               ldn_occupancy_model_free         (LdnOccupancyModel         *model);

gboolean           ldn_dose_schedule_check          (const LdnDoseSchedule     *schedule,
                                                     GError                   **error);

/* One point, straight from the closed form; SET is one of the model's. */
double             ldn_occupancy_model_occupancy_at (const LdnOccupancyModel   *model,
                                                     const LdnEffectParameters *set,
                                                     const LdnDoseSchedule     *schedule,
                                                     double                     hours);
const LdnEffectParameters *
                   ldn_occupancy_model_get_central  (const LdnOccupancyModel   *model,
                                                     LdnHypothesis              hypothesis);

/* The model's parameter sets (the central ones and those of the band). */
guint              ldn_occupancy_model_get_n_sets   (const LdnOccupancyModel   *model);
const LdnEffectParameters *
                   ldn_occupancy_model_get_set      (const LdnOccupancyModel   *model,
                                                     guint                      index);

/* Every hypothesis and the band on a uniform grid from the first dose. */
LdnOccupancyCurve *ldn_occupancy_model_compute_curve (const LdnOccupancyModel  *model,
                                                      const LdnDoseSchedule    *schedule,
                                                      double                    span_h,
                                                      double                    step_h,
                                                      GError                  **error);
/* The same into CURVE, reusing its arrays when they are large enough:
 * repeated curves then cost no fresh memory (and no page faults). */
gboolean           ldn_occupancy_model_fill_curve    (const LdnOccupancyModel  *model,
                                                      const LdnDoseSchedule    *schedule,
                                                      double                    span_h,
                                                      double                    step_h,
                                                      LdnOccupancyCurve        *curve,
                                                      GError                  **error);
void               ldn_occupancy_curve_free          (LdnOccupancyCurve        *curve);
/* Linear interpolation of one of the curve's series at HOURS. */
double             ldn_occupancy_curve_sample        (const LdnOccupancyCurve  *curve,
                                                      const double             *series,
                                                      double                    hours);
void               ldn_occupancy_curve_summarize     (const LdnOccupancyCurve  *curve,
                                                      const LdnDoseSchedule    *schedule,
                                                      LdnOccupancySummary      *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdnOccupancyModel, ldn_occupancy_model_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdnOccupancyCurve, ldn_occupancy_curve_free)

G_END_DECLS

/* ldn-diary-plan.h: the occupancy model estimate for the person's own plan
 *
 * The doses the person typed from the prescription (one a day at the
 * step's time, from the start date, changing on each step's date), with
 * the days they marked as missed left out, run through the same occupancy
 * model and uncertainty band as the timeline. A model estimate for an
 * average person, never a measurement, a target or a suggestion.
 *
 * Pure C and GLib: no GTK, no I/O.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "model/ldn-diary.h"
#include "model/ldn-occupancy-model.h"

G_BEGIN_DECLS

typedef struct {
  double hours;     /* after midnight at the start of FROM */
  double dose_mg;
} LdnPlannedDose;

/* The plan's doses taken on FROM..TO (inclusive), in time order: one a
 * day from the start date (or the first step when there is no start),
 * each day the dose and time of the latest step on or before it; days
 * with an entry marked missed have none. Of LdnPlannedDose. */
GArray            *ldn_diary_plan_list_doses    (const LdnDiary            *diary,
                                                 const GDate               *from,
                                                 const GDate               *to);

/* The estimate on a uniform grid from hour 0 (FROM's midnight) to SPAN_H:
 * the sustained central estimate, its band (lowest and highest of the
 * sustained parameter sets) and the transient idea, by superposing each
 * dose's effect-site concentration. Doses must be within the model's dose
 * range; none at all gives a curve of zeros. */
LdnOccupancyCurve *ldn_diary_plan_compute_curve (const LdnOccupancyModel   *model,
                                                 const LdnPlannedDose      *doses,
                                                 guint                      n_doses,
                                                 double                     span_h,
                                                 double                     step_h,
                                                 GError                   **error);

G_END_DECLS

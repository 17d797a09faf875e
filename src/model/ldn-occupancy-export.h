/* ldn-occupancy-export.h
 *
 * The occupancy curve as CSV: a header, then one row per interval from
 * the first dose, numbers in the C locale so any program can read them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ldn-occupancy-model.h"

G_BEGIN_DECLS

/* The column names are the words of the Timeline's table and legend.
 * Columns added later go at the end, so older readers that take the
 * first five by position keep working. */
#define LDN_OCCUPANCY_CSV_HEADER "Hours after first dose,Estimate (%),Likely range low (%),Likely range high (%)," \
                                 "If the block is brief (%),Day,Time"
#define LDN_OCCUPANCY_CSV_COMPARISON_HEADER ",50 mg: estimate (%)"

/* COMPARISON (50 mg, or NULL) adds its estimate as a last column;
 * DOSE_MINUTE, the first dose's clock time, gives each row's day (from
 * the first dose, as on the chart) and time. */
char *ldn_occupancy_curve_to_csv (const LdnOccupancyCurve *curve,
                                  const LdnOccupancyCurve *comparison,
                                  guint                    dose_minute,
                                  double                   every_h);

G_END_DECLS

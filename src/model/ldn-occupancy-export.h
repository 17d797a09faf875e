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

#define LDN_OCCUPANCY_CSV_HEADER "hours,sustained,sustained_low,sustained_high,transient"

char *ldn_occupancy_curve_to_csv (const LdnOccupancyCurve *curve,
                                  double                   every_h);

G_END_DECLS

/* ldn-occupancy-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "ldn-occupancy-export.h"

static void
append_number (GString    *line,
               const char *format,
               double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_c (line, ',');
  g_string_append (line, g_ascii_formatd (buffer, sizeof buffer, format, value));
}

char *
ldn_occupancy_curve_to_csv (const LdnOccupancyCurve *curve,
                            const LdnOccupancyCurve *comparison,
                            guint                    dose_minute,
                            double                   every_h)
{
  GString *csv;
  double span_h;
  guint rows;

  g_return_val_if_fail (curve != NULL, NULL);
  g_return_val_if_fail (every_h > 0, NULL);

  span_h = (curve->n_points - 1) * curve->step_h;
  rows = (guint) floor (span_h / every_h + 1e-9) + 1;
  csv = g_string_sized_new (48 * (rows + 1));
  g_string_append (csv, comparison ? LDN_OCCUPANCY_CSV_HEADER LDN_OCCUPANCY_CSV_COMPARISON_HEADER "\n"
                                   : LDN_OCCUPANCY_CSV_HEADER "\n");

  for (guint i = 0; i < rows; i++)
    {
      double hours = i * every_h;
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      int minute;

      g_string_append (csv, g_ascii_formatd (buffer, sizeof buffer, "%.4f", hours));
      append_number (csv, "%.1f", ldn_occupancy_curve_sample (curve, curve->sustained, hours));
      append_number (csv, "%.1f", ldn_occupancy_curve_sample (curve, curve->sustained_low, hours));
      append_number (csv, "%.1f", ldn_occupancy_curve_sample (curve, curve->sustained_high, hours));
      append_number (csv, "%.1f", ldn_occupancy_curve_sample (curve, curve->transient, hours));
      minute = (int) round (dose_minute + hours * 60) % (24 * 60);
      g_string_append_printf (csv, ",%u,%02d:%02d", (guint) floor (hours / 24 + 1e-9) + 1, minute / 60, minute % 60);
      if (comparison != NULL)
        append_number (csv, "%.1f", ldn_occupancy_curve_sample (comparison, comparison->sustained, hours));
      g_string_append_c (csv, '\n');
    }

  return g_string_free (csv, FALSE);
}

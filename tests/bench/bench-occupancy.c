/* bench-occupancy.c: what one 14-day curve at one-minute resolution costs.
 *
 * Prints numbers; it is not a pass/fail test. Target: under 0.2 ms per
 * curve (all hypotheses and the band) on our 2-core machines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "content/ldn-content-store.h"
#include "model/ldn-occupancy-model.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (void)
{
  g_autofree char *path = ldn_content_store_dup_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnContentStore) store = ldn_content_store_new (path, NULL, &error);
  g_autoptr(LdnOccupancyModel) model = NULL;
  LdnDoseSchedule schedule = { 4.5, 14, 24 };
  enum { RUNS = 300 };
  double times[RUNS], fresh[RUNS];
  g_autoptr(LdnOccupancyCurve) reused = g_new0 (LdnOccupancyCurve, 1);

  if (store == NULL || (model = ldn_content_store_load_occupancy_model (store, &error)) == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  /* The model itself, into memory reused from the previous curve. */
  for (int i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      gboolean filled = ldn_occupancy_model_fill_curve (model, &schedule, 14 * 24, 1 / 60.0, reused, NULL);

      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert (filled);
    }

  /* A new curve each time: adds fresh memory for 4 x 20161 doubles. */
  for (int i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(LdnOccupancyCurve) curve = ldn_occupancy_model_compute_curve (model, &schedule, 14 * 24, 1 / 60.0, NULL);

      fresh[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert (curve != NULL);
    }

  qsort (times, RUNS, sizeof (double), compare_doubles);
  qsort (fresh, RUNS, sizeof (double), compare_doubles);
  printf ("occupancy model, 14 nightly doses, 14 days at 1-minute steps (20161 points,"
          " sustained + 9-set band + transient):\n");
  printf ("  model into a reused curve: median %.3f ms, p99 %.3f ms per curve over %d runs (target < 0.2 ms)\n",
          times[RUNS / 2], times[RUNS * 99 / 100], RUNS);
  printf ("  with a newly allocated curve: median %.3f ms, p99 %.3f ms\n",
          fresh[RUNS / 2], fresh[RUNS * 99 / 100]);

  return 0;
}

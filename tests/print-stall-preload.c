/* print-stall-preload.c
 *
 * LD_PRELOAD for the print-stall tests: a print backend that never gives
 * the main loop back, as GTK's CUPS backend did with a libcups whose
 * httpUpdate() never read (see src/print/ldn-print-operation.c, the
 * watchdog). With LDN_TEST_STALL=list, gtk_enumerate_printers() adds an
 * idle source that never returns; with LDN_TEST_STALL=send,
 * gtk_print_job_send() does. Otherwise both go to GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <gtk/gtk.h>
#include <gtk/gtkunixprint.h>

static gboolean
spin_forever (G_GNUC_UNUSED gpointer data)
{
  /* Busy inside one main loop iteration; sleeping keeps the machine's
   * cores for the other tests. The process ends only from outside. */
  for (;;)
    g_usleep (10000);

  return G_SOURCE_REMOVE;
}

static gboolean
stalls (const char *step)
{
  return g_strcmp0 (g_getenv ("LDN_TEST_STALL"), step) == 0;
}

void
gtk_enumerate_printers (GtkPrinterFunc func,
                        gpointer       data,
                        GDestroyNotify destroy,
                        gboolean       wait)
{
  void (*real) (GtkPrinterFunc, gpointer, GDestroyNotify, gboolean);

  if (stalls ("list"))
    {
      g_idle_add (spin_forever, NULL);
      return;
    }

  real = (void (*) (GtkPrinterFunc, gpointer, GDestroyNotify, gboolean)) dlsym (RTLD_NEXT, "gtk_enumerate_printers");
  real (func, data, destroy, wait);
}

void
gtk_print_job_send (GtkPrintJob             *job,
                    GtkPrintJobCompleteFunc  callback,
                    gpointer                 user_data,
                    GDestroyNotify           dnotify)
{
  void (*real) (GtkPrintJob *, GtkPrintJobCompleteFunc, gpointer, GDestroyNotify);

  if (stalls ("send"))
    {
      g_idle_add (spin_forever, NULL);
      return;
    }

  real = (void (*) (GtkPrintJob *, GtkPrintJobCompleteFunc, gpointer, GDestroyNotify)) dlsym (RTLD_NEXT, "gtk_print_job_send");
  real (job, callback, user_data, dnotify);
}

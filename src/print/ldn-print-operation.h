/* ldn-print-operation.h
 *
 * Printing the discussion sheet, in one place: the print dialog (Print…
 * in the window) and the job sent without a dialog (`ldn-guide
 * --print-sheet [--printer=NAME]`). Both lay the sheet out with the
 * same code as the preview and the PDF, for the paper actually used.
 *
 * Without a dialog, finding the printer and handing it the job each
 * give up after a bounded time (30 s, or $LDN_GUIDE_PRINT_TIMEOUT
 * seconds) with a clear error, instead of hanging on a stalled print
 * system. The command line also ends the process with that error a
 * second later if a print backend keeps the main loop from ever
 * getting control back (ldn_print_operation_set_exit_on_stall()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <gtk/gtkunixprint.h>

#include "content/ldn-content-store.h"
#include "sheet/ldn-sheet-data.h"
#include "user/ldn-user-store.h"

G_BEGIN_DECLS

#define LDN_PRINT_DEFAULT_TIMEOUT_SECONDS 30

#define LDN_TYPE_PRINT_OPERATION (ldn_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (LdnPrintOperation, ldn_print_operation, LDN, PRINT_OPERATION, GtkPrintOperation)

/* Lists printers like gtk_enumerate_printers() with wait = FALSE: calls
 * FUNC for each printer until it returns TRUE, then DESTROY (DATA) once
 * the listing is over; a stalled print system may never call it. */
typedef void (*LdnPrinterSearchFunc) (GtkPrinterFunc  func,
                                      gpointer        data,
                                      GDestroyNotify  destroy);

/* Takes DATA, the sheet's contents; SETUP and SETTINGS may be NULL. */
LdnPrintOperation *ldn_print_operation_new       (LdnSheetData      *data,
                                                  GtkPageSetup      *setup,
                                                  GtkPrintSettings  *settings);
/* The page setup the sheet was laid out for, once printing began. */
GtkPageSetup      *ldn_print_operation_get_used_page_setup (LdnPrintOperation *self);
/* Why the sheet could not be laid out (printing was then cancelled). */
const GError      *ldn_print_operation_get_sheet_error     (LdnPrintOperation *self);

/* No dialog: to PRINTER, or the default printer when NULL. Returns once
 * the print system has taken the job, or with an error when it did not
 * within the timeout. */
gboolean           ldn_print_operation_print_to_printer    (LdnPrintOperation    *self,
                                                            const char           *printer,
                                                            GError              **error);
void               ldn_print_operation_set_timeout         (LdnPrintOperation    *self,
                                                            guint                 seconds);
/* For the command line: when a step is not over a second after the
 * timeout, even with the main loop stuck, write its error to stderr and
 * _exit (1). Off by default; never for a window. */
void               ldn_print_operation_set_exit_on_stall   (LdnPrintOperation    *self,
                                                            gboolean              exit_on_stall);
/* For tests: another way to list printers, e.g. one that stalls. */
void               ldn_print_operation_set_printer_search  (LdnPrintOperation    *self,
                                                            LdnPrinterSearchFunc  search);

/* `--print-sheet`: collects the sheet and prints it without a dialog. */
gboolean           ldn_print_sheet_to_printer (LdnContentStore  *content,
                                               LdnUserStore     *user,
                                               LdnDoseScenario  *scenario,
                                               const char       *paper,
                                               const char       *printer,
                                               GError          **error);

G_END_DECLS

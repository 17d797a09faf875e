/* ldn-command-line.h
 *
 * What `ldn-guide` does from the command line without opening a window:
 * parsing and checking the options, then handing the work to the export
 * services in src/export/. No GTK here, so it works without a display and
 * is tested and fuzzed on its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "content/ldn-content-store.h"
#include "export/ldn-export.h"
#include "model/ldn-dose-scenario.h"
#include "user/ldn-user-store.h"

G_BEGIN_DECLS

#define LDN_COMMAND_LINE_ERROR (ldn_command_line_error_quark ())

typedef enum {
  LDN_COMMAND_LINE_ERROR_BAD_OPTION,
  LDN_COMMAND_LINE_ERROR_WRITE,
} LdnCommandLineError;

GQuark ldn_command_line_error_quark (void);

/* Prints the sheet; the GTK side supplies it, so this unit stays
 * without GTK. */
typedef gboolean (*LdnPrintSheetFunc) (LdnContentStore  *content,
                                       LdnUserStore     *user,
                                       LdnDoseScenario  *scenario,
                                       const char       *paper,
                                       const char       *printer,
                                       GError          **error);

/* The raw option values as typed; NULL for "not given". */
typedef struct {
  const char *export_sheet;
  gboolean    print_sheet;
  const char *printer;
  LdnPrintSheetFunc print_func;
  const char *paper;
  const char *sheet_language;   /* "en" or "es"; NULL: remembered, else the interface's */
  const char *export_data;
  const char *import_data;
  const char *export_diary;
  const char *export_occupancy;
  const char *dose;
  const char *schedule;
  const char *days;
  const char *dose_time;
} LdnCommandLineOptions;

/* The occupancy scenario the options ask for (--dose is required). */
LdnDoseScenario *ldn_command_line_dup_scenario (const LdnCommandLineOptions *options,
                                                GError                     **error);

/* The options `ldn-guide` takes; GApplication fills a GVariantDict. */
const GOptionEntry *ldn_command_line_option_entries (void);
void     ldn_command_line_options_from_dict (GVariantDict                *dict,
                                             LdnCommandLineOptions       *options);
/* Every option and combination checked before anything is read or
 * written: a mistake costs nothing. */
gboolean ldn_command_line_check       (const LdnCommandLineOptions *options,
                                       GError                     **error);

/* Runs what the options ask for. Returns the exit status, or -1 when
 * nothing was asked of the command line and the app should start. */
int      ldn_command_line_run         (const LdnCommandLineOptions *options);

G_END_DECLS

/* ldn-export.h
 *
 * Exporting and importing as services on GFile, used alike by the command
 * line, the pages and the menu: the occupancy CSV, the discussion sheet
 * as PDF, and the person's data as JSON. Every write is atomic (see
 * ldn-atomic-file.h): a failed export never leaves a half-written file or
 * damages an earlier one. No GTK here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "content/ldn-content-store.h"
#include "export/ldn-atomic-file.h"
#include "model/ldn-dose-scenario.h"
#include "sheet/ldn-sheet.h"
#include "user/ldn-user-store.h"

G_BEGIN_DECLS

/* The largest data file import reads: far above what the app's limits
 * allow (every text at LDN_USER_TEXT_MAX_CHARS, escaped), far below what
 * would strain memory. Checked before the file is read. */
#define LDN_IMPORT_MAX_BYTES (8 * 1024 * 1024)

/* The model's occupancy for a dose as CSV (see ldn-occupancy-export.h):
 * one dose, or one every night for DAYS days, the first at DOSE_MINUTE
 * (minutes after midnight); COMPARE adds the 50 mg estimate. */
gboolean ldn_export_occupancy_csv   (LdnContentStore  *content,
                                     double            dose_mg,
                                     gboolean          nightly,
                                     guint             days,
                                     guint             dose_minute,
                                     gboolean          compare,
                                     GFile            *file,
                                     GCancellable     *cancellable,
                                     GError          **error);

/* The same for a scenario's dose, schedule and days. */
gboolean ldn_export_occupancy_csv_for_scenario (LdnContentStore *content,
                                                LdnDoseScenario *scenario,
                                                GFile           *file,
                                                GCancellable    *cancellable,
                                                GError         **error);

/* A laid-out sheet as PDF. */
gboolean ldn_export_sheet_pdf       (LdnSheet         *sheet,
                                     GFile            *file,
                                     GCancellable     *cancellable,
                                     GError          **error);
/* Collects the sheet from the stores and writes it as PDF, as
 * `--export-sheet` does, for SCENARIO's dose and schedule. */
gboolean ldn_export_sheet_pdf_from_stores (LdnContentStore *content,
                                           LdnUserStore    *user,
                                           LdnDoseScenario *scenario,
                                           LdnPaper         paper,
                                           GFile           *file,
                                           GCancellable    *cancellable,
                                           GError         **error);

/* The person's data as JSON. CONTENT may be NULL (missing or damaged):
 * the export then holds exactly what is saved, so a person can always
 * back up. */
gboolean ldn_export_user_data_json  (LdnContentStore  *content,
                                     LdnUserStore     *user,
                                     GFile            *file,
                                     GCancellable     *cancellable,
                                     GError          **error);
/* The diary as CSV (see ldn-diary-csv.h), side effects named from
 * CONTENT when it is there (it may be NULL). */
gboolean ldn_export_diary_csv       (LdnContentStore  *content,
                                     LdnUserStore     *user,
                                     GFile            *file,
                                     GCancellable     *cancellable,
                                     GError          **error);
/* Replaces the person's data with FILE's, checked against CONTENT's ids
 * (required), or changes nothing. Refuses files over
 * LDN_IMPORT_MAX_BYTES before reading them. */
gboolean ldn_import_user_data_json  (LdnContentStore  *content,
                                     LdnUserStore     *user,
                                     GFile            *file,
                                     GCancellable     *cancellable,
                                     GError          **error);

/* The same with a local path, for callers that have one. */
gboolean ldn_export_user_data       (LdnContentStore  *content,
                                     LdnUserStore     *user,
                                     const char       *path,
                                     GError          **error);
gboolean ldn_import_user_data       (LdnContentStore  *content,
                                     LdnUserStore     *user,
                                     const char       *path,
                                     GError          **error);

G_END_DECLS

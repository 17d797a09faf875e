/* ldn-command-line.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ldn-command-line.h"
#include "model/ldn-occupancy-export.h"
#include "sheet/ldn-sheet.h"
#include "user/ldn-user-data-json.h"

G_DEFINE_QUARK (ldn-command-line-error-quark, ldn_command_line_error)

/* CSV rows every ten minutes, from a curve computed every minute. */
#define CSV_EVERY_H (10 / 60.0)
#define CURVE_STEP_H (1 / 60.0)
#define MAX_DAYS 30

static gboolean G_GNUC_PRINTF (2, 3)
bad_option (GError    **error,
            const char *format,
            ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (LDN_COMMAND_LINE_ERROR, LDN_COMMAND_LINE_ERROR_BAD_OPTION,
                                                format, args));
  va_end (args);

  return FALSE;
}

gboolean
ldn_parse_dose_time (const char *text,
                     guint      *minute_of_day,
                     GError    **error)
{
  guint hour, minute;

  g_return_val_if_fail (minute_of_day != NULL, FALSE);

  if (text == NULL || strlen (text) != 5 || text[2] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return bad_option (error, _("The dose time must look like 22:00 (HH:MM), not “%s”."), text ? text : "");

  hour = (text[0] - '0') * 10 + (text[1] - '0');
  minute = (text[3] - '0') * 10 + (text[4] - '0');
  if (hour > 23 || minute > 59)
    return bad_option (error, _("The dose time must be a real time of day, from 00:00 to 23:59, not “%s”."), text);

  *minute_of_day = hour * 60 + minute;
  return TRUE;
}

static gboolean
parse_dose (const char *text,
            double     *dose_mg,
            GError    **error)
{
  char *end = NULL;
  double value;

  if (text == NULL)
    return bad_option (error, _("Say which dose to model with --dose=MG, for example --dose=4.5."));

  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value))
    return bad_option (error, _("The dose must be a number of milligrams, such as 4.5, not “%s”."), text);

  if (value < LDN_DOSE_MIN_MG || value > LDN_DOSE_MAX_MG)
    return bad_option (error, _("The dose must be between %g and %g mg, not %s mg."),
                       LDN_DOSE_MIN_MG, LDN_DOSE_MAX_MG, text);

  *dose_mg = value;
  return TRUE;
}

gboolean
ldn_parse_occupancy_request (const LdnCommandLineOptions *options,
                             LdnOccupancyRequest         *request,
                             GError                     **error)
{
  g_return_val_if_fail (options != NULL && request != NULL, FALSE);

  if (!parse_dose (options->dose, &request->dose_mg, error))
    return FALSE;

  if (options->schedule == NULL || g_str_equal (options->schedule, "single"))
    request->nightly = FALSE;
  else if (g_str_equal (options->schedule, "nightly"))
    request->nightly = TRUE;
  else
    return bad_option (error, _("The schedule must be “single” or “nightly”, not “%s”."), options->schedule);

  if (options->days == NULL)
    {
      request->days = request->nightly ? 14 : 3;
    }
  else
    {
      guint64 days;

      if (!g_ascii_string_to_unsigned (options->days, 10, 1, MAX_DAYS, &days, NULL))
        return bad_option (error, _("The number of days must be a whole number from 1 to %d, not “%s”."),
                           MAX_DAYS, options->days);
      request->days = days;
    }

  request->dose_minute = 22 * 60;
  if (options->dose_time != NULL && !ldn_parse_dose_time (options->dose_time, &request->dose_minute, error))
    return FALSE;

  return TRUE;
}

gboolean
ldn_export_occupancy (LdnContentStore           *store,
                      const LdnOccupancyRequest *request,
                      const char                *path,
                      GError                   **error)
{
  g_autoptr(LdnOccupancyModel) model = NULL;
  g_autoptr(LdnOccupancyCurve) curve = NULL;
  g_autofree char *csv = NULL;
  LdnDoseSchedule schedule;

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (store), FALSE);
  g_return_val_if_fail (request != NULL && path != NULL, FALSE);

  schedule.dose_mg = request->dose_mg;
  schedule.n_doses = request->nightly ? request->days : 1;
  schedule.interval_h = 24;

  model = ldn_content_store_load_occupancy_model (store, error);
  if (model == NULL)
    return FALSE;

  curve = ldn_occupancy_model_compute_curve (model, &schedule, request->days * 24.0, CURVE_STEP_H, error);
  if (curve == NULL)
    return FALSE;

  csv = ldn_occupancy_curve_to_csv (curve, CSV_EVERY_H);
  if (!g_file_set_contents (path, csv, -1, error))
    {
      g_prefix_error (error, _("Could not write the occupancy table: "));
      return FALSE;
    }

  return TRUE;
}

typedef struct {
  GStrv          checklist;
  GStrv          safety;
  GStrv          teach_back;
  LdnUserDataIds ids;
} ContentIds;

static void
content_ids_clear (ContentIds *ids)
{
  g_clear_pointer (&ids->checklist, g_strfreev);
  g_clear_pointer (&ids->safety, g_strfreev);
  g_clear_pointer (&ids->teach_back, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ContentIds, content_ids_clear)

static gboolean
content_ids_load (ContentIds      *ids,
                  LdnContentStore *content,
                  GError         **error)
{
  if ((ids->checklist = ldn_content_store_dup_ids (content, LDN_CONTENT_IDS_SIDE_EFFECTS, error)) == NULL ||
      (ids->safety = ldn_content_store_dup_ids (content, LDN_CONTENT_IDS_SAFETY_TOPICS, error)) == NULL ||
      (ids->teach_back = ldn_content_store_dup_ids (content, LDN_CONTENT_IDS_TEACH_BACK, error)) == NULL)
    return FALSE;

  ids->ids.checklist_ids = (const char * const *) ids->checklist;
  ids->ids.safety_ids = (const char * const *) ids->safety;
  ids->ids.teach_back_ids = (const char * const *) ids->teach_back;
  return TRUE;
}

gboolean
ldn_export_user_data (LdnContentStore *content,
                      LdnUserStore    *user,
                      const char      *path,
                      GError         **error)
{
  g_auto(ContentIds) ids = { NULL };
  g_autofree char *json = NULL;

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (content) && LDN_IS_USER_STORE (user) && path != NULL, FALSE);

  if (!content_ids_load (&ids, content, error) || (json = ldn_user_data_to_json (user, &ids.ids, error)) == NULL)
    return FALSE;

  if (!g_file_set_contents_full (path, json, -1, G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    {
      g_prefix_error (error, _("Could not save your data: "));
      return FALSE;
    }

  return TRUE;
}

gboolean
ldn_import_user_data (LdnContentStore *content,
                      LdnUserStore    *user,
                      const char      *path,
                      GError         **error)
{
  g_auto(ContentIds) ids = { NULL };
  g_autofree char *json = NULL;
  gsize length;

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (content) && LDN_IS_USER_STORE (user) && path != NULL, FALSE);

  if (!g_file_get_contents (path, &json, &length, error))
    {
      g_prefix_error (error, _("Could not read the file: "));
      return FALSE;
    }

  return content_ids_load (&ids, content, error) &&
         ldn_user_data_from_json (user, &ids.ids, json, length, error);
}

static int
fail (GError *error)
{
  g_printerr ("ldn-guide: %s\n", error->message);
  g_error_free (error);
  return EXIT_FAILURE;
}

gboolean
ldn_export_sheet (LdnContentStore *content,
                  LdnUserStore    *user,
                  double           dose_mg,
                  const char      *paper_name,
                  const char      *path,
                  GError         **error)
{
  g_autoptr(LdnSheetData) data = NULL;
  g_autoptr(LdnSheet) sheet = NULL;
  LdnPaper paper = LDN_PAPER_A4;
  double width, height;

  if (paper_name != NULL && !ldn_paper_from_string (paper_name, &paper))
    return bad_option (error, _("The paper must be “a4” or “letter”, not “%s”."), paper_name);

  data = ldn_sheet_data_collect (content, user, dose_mg, TRUE, TRUE, error);
  if (data == NULL)
    return FALSE;

  ldn_paper_get_size (paper, &width, &height);
  sheet = ldn_sheet_new (g_steal_pointer (&data), width, height);
  return ldn_sheet_write_pdf (sheet, path, error);
}

/* Export or import, with the stores opened the way the app opens them. */
static int
run_user_data (const LdnCommandLineOptions *options)
{
  g_autofree char *content_path = ldn_content_store_dup_default_path ();
  g_autofree char *user_path = ldn_user_store_dup_default_path ();
  g_autoptr(LdnContentStore) content = NULL;
  g_autoptr(LdnUserStore) user = NULL;
  GError *error = NULL;

  content = ldn_content_store_new (content_path, NULL, &error);
  if (content == NULL)
    return fail (error);

  user = ldn_user_store_open (user_path);
  if (ldn_user_store_get_damaged_path (user) != NULL)
    g_printerr (_("ldn-guide: your saved data was damaged; it was kept as %s and a fresh file started.\n"),
                ldn_user_store_get_damaged_path (user));
  if (!ldn_user_store_is_persistent (user))
    return fail (g_error_new_literal (LDN_COMMAND_LINE_ERROR, LDN_COMMAND_LINE_ERROR_WRITE,
                                      ldn_user_store_get_problem (user)));

  if (options->export_data != NULL && !ldn_export_user_data (content, user, options->export_data, &error))
    return fail (error);
  if (options->export_sheet != NULL)
    {
      double dose = 0;

      if (options->dose != NULL && !parse_dose (options->dose, &dose, &error))
        return fail (error);
      if (!ldn_export_sheet (content, user, dose, options->paper, options->export_sheet, &error))
        return fail (error);
    }
  if (options->print_sheet)
    {
      double dose = 0;

      if (options->dose != NULL && !parse_dose (options->dose, &dose, &error))
        return fail (error);
      if (options->print_func == NULL)
        return fail (g_error_new_literal (LDN_COMMAND_LINE_ERROR, LDN_COMMAND_LINE_ERROR_BAD_OPTION,
                                          _("Printing is not available here.")));
      if (!options->print_func (content, user, dose, options->paper, options->printer, &error))
        return fail (error);
    }
  if (options->import_data != NULL && !ldn_import_user_data (content, user, options->import_data, &error))
    return fail (error);

  return EXIT_SUCCESS;
}

int
ldn_command_line_run (const LdnCommandLineOptions *options)
{
  g_return_val_if_fail (options != NULL, EXIT_FAILURE);

  if (options->export_data != NULL && options->import_data != NULL)
    return fail (g_error_new_literal (LDN_COMMAND_LINE_ERROR, LDN_COMMAND_LINE_ERROR_BAD_OPTION,
                                      _("Use --export-data or --import-data, not both at once.")));
  if (options->printer != NULL && !options->print_sheet)
    return fail (g_error_new_literal (LDN_COMMAND_LINE_ERROR, LDN_COMMAND_LINE_ERROR_BAD_OPTION,
                                      _("--printer goes with --print-sheet.")));
  if (options->export_data != NULL || options->import_data != NULL || options->export_sheet != NULL ||
      options->print_sheet)
    return run_user_data (options);

  if (options->export_occupancy != NULL)
    {
      LdnOccupancyRequest request;
      g_autofree char *path = NULL;
      g_autoptr(LdnContentStore) store = NULL;
      GError *error = NULL;

      if (*options->export_occupancy == '\0')
        return fail (g_error_new_literal (LDN_COMMAND_LINE_ERROR, LDN_COMMAND_LINE_ERROR_BAD_OPTION,
                                          _("Give a file name: --export-occupancy=FILE.csv")));

      if (!ldn_parse_occupancy_request (options, &request, &error))
        return fail (error);

      path = ldn_content_store_dup_default_path ();
      store = ldn_content_store_new (path, NULL, &error);
      if (store == NULL || !ldn_export_occupancy (store, &request, options->export_occupancy, &error))
        return fail (error);

      return EXIT_SUCCESS;
    }

  if (options->dose != NULL || options->schedule != NULL || options->days != NULL || options->dose_time != NULL ||
      options->paper != NULL)
    return fail (g_error_new_literal (LDN_COMMAND_LINE_ERROR, LDN_COMMAND_LINE_ERROR_BAD_OPTION,
                                      _("--dose, --schedule, --days and --dose-time go with --export-occupancy; "
                                        "--dose and --paper with --export-sheet or --print-sheet.")));

  return -1;
}

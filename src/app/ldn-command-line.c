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

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { "export-sheet", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the discussion sheet from your saved data to a PDF file, without opening a window"), N_("FILE.pdf") },
  { "print-sheet", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the discussion sheet from your saved data, without a dialog"), NULL },
  { "printer", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The printer for --print-sheet (default: the default printer)"),
    N_("NAME") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Paper size for the sheet (default: a4)"), N_("a4|letter") },
  { "export-data", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Save all your answers and notes to a JSON file, without opening a window"), N_("FILE.json") },
  { "import-data", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Replace your answers and notes with those in a JSON file made by --export-data"), N_("FILE.json") },
  { "export-occupancy", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the model’s occupancy estimates to a CSV file, without opening a window"), N_("FILE.csv") },
  { "dose", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Dose in mg for the export, 0.5 to 50"), N_("MG") },
  { "schedule", 0, 0, G_OPTION_ARG_STRING, NULL, N_("One dose or one every night (default: single)"),
    N_("single|nightly") },
  { "days", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Days to cover (default: 3 for single, 14 for nightly)"), N_("N") },
  { "dose-time", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Clock time of the dose (default: 22:00)"), N_("HH:MM") },
  { NULL }
};

const GOptionEntry *
ldn_command_line_option_entries (void)
{
  return option_entries;
}

/* The strings stay owned by DICT. */
void
ldn_command_line_options_from_dict (GVariantDict          *dict,
                                    LdnCommandLineOptions *options)
{
  g_return_if_fail (dict != NULL);
  g_return_if_fail (options != NULL);

  g_variant_dict_lookup (dict, "export-occupancy", "^&ay", &options->export_occupancy);
  g_variant_dict_lookup (dict, "export-data", "^&ay", &options->export_data);
  g_variant_dict_lookup (dict, "export-sheet", "^&ay", &options->export_sheet);
  g_variant_dict_lookup (dict, "import-data", "^&ay", &options->import_data);
  g_variant_dict_lookup (dict, "paper", "&s", &options->paper);
  g_variant_dict_lookup (dict, "printer", "&s", &options->printer);
  g_variant_dict_lookup (dict, "dose", "&s", &options->dose);
  g_variant_dict_lookup (dict, "schedule", "&s", &options->schedule);
  g_variant_dict_lookup (dict, "days", "&s", &options->days);
  g_variant_dict_lookup (dict, "dose-time", "&s", &options->dose_time);
  options->print_sheet = g_variant_dict_contains (dict, "print-sheet");
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
  sheet = ldn_sheet_new (g_steal_pointer (&data), width, height, error);
  if (sheet == NULL)
    return FALSE;
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

static gboolean
check_sheet_options (const LdnCommandLineOptions *options,
                     GError                     **error)
{
  LdnPaper paper;
  double dose;

  if (options->export_sheet != NULL && *options->export_sheet == '\0')
    return bad_option (error, _("Give a file name: --export-sheet=FILE.pdf"));
  if (options->dose != NULL && !parse_dose (options->dose, &dose, error))
    return FALSE;
  if (options->paper != NULL && !ldn_paper_from_string (options->paper, &paper))
    return bad_option (error, _("The paper must be “a4” or “letter”, not “%s”."), options->paper);
  if (options->schedule != NULL || options->days != NULL || options->dose_time != NULL)
    return bad_option (error, _("--schedule, --days and --dose-time go with --export-occupancy."));
  return TRUE;
}

gboolean
ldn_command_line_check (const LdnCommandLineOptions *options,
                        GError                     **error)
{
  gboolean for_data, for_sheet;

  g_return_val_if_fail (options != NULL, FALSE);

  for_data = options->export_data != NULL || options->import_data != NULL;
  for_sheet = options->export_sheet != NULL || options->print_sheet;

  if (options->export_data != NULL && options->import_data != NULL)
    return bad_option (error, _("Use --export-data or --import-data, not both at once."));
  if ((options->export_data != NULL && *options->export_data == '\0') ||
      (options->import_data != NULL && *options->import_data == '\0'))
    return bad_option (error, _("Give a file name: --export-data=FILE.json or --import-data=FILE.json"));
  if (options->printer != NULL && !options->print_sheet)
    return bad_option (error, _("--printer goes with --print-sheet."));
  if (options->export_occupancy != NULL && (for_data || for_sheet))
    return bad_option (error, _("--export-occupancy runs on its own, without --export-data, --import-data, "
                                "--export-sheet or --print-sheet."));
  if (for_sheet)
    return check_sheet_options (options, error);
  if (options->export_occupancy != NULL)
    {
      LdnOccupancyRequest request;

      if (*options->export_occupancy == '\0')
        return bad_option (error, _("Give a file name: --export-occupancy=FILE.csv"));
      return ldn_parse_occupancy_request (options, &request, error);
    }
  if (options->dose != NULL || options->schedule != NULL || options->days != NULL || options->dose_time != NULL ||
      options->paper != NULL)
    return bad_option (error, _("--dose, --schedule, --days and --dose-time go with --export-occupancy; "
                                "--dose and --paper with --export-sheet or --print-sheet."));
  return TRUE;
}

int
ldn_command_line_run (const LdnCommandLineOptions *options)
{
  GError *error = NULL;

  g_return_val_if_fail (options != NULL, EXIT_FAILURE);

  if (!ldn_command_line_check (options, &error))
    return fail (error);
  if (options->export_data != NULL || options->import_data != NULL || options->export_sheet != NULL ||
      options->print_sheet)
    return run_user_data (options);

  if (options->export_occupancy != NULL)
    {
      LdnOccupancyRequest request;
      g_autofree char *path = NULL;
      g_autoptr(LdnContentStore) store = NULL;

      if (!ldn_parse_occupancy_request (options, &request, &error))
        return fail (error);

      path = ldn_content_store_dup_default_path ();
      store = ldn_content_store_new (path, NULL, &error);
      if (store == NULL || !ldn_export_occupancy (store, &request, options->export_occupancy, &error))
        return fail (error);

      return EXIT_SUCCESS;
    }

  return -1;
}

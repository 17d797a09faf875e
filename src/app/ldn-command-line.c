/* ldn-command-line.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ldn-command-line.h"
#include "export/ldn-export.h"
#include "util/ldn-language.h"
#include "util/ldn-xdg.h"

G_DEFINE_QUARK (ldn-command-line-error-quark, ldn_command_line_error)


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
  { "sheet-language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Language of the sheet, for the doctor (default: the one chosen in the window, else the interface’s)"),
    N_("en|es") },
  { "export-data", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Save all your answers and notes to a JSON file, without opening a window"), N_("FILE.json") },
  { "import-data", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Replace your answers and notes with those in a JSON file made by --export-data"), N_("FILE.json") },
  { "export-diary", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write your diary to a CSV file, one row per entry and thing you follow, without opening a window"),
    N_("FILE.csv") },
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
  g_variant_dict_lookup (dict, "export-diary", "^&ay", &options->export_diary);
  g_variant_dict_lookup (dict, "paper", "&s", &options->paper);
  g_variant_dict_lookup (dict, "sheet-language", "&s", &options->sheet_language);
  g_variant_dict_lookup (dict, "printer", "&s", &options->printer);
  g_variant_dict_lookup (dict, "dose", "&s", &options->dose);
  g_variant_dict_lookup (dict, "schedule", "&s", &options->schedule);
  g_variant_dict_lookup (dict, "days", "&s", &options->days);
  g_variant_dict_lookup (dict, "dose-time", "&s", &options->dose_time);
  options->print_sheet = g_variant_dict_contains (dict, "print-sheet");
}

/* The dose and schedule the window remembers, as --export-sheet and
 * --print-sheet use (--dose changes the dose); the defaults when the
 * settings schema is not installed. Owned. */
static LdnDoseScenario *
remembered_scenario (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;
  LdnDoseScenario *remembered, *scenario = ldn_dose_scenario_new ();

  if (schema == NULL)
    return scenario;

  settings = g_settings_new_full (schema, NULL, NULL);
  remembered = ldn_dose_scenario_get_for_settings (settings);
  ldn_dose_scenario_set_dose_mg (scenario, ldn_dose_scenario_get_dose_mg (remembered));
  ldn_dose_scenario_set_nightly (scenario, ldn_dose_scenario_get_nightly (remembered));
  ldn_dose_scenario_set_days (scenario, ldn_dose_scenario_get_days (remembered));
  ldn_dose_scenario_set_dose_minute (scenario, ldn_dose_scenario_get_dose_minute (remembered));
  return scenario;
}

/* The sheet's language: --sheet-language, else the one the window
 * remembers, else the interface's. */
static const char *
sheet_language (const LdnCommandLineOptions *options)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *remembered = NULL;

  if (options->sheet_language != NULL)
    return options->sheet_language;
  if (schema != NULL && g_settings_schema_has_key (schema, "sheet-language"))
    {
      settings = g_settings_new_full (schema, NULL, NULL);
      remembered = g_settings_get_string (settings, "sheet-language");
      for (const char *const *l = ldn_language_get_supported (); *l != NULL; l++)
        if (g_str_equal (remembered, *l))
          return *l;
    }

  return ldn_language_get_interface ();
}

/* Every refused option is a LDN_COMMAND_LINE_ERROR_BAD_OPTION, whichever
 * parser found the mistake. */
static gboolean
as_bad_option (GError **error,
               GError  *cause)
{
  bad_option (error, "%s", cause->message);
  g_error_free (cause);
  return FALSE;
}

static gboolean
parse_dose (const char *text,
            double     *dose_mg,
            GError    **error)
{
  GError *cause = NULL;

  if (text == NULL)
    return bad_option (error, _("Say which dose to model with --dose=MG, for example --dose=4.5."));

  return ldn_dose_parse (text, dose_mg, &cause) || as_bad_option (error, cause);
}

LdnDoseScenario *
ldn_command_line_dup_scenario (const LdnCommandLineOptions *options,
                               GError                     **error)
{
  g_autoptr(LdnDoseScenario) scenario = ldn_dose_scenario_new ();
  GError *cause = NULL;

  g_return_val_if_fail (options != NULL, NULL);

  if (options->dose == NULL)
    return bad_option (error, _("Say which dose to model with --dose=MG, for example --dose=4.5.")), NULL;
  if (!ldn_dose_scenario_parse_options (scenario, options->dose, options->schedule, options->days,
                                        options->dose_time, &cause))
    return as_bad_option (error, cause), NULL;

  return g_steal_pointer (&scenario);
}

static int
fail (GError *error)
{
  g_printerr ("ldn-guide: %s\n", error->message);
  g_error_free (error);
  return EXIT_FAILURE;
}

/* Export or import, with the stores opened the way the app opens them. */
static int
run_user_data (const LdnCommandLineOptions *options)
{
  g_autofree char *content_path = ldn_content_store_dup_default_path ();
  g_autofree char *user_path = ldn_user_store_dup_default_path ();
  g_autoptr(LdnContentStore) content = NULL;
  g_autoptr(LdnUserStore) user = NULL;
  g_autoptr(GError) content_error = NULL;
  GError *error = NULL;
  LdnPaper paper = LDN_PAPER_A4;
  double dose = 0;

  if (options->paper != NULL)
    ldn_paper_from_string (options->paper, &paper);
  /* Without --dose, the dose the window shows, as the window's sheet does
   * (see remembered_scenario()). */
  if (options->dose != NULL && !parse_dose (options->dose, &dose, &error))
    return fail (error);

  /* A backup must work exactly when something is broken: --export-data
   * goes on without the content; everything else needs it. */
  content = ldn_content_store_new (content_path, NULL, &content_error);
  if (content == NULL && (options->import_data != NULL || options->export_sheet != NULL || options->print_sheet))
    return fail (g_steal_pointer (&content_error));

  if (user_path == NULL)
    {
      g_free (ldn_xdg_dup_data_home (&error));
      if (error == NULL)
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, ldn_user_store_get_problem (user = ldn_user_store_open (NULL)));
      return fail (error);
    }
  user = ldn_user_store_open (user_path);
  if (ldn_user_store_get_damaged_path (user) != NULL)
    g_printerr (_("ldn-guide: your saved data was damaged; it was kept as %s and a fresh file started.\n"),
                ldn_user_store_get_damaged_path (user));
  /* A read-only store can still be backed up and printed: only an
   * import needs to write. */
  if (!ldn_user_store_is_persistent (user) &&
      !(ldn_user_store_is_read_only (user) && options->import_data == NULL))
    return fail (g_error_new_literal (LDN_COMMAND_LINE_ERROR, LDN_COMMAND_LINE_ERROR_WRITE,
                                      ldn_user_store_get_problem (user)));

  if (options->export_data != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->export_data);

      if (content == NULL)
        g_printerr (_("ldn-guide: the guide’s content could not be read (%s); your saved data is exported "
                      "without it.\n"), content_error->message);
      if (!ldn_export_user_data_json (content, user, file, NULL, &error))
        return fail (error);
    }
  if (options->export_diary != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->export_diary);

      if (!ldn_export_diary_csv (content, user, file, NULL, &error))
        return fail (error);
    }
  if (options->export_sheet != NULL || options->print_sheet)
    {
      /* The sheet in the doctor's language: its content and its own words. */
      const char *language = sheet_language (options);
      g_autoptr(LdnContentStore) sheet_content = ldn_content_store_new (content_path, language, &error);
      g_autoptr(LdnLanguageScope) scope = NULL;
      g_autoptr(LdnDoseScenario) scenario = remembered_scenario ();
      gboolean done = TRUE;

      if (options->dose != NULL)
        ldn_dose_scenario_set_dose_mg (scenario, dose);
      if (sheet_content == NULL)
        return fail (error);
      if (options->print_sheet && options->print_func == NULL)
        return fail (g_error_new_literal (LDN_COMMAND_LINE_ERROR, LDN_COMMAND_LINE_ERROR_BAD_OPTION,
                                          _("Printing is not available here.")));

      scope = ldn_language_scope_push (language);
      if (options->export_sheet != NULL)
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->export_sheet);

          done = ldn_export_sheet_pdf_from_stores (sheet_content, user, scenario, paper, file, NULL, &error);
        }
      if (done && options->print_sheet)
        done = options->print_func (sheet_content, user, scenario, options->paper, options->printer, &error);
      g_clear_pointer (&scope, ldn_language_scope_pop);
      if (!done)
        return fail (error);
    }
  if (options->import_data != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->import_data);

      if (!ldn_import_user_data_json (content, user, file, NULL, &error))
        return fail (error);
    }

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
  if (options->sheet_language != NULL && !ldn_language_is_supported (options->sheet_language))
    return bad_option (error, _("The sheet language must be “en” or “es”, not “%s”."), options->sheet_language);
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

  for_data = options->export_data != NULL || options->import_data != NULL || options->export_diary != NULL;
  for_sheet = options->export_sheet != NULL || options->print_sheet;

  if (options->export_data != NULL && options->import_data != NULL)
    return bad_option (error, _("Use --export-data or --import-data, not both at once."));
  if ((options->export_data != NULL && *options->export_data == '\0') ||
      (options->import_data != NULL && *options->import_data == '\0'))
    return bad_option (error, _("Give a file name: --export-data=FILE.json or --import-data=FILE.json"));
  if (options->export_diary != NULL && *options->export_diary == '\0')
    return bad_option (error, _("Give a file name: --export-diary=FILE.csv"));
  if (options->printer != NULL && !options->print_sheet)
    return bad_option (error, _("--printer goes with --print-sheet."));
  if (options->export_occupancy != NULL && (for_data || for_sheet))
    return bad_option (error, _("--export-occupancy runs on its own, without --export-data, --import-data, "
                                "--export-sheet or --print-sheet."));
  if (for_sheet)
    return check_sheet_options (options, error);
  if (options->export_occupancy != NULL)
    {
      g_autoptr(LdnDoseScenario) scenario = NULL;

      if (*options->export_occupancy == '\0')
        return bad_option (error, _("Give a file name: --export-occupancy=FILE.csv"));
      scenario = ldn_command_line_dup_scenario (options, error);
      return scenario != NULL;
    }
  if (options->dose != NULL || options->schedule != NULL || options->days != NULL || options->dose_time != NULL ||
      options->paper != NULL || options->sheet_language != NULL)
    return bad_option (error, _("--dose, --schedule, --days and --dose-time go with --export-occupancy; "
                                "--dose, --paper and --sheet-language with --export-sheet or --print-sheet."));
  return TRUE;
}

int
ldn_command_line_run (const LdnCommandLineOptions *options)
{
  GError *error = NULL;

  g_return_val_if_fail (options != NULL, EXIT_FAILURE);

  if (!ldn_command_line_check (options, &error))
    return fail (error);
  if (options->export_data != NULL || options->import_data != NULL || options->export_diary != NULL ||
      options->export_sheet != NULL || options->print_sheet)
    return run_user_data (options);

  if (options->export_occupancy != NULL)
    {
      g_autoptr(LdnDoseScenario) scenario = ldn_command_line_dup_scenario (options, &error);
      g_autofree char *path = NULL;
      g_autoptr(LdnContentStore) store = NULL;
      g_autoptr(GFile) file = NULL;

      if (scenario == NULL)
        return fail (error);

      path = ldn_content_store_dup_default_path ();
      store = ldn_content_store_new (path, NULL, &error);
      file = g_file_new_for_commandline_arg (options->export_occupancy);
      if (store == NULL ||
          !ldn_export_occupancy_csv_for_scenario (store, scenario, file, NULL, &error))
        return fail (error);

      return EXIT_SUCCESS;
    }

  return -1;
}

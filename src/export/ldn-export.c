/* ldn-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ldn-export.h"
#include "ldn-diary-csv.h"
#include "model/ldn-occupancy-export.h"
#include "user/ldn-diary-store.h"
#include "user/ldn-user-data-json.h"

/* CSV rows every ten minutes, from a curve computed every minute. */
#define CSV_EVERY_H (10 / 60.0)
#define CURVE_STEP_H (1 / 60.0)

gboolean
ldn_export_occupancy_csv (LdnContentStore *content,
                          double           dose_mg,
                          gboolean         nightly,
                          guint            days,
                          guint            dose_minute,
                          gboolean         compare,
                          GFile           *file,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_autoptr(LdnOccupancyModel) model = NULL;
  g_autoptr(LdnOccupancyCurve) curve = NULL;
  g_autoptr(LdnOccupancyCurve) comparison = NULL;
  g_autofree char *csv = NULL;
  LdnDoseSchedule schedule;

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (content), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (days > 0, FALSE);

  schedule.dose_mg = dose_mg;
  schedule.n_doses = nightly ? days : 1;
  schedule.interval_h = 24;

  model = ldn_content_store_load_occupancy_model (content, error);
  if (model == NULL)
    return FALSE;

  curve = ldn_occupancy_model_compute_curve (model, &schedule, days * 24.0, CURVE_STEP_H, error);
  if (curve == NULL)
    return FALSE;

  /* 50 mg chosen is already the standard dose: one series, not two. */
  if (compare && dose_mg < LDN_DOSE_MAX_MG - 1e-6)
    {
      LdnDoseSchedule standard = schedule;

      standard.dose_mg = LDN_DOSE_MAX_MG;
      comparison = ldn_occupancy_model_compute_curve (model, &standard, days * 24.0, CURVE_STEP_H, error);
      if (comparison == NULL)
        return FALSE;
    }

  csv = ldn_occupancy_curve_to_csv (curve, comparison, dose_minute, CSV_EVERY_H);
  return ldn_atomic_file_set_contents (file, csv, strlen (csv), cancellable, error);
}

gboolean
ldn_export_occupancy_csv_for_scenario (LdnContentStore *content,
                                       LdnDoseScenario *scenario,
                                       GFile           *file,
                                       GCancellable    *cancellable,
                                       GError         **error)
{
  g_return_val_if_fail (LDN_IS_DOSE_SCENARIO (scenario), FALSE);

  return ldn_export_occupancy_csv (content, ldn_dose_scenario_get_dose_mg (scenario),
                                   ldn_dose_scenario_get_nightly (scenario), ldn_dose_scenario_get_days (scenario),
                                   (guint) ldn_dose_scenario_get_dose_minute (scenario), FALSE,
                                   file, cancellable, error);
}

gboolean
ldn_export_sheet_pdf (LdnSheet      *sheet,
                      GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GError) cause = NULL;
  LdnAtomicFile *atomic;

  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  atomic = ldn_atomic_file_new (file, cancellable, error);
  if (atomic == NULL)
    return FALSE;

  /* A PDF that cairo could not finish never replaces a good one. */
  if (!ldn_sheet_write_pdf_to_stream (sheet, ldn_atomic_file_get_stream (atomic), cancellable, &cause))
    return ldn_atomic_file_fail (atomic, cause, error);

  return ldn_atomic_file_commit (atomic, cancellable, error);
}

gboolean
ldn_export_sheet_pdf_from_stores (LdnContentStore *content,
                                  LdnUserStore    *user,
                                  LdnDoseScenario *scenario,
                                  LdnPaper         paper,
                                  GFile           *file,
                                  GCancellable    *cancellable,
                                  GError         **error)
{
  g_autoptr(LdnSheetData) data = NULL;
  g_autoptr(LdnSheet) sheet = NULL;
  double width, height;

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (content), FALSE);
  g_return_val_if_fail (LDN_IS_USER_STORE (user), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = ldn_sheet_data_collect_for_scenario (content, user, scenario, TRUE, TRUE, error);
  if (data == NULL)
    return FALSE;

  ldn_paper_get_size (paper, &width, &height);
  sheet = ldn_sheet_new (g_steal_pointer (&data), width, height, error);
  if (sheet == NULL)
    return FALSE;
  return ldn_export_sheet_pdf (sheet, file, cancellable, error);
}

/* The content's ids, to check an import against or to list every
 * checklist item in an export. */
typedef struct {
  GStrv          checklist;
  GStrv          safety;
  GStrv          teach_back;
  GPtrArray     *teach_back_choices;   /* "question/choice", NULL-terminated */
  GStrv          conditions;
  GStrv          values;
  GStrv          consent;
  LdnUserDataIds ids;
} ContentIds;

static void
content_ids_clear (ContentIds *ids)
{
  g_clear_pointer (&ids->checklist, g_strfreev);
  g_clear_pointer (&ids->safety, g_strfreev);
  g_clear_pointer (&ids->teach_back, g_strfreev);
  g_clear_pointer (&ids->teach_back_choices, g_ptr_array_unref);
  g_clear_pointer (&ids->conditions, g_strfreev);
  g_clear_pointer (&ids->values, g_strfreev);
  g_clear_pointer (&ids->consent, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ContentIds, content_ids_clear)

static gboolean
collect_teach_back_choices (LdnContentStore *content,
                            GPtrArray       *choices,
                            GError         **error)
{
  g_autoptr(GPtrArray) pages = ldn_content_store_list_pages (content, error);

  if (pages == NULL)
    return FALSE;

  for (guint i = 0; i < pages->len; i++)
    {
      LdnPageInfo *page = g_ptr_array_index (pages, i);
      g_autoptr(GPtrArray) blocks = ldn_content_store_get_blocks (content, page->id, error);

      if (blocks == NULL)
        return FALSE;

      for (guint j = 0; j < blocks->len; j++)
        {
          LdnBlock *block = g_ptr_array_index (blocks, j);

          if (block->kind != LDN_BLOCK_TEACH_BACK || block->question_id == NULL || block->choices == NULL)
            continue;
          for (guint k = 0; k < block->choices->len; k++)
            g_ptr_array_add (choices, ldn_user_data_choice_key (block->question_id,
                                                                ((LdnChoice *) g_ptr_array_index (block->choices, k))->id));
        }
    }

  return TRUE;
}

static gboolean
content_ids_load (ContentIds      *ids,
                  LdnContentStore *content,
                  GError         **error)
{
  ids->teach_back_choices = g_ptr_array_new_with_free_func (g_free);

  if ((ids->checklist = ldn_content_store_dup_ids (content, LDN_CONTENT_IDS_SIDE_EFFECTS, error)) == NULL ||
      (ids->safety = ldn_content_store_dup_ids (content, LDN_CONTENT_IDS_SAFETY_TOPICS, error)) == NULL ||
      (ids->teach_back = ldn_content_store_dup_ids (content, LDN_CONTENT_IDS_TEACH_BACK, error)) == NULL ||
      (ids->conditions = ldn_content_store_dup_ids (content, LDN_CONTENT_IDS_CONDITIONS, error)) == NULL ||
      (ids->values = ldn_content_store_dup_ids (content, LDN_CONTENT_IDS_VALUES, error)) == NULL ||
      (ids->consent = ldn_content_store_dup_ids (content, LDN_CONTENT_IDS_CONSENT, error)) == NULL ||
      !collect_teach_back_choices (content, ids->teach_back_choices, error))
    return FALSE;
  g_ptr_array_add (ids->teach_back_choices, NULL);

  ids->ids.checklist_ids = (const char * const *) ids->checklist;
  ids->ids.safety_ids = (const char * const *) ids->safety;
  ids->ids.teach_back_ids = (const char * const *) ids->teach_back;
  ids->ids.teach_back_choices = (const char * const *) ids->teach_back_choices->pdata;
  ids->ids.condition_ids = (const char * const *) ids->conditions;
  ids->ids.value_ids = (const char * const *) ids->values;
  ids->ids.consent_ids = (const char * const *) ids->consent;
  return TRUE;
}

gboolean
ldn_export_user_data_json (LdnContentStore *content,
                           LdnUserStore    *user,
                           GFile           *file,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_auto(ContentIds) ids = { NULL };
  g_autofree char *json = NULL;

  g_return_val_if_fail (content == NULL || LDN_IS_CONTENT_STORE (content), FALSE);
  g_return_val_if_fail (LDN_IS_USER_STORE (user), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Without content, or with content that cannot be read, the export
   * still holds everything saved: it only lacks the unticked items. */
  if (content != NULL && !content_ids_load (&ids, content, NULL))
    {
      content_ids_clear (&ids);
      memset (&ids, 0, sizeof ids);
    }

  json = ldn_user_data_to_json (user, &ids.ids, error);
  if (json == NULL)
    return FALSE;

  return ldn_atomic_file_set_contents (file, json, strlen (json), cancellable, error);
}

gboolean
ldn_export_diary_csv (LdnContentStore *content,
                      LdnUserStore    *user,
                      GFile           *file,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) side_effects = NULL;
  g_autoptr(LdnDiary) diary = NULL;
  g_autofree char *csv = NULL;

  g_return_val_if_fail (content == NULL || LDN_IS_CONTENT_STORE (content), FALSE);
  g_return_val_if_fail (LDN_IS_USER_STORE (user), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  diary = ldn_diary_store_dup_diary (user, error);
  if (diary == NULL)
    return FALSE;

  /* Without content the side effects keep their ids. */
  if (content != NULL && (side_effects = ldn_content_store_list_side_effects (content, NULL)) != NULL)
    for (guint i = 0; i < side_effects->len; i++)
      {
        const LdnSideEffect *effect = g_ptr_array_index (side_effects, i);

        g_hash_table_insert (names, g_strdup (effect->id), g_strdup (effect->name));
      }

  csv = ldn_diary_to_csv (diary, names);
  return ldn_atomic_file_set_contents (file, csv, strlen (csv), cancellable, error);
}

/* Reads at most LDN_IMPORT_MAX_BYTES: the size is checked before reading,
 * and the read stops past the cap in case the file grows meanwhile. */
static char *
read_bounded (GFile        *file,
              gsize        *length,
              GCancellable *cancellable,
              GError      **error)
{
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) cause = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *data = NULL;
  gsize size, n_read = 0;

  input = g_file_read (file, cancellable, &cause);
  if (input != NULL)
    info = g_file_input_stream_query_info (input, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, &cause);
  if (info == NULL)
    {
      /* Translators: the file, then the reason it could not be read. */
      g_set_error (error, LDN_EXPORT_ERROR, LDN_EXPORT_ERROR_FAILED, _("Could not read %s: %s"),
                   name, cause->message);
      return NULL;
    }

  if (g_file_info_get_size (info) > LDN_IMPORT_MAX_BYTES)
    {
      g_autofree char *found = g_format_size (g_file_info_get_size (info));
      g_autofree char *most = g_format_size (LDN_IMPORT_MAX_BYTES);

      g_set_error (error, LDN_EXPORT_ERROR, LDN_EXPORT_ERROR_TOO_BIG,
                   _("%s is %s; an LDN Guide data file is at most %s. Nothing was imported."), name, found, most);
      return NULL;
    }

  size = (gsize) g_file_info_get_size (info);
  data = g_malloc (size + 2);
  if (!g_input_stream_read_all (G_INPUT_STREAM (input), data, size + 1, &n_read, cancellable, &cause))
    {
      g_set_error (error, LDN_EXPORT_ERROR, LDN_EXPORT_ERROR_FAILED, _("Could not read %s: %s"),
                   name, cause->message);
      return NULL;
    }
  if (n_read > size)
    {
      g_set_error (error, LDN_EXPORT_ERROR, LDN_EXPORT_ERROR_FAILED,
                   _("%s changed while it was read. Nothing was imported; try again."), name);
      return NULL;
    }

  data[n_read] = '\0';
  *length = n_read;
  return g_steal_pointer (&data);
}

gboolean
ldn_import_user_data_json (LdnContentStore *content,
                           LdnUserStore    *user,
                           GFile           *file,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_auto(ContentIds) ids = { NULL };
  g_autofree char *json = NULL;
  gsize length;

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (content), FALSE);
  g_return_val_if_fail (LDN_IS_USER_STORE (user), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  json = read_bounded (file, &length, cancellable, error);
  if (json == NULL)
    return FALSE;

  return content_ids_load (&ids, content, error) &&
         ldn_user_data_from_json (user, &ids.ids, json, length, error);
}

gboolean
ldn_export_user_data (LdnContentStore *content,
                      LdnUserStore    *user,
                      const char      *path,
                      GError         **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  return ldn_export_user_data_json (content, user, file, NULL, error);
}

gboolean
ldn_import_user_data (LdnContentStore *content,
                      LdnUserStore    *user,
                      const char      *path,
                      GError         **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  return ldn_import_user_data_json (content, user, file, NULL, error);
}

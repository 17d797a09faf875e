/* ldn-sheet-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ldn-sheet-data.h"
#include "user/ldn-diary-store.h"
#include "user/ldn-teach-back-recorder.h"
#include "util/ldn-user-text.h"
#include "util/ldn-language.h"

/* The chart on paper: one dose at the usual evening time, over two days,
 * long enough to show what is left the next night. */
#define SHEET_SPAN_H 48
#define SHEET_DOSE_MINUTE (22 * 60)

static void
flag_free (LdnSheetFlag *flag)
{
  g_free (flag->question);
  g_free (flag->answer);
  g_free (flag->why);
  g_free (flag);
}

static void
side_effect_free (LdnSheetSideEffect *item)
{
  g_free (item->name);
  g_free (item->severity);
  g_free (item->since);
  g_free (item->note);
  g_free (item);
}

static void
frequency_free (LdnSheetFrequency *item)
{
  g_free (item->sentence);
  g_free (item->comparator);
  g_free (item);
}

void
ldn_sheet_data_free (LdnSheetData *data)
{
  if (data == NULL)
    return;

  g_free (data->name);
  g_free (data->date);
  g_clear_pointer (&data->flags, g_ptr_array_unref);
  g_clear_pointer (&data->unanswered, g_ptr_array_unref);
  g_free (data->other_medicines);
  g_clear_pointer (&data->understood, g_ptr_array_unref);
  g_clear_pointer (&data->explain_again, g_ptr_array_unref);
  g_clear_pointer (&data->frequencies, g_ptr_array_unref);
  g_free (data->definition);
  g_free (data->frequency_intro);
  g_free (data->chart_caption);
  g_free (data->about);
  g_free (data->diary_caution);
  g_free (data->diary_review);
  g_clear_pointer (&data->curve, ldn_occupancy_curve_free);
  g_clear_pointer (&data->pet_points, g_array_unref);
  g_clear_pointer (&data->side_effects, g_ptr_array_unref);
  g_free (data->other_side_effects);
  g_clear_pointer (&data->questions, g_ptr_array_unref);
  g_clear_pointer (&data->ask3, g_ptr_array_unref);
  g_free (data->what_matters);
  g_clear_pointer (&data->sources, g_ptr_array_unref);
  g_free (data->content_version);
  g_free (data->language);
  g_free (data->reviewed);
  g_clear_pointer (&data->decision, ldn_sheet_decision_free);
  g_clear_pointer (&data->diary, ldn_diary_free);
  g_clear_pointer (&data->side_effect_names, g_hash_table_unref);
  g_free (data);
}

/* The person's text, isolated so that it cannot reorder the sheet's own
 * text around it (see ldn-user-text.h). */
static char *
dup_user_text (LdnUserStore *user,
               LdnUserText   which)
{
  g_autofree char *text = ldn_user_store_dup_text (user, which);

  return ldn_user_text_dup_isolated (text);
}

static void
cite (GHashTable         *cited,
      const char * const *sources)
{
  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    g_hash_table_add (cited, g_strdup (sources[i]));
}

static gboolean
collect_flags (LdnSheetData    *data,
               LdnContentStore *content,
               LdnUserStore    *user,
               GHashTable      *cited,
               GError         **error)
{
  g_autoptr(GPtrArray) topics = ldn_content_store_list_safety_topics (content, error);

  if (topics == NULL)
    return FALSE;

  /* The content lists opioids first; high-prominence topics stay first. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < topics->len; i++)
      {
        const LdnSafetyTopic *topic = g_ptr_array_index (topics, i);
        LdnSafetyAnswer answer = ldn_user_store_get_answer (user, topic->id);
        LdnSheetFlag *flag;

        if ((pass == 0) != topic->high_prominence)
          continue;
        /* Unanswered is not "no": the doctor should ask. */
        if (answer == LDN_ANSWER_NONE)
          g_ptr_array_add (data->unanswered, g_strdup (topic->question));
        if (answer != LDN_ANSWER_YES && answer != LDN_ANSWER_UNSURE)
          continue;

        flag = g_new0 (LdnSheetFlag, 1);
        flag->question = g_strdup (topic->question);
        flag->answer = g_strdup (answer == LDN_ANSWER_YES ? _("Yes") : _("Not sure"));
        flag->why = g_strdup (topic->why);
        flag->high = topic->high_prominence;
        g_ptr_array_add (data->flags, flag);
        cite (cited, (const char * const *) topic->sources);
      }

  return TRUE;
}

/* Only what the person's own answers show: a right teach-back answer is
 * something they understood, a wrong one a topic to explain again. The
 * guide's frequency blocks (each study and outcome once) give the doctor
 * the trial numbers the person saw. */
static gboolean
collect_understanding (LdnSheetData    *data,
                       LdnContentStore *content,
                       LdnUserStore    *user,
                       GHashTable      *cited,
                       GError         **error)
{
  g_autoptr(GPtrArray) pages = ldn_content_store_list_pages (content, error);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (pages == NULL)
    return FALSE;

  for (guint p = 0; p < pages->len; p++)
    {
      const LdnPageInfo *page = g_ptr_array_index (pages, p);
      g_autoptr(GPtrArray) blocks = ldn_content_store_get_blocks (content, page->id, error);

      if (blocks == NULL)
        return FALSE;
      if (data->reviewed == NULL || g_strcmp0 (page->last_reviewed, data->reviewed) > 0)
        {
          g_free (data->reviewed);
          data->reviewed = g_strdup (page->last_reviewed);
        }

      for (guint b = 0; b < blocks->len; b++)
        {
          const LdnBlock *block = g_ptr_array_index (blocks, b);

          if (block->kind == LDN_BLOCK_FREQUENCY && block->frequency != NULL)
            {
              const LdnFrequency *frequency = block->frequency;
              g_autofree char *key = g_strdup_printf ("%s|%s", frequency->study, frequency->outcome);
              LdnSheetFrequency *item;

              if (g_hash_table_contains (seen, key))
                continue;
              g_hash_table_add (seen, g_steal_pointer (&key));
              item = g_new0 (LdnSheetFrequency, 1);
              item->sentence = g_strdup (block->body);
              item->comparator = g_strdup (frequency->comparator);
              item->ldn = frequency->ldn;
              item->comparison = frequency->comparison;
              item->per = frequency->per;
              g_ptr_array_add (data->frequencies, item);
              cite (cited, (const char * const *) block->sources);
            }

          if (block->kind == LDN_BLOCK_TEACH_BACK)
            {
              g_autofree char *answer = ldn_teach_back_recorder_dup_answer (LDN_TEACH_BACK_RECORDER (user),
                                                                            block->question_id);

              for (guint c = 0; answer != NULL && c < block->choices->len; c++)
                {
                  const LdnChoice *choice = g_ptr_array_index (block->choices, c);

                  if (!g_str_equal (choice->id, answer))
                    continue;
                  if (choice->correct)
                    {
                      g_ptr_array_add (data->understood, g_strdup (choice->text));
                      cite (cited, (const char * const *) block->sources);
                    }
                  else
                    {
                      g_ptr_array_add (data->explain_again, g_strdup (page->title));
                    }
                }
            }
        }
    }

  return TRUE;
}

/* A medical sentence from the content, with its sources cited. */
static char *
dup_text (LdnContentStore *content,
          const char      *id,
          GHashTable      *cited,
          GError         **error)
{
  g_autoptr(LdnContentText) text = ldn_content_store_get_text (content, id, error);

  if (text == NULL)
    return NULL;
  cite (cited, (const char * const *) text->sources);

  return g_steal_pointer (&text->text);
}

static gboolean
collect_side_effects (LdnSheetData    *data,
                      LdnContentStore *content,
                      LdnUserStore    *user,
                      GError         **error)
{
  static const char *severities[] = { "", N_("Mild"), N_("Moderate"), N_("Severe") };
  g_autoptr(GPtrArray) items = ldn_content_store_list_side_effects (content, error);

  if (items == NULL)
    return FALSE;

  /* The diary's side effects are content ids: their names, for its section. */
  data->side_effect_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < items->len; i++)
    {
      const LdnSideEffect *item = g_ptr_array_index (items, i);

      g_hash_table_insert (data->side_effect_names, g_strdup (item->id), g_strdup (item->name));
    }

  for (guint i = 0; i < items->len; i++)
    {
      const LdnSideEffect *item = g_ptr_array_index (items, i);
      g_autoptr(LdnChecklistEntry) entry = ldn_user_store_get_checklist_entry (user, item->id, error);
      LdnSheetSideEffect *row;

      if (entry == NULL)
        return FALSE;
      if (!entry->noticed)
        continue;

      row = g_new0 (LdnSheetSideEffect, 1);
      row->name = g_strdup (item->name);
      row->severity = g_strdup (entry->severity == LDN_SEVERITY_NONE ? "" : _(severities[entry->severity]));
      row->since = entry->since ? ldn_language_format_iso_date (entry->since) : g_strdup ("");
      row->note = ldn_user_text_dup_isolated (entry->note);
      g_ptr_array_add (data->side_effects, row);
    }

  data->other_side_effects = dup_user_text (user, LDN_USER_TEXT_OTHER_SIDE_EFFECTS);
  return TRUE;
}

static gboolean
collect_questions (LdnSheetData    *data,
                   LdnContentStore *content,
                   LdnUserStore    *user,
                   GError         **error)
{
  g_autoptr(GPtrArray) mine = ldn_user_store_list_questions (user, error);
  g_autoptr(GPtrArray) suggested = NULL;

  if (mine == NULL || (suggested = ldn_content_store_list_suggested_questions (content, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < mine->len; i++)
    g_ptr_array_add (data->questions, ldn_user_text_dup_isolated (((LdnUserQuestion *) g_ptr_array_index (mine, i))->text));
  for (guint i = 0; i < suggested->len; i++)
    if (((LdnSuggestedQuestion *) g_ptr_array_index (suggested, i))->ask3)
      g_ptr_array_add (data->ask3, g_strdup (((LdnSuggestedQuestion *) g_ptr_array_index (suggested, i))->text));

  data->what_matters = dup_user_text (user, LDN_USER_TEXT_WHAT_MATTERS);
  return TRUE;
}

static gboolean
collect_chart (LdnSheetData    *data,
               LdnContentStore *content,
               GHashTable      *cited,
               GError         **error)
{
  g_autoptr(LdnOccupancyModel) model = ldn_content_store_load_occupancy_model (content, error);
  LdnDoseSchedule schedule = { data->dose_mg, 1, 24 };

  if (model == NULL || (data->pet_points = ldn_content_store_list_pet_points (content, error)) == NULL)
    return FALSE;

  data->span_h = SHEET_SPAN_H;
  data->dose_minute = SHEET_DOSE_MINUTE;
  data->curve = ldn_occupancy_model_compute_curve (model, &schedule, data->span_h, data->span_h / 1000, error);
  if (data->curve == NULL)
    return FALSE;

  /* The caption's sources are the model's. */
  data->chart_caption = dup_text (content, "sheet.chart-caption", cited, error);
  return data->chart_caption != NULL;
}

static gboolean
collect_sources (LdnSheetData    *data,
                 LdnContentStore *content,
                 GHashTable      *cited,
                 GError         **error)
{
  g_autoptr(GPtrArray) all = ldn_content_store_list_sources (content, error);

  if (all == NULL)
    return FALSE;

  /* In the guide's reference-list order (by author). */
  for (guint i = 0; i < all->len; i++)
    {
      const LdnSource *source = g_ptr_array_index (all, i);

      if (g_hash_table_contains (cited, source->id))
        g_ptr_array_add (data->sources, ldn_source_dup_citation (source));
    }

  return TRUE;
}

/* A person who has entered nothing (a name aside) gets a one-page sheet:
 * the summary for the doctor with every safety question left open, what
 * LDN is, and who wrote the guide. The trials are left out, and with them
 * their sources; the chart is not collected. */
static gboolean
collect_nothing_entered (LdnSheetData    *data,
                         LdnContentStore *content,
                         GHashTable      *cited,
                         GError         **error)
{
  g_autoptr(GPtrArray) topics = ldn_content_store_list_safety_topics (content, error);
  g_autofree char *definition = NULL, *about = NULL;

  if (topics == NULL)
    return FALSE;

  data->nothing_entered = data->flags->len == 0 && data->unanswered->len == topics->len &&
                          data->understood->len == 0 && data->explain_again->len == 0 &&
                          data->side_effects->len == 0 && *data->other_side_effects == '\0' &&
                          data->questions->len == 0 && *data->what_matters == '\0' &&
                          *data->other_medicines == '\0' && ldn_sheet_decision_is_empty (data->decision) &&
                          (data->diary == NULL ||
                           (data->diary->items->len == 0 && data->diary->entries->len == 0 &&
                            data->diary->plan->len == 0 && !data->diary->has_start));
  if (!data->nothing_entered)
    return TRUE;

  g_ptr_array_set_size (data->frequencies, 0);
  g_hash_table_remove_all (cited);
  /* Only what the page prints is cited. */
  return (definition = dup_text (content, "sheet.ldn-definition", cited, error)) != NULL &&
         (about = dup_text (content, "sheet.about", cited, error)) != NULL;
}

/* With a diary, "Before and after" says what a before-and-after record
 * cannot show and when trials looked at results (content, sourced). */
static gboolean
collect_diary_texts (LdnSheetData    *data,
                     LdnContentStore *content,
                     GHashTable      *cited,
                     GError         **error)
{
  if (data->diary->items->len == 0 && data->diary->entries->len == 0)
    return TRUE;

  return (data->diary_caution = dup_text (content, "diary.placebo-caution", cited, error)) != NULL &&
         (data->diary_review = dup_text (content, "sheet.diary-review", cited, error)) != NULL;
}

LdnSheetData *
ldn_sheet_data_collect (LdnContentStore *content,
                        LdnUserStore    *user,
                        double           dose_mg,
                        gboolean         include_chart,
                        gboolean         include_sources,
                        GError         **error)
{
  g_autoptr(LdnSheetData) data = g_new0 (LdnSheetData, 1);
  g_autoptr(GHashTable) cited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (content) && LDN_IS_USER_STORE (user), NULL);

  data->language = g_strdup (ldn_language_get_current ());
  data->dose_mg = dose_mg > 0 ? dose_mg : 4.5;
  data->dose_chosen = dose_mg > 0;
  data->name = dup_user_text (user, LDN_USER_TEXT_NAME);
  /* Translators: the sheet's date, e.g. "21 November 2026"; see strftime(3). */
  data->date = g_date_time_format (now, _("%-d %B %Y"));
  data->flags = g_ptr_array_new_with_free_func ((GDestroyNotify) flag_free);
  data->unanswered = g_ptr_array_new_with_free_func (g_free);
  data->understood = g_ptr_array_new_with_free_func (g_free);
  data->frequencies = g_ptr_array_new_with_free_func ((GDestroyNotify) frequency_free);
  data->explain_again = g_ptr_array_new_with_free_func (g_free);
  data->side_effects = g_ptr_array_new_with_free_func ((GDestroyNotify) side_effect_free);
  data->questions = g_ptr_array_new_with_free_func (g_free);
  data->ask3 = g_ptr_array_new_with_free_func (g_free);
  data->sources = g_ptr_array_new_with_free_func (g_free);
  data->content_version = g_strdup (ldn_content_store_get_content_version (content));
  data->other_medicines = dup_user_text (user, LDN_USER_TEXT_OTHER_MEDICINES);

  if ((data->definition = dup_text (content, "sheet.ldn-definition", cited, error)) == NULL ||
      (data->frequency_intro = dup_text (content, "sheet.frequency-intro", cited, error)) == NULL ||
      (data->about = dup_text (content, "sheet.about", cited, error)) == NULL ||
      !collect_flags (data, content, user, cited, error) ||
      !collect_understanding (data, content, user, cited, error) ||
      !collect_side_effects (data, content, user, error) ||
      !collect_questions (data, content, user, error) ||
      (data->decision = ldn_sheet_decision_collect (content, user, cited, error)) == NULL ||
      /* The diary as the store keeps it, for "Before and after". */
      (data->diary = ldn_diary_store_dup_diary (user, error)) == NULL ||
      !collect_diary_texts (data, content, cited, error) ||
      !collect_nothing_entered (data, content, cited, error) ||
      (include_chart && !data->nothing_entered && !collect_chart (data, content, cited, error)) ||
      (include_sources && !collect_sources (data, content, cited, error)))
    return NULL;

  return g_steal_pointer (&data);
}

LdnSheetData *
ldn_sheet_data_collect_for_scenario (LdnContentStore *content,
                                     LdnUserStore    *user,
                                     LdnDoseScenario *scenario,
                                     gboolean         include_chart,
                                     gboolean         include_sources,
                                     GError         **error)
{
  LdnSheetData *data;

  g_return_val_if_fail (LDN_IS_DOSE_SCENARIO (scenario), NULL);

  g_autoptr(LdnDoseScenario) untouched = ldn_dose_scenario_new ();

  data = ldn_sheet_data_collect (content, user, ldn_dose_scenario_get_dose_mg (scenario),
                                 include_chart, include_sources, error);
  if (data == NULL)
    return NULL;
  /* The Timeline's example as it is before anyone changes it: not a dose
   * the person chose to look at (the chart may still draw it). */
  data->dose_chosen = ldn_dose_scenario_get_dose_mg (scenario) != ldn_dose_scenario_get_dose_mg (untouched) ||
                      ldn_dose_scenario_get_nightly (scenario) != ldn_dose_scenario_get_nightly (untouched) ||
                      ldn_dose_scenario_get_dose_minute (scenario) != ldn_dose_scenario_get_dose_minute (untouched);
  ldn_sheet_decision_set_schedule (data->decision, ldn_dose_scenario_get_nightly (scenario),
                                   ldn_dose_scenario_get_dose_minute (scenario));
  return data;
}

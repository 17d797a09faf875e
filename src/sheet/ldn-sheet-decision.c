/* ldn-sheet-decision.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "content/ldn-opioid-match.h"
#include "ldn-sheet-decision.h"
#include "user/ldn-decision-store.h"

static void
condition_free (LdnSheetCondition *condition)
{
  g_free (condition->name);
  g_free (condition->strength);
  g_free (condition);
}

static void
medicine_free (LdnSheetMedicine *medicine)
{
  g_free (medicine->name);
  g_free (medicine->dose);
  g_free (medicine->how_often);
  g_free (medicine->opioid);
  g_free (medicine->contains);
  g_free (medicine);
}

void
ldn_sheet_decision_free (LdnSheetDecision *decision)
{
  if (decision == NULL)
    return;
  g_free (decision->date_of_birth);
  g_clear_pointer (&decision->conditions, g_ptr_array_unref);
  g_free (decision->tried);
  g_free (decision->allergies);
  g_clear_pointer (&decision->medicines, g_ptr_array_unref);
  g_clear_pointer (&decision->values, g_ptr_array_unref);
  g_clear_pointer (&decision->consent, g_ptr_array_unref);
  g_clear_pointer (&decision->explain_again, g_ptr_array_unref);
  g_clear_pointer (&decision->sure[0], g_ptr_array_unref);
  g_clear_pointer (&decision->sure[1], g_ptr_array_unref);
  g_free (decision->stage);
  g_free (decision->role);
  g_free (decision->schedule);
  g_free (decision);
}

void
ldn_sheet_decision_set_schedule (LdnSheetDecision *decision,
                                 gboolean          nightly,
                                 guint             dose_minute)
{
  g_autofree char *time = NULL;

  g_return_if_fail (decision != NULL);

  time = g_strdup_printf ("%02u:%02u", (dose_minute / 60) % 24, dose_minute % 60);
  g_free (decision->schedule);
  decision->schedule = nightly
                         /* Translators: page 1 of the sheet, after the dose; %s is a clock time (22:00). */
                         ? g_strdup_printf (_("every night at %s"), time)
                         /* Translators: page 1 of the sheet, after the dose; %s is a clock time (22:00). */
                         : g_strdup_printf (_("one dose at %s"), time);
}

gboolean
ldn_sheet_decision_is_empty (const LdnSheetDecision *decision)
{
  return decision->date_of_birth == NULL && decision->conditions->len == 0 && *decision->tried == '\0' &&
         *decision->allergies == '\0' && decision->medicines->len == 0 && decision->values->len == 0 &&
         decision->sure_answered[0] == 0 && decision->sure_answered[1] == 0 && decision->stage == NULL &&
         decision->role == NULL && decision->explain_again->len == 0;
}

static void
cite (GHashTable         *cited,
      const char * const *sources)
{
  for (guint i = 0; cited != NULL && sources != NULL && sources[i] != NULL; i++)
    g_hash_table_add (cited, g_strdup (sources[i]));
}

static char *
format_birth_date (const char *date)
{
  int year, month, day;
  g_autoptr(GDateTime) when = NULL;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      (when = g_date_time_new_local (year, month, day, 0, 0, 0)) == NULL)
    return NULL;

  /* Translators: a date of birth on the sheet, e.g. "9 April 1968"; see strftime(3). */
  return g_date_time_format (when, _("%-d %B %Y"));
}

static gboolean
collect_about (LdnSheetDecision *decision,
               LdnContentStore  *content,
               LdnUserStore     *user,
               GHashTable       *cited,
               GError          **error)
{
  g_autoptr(GPtrArray) chosen = ldn_decision_list_conditions (user, error);
  g_autoptr(GPtrArray) known = NULL;
  g_autofree char *birth = NULL;

  if (chosen == NULL || (known = ldn_content_store_list_conditions (content, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < chosen->len; i++)
    {
      const LdnAboutCondition *mine = g_ptr_array_index (chosen, i);
      LdnSheetCondition *condition = g_new0 (LdnSheetCondition, 1);

      if (mine->text != NULL)
        condition->name = g_strdup (mine->text);
      for (guint j = 0; mine->condition_id != NULL && j < known->len; j++)
        {
          const LdnCondition *item = g_ptr_array_index (known, j);

          if (g_str_equal (item->id, mine->condition_id))
            {
              condition->name = g_strdup (item->name);
              condition->strength = g_strdup (item->strength_words);
              cite (cited, (const char * const *) item->sources);
            }
        }
      if (condition->name == NULL)   /* a condition the content no longer lists */
        condition->name = g_strdup (mine->condition_id);
      g_ptr_array_add (decision->conditions, condition);
    }

  birth = ldn_decision_dup_date_of_birth (user);
  decision->date_of_birth = format_birth_date (birth);
  decision->tried = ldn_decision_dup_about_text (user, LDN_ABOUT_TRIED);
  decision->allergies = ldn_decision_dup_about_text (user, LDN_ABOUT_ALLERGIES);
  return TRUE;
}

static gboolean
collect_medicines (LdnSheetDecision *decision,
                   LdnContentStore  *content,
                   LdnUserStore     *user,
                   GHashTable       *cited,
                   GError          **error)
{
  g_autoptr(GPtrArray) medicines = ldn_decision_list_medicines (user, error);
  g_autoptr(GPtrArray) opioids = NULL;
  gboolean any_opioid = FALSE;

  if (medicines == NULL || (opioids = ldn_content_store_list_opioids (content, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < medicines->len; i++)
    {
      const LdnMedicine *mine = g_ptr_array_index (medicines, i);
      const LdnOpioid *opioid = ldn_opioid_match (opioids, mine->name);
      LdnSheetMedicine *medicine = g_new0 (LdnSheetMedicine, 1);

      medicine->name = g_strdup (mine->name);
      medicine->dose = g_strdup (mine->dose);
      medicine->how_often = g_strdup (mine->how_often);
      if (opioid != NULL)
        {
          medicine->opioid = g_strdup (opioid->name);
          medicine->contains = *opioid->contains != '\0' ? g_strdup (opioid->contains) : NULL;
          cite (cited, (const char * const *) opioid->sources);
          any_opioid = TRUE;
        }
      g_ptr_array_add (decision->medicines, medicine);
    }

  decision->opioid_answer_no = any_opioid && ldn_user_store_get_answer (user, "opioids") == LDN_ANSWER_NO;
  return TRUE;
}

static gboolean
collect_values (LdnSheetDecision *decision,
                LdnContentStore  *content,
                LdnUserStore     *user,
                GError          **error)
{
  g_autoptr(GPtrArray) items = ldn_content_store_list_decision_items (content, "value", error);
  g_autoptr(GPtrArray) own = NULL;

  if (items == NULL || (own = ldn_decision_list_own_values (user, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      const LdnDecisionItem *item = g_ptr_array_index (items, i);
      int importance = ldn_decision_get_importance (user, item->id);

      if (importance >= 0)
        /* Translators: on the sheet: a consideration and how much it matters, e.g. "Cost: 3 of 4". */
        g_ptr_array_add (decision->values, g_strdup_printf (_("%s: %d of 4"), item->text, importance));
    }
  for (guint i = 0; i < own->len; i++)
    {
      const LdnOwnValue *value = g_ptr_array_index (own, i);

      if (value->importance >= 0)
        g_ptr_array_add (decision->values, g_strdup_printf (_("%s: %d of 4"), value->text, value->importance));
      else
        g_ptr_array_add (decision->values, g_strdup (value->text));
    }

  return TRUE;
}

static gboolean
collect_consent (LdnSheetDecision *decision,
                 LdnContentStore  *content,
                 LdnUserStore     *user,
                 GHashTable       *cited,
                 GError          **error)
{
  g_autoptr(GPtrArray) items = ldn_content_store_list_decision_items (content, "consent", error);

  if (items == NULL)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      const LdnDecisionItem *item = g_ptr_array_index (items, i);
      LdnConsentAnswer answer = ldn_decision_get_consent (user, item->id);
      const char *words = answer == LDN_CONSENT_UNDERSTOOD ? _("I understand")
                          : answer == LDN_CONSENT_EXPLAIN  ? _("Please explain again")
                                                           : _("Not answered");

      /* Translators: on the sheet: a consent statement, then the person's answer. */
      g_ptr_array_add (decision->consent, g_strdup_printf (_("%s — %s"), item->text, words));
      if (answer == LDN_CONSENT_EXPLAIN)
        {
          g_ptr_array_add (decision->explain_again, g_strdup (item->short_text));
          cite (cited, (const char * const *) item->sources);
        }
    }

  return TRUE;
}

static gboolean
collect_sure (LdnSheetDecision *decision,
              LdnContentStore  *content,
              LdnUserStore     *user,
              GHashTable       *cited,
              GError          **error)
{
  g_autoptr(GPtrArray) items = ldn_content_store_list_decision_items (content, "sure", error);

  if (items == NULL)
    return FALSE;

  for (LdnSurePhase phase = LDN_SURE_BEFORE; phase <= LDN_SURE_AFTER; phase++)
    {
      ldn_decision_count_sure (user, phase, &decision->sure_answered[phase], &decision->sure_unsure[phase]);
      for (guint i = 0; i < items->len && i < LDN_DECISION_SURE_ITEMS; i++)
        {
          const LdnDecisionItem *item = g_ptr_array_index (items, i);
          LdnSureAnswer answer = ldn_decision_get_sure (user, phase, i);
          const char *words = answer == LDN_SURE_YES ? _("Yes") : answer == LDN_SURE_NO ? _("No") : _("Not answered");

          g_ptr_array_add (decision->sure[phase], g_strdup_printf (_("%s — %s"), item->text, words));
        }
      if (decision->sure_answered[phase] > 0)
        cite (cited, (const char * const *) ((LdnDecisionItem *) g_ptr_array_index (items, 0))->sources);
    }

  return TRUE;
}

static void
collect_stance (LdnSheetDecision *decision,
                LdnUserStore     *user)
{
  switch (ldn_decision_get_stage (user))
    {
    case LDN_STAGE_NOT_THOUGHT:
      decision->stage = g_strdup (_("I have not thought about it yet."));
      break;
    case LDN_STAGE_CONSIDERING:
      decision->stage = g_strdup (_("I am considering the choices."));
      break;
    case LDN_STAGE_CLOSE:
      decision->stage = g_strdup (_("I am close to choosing."));
      break;
    case LDN_STAGE_DECIDED:
      decision->stage = g_strdup (_("I have made a choice."));
      break;
    case LDN_STAGE_NONE:
    default:
      break;
    }

  switch (ldn_decision_get_role (user))
    {
    case LDN_ROLE_ME:
      decision->role = g_strdup (_("I want to decide myself, after hearing my doctor’s view."));
      break;
    case LDN_ROLE_TOGETHER:
      decision->role = g_strdup (_("I want to decide together with my doctor."));
      break;
    case LDN_ROLE_DOCTOR:
      decision->role = g_strdup (_("I want my doctor to decide, after hearing my view."));
      break;
    case LDN_ROLE_NONE:
    default:
      break;
    }
}

LdnSheetDecision *
ldn_sheet_decision_collect (LdnContentStore *content,
                            LdnUserStore    *user,
                            GHashTable      *cited,
                            GError         **error)
{
  g_autoptr(LdnSheetDecision) decision = g_new0 (LdnSheetDecision, 1);

  decision->conditions = g_ptr_array_new_with_free_func ((GDestroyNotify) condition_free);
  decision->medicines = g_ptr_array_new_with_free_func ((GDestroyNotify) medicine_free);
  decision->values = g_ptr_array_new_with_free_func (g_free);
  decision->consent = g_ptr_array_new_with_free_func (g_free);
  decision->explain_again = g_ptr_array_new_with_free_func (g_free);
  decision->sure[0] = g_ptr_array_new_with_free_func (g_free);
  decision->sure[1] = g_ptr_array_new_with_free_func (g_free);

  if (!collect_about (decision, content, user, cited, error) ||
      !collect_medicines (decision, content, user, cited, error) ||
      !collect_values (decision, content, user, error) ||
      !collect_consent (decision, content, user, cited, error) ||
      !collect_sure (decision, content, user, cited, error))
    return NULL;
  collect_stance (decision, user);

  return g_steal_pointer (&decision);
}

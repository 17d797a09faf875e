/* ldn-decision-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ldn-decision-json.h"
#include "ldn-decision-store.h"
#include "ldn-json-fields.h"

const char * const ldn_decision_json_members[] = {
  "about_me", "medicines", "values", "consent", "sure", "decision", NULL
};

struct _LdnDecisionImport
{
  GPtrArray  *conditions;     /* LdnAboutCondition */
  char       *tried;
  char       *allergies;
  char       *date_of_birth;
  GPtrArray  *medicines;      /* LdnMedicine */
  GHashTable *ratings;        /* value id -> GINT_TO_POINTER (importance + 1), 0 for null */
  GPtrArray  *own_values;     /* LdnOwnValue */
  GHashTable *consent;        /* item id -> answer string, "" for null */
  LdnSureAnswer sure[2][LDN_DECISION_SURE_ITEMS];
  LdnDecisionStage stage;
  LdnDecisionRole  role;
};

void
ldn_decision_import_free (LdnDecisionImport *import)
{
  if (import == NULL)
    return;
  g_clear_pointer (&import->conditions, g_ptr_array_unref);
  g_clear_pointer (&import->medicines, g_ptr_array_unref);
  g_clear_pointer (&import->ratings, g_hash_table_unref);
  g_clear_pointer (&import->own_values, g_ptr_array_unref);
  g_clear_pointer (&import->consent, g_hash_table_unref);
  g_free (import->tried);
  g_free (import->allergies);
  g_free (import->date_of_birth);
  g_free (import);
}

static void
add_importance (JsonBuilder *builder,
                int          importance)
{
  if (importance >= 0)
    json_builder_add_int_value (builder, importance);
  else
    json_builder_add_null_value (builder);
}

gboolean
ldn_decision_json_add (JsonBuilder          *builder,
                       LdnUserStore         *store,
                       const LdnUserDataIds *ids,
                       GError              **error)
{
  g_autoptr(GPtrArray) conditions = ldn_decision_list_conditions (store, error);
  g_autoptr(GPtrArray) medicines = NULL;
  g_autoptr(GPtrArray) own = NULL;
  g_autofree char *tried = NULL, *allergies = NULL, *birth = NULL;
  g_auto(GStrv) saved_values = NULL;
  g_auto(GStrv) saved_consent = NULL;

  if (conditions == NULL ||
      (medicines = ldn_decision_list_medicines (store, error)) == NULL ||
      (own = ldn_decision_list_own_values (store, error)) == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "about_me");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "conditions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < conditions->len; i++)
    {
      LdnAboutCondition *condition = g_ptr_array_index (conditions, i);

      if (condition->condition_id != NULL)
        {
          json_builder_add_string_value (builder, condition->condition_id);
          continue;
        }
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, condition->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  tried = ldn_decision_dup_about_text (store, LDN_ABOUT_TRIED);
  allergies = ldn_decision_dup_about_text (store, LDN_ABOUT_ALLERGIES);
  birth = ldn_decision_dup_date_of_birth (store);
  ldn_json_add_string_member (builder, "tried", tried);
  ldn_json_add_string_member (builder, "allergies", allergies);
  ldn_json_add_string_member (builder, "date_of_birth", birth);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "medicines");
  json_builder_begin_array (builder);
  for (guint i = 0; i < medicines->len; i++)
    {
      LdnMedicine *medicine = g_ptr_array_index (medicines, i);

      json_builder_begin_object (builder);
      ldn_json_add_string_member (builder, "name", medicine->name);
      ldn_json_add_string_member (builder, "dose", medicine->dose);
      ldn_json_add_string_member (builder, "how_often", medicine->how_often);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* Every consideration the content lists, rated or not; then any rating
   * saved for one it no longer lists, so nothing is silently dropped. */
  saved_values = ldn_decision_dup_saved_ids (store, FALSE);
  saved_consent = ldn_decision_dup_saved_ids (store, TRUE);
  json_builder_set_member_name (builder, "values");
  json_builder_begin_object (builder);
  for (guint i = 0; ids->value_ids != NULL && ids->value_ids[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, ids->value_ids[i]);
      add_importance (builder, ldn_decision_get_importance (store, ids->value_ids[i]));
    }
  for (guint i = 0; saved_values[i] != NULL; i++)
    if (ids->value_ids == NULL || !g_strv_contains (ids->value_ids, saved_values[i]))
      {
        json_builder_set_member_name (builder, saved_values[i]);
        add_importance (builder, ldn_decision_get_importance (store, saved_values[i]));
      }
  json_builder_set_member_name (builder, "own");
  json_builder_begin_array (builder);
  for (guint i = 0; i < own->len; i++)
    {
      LdnOwnValue *value = g_ptr_array_index (own, i);

      json_builder_begin_object (builder);
      ldn_json_add_string_member (builder, "text", value->text);
      json_builder_set_member_name (builder, "importance");
      add_importance (builder, value->importance);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "consent");
  json_builder_begin_object (builder);
  for (guint i = 0; ids->consent_ids != NULL && ids->consent_ids[i] != NULL; i++)
    ldn_json_add_string_member (builder, ids->consent_ids[i],
                                ldn_consent_to_string (ldn_decision_get_consent (store, ids->consent_ids[i])));
  for (guint i = 0; saved_consent[i] != NULL; i++)
    if (ids->consent_ids == NULL || !g_strv_contains (ids->consent_ids, saved_consent[i]))
      ldn_json_add_string_member (builder, saved_consent[i],
                                  ldn_consent_to_string (ldn_decision_get_consent (store, saved_consent[i])));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "sure");
  json_builder_begin_object (builder);
  for (LdnSurePhase phase = LDN_SURE_BEFORE; phase <= LDN_SURE_AFTER; phase++)
    {
      json_builder_set_member_name (builder, ldn_sure_phase_to_string (phase));
      json_builder_begin_array (builder);
      for (guint i = 0; i < LDN_DECISION_SURE_ITEMS; i++)
        {
          LdnSureAnswer answer = ldn_decision_get_sure (store, phase, i);

          if (answer == LDN_SURE_NONE)
            json_builder_add_null_value (builder);
          else
            json_builder_add_boolean_value (builder, answer == LDN_SURE_YES);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "decision");
  json_builder_begin_object (builder);
  ldn_json_add_string_member (builder, "stage", ldn_decision_stage_to_string (ldn_decision_get_stage (store)));
  ldn_json_add_string_member (builder, "role", ldn_decision_role_to_string (ldn_decision_get_role (store)));
  json_builder_end_object (builder);

  return TRUE;
}

static gboolean
read_text (JsonNode   *node,
           const char *field,
           gboolean    nullable,
           char      **out,
           GError    **error)
{
  *out = NULL;
  if (node != NULL && JSON_NODE_HOLDS_NULL (node) && nullable)
    return TRUE;
  if (!ldn_json_holds_string (node))
    return ldn_json_field_error (error, field, nullable ? _("must be a text or null") : _("must be a text"));

  return ldn_json_dup_user_text (json_node_get_string (node), field, out, error);
}

/* A non-empty text, for a name or a typed condition. */
static gboolean
read_name (JsonNode   *node,
           const char *field,
           char      **out,
           GError    **error)
{
  g_autofree char *trimmed = NULL;

  if (!read_text (node, field, FALSE, out, error))
    return FALSE;
  trimmed = g_strstrip (g_strdup (*out));
  if (*trimmed == '\0')
    return ldn_json_field_error (error, field, _("is empty"));

  return TRUE;
}

static gboolean
read_importance (JsonNode   *node,
                 const char *field,
                 int        *importance,
                 GError    **error)
{
  *importance = -1;
  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!ldn_json_holds_int_in (node, 0, LDN_DECISION_IMPORTANCE_MAX))
    return ldn_json_field_error (error, field, _("must be a whole number from 0 to %d, or null"),
                                 LDN_DECISION_IMPORTANCE_MAX);

  *importance = json_node_get_int (node);
  return TRUE;
}

static gboolean
read_about_me (JsonObject           *root,
               const LdnUserDataIds *ids,
               LdnDecisionImport    *import,
               GError              **error)
{
  static const char * const allowed[] = { "conditions", "tried", "allergies", "date_of_birth", NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *about = ldn_json_read_object (json_object_get_member (root, "about_me"), "about_me", allowed, error);
  JsonArray *conditions;

  if (about == NULL ||
      (conditions = ldn_json_read_array (about, "conditions", "about_me.conditions", LDN_DECISION_MAX_ITEMS,
                                         error)) == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (conditions); i++)
    {
      g_autofree char *field = g_strdup_printf ("about_me.conditions[%u]", i);
      JsonNode *node = json_array_get_element (conditions, i);
      LdnAboutCondition *condition = g_new0 (LdnAboutCondition, 1);

      g_ptr_array_add (import->conditions, condition);
      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          static const char * const text_only[] = { "text", NULL };
          g_autofree char *here = g_strdup_printf ("%s.text", field);
          JsonObject *object = ldn_json_read_object (node, field, text_only, error);

          if (object == NULL || !read_name (json_object_get_member (object, "text"), here, &condition->text, error))
            return FALSE;
          continue;
        }

      if (!ldn_json_holds_string (node))
        return ldn_json_field_error (error, field, _("must be a condition’s id or {\"text\": …}"));
      condition->condition_id = g_strdup (json_node_get_string (node));
      if (!ldn_json_known_id (ids->condition_ids, condition->condition_id))
        return ldn_json_field_error (error, field, _("“%s” is not a condition in the guide"),
                                     condition->condition_id);
      if (!g_hash_table_add (seen, condition->condition_id))
        return ldn_json_field_error (error, field, _("“%s” appears twice"), condition->condition_id);
    }

  if (!read_text (json_object_get_member (about, "tried"), "about_me.tried", FALSE, &import->tried, error) ||
      !read_text (json_object_get_member (about, "allergies"), "about_me.allergies", FALSE, &import->allergies, error) ||
      !read_text (json_object_get_member (about, "date_of_birth"), "about_me.date_of_birth", TRUE,
                  &import->date_of_birth, error))
    return FALSE;

  if (import->date_of_birth != NULL)
    {
      GError *check = NULL;

      return ldn_json_field_check (ldn_decision_birth_date_check (import->date_of_birth, &check), &check,
                                   "about_me.date_of_birth", error);
    }

  return TRUE;
}

static gboolean
read_medicines (JsonObject        *root,
                LdnDecisionImport *import,
                GError           **error)
{
  static const char * const allowed[] = { "name", "dose", "how_often", NULL };
  JsonArray *medicines = ldn_json_read_array (root, "medicines", "medicines", LDN_DECISION_MAX_ITEMS, error);

  if (medicines == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (medicines); i++)
    {
      g_autofree char *field = g_strdup_printf ("medicines[%u]", i);
      g_autofree char *name_field = g_strdup_printf ("%s.name", field);
      g_autofree char *dose_field = g_strdup_printf ("%s.dose", field);
      g_autofree char *often_field = g_strdup_printf ("%s.how_often", field);
      LdnMedicine *medicine = g_new0 (LdnMedicine, 1);
      JsonObject *object;

      g_ptr_array_add (import->medicines, medicine);
      object = ldn_json_read_object (json_array_get_element (medicines, i), field, allowed, error);
      if (object == NULL ||
          !read_name (json_object_get_member (object, "name"), name_field, &medicine->name, error) ||
          !read_text (json_object_get_member (object, "dose"), dose_field, FALSE, &medicine->dose, error) ||
          !read_text (json_object_get_member (object, "how_often"), often_field, FALSE, &medicine->how_often, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_values (JsonObject           *root,
             const LdnUserDataIds *ids,
             LdnDecisionImport    *import,
             GError              **error)
{
  static const char * const own_allowed[] = { "text", "importance", NULL };
  JsonObject *values = ldn_json_read_object (json_object_get_member (root, "values"), "values", NULL, error);
  g_autoptr(GList) members = NULL;
  JsonArray *own;

  if (values == NULL)
    return FALSE;

  members = json_object_get_members (values);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *field = g_strdup_printf ("values.%s", (const char *) l->data);
      int importance;

      if (g_str_equal (l->data, "own"))
        continue;
      if (!ldn_json_known_id (ids->value_ids, l->data))
        return ldn_json_field_error (error, field, _("“%s” is not a consideration in the guide"),
                                     (const char *) l->data);
      if (!read_importance (json_object_get_member (values, l->data), field, &importance, error))
        return FALSE;
      g_hash_table_insert (import->ratings, g_strdup (l->data), GINT_TO_POINTER (importance + 1));
    }

  own = ldn_json_read_array (values, "own", "values.own", LDN_DECISION_MAX_ITEMS, error);
  if (own == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (own); i++)
    {
      g_autofree char *field = g_strdup_printf ("values.own[%u]", i);
      g_autofree char *text_field = g_strdup_printf ("%s.text", field);
      g_autofree char *importance_field = g_strdup_printf ("%s.importance", field);
      LdnOwnValue *value = g_new0 (LdnOwnValue, 1);
      JsonObject *object;

      g_ptr_array_add (import->own_values, value);
      object = ldn_json_read_object (json_array_get_element (own, i), field, own_allowed, error);
      if (object == NULL ||
          !read_name (json_object_get_member (object, "text"), text_field, &value->text, error) ||
          !read_importance (json_object_get_member (object, "importance"), importance_field, &value->importance,
                            error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_consent (JsonObject           *root,
              const LdnUserDataIds *ids,
              LdnDecisionImport    *import,
              GError              **error)
{
  JsonObject *consent = ldn_json_read_object (json_object_get_member (root, "consent"), "consent", NULL, error);
  g_autoptr(GList) members = NULL;

  if (consent == NULL)
    return FALSE;

  members = json_object_get_members (consent);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *field = g_strdup_printf ("consent.%s", (const char *) l->data);
      JsonNode *node = json_object_get_member (consent, l->data);
      LdnConsentAnswer answer;

      if (!ldn_json_known_id (ids->consent_ids, l->data))
        return ldn_json_field_error (error, field, _("“%s” is not a consent item in the guide"),
                                     (const char *) l->data);
      if (JSON_NODE_HOLDS_NULL (node))
        {
          g_hash_table_insert (import->consent, g_strdup (l->data), g_strdup (""));
          continue;
        }
      if (!ldn_json_holds_string (node) || !ldn_consent_from_string (json_node_get_string (node), &answer))
        return ldn_json_field_error (error, field, _("must be “understood”, “explain” or null"));
      g_hash_table_insert (import->consent, g_strdup (l->data), g_strdup (json_node_get_string (node)));
    }

  return TRUE;
}

static gboolean
read_sure (JsonObject        *root,
           LdnDecisionImport *import,
           GError           **error)
{
  static const char * const allowed[] = { "before", "after", NULL };
  JsonObject *sure = ldn_json_read_object (json_object_get_member (root, "sure"), "sure", allowed, error);

  if (sure == NULL)
    return FALSE;

  for (LdnSurePhase phase = LDN_SURE_BEFORE; phase <= LDN_SURE_AFTER; phase++)
    {
      const char *name = ldn_sure_phase_to_string (phase);
      g_autofree char *field = g_strdup_printf ("sure.%s", name);
      JsonNode *node = json_object_get_member (sure, name);
      JsonArray *answers;

      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
          json_array_get_length (answers = json_node_get_array (node)) != LDN_DECISION_SURE_ITEMS)
        return ldn_json_field_error (error, field, _("must be a list of 4 answers, each true, false or null"));

      for (guint i = 0; i < LDN_DECISION_SURE_ITEMS; i++)
        {
          g_autofree char *here = g_strdup_printf ("%s[%u]", field, i);
          int answer;

          if (!ldn_json_read_boolean_or_null (json_array_get_element (answers, i), here, &answer, error))
            return FALSE;
          import->sure[phase][i] = answer < 0 ? LDN_SURE_NONE : answer ? LDN_SURE_YES : LDN_SURE_NO;
        }
    }

  return TRUE;
}

static gboolean
read_decision (JsonObject        *root,
               LdnDecisionImport *import,
               GError           **error)
{
  static const char * const allowed[] = { "stage", "role", NULL };
  JsonObject *decision = ldn_json_read_object (json_object_get_member (root, "decision"), "decision", allowed, error);
  g_autofree char *stage = NULL, *role = NULL;

  if (decision == NULL ||
      !read_text (json_object_get_member (decision, "stage"), "decision.stage", TRUE, &stage, error) ||
      !read_text (json_object_get_member (decision, "role"), "decision.role", TRUE, &role, error))
    return FALSE;

  if (stage != NULL && !ldn_decision_stage_from_string (stage, &import->stage))
    return ldn_json_field_error (error, "decision.stage",
                                 _("must be “not-thought”, “considering”, “close”, “decided” or null"));
  if (role != NULL && !ldn_decision_role_from_string (role, &import->role))
    return ldn_json_field_error (error, "decision.role", _("must be “me”, “together”, “doctor” or null"));

  return TRUE;
}

LdnDecisionImport *
ldn_decision_json_read (JsonObject           *root,
                        const LdnUserDataIds *ids,
                        gboolean              has_members,
                        GError              **error)
{
  g_autoptr(LdnDecisionImport) import = g_new0 (LdnDecisionImport, 1);

  import->conditions = g_ptr_array_new_with_free_func ((GDestroyNotify) ldn_about_condition_free);
  import->medicines = g_ptr_array_new_with_free_func ((GDestroyNotify) ldn_medicine_free);
  import->own_values = g_ptr_array_new_with_free_func ((GDestroyNotify) ldn_own_value_free);
  import->ratings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->consent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import->tried = g_strdup ("");
  import->allergies = g_strdup ("");

  if (!has_members)
    return g_steal_pointer (&import);

  g_clear_pointer (&import->tried, g_free);
  g_clear_pointer (&import->allergies, g_free);
  if (!read_about_me (root, ids, import, error) || !read_medicines (root, import, error) ||
      !read_values (root, ids, import, error) || !read_consent (root, ids, import, error) ||
      !read_sure (root, import, error) || !read_decision (root, import, error))
    return NULL;

  return g_steal_pointer (&import);
}

gboolean
ldn_decision_json_write (LdnUserStore      *store,
                         LdnDecisionImport *import,
                         GError           **error)
{
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < import->conditions->len; i++)
    {
      LdnAboutCondition *condition = g_ptr_array_index (import->conditions, i);

      if (condition->condition_id != NULL
          ? !ldn_decision_set_condition (store, condition->condition_id, TRUE, error)
          : ldn_decision_add_own_condition (store, condition->text, error) == 0)
        return FALSE;
    }

  if (!ldn_decision_set_about_text (store, LDN_ABOUT_TRIED, import->tried, error) ||
      !ldn_decision_set_about_text (store, LDN_ABOUT_ALLERGIES, import->allergies, error) ||
      !ldn_decision_set_date_of_birth (store, import->date_of_birth, error))
    return FALSE;

  for (guint i = 0; i < import->medicines->len; i++)
    {
      LdnMedicine *medicine = g_ptr_array_index (import->medicines, i);

      if (ldn_decision_add_medicine (store, medicine->name, medicine->dose, medicine->how_often, error) == 0)
        return FALSE;
    }

  g_hash_table_iter_init (&iter, import->ratings);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!ldn_decision_set_importance (store, key, GPOINTER_TO_INT (value) - 1, error))
      return FALSE;

  for (guint i = 0; i < import->own_values->len; i++)
    {
      LdnOwnValue *own = g_ptr_array_index (import->own_values, i);

      if (ldn_decision_add_own_value (store, own->text, own->importance, error) == 0)
        return FALSE;
    }

  g_hash_table_iter_init (&iter, import->consent);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      LdnConsentAnswer answer = LDN_CONSENT_NONE;

      ldn_consent_from_string (value, &answer);
      if (!ldn_decision_set_consent (store, key, answer, error))
        return FALSE;
    }

  for (LdnSurePhase phase = LDN_SURE_BEFORE; phase <= LDN_SURE_AFTER; phase++)
    for (guint i = 0; i < LDN_DECISION_SURE_ITEMS; i++)
      if (!ldn_decision_set_sure (store, phase, i, import->sure[phase][i], error))
        return FALSE;

  return ldn_decision_set_stage (store, import->stage, error) && ldn_decision_set_role (store, import->role, error);
}

/* ldn-diary-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ldn-diary-json.h"
#include "ldn-diary-store.h"
#include "ldn-json-fields.h"

static const char *severity_names[] = { NULL, "mild", "moderate", "severe" };

JsonNode *
ldn_diary_json_build (const LdnDiary *diary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < diary->items->len; i++)
    {
      const LdnDiaryItem *item = g_ptr_array_index (diary->items, i);

      json_builder_begin_object (builder);
      ldn_json_add_string_member (builder, "id", item->id);
      ldn_json_add_string_member (builder, "label", item->label);
      ldn_json_add_string_member (builder, "low", item->low);
      ldn_json_add_string_member (builder, "high", item->high);
      ldn_json_add_string_member (builder, "every", ldn_diary_every_to_string (item->every));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "start");
  if (diary->has_start)
    {
      g_autofree char *start = ldn_diary_date_format (&diary->start);
      json_builder_add_string_value (builder, start);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "plan");
  json_builder_begin_array (builder);
  for (guint i = 0; i < diary->plan->len; i++)
    {
      const LdnDiaryPlanStep *step = g_ptr_array_index (diary->plan, i);
      g_autofree char *from = ldn_diary_date_format (&step->from);
      g_autofree char *time = ldn_diary_time_format (step->minutes);

      json_builder_begin_object (builder);
      ldn_json_add_string_member (builder, "from", from);
      json_builder_set_member_name (builder, "dose_mg");
      json_builder_add_double_value (builder, step->dose_mg);
      ldn_json_add_string_member (builder, "time", time);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < diary->entries->len; i++)
    {
      const LdnDiaryEntry *entry = g_ptr_array_index (diary->entries, i);
      g_autofree char *date = ldn_diary_date_format (&entry->date);

      json_builder_begin_object (builder);
      ldn_json_add_string_member (builder, "date", date);
      json_builder_set_member_name (builder, "ratings");
      json_builder_begin_object (builder);
      for (guint j = 0; j < diary->items->len && j < LDN_DIARY_MAX_ITEMS; j++)
        if (entry->ratings[j] != LDN_DIARY_RATING_NONE)
          {
            json_builder_set_member_name (builder, ((LdnDiaryItem *) g_ptr_array_index (diary->items, j))->id);
            json_builder_add_int_value (builder, entry->ratings[j]);
          }
      json_builder_end_object (builder);
      ldn_json_add_string_member (builder, "note", entry->note);
      json_builder_set_member_name (builder, "side_effects");
      json_builder_begin_array (builder);
      for (guint j = 0; j < entry->side_effects->len; j++)
        {
          const LdnDiarySideEffect *effect = g_ptr_array_index (entry->side_effects, j);

          json_builder_begin_object (builder);
          ldn_json_add_string_member (builder, "id", effect->id);
          json_builder_set_member_name (builder, "severity");
          if (effect->severity > 0 && effect->severity < (int) G_N_ELEMENTS (severity_names))
            json_builder_add_string_value (builder, severity_names[effect->severity]);
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "dose_taken");
      if (entry->dose_taken == LDN_DIARY_DOSE_UNKNOWN)
        json_builder_add_null_value (builder);
      else
        json_builder_add_boolean_value (builder, entry->dose_taken == LDN_DIARY_DOSE_TAKEN);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

gboolean
ldn_diary_json_add (JsonBuilder  *builder,
                    LdnUserStore *store,
                    GError      **error)
{
  g_autoptr(LdnDiary) diary = ldn_diary_store_dup_diary (store, error);

  if (diary == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "diary");
  json_builder_add_value (builder, ldn_diary_json_build (diary));
  return TRUE;
}

/* Reading */

static const char *
read_string (JsonObject *object,
             const char *member,
             const char *field,
             GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *here = g_strdup_printf ("%s.%s", field, member);

  if (!ldn_json_holds_string (node))
    {
      ldn_json_field_error (error, here, node == NULL ? _("this field is missing") : _("must be a text"));
      return NULL;
    }

  return json_node_get_string (node);
}

static gboolean
read_date (JsonNode   *node,
           const char *field,
           GDate      *date,
           GError    **error)
{
  if (!ldn_json_holds_string (node) || !ldn_diary_date_parse (json_node_get_string (node), date))
    return ldn_json_field_error (error, field, _("must be a date in the form YYYY-MM-DD"));
  return TRUE;
}

static gboolean
read_items (JsonObject *object,
            LdnDiary   *diary,
            GError    **error)
{
  static const char *allowed[] = { "id", "label", "low", "high", "every", NULL };
  JsonArray *items = ldn_json_read_array (object, "items", "diary.items", LDN_DIARY_MAX_ITEMS, error);

  if (items == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *field = g_strdup_printf ("diary.items[%u]", i);
      JsonObject *item = ldn_json_read_object (json_array_get_element (items, i), field, allowed, error);
      const char *id, *label, *low, *high, *every_text;
      LdnDiaryEvery every;
      GError *check = NULL;
      gsize length;

      if (item == NULL || (id = read_string (item, "id", field, error)) == NULL ||
          (label = read_string (item, "label", field, error)) == NULL ||
          (low = read_string (item, "low", field, error)) == NULL ||
          (high = read_string (item, "high", field, error)) == NULL ||
          (every_text = read_string (item, "every", field, error)) == NULL)
        return FALSE;

      length = strlen (id);
      if (length == 0 || length > 40 || strspn (id, "abcdefghijklmnopqrstuvwxyz0123456789-") != length)
        {
          g_autofree char *here = g_strdup_printf ("%s.id", field);
          return ldn_json_field_error (error, here, _("must be 1 to 40 small letters, digits or hyphens"));
        }
      if (ldn_diary_find_item (diary, id) >= 0)
        {
          g_autofree char *here = g_strdup_printf ("%s.id", field);
          return ldn_json_field_error (error, here, _("“%s” is used by two items"), id);
        }
      {
        g_autofree char *here = g_strdup_printf ("%s.label", field);
        if (!ldn_json_field_check (ldn_diary_check_item_text (label, TRUE, &check), &check, here, error))
          return FALSE;
      }
      {
        g_autofree char *here = g_strdup_printf ("%s.low", field);
        if (!ldn_json_field_check (ldn_diary_check_item_text (low, FALSE, &check), &check, here, error))
          return FALSE;
      }
      {
        g_autofree char *here = g_strdup_printf ("%s.high", field);
        if (!ldn_json_field_check (ldn_diary_check_item_text (high, FALSE, &check), &check, here, error))
          return FALSE;
      }
      if (!ldn_diary_every_from_string (every_text, &every))
        {
          g_autofree char *here = g_strdup_printf ("%s.every", field);
          return ldn_json_field_error (error, here, _("must be “day” or “week”"));
        }

      g_ptr_array_add (diary->items, ldn_diary_item_new (id, label, low, high, every));
    }

  return TRUE;
}

static gboolean
read_plan (JsonObject *object,
           LdnDiary   *diary,
           GError    **error)
{
  static const char *allowed[] = { "from", "dose_mg", "time", NULL };
  JsonArray *plan = ldn_json_read_array (object, "plan", "diary.plan", LDN_DIARY_JSON_MAX_ENTRIES, error);

  if (plan == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (plan); i++)
    {
      g_autofree char *field = g_strdup_printf ("diary.plan[%u]", i);
      g_autofree char *from_field = g_strdup_printf ("%s.from", field);
      g_autofree char *dose_field = g_strdup_printf ("%s.dose_mg", field);
      g_autofree char *time_field = g_strdup_printf ("%s.time", field);
      JsonObject *step = ldn_json_read_object (json_array_get_element (plan, i), field, allowed, error);
      JsonNode *dose;
      const char *time;
      GError *check = NULL;
      GDate from;
      double dose_mg;
      int minutes;

      if (step == NULL || !read_date (json_object_get_member (step, "from"), from_field, &from, error))
        return FALSE;
      for (guint j = 0; j < diary->plan->len; j++)
        if (g_date_compare (&((LdnDiaryPlanStep *) g_ptr_array_index (diary->plan, j))->from, &from) == 0)
          return ldn_json_field_error (error, from_field, _("two plan steps start on this date"));

      dose = json_object_get_member (step, "dose_mg");
      if (dose == NULL || !JSON_NODE_HOLDS_VALUE (dose) ||
          (json_node_get_value_type (dose) != G_TYPE_DOUBLE && json_node_get_value_type (dose) != G_TYPE_INT64))
        return ldn_json_field_error (error, dose_field, _("must be a number"));
      dose_mg = json_node_get_double (dose);
      if (!ldn_json_field_check (ldn_diary_check_dose (dose_mg, &check), &check, dose_field, error))
        return FALSE;

      time = read_string (step, "time", field, error);
      if (time == NULL)
        return FALSE;
      minutes = ldn_diary_time_parse (time);
      if (minutes < 0)
        return ldn_json_field_error (error, time_field, _("must be a time of day in the form HH:MM"));

      g_ptr_array_add (diary->plan, ldn_diary_plan_step_new (&from, dose_mg, minutes));
    }

  return TRUE;
}

static gboolean
read_side_effects (JsonObject           *object,
                   const char           *field,
                   const LdnUserDataIds *ids,
                   LdnDiaryEntry        *entry,
                   GError              **error)
{
  static const char *allowed[] = { "id", "severity", NULL };
  g_autofree char *list_field = g_strdup_printf ("%s.side_effects", field);
  JsonArray *effects = ldn_json_read_array (object, "side_effects", list_field, 200, error);

  if (effects == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (effects); i++)
    {
      g_autofree char *here = g_strdup_printf ("%s[%u]", list_field, i);
      JsonObject *effect = ldn_json_read_object (json_array_get_element (effects, i), here, allowed, error);
      const char *id, *severity_text;
      GError *check = NULL;
      int severity = 0;

      if (effect == NULL || (id = read_string (effect, "id", here, error)) == NULL ||
          (severity_text = read_string (effect, "severity", here, error)) == NULL)
        return FALSE;

      {
        g_autofree char *id_field = g_strdup_printf ("%s.id", here);

        if (!ldn_json_field_check (ldn_diary_check_side_effect_id (id, &check), &check, id_field, error))
          return FALSE;
        if (ids->checklist_ids != NULL && !g_strv_contains (ids->checklist_ids, id))
          return ldn_json_field_error (error, id_field, _("“%s” is not a side effect LDN Guide knows"), id);
        for (guint j = 0; j < entry->side_effects->len; j++)
          if (g_str_equal (((LdnDiarySideEffect *) g_ptr_array_index (entry->side_effects, j))->id, id))
            return ldn_json_field_error (error, id_field, _("the same side effect is listed twice"));
      }

      for (guint j = 1; j < G_N_ELEMENTS (severity_names); j++)
        if (g_str_equal (severity_text, severity_names[j]))
          severity = j;
      if (severity == 0)
        {
          g_autofree char *severity_field = g_strdup_printf ("%s.severity", here);
          return ldn_json_field_error (error, severity_field, _("must be “mild”, “moderate” or “severe”"));
        }

      ldn_diary_entry_add_side_effect (entry, id, severity);
    }

  return TRUE;
}

static gboolean
read_entry (JsonNode             *node,
            const char           *field,
            const LdnUserDataIds *ids,
            LdnDiary             *diary,
            GHashTable           *dates,
            GError              **error)
{
  static const char *allowed[] = { "date", "ratings", "note", "side_effects", "dose_taken", NULL };
  g_autofree char *date_field = g_strdup_printf ("%s.date", field);
  g_autofree char *ratings_field = g_strdup_printf ("%s.ratings", field);
  g_autofree char *note_field = g_strdup_printf ("%s.note", field);
  g_autofree char *dose_field = g_strdup_printf ("%s.dose_taken", field);
  g_autoptr(LdnDiaryEntry) entry = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object = ldn_json_read_object (node, field, allowed, error);
  JsonObject *ratings;
  const char *note;
  int dose_taken;
  GError *check = NULL;
  GDate date;

  if (object == NULL || !read_date (json_object_get_member (object, "date"), date_field, &date, error) ||
      !ldn_json_field_check (ldn_diary_check_entry_date (&date, &check), &check, date_field, error))
    return FALSE;
  if (g_hash_table_contains (dates, GUINT_TO_POINTER (g_date_get_julian (&date))))
    return ldn_json_field_error (error, date_field, _("two entries have this date"));
  g_hash_table_add (dates, GUINT_TO_POINTER (g_date_get_julian (&date)));

  entry = ldn_diary_entry_new (&date);

  ratings = ldn_json_read_object (json_object_get_member (object, "ratings"), ratings_field, NULL, error);
  if (ratings == NULL)
    return FALSE;
  members = json_object_get_members (ratings);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *here = g_strdup_printf ("%s.%s", ratings_field, (const char *) l->data);
      JsonNode *value = json_object_get_member (ratings, l->data);
      int index = ldn_diary_find_item (diary, l->data);

      if (index < 0)
        return ldn_json_field_error (error, here, _("there is no item with this id in “diary.items”"));
      if (!ldn_json_holds_int_in (value, 0, LDN_DIARY_SCALE_MAX))
        return ldn_json_field_error (error, here, _("must be 0-%d"), LDN_DIARY_SCALE_MAX);
      entry->ratings[index] = json_node_get_int (value);
    }

  note = read_string (object, "note", field, error);
  if (note == NULL)
    return FALSE;
  if (!ldn_json_field_check (ldn_user_text_check (note, &check), &check, note_field, error))
    return FALSE;
  g_free (entry->note);
  entry->note = g_strdup (note);

  if (!read_side_effects (object, field, ids, entry, error))
    return FALSE;

  if (!ldn_json_read_boolean_or_null (json_object_get_member (object, "dose_taken"), dose_field, &dose_taken, error))
    return FALSE;
  entry->dose_taken = dose_taken < 0 ? LDN_DIARY_DOSE_UNKNOWN : dose_taken ? LDN_DIARY_DOSE_TAKEN
                                                                            : LDN_DIARY_DOSE_MISSED;

  g_ptr_array_add (diary->entries, g_steal_pointer (&entry));
  return TRUE;
}

LdnDiary *
ldn_diary_json_read (JsonObject           *root,
                     const LdnUserDataIds *ids,
                     gboolean              has_member,
                     GError              **error)
{
  static const char *allowed[] = { "items", "start", "plan", "entries", NULL };
  g_autoptr(LdnDiary) diary = ldn_diary_new ();
  g_autoptr(GHashTable) dates = g_hash_table_new (NULL, NULL);
  JsonObject *object;
  JsonNode *start;
  JsonArray *entries;

  if (!has_member || !json_object_has_member (root, "diary"))
    return g_steal_pointer (&diary);

  object = ldn_json_read_object (json_object_get_member (root, "diary"), "diary", allowed, error);
  if (object == NULL || !read_items (object, diary, error))
    return NULL;

  start = json_object_get_member (object, "start");
  if (start == NULL)
    {
      ldn_json_field_error (error, "diary.start", _("this field is missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_NULL (start))
    {
      if (!read_date (start, "diary.start", &diary->start, error))
        return NULL;
      diary->has_start = TRUE;
    }

  if (!read_plan (object, diary, error))
    return NULL;

  entries = ldn_json_read_array (object, "entries", "diary.entries", LDN_DIARY_JSON_MAX_ENTRIES, error);
  if (entries == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      g_autofree char *field = g_strdup_printf ("diary.entries[%u]", i);

      if (!read_entry (json_array_get_element (entries, i), field, ids, diary, dates, error))
        return NULL;
    }

  ldn_diary_sort (diary);
  return g_steal_pointer (&diary);
}

/* ldn-user-data-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ldn-decision-json.h"
#include "ldn-diary-json.h"
#include "ldn-diary-store.h"
#include "ldn-json-fields.h"
#include "ldn-teach-back-recorder.h"
#include "ldn-user-data-json.h"

char *
ldn_user_data_choice_key (const char *question_id,
                          const char *choice_id)
{
  return g_strconcat (question_id, "/", choice_id, NULL);
}

static void
add_text (JsonBuilder  *builder,
          const char   *member,
          LdnUserStore *store,
          LdnUserText   which)
{
  g_autofree char *text = ldn_user_store_dup_text (store, which);

  ldn_json_add_string_member (builder, member, text);
}

static gboolean
add_checklist (JsonBuilder          *builder,
               LdnUserStore         *store,
               const LdnUserDataIds *ids,
               GError              **error)
{
  g_autoptr(GPtrArray) saved = ldn_user_store_list_checklist (store, error);
  g_autoptr(GPtrArray) item_ids = g_ptr_array_new ();

  if (saved == NULL)
    return FALSE;

  /* Every item the content lists, noticed or not; then anything saved
   * that the content no longer lists, so nothing is silently dropped. */
  for (guint i = 0; ids->checklist_ids != NULL && ids->checklist_ids[i] != NULL; i++)
    g_ptr_array_add (item_ids, (gpointer) ids->checklist_ids[i]);
  for (guint i = 0; i < saved->len; i++)
    {
      const char *id = ((LdnChecklistEntry *) g_ptr_array_index (saved, i))->item_id;

      if (ids->checklist_ids == NULL || !g_strv_contains (ids->checklist_ids, id))
        g_ptr_array_add (item_ids, (gpointer) id);
    }

  json_builder_set_member_name (builder, "checklist");
  json_builder_begin_array (builder);
  for (guint i = 0; i < item_ids->len; i++)
    {
      g_autoptr(LdnChecklistEntry) entry = ldn_user_store_get_checklist_entry (store, g_ptr_array_index (item_ids, i), error);

      if (entry == NULL)
        return FALSE;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, entry->item_id);
      json_builder_set_member_name (builder, "noticed");
      json_builder_add_boolean_value (builder, entry->noticed);
      ldn_json_add_string_member (builder, "severity", ldn_severity_to_string (entry->severity));
      ldn_json_add_string_member (builder, "since", entry->since);
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, entry->note);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
ldn_user_data_to_json (LdnUserStore         *store,
                       const LdnUserDataIds *ids,
                       GError              **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GHashTable) teach_back = NULL;
  g_autofree const char **teach_back_ids = NULL;
  guint n_teach_back;

  g_return_val_if_fail (LDN_IS_USER_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, LDN_USER_DATA_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, LDN_USER_DATA_VERSION);

  if (!add_checklist (builder, store, ids, error))
    return NULL;
  add_text (builder, "other_side_effects", store, LDN_USER_TEXT_OTHER_SIDE_EFFECTS);

  json_builder_set_member_name (builder, "safety");
  json_builder_begin_object (builder);
  for (guint i = 0; ids->safety_ids != NULL && ids->safety_ids[i] != NULL; i++)
    ldn_json_add_string_member (builder, ids->safety_ids[i],
                                ldn_answer_to_string (ldn_user_store_get_answer (store, ids->safety_ids[i])));
  add_text (builder, "other_medicines", store, LDN_USER_TEXT_OTHER_MEDICINES);
  json_builder_end_object (builder);

  questions = ldn_user_store_list_questions (store, error);
  if (questions == NULL)
    return NULL;
  json_builder_set_member_name (builder, "questions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < questions->len; i++)
    json_builder_add_string_value (builder, ((LdnUserQuestion *) g_ptr_array_index (questions, i))->text);
  json_builder_end_array (builder);

  add_text (builder, "what_matters", store, LDN_USER_TEXT_WHAT_MATTERS);

  teach_back = ldn_user_store_dup_teach_back (store);
  json_builder_set_member_name (builder, "teach_back");
  json_builder_begin_object (builder);
  /* In a fixed order, so the same data always makes the same file. */
  teach_back_ids = (const char **) g_hash_table_get_keys_as_array (teach_back, &n_teach_back);
  g_qsort_with_data (teach_back_ids, n_teach_back, sizeof (char *), compare_strings, NULL);
  for (guint i = 0; i < n_teach_back; i++)
    {
      json_builder_set_member_name (builder, teach_back_ids[i]);
      json_builder_add_string_value (builder, g_hash_table_lookup (teach_back, teach_back_ids[i]));
    }
  json_builder_end_object (builder);

  if (!ldn_decision_json_add (builder, store, ids, error) || !ldn_diary_json_add (builder, store, error))
    return NULL;

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

/* What a valid file holds, checked and ready to write. */
typedef struct {
  GPtrArray  *checklist;   /* LdnChecklistEntry */
  GHashTable *safety;      /* id -> answer string, or "" for null */
  GPtrArray  *questions;   /* strings */
  GHashTable *teach_back;
  char       *other_side_effects;
  char       *other_medicines;
  char       *what_matters;
  LdnDecisionImport *decision;
  LdnDiary   *diary;
} ImportData;

static void
import_data_clear (ImportData *data)
{
  g_clear_pointer (&data->checklist, g_ptr_array_unref);
  g_clear_pointer (&data->safety, g_hash_table_unref);
  g_clear_pointer (&data->questions, g_ptr_array_unref);
  g_clear_pointer (&data->teach_back, g_hash_table_unref);
  g_clear_pointer (&data->other_side_effects, g_free);
  g_clear_pointer (&data->other_medicines, g_free);
  g_clear_pointer (&data->what_matters, g_free);
  g_clear_pointer (&data->decision, ldn_decision_import_free);
  g_clear_pointer (&data->diary, ldn_diary_free);
}

/* Checked on the bytes before json-glib parses them, whose parser recurses
 * once per level and builds every node in memory: nesting, the number of
 * values, NUL characters, and the version's text as written. */
#define MAX_DEPTH  64
#define MAX_VALUES 100000
#define MAX_KEY    64

typedef struct {
  gboolean object;
  guint    index;
  char     key[MAX_KEY + 1];
} ScanLevel;

typedef struct {
  ScanLevel levels[MAX_DEPTH];
  guint     depth;
  char     *version;   /* the top-level "version" value as written */
} Scan;

static char *
scan_path (const Scan *scan)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < scan->depth; i++)
    {
      const ScanLevel *level = &scan->levels[i];

      if (level->object && level->key[0] != '\0')
        g_string_append_printf (path, "%s%s", path->len > 0 ? "." : "", level->key);
      else if (!level->object)
        g_string_append_printf (path, "[%u]", level->index);
      if (path->len > 120)
        {
          g_string_append (path, "…");
          break;
        }
    }

  if (path->len == 0)
    g_string_append (path, "$");
  return g_string_free (path, FALSE);
}

static gboolean G_GNUC_PRINTF (3, 4)
scan_error (GError    **error,
            const Scan *scan,
            const char *format,
            ...)
{
  g_autofree char *path = scan_path (scan);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return ldn_json_field_error (error, path, "%s", message);
}

static gboolean
scan_json (const char *json,
           gsize       length,
           Scan       *scan,
           GError    **error)
{
  g_autoptr(GString) version = NULL;
  gboolean in_string = FALSE, escape = FALSE, expect_key = FALSE, capture_key = FALSE;
  gsize key_length = 0;
  guint n_values = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = json[i];
      ScanLevel *top = scan->depth > 0 ? &scan->levels[scan->depth - 1] : NULL;

      if (c == '\0')
        return scan_error (error, scan, _("the file contains a NUL character, which LDN Guide never writes"));

      if (in_string)
        {
          if (escape)
            {
              escape = FALSE;
              if (c == 'u' && i + 4 < length && strncmp (json + i + 1, "0000", 4) == 0)
                return scan_error (error, scan, _("a text contains a NUL character (\\u0000), which would cut it "
                                                  "short"));
            }
          else if (c == '\\')
            escape = TRUE;
          else if (c == '"')
            {
              in_string = FALSE;
              if (capture_key)
                top->key[key_length] = '\0';
              capture_key = FALSE;
              continue;
            }
          if (capture_key && key_length < MAX_KEY)
            top->key[key_length++] = c;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          capture_key = top != NULL && top->object && expect_key;
          key_length = 0;
          break;

        case '{':
        case '[':
          if (scan->depth == MAX_DEPTH)
            return scan_error (error, scan, _("the data is nested more than %d levels deep"), MAX_DEPTH);
          if (++n_values > MAX_VALUES)
            return scan_error (error, scan, _("the file holds more than %d values"), MAX_VALUES);
          scan->levels[scan->depth] = (ScanLevel) { .object = c == '{' };
          scan->depth++;
          expect_key = c == '{';
          break;

        case '}':
        case ']':
          if (scan->depth > 0)
            scan->depth--;
          expect_key = FALSE;
          break;

        case ',':
          if (top != NULL)
            {
              top->index++;
              expect_key = top->object;
            }
          if (++n_values > MAX_VALUES)
            return scan_error (error, scan, _("the file holds more than %d values"), MAX_VALUES);
          break;

        case ':':
          expect_key = FALSE;
          break;

        default:
          /* The version's digits as written, so a huge one can be shown. */
          if (scan->depth == 1 && top->object && !expect_key && g_str_equal (top->key, "version") &&
              !g_ascii_isspace (c))
            {
              if (version == NULL)
                version = g_string_new (NULL);
              if (version->len < 64)
                g_string_append_c (version, c);
            }
          break;
        }
    }

  if (version != NULL)
    scan->version = g_string_free (g_steal_pointer (&version), FALSE);
  return TRUE;
}

static gboolean
read_string (JsonNode   *node,
             const char *field,
             gboolean    nullable,
             char      **out,
             GError    **error)
{
  *out = NULL;
  if (node == NULL)
    return ldn_json_field_error (error, field, _("this field is missing"));
  if (JSON_NODE_HOLDS_NULL (node))
    return nullable ? TRUE : ldn_json_field_error (error, field, _("must be text, not null"));
  if (!ldn_json_holds_string (node))
    return ldn_json_field_error (error, field, _("must be text"));

  return ldn_json_dup_user_text (json_node_get_string (node), field, out, error);
}

/* Exactly YYYY-MM-DD, a real day, not after today: what the app writes. */
static gboolean
check_since (const char *text,
             const char *field,
             GError    **error)
{
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) now = NULL;
  int year, month, day;

  for (guint i = 0; i < 10; i++)
    if (text[i] == '\0' || (i == 4 || i == 7 ? text[i] != '-' : !g_ascii_isdigit (text[i])))
      return ldn_json_field_error (error, field, _("must be a date like 2026-11-21, or null, not “%s”"), text);
  if (text[10] != '\0')
    return ldn_json_field_error (error, field, _("must be a date like 2026-11-21, or null, not “%s”"), text);

  year = g_ascii_digit_value (text[0]) * 1000 + g_ascii_digit_value (text[1]) * 100 +
         g_ascii_digit_value (text[2]) * 10 + g_ascii_digit_value (text[3]);
  month = g_ascii_digit_value (text[5]) * 10 + g_ascii_digit_value (text[6]);
  day = g_ascii_digit_value (text[8]) * 10 + g_ascii_digit_value (text[9]);
  date = year >= 1900 ? g_date_time_new_local (year, month, day, 0, 0, 0) : NULL;
  if (date == NULL)
    return ldn_json_field_error (error, field, _("“%s” is not a day in the calendar"), text);

  now = g_date_time_new_now_local ();
  if (g_date_time_get_year (date) * 10000 + g_date_time_get_month (date) * 100 + g_date_time_get_day_of_month (date) >
      g_date_time_get_year (now) * 10000 + g_date_time_get_month (now) * 100 + g_date_time_get_day_of_month (now))
    return ldn_json_field_error (error, field,
                                 _("“%s” is in the future; a side effect is noticed since a day that has been"), text);

  return TRUE;
}

/* Space, zero-width and other characters that show nothing. */
static gboolean
is_invisible_only (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (!g_unichar_isspace (c) && type != G_UNICODE_FORMAT && type != G_UNICODE_CONTROL &&
          type != G_UNICODE_SPACE_SEPARATOR && type != G_UNICODE_LINE_SEPARATOR &&
          type != G_UNICODE_PARAGRAPH_SEPARATOR && c != 0x115F && c != 0x1160 && c != 0x3164 && c != 0xFFA0 &&
          c != 0x034F && !(c >= 0xFE00 && c <= 0xFE0F) && !(c >= 0xE0100 && c <= 0xE01EF))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_checklist_item (JsonNode             *node,
                     const char           *field,
                     const LdnUserDataIds *ids,
                     GHashTable           *seen,
                     LdnChecklistEntry   **out,
                     GError              **error)
{
  g_autoptr(LdnChecklistEntry) entry = g_new0 (LdnChecklistEntry, 1);
  g_autofree char *severity = NULL;
  g_autofree char *here = NULL;
  JsonObject *object = ldn_json_read_object (node, field, NULL, error);
  JsonNode *noticed;

  if (object == NULL)
    return FALSE;

  here = g_strdup_printf ("%s.id", field);
  if (!read_string (json_object_get_member (object, "id"), here, FALSE, &entry->item_id, error))
    return FALSE;
  if (!ldn_json_known_id (ids->checklist_ids, entry->item_id))
    return ldn_json_field_error (error, here, _("“%s” is not a side effect on the checklist"), entry->item_id);
  if (!g_hash_table_add (seen, g_strdup (entry->item_id)))
    return ldn_json_field_error (error, here, _("“%s” appears twice"), entry->item_id);

  g_free (here);
  here = g_strdup_printf ("%s.noticed", field);
  noticed = json_object_get_member (object, "noticed");
  if (noticed == NULL || !JSON_NODE_HOLDS_VALUE (noticed) || json_node_get_value_type (noticed) != G_TYPE_BOOLEAN)
    return ldn_json_field_error (error, here, _("must be true or false"));
  entry->noticed = json_node_get_boolean (noticed);

  g_free (here);
  here = g_strdup_printf ("%s.severity", field);
  if (!read_string (json_object_get_member (object, "severity"), here, TRUE, &severity, error))
    return FALSE;
  if (severity != NULL && !ldn_severity_from_string (severity, &entry->severity))
    return ldn_json_field_error (error, here, _("must be “mild”, “moderate”, “severe” or null"));

  g_free (here);
  here = g_strdup_printf ("%s.since", field);
  if (!read_string (json_object_get_member (object, "since"), here, TRUE, &entry->since, error))
    return FALSE;
  if (entry->since != NULL && (!check_since (entry->since, here, error) || !ldn_user_date_check (entry->since, NULL)))
    return error == NULL || *error != NULL
             ? FALSE
             : ldn_json_field_error (error, here, _("must be a date like 2026-11-21, or null"));

  g_free (here);
  here = g_strdup_printf ("%s.note", field);
  if (!read_string (json_object_get_member (object, "note"), here, FALSE, &entry->note, error))
    return FALSE;

  *out = g_steal_pointer (&entry);
  return TRUE;
}

static gboolean
read_checklist (JsonNode             *node,
                const LdnUserDataIds *ids,
                ImportData           *data,
                GError              **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return ldn_json_field_error (error, "checklist", _("must be a list"));
  array = json_node_get_array (node);

  data->checklist = g_ptr_array_new_with_free_func ((GDestroyNotify) ldn_checklist_entry_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *field = g_strdup_printf ("checklist[%u]", i);
      LdnChecklistEntry *entry = NULL;

      if (!read_checklist_item (json_array_get_element (array, i), field, ids, seen, &entry, error))
        return FALSE;
      g_ptr_array_add (data->checklist, entry);
    }

  return TRUE;
}

static gboolean
read_safety (JsonNode             *node,
             const LdnUserDataIds *ids,
             ImportData           *data,
             GError              **error)
{
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return ldn_json_field_error (error, "safety", _("must be an object"));
  object = json_node_get_object (node);

  data->safety = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *id = l->data;
      g_autofree char *field = g_strdup_printf ("safety.%s", id);
      g_autofree char *answer = NULL;
      LdnSafetyAnswer parsed;

      if (g_str_equal (id, "other_medicines"))
        {
          if (!read_string (json_object_get_member (object, id), field, FALSE, &data->other_medicines, error))
            return FALSE;
          continue;
        }

      if (!ldn_json_known_id (ids->safety_ids, id))
        return ldn_json_field_error (error, field, _("“%s” is not a safety question"), id);
      if (!read_string (json_object_get_member (object, id), field, TRUE, &answer, error))
        return FALSE;
      if (answer != NULL && !ldn_answer_from_string (answer, &parsed))
        return ldn_json_field_error (error, field, _("must be “yes”, “no”, “unsure” or null"));

      g_hash_table_insert (data->safety, g_strdup (id), g_strdup (answer ? answer : ""));
    }

  if (data->other_medicines == NULL)
    return ldn_json_field_error (error, "safety.other_medicines", _("this field is missing"));

  return TRUE;
}

static gboolean
read_questions (JsonNode   *node,
                ImportData *data,
                GError    **error)
{
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return ldn_json_field_error (error, "questions", _("must be a list"));
  array = json_node_get_array (node);

  if (json_array_get_length (array) > LDN_USER_MAX_QUESTIONS)
    return ldn_json_field_error (error, "questions", _("has %u questions; the most is %d"),
                                 json_array_get_length (array), LDN_USER_MAX_QUESTIONS);

  data->questions = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *field = g_strdup_printf ("questions[%u]", i);
      g_autofree char *trimmed = NULL;
      char *text;

      if (!read_string (json_array_get_element (array, i), field, FALSE, &text, error))
        return FALSE;
      g_ptr_array_add (data->questions, text);
      trimmed = g_strstrip (g_strdup (text));
      if (*trimmed == '\0')
        return ldn_json_field_error (error, field, _("is empty"));
      if (is_invisible_only (text))
        return ldn_json_field_error (error, field, _("has only spaces or invisible characters"));
    }

  return TRUE;
}

static gboolean
read_teach_back (JsonNode             *node,
                 const LdnUserDataIds *ids,
                 ImportData           *data,
                 GError              **error)
{
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return ldn_json_field_error (error, "teach_back", _("must be an object"));
  object = json_node_get_object (node);

  data->teach_back = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *field = g_strdup_printf ("teach_back.%s", (const char *) l->data);
      char *choice;

      if (!ldn_json_known_id (ids->teach_back_ids, l->data))
        return ldn_json_field_error (error, field, _("“%s” is not a question in the guide"), (const char *) l->data);
      if (!read_string (json_object_get_member (object, l->data), field, FALSE, &choice, error))
        return FALSE;
      g_hash_table_insert (data->teach_back, g_strdup (l->data), choice);
      if (ids->teach_back_choices != NULL)
        {
          g_autofree char *key = ldn_user_data_choice_key (l->data, choice);

          if (!g_strv_contains (ids->teach_back_choices, key))
            return ldn_json_field_error (error, field, _("“%s” is not one of this question’s answers"), choice);
        }
    }

  return TRUE;
}

static gboolean
read_file (JsonObject           *root,
           const LdnUserDataIds *ids,
           const char           *version_text,
           ImportData           *data,
           GError              **error)
{
  static const char *fields[] = { "format", "version", "checklist", "other_side_effects", "safety",
                                  "questions", "what_matters", "teach_back" };
  g_autoptr(GList) members = json_object_get_members (root);
  JsonNode *format;
  JsonNode *version;
  gint64 file_version;

  format = json_object_get_member (root, "format");
  /* Checked by type first: json-glib warns when a list or an object is
   * read as a string. */
  if (format == NULL || !ldn_json_holds_string (format) ||
      g_strcmp0 (json_node_get_string (format), LDN_USER_DATA_FORMAT) != 0)
    return ldn_json_field_error (error, "format", _("this is not an LDN Guide data file"));

  version = json_object_get_member (root, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      (json_node_get_value_type (version) != G_TYPE_INT64 && json_node_get_value_type (version) != G_TYPE_DOUBLE))
    return ldn_json_field_error (error, "version", _("must be a whole number"));
  /* Compared as written: json-glib turns 2^64+1 into a double or -1.
   * Version 1 is version 2 without the decision aid, version 2 is
   * version 3 without the diary. */
  file_version = json_node_get_value_type (version) == G_TYPE_INT64 ? json_node_get_int (version) : -1;
  if ((g_strcmp0 (version_text, G_STRINGIFY (LDN_USER_DATA_VERSION)) != 0 && g_strcmp0 (version_text, "1") != 0 &&
       g_strcmp0 (version_text, "2") != 0) ||
      file_version < 1 || file_version > LDN_USER_DATA_VERSION)
    {
      /* Printed first: a format macro inside _() would hide the string from xgettext. */
      g_autofree char *found = version_text != NULL && g_utf8_validate (version_text, -1, NULL)
                                 ? g_strdup (version_text)
                                 : g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (version));

      return ldn_json_field_error (error, "version", _("this file has version %s; this LDN Guide reads versions 1 to %d"),
                                   found, LDN_USER_DATA_VERSION);
    }

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (fields, l->data) &&
        (file_version < 2 || !g_strv_contains (ldn_decision_json_members, l->data)) &&
        (file_version < 3 || !g_str_equal (l->data, "diary")))
      return ldn_json_field_error (error, l->data, _("LDN Guide does not know this field"));

  return read_checklist (json_object_get_member (root, "checklist"), ids, data, error) &&
         read_string (json_object_get_member (root, "other_side_effects"), "other_side_effects", FALSE,
                      &data->other_side_effects, error) &&
         read_safety (json_object_get_member (root, "safety"), ids, data, error) &&
         read_questions (json_object_get_member (root, "questions"), data, error) &&
         read_string (json_object_get_member (root, "what_matters"), "what_matters", FALSE,
                      &data->what_matters, error) &&
         read_teach_back (json_object_get_member (root, "teach_back"), ids, data, error) &&
         (data->decision = ldn_decision_json_read (root, ids, file_version >= 2, error)) != NULL &&
         (data->diary = ldn_diary_json_read (root, ids, file_version >= 3, error)) != NULL;
}

static gboolean
write_import (LdnUserStore *store,
              gpointer      user_data,
              GError      **error)
{
  ImportData *data = user_data;
  LdnTeachBackRecorder *recorder = LDN_TEACH_BACK_RECORDER (store);
  GHashTableIter iter;
  gpointer key, value;

  if (!ldn_user_store_set_text (store, LDN_USER_TEXT_OTHER_SIDE_EFFECTS, data->other_side_effects, error) ||
      !ldn_user_store_set_text (store, LDN_USER_TEXT_OTHER_MEDICINES, data->other_medicines, error) ||
      !ldn_user_store_set_text (store, LDN_USER_TEXT_WHAT_MATTERS, data->what_matters, error))
    return FALSE;

  for (guint i = 0; i < data->checklist->len; i++)
    {
      LdnChecklistEntry *entry = g_ptr_array_index (data->checklist, i);

      if (!ldn_user_store_set_noticed (store, entry->item_id, entry->noticed, error) ||
          !ldn_user_store_set_severity (store, entry->item_id, entry->severity, error) ||
          !ldn_user_store_set_since (store, entry->item_id, entry->since, error) ||
          !ldn_user_store_set_note (store, entry->item_id, entry->note, error))
        return FALSE;
    }

  g_hash_table_iter_init (&iter, data->safety);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      LdnSafetyAnswer answer = LDN_ANSWER_NONE;

      ldn_answer_from_string (value, &answer);
      if (!ldn_user_store_set_answer (store, key, answer, error))
        return FALSE;
    }

  for (guint i = 0; i < data->questions->len; i++)
    if (ldn_user_store_add_question (store, g_ptr_array_index (data->questions, i), NULL, error) == 0)
      return FALSE;

  g_hash_table_iter_init (&iter, data->teach_back);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!ldn_teach_back_recorder_record_answer (recorder, key, value, error))
      return FALSE;

  return ldn_decision_json_write (store, data->decision, error) && ldn_diary_store_write (store, data->diary, error);
}

static gboolean
replace_all (LdnUserStore *store,
             gpointer      user_data,
             GError      **error)
{
  return ldn_user_store_clear (store, error) && write_import (store, user_data, error);
}

gboolean
ldn_user_data_from_json (LdnUserStore         *store,
                         const LdnUserDataIds *ids,
                         const char           *json,
                         gssize                length,
                         GError              **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  ImportData data = { 0 };
  Scan scan = { .depth = 0 };
  JsonNode *root;
  gboolean ok;

  g_return_val_if_fail (LDN_IS_USER_STORE (store), FALSE);
  g_return_val_if_fail (ids != NULL && json != NULL, FALSE);

  if (length < 0)
    length = strlen (json);
  if (!scan_json (json, length, &scan, error))
    return FALSE;

  if (!json_parser_load_from_data (parser, json, length, &parse_error))
    {
      g_set_error (error, LDN_USER_ERROR, LDN_USER_ERROR_IMPORT,
                   _("The file is not valid JSON: %s"), parse_error->message);
      g_free (scan.version);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, LDN_USER_ERROR, LDN_USER_ERROR_IMPORT,
                           _("The file does not hold LDN Guide data."));
      g_free (scan.version);
      return FALSE;
    }

  ok = read_file (json_node_get_object (root), ids, scan.version, &data, error) &&
       ldn_user_store_run_transaction (store, replace_all, &data, error);
  import_data_clear (&data);
  g_free (scan.version);
  if (ok)
    g_signal_emit_by_name (store, "reset");

  return ok;
}

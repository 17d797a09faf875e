/* ldn-json-fields.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ldn-json-fields.h"
#include "ldn-user-store.h"

void
ldn_json_add_string_member (JsonBuilder *builder,
                            const char  *member,
                            const char  *value)
{
  if (member != NULL)
    json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

gboolean
ldn_json_field_error (GError    **error,
                      const char *field,
                      const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: an import error: the field, then what is wrong with it. */
  g_set_error (error, LDN_USER_ERROR, LDN_USER_ERROR_IMPORT, _("In “%s”: %s"), field, message);
  return FALSE;
}

gboolean
ldn_json_field_check (gboolean    ok,
                      GError    **check,
                      const char *field,
                      GError    **error)
{
  /* *CHECK is read here, after the call in OK has set it. */
  if (ok)
    return TRUE;
  ldn_json_field_error (error, field, "%s", (*check)->message);
  g_clear_error (check);
  return FALSE;
}

gboolean
ldn_json_known_id (const char * const *ids,
                   const char         *id)
{
  return ids == NULL || g_strv_contains (ids, id);
}

gboolean
ldn_json_holds_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
ldn_json_holds_int_in (JsonNode *node,
                       gint64    min,
                       gint64    max)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
         json_node_get_int (node) >= min && json_node_get_int (node) <= max;
}

JsonObject *
ldn_json_read_object (JsonNode           *node,
                      const char         *field,
                      const char * const *allowed,
                      GError            **error)
{
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      ldn_json_field_error (error, field, node == NULL ? _("this field is missing") : _("must be an object"));
      return NULL;
    }

  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; allowed != NULL && l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        g_autofree char *here = g_strdup_printf ("%s.%s", field, (const char *) l->data);

        ldn_json_field_error (error, here, _("LDN Guide does not know this field"));
        return NULL;
      }

  return object;
}

JsonArray *
ldn_json_read_array (JsonObject *parent,
                     const char *member,
                     const char *field,
                     guint       max,
                     GError    **error)
{
  JsonNode *node = json_object_get_member (parent, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      ldn_json_field_error (error, field, node == NULL ? _("this field is missing") : _("must be a list"));
      return NULL;
    }
  if (json_array_get_length (json_node_get_array (node)) > max)
    {
      ldn_json_field_error (error, field, _("has %u entries; the most is %d"),
                            json_array_get_length (json_node_get_array (node)), (int) max);
      return NULL;
    }

  return json_node_get_array (node);
}

gboolean
ldn_json_read_boolean_or_null (JsonNode   *node,
                               const char *field,
                               int        *value,
                               GError    **error)
{
  if (node == NULL)
    return ldn_json_field_error (error, field, _("this field is missing"));
  if (JSON_NODE_HOLDS_NULL (node))
    *value = -1;
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    *value = json_node_get_boolean (node) ? 1 : 0;
  else
    return ldn_json_field_error (error, field, _("must be true, false or null"));
  return TRUE;
}

gboolean
ldn_json_dup_user_text (const char *text,
                        const char *field,
                        char      **out,
                        GError    **error)
{
  GError *check = NULL;

  if (!ldn_json_field_check (ldn_user_text_check (text, &check), &check, field, error))
    return FALSE;
  *out = g_strdup (text);
  return TRUE;
}

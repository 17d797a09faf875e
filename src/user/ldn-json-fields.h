/* ldn-json-fields.h
 *
 * Field readers (and one writer) shared by the person's data file
 * (ldn-user-data-json.c, ldn-decision-json.c, ldn-diary-json.c). Every
 * reading failure is LDN_USER_ERROR_IMPORT, "In “FIELD”: what is wrong", with
 * FIELD the path in the file, e.g. "diary.entries[3].note".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Writing: MEMBER (unless NULL) with VALUE as a string, or null if
 * VALUE is NULL. */
void        ldn_json_add_string_member (JsonBuilder        *builder,
                                        const char         *member,
                                        const char         *value);

/* Reading */

/* Sets the error for FIELD and returns FALSE. */
gboolean    ldn_json_field_error       (GError            **error,
                                        const char         *field,
                                        const char         *format,
                                        ...) G_GNUC_PRINTF (3, 4);
/* OK, or FALSE with the message of *CHECK (which OK's call set, and
 * which is cleared) as the error for FIELD. */
gboolean    ldn_json_field_check       (gboolean            ok,
                                        GError            **check,
                                        const char         *field,
                                        GError            **error);
/* TRUE if IDS is NULL (nothing to check against) or holds ID. */
gboolean    ldn_json_known_id          (const char * const *ids,
                                        const char         *id);
/* NODE is there and holds a string. */
gboolean    ldn_json_holds_string      (JsonNode           *node);
/* NODE is there and holds a whole number from MIN to MAX. */
gboolean    ldn_json_holds_int_in      (JsonNode           *node,
                                        gint64              min,
                                        gint64              max);
/* An object whose members are all in ALLOWED (NULL: any). */
JsonObject *ldn_json_read_object       (JsonNode           *node,
                                        const char         *field,
                                        const char * const *allowed,
                                        GError            **error);
/* The list in PARENT's MEMBER, of at most MAX elements. */
JsonArray  *ldn_json_read_array        (JsonObject         *parent,
                                        const char         *member,
                                        const char         *field,
                                        guint               max,
                                        GError            **error);
/* true, false or null: *VALUE 1, 0 or -1. */
gboolean    ldn_json_read_boolean_or_null (JsonNode        *node,
                                           const char      *field,
                                           int             *value,
                                           GError         **error);
/* A copy of TEXT if it is text the person may have written
 * (ldn_user_text_check). */
gboolean    ldn_json_dup_user_text     (const char         *text,
                                        const char         *field,
                                        char              **out,
                                        GError            **error);

G_END_DECLS

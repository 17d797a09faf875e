/* ldn-content-schema.h
 *
 * The layout of content.sqlite, shared by the build-time compiler that
 * writes it and the store that reads it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LDN_CONTENT_SCHEMA_VERSION 3
#define LDN_CONTENT_FALLBACK_LOCALE "en"

/* Search snippets mark matches with these; content may not contain them. */
#define LDN_CONTENT_MATCH_START "\x02"
#define LDN_CONTENT_MATCH_END   "\x03"

extern const char ldn_content_schema_sql[];

G_END_DECLS

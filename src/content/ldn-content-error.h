/* ldn-content-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LDN_CONTENT_ERROR (ldn_content_error_quark ())

typedef enum {
  LDN_CONTENT_ERROR_INVALID,   /* content files that break the rules */
  LDN_CONTENT_ERROR_OPEN,      /* the database is missing or unreadable */
  LDN_CONTENT_ERROR_VERSION,   /* built for another schema version */
  LDN_CONTENT_ERROR_QUERY,     /* a query failed on a damaged database */
  LDN_CONTENT_ERROR_NOT_FOUND, /* no such page, source or item */
} LdnContentError;

GQuark ldn_content_error_quark (void);

G_END_DECLS

/* ldn-decision-json.h
 *
 * The decision aid's part of the data file (version 2): "about_me",
 * "medicines", "values", "consent", "sure" and "decision". Used only by
 * ldn-user-data-json.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ldn-user-data-json.h"

G_BEGIN_DECLS

typedef struct _LdnDecisionImport LdnDecisionImport;

/* The top-level members this unit reads and writes, NULL-terminated. */
extern const char * const ldn_decision_json_members[];

gboolean           ldn_decision_json_add    (JsonBuilder          *builder,
                                             LdnUserStore         *store,
                                             const LdnUserDataIds *ids,
                                             GError              **error);
/* Checks ROOT's members; a version 1 file (HAS_MEMBERS FALSE) has none
 * and imports as empty. */
LdnDecisionImport *ldn_decision_json_read   (JsonObject           *root,
                                             const LdnUserDataIds *ids,
                                             gboolean              has_members,
                                             GError              **error);
/* Writes what was read into a cleared store, inside the import's
 * transaction. */
gboolean           ldn_decision_json_write  (LdnUserStore         *store,
                                             LdnDecisionImport    *import,
                                             GError              **error);
void               ldn_decision_import_free (LdnDecisionImport    *import);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdnDecisionImport, ldn_decision_import_free)

G_END_DECLS

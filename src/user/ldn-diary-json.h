/* ldn-diary-json.h
 *
 * The diary's part of the data file (version 3): "diary": {"items":
 * [{"id", "label", "low", "high", "every": "day" | "week"}], "start":
 * "YYYY-MM-DD" | null, "plan": [{"from", "dose_mg", "time": "HH:MM"}],
 * "entries": [{"date", "ratings": {item id: 0-10}, "note",
 * "side_effects": [{"id", "severity"}], "dose_taken": true | false | null}]}.
 * Used only by ldn-user-data-json.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ldn-user-data-json.h"
#include "model/ldn-diary.h"

G_BEGIN_DECLS

#define LDN_DIARY_JSON_MAX_ENTRIES 10000

gboolean  ldn_diary_json_add   (JsonBuilder          *builder,
                                LdnUserStore         *store,
                                GError              **error);
/* Builds the "diary" object's node for DIARY. */
JsonNode *ldn_diary_json_build (const LdnDiary       *diary);
/* Checks ROOT's "diary"; files before version 3 (HAS_MEMBER FALSE) have
 * none and import an empty diary. Side-effect ids are checked against
 * IDS->checklist_ids. */
LdnDiary *ldn_diary_json_read  (JsonObject           *root,
                                const LdnUserDataIds *ids,
                                gboolean              has_member,
                                GError              **error);

G_END_DECLS

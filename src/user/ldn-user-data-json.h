/* ldn-user-data-json.h
 *
 * The person's data as a JSON file they can keep, move to another
 * computer or hand to someone: {"format": "ldn-guide-data", "version": 3,
 * "checklist", "other_side_effects", "safety", "questions",
 * "what_matters", "teach_back", and the decision aid's "about_me",
 * "medicines", "values", "consent", "sure", "decision", and the "diary"
 * (see ldn-diary-json.h)}. Version 1 files (without the decision aid) and
 * version 2 files (without the diary) still import. Import checks the whole file
 * first and changes nothing unless all of it is valid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ldn-user-store.h"

G_BEGIN_DECLS

#define LDN_USER_DATA_FORMAT  "ldn-guide-data"
#define LDN_USER_DATA_VERSION 3

/* The ids the content knows; the file is checked against them. A NULL
 * list accepts any id. */
typedef struct {
  const char * const *checklist_ids;
  const char * const *safety_ids;
  const char * const *teach_back_ids;
  /* The choices of each teach-back question, as made by
   * ldn_user_data_choice_key(); NULL accepts any choice. */
  const char * const *teach_back_choices;
  /* The decision aid's: content conditions, considerations, consent items. */
  const char * const *condition_ids;
  const char * const *value_ids;
  const char * const *consent_ids;
} LdnUserDataIds;

char     *ldn_user_data_choice_key (const char          *question_id,
                                    const char          *choice_id);

char     *ldn_user_data_to_json   (LdnUserStore         *store,
                                   const LdnUserDataIds *ids,
                                   GError              **error);
/* Replaces everything in STORE with the file's contents, or nothing. */
gboolean  ldn_user_data_from_json (LdnUserStore         *store,
                                   const LdnUserDataIds *ids,
                                   const char           *json,
                                   gssize                length,
                                   GError              **error);

G_END_DECLS

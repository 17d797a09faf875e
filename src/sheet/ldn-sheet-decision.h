/* ldn-sheet-decision.h
 *
 * What the sheet shows of the decision aid: page 1's summary for the
 * doctor and the full answers on page 2 onward. Gathered once, like
 * LdnSheetData, so that layout never touches a database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "content/ldn-content-store.h"
#include "user/ldn-user-store.h"

G_BEGIN_DECLS

typedef struct {
  char *name;
  char *strength;       /* the content's words, or NULL for a typed condition */
} LdnSheetCondition;

typedef struct {
  char *name;
  char *dose;
  char *how_often;
  char *opioid;         /* the content's name when it names an opioid, else NULL */
  char *contains;       /* "codeine and paracetamol", or NULL */
} LdnSheetMedicine;

typedef struct {
  char      *date_of_birth;        /* "9 April 1968", or NULL */
  GPtrArray *conditions;           /* LdnSheetCondition */
  char      *tried;
  char      *allergies;
  GPtrArray *medicines;            /* LdnSheetMedicine */
  gboolean   opioid_answer_no;     /* an opioid is listed, yet the safety question says "No" */
  GPtrArray *values;               /* strings: "Cost: 3 of 4", rated ones, content then own */
  GPtrArray *consent;              /* strings: every item with its answer */
  GPtrArray *explain_again;        /* strings: short names of items to explain again */
  GPtrArray *sure[2];              /* strings: each question with its answer, before and after */
  guint      sure_answered[2];
  guint      sure_unsure[2];
  char      *stage;                /* words, or NULL */
  char      *role;                 /* words, or NULL */
  char      *schedule;             /* "every night at 22:00", or NULL when not given */
} LdnSheetDecision;

void              ldn_sheet_decision_free    (LdnSheetDecision *decision);
LdnSheetDecision *ldn_sheet_decision_collect (LdnContentStore  *content,
                                              LdnUserStore     *user,
                                              GHashTable       *cited,
                                              GError          **error);
/* The schedule looked at on the timeline, for page 1: in the language of
 * the LdnLanguageScope around this call, like the rest of the sheet. */
void              ldn_sheet_decision_set_schedule (LdnSheetDecision *decision,
                                                   gboolean          nightly,
                                                   guint             dose_minute);
/* Whether the person entered anything of the decision aid. */
gboolean          ldn_sheet_decision_is_empty (const LdnSheetDecision *decision);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdnSheetDecision, ldn_sheet_decision_free)

G_END_DECLS

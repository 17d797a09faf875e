/* ldn-decision-store.h
 *
 * The decision and consent aid's answers, kept in the person's
 * LdnUserStore file: about me (conditions, what was tried, allergies,
 * date of birth), the medicines list, what matters (0-4 per
 * consideration and their own), the consent items, the SURE test before
 * and after reading, the decision stage and how they want to decide.
 * Every change is written before the call returns. Never computes a
 * "best option". No GTK here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ldn-user-store.h"

G_BEGIN_DECLS

#define LDN_DECISION_MAX_ITEMS   100   /* medicines, own conditions, own values */
#define LDN_DECISION_SURE_ITEMS  4
#define LDN_DECISION_IMPORTANCE_MAX 4

typedef enum {
  LDN_ABOUT_TRIED,
  LDN_ABOUT_ALLERGIES,
} LdnAboutText;

typedef enum {
  LDN_STAGE_NONE,
  LDN_STAGE_NOT_THOUGHT,
  LDN_STAGE_CONSIDERING,
  LDN_STAGE_CLOSE,
  LDN_STAGE_DECIDED,
} LdnDecisionStage;

typedef enum {
  LDN_ROLE_NONE,
  LDN_ROLE_ME,
  LDN_ROLE_TOGETHER,
  LDN_ROLE_DOCTOR,
} LdnDecisionRole;

typedef enum {
  LDN_CONSENT_NONE,
  LDN_CONSENT_UNDERSTOOD,
  LDN_CONSENT_EXPLAIN,
} LdnConsentAnswer;

typedef enum {
  LDN_SURE_BEFORE,
  LDN_SURE_AFTER,
} LdnSurePhase;

typedef enum {
  LDN_SURE_NONE,
  LDN_SURE_YES,
  LDN_SURE_NO,
} LdnSureAnswer;

typedef struct {
  gint64  id;
  char   *condition_id;   /* a content condition, or NULL */
  char   *text;           /* typed by the person, or NULL */
} LdnAboutCondition;

typedef struct {
  gint64  id;
  char   *name;
  char   *dose;           /* never NULL */
  char   *how_often;      /* never NULL */
} LdnMedicine;

typedef struct {
  gint64  id;
  char   *text;
  int     importance;     /* 0-4, or -1 when not rated */
} LdnOwnValue;

void ldn_about_condition_free (LdnAboutCondition *condition);
void ldn_medicine_free        (LdnMedicine       *medicine);
void ldn_own_value_free       (LdnOwnValue       *value);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdnMedicine, ldn_medicine_free)

const char *ldn_decision_stage_to_string   (LdnDecisionStage  stage);
gboolean    ldn_decision_stage_from_string (const char       *text,
                                            LdnDecisionStage *stage);
const char *ldn_decision_role_to_string    (LdnDecisionRole   role);
gboolean    ldn_decision_role_from_string  (const char       *text,
                                            LdnDecisionRole  *role);
const char *ldn_consent_to_string          (LdnConsentAnswer  answer);
gboolean    ldn_consent_from_string        (const char       *text,
                                            LdnConsentAnswer *answer);
const char *ldn_sure_phase_to_string       (LdnSurePhase      phase);
/* A date of birth: a real YYYY-MM-DD date, not in the future. */
gboolean    ldn_decision_birth_date_check  (const char       *date,
                                            GError          **error);

/* About me */
char      *ldn_decision_dup_about_text     (LdnUserStore  *store,
                                            LdnAboutText   which);
gboolean   ldn_decision_set_about_text     (LdnUserStore  *store,
                                            LdnAboutText   which,
                                            const char    *text,
                                            GError       **error);
/* NULL when not given. */
char      *ldn_decision_dup_date_of_birth  (LdnUserStore  *store);
gboolean   ldn_decision_set_date_of_birth  (LdnUserStore  *store,
                                            const char    *date,      /* nullable */
                                            GError       **error);

GPtrArray *ldn_decision_list_conditions    (LdnUserStore  *store,
                                            GError       **error);
gboolean   ldn_decision_has_condition      (LdnUserStore  *store,
                                            const char    *condition_id);
gboolean   ldn_decision_set_condition      (LdnUserStore  *store,
                                            const char    *condition_id,
                                            gboolean       chosen,
                                            GError       **error);
gint64     ldn_decision_add_own_condition  (LdnUserStore  *store,
                                            const char    *text,
                                            GError       **error);
gboolean   ldn_decision_remove_condition   (LdnUserStore  *store,
                                            gint64         id,
                                            GError       **error);

/* Medicines, in the order added */
GPtrArray *ldn_decision_list_medicines     (LdnUserStore  *store,
                                            GError       **error);
gint64     ldn_decision_add_medicine       (LdnUserStore  *store,
                                            const char    *name,
                                            const char    *dose,
                                            const char    *how_often,
                                            GError       **error);
gboolean   ldn_decision_update_medicine    (LdnUserStore  *store,
                                            gint64         id,
                                            const char    *name,
                                            const char    *dose,
                                            const char    *how_often,
                                            GError       **error);
gboolean   ldn_decision_remove_medicine    (LdnUserStore  *store,
                                            gint64         id,
                                            GError       **error);

/* What matters to me: -1 when not rated */
int        ldn_decision_get_importance     (LdnUserStore  *store,
                                            const char    *value_id);
gboolean   ldn_decision_set_importance     (LdnUserStore  *store,
                                            const char    *value_id,
                                            int            importance,
                                            GError       **error);
GPtrArray *ldn_decision_list_own_values    (LdnUserStore  *store,
                                            GError       **error);
gint64     ldn_decision_add_own_value      (LdnUserStore  *store,
                                            const char    *text,
                                            int            importance,
                                            GError       **error);
gboolean   ldn_decision_set_own_importance (LdnUserStore  *store,
                                            gint64         id,
                                            int            importance,
                                            GError       **error);
gboolean   ldn_decision_remove_own_value   (LdnUserStore  *store,
                                            gint64         id,
                                            GError       **error);

/* The ids with a saved rating or consent answer, sorted: for an export
 * that keeps what the content no longer lists. */
GStrv      ldn_decision_dup_saved_ids      (LdnUserStore  *store,
                                            gboolean       consent);

/* Consent items */
LdnConsentAnswer ldn_decision_get_consent  (LdnUserStore  *store,
                                            const char    *item_id);
gboolean   ldn_decision_set_consent        (LdnUserStore  *store,
                                            const char    *item_id,
                                            LdnConsentAnswer answer,
                                            GError       **error);

/* The SURE test: INDEX 0-3 in the published order */
LdnSureAnswer ldn_decision_get_sure        (LdnUserStore  *store,
                                            LdnSurePhase   phase,
                                            guint          index);
gboolean   ldn_decision_set_sure           (LdnUserStore  *store,
                                            LdnSurePhase   phase,
                                            guint          index,
                                            LdnSureAnswer  answer,
                                            GError       **error);
/* How many of the four were answered, and how many "no" (unsure). */
void       ldn_decision_count_sure         (LdnUserStore  *store,
                                            LdnSurePhase   phase,
                                            guint         *answered,
                                            guint         *unsure);

LdnDecisionStage ldn_decision_get_stage    (LdnUserStore  *store);
gboolean   ldn_decision_set_stage          (LdnUserStore  *store,
                                            LdnDecisionStage stage,
                                            GError       **error);
LdnDecisionRole ldn_decision_get_role      (LdnUserStore  *store);
gboolean   ldn_decision_set_role           (LdnUserStore  *store,
                                            LdnDecisionRole role,
                                            GError       **error);

G_END_DECLS

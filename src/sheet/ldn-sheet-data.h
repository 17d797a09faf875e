/* ldn-sheet-data.h
 *
 * Everything the discussion sheet shows, gathered once from the content
 * and the person's data, so that layout never touches a database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "content/ldn-content-store.h"
#include "ldn-sheet-decision.h"
#include "model/ldn-diary.h"
#include "model/ldn-dose-scenario.h"
#include "model/ldn-occupancy-model.h"
#include "user/ldn-user-store.h"

G_BEGIN_DECLS

typedef struct {
  char     *question;   /* the safety question, in the person's voice */
  char     *answer;     /* "Yes" or "Not sure" */
  char     *why;
  gboolean  high;       /* opioids: first and strongest */
} LdnSheetFlag;

typedef struct {
  char *name;
  char *severity;       /* "" when not set */
  char *since;          /* "" when not set */
  char *note;
} LdnSheetSideEffect;

/* A trial frequency for the sheet: the sentence and its icon arrays. */
typedef struct {
  char  *sentence;
  char  *comparator;
  guint  ldn;
  guint  comparison;
  guint  per;
} LdnSheetFrequency;

/* The person's own texts (name, notes, questions, other texts) are
 * isolated for display with ldn_user_text_dup_isolated(): "" when empty. */
typedef struct {
  char              *name;              /* optional, may be "" */
  char              *date;              /* e.g. "21 November 2026" */
  GPtrArray         *flags;             /* LdnSheetFlag, opioids first */
  GPtrArray         *unanswered;        /* strings: safety questions left open */
  char              *other_medicines;
  GPtrArray         *understood;        /* strings: what the person's right teach-back answers show */
  GPtrArray         *explain_again;     /* strings: teach-back topics answered wrongly */
  GPtrArray         *frequencies;       /* LdnSheetFrequency, from the guide's trials */
  char              *definition;        /* what LDN is (content text, sourced) */
  char              *frequency_intro;
  char              *chart_caption;     /* model estimate, not a measurement */
  char              *about;             /* who wrote the guide, funding, review, errors */
  char              *diary_caution;     /* with a diary: a change after the start is not proof (sourced) */
  char              *diary_review;      /* with a diary: when trials looked at results (sourced) */
  LdnOccupancyCurve *curve;             /* NULL leaves the chart out */
  GArray            *pet_points;
  double             dose_mg;
  guint              dose_minute;
  /* FALSE when the dose is the Timeline's default, never chosen: page 1
   * does not say it was looked at. */
  gboolean           dose_chosen;
  double             span_h;
  GPtrArray         *side_effects;      /* LdnSheetSideEffect, noticed only */
  char              *other_side_effects;
  GPtrArray         *questions;         /* strings, in the person's order */
  GPtrArray         *ask3;              /* strings */
  char              *what_matters;
  GPtrArray         *sources;           /* strings: short citations */
  char              *content_version;
  char              *reviewed;          /* latest page review date */
  char              *language;          /* "en", "es", or NULL: the interface's */
  LdnSheetDecision  *decision;          /* the decision aid: page 1 and its own section */
  LdnDiary          *diary;             /* owned, or NULL: the "Before and after" section */
  GDate              diary_until;       /* the diary summaries' "today"; invalid: the real date */
  GHashTable        *side_effect_names; /* content side-effect id -> name, or NULL */
  /* The person has entered nothing but perhaps their name (nor a diary): the sheet is
   * page 1 alone, without the chart and the trials (and their sources). */
  gboolean           nothing_entered;
} LdnSheetData;

void          ldn_sheet_data_free    (LdnSheetData    *data);
/* DOSE_MG <= 0 uses 4.5 mg. INCLUDE_CHART and INCLUDE_SOURCES are the
 * sheet's options. The sheet is in the language of the LdnLanguageScope
 * around this call (with CONTENT opened in that language), or the
 * interface's; what the person typed stays as typed. */
LdnSheetData *ldn_sheet_data_collect (LdnContentStore *content,
                                      LdnUserStore    *user,
                                      double           dose_mg,
                                      gboolean         include_chart,
                                      gboolean         include_sources,
                                      GError         **error);

/* As ldn_sheet_data_collect() for SCENARIO's dose; page 1 also says how
 * it is taken (once or every night, and when), unless SCENARIO is the
 * default a person who never chose a dose has (dose_chosen is FALSE). */
LdnSheetData *ldn_sheet_data_collect_for_scenario (LdnContentStore *content,
                                                   LdnUserStore    *user,
                                                   LdnDoseScenario *scenario,
                                                   gboolean         include_chart,
                                                   gboolean         include_sources,
                                                   GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdnSheetData, ldn_sheet_data_free)

G_END_DECLS

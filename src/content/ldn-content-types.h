/* ldn-content-types.h
 *
 * Plain records that LdnContentStore hands out. They own their strings
 * and are freed with their *_free function (g_autoptr works).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char  *id;
  guint  position;
  char  *title;
  char  *summary;
  char  *last_reviewed;   /* YYYY-MM-DD */
} LdnPageInfo;

typedef enum {
  LDN_BLOCK_PARAGRAPH,
  LDN_BLOCK_KEY_POINT,
  LDN_BLOCK_TABLE,
  LDN_BLOCK_UNKNOWN,      /* "what we don't know" */
  LDN_BLOCK_LIST,
  LDN_BLOCK_TEACH_BACK,
  LDN_BLOCK_CONDITIONS,   /* shows ldn_content_store_list_conditions() */
  LDN_BLOCK_SIDE_EFFECTS, /* shows ldn_content_store_list_side_effects() */
  LDN_BLOCK_FREQUENCY,    /* body is the sentence; frequency has its numbers */
} LdnBlockKind;

/* How many of PER people had OUTCOME on LDN and on the comparison. */
typedef struct {
  guint  per;                 /* always 100 */
  guint  ldn;
  guint  comparison;
  char  *comparator;          /* "placebo", "usual care" */
  char  *period;              /* "12 weeks" */
  char  *outcome;
  char  *study;               /* "Smith 2011" */
} LdnFrequency;

typedef struct {
  char     *id;
  char     *text;
  gboolean  correct;
} LdnChoice;

typedef struct {
  guint         position;     /* 1-based within its page */
  LdnBlockKind  kind;
  char         *title;        /* heading, or the teach-back question; may be NULL */
  char         *body;         /* text, or the teach-back explanation; may be NULL */
  GStrv         sources;      /* source ids, in citation order */
  GPtrArray    *rows;         /* of GStrv: table rows (row 0 is the header) or list items */
  char         *question_id;  /* teach-back only */
  GPtrArray    *choices;      /* of LdnChoice, teach-back only */
  LdnFrequency *frequency;    /* frequency only */
  gboolean      editorial;    /* the guide's authors speaking; no sources */
  gboolean      untranslated; /* shown in English: the store's locale has no translation yet */
} LdnBlock;

typedef struct {
  char *id;
  char *kind;                 /* trial, observational, review, label, ... */
  char *authors;              /* NULL when the source read did not show them */
  char *title;                /* NULL when only a description is known */
  char *description;          /* what the source is, when its title is not known */
  char *accessed;             /* "November 2026", for a page with no year */
  char *journal;
  int   year;                 /* 0 when unknown */
  char *details;
  char *pmid;
  char *doi;
  char *url;
  char *note;
} LdnSource;

typedef struct {
  char  *page_id;
  char  *page_title;
  guint  block_position;      /* 0 when the page title or summary matched */
  char  *snippet;             /* matches between LDN_CONTENT_MATCH_START and _END */
} LdnSearchHit;

typedef struct {
  char  *id;
  char  *name;
  char  *strength;            /* none, very-weak, weak, moderate, strong */
  char  *strength_words;
  char  *summary;
  GStrv  sources;
} LdnCondition;

typedef struct {
  char  *id;
  char  *name;
  char  *frequency;
  char  *note;
  int    transient;           /* 1 usually passes, 0 does not, -1 not known */
  GStrv  sources;
} LdnSideEffect;

typedef struct {
  char  *id;
  char  *sign;
  char  *action;
  GStrv  sources;
} LdnWarningSign;

typedef struct {
  char     *id;
  gboolean  high_prominence;
  char     *question;
  char     *examples;
  char     *why;
  GStrv     sources;
} LdnSafetyTopic;

typedef struct {
  char     *id;
  gboolean  ask3;
  char     *text;
} LdnSuggestedQuestion;

/* The scan was taken some time between HOURS_MIN and HOURS_MAX after
 * the dose: the sources give a window, not a time. */
typedef struct {
  double dose_mg;
  double hours_min;
  double hours_max;
  double occupancy;
} LdnPetPoint;

typedef struct {
  char  *id;
  char  *text;
  char  *last_reviewed;
  GStrv  sources;
} LdnContentText;

typedef struct {
  char  *id;
  char  *title;
  char  *text;
  GStrv  sources;
} LdnCaption;

/* A statement of the decision aid: a consent item ("consent"), a
 * consideration to weigh ("value") or one of the SURE test's four
 * questions ("sure"). */
typedef struct {
  char  *id;
  char  *kind;
  char  *short_text;          /* a few words, for lists and the sheet */
  char  *text;
  char  *detail;              /* "" when there is none */
  GStrv  sources;
} LdnDecisionItem;

/* An opioid medicine, or a combination that contains one. */
typedef struct {
  char  *id;
  char  *name;                /* "co-codamol" */
  char  *contains;            /* "codeine and paracetamol", or "" */
  GStrv  names;               /* generic and brand names to match */
  GStrv  sources;
} LdnOpioid;

void ldn_decision_item_free      (LdnDecisionItem      *item);
void ldn_opioid_free             (LdnOpioid            *opioid);
void ldn_caption_free            (LdnCaption           *caption);
void ldn_content_text_free       (LdnContentText       *text);
void ldn_frequency_free          (LdnFrequency         *frequency);
void ldn_page_info_free          (LdnPageInfo          *page);
void ldn_block_free              (LdnBlock             *block);
void ldn_choice_free             (LdnChoice            *choice);
void ldn_source_free             (LdnSource            *source);
void ldn_search_hit_free         (LdnSearchHit         *hit);
void ldn_condition_free          (LdnCondition         *condition);
void ldn_side_effect_free        (LdnSideEffect        *side_effect);
void ldn_warning_sign_free       (LdnWarningSign       *sign);
void ldn_safety_topic_free       (LdnSafetyTopic       *topic);
void ldn_suggested_question_free (LdnSuggestedQuestion *question);

/* "Younger 2013", "US prescribing information": what a marker shows. */
char *ldn_source_dup_short_label (const LdnSource *source);

/* The longest unbroken string (in characters) allowed in the guide's own
 * text: its pages wrap only between words, and must fit a phone screen. */
#define LDN_CONTENT_MAX_WORD 24
/* One line a reader can look up: authors, title, journal, year, details, ids. */
char *ldn_source_dup_citation    (const LdnSource *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdnPageInfo, ldn_page_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdnBlock, ldn_block_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdnSource, ldn_source_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdnSearchHit, ldn_search_hit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdnContentText, ldn_content_text_free)

G_END_DECLS

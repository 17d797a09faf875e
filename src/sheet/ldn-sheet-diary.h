/* ldn-sheet-diary.h
 *
 * The sheet's "Before and after" section, built from the person's diary:
 * each followed item's chart and descriptive summary, side effects by date,
 * doses as entered, how complete the record is, and an 8-12-week review
 * point with blank lines for the doctor. ldn-sheet.c turns the blocks into
 * its own items; an empty diary gives no blocks, so the section is left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "model/ldn-diary.h"
#include "model/ldn-diary-summary.h"

G_BEGIN_DECLS

typedef enum {
  LDN_SHEET_DIARY_HEADING,   /* a section heading */
  LDN_SHEET_DIARY_SUBHEADING,/* bold line */
  LDN_SHEET_DIARY_TEXT,      /* a paragraph */
  LDN_SHEET_DIARY_BULLET,    /* one list line */
  LDN_SHEET_DIARY_CHART,     /* the trend chart of item ITEM */
  LDN_SHEET_DIARY_BLANK,     /* a label followed by a line to write on */
} LdnSheetDiaryKind;

typedef struct {
  LdnSheetDiaryKind  kind;
  char              *text;    /* translated, plain text (not markup) */
  guint              item;    /* CHART */
} LdnSheetDiaryBlock;

typedef struct _LdnSheetDiary LdnSheetDiary;

/* SIDE_EFFECT_NAMES maps a content side-effect id to its name (may be NULL:
 * ids are shown). UNTIL is the summaries' "today". NULL when DIARY is NULL
 * or has no items and no entries. */
LdnSheetDiary *ldn_sheet_diary_new         (const LdnDiary *diary,
                                            GHashTable     *side_effect_names,
                                            const GDate    *until);
/* The content's sourced sentences the section prints: CAUTION (a change
 * after the start does not show the medicine caused it) after the
 * introduction, REVIEW (when trials looked at results) at the review
 * point. Either may be NULL. Call before ldn_sheet_diary_get_blocks(). */
void           ldn_sheet_diary_set_texts   (LdnSheetDiary  *section,
                                            const char     *caution,
                                            const char     *review);
void           ldn_sheet_diary_free        (LdnSheetDiary  *section);
/* Of LdnSheetDiaryBlock, borrowed. */
GPtrArray     *ldn_sheet_diary_get_blocks  (LdnSheetDiary  *section);
/* Draws item ITEM's chart in print style into WIDTH x HEIGHT at the origin. */
void           ldn_sheet_diary_draw_chart  (LdnSheetDiary  *section,
                                            cairo_t        *cr,
                                            guint           item,
                                            double          width,
                                            double          height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdnSheetDiary, ldn_sheet_diary_free)

G_END_DECLS

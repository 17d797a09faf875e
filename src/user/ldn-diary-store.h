/* ldn-diary-store.h
 *
 * The person's diary (see model/ldn-diary.h), kept in their LdnUserStore
 * file: up to three things they follow on a 0-10 scale, a start date,
 * the plan as prescribed (typed by them), and dated entries (ratings,
 * side effects noticed that day, a note, a dose taken or missed). Every
 * change is one transaction, written before the call returns, and
 * emits the store's "changed". Nothing here judges whether a medicine
 * works, and nothing suggests a dose. No GTK here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ldn-user-store.h"
#include "model/ldn-diary.h"

G_BEGIN_DECLS

#define LDN_DIARY_TEXT_MAX_CHARS 200     /* an item's label and the meanings of 0 and 10 */
#define LDN_DIARY_DOSE_MAX_MG    50.0    /* a typed dose above this is taken to be a typing slip */

/* Checks, each with a message a person can act on (LDN_USER_ERROR_INVALID_VALUE
 * or LDN_USER_ERROR_INVALID_TEXT). */
gboolean   ldn_diary_check_item_text  (const char   *text,
                                       gboolean      required,
                                       GError      **error);
gboolean   ldn_diary_check_rating     (int           rating,
                                       GError      **error);
gboolean   ldn_diary_check_dose       (double        dose_mg,
                                       GError      **error);
gboolean   ldn_diary_check_minutes    (int           minutes,
                                       GError      **error);
gboolean   ldn_diary_check_severity   (int           severity,
                                       GError      **error);
gboolean   ldn_diary_check_side_effect_id (const char *id,
                                           GError    **error);
/* An entry's date: a valid day, not after today. */
gboolean   ldn_diary_check_entry_date (const GDate  *date,
                                       GError      **error);
/* "YYYY-MM-DD", or FALSE. */
gboolean   ldn_diary_date_parse       (const char   *text,
                                       GDate        *date);
char      *ldn_diary_date_format      (const GDate  *date);
/* "HH:MM" (also "H:MM") to minutes after midnight, or -1. */
int        ldn_diary_time_parse       (const char   *text);
char      *ldn_diary_time_format      (int           minutes);

/* Everything, sorted; NULL only on a storage error. */
LdnDiary  *ldn_diary_store_dup_diary  (LdnUserStore *store,
                                       GError      **error);

/* Items: at most LDN_DIARY_MAX_ITEMS; returns the new item's id. */
char      *ldn_diary_store_add_item    (LdnUserStore  *store,
                                        const char    *label,
                                        const char    *low,
                                        const char    *high,
                                        LdnDiaryEvery  every,
                                        GError       **error);
gboolean   ldn_diary_store_update_item (LdnUserStore  *store,
                                        const char    *id,
                                        const char    *label,
                                        const char    *low,
                                        const char    *high,
                                        LdnDiaryEvery  every,
                                        GError       **error);
/* Also removes the ratings recorded for it. */
gboolean   ldn_diary_store_remove_item (LdnUserStore  *store,
                                        const char    *id,
                                        GError       **error);

/* NULL clears the start date. */
gboolean   ldn_diary_store_set_start   (LdnUserStore  *store,
                                        const GDate   *start,
                                        GError       **error);
/* Adds a plan step, or replaces the one from the same date. */
gboolean   ldn_diary_store_set_plan_step    (LdnUserStore *store,
                                             const GDate  *from,
                                             double        dose_mg,
                                             int           minutes,
                                             GError      **error);
gboolean   ldn_diary_store_remove_plan_step (LdnUserStore *store,
                                             const GDate  *from,
                                             GError      **error);

/* ENTRY's ratings are by the index of the store's current items. Adding
 * refuses a date that already has an entry; updating replaces the entry
 * of OLD_DATE (which may move to ENTRY's date, if that is free). */
gboolean   ldn_diary_store_add_entry    (LdnUserStore        *store,
                                         const LdnDiaryEntry *entry,
                                         GError             **error);
gboolean   ldn_diary_store_update_entry (LdnUserStore        *store,
                                         const GDate         *old_date,
                                         const LdnDiaryEntry *entry,
                                         GError             **error);
gboolean   ldn_diary_store_delete_entry (LdnUserStore        *store,
                                         const GDate         *date,
                                         GError             **error);

/* For import: checks DIARY as a whole and writes it into a cleared
 * store; call it inside ldn_user_store_run_transaction(). */
gboolean   ldn_diary_store_write        (LdnUserStore        *store,
                                         const LdnDiary      *diary,
                                         GError             **error);

G_END_DECLS

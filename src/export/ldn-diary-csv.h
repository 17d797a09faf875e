/* ldn-diary-csv.h
 *
 * The diary as CSV for a spreadsheet: one row per entry and followed
 * item (date, item, rating, dose taken, side effects, note), a header
 * in plain words, quoted as RFC 4180 says, and every text that a
 * spreadsheet would run as a formula (=, +, -, @, tab, return first)
 * written with a leading apostrophe. No GTK here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "model/ldn-diary.h"

G_BEGIN_DECLS

/* SIDE_EFFECT_NAMES maps a side-effect id to its name; NULL, or an id
 * it lacks, writes the id. */
char *ldn_diary_to_csv         (const LdnDiary *diary,
                                GHashTable     *side_effect_names);
/* One CSV field, quoted and made safe as above. */
void  ldn_csv_append_field     (GString        *csv,
                                const char     *text);

G_END_DECLS

/* ldn-opioid-match.h
 *
 * Whether a medicine the person typed names an opioid from the content's
 * list: generic and brand names, combinations such as co-codamol,
 * ignoring case, accents, spacing and hyphens, and only whole words
 * ("tramadol 50 mg", "Co-Codamol 30/500", but not "morphinewater").
 * A match asks the person to check the safety question; it never
 * answers it for them. No GTK here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ldn-content-types.h"

G_BEGIN_DECLS

/* The opioid in OPIOIDS (of LdnOpioid) that TEXT names, or NULL. When
 * several names match, the longest wins ("paracetamol and codeine" is
 * co-codamol, not codeine). Borrowed from OPIOIDS. */
const LdnOpioid *ldn_opioid_match (GPtrArray  *opioids,
                                   const char *text);

G_END_DECLS

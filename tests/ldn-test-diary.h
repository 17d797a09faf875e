/* ldn-test-diary.h: a year of diary entries for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "model/ldn-diary.h"

G_BEGIN_DECLS

/* Three items (pain and fatigue daily, sleep weekly), a start on 1 February
 * 2027 with 1.5 mg and a change to 3 mg four weeks later, daily entries from
 * 4 January 2027 to 31 December 2027 with a ten-day gap in June, side
 * effects on the 15th of each month and a dose log. UNTIL is set to
 * 31 December 2027. Deterministic. */
LdnDiary *ldn_test_diary_new_year (GDate *until);

G_END_DECLS

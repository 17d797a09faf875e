/* ldn-test-store.h: what the user-store tests share: exporting,
 * a round trip through a second store, and bad files that are refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "user/ldn-user-data-json.h"
#include "user/ldn-user-store.h"

G_BEGIN_DECLS

/* STORE's data file as text; fails the test if it cannot be made. */
char *ldn_test_store_export           (LdnUserStore         *store,
                                       const LdnUserDataIds *ids);
/* JSON imports into a new store at DIR/other/user.sqlite, CHECK (if not
 * NULL) passes on it, and it exports as JSON again, to the letter. */
void  ldn_test_store_assert_round_trip (const char           *json,
                                        const char           *dir,
                                        const LdnUserDataIds *ids,
                                        void                (*check) (LdnUserStore *store));

/* GOOD with FROM replaced once by TO: an import error naming FIELD. */
typedef struct {
  const char *from;
  const char *to;
  const char *field;
} LdnTestBadEdit;

/* Each of the N_EDITS bad files made from GOOD (STORE's export) is
 * refused with an import error that names its field, and STORE still
 * exports GOOD afterwards. */
void  ldn_test_store_assert_refused   (LdnUserStore         *store,
                                       const LdnUserDataIds *ids,
                                       const char           *good,
                                       const LdnTestBadEdit *edits,
                                       guint                 n_edits);

G_END_DECLS

/* ldn-test-tmp.h: private temporary folders for tests, benchmarks and
 * fuzz targets, removed with everything in them when the process exits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new folder named PREFIX-XXXXXX in the temporary directory; aborts
 * if none can be made. Owned by the caller; removed at exit. */
char *ldn_test_tmp_dir (const char *prefix);

/* For g_test_add(): a new temporary folder per case and the path of a
 * user store in it, DIR/ldn-guide/user.sqlite (not made yet). A case
 * rerun in a subprocess (g_test_trap_subprocess) with
 * LDN_TEST_FIXTURE_DIR set uses that folder, its parent's. */
typedef struct {
  char *dir;
  char *path;
} LdnTestStoreFixture;

void  ldn_test_store_fixture_setup    (LdnTestStoreFixture *fixture,
                                       gconstpointer        data);
void  ldn_test_store_fixture_teardown (LdnTestStoreFixture *fixture,
                                       gconstpointer        data);

G_END_DECLS

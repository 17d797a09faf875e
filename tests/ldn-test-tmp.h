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

G_END_DECLS

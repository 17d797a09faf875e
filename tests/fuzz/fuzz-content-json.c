/* fuzz-content-json.c: the content compiler reading any JSON document,
 * then checking and writing what it read. A content author's typo must
 * become a problem report, never a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "content/ldn-content-compiler.h"
#include "fuzz-target.h"
#include "ldn-test-tmp.h"

static char *output_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-fuzz-content");

  output_path = g_build_filename (dir, "content.sqlite", NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(LdnContentCompiler) compiler = ldn_content_compiler_new ();
  g_autoptr(GError) error = NULL;

  ldn_content_compiler_add_data (compiler, "fuzz.json", (const char *) data, (gssize) size);
  /* Writing runs the checks across files; refusal is the expected end. */
  if (!ldn_content_compiler_write (compiler, output_path, &error))
    g_assert_nonnull (error);
  return 0;
}

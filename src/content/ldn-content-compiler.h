/* ldn-content-compiler.h
 *
 * Reads the reviewable JSON under data/content/, checks every rule the
 * app relies on (each statement has a known source, every source is
 * cited, ids are unique, dates are real, texts fit), and writes the
 * read-only content.sqlite the app ships.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ldn-content-error.h"

G_BEGIN_DECLS

#define LDN_TYPE_CONTENT_COMPILER (ldn_content_compiler_get_type ())

G_DECLARE_FINAL_TYPE (LdnContentCompiler, ldn_content_compiler, LDN, CONTENT_COMPILER, GObject)

LdnContentCompiler *ldn_content_compiler_new          (void);
/* Problems found so far, each "FILE:JSON-PATH: what is wrong". */
const GPtrArray    *ldn_content_compiler_get_problems (LdnContentCompiler *self);
void                ldn_content_compiler_add_file     (LdnContentCompiler *self,
                                                       const char         *path);
void                ldn_content_compiler_add_data     (LdnContentCompiler *self,
                                                       const char         *name,
                                                       const char         *json,
                                                       gssize              length);
gboolean            ldn_content_compiler_write        (LdnContentCompiler *self,
                                                       const char         *output_path,
                                                       GError            **error);
/* Fills LOCALE's text rows from a gettext catalog (.mo) when writing;
 * a text it does not translate stays English for that item. */
void                ldn_content_compiler_add_translation (LdnContentCompiler *self,
                                                          const char         *locale,
                                                          const char         *catalog_path);
/* Call before adding files: keeps every translatable text (each with its
 * context and a comment) for ldn_content_compiler_write_template(). */
void                ldn_content_compiler_extract_messages (LdnContentCompiler *self);
gboolean            ldn_content_compiler_write_template   (LdnContentCompiler *self,
                                                           const char         *output_path,
                                                           GError            **error);

G_END_DECLS

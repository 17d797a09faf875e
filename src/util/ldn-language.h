/* ldn-language.h
 *
 * The language of one piece of output that may differ from the
 * interface's: the discussion sheet can be printed in the doctor's
 * language. A scope switches, for the calling thread only, the gettext
 * language and the locale's numbers and dates (uselocale), and puts them
 * back when popped. Files (CSV, JSON) never go through this: they stay
 * locale-free.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LdnLanguageScope LdnLanguageScope;

/* The languages the guide is written in, NULL-terminated: "en", "es". */
const char *const *ldn_language_get_supported  (void);
gboolean           ldn_language_is_supported   (const char *language);
/* The supported language the interface is shown in ("es" or "en"). */
const char        *ldn_language_get_interface  (void);
/* The language of the innermost scope on this thread, or NULL. */
const char        *ldn_language_get_current    (void);

/* NULL or "" changes nothing (the interface language stays). */
LdnLanguageScope  *ldn_language_scope_push     (const char       *language);
/* Numbers and dates only (printf, strftime), not messages: safe to use
 * while drawing, as it touches no environment variable. */
LdnLanguageScope  *ldn_language_scope_push_formats (const char   *language);
void               ldn_language_scope_pop      (LdnLanguageScope *scope);

/* An ISO date (YYYY-MM-DD) written for a reader in the current
 * language ("1 December 2026", "1 de diciembre de 2026"); anything
 * else is returned as it is. */
char              *ldn_language_format_iso_date (const char      *iso_date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LdnLanguageScope, ldn_language_scope_pop)

G_END_DECLS

/* ldn-opioid-match.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ldn-opioid-match.h"

/* Case-folded, accents dropped, every run of anything but letters and
 * digits made one space, with a space at each end, so a whole-word
 * search is a plain substring search for " name ". Digits stay, but a
 * letter next to a digit is split from it ("tramadol50mg"). */
static char *
normalize (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  g_autofree char *folded = NULL;
  GString *out = g_string_new (" ");
  gunichar previous = ' ';

  if (decomposed == NULL)
    return g_string_free (out, FALSE);
  folded = g_utf8_casefold (decomposed, -1);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK)
        continue;

      if (!g_unichar_isalnum (c))
        c = ' ';
      else if (previous != ' ' && g_unichar_isalpha (c) != g_unichar_isalpha (previous))
        g_string_append_c (out, ' ');

      if (c == ' ' && previous == ' ')
        continue;
      g_string_append_unichar (out, c);
      previous = c;
    }

  if (previous != ' ')
    g_string_append_c (out, ' ');

  return g_string_free (out, FALSE);
}

const LdnOpioid *
ldn_opioid_match (GPtrArray  *opioids,
                  const char *text)
{
  g_autofree char *haystack = NULL;
  const LdnOpioid *best = NULL;
  gsize best_length = 0;

  g_return_val_if_fail (opioids != NULL, NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  haystack = normalize (text);
  if (strlen (haystack) <= 1)
    return NULL;

  for (guint i = 0; i < opioids->len; i++)
    {
      const LdnOpioid *opioid = g_ptr_array_index (opioids, i);

      for (guint j = 0; opioid->names != NULL && opioid->names[j] != NULL; j++)
        {
          g_autofree char *needle = normalize (opioid->names[j]);
          gsize length = strlen (needle);

          if (length > 2 && length > best_length && strstr (haystack, needle) != NULL)
            {
              best = opioid;
              best_length = length;
            }
        }
    }

  return best;
}

/* ldn-user-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ldn-user-text.h"

#define FSI 0x2068
#define PDI 0x2069

static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* Line breaks as "\n", controls visible, typed bidi controls gone. */
static GString *
clean (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' && p[1] == '\n')
        continue;  /* the "\n" follows */
      else if (is_line_break (c))
        g_string_append_c (out, '\n');
      else if (is_bidi_control (c))
        continue;
      else if (c != '\t' && (c < 0x20 || (c >= 0x7F && c < 0xA0)))
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, c);
    }

  return out;
}

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static char *
dup_shown (const char *text,
           gboolean    isolate)
{
  g_autoptr(GString) out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *cleaned = NULL;
  gboolean blank = FALSE;

  if (text == NULL)
    return g_strdup ("");

  cleaned = g_string_free (clean (text), FALSE);
  lines = g_strsplit (cleaned, "\n", -1);
  out = g_string_sized_new (strlen (cleaned) + 16);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (is_blank (lines[i]))
        {
          blank = TRUE;
          continue;
        }

      /* Blank lines between two lines of text: at most one. */
      if (out->len > 0)
        g_string_append (out, blank ? "\n\n" : "\n");
      blank = FALSE;
      if (isolate)
        g_string_append_unichar (out, FSI);
      g_string_append (out, lines[i]);
      if (isolate)
        g_string_append_unichar (out, PDI);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
ldn_user_text_dup_isolated (const char *text)
{
  return dup_shown (text, TRUE);
}

char *
ldn_user_text_dup_plain (const char *text)
{
  return dup_shown (text, FALSE);
}

/* test-sheet-property.c: the sheet lays out for every person.
 *
 * Generates many random people (500 by default) at and near every limit
 * of the app: counts (side effects noticed, questions up to 200, the
 * other texts), lengths (0, 1, limit - 1, limit and between), scripts
 * (Latin with accents, Cyrillic, Greek, Arabic, Hebrew, Devanagari,
 * Chinese and Japanese, emoji, combining marks), line breaks (\n, \r\n,
 * \r, U+2028, many blank lines), tabs, control and bidi characters,
 * white space only and empty fields, on A4 and Letter. For each person:
 *
 *  - the layout ends, without error, within a page count bounded by the
 *    size of what they typed (see page_bound());
 *  - every text they entered is in the PDF, as pdftotext reads it back.
 *
 * How the text is compared. White space is removed from both sides
 * (lines are wrapped anywhere in a long word or between Chinese
 * characters) and both are NFKC-normalised; the sheet's footer, page
 * numbers and repeated table header are taken out of the PDF's text (a
 * word can be cut by a page break). pdftotext runs with -raw: the text
 * in the order it was drawn, line after line, as the sheet lays it out
 * (its reading-order analysis takes a wide tab gap for a new column). Each line the person typed is then
 * cut into words of the scripts pdftotext gives back as typed: Latin,
 * Cyrillic, Greek, Han, kana and ASCII punctuation other than
 * brackets. The words of a line must appear in order. Left out of the
 * comparison, on purpose:
 *  - Arabic and Hebrew letters: drawn right to left, pdftotext's order
 *    for them is not the typed order. On a line that holds any of them
 *    (or a tab, or a character drawn as a hex box, see is_out_of_line()),
 *    the other words are only checked to be present, not in order, and
 *    as runs of letters only (the bidi algorithm moves numbers and
 *    punctuation around them); a run longer than 12 letters is left out
 *    there, as its wrapped parts may have other words between them, and
 *    so are Chinese and Japanese there (a line may break between any two
 *    of their characters).
 *  - Devanagari and emoji: shaped clusters and missing fonts on this
 *    machine; drawn, not compared.
 *  - Control characters (shown as U+FFFD) and the bidi controls the
 *    sheet drops (see ldn-user-text.h).
 *
 * People are drawn in batches into one PDF each (cairo PDF pages may
 * differ in size), read back with one pdftotext per batch, and split at
 * its page breaks.
 *
 * LDN_TEST_SEED=N repeats a run; LDN_TEST_PEOPLE=N changes the count;
 * LDN_TEST_PERSON=I runs only person I of a seed. LDN_TEST_QUICK (set for
 * the memcheck suite) runs 12 people. To look into a failure,
 * LDN_TEST_DUMP=FILE writes the failing person's text as compared and
 * LDN_TEST_DEBUG=1 prints each typed line and where its words were found.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ldn-test-tmp.h"
#include "sheet/ldn-sheet.h"
#include "util/ldn-user-text.h"

#define BATCH 25
#define MARGIN 48.0
#define FOOTER 36.0
/* The tallest line of any script drawn on the sheet, with room to spare. */
#define LINE_BOUND 16.0

static LdnContentStore *content;
static LdnUserStore *user;
static GPtrArray *side_effect_ids;
static GPtrArray *safety_ids;
static char *dir;
/* The footer and the repeated table header, as they read with white
 * space removed, taken out of each person's text. Literals, not a GRegex:
 * PCRE2's JIT reads past the end of the string in 16-byte steps, which
 * valgrind reports (sheet-property-memcheck). */
static const char *page_furniture[] = {
  "LDNGuide·fordiscussionwithyourdoctor·notaprescriptionormedicaladvice",
  /* The repeated table header. It must match the sheet's (ldn-sheet.c):
   * when it did not, a note continued on the next page had the repeated
   * header read in the middle of it, and the note's words showed as
   * missing or out of order. */
  "SideeffectSeveritySinceNote",
};

typedef enum {
  SCRIPT_LATIN, SCRIPT_CYRILLIC, SCRIPT_GREEK, SCRIPT_ARABIC, SCRIPT_HEBREW, SCRIPT_DEVANAGARI, SCRIPT_CJK,
  SCRIPT_EMOJI, SCRIPT_COMBINING, SCRIPT_ASCII, N_SCRIPTS
} Script;

static const char *words[N_SCRIPTS][8] = {
  { "café", "naïve", "Ärger", "señal", "über", "ça", "łódź", "Øresund" },
  { "сон", "головная", "боль", "утром", "тошнота", "Ёлка", "жжёт", "щи" },
  { "ύπνος", "πονοκέφαλος", "πρωί", "ναυτία", "Ωμέγα", "ψυχή", "ζάλη", "ΰ" },
  { "صداع", "خفيف", "في", "الصباح", "نوم", "غثيان", "دوار", "ليلا" },
  { "שינה", "קלה", "כאב", "ראש", "בוקר", "בחילה", "סחרחורת", "לילה" },
  { "नींद", "सिरदर्द", "सुबह", "मतली", "चक्कर", "रात", "दर्द", "क्षत्रिय" },
  { "夜里做梦很多", "睡眠が浅い", "頭痛", "朝", "めまい", "吐き気", "失眠", "カタカナ" },
  { "🌙", "😴", "💊", "👩‍⚕️", "🇪🇸", "👍🏽", "🙂", "❤️" },
  { "e\xcc\x81", "a\xcc\x88\xcc\xa3", "Z\xcc\x81\xcc\x82\xcc\x83\xcc\x84\xcc\x88", "n\xcc\x83o", "A\xcc\x8a",
    "i\xcc\x87", "u\xcc\x88\xcc\x81", "c\xcc\xa7" },
  { "dose", "night", "2026-11-02", "R&D", "x=y+1", "100%", "a/b", "#7" },
};

/* What goes between words, with how often (out of 100). */
static const struct { const char *text; guint weight; } separators[] = {
  { " ", 70 }, { "\n", 6 }, { "\r\n", 4 }, { "\n\n\n\n\n", 2 }, { "\r", 1 }, { "\t", 2 }, { ", ", 5 },
  { ". ", 4 }, { " \xe2\x80\xa8", 1 }, { "\x01", 1 }, { "\xe2\x80\xae", 1 }, { "\xe2\x80\xab ", 1 },
  { "\xe2\x81\xa6", 1 }, { "\n \t \n", 1 },
};

typedef struct {
  char      *name;
  char      *texts[3];        /* other side effects, other medicines, what matters */
  GPtrArray *notes;           /* one per side effect; NULL when not noticed */
  GPtrArray *questions;
  gboolean   chart;
  gboolean   sources;
  LdnPaper   paper;
  guint      n_pages;
  guint      first_page;      /* in its batch's PDF */
} Person;

static void
person_free (Person *person)
{
  g_free (person->name);
  for (guint i = 0; i < G_N_ELEMENTS (person->texts); i++)
    g_free (person->texts[i]);
  g_ptr_array_unref (person->notes);
  g_ptr_array_unref (person->questions);
  g_free (person);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Person, person_free)

/* What one person pushes to the limit; the rest of their data is
 * ordinary. Keeps the run to a few pages per person on average. */
typedef enum {
  STRESS_NONE,
  STRESS_ONE_FIELD_AT_LIMIT,    /* one text, note or question of limit - 1 or limit characters */
  STRESS_ALL_NOTICED,           /* every side effect, each with a note */
  STRESS_MOST_QUESTIONS,        /* 199 or 200 questions */
  STRESS_EMPTY,                 /* every field empty or white space only */
  STRESS_LONG_NOTES,            /* three notes of one to two pages: rows split over pages */
  STRESS_LINE_BREAKS,           /* one field of limit characters, every other one a line break */
  N_STRESS
} Stress;

/* An ordinary length: empty, one character, short, longer, and now and
 * then at or just under the limit. */
static guint
random_length (GRand *rand,
               guint  min)
{
  guint pick = g_rand_int_range (rand, 0, 100);
  guint length;

  if (pick < 15)
    length = 0;
  else if (pick < 25)
    length = 1;
  else if (pick < 75)
    length = g_rand_int_range (rand, 2, 120);
  else if (pick < 99)
    length = g_rand_int_range (rand, 120, 600);
  else
    length = LDN_USER_TEXT_MAX_CHARS - g_rand_int_range (rand, 0, 2);

  return MAX (length, min);
}

typedef enum {
  TEXT_WORDS,
  TEXT_WHITE_SPACE,
  TEXT_LINE_BREAKS,
} TextKind;

/* Text of exactly LENGTH characters: words in one script or a mix of
 * scripts, or only white space, or every other character a line break. */
static char *
random_text (GRand    *rand,
             guint     length,
             TextKind  kind)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean mixed = g_rand_int_range (rand, 0, 3) == 0;
  Script script = g_rand_int_range (rand, 0, N_SCRIPTS);
  guint n_chars = 0;

  if (kind == TEXT_WHITE_SPACE)
    {
      while (n_chars++ < length)
        g_string_append_c (text, " \n\t"[g_rand_int_range (rand, 0, 3)]);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }
  if (kind == TEXT_LINE_BREAKS)
    {
      while (n_chars < length)
        g_string_append (text, n_chars++ % 2 ? "\n" : "x");
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  while (n_chars < length)
    {
      guint pick = g_rand_int_range (rand, 0, 100), sum = 0;
      const char *separator = " ";

      if (mixed)
        script = g_rand_int_range (rand, 0, N_SCRIPTS);
      /* Emoji are slow to draw: keep them rare. */
      if (script == SCRIPT_EMOJI && g_rand_int_range (rand, 0, 4) != 0)
        script = SCRIPT_LATIN;
      g_string_append (text, words[script][g_rand_int_range (rand, 0, 8)]);
      /* A long word with no break: wrapped by character. */
      if (g_rand_int_range (rand, 0, 200) == 0)
        for (guint i = 0; i < 150; i++)
          g_string_append_c (text, 'a' + i % 26);
      for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
        {
          sum += separators[i].weight;
          if (pick < sum)
            {
              separator = separators[i].text;
              break;
            }
        }
      g_string_append (text, separator);
      n_chars = g_utf8_strlen (text->str, -1);
    }

  return g_utf8_substring (text->str, 0, length);
}

static char *
ordinary_text (GRand  *rand,
               Stress  stress,
               guint   min)
{
  if (stress == STRESS_EMPTY)
    {
      guint length = g_rand_int_range (rand, 0, 3) == 0 ? 0 : (guint) g_rand_int_range (rand, 1, 300);

      return random_text (rand, MAX (min, length), min > 0 ? TEXT_WORDS : TEXT_WHITE_SPACE);
    }

  return random_text (rand, random_length (rand, min),
                      g_rand_int_range (rand, 0, 30) == 0 ? TEXT_WHITE_SPACE : TEXT_WORDS);
}

static Person *
random_person (GRand *rand)
{
  Person *person = g_new0 (Person, 1);
  Stress stress = g_rand_int_range (rand, 0, 100) == 0 ? STRESS_LINE_BREAKS : g_rand_int_range (rand, 0, N_STRESS - 1);
  guint n_questions, n_noticed, pick = g_rand_int_range (rand, 0, 100);
  guint n_fields, stressed;

  person->name = ordinary_text (rand, stress, 0);
  for (guint i = 0; i < G_N_ELEMENTS (person->texts); i++)
    person->texts[i] = ordinary_text (rand, stress, 0);

  /* Counts: none, one, all (or all but one), or some. */
  n_noticed = stress == STRESS_ALL_NOTICED ? side_effect_ids->len : stress == STRESS_LONG_NOTES ? 3
            : pick < 25 ? 0 : pick < 45 ? 1 : pick < 50 ? side_effect_ids->len - 1
            : (guint) g_rand_int_range (rand, 0, 5);
  person->notes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < side_effect_ids->len; i++)
    g_ptr_array_add (person->notes, NULL);
  for (guint i = 0; i < n_noticed; i++)
    {
      guint at = n_noticed == side_effect_ids->len || stress == STRESS_LONG_NOTES
               ? i : (guint) g_rand_int_range (rand, 0, side_effect_ids->len);

      if (g_ptr_array_index (person->notes, at) != NULL)
        continue;
      if (stress == STRESS_LONG_NOTES)
        g_ptr_array_index (person->notes, at) = random_text (rand, g_rand_int_range (rand, 2500, 6000), TEXT_WORDS);
      else
        g_ptr_array_index (person->notes, at) = ordinary_text (rand, stress, 0);
    }

  pick = g_rand_int_range (rand, 0, 100);
  n_questions = stress == STRESS_MOST_QUESTIONS ? LDN_USER_MAX_QUESTIONS - (pick % 2)
              : pick < 20 ? 0 : pick < 40 ? 1 : (guint) g_rand_int_range (rand, 2, 25);
  person->questions = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_questions; i++)
    {
      g_autofree char *text = stress == STRESS_MOST_QUESTIONS
                            ? random_text (rand, g_rand_int_range (rand, 1, 60), TEXT_WORDS)
                            : ordinary_text (rand, stress, 1);
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      /* The app refuses an empty question. */
      g_ptr_array_add (person->questions, *stripped ? g_steal_pointer (&text) : g_strdup ("?"));
    }

  /* One field at the limit: the name, another text, a note or a question. */
  n_fields = 1 + G_N_ELEMENTS (person->texts) + n_noticed + n_questions;
  stressed = g_rand_int_range (rand, 0, n_fields);
  if (stress == STRESS_ONE_FIELD_AT_LIMIT || stress == STRESS_LINE_BREAKS)
    {
      guint length = LDN_USER_TEXT_MAX_CHARS - g_rand_int_range (rand, 0, 2);
      char *text = random_text (rand, length, stress == STRESS_LINE_BREAKS ? TEXT_LINE_BREAKS : TEXT_WORDS);
      char **field = NULL;

      if (stressed == 0)
        field = &person->name;
      else if (stressed <= G_N_ELEMENTS (person->texts))
        field = &person->texts[stressed - 1];
      else
        for (guint i = 0, n = G_N_ELEMENTS (person->texts); i < person->notes->len && field == NULL; i++)
          if (g_ptr_array_index (person->notes, i) != NULL && ++n == stressed)
            field = (char **) &g_ptr_array_index (person->notes, i);
      if (field == NULL && person->questions->len > 0)
        field = (char **) &g_ptr_array_index (person->questions, g_rand_int_range (rand, 0, person->questions->len));
      if (field == NULL)
        field = &person->name;
      g_free (*field);
      *field = text;
    }

  person->chart = g_rand_int_range (rand, 0, 12) == 0;
  person->sources = g_rand_int_range (rand, 0, 12) == 0;
  person->paper = g_rand_boolean (rand) ? LDN_PAPER_A4 : LDN_PAPER_LETTER;

  return person;
}

typedef struct {
  Person *person;
  GRand  *rand;
} Fill;

static gboolean
fill_store (LdnUserStore *store,
            gpointer      data,
            GError      **error)
{
  Fill *fill = data;
  Person *person = fill->person;
  static const LdnUserText which[] = {
    LDN_USER_TEXT_OTHER_SIDE_EFFECTS, LDN_USER_TEXT_OTHER_MEDICINES, LDN_USER_TEXT_WHAT_MATTERS,
  };

  if (!ldn_user_store_clear (store, error) ||
      !ldn_user_store_set_text (store, LDN_USER_TEXT_NAME, person->name, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (which); i++)
    if (!ldn_user_store_set_text (store, which[i], person->texts[i], error))
      return FALSE;
  for (guint i = 0; i < side_effect_ids->len; i++)
    {
      const char *id = g_ptr_array_index (side_effect_ids, i);
      const char *note = g_ptr_array_index (person->notes, i);

      if (note == NULL)
        continue;
      if (!ldn_user_store_set_noticed (store, id, TRUE, error) ||
          !ldn_user_store_set_note (store, id, note, error) ||
          !ldn_user_store_set_severity (store, id, g_rand_int_range (fill->rand, 0, 4), error) ||
          (g_rand_boolean (fill->rand) && !ldn_user_store_set_since (store, id, "2026-10-01", error)))
        return FALSE;
    }
  for (guint i = 0; i < person->questions->len; i++)
    if (ldn_user_store_add_question (store, g_ptr_array_index (person->questions, i), NULL, error) == 0)
      return FALSE;
  for (guint i = 0; i < safety_ids->len; i++)
    if (!ldn_user_store_set_answer (store, g_ptr_array_index (safety_ids, i), g_rand_int_range (fill->rand, 0, 4),
                                    error))
      return FALSE;

  return TRUE;
}

static guint
n_chars (const char *text)
{
  return text != NULL ? g_utf8_strlen (text, -1) : 0;
}

/* The most pages the person's sheet may take. Every page places at least
 * one line, and holds about (usable height / LINE_BOUND) lines unless the
 * next row or heading moves on whole; a typed line of N characters wraps
 * into at most N lines (one character each); blank lines count as
 * characters too. So: the sheet without the person's text, plus one page
 * per field and per row that may move whole, plus all their characters as
 * lines. */
static guint
page_bound (const Person *person,
            guint         base_pages)
{
  double width, height, usable;
  guint lines = 0, fields = 0;

  ldn_paper_get_size (person->paper, &width, &height);
  usable = height - 2 * MARGIN - FOOTER;

  lines += n_chars (person->name) + 1;
  fields++;
  for (guint i = 0; i < G_N_ELEMENTS (person->texts); i++, fields++)
    lines += n_chars (person->texts[i]) + 1;
  for (guint i = 0; i < person->notes->len; i++, fields++)
    lines += n_chars (g_ptr_array_index (person->notes, i)) + 1;
  for (guint i = 0; i < person->questions->len; i++, fields++)
    lines += n_chars (g_ptr_array_index (person->questions, i)) + 1;

  return base_pages + fields + (guint) (lines * LINE_BOUND / (usable - 2 * LINE_BOUND)) + 1;
}

/* Characters after which pdftotext may not keep the line's order: right
 * to left letters, tabs (a wide gap reads as a new column), and what this
 * machine has no font for (Devanagari, most emoji: drawn as boxes of hex
 * digits in two rows, which read as two lines). */
static gboolean
is_out_of_line (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_ARABIC || script == G_UNICODE_SCRIPT_HEBREW ||
         script == G_UNICODE_SCRIPT_DEVANAGARI || c == '\t' || c >= 0x1F000 || (c >= 0x2600 && c < 0x2800);
}

/* Characters pdftotext gives back as typed (see the top of the file). */
static gboolean
is_comparable (gunichar c,
               gboolean after_comparable,
               gboolean letters_only)
{
  GUnicodeScript script = g_unichar_get_script (c);

  if (c > 0x20 && c < 0x7F)
    return letters_only ? g_ascii_isalpha (c) : strchr ("()<>[]{}", c) == NULL;
  if (script == G_UNICODE_SCRIPT_INHERITED)
    return after_comparable && c != 0x200D && !(c >= 0xFE00 && c <= 0xFE0F);
  if (!g_unichar_isalnum (c) || (letters_only && !g_unichar_isalpha (c)))
    return FALSE;
  /* Chinese and Japanese break between any two characters. */
  if (letters_only && (script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
                       script == G_UNICODE_SCRIPT_KATAKANA))
    return FALSE;

  return script == G_UNICODE_SCRIPT_LATIN || script == G_UNICODE_SCRIPT_CYRILLIC ||
         script == G_UNICODE_SCRIPT_GREEK || script == G_UNICODE_SCRIPT_HAN ||
         script == G_UNICODE_SCRIPT_HIRAGANA || script == G_UNICODE_SCRIPT_KATAKANA;
}

static char *
normalise (const char *text)
{
  return g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
}

/* Checks that what the person typed in TYPED is in PAGE_TEXT (white space
 * removed, normalised). Returns FALSE with a message when not. */
static gboolean
check_field (const char  *page_text,
             const char  *what,
             const char  *typed,
             char       **message)
{
  g_autofree char *shown = ldn_user_text_dup_isolated (typed);
  g_auto(GStrv) lines = g_strsplit (shown, "\n", -1);
  const char *at = page_text;

  for (guint l = 0; lines[l] != NULL; l++)
    {
      gboolean rtl = FALSE, after = FALSE;
      g_autoptr(GString) word = g_string_new (NULL);
      g_autoptr(GPtrArray) line_words = g_ptr_array_new_with_free_func (g_free);

      for (const char *p = lines[l]; *p != '\0'; p = g_utf8_next_char (p))
        rtl = rtl || is_out_of_line (g_utf8_get_char (p));

      for (const char *p = lines[l];; p = g_utf8_next_char (p))
        {
          gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;

          if (c != 0 && is_comparable (c, after, rtl))
            {
              g_string_append_unichar (word, c);
              after = TRUE;
              continue;
            }
          after = FALSE;
          if (word->len > 0)
            g_ptr_array_add (line_words, normalise (word->str));
          g_string_truncate (word, 0);
          if (c == 0)
            break;
        }

      if (g_getenv ("LDN_TEST_DEBUG"))
        fprintf (stderr, "LINE %s\n", lines[l]);
      for (guint w = 0; w < line_words->len; w++)
        {
          const char *typed_word = g_ptr_array_index (line_words, w);
          g_autofree char *needle = NULL;

          /* Out of order, a long word wrapped over lines may have other
           * words between its parts: it is not compared. */
          if (rtl && g_utf8_strlen (typed_word, -1) > 12)
            continue;
          needle = g_strdup (typed_word);
          const char *found = strstr (rtl ? page_text : at, needle);

          if (found == NULL)
            {
              *message = g_strdup_printf ("%s: “%s” (line %u%s) is %s", what, needle, l + 1,
                                          rtl ? ", checked out of order" : "",
                                          strstr (page_text, needle) ? "out of order" : "missing");
              return FALSE;
            }
          if (g_getenv ("LDN_TEST_DEBUG"))
            fprintf (stderr, "%s|%ld|%ld\n", needle, (long) (found - page_text), (long) (at - page_text));
          if (!rtl)
            at = found + strlen (needle);
        }
    }

  return TRUE;
}

static gboolean
check_person (const Person  *person,
              const char    *page_text,
              char         **message)
{
  static const char *what[] = { "other side effects", "other medicines", "what matters" };

  if (!check_field (page_text, "name", person->name, message))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (person->texts); i++)
    if (!check_field (page_text, what[i], person->texts[i], message))
      return FALSE;
  for (guint i = 0; i < person->notes->len; i++)
    if (g_ptr_array_index (person->notes, i) != NULL &&
        !check_field (page_text, g_ptr_array_index (side_effect_ids, i), g_ptr_array_index (person->notes, i), message))
      return FALSE;
  for (guint i = 0; i < person->questions->len; i++)
    {
      g_autofree char *label = g_strdup_printf ("question %u", i + 1);

      if (!check_field (page_text, label, g_ptr_array_index (person->questions, i), message))
        return FALSE;
    }

  return TRUE;
}

static char *
read_pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

/* The person's pages as one string to search: no white space, no page
 * furniture, normalised. */
static char *
person_text (char  **pages,
             guint   first,
             guint   n)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autofree char *clean = NULL;

  for (guint i = first; i < first + n; i++)
    for (const char *p = pages[i]; *p != '\0'; p = g_utf8_next_char (p))
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        g_string_append_unichar (joined, g_utf8_get_char (p));

  clean = normalise (joined->str);
  for (guint i = 0; i < G_N_ELEMENTS (page_furniture); i++)
    {
      g_autofree char *before = g_steal_pointer (&clean);
      g_auto(GStrv) parts = g_strsplit (before, page_furniture[i], -1);

      clean = g_strjoinv ("", parts);
    }
  /* The page numbers: "Page 3 of 12", exactly, so that no digit the
   * person typed right after it goes too. */
  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page%uof%u", i, n);
      g_autofree char *before = g_steal_pointer (&clean);
      g_auto(GStrv) parts = g_strsplit (before, number, -1);

      clean = g_strjoinv ("", parts);
    }

  return g_steal_pointer (&clean);
}

static guint
base_pages (LdnPaper paper)
{
  static guint pages[2];
  g_autoptr(GError) error = NULL;

  if (pages[paper] == 0)
    {
      g_autoptr(LdnSheetData) data = NULL;
      g_autoptr(LdnSheet) sheet = NULL;
      double width, height;

      g_assert_true (ldn_user_store_delete_all (user, &error));
      data = ldn_sheet_data_collect (content, user, 3, TRUE, TRUE, &error);
      g_assert_no_error (error);
      ldn_paper_get_size (paper, &width, &height);
      sheet = ldn_sheet_new (g_steal_pointer (&data), width, height, &error);
      g_assert_no_error (error);
      pages[paper] = ldn_sheet_get_n_pages (sheet);
    }

  return pages[paper];
}

static void
test_random_people (void)
{
  const char *seed_env = g_getenv ("LDN_TEST_SEED");
  const char *count_env = g_getenv ("LDN_TEST_PEOPLE");
  const char *only_env = g_getenv ("LDN_TEST_PERSON");
  guint32 seed = seed_env ? (guint32) strtoul (seed_env, NULL, 10) : g_random_int ();
  guint n_people = count_env ? (guint) strtoul (count_env, NULL, 10) : g_getenv ("LDN_TEST_QUICK") ? 12 : 500;
  guint first = only_env ? (guint) strtoul (only_env, NULL, 10) : 0;
  guint end = only_env ? first + 1 : n_people;
  guint total_pages = 0, most_pages = 0, n_failed = 0;

  g_test_message ("seed %u, %u people: LDN_TEST_SEED=%u repeats this run", seed, n_people, seed);
  if (g_test_verbose () || seed_env == NULL)
    g_printerr ("test-sheet-property: LDN_TEST_SEED=%u\n", seed);

  for (guint batch = first; batch < end; batch += BATCH)
    {
      g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
      g_autofree char *pdf = g_strdup_printf ("%s/batch-%u.pdf", dir, batch);
      g_autofree char *raw = NULL;
      g_auto(GStrv) pages = NULL;
      cairo_surface_t *surface = cairo_pdf_surface_create (pdf, 595.28, 841.89);
      cairo_t *cr = cairo_create (surface);
      guint page_in_pdf = 0;

      for (guint index = batch; index < MIN (batch + BATCH, end); index++)
        {
          g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ (index * 2654435761u));
          g_autoptr(GError) error = NULL;
          g_autoptr(LdnSheetData) data = NULL;
          g_autoptr(LdnSheet) sheet = NULL;
          Person *person = random_person (rand);
          Fill fill = { person, rand };
          double width, height;
          guint bound = page_bound (person, base_pages (person->paper));

          g_ptr_array_add (people, person);
          if (!ldn_user_store_run_transaction (user, fill_store, &fill, &error))
            g_error ("person %u of seed %u: the store refused them: %s", index, seed, error->message);

          data = ldn_sheet_data_collect (content, user, 3, person->chart, person->sources, &error);
          g_assert_no_error (error);
          ldn_paper_get_size (person->paper, &width, &height);
          sheet = ldn_sheet_new (g_steal_pointer (&data), width, height, &error);
          if (sheet == NULL)
            g_error ("person %u of seed %u: no sheet: %s", index, seed, error->message);

          person->n_pages = ldn_sheet_get_n_pages (sheet);
          person->first_page = page_in_pdf;
          if (person->n_pages > bound)
            g_error ("person %u of seed %u: %u pages, more than the bound %u", index, seed, person->n_pages, bound);

          for (guint page = 0; page < person->n_pages; page++)
            {
              cairo_pdf_surface_set_size (surface, width, height);
              ldn_sheet_draw_page (sheet, cr, page);
              cairo_show_page (cr);
            }
          page_in_pdf += person->n_pages;
          total_pages += person->n_pages;
          most_pages = MAX (most_pages, person->n_pages);
        }

      cairo_destroy (cr);
      cairo_surface_finish (surface);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);

      raw = read_pdf_text (pdf);
      pages = g_strsplit (raw, "\f", -1);
      /* pdftotext ends every page with a form feed. */
      g_assert_cmpuint (g_strv_length (pages), ==, page_in_pdf + 1);

      for (guint i = 0; i < people->len; i++)
        {
          const Person *person = g_ptr_array_index (people, i);
          g_autofree char *text = person_text (pages, person->first_page, person->n_pages);
          g_autofree char *message = NULL;

          if (!check_person (person, text, &message))
            {
              if (g_getenv ("LDN_TEST_DUMP"))
                g_file_set_contents (g_getenv ("LDN_TEST_DUMP"), text, -1, NULL);
              g_test_message ("person %u of seed %u: %s", batch + i, seed, message);
              n_failed++;
            }
        }
      g_unlink (pdf);
    }

  g_test_message ("%u people, %u pages, at most %u for one person", end - first, total_pages, most_pages);
  if (n_failed > 0)
    g_test_fail_printf ("%u people's text is not all in their PDF (seed %u; see the messages above)",
                        n_failed, seed);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  path = ldn_content_store_dup_default_path ();
  content = ldn_content_store_new (path, NULL, &error);
  g_assert_no_error (error);
  dir = ldn_test_tmp_dir ("ldn-sheet-property");
  g_free (path);
  path = g_build_filename (dir, "user.sqlite", NULL);
  user = ldn_user_store_open (path);

  items = ldn_content_store_list_side_effects (content, &error);
  g_assert_no_error (error);
  side_effect_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (side_effect_ids, g_strdup (((LdnSideEffect *) g_ptr_array_index (items, i))->id));
  topics = ldn_content_store_list_safety_topics (content, &error);
  g_assert_no_error (error);
  safety_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < topics->len; i++)
    g_ptr_array_add (safety_ids, g_strdup (((LdnSafetyTopic *) g_ptr_array_index (topics, i))->id));

  g_test_add_func ("/sheet-property/random-people", test_random_people);
  result = g_test_run ();

  g_clear_object (&user);
  g_clear_object (&content);
  g_ptr_array_unref (side_effect_ids);
  g_ptr_array_unref (safety_ids);
  g_free (dir);

  return result;
}

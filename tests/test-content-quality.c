/* test-content-quality.c: the guide is readable, sourced and honest.
 *
 * Every guided page must read at US grade 8 or below (Flesch-Kincaid), as
 * the help promises; every statement must cite a source (or be marked as
 * the guide's authors speaking); no text may repeat a claim the fact-check
 * or the December 2026 audit rejected (tests/content-deny-list.txt); no
 * placeholder may reach the database; every source can be looked up;
 * every frequency gives both arms and a denominator; and no C or .ui file
 * holds medical text with a source id (it belongs in data/content).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <sqlite3.h>

#include "content/ldn-content-store.h"

#define MAX_GRADE 8.0

static LdnContentStore *store;

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '\'' || c == '(' || c == ')' || c == '+' || c == '-';
}

/* Vowel groups, less a silent final e: the usual estimate. */
static guint
count_syllables (const char *word,
                 gsize       length)
{
  g_autoptr(GString) letters = g_string_new (NULL);
  guint groups = 0;
  gboolean in_vowel = FALSE;

  for (gsize i = 0; i < length; i++)
    if (g_ascii_isalpha (word[i]))
      g_string_append_c (letters, g_ascii_tolower (word[i]));

  if (letters->len == 0)
    return 1;

  for (gsize i = 0; i < letters->len; i++)
    {
      gboolean vowel = strchr ("aeiouy", letters->str[i]) != NULL;

      if (vowel && !in_vowel)
        groups++;
      in_vowel = vowel;
    }

  if (groups > 1 && g_str_has_suffix (letters->str, "e") &&
      !g_str_has_suffix (letters->str, "le") && !g_str_has_suffix (letters->str, "ee"))
    groups--;

  return MAX (groups, 1);
}

static double
flesch_kincaid_grade (const char *text)
{
  guint words = 0, syllables = 0, sentences = 0;
  gboolean sentence_has_word = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      if (g_ascii_isalnum (*p))
        {
          const char *start = p;

          while (*p != '\0' && is_word_char (*p))
            p++;
          words++;
          syllables += count_syllables (start, p - start);
          sentence_has_word = TRUE;
          continue;
        }

      if (strchr (".!?:;", *p) != NULL && (p[1] == '\0' || g_ascii_isspace (p[1])) && sentence_has_word)
        {
          sentences++;
          sentence_has_word = FALSE;
        }
      p++;
    }

  if (sentence_has_word)
    sentences++;
  if (words == 0)
    return 0;

  return 0.39 * words / MAX (sentences, 1) + 11.8 * syllables / words - 15.59;
}

/* Headings and cells are read as short sentences of their own. */
static void
append_sentence (GString    *text,
                 const char *piece)
{
  if (piece == NULL || *piece == '\0')
    return;

  g_string_append (text, piece);
  if (strchr (".?:!", piece[strlen (piece) - 1]) == NULL)
    g_string_append_c (text, '.');
  g_string_append_c (text, ' ');
}

static char *
page_text_in (LdnContentStore *from,
              const char      *page_id);

static char *
page_text (const char *page_id)
{
  return page_text_in (store, page_id);
}

static char *
page_text_in (LdnContentStore *from,
              const char      *page_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = ldn_content_store_get_blocks (from, page_id, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);

  for (guint i = 0; i < blocks->len; i++)
    {
      const LdnBlock *block = g_ptr_array_index (blocks, i);

      append_sentence (text, block->title);
      append_sentence (text, block->body);
      for (guint r = 0; block->rows != NULL && r < block->rows->len; r++)
        for (GStrv cell = g_ptr_array_index (block->rows, r); *cell != NULL; cell++)
          append_sentence (text, *cell);
      for (guint c = 0; block->choices != NULL && c < block->choices->len; c++)
        append_sentence (text, ((LdnChoice *) g_ptr_array_index (block->choices, c))->text);

      if (block->kind == LDN_BLOCK_CONDITIONS)
        {
          g_autoptr(GPtrArray) conditions = ldn_content_store_list_conditions (from, &error);
          g_assert_no_error (error);
          for (guint c = 0; c < conditions->len; c++)
            {
              const LdnCondition *condition = g_ptr_array_index (conditions, c);
              append_sentence (text, condition->name);
              append_sentence (text, condition->strength_words);
              append_sentence (text, condition->summary);
            }
        }

      if (block->kind == LDN_BLOCK_SIDE_EFFECTS)
        {
          g_autoptr(GPtrArray) side_effects = ldn_content_store_list_side_effects (from, &error);
          g_assert_no_error (error);
          for (guint s = 0; s < side_effects->len; s++)
            {
              const LdnSideEffect *side_effect = g_ptr_array_index (side_effects, s);
              append_sentence (text, side_effect->name);
              append_sentence (text, side_effect->frequency);
              append_sentence (text, side_effect->note);
            }
        }
    }

  return g_string_free (text, FALSE);
}

/* Spanish: Fernández-Huerta's reading ease, L = 206.84 - 0.60 P - 1.02 F,
 * P syllables per 100 words and F words per sentence (Flesch's reading
 * ease adapted to Spanish; F is often misquoted as sentences per 100
 * words, which would reward long sentences); 60 to 70 is "normal",
 * read by 13 to 15 year olds, about US grades 8 to 9. A page must score
 * at least MIN_EASE_ES, the same bar as grade 8 in English. */
#define MIN_EASE_ES 60.0

static gboolean
is_spanish_vowel (gunichar c)
{
  return c != 0 && strchr ("aeiou", (int) c) != NULL ? TRUE : (c == 0xe1 || c == 0xe9 || c == 0xed || c == 0xf3 ||
                                                             c == 0xfa || c == 0xfc);
}

static gboolean
is_strong_or_stressed (gunichar c)
{
  /* a, e, o (with or without accent), and a stressed í or ú, which
   * always stands in a syllable of its own next to another vowel. */
  return (c != 0 && strchr ("aeo", (int) c) != NULL) || c == 0xe1 || c == 0xe9 || c == 0xf3 || c == 0xed || c == 0xfa;
}

static guint
count_spanish_syllables (const char *word)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  gunichar previous = 0;
  guint nuclei = 0;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_spanish_vowel (c) &&
          (!is_spanish_vowel (previous) || (is_strong_or_stressed (c) && is_strong_or_stressed (previous))))
        nuclei++;
      previous = c;
    }

  return MAX (nuclei, 1);
}

static double
fernandez_huerta (const char *text)
{
  guint words = 0, syllables = 0, sentences = 0;
  gboolean sentence_has_word = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          g_autoptr(GString) word = g_string_new (NULL);

          while (*p != '\0' && (g_unichar_isalnum (g_utf8_get_char (p)) || *p == '-'))
            {
              g_string_append_unichar (word, g_utf8_get_char (p));
              p = g_utf8_next_char (p);
            }
          words++;
          syllables += count_spanish_syllables (word->str);
          sentence_has_word = TRUE;
          continue;
        }

      if (strchr (".!?:;", *p) != NULL && (p[1] == '\0' || g_ascii_isspace (p[1])) && sentence_has_word)
        {
          sentences++;
          sentence_has_word = FALSE;
        }
      p = g_utf8_next_char (p);
    }

  if (sentence_has_word)
    sentences++;
  if (words == 0)
    return 206.84;

  return 206.84 - 0.60 * 100.0 * syllables / words - 1.02 * words / MAX (sentences, 1);
}

static void
test_spanish_ease_formula (void)
{
  g_assert_cmpuint (count_spanish_syllables ("naltrexona"), ==, 4);
  g_assert_cmpuint (count_spanish_syllables ("día"), ==, 2);
  g_assert_cmpuint (count_spanish_syllables ("receptores"), ==, 4);
  g_assert_cmpuint (count_spanish_syllables ("tiroides"), ==, 3);
  g_assert_cmpuint (count_spanish_syllables ("puede"), ==, 2);
  g_assert_cmpuint (count_spanish_syllables ("reacción"), ==, 3);
  g_assert_cmpfloat (fernandez_huerta ("El gato se sentó. Hacía sol."), >, 80.0);
  g_assert_cmpfloat (fernandez_huerta ("La heterogeneidad farmacocinética complica considerablemente "
                                       "las recomendaciones terapéuticas individualizadas."), <, 30.0);
}

/* Every Spanish page, the timeline's captions and the safety questions
 * read at least as easily as MIN_EASE_ES; each score is printed, like the
 * English grade. */
static void
test_spanish_pages_are_readable (void)
{
  g_autofree char *path = ldn_content_store_dup_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnContentStore) spanish = ldn_content_store_new (path, "es", &error);
  g_autoptr(GPtrArray) pages = NULL;
  double total = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (ldn_content_store_get_locale (spanish), ==, "es");
  pages = ldn_content_store_list_pages (spanish, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < pages->len; i++)
    {
      const LdnPageInfo *page = g_ptr_array_index (pages, i);
      g_autofree char *text = page_text_in (spanish, page->id);
      double ease = fernandez_huerta (text);

      g_test_message ("Fernandez-Huerta %5.1f  %s", ease, page->id);
      if (ease < MIN_EASE_ES)
        g_error ("Spanish page “%s” reads at Fernandez-Huerta %.1f, below %.0f", page->id, ease, MIN_EASE_ES);
      total += ease;
    }
  g_test_message ("average Spanish reading ease over %u pages: %.1f", pages->len, total / pages->len);

  {
    g_autoptr(GPtrArray) captions = ldn_content_store_list_captions (spanish, &error);
    g_autoptr(GPtrArray) topics = ldn_content_store_list_safety_topics (spanish, &error);
    g_autoptr(GString) caption_text = g_string_new (NULL);
    g_autoptr(GString) safety_text = g_string_new (NULL);
    double ease;

    g_assert_no_error (error);
    for (guint i = 0; i < captions->len; i++)
      {
        append_sentence (caption_text, ((LdnCaption *) g_ptr_array_index (captions, i))->title);
        append_sentence (caption_text, ((LdnCaption *) g_ptr_array_index (captions, i))->text);
      }
    ease = fernandez_huerta (caption_text->str);
    g_test_message ("Fernandez-Huerta %5.1f  timeline captions", ease);
    g_assert_cmpfloat (ease, >=, MIN_EASE_ES);
    for (guint i = 0; i < topics->len; i++)
      {
        append_sentence (safety_text, ((LdnSafetyTopic *) g_ptr_array_index (topics, i))->question);
        append_sentence (safety_text, ((LdnSafetyTopic *) g_ptr_array_index (topics, i))->why);
      }
    ease = fernandez_huerta (safety_text->str);
    g_test_message ("Fernandez-Huerta %5.1f  safety questions", ease);
    g_assert_cmpfloat (ease, >=, MIN_EASE_ES);
  }
}

static void
test_grade_formula (void)
{
  /* Short words, short sentences: early grades. Long ones: college. */
  g_assert_cmpfloat (flesch_kincaid_grade ("The cat sat on the mat. It was warm."), <, 2.0);
  g_assert_cmpfloat (flesch_kincaid_grade ("Pharmacokinetic heterogeneity substantially complicates "
                                           "individualized therapeutic recommendations regarding "
                                           "immunomodulatory interventions."), >, 16.0);
  g_assert_cmpuint (count_syllables ("naltrexone", 10), ==, 3);
  g_assert_cmpuint (count_syllables ("receptor", 8), ==, 3);
  g_assert_cmpuint (count_syllables ("table", 5), ==, 2);
}

static void
test_pages_are_readable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = ldn_content_store_list_pages (store, &error);
  double total = 0;

  g_assert_no_error (error);

  for (guint i = 0; i < pages->len; i++)
    {
      const LdnPageInfo *page = g_ptr_array_index (pages, i);
      g_autofree char *text = page_text (page->id);
      double grade = flesch_kincaid_grade (text);

      g_test_message ("grade %4.1f  %s", grade, page->id);
      if (grade > MAX_GRADE)
        g_error ("page “%s” reads at grade %.1f, above %.0f", page->id, grade, MAX_GRADE);
      total += grade;
    }

  g_test_message ("average reading grade over %u pages: %.1f", pages->len, total / pages->len);

  {
    g_autoptr(GPtrArray) captions = ldn_content_store_list_captions (store, &error);
    g_autoptr(GString) text = g_string_new (NULL);
    double grade;

    g_assert_no_error (error);
    for (guint i = 0; i < captions->len; i++)
      {
        append_sentence (text, ((LdnCaption *) g_ptr_array_index (captions, i))->title);
        append_sentence (text, ((LdnCaption *) g_ptr_array_index (captions, i))->text);
      }
    grade = flesch_kincaid_grade (text->str);
    g_test_message ("grade %4.1f  timeline captions", grade);
    g_assert_cmpfloat (grade, <=, MAX_GRADE);
  }
}

static void
append_long_words (GString    *found,
                   const char *text,
                   const char *where)
{
  g_auto(GStrv) words = g_strsplit_set (text ? text : "", " \t\n", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (g_utf8_strlen (words[i], -1) > LDN_CONTENT_MAX_WORD)
      g_string_append_printf (found, "\n  “%s” in %s", words[i], where);
}

/* The guide's labels wrap only between words (it measures much faster),
 * so no word may be wider than a phone screen. */
static void
test_no_word_too_long_for_a_phone (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = ldn_content_store_list_pages (store, &error);
  g_autoptr(GPtrArray) sources = ldn_content_store_list_sources (store, &error);
  g_autoptr(GString) found = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < pages->len; i++)
    {
      const LdnPageInfo *page = g_ptr_array_index (pages, i);
      g_autofree char *text = page_text (page->id);

      append_long_words (found, page->title, page->id);
      append_long_words (found, page->summary, page->id);
      append_long_words (found, text, page->id);
    }
  for (guint i = 0; i < sources->len; i++)
    {
      g_autofree char *label = ldn_source_dup_short_label (g_ptr_array_index (sources, i));

      append_long_words (found, label, "a source's short label");
    }
  /* The Spanish pages too: Spanish words run longer. */
  {
    g_autofree char *path = ldn_content_store_dup_default_path ();
    g_autoptr(LdnContentStore) spanish = ldn_content_store_new (path, "es", &error);
    g_autoptr(GPtrArray) spanish_pages = NULL;

    g_assert_no_error (error);
    spanish_pages = ldn_content_store_list_pages (spanish, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < spanish_pages->len; i++)
      {
        const LdnPageInfo *page = g_ptr_array_index (spanish_pages, i);
        g_autofree char *text = page_text_in (spanish, page->id);
        g_autofree char *where = g_strdup_printf ("%s (es)", page->id);

        append_long_words (found, page->title, where);
        append_long_words (found, page->summary, where);
        append_long_words (found, text, where);
      }
  }

  if (found->len > 0)
    g_error ("Words longer than %d characters:%s", LDN_CONTENT_MAX_WORD, found->str);
  append_long_words (found, "a deliberately overlong word: Pseudopseudohypoparathyroidism", "the test");
  g_assert_cmpuint (found->len, >, 0);
}

static void
test_every_statement_has_a_source (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = ldn_content_store_list_pages (store, &error);

  g_assert_no_error (error);

  for (guint i = 0; i < pages->len; i++)
    {
      const LdnPageInfo *page = g_ptr_array_index (pages, i);
      g_autoptr(GPtrArray) blocks = ldn_content_store_get_blocks (store, page->id, &error);

      g_assert_no_error (error);
      for (guint b = 0; b < blocks->len; b++)
        {
          const LdnBlock *block = g_ptr_array_index (blocks, b);
          gboolean shows_own_sources = block->kind == LDN_BLOCK_CONDITIONS || block->kind == LDN_BLOCK_SIDE_EFFECTS;

          /* The guide's authors speaking about the guide (who wrote it,
           * what the reader can do) is marked as such on screen. */
          if (!shows_own_sources && !block->editorial && g_strv_length (block->sources) == 0)
            g_error ("page “%s”, block %u has no source", page->id, block->position);
          if (block->editorial && block->kind != LDN_BLOCK_PARAGRAPH && block->kind != LDN_BLOCK_KEY_POINT &&
              block->kind != LDN_BLOCK_LIST)
            g_error ("page “%s”, block %u: only plain text may be editorial", page->id, block->position);

          for (guint s = 0; block->sources[s] != NULL; s++)
            {
              g_autoptr(LdnSource) source = ldn_content_store_get_source (store, block->sources[s], &error);
              g_assert_no_error (error);
              g_assert_nonnull (source);
            }
        }
    }
}

static GStrv
read_deny_list (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "content-deny-list.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) phrases = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0' && *lines[i] != '#')
        g_strv_builder_add (phrases, lines[i]);
    }

  return g_strv_builder_end (phrases);
}

static void
check_against_deny_list (GStrv       phrases,
                         const char *where,
                         const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return;

  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; phrases[i] != NULL; i++)
    {
      g_autofree char *phrase = g_utf8_casefold (phrases[i], -1);

      if (strstr (folded, phrase) != NULL)
        g_error ("%s contains the rejected phrase “%s”: %s", where, phrases[i], text);
    }
}

static void
test_no_rejected_claims (void)
{
  g_auto(GStrv) phrases = read_deny_list ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = ldn_content_store_list_pages (store, &error);
  g_autoptr(GPtrArray) safety = ldn_content_store_list_safety_topics (store, &error);
  g_autoptr(GPtrArray) signs = ldn_content_store_list_warning_signs (store, &error);
  g_autoptr(GPtrArray) questions = ldn_content_store_list_suggested_questions (store, &error);
  g_autoptr(GPtrArray) captions = ldn_content_store_list_captions (store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (phrases), >=, 10);

  for (guint i = 0; i < captions->len; i++)
    {
      const LdnCaption *caption = g_ptr_array_index (captions, i);
      check_against_deny_list (phrases, caption->id, caption->title);
      check_against_deny_list (phrases, caption->id, caption->text);
    }

  /* The decision aid's statements. */
  for (guint k = 0; k < 3; k++)
    {
      static const char *kinds[] = { "consent", "value", "sure" };
      g_autoptr(GPtrArray) items = ldn_content_store_list_decision_items (store, kinds[k], &error);

      g_assert_no_error (error);
      for (guint i = 0; i < items->len; i++)
        {
          const LdnDecisionItem *item = g_ptr_array_index (items, i);
          check_against_deny_list (phrases, item->id, item->text);
          check_against_deny_list (phrases, item->id, item->detail);
        }
    }

  /* Page text includes the conditions and side effects it shows. */
  for (guint i = 0; i < pages->len; i++)
    {
      const LdnPageInfo *page = g_ptr_array_index (pages, i);
      g_autofree char *text = page_text (page->id);

      check_against_deny_list (phrases, page->id, page->title);
      check_against_deny_list (phrases, page->id, page->summary);
      check_against_deny_list (phrases, page->id, text);
    }

  for (guint i = 0; i < safety->len; i++)
    {
      const LdnSafetyTopic *topic = g_ptr_array_index (safety, i);
      check_against_deny_list (phrases, topic->id, topic->question);
      check_against_deny_list (phrases, topic->id, topic->examples);
      check_against_deny_list (phrases, topic->id, topic->why);
    }
  for (guint i = 0; i < signs->len; i++)
    {
      const LdnWarningSign *sign = g_ptr_array_index (signs, i);
      check_against_deny_list (phrases, sign->id, sign->sign);
      check_against_deny_list (phrases, sign->id, sign->action);
    }
  for (guint i = 0; i < questions->len; i++)
    {
      const LdnSuggestedQuestion *question = g_ptr_array_index (questions, i);
      check_against_deny_list (phrases, question->id, question->text);
    }

  /* The sheet's own sentences. */
  {
    static const char *ids[] = { "sheet.ldn-definition", "sheet.chart-caption", "sheet.frequency-intro", "sheet.about" };

    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        g_autoptr(LdnContentText) text = ldn_content_store_get_text (store, ids[i], &error);

        g_assert_no_error (error);
        check_against_deny_list (phrases, ids[i], text->text);
      }
  }
}

static const char *const placeholders[] = {
  "not recorded", "not shown", "verify before", "title not", "authors not",
  "placeholder", "lorem", "not part of the shared fact base", "[", "]", NULL
};

/* Matched as written: "todo" is an ordinary Spanish word ("all"). */
static const char *const placeholder_marks[] = { "TODO", "TBD", "XXX", NULL };

static gboolean
has_placeholder (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (guint i = 0; placeholders[i] != NULL; i++)
    if (strstr (folded, placeholders[i]) != NULL)
      return TRUE;
  for (guint i = 0; placeholder_marks[i] != NULL; i++)
    if (strstr (text, placeholder_marks[i]) != NULL)
      return TRUE;

  return FALSE;
}

/* Every text column of every table: nothing unfinished may reach a
 * screen or a printed page. */
static void
test_no_placeholder_in_the_database (void)
{
  g_autofree char *path = ldn_content_store_dup_default_path ();
  g_autoptr(GString) found = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint checked = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                       " AND name NOT LIKE 'search_index%' AND name NOT LIKE 'sqlite_%'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) g_ptr_array_index (tables, t));

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const char *text = (const char *) sqlite3_column_text (stmt, c);

            if (sqlite3_column_type (stmt, c) != SQLITE_TEXT)
              continue;
            checked++;
            if (has_placeholder (text))
              g_string_append_printf (found, "\n  %s: %s", (char *) g_ptr_array_index (tables, t), text);
          }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);

  g_assert_cmpuint (checked, >, 500);
  if (found->len > 0)
    g_error ("Placeholder text in the content:%s", found->str);
  g_assert_true (has_placeholder ("[PET study; title not recorded in our fact base]"));
  g_assert_true (has_placeholder ("Verify before release."));
  g_assert_true (has_placeholder ("TODO: check the dose."));
  g_assert_false (has_placeholder ("Hable con su médico de todos los medicamentos."));
}

/* A doctor can look every source up: a title (or, when the title could
 * not be read, a plain description), a year (or the date a web page was
 * read), and a DOI, PMID or address (or a journal with volume and pages). */
static void
test_every_source_can_be_looked_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = ldn_content_store_list_sources (store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, >=, 40);
  for (guint i = 0; i < sources->len; i++)
    {
      const LdnSource *source = g_ptr_array_index (sources, i);

      if (source->title == NULL && source->description == NULL)
        g_error ("source %s has no title", source->id);
      if (source->year == 0 && source->accessed == NULL)
        g_error ("source %s has no year", source->id);
      if (source->doi == NULL && source->pmid == NULL && source->url == NULL &&
          (source->journal == NULL || source->details == NULL))
        g_error ("source %s has no DOI, PMID or URL", source->id);
      if (g_strcmp0 (source->kind, "guideline") == 0 && g_str_has_prefix (source->id, "Q"))
        g_error ("source %s is a trial, not guidance", source->id);
    }
}

/* Benefits and harms in the same units (IPDAS): both arms, out of 100. */
static void
test_every_frequency_has_both_arms (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = ldn_content_store_list_pages (store, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < pages->len; i++)
    {
      const LdnPageInfo *page = g_ptr_array_index (pages, i);
      g_autoptr(GPtrArray) blocks = ldn_content_store_get_blocks (store, page->id, &error);

      g_assert_no_error (error);
      for (guint b = 0; b < blocks->len; b++)
        {
          const LdnBlock *block = g_ptr_array_index (blocks, b);
          g_autofree char *ldn = NULL, *other = NULL;

          if (block->kind != LDN_BLOCK_FREQUENCY)
            continue;
          n++;
          g_assert_nonnull (block->frequency);
          g_assert_cmpuint (block->frequency->per, ==, 100);
          g_assert_cmpuint (block->frequency->ldn, <=, block->frequency->per);
          g_assert_cmpuint (block->frequency->comparison, <=, block->frequency->per);
          g_assert_true (block->frequency->comparator != NULL && *block->frequency->comparator != '\0');
          g_assert_true (block->frequency->period != NULL && *block->frequency->period != '\0');
          g_assert_true (block->frequency->study != NULL && *block->frequency->study != '\0');
          ldn = g_strdup_printf ("%u of 100", block->frequency->ldn);
          other = g_strdup_printf ("%u of 100", block->frequency->comparison);
          g_assert_nonnull (strstr (block->body, ldn));
          g_assert_nonnull (strstr (block->body, other));
        }
    }

  /* Benefits (Younger 2013, Smith 2011), a harm (FINAL) and the
   * not-starting page's placebo groups. */
  g_assert_cmpuint (n, >=, 5);
}

/* "Source id" looks like "S12", "P1" or "Q1" in quotes. */
static gboolean
holds_source_id (const char *text)
{
  for (const char *p = strchr (text, '"'); p != NULL && p[1] != '\0'; p = strchr (p + 1, '"'))
    {
      const char *q = p + 1;

      if (*q != 'S' && *q != 'P' && *q != 'Q')
        continue;
      q++;
      if (!g_ascii_isdigit (*q))
        continue;
      while (g_ascii_isdigit (*q))
        q++;
      if (*q == '"')
        return TRUE;
    }

  return FALSE;
}

static void
find_source_ids (GFile   *dir,
                 GString *found)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                                                   G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
  GFileInfo *next;

  g_assert_nonnull (children);
  while ((next = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) info = next;
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));
      const char *name = g_file_info_get_name (info);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        find_source_ids (child, found);
      else if (g_str_has_suffix (name, ".c") || g_str_has_suffix (name, ".h") || g_str_has_suffix (name, ".ui"))
        {
          g_autofree char *contents = NULL;
          g_auto(GStrv) lines = NULL;

          g_assert_true (g_file_load_contents (child, NULL, &contents, NULL, NULL, NULL));
          lines = g_strsplit (contents, "\n", -1);
          for (guint i = 0; lines[i] != NULL; i++)
            if (holds_source_id (lines[i]))
              g_string_append_printf (found, "\n  %s:%u: %s", g_file_peek_path (child), i + 1, lines[i]);
        }
    }
}

/* Medical text and its sources live in data/content, where the compiler
 * checks them; code only shows them. */
static void
test_no_source_id_in_code (void)
{
  g_autofree char *src = g_test_build_filename (G_TEST_DIST, "..", "src", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (src);
  g_autoptr(GString) found = g_string_new (NULL);

  find_source_ids (dir, found);
  if (found->len > 0)
    g_error ("Source ids in code (move the text to data/content):%s", found->str);
  g_assert_true (holds_source_id ("static const char *ids[] = { \"P1\", \"S35\", NULL };"));
  g_assert_false (holds_source_id ("g_print (\"S\"); g_print (\"Page %u\");"));
}

static void
test_deny_list_catches_a_rejected_claim (void)
{
  g_auto(GStrv) phrases = read_deny_list ();

  if (g_test_subprocess ())
    {
      check_against_deny_list (phrases, "example", "Studies show LDN Increases Serotonin in the brain.");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*rejected phrase*increases serotonin*");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  path = ldn_content_store_dup_default_path ();
  store = ldn_content_store_new (path, "en", &error);
  g_assert_no_error (error);

  g_test_add_func ("/content-quality/grade-formula", test_grade_formula);
  g_test_add_func ("/content-quality/pages-are-readable", test_pages_are_readable);
  g_test_add_func ("/content-quality/spanish-ease-formula", test_spanish_ease_formula);
  g_test_add_func ("/content-quality/spanish-pages-are-readable", test_spanish_pages_are_readable);
  g_test_add_func ("/content-quality/no-word-too-long-for-a-phone", test_no_word_too_long_for_a_phone);
  g_test_add_func ("/content-quality/every-statement-has-a-source", test_every_statement_has_a_source);
  g_test_add_func ("/content-quality/no-rejected-claims", test_no_rejected_claims);
  g_test_add_func ("/content-quality/deny-list-catches-a-rejected-claim", test_deny_list_catches_a_rejected_claim);
  g_test_add_func ("/content-quality/no-placeholder-in-the-database", test_no_placeholder_in_the_database);
  g_test_add_func ("/content-quality/every-source-can-be-looked-up", test_every_source_can_be_looked_up);
  g_test_add_func ("/content-quality/every-frequency-has-both-arms", test_every_frequency_has_both_arms);
  g_test_add_func ("/content-quality/no-source-id-in-code", test_no_source_id_in_code);

  result = g_test_run ();
  g_clear_object (&store);

  return result;
}

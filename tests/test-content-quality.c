/* test-content-quality.c: the guide is readable, sourced and honest.
 *
 * Every guided page must read at US grade 9 or below (Flesch-Kincaid),
 * every statement must cite a source, and no text may repeat a claim
 * the fact-check rejected (tests/content-deny-list.txt).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "content/ldn-content-store.h"

#define MAX_GRADE 9.0

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
page_text (const char *page_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = ldn_content_store_get_blocks (store, page_id, &error);
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
          g_autoptr(GPtrArray) conditions = ldn_content_store_list_conditions (store, &error);
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
          g_autoptr(GPtrArray) side_effects = ldn_content_store_list_side_effects (store, &error);
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

          if (!shows_own_sources && g_strv_length (block->sources) == 0)
            g_error ("page “%s”, block %u has no source", page->id, block->position);

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
  g_test_add_func ("/content-quality/no-word-too-long-for-a-phone", test_no_word_too_long_for_a_phone);
  g_test_add_func ("/content-quality/every-statement-has-a-source", test_every_statement_has_a_source);
  g_test_add_func ("/content-quality/no-rejected-claims", test_no_rejected_claims);
  g_test_add_func ("/content-quality/deny-list-catches-a-rejected-claim", test_deny_list_catches_a_rejected_claim);

  result = g_test_run ();
  g_clear_object (&store);

  return result;
}

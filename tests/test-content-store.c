/* test-content-store.c: what the guide reads from content.sqlite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "content/ldn-content-schema.h"
#include "content/ldn-content-store.h"
#include "ldn-test-tmp.h"

static LdnContentStore *
open_real_store (void)
{
  g_autofree char *path = ldn_content_store_dup_default_path ();
  g_autoptr(GError) error = NULL;
  LdnContentStore *store = ldn_content_store_new (path, NULL, &error);

  g_assert_no_error (error);
  return store;
}

static const LdnBlock *
find_block (GPtrArray    *blocks,
            LdnBlockKind  kind)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      const LdnBlock *block = g_ptr_array_index (blocks, i);
      if (block->kind == kind)
        return block;
    }

  return NULL;
}

static void
test_pages_come_in_order (void)
{
  g_autoptr(LdnContentStore) store = open_real_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = ldn_content_store_list_pages (store, &error);
  const LdnPageInfo *first, *last;

  g_assert_no_error (error);
  g_assert_cmpuint (pages->len, >=, 12);
  for (guint i = 0; i < pages->len; i++)
    {
      const LdnPageInfo *page = g_ptr_array_index (pages, i);
      g_assert_cmpuint (page->position, ==, i + 1);
      g_assert_cmpuint (strlen (page->last_reviewed), ==, 10);
    }

  first = g_ptr_array_index (pages, 0);
  last = g_ptr_array_index (pages, pages->len - 1);
  g_assert_cmpstr (first->id, ==, "what-is-naltrexone");
  /* The guide ends by saying who wrote it and how (IPDAS). */
  g_assert_cmpstr (last->id, ==, "about-this-guide");
  g_assert_cmpstr (ldn_content_store_get_locale (store), ==, "en");
}

static void
test_blocks_carry_sources (void)
{
  g_autoptr(LdnContentStore) store = open_real_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = ldn_content_store_get_blocks (store, "side-by-side", &error);
  const LdnBlock *table, *question;

  g_assert_no_error (error);

  table = find_block (blocks, LDN_BLOCK_TABLE);
  g_assert_nonnull (table);
  g_assert_cmpuint (g_strv_length (table->sources), >, 0);
  g_assert_cmpuint (table->rows->len, >, 2);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (table->rows, 0))[1], ==, "Low dose (LDN)");
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (table->rows, 1)), ==, 3);

  question = find_block (blocks, LDN_BLOCK_TEACH_BACK);
  g_assert_nonnull (question);
  g_assert_cmpstr (question->question_id, ==, "tb-ldn-vs-standard");
  g_assert_nonnull (question->title);
  g_assert_nonnull (question->body);
  g_assert_cmpuint (question->choices->len, ==, 3);
  g_assert_true (((LdnChoice *) g_ptr_array_index (question->choices, 1))->correct);
  g_assert_false (((LdnChoice *) g_ptr_array_index (question->choices, 0))->correct);
}

static void
test_unknown_page_is_not_found (void)
{
  g_autoptr(LdnContentStore) store = open_real_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = ldn_content_store_get_blocks (store, "no-such-page", &error);

  g_assert_null (blocks);
  g_assert_error (error, LDN_CONTENT_ERROR, LDN_CONTENT_ERROR_NOT_FOUND);
}

static void
test_sources_have_citations (void)
{
  g_autoptr(LdnContentStore) store = open_real_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnSource) younger = ldn_content_store_get_source (store, "S2", &error);
  g_autoptr(LdnSource) label = ldn_content_store_get_source (store, "S33", &error);
  g_autoptr(LdnSource) missing = NULL;
  g_autofree char *younger_label = NULL;
  g_autofree char *label_label = NULL;
  g_autofree char *citation = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_assert_no_error (error);
  younger_label = ldn_source_dup_short_label (younger);
  label_label = ldn_source_dup_short_label (label);
  g_assert_cmpstr (younger_label, ==, "Younger 2013");
  g_assert_cmpstr (label_label, ==, "US prescribing information");

  citation = ldn_source_dup_citation (younger);
  g_assert_nonnull (strstr (citation, "Arthritis Rheum. 2013;65(2):529-538"));
  g_assert_nonnull (strstr (citation, "doi:10.1002/art.37734"));

  /* Authors ending "et al." get no second full stop. */
  {
    g_autoptr(GPtrArray) sources = ldn_content_store_list_sources (store, NULL);

    g_assert_nonnull (sources);
    for (guint j = 0; j < sources->len; j++)
      {
        g_autofree char *text = ldn_source_dup_citation (g_ptr_array_index (sources, j));
        g_assert_null (strstr (text, ".."));
      }
  }

  missing = ldn_content_store_get_source (store, "S999", &error);
  g_assert_null (missing);
  g_assert_error (error, LDN_CONTENT_ERROR, LDN_CONTENT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  all = ldn_content_store_list_sources (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >=, 40);
}

static gboolean
hits_include (GPtrArray  *hits,
              const char *page_id)
{
  for (guint i = 0; i < hits->len; i++)
    if (g_str_equal (((LdnSearchHit *) g_ptr_array_index (hits, i))->page_id, page_id))
      return TRUE;

  return FALSE;
}

static void
test_search_finds_pages (void)
{
  g_autoptr(LdnContentStore) store = open_real_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) serotonin = ldn_content_store_search (store, "serotonin", &error);
  g_autoptr(GPtrArray) prefix = ldn_content_store_search (store, "codei", &error);
  g_autoptr(GPtrArray) final = ldn_content_store_search (store, "FINAL trial", &error);
  g_autoptr(GPtrArray) nothing = ldn_content_store_search (store, "zzzzqqq", &error);
  const LdnSearchHit *hit;

  g_assert_no_error (error);
  g_assert_cmpuint (serotonin->len, >, 0);
  hit = g_ptr_array_index (serotonin, 0);
  g_assert_cmpstr (hit->page_id, ==, "serotonin");
  g_assert_nonnull (strstr (hit->snippet, LDN_CONTENT_MATCH_START));

  g_assert_true (hits_include (prefix, "safety"));
  g_assert_true (hits_include (final, "evidence"));
  g_assert_cmpuint (nothing->len, ==, 0);
}

static void
test_search_survives_query_syntax (void)
{
  g_autoptr(LdnContentStore) store = open_real_store ();
  const char *hostile[] = { "\"", "AND OR NOT", "(*", "NEAR(", "'; DROP TABLE pages; --", "", "   ", "\xff\xfe" };

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = ldn_content_store_search (store, hostile[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (hits);
    }
}

static void
test_lists_for_other_sections (void)
{
  g_autoptr(LdnContentStore) store = open_real_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conditions = ldn_content_store_list_conditions (store, &error);
  g_autoptr(GPtrArray) side_effects = ldn_content_store_list_side_effects (store, &error);
  g_autoptr(GPtrArray) warning_signs = ldn_content_store_list_warning_signs (store, &error);
  g_autoptr(GPtrArray) safety = ldn_content_store_list_safety_topics (store, &error);
  g_autoptr(GPtrArray) questions = ldn_content_store_list_suggested_questions (store, &error);
  const LdnSafetyTopic *opioids;
  guint ask3 = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (conditions->len, >=, 8);
  for (guint i = 0; i < conditions->len; i++)
    g_assert_cmpuint (g_strv_length (((LdnCondition *) g_ptr_array_index (conditions, i))->sources), >, 0);

  g_assert_cmpuint (side_effects->len, >=, 6);
  g_assert_cmpint (((LdnSideEffect *) g_ptr_array_index (side_effects, 0))->transient, ==, 1);
  g_assert_cmpuint (warning_signs->len, >=, 3);

  /* Opioids come first and stand out: they are the biggest real risk. */
  opioids = g_ptr_array_index (safety, 0);
  g_assert_cmpstr (opioids->id, ==, "opioids");
  g_assert_true (opioids->high_prominence);

  for (guint i = 0; i < questions->len; i++)
    ask3 += ((LdnSuggestedQuestion *) g_ptr_array_index (questions, i))->ask3;
  g_assert_cmpuint (ask3, ==, 3);
}

static void
test_missing_and_damaged_files_say_so (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-store");
  g_autofree char *garbage = g_build_filename (dir, "content.sqlite", NULL);
  g_autoptr(LdnContentStore) missing = ldn_content_store_new ("/nonexistent/content.sqlite", NULL, &error);
  g_autoptr(LdnContentStore) damaged = NULL;

  g_assert_null (missing);
  g_assert_error (error, LDN_CONTENT_ERROR, LDN_CONTENT_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "missing"));
  g_clear_error (&error);

  g_file_set_contents (garbage, "this is not a database, just bytes", -1, NULL);
  damaged = ldn_content_store_new (garbage, NULL, &error);
  g_assert_null (damaged);
  g_assert_error (error, LDN_CONTENT_ERROR, LDN_CONTENT_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "damaged"));
}

static void
test_missing_translation_falls_back_to_english (void)
{
  g_autofree char *path = ldn_content_store_dup_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnContentStore) store = ldn_content_store_new (path, "de", &error);
  g_autoptr(GPtrArray) pages = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (ldn_content_store_get_locale (store), ==, "en");
  pages = ldn_content_store_list_pages (store, &error);
  g_assert_cmpstr (((LdnPageInfo *) g_ptr_array_index (pages, 0))->title, ==, "What naltrexone is");
}

/* The build fills the Spanish rows from data/content/po/es.po. */
static void
test_spanish_content (void)
{
  g_autofree char *path = ldn_content_store_dup_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnContentStore) store = ldn_content_store_new (path, "es", &error);
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(LdnContentText) text = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (ldn_content_store_get_locale (store), ==, "es");
  pages = ldn_content_store_list_pages (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((LdnPageInfo *) g_ptr_array_index (pages, 0))->title, ==, "Qué es la naltrexona");
  text = ldn_content_store_get_text (store, "sheet.ldn-definition", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text->text, "fuera de indicación"));
  g_assert_nonnull (strstr (text->text, "50 mg"));
}

/* What we wrote about a source (a description where no title could be
 * read, a note, an access date) follows the language; what is cited as
 * published (authors, title, journal) does not. */
static void
test_spanish_source_words (void)
{
  g_autofree char *path = ldn_content_store_dup_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnContentStore) es = ldn_content_store_new (path, "es", &error);
  g_autoptr(LdnContentStore) en = ldn_content_store_new (path, "en", &error);
  g_autoptr(LdnSource) s50 = NULL;
  g_autoptr(LdnSource) s50_en = NULL;
  g_autoptr(LdnSource) p4 = NULL;
  g_autoptr(LdnSource) p1 = NULL;
  g_autoptr(LdnSource) p1_en = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gboolean listed = FALSE;

  g_assert_no_error (error);
  s50 = ldn_content_store_get_source (es, "S50", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (s50->description, "baja calidad"));
  g_assert_cmpstr (s50->accessed, ==, "noviembre de 2026");
  s50_en = ldn_content_store_get_source (en, "S50", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (s50_en->description, "low-quality"));
  g_assert_cmpstr (s50_en->accessed, ==, "November 2026");
  p4 = ldn_content_store_get_source (es, "P4", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (p4->note, "revista"));
  /* A published title stays as published. */
  p1 = ldn_content_store_get_source (es, "P1", &error);
  p1_en = ldn_content_store_get_source (en, "P1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (p1->title, ==, p1_en->title);
  g_assert_cmpstr (p1->authors, ==, p1_en->authors);

  all = ldn_content_store_list_sources (es, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      LdnSource *source = g_ptr_array_index (all, i);

      if (g_str_equal (source->id, "S50"))
        listed = strstr (source->description, "baja calidad") != NULL;
    }
  g_assert_true (listed);
}

/* Search looks in the language shown: Spanish words find Spanish pages
 * (accents optional), and an English word finds nothing translated. */
static void
test_spanish_search (void)
{
  g_autofree char *path = ldn_content_store_dup_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnContentStore) store = ldn_content_store_new (path, "es", &error);
  g_autoptr(GPtrArray) embarazo = ldn_content_store_search (store, "embarazo", &error);
  g_autoptr(GPtrArray) abstinencia = ldn_content_store_search (store, "sindrome abstinencia", &error);
  g_autoptr(GPtrArray) english = ldn_content_store_search (store, "pregnancy", &error);
  gboolean safety = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (embarazo->len, >, 0);
  for (guint i = 0; i < embarazo->len; i++)
    {
      LdnSearchHit *hit = g_ptr_array_index (embarazo, i);

      g_assert_null (strstr (hit->snippet, "regnan"));
      if (g_str_equal (hit->page_id, "safety"))
        {
          safety = TRUE;
          g_assert_cmpstr (hit->page_title, ==, "Seguridad: primero, los opioides");
        }
    }
  g_assert_true (safety);
  g_assert_cmpuint (abstinencia->len, >, 0);
  g_assert_cmpuint (english->len, ==, 0);
}

/* Benefits come as numbers out of 100 on LDN and on placebo, the same
 * way as harms; the sheet's medical sentences come from the content. */
static void
test_frequencies_and_texts (void)
{
  g_autoptr(LdnContentStore) store = open_real_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) blocks = ldn_content_store_get_blocks (store, "evidence", &error);
  g_autoptr(LdnContentText) text = NULL;
  guint n_frequencies = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < blocks->len; i++)
    {
      const LdnBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind != LDN_BLOCK_FREQUENCY)
        continue;
      n_frequencies++;
      g_assert_nonnull (block->frequency);
      g_assert_cmpuint (block->frequency->per, ==, 100);
      g_assert_cmpstr (block->frequency->comparator, ==, "placebo");
      g_assert_nonnull (block->frequency->period);
      g_assert_cmpuint (g_strv_length (block->sources), >, 0);
      if (g_str_equal (block->frequency->study, "Smith 2011"))
        {
          g_assert_cmpuint (block->frequency->ldn, ==, 88);
          g_assert_cmpuint (block->frequency->comparison, ==, 40);
        }
    }
  g_assert_cmpuint (n_frequencies, >=, 2);

  text = ldn_content_store_get_text (store, "sheet.chart-caption", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text->text, "model estimate"));
  g_assert_cmpuint (g_strv_length (text->sources), >, 0);
  g_assert_null (ldn_content_store_get_text (store, "no-such-text", &error));
  g_assert_error (error, LDN_CONTENT_ERROR, LDN_CONTENT_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/content-store/pages-come-in-order", test_pages_come_in_order);
  g_test_add_func ("/content-store/frequencies-and-texts", test_frequencies_and_texts);
  g_test_add_func ("/content-store/blocks-carry-sources", test_blocks_carry_sources);
  g_test_add_func ("/content-store/unknown-page-is-not-found", test_unknown_page_is_not_found);
  g_test_add_func ("/content-store/sources-have-citations", test_sources_have_citations);
  g_test_add_func ("/content-store/search-finds-pages", test_search_finds_pages);
  g_test_add_func ("/content-store/search-survives-query-syntax", test_search_survives_query_syntax);
  g_test_add_func ("/content-store/lists-for-other-sections", test_lists_for_other_sections);
  g_test_add_func ("/content-store/missing-and-damaged-files-say-so", test_missing_and_damaged_files_say_so);
  g_test_add_func ("/content-store/missing-translation-falls-back-to-english", test_missing_translation_falls_back_to_english);
  g_test_add_func ("/content-store/spanish-content", test_spanish_content);
  g_test_add_func ("/content-store/spanish-search", test_spanish_search);
  g_test_add_func ("/content-store/spanish-source-words", test_spanish_source_words);

  return g_test_run ();
}

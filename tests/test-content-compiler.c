/* test-content-compiler.c: the build refuses broken content and says where.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "content/ldn-content-compiler.h"
#include "ldn-test-tmp.h"
#include "content/ldn-content-store.h"

static const char base_meta[] = "{ \"meta\": { \"content_version\": \"test-1\" } }";
static const char base_sources[] =
  "{ \"sources\": [ { \"id\": \"S1\", \"type\": \"label\", \"authors\": \"US label\", \"title\": \"Naltrexone\","
  "                  \"year\": 2024, \"url\": \"https://example.org/label\" } ] }";
static const char base_model[] =
  "{ \"model\": { \"pharmacokinetics\": { \"ka_per_h\": 3.037, \"ke_per_h\": 0.1733,"
  "   \"scale_ng_ml_per_mg\": 0.3163, \"sources\": [\"S1\"] },"
  "  \"parameter_sets\": ["
  "   { \"id\": \"s\", \"hypothesis\": \"sustained\", \"central\": true, \"ec50_ng_ml\": 0.185, \"ke0_per_h\": 0.053, \"sources\": [\"S1\"] },"
  "   { \"id\": \"t\", \"hypothesis\": \"transient\", \"central\": true, \"ec50_ng_ml\": 1.123, \"ke0_per_h\": 20, \"sources\": [\"S1\"] } ],"
  "  \"pet_points\": [ { \"dose_mg\": 2, \"hours_min\": 0, \"hours_max\": 8, \"occupancy\": 27, \"sources\": [\"S1\"] } ] } }";
static const char good_page[] =
  "{ \"page\": { \"id\": \"p1\", \"position\": 1, \"title\": \"A page\", \"summary\": \"Short.\","
  "  \"last_reviewed\": \"2026-11-21\", \"blocks\": ["
  "   { \"type\": \"paragraph\", \"text\": \"Naltrexone blocks opioids.\", \"sources\": [\"S1\"] } ] } }";

static char *
compile (const char *page_json,
         const char *extra_name,
         const char *extra_json,
         char      **output_path)
{
  g_autoptr(LdnContentCompiler) compiler = ldn_content_compiler_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-content");
  g_autofree char *output = g_build_filename (dir, "content.sqlite", NULL);

  ldn_content_compiler_add_data (compiler, "meta.json", base_meta, -1);
  ldn_content_compiler_add_data (compiler, "sources.json", base_sources, -1);
  ldn_content_compiler_add_data (compiler, "model.json", base_model, -1);
  if (page_json != NULL)
    ldn_content_compiler_add_data (compiler, "page.json", page_json, -1);
  if (extra_json != NULL)
    ldn_content_compiler_add_data (compiler, extra_name, extra_json, -1);

  if (ldn_content_compiler_write (compiler, output, &error))
    {
      if (output_path != NULL)
        *output_path = g_steal_pointer (&output);
      return NULL;
    }

  g_assert_error (error, LDN_CONTENT_ERROR, LDN_CONTENT_ERROR_INVALID);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  return g_strdup (error->message);
}

static void
assert_rejected (const char *page_json,
                 const char *extra_name,
                 const char *extra_json,
                 const char *expected_fragment)
{
  g_autofree char *message = compile (page_json, extra_name, extra_json, NULL);

  if (message == NULL)
    g_error ("content with “%s” was accepted", expected_fragment);
  if (strstr (message, expected_fragment) == NULL)
    g_error ("expected “%s” in:\n%s", expected_fragment, message);
}

static char *
page_with (const char *from,
           const char *to)
{
  g_autoptr(GString) page = g_string_new (good_page);

  g_assert_cmpuint (g_string_replace (page, from, to, 1), ==, 1);
  return g_string_free (g_steal_pointer (&page), FALSE);
}

static void
test_minimal_content_compiles_and_opens (void)
{
  g_autofree char *output = NULL;
  g_autofree char *message = compile (good_page, NULL, NULL, &output);
  g_autoptr(LdnContentStore) store = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (message);
  store = ldn_content_store_new (output, "en", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ldn_content_store_get_content_version (store), ==, "test-1");
  pages = ldn_content_store_list_pages (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pages->len, ==, 1);
}

/* The template names every translatable text by item and field; a
 * catalog fills the Spanish rows; a text it lacks stays English for that
 * item only, and the store says which block that is. */
static void
test_translation_fills_locale_rows (void)
{
  static const char two_blocks[] =
    "{ \"page\": { \"id\": \"p1\", \"position\": 1, \"title\": \"A page\", \"summary\": \"Short.\","
    "  \"last_reviewed\": \"2026-11-21\", \"blocks\": ["
    "   { \"type\": \"paragraph\", \"text\": \"Naltrexone blocks opioids.\", \"sources\": [\"S1\"] },"
    "   { \"type\": \"paragraph\", \"text\": \"A second sentence, 4.5 mg.\", \"sources\": [\"S1\"] } ] } }";
  static const char po[] =
    "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
    "msgctxt \"page[p1].title\"\nmsgid \"A page\"\nmsgstr \"Una página\"\n\n"
    "msgctxt \"page[p1].summary\"\nmsgid \"Short.\"\nmsgstr \"Breve.\"\n\n"
    "msgctxt \"page[p1].blocks[0].text\"\nmsgid \"Naltrexone blocks opioids.\"\n"
    "msgstr \"La naltrexona bloquea los opioides.\"\n\n"
    "#, fuzzy\nmsgctxt \"page[p1].blocks[1].text\"\nmsgid \"A second sentence, 4.5 mg.\"\n"
    "msgstr \"Una segunda frase, 4,5 mg.\"\n";
  g_autofree char *dir = ldn_test_tmp_dir ("ldn-content-po");
  g_autofree char *pot = g_build_filename (dir, "content.pot", NULL);
  g_autofree char *po_path = g_build_filename (dir, "es.po", NULL);
  g_autofree char *mo_path = g_build_filename (dir, "es.mo", NULL);
  g_autofree char *output = g_build_filename (dir, "content.sqlite", NULL);
  g_autofree char *template = NULL;
  g_autofree char *msgfmt = g_strdup_printf ("msgfmt -o %s %s", mo_path, po_path);
  g_autoptr(LdnContentCompiler) extractor = ldn_content_compiler_new ();
  g_autoptr(LdnContentCompiler) compiler = ldn_content_compiler_new ();
  g_autoptr(LdnContentStore) store = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  /* The template: contexts by id and field, never for ids or dates. */
  ldn_content_compiler_extract_messages (extractor);
  ldn_content_compiler_add_data (extractor, "meta.json", base_meta, -1);
  ldn_content_compiler_add_data (extractor, "sources.json", base_sources, -1);
  ldn_content_compiler_add_data (extractor, "model.json", base_model, -1);
  ldn_content_compiler_add_data (extractor, "page.json", two_blocks, -1);
  g_assert_true (ldn_content_compiler_write_template (extractor, pot, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pot, &template, NULL, NULL));
  g_assert_nonnull (strstr (template, "msgctxt \"page[p1].blocks[1].text\"\nmsgid \"A second sentence, 4.5 mg.\""));
  g_assert_nonnull (strstr (template, "msgctxt \"page[p1].title\""));
  g_assert_null (strstr (template, "2026-11-21"));
  g_assert_null (strstr (template, "US label"));   /* sources are not translated */

  g_assert_true (g_file_set_contents (po_path, po, -1, NULL));
  g_assert_true (g_spawn_command_line_sync (msgfmt, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  ldn_content_compiler_add_translation (compiler, "es", mo_path);
  ldn_content_compiler_add_data (compiler, "meta.json", base_meta, -1);
  ldn_content_compiler_add_data (compiler, "sources.json", base_sources, -1);
  ldn_content_compiler_add_data (compiler, "model.json", base_model, -1);
  ldn_content_compiler_add_data (compiler, "page.json", two_blocks, -1);
  g_assert_true (ldn_content_compiler_write (compiler, output, &error));
  g_assert_no_error (error);

  store = ldn_content_store_new (output, "es", &error);
  g_assert_no_error (error);
  pages = ldn_content_store_list_pages (store, &error);
  g_assert_cmpstr (((LdnPageInfo *) g_ptr_array_index (pages, 0))->title, ==, "Una página");
  blocks = ldn_content_store_get_blocks (store, "p1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((LdnBlock *) g_ptr_array_index (blocks, 0))->body, ==, "La naltrexona bloquea los opioides.");
  g_assert_false (((LdnBlock *) g_ptr_array_index (blocks, 0))->untranslated);
  /* The fuzzy one is not used: English, marked. */
  g_assert_cmpstr (((LdnBlock *) g_ptr_array_index (blocks, 1))->body, ==, "A second sentence, 4.5 mg.");
  g_assert_true (((LdnBlock *) g_ptr_array_index (blocks, 1))->untranslated);
}

static void
test_real_content_compiles (void)
{
  const char *dir = g_getenv ("LDN_CONTENT_SOURCE_DIR");
  g_autoptr(LdnContentCompiler) compiler = ldn_content_compiler_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = ldn_test_tmp_dir ("ldn-content");
  g_autofree char *output = g_build_filename (tmp, "content.sqlite", NULL);
  g_autofree char *pages_dir = g_build_filename (dir, "pages", NULL);
  const char *topics[] = { "meta.json", "sources.json", "conditions.json", "side-effects.json",
                           "safety.json", "glossary.json", "questions.json", "model.json" };
  g_autoptr(GDir) listing = NULL;
  const char *name;

  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    {
      g_autofree char *path = g_build_filename (dir, topics[i], NULL);
      ldn_content_compiler_add_file (compiler, path);
    }

  listing = g_dir_open (pages_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (pages_dir, name, NULL);
      ldn_content_compiler_add_file (compiler, path);
    }

  ldn_content_compiler_write (compiler, output, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));
}

static void
test_unknown_source_is_named (void)
{
  g_autofree char *page = page_with ("[\"S1\"]", "[\"S1\", \"S99\"]");

  assert_rejected (page, NULL, NULL, "page.json:$.page.blocks[0].sources[1]: unknown source id “S99”");
}

static void
test_missing_field_is_named (void)
{
  g_autofree char *page = page_with ("\"summary\": \"Short.\",", "");

  assert_rejected (page, NULL, NULL, "page.json:$.page: missing field “summary”");
}

static void
test_duplicate_id_is_named (void)
{
  const char *second = "{ \"page\": { \"id\": \"p1\", \"position\": 2, \"title\": \"Again\", \"summary\": \"S.\","
                       " \"last_reviewed\": \"2026-11-21\", \"blocks\": ["
                       " { \"type\": \"paragraph\", \"text\": \"T.\", \"sources\": [\"S1\"] } ] } }";

  assert_rejected (good_page, "second.json", second, "second.json:$.page: duplicate id");
}

static void
test_page_without_source_is_named (void)
{
  g_autofree char *page = page_with ("[\"S1\"]", "[]");
  g_autofree char *message = compile (page, NULL, NULL, NULL);

  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "page.json:$.page: page “p1” has no source"));
  g_assert_nonnull (strstr (message, "page.json:$.page.blocks[0]: has no source"));
}

static void
test_uncited_source_is_named (void)
{
  const char *extra = "{ \"sources\": [ { \"id\": \"S2\", \"type\": \"review\", \"authors\": \"Nobody N\","
                      " \"title\": \"Unused\", \"year\": 2020, \"pmid\": \"1\" } ] }";

  assert_rejected (good_page, "more-sources.json", extra,
                   "more-sources.json:$.sources[0]: no statement cites source “S2”");
}

static void
test_bad_date_is_named (void)
{
  g_autofree char *impossible = page_with ("2026-11-21", "2026-02-30");
  g_autofree char *wrong_format = page_with ("2026-11-21", "21/11/2026");

  assert_rejected (impossible, NULL, NULL, "page.json:$.page.last_reviewed: bad date “2026-02-30”");
  assert_rejected (wrong_format, NULL, NULL, "page.json:$.page.last_reviewed: bad date “21/11/2026”");
}

static void
test_text_over_limit_is_named (void)
{
  g_autofree char *long_text = g_strnfill (1001, 'a');
  g_autofree char *replacement = g_strdup_printf ("\"%s\"", long_text);
  g_autofree char *page = page_with ("\"Naltrexone blocks opioids.\"", replacement);

  assert_rejected (page, NULL, NULL, "page.json:$.page.blocks[0].text: text over the limit: 1001 characters, at most 1000");
}

static void
test_broken_json_is_named (void)
{
  assert_rejected (good_page, "broken.json", "{ \"sources\": [ ", "broken.json:$: not valid JSON");
  assert_rejected (good_page, "list.json", "[1, 2]", "list.json:$: the file must hold one JSON object");
  assert_rejected (good_page, "odd.json", "{ \"recipes\": {} }", "odd.json:$.recipes: unknown section “recipes”");
}

static void
test_teach_back_needs_one_right_answer (void)
{
  g_autofree char *page = page_with (
    "{ \"type\": \"paragraph\", \"text\": \"Naltrexone blocks opioids.\", \"sources\": [\"S1\"] }",
    "{ \"type\": \"teach-back\", \"id\": \"q\", \"question\": \"Which?\", \"explanation\": \"This.\","
    "  \"choices\": [ { \"id\": \"a\", \"text\": \"A\", \"correct\": true },"
    "                 { \"id\": \"b\", \"text\": \"B\", \"correct\": true } ], \"sources\": [\"S1\"] }");

  assert_rejected (page, NULL, NULL, "page.json:$.page.blocks[0].choices: exactly one choice must be correct, not 2");
}

static void
test_table_rows_must_match_columns (void)
{
  g_autofree char *page = page_with (
    "{ \"type\": \"paragraph\", \"text\": \"Naltrexone blocks opioids.\", \"sources\": [\"S1\"] }",
    "{ \"type\": \"table\", \"text\": \"T\", \"columns\": [\"a\", \"b\"], \"rows\": [[\"1\"]], \"sources\": [\"S1\"] }");

  assert_rejected (page, NULL, NULL, "page.json:$.page.blocks[0].rows[0]: has 1 cells but the table has 2 columns");
}

static void
test_control_characters_are_refused (void)
{
  /* \u0002 is what search uses to mark matches. */
  g_autofree char *page = page_with ("Naltrexone blocks opioids.", "Naltrexone \\u0002blocks");

  assert_rejected (page, NULL, NULL, "page.json:$.page.blocks[0].text: contains a control character");
}

static const char frequency_block[] =
  "{ \"type\": \"frequency\", \"text\": \"SENTENCE\", \"frequency\": { FIELDS }, \"sources\": [\"S1\"] }";

static char *
page_with_frequency (const char *sentence,
                     const char *fields)
{
  g_autoptr(GString) block = g_string_new (frequency_block);

  g_string_replace (block, "SENTENCE", sentence, 1);
  g_string_replace (block, "FIELDS", fields, 1);
  return page_with ("{ \"type\": \"paragraph\", \"text\": \"Naltrexone blocks opioids.\", \"sources\": [\"S1\"] }",
                    block->str);
}

/* Benefits and harms in the same units: both arms, one denominator, and
 * a sentence that says the same numbers as the picture. */
static void
test_frequency_needs_both_arms_and_denominator (void)
{
  g_autofree char *good = page_with_frequency ("Over 12 weeks, 88 of 100 on LDN and 40 of 100 on placebo improved.",
                                               "\"ldn\": 88, \"comparison\": 40, \"per\": 100,"
                                               " \"comparator\": \"placebo\", \"period\": \"12 weeks\","
                                               " \"outcome\": \"improved\", \"study\": \"Smith 2011\"");
  g_autofree char *no_comparison = page_with_frequency ("88 of 100 on LDN improved.",
                                                        "\"ldn\": 88, \"per\": 100,"
                                                        " \"comparator\": \"placebo\", \"period\": \"12 weeks\","
                                                        " \"outcome\": \"improved\", \"study\": \"Smith 2011\"");
  g_autofree char *no_denominator = page_with_frequency ("88 of 100 on LDN and 40 of 100 on placebo improved.",
                                                         "\"ldn\": 88, \"comparison\": 40,"
                                                         " \"comparator\": \"placebo\", \"period\": \"12 weeks\","
                                                         " \"outcome\": \"improved\", \"study\": \"Smith 2011\"");
  g_autofree char *wrong_words = page_with_frequency ("About 2.4 times as common as on placebo.",
                                                      "\"ldn\": 88, \"comparison\": 40, \"per\": 100,"
                                                      " \"comparator\": \"placebo\", \"period\": \"12 weeks\","
                                                      " \"outcome\": \"improved\", \"study\": \"Smith 2011\"");
  g_autofree char *no_period = page_with_frequency ("88 of 100 on LDN and 40 of 100 on placebo improved.",
                                                    "\"ldn\": 88, \"comparison\": 40, \"per\": 100,"
                                                    " \"comparator\": \"placebo\","
                                                    " \"outcome\": \"improved\", \"study\": \"Smith 2011\"");
  g_autofree char *message = compile (good, NULL, NULL, NULL);

  g_assert_null (message);
  assert_rejected (no_comparison, NULL, NULL, "missing field “comparison”");
  assert_rejected (no_denominator, NULL, NULL, "missing field “per”");
  assert_rejected (wrong_words, NULL, NULL, "the sentence must say “88 of 100” and “40 of 100”");
  assert_rejected (no_period, NULL, NULL, "missing field “period”");
}

/* A doctor must be able to look every source up, and no unfinished entry
 * may reach a screen or a printed sheet. */
static void
test_sources_must_be_findable_and_finished (void)
{
  assert_rejected (good_page, "more.json",
                   "{ \"sources\": [ { \"id\": \"S2\", \"type\": \"trial\", \"authors\": \"Lee MC\","
                   " \"title\": \"A study\", \"year\": 1988 } ] }",
                   "needs a “doi”, “pmid” or “url”");
  assert_rejected (good_page, "more.json",
                   "{ \"sources\": [ { \"id\": \"S2\", \"type\": \"trial\", \"authors\": \"Lee MC\","
                   " \"title\": \"A study\", \"pmid\": \"1\" } ] }",
                   "needs a “year”");
  assert_rejected (good_page, "more.json",
                   "{ \"sources\": [ { \"id\": \"S2\", \"type\": \"trial\", \"authors\": \"Lee MC\","
                   " \"year\": 1988, \"pmid\": \"1\" } ] }",
                   "needs a “title”");
  assert_rejected (good_page, "more.json",
                   "{ \"sources\": [ { \"id\": \"S2\", \"type\": \"trial\", \"authors\": \"Lee MC\","
                   " \"title\": \"[PET study; title not recorded in our fact base]\", \"year\": 1988,"
                   " \"pmid\": \"1\" } ] }",
                   "placeholder");
  assert_rejected (good_page, "more.json",
                   "{ \"sources\": [ { \"id\": \"S2\", \"type\": \"guideline\", \"authors\": \"Shepherd HL\","
                   " \"title\": \"Three questions\", \"year\": 2011, \"pmid\": \"21831558\","
                   " \"note\": \"Added by the app team. Verify before release.\" } ] }",
                   "placeholder");
}

/* The guide's authors speaking cite no study; a medical block must. */
static void
test_editorial_blocks_cite_nothing (void)
{
  g_autofree char *editorial = page_with ("} ] } }", "}, { \"type\": \"paragraph\", \"text\": \"We wrote this.\","
                                          " \"editorial\": true } ] } }");
  g_autofree char *editorial_with_source = page_with ("} ] } }", "}, { \"type\": \"paragraph\", \"text\": \"We.\","
                                                      " \"editorial\": true, \"sources\": [\"S1\"] } ] } }");
  g_autofree char *message = compile (editorial, NULL, NULL, NULL);

  g_assert_null (message);
  assert_rejected (editorial_with_source, NULL, NULL, "an editorial block cites no source");
}

/* The decision aid's tables are checked like the others, and read back. */
static void
test_decision_items_and_opioids (void)
{
  static const char decision[] =
    "{ \"decision_items\": ["
    "  { \"id\": \"c1\", \"kind\": \"consent\", \"position\": 1, \"short\": \"Off-label\","
    "    \"text\": \"It is off-label.\", \"sources\": [\"S1\"] } ],"
    "  \"opioids\": ["
    "  { \"id\": \"co-codamol\", \"position\": 1, \"name\": \"co-codamol\", \"contains\": \"codeine\","
    "    \"names\": [\"co-codamol\", \"Kapake\"], \"sources\": [\"S1\"] } ] }";
  g_autofree char *output = NULL;
  g_autofree char *message = compile (good_page, "decision.json", decision, &output);
  g_autoptr(LdnContentStore) store = NULL;
  g_autoptr(GPtrArray) opioids = NULL;
  g_autoptr(GPtrArray) consent = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (message);
  store = ldn_content_store_new (output, "en", &error);
  g_assert_no_error (error);
  opioids = ldn_content_store_list_opioids (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (opioids->len, ==, 1);
  g_assert_cmpstr (((LdnOpioid *) opioids->pdata[0])->names[1], ==, "Kapake");
  consent = ldn_content_store_list_decision_items (store, "consent", &error);
  g_assert_cmpuint (consent->len, ==, 1);
  g_assert_cmpstr (((LdnDecisionItem *) consent->pdata[0])->short_text, ==, "Off-label");
  g_unlink (output);

  assert_rejected (good_page, "decision.json",
                   "{ \"decision_items\": [ { \"id\": \"c1\", \"kind\": \"wish\", \"position\": 1,"
                   " \"short\": \"S\", \"text\": \"T.\", \"sources\": [\"S1\"] } ] }",
                   "decision.json:$.decision_items[0]: value not allowed");
  assert_rejected (good_page, "decision.json",
                   "{ \"decision_items\": [ { \"id\": \"s1\", \"kind\": \"sure\", \"position\": 1,"
                   " \"short\": \"S\", \"text\": \"Sure?\", \"sources\": [\"S1\"] } ] }",
                   "the SURE test has four questions, not “1”");
  assert_rejected (good_page, "opioids.json",
                   "{ \"opioids\": [ { \"id\": \"o\", \"position\": 1, \"name\": \"o\", \"names\": [],"
                   " \"sources\": [\"S1\"] } ] }",
                   "opioids.json:$.opioids[0].names: has no name to match");
  assert_rejected (good_page, "opioids.json",
                   "{ \"opioids\": [ { \"id\": \"o\", \"position\": 1, \"name\": \"o\", \"names\": [\"o\"],"
                   " \"sources\": [] } ] }",
                   "opioids.json:$.opioids[0]: has no source");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/content-compiler/minimal-content-compiles-and-opens", test_minimal_content_compiles_and_opens);
  g_test_add_func ("/content-compiler/real-content-compiles", test_real_content_compiles);
  g_test_add_func ("/content-compiler/translation-fills-locale-rows", test_translation_fills_locale_rows);
  g_test_add_func ("/content-compiler/unknown-source-is-named", test_unknown_source_is_named);
  g_test_add_func ("/content-compiler/missing-field-is-named", test_missing_field_is_named);
  g_test_add_func ("/content-compiler/duplicate-id-is-named", test_duplicate_id_is_named);
  g_test_add_func ("/content-compiler/page-without-source-is-named", test_page_without_source_is_named);
  g_test_add_func ("/content-compiler/uncited-source-is-named", test_uncited_source_is_named);
  g_test_add_func ("/content-compiler/bad-date-is-named", test_bad_date_is_named);
  g_test_add_func ("/content-compiler/text-over-limit-is-named", test_text_over_limit_is_named);
  g_test_add_func ("/content-compiler/broken-json-is-named", test_broken_json_is_named);
  g_test_add_func ("/content-compiler/teach-back-needs-one-right-answer", test_teach_back_needs_one_right_answer);
  g_test_add_func ("/content-compiler/table-rows-must-match-columns", test_table_rows_must_match_columns);
  g_test_add_func ("/content-compiler/control-characters-are-refused", test_control_characters_are_refused);
  g_test_add_func ("/content-compiler/frequency-needs-both-arms-and-denominator",
                   test_frequency_needs_both_arms_and_denominator);
  g_test_add_func ("/content-compiler/sources-must-be-findable-and-finished",
                   test_sources_must_be_findable_and_finished);
  g_test_add_func ("/content-compiler/editorial-blocks-cite-nothing", test_editorial_blocks_cite_nothing);
  g_test_add_func ("/content-compiler/decision-items-and-opioids", test_decision_items_and_opioids);

  return g_test_run ();
}

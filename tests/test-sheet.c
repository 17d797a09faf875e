/* test-sheet.c: the discussion sheet carries everything, on any paper.
 *
 * The PDF is read back with pdftotext and pdffonts, as a person's PDF
 * viewer and printer would see it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ldn-test-pdf.h"
#include "sheet/ldn-sheet.h"
#include "user/ldn-decision-store.h"
#include "user/ldn-teach-back-recorder.h"
#include "ldn-test-tmp.h"

static LdnContentStore *content;

typedef struct {
  char         *dir;
  LdnUserStore *user;
  char         *pdf;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = ldn_test_tmp_dir ("ldn-sheet");
  path = g_build_filename (fixture->dir, "user.sqlite", NULL);
  fixture->user = ldn_user_store_open (path);
  fixture->pdf = g_build_filename (fixture->dir, "sheet.pdf", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->user);
  g_free (fixture->dir);
  g_free (fixture->pdf);
}

static guint
write_sheet (Fixture  *fixture,
             LdnPaper  paper)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnSheetData) data = ldn_sheet_data_collect (content, fixture->user, 3, TRUE, TRUE, &error);
  g_autoptr(LdnSheet) sheet = NULL;
  double width, height;

  g_assert_no_error (error);
  ldn_paper_get_size (paper, &width, &height);
  sheet = ldn_sheet_new (g_steal_pointer (&data), width, height);
  g_assert_true (ldn_sheet_write_pdf (sheet, fixture->pdf, &error));
  g_assert_no_error (error);

  return ldn_sheet_get_n_pages (sheet);
}

static void
fill_typical (LdnUserStore *user)
{
  g_assert_true (ldn_user_store_set_answer (user, "opioids", LDN_ANSWER_YES, NULL));
  g_assert_true (ldn_user_store_set_answer (user, "surgery", LDN_ANSWER_UNSURE, NULL));
  g_assert_true (ldn_user_store_set_answer (user, "kidney", LDN_ANSWER_NO, NULL));
  g_assert_true (ldn_user_store_set_noticed (user, "vivid-dreams", TRUE, NULL));
  g_assert_true (ldn_user_store_set_severity (user, "vivid-dreams", LDN_SEVERITY_MILD, NULL));
  g_assert_true (ldn_user_store_set_since (user, "vivid-dreams", "2026-11-02", NULL));
  g_assert_true (ldn_user_store_set_note (user, "vivid-dreams", "Only the first week", NULL));
  g_assert_true (ldn_user_store_set_noticed (user, "headache", TRUE, NULL));
  g_assert_true (ldn_user_store_set_note (user, "headache", "Mornings, gone by noon", NULL));
  g_assert_true (ldn_user_store_set_text (user, LDN_USER_TEXT_OTHER_SIDE_EFFECTS, "Dry mouth at night", NULL));
  g_assert_true (ldn_user_store_set_text (user, LDN_USER_TEXT_WHAT_MATTERS, "Sleeping through", NULL));
  g_assert_cmpint (ldn_user_store_add_question (user, "Can I keep my cough syrup?", NULL, NULL), >, 0);
  g_assert_cmpint (ldn_user_store_add_question (user, "How will we know it helps?", NULL, NULL), >, 0);
  /* A wrong answer on the mechanism page asks for it to be explained again. */
  g_assert_true (ldn_teach_back_recorder_record_answer (LDN_TEACH_BACK_RECORDER (user), "tb-mechanism", "a", NULL));
}

static void
test_every_section (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *text = NULL;

  fill_typical (fixture->user);
  write_sheet (fixture, LDN_PAPER_A4);
  text = ldn_test_pdf_text (fixture->pdf);

  ldn_test_assert_contains (text, "Low-dose naltrexone: notes for my doctor");
  ldn_test_assert_contains (text, "Flags for the doctor");
  ldn_test_assert_contains (text, "MOST IMPORTANT");
  ldn_test_assert_contains (text, "Do you take any opioid medicine, even now and then? Yes");
  ldn_test_assert_contains (text, "Do you have surgery or a procedure planned? Not sure");
  g_assert_null (strstr (text, "kidney disease? No"));
  ldn_test_assert_contains (text, "What I understood");
  ldn_test_assert_contains (text, "Daily dose — Low dose (LDN): About 1 to 5 mg · Standard dose: 50 mg");
  ldn_test_assert_contains (text, "Topics I would like explained again");
  ldn_test_assert_contains (text, "How LDN might work");
  ldn_test_assert_contains (text, "Estimated receptor occupancy after one 3 mg dose");
  ldn_test_assert_contains (text, "model estimate, not a measurement");
  ldn_test_assert_contains (text, "Side effects I have noticed");
  ldn_test_assert_contains (text, "Vivid dreams or nightmares");
  ldn_test_assert_contains (text, "Only the first week");
  ldn_test_assert_contains (text, "2026-11-02");
  ldn_test_assert_contains (text, "Mornings, gone by noon");
  ldn_test_assert_contains (text, "Dry mouth at night");
  ldn_test_assert_contains (text, "1. Can I keep my cough syrup?");
  ldn_test_assert_contains (text, "2. How will we know it helps?");
  ldn_test_assert_contains (text, "What are my options?");
  ldn_test_assert_contains (text, "Sleeping through");
  ldn_test_assert_contains (text, "Sources");
  ldn_test_assert_contains (text, "Rabiner EA");
  ldn_test_assert_contains (text, "content version 2026");
  ldn_test_assert_contains (text, "not a prescription and not medical advice");
  ldn_test_assert_contains (text, "Page 1 of");
}

/* A screen reader hears which sections each page holds: every heading
 * once, on the page where it is printed, in order. */
static void
test_page_headings (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *expected[] = { "Flags for the doctor", "What I understood", "Side effects I have noticed", "Sources" };
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnSheetData) sheet_data = NULL;
  g_autoptr(LdnSheet) sheet = NULL;
  g_autoptr(GString) all = g_string_new ("|");
  g_auto(GStrv) first_page = NULL;
  const char *at = NULL;
  double width, height;

  fill_typical (fixture->user);
  sheet_data = ldn_sheet_data_collect (content, fixture->user, 3, TRUE, TRUE, &error);
  g_assert_no_error (error);
  ldn_paper_get_size (LDN_PAPER_A4, &width, &height);
  sheet = ldn_sheet_new (g_steal_pointer (&sheet_data), width, height);
  g_assert_cmpuint (ldn_sheet_get_n_pages (sheet), >, 1);

  /* Page 1 is the summary for the doctor; the full sheet follows. */
  first_page = ldn_sheet_dup_page_headings (sheet, 0);
  g_assert_true (g_strv_contains ((const char * const *) first_page, "What I am considering"));
  g_assert_true (g_strv_contains ((const char * const *) first_page, "Flags"));
  g_assert_false (g_strv_contains ((const char * const *) first_page, "Flags for the doctor"));

  for (guint page = 0; page < ldn_sheet_get_n_pages (sheet); page++)
    {
      g_auto(GStrv) headings = ldn_sheet_dup_page_headings (sheet, page);

      for (guint i = 0; headings[i] != NULL; i++)
        g_string_append_printf (all, "%s|", headings[i]);
    }

  at = all->str;
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *needle = g_strdup_printf ("|%s|", expected[i]);
      const char *found = strstr (at, needle);

      g_assert_nonnull (found);
      g_assert_null (strstr (found + 1, needle));
      at = found;
    }

  g_auto(GStrv) beyond = ldn_sheet_dup_page_headings (sheet, ldn_sheet_get_n_pages (sheet));
  g_assert_cmpuint (g_strv_length (beyond), ==, 0);
}

static void
answer_all_no (LdnUserStore *user)
{
  g_autoptr(GPtrArray) topics = ldn_content_store_list_safety_topics (content, NULL);

  g_assert_nonnull (topics);
  for (guint i = 0; i < topics->len; i++)
    {
      const LdnSafetyTopic *topic = g_ptr_array_index (topics, i);
      g_assert_true (ldn_user_store_set_answer (user, topic->id, LDN_ANSWER_NO, NULL));
    }
}

static void
test_no_flags_and_nothing_noticed (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *text = NULL;

  g_assert_true (ldn_user_store_set_answer (fixture->user, "opioids", LDN_ANSWER_NO, NULL));
  write_sheet (fixture, LDN_PAPER_A4);
  text = ldn_test_pdf_text (fixture->pdf);

  g_assert_null (strstr (text, "MOST IMPORTANT"));
  g_assert_null (strstr (text, "opioid medicine, even now and then?"));
  /* Questions left open are listed for the doctor, never read as "no". */
  g_assert_null (strstr (text, "No safety flags"));
  ldn_test_assert_contains (text, "Safety questions I have not answered yet:");
  ldn_test_assert_contains (text, "Do you have surgery or a procedure planned?");
  ldn_test_assert_contains (text, "None noticed so far.");
  ldn_test_assert_contains (text, "No questions written yet.");

  answer_all_no (fixture->user);
  write_sheet (fixture, LDN_PAPER_A4);
  g_free (text);
  text = ldn_test_pdf_text (fixture->pdf);
  ldn_test_assert_contains (text, "No safety flags");
  g_assert_null (strstr (text, "not answered yet"));
}

static void
test_long_note_and_fifty_questions (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GRegex) word = g_regex_new ("w(\\d{4})", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  guint n_words = 0, expected = 0, pages;

  /* A 10 000-character note of numbered words, to find every one again. */
  while (note->len + 6 <= LDN_USER_TEXT_MAX_CHARS)
    g_string_append_printf (note, "w%04u ", ++n_words);
  g_assert_true (ldn_user_store_set_noticed (fixture->user, "sleep", TRUE, NULL));
  g_assert_true (ldn_user_store_set_note (fixture->user, "sleep", note->str, NULL));
  for (guint i = 1; i <= 50; i++)
    {
      g_autofree char *question = g_strdup_printf ("Question number %02u?", i);
      g_assert_cmpint (ldn_user_store_add_question (fixture->user, question, NULL, NULL), >, 0);
    }

  pages = write_sheet (fixture, LDN_PAPER_A4);
  g_assert_cmpuint (pages, >=, 3);
  text = ldn_test_pdf_text (fixture->pdf);

  /* Every word of the note, once, in order: nothing cut at page breaks. */
  g_regex_match (word, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *digits = g_match_info_fetch (match, 1);

      g_assert_cmpuint (atoi (digits), ==, ++expected);
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (expected, ==, n_words);

  for (guint i = 1; i <= 50; i++)
    {
      g_autofree char *line = g_strdup_printf ("%u. Question number %02u?", i, i);
      ldn_test_assert_contains (text, line);
    }

  for (guint i = 1; i <= pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", i, pages);
      ldn_test_assert_contains (text, number);
    }

  info = ldn_test_pdf_tool ("pdfinfo", fixture->pdf);
  {
    g_autofree char *count = g_strdup_printf ("Pages:           %u", pages);
    ldn_test_assert_contains (info, count);
  }
}

static void
test_any_script_with_embedded_fonts (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (ldn_user_store_set_noticed (fixture->user, "nausea", TRUE, NULL));
  g_assert_true (ldn_user_store_set_note (fixture->user, "nausea", "صداع خفيف في الصباح", NULL));
  g_assert_true (ldn_user_store_set_noticed (fixture->user, "sleep", TRUE, NULL));
  g_assert_true (ldn_user_store_set_note (fixture->user, "sleep", "夜里做梦很多 Сны 🌙", NULL));
  write_sheet (fixture, LDN_PAPER_LETTER);

  text = ldn_test_pdf_text (fixture->pdf);
  ldn_test_assert_contains (text, "夜里做梦很多");
  ldn_test_assert_contains (text, "Сны");

  /* Every font is embedded, so any printer shows the same letters. */
  fonts = ldn_test_pdf_tool ("pdffonts", fixture->pdf);
  lines = g_strsplit (fonts, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 3);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      guint n = 0;

      if (*lines[i] == '\0')
        continue;
      columns = g_regex_split_simple ("\\s+", lines[i], 0, 0);
      n = g_strv_length (columns);
      /* ... emb sub uni object ID: "emb" is the fifth column from the end. */
      g_assert_cmpuint (n, >=, 6);
      if (!g_str_equal (columns[n - 5], "yes"))
        g_error ("font not embedded: %s", lines[i]);
    }

  {
    g_autofree char *info = ldn_test_pdf_tool ("pdfinfo", fixture->pdf);
    ldn_test_assert_contains (info, "612 x 792 pts (letter)");
  }
}

/* A person who takes co-codamol: a family doctor reads page 1 in 20
 * seconds and sees why, which opioid, what is open and where to write. */
static void
fill_co_codamol (LdnUserStore *user)
{
  g_assert_true (ldn_user_store_set_text (user, LDN_USER_TEXT_NAME, "Maria Jones", NULL));
  g_assert_true (ldn_decision_set_date_of_birth (user, "1968-04-09", NULL));
  g_assert_true (ldn_decision_set_condition (user, "fibromyalgia", TRUE, NULL));
  g_assert_cmpint (ldn_decision_add_own_condition (user, "Restless legs", NULL), >, 0);
  g_assert_cmpint (ldn_decision_add_medicine (user, "Sertraline", "50 mg", "once a day", NULL), >, 0);
  g_assert_cmpint (ldn_decision_add_medicine (user, "co-codamol 30/500", "2 tablets", "four times a day", NULL), >, 0);
  g_assert_true (ldn_decision_set_about_text (user, LDN_ABOUT_ALLERGIES, "Penicillin (rash)", NULL));
  g_assert_true (ldn_user_store_set_answer (user, "surgery", LDN_ANSWER_UNSURE, NULL));
  g_assert_true (ldn_decision_set_consent (user, "opioids", LDN_CONSENT_EXPLAIN, NULL));
  g_assert_true (ldn_decision_set_consent (user, "off-label", LDN_CONSENT_UNDERSTOOD, NULL));
  g_assert_true (ldn_decision_set_sure (user, LDN_SURE_AFTER, 0, LDN_SURE_NO, NULL));
  g_assert_true (ldn_decision_set_sure (user, LDN_SURE_AFTER, 1, LDN_SURE_YES, NULL));
  g_assert_true (ldn_decision_set_sure (user, LDN_SURE_AFTER, 2, LDN_SURE_NO, NULL));
  g_assert_true (ldn_decision_set_sure (user, LDN_SURE_AFTER, 3, LDN_SURE_YES, NULL));
  g_assert_true (ldn_decision_set_stage (user, LDN_STAGE_CLOSE, NULL));
  g_assert_true (ldn_decision_set_role (user, LDN_ROLE_TOGETHER, NULL));
  g_assert_true (ldn_decision_set_importance (user, "avoid-side-effects", 4, NULL));
  g_assert_cmpint (ldn_user_store_add_question (user, "Do I have to stop my co-codamol?", NULL, NULL), >, 0);
  g_assert_cmpint (ldn_user_store_add_question (user, "How long should I try it?", NULL, NULL), >, 0);
  g_assert_cmpint (ldn_user_store_add_question (user, "Who makes it?", NULL, NULL), >, 0);
  g_assert_cmpint (ldn_user_store_add_question (user, "A fourth question not on page 1", NULL, NULL), >, 0);
}

static void
test_page_1_summary (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *page1 = NULL;
  g_autofree char *page2 = NULL;
  g_autofree char *all = NULL;
  const char *flag, *table;

  fill_co_codamol (fixture->user);
  for (LdnPaper paper = LDN_PAPER_A4; paper <= LDN_PAPER_LETTER; paper++)
    {
      g_assert_cmpuint (write_sheet (fixture, paper), >=, 3);
      g_free (page1);
      g_free (page2);
      page1 = ldn_test_pdf_page_text (fixture->pdf, 1);
      page2 = ldn_test_pdf_page_text (fixture->pdf, 2);

      ldn_test_assert_contains (page1, "LDN: summary for the doctor");
      ldn_test_assert_contains (page1, "Name: Maria Jones");
      ldn_test_assert_contains (page1, "Date of birth: 9 April 1968");
      ldn_test_assert_contains (page1, "Fibromyalgia (evidence: weak and mixed)");
      ldn_test_assert_contains (page1, "Restless legs (not covered by the guide)");
      ldn_test_assert_contains (page1, "Dose looked at in the guide: 3 mg");
      /* The flag names the medicine, and comes before the table. */
      ldn_test_assert_contains (page1, "Takes co-codamol 30/500, 2 tablets, four times a day: opioid");
      ldn_test_assert_contains (page1, "contains codeine and paracetamol");
      ldn_test_assert_contains (page1, "Not sure: Do you have surgery or a procedure planned?");
      /* Unanswered, never read as "no". */
      ldn_test_assert_contains (page1, "Safety questions not answered yet:");
      ldn_test_assert_contains (page1, "Do you take any opioid medicine, even now and then?");
      ldn_test_assert_contains (page1, "Sertraline");
      ldn_test_assert_contains (page1, "Allergies: Penicillin (rash)");
      ldn_test_assert_contains (page1, "after reading the guide, unsure on 2 of 4");
      ldn_test_assert_contains (page1, "I am close to choosing.");
      ldn_test_assert_contains (page1, "I want to decide together with my doctor.");
      ldn_test_assert_contains (page1, "Please explain again: Opioid medicines are blocked.");
      ldn_test_assert_contains (page1, "1. Do I have to stop my co-codamol?");
      ldn_test_assert_contains (page1, "3. Who makes it?");
      g_assert_null (strstr (page1, "A fourth question"));
      ldn_test_assert_contains (page1, "For the doctor");
      ldn_test_assert_contains (page1, "Decision:");
      ldn_test_assert_contains (page1, "Dose plan:");
      ldn_test_assert_contains (page1, "Start date:");
      ldn_test_assert_contains (page1, "Review date:");
      ldn_test_assert_contains (page1, "What to monitor:");
      ldn_test_assert_contains (page1, "Page 1 of");
      flag = strstr (page1, "Takes co-codamol");
      table = strstr (page1, "Medicines and allergies");
      g_assert_true (flag != NULL && table != NULL && flag < table);

      /* Page 1 is one page: the full sheet starts on page 2. */
      ldn_test_assert_contains (page2, "Low-dose naltrexone: notes for my doctor");
      g_assert_null (strstr (page2, "What to monitor:"));
      g_assert_null (strstr (page1, "Low-dose naltrexone: notes for my doctor"));
    }

  /* Page 2 onward: the decision aid's answers in full. */
  all = ldn_test_pdf_text (fixture->pdf);
  ldn_test_assert_contains (all, "A fourth question not on page 1");
  ldn_test_assert_contains (all, "Understanding an off-label medicine");
  ldn_test_assert_contains (all, "— I understand");
  ldn_test_assert_contains (all, "What matters to me, rated 0 to 4");
  ldn_test_assert_contains (all, "Avoiding side effects such as vivid dreams or trouble sleeping: 4 of 4");
  ldn_test_assert_contains (all, "Légaré F");
}

/* Whatever the person typed, page 1 stays one page on the smaller paper. */
static void
test_page_1_stays_one_page (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *long_text = g_strnfill (LDN_USER_TEXT_MAX_CHARS, 'x');
  g_autoptr(GPtrArray) topics = ldn_content_store_list_safety_topics (content, NULL);
  g_autoptr(GPtrArray) conditions = ldn_content_store_list_conditions (content, NULL);
  g_autofree char *page1 = NULL;
  g_autofree char *page2 = NULL;

  g_assert_true (ldn_user_store_set_text (fixture->user, LDN_USER_TEXT_NAME, long_text, NULL));
  for (guint i = 0; i < topics->len; i++)
    g_assert_true (ldn_user_store_set_answer (fixture->user, ((LdnSafetyTopic *) topics->pdata[i])->id,
                                              LDN_ANSWER_UNSURE, NULL));
  for (guint i = 0; i < conditions->len; i++)
    g_assert_true (ldn_decision_set_condition (fixture->user, ((LdnCondition *) conditions->pdata[i])->id, TRUE, NULL));
  for (guint i = 0; i < 12; i++)
    g_assert_cmpint (ldn_decision_add_medicine (fixture->user, i % 2 ? "tramadol" : long_text, long_text, long_text,
                                                NULL), >, 0);
  g_assert_true (ldn_user_store_set_answer (fixture->user, "opioids", LDN_ANSWER_NO, NULL));
  g_assert_true (ldn_decision_set_about_text (fixture->user, LDN_ABOUT_ALLERGIES, long_text, NULL));
  g_assert_true (ldn_decision_set_about_text (fixture->user, LDN_ABOUT_TRIED, long_text, NULL));
  g_assert_true (ldn_decision_set_date_of_birth (fixture->user, "1968-04-09", NULL));
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(GPtrArray) consent = ldn_content_store_list_decision_items (content, "consent", NULL);
      for (guint j = 0; j < consent->len; j++)
        g_assert_true (ldn_decision_set_consent (fixture->user, ((LdnDecisionItem *) consent->pdata[j])->id,
                                                 LDN_CONSENT_EXPLAIN, NULL));
    }
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (ldn_user_store_add_question (fixture->user, long_text, NULL, NULL), >, 0);
  g_assert_true (ldn_decision_set_stage (fixture->user, LDN_STAGE_CONSIDERING, NULL));
  g_assert_true (ldn_decision_set_role (fixture->user, LDN_ROLE_DOCTOR, NULL));

  write_sheet (fixture, LDN_PAPER_LETTER);
  page1 = ldn_test_pdf_page_text (fixture->pdf, 1);
  page2 = ldn_test_pdf_page_text (fixture->pdf, 2);
  ldn_test_assert_contains (page1, "What to monitor:");
  ldn_test_assert_contains (page1, "more opioid medicines: see page 2");
  ldn_test_assert_contains (page1, "answered “No”: please check");
  ldn_test_assert_contains (page2, "Low-dose naltrexone: notes for my doctor");
  g_assert_null (strstr (page2, "What to monitor:"));
  g_assert_null (strstr (page2, "summary for the doctor"));
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
  content = ldn_content_store_new (path, NULL, &error);
  g_assert_no_error (error);

#define ADD(name, func) g_test_add ("/sheet/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("every-section", test_every_section);
  ADD ("page-headings", test_page_headings);
  ADD ("no-flags-and-nothing-noticed", test_no_flags_and_nothing_noticed);
  ADD ("long-note-and-fifty-questions", test_long_note_and_fifty_questions);
  ADD ("any-script-with-embedded-fonts", test_any_script_with_embedded_fonts);
  ADD ("page-1-summary", test_page_1_summary);
  ADD ("page-1-stays-one-page", test_page_1_stays_one_page);
#undef ADD

  result = g_test_run ();
  g_clear_object (&content);

  return result;
}

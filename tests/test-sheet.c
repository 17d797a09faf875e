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
#include "util/ldn-user-text.h"
#include "ldn-test-tmp.h"

static LdnContentStore *content;
static GRegex *spaces;

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

/* SCHEDULE: 0 none given, 1 one dose, 2 every night; at DOSE_MINUTE. */
static guint
write_sheet_with_schedule (Fixture  *fixture,
                           LdnPaper  paper,
                           guint     schedule,
                           guint     dose_minute)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnSheetData) data = ldn_sheet_data_collect (content, fixture->user, 3, TRUE, TRUE, &error);
  g_autoptr(LdnSheet) sheet = NULL;
  double width, height;

  g_assert_no_error (error);
  if (schedule != 0)
    ldn_sheet_decision_set_schedule (data->decision, schedule == 2, dose_minute);
  ldn_paper_get_size (paper, &width, &height);
  sheet = ldn_sheet_new (g_steal_pointer (&data), width, height, &error);
  g_assert_no_error (error);
  g_assert_true (ldn_sheet_write_pdf (sheet, fixture->pdf, &error));
  g_assert_no_error (error);

  return ldn_sheet_get_n_pages (sheet);
}

static guint
write_sheet (Fixture  *fixture,
             LdnPaper  paper)
{
  return write_sheet_with_schedule (fixture, paper, 0, 0);
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
  /* A right answer is something the person understood. */
  g_assert_true (ldn_teach_back_recorder_record_answer (LDN_TEACH_BACK_RECORDER (user), "tb-ldn-vs-standard", "b",
                                                        NULL));
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
  ldn_test_assert_contains (text, "show that I understood:");
  ldn_test_assert_contains (text, "It is about 1 to 5 mg a day, usually made by a compounding pharmacy.");
  g_assert_null (strstr (text, "Daily dose — Low dose (LDN)"));
  ldn_test_assert_contains (text, "Benefits and harms in trials");
  ldn_test_assert_contains (text, "On LDN: 88 of 100");
  ldn_test_assert_contains (text, "On placebo: 40 of 100");
  ldn_test_assert_contains (text, "no clinician has reviewed it");
  ldn_test_assert_contains (text, "https://github.com/ldnguide/LdnGuide/issues");
  ldn_test_assert_contains (text, "Topics I would like explained again");
  ldn_test_assert_contains (text, "How LDN might work");
  ldn_test_assert_contains (text, "Estimated receptor occupancy after one 3 mg dose");
  ldn_test_assert_contains (text, "model estimate, not a measurement");
  ldn_test_assert_contains (text, "Side effects I have noticed");
  ldn_test_assert_contains (text, "Vivid dreams or nightmares");
  /* The table's column says the checklist's and the Diary's word. */
  ldn_test_assert_contains (text, "Severity");
  g_assert_null (strstr (text, "How bad"));
  ldn_test_assert_contains (text, "Only the first week");
  /* The date the person picked, written for the reader (stored as ISO). */
  ldn_test_assert_contains (text, "2 November");
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
  sheet = ldn_sheet_new (g_steal_pointer (&sheet_data), width, height, &error);
  g_assert_no_error (error);
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

/* A person who answered nothing gets no all-clear: a busy doctor could
 * read "no question was answered Yes" as "nothing to worry about". And
 * "What I understood" shows only what their answers show, not the guide's
 * own comparison table. Having entered nothing, they get one page on A4
 * and on Letter, which still lists every safety question left open, whole,
 * the doctor's box, what LDN is and who wrote the guide. */
static void
test_nothing_answered_is_no_all_clear (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GPtrArray) topics = ldn_content_store_list_safety_topics (content, NULL);

  g_assert_nonnull (topics);
  for (LdnPaper paper = LDN_PAPER_A4; paper <= LDN_PAPER_LETTER; paper++)
    {
      g_autofree char *text = NULL;

      g_assert_cmpuint (write_sheet (fixture, paper), ==, 1);
      g_assert_cmpuint (ldn_test_pdf_n_pages (fixture->pdf), ==, 1);
      text = ldn_test_pdf_text (fixture->pdf);

      g_assert_null (strstr (text, "No safety question was answered"));
      g_assert_null (strstr (text, "No safety flags"));
      g_assert_null (strstr (text, "…"));
      ldn_test_assert_contains (text, "Safety questions not answered yet:");
      for (guint i = 0; i < topics->len; i++)
        ldn_test_assert_contains (text, ((const LdnSafetyTopic *) g_ptr_array_index (topics, i))->question);
      ldn_test_assert_contains (text, "no check question answered");
      g_assert_null (strstr (text, "Daily dose — Low dose (LDN)"));
      ldn_test_assert_contains (text, "Medicines: none listed.");
      ldn_test_assert_contains (text, "No questions written yet.");
      ldn_test_assert_contains (text, "For the doctor");
      ldn_test_assert_contains (text, "What to monitor:");
      ldn_test_assert_contains (text, "means about 1 to 5 mg a day of naltrexone");
      ldn_test_assert_contains (text, "Sources");
      ldn_test_assert_contains (text, "not a prescription and not medical advice");
      ldn_test_assert_contains (text, "no clinician has reviewed it");
      ldn_test_assert_contains (text, "Page 1 of 1");
    }
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

/* Deterministic words of varied length, numbered so that each can be
 * found again in order: "w00017kalo". */
static char *
numbered_words (const char *prefix,
                guint       n_chars)
{
  static const char *syllables[] = { "ka", "lo", "mer", "sin", "tu", "vra", "pe", "dol", "an", "ix" };
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = 0;

  while (text->len < n_chars)
    {
      g_string_append_printf (text, "%s%05u", prefix, ++n);
      for (guint s = 0; s < 1 + n % 4; s++)
        g_string_append (text, syllables[(n * 7 + s) % G_N_ELEMENTS (syllables)]);
      g_string_append_c (text, ' ');
    }
  g_string_truncate (text, n_chars);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The person of issue 12: 8 side effects with 5 000-character notes,
 * 130 questions of about 400 characters and long "other" texts, all
 * within the app's limits. The old layout never placed a table row
 * whose rest fitted a blank page but not below the repeated header, and
 * added pages until memory ran out; the page cap now stops any such
 * loop early, so a regression fails here at once. These note lengths
 * made the old layout loop with Debian 12's fonts; the row-rest test
 * below finds the same fault with any fonts. */
#define NOTE_LENGTH(i) (4184 + 37 * (i))

static void
fill_pathological (LdnUserStore *user)
{
  g_autoptr(GPtrArray) items = ldn_content_store_list_side_effects (content, NULL);

  g_assert_nonnull (items);
  g_assert_cmpuint (items->len, >=, 8);
  for (guint i = 0; i < 8; i++)
    {
      const LdnSideEffect *item = g_ptr_array_index (items, i);
      g_autofree char *prefix = g_strdup_printf ("n%u", i);
      g_autofree char *note = numbered_words (prefix, NOTE_LENGTH (i));

      g_assert_true (ldn_user_store_set_noticed (user, item->id, TRUE, NULL));
      g_assert_true (ldn_user_store_set_severity (user, item->id, 1 + i % 3, NULL));
      g_assert_true (ldn_user_store_set_since (user, item->id, "2026-10-01", NULL));
      g_assert_true (ldn_user_store_set_note (user, item->id, note, NULL));
    }
  for (guint i = 0; i < 130; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("q%03u", i);
      g_autofree char *question = numbered_words (prefix, 390 + i % 20);

      g_assert_cmpint (ldn_user_store_add_question (user, question, NULL, NULL), >, 0);
    }
  {
    g_autofree char *other = numbered_words ("o", LDN_USER_TEXT_MAX_CHARS);
    g_autofree char *medicines = numbered_words ("m", LDN_USER_TEXT_MAX_CHARS);
    g_autofree char *matters = numbered_words ("h", LDN_USER_TEXT_MAX_CHARS);

    g_assert_true (ldn_user_store_set_text (user, LDN_USER_TEXT_OTHER_SIDE_EFFECTS, other, NULL));
    g_assert_true (ldn_user_store_set_text (user, LDN_USER_TEXT_OTHER_MEDICINES, medicines, NULL));
    g_assert_true (ldn_user_store_set_text (user, LDN_USER_TEXT_WHAT_MATTERS, matters, NULL));
    g_assert_true (ldn_user_store_set_text (user, LDN_USER_TEXT_NAME, "Pat Long-Notes", NULL));
  }
}

/* Each of the person's words once, in order, in TEXT. */
static void
assert_words_in_order (const char *text,
                       const char *prefix,
                       guint       n_chars)
{
  g_autofree char *words = numbered_words (prefix, n_chars);
  g_auto(GStrv) list = g_strsplit (words, " ", -1);
  const char *at = text;

  for (guint i = 0; list[i] != NULL; i++)
    {
      const char *found;

      /* The last word may be cut by the length limit. */
      if (*list[i] == '\0' || list[i + 1] == NULL)
        continue;
      found = strstr (at, list[i]);
      if (found == NULL)
        g_error ("the PDF lacks “%s” (or has it out of order)", list[i]);
      at = found + strlen (list[i]);
    }
}

static void
test_pathological_person (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *text = NULL;
  guint pages;

  fill_pathological (fixture->user);
  for (LdnPaper paper = LDN_PAPER_A4; paper <= LDN_PAPER_LETTER; paper++)
    {
      pages = write_sheet (fixture, paper);
      g_test_message ("pathological person: %u pages", pages);
      g_assert_cmpuint (pages, >=, 20);
      g_assert_cmpuint (pages, <=, 120);
      g_assert_cmpuint (ldn_test_pdf_n_pages (fixture->pdf), ==, pages);

      g_free (text);
      text = ldn_test_pdf_text (fixture->pdf);
      for (guint i = 0; i < 8; i++)
        {
          g_autofree char *prefix = g_strdup_printf ("n%u", i);
          assert_words_in_order (text, prefix, NOTE_LENGTH (i));
        }
      assert_words_in_order (text, "o", LDN_USER_TEXT_MAX_CHARS);
      assert_words_in_order (text, "h", LDN_USER_TEXT_MAX_CHARS);
      ldn_test_assert_contains (text, "130. q129");
    }
}

/* A side effect's note of every length from a third of a page to more
 * than two pages, in steps smaller than a line: whatever the fonts, one
 * of them leaves a rest that fits a blank page but not below the
 * repeated table header, which the old layout never placed. */
static void
test_row_rest_under_repeated_header (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *words = numbered_words ("r", 9000);
  /* Under valgrind (LDN_TEST_QUICK) a sample of the lengths is enough. */
  guint step = g_getenv ("LDN_TEST_QUICK") ? 97 : 12;

  g_assert_true (ldn_user_store_set_noticed (fixture->user, "headache", TRUE, NULL));
  for (guint length = 1200; length <= 9000; length += step)
    {
      g_autofree char *note = g_strndup (words, length);
      g_autoptr(GError) error = NULL;
      g_autoptr(LdnSheetData) sheet_data = NULL;
      g_autoptr(LdnSheet) sheet = NULL;
      double width, height;

      g_assert_true (ldn_user_store_set_note (fixture->user, "headache", note, NULL));
      sheet_data = ldn_sheet_data_collect (content, fixture->user, 3, FALSE, FALSE, &error);
      g_assert_no_error (error);
      ldn_paper_get_size (length % 8 == 0 ? LDN_PAPER_A4 : LDN_PAPER_LETTER, &width, &height);
      /* A few pages of the guide, a few more for the note: 20 is plenty. */
      sheet = ldn_sheet_new_with_max_pages (g_steal_pointer (&sheet_data), width, height, 20, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (ldn_sheet_get_n_pages (sheet), <=, 8);
    }
}

/* 200 questions of 5 000 line breaks each: within the app's limits but
 * far beyond the cap, refused early (without laying out all of it) with
 * the cap's message. */
static void
test_beyond_the_cap_is_refused_early (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnSheetData) sheet_data = NULL;
  g_autoptr(LdnSheet) sheet = NULL;
  double width, height;

  if (g_getenv ("LDN_TEST_QUICK") != NULL)
    {
      g_test_skip ("LDN_TEST_QUICK is set (memcheck)");
      return;
    }

  while (lines->len < LDN_USER_TEXT_MAX_CHARS)
    g_string_append (lines, "a\n");
  for (guint i = 0; i < LDN_USER_MAX_QUESTIONS; i++)
    g_assert_cmpint (ldn_user_store_add_question (fixture->user, lines->str, NULL, NULL), >, 0);

  sheet_data = ldn_sheet_data_collect (content, fixture->user, 3, TRUE, TRUE, &error);
  g_assert_no_error (error);
  ldn_paper_get_size (LDN_PAPER_LETTER, &width, &height);
  sheet = ldn_sheet_new (g_steal_pointer (&sheet_data), width, height, &error);
  g_assert_null (sheet);
  g_assert_error (error, LDN_SHEET_ERROR, LDN_SHEET_ERROR_TOO_LONG);
  ldn_test_assert_contains (error->message, "would be longer than 1000 pages");
}

/* The cap is the last guard: a sheet longer than it is refused with a
 * message that says so, instead of growing without end. */
static void
test_page_cap (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnSheetData) sheet_data = NULL;
  g_autoptr(LdnSheet) sheet = NULL;
  double width, height;

  fill_typical (fixture->user);
  sheet_data = ldn_sheet_data_collect (content, fixture->user, 3, TRUE, TRUE, &error);
  g_assert_no_error (error);
  ldn_paper_get_size (LDN_PAPER_A4, &width, &height);
  sheet = ldn_sheet_new_with_max_pages (g_steal_pointer (&sheet_data), width, height, 1, &error);
  g_assert_null (sheet);
  g_assert_error (error, LDN_SHEET_ERROR, LDN_SHEET_ERROR_TOO_LONG);
  ldn_test_assert_contains (error->message, "would be longer than 1 page,");
}

/* The PDF's text with every run of white space as one space. */
static char *
pdf_words (const char *pdf)
{
  g_autofree char *raw = ldn_test_pdf_text (pdf);

  return g_regex_replace_literal (spaces, raw, -1, 0, " ", 0, NULL);
}

static void
assert_isolated (const char *typed,
                 const char *shown)
{
  g_autofree char *isolated = ldn_user_text_dup_isolated (typed);
  g_autoptr(GString) expected = g_string_new (NULL);

  /* SHOWN marks each isolate as [ and ]. */
  for (const char *p = shown; *p != '\0'; p++)
    if (*p == '[')
      g_string_append (expected, "\u2068");
    else if (*p == ']')
      g_string_append (expected, "\u2069");
    else
      g_string_append_c (expected, *p);
  g_assert_cmpstr (isolated, ==, expected->str);
}

static void
test_user_text_isolated (void)
{
  assert_isolated ("", "");
  assert_isolated (" \t\n\r\n  \n", "");
  assert_isolated ("Ana", "[Ana]");
  assert_isolated ("a\r\nb\rc", "[a]\n[b]\n[c]");
  assert_isolated ("a\n\n\n \n\r\n\nb\n\n", "[a]\n\n[b]");
  assert_isolated ("\u202Eevil\u202C \u2066x\u2069\u202Ay\u202B\u202D", "[evil xy]");
  assert_isolated ("a\x01" "b\x7f\xc2\x85" "c\td", "[a\uFFFDb\uFFFD]\n[c\td]");
  assert_isolated ("a\xff" "b", "[a\uFFFDb]");
  assert_isolated ("\u2028one\u2029two", "[one]\n[two]");
  assert_isolated ("שלום עולם", "[שלום עולם]");

  {
    g_autofree char *plain = ldn_user_text_dup_plain ("\u202Ea\r\n\n\n b\x01");

    g_assert_cmpstr (plain, ==, "a\n\n b\uFFFD");
  }
}

/* A right-to-left override or control character typed into the name or
 * a question neither reverses the printed date and numbering nor the
 * words beside it. */
static void
test_typed_controls_cannot_reorder (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnSheetData) sheet_data = NULL;
  g_autoptr(LdnSheet) sheet = NULL;
  g_autofree char *text = NULL;
  g_autofree char *who = NULL;
  double width, height;

  g_assert_true (ldn_user_store_set_text (fixture->user, LDN_USER_TEXT_NAME, "\u202EAna Lopez", NULL));
  g_assert_cmpint (ldn_user_store_add_question (fixture->user, "\u202Bfirst question\x01 here", NULL, NULL), >, 0);
  g_assert_cmpint (ldn_user_store_add_question (fixture->user, "\u202Esecond one", NULL, NULL), >, 0);
  g_assert_cmpint (ldn_user_store_add_question (fixture->user, "מתי זה עוזר third", NULL, NULL), >, 0);
  g_assert_true (ldn_user_store_set_noticed (fixture->user, "headache", TRUE, NULL));
  g_assert_true (ldn_user_store_set_note (fixture->user, "headache", "\u202Elate mornings", NULL));

  sheet_data = ldn_sheet_data_collect (content, fixture->user, 3, FALSE, FALSE, &error);
  g_assert_no_error (error);
  who = g_strdup_printf ("Name: Ana Lopez Date: %s", sheet_data->date);
  ldn_paper_get_size (LDN_PAPER_A4, &width, &height);
  sheet = ldn_sheet_new (g_steal_pointer (&sheet_data), width, height, &error);
  g_assert_no_error (error);
  g_assert_true (ldn_sheet_write_pdf (sheet, fixture->pdf, &error));
  text = pdf_words (fixture->pdf);

  ldn_test_assert_contains (text, who);
  ldn_test_assert_contains (text, "1. first question\uFFFD here");
  ldn_test_assert_contains (text, "2. second one");
  /* A right-to-left question reads right to left after its number: its
   * last (Latin) word is seen first, at the left, next to the "3.". */
  ldn_test_assert_contains (text, "3. third");
  ldn_test_assert_contains (text, "late mornings");
  ldn_test_assert_contains (text, "Page 1 of");
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
      /* The schedule looked at on the timeline: every night on A4, one dose on Letter. */
      g_assert_cmpuint (write_sheet_with_schedule (fixture, paper, paper == LDN_PAPER_A4 ? 2 : 1,
                                                   paper == LDN_PAPER_A4 ? 22 * 60 : 21 * 60 + 30), >=, 3);
      g_free (page1);
      g_free (page2);
      page1 = ldn_test_pdf_page_text (fixture->pdf, 1);
      page2 = ldn_test_pdf_page_text (fixture->pdf, 2);

      ldn_test_assert_contains (page1, "LDN: summary for the doctor");
      ldn_test_assert_contains (page1, "Name: Maria Jones");
      ldn_test_assert_contains (page1, "Date of birth: 9 April 1968");
      ldn_test_assert_contains (page1, "Fibromyalgia (evidence: weak and mixed)");
      ldn_test_assert_contains (page1, "Restless legs (not covered by the guide)");
      ldn_test_assert_contains (page1, paper == LDN_PAPER_A4 ? "Dose looked at on the chart (an example, not a plan): 3 mg, every night at 22:00."
                                                             : "Dose looked at on the chart (an example, not a plan): 3 mg, one dose at 21:30.");
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

/* A screen reader can read each page in full, not only its headings
 * (issue 15): the text of page 1 is what is printed on page 1. */
static void
test_page_text (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnSheetData) sheet_data = NULL;
  g_autoptr(LdnSheet) sheet = NULL;
  g_autofree char *page1 = NULL;
  g_autofree char *page2 = NULL;
  g_autofree char *beyond = NULL;
  double width, height;

  fill_co_codamol (fixture->user);
  sheet_data = ldn_sheet_data_collect (content, fixture->user, 3, TRUE, TRUE, &error);
  g_assert_no_error (error);
  ldn_paper_get_size (LDN_PAPER_A4, &width, &height);
  sheet = ldn_sheet_new (g_steal_pointer (&sheet_data), width, height, &error);
  g_assert_no_error (error);

  page1 = ldn_sheet_dup_page_text (sheet, 0);
  g_assert_true (g_str_has_prefix (page1, "LDN: summary for the doctor\n"));
  ldn_test_assert_contains (page1, "Fibromyalgia (evidence: weak and mixed)");
  ldn_test_assert_contains (page1, "Takes co-codamol 30/500, 2 tablets, four times a day: opioid");
  /* A table row is read as one line, cell after cell. */
  ldn_test_assert_contains (page1, "\nSertraline, 50 mg, once a day\n");
  ldn_test_assert_contains (page1, "\nco-codamol 30/500, 2 tablets, four times a day, Opioid");
  /* What they typed stays isolated (for right-to-left text), as on paper. */
  ldn_test_assert_contains (page1, "Do I have to stop my co-codamol?");
  ldn_test_assert_contains (page1, "What to monitor:");
  g_assert_null (strstr (page1, "notes for my doctor"));

  page2 = ldn_sheet_dup_page_text (sheet, 1);
  g_assert_true (g_str_has_prefix (page2, "Low-dose naltrexone: notes for my doctor"));
  g_assert_null (strstr (page2, "What to monitor:"));

  beyond = ldn_sheet_dup_page_text (sheet, ldn_sheet_get_n_pages (sheet));
  g_assert_cmpstr (beyond, ==, "");
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
  spaces = g_regex_new ("\\s+", G_REGEX_OPTIMIZE, 0, NULL);

  path = ldn_content_store_dup_default_path ();
  content = ldn_content_store_new (path, NULL, &error);
  g_assert_no_error (error);

#define ADD(name, func) g_test_add ("/sheet/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("every-section", test_every_section);
  ADD ("nothing-answered-is-no-all-clear", test_nothing_answered_is_no_all_clear);
  ADD ("page-headings", test_page_headings);
  ADD ("page-text", test_page_text);
  ADD ("no-flags-and-nothing-noticed", test_no_flags_and_nothing_noticed);
  ADD ("long-note-and-fifty-questions", test_long_note_and_fifty_questions);
  ADD ("any-script-with-embedded-fonts", test_any_script_with_embedded_fonts);
  ADD ("pathological-person", test_pathological_person);
  ADD ("row-rest-under-repeated-header", test_row_rest_under_repeated_header);
  ADD ("page-cap", test_page_cap);
  ADD ("beyond-the-cap-is-refused-early", test_beyond_the_cap_is_refused_early);
  ADD ("typed-controls-cannot-reorder", test_typed_controls_cannot_reorder);
  g_test_add_func ("/sheet/user-text-isolated", test_user_text_isolated);
  ADD ("page-1-summary", test_page_1_summary);
  ADD ("page-1-stays-one-page", test_page_1_stays_one_page);
#undef ADD

  result = g_test_run ();
  g_clear_object (&content);
  g_regex_unref (spaces);

  return result;
}

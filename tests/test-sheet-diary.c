/* test-sheet-diary.c: the sheet's "Before and after" section, read back from
 * the PDF with pdftotext as a person's viewer would; an empty diary leaves
 * the section out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>

#include "ldn-test-diary.h"
#include "ldn-test-pdf.h"
#include "ldn-test-tmp.h"
#include "sheet/ldn-sheet.h"
#include "user/ldn-user-data-json.h"

static LdnContentStore *content;

typedef struct {
  char         *dir;
  LdnUserStore *user;
  char         *pdf;
} Fixture;

static void
fixture_setup (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = NULL;

  fixture->dir = ldn_test_tmp_dir ("ldn-sheet-diary");
  path = g_build_filename (fixture->dir, "user.sqlite", NULL);
  fixture->user = ldn_user_store_open (path);
  fixture->pdf = g_build_filename (fixture->dir, "sheet.pdf", NULL);
}

static void
fixture_teardown (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->user);
  g_free (fixture->dir);
  g_free (fixture->pdf);
}

/* Lays out the sheet with DIARY (taken; may be NULL) and writes the PDF. */
static guint
write_sheet (Fixture *fixture, LdnDiary *diary, const GDate *until)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LdnSheetData) data = ldn_sheet_data_collect (content, fixture->user, 3, TRUE, TRUE, &error);
  g_autoptr(LdnSheet) sheet = NULL;
  double width, height;

  g_assert_no_error (error);
  /* Instead of the diary the store holds (ldn_sheet_data_collect reads it). */
  g_clear_pointer (&data->diary, ldn_diary_free);
  data->diary = diary;
  /* The store was empty when collected, which makes the sheet page 1 alone;
   * a person with a diary has entered something. */
  data->nothing_entered = diary == NULL || (diary->items->len == 0 && diary->entries->len == 0);
  if (until != NULL)
    data->diary_until = *until;
  ldn_paper_get_size (LDN_PAPER_A4, &width, &height);
  sheet = ldn_sheet_new (g_steal_pointer (&data), width, height, &error);
  g_assert_no_error (error);
  g_assert_true (ldn_sheet_write_pdf (sheet, fixture->pdf, &error));
  g_assert_no_error (error);

  /* LDN_TEST_PNG_DIR=dir keeps every page as a PNG to look at. */
  if (g_getenv ("LDN_TEST_PNG_DIR") != NULL)
    for (guint page = 0; page < ldn_sheet_get_n_pages (sheet); page++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
        cairo_t *cr = cairo_create (surface);
        g_autofree char *name = g_strdup_printf ("sheet-diary-%u.png", page + 1);
        g_autofree char *path = g_build_filename (g_getenv ("LDN_TEST_PNG_DIR"), name, NULL);

        cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_paint (cr);
        cairo_set_source_rgb (cr, 0, 0, 0);
        ldn_sheet_draw_page (sheet, cr, page);
        cairo_surface_write_to_png (surface, path);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
  return ldn_sheet_get_n_pages (sheet);
}

static void
test_year (Fixture *fixture, gconstpointer data)
{
  GDate until;
  LdnDiary *diary = ldn_test_diary_new_year (&until);
  g_autofree char *text = NULL;
  const char *section;

  write_sheet (fixture, diary, &until);
  text = ldn_test_pdf_text (fixture->pdf);
  section = strstr (text, "Before and after");
  g_assert_nonnull (section);

  ldn_test_assert_contains (section, "not a judgement of whether the medicine helps");
  ldn_test_assert_contains (section, "Pain (0 = no pain, 10 = worst pain; recorded every day)");
  ldn_test_assert_contains (section, "Median 6.5 before (range 6 to 7), 5 in the last 4 weeks (range 4 to 6); "
                                     "28 of 28 days recorded.");
  ldn_test_assert_contains (section, "Fatigue (0 = rested, 10 = exhausted; recorded every day)");
  ldn_test_assert_contains (section, "Sleep (recorded every week)");
  ldn_test_assert_contains (section, "4 of 4 weeks recorded.");
  /* The chart's own words, drawn as text on the page. */
  ldn_test_assert_contains (section, "10 = worst pain");
  ldn_test_assert_contains (section, "Start 1.5 mg");
  ldn_test_assert_contains (section, "How complete the record is");
  ldn_test_assert_contains (section, "352 entries from 4 January 2027 to 31 December 2027, on 352 of the 362 days in "
                                     "between.");
  ldn_test_assert_contains (section, "Doses as entered from the prescription");
  ldn_test_assert_contains (section, "Start date: 1 February 2027.");
  ldn_test_assert_contains (section, "1.5 mg at 22:00 from 1 February 2027");
  ldn_test_assert_contains (section, "3 mg at 22:00 from 1 March 2027");
  ldn_test_assert_contains (section, "Dose log, of 324 entries since the start: 313 marked taken, 11 marked missed, 0 not marked; "
                                     "no entry on 10 days.");
  ldn_test_assert_contains (section, "Side effects by date");
  ldn_test_assert_contains (section, "15 March 2027: Vivid dreams or nightmares (mild), Headache (moderate)");
  ldn_test_assert_contains (section, "15 December 2027: Vivid dreams or nightmares (mild)");
  /* A review point, without computed dates that would read as a schedule. */
  ldn_test_assert_contains (section, "Looking at the Record Together");
  g_assert_null (strstr (section, "Between 29 March 2027"));
  ldn_test_assert_contains (section, "What we agreed:");
  /* Descriptive only. */
  g_assert_null (strstr (section, "better"));
  g_assert_null (strstr (section, "worse"));
  g_assert_null (strstr (section, "improv"));
  /* The rest of the sheet follows. */
  ldn_test_assert_contains (section, "My questions");
}

/* No diary, or an empty one: the section is left out and the sheet does
 * not grow. */
static void
test_empty_diary_left_out (Fixture *fixture, gconstpointer data)
{
  guint without, with_empty;
  g_autofree char *text = NULL;

  without = write_sheet (fixture, NULL, NULL);
  with_empty = write_sheet (fixture, ldn_diary_new (), NULL);
  g_assert_cmpuint (without, ==, with_empty);
  text = ldn_test_pdf_text (fixture->pdf);
  g_assert_null (strstr (text, "Before and after"));
}

/* Items but no start yet: said plainly, no review dates. */
static void
test_no_start (Fixture *fixture, gconstpointer data)
{
  GDate until;
  LdnDiary *diary = ldn_test_diary_new_year (&until);
  g_autofree char *text = NULL;

  diary->has_start = FALSE;
  g_ptr_array_set_size (diary->plan, 0);
  write_sheet (fixture, diary, &until);
  text = ldn_test_pdf_text (fixture->pdf);
  ldn_test_assert_contains (text, "No start date yet, so there is nothing to compare.");
  ldn_test_assert_contains (text, "No start date entered.");
  ldn_test_assert_contains (text, "No dose plan entered.");
  g_assert_null (strstr (text, "Between "));
}

/* A person who has started (the diary has a start date and a plan): page 1
 * says so near the top, with the dose now, instead of only the dose looked
 * at on the chart; the doctor box has the start and the dose, and the review
 * date is asked once, in the diary's review point. */
static void
test_started_on_page_1 (Fixture *fixture, gconstpointer data)
{
  GDate until;
  LdnDiary *diary = ldn_test_diary_new_year (&until);
  g_autofree char *page1 = NULL;
  g_autofree char *page2 = NULL;
  g_autofree char *text = NULL;
  const char *started, *considering, *review;

  write_sheet (fixture, diary, &until);
  page1 = ldn_test_pdf_page_text (fixture->pdf, 1);
  page2 = ldn_test_pdf_page_text (fixture->pdf, 2);
  text = ldn_test_pdf_text (fixture->pdf);
  started = strstr (page1, "Started 1 February 2027 (from my diary): now 3 mg at 22:00; the diary is under "
                           "“Before and after”.");
  considering = strstr (page1, "What I am considering");
  g_assert_nonnull (started);
  g_assert_nonnull (considering);
  g_assert_true (started < considering);
  g_assert_null (strstr (text, "Dose looked at"));
  ldn_test_assert_contains (page1, "Dose plan: now 3 mg at 22:00 (from my diary)");
  ldn_test_assert_contains (page1, "Start date: 1 February 2027 (from my diary)");
  ldn_test_assert_contains (page1, "What to monitor:");
  /* Page 1 stays one page: the doctor box ends it. */
  g_assert_null (strstr (page2, "What to monitor:"));
  review = strstr (text, "Review date:");
  g_assert_nonnull (review);
  g_assert_null (strstr (review + 1, "Review date:"));
  g_assert_null (strstr (page1, "Review date:"));
}

/* Not started: the timeline's dose is shown as the example it is. */
static void
test_not_started_on_page_1 (Fixture *fixture, gconstpointer data)
{
  g_autofree char *page1 = NULL;

  write_sheet (fixture, NULL, NULL);
  page1 = ldn_test_pdf_page_text (fixture->pdf, 1);
  ldn_test_assert_contains (page1, "Dose looked at on the chart (an example, not a plan):");
  ldn_test_assert_contains (page1, "Review date:");
  g_assert_null (strstr (page1, "Started "));
}

/* What follows HEADING on page TEXT (pdftotext's, lines joined) before the
 * footer, stripped; NULL if HEADING is not on the page. */
static char *
dup_after (const char *text, const char *heading)
{
  const char *at = strstr (text, heading);
  const char *footer;

  /* Not where it is named in quotes (page 1 names “Before and after”). */
  while (at != NULL && g_str_has_prefix (at + strlen (heading), "”"))
    at = strstr (at + 1, heading);
  if (at == NULL)
    return NULL;
  at += strlen (heading);
  footer = strstr (at, "LDN Guide · ");
  return g_strstrip (footer != NULL ? g_strndup (at, footer - at) : g_strdup (at));
}

/* The review's person (the screenshots' sample data and a year's diary):
 * "Before and after" and "Benefits and harms in trials" were left with
 * their intros at the foot of a page, their first chart or pictures on the
 * next. No page ends with a heading or a heading and its intro. */
static void
test_headings_kept_with_next (Fixture *fixture, gconstpointer data)
{
  const LdnPaper papers[] = { LDN_PAPER_A4, LDN_PAPER_LETTER };
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "screenshots", "sample-data.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  LdnUserDataIds any = { NULL, NULL, NULL };

  g_assert_true (g_file_get_contents (sample, &json, NULL, &error));
  g_assert_true (ldn_user_data_from_json (fixture->user, &any, json, -1, &error));
  g_assert_no_error (error);

  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    {
      g_autoptr(LdnSheetData) sheet_data = ldn_sheet_data_collect (content, fixture->user, 3, TRUE, TRUE, &error);
      g_autoptr(LdnSheet) sheet = NULL;
      GDate until;
      double width, height;
      gboolean seen_diary = FALSE, seen_trials = FALSE;

      g_assert_no_error (error);
      g_clear_pointer (&sheet_data->diary, ldn_diary_free);
      sheet_data->diary = ldn_test_diary_new_year (&until);
      sheet_data->diary_until = until;
      sheet_data->nothing_entered = FALSE;
      ldn_paper_get_size (papers[p], &width, &height);
      sheet = ldn_sheet_new (g_steal_pointer (&sheet_data), width, height, &error);
      g_assert_no_error (error);

      g_assert_true (ldn_sheet_write_pdf (sheet, fixture->pdf, &error));
      g_assert_no_error (error);

      for (guint page = 0; page < ldn_sheet_get_n_pages (sheet); page++)
        {
          g_auto(GStrv) headings = ldn_sheet_dup_page_headings (sheet, page);
          g_autofree char *text = ldn_test_pdf_page_text (fixture->pdf, page + 1);
          g_autofree char *diary = g_strv_contains ((const char * const *) headings, "Before and after")
                                     ? dup_after (text, "Before and after") : NULL;
          g_autofree char *trials = g_strv_contains ((const char * const *) headings, "Benefits and harms in trials")
                                      ? dup_after (text, "Benefits and harms in trials") : NULL;

          /* A chart's words count as what follows: it is drawn. */
          for (guint h = 0; headings[h] != NULL; h++)
            {
              g_autofree char *after = dup_after (text, headings[h]);

              if (after != NULL && *after == '\0')
                g_error ("page %u ends with the heading “%s”", page + 1, headings[h]);
            }
          /* Their first item's heading and chart, their first sentence with pictures. */
          if (diary != NULL && strstr (diary, "recorded every") == NULL)
            g_error ("page %u ends with “Before and after” and its intro: %s", page + 1, text);
          if (trials != NULL && strstr (trials, " of 100 ") == NULL)
            g_error ("page %u ends with “Benefits and harms in trials” and its intro: %s", page + 1, text);
          seen_diary |= diary != NULL;
          seen_trials |= trials != NULL;
        }
      g_assert_true (seen_diary);
      g_assert_true (seen_trials);
    }
}

int
main (int argc, char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);
  path = ldn_content_store_dup_default_path ();
  content = ldn_content_store_new (path, NULL, &error);
  g_assert_no_error (error);

#define ADD(name, func) g_test_add ("/sheet-diary/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("year", test_year);
  ADD ("empty-diary-left-out", test_empty_diary_left_out);
  ADD ("no-start", test_no_start);
  ADD ("headings-kept-with-next", test_headings_kept_with_next);
  ADD ("started-on-page-1", test_started_on_page_1);
  ADD ("not-started-on-page-1", test_not_started_on_page_1);
#undef ADD

  result = g_test_run ();
  g_clear_object (&content);
  return result;
}

/* fuzz-sheet-text.c: the discussion sheet laid out and drawn with any
 * text a person could type as their name, notes and questions. Text
 * the store refuses (not UTF-8, too long) is skipped, as in the app.
 * The input's parts are separated by NUL bytes: the name, what matters,
 * other side effects, other medicines, the note on vivid dreams, then
 * questions (up to the app's 200); a part that starts with byte 0x02 is
 * instead the note on the next side effect of the guide, so that every
 * row of the table can be reached (corpus/sheet-text/issue-12-rows is
 * the person whose rows once made the layout add pages forever).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <string.h>

#include "fuzz-target.h"
#include "sheet/ldn-sheet-data.h"
#include "sheet/ldn-sheet.h"

#define NOTE_MARK 0x02

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  return 0;
}

static void
store_part (LdnUserStore *user,
            guint         index,
            const char   *text,
            guint        *n_notes)
{
  static GPtrArray *side_effects;

  static const LdnUserText texts[] = {
    LDN_USER_TEXT_NAME, LDN_USER_TEXT_WHAT_MATTERS, LDN_USER_TEXT_OTHER_SIDE_EFFECTS,
    LDN_USER_TEXT_OTHER_MEDICINES,
  };

  if (side_effects == NULL)
    side_effects = ldn_content_store_list_side_effects (fuzz_content_store (), NULL);

  if (index > G_N_ELEMENTS (texts) && text[0] == NOTE_MARK)
    {
      const LdnSideEffect *item = g_ptr_array_index (side_effects, *n_notes % side_effects->len);

      (*n_notes)++;
      ldn_user_store_set_noticed (user, item->id, TRUE, NULL);
      ldn_user_store_set_note (user, item->id, text + 1, NULL);
    }
  else if (index < G_N_ELEMENTS (texts))
    ldn_user_store_set_text (user, texts[index], text, NULL);
  else if (index == G_N_ELEMENTS (texts))
    {
      ldn_user_store_set_noticed (user, "vivid-dreams", TRUE, NULL);
      ldn_user_store_set_note (user, "vivid-dreams", text, NULL);
    }
  else
    ldn_user_store_add_question (user, text, NULL, NULL);
}

static void
draw_every_page (LdnSheet *sheet)
{
  for (guint page = 0; page < ldn_sheet_get_n_pages (sheet); page++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);

      ldn_sheet_draw_page (sheet, cr, page);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  LdnUserStore *user = fuzz_user_store ();
  g_autoptr(LdnSheetData) sheet_data = NULL;
  g_autoptr(LdnSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  size_t start = 0, n_line_breaks = 0;
  guint part = 0, n_notes = 0;
  double width, height;

  for (size_t i = 0; i <= size && part < 5 + 12 + LDN_USER_MAX_QUESTIONS; i++)
    if (i == size || data[i] == '\0')
      {
        g_autofree char *text = g_strndup ((const char *) data + start, i - start);

        store_part (user, part++, text, &n_notes);
        start = i + 1;
      }
    else if (data[i] == '\n' || data[i] == '\r')
      n_line_breaks++;

  sheet_data = ldn_sheet_data_collect (fuzz_content_store (), user, 4.5, TRUE, TRUE, &error);
  g_assert_no_error (error);
  ldn_paper_get_size (size % 2 ? LDN_PAPER_LETTER : LDN_PAPER_A4, &width, &height);
  sheet = ldn_sheet_new (g_steal_pointer (&sheet_data), width, height, &error);
  /* Only text of many line breaks can fill the page cap: any other line
   * holds 20 bytes or more. Else the layout went wrong. */
  if (sheet == NULL && g_error_matches (error, LDN_SHEET_ERROR, LDN_SHEET_ERROR_TOO_LONG) &&
      size / 20 + n_line_breaks > LDN_SHEET_MAX_PAGES * 40)
    return 0;
  g_assert_no_error (error);
  g_assert_cmpuint (ldn_sheet_get_n_pages (sheet), >=, 1);
  draw_every_page (sheet);
  return 0;
}

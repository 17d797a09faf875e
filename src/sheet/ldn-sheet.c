/* ldn-sheet.c
 *
 * The sheet is a list of items (text, the flags box, the chart, table
 * rows) laid out top to bottom. Pagination places each item whole when
 * it fits; text that does not fit continues on the next page at a line
 * boundary; a table row moves whole to the next page when that page can
 * hold it below the repeated table header, else its note continues line
 * by line. Every page places at least one line, so layout always ends;
 * a page cap is the last guard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "chart/ldn-chart-draw.h"
#include "chart/ldn-icon-array-draw.h"
#include "ldn-sheet.h"
#include "ldn-sheet-diary.h"
#include "export/ldn-export.h"
#include "util/ldn-language.h"

#define MARGIN        48.0
#define FOOTER        36.0
#define CHART_HEIGHT 220.0
#define TREND_HEIGHT 170.0   /* a diary item's chart */
#define ICONS_WIDTH   64.0    /* one 100-person array: 10 people of 6.4 pt */
#define ICONS_LABEL   13.0
#define ICONS_HEIGHT (ICONS_LABEL + ICONS_WIDTH + 4)
#define BOX_PADDING    8.0
#define N_COLUMNS      4
#define NOTE_COLUMN    3

typedef enum {
  ITEM_TEXT,
  ITEM_BOX,     /* text inside a border: the flags for the doctor */
  ITEM_CHART,
  ITEM_ROW,     /* a table row; the note column may continue */
  ITEM_ICONS,   /* two 100-person icon arrays: LDN and the comparison */
  ITEM_BREAK,   /* what follows starts a new page (after page 1's summary) */
} ItemKind;

typedef struct {
  ItemKind     kind;
  double       space_before;
  gboolean     keep_with_next;    /* headings stay with what follows */
  gboolean     glue;              /* an intro paragraph: stays with what follows, not a heading */
  gboolean     strong;            /* a box with the strongest border */
  gboolean     header;            /* a table header, repeated after a break */
  PangoLayout *layout;            /* TEXT, BOX, or the ROW's note */
  double       x;
  PangoLayout *cells[N_COLUMNS];
  double       cell_x[N_COLUMNS];
  const LdnSheetFrequency *frequency;  /* ICONS */
  PangoLayout *sentence;          /* ICONS: drawn above the arrays, never split from them */
  double       fixed_height;      /* ICONS */
  gboolean     trend;             /* CHART: a diary item's trend, not the occupancy */
  guint        trend_item;
  GArray      *line_top;          /* per line of LAYOUT, in points */
  GArray      *line_bottom;
} Item;

typedef struct {
  Item  *item;
  guint  page;
  double y;
  guint  first_line;
  guint  end_line;
} Piece;

struct _LdnSheet
{
  double              width;
  double              height;
  PangoContext       *context;
  GPtrArray          *items;
  GArray             *pieces;
  guint               n_pages;
  LdnSheetData       *data;
  LdnSheetDiary      *diary;            /* "Before and after", or NULL */
  char               *footer;
  double              text_height;      /* of every line laid out so far */
  double              max_text_height;  /* more cannot fit in max_pages */
  gboolean            too_long;         /* then the rest is not laid out */
  /* Words drawn with each page, in the sheet's language, translated once
   * when the sheet is made (drawing switches only numbers and dates). */
  char               *chart_y_axis;
  char               *chart_sustained;
  char               *chart_transient;
  char               *chart_measured;
  char               *chart_no_data;
  char               *chart_day_format;
  char               *arm_format;
  char               *page_format;
  char               *pdf_title;
};

GStrv
ldn_sheet_dup_page_headings (LdnSheet *sheet,
                             guint     page)
{
  g_autoptr(GStrvBuilder) headings = g_strv_builder_new ();

  for (guint i = 0; i < sheet->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (sheet->pieces, Piece, i);

      /* Only headings are kept with what follows them. */
      if (piece->page == page && piece->item->keep_with_next && piece->first_line == 0)
        g_strv_builder_add (headings, pango_layout_get_text (piece->item->layout));
    }

  return g_strv_builder_end (headings);
}

/* Lines FIRST to END of LAYOUT, as drawn, after LEAD (unless at the start);
 * each further paragraph on a new line. */
static void
append_lines (GString     *text,
              PangoLayout *layout,
              guint        first,
              guint        end,
              const char  *lead)
{
  const char *all = pango_layout_get_text (layout);

  if (*all == '\0')
    return;
  end = MIN (end, (guint) pango_layout_get_line_count (layout));
  for (guint i = first; i < end; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, i);

      if (text->len > 0 && i == first)
        g_string_append (text, lead);
      else if (text->len > 0 && line->is_paragraph_start)
        g_string_append_c (text, '\n');
      g_string_append_len (text, all + line->start_index, line->length);
    }
}

char *
ldn_sheet_dup_page_text (LdnSheet *sheet,
                         guint     page)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < sheet->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (sheet->pieces, Piece, i);
      const Item *item = piece->item;

      if (piece->page != page)
        continue;
      switch (item->kind)
        {
        case ITEM_TEXT:
        case ITEM_BOX:
          append_lines (text, item->layout, piece->first_line, piece->end_line, "\n");
          break;

        case ITEM_ROW:
          /* A table row as a sentence: its cells, then its note. */
          {
            gboolean row_start = TRUE;

            for (guint c = 0; c < N_COLUMNS && piece->first_line == 0; c++)
              {
                const char *cell = pango_layout_get_text (item->cells[c]);

                if (c == NOTE_COLUMN || *cell == '\0')
                  continue;
                g_string_append (text, text->len == 0 ? "" : row_start ? "\n" : ", ");
                g_string_append (text, cell);
                row_start = FALSE;
              }
            append_lines (text, item->layout, piece->first_line, piece->end_line, row_start ? "\n" : ", ");
          }
          break;

        case ITEM_ICONS:
          append_lines (text, item->sentence, 0, G_MAXUINT, "\n");
          break;

        case ITEM_CHART:   /* its heading and caption are text of their own */
        case ITEM_BREAK:
        default:
          break;
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
ldn_paper_get_size (LdnPaper  paper,
                    double   *width,
                    double   *height)
{
  *width = paper == LDN_PAPER_LETTER ? 612 : 595.28;
  *height = paper == LDN_PAPER_LETTER ? 792 : 841.89;
}

gboolean
ldn_paper_from_string (const char *name,
                       LdnPaper   *paper)
{
  if (g_strcmp0 (name, "a4") == 0)
    *paper = LDN_PAPER_A4;
  else if (g_strcmp0 (name, "letter") == 0)
    *paper = LDN_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

static void
item_free (Item *item)
{
  g_clear_object (&item->layout);
  g_clear_object (&item->sentence);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&item->cells[i]);
  g_clear_pointer (&item->line_top, g_array_unref);
  g_clear_pointer (&item->line_bottom, g_array_unref);
  g_free (item);
}

static PangoLayout *
new_layout (LdnSheet   *sheet,
            const char *markup,
            const char *font,
            double      width)
{
  PangoLayout *layout = pango_layout_new (sheet->context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* The sheet reads in one direction; right-to-left text the person
   * typed keeps its order inside its isolate (see ldn-user-text.h)
   * without turning a whole line, its number or date around. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_markup (layout, markup, -1);
  pango_font_description_free (description);
  /* A word too long for its line (a Spanish heading in a narrow column)
   * is broken without a hyphen Pango would invent ("Intensida-d"). */
  {
    PangoAttrList *attributes = pango_layout_get_attributes (layout);
    g_autoptr(PangoAttrList) own = attributes != NULL ? pango_attr_list_copy (attributes) : pango_attr_list_new ();

    pango_attr_list_insert (own, pango_attr_insert_hyphens_new (FALSE));
    pango_layout_set_attributes (layout, own);
  }

  return layout;
}

static void
measure_lines (LdnSheet *sheet,
               Item     *item)
{
  PangoLayoutIter *iter = pango_layout_get_iter (item->layout);

  item->line_top = g_array_new (FALSE, FALSE, sizeof (double));
  item->line_bottom = g_array_new (FALSE, FALSE, sizeof (double));
  do
    {
      int top, bottom;
      double t, b;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      t = pango_units_to_double (top);
      b = pango_units_to_double (bottom);
      g_array_append_val (item->line_top, t);
      g_array_append_val (item->line_bottom, b);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  /* Lines never share a page's height, so this much text cannot fit in
   * the page cap: stop laying out early instead of building far more
   * than could ever be shown. */
  sheet->text_height += g_array_index (item->line_bottom, double, item->line_bottom->len - 1)
                        - g_array_index (item->line_top, double, 0);
  if (sheet->text_height > sheet->max_text_height)
    sheet->too_long = TRUE;
}

static Item *
add_item (LdnSheet *sheet,
          ItemKind  kind,
          double    space_before)
{
  Item *item = g_new0 (Item, 1);

  item->kind = kind;
  item->space_before = space_before;
  g_ptr_array_add (sheet->items, item);

  return item;
}

static void
add_text (LdnSheet   *sheet,
          const char *markup,
          const char *font,
          double      indent,
          double      space_before,
          gboolean    keep_with_next)
{
  Item *item;

  if (sheet->too_long)
    return;

  item = add_item (sheet, ITEM_TEXT, space_before);
  item->x = MARGIN + indent;
  item->keep_with_next = keep_with_next;
  item->layout = new_layout (sheet, markup, font, sheet->width - 2 * MARGIN - indent);
  measure_lines (sheet, item);
}

static void
add_plain (LdnSheet   *sheet,
           const char *text,
           const char *font,
           double      indent,
           double      space_before)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  add_text (sheet, escaped, font, indent, space_before, FALSE);
}

/* The item just added (an intro paragraph) stays with what follows it. */
static void
glue_last (LdnSheet *sheet)
{
  if (!sheet->too_long && sheet->items->len > 0)
    ((Item *) g_ptr_array_index (sheet->items, sheet->items->len - 1))->glue = TRUE;
}

static void
add_heading (LdnSheet   *sheet,
             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  add_text (sheet, escaped, "Sans Bold 12.5", 0, 14, TRUE);
}

static void
add_row (LdnSheet           *sheet,
         const char * const *cells,
         gboolean            header)
{
  static const double share[N_COLUMNS] = { 0.25, 0.13, 0.15, 0.47 };
  double width = sheet->width - 2 * MARGIN, x = MARGIN;
  Item *item;

  if (sheet->too_long)
    return;

  item = add_item (sheet, ITEM_ROW, header ? 6 : 2);
  item->header = header;
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_autofree char *escaped = g_markup_escape_text (cells[c], -1);

      item->cell_x[c] = x;
      item->cells[c] = new_layout (sheet, escaped, header ? "Sans Bold 9.5" : "Sans 9.5", width * share[c] - 8);
      /* A column heading wraps between words only: a word wider than its
       * column ("Intensidad") runs into the gap rather than breaking. */
      if (header)
        pango_layout_set_wrap (item->cells[c], PANGO_WRAP_WORD);
      x += width * share[c];
    }
  item->layout = g_object_ref (item->cells[NOTE_COLUMN]);
  measure_lines (sheet, item);
}

static double
cell_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

/* Everything but the splittable note column of a row. */
static double
row_fixed_height (const Item *item)
{
  double height = 0;

  for (guint c = 0; c < N_COLUMNS; c++)
    if (c != NOTE_COLUMN)
      height = MAX (height, cell_height (item->cells[c]));

  return height;
}

static double
lines_height (const Item *item,
              guint       first,
              guint       end)
{
  if (end <= first)
    return 0;

  return g_array_index (item->line_bottom, double, end - 1) - g_array_index (item->line_top, double, first);
}

static double
piece_height (const Piece *piece)
{
  const Item *item = piece->item;
  double text = lines_height (item, piece->first_line, piece->end_line);

  switch (item->kind)
    {
    case ITEM_CHART:
      return item->trend ? TREND_HEIGHT : CHART_HEIGHT;
    case ITEM_ICONS:
      return item->fixed_height;
    case ITEM_BOX:
      return text + 2 * BOX_PADDING;
    case ITEM_ROW:
      return piece->first_line == 0 ? MAX (text, row_fixed_height (item)) + 4 : text + 4;
    case ITEM_TEXT:
    default:
      return text;
    }
}

static void
place (LdnSheet *sheet,
       Item     *item,
       guint     page,
       double    y,
       guint     first,
       guint     end)
{
  Piece piece = { item, page, y, first, end };

  g_array_append_val (sheet->pieces, piece);
}

static guint
n_lines (const Item *item)
{
  return item->line_top ? item->line_top->len : 0;
}

/* How many lines from FIRST fit in AVAILABLE points. */
static guint
lines_that_fit (const Item *item,
                guint       first,
                double      available)
{
  guint end = first;

  while (end < n_lines (item) && lines_height (item, first, end + 1) <= available)
    end++;

  return end;
}

static gboolean
set_too_long_error (GError **error,
                    guint    max_pages)
{
  g_set_error (error, LDN_SHEET_ERROR, LDN_SHEET_ERROR_TOO_LONG,
               /* Translators: %u is the most pages a sheet can have, e.g. 500. */
               ngettext ("The discussion sheet would be longer than %u page, too long to print. Please "
                         "shorten the longest notes or questions: nothing you wrote was changed.",
                         "The discussion sheet would be longer than %u pages, too long to print. Please "
                         "shorten the longest notes or questions: nothing you wrote was changed.",
                         max_pages),
               max_pages);
  return FALSE;
}

/* Where content starts on a new page while ITEM is being placed: below
 * the repeated header when ITEM is a row of a table that goes on. */
static double
fresh_page_y (const Item *item,
              const Item *table_header,
              double      top)
{
  if (table_header != NULL && item != table_header)
    {
      Piece header = { (Item *) table_header, 0, 0, 0, n_lines (table_header) };

      return top + piece_height (&header);
    }

  return top;
}

/* How tall item I and the items kept with it are: every heading or intro
 * paragraph in a row from I, whole, and the first block after them (a
 * chart, a row or a sentence with pictures whole; a text's first two lines,
 * or all of a short one, as paginate never leaves fewer behind). */
static double
kept_height (LdnSheet *sheet,
             guint     i)
{
  double need = 0;

  for (guint j = i; j < sheet->items->len; j++)
    {
      Item *item = g_ptr_array_index (sheet->items, j);
      guint total = n_lines (item);
      Piece whole = { item, 0, 0, 0, total };

      if (item->kind == ITEM_BREAK)
        break;
      if (j > i)
        need += item->space_before;
      if (item->keep_with_next || item->glue)
        {
          need += piece_height (&whole);
          continue;
        }
      if (item->kind == ITEM_TEXT && total > 3)
        {
          Piece first = { item, 0, 0, 0, 2 };

          need += piece_height (&first);
        }
      else if (item->kind == ITEM_ROW)
        need += row_fixed_height (item) + 4;
      else
        need += piece_height (&whole);
      break;
    }

  return need;
}

/* Every page places at least one line (or the chart), so there are never
 * more pages than lines plus items; MAX_PAGES stops anything else. */
static gboolean
paginate (LdnSheet *sheet,
          guint     max_pages,
          GError  **error)
{
  double top = MARGIN, bottom = sheet->height - MARGIN - FOOTER;
  double y = top;
  guint page = 0;
  Item *table_header = NULL;

  for (guint i = 0; i < sheet->items->len; i++)
    {
      Item *item = g_ptr_array_index (sheet->items, i);
      guint first = 0, total = n_lines (item);
      double extra = item->kind == ITEM_BOX ? 2 * BOX_PADDING : item->kind == ITEM_ROW ? 4 : 0;

      if (item->kind == ITEM_BREAK)
        {
          if (y > top)
            page++;
          y = top;
          table_header = NULL;
          continue;
        }

      if (item->kind == ITEM_ROW && item->header)
        table_header = item;
      else if (item->kind != ITEM_ROW)
        table_header = NULL;

      if (y > top)
        y += item->space_before;

      /* A heading (and an intro paragraph after it) moves on with the
       * first block of what follows it. */
      if ((item->keep_with_next || item->glue) && i + 1 < sheet->items->len)
        {
          double need = kept_height (sheet, i);

          if (y + need > bottom && y > top)
            {
              page++;
              y = top;
            }
        }

      for (;;)
        {
          Piece whole = { item, 0, 0, first, total };
          double height = piece_height (&whole);
          double fresh = fresh_page_y (item, table_header, top);
          guint end;

          if (y + height <= bottom)
            {
              place (sheet, item, page, y, first, total);
              y += height;
              break;
            }

          /* The chart never splits; a row moves whole when the next page
           * can hold it below the repeated header. */
          if (item->kind == ITEM_CHART || (item->kind == ITEM_ROW && height <= bottom - fresh && y > fresh))
            end = first;
          else
            end = lines_that_fit (item, first, bottom - y - extra);

          /* No lone first or last line: short texts move whole, long ones
           * leave at least two lines on each side of the break. */
          if (item->kind != ITEM_ROW && item->kind != ITEM_CHART && y > top)
            {
              if (total - first <= 3 || end - first < 2)
                end = first;
              else if (total - end < 2)
                end = total - 2;
            }

          /* Nor a lone last line of a note continued on the next page. */
          if (item->kind == ITEM_ROW && end < total && total - end < 2 && end - first > 2)
            end = total - 2;

          /* A row's first piece carries its other cells too. */
          if (item->kind == ITEM_ROW && first == 0 && row_fixed_height (item) > bottom - y - extra)
            end = first;

          /* Nothing fits even at the top of a page (a chart or a line
           * taller than a page): place it anyway, so that every page goes
           * on. */
          if (end == first && y <= fresh)
            {
              if (item->kind == ITEM_CHART || first + 1 >= total)
                {
                  place (sheet, item, page, y, first, total);
                  y += height;
                  break;
                }
              end = first + 1;
            }

          if (end > first)
            {
              place (sheet, item, page, y, first, end);
              first = end;
            }

          page++;
          y = top;
          if (page >= max_pages)
            return set_too_long_error (error, max_pages);

          /* A table that goes on keeps its header at the top. */
          if (table_header != NULL && item != table_header)
            {
              Piece header = { table_header, 0, 0, 0, n_lines (table_header) };

              place (sheet, table_header, page, y, 0, n_lines (table_header));
              y += piece_height (&header);
            }
        }
    }

  sheet->n_pages = page + 1;
  return TRUE;
}

static void
add_list (LdnSheet  *sheet,
          GPtrArray *lines,
          gboolean   numbered)
{
  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *line = numbered ? g_strdup_printf ("%u. %s", i + 1, (char *) g_ptr_array_index (lines, i))
                                       : g_strdup_printf ("• %s", (char *) g_ptr_array_index (lines, i));
      add_plain (sheet, line, "Sans 10", 10, 3);
    }
}

static void
add_flag_box (LdnSheet           *sheet,
              const LdnSheetData *data)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  Item *item;

  for (guint i = 0; i < data->flags->len; i++)
    {
      const LdnSheetFlag *flag = g_ptr_array_index (data->flags, i);
      g_autofree char *line = g_markup_printf_escaped (flag->high ? "<span size='larger'><b>%s %s</b></span>\n%s"
                                                                  : "<b>%s %s</b>\n%s",
                                                       flag->question, flag->answer, flag->why);

      if (markup->len > 0)
        g_string_append (markup, "\n\n");
      if (flag->high)
        /* Translators: in front of the opioid flag on the sheet. */
        g_string_append (markup, _("<b>MOST IMPORTANT</b>\n"));
      g_string_append (markup, line);
    }

  item = add_item (sheet, ITEM_BOX, 6);
  item->strong = ((LdnSheetFlag *) g_ptr_array_index (data->flags, 0))->high;
  item->x = MARGIN;
  item->layout = new_layout (sheet, markup->str, "Sans 10", sheet->width - 2 * MARGIN - 2 * BOX_PADDING - 4);
  measure_lines (sheet, item);
}

static void
add_flags (LdnSheet           *sheet,
           const LdnSheetData *data)
{
  /* Never an all-clear while a question is open: the doctor should ask. */
  if (data->flags->len > 0)
    add_flag_box (sheet, data);
  else if (data->unanswered->len > 0)
    add_plain (sheet, _("Some safety questions are not answered yet, so this sheet cannot show that there is "
                        "nothing to flag."), "Sans Bold 10", 0, 4);
  else
    add_plain (sheet, _("No safety flags: every safety question was answered “No”."), "Sans 10", 0, 4);

  /* Unanswered is not "no": the doctor should ask these. */
  if (data->unanswered->len > 0)
    {
      add_plain (sheet, _("Safety questions I have not answered yet:"), "Sans Bold 10", 0, 6);
      add_list (sheet, data->unanswered, FALSE);
    }
}

/* Page 1: what a doctor needs in 20 seconds, on one page whatever the
 * person typed. Every list is capped and every text shortened here; the
 * whole of it follows from page 2 on. */
typedef struct {
  const char *font;
  const char *bold;
  const char *heading;
  double      heading_space;
  guint       text;          /* a question, allergies, what was tried */
  guint       name;          /* a medicine or condition name */
  guint       detail;        /* a dose, how often */
  guint       flagged;       /* opioid medicines named in the flags */
  guint       rows;          /* medicines in the table */
  guint       conditions;
  gboolean    merge_flags;   /* the safety answers on one line */
  gboolean    skip_tried;
  double      box_spacing;   /* between the doctor's blank lines */
} Limits;

/* Tried in order until page 1 fits; the last fits whatever was typed. */
static const Limits summary_limits[] = {
  { "Sans 9.5", "Sans Bold 9.5", "Sans Bold 11", 9, 160, 60, 40, 4, 6, 6, FALSE, FALSE, 9 },
  { "Sans 9", "Sans Bold 9", "Sans Bold 10.5", 7, 110, 40, 24, 3, 4, 4, FALSE, FALSE, 8 },
  { "Sans 8.5", "Sans Bold 8.5", "Sans Bold 10", 5, 70, 30, 16, 2, 3, 3, TRUE, TRUE, 6 },
};

/* TEXT on one line, at most MAX characters, with "…" when shortened. */
static char *
summary_text (const char *text,
              guint       max)
{
  g_autofree char *flat = g_strdup (text != NULL ? text : "");
  g_autofree char *head = NULL;

  g_strdelimit (flat, "\n\r\t", ' ');
  g_strstrip (flat);
  if ((guint) g_utf8_strlen (flat, -1) <= max)
    return g_steal_pointer (&flat);

  head = g_utf8_substring (flat, 0, max - 1);
  return g_strconcat (head, "…", NULL);
}

static void
add_summary_heading (LdnSheet     *sheet,
                     const Limits *l,
                     const char   *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  add_text (sheet, escaped, l->heading, 0, l->heading_space, TRUE);
}

/* "Takes co-codamol 30/500, 2 tablets, four times a day: opioid". */
static char *
summary_medicine_flag (const LdnSheetMedicine *medicine,
                       const Limits           *l)
{
  g_autoptr(GString) what = g_string_new (NULL);
  g_autofree char *name = summary_text (medicine->name, l->name);
  g_autofree char *dose = summary_text (medicine->dose, l->detail);
  g_autofree char *often = summary_text (medicine->how_often, l->detail);
  g_autofree char *line = NULL;

  g_string_append (what, name);
  if (*dose != '\0')
    g_string_append_printf (what, ", %s", dose);
  if (*often != '\0')
    g_string_append_printf (what, ", %s", often);

  if (medicine->contains != NULL)
    /* Translators: page 1 of the sheet: a medicine from the person's list that is an opioid.
     * The first %s is what they typed (name, dose, how often), the second what it contains. */
    line = g_markup_printf_escaped (_("<b>Takes %s: opioid</b> (contains %s)"), what->str, medicine->contains);
  else
    /* Translators: page 1 of the sheet: a medicine from the person's list that is an opioid. */
    line = g_markup_printf_escaped (_("<b>Takes %s: opioid</b>"), what->str);

  return g_steal_pointer (&line);
}

static void
add_summary_flags (LdnSheet           *sheet,
                   const LdnSheetData *data,
                   const Limits       *l)
{
  const LdnSheetDecision *decision = data->decision;
  g_autoptr(GString) markup = g_string_new (NULL);
  guint flagged = 0, more = 0;
  gboolean strong = FALSE;
  Item *item;

  for (guint i = 0; i < decision->medicines->len; i++)
    {
      const LdnSheetMedicine *medicine = g_ptr_array_index (decision->medicines, i);
      g_autofree char *line = NULL;

      if (medicine->opioid == NULL)
        continue;
      strong = TRUE;
      if (flagged++ >= l->flagged)
        {
          more++;
          continue;
        }
      line = summary_medicine_flag (medicine, l);
      g_string_append_printf (markup, "%s%s", markup->len > 0 ? "\n" : "", line);
    }
  if (more > 0)
    {
      /* Translators: page 1 of the sheet, after the first few opioid medicines. */
      g_autofree char *line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more opioid medicine: see page 2",
                                                            "and %u more opioid medicines: see page 2", more), more);
      g_autofree char *escaped = g_markup_escape_text (line, -1);

      g_string_append_printf (markup, "\n%s", escaped);
    }
  if (decision->opioid_answer_no)
    {
      g_autofree char *escaped = g_markup_escape_text (_("The medicines list names an opioid, but the opioid safety "
                                                         "question was answered “No”: please check."), -1);

      g_string_append_printf (markup, "\n<b>%s</b>", escaped);
    }

  if (l->merge_flags && data->flags->len > 0)
    {
      g_autoptr(GString) questions = g_string_new (NULL);
      g_autofree char *shortened = NULL;
      g_autofree char *line = NULL;

      for (guint i = 0; i < data->flags->len; i++)
        {
          const LdnSheetFlag *flag = g_ptr_array_index (data->flags, i);

          strong = strong || flag->high;
          g_string_append_printf (questions, "%s%s (%s)", i > 0 ? " · " : "", flag->question, flag->answer);
        }
      shortened = summary_text (questions->str, 2 * l->text);
      /* Translators: page 1 of the sheet, when space is short: the safety questions answered "Yes" or "Not sure". */
      line = g_markup_printf_escaped (_("<b>Answered “Yes” or “Not sure”:</b> %s"), shortened);
      g_string_append_printf (markup, "%s%s", markup->len > 0 ? "\n" : "", line);
    }

  for (guint i = 0; !l->merge_flags && i < data->flags->len; i++)
    {
      const LdnSheetFlag *flag = g_ptr_array_index (data->flags, i);
      g_autofree char *question = summary_text (flag->question, l->text);
      /* Translators: page 1 of the sheet: a safety answer ("Yes", "Not sure"), then its question. */
      g_autofree char *line = g_markup_printf_escaped (_("<b>%s:</b> %s"), flag->answer, question);

      strong = strong || flag->high;
      g_string_append_printf (markup, "%s%s", markup->len > 0 ? "\n" : "", line);
    }

  /* Unanswered is not "no": listed as unanswered, for the doctor to ask. */
  if (data->unanswered->len > 0)
    {
      g_autoptr(GString) questions = g_string_new (NULL);
      g_autofree char *shortened = NULL;
      g_autofree char *line = NULL;

      for (guint i = 0; i < data->unanswered->len; i++)
        g_string_append_printf (questions, "%s%s", i > 0 ? " · " : "", (char *) g_ptr_array_index (data->unanswered, i));
      /* With nothing else on the sheet, all of them (their number is the content's). */
      shortened = data->nothing_entered ? g_strdup (questions->str) : summary_text (questions->str, 3 * l->text);
      /* Translators: page 1 of the sheet: the safety questions left open follow. */
      line = g_markup_printf_escaped (_("<b>Safety questions not answered yet:</b> %s"), shortened);
      g_string_append_printf (markup, "%s%s", markup->len > 0 ? "\n" : "", line);
    }

  if (markup->len == 0)
    {
      add_plain (sheet, _("No safety flags: every safety question was answered “No”."), l->font, 0, 4);
      return;
    }

  item = add_item (sheet, ITEM_BOX, 4);
  item->strong = strong;
  item->x = MARGIN;
  item->layout = new_layout (sheet, markup->str, l->font, sheet->width - 2 * MARGIN - 2 * BOX_PADDING - 4);
  pango_layout_set_spacing (item->layout, pango_units_from_double (2));
  measure_lines (sheet, item);
}

static void
add_summary_medicines (LdnSheet           *sheet,
                       const LdnSheetData *data,
                       const Limits       *l)
{
  const LdnSheetDecision *decision = data->decision;
  const char *header[] = { _("Medicine"), _("Dose"), _("How often"), _("Note") };
  g_autofree char *allergies = summary_text (decision->allergies, l->text);
  g_autofree char *allergy_line = NULL;
  guint shown = 0;

  if (decision->medicines->len == 0)
    add_plain (sheet, _("Medicines: none listed."), l->font, 0, 4);
  else
    add_row (sheet, header, TRUE);

  /* Opioids first, then the rest, in the person's order. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < decision->medicines->len; i++)
      {
        const LdnSheetMedicine *medicine = g_ptr_array_index (decision->medicines, i);
        g_autofree char *name = NULL, *dose = NULL, *often = NULL, *note = NULL;

        if ((pass == 0) != (medicine->opioid != NULL) || shown >= l->rows)
          continue;
        name = summary_text (medicine->name, l->name);
        dose = summary_text (medicine->dose, l->detail);
        often = summary_text (medicine->how_often, l->detail);
        note = medicine->opioid == NULL ? g_strdup ("")
               : medicine->contains != NULL
                 /* Translators: the note for an opioid in the sheet's medicines table. */
                 ? g_strdup_printf (_("Opioid (contains %s)"), medicine->contains)
                 : g_strdup (_("Opioid"));
        {
          const char *cells[] = { name, dose, often, note };
          add_row (sheet, cells, FALSE);
        }
        shown++;
      }
  if (decision->medicines->len > shown)
    {
      g_autofree char *line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more: see page 2",
                                                            "and %u more: see page 2",
                                                            decision->medicines->len - shown),
                                               decision->medicines->len - shown);
      add_plain (sheet, line, l->font, 0, 2);
    }

  /* Translators: page 1 of the sheet. */
  allergy_line = g_strdup_printf (_("Allergies: %s"), *allergies != '\0' ? allergies : _("none written"));
  add_plain (sheet, allergy_line, l->font, 0, 5);
  if (*decision->tried != '\0' && !l->skip_tried)
    {
      g_autofree char *tried = summary_text (decision->tried, l->text);
      g_autofree char *line = g_strdup_printf (_("Tried before: %s"), tried);

      add_plain (sheet, line, l->font, 0, 2);
    }
}

static char *
summary_sure (const LdnSheetDecision *decision)
{
  g_autofree char *before = NULL, *after = NULL;

  if (decision->sure_answered[0] > 0)
    /* Translators: the SURE test's result on page 1: how many of its four questions were answered "No". */
    before = g_strdup_printf (_("before reading the guide, unsure on %u of 4"), decision->sure_unsure[0]);
  if (decision->sure_answered[1] > 0)
    after = g_strdup_printf (_("after reading the guide, unsure on %u of 4"), decision->sure_unsure[1]);

  if (before != NULL && after != NULL)
    /* Translators: page 1 of the sheet; the two parts are the results above. */
    return g_strdup_printf (_("SURE test: %s; %s."), before, after);
  if (before != NULL || after != NULL)
    return g_strdup_printf (_("SURE test: %s."), before != NULL ? before : after);

  return g_strdup (_("SURE test: not answered."));
}

/* "Decision: ________" to the right edge. */
static char *
blank_line (LdnSheet     *sheet,
            const Limits *l,
            const char   *label,
            double        width)
{
  g_autofree char *escaped = g_markup_escape_text (label, -1);
  g_autofree char *bold = g_strdup_printf ("<b>%s</b> ", escaped);
  g_autoptr(PangoLayout) measure = new_layout (sheet, bold, l->font, -1);
  g_autoptr(PangoLayout) underscore = new_layout (sheet, "_", l->font, -1);
  int label_width, underscore_width;
  g_autofree char *line = NULL;
  int count;

  pango_layout_set_width (measure, -1);
  pango_layout_set_width (underscore, -1);
  pango_layout_get_size (measure, &label_width, NULL);
  pango_layout_get_size (underscore, &underscore_width, NULL);
  count = underscore_width > 0 ? (int) ((pango_units_from_double (width) - label_width) / underscore_width) - 1 : 10;
  line = g_strnfill (MAX (count, 10), '_');

  return g_strconcat (bold, line, NULL);
}

/* The diary's start, when the person has started: its start date and a
 * dose plan. STEP is the plan step in effect on the diary's "today" (or the
 * first, if all start later). */
static gboolean
diary_started (const LdnSheetData      *data,
               const LdnDiaryPlanStep **step)
{
  const LdnDiary *diary = data->diary;
  GDate today;

  if (diary == NULL || !diary->has_start || diary->plan->len == 0)
    return FALSE;
  if (g_date_valid (&data->diary_until))
    today = data->diary_until;
  else
    {
      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
    }
  *step = g_ptr_array_index (diary->plan, 0);
  for (guint i = 1; i < diary->plan->len; i++)
    {
      const LdnDiaryPlanStep *next = g_ptr_array_index (diary->plan, i);

      if (g_date_compare (&next->from, &today) <= 0)
        *step = next;
    }
  return TRUE;
}

static char *
dup_diary_date (const GDate *date)
{
  char iso[16];

  g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
  return ldn_language_format_iso_date (iso);
}

static void
add_doctor_box (LdnSheet           *sheet,
                const LdnSheetData *data,
                const Limits       *l)
{
  /* The diary section has its own review point with a line for the date. */
  gboolean review_in_diary = data->diary != NULL
                             && (data->diary->items->len > 0 || data->diary->entries->len > 0);
  const char *labels[] = { _("Decision:"), _("Dose plan:"), _("Start date:"),
                           review_in_diary ? NULL : _("Review date:"), _("What to monitor:") };
  const LdnDiaryPlanStep *step = NULL;
  gboolean started = diary_started (data, &step);
  double width = sheet->width - 2 * MARGIN - 2 * BOX_PADDING - 4;
  g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", _("For the doctor"));
  g_autoptr(GString) markup = g_string_new (title);
  Item *item;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *line = NULL;

      if (labels[i] == NULL)
        continue;
      if (started && i == 1)
        {
          g_autofree char *dose = g_strdup_printf ("%g", step->dose_mg);
          /* Translators: page 1's doctor box, "Dose plan:" filled in from the diary. */
          g_autofree char *now = g_strdup_printf (_("now %s mg at %02d:%02d (from my diary)"), dose,
                                                  step->minutes / 60, step->minutes % 60);

          line = g_markup_printf_escaped ("<b>%s</b> %s", labels[i], now);
        }
      else if (started && i == 2)
        {
          g_autofree char *date = dup_diary_date (&data->diary->start);
          /* Translators: page 1's doctor box, "Start date:" filled in from the diary. */
          g_autofree char *start = g_strdup_printf (_("%s (from my diary)"), date);

          line = g_markup_printf_escaped ("<b>%s</b> %s", labels[i], start);
        }
      else
        line = blank_line (sheet, l, labels[i], width);
      g_string_append_printf (markup, "\n%s", line);
    }

  item = add_item (sheet, ITEM_BOX, 10);
  item->x = MARGIN;
  item->layout = new_layout (sheet, markup->str, l->font, width);
  pango_layout_set_spacing (item->layout, pango_units_from_double (l->box_spacing));
  measure_lines (sheet, item);
}

static void
add_summary_items (LdnSheet           *sheet,
                   const LdnSheetData *data,
                   const Limits       *l)
{
  const LdnSheetDecision *decision = data->decision;
  g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", _("LDN: summary for the doctor"));
  g_autofree char *name = summary_text (data->name, l->name);
  g_autofree char *who = NULL;
  g_autoptr(GString) conditions = g_string_new (NULL);
  g_autofree char *considering = NULL;
  g_autofree char *dose = NULL;
  const LdnDiaryPlanStep *step = NULL;
  g_autofree char *sure = summary_sure (decision);
  guint n_questions = MIN (data->questions->len, 3);

  add_text (sheet, title, "Sans 15", 0, 0, FALSE);
  if (decision->date_of_birth != NULL)
    /* Translators: page 1 of the sheet: name, date of birth and today's date. */
    who = g_strdup_printf (_("Name: %s    Date of birth: %s    Date: %s"),
                           *name != '\0' ? name : "____________________", decision->date_of_birth, data->date);
  else
    who = g_strdup_printf (_("Name: %s    Date: %s"), *name != '\0' ? name : "____________________", data->date);
  add_plain (sheet, who, l->font, 0, 5);
  if (diary_started (data, &step))
    {
      g_autofree char *start = dup_diary_date (&data->diary->start);
      g_autofree char *dose_mg = g_strdup_printf ("%g", step->dose_mg);
      g_autofree char *time_of_day = g_strdup_printf ("%02d:%02d", step->minutes / 60, step->minutes % 60);
      g_autofree char *line = NULL;

      if (data->diary->items->len > 0 || data->diary->entries->len > 0)
        /* Translators: near the top of page 1 for a person who has started: the start date and
         * the dose now, both as the person typed them in the diary; "Before and after" is the
         * diary's section of the sheet. */
        line = g_strdup_printf (_("Started %s (from my diary): now %s mg at %s; the diary is under "
                                  "“Before and after”."), start, dose_mg, time_of_day);
      else
        /* Translators: the same when the diary has nothing else to show. */
        line = g_strdup_printf (_("Started %s (from my diary): now %s mg at %s."), start, dose_mg, time_of_day);
      add_plain (sheet, line, l->bold, 0, 4);
    }

  add_summary_heading (sheet, l, _("What I am considering"));
  for (guint i = 0; i < decision->conditions->len && i < l->conditions; i++)
    {
      const LdnSheetCondition *condition = g_ptr_array_index (decision->conditions, i);
      g_autofree char *condition_name = summary_text (condition->name, l->name);
      g_autofree char *strength = condition->strength ? g_utf8_strdown (condition->strength, -1) : NULL;
      g_autofree char *part = strength != NULL
                                /* Translators: a condition on page 1 and the strength of the evidence for LDN in it. */
                                ? g_strdup_printf (_("%s (evidence: %s)"), condition_name, strength)
                                /* Translators: a condition the person typed, which the guide does not cover. */
                                : g_strdup_printf (_("%s (not covered by the guide)"), condition_name);

      g_string_append_printf (conditions, "%s%s", i > 0 ? "; " : "", part);
    }
  if (decision->conditions->len > l->conditions)
    g_string_append (conditions, "; …");
  considering = conditions->len > 0
                  /* Translators: page 1 of the sheet; %s lists conditions with the strength of evidence. */
                  ? g_strdup_printf (_("Low-dose naltrexone (LDN) for: %s."), conditions->str)
                  : g_strdup (_("Low-dose naltrexone (LDN); no condition written yet."));
  add_plain (sheet, considering, l->font, 0, 3);
  /* Someone who has started has their dose from the diary above; the
   * timeline's dose is only an example they looked at, and not even that
   * if they never chose one (the Timeline's default). */
  if (step == NULL && data->dose_chosen)
    {
      if (decision->schedule != NULL)
        /* Translators: page 1 of the sheet: the dose and schedule the person looked at on the
         * timeline's chart, an example and not a plan; the %s is "every night at 22:00" or
         * "one dose at 22:00". */
        dose = g_strdup_printf (_("Dose looked at on the chart (an example, not a plan): %g mg, %s."),
                                data->dose_mg, decision->schedule);
      else
        /* Translators: page 1 of the sheet: the dose the person looked at on the timeline's chart. */
        dose = g_strdup_printf (_("Dose looked at on the chart (an example, not a plan): %g mg."), data->dose_mg);
      add_plain (sheet, dose, l->font, 0, 2);
    }

  add_summary_heading (sheet, l, _("Flags"));
  add_summary_flags (sheet, data, l);

  add_summary_heading (sheet, l, _("Medicines and allergies"));
  add_summary_medicines (sheet, data, l);

  add_summary_heading (sheet, l, _("Where I stand"));
  add_plain (sheet, sure, l->font, 0, 3);
  if (decision->stage != NULL || decision->role != NULL)
    {
      g_autofree char *stance = g_strjoin (" ", decision->stage ? decision->stage : "",
                                           decision->role ? decision->role : "", NULL);
      add_plain (sheet, g_strstrip (stance), l->font, 0, 2);
    }
  if (decision->explain_again->len > 0)
    {
      g_autoptr(GString) items = g_string_new (NULL);
      g_autofree char *line = NULL;

      for (guint i = 0; i < decision->explain_again->len; i++)
        g_string_append_printf (items, "%s%s", i > 0 ? "; " : "", (char *) g_ptr_array_index (decision->explain_again, i));
      g_autofree char *shortened = NULL;

      shortened = summary_text (items->str, 2 * l->text);
      /* Translators: page 1 of the sheet: the consent items the person asked to hear again. */
      line = g_strdup_printf (_("Please explain again: %s."), shortened);
      add_plain (sheet, line, l->bold, 0, 3);
    }

  add_summary_heading (sheet, l, _("My top three questions"));
  if (n_questions == 0)
    add_plain (sheet, _("No questions written yet."), l->font, 0, 3);
  for (guint i = 0; i < n_questions; i++)
    {
      g_autofree char *question = summary_text (g_ptr_array_index (data->questions, i), l->text);
      g_autofree char *line = g_strdup_printf ("%u. %s", i + 1, question);

      add_plain (sheet, line, l->font, 10, 2);
    }

  add_doctor_box (sheet, data, l);
}

/* How tall the items from FIRST on are, laid out one after another. */
static double
items_height (LdnSheet *sheet,
              guint     first)
{
  double height = 0;

  for (guint i = first; i < sheet->items->len; i++)
    {
      Item *item = g_ptr_array_index (sheet->items, i);
      Piece whole = { item, 0, 0, 0, n_lines (item) };

      height += (i > first ? item->space_before : 0) + piece_height (&whole);
    }

  return height;
}

static void
add_about (LdnSheet           *sheet,
           const LdnSheetData *data,
           const char         *font,
           double              space_before)
{
  g_autofree char *about = g_strdup_printf (_("Made with LDN Guide, content version %s, reviewed %s. This sheet is for "
                                              "discussion with your doctor. It is not a prescription and not medical "
                                              "advice."),
                                            data->content_version ? data->content_version : "?",
                                            data->reviewed ? data->reviewed : "?");

  add_plain (sheet, about, font, 0, space_before);
  add_plain (sheet, data->about, font, 0, 4);
}

/* The rest of page 1 when the person has entered nothing: what LDN is,
 * that nothing else was entered, the sources of what is printed, and who
 * made the guide. */
static void
add_nothing_entered (LdnSheet           *sheet,
                     const LdnSheetData *data,
                     const Limits       *l)
{
  add_plain (sheet, data->definition, l->font, 0, 10);
  add_plain (sheet, _("Nothing else has been entered in LDN Guide yet: no check question answered, no side effect "
                      "noticed."), l->font, 0, 3);
  if (data->sources->len > 0)
    {
      add_summary_heading (sheet, l, _("Sources"));
      for (guint i = 0; i < data->sources->len; i++)
        add_plain (sheet, g_ptr_array_index (data->sources, i), "Sans 8", 0, 2);
    }
  add_about (sheet, data, "Sans Italic 8", 8);
}

static void
add_summary_page (LdnSheet           *sheet,
                  const LdnSheetData *data)
{
  double available = sheet->height - 2 * MARGIN - FOOTER;
  guint first = sheet->items->len;

  for (guint level = 0; level < G_N_ELEMENTS (summary_limits); level++)
    {
      if (sheet->items->len > first)
        g_ptr_array_remove_range (sheet->items, first, sheet->items->len - first);
      add_summary_items (sheet, data, &summary_limits[level]);
      if (data->nothing_entered)
        add_nothing_entered (sheet, data, &summary_limits[level]);
      if (items_height (sheet, first) <= available)
        break;
    }

  if (!data->nothing_entered)
    add_item (sheet, ITEM_BREAK, 0);
}

/* Page 2 onward: all the decision aid's answers. */
static void
add_decision_details (LdnSheet           *sheet,
                      const LdnSheetData *data)
{
  const LdnSheetDecision *decision = data->decision;

  if (ldn_sheet_decision_is_empty (decision))
    return;

  add_heading (sheet, _("My situation"));
  for (guint i = 0; i < decision->conditions->len; i++)
    {
      const LdnSheetCondition *condition = g_ptr_array_index (decision->conditions, i);
      g_autofree char *line = condition->strength != NULL
                                ? g_strdup_printf (_("%s (evidence: %s)"), condition->name, condition->strength)
                                : g_strdup_printf (_("%s (not covered by the guide)"), condition->name);
      g_autofree char *bullet = g_strdup_printf ("• %s", line);

      add_plain (sheet, bullet, "Sans 10", 10, 3);
    }
  if (*decision->tried != '\0')
    {
      add_plain (sheet, _("What I have tried:"), "Sans Bold 10", 0, 8);
      add_plain (sheet, decision->tried, "Sans 10", 0, 2);
    }
  if (*decision->allergies != '\0')
    {
      add_plain (sheet, _("Allergies:"), "Sans Bold 10", 0, 8);
      add_plain (sheet, decision->allergies, "Sans 10", 0, 2);
    }
  /* As wrapped lines, not a table: a long name may continue on the next
   * page, which a table cell cannot. */
  if (decision->medicines->len > 0)
    {
      add_plain (sheet, _("All my medicines:"), "Sans Bold 10", 0, 8);
      for (guint i = 0; i < decision->medicines->len; i++)
        {
          const LdnSheetMedicine *medicine = g_ptr_array_index (decision->medicines, i);
          g_autoptr(GString) line = g_string_new ("• ");

          g_string_append (line, medicine->name);
          if (*medicine->dose != '\0')
            g_string_append_printf (line, " · %s", medicine->dose);
          if (*medicine->how_often != '\0')
            g_string_append_printf (line, " · %s", medicine->how_often);
          if (medicine->opioid != NULL)
            {
              g_autofree char *note = medicine->contains != NULL
                                        ? g_strdup_printf (_("Opioid (contains %s)"), medicine->contains)
                                        : g_strdup (_("Opioid"));
              g_string_append_printf (line, " · %s", note);
            }
          add_plain (sheet, line->str, "Sans 10", 10, 3);
        }
    }

  add_heading (sheet, _("What matters to me, rated 0 to 4"));
  if (decision->values->len == 0)
    add_plain (sheet, _("Nothing rated yet."), "Sans 10", 0, 4);
  add_list (sheet, decision->values, FALSE);

  add_heading (sheet, _("Understanding an off-label medicine"));
  add_list (sheet, decision->consent, FALSE);

  add_heading (sheet, _("Where I stand"));
  for (guint phase = 0; phase < 2; phase++)
    if (decision->sure_answered[phase] > 0)
      {
        add_plain (sheet, phase == 0 ? _("SURE test before reading the guide:") : _("SURE test after reading the guide:"),
                   "Sans Bold 10", 0, 8);
        add_list (sheet, decision->sure[phase], FALSE);
      }
  if (decision->stage != NULL)
    add_plain (sheet, decision->stage, "Sans 10", 0, 6);
  if (decision->role != NULL)
    add_plain (sheet, decision->role, "Sans 10", 0, 3);
}

/* "Before and after": left out entirely when the diary is empty. */
static void
add_diary (LdnSheet           *sheet,
           const LdnSheetData *data)
{
  GPtrArray *blocks;

  sheet->diary = ldn_sheet_diary_new (data->diary, data->side_effect_names, &data->diary_until);
  if (sheet->diary != NULL)
    ldn_sheet_diary_set_texts (sheet->diary, data->diary_caution, data->diary_review);
  if (sheet->diary == NULL)
    return;
  blocks = ldn_sheet_diary_get_blocks (sheet->diary);
  for (guint i = 0; i < blocks->len; i++)
    {
      const LdnSheetDiaryBlock *block = g_ptr_array_index (blocks, i);
      g_autofree char *escaped = block->text != NULL ? g_markup_escape_text (block->text, -1) : NULL;

      switch (block->kind)
        {
        case LDN_SHEET_DIARY_HEADING:
          add_heading (sheet, block->text);
          break;
        case LDN_SHEET_DIARY_SUBHEADING:
          add_text (sheet, escaped, "Sans Bold 10", 0, 8, TRUE);
          break;
        case LDN_SHEET_DIARY_TEXT:
          add_plain (sheet, block->text, "Sans 10", 0, 4);
          /* The section's intro stays with its heading and the first chart. */
          if (i > 0 && ((const LdnSheetDiaryBlock *) g_ptr_array_index (blocks, i - 1))->kind == LDN_SHEET_DIARY_HEADING)
            glue_last (sheet);
          break;
        case LDN_SHEET_DIARY_BULLET:
          {
            g_autofree char *bullet = g_strdup_printf ("• %s", block->text);

            add_plain (sheet, bullet, "Sans 10", 8, 2);
          }
          break;
        case LDN_SHEET_DIARY_CHART:
          if (!sheet->too_long)
            {
              Item *chart = add_item (sheet, ITEM_CHART, 4);

              chart->trend = TRUE;
              chart->trend_item = block->item;
            }
          break;
        case LDN_SHEET_DIARY_BLANK:
        default:
          {
            g_autofree char *line = g_strdup_printf ("<b>%s</b> %s", escaped, "____________________________________________");

            add_text (sheet, line, "Sans 10", 0, 10, FALSE);
          }
          break;
        }
    }
}

static void
build (LdnSheet           *sheet,
       const LdnSheetData *data)
{
  g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", _("Low-dose naltrexone: notes for my doctor"));
  g_autofree char *who = g_strdup_printf (_("Name: %s    Date: %s"),
                                          *data->name ? data->name : "____________________", data->date);

  if (data->decision != NULL)
    add_summary_page (sheet, data);
  if (data->decision != NULL && data->nothing_entered)
    return;

  add_text (sheet, title, "Sans 17", 0, 0, FALSE);
  add_plain (sheet, who, "Sans 10", 0, 6);
  add_plain (sheet, data->definition, "Sans 10", 0, 6);

  add_heading (sheet, _("Flags for the doctor"));
  add_flags (sheet, data);
  if (*data->other_medicines != '\0')
    {
      g_autofree char *line = g_strdup_printf (_("Other medicines and supplements: %s"), data->other_medicines);
      add_plain (sheet, line, "Sans 10", 0, 6);
    }

  add_heading (sheet, _("What I understood"));
  if (data->understood->len == 0)
    add_plain (sheet, _("No check question answered yet."), "Sans 10", 0, 4);
  else
    add_plain (sheet, _("My answers to the guide’s check questions show that I understood:"), "Sans 10", 0, 4);
  add_list (sheet, data->understood, FALSE);
  if (data->explain_again->len > 0)
    {
      add_plain (sheet, _("Topics I would like explained again:"), "Sans Bold 10", 0, 8);
      add_list (sheet, data->explain_again, FALSE);
    }

  if (data->curve != NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Estimated receptor occupancy after one %g mg dose"), data->dose_mg);

      add_heading (sheet, heading);
      add_item (sheet, ITEM_CHART, 4);
      add_plain (sheet, data->chart_caption, "Sans Italic 9", 0, 4);
    }

  if (data->frequencies->len > 0)
    {
      add_heading (sheet, _("Benefits and harms in trials"));
      add_plain (sheet, data->frequency_intro, "Sans 10", 0, 4);
      glue_last (sheet);
      for (guint i = 0; i < data->frequencies->len; i++)
        {
          const LdnSheetFrequency *frequency = g_ptr_array_index (data->frequencies, i);
          g_autofree char *escaped = g_markup_escape_text (frequency->sentence, -1);
          /* The sentence and its pictures are one item, so a page break
           * never parts them. */
          Item *icons = add_item (sheet, ITEM_ICONS, 8);

          icons->x = MARGIN;
          icons->frequency = frequency;
          icons->sentence = new_layout (sheet, escaped, "Sans 10", sheet->width - 2 * MARGIN);
          icons->fixed_height = cell_height (icons->sentence) + 4 + ICONS_HEIGHT;
        }
    }

  add_heading (sheet, _("Side effects I have noticed"));
  if (data->side_effects->len == 0)
    add_plain (sheet, _("None noticed so far."), "Sans 10", 0, 4);
  else
    {
      /* "Severity", the word the checklist and the Diary use. */
      const char *header[] = { _("Side effect"), _("Severity"), _("Since"), _("Note") };

      add_row (sheet, header, TRUE);
      for (guint i = 0; i < data->side_effects->len; i++)
        {
          const LdnSheetSideEffect *row = g_ptr_array_index (data->side_effects, i);
          const char *cells[] = { row->name, row->severity, row->since, row->note };

          add_row (sheet, cells, FALSE);
        }
    }
  if (*data->other_side_effects != '\0')
    {
      add_plain (sheet, _("Other side effects:"), "Sans Bold 10", 0, 8);
      add_plain (sheet, data->other_side_effects, "Sans 10", 0, 2);
    }

  add_diary (sheet, data);

  add_heading (sheet, _("My questions"));
  if (data->questions->len == 0)
    add_plain (sheet, _("No questions written yet."), "Sans 10", 0, 4);
  add_list (sheet, data->questions, TRUE);
  add_plain (sheet, _("Ask 3 Questions:"), "Sans Bold 10", 0, 8);
  add_list (sheet, data->ask3, FALSE);
  if (*data->what_matters != '\0')
    {
      add_plain (sheet, _("What matters to me:"), "Sans Bold 10", 0, 8);
      add_plain (sheet, data->what_matters, "Sans 10", 0, 2);
    }

  if (data->decision != NULL)
    add_decision_details (sheet, data);

  if (data->sources->len > 0)
    {
      add_heading (sheet, _("Sources"));
      for (guint i = 0; i < data->sources->len; i++)
        add_plain (sheet, g_ptr_array_index (data->sources, i), "Sans 8", 0, 2);
    }
  add_about (sheet, data, "Sans Italic 8.5", 12);
}

G_DEFINE_QUARK (ldn-sheet-error-quark, ldn_sheet_error)

LdnSheet *
ldn_sheet_new (LdnSheetData       *data,
               double              page_width,
               double              page_height,
               GError            **error)
{
  return ldn_sheet_new_with_max_pages (data, page_width, page_height, LDN_SHEET_MAX_PAGES, error);
}

LdnSheet *
ldn_sheet_new_with_max_pages (LdnSheetData  *data,
                              double         page_width,
                              double         page_height,
                              guint          max_pages,
                              GError       **error)
{
  g_autoptr(LdnSheet) sheet = NULL;
  cairo_font_options_t *options;
  g_autoptr(LdnLanguageScope) language = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (max_pages > 0, NULL);

  sheet = g_new0 (LdnSheet, 1);

  /* The sheet's own words, numbers and dates in its language. */
  language = ldn_language_scope_push (data->language);

  sheet->data = data;
  sheet->width = page_width;
  sheet->height = page_height;
  sheet->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (sheet->context, 72);
  pango_context_set_base_dir (sheet->context, PANGO_DIRECTION_LTR);
  /* Unhinted metrics, fixed here: lines measured for pagination must
   * keep their height on every surface, screen or paper. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (sheet->context, options);
  cairo_font_options_destroy (options);
  sheet->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  sheet->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  sheet->footer = g_strdup (_("LDN Guide · for discussion with your doctor · not a prescription or medical advice"));
  sheet->chart_y_axis = g_strdup (_("Receptors blocked (%)"));
  sheet->chart_sustained = g_strdup (_("Estimate, shaded: range if unknown study details differ"));
  sheet->chart_transient = g_strdup (_("If the block is brief"));
  sheet->chart_measured = g_strdup (_("Brain scan (measured)"));
  sheet->chart_no_data = g_strdup (_("No measurements below 2 mg"));
  sheet->chart_day_format = g_strdup (_("Day %u"));
  /* Translators: above a picture of 100 people on the sheet, e.g. "On placebo: 40 of 100". */
  sheet->arm_format = g_strdup (_("On %s: %u of %u"));
  /* Translators: the sheet's page number, e.g. "Page 2 of 3". */
  sheet->page_format = g_strdup (_("Page %u of %u"));
  sheet->pdf_title = g_strdup (_("LDN Guide discussion sheet"));

  sheet->max_text_height = max_pages * (page_height - 2 * MARGIN - FOOTER);
  build (sheet, data);
  if (sheet->too_long)
    {
      set_too_long_error (error, max_pages);
      return NULL;
    }
  if (!paginate (sheet, max_pages, error))
    return NULL;

  return g_steal_pointer (&sheet);
}

void
ldn_sheet_free (LdnSheet *sheet)
{
  if (sheet == NULL)
    return;

  g_array_unref (sheet->pieces);
  g_ptr_array_unref (sheet->items);
  g_object_unref (sheet->context);
  g_free (sheet->footer);
  g_free (sheet->chart_y_axis);
  g_free (sheet->chart_sustained);
  g_free (sheet->chart_transient);
  g_free (sheet->chart_measured);
  g_free (sheet->chart_no_data);
  g_free (sheet->chart_day_format);
  g_free (sheet->arm_format);
  g_free (sheet->page_format);
  g_free (sheet->pdf_title);
  g_clear_pointer (&sheet->diary, ldn_sheet_diary_free);
  ldn_sheet_data_free (sheet->data);
  g_free (sheet);
}

guint
ldn_sheet_get_n_pages (LdnSheet *sheet)
{
  g_return_val_if_fail (sheet != NULL, 0);

  return sheet->n_pages;
}

/* Shows lines FIRST..END of LAYOUT with their top at Y. Only those lines
 * are drawn (not the whole layout clipped), so a PDF holds each word
 * once, where it is seen. */
static void
show_lines (cairo_t     *cr,
            const Item  *item,
            PangoLayout *layout,
            double       x,
            double       y,
            guint        first,
            guint        end)
{
  double offset = g_array_index (item->line_top, double, first);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  guint index = 0;

  do
    {
      if (index >= first && index < end)
        {
          PangoRectangle logical;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + pango_units_to_double (logical.x),
                         y - offset + pango_units_to_double (pango_layout_iter_get_baseline (iter)));
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      index++;
    }
  while (index < end && pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static void
draw_piece (LdnSheet    *sheet,
            cairo_t     *cr,
            const Piece *piece)
{
  const Item *item = piece->item;
  double height = piece_height (piece);

  switch (item->kind)
    {
    case ITEM_TEXT:
      show_lines (cr, item, item->layout, item->x, piece->y, piece->first_line, piece->end_line);
      break;

    case ITEM_BOX:
      cairo_set_line_width (cr, item->strong ? 2.5 : 1);
      cairo_rectangle (cr, item->x, piece->y, sheet->width - 2 * MARGIN, height);
      cairo_stroke (cr);
      show_lines (cr, item, item->layout, item->x + BOX_PADDING + 2, piece->y + BOX_PADDING,
                  piece->first_line, piece->end_line);
      break;

    case ITEM_CHART:
      {
        LdnChartData chart = {
          .curve = sheet->data->curve,
          .span_h = sheet->data->span_h,
          .dose_minute = sheet->data->dose_minute,
          /* None when the chart was not collected (a trend chart only). */
          .pet_points = sheet->data->pet_points != NULL ? (const LdnPetPoint *) sheet->data->pet_points->data : NULL,
          .n_pet_points = sheet->data->pet_points != NULL ? sheet->data->pet_points->len : 0,
          .labels = {
            .y_axis = sheet->chart_y_axis,
            .sustained = sheet->chart_sustained,
            .transient = sheet->chart_transient,
            .measured = sheet->chart_measured,
            .no_data = sheet->data->dose_mg < 2 ? sheet->chart_no_data : NULL,
            .day_format = sheet->chart_day_format,
          },
        };
        LdnChartStyle style;

        if (item->trend)
          {
            cairo_save (cr);
            cairo_translate (cr, MARGIN, piece->y);
            ldn_sheet_diary_draw_chart (sheet->diary, cr, item->trend_item, sheet->width - 2 * MARGIN, TREND_HEIGHT);
            cairo_restore (cr);
            break;
          }
        ldn_chart_style_init_for_print (&style);
        cairo_save (cr);
        cairo_translate (cr, MARGIN, piece->y);
        ldn_chart_draw (cr, sheet->width - 2 * MARGIN, CHART_HEIGHT, &chart, &style, -1, -1);
        cairo_restore (cr);
      }
      break;

    case ITEM_ICONS:
      {
        const LdnSheetFrequency *frequency = item->frequency;
        /* Opaque grey (60% of the ink on white): a translucent stroke makes
         * cairo's PostScript, which many printers get, raster the page. */
        const LdnColor filled = { 0.1, 0.1, 0.1, 1 }, empty = { 0.46, 0.46, 0.46, 1 };
        struct { guint count; const char *group; } arms[2] = {
          { frequency->ldn, "LDN" }, { frequency->comparison, frequency->comparator },
        };
        PangoLayout *label = new_layout (sheet, "", "Sans Bold 8.5", 3 * ICONS_WIDTH);
        double top = piece->y + cell_height (item->sentence) + 4;

        cairo_move_to (cr, item->x, piece->y);
        pango_cairo_show_layout (cr, item->sentence);
        for (guint i = 0; i < G_N_ELEMENTS (arms); i++)
          {
            double x = item->x + i * (3 * ICONS_WIDTH);
            g_autofree char *text = NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
            text = g_strdup_printf (sheet->arm_format, arms[i].group, arms[i].count, frequency->per);
#pragma GCC diagnostic pop

            pango_layout_set_text (label, text, -1);
            cairo_move_to (cr, x, top);
            pango_cairo_show_layout (cr, label);
            cairo_save (cr);
            cairo_translate (cr, x, top + ICONS_LABEL);
            ldn_icon_array_draw (cr, ICONS_WIDTH, ICONS_WIDTH, arms[i].count, frequency->per, &filled, &empty);
            cairo_restore (cr);
          }
        g_object_unref (label);
      }
      break;

    case ITEM_ROW:
      if (piece->first_line == 0)
        for (guint c = 0; c < N_COLUMNS; c++)
          if (c != NOTE_COLUMN)
            {
              cairo_move_to (cr, item->cell_x[c], piece->y + 2);
              pango_cairo_show_layout (cr, item->cells[c]);
            }
      show_lines (cr, item, item->layout, item->cell_x[NOTE_COLUMN], piece->y + 2,
                  piece->first_line, piece->end_line);
      cairo_set_line_width (cr, item->header ? 1 : 0.4);
      cairo_move_to (cr, MARGIN, piece->y + height);
      cairo_line_to (cr, sheet->width - MARGIN, piece->y + height);
      cairo_stroke (cr);
      break;

    case ITEM_BREAK:
    default:
      break;
    }
}

void
ldn_sheet_draw_page (LdnSheet *sheet,
                     cairo_t  *cr,
                     guint     page)
{
  g_autofree char *number = NULL;
  PangoLayout *footer;
  g_autoptr(LdnLanguageScope) language = NULL;

  g_return_if_fail (sheet != NULL && cr != NULL);
  g_return_if_fail (page < sheet->n_pages);

  language = ldn_language_scope_push_formats (sheet->data->language);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);

  for (guint i = 0; i < sheet->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (sheet->pieces, Piece, i);

      if (piece->page == page)
        draw_piece (sheet, cr, piece);
    }

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  number = g_strdup_printf (sheet->page_format, page + 1, sheet->n_pages);
#pragma GCC diagnostic pop
  footer = new_layout (sheet, "", "Sans 8", sheet->width - 2 * MARGIN);
  pango_layout_set_text (footer, sheet->footer, -1);
  cairo_move_to (cr, MARGIN, sheet->height - MARGIN - 10);
  pango_cairo_show_layout (cr, footer);
  pango_layout_set_text (footer, number, -1);
  pango_layout_set_alignment (footer, PANGO_ALIGN_RIGHT);
  cairo_move_to (cr, MARGIN, sheet->height - MARGIN - 10);
  pango_cairo_show_layout (cr, footer);
  g_object_unref (footer);
  cairo_restore (cr);
}

typedef struct {
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;   /* the first write error */
} PdfSink;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  PdfSink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
ldn_sheet_write_pdf_to_stream (LdnSheet      *sheet,
                               GOutputStream *stream,
                               GCancellable  *cancellable,
                               GError       **error)
{
  PdfSink sink = { stream, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  surface = cairo_pdf_surface_create_for_stream (write_to_stream, &sink, sheet->width, sheet->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, sheet->pdf_title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "LDN Guide " PACKAGE_VERSION);
  cr = cairo_create (surface);

  for (guint page = 0; page < sheet->n_pages && sink.error == NULL; page++)
    {
      ldn_sheet_draw_page (sheet, cr, page);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  /* The stream's own error says more ("no space") than cairo's. */
  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The PDF could not be made: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

gboolean
ldn_sheet_write_pdf (LdnSheet   *sheet,
                     const char *path,
                     GError    **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (sheet != NULL && path != NULL, FALSE);

  file = g_file_new_for_path (path);
  return ldn_export_sheet_pdf (sheet, file, NULL, error);
}

/* ldn-sheet-diary.c: the sheet's "Before and after" section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "chart/ldn-trend-draw.h"
#include "ldn-sheet-diary.h"
#include "util/ldn-language.h"

struct _LdnSheetDiary
{
  const LdnDiary  *diary;     /* borrowed from the sheet data */
  LdnDiarySummary *summary;
  GDate            until;
  GPtrArray       *blocks;
  /* The chart's words, translated once in the sheet's language. */
  char            *start;
  char            *dose_format;
  char            *baseline;
  char            *side_effects;
  char            *baseline_range;
  char            *baseline_median;
  /* Where ldn_sheet_diary_set_texts() puts the content's sentences. */
  guint            caution_index;
  guint            review_index;
};

static void
block_free (LdnSheetDiaryBlock *block)
{
  g_free (block->text);
  g_free (block);
}

static void
add (LdnSheetDiary     *section,
     LdnSheetDiaryKind  kind,
     char              *text)   /* taken */
{
  LdnSheetDiaryBlock *block = g_new0 (LdnSheetDiaryBlock, 1);

  block->kind = kind;
  block->text = text;
  g_ptr_array_add (section->blocks, block);
}

static char *
dup_date (const GDate *date)
{
  char iso[16];

  g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
  return ldn_language_format_iso_date (iso);
}

static const char *
severity_name (int severity)
{
  switch (severity)
    {
    case 1: return _("mild");
    case 2: return _("moderate");
    case 3: return _("severe");
    default: return NULL;
    }
}

static void
add_items (LdnSheetDiary *section)
{
  const LdnDiary *diary = section->diary;

  for (guint i = 0; i < section->summary->items->len; i++)
    {
      const LdnDiaryItemSummary *summary = &g_array_index (section->summary->items, LdnDiaryItemSummary, i);
      const LdnDiaryItem *item = g_ptr_array_index (diary->items, summary->item);
      const char *every = item->every == LDN_DIARY_EVERY_WEEK ? _("recorded every week") : _("recorded every day");
      LdnSheetDiaryBlock *chart;

      if (*item->low != '\0' || *item->high != '\0')
        /* Translators: "Pain (0 = no pain, 10 = worst pain; recorded every day)" */
        add (section, LDN_SHEET_DIARY_SUBHEADING,
             g_strdup_printf (_("%s (0 = %s, 10 = %s; %s)"), item->label, item->low, item->high, every));
      else
        add (section, LDN_SHEET_DIARY_SUBHEADING, g_strdup_printf ("%s (%s)", item->label, every));
      add (section, LDN_SHEET_DIARY_CHART, NULL);
      chart = g_ptr_array_index (section->blocks, section->blocks->len - 1);
      chart->item = summary->item;
      add (section, LDN_SHEET_DIARY_TEXT, ldn_diary_item_summary_dup_sentence (summary));
    }
}

static void
add_completeness (LdnSheetDiary *section)
{
  const LdnDiary *diary = section->diary;
  const LdnDiaryEntry *first = NULL, *last = NULL;

  for (guint i = 0; i < diary->entries->len; i++)
    {
      const LdnDiaryEntry *entry = g_ptr_array_index (diary->entries, i);

      if (g_date_compare (&entry->date, &section->until) > 0)
        break;
      if (first == NULL)
        first = entry;
      last = entry;
    }

  add (section, LDN_SHEET_DIARY_SUBHEADING, g_strdup (_("How complete the record is")));
  if (first == NULL)
    {
      add (section, LDN_SHEET_DIARY_TEXT, g_strdup (_("No diary entries yet.")));
      return;
    }
  {
    g_autofree char *from = dup_date (&first->date);
    g_autofree char *to = dup_date (&last->date);
    guint days = g_date_get_julian (&last->date) - g_date_get_julian (&first->date) + 1;
    guint n = section->summary->n_entries;

    /* Translators: "300 entries from 1 January 2027 to 31 December 2027, on 300 of the 365 days in between." */
    add (section, LDN_SHEET_DIARY_TEXT,
         g_strdup_printf (ngettext ("%u entry from %s to %s, on %u of the %u days in between.",
                                    "%u entries from %s to %s, on %u of the %u days in between.", n),
                          n, from, to, n, days));
  }
}

static void
add_doses (LdnSheetDiary *section)
{
  g_autoptr(GPtrArray) lines = ldn_diary_dup_dose_lines (section->diary, section->summary);

  add (section, LDN_SHEET_DIARY_SUBHEADING, g_strdup (_("Doses as entered from the prescription")));
  if (section->diary->has_start)
    {
      g_autofree char *start = dup_date (&section->diary->start);

      add (section, LDN_SHEET_DIARY_TEXT, g_strdup_printf (_("Start date: %s."), start));
    }
  else
    add (section, LDN_SHEET_DIARY_TEXT, g_strdup (_("No start date entered.")));
  if (section->diary->plan->len == 0)
    add (section, LDN_SHEET_DIARY_TEXT, g_strdup (_("No dose plan entered.")));
  for (guint i = 0; i < lines->len; i++)
    add (section, LDN_SHEET_DIARY_BULLET, g_strdup (g_ptr_array_index (lines, i)));
}

static void
add_side_effects (LdnSheetDiary *section,
                  GHashTable    *names)
{
  GArray *marks = section->summary->side_effects;
  g_autoptr(GString) line = NULL;

  add (section, LDN_SHEET_DIARY_SUBHEADING, g_strdup (_("Side effects by date")));
  if (marks->len == 0)
    {
      add (section, LDN_SHEET_DIARY_TEXT, g_strdup (_("None recorded in the diary.")));
      return;
    }
  for (guint i = 0; i < marks->len; i++)
    {
      const LdnDiarySideEffectMark *mark = &g_array_index (marks, LdnDiarySideEffectMark, i);
      const char *name = names != NULL ? g_hash_table_lookup (names, mark->id) : NULL;
      const char *severity = severity_name (mark->severity);

      /* One line per date: "3 March 2027: Vivid dreams (mild), Headache (moderate)". */
      if (i == 0 || g_date_compare (&mark->date, &g_array_index (marks, LdnDiarySideEffectMark, i - 1).date) != 0)
        {
          g_autofree char *date = dup_date (&mark->date);

          if (line != NULL)
            add (section, LDN_SHEET_DIARY_BULLET, g_string_free (g_steal_pointer (&line), FALSE));
          line = g_string_new (NULL);
          g_string_append_printf (line, "%s: ", date);
        }
      else
        g_string_append (line, ", ");
      g_string_append (line, name != NULL ? name : mark->id);
      if (severity != NULL)
        g_string_append_printf (line, " (%s)", severity);
    }
  add (section, LDN_SHEET_DIARY_BULLET, g_string_free (g_steal_pointer (&line), FALSE));
}

static void
add_review (LdnSheetDiary *section)
{
  add (section, LDN_SHEET_DIARY_SUBHEADING, g_strdup (_("Looking at the Record Together")));
  /* The content's sourced sentence goes here (ldn_sheet_diary_set_texts). */
  section->review_index = section->blocks->len;
  add (section, LDN_SHEET_DIARY_BLANK, g_strdup (_("Review date:")));
  add (section, LDN_SHEET_DIARY_BLANK, g_strdup (_("What we see in the record:")));
  add (section, LDN_SHEET_DIARY_BLANK, g_strdup (_("What we agreed:")));
}

LdnSheetDiary *
ldn_sheet_diary_new (const LdnDiary *diary,
                     GHashTable     *side_effect_names,
                     const GDate    *until)
{
  LdnSheetDiary *section;

  if (diary == NULL || (diary->items->len == 0 && diary->entries->len == 0))
    return NULL;

  section = g_new0 (LdnSheetDiary, 1);
  section->diary = diary;
  g_date_clear (&section->until, 1);
  if (until != NULL && g_date_valid (until))
    section->until = *until;
  else
    g_date_set_time_t (&section->until, time (NULL));
  section->summary = ldn_diary_summary_new (diary, &section->until);
  section->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  section->start = g_strdup (_("Start"));
  /* Translators: a dose on the diary's chart, e.g. "4.5 mg". */
  section->dose_format = g_strdup (_("%s mg"));
  section->baseline = g_strdup (_("Baseline"));
  section->side_effects = g_strdup (_("Side effects"));
  section->baseline_range = g_strdup (_("Baseline range"));
  section->baseline_median = g_strdup (_("Baseline median"));

  add (section, LDN_SHEET_DIARY_HEADING, g_strdup (_("Before and after")));
  add (section, LDN_SHEET_DIARY_TEXT,
       g_strdup (_("What I recorded in my diary, as I recorded it: a description of the record, not a judgement "
                   "of whether the medicine helps.")));
  /* The content's sourced caution goes here (ldn_sheet_diary_set_texts). */
  section->caution_index = section->blocks->len;
  add_items (section);
  add_completeness (section);
  add_doses (section);
  add_side_effects (section, side_effect_names);
  add_review (section);
  return section;
}

void
ldn_sheet_diary_free (LdnSheetDiary *section)
{
  if (section == NULL)
    return;
  ldn_diary_summary_free (section->summary);
  g_ptr_array_unref (section->blocks);
  g_free (section->start);
  g_free (section->dose_format);
  g_free (section->baseline);
  g_free (section->side_effects);
  g_free (section->baseline_range);
  g_free (section->baseline_median);
  g_free (section);
}

GPtrArray *
ldn_sheet_diary_get_blocks (LdnSheetDiary *section)
{
  g_return_val_if_fail (section != NULL, NULL);
  return section->blocks;
}

void
ldn_sheet_diary_draw_chart (LdnSheetDiary *section,
                            cairo_t       *cr,
                            guint          item,
                            double         width,
                            double         height)
{
  LdnTrendStyle style;
  LdnTrendData data = {
    .diary = section->diary,
    .item = item,
    .labels = {
      .start = section->start,
      .dose_format = section->dose_format,
      .baseline = section->baseline,
      .side_effects = section->side_effects,
      .baseline_range = section->baseline_range,
      .baseline_median = section->baseline_median,
    },
  };

  g_return_if_fail (section != NULL);
  if (item >= section->summary->items->len)
    return;
  data.summary = &g_array_index (section->summary->items, LdnDiaryItemSummary, item);
  ldn_trend_data_set_range_from_diary (&data, &section->until);
  ldn_trend_style_init_for_print (&style);
  ldn_trend_draw (cr, width, height, &data, &style, NULL);
}

void
ldn_sheet_diary_set_texts (LdnSheetDiary *section,
                           const char    *caution,
                           const char    *review)
{
  LdnSheetDiaryBlock *block;

  g_return_if_fail (section != NULL);

  /* The review point comes after the caution: insert it first. */
  if (review != NULL)
    {
      block = g_new0 (LdnSheetDiaryBlock, 1);
      block->kind = LDN_SHEET_DIARY_TEXT;
      block->text = g_strdup (review);
      g_ptr_array_insert (section->blocks, (int) section->review_index, block);
    }
  /* The caution joins the introduction's paragraph: a heading keeps
   * with its introduction and what follows, not with two paragraphs. */
  if (caution != NULL && section->caution_index > 0)
    {
      char *joined;

      block = g_ptr_array_index (section->blocks, section->caution_index - 1);
      joined = g_strconcat (block->text, " ", caution, NULL);
      g_free (block->text);
      block->text = joined;
    }
}

/* ldn-diary-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ldn-diary-csv.h"
#include "user/ldn-diary-store.h"

void
ldn_csv_append_field (GString    *csv,
                      const char *text)
{
  gboolean formula, quote;

  if (text == NULL)
    text = "";

  /* A spreadsheet runs a cell that starts like this as a formula. */
  formula = text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
  quote = formula || strpbrk (text, ",\"\r\n") != NULL || text[0] == ' ' ||
          (text[0] != '\0' && text[strlen (text) - 1] == ' ');

  if (!quote)
    {
      g_string_append (csv, text);
      return;
    }

  g_string_append_c (csv, '"');
  if (formula)
    g_string_append_c (csv, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static const char *
severity_words (int severity)
{
  switch (severity)
    {
    case LDN_SEVERITY_MILD:
      /* Translators: a side effect's severity in the diary's CSV export. */
      return _("mild");
    case LDN_SEVERITY_MODERATE:
      return _("moderate");
    case LDN_SEVERITY_SEVERE:
      return _("severe");
    default:
      return "";
    }
}

static char *
side_effects_text (const LdnDiaryEntry *entry,
                   GHashTable          *names)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < entry->side_effects->len; i++)
    {
      const LdnDiarySideEffect *effect = g_ptr_array_index (entry->side_effects, i);
      const char *name = names != NULL ? g_hash_table_lookup (names, effect->id) : NULL;

      if (i > 0)
        g_string_append (text, "; ");
      /* Translators: a side effect and its severity, e.g. "Vivid dreams (mild)". */
      g_string_append_printf (text, _("%s (%s)"), name != NULL ? name : effect->id, severity_words (effect->severity));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
ldn_diary_to_csv (const LdnDiary *diary,
                  GHashTable     *side_effect_names)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  const char *header[] = {
    /* Translators: column headers of the diary's CSV export. */
    _("Date"), _("What you follow"), _("Rating (0-10)"), _("Dose taken"), _("Side effects that day"), _("Note"),
  };

  g_return_val_if_fail (diary != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    {
      if (i > 0)
        g_string_append_c (csv, ',');
      ldn_csv_append_field (csv, header[i]);
    }
  g_string_append (csv, "\r\n");

  for (guint i = 0; i < diary->entries->len; i++)
    {
      const LdnDiaryEntry *entry = g_ptr_array_index (diary->entries, i);
      g_autofree char *date = ldn_diary_date_format (&entry->date);
      g_autofree char *side_effects = side_effects_text (entry, side_effect_names);
      /* Translators: the "Dose taken" column of the diary's CSV export. */
      const char *dose = entry->dose_taken == LDN_DIARY_DOSE_TAKEN    ? _("taken")
                         : entry->dose_taken == LDN_DIARY_DOSE_MISSED ? _("missed")
                                                                       : "";
      guint n_rows = MAX (diary->items->len, 1);

      for (guint row = 0; row < n_rows; row++)
        {
          const LdnDiaryItem *item = row < diary->items->len ? g_ptr_array_index (diary->items, row) : NULL;
          int rating = item != NULL ? entry->ratings[row] : LDN_DIARY_RATING_NONE;
          g_autofree char *rating_text = rating != LDN_DIARY_RATING_NONE ? g_strdup_printf ("%d", rating)
                                                                         : g_strdup ("");

          ldn_csv_append_field (csv, date);
          g_string_append_c (csv, ',');
          ldn_csv_append_field (csv, item != NULL ? item->label : "");
          g_string_append_c (csv, ',');
          ldn_csv_append_field (csv, rating_text);
          g_string_append_c (csv, ',');
          ldn_csv_append_field (csv, dose);
          g_string_append_c (csv, ',');
          ldn_csv_append_field (csv, side_effects);
          g_string_append_c (csv, ',');
          ldn_csv_append_field (csv, entry->note);
          g_string_append (csv, "\r\n");
        }
    }

  return g_string_free (g_steal_pointer (&csv), FALSE);
}

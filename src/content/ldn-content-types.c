/* ldn-content-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "ldn-content-types.h"

void
ldn_page_info_free (LdnPageInfo *page)
{
  if (page == NULL)
    return;
  g_free (page->id);
  g_free (page->title);
  g_free (page->summary);
  g_free (page->last_reviewed);
  g_free (page);
}

void
ldn_caption_free (LdnCaption *caption)
{
  if (caption == NULL)
    return;
  g_free (caption->id);
  g_free (caption->title);
  g_free (caption->text);
  g_strfreev (caption->sources);
  g_free (caption);
}

void
ldn_decision_item_free (LdnDecisionItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  g_free (item->kind);
  g_free (item->short_text);
  g_free (item->text);
  g_free (item->detail);
  g_strfreev (item->sources);
  g_free (item);
}

void
ldn_opioid_free (LdnOpioid *opioid)
{
  if (opioid == NULL)
    return;
  g_free (opioid->id);
  g_free (opioid->name);
  g_free (opioid->contains);
  g_strfreev (opioid->names);
  g_strfreev (opioid->sources);
  g_free (opioid);
}

void
ldn_choice_free (LdnChoice *choice)
{
  if (choice == NULL)
    return;
  g_free (choice->id);
  g_free (choice->text);
  g_free (choice);
}

void
ldn_block_free (LdnBlock *block)
{
  if (block == NULL)
    return;
  g_free (block->title);
  g_free (block->body);
  g_strfreev (block->sources);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block->question_id);
  g_clear_pointer (&block->choices, g_ptr_array_unref);
  ldn_frequency_free (block->frequency);
  g_free (block);
}

void
ldn_frequency_free (LdnFrequency *frequency)
{
  if (frequency == NULL)
    return;
  g_free (frequency->comparator);
  g_free (frequency->period);
  g_free (frequency->outcome);
  g_free (frequency->study);
  g_free (frequency);
}

void
ldn_content_text_free (LdnContentText *text)
{
  if (text == NULL)
    return;
  g_free (text->id);
  g_free (text->text);
  g_free (text->last_reviewed);
  g_strfreev (text->sources);
  g_free (text);
}

void
ldn_source_free (LdnSource *source)
{
  if (source == NULL)
    return;
  g_free (source->id);
  g_free (source->kind);
  g_free (source->authors);
  g_free (source->title);
  g_free (source->description);
  g_free (source->accessed);
  g_free (source->journal);
  g_free (source->details);
  g_free (source->pmid);
  g_free (source->doi);
  g_free (source->url);
  g_free (source->note);
  g_free (source);
}

void
ldn_search_hit_free (LdnSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->page_id);
  g_free (hit->page_title);
  g_free (hit->snippet);
  g_free (hit);
}

void
ldn_condition_free (LdnCondition *condition)
{
  if (condition == NULL)
    return;
  g_free (condition->id);
  g_free (condition->name);
  g_free (condition->strength);
  g_free (condition->strength_words);
  g_free (condition->summary);
  g_strfreev (condition->sources);
  g_free (condition);
}

void
ldn_side_effect_free (LdnSideEffect *side_effect)
{
  if (side_effect == NULL)
    return;
  g_free (side_effect->id);
  g_free (side_effect->name);
  g_free (side_effect->frequency);
  g_free (side_effect->note);
  g_strfreev (side_effect->sources);
  g_free (side_effect);
}

void
ldn_warning_sign_free (LdnWarningSign *sign)
{
  if (sign == NULL)
    return;
  g_free (sign->id);
  g_free (sign->sign);
  g_free (sign->action);
  g_strfreev (sign->sources);
  g_free (sign);
}

void
ldn_safety_topic_free (LdnSafetyTopic *topic)
{
  if (topic == NULL)
    return;
  g_free (topic->id);
  g_free (topic->question);
  g_free (topic->examples);
  g_free (topic->why);
  g_strfreev (topic->sources);
  g_free (topic);
}

void
ldn_suggested_question_free (LdnSuggestedQuestion *question)
{
  if (question == NULL)
    return;
  g_free (question->id);
  g_free (question->text);
  g_free (question);
}

/* "Younger J, Mackey S" is a person: the surname is the first word when
 * the second is a run of capital initials. */
static gboolean
authors_start_with_person (const char *authors)
{
  const char *space = strchr (authors, ' ');
  guint initials = 0;

  if (space == NULL)
    return FALSE;

  for (const char *p = space + 1; *p != '\0' && *p != ',' && *p != ' '; p++, initials++)
    {
      if (!g_ascii_isupper (*p))
        return FALSE;
    }

  /* "Younger J," or "Kim YH" yes; "National MS Society" no. */
  return initials > 0 && initials <= 3 && (space[1 + initials] == ',' || space[1 + initials] == '\0');
}

char *
ldn_source_dup_short_label (const LdnSource *source)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (source != NULL, NULL);

  if (source->authors == NULL && source->journal != NULL)
    base = g_strdup (source->journal);
  else if (source->authors == NULL)
    {
      /* No authors or journal: the first words of what it is. */
      const char *what = source->title != NULL ? source->title : source->description;
      g_auto(GStrv) words = g_strsplit (what, " ", 5);

      if (g_strv_length (words) == 5)
        {
          g_free (words[4]);
          words[4] = g_strdup ("…");
        }
      base = g_strjoinv (" ", words);
    }
  else if (authors_start_with_person (source->authors))
    base = g_strndup (source->authors, strcspn (source->authors, " ,"));
  else
    base = g_strndup (source->authors, strcspn (source->authors, ",;("));

  g_strchomp (base);
  if (source->year != 0)
    return g_strdup_printf ("%s %d", base, source->year);

  return g_steal_pointer (&base);
}

/* "et al." and titles ending in "?" need no second full stop. */
static void
append_with_stop (GString    *citation,
                  const char *text)
{
  g_string_append (citation, text);
  if (!g_str_has_suffix (text, ".") && !g_str_has_suffix (text, "?") && !g_str_has_suffix (text, "!"))
    g_string_append_c (citation, '.');
}

char *
ldn_source_dup_citation (const LdnSource *source)
{
  GString *citation;

  g_return_val_if_fail (source != NULL, NULL);

  citation = g_string_new (NULL);
  if (source->authors != NULL)
    {
      append_with_stop (citation, source->authors);
      g_string_append_c (citation, ' ');
    }
  /* Never a made-up title: what the source is, when its title is not known. */
  append_with_stop (citation, source->title != NULL ? source->title : source->description);
  if (source->journal != NULL)
    g_string_append_printf (citation, " %s.", source->journal);
  if (source->year != 0)
    g_string_append_printf (citation, " %d", source->year);
  if (source->details != NULL)
    g_string_append_printf (citation, "%s%s", source->year != 0 ? ";" : " ", source->details);
  if (source->year != 0 || source->details != NULL)
    g_string_append_c (citation, '.');
  if (source->pmid != NULL)
    g_string_append_printf (citation, " PMID %s.", source->pmid);
  if (source->doi != NULL)
    g_string_append_printf (citation, " doi:%s", source->doi);
  else if (source->url != NULL)
    g_string_append_printf (citation, " %s", source->url);
  if (source->accessed != NULL && source->year == 0)
    g_string_append_printf (citation, " (accessed %s)", source->accessed);

  return g_string_free (citation, FALSE);
}

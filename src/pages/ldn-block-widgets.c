/* ldn-block-widgets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "chart/ldn-icon-array.h"
#include "compat/ldn-compat.h"
#include "ldn-block-widgets.h"
#include "ldn-page-layout.h"

static GtkWidget *
vertical_box (int spacing)
{
  return gtk_box_new (GTK_ORIENTATION_VERTICAL, spacing);
}

const char *
ldn_source_kind_to_words (const char *kind)
{
  static const struct { const char *kind; const char *words; } kinds[] = {
    { "trial", N_("Clinical study in people") },
    { "pre-post", N_("Study in people, without a comparison group") },
    { "observational", N_("Observational study (no comparison group given a dummy pill)") },
    { "case-report", N_("Case report about one or a few people") },
    { "laboratory", N_("Laboratory study (cells or animals, not people)") },
    { "review", N_("Review of several studies") },
    { "label", N_("Official drug information") },
    { "guideline", N_("Guidance from a professional or public body") },
    { "opinion", N_("Opinion or advocacy, not a study") },
    { "registration", N_("Trial registration (no results yet)") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i].kind) == 0)
      return _(kinds[i].words);

  return _("Source");
}

GtkWidget *
ldn_source_entry_new (const LdnSource *source)
{
  GtkWidget *box = vertical_box (4);
  g_autofree char *label = ldn_source_dup_short_label (source);
  g_autofree char *citation = ldn_source_dup_citation (source);
  GtkWidget *citation_label = ldn_wrapped_label_new (citation, NULL);

  gtk_label_set_selectable (GTK_LABEL (citation_label), TRUE);
  gtk_box_append (GTK_BOX (box), ldn_wrapped_label_new (label, "heading"));
  gtk_box_append (GTK_BOX (box), ldn_wrapped_label_new (ldn_source_kind_to_words (source->kind), "dim-label"));
  gtk_box_append (GTK_BOX (box), citation_label);
  if (source->note != NULL)
    gtk_box_append (GTK_BOX (box), ldn_wrapped_label_new (source->note, "caption"));

  return box;
}

typedef struct {
  LdnContentStore *store;
  GStrv            source_ids;
  GtkRevealer     *revealer;
} SourcesData;

static void
sources_data_free (gpointer data)
{
  SourcesData *sources = data;

  g_object_unref (sources->store);
  g_strfreev (sources->source_ids);
  g_free (sources);
}

/* The citations are made the first time they are opened: most readers
 * never open most of them. They are made readable (headings, focus) as
 * the rest of the page is. */
static void
sources_button_toggled_cb (GtkToggleButton *button,
                           SourcesData     *sources)
{
  if (gtk_revealer_get_child (sources->revealer) == NULL)
    {
      GtkWidget *citations = vertical_box (6);

      for (guint i = 0; sources->source_ids[i] != NULL; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(LdnSource) source = ldn_content_store_get_source (sources->store, sources->source_ids[i], &error);
          GtkWidget *entry = source ? ldn_source_entry_new (source) : ldn_wrapped_label_new (error->message, "error");

          gtk_widget_add_css_class (entry, "ldn-citation");
          gtk_box_append (GTK_BOX (citations), entry);
        }
      ldn_page_make_readable (citations);
      gtk_revealer_set_child (sources->revealer, citations);
    }

  gtk_revealer_set_reveal_child (sources->revealer, gtk_toggle_button_get_active (button));
}

/* The sources of a statement are one click away and out of the way: a
 * small "Sources" button under it opens their full citations just below,
 * and closes them again. */
GtkWidget *
ldn_source_markers_new (LdnContentStore    *store,
                        const char * const *source_ids)
{
  GtkWidget *box = vertical_box (6);
  GtkWidget *button;
  GtkWidget *revealer;
  SourcesData *sources;
  guint n_sources;
  g_autofree char *text = NULL;

  /* The guide's authors speaking (an editorial block) cite no study, and
   * the reader should see that rather than an empty list. */
  if (source_ids == NULL || source_ids[0] == NULL)
    {
      gtk_box_append (GTK_BOX (box),
                      ldn_prose_label_new (_("Written by the guide’s authors, not taken from a study."),
                                           "ldn-source-note"));
      return box;
    }

  n_sources = g_strv_length ((char **) source_ids);
  /* Translators: a small button under a statement that shows its sources. */
  text = g_strdup_printf (ngettext ("%u Source", "%u Sources", n_sources), n_sources);
  button = gtk_toggle_button_new_with_label (text);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "ldn-sources-button");
  gtk_widget_set_tooltip_text (button, _("Show the sources of this statement"));
  ldn_compat_button_set_accessible_label (button, text);

  revealer = gtk_revealer_new ();
  sources = g_new0 (SourcesData, 1);
  sources->store = g_object_ref (store);
  sources->source_ids = g_strdupv ((char **) source_ids);
  sources->revealer = GTK_REVEALER (revealer);
  g_signal_connect_data (button, "toggled", G_CALLBACK (sources_button_toggled_cb), sources,
                         (GClosureNotify) (void (*) (void)) sources_data_free, 0);

  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), revealer);

  return box;
}

static GtkWidget *
text_block (LdnContentStore *store,
            const LdnBlock  *block,
            const char      *css_class,
            const char      *heading)
{
  GtkWidget *box = vertical_box (8);

  if (css_class != NULL)
    {
      gtk_widget_add_css_class (box, "card");
      gtk_widget_add_css_class (box, css_class);
    }
  if (heading != NULL)
    gtk_box_append (GTK_BOX (box), ldn_prose_label_new (heading, "ldn-block-kicker"));
  if (block->title != NULL)
    gtk_box_append (GTK_BOX (box), ldn_prose_label_new (block->title, "title-4"));
  if (block->body != NULL)
    gtk_box_append (GTK_BOX (box), ldn_prose_label_new (block->body, "ldn-body"));

  if (block->kind == LDN_BLOCK_LIST)
    for (guint i = 0; i < block->rows->len; i++)
      {
        GStrv item = g_ptr_array_index (block->rows, i);
        /* Translators: a bullet point in a list. */
        g_autofree char *bullet = g_strdup_printf (_("•  %s"), item[0]);
        GtkWidget *label = ldn_prose_label_new (bullet, "ldn-body");

        gtk_widget_set_margin_start (label, 12);
        gtk_box_append (GTK_BOX (box), label);
      }

  gtk_box_append (GTK_BOX (box), ldn_source_markers_new (store, (const char * const *) block->sources));

  return box;
}

static GtkWidget *
table_block (LdnContentStore *store,
             const LdnBlock  *block)
{
  GtkWidget *box = vertical_box (8);
  GtkWidget *grid = gtk_grid_new ();

  if (block->body != NULL)
    gtk_box_append (GTK_BOX (box), ldn_prose_label_new (block->body, "title-4"));

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 10);
  gtk_widget_add_css_class (grid, "ldn-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  block->body ? block->body : _("Table"), -1);

  for (guint r = 0; r < block->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (block->rows, r);
      GStrv header = g_ptr_array_index (block->rows, 0);
      g_autoptr(GString) spoken = g_string_new (NULL);

      /* A screen reader reads the table row by row: the row's first cell
       * takes focus and is spoken as the whole row, each value with its
       * column's heading. */
      for (guint c = 0; row[c] != NULL; c++)
        {
          if (*row[c] == '\0')
            continue;
          if (spoken->len > 0)
            g_string_append (spoken, "; ");
          if (r == 0 || c == 0 || header[c] == NULL)
            g_string_append (spoken, row[c]);
          else
            /* Translators: a table cell read aloud: its column's heading, then its value. */
            g_string_append_printf (spoken, _("%s: %s"), header[c], row[c]);
        }

      for (guint c = 0; row[c] != NULL; c++)
        {
          GtkWidget *cell = ldn_wrapped_label_new (row[c], r == 0 || c == 0 ? "heading" : NULL);

          ldn_page_skip_reading (cell);
          /* Narrow minimum, so on a phone the columns wrap instead of overflowing;
           * that needs breaks inside words too, so this is not a prose label. */
          gtk_label_set_max_width_chars (GTK_LABEL (cell), 28);
          gtk_label_set_width_chars (GTK_LABEL (cell), 6);
          gtk_widget_set_hexpand (cell, TRUE);
          gtk_widget_set_valign (cell, GTK_ALIGN_START);
          if (c == 0)
            ldn_compat_attach_table_row_head (GTK_GRID (grid), cell, r, spoken->str);
          else
            gtk_grid_attach (GTK_GRID (grid), cell, c, r, 1, 1);
        }
    }

  gtk_box_append (GTK_BOX (box), grid);
  gtk_box_append (GTK_BOX (box), ldn_source_markers_new (store, (const char * const *) block->sources));

  return box;
}

typedef struct {
  LdnTeachBackRecorder *recorder;
  char                 *question_id;
  char                 *choice_id;
  char                 *feedback;    /* said by a screen reader */
  char                 *explanation; /* shown under the marker */
  gboolean              correct;
  GtkWidget            *feedback_box;
  GtkRevealer          *revealer;
} ChoiceData;

static void
choice_data_free (gpointer data)
{
  ChoiceData *choice = data;

  g_clear_object (&choice->recorder);
  g_free (choice->question_id);
  g_free (choice->choice_id);
  g_free (choice->feedback);
  g_free (choice->explanation);
  g_free (choice);
}

/* The feedback box holds a marker (an icon and a word: right or not
 * quite) and the explanation in the page's normal text. */
static void
show_feedback (ChoiceData *choice)
{
  GtkWidget *marker = gtk_widget_get_first_child (choice->feedback_box);
  GtkWidget *icon = gtk_widget_get_first_child (marker);
  GtkWidget *word = gtk_widget_get_next_sibling (icon);
  GtkWidget *explanation = gtk_widget_get_next_sibling (marker);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), choice->correct ? "object-select-symbolic" : "window-close-symbolic");
  gtk_label_set_text (GTK_LABEL (word), choice->correct ? _("Right") : _("Not Quite"));
  gtk_label_set_text (GTK_LABEL (explanation), choice->explanation);
  gtk_widget_remove_css_class (marker, choice->correct ? "ldn-wrong" : "ldn-right");
  gtk_widget_add_css_class (marker, choice->correct ? "ldn-right" : "ldn-wrong");
  gtk_revealer_set_reveal_child (choice->revealer, TRUE);
}

static GtkWidget *
feedback_box_new (void)
{
  GtkWidget *box = vertical_box (4);
  GtkWidget *marker = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new ();

  gtk_widget_add_css_class (box, "ldn-feedback");
  gtk_widget_add_css_class (marker, "ldn-feedback-marker");
  gtk_box_append (GTK_BOX (marker), icon);
  gtk_box_append (GTK_BOX (marker), ldn_wrapped_label_new ("", "heading"));
  gtk_box_append (GTK_BOX (box), marker);
  gtk_box_append (GTK_BOX (box), ldn_prose_label_new ("", "ldn-body"));

  return box;
}

static void
choice_toggled_cb (GtkCheckButton *button,
                   ChoiceData     *choice)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_check_button_get_active (button))
    return;

  show_feedback (choice);
  /* The feedback appears below; a screen reader hears it at once. */
  ldn_compat_announce (GTK_WIDGET (button), choice->feedback);
  if (choice->recorder != NULL &&
      !ldn_teach_back_recorder_record_answer (choice->recorder, choice->question_id, choice->choice_id, &error))
    g_warning ("Could not keep the teach-back answer: %s", error->message);
}

static GtkWidget *
teach_back_block (LdnContentStore      *store,
                  LdnTeachBackRecorder *recorder,
                  const LdnBlock       *block)
{
  GtkWidget *box = vertical_box (8);
  GtkWidget *choices = g_object_new (GTK_TYPE_BOX,
                                     "orientation", GTK_ORIENTATION_VERTICAL,
                                     "spacing", 4,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO_GROUP,
                                     NULL);
  GtkWidget *feedback = feedback_box_new ();
  GtkWidget *revealer = gtk_revealer_new ();
  g_autofree char *previous = recorder ? ldn_teach_back_recorder_dup_answer (recorder, block->question_id) : NULL;
  const char *right_text = "";
  GtkCheckButton *group = NULL;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "ldn-teach-back");
  gtk_box_append (GTK_BOX (box), ldn_wrapped_label_new (_("Check your understanding"), "ldn-block-kicker"));
  gtk_box_append (GTK_BOX (box), ldn_prose_label_new (block->title, "title-4"));

  for (guint i = 0; i < block->choices->len; i++)
    if (((LdnChoice *) g_ptr_array_index (block->choices, i))->correct)
      right_text = ((LdnChoice *) g_ptr_array_index (block->choices, i))->text;

  gtk_revealer_set_child (GTK_REVEALER (revealer), feedback);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choices), GTK_ACCESSIBLE_PROPERTY_LABEL, block->title, -1);

  for (guint i = 0; i < block->choices->len; i++)
    {
      const LdnChoice *choice = g_ptr_array_index (block->choices, i);
      /* One answer of several: a radio button (GTK 4.8 keeps grouped check
       * buttons as check boxes), named by its text, since GTK 4.8 takes
       * no name from a custom child. */
      GtkWidget *button = g_object_new (GTK_TYPE_CHECK_BUTTON,
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO,
                                        NULL);
      GtkWidget *label = ldn_prose_label_new (choice->text, NULL);
      ChoiceData *data = g_new0 (ChoiceData, 1);

      gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, choice->text, -1);
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
      else
        group = GTK_CHECK_BUTTON (button);

      data->recorder = recorder ? g_object_ref (recorder) : NULL;
      data->question_id = g_strdup (block->question_id);
      data->choice_id = g_strdup (choice->id);
      data->correct = choice->correct;
      data->feedback_box = feedback;
      data->revealer = GTK_REVEALER (revealer);
      data->feedback = choice->correct
        ? g_strdup_printf (_("Right. %s"), block->body)
        : g_strdup_printf (_("Not quite. The best answer is: “%s” %s"), right_text, block->body);
      data->explanation = choice->correct
        ? g_strdup (block->body)
        /* Translators: under "Not Quite": the right answer, then why. */
        : g_strdup_printf (_("The best answer is: “%s” %s"), right_text, block->body);

      /* Show an earlier answer before listening, so it is not recorded twice. */
      if (g_strcmp0 (previous, choice->id) == 0)
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (button), TRUE);
          show_feedback (data);
        }

      g_signal_connect_data (button, "toggled", G_CALLBACK (choice_toggled_cb), data,
                             (GClosureNotify) (void (*) (void)) choice_data_free, 0);
      gtk_box_append (GTK_BOX (choices), button);
    }

  gtk_box_append (GTK_BOX (box), choices);
  gtk_box_append (GTK_BOX (box), revealer);
  gtk_box_append (GTK_BOX (box), ldn_source_markers_new (store, (const char * const *) block->sources));

  return box;
}

static GtkWidget *
boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  return list;
}

static void
append_list_item (GtkWidget *list,
                  GtkWidget *content)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_top (content, 10);
  gtk_widget_set_margin_bottom (content, 10);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), content);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
}

static GtkWidget *
conditions_block (LdnContentStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conditions = ldn_content_store_list_conditions (store, &error);
  GtkWidget *list = boxed_list ();

  if (conditions == NULL)
    return ldn_wrapped_label_new (error->message, "error");

  for (guint i = 0; i < conditions->len; i++)
    {
      const LdnCondition *condition = g_ptr_array_index (conditions, i);
      g_autofree char *strength_class = g_strdup_printf ("ldn-strength-%s", condition->strength);
      GtkWidget *box = vertical_box (6);
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *name = ldn_prose_label_new (condition->name, "heading");
      GtkWidget *strength = ldn_prose_label_new (condition->strength_words, NULL);

      gtk_widget_set_hexpand (name, TRUE);
      /* The badge wraps too, so name and badge fit side by side on a phone. */
      gtk_label_set_xalign (GTK_LABEL (strength), 1);
      gtk_label_set_justify (GTK_LABEL (strength), GTK_JUSTIFY_RIGHT);
      gtk_label_set_max_width_chars (GTK_LABEL (strength), 16);
      gtk_widget_set_halign (strength, GTK_ALIGN_END);
      gtk_widget_set_valign (strength, GTK_ALIGN_START);
      gtk_widget_add_css_class (strength, "ldn-strength");
      gtk_widget_add_css_class (strength, strength_class);
      gtk_box_append (GTK_BOX (header), name);
      gtk_box_append (GTK_BOX (header), strength);
      gtk_box_append (GTK_BOX (box), header);
      gtk_box_append (GTK_BOX (box), ldn_prose_label_new (condition->summary, "ldn-body"));
      gtk_box_append (GTK_BOX (box), ldn_source_markers_new (store, (const char * const *) condition->sources));
      append_list_item (list, box);
    }

  return list;
}

static GtkWidget *
side_effects_block (LdnContentStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) side_effects = ldn_content_store_list_side_effects (store, &error);
  GtkWidget *list = boxed_list ();

  if (side_effects == NULL)
    return ldn_wrapped_label_new (error->message, "error");

  for (guint i = 0; i < side_effects->len; i++)
    {
      const LdnSideEffect *side_effect = g_ptr_array_index (side_effects, i);
      GtkWidget *box = vertical_box (6);
      const char *course = side_effect->transient == 1 ? _("Usually passes")
                         : side_effect->transient == 0 ? _("May not pass on its own")
                         : _("Not known whether it passes");

      gtk_box_append (GTK_BOX (box), ldn_prose_label_new (side_effect->name, "heading"));
      gtk_box_append (GTK_BOX (box), ldn_prose_label_new (side_effect->frequency, "ldn-body"));
      gtk_box_append (GTK_BOX (box), ldn_wrapped_label_new (course, "dim-label"));
      if (side_effect->note != NULL && *side_effect->note != '\0')
        gtk_box_append (GTK_BOX (box), ldn_prose_label_new (side_effect->note, "ldn-body"));
      gtk_box_append (GTK_BOX (box), ldn_source_markers_new (store, (const char * const *) side_effect->sources));
      append_list_item (list, box);
    }

  return list;
}

/* A frequency: its sentence, then two 100-person pictures side by side
 * (LDN and the comparison), each named by its count. */
static GtkWidget *
frequency_block (LdnContentStore *store,
                 const LdnBlock  *block)
{
  const LdnFrequency *frequency = block->frequency;
  GtkWidget *box = vertical_box (8);
  GtkWidget *arrays = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  struct { guint count; const char *group; } arms[2];

  if (block->title != NULL)
    gtk_box_append (GTK_BOX (box), ldn_prose_label_new (block->title, "title-4"));
  if (block->body != NULL)
    gtk_box_append (GTK_BOX (box), ldn_prose_label_new (block->body, "ldn-body"));
  if (frequency == NULL)
    return box;

  arms[0].count = frequency->ldn;
  arms[0].group = "LDN";
  arms[1].count = frequency->comparison;
  arms[1].group = frequency->comparator;

  /* Side by side, each picture under its caption. (A GtkGrid kept the two
   * level, but newer GTK measured it 2 px short with large text on a phone
   * and warned.) The pictures start level unless one caption wraps. */
  gtk_box_set_spacing (GTK_BOX (arrays), 24);
  gtk_widget_set_halign (arrays, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrays), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  block->body ? block->body : "", -1);
  for (guint i = 0; i < G_N_ELEMENTS (arms); i++)
    {
      /* Translators: under a picture of 100 people, e.g. "On placebo: 40 of 100". */
      g_autofree char *caption = g_strdup_printf (_("On %s: %u of %u"), arms[i].group, arms[i].count,
                                                  frequency->per);
      GtkWidget *label = ldn_prose_label_new (caption, "heading");
      GtkWidget *picture = ldn_icon_array_new (arms[i].count, frequency->per, caption, block->body);
      GtkWidget *arm = vertical_box (6);

      gtk_widget_set_valign (arm, GTK_ALIGN_END);
      gtk_box_append (GTK_BOX (arm), label);
      gtk_box_append (GTK_BOX (arm), picture);
      gtk_box_append (GTK_BOX (arrays), arm);
    }
  gtk_box_append (GTK_BOX (box), arrays);
  gtk_box_append (GTK_BOX (box), ldn_source_markers_new (store, (const char * const *) block->sources));

  return box;
}

static GtkWidget *
new_block_widget (LdnContentStore      *store,
                  LdnTeachBackRecorder *recorder,
                  const LdnBlock       *block);

GtkWidget *
ldn_block_widget_new (LdnContentStore      *store,
                      LdnTeachBackRecorder *recorder,
                      const LdnBlock       *block)
{
  GtkWidget *widget;

  g_return_val_if_fail (LDN_IS_CONTENT_STORE (store), NULL);
  g_return_val_if_fail (block != NULL, NULL);

  widget = new_block_widget (store, recorder, block);
  /* A text the content has no translation for yet is shown in English,
   * and says so, rather than passing for the reader's language. */
  if (block->untranslated && GTK_IS_BOX (widget))
    {
      GtkWidget *tag = gtk_label_new (_("Not translated yet: shown in English."));

      gtk_label_set_xalign (GTK_LABEL (tag), 0);
      gtk_label_set_wrap (GTK_LABEL (tag), TRUE);
      gtk_widget_add_css_class (tag, "dim-label");
      gtk_widget_add_css_class (tag, "caption");
      gtk_box_prepend (GTK_BOX (widget), tag);
    }

  return widget;
}

static GtkWidget *
new_block_widget (LdnContentStore      *store,
                  LdnTeachBackRecorder *recorder,
                  const LdnBlock       *block)
{
  switch (block->kind)
    {
    case LDN_BLOCK_KEY_POINT:
      return text_block (store, block, "ldn-key-point", _("Key point"));
    case LDN_BLOCK_UNKNOWN:
      return text_block (store, block, "ldn-unknown", _("What we don’t know"));
    case LDN_BLOCK_TABLE:
      return table_block (store, block);
    case LDN_BLOCK_TEACH_BACK:
      return teach_back_block (store, recorder, block);
    case LDN_BLOCK_CONDITIONS:
      return conditions_block (store);
    case LDN_BLOCK_SIDE_EFFECTS:
      return side_effects_block (store);
    case LDN_BLOCK_FREQUENCY:
      return frequency_block (store, block);
    case LDN_BLOCK_LIST:
    case LDN_BLOCK_PARAGRAPH:
    default:
      return text_block (store, block, NULL, NULL);
    }
}

/* test-translation.c: run with LANGUAGE=es, every section shows Spanish.
 *
 * A label whose text is an English message that the Spanish catalog
 * translates was shown untranslated: its string is translatable but the
 * code forgot _() at the point of use, or set it before the catalog was
 * bound. Content from the guide's database stays English by design and
 * is not in the catalog, so it is not flagged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "app/ldn-application.h"
#include "app/ldn-window.h"
#include "pages/ldn-side-effects-page.h"
#include "ldn-test-ui.h"

static LdnApplication *app;

static gboolean
is_untranslated (const char *text)
{
  return text != NULL && *text != '\0' && g_strcmp0 (dgettext (GETTEXT_PACKAGE, text), text) != 0;
}

static void
collect_untranslated (GtkWidget  *widget,
                      GHashTable *untranslated,
                      guint      *n_texts)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (GTK_IS_LABEL (widget))
    {
      const char *label = gtk_label_get_label (GTK_LABEL (widget));

      (*n_texts)++;
      if (is_untranslated (label))
        g_hash_table_add (untranslated, g_strdup (label));
    }
  if (GTK_IS_EDITABLE (widget) && GTK_IS_TEXT (widget))
    {
      const char *placeholder = gtk_text_get_placeholder_text (GTK_TEXT (widget));

      if (is_untranslated (placeholder))
        g_hash_table_add (untranslated, g_strdup (placeholder));
    }
  if (is_untranslated (tooltip))
    g_hash_table_add (untranslated, g_strdup (tooltip));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_untranslated (child, untranslated, n_texts);
}

static guint
assert_all_translated (GtkWidget  *root,
                       const char *where)
{
  g_autoptr(GHashTable) untranslated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) list = g_string_new (NULL);
  GHashTableIter iter;
  gpointer text;
  guint n_texts = 0;

  collect_untranslated (root, untranslated, &n_texts);
  g_hash_table_iter_init (&iter, untranslated);
  while (g_hash_table_iter_next (&iter, &text, NULL))
    g_string_append_printf (list, "\n  “%s”", (char *) text);
  if (list->len > 0)
    g_error ("English text shown with LANGUAGE=es in %s:%s", where, list->str);

  return n_texts;
}

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
}

static void
test_every_section_is_spanish (void)
{
  const char *sections[] = { "learn", "timeline", "side-effects", "sheet" };
  const char *side_effect_views[] = { "checklist", "safety", "questions" };
  LdnWindow *window = ldn_window_new (app);
  guint n_texts = 0;

  /* The catalog is really in use: the section names are Spanish. */
  g_assert_cmpstr (_("Learn"), ==, "Aprender");

  gtk_window_present (GTK_WINDOW (window));
  ldn_test_wait_mapped (GTK_WIDGET (window));
  g_assert_true (shows_label (GTK_WIDGET (window), "Aprender"));
  g_assert_true (shows_label (GTK_WIDGET (window), "Hoja para el médico"));

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", sections[i]));
      n_texts += assert_all_translated (GTK_WIDGET (window), sections[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (side_effect_views); i++)
    {
      ldn_side_effects_page_show_view (ldn_window_get_side_effects_page (window), side_effect_views[i]);
      n_texts += assert_all_translated (GTK_WIDGET (window), side_effect_views[i]);
    }

  g_test_message ("%u texts checked", n_texts);
  g_assert_cmpuint (n_texts, >, 200);
  ldn_test_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_setenv ("LANGUAGE", "es", TRUE);
  /* meson.build sets LANG=es_ES.UTF-8: glibc 2.41 and later ignore
   * LANGUAGE under C.UTF-8, and every glibc under C. Without that locale
   * every label would read as a missed translation, so say what is wrong. */
  if (setlocale (LC_ALL, "") == NULL)
    g_error ("The es_ES.UTF-8 locale is missing: build-aux/ldn-dev deps generates it");
  app = ldn_test_ui_init (&argc, &argv);

  g_test_add_func ("/translation/every-section-is-spanish", test_every_section_is_spanish);

  result = g_test_run ();
  g_object_unref (app);
  return result;
}

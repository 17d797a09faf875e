/* test-translation.c: run under LANG=es_ES.UTF-8, every section shows Spanish.
 *
 * A label whose text is an English message that the Spanish catalog
 * translates was shown untranslated: its string is translatable but the
 * code forgot _() at the point of use, or set it before the catalog was
 * bound. A label that shows an English sentence of the guide's content
 * (one the Spanish content does not share, such as "placebo") is flagged
 * too: the content has a Spanish translation, so English there means the
 * store was opened in the wrong language or a text fell back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <sqlite3.h>

#include "app/ldn-application.h"
#include "app/ldn-window.h"
#include "content/ldn-content-store.h"
#include "pages/ldn-learn-page.h"
#include "pages/ldn-side-effects-page.h"
#include "pages/ldn-timeline-page.h"
#include "ldn-test-ui.h"

static LdnApplication *app;
/* English content sentences that are not also Spanish content. */
static GPtrArray *english_content;

static GHashTable *
content_texts (sqlite3    *db,
               const char *locale)
{
  GHashTable *texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                       " AND (name LIKE '%\\_text' ESCAPE '\\' OR name = 'block_cells')",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE locale = ?1",
                                              (const char *) sqlite3_column_text (tables, 0));
      sqlite3_stmt *rows = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (rows, 1, locale, -1, SQLITE_STATIC);
      while (sqlite3_step (rows) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (rows); c++)
          {
            const char *text = (const char *) sqlite3_column_text (rows, c);

            /* Sentences and names, not ids or codes. */
            if (sqlite3_column_type (rows, c) == SQLITE_TEXT && strchr (text, ' ') != NULL &&
                g_utf8_strlen (text, -1) >= 12)
              g_hash_table_add (texts, g_strdup (text));
          }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);

  return texts;
}

static void
load_english_content (void)
{
  g_autofree char *path = ldn_content_store_dup_default_path ();
  g_autoptr(GHashTable) english = NULL;
  g_autoptr(GHashTable) spanish = NULL;
  GHashTableIter iter;
  gpointer text;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  english = content_texts (db, "en");
  spanish = content_texts (db, "es");
  sqlite3_close (db);

  english_content = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_iter_init (&iter, english);
  while (g_hash_table_iter_next (&iter, &text, NULL))
    if (!g_hash_table_contains (spanish, text))
      g_ptr_array_add (english_content, g_strdup (text));
  g_assert_cmpuint (english_content->len, >, 250);
}

/* The English content sentence TEXT shows, or NULL. */
static const char *
english_content_in (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;
  for (guint i = 0; i < english_content->len; i++)
    if (strstr (text, g_ptr_array_index (english_content, i)) != NULL)
      return g_ptr_array_index (english_content, i);
  return NULL;
}

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

      const char *content = english_content_in (gtk_label_get_text (GTK_LABEL (widget)));

      (*n_texts)++;
      if (is_untranslated (label))
        g_hash_table_add (untranslated, g_strdup (label));
      if (content != NULL)
        g_hash_table_add (untranslated, g_strdup_printf ("content: %s", content));
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
    g_error ("English text shown in Spanish in %s:%s", where, list->str);

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
  const char *side_effect_views[] = { "checklist", "questions" };
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
  /* The safety questions, in Prepare's "My Situation and Safety" step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "prepare"));
  ldn_prepare_page_show_step (ldn_window_get_prepare_page (window), "safety");
  n_texts += assert_all_translated (GTK_WIDGET (window), "safety");

  /* Numbers follow the locale: the dose presets read "1,5" and "4,5". */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "timeline"));
  g_assert_true (shows_label (GTK_WIDGET (ldn_window_get_timeline_page (window)), "4,5"));
  g_assert_true (shows_label (GTK_WIDGET (ldn_window_get_timeline_page (window)), "1,5"));
  g_assert_false (shows_label (GTK_WIDGET (ldn_window_get_timeline_page (window)), "4.5"));

  g_test_message ("%u texts checked", n_texts);
  g_assert_cmpuint (n_texts, >, 200);
  ldn_test_close_window (GTK_WINDOW (window));
}

/* Every guided page, opened one by one, is Spanish: its title, blocks,
 * tables, icon-array captions and check questions. */
static void
test_every_guide_page_is_spanish (void)
{
  g_autofree char *path = ldn_content_store_dup_default_path ();
  g_autoptr(LdnContentStore) store = ldn_content_store_new (path, NULL, NULL);
  g_autoptr(GPtrArray) pages = ldn_content_store_list_pages (store, NULL);
  LdnWindow *window = ldn_window_new (app);
  LdnLearnPage *learn = ldn_window_get_learn_page (window);
  guint n_texts = 0;

  g_assert_cmpstr (ldn_content_store_get_locale (store), ==, "es");
  gtk_window_present (GTK_WINDOW (window));
  ldn_test_wait_mapped (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "learn"));
  g_assert_true (shows_label (GTK_WIDGET (window), "Qué es la naltrexona") ||
                 ldn_learn_page_show_page (learn, "what-is-naltrexone", 0));

  for (guint i = 0; i < pages->len; i++)
    {
      LdnPageInfo *page = g_ptr_array_index (pages, i);

      g_assert_true (ldn_learn_page_show_page (learn, page->id, 0));
      n_texts += assert_all_translated (GTK_WIDGET (learn), page->id);
    }
  g_assert_true (shows_label (GTK_WIDGET (window), "Sobre esta guía"));

  g_test_message ("%u texts checked on %u pages", n_texts, pages->len);
  g_assert_cmpuint (n_texts, >, 300);
  ldn_test_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  /* A real Spanish locale, as a Spanish speaker runs the app: newer
   * glibc ignores LANGUAGE under C.UTF-8. */
  if (setlocale (LC_ALL, "") == NULL || !g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "es"))
    g_error ("Run under LANG=es_ES.UTF-8 (build-aux/ldn-dev generates it; see locale -a), not “%s”",
             g_getenv ("LANG"));
  app = ldn_test_ui_init (&argc, &argv);
  load_english_content ();

  g_test_add_func ("/translation/every-section-is-spanish", test_every_section_is_spanish);
  g_test_add_func ("/translation/every-guide-page-is-spanish", test_every_guide_page_is_spanish);

  result = g_test_run ();
  g_ptr_array_unref (english_content);
  g_object_unref (app);
  return result;
}

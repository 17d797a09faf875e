/* ldn-sheet-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "compat/ldn-compat.h"
#include "export/ldn-export.h"
#include "model/ldn-dose-scenario.h"
#include "print/ldn-print-operation.h"
#include "sheet/ldn-sheet-preview.h"
#include "util/ldn-language.h"

#include "ldn-page-layout.h"
#include "ldn-sheet-page.h"
#include "ldn-toast.h"

struct _LdnSheetPage
{
  AdwBin           parent_instance;

  LdnContentStore *content;
  LdnContentStore *sheet_content;   /* the content in the sheet's language, when not the app's */
  LdnUserStore    *user;
  GSettings       *settings;
  char            *problem;     /* why there is no sheet, or NULL */
  LdnSheet        *sheet;
  double           page_width;
  double           page_height;
  gboolean         loading;
  /* The preview is made again only when what it shows changed: data
   * saved, the dose, the options, or the day (the sheet is dated). */
  gboolean         stale;
  char            *made_on;

  AdwEntryRow     *name_row;
  AdwComboRow     *paper_row;
  AdwComboRow     *language_row;
  GtkSwitch       *chart_switch;
  GtkSwitch       *sources_switch;
  GtkLabel        *pages_label;
  GtkBox          *preview_box;
};

G_DEFINE_FINAL_TYPE (LdnSheetPage, ldn_sheet_page, ADW_TYPE_BIN)

static void
say (LdnSheetPage *self,
     const char   *message)
{
  ldn_toast_show (GTK_WIDGET (self), message);
}

static LdnPaper
selected_paper (LdnSheetPage *self)
{
  return adw_combo_row_get_selected (self->paper_row) == 1 ? LDN_PAPER_LETTER : LDN_PAPER_A4;
}

/* The language rows, in order: the app's, then each in its own words. */
static const char *const sheet_languages[] = { "", "en", "es" };

/* NULL: the app's language. */
static const char *
selected_language (LdnSheetPage *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  return selected > 0 && selected < G_N_ELEMENTS (sheet_languages) ? sheet_languages[selected] : NULL;
}

static guint
language_position (const char *language)
{
  for (guint i = 1; i < G_N_ELEMENTS (sheet_languages); i++)
    if (g_strcmp0 (language, sheet_languages[i]) == 0)
      return i;
  return 0;
}

/* The content in the sheet's language: the app's store when they agree,
 * else a second store (read-only and small) kept for that language. */
static LdnContentStore *
content_for_sheet (LdnSheetPage  *self,
                   const char    *language,
                   GError       **error)
{
  g_autofree char *path = NULL;

  if (language == NULL || g_str_equal (language, ldn_content_store_get_locale (self->content)))
    return self->content;
  if (self->sheet_content != NULL && g_str_equal (ldn_content_store_get_locale (self->sheet_content), language))
    return self->sheet_content;

  g_clear_object (&self->sheet_content);
  path = ldn_content_store_dup_default_path ();
  self->sheet_content = ldn_content_store_new (path, language, error);
  return self->sheet_content;
}

/* Until the person picks a size, follow the locale: US Letter where that
 * is what printers hold. */
static LdnPaper
initial_paper (GSettings *settings)
{
  g_autoptr(GVariant) chosen = g_settings_get_user_value (settings, "sheet-paper");
  g_autofree char *name = NULL;
  LdnPaper paper = LDN_PAPER_A4;

  if (chosen != NULL)
    {
      ldn_paper_from_string (g_variant_get_string (chosen, NULL), &paper);
      return paper;
    }

  name = g_strdup (gtk_paper_size_get_default ());
  return g_str_has_prefix (name, "na_letter") ? LDN_PAPER_LETTER : LDN_PAPER_A4;
}

static void
clear_preview (LdnSheetPage *self)
{
  GtkWidget *child;

  /* Previews point at the sheet, so they go first. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_box))) != NULL)
    gtk_box_remove (self->preview_box, child);
  g_clear_pointer (&self->sheet, ldn_sheet_free);
}

/* What the sheet holds, with the options the page shows. */
static LdnSheetData *
collect_data (LdnSheetPage  *self,
              GError       **error)
{
  if (self->content == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           self->problem ? self->problem : _("The guide's content is not loaded."));
      return NULL;
    }

  {
    const char *language = selected_language (self);
    LdnContentStore *content = content_for_sheet (self, language, error);
    g_autoptr(LdnLanguageScope) scope = NULL;
    LdnDoseScenario *scenario = ldn_dose_scenario_get_for_settings (self->settings);
    LdnSheetData *data;

    if (content == NULL)
      return NULL;
    scope = ldn_language_scope_push (language);
    data = ldn_sheet_data_collect_for_scenario (content, self->user, scenario,
                                                gtk_switch_get_active (self->chart_switch),
                                                gtk_switch_get_active (self->sources_switch),
                                                error);
    return data;
  }
}

static LdnSheet *
build_sheet (LdnSheetPage  *self,
             double         width,
             double         height,
             GError       **error)
{
  LdnSheetData *data = collect_data (self, error);

  return data != NULL ? ldn_sheet_new (data, width, height, error) : NULL;
}

static void
show_problem (LdnSheetPage *self,
              const char   *message)
{
  GtkWidget *label = gtk_label_new (message);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_box_append (self->preview_box, label);
  gtk_label_set_text (self->pages_label, "");
}

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%F");
}

void
ldn_sheet_page_refresh (LdnSheetPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  guint n_pages;

  g_return_if_fail (LDN_IS_SHEET_PAGE (self));

  if (self->settings == NULL)
    return;

  clear_preview (self);
  self->stale = FALSE;
  g_free (self->made_on);
  self->made_on = dup_today ();
  ldn_paper_get_size (selected_paper (self), &self->page_width, &self->page_height);
  self->sheet = build_sheet (self, self->page_width, self->page_height, &error);
  if (self->sheet == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The sheet cannot be made: %s"), error->message);

      show_problem (self, message);
      return;
    }

  n_pages = ldn_sheet_get_n_pages (self->sheet);
  for (guint page = 0; page < n_pages; page++)
    gtk_box_append (self->preview_box,
                    ldn_sheet_preview_new (self->sheet, self->page_width, self->page_height, page));

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", n_pages), n_pages);
  gtk_label_set_text (self->pages_label, count);
}

static void
options_changed_cb (LdnSheetPage *self)
{
  if (self->loading || self->settings == NULL)
    return;

  g_settings_set_string (self->settings, "sheet-paper",
                         selected_paper (self) == LDN_PAPER_LETTER ? "letter" : "a4");
  g_settings_set_boolean (self->settings, "sheet-include-chart", gtk_switch_get_active (self->chart_switch));
  g_settings_set_boolean (self->settings, "sheet-include-sources", gtk_switch_get_active (self->sources_switch));
  g_settings_set_string (self->settings, "sheet-language", sheet_languages[adw_combo_row_get_selected (self->language_row)
                                                                           % G_N_ELEMENTS (sheet_languages)]);
  ldn_sheet_page_refresh (self);
}

/* The name is saved as it is typed; a refused name stays in the box,
 * marked, so nothing typed is lost. */
static void
name_changed_cb (LdnSheetPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  if (self->loading || self->user == NULL)
    return;

  /* Saving emits the store's "changed", which remakes the preview. */
  if (ldn_user_store_set_text (self->user, LDN_USER_TEXT_NAME, name, &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_row), NULL);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Your name was not saved: %s"), error->message);

      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_row), message);
    }
}

static void
load_name (LdnSheetPage *self)
{
  g_autofree char *name = ldn_user_store_dup_text (self->user, LDN_USER_TEXT_NAME);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
  self->loading = FALSE;
}

/* Shown: made again now; hidden: when next shown. */
static void
shown_data_changed_cb (LdnSheetPage *self)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ldn_sheet_page_refresh (self);
}

static void
user_reset_cb (LdnSheetPage *self)
{
  load_name (self);
  ldn_sheet_page_refresh (self);
}

void
ldn_sheet_page_load (LdnSheetPage    *self,
                     LdnContentStore *content,
                     const GError    *error,
                     LdnUserStore    *user,
                     GSettings       *settings)
{
  g_return_if_fail (LDN_IS_SHEET_PAGE (self));
  g_return_if_fail (LDN_IS_USER_STORE (user));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_set_object (&self->content, content);
  g_set_object (&self->user, user);
  g_set_object (&self->settings, settings);
  g_clear_pointer (&self->problem, g_free);
  if (error != NULL)
    self->problem = g_strdup (error->message);

  self->loading = TRUE;
  adw_combo_row_set_selected (self->paper_row, initial_paper (settings) == LDN_PAPER_LETTER ? 1 : 0);
  gtk_switch_set_active (self->chart_switch, g_settings_get_boolean (settings, "sheet-include-chart"));
  gtk_switch_set_active (self->sources_switch, g_settings_get_boolean (settings, "sheet-include-sources"));
  {
    g_autofree char *language = g_settings_get_string (settings, "sheet-language");

    adw_combo_row_set_selected (self->language_row, language_position (language));
  }
  self->loading = FALSE;
  load_name (self);

  g_signal_connect_object (user, "reset", G_CALLBACK (user_reset_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (user, "changed", G_CALLBACK (shown_data_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ldn_dose_scenario_get_for_settings (settings), "notify::dose-mg",
                           G_CALLBACK (shown_data_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ldn_dose_scenario_get_for_settings (settings), "notify::schedule",
                           G_CALLBACK (shown_data_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ldn_dose_scenario_get_for_settings (settings), "notify::dose-minute",
                           G_CALLBACK (shown_data_changed_cb), self, G_CONNECT_SWAPPED);
  ldn_sheet_page_refresh (self);
}

guint
ldn_sheet_page_get_n_pages (LdnSheetPage *self)
{
  g_return_val_if_fail (LDN_IS_SHEET_PAGE (self), 0);

  return self->sheet ? ldn_sheet_get_n_pages (self->sheet) : 0;
}

gboolean
ldn_sheet_page_write_pdf (LdnSheetPage  *self,
                          GFile         *file,
                          GError       **error)
{
  g_return_val_if_fail (LDN_IS_SHEET_PAGE (self), FALSE);

  if (self->sheet == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           self->problem ? self->problem : _("There is no sheet to save."));
      return FALSE;
    }

  return file == NULL || ldn_export_sheet_pdf (self->sheet, file, NULL, error);
}

/* A paper picked in the print dialog becomes the sheet's paper, so the
 * preview shows what was printed. */
static void
remember_page_setup (LdnSheetPage *self,
                     GtkPageSetup *setup)
{
  const char *paper = gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup));

  g_settings_set_value (self->settings, "page-setup", gtk_page_setup_to_gvariant (setup));
  if (g_str_equal (paper, GTK_PAPER_NAME_LETTER))
    adw_combo_row_set_selected (self->paper_row, 1);
  else if (g_str_equal (paper, GTK_PAPER_NAME_A4))
    adw_combo_row_set_selected (self->paper_row, 0);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               LdnSheetPage            *self)
{
  LdnPrintOperation *print = LDN_PRINT_OPERATION (operation);
  const GError *sheet_error = ldn_print_operation_get_sheet_error (print);
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_autoptr(GtkPrintSettings) settings = gtk_print_settings_copy (gtk_print_operation_get_print_settings (operation));

      /* A saved printer name makes GTK 4.8 crash when that printer is
       * gone; the dialog finds the default printer by itself. */
      gtk_print_settings_unset (settings, GTK_PRINT_SETTINGS_PRINTER);
      g_settings_set_value (self->settings, "print-settings", gtk_print_settings_to_gvariant (settings));
      if (ldn_print_operation_get_used_page_setup (print) != NULL)
        remember_page_setup (self, ldn_print_operation_get_used_page_setup (print));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR || sheet_error != NULL)
    {
      g_autofree char *message = NULL;

      gtk_print_operation_get_error (operation, &error);
      message = g_strdup_printf (_("The sheet was not printed: %s"),
                                 sheet_error ? sheet_error->message : error ? error->message : _("unknown error"));
      say (self, message);
    }
}

/* The last page setup, on the paper the page shows. */
static GtkPageSetup *
page_setup_for (GSettings *settings,
                LdnPaper   paper)
{
  g_autoptr(GVariant) saved = g_settings_get_value (settings, "page-setup");
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (paper == LDN_PAPER_LETTER ? GTK_PAPER_NAME_LETTER
                                                                               : GTK_PAPER_NAME_A4);
  GtkPageSetup *setup = NULL;

  if (g_variant_n_children (saved) > 0)
    setup = gtk_page_setup_new_from_gvariant (saved);
  if (setup == NULL)
    setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size (setup, size);
  return setup;
}

static GtkPrintSettings *
saved_print_settings (GSettings *settings)
{
  g_autoptr(GVariant) saved = g_settings_get_value (settings, "print-settings");
  GtkPrintSettings *print_settings = gtk_print_settings_new_from_gvariant (saved);

  gtk_print_settings_unset (print_settings, GTK_PRINT_SETTINGS_PRINTER);
  return print_settings;
}

GtkPrintOperation *
ldn_sheet_page_new_print_operation (LdnSheetPage  *self,
                                    GError       **error)
{
  LdnPrintOperation *operation;
  g_autoptr(LdnSheetData) data = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPrintSettings) print_settings = NULL;

  g_return_val_if_fail (LDN_IS_SHEET_PAGE (self), NULL);
  g_return_val_if_fail (self->settings != NULL, NULL);

  data = collect_data (self, error);
  if (data == NULL)
    return NULL;

  setup = page_setup_for (self->settings, selected_paper (self));
  print_settings = saved_print_settings (self->settings);
  operation = ldn_print_operation_new (g_steal_pointer (&data), setup, print_settings);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);

  return GTK_PRINT_OPERATION (operation);
}

void
ldn_sheet_page_print (LdnSheetPage *self)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root;
  GtkPrintOperationResult result;

  g_return_if_fail (LDN_IS_SHEET_PAGE (self));

  if (self->settings == NULL || self->content == NULL)
    {
      say (self, self->problem ? self->problem : _("There is no sheet to print."));
      return;
    }

  operation = ldn_sheet_page_new_print_operation (self, &error);
  if (operation == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The sheet was not printed: %s"), error->message);

      say (self, message);
      return;
    }
  gtk_print_operation_set_allow_async (operation, TRUE);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The sheet was not printed: %s"), error->message);

      say (self, message);
    }
}

/* What the person entered elsewhere may have changed since, or the day. */
static void
ldn_sheet_page_map (GtkWidget *widget)
{
  LdnSheetPage *self = LDN_SHEET_PAGE (widget);
  g_autofree char *today = dup_today ();

  GTK_WIDGET_CLASS (ldn_sheet_page_parent_class)->map (widget);
  if (self->stale || g_strcmp0 (today, self->made_on) != 0)
    ldn_sheet_page_refresh (self);
}

static void
ldn_sheet_page_dispose (GObject *object)
{
  LdnSheetPage *self = LDN_SHEET_PAGE (object);

  if (self->preview_box != NULL)
    clear_preview (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), LDN_TYPE_SHEET_PAGE);
  g_clear_object (&self->content);
  g_clear_object (&self->sheet_content);
  g_clear_object (&self->user);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ldn_sheet_page_parent_class)->dispose (object);
}

static void
ldn_sheet_page_finalize (GObject *object)
{
  LdnSheetPage *self = LDN_SHEET_PAGE (object);

  g_free (self->problem);
  g_free (self->made_on);
  g_clear_pointer (&self->sheet, ldn_sheet_free);

  G_OBJECT_CLASS (ldn_sheet_page_parent_class)->finalize (object);
}

static void
ldn_sheet_page_class_init (LdnSheetPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ldn_sheet_page_dispose;
  /* A container: GTK 4.8 reads any other role by its class name ("LdnXxx filler"). */
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GENERIC);
  object_class->finalize = ldn_sheet_page_finalize;
  widget_class->map = ldn_sheet_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ldn-sheet-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LdnSheetPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, LdnSheetPage, paper_row);
  gtk_widget_class_bind_template_child (widget_class, LdnSheetPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, LdnSheetPage, chart_switch);
  gtk_widget_class_bind_template_child (widget_class, LdnSheetPage, sources_switch);
  gtk_widget_class_bind_template_child (widget_class, LdnSheetPage, pages_label);
  gtk_widget_class_bind_template_child (widget_class, LdnSheetPage, preview_box);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);
}

static void
ldn_sheet_page_init (LdnSheetPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ldn_page_name_lists (ldn_page_first_of_type (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_GROUP), _("Sheet options"));
  /* Read as "Paper Size: A4", like the other drop-downs. */
  ldn_page_name_combo_row (self->paper_row);
  ldn_page_name_combo_row (self->language_row);

  /* libadwaita 1.2 does not name an entry row's text field after the
   * row's title, so a screen reader would announce a nameless field. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (self->name_row))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Your name, printed on the sheet (optional)"),
                                  -1);
  ldn_compat_keep_accessible_labels (GTK_WIDGET (self), (const char *[]) { "save_pdf_button", "print_button", NULL });
  ldn_compat_preferences_group_set_accessible_label (gtk_widget_get_ancestor (GTK_WIDGET (self->name_row),
                                                                              ADW_TYPE_PREFERENCES_GROUP),
                                                     _("Sheet options"));
}

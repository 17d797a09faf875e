/* ldn-print-command.c
 *
 * GtkPrintOperation is not used here: GTK 4.8.3 crashes when it looks up
 * a printer named in its settings. Enumerating the printers and sending
 * a GtkPrintJob avoids that lookup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <gtk/gtkunixprint.h>

#include "sheet/ldn-sheet.h"

#include "ldn-print-command.h"

typedef struct {
  const char *wanted;     /* NULL for the default printer */
  GtkPrinter *found;
  GString    *names;      /* every printer seen, for the error message */
} PrinterSearch;

static gboolean
printer_seen_cb (GtkPrinter *printer,
                 gpointer    data)
{
  PrinterSearch *search = data;
  const char *name = gtk_printer_get_name (printer);
  gboolean match = search->wanted ? g_str_equal (name, search->wanted) : gtk_printer_is_default (printer);

  if (gtk_printer_is_virtual (printer))
    return FALSE;

  g_string_append_printf (search->names, "%s%s", search->names->len ? ", " : "", name);
  if (match && search->found == NULL)
    search->found = g_object_ref (printer);

  return search->found != NULL;
}

static GtkPrinter *
find_printer (const char  *wanted,
              GError     **error)
{
  PrinterSearch search = { wanted, NULL, g_string_new (NULL) };

  gtk_enumerate_printers (printer_seen_cb, &search, NULL, TRUE);

  if (search.found == NULL)
    {
      const char *names = search.names->len ? search.names->str : _("none");

      if (wanted != NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("There is no printer named “%s”. Printers found: %s."), wanted, names);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("There is no default printer. Name one with --printer. Printers found: %s."), names);
    }

  g_string_free (search.names, TRUE);
  return search.found;
}

static gboolean
draw_sheet (GtkPrintJob  *job,
            LdnSheet     *sheet,
            GError      **error)
{
  cairo_surface_t *surface = gtk_print_job_get_surface (job, error);
  cairo_t *cr;
  cairo_status_t status;

  if (surface == NULL)
    return FALSE;

  cr = cairo_create (surface);
  for (guint page = 0; page < ldn_sheet_get_n_pages (sheet); page++)
    {
      ldn_sheet_draw_page (sheet, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The sheet could not be drawn: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  gboolean  done;
  GError   *error;
} SendResult;

static void
job_sent_cb (GtkPrintJob  *job,
             gpointer      data,
             const GError *error)
{
  SendResult *result = data;

  result->done = TRUE;
  if (error != NULL)
    result->error = g_error_copy (error);
}

static GtkPageSetup *
page_setup_for (LdnPaper paper)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (paper == LDN_PAPER_LETTER ? GTK_PAPER_NAME_LETTER
                                                                               : GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, size);
  return setup;
}

gboolean
ldn_print_sheet_to_printer (LdnContentStore  *content,
                            LdnUserStore     *user,
                            double            dose_mg,
                            const char       *paper_name,
                            const char       *printer_name,
                            GError          **error)
{
  g_autoptr(GtkPrinter) printer = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr(GtkPrintJob) job = NULL;
  g_autoptr(LdnSheetData) data = NULL;
  g_autoptr(LdnSheet) sheet = NULL;
  LdnPaper paper = LDN_PAPER_A4;
  SendResult result = { FALSE, NULL };

  if (paper_name != NULL && !ldn_paper_from_string (paper_name, &paper))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The paper must be “a4” or “letter”, not “%s”."), paper_name);
      return FALSE;
    }

  /* GTK finds its print backends only once initialised, which needs a
   * display; export-sheet is the way without one. */
  if (!gtk_init_check ())
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Printing needs a desktop session. Without one, write a PDF with --export-sheet "
                             "and print that file."));
      return FALSE;
    }

  data = ldn_sheet_data_collect (content, user, dose_mg, TRUE, TRUE, error);
  if (data == NULL)
    return FALSE;

  printer = find_printer (printer_name, error);
  if (printer == NULL)
    return FALSE;

  setup = page_setup_for (paper);
  gtk_print_settings_set_paper_size (settings, gtk_page_setup_get_paper_size (setup));
  sheet = ldn_sheet_new (g_steal_pointer (&data),
                         gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS),
                         gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS), error);
  if (sheet == NULL)
    return FALSE;

  job = gtk_print_job_new (_("LDN Discussion Sheet"), printer, settings, setup);
  if (!draw_sheet (job, sheet, error))
    return FALSE;

  gtk_print_job_send (job, job_sent_cb, &result, NULL);
  while (!result.done)
    g_main_context_iteration (NULL, TRUE);

  if (result.error != NULL)
    {
      g_propagate_prefixed_error (error, result.error, _("The printer refused the sheet: "));
      return FALSE;
    }
  return TRUE;
}

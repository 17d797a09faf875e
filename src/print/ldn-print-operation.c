/* ldn-print-operation.c
 *
 * The dialog path is GtkPrintOperation's own. The path without a dialog
 * does not run the operation: GTK 4.8.3 crashes when an operation looks
 * up a printer named in its settings. It lists the printers and sends a
 * GtkPrintJob instead, drawing the same pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <unistd.h>

#include "sheet/ldn-sheet.h"

#include "ldn-print-operation.h"

struct _LdnPrintOperation
{
  GtkPrintOperation     parent_instance;

  LdnSheetData         *data;       /* until the sheet is laid out */
  LdnSheet             *sheet;
  GtkPageSetup         *used_setup;
  GError               *sheet_error;
  guint                 timeout_seconds;
  LdnPrinterSearchFunc  search;
  gboolean              exit_on_stall;
};

G_DEFINE_FINAL_TYPE (LdnPrintOperation, ldn_print_operation, GTK_TYPE_PRINT_OPERATION)

static gboolean
lay_out (LdnPrintOperation *self,
         double             width,
         double             height,
         GError           **error)
{
  if (self->sheet != NULL)
    return TRUE;

  if (self->data == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("There is no sheet to print."));
      return FALSE;
    }

  self->sheet = ldn_sheet_new (g_steal_pointer (&self->data), width, height, error);
  return self->sheet != NULL;
}

static void
ldn_print_operation_begin_print (GtkPrintOperation *operation,
                                 GtkPrintContext   *context)
{
  LdnPrintOperation *self = LDN_PRINT_OPERATION (operation);

  g_clear_error (&self->sheet_error);
  if (!lay_out (self, gtk_print_context_get_width (context), gtk_print_context_get_height (context),
                &self->sheet_error))
    {
      gtk_print_operation_cancel (operation);
      return;
    }

  gtk_print_operation_set_n_pages (operation, (int) ldn_sheet_get_n_pages (self->sheet));
  g_clear_object (&self->used_setup);
  self->used_setup = gtk_page_setup_copy (gtk_print_context_get_page_setup (context));
}

static void
ldn_print_operation_draw_page (GtkPrintOperation *operation,
                               GtkPrintContext   *context,
                               int                page)
{
  LdnPrintOperation *self = LDN_PRINT_OPERATION (operation);

  if (self->sheet != NULL && page >= 0)
    ldn_sheet_draw_page (self->sheet, gtk_print_context_get_cairo_context (context), (guint) page);
}

/* Waits: a source wakes the loop at the deadline, so it is kept even
 * when nothing else happens. */
typedef struct {
  gint      ref_count;
  gboolean  done;
  gboolean  timed_out;
  /* printer search */
  char     *wanted;     /* NULL for the default printer */
  GtkPrinter *found;
  GString  *names;      /* every printer seen, for the error message */
  /* sending */
  GError   *error;
} Wait;

static Wait *
wait_new (const char *wanted)
{
  Wait *wait = g_new0 (Wait, 1);

  wait->ref_count = 2;   /* the caller, and the print system */
  wait->wanted = g_strdup (wanted);
  wait->names = g_string_new (NULL);
  return wait;
}

static void
wait_unref (gpointer data)
{
  Wait *wait = data;

  if (--wait->ref_count > 0)
    return;

  g_free (wait->wanted);
  g_clear_object (&wait->found);
  g_string_free (wait->names, TRUE);
  g_clear_error (&wait->error);
  g_free (wait);
}

static void
wait_finished (gpointer data)
{
  Wait *wait = data;

  wait->done = TRUE;
  wait_unref (wait);
}

static gboolean
deadline_reached (gpointer data)
{
  ((Wait *) data)->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for (Wait  *wait,
          guint  seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  /* The source wakes an idle loop; the clock is checked as well, because
   * GTK 4.8's CUPS backend can keep the loop busy so that a timeout source
   * of default priority is never dispatched (seen with a real cupsd). */
  guint deadline = g_timeout_add_seconds (seconds, deadline_reached, wait);

  while (!wait->done && wait->found == NULL && !wait->timed_out)
    {
      g_main_context_iteration (NULL, TRUE);
      if (g_get_monotonic_time () >= end)
        wait->timed_out = TRUE;
    }

  if (g_main_context_find_source_by_id (NULL, deadline) != NULL)
    g_source_remove (deadline);
}

/* The command line's last resort. wait_for() needs the main loop to get
 * control back; a print backend that spins inside one iteration (GTK's
 * CUPS backend did with a broken libcups, see ldn-cups-workaround.c)
 * never gives it back. While a watchdog runs, a thread of its own waits
 * for the same deadline plus a grace second; if the step is still not
 * over then, it writes the step's message to stderr, as the command line
 * reports errors, and ends the process with _exit (1): nothing else can
 * be trusted to run while the main thread is stuck. Only `--print-sheet`
 * (ldn_print_sheet_to_printer()) turns this on, never the window. */
#define WATCHDOG_GRACE_SECONDS 1

typedef struct {
  GMutex   mutex;
  GCond    cond;
  gboolean stopped;
  gint64   end;
  char    *line;       /* "ldn-guide: MESSAGE\n", written as is */
  gsize    length;
  GThread *thread;
} Watchdog;

static gpointer
watchdog_run (gpointer data)
{
  Watchdog *dog = data;

  g_mutex_lock (&dog->mutex);
  while (!dog->stopped)
    {
      /* FALSE: the deadline passed (TRUE may also be a spurious wake-up). */
      if (!g_cond_wait_until (&dog->cond, &dog->mutex, dog->end) && !dog->stopped)
        {
          /* write() and _exit() only: the stuck thread may hold any lock. */
          G_GNUC_UNUSED ssize_t written = write (STDERR_FILENO, dog->line, dog->length);

          _exit (EXIT_FAILURE);
        }
    }
  g_mutex_unlock (&dog->mutex);

  return NULL;
}

/* Returns NULL unless SELF ends the process on a stall. */
static Watchdog *
watchdog_start (LdnPrintOperation *self,
                const char        *message)
{
  const char *charset;
  Watchdog *dog;

  if (!self->exit_on_stall)
    return NULL;

  dog = g_new0 (Watchdog, 1);
  g_mutex_init (&dog->mutex);
  g_cond_init (&dog->cond);
  dog->end = g_get_monotonic_time () + (gint64) (self->timeout_seconds + WATCHDOG_GRACE_SECONDS) * G_USEC_PER_SEC;
  dog->line = g_strdup_printf ("ldn-guide: %s\n", message);
  if (!g_get_charset (&charset))
    {
      /* In the terminal's charset, as g_printerr() would write it. */
      char *converted = g_convert_with_fallback (dog->line, -1, charset, "UTF-8", "?", NULL, NULL, NULL);

      if (converted != NULL)
        {
          g_free (dog->line);
          dog->line = converted;
        }
    }
  dog->length = strlen (dog->line);
  dog->thread = g_thread_new ("ldn-print-watchdog", watchdog_run, dog);

  return dog;
}

static void
watchdog_stop (Watchdog *dog)
{
  if (dog == NULL)
    return;

  g_mutex_lock (&dog->mutex);
  dog->stopped = TRUE;
  g_cond_signal (&dog->cond);
  g_mutex_unlock (&dog->mutex);
  g_thread_join (dog->thread);

  g_mutex_clear (&dog->mutex);
  g_cond_clear (&dog->cond);
  g_free (dog->line);
  g_free (dog);
}

static char *
listing_timeout_message (guint seconds)
{
  return g_strdup_printf (_("The print system did not list the printers within %u seconds, so nothing was printed. "
                            "Try again later, or save the sheet as a PDF and print that."),
                          seconds);
}

static char *
sending_timeout_message (GtkPrinter *printer,
                         guint       seconds)
{
  return g_strdup_printf (_("The printer “%s” did not take the sheet within %u seconds. It may still print; "
                            "check the printer’s queue before you try again."),
                          gtk_printer_get_name (printer), seconds);
}

static gboolean
printer_seen_cb (GtkPrinter *printer,
                 gpointer    data)
{
  Wait *wait = data;
  const char *name = gtk_printer_get_name (printer);
  gboolean match;

  if (wait->timed_out || gtk_printer_is_virtual (printer))
    return wait->timed_out;

  match = wait->wanted ? g_str_equal (name, wait->wanted) : gtk_printer_is_default (printer);
  g_string_append_printf (wait->names, "%s%s", wait->names->len ? ", " : "", name);
  if (match && wait->found == NULL)
    wait->found = g_object_ref (printer);

  return wait->found != NULL;
}

static void
enumerate_printers (GtkPrinterFunc  func,
                    gpointer        data,
                    GDestroyNotify  destroy)
{
  gtk_enumerate_printers (func, data, destroy, FALSE);
}

static GtkPrinter *
find_printer (LdnPrintOperation  *self,
              const char         *wanted,
              GError            **error)
{
  Wait *wait = wait_new (wanted);
  GtkPrinter *printer = NULL;
  g_autofree char *timed_out = listing_timeout_message (self->timeout_seconds);
  Watchdog *dog = watchdog_start (self, timed_out);

  self->search (printer_seen_cb, wait, wait_finished);
  wait_for (wait, self->timeout_seconds);
  watchdog_stop (dog);

  if (wait->found != NULL)
    printer = g_object_ref (wait->found);
  else if (wait->timed_out)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, timed_out);
  else if (wanted != NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("There is no printer named “%s”. Printers found: %s."), wanted,
                 wait->names->len ? wait->names->str : _("none"));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("There is no default printer. Name one with --printer. Printers found: %s."),
                 wait->names->len ? wait->names->str : _("none"));

  wait_unref (wait);
  return printer;
}

static gboolean
draw_job (LdnPrintOperation  *self,
          GtkPrintJob        *job,
          GError            **error)
{
  cairo_surface_t *surface = gtk_print_job_get_surface (job, error);
  cairo_t *cr;
  cairo_status_t status;

  if (surface == NULL)
    return FALSE;

  cr = cairo_create (surface);
  for (guint page = 0; page < ldn_sheet_get_n_pages (self->sheet); page++)
    {
      ldn_sheet_draw_page (self->sheet, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The sheet could not be drawn: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static void
job_sent_cb (GtkPrintJob  *job,
             gpointer      data,
             const GError *error)
{
  Wait *wait = data;

  if (error != NULL && wait->error == NULL)
    wait->error = g_error_copy (error);
  wait->done = TRUE;
}

gboolean
ldn_print_operation_print_to_printer (LdnPrintOperation  *self,
                                      const char         *printer_name,
                                      GError            **error)
{
  g_autoptr(GtkPrinter) printer = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GtkPrintJob) job = NULL;
  g_autofree char *timed_out = NULL;
  Watchdog *dog;
  Wait *wait;
  gboolean sent;

  g_return_val_if_fail (LDN_IS_PRINT_OPERATION (self), FALSE);

  printer = find_printer (self, printer_name, error);
  if (printer == NULL)
    return FALSE;

  setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (self));
  setup = setup != NULL ? gtk_page_setup_copy (setup) : gtk_page_setup_new ();
  settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  settings = settings != NULL ? gtk_print_settings_copy (settings) : gtk_print_settings_new ();
  gtk_print_settings_set_paper_size (settings, gtk_page_setup_get_paper_size (setup));
  if (!lay_out (self, gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS),
                gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS), error))
    return FALSE;

  job = gtk_print_job_new (_("LDN Discussion Sheet"), printer, settings, setup);
  if (!draw_job (self, job, error))
    return FALSE;

  timed_out = sending_timeout_message (printer, self->timeout_seconds);
  dog = watchdog_start (self, timed_out);
  wait = wait_new (NULL);
  gtk_print_job_send (job, job_sent_cb, wait, wait_unref);
  wait_for (wait, self->timeout_seconds);
  watchdog_stop (dog);

  if (!wait->done)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, timed_out);
  else if (wait->error != NULL)
    g_set_error (error, wait->error->domain, wait->error->code, _("The printer refused the sheet: %s"),
                 wait->error->message);
  sent = wait->done && wait->error == NULL;
  wait_unref (wait);

  return sent;
}

void
ldn_print_operation_set_timeout (LdnPrintOperation *self,
                                 guint              seconds)
{
  g_return_if_fail (LDN_IS_PRINT_OPERATION (self));
  g_return_if_fail (seconds > 0);

  self->timeout_seconds = seconds;
}

void
ldn_print_operation_set_exit_on_stall (LdnPrintOperation *self,
                                       gboolean           exit_on_stall)
{
  g_return_if_fail (LDN_IS_PRINT_OPERATION (self));

  self->exit_on_stall = exit_on_stall;
}

void
ldn_print_operation_set_printer_search (LdnPrintOperation    *self,
                                        LdnPrinterSearchFunc  search)
{
  g_return_if_fail (LDN_IS_PRINT_OPERATION (self));

  self->search = search != NULL ? search : enumerate_printers;
}

GtkPageSetup *
ldn_print_operation_get_used_page_setup (LdnPrintOperation *self)
{
  g_return_val_if_fail (LDN_IS_PRINT_OPERATION (self), NULL);

  return self->used_setup;
}

const GError *
ldn_print_operation_get_sheet_error (LdnPrintOperation *self)
{
  g_return_val_if_fail (LDN_IS_PRINT_OPERATION (self), NULL);

  return self->sheet_error;
}

LdnPrintOperation *
ldn_print_operation_new (LdnSheetData     *data,
                         GtkPageSetup     *setup,
                         GtkPrintSettings *settings)
{
  LdnPrintOperation *self = g_object_new (LDN_TYPE_PRINT_OPERATION, NULL);
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  g_return_val_if_fail (data != NULL, self);

  self->data = data;
  if (setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, setup);
  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);

  return self;
}

static guint
timeout_from_environment (void)
{
  const char *text = g_getenv ("LDN_GUIDE_PRINT_TIMEOUT");
  guint64 seconds;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 1, 3600, &seconds, NULL))
    return (guint) seconds;

  return LDN_PRINT_DEFAULT_TIMEOUT_SECONDS;
}

static void
ldn_print_operation_finalize (GObject *object)
{
  LdnPrintOperation *self = LDN_PRINT_OPERATION (object);

  g_clear_pointer (&self->data, ldn_sheet_data_free);
  g_clear_pointer (&self->sheet, ldn_sheet_free);
  g_clear_object (&self->used_setup);
  g_clear_error (&self->sheet_error);

  G_OBJECT_CLASS (ldn_print_operation_parent_class)->finalize (object);
}

static void
ldn_print_operation_class_init (LdnPrintOperationClass *klass)
{
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ldn_print_operation_finalize;
  operation_class->begin_print = ldn_print_operation_begin_print;
  operation_class->draw_page = ldn_print_operation_draw_page;
}

static void
ldn_print_operation_init (LdnPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  self->timeout_seconds = timeout_from_environment ();
  self->search = enumerate_printers;

  /* The sheet draws its own margins, as on the preview. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("LDN Discussion Sheet"));
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
                            LdnDoseScenario  *scenario,
                            const char       *paper_name,
                            const char       *printer_name,
                            GError          **error)
{
  g_autoptr(LdnSheetData) data = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(LdnPrintOperation) operation = NULL;
  LdnPaper paper = LDN_PAPER_A4;

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

  data = ldn_sheet_data_collect_for_scenario (content, user, scenario, TRUE, TRUE, error);
  if (data == NULL)
    return FALSE;

  setup = page_setup_for (paper);
  operation = ldn_print_operation_new (g_steal_pointer (&data), setup, NULL);
  /* A command has no window to keep alive: past the timeout it ends. */
  ldn_print_operation_set_exit_on_stall (operation, TRUE);
  return ldn_print_operation_print_to_printer (operation, printer_name, error);
}

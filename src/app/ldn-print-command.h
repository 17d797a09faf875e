/* ldn-print-command.h
 *
 * `ldn-guide --print-sheet [--printer=NAME]`: prints the discussion
 * sheet without a dialog, to the named or the default printer, through
 * the same sheet layout as the preview and the PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "content/ldn-content-store.h"
#include "user/ldn-user-store.h"

G_BEGIN_DECLS

/* PRINTER NULL means the default printer. Returns once the job has been
 * handed to the print system. */
gboolean ldn_print_sheet_to_printer (LdnContentStore  *content,
                                     LdnUserStore     *user,
                                     double            dose_mg,
                                     const char       *paper,
                                     const char       *printer,
                                     GError          **error);

G_END_DECLS

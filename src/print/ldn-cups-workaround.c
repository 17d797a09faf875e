/* ldn-cups-workaround.c
 *
 * Keeps GTK's CUPS print backend from spinning forever on a libcups whose
 * httpUpdate() never reads from a non-blocking connection.
 *
 * libcups 2.4.15, and Debian 12's 2.4.2-3+deb12u10 which backports its fix
 * for CVE-2025-58436 ("better handle slow clients"), changed httpUpdate():
 * on a non-blocking connection with nothing in its read buffer it returns
 * HTTP_STATUS_CONTINUE without reading from the socket (seen with gdb and
 * strace: no recv(), ever). GTK's backend (gtkcupsutils.c in
 * modules/printbackends, GTK 4.8) opens its connections non-blocking, and
 * after each request loops
 *
 *   do _post_check () while (poll_state == READ && httpCheck (http));
 *
 * where _post_check() calls httpUpdate() when httpCheck() says the answer
 * has arrived. httpCheck() keeps saying so (the answer is never read),
 * httpUpdate() keeps saying "continue": the loop never ends, inside one
 * GSource check, so the main loop never runs again. Listing printers
 * hangs at 100% CPU as soon as a cupsd answers (without a cupsd nothing
 * is asked, so nothing hangs); the print dialog and sending a job go
 * through the same code (OpenPrinting/cups issue #1429 is the same bug
 * in 2.4.15).
 *
 * The executable exports its own httpUpdate (meson.build passes
 * -Wl,--export-dynamic-symbol=httpUpdate), so the backend module, which
 * GTK loads later, binds to this one. When the connection is non-blocking
 * and nothing is buffered, it reads the answer's header in blocking mode,
 * as libcups did before; GTK only calls httpUpdate() once httpCheck() has
 * seen data arrive (a header that came only in part is waited for, within
 * libcups's own timeout). Everything else goes straight to libcups. The
 * program does not link libcups: these functions are looked up in the
 * libcups the backend loaded, and only when the backend calls in.
 * libcups's own calls (its blocking helpers) come here too and, blocking
 * already, pass straight through.
 *
 * With a libcups without the regression this changes nothing visible.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <stddef.h>

/* From <cups/http.h>, which the build does not need: the connection is
 * opaque and http_status_t an enum, returned as int. */
typedef struct _http_s http_t;
typedef int LdnHttpStatus;

typedef LdnHttpStatus (*UpdateFunc) (http_t *http);
typedef int (*GetIntFunc) (http_t *http);
typedef size_t (*GetReadyFunc) (http_t *http);
typedef void (*SetBlockingFunc) (http_t *http, int blocking);

LdnHttpStatus httpUpdate (http_t *http);

/* The libcups GTK's backend links (CUPS 2.x). */
#define LDN_LIBCUPS_SONAME "libcups.so.2"
/* HTTP_STATUS_ERROR */
#define LDN_HTTP_STATUS_ERROR (-1)

LdnHttpStatus
httpUpdate (http_t *http)
{
  /* Looked up once, by the backend's first call; GTK calls in from the
   * main thread only. */
  static UpdateFunc real_update;
  static GetIntFunc get_blocking;
  static GetReadyFunc get_ready;
  static SetBlockingFunc set_blocking;
  LdnHttpStatus status;

  if (real_update == NULL)
    {
      /* GIO loads the backend, and with it libcups, in a scope of its
       * own, which RTLD_NEXT and RTLD_DEFAULT do not search; the loaded
       * libcups is found by name instead (NOLOAD: never load it here). */
      void *cups = dlopen (LDN_LIBCUPS_SONAME, RTLD_LAZY | RTLD_NOLOAD);

      if (cups == NULL)
        return LDN_HTTP_STATUS_ERROR;
      real_update = (UpdateFunc) dlsym (cups, "httpUpdate");
      get_blocking = (GetIntFunc) dlsym (cups, "httpGetBlocking");
      get_ready = (GetReadyFunc) dlsym (cups, "httpGetReady");
      set_blocking = (SetBlockingFunc) dlsym (cups, "httpBlocking");
    }
  if (real_update == NULL)
    return LDN_HTTP_STATUS_ERROR;

  if (http == NULL || get_blocking == NULL || get_ready == NULL || set_blocking == NULL ||
      get_blocking (http) || get_ready (http) > 0)
    return real_update (http);

  set_blocking (http, 1);
  status = real_update (http);
  set_blocking (http, 0);
  return status;
}

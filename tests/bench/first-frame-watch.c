/* Starts a GUI program on the current X display and reports, from
 * outside the program, how long it took until its window was mapped and
 * until the first frame was drawn into it, and its peak memory then.
 *
 *   first-frame-watch [--timeout=SECONDS] -- PROGRAM [ARGS...]
 *
 * Prints one line: "map_ms=... first_frame_ms=... peak_rss_kib=..."
 * then ends the program. Measuring from outside means nothing in the app
 * has to cooperate, so LDN Guide and the yardstick app are timed alike.
 *
 * A frame is seen through the X DAMAGE extension on the root window,
 * which reports drawing into any window on the screen. Mapping a window
 * already damages it, as the server fills it with its black background,
 * so the first frame is the first damage after the map that leaves
 * something other than that background in the window. */
#define _POSIX_C_SOURCE 200809L

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct
{
  Display *display;
  Window   root;
  int      damage_event_base;
  pid_t    child;
  Window   window;
  int      x, y, width, height;
  double   start_ms;
  double   map_ms;
  double   first_frame_ms;
} Watch;

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static pid_t
window_pid (Display *display,
            Window   window)
{
  Atom pid_atom = XInternAtom (display, "_NET_WM_PID", False);
  Atom type;
  int format;
  unsigned long n_items, bytes_after;
  unsigned char *data = NULL;
  pid_t pid = 0;

  if (XGetWindowProperty (display, window, pid_atom, 0, 1, False, XA_CARDINAL,
                          &type, &format, &n_items, &bytes_after, &data) == Success
      && data != NULL && n_items == 1 && format == 32)
    pid = (pid_t) *(unsigned long *) data;
  if (data != NULL)
    XFree (data);
  return pid;
}

static void
on_map (Watch    *watch,
        XMapEvent *event)
{
  XWindowAttributes attributes;

  if (watch->window != 0 || window_pid (watch->display, event->window) != watch->child)
    return;
  if (!XGetWindowAttributes (watch->display, event->window, &attributes))
    return;
  watch->window = event->window;
  watch->x = attributes.x;
  watch->y = attributes.y;
  watch->width = attributes.width;
  watch->height = attributes.height;
  watch->map_ms = now_ms () - watch->start_ms;
}

/* The server's fill is pure black; no toolkit theme draws a whole
 * window's centre and corners in it. */
static int
window_shows_drawing (Watch *watch)
{
  static const double spots[][2] = { { 0.5, 0.5 }, { 0.1, 0.1 }, { 0.9, 0.1 }, { 0.1, 0.9 }, { 0.9, 0.9 } };
  int drawn = 0;

  for (size_t i = 0; i < sizeof spots / sizeof spots[0] && !drawn; i++)
    {
      XImage *image = XGetImage (watch->display, watch->window,
                                 (int) (spots[i][0] * (watch->width - 1)),
                                 (int) (spots[i][1] * (watch->height - 1)),
                                 1, 1, AllPlanes, ZPixmap);

      if (image == NULL)
        continue;
      drawn = (XGetPixel (image, 0, 0) & 0xffffff) != 0;
      XDestroyImage (image);
    }
  return drawn;
}

static void
on_damage (Watch              *watch,
           XDamageNotifyEvent *event)
{
  XRectangle *area = &event->area;

  if (watch->window == 0)
    return;
  if (area->x + area->width <= watch->x || area->x >= watch->x + watch->width
      || area->y + area->height <= watch->y || area->y >= watch->y + watch->height)
    return;
  double seen_ms = now_ms () - watch->start_ms;
  if (window_shows_drawing (watch))
    watch->first_frame_ms = seen_ms;
}

static void
handle_events (Watch *watch)
{
  while (XPending (watch->display) && watch->first_frame_ms < 0)
    {
      XEvent event;

      XNextEvent (watch->display, &event);
      if (event.type == MapNotify)
        on_map (watch, &event.xmap);
      else if (event.type == watch->damage_event_base + XDamageNotify)
        on_damage (watch, (XDamageNotifyEvent *) &event);
    }
}

static long
peak_rss_kib (pid_t pid)
{
  char path[64], line[256];
  long kib = -1;
  FILE *status;

  snprintf (path, sizeof path, "/proc/%d/status", (int) pid);
  status = fopen (path, "r");
  if (status == NULL)
    return -1;
  while (fgets (line, sizeof line, status) != NULL)
    if (sscanf (line, "VmHWM: %ld kB", &kib) == 1)
      break;
  fclose (status);
  return kib;
}

static pid_t
spawn (char **argv)
{
  pid_t pid = fork ();

  if (pid == 0)
    {
      execvp (argv[0], argv);
      fprintf (stderr, "first-frame-watch: cannot run %s: %s\n", argv[0], strerror (errno));
      _exit (127);
    }
  return pid;
}

static int
wait_for_first_frame (Watch  *watch,
                      double  timeout_ms)
{
  struct pollfd fd = { ConnectionNumber (watch->display), POLLIN, 0 };

  while (watch->first_frame_ms < 0)
    {
      double left = timeout_ms - (now_ms () - watch->start_ms);
      int status;

      if (left <= 0)
        return -1;
      if (waitpid (watch->child, &status, WNOHANG) == watch->child)
        return -2;
      handle_events (watch);
      if (watch->first_frame_ms < 0 && !XPending (watch->display))
        poll (&fd, 1, left < 50 ? (int) left + 1 : 50);
    }
  return 0;
}

static void
end_child (pid_t child)
{
  kill (child, SIGTERM);
  waitpid (child, NULL, 0);
}

int
main (int   argc,
      char *argv[])
{
  Watch watch = { .map_ms = -1, .first_frame_ms = -1 };
  double timeout_ms = 30000;
  int damage_error_base, first = 1, result;

  for (; first < argc && strcmp (argv[first], "--") != 0; first++)
    if (strncmp (argv[first], "--timeout=", 10) == 0)
      timeout_ms = atof (argv[first] + 10) * 1000;
  if (first + 1 >= argc)
    {
      fprintf (stderr, "usage: first-frame-watch [--timeout=SECONDS] -- PROGRAM [ARGS...]\n");
      return 2;
    }

  watch.display = XOpenDisplay (NULL);
  if (watch.display == NULL)
    {
      fprintf (stderr, "first-frame-watch: cannot open the X display (is DISPLAY set?)\n");
      return 1;
    }
  if (!XDamageQueryExtension (watch.display, &watch.damage_event_base, &damage_error_base))
    {
      fprintf (stderr, "first-frame-watch: the X server has no DAMAGE extension\n");
      return 1;
    }
  watch.root = DefaultRootWindow (watch.display);
  XSelectInput (watch.display, watch.root, SubstructureNotifyMask);
  XDamageCreate (watch.display, watch.root, XDamageReportRawRectangles);
  XSync (watch.display, False);

  watch.start_ms = now_ms ();
  watch.child = spawn (argv + first + 1);
  if (watch.child < 0)
    {
      perror ("first-frame-watch: fork");
      return 1;
    }

  result = wait_for_first_frame (&watch, timeout_ms);
  if (result == -1)
    fprintf (stderr, "first-frame-watch: no frame within %.0f s\n", timeout_ms / 1000);
  else if (result == -2)
    fprintf (stderr, "first-frame-watch: %s exited before drawing a window\n", argv[first + 1]);
  else
    printf ("map_ms=%.1f first_frame_ms=%.1f peak_rss_kib=%ld\n",
            watch.map_ms, watch.first_frame_ms, peak_rss_kib (watch.child));

  if (result != -2)
    end_child (watch.child);
  XCloseDisplay (watch.display);
  return result == 0 ? 0 : 1;
}

/* Renders the app icon's SVG to the PNG shipped beside it, so that GTK
 * finds a raster window icon and never loads librsvg at start-up
 * (gtk_window_set_default_icon_name loads the icon when the window is
 * realized, before its first frame). Not part of the build; rerun when
 * the SVG changes:
 *
 *   cc build-aux/render-icon-png.c -o /tmp/render-icon-png $(pkg-config --cflags --libs gdk-pixbuf-2.0)
 *   /tmp/render-icon-png data/icons/hicolor/scalable/apps/io.github.ldnguide.LdnGuide.svg 48 \
 *       data/icons/hicolor/48x48/apps/io.github.ldnguide.LdnGuide.png
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <stdlib.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  int size = argc == 4 ? atoi (argv[2]) : 0;

  if (size <= 0)
    {
      g_printerr ("usage: render-icon-png ICON.svg SIZE OUT.png\n");
      return 2;
    }
  pixbuf = gdk_pixbuf_new_from_file_at_size (argv[1], size, size, &error);
  if (pixbuf == NULL || !gdk_pixbuf_save (pixbuf, argv[3], "png", &error, "compression", "9", NULL))
    {
      g_printerr ("render-icon-png: %s\n", error->message);
      return 1;
    }
  return 0;
}

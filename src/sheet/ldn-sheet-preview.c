/* ldn-sheet-preview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ldn-sheet-preview.h"

struct _LdnSheetPreview
{
  GtkWidget  parent_instance;

  LdnSheet  *sheet;
  double     page_width;
  double     page_height;
  guint      page;
};

G_DEFINE_FINAL_TYPE (LdnSheetPreview, ldn_sheet_preview, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
ldn_sheet_preview_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ldn_sheet_preview_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  LdnSheetPreview *self = LDN_SHEET_PREVIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = (int) self->page_width;
    }
  else
    {
      int width = for_size > 0 ? for_size : (int) self->page_width;

      *minimum = *natural = (int) (width * self->page_height / self->page_width);
    }
}

static void
ldn_sheet_preview_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  LdnSheetPreview *self = LDN_SHEET_PREVIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double scale = width / self->page_width;
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* Paper is white in every style, like the printout. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  ldn_sheet_draw_page (self->sheet, cr, self->page);
  cairo_destroy (cr);
}

static void
ldn_sheet_preview_class_init (LdnSheetPreviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->get_request_mode = ldn_sheet_preview_get_request_mode;
  widget_class->measure = ldn_sheet_preview_measure;
  widget_class->snapshot = ldn_sheet_preview_snapshot;
  gtk_widget_class_set_css_name (widget_class, "sheetpreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ldn_sheet_preview_init (LdnSheetPreview *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  /* Focus is how a screen reader on GTK 4.8 reaches the page. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

GtkWidget *
ldn_sheet_preview_new (LdnSheet *sheet,
                       double    page_width,
                       double    page_height,
                       guint     page)
{
  LdnSheetPreview *self = g_object_new (LDN_TYPE_SHEET_PREVIEW, NULL);
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;
  g_auto(GStrv) headings = NULL;

  self->sheet = sheet;
  self->page_width = page_width;
  self->page_height = page_height;
  self->page = page;

  /* Translators: the accessible name of a page in the sheet preview. */
  label = g_strdup_printf (_("Preview of page %u of %u"), page + 1, ldn_sheet_get_n_pages (sheet));
  headings = ldn_sheet_dup_page_headings (sheet, page);
  if (headings[0] != NULL)
    {
      g_autofree char *list = g_strjoinv ("; ", headings);

      /* Translators: a screen reader's description of a sheet page, followed by its headings. */
      description = g_strdup_printf (_("This page holds: %s."), list);
    }
  else
    description = g_strdup (_("This page continues the page before."));
  /* The page read in full (issue 15): what it holds first, so a listener
   * knows what is coming, then everything written on it. */
  text = ldn_sheet_dup_page_text (sheet, page);
  spoken = *text != '\0' ? g_strconcat (description, "\n", text, NULL) : g_strdup (description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, spoken,
                                  -1);

  return GTK_WIDGET (self);
}

/* ldn-trend-chart.c: a thin widget around ldn_trend_draw()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "compat/ldn-compat.h"
#include "ldn-trend-chart.h"
#include "util/ldn-language.h"

struct _LdnTrendChart
{
  GtkWidget        parent_instance;

  const LdnDiary  *diary;
  guint            item;
  GDate            until;
  LdnDiarySummary *summary;
  char            *sentence;
  LdnTrendCache   *cache;       /* labels and the ratings, kept between frames */
};

G_DEFINE_FINAL_TYPE (LdnTrendChart, ldn_trend_chart, GTK_TYPE_WIDGET)

static LdnColor
color_from (const GdkRGBA *rgba,
            double         alpha)
{
  return (LdnColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha };
}

/* Colours follow the style, so dark and high-contrast work; the start is a
 * solid line and dose changes dashed, so colour is never the only difference. */
static void
style_for (GtkWidget     *widget,
           LdnTrendStyle *style,
           char         **font)
{
  /* High contrast: full-strength grid, shading and band, not faint ones. */
  gboolean high_contrast = adw_is_initialized () && adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  GdkRGBA fg, accent, warning, success;
  PangoFontDescription *description = pango_context_get_font_description (gtk_widget_get_pango_context (widget));

  ldn_compat_widget_color (widget, &fg);
  if (!ldn_compat_lookup_color (widget, "accent_color", &accent))
    accent = (GdkRGBA) { 0.11, 0.44, 0.85, 1 };
  if (!ldn_compat_lookup_color (widget, "warning_color", &warning))
    warning = (GdkRGBA) { 0.6, 0.4, 0.0, 1 };
  if (!ldn_compat_lookup_color (widget, "success_color", &success))
    success = (GdkRGBA) { 0.15, 0.55, 0.3, 1 };
  *font = description != NULL ? pango_font_description_to_string (description) : g_strdup ("Sans 10");
  *style = (LdnTrendStyle) {
    .foreground = color_from (&fg, 1),
    .background = { 0, 0, 0, 0 },
    .grid = color_from (&fg, high_contrast ? 0.6 : 0.18),
    .line = color_from (&fg, 1),
    .baseline = color_from (&fg, high_contrast ? 0.16 : 0.07),
    .band = color_from (&accent, high_contrast ? 0.6 : 0.28),
    .marker = color_from (&success, 1),
    .side_effect = color_from (&warning, 1),
    .font = *font,
    .line_width = 2,
  };
}

static void
ldn_trend_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  LdnTrendChart *self = LDN_TREND_CHART (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autofree char *font = NULL;
  LdnTrendStyle style;
  LdnTrendData data = {
    .diary = self->diary,
    .item = self->item,
    .labels = {
      .start = _("Start"),
      .dose_format = _("%s mg"),
      .baseline = _("Baseline"),
      .side_effects = _("Side effects"),
      /* Translators: the diary chart's legend: the grey band is the baseline's range. */
      .baseline_range = _("Baseline range"),
      /* Translators: the diary chart's legend: the dashed line is the baseline's median. */
      .baseline_median = _("Baseline median"),
    },
  };
  cairo_t *cr;

  if (self->diary == NULL || self->summary == NULL || self->item >= self->summary->items->len || width <= 0 ||
      height <= 0)
    return;
  data.summary = &g_array_index (self->summary->items, LdnDiaryItemSummary, self->item);
  ldn_trend_data_set_range_from_diary (&data, &self->until);
  style_for (widget, &style, &font);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ldn_trend_cache_set_scale (self->cache, gtk_widget_get_scale_factor (widget));
  ldn_trend_draw (cr, width, height, &data, &style, self->cache);
  cairo_destroy (cr);
}

static GtkSizeRequestMode
ldn_trend_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Wide enough for a few months, and tall enough for a plot that reads:
 * PLOT_HEIGHT above the text rows (two legend rows at most), a little less
 * on a phone. */
#define PLOT_HEIGHT       160
#define PLOT_HEIGHT_PHONE 120
#define PHONE_WIDTH       480

static void
ldn_trend_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 640;
    }
  else
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "0");
      int line;

      pango_layout_get_pixel_size (layout, NULL, &line);
      *minimum = *natural = (int) ceil (ldn_trend_get_text_height (line, 2)) +
                            (for_size >= 0 && for_size < PHONE_WIDTH ? PLOT_HEIGHT_PHONE : PLOT_HEIGHT);
    }
}

/* Dark, high contrast or another font: the colours and labels change. */
static void
ldn_trend_chart_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  LdnTrendChart *self = LDN_TREND_CHART (widget);

  GTK_WIDGET_CLASS (ldn_trend_chart_parent_class)->css_changed (widget, change);
  ldn_trend_cache_invalidate (self->cache);
  gtk_widget_queue_draw (widget);
}

static void
ldn_trend_chart_finalize (GObject *object)
{
  LdnTrendChart *self = LDN_TREND_CHART (object);

  g_clear_pointer (&self->summary, ldn_diary_summary_free);
  g_clear_pointer (&self->cache, ldn_trend_cache_free);
  g_free (self->sentence);
  G_OBJECT_CLASS (ldn_trend_chart_parent_class)->finalize (object);
}

static void
ldn_trend_chart_class_init (LdnTrendChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ldn_trend_chart_finalize;
  widget_class->css_changed = ldn_trend_chart_css_changed;
  widget_class->snapshot = ldn_trend_chart_snapshot;
  widget_class->measure = ldn_trend_chart_measure;
  widget_class->get_request_mode = ldn_trend_chart_get_request_mode;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "trendchart");
}

static void
ldn_trend_chart_init (LdnTrendChart *self)
{
  g_date_clear (&self->until, 1);
  self->cache = ldn_trend_cache_new ();
}

GtkWidget *
ldn_trend_chart_new (void)
{
  return g_object_new (LDN_TYPE_TREND_CHART, NULL);
}

void
ldn_trend_chart_set_diary (LdnTrendChart  *self,
                           const LdnDiary *diary,
                           guint           item,
                           const GDate    *until)
{
  g_return_if_fail (LDN_IS_TREND_CHART (self));

  g_clear_pointer (&self->summary, ldn_diary_summary_free);
  g_clear_pointer (&self->sentence, g_free);
  ldn_trend_cache_invalidate (self->cache);
  self->diary = diary;
  self->item = item;
  if (until != NULL && g_date_valid (until))
    self->until = *until;
  else
    g_date_set_time_t (&self->until, time (NULL));

  if (diary != NULL && item < diary->items->len)
    {
      const LdnDiaryItem *followed = g_ptr_array_index (diary->items, item);

      self->summary = ldn_diary_summary_new (diary, &self->until);
      self->sentence = ldn_diary_item_summary_dup_sentence (&g_array_index (self->summary->items,
                                                                            LdnDiaryItemSummary, item));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, followed->label,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->sentence,
                                      -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ldn_trend_chart_get_style (LdnTrendChart *self,
                           LdnTrendStyle *style,
                           char         **font)
{
  g_return_if_fail (LDN_IS_TREND_CHART (self) && style != NULL && font != NULL);

  style_for (GTK_WIDGET (self), style, font);
}

const char *
ldn_trend_chart_get_summary (LdnTrendChart *self)
{
  g_return_val_if_fail (LDN_IS_TREND_CHART (self), NULL);
  return self->sentence;
}

/* The table of values. */

struct _LdnTrendRow
{
  GObject  parent_instance;
  char    *date;
  char    *rating;
  char    *period;
  char    *notes;
};

G_DEFINE_FINAL_TYPE (LdnTrendRow, ldn_trend_row, G_TYPE_OBJECT)

static void
ldn_trend_row_finalize (GObject *object)
{
  LdnTrendRow *row = LDN_TREND_ROW (object);

  g_free (row->date);
  g_free (row->rating);
  g_free (row->period);
  g_free (row->notes);
  G_OBJECT_CLASS (ldn_trend_row_parent_class)->finalize (object);
}

static void
ldn_trend_row_class_init (LdnTrendRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ldn_trend_row_finalize;
}

static void
ldn_trend_row_init (LdnTrendRow *row)
{
}

const char *
ldn_trend_row_get_date (LdnTrendRow *row)
{
  return row->date;
}

const char *
ldn_trend_row_get_rating (LdnTrendRow *row)
{
  return row->rating;
}

const char *
ldn_trend_row_get_period (LdnTrendRow *row)
{
  return row->period;
}

const char *
ldn_trend_row_get_notes (LdnTrendRow *row)
{
  return row->notes;
}

static char *
dup_date (const GDate *date)
{
  char iso[16];

  g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
  return ldn_language_format_iso_date (iso);
}

GListModel *
ldn_trend_chart_dup_table_model (const LdnDiary *diary,
                                 guint           item,
                                 const GDate    *until)
{
  GListStore *store = g_list_store_new (LDN_TYPE_TREND_ROW);
  guint32 baseline_first = 0, start = 0;

  g_return_val_if_fail (diary != NULL && until != NULL, G_LIST_MODEL (store));
  if (item >= diary->items->len)
    return G_LIST_MODEL (store);

  if (diary->has_start && g_date_valid (&diary->start))
    {
      const LdnDiaryItem *followed = g_ptr_array_index (diary->items, item);
      guint32 window = followed->every == LDN_DIARY_EVERY_WEEK ? 7 * LDN_DIARY_BASELINE_WEEKS
                                                                 : LDN_DIARY_BASELINE_DAYS;

      start = g_date_get_julian (&diary->start);
      baseline_first = start > window ? start - window : 1;
    }

  for (guint i = 0; i < diary->entries->len; i++)
    {
      const LdnDiaryEntry *entry = g_ptr_array_index (diary->entries, i);
      guint32 day = g_date_get_julian (&entry->date);
      g_autoptr(LdnTrendRow) row = NULL;
      g_autoptr(GString) notes = NULL;

      if (g_date_compare (&entry->date, until) > 0)
        break;
      if (entry->ratings[item] == LDN_DIARY_RATING_NONE && entry->side_effects->len == 0)
        continue;

      row = g_object_new (LDN_TYPE_TREND_ROW, NULL);
      row->date = dup_date (&entry->date);
      row->rating = entry->ratings[item] == LDN_DIARY_RATING_NONE ? g_strdup ("")
                                                                   : g_strdup_printf ("%d", entry->ratings[item]);
      if (start != 0 && day >= start)
        row->period = g_strdup (_("After the start"));
      else if (start != 0 && day >= baseline_first)
        row->period = g_strdup (_("Baseline"));
      else
        row->period = g_strdup ("");
      notes = g_string_new (NULL);
      if (entry->side_effects->len > 0)
        g_string_append_printf (notes, ngettext ("%u side effect", "%u side effects", entry->side_effects->len),
                                entry->side_effects->len);
      if (entry->dose_taken == LDN_DIARY_DOSE_MISSED)
        g_string_append_printf (notes, "%s%s", notes->len > 0 ? "; " : "", _("dose missed"));
      row->notes = g_string_free (g_steal_pointer (&notes), FALSE);
      g_list_store_append (store, row);
    }
  return G_LIST_MODEL (store);
}

/* ldn-occupancy-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ldn-occupancy-chart.h"

struct _LdnOccupancyChart
{
  GtkWidget          parent_instance;

  LdnOccupancyCurve *curve;
  LdnOccupancyCurve *comparison;
  GArray            *pet_points;
  LdnChartData       data;
  LdnChartStyle      style;
  LdnChartCache     *cache;
  /* Render nodes of the chart in vertical tiles, empty [0] and finished
   * [1], kept while size, style and data stay: a frame of the sweep
   * redraws only the tile under the playhead, so GTK repaints a strip
   * instead of the whole chart. */
  GPtrArray         *tiles[2];
  int                tiles_width;
  int                tiles_height;
  int                tiles_scale;
  char              *font;
  char              *sustained_label;
  char              *comparison_label;
  char              *legend;          /* instead of sustained_label, or NULL */
  double             dose_mg;
  double             playhead_h;
  double             hover_h;
};

G_DEFINE_FINAL_TYPE (LdnOccupancyChart, ldn_occupancy_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAYHEAD,
  N_PROPS
};

enum {
  SCRUBBED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
ldn_occupancy_chart_new (void)
{
  return g_object_new (LDN_TYPE_OCCUPANCY_CHART, NULL);
}

static LdnColor
color_from (const GdkRGBA *rgba,
            double         alpha)
{
  return (LdnColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha };
}

static LdnWidgetColorFunc widget_color_func;
static LdnLookupColorFunc lookup_color_func;

void
ldn_occupancy_chart_set_color_functions (LdnWidgetColorFunc widget_color,
                                         LdnLookupColorFunc lookup_color)
{
  widget_color_func = widget_color;
  lookup_color_func = lookup_color;
}

static void
named_color (GtkWidget     *widget,
             const char    *name,
             const GdkRGBA *fallback,
             GdkRGBA       *color)
{
  if (lookup_color_func == NULL || !lookup_color_func (widget, name, color))
    *color = *fallback;
}

/* Colours follow the style, so dark and high-contrast work; lines also
 * differ by dash and width, so colour is never the only difference. */
static gboolean
update_style (LdnOccupancyChart *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA fg, accent, warning, success, window_bg;
  LdnChartStyle style;
  g_autofree char *font = NULL;
  PangoFontDescription *description;

  if (widget_color_func != NULL)
    widget_color_func (widget, &fg);
  else
    fg = (GdkRGBA) { 0.2, 0.2, 0.2, 1 };
  named_color (widget, "accent_color", &(GdkRGBA) { 0.11, 0.44, 0.85, 1 }, &accent);
  named_color (widget, "warning_color", &(GdkRGBA) { 0.6, 0.4, 0.0, 1 }, &warning);
  named_color (widget, "success_color", &(GdkRGBA) { 0.15, 0.55, 0.3, 1 }, &success);
  named_color (widget, "window_bg_color", &(GdkRGBA) { 1, 1, 1, 1 }, &window_bg);

  description = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  font = description ? pango_font_description_to_string (description) : g_strdup ("Sans 10");

  style = (LdnChartStyle) {
    .foreground = color_from (&fg, 1),
    .background = { 0, 0, 0, 0 },
    .label_background = color_from (&window_bg, 0.9),
    .grid = color_from (&fg, 0.18),
    .night = color_from (&fg, 0.06),
    .sustained = color_from (&accent, 1),
    .band = color_from (&accent, 0.22),
    .transient = color_from (&warning, 1),
    .comparison = color_from (&fg, 0.6),
    .marker = color_from (&success, 1),
    .playhead = color_from (&fg, 0.7),
    .font = NULL,
    .line_width = 2.5,
  };

  if (self->font != NULL && g_str_equal (self->font, font) &&
      memcmp (&style, &self->style, G_STRUCT_OFFSET (LdnChartStyle, font)) == 0)
    return FALSE;

  g_free (self->font);
  self->font = g_steal_pointer (&font);
  style.font = self->font;
  self->style = style;

  return TRUE;
}

#define TILE_WIDTH 32

static void
unref_node (gpointer node)
{
  if (node != NULL)
    gsk_render_node_unref (node);
}

static void
invalidate_drawing (LdnOccupancyChart *self)
{
  ldn_chart_cache_invalidate (self->cache);
  for (guint i = 0; i < G_N_ELEMENTS (self->tiles); i++)
    g_ptr_array_set_size (self->tiles[i], 0);
}

static GskRenderNode *
tile_node (LdnOccupancyChart *self,
           int                x,
           int                width,
           int                height,
           int                scale,
           double             playhead_h)
{
  GskRenderNode *node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (x, 0, MIN (TILE_WIDTH, width - x), height));
  cairo_t *cr = gsk_cairo_node_get_draw_context (node);

  ldn_chart_cache_draw_background (self->cache, cr, width, height, scale, &self->data, &self->style, playhead_h);
  cairo_destroy (cr);

  return node;
}

/* A thin node around a vertical line at X that reaches RADIUS either side. */
static void
append_line_node (LdnOccupancyChart *self,
                  GtkSnapshot       *snapshot,
                  double             x,
                  double             radius,
                  int                width,
                  int                height,
                  double             playhead_h,
                  double             hover_h)
{
  double left = floor (x - radius), right = ceil (x + radius);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (left, 0, right - left, height));

  ldn_chart_draw_playhead (cr, width, height, &self->data, &self->style, playhead_h, hover_h);
  cairo_destroy (cr);
}

static void
ldn_occupancy_chart_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  LdnOccupancyChart *self = LDN_OCCUPANCY_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  gboolean sweeping;
  double split_x;

  if (self->curve == NULL || width <= 0 || height <= 0)
    return;

  if (update_style (self))
    invalidate_drawing (self);
  if (width != self->tiles_width || height != self->tiles_height || scale != self->tiles_scale)
    {
      invalidate_drawing (self);
      self->tiles_width = width;
      self->tiles_height = height;
      self->tiles_scale = scale;
    }

  sweeping = self->playhead_h >= 0 && self->playhead_h < self->data.span_h;
  split_x = sweeping ? ldn_chart_x_at_hours (width, &self->data, self->playhead_h) : width;

  for (int x = 0, i = 0; x < width; x += TILE_WIDTH, i++)
    {
      g_autoptr(GskRenderNode) fresh = NULL;
      GPtrArray *kept;

      /* The tile the playhead is in shows part of the curves: drawn anew. */
      if (x < split_x && x + TILE_WIDTH > split_x)
        {
          fresh = tile_node (self, x, width, height, scale, self->playhead_h);
          gtk_snapshot_append_node (snapshot, fresh);
          continue;
        }

      kept = self->tiles[x + TILE_WIDTH <= split_x ? 1 : 0];
      if (kept->len <= (guint) i)
        g_ptr_array_set_size (kept, i + 1);
      if (g_ptr_array_index (kept, i) == NULL)
        g_ptr_array_index (kept, i) = tile_node (self, x, width, height, scale, kept == self->tiles[1] ? -1 : 0);
      gtk_snapshot_append_node (snapshot, g_ptr_array_index (kept, i));
    }

  /* The playhead line with its dot (radius 5), also where a sweep
   * ended, and the hover line. */
  if (self->playhead_h >= 0)
    append_line_node (self, snapshot, ldn_chart_x_at_hours (width, &self->data, self->playhead_h), 8,
                      width, height, self->playhead_h, -1);
  if (self->hover_h >= 0 && self->hover_h <= self->data.span_h)
    append_line_node (self, snapshot, ldn_chart_x_at_hours (width, &self->data, self->hover_h), 2,
                      width, height, -1, self->hover_h);
}

static void
ldn_occupancy_chart_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 720;
    }
  else
    {
      /* Scrolled pages give children their minimum height, so the
       * aspect ratio has to live in the minimum too. */
      *minimum = *natural = for_size > 0 ? CLAMP (for_size * 9 / 16, 240, 400) : 300;
      /* Narrow charts carry their legend underneath. */
      if (for_size > 0 && for_size < 520)
        *minimum = *natural = *minimum + 80;
    }
}

static GtkSizeRequestMode
ldn_occupancy_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ldn_occupancy_chart_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ldn_occupancy_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
ldn_occupancy_chart_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  /* The cache notices the new size by itself on the next frame. */
  gtk_widget_queue_draw (widget);
}

static void
scrub_to (LdnOccupancyChart *self,
          double             x)
{
  double hours;

  if (self->curve == NULL)
    return;

  ldn_chart_hours_at_x (gtk_widget_get_width (GTK_WIDGET (self)), &self->data, x, &hours);
  g_signal_emit (self, signals[SCRUBBED], 0, hours);
}

static void
drag_begin_cb (GtkGestureDrag    *gesture,
               double             x,
               double             y,
               LdnOccupancyChart *self)
{
  scrub_to (self, x);
}

static void
drag_update_cb (GtkGestureDrag    *gesture,
                double             dx,
                double             dy,
                LdnOccupancyChart *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  scrub_to (self, x + dx);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           LdnOccupancyChart        *self)
{
  double hours;

  if (self->curve == NULL)
    return;

  self->hover_h = ldn_chart_hours_at_x (gtk_widget_get_width (GTK_WIDGET (self)), &self->data, x, &hours)
                  ? hours : -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
leave_cb (GtkEventControllerMotion *controller,
          LdnOccupancyChart        *self)
{
  self->hover_h = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
query_tooltip_cb (GtkWidget         *widget,
                  int                x,
                  int                y,
                  gboolean           keyboard,
                  GtkTooltip        *tooltip,
                  LdnOccupancyChart *self)
{
  g_autofree char *text = NULL;
  double hours;
  int minute;

  int point;

  if (self->curve == NULL || keyboard)
    return FALSE;

  /* A scan marker explains itself. */
  point = ldn_chart_pet_point_at (gtk_widget_get_width (widget), gtk_widget_get_height (widget), &self->data,
                                  &self->style, x, y);
  if (point >= 0)
    {
      const LdnPetPoint *scan = &self->data.pet_points[point];

      /* Translators: a chart tooltip on a brain scan marker. */
      text = g_strdup_printf (_("Brain scan (measured): about %.0f %% of the receptors blocked after one %g mg dose.\n"
                                "Taken between %.0f and %.0f hours after the dose; the report gives no exact time."),
                              scan->occupancy, scan->dose_mg, scan->hours_min, scan->hours_max);
      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }

  if (!ldn_chart_hours_at_x (gtk_widget_get_width (widget), &self->data, x, &hours))
    return FALSE;

  minute = ((int) round (self->data.dose_minute + hours * 60)) % (24 * 60);
  /* Translators: a chart tooltip: clock time, then estimates in percent. */
  text = g_strdup_printf (_("%02d:%02d, %.0f hours after the first dose\n"
                            "Estimate: about %.0f %% blocked (range %.0f–%.0f %%)\n"
                            "If the block is brief: %.0f %%"),
                          minute / 60, minute % 60, hours,
                          ldn_occupancy_curve_sample (self->curve, self->curve->sustained, hours),
                          ldn_occupancy_curve_sample (self->curve, self->curve->sustained_low, hours),
                          ldn_occupancy_curve_sample (self->curve, self->curve->sustained_high, hours),
                          ldn_occupancy_curve_sample (self->curve, self->curve->transient, hours));
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
update_labels (LdnOccupancyChart *self)
{
  g_free (self->sustained_label);
  /* Translators: chart legend; %g is a dose in mg. */
  self->sustained_label = g_strdup_printf (_("%g mg: estimate, shaded: range if unknown study details differ"), self->dose_mg);
  g_free (self->comparison_label);
  self->comparison_label = g_strdup (_("50 mg: estimate"));

  self->data.labels = (LdnChartLabels) {
    .y_axis = _("Receptors blocked (%)"),
    .sustained = self->legend ? self->legend : self->sustained_label,
    .transient = _("If the block is brief"),
    .comparison = self->comparison_label,
    .measured = _("Brain scan (measured)"),
    .no_data = self->dose_mg < 2 ? _("No measurements below 2 mg") : NULL,
    /* Translators: a day on the chart's time axis. */
    .day_format = _("Day %u"),
  };
}

void
ldn_occupancy_chart_set_curves (LdnOccupancyChart *self,
                                LdnOccupancyCurve *curve,
                                LdnOccupancyCurve *comparison,
                                double             dose_mg,
                                double             span_h,
                                guint              dose_minute,
                                gboolean           repeated_doses)
{
  g_return_if_fail (LDN_IS_OCCUPANCY_CHART (self));
  g_return_if_fail (curve != NULL);

  g_clear_pointer (&self->curve, ldn_occupancy_curve_free);
  g_clear_pointer (&self->comparison, ldn_occupancy_curve_free);
  self->curve = curve;
  self->comparison = comparison;
  self->dose_mg = dose_mg;

  self->data.curve = curve;
  self->data.comparison = comparison;
  self->data.span_h = span_h;
  self->data.dose_minute = dose_minute;
  self->data.repeated_doses = repeated_doses;
  self->data.show_comparison_points = comparison != NULL || dose_mg >= LDN_DOSE_MAX_MG - 1e-6;
  update_labels (self);

  invalidate_drawing (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ldn_occupancy_chart_set_legend (LdnOccupancyChart *self,
                                const char        *sustained)
{
  g_return_if_fail (LDN_IS_OCCUPANCY_CHART (self));

  if (g_strcmp0 (sustained, self->legend) == 0)
    return;
  g_free (self->legend);
  self->legend = g_strdup (sustained);
  update_labels (self);
  invalidate_drawing (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ldn_occupancy_chart_set_pet_points (LdnOccupancyChart *self,
                                    GArray            *points)
{
  g_return_if_fail (LDN_IS_OCCUPANCY_CHART (self));

  g_clear_pointer (&self->pet_points, g_array_unref);
  self->pet_points = points ? g_array_ref (points) : NULL;
  self->data.pet_points = points ? (const LdnPetPoint *) points->data : NULL;
  self->data.n_pet_points = points ? points->len : 0;

  invalidate_drawing (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const LdnOccupancyCurve *
ldn_occupancy_chart_get_curve (LdnOccupancyChart *self)
{
  g_return_val_if_fail (LDN_IS_OCCUPANCY_CHART (self), NULL);

  return self->curve;
}

const LdnOccupancyCurve *
ldn_occupancy_chart_get_comparison (LdnOccupancyChart *self)
{
  g_return_val_if_fail (LDN_IS_OCCUPANCY_CHART (self), NULL);

  return self->comparison;
}

double
ldn_occupancy_chart_get_playhead (LdnOccupancyChart *self)
{
  g_return_val_if_fail (LDN_IS_OCCUPANCY_CHART (self), -1);

  return self->playhead_h;
}

void
ldn_occupancy_chart_set_playhead (LdnOccupancyChart *self,
                                  double             hours)
{
  g_return_if_fail (LDN_IS_OCCUPANCY_CHART (self));

  if (self->playhead_h == hours)
    return;

  self->playhead_h = hours;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYHEAD]);
}

void
ldn_occupancy_chart_draw_whole (LdnOccupancyChart *self,
                                cairo_t           *cr)
{
  g_autoptr(LdnChartCache) cache = ldn_chart_cache_new ();
  GtkWidget *widget = GTK_WIDGET (self);

  g_return_if_fail (LDN_IS_OCCUPANCY_CHART (self));

  if (self->curve == NULL)
    return;

  if (update_style (self))
    invalidate_drawing (self);
  ldn_chart_cache_draw (cache, cr, gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                        gtk_widget_get_scale_factor (widget), &self->data, &self->style,
                        self->playhead_h, self->hover_h);
}

static void
ldn_occupancy_chart_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LdnOccupancyChart *self = LDN_OCCUPANCY_CHART (object);

  switch (prop_id)
    {
    case PROP_PLAYHEAD:
      g_value_set_double (value, self->playhead_h);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ldn_occupancy_chart_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LdnOccupancyChart *self = LDN_OCCUPANCY_CHART (object);

  switch (prop_id)
    {
    case PROP_PLAYHEAD:
      ldn_occupancy_chart_set_playhead (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ldn_occupancy_chart_finalize (GObject *object)
{
  LdnOccupancyChart *self = LDN_OCCUPANCY_CHART (object);

  g_clear_pointer (&self->curve, ldn_occupancy_curve_free);
  g_clear_pointer (&self->comparison, ldn_occupancy_curve_free);
  g_clear_pointer (&self->pet_points, g_array_unref);
  g_clear_pointer (&self->cache, ldn_chart_cache_free);
  g_clear_pointer (&self->tiles[0], g_ptr_array_unref);
  g_clear_pointer (&self->tiles[1], g_ptr_array_unref);
  g_free (self->font);
  g_free (self->sustained_label);
  g_free (self->legend);
  g_free (self->comparison_label);

  G_OBJECT_CLASS (ldn_occupancy_chart_parent_class)->finalize (object);
}

static void
ldn_occupancy_chart_class_init (LdnOccupancyChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ldn_occupancy_chart_finalize;
  object_class->get_property = ldn_occupancy_chart_get_property;
  object_class->set_property = ldn_occupancy_chart_set_property;
  widget_class->snapshot = ldn_occupancy_chart_snapshot;
  widget_class->measure = ldn_occupancy_chart_measure;
  widget_class->get_request_mode = ldn_occupancy_chart_get_request_mode;
  widget_class->size_allocate = ldn_occupancy_chart_size_allocate;
  widget_class->css_changed = ldn_occupancy_chart_css_changed;

  properties[PROP_PLAYHEAD] =
    g_param_spec_double ("playhead", NULL, NULL, -1, G_MAXDOUBLE, -1,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user dragged or clicked on the chart: hours after the first dose. */
  signals[SCRUBBED] = g_signal_new ("scrubbed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);

  gtk_widget_class_set_css_name (widget_class, "occupancychart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ldn_occupancy_chart_init (LdnOccupancyChart *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->cache = ldn_chart_cache_new ();
  self->tiles[0] = g_ptr_array_new_with_free_func (unref_node);
  self->tiles[1] = g_ptr_array_new_with_free_func (unref_node);
  self->playhead_h = -1;
  self->hover_h = -1;

  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
}

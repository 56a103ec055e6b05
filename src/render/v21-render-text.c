/* v21-render-text.c — text for the drawings, through PangoCairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-render"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include "v21-render-text.h"
#include "v21-typography.h"

PangoContext *
v21_render_text_context (void)
{
  return v21_render_text_context_for_map (pango_cairo_font_map_get_default ());
}

PangoContext *
v21_render_text_context_for_map (PangoFontMap *map)
{
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  return context;
}

PangoLayout *
v21_render_text_layout (PangoContext         *context,
                        const V21RenderStyle *style,
                        const char           *text,
                        double                size,
                        gboolean              bold,
                        double                max_width,
                        int                   max_lines)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (style->font_family);
  g_autofree char *shown = style->consent != NULL ? v21_consent_text_apply (style->consent, text) : NULL;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, max_lines > 0 ? -max_lines : -1000);
    }
  if (shown != NULL)
    text = shown;
  if (style->typography)
    {
      /* The report's figures speak as its text does: "l’eau", "Eau : …". */
      g_autofree char *typeset = v21_typography_apply (text);

      pango_layout_set_text (layout, typeset, -1);
    }
  else
    pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

void
v21_render_text_size (PangoLayout *layout,
                      double      *width,
                      double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

static _Thread_local GArray *recording;

static void
shown_text_clear (V21ShownText *shown)
{
  g_free (shown->text);
  g_strfreev (shown->lines);
}

void
v21_render_text_record_start (void)
{
  g_return_if_fail (recording == NULL);
  recording = g_array_new (FALSE, TRUE, sizeof (V21ShownText));
  g_array_set_clear_func (recording, (GDestroyNotify) shown_text_clear);
}

GArray *
v21_render_text_record_stop (void)
{
  return g_steal_pointer (&recording);
}

static GStrv
layout_lines (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv lines;

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      g_autofree char *part = g_strndup (text + line->start_index, line->length);

      g_strv_builder_add (builder, part);
    }
  lines = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return lines;
}

/* The bounding box, in device units, of @width × @height at (@x, @y). */
static void
record_shown (cairo_t     *cr,
              PangoLayout *layout,
              double       x,
              double       y,
              double       width,
              double       height)
{
  V21ShownText shown = { { 0 }, pango_layout_is_ellipsized (layout),
                         g_strdup (pango_layout_get_text (layout)), layout_lines (layout) };
  double xs[4] = { x, x + width, x, x + width }, ys[4] = { y, y, y + height, y + height };
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (int i = 0; i < 4; i++)
    {
      cairo_user_to_device (cr, &xs[i], &ys[i]);
      x0 = MIN (x0, xs[i]);
      y0 = MIN (y0, ys[i]);
      x1 = MAX (x1, xs[i]);
      y1 = MAX (y1, ys[i]);
    }
  shown.box = (cairo_rectangle_t) { x0, y0, x1 - x0, y1 - y0 };
  g_array_append_val (recording, shown);
}

void
v21_render_text_show (cairo_t       *cr,
                      PangoLayout   *layout,
                      double         x,
                      double         y,
                      const V21Rgba *color)
{
  PangoRectangle logical;

  /* A wrapped layout's ink may start right of 0: draw from its logical box. */
  pango_layout_get_extents (layout, NULL, &logical);
  if (recording != NULL)
    record_shown (cr, layout, x, y, (double) logical.width / PANGO_SCALE, (double) logical.height / PANGO_SCALE);
  v21_render_set_color (cr, color, 1.0);
  cairo_move_to (cr, x - (double) logical.x / PANGO_SCALE, y - (double) logical.y / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

char *
v21_render_format_number (double value)
{
  char buffer[64];

  /* The ' flag groups thousands the locale's way (a narrow space in French). */
  if (fabs (value - round (value)) < 1e-9)
    snprintf (buffer, sizeof buffer, "%'.0f", value);
  else
    snprintf (buffer, sizeof buffer, "%'.1f", value);
  return g_strdup (buffer);
}

void
v21_render_rounded_rectangle (cairo_t *cr,
                              double   x,
                              double   y,
                              double   width,
                              double   height,
                              double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

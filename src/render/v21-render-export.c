/* v21-render-export.c — drawings written to PNG, SVG or PDF files
 *
 * Cairo writes into memory; the file is then written the project's one way,
 * atomically (v21_file_write_atomic).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-render"

#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "v21-render-export.h"
#include "v21-trajectory-diagram.h"
#include "v21-error.h"
#include "v21-file-io.h"

#define MAX_PIXELS 16384

static const char * const extensions[] = { "png", "svg", "pdf" };

gboolean
v21_export_format_from_string (const char      *name,
                               V21ExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (name != NULL && g_ascii_strcasecmp (name, extensions[i]) == 0)
      {
        *format = (V21ExportFormat) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
v21_export_format_from_path (const char      *path,
                             V21ExportFormat *format)
{
  const char *dot = path != NULL ? strrchr (path, '.') : NULL;

  return dot != NULL && v21_export_format_from_string (dot + 1, format);
}

const char *
v21_export_format_extension (V21ExportFormat format)
{
  g_return_val_if_fail (format <= V21_EXPORT_PDF, "png");
  return extensions[format];
}

/* A cairo write function that appends to a GByteArray (@closure). */
cairo_status_t
v21_render_append_bytes (void                *closure,
                         const unsigned char *data,
                         unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
create_surface (V21ExportFormat  format,
                double           width,
                double           height,
                double           scale,
                GByteArray      *bytes)
{
  cairo_surface_t *surface;

  switch (format)
    {
    case V21_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (v21_render_append_bytes, bytes, width, height);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
      return surface;
    case V21_EXPORT_PDF:
      surface = cairo_pdf_surface_create_for_stream (v21_render_append_bytes, bytes, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Visions+21");
      return surface;
    case V21_EXPORT_PNG:
    default:
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                         (int) ceil (height * scale));
    }
}

gboolean
v21_render_export (V21ExportFormat   format,
                   const char       *path,
                   double            width,
                   double            height,
                   double            scale,
                   V21RenderFunc     func,
                   gpointer          user_data,
                   GError          **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (path != NULL && func != NULL, FALSE);

  if (format != V21_EXPORT_PNG)
    scale = 1;
  if (!(width >= 1 && height >= 1 && scale > 0) || width * scale > MAX_PIXELS || height * scale > MAX_PIXELS)
    {
      g_set_error (error, V21_ERROR, V21_ERROR_VALUE,
                   _("The size %g × %g is not possible: give a width and a height between 1 and %d"),
                   width * scale, height * scale, MAX_PIXELS);
      return FALSE;
    }

  surface = create_surface (format, width, height, scale, bytes);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  func (cr, width, height, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (status == CAIRO_STATUS_SUCCESS && format == V21_EXPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, v21_render_append_bytes, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, V21_ERROR, V21_ERROR_IO, _("Could not draw %s: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return v21_file_write_atomic (path, (const char *) bytes->data, bytes->len, FALSE, error);
}

typedef struct
{
  V21Workshop          *workshop;
  const char           *scenario_id;
  const V21RenderStyle *style;
} TrajectoryFigure;

static void
draw_trajectories (cairo_t  *cr,
                   double    width,
                   double    height,
                   gpointer  user_data)
{
  TrajectoryFigure *figure = user_data;

  v21_render_trajectories (figure->workshop, figure->scenario_id, cr, width, height, figure->style);
}

gboolean
v21_render_export_trajectories (V21Workshop          *workshop,
                                const char           *scenario_id,
                                V21ExportFormat       format,
                                const char           *path,
                                double                width,
                                double                height,
                                double                scale,
                                const V21RenderStyle *style,
                                GError              **error)
{
  TrajectoryFigure figure = { workshop, scenario_id, style };

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), FALSE);
  return v21_render_export (format, path, width, height, scale, draw_trajectories, &figure, error);
}

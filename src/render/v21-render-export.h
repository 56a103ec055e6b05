/* v21-render-export.h — drawings written to PNG, SVG or PDF files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <cairo.h>

#include "v21-workshop.h"
#include "v21-render-style.h"

G_BEGIN_DECLS

typedef enum
{
  V21_EXPORT_PNG,
  V21_EXPORT_SVG,
  V21_EXPORT_PDF,
} V21ExportFormat;

/* Draws a figure of @width × @height user units on @cr. */
typedef void (*V21RenderFunc) (cairo_t  *cr,
                               double    width,
                               double    height,
                               gpointer  user_data);

/* A cairo write function (for the _for_stream surfaces) appending to the
 * GByteArray given as @closure. */
cairo_status_t v21_render_append_bytes    (void                *closure,
                                           const unsigned char *data,
                                           unsigned int         length);

gboolean    v21_export_format_from_string (const char      *name,
                                           V21ExportFormat *format);
/* The format a file name asks for by its extension (.png, .svg, .pdf). */
gboolean    v21_export_format_from_path   (const char      *path,
                                           V21ExportFormat *format);
const char *v21_export_format_extension   (V21ExportFormat  format);

/* Renders @func into a file at @path: PNG of (@width × @scale) × (@height ×
 * @scale) pixels, SVG or PDF of @width × @height points (@scale ignored). The
 * file is written atomically; on failure nothing is left at @path. */
gboolean v21_render_export (V21ExportFormat   format,
                            const char       *path,
                            double            width,
                            double            height,
                            double            scale,
                            V21RenderFunc     func,
                            gpointer          user_data,
                            GError          **error);

/* The trajectory diagram (see v21_render_trajectories()) into a file. */
gboolean v21_render_export_trajectories (V21Workshop          *workshop,
                                         const char           *scenario_id,
                                         V21ExportFormat       format,
                                         const char           *path,
                                         double                width,
                                         double                height,
                                         double                scale,
                                         const V21RenderStyle *style,
                                         GError              **error);

G_END_DECLS

/* v21-report-odt.h — the written report as an OpenDocument text (.odt)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-report.h"

G_BEGIN_DECLS

/* The ODF text package of @report (mimetype, content, styles, meta,
 * manifest, the figures as SVG with a PNG fallback drawn from @workshop),
 * as the bytes of a zip file; NULL with @error set when libzip fails. */
GBytes   *v21_report_to_odt     (V21Report    *report,
                                 V21Workshop  *workshop,
                                 GError      **error);

/* Appends @text to @out as the content of an ODF paragraph: XML escaped,
 * new lines, tabs and repeated spaces as their ODF elements, control
 * characters and the non-characters XML refuses left out. */
void      v21_odt_append_text   (GString      *out,
                                 const char   *text);

G_END_DECLS

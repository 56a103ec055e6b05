/* v21-report-odt-private.h — the parts of the report's OpenDocument text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-report-odt.h"

G_BEGIN_DECLS

#define V21_ODT_NAMESPACES \
  " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"" \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"" \
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"" \
  " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\"" \
  " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"" \
  " xmlns:xlink=\"http://www.w3.org/1999/xlink\"" \
  " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"" \
  " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"" \
  " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""

/* styles.xml: the named styles, the page, the running header with
 * @report's running title, the footer with the page number. */
GString *_v21_report_odt_styles (V21Report *report,
                                 gboolean   french);

/* An OpenDocument text package of @content_xml and @styles_xml (whole
 * documents), with its mimetype and manifest: for documents without figures,
 * such as the invitation letters. */
GBytes  *_v21_odt_package       (const char  *content_xml,
                                 const char  *styles_xml,
                                 GError     **error);

G_END_DECLS

/* v21-pdf-lang.h — the document language of a PDF cairo has written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends to @pdf (a whole file as cairo 1.16 writes it: a classic xref
 * table and an uncompressed catalog) an incremental update that gives its
 * catalog /Lang @language, e.g. "fr-FR". Returns FALSE and leaves @pdf as it
 * was when the trailer or the catalog cannot be found. */
gboolean     v21_pdf_add_language    (GByteArray *pdf,
                                      const char *language);

/* The language of the reports' text: "fr-FR" or "en-GB". */
const char  *v21_pdf_report_language (void);

/* v21_pdf_add_language(), telling on stderr (naming @path) when it could
 * not: the file is then written without a language. */
void         v21_pdf_add_language_or_warn (GByteArray *pdf,
                                           const char *path);

G_END_DECLS

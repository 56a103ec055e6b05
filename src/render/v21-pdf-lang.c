/* v21-pdf-lang.c — the document language of a PDF cairo has written
 *
 * Cairo 1.16 has no API for the catalog's /Lang. Once cairo has finished the
 * file, an incremental update (ISO 32000-1, 7.5.6) appends a new version of
 * the catalog with /Lang, an xref section for it alone and a trailer whose
 * /Prev points at cairo's xref table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-render"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-pdf-lang.h"
#include "v21-typography.h"

/* The last occurrence of @needle in the first @length bytes of @data. */
static const char *
find_last (const char *data,
           gsize       length,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = length >= n ? length - n + 1 : 0; i-- > 0;)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

/* The first occurrence of @needle in the @length bytes at @data. */
static const char *
find_first (const char *data,
            gsize       length,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

/* "/Key N G R" in the trailer dictionary @trailer (NUL-terminated). */
static gboolean
trailer_reference (const char *trailer,
                   const char *key,
                   guint64    *number,
                   guint64    *generation)
{
  const char *p = strstr (trailer, key);
  char *end;

  if (p == NULL)
    return FALSE;
  p += strlen (key);
  *number = g_ascii_strtoull (p, &end, 10);
  if (end == p)
    return FALSE;
  p = end;
  *generation = g_ascii_strtoull (p, &end, 10);
  return end != p && g_str_has_prefix (g_strchug (end), "R");
}

typedef struct
{
  guint64 prev;
  guint64 size;
  guint64 root, root_gen;
  guint64 info, info_gen;
  gboolean has_info;
  const char *dict_start;   /* after the catalog's "<<" */
  const char *dict_end;     /* at its closing ">>" */
} Catalog;

static gboolean
read_trailer (const char *data,
              gsize       length,
              Catalog    *catalog)
{
  const char *startxref = find_last (data, length, "startxref");
  const char *trailer;
  g_autofree char *text = NULL;
  char *end;

  if (startxref == NULL)
    return FALSE;
  catalog->prev = g_ascii_strtoull (startxref + strlen ("startxref"), &end, 10);
  if (end == startxref + strlen ("startxref") || catalog->prev >= length)
    return FALSE;
  trailer = find_last (data, startxref - data, "trailer");
  if (trailer == NULL)
    return FALSE;
  text = g_strndup (trailer, startxref - trailer);
  if (!trailer_reference (text, "/Root", &catalog->root, &catalog->root_gen))
    return FALSE;
  catalog->has_info = trailer_reference (text, "/Info", &catalog->info, &catalog->info_gen);
  end = strstr (text, "/Size");
  if (end == NULL)
    return FALSE;
  catalog->size = g_ascii_strtoull (end + strlen ("/Size"), NULL, 10);
  return catalog->size > catalog->root;
}

/* The catalog's dictionary: after "N G obj", from "<<" to the last ">>"
 * before "endobj". */
static gboolean
find_catalog (const char *data,
              gsize       length,
              Catalog    *catalog)
{
  g_autofree char *header = g_strdup_printf ("\n%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " obj",
                                             catalog->root, catalog->root_gen);
  const char *object = find_last (data, length, header);
  const char *endobj;

  if (object == NULL)
    return FALSE;
  object += strlen (header);
  endobj = find_first (object, length - (object - data), "endobj");
  if (endobj == NULL)
    return FALSE;
  catalog->dict_start = find_first (object, endobj - object, "<<");
  catalog->dict_end = find_last (object, endobj - object, ">>");
  if (catalog->dict_start == NULL || catalog->dict_end == NULL || catalog->dict_end <= catalog->dict_start)
    return FALSE;
  catalog->dict_start += 2;
  return find_first (catalog->dict_start, catalog->dict_end - catalog->dict_start, "/Type /Catalog") != NULL;
}

gboolean
v21_pdf_add_language (GByteArray *pdf,
                      const char *language)
{
  const char *data = (const char *) pdf->data;
  Catalog catalog = { 0 };
  GString *update;
  gsize object_offset, xref_offset;

  g_return_val_if_fail (language != NULL, FALSE);
  if (!read_trailer (data, pdf->len, &catalog) || !find_catalog (data, pdf->len, &catalog))
    return FALSE;
  if (find_first (catalog.dict_start, catalog.dict_end - catalog.dict_start, "/Lang") != NULL)
    return TRUE;
  update = g_string_new (pdf->len > 0 && data[pdf->len - 1] == '\n' ? "" : "\n");
  object_offset = pdf->len + update->len;
  g_string_append_printf (update, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " obj\n<<", catalog.root, catalog.root_gen);
  g_string_append_len (update, catalog.dict_start, catalog.dict_end - catalog.dict_start);
  g_string_append_printf (update, "   /Lang (%s)\n>>\nendobj\n", language);
  xref_offset = pdf->len + update->len;
  /* Each entry is exactly 20 bytes: the offset, the generation, "n", " \n". */
  g_string_append_printf (update, "xref\n%" G_GUINT64_FORMAT " 1\n%010" G_GSIZE_FORMAT " %05" G_GUINT64_FORMAT " n \n",
                          catalog.root, object_offset, catalog.root_gen);
  g_string_append_printf (update, "trailer\n<< /Size %" G_GUINT64_FORMAT "\n   /Root %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " R\n",
                          catalog.size, catalog.root, catalog.root_gen);
  if (catalog.has_info)
    g_string_append_printf (update, "   /Info %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " R\n", catalog.info, catalog.info_gen);
  g_string_append_printf (update, "   /Prev %" G_GUINT64_FORMAT "\n>>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          catalog.prev, xref_offset);
  g_byte_array_append (pdf, (const guint8 *) update->str, update->len);
  g_string_free (update, TRUE);
  return TRUE;
}

const char *
v21_pdf_report_language (void)
{
  return v21_typography_is_french () ? "fr-FR" : "en-GB";
}

void
v21_pdf_add_language_or_warn (GByteArray *pdf,
                              const char *path)
{
  if (!v21_pdf_add_language (pdf, v21_pdf_report_language ()))
    /* Translators: %s is the PDF file being written. */
    g_printerr (_("Warning: the document language could not be set in %s (no catalog found); "
                  "the file is written without it.\n"), path);
}

/* v21-csv-import.c — participants from a spreadsheet export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-csv-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-csv-import.h"
#include "v21-file-io.h"
#include "v21-labels.h"
#include "v21-schema.h"
#include "v21-table-assign.h"

/* One record of the file: its cells and the line where it starts. */
typedef struct
{
  GPtrArray *cells;         /* char *, as read (the first MAX_COLUMNS + 1) */
  guint      n_cells;       /* how many the row has */
  guint      line;
  gboolean   unterminated;  /* a quoted field ran to the end of the file */
} Record;

struct _V21CsvImport
{
  GObject         parent_instance;

  V21CsvEncoding  encoding;
  char            separator;
  GPtrArray      *records;     /* Record, the header included */
  gboolean        has_header;
  gboolean        header_found;
  guint           n_columns;
  GPtrArray      *headers;     /* char *, one per column */
  V21CsvField    *mapping;     /* one per column */

  GPtrArray      *rows;        /* V21CsvRow */
  GPtrArray      *skipped;     /* V21CsvSkip */
  GPtrArray      *new_tables;  /* char * */
};

G_DEFINE_FINAL_TYPE (V21CsvImport, v21_csv_import, G_TYPE_OBJECT)

#define MAX_COLUMNS 1000

static void
record_free (Record *record)
{
  g_ptr_array_unref (record->cells);
  g_free (record);
}

static void
row_free (V21CsvRow *row)
{
  json_object_put (row->fields);
  g_free (row->table);
  g_free (row);
}

static void
skip_free (V21CsvSkip *skip)
{
  g_free (skip->reason);
  g_free (skip);
}

static void
v21_csv_import_finalize (GObject *object)
{
  V21CsvImport *self = V21_CSV_IMPORT (object);

  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->mapping, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->skipped, g_ptr_array_unref);
  g_clear_pointer (&self->new_tables, g_ptr_array_unref);
  G_OBJECT_CLASS (v21_csv_import_parent_class)->finalize (object);
}

static void
v21_csv_import_class_init (V21CsvImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = v21_csv_import_finalize;
}

static void
v21_csv_import_init (V21CsvImport *self)
{
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) skip_free);
  self->new_tables = g_ptr_array_new_with_free_func (g_free);
}

/* Text helpers */

/* A cell as one line: white space runs become one space, and the lines of a
 * multi-line cell are joined with commas. */
/* @text with its control characters (but line breaks) as spaces. */
static char *
without_controls (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) && c != '\n')
        g_string_append_c (out, ' ');
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

static char *
clean_cell (const char *text)
{
  g_autofree char *plain = without_controls (text != NULL ? text : "");
  g_auto(GStrv) lines = g_strsplit (plain, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (lines[i], " \t\r\f\v", -1);
      gboolean first_word = TRUE;

      for (guint j = 0; words[j] != NULL; j++)
        {
          if (words[j][0] == '\0')
            continue;
          if (first_word && out->len > 0)
            g_string_append (out, ", ");
          else if (!first_word)
            g_string_append_c (out, ' ');
          g_string_append (out, words[j]);
          first_word = FALSE;
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
key_is_one_of (const char         *key,
               const char * const *words)
{
  return g_strv_contains (words, key);
}

/* Decoding */

static gboolean
has_prefix_bytes (const char *data,
                  gsize       length,
                  const char *prefix,
                  gsize       prefix_length)
{
  return length >= prefix_length && memcmp (data, prefix, prefix_length) == 0;
}

static char *
convert (const char  *data,
         gsize        length,
         const char  *from,
         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *text = g_convert (data, length, "UTF-8", from, NULL, NULL, &local_error);

  if (text == NULL)
    g_set_error (error, V21_ERROR, V21_ERROR_PARSE,
                 _("The file could not be read as %s: %s"), from, local_error->message);
  return text;
}

/* Windows-1252's 0x80–0x9F; its five unassigned bytes stay C1 controls, as
 * Latin-1 reads them (and clean_cell() drops them). */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static void
append_cp1252 (GString    *out,
               const char *line,
               gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      guchar byte = line[i];

      if (byte < 0x80)
        g_string_append_c (out, byte);
      else
        g_string_append_unichar (out, byte < 0xA0 ? cp1252_high[byte - 0x80] : byte);
    }
}

static gboolean
is_ascii (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) text[i] >= 0x80)
      return FALSE;
  return TRUE;
}

/* Line by line: a line that is valid UTF-8 stays so, any other is what a
 * French Excel writes (Windows-1252), so lists pasted together from two
 * spreadsheets read right. */
static char *
decode_lines (const char     *data,
              gsize           length,
              gint           *progress,
              V21CsvEncoding *encoding)
{
  GString *out = g_string_sized_new (length + length / 4 + 1);
  const char *end = data + length;
  gboolean utf8_seen = FALSE;
  gboolean cp1252_seen = FALSE;
  const char *next_report = data;

  for (const char *line = data; line < end;)
    {
      const char *newline = memchr (line, '\n', end - line);
      gsize n = (newline != NULL ? newline + 1 : end) - line;

      if (progress != NULL && line >= next_report)
        {
          /* Decoding is the first half of the reading, parsing the second. */
          g_atomic_int_set (progress, (int) ((line - data) * 500.0 / length));
          next_report = line + 65536;
        }

      if (g_utf8_validate (line, n, NULL))
        {
          g_string_append_len (out, line, n);
          utf8_seen = utf8_seen || !is_ascii (line, n);
        }
      else
        {
          append_cp1252 (out, line, n);
          cp1252_seen = TRUE;
        }
      line += n;
    }
  if (cp1252_seen)
    *encoding = utf8_seen ? V21_CSV_MIXED : V21_CSV_WINDOWS_1252;
  return g_string_free (out, FALSE);
}

/* UTF-16 text of a list has NUL halves (separators, line breaks, Latin
 * letters): without any, the mark lies and the rest would read as CJK. */
static char *
decode_utf16 (const char  *data,
              gsize        length,
              GError     **error)
{
  if (length > 2 && memchr (data + 2, '\0', length - 2) == NULL)
    {
      g_set_error (error, V21_ERROR, V21_ERROR_PARSE,
                   _("The file starts with a UTF-16 mark but its text is not UTF-16. "
                     "Export the list again from the spreadsheet as “CSV UTF-8”."));
      return NULL;
    }
  return convert (data, length, "UTF-16", error);
}

/* Counts the control characters (but tabs and line breaks) of @text. */
static guint
count_controls (const char *text,
                guint      *n_chars)
{
  guint n = 0;

  *n_chars = 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (guchar) *p : g_utf8_get_char (p);

      *n_chars += 1;
      n += (c < 0x20 || (c >= 0x7F && c < 0xA0)) && c != '\t' && c != '\n' && c != '\r';
    }
  return n;
}

/* A few stray control characters are cleaned from the cells; more than one
 * character in fifty is not a list of people but a binary file. */
static gboolean
check_text (const char  *text,
            GError     **error)
{
  guint n_chars;
  guint n = count_controls (text, &n_chars);

  if (n > 16 && n > n_chars / 50)
    {
      g_set_error (error, V21_ERROR, V21_ERROR_PARSE,
                   _("This is not a text file (%u control characters). "
                     "Export the list from the spreadsheet as CSV and try again."), n);
      return FALSE;
    }
  return TRUE;
}

/* The text of the file in UTF-8, whatever it came in. */
static char *
decode_any (const char      *data,
            gsize            length,
            gint            *progress,
            V21CsvEncoding  *encoding,
            GError         **error)
{
  if (has_prefix_bytes (data, length, "\xFF\xFE", 2) || has_prefix_bytes (data, length, "\xFE\xFF", 2))
    {
      *encoding = V21_CSV_UTF16;
      return decode_utf16 (data, length, error);
    }
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, V21_ERROR, V21_ERROR_PARSE,
                   _("This is not a text file (it contains NUL bytes)"));
      return NULL;
    }
  if (has_prefix_bytes (data, length, "\xEF\xBB\xBF", 3))
    {
      *encoding = V21_CSV_UTF8_BOM;
      return decode_lines (data + 3, length - 3, progress, encoding);
    }
  *encoding = V21_CSV_UTF8;
  return decode_lines (data, length, progress, encoding);
}

static char *
decode (const char      *data,
        gsize            length,
        gint            *progress,
        V21CsvEncoding  *encoding,
        GError         **error)
{
  char *text = decode_any (data, length, progress, encoding, error);

  if (text != NULL && !check_text (text, error))
    g_clear_pointer (&text, g_free);
  return text;
}

/* Parsing (RFC 4180, leniently) */

/* The separator the header line uses most: semicolon, tab or comma. */
static char
detect_separator (const char *text)
{
  const char candidates[] = { ';', '\t', ',' };
  guint counts[3] = { 0, 0, 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  while (*text == '\n' || *text == '\r')
    text++;
  for (const char *p = text; *p && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      for (guint i = 0; i < G_N_ELEMENTS (candidates) && !quoted; i++)
        counts[i] += *p == candidates[i];
    }
  for (guint i = 1; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > counts[best])
      best = i;
  return candidates[best];
}

typedef struct
{
  GPtrArray *records;
  Record    *record;       /* made at its first cell that is not blank */
  GString   *cell;
  guint      line;
  guint      record_line;  /* where the record being read starts */
  gboolean   in_record;
  guint      record_blank_cells;
} Parser;

/* Where a record starts: set before its first cell ends. */
static void
begin_record (Parser *parser)
{
  if (!parser->in_record)
    {
      parser->in_record = TRUE;
      parser->record_line = parser->line;
    }
}

static Record *
current_record (Parser *parser)
{
  if (parser->record == NULL)
    {
      parser->record = g_new0 (Record, 1);
      parser->record->cells = g_ptr_array_new_with_free_func (g_free);
      parser->record->line = parser->record_line;
    }
  return parser->record;
}

static gboolean
is_blank_text (const char *text,
               gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (strchr (" \t\r\n\f\v", text[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* Blank cells before the first that is not are only counted, so blank lines
 * cost nothing; past MAX_COLUMNS + 1, cells are only counted too. */
static void
end_cell (Parser *parser)
{
  gboolean blank = is_blank_text (parser->cell->str, parser->cell->len);
  Record *record;

  if (parser->record == NULL && blank)
    {
      parser->record_blank_cells++;
      g_string_truncate (parser->cell, 0);
      return;
    }
  record = current_record (parser);
  for (; parser->record_blank_cells > 0; parser->record_blank_cells--)
    {
      record->n_cells++;
      if (record->cells->len <= MAX_COLUMNS)
        g_ptr_array_add (record->cells, g_strdup (""));
    }
  record->n_cells++;
  if (record->cells->len <= MAX_COLUMNS)
    g_ptr_array_add (record->cells, g_strndup (parser->cell->str, parser->cell->len));
  g_string_truncate (parser->cell, 0);
}

static void
end_record (Parser   *parser,
            gboolean  unterminated)
{
  end_cell (parser);
  if (unterminated)
    current_record (parser)->unterminated = TRUE;
  if (parser->record != NULL)
    g_ptr_array_add (parser->records, g_steal_pointer (&parser->record));
  parser->record_blank_cells = 0;
  parser->in_record = FALSE;
}

/* Steps over one line break (\n, \r\n or \r) at @p. */
static const char *
skip_newline (Parser     *parser,
              const char *p)
{
  parser->line++;
  if (p[0] == '\r' && p[1] == '\n')
    return p + 2;
  return p + 1;
}

static void
parse (const char *text,
       char        separator,
       guint       first_line,
       gint       *progress,
       GPtrArray  *records)
{
  Parser parser = { records, NULL, g_string_new (NULL), first_line, first_line, FALSE, 0 };
  gsize length = strlen (text);
  gboolean quoted = FALSE;
  gboolean was_quoted = FALSE;
  const char *p = text;
  const char *next_report = text;

  while (*p)
    {
      if (progress != NULL && p >= next_report)
        {
          g_atomic_int_set (progress, 500 + (int) ((p - text) * 500.0 / length));
          next_report = p + 65536;
        }
      begin_record (&parser);
      if (quoted && *p == '"' && p[1] == '"')
        g_string_append_c (parser.cell, '"'), p += 2;
      else if (quoted && *p == '"')
        quoted = FALSE, p++;
      else if (quoted && (*p == '\r' || *p == '\n'))
        g_string_append_c (parser.cell, '\n'), p = skip_newline (&parser, p);
      else if (quoted)
        g_string_append_c (parser.cell, *p++);
      else if (*p == '"' && parser.cell->len == 0 && !was_quoted)
        quoted = was_quoted = TRUE, p++;
      else if (*p == separator)
        end_cell (&parser), was_quoted = FALSE, p++;
      else if (*p == '\r' || *p == '\n')
        end_record (&parser, FALSE), was_quoted = FALSE, p = skip_newline (&parser, p);
      else
        g_string_append_c (parser.cell, *p++);
    }
  if (parser.in_record)
    end_record (&parser, quoted);
  g_string_free (parser.cell, TRUE);
}

/* Headers */

typedef struct
{
  const char  *key;
  V21CsvField  field;
} HeaderName;

/* Header names as v21_text_key() makes them, French and English. */
static const HeaderName header_names[] = {
  { "nom", V21_CSV_NAME }, { "name", V21_CSV_NAME }, { "nomcomplet", V21_CSV_NAME },
  { "fullname", V21_CSV_NAME }, { "lastname", V21_CSV_NAME }, { "surname", V21_CSV_NAME },
  { "familyname", V21_CSV_NAME }, { "nomdefamille", V21_CSV_NAME }, { "nomprenom", V21_CSV_NAME },
  { "prenomnom", V21_CSV_NAME }, { "participant", V21_CSV_NAME }, { "participante", V21_CSV_NAME },
  { "identite", V21_CSV_NAME },
  { "prenom", V21_CSV_FIRST_NAME }, { "firstname", V21_CSV_FIRST_NAME },
  { "givenname", V21_CSV_FIRST_NAME }, { "forename", V21_CSV_FIRST_NAME },
  { "organisme", V21_CSV_ORGANISATION }, { "structure", V21_CSV_ORGANISATION },
  { "organisation", V21_CSV_ORGANISATION }, { "organization", V21_CSV_ORGANISATION },
  { "institution", V21_CSV_ORGANISATION }, { "employeur", V21_CSV_ORGANISATION },
  { "etablissement", V21_CSV_ORGANISATION }, { "company", V21_CSV_ORGANISATION },
  { "affiliation", V21_CSV_ORGANISATION }, { "collectivite", V21_CSV_ORGANISATION },
  { "societe", V21_CSV_ORGANISATION }, { "nomdelastructure", V21_CSV_ORGANISATION },
  { "nomdelorganisme", V21_CSV_ORGANISATION },
  { "college", V21_CSV_CATEGORY }, { "categorie", V21_CSV_CATEGORY },
  { "category", V21_CSV_CATEGORY }, { "typedacteur", V21_CSV_CATEGORY },
  { "typeacteur", V21_CSV_CATEGORY },
  { "role", V21_CSV_ROLE }, { "roledanslatelier", V21_CSV_ROLE },
  { "table", V21_CSV_TABLE }, { "numerodetable", V21_CSV_TABLE }, { "tableno", V21_CSV_TABLE },
  { "groupe", V21_CSV_TABLE }, { "group", V21_CSV_TABLE },
  { "courriel", V21_CSV_EMAIL }, { "email", V21_CSV_EMAIL }, { "mail", V21_CSV_EMAIL },
  { "mel", V21_CSV_EMAIL }, { "adressemail", V21_CSV_EMAIL }, { "adresseemail", V21_CSV_EMAIL },
  { "adressecourriel", V21_CSV_EMAIL }, { "adresseelectronique", V21_CSV_EMAIL },
  { "emailaddress", V21_CSV_EMAIL },
  { "consentement", V21_CSV_CONSENT }, { "consent", V21_CSV_CONSENT }, { "rgpd", V21_CSV_CONSENT },
  { "accorddiffusion", V21_CSV_CONSENT }, { "autorisation", V21_CSV_CONSENT },
  { "invitation", V21_CSV_INVITATION }, { "statut", V21_CSV_INVITATION },
  { "etat", V21_CSV_INVITATION }, { "status", V21_CSV_INVITATION },
  { "reponse", V21_CSV_INVITATION }, { "reply", V21_CSV_INVITATION },
};

/* Longer headers that start like a known one ("Consentement à être nommé"). */
static const HeaderName header_prefixes[] = {
  { "prenom", V21_CSV_FIRST_NAME }, { "firstname", V21_CSV_FIRST_NAME },
  { "organisme", V21_CSV_ORGANISATION }, { "college", V21_CSV_CATEGORY },
  { "categorie", V21_CSV_CATEGORY }, { "numerodetable", V21_CSV_TABLE },
  { "courriel", V21_CSV_EMAIL }, { "email", V21_CSV_EMAIL },
  { "consentement", V21_CSV_CONSENT }, { "consent", V21_CSV_CONSENT },
};

static V21CsvField
field_for_header (const char *header)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autofree char *key = NULL;
  int depth = 0;

  /* "Consentement (oui/non)": what is in brackets does not name the column. */
  for (const char *p = header; *p; p++)
    {
      depth += (*p == '(') - (*p == ')');
      if (depth == 0 && *p != ')')
        g_string_append_c (plain, *p);
    }
  key = v21_text_key (plain->str);
  for (guint i = 0; i < G_N_ELEMENTS (header_names); i++)
    if (strcmp (key, header_names[i].key) == 0)
      return header_names[i].field;
  for (guint i = 0; i < G_N_ELEMENTS (header_prefixes); i++)
    if (g_str_has_prefix (key, header_prefixes[i].key))
      return header_prefixes[i].field;
  return V21_CSV_IGNORE;
}

static Record *
header_record (V21CsvImport *self)
{
  return self->records->len > 0 ? g_ptr_array_index (self->records, 0) : NULL;
}

/* The columns, their names and their first mapping, for the header setting. */
static void
setup_columns (V21CsvImport *self)
{
  Record *header = self->has_header ? header_record (self) : NULL;

  self->n_columns = 0;
  if (header != NULL)
    self->n_columns = header->cells->len;
  else
    for (guint i = 0; i < self->records->len; i++)
      self->n_columns = MAX (self->n_columns, ((Record *) g_ptr_array_index (self->records, i))->cells->len);
  self->n_columns = MIN (self->n_columns, MAX_COLUMNS);

  g_ptr_array_set_size (self->headers, 0);
  g_free (self->mapping);
  self->mapping = g_new0 (V21CsvField, MAX (self->n_columns, 1));
  for (guint c = 0; c < self->n_columns; c++)
    {
      const char *text = header != NULL ? g_ptr_array_index (header->cells, c) : "";
      g_autofree char *clean = clean_cell (text);

      if (clean[0] == '\0')
        g_ptr_array_add (self->headers, g_strdup_printf (_("Column %u"), c + 1));
      else
        g_ptr_array_add (self->headers, g_steal_pointer (&clean));
      v21_csv_import_set_mapping (self, c, header != NULL ? field_for_header (text) : V21_CSV_IGNORE);
    }
  if (header == NULL && self->n_columns > 0)
    self->mapping[0] = V21_CSV_NAME;
}

static gboolean
looks_like_header (V21CsvImport *self)
{
  Record *first = header_record (self);

  for (guint c = 0; first != NULL && c < first->cells->len; c++)
    if (field_for_header (g_ptr_array_index (first->cells, c)) != V21_CSV_IGNORE)
      return TRUE;
  return FALSE;
}

/* Creating */

static gboolean is_blank (Record *record);

static gboolean
all_blank (GPtrArray *records)
{
  for (guint i = 0; i < records->len; i++)
    if (!is_blank (g_ptr_array_index (records, i)))
      return FALSE;
  return TRUE;
}

static V21CsvImport *
import_from_data (const char  *data,
                  gsize        length,
                  gint        *progress,
                  GError     **error)
{
  g_autoptr(V21CsvImport) self = g_object_new (V21_TYPE_CSV_IMPORT, NULL);
  g_autofree char *text = NULL;
  const char *start;
  guint first_line = 1;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  text = decode (data != NULL ? data : "", length, progress, &self->encoding, error);
  if (text == NULL)
    return NULL;

  /* Excel's "sep=;" first line names the separator. */
  start = text;
  if (g_str_has_prefix (text, "sep=") && text[4] != '\0'
      && (text[5] == '\r' || text[5] == '\n' || text[5] == '\0'))
    {
      self->separator = text[4];
      /* strchr() would find the terminator too: a file that is only
       * "sep=X" ends there, without a line break to step over. */
      start = text + 5;
      if (*start != '\0')
        start += (start[0] == '\r' && start[1] == '\n') ? 2 : 1;
      first_line = 2;
    }
  else
    {
      self->separator = detect_separator (text);
    }
  parse (start, self->separator, first_line, progress, self->records);

  if (all_blank (self->records))
    {
      g_set_error (error, V21_ERROR, V21_ERROR_PARSE, _("The file is empty"));
      return NULL;
    }
  self->header_found = looks_like_header (self);
  self->has_header = self->header_found;
  setup_columns (self);
  return g_steal_pointer (&self);
}

V21CsvImport *
v21_csv_import_new_from_data (const char  *data,
                              gsize        length,
                              GError     **error)
{
  return import_from_data (data, length, NULL, error);
}

static V21CsvImport *
import_from_file (GFile   *file,
                  gint    *progress,
                  GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  V21CsvImport *self;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  path = g_file_get_path (file);
  name = g_file_get_parse_name (file);
  if (path == NULL || !v21_file_read (path, V21_FILE_MAX_BYTES, &data, &length, &local_error))
    {
      if (local_error == NULL)
        g_set_error (error, V21_ERROR, V21_ERROR_IO, _("Only local files can be read: “%s”"), name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  self = import_from_data (data, length, progress, &local_error);
  if (self == NULL)
    g_set_error (error, V21_ERROR, local_error->code, "%s: %s", name, local_error->message);
  return self;
}

V21CsvImport *
v21_csv_import_new_from_file (GFile   *file,
                              GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  return import_from_file (file, NULL, error);
}

/* In a worker thread, with how far it got in thousandths for a progress bar. */
typedef struct
{
  GFile *file;
  gint   progress;
} ReadTask;

static void
read_task_free (ReadTask *read)
{
  g_object_unref (read->file);
  g_free (read);
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReadTask *read = task_data;
  GError *error = NULL;
  V21CsvImport *import = import_from_file (read->file, &read->progress, &error);

  if (import == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, import, g_object_unref);
}

/* Returns the running task, valid until @callback runs: what
 * v21_csv_import_get_progress() reads. */
GAsyncResult *
v21_csv_import_new_from_file_async (GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadTask *read;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, v21_csv_import_new_from_file_async);
  read = g_new0 (ReadTask, 1);
  read->file = g_object_ref (file);
  g_task_set_task_data (task, read, (GDestroyNotify) read_task_free);
  g_task_run_in_thread (task, read_in_thread);
  return G_ASYNC_RESULT (task);
}

/* How far the reading of @result's file is, from 0 to 1, while it runs. */
double
v21_csv_import_get_progress (GAsyncResult *result)
{
  ReadTask *read;

  g_return_val_if_fail (G_IS_TASK (result), 0);
  read = g_task_get_task_data (G_TASK (result));
  return g_atomic_int_get (&read->progress) / 1000.0;
}

V21CsvImport *
v21_csv_import_new_from_file_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Accessors */

V21CsvEncoding
v21_csv_import_get_encoding (V21CsvImport *self)
{
  g_return_val_if_fail (V21_IS_CSV_IMPORT (self), V21_CSV_UTF8);
  return self->encoding;
}

const char *
v21_csv_encoding_get_label (V21CsvEncoding encoding)
{
  switch (encoding)
    {
    case V21_CSV_UTF8:
      return _("UTF-8");
    case V21_CSV_UTF8_BOM:
      return _("UTF-8 with byte order mark");
    case V21_CSV_UTF16:
      return _("UTF-16");
    case V21_CSV_WINDOWS_1252:
      return _("Windows-1252 (Excel)");
    case V21_CSV_MIXED:
      return _("UTF-8 and Windows-1252, line by line");
    default:
      return "";
    }
}

gunichar
v21_csv_import_get_separator (V21CsvImport *self)
{
  g_return_val_if_fail (V21_IS_CSV_IMPORT (self), ';');
  return self->separator;
}

gboolean
v21_csv_import_get_has_header (V21CsvImport *self)
{
  g_return_val_if_fail (V21_IS_CSV_IMPORT (self), FALSE);
  return self->has_header;
}

/* Without a header, the first row is data and the columns are numbered. */
void
v21_csv_import_set_has_header (V21CsvImport *self,
                               gboolean      has_header)
{
  g_return_if_fail (V21_IS_CSV_IMPORT (self));
  if (self->has_header == !!has_header)
    return;
  self->has_header = !!has_header;
  setup_columns (self);
}

guint
v21_csv_import_get_n_columns (V21CsvImport *self)
{
  g_return_val_if_fail (V21_IS_CSV_IMPORT (self), 0);
  return self->n_columns;
}

const char *
v21_csv_import_get_header (V21CsvImport *self,
                           guint         column)
{
  g_return_val_if_fail (V21_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return g_ptr_array_index (self->headers, column);
}

/* The first data row's cell of @column, as it would be imported. */
const char *
v21_csv_import_get_sample (V21CsvImport *self,
                           guint         column)
{
  guint first = self->has_header ? 1 : 0;

  g_return_val_if_fail (V21_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  for (guint i = first; i < self->records->len; i++)
    {
      Record *record = g_ptr_array_index (self->records, i);
      const char *cell = column < record->cells->len ? g_ptr_array_index (record->cells, column) : "";

      if (cell[0] != '\0')
        return cell;
    }
  return "";
}

V21CsvField
v21_csv_import_get_mapping (V21CsvImport *self,
                            guint         column)
{
  g_return_val_if_fail (V21_IS_CSV_IMPORT (self), V21_CSV_IGNORE);
  g_return_val_if_fail (column < self->n_columns, V21_CSV_IGNORE);
  return self->mapping[column];
}

void
v21_csv_import_set_mapping (V21CsvImport *self,
                            guint         column,
                            V21CsvField   field)
{
  g_return_if_fail (V21_IS_CSV_IMPORT (self));
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (field < V21_CSV_N_FIELDS);
  for (guint c = 0; c < self->n_columns && field != V21_CSV_IGNORE; c++)
    if (c != column && self->mapping[c] == field)
      self->mapping[c] = V21_CSV_IGNORE;
  self->mapping[column] = field;
}

const char *
v21_csv_field_get_label (V21CsvField field)
{
  static const char * const names[] = {
    N_("Ignore"), N_("Name"), N_("First name"), N_("Organisation"), N_("Category"),
    N_("Role"), N_("Table"), N_("E-mail"), N_("Consent"), N_("Invitation"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == V21_CSV_N_FIELDS);
  g_return_val_if_fail (field < V21_CSV_N_FIELDS, "");
  return _(names[field]);
}

GPtrArray *
v21_csv_import_get_rows (V21CsvImport *self)
{
  g_return_val_if_fail (V21_IS_CSV_IMPORT (self), NULL);
  return self->rows;
}

GPtrArray *
v21_csv_import_get_skipped (V21CsvImport *self)
{
  g_return_val_if_fail (V21_IS_CSV_IMPORT (self), NULL);
  return self->skipped;
}

GPtrArray *
v21_csv_import_get_new_tables (V21CsvImport *self)
{
  g_return_val_if_fail (V21_IS_CSV_IMPORT (self), NULL);
  return self->new_tables;
}

/* Values */

typedef struct
{
  const char *prefix;
  const char *value;
} Prefix;

static const char *
value_for_prefix (const char   *key,
                  const Prefix *prefixes,
                  guint         n)
{
  for (guint i = 0; i < n; i++)
    if (g_str_has_prefix (key, prefixes[i].prefix))
      return prefixes[i].value;
  return NULL;
}

/* "Élu(e)s", "Habitante", "Staff", "partenaires"… as a category of the file
 * format, or NULL. */
static const char *
parse_category (const char *text)
{
  static const Prefix prefixes[] = {
    { "elu", "elus" }, { "elected", "elus" }, { "service", "services" }, { "staff", "services" },
    { "agent", "services" }, { "technicien", "services" }, { "partenaire", "partenaires" },
    { "partner", "partenaires" }, { "asso", "associations" }, { "ngo", "associations" },
    { "entreprise", "entreprises" }, { "business", "entreprises" }, { "compan", "entreprises" },
    { "habitant", "habitants" }, { "citoyen", "habitants" }, { "resident", "habitants" },
    { "citizen", "habitants" }, { "expert", "experts" }, { "chercheu", "experts" },
    { "research", "experts" },
  };
  g_autofree char *key = v21_text_key (text);

  return value_for_prefix (key, prefixes, G_N_ELEMENTS (prefixes));
}

static const char *
parse_role (const char *text)
{
  static const Prefix prefixes[] = {
    { "elureferent", "political_sponsor" }, { "eluereferent", "political_sponsor" },
    { "political", "political_sponsor" }, { "sponsor", "political_sponsor" },
    { "particip", "participant" }, { "anima", "facilitator" }, { "facilit", "facilitator" },
    { "referent", "technical_lead" }, { "technical", "technical_lead" }, { "lead", "technical_lead" },
    { "observ", "observer" },
  };
  g_autofree char *key = v21_text_key (text);

  if (key[0] == '\0')
    return "participant";
  return value_for_prefix (key, prefixes, G_N_ELEMENTS (prefixes));
}

/* "Confirmé", "Invitée", "Excusé", "Sans réponse", "No reply"… as an
 * invitation state of the file format; "" for an empty cell, NULL when unknown. */
static const char *
parse_invitation (const char *text)
{
  static const Prefix prefixes[] = {
    { "ainviter", "to_invite" }, { "toinvite", "to_invite" }, { "pasinvite", "to_invite" },
    { "notinvited", "to_invite" }, { "invit", "invited" }, { "envoy", "invited" },
    { "sent", "invited" }, { "confirm", "confirmed" }, { "inscrit", "confirmed" },
    { "present", "confirmed" }, { "accept", "confirmed" }, { "oui", "confirmed" },
    { "yes", "confirmed" }, { "declin", "declined" }, { "excus", "declined" },
    { "absent", "declined" }, { "refus", "declined" }, { "non", "declined" },
    { "no", "declined" }, { "sansreponse", "no_reply" }, { "noreply", "no_reply" },
    { "pasdereponse", "no_reply" }, { "noresponse", "no_reply" }, { "relance", "no_reply" },
  };
  g_autofree char *key = v21_text_key (text);
  const Prefix *best = NULL;

  if (key[0] == '\0')
    return "";
  /* The longest prefix that fits: "No reply" is not "No", "Not invited" not "Invited". */
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (key, prefixes[i].prefix)
        && (best == NULL || strlen (prefixes[i].prefix) > strlen (best->prefix)))
      best = &prefixes[i];
  return best != NULL ? best->value : NULL;
}

/* Yes or no: returns FALSE when @text is neither. */
static gboolean
parse_consent (const char *text,
               gboolean   *consent)
{
  static const char * const yes[] = {
    "oui", "o", "yes", "y", "true", "vrai", "1", "x", "ok", "daccord", "accepte", "acceptee",
    "consent", "consenti", "consentie", NULL
  };
  static const char * const no[] = {
    "", "non", "n", "no", "false", "faux", "0", "refuse", "refusee", NULL
  };
  g_autofree char *key = v21_text_key (text);

  if (key[0] == '\0' && text[0] != '\0')
    {
      /* Only symbols: a tick means yes. */
      *consent = strstr (text, "✓") != NULL || strstr (text, "✔") != NULL || strstr (text, "☑") != NULL;
      return *consent;
    }
  *consent = key_is_one_of (key, yes);
  return *consent || key_is_one_of (key, no);
}

static gboolean
is_email (const char *text)
{
  const char *at = strchr (text, '@');
  const char *dot;

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (g_ascii_isspace (*p) || *p == ',' || *p == ';' || *p == '<' || *p == '>')
      return FALSE;
  dot = strrchr (at, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

/* Previewing */

/* The cells of one data row, by field (NULL where no column is mapped). */
typedef struct
{
  const char *cells[V21_CSV_N_FIELDS];
  const char *headers[V21_CSV_N_FIELDS];
} RowCells;

static void
add_skip (V21CsvImport *self,
          guint         line,
          char         *reason)
{
  V21CsvSkip *skip = g_new0 (V21CsvSkip, 1);

  skip->line = line;
  skip->reason = reason;
  g_ptr_array_add (self->skipped, skip);
}

static char *
expected_values (const char *domain)
{
  const char * const *values = v21_label_values (domain);
  GString *list = g_string_new (NULL);

  for (guint i = 0; values[i] != NULL; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", v21_label (domain, values[i]));
  return g_string_free (list, FALSE);
}

/* Why @record cannot be read as a row, or NULL. */
static char *
check_shape (V21CsvImport *self,
             Record       *record)
{
  if (record->unterminated)
    return g_strdup (_("A quoted field is never closed: the row runs to the end of the file"));
  for (guint c = self->n_columns; c < record->cells->len; c++)
    if (((char *) g_ptr_array_index (record->cells, c))[0] != '\0' || record->n_cells > record->cells->len)
      return g_strdup_printf (ngettext ("This row has %u field where the header has %u",
                                        "This row has %u fields where the header has %u",
                                        record->n_cells),
                              record->n_cells, self->n_columns);
  return NULL;
}

static gboolean
is_blank (Record *record)
{
  for (guint c = 0; c < record->cells->len; c++)
    {
      g_autofree char *clean = clean_cell (g_ptr_array_index (record->cells, c));

      if (clean[0] != '\0')
        return FALSE;
    }
  return TRUE;
}

/* The cleaned cells of @record by field; the strings go into @owned. */
static void
collect_cells (V21CsvImport *self,
               Record       *record,
               RowCells     *cells,
               GPtrArray    *owned)
{
  memset (cells, 0, sizeof *cells);
  for (guint c = 0; c < self->n_columns; c++)
    {
      V21CsvField field = self->mapping[c];
      char *clean;

      if (field == V21_CSV_IGNORE)
        continue;
      clean = clean_cell (c < record->cells->len ? g_ptr_array_index (record->cells, c) : "");
      g_ptr_array_add (owned, clean);
      cells->cells[field] = clean;
      cells->headers[field] = g_ptr_array_index (self->headers, c);
    }
}

static char *
full_name (RowCells *cells)
{
  const char *first = cells->cells[V21_CSV_FIRST_NAME] ? cells->cells[V21_CSV_FIRST_NAME] : "";
  const char *last = cells->cells[V21_CSV_NAME] ? cells->cells[V21_CSV_NAME] : "";

  return g_strstrip (g_strdup_printf ("%s %s", first, last));
}

static char *
too_long (RowCells *cells)
{
  for (guint f = V21_CSV_NAME; f < V21_CSV_N_FIELDS; f++)
    if (cells->cells[f] != NULL && g_utf8_strlen (cells->cells[f], -1) > V21_SHORT_MAX)
      return g_strdup_printf (_("“%s” is longer than %d characters"), cells->headers[f], V21_SHORT_MAX);
  return NULL;
}

static char *
identity_key (const char *name,
              const char *email)
{
  g_autofree char *joined = g_strdup_printf ("%s\n%s", name, email != NULL ? email : "");
  g_autofree char *normal = g_utf8_normalize (joined, -1, G_NORMALIZE_NFC);

  return g_utf8_casefold (normal, -1);
}

/* Reads the values of a row into @fields; returns why it cannot, or NULL. */
static char *
read_values (RowCells    *cells,
             json_object *fields)
{
  const char *category = cells->cells[V21_CSV_CATEGORY];
  const char *role = cells->cells[V21_CSV_ROLE] ? cells->cells[V21_CSV_ROLE] : "";
  const char *email = cells->cells[V21_CSV_EMAIL] ? cells->cells[V21_CSV_EMAIL] : "";
  const char *known_category = category && category[0] ? parse_category (category) : NULL;
  const char *known_role = parse_role (role);
  const char *invitation = cells->cells[V21_CSV_INVITATION] ? parse_invitation (cells->cells[V21_CSV_INVITATION]) : "";
  gboolean consent = FALSE;

  if (category != NULL && category[0] != '\0' && known_category == NULL)
    {
      g_autofree char *expected = expected_values ("category");
      return g_strdup_printf (_("Unknown category “%s” (expected: %s)"), category, expected);
    }
  if (known_role == NULL)
    {
      g_autofree char *expected = expected_values ("role");
      return g_strdup_printf (_("Unknown role “%s” (expected: %s)"), role, expected);
    }
  if (g_str_has_prefix (email, "mailto:"))
    email += strlen ("mailto:");
  if (email[0] != '\0' && !is_email (email))
    return g_strdup_printf (_("“%s” is not an e-mail address"), email);
  if (cells->cells[V21_CSV_CONSENT] != NULL && !parse_consent (cells->cells[V21_CSV_CONSENT], &consent))
    return g_strdup_printf (_("Consent “%s” is neither yes nor no"), cells->cells[V21_CSV_CONSENT]);
  if (invitation == NULL)
    {
      g_autofree char *expected = expected_values ("invitation");
      return g_strdup_printf (_("Unknown invitation state “%s” (expected: %s)"),
                              cells->cells[V21_CSV_INVITATION], expected);
    }

  json_object_object_add (fields, "organisation",
                          json_object_new_string (cells->cells[V21_CSV_ORGANISATION] ? cells->cells[V21_CSV_ORGANISATION] : ""));
  if (known_category != NULL)
    json_object_object_add (fields, "category", json_object_new_string (known_category));
  json_object_object_add (fields, "role", json_object_new_string (known_role));
  json_object_object_add (fields, "email", json_object_new_string (email));
  json_object_object_add (fields, "consent", json_object_new_boolean (consent));
  json_object_object_add (fields, "locked", json_object_new_boolean (FALSE));
  if (invitation[0] != '\0')
    json_object_object_add (fields, "invitation", json_object_new_string (invitation));
  return NULL;
}

static V21Record *
find_table (V21Workshop *workshop,
            const char  *name)
{
  V21Collection *tables = v21_workshop_get_collection (workshop, "tables");
  g_autofree char *wanted = g_utf8_casefold (name, -1);

  for (guint i = 0; i < v21_collection_get_n (tables); i++)
    {
      V21Record *table = v21_collection_get (tables, i);
      g_autofree char *have = g_utf8_casefold (v21_record_get_string (table, "name") ?: "", -1);

      if (strcmp (have, wanted) == 0)
        return table;
    }
  return NULL;
}

static gboolean
is_number (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return text[0] != '\0' && strlen (text) < 6;
}

/* The table a row names: an existing one (by name, or "3" for "Table 3"), or
 * a new one, which is remembered in new_tables. */
static char *
resolve_table (V21CsvImport *self,
               V21Workshop  *workshop,
               const char   *text,
               gboolean     *is_new)
{
  g_autofree char *numbered = is_number (text) ? g_strdup_printf (_("Table %u"), (guint) atoi (text)) : NULL;
  V21Record *table = find_table (workshop, text);
  const char *name;

  if (table == NULL && numbered != NULL)
    table = find_table (workshop, numbered);
  *is_new = table == NULL;
  if (table != NULL)
    return g_strdup (v21_record_get_string (table, "name"));

  name = numbered != NULL ? numbered : text;
  for (guint i = 0; i < self->new_tables->len; i++)
    if (g_utf8_collate (g_ptr_array_index (self->new_tables, i), name) == 0)
      return g_strdup (name);
  g_ptr_array_add (self->new_tables, g_strdup (name));
  return g_strdup (name);
}

static GHashTable *
existing_people (V21Workshop *workshop)
{
  V21Collection *people = v21_workshop_get_collection (workshop, "people");
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < v21_collection_get_n (people); i++)
    {
      V21Record *person = v21_collection_get (people, i);

      g_hash_table_add (keys, identity_key (v21_record_get_string (person, "name") ?: "",
                                            v21_record_get_string (person, "email")));
    }
  return keys;
}

/* One data row: accepted into rows, or listed in skipped. */
static void
preview_record (V21CsvImport *self,
                V21Workshop  *workshop,
                Record       *record,
                GHashTable   *existing,
                GHashTable   *seen)
{
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(json_object) fields = json_object_new_object ();
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  char *reason = check_shape (self, record);
  RowCells cells;
  V21CsvRow *row;
  guint earlier;

  if (reason == NULL && is_blank (record))
    return;
  collect_cells (self, record, &cells, owned);
  name = full_name (&cells);
  if (reason == NULL && name[0] == '\0')
    reason = g_strdup (_("No name"));
  if (reason == NULL)
    reason = too_long (&cells);
  json_object_object_add (fields, "name", json_object_new_string (name));
  if (reason == NULL)
    reason = read_values (&cells, fields);
  key = identity_key (name, json_object_get_string (json_object_object_get (fields, "email")));
  earlier = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key));
  if (reason == NULL && g_hash_table_contains (existing, key))
    reason = g_strdup (_("Already in the workshop"));
  if (reason == NULL && earlier > 0)
    reason = g_strdup_printf (_("The same person as on line %u"), earlier);
  if (reason != NULL)
    {
      add_skip (self, record->line, reason);
      return;
    }

  g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (record->line));
  row = g_new0 (V21CsvRow, 1);
  row->line = record->line;
  row->fields = g_steal_pointer (&fields);
  if (cells.cells[V21_CSV_TABLE] != NULL && cells.cells[V21_CSV_TABLE][0] != '\0')
    row->table = resolve_table (self, workshop, cells.cells[V21_CSV_TABLE], &row->new_table);
  g_ptr_array_add (self->rows, row);
}

/**
 * v21_csv_import_preview:
 * @workshop: where the people would go: its tables and people are taken
 *   into account (a person already there is skipped)
 */
void
v21_csv_import_preview (V21CsvImport *self,
                        V21Workshop  *workshop)
{
  g_autoptr(GHashTable) existing = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_if_fail (V21_IS_CSV_IMPORT (self));
  g_return_if_fail (V21_IS_WORKSHOP (workshop));

  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->skipped, 0);
  g_ptr_array_set_size (self->new_tables, 0);
  existing = existing_people (workshop);
  for (guint i = self->has_header ? 1 : 0; i < self->records->len; i++)
    preview_record (self, workshop, g_ptr_array_index (self->records, i), existing, seen);
}

/* Importing */

static json_object *
person_fields (V21CsvRow  *row,
               const char *table_id)
{
  static const char * const order[] = {
    "name", "organisation", "category", "role", "table", "email", "consent", "locked",
    "invitation", NULL
  };
  json_object *fields = json_object_new_object ();

  for (guint i = 0; order[i] != NULL; i++)
    {
      json_object *value = NULL;

      if (strcmp (order[i], "table") == 0)
        json_object_object_add (fields, "table", table_id ? json_object_new_string (table_id) : NULL);
      else if (json_object_object_get_ex (row->fields, order[i], &value))
        json_object_object_add (fields, order[i], json_object_get (value));
    }
  return fields;
}

static gboolean
insert_rows (V21CsvImport *self,
             V21Workshop  *workshop,
             GError      **error)
{
  for (guint i = 0; i < self->new_tables->len; i++)
    if (v21_table_add (workshop, g_ptr_array_index (self->new_tables, i), error) == NULL)
      return FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      V21CsvRow *row = g_ptr_array_index (self->rows, i);
      V21Record *table = row->table ? find_table (workshop, row->table) : NULL;

      if (v21_workshop_insert (workshop, "people", -1,
                               person_fields (row, table ? v21_record_get_id (table) : NULL),
                               error) == NULL)
        return FALSE;
    }
  return TRUE;
}

gboolean
v21_csv_import_apply (V21CsvImport  *self,
                      V21Workshop   *workshop,
                      guint         *n_imported,
                      GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (V21_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), FALSE);

  v21_csv_import_preview (self, workshop);
  if (n_imported != NULL)
    *n_imported = 0;
  if (self->rows->len == 0)
    return TRUE;

  v21_workshop_begin_group (workshop, _("Import participants"));
  ok = insert_rows (self, workshop, error);
  v21_workshop_end_group (workshop);
  /* Every row was checked by the preview, so the workshop takes them all. */
  if (!ok)
    return FALSE;
  if (n_imported != NULL)
    *n_imported = self->rows->len;
  return TRUE;
}

/* v21-csv-import.h — participants from a spreadsheet export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_CSV_IMPORT (v21_csv_import_get_type ())
G_DECLARE_FINAL_TYPE (V21CsvImport, v21_csv_import, V21, CSV_IMPORT, GObject)

/* A participant list exported from a spreadsheet, read as it really comes:
 * UTF-8 with or without a byte order mark, UTF-16, or Windows-1252 from a
 * French Excel; semicolons, commas or tabs between fields; RFC 4180 quoting
 * (separators, quotes and line breaks inside quoted fields); a header row in
 * French or English. Each column maps to a field of a person; the mapping can
 * be changed. v21_csv_import_preview() tells which rows would be imported and
 * why the others would be skipped; nothing changes in the workshop until
 * v21_csv_import_apply(), which adds everything as one undoable step. */

typedef enum
{
  V21_CSV_IGNORE,
  V21_CSV_NAME,          /* the full name, or the last name beside a first-name column */
  V21_CSV_FIRST_NAME,
  V21_CSV_ORGANISATION,
  V21_CSV_CATEGORY,
  V21_CSV_ROLE,
  V21_CSV_TABLE,
  V21_CSV_EMAIL,
  V21_CSV_CONSENT,
  V21_CSV_INVITATION,    /* "Confirmé", "Invited", "Excusé"… */
  V21_CSV_N_FIELDS
} V21CsvField;

typedef enum
{
  V21_CSV_UTF8,
  V21_CSV_UTF8_BOM,
  V21_CSV_UTF16,
  V21_CSV_WINDOWS_1252,
  V21_CSV_MIXED,         /* each line UTF-8 or, where it is not, Windows-1252 */
} V21CsvEncoding;

/* A row that would be imported: its line in the file (where it starts, the
 * header being line 1), the person's fields as v21_workshop_insert() takes
 * them (without "table"), and the name of its table (NULL for none). */
typedef struct
{
  guint        line;
  json_object *fields;
  char        *table;
  gboolean     new_table;  /* the import creates this table */
} V21CsvRow;

/* A row that would not be imported, and why (translated). */
typedef struct
{
  guint  line;
  char  *reason;
} V21CsvSkip;

V21CsvImport   *v21_csv_import_new_from_data   (const char     *data,
                                                gsize           length,
                                                GError        **error);
V21CsvImport   *v21_csv_import_new_from_file   (GFile          *file,
                                                GError        **error);

GAsyncResult   *v21_csv_import_new_from_file_async  (GFile               *file,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
double          v21_csv_import_get_progress         (GAsyncResult        *result);
V21CsvImport   *v21_csv_import_new_from_file_finish (GAsyncResult        *result,
                                                     GError             **error);
V21CsvEncoding  v21_csv_import_get_encoding    (V21CsvImport   *self);
const char     *v21_csv_encoding_get_label     (V21CsvEncoding  encoding);
gunichar        v21_csv_import_get_separator   (V21CsvImport   *self);
gboolean        v21_csv_import_get_has_header  (V21CsvImport   *self);
void            v21_csv_import_set_has_header  (V21CsvImport   *self,
                                                gboolean        has_header);

/* The columns: their header (or "Column N" without a header), a sample value
 * from the first data row, and the field each feeds. A field is fed by one
 * column at most: mapping a second column to it unmaps the first. */
guint           v21_csv_import_get_n_columns   (V21CsvImport   *self);
const char     *v21_csv_import_get_header      (V21CsvImport   *self,
                                                guint           column);
const char     *v21_csv_import_get_sample      (V21CsvImport   *self,
                                                guint           column);
V21CsvField     v21_csv_import_get_mapping     (V21CsvImport   *self,
                                                guint           column);
void            v21_csv_import_set_mapping     (V21CsvImport   *self,
                                                guint           column,
                                                V21CsvField     field);
const char     *v21_csv_field_get_label        (V21CsvField     field);

/* What an import into @workshop would do with the current mapping: the rows
 * imported (V21CsvRow) and the rows skipped (V21CsvSkip), in file order. The
 * arrays belong to @self and change with the next preview. */
void            v21_csv_import_preview         (V21CsvImport   *self,
                                                V21Workshop    *workshop);
GPtrArray      *v21_csv_import_get_rows        (V21CsvImport   *self);
GPtrArray      *v21_csv_import_get_skipped     (V21CsvImport   *self);
/* The tables the import would create, in order of first use. */
GPtrArray      *v21_csv_import_get_new_tables  (V21CsvImport   *self);

/* Adds the rows of a fresh preview, and the tables they need, to @workshop as
 * one undoable step. @n_imported (nullable) receives the number of people
 * added; with none to add, nothing changes. */
gboolean        v21_csv_import_apply           (V21CsvImport   *self,
                                                V21Workshop    *workshop,
                                                guint          *n_imported,
                                                GError        **error);

G_END_DECLS

/* v21-csv-import-dialog.h — what a CSV import will do, before it does it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "v21-csv-import.h"

G_BEGIN_DECLS

#define V21_TYPE_CSV_IMPORT_DIALOG (v21_csv_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (V21CsvImportDialog, v21_csv_import_dialog, V21, CSV_IMPORT_DIALOG, AdwWindow)

/* Shows how @import reads its file (encoding, separator, header), what each
 * column feeds (changeable), the people it would add and every row it would
 * skip with the reason. Importing adds them as one undoable step, emits
 * "imported" (guint: how many) and closes; Cancel changes nothing. */
V21CsvImportDialog *v21_csv_import_dialog_new (GtkWindow    *parent,
                                               V21Workshop  *workshop,
                                               V21CsvImport *import,
                                               const char   *file_name);

G_END_DECLS

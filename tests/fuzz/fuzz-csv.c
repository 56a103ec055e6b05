/* fuzz-csv — libFuzzer target for the participants' CSV import.
 *
 * Whatever the bytes, reading must either give an import or refuse with an
 * error, without a crash, a leak or a GLib warning; an import previews against
 * a workshop, and no name it would add holds a control character.
 *
 * Build with -Dfuzzing=true (clang) and run with tests/fuzz/run.sh; in a normal
 * build the same code is linked with replay.c and run on the seed corpus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "fuzz-common.h"
#include "v21-csv-import.h"
#include "v21-workshop.h"

static V21Workshop *workshop;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_logging ();
  workshop = v21_workshop_new ();
  return 0;
}

static void
check_names (V21CsvImport *import)
{
  GPtrArray *rows = v21_csv_import_get_rows (import);

  for (guint i = 0; i < rows->len; i++)
    {
      V21CsvRow *row = g_ptr_array_index (rows, i);
      const char *name = json_object_get_string (json_object_object_get (row->fields, "name"));

      for (const char *p = name; p != NULL && *p; p = g_utf8_next_char (p))
        if (g_unichar_iscntrl (g_utf8_get_char (p)))
          g_error ("a name to import holds a control character");
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(V21CsvImport) import = v21_csv_import_new_from_data ((const char *) data, size, &error);

  if (import == NULL)
    {
      if (error == NULL)
        g_error ("a refused list must come with an error");
      return 0;
    }
  v21_csv_import_preview (import, workshop);
  check_names (import);
  return 0;
}

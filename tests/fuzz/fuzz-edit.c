/* fuzz-edit — libFuzzer target for the edit functions: the input is a script of
 * edits (set a field, insert, remove, move, undo, redo) on tests/data/good/minimal.visions21.
 *
 * Every edit is validated by the core, so whatever the script, the workshop must
 * always save to a file that loads (an edit the loader would refuse must have been
 * refused), and undoing every step must give back the workshop as it was loaded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "v21-schema.h"
#include "fuzz-common.h"
#include "v21-workshop.h"


static char *start;
static gsize start_length;

typedef struct
{
  const uint8_t *p;
  const uint8_t *end;
} Script;

static guint
next (Script *script)
{
  return script->p < script->end ? *script->p++ : 0;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* Small (fast to load for every input) but with something in every list. */
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "..", "tests", "data", "good", "minimal.visions21", NULL);

  fuzz_init_logging ();
  if (!g_file_get_contents (path, &start, &start_length, NULL))
    g_error ("cannot read %s", path);
  return 0;
}

static V21Collection *
pick_collection (V21Workshop *workshop,
                 Script      *script)
{
  const V21Kind **kinds = v21_schema_collections ();
  guint n = 0;

  while (kinds[n])
    n++;
  return v21_workshop_get_collection (workshop, kinds[next (script) % n]->collection);
}

static V21Record *
pick_record (V21Workshop *workshop,
             Script      *script)
{
  V21Collection *collection = pick_collection (workshop, script);
  guint n = v21_collection_get_n (collection);
  guint i = next (script) << 8 | next (script);

  if (n == 0 || next (script) % 16 == 0)
    return v21_workshop_get_root (workshop);
  return v21_collection_get (collection, i % n);
}

static const V21Field *
pick_field (const V21Kind *kind,
            Script        *script)
{
  guint n = 0;

  while (kind->fields[n].name)
    n++;
  return &kind->fields[next (script) % n];
}

/* A value: often one that makes sense (an id, a number in range), else anything. */
static json_object *
pick_value (V21Workshop *workshop,
            Script      *script)
{
  guint kind = next (script) % 8;
  guint n;

  switch (kind)
    {
    case 0:
      return NULL;
    case 1:
      return json_object_new_boolean (next (script) & 1);
    case 2:
      return json_object_new_int64 ((gint16) (next (script) << 8 | next (script)));
    case 3:
      return json_object_new_double ((next (script) - 64) / 100.0);
    case 4:
      return json_object_new_string (v21_record_get_id (pick_record (workshop, script)));
    case 5:
      {
        json_object *list = json_object_new_array ();
        for (guint i = next (script) % 4; i > 0; i--)
          json_object_array_add (list, json_object_new_string (v21_record_get_id (pick_record (workshop, script))));
        return list;
      }
    default:
      n = next (script);   /* not inside MIN(), which evaluates it twice */
      n = MIN ((gsize) n, (gsize) (script->end - script->p));
      {
        g_autofree char *text = g_strndup ((const char *) script->p, n);
        json_object *parsed;

        script->p += n;
        parsed = json_tokener_parse (text);
        if (parsed || kind == 6)
          return parsed;
        return g_utf8_validate (text, -1, NULL) ? json_object_new_string (text) : NULL;
      }
    }
}

static void
edit (V21Workshop *workshop,
      Script      *script)
{
  guint op = next (script) % 8;
  V21Record *record;
  const V21Kind *kind;

  switch (op)
    {
    case 0:
    case 1:
      record = pick_record (workshop, script);
      kind = record == v21_workshop_get_root (workshop) ? v21_schema_root ()
                                                         : v21_schema_lookup (v21_record_get_collection (record));
      v21_workshop_set (workshop, record, pick_field (kind, script)->name, pick_value (workshop, script), NULL);
      break;
    case 2:
      {
        V21Collection *collection = pick_collection (workshop, script);
        const V21Kind *list_kind = v21_schema_lookup (v21_collection_get_name (collection));
        json_object *fields = json_object_new_object ();

        for (guint i = next (script) % 10; i > 0; i--)
          json_object_object_add (fields, pick_field (list_kind, script)->name, pick_value (workshop, script));
        v21_workshop_insert (workshop, v21_collection_get_name (collection), (int) next (script) - 1, fields, NULL);
      }
      break;
    case 3:
      v21_workshop_remove (workshop, pick_record (workshop, script), NULL);
      break;
    case 4:
      v21_workshop_move (workshop, pick_record (workshop, script), next (script), NULL);
      break;
    case 5:
      v21_workshop_undo (workshop);
      break;
    case 6:
      v21_workshop_redo (workshop);
      break;
    default:
      v21_workshop_begin_group (workshop, "group");
      edit (workshop, script);
      edit (workshop, script);
      v21_workshop_end_group (workshop);
      break;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(V21Workshop) workshop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *undone = NULL;
  Script script = { data, data + size };

  workshop = v21_workshop_load_data (start, start_length, NULL, &error);
  g_assert_no_error (error);
  before = v21_workshop_to_data (workshop, NULL);
  for (guint steps = 0; script.p < script.end && steps < 64; steps++)
    edit (workshop, &script);

  /* Whatever edits the core accepted, the workshop saves to a file that loads. */
  fuzz_check_round_trip (workshop);
  while (v21_workshop_undo (workshop))
    ;
  undone = v21_workshop_to_data (workshop, NULL);
  if (strcmp (before, undone) != 0)
    g_error ("undoing every edit did not give back the workshop as loaded");
  return 0;
}

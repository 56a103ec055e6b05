/* fuzz-load — libFuzzer target for the workshop loader (v21_workshop_load_data).
 *
 * Whatever the bytes, loading must either build a workshop or refuse with at
 * least one problem, without a crash, a leak or a GLib warning. A workshop that
 * loads must save to bytes that load again and save the same (what the
 * application writes, it can read). The loader's fast UTF-8 check must agree
 * with GLib's.
 *
 * Build with -Dfuzzing=true (clang) and run with tests/fuzz/run.sh; in a normal
 * build the same code is linked with replay.c and run on the seed corpus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "v21-workshop.h"
#include "v21-workshop-private.h"


int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_logging ();
  return 0;
}

static void
check_utf8 (const char *text,
            gsize       length)
{
  const char *bad_glib = NULL;
  const char *bad_fast = NULL;
  gboolean ok_glib = g_utf8_validate_len (text, length, &bad_glib);

  if (_v21_utf8_validate (text, length, &bad_fast) != ok_glib || (!ok_glib && bad_fast != bad_glib))
    g_error ("the fast UTF-8 check disagrees with GLib");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) workshop = NULL;

  check_utf8 ((const char *) data, size);
  workshop = v21_workshop_load_data ((const char *) data, size, &problems, &error);
  if (workshop == NULL)
    {
      if (error == NULL || problems == NULL || problems->len == 0)
        g_error ("a refused file must come with its problems");
      return 0;
    }
  if (error != NULL || problems != NULL)
    g_error ("a loaded workshop must come without problems");
  fuzz_check_round_trip (workshop);
  return 0;
}

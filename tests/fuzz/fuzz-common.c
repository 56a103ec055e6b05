/* fuzz-common.c — what the fuzz targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

static GLogWriterOutput
write_log (GLogLevelFlags   level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         data)
{
  GLogWriterOutput out = g_log_writer_standard_streams (level, fields, n_fields, data);

  if (level & (G_LOG_FLAG_FATAL | G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return out;
}

void
fuzz_init_logging (void)
{
  g_log_set_writer_func (write_log, NULL, NULL);
}

void
fuzz_check_round_trip (V21Workshop *workshop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) again = NULL;
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  gsize length = 0;

  once = v21_workshop_to_data (workshop, &length);
  again = v21_workshop_load_data (once, length, NULL, &error);
  if (again == NULL)
    g_error ("a workshop saves to a file that does not load: %s", error->message);
  twice = v21_workshop_to_data (again, NULL);
  if (strcmp (once, twice) != 0)
    g_error ("a workshop saved, loaded and saved again changed");
}

/* Loads a workshop and saves it elsewhere, as the application does (for the
 * schema test: every file the application writes must validate). */

#include "config.h"

#include <stdio.h>

#include "v21-workshop.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) in = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(V21Workshop) workshop = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    {
      fprintf (stderr, "usage: resave IN OUT\n");
      return 2;
    }
  in = g_file_new_for_commandline_arg (argv[1]);
  out = g_file_new_for_commandline_arg (argv[2]);
  workshop = v21_workshop_load_file (in, NULL, &error);
  if (workshop == NULL || !v21_workshop_save_file (workshop, out, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  return 0;
}

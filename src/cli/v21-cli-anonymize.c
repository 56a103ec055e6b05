/* v21-cli-anonymize.c — `visions21 anonymize`: a workshop file without personal data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "v21-cli-private.h"
#include "v21-anonymize.h"
#include "v21-workshop.h"

int
v21_cli_anonymize (int    argc,
                   char **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the anonymised workshop to FILE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — write a copy of a workshop without personal data"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(V21Workshop) workshop = NULL;
  g_autoptr(V21Workshop) anonymous = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "visions21 anonymize: %s\n", error->message);
      return 2;
    }
  if (argc != 2 || output == NULL)
    {
      fprintf (stderr, "visions21 anonymize: %s\n", _("give one workshop file and the output with -o FILE"));
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  workshop = v21_workshop_load_file (file, NULL, &error);
  if (workshop == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  anonymous = v21_anonymize (workshop, &error);
  out_file = g_file_new_for_commandline_arg (output);
  if (anonymous == NULL || !v21_workshop_save_file (anonymous, out_file, &error))
    {
      fprintf (stderr, "visions21 anonymize: %s\n", error->message);
      return 1;
    }
  return 0;
}

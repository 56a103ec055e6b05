/* v21-cli-print-kit.c — visions21 print-kit FILE -o KIT.pdf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "v21-cli-private.h"
#include "v21-print-kit.h"

int
v21_cli_print_kit (int    argc,
                   char **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the kit to FILE (PDF)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — write the printable kit of a workshop"));
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) workshop = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "visions21 print-kit: %s\n", error->message);
      return 2;
    }
  if (output == NULL || argc != 2)
    {
      fprintf (stderr, "%s\n", _("visions21 print-kit: give one workshop file and the output with -o KIT.pdf"));
      return 2;
    }
  workshop = v21_cli_load_workshop (argv[1]);
  if (workshop == NULL)
    return 1;
  if (!v21_print_kit_write (workshop, output, &error))
    {
      fprintf (stderr, "visions21 print-kit: %s\n", error->message);
      return 1;
    }
  return 0;
}

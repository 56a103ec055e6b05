/* v21-cli-export.c — `visions21 export`: the written report into a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-cli-private.h"
#include "v21-report-export.h"
#include "v21-workshop.h"

static int
usage_error (const char *message)
{
  fprintf (stderr, "visions21 export: %s\n", message);
  return 2;
}

int
v21_cli_export (int    argc,
                char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  gboolean anonymize = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("pdf, odt, html, md or csv (default: from the output’s extension)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the report to FILE (for csv: the cards; the votes go to FILE-votes.csv)"), N_("FILE") },
    { "anonymize", 0, 0, G_OPTION_ARG_NONE, &anonymize, N_("Leave out personal data: people become numbered labels"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — write the report of a workshop"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(V21Workshop) workshop = NULL;
  V21ReportFormat format;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (argc != 2)
    return usage_error (_("give one workshop file"));
  if (output == NULL)
    return usage_error (_("give the output file with -o FILE"));
  if (format_name == NULL)
    {
      const char *dot = strrchr (output, '.');

      format_name = g_strdup (dot != NULL ? dot + 1 : "");
    }
  if (!v21_report_format_from_string (format_name, &format))
    return usage_error (_("give the format with --format pdf, odt, html, md or csv"));

  file = g_file_new_for_commandline_arg (argv[1]);
  workshop = v21_workshop_load_file (file, NULL, &error);
  if (workshop == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  if (!v21_report_export (workshop, format, output, anonymize, &error))
    {
      fprintf (stderr, "visions21 export: %s\n", error->message);
      return 1;
    }
  return 0;
}

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
#include "v21-report.h"
#include "v21-report-export.h"
#include "v21-workshop.h"

static int
usage_error (const char *message)
{
  fprintf (stderr, "visions21 export: %s\n", message);
  return 2;
}

/* "method-notes,appendix" (several options may each give a list) into
 * sections; FALSE for a name that is not a section. */
static gboolean
parse_sections (char             **lists,
                V21ReportSections *sections)
{
  *sections = 0;
  for (guint i = 0; lists != NULL && lists[i] != NULL; i++)
    {
      g_auto(GStrv) names = g_strsplit (lists[i], ",", -1);

      for (guint k = 0; names[k] != NULL; k++)
        {
          V21ReportSections section = 0;
          const char *key;
          guint n;

          g_strstrip (g_strdelimit (names[k], "-", '_'));
          for (n = 0; (key = v21_report_section_key (n, &section)) != NULL; n++)
            if (strcmp (key, names[k]) == 0)
              break;
          if (key == NULL)
            return FALSE;
          *sections |= section;
        }
    }
  return TRUE;
}

static char *
section_names (void)
{
  GString *names = g_string_new (NULL);
  const char *key;

  for (guint n = 0; (key = v21_report_section_key (n, NULL)) != NULL; n++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (key), "_", '-');

      g_string_append_printf (names, "%s%s", n > 0 ? ", " : "", name);
    }
  return g_string_free (names, FALSE);
}

static int
unknown_section (void)
{
  g_autofree char *names = section_names ();
  /* Translators: %s lists the sections, "context, people, …". */
  g_autofree char *message = g_strdup_printf (_("unknown section; the sections are: %s"), names);

  return usage_error (message);
}

int
v21_cli_export (int    argc,
                char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  gboolean anonymize = FALSE;
  g_auto(GStrv) with = NULL;
  g_auto(GStrv) without = NULL;
  V21ReportSections added = 0, removed = 0;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("pdf, odt, html, md or csv (default: from the output’s extension)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the report to FILE (for csv: the cards; the votes go to FILE-votes.csv)"), N_("FILE") },
    { "anonymize", 0, 0, G_OPTION_ARG_NONE, &anonymize, N_("Leave out personal data: people become numbered labels"), NULL },
    { "with", 0, 0, G_OPTION_ARG_STRING_ARRAY, &with, N_("Add these sections to the ones saved in the workshop: context, people, participant-list, run-sheet, results, method-notes, appendix"), N_("SECTION,…") },
    { "without", 0, 0, G_OPTION_ARG_STRING_ARRAY, &without, N_("Leave these sections out"), N_("SECTION,…") },
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

  if (!parse_sections (with, &added) || !parse_sections (without, &removed))
    return unknown_section ();

  file = g_file_new_for_commandline_arg (argv[1]);
  workshop = v21_workshop_load_file (file, NULL, &error);
  if (workshop == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  /* For this export only: the file keeps its saved choice. */
  if ((added | removed) != 0
      && !v21_report_set_sections (workshop, (v21_report_get_sections (workshop) | added) & ~removed, &error))
    {
      fprintf (stderr, "visions21 export: %s\n", error->message);
      return 1;
    }
  if (!v21_report_export (workshop, format, output, anonymize, &error))
    {
      fprintf (stderr, "visions21 export: %s\n", error->message);
      return 1;
    }
  return 0;
}

/* v21-cli-merge.c — `visions21 merge`: the tables' files into the master workshop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "v21-cli-private.h"
#include "v21-merge.h"
#include "v21-workshop.h"

int
v21_cli_merge (int    argc,
               char **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the merged workshop to FILE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("MASTER FILE… — bring the tables’ files into the master workshop"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) master_file = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(V21Workshop) master = NULL;
  g_autoptr(V21MergeSummary) summary = v21_merge_summary_new ();
  g_autofree char *text = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "visions21 merge: %s\n", error->message);
      return 2;
    }
  if (argc < 3 || output == NULL)
    {
      fprintf (stderr, "visions21 merge: %s\n", _("give the master workshop, the files to merge and the output with -o FILE"));
      return 2;
    }
  master_file = g_file_new_for_commandline_arg (argv[1]);
  master = v21_workshop_load_file (master_file, NULL, &error);
  if (master == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);

      if (!v21_workshop_merge_file (master, file, summary, &error))
        {
          fprintf (stderr, "visions21 merge: %s\n", error->message);
          return 1;
        }
    }
  out_file = g_file_new_for_commandline_arg (output);
  if (!v21_workshop_save_file (master, out_file, &error))
    {
      fprintf (stderr, "visions21 merge: %s\n", error->message);
      return 1;
    }
  text = v21_merge_summary_format (summary);
  printf ("%s\n", text);
  return 0;
}

int
v21_cli_table_copy (int    argc,
                    char **argv)
{
  g_autofree char *output = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the table’s copy to FILE"), N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE if it exists (the old one stays as FILE~)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("MASTER — a copy of the workshop for a table’s laptop, to merge back later"));
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) master = NULL;
  g_autoptr(V21Workshop) copy = NULL;
  g_autoptr(GFile) out_file = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "visions21 table-copy: %s\n", error->message);
      return 2;
    }
  if (argc != 2 || output == NULL)
    {
      fprintf (stderr, "visions21 table-copy: %s\n", _("give the master workshop and the output with -o FILE"));
      return 2;
    }
  if (!v21_cli_may_write (argv[0], output, force))
    return 1;
  master = v21_cli_load_workshop (argv[1]);
  if (master == NULL)
    return 1;
  copy = v21_workshop_copy_for_table (master, &error);
  out_file = g_file_new_for_commandline_arg (output);
  if (copy == NULL || !v21_workshop_save_file (copy, out_file, &error))
    {
      fprintf (stderr, "visions21 table-copy: %s\n", error->message);
      return 1;
    }
  return 0;
}

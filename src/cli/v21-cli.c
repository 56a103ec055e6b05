#define G_LOG_DOMAIN "v21-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-cli.h"
#include "v21-cli-private.h"
#include "v21-workshop.h"

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  CommandFunc  run;
  const char  *summary;
} Command;

static int run_check (int argc, char **argv);
static int run_new (int argc, char **argv);

static const Command commands[] = {
  { "check", run_check, N_("Check that workshop files are valid") },
  { "new", run_new, N_("Create a workshop with the toolkit’s two-day run sheet") },
  { "diagram", v21_cli_diagram, N_("Draw the trajectory diagram as PNG, SVG or PDF") },
  { "print-kit", v21_cli_print_kit, N_("Write the printable kit of a workshop as a PDF") },
  { "export", v21_cli_export, N_("Write the report as PDF, HTML, Markdown or CSV") },
  { "anonymize", v21_cli_anonymize, N_("Write a copy of a workshop without personal data") },
  { "table-copy", v21_cli_table_copy, N_("Write a copy of a workshop for a table’s laptop") },
  { "merge", v21_cli_merge, N_("Bring the tables’ files into the master workshop") },
  { "capitalise", v21_cli_capitalise, N_("Bring several workshops into one document on the method") },
  { "invitations", v21_cli_invitations, N_("Write the invitation letters as a PDF, and the days as a calendar file") },
  { "room", v21_cli_room, N_("Open the room: phones of the hall post cards and vote") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage:"));
  fprintf (out, "  visions21 [FILE…]                %s\n", _("Open workshops in the application"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  visions21 %-22s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "  visions21 --version              %s\n", _("Show the version"));
  fprintf (out, "  visions21 --help                 %s\n", _("Show this help"));
  fprintf (out, "\n%s\n", _("Run “visions21 COMMAND --help” for the options of a command."));
}

static void
print_problems (const char *name,
                GPtrArray  *problems,
                GError     *error)
{
  if (problems == NULL || problems->len == 0)
    {
      fprintf (stderr, "%s: %s\n", name, error->message);
      return;
    }
  for (guint i = 0; i < problems->len; i++)
    {
      V21Problem *problem = g_ptr_array_index (problems, i);
      fprintf (stderr, "%s: %s: %s\n", name, problem->path, problem->message);
    }
}

gboolean
v21_cli_may_write (const char *command,
                   const char *output,
                   gboolean    force)
{
  g_autofree char *name = NULL;

  /* What is not a regular file is left to the writer, which says what it is. */
  if (force || !g_file_test (output, G_FILE_TEST_EXISTS) || !g_file_test (output, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  name = g_filename_display_name (output);
  /* Translators: the first %s is the command ("new", "table-copy"), then the file twice. */
  fprintf (stderr, _("visions21 %s: “%s” already exists; choose another name, or add --force to replace it (the old file is kept as “%s~”)"),
           command, name, name);
  fprintf (stderr, "\n");
  return FALSE;
}

V21Workshop *
v21_cli_load_workshop (const char *arg)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (arg);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  V21Workshop *workshop = v21_workshop_load_file (file, &problems, &error);

  if (workshop == NULL)
    print_problems (arg, problems, error);
  return workshop;
}

static int
run_check (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE… — check Visions+21 workshop files"));
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "visions21 check: %s\n", error->message);
      return 2;
    }
  if (argc < 2)
    {
      fprintf (stderr, "%s\n", _("visions21 check: give at least one file"));
      return 2;
    }
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(V21Workshop) workshop = v21_cli_load_workshop (argv[i]);

      if (workshop == NULL)
        status = 1;
    }
  return status;
}

static int
run_new (int    argc,
         char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *title = NULL;
  g_autofree char *territory = NULL;
  int start_year = 0;
  int horizon = 0;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the workshop to FILE"), N_("FILE") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Title of the workshop"), N_("TEXT") },
    { "territory", 0, 0, G_OPTION_ARG_STRING, &territory, N_("Name of the territory"), N_("TEXT") },
    { "start-year", 0, 0, G_OPTION_ARG_INT, &start_year, N_("Start year (default: this year)"), N_("YEAR") },
    { "horizon", 0, 0, G_OPTION_ARG_INT, &horizon, N_("Horizon year (default: start year + 30)"), N_("YEAR") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE if it exists (the old one stays as FILE~)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— create a new workshop"));
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Workshop) workshop = NULL;
  g_autoptr(GFile) file = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "visions21 new: %s\n", error->message);
      return 2;
    }
  if (output == NULL || argc > 1)
    {
      fprintf (stderr, "%s\n", _("visions21 new: give the output file with -o FILE"));
      return 2;
    }
  if (!v21_cli_may_write (argv[0], output, force))
    return 1;
  if (start_year > 0 && horizon <= 0)
    horizon = start_year + 30;
  workshop = v21_workshop_new_from_toolkit (title, territory, start_year, horizon, &error);
  file = g_file_new_for_commandline_arg (output);
  if (workshop == NULL || !v21_workshop_save_file (workshop, file, &error))
    {
      fprintf (stderr, "visions21 new: %s\n", error->message);
      return 1;
    }
  return 0;
}

gboolean
v21_cli_dispatch (int    argc,
                  char **argv,
                  int   *status)
{
  const char *first = argc > 1 ? argv[1] : NULL;

  if (first == NULL)
    return FALSE;
  if (strcmp (first, "--version") == 0)
    {
      printf ("visions21 %s\n", PACKAGE_VERSION);
      *status = 0;
      return TRUE;
    }
  if (strcmp (first, "--help") == 0 || strcmp (first, "-h") == 0 || strcmp (first, "help") == 0)
    {
      print_usage (stdout);
      *status = 0;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (first, commands[i].name) == 0)
      {
        *status = commands[i].run (argc - 1, argv + 1);
        return TRUE;
      }
  /* A file to open (or a GApplication option) goes to the GUI. */
  if (first[0] == '-' || strchr (first, '.') || strchr (first, '/') || g_file_test (first, G_FILE_TEST_EXISTS))
    return FALSE;
  fprintf (stderr, _("visions21: unknown command “%s”"), first);
  fprintf (stderr, "\n\n");
  print_usage (stderr);
  *status = 2;
  return TRUE;
}

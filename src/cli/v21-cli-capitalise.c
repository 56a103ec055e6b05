/* v21-cli-capitalise.c — `visions21 capitalise`: several workshops in one document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-cli"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "v21-capitalise.h"
#include "v21-cli-private.h"
#include "v21-error.h"
#include "v21-file-io.h"
#include "v21-report-export.h"
#include "v21-report-odt.h"
#include "v21-report-pages.h"

static int
usage_error (const char *message)
{
  fprintf (stderr, "visions21 capitalise: %s\n", message);
  return 2;
}

static gboolean
write_bytes (const char  *path,
             const char  *data,
             gsize        length,
             GError     **error)
{
  return v21_file_write_atomic (path, data, length, FALSE, error);
}

static gboolean
write_document (V21Capitalisation  *capitalisation,
                V21ReportFormat     format,
                const char         *path,
                GError            **error)
{
  g_autoptr(V21Report) report = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  if (format == V21_REPORT_CSV)
    {
      text = v21_capitalisation_csv (capitalisation, &length);
      return write_bytes (path, text, length, error);
    }
  report = v21_capitalisation_report (capitalisation);
  if (format == V21_REPORT_MARKDOWN)
    {
      text = v21_report_to_markdown (report);
      return write_bytes (path, text, strlen (text), error);
    }
  if (format == V21_REPORT_ODT)
    {
      g_autoptr(GBytes) bytes = v21_report_to_odt (report, v21_capitalisation_get_first (capitalisation), error);
      const char *data;

      if (bytes == NULL)
        return FALSE;
      data = g_bytes_get_data (bytes, &length);
      return write_bytes (path, data, length, error);
    }
  {
    g_autoptr(V21ReportPages) pages = v21_report_pages_new (g_steal_pointer (&report),
                                                             v21_capitalisation_get_first (capitalisation));

    return v21_report_pages_write_pdf (pages, path, error);
  }
}

/* Whether @path names a file already taken (the same file by another name too). */
static gboolean
seen_before (GPtrArray  *seen,
             const char *arg)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (arg);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *real = path != NULL ? realpath (path, NULL) : NULL;
  const char *key = real != NULL ? real : arg;

  for (guint i = 0; i < seen->len; i++)
    if (strcmp (g_ptr_array_index (seen, i), key) == 0)
      return TRUE;
  g_ptr_array_add (seen, g_strdup (key));
  return FALSE;
}

/* Adds every file it can; FALSE if one was refused (said on stderr). */
static gboolean
add_files (V21Capitalisation  *capitalisation,
           int                 argc,
           char              **argv)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  gboolean all = TRUE;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(V21Workshop) workshop = NULL;
      g_autoptr(GError) error = NULL;

      if (seen_before (seen, argv[i]))
        {
          /* Translators: a warning of `visions21 capitalise`; %s is a file. */
          fprintf (stderr, _("%s: given twice; it is taken once"), argv[i]);
          fprintf (stderr, "\n");
          continue;
        }
      workshop = v21_cli_load_workshop (argv[i]);
      if (workshop == NULL)
        {
          all = FALSE;
          continue;
        }
      if (!v21_capitalisation_add (capitalisation, workshop, &error))
        {
          fprintf (stderr, "%s: %s\n", argv[i], error->message);
          if (!g_error_matches (error, V21_ERROR, V21_ERROR_VALUE))
            all = FALSE;
        }
    }
  return all;
}

int
v21_cli_capitalise (int    argc,
                    char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  gboolean anonymize = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("pdf, odt, md or csv (default: from the output’s extension)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the document to FILE (for csv: its figures)"), N_("FILE") },
    { "anonymize", 0, 0, G_OPTION_ARG_NONE, &anonymize, N_("Name nobody, not even people who consented"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE… — the lessons of several workshops in one document"));
  g_autoptr(GError) error = NULL;
  g_autoptr(V21Capitalisation) capitalisation = NULL;
  V21ReportFormat format;
  gboolean all;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (argc < 2)
    return usage_error (_("give at least one workshop file"));
  if (output == NULL)
    return usage_error (_("give the output file with -o FILE"));
  if (format_name == NULL)
    {
      const char *dot = strrchr (output, '.');

      format_name = g_strdup (dot != NULL ? dot + 1 : "");
    }
  if (!v21_report_format_from_string (format_name, &format) || format == V21_REPORT_HTML)
    return usage_error (_("give the format with --format pdf, odt, md or csv"));

  capitalisation = v21_capitalisation_new (anonymize);
  all = add_files (capitalisation, argc, argv);
  if (v21_capitalisation_get_n (capitalisation) == 0)
    {
      fprintf (stderr, "visions21 capitalise: %s\n", _("no workshop could be read; nothing was written"));
      return 1;
    }
  if (!write_document (capitalisation, format, output, &error))
    {
      fprintf (stderr, "visions21 capitalise: %s\n", error->message);
      return 1;
    }
  return all ? 0 : 1;
}

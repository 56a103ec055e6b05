/* v21-cli-diagram.c — `visions21 diagram`: a trajectory diagram into a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "v21-cli-private.h"
#include "v21-render-export.h"
#include "v21-workshop.h"

typedef struct
{
  char    *scenario;
  char    *format;
  char    *output;
  char    *style;
  double   width;
  double   height;
  double   scale;
  gboolean dark;
} Options;

static void options_clear (Options *options);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static void
options_clear (Options *options)
{
  g_free (options->scenario);
  g_free (options->format);
  g_free (options->output);
  g_free (options->style);
}

static int
usage_error (const char *message)
{
  fprintf (stderr, "visions21 diagram: %s\n", message);
  return 2;
}

/* Fills in what was not given: the format from the output's extension, the
 * style and size from the format (PDF is a page in points, for print). */
static int
resolve (Options         *options,
         V21ExportFormat *format,
         V21RenderStyle  *style)
{
  V21RenderMedium medium;

  if (options->output == NULL)
    return usage_error (_("give the output file with -o FILE"));
  if (options->format != NULL ? !v21_export_format_from_string (options->format, format)
                              : !v21_export_format_from_path (options->output, format))
    return usage_error (_("give the format with --format png, svg or pdf"));
  medium = *format == V21_EXPORT_PDF ? V21_RENDER_PRINT : V21_RENDER_SCREEN;
  if (options->style != NULL && !v21_render_medium_from_string (options->style, &medium))
    return usage_error (_("the style is one of screen, projector or print"));
  if (options->width <= 0)
    options->width = medium == V21_RENDER_PRINT ? 842 : medium == V21_RENDER_PROJECTOR ? 1920 : 1280;
  if (options->height <= 0)
    options->height = medium == V21_RENDER_PRINT ? 595 : medium == V21_RENDER_PROJECTOR ? 1080 : 760;
  if (options->scale <= 0)
    options->scale = 1;
  v21_render_style_init (style, medium, options->dark);
  return 0;
}

int
v21_cli_diagram (int    argc,
                 char **argv)
{
  g_auto(Options) options = { NULL, NULL, NULL, NULL, 0, 0, 0, FALSE };
  const GOptionEntry entries[] = {
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &options.scenario, N_("Only this scenario (with the past); default: every trajectory"), N_("ID") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &options.format, N_("png, svg or pdf (default: from the output’s extension)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output, N_("Write the diagram to FILE"), N_("FILE") },
    { "width", 0, 0, G_OPTION_ARG_DOUBLE, &options.width, N_("Width in pixels (points for PDF)"), N_("W") },
    { "height", 0, 0, G_OPTION_ARG_DOUBLE, &options.height, N_("Height in pixels (points for PDF)"), N_("H") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &options.scale, N_("Pixels per unit of a PNG, e.g. 2 for HiDPI"), N_("S") },
    { "style", 0, 0, G_OPTION_ARG_STRING, &options.style, N_("screen, projector or print"), N_("STYLE") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &options.dark, N_("Light text on a dark background"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — draw the trajectory diagram of a workshop"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(V21Workshop) workshop = NULL;
  V21ExportFormat format;
  V21RenderStyle style;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (argc != 2)
    return usage_error (_("give one workshop file"));
  status = resolve (&options, &format, &style);
  if (status != 0)
    return status;

  file = g_file_new_for_commandline_arg (argv[1]);
  workshop = v21_workshop_load_file (file, NULL, &error);
  if (workshop == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      return 1;
    }
  if (options.scenario != NULL)
    {
      V21Record *scenario = v21_workshop_lookup (workshop, options.scenario);

      if (scenario == NULL || g_strcmp0 (v21_record_get_collection (scenario), "scenarios") != 0)
        {
          fprintf (stderr, _("%s: no scenario has the id “%s”"), argv[1], options.scenario);
          fprintf (stderr, "\n");
          return 1;
        }
    }
  if (!v21_render_export_trajectories (workshop, options.scenario, format, options.output,
                                       options.width, options.height, options.scale, &style, &error))
    {
      fprintf (stderr, "visions21 diagram: %s\n", error->message);
      return 1;
    }
  return 0;
}

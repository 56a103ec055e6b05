/* v21-projector-scene.c — what the room sees: one scene drawn full screen
 *
 * Every size comes from the height (v21_projector_sizes()), so the same
 * function draws the projector, the console's thumbnail and the tests' PNGs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-render"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "v21-bar-chart.h"
#include "v21-cards.h"
#include "v21-heat-map.h"
#include "v21-projector-scene-private.h"
#include "v21-render-style.h"
#include "v21-run-sheet.h"
#include "v21-trajectory-diagram.h"
#include "v21-votes.h"

static const char * const scene_names[V21_N_SCENES] = {
  "title", "sequence", "board", "votes", "diagram", "heat-map", "black",
};

const char *
v21_scene_to_string (V21Scene scene)
{
  g_return_val_if_fail (scene < V21_N_SCENES, NULL);
  return scene_names[scene];
}

gboolean
v21_scene_from_string (const char *name,
                       V21Scene   *scene)
{
  for (guint i = 0; i < V21_N_SCENES; i++)
    if (g_strcmp0 (name, scene_names[i]) == 0)
      {
        *scene = i;
        return TRUE;
      }
  return FALSE;
}

void
v21_projector_sizes (double             height,
                     V21ProjectorSizes *sizes)
{
  sizes->body = ceil (height / 28.0);
  sizes->heading = ceil (sizes->body * 1.5);
  sizes->title = ceil (sizes->body * 2.2);
  sizes->timer = ceil (height * 0.28);
  sizes->margin = ceil (height / 18.0);
}

void
v21_projector_colors (gboolean     dark,
                      const char **background,
                      const char **foreground,
                      const char **warning)
{
  /* Light: 17.4:1 and 7.5:1 on white. Dark: 18.1:1 and 9.6:1 on #121212. */
  *background = dark ? "#121212" : "#ffffff";
  *foreground = dark ? "#ffffff" : "#1c1c1c";
  *warning = dark ? "#ffa08f" : "#a51d2d";
}


double
v21_scene_show_text (V21SceneContext *s,
                     const char      *text,
                     double           size,
                     gboolean         bold,
                     double           x,
                     double           y,
                     double           max_width,
                     int              max_lines,
                     const V21Rgba   *color)
{
  g_autoptr(PangoLayout) layout = v21_render_text_layout (s->pango, &s->style, text, size,
                                                          bold, max_width, max_lines);
  double w, h;

  v21_render_text_size (layout, &w, &h);
  v21_render_text_show (s->cr, layout, x, y, color ? color : &s->style.foreground);
  return h;
}

double
v21_scene_text_width (V21SceneContext *s,
                      const char      *text,
                      double           size,
                      gboolean         bold)
{
  g_autoptr(PangoLayout) layout = v21_render_text_layout (s->pango, &s->style, text, size, bold, -1, 1);
  double w, h;

  v21_render_text_size (layout, &w, &h);
  return w;
}

double
v21_scene_measure_text (V21SceneContext *s,
                        const char      *text,
                        double           size,
                        gboolean         bold,
                        double           max_width,
                        int              max_lines)
{
  g_autoptr(PangoLayout) layout = v21_render_text_layout (s->pango, &s->style, text, size,
                                                          bold, max_width, max_lines);
  double w, h;

  v21_render_text_size (layout, &w, &h);
  return h;
}

/* "Salle des fêtes de Marcillé · 18 and 19 March 2027" */
static void
where_and_when (V21SceneContext *s,
                double           y)
{
  const char *venue = v21_text (v21_workshop_get_root (s->workshop), "venue");
  g_autofree char *dates = v21_run_sheet_format_dates (s->workshop);
  g_autofree char *line = NULL;

  if (*venue != '\0' && dates != NULL)
    line = g_strdup_printf ("%s · %s", venue, dates);
  else
    line = g_strdup (*venue != '\0' ? venue : dates);
  if (line != NULL)
    v21_scene_show_text (s, line, s->sizes.body, FALSE, s->sizes.margin, y, s->width - 2 * s->sizes.margin, 2, NULL);
}

static void
draw_title (V21SceneContext *s)
{
  V21Record *root = v21_workshop_get_root (s->workshop);
  json_object *territory = v21_record_get_value (root, "territory");
  json_object *name = NULL;
  double m = s->sizes.margin;
  double w = s->width - 2 * m;
  double y = s->height * 0.28;
  g_autofree char *horizon = NULL;

  y += v21_scene_show_text (s, v21_text (root, "title"), s->sizes.title, TRUE, m, y, w, 3, NULL);
  y += s->sizes.body;
  if (json_object_object_get_ex (territory, "name", &name) && json_object_get_string_len (name) > 0)
    y += v21_scene_show_text (s, json_object_get_string (name), s->sizes.heading, FALSE, m, y, w, 2, NULL);
  y += s->sizes.body * 0.5;
  if (v21_record_get_int (root, "horizon_year", 0) > 0)
    {
      horizon = g_strdup_printf (_("Horizon %ld"), (long) v21_record_get_int (root, "horizon_year", 0));
      y += v21_scene_show_text (s, horizon, s->sizes.heading, FALSE, m, y, w, 1, NULL);
    }
  where_and_when (s, y + s->sizes.body);
}

static const char *
sequence_instructions (V21SceneContext     *s,
                       V21Record *sequence)
{
  const char *instructions = v21_text (sequence, "instructions");
  V21Record *exercise;

  if (*instructions != '\0')
    return instructions;
  exercise = v21_workshop_lookup (s->workshop, v21_text (sequence, "exercise"));
  return exercise ? v21_text (exercise, "instructions") : "";
}

static void
draw_sequence (V21SceneContext *s)
{
  V21Record *sequence = s->state->sequence;
  double m = s->sizes.margin;
  double w = s->width - 2 * m;
  double y = m;
  double timer_top = s->height - m - s->sizes.timer * 1.2;
  int lines;

  if (sequence == NULL)
    {
      v21_scene_show_text (s, _("No sequence"), s->sizes.heading, TRUE, m, y, w, 1, NULL);
      return;
    }
  y += v21_scene_show_text (s, v21_text (sequence, "title"), s->sizes.heading, TRUE, m, y, w, 2, NULL);
  y += s->sizes.body * 0.6;
  lines = (int) MAX (1, floor ((timer_top - y) / (s->sizes.body * 1.25)));
  v21_scene_show_text (s, sequence_instructions (s, sequence), s->sizes.body, FALSE, m, y, w, lines, NULL);
  if (s->state->timer_text != NULL)
    {
      g_autoptr(PangoLayout) layout = v21_render_text_layout (s->pango, &s->style, s->state->timer_text,
                                                              s->sizes.timer, TRUE, -1, 0);
      double tw, th;

      v21_render_text_size (layout, &tw, &th);
      v21_render_text_show (s->cr, layout, (s->width - tw) / 2, s->height - m - th,
                            s->state->overrun ? &s->warning : &s->style.foreground);
    }
}

/* Votes: the targets while the round is hidden, the bars once revealed */

/* The round's targets in two columns, each label whole on as many lines as
 * it takes; what finds no room is counted on a last line. */
static void
draw_targets (V21SceneContext     *s,
              V21Record *round,
              double     top)
{
  json_object *targets = v21_record_get_value (round, "targets");
  double m = s->sizes.margin;
  double column_width = (s->width - 2 * m - s->sizes.body) / 2;
  double rest_height = s->sizes.body * 1.6;
  double y = top;
  guint n = json_object_is_type (targets, json_type_array) ? json_object_array_length (targets) : 0;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint shown = 0;

  for (guint i = 0; i < n; i++)
    {
      V21Record *target = v21_workshop_lookup (s->workshop,
                                               json_object_get_string (json_object_array_get_idx (targets, i)));

      if (target != NULL)
        g_ptr_array_add (labels, (gpointer) (*v21_text (target, "text") ? v21_text (target, "text")
                                                                        : v21_text (target, "name")));
    }
  for (; shown < labels->len; shown += 2)
    {
      double h = 0;
      double bottom = s->height - m - (shown + 2 < labels->len ? rest_height : 0);

      for (guint j = shown; j < MIN (shown + 2, labels->len); j++)
        h = MAX (h, v21_scene_measure_text (s, g_ptr_array_index (labels, j), s->sizes.body, FALSE, column_width, 0));
      if (y + h > bottom)
        break;
      for (guint j = shown; j < MIN (shown + 2, labels->len); j++)
        v21_scene_show_text (s, g_ptr_array_index (labels, j), s->sizes.body, FALSE,
                             m + (j % 2) * (column_width + s->sizes.body), y, column_width, 0, NULL);
      y += MAX (h, s->sizes.body * 1.3) + s->sizes.body * 0.5;
    }
  if (shown < labels->len)
    {
      guint rest = labels->len - shown;
      /* Translators: under the targets of a vote, too many for the screen. */
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", rest),
                                               rest);

      v21_scene_show_text (s, more, s->sizes.body, FALSE, m, y, s->width - 2 * m, 1, &s->style.muted);
    }
}

static void
draw_results (V21SceneContext     *s,
              V21Record *round,
              double     top)
{
  g_autoptr(V21VoteResults) results = v21_vote_results_new (s->workshop, round);
  g_autofree V21BarItem *items = g_new0 (V21BarItem, MAX (results->n_tallies, 1));
  V21BarChart chart = { 0 };
  double m = s->sizes.margin;

  for (guint i = 0; i < results->n_tallies; i++)
    {
      items[i].label = results->tallies[i].label;
      items[i].total = results->tallies[i].total;
    }
  chart.items = items;
  chart.n_items = results->n_tallies;
  cairo_save (s->cr);
  cairo_translate (s->cr, m, top);
  v21_render_bar_chart (&chart, s->cr, s->width - 2 * m, s->height - m - top, &s->style);
  cairo_restore (s->cr);
}

static void
draw_votes (V21SceneContext *s)
{
  V21Record *round = s->state->round;
  double m = s->sizes.margin;
  double top;

  if (round == NULL)
    {
      v21_scene_show_text (s, _("No vote round"), s->sizes.heading, TRUE, m, m, s->width - 2 * m, 1, NULL);
      return;
    }
  top = m + v21_scene_show_text (s, v21_text (round, "title"), s->sizes.heading, TRUE, m, m,
                       s->width - 2 * m, 2, NULL) + s->sizes.body * 0.6;
  /* Never a number before the facilitator reveals the round. */
  if (v21_record_get_bool (round, "revealed"))
    draw_results (s, round, top);
  else
    draw_targets (s, round, top);
}

static void
draw_figure (V21SceneContext *s)
{
  double m = s->sizes.margin;
  /* The scene's margin is the figure's: its own padding would double it. */
  V21RenderStyle style = s->style;

  style.padding = s->sizes.body * 0.3;
  cairo_save (s->cr);
  cairo_translate (s->cr, m / 2, m / 2);
  if (s->state->scene == V21_SCENE_DIAGRAM)
    v21_render_trajectories (s->workshop, s->state->scenario_id, s->cr,
                             s->width - m, s->height - m, &style);
  else
    v21_render_heat_map (s->workshop, s->cr, s->width - m, s->height - m, &s->style);
  cairo_restore (s->cr);
}

static void
init_scene (V21SceneContext     *s,
            V21Workshop         *workshop,
            const V21SceneState *state,
            cairo_t             *cr,
            double               width,
            double               height,
            gboolean             dark)
{
  const char *background, *foreground, *warning;

  s->workshop = workshop;
  s->state = state;
  s->cr = cr;
  s->width = width;
  s->height = height;
  v21_projector_sizes (height, &s->sizes);
  v21_render_style_init (&s->style, V21_RENDER_PROJECTOR, dark);
  v21_projector_colors (dark, &background, &foreground, &warning);
  v21_render_parse_color (background, &s->style.background);
  v21_render_parse_color (foreground, &s->style.foreground);
  v21_render_parse_color (foreground, &s->style.muted);
  v21_render_parse_color (warning, &s->warning);
  s->style.title_size = s->sizes.heading;
  s->style.text_size = s->sizes.body;
  s->style.small_size = s->sizes.body;
  s->style.label_max_width = width / 5;
  /* The room never reads the name of someone who did not consent. */
  s->style.consent = v21_consent_text_new (workshop);
  s->pango = v21_render_text_context ();
}

static void
clear_scene (V21SceneContext *s)
{
  g_object_unref (s->pango);
  g_clear_pointer (&s->style.consent, v21_consent_text_free);
}

void
v21_render_scene (V21Workshop         *workshop,
                  const V21SceneState *state,
                  cairo_t             *cr,
                  double               width,
                  double               height,
                  gboolean             dark)
{
  V21SceneContext s = { 0 };

  g_return_if_fail (V21_IS_WORKSHOP (workshop));
  g_return_if_fail (state != NULL && cr != NULL);

  cairo_save (cr);
  if (state->scene == V21_SCENE_BLACK)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      return;
    }
  init_scene (&s, workshop, state, cr, width, height, dark);
  v21_render_set_color (cr, &s.style.background, 1);
  cairo_paint (cr);
  switch (state->scene)
    {
    case V21_SCENE_TITLE: draw_title (&s); break;
    case V21_SCENE_SEQUENCE: draw_sequence (&s); break;
    case V21_SCENE_BOARD: v21_board_scene_draw (&s); break;
    case V21_SCENE_VOTES: draw_votes (&s); break;
    case V21_SCENE_DIAGRAM:
    case V21_SCENE_HEAT_MAP: draw_figure (&s); break;
    case V21_SCENE_BLACK:
    case V21_N_SCENES:
    default: break;
    }
  clear_scene (&s);
  cairo_restore (cr);
}

guint
v21_scene_n_pages (V21Workshop         *workshop,
                   const V21SceneState *state,
                   double               width,
                   double               height)
{
  V21SceneContext s = { 0 };
  guint n_pages;

  g_return_val_if_fail (V21_IS_WORKSHOP (workshop), 1);
  g_return_val_if_fail (state != NULL, 1);
  if (state->scene != V21_SCENE_BOARD)
    return 1;
  init_scene (&s, workshop, state, NULL, width, height, FALSE);
  n_pages = v21_board_scene_n_pages (&s);
  clear_scene (&s);
  return n_pages;
}

V21Record *
v21_scene_default_round (V21Workshop *workshop,
                         V21Record   *sequence)
{
  GListModel *rounds = G_LIST_MODEL (v21_workshop_get_collection (workshop, "vote_rounds"));
  guint n = g_list_model_get_n_items (rounds);
  V21Record *last = NULL;

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(V21Record) round = g_list_model_get_item (rounds, i - 1);

      if (last == NULL)
        last = round;
      if (sequence && g_strcmp0 (v21_text (round, "sequence"), v21_record_get_id (sequence)) == 0)
        return round;
    }
  return last;
}

/* test-projector-scene.c — the projector's scenes, drawn offscreen at 1920×1080
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "fixture.h"
#include "v21-projector-scene.h"
#include "v21-render-style.h"
#include "v21-render-text.h"
#include "v21-votes.h"

#define WIDTH 1920
#define HEIGHT 1080

static cairo_surface_t *
render (V21Workshop         *workshop,
        const V21SceneState *state,
        gboolean             dark)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  v21_render_scene (workshop, state, cr, WIDTH, HEIGHT, dark);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);

  return *(guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4) & 0xffffff;
}

/* Pixels that differ between two pictures of the same size. */
static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b)
{
  guint n = 0;

  for (int y = 0; y < HEIGHT; y += 2)
    for (int x = 0; x < WIDTH; x += 2)
      n += pixel_at (a, x, y) != pixel_at (b, x, y);
  return n;
}

static void
test_sizes (void)
{
  V21ProjectorSizes sizes;

  v21_projector_sizes (1080, &sizes);
  g_assert_cmpfloat (sizes.body, >=, 1080.0 / 28);
  g_assert_cmpfloat (sizes.body, <, 40);
  g_assert_cmpfloat (sizes.heading, >, sizes.body);
  g_assert_cmpfloat (sizes.title, >, sizes.heading);
  g_assert_cmpfloat (sizes.timer, >, sizes.title);

  v21_projector_sizes (720, &sizes);
  g_assert_cmpfloat (sizes.body, >=, 720.0 / 28);
  g_assert_cmpfloat (sizes.body, <, 1080.0 / 28);
}

static double
luminance (const char *color)
{
  V21Rgba rgba;
  double channels[3];

  g_assert_true (v21_render_parse_color (color, &rgba));
  channels[0] = rgba.red;
  channels[1] = rgba.green;
  channels[2] = rgba.blue;
  for (int i = 0; i < 3; i++)
    channels[i] = channels[i] <= 0.03928 ? channels[i] / 12.92 : pow ((channels[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
}

static double
contrast (const char *a,
          const char *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static void
test_contrast (void)
{
  for (int dark = 0; dark < 2; dark++)
    {
      const char *background, *foreground, *warning;

      v21_projector_colors (dark, &background, &foreground, &warning);
      g_assert_cmpfloat (contrast (background, foreground), >=, 7);
      g_assert_cmpfloat (contrast (background, warning), >=, 7);
    }
}

static void
test_black (void)
{
  g_autoptr(V21Workshop) workshop = fixture_load_demo ();
  V21SceneState state = { .scene = V21_SCENE_BLACK };

  for (int dark = 0; dark < 2; dark++)
    {
      cairo_surface_t *surface = render (workshop, &state, dark);

      for (int y = 0; y < HEIGHT; y += 7)
        for (int x = 0; x < WIDTH; x += 7)
          g_assert_cmphex (pixel_at (surface, x, y), ==, 0);
      cairo_surface_destroy (surface);
    }
}

/* V21_SCENE_PNG_DIR=/tmp/x keeps the pictures at 1920×1080 and 1280×720,
 * to look at them. */
static void
save_if_asked (V21Workshop         *workshop,
               const V21SceneState *state,
               gboolean             dark)
{
  static const int heights[] = { 1080, 720 };
  const char *dir = g_getenv ("V21_SCENE_PNG_DIR");

  for (guint i = 0; dir != NULL && i < G_N_ELEMENTS (heights); i++)
    {
      int width = heights[i] * 16 / 9;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, heights[i]);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *name = g_strdup_printf ("%s-%d-%s.png", v21_scene_to_string (state->scene),
                                               heights[i], dark ? "dark" : "light");
      g_autofree char *path = g_build_filename (dir, name, NULL);

      v21_render_scene (workshop, state, cr, width, heights[i], dark);
      cairo_destroy (cr);
      cairo_surface_write_to_png (surface, path);
      cairo_surface_destroy (surface);
    }
}

/* Each scene draws something on its background, in both styles. */
static void
test_every_scene (void)
{
  g_autoptr(V21Workshop) workshop = fixture_load_demo ();
  g_autoptr(V21Record) card = g_list_model_get_item (G_LIST_MODEL (v21_workshop_get_collection (workshop, "cards")), 0);
  V21Record *sequence = v21_workshop_lookup (workshop, v21_record_get_string (card, "sequence"));
  V21SceneState state = { .sequence = sequence, .timer_text = "12:34" };

  /* V21_SCENE_SEQUENCE=ID shows another sequence in the kept pictures. */
  if (g_getenv ("V21_SCENE_SEQUENCE") != NULL)
    state.sequence = v21_workshop_lookup (workshop, g_getenv ("V21_SCENE_SEQUENCE"));
  g_assert_nonnull (state.sequence);
  state.round = v21_scene_default_round (workshop, state.sequence);
  g_assert_nonnull (state.round);
  for (V21Scene scene = 0; scene < V21_SCENE_BLACK; scene++)
    for (int dark = 0; dark < 2; dark++)
      {
        V21SceneState blank = { .scene = V21_SCENE_BLACK };
        cairo_surface_t *surface, *black;

        state.scene = scene;
        surface = render (workshop, &state, dark);
        save_if_asked (workshop, &state, dark);
        black = render (workshop, &blank, dark);
        g_assert_cmpuint (count_differences (surface, black), >, 1000);
        cairo_surface_destroy (surface);
        cairo_surface_destroy (black);
      }
}

/* A hidden round shows its targets and no bar: revealing it adds the bars. */
static void
test_hidden_votes (void)
{
  g_autoptr(V21Workshop) workshop = fixture_load_demo ();
  g_autoptr(GError) error = NULL;
  V21SceneState state = { .scene = V21_SCENE_VOTES };
  cairo_surface_t *hidden, *revealed, *hidden_again;
  g_autoptr(V21VoteResults) results = NULL;

  state.round = v21_scene_default_round (workshop, NULL);
  results = v21_vote_results_new (workshop, state.round);
  g_assert_cmpint (results->total, >, 0);
  v21_vote_round_reveal (workshop, state.round, FALSE, &error);
  g_assert_no_error (error);
  hidden = render (workshop, &state, FALSE);
  v21_vote_round_reveal (workshop, state.round, TRUE, &error);
  g_assert_no_error (error);
  revealed = render (workshop, &state, FALSE);
  v21_vote_round_reveal (workshop, state.round, FALSE, &error);
  g_assert_no_error (error);
  hidden_again = render (workshop, &state, FALSE);

  g_assert_cmpuint (count_differences (hidden, revealed), >, 5000);
  g_assert_cmpuint (count_differences (hidden, hidden_again), ==, 0);
  cairo_surface_destroy (hidden);
  cairo_surface_destroy (revealed);
  cairo_surface_destroy (hidden_again);
}

/* The texts @state shows at @width × @height: none cut with "…", none
 * past the screen's edge. */
static void
assert_texts_whole (V21Workshop         *workshop,
                    const V21SceneState *state,
                    int                  width,
                    int                  height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) texts = NULL;

  v21_render_text_record_start ();
  v21_render_scene (workshop, state, cr, width, height, FALSE);
  texts = v21_render_text_record_stop ();
  g_assert_cmpuint (texts->len, >, 0);
  for (guint i = 0; i < texts->len; i++)
    {
      const V21ShownText *text = &g_array_index (texts, V21ShownText, i);

      if (text->ellipsized)
        g_test_message ("%s, %d×%d: cut: %s", v21_scene_to_string (state->scene), width, height, text->text);
      g_assert_false (text->ellipsized);
      g_assert_cmpfloat (text->box.x, >=, -0.5);
      g_assert_cmpfloat (text->box.x + text->box.width, <=, width + 0.5);
      g_assert_cmpfloat (text->box.y + text->box.height, <=, height + 0.5);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The demo's scenes at 1280×720 and 1920×1080, and vote targets of 120
 * characters: their texts whole ("…alimentation à r…" no more). */
static void
test_texts_whole (void)
{
  g_autoptr(V21Workshop) workshop = fixture_load_demo ();
  V21Collection *rounds = v21_workshop_get_collection (workshop, "vote_rounds");
  V21Collection *cards = v21_workshop_get_collection (workshop, "cards");
  const int sizes[][2] = { { 1280, 720 }, { 1920, 1080 } };
  const V21Scene scenes[] = { V21_SCENE_TITLE, V21_SCENE_SEQUENCE, V21_SCENE_DIAGRAM, V21_SCENE_HEAT_MAP };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < v21_collection_get_n (cards); i++)
    {
      V21Record *card = v21_collection_get (cards, i);

      if (i % 3 == 0)
        g_assert_true (v21_workshop_set (workshop, card, "text", json_object_new_string (
          "Une alimentation à rayonnement local pour les cantines, les épiceries et les marchés "
          "de tous les bourgs"), &error));
    }
  g_assert_no_error (error);
  for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
    {
      for (guint k = 0; k < G_N_ELEMENTS (scenes); k++)
        {
          V21SceneState state = { .scene = scenes[k] };

          state.sequence = v21_collection_get (v21_workshop_get_collection (workshop, "sequences"), 0);
          assert_texts_whole (workshop, &state, sizes[z][0], sizes[z][1]);
        }
      for (guint r = 0; r < v21_collection_get_n (rounds); r++)
        for (int revealed = 0; revealed < 2; revealed++)
          {
            V21SceneState state = { .scene = V21_SCENE_VOTES, .round = v21_collection_get (rounds, r) };

            v21_vote_round_reveal (workshop, state.round, revealed, &error);
            g_assert_no_error (error);
            assert_texts_whole (workshop, &state, sizes[z][0], sizes[z][1]);
          }
    }
}

/* Every card of a board too full for one screen is on exactly one of its
 * pages (read back from a PDF of the pages). */
static void
test_board_pages (void)
{
  g_autoptr(V21Workshop) workshop = fixture_load_demo ();
  V21SceneState state = { .scene = V21_SCENE_BOARD };
  V21Collection *cards = v21_workshop_get_collection (workshop, "cards");
  g_autofree char *dir = g_dir_make_tmp ("v21-board-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "board.pdf", NULL);
  g_autofree char *command = g_strdup_printf ("pdftotext -raw -enc UTF-8 '%s' -", path);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *flat = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages, shown = 0;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed (poppler-utils, see scripts/setup.sh)");
      return;
    }
  /* The synthesis: its clusters gather the 47 cards captured in T1. */
  state.sequence = v21_workshop_lookup (workshop, "seq-d1-05");
  n_pages = v21_scene_n_pages (workshop, &state, WIDTH, HEIGHT);
  g_assert_cmpuint (n_pages, >, 1);
  surface = cairo_pdf_surface_create (path, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  for (state.page = 0; state.page < n_pages; state.page++)
    {
      v21_render_scene (workshop, &state, cr, WIDTH, HEIGHT, FALSE);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  text = fixture_run (command);
  flat = fixture_squeeze (text);

  for (guint i = 0; i < v21_collection_get_n (cards); i++)
    {
      V21Record *card = v21_collection_get (cards, i);
      V21Record *cluster = v21_workshop_lookup (workshop, v21_record_get_string (card, "cluster"));
      g_autofree char *start = fixture_squeeze (v21_record_get_string (card, "text"));
      const char *found;

      if (cluster == NULL || g_strcmp0 (v21_record_get_string (cluster, "sequence"), "seq-d1-05") != 0)
        continue;
      start[MIN (strlen (start), 24)] = '\0';
      found = strstr (flat, start);
      if (found == NULL || strstr (found + 1, start) != NULL)
        g_error ("the card “%s” is not shown exactly once", v21_record_get_string (card, "text"));
      shown++;
    }
  g_assert_cmpuint (shown, ==, 49);
  g_remove (path);
  g_rmdir (dir);
}

/* A small board is one page; a page past the last shows the last; a card
 * captured appears on the board. */
static void
test_board_updates (void)
{
  g_autoptr(V21Workshop) workshop = fixture_load_demo ();
  g_autoptr(GError) error = NULL;
  V21SceneState state = { .scene = V21_SCENE_BOARD };
  V21SceneState past = { .scene = V21_SCENE_BOARD, .page = 3 };
  cairo_surface_t *before, *after, *shifted;
  json_object *fields = json_object_new_object ();

  state.sequence = past.sequence = v21_workshop_lookup (workshop, "seq-d2-07");
  g_assert_cmpuint (v21_scene_n_pages (workshop, &state, WIDTH, HEIGHT), ==, 1);
  before = render (workshop, &state, FALSE);
  shifted = render (workshop, &past, FALSE);
  g_assert_cmpuint (count_differences (before, shifted), ==, 0);

  json_object_object_add (fields, "text", json_object_new_string ("Une maison de santé à Marcillé"));
  json_object_object_add (fields, "sequence", json_object_new_string ("seq-d2-07"));
  json_object_object_add (fields, "kind", json_object_new_string ("idea"));
  g_assert_nonnull (v21_workshop_insert (workshop, "cards", -1, fields, &error));
  g_assert_no_error (error);
  after = render (workshop, &state, FALSE);
  g_assert_cmpuint (count_differences (before, after), >, 1000);
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
  cairo_surface_destroy (shifted);
}

/* Sets @field of the record @id (NULL: the workshop) to @text. */
static void
set_text (V21Workshop *workshop,
          const char  *id,
          const char  *field,
          const char  *text)
{
  g_autoptr(GError) error = NULL;

  V21Record *record = id != NULL ? v21_workshop_lookup (workshop, id) : v21_workshop_get_root (workshop);

  g_assert_nonnull (record);
  v21_workshop_set (workshop, record, field, json_object_new_string (text), &error);
  g_assert_no_error (error);
}

/* The text of every scene, read back from a PDF of them. */
static char *
scenes_text (V21Workshop   *workshop,
             V21SceneState *states,
             guint          n_states)
{
  g_autofree char *dir = g_dir_make_tmp ("v21-consent-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "scenes.pdf", NULL);
  g_autofree char *command = g_strdup_printf ("pdftotext -raw -enc UTF-8 '%s' -", path);
  g_autofree char *text = NULL;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < n_states; i++)
    {
      v21_render_scene (workshop, &states[i], cr, WIDTH, HEIGHT, FALSE);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  text = fixture_run (command);
  g_remove (path);
  g_rmdir (dir);
  return fixture_squeeze (text);
}

/* The room never reads the name of someone who did not consent, wherever
 * the facilitator typed it: the workshop's title, a sequence's instructions,
 * a card on the board, a vote round and its targets, a cluster in the
 * revealed results, a milestone, a challenge of the heat map. Their label is
 * shown instead; the names of those who consented stay. */
static void
test_consent (void)
{
  g_autoptr(V21Workshop) workshop = fixture_load_demo ();
  g_autoptr(GError) error = NULL;
  json_object *fields = json_object_new_object ();
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  static const char * const hidden[] = { "pouvreau", "ouali", "audebert", "suire", "guilbaud", NULL };
  V21SceneState states[] = {
    { .scene = V21_SCENE_TITLE },
    { .scene = V21_SCENE_SEQUENCE },
    { .scene = V21_SCENE_BOARD },
    { .scene = V21_SCENE_VOTES },
    { .scene = V21_SCENE_VOTES },
    { .scene = V21_SCENE_DIAGRAM, .scenario_id = "sc1" },
    { .scene = V21_SCENE_HEAT_MAP },
  };

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed (poppler-utils, see scripts/setup.sh)");
      return;
    }
  set_text (workshop, NULL, "title", "Atelier de Gérard Pouvreau");
  set_text (workshop, "seq-d2-07", "instructions", "Mme Ouali présente les trajectoires.");
  json_object_object_add (fields, "text", json_object_new_string ("Idée de Jeanne Audebert et de Cédric Large"));
  json_object_object_add (fields, "sequence", json_object_new_string ("seq-d2-07"));
  json_object_object_add (fields, "kind", json_object_new_string ("idea"));
  g_assert_nonnull (v21_workshop_insert (workshop, "cards", -1, fields, &error));
  g_assert_no_error (error);
  set_text (workshop, "vr2", "title", "Pistes proposées par A. SUIRE");
  set_text (workshop, "c122", "text", "La commission de l’eau de Monique Guilbaud");
  set_text (workshop, "cl01", "name", "L’eau selon M. Pouvreau");
  set_text (workshop, "pt01", "label", "Agenda 21 de Gérard Pouvreau");
  set_text (workshop, "c051", "text", "Défi de Fatima Ouali : l’eau rare");
  states[1].sequence = states[2].sequence = v21_workshop_lookup (workshop, "seq-d2-07");
  states[3].round = v21_workshop_lookup (workshop, "vr2");
  states[4].round = v21_workshop_lookup (workshop, "vr1");
  g_assert_true (v21_record_get_bool (states[4].round, "revealed"));

  text = scenes_text (workshop, states, G_N_ELEMENTS (states));
  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; hidden[i] != NULL; i++)
    if (strstr (folded, hidden[i]) != NULL)
      g_error ("the projector shows “%s”, who did not consent:\n%s", hidden[i], text);
  /* Gérard Pouvreau is the only "habitants" of table 1: a number only
   * (pdftotext writes accents apart: the fragments have none). */
  g_assert_nonnull (strstr (text, "AtelierdeParticipant9"));
  g_assert_nonnull (strstr (text, "Participant14pr"));
  g_assert_nonnull (strstr (text, "deParticipant21etdeC"));
  g_assert_nonnull (strstr (text, "dricLarge"));
  g_assert_nonnull (strstr (text, "parParticipant27"));
  g_assert_nonnull (strstr (text, "deParticipant33"));
  g_assert_nonnull (strstr (text, "selonParticipant9"));
  g_assert_nonnull (strstr (text, "Agenda21deParticipant9"));
  g_assert_nonnull (strstr (text, "deParticipant14:"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/projector/sizes", test_sizes);
  g_test_add_func ("/render/projector/contrast", test_contrast);
  g_test_add_func ("/render/projector/black", test_black);
  g_test_add_func ("/render/projector/every-scene", test_every_scene);
  g_test_add_func ("/render/projector/hidden-votes", test_hidden_votes);
  g_test_add_func ("/render/projector/texts-whole", test_texts_whole);
  g_test_add_func ("/render/projector/board-pages", test_board_pages);
  g_test_add_func ("/render/projector/board-updates", test_board_updates);
  g_test_add_func ("/render/projector/consent", test_consent);
  return g_test_run ();
}

/* test-wall.c — the board's wall: columns per cluster, tiles in the kind's colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fixture.h"
#include "v21-render-text.h"
#include "v21-wall.h"

static V21Wall *
demo_wall (V21Workshop *workshop)
{
  PangoContext *pango = v21_render_text_context ();
  V21RenderStyle style;
  V21Wall *wall;

  v21_render_style_init (&style, V21_RENDER_SCREEN, FALSE);
  wall = v21_wall_new (workshop, G_LIST_MODEL (v21_workshop_get_collection (workshop, "cards")), pango, &style, NULL);
  g_object_unref (pango);
  return wall;
}

/* A column per cluster, in the workshop's order, then the cards out of any
 * cluster, then the new-cluster column. */
static void
test_columns (void)
{
  g_autoptr(V21Workshop) workshop = fixture_load_demo ();
  V21Wall *wall = demo_wall (workshop);
  guint column, index;

  g_assert_cmpuint (v21_wall_get_n_columns (wall), ==, 16 + 2);
  g_assert_cmpstr (v21_record_get_id (v21_wall_column_cluster (wall, 0)), ==, "cl01");
  g_assert_cmpuint (v21_wall_column_n_cards (wall, 0), ==, 4);
  g_assert_cmpstr (v21_record_get_id (v21_wall_get_card (wall, 0, 1)), ==, "c009");
  g_assert_null (v21_wall_column_cluster (wall, 16));
  g_assert_false (v21_wall_column_is_new (wall, 16));
  g_assert_cmpuint (v21_wall_column_n_cards (wall, 16), ==, 45);
  g_assert_true (v21_wall_column_is_new (wall, 17));
  g_assert_cmpuint (v21_wall_column_n_cards (wall, 17), ==, 0);
  g_assert_true (v21_wall_find (wall, v21_workshop_lookup (workshop, "c045"), &column, &index));
  g_assert_cmpuint (column, ==, 0);
  g_assert_cmpuint (index, ==, 3);
  v21_wall_free (wall);
}

/* The tile under a point is the one drawn there; between columns, none. */
static void
test_hit (void)
{
  g_autoptr(V21Workshop) workshop = fixture_load_demo ();
  V21Wall *wall = demo_wall (workshop);
  cairo_rectangle_t tile, next;

  v21_wall_get_tile (wall, 1, 2, &tile);
  v21_wall_get_tile (wall, 2, 0, &next);
  g_assert_cmpfloat (next.x, >, tile.x + tile.width);
  g_assert_true (v21_wall_card_at (wall, tile.x + 5, tile.y + tile.height / 2) == v21_wall_get_card (wall, 1, 2));
  g_assert_null (v21_wall_card_at (wall, (tile.x + tile.width + next.x) / 2, tile.y + 5));
  g_assert_cmpuint (v21_wall_column_at (wall, next.x + 3), ==, 2);
  v21_wall_free (wall);
}

/* An issue's tile is blue, a threat's red (the board's CSS colours). */
static void
test_colours (void)
{
  g_autoptr(V21Workshop) workshop = fixture_load_demo ();
  V21Wall *wall = demo_wall (workshop);
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  V21WallState state = { 0 };
  cairo_rectangle_t visible, tile;
  guint threats = 9;   /* "Menaces sur les ressources vitales…" (cl10) */
  unsigned char *pixel;

  v21_wall_get_size (wall, &width, &height);
  visible = (cairo_rectangle_t) { 0, 0, width, height };
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cr = cairo_create (surface);
  v21_wall_draw (wall, cr, &visible, &state);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* A pixel near the bottom right corner of a tile: no text there. */
  v21_wall_get_tile (wall, 0, 0, &tile);
  pixel = cairo_image_surface_get_data (surface) + (int) (tile.y + tile.height - 3) * cairo_image_surface_get_stride (surface)
          + (int) (tile.x + tile.width - 8) * 4;
  g_assert_cmpuint (pixel[2], ==, 0x35);   /* #3584e4, BGRA in memory */
  g_assert_cmpuint (pixel[1], ==, 0x84);
  g_assert_cmpuint (pixel[0], ==, 0xe4);
  g_assert_cmpstr (v21_record_get_string (v21_wall_get_card (wall, threats, 0), "kind"), ==, "threat");
  v21_wall_get_tile (wall, threats, 0, &tile);
  pixel = cairo_image_surface_get_data (surface) + (int) (tile.y + tile.height - 3) * cairo_image_surface_get_stride (surface)
          + (int) (tile.x + tile.width - 8) * 4;
  g_assert_cmpuint (pixel[2], ==, 0xe0);   /* #e01b24 */
  g_assert_cmpuint (pixel[1], ==, 0x1b);
  g_assert_cmpuint (pixel[0], ==, 0x24);
  cairo_surface_destroy (surface);
  v21_wall_free (wall);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/wall/columns", test_columns);
  g_test_add_func ("/render/wall/hit", test_hit);
  g_test_add_func ("/render/wall/colours", test_colours);
  return g_test_run ();
}

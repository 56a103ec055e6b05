/* v21-label-placer.c — labels that never overlap each other or the markers
 *
 * A greedy placer with collision tests on a uniform grid of buckets, so a
 * diagram with hundreds of labels costs what is near each label.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "v21-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include "v21-label-placer.h"

#define MAX_RINGS 32

typedef struct
{
  cairo_rectangle_t box;
  gboolean          soft;
} Obstacle;

typedef struct
{
  double   x0;
  double   y0;
  double   x1;
  double   y1;
  gboolean leader;   /* a placed label's leader: no other label covers it */
} Line;

struct _V21LabelPlacer
{
  cairo_rectangle_t bounds;
  double            gap;
  double            max_distance;
  double            window;
  GArray           *obstacles;   /* Obstacle */
  GArray           *lines;       /* Line */
  GArray          **line_cells;  /* indices of lines, per cell */
  guint            *line_seen;
  guint             line_seen_size;
  guint             line_stamp;
  double            cell;
  int               columns;
  int               rows;
  GArray          **cells;       /* indices of hard obstacles, per cell */
  GArray          **soft_cells;  /* and of soft ones: tested only when needed */
  guint             stamp;       /* avoids testing one obstacle twice */
  guint            *seen;
  guint             seen_size;
  double            failed[8];   /* the last place that found no room: anchor, marker, size */
  double            failed_reach;/* within this distance */
  guint             failed_obstacles;
  guint             failed_lines;
  double            taken;       /* every position up to this distance is known taken */
  GPtrArray        *far_lists;   /* FarList*: the far positions of the sizes asked lately */
};

/* Numbers all have one size and markers a few: their far positions, sorted
 * once, serve every number. */
#define MAX_FAR_LISTS 16

typedef struct
{
  double  key[9];   /* the Extents, the reach and the window */
  GArray *list;
} FarList;

static void
far_list_free (FarList *far)
{
  g_array_unref (far->list);
  g_free (far);
}

V21LabelPlacer *
v21_label_placer_new (const cairo_rectangle_t *bounds,
                      double                   gap)
{
  V21LabelPlacer *self = g_new0 (V21LabelPlacer, 1);

  self->bounds = *bounds;
  self->gap = MAX (gap, 0);
  self->max_distance = G_MAXDOUBLE;
  self->window = G_MAXDOUBLE;
  self->failed_reach = -1;
  self->obstacles = g_array_new (FALSE, FALSE, sizeof (Obstacle));
  self->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  self->far_lists = g_ptr_array_new_with_free_func ((GDestroyNotify) far_list_free);
  self->cell = MAX (16.0, MAX (bounds->width, bounds->height) / 64.0);
  self->columns = CLAMP ((int) ceil (bounds->width / self->cell), 1, 256);
  self->rows = CLAMP ((int) ceil (bounds->height / self->cell), 1, 256);
  self->cells = g_new0 (GArray *, self->columns * self->rows);
  self->soft_cells = g_new0 (GArray *, self->columns * self->rows);
  self->line_cells = g_new0 (GArray *, self->columns * self->rows);
  return self;
}

void
v21_label_placer_free (V21LabelPlacer *self)
{
  if (self == NULL)
    return;
  for (int i = 0; i < self->columns * self->rows; i++)
    {
      if (self->cells[i] != NULL)
        g_array_unref (self->cells[i]);
      if (self->soft_cells[i] != NULL)
        g_array_unref (self->soft_cells[i]);
      if (self->line_cells[i] != NULL)
        g_array_unref (self->line_cells[i]);
    }
  g_free (self->cells);
  g_free (self->soft_cells);
  g_free (self->line_cells);
  g_free (self->seen);
  g_free (self->line_seen);
  g_array_unref (self->obstacles);
  g_array_unref (self->lines);
  g_ptr_array_unref (self->far_lists);
  g_free (self);
}

void
v21_label_placer_set_max_distance (V21LabelPlacer *self,
                                   double          distance)
{
  g_return_if_fail (self != NULL);
  self->max_distance = distance > 0 ? distance : G_MAXDOUBLE;
}

void
v21_label_placer_set_window (V21LabelPlacer *self,
                             double          distance)
{
  g_return_if_fail (self != NULL);
  self->window = distance >= 0 ? distance : G_MAXDOUBLE;
}

gboolean
v21_rectangles_overlap (const cairo_rectangle_t *a,
                        const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
      && a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
cell_range (V21LabelPlacer          *self,
            const cairo_rectangle_t *box,
            int                     *c0,
            int                     *c1,
            int                     *r0,
            int                     *r1)
{
  *c0 = CLAMP ((int) floor ((box->x - self->bounds.x) / self->cell), 0, self->columns - 1);
  *c1 = CLAMP ((int) floor ((box->x + box->width - self->bounds.x) / self->cell), 0, self->columns - 1);
  *r0 = CLAMP ((int) floor ((box->y - self->bounds.y) / self->cell), 0, self->rows - 1);
  *r1 = CLAMP ((int) floor ((box->y + box->height - self->bounds.y) / self->cell), 0, self->rows - 1);
}

void
v21_label_placer_add_obstacle (V21LabelPlacer          *self,
                               const cairo_rectangle_t *box,
                               gboolean                 soft)
{
  Obstacle obstacle = { *box, soft };
  guint index = self->obstacles->len;
  int c0, c1, r0, r1;

  g_return_if_fail (self != NULL && box != NULL);

  g_array_append_val (self->obstacles, obstacle);
  cell_range (self, box, &c0, &c1, &r0, &r1);
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        GArray **cell = &(soft ? self->soft_cells : self->cells)[r * self->columns + c];

        if (*cell == NULL)
          *cell = g_array_new (FALSE, FALSE, sizeof (guint));
        g_array_append_val (*cell, index);
      }
}

static void
add_line (V21LabelPlacer *self,
          const Line     *line)
{
  cairo_rectangle_t span = { MIN (line->x0, line->x1), MIN (line->y0, line->y1),
                             fabs (line->x1 - line->x0), fabs (line->y1 - line->y0) };
  guint index = self->lines->len;
  int c0, c1, r0, r1;

  g_array_append_val (self->lines, *line);
  cell_range (self, &span, &c0, &c1, &r0, &r1);
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        GArray **cell = &self->line_cells[r * self->columns + c];

        if (*cell == NULL)
          *cell = g_array_new (FALSE, FALSE, sizeof (guint));
        g_array_append_val (*cell, index);
      }
}

void
v21_label_placer_add_line (V21LabelPlacer *self,
                           double          x0,
                           double          y0,
                           double          x1,
                           double          y1)
{
  Line line = { x0, y0, x1, y1, FALSE };

  g_return_if_fail (self != NULL);
  add_line (self, &line);
}

/* Whether @box hits an obstacle of @cells. */
static gboolean
hits_in (V21LabelPlacer          *self,
         GArray                 **cells,
         const cairo_rectangle_t *box)
{
  int c0, c1, r0, r1;

  if (self->seen_size < self->obstacles->len || self->stamp == G_MAXUINT)
    {
      self->seen_size = MAX (self->obstacles->len * 2, 64);
      g_free (self->seen);
      self->seen = g_new0 (guint, self->seen_size);
      self->stamp = 0;
    }
  self->stamp++;
  cell_range (self, box, &c0, &c1, &r0, &r1);
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        GArray *cell = cells[r * self->columns + c];

        for (guint i = 0; cell != NULL && i < cell->len; i++)
          {
            guint index = g_array_index (cell, guint, i);

            if (self->seen[index] == self->stamp)
              continue;
            self->seen[index] = self->stamp;
            if (v21_rectangles_overlap (box, &g_array_index (self->obstacles, Obstacle, index).box))
              return TRUE;
          }
      }
  return FALSE;
}

enum
{
  HIT_HARD = 1 << 0,
  HIT_SOFT = 1 << 1,
};

/* What @box (grown by the gap) hits: a hard obstacle, else a soft one, or
 * nothing. */
static guint
collides (V21LabelPlacer          *self,
          const cairo_rectangle_t *box)
{
  cairo_rectangle_t grown = { box->x - self->gap, box->y - self->gap,
                              box->width + 2 * self->gap, box->height + 2 * self->gap };

  if (hits_in (self, self->cells, &grown))
    return HIT_HARD;
  return hits_in (self, self->soft_cells, &grown) ? HIT_SOFT : 0;
}

static gboolean
inside (V21LabelPlacer          *self,
        const cairo_rectangle_t *box)
{
  return box->x >= self->bounds.x && box->y >= self->bounds.y
      && box->x + box->width <= self->bounds.x + self->bounds.width
      && box->y + box->height <= self->bounds.y + self->bounds.height;
}

/* Liang–Barsky. */
gboolean
v21_segment_crosses_rectangle (const cairo_rectangle_t *box,
                 double                   x0,
                 double                   y0,
                 double                   x1,
                 double                   y1)
{
  double dx = x1 - x0, dy = y1 - y0, t0 = 0, t1 = 1;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { x0 - box->x, box->x + box->width - x0, y0 - box->y, box->y + box->height - y0 };

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      if (p[i] < 0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

/* Whether the leader from the anchor (@ax, @ay) to (@x1, @y1) crosses a
 * placed label or a marker other than the anchor's own: a leader line should
 * not run under another label. */
static gboolean
leader_crosses (V21LabelPlacer *self,
                double          ax,
                double          ay,
                double          x1,
                double          y1)
{
  cairo_rectangle_t span = { MIN (ax, x1), MIN (ay, y1), fabs (x1 - ax), fabs (y1 - ay) };
  int c0, c1, r0, r1;

  cell_range (self, &span, &c0, &c1, &r0, &r1);
  self->stamp++;
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        GArray *cell = self->cells[r * self->columns + c];

        for (guint i = 0; cell != NULL && i < cell->len; i++)
          {
            guint index = g_array_index (cell, guint, i);
            const cairo_rectangle_t *b = &g_array_index (self->obstacles, Obstacle, index).box;

            if (self->seen[index] == self->stamp)
              continue;
            self->seen[index] = self->stamp;
            if (ax >= b->x && ax <= b->x + b->width && ay >= b->y && ay <= b->y + b->height)
              continue;   /* the anchor's own marker */
            if (v21_segment_crosses_rectangle (b, ax, ay, x1, y1))
              return TRUE;
          }
      }
  return FALSE;
}

static double
cross (double ax, double ay, double bx, double by, double cx, double cy)
{
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/* Whether the segments (a, b) and (c, d) cross (touching ends count). */
static gboolean
segments_cross (double ax, double ay, double bx, double by,
                double cx, double cy, double dx, double dy)
{
  double d1 = cross (cx, cy, dx, dy, ax, ay), d2 = cross (cx, cy, dx, dy, bx, by);
  double d3 = cross (ax, ay, bx, by, cx, cy), d4 = cross (ax, ay, bx, by, dx, dy);

  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
    return TRUE;
  return FALSE;
}

/* The lines near @span, each once: calls @test until it says TRUE. */
static gboolean
any_line (V21LabelPlacer          *self,
          const cairo_rectangle_t *span,
          gboolean               (*test) (const Line *, const double *),
          const double            *data)
{
  int c0, c1, r0, r1;

  if (self->line_seen_size < self->lines->len || self->line_stamp == G_MAXUINT)
    {
      self->line_seen_size = MAX (self->lines->len * 2, 64);
      g_free (self->line_seen);
      self->line_seen = g_new0 (guint, self->line_seen_size);
      self->line_stamp = 0;
    }
  self->line_stamp++;
  cell_range (self, span, &c0, &c1, &r0, &r1);
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        GArray *cell = self->line_cells[r * self->columns + c];

        for (guint i = 0; cell != NULL && i < cell->len; i++)
          {
            guint index = g_array_index (cell, guint, i);

            if (self->line_seen[index] == self->line_stamp)
              continue;
            self->line_seen[index] = self->line_stamp;
            if (test (&g_array_index (self->lines, Line, index), data))
              return TRUE;
          }
      }
  return FALSE;
}

static gboolean
line_crosses_segment (const Line   *line,
                      const double *s)
{
  return segments_cross (line->x0, line->y0, line->x1, line->y1, s[0], s[1], s[2], s[3]);
}

static gboolean
leader_in_box (const Line   *line,
               const double *b)
{
  cairo_rectangle_t box = { b[0], b[1], b[2], b[3] };

  return line->leader && v21_segment_crosses_rectangle (&box, line->x0, line->y0, line->x1, line->y1);
}

/* Whether the segment crosses a line (a curve or another leader). */
static gboolean
crosses_lines (V21LabelPlacer *self,
               double          x0,
               double          y0,
               double          x1,
               double          y1)
{
  cairo_rectangle_t span = { MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0), fabs (y1 - y0) };
  double segment[4] = { x0, y0, x1, y1 };

  return any_line (self, &span, line_crosses_segment, segment);
}

/* Whether @box covers a placed label's leader. */
static gboolean
covers_leader (V21LabelPlacer          *self,
               const cairo_rectangle_t *box)
{
  double b[4] = { box->x - self->gap, box->y - self->gap,
                  box->width + 2 * self->gap, box->height + 2 * self->gap };
  cairo_rectangle_t grown = { b[0], b[1], b[2], b[3] };

  return any_line (self, &grown, leader_in_box, b);
}

/* The point of @box nearest to (@x, @y). */
static void
nearest_on_box (const cairo_rectangle_t *box,
                double                   x,
                double                   y,
                double                  *bx,
                double                  *by)
{
  *bx = CLAMP (x, box->x, box->x + box->width);
  *by = CLAMP (y, box->y, box->y + box->height);
}

typedef struct
{
  double   dx;     /* box offset from the anchor */
  double   dy;
  double   cost;   /* distance from the anchor to the box */
  gboolean leader;
} Candidate;

/* How far the marker reaches from the anchor on each side. */
typedef struct
{
  double left;
  double right;
  double top;
  double bottom;
  double width;    /* of the label */
  double height;
  double gap;
} Extents;

/* Adds the position (@dx, @dy) unless it is further than @reach_max. */
static void
add_candidate_within (GArray        *list,
                      const Extents *e,
                      double         dx,
                      double         dy,
                      double         reach_max)
{
  double nx = CLAMP (0, dx, dx + e->width);
  double ny = CLAMP (0, dy, dy + e->height);
  /* Touching the marker (give or take half a line): no leader needed. */
  double reach = MAX (3 * e->gap, e->height * 0.5);
  gboolean touching = dx < e->right + reach && dx + e->width > -e->left - reach
                   && dy < e->bottom + reach && dy + e->height > -e->top - reach;
  Candidate candidate = { dx, dy, sqrt (nx * nx + ny * ny), !touching };

  if (candidate.cost <= reach_max)
    g_array_append_val (list, candidate);
}

static void
add_candidate (GArray        *list,
               const Extents *e,
               double         dx,
               double         dy)
{
  add_candidate_within (list, e, dx, dy, G_MAXDOUBLE);
}

static int
compare_cost (gconstpointer a,
              gconstpointer b)
{
  double ca = ((const Candidate *) a)->cost;
  double cb = ((const Candidate *) b)->cost;

  return ca < cb ? -1 : ca > cb;
}

/* The positions touching the marker: beside it, above and below it (centred
 * or starting at it), and at its corners. */
static GArray *
near_candidates (const Extents *e)
{
  GArray *list = g_array_sized_new (FALSE, FALSE, sizeof (Candidate), 16);
  double w = e->width, h = e->height, g = e->gap;
  double right = e->right + g, left = -e->left - g - w;
  double above = -e->top - g - h, below = e->bottom + g;
  const double offsets[][2] = {
    { right, -h / 2 }, { left, -h / 2 },
    { right, -h * 0.9 }, { right, -h * 0.1 }, { left, -h * 0.9 }, { left, -h * 0.1 },
    { -w / 2, above }, { -w / 2, below },
    { -w * 0.15, above }, { -w * 0.15, below }, { -w * 0.85, above }, { -w * 0.85, below },
    { right, above }, { right, below }, { left, above }, { left, below },
  };

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    add_candidate (list, e, offsets[i][0], offsets[i][1]);
  return list;
}

/* Further away, with a leader line: stacked above and below on either side,
 * in up to five columns, and straight above or below; nearest first, none
 * further than @reach_max (the walk would stop there) nor, along the time
 * axis, than @window (tier_of would refuse them wherever the anchor). */
static GArray *
far_candidates (const Extents *e,
                double         reach_max,
                double         window)
{
  GArray *list = g_array_sized_new (FALSE, FALSE, sizeof (Candidate), 12 * MAX_RINGS);
  double w = e->width, h = e->height, g = e->gap;
  double step = h / 2 + g;

  for (int column = 0; column < 5; column++)
    {
      double out = column * (w / 2 + 2 * g);

      if (column > 0 && MIN (e->right + g + out, e->left + g + out) > window)
        break;   /* both sides of this column and the next too far */
      for (int ring = 1; ring <= MAX_RINGS; ring++)
        {
          add_candidate_within (list, e, e->right + g + out, -h / 2 - ring * step, reach_max);
          add_candidate_within (list, e, e->right + g + out, -h / 2 + ring * step, reach_max);
          add_candidate_within (list, e, -e->left - g - out - w, -h / 2 - ring * step, reach_max);
          add_candidate_within (list, e, -e->left - g - out - w, -h / 2 + ring * step, reach_max);
          if (column == 0)
            {
              add_candidate_within (list, e, -w / 2, -e->top - g - h - ring * step, reach_max);
              add_candidate_within (list, e, -w / 2, e->bottom + g + ring * step, reach_max);
            }
        }
    }
  {
    guint kept = 0;

    for (guint i = 0; i < list->len; i++)
      {
        const Candidate *c = &g_array_index (list, Candidate, i);

        if (MAX (c->dx, -(c->dx + e->width)) <= window)
          g_array_index (list, Candidate, kept++) = *c;
      }
    g_array_set_size (list, kept);
  }
  g_array_sort (list, compare_cost);   /* stable: the order of before */
  return list;
}

/* far_candidates (@e, @reach_max), from the cache when asked before. */
static GArray *
cached_far_candidates (V21LabelPlacer *self,
                       const Extents  *e,
                       double          reach_max)
{
  double key[9] = { e->left, e->right, e->top, e->bottom, e->width, e->height, e->gap, reach_max, self->window };
  FarList *far;

  for (guint i = 0; i < self->far_lists->len; i++)
    {
      far = g_ptr_array_index (self->far_lists, i);
      if (memcmp (far->key, key, sizeof key) == 0)
        return g_array_ref (far->list);
    }
  far = g_new0 (FarList, 1);
  memcpy (far->key, key, sizeof key);
  far->list = far_candidates (e, reach_max, self->window);
  if (self->far_lists->len >= MAX_FAR_LISTS)
    g_ptr_array_remove_index (self->far_lists, 0);
  g_ptr_array_add (self->far_lists, far);
  return g_array_ref (far->list);
}

/* How good a free position is: clear of everything; over a path. */
enum
{
  TIER_CLEAR,
  TIER_OVER_PATH,
  N_TIERS,
  TIER_TAKEN = N_TIERS,
};

/* Where a leader from the anchor toward (@bx, @by) leaves the marker. */
static void
leader_start (const Extents *e,
              double         ax,
              double         ay,
              double         bx,
              double         by,
              double        *x,
              double        *y)
{
  double dx = bx - ax, dy = by - ay, t = 1;

  if (dx > 0)
    t = MIN (t, e->right / dx);
  else if (dx < 0)
    t = MIN (t, e->left / -dx);
  if (dy > 0)
    t = MIN (t, e->bottom / dy);
  else if (dy < 0)
    t = MIN (t, e->top / -dy);
  *x = ax + dx * t;
  *y = ay + dy * t;
}

/* Whether @box is too far from the anchor along the time axis. */
static gboolean
outside_window (V21LabelPlacer          *self,
                const cairo_rectangle_t *box,
                double                   anchor_x)
{
  double distance = MAX (box->x - anchor_x, anchor_x - (box->x + box->width));

  return distance > self->window;
}

/* The tier of @candidate, or TIER_TAKEN; fills @line with its leader. */
static int
tier_of (V21LabelPlacer  *self,
         const Candidate *candidate,
         const Extents   *e,
         double           anchor_x,
         double           anchor_y,
         Line            *line)
{
  cairo_rectangle_t box = { anchor_x + candidate->dx, anchor_y + candidate->dy, e->width, e->height };
  guint hits;
  double bx, by, sx, sy;

  if (!inside (self, &box) || outside_window (self, &box, anchor_x))
    return TIER_TAKEN;
  hits = collides (self, &box);
  if ((hits & HIT_HARD) || covers_leader (self, &box))
    return TIER_TAKEN;
  if (candidate->leader)
    {
      nearest_on_box (&box, anchor_x, anchor_y, &bx, &by);
      leader_start (e, anchor_x, anchor_y, bx, by, &sx, &sy);
      if (leader_crosses (self, anchor_x, anchor_y, bx, by) || crosses_lines (self, sx, sy, bx, by))
        return TIER_TAKEN;
      *line = (Line) { sx, sy, bx, by, TRUE };
    }
  return hits & HIT_SOFT ? TIER_OVER_PATH : TIER_CLEAR;
}

/* The first candidate of each tier in @list (-1 when none), with its leader.
 * The list goes nearest first, so the walk stops at the first clear one:
 * nothing after it could be preferred. */
static void
walk (V21LabelPlacer *self,
      GArray         *list,
      const Extents  *e,
      double          anchor_x,
      double          anchor_y,
      double          taken,
      int             first[N_TIERS],
      Line            lines[N_TIERS])
{
  for (int t = 0; t < N_TIERS; t++)
    first[t] = -1;
  for (guint i = 0; i < list->len; i++)
    {
      const Candidate *candidate = &g_array_index (list, Candidate, i);
      Line line = { 0 };
      int tier;

      if (candidate->cost > self->max_distance)
        return;
      if (candidate->cost <= taken)
        continue;   /* known taken: see v21_label_placer_place */
      tier = tier_of (self, candidate, e, anchor_x, anchor_y, &line);
      if (tier == TIER_TAKEN || first[tier] >= 0)
        continue;
      first[tier] = (int) i;
      lines[tier] = line;
      if (tier == TIER_CLEAR)
        return;
    }
}

gboolean
v21_label_placer_place (V21LabelPlacer          *self,
                        double                   anchor_x,
                        double                   anchor_y,
                        const cairo_rectangle_t *marker,
                        double                   width,
                        double                   height,
                        V21LabelPlacement       *placement)
{
  g_autoptr(GArray) near = NULL;
  g_autoptr(GArray) far = NULL;
  Extents e = { 0, 0, 0, 0, width, height, self->gap };
  int near_first[N_TIERS], far_first[N_TIERS] = { -1, -1 };
  Line near_lines[N_TIERS] = { { 0 } }, far_lines[N_TIERS] = { { 0 } };
  const Candidate *chosen = NULL;
  const Line *line = NULL;
  double close_by;

  g_return_val_if_fail (self != NULL && placement != NULL, FALSE);

  *placement = (V21LabelPlacement) { { anchor_x, anchor_y, width, height }, anchor_x, anchor_y,
                                     FALSE, FALSE, 0, 0, 0, 0 };
  if (width <= 0 || height <= 0)
    return FALSE;
  if (marker != NULL)
    {
      e.left = MAX (anchor_x - marker->x, 0);
      e.right = MAX (marker->x + marker->width - anchor_x, 0);
      e.top = MAX (anchor_y - marker->y, 0);
      e.bottom = MAX (marker->y + marker->height - anchor_y, 0);
    }

  /* Asked again, only further, with nothing placed since the last try
   * found no room: the far positions that try tested (all within its reach,
   * the list going nearest first) are taken still. */
  {
    double call[8] = { anchor_x, anchor_y, e.left, e.right, e.top, e.bottom, width, height };

    self->taken = -1;
    if (memcmp (call, self->failed, sizeof call) == 0
        && self->obstacles->len == self->failed_obstacles && self->lines->len == self->failed_lines
        && self->max_distance >= self->failed_reach)
      self->taken = self->failed_reach;
    memcpy (self->failed, call, sizeof call);
    self->failed_reach = -1;
  }
  /* Best a free spot by the marker; then one near it over a path rather
   * than far away; then anywhere free within reach, with a leader line. */
  near = near_candidates (&e);
  walk (self, near, &e, anchor_x, anchor_y, -1, near_first, near_lines);
#define NEAR(t) (near_first[t] >= 0 ? &g_array_index (near, Candidate, near_first[t]) : NULL)
#define FAR(t) (far_first[t] >= 0 ? &g_array_index (far, Candidate, far_first[t]) : NULL)
#define CHOOSE(c, l) (chosen = (c), line = (l))
  if (NEAR (TIER_CLEAR) != NULL)
    CHOOSE (NEAR (TIER_CLEAR), &near_lines[TIER_CLEAR]);
  else
    {
      far = cached_far_candidates (self, &e, self->max_distance);
      close_by = MAX (e.right, e.top) + 2.5 * height;
      walk (self, far, &e, anchor_x, anchor_y, self->taken, far_first, far_lines);
      if (FAR (TIER_CLEAR) != NULL && FAR (TIER_CLEAR)->cost <= close_by)
        CHOOSE (FAR (TIER_CLEAR), &far_lines[TIER_CLEAR]);
      else if (NEAR (TIER_OVER_PATH) != NULL)
        CHOOSE (NEAR (TIER_OVER_PATH), &near_lines[TIER_OVER_PATH]);
      else if (FAR (TIER_CLEAR) != NULL)
        CHOOSE (FAR (TIER_CLEAR), &far_lines[TIER_CLEAR]);
      else if (FAR (TIER_OVER_PATH) != NULL)
        CHOOSE (FAR (TIER_OVER_PATH), &far_lines[TIER_OVER_PATH]);
    }
#undef NEAR
#undef FAR
#undef CHOOSE
  if (chosen == NULL)
    {
      self->failed_reach = self->max_distance;
      self->failed_obstacles = self->obstacles->len;
      self->failed_lines = self->lines->len;
      return FALSE;
    }
  placement->box.x = anchor_x + chosen->dx;
  placement->box.y = anchor_y + chosen->dy;
  placement->placed = TRUE;
  placement->leader = chosen->leader;
  v21_label_placer_add_obstacle (self, &placement->box, FALSE);
  if (chosen->leader)
    {
      placement->leader_x0 = line->x0;
      placement->leader_y0 = line->y0;
      placement->leader_x1 = line->x1;
      placement->leader_y1 = line->y1;
      add_line (self, line);
    }
  return TRUE;
}

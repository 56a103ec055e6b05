/* v21-projector-scene.h — what the room sees: one scene drawn full screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

typedef enum
{
  V21_SCENE_TITLE,      /* workshop, territory, horizon */
  V21_SCENE_SEQUENCE,   /* title, instructions, the timer */
  V21_SCENE_BOARD,      /* the sequence's cards by cluster */
  V21_SCENE_VOTES,      /* the round's targets; results once revealed */
  V21_SCENE_DIAGRAM,    /* a trajectory diagram, or all of them */
  V21_SCENE_HEAT_MAP,   /* the robustness test */
  V21_SCENE_BLACK,
  V21_N_SCENES,
} V21Scene;

/* Plain data: what to draw. Records are borrowed. */
typedef struct
{
  V21Scene    scene;
  V21Record  *sequence;      /* nullable */
  V21Record  *round;         /* nullable: the sequence's last round, else the last */
  const char *scenario_id;   /* nullable: all trajectories */
  const char *timer_text;    /* nullable: "12:34" */
  gboolean    overrun;       /* the timer is past its end */
  guint       page;          /* the board's page, from 0 (the last when past it) */
} V21SceneState;

/* Text sizes on a projector, from its height: body text never below 1/28 of
 * the height (about 38 px at 1080p), headings larger. */
typedef struct
{
  double body;
  double heading;
  double title;     /* the title scene's workshop name */
  double timer;     /* the countdown */
  double margin;
} V21ProjectorSizes;

void        v21_projector_sizes      (double                height,
                                      V21ProjectorSizes    *sizes);
/* Background, text and warning colours ("#rrggbb"), contrast at least 7:1. */
void        v21_projector_colors     (gboolean              dark,
                                      const char          **background,
                                      const char          **foreground,
                                      const char          **warning);
const char *v21_scene_to_string      (V21Scene              scene);
gboolean    v21_scene_from_string    (const char           *name,
                                      V21Scene             *scene);
/* The round the votes scene shows when none is chosen: the last round of
 * @sequence, else the last round of the workshop; NULL when there is none. */
V21Record  *v21_scene_default_round  (V21Workshop          *workshop,
                                      V21Record            *sequence);

/* How many pages the scene needs at this size: the board may need several
 * when its cards do not fit at the body size; every other scene has one. */
guint       v21_scene_n_pages        (V21Workshop          *workshop,
                                      const V21SceneState  *state,
                                      double                width,
                                      double                height);

void        v21_render_scene         (V21Workshop          *workshop,
                                      const V21SceneState  *state,
                                      cairo_t              *cr,
                                      double                width,
                                      double                height,
                                      gboolean              dark);

G_END_DECLS

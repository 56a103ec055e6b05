/* v21-votes-page.h — vote rounds: fast entry, hidden results, ranking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_VOTES_PAGE (v21_votes_page_get_type ())
G_DECLARE_FINAL_TYPE (V21VotesPage, v21_votes_page, V21, VOTES_PAGE, AdwBin)

GtkWidget *v21_votes_page_new       (V21Workshop  *workshop);
/* The round shown, or NULL when there is none. */
V21Record *v21_votes_page_get_round (V21VotesPage *self);

G_END_DECLS

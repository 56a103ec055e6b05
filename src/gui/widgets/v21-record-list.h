/* v21-record-list.h — a collection as a list model that also tells of edited records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "v21-workshop.h"

G_BEGIN_DECLS

#define V21_TYPE_RECORD_LIST (v21_record_list_get_type ())
G_DECLARE_FINAL_TYPE (V21RecordList, v21_record_list, V21, RECORD_LIST, GObject)

/* The records of @collection, in its order, with its items-changed; and
 * items-changed (position, 1, 1) for one record when told it was edited, so a
 * filter, a sorter and a list view above re-read that record and no other. */
V21RecordList *v21_record_list_new          (V21Collection *collection);
void           v21_record_list_item_changed (V21RecordList *self,
                                             V21Record     *record);

G_END_DECLS

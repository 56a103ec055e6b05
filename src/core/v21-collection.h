#pragma once

#include <gio/gio.h>
#include "v21-record.h"

G_BEGIN_DECLS

#define V21_TYPE_COLLECTION (v21_collection_get_type ())
G_DECLARE_FINAL_TYPE (V21Collection, v21_collection, V21, COLLECTION, GObject)

/* One list of the workshop (people, cards…) as a GListModel of V21Record,
 * emitting exact items-changed. Change it through V21Workshop. */

const char *v21_collection_get_name     (V21Collection *self);
guint       v21_collection_get_n        (V21Collection *self);
V21Record  *v21_collection_get          (V21Collection *self,
                                         guint          position);
gboolean    v21_collection_find         (V21Collection *self,
                                         V21Record     *record,
                                         guint         *position);

G_END_DECLS

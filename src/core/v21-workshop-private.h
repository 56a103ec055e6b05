#pragma once

#include "v21-workshop.h"

G_BEGIN_DECLS

V21Record     *_v21_record_new           (const char    *collection,
                                          json_object   *json);
void           _v21_record_replace       (V21Record     *self,
                                          const char    *field,
                                          json_object   *value,
                                          gboolean       present);
/* Made anew each time (not the tree v21_record_get_json() lends): yours to change. */
json_object   *_v21_record_to_json       (V21Record     *self);
json_object   *_v21_record_dup_value     (V21Record     *self,
                                          const char    *field,
                                          gboolean      *present);
void           _v21_record_emit_changed  (V21Record     *self,
                                          const char    *field);
guint          _v21_record_get_position_hint (V21Record *self);
void           _v21_record_set_position_hint (V21Record *self,
                                              guint      position);

V21Collection *_v21_collection_new       (const char    *name);
void           _v21_collection_insert    (V21Collection *self,
                                          guint          position,
                                          V21Record     *record);
void           _v21_collection_remove    (V21Collection *self,
                                          guint          position);
void           _v21_collection_take_all  (V21Collection *self,
                                          GPtrArray     *records);

G_END_DECLS

G_BEGIN_DECLS
void           _v21_workshop_set_unsaved (V21Workshop   *self);
void           _v21_workshop_clear_history (V21Workshop *self);
gboolean       v21_parse_version (const char *text, int *major, int *minor);
gboolean       _v21_utf8_validate (const char *data, gsize length, const char **bad);
/* Sets a field the schema does not describe (kept from a newer version, or
 * "merge_conflicts"), checked as the loader would; undoable. */
gboolean       _v21_workshop_set_extra   (V21Workshop *self,
                                          V21Record   *record,
                                          const char  *field,
                                          json_object *value,
                                          GError     **error);
/* Votes, from the workshop's index (see v21-votes.h for what they mean). */
V21Record     *_v21_workshop_find_vote   (V21Workshop *self,
                                          const char  *round,
                                          const char  *voter,
                                          const char  *target);
gint64         _v21_workshop_vote_total  (V21Workshop *self,
                                          const char  *round,
                                          const char  *voter);
G_END_DECLS

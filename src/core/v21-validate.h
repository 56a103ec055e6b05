#pragma once

#include <json-c/json.h>
#include "v21-schema.h"

G_BEGIN_DECLS

/* Finds a record by id: returns its list name ("" for the workshop itself) and
 * sets *record to its JSON, or returns NULL. */
typedef const char *(*V21LookupFunc) (gpointer      data,
                                      const char   *id,
                                      json_object **record);

/* Whether @target is one of the targets of the vote round @round_id (@round). */
typedef gboolean (*V21InRoundFunc) (gpointer     data,
                                    const char  *round_id,
                                    json_object *round,
                                    const char  *target);

typedef struct
{
  V21LookupFunc  lookup;
  V21InRoundFunc in_round;   /* NULL: search the list */
  gpointer       data;
} V21Resolver;

void     v21_problems_add          (GPtrArray      *problems,
                                    const char     *path,
                                    const char     *format,
                                    ...) G_GNUC_PRINTF (3, 4);
GPtrArray *v21_problems_new        (void);

/* Where each id of a document is. */
typedef struct
{
  const char  *collection;   /* "" for the workshop itself */
  json_object *json;         /* the record, borrowed from the document */
  guint        index;        /* its position in its list */
  gpointer     data;         /* free for the caller */
} V21IdEntry;

/* The ids of a valid document: @ids maps each id (borrowed from the document) to
 * its entry in @entries (the workshop first, then each list in schema order). */
typedef struct
{
  GHashTable *ids;
  V21IdEntry *entries;
  gsize       n_entries;
} V21IdIndex;

/* Every check of a whole document (the root object, already known to be a
 * Visions+21 object of a supported version). Returns TRUE when @problems stayed
 * empty; then, when @index is not NULL, it is given the ids the validation indexed
 * (free its table and entries), so that the loader does not index them again. */
gboolean v21_validate_document     (json_object    *root,
                                    GPtrArray      *problems,
                                    V21IdIndex     *index);

/* The checks of one value of a field, as in a file: type, range, format. */
void     v21_validate_value        (const V21Field *field,
                                    json_object    *value,
                                    const char     *path,
                                    GPtrArray      *problems);

/* The checks of one record of @kind in a document: its fields, its references
 * through @resolver, and the rules across its own fields and what it refers to. */
void     v21_validate_record       (const V21Kind  *kind,
                                    json_object    *record,
                                    const char     *path,
                                    V21Resolver    *resolver,
                                    GPtrArray      *problems);

/* For a value made in memory, what the loader checks of the text of a file: every
 * string and key is UTF-8 without NUL, and @value nests at most @max_depth levels
 * (counting itself). So whatever an edit accepts saves to a file that loads. */
void     v21_validate_loadable     (json_object    *value,
                                    int             max_depth,
                                    const char     *path,
                                    GPtrArray      *problems);

gboolean v21_id_is_valid           (const char     *id);

G_END_DECLS

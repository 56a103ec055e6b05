#pragma once

#include <glib.h>
#include <json-c/json.h>

G_BEGIN_DECLS

/* The rules of the file format (docs/file-format.md) as data: one table per kind
 * of record. The loader, the edit functions and the removal cascade all read it. */

typedef enum
{
  V21_FIELD_ID,
  V21_FIELD_SHORT,      /* a title, a name: at most 1,000 characters */
  V21_FIELD_LONG,       /* a text: at most 100,000 characters */
  V21_FIELD_INT,
  V21_FIELD_NUMBER,
  V21_FIELD_BOOL,
  V21_FIELD_ENUM,
  V21_FIELD_ENUM_LIST,
  V21_FIELD_REF,        /* an id of a record of `target`, or of any list when NULL */
  V21_FIELD_REF_LIST,
  V21_FIELD_DATE,       /* YYYY-MM-DD */
  V21_FIELD_TIME,       /* HH:MM */
  V21_FIELD_INSTANT,    /* ISO 8601 with offset */
  V21_FIELD_COLOR,      /* #rrggbb */
  V21_FIELD_OBJECT,     /* a nested object described by `sub` */
} V21FieldType;

typedef enum
{
  V21_REQUIRED   = 1 << 0,
  V21_NULLABLE   = 1 << 1,
  V21_NONEMPTY   = 1 << 2,
  /* Removing the target removes this record (else the reference becomes null). */
  V21_CASCADE    = 1 << 3,
} V21FieldFlags;

typedef struct _V21Kind V21Kind;

typedef struct
{
  const char          *name;
  V21FieldType         type;
  guint                flags;
  double               min;
  double               max;
  const char * const  *values;   /* ENUM, ENUM_LIST */
  const char          *target;   /* REF, REF_LIST */
  const V21Kind       *sub;      /* OBJECT */
} V21Field;

struct _V21Kind
{
  const char     *collection;   /* "cards"; NULL for the root and nested objects */
  const V21Field *fields;       /* ends with a field whose name is NULL */
};

#define V21_SHORT_MAX 1000
#define V21_LONG_MAX 100000
#define V21_LIST_MAX 1000000
#define V21_DEPTH_MAX 32

const V21Kind     *v21_schema_root         (void);
/* The lists of a workshop in file order, NULL-terminated. */
const V21Kind    **v21_schema_collections  (void);
const V21Kind     *v21_schema_lookup       (const char    *collection);
const V21Field    *v21_kind_field          (const V21Kind *kind,
                                            const char    *name);
const char * const *v21_card_kinds         (void);

G_END_DECLS

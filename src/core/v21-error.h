#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define V21_ERROR (v21_error_quark ())

typedef enum
{
  V21_ERROR_IO,           /* could not read or write a file */
  V21_ERROR_TOO_LARGE,    /* file over the size limit */
  V21_ERROR_PARSE,        /* not JSON, or not UTF-8 */
  V21_ERROR_FORMAT,       /* not a Visions+21 file */
  V21_ERROR_NEWER,        /* a newer major version */
  V21_ERROR_INVALID,      /* JSON that breaks the rules; see the problem list */
  V21_ERROR_VALUE,        /* an edit with an impossible value */
  V21_ERROR_LOCKED,       /* the file is open in another instance */
  V21_ERROR_CANCELLED,    /* a load stopped on request */
} V21Error;

GQuark v21_error_quark (void);

G_END_DECLS

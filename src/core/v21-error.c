#define G_LOG_DOMAIN "v21-error"

#include "config.h"
#include "v21-error.h"

G_DEFINE_QUARK (v21-error-quark, v21_error)

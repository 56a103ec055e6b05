#!/usr/bin/python3
"""Validate .visions21 files against the JSON Schema.

Usage: validate-schema.py SCHEMA FILE...

Prints one "FILE: $.path: message" line per problem and exits with 1 when any
file has a problem (or cannot be read), 0 otherwise. As in the application
(json-c), a number written with a decimal point (30.0) is not an integer. Needs only the standard
library and python3-jsonschema (Debian 12: 4.10, which supports draft 2020-12).
"""

import json
import re
import sys

try:
    import jsonschema
except ImportError:
    sys.stderr.write("validate-schema: python3-jsonschema is not installed\n")
    sys.exit(2)

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def json_path(parts):
    """Turns a jsonschema path (deque of keys and indexes) into "$.a[3].b"."""
    out = "$"
    for part in parts:
        if isinstance(part, int):
            out += "[%d]" % part
        elif _IDENT.match(part):
            out += "." + part
        else:
            out += "[%s]" % json.dumps(part, ensure_ascii=False)
    return out


def leaf_errors(error):
    """For anyOf/oneOf errors, reports the most relevant sub-errors instead of
    the generic "is not valid under any of the given schemas"."""
    if not error.context:
        return [error]
    best = jsonschema.exceptions.best_match(error.context)
    return leaf_errors(best) if best is not None else [error]


def load_json(path):
    with open(path, "rb") as f:
        data = f.read()
    text = data.decode("utf-8")  # The format is UTF-8; anything else is an error.
    return json.loads(text)


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: %s SCHEMA FILE...\n" % argv[0])
        return 2

    schema_path = argv[1]
    try:
        schema = load_json(schema_path)
        cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
        cls.check_schema(schema)
    except (OSError, ValueError, jsonschema.exceptions.SchemaError) as e:
        sys.stderr.write("%s: invalid schema: %s\n" % (schema_path, e))
        return 2
    # json-c, which the application uses, reads 30.0 as a decimal number, not an
    # integer: do the same, where standard JSON Schema would accept it.
    type_checker = cls.TYPE_CHECKER.redefine(
        "integer", lambda checker, value: isinstance(value, int) and not isinstance(value, bool))
    cls = jsonschema.validators.extend(cls, type_checker=type_checker)
    validator = cls(schema)

    failed = False
    for path in argv[2:]:
        try:
            instance = load_json(path)
        except OSError as e:
            print("%s: $: cannot read: %s" % (path, e.strerror or e))
            failed = True
            continue
        except UnicodeDecodeError as e:
            print("%s: $: not UTF-8: %s" % (path, e))
            failed = True
            continue
        except ValueError as e:
            print("%s: $: not JSON: %s" % (path, e))
            failed = True
            continue

        lines = []
        for error in validator.iter_errors(instance):
            for leaf in leaf_errors(error):
                message = leaf.message
                if len(message) > 300:  # Long values would flood the output.
                    message = message[:150] + "…" + message[-100:]
                lines.append((list(leaf.absolute_path), message))
        # Stable order: by path (indexes numerically), then message.
        lines.sort(key=lambda item: ([(0, p, "") if isinstance(p, int) else (1, 0, p)
                                      for p in item[0]], item[1]))
        for parts, message in lines:
            print("%s: %s: %s" % (path, json_path(parts), message))
        if lines:
            failed = True

    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

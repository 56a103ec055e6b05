#!/bin/sh
# Every file the application writes validates against data/visions21.schema.json:
# the demo and the test workshops re-saved, and a new workshop from the toolkit.
# usage: check-schema.sh SOURCE_ROOT RESAVE VISIONS21
set -eu
src=$1
resave=$2
app=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$resave" "$src/data/examples/demo.visions21" "$tmp/demo.visions21"
for f in "$src"/tests/data/good/*.visions21; do
  "$resave" "$f" "$tmp/$(basename "$f")"
done
V21_TOOLKIT="$src/data/toolkit.json" "$app" new -o "$tmp/new.visions21" --title "Atelier" --territory "Val de Sèvre"
/usr/bin/python3 "$src/tests/validate-schema.py" "$src/data/visions21.schema.json" "$tmp"/*.visions21

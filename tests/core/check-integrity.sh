#!/bin/sh
# What the JSON Schema cannot express (tests/check-demo-integrity.py: unique ids,
# references to the right list, vote budgets, dates…), on the files the
# application writes: the demo and a new workshop keep the application's
# conventions too (run sheet times, card kinds); the test workshops, hand-written
# to be odd, only the format's rules. And a file with a dangling reference fails it.
# usage: check-integrity.sh SOURCE_ROOT RESAVE VISIONS21
set -eu
src=$1
resave=$2
app=$3
check="/usr/bin/python3 $src/tests/check-demo-integrity.py"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$resave" "$src/data/examples/demo.visions21" "$tmp/demo.visions21"
V21_TOOLKIT="$src/data/toolkit.json" "$app" new -o "$tmp/new.visions21" --title "Atelier" --territory "Val de Sèvre"
$check "$tmp/demo.visions21" "$tmp/new.visions21"
mkdir "$tmp/good"
for f in "$src"/tests/data/good/*.visions21; do
  "$resave" "$f" "$tmp/good/$(basename "$f")"
done
$check --spec-only "$tmp"/good/*.visions21
if $check --spec-only "$src/tests/data/bad/card-table-dangling.visions21" >"$tmp/out"; then
  echo "check-demo-integrity.py passed a card of a table that does not exist" >&2
  exit 1
fi
grep -q 'cards\[2\]\.table: no table has the id "t9"' "$tmp/out"
echo "integrity: the demo, a new workshop and $(ls "$tmp"/good | wc -l) test workshops"

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
# A table's copy (with its merge_base), and a master after a merge where both
# sides changed the same fields (with its merge_conflicts).
"$app" table-copy "$src/data/examples/demo.visions21" -o "$tmp/table-copy.visions21"
cp "$src/data/examples/demo.visions21" "$tmp/master.visions21"
/usr/bin/python3 - "$tmp/master.visions21" "$tmp/table-copy.visions21" <<'PY'
import json, sys
for path, side in zip(sys.argv[1:], ("master", "table")):
    workshop = json.load(open(path))
    workshop["political_goal"] = "Goal as the %s wrote it" % side
    workshop["cards"][0]["text"] = "Card as the %s wrote it" % side
    json.dump(workshop, open(path, "w"), ensure_ascii=False)
PY
"$app" merge "$tmp/master.visions21" "$tmp/table-copy.visions21" -o "$tmp/merged.visions21" >/dev/null
grep -q '"merge_conflicts"' "$tmp/merged.visions21" || { echo "check-schema: the merge recorded no conflict" >&2; exit 1; }
/usr/bin/python3 "$src/tests/validate-schema.py" "$src/data/visions21.schema.json" "$tmp"/*.visions21

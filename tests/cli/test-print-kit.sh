#!/usr/bin/env bash
# visions21 print-kit: the PDF of the demo has the expected pages, and its text holds
# every table's name and every future news article's headline.
# usage: test-print-kit.sh VISIONS21 SOURCE_ROOT   (prints TAP)
#
# The plan comes first: a script that stops early (set -e) leaves checks unrun,
# which TAP counts as a failure. A new check adds one to FIXED_CHECKS.
set -euo pipefail
app=$1
src=$2
demo="$src/data/examples/demo.visions21"
tmp=$(mktemp -d)
n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
skip () { local count=$1 i; for ((i = 0; i < count; i++)); do n=$((n + 1)); echo "ok $n # SKIP $2"; done; }
expect () { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 (got '$2', expected '$3')"; fi; }
# run COMMAND…: runs it and keeps its exit code in $status (set -e does not stop on it).
run () { status=0; "$@" || status=$?; }
stopped () { echo "not ok $((n + 1)) - the script stopped at line $1 (exit $2)"; }
trap 'rm -rf "$tmp"' EXIT
trap 'stopped "$LINENO" "$?"' ERR
unset DISPLAY WAYLAND_DISPLAY

FIXED_CHECKS=17
# One text check per table and per article.
text_checks=$(python3 -c 'import json, sys; d = json.load(open(sys.argv[1], encoding="utf-8"))
print(len(d["tables"]) + sum(1 for m in d["materials"] if m["kind"] == "article"))' "$demo")
echo "1..$((FIXED_CHECKS + text_checks))"

run "$app" print-kit "$demo" -o "$tmp/kit.pdf" 2>"$tmp/err"; expect "print-kit exits 0" "$status" 0
expect "print-kit prints nothing" "$(cat "$tmp/err")" ""
[ -s "$tmp/kit.pdf" ] && ok "the kit exists" || not_ok "the kit exists"
expect "the kit is a PDF" "$(head -c 5 "$tmp/kit.pdf")" "%PDF-"

if command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null; then
  # Cover 1, run sheet 2 (days), signs 6 and lists 6 (tables), people at no table 1,
  # articles 4 (one a page), challenge sheets 1 and trend cards 1 (four a page).
  pages=$(pdfinfo "$tmp/kit.pdf" | sed -n 's/^Pages: *//p')
  expect "the demo's kit has 22 pages" "$pages" 22
  size=$(pdfinfo "$tmp/kit.pdf" | sed -n 's/^Page size: *//p')
  case "$size" in *"(A4)"*) ok "pages are A4";; *) not_ok "pages are A4 (got $size)";; esac

  pdftotext "$tmp/kit.pdf" "$tmp/kit.txt"
  # Every table's name and article's headline, as one line each, must be in the text
  # (line breaks and non-breaking spaces count as spaces).
  python3 - "$demo" "$tmp/kit.txt" > "$tmp/found" <<'PY'
import json, re, sys
demo = json.load(open(sys.argv[1], encoding="utf-8"))
text = re.sub(r"[\s\u00a0\u202f]+", " ", open(sys.argv[2], encoding="utf-8").read())
wanted = [t["name"] for t in demo["tables"]]
wanted += [m["title"] for m in demo["materials"] if m["kind"] == "article"]
for w in wanted:
    w = re.sub(r"[\s\u00a0\u202f]+", " ", w)
    print(("FOUND " if w in text else "MISSING ") + w)
PY
  while IFS= read -r line; do
    case "$line" in
      FOUND*) ok "the text has “${line#FOUND }”";;
      *) not_ok "the text has “${line#MISSING }”";;
    esac
  done < "$tmp/found"
  grep -q "@" "$tmp/kit.txt" && not_ok "no e-mail address is printed" || ok "no e-mail address is printed"
  # A new workshop: no tables, people or material yet; the cover and the two days.
  run env V21_TOOLKIT="$src/data/toolkit.json" "$app" new -o "$tmp/new.visions21" --title "Vide"
  expect "new exits 0" "$status" 0
  run "$app" print-kit "$tmp/new.visions21" -o "$tmp/new.pdf"; expect "print-kit of a new workshop exits 0" "$status" 0
  expect "a new workshop's kit has 3 pages" "$(pdfinfo "$tmp/new.pdf" | sed -n 's/^Pages: *//p')" 3
else
  skip $((text_checks + 6)) "pdfinfo and pdftotext are not installed (poppler-utils, see scripts/setup.sh)"
fi

run "$app" print-kit "$demo" 2>/dev/null; expect "print-kit without -o exits 2" "$status" 2
run "$app" print-kit -o "$tmp/none.pdf" 2>/dev/null; expect "print-kit without a file exits 2" "$status" 2
bad="$src/tests/data/bad/card-table-dangling.visions21"
run "$app" print-kit "$bad" -o "$tmp/bad.pdf" 2>"$tmp/err"; expect "print-kit of a bad file exits 1" "$status" 1
first=$(head -n 1 "$tmp/err" | cut -d: -f1-2)
expect "print-kit says where the file is wrong" "$first" "$bad: \$.cards[2].table"
[ ! -e "$tmp/bad.pdf" ] && ok "nothing written for a bad file" || not_ok "a kit was written for a bad file"
run "$app" print-kit "$demo" -o "$tmp/missing-folder/kit.pdf" 2>"$tmp/err"; expect "print-kit into a missing folder exits 1" "$status" 1
[ -s "$tmp/err" ] && ok "and says why" || not_ok "and says why"

exit $failed

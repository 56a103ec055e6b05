#!/usr/bin/env bash
# `visions21 capitalise`: the demo and two generated workshops of other
# territories (one exercise skipped in one, overrun in the other) plus a
# damaged file, as Markdown and CSV (PDF and ODT read back when the tools are
# there): territories, exercises, durations against the run sheets, the
# exercise notes, names, duplicates.
# usage: test-capitalise.sh VISIONS21 SOURCE_ROOT GEN_WORKSHOP   (prints TAP)
set -euo pipefail
app=$1
src=$2
gen=$3
demo="$src/data/examples/demo.visions21"
tmp=$(mktemp -d)
n=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; }
expect () { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 (got '$2', expected '$3')"; fi; }
run () { status=0; "$@" || status=$?; }
stopped () { echo "not ok $((n + 1)) - the script stopped at line $1 (exit $2)"; }
trap 'rm -rf "$tmp"' EXIT
trap 'stopped "$LINENO" "$?"' ERR
py=/usr/bin/python3
unset DISPLAY WAYLAND_DISPLAY

echo "1..36"

"$gen" --cards 60 --people 24 --seed 3 --title "Atelier Plaine du Lys" --territory "Pays de la Plaine du Lys" \
  --skip 3 -o "$tmp/lys.visions21"
"$gen" --cards 60 --people 24 --seed 4 --title "Atelier Monts du Vernay" --territory "Communauté de communes des Monts du Vernay" \
  --overrun 2:15 -o "$tmp/vernay.visions21"
printf '{"format": "visions21", "version": "1.0", "title": ' >"$tmp/damaged.visions21"
cp "$demo" "$tmp/demo-copy.visions21"

run "$app" capitalise "$demo" "$tmp/lys.visions21" "$tmp/damaged.visions21" "$tmp/vernay.visions21" "$demo" \
  "$tmp/demo-copy.visions21" -o "$tmp/out.md" 2>"$tmp/err"
expect "a damaged file among them: exit 1" "$status" 1
expect "the damaged file is reported on stderr" "$(grep -c "damaged.visions21" "$tmp/err")" 1
expect "the same path twice is taken once, with a warning" "$(grep -c "given twice" "$tmp/err")" 1
expect "the same workshop under another name is taken once, with a warning" \
  "$(grep "demo-copy.visions21" "$tmp/err" | grep -c "taken once")" 1
expect "the document is written from the others" "$(test -s "$tmp/out.md" && echo yes)" yes
run "$app" capitalise "$demo" "$tmp/lys.visions21" "$tmp/vernay.visions21" -o "$tmp/out.csv" 2>"$tmp/err-csv"
expect "csv: exit 0 without a damaged file" "$status" 0

# The Markdown read back: sections by heading, table rows as cells.
cat >"$tmp/md.py" <<'PY'
import csv, json, re, sys
md = open(sys.argv[1], encoding="utf-8").read()
mode = sys.argv[2]
def unescape(s): return re.sub(r"\\(.)", r"\1", s)
def norm(s): return re.sub(r"[\s\u202f\u00a0\u2066-\u2069]", "", unescape(s).replace("'", "\u2019").replace("**", ""))
def sections():  # heading -> text under it, up to the next heading of any level
    out, name = {}, None
    for line in md.splitlines():
        if line.startswith("#"):
            name = unescape(line.lstrip("#").strip()); out[name] = ""
        elif name: out[name] += line + "\n"
    return out
def exercise(code):  # the section "N.M CODE — title" and its sub-sections
    text, inside = "", False
    for line in md.splitlines():
        if line.startswith("### "): inside = re.match(r"### [\d.]+ " + code + " — ", line) is not None
        elif line.startswith("## "): inside = False
        if inside: text += line + "\n"
    return text
def rows(text):
    return [[unescape(c.strip()) for c in l.strip().strip("|").split("|")] for l in text.splitlines() if l.startswith("| ") and "---" not in l]
if mode == "territories":
    head = rows(sections()["1 The territories side by side"])[0]
    print(";".join(head[1:]))
elif mode == "durations":   # territory code planned held drift, for every exercise row
    for code in ["T%d" % i for i in range(1, 9)]:
        for r in rows(exercise(code)):
            if len(r) == 7 and r[0] != "Territory": print(r[0], code, r[1], r[2], r[3])
elif mode == "notes":   # each note of each file once, under its exercise, on its territory's row
    bad = 0
    for path in sys.argv[3:]:
        d = json.load(open(path, encoding="utf-8"))
        ex = {e["id"]: e["code"] for e in d["exercises"]}
        for note in d["exercise_notes"]:
            for field in ("conditions", "usage", "vigilance"):
                t = norm(note[field])
                if not t: continue
                if norm(md).count(t) != 1: bad += 1; print("count", note["id"], field, file=sys.stderr); continue
                hit = [r for r in rows(exercise(ex[note["exercise"]])) if t in norm("".join(r))]
                if len(hit) != 1 or norm(hit[0][0]) != norm(d["territory"]["name"]): bad += 1; print("row", note["id"], file=sys.stderr)
    print(bad)
elif mode == "csv":   # the csv's planned,held,drift per territory and exercise, as the md prints them
    for r in csv.DictReader(open(sys.argv[3], encoding="utf-8-sig", newline=""), delimiter=";"):
        if r["exercise"] and r["territory"] and r["measure"] in ("planned_minutes", "held_minutes", "drift_minutes"):
            print(r["territory"], r["exercise"], r["measure"], r["value"])
PY
terr="Communauté de communes Val de Sèvre et Bocage;Pays de la Plaine du Lys;Communauté de communes des Monts du Vernay"
expect "the territories side by side, each once, in the order given" "$("$py" "$tmp/md.py" "$tmp/out.md" territories)" "$terr"
"$py" "$tmp/md.py" "$tmp/out.md" durations >"$tmp/durations"
demo_d=$(grep "^Communauté de communes Val de Sèvre et Bocage" "$tmp/durations" | sed 's/^Communauté de communes Val de Sèvre et Bocage //' | tr '\n' ';')
expect "the demo's exercises, planned and held from its run sheet" "$demo_d" \
  "T1 150 min 155 min +5 min;T2 150 min 155 min +5 min;T3 120 min 128 min +8 min;T4 135 min 133 min -2 min;T5 60 min 66 min +6 min;T6 30 min 30 min +0 min;"
expect "every exercise of the generated workshop ran there but T3" \
  "$(grep -c "^Pays de la Plaine du Lys " "$tmp/durations")" 7
expect "the skipped exercise has no row for that territory" "$(grep -c "^Pays de la Plaine du Lys T3 " "$tmp/durations" || true)" 0
expect "and is said not run there" "$(grep -A8 "^### .* T3 — " "$tmp/out.md" | grep -cF "**Not run in:** *Pays de la Plaine du Lys*")" 1
expect "the overrun exercise: 2 × 45 planned, 2 × 60 held" \
  "$(grep "^Communauté de communes des Monts du Vernay T2 " "$tmp/durations" | cut -d' ' -f9-)" "90 min 120 min +30 min"
expect "an ordinary generated exercise: 2 × 45 planned, 2 × 50 held" \
  "$(grep "^Communauté de communes des Monts du Vernay T5 " "$tmp/durations" | cut -d' ' -f9-)" "90 min 100 min +10 min"
expect "every exercise is in the document: T1 to T8" "$(grep -cE "^### [0-9.]+ T[1-8] — " "$tmp/out.md")" 8
expect "every exercise note appears once, under its exercise, on its territory's row" \
  "$("$py" "$tmp/md.py" "$tmp/out.md" notes "$demo" "$tmp/lys.visions21" "$tmp/vernay.visions21")" 0
expect "the median drift of T2 (5, 10, 30)" "$(grep -E "^\| T2 \|" "$tmp/out.md")" "| T2 | \+10 min |"
expect "the median drift of T3, where it ran twice (8, 10)" "$(grep -E "^\| T3 \|" "$tmp/out.md")" "| T3 | \+9 min |"
expect "participants: 33 + 24 + 24" "$(grep -E "^\| \*\*All territories" "$tmp/out.md" | cut -d'|' -f3 | tr -d ' *')" 81

# (150 + 60 + 60) contributions / ((33 × 667 + 24 × 700 + 24 × 820) / 60) participant-hours.
expect "contributions per participant per hour, over all participant-hours" \
  "$(grep -E "^\| \*\*All territories" "$tmp/out.md" | cut -d'|' -f6 | tr -d ' *\\')" 0.28
# Names: the five people of the demo who did not consent appear nowhere.
unnamed=$("$py" -c 'import json, sys; print("\n".join(p["name"] for p in json.load(open(sys.argv[1]))["people"] if not p["consent"]))' "$demo")
expect "the demo has five people without consent" "$(echo "$unnamed" | wc -l)" 5
expect "no name without consent in the document" "$(grep -cFf <(echo "$unnamed") "$tmp/out.md" || true)" 0
expect "a consented facilitator is named" "$(grep -c "Claire Fontanel" "$tmp/out.md")" 1
run "$app" capitalise "$demo" "$tmp/lys.visions21" --anonymize -o "$tmp/anon.md" 2>/dev/null
expect "--anonymize: exit 0" "$status" 0
named=$("$py" -c 'import json, sys; print("\n".join(p["name"] for p in json.load(open(sys.argv[1]))["people"]))' "$demo")
expect "--anonymize: nobody's name" "$(grep -cFf <(echo "$named") "$tmp/anon.md" || true)" 0

# The CSV's figures are the Markdown's.
"$py" "$tmp/md.py" "$tmp/out.md" csv "$tmp/out.csv" >"$tmp/csv-figures"
from_md=$("$py" - "$tmp/durations" <<'PY'
import re, sys
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"(.*) (T\d) (\d+) min (\d+) min ([+-]\d+) min$", line.strip())
    t, c, p, h, d = m.groups()
    print(t, c, "planned_minutes", p); print(t, c, "held_minutes", h); print(t, c, "drift_minutes", int(d))
PY
)
diff <(sort "$tmp/csv-figures") <(echo "$from_md" | sort) >&2 || true
expect "md and csv agree on every planned, held and drift figure" "$(sort "$tmp/csv-figures" | md5sum)" "$(echo "$from_md" | sort | md5sum)"
expect "csv: the median drift of T2" "$(grep -F '"";"T2";"median_drift_minutes";' "$tmp/out.csv" | tr -d '\r')" '"";"T2";"median_drift_minutes";10,0'

# The same blocks through the report's PDF and ODT writers.
run "$app" capitalise "$demo" "$tmp/vernay.visions21" -o "$tmp/out.pdf" 2>/dev/null
expect "pdf: exit 0, a PDF" "$status $(head -c 5 "$tmp/out.pdf")" "0 %PDF-"
run "$app" capitalise "$demo" "$tmp/vernay.visions21" -o "$tmp/out.odt" 2>/dev/null
expect "odt: exit 0, a zip package" "$status $(head -c 2 "$tmp/out.odt")" "0 PK"

# The figures: the PDF's text and the ODT's content.xml read back give the
# Markdown's numbers; the two charts are drawn (text in the PDF, pictures in
# the ODT) and the Markdown gives their numbers as tables.
"$app" capitalise "$demo" "$tmp/lys.visions21" "$tmp/vernay.visions21" -o "$tmp/three.md" 2>/dev/null
"$app" capitalise "$demo" "$tmp/lys.visions21" "$tmp/vernay.visions21" -o "$tmp/three.pdf" 2>/dev/null
"$app" capitalise "$demo" "$tmp/lys.visions21" "$tmp/vernay.visions21" -o "$tmp/three.odt" 2>/dev/null
pdftotext -raw "$tmp/three.pdf" "$tmp/three.txt"
(cd "$tmp" && mkdir odt && cd odt && unzip -q ../three.odt)
cat >"$tmp/figures.py" <<'PY'
import re, sys
md = open(sys.argv[1], encoding="utf-8").read()
def norm(s): return re.sub(r"[\s\u202f\u00a0\u2066-\u2069*\\]", "", s).replace("'", "\u2019")
other = norm(open(sys.argv[3], encoding="utf-8").read())
if sys.argv[2] == "odt": other = norm(re.sub(r"<[^>]*>", "", open(sys.argv[3], encoding="utf-8").read()))
rows = [[c.strip() for c in l.strip().strip("|").split("|")] for l in md.splitlines() if l.startswith("| ") and "---" not in l]
total = [r for r in rows if r[0] == "**All territories**"][0]
medians = [r for r in rows if re.match(r"T\d \u2014 ", r[0])]
milestones = [r for r in rows if len(r) == 3 and re.match(r"\d{4}$", r[1])]
print("total", other.count(norm("".join(total))))
# each exercise's median, as the chart writes it: the code then the value
print("medians", len(medians), all(other.count(norm(r[0].split()[0] + r[-1])) >= 2 for r in medians))
demo = [r[2] for r in milestones if r[0].startswith("Communaut\u00e9 de communes Val")]
print("milestones", len(demo), all(norm(m) in other for m in demo))
PY
expect "md: the drift chart's numbers, each territory's and the median, for the eight exercises" \
  "$(grep -cE "^\| T[1-8] — .* \| [^|]+ \| [^|]+ \| [^|]+ \| [^|]+ \|$" "$tmp/three.md")" 8
expect "md: the timeline's numbers, the demo's six milestones on its desired path" \
  "$(grep -c "^| Communauté de communes Val de Sèvre et Bocage | 20[0-9][0-9] |" "$tmp/three.md")" 6
expect "pdf: the totals row reads as in the md" "$("$py" "$tmp/figures.py" "$tmp/three.md" pdf "$tmp/three.txt" | grep total)" "total 1"
expect "pdf: every median drift in the table and in the chart, as in the md" \
  "$("$py" "$tmp/figures.py" "$tmp/three.md" pdf "$tmp/three.txt" | grep medians)" "medians 8 True"
expect "pdf: the timeline writes each of the demo's milestones" \
  "$("$py" "$tmp/figures.py" "$tmp/three.md" pdf "$tmp/three.txt" | grep milestones)" "milestones 6 True"
expect "pdf: the two charts' captions" "$(grep -cE "^Figure [12] — (The milestones of the territories|Drift against the plan)" "$tmp/three.txt")" 2
expect "odt: the totals row reads as in the md" \
  "$("$py" "$tmp/figures.py" "$tmp/three.md" odt "$tmp/odt/content.xml" | grep total)" "total 1"
expect "odt: the two charts as pictures, with their captions" \
  "$(grep -oE 'draw:name="Figure [0-9]+"' "$tmp/odt/content.xml" | wc -l) $(grep -o "Figure [0-9] — The milestones of the territories’ desired paths\|Figure [0-9] — Drift against the plan per exercise, in minutes" "$tmp/odt/content.xml" | sort -u | wc -l)" "3 2"

#!/usr/bin/env bash
# `visions21 export`, `anonymize` and `merge`: the report of the demo read back
# with pdftotext, HTML checked with xmllint, CSV read back with Python's csv,
# no personal data in anonymised outputs, merges and their refusals.
# usage: test-export.sh VISIONS21 SOURCE_ROOT   (prints TAP)
#
# The plan comes first: a script that stops early (set -e: any command that
# fails outside a check) leaves checks unrun, which TAP counts as a failure.
# A new check adds one to FIXED_CHECKS.
set -euo pipefail
app=$1
src=$2
demo="$src/data/examples/demo.visions21"
hostile="$src/tests/data/good/hostile.visions21"
tmp=$(mktemp -d)
n=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; }
skip () { local count=$1 i; for ((i = 0; i < count; i++)); do n=$((n + 1)); echo "ok $n - $2 # SKIP $3"; done; }
expect () { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 (got '$2', expected '$3')"; fi; }
# run COMMAND…: runs it and keeps its exit code in $status (set -e does not stop on it).
run () { status=0; "$@" || status=$?; }
fr () { LANGUAGE=fr LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8 "$@"; }
stopped () { echo "not ok $((n + 1)) - the script stopped at line $1 (exit $2)"; }
trap 'rm -rf "$tmp"' EXIT
trap 'stopped "$LINENO" "$?"' ERR
py=/usr/bin/python3

unset DISPLAY WAYLAND_DISPLAY

FIXED_CHECKS=84
# One pdf text check per cluster, two per scenario, one per person, plus two.
pdf_text_checks=$("$py" -c 'import json, sys; d = json.load(open(sys.argv[1]))
print(2 + len(d["clusters"]) + 2 * len(d["scenarios"]) + len(d["people"]))' "$demo")
echo "1..$((FIXED_CHECKS + pdf_text_checks))"

# The report of the demo, as PDF.
run "$app" export "$demo" -o "$tmp/demo.pdf" 2>"$tmp/err"; expect "export pdf exits 0" "$status" 0
expect "the pdf starts like a PDF" "$(head -c 5 "$tmp/demo.pdf")" "%PDF-"
if command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null; then
  pdftotext "$tmp/demo.pdf" "$tmp/demo.txt"
  # Every cluster, every scenario, each trajectory figure's caption, the territory;
  # consented names and no other (compared without spaces: lines wrap).
  "$py" - "$demo" "$tmp/demo.txt" >"$tmp/checks" <<'PY'
import json, re, sys
d = json.load(open(sys.argv[1]))
text = re.sub(r"\s+", "", open(sys.argv[2]).read())
def has(s): return re.sub(r"\s+", "", s) in text
def check(label, cond): print(("ok" if cond else "not ok") + " " + label)
check("territory", has(d["territory"]["name"]))
for c in d["clusters"]: check("cluster " + c["id"], has(c["name"]))
for s in d["scenarios"]:
    check("scenario " + s["id"], has(s["title"]))
    check("trajectory caption of " + s["id"], has("Trajectory: " + s["title"]))
check("caption of the compared trajectories", has("The trajectories compared"))
for p in d["people"]:
    if p["consent"]: check("consented name " + p["id"], has(p["name"]))
    else: check("no name without consent " + p["id"], not has(p["name"]) and p["name"].split()[-1] not in text)
PY
  while read -r result rest; do
    if [ "$result" = ok ]; then ok "pdf text: $rest"; else not_ok "pdf text: $rest"; fi
  done <"$tmp/checks"
  pages=$(pdfinfo "$tmp/demo.pdf" | awk '/^Pages:/ { print $2 }')
  if [ "$pages" -ge 15 ] && [ "$pages" -le 60 ]; then ok "a sane page count ($pages)"; else not_ok "page count $pages"; fi
  run fr "$app" export "$demo" -o "$tmp/fr.pdf" 2>"$tmp/err"; expect "export in French exits 0" "$status" 0
  pdftotext "$tmp/fr.pdf" - | tr -d ' \n' | grep -q "Ledéroulételqu’ils’esttenu" \
    && ok "the report speaks French with LANGUAGE=fr" || not_ok "French report"
  # What an élu reads, in French with only LANGUAGE=fr (the locale is C.UTF-8).
  run env LANGUAGE=fr LANG=C.UTF-8 LC_ALL=C.UTF-8 "$app" export "$demo" -o "$tmp/c.pdf" 2>"$tmp/err"
  expect "export with LANGUAGE=fr and LANG=C.UTF-8 exits 0" "$status" 0
  pdftotext "$tmp/c.pdf" "$tmp/c.txt"
  "$py" - "$tmp/c.txt" >"$tmp/checks" <<'PY'
import re, sys
raw = open(sys.argv[1], encoding="utf-8").read()
text = re.sub(r"[\s\u00a0\u202f]+", " ", raw)
def check(label, cond): print(("ok" if cond else "not ok") + " " + label)
check("French dates with LANG=C.UTF-8", "18 et 19 mars 2027" in text and "Jour 1 — jeudi 18 mars 2027" in text
      and "Jour 2 — vendredi 19 mars 2027" in text)
check("no English month or day", not re.search(r"\b(March|Thursday|Friday)\b", text))
check("participants, not the team", "34 participants réunis en 6 tables" in text and "38 personnes" not in text)
check("the team named as such", "L’équipe d’animation" in text and "Animation Claire Fontanel" in text)
check("votes say what they count", "6 tables ont voté, 30 gommettes" in text and "34 personnes ont voté, 335 points" in text
      and "126" not in text)
en_bref = text[text.index("1 En bref", text.index("Sommaire") + 20):text.index("2 Contexte et cadrage", text.index("Sommaire") + 200)]
check("both items tied third in “En bref”", en_bref.count("=3") == 2 and "Énergie : sobriété, rénovation et production locale — 4 gommettes" in en_bref)
check("threats named in “En bref”", "Défi 1 — L’eau rare : six mois de restrictions par an — 4 réponses actuelles sur 5 ne tiendraient pas" in en_bref)
check("next steps up front", "Les prochaines étapes" in en_bref and "mai 2027 Présenter la vision en conférence des maires" in en_bref
      and "B. Chaigneau" in en_bref)
check("priority actions say their round was not shown", "Les pistes d’action prioritaires" in en_bref
      and "n’ont pas été montrés à la salle" in en_bref[en_bref.index("Les pistes d’action prioritaires"):])
check("a roadmap: what, who, when", re.search(r"Quoi Qui Quand Points", en_bref) is not None and "à désigner" in en_bref)
check("no live state in the run sheet", not re.search(r"depuis \d+ h", text) and "16 h 53 – 17 h 08" in text
      and "fin non relevée" in text)
check("every day ends", text.count("La journée s’est achevée") == 2)
check("a break reads once", "Pause Pause" not in text and "Déjeuner Pause" not in text)
check("organisations, not titles", "Maire de Saint-Lys-du-Bocage 1" not in text and "Autres structures (18)" in text
      and "Au titre d’un mandat ou à titre personnel 11" in text)
check("no toolkit summary", "Les tables lisent des articles de presse fictifs" not in text)
check("the method notes are not for élus by default", "Le mot « menace » inquiète" not in text)
check("no appendix by default", "Annexe" not in text)
PY
  while read -r result rest; do
    if [ "$result" = ok ]; then ok "French pdf: $rest"; else not_ok "French pdf: $rest"; fi
  done <"$tmp/checks"
  # The sections chosen on the command line.
  run env LANGUAGE=fr LANG=C.UTF-8 LC_ALL=C.UTF-8 "$app" export "$demo" --with method-notes,appendix --without participant-list \
    -o "$tmp/with.pdf" 2>"$tmp/err"; expect "export --with --without exits 0" "$status" 0
  pdftotext "$tmp/with.pdf" - | tr '\n' ' ' | sed 's/[[:space:]]\+/ /g' >"$tmp/with.txt"
  grep -q "Le mot « menace » inquiète" "$tmp/with.txt" && grep -q "Annexe : toutes les contributions" "$tmp/with.txt" \
    && ok "--with adds the method notes and the appendix" || not_ok "--with method-notes,appendix"
  grep -q "Sophie Texier" "$tmp/with.txt" && not_ok "--without participant-list" || ok "--without participant-list leaves the list out"
  run "$app" export "$demo" --without nothing -o "$tmp/x.pdf" 2>"$tmp/err"; expect "an unknown section exits 2" "$status" 2
  grep -q "run-sheet" "$tmp/err" && ok "and lists the sections" || not_ok "unknown section message: $(cat "$tmp/err")"
  [ ! -e "$tmp/x.pdf" ] && ok "nothing written for an unknown section" || not_ok "a file was written"
else
  skip $((pdf_text_checks + 27)) "pdf text" "pdftotext is not installed"
fi
# French typography, read in the Markdown (pdftotext turns no-break spaces into
# plain ones): the cluster "Eau : partager…" gets U+00A0 before its colon.
run fr "$app" export "$demo" -o "$tmp/fr.md" 2>"$tmp/err"; expect "export md in French exits 0" "$status" 0
grep -q "Eau"$'\xc2\xa0'": partager" "$tmp/fr.md" && ! grep -q "Eau : partager" "$tmp/fr.md" \
  && ok "French typography: a no-break space before the colon" || not_ok "French typography"
# Markdown gives a vote's numbers as a table (no figure there).
run env LANGUAGE=fr LANG=C.UTF-8 LC_ALL=C.UTF-8 "$app" export "$demo" -o "$tmp/c.md" 2>"$tmp/err"
expect "export md with LANG=C.UTF-8 exits 0" "$status" 0
grep -q "^| Rang | Proposition | Gommettes |" "$tmp/c.md" && ok "markdown: the vote's numbers as a table" || not_ok "markdown vote table"
grep -qF -- "- **\=3** Énergie" "$tmp/c.md" && ok "markdown: the tie at the cut-off" || not_ok "markdown tie"

# HTML: well-formed, self-contained, and hostile texts shown as text.
run "$app" export "$hostile" --format html -o "$tmp/hostile.html" 2>"$tmp/err"; expect "export html exits 0" "$status" 0
run "$app" export "$demo" -o "$tmp/demo.html" 2>"$tmp/err"; expect "export html from the extension exits 0" "$status" 0
if command -v xmllint >/dev/null; then
  for f in demo hostile; do
    # --memory: libxml2 2.9's HTML parser, reading a large file in chunks, may
    # report "error parsing attribute name" in the middle of a valid attribute,
    # depending on where a chunk ends; read whole, it does not.
    run xmllint --html --memory --noout "$tmp/$f.html" 2>"$tmp/lint"
    # HTML 4 parser: it does not know HTML 5 and SVG elements, and says so; nothing else.
    problems=$(grep "error" "$tmp/lint" | grep -v "Tag [a-z]* invalid" | head -3 || true)
    [ "$status" = 0 ] && [ -z "$problems" ] && ok "$f.html passes xmllint --html" || not_ok "$f.html: $problems"
    xmllint --noout "$tmp/$f.html" 2>"$tmp/lint" && ok "$f.html is well-formed XML too" || not_ok "$f.html XML: $(head -3 "$tmp/lint")"
  done
else
  skip 4 "xmllint" "xmllint is not installed"
fi
grep -qi "<script\|<img src=x\|<h1>injection\|<b>test\|<svg onload" "$tmp/hostile.html" \
  && not_ok "hostile markup in the HTML" || ok "no user markup in the HTML"
grep -q "&lt;script&gt;alert(&quot;x&quot;)" "$tmp/hostile.html" && ok "the script tag is shown as text" || not_ok "script text"
# The demo's figures: its two vote rounds, the robustness test, its three
# scenarios' trajectories and the trajectories compared.
count () { grep -c "$1" "$2" || true; }
expect "the demo's report has its 7 figures" "$(count "<figure>" "$tmp/demo.html")" 7
expect "every figure is inline SVG" "$(count "^<svg" "$tmp/demo.html")" 7
expect "and an image for word processors" "$(count "<img class=\"v21-fallback\"" "$tmp/demo.html")" 7
expect "the HTML loads nothing from elsewhere" "$(count 'src="http\|href="http\|url(http' "$tmp/demo.html")" 0

# Markdown.
run "$app" export "$hostile" -o "$tmp/hostile.md" 2>"$tmp/err"; expect "export md exits 0" "$status" 0
grep -q '\\<script\\>' "$tmp/hostile.md" && ! grep -q '[^\\]<script' "$tmp/hostile.md" \
  && ok "markdown escapes user markup" || not_ok "markdown escaping"

# CSV: BOM, semicolons, CRLF; read back with a CSV parser, the same cells.
run "$app" export "$hostile" --format csv -o "$tmp/cards.csv" 2>"$tmp/err"; expect "export csv exits 0" "$status" 0
[ -f "$tmp/cards-votes.csv" ] && ok "the votes go beside the cards" || not_ok "no cards-votes.csv"
expect "csv starts with a BOM" "$(head -c 3 "$tmp/cards.csv" | od -An -tx1 | tr -d ' ')" "efbbbf"
run "$py" - "$hostile" "$tmp/cards.csv" "$tmp/cards-votes.csv" <<'PY' >"$tmp/csvcheck" 2>&1
import csv, json, re, sys
d = json.load(open(sys.argv[1]))
def neutral(v): return "'" + v if v[:1] in ("=", "+", "-", "@", "\t", "\r") else v
raw = open(sys.argv[2], "rb").read()
assert raw.count(b"\r\n") >= len(d["cards"]) + 1, "rows end with CRLF"
rows = list(csv.reader(open(sys.argv[2], encoding="utf-8-sig", newline=""), delimiter=";"))
assert rows[0][0] == "Id", rows[0]
assert len(rows) == len(d["cards"]) + 1, len(rows)
for card, row in zip(d["cards"], rows[1:]):
    assert row[0] == card["id"], (row[0], card["id"])
    # Names of people who did not consent (Louis Bernard, Élise Bernard-Roux)
    # are replaced, as in the report, in the text and the details.
    assert "bernard" not in (row[2] + row[3]).lower(), (row[2], row[3])
    if "Bernard" in card["text"] or "BERNARD" in card["text"]: continue
    # Phone numbers and e-mails never leave, in any export.
    if re.search(r"\+33|@", card["text"]):
        assert "[phone number removed]" in row[2] or "[e-mail removed]" in row[2], row[2]
        continue
    assert row[2] == neutral(card["text"]), (row[2], card["text"])
    if "Bernard" not in card["details"] and not re.search(r"\+33|@", card["details"]):
        assert row[3] == neutral(card["details"]), (row[3], card["details"])
votes = list(csv.reader(open(sys.argv[3], encoding="utf-8-sig", newline=""), delimiter=";"))
# Votes of people who did not consent come as totals, with no voter.
consented = {p["id"] for p in d["people"] if p.get("consent")}
named = [v for v in d["votes"] if v.get("voter") in consented or v.get("voter", "").startswith("t")]
assert len(votes) > len(named) + 1, len(votes)
assert sum(int(v[4]) for v in votes[1:]) == sum(v["count"] for v in d["votes"])
assert all(v[2] in ("Counted together (no voter named)",) or any(p["name"] == v[2] and p["consent"] for p in d["people"])
           or any(t["name"] == v[2] for t in d["tables"]) for v in votes[1:]), votes
print("same")
PY
expect "csv round-trips through a CSV parser" "$(tail -1 "$tmp/csvcheck")" "same"

# Anonymised workshop: valid, and no name or e-mail of the demo anywhere, nor in its exports.
run "$app" anonymize "$demo" -o "$tmp/anon.visions21" 2>"$tmp/err"; expect "anonymize exits 0" "$status" 0
run "$app" check "$tmp/anon.visions21" 2>"$tmp/err"; expect "the anonymised workshop is valid" "$status" 0
for format in pdf html md csv; do
  run "$app" export "$demo" --anonymize -o "$tmp/anon.$format" 2>"$tmp/err"
  expect "export --anonymize $format exits 0" "$status" 0
done
anon_outputs=("$tmp"/anon.visions21 "$tmp"/anon.html "$tmp"/anon.md "$tmp"/anon.csv "$tmp"/anon-votes.csv)
if command -v pdftotext >/dev/null; then
  pdftotext "$tmp/anon.pdf" "$tmp/anon-pdf.txt"
  anon_outputs+=("$tmp/anon-pdf.txt")
fi
run "$py" - "$demo" "${anon_outputs[@]}" <<'PY' >"$tmp/anoncheck" 2>&1
import json, re, sys, os
d = json.load(open(sys.argv[1]))
found = []
for path in sys.argv[2:]:
    if not os.path.exists(path):
        found.append("%s: missing" % os.path.basename(path))
        continue
    text = open(path, encoding="utf-8").read()
    flat = re.sub(r"\s+", " ", text)
    for p in d["people"]:
        words = [p["name"]] + p["name"].split()[1:]
        if p["email"]: words.append(p["email"])
        for w in words:
            if re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", flat):
                found.append("%s: %s" % (os.path.basename(path), w))
print("\n".join(found) if found else "clean")
PY
expect "no name, surname or e-mail in the anonymised outputs" "$(cat "$tmp/anoncheck")" "clean"

# Merge: a table's copy with a new card comes in; the same file twice changes nothing.
"$py" - "$demo" "$tmp/table.visions21" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["cards"].append({"id": "table3-card", "kind": "idea", "text": "Une idée écrite sur le portable de la table 3",
                   "details": "", "table": "t3", "sequence": "seq-d2-02", "cluster": None, "created": "2027-03-19T10:30:00+01:00"})
d["cards"][0]["text"] = "Garantir l'eau potable, version de la table 3"
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
run "$app" merge "$demo" "$tmp/table.visions21" -o "$tmp/merged.visions21" >"$tmp/out" 2>"$tmp/err"; expect "merge exits 0" "$status" 0
run "$app" check "$tmp/merged.visions21" 2>/dev/null; expect "the merged workshop is valid" "$status" 0
grep -q "2 cards" "$tmp/out" && grep -q "1 conflict" "$tmp/out" && ok "merge says what came in and the conflict" \
  || not_ok "merge summary: $(cat "$tmp/out")"
grep -q "table3-card" "$tmp/merged.visions21" && ok "the table's card is in the master" || not_ok "the card did not come in"
run "$app" merge "$tmp/merged.visions21" "$tmp/table.visions21" -o "$tmp/twice.visions21" >"$tmp/out" 2>"$tmp/err"
expect "merging the same file again exits 0" "$status" 0
cmp -s "$tmp/merged.visions21" "$tmp/twice.visions21" && ok "merging the same file twice changes nothing" \
  || not_ok "the second merge changed the file"
# A table's copy made by table-copy merges three ways: what the table changed
# (the political goal, an e-mail, a material's body) comes in beside what the
# master changed meanwhile (an organisation), nothing lost.
run "$app" table-copy "$demo" -o "$tmp/t1.visions21" 2>"$tmp/err"; expect "table-copy exits 0" "$status" 0
run "$app" table-copy "$demo" -o "$tmp/t1.visions21" 2>"$tmp/err"; expect "table-copy refuses to replace a file" "$status" 1
"$py" - "$demo" "$tmp/t1.visions21" "$tmp/m1.visions21" <<'PY'
import json, sys
master, table = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
table["political_goal"] = "Objectif réécrit par la table 3"
table["people"][7]["email"] = "nouvelle.adresse@table3.example"
table["materials"][0]["body"] = "Texte repris par la table 3."
json.dump(table, open(sys.argv[2], "w"), ensure_ascii=False)
master["people"][9]["organisation"] = "Structure changée dans le maître"
json.dump(master, open(sys.argv[3], "w"), ensure_ascii=False)
PY
run "$app" merge "$tmp/m1.visions21" "$tmp/t1.visions21" -o "$tmp/m2.visions21" >"$tmp/out" 2>"$tmp/err"
expect "merge of a table's copy exits 0" "$status" 0
"$py" - "$tmp/m2.visions21" >"$tmp/checks" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
def check(label, cond): print(("ok" if cond else "not ok") + " " + label)
check("the table's political goal came in", d["political_goal"] == "Objectif réécrit par la table 3")
check("the table's e-mail came in", d["people"][7]["email"] == "nouvelle.adresse@table3.example")
check("the table's material came in", d["materials"][0]["body"] == "Texte repris par la table 3.")
check("the master's own change stays", d["people"][9]["organisation"] == "Structure changée dans le maître")
check("the copy's ancestor does not enter the master", "merge_base" not in d)
PY
while read -r result rest; do
  if [ "$result" = ok ]; then ok "three-way merge: $rest"; else not_ok "three-way merge: $rest"; fi
done <"$tmp/checks"
run "$app" merge "$demo" "$src/tests/data/good/minimal.visions21" -o "$tmp/x.visions21" >/dev/null 2>"$tmp/err"
expect "a file of another workshop is refused" "$status" 1
grep -q "another workshop" "$tmp/err" && ok "the refusal says why" || not_ok "refusal message: $(cat "$tmp/err")"
[ ! -e "$tmp/x.visions21" ] && ok "nothing written on refusal" || not_ok "a file was written"

# Usage errors.
run "$app" export "$demo" 2>/dev/null; expect "export without -o exits 2" "$status" 2
run "$app" export "$demo" -o "$tmp/x.docx" 2>/dev/null; expect "export to an unknown extension exits 2" "$status" 2
run "$app" export "$demo" --format rtf -o "$tmp/x.pdf" 2>/dev/null; expect "export to an unknown format exits 2" "$status" 2
run "$app" export "$tmp/missing.visions21" -o "$tmp/x.pdf" 2>/dev/null; expect "export of a missing file exits 1" "$status" 1
run "$app" anonymize "$demo" 2>/dev/null; expect "anonymize without -o exits 2" "$status" 2
run "$app" merge "$demo" -o "$tmp/x.visions21" 2>/dev/null; expect "merge without files exits 2" "$status" 2
run "$app" --help >"$tmp/help"; expect "--help exits 0" "$status" 0
grep -q "visions21 export" "$tmp/help" && ok "--help lists export" || not_ok "--help lists export"

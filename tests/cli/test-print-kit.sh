#!/usr/bin/env bash
# visions21 print-kit: the PDF of the demo (in French) has the expected pages; its text
# holds every table's name and every material's title (the portrait too, which has no
# exercise), and each sheet the exercises' material lines name, on as many pages as
# written below; curly apostrophes only; people who did not consent are not named.
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
fr () { LANGUAGE=fr LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8 "$@"; }
trap 'rm -rf "$tmp"' EXIT
trap 'stopped "$LINENO" "$?"' ERR
unset DISPLAY WAYLAND_DISPLAY

# The sheets of the demo's kit: the French text each page of the sheet holds, and on how
# many pages (6 tables; the people at no table sign a sheet of their own; T1 is named
# under the 4 articles and the trend cards, and on its conditions form).
SHEETS='Feuille d’émargement|7
Test de robustesse : défis × réponses actuelles|6
Menaces à anticiper|6
Nous sommes en 2056…|6
Notre territoire a fait mieux qu’ailleurs. Des journalistes viennent comprendre pourquoi.|6
Carte « et si… »|3
Ce qui changerait de cap|3
Frise 2016 – 2056|6
Aujourd’hui|6
Pistes d’action : quoi, qui, quand|6
Vote à gommettes : 5 gommettes par table|1
5 gommettes à placer|1
Points : 10 par personne|1
6 personnes, 10 points chacune|1
Plans et démarches en cours, avec leurs échéances|1
Plan ou démarche en cours Porté par Échéance|1
Ce que les deux journées confirment, contredisent ou ajoutent|1
Fiche « conditions d’application et modalités d’usage »|6
T1 — Contextualisation des territoires en transition dans l’environnement stratégique|6
T6 — Regard sur la démarche en cours|1'
# The demo's participants who did not consent to be named: none may be printed.
UNNAMED='Gérard Pouvreau
Fatima Ouali
Jeanne Audebert
Alain Suire
Monique Guilbaud'
FIXED_CHECKS=$((25 + $(echo "$SHEETS" | wc -l) + $(echo "$UNNAMED" | wc -l)))
# One text check per table and per material.
text_checks=$(python3 -c 'import json, sys; d = json.load(open(sys.argv[1], encoding="utf-8"))
print(len(d["tables"]) + len(d["materials"]))' "$demo")
echo "1..$((FIXED_CHECKS + text_checks))"

run fr "$app" print-kit "$demo" -o "$tmp/kit.pdf" 2>"$tmp/err"; expect "print-kit exits 0" "$status" 0
expect "print-kit prints nothing" "$(cat "$tmp/err")" ""
[ -s "$tmp/kit.pdf" ] && ok "the kit exists" || not_ok "the kit exists"
expect "the kit is a PDF" "$(head -c 5 "$tmp/kit.pdf")" "%PDF-"

if command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null; then
  # Cover 1, run sheet 2 (days), signs 6, sign-in sheets 7 and lists 7 (tables and the
  # people at no table), portrait 1, articles 4 (one a page), trend cards 1 and challenge
  # sheets 1 (four a page), robustness grids 6, writing sheets 6, "et si…" cards 3 (two
  # per table, four a page), timelines 6, action sheets 6 (a table each), vote material 2
  # (rounds), processes under way 1 (T6, plenary), conditions forms 6 (exercises).
  pages=$(pdfinfo "$tmp/kit.pdf" | sed -n 's/^Pages: *//p')
  expect "the demo's kit has 66 pages" "$pages" 66
  size=$(pdfinfo "$tmp/kit.pdf" | sed -n 's/^Page size: *//p')
  case "$size" in *"(A4)"*) ok "pages are A4";; *) not_ok "pages are A4 (got $size)";; esac

  pdftotext "$tmp/kit.pdf" "$tmp/kit.txt"
  # Every table's name and material's title, as one line each, must be in the text
  # (line breaks and non-breaking spaces count as spaces, apostrophes as one, and a
  # word broken at a syllable, "des-/serrement", which pdftotext gives with its soft
  # hyphen, as the word).
  python3 - "$demo" "$tmp/kit.txt" > "$tmp/found" <<'PY'
import json, re, sys
def plain(s):
    s = re.sub(r"\u00ad\s*", "", s)
    return re.sub(r"[\s\u00a0\u202f]+", " ", s).replace("\u2019", "'")
demo = json.load(open(sys.argv[1], encoding="utf-8"))
text = plain(open(sys.argv[2], encoding="utf-8").read())
wanted = [t["name"] for t in demo["tables"]]
wanted += [m["title"] for m in demo["materials"]]
for w in wanted:
    print(("FOUND " if plain(w) in text else "MISSING ") + w)
PY
  while IFS= read -r line; do
    case "$line" in
      FOUND*) ok "the text has “${line#FOUND }”";;
      *) not_ok "the text has “${line#MISSING }”";;
    esac
  done < "$tmp/found"
  # Each sheet on its pages (pdftotext ends each page with a form feed).
  echo "$SHEETS" | python3 -c '
import re, sys
def plain(s):
    s = re.sub(r"\u00ad\s*", "", s)
    return re.sub(r"[\s\u00a0\u202f]+", " ", s)
pages = [plain(p) for p in open(sys.argv[1], encoding="utf-8").read().split("\f")]
for line in sys.stdin.read().splitlines():
    sheet, count = line.rsplit("|", 1)
    print("%s|%d|%s" % (sheet, sum(1 for p in pages if plain(sheet) in p), count))' "$tmp/kit.txt" > "$tmp/sheets"
  while IFS='|' read -r sheet got want; do
    expect "“$sheet” is on $want page(s)" "$got" "$want"
  done < "$tmp/sheets"
  if command -v qpdf >/dev/null; then
    root=$(qpdf --show-object=trailer "$tmp/kit.pdf" | sed -n 's/.*\/Root \([0-9]*\) 0 R.*/\1/p')
    expect "the kit's document language" "$(qpdf --show-object="$root" "$tmp/kit.pdf" | grep -o '/Lang ([^)]*)' || true)" "/Lang (fr-FR)"
  else
    skip 1 "qpdf is not installed (test-report-pdf installs it)"
  fi
  expect "no straight apostrophe in the French kit" "$(grep -c "'" "$tmp/kit.txt" || true)" 0
  # The robustness grid's narrow columns: their headers whole, a word broken only
  # between syllables with a hyphen (never "pluriprofession/nelle"), and no guillemet
  # alone on a line.
  expect "the grid's answers are whole in their narrow columns" "$(python3 - "$tmp/kit.txt" <<'PY'
import re, sys
def plain(s):
    s = re.sub(r"\u00ad\s*", "", s)
    return re.sub(r"[\s\u00a0\u202f]+", " ", s).replace("\u2019", "'")
text = plain(open(sys.argv[1], encoding="utf-8").read())
print(sum(plain(h) in text for h in [
    "Programme intercommunal de plantation de haies (12 km par an)",
    "Maison de santé pluriprofessionnelle de Marcillé (9 professionnels)",
    "Transport à la demande intercommunal (2 lignes, réservation la veille)",
    "Réseau de chaleur bois de Marcillé alimenté par le bois des haies locales",
    "Plateforme de rénovation énergétique « Rénov'Bocage »"]))
PY
)" 5
  expect "no guillemet alone on a line" "$(grep -c -E '^[[:space:]]*(«|»)[[:space:]]*$' "$tmp/kit.txt" || true)" 0
  while IFS= read -r name; do
    grep -q "$name" "$tmp/kit.txt" && not_ok "“$name” (no consent) is not printed" || ok "“$name” (no consent) is not printed"
  done <<< "$UNNAMED"
  expect "they are listed by their label" "$(grep -c "^Participant·e [0-9]*$" "$tmp/kit.txt" || true)" 5
  grep -q "^Bernard Chaigneau$" "$tmp/kit.txt" && ok "a consenting person is named" || not_ok "a consenting person is named"
  grep -q "@" "$tmp/kit.txt" && not_ok "no e-mail address is printed" || ok "no e-mail address is printed"
  # Without T6, no sheet of processes under way (nor T6's conditions form).
  python3 - "$demo" "$tmp/no-t6.visions21" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["exercises"] = [e for e in d["exercises"] if e["code"] != "T6"]
d["exercise_notes"] = [e for e in d["exercise_notes"] if e.get("exercise") != "ex-t6"]
for s in d["sequences"]:
    if s.get("exercise") == "ex-t6":
        del s["exercise"]
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
  run fr "$app" print-kit "$tmp/no-t6.visions21" -o "$tmp/no-t6.pdf"
  expect "without T6, the kit has 64 pages" "$(pdfinfo "$tmp/no-t6.pdf" | sed -n 's/^Pages: *//p')" 64
  expect "without T6, no sheet of processes under way" "$(pdftotext "$tmp/no-t6.pdf" - | grep -c "Démarches en cours" || true)" 0
  # A new workshop: no tables, people or material yet; the cover and the two days.
  run env V21_TOOLKIT="$src/data/toolkit.json" "$app" new -o "$tmp/new.visions21" --title "Vide"
  expect "new exits 0" "$status" 0
  run "$app" print-kit "$tmp/new.visions21" -o "$tmp/new.pdf"; expect "print-kit of a new workshop exits 0" "$status" 0
  # The cover, the two days, and the blank sheets of the toolkit's exercises: one grid
  # (T2), one writing sheet and one page of "what if…" cards (T3), one timeline (T4), one
  # action sheet (T5), one sheet of processes under way (T6), and six conditions forms.
  expect "a new workshop's kit has 15 pages" "$(pdfinfo "$tmp/new.pdf" | sed -n 's/^Pages: *//p')" 15
else
  skip $((text_checks + FIXED_CHECKS - 11)) "pdfinfo and pdftotext are not installed (poppler-utils, see scripts/setup.sh)"
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

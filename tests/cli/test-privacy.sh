#!/usr/bin/env bash
# Privacy that holds: every output of the hard-names corpus (tests/data/privacy)
# — the anonymised workshop, the report as HTML, ODT, Markdown, CSV (cards and
# votes) and PDF (read back with pdftotext), as it goes out (only who consented
# named) and anonymised (nobody named) — holds no fragment of a name that may
# not be given, no e-mail or phone number in any form, every control sentence
# unchanged, and the names of who consented where they may be given.
# tests/cli/privacy-check.py does the reading (linear in the output's size).
# usage: test-privacy.sh VISIONS21 SOURCE_ROOT   (prints TAP)
#
# The plan comes first: a script that stops early leaves checks unrun, which
# TAP counts as a failure. A new check adds one to FIXED_CHECKS.
set -euo pipefail
app=$1
src=$2
corpus="$src/tests/data/privacy/hard-names.visions21"
tmp=$(mktemp -d)
n=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; }
expect () { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 (got '$2', expected '$3')"; fi; }
run () { status=0; "$@" || status=$?; }
fr () { LANGUAGE=fr LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8 "$@"; }
stopped () { echo "not ok $((n + 1)) - the script stopped at line $1 (exit $2)"; }
trap 'rm -rf "$tmp"' EXIT
trap 'stopped "$LINENO" "$?"' ERR
py=/usr/bin/python3
check="$src/tests/cli/privacy-check.py"

unset DISPLAY WAYLAND_DISPLAY

# Outputs read as the report goes out (4 checks each) and anonymised (3 each).
consent_outputs=("html consent.html" "odt consent.odt" "md consent.md" "csv consent.csv" "votes consent-votes.csv" "pdftext consent.txt")
all_outputs=("visions21 anon.visions21" "html anon.html" "odt anon.odt" "md anon.md" "csv anon.csv" "votes anon-votes.csv" "pdftext anon.txt")
FIXED_CHECKS=17
echo "1..$((FIXED_CHECKS + 4 * ${#consent_outputs[@]} + 3 * ${#all_outputs[@]}))"

# The committed corpus is what the generator writes.
"$py" "$src/tests/data/privacy/gen-hard-names.py" >"$tmp/regenerated.visions21"
if cmp -s "$tmp/regenerated.visions21" "$corpus"; then ok "the corpus is what gen-hard-names.py writes"
else not_ok "the corpus is what gen-hard-names.py writes (run it again and commit)"; fi
"$py" "$src/tests/data/privacy/gen-hard-names.py" --facts >"$tmp/facts.json"
run "$app" check "$corpus"; expect "the corpus is a valid workshop" "$status" 0

# Every output, in French (the report's own words are then French too).
run fr "$app" anonymize "$corpus" -o "$tmp/anon.visions21"; expect "anonymize exits 0" "$status" 0
run "$app" check "$tmp/anon.visions21"; expect "the anonymised workshop is valid" "$status" 0
for format in html odt md csv pdf; do
  run fr "$app" export "$corpus" -o "$tmp/consent.$format"; expect "export $format exits 0" "$status" 0
  run fr "$app" export "$corpus" --anonymize -o "$tmp/anon.$format"; expect "export $format --anonymize exits 0" "$status" 0
done
if command -v pdftotext >/dev/null; then
  pdftotext -layout -enc UTF-8 "$tmp/consent.pdf" "$tmp/consent.txt"
  pdftotext -layout -enc UTF-8 "$tmp/anon.pdf" "$tmp/anon.txt"
else
  # Without poppler-utils the PDF is read as bytes: its text is compressed, so
  # the checks of names would pass for nothing; say so and fail.
  echo "# pdftotext is missing (Debian package poppler-utils)"
  : >"$tmp/consent.txt"; : >"$tmp/anon.txt"
fi

checked () {
  local mode=$1 kind=$2 file=$3 line
  while IFS= read -r line; do
    case $line in
      "ok - "*) ok "${line#ok - }" ;;
      "not ok - "*) not_ok "${line#not ok - }" ;;
      *) echo "$line" ;;
    esac
  done < <("$py" "$check" "$tmp/facts.json" "$mode" "$kind" "$tmp/$file")
}
for output in "${consent_outputs[@]}"; do
  read -r kind file <<<"$output"
  checked consent "$kind" "$file"
done
for output in "${all_outputs[@]}"; do
  read -r kind file <<<"$output"
  checked all "$kind" "$file"
done

# Organisations stay unless they name a person; votes of who did not consent
# are totals, never a label with its allocation.
"$py" - "$tmp/anon.visions21" >"$tmp/orgs" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print("\n".join(sorted({p["organisation"] for p in d["people"]})))
PY
if grep -qx "Syndicat des eaux" "$tmp/orgs" && grep -qx "Mairie de Vert-le-Petit" "$tmp/orgs" \
   && grep -qx "Chambre d’agriculture" "$tmp/orgs"; then ok "public bodies are kept in the anonymised workshop"
else not_ok "public bodies are kept in the anonymised workshop ($(tr '\n' '|' <"$tmp/orgs"))"; fi
if grep -qE "^(GAEC Le Goffic|Ferme Marchand|Cabinet Ho Conseil)$" "$tmp/orgs"; then
  not_ok "organisations named after a person are removed ($(tr '\n' '|' <"$tmp/orgs"))"
else ok "organisations named after a person are removed"; fi
labelled=$("$py" - "$tmp/consent-votes.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig"), delimiter=";"))
print(sum(1 for row in rows[1:] if row[2].startswith("Participant")))
PY
)
expect "no voter's label with its own allocation in the votes CSV" "$labelled" 0

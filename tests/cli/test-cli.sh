#!/bin/sh
# The headless command line: --version, usage errors, check, new.
# usage: test-cli.sh VISIONS21 SOURCE_ROOT   (prints TAP)
set -u
app=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
expect () { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 (got '$2', expected '$3')"; fi; }

# No display is needed: subcommands run before GTK starts.
unset DISPLAY WAYLAND_DISPLAY

out=$("$app" --version); expect "--version prints the version" "$out" "visions21 0.1.0"
"$app" --help >"$tmp/help" 2>&1; expect "--help exits 0" "$?" 0
grep -q "visions21 check" "$tmp/help" && ok "--help lists check" || not_ok "--help lists check"

"$app" frobnicate >"$tmp/out" 2>"$tmp/err"; expect "unknown command exits 2" "$?" 2
grep -q "frobnicate" "$tmp/err" && grep -q "visions21 check" "$tmp/err" \
  && ok "unknown command names it and prints the usage" || not_ok "unknown command message"

"$app" check "$src/data/examples/demo.visions21" 2>"$tmp/err"; expect "check demo exits 0" "$?" 0
expect "check demo prints nothing" "$(cat "$tmp/err")" ""

bad="$src/tests/data/bad/card-table-dangling.visions21"
"$app" check "$src/data/examples/demo.visions21" "$bad" 2>"$tmp/err"; expect "check with a bad file exits 1" "$?" 1
first=$(head -n 1 "$tmp/err" | cut -d: -f1-2)
expect "check prints FILE: PATH" "$first" "$bad: \$.cards[2].table"

LANGUAGE=fr LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8 "$app" check "$bad" 2>"$tmp/err"
grep -q "aucun élément" "$tmp/err" && ok "check speaks French with LANGUAGE=fr" || not_ok "check in French: $(cat "$tmp/err")"

"$app" check "$tmp/missing.visions21" 2>"$tmp/err"; expect "check of a missing file exits 1" "$?" 1
"$app" check 2>/dev/null; expect "check without a file exits 2" "$?" 2

V21_TOOLKIT="$src/data/toolkit.json" "$app" new -o "$tmp/new.visions21" --title "Atelier du Val" \
  --territory "Val de Sèvre" --start-year 2027; expect "new exits 0" "$?" 0
"$app" check "$tmp/new.visions21"; expect "the new workshop is valid" "$?" 0
grep -q '"horizon_year": 2057' "$tmp/new.visions21" && ok "new: horizon = start + 30" || not_ok "new: horizon"
grep -q '"title": "Atelier du Val"' "$tmp/new.visions21" && ok "new: title" || not_ok "new: title"

"$app" new -o "$tmp/bad.visions21" --start-year 2030 --horizon 2020 2>"$tmp/err"; expect "new refuses a horizon before the start" "$?" 1
[ ! -e "$tmp/bad.visions21" ] && ok "nothing written for bad values" || not_ok "a file was written for bad values"
"$app" new 2>/dev/null; expect "new without -o exits 2" "$?" 2

echo "1..$n"
exit $failed

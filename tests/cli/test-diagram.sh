#!/bin/sh
# `visions21 diagram`: formats, sizes, styles, and its usage errors.
# usage: test-diagram.sh VISIONS21 SOURCE_ROOT   (prints TAP)
set -u
app=$1
src=$2
demo="$src/data/examples/demo.visions21"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; }
expect () { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 (got '$2', expected '$3')"; fi; }
# The size a PNG declares in its header: "WIDTHxHEIGHT".
png_size () { od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }'; }

unset DISPLAY WAYLAND_DISPLAY

"$app" diagram "$demo" --format png -o "$tmp/all.png" 2>"$tmp/err"; expect "png exits 0" "$?" 0
expect "png has the default size" "$(png_size "$tmp/all.png")" "1280x760"

"$app" diagram "$demo" --scenario sc2 -o "$tmp/sc2.png" --width 900 --height 500 --scale 2 2>"$tmp/err"
expect "png of one scenario at 2x exits 0" "$?" 0
expect "png at 2x has twice the size" "$(png_size "$tmp/sc2.png")" "1800x1000"

"$app" diagram "$demo" --format svg -o "$tmp/all.svg" --width 640 --height 400 --style projector 2>"$tmp/err"
expect "svg exits 0" "$?" 0
head -c 200 "$tmp/all.svg" | grep -q "<svg" && grep -q 'width="640' "$tmp/all.svg" \
  && ok "svg of the requested width" || not_ok "svg header: $(head -c 300 "$tmp/all.svg")"

"$app" diagram "$demo" -o "$tmp/all.pdf" 2>"$tmp/err"; expect "pdf from the extension exits 0" "$?" 0
expect "pdf starts like a PDF" "$(head -c 5 "$tmp/all.pdf")" "%PDF-"
if command -v pdftotext >/dev/null; then
  pdftotext "$tmp/all.pdf" - | grep -q "Fusion des trois communautés" \
    && ok "pdf text has a milestone" || not_ok "pdf text: $(pdftotext "$tmp/all.pdf" - | head -20)"
else
  ok "pdf text has a milestone # SKIP pdftotext is not installed"
fi

LANGUAGE=fr LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8 "$app" diagram "$demo" -o "$tmp/fr.pdf" --style print 2>"$tmp/err"
if command -v pdftotext >/dev/null; then
  pdftotext "$tmp/fr.pdf" - | grep -q "Aujourd’hui" \
    && ok "the diagram speaks French with LANGUAGE=fr" || not_ok "French pdf: $(pdftotext "$tmp/fr.pdf" - | head -20)"
else
  ok "the diagram speaks French # SKIP pdftotext is not installed"
fi

"$app" diagram "$demo" --scenario nope -o "$tmp/x.png" 2>"$tmp/err"; expect "unknown scenario exits 1" "$?" 1
grep -q "nope" "$tmp/err" && ok "unknown scenario is named" || not_ok "unknown scenario message: $(cat "$tmp/err")"
[ ! -e "$tmp/x.png" ] && ok "nothing written on failure" || not_ok "a file was written"
"$app" diagram "$demo" -o "$tmp/x.png" --width 100000 2>"$tmp/err"; expect "absurd size exits 1" "$?" 1
"$app" diagram "$tmp/missing.visions21" -o "$tmp/x.png" 2>"$tmp/err"; expect "missing file exits 1" "$?" 1
"$app" diagram "$demo" 2>/dev/null; expect "no output exits 2" "$?" 2
"$app" diagram "$demo" -o "$tmp/x.gif" 2>/dev/null; expect "unknown extension exits 2" "$?" 2
"$app" diagram "$demo" --format tiff -o "$tmp/x.png" 2>/dev/null; expect "unknown format exits 2" "$?" 2
"$app" diagram "$demo" --style poster -o "$tmp/x.png" 2>/dev/null; expect "unknown style exits 2" "$?" 2
"$app" diagram 2>/dev/null; expect "no file exits 2" "$?" 2
"$app" --help | grep -q "visions21 diagram" && ok "--help lists diagram" || not_ok "--help lists diagram"

echo "1..$n"

#!/bin/sh
# The command line against odd paths: pipes, devices, existing files, private files.
# Every command that could hang runs under timeout(1): a hang fails (exit 124).
# usage: test-hostile.sh VISIONS21 SOURCE_ROOT   (prints TAP)
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
has () { if grep -q "$2" "$3"; then ok "$1"; else not_ok "$1: $(head -c 2000 "$3")"; fi; }

unset DISPLAY WAYLAND_DISPLAY
export V21_TOOLKIT="$src/data/toolkit.json"
demo="$src/data/examples/demo.visions21"

# new does not clobber a workshop.
cp "$demo" "$tmp/w.visions21"
"$app" new -o "$tmp/w.visions21" 2>"$tmp/err"; expect "new refuses an existing file" "$?" 1
cmp -s "$demo" "$tmp/w.visions21" && ok "the existing file is untouched" || not_ok "new overwrote the file"
[ ! -e "$tmp/w.visions21~" ] && ok "no backup made by a refused new" || not_ok "a backup appeared"
has "the refusal says what to do" "already exists.*--force" "$tmp/err"
"$app" new -o "$tmp/w.visions21" 2>/dev/null; expect "twice: still refused" "$?" 1
cmp -s "$demo" "$tmp/w.visions21" && ok "the demo is still there" || not_ok "the demo is gone"
"$app" new --force -o "$tmp/w.visions21" --title "Neuf"; expect "new --force replaces it" "$?" 0
grep -q '"title": "Neuf"' "$tmp/w.visions21" && ok "the new workshop is written" || not_ok "new --force wrote nothing"
cmp -s "$demo" "$tmp/w.visions21~" && ok "--force keeps the old file as its backup" || not_ok "the old file is lost"

# Pipes and devices are refused at once.
mkfifo "$tmp/pipe.visions21"
timeout 5 "$app" check "$tmp/pipe.visions21" 2>"$tmp/err"; expect "check of a FIFO exits 1 without hanging" "$?" 1
has "check says it is a pipe" "named pipe (FIFO), not an ordinary file" "$tmp/err"
timeout 5 "$app" check /dev/zero 2>"$tmp/err"; expect "check of /dev/zero exits 1 at once" "$?" 1
has "check says it is a device" "is a device, not an ordinary file" "$tmp/err"
mkfifo "$tmp/out.md"
timeout 5 "$app" export "$demo" -o "$tmp/out.md" 2>"$tmp/err"; expect "export onto a FIFO exits 1" "$?" 1
[ -p "$tmp/out.md" ] && ok "the FIFO is still a FIFO" || not_ok "the FIFO was replaced"
has "export says why" "not an ordinary file" "$tmp/err"
timeout 5 "$app" new -o "$tmp/pipe.visions21" 2>/dev/null; expect "new onto a FIFO is refused" "$?" 1

# A private workshop stays private through a merge onto itself.
cp "$demo" "$tmp/private.visions21"
chmod 600 "$tmp/private.visions21"
"$app" merge "$tmp/private.visions21" "$tmp/private.visions21" -o "$tmp/private.visions21" >/dev/null
expect "merge keeps 0600" "$(stat -c %a "$tmp/private.visions21")" 600
"$app" merge "$tmp/private.visions21" "$tmp/private.visions21" -o "$tmp/private.visions21" >/dev/null
expect "and its backup 0600 too" "$(stat -c %a "$tmp/private.visions21~")" 600

# Saving through a link writes the file it names.
cp "$demo" "$tmp/real.visions21"
ln -s real.visions21 "$tmp/link.visions21"
"$app" anonymize "$tmp/real.visions21" -o "$tmp/link.visions21"; expect "anonymize through a link" "$?" 0
[ -L "$tmp/link.visions21" ] && ok "the link stays a link" || not_ok "the link was replaced"
cmp -s "$demo" "$tmp/real.visions21" && not_ok "the real file was not written" || ok "the real file holds the copy"

# The size limit, in the user's language.
truncate -s 65M "$tmp/huge.visions21"
"$app" check "$tmp/huge.visions21" 2>"$tmp/err"; expect "a 65 MiB file is refused" "$?" 1
has "the limit reads 64 MiB" "files of at most 64 MiB. Check that it is the right file" "$tmp/err"
LANGUAGE=fr LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8 "$app" check "$tmp/huge.visions21" 2>"$tmp/err"
has "and 64 Mio in French" "d’au plus 64 Mio. Vérifiez" "$tmp/err"

# An unterminated RIGHT-TO-LEFT OVERRIDE in a card changes nothing after it.
/usr/bin/python3 - "$demo" "$tmp/bidi.visions21" <<'PY'
import json, sys
workshop = json.load(open(sys.argv[1]))
workshop["cards"][0]["text"] = "\u202eGarantir l'eau potable"
json.dump(workshop, open(sys.argv[2], "w"), ensure_ascii=False)
PY
"$app" export "$tmp/bidi.visions21" -o "$tmp/bidi.md"; expect "export md with an override" "$?" 0
"$app" export "$tmp/bidi.visions21" -o "$tmp/bidi.html"; expect "export html with an override" "$?" 0
has "md: the card is isolated (FSI…PDI)" "$(printf '\342\201\250\342\200\256Garantir l.eau potable\342\201\251')" "$tmp/bidi.md"
has "html: the card is in <bdi>" "<bdi>$(printf '\342\200\256')Garantir l&#39;eau potable</bdi>" "$tmp/bidi.html"
"$app" export "$tmp/bidi.visions21" -o "$tmp/bidi.odt"; expect "export odt with an override" "$?" 0
/usr/bin/python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("content.xml").decode())' \
  "$tmp/bidi.odt" >"$tmp/bidi-content.xml"
has "odt: the card is isolated (FSI…PDI)" "$(printf '\342\201\250\342\200\256Garantir l.eau potable\342\201\251')" "$tmp/bidi-content.xml"
if command -v pdftotext >/dev/null; then
  "$app" export "$tmp/bidi.visions21" -o "$tmp/bidi.pdf"; expect "export pdf with an override" "$?" 0
  pdftotext "$tmp/bidi.pdf" "$tmp/bidi.txt"
  # The card itself is reversed as its author asked ("…araG"); what follows is not.
  line=$(grep "araG" "$tmp/bidi.txt")
  case "$line" in
    *"— Table Sèvre") ok "pdf: the table's name after the card reads as written" ;;
    *) not_ok "pdf: the text after the card is reversed: $line" ;;
  esac
else
  ok "pdf bidi # SKIP pdftotext (poppler-utils) is not installed"
fi

# In a shared sticky folder, files planted by another user: each refusal
# says which file, why, and what to do, in English and in French.
chmod 755 "$tmp"   # other users may reach the folders below
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  mkdir -m 1777 "$tmp/shared"
  cp "$demo" "$tmp/shared/w.visions21"
  chown 65534:65534 "$tmp/shared/w.visions21"
  : >"$tmp/shared/w.visions21~"; chmod 666 "$tmp/shared/w.visions21~"
  : >"$tmp/shared/report.md"; chmod 666 "$tmp/shared/report.md"
  as_nobody () { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
  as_nobody "$app" merge "$tmp/shared/w.visions21" "$tmp/shared/w.visions21" -o "$tmp/shared/w.visions21" \
    >/dev/null 2>"$tmp/err"; expect "a planted backup stops the save" "$?" 1
  has "the refusal names the backup and its owner" "“$tmp/shared/w.visions21~” belongs to another user" "$tmp/err"
  has "and says what to do" "Remove it, or save in another folder" "$tmp/err"
  LANGUAGE=fr LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8 as_nobody "$app" merge "$tmp/shared/w.visions21" \
    "$tmp/shared/w.visions21" -o "$tmp/shared/w.visions21" >/dev/null 2>"$tmp/err"
  has "in French too" "« $tmp/shared/w.visions21~ » appartient à un autre utilisateur" "$tmp/err"
  [ -s "$tmp/shared/w.visions21~" ] && not_ok "the planted backup received the workshop" || ok "the planted backup got nothing"
  as_nobody "$app" export "$tmp/shared/w.visions21" -o "$tmp/shared/report.md" 2>"$tmp/err"
  expect "a planted output is refused" "$?" 1
  has "the refusal says the file is someone else's" "“$tmp/shared/report.md” belongs to another user" "$tmp/err"
  grep -q "folder .* cannot be written" "$tmp/err" && not_ok "it blames the folder, which can be written" || ok "it does not blame the folder"
  [ -s "$tmp/shared/report.md" ] && not_ok "the planted output received the report" || ok "the planted output got nothing"
else
  ok "planted files in a sticky folder # SKIP needs root and setpriv to switch user"
fi

# A read-only folder: the message names the folder, not a temporary file.
mkdir "$tmp/ro"; cp "$demo" "$tmp/ro/w.visions21"; chmod 555 "$tmp/ro"
if [ "$(id -u)" = 0 ]; then ro_run () { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }; else ro_run () { "$@"; }; fi
ro_run "$app" export "$tmp/ro/w.visions21" -o "$tmp/ro/report.md" 2>"$tmp/err"; expect "read-only folder: refused" "$?" 1
has "the folder is named" "the folder “$tmp/ro” cannot be written" "$tmp/err"
grep -q "saving\|~\.\|XXXXXX" "$tmp/err" && not_ok "a temporary file is named: $(cat "$tmp/err")" || ok "no temporary file named"
LANGUAGE=fr LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8 ro_run "$app" export "$tmp/ro/w.visions21" -o "$tmp/ro/report.md" 2>"$tmp/err"
has "and in French" "le dossier « $tmp/ro » n’est pas accessible en écriture" "$tmp/err"
chmod 755 "$tmp/ro"

# A missing file: which, what failed, what to do.
"$app" check "$tmp/missing.visions21" 2>"$tmp/err"; expect "a missing file is refused" "$?" 1
has "it says what to check" "Could not open “$tmp/missing.visions21”: No such file or directory. Check its name and that you may read it." "$tmp/err"
LANGUAGE=fr LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8 "$app" check "$tmp/missing.visions21" 2>"$tmp/err"
has "in French too" "Impossible d’ouvrir « $tmp/missing.visions21 » : Aucun fichier ou dossier de ce type. Vérifiez son nom" "$tmp/err"

# Every writer, through a link and onto a device. Through a link: the file it
# names is replaced (in its own folder, nothing left behind), the link stays.
# Onto /dev/null: refused, and /dev/null stays a device.
mkdir -p "$tmp/links" "$tmp/targets"
writer () {  # NAME EXT COMMAND… (the output goes last, after -o)
  label=$1 ext=$2; shift 2
  printf 'old' >"$tmp/targets/$label.$ext"
  ln -sf "../targets/$label.$ext" "$tmp/links/$label.$ext"
  "$@" -o "$tmp/links/$label.$ext" >/dev/null 2>"$tmp/err"; expect "$label through a link exits 0" "$?" 0
  [ -L "$tmp/links/$label.$ext" ] && ok "$label: the link stays a link" || not_ok "$label: the link was replaced"
  [ "$(cat "$tmp/targets/$label.$ext")" != old ] && [ -s "$tmp/targets/$label.$ext" ] \
    && ok "$label: the file it names is written" || not_ok "$label: the real file was not written"
  leftovers=$(ls -A "$tmp/links" "$tmp/targets" | grep -c "saving")
  expect "$label: no temporary left" "$leftovers" 0
  timeout 5 "$@" -o /dev/null >/dev/null 2>"$tmp/err"; expect "$label onto /dev/null is refused" "$?" 1
  has "$label: says why" "is a device, not an ordinary file" "$tmp/err"
  [ -c /dev/null ] && ok "$label: /dev/null is still a device" || not_ok "$label: /dev/null was replaced"
}
writer export-md md "$app" export "$demo" --format md
writer export-pdf pdf "$app" export "$demo" --format pdf
writer export-html html "$app" export "$demo" --format html
writer export-odt odt "$app" export "$demo" --format odt
writer diagram png "$app" diagram "$demo" --format png
writer print-kit pdf "$app" print-kit "$demo"
writer table-copy visions21 "$app" table-copy --force "$demo"
writer merge visions21 "$app" merge "$demo" "$demo"
writer anonymize visions21 "$app" anonymize "$demo"
writer new visions21 "$app" new --force

echo "1..$n"
exit $failed

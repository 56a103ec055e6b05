#!/bin/sh
# check-po.sh SRCROOT [LANG]
#
# Fails, saying which string or file, when the translation po/LANG.po (default: fr) is
# not complete and current:
#   1. a message of LANG.po is untranslated or fuzzy (the header is ignored);
#   2. a message that xgettext extracts from the files of po/POTFILES.in is missing from
#      LANG.po, or LANG.po still has a (non-obsolete) message the sources no longer have;
#   3. a file under src/ or ui/ has translatable strings but is not in po/POTFILES.in,
#      or po/POTFILES.in names a file that does not exist.
# Fix 2 with `meson compile -C _build visions21-update-po`, then translate.
#
# Needs gettext (xgettext, msgattrib, msgcat) and a POSIX shell, sed, awk, sort, comm.

set -u

srcroot=${1:?usage: check-po.sh SRCROOT [LANG]}
lang=${2:-fr}
po="po/$lang.po"
potfiles="po/POTFILES.in"

cd "$srcroot" || exit 2
export LC_ALL=C

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

status=0
fail ()
{
  printf '%s\n' "$*" >&2
  status=1
}

for f in "$po" "$potfiles"; do
  if [ ! -f "$f" ]; then
    echo "check-po: $f does not exist" >&2
    exit 1
  fi
done

# The same keywords as i18n.gettext (preset: 'glib') uses, plus ngettext.
xgettext_run ()
{
  xgettext --from-code=UTF-8 --add-comments --no-wrap --sort-output \
    --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
    --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
    --keyword=ngettext:1,2 \
    --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
    --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
    --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
    --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
    "$@"
}

# Reads PO text (written with --no-wrap) and prints one line per message but the header:
#   KEY<TAB>WHERE
# where KEY is the message as written in the PO file ([context] "msgid") and WHERE its
# #: references. Obsolete (#~) messages are skipped.
describe ()
{
  awk '
    function flush() {
      if (have && !(ctx == "" && id == "\"\""))
        printf "%s%s\t%s\n", (ctx != "" ? "[" ctx "] " : ""), id, (refs != "" ? refs : "?")
      have = 0; ctx = ""; id = ""; refs = ""; field = ""
    }
    /^#~/ { next }
    /^[ \t]*$/ { flush(); next }
    /^#:/ { sub(/^#: */, ""); refs = (refs != "" ? refs " " : "") $0; next }
    /^#/ { next }
    /^msgctxt / { sub(/^msgctxt /, ""); ctx = $0; field = "ctx"; have = 1; next }
    /^msgid / { sub(/^msgid /, ""); id = $0; field = "id"; have = 1; next }
    /^"/ {
      if (field == "id") id = (id == "\"\"" ? $0 : substr(id, 1, length(id) - 1) substr($0, 2))
      else if (field == "ctx") ctx = (ctx == "\"\"" ? $0 : substr(ctx, 1, length(ctx) - 1) substr($0, 2))
      next
    }
    /^msg/ { field = ""; next }
    END { flush() }
  '
}

# 1. Untranslated and fuzzy messages.
msgattrib --force-po --untranslated --no-obsolete --no-wrap "$po" -o "$tmp/untranslated.po" || exit 2
describe < "$tmp/untranslated.po" > "$tmp/untranslated.txt"
while IFS="$(printf '\t')" read -r key where; do
  fail "$po: untranslated message $key (from $where)"
done < "$tmp/untranslated.txt"

msgattrib --force-po --only-fuzzy --no-obsolete --no-wrap "$po" -o "$tmp/fuzzy.po" || exit 2
describe < "$tmp/fuzzy.po" > "$tmp/fuzzy.txt"
while IFS="$(printf '\t')" read -r key where; do
  fail "$po: fuzzy message $key (from $where): check the translation, then remove the fuzzy flag"
done < "$tmp/fuzzy.txt"

# 2. po/POTFILES.in against the tree, then the extracted messages against LANG.po.
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//' "$potfiles" \
  | grep -v '^$' | sort -u > "$tmp/listed.txt"

potfiles_ok=1
while read -r f; do
  if [ ! -f "$f" ]; then
    fail "$potfiles: lists $f, which does not exist"
    potfiles_ok=0
  fi
done < "$tmp/listed.txt"

if [ "$potfiles_ok" -eq 1 ]; then
  if ! xgettext_run --files-from="$tmp/listed.txt" --output="$tmp/sources.pot" --force-po \
       2> "$tmp/xgettext.err"; then
    cat "$tmp/xgettext.err" >&2
    fail "xgettext failed on the files of $potfiles"
  else
    describe < "$tmp/sources.pot" | sort > "$tmp/sources.txt"
    msgcat --no-wrap "$po" -o "$tmp/normalized.po" || exit 2
    describe < "$tmp/normalized.po" | sort > "$tmp/po.txt"
    cut -f1 "$tmp/sources.txt" | sort -u > "$tmp/sources.keys"
    cut -f1 "$tmp/po.txt" | sort -u > "$tmp/po.keys"

    comm -23 "$tmp/sources.keys" "$tmp/po.keys" > "$tmp/missing.keys"
    while read -r key; do
      where=$(K="$key" awk -F '\t' '$1 == ENVIRON["K"] { print $2; exit }' "$tmp/sources.txt")
      fail "$po: missing message $key (from $where): run the visions21-update-po target, then translate it"
    done < "$tmp/missing.keys"

    comm -13 "$tmp/sources.keys" "$tmp/po.keys" > "$tmp/stale.keys"
    while read -r key; do
      fail "$po: message $key is no longer in the sources: run the visions21-update-po target"
    done < "$tmp/stale.keys"
  fi
fi

# 3. Files of src/ and ui/ with translatable strings must be in po/POTFILES.in. A file is
# a candidate when it contains _(, N_(, C_(, NC_(, a *ngettext call or translatable="yes";
# xgettext then confirms that it really has strings (not just a comment or a macro).
for dir in src ui; do
  [ -d "$dir" ] && find "$dir" -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' \) -print
done | sort > "$tmp/tree.txt"

while read -r f; do
  if grep -qxF "$f" "$tmp/listed.txt"; then
    continue
  fi
  grep -Eq '(^|[^A-Za-z0-9_])(N|C|NC|Q)?_[[:space:]]*\(|ngettext[[:space:]]*\(|translatable="yes"' "$f" \
    || continue
  rm -f "$tmp/one.pot"
  xgettext_run --output="$tmp/one.pot" "$f" 2> /dev/null || true
  if [ -s "$tmp/one.pot" ]; then
    first=$(describe < "$tmp/one.pot" | head -n 1 | cut -f1)
    fail "$potfiles: $f has translatable strings (e.g. $first) but is not listed"
  fi
done < "$tmp/tree.txt"

if [ "$status" -eq 0 ]; then
  n=$(wc -l < "$tmp/po.txt" 2> /dev/null || echo 0)
  echo "check-po: $po is complete and up to date ($((n)) messages)"
fi
exit "$status"

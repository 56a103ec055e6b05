#!/bin/sh
# The structure of the report's PDF, read back with pdfinfo, pdftotext and
# qpdf --json: the document's properties, a bookmark for every heading nested
# under its chapter and leading to its page, a link from every entry of the
# contents to a named destination, a file readers do not call damaged, and
# curly apostrophes in the figures as in the text. qpdf is installed for this
# test only; without it, those parts are skipped with a message.
# usage: test-report-pdf.sh VISIONS21 SOURCE_ROOT   (prints TAP)
set -u
app=$1
src=$2
demo="$src/data/examples/demo.visions21"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
expect () { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 (got '$2', expected '$3')"; fi; }
fr () { LANGUAGE=fr LANG=fr_FR.UTF-8 LC_ALL=fr_FR.UTF-8 "$@"; }
tap () {
  while IFS= read -r line; do
    case "$line" in
      "ok "*) ok "$1: ${line#ok }" ;;
      *) not_ok "$1: ${line#not ok }" ;;
    esac
  done
}
py=/usr/bin/python3

unset DISPLAY WAYLAND_DISPLAY

fr "$app" export "$demo" -o "$tmp/demo.pdf" 2>"$tmp/err"; expect "export pdf exits 0" "$?" 0
fr "$app" export "$demo" -o "$tmp/demo.md" 2>"$tmp/err"; expect "export md exits 0" "$?" 0
if ! command -v pdfinfo >/dev/null; then
  skip "pdf structure" "pdfinfo (poppler-utils) is not installed"
  echo "1..$n"
  exit 0
fi

info () { pdfinfo "$tmp/demo.pdf" | sed -n "s/^$1: *//p"; }
expect "title" "$(info Title)" "Visions +21 — Val de Sèvre et Bocage 2056"
nbsp=$(printf '\302\240')
expect "author: who led it" "$(info Author)" "Animation${nbsp}: Claire Fontanel; Référent technique${nbsp}: Julien Marchais; Élu référent${nbsp}: Bernard Chaigneau"
expect "subject" "$(info Subject)" "Restitution écrite du séminaire de prospective — Communauté de communes Val de Sèvre et Bocage"
expect "keywords" "$(info Keywords)" "prospective, séminaire participatif, Visions +21, Horizon 2056"
[ -n "$(info CreationDate)" ] && ok "a creation date" || not_ok "no creation date"
expect "a structure tree (tagged)" "$(info Tagged)" "yes"
# Typographic apostrophes everywhere, the figures' labels included.
expect "no straight apostrophe in the text or the figures" "$(pdftotext "$tmp/demo.pdf" - | grep -c "'")" 0

if ! command -v qpdf >/dev/null; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo -n"
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends qpdf >"$tmp/apt.log" 2>&1 || true
fi
if ! command -v qpdf >/dev/null; then
  skip "outline and links" "qpdf is not installed and could not be ($(tail -1 "$tmp/apt.log" 2>/dev/null))"
  echo "1..$n"
  exit 0
fi
qpdf --check "$tmp/demo.pdf" >"$tmp/check" 2>&1; status=$?
[ "$status" = 0 ] && ! grep -qi "warning\|damaged" "$tmp/check" && ok "qpdf finds the file sound" \
  || not_ok "qpdf --check: $(grep -i "warning\|error" "$tmp/check" | head -2)"
# The document language, added after cairo as an incremental update: the
# catalog the trailer names carries /Lang, and the file is still sound.
catalog_lang () {
  root=$(qpdf --show-object=trailer "$1" | sed -n 's/.*\/Root \([0-9]*\) 0 R.*/\1/p')
  qpdf --show-object="$root" "$1" | grep -o '/Lang ([^)]*)'
}
expect "document language, French" "$(catalog_lang "$tmp/demo.pdf")" "/Lang (fr-FR)"
expect "an incremental update after cairo's file" "$(grep -ac '^%%EOF' "$tmp/demo.pdf")" 2
expect "no warning on export" "$(cat "$tmp/err")" ""
LANGUAGE=en LANG=C.UTF-8 LC_ALL=C.UTF-8 "$app" export "$demo" -o "$tmp/demo-en.pdf" 2>"$tmp/err-en"
expect "document language, English" "$(catalog_lang "$tmp/demo-en.pdf")" "/Lang (en-GB)"
qpdf --check "$tmp/demo-en.pdf" >"$tmp/check-en" 2>&1 && ! grep -qi "warning\|damaged" "$tmp/check-en" \
  && ok "qpdf finds the English file sound" || not_ok "qpdf --check (English): $(grep -i "warning\|error" "$tmp/check-en" | head -2)"
expect "pdftotext still reads the text" "$(pdftotext -l 1 "$tmp/demo-en.pdf" - | grep -c "Written report of the foresight seminar")" 1
qpdf --json "$tmp/demo.pdf" >"$tmp/demo.json" 2>"$tmp/json-err"
"$py" - "$tmp/demo.json" "$tmp/demo.pdf" "$tmp/demo.md" <<'PY' >"$tmp/checks" 2>&1
import json, re, subprocess, sys
d = json.load(open(sys.argv[1]))
def check(label, cond): print(("ok" if cond else "not ok") + " " + label)
def page_text(i): return subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), sys.argv[2], "-"],
                                        capture_output=True, text=True).stdout
outline = d["outlines"]
top = [o["title"] for o in outline]
check("the outline's chapters: " + ", ".join(top[:4]),
      top[:4] == ["Sommaire", "1 En bref", "2 Contexte et cadrage", "3 Qui a participé"])
check("no annex unless chosen (report sections)", not any(t.startswith("Annexe") for t in top))
chapter2 = next(o for o in outline if o["title"] == "2 Contexte et cadrage")
check("sections under their chapter", [k["title"] for k in chapter2["kids"]][:3]
      == ["2.1 Le territoire", "2.2 Ce qu’attendent les élus", "2.3 La méthode"])
brief = next(o for o in outline if o["title"] == "1 En bref")
check("level-3 headings under theirs", len(brief["kids"]) >= 2 and all(k["kids"] == [] for k in brief["kids"]))
def walk(items):
    for o in items:
        yield o
        yield from walk(o["kids"])
entries = list(walk(outline))
md = open(sys.argv[3]).read()
headings = re.findall(r"^#{2,4} (?!Sommaire$)(.+)$", md, re.M)
check("a bookmark for every heading (%d, %d headings)" % (len(entries) - 1, len(headings)), len(entries) - 1 == len(headings))
check("every bookmark leads to a page", all(o.get("destpageposfrom1") for o in entries))
for o in entries[:12]:
    text = re.sub(r"\s+", " ", page_text(o["destpageposfrom1"]))
    check("bookmark %s leads to its page (%d)" % (o["title"], o["destpageposfrom1"]), o["title"].replace("  ", " ") in text)
# Links from the contents.
objects = d["qpdf"][1]
values = {k: v.get("value") for k, v in objects.items() if isinstance(v, dict)}
links = [v for v in values.values() if isinstance(v, dict) and v.get("/Subtype") == "/Link"]
contents = re.search(r"^## Sommaire\n\n(.*?)\n\n", md, re.M | re.S).group(1).splitlines()
check("a link for every entry of the contents (%d, %d entries)" % (len(links), len(contents)), len(links) == len(contents))
catalog = next(v for v in values.values() if isinstance(v, dict) and v.get("/Type") == "/Catalog")
check("the catalog's language in qpdf --json: %s" % catalog.get("/Lang"), catalog.get("/Lang") == "u:fr-FR")
names = values["obj:" + catalog["/Names"]]["/Dests"]
tree = values["obj:" + names]["/Names"]
dests = dict(zip(tree[0::2], tree[1::2]))
check("every link leads to a named destination", all(l.get("/Dest") in dests for l in links))
pages = {p["object"]: p["pageposfrom1"] for p in d["pages"]}
annots = {p["pageposfrom1"]: len(values["obj:" + p["object"]].get("/Annots", [])) for p in d["pages"]}
check("the links are on the contents' page", annots[2] == len(links) and sum(annots.values()) == len(links))
target = next(o for o in entries if o["title"] == "3 Qui a participé")
first = next(l for l in links if dests[l["/Dest"]][0] == target["dest"][0])
check("the link of 3 Qui a participé leads to page %d" % pages[dests[first["/Dest"]][0]],
      pages[dests[first["/Dest"]][0]] == target["destpageposfrom1"])
PY
tap "pdf structure" <"$tmp/checks"

echo "1..$n"

#!/bin/sh
# `visions21 export --format odt`: the package read back with Python's zipfile
# and XML parser (zip order, mimetype stored, manifest, styles with outline
# levels, contents field, header and footer, tables, figures, language), then
# opened by LibreOffice itself, converted to PDF headless, and read back with
# pdfinfo and pdftotext. LibreOffice (libreoffice-writer-nogui) is installed
# for this test only; without it, that part is skipped with a message.
# usage: test-odt.sh VISIONS21 SOURCE_ROOT   (prints TAP)
set -u
app=$1
src=$2
demo="$src/data/examples/demo.visions21"
hostile="$src/tests/data/good/hostile.visions21"
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

fr "$app" export "$demo" -o "$tmp/demo.odt" 2>"$tmp/err"; expect "export odt from the extension exits 0" "$?" 0
fr "$app" export "$demo" --format odt -o "$tmp/demo-odt" 2>"$tmp/err"; expect "export --format odt exits 0" "$?" 0
"$app" export "$hostile" -o "$tmp/hostile.odt" 2>"$tmp/err"; expect "export of the hostile workshop exits 0" "$?" 0
expect "the file starts like a zip" "$(head -c 2 "$tmp/demo.odt")" "PK"

# The package.
"$py" - "$tmp/demo.odt" "$demo" <<'PY' >"$tmp/checks" 2>&1
import json, re, sys, zipfile, xml.dom.minidom
path, demo = sys.argv[1], json.load(open(sys.argv[2]))
def check(label, cond): print(("ok" if cond else "not ok") + " " + label)
z = zipfile.ZipFile(path)
infos = z.infolist()
check("mimetype is the first entry", infos[0].filename == "mimetype")
check("mimetype is stored, not compressed", infos[0].compress_type == zipfile.ZIP_STORED)
check("mimetype has no extra field", infos[0].extra == b"")
check("mimetype says ODF text", z.read("mimetype") == b"application/vnd.oasis.opendocument.text")
# ODF readers find the mimetype at byte 38 of the file.
check("the mimetype at byte 38", open(path, "rb").read()[30:38] == b"mimetype")
check("the zip is sound", z.testzip() is None)
names = [i.filename for i in infos]
for part in ("content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"):
    check("has " + part, part in names)
docs = {}
for name in names:
    if name.endswith(".xml") or name.endswith(".svg"):
        try:
            docs[name] = xml.dom.minidom.parseString(z.read(name))
        except Exception as e:
            docs[name] = None
            check(name + " is well-formed (" + str(e) + ")", False)
check("every XML part is well-formed", all(d is not None for d in docs.values()))
manifest = docs["META-INF/manifest.xml"]
listed = {e.getAttribute("manifest:full-path"): e.getAttribute("manifest:media-type")
          for e in manifest.getElementsByTagName("manifest:file-entry")}
check("the manifest lists every part", set(n for n in names if n != "mimetype") <= set(listed))
check("the manifest lists nothing absent", set(listed) - {"/"} <= set(names))
check("the manifest's root is an ODF text", listed.get("/") == "application/vnd.oasis.opendocument.text")
content = z.read("content.xml").decode()
styles = z.read("styles.xml").decode()
meta = z.read("meta.xml").decode()
# Headings: named styles with outline levels, as Writer's navigator reads them.
for level in (1, 2, 3):
    check("style Heading %d has outline level %d" % (level, level),
          re.search(r'style:name="Heading_20_%d" style:display-name="Heading %d"[^>]*style:default-outline-level="%d"' % (level, level, level), styles) is not None)
    check("headings of level %d" % level,
          re.search(r'<text:h text:style-name="Heading_20_%d" text:outline-level="%d">' % (level, level), content) is not None)
check("a chapter: 1 En bref", re.search(r'outline-level="1"><text:bookmark text:name="[^"]+"/><text:span text:style-name="Heading_20_Number">1</text:span> En bref</text:h>', content) is not None)
check("a table of contents field", "<text:table-of-content " in content and 'text:outline-level="2"' in content)
check("its entries link to headings with page references",
      re.search(r'<text:a xlink:type="simple" xlink:href="#([^"]+)"[^>]*>2 Contexte et cadrage<text:tab/><text:bookmark-ref text:reference-format="page" text:ref-name="\1">', content) is not None)
check("page numbers in the footer", re.search(r"<style:footer>.*<text:page-number", styles) is not None)
check("the running header: the title and the chapter",
      re.search(r"<style:header><text:p[^>]*>Visions \+21 — Val de Sèvre et Bocage 2056<text:tab/><text:chapter ", styles) is not None)
check("the cover page has no header", 'style:master-page-name="First_20_Page"' in styles)
tables = content.count("<table:table ")
check("real tables (%d)" % tables, tables >= 10)
check("each repeats its header row", content.count("<table:table-header-rows>") == tables)
check("the table by college", re.search(r"Collège</text:p></table:table-cell>", content) is not None)
frames = re.findall(r'<draw:frame [^>]*>(.*?)</draw:frame>', content)
check("figures (%d)" % len(frames), len(frames) >= 8)
check("each figure is SVG, then PNG",
      all(re.match(r'<draw:image xlink:href="Pictures/[^"]+\.svg"[^>]*/><draw:image xlink:href="Pictures/[^"]+\.png"', f) for f in frames))
pictures = [n for n in names if n.startswith("Pictures/")]
check("each image is in the package", len(pictures) == 2 * len(frames))
check("PNG images are PNG", all(z.read(n)[:8] == b"\x89PNG\r\n\x1a\n" for n in pictures if n.endswith(".png")))
check("the document speaks French", 'fo:language="fr" fo:country="FR"' in styles and "<dc:language>fr-FR</dc:language>" in meta)
check("the title in the metadata", "<dc:title>Visions +21 — Val de Sèvre et Bocage 2056</dc:title>" in meta)
check("a creation date", re.search(r"<meta:creation-date>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ</meta:creation-date>", meta) is not None)
check("French typography in the text", "Eau\u00a0: partager" in content)
text = re.sub(r"<[^>]+>", "", content)
for p in demo["people"]:
    if not p["consent"]: check("no name without consent " + p["id"], p["name"] not in text)
PY
tap "odt package" <"$tmp/checks"

"$py" - "$tmp/hostile.odt" <<'PY' >"$tmp/hostile-checks" 2>&1
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
def check(label, cond): print(("ok" if cond else "not ok") + " " + label)
for name in ("content.xml", "styles.xml", "meta.xml"):
    try:
        xml.dom.minidom.parseString(z.read(name)); good = True
    except Exception:
        good = False
    check(name + " is well-formed", good)
content = z.read("content.xml").decode()
check("user markup is text", "&lt;b&gt;test&lt;/b&gt;" in content and "<b>" not in content and "<script" not in content)
PY
tap "hostile odt" <"$tmp/hostile-checks"

# LibreOffice: open the file, lay it out, print it.
if ! command -v soffice >/dev/null; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo -n"
  echo "# installing libreoffice-writer-nogui for this test" >&2
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui \
    >"$tmp/apt.log" 2>&1 || true
fi
if command -v soffice >/dev/null && command -v pdftotext >/dev/null; then
  # A profile of its own, so that it neither reads nor changes the user's.
  HOME="$tmp" soffice "-env:UserInstallation=file://$tmp/profile" --headless --norestore \
    --convert-to pdf --outdir "$tmp/lo" "$tmp/demo.odt" >"$tmp/lo.log" 2>&1
  if [ -s "$tmp/lo/demo.pdf" ]; then
    ok "LibreOffice converts the ODT to PDF"
    pages=$(pdfinfo "$tmp/lo/demo.pdf" | awk '/^Pages:/ { print $2 }')
    if [ "$pages" -ge 15 ] && [ "$pages" -le 60 ]; then ok "Writer lays it out on $pages pages"; else not_ok "Writer's page count $pages"; fi
    "$py" - "$tmp/lo/demo.pdf" "$pages" <<'PY' >"$tmp/lo-checks" 2>&1
import re, subprocess, sys
path, pages = sys.argv[1], int(sys.argv[2])
def page(i): return subprocess.run(["pdftotext", "-layout", "-f", str(i), "-l", str(i), path, "-"],
                                   capture_output=True, text=True).stdout
def check(label, cond): print(("ok" if cond else "not ok") + " " + label)
texts = [page(i) for i in range(1, pages + 1)]
check("the cover: title and territory", "Val de Sèvre et Bocage" in texts[0] and "Horizon 2056" in texts[0])
check("the cover has no page number", re.search(r"\d+ / %d" % pages, texts[0]) is None)
check("the contents on page 2", "Sommaire" in texts[1])
check("page numbers: 3 / N", re.search(r"\b3 / %d\b" % pages, texts[2]) is not None)
# Each entry of the contents gives the page its heading is on in Writer.
for title in ("1 En bref", "2 Contexte et cadrage", "3 Qui a participé", "5 Ce que le séminaire a produit"):
    m = re.search(re.escape(title) + r"\.{3,}\s*(\d+)", texts[1])
    number = int(m.group(1)) if m else 0
    check("contents: %s on page %d" % (title, number),
          0 < number <= pages and re.search(r"^\s*" + re.escape(title) + r"\s*$", texts[number - 1], re.M) is not None)
m = re.search(r"3 Qui a participé\.{3,}\s*(\d+)", texts[1])
chapter = texts[int(m.group(1)) - 1] if m else ""
check("the running header names the chapter", re.search(r"Visions \+21 — Val de Sèvre et Bocage 2056\s+3 Qui a participé", chapter) is not None)
check("the table's header row", re.search(r"Collège\s+Personnes", chapter) is not None)
PY
    tap "in LibreOffice" <"$tmp/lo-checks"
  else
    not_ok "LibreOffice converts the ODT to PDF: $(tail -3 "$tmp/lo.log")"
  fi
else
  skip "LibreOffice reads the ODT" "libreoffice-writer-nogui is not installed and could not be ($(tail -1 "$tmp/apt.log" 2>/dev/null))"
fi

echo "1..$n"

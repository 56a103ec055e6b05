#!/usr/bin/env bash
# visions21 invitations: one letter page per person to invite, invited or without reply
# (not who confirmed or declined), with the name and the dates, long names and
# organisations kept inside the page, a person without e-mail included; the .ics of the
# two days reads back (Python's icalendar) with the dates, times and Europe/Paris.
# usage: test-invitations.sh VISIONS21 SOURCE_ROOT   (prints TAP)
set -euo pipefail
app=$1
src=$2
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
export LANGUAGE=C
echo "1..18"

# The demo with replies: p01 confirmed, p02 declined, p06 no reply, p07 invited; p03's
# name and organisation long, with accents and apostrophes, and no e-mail.
LONG_NAME="Marie-Éléonore d’Aubigné-Laroche-Saint-Hilaire de la Motte-Beuvron"
LONG_ORG="Établissement public d’aménagement et de gestion des eaux du bassin de la Sèvre Nantaise et de ses affluents"
/usr/bin/python3 - "$demo" "$tmp/replies.visions21" "$LONG_NAME" "$LONG_ORG" <<'PY'
import json, sys
w = json.load(open(sys.argv[1]))
people = {p["id"]: p for p in w["people"]}
people["p01"]["invitation"] = "confirmed"
people["p02"]["invitation"] = "declined"
people["p06"]["invitation"] = "no_reply"
people["p07"].update(invitation="invited", invited_on="2027-02-01")
people["p03"].update(name=sys.argv[3], organisation=sys.argv[4], email="")
json.dump(w, open(sys.argv[2], "w"), ensure_ascii=False)
PY

run "$app" invitations "$tmp/replies.visions21" -o "$tmp/letters.pdf" --ics "$tmp/days.ics"
expect "invitations exits 0" "$status" 0
expect "one page per person but who confirmed or declined (38 - 2)" \
  "$(pdfinfo "$tmp/letters.pdf" | awk '/^Pages:/ { print $2 }')" 36

# Each page: the person's name (in list order, p01 and p02 left out) and the dates.
names=$(/usr/bin/python3 -c '
import json, sys
w = json.load(open(sys.argv[1]))
for p in w["people"]:
    if p.get("invitation", "to_invite") in ("to_invite", "invited", "no_reply"):
        print(p["name"])' "$tmp/replies.visions21")
bad=""
page=0
while IFS= read -r name; do
  page=$((page + 1))
  text=$(pdftotext -f "$page" -l "$page" "$tmp/letters.pdf" - | tr '\n' ' ' | tr -s ' ')
  first_word=${name%% *}
  case "$text" in *"$first_word"*) ;; *) bad="$bad $page:name" ;; esac
  case "$text" in *"18 and 19 March 2027"*"Thursday 18 March 2027, from 09:00 to 17:30"*) ;; *) bad="$bad $page:dates" ;; esac
done <<< "$names"
expect "every page has its person's name and the dates" "$bad" ""
expect "the first page is p03's letter (the person without e-mail)" \
  "$(pdftotext -f 1 -l 1 "$tmp/letters.pdf" - | tr '\n' ' ' | grep -c 'Marie-Éléonore d’Aubigné' || true)" 1
expect "the reply-by date, three weeks before the first day" \
  "$(pdftotext -f 1 -l 1 "$tmp/letters.pdf" - | tr '\n' ' ' | grep -c 'Please reply by Thursday 25 February 2027.' || true)" 1
expect "the long organisation is all there" \
  "$(pdftotext -f 1 -l 1 "$tmp/letters.pdf" - | tr '\n' ' ' | tr -s ' ' | grep -c 'Sèvre Nantaise et de ses affluents' || true)" 1
# Inside the page: no word's box goes past the right margin (595 pt page, 48 pt margin).
expect "no word of the letters goes past the right margin" \
  "$(pdftotext -bbox "$tmp/letters.pdf" - | /usr/bin/python3 -c '
import re, sys
print(sum(1 for m in re.finditer(r"xMax=\"([0-9.]+)\"", sys.stdin.read()) if float(m.group(1)) > 595.3 - 48 + 0.5))')" 0

# The calendar, read back.
expect "the .ics reads back: two events, Paris times, the venue" \
  "$(/usr/bin/python3 - "$tmp/days.ics" <<'PY'
import sys, icalendar
calendar = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
zones = [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")]
for e in calendar.walk("VEVENT"):
    print(e["DTSTART"].params["TZID"], e["DTSTART"].dt.strftime("%Y-%m-%d %H:%M"),
          e["DTEND"].dt.strftime("%H:%M"), e["DTSTART"].dt.utcoffset(), str(e["LOCATION"])[:15])
print(" ".join(zones))
PY
)" "Europe/Paris 2027-03-18 09:00 17:30 1:00:00 Salle des fêtes
Europe/Paris 2027-03-19 09:00 17:00 1:00:00 Salle des fêtes
Europe/Paris"

# The letters as a document to edit: the same letters, read back from content.xml.
run "$app" invitations "$tmp/replies.visions21" -o "$tmp/again.pdf" --odt "$tmp/letters.odt"
expect "--odt exits 0" "$status" 0
expect "the ODT's mimetype is stored first, as ODF requires" \
  "$(unzip -Z1 "$tmp/letters.odt" | head -1):$(unzip -p "$tmp/letters.odt" mimetype)" \
  "mimetype:application/vnd.oasis.opendocument.text"
unzip -p "$tmp/letters.odt" content.xml > "$tmp/content.xml"
expect "the ODT has a letter per person, each but the first on a new page" \
  "$(grep -o 'text:style-name="Recipient"' "$tmp/content.xml" | wc -l):$(grep -o 'text:style-name="AuthorityNewPage"' "$tmp/content.xml" | wc -l)" "36:35"
expect "the ODT's first letter goes to the person without e-mail, name and organisation whole" \
  "$(/usr/bin/python3 - "$tmp/content.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
root = ET.parse(sys.argv[1]).getroot()
recipients = [p for p in root.iter("{%s}p" % ns["text"]) if p.get("{%s}style-name" % ns["text"]) == "Recipient"]
print(" / ".join(t.strip() for t in recipients[0].itertext()))
PY
)" "$LONG_NAME / $LONG_ORG"
expect "each ODT letter has the dates, the times and the reply-by date" \
  "$(grep -o '18 and 19 March 2027' "$tmp/content.xml" | wc -l):$(grep -o 'Thursday 18 March 2027, from 09:00 to 17:30' "$tmp/content.xml" | wc -l):$(grep -o 'Please reply by Thursday 25 February 2027.' "$tmp/content.xml" | wc -l)" "36:36:36"
/usr/bin/python3 - "$tmp/replies.visions21" "$tmp/signed.visions21" <<'PY'
import json, sys
w = json.load(open(sys.argv[1]))
w["authority"] = {"name": "Communauté de communes Val de Sèvre", "address": "1 place de l’Hôtel de ville\n79400 Saint-Lys",
                  "signatory": "Jeanne Martin", "signatory_title": "La Présidente"}
w["invitation_letter"] = {"template": "Chère {name},\n\nRendez-vous à {venue}, réponse avant le {reply_by}.", "reply_by": "2027-03-01"}
json.dump(w, open(sys.argv[2], "w"), ensure_ascii=False)
PY
run "$app" invitations "$tmp/signed.visions21" -o "$tmp/signed.pdf"
signed=$(pdftotext -f 2 -l 2 "$tmp/signed.pdf" - | tr '\n' ' ' | tr -s ' ')
case "$signed" in
  "Communauté de communes Val de Sèvre 1 place de l’Hôtel de ville 79400 Saint-Lys Thomas Guérin "*"Chère Thomas Guérin, Rendez-vous à Salle des fêtes de "*", réponse avant le Monday 1 March 2027. La Présidente Jeanne Martin"*) signed=ok ;;
esac
expect "the workshop's template, reply-by date and authority make the letter" "$signed" ok

run "$app" invitations "$tmp/replies.visions21" -o "$tmp/later.pdf" --reply-by 2027-03-01
expect "--reply-by sets the date" \
  "$(pdftotext -f 1 -l 1 "$tmp/later.pdf" - | tr '\n' ' ' | grep -c 'Please reply by Monday 1 March 2027.' || true)" 1

run "$app" invitations "$tmp/replies.visions21" -o "$tmp/x.pdf" --reply-by 2027-02-30 2>/dev/null
expect "an impossible --reply-by is a usage error" "$status" 2

run "$app" invitations "$tmp/replies.visions21" -o /dev/null 2>"$tmp/err"
expect "a device as the output is refused (exit 1)" "$status" 1

# Everybody confirmed or declined: no letter, said so.
/usr/bin/python3 - "$demo" "$tmp/all-replied.visions21" <<'PY'
import json, sys
w = json.load(open(sys.argv[1]))
for p in w["people"]:
    p["invitation"] = "confirmed"
json.dump(w, open(sys.argv[2], "w"), ensure_ascii=False)
PY
run "$app" invitations "$tmp/all-replied.visions21" -o "$tmp/none.pdf" 2>"$tmp/err"
expect "nobody to write to: exit 1, no file" "$status:$([ -e "$tmp/none.pdf" ] && echo file || echo none)" "1:none"

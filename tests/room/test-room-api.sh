#!/bin/sh
# `visions21 room`: the HTTP API end to end on loopback (127.0.0.1 only), with
# hostile input. Every refusal has its status, and changes nothing in the file.
# usage: test-room-api.sh VISIONS21 SOURCE_ROOT   (prints TAP)
set -u
app=$1
src=$2
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
expect () { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 (got '$2', expected '$3')"; fi; }
# A field of a JSON file, as Python writes it.
jf () { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2" 2>/dev/null; }

unset DISPLAY WAYLAND_DISPLAY
export XDG_STATE_HOME="$tmp/state"
ws="$tmp/room.visions21"
# The demo, with T1 (issues, trends, weak signals) running.
python3 - "$src/data/examples/demo.visions21" "$ws" <<'EOF'
import json, sys
w = json.load(open(sys.argv[1]))
for s in w["sequences"]:
    if s["id"] == "seq-d1-03":
        s["status"] = "running"
json.dump(w, open(sys.argv[2], "w"), ensure_ascii=False, indent=2)
EOF
cp "$ws" "$tmp/before.visions21"

# --- Never a public address ---------------------------------------------------
"$app" room "$ws" --bind 8.8.8.8 >"$tmp/out" 2>"$tmp/err"; expect "a public address is refused" "$?" 1
grep -q "not an address of the local network" "$tmp/err" && ok "the refusal says why" || not_ok "refusal message: $(cat "$tmp/err")"
"$app" room "$ws" --bind 2001:db8::1 >"$tmp/out" 2>"$tmp/err"; expect "a public IPv6 address is refused" "$?" 1
"$app" room 2>/dev/null; expect "room without a file exits 2" "$?" 2

# --- Open the room ------------------------------------------------------------
"$app" room "$ws" --bind 127.0.0.1 --max-devices 4 >"$tmp/room.out" 2>"$tmp/room.err" &
pid=$!
for _ in $(seq 50); do grep -q "^Code:" "$tmp/room.out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$tmp/room.out" | head -n 1)
code=$(sed -n 's/^Code: //p' "$tmp/room.out")
key=$(sed -n 's/^Facilitator.*: //p' "$tmp/room.out")
[ -n "$url" ] && ok "the join address is printed ($url)" || { not_ok "no join address: $(cat "$tmp/room.out" "$tmp/room.err")"; echo "1..$n"; exit 1; }
expect "the code has 6 characters" "$(printf %s "$code" | wc -c)" 6
grep -q "^  http://" "$tmp/room.out" && ok "addresses listed one a line" || not_ok "address list"
if grep -E '^  http://' "$tmp/room.out" | grep -vqE 'http://(127\.|10\.|192\.168\.|172\.(1[6-9]|2[0-9]|3[01])\.|169\.254\.|\[f[cd])'; then
  not_ok "an address that is not local is printed"
else ok "every printed address is loopback or private"; fi

# req METHOD PATH [BODY] [curl args…]: sets $status, the answer in $tmp/body.
req () {
  method=$1; path=$2; shift 2
  if [ $# -gt 0 ] && [ "$1" != "--" ]; then body=$1; shift; else body=; fi
  [ $# -gt 0 ] && [ "$1" = "--" ] && shift
  if [ -n "$body" ]; then
    status=$(curl -s -o "$tmp/body" -D "$tmp/headers" -w '%{http_code}' -X "$method" \
      -H 'Content-Type: application/json' --data-binary "$body" "$@" "${url%/}$path")
  else
    status=$(curl -s -o "$tmp/body" -D "$tmp/headers" -w '%{http_code}' -X "$method" "$@" "${url%/}$path")
  fi
}
err () { jf "$tmp/body" 'd["error"]'; }

# --- The page -------------------------------------------------------------------
req GET /
expect "the page is served" "$status" 200
grep -qi "^Content-Security-Policy: default-src 'none'; script-src 'self'" "$tmp/headers" && ok "strict CSP" || not_ok "CSP header"
grep -qi "^X-Content-Type-Options: nosniff" "$tmp/headers" && ok "nosniff" || not_ok "nosniff"
grep -qi "^Access-Control-Allow" "$tmp/headers" && not_ok "a CORS header is sent" || ok "no CORS header"
grep -q "<script>" "$tmp/body" && not_ok "inline script in the page" || ok "no inline script"
grep -Eq '(src|href)="(https?:)?//' "$tmp/body" && not_ok "an external resource" || ok "no external resource"
req GET /room.js
expect "the script is served" "$status" 200
grep -qi "^Content-Type: text/javascript" "$tmp/headers" && ok "script as text/javascript" || not_ok "script type"
req GET /../../etc/passwd
expect "no file outside the page" "$status" 404

# --- Joining --------------------------------------------------------------------
req POST /api/tables '{"code":"AAAAAA"}'
expect "a wrong code is refused" "$status:$(err)" "403:bad_code"
lower=$(printf %s "$code" | tr 'A-Z' 'a-z')
req POST /api/tables "{\"code\":\"$lower\"}"
expect "the code, typed in lower case, opens the tables" "$status" 200
expect "the tables are listed" "$(jf "$tmp/body" '[t["name"] for t in d["tables"]][:2]')" "['Table Sèvre', 'Table Bocage']"
req POST /api/join "{\"code\":\"$code\",\"table\":\"nope\"}"
expect "an unknown table is refused" "$status:$(err)" "422:bad_table"
req POST /api/join "{\"code\":\"$code\",\"table\":\"t1\"}"
expect "join with the code and a table" "$status" 201
tok1=$(jf "$tmp/body" 'd["token"]')
req POST /api/join "{\"code\":\"$code\",\"table\":\"t2\"}"
tok2=$(jf "$tmp/body" 'd["token"]')
[ ${#tok1} -ge 32 ] && [ "$tok1" != "$tok2" ] && ok "each device has its own long token" || not_ok "tokens '$tok1' '$tok2'"

req GET /api/state
expect "no token: 401" "$status:$(err)" "401:no_token"
req GET /api/state -- -H "Authorization: Bearer ${tok1}x"
expect "a wrong token: 401" "$status:$(err)" "401:bad_token"
req GET /api/state -- -H "Authorization: Bearer $tok1"
expect "the state" "$status" 200
expect "the current sequence" "$(jf "$tmp/body" 'd["sequence"]["title"]')" "T1 — Articles fictifs, en tables"
expect "the kinds it asks for" "$(jf "$tmp/body" 'd["sequence"]["kinds"]')" "['issue', 'trend', 'weak_signal']"
expect "the device's table" "$(jf "$tmp/body" 'd["table"]')" "Table Sèvre"

# --- Cards ------------------------------------------------------------------------
H1="Authorization: Bearer $tok1"
H2="Authorization: Bearer $tok2"
req POST /api/cards '{"kind":"issue","text":"  Eau potable en été  "}' -- -H "$H1"
expect "a card is posted" "$status:$(jf "$tmp/body" 'd["status"]')" "201:pending"
expect "its text trimmed" "$(jf "$tmp/body" 'd["text"]')" "Eau potable en été"
p1=$(jf "$tmp/body" 'd["id"]')
req POST /api/cards '{"kind":"issue","text":"<b>Mobilité</b> <script>alert(1)</script>"}' -- -H "$H1"
expect "markup is taken as plain text" "$status:$(jf "$tmp/body" 'd["text"]')" "201:<b>Mobilité</b> <script>alert(1)</script>"
p2=$(jf "$tmp/body" 'd["id"]')
long=$(python3 -c 'print("é" * 500, end="")')
req POST /api/cards "{\"kind\":\"trend\",\"text\":\"$long\"}" -- -H "$H2"
expect "500 characters (1,000 bytes) are taken" "$status" 201
p3=$(jf "$tmp/body" 'd["id"]')
req POST /api/cards "{\"kind\":\"trend\",\"text\":\"${long}x\"}" -- -H "$H2"
expect "501 characters are refused" "$status:$(err)" "422:too_long"
req POST /api/cards '{"kind":"action","text":"Une action"}' -- -H "$H2"
expect "a kind the sequence does not ask for is refused" "$status:$(err)" "422:bad_kind"
req POST /api/cards '{"kind":"issue","text":"   "}' -- -H "$H2"
expect "an empty text is refused" "$status:$(err)" "422:empty"
req POST /api/cards '{"kind":"issue","text":"a\u0000b"}' -- -H "$H2"
expect "a NUL is refused" "$status" 400
req POST /api/cards '{"kind":"issue","text":"bip\u0007"}' -- -H "$H2"
expect "a control character is refused" "$status:$(err)" "422:bad_text"
printf '{"kind":"issue","text":"caf\351"}' >"$tmp/latin1"
req POST /api/cards "@$tmp/latin1" -- -H "$H2"
expect "invalid UTF-8 is refused" "$status:$(err)" "400:bad_utf8"
req POST /api/cards '{"kind":"issue","text":"a","text":"b"}' -- -H "$H2"
expect "a duplicate key is refused" "$status:$(err)" "400:bad_json"
req POST /api/cards '["issue","x"]' -- -H "$H2"
expect "an array is refused" "$status:$(err)" "400:bad_json"
req POST /api/cards '{"kind":"issue","text":"x"' -- -H "$H2"
expect "broken JSON is refused" "$status:$(err)" "400:bad_json"
python3 -c 'print("{\"kind\":\"issue\",\"text\":\"" + "x" * 5000 + "\"}", end="")' >"$tmp/big"
req POST /api/cards "@$tmp/big" -- -H "$H2"
expect "an oversized body is refused" "$status:$(err)" "413:too_large"
status=$(curl -s -o "$tmp/body" -w '%{http_code}' -X POST -H "$H2" -H 'Content-Type: application/json' \
  -H 'Transfer-Encoding: chunked' --data-binary '{"kind":"issue","text":"x"}' "${url}api/cards")
expect "a body without its length is refused" "$status:$(err)" "411:length_required"
status=$(curl -s -o "$tmp/body" -w '%{http_code}' -X POST -H "$H2" -H 'Content-Type: text/plain' \
  --data-binary '{"kind":"issue","text":"x"}' "${url}api/cards")
expect "a body that is not JSON is refused" "$status:$(err)" "415:not_json"
req POST /api/cards '{"kind":"issue","text":"x"}' -- -H "$H2" -H "Origin: http://evil.example"
expect "a request from another site is refused" "$status:$(err)" "403:cross_origin"
req GET /api/state -- -H "$H2" -H "Host: evil.example"
expect "a request for another name (DNS rebinding) is refused" "$status:$(err)" "421:bad_host"

req PUT "/api/cards/$p1" '{"text":"Eau potable en été, et en hiver"}' -- -H "$H1"
expect "a device edits its waiting card" "$status:$(jf "$tmp/body" 'd["text"]')" "200:Eau potable en été, et en hiver"
req PUT "/api/cards/$p1" '{"text":"pris"}' -- -H "$H2"
expect "another device cannot edit it" "$status:$(err)" "404:no_card"
req DELETE "/api/cards/$p3" -- -H "$H1"
expect "nor withdraw it" "$status" 404
req DELETE "/api/cards/$p3" -- -H "$H2"
expect "its device withdraws it" "$status:$(jf "$tmp/body" 'd["status"]')" "200:withdrawn"
req GET /api/state -- -H "$H2"
expect "a withdrawn card is gone from the device" "$(jf "$tmp/body" 'len(d["cards"])')" 0

sleep 1.5
cmp -s "$ws" "$tmp/before.visions21" && ok "nothing written while cards wait or are refused" || not_ok "the file changed before anything was accepted"

# --- The facilitator's inbox ---------------------------------------------------------
req GET /api/admin/inbox
expect "the inbox needs the facilitator's key" "$status:$(err)" "401:not_facilitator"
req GET /api/admin/inbox -- -H "Authorization: Bearer $tok1"
expect "a device's token is not the key" "$status" 401
K="Authorization: Bearer $key"
req GET /api/admin/inbox -- -H "$K"
expect "the inbox lists the waiting cards" "$status:$(jf "$tmp/body" '[c["text"] for c in d["pending"]]')" \
  "200:['Eau potable en été, et en hiver', '<b>Mobilité</b> <script>alert(1)</script>']"
req POST "/api/admin/inbox/$p1/accept" '{}' -- -H "$K"
expect "accept" "$status" 200
c1=$(jf "$tmp/body" 'd["card"]')
req POST "/api/admin/inbox/$p2/accept" '{}' -- -H "$K"
c2=$(jf "$tmp/body" 'd["card"]')
req POST "/api/admin/inbox/$p1/accept" '{}' -- -H "$K"
expect "a card is accepted once" "$status" 409
req POST /api/cards '{"kind":"weak_signal","text":"Des ruches en ville"}' -- -H "$H2"
p4=$(jf "$tmp/body" 'd["id"]')
req POST "/api/admin/inbox/$p4/refuse" '{}' -- -H "$K"
expect "refuse" "$status" 200
req PUT "/api/cards/$p1" '{"text":"trop tard"}' -- -H "$H1"
expect "an accepted card can no longer be edited" "$status:$(err)" "409:taken"
req GET /api/state -- -H "$H2"
expect "the device sees its card refused" "$(jf "$tmp/body" '[c["status"] for c in d["cards"]]')" "['refused']"

sleep 1.6
expect "the accepted cards are saved as ordinary cards" \
  "$(jf "$ws" '[(c["kind"], c["text"], c["table"], c["sequence"]) for c in d["cards"] if c["id"] in ("'"$c1"'", "'"$c2"'")]')" \
  "[('issue', 'Eau potable en été, et en hiver', 't1', 'seq-d1-03'), ('issue', '<b>Mobilité</b> <script>alert(1)</script>', 't1', 'seq-d1-03')]"
grep -q "Des ruches en ville" "$ws" && not_ok "a refused card was saved" || ok "a refused card is not saved"
[ -f "$ws~" ] && ok "the previous version is kept as FILE~" || not_ok "no backup"

# --- Votes -----------------------------------------------------------------------------
req POST /api/admin/rounds '{"title":"Enjeux prioritaires","card_kind":"issue","budget":3}' -- -H "$K"
expect "the facilitator opens a vote" "$status" 201
round=$(jf "$tmp/body" 'd["id"]')
req PUT /api/votes "{\"target\":\"$c1\",\"count\":2}" -- -H "$H1"
expect "a table gives 2 of its 3 dots" "$status:$(jf "$tmp/body" 'd["used"]')" "200:2"
req PUT /api/votes "{\"target\":\"$c2\",\"count\":2}" -- -H "$H1"
expect "beyond the budget is refused" "$status:$(err)" "422:over_budget"
req PUT /api/votes "{\"target\":\"$c2\",\"count\":\"2\"}" -- -H "$H1"
expect "a count that is not a number is refused" "$status:$(err)" "400:bad_count"
req PUT /api/votes "{\"target\":\"$c2\",\"count\":-1}" -- -H "$H1"
expect "a negative count is refused" "$status" 422
req PUT /api/votes "{\"target\":\"$c2\",\"count\":1}" -- -H "$H1"
req PUT /api/votes "{\"target\":\"$c1\",\"count\":3}" -- -H "$H2"
expect "another table votes" "$status" 200
req GET /api/state -- -H "$H2"
expect "results hidden before the reveal" "$(jf "$tmp/body" '"results" in d["round"] or any("total" in t for t in d["round"]["targets"])')" False
expect "a table sees its own votes" "$(jf "$tmp/body" '[t["mine"] for t in d["round"]["targets"] if t["id"] == "'"$c1"'"]')" "[3]"
req POST "/api/admin/rounds/$round/reveal" '{}' -- -H "$K"
expect "reveal" "$status" 200
req GET /api/state -- -H "$H2"
expect "after the reveal every device sees the results" \
  "$(jf "$tmp/body" '[(r["text"], r["total"], r["rank"]) for r in d["round"]["results"] if r["total"] > 0]')" \
  "[('Eau potable en été, et en hiver', 5, 1), ('<b>Mobilité</b> <script>alert(1)</script>', 1, 2)]"
req PUT /api/votes "{\"target\":\"$c1\",\"count\":1}" -- -H "$H2"
expect "no vote after the reveal" "$status:$(err)" "409:no_vote"

# --- Floods and limits ---------------------------------------------------------------------
req POST /api/join "{\"code\":\"$code\",\"table\":\"t3\"}"
tok3=$(jf "$tmp/body" 'd["token"]')
dev3=$(jf "$tmp/body" 'd["device"]')
# One curl for the whole flood, on one connection: quick enough that no allowance
# comes back (one every 3 s) even on a loaded machine.
set --
for i in $(seq 14); do
  [ "$i" -gt 1 ] && set -- "$@" --next
  set -- "$@" -s -o /dev/null -w '%{http_code} ' -X POST -H "Authorization: Bearer $tok3" \
    -H 'Content-Type: application/json' --data-binary "{\"kind\":\"trend\",\"text\":\"flot $i\"}" "${url}api/cards"
done
codes=$(curl "$@")
expect "a flood from one device is cut after 10 cards" "$(echo $codes)" "201 201 201 201 201 201 201 201 201 201 429 429 429 429"
req POST /api/join "{\"code\":\"$code\",\"table\":\"t4\"}"
expect "the 4th device joins (at most 4)" "$status" 201
req POST /api/join "{\"code\":\"$code\",\"table\":\"t4\"}"
expect "the 5th is refused: the room is full" "$status:$(err)" "503:room_full"
for i in $(seq 10); do req POST /api/tables '{"code":"ZZZZZZ"}'; done
req POST /api/tables "{\"code\":\"$code\"}"
expect "after 10 wrong codes, even the right one waits" "$status:$(err)" "429:too_many_codes"
req POST "/api/admin/devices/$dev3/block" '{}' -- -H "$K"
expect "the facilitator blocks a device" "$status" 200
req GET /api/state -- -H "Authorization: Bearer $tok3"
expect "a blocked device is refused" "$status:$(err)" "403:blocked"
req POST /api/admin/rotate '{}' -- -H "$K"
expect "the facilitator rotates the code" "$status" 200
code=$(jf "$tmp/body" 'd["code"]')
req GET /api/state -- -H "$H1"
expect "an expired token is refused after the rotation" "$status:$(err)" "401:bad_token"

req POST /api/join "{\"code\":\"$code\",\"table\":\"t5\"}"
tok5=$(jf "$tmp/body" 'd["token"]')
req POST /api/cards '{"kind":"issue","text":"Posée avant le redémarrage"}' -- -H "Authorization: Bearer $tok5"
expect "a card posted after the rotation waits" "$status" 201

# --- Closing ---------------------------------------------------------------------------------
kill -TERM "$pid"; wait "$pid"; rc=$?; pid=
expect "SIGTERM closes the room with status 0" "$rc" 0
grep -q "the workshop is saved" "$tmp/room.out" && ok "it says the workshop is saved" || not_ok "closing message: $(tail -n 2 "$tmp/room.out")"
"$app" check "$ws"; expect "the saved workshop is valid" "$?" 0
expect "the votes are in the file" "$(jf "$ws" 'sorted((v["voter"], v["count"]) for v in d["votes"] if v["round"] == "'"$round"'")')" \
  "[('t1', 1), ('t1', 2), ('t2', 3)]"
expect "the round is revealed in the file" "$(jf "$ws" '[r["revealed"] for r in d["vote_rounds"] if r["id"] == "'"$round"'"]')" "[True]"
expect "the flood's cards wait in the inbox, not in the file" "$(grep -c 'flot ' "$ws")" 0

# --- A restart reopens the room as it was ----------------------------------------------------
"$app" room "$ws" --bind 127.0.0.1 >"$tmp/room2.out" 2>"$tmp/room2.err" &
pid=$!
for _ in $(seq 50); do grep -q "^Press" "$tmp/room2.out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$tmp/room2.out" | head -n 1)
key=$(sed -n 's/^Facilitator.*: //p' "$tmp/room2.out")
expect "the same code after a restart" "$(sed -n 's/^Code: //p' "$tmp/room2.out")" "$code"
grep -q "^Cards waiting in the inbox since before: 11$" "$tmp/room2.out" && ok "it says what waits in the inbox" \
  || not_ok "restart message: $(cat "$tmp/room2.out" "$tmp/room2.err")"
req GET /api/state -- -H "Authorization: Bearer $tok5"
expect "a device keeps its token across the restart" "$status:$(jf "$tmp/body" '[c["text"] for c in d["cards"]]')" \
  "200:['Posée avant le redémarrage']"
req GET /api/state -- -H "$H1"
expect "a token revoked before stays revoked" "$status" 401
req GET /api/admin/inbox -- -H "Authorization: Bearer $key"
expect "the inbox is as it was" "$(jf "$tmp/body" 'len(d["pending"])')" 11
kill -TERM "$pid"; wait "$pid"; pid=
printf '{"format":"visions21-room","code":"<b>"}' >"$(ls "$tmp"/state/visions21/rooms/*.json)"
timeout 20 "$app" room "$ws" --bind 127.0.0.1 >"$tmp/out" 2>"$tmp/err"
expect "a damaged room state is refused" "$?" 1
grep -q "is not the state of a room; remove it" "$tmp/err" && ok "saying what to do" || not_ok "damaged state message: $(cat "$tmp/err")"

echo "1..$n"
exit $failed

#!/usr/bin/python3
# (Debian's own Python, where Debian's python3-selenium is installed.)
# The participants' page in a real browser: Debian's Chromium headless, driven by
# Selenium through Debian's chromium-driver, at a phone's size (390 × 844), in French.
# Join by the code, post three cards, vote, see the result after the reveal.
# Screenshots go to OUTDIR. Skips (TAP) when Chromium or Selenium is missing.
# usage: test-room-browser.py VISIONS21 SOURCE_ROOT OUTDIR   (prints TAP)

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

app, src, outdir = sys.argv[1], sys.argv[2], sys.argv[3]

chromium = shutil.which("chromium")
driver_path = shutil.which("chromedriver")
try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait, Select
except ImportError:
    webdriver = None
if chromium is None or driver_path is None or webdriver is None:
    print("1..0 # SKIP chromium, chromium-driver or python3-selenium is not installed (scripts/setup.sh installs them)")
    sys.exit(0)

n = 0
failed = False


def ok(cond, what):
    global n, failed
    n += 1
    if cond:
        print(f"ok {n} - {what}")
    else:
        failed = True
        print(f"not ok {n} - {what}")
    sys.stdout.flush()
    return cond


tmp = tempfile.mkdtemp()
os.makedirs(outdir, exist_ok=True)
ws = os.path.join(tmp, "room.visions21")
with open(os.path.join(src, "data/examples/demo.visions21"), encoding="utf-8") as f:
    w = json.load(f)
for s in w["sequences"]:
    if s["id"] == "seq-d1-03":
        s["status"] = "running"      # T1: issues, trends, weak signals
with open(ws, "w", encoding="utf-8") as f:
    json.dump(w, f, ensure_ascii=False, indent=2)

env = dict(os.environ, LC_ALL="C.UTF-8", XDG_STATE_HOME=os.path.join(tmp, "state"))
env.pop("DISPLAY", None)
room = subprocess.Popen([app, "room", ws, "--bind", "127.0.0.1"], stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE, text=True, env=env)
lines = []
while True:
    line = room.stdout.readline()
    if not line:
        break
    lines.append(line)
    if line.startswith("Press Ctrl+C"):
        break
out = "".join(lines)
url = re.search(r"http://127\.0\.0\.1:\d+/", out).group(0)
code = re.search(r"^Code: (\S+)$", out, re.M).group(1)
key = re.search(r"^Facilitator.*: (\S+)$", out, re.M).group(1)


def admin(method, path, body=None):
    data = json.dumps(body if body is not None else {}).encode() if method == "POST" else None
    req = urllib.request.Request(url.rstrip("/") + path, data=data, method=method,
                                 headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.load(r)


options = webdriver.ChromeOptions()
options.binary_location = chromium
for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--window-size=390,844", "--lang=fr-FR", "--no-first-run", "--disable-extensions",
            "--disable-background-networking", "--disable-sync", "--disable-component-update",
            "--user-data-dir=" + os.path.join(tmp, "chromium")):
    options.add_argument(arg)
options.add_experimental_option("prefs", {"intl.accept_languages": "fr-FR,fr"})
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
browser = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
wait = WebDriverWait(browser, 15)


def shot(name, element_id=None):
    if element_id is not None:
        browser.execute_script("document.getElementById(arguments[0]).scrollIntoView()", element_id)
    path = os.path.join(outdir, name)
    browser.save_screenshot(path)
    return path


def visible(element_id):
    return browser.find_element(By.ID, element_id).is_displayed()


try:
    browser.set_window_size(390, 844)
    browser.get(url)
    wait.until(lambda b: visible("code"))
    ok(browser.find_element(By.ID, "join-title").text == "Rejoindre la salle", "the page speaks French")
    width = browser.execute_script("return window.innerWidth")
    ok(width <= 400, f"the browser is phone-sized ({width} px wide)")
    shot("room-1-join.png")

    browser.find_element(By.ID, "code").send_keys("WRONG1")
    browser.find_element(By.ID, "code-next").click()
    wait.until(lambda b: visible("status"))
    ok("code de la salle" in browser.find_element(By.ID, "status").text, "a wrong code is said, in French")

    browser.find_element(By.ID, "code").clear()
    browser.find_element(By.ID, "code").send_keys(code.lower())
    browser.find_element(By.ID, "code-next").click()
    wait.until(lambda b: visible("table-form"))
    tables = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#tables label")]
    ok(tables[:2] == ["Table Sèvre", "Table Bocage"], "the tables are offered")
    browser.find_element(By.XPATH, "//label[span='Table Bocage']").click()
    shot("room-2-table.png")
    browser.find_element(By.ID, "join").click()
    wait.until(lambda b: visible("room-view"))
    wait.until(lambda b: b.find_element(By.ID, "sequence-title").text != "")
    ok(browser.find_element(By.ID, "sequence-title").text == "T1 — Articles fictifs, en tables", "the current sequence is shown")
    ok(browser.find_element(By.ID, "table-name").text == "Table Bocage", "the device's table is shown")
    kinds = [o.text for o in Select(browser.find_element(By.ID, "kind")).options]
    ok(kinds == ["Enjeu", "Tendance", "Signal faible"], f"the kinds the sequence asks for, in French ({kinds})")

    cards = [("Enjeu", "Garder les jeunes au pays"), ("Tendance", "Vieillissement de la population"),
             ("Enjeu", "<b>Eau</b> & <i>sécheresse</i>")]
    for i, (kind, text) in enumerate(cards):
        Select(browser.find_element(By.ID, "kind")).select_by_visible_text(kind)
        area = browser.find_element(By.ID, "text")
        area.send_keys(text)
        browser.find_element(By.ID, "send").click()
        wait.until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#my-cards li")) == i + 1)
        wait.until(lambda b: b.find_element(By.ID, "text").get_attribute("value") == "")
    texts = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#my-cards .card-text")]
    ok(texts == [t for _, t in reversed(cards)], "three cards posted, newest first")
    ok(browser.find_elements(By.CSS_SELECTOR, "#my-cards b, #my-cards i") == [], "markup in a card is shown as text")
    ok(all("En attente" in e.text for e in browser.find_elements(By.CSS_SELECTOR, "#my-cards .card-meta")),
       "each waits for the facilitator")
    overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    ok(overflow <= 0, f"nothing wider than the phone ({overflow} px over)")
    small = browser.execute_script(
        "return Array.from(document.querySelectorAll('button')).filter(b => b.offsetParent !== null)"
        ".filter(b => b.getBoundingClientRect().height < 44).map(b => b.textContent)")
    ok(small == [], f"every visible button is at least 44 px high ({small})")
    unlabelled = browser.execute_script(
        "return Array.from(document.querySelectorAll('input, select, textarea')).filter(e => e.offsetParent !== null)"
        ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.id)")
    ok(unlabelled == [], f"every visible field has a label ({unlabelled})")
    shot("room-3-cards.png", "my-cards")

    wait.until(lambda b: b.execute_script("return document.documentElement.getAttribute('data-live')") == "open")
    ok(True, "the page has its live socket")

    # The facilitator accepts them and opens a vote (3 dots per table).
    pending = admin("GET", "/api/admin/inbox")["pending"]
    ok([p["text"] for p in pending] == [t for _, t in cards], "the three cards are in the inbox")
    accepted = [admin("POST", f"/api/admin/inbox/{p['id']}/accept")["card"] for p in pending]
    round_ = admin("POST", "/api/admin/rounds", {"title": "Enjeux prioritaires", "card_kind": "issue", "budget": 3})
    wait.until(lambda b: visible("vote"))
    wait.until(lambda b: all("Prise au tableau" in e.text for e in b.find_elements(By.CSS_SELECTOR, "#my-cards .card-meta")))
    ok(True, "the page sees its cards taken")
    ok(browser.find_element(By.ID, "vote-title").text == "Enjeux prioritaires", "the vote appears")

    def target_row(text):
        return browser.find_element(By.XPATH, f"//ul[@id='targets']/li[span[@class='target-text'][.='{text}']]")

    for _ in range(2):
        target_row("Garder les jeunes au pays").find_element(By.CSS_SELECTOR, "button.more").click()
        time.sleep(0.3)
    target_row("<b>Eau</b> & <i>sécheresse</i>").find_element(By.CSS_SELECTOR, "button.more").click()
    wait.until(lambda b: "3 sur 3" in b.find_element(By.ID, "budget").text)
    ok(True, "three dots given: « Votes : 3 sur 3 donnés »")
    more = [e.is_enabled() for e in browser.find_elements(By.CSS_SELECTOR, "#targets button.more")]
    ok(more and not any(more), "no more dot can be given once the budget is spent")
    ok(not visible("results"), "no result before the reveal")
    ok("total" not in browser.page_source and "votes</li>" not in browser.page_source, "no count of others shown")
    shot("room-4-vote.png", "vote")

    admin("POST", f"/api/admin/rounds/{round_['id']}/reveal")
    wait.until(lambda b: visible("results"))
    results = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#results li")]
    ok(results[:2] == ["1. Garder les jeunes au pays — 2 votes", "2. <b>Eau</b> & <i>sécheresse</i> — 1 vote"],
       f"the results after the reveal ({results[:2]})")
    shot("room-5-results.png", "vote")

    browser.find_element(By.ID, "lang").click()
    ok(browser.find_element(By.ID, "budget").text == "Results", "the page switches to English")
    ok(browser.execute_script("return document.documentElement.lang") == "en", "and says so to screen readers")
    shot("room-6-english.png", "vote")

    # A phone that sleeps and wakes: the page reloads with its token.
    browser.refresh()
    wait.until(lambda b: visible("room-view"))
    ok(True, "a reloaded page stays in the room")

    logs = [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    ok(not any("Content Security Policy" in m for m in logs), f"no CSP violation ({logs})")
    ok(not [m for m in logs if "room.js" in m], f"no script error ({logs})")
finally:
    browser.quit()
    room.send_signal(signal.SIGTERM)
    room.wait(timeout=20)

with open(ws, encoding="utf-8") as f:
    saved = json.load(f)
mine = [(c["kind"], c["text"], c["table"]) for c in saved["cards"] if c["id"] in accepted]
ok(mine == [("issue", "Garder les jeunes au pays", "t2"), ("trend", "Vieillissement de la population", "t2"),
            ("issue", "<b>Eau</b> & <i>sécheresse</i>", "t2")], "the three cards are saved in the workshop")
votes = sorted((v["voter"], v["count"]) for v in saved["votes"] if v["round"] == round_["id"])
ok(votes == [("t2", 1), ("t2", 2)], f"the table's votes are saved ({votes})")
shutil.rmtree(tmp, ignore_errors=True)
print(f"1..{n}")
sys.exit(1 if failed else 0)

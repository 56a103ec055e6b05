#!/usr/bin/python3
# The room under load, on 127.0.0.1 only: 60 devices (10 per table) each posting
# 10 cards a minute for SECONDS (default 30) in an open room (the answer comes once
# the card is in the model), then all 60 voting at once. Prints p50/p99 latencies,
# the room's CPU time and peak memory, and counts every card in the saved file.
# usage: bench-room.py VISIONS21 SOURCE_ROOT [SECONDS]   (prints TAP)

import http.client
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

app, src = sys.argv[1], sys.argv[2]
seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 30.0
DEVICES, PER_MINUTE = 60, 10

tmp = tempfile.mkdtemp()
ws = os.path.join(tmp, "bench.visions21")
with open(os.path.join(src, "data/examples/demo.visions21"), encoding="utf-8") as f:
    w = json.load(f)
for s in w["sequences"]:
    if s["id"] == "seq-d1-03":
        s["status"] = "running"
with open(ws, "w", encoding="utf-8") as f:
    json.dump(w, f, ensure_ascii=False, indent=2)
tables = [t["id"] for t in w["tables"]]

env = dict(os.environ, LC_ALL="C.UTF-8", XDG_STATE_HOME=os.path.join(tmp, "state"))
room = subprocess.Popen([app, "room", ws, "--bind", "127.0.0.1", "--open"], stdout=subprocess.PIPE,
                        text=True, env=env)
out = ""
while "Press Ctrl+C" not in out:
    out += room.stdout.readline()
port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", out).group(1))
code = re.search(r"^Code: (\S+)$", out, re.M).group(1)
key = re.search(r"^Facilitator.*: (\S+)$", out, re.M).group(1)


def call(conn, method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    start = time.perf_counter()
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    r = conn.getresponse()
    data = r.read()
    return r.status, json.loads(data), time.perf_counter() - start


def cpu_and_memory(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    cpu = (int(fields[11]) + int(fields[12])) / ticks
    with open(f"/proc/{pid}/status") as f:
        status = f.read()
    hwm = int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024
    return cpu, hwm


tokens = []
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
for i in range(DEVICES):
    status, body, _ = call(conn, "POST", "/api/join", {"code": code, "table": tables[i % len(tables)]})
    assert status == 201, body
    tokens.append(body["token"])
cpu0, _ = cpu_and_memory(room.pid)

latencies, failures, posted = [], [], []
lock = threading.Lock()
start_at = time.monotonic() + 0.5


def device(i):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    interval = 60.0 / PER_MINUTE
    n = 0
    # Spread the devices' first card over one interval, as a room would.
    next_at = start_at + interval * i / DEVICES
    while next_at < start_at + seconds:
        time.sleep(max(0.0, next_at - time.monotonic()))
        text = f"bench d{i} c{n}"
        status, body, elapsed = call(c, "POST", "/api/cards", {"kind": "issue", "text": text}, tokens[i])
        with lock:
            if status == 201 and body["status"] == "accepted":
                latencies.append(elapsed)
                posted.append(text)
            else:
                failures.append((status, body))
        n += 1
        next_at += interval


threads = [threading.Thread(target=device, args=(i,)) for i in range(DEVICES)]
for t in threads:
    t.start()
for t in threads:
    t.join()
cpu1, hwm = cpu_and_memory(room.pid)

# 60 voters at once on a round of the cards just posted.
status, round_, _ = call(conn, "POST", "/api/admin/rounds",
                         {"title": "Bench", "card_kind": "issue", "budget": 20}, key)
assert status == 201, round_
targets = round_["targets"]
vote_latencies, vote_failures = [], []
barrier = threading.Barrier(DEVICES)


def voter(i):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.connect()
    barrier.wait()
    status, body, elapsed = call(c, "PUT", "/api/votes", {"target": targets[i % len(targets)], "count": 1}, tokens[i])
    with lock:
        (vote_latencies if status == 200 else vote_failures).append(elapsed if status == 200 else (status, body))


threads = [threading.Thread(target=voter, args=(i,)) for i in range(DEVICES)]
for t in threads:
    t.start()
for t in threads:
    t.join()

room.send_signal(signal.SIGTERM)
room.wait(timeout=60)
with open(ws, encoding="utf-8") as f:
    saved = json.load(f)
saved_texts = {c["text"] for c in saved["cards"] if c["text"].startswith("bench ")}
saved_votes = [v for v in saved["votes"] if v["round"] == round_["id"]]


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000


print(f"# {DEVICES} devices, {PER_MINUTE} cards a minute each, {seconds:.0f} s: {len(posted)} cards posted")
if latencies:
    print(f"# post to the model: p50 {pct(latencies, 50):.1f} ms, p99 {pct(latencies, 99):.1f} ms, max {max(latencies) * 1000:.1f} ms")
if vote_latencies:
    print(f"# 60 votes at once: p50 {pct(vote_latencies, 50):.1f} ms, p99 {pct(vote_latencies, 99):.1f} ms")
print(f"# the room: {cpu1 - cpu0:.2f} s of CPU for {seconds:.0f} s of posting ({(cpu1 - cpu0) / seconds * 100:.1f} %), peak memory {hwm:.1f} MiB")
n = 0
for what, cond in [
    (f"every post accepted ({len(failures)} refused: {failures[:3]})", not failures),
    (f"every card posted is in the saved file ({len(saved_texts)} of {len(posted)})", saved_texts == set(posted)),
    (f"every vote counted ({len(vote_failures)} refused: {vote_failures[:3]})", not vote_failures),
    (f"every vote saved ({len(saved_votes)})", len(saved_votes) == len(vote_latencies)),
]:
    n += 1
    print(("ok" if cond else "not ok") + f" {n} - {what}")
print(f"1..{n}")
sys.exit(0 if not failures and saved_texts == set(posted) and not vote_failures else 1)

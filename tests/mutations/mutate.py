#!/usr/bin/env python3
"""Mutation smoke test of Visions+21: plants each bug of tests/mutations/*.mut
in a scratch copy of the sources, builds it and runs the tests that must
catch it. A mutant whose tests still pass is a survivor: the suite is too
weak for that rule. Called by tests/mutations/run.sh (see README.md there).
"""

import argparse
import datetime
import difflib
import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
KEYS = ("rule", "file", "function", "search", "replace", "tests")
XVFB = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24"]


class Stale(Exception):
    """A mutant that no longer applies: its anchor moved or vanished."""


def unescape(value):
    """\\n is a new line, \\t a tab, \\\\ one backslash."""
    return re.sub(r"\\([nt\\])", lambda m: {"n": "\n", "t": "\t", "\\": "\\"}[m.group(1)], value)


def read_mutant(path):
    """KEY: VALUE lines; '#' starts a comment line; in search
    and replace, \\n is a new line, \\t a tab and \\\\ a backslash."""
    mutant = {"name": os.path.basename(path)[:-4], "path": path}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            key, sep, value = line.partition(":")
            key = key.strip()
            if not sep or key not in KEYS:
                raise Stale(f"{path}:{number}: expected one of {', '.join(KEYS)} "
                            f"followed by ':', got {line!r}")
            if key in mutant:
                raise Stale(f"{path}:{number}: {key} given twice")
            value = value[1:] if value.startswith(" ") else value
            mutant[key] = unescape(value) if key in ("search", "replace") else value.strip()
    missing = [k for k in KEYS if k not in mutant]
    if missing:
        raise Stale(f"{path}: missing {', '.join(missing)}")
    mutant["tests"] = mutant["tests"].split()
    if mutant["search"] == mutant["replace"]:
        raise Stale(f"{path}: search and replace are the same")
    return mutant


def function_span(text, name):
    """Start and end offsets of the definition of NAME in C source TEXT: a
    function (the line that begins with the name, or with its return type
    then the name, followed by '(') or a table ("NAME[] = {"), up to the
    brace that closes its body. None, with the number of definitions found,
    unless there is exactly one."""
    pattern = re.compile(r"^(?:[A-Za-z_][^;{}()=\n]*?[\s*])?" + re.escape(name) + r"\s*[(\[]", re.M)
    starts = []
    for m in pattern.finditer(text):
        brace = body_open(text, m.end() - 1)
        if brace is not None:
            starts.append((m.start(), brace))
    if len(starts) != 1:
        return None, len(starts)
    start, brace = starts[0]
    return (start, matching_brace(text, brace)), 1


def body_open(text, offset):
    """Offset of the '{' that opens a definition's body, looking from its
    parameter list (or array brackets) at OFFSET; None for a declaration
    (';' first)."""
    depth = 0
    for i in range(offset, len(text)):
        c = text[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif depth == 0 and c == ";":
            return None
        elif depth == 0 and c == "{":
            return i
    return None


def matching_brace(text, brace):
    """Offset just after the '}' closing the '{' at BRACE, skipping strings,
    characters and comments."""
    depth = 0
    i = brace
    while i < len(text):
        c = text[i]
        if c in "\"'":
            i += 1
            while i < len(text) and text[i] != c:
                i += 2 if text[i] == "\\" else 1
        elif text.startswith("/*", i):
            i = text.find("*/", i + 2)
            i = len(text) if i < 0 else i + 1
        elif text.startswith("//", i):
            i = text.find("\n", i)
            i = len(text) if i < 0 else i
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return len(text)


def mutate(text, mutant):
    """TEXT with the mutant applied; raises Stale with what to do."""
    where = f"{mutant['path']}: "
    span, count = function_span(text, mutant["function"])
    if span is None:
        raise Stale(where + f"function {mutant['function']} is defined {count} times "
                    f"in {mutant['file']} (expected once): re-anchor the mutant "
                    f"(set 'function:' to the function that now holds the rule)")
    body = text[span[0]:span[1]]
    found = body.count(mutant["search"])
    if found != 1:
        raise Stale(where + f"the search string occurs {found} times in "
                    f"{mutant['function']} of {mutant['file']} (expected once): "
                    f"re-anchor the mutant (update 'search:'/'replace:' to the code "
                    f"that now holds the rule)")
    body = body.replace(mutant["search"], mutant["replace"], 1)
    return text[:span[0]] + body + text[span[1]:]


def load_all(names):
    paths = sorted(os.path.join(HERE, n) for n in os.listdir(HERE) if n.endswith(".mut"))
    mutants, errors = [], []
    for p in paths:
        try:
            mutants.append(read_mutant(p))
        except Stale as e:
            errors.append(str(e))
    if names:
        known = {m["name"]: m for m in mutants}
        unknown = [n for n in names if n not in known]
        if unknown:
            errors.append("unknown mutant(s): " + ", ".join(unknown))
        mutants = [known[n] for n in names if n in known]
    return mutants, errors


def check(mutants, root):
    errors = []
    for m in mutants:
        path = os.path.join(root, m["file"])
        try:
            with open(path, encoding="utf-8") as f:
                mutate(f.read(), m)
        except FileNotFoundError:
            errors.append(f"{m['path']}: {m['file']} does not exist: re-anchor the "
                          f"mutant (set 'file:' to where the rule now lives)")
        except Stale as e:
            errors.append(str(e))
    return errors


def rotation_index():
    for var in ("V21_MUTATION_ROUND", "GITHUB_RUN_NUMBER", "CI_PIPELINE_IID"):
        if os.environ.get(var, "").isdigit():
            return int(os.environ[var])
    return datetime.date.today().timetuple().tm_yday


def pick_subset(mutants, n):
    if n >= len(mutants):
        return mutants
    start = (rotation_index() * n) % len(mutants)
    return [mutants[(start + i) % len(mutants)] for i in range(n)]


def sync_copy(root, copy):
    """COPY becomes the tracked and untracked (not ignored) files of ROOT as
    they are in its working tree; unchanged files keep their time stamps so
    the build stays incremental."""
    listed = subprocess.run(["git", "-C", root, "ls-files", "-z", "--cached", "--others",
                             "--exclude-standard"], check=True, capture_output=True).stdout
    wanted = set()
    for rel in sorted(set(listed.decode().split("\0")) - {""}):
        src = os.path.join(root, rel)
        if not os.path.isfile(src) or os.path.islink(src):
            continue
        wanted.add(rel)
        dst = os.path.join(copy, rel)
        if os.path.isfile(dst):
            with open(src, "rb") as a, open(dst, "rb") as b:
                if a.read() == b.read():
                    continue
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy2(src, dst)
    for dirpath, _, files in os.walk(copy):
        for f in files:
            rel = os.path.relpath(os.path.join(dirpath, f), copy)
            if rel not in wanted:
                os.remove(os.path.join(copy, rel))


def run(cmd, log, **kw):
    with open(log, "a", encoding="utf-8") as f:
        f.write("$ " + " ".join(cmd) + "\n")
        f.flush()
        return subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT, **kw).returncode


def meson_test(build, tests, log):
    return run(XVFB + ["meson", "test", "-C", build, "--no-rebuild", "--print-errorlogs",
                       "--num-processes", "2"] + tests, log)


def failed_tests(build):
    """The tests of the last meson test run in BUILD that did not pass."""
    failed = []
    try:
        with open(os.path.join(build, "meson-logs", "testlog.json"), encoding="utf-8") as f:
            for line in f:
                result = json.loads(line)
                if result.get("result") not in ("OK", "EXPECTEDFAIL", "SKIP"):
                    failed.append(result["name"].split(" / ")[-1])
    except (OSError, ValueError, KeyError):
        pass
    return sorted(set(failed))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true",
                        help="only verify that every mutant applies (no build)")
    parser.add_argument("--diff", action="store_true",
                        help="print each mutant as a diff against the working tree (no build)")
    parser.add_argument("--subset", type=int, metavar="N",
                        help="run N mutants, rotating with V21_MUTATION_ROUND, the CI run "
                             "number or the day of the year")
    parser.add_argument("--all", action="store_true", help="run every mutant (default)")
    parser.add_argument("--work", default=os.path.join(ROOT, "_build-mutations"),
                        help="scratch folder (the copy and its build; kept for next time)")
    parser.add_argument("names", nargs="*", help="mutants to run (file names without .mut)")
    args = parser.parse_args()

    mutants, errors = load_all(args.names)
    errors += check(mutants, ROOT)
    if errors:
        print("\n".join("STALE " + e for e in errors), file=sys.stderr)
        print(f"mutations: {len(errors)} mutant(s) no longer apply; see "
              f"tests/mutations/README.md", file=sys.stderr)
        return 1
    if args.diff:
        for m in mutants:
            with open(os.path.join(ROOT, m["file"]), encoding="utf-8") as f:
                text = f.read()
            sys.stdout.writelines(difflib.unified_diff(
                text.splitlines(True), mutate(text, m).splitlines(True),
                f"a/{m['file']}", f"b/{m['file']} ({m['name']})", n=1))
        return 0
    if args.check:
        print(f"mutations: all {len(mutants)} mutants apply")
        return 0
    if args.subset is not None and not args.all and not args.names:
        mutants = pick_subset(mutants, args.subset)

    copy, build = os.path.join(args.work, "src"), os.path.join(args.work, "build")
    log = os.path.join(args.work, "mutations.log")
    os.makedirs(copy, exist_ok=True)
    lock = open(os.path.join(args.work, "lock"), "w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        print(f"mutations: another run uses {args.work}; wait for it or pass --work",
              file=sys.stderr)
        return 1
    open(log, "w").close()
    sync_copy(ROOT, copy)
    if not os.path.isfile(os.path.join(build, "build.ninja")):
        if run(["meson", "setup", build, copy], log):
            print(f"mutations: meson setup failed; see {log}", file=sys.stderr)
            return 1
    if run(["ninja", "-C", build], log):
        print(f"mutations: the unmutated copy does not build; see {log}", file=sys.stderr)
        return 1

    listed = subprocess.run(["meson", "test", "-C", build, "--list", "--no-rebuild"],
                            capture_output=True, text=True).stdout.splitlines()
    known = {t.split(" / ")[-1] for t in listed} | set(listed)
    bad = [f"{m['path']}: no test named {t}" for m in mutants for t in m["tests"]
           if t not in known]
    if bad:
        print("\n".join(bad), file=sys.stderr)
        return 1
    union = sorted({t for m in mutants for t in m["tests"]})
    print(f"mutations: baseline, unmutated: {' '.join(union)}", flush=True)
    if meson_test(build, union, log):
        print(f"mutations: the tests fail without any mutant; see {log}", file=sys.stderr)
        return 1

    survivors, broken, started = [], [], time.time()
    for i, m in enumerate(mutants, 1):
        path = os.path.join(copy, m["file"])
        with open(path, encoding="utf-8") as f:
            original = f.read()
        t0 = time.time()
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"\n===== {m['name']}: {m['rule']}\n")
        try:
            with open(path, "w", encoding="utf-8") as f:
                f.write(mutate(original, m))
            if run(["ninja", "-C", build], log):
                verdict = "DOES NOT BUILD"
                broken.append(m)
            elif meson_test(build, m["tests"], log):
                verdict = "caught by " + (", ".join(failed_tests(build)) or "?")
            else:
                verdict = "SURVIVED"
                survivors.append(m)
        finally:
            with open(path, "w", encoding="utf-8") as f:
                f.write(original)
        print(f"[{i}/{len(mutants)}] {m['name']}: {verdict} ({time.time() - t0:.0f} s)",
              flush=True)
    run(["ninja", "-C", build], log)

    total = len(mutants)
    caught = total - len(survivors) - len(broken)
    print(f"mutations: {caught} caught of {total} in {time.time() - started:.0f} s")
    for m in survivors:
        print(f"SURVIVOR {m['name']}: {m['rule']} ({m['file']}, {m['function']}): "
              f"strengthen {' '.join(m['tests'])}", file=sys.stderr)
    for m in broken:
        print(f"DOES NOT BUILD {m['name']} ({m['path']}): fix the mutant; see {log}",
              file=sys.stderr)
    return 1 if survivors or broken else 0


if __name__ == "__main__":
    sys.exit(main())

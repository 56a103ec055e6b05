#!/usr/bin/python3
"""Check what the JSON Schema cannot express in .visions21 files.

Usage: check-demo-integrity.py [--spec-only] FILE...

Rules of docs/file-format.md checked here:
  - ids are unique in the whole file;
  - every reference resolves, to a record of the right list;
  - a link's `from` differs from its `to`;
  - a vote's voter is a person or a table as the round's `voters` says, its
    target is one of the round's targets, and a voter's counts in one round do
    not exceed the round's budget; a round's targets are cards or clusters as
    its `target` says;
  - one robustness score per (challenge, answer) pair;
  - horizon_year > start_year and horizon_year <= start_year + 200;
  - a day's end is after its start; dates and instants are real calendar values;
  - no object has the same key twice.
Conventions the application keeps (skipped with --spec-only):
  - in each day, sequences are listed together, days in the order of `days`,
    the first one starts at or after the day's start, each next one starts when
    the previous one ends (start + minutes), and the last one ends by the day's end;
  - a round with a `card_kind` only targets cards of that kind;
  - a cluster with a `kind` only groups cards of that kind;
  - robustness scores put a challenge card against a resource or action card.

Prints one "FILE: $.path: message" line per problem; exits 1 when there is any
problem, 0 otherwise.
"""

import datetime
import json
import re
import sys

LISTS = ["days", "tables", "people", "exercises", "sequences", "materials", "clusters",
         "cards", "links", "vote_rounds", "votes", "robustness", "scenarios",
         "trajectories", "points", "exercise_notes", "checklist"]

SINGULAR = {
    "days": "day", "tables": "table", "people": "person", "exercises": "exercise",
    "sequences": "sequence", "materials": "material", "clusters": "cluster",
    "cards": "card", "links": "link", "vote_rounds": "vote round", "votes": "vote",
    "robustness": "score", "scenarios": "scenario", "trajectories": "trajectory",
    "points": "point", "exercise_notes": "exercise note", "checklist": "checklist item",
}

# list -> [(field, target list, nullable)]
REFS = {
    "people": [("table", "tables", True)],
    "sequences": [("day", "days", False), ("exercise", "exercises", True)],
    "materials": [("exercise", "exercises", True)],
    "clusters": [("sequence", "sequences", True)],
    "cards": [("table", "tables", True), ("sequence", "sequences", True),
              ("cluster", "clusters", True)],
    "links": [("from", "cards", False), ("to", "cards", False)],
    "vote_rounds": [("sequence", "sequences", True)],
    "votes": [("round", "vote_rounds", False)],
    "robustness": [("challenge", "cards", False), ("answer", "cards", False)],
    "scenarios": [("table", "tables", True)],
    "trajectories": [("scenario", "scenarios", False)],
    "points": [("trajectory", "trajectories", False), ("card", "cards", True)],
    "exercise_notes": [("exercise", "exercises", False)],
}

TIME_RE = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])$")


class DuplicateKey(Exception):
    pass


def _no_duplicates(pairs):
    obj = {}
    for key, value in pairs:
        if key in obj:
            raise DuplicateKey(key)
        obj[key] = value
    return obj


def minutes_of(text):
    m = TIME_RE.match(text) if isinstance(text, str) else None
    return int(m.group(1)) * 60 + int(m.group(2)) if m else None


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def check(doc, spec_only):
    problems = []

    def problem(path, message):
        problems.append((path, message))

    if not isinstance(doc, dict):
        problem("$", "the root is not an object")
        return problems

    lists = {}
    for name in LISTS:
        value = doc.get(name, [])
        lists[name] = [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []

    # Ids unique in the whole file; index id -> (list, record, index).
    where = {}
    if isinstance(doc.get("id"), str):
        where[doc["id"]] = ("root", doc, None)
    for name in LISTS:
        value = doc.get(name, [])
        if not isinstance(value, list):
            continue
        for i, rec in enumerate(value):
            if not isinstance(rec, dict) or not isinstance(rec.get("id"), str):
                continue
            rid = rec["id"]
            if rid in where:
                other = where[rid]
                first = "$" if other[0] == "root" else "$.%s[%d]" % (other[0], other[2])
                problem("$.%s[%d].id" % (name, i), 'the id "%s" is already used at %s' % (rid, first))
            else:
                where[rid] = (name, rec, i)

    def resolve(path, value, target, nullable):
        """Returns the referenced record, or None (after reporting a problem if needed)."""
        if value is None:
            if not nullable:
                problem(path, "must refer to a %s, not null" % SINGULAR[target])
            return None
        if not isinstance(value, str):
            return None  # A type error: the schema reports it.
        found = where.get(value)
        if found is None:
            problem(path, 'no %s has the id "%s"' % (SINGULAR[target], value))
            return None
        if found[0] != target:
            kind = "the workshop" if found[0] == "root" else "a " + SINGULAR[found[0]]
            problem(path, 'the id "%s" is %s, not a %s' % (value, kind, SINGULAR[target]))
            return None
        return found[1]

    def each(name):
        value = doc.get(name, [])
        if isinstance(value, list):
            for i, rec in enumerate(value):
                if isinstance(rec, dict):
                    yield i, rec

    # Plain references.
    for name, fields in REFS.items():
        for i, rec in each(name):
            for field, target, nullable in fields:
                if field in rec:
                    resolve("$.%s[%d].%s" % (name, i, field), rec[field], target, nullable)

    # Years.
    start, horizon = doc.get("start_year"), doc.get("horizon_year")
    if is_int(start) and is_int(horizon):
        if horizon <= start:
            problem("$.horizon_year", "must be after start_year (%d)" % start)
        elif horizon > start + 200:
            problem("$.horizon_year", "must be at most start_year + 200 (%d)" % (start + 200))

    # Days: real dates, end after start.
    for i, day in each("days"):
        date = day.get("date")
        if isinstance(date, str):
            try:
                datetime.date.fromisoformat(date)
            except ValueError:
                problem("$.days[%d].date" % i, '"%s" is not a real date' % date)
        s, e = minutes_of(day.get("start")), minutes_of(day.get("end"))
        if s is not None and e is not None and e <= s:
            problem("$.days[%d].end" % i, "must be after the day's start")

    # Instants: real calendar values.
    for name, field in (("sequences", "actual_start"), ("cards", "created")):
        for i, rec in each(name):
            value = rec.get(field)
            if isinstance(value, str):
                try:
                    datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
                except ValueError:
                    problem("$.%s[%d].%s" % (name, i, field), '"%s" is not a real instant' % value)

    # Links.
    for i, link in each("links"):
        if isinstance(link.get("from"), str) and link.get("from") == link.get("to"):
            problem("$.links[%d].to" % i, "a link cannot go from a card to itself")

    # Vote rounds: targets of the right list.
    rounds = {}
    for i, rnd in each("vote_rounds"):
        target = rnd.get("target")
        targets = rnd.get("targets", [])
        wanted = {"cards": "cards", "clusters": "clusters"}.get(target)
        ids = set()
        if isinstance(targets, list):
            for j, tid in enumerate(targets):
                path = "$.vote_rounds[%d].targets[%d]" % (i, j)
                if wanted is None or not isinstance(tid, str):
                    continue
                if tid in ids:
                    problem(path, 'the target "%s" is listed twice' % tid)
                ids.add(tid)
                rec = resolve(path, tid, wanted, False)
                card_kind = rnd.get("card_kind")
                if (rec is not None and not spec_only and wanted == "cards"
                        and isinstance(card_kind, str) and rec.get("kind") != card_kind):
                    problem(path, 'the card "%s" is a %s, but the round is on %s cards'
                            % (tid, rec.get("kind"), card_kind))
        if isinstance(rnd.get("id"), str):
            rounds[rnd["id"]] = (rnd, ids)

    # Votes: voter of the right list, target within the round's targets, budget.
    totals = {}
    for i, vote in each("votes"):
        rid = vote.get("round")
        if not isinstance(rid, str) or rid not in rounds:
            continue  # Already reported as a bad reference.
        rnd, ids = rounds[rid]
        voters = {"people": "people", "tables": "tables"}.get(rnd.get("voters"))
        voter = vote.get("voter")
        if voters is not None and "voter" in vote:
            resolve("$.votes[%d].voter" % i, voter, voters, True)
        target = vote.get("target")
        if isinstance(target, str) and target not in ids:
            problem("$.votes[%d].target" % i, 'the id "%s" is not one of the targets of the round "%s"'
                    % (target, rid))
        count = vote.get("count")
        if isinstance(voter, str) and is_int(count):
            key = (rid, voter)
            totals.setdefault(key, [0, i])
            totals[key][0] += count
            totals[key][1] = i
    for (rid, voter), (total, last) in totals.items():
        budget = rounds[rid][0].get("budget")
        if is_int(budget) and total > budget:
            problem("$.votes[%d].count" % last, 'the voter "%s" gave %d in the round "%s", over its budget of %d'
                    % (voter, total, rid, budget))

    # Robustness: one score per pair.
    seen = {}
    cards = {r["id"]: r for r in lists["cards"] if isinstance(r.get("id"), str)}
    for i, score in each("robustness"):
        pair = (score.get("challenge"), score.get("answer"))
        if all(isinstance(p, str) for p in pair):
            if pair in seen:
                problem("$.robustness[%d]" % i, "the pair (%s, %s) is already scored at $.robustness[%d]"
                        % (pair[0], pair[1], seen[pair]))
            else:
                seen[pair] = i
            if not spec_only:
                ch, an = cards.get(pair[0]), cards.get(pair[1])
                if ch is not None and ch.get("kind") != "challenge":
                    problem("$.robustness[%d].challenge" % i, 'the card "%s" is not a challenge' % pair[0])
                if an is not None and an.get("kind") not in ("resource", "action"):
                    problem("$.robustness[%d].answer" % i, 'the card "%s" is not a resource or an action'
                            % pair[1])

    if spec_only:
        return problems

    # Clusters with a kind only group cards of that kind.
    clusters = {r["id"]: r for r in lists["clusters"] if isinstance(r.get("id"), str)}
    for i, card in each("cards"):
        cl = clusters.get(card.get("cluster"))
        if cl is not None and isinstance(cl.get("kind"), str) and card.get("kind") != cl["kind"]:
            problem("$.cards[%d].cluster" % i, 'the cluster "%s" groups %s cards, this card is a %s'
                    % (cl["id"], cl["kind"], card.get("kind")))

    # Run sheet: contiguous days in order, consistent planned starts, within the day.
    day_order = [d.get("id") for d in lists["days"]]
    days = {d.get("id"): d for d in lists["days"]}
    previous_day_index = -1
    finished = set()
    current = None
    cursor = None  # Planned end of the previous sequence of the current day.
    last_index = None
    for i, seq in each("sequences"):
        day_id = seq.get("day")
        if day_id not in days:
            continue
        if day_id != current:
            if current is not None:
                end = minutes_of(days[current].get("end"))
                if cursor is not None and end is not None and cursor > end:
                    problem("$.sequences[%d].minutes" % last_index, "the day's last sequence ends after the day's end")
                finished.add(current)
            if day_id in finished:
                problem("$.sequences[%d].day" % i, "the sequences of a day must be listed together")
            index = day_order.index(day_id)
            if index < previous_day_index:
                problem("$.sequences[%d].day" % i, "the days of the run sheet are not in the order of $.days")
            previous_day_index = index
            current = day_id
            cursor = None
            day_start = minutes_of(days[day_id].get("start"))
            start = minutes_of(seq.get("start"))
            if start is not None and day_start is not None and start < day_start:
                problem("$.sequences[%d].start" % i, "starts before the day's start")
        else:
            start = minutes_of(seq.get("start"))
            if start is not None and cursor is not None and start != cursor:
                problem("$.sequences[%d].start" % i, "should be %02d:%02d: the previous sequence's start plus its minutes"
                        % divmod(cursor, 60))
        start = minutes_of(seq.get("start"))
        minutes = seq.get("minutes")
        cursor = start + minutes if start is not None and is_int(minutes) else None
        last_index = i
    if current is not None:
        end = minutes_of(days[current].get("end"))
        if cursor is not None and end is not None and cursor > end:
            problem("$.sequences[%d].minutes" % last_index, "the day's last sequence ends after the day's end")

    return problems


def main(argv):
    args = argv[1:]
    spec_only = False
    if args and args[0] == "--spec-only":
        spec_only = True
        args = args[1:]
    if not args:
        sys.stderr.write("usage: %s [--spec-only] FILE...\n" % argv[0])
        return 2

    failed = False
    for path in args:
        try:
            with open(path, "rb") as f:
                doc = json.loads(f.read().decode("utf-8"), object_pairs_hook=_no_duplicates)
        except OSError as e:
            print("%s: $: cannot read: %s" % (path, e.strerror or e))
            failed = True
            continue
        except DuplicateKey as e:
            print('%s: $: an object has the key "%s" twice' % (path, e.args[0]))
            failed = True
            continue
        except ValueError as e:
            print("%s: $: not JSON: %s" % (path, e))
            failed = True
            continue
        for where, message in check(doc, spec_only):
            print("%s: %s: %s" % (path, where, message))
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

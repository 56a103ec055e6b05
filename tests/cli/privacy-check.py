#!/usr/bin/env python3
"""Checks one output of the privacy corpus (tests/data/privacy) and prints TAP
results without numbers ("ok - …" / "not ok - …"), which test-privacy.sh numbers.

    privacy-check.py FACTS.json MODE KIND FILE

MODE: "consent" (the report as it goes out: only who consented may be named) or
"all" (anonymised: nobody may be named). KIND: visions21, html, md, csv, votes,
pdftext, odt (its content.xml). Prints, in this order:
  (a) no fragment of a name that may not be given appears as a word,
  (b) no e-mail or phone number survives, in any form,
  (c) every control sentence the output carries is there unchanged,
  (d) (consent only) every consented person is still named.

Linear in the size of the output: the text is cut once into folded words, with
an index of where each word is; each fragment is then looked up in the index.
"""
import html
import json
import re
import sys
import unicodedata

PARTICLES = {"de", "du", "des", "d", "la", "le", "les", "l", "van", "von", "der", "den",
             "ben", "ibn", "bin", "al", "el", "da", "dos", "do", "di", "del"}
TITLES = {"m", "mme", "mlle", "dr", "pr", "me", "mgr", "maitre", "monsieur", "madame"}

# Fragments of names that are also ordinary words: where each may be written
# (folded words around it) without naming anyone. Every other occurrence of
# one of them, and any occurrence of a fragment not listed, is a leak.
CONTEXTS = {
    "petit": ["petit a petit", "le petit prince", "vert le petit"],
    "vert": ["le bocage reste vert", "vert d eau", "vert le petit"],
    "blanc": ["blanc de meudon"],
    "marchand": ["marchand de biens"],
    "large": ["une large majorite", "large consensus"],
    "masse": ["la masse d eau"],
    "fontaine": ["la fontaine saint michel"],
    "ho": ["ho s ecrie"],
    "ba": ["le ba ba de"],
    "claire": ["sainte claire", "claire et nette"],
}

FOLD_CACHE = {}


def fold(word):
    folded = FOLD_CACHE.get(word)
    if folded is None:
        bare = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
        folded = FOLD_CACHE[word] = bare.casefold().replace("œ", "oe").replace("æ", "ae")
    return folded


def words(text):
    return re.findall(r"[^\W_]+", text)


def text_of(kind, path):
    raw = open(path, encoding="utf-8-sig").read() if kind != "odt" else ""
    if kind == "visions21":
        strings = []

        def walk(value):
            if isinstance(value, str):
                strings.append(value)
            elif isinstance(value, list):
                for item in value:
                    walk(item)
            elif isinstance(value, dict):
                for item in value.values():
                    walk(item)
        walk(json.loads(raw))
        return "\n".join(strings)
    if kind == "odt":
        import zipfile
        xml = zipfile.ZipFile(path).read("content.xml").decode("utf-8")
        # Paragraphs, headings, cells, breaks and spaces part words; spans do not.
        xml = re.sub(r"<text:(?:p|h|line-break|tab|s)\b[^>]*>|</text:(?:p|h)>|</table:table-cell>", " ", xml)
        return html.unescape(re.sub(r"<[^>]*>", "", xml))
    if kind == "html":
        raw = re.sub(r"<(style|script)\b.*?</\1>", " ", raw, flags=re.S)
        return html.unescape(re.sub(r"<[^>]*>", " ", raw))
    if kind == "md":
        return re.sub(r"\\([^\w\s])", r"\1", raw)
    return raw


def name_words(name):
    return [fold(w) for w in words(name)]


def fragments(name):
    """The words of a name that would name its person: every word of two
    letters or more but particles, glued forms ("ndiaye", "oconnor"), and
    accented words that fold to a particle ("lê"), kept with their accents."""
    found, accented = set(), set()
    parts = re.split(r"[\s\-]+", name)
    for part in parts:
        pieces = words(part)
        if len(pieces) > 1:
            found.add(fold("".join(pieces)))
        for piece in pieces:
            f = fold(piece)
            if f in PARTICLES:
                if piece.casefold() != f:
                    accented.add(piece.casefold())
            elif len(f) >= 2:
                found.add(f)
    return found, accented


def rotations(tokens):
    return [tokens[i:] + tokens[:i] for i in range(len(tokens))]


def consented_contexts(people):
    """Every run of two words or more of a consented name, in either order."""
    contexts = {}
    for person in people:
        if not person["consent"]:
            continue
        for rotation in rotations(name_words(person["name"])):
            for i in range(len(rotation)):
                for j in range(i + 2, len(rotation) + 1):
                    run = rotation[i:j]
                    for w in run:
                        contexts.setdefault(w, []).append(" ".join(run))
    return contexts


def main():
    facts = json.load(open(sys.argv[1]))
    mode, kind, path = sys.argv[2], sys.argv[3], sys.argv[4]
    label = "%s (%s)" % (path.rsplit("/", 1)[-1], mode)
    text = text_of(kind, path)
    originals = words(text)
    tokens = [fold(w) for w in originals]
    index = {}
    for position, token in enumerate(tokens):
        index.setdefault(token, []).append(position)
    accents = {}
    for position, word in enumerate(originals):
        if word.casefold() != tokens[position]:
            accents.setdefault(word.casefold(), []).append(position)

    def around(position):
        return " ".join(originals[max(0, position - 4):position + 5])

    def fits(position, context):
        run = context.split()
        for j, w in enumerate(run):
            if w == tokens[position] and tokens[position - j:position - j + len(run)] == run:
                return True
        return False

    allowed = {f: list(c) for f, c in CONTEXTS.items()}
    if mode == "consent":
        for f, c in consented_contexts(facts["people"]).items():
            allowed.setdefault(f, []).extend(c)

    # (a) fragments of names that may not be given
    leaks = []
    for person in facts["people"]:
        if mode == "consent" and person["consent"]:
            continue
        found, accented = fragments(person["name"])
        for f in sorted(found):
            for position in index.get(f, []):
                if not any(fits(position, c) for c in allowed.get(f, [])):
                    leaks.append("%s: “%s” in “%s”" % (person["id"], f, around(position)))
        for a in sorted(accented):
            for position in accents.get(a, []):
                leaks.append("%s: “%s” in “%s”" % (person["id"], a, around(position)))
        # a title or a first name right before an ordinary-word fragment
        given = name_words(person["name"])
        for f in found | {fold(a) for a in accented}:
            for position in index.get(f, []):
                before = tokens[position - 1] if position > 0 else ""
                if (before in TITLES or (before in given and before != f)) and \
                        not any(fits(position, c) for c in allowed.get(f, [])):
                    leaks.append("%s: “%s %s” in “%s”" % (person["id"], before, f, around(position)))
    leaks = sorted(set(leaks))
    report(not leaks, "%s: no fragment of a name that may not be given" % label, leaks)

    # (b) e-mails and phone numbers
    flat = re.sub(r"\s+", " ", text)
    contacts = []
    for match in re.finditer(r"12\D{0,4}34\D{0,4}56\D{0,4}78|98\D{0,4}76\D{0,4}54\D{0,4}32|49\D{0,4}12\D{0,4}34", flat):
        contacts.append("phone “%s”" % flat[max(0, match.start() - 20):match.end() + 5])
    for bad in ("example", "arobase", "at"):
        for position in index.get(bad, []):
            contacts.append("“%s” in “%s”" % (bad, around(position)))
    without_control = flat.replace("Réunion @ la salle des fêtes", "")
    for match in re.finditer(r"[@＠]", without_control):
        contacts.append("“@” in “%s”" % without_control[max(0, match.start() - 30):match.end() + 30])
    report(not contacts, "%s: no e-mail or phone number" % label, contacts)

    # (c) control sentences
    packed = re.sub(r"\s+", "", text)
    unhyphenated = re.sub(r"-\s*\n\s*", "", text) if kind == "pdftext" else text
    packed2 = re.sub(r"\s+", "", unhyphenated)
    expected = facts["controls"] if kind != "votes" else [facts["controls"][2]]
    missing = [c for c in expected if re.sub(r"\s+", "", c) not in packed and re.sub(r"\s+", "", c) not in packed2]
    report(not missing, "%s: every control sentence unchanged" % label, missing)

    # (d) consented people named
    if mode == "consent":
        absent = [p["name"] for p in facts["people"]
                  if p["consent"] and re.sub(r"\s+", "", p["name"]) not in packed2]
        report(not absent, "%s: every consented person named" % label, absent)


def report(good, what, details):
    print(("ok - " if good else "not ok - ") + what)
    for line in details[:40]:
        print("# " + line)
    if len(details) > 40:
        print("# … and %d more" % (len(details) - 40))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes hard-names.visions21: a workshop whose people have the names French
people really have and write (particles, compounds, both apostrophes, initials,
titles, capitals, names that are common words, two-letter names), written in
every kind of text the format has, with disguised e-mails, French phone numbers
and control sentences that must come out unchanged.

    tests/data/privacy/gen-hard-names.py > tests/data/privacy/hard-names.visions21

Deterministic: the same script writes the same bytes. tests/cli/test-privacy.sh
reads the committed file and the lists below (PEOPLE, CONTROLS) through
`gen-hard-names.py --facts`, which prints them as JSON;
`gen-hard-names.py --fuzz-seeds tests/fuzz/name-matcher-seeds` writes the
seeds of the matcher's fuzzer.
"""
import json
import sys

# (name as the list holds it, consent, category, table, organisation, e-mail,
#  the ways the texts write this person)
PEOPLE = [
    ("Jean-Pierre Le Goff", True, "elus", "t1", "Mairie de Saint-Aubin-du-Bocage", "jp.legoff@mairie.example",
     ["Jean-Pierre Le Goff a ouvert la séance.", "Jean-Pierre Le Goff et Maëlle Goff ont tenu la table.", "Selon M. Le Goff, le bourg doit garder son école.",
      "LE GOFF Jean-Pierre a signé la feuille."]),
    ("Maëlle Goff", False, "habitants", "t2", "", "maelle.goff@gmail.example",
     ["Maëlle Goff a rappelé les horaires du car.", "Mme Goff veut un arrêt de plus.",
      "GOFF Maëlle signe la pétition.", "À la relecture, Goff a retiré sa carte.", "Ensuite Maëlle a relu la synthèse.", "Note de participant-Maëlle."]),
    ("Erwan Le Goffic", False, "entreprises", "t3", "GAEC Le Goffic", "e.legoffic@gaec.example",
     ["Erwan Le Goffic a chiffré le coût des haies.", "E. Le Goffic propose un broyeur commun.",
      "Le Goffic a rappelé le prix du lait.", "Voir aussi le goffic erwan."]),
    ("Aminata N'Diaye", False, "associations", "t4", "Association Bocage Vivant", "a.ndiaye [at] bocage-vivant [dot] example",
     ["Mme N’Diaye anime le jardin partagé.", "Mme NDIAYE demande un local.", "Aminata NDiaye a lu l’article.",
      "A. N'Diaye et Ndiaye seule : même personne.", "Le groupe d’Aminata N’Diaye a voté."]),
    ("Rui D’Almeida", False, "entreprises", "t5", "Coopérative du Val", "rui.dalmeida (at) coop.example",
     ["M. Almeida, menuisier, parle du bois local.", "Me D'Almeida a relu la charte.", "Rui Dalmeida apporte des devis.",
      "RUI D’ALMEIDA (coopérative) est d’accord.", "Écrire à rui.dalmeida (at) coop.example. Le bocage reste vert."]),
    ("Hélène de La Fontaine", False, "elus", "t6", "Conseil départemental", "h.delafontaine@cd.example",
     ["Mme de La Fontaine préside la commission.", "Pour La Fontaine, la route coûte trop cher.",
      "madame Fontaine a rappelé le budget.", "Hélène de la Fontaine a levé la main.", "DE LA FONTAINE Hélène, élue.", "La Fontaine a signé le registre.", "hélène de la fontaine a écrit."]),
    ("Mathieu Dupont-Aignan", False, "services", "t1", "Communauté de communes", "m.dupont-aignan@cc.example",
     ["Dupont-Aignan a présenté le plan de mobilité.", "Dupont a noté les chiffres, Aignan les questions.",
      "M. Dupont Aignan suit le dossier.", "Le service de DUPONT-AIGNAN répondra."]),
    ("Seán O’Connor", False, "experts", "t2", "Université de Poitiers", "sean.oconnor@univ.example",
     ["Sean O'Connor a parlé des sécheresses.", "Selon OConnor, la nappe baisse.", "Dr O’Connor a montré la courbe.",
      "Seán a distribué les fiches.", "Oconnor reviendra en juin."]),
    ("Thi Lê", False, "habitants", "t3", "", "thi.le@free.example",
     ["Thi Lê vit au bourg depuis dix ans.", "Dr Lê soigne au cabinet de la place.", "Mme LÊ voudrait des bancs.",
      "C’est l’idée de Lê pour la halle.", "Dr Le a reçu la délégation.", "LÊ Thi a signé."]),
    ("Inès Petit", False, "habitants", "t4", "", "ines.petit arobase asso.example",
     ["Maître Petit a lu le règlement.", "Inès Petit a voté pour la haie.", "C’est l’avis de Petit, pas le mien.",
      "I. Petit sera là demain.", "PETIT Inès, habitante."]),
    ("Marc Blanc", False, "partenaires", "t5", "Lycée agricole de Bressuire", "m.blanc @ lycee.example",
     ["M. Blanc dirige le lycée agricole.", "Marc BLANC a prêté la salle.", "Pr. Blanc viendra en mars.",
      "Contacter m.blanc @ lycee.example pour la salle."]),
    ("Anne-Sophie Vert", False, "associations", "t6", "CPIE du Bocage", "as.vert@cpie.example",
     ["A.-S. Vert anime la balade.", "Mlle Vert a compté les haies.", "Anne-Sophie a noté les idées.",
      "A.S. Vert et Vert elle-même : même personne."]),
    ("Élodie Marchand", False, "entreprises", "t1", "Ferme Marchand", "e . marchand @ ferme . example",
     ["Pr Marchand a parlé des circuits courts.", "Élodie Marchand vend au marché.", "ELODIE MARCHAND, maraîchère.",
      "E. Marchand livre la cantine."]),
    ("Louise d'Estienne d'Orves", False, "elus", "t2", "Mairie de Vert-le-Petit", "louise.destienne@mairie.example",
     ["Louise d’Estienne d’Orves ouvre la plénière.", "Mme d'Estienne d'Orves signe.", "Pour d'Orves, le calendrier tient.",
      "Estienne d’Orves a répondu.", "D'ESTIENNE D'ORVES Louise, maire."]),
    ("Ana Martins da Silva", False, "services", "t3", "Office de tourisme", "ana.martins@ot.example",
     ["Ana Martins da Silva a fait la carte.", "Mme Martins da Silva compte les visiteurs.", "Da Silva a fini la carte.",
      "Martins a corrigé la légende.", "A. Martins Da Silva sera là."]),
    ("Yann Ba", False, "habitants", "t4", "", "yann.ba@orange.example",
     ["Il y a eu un vote pour Ba.", "M. Ba habite la route de Niort.", "Yann Ba a lu son texte.", "BA Yann, habitant.", "Mgr Ba bénit la halle."]),
    ("Lucas Ho", False, "experts", "t5", "Cabinet Ho Conseil", "lucas.ho@conseil.example",
     ["Dr Ho a présenté l’étude.", "Lucas Ho a répondu aux questions.", "HO Lucas, expert.", "L. Ho rendra le rapport."]),
    ("Karim Ben Ali", False, "associations", "t6", "Foyer rural", "karim.benali@foyer.example",
     ["Karim Ben Ali a animé le débat.", "M. Ben Ali tient le foyer.", "Pour ben Ali, la salle suffit.", "BEN ALI Karim, bénévole."]),
    ("Leïla al-Hassan", False, "partenaires", "t1", "Chambre d’agriculture", "leila.alhassan@chambre.example",
     ["Leïla al-Hassan a présenté les aides.", "Mme Al-Hassan répondra.", "Al Hassan a envoyé le tableau.",
      "Hassan a raison sur les délais."]),
    ("Yasmina ibn Ziad", False, "habitants", "t2", "", "yasmina.ibnziad@laposte.example",
     ["Yasmina ibn Ziad a lu le poème.", "Mme Ibn Ziad garde les enfants.", "Ziad a proposé le troc."]),
    ("Pieter van der Berg", False, "experts", "t3", "Agence de l’eau", "p.vanderberg@eau.example",
     ["Pieter van der Berg a montré les débits.", "M. Van der Berg conseille le syndicat.", "Van Der Berg a fini.",
      "Pour Berg, il faut agir vite."]),
    ("Ulrike von Trotha", False, "partenaires", "t4", "Parc naturel régional", "u.vontrotha@pnr.example",
     ["Ulrike von Trotha a parlé du parc.", "Mme von Trotha signe la convention.", "Trotha reviendra."]),
    ("Jacques Marchais", False, "elus", "t5", "Mairie de Chanteloup", "j.marchais@chanteloup.example",
     ["Proposé par J. Marchais (élu).", "Marchais a voté contre.", "Jacques a rappelé l’histoire du moulin."]),
    ("Bernard du Plessis", False, "elus", "t6", "Mairie de Clessé", "b.duplessis@clesse.example",
     ["Bernard du Plessis a cité le SCoT.", "M. du Plessis préside le syndicat.", "Du Plessis a répondu.",
      "DU PLESSIS Bernard, adjoint."]),
    ("Paule des Rosiers", False, "habitants", "t1", "", "paule.desrosiers@sfr.example",
     ["Mme des Rosiers tient l’épicerie.", "Des Rosiers a compté les clients.", "Rosiers a fermé à midi."]),
    ("BOUCHARD Sophie", False, "services", "t2", "Syndicat des eaux", "s.bouchard@syndicat.example",
     ["Sophie Bouchard a présenté le budget de l’eau.", "Mme Bouchard répondra.", "Selon BOUCHARD, il faut deux ans."]),
    ("Théo Large", False, "habitants", "t3", "", "theo.large@gmail.example",
     ["Théo Large a pris la parole.", "M. Large est contre le projet.", "THÉO LARGE, étudiant."]),
    ("Benoît Masse", False, "entreprises", "t4", "Garage du Centre", "benoit.masse@garage.example",
     ["Benoît Masse répare les vélos.", "Me Masse a relu le bail.", "Selon Masse, le garage ferme."]),
    ("Nadia Aït-Hamou", False, "habitants", "t5", "", "nadia.aithamou@free.example",
     ["Nadia Aït-Hamou a gardé la parole.", "Mme AIT-HAMOU habite le lotissement.", "Hamou a raison."]),
    ("Pierre-Yves Guillou", False, "services", "t6", "Communauté de communes", "py.guillou@cc.example",
     ["P.-Y. Guillou a fait le compte rendu.", "Pierre-Yves a mis les chaises.", "GUILLOU a envoyé le fichier."]),
    ("Maria GARCIA LOPEZ", False, "associations", "t1", "Secours populaire", "maria.garcia@sp.example",
     ["Maria Garcia Lopez a parlé de l’aide alimentaire.", "Mme Garcia Lopez distribue les colis.",
      "Garcia a envoyé les chiffres, Lopez les photos."]),
    ("Claire Fontanel", True, "experts", None, "Centre régional de ressources", "claire.fontanel@crdd.example",
     ["Claire Fontanel anime le séminaire."]),
    ("Odile Le Bras", True, "elus", "t2", "Mairie de Clessé", "odile.lebras@clesse.example",
     ["Odile Le Bras a conclu la journée.", "Mme Le Bras remercie les tables."]),
    ("Pascal Roux", True, "services", "t3", "Communauté de communes", "pascal.roux@cc.example",
     ["Pascal Roux a tenu le chronomètre."]),
    ("Élise Mercier", True, "associations", "t4", "Familles rurales", "elise.mercier@fr.example",
     ["Élise Mercier a recueilli les cartes."]),
    ("Hervé Petitjean", True, "habitants", "t5", "", "herve.petitjean@free.example",
     ["Hervé Petitjean a photographié les murs.", "M. Petitjean a rangé la salle."]),
    ("Gaëlle Vert", True, "partenaires", "t6", "Région", "gaelle.vert@region.example",
     ["Gaëlle Vert a présenté le schéma régional."]),
]

# Ordinary sentences that hold words of the names: they must come out as they went in.
CONTROLS = [
    "Le bocage reste vert.",
    "Petit à petit, le bourg change.",
    "Une large majorité a choisi la haie.",
    "Large consensus : le marché reste le samedi.",
    "Le Petit Prince est lu à l’école du bourg.",
    "Blanc de Meudon pour les façades, vert d’eau pour les volets.",
    "Marchand de biens, le promoteur a renoncé au lotissement.",
    "La Fontaine Saint-Michel sera restaurée.",
    "La halle accueille le marché du jeudi.",
    "Des haies nouvelles bordent les chemins creux.",
    "Ho ! s’écrie la salle quand le chiffre tombe.",
    "Le ba-ba de la concertation, c’est écouter.",
    "En 2056, 38 communes et 42 300 habitants ; rendez-vous le 18/03/2027 à 9 h 30.",
    "Réunion @ la salle des fêtes.",
    "La masse d’eau souterraine baisse chaque été.",
    "Sainte-Claire et Saint-Martin restent deux paroisses.",
    "Vert-le-Petit est jumelée avec le bourg.",
    "Claire et nette, la proposition passe.",
]

# Contact details written into texts (every one must go).
CONTACTS = [
    "Tél. 06 12 34 56 78.",
    "Portable : +33 6 12 34 56 78.",
    "Appeler le 06.12.34.56.78 avant midi.",
    "Joindre au 0612345678 ou au +33 (0)6 98 76 54 32.",
    "Écrire à x.guillou [at] cc [dot] example pour le compte rendu.",
    "Courriel : jo.ba arobase asso.example, merci.",
    "Adresse : a . ndiaye @ bocage-vivant . example.",
    "Le fixe de la mairie est le 05 49 12 34 56.",
]


def mentions():
    """Every sentence that names someone, in the order of PEOPLE."""
    out = []
    for person in PEOPLE:
        out.extend(person[6])
    return out


def workshop():
    names = mentions()
    texts = names + CONTROLS + CONTACTS
    # Sentences are dealt out over the texts so that each kind of text holds
    # names, controls and contacts; a cursor walks the list round and round.
    cursor = [0]

    def take(n):
        picked = []
        for _ in range(n):
            picked.append(texts[cursor[0] % len(texts)])
            cursor[0] += 1
        return " ".join(picked)

    controls = iter(CONTROLS * 100)
    names_iter = iter(names * 100)
    contacts_iter = iter(CONTACTS * 100)

    def mixed(n_names=2):
        parts = [next(names_iter) for _ in range(n_names)]
        parts.append(next(contacts_iter))
        parts.append(next(controls))
        return " ".join(parts)

    tables = [{"id": "t%d" % i, "name": "Table %s" % n, "color": c}
              for i, (n, c) in enumerate([("Sèvre", "#1c71d8"), ("Bocage", "#2ec27e"), ("Coteaux", "#f5c211"),
                                          ("Marais", "#e66100"), ("Plaine", "#9141ac"), ("Vallée", "#865e3c")], 1)]
    people = []
    for i, (name, consent, category, table, organisation, email, _) in enumerate(PEOPLE, 1):
        people.append({"id": "p%02d" % i, "name": name, "organisation": organisation, "category": category,
                       "role": "facilitator" if name == "Claire Fontanel" else "participant",
                       "table": table, "email": email, "consent": consent, "locked": False})
    exercises = [
        {"id": "ex-t1", "code": "T1", "title": "Contextualisation par des articles du futur", "summary": mixed(1),
         "minutes": 90, "kind": "tables", "instructions": mixed(1), "outputs": ["issue", "trend", "weak_signal"]},
        {"id": "ex-t2", "code": "T2", "title": "Test de robustesse", "summary": mixed(1), "minutes": 90,
         "kind": "tables", "instructions": mixed(1), "outputs": ["challenge", "threat", "resource"]},
        {"id": "ex-t3", "code": "T3", "title": "Scénarios et trajectoires", "summary": mixed(1), "minutes": 120,
         "kind": "tables", "instructions": mixed(1), "outputs": ["vision", "idea", "action"]},
    ]
    sequences = []
    plan = [("d1", "09:00", 30, "Accueil", None, "plenary"), ("d1", "09:30", 90, "Articles du futur", "ex-t1", "tables"),
            ("d1", "11:00", 15, "Pause", None, "break"), ("d1", "11:15", 60, "Partage des enjeux", "ex-t1", "report_back"),
            ("d1", "14:00", 90, "Défis et réponses", "ex-t2", "tables"), ("d2", "09:00", 120, "Scénarios", "ex-t3", "tables"),
            ("d2", "11:00", 45, "Vote des actions", "ex-t3", "vote"), ("d2", "14:00", 60, "Clôture", None, "plenary")]
    for i, (day, start, minutes, title, exercise, kind) in enumerate(plan, 1):
        sequences.append({"id": "seq%d" % i, "day": day, "start": start, "minutes": minutes, "title": title,
                          "exercise": exercise, "kind": kind, "instructions": mixed(2), "notes": mixed(2),
                          "status": "done", "actual_start": None, "actual_minutes": None})
    materials = []
    for i, (kind, exercise) in enumerate([("article", "ex-t1"), ("article", "ex-t1"), ("challenge", "ex-t2"),
                                          ("challenge", "ex-t2"), ("trend", "ex-t1"), ("portrait", "ex-t3")], 1):
        materials.append({"id": "m%d" % i, "kind": kind, "title": "Fiche %d : %s" % (i, next(controls)),
                          "year": 2040 + i, "body": mixed(3), "source": next(names_iter), "exercise": exercise})
    clusters = [
        {"id": "cl1", "name": "Eau et haies", "kind": "issue", "sequence": "seq2"},
        {"id": "cl2", "name": "Le bourg et ses commerces", "kind": "issue", "sequence": "seq2"},
        {"id": "cl3", "name": "Idées de Mme Goff et de M. Ba", "kind": "idea", "sequence": "seq6"},
        {"id": "cl4", "name": "Actions de Dupont-Aignan", "kind": "action", "sequence": "seq7"},
    ]
    cards = []
    kinds = [("issue", "seq2", "cl1"), ("issue", "seq2", "cl2"), ("trend", "seq2", None), ("weak_signal", "seq2", None),
             ("challenge", "seq5", None), ("resource", "seq5", None), ("threat", "seq5", None),
             ("idea", "seq6", "cl3"), ("vision", "seq6", None), ("action", "seq7", "cl4")]
    # Every sentence that names someone is a card's text once; the details mix the rest.
    for i, text in enumerate(names + CONTROLS + CONTACTS, 1):
        kind, sequence, cluster = kinds[i % len(kinds)]
        cards.append({"id": "c%03d" % i, "kind": kind, "text": text, "details": mixed(1),
                      "table": "t%d" % (i % 6 + 1), "sequence": sequence, "cluster": cluster,
                      "created": "2027-03-18T10:%02d:00+01:00" % (i % 60)})
    by_kind = {}
    for card in cards:
        by_kind.setdefault(card["kind"], []).append(card["id"])
    links = [{"id": "l%d" % i, "from": by_kind["threat"][i], "to": by_kind["issue"][i], "kind": "threatens"}
             for i in range(4)]
    actions = by_kind["action"][:8]
    vote_rounds = [
        {"id": "vr1", "title": "Enjeux prioritaires, vote proposé par Dr Lê", "sequence": "seq4", "target": "clusters",
         "card_kind": "issue", "targets": ["cl1", "cl2"], "method": "dots", "budget": 3, "voters": "tables", "revealed": True},
        {"id": "vr2", "title": "Actions : " + CONTROLS[2], "sequence": "seq7", "target": "cards", "card_kind": "action",
         "targets": actions, "method": "points", "budget": 10, "voters": "people", "revealed": True},
    ]
    votes = []
    for i, table in enumerate(tables):
        votes.append({"id": "v-t%d" % i, "round": "vr1", "voter": table["id"], "target": "cl%d" % (i % 2 + 1), "count": 3})
    for i, person in enumerate(people):
        votes.append({"id": "v-p%02d-a" % i, "round": "vr2", "voter": person["id"], "target": actions[i % len(actions)], "count": 6})
        votes.append({"id": "v-p%02d-b" % i, "round": "vr2", "voter": person["id"], "target": actions[(i + 3) % len(actions)], "count": 4})
    robustness = []
    for i, challenge in enumerate(by_kind["challenge"][:3]):
        for j, answer in enumerate(by_kind["resource"][:2] + by_kind["action"][:1]):
            robustness.append({"id": "s%d%d" % (i, j), "challenge": challenge, "answer": answer,
                               "score": (i + j) % 4, "comment": mixed(1)})
    scenarios = [
        {"id": "sc1", "kind": "baseline", "title": "Au fil de l’eau", "narrative": mixed(4), "table": None},
        {"id": "sc2", "kind": "desired", "title": "Le bocage vivant", "narrative": mixed(4), "table": "t2"},
        {"id": "sc3", "kind": "disruption", "title": "La grande sécheresse", "narrative": mixed(4), "table": "t3"},
    ]
    trajectories = [{"id": "tr%d" % i, "scenario": "sc%d" % i, "style": s, "indicator": "", "unit": ""}
                    for i, s in enumerate(["baseline", "desired", "disruption"], 1)]
    labels = ["Dr Lê ouvre le cabinet", "Maison de M. Ba", "Plan de Dupont-Aignan", "Petit à petit",
              "Le bocage reste vert", "Ferme de Mme N’Diaye", "Ligne de car d’OConnor", "Une large majorité",
              "Charte de A.-S. Vert", "Halle de Mme de La Fontaine", "Étude de Dr Ho", "Jardin de Thi Lê"]
    points = []
    for t in range(3):
        for k, year in enumerate([2027, 2036, 2046, 2056]):
            label = labels[(t * 4 + k) % len(labels)]
            points.append({"id": "pt%d%d" % (t, k), "trajectory": "tr%d" % (t + 1), "year": year,
                           "level": round(0.2 + 0.15 * k + 0.05 * t, 2), "label": label,
                           "kind": "vision" if k == 3 else "milestone", "card": None})
    notes = [{"id": "en%d" % i, "exercise": "ex-t%d" % i, "conditions": mixed(2), "usage": mixed(2), "vigilance": mixed(2)}
             for i in range(1, 4)]
    checklist = [{"id": "ck%d" % i, "label": mixed(1), "done": i % 2 == 0} for i in range(1, 6)]
    # Every sentence that names someone goes at least once into a long text that
    # the report shows in full: the territory's context.
    return {
        "format": "visions21", "version": "1.0", "id": "hard-names",
        "title": "Noms difficiles — corpus de confidentialité",
        "territory": {"name": "Communauté de communes du Val de Clessé", "kind": "epci", "population": 42300,
                      "context": take(len(texts))},
        "framework": "projet_territoire",
        "political_goal": mixed(3),
        "start_year": 2026, "horizon_year": 2056,
        "venue": "Salle des fêtes de Clessé",
        "report": {"context": True, "people": True, "participant_list": True, "run_sheet": True,
                   "results": True, "method_notes": True, "appendix": True},
        "days": [{"id": "d1", "date": "2027-03-18", "start": "09:00", "end": "17:30"},
                 {"id": "d2", "date": "2027-03-19", "start": "09:00", "end": "17:00"}],
        "tables": tables, "people": people, "exercises": exercises, "sequences": sequences,
        "materials": materials, "clusters": clusters, "cards": cards, "links": links,
        "vote_rounds": vote_rounds, "votes": votes, "robustness": robustness, "scenarios": scenarios,
        "trajectories": trajectories, "points": points, "exercise_notes": notes, "checklist": checklist,
    }


def facts():
    return {
        "people": [{"id": "p%02d" % i, "name": p[0], "consent": p[1]} for i, p in enumerate(PEOPLE, 1)],
        "controls": CONTROLS,
        "contacts": CONTACTS,
    }


def fuzz_seeds(folder):
    """Seeds of tests/fuzz/fuzz-name-matcher: names on the first line ("+" for
    who may be named), then the sentences that name them, controls and contacts."""
    import os
    os.makedirs(folder, exist_ok=True)
    for i in range(0, len(PEOPLE), 4):
        group = PEOPLE[i:i + 4]
        names = "|".join(("+" if p[1] else "") + p[0] for p in group)
        lines = [s for p in group for s in p[6]] + CONTROLS[i % len(CONTROLS):][:3] + CONTACTS[i % len(CONTACTS):][:2]
        learn = "~" if i % 8 == 0 else ""
        with open(os.path.join(folder, "corpus-%02d" % (i // 4)), "w", encoding="utf-8") as out:
            out.write(learn + names + "\n" + " ".join(lines) + "\n")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--fuzz-seeds"]:
        fuzz_seeds(sys.argv[2])
        sys.exit(0)
    data = facts() if sys.argv[1:] == ["--facts"] else workshop()
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")

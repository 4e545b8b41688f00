"""Word lists the rule-based extractors read, per language.

The English cue list was drawn from the cues that occur at least ~10 times in PolNeAR's
*train* split (dev was not looked at); other languages carry the common reporting verbs
of their press.  Inflected forms are listed or generated here so the English pipeline can
run without its lemmatizer.
"""

from __future__ import annotations

import re

#: Verbs whose clausal complement (or quote) is the content of an attribution.
EN_SPEECH = [
    "say",
    "tell",
    "add",
    "note",
    "write",
    "state",
    "claim",
    "argue",
    "explain",
    "insist",
    "warn",
    "announce",
    "report",
    "suggest",
    "show",
    "find",
    "tweet",
    "declare",
    "acknowledge",
    "admit",
    "deny",
    "believe",
    "think",
    "know",
    "hope",
    "fear",
    "predict",
    "recall",
    "conclude",
    "agree",
    "indicate",
    "reveal",
    "confirm",
    "contend",
    "maintain",
    "assert",
    "allege",
    "emphasize",
    "emphasise",
    "stress",
    "reply",
    "respond",
    "ask",
    "continue",
    "promise",
    "vow",
    "pledge",
    "assure",
    "complain",
    "testify",
    "estimate",
    "speculate",
    "worry",
    "feel",
    "expect",
    "guess",
    "doubt",
    "mention",
    "observe",
    "remark",
    "concede",
    "boast",
    "joke",
    "muse",
    "learn",
    "charge",
    "signal",
    "caution",
    "post",
    "recount",
    "counter",
    "hint",
    "imply",
    "proclaim",
    "repeat",
    "reiterate",
    "realize",
    "realise",
    "understand",
    "suspect",
    "assume",
    "highlight",
    "caution",
    "blog",
    "email",
    "joke",
    "predict",
    "affirm",
    "swear",
    "threaten",
    "figure",
    "reckon",
    "wonder",
    "read",
    "see",
    "suggest",
    "determine",
    "decide",
    "say",
]

#: Verbs that take a noun-phrase content ("criticized the plan", "denied the report").
EN_OBJECT = [
    "announce",
    "deny",
    "confirm",
    "reject",
    "criticize",
    "criticise",
    "praise",
    "endorse",
    "oppose",
    "propose",
    "blame",
    "dismiss",
    "question",
    "accuse",
    "urge",
    "want",
    "call",
    "express",
    "describe",
    "label",
    "dub",
    "term",
    "recognize",
    "recognise",
    "characterize",
    "characterise",
    "condemn",
    "welcome",
    "applaud",
    "demand",
    "promise",
    "pledge",
    "vow",
    "cite",
    "reveal",
    "predict",
    "acknowledge",
    "admit",
    "dispute",
]

#: Verbs whose "X as Y" / object-complement frame is the content ("described X as Y").
EN_AS_FRAME = set(
    [
        "describe",
        "label",
        "dub",
        "term",
        "call",
        "recognize",
        "recognise",
        "characterize",
        "characterise",
        "brand",
        "portray",
    ]
)

_IRREGULAR = {
    "say": ["said"],
    "tell": ["told"],
    "write": ["wrote", "written"],
    "think": ["thought"],
    "know": ["knew", "known"],
    "find": ["found"],
    "feel": ["felt"],
    "read": ["read"],
    "see": ["saw", "seen"],
    "seek": ["sought"],
    "swear": ["swore", "sworn"],
    "understand": ["understood"],
    "learn": ["learnt"],
    "show": ["shown"],
    "blog": ["blogged", "blogging"],
    "admit": ["admitted", "admitting"],
    "dub": ["dubbed", "dubbing"],
    "label": ["labelled", "labelling"],
    "signal": ["signalled", "signalling"],
    "email": ["emailed", "emailing"],
}


def _inflect(lemma: str) -> set[str]:
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    forms |= set(_IRREGULAR.get(lemma, []))
    return forms


def _form_map(lemmas: list[str] | set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for lemma in lemmas:
        for f in _inflect(lemma):
            out.setdefault(f, lemma)
    return out


EN_SPEECH_FORMS = _form_map(EN_SPEECH)
EN_OBJECT_FORMS = _form_map(EN_OBJECT)

#: Reporting verbs for the languages without a parser here (regex fallback) and French.
FALLBACK_CUES: dict[str, list[str]] = {
    "en": sorted(EN_SPEECH_FORMS),
    "fr": [
        "dit",
        "dire",
        "déclare",
        "déclaré",
        "a",
        "déclaré",
        "affirme",
        "affirmé",
        "a",
        "affirmé",
        "estime",
        "estimé",
        "explique",
        "expliqué",
        "ajoute",
        "ajouté",
        "souligne",
        "souligné",
        "indique",
        "indiqué",
        "précise",
        "précisé",
        "assure",
        "assuré",
        "rappelle",
        "rappelé",
        "annonce",
        "annoncé",
        "selon",
        "a",
        "dit",
        "ont",
        "dit",
        "avait",
        "dit",
        "confie",
        "confié",
        "raconte",
        "raconté",
        "insiste",
        "insisté",
        "reconnaît",
        "reconnu",
        "dénonce",
        "dénoncé",
        "juge",
        "jugé",
        "note",
        "noté",
        "observe",
        "observé",
        "poursuit",
        "poursuivi",
        "lance",
        "lancé",
        "martèle",
        "martelé",
        "prévient",
        "prévenu",
        "regrette",
        "regretté",
        "répond",
        "répondu",
    ],
    "de": [
        "sagte",
        "sagt",
        "sagten",
        "sagen",
        "erklärte",
        "erklärt",
        "erklärten",
        "betonte",
        "betont",
        "betonten",
        "meinte",
        "meint",
        "meinten",
        "berichtete",
        "berichtet",
        "berichten",
        "teilte",
        "mitteilte",
        "fügte",
        "hinzu",
        "schrieb",
        "schreibt",
        "sagte,",
        "räumte",
        "ein",
        "warnte",
        "warnt",
        "forderte",
        "fordert",
        "kritisierte",
        "kritisiert",
        "behauptete",
        "behauptet",
        "erläuterte",
        "erläutert",
        "verkündete",
        "verkündet",
        "bestätigte",
        "bestätigt",
        "zufolge",
        "laut",
        "so",
        "unterstrich",
        "unterstreicht",
        "kündigte",
        "an",
    ],
    "es": [
        "dijo",
        "dice",
        "dijeron",
        "afirmó",
        "afirma",
        "aseguró",
        "asegura",
        "explicó",
        "explica",
        "declaró",
        "declara",
        "señaló",
        "señala",
        "indicó",
        "indica",
        "añadió",
        "añade",
        "agregó",
        "agrega",
        "manifestó",
        "manifiesta",
        "subrayó",
        "subraya",
        "destacó",
        "destaca",
        "advirtió",
        "advierte",
        "insistió",
        "insiste",
        "reconoció",
        "reconoce",
        "anunció",
        "anuncia",
        "según",
        "sostuvo",
        "sostiene",
        "apuntó",
        "apunta",
        "comentó",
        "comenta",
        "precisó",
        "precisa",
    ],
}

#: "according to"-type prepositions that introduce a cited source.
ACCORDING = {
    "en": r"according to|citing|as reported by",
    "fr": r"selon|d'après|d’après|de source",
    "de": r"laut|zufolge|nach Angaben (?:von|des|der)|wie .{1,40}? berichtet",
    "es": r"según|de acuerdo con|citando a",
}

#: Nouns that make a source an institution or document rather than a person.
INSTITUTION_NOUNS = set(
    [
        "agency",
        "court",
        "report",
        "study",
        "survey",
        "poll",
        "ministry",
        "newspaper",
        "committee",
        "government",
        "department",
        "office",
        "statement",
        "document",
        "ruling",
        "decision",
        "commission",
        "police",
        "embassy",
        "council",
        "parliament",
        "network",
        "channel",
        "paper",
        "magazine",
        "website",
        "outlet",
        "tribunal",
        "organization",
        "organisation",
        "institute",
        "foundation",
        "association",
        "federation",
        "union",
        "party",
        "campaign",
        "administration",
        "army",
        "military",
        "service",
        "bureau",
        "authority",
        "authorities",
        "university",
        "center",
        "centre",
        "group",
        "news",
        "times",
        "post",
        "journal",
        "press",
    ]
)

#: Common nouns that head a person description ("the ambassador", "the senator").
PERSON_PRONOUNS = {"he", "she", "him", "her"}

ROLE_STOP = re.compile(r"^(?:the|a|an)\s+", re.I)


def _learned(name: str = "cues_en.txt") -> set[str]:
    from importlib.resources import files

    try:
        data = files("newsdesk.claims").joinpath(f"data/{name}").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return set()
    return {w.strip() for w in data.splitlines() if w.strip() and not w.startswith("#")}


#: Words that are not verbs of saying, believing or reporting (actions, emotions,
#: adjectives) although PolNeAR train taught some of them as cues; never a cue here, so
#: "armed forces attacked the town" stays narration.  See data/cues_en_actions.txt.
EN_ACTIONS = _learned("cues_en_actions.txt")

#: Cue words learned from PolNeAR train (see ``bench/claims_polnear.py --learn-cues``).
EN_LEARNED = _learned() - {"according"} - EN_ACTIONS
EN_ALL_FORMS = {
    w: lem
    for w, lem in {**{w: w for w in EN_LEARNED}, **EN_OBJECT_FORMS, **EN_SPEECH_FORMS}.items()
    if w not in EN_ACTIONS
}

#: Cue words whose attributions were mostly wrong on PolNeAR train (``--learn-drops``).
EN_DROP = _learned("cues_en_drop.txt")

"""Figures: numbers with what they count, the predicate they belong to, and breakdowns.

Numbers are found by :mod:`newsdesk.claims.numbers` (so every language gets them); a
dependency parse, when the language has one, supplies what the number counts (the noun it
modifies, with the modifiers in between: "70 *old people*"), the predicate (a participle or
relative clause on that noun, else its governing verb, else an event noun such as
"killing of ...") and the breakdown link ("613 people, *including* 63 children").
Plain years, numbers inside dates, times, identifiers and names are not figures.
"""

from __future__ import annotations

import re
from typing import Any

from newsdesk.claims.dates import parse_published
from newsdesk.claims.numbers import NumberMatch, find_numbers
from newsdesk.claims.types import Figure

_INCLUDING = {
    "including",
    "among",
    "includes",
    "include",
    "included",
    "dont",
    "darunter",
    "entre",
    "incluidos",
    "incluidas",
}
_NAME_LABELS = {"ORG", "FAC", "PRODUCT", "LAW", "EVENT", "WORK_OF_ART", "PERSON", "GPE", "LOC", "PER", "MISC"}
_ID_BEFORE = re.compile(
    r"(?:no\.|nr\.|number|page|article|section|room|flight|route|highway|interstate|chapter|level|"
    r"district|phase|grade|version|season|episode|issue|vol\.|act|rule|amendment|title|figure|table|"
    r"article|paragraphe|artikel|artículo|n°|#|day|round|patriot)\s*$",
    re.I,
)
_EVENT_NOUN = re.compile(
    r"(?:ing|tion|sion|ment|ure|al)$|^(?:deaths?|attacks?|loss|losses|rise|fall|drop|increase|cut|cuts|votes?)$",
    re.I,
)
_ANNIV = re.compile(
    r"(?<!\w)(?P<n>\d{1,3})(?:st|nd|rd|th|\.|e|ème|er|º|°)?\s+(?P<w>anniversary|jahrestag|anniversaire|aniversario)"
    r"(?:\s+(?:of|de|des|du|del|der|des)\s+(?P<of>(?:(?:the|la|le|l'|el|der|die|des)\s+)?(?:[A-ZÀ-Ý][\w'’-]*\s+)*[\w'’-]+))?",
    re.I,
)
_ANNIV_WORDS = re.compile(
    r"(?<!\w)(?P<n>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|hundredth)"
    r"\s+(?P<w>anniversary)(?:\s+of\s+(?P<of>(?:the\s+)?(?:[A-Z][\w'’-]*\s+)*[\w'’-]+))?",
    re.I,
)
_ORD_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "hundredth": 100,
}  # fmt: skip
_FUNC = set(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "than",
        "then",
        "per",
        "de",
        "la",
        "le",
        "les",
        "des",
        "du",
        "et",
        "en",
        "à",
        "au",
        "aux",
        "un",
        "une",
        "der",
        "die",
        "das",
        "und",
        "im",
        "am",
        "zu",
        "von",
        "mit",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "el",
        "los",
        "las",
        "y",
        "del",
        "al",
        "con",
        "por",
        "para",
        "se",
        "que",
    ]
)


def anniversaries(text: str, offset: int, published: str | None) -> list[Figure]:
    """Ordinal anniversaries resolved to the year they count from (never guessed)."""
    base = parse_published(published)
    out: list[Figure] = []
    for rx in (_ANNIV, _ANNIV_WORDS):
        for m in rx.finditer(text):
            n_txt = m.group("n")
            n = int(n_txt) if n_txt.isdigit() else _ORD_WORDS[n_txt.lower()]
            of = (m.group("of") or "").strip() or None
            if base is not None:
                value: int | None = base.year - n
                note = f"anniversary: published {base.isoformat()} ({base.year}) - {n} = {base.year - n}"
            else:
                value, note = None, "unresolved: anniversary needs the publication year, which is unknown"
            s, e = offset + m.start(), offset + m.start("w") + len(m.group("w"))
            out.append(Figure(value, text[m.start() : m.end("w")], s, e, "years since", of, None, None, note))
    return out


def _tokens_for(doc: Any, s: int, e: int) -> list[Any]:
    span = doc.char_span(s, e, alignment_mode="expand")
    return list(span) if span is not None else []


def _predicate(noun: Any) -> Any | None:
    """A participle or relative clause on the noun, else its governing verb or event noun."""
    for c in noun.children:
        if c.dep_ in ("acl", "relcl") and (c.tag_.startswith("VB") or c.pos_ == "VERB"):
            return c
    cur = noun
    for _ in range(2):
        dep = cur.dep_
        head = cur.head
        if head is cur:
            return None
        if dep in (
            "nsubj",
            "nsubjpass",
            "nsubj:pass",
            "dobj",
            "obj",
            "attr",
            "oprd",
            "obl",
            "npadvmod",
            "dative",
        ):
            return head if (head.tag_.startswith("VB") or head.pos_ in ("VERB", "AUX")) else None
        if dep in ("pobj", "nmod") or (dep == "obl" and head.pos_ == "NOUN"):
            prep = head if dep == "pobj" else cur
            gov = prep.head if dep == "pobj" else head
            if prep.lower_ in _INCLUDING:
                return None
            if gov.tag_.startswith("NN") and _EVENT_NOUN.search(gov.text):
                return gov
            if gov.tag_.startswith("VB") or gov.pos_ == "VERB":
                return gov
            cur = gov
            continue
        return None
    return None


def figures_from_segment(
    text: str, offset: int, lang: str, doc: Any | None, skip: list[tuple[int, int]]
) -> list[tuple[Figure, Any, Any]]:
    """Figures of one segment with their anchor tokens (noun, including-prep) for grouping.

    ``skip`` holds segment-relative spans already claimed by dates or anniversaries.
    """
    out: list[tuple[Figure, Any, Any]] = []
    for nm in find_numbers(text, lang):
        if any(a < nm.end and nm.start < b for a, b in skip):
            continue
        if _ID_BEFORE.search(text[max(0, nm.start - 16) : nm.start]):
            continue
        nxt = text[nm.end : nm.end + 12]
        if re.match(r"['’]s\b", nxt) and re.fullmatch(r"\d0", nm.text):
            continue  # "the 90's": a decade
        if re.match(r"\s?(?:a\.m\.|p\.m\.|am\b|pm\b|Uhr|h\d)", nxt, re.I):
            continue
        fig, noun, incl = _one(nm, text, offset, lang, doc)
        if fig is not None:
            out.append((fig, noun, incl))
    return out


def _one(
    nm: NumberMatch, text: str, offset: int, lang: str, doc: Any | None
) -> tuple[Figure | None, Any, Any]:
    counts: str | None = None
    predicate: str | None = None
    noun = None
    incl = None
    if doc is not None:
        toks = _tokens_for(doc, nm.start, nm.end)
        if not toks:
            return None, None, None
        if any(t.ent_type_ in _NAME_LABELS for t in toks):
            return None, None, None
        if all(t.tag_ in ("NNP", "NNPS") for t in toks if t.text.isalpha()) and any(
            t.text.isalpha() for t in toks
        ):
            return None, None, None
        inside = {t.i for t in toks}
        anchor = next((t for t in toks if t.head.i not in inside or t.head is t), toks[-1])
        if nm.plain_year and not (anchor.dep_ == "nummod" and anchor.head.tag_ in ("NNS", "NNPS")):
            return None, None, None
        head = anchor.head
        if (
            anchor.dep_ in ("nummod", "quantmod", "nmod", "amod", "det", "compound")
            and head.i > anchor.i
            and (head.tag_.startswith("NN") or head.pos_ in ("NOUN", "PROPN"))
        ):
            noun = head
        elif anchor.tag_.startswith("NN") and not anchor.like_num and anchor.text not in ("%",):
            noun = anchor
        if nm.is_percent:
            counts = "percent"
            base = noun if noun is not None else anchor
            of = next((c for c in base.children if c.lower_ in ("of", "de", "der", "des")), None)
            pobj = next((c for c in of.children if c.dep_ in ("pobj", "nmod", "obj")), None) if of else None
            if pobj is not None:
                counts = f"percent of {pobj.text}"
            noun = noun or anchor
        elif noun is not None:
            lo = nm.end
            span = text[lo : noun.idx + len(noun.text)].strip()
            counts = span if 0 < len(span) <= 40 else noun.text
        else:
            of = next((c for c in anchor.children if c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if pobj is not None:
                counts = pobj.text
                noun = pobj
        if nm.currency:
            counts = nm.currency  # money counts its currency; the noun after it is what it buys
        target = noun if noun is not None else anchor
        pred = _predicate(target)
        if pred is not None:
            predicate = pred.text
        # breakdown: conj chain up to a pobj of "including"
        cur = target
        while cur.dep_ == "conj" and cur.head is not cur:
            cur = cur.head
        if cur.dep_ in ("pobj", "obj", "nmod") and cur.head.lower_ in _INCLUDING:
            incl = cur.head
    else:
        if nm.plain_year:
            return None, None, None
        if nm.is_percent:
            counts = "percent"
        elif nm.currency:
            counts = nm.currency
        else:
            m = re.match(r"\s+([^\W\d_][\w'’-]*)", text[nm.end :])
            if m and m.group(1).lower() not in _FUNC:
                counts = m.group(1)
    hyph = re.match(r"-([^\W\d_]+)", text[nm.end : nm.end + 20])
    if hyph and not nm.currency and not nm.is_percent:
        counts = hyph.group(1).lower()  # "four-year", "46-page": the unit after the hyphen
        if counts == "to":
            return None, None, None  # "2-to-1": a ratio, not a count
    elif (
        re.search(r"[A-Z][\w'’.-]+, $", text[max(0, nm.start - 30) : nm.start])
        and text[nm.end : nm.end + 1] == ","
    ):
        counts, predicate = "age", None  # "Tom Young, 30, lay down": an age in apposition
    if re.fullmatch(r"\d{10,}", nm.text):
        return None, None, None  # ids and phone numbers, not quantities
    fig = Figure(nm.value, nm.text, offset + nm.start, offset + nm.end, counts, predicate, None, nm.qualifier)
    return fig, noun, incl


def group_breakdowns(items: list[tuple[Figure, Any, Any]]) -> None:
    """Point each breakdown figure at its total (index into the same list)."""
    for i, (fig, _noun, incl) in enumerate(items):
        if incl is None:
            continue
        total_noun = incl.head
        target = None
        for j in range(i - 1, -1, -1):
            f2, n2, inc2 = items[j]
            if inc2 is not None:
                continue
            if n2 is not None and (n2 == total_noun or n2.sent == incl.sent):
                target = j
                break
        if target is not None:
            fig.part_of = target
            if items[target][0].predicate is not None:
                fig.predicate = items[target][0].predicate

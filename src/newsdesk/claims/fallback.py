"""Parser-free extractors for languages without a spaCy model here (de, es, and others).

* Entities: runs of capitalised words (with name particles such as "von", "de", "of"
  inside), skipping a sentence's first word unless the run continues; typed ORG by a
  suffix/keyword list, PERSON when preceded by a title or followed by a reporting verb,
  PLACE from a short list of country-name endings, else MISC.  In German every noun is
  capitalised, so German recall is fine but precision is low (many MISC).
* Attributions: a quotation next to a reporting verb of the language (``FALLBACK_CUES``),
  the capitalised run or pronoun beside the verb as source; "laut X" / "según X" / "selon
  X" / "according to X" with the rest of the sentence as content; "X sagte, dass ..." style
  clauses up to the sentence end.
"""

from __future__ import annotations

import re

from newsdesk.claims.attrib import RawAttribution
from newsdesk.claims.lexicon import ACCORDING, FALLBACK_CUES

_CAP = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*"
_PART = r"(?:von|van|der|de|da|del|di|du|la|le|of|the|for|und|y|et|al|bin|ibn)"
_NAME = re.compile(rf"{_CAP}(?:\s+(?:{_PART}\s+)*{_CAP})*")
_ORG_WORDS = re.compile(
    r"(?:Partei|Ministerium|Regierung|Gericht|Bank|Universität|Verband|Bund|Kommission|Rat|Zeitung|Agentur|"
    r"AG|GmbH|Inc|Ltd|Party|Ministry|Court|Council|Committee|Commission|University|Agency|News|Times|Post|"
    r"Gobierno|Ministerio|Tribunal|Partido|Universidad|Comisión|Consejo|Agencia|Parlamento|Parlement|"
    r"Gouvernement|Ministère|Cour|Conseil|Université|Union|Association|Federation|Fédération|Assemblée|"
    r"[A-Z]{2,6})\b"
)
_TITLES = re.compile(
    r"(?:Herr|Frau|Dr\.|Prof\.|Minister(?:in)?|Präsident(?:in)?|Kanzler(?:in)?|Señor|Señora|Sr\.|Sra\.|"
    r"presidente|ministro|ministra|M\.|Mme|président|ministre|Mr\.|Mrs\.|Ms\.|President|Senator)\s+$"
)
_PLACE_END = re.compile(r"(?:land|stan|ien|ia|reich|ei|nia|burg|heim|stadt)$")
_PRON = {"de": r"er|sie", "es": r"él|ella", "fr": r"il|elle", "en": r"he|she"}
_SENT_END = re.compile(r"[.!?…](?=\s|$)")


def entities(text: str, lang: str) -> list[tuple[str, int, int, str]]:
    """(label, start, end, text) of capitalised-name runs; see the module docstring."""
    out: list[tuple[str, int, int, str]] = []
    cues = "|".join(re.escape(c) for c in FALLBACK_CUES.get(lang, FALLBACK_CUES["en"]))
    cue_after = re.compile(rf"^,?\s+(?:{cues})\b", re.I)
    for m in _NAME.finditer(text):
        s, e = m.start(), m.end()
        name = re.split(r"(?<=[^\W\d_]{2})[.!?]\s", m.group(0))[0].rstrip(".")  # never across a sentence end
        e = s + len(name)
        before = text[max(0, s - 3) : s]
        sentence_start = s == 0 or bool(re.search(r"[.!?:„“\"«]\s*$", before))
        words = name.split()
        if sentence_start and len(words) == 1:
            continue
        if len(name) < 2:
            continue
        if lang == "de" and len(words) == 1 and not _ORG_WORDS.search(name):
            continue  # a single capitalised German word is usually a common noun
        if _ORG_WORDS.search(name):
            label = "ORG"
        elif _TITLES.search(text[max(0, s - 20) : s]) or (len(words) >= 2 and cue_after.match(text[e:])):
            label = "PERSON"
        elif _PLACE_END.search(name) and len(words) == 1:
            label = "LOC"
        else:
            label = "MISC"
        out.append((label, s, e, text[s:e]))
    return out


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SENT_END.finditer(text):
        out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def attributions(text: str, quotes: list[tuple[int, int]], lang: str) -> list[RawAttribution]:
    """Attributions found without a parser; see the module docstring for the patterns."""
    cues = sorted(FALLBACK_CUES.get(lang, FALLBACK_CUES["en"]), key=len, reverse=True)
    cue_rx = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in cues) + r")(?!\w)", re.I)
    src_rx = re.compile(rf"(?:{_NAME.pattern}|(?:{_PRON.get(lang, _PRON['en'])}))", re.I if False else 0)
    out: list[RawAttribution] = []
    for qa, qb in quotes:
        if qb - qa < 8:
            continue
        after = text[qb : qb + 60]
        m = re.match(r"[\s,]*", after)
        pos = qb + (m.end() if m else 0)
        cm = cue_rx.match(text, pos)
        src: tuple[int, int] | None = None
        cue: tuple[int, int] | None = None
        if cm:
            cue = (cm.start(), cm.end())
            sm = re.compile(r"\s+").match(text, cm.end())
            sm2 = src_rx.match(text, sm.end()) if sm else None
            if sm2:
                src = (sm2.start(), sm2.end())
        else:
            sm2 = src_rx.match(text, pos)
            if sm2:
                cm2 = re.compile(r"\s+").match(text, sm2.end())
                cm = cue_rx.match(text, cm2.end()) if cm2 else None
                if cm:
                    src, cue = (sm2.start(), sm2.end()), (cm.start(), cm.end())
        if cue is None:
            before = text[max(0, qa - 80) : qa]
            bm = re.search(
                rf"({_NAME.pattern})\s+({'|'.join(re.escape(c) for c in cues)})\s*[:,]?\s*$", before
            )
            if bm:
                base = qa - len(before)
                src = (base + bm.start(1), base + bm.end(1))
                cue = (base + bm.start(2), base + bm.end(2))
        if cue is not None:
            out.append(RawAttribution(src, cue, (qa, qb), src[0] if src else None, "fallback-quote"))
    acc = ACCORDING.get(lang)
    if acc:
        for m in re.finditer(
            rf"(?<!\w)((?i:{acc}))\s+({_NAME.pattern}(?:\s+[\w-]+){{0,3}}?)(?=[,.;:]|\s+(?:{_CAP}|\w))", text
        ):
            sent = next(((a, b) for a, b in _sentences(text) if a <= m.start() < b), (0, len(text)))
            left = (sent[0], m.start())
            right = (m.end(), sent[1])
            side = right if (right[1] - right[0]) >= (left[1] - left[0]) else left
            a, b = side
            while a < b and not text[a].isalnum() and text[a] not in '“„«"':
                a += 1
            while b > a and not text[b - 1].isalnum() and text[b - 1] not in '”“»"':
                b -= 1
            if b - a > 10:
                out.append(
                    RawAttribution(
                        (m.start(2), m.end(2)), (m.start(1), m.end(1)), (a, b), m.start(2), "according"
                    )
                )
    return out

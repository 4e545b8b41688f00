"""Named entities with one canonical name per entity.

Mentions are merged when one is the other's surname ("Gurbanov" → "Vugar Gurbanov"), the
other's acronym ("ECHR" → "European Court of Human Rights") or the same name once the
article and possessive are dropped ("the Embassy" / "Embassy's").  The longest full form
names the entity.  :func:`canonical_key` gives the same key for the same name in any
report, so story comparison can join entities across outlets.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from newsdesk.claims.types import Entity, SpanRef

_TYPE = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "NORP",
    "EVENT": "EVENT",
    "LAW": "WORK",
    "WORK_OF_ART": "WORK",
    "MISC": "MISC",
}
# "the" in any case; other languages' articles as whole words, capitalised only before a
# lower-case word ("Le maire"), so "Los Angeles", "Le Pen" or "Elizabeth" keep their letters
_LEAD = re.compile(
    r"^(?:[Tt]he\s+|THE\s+|(?:la|le|les|el|los|las|der|die|das|den|dem|des)\s+|[Ll]['’]"
    r"|(?:La|Le|Les|El|Los|Las|Der|Die|Das|Den|Dem|Des)\s+(?=[^\W\d_A-ZÀ-ÖØ-Þ]))"
)
_POSS = re.compile(r"(?:['’]s?|['’])$")
_SMALL = {
    "of",
    "the",
    "and",
    "for",
    "on",
    "in",
    "to",
    "de",
    "du",
    "des",
    "la",
    "le",
    "für",
    "und",
    "der",
    "y",
    "del",
}


def entity_type(label: str) -> str | None:
    return _TYPE.get(label)


@lru_cache(maxsize=65536)
def clean_name(text: str) -> str:
    """The mention without leading article, trailing possessive or stray whitespace."""
    name = " ".join(text.split())
    name = _LEAD.sub("", name)
    name = _POSS.sub("", name).strip(" ,.;:")
    return name


@lru_cache(maxsize=65536)
def canonical_key(name: str) -> str:
    """Case-, accent- and article-insensitive key of a name (for joining across reports)."""
    base = unicodedata.normalize("NFKD", clean_name(name)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", base.lower()).strip()


@lru_cache(maxsize=65536)
def acronym(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _SMALL]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def build_entities(mentions: list[tuple[str, str, int, int]]) -> list[Entity]:
    """Cluster (type, text, start, end) mentions of one article into entities."""
    clusters: list[tuple[str, str, list[SpanRef]]] = []  # (type, canonical, mentions)
    # longest names first so short forms attach to a full name
    order = sorted(range(len(mentions)), key=lambda i: -len(clean_name(mentions[i][1])))
    for i in order:
        typ, text, start, end = mentions[i]
        name = clean_name(text)
        if not name or not any(ch.isalpha() for ch in name):
            continue
        key = canonical_key(name)
        target = None
        for ci, (ctyp, cname, _) in enumerate(clusters):
            ckey = canonical_key(cname)
            if key == ckey:
                target = ci
                break
            if (
                typ == "PERSON"
                and ctyp == "PERSON"
                and ckey.split()[-1:] == key.split()[-1:]
                and len(key.split()) < len(ckey.split())
            ):
                target = ci
                break
            if name.isupper() and 2 <= len(name) <= 8 and acronym(cname) == name and len(cname.split()) > 1:
                target = ci
                break
        if target is None:
            clusters.append((typ, name, [SpanRef(text, start, end)]))
        else:
            clusters[target][2].append(SpanRef(text, start, end))
    out = [Entity(cname, ctyp, sorted(ms, key=lambda m: m.start)) for ctyp, cname, ms in clusters]
    out.sort(key=lambda e: e.mentions[0].start)
    return out

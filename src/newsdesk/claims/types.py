"""Claim records: what a report says, where it says it, and on whose authority.

Every record carries spans into ``Article.raw`` so a reader can always check the claim
against the exact characters it came from.  Nothing here states a claim as fact: a quote
is stored with its speaker and cue, a figure with the words that surround it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

Value = float | int | str | list[float] | None


@dataclass(slots=True)
class SpanRef:
    """A stretch of ``Article.raw`` (``raw[start:end] == text``)."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Figure:
    """A number as the report gives it.

    ``value`` is the normalised number (a ``[low, high]`` list for ranges; for an
    anniversary ordinal resolved with the publication date, the year counted from; None
    when it cannot be resolved, with ``note`` saying why).  ``part_of`` is the index in
    ``Claims.figures`` of the total this figure breaks down.
    """

    value: Value
    text: str
    start: int
    end: int
    counts: str | None = None
    predicate: str | None = None
    part_of: int | None = None
    qualifier: str | None = None
    note: str | None = None


@dataclass(slots=True)
class DateMention:
    """An absolute or relative date; ``resolved_from`` records the resolution rule."""

    value: str | None
    text: str
    start: int
    end: int
    relative: bool = False
    resolved_from: str | None = None


@dataclass(slots=True)
class Quote:
    """One attribution in PolNeAR's shape: who (source), the cue, and what (content).

    ``speaker`` is the resolved named person or body (a pronoun or "the ambassador" is
    resolved to the last matching named speaker); ``source`` is the span as written.
    """

    kind: str  # direct | indirect | partial
    speaker: str | None
    speaker_role: str | None
    source: SpanRef | None
    cue: SpanRef | None
    content: SpanRef


@dataclass(slots=True)
class CitedSource:
    """An outlet, agency, institution or document the report credits."""

    name: str
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Entity:
    """One named entity with every mention; ``name`` is its canonical form."""

    name: str
    type: str
    mentions: list[SpanRef] = field(default_factory=list)


@dataclass(slots=True)
class Claims:
    """Everything the claims stage found in one article."""

    id: str
    figures: list[Figure] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    sources: list[CitedSource] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON Lines shape of issue 4 (optional keys that are None are dropped)."""
        figures = []
        for f in self.figures:
            d = asdict(f)
            for k in ("qualifier", "note"):
                if d[k] is None:
                    d.pop(k)
            figures.append(d)
        return {
            "id": self.id,
            "figures": figures,
            "dates": [asdict(d) for d in self.dates],
            "quotes": [asdict(q) for q in self.quotes],
            "sources": [asdict(s) for s in self.sources],
            "entities": [asdict(e) for e in self.entities],
        }

    def spans(self) -> list[tuple[str, str, int, int]]:
        """Every (role, text, start, end) the record claims is in ``raw``: for checking."""
        out: list[tuple[str, str, int, int]] = []
        for f in self.figures:
            out.append(("figure", f.text, f.start, f.end))
        for dm in self.dates:
            out.append(("date", dm.text, dm.start, dm.end))
        for q in self.quotes:
            for role, s in (("source", q.source), ("cue", q.cue), ("content", q.content)):
                if s is not None:
                    out.append((role, s.text, s.start, s.end))
        for c in self.sources:
            out.append(("cited", c.text, c.start, c.end))
        for e in self.entities:
            for m in e.mentions:
                out.append(("entity", m.text, m.start, m.end))
        return out

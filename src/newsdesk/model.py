"""The document model every newsdesk stage shares.

An :class:`Article` is the clean view of one raw report. Every piece of it (title, deck,
byline and the authors it names, dateline, body paragraphs, captions, removed lines) is a
span into ``Article.raw``, so a reader can always go back to the exact characters a claim
came from:
``article.raw[span.start:span.end] == span.text`` holds for every span, and
:meth:`Article.check_spans` enforces it.

Later stages (duplicate groups, languages, claims, stories) do not mutate articles: they
emit :class:`Annotation` records keyed by article id, which the store keeps in tables of
their own (the allenai/dolma "attributes beside documents" layout).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields
from typing import Any

MODEL_VERSION = 1

#: Why a line was removed.  Reasons are short machine-readable codes; ``detail`` on
#: :class:`Removed` carries the human explanation (matched phrase, score, repetition count).
REMOVAL_REASONS = (
    "nav",  # navigation / section label ("update desk", "Home > World")
    "paywall",  # metered-access counters, registration / subscription nags
    "donation",  # appeals for money or support
    "label",  # bare UI labels: Topics, Comments, Share, Related, Advertisement
    "social",  # follow-us / share footers, in any language
    "cookie",  # cookie and consent banners
    "newsletter",  # newsletter sign-up prompts
    "comments",  # a comment form's furniture ("Your email address will not be published")
    "disclosure",  # affiliate and advertising disclosures, reprint notices
    "author",  # an author's biography box under the article
    "metadata",  # a post's filing line ("This entry was posted in ... tagged ...")
    "embed",  # what stands in for a video, map or external post ("Please enable JavaScript")
    "duplicate",  # a line printed twice (deck or caption echoed)
    "template",  # a line that recurs across many pages of the same outlet
    "foreign-language",  # a short line in another language than the article
    "boilerplate",  # generic non-body line found by the line model / features
    "teaser",  # "Read more: <another article's headline>" inside the article
    "after-article",  # under an end-of-page heading ("Related articles", "Comments")
    "html",  # markup-level boilerplate removed before line cleaning (HTML path)
    "empty",  # no letters: whitespace, punctuation, digits or symbols only
)


#: a UTF-16 surrogate on its own: no character, and no UTF-8 encoding
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (``text`` itself when it has none).

    A JSON escape can name one ("\\ud800" on a JSONL line decodes to it); SQLite, JSON and
    Parquet writers refuse such a string.  A decoder meeting a bad byte keeps the text with
    a stand-in character, and so does this."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", text)
    return text


def content_id(data: bytes | str) -> str:
    """Stable id of raw content: the same bytes always give the same id on every executor."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:20]


@dataclass(slots=True)
class Span:
    """A stretch of ``Article.raw``: ``raw[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Paragraph:
    """One body paragraph; ``lang`` is filled by the language stage."""

    text: str
    start: int
    end: int
    lang: str | None = None


@dataclass(slots=True)
class Caption:
    """A photo caption with its credit split out ("Credit: X via Wikimedia Commons").

    ``start``/``end`` cover the caption text; ``credit`` (if any) is a separate span,
    usually right after the caption on the same line.
    """

    text: str
    start: int
    end: int
    credit: Span | None = None


@dataclass(slots=True)
class Removed:
    """A line (or part of one) that is not article content, kept with why it went."""

    text: str
    reason: str
    start: int
    end: int
    detail: str = ""
    lang: str | None = None


@dataclass(slots=True)
class Article:
    """One cleaned report.  ``raw`` is the text every span points into.

    For plain-text input ``raw`` is the decoded file.  For HTML it is the text rendering
    the HTML path produced (metadata header lines plus extracted text); the original bytes
    stay in the store's source table, addressed by ``id``.
    """

    id: str
    raw: str
    source_path: str | None = None
    url: str | None = None
    outlet: str | None = None
    input_format: str = "text"
    lang: str | None = None
    title: Span | None = None
    deck: Span | None = None
    byline: Span | None = None
    #: the names the byline holds, each a span inside it (:mod:`newsdesk.clean.authors`):
    #: "Von Tilman Weber 10.12.2022 07:00" names "Tilman Weber"
    authors: list[Span] = field(default_factory=list)
    dateline: Span | None = None
    published: str | None = None
    published_source: str | None = None
    #: the line of ``raw`` the date was read from, when it was read from the text (it also
    #: stands among the article's other spans, as a dateline, a removed line ...)
    published_from: Span | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The body: paragraphs joined by a blank line, without title and deck."""
        return "\n\n".join(p.text for p in self.paragraphs)

    def spans(self) -> Iterator[tuple[str, Span | Paragraph | Caption | Removed]]:
        """Every span-bearing part, labelled with its role."""
        for role in ("title", "deck", "byline", "dateline"):
            value = getattr(self, role)
            if value is not None:
                yield role, value
        for a in self.authors:
            yield "author", a
        for p in self.paragraphs:
            yield "paragraph", p
        for c in self.captions:
            yield "caption", c
            if c.credit is not None:
                yield "credit", c.credit
        for r in self.removed:
            yield "removed", r

    def check_spans(self) -> None:
        """Raise ``ValueError`` if any span's text is not exactly ``raw[start:end]``."""
        parts: Iterator[tuple[str, Span | Paragraph | Caption | Removed]] = self.spans()
        if self.published_from is not None:
            parts = itertools.chain(parts, [("published_from", self.published_from)])
        for role, s in parts:
            if not (0 <= s.start <= s.end <= len(self.raw)) or self.raw[s.start : s.end] != s.text:
                raise ValueError(
                    f"{self.id}: {role} span [{s.start}:{s.end}] does not match raw text: {s.text[:60]!r}"
                )

    # -- JSON ---------------------------------------------------------------------------
    def to_dict(self, *, include_raw: bool = True) -> dict[str, Any]:
        d = asdict(self)
        d["text"] = self.text
        if not include_raw:
            d.pop("raw")
        return d

    def to_json(self, *, include_raw: bool = True) -> str:
        return json.dumps(self.to_dict(include_raw=include_raw), ensure_ascii=False)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        known = {f.name for f in fields(cls)}
        kw = {k: v for k, v in d.items() if k in known}
        for role in ("title", "deck", "byline", "dateline", "published_from"):
            if kw.get(role) is not None:
                kw[role] = Span(**kw[role])
        kw["authors"] = [Span(**a) for a in kw.get("authors", [])]
        kw["paragraphs"] = [Paragraph(**p) for p in kw.get("paragraphs", [])]
        kw["captions"] = [
            Caption(
                text=c["text"],
                start=c["start"],
                end=c["end"],
                credit=Span(**c["credit"]) if c.get("credit") else None,
            )
            for c in kw.get("captions", [])
        ]
        kw["removed"] = [Removed(**r) for r in kw.get("removed", [])]
        return cls(**kw)

    @classmethod
    def from_json(cls, s: str) -> Article:
        return cls.from_dict(json.loads(s))


@dataclass(slots=True)
class RawRecord:
    """What a reader yields: undecoded or decoded content plus what the input declared.

    ``location`` names the item inside its container (WARC record offset, JSONL line
    number, feed entry index) so errors and provenance point to the exact item.
    """

    source_path: str
    content: bytes | str
    input_format: str  # text | html | warc | jsonl | feed  (the container it came from)
    content_type: str = "text"  # text | html: what ``content`` is
    location: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    encoding: str | None = None  # declared by the container (HTTP header, XML prolog)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return content_id(self.content)


@dataclass(slots=True)
class ReadError:
    """An input item that could not be turned into an article, with a one-line reason."""

    source_path: str
    reason: str
    location: str | None = None
    stage: str = "read"


@dataclass(slots=True)
class Annotation:
    """A later stage's finding about one article, stored beside it, never inside it.

    ``kind`` names the stage's table (``lang``, ``dup``, ``claims``, ``story``); ``data``
    is that stage's JSON payload.
    """

    article_id: str
    kind: str
    data: dict[str, Any]

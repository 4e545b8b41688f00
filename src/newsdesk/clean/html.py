"""HTML path: main text and metadata from one page, laid out as lines for the line cleaner.

trafilatura does the extraction (it beat every other open extractor on its own and on
ScrapingHub's benchmarks, and its metadata step already runs htmldate on the parsed tree),
so the page is parsed once here, the few things trafilatura drops (``figcaption`` texts,
``<html lang>``, the full ``article:published_time``) are read from that tree, and the same
tree is handed to :func:`trafilatura.bare_extraction`.  htmldate therefore runs exactly once,
inside trafilatura, with our parameters.

The result's ``raw`` is the text every span of the final :class:`~newsdesk.model.Article`
points into::

    <title>
    <deck>
    <byline>
    <blank line>
    <caption lines not already in the body>
    <body paragraphs, one per line>

Each header line is present only when found; the cleaner receives the header values as
hints and locates them as whole lines.  Pages that cannot be extracted (empty, not HTML,
too big, pathological nesting) give an empty extraction with ``meta["reason"]`` instead of
an exception, so one bad page never stops a batch.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Container
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import trafilatura
from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

__all__ = ["HtmlConfig", "HtmlExtraction", "extract_html"]

LOG = logging.getLogger(__name__)

# trafilatura and htmldate log every discarded page at WARNING/ERROR; a batch of bad
# inputs would flood the CLI, and we report the reason ourselves in ``meta["reason"]``.
for _name in ("trafilatura", "trafilatura.core", "trafilatura.utils", "htmldate", "readability"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

_WS = re.compile(r"\s+")
#: the nodes ``tree.iter()`` yields (elements, comments, processing instructions), counted
#: inside libxml2: iterating them in Python made a proxy object per node, ~1 ms per page
_COUNT_NODES = etree.XPath(
    "count(descendant-or-self::*) + count(descendant::comment()) + count(descendant::processing-instruction())"
)
_ELLIPSIS = ("...", "…", "[…]", "[...]")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)\]])")


@dataclass(frozen=True, slots=True)
class HtmlConfig:
    """Knobs of the HTML path; the defaults are the configuration bench/html_eval.py chose.

    ``include_comments`` stays off: reader comments are not the outlet's report.
    ``captions`` adds ``figcaption`` texts trafilatura dropped as lines before the body so
    the cleaner can split their credits; they are not counted as body text.  ``fast`` skips
    trafilatura's fallback extractors (readability, jusText): on the tuning half it costs
    0.7 F1 points (0.9316 -> 0.9248, trafilatura default 0.9164) and saves about a quarter
    of the CPU time, which keeps the HTML path within the throughput budget.  The
    extensive date search stays on: +4 points of date accuracy (0.821 -> 0.862) for ~10%.
    ``deferred_date_search`` moves that search out of the extraction: the page gets
    htmldate's quick search (headers, meta, time elements), and only a page on which neither
    it nor the line cleaner (a dateline, a date line removed as furniture) found a date is
    searched extensively, by :func:`extensive_date` from :func:`clean_record` (on the tuning
    half: 40 of 481 pages; same date accuracy, 313/363; htmldate's CPU on 200 pages 1.03 s
    -> 0.90 s including the re-parse, about 1% of the path: a small saving, not the 15%
    budget's answer).
    See docs/decisions.md for the figures.
    """

    favor_recall: bool = False
    favor_precision: bool = False
    include_tables: bool = True
    include_comments: bool = False
    captions: bool = True
    fast: bool = True
    extensive_date_search: bool = True
    deferred_date_search: bool = True
    #: Pages longer than this (characters) are refused: real articles are far below it and
    #: parsing + extraction time grows with size (the largest eval page is 1.6 M chars).
    max_chars: int = 10_000_000
    #: Parsed trees with more elements than this are refused (the eval set tops at ~10 k).
    max_elements: int = 300_000


@dataclass(slots=True)
class HtmlExtraction:
    """What the HTML path found on one page; ``raw`` is what the Article's spans index."""

    raw: str
    title: str | None = None
    deck: str | None = None
    byline: str | None = None
    published: str | None = None
    published_source: str | None = None
    lang: str | None = None
    sitename: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    #: Offset in ``raw`` where the body starts (after header and caption lines).
    body_start: int = 0
    #: Every caption line of ``raw`` (each is a whole line of it): first the figcaptions
    #: placed before the body, then those trafilatura itself kept as body lines, so the
    #: cleaner can treat both as captions and split their credits.
    captions: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        """The extracted main text alone (no header, no caption lines)."""
        return self.raw[self.body_start :]

    @property
    def empty(self) -> bool:
        return not self.body.strip()


def _one_line(text: str | None) -> str | None:
    """Header values become single lines; whitespace runs (including newlines) collapse."""
    if not text:
        return None
    line = _WS.sub(" ", text).strip()
    return line or None


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip().casefold()


def _html_lang(tree: HtmlElement) -> str | None:
    """The page's declared language: ``<html lang>``, else content-language, else og:locale."""
    value = tree.get("lang") or tree.get("xml:lang")
    if not value:
        for xp in (
            './/meta[@http-equiv="content-language" or @http-equiv="Content-Language"]/@content',
            './/meta[@property="og:locale"]/@content',
        ):
            found = tree.xpath(xp)
            if found:
                value = str(found[0])
                break
    if not value:
        return None
    primary = re.split(r"[-_,; ]", value.strip(), maxsplit=1)[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def _figcaptions(tree: HtmlElement) -> list[str]:
    """Caption texts in page order, deduplicated (lazy-load markup often repeats figures)."""
    seen: set[str] = set()
    out: list[str] = []
    for el in tree.iter("figcaption"):
        # itertext joined by spaces: "<p>Caption.</p><span>Credit</span>" must not glue
        # into "Caption.Credit", which would hide the credit from the cleaner
        text = _one_line(_SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(el.itertext())))
        if text and len(text) >= 3 and _norm(text) not in seen:
            seen.add(_norm(text))
            out.append(text)
    return out


_PUBLISHED_META = (
    './/meta[@property="article:published_time" or @name="article:published_time"'
    ' or @itemprop="datePublished" or @name="pubdate" or @name="publishdate"]/@content'
)


_JSONLD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{10,40})"')


def _refine_datetime(tree: HtmlElement, date: str) -> str | None:
    """A full timestamp from the page's publication meta tag or JSON-LD, if it agrees with htmldate.

    htmldate returns a day; when the page also declares a timestamp for that same day we
    keep the time (useful to order reports of one story) without a second date search.
    """
    candidates = [str(v) for v in tree.xpath(_PUBLISHED_META)]
    for script in tree.xpath('.//script[@type="application/ld+json"]/text()'):
        candidates += _JSONLD_PUBLISHED.findall(str(script))
    for value in candidates:
        text = value.strip()
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            continue
        if parsed.date().isoformat() == date and (parsed.hour or parsed.minute or parsed.second):
            return parsed.isoformat()
    return None


def _is_excerpt(deck: str, title: str | None, body_lines: Container[str], body: str) -> bool:
    """A meta description that repeats the title or cuts the lead short is not a deck.

    A description equal to a whole body line is a real standfirst that trafilatura kept in
    the body: it stays a deck (the cleaner drops the echoed copy as a duplicate).  One that
    is only part of a longer paragraph, or ends in an ellipsis, is the CMS's excerpt.
    """
    d = _norm(deck)
    truncated = False
    for mark in _ELLIPSIS:
        if d.endswith(mark):
            d, truncated = d[: -len(mark)].rstrip(), True
    if not d or truncated or (title and d == _norm(title)):
        return True
    return d not in body_lines and d in _norm(body)


def _empty(reason: str, **meta: Any) -> HtmlExtraction:
    return HtmlExtraction(raw="", meta={"reason": reason, **meta})


def _layout(
    title: str | None,
    deck: str | None,
    byline: str | None,
    captions: list[str],
    body: str,
) -> tuple[str, int]:
    """Build ``raw`` and return it with the body's start offset."""
    header = [x for x in (title, deck, byline) if x]
    parts: list[str] = []
    if header:
        parts.append("\n".join(header) + "\n\n")
    if captions:
        parts.append("\n".join(captions) + "\n\n")
    prefix = "".join(parts)
    return prefix + body, len(prefix)


def _date_params(extensive: bool) -> dict[str, Any]:
    return {
        "original_date": True,
        "extensive_search": extensive,
        "max_date": datetime.now().astimezone().strftime("%Y-%m-%d"),
    }


def extensive_date(html: str) -> tuple[str | None, str | None]:
    """htmldate's extensive search over the whole page, as trafilatura would have run it.

    Returns (date, source); (None, None) when the page has none or cannot be parsed.  The
    page is parsed again: trafilatura prunes the tree it extracts from.
    """
    try:
        tree = load_html(html)
        if tree is None:
            return None, None
        found = find_date(tree, **_date_params(True))
    except (ValueError, TypeError, RecursionError):
        return None, None
    if not found:
        return None, None
    full = _refine_datetime(tree, found)
    return (full, "htmldate-extensive+meta") if full else (found, "htmldate-extensive")


def extract_html(html: str, url: str | None = None, config: HtmlConfig | None = None) -> HtmlExtraction:
    """Extract one page; never raises on bad HTML (see ``meta["reason"]`` when empty)."""
    cfg = config or HtmlConfig()
    if not html or not html.strip():
        return _empty("empty input")
    if len(html) > cfg.max_chars:
        return _empty(f"page too large ({len(html):,} characters > {cfg.max_chars:,})")
    if "\x00" in html:
        # lxml refuses NUL in str input; a page holding them is binary data or UTF-16 read
        # as something else, not HTML we can trust.
        if html.count("\x00") > len(html) // 100:
            return _empty("binary content (NUL bytes), not HTML")
        html = html.replace("\x00", "")

    try:
        tree = load_html(html)
    except (ValueError, TypeError) as err:
        return _empty(f"HTML parse failed: {err}")
    if tree is None:
        return _empty("not HTML (parser found no document structure)")
    n_elements = int(_COUNT_NODES(tree))
    if n_elements > cfg.max_elements:
        return _empty(f"page too complex ({n_elements:,} elements > {cfg.max_elements:,})")

    lang = _html_lang(tree)
    captions_found = _figcaptions(tree)
    date_params = _date_params(cfg.extensive_date_search and not cfg.deferred_date_search)
    try:
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            fast=cfg.fast,
            favor_precision=cfg.favor_precision,
            favor_recall=cfg.favor_recall,
            include_comments=cfg.include_comments,
            include_tables=cfg.include_tables,
            with_metadata=True,
            date_extraction_params=date_params,
        )
    except RecursionError:
        return _empty("nesting too deep for extraction", lang=lang)
    if doc is None or isinstance(doc, dict):
        return _empty("no main text found", lang=lang, captions=captions_found)

    body = (doc.text or "").strip("\n")
    if not body.strip():
        return _empty("no main text found", lang=lang, captions=captions_found)

    title = _one_line(doc.title)
    description = _one_line(doc.description)
    body_lines = {_norm(line): line for line in body.split("\n")}
    deck = description if description and not _is_excerpt(description, title, body_lines, body) else None
    byline = _one_line(doc.author)
    placed = [c for c in captions_found if _norm(c) not in body_lines] if cfg.captions else []
    in_body = [body_lines[_norm(c)] for c in captions_found if _norm(c) in body_lines] if cfg.captions else []
    raw, body_start = _layout(title, deck, byline, placed, body)

    published, published_source = doc.date, ("htmldate" if doc.date else None)
    if published:
        full = _refine_datetime(tree, published)
        if full:
            published, published_source = full, "htmldate+meta"

    meta: dict[str, Any] = {
        "description": description,
        "categories": list(doc.categories or []),
        "tags": list(doc.tags or []),
        "captions": captions_found,
        "url": doc.url,
        "hostname": doc.hostname,
        "image": doc.image,
        "license": doc.license,
        "pagetype": doc.pagetype,
        "html_elements": n_elements,
    }
    if cfg.extensive_date_search and cfg.deferred_date_search and not published:
        meta["date_search"] = "deferred"
    if cfg.include_comments and doc.comments:
        meta["comments"] = doc.comments
    return HtmlExtraction(
        raw=raw,
        title=title,
        deck=deck,
        byline=byline,
        published=published,
        published_source=published_source,
        lang=lang,
        sitename=_one_line(doc.sitename),
        meta={k: v for k, v in meta.items() if v not in (None, [], "")},
        body_start=body_start,
        captions=placed + in_body,
    )

"""The byline a page prints under its headline, read from the HTML before extraction.

trafilatura's metadata gives an HTML page's author from its markup (meta tags, JSON-LD,
elements whose class names an author).  Many pages mark nothing, or mark the outlet, a CMS
account or an editor, while the line under the headline names the writer with a by-word:
"Von Lisa Petrich" on a page whose metadata says "Badische Zeitung", "Auteur : Kossivi
Tiassou" where it says "Deutsche Welle", "Erstellt von Fabian am Dienstag 6. Mai 2014" where
the account is "Matthias Hille".  The extracted text seldom holds that line (it is above the
article body), so the plain-text path's byline rules never see it on the HTML path.  This
module reads the few short blocks that follow the page's first ``<h1>`` and returns the names
the first line with a by-word holds; :func:`newsdesk.clean.html.extract_html` decides
whether they replace the metadata's author.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree
from lxml.html import HtmlElement

from newsdesk.clean.authors import author_spans, has_by_word
from newsdesk.model import Span

#: blocks read after the headline: the lines a page prints between its headline and its
#: body (deck, date, byline, share row, reading time, a photo and its caption)
MAX_BLOCKS = 12
#: a block of more characters is the body (or a container of it, which is read block by block)
MAX_BLOCK_CHARS = 200
#: a byline line longer than this is prose that mentions someone "by" name
MAX_LINE_CHARS = 160
#: a by-word this far into a line or further is not the line's own
MAX_CUE_OFFSET = 40
#: elements nested deeper than this under a block are not read (generators nest as deep as
#: the page, and a hostile page nests thousands deep)
MAX_DEPTH = 60

_TEXT_LENGTH = etree.XPath("string-length(normalize-space(.))")
_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "svg", "button", "form", "select", "figure", "figcaption"}
)
_WS = re.compile(r"\s+")
#: "Photo by", "Foto von", "Bild: ... von": a picture's credit, not the article's author
_PICTURE_CREDIT = re.compile(
    r"\b(?:photos?|fotos?|bilder?|images?|illustrations?|grafik|graphic|video|kuva|zdjęcie|"
    r"foto(?:grafie|grafía|graf)?|photographie|credit|crédit)\b",
    re.IGNORECASE,
)


def _text_upto(el: HtmlElement, limit: int) -> str | None:
    """The element's visible text, whitespace collapsed, or None when it passes ``limit``
    characters (read no further: the element may hold the whole article)."""
    parts: list[str] = []
    size = 0
    for piece in _texts(el):
        parts.append(piece)
        size += len(piece)
        if size > 4 * limit:  # whitespace is collapsed only at the end
            return None
    pieces = _WS.sub(" ", "".join(parts)).split(_BOUNDARY)
    text = pieces[0]
    for piece in pieces[1:]:
        if not piece.strip() or not text.strip():
            text += piece
        else:  # sibling elements are separate fields, unless the first ends with a by-word
            text += " " if _ENDS_WITH_BY.search(text) else " · "
            text += piece
    text = _WS.sub(" ", text).strip()
    return text if len(text) <= limit else None


#: where one element ends and its next sibling starts ("<a>Ian Mohr</a><a>View author
#: archive</a>"): the name ends there
_BOUNDARY = "\x00"
_ENDS_WITH_BY = re.compile(r"(?:^|\s)(?i:by|von|vom|par|por|door|av|af|durch|di|da|de|oleh)\s*$|[:：]\s*$")


def _texts(el: HtmlElement, depth: int = 0) -> Iterator[str]:
    if depth > MAX_DEPTH:  # a hostile page's nesting: what lies deeper is not read
        return
    if el.text:
        yield el.text.replace(_BOUNDARY, "")
    after_element = False
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _SKIPPED:
            if after_element:
                yield _BOUNDARY
            yield " "
            yield from _texts(child, depth + 1)
            yield " "
            after_element = True
        if child.tail and child.tail.strip():
            yield child.tail.replace(_BOUNDARY, "")
            after_element = False


def _blocks(el: HtmlElement, depth: int = 0) -> Iterator[str | None]:
    """The element's text as short blocks, in order; None where a long one (the body) starts."""
    if not isinstance(el.tag, str) or el.tag in _SKIPPED:
        return
    if depth > MAX_DEPTH:
        yield None  # nesting no byline needs: stop here
        return
    # libxml2 measures a container of the whole body at once; the walk below only what may fit
    short = _text_upto(el, MAX_BLOCK_CHARS) if _TEXT_LENGTH(el) <= 4 * MAX_BLOCK_CHARS else None
    if short is not None:
        if short:
            yield short
        return
    if len(el) == 0:  # one long stretch of text: prose
        yield None
        return
    yield from _loose_text(el.text)
    for child in el:
        yield from _blocks(child, depth + 1)
        yield from _loose_text(child.tail)


def _loose_text(text: str | None) -> Iterator[str | None]:
    """Text between a container's elements as a block of its own; None when it is long."""
    if text and text.strip():
        text = _WS.sub(" ", text).strip()
        yield text if len(text) <= MAX_BLOCK_CHARS else None


def lines_under_headline(tree: HtmlElement) -> list[str]:
    """Up to :data:`MAX_BLOCKS` short blocks after the page's first ``<h1>``, up to the first
    long one (where the body starts)."""
    h1 = next(tree.iter("h1"), None)
    if h1 is None:
        return []
    out: list[str] = []
    node: HtmlElement | None = h1
    while node is not None and len(out) < MAX_BLOCKS:
        nxt = node.getnext()
        while nxt is None:
            node = node.getparent()
            if node is None:
                return out
            nxt = node.getnext()
        node = nxt
        for block in _blocks(node):
            if block is None or _is_prose(block):
                return out
            out.append(block)
            if len(out) >= MAX_BLOCKS:
                return out
    return out


_SENTENCE_END = re.compile(r"[.!?…:][\"'”»)]*$")


def _is_prose(block: str) -> bool:
    """A sentence of the body (or the deck): the byline stands above it."""
    words = block.count(" ") + 1
    return words >= 20 or (words >= 10 and _SENTENCE_END.search(block) is not None)


def printed_names(lines: list[str]) -> list[str]:
    """The names of the first line with a by-word near its start ("Von Lisa Petrich",
    "Posted on September 21, 2020 by Adi Tzlil"), or none."""
    for line in lines:
        if len(line) > MAX_LINE_CHARS:
            continue
        at = has_by_word(line)
        if at is None or at > MAX_CUE_OFFSET or _PICTURE_CREDIT.search(line, 0, at):
            continue
        # the by-word opens the line, or follows its date ("Posted on May 3, 2020 by ...")
        if at and not any(c.isdigit() for c in line[:at]):
            continue
        names = [s.text for s in author_spans(Span(line, 0, len(line)))]
        if names:
            return names
    return []

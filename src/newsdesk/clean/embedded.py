"""The article a page ships as data for its scripts, for pages whose HTML shows none.

A page built by a script framework can arrive with an empty ``<body>``: Next.js's app router
streams the article to the browser inside ``self.__next_f.push(...)`` script calls (React
Server Components rows), and its pages router and Nuxt put the page's data in one JSON
script. trafilatura's last resort reads schema.org JSON (``articleBody``) but none of
these, so such a page (Hankook Ilbo's, one of Fundus' 129) was an ingestion error and its
article lost. The HTML path asks this module only when the extraction found nothing, so a
page that extracts keeps exactly what it had.

Where the candidates come from, in the order they are trusted:

1. the strings of the page's ``application/json`` scripts (``__NEXT_DATA__``,
   ``__NUXT_DATA__``);
2. the React Server Components payload: its text rows (``24:T1b7b,<div>...``, a length in
   UTF-8 bytes, then the text) and the strings of its JSON rows.

The longest prose among them wins (a related-article teaser or a summary is shorter than
the article, a stylesheet, URL or encoded blob is not prose); the caller extracts it as the
page's body and records which source it came from.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

__all__ = ["EmbeddedBody", "embedded_body"]


class EmbeddedBody(NamedTuple):
    """An article body found in a page's script data: HTML (or plain text, one paragraph a
    line) and where in the page it was."""

    content: str
    is_html: bool
    source: str


#: a script element's attributes and content (pages hold few; the content is needed whole)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.I | re.S)
_TYPE_JSON = re.compile(r"""type\s*=\s*["']?application/json""", re.I)
#: one React Server Components push: ``self.__next_f.push([1,"<JSON string>"])``
_RSC_PUSH = re.compile(r"""self\.__next_f\.push\(\[1,\s*("(?:[^"\\]|\\.)*")\s*\]\)""", re.S)
#: a text row of the payload: its id, ``T``, the text's length in UTF-8 bytes (hex), a comma
_RSC_TEXT_ROW = re.compile(rb"(?:^|\n)([0-9a-f]+):T([0-9a-f]{1,8}),")
#: a JSON row: its id, then a JSON value running to the end of the line
_RSC_JSON_ROW = re.compile(r"(?m)^[0-9a-f]+:(?=[\[{\"])(.+)$")
#: markup that makes a string an HTML fragment rather than text
_HTML_BLOCK = re.compile(r"<(?:p|br|div|h[1-6]|li|blockquote|figure)\b", re.I)
#: ``[^<>]``: a "<" never closed costs a scan to the next "<", not to the end (hostile data)
_TAG = re.compile(r"<[^<>]*>")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|\w+);", re.I)
#: a sentence end: Latin and other scripts' full stops, question and exclamation marks
_SENTENCE_END = re.compile(
    r"[.!?\u3002\uff01\uff1f\u0964\u06d4\u061f](?:[\"'\u201d\u2019\u00bb)\]]*)(?:\s|$)"
)
#: a run of Latin letters, digits and URL or encoding characters with no space: URLs, ids,
#: base64 (prose has no word this long)
_BLOB = re.compile(r"[A-Za-z0-9+/=_%&?:.\-]{120,}")

#: the least prose a candidate needs: characters of text and sentence ends
MIN_CHARS = 200
MIN_SENTENCES = 2
#: strings shorter than this are not looked at (most of a page's data)
_MIN_STRING = 150
#: a page's script data is not read past this many characters (hostile pages)
MAX_SCRIPT_CHARS = 8_000_000


def _strings(value: Any, depth: int = 0) -> Iterator[str]:
    """Every string value at any depth of a parsed JSON value, long ones only."""
    stack = [(value, depth)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, str):
            if len(v) >= _MIN_STRING:
                yield v
        elif d < 64:
            if isinstance(v, dict):
                stack.extend((x, d + 1) for x in reversed(list(v.values())))
            elif isinstance(v, list):
                stack.extend((x, d + 1) for x in reversed(v))


def _loads(text: str) -> Any:
    try:
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):
        return None


def _rsc_payload(html: str) -> str:
    parts = []
    for m in _RSC_PUSH.finditer(html):
        s = _loads(m.group(1))
        if isinstance(s, str):
            parts.append(s)
    return "".join(parts)


def _rsc_candidates(payload: str) -> Iterator[str]:
    data = payload.encode("utf-8", "surrogatepass")
    for t in _RSC_TEXT_ROW.finditer(data):
        n = int(t.group(2), 16)
        yield data[t.end() : t.end() + n].decode("utf-8", "replace")
    for m in _RSC_JSON_ROW.finditer(payload):
        row = m.group(1)
        if len(row) >= _MIN_STRING:
            yield from _strings(_loads(row))


def text_of(candidate: str) -> str:
    """A candidate's visible text: tags and entities out, whitespace squeezed."""
    if _HTML_BLOCK.search(candidate):
        candidate = _ENTITY.sub(" ", _TAG.sub(" ", candidate))
    return " ".join(candidate.split())


def is_prose(text: str) -> bool:
    """Enough text, with sentence ends, and no URL or encoded blob in it."""
    return (
        len(text) >= MIN_CHARS
        and len(_SENTENCE_END.findall(text)) >= MIN_SENTENCES
        and _BLOB.search(text) is None
        # a serialised object, a stylesheet or script code, not text
        and text.count("{") + text.count("}") <= 2
        and "/*" not in text
    )


def _candidates(html: str) -> Iterator[tuple[str, str]]:
    """(candidate, source) pairs, in the order the sources are trusted."""
    for m in _SCRIPT.finditer(html):
        attrs, content = m.group(1), m.group(2)
        if _MIN_STRING <= len(content) <= MAX_SCRIPT_CHARS and _TYPE_JSON.search(attrs):
            for s in _strings(_loads(content)):
                yield s, "page json data"
    if "self.__next_f" in html:
        payload = _rsc_payload(html)
        if len(payload) <= MAX_SCRIPT_CHARS:
            for s in _rsc_candidates(payload):
                yield s, "react server payload"


def embedded_body(html: str) -> EmbeddedBody | None:
    """The longest prose the page ships as script data (the first source trusted wins a
    tie); None when there is none."""
    best: tuple[int, str, str] | None = None
    for candidate, source in _candidates(html):
        text = text_of(candidate)
        if (best is None or len(text) > best[0]) and is_prose(text):
            best = (len(text), candidate, source)
    if best is None:
        return None
    _, content, source = best
    return EmbeddedBody(content, _HTML_BLOCK.search(content) is not None, source)

"""Which reader a file needs: its extension proposes, its first bytes decide.

Extensions are often wrong in scraped corpora (``.txt`` files holding HTML, ``.html``
files that are gzip, JSONL named ``.json``), so strong content signals (WARC header, feed
root element, a JSON object on the first line, HTML markup at the start) override the
extension.  Sniffing reads at most ``ReaderConfig.sniff_bytes`` (decompressed) and uses
anchored, bounded patterns, so deeply nested or huge documents cannot make it slow.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from newsdesk.readers.base import GZIP_ERRORS, GZIP_MAGIC

FORMATS = ("text", "html", "warc", "jsonl", "feed")

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".warc": "warc",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".xml": "feed",  # unless the root says otherwise; the feed reader refuses other XML
}
_COMPRESSED = (".gz", ".gzip")

# Leading noise before the first element: BOM, whitespace, XML prolog, comments, doctype.
_PROLOG = re.compile(
    rb"\A(?:\xef\xbb\xbf)?(?:\s+|<\?xml[^>]{0,500}\?>|<!--.{0,4000}?-->|<!DOCTYPE[^>]{0,1000}>)*",
    re.DOTALL | re.IGNORECASE,
)
_FIRST_TAG = re.compile(rb"<([A-Za-z][A-Za-z0-9:_\-]{0,40})")
_HTML_TAGS = re.compile(
    rb"<(?:html|head|body|div|p|meta|title|article|section|span|a|br|h[1-6]|table|ul|script|link)\b",
    re.IGNORECASE,
)
_FEED_ROOTS = {b"rss", b"feed", b"rdf:rdf", b"rdf"}


def extension_format(path: Path) -> str | None:
    """Format implied by the file name, looking through a ``.gz`` suffix."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in _COMPRESSED:
        suffixes = suffixes[:-1]
    return _EXTENSIONS.get(suffixes[-1]) if suffixes else None


def read_head(path: Path, n: int) -> bytes:
    """First ``n`` bytes of the (decompressed, if gzip) content; truncation is tolerated."""
    with path.open("rb") as fh:
        head = fh.read(n)
        if not head.startswith(GZIP_MAGIC):
            return head
        fh.seek(0)
        out = bytearray()
        gz = gzip.GzipFile(fileobj=fh, mode="rb")
        try:
            while len(out) < n:
                chunk = gz.read(n - len(out))
                if not chunk:
                    break
                out += chunk
        except GZIP_ERRORS:
            pass  # the reader reports the damage with its item count
        return bytes(out)


def sniff_format(head: bytes) -> str | None:
    """Format proven by the content itself, or None when the bytes are not conclusive."""
    if head.startswith(b"WARC/"):
        return "warc"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        first = stripped.split(b"\n", 1)[0]
        try:  # a first line longer than the sniffed head fails here; the extension decides
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except ValueError:
            pass
        return None
    if not stripped.startswith(b"<"):
        return None
    m = _PROLOG.match(head)
    rest = head[m.end() :] if m else head
    tag = _FIRST_TAG.match(rest)
    if tag:
        name = tag.group(1).lower()
        if name in _FEED_ROOTS:
            return "feed"
        if name in (b"html", b"head", b"body"):
            return "html"
    if re.match(rb"\A(?:\xef\xbb\xbf)?\s*<!doctype\s+html", head, re.IGNORECASE):
        return "html"
    if len(_HTML_TAGS.findall(head[:8192])) >= 2:
        return "html"
    return None


def detect_format(path: Path, sniff_bytes: int = 64 * 1024) -> str:
    """Reader for ``path`` in auto mode: content signal, else extension, else text.

    An ``.xml`` file whose root is not a feed (a sitemap, say) still goes to the feed
    reader, which reports it as "not a feed" rather than storing XML as an article.
    Anything unrecognised is handed to the text reader, which reports binary content.
    """
    sniffed = sniff_format(read_head(path, sniff_bytes))
    by_ext = extension_format(path)
    return sniffed or by_ext or "text"

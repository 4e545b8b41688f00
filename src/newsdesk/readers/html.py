"""HTML files (``.html``, ``.htm``, gzipped too): one file, one record.

Besides the bytes, the reader lifts the few facts the markup states about itself cheaply
from the head of the document: the declared charset, the canonical / ``og:url`` address
(which gives the outlet) and nothing more.  Title and body are the cleaner's job.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from pathlib import Path

from newsdesk.model import RawRecord
from newsdesk.readers.base import ReaderConfig, check_text, outlet_from_url, read_limited
from newsdesk.readers.decode import HTML_PRESCAN_BYTES, sniff_html_charset

_CANONICAL = re.compile(
    rb"""<link\b[^>]{0,500}?\brel\s*=\s*["']?canonical["']?[^>]{0,500}?\bhref\s*=\s*["']([^"'>\s]{1,2000})"""
    rb"""|<link\b[^>]{0,500}?\bhref\s*=\s*["']([^"'>\s]{1,2000})["'][^>]{0,500}?\brel\s*=\s*["']?canonical""",
    re.IGNORECASE,
)
_OG_URL = re.compile(
    rb"""<meta\b[^>]{0,500}?\bproperty\s*=\s*["']og:url["'][^>]{0,500}?\bcontent\s*=\s*["']([^"'>\s]{1,2000})"""
    rb"""|<meta\b[^>]{0,500}?\bcontent\s*=\s*["']([^"'>\s]{1,2000})["'][^>]{0,500}?\bproperty\s*=\s*["']og:url""",
    re.IGNORECASE,
)
#: The head of a page is where canonical links live; scanning more only costs time.
URL_SCAN_BYTES = 4 * HTML_PRESCAN_BYTES


def page_url(data: bytes) -> tuple[str | None, str | None]:
    """Absolute URL the page declares for itself and where it came from, if any."""
    head = data[:URL_SCAN_BYTES]
    for source, pattern in (("canonical", _CANONICAL), ("og:url", _OG_URL)):
        m = pattern.search(head)
        if m:
            raw = (m.group(1) or m.group(2)).decode("utf-8", "replace")
            url = html_lib.unescape(raw).strip()
            if url.startswith(("http://", "https://")):
                return url, source
    return None, None


def read_html(path: Path, config: ReaderConfig) -> Iterator[RawRecord]:
    data = read_limited(path, config.max_item_bytes)
    declared = sniff_html_charset(data)
    meta = check_text(data, html=True, declared=declared) if config.validate_encoding else {}
    url, url_source = page_url(data)
    if url_source:
        meta["url_source"] = url_source
    yield RawRecord(
        source_path=str(path),
        content=data,
        input_format="html",
        content_type="html",
        url=url,
        outlet=outlet_from_url(url),
        encoding=declared,
        meta=meta,
    )

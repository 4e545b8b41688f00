"""WARC files (``.warc``, ``.warc.gz``) via warcio: one record per HTML/text response.

Why warcio and not FastWARC: see docs/decisions.md ("WARC library").  In short, both
silently stop at a truncated file, so truncation is detected here either way; warcio is
pure Python (its failures are ordinary exceptions we can turn into ReadErrors, where
FastWARC 2.0 raises a Rust panic on some inputs), decodes chunked and gzip/brotli HTTP
bodies, and its speed (tens of thousands of records per second) is far above what the
cleaner downstream can consume.

Kept: ``response`` records with a 2xx HTTP status and ``resource`` records, whose payload
is HTML (text/html, application/xhtml+xml) or text/plain.  Everything else in a crawl
(requests, metadata, images, redirects, 404 pages) is skipped without an error: it is not
a news item and not damaged.  ``location`` is the record's byte offset in the file
(compressed offset for .warc.gz), so ``offset=1234`` can be re-read with any WARC tool.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from newsdesk.model import RawRecord, ReadError
from newsdesk.readers.base import ReaderConfig, ReaderFailure, check_text, one_line, outlet_from_url
from newsdesk.readers.decode import normalize_charset, sniff_html_charset
from newsdesk.readers.detect import read_head, sniff_format

_HTML_TYPES = {"text/html", "application/xhtml+xml", "application/xml+xhtml"}
_TEXT_TYPES = {"text/plain"}
#: Last-Modified this close to the fetch time is just the page-generation time, no hint.
_MIN_AGE = timedelta(minutes=1)


def _split_content_type(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    parts = [p.strip() for p in value.split(";")]
    mime = parts[0].lower() or None
    charset = None
    for p in parts[1:]:
        key, _, val = p.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return mime, charset


def _parse_warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _parse_http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        dt = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _skip_blank(path: Path, pos: int) -> int:
    """First non-blank byte at or after ``pos`` (records are separated by CRLF CRLF)."""
    with path.open("rb") as fh:
        fh.seek(pos)
        head = fh.read(64)
    return pos + len(head) - len(head.lstrip(b"\r\n"))


def _tail_is_clean(path: Path, end: int, size: int) -> bool:
    """Whether only the trailing CRLFs of the last record follow byte ``end``."""
    if end >= size:
        return True
    if size - end > 16:
        return False
    with path.open("rb") as fh:
        fh.seek(end)
        return not fh.read().strip()


def read_warc(path: Path, config: ReaderConfig) -> Iterator[RawRecord | ReadError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    size = path.stat().st_size
    if size == 0:
        raise ReaderFailure("empty file")
    if not read_head(path, 16).startswith(b"WARC/"):
        # warcio would also accept old ARC files and read arbitrary text lines as ARC headers.
        raise ReaderFailure("not a warc file (no WARC/1.x header)")
    limit = config.max_item_bytes
    count = 0  # intact WARC records read (any type)
    end = 0  # byte after the last intact record
    with path.open("rb") as fh:
        it = ArchiveIterator(fh)
        while True:
            try:
                record = next(it, None)
                if record is None:
                    break
                start = it.offset
                location = f"offset={start}"
                item = _convert(record, path, location, limit, config)
                # Reads the rest of the record; a cut-off record leaves part of its length unread.
                rec_off, rec_len = it.get_record_offset(), it.get_record_length()
                truncated = getattr(record.raw_stream, "limit", 0) > 0
            except (ArchiveLoadFailed, ValueError, OSError, EOFError, zlib.error) as exc:
                what = "not a warc file" if count == 0 else f"corrupt warc after {count} records"
                yield ReadError(str(path), f"{what}: {one_line(exc, 100)}", f"offset={end}")
                return
            if truncated:
                end = rec_off
                break
            count += 1
            end = rec_off + rec_len
            if item is not None:
                yield item
    if not _tail_is_clean(path, end, size):
        yield ReadError(
            str(path), f"truncated warc after {count} records", f"offset={_skip_blank(path, end)}"
        )
    elif count == 0:
        yield ReadError(str(path), "no warc records", None)


def _convert(
    record: Any, path: Path, location: str, limit: int, config: ReaderConfig
) -> RawRecord | ReadError | None:
    """The news item in one WARC record, an error for a damaged one, None for crawl noise."""
    rtype = record.rec_type
    if rtype not in ("response", "resource"):
        return None
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    status: int | None = None
    last_modified = None
    if rtype == "response":
        http = record.http_headers
        if http is None:
            return None  # a non-HTTP response (dns:, whois:) carries no page
        try:
            status = int(http.get_statuscode())
        except (TypeError, ValueError):
            status = None
        if status is None or not 200 <= status < 300:
            return None
        mime, charset = _split_content_type(http.get_header("Content-Type"))
        last_modified = http.get_header("Last-Modified")
    else:
        mime, charset = _split_content_type(headers.get_header("Content-Type"))
    if record.length is not None and record.length > limit:
        return ReadError(str(path), f"too large: {record.length} bytes > limit {limit}", location)
    if mime is not None and mime not in _HTML_TYPES and mime not in _TEXT_TYPES:
        return None
    try:
        payload = record.content_stream().read(limit + 1)
    except (OSError, ValueError, EOFError, zlib.error) as exc:
        return ReadError(str(path), f"undecodable http body: {one_line(exc, 100)}", location)
    if len(payload) > limit:
        return ReadError(
            str(path), f"too large: more than {limit} bytes decompressed > limit {limit}", location
        )
    if mime is None:  # no declared type: keep it only if the bytes are unmistakably a page
        if sniff_format(payload[:65536]) != "html":
            return None
        mime = "text/html"
    kind = "html" if mime in _HTML_TYPES else "text"
    if not payload.strip():
        return ReadError(str(path), "empty payload", location)
    meta: dict[str, Any] = {"warc_type": rtype}
    # The HTTP header wins; without one the page's own <meta charset> is the declaration, so
    # ``decode_bytes(record.content, record.encoding)`` always sees the best evidence.
    encoding = normalize_charset(charset) or charset
    if encoding is not None:
        meta["encoding_source"] = "http"
    elif kind == "html":
        encoding = sniff_html_charset(payload)
        if encoding is not None:
            meta["encoding_source"] = "meta"
    if config.validate_encoding:
        try:
            meta.update(check_text(payload, html=kind == "html", declared=encoding))
        except ReaderFailure as exc:
            return ReadError(str(path), exc.reason, location)
    warc_date = headers.get_header("WARC-Date")
    if warc_date:
        meta["crawl_date"] = warc_date
    if status is not None:
        meta["http_status"] = status
    if headers.get_header("WARC-Record-ID"):
        meta["warc_record_id"] = headers.get_header("WARC-Record-ID")
    published = None
    fetched = _parse_warc_date(warc_date)
    modified = _parse_http_date(last_modified)
    if modified is not None and (fetched is None or modified <= fetched - _MIN_AGE):
        published = modified.astimezone(UTC).isoformat().replace("+00:00", "Z")
        meta["published_source"] = "http-last-modified"
    return RawRecord(
        source_path=str(path),
        content=payload,
        input_format="warc",
        content_type=kind,
        location=location,
        url=url,
        outlet=outlet_from_url(url),
        published=published,
        encoding=encoding,
        meta=meta,
    )

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

import contextlib
import gzip
import io
import re
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import IO, Any, cast

from newsdesk.model import RawRecord, ReadError
from newsdesk.readers.base import (
    GZIP_MAGIC,
    ReaderConfig,
    ReaderFailure,
    check_text,
    one_line,
    outlet_from_url,
)
from newsdesk.readers.decode import normalize_charset, sniff_html_charset
from newsdesk.readers.detect import read_head, sniff_format

_HTML_TYPES = {"text/html", "application/xhtml+xml", "application/xml+xhtml"}
_TEXT_TYPES = {"text/plain"}
#: Last-Modified this close to the fetch time is just the page-generation time, no hint.
_MIN_AGE = timedelta(minutes=1)
_CONTENT_LENGTH = re.compile(rb"(?im)^content-length:[ \t]*(\d+)")


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


def _whole_file_gzip(path: Path, limit: int) -> bool:
    """Whether a gzipped WARC is one gzip stream (``gzip file.warc``) rather than one member
    per record, as the WARC standard wants and warcio requires.

    Decompresses only until the first record's end is known: a member that goes on past it
    means the whole file is one stream.
    """
    d = zlib.decompressobj(31)
    out = bytearray()
    with path.open("rb") as fh:
        if fh.read(2) != GZIP_MAGIC:
            return False
        fh.seek(0)
        while chunk := fh.read(64 * 1024):
            try:
                out += d.decompress(chunk)
            except zlib.error:
                return False  # corrupt: the normal path reports it with its record count
            head_end = out.find(b"\r\n\r\n")
            if head_end < 0:
                if d.eof or len(out) > 64 * 1024:
                    return False  # no WARC header end in sight: let warcio complain
                continue
            m = _CONTENT_LENGTH.search(bytes(out[:head_end]))
            if m is None or int(m.group(1)) > limit:
                return False
            if len(out) > head_end + 4 + int(m.group(1)) + 4 + 16:
                return True  # the first member runs on past the first record
            if d.eof:
                return False
    return False


class _GzipStream:
    """A gzip stream for warcio that never loses decompressed bytes at a truncation.

    ``GzipFile.read(n)`` raises EOFError at a cut and drops what it had decompressed in
    that call; here the bytes before the cut are returned first and the error is raised on
    the next read.  warcio takes EOFError as "no more records", so :func:`read_warc` asks
    :meth:`read` once more after iterating to learn whether the stream really ended.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        self._gz = gzip.GzipFile(fileobj=raw, mode="rb")
        self._pos = 0
        self._error: BaseException | None = None

    def read(self, size: int = -1) -> bytes:
        if self._error is not None:
            raise self._error
        parts: list[bytes] = []
        want = size if size is not None and size >= 0 else 1 << 62
        got = 0
        while got < want:
            try:
                chunk = self._gz.read1(min(want - got, 1 << 16))
            except (EOFError, OSError, zlib.error) as exc:
                self._error = exc
                if not parts:
                    raise
                break
            if not chunk:
                break
            parts.append(chunk)
            got += len(chunk)
        data = b"".join(parts)
        self._pos += len(data)
        return data

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        self._gz.close()


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
    whole = _whole_file_gzip(path, limit)
    # In a whole-file gzip, offsets are positions in the decompressed stream.
    key = "uncompressed-offset" if whole else "offset"
    count = 0  # intact WARC records read (any type)
    end = 0  # byte after the last intact record
    truncated = False
    produced = 0  # records and errors yielded
    with path.open("rb") as raw:
        fh: IO[bytes] = cast(IO[bytes], _GzipStream(raw)) if whole else raw
        it = ArchiveIterator(fh)
        while True:
            try:
                # warcio prints warnings about damaged records to stderr; keep the run's
                # output clean and turn them into ReadErrors instead (no yield in here).
                with contextlib.redirect_stderr(io.StringIO()):
                    record = next(it, None)
                    if record is None:
                        break
                    start = it.offset
                    location = f"{key}={start}"
                    item = _convert(record, path, location, limit, config)
                    warnings_before = it.err_count
                    # Reads the rest of the record; a cut-off record leaves part of its length unread.
                    rec_off, rec_len = it.get_record_offset(), it.get_record_length()
                    # No Content-Length at all means the headers themselves were cut off.
                    truncated = record.length is None or getattr(record.raw_stream, "limit", 0) > 0
                    bad_length = it.err_count > warnings_before
            except EOFError:
                yield ReadError(str(path), f"truncated gzip stream after {count} records", f"{key}={end}")
                return
            except (ArchiveLoadFailed, ValueError, OSError, zlib.error, AttributeError, TypeError) as exc:
                # warcio on damaged headers raises whatever its parsing trips over.
                what = "not a warc file" if count == 0 else f"corrupt warc after {count} records"
                yield ReadError(str(path), f"{what}: {one_line(exc, 100)}", f"{key}={end}")
                return
            if truncated:
                end = rec_off
                break
            count += 1
            end = rec_off + rec_len
            if bad_length and not truncated:
                # The next record did not start where Content-Length said: this one's body
                # is cut or overrun, so it is not trusted.
                item = ReadError(str(path), "warc record with wrong content-length", location)
            if item is not None:
                produced += 1
                yield item
        if whole and not truncated:
            # warcio treats EOFError as "no more records": ask the gzip stream itself.
            try:
                fh.read(1)
            except EOFError:
                truncated = True
            except (OSError, zlib.error) as exc:
                yield ReadError(str(path), f"corrupt gzip stream after {count} records: {one_line(exc, 80)}")
                return
    if whole and truncated:
        yield ReadError(str(path), f"truncated warc after {count} records", f"{key}={end}")
        return
    if not whole and not _tail_is_clean(path, end, size):
        yield ReadError(
            str(path), f"truncated warc after {count} records", f"offset={_skip_blank(path, end)}"
        )
    elif count == 0:
        yield ReadError(str(path), "no warc records", None)
    elif produced == 0:
        # Not damage, but a run summary should say why a whole file gave nothing.
        yield ReadError(str(path), f"no html or text responses among {count} warc records", None)


def _convert(
    record: Any, path: Path, location: str, limit: int, config: ReaderConfig
) -> RawRecord | ReadError | None:
    """The news item in one WARC record, an error for a damaged one, None for crawl noise."""
    rtype = record.rec_type
    if not rtype:
        return ReadError(str(path), "corrupt warc record: no WARC-Type header", location)
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
        coding = record.http_headers.get_header("Content-Encoding") if record.http_headers else None
        if coding and record.length:
            # warcio gives nothing, not an error, for a body its declared coding cannot undo,
            # as for an empty one
            return ReadError(
                str(path),
                f"empty or undecodable http body (Content-Encoding: {one_line(coding, 40)})",
                location,
            )
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

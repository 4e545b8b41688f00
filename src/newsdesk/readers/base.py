"""What every reader shares: configuration, one-line failure reasons, guarded file access.

Readers turn each bad item into a :class:`~newsdesk.model.ReadError` instead of raising,
so one corrupt file never stops a run.  Internally they raise :class:`ReaderFailure` with a
short, lowercase, specific reason and the dispatcher converts it.
"""

from __future__ import annotations

import errno
import functools
import gzip
import io
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast
from urllib.parse import urlsplit

from newsdesk.readers.decode import DecodeError, decode_detailed, sniff_html_charset

GZIP_MAGIC = b"\x1f\x8b"
MB = 1024 * 1024


@dataclass(slots=True)
class ReaderConfig:
    """Limits and walking policy for :func:`newsdesk.readers.iter_records`."""

    #: Largest single item (a text/HTML file, a WARC record, a JSONL line, a decompressed
    #: .gz member) accepted; larger ones become "too large" errors without being loaded.
    max_item_bytes: int = 20 * MB
    #: Feeds are parsed whole by feedparser, so the whole file is bounded separately.
    max_feed_bytes: int = 64 * MB
    #: Follow symbolic links (cycles in linked directories are detected and skipped).
    follow_symlinks: bool = True
    #: Skip files and directories whose name starts with a dot while walking directories.
    skip_hidden: bool = True
    #: Decode text/HTML files in the reader so binary or undecodable files are reported at
    #: read time (content stays bytes; the decision is kept in ``RawRecord.meta``).
    validate_encoding: bool = True
    #: Bytes read from the start of a file for format sniffing.
    sniff_bytes: int = 64 * 1024
    #: While walking a directory, files with these suffixes are documentation, code or
    #: manifests that sit beside a corpus (README.md, MANIFEST.json, build scripts), not
    #: news: they are passed over.  A file named explicitly is always read, and any other
    #: unknown file (a stray .bin or .png) is read and reported if it is not news.
    walk_skip_suffixes: tuple[str, ...] = (
        ".md",
        ".rst",
        ".py",
        ".pyc",
        ".json",
        ".toml",
        ".yaml",
        ".yml",
        ".cfg",
        ".ini",
        ".lock",
        ".css",
        ".js",
        ".sh",
    )
    #: Real paths of files a directory walk passes over: the store being written, with its
    #: journal files (``newsdesk ingest .`` beside the default ``./newsdesk.db`` read the
    #: database, its WAL and its shared-memory file as inputs, three errors a run, and a new
    #: one on the next run as the WAL changed).
    walk_skip_files: frozenset[str] = frozenset()
    #: When an item has no outlet of its own (no URL, none declared), use the name of the
    #: directory holding the file if it looks like a domain ("harbourgazette.example"):
    #: crawls are commonly laid out one directory per site.
    outlet_from_directory: bool = True


class ReaderFailure(Exception):
    """An item that cannot be read; ``reason`` is one short line for the run summary."""

    def __init__(self, reason: str, location: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.location = location


def one_line(text: object, limit: int = 160) -> str:
    """Collapse any message (exceptions from parsers can span lines) to one short line."""
    s = re.sub(r"\s+", " ", str(text)).strip()
    return s if len(s) <= limit else s[: limit - 1] + "…"


def os_error_reason(exc: OSError) -> str:
    """A short reason for an OS-level failure to open or read a file."""
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if code == errno.ENOENT:
        return "no such file"
    if code == errno.ELOOP:
        return "symlink loop"
    if code == errno.EISDIR:
        return "is a directory"
    return f"os error: {one_line((exc.strerror or str(exc)).lower())}"


def too_large(size: int, limit: int) -> ReaderFailure:
    return ReaderFailure(f"too large: {size} bytes > limit {limit}")


def is_gzip(path: Path) -> bool:
    """Whether the file starts with the gzip magic (extensions lie; bytes do not)."""
    with path.open("rb") as fh:
        return fh.read(2) == GZIP_MAGIC


def open_binary(path: Path) -> IO[bytes]:
    """The file's bytes, transparently decompressed when it is gzip (by magic, not name)."""
    fh = path.open("rb")
    if fh.read(2) == GZIP_MAGIC:
        fh.seek(0)
        return cast(IO[bytes], gzip.GzipFile(fileobj=fh, mode="rb"))
    fh.seek(0)
    return fh


def gzip_error_reason(exc: BaseException, items: int | None = None, unit: str = "records") -> str:
    """Reason for a failure inside a gzip stream; says how many items came out before it."""
    after = f" after {items} {unit}" if items is not None else ""
    if isinstance(exc, EOFError):
        return f"truncated gzip stream{after}"
    return f"corrupt gzip stream{after}: {one_line(exc)}"


GZIP_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error)


def read_limited(path: Path, limit: int) -> bytes:
    """Read a whole single-item file, refusing (without loading) anything over ``limit``.

    The on-disk size comes from ``stat``; a gzip file is decompressed in bounded steps so a
    small archive that inflates past the limit is refused too.
    """
    size = path.stat().st_size
    if size == 0:
        raise ReaderFailure("empty file")
    with path.open("rb") as raw:
        magic = raw.read(2)
        raw.seek(0)
        if magic != GZIP_MAGIC:
            if size > limit:
                raise too_large(size, limit)
            data = raw.read()
        else:
            gz = gzip.GzipFile(fileobj=raw, mode="rb")
            buf = io.BytesIO()
            try:
                while chunk := gz.read(MB):
                    buf.write(chunk)
                    if buf.tell() > limit:
                        raise ReaderFailure(
                            f"too large: more than {limit} bytes decompressed > limit {limit}"
                        )
            except GZIP_ERRORS as exc:
                raise ReaderFailure(gzip_error_reason(exc)) from None
            data = buf.getvalue()
    if not data:
        raise ReaderFailure("empty file" if magic != GZIP_MAGIC else "empty file (after decompression)")
    return data


def outlet_from_url(url: str | None) -> str | None:
    """The URL's registered domain without "www." (bbc.co.uk for www.bbc.co.uk/news)."""
    if not url:
        return None
    try:
        host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    return _registered_domain(host) if host else None


@functools.lru_cache(maxsize=65536)
def _registered_domain(host: str) -> str:
    """Cached: a crawl has few hosts and many pages, and the suffix lookup is the slow part."""
    try:
        from tld import get_fld

        fld = get_fld(f"http://{host}", fail_silently=True)
    except Exception:  # tld raises on odd hosts (IPs, intranet names): fall back to the host
        fld = None
    name = fld or host
    return name[4:] if name.startswith("www.") else name


def check_text(data: bytes, *, html: bool, declared: str | None = None) -> dict[str, object]:
    """Decode once to prove the bytes are text; return what the cleaner may want to know.

    Raises :class:`ReaderFailure` with the decoder's one-line reason for binary or
    undecodable content.  The returned dict goes into ``RawRecord.meta``.
    """
    if declared is None and html:
        declared = sniff_html_charset(data)
    try:
        decoded = decode_detailed(data, declared)
    except DecodeError as exc:
        raise ReaderFailure(exc.reason) from None
    meta: dict[str, object] = {"decoded_encoding": decoded.encoding, "decoded_by": decoded.source}
    if decoded.repaired_lines:
        meta["encoding_repair"] = {
            "method": "utf-8 with invalid bytes read as cp1252",
            "bytes": decoded.repaired_bytes,
            "lines": decoded.repaired_lines[:100],
        }
    if not decoded.text.strip():
        raise ReaderFailure("empty file (whitespace only)")
    return meta

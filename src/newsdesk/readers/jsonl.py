"""JSON Lines (``.jsonl``, ``.jsonl.gz``, ``.ndjson``): one object per line, one record each.

Expected keys: ``url``, ``html`` or ``text``, and optionally ``outlet``, ``published``,
``title``, ``encoding``; any other key is kept in ``RawRecord.meta``.  The file is read
line by line in bounded steps: a line longer than ``max_item_bytes`` is skipped (its length
is counted, not loaded) and reported, and a bad line never stops the rest of the file.
Locations are 1-based line numbers (``line=17``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from newsdesk.model import RawRecord, ReadError
from newsdesk.readers.base import (
    GZIP_ERRORS,
    MB,
    ReaderConfig,
    ReaderFailure,
    gzip_error_reason,
    one_line,
    open_binary,
    outlet_from_url,
)

_KNOWN = {"url", "html", "text", "outlet", "published", "title", "encoding"}


def _skip_rest_of_line(fh: IO[bytes], already: int) -> int:
    """Consume the remainder of an over-long line in bounded chunks; return its full length."""
    total = already
    while True:
        chunk = fh.readline(MB)
        total += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return total


def _opt_str(obj: dict[str, Any], key: str) -> str | None:
    """A field as text: a number as written ("published": 1700000000), a span object as its
    text (newsdesk's own output, ``"title": {"text": ..., "start": ..., "end": ...}``, read
    back in), other objects and lists as nothing (they were turned into their Python repr,
    "{'text': ...}", and that became the article's title)."""
    value = obj.get(key)
    if isinstance(value, dict):
        value = value.get("text")
    if value is None or value == "" or isinstance(value, dict | list):
        return None
    return value if isinstance(value, str) else str(value)


def record_from_object(obj: Any, path: Path, location: str) -> RawRecord:
    """Build a record from one parsed line; raise ReaderFailure for unusable objects."""
    if not isinstance(obj, dict):
        raise ReaderFailure(f"line is json {type(obj).__name__}, not an object", location)
    kind = "html" if isinstance(obj.get("html"), str) and obj["html"].strip() else None
    if kind is None and isinstance(obj.get("text"), str) and obj["text"].strip():
        kind = "text"
    if kind is None:
        if "html" in obj or "text" in obj:
            raise ReaderFailure("empty or non-string html/text field", location)
        raise ReaderFailure("object has neither html nor text", location)
    url = _opt_str(obj, "url")
    meta = {k: v for k, v in obj.items() if k not in _KNOWN}
    if kind == "html" and isinstance(obj.get("text"), str):
        meta["text"] = obj["text"]  # both given: html is the richer source, keep the other
    return RawRecord(
        source_path=str(path),
        content=obj[kind],
        input_format="jsonl",
        content_type=kind,
        location=location,
        url=url,
        outlet=_opt_str(obj, "outlet") or outlet_from_url(url),
        published=_opt_str(obj, "published"),
        title=_opt_str(obj, "title"),
        encoding=_opt_str(obj, "encoding"),
        meta=meta,
    )


#: lines of a file that must all fail to parse, with no JSON line before them, for it to be
#: reported once as no JSON Lines: a text page named ".jsonl" gave an error for every line
#: of it (130 for one page), where the file is the bad item
NOT_JSONL_LINES = 20
_NOT_JSONL = (
    f"not JSON Lines: none of the first {NOT_JSONL_LINES} lines is JSON"
    " (--input-format text or html reads it as a page)"
)


def _flushed(held: list[ReadError]) -> Iterator[ReadError]:
    """The held errors, in order, and the list emptied."""
    yield from held
    held.clear()


def read_jsonl(path: Path, config: ReaderConfig) -> Iterator[RawRecord | ReadError]:
    if path.stat().st_size == 0:
        raise ReaderFailure("empty file")
    limit = config.max_item_bytes
    records = 0
    errors = 0
    lineno = 0
    # the invalid lines before the first JSON one, held until a JSON line or the cut decides
    leading: list[ReadError] = []
    with open_binary(path) as fh:
        while True:
            try:
                line = fh.readline(limit + 1)
                if not line:
                    break
                lineno += 1
                location = f"line={lineno}"
                if len(line) > limit and not line.endswith(b"\n"):
                    size = _skip_rest_of_line(fh, len(line))
                    errors += 1
                    yield from _flushed(leading)
                    yield ReadError(str(path), f"too large: {size} bytes > limit {limit}", location)
                    continue
            except GZIP_ERRORS as exc:
                yield from _flushed(leading)
                yield ReadError(str(path), gzip_error_reason(exc, records), f"line={lineno + 1}")
                return
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except (ValueError, RecursionError) as exc:  # JSONDecodeError, UnicodeDecodeError, nesting
                errors += 1
                bad = ReadError(str(path), f"invalid json: {one_line(exc, 100)}", location)
                if records:
                    yield bad
                elif len(leading) < NOT_JSONL_LINES - 1:
                    leading.append(bad)
                else:  # no line so far was JSON: the file is no JSON Lines, one error says so
                    yield ReadError(str(path), _NOT_JSONL, None)
                    return
                continue
            yield from _flushed(leading)
            try:
                record = record_from_object(obj, path, location)
            except ReaderFailure as exc:
                errors += 1
                yield ReadError(str(path), exc.reason, location)
                continue
            records += 1
            yield record
    yield from _flushed(leading)
    if records == 0 and errors == 0:
        yield ReadError(str(path), "no records (only blank lines)", None)

"""RSS/Atom feeds via feedparser: each entry becomes one HTML record (a text record when
its body holds no markup).

The entry's full content (``content:encoded`` / Atom ``content``) is preferred over its
summary; link, title and publication date come from the entry, the outlet from the feed's
own link (falling back to the entry link).  feedparser needs the whole document, so the
file is bounded by ``ReaderConfig.max_feed_bytes``.  A feed feedparser flags as malformed
("bozo") still yields its entries when it recovered any; with none it is one error.
Locations are 1-based entry numbers (``entry=3``).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsdesk.model import RawRecord, ReadError
from newsdesk.readers.base import ReaderConfig, ReaderFailure, one_line, outlet_from_url, read_limited

_TEXT_TYPES = {"text/plain", "text"}


def _iso(parsed: Any) -> str | None:
    """feedparser's UTC struct_time as ISO 8601, or None."""
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).isoformat().replace("+00:00", "Z")
    except (OverflowError, ValueError, TypeError):
        return None


#: a tag or a comment: what makes a body HTML rather than text
_MARKUP = re.compile(r"<[A-Za-z!/]")


def _kind(value: str, declared_type: str) -> str:
    """ "text" for a plain-text body, else "html".  RSS declares every description HTML, and
    many are plain sentences; the HTML parser finds no document in those and the item was
    lost (a feed of 20,000 plain descriptions gave 20,000 errors)."""
    if declared_type.lower() in _TEXT_TYPES or not _MARKUP.search(value):
        return "text"
    return "html"


def _entry_content(entry: Any) -> tuple[str, str] | None:
    """(content, "html"|"text") of the entry's richest body, or None if it has none."""
    candidates: list[tuple[str, str]] = []
    for c in entry.get("content") or []:
        value = c.get("value") or ""
        if value.strip():
            candidates.append((value, _kind(value, c.get("type") or "")))
    if candidates:
        return max(candidates, key=lambda vk: len(vk[0]))
    detail = entry.get("summary_detail") or {}
    summary = entry.get("summary") or ""
    if summary.strip():
        return summary, _kind(summary, detail.get("type") or "")
    return None


#: a numeric character reference ("&#55296;", "&#xD800;")
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


def _surrogate_refs_replaced(data: bytes) -> bytes:
    """``data`` with each character reference to a surrogate as one to U+FFFD.

    No such character exists; feedparser's lenient parser turned the reference into a lone
    surrogate and then failed to encode it, so one "&#55296;" in an entry lost the whole
    feed ("feed did not parse: UnicodeEncodeError")."""

    def fix(m: re.Match[bytes]) -> bytes:
        code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
        return b"&#xFFFD;" if 0xD800 <= code <= 0xDFFF else m.group(0)

    return _CHAR_REF.sub(fix, data) if b"&#" in data else data


def read_feed(path: Path, config: ReaderConfig) -> Iterator[RawRecord | ReadError]:
    import feedparser

    data = _surrogate_refs_replaced(read_limited(path, config.max_feed_bytes))
    # Bytes, never a str: feedparser treats strings as URLs or paths and would fetch them.
    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # feedparser trips over some damaged prologs instead of flagging them
        raise ReaderFailure(f"feed did not parse: {type(exc).__name__}: {one_line(exc, 80)}") from None
    entries = parsed.get("entries") or []
    bozo = parsed.get("bozo")
    if not entries:
        if bozo:
            bozo_exc = parsed.get("bozo_exception")
            raise ReaderFailure(
                f"feed did not parse: {one_line(bozo_exc, 100) if bozo_exc else 'malformed xml'}"
            )
        if not parsed.get("version"):
            raise ReaderFailure("not a feed (no rss/atom root)")
        raise ReaderFailure("feed has no entries")
    feed_info = parsed.get("feed") or {}
    feed_link = feed_info.get("link")
    feed_outlet = outlet_from_url(feed_link)
    encoding = parsed.get("encoding") or None
    for i, entry in enumerate(entries, start=1):
        location = f"entry={i}"
        body = _entry_content(entry)
        if body is None:
            yield ReadError(str(path), "feed entry has no content or summary", location)
            continue
        content, kind = body
        link = entry.get("link") or None
        published = _iso(entry.get("published_parsed")) or _iso(entry.get("updated_parsed"))
        meta: dict[str, Any] = {"feed_version": parsed.get("version") or None}
        if published is None and (entry.get("published") or entry.get("updated")):
            published = entry.get("published") or entry.get("updated")  # unparsed, keep as given
        if entry.get("id"):
            meta["entry_id"] = entry["id"]
        if entry.get("author"):
            meta["author"] = entry["author"]
        if feed_info.get("title"):
            meta["feed_title"] = feed_info["title"]
        if bozo:
            meta["feed_bozo"] = one_line(parsed.get("bozo_exception") or "malformed", 100)
        yield RawRecord(
            source_path=str(path),
            content=content,
            input_format="feed",
            content_type=kind,
            location=location,
            url=link,
            outlet=feed_outlet or outlet_from_url(link),
            published=published,
            title=entry.get("title") or None,
            encoding=encoding,
            meta=meta,
        )

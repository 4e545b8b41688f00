"""From a reader's :class:`RawRecord` to an :class:`Article`: decode, dispatch, provenance."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from newsdesk.clean.config import CleanConfig, FieldHints
from newsdesk.clean.core import clean_text
from newsdesk.clean.sites import host_of
from newsdesk.clean.templates import TemplateIndex
from newsdesk.model import Article, RawRecord, without_lone_surrogates

#: the cleaner's source for a date read from a kept line of the text near the headline or
#: byline: on an HTML page, a line of the article (on the tune half of trafilatura-eval,
#: htmldate's extensive search held the gold date on 3 such pages, the line on 1)
_BODY_LINE_DATE = "text:body-line"


class CleanError(ValueError):
    """A record that cannot become an article; ``reason`` is one line for the error table."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _decode(data: bytes, declared: str | None) -> str:
    """The readers' decoder (BOM, declared charset, strict UTF-8, confident guess)."""
    from newsdesk.readers.decode import DecodeError, decode_bytes

    try:
        return decode_bytes(data, declared)
    except DecodeError as exc:
        raise CleanError(exc.reason) from None


def _without_lone_surrogates(record: RawRecord) -> RawRecord:
    """The record with each lone surrogate in its text fields replaced by U+FFFD
    (:func:`newsdesk.model.without_lone_surrogates`): such a JSONL line stopped ``newsdesk
    ingest`` and ``newsdesk clean`` as a whole.  The id stays the hash of the content as
    read, so a second run still finds the article stored."""
    fixed: dict[str, Any] = {}
    # the readers give the other formats' content as bytes, which decoding turns into valid
    # text; the check of a whole page costs some 0.1 ms (a fraction of a per cent of the
    # HTML path), so it is spent only where a container's escapes can name a surrogate
    names = ("content", "title", "url", "outlet", "published")
    for name in names if record.input_format in ("jsonl", "feed") else names[1:]:
        value = getattr(record, name)
        if isinstance(value, str) and (clean := without_lone_surrogates(value)) is not value:
            fixed[name] = clean
    return replace(record, **fixed) if fixed else record


#: a date the input declares at reduced precision: a year, or a year and month
_YEAR_OR_MONTH = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2]))?")
#: ISO 8601's extended form, which the store's date filters compare as text
_EXTENDED_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
#: a Unix time in seconds (9-10 digits: 1973-2286) or milliseconds (12-13)
_UNIX_TIME = re.compile(r"\d{9,10}|\d{12,13}")


def iso_date(value: str) -> str | None:
    """A declared publication date as ISO 8601 (``Article.published``'s form), or None.

    JSONL lines and feeds declare dates as they please ("12 March 2024", "Tue, 12 Mar 2024
    10:00:00 GMT", 1710201600), and they were stored as given, so a ``--since`` filter,
    which compares ISO strings, kept or dropped them at random.  Read here: ISO 8601 as it
    is, a year or a year and month as they are, Unix times (seconds or milliseconds) as UTC,
    RFC 2822, then dateparser's absolute formats with day, month and year.  A relative date
    ("yesterday") has nothing to be relative to, so it is None, as is anything unreadable;
    the value as given stays in ``meta["declared"]``."""
    text = value.strip()
    if not text:
        return None
    if _YEAR_OR_MONTH.fullmatch(text):
        return text
    if _UNIX_TIME.fullmatch(text):
        seconds = int(text) / (1000 if len(text) > 10 else 1)
        return datetime.fromtimestamp(seconds, UTC).isoformat().replace("+00:00", "Z")
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    else:
        if _EXTENDED_ISO.match(text):
            return text  # as declared: "2024-03-12T10:00:00Z" stays as the reader gave it
        return dt.date().isoformat() if len(text) <= 10 else dt.isoformat()
    try:
        dt = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    else:
        return dt.isoformat()
    numeric = _NUMERIC_DATE.fullmatch(text)
    if numeric is not None:
        return _numeric_date(numeric)
    try:
        import dateparser

        settings: dict[str, Any] = {"PARSERS": ["custom-formats", "absolute-time"]}
        dt = dateparser.parse(text[:100], settings={**settings, "REQUIRE_PARTS": ["day", "month", "year"]})
        if dt is None:  # "March 2024": the month, without a day dateparser would invent
            month = dateparser.parse(text[:100], settings={**settings, "REQUIRE_PARTS": ["month", "year"]})
            return None if month is None else f"{month.year:04d}-{month.month:02d}"
    except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd input
        return None
    if dt.hour == dt.minute == dt.second == 0 and dt.tzinfo is None:
        return dt.date().isoformat()
    return dt.isoformat()


#: a numeric day, month and year ("12.03.2024", "3/12/2024")
_NUMERIC_DATE = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4})")


def _numeric_date(m: re.Match[str]) -> str | None:
    """Day first with dots, as every language that writes them does; with slashes or
    hyphens, whichever order the numbers allow, and None when both would do ("3/12/2024"
    is March in the US and December in Britain)."""
    a, sep, b, year = int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4))
    if sep == "." or a > 12:
        day, month = a, b
    elif b > 12:
        day, month = b, a
    else:
        return None
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return None


def _outlet(record: RawRecord) -> str | None:
    if record.outlet:
        return record.outlet
    host = host_of(record.url) or ""
    return host.removeprefix("www.") or None


def _with_declared_title(raw: str, title: str | None) -> str:
    """Put a title the container declared (JSONL, feed, WARC metadata) on the first line.

    Spans must point into ``raw``; a title given beside the text rather than in it would
    otherwise be lost or have no span.  If the text already carries it as a line, the text
    is left as it is.
    """
    if not title or not title.strip():
        return raw
    wanted = " ".join(title.split())
    for line in raw[:20000].splitlines()[:40]:
        if " ".join(line.split()) == wanted:
            return raw
    return f"{wanted}\n\n{raw}"


def clean_record(
    record: RawRecord, config: CleanConfig | None = None, templates: TemplateIndex | None = None
) -> Article:
    """Clean one record; raises :class:`CleanError` for binary or undecodable content.

    HTML goes through :func:`newsdesk.clean.html.extract_html` first and the line cleaner
    then runs over the extraction's text with its metadata as hints, so nags and doubled
    captions that survive extraction are removed as well.  The record's declared date wins
    over anything found in the page.
    """
    record_id = record.id  # a hash of the whole content as read: computed once
    record = _without_lone_surrogates(record)
    content = record.content
    text = content if isinstance(content, str) else _decode(content, record.encoding)
    if "\x00" in text and text.count("\x00") > max(1, len(text) // 100):
        raise CleanError("binary content (NUL characters in decoded text)")
    outlet = _outlet(record)
    declared_date = iso_date(record.published) if record.published else None
    if record.content_type == "html":
        from newsdesk.clean.html import extract_html

        ex = extract_html(text, url=record.url)
        if ex.empty:
            raise CleanError(f"no main text extracted from HTML ({ex.meta.get('reason', 'empty page')})")
        hints = FieldHints(
            title=ex.title or record.title,
            deck=ex.deck,
            byline=ex.byline,
            published=ex.published,
            published_source=ex.published_source,
            lang=ex.lang,
            url=record.url,
            outlet=outlet or ex.sitename,
            captions=list(ex.captions),
            extracted=True,
        )
        art = clean_text(
            _with_declared_title(ex.raw, hints.title),
            article_id=record_id,
            outlet=outlet,
            hints=hints,
            config=config,
            templates=templates,
        )
        if (
            (art.published is None or art.published_source == _BODY_LINE_DATE)
            and ex.meta.get("date_search") == "deferred"
            and declared_date is None
        ):
            # neither htmldate's quick search nor the cleaner found a date, or only one printed
            # in the article's text near its top (which may be an event's): search the page
            from newsdesk.clean.html import extensive_date

            found, source = extensive_date(ex.page_tree if ex.page_tree is not None else text)
            if found is not None or art.published is None:
                art.published, art.published_source = found, source
                art.published_from = None
        art.meta.update({k: v for k, v in ex.meta.items() if k not in ("reason", "date_search")})
        if ex.sitename:
            art.meta.setdefault("sitename", ex.sitename)
    else:
        hints = FieldHints(title=record.title, url=record.url, outlet=outlet)
        art = clean_text(
            _with_declared_title(text, record.title),
            article_id=record_id,
            outlet=outlet,
            hints=hints,
            config=config,
            templates=templates,
        )
    art.id = record_id
    art.source_path = record.source_path
    art.url = record.url
    art.outlet = outlet
    art.input_format = record.input_format
    if declared_date is not None:
        art.published = declared_date
        art.published_source = "input"
        art.published_from = None  # declared beside the text, not read from a line of it
    art.meta["location"] = record.location
    # what the input declared beside the content: with the stored source (or, for plain
    # text, ``raw``) it is all ``newsdesk reclean`` needs to clean the item again
    art.meta["declared"] = declared_fields(record)
    art.meta["line_model"] = (config or CleanConfig()).line_model
    return art


def declared_fields(record: RawRecord) -> dict[str, str]:
    """The record's own fields that cleaning reads, beside its content (none empty)."""
    found = {
        "content_type": record.content_type,
        "title": record.title,
        "published": record.published,
        "outlet": record.outlet,
        "encoding": record.encoding,
    }
    return {k: v for k, v in found.items() if v}

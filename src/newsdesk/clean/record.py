"""From a reader's :class:`RawRecord` to an :class:`Article`: decode, dispatch, provenance."""

from __future__ import annotations

from dataclasses import replace
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
            and not record.published
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
    if record.published:
        art.published = record.published
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

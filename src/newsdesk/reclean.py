"""Clean stored articles again with this newsdesk, from what the store kept of each input.

Why: ``newsdesk ingest`` skips every item whose content is already stored (that is what
makes a re-run cheap and idempotent), so an article keeps the cleaning of the newsdesk that
first stored it. When the cleaner improves (session 23 added the names inside a byline), a
corpus stored before stays as it was. The store keeps what cleaning needs: the page itself
for HTML (the ``sources`` table), the text for plain text (``Article.raw``), and what the
input declared beside it (``Article.meta["declared"]``: title, date, outlet, encoding).
So the inputs are not needed again, and an article is rewritten only where the new
cleaning differs.

Ids do not change (an id is the hash of the input, not of the cleaning), nor do sightings
or sources. Where a rewrite changed what the claims stage reads (title, deck, paragraphs,
language, date), the article's claims are extracted again; where it changed what the
duplicate index reads (text, title, outlet, date), the index drops the article in the same
transaction and is rebuilt once at the end (its groups are a function of the stored texts,
whatever the order). A rewrite that only adds the names of a byline touches neither. A run stopped half-way is finished by
the next one; a second run over an up-to-date store changes nothing.
"""

from __future__ import annotations

import importlib.util
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from newsdesk.ingest import (
    IngestConfig,
    clean_or_pass_error,
    cleaning_executor,
    init_clean_worker,
    learn_templates,
    lost_in_cleaning,
    worker_warm_up,
)
from newsdesk.model import Annotation, Article, RawRecord, ReadError
from newsdesk.pipeline import error_reason
from newsdesk.store import Store

ProgressFn = Callable[[str, int], None]

#: Article fields compared to tell what a new cleaning changed (``text`` is the body)
COMPARED_FIELDS = (
    "lang",
    "title",
    "deck",
    "byline",
    "authors",
    "dateline",
    "published",
    "published_source",
    "published_from",
    "text",
    "paragraphs",
    "captions",
    "removed",
    "outlet",
    "url",
    "meta",
)

#: what the claims stage reads of an article (``raw`` aside, which a reclean never changes):
#: where none of these changed, the stored claims still hold
CLAIMS_INPUTS = frozenset({"title", "deck", "paragraphs", "lang", "published"})
#: what the duplicate index reads: where none changed, the article keeps its place in it
DEDUP_INPUTS = frozenset({"text", "paragraphs", "title", "outlet", "published"})


@dataclass(slots=True)
class RecleanSummary:
    checked: int = 0
    changed: int = 0
    unchanged: int = 0
    #: stored without what cleaning needs (an HTML page ingested with sources not kept)
    no_source: int = 0
    errors: int = 0
    #: field -> articles whose field changed
    fields: dict[str, int] = field(default_factory=dict)
    claims: int = 0
    #: rewritten articles whose text, title, outlet or date changed (their duplicate
    #: groups may have)
    moved: int = 0
    dedup_rebuilt: int | None = None
    notes: list[str] = field(default_factory=list)
    error_samples: list[ReadError] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "checked": self.checked,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "no_source": self.no_source,
            "errors": self.errors,
            "fields": dict(sorted(self.fields.items())),
            "claims": self.claims,
            "moved": self.moved,
            "dedup_rebuilt": self.dedup_rebuilt,
            "notes": list(self.notes),
        }


def stored_record(
    article: Article, source: bytes | None, *, own_line_model: bool = False
) -> RawRecord | None:
    """The input item as the store kept it, or None when it cannot be cleaned again.

    An article stored before ``meta["declared"]`` existed is taken as its stored fields
    say: HTML when a page is kept for it, the date as declared when the article says it
    came from the input, and, for a text from a container that declares titles, the title
    on its first line (an HTML page's title is found in the page again).

    ``own_line_model``: clean it with the line model recorded in ``meta["line_model"]``
    (the one that first cleaned it), where the caller's options would name another.
    """
    declared: dict[str, str] = dict(article.meta.get("declared") or {})
    content_type = declared.get("content_type") or ("html" if source is not None else "text")
    content: bytes | str
    if content_type == "html":
        if source is None:
            return None
        content = source
    else:
        # the text as it was cleaned: a declared title already stands on its first line,
        # where clean_record finds it and adds nothing
        content = article.raw
    published, title = declared.get("published"), declared.get("title")
    if "declared" not in article.meta:
        if article.published_source == "input":
            published = article.published
        if (
            content_type == "text"
            and article.input_format != "text"
            and article.title
            and article.title.start == 0
        ):
            # a container's title (JSONL, feed, WARC) was put on the text's first line
            title = article.title.text
    meta: dict[str, Any] = {}
    if own_line_model and isinstance(article.meta.get("line_model"), str):
        meta["clean_options"] = {"line_model": article.meta["line_model"]}
    return RawRecord(
        meta=meta,
        source_path=article.source_path or "",
        content=content,
        input_format=article.input_format,
        content_type=content_type,
        location=article.meta.get("location"),
        url=article.url,
        outlet=declared.get("outlet", article.outlet if "declared" not in article.meta else None),
        published=published,
        title=title,
        encoding=declared.get("encoding"),
    )


def changed_fields(old: Article, new: Article) -> list[str]:
    """The :data:`COMPARED_FIELDS` whose values differ, in that order."""
    a, b = old.to_dict(), new.to_dict()
    return [f for f in COMPARED_FIELDS if a.get(f) != b.get(f)]


def reclean(
    store: Store,
    config: IngestConfig | None = None,
    *,
    dry_run: bool = False,
    own_line_model: bool = True,
    outlet: str | None = None,
    progress: ProgressFn | None = None,
) -> RecleanSummary:
    """Clean every stored article again and rewrite those whose cleaning changed.

    ``config``: the cleaning options (``clean_options``, e.g. the line model), workers,
    time and memory limits, templates and stages, as for :func:`newsdesk.ingest.ingest`.
    ``dry_run``: count what would change, write nothing.  ``own_line_model``: each article
    is cleaned with the line model that first cleaned it, when recorded (an article cleaned
    with the slow ``news-encoder`` is not rewritten by the default); False: with
    ``config.clean_options``'s for all.  ``outlet``: only that outlet's articles (after a
    change that concerns one site).  An article that fails to clean
    now keeps its stored version and is reported (and recorded under stage ``reclean``).
    """
    config = config or IngestConfig()
    summary = RecleanSummary()
    tick = progress or (lambda _kind, _n: None)
    # the outlets' templates as the store learned them at ingest
    templates = learn_templates((), store) if config.learn_templates else None
    want_claims = "claims" in config.stages and importlib.util.find_spec("newsdesk.claims") is not None
    want_dedup = "dedup" in config.stages and store.has_table("dedup_docs")
    forget: list[Callable[[Any, str], None]] = []
    if store.has_table("dedup_docs"):
        from newsdesk.dedup.index import forget as dedup_forget

        forget.append(dedup_forget)
    stale_before = want_dedup and _dedup_stale(store)

    stored: deque[Article] = deque()  # in the order the executor hands results back

    def records() -> Iterator[RawRecord]:
        for art in store.iter_articles(outlet=outlet):
            summary.checked += 1
            tick("checked", 1)
            rec = stored_record(art, store.get_source(art.id), own_line_model=own_line_model)
            if rec is None:
                summary.no_source += 1
                continue
            stored.append(art)
            yield rec

    executor = cleaning_executor(config)
    for result in executor.map(
        clean_or_pass_error,
        records(),
        initializer=init_clean_worker,
        initargs=(config.clean_options, templates, config.item_seconds),
        on_lost=lost_in_cleaning,
        prepare=worker_warm_up(config.clean_options),
    ):
        old = stored.popleft()
        if isinstance(result, ReadError):
            summary.errors += 1
            err = ReadError(result.source_path, result.reason, result.location, "reclean")
            if not dry_run:
                store.add_error(err)
            if len(summary.error_samples) < 50:
                summary.error_samples.append(err)
            tick("error", 1)
            continue
        new = result
        # the id names the input (a plain text's raw may carry a declared title), and where it
        # came from is the stored article's, not the record rebuilt from it
        new.id, new.source_path = old.id, old.source_path
        diff = changed_fields(old, new)
        if not diff:
            summary.unchanged += 1
            continue
        summary.changed += 1
        tick("changed", 1)
        for f in diff:
            summary.fields[f] = summary.fields.get(f, 0) + 1
        if dry_run:
            continue
        claims_stale = not CLAIMS_INPUTS.isdisjoint(diff)
        found: list[Annotation] = []
        if claims_stale and want_claims and store.has_annotation(old.id, "claims"):
            from newsdesk import claims

            try:
                found.append(Annotation(new.id, "claims", claims.extract_claims(new).to_dict()))
            except Exception as exc:  # noqa: BLE001 - one article's claims failing is its own
                # as ingest reports a stage that fails on one article: the article is kept
                failed = ReadError(
                    new.source_path or "",
                    f"claims failed: {error_reason(exc)}",
                    new.meta.get("location"),
                    "claims",
                )
                summary.errors += 1
                store.add_error(failed)
                if len(summary.error_samples) < 50:
                    summary.error_samples.append(failed)
        moved = not DEDUP_INPUTS.isdisjoint(diff)
        store.replace_article(
            new,
            annotations=found,
            drop=("claims",) if claims_stale else (),
            forget=forget if moved else (),
        )
        summary.claims += len(found)
        summary.moved += moved
    if dry_run:
        return summary
    if want_dedup:
        from newsdesk.dedup import DedupIndex

        index = DedupIndex(store)  # (rebuilt at once if built with other parameters)
        if index.rebuilt is not None:
            summary.dedup_rebuilt = index.rebuilt
        elif summary.moved or stale_before or _dedup_stale(store):
            summary.dedup_rebuilt = index.rebuild()
    elif summary.moved and forget:
        summary.notes.append("duplicate index not rebuilt (dedup stage off): run `newsdesk reclean` with it")
    return summary


def _dedup_stale(store: Store) -> bool:
    from newsdesk.dedup.index import is_stale

    return is_stale(store.conn)

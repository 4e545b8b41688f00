"""Read → clean → store (→ dedup → claims), streaming, resumable and idempotent.

The CLI's ``clean`` and ``ingest`` commands are thin wrappers over :func:`clean_paths` and
:func:`ingest`.  Two passes over the input: the first only counts which lines recur across
an outlet's pages (its template, see :mod:`newsdesk.clean`), the second cleans with that
knowledge.  Both passes stream; neither holds the corpus in memory.

Why skip by content id before cleaning: a re-run over the same input then costs one hash
per item and stores nothing new, and a run killed half-way resumes where it stopped.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsdesk.model import Annotation, Article, RawRecord, ReadError
from newsdesk.pipeline import (
    ExecutorConfig,
    ItemTimeout,
    LocalExecutor,
    error_reason,
    hard_deadline,
    lost_item_error,
    record_error,
    time_limit,
)
from newsdesk.store import Store

ProgressFn = Callable[[str, int], None]

#: Stages that can follow cleaning during ingest, in order.  Each is optional: a stage
#: whose module is not installed is skipped with a note in the summary.
POST_STAGES = ("dedup", "claims")


@dataclass(slots=True)
class IngestConfig:
    """Options for one run; grouped here so the CLI and library share one shape."""

    input_format: str = "auto"
    workers: int = 1
    learn_templates: bool = True
    keep_sources: bool = True
    stages: tuple[str, ...] = POST_STAGES
    clean_options: dict[str, Any] = field(default_factory=dict)
    #: wall-clock seconds one item may take to clean before it is reported as an error
    #: (None or 0: no limit); pages take milliseconds, a pathological one minutes
    item_seconds: float | None = 120.0
    #: clean in watched child processes even with one worker, so that a worker killed at the
    #: hard deadline or by a crash costs one item; False (and no time limit) cleans one
    #: worker's items in this process, as a caller that cannot fork may need
    isolate: bool = True
    #: MiB one worker may allocate for an item beyond what it holds once started (None or
    #: 0: no cap); a page that needs more is an error, and the machine keeps its memory
    item_memory_mb: int | None = 4096


@dataclass(slots=True)
class IngestSummary:
    read: int = 0
    stored: int = 0
    already_stored: int = 0
    errors: int = 0
    new_errors: int = 0
    error_samples: list[ReadError] = field(default_factory=list)
    stage_counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "stored": self.stored,
            "already_stored": self.already_stored,
            "errors": self.errors,
            "new_errors": self.new_errors,
            "stages": dict(self.stage_counts),
            "notes": list(self.notes),
        }


# -- worker side ------------------------------------------------------------------------
_WORKER: dict[str, Any] = {}


def init_clean_worker(
    clean_options: dict[str, Any],
    template_counts: Any,
    item_seconds: float | None = None,
    stages: tuple[str, ...] = (),
) -> None:
    """Set up a cleaning worker (``ingest`` and ``reclean`` share it, so both clean an item
    the same way: the same options, outlet templates and time limit)."""
    _WORKER["options"] = clean_options
    _WORKER["templates"] = template_counts
    _WORKER["seconds"] = item_seconds
    _WORKER["stages"] = stages


#: stages that read one article and nothing else, so they run in the worker beside its
#: cleaning (in parallel, and under the item's time limit); dedup needs the whole store's
#: index and stays in the parent
WORKER_STAGES = ("claims",)


@dataclass(slots=True)
class Cleaned:
    """A cleaned article with what the worker-side stages found about it."""

    article: Article
    annotations: list[Annotation] = field(default_factory=list)
    #: (stage, reason) of a worker-side stage that failed on this article
    failures: list[tuple[str, str]] = field(default_factory=list)


def _annotate(article: Article) -> Cleaned:
    """Run the worker-side stages on a fresh article; a stage's failure is per-item and the
    article is kept."""
    done = Cleaned(article)
    for name in _WORKER.get("stages", ()):
        try:
            with time_limit(_WORKER.get("seconds")):
                done.annotations.append(_run_worker_stage(name, article))
        except (Exception, ItemTimeout) as exc:  # noqa: BLE001 - one article's stage error is its own
            done.failures.append((name, error_reason(exc)))
    return done


def _run_worker_stage(name: str, article: Article) -> Annotation:
    if name == "claims":
        from newsdesk import claims

        return Annotation(article.id, "claims", claims.extract_claims(article).to_dict())
    raise ValueError(f"unknown worker stage {name!r}")


def _ingest_one(item: RawRecord | ReadError) -> Cleaned | ReadError:
    result = clean_or_pass_error(item)
    return result if isinstance(result, ReadError) else _annotate(result)


def _clean_one(record: RawRecord) -> Article | ReadError:
    """Clean one record in a worker; any failure becomes a per-item error."""
    from newsdesk import clean

    try:
        # (a record may carry its own options: ``newsdesk reclean`` cleans each stored
        # article with the line model that first cleaned it)
        config = clean.CleanConfig(**{**_WORKER.get("options", {}), **record.meta.get("clean_options", {})})
        with time_limit(_WORKER.get("seconds")):
            article = clean.clean_record(record, config, _WORKER.get("templates"))
        article.check_spans()
        return article
    except (Exception, ItemTimeout) as exc:  # noqa: BLE001 - one bad page must not end the run
        return record_error(record, "clean", exc)


# -- templates --------------------------------------------------------------------------
def _record_text(record: RawRecord) -> str | None:
    """Decoded text of a plain-text record for template counting; None when not applicable."""
    if record.content_type != "text":
        return None
    from newsdesk.readers import decode_record

    try:
        return decode_record(record)
    except Exception:  # noqa: BLE001 - undecodable records are reported in the cleaning pass
        return None


def learn_templates(records: Iterable[RawRecord | ReadError], store: Store | None = None) -> Any:
    """Count recurring lines per outlet; persist in ``store`` when given, and return a TemplateIndex."""
    from newsdesk import clean

    line_docs: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    outlet_docs: dict[str, int] = defaultdict(int)
    seen: set[str] = set()
    for rec in records:
        if isinstance(rec, ReadError) or not rec.outlet:
            continue
        text = _record_text(rec)
        if text is None:
            continue
        keys = clean.template_line_keys(text)
        if store is not None:
            store.observe_outlet_lines(rec.id, rec.outlet, keys)
        elif rec.id not in seen:
            seen.add(rec.id)
            outlet_docs[rec.outlet] += 1
            for k in set(keys):
                line_docs[rec.outlet][k] += 1
    if store is not None:
        outlet_docs = defaultdict(int, store.outlet_doc_counts())
        line_docs = defaultdict(dict)
        for outlet in outlet_docs:
            line_docs[outlet] = store.outlet_line_counts(outlet, min_docs=2)
    return clean.TemplateIndex(
        {o: {k: n for k, n in d.items() if n >= 2} for o, d in line_docs.items()}, dict(outlet_docs)
    )


# -- public API -------------------------------------------------------------------------
def iter_inputs(
    paths: Iterable[str | Path],
    input_format: str = "auto",
    store: Store | None = None,
    skip_db: Path | None = None,
) -> Iterator[RawRecord | ReadError]:
    """The input items; a directory walk passes over the files of ``store``'s database (or of
    ``skip_db``, a database no store is open on): they are newsdesk's output, not news."""
    from newsdesk.readers import ReaderConfig, iter_records

    db = store.path if store is not None else skip_db
    config = ReaderConfig(walk_skip_files=store_files(db)) if db is not None else None
    return iter_records([Path(p) for p in paths], input_format, config)


def store_files(db: Path) -> frozenset[str]:
    """Real paths of a SQLite database and the files SQLite keeps beside it."""
    real = os.path.realpath(db)
    return frozenset(real + end for end in ("", "-wal", "-shm", "-journal"))


def clean_paths(
    paths: list[str | Path], config: IngestConfig | None = None, skip_db: Path | None = None
) -> Iterator[Article | ReadError]:
    """Clean every input item without storing: articles and per-item errors, in input order.
    ``skip_db``: a database whose files a directory walk passes over (the default store's, so
    ``newsdesk clean .`` beside it does not report it as a bad input)."""
    config = config or IngestConfig()
    templates = (
        learn_templates(iter_inputs(paths, config.input_format, skip_db=skip_db))
        if config.learn_templates
        else None
    )
    records = iter_inputs(paths, config.input_format, skip_db=skip_db)
    yield from cleaning_executor(config).map(
        clean_or_pass_error,
        records,
        initializer=init_clean_worker,
        initargs=(config.clean_options, templates, config.item_seconds),
        on_lost=lost_in_cleaning,
        prepare=worker_warm_up(config.clean_options),
    )


def cleaning_executor(config: IngestConfig, phases: int = 1) -> LocalExecutor:
    """Items are cleaned in watched child processes (``IngestConfig.isolate``): a page stuck
    in C code past :func:`~newsdesk.pipeline.hard_deadline`, or one that kills its worker,
    is one error and the run goes on.  ``phases``: time-limited steps per item."""
    seconds = config.item_seconds * phases if config.item_seconds else None
    return LocalExecutor(
        ExecutorConfig(
            workers=config.workers,
            item_deadline=hard_deadline(seconds),
            isolate=config.isolate,
            item_memory_mb=config.item_memory_mb or None,
        )
    )


def lost_in_cleaning(item: RawRecord | ReadError, reason: str) -> ReadError:
    """The error that stands in for an item whose worker died or ran past its deadline."""
    return lost_item_error(item, "clean", reason)


#: a page that loads what cleaning needs: the language model, the line model, stoplists
_WARM_UP_TEXT = (
    "Harbour news\n\nDockers voted on Tuesday, 5 March 2024, to accept the offer, "
    "the union said in a statement.\n"
)


def worker_warm_up(clean_options: dict[str, Any], stages: tuple[str, ...] = ()) -> Callable[[], None]:
    """What a fresh worker runs before its first item: loading the models is not charged
    to that item's time limit."""

    def run() -> None:
        from newsdesk import clean

        # a bad configuration is reported per item by the workers
        with contextlib.suppress(Exception):
            article = clean.clean_text(_WARM_UP_TEXT, config=clean.CleanConfig(**clean_options))
            for name in stages:  # (the spaCy pipeline, for claims)
                _run_worker_stage(name, article)

    return run


def clean_or_pass_error(item: RawRecord | ReadError) -> Article | ReadError:
    """The worker's function: a reader's error goes through untouched, in its place in
    the stream, so the caller stores it in input order."""
    return item if isinstance(item, ReadError) else _clean_one(item)


def _load_stage(name: str, store: Store, notes: list[str]) -> Callable[[Article], Any] | None:
    """The per-article callable of a post-cleaning stage, or None when not installed (what
    opening it did to the store goes to ``notes``)."""
    if name == "dedup":
        try:
            dedup = importlib.import_module("newsdesk.dedup")
        except ModuleNotFoundError:
            return None
        index = dedup.DedupIndex(store)
        if index.rebuilt is not None:
            notes.append(f"duplicate index rebuilt for this version's parameters ({index.rebuilt} articles)")
        add: Callable[[Article], Any] = index.add
        return add
    raise ValueError(f"unknown stage {name!r}")


def ingest(
    paths: list[str | Path],
    store: Store,
    config: IngestConfig | None = None,
    progress: ProgressFn | None = None,
) -> IngestSummary:
    """Clean and store every input item; bad items are recorded, never fatal."""
    config = config or IngestConfig()
    summary = IngestSummary()
    tick = progress or (lambda _kind, _n: None)

    templates = (
        learn_templates(iter_inputs(paths, config.input_format, store), store)
        if config.learn_templates
        else None
    )
    # a stage's callable, or None for a stage the workers run beside cleaning
    stages: list[tuple[str, Callable[[Article], Any] | None]] = []
    for name in config.stages:
        if name in WORKER_STAGES:
            if importlib.util.find_spec(f"newsdesk.{name}") is None:
                summary.notes.append(f"stage {name} not available; skipped")
            else:
                stages.append((name, None))
            continue
        fn = _load_stage(name, store, summary.notes)
        if fn is None:
            summary.notes.append(f"stage {name} not available; skipped")
        else:
            stages.append((name, fn))
    in_worker = tuple(name for name, fn in stages if fn is None)

    def stage_failed(article: Article, name: str, reason: str) -> None:
        err = ReadError(article.source_path or "", f"{name} failed: {reason}", None, name)
        summary.errors += 1
        if store.add_error(err):
            summary.new_errors += 1

    def to_clean() -> Iterator[RawRecord | ReadError]:
        for item in iter_inputs(paths, config.input_format, store):
            summary.read += 1
            tick("read", 1)
            if isinstance(item, ReadError):
                yield item
            elif store.has_article(item.id):
                store.add_sighting(item.id, item.source_path, item.location, item.url)
                summary.already_stored += 1
                tick("already_stored", 1)
            else:
                yield item

    executor = cleaning_executor(config, phases=1 + len(in_worker))
    # keyed by where the item came from, which both an article and an error carry, so an
    # item that fails cleaning does not leave its source behind
    sources: dict[tuple[str, str | None], bytes | str] = {}

    def remember_source(stream: Iterable[RawRecord | ReadError]) -> Iterator[RawRecord | ReadError]:
        # Only raw HTML is worth keeping: for plain text, ``Article.raw`` is the source.
        for item in stream:
            if config.keep_sources and isinstance(item, RawRecord) and item.content_type == "html":
                sources[(item.source_path, item.location)] = item.content
            yield item

    for result in executor.map(
        _ingest_one,
        remember_source(to_clean()),
        initializer=init_clean_worker,
        initargs=(config.clean_options, templates, config.item_seconds, in_worker),
        on_lost=lost_in_cleaning,
        prepare=worker_warm_up(config.clean_options, in_worker),
    ):
        if isinstance(result, ReadError):
            sources.pop((result.source_path, result.location), None)
            summary.errors += 1
            if store.add_error(result):
                summary.new_errors += 1
            if len(summary.error_samples) < 50:
                summary.error_samples.append(result)
            tick("error", 1)
            continue
        article = result.article
        source = sources.pop((article.source_path or "", article.meta.get("location")), None)
        if store.add_article(article, source=source, location=article.meta.get("location")):
            summary.stored += 1
            tick("stored", 1)
            found = {a.kind: a for a in result.annotations}
            failed = dict(result.failures)
            for name, fn in stages:
                try:
                    if fn is not None:
                        fn(article)
                    elif name in found:
                        store.put_annotation(found[name])
                    else:
                        stage_failed(article, name, failed.get(name, "no result from the worker"))
                        continue
                    summary.stage_counts[name] = summary.stage_counts.get(name, 0) + 1
                except Exception as exc:  # noqa: BLE001 - a stage failing on one article is per-item
                    stage_failed(article, name, error_reason(exc))
        else:
            summary.already_stored += 1
    return summary

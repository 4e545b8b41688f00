"""Steps and the local executor.

A step is a small object with a ``name`` and a call from an iterable of items to an
iterable of items.  Steps hold no global mutable state, so the same step objects can run
in this process, in a local process pool, or on a distributed engine, and give the same
output: the executor preserves input order and every id is a content hash.

Items are :class:`~newsdesk.model.Article` or :class:`~newsdesk.model.ReadError`; a step
passes errors through untouched, so a bad item is reported once at the end of the run
instead of stopping it.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType
from typing import Protocol, TypeVar, runtime_checkable

from newsdesk.model import Article, RawRecord, ReadError

T = TypeVar("T")
U = TypeVar("U")

Item = Article | ReadError


@runtime_checkable
class Step(Protocol):
    """One stage of the pipeline (clean, lang, claims, ...)."""

    name: str

    def __call__(self, items: Iterable[Item]) -> Iterable[Item]: ...


def one_line(text: str, limit: int = 200) -> str:
    """Collapse an exception message to one short line for summaries and the errors table."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@dataclass(frozen=True, slots=True)
class ExecutorConfig:
    """How the local executor parallelises.  ``workers=1`` runs in-process (no pickling)."""

    workers: int = 1
    chunksize: int = 8
    max_tasks_per_child: int | None = 2000


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


class LocalExecutor:
    """Maps a picklable per-record function over a stream, in order, streaming.

    ``imap`` keeps input order, so output is identical for any worker count; at most
    ``workers * chunksize * 2`` records are in flight, so memory does not grow with the
    corpus.
    """

    def __init__(self, config: ExecutorConfig | None = None) -> None:
        self.config = config or ExecutorConfig()

    def map(
        self,
        fn: Callable[[T], U],
        items: Iterable[T],
        *,
        initializer: Callable[..., None] | None = None,
        initargs: tuple[object, ...] = (),
    ) -> Iterator[U]:
        """``fn`` over ``items`` in order; ``initializer(*initargs)`` sets per-process state once
        (large read-only state such as outlet templates is sent once per worker, not per item)."""
        if self.config.workers <= 1:
            if initializer is not None:
                initializer(*initargs)
            for item in items:
                yield fn(item)
            return
        ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
        with ctx.Pool(
            self.config.workers,
            initializer=initializer,
            initargs=initargs,
            maxtasksperchild=self.config.max_tasks_per_child,
        ) as pool:
            yield from pool.imap(fn, items, chunksize=self.config.chunksize)


class ItemTimeout(BaseException):
    """One item took longer than its time budget.

    A BaseException, like KeyboardInterrupt, so that no ``except Exception`` inside the
    libraries (trafilatura's metadata readers have several) can swallow it and carry on."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`ItemTimeout` in the block after ``seconds`` of wall time.

    A crawl must not stall on one pathological page: hostile pages have made the extraction
    quadratic before (docs/decisions.md, session 18).  The signal is handled between
    bytecodes, so a long call inside a C library runs to its end first; the known C-level
    cases are handled where they arise (``clean.html._flatten_crowded``).  The alarm works
    only in a process's main thread, which is where the in-process executor and each pool
    worker run their items; elsewhere (a web server's thread) and with ``seconds`` None or
    0 no limit is set.
    """
    if (
        not seconds
        or threading.current_thread() is not threading.main_thread()
        or not hasattr(signal, "setitimer")
    ):
        yield
        return

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise ItemTimeout(f"stopped after {seconds:g} s: a pathological page (the per-item time limit)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def record_error(record: RawRecord, stage: str, exc: BaseException) -> ReadError:
    """A per-item error for a record that failed in a stage after reading."""
    return ReadError(
        source_path=record.source_path,
        reason=_reason(exc),
        location=record.location,
        stage=stage,
    )


def _reason(exc: BaseException) -> str:
    """newsdesk's own errors already say what went wrong; foreign ones keep their type name."""
    message = one_line(str(exc))
    if type(exc).__module__.startswith("newsdesk") and message:
        return message
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__

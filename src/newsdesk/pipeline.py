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

import contextlib
import functools
import multiprocessing as mp
import os
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from types import FrameType
from typing import Any, Protocol, TypeVar, runtime_checkable

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
    """How the local executor parallelises.  ``workers=1`` runs in-process (no pickling).

    ``item_deadline``: wall seconds after which an item's worker process is killed and the
    item reported lost (see :meth:`LocalExecutor.map`); it also makes one worker run in a
    child process, since only a child can be killed.  ``isolate``: run items in child
    processes even with no deadline, so that a worker that dies (a crash in a C library, the
    out-of-memory killer) costs one item and not the run."""

    workers: int = 1
    chunksize: int = 8
    max_tasks_per_child: int | None = 2000
    item_deadline: float | None = None
    isolate: bool = False
    #: MiB a watched worker may allocate beyond what it holds once started (its address
    #: space is capped there): past it an allocation fails with MemoryError, which costs
    #: that item, not the machine's memory; None: no cap
    item_memory_mb: int | None = None


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
        on_lost: Callable[[T, str], U] | None = None,
        prepare: Callable[[], None] | None = None,
    ) -> Iterator[U]:
        """``fn`` over ``items`` in order; ``initializer(*initargs)`` sets per-process state once
        (large read-only state such as outlet templates is sent once per worker, not per item).

        With ``on_lost`` and a deadline or ``isolate`` set, items run in watched child
        processes: an item whose worker is still busy at the deadline, or whose worker died,
        yields ``on_lost(item, reason)`` in its place, and a fresh worker takes over.
        ``prepare()`` then runs here first: what it loads (models), forked workers inherit,
        where each fresh worker would otherwise load it again."""
        if on_lost is not None and (self.config.item_deadline or self.config.isolate):
            if prepare is not None and hasattr(os, "fork"):
                prepare()
            yield from _GuardedPool(self.config, fn, initializer, initargs, on_lost).map(items)
            return
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


class _Worker:
    """One child process running items in the order sent, over a pipe.

    Up to :attr:`_GuardedPool.depth` items are in its hands at once, so it never waits for
    the parent between items; the first unanswered one is the item it is working on."""

    def __init__(
        self,
        ctx: Any,
        fn: Callable[[Any], Any],
        initializer: Callable[..., None] | None,
        initargs: tuple[object, ...],
        memory_mb: int | None = None,
    ) -> None:
        parent_end, child_end = ctx.Pipe(duplex=True)
        self.process = ctx.Process(
            target=_worker_loop,
            args=(child_end, fn, initializer, initargs, memory_mb),
            daemon=True,
            name="newsdesk-worker",
        )
        self.process.start()
        child_end.close()
        self.conn: Connection = parent_end
        #: items sent and not answered, oldest first: (sequence number, item)
        self.tasks: deque[tuple[int, Any]] = deque()
        #: since when the oldest of them has been the one worked on
        self.since = 0.0
        self.sent = 0

    def give(self, seq: int, item: Any) -> None:
        if not self.tasks:
            self.since = time.monotonic()
        self.tasks.append((seq, item))
        self.sent += 1
        # if it died on an earlier item, its sentinel says so and this item is sent again
        with contextlib.suppress(OSError):
            self.conn.send((seq, item))

    def answered(self) -> None:
        self.tasks.popleft()
        self.since = time.monotonic()

    def stop(self, kill: bool = False) -> None:
        if not kill:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                kill = True
            else:
                self.process.join(2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        self.conn.close()


class _RemoteError(Exception):
    """An exception from a worker that could not be sent back as itself."""


def _worker_loop(
    conn: Connection,
    fn: Callable[[Any], Any],
    initializer: Callable[..., None] | None,
    initargs: tuple[object, ...],
    memory_mb: int | None = None,
) -> None:
    """A worker's life: items in, ``(seq, ok, result or exception)`` out, until ``None``
    (``ok`` None: the item ran out of memory, and the value is the reason).

    A thread reads the pipe into a queue as items arrive, so the parent's send of a large
    item never waits on this process's send of a large result (each would fill the pipe and
    wait for the other).  Ctrl-C is the parent's to handle: it stops the workers itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer(*initargs)
    inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def read() -> None:
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                message = None
            inbox.put(message)
            if message is None:
                return

    threading.Thread(target=read, daemon=True).start()
    if memory_mb:
        cap_memory(memory_mb)
    while True:
        message = inbox.get()
        if message is None:
            return
        seq, item = message
        try:
            reply: tuple[int, bool | None, Any] = (seq, True, fn(item))
        except MemoryError as exc:  # over the memory cap: this item's loss, not a bug
            reply = (seq, None, error_reason(exc))
        except Exception as exc:  # noqa: BLE001 - handed to the parent, which raises it
            reply = (seq, False, exc)
        try:
            conn.send(reply)
        except Exception as exc:  # noqa: BLE001 - an unpicklable result or exception
            conn.send((seq, False, _RemoteError(f"{type(exc).__name__}: {exc}")))


def cap_memory(extra_mb: int) -> bool:
    """Cap this process's address space at its present size plus ``extra_mb`` MiB; False
    where that cannot be done (no ``resource`` module or ``/proc``: not Linux).

    The present size, not a fixed figure: a worker forked from a parent holding the models
    starts with their mappings, which differ by machine and by the stages run."""
    try:
        import resource

        with open("/proc/self/status", encoding="ascii") as status:
            kib = next(int(ln.split()[1]) for ln in status if ln.startswith("VmSize:"))
        cap = kib * 1024 + extra_mb * 1024 * 1024
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, OSError, StopIteration, ValueError):
        return False
    return True


def _death(process: Any) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        hint = " (out of memory?)" if -code == signal.SIGKILL else ""
        return f"the worker process died on this item: killed by {name}{hint}"
    return f"the worker process died on this item (exit code {code})"


class _GuardedPool:
    """Items in watched child processes, results in input order.

    Why not ``multiprocessing.Pool``: it cannot stop one task (a page stuck in a C loop,
    which no signal interrupts, keeps its worker for good), and when a worker dies its task
    is lost and ``imap`` waits for it forever.  Here the parent knows which item each
    worker is on, so it can kill that worker at the deadline or notice its death, report
    that one item, give the items queued behind it to a fresh worker, and go on."""

    #: items in one worker's hands at once: the next is waiting when one is done
    depth = 2

    def __init__(
        self,
        config: ExecutorConfig,
        fn: Callable[[Any], Any],
        initializer: Callable[..., None] | None,
        initargs: tuple[object, ...],
        on_lost: Callable[[Any, str], Any],
    ) -> None:
        self.config = config
        self.on_lost = on_lost
        ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
        #: a fresh worker, as at the start, after a kill or death, and when recycled
        self._spawn = functools.partial(_Worker, ctx, fn, initializer, initargs, config.item_memory_mb)
        #: results waiting for an earlier item, at most this many items ahead of the
        #: oldest unfinished one (a stuck item must not let memory grow with the corpus)
        self.ahead = max(1, config.workers) * max(2, config.chunksize) * 2

    def map(self, items: Iterable[Any]) -> Iterator[Any]:
        source = iter(items)
        workers = [self._spawn() for _ in range(max(1, self.config.workers))]
        #: items taken back from a killed or dead worker, to be sent again first
        again: deque[tuple[int, Any]] = deque()
        finished: dict[int, Any] = {}
        taken = yielded = 0
        exhausted = False
        deadline = self.config.item_deadline
        limit = self.config.max_tasks_per_child

        def replace(k: int, reason: str) -> None:
            w = workers[k]
            seq, item = w.tasks.popleft()
            finished[seq] = self.on_lost(item, reason)
            again.extendleft(reversed(w.tasks))
            w.stop(kill=True)
            workers[k] = self._spawn()

        try:
            while True:
                for k in range(len(workers)):
                    while len(workers[k].tasks) < self.depth:
                        w = workers[k]
                        if not w.tasks and (limit and w.sent >= limit or not w.process.is_alive()):
                            # a fresh process now and then bounds leaks; one that died idle
                            # (nothing it held is lost) is replaced before it is blamed
                            w.stop()
                            w = workers[k] = self._spawn()
                        if again:
                            seq, item = again.popleft()
                        elif exhausted or taken - yielded >= self.ahead:
                            break
                        else:
                            try:
                                item = next(source)
                            except StopIteration:
                                exhausted = True
                                break
                            seq, taken = taken, taken + 1
                        w.give(seq, item)
                while yielded in finished:
                    yield finished.pop(yielded)
                    yielded += 1
                busy = [w for w in workers if w.tasks]
                if not busy:
                    if exhausted and not again:
                        return
                    continue
                timeout = None
                if deadline:
                    timeout = max(0.0, min(w.since for w in busy) + deadline - time.monotonic())
                ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout))
                for k, w in enumerate(workers):
                    if not w.tasks:
                        continue
                    if w.conn in ready or w.process.sentinel in ready:
                        try:
                            answer = w.conn.recv() if w.conn.poll() else None
                        except (EOFError, OSError):
                            answer = None
                        if answer is None:  # the process ended without answering
                            w.process.join(1)
                            replace(k, _death(w.process))
                            continue
                        seq, ok, value = answer
                        if ok is None:  # a MemoryError: a fresh process for what follows
                            replace(k, value)
                            continue
                        w.answered()
                        if not ok:
                            raise value
                        finished[seq] = value
                    elif deadline and time.monotonic() - w.since >= deadline:
                        replace(
                            k,
                            f"stopped after {deadline:g} s: a pathological page "
                            "(its worker process was killed at the per-item deadline)",
                        )
        finally:
            for w in workers:
                w.stop(kill=bool(w.tasks))


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
        reason=error_reason(exc),
        location=record.location,
        stage=stage,
    )


def lost_item_error(record: RawRecord | ReadError, stage: str, reason: str) -> ReadError:
    """The error for an item whose worker was killed at the deadline or died on it."""
    if isinstance(record, ReadError):
        return record
    return ReadError(source_path=record.source_path, reason=reason, location=record.location, stage=stage)


def hard_deadline(item_seconds: float | None) -> float | None:
    """When a worker still busy with one item is killed: later than the item's own time
    limit (which stops Python code and leaves the worker alive), so the kill is only for
    a page stuck where no signal reaches, inside a C library."""
    return item_seconds * 1.25 + 5.0 if item_seconds else None


def error_reason(exc: BaseException) -> str:
    """newsdesk's own errors already say what went wrong; foreign ones keep their type name."""
    message = one_line(str(exc))
    if isinstance(exc, MemoryError):
        return "MemoryError: the item needs more memory than a worker may take (the memory limit)"
    if type(exc).__module__.startswith("newsdesk") and message:
        return message
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__

"""The local executor's watched workers: a stuck or dying item is one error, order is kept."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from newsdesk.pipeline import ExecutorConfig, LocalExecutor


def _square_or_trap(n: int) -> int:
    """A stand-in for cleaning: 13 sleeps where no signal reaches it (as a page stuck in a
    C loop does), 17 kills its own process (as the out-of-memory killer would), 19 raises."""
    if n == 13:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)
    if n == 17:
        os.kill(os.getpid(), signal.SIGKILL)
    if n == 19:
        raise ValueError("a bug, not bad input")
    return n * n


def _lost(n: int, reason: str) -> str:
    return f"lost {n}: {reason}"


@pytest.mark.parametrize("workers", [1, 2])
def test_a_stuck_item_and_a_dead_worker_cost_one_item_each(workers: int) -> None:
    items = [1, 2, 13, 3, 17, 4, 5, 6, 7, 8]
    executor = LocalExecutor(ExecutorConfig(workers=workers, item_deadline=1.0))
    started = time.monotonic()
    out = list(executor.map(_square_or_trap, items, on_lost=_lost))
    assert time.monotonic() - started < 30  # not the 60 s sleep
    assert out[:2] == [1, 4] and out[3] == 9 and out[5:] == [16, 25, 36, 49, 64]
    assert (
        out[2]
        == "lost 13: stopped after 1 s: a pathological page (its worker process was killed at the per-item deadline)"
    )
    assert out[4].startswith("lost 17: the worker process died on this item: killed by SIGKILL")


def test_a_dead_worker_is_reported_without_a_deadline() -> None:
    executor = LocalExecutor(ExecutorConfig(workers=1, isolate=True))
    out = list(executor.map(_square_or_trap, [17, 2], on_lost=_lost))
    assert out[0].startswith("lost 17: the worker process died") and out[1] == 4


def test_an_exception_from_the_function_itself_still_propagates() -> None:
    """``fn`` turns bad input into error items itself; what it raises is a bug and stops the run,
    as it does in-process and with multiprocessing.Pool."""
    executor = LocalExecutor(ExecutorConfig(workers=2, isolate=True))
    with pytest.raises(ValueError, match="a bug"):
        list(executor.map(_square_or_trap, [1, 19, 2], on_lost=_lost))


def test_watched_workers_keep_order_and_recycle() -> None:
    """Three items a process: 57 items pass through some twenty workers, in input order."""
    executor = LocalExecutor(ExecutorConfig(workers=2, isolate=True, max_tasks_per_child=3, chunksize=1))
    clean = [n for n in range(60) if n not in (13, 17, 19)]
    assert list(executor.map(_square_or_trap, clean, on_lost=_lost)) == [n * n for n in clean]


def _corpus_with_trap(tmp_path: Path) -> Path:
    """Three short reports; the one whose file name holds "trap" is the one a test breaks."""
    d = tmp_path / "in"
    d.mkdir()
    body = "Dockers in Harbourton voted on Tuesday to accept a pay rise, ending a strike of three weeks.\n"
    (d / "a.txt").write_text("Port strike ends\n\n" + body, encoding="utf-8")
    (d / "b_trap.txt").write_text("Trapville\n\n" + body + "A second report.\n", encoding="utf-8")
    (d / "c.txt").write_text("Harbour reopens\n\n" + body + "Ships returned.\n", encoding="utf-8")
    return d


def test_ingest_survives_a_page_stuck_where_no_signal_reaches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The per-item time limit (SIGALRM) cannot stop a C call that runs on; the hard deadline
    kills the worker, the page is an error with its reason, and the other pages are stored."""
    from newsdesk import clean
    from newsdesk.ingest import IngestConfig, ingest
    from newsdesk.store import Store

    real = clean.clean_record

    def stuck_on_trap(record, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "trap" in record.source_path:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
        return real(record, *args, **kwargs)

    monkeypatch.setattr(clean, "clean_record", stuck_on_trap)
    d = _corpus_with_trap(tmp_path)
    started = time.monotonic()
    with Store(tmp_path / "n.db") as store:
        summary = ingest([d], store, IngestConfig(stages=(), item_seconds=0.2))
        errors = store.errors()
        assert store.count("articles") == 2
    assert time.monotonic() - started < 40
    assert summary.stored == 2 and summary.errors == 1
    assert [Path(e.source_path).name for e in errors] == ["b_trap.txt"]
    assert "killed at the per-item deadline" in errors[0].reason


def test_claims_run_in_the_workers_and_a_failure_keeps_the_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Claims read one article, so the workers extract them beside cleaning (in parallel and
    under the item's time limit).  What they store equals the in-process extraction; a
    claims error or overrun on one article is an error of stage ``claims``, and the article
    itself is still stored."""
    from newsdesk import claims
    from newsdesk.ingest import IngestConfig, ingest
    from newsdesk.store import Store

    real = claims.extract_claims

    def trap(article, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "Trapville" in article.raw:
            raise RuntimeError("parser blew up")
        if "Slowtown" in article.raw:
            time.sleep(30)
        return real(article, *args, **kwargs)

    monkeypatch.setattr(claims, "extract_claims", trap)
    d = tmp_path / "in"
    d.mkdir()
    body = (
        "Dockers in Harbourton voted on Tuesday to accept a 6 percent pay rise, ending a strike of "
        'three weeks. "This deal recognises our work," said union secretary Maria Lenz.\n'
    )
    (d / "a.txt").write_text("Port strike ends\n\n" + body, encoding="utf-8")
    (d / "b.txt").write_text("Trapville\n\n" + body + "A second report.\n", encoding="utf-8")
    (d / "c.txt").write_text("Slowtown\n\n" + body + "A third report.\n", encoding="utf-8")
    started = time.monotonic()
    with Store(tmp_path / "n.db") as store:
        summary = ingest([d], store, IngestConfig(stages=("claims",), workers=2, item_seconds=1.0))
        assert store.count("articles") == 3
        found = {a.article_id: a.data for a in store.iter_annotations("claims")}
        errors = sorted(store.errors(), key=lambda e: e.reason)
        stored = list(store.iter_articles())
    assert time.monotonic() - started < 25
    assert summary.stored == 3 and summary.stage_counts == {"claims": 1} and summary.errors == 2
    assert [e.stage for e in errors] == ["claims", "claims"]
    assert errors[0].reason == "claims failed: RuntimeError: parser blew up"
    assert errors[1].reason.startswith("claims failed: stopped after 1 s")
    [article] = [a for a in stored if a.id in found]
    assert "Port strike" in article.raw and found[article.id] == real(article).to_dict()


def _allocate(n: int) -> int:
    """Item 2 asks for 1 GiB, as a page that blows up in a parser would."""
    if n == 2:
        return len(bytearray(1 << 30))
    return n


def test_an_item_over_the_memory_cap_is_lost_and_the_worker_replaced() -> None:
    executor = LocalExecutor(ExecutorConfig(workers=1, isolate=True, item_memory_mb=256))
    out = list(executor.map(_allocate, [1, 2, 3], on_lost=_lost))
    assert out[0] == 1 and out[2] == 3
    assert out[1].startswith("lost 2: MemoryError: the item needs more memory than a worker may take")


def test_ingest_reports_a_page_over_the_memory_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsdesk import clean
    from newsdesk.ingest import IngestConfig, ingest
    from newsdesk.store import Store

    real = clean.clean_record

    def greedy_on_trap(record, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "trap" in record.source_path:
            bytearray(1 << 30)
        return real(record, *args, **kwargs)

    monkeypatch.setattr(clean, "clean_record", greedy_on_trap)
    d = _corpus_with_trap(tmp_path)
    with Store(tmp_path / "n.db") as store:
        summary = ingest([d], store, IngestConfig(stages=(), item_memory_mb=256))
        [error] = store.errors()
    assert summary.stored == 2 and summary.errors == 1
    assert Path(error.source_path).name == "b_trap.txt" and error.reason.startswith("MemoryError")

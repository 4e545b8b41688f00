"""End to end: ingest through the library and the CLI, bad input, idempotence."""

from __future__ import annotations

import gzip
import io
import json
import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsdesk.cli import app
from newsdesk.ingest import IngestConfig, ingest
from newsdesk.store import Store

GOOD_TEXT = """World desk

Port workers end three-week strike after pay deal

Dockers in Harbourton voted on Tuesday to accept a 6 percent pay rise, ending a strike that had idled the port for three weeks.

The union said 1,240 members took part in the ballot and 81 percent backed the offer.

"This deal recognises the work our members do every night," said union secretary Maria Lenz.

Share this article
Advertisement
"""

GOOD_HTML = """<!doctype html><html lang="en"><head><title>Wildfire forces evacuation of 3,000 residents</title>
<meta property="og:title" content="Wildfire forces evacuation of 3,000 residents">
<meta property="article:published_time" content="2024-07-02T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Wildfire forces evacuation of 3,000 residents</h1>
<p>Firefighters battled a wildfire that had burned 4,500 hectares of forest near the town of Pinebrook by Tuesday evening, officials said.</p>
<p>About 3,000 residents were ordered to leave their homes as strong winds pushed the flames towards the outskirts of the town.</p>
<p>"We are asking everyone to follow the instructions of the emergency services," the regional fire chief told reporters at a briefing.</p>
</article><footer>Follow us on Facebook</footer></body></html>"""


def write_inputs(d: Path) -> dict[str, Path]:
    d.mkdir(parents=True, exist_ok=True)
    files = {
        "good_txt": d / "good.txt",
        "good_html": d / "good.html",
        "binary": d / "image.txt",
        "bad_utf8": d / "latin.txt",
        "trunc_gz": d / "cut.html.gz",
        "trunc_warc": d / "cut.warc.gz",
        "empty": d / "empty.txt",
        "huge": d / "huge.txt",
        "nested": d / "nested.html",
    }
    files["good_txt"].write_text(GOOD_TEXT, encoding="utf-8")
    files["good_html"].write_text(GOOD_HTML, encoding="utf-8")
    files["binary"].write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    files["bad_utf8"].write_bytes(b"\xff\xfe\xfa\x00\x81\x00 broken \xc3\x28 bytes \x00\x00" * 50)
    gz = gzip.compress(GOOD_HTML.replace("Wildfire", "Flood").encode("utf-8"))
    files["trunc_gz"].write_bytes(gz[: len(gz) // 2])
    files["trunc_warc"].write_bytes(_warc_bytes()[:-300])
    files["empty"].write_bytes(b"")
    with files["huge"].open("wb") as fh:
        chunk = b"word " * 200_000  # 1 MB
        for _ in range(50):
            fh.write(chunk)
    files["nested"].write_text(
        "<html><body>" + "<div>" * 100_000 + "deep" + "</div>" * 100_000 + "</body></html>"
    )
    return files


def _warc_bytes() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i in range(3):
        body = GOOD_HTML.replace("Pinebrook", f"Town{i}").encode("utf-8")
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        rec = writer.create_warc_record(
            f"https://news.example/{i}", "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(rec)
    return buf.getvalue()


def test_bad_input_is_reported_and_run_is_idempotent(tmp_path: Path) -> None:
    files = write_inputs(tmp_path / "in")
    db = tmp_path / "n.db"
    with Store(db) as store:
        s1 = ingest([tmp_path / "in"], store, IngestConfig(stages=()))
        n_articles = store.count("articles")
        errors = store.errors()
    # valid: good.txt, good.html, and the WARC records before the cut
    assert n_articles >= 3
    assert s1.stored == n_articles
    bad_paths = {Path(e.source_path).name for e in errors}
    for key in ("binary", "trunc_gz", "trunc_warc", "empty", "huge"):
        assert files[key].name in bad_paths, (key, [(e.source_path, e.reason) for e in errors])
    with Store(db) as store:
        stored_paths = {Path(a.source_path or "").name for a in store.iter_articles()}
    for key in ("nested", "bad_utf8"):  # either a usable article or a reported error, never lost
        assert (files[key].name in bad_paths) != (files[key].name in stored_paths), key
    for e in errors:
        assert e.reason and "\n" not in e.reason and len(e.reason) < 300
    with Store(db) as store:
        s2 = ingest([tmp_path / "in"], store, IngestConfig(stages=()))
        assert s2.stored == 0
        assert s2.new_errors == 0
        assert store.count("articles") == n_articles
        assert len(store.errors()) == len(errors)


def test_cli_clean_ingest_search_show(tmp_path: Path) -> None:
    files = write_inputs(tmp_path / "in")
    runner = CliRunner()
    result = runner.invoke(app, ["clean", str(files["good_txt"])])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout.strip().splitlines()[0])
    assert doc["title"]["text"] == "Port workers end three-week strike after pay deal"
    assert doc["raw"][doc["title"]["start"] : doc["title"]["end"]] == doc["title"]["text"]
    assert any(r["text"] == "World desk" for r in doc["removed"])
    assert "Share this article" not in doc["text"] and "1,240 members" in doc["text"]

    db = tmp_path / "cli.db"
    result = runner.invoke(
        app, ["ingest", str(tmp_path / "in"), "--db", str(db), "--stages", "none", "--json"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["stored"] >= 3 and summary["errors"] >= 5

    result = runner.invoke(
        app, ["ingest", str(tmp_path / "in"), "--db", str(db), "--stages", "none", "--json"]
    )
    summary2 = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary2["stored"] == 0 and summary2["new_errors"] == 0

    result = runner.invoke(app, ["search", "dockers", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0
    hits = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(hits) == 1 and "strike" in hits[0]["title"]

    result = runner.invoke(app, ["show", hits[0]["id"][:10], "--db", str(db), "--removed"])
    assert result.exit_code == 0
    assert "PORT WORKERS END" in result.stdout and "World desk" in result.stdout

    result = runner.invoke(app, ["errors", "--db", str(db)])
    assert result.exit_code == 0 and "empty.txt" in result.stdout
    result = runner.invoke(app, ["errors", "--db", str(db), "--format", "jsonl"])
    listed = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(listed) == summary["errors"]
    assert any(
        e["source_path"].endswith("empty.txt") and e["stage"] == "read" and e["reason"] for e in listed
    )

    out_dir = tmp_path / "pq"
    result = runner.invoke(app, ["export", str(out_dir), "--db", str(db), "--format", "parquet"])
    assert result.exit_code == 0
    import pyarrow.parquet as pq

    table = pq.read_table(out_dir / "articles.parquet")
    assert table.num_rows == summary["stored"]
    assert "published_source" in table.column_names  # how sure each date is travels with it


def test_cli_search_by_author(tmp_path: Path) -> None:
    text = GOOD_TEXT.replace(
        "Port workers end three-week strike after pay deal\n",
        "Port workers end three-week strike after pay deal\n\nBy Tom Reed and Ana Ruiz | March 3, 2024\n",
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "a.db"
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(db), "--stages", "none"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["clean", str(tmp_path / "a.txt")])
    doc = json.loads(result.stdout.strip().splitlines()[0])
    assert [a["text"] for a in doc["authors"]] == ["Tom Reed", "Ana Ruiz"]
    for name, found in (("ana ruiz", 1), ("Tom Reed", 1), ("Maria Lenz", 0)):
        result = runner.invoke(
            app, ["search", "dockers", "--author", name, "--db", str(db), "--format", "jsonl"]
        )
        assert result.exit_code == 0, result.output
        assert len([line for line in result.stdout.splitlines() if line.strip()]) == found, name


def test_env_var_sets_default_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "env.db"
    monkeypatch.setenv("NEWSDESK_DB", str(target))
    (tmp_path / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--stages", "none"])
    assert result.exit_code == 0, result.output
    assert sqlite3.connect(target).execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1


def test_show_unknown_id_fails_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    Store(db).close()
    result = CliRunner().invoke(app, ["show", "deadbeef00", "--db", str(db)])
    assert result.exit_code == 1


def test_cli_line_model_option_reaches_the_cleaner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--line-model news-lexical` cleans with that model (in-process and in workers alike:
    the option travels in IngestConfig.clean_options); an unknown name is refused.  The
    cleaning runs in a child process, so the spy writes what it saw to a file."""
    from newsdesk.clean import core

    log = tmp_path / "models.log"
    original = core.load_model

    def spy(name: str = "news") -> object:
        with log.open("a", encoding="utf-8") as f:
            f.write(name + "\n")
        return original(name)

    monkeypatch.setattr(core, "load_model", spy)
    files = write_inputs(tmp_path / "in")
    result = CliRunner().invoke(
        app, ["clean", str(files["good_txt"]), "--line-model", "news-lexical", "--no-raw"]
    )
    assert result.exit_code == 0, result.output
    seen = log.read_text(encoding="utf-8").split()
    assert "news-lexical" in seen and "news" not in seen
    assert json.loads(result.stdout.splitlines()[0])["paragraphs"]
    bad = CliRunner().invoke(app, ["clean", str(files["good_txt"]), "--line-model", "gpt"])
    assert bad.exit_code != 0


@pytest.mark.parametrize("workers", [1, 2])
def test_an_item_over_its_time_limit_is_reported_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    """A pathological page (trafilatura is quadratic on some) must not stall a crawl: past
    the per-item limit it becomes an error with a clear reason, even where the code it
    interrupts catches every ``Exception``, and the other items are stored."""
    import contextlib
    import time

    from newsdesk import clean

    real = clean.clean_record

    def slow_on_trap(record, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "trap" in record.source_path:
            # as library code does; the limit must get through such a handler
            with contextlib.suppress(Exception):
                time.sleep(30)
        return real(record, *args, **kwargs)

    monkeypatch.setattr(clean, "clean_record", slow_on_trap)
    d = tmp_path / "in"
    d.mkdir()
    (d / "a_good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (d / "b_trap.txt").write_text(
        GOOD_TEXT + "\nA second report from Trapville followed on Wednesday.\n", encoding="utf-8"
    )
    (d / "c_good.html").write_text(GOOD_HTML, encoding="utf-8")
    started = time.monotonic()
    with Store(tmp_path / "n.db") as store:
        summary = ingest([d], store, IngestConfig(stages=(), workers=workers, item_seconds=0.5))
        errors = store.errors()
        assert store.count("articles") == 2
    assert time.monotonic() - started < 25  # the 30 s sleep was cut short
    assert summary.stored == 2 and summary.errors == 1
    assert [Path(e.source_path).name for e in errors] == ["b_trap.txt"]
    assert "stopped after 0.5 s" in errors[0].reason and "time limit" in errors[0].reason


def test_time_limit_is_off_outside_the_main_thread_and_when_zero() -> None:
    import threading

    from newsdesk.pipeline import time_limit

    with time_limit(None):
        pass
    with time_limit(0):
        pass
    seen: list[bool] = []

    def in_thread() -> None:
        with time_limit(0.01):  # no SIGALRM from a worker thread: the block just runs
            seen.append(True)

    t = threading.Thread(target=in_thread)
    t.start()
    t.join()
    assert seen == [True]


def _in_a_corpus_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n: int) -> CliRunner:
    """``n`` sample-corpus texts in ``tmp_path``, made the working directory, with the
    default database path (``./newsdesk.db``)."""
    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus" / "harbourgazette.example"
    for f in sorted(corpus.glob("*.txt"))[:n]:
        (tmp_path / f.name).write_bytes(f.read_bytes())
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSDESK_DB", raising=False)
    return CliRunner()


def test_ingesting_the_directory_that_holds_the_store_passes_over_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``newsdesk ingest .`` beside the default ``./newsdesk.db``: the database, its WAL and
    its shared-memory file are not inputs (they were three errors a run, and the changing
    WAL a new one on every run)."""
    runner = _in_a_corpus_directory(tmp_path, monkeypatch, 3)
    first = runner.invoke(app, ["ingest", "."])
    assert first.exit_code == 0, first.output
    assert "stored 3" in first.output and "errors 0" in first.output
    again = runner.invoke(app, ["ingest", "."])
    assert again.exit_code == 0 and "stored 0" in again.output and "errors 0 (0 new)" in again.output
    with Store(tmp_path / "newsdesk.db") as store:
        assert store.count("errors") == 0
    # a store named explicitly is still read, and said not to be news
    named = runner.invoke(app, ["ingest", "newsdesk.db", "--db", str(tmp_path / "other.db")])
    assert "SQLite database" in named.output


def test_cleaning_the_directory_that_holds_the_default_store_passes_over_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``newsdesk clean .`` after an ``ingest .`` there: the default database beside the
    inputs is newsdesk's output, not a bad input (it was reported as one)."""
    runner = _in_a_corpus_directory(tmp_path, monkeypatch, 2)
    assert runner.invoke(app, ["ingest", "."]).exit_code == 0
    assert (tmp_path / "newsdesk.db").exists()
    cleaned = runner.invoke(app, ["clean", ".", "--format", "jsonl"])
    assert cleaned.exit_code == 0, cleaned.output
    assert "2 articles, 0 errors" in cleaned.output
    # any other database in the walk is still read, and said not to be news
    (tmp_path / "copy.db").write_bytes((tmp_path / "newsdesk.db").read_bytes())
    again = runner.invoke(app, ["clean", "."])
    assert "SQLite database" in again.output and "1 error" in again.output


STORY = (
    "Council passes the budget\n\nThe council voted on the budget on Tuesday after a long debate "
    "in the chamber.\n\nOpposition members said the plan cut too deep into the money for schools."
)


def test_lone_surrogates_and_undecodable_file_names_are_stored_not_fatal(tmp_path: Path) -> None:
    """A JSONL escape naming a lone surrogate ("\\ud800") and a file name that is not UTF-8
    (a Latin-1 disk's "caf\\xe9.txt") give Python strings SQLite cannot encode: either one
    stopped the whole ingest.  Both articles are stored, with U+FFFD in place of what cannot
    be written, and a second run stores nothing new."""
    src = tmp_path / "in"
    src.mkdir()
    line = {
        "url": "https://x.example/a\ud800",
        "title": "Bridge \udc00 opens",
        "text": STORY.replace("Tuesday", "Tuesday \ud800"),
    }
    (src / "feed.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")  # ASCII escapes
    html = f"<html><body><article><h1>Vote</h1><p>{STORY.splitlines()[2]} \ud800</p></article></body></html>"
    (src / "page.jsonl").write_text(json.dumps({"url": "https://x.example/b", "html": html}) + "\n")
    try:
        (src / os.fsdecode(b"caf\xe9.txt")).write_text(STORY.replace("schools", "roads"), encoding="utf-8")
    except (UnicodeEncodeError, OSError):  # a file system that refuses such names
        pytest.skip("the file system refuses a name that is not UTF-8")
    db = tmp_path / "n.db"
    with Store(db) as store:
        s1 = ingest([src], store, IngestConfig(stages=()))
        assert (s1.stored, s1.errors) == (3, 0)
        arts = {Path(a.source_path or "").name: a for a in store.iter_articles()}
        assert "caf\ufffd.txt" in arts
        first = arts["feed.jsonl"]
        assert first.url == "https://x.example/a\ufffd" and "Tuesday \ufffd" in first.text
        for a in arts.values():
            a.check_spans()
        s2 = ingest([src], store, IngestConfig(stages=()))
        assert (s2.stored, s2.already_stored, s2.new_errors) == (0, 3, 0)
    out = CliRunner().invoke(app, ["clean", str(src / "feed.jsonl"), "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    assert "\\ufffd" in out.output or "\ufffd" in out.output

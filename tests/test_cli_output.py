"""Scraped text printed by the CLI must stay inert: no rich markup, no terminal escapes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsdesk.cli import app
from newsdesk.model import Article, Paragraph, Span
from newsdesk.store import Store


def _article(article_id: str, title: str, body: str) -> Article:
    """A stored article: its title, a blank line, its body."""
    raw = f"{title}\n\n{body}"
    a = Article(
        id=article_id,
        raw=raw,
        outlet="x.example",
        title=Span(title, 0, len(title)),
        paragraphs=[Paragraph(body, len(title) + 2, len(raw))],
    )
    a.check_spans()
    return a


def test_search_and_show_print_markup_and_escapes_literally(tmp_path: Path) -> None:
    title = "Strike [bold red]ends[/bold red] \x1b[2J now"
    body = "Dockers [link=file:///etc/passwd]voted[/link] to end the strike."
    a = _article("f" * 20, title, body)
    db = tmp_path / "n.db"
    with Store(db) as s:
        s.add_article(a)
    runner = CliRunner()
    r = runner.invoke(app, ["search", "strike", "--db", str(db)], terminal_width=200)
    assert r.exit_code == 0
    assert "[bold red]ends[/bold red]" in r.stdout
    assert "\x1b[2J" not in r.stdout
    r = runner.invoke(app, ["show", "f" * 8, "--db", str(db)])
    assert r.exit_code == 0 and "[link=file:///etc/passwd]" in r.stdout and "\x1b" not in r.stdout
    r = runner.invoke(app, ["search", "strike", "--db", str(db), "--format", "jsonl"])
    assert json.loads(r.stdout.splitlines()[0])["title"] == title  # JSON keeps the data exact


def test_piped_tables_are_laid_out_wide_unless_columns_is_set() -> None:
    import os
    import subprocess
    import sys

    probe = "from newsdesk.cli import out; print(out.width)"
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    r = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "160"  # stdout is a pipe here: not rich's 80-column fallback
    r = subprocess.run(
        [sys.executable, "-c", probe],
        env={**env, "COLUMNS": "100"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert r.stdout.strip() == "100"


def test_clean_counts_read_in_the_singular_for_one(tmp_path: Path) -> None:
    page = tmp_path / "one.txt"
    page.write_text(
        "Share this article\n\nThe harbour board voted on Tuesday to extend the night ferry "
        "timetable through the winter, after a petition signed by more than 4,000 residents.\n",
        encoding="utf-8",
    )
    r = CliRunner().invoke(app, ["clean", str(page), "--format", "text"])
    assert r.exit_code == 0
    assert "1 article, 0 errors" in r.stderr
    assert "(1 removed line; --removed to show it with its reason)" in r.stdout


def test_long_work_opening_an_old_store_is_announced_before_it_runs(tmp_path: Path) -> None:
    """A store whose duplicate index was built with other parameters is rebuilt when a
    command opens it: the command says so on stderr first, not after minutes of silence."""
    body = "Dockers voted on Tuesday to end the three-week strike at the port after a new offer."
    a = _article("e" * 20, "Strike ends", body)
    db = tmp_path / "n.db"
    with Store(db) as s:
        s.add_article(a)
        from newsdesk.dedup import DedupIndex

        DedupIndex(s).add(a)
        with s.conn:
            s.conn.execute("UPDATE dedup_params SET value = '1' WHERE name = 'normalise'")
    r = CliRunner().invoke(app, ["dups", "--db", str(db)])
    assert r.exit_code == 0, r.output
    first = r.stderr.index("note: rebuilding the duplicate index for this version's parameters (1 article;")
    assert first < r.stderr.index("duplicate index rebuilt")


def test_clean_reads_standard_input_given_as_dash() -> None:
    text = (
        "Harbour strike ends\nBy Jane Doe\n"
        "Dockers voted on Tuesday to end the three-week strike at the port after a new offer was made.\n"
        "Share on Facebook\n"
    )
    r = CliRunner().invoke(app, ["clean", "-"], input=text)
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout.splitlines()[0])
    assert doc["source_path"] == "<stdin>"
    assert doc["title"]["text"] == "Harbour strike ends"
    assert doc["raw"] == text

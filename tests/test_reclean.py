"""``newsdesk reclean``: stored articles cleaned again from what the store kept."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsdesk.cli import app
from newsdesk.ingest import IngestConfig, ingest
from newsdesk.model import Article
from newsdesk.reclean import changed_fields, reclean, stored_record
from newsdesk.store import Store

TEXT = """World desk

Port workers end three-week strike after pay deal

By Maria Lenz and Tom Okafor

Dockers in Harbourton voted on Tuesday to accept a 6 percent pay rise, ending a strike that had idled the port for three weeks.

The union said 1,240 members took part in the ballot and 81 percent backed the offer.

"This deal recognises the work our members do every night," said union secretary Maria Lenz.

Share this article
Advertisement
"""

HTML = """<!doctype html><html lang="en"><head><title>Wildfire forces evacuation of 3,000 residents</title>
<meta property="og:title" content="Wildfire forces evacuation of 3,000 residents">
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2024-07-02T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Wildfire forces evacuation of 3,000 residents</h1>
<p>Firefighters battled a wildfire that had burned 4,500 hectares of forest near the town of Pinebrook by Tuesday evening, officials said.</p>
<p>About 3,000 residents were ordered to leave their homes as strong winds pushed the flames towards the outskirts of the town.</p>
<p>"We are asking everyone to follow the instructions of the emergency services," the regional fire chief told reporters at a briefing.</p>
</article><footer>Follow us on Facebook</footer></body></html>"""

# a JSONL record declares a title, a date and an outlet beside its text
JSONL_TEXT = (
    "By Jean Dupont\n\nThe city council approved a budget of 12 million euros on Monday, "
    "the mayor said in a statement.\n\nThe vote passed 31 to 8 after a four-hour debate "
    "over spending on schools and roads.\n"
)
JSONL = json.dumps(
    {
        "url": "https://www.example-ville.fr/budget",
        "text": JSONL_TEXT,
        "title": "Council passes 12 million euro budget",
        "published": "2024-03-04",
        "outlet": "villepost",
    }
)
# a copy of the text under another outlet, so the duplicate index has a group to keep
COPY = TEXT.replace("World desk", "Wire copy")


def _inputs(d: Path) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    (d / "strike.txt").write_text(TEXT, encoding="utf-8")
    (d / "strike-copy.txt").write_text(COPY, encoding="utf-8")
    (d / "fire.html").write_text(HTML, encoding="utf-8")
    (d / "council.jsonl").write_text(JSONL + "\n", encoding="utf-8")
    return d


def _config(**kw: object) -> IngestConfig:
    # claims need spaCy (slow to load); the dedup stage is what the rewrite must keep right
    base: dict[str, object] = {"stages": ("dedup",), "isolate": False, "item_seconds": None}
    base.update(kw)
    return IngestConfig(**base)  # type: ignore[arg-type]


def _docs(db: Path) -> dict[str, dict]:
    with sqlite3.connect(db) as c:
        return {i: json.loads(d) for i, d in c.execute("SELECT id, doc FROM articles")}


def _rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as c:
        return sorted(c.execute(sql).fetchall())


def _age(db: Path) -> None:
    """Make the store look written by a newsdesk from before the names inside a byline and
    the declared fields: what `reclean` exists for."""
    with sqlite3.connect(db) as c:
        for i, doc in c.execute("SELECT id, doc FROM articles").fetchall():
            d = json.loads(doc)
            d["authors"] = []
            d["meta"].pop("declared", None)
            d["meta"].pop("line_model", None)
            c.execute("UPDATE articles SET doc = ? WHERE id = ?", (json.dumps(d, ensure_ascii=False), i))


@pytest.fixture()
def stored(tmp_path: Path) -> Path:
    db = tmp_path / "n.db"
    with Store(db) as store:
        s = ingest([_inputs(tmp_path / "in")], store, _config())
    assert s.stored == 4 and s.errors == 0
    return db


def test_an_up_to_date_store_is_left_as_it_is(stored: Path) -> None:
    before = _docs(stored)
    with Store(stored) as store:
        s = reclean(store, _config())
    assert (s.checked, s.changed, s.unchanged, s.errors, s.no_source) == (4, 0, 4, 0, 0)
    assert s.dedup_rebuilt is None
    assert _docs(stored) == before


def test_an_old_store_gets_what_a_fresh_ingest_gives(stored: Path) -> None:
    fresh = _docs(stored)
    members = _rows(stored, "SELECT article_id, group_id, canonical_id, kind FROM dedup_members")
    assert len(members) == 2  # the strike and its copy
    assert any(d["authors"] for d in fresh.values())
    _age(stored)
    with Store(stored) as store:
        s = reclean(store, _config())
    assert s.changed == 4 and s.errors == 0
    assert s.fields["meta"] == 4 and s.fields["authors"] >= 3
    # nothing but what was missing changed: the same title, body and date as at ingest
    assert set(s.fields) == {"meta", "authors"}
    assert _docs(stored) == fresh
    # neither the text nor anything the duplicate index reads changed: no rebuild
    assert (s.moved, s.dedup_rebuilt) == (0, None)
    assert _rows(stored, "SELECT article_id, group_id, canonical_id, kind FROM dedup_members") == members
    # every rewritten article still has exact spans
    with Store(stored) as store:
        for art in store.iter_articles():
            art.check_spans()
        again = reclean(store, _config())
    assert (again.changed, again.unchanged, again.dedup_rebuilt) == (0, 4, None)


def test_each_article_keeps_the_line_model_that_cleaned_it(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    with Store(db) as store:
        ingest([_inputs(tmp_path / "in")], store, _config(clean_options={"line_model": "news"}))
        assert {a.meta["line_model"] for a in store.iter_articles()} == {"news"}
        # the default options name news-lexical; each article says news
        assert reclean(store, _config()).changed == 0
        # asked for the default model for all, every article is cleaned with it
        s = reclean(store, _config(), own_line_model=False)
        assert s.changed == 4 and "meta" in s.fields
        assert {a.meta["line_model"] for a in store.iter_articles()} == {"news-lexical"}


def test_one_outlet_only(stored: Path) -> None:
    _age(stored)
    with Store(stored) as store:
        s = reclean(store, _config(), outlet="villepost")
        assert (s.checked, s.changed) == (1, 1)
        assert reclean(store, _config(), dry_run=True).changed == 3


def test_dry_run_counts_and_writes_nothing(stored: Path) -> None:
    _age(stored)
    aged = _docs(stored)
    with Store(stored) as store:
        s = reclean(store, _config(), dry_run=True)
    assert s.changed == 4 and s.dedup_rebuilt is None
    assert _docs(stored) == aged


def test_a_rewrite_replaces_body_search_and_removed_lines(stored: Path) -> None:
    with sqlite3.connect(stored) as c:
        (aid, doc) = c.execute("SELECT id, doc FROM articles WHERE source_path LIKE '%strike.txt'").fetchone()
        d = json.loads(doc)
        removed_before = c.execute("SELECT COUNT(*) FROM removed WHERE article_id = ?", (aid,)).fetchone()[0]
        # as an older cleaner might have stored it: a nag kept in the body, its removal lost
        nag = next(r for r in d["removed"] if r["text"] == "Advertisement")
        d["paragraphs"].append({"text": nag["text"], "start": nag["start"], "end": nag["end"], "lang": None})
        d["removed"] = [r for r in d["removed"] if r is not nag]
        body = "\n\n".join(p["text"] for p in d["paragraphs"])
        c.execute("UPDATE articles SET doc = ?, body = ? WHERE id = ?", (json.dumps(d), body, aid))
        c.execute("DELETE FROM removed WHERE article_id = ? AND text = 'Advertisement'", (aid,))
    with Store(stored) as store:
        assert [a.id for a in store.search("Advertisement")] == [aid]
        s = reclean(store, _config())
        assert s.changed == 1 and s.fields == {"text": 1, "paragraphs": 1, "removed": 1}
        assert (s.moved, s.dedup_rebuilt) == (1, 4)
        assert store.search("Advertisement") == []
        art = store.get_article(aid)
        assert art is not None and "Advertisement" not in art.text
    with sqlite3.connect(stored) as c:
        assert (
            c.execute("SELECT COUNT(*) FROM removed WHERE article_id = ?", (aid,)).fetchone()[0]
            == removed_before
        )


def test_html_stored_without_its_page_is_counted_not_touched(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    with Store(db) as store:
        ingest([_inputs(tmp_path / "in")], store, _config(keep_sources=False))
    before = _docs(db)
    with Store(db) as store:
        s = reclean(store, _config())
    assert (s.checked, s.no_source, s.unchanged) == (4, 1, 3)
    assert _docs(db) == before


def test_an_article_that_no_longer_cleans_keeps_its_stored_version(stored: Path) -> None:
    before = _docs(stored)
    with sqlite3.connect(stored) as c:
        import zlib

        c.execute("UPDATE sources SET compressed = ?", (zlib.compress(b"\x00" * 400),))
    with Store(stored) as store:
        s = reclean(store, _config())
        assert s.errors == 1 and s.changed == 0
        (err,) = [e for e in store.errors() if e.stage == "reclean"]
        assert "binary" in err.reason
    assert _docs(stored) == before


def test_a_run_stopped_before_the_rebuild_is_finished_by_the_next(stored: Path) -> None:
    from newsdesk.dedup.index import forget, is_stale

    members = _rows(stored, "SELECT article_id, group_id, canonical_id, kind FROM dedup_members")
    with Store(stored) as store:
        art = next(a for a in store.iter_articles() if a.source_path and a.source_path.endswith("strike.txt"))
        assert not is_stale(store.conn)
        # what replace_article does, then the process dies before the rebuild
        assert store.replace_article(art, forget=[forget])
        assert is_stale(store.conn)
        s = reclean(store, _config())
        assert s.changed == 0 and s.dedup_rebuilt == 4
        assert not is_stale(store.conn)
    assert _rows(stored, "SELECT article_id, group_id, canonical_id, kind FROM dedup_members") == members


def test_stored_record_of_an_old_article_uses_its_stored_fields() -> None:
    raw = "Council passes budget\n\nThe council approved the budget on Monday, the mayor said.\n"
    art = Article.from_dict(
        {
            "id": "x" * 64,
            "raw": raw,
            "source_path": "a.jsonl",
            "input_format": "jsonl",
            "outlet": "villepost",
            "published": "2024-03-04",
            "published_source": "input",
            "title": {"text": "Council passes budget", "start": 0, "end": 21},
            "meta": {"location": "1"},
        }
    )
    rec = stored_record(art, None)
    assert rec is not None
    assert (rec.content, rec.content_type, rec.title, rec.published, rec.outlet, rec.location) == (
        raw,
        "text",
        "Council passes budget",
        "2024-03-04",
        "villepost",
        "1",
    )
    # an HTML article whose page was not kept cannot be cleaned again
    art.meta["declared"] = {"content_type": "html"}
    assert stored_record(art, None) is None
    assert stored_record(art, b"<html></html>") is not None


def test_changed_fields_names_what_differs() -> None:
    a = Article.from_dict({"id": "a", "raw": "x y"})
    b = Article.from_dict(
        {"id": "a", "raw": "x y", "lang": "en", "authors": [{"text": "x", "start": 0, "end": 1}]}
    )
    assert changed_fields(a, a) == []
    assert changed_fields(a, b) == ["lang", "authors"]


def test_cli_reclean_reports_and_is_idempotent(stored: Path) -> None:
    _age(stored)
    runner = CliRunner()
    first = runner.invoke(app, ["reclean", "--db", str(stored), "--stages", "dedup", "--json"])
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout)
    assert summary["changed"] == 4 and summary["fields"]["authors"] >= 3
    second = runner.invoke(app, ["reclean", "--db", str(stored), "--stages", "dedup"])
    assert second.exit_code == 0
    assert "changed 0" in second.output
    missing = runner.invoke(app, ["reclean", "--db", str(stored.parent / "nope.db")])
    assert missing.exit_code == 2


def test_claims_are_extracted_again_only_where_their_inputs_changed(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    with Store(db) as store:
        ingest([_inputs(tmp_path / "in")], store, _config(stages=("dedup", "claims")))
    claims = _rows(db, "SELECT article_id, data FROM annotations WHERE kind = 'claims'")
    assert len(claims) == 4
    _age(db)
    with Store(db) as store:
        s = reclean(store, _config(stages=("dedup", "claims")))
    # the names of a byline are no input of the claims stage: the stored claims stand
    assert s.changed == 4 and s.claims == 0
    assert _rows(db, "SELECT article_id, data FROM annotations WHERE kind = 'claims'") == claims
    with sqlite3.connect(db) as c:
        aid, doc = c.execute("SELECT id, doc FROM articles WHERE source_path LIKE '%strike.txt'").fetchone()
        d = json.loads(doc)
        d["paragraphs"] = d["paragraphs"][:1]  # as if an older cleaner had lost the rest
        c.execute("UPDATE articles SET doc = ? WHERE id = ?", (json.dumps(d), aid))
        c.execute("UPDATE annotations SET data = '{}' WHERE article_id = ? AND kind = 'claims'", (aid,))
    with Store(db) as store:
        s = reclean(store, _config(stages=("dedup", "claims")))
    assert (s.changed, s.claims, s.moved) == (1, 1, 1)
    assert _rows(db, "SELECT article_id, data FROM annotations WHERE kind = 'claims'") == claims


def test_claims_that_fail_are_reported_and_the_rewrite_stands(
    stored: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsdesk import claims

    def broken(article: Article) -> None:
        raise RuntimeError("parser crashed")

    with sqlite3.connect(stored) as c:
        aid, doc = c.execute("SELECT id, doc FROM articles WHERE source_path LIKE '%strike.txt'").fetchone()
        d = json.loads(doc)
        d["paragraphs"] = d["paragraphs"][:1]
        c.execute("UPDATE articles SET doc = ? WHERE id = ?", (json.dumps(d), aid))
        c.execute("INSERT INTO annotations(article_id, kind, data) VALUES (?, 'claims', '{}')", (aid,))
    monkeypatch.setattr(claims, "extract_claims", broken)
    with Store(stored) as store:
        s = reclean(store, _config(stages=("dedup", "claims")))
        assert (s.changed, s.claims, s.errors) == (1, 0, 1)
        (err,) = [e for e in store.errors() if e.stage == "claims"]
        assert "parser crashed" in err.reason and err.source_path.endswith("strike.txt")
        # the text was rewritten, and the claims of the old text are gone with it
        art = store.get_article(aid)
        assert art is not None and len(art.paragraphs) > 1
        assert not store.has_annotation(aid, "claims")

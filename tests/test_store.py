from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsdesk.model import Annotation, Article, Paragraph, ReadError, Removed, Span
from newsdesk.store import Store, fts_query
from newsdesk.store.migrations import migrate


def make_article(aid: str, title: str, body: str, outlet: str = "example.org") -> Article:
    raw = f"{title}\n\n{body}\n\nShare this"
    b0 = len(title) + 2
    a = Article(
        id=aid,
        raw=raw,
        outlet=outlet,
        title=Span(title, 0, len(title)),
        paragraphs=[Paragraph(body, b0, b0 + len(body))],
        removed=[Removed("Share this", "label", len(raw) - 10, len(raw), "UI label")],
    )
    a.check_spans()
    return a


def test_add_is_idempotent_and_counts_sightings(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        a = make_article("a" * 20, "Port strike ends", "Dockers voted to return to work on Monday.")
        assert store.add_article(a, location="line=1") is True
        assert store.add_article(a, location="line=1") is False
        assert store.add_sighting(a.id, "other.txt", None, None) is True
        assert store.add_sighting(a.id, "other.txt", None, None) is False
        assert store.count("articles") == 1
        assert store.count("removed") == 1
        assert len(store.sightings(a.id)) == 2
        back = store.get_article(a.id[:8])
        assert back is not None and back.to_dict() == a.to_dict()


def test_search_ranks_title_and_survives_hostile_queries(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        store.add_article(make_article("1" * 20, "Dam collapse kills 41", "Rescuers searched the valley."))
        store.add_article(make_article("2" * 20, "Rate decision", "The bank mentioned a dam project once."))
        hits = store.search("dam")
        assert [h.id for h in hits] == ["1" * 20, "2" * 20]
        assert "[" in hits[1].snippet
        for hostile in [
            '"unbalanced',
            "AND OR NOT",
            "dam) OR (",
            "col:umn",
            "",
            "*",
            "0\x00",
            "\x00",
            "a\x1fb",
        ]:
            store.search(hostile)  # must not raise
        assert store.search("collaps*")[0].id == "1" * 20
        assert store.search("dam\x00")[0].id == "1" * 20  # a control character separates words
        assert store.search("dam", outlet="nowhere") == []


def test_search_by_author_folds_case_in_any_script(tmp_path: Path) -> None:
    a = make_article("1" * 20, "Dam collapse kills 41", "Rescuers searched the valley.")
    by = "Von Gàbor Muniér und Jane Doe"
    a.raw += "\n" + by
    at = len(a.raw) - len(by)
    a.byline = Span(by, at, at + len(by))
    a.authors = [Span("Gàbor Muniér", at + 4, at + 16), Span("Jane Doe", at + 21, at + 29)]
    a.check_spans()
    with Store(tmp_path / "n.db") as store:
        store.add_article(a)
        store.add_article(make_article("2" * 20, "Rate decision", "The bank mentioned a dam project once."))
        assert [h.id for h in store.search("dam", author="GÀBOR MUNIÉR")] == ["1" * 20]
        assert [h.id for h in store.search("dam", author="jane doe")] == ["1" * 20]
        assert store.search("dam", author="Jane") == []  # a whole name, not a part of one
        assert store.search("dam", author="x' OR 1=1 --") == []
    with Store(tmp_path / "n.db", readonly=True) as store:
        assert [h.id for h in store.search("valley", author="Jane Doe")] == ["1" * 20]


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('dam AND "x') == '"dam" "AND" "x"'
    assert fts_query("strik*") == '"strik"*'


def test_errors_are_recorded_once(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        e = ReadError("bad.bin", "binary content (PNG image)")
        assert store.add_error(e) is True
        assert store.add_error(e) is False
        assert [x.reason for x in store.errors()] == ["binary content (PNG image)"]


def test_annotations_replace_only_on_change(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        a = make_article("3" * 20, "T", "Body.")
        store.add_article(a)
        ann = Annotation(a.id, "lang", {"lang": "en"})
        assert store.put_annotation(ann) is True
        assert store.put_annotation(ann) is False
        assert store.put_annotation(Annotation(a.id, "lang", {"lang": "fr"})) is True
        assert store.get_annotation(a.id, "lang") == {"lang": "fr"}
        assert [x.data for x in store.iter_annotations("lang")] == [{"lang": "fr"}]


def test_outlet_line_counts_count_each_document_once(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        assert store.observe_outlet_lines("d1", "o", ["k1", "k2", "k2"])
        assert not store.observe_outlet_lines("d1", "o", ["k1"])
        assert store.observe_outlet_lines("d2", "o", ["k1"])
        assert store.outlet_line_counts("o") == {"k1": 2}
        assert store.outlet_doc_counts() == {"o": 2}


def test_a_new_store_is_made_without_upgrade_notes(tmp_path: Path) -> None:
    notes: list[str] = []
    with Store(tmp_path / "new.db", notify=notes.append):
        pass
    with Store(tmp_path / "new.db", notify=notes.append):
        pass
    assert notes == []


def test_migrations_are_recorded_and_not_reapplied(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    assert migrate(conn) == []
    versions = set(conn.execute("SELECT component, version FROM schema_migrations"))
    assert ("core", 1) in versions
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_iter_articles_streams_in_batches(tmp_path: Path) -> None:
    with Store(tmp_path / "n.db") as store:
        ids = [f"{i:020d}" for i in range(7)]
        for i in ids:
            store.add_article(make_article(i, f"Title {i}", f"Body {i}."))
        assert [a.id for a in store.iter_articles(batch=3)] == ids


def test_a_word_hyphenated_for_display_is_found_whole(tmp_path: Path) -> None:
    # soft hyphens, as German and French sites print long words; invisible on the page
    body = "Die Mes\u00adsen\u00adger\u00addiens\u00adte sammeln Daten. Sans recherche auto\u00adnome, rien."
    a = make_article("1" * 20, "Da\u00adten\u00adschutz im Netz", body)
    with Store(tmp_path / "n.db") as store:
        store.add_article(a)
        for query in (
            "Messengerdienste",
            "autonome",
            "Datenschutz",
            "Messenger*",
            "Mes\u00adsen\u00adger\u00addiens\u00adte",
        ):
            assert [h.id for h in store.search(query)] == [a.id], query
        (hit,) = store.search("Messengerdienste")
        # the snippet is cut from the same invisible-free text, so the match is highlighted
        assert "[Messengerdienste]" in hit.snippet
        # the stored text keeps what the page had: spans stay exact
        back = store.get_article(a.id)
        assert back is not None and back.text == body
        back.check_spans()
        # an update and a delete keep the index in step (the triggers strip the same way)
        store.conn.execute(
            "UPDATE articles SET body = ? WHERE id = ?", ("Ganz an\u00adde\u00adrer Text", a.id)
        )
        assert store.search("Messengerdienste") == [] and [h.id for h in store.search("anderer")] == [a.id]
        for table in ("removed", "sightings"):
            store.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (a.id,))
        store.conn.execute("DELETE FROM articles WHERE id = ?", (a.id,))
        assert store.search("anderer") == []
        assert (
            store.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
            is not None
        )


def test_a_store_from_before_the_search_view_is_indexed_again(tmp_path: Path) -> None:
    from newsdesk.store.migrations import CORE_MIGRATIONS, _split_sql

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE schema_migrations (component TEXT NOT NULL, version INTEGER NOT NULL,"
        " PRIMARY KEY (component, version))"
    )
    for statement in _split_sql(CORE_MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("INSERT INTO schema_migrations VALUES ('core', 1)")
    a = make_article("1" * 20, "Hafen", "Die Ha\u00adfen\u00adar\u00adbei\u00adter streiken.")
    conn.execute(
        "INSERT INTO articles(id, title, body, doc, ingested_at) VALUES (?,?,?,?,?)",
        (a.id, a.title.text if a.title else "", a.text, a.to_json(), "2026-01-01T00:00:00Z"),
    )
    conn.commit()
    # the old index split the word at its soft hyphens
    assert (
        conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Hafenarbeiter'").fetchone()[
            0
        ]
        == 0
    )
    conn.close()
    notes: list[str] = []
    with Store(path, notify=notes.append) as store:
        assert [h.id for h in store.search("Hafenarbeiter")] == [a.id]
        # the upgrade was announced before it ran, with the store's size
        assert notes[0] == "upgrading the store: core schema 2 (1 article; a large store takes a while)"
        assert all(n.startswith("upgrading the store: ") for n in notes)
        assert ("core", 2) in {
            tuple(r) for r in store.conn.execute("SELECT component, version FROM schema_migrations")
        }


def test_a_date_given_to_the_month_or_year_is_a_period_kept_only_inside_the_bounds(tmp_path: Path) -> None:
    """A declared "2024-03" once sorted before "2024-03-01", so ``--since 2024-03-01`` lost a
    March article, and ``--until 2024-03-15`` kept one that may be from the 20th."""
    dated = [("m" * 20, "2024-03"), ("y" * 20, "2024"), ("f" * 20, "2024-02")]
    with Store(tmp_path / "n.db") as store:
        for aid, published in dated:
            a = make_article(aid, "Harbour strike", "Dockers voted on the offer.")
            a.published = published
            store.add_article(a)

        def ids(**filters: str) -> set[str]:
            return {h.id[0] for h in store.search("dockers", **filters)}  # type: ignore[arg-type]

        assert ids(since="2024-03-01") == {"m"}
        assert ids(since="2024-03") == {"m"}
        assert ids(since="2024-03-02") == set()
        assert ids(until="2024-03-31") == {"m", "f"}
        assert ids(until="2024-03-30") == {"f"}
        assert ids(until="2024-02-29") == {"f"}
        assert ids(since="2024-03", until="2024-03") == {"m"}
        assert ids(since="2024", until="2024") == {"m", "y", "f"}
        assert ids(since="2024-01-01", until="2024-12-31") == {"m", "y", "f"}
        assert ids(since="2024-01-02") == {"m", "f"}
        assert ids(until="2024-12-30") == {"m", "f"}


def test_search_keeps_a_language_and_a_publication_period(tmp_path: Path) -> None:
    dated = [
        ("1" * 20, "en", "2024-02-29T23:50:00-05:00"),
        ("2" * 20, "en", "2024-03-01"),
        ("3" * 20, "fr", "2024-03-31T08:00:00+02:00"),
        ("4" * 20, "en", "2024-04-01T00:10:00+02:00"),
        ("5" * 20, "en", None),
    ]
    with Store(tmp_path / "n.db") as store:
        for aid, lang, published in dated:
            a = make_article(aid, "Harbour strike", "Dockers voted on the offer.")
            a.lang, a.published = lang, published
            store.add_article(a)

        def ids(**filters: str) -> set[str]:
            return {h.id[0] for h in store.search("dockers", **filters)}  # type: ignore[arg-type]

        assert ids() == {"1", "2", "3", "4", "5"}
        # a month's bounds take the whole month, as the outlet dated it; an undated article
        # is left out once a period is asked for
        assert ids(since="2024-03", until="2024-03") == {"2", "3"}
        assert ids(since="2024-03-01") == {"2", "3", "4"}
        assert ids(until="2024-02-29") == {"1"}
        assert ids(since="2024") == {"1", "2", "3", "4"}
        assert ids(lang="fr") == {"3"}
        assert ids(lang="en", until="2024-03") == {"1", "2"}
        for bad in ("2024-3", "yesterday", "2024-03-01' OR 1=1 --"):
            with pytest.raises(ValueError, match="not a date"):
                store.search("dockers", since=bad)
        # what the corpus holds, for choosing those filters
        stats = store.stats()
        assert stats["languages"] == {"en": 4, "fr": 1}
        assert stats["published"] == {"first": "2024-02-29", "last": "2024-04-01", "undated": 1}


def test_export_keeps_the_filtered_articles_with_their_removed_lines_and_annotations(tmp_path: Path) -> None:
    """Both formats write the articles the filters keep and only their removed lines and
    annotations, the Parquet tables in batches of articles (one here, to cross batches)."""
    import json

    import pyarrow.parquet as pq

    from newsdesk.export import export_jsonl, export_parquet

    with Store(tmp_path / "n.db") as store:
        for aid, lang, published in (
            ("1" * 20, "en", "2024-03-01"),
            ("2" * 20, "fr", "2024-03-02"),
            ("3" * 20, "en", "2024-04-01"),
        ):
            a = make_article(aid, "Harbour strike", "Dockers voted on the offer.")
            a.lang, a.published = lang, published
            store.add_article(a)
            store.put_annotation(Annotation(aid, "claims", {"n": int(aid[0])}))
        n = export_jsonl(store, tmp_path / "x.jsonl", lang="en", until="2024-03")
        docs = [json.loads(line) for line in (tmp_path / "x.jsonl").read_text().splitlines()]
        assert n == 1 and [d["id"] for d in docs] == ["1" * 20]
        assert docs[0]["annotations"] == {"claims": {"n": 1}}
        n = export_parquet(store, tmp_path / "pq", batch=1, since="2024-03")
        assert n == 3
        n = export_parquet(store, tmp_path / "pq", batch=1, lang="en")
        assert n == 2
        ids = {"1" * 20, "3" * 20}
        assert set(pq.read_table(tmp_path / "pq" / "articles.parquet").column("id").to_pylist()) == ids
        removed = pq.read_table(tmp_path / "pq" / "removed.parquet").to_pylist()
        assert {r["article_id"] for r in removed} == ids and all(r["reason"] == "label" for r in removed)
        notes = pq.read_table(tmp_path / "pq" / "annotations.parquet").to_pylist()
        assert sorted((r["article_id"], json.loads(r["data"])["n"]) for r in notes) == [
            ("1" * 20, 1),
            ("3" * 20, 3),
        ]
        with pytest.raises(ValueError, match="not a date"):
            export_jsonl(store, tmp_path / "bad.jsonl", since="March")
        assert not (tmp_path / "bad.jsonl").exists()


_UNSPACED_ARTICLES = [
    (
        "1" * 20,
        "国务院通过新一年度财政预算",
        "财政部长周二表示，明年财政赤字率将控制在百分之三左右，新华社报道。iPhone发布会推迟。",
    ),
    (
        "2" * 20,
        "政府は来年度予算案を閣議決定した",
        "財務大臣は火曜日、来年度の財政赤字は国内総生産の3.5％になるとの見通しを示した。",
    ),
    ("3" * 20, "รัฐบาลอนุมัติงบประมาณปีหน้า", "รัฐมนตรีกล่าวว่าค่าใช้จ่ายด้านสาธารณสุขจะเพิ่มขึ้นร้อยละ 12"),
    ("4" * 20, "सरकार ने बजट को मंजूरी दी", "संबंधित खबरें और मंत्री के अनुसार स्वास्थ्य पर खर्च बढ़ेगा।"),
    ("5" * 20, "Dam collapse kills 41", "Rescuers searched the valley."),
    ("6" * 20, "정부, 새해 예산안 국무회의 의결", "국회는 다음 주 예산안을 심의할 예정이다."),
]


def _words_found(store: Store) -> None:
    for query, want in (
        ("预算", "1"),  # inside the unbroken run of the headline
        ("赤字率", "1"),
        ("iPhone", "1"),  # a Latin word glued to Chinese text
        ("予算", "2"),
        ("財務大臣", "2"),
        ("งบประมาณ", "3"),
        ("खबरें", "4"),  # a Hindi word with its vowel signs
        ("valley", "5"),
        ("예산안", "6"),  # also where its particle is glued to it ("예산안을")
        ("심의", "6"),
        ("赤字 新华社", "1"),  # two words, both required
    ):
        assert [h.id for h in store.search(query)] == [want * 20], query
    assert {h.id for h in store.search("赤字")} == {"1" * 20, "2" * 20}  # 財政赤字 in Japanese too
    assert store.search("赤字 valley") == []
    (hit,) = store.search("赤字率")
    assert "[赤字率]" in hit.snippet and "\u205f" not in hit.snippet
    assert "明年财政[赤字率]将控制在百分之三左右" in hit.snippet  # the text as printed, with context


def test_words_inside_text_written_without_spaces_are_found(tmp_path: Path) -> None:
    """Chinese, Japanese and Thai put no space between words, and FTS5's tokenizer made each
    unbroken run one token: a word inside a sentence could not be found."""
    with Store(tmp_path / "n.db") as store:
        for aid, title, body in _UNSPACED_ARTICLES:
            store.add_article(make_article(aid, title, body))
        _words_found(store)
        back = store.get_article("1" * 20)
        assert back is not None and back.text == _UNSPACED_ARTICLES[0][2]  # stored as printed
        # a new cleaning of the article is indexed from its new text
        store.replace_article(
            make_article("1" * 20, "国务院通过新一年度财政预算", "教育支出将比去年增长百分之八。")
        )
        assert store.search("赤字率") == [] and [h.id for h in store.search("教育")] == ["1" * 20]
        store.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")


def test_a_store_from_before_the_segmented_search_is_indexed_again(tmp_path: Path) -> None:
    from newsdesk.store.migrations import CORE_MIGRATIONS, _split_sql, search_segments

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.create_function("nd_search_segments", 1, search_segments, deterministic=True)
    conn.execute(
        "CREATE TABLE schema_migrations (component TEXT NOT NULL, version INTEGER NOT NULL,"
        " PRIMARY KEY (component, version))"
    )
    for version, script in enumerate(CORE_MIGRATIONS[:3], start=1):
        for statement in _split_sql(script):
            conn.execute(statement)
        conn.execute("INSERT INTO schema_migrations VALUES ('core', ?)", (version,))
    for aid, title, body in _UNSPACED_ARTICLES:
        conn.execute(
            "INSERT INTO articles(id, title, body, doc, ingested_at) VALUES (?,?,?,?,?)",
            (aid, title, body, make_article(aid, title, body).to_json(), "2026-01-01T00:00:00Z"),
        )
    conn.commit()
    assert (
        conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '赤字'").fetchone()[0] == 0
    )
    conn.close()
    with Store(path) as store:
        _words_found(store)
        assert ("core", 4) in {
            tuple(r) for r in store.conn.execute("SELECT component, version FROM schema_migrations")
        }
        # only the articles holding such text have the segmented columns
        assert (
            store.conn.execute("SELECT count(*) FROM articles WHERE search_body IS NOT NULL").fetchone()[0]
            == 4
        )
        store.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")


def test_fts_query_reads_a_word_as_the_index_does() -> None:
    assert fts_query("U.S. 赤字 खबरें*") == '"U.S." "赤\u205f字" "खबरें"*'
    assert fts_query('" ... *') == ""


def test_arabic_and_hebrew_words_are_found_whatever_marks_they_carry(tmp_path: Path) -> None:
    voweled = make_article("7" * 20, "الـحـكـومـة تُقِرّ الموازنة", "قال مُحَمَّد إنّ العجز سيبلغ ثلاثة في المئة.")
    plain = make_article("8" * 20, "وزير المالية", "قال محمد علي إن الحكومة ستقر الموازنة.")
    pointed = make_article("9" * 20, "הַמֶּמְשָׁלָה אישרה", "שר האוצר אמר כי התקציב יאושר.")
    with Store(tmp_path / "n.db") as store:
        for a in (voweled, plain, pointed):
            store.add_article(a)
        assert {h.id for h in store.search("محمد")} == {voweled.id, plain.id}
        assert {h.id for h in store.search("مُحَمَّد")} == {voweled.id, plain.id}
        # the first in its tatweel-stretched headline ("الـحـكـومـة"), the second in its body
        assert {h.id for h in store.search("الحكومة")} == {voweled.id, plain.id}
        assert [h.id for h in store.search("הממשלה")] == [pointed.id]
        back = store.get_article(voweled.id)
        assert back is not None and back.text == voweled.text  # stored with its marks

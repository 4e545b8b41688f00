"""Versioned schema migrations, per component.

Each component (core, dedup, claims, stories, ...) owns an ordered list of SQL scripts.
The store records ``(component, version)`` in ``schema_migrations`` and applies only what
is missing, so a database written by an older newsdesk opens with a newer one, and
components developed apart never renumber each other's migrations.

A component's migrations live in its own package (``newsdesk.<component>.schema``,
attribute ``MIGRATIONS``); this module lists which components exist.
"""

from __future__ import annotations

import importlib
import re
import sqlite3
from collections.abc import Callable

#: characters invisible inside a word that the search index and its snippets leave out
#: (soft hyphen, word joiner, zero-width no-break space); never typed in a query
SEARCH_INVISIBLE = "\u00ad\u2060\ufeff"

#: the scripts written without spaces between words: Han, kana (and half-width katakana),
#: Thai, Lao, Myanmar, Khmer; and Hangul, whose words carry their particles ("예산안을", the
#: budget bill + object particle).  FTS5's unicode61 tokenizer makes a whole run of them one
#: token, so a word inside a Chinese or Thai sentence could not be found ("预算" in
#: "国务院通过新一年度财政预算"), nor a Korean word with its particle; the search index reads
#: each of their characters as a token, and a query's words are read the same way, as
#: phrases, which find them anywhere.
UNSPACED_CHARS = (
    "\u0e00-\u0eff\u1000-\u11ff\u1780-\u17ff\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"
)
UNSPACED = re.compile(f"[{UNSPACED_CHARS}]")
UNSPACED_EDGE = re.compile(f"(?<=[{UNSPACED_CHARS}])(?=\\S)|(?<=\\S)(?=[{UNSPACED_CHARS}])")
#: what :func:`search_segments` puts beside those characters: the medium mathematical space,
#: a space to the tokenizer that no news text prints, so a snippet loses exactly these
SEGMENT_MARK = "\u205f"


#: marks a reader skips and a query leaves out: Arabic's short vowels, shadda and sukun, the
#: tatweel that stretches a word for layout ("الـعـربية"), and Hebrew's points and
#: cantillation.  FTS5's ``remove_diacritics`` folds Latin accents only, so "مُحَمَّد" was
#: not found by "محمد".
SEARCH_DROPPED = re.compile(
    "[\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]"
)


def search_segments(text: str | None) -> str | None:
    """``text`` as the search index reads it, or None when that is the text itself (most
    articles are indexed from their own columns): :data:`SEGMENT_MARK` on each side of
    every character of :data:`UNSPACED_CHARS`, and the marks of :data:`SEARCH_DROPPED`
    left out."""
    if not text or text.isascii():
        return None
    out = text
    if SEARCH_DROPPED.search(out) is not None:
        out = SEARCH_DROPPED.sub("", out)
    if UNSPACED.search(out) is not None:
        out = UNSPACED_EDGE.sub(SEGMENT_MARK, out)
    return out if out != text else None


def unsegmented(snippet: str) -> str:
    """A snippet of segmented text (:func:`search_segments`) as the article prints it."""
    return snippet.replace(SEGMENT_MARK, "")


def _searched(column: str) -> str:
    """SQL for ``column`` without :data:`SEARCH_INVISIBLE` (SQLite's own functions only, so
    the triggers work in any client that writes the table)."""
    expr = column
    for ch in SEARCH_INVISIBLE:
        expr = f"replace({expr}, char({ord(ch)}), '')"
    return expr


CORE_MIGRATIONS: list[str] = [
    # 1: articles, where each was seen, what was removed, errors, full-text search
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source_path TEXT,
        location TEXT,
        url TEXT,
        outlet TEXT,
        input_format TEXT,
        lang TEXT,
        title TEXT,
        deck TEXT,
        byline TEXT,
        dateline TEXT,
        published TEXT,
        body TEXT NOT NULL,
        doc TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE sightings (
        article_id TEXT NOT NULL REFERENCES articles(id),
        source_path TEXT NOT NULL,
        location TEXT NOT NULL DEFAULT '',
        url TEXT,
        PRIMARY KEY (article_id, source_path, location)
    );
    CREATE TABLE sources (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        content_type TEXT NOT NULL,
        compressed BLOB NOT NULL
    );
    CREATE TABLE removed (
        article_id TEXT NOT NULL REFERENCES articles(id),
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        reason TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        lang TEXT,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX removed_reason ON removed(reason);
    CREATE TABLE errors (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        source_path TEXT NOT NULL,
        location TEXT NOT NULL DEFAULT '',
        stage TEXT NOT NULL,
        reason TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        UNIQUE (source_path, location, stage, reason)
    );
    CREATE TABLE annotations (
        article_id TEXT NOT NULL REFERENCES articles(id),
        kind TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (article_id, kind)
    );
    CREATE INDEX annotations_kind ON annotations(kind);
    CREATE TABLE outlet_lines (
        outlet TEXT NOT NULL,
        line_key TEXT NOT NULL,
        docs INTEGER NOT NULL,
        PRIMARY KEY (outlet, line_key)
    ) WITHOUT ROWID;
    CREATE TABLE outlet_docs (
        article_key TEXT PRIMARY KEY,
        outlet TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, content='articles', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
        VALUES ('delete', old.rowid, old.title, old.body);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
        VALUES ('delete', old.rowid, old.title, old.body);
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
    END;
    """,
    # 2: search what a reader sees. A soft hyphen (U+00AD: "Mes\u00adsen\u00adger\u00addiens\u00adte"),
    # a word joiner (U+2060) or a zero-width no-break space (U+FEFF) inside a word is invisible
    # on the page, but FTS5's unicode61 tokenizer splits the word at it, so the word could not
    # be found. The index now reads a view that drops those three; snippets come from the same
    # view, so highlights fall on the words the index matched. ``raw``, ``body`` and every span
    # keep them (provenance); only what is searched and shown as a snippet loses them.
    f"""
    DROP TRIGGER articles_ai;
    DROP TRIGGER articles_ad;
    DROP TRIGGER articles_au;
    DROP TABLE articles_fts;
    CREATE VIEW articles_searched AS
        SELECT rowid AS rid, {_searched("title")} AS title, {_searched("body")} AS body FROM articles;
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, content='articles_searched', content_rowid='rid',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body)
        VALUES (new.rowid, {_searched("new.title")}, {_searched("new.body")});
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
        VALUES ('delete', old.rowid, {_searched("old.title")}, {_searched("old.body")});
    END;
    CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
        VALUES ('delete', old.rowid, {_searched("old.title")}, {_searched("old.body")});
        INSERT INTO articles_fts(rowid, title, body)
        VALUES (new.rowid, {_searched("new.title")}, {_searched("new.body")});
    END;
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
    """,
    # 3: articles by language: `search --lang`, `export --lang` and the per-language counts of
    # `stats` (shown on every page of the web UI) read an index, not the whole table
    """
    CREATE INDEX articles_lang ON articles(lang);
    """,
    # 4: words inside Chinese, Japanese, Korean, Thai, Lao, Myanmar and Khmer text can be found,
    # and Arabic and Hebrew words whatever vowel marks they carry. An article holding such
    # text keeps its title and body as the index should read them (search_segments: a space
    # beside each of those characters, the marks left out) in two more columns, which the
    # index reads in place of the text; other articles leave them NULL and read as before. Only those articles are indexed again. (nd_search_segments is
    # search_segments, registered by the store on its connection; the triggers need nothing
    # but SQLite: the store fills the columns itself.)
    f"""
    DROP TRIGGER articles_ai;
    DROP TRIGGER articles_ad;
    DROP TRIGGER articles_au;
    DROP VIEW articles_searched;
    ALTER TABLE articles ADD COLUMN search_title TEXT;
    ALTER TABLE articles ADD COLUMN search_body TEXT;
    UPDATE articles SET search_title = nd_search_segments(title), search_body = nd_search_segments(body);
    INSERT INTO articles_fts(articles_fts, rowid, title, body)
        SELECT 'delete', rowid, {_searched("title")}, {_searched("body")} FROM articles
        WHERE search_title IS NOT NULL OR search_body IS NOT NULL;
    INSERT INTO articles_fts(rowid, title, body)
        SELECT rowid, {_searched("coalesce(search_title, title)")}, {_searched("coalesce(search_body, body)")}
        FROM articles WHERE search_title IS NOT NULL OR search_body IS NOT NULL;
    CREATE VIEW articles_searched AS
        SELECT rowid AS rid, {_searched("coalesce(search_title, title)")} AS title,
        {_searched("coalesce(search_body, body)")} AS body FROM articles;
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body)
        VALUES (new.rowid, {_searched("coalesce(new.search_title, new.title)")},
                {_searched("coalesce(new.search_body, new.body)")});
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
        VALUES ('delete', old.rowid, {_searched("coalesce(old.search_title, old.title)")},
                {_searched("coalesce(old.search_body, old.body)")});
    END;
    CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
        VALUES ('delete', old.rowid, {_searched("coalesce(old.search_title, old.title)")},
                {_searched("coalesce(old.search_body, old.body)")});
        INSERT INTO articles_fts(rowid, title, body)
        VALUES (new.rowid, {_searched("coalesce(new.search_title, new.title)")},
                {_searched("coalesce(new.search_body, new.body)")});
    END;
    """,
]

#: component name -> module holding its ``MIGRATIONS`` list (imported lazily; a missing
#: module means the component is not installed yet and is skipped).
COMPONENTS: dict[str, str] = {
    "dedup": "newsdesk.dedup.schema",
    "claims": "newsdesk.claims.schema",
    "stories": "newsdesk.stories.schema",
}


def component_migrations() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {"core": CORE_MIGRATIONS}
    for name, module in COMPONENTS.items():
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError:
            continue
        found[name] = list(getattr(mod, "MIGRATIONS", []))
    return found


def migrate(conn: sqlite3.Connection, notify: Callable[[str], None] | None = None) -> list[tuple[str, int]]:
    """Apply missing migrations; returns what was applied as ``(component, version)``.

    ``notify`` hears of each migration before it runs on a store that already held data
    (a new store's schema is made in an instant; an upgrade may re-index every article, some
    2,000 a second for the search index, and a silent wait of minutes reads as a hang)."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " component TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (component, version))"
    )
    done = {(c, v) for c, v in conn.execute("SELECT component, version FROM schema_migrations")}
    applied: list[tuple[str, int]] = []
    articles: list[int] = []  # counted once, when the first upgrade is announced
    for component, scripts in component_migrations().items():
        for version, script in enumerate(scripts, start=1):
            if (component, version) in done:
                continue
            if notify is not None and ("core", 1) in done:
                if not articles:
                    articles.append(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
                notify(
                    f"upgrading the store: {component} schema {version} "
                    f"({articles[0]:,} article{'' if articles[0] == 1 else 's'}; a large store takes a while)"
                )
            with conn:
                for statement in _split_sql(script):
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_migrations(component, version) VALUES (?, ?)", (component, version)
                )
            applied.append((component, version))
    return applied


def _split_sql(script: str) -> list[str]:
    """Split a migration script into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    buf = ""
    for part in script.split(";"):
        buf = f"{buf};{part}" if buf else part
        if sqlite3.complete_statement(buf + ";"):
            if buf.strip():
                statements.append(buf.strip())
            buf = ""
    if buf.strip():
        statements.append(buf.strip())
    return statements

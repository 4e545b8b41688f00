"""The embedded store: one SQLite file (WAL), no server.

Why SQLite: it is in the standard library, one file is easy to hand over, FTS5 gives
ranked full-text search with snippets, and WAL lets the web UI read while an ingest writes.
Every write is keyed by content hashes and uses ``INSERT OR IGNORE``, so running the same
input twice stores nothing new and an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsdesk.model import Annotation, Article, ReadError, without_lone_surrogates
from newsdesk.store.migrations import SEARCH_INVISIBLE, migrate, search_segments, unsegmented

DEFAULT_DB_ENV = "NEWSDESK_DB"
DEFAULT_DB_NAME = "newsdesk.db"


def default_db_path() -> Path:
    """``$NEWSDESK_DB`` if set, else ``newsdesk.db`` in the current directory."""
    return Path(os.environ.get(DEFAULT_DB_ENV) or DEFAULT_DB_NAME)


@dataclass(slots=True)
class SearchHit:
    id: str
    outlet: str | None
    title: str | None
    published: str | None
    snippet: str
    score: float


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


_INVISIBLE = dict.fromkeys(map(ord, SEARCH_INVISIBLE))
_CONTROLS = dict.fromkeys([*range(0x20), 0x7F], " ")


def fts_query(user_query: str) -> str:
    """Turn free text into a safe FTS5 query: every word quoted, all required.

    Scraped corpora are searched with hostile or accidental syntax ("AND", quotes,
    parentheses); quoting each word makes any input a valid query.  A trailing ``*`` on
    a word keeps prefix search.  What stands between two spaces is one quoted string, which
    the index's own tokenizer splits: "U.S." is the phrase "u s", a Hindi word keeps its
    vowel signs (``\\w`` would cut it at each: "खबरें" was looked for as "खबर"), and a
    Chinese or Thai word is the phrase of its characters, as the index reads them
    (:func:`migrations.search_segments`).
    """
    terms = []
    # (a word pasted from a page may hold a soft hyphen, which the index leaves out; a NUL
    # ends FTS5's query string inside a quoted word, and "?q=0%00" failed with "unterminated
    # string": control characters separate words here, as whitespace does)
    user_query = user_query.translate(_INVISIBLE).translate(_CONTROLS)
    for chunk in user_query.split():
        star = chunk.endswith("*")
        word = chunk.replace('"', " ").strip("* ")
        if not any(c.isalnum() for c in word):
            continue  # punctuation alone: no token to look for (an empty phrase is an error)
        terms.append(f'"{search_segments(word) or word}"' + ("*" if star else ""))
    return " ".join(terms)


#: an article one of whose authors (``Article.authors``, kept in the stored document) is the
#: given name, case aside
AUTHOR_FILTER = (
    "EXISTS (SELECT 1 FROM json_each(a.doc, '$.authors') j"
    " WHERE casefold(json_extract(j.value, '$.text')) = casefold(?))"
)


def _casefold(value: str | None) -> str | None:
    return value.casefold() if isinstance(value, str) else None


def _cleaned_columns(article: Article) -> dict[str, Any]:
    """The ``articles`` columns that cleaning decides (all but id, where it came from and
    when it was stored): what :meth:`Store.replace_article` rewrites."""
    return {
        "url": article.url,
        "outlet": article.outlet,
        "lang": article.lang,
        "title": article.title.text if article.title else None,
        "deck": article.deck.text if article.deck else None,
        "byline": article.byline.text if article.byline else None,
        "dateline": article.dateline.text if article.dateline else None,
        "published": article.published,
        "body": article.text,
        "doc": article.to_json(),
        # what the search index reads in place of title and body, where it differs from them
        # (words written without spaces, Arabic and Hebrew vowel marks; NULL elsewhere; see
        # migrations.search_segments)
        "search_title": search_segments(article.title.text if article.title else None),
        "search_body": search_segments(article.text),
    }


#: a publication date at a year's, a month's or a day's precision
_DATE_PREFIX = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")


#: the first and the last day of a stored date given to the year or the month only, else the
#: date itself
_PERIOD_START = (
    "CASE length(a.published) WHEN 4 THEN a.published || '-01-01' WHEN 7 THEN a.published || '-01' "
    "ELSE a.published END"
)
_PERIOD_END = (
    "CASE length(a.published) WHEN 4 THEN a.published || '-12-31' "
    "WHEN 7 THEN coalesce(date(a.published || '-01', '+1 month', '-1 day'), a.published) "
    "ELSE a.published END"
)


def article_filters(
    *,
    outlet: str | None = None,
    author: str | None = None,
    lang: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> tuple[list[str], list[Any]]:
    """SQL conditions on ``articles a`` (and their parameters) that keep the articles of an
    outlet, by an author, in a language, or published between two dates.

    ``since``/``until`` are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, both ends included at
    their precision ("2024-03" until the end of March), compared with the date as the outlet
    printed it (its own time zone).  An article without a date is left out when either is
    given, and so is one dated to a month or a year that reaches past a bound ("2024-03" is
    kept from ``since="2024-03-01"``, not from ``"2024-03-15"``): a monitoring desk asks what
    was published then, not what may have been.  Raises
    ValueError for another spelling."""
    where: list[str] = []
    args: list[Any] = []
    for bound in (since, until):
        if bound and not _DATE_PREFIX.fullmatch(bound):
            raise ValueError(f"not a date: {bound!r} (YYYY, YYYY-MM or YYYY-MM-DD)")
    if outlet:
        where.append("a.outlet = ?")
        args.append(outlet)
    if author:
        where.append(AUTHOR_FILTER)
        args.append(author)
    if lang:
        where.append("a.lang = ?")
        args.append(lang)
    # comparisons of the stored ISO string itself, so the index on ``published`` serves them
    # (the year alone, a coarse bound); then the exact test.  A date the outlet gave to the
    # month or the year only ("2024-03") is a period, kept when the whole period lies between
    # the bounds: it was certainly published then.  Its start is its first day, its end its
    # last; "\uffff" sorts after any character that follows a bound, so every date of the
    # bound's own period is under it ("2024-03-31T23:59" <= "2024-03\uffff" < "2024-04").
    if since or until:
        where.append("a.published > ''")
    if since:
        where.append("a.published >= ?")
        args.append(since[:4])
        where.append(f"{_PERIOD_START} >= ?")
        args.append(since + "-01-01"[len(since) - 4 :] if len(since) < 10 else since)
    if until:
        where.append("a.published <= ?")
        args.append(until[:4] + "\uffff")
        where.append(f"{_PERIOD_END} <= ?")
        args.append(until + "\uffff")
    return where, args


def _storable(value: Any) -> Any:
    """A parameter as SQLite can take it: a string's lone surrogates as U+FFFD."""
    return without_lone_surrogates(value) if isinstance(value, str) else value


def _storable_params(params: Any) -> Any:
    if isinstance(params, dict):
        return {k: _storable(v) for k, v in params.items()}
    return tuple(map(_storable, params))


class _Connection(sqlite3.Connection):
    """A connection that writes a string holding a lone surrogate with U+FFFD in its place.

    Such strings reach the store from hostile input, not only from article text: a file
    name that is not valid UTF-8 ("caf\\xe9.txt" on a Latin-1 disk) is a Python string with
    surrogate escapes, and a JSONL line's "\\ud800" one with a lone surrogate.  sqlite3
    refuses to encode them, which stopped ``newsdesk ingest`` as a whole; one conversion
    here covers every table and every caller (the duplicate index's too)."""

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        return super().execute(sql, _storable_params(parameters))

    def executemany(self, sql: str, parameters: Any, /) -> sqlite3.Cursor:
        return super().executemany(sql, map(_storable_params, parameters))


class Store:
    """Access to one newsdesk database.  Not shared across processes; open one per process."""

    def __init__(
        self, path: str | Path, *, readonly: bool = False, notify: Callable[[str], None] | None = None
    ) -> None:
        self.path = Path(path)
        self.readonly = readonly
        #: hears of long work opening the store starts (a schema upgrade, the duplicate
        #: index rebuilt for new parameters) before it runs; the CLI prints it
        self.notify = notify
        if readonly:
            uri = f"file:{self.path.resolve()}?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False, factory=_Connection)
        else:
            if self.path.parent and not self.path.parent.exists():
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, check_same_thread=False, factory=_Connection)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA busy_timeout=10000")
        self.conn.row_factory = sqlite3.Row
        # case folding of any script, for author names ("Gàbor Muniér"): SQLite's own lower()
        # and NOCASE fold ASCII only
        self.conn.create_function("casefold", 1, _casefold, deterministic=True)
        # (for the migration that fills the search columns of the articles stored before it)
        self.conn.create_function("nd_search_segments", 1, search_segments, deterministic=True)
        if not readonly:
            migrate(self.conn, notify)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles ------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def add_article(
        self,
        article: Article,
        *,
        source: bytes | str | None = None,
        location: str | None = None,
    ) -> bool:
        """Store an article, its removed lines and its source; False if it was already there."""
        with self.conn:
            row = {
                "id": article.id,
                "source_path": article.source_path,
                "location": location or "",
                "input_format": article.input_format,
                **_cleaned_columns(article),
                "ingested_at": _now(),
            }
            cur = self.conn.execute(
                f"INSERT OR IGNORE INTO articles({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                tuple(row.values()),
            )
            new = cur.rowcount == 1
            self.conn.execute(
                "INSERT OR IGNORE INTO sightings(article_id, source_path, location, url) VALUES (?,?,?,?)",
                (article.id, article.source_path or "", location or "", article.url),
            )
            if not new:
                return False
            self._insert_removed(article)
            if source is not None:
                # (as cleaned: a lone surrogate a JSON escape named is U+FFFD, see
                # clean_record, so cleaning the stored source again reads the same text)
                data = without_lone_surrogates(source).encode("utf-8") if isinstance(source, str) else source
                self.conn.execute(
                    "INSERT OR IGNORE INTO sources(article_id, content_type, compressed) VALUES (?,?,?)",
                    (article.id, article.input_format, zlib.compress(data, 6)),
                )
        return True

    def replace_article(
        self,
        article: Article,
        *,
        annotations: Iterable[Annotation] = (),
        drop: Iterable[str] = ("claims",),
        forget: Iterable[Callable[[sqlite3.Connection, str], None]] = (),
    ) -> bool:
        """Put a newer cleaning of a stored article in place of the old one (same id, same
        source, same sightings); False if no article has that id.

        Its removed lines are replaced with it, and so is the full-text index (the update
        trigger).  What later stages derived from the old text goes in the same transaction,
        so a run stopped half-way never leaves an annotation of text no longer stored: the
        annotations of the kinds in ``drop``, and whatever each ``forget(conn, article_id)``
        drops (the duplicate index's rows, see :func:`newsdesk.dedup.index.forget`).
        ``annotations`` of the new text (its claims extracted again) are written in that
        same transaction.
        """
        with self.conn:
            cols = _cleaned_columns(article)
            cur = self.conn.execute(
                f"UPDATE articles SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
                (*cols.values(), article.id),
            )
            if cur.rowcount != 1:
                return False
            self.conn.execute("DELETE FROM removed WHERE article_id = ?", (article.id,))
            self._insert_removed(article)
            self.conn.executemany(
                "DELETE FROM annotations WHERE article_id = ? AND kind = ?", [(article.id, k) for k in drop]
            )
            self.conn.executemany(
                "INSERT OR REPLACE INTO annotations(article_id, kind, data) VALUES (?,?,?)",
                [
                    (article.id, a.kind, json.dumps(a.data, ensure_ascii=False, sort_keys=True))
                    for a in annotations
                    if a.article_id == article.id
                ],
            )
            for forget_one in forget:
                forget_one(self.conn, article.id)
        return True

    def _insert_removed(self, article: Article) -> None:
        """The article's removed lines, inside the caller's transaction."""
        self.conn.executemany(
            'INSERT OR IGNORE INTO removed(article_id, idx, start, "end", reason, detail, lang, text)'
            " VALUES (?,?,?,?,?,?,?,?)",
            [
                (article.id, i, r.start, r.end, r.reason, r.detail, r.lang, r.text)
                for i, r in enumerate(article.removed)
            ],
        )

    def has_table(self, name: str) -> bool:
        return (
            self.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
            ).fetchone()
            is not None
        )

    def add_sighting(self, article_id: str, source_path: str, location: str | None, url: str | None) -> bool:
        """Record another place the same content was seen; False if already recorded."""
        with self.conn:
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO sightings(article_id, source_path, location, url) VALUES (?,?,?,?)",
                (article_id, source_path, location or "", url),
            )
        return cur.rowcount == 1

    def resolve_id(self, prefix: str) -> str | None:
        """Full id from an id or a unique prefix of at least 6 characters."""
        row = self.conn.execute("SELECT id FROM articles WHERE id = ?", (prefix,)).fetchone()
        if row:
            return str(row["id"])
        if len(prefix) < 6 or not re.fullmatch(r"[0-9a-f]+", prefix):
            return None
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? LIMIT 2", (prefix, prefix + "g")
        ).fetchall()
        return str(rows[0]["id"]) if len(rows) == 1 else None

    def get_article(self, article_id: str) -> Article | None:
        full = self.resolve_id(article_id)
        if full is None:
            return None
        row = self.conn.execute("SELECT doc FROM articles WHERE id = ?", (full,)).fetchone()
        return Article.from_json(row["doc"]) if row else None

    def get_source(self, article_id: str) -> bytes | None:
        row = self.conn.execute(
            "SELECT compressed FROM sources WHERE article_id = ?", (article_id,)
        ).fetchone()
        return zlib.decompress(row["compressed"]) if row else None

    def sightings(self, article_id: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT source_path, location, url FROM sightings WHERE article_id = ? ORDER BY source_path, location",
            (article_id,),
        )
        return [dict(r) for r in rows]

    def iter_articles(
        self,
        *,
        outlet: str | None = None,
        lang: str | None = None,
        since: str | None = None,
        until: str | None = None,
        batch: int = 500,
    ) -> Iterator[Article]:
        """Stream stored articles in id order without loading the table, kept by
        :func:`article_filters` (ValueError for a date it refuses)."""
        where, args = article_filters(outlet=outlet, lang=lang, since=since, until=until)
        sql = (
            "SELECT a.id, a.doc FROM articles a WHERE a.id > ?"
            + "".join(f" AND {w}" for w in where)
            + " ORDER BY a.id LIMIT ?"
        )
        last = ""
        while True:
            rows = self.conn.execute(sql, (last, *args, batch)).fetchall()
            if not rows:
                return
            for r in rows:
                yield Article.from_json(r["doc"])
            last = rows[-1]["id"]

    def article_ids(self) -> list[str]:
        return [r["id"] for r in self.conn.execute("SELECT id FROM articles ORDER BY id")]

    def count(self, table: str) -> int:
        if table not in {"articles", "removed", "errors", "annotations", "sightings", "sources"}:
            raise ValueError(f"unknown table {table}")
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    # -- search --------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        outlet: str | None = None,
        author: str | None = None,
        lang: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[SearchHit]:
        """Articles matching ``query``, best first, kept by :func:`article_filters`."""
        q = fts_query(query)
        if not q:
            return []
        where, args = article_filters(outlet=outlet, author=author, lang=lang, since=since, until=until)
        sql = (
            "SELECT a.id, a.outlet, a.title, a.published,"
            # (a text read character by character gets more of them: 12 are 12 Chinese ones)
            " CASE WHEN instr(coalesce(a.search_body, ''), char(8287)) = 0"
            " THEN snippet(articles_fts, 1, '[', ']', ' … ', 12)"
            " ELSE snippet(articles_fts, 1, '[', ']', ' … ', 40) END AS snip,"
            " bm25(articles_fts, 5.0, 1.0) AS score"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            " WHERE articles_fts MATCH ?"
        )
        params: list[Any] = [q]
        sql += "".join(f" AND {w}" for w in where)
        params += args
        sql += " ORDER BY score LIMIT ?"
        params.append(limit)
        return [
            SearchHit(
                r["id"], r["outlet"], r["title"], r["published"], unsegmented(r["snip"]), float(r["score"])
            )
            for r in self.conn.execute(sql, params)
        ]

    # -- errors --------------------------------------------------------------------------
    def add_error(self, error: ReadError) -> bool:
        with self.conn:
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO errors(source_path, location, stage, reason, first_seen) VALUES (?,?,?,?,?)",
                (error.source_path, error.location or "", error.stage, error.reason, _now()),
            )
        return cur.rowcount == 1

    def errors(self) -> list[ReadError]:
        return [
            ReadError(r["source_path"], r["reason"], r["location"] or None, r["stage"])
            for r in self.conn.execute("SELECT * FROM errors ORDER BY id")
        ]

    # -- annotations ---------------------------------------------------------------------
    def put_annotation(self, annotation: Annotation) -> bool:
        """Store a stage's finding; True if it is new or changed."""
        data = json.dumps(annotation.data, ensure_ascii=False, sort_keys=True)
        with self.conn:
            row = self.conn.execute(
                "SELECT data FROM annotations WHERE article_id = ? AND kind = ?",
                (annotation.article_id, annotation.kind),
            ).fetchone()
            if row is not None and row["data"] == data:
                return False
            self.conn.execute(
                "INSERT OR REPLACE INTO annotations(article_id, kind, data) VALUES (?,?,?)",
                (annotation.article_id, annotation.kind, data),
            )
        return True

    def get_annotation(self, article_id: str, kind: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT data FROM annotations WHERE article_id = ? AND kind = ?", (article_id, kind)
        ).fetchone()
        return json.loads(row["data"]) if row else None

    def has_annotation(self, article_id: str, kind: str) -> bool:
        return (
            self.conn.execute(
                "SELECT 1 FROM annotations WHERE article_id = ? AND kind = ?", (article_id, kind)
            ).fetchone()
            is not None
        )

    def iter_annotations(self, kind: str) -> Iterator[Annotation]:
        for r in self.conn.execute(
            "SELECT article_id, data FROM annotations WHERE kind = ? ORDER BY article_id", (kind,)
        ):
            yield Annotation(r["article_id"], kind, json.loads(r["data"]))

    # -- outlet templates (lines that recur across an outlet's pages) --------------------
    def observe_outlet_lines(self, doc_key: str, outlet: str, line_keys: Iterable[str]) -> bool:
        """Count each distinct line key once per document; a document is counted once ever."""
        with self.conn:
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO outlet_docs(article_key, outlet) VALUES (?, ?)", (doc_key, outlet)
            )
            if cur.rowcount != 1:
                return False
            self.conn.executemany(
                "INSERT INTO outlet_lines(outlet, line_key, docs) VALUES (?, ?, 1)"
                " ON CONFLICT(outlet, line_key) DO UPDATE SET docs = docs + 1",
                [(outlet, k) for k in sorted(set(line_keys))],
            )
        return True

    def outlet_line_counts(self, outlet: str, *, min_docs: int = 2) -> dict[str, int]:
        return {
            r["line_key"]: int(r["docs"])
            for r in self.conn.execute(
                "SELECT line_key, docs FROM outlet_lines WHERE outlet = ? AND docs >= ?", (outlet, min_docs)
            )
        }

    def outlet_doc_counts(self) -> dict[str, int]:
        return {
            r["outlet"]: int(r["n"])
            for r in self.conn.execute("SELECT outlet, COUNT(*) AS n FROM outlet_docs GROUP BY outlet")
        }

    # -- overview ------------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        out: dict[str, Any] = {t: self.count(t) for t in ("articles", "removed", "errors", "annotations")}
        out["outlets"] = {
            r["outlet"] or "?": int(r["n"])
            for r in self.conn.execute(
                "SELECT outlet, COUNT(*) AS n FROM articles GROUP BY outlet ORDER BY n DESC"
            )
        }
        out["removed_by_reason"] = {
            r["reason"]: int(r["n"])
            for r in self.conn.execute(
                "SELECT reason, COUNT(*) AS n FROM removed GROUP BY reason ORDER BY n DESC"
            )
        }
        out["languages"] = {
            r["lang"] or "?": int(r["n"])
            for r in self.conn.execute(
                "SELECT lang, COUNT(*) AS n FROM articles GROUP BY lang ORDER BY n DESC"
            )
        }
        # the period the corpus covers, as its outlets dated it (what --since/--until filter
        # on), read from the index on ``published`` (the web page asks on every request)
        ends = [
            self.conn.execute(
                f"SELECT published FROM articles WHERE published > '' ORDER BY published {order} LIMIT 1"
            ).fetchone()
            for order in ("ASC", "DESC")
        ]
        first, last = ((row[0][:10] if row else None) for row in ends)
        undated = self.conn.execute(
            "SELECT count(*) FROM articles WHERE published IS NULL OR published = ''"
        ).fetchone()[0]
        out["published"] = {"first": first, "last": last, "undated": int(undated)}
        return out

"""Export the store as JSON Lines or Parquet, streaming.

JSON Lines carries one article per line with its annotations (``annotations.<kind>``).
Parquet is written as a dataset directory with one file per table (articles, removed,
annotations), because annotation payloads differ per stage and analysts join on ``id``.
Both take the store's article filters (outlet, language, publication period); the removed
lines and annotations written are those of the exported articles, in batches of them, so
memory stays bounded by a batch whatever the store's size.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsdesk.store import Store
from newsdesk.store.db import article_filters


def _annotations(store: Store, article_id: str) -> dict[str, Any]:
    rows = store.conn.execute(
        "SELECT kind, data FROM annotations WHERE article_id = ? ORDER BY kind", (article_id,)
    )
    return {r["kind"]: json.loads(r["data"]) for r in rows}


def export_jsonl(
    store: Store,
    path: Path,
    *,
    outlet: str | None = None,
    lang: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> int:
    """The articles :meth:`Store.iter_articles` keeps, one JSON object a line."""
    # a date the filters refuse fails here, before a file is made
    article_filters(outlet=outlet, lang=lang, since=since, until=until)
    n = 0
    articles = store.iter_articles(outlet=outlet, lang=lang, since=since, until=until)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for article in articles:
            d = article.to_dict()
            d["annotations"] = _annotations(store, article.id)
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
            n += 1
    return n


_REMOVED_SQL = (
    'SELECT article_id, idx, start, "end", reason, detail, lang, text FROM removed'
    " WHERE article_id IN ({marks}) ORDER BY article_id, idx"
)
_ANNOTATIONS_SQL = (
    "SELECT article_id, kind, data FROM annotations WHERE article_id IN ({marks}) ORDER BY article_id, kind"
)


def export_parquet(
    store: Store,
    directory: Path,
    *,
    batch: int = 1000,
    outlet: str | None = None,
    lang: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> int:
    """Write ``articles.parquet``, ``removed.parquet`` and ``annotations.parquet`` under
    ``directory`` for the articles :meth:`Store.iter_articles` keeps."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    article_filters(outlet=outlet, lang=lang, since=since, until=until)
    articles = store.iter_articles(outlet=outlet, lang=lang, since=since, until=until)
    directory.mkdir(parents=True, exist_ok=True)
    article_schema = pa.schema(
        [
            ("id", pa.string()),
            ("outlet", pa.string()),
            ("url", pa.string()),
            ("source_path", pa.string()),
            ("input_format", pa.string()),
            ("lang", pa.string()),
            ("published", pa.string()),
            ("published_source", pa.string()),
            ("title", pa.string()),
            ("deck", pa.string()),
            ("byline", pa.string()),
            ("authors", pa.list_(pa.string())),
            ("dateline", pa.string()),
            ("text", pa.string()),
            ("raw", pa.string()),
            ("paragraphs", pa.string()),
            ("captions", pa.string()),
        ]
    )
    removed_schema = pa.schema(
        [
            ("article_id", pa.string()),
            ("idx", pa.int64()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("reason", pa.string()),
            ("detail", pa.string()),
            ("lang", pa.string()),
            ("text", pa.string()),
        ]
    )
    annotation_schema = pa.schema([("article_id", pa.string()), ("kind", pa.string()), ("data", pa.string())])
    n = 0
    with (
        pq.ParquetWriter(directory / "articles.parquet", article_schema) as writer,
        pq.ParquetWriter(directory / "removed.parquet", removed_schema) as removed_writer,
        pq.ParquetWriter(directory / "annotations.parquet", annotation_schema) as annotation_writer,
    ):
        rows: list[dict[str, Any]] = []

        def flush() -> None:
            writer.write_table(pa.Table.from_pylist(rows, schema=article_schema))
            ids = [r["id"] for r in rows]
            for sql, schema, out in (
                (_REMOVED_SQL, removed_schema, removed_writer),
                (_ANNOTATIONS_SQL, annotation_schema, annotation_writer),
            ):
                for k in range(0, len(ids), 500):  # (SQLite's bound parameters per statement)
                    part = ids[k : k + 500]
                    cur = store.conn.execute(sql.format(marks=",".join("?" * len(part))), part)
                    names = schema.names
                    data = [dict(zip(names, r, strict=True)) for r in cur]
                    if data:
                        out.write_table(pa.Table.from_pylist(data, schema=schema))
            rows.clear()

        for a in articles:
            d = a.to_dict()
            rows.append(
                {
                    "id": a.id,
                    "outlet": a.outlet,
                    "url": a.url,
                    "source_path": a.source_path,
                    "input_format": a.input_format,
                    "lang": a.lang,
                    "published": a.published,
                    "published_source": a.published_source,
                    "title": a.title.text if a.title else None,
                    "deck": a.deck.text if a.deck else None,
                    "byline": a.byline.text if a.byline else None,
                    "authors": [x.text for x in a.authors],
                    "dateline": a.dateline.text if a.dateline else None,
                    "text": a.text,
                    "raw": a.raw,
                    "paragraphs": json.dumps(d["paragraphs"], ensure_ascii=False),
                    "captions": json.dumps(d["captions"], ensure_ascii=False),
                }
            )
            n += 1
            if len(rows) >= batch:
                flush()
        if rows:
            flush()
    return n

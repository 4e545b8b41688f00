"""Export the store as JSON Lines or Parquet, streaming.

JSON Lines carries one article per line with its annotations (``annotations.<kind>``).
Parquet is written as a dataset directory with one file per table (articles, removed,
annotations), because annotation payloads differ per stage and analysts join on ``id``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsdesk.store import Store


def _annotations(store: Store, article_id: str) -> dict[str, Any]:
    rows = store.conn.execute(
        "SELECT kind, data FROM annotations WHERE article_id = ? ORDER BY kind", (article_id,)
    )
    return {r["kind"]: json.loads(r["data"]) for r in rows}


def export_jsonl(store: Store, path: Path) -> int:
    n = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for article in store.iter_articles():
            d = article.to_dict()
            d["annotations"] = _annotations(store, article.id)
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
            n += 1
    return n


def export_parquet(store: Store, directory: Path, *, batch: int = 1000) -> int:
    """Write ``articles.parquet``, ``removed.parquet`` and ``annotations.parquet`` under ``directory``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

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
    n = 0
    with pq.ParquetWriter(directory / "articles.parquet", article_schema) as writer:
        rows: list[dict[str, Any]] = []
        for a in store.iter_articles():
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
                writer.write_table(pa.Table.from_pylist(rows, schema=article_schema))
                rows = []
        if rows:
            writer.write_table(pa.Table.from_pylist(rows, schema=article_schema))
    for table, sql in (
        (
            "removed",
            'SELECT article_id, idx, start, "end", reason, detail, lang, text FROM removed ORDER BY article_id, idx',
        ),
        ("annotations", "SELECT article_id, kind, data FROM annotations ORDER BY article_id, kind"),
    ):
        cur = store.conn.execute(sql)
        cols = [c[0] for c in cur.description]
        data = [dict(zip(cols, r, strict=True)) for r in cur]
        pq.write_table(
            pa.Table.from_pylist(data) if data else pa.table({c: pa.array([], pa.string()) for c in cols}),
            directory / f"{table}.parquet",
        )
    return n

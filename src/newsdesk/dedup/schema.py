"""Tables of the duplicate stage, applied by the store's per-component migration runner.

Why these tables: the LSH index must persist so a later ``newsdesk ingest`` checks new
articles against everything stored without recomputing the corpus.  ``dedup_bands`` is the
LSH index itself (one row per document and band, keyed by the band hash, so a lookup is
one index probe per band); ``dedup_edges`` keeps every verified pair, from which groups are
recomputed deterministically whatever the order articles arrived in; ``dedup_members`` is
the current grouping, for fast listing.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: fingerprints, LSH bands, verified pairs, current groups, index parameters
    """
    CREATE TABLE dedup_params (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE dedup_docs (
        doc INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL UNIQUE,
        exact_key TEXT NOT NULL,
        n_shingles INTEGER NOT NULL,
        n_tokens INTEGER NOT NULL,
        sig BLOB NOT NULL,
        outlet TEXT,
        title TEXT,
        published TEXT,
        credit TEXT,
        credit_evidence TEXT
    );
    CREATE INDEX dedup_docs_exact ON dedup_docs(exact_key);
    CREATE TABLE dedup_bands (
        bkey INTEGER NOT NULL,
        doc INTEGER NOT NULL,
        PRIMARY KEY (bkey, doc)
    ) WITHOUT ROWID;
    CREATE TABLE dedup_edges (
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        kind TEXT NOT NULL,
        similarity REAL NOT NULL,
        jaccard REAL NOT NULL,
        containment REAL NOT NULL,
        PRIMARY KEY (a, b)
    ) WITHOUT ROWID;
    CREATE INDEX dedup_edges_b ON dedup_edges(b);
    CREATE TABLE dedup_members (
        article_id TEXT PRIMARY KEY,
        group_id TEXT NOT NULL,
        canonical_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        similarity REAL NOT NULL,
        via TEXT
    ) WITHOUT ROWID;
    CREATE INDEX dedup_members_group ON dedup_members(group_id);
    """,
    # 2: the content relation behind a "syndicated" member (exact | near | contained)
    """
    ALTER TABLE dedup_members ADD COLUMN basis TEXT;
    """,
]

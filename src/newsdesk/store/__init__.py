"""SQLite storage: articles, removed lines, errors, annotations, FTS5 search."""

from newsdesk.store.db import SearchHit, Store, default_db_path, fts_query

__all__ = ["SearchHit", "Store", "default_db_path", "fts_query"]

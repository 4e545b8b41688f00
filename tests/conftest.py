from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from newsdesk.shared_data import data_path, read_jsonl_gz, seeds_dir

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"


def require_shared(*parts: str) -> Path:
    """Path under ../shared/data, or skip the test with a clear message when it is absent."""
    path = data_path(*parts)
    if not path.exists():
        pytest.skip(f"shared evaluation data not found at {path} (set NEWSDESK_SHARED)")
    return path


def frozen_pages(*, require: bool = False) -> Iterator[str]:
    """The pages the speed passes prove identical output on: turku-lines train and dev, the
    seeds, and the trafilatura-eval pages rendered by bench/plaintext_eval.py (when cached).
    ``require``: skip the test when turku-lines is absent, instead of leaving it out."""
    for split in ("train", "dev"):
        path = (
            require_shared("turku-lines", f"{split}.jsonl.gz")
            if require
            else data_path("turku-lines", f"{split}.jsonl.gz")
        )
        if path.exists():
            for r in read_jsonl_gz(path):
                yield "\n".join(r["lines"])
    if seeds_dir().exists():
        for p in sorted(seeds_dir().glob("*.txt")):
            yield p.read_text(encoding="utf-8")
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "newsdesk"
    rendered = cache / "trafilatura-eval-inscriptis.json.gz"
    if rendered.exists():
        yield from json.loads(gzip.decompress(rendered.read_bytes())).values()


@pytest.fixture
def seeds() -> dict[str, str]:
    """The two real seed reports, keyed by file stem; skips when ../shared/seeds is absent."""
    d = seeds_dir()
    files = sorted(d.glob("*.txt")) if d.exists() else []
    if not files:
        pytest.skip(f"seed files not found in {d}")
    return {f.stem: f.read_text(encoding="utf-8") for f in files}


def fundus_gold_found(page_id: str) -> tuple[Callable[[Any], int], int]:
    """How many of a Fundus page's gold paragraphs the HTML extraction holds, by
    configuration (each paragraph's first 60 characters, case and spacing folded), and how
    many the gold has; the test skips when ../shared is absent."""
    from newsdesk.clean.html import extract_html

    rows = [r for r in read_jsonl_gz(require_shared("fundus", "articles.jsonl.gz")) if r["id"] == page_id]
    assert rows, f"{page_id} not in the Fundus data"
    page = rows[0]

    def folded(text: str) -> str:
        return " ".join(text.split()).casefold()

    gold = [folded(p)[:60] for p in page["gold"]["body_text"].split("\n\n") if p.strip()]

    def found(config: Any) -> int:
        body = folded(extract_html(page["html"], page["url"], config).body)
        return sum(g in body for g in gold)

    return found, len(gold)

"""Where the third-party evaluation data lives (``../shared`` beside the repository).

The data is never copied into the repository; tests and benchmarks find it here and skip
with a clear message when it is absent.  ``NEWSDESK_SHARED`` overrides the location.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    env = os.environ.get("NEWSDESK_SHARED")
    return Path(env) if env else REPO_ROOT.parent / "shared"


def data_path(*parts: str) -> Path:
    return shared_dir().joinpath("data", *parts)


def seeds_dir() -> Path:
    return shared_dir() / "seeds"


def read_jsonl_gz(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)

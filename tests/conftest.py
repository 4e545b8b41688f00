from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.shared_data import data_path, seeds_dir

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"


def require_shared(*parts: str) -> Path:
    """Path under ../shared/data, or skip the test with a clear message when it is absent."""
    path = data_path(*parts)
    if not path.exists():
        pytest.skip(f"shared evaluation data not found at {path} (set NEWSDESK_SHARED)")
    return path


@pytest.fixture
def seeds() -> dict[str, str]:
    """The two real seed reports, keyed by file stem; skips when ../shared/seeds is absent."""
    d = seeds_dir()
    files = sorted(d.glob("*.txt")) if d.exists() else []
    if not files:
        pytest.skip(f"seed files not found in {d}")
    return {f.stem: f.read_text(encoding="utf-8") for f in files}

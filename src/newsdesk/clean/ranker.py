"""A logistic line ranker: picks one line of a page among candidates, or none.

The plain-text headline and byline of a page rendered whole are each one line near where the
article's body starts; which one is learned from labelled pages
(``scripts/train_headline_model.py``, ``scripts/train_byline_model.py``) over features the
cleaner has mostly computed already.  Weights ship as JSON beside the line models.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any, Protocol

import numpy as np


class LineView(Protocol):
    """What a ranker's candidates read of a line (``core._Line`` has it)."""

    text: str
    nw: int
    stop_ratio: float
    sentence: bool
    role: str | None
    reason: str


@dataclass(frozen=True)
class LineRanker:
    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    info: dict[str, Any] = field(default_factory=dict)
    #: the best candidate is taken only with at least this score (None: always); a page may
    #: have no byline, it always has a headline
    min_score: float | None = None

    @cached_property
    def _weights(self) -> tuple[np.ndarray, float]:
        """The standardisation folded into the weights: one product per page."""
        w = self.coef / self.scale
        return w, float(self.intercept - self.mean @ w)

    def scores(self, x: np.ndarray) -> np.ndarray:
        w, b = self._weights
        return x @ w + b

    def pick(self, idx: list[int], x: np.ndarray) -> int | None:
        """The best-ranked candidate (``idx``, one row of ``x`` each), or None when there is
        none or it scores below ``min_score``."""
        if not idx:
            return None
        s = self.scores(x)
        best = int(np.argmax(s))
        if self.min_score is not None and s[best] < self.min_score:
            return None
        return idx[best]

    def to_json(self) -> str:
        return json.dumps(
            {
                "features": list(self.features),
                "mean": self.mean.tolist(),
                "scale": self.scale.tolist(),
                "coef": self.coef.tolist(),
                "intercept": self.intercept,
                "min_score": self.min_score,
                "info": self.info,
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str, features: tuple[str, ...]) -> LineRanker:
        d = json.loads(text)
        if tuple(d["features"]) != features:
            raise ValueError("the ranker was trained on other features")
        return cls(
            features,
            np.asarray(d["mean"], dtype=np.float64),
            np.asarray(d["scale"], dtype=np.float64),
            np.asarray(d["coef"], dtype=np.float64),
            float(d["intercept"]),
            dict(d.get("info", {})),
            None if d.get("min_score") is None else float(d["min_score"]),
        )


def candidate_matrix(
    rows: list[tuple[float | bool, ...]],
    idx: list[int],
    line_x: np.ndarray,
    n_own: int,
    trace: list[tuple[list[str], np.ndarray]] | None,
    texts: Sequence[Any],
) -> np.ndarray:
    """One row per candidate: the ranker's own columns (``rows``), then the line model's
    features of the candidate line (``line_x``, every line of the page).  With a ``trace``
    (a trainer's), the candidates' texts (``texts[i].text``) and rows are appended to it."""
    n_line = line_x.shape[1] if line_x.ndim == 2 else 0
    x = np.empty((len(idx), n_own + n_line))
    if idx:
        x[:, :n_own] = rows
        x[:, n_own:] = line_x[idx]
    if trace is not None:
        trace.append(([texts[i].text for i in idx], x))
    return x


def load_ranker(file_name: str, features: tuple[str, ...]) -> LineRanker | None:
    """A packaged ranker, or None before it is trained (the cleaner then uses its rules)."""
    try:
        text = resources.files("newsdesk.clean").joinpath(file_name).read_text(encoding="utf-8")
        return LineRanker.from_json(text, features)
    except (FileNotFoundError, ValueError, KeyError):
        return None


def packaged(file_name: str, features: tuple[str, ...]) -> Callable[[], LineRanker | None]:
    """A loader for one packaged ranker, read once: the packaged weights, or None before
    they are trained (the cleaner then uses its rules)."""

    @lru_cache(maxsize=1)
    def load() -> LineRanker | None:
        return load_ranker(file_name, features)

    return load

"""The shipped line model: two stacked logistic regressions over :mod:`features`.

Stage 1 scores each line from its own and its neighbours' surface features; stage 2
re-scores it from stage 1's probabilities around it (boilerplate comes in runs: a menu, a
footer), which is what a sequence model would learn, at the cost of two dot products.
Weights are written by ``scripts/train_line_model.py``: ``news`` (the default; turku-lines
train + Fundus news pages + the tune half of trafilatura-eval) and ``web`` (turku-lines train
only).  Their turku dev F1 is recorded in the files and in docs/decisions.md.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from newsdesk.clean.features import FEATURE_NAMES, context_features, doc_features


@dataclass(frozen=True)
class LinearStage:
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def predict(self, x: np.ndarray) -> np.ndarray:
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))))

    def to_dict(self) -> dict[str, Any]:
        return {
            "mean": self.mean.tolist(),
            "scale": self.scale.tolist(),
            "coef": self.coef.tolist(),
            "intercept": self.intercept,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> LinearStage:
        return cls(
            np.asarray(d["mean"], dtype=np.float64),
            np.asarray(d["scale"], dtype=np.float64),
            np.asarray(d["coef"], dtype=np.float64),
            float(d["intercept"]),
        )


@dataclass(frozen=True)
class LineModel:
    stage1: LinearStage
    stage2: LinearStage
    threshold: float
    info: dict[str, Any]

    def score(
        self,
        lines: Sequence[str],
        stop: frozenset[str] | None,
        stats: Sequence[tuple[int, int, float, bool]] | None = None,
        cues: Sequence[bool] | None = None,
        keys: Sequence[str] | None = None,
    ) -> np.ndarray:
        """Probability that each line is main text (``stats``: :func:`line_stats`, ``cues``:
        whether a line holds a furniture cue, ``keys``: :func:`lexicon.dup_keys`, if known)."""
        if not lines:
            return np.zeros(0)
        x = doc_features(lines, stop, stats, cues, keys)
        p1 = self.stage1.predict(x)
        return self.stage2.predict(np.hstack([x, context_features(p1)]))

    def to_json(self) -> str:
        return json.dumps(
            {
                "features": list(FEATURE_NAMES),
                "stage1": self.stage1.to_dict(),
                "stage2": self.stage2.to_dict(),
                "threshold": self.threshold,
                "info": self.info,
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> LineModel:
        d = json.loads(text)
        if tuple(d["features"]) != FEATURE_NAMES:
            raise ValueError(
                "line_model.json was trained on other features; rerun scripts/train_line_model.py"
            )
        return cls(
            LinearStage.from_dict(d["stage1"]),
            LinearStage.from_dict(d["stage2"]),
            float(d["threshold"]),
            d.get("info", {}),
        )


#: model name -> packaged weights file (see scripts/train_line_model.py)
MODEL_FILES = {"news": "line_model.json", "web": "line_model_web.json"}


@lru_cache(maxsize=4)
def load_model(name: str = "news") -> LineModel | None:
    """A packaged model, or None when it has not been trained (the cleaner then uses rules)."""
    try:
        text = resources.files("newsdesk.clean").joinpath(MODEL_FILES[name]).read_text(encoding="utf-8")
    except (FileNotFoundError, KeyError):
        return None
    try:
        return LineModel.from_json(text)
    except (ValueError, KeyError):
        return None

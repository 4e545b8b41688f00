"""The shipped line models: two stacked stages over :mod:`features`.

Stage 1 scores each line from its own and its neighbours' surface features; stage 2
re-scores it from stage 1's probabilities around it (boilerplate comes in runs: a menu, a
footer), which is what a sequence model would learn, at the cost of two passes.  A stage is
either a logistic regression (two dot products) or a gradient-boosted tree ensemble
(scikit-learn's HistGradientBoosting at training time, evaluated here with numpy, every
tree at once) over the features widened with the neighbours' own values.
Weights are written by ``scripts/train_line_model.py``: ``news`` (the default; turku-lines
train + Fundus news pages + the tune half of trafilatura-eval) and ``web`` (turku-lines train
plus the fr/sv half of turku dev set aside for training, see
:func:`newsdesk.evaluation.turku_dev_part`).  Their turku dev F1 is recorded in the files and in docs/decisions.md.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from newsdesk.clean.features import (
    FEATURE_NAMES,
    context_features,
    doc_features,
    neighbour_features,
    wide_context_features,
)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """``1 / (1 + exp(-clip(z, -30, 30)))`` in place on the fresh array ``z``: the same
    operations on the same values as the expression (clip as maximum then minimum, which
    agree with it on every float, NaN included), with one ufunc call each and no
    temporaries; on the short pages that make up most of a corpus the calls, not the
    arithmetic, are the cost."""
    z = np.asarray(z, dtype=np.float64)
    np.maximum(z, -30.0, out=z)
    np.minimum(z, 30.0, out=z)
    np.negative(z, out=z)
    np.exp(z, out=z)
    np.add(z, 1.0, out=z)
    return np.divide(1.0, z, out=z)


@dataclass(frozen=True)
class LinearStage:
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def predict(self, x: np.ndarray) -> np.ndarray:
        return _sigmoid(((x - self.mean) / self.scale) @ self.coef + self.intercept)

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
class TreeStage:
    """A boosted tree ensemble as flat node arrays (all trees concatenated).

    Leaves point to themselves, so walking ``depth`` steps from every root lands each line
    on its leaf in every tree without a per-tree loop: ``depth`` numpy gathers over a
    lines x trees index array.
    """

    feature: np.ndarray  # int32, split feature per node (0 at leaves)
    threshold: np.ndarray  # float64, go left when x <= threshold (+inf at leaves)
    left: np.ndarray  # int32
    right: np.ndarray  # int32
    value: np.ndarray  # float64, leaf values (0 at inner nodes)
    roots: np.ndarray  # int32, first node of each tree
    depth: int
    baseline: float

    def predict(self, x: np.ndarray) -> np.ndarray:
        n = len(x)
        if n == 0:
            return np.zeros(0)
        node = np.broadcast_to(self.roots, (n, len(self.roots))).copy()
        rows = np.arange(n)[:, None]
        for _ in range(self.depth):
            go_left = x[rows, self.feature[node]] <= self.threshold[node]
            node = np.where(go_left, self.left[node], self.right[node])
        return _sigmoid(self.baseline + self.value[node].sum(axis=1))

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "trees",
            "feature": self.feature.tolist(),
            "threshold": [t if np.isfinite(t) else None for t in self.threshold.tolist()],
            "left": self.left.tolist(),
            "right": self.right.tolist(),
            "value": [round(v, 7) for v in self.value.tolist()],
            "roots": self.roots.tolist(),
            "depth": self.depth,
            "baseline": self.baseline,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TreeStage:
        thr = np.asarray([np.inf if t is None else t for t in d["threshold"]], dtype=np.float64)
        return cls(
            np.asarray(d["feature"], dtype=np.int32),
            thr,
            np.asarray(d["left"], dtype=np.int32),
            np.asarray(d["right"], dtype=np.int32),
            np.asarray(d["value"], dtype=np.float64),
            np.asarray(d["roots"], dtype=np.int32),
            int(d["depth"]),
            float(d["baseline"]),
        )

    @classmethod
    def from_sklearn(cls, clf: Any) -> TreeStage:
        """From a fitted binary ``HistGradientBoostingClassifier`` (numeric features only)."""
        feats, thrs, lefts, rights, vals, roots = [], [], [], [], [], []
        offset = 0
        depth = 0
        for (tree,) in clf._predictors:
            nodes = tree.nodes
            m = len(nodes)
            leaf = nodes["is_leaf"].astype(bool)
            own = np.arange(offset, offset + m)
            feats.append(np.where(leaf, 0, nodes["feature_idx"]).astype(np.int32))
            thrs.append(np.where(leaf, np.inf, nodes["num_threshold"]).astype(np.float64))
            lefts.append(np.where(leaf, own, nodes["left"] + offset).astype(np.int32))
            rights.append(np.where(leaf, own, nodes["right"] + offset).astype(np.int32))
            vals.append(np.where(leaf, nodes["value"], 0.0).astype(np.float64))
            roots.append(offset)
            depth = max(depth, int(nodes["depth"].max()))
            offset += m
        return cls(
            np.concatenate(feats),
            np.concatenate(thrs),
            np.concatenate(lefts),
            np.concatenate(rights),
            np.concatenate(vals),
            np.asarray(roots, dtype=np.int32),
            depth,
            float(np.ravel(clf._baseline_prediction)[0]),
        )


Stage = LinearStage | TreeStage


def stage_from_dict(d: dict[str, Any]) -> Stage:
    return TreeStage.from_dict(d) if d.get("kind") == "trees" else LinearStage.from_dict(d)


@dataclass(frozen=True)
class LineModel:
    stage1: Stage
    stage2: Stage
    threshold: float
    info: dict[str, Any]
    #: tree models see the neighbours' own features and the wide context (see features.py)
    wide: bool = False

    def stage1_input(self, x: np.ndarray) -> np.ndarray:
        return neighbour_features(x) if self.wide else x

    def stage2_input(self, x1: np.ndarray, p1: np.ndarray) -> np.ndarray:
        return np.hstack([x1, wide_context_features(p1) if self.wide else context_features(p1)])

    def score(
        self,
        lines: Sequence[str],
        stop: frozenset[str] | None,
        stats: Sequence[tuple[int, int, float, bool]] | None = None,
        cues: Sequence[bool] | None = None,
        keys: Sequence[str] | None = None,
        norms: Sequence[str] | None = None,
    ) -> np.ndarray:
        """Probability that each line is main text (``stats``: :func:`line_stats`, ``cues``:
        whether a line holds a furniture cue, ``keys``: :func:`lexicon.dup_keys`, ``norms``: :func:`lexicon.normalise_many`, if known)."""
        if not lines:
            return np.zeros(0)
        x1 = self.stage1_input(doc_features(lines, stop, stats, cues, keys, norms))
        return self.stage2.predict(self.stage2_input(x1, self.stage1.predict(x1)))

    def to_json(self) -> str:
        return json.dumps(
            {
                "features": list(FEATURE_NAMES),
                "stage1": self.stage1.to_dict(),
                "stage2": self.stage2.to_dict(),
                "threshold": self.threshold,
                "wide": self.wide,
                "info": self.info,
            },
            indent=None if self.wide else 1,
        )

    @classmethod
    def from_json(cls, text: str) -> LineModel:
        d = json.loads(text)
        if tuple(d["features"]) != FEATURE_NAMES:
            raise ValueError(
                "line_model.json was trained on other features; rerun scripts/train_line_model.py"
            )
        return cls(
            stage_from_dict(d["stage1"]),
            stage_from_dict(d["stage2"]),
            float(d["threshold"]),
            d.get("info", {}),
            bool(d.get("wide", False)),
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

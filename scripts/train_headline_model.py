"""Train the plain-text headline ranker (``src/newsdesk/clean/headline_model.json``).

    .venv/bin/python scripts/train_headline_model.py            # train, measure, write
    .venv/bin/python scripts/train_headline_model.py --no-write # measure only

Data: the *tune half* of trafilatura-eval (split as in bench/plaintext_eval.py), each page
rendered to text with inscriptis; a candidate line is the headline when it equals the gold
title (case and spaces aside, a list mark "* " aside).  The held-out half is never read.

The ranker reads the line model's probabilities, so it must see them as they look on pages
the line model never saw: each tune quarter is cleaned by the default line model trained
without it (``train_line_model.py``'s ``--hold-val`` protocol).  Printed figures:

* each tune quarter with the ranker fitted on the other quarter, against the rule it
  replaces (``CleanConfig(headline_ranker=False)``) on the same pages;
* Fundus news pages rendered to text (never trained on here), ranker fitted on the whole
  tune half, against the rule, with the shipped line model.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_line_model as T  # noqa: E402

from newsdesk.clean import CleanConfig, clean_text, core, headline  # noqa: E402
from newsdesk.clean.headline import FEATURE_NAMES, MODEL_FILE  # noqa: E402
from newsdesk.clean.linemodel import LineModel, load_model  # noqa: E402
from newsdesk.clean.ranker import LineRanker  # noqa: E402
from newsdesk.evaluation import split_of  # noqa: E402
from newsdesk.shared_data import data_path, read_jsonl_gz  # noqa: E402

#: regularisation of the ranker: on the four checks (tune quarters, Fundus halves) C 0.01 /
#: 0.02 / 0.03 / 0.05 / 0.1 / 0.3 / 1 found 136-114-34-34 / 138-117-35-34 / 140-117-35-33 /
#: 139-116-35-33 / 136-117-35-32 / 135-117-34-32 / 134-117-34-32 headlines (session 20)
C = 0.03
_WS = re.compile(r"\s+")
_LIST_MARK = re.compile(r"^[*+•·-]\s+")


def fold(text: str | None) -> str:
    return _WS.sub(" ", _LIST_MARK.sub("", (text or "").strip())).strip().casefold()


def quarter_of(name: str) -> str:
    return "b" if hashlib.sha1(name.encode("utf-8")).digest()[1] % 2 else "a"


def tune_pages() -> list[tuple[str, str, str]]:
    """(quarter, rendered text, gold title) for the tune pages with a gold title."""
    gold = json.loads(data_path("trafilatura-eval", "evaldata.json").read_text(encoding="utf-8"))
    by_file = {v["file"]: v for v in gold.values()}
    out = []
    for row in read_jsonl_gz(data_path("trafilatura-eval", "pages.jsonl.gz")):
        g = by_file.get(row["file"])
        if g is None or split_of(row["file"]) != "tune" or not (g.get("title") or "").strip():
            continue
        out.append((quarter_of(row["file"]), "\n".join(T._render(row["html"])), g["title"]))
    return out


def fundus_pages() -> list[tuple[str, str, str]]:
    out = []
    for r in read_jsonl_gz(data_path("fundus", "articles.jsonl.gz")):
        title = (r["gold"].get("title") or "").strip()
        lines = T._render(r["html"])
        if title and lines:
            out.append(("fundus", "\n".join(lines), title))
    return out


def news_model_without(quarter: str) -> LineModel:
    """The cleaner's default line model (``news`` or ``news-lexical``) trained as shipped
    but without one tune quarter."""
    name = CleanConfig().line_model
    T.HOLD_VAL = quarter
    try:
        docs = T.turku_docs("train") + T.turku_dev_train_docs() + T.fundus_docs() + T.trafilatura_tune_docs()
    finally:
        T.HOLD_VAL = None
    xs, ys = T.matrices(docs)
    lexical = None
    if name == "news-lexical":
        xs, lexical = T.with_lexical_column(docs, xs)
    page_stats = name in T.PAGE_STATS_MODELS
    m = T.train("linear", xs, ys, 0.05, weights=T.doc_weights(docs), page_stats=page_stats)
    return LineModel(m.stage1, m.stage2, T.NEWS_CUT[name], {}, lexical=lexical, page_stats=page_stats)


class Sample:
    """One page: the ranker's candidates and which of them is the gold title."""

    def __init__(self, x: np.ndarray, y: np.ndarray, rule_right: bool, ranked: bool) -> None:
        #: ``ranked``: the page's top is furniture, so the cleaner asks the ranker (else the
        #: search from the top decides, with or without it)
        self.x, self.y, self.rule_right, self.ranked = x, y, rule_right, ranked


@contextmanager
def line_model_as(line_model: LineModel | None) -> Iterator[None]:
    """The cleaner runs with ``line_model`` instead of the shipped one (None: the shipped)."""
    original = core.load_model
    if line_model is not None:
        core.load_model = lambda name: line_model  # type: ignore[assignment]
    try:
        yield
    finally:
        core.load_model = original


def traced(module: Any, text: str, config: CleanConfig | None = None) -> list:
    """What ``module.candidates`` saw while cleaning ``text`` (its ``TRACE``)."""
    module.TRACE = []
    try:
        clean_text(text, config=config)
        return list(module.TRACE)
    finally:
        module.TRACE = None


def samples(pages: list[tuple[str, str, str]], line_model: LineModel | None) -> list[Sample]:
    """Clean each page with the ranker's tracing on (``line_model`` replaces the shipped
    one when given) and with the rule, and keep what the ranker saw."""
    out = []
    with line_model_as(line_model):
        for _, text, title in pages:
            trace = traced(headline, text)
            rule = clean_text(text, config=replace(CleanConfig(), headline_ranker=False))
            rule_right = bool(rule.title) and fold(rule.title.text) == fold(title)
            if trace:
                texts, x = trace[0]
                y = np.array([fold(t) == fold(title) for t in texts], dtype=np.int64)
            else:
                x, y = np.zeros((0, len(FEATURE_NAMES))), np.zeros(0, dtype=np.int64)
            out.append(Sample(x, y, rule_right, bool(trace)))
    return out


def fit_ranker(
    features: tuple[str, ...],
    xs: list[np.ndarray],
    ys: list[np.ndarray],
    info: dict,
    min_score: float | None = None,
    pairwise: bool = False,
) -> LineRanker:
    """A logistic ranker over the candidates of these pages (classes balanced: a page has
    one right line among a dozen).

    ``pairwise``: fitted on pairs of one page's candidates instead (each right line's row
    minus each wrong line's, both ways round, no intercept), which is what picking the best
    line of a page asks: which of two lines of the same page is the headline, not how
    headline-like a line is across pages.  Its scores have no cut-off meaning, so a ranker
    that abstains below ``min_score`` (the byline's) keeps the pointwise fit.  For the
    headline, on the four checks (tune quarters, Fundus halves): pointwise 140 / 117 / 35 /
    32, pairwise C 0.003 / 0.01 / 0.03 / 0.3 145-115-36-34 / 143-117-36-33 / 141-122-37-32 /
    137-119-37-32; a softmax over each page's candidates (penalty 1 / 3 / 10 / 30) 327 /
    329 / 330 / 326 in all (docs/decisions.md, session 34).
    """
    x = np.vstack([a for a in xs if len(a)])
    y = np.concatenate([b for a, b in zip(xs, ys, strict=True) if len(a)])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    if pairwise:
        diffs = []
        for a, b in zip(xs, ys, strict=True):
            if len(a) and 0 < b.sum() < len(b):
                z = (a - mean) / scale
                wrong = z[b == 0]
                diffs.extend(right - wrong for right in z[b == 1])
        d = np.vstack(diffs)
        lr = LogisticRegression(C=C, max_iter=5000, fit_intercept=False)
        lr.fit(np.vstack([d, -d]), np.concatenate([np.ones(len(d)), np.zeros(len(d))]))
        return LineRanker(features, mean, scale, lr.coef_[0].copy(), 0.0, info, min_score)
    lr = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    lr.fit((x - mean) / scale, y)
    return LineRanker(features, mean, scale, lr.coef_[0].copy(), float(lr.intercept_[0]), info, min_score)


def write_model(model: LineRanker, file_name: str) -> None:
    path = Path(core.__file__).resolve().parent / file_name
    path.write_text(model.to_json() + "\n", encoding="utf-8")
    print("wrote", path)


def fit(train: list[Sample], info: dict) -> LineRanker:
    return fit_ranker(FEATURE_NAMES, [s.x for s in train], [s.y for s in train], info, pairwise=True)


def accuracy(model: LineRanker, test: list[Sample]) -> tuple[int, int, int]:
    """(headline right with the ranker, right without it, pages)."""
    right = 0
    for s in test:
        if not s.ranked:
            right += s.rule_right
        elif len(s.x):
            right += int(s.y[int(np.argmax(model.scores(s.x)))] == 1)
    return right, sum(s.rule_right for s in test), len(test)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-write", action="store_true", help="measure only")
    ap.add_argument(
        "--with-fundus",
        action="store_true",
        help="also fit on Fundus (measured, not shipped: tune-a 110 -> 111, tune-b 100 -> 96, Fundus 61 -> 60)",
    )
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    pages = tune_pages()
    by_q: dict[str, list[Sample]] = {}
    for q in ("a", "b"):
        mine = [p for p in pages if p[0] == q]
        by_q[q] = samples(mine, news_model_without(q))
        print(f"tune-{q}: {len(mine)} pages with a gold title")
    load_model.cache_clear()
    fundus = samples(fundus_pages(), None)
    # Fundus halves by position (the file's order), each measured by a ranker fitted without it
    halves = {"fundus-1": fundus[0::2], "fundus-2": fundus[1::2]}
    extra = {"fundus-1": halves["fundus-2"], "fundus-2": halves["fundus-1"]}
    with_fundus = args.with_fundus
    info: dict[str, object] = {
        "trained_on": "trafilatura-eval tune half" + (" + Fundus rendered pages" if with_fundus else ""),
        "C": C,
        "fit": "pairwise",
        "figures": {},
    }
    for test_q, train_q in (("a", "b"), ("b", "a")):
        train = by_q[train_q] + (fundus if with_fundus else [])
        r, rule, n = accuracy(fit(train, {}), by_q[test_q])
        print(
            f"tune-{test_q} (ranker fitted without it): ranker {r}/{n} = {r / n:.3f}, rule {rule}/{n} = {rule / n:.3f}"
        )
        info["figures"][f"tune-{test_q}"] = {"ranker": r, "rule": rule, "pages": n}  # type: ignore[index]
    for half, test in halves.items():
        train = by_q["a"] + by_q["b"] + (extra[half] if with_fundus else [])
        r, rule, n = accuracy(fit(train, {}), test)
        print(
            f"{half} (ranker fitted without it): ranker {r}/{n} = {r / n:.3f}, rule {rule}/{n} = {rule / n:.3f}"
        )
        info["figures"][half] = {"ranker": r, "rule": rule, "pages": n}  # type: ignore[index]
    model = fit(by_q["a"] + by_q["b"] + (fundus if with_fundus else []), info)
    if not args.no_write:
        write_model(model, MODEL_FILE)


if __name__ == "__main__":
    main()

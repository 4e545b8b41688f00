"""Train the plain-text byline ranker (``src/newsdesk/clean/byline_model.json``).

    .venv/bin/python scripts/train_byline_model.py            # train, measure, write
    .venv/bin/python scripts/train_byline_model.py --no-write # measure only

Data: the *tune half* of trafilatura-eval, rendered to text with inscriptis, as for the
headline ranker (``train_headline_model.py``, whose protocol this follows: each tune quarter
cleaned by the default line model trained without it, ranked by a ranker fitted on the other
quarter).  A candidate line is the byline when it holds a gold author's name (case and
spaces aside).  Pages without a gold author take part with no positive line, so the ranker
also learns when to abstain.  The held-out half is never read.

The cut (``min_score``) is chosen on the two quarters' cross-fitted scores: the score
maximising the pages whose byline holds the author, counting a byline put on a page the
gold gives no author as half a miss (such a page may still print a name the gold left out).

Printed: each quarter, ranker against the "By ..." rule it falls back to, on the same pages;
Fundus news pages rendered the same way (never trained on here), with the shipped models.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_headline_model as H  # noqa: E402
import train_line_model as T  # noqa: E402

from newsdesk.clean import CleanConfig, byline, clean_text  # noqa: E402
from newsdesk.clean.byline import FEATURE_NAMES, MODEL_FILE  # noqa: E402
from newsdesk.clean.linemodel import LineModel, load_model  # noqa: E402
from newsdesk.clean.ranker import LineRanker  # noqa: E402
from newsdesk.evaluation import split_of  # noqa: E402
from newsdesk.shared_data import data_path, read_jsonl_gz  # noqa: E402

C = 0.1
#: a byline on a page whose gold has no author counts as this much of a miss
NO_AUTHOR_COST = 0.5


def _names(author: object) -> list[str]:
    names = author if isinstance(author, list) else [author]
    return [H.fold(str(n)) for n in names if n and str(n).strip()]


def tune_pages() -> list[tuple[str, str, list[str]]]:
    """(quarter, rendered text, gold author names; empty when the gold gives none)."""
    gold = json.loads(data_path("trafilatura-eval", "evaldata.json").read_text(encoding="utf-8"))
    by_file = {v["file"]: v for v in gold.values()}
    out = []
    for row in read_jsonl_gz(data_path("trafilatura-eval", "pages.jsonl.gz")):
        g = by_file.get(row["file"])
        if g is None or split_of(row["file"]) != "tune":
            continue
        out.append((H.quarter_of(row["file"]), "\n".join(T._render(row["html"])), _names(g.get("author"))))
    return out


def fundus_pages() -> list[tuple[str, str, list[str]]]:
    out = []
    for r in read_jsonl_gz(data_path("fundus", "articles.jsonl.gz")):
        lines = T._render(r["html"])
        if lines:
            out.append(("fundus", "\n".join(lines), _names(r["gold"].get("authors"))))
    return out


class Sample:
    def __init__(self, texts: list[str], x: np.ndarray, names: list[str], rule_byline: str | None) -> None:
        self.x = x
        self.names = names
        self.y = np.array([any(n in H.fold(t) for n in names) for t in texts], dtype=np.int64)
        self.rule_byline = rule_byline
        #: the cleaner asks the ranker on this page (a headline the headline ranker found)
        self.ranked = True


def holds(byline_text: str | None, names: list[str]) -> bool:
    return bool(byline_text) and any(n in H.fold(byline_text) for n in names)


def samples(pages: list[tuple[str, str, list[str]]], line_model: LineModel | None) -> list[Sample]:
    out = []
    with H.line_model_as(line_model):
        for _, text, names in pages:
            trace = H.traced(byline, text, replace(CleanConfig(), byline_ranker=True))
            rule = clean_text(text, config=replace(CleanConfig(), byline_ranker=False))
            rule_text = rule.byline.text if rule.byline else None
            if trace:
                s = Sample(trace[0][0], trace[0][1], names, rule_text)
            else:
                s = Sample([], np.zeros((0, len(FEATURE_NAMES))), names, rule_text)
                s.ranked = False
            out.append(s)
    return out


def fit(train: list[Sample], info: dict, min_score: float | None) -> LineRanker:
    return H.fit_ranker(FEATURE_NAMES, [s.x for s in train], [s.y for s in train], info, min_score)


def outcome(model: LineRanker, s: Sample) -> tuple[float | None, bool]:
    """(best score, whether the best candidate holds the author) on a ranked page."""
    if not s.ranked or not len(s.x):
        return None, False
    sc = model.scores(s.x)
    best = int(np.argmax(sc))
    return float(sc[best]), bool(s.y[best])


def tally(outcomes: list[tuple[Sample, float | None, bool]], cut: float) -> dict[str, int]:
    """Author pages right, and bylines put on pages without a gold author, with the ranker
    (falling back to the rule when it abstains or is not asked) and with the rule alone."""
    t = {
        "pages_with_author": 0,
        "ranker_right": 0,
        "rule_right": 0,
        "ranker_on_no_author": 0,
        "rule_on_no_author": 0,
    }
    for s, score, right in outcomes:
        taken = score is not None and score >= cut
        if s.names:
            t["pages_with_author"] += 1
            t["rule_right"] += holds(s.rule_byline, s.names)
            t["ranker_right"] += right if taken else holds(s.rule_byline, s.names)
        else:
            t["rule_on_no_author"] += s.rule_byline is not None
            t["ranker_on_no_author"] += 1 if taken else s.rule_byline is not None
    return t


def objective(t: dict[str, int]) -> float:
    return t["ranker_right"] - NO_AUTHOR_COST * t["ranker_on_no_author"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-write", action="store_true", help="measure only")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    pages = tune_pages()
    by_q: dict[str, list[Sample]] = {}
    for q in ("a", "b"):
        by_q[q] = samples([p for p in pages if p[0] == q], H.news_model_without(q))
    crossed: dict[str, list[tuple[Sample, float | None, bool]]] = {}
    for test_q, train_q in (("a", "b"), ("b", "a")):
        m = fit(by_q[train_q], {}, None)
        crossed[test_q] = [(s, *outcome(m, s)) for s in by_q[test_q]]
    both = crossed["a"] + crossed["b"]
    cuts = [float(c) for c in np.arange(-2.0, 6.01, 0.25)]
    cut = max(cuts, key=lambda c: (objective(tally(both, c)), -c))
    info: dict[str, object] = {
        "trained_on": "trafilatura-eval tune half",
        "C": C,
        "min_score": cut,
        "figures": {},
    }
    print(f"cut {cut} (of {cuts[0]}..{cuts[-1]}, chosen on both quarters' cross-fitted scores)")
    for c in cuts[::2]:
        t = tally(both, c)
        print(
            f"  cut {c:5.2f}: right {t['ranker_right']} (rule {t['rule_right']}) of {t['pages_with_author']},"
            f" on no-author pages {t['ranker_on_no_author']} (rule {t['rule_on_no_author']})"
        )
    for q in ("a", "b"):
        t = tally(crossed[q], cut)
        info["figures"][f"tune-{q}"] = t  # type: ignore[index]
        print(f"tune-{q}: {t}")
    model = fit(by_q["a"] + by_q["b"], info, cut)
    load_model.cache_clear()
    fundus = samples(fundus_pages(), None)
    t = tally([(s, *outcome(model, s)) for s in fundus], cut)
    info["figures"]["fundus"] = t  # type: ignore[index]
    print(f"fundus: {t}")
    if not args.no_write:
        H.write_model(model, MODEL_FILE)


if __name__ == "__main__":
    main()

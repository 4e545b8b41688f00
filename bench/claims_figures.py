"""Figures on a hand-labelled set: value, what it counts, predicate.

Usage: .venv/bin/python bench/claims_figures.py

Labels: ``bench/data/claims_figures.jsonl``, one number candidate per line, keyed by
PolNeAR dev article id and character offsets (the texts stay in ../shared/data).
How it was labelled: every digit sequence and number word in 42 PolNeAR dev articles
(articles in a fixed shuffled order, each one complete) was shown in context next to the
extractor's output at the time; each was judged by hand as a figure or not (years,
dates, clock times, phone numbers, ids, names such as "EB-5" / "Route 2", vague plurals
such as "hundreds of" are not figures) and, for figures, the value, what it counts and
the predicate were accepted or corrected.  Conventions: money counts its currency
("dollars"), percentages count "percent" (+ "of X" when given), "four-year" counts
"year", an appositive age ("Scott, 69,") counts "age"; the predicate is the verb or event
noun the counted things take part in, or null.  The rules were adjusted after labelling
the first 526 candidates (split "dev-tuned": hyphen units, currency, ages, long ids,
descending "ranges"), so that part is not held out; the next 120 candidates (split
"heldout", 7 further articles) were labelled after the last rule change and are
reported separately.

Scoring: predictions and gold figures are matched one-to-one by span overlap.  Value
precision = predictions with the right value / all predictions (a non-figure predicted
counts as wrong); value recall = right values / gold figures.  "counts" and "predicate"
precision are over predictions that give one, recall over gold figures that have one;
they match when equal after lower-casing, or when their last words agree up to a plural
"s".  Predictions are only scored inside the labelled part of each article.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from newsdesk.claims.extract import _extract_many
from newsdesk.shared_data import data_path, read_jsonl_gz

sys.path.insert(0, str(Path(__file__).parent))
from claims_polnear import article_of  # noqa: E402

LABELS = Path(__file__).parent / "data" / "claims_figures.jsonl"


def same_value(a: Any, b: Any) -> bool:
    if isinstance(a, list) or isinstance(b, list):
        return (
            isinstance(a, list)
            and isinstance(b, list)
            and len(a) == len(b)
            and all(same_value(x, y) for x, y in zip(a, b, strict=True))
        )
    if a is None or b is None:
        return a is b
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def same_words(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    na, nb = a.lower().strip(" “”\"'’"), b.lower().strip(" “”\"'’")
    if na == nb:
        return True
    la, lb = na.split()[-1:] or [""], nb.split()[-1:] or [""]
    return la[0].rstrip("s") == lb[0].rstrip("s") and bool(la[0])


def prf(tp: int, npred: int, ngold: int) -> str:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f} (tp {tp}, pred {npred}, gold {ngold})"


def main() -> int:
    path = data_path("polnear", "dev.jsonl.gz")
    if not path.exists():
        print(f"PolNeAR not found at {path}", file=sys.stderr)
        return 2
    all_labels = [
        json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    for split in ("dev-tuned", "heldout", None):
        score([lab for lab in all_labels if split is None or lab.get("split") == split], split or "all", path)
    return 0


def score(labels: list[dict[str, Any]], name: str, path: Path) -> None:
    by_art: dict[str, list[dict[str, Any]]] = {}
    for lab in labels:
        by_art.setdefault(lab["article"], []).append(lab)
    rows = {r["id"]: r for r in read_jsonl_gz(path) if r["id"] in by_art}
    for lab in labels:
        assert rows[lab["article"]]["text"][lab["start"] : lab["end"]] == lab["text"], lab
    ids = sorted(by_art)
    claims = _extract_many([article_of(rows[i]) for i in ids])
    n_pred = n_gold = det = val = 0
    cnt = {"counts": [0, 0, 0], "predicate": [0, 0, 0]}
    for aid, cl in zip(ids, claims, strict=True):
        gold = [g for g in by_art[aid] if g["figure"]]
        limit = max(g["end"] for g in by_art[aid])
        preds = [
            f for f in cl.figures if f.start < limit and f.note is None
        ]  # anniversaries are scored by tests
        n_pred += len(preds)
        n_gold += len(gold)
        pairs = sorted(
            (
                (min(f.end, g["end"]) - max(f.start, g["start"]), pi, gi)
                for pi, f in enumerate(preds)
                for gi, g in enumerate(gold)
            ),
            reverse=True,
        )
        up: set[int] = set()
        ug: set[int] = set()
        match: dict[int, int] = {}
        for ov, pi, gi in pairs:
            if ov <= 0:
                break
            if pi in up or gi in ug:
                continue
            up.add(pi)
            ug.add(gi)
            match[pi] = gi
        det += len(match)
        for pi, f in enumerate(preds):
            g = gold[match[pi]] if pi in match else None
            if g is not None and same_value(f.value, g["value"]):
                val += 1
            for key in ("counts", "predicate"):
                mine = getattr(f, key)
                if mine is not None:
                    cnt[key][1] += 1
                    if g is not None and g[key] is not None and same_words(mine, g[key]):
                        cnt[key][0] += 1
        for g in gold:
            for key in ("counts", "predicate"):
                if g[key] is not None:
                    cnt[key][2] += 1
    print(
        f"figures set [{name}]: {len(labels)} labelled candidates, {n_gold} gold figures in {len(ids)} PolNeAR dev articles"
    )
    print(f"  detection       {prf(det, n_pred, n_gold)}")
    print(f"  value           {prf(val, n_pred, n_gold)}")
    for key in ("counts", "predicate"):
        tp, np_, ng = cnt[key]
        print(f"  {key:15s} {prf(tp, np_, ng)}")


if __name__ == "__main__":
    raise SystemExit(main())

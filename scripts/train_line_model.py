"""Train the cleaner's line model on turku-lines train and measure it on dev.

    .venv/bin/python scripts/train_line_model.py            # writes src/newsdesk/clean/line_model.json
    .venv/bin/python scripts/train_line_model.py --stopwords  # also rebuilds stopwords.json.gz (needs jusText)

The threshold is chosen on a held-out slice of *train* (every 5th document), never on dev;
dev figures are printed and stored in the model's ``info`` for the record.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from newsdesk.clean.features import context_features, doc_features
from newsdesk.clean.lexicon import stopwords
from newsdesk.clean.linemodel import LinearStage, LineModel
from newsdesk.lang import detect
from newsdesk.shared_data import data_path, read_jsonl_gz

PKG = Path(__file__).resolve().parents[1] / "src" / "newsdesk" / "clean"

#: ISO 639-1 -> jusText stoplist name.
JUSTEXT_LANGS = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "sv": "Swedish", "fi": "Finnish", "da": "Danish",
    "no": "Norwegian_Bokmal", "pl": "Polish", "cs": "Czech", "sk": "Slovak", "ru": "Russian",
    "uk": "Ukrainian", "tr": "Turkish", "az": "Azerbaijani", "ro": "Romanian", "hu": "Hungarian",
    "el": "Greek", "ca": "Catalan", "hr": "Croatian", "sl": "Slovenian", "bg": "Bulgarian",
    "et": "Estonian", "lv": "Latvian", "lt": "Lithuanian", "id": "Indonesian", "sr": "Serbian",
    "hy": "Armenian", "ka": "Georgian", "he": "Hebrew", "ar": "Arabic", "fa": "Persian",
}  # fmt: skip


def build_stopwords() -> None:
    import justext

    out: dict[str, object] = {
        "_source": "jusText stoplists (BSD-2-Clause, Jan Pomikalek); shortest 1500 words per language"
    }
    for code, name in JUSTEXT_LANGS.items():
        words = sorted(justext.get_stoplist(name), key=lambda w: (len(w), w))[:1500]
        out[code] = sorted(words)
    (PKG / "stopwords.json.gz").write_bytes(
        gzip.compress(json.dumps(out, ensure_ascii=False).encode(), mtime=0)
    )
    print("wrote", PKG / "stopwords.json.gz")


def doc_lang(lines: list[str]) -> str | None:
    """The cleaner's own guess of the page language (the data's label is not used)."""
    longest = sorted(lines, key=len, reverse=True)[:8]
    return detect(" ".join(longest)[:2000]).lang


def matrices(docs: list[dict]) -> tuple[list[np.ndarray], list[np.ndarray]]:
    xs, ys = [], []
    for d in docs:
        pairs = [(t.strip(), y) for t, y in zip(d["lines"], d["labels"], strict=True) if t.strip()]
        lines = [t for t, _ in pairs]
        xs.append(doc_features(lines, stopwords(doc_lang(lines))))
        ys.append(np.array([int(y) for _, y in pairs]))
    return xs, ys


def fit(x: np.ndarray, y: np.ndarray, c: float) -> LinearStage:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    lr.fit((x - mean) / scale, y)
    return LinearStage(mean, scale, lr.coef_[0].copy(), float(lr.intercept_[0]))


def stack(stage1: LinearStage, xs: list[np.ndarray]) -> list[np.ndarray]:
    return [np.hstack([x, context_features(stage1.predict(x))]) for x in xs]


def prf(y: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    tp = int(((pred == 1) & (y == 1)).sum())
    fp = int(((pred == 1) & (y == 0)).sum())
    fn = int(((pred == 0) & (y == 1)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def train(docs: list[dict], c: float) -> tuple[LinearStage, LinearStage]:
    xs, ys = matrices(docs)
    # stage 2 must see stage-1 probabilities as they look on unseen documents: cross-fit
    folds = 5
    p1_xs: list[np.ndarray] = [np.empty(0)] * len(xs)
    for k in range(folds):
        tr = [i for i in range(len(xs)) if i % folds != k]
        s1 = fit(np.vstack([xs[i] for i in tr]), np.concatenate([ys[i] for i in tr]), c)
        for i in range(len(xs)):
            if i % folds == k:
                p1_xs[i] = np.hstack([xs[i], context_features(s1.predict(xs[i]))])
    stage1 = fit(np.vstack(xs), np.concatenate(ys), c)
    stage2 = fit(np.vstack(p1_xs), np.concatenate(ys), c)
    return stage1, stage2


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stopwords", action="store_true", help="rebuild stopwords.json.gz from jusText first")
    ap.add_argument("--C", type=float, default=0.05)
    args = ap.parse_args()
    if args.stopwords:
        build_stopwords()
        stopwords.cache_clear() if hasattr(stopwords, "cache_clear") else None
    train_docs = list(read_jsonl_gz(data_path("turku-lines", "train.jsonl.gz")))
    dev_docs = list(read_jsonl_gz(data_path("turku-lines", "dev.jsonl.gz")))

    # threshold: fit on 4/5 of train, pick the F1-best cut on the other 1/5
    inner = [d for i, d in enumerate(train_docs) if i % 5 != 0]
    held = [d for i, d in enumerate(train_docs) if i % 5 == 0]
    s1, s2 = train(inner, args.C)
    hx, hy = matrices(held)
    hp = np.concatenate([s2.predict(x) for x in stack(s1, hx)])
    hy_all = np.concatenate(hy)
    best = max((prf(hy_all, (hp >= t).astype(int))[2], t) for t in np.arange(0.2, 0.8, 0.02))
    threshold = round(float(best[1]), 2)
    print(f"threshold {threshold} (held-out train F1 {best[0]:.3f})")

    stage1, stage2 = train(train_docs, args.C)
    model = LineModel(stage1, stage2, threshold, {})
    dx, dy = matrices(dev_docs)
    dp = [stage2.predict(x) for x in stack(stage1, dx)]
    per_lang: dict[str, list[tuple[np.ndarray, np.ndarray]]] = {}
    for d, y, p in zip(dev_docs, dy, dp, strict=True):
        per_lang.setdefault(d["lang"], []).append((y, p))
    info: dict[str, object] = {"trained_on": "turku-lines train", "C": args.C, "dev": {}}
    for lang, items in sorted(per_lang.items()):
        y = np.concatenate([a for a, _ in items])
        p = np.concatenate([b for _, b in items])
        pr, rc, f1 = prf(y, (p >= threshold).astype(int))
        info["dev"][lang] = {"p": round(pr, 4), "r": round(rc, 4), "f1": round(f1, 4)}  # type: ignore[index]
        print(f"dev {lang}: P {pr:.3f} R {rc:.3f} F1 {f1:.3f}")
    y = np.concatenate(dy)
    p = np.concatenate(dp)
    pr, rc, f1 = prf(y, (p >= threshold).astype(int))
    info["dev"]["all"] = {"p": round(pr, 4), "r": round(rc, 4), "f1": round(f1, 4)}  # type: ignore[index]
    print(f"dev all: P {pr:.3f} R {rc:.3f} F1 {f1:.3f}")
    model = LineModel(stage1, stage2, threshold, info)
    (PKG / "line_model.json").write_text(model.to_json() + "\n", encoding="utf-8")
    print("wrote", PKG / "line_model.json")


if __name__ == "__main__":
    main()

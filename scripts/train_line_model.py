"""Train the cleaner's line models and measure them on turku-lines dev.

    .venv/bin/python scripts/train_line_model.py               # all four models
    .venv/bin/python scripts/train_line_model.py --only news
    .venv/bin/python scripts/train_line_model.py --stopwords   # also rebuild stopwords.json.gz (jusText)

* ``web`` (line_model_web.json): turku-lines train (OSCAR web pages: forums, wikis, shops,
  blogs; short list lines are often main text there) plus the French and Swedish half of
  turku dev that ``newsdesk.evaluation.turku_dev_part`` sets aside for training (those two
  languages have no train split; the benchmarks score the other half).  ``--web-kind trees`` /
  ``--news-kind trees`` fit boosted trees over the features widened with the neighbours'
  values instead of the logistic regressions; measured and not shipped (docs/decisions.md).
* ``news`` (line_model.json, the cleaner's default): the same turku lines as ``web``, plus the
  Fundus news pages rendered to text with inscriptis (a line is main text when it belongs to
  the gold title/body), plus the *tune half* of the trafilatura-eval pages with lines labelled by
  the gold snippets they hold (``with`` 1, ``without`` 0, others unlabelled).  The held-out
  half of trafilatura-eval and the reported part of turku dev are never trained or tuned on.
  ``--hold-val`` also leaves out the tune-b quarter (``--hold-val a``: tune-a), for comparing
  variants on pages the model never saw (with ``--out DIR``, so the packaged model stays as it
  is; ``bench/plaintext_eval.py --split tune-b --line-model-file DIR/line_model.json`` scores it); ``--silver`` labels the tune pages' other lines by
  trafilatura's extraction (measured and not shipped).

* ``news-lexical`` (line_model_lexical.json, ``CleanConfig(line_model="news-lexical")``): the
  ``news`` data, and a first stage that also sees what a bag-of-words logistic regression over
  the line's own words says (``LexicalStage``; cross-fitted over five folds of documents, so
  the stage weighs it as on unseen lines).  0.6-0.7 points more F1 on the tune quarters, at
  6-8 % more CPU on the plain-text path (docs/decisions.md).
* ``news-encoder`` (line_model_encoder.json): the ``news`` data, and a first stage that also
  sees two columns from a multilingual sentence encoder (``newsdesk.clean.encoder``): a
  small network's log-odds over each line's vector, cross-fitted like the lexical stage, and the
  line's cosine with the page's prose.  Held-out half 0.887 -> 0.8995 at about 27 times the
  CPU (docs/decisions.md, session 15).  ``NEWSDESK_ENCODER_CACHE=FILE`` keeps the vectors
  between runs (some 150,000 lines; the first run embeds them in a few minutes).

The threshold is chosen on a held-out fifth of the training documents; turku dev figures are
printed and stored in each model's ``info``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import numpy as np
from sklearn.linear_model import LogisticRegression

# this checkout's package, as the benches import it: run from a git worktree (an A/B run),
# the trainer otherwise fitted the installed package's code, not the worktree's
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsdesk.clean.encoder import EncoderStage, embed  # noqa: E402
from newsdesk.clean.features import doc_features  # noqa: E402
from newsdesk.clean.lexicon import stopwords  # noqa: E402
from newsdesk.clean.linemodel import (  # noqa: E402
    MODEL_FILES,
    LexicalStage,
    LinearStage,
    LineModel,
    Stage,
    TreeStage,
    lexical_features,
)
from newsdesk.evaluation import fundus_half, fundus_line_labels, render_lines, turku_dev_part  # noqa: E402
from newsdesk.lang import detect  # noqa: E402
from newsdesk.shared_data import data_path, read_jsonl_gz  # noqa: E402

_WS = re.compile(r"\s+")
S = TypeVar("S")
CLASS_WEIGHT: str | None = None


@dataclass
class Doc:
    source: str
    lines: list[str]
    labels: list[int]  # 1 main text, 0 noise, -1 unknown (context only)


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


def collapse(text: str) -> str:
    return _WS.sub(" ", text).strip()


#: the renderer the other trainers call as ``T._render``
_render = render_lines


def turku_docs(split: str, part: str = "report") -> list[Doc]:
    """A turku split; for dev only one part: ``report`` (what the benchmarks score) or
    ``train`` (the fr/sv half set aside for training: those languages have no train split)."""
    out = []
    for d in read_jsonl_gz(data_path("turku-lines", f"{split}.jsonl.gz")):
        if split == "dev" and turku_dev_part(d["id"], d["lang"]) != part:
            continue
        pairs = [(t.strip(), int(y)) for t, y in zip(d["lines"], d["labels"], strict=True) if t.strip()]
        out.append(Doc("turku-" + d["lang"], [t for t, _ in pairs], [y for _, y in pairs]))
    return out


def turku_dev_train_docs() -> list[Doc]:
    return turku_docs("dev", part="train")


#: set by --hold-fundus: the Fundus half ("a": pages whose id's sha1 first byte is even, "b":
#: odd) left out of training, so a cleaner change found on trafilatura-eval's tune pages can be
#: checked on news pages no model saw (bench/fundus_lines.py --half)
HOLD_FUNDUS: str | None = None


def fundus_docs() -> list[Doc]:
    """Fundus pages rendered to text; a line is main text when it is in the gold title/body."""
    out = []
    for r in read_jsonl_gz(data_path("fundus", "articles.jsonl.gz")):
        if HOLD_FUNDUS is not None and fundus_half(r["id"]) == HOLD_FUNDUS:
            continue
        lines = _render(r["html"])
        if lines:
            out.append(Doc("fundus", lines, fundus_line_labels(lines, r["gold"])))
    return out


#: set by --silver: tune-half lines that hold no gold snippet are labelled by trafilatura's
#: extraction from the same page's HTML (main text when the extraction holds the line)
SILVER = False


def _silver_labels(html: str, lines: list[str]) -> list[int]:
    """Line labels distilled from trafilatura working on the HTML of the same page.

    The gold marks a handful of snippets per page; trafilatura's extraction (F1 0.92 on this
    dataset) labels every other line too, noisily but in the domain the cleaner is scored on.
    A line counts as main text when its text is a line of the extraction, or (at 25 characters
    and more) a substring of it; lines of 1-2 words that are not whole extraction lines count
    as unknown, since a menu word can occur inside any prose.
    """
    import trafilatura

    try:
        ext = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
    except Exception:
        return [-1] * len(lines)
    if not ext.strip():
        return [-1] * len(lines)
    whole = collapse(ext)
    ext_lines = {collapse(x.lstrip("-*").strip()) for x in ext.split("\n") if x.strip()}
    out = []
    for ln in lines:
        c2 = collapse(ln.lstrip("-*•").strip())
        if c2 in ext_lines or (len(c2) >= 25 and c2 in whole):
            out.append(1)
        elif len(c2.split()) <= 2 and c2 and c2 in whole:
            out.append(-1)
        else:
            out.append(0)
    return out


#: set by --hold-val: tune-half pages whose sha1 second byte is odd (the "tune-b" quarter of
#: bench/plaintext_eval.py; ``--hold-val a``: even, tune-a) are left out, so model variants can
#: be compared on pages they never saw without touching the held-out half
HOLD_VAL: str | None = None
#: set by --unlabel-rule-lines: lines the cleaner's rules remove whatever the model says give
#: context but no loss (the model's capacity goes to the lines the rules leave to it)
UNLABEL_RULE_LINES = False
_RULE_REASONS = frozenset(
    {"nav", "paywall", "donation", "label", "social", "cookie", "newsletter", "comments", "disclosure",
     "embed", "empty", "metadata", "author"}
)  # fmt: skip


def unlabel_rule_lines(docs: list[Doc]) -> list[Doc]:
    """The documents with the lines the rules remove (by the reasons above) unlabelled."""
    from bisect import bisect_right
    from itertools import accumulate

    from newsdesk.clean import clean_text

    out = []
    n = 0
    for d in docs:
        starts = list(accumulate((len(line) + 1 for line in d.lines), initial=0))
        labels = list(d.labels)
        for r in clean_text("\n".join(d.lines)).removed:
            if r.reason in _RULE_REASONS:
                i = bisect_right(starts, r.start) - 1
                n += labels[i] >= 0
                labels[i] = -1
        out.append(Doc(d.source, d.lines, labels))
    print(f"unlabelled {n} labelled lines the rules remove", flush=True)
    return out


def _held_for_validation(name: str) -> bool:
    if HOLD_VAL is None:
        return False
    return hashlib.sha1(name.encode("utf-8")).digest()[1] % 2 == (1 if HOLD_VAL == "b" else 0)


def trafilatura_tune_docs() -> list[Doc]:
    """The tune half of trafilatura-eval (split as in bench/plaintext_eval.py), rendered.

    Only lines holding a gold snippet are labelled (1 for ``with``, 0 for ``without``); the
    others (-1) give context but no loss.  The held-out half is never read here.
    """
    gold = json.loads(data_path("trafilatura-eval", "evaldata.json").read_text(encoding="utf-8"))
    by_file = {v["file"]: v for v in gold.values()}
    out = []
    for row in read_jsonl_gz(data_path("trafilatura-eval", "pages.jsonl.gz")):
        g = by_file.get(row["file"])
        if g is None or hashlib.sha1(row["file"].encode("utf-8")).digest()[0] % 2 != 0:
            continue
        if _held_for_validation(row["file"]):
            continue
        lines = _render(row["html"])
        cl = [collapse(ln) for ln in lines]
        labels = _silver_labels(row["html"], lines) if SILVER else [-1] * len(lines)
        gold_main = set()
        for snip in g["with"]:
            for i, c in enumerate(cl):
                if collapse(snip) in c:
                    labels[i] = 1
                    gold_main.add(i)
        for snip in g["without"]:
            for i, c in enumerate(cl):
                if collapse(snip) in c and i not in gold_main:
                    labels[i] = 0
        if lines:
            out.append(Doc("trafilatura-tune", lines, labels))
    return out


def matrices(docs: list[Doc]) -> tuple[list[np.ndarray], list[np.ndarray]]:
    xs = [doc_features(d.lines, stopwords(doc_lang(d.lines))) for d in docs]
    ys = [np.array(d.labels, dtype=np.int64) for d in docs]
    return xs, ys


def fit(x: np.ndarray, y: np.ndarray, c: float, w: np.ndarray | None = None) -> LinearStage:
    known = y >= 0
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=c, max_iter=3000, class_weight=CLASS_WEIGHT)
    lr.fit(((x - mean) / scale)[known], y[known], sample_weight=None if w is None else w[known])
    return LinearStage(mean, scale, lr.coef_[0].copy(), float(lr.intercept_[0]))


def fit_trees(x: np.ndarray, y: np.ndarray, w: np.ndarray | None = None) -> TreeStage:
    from sklearn.ensemble import HistGradientBoostingClassifier

    known = y >= 0
    clf = HistGradientBoostingClassifier(
        max_iter=200,
        learning_rate=0.08,
        max_leaf_nodes=31,
        max_depth=8,
        min_samples_leaf=40,
        l2_regularization=1.0,
        random_state=0,
    )
    clf.fit(x[known], y[known], sample_weight=None if w is None else w[known])
    return TreeStage.from_sklearn(clf)


def fit_stage(kind: str, x: np.ndarray, y: np.ndarray, c: float, w: np.ndarray | None = None) -> Stage:
    return fit_trees(x, y, w) if kind == "trees" else fit(x, y, c, w)


def shell(kind: str, page_stats: bool = False) -> LineModel:
    """A model object used only for its input transforms (``wide`` for trees)."""
    dummy = LinearStage(np.zeros(1), np.ones(1), np.zeros(1), 0.0)
    return LineModel(dummy, dummy, 0.5, {}, wide=kind == "trees", page_stats=page_stats)


def prf(y: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    known = y >= 0
    y, pred = y[known], pred[known]
    tp = int(((pred == 1) & (y == 1)).sum())
    fp = int(((pred == 1) & (y == 0)).sum())
    fn = int(((pred == 0) & (y == 1)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def train(
    kind: str,
    xs: list[np.ndarray],
    ys: list[np.ndarray],
    c: float,
    threshold: float = 0.5,
    weights: list[float] | None = None,
    page_stats: bool = False,
) -> LineModel:
    """Both stages on these documents (``weights``: one per document, for its lines)."""
    # stage 2 must see stage-1 probabilities as they look on unseen documents: cross-fit
    folds = 5
    sh = shell(kind, page_stats)
    x1s = [sh.stage1_input(x) for x in xs]
    rows = [np.full(len(y), 1.0 if weights is None else weights[i]) for i, y in enumerate(ys)]
    p1_xs: list[np.ndarray] = [np.empty(0)] * len(xs)
    for k in range(folds):
        tr = [i for i in range(len(xs)) if i % folds != k]
        s1 = fit_stage(
            kind,
            np.vstack([x1s[i] for i in tr]),
            np.concatenate([ys[i] for i in tr]),
            c,
            np.concatenate([rows[i] for i in tr]),
        )
        for i in range(len(xs)):
            if i % folds == k:
                p1_xs[i] = sh.stage2_input(x1s[i], s1.predict(x1s[i]))
    w = np.concatenate(rows)
    stage1 = fit_stage(kind, np.vstack(x1s), np.concatenate(ys), c, w)
    stage2 = fit_stage(kind, np.vstack(p1_xs), np.concatenate(ys), c, w)
    return LineModel(stage1, stage2, threshold, {}, wide=sh.wide, page_stats=page_stats)


def predict_raw(model: LineModel, x: np.ndarray) -> np.ndarray:
    """The model's probabilities from a ready feature matrix (no re-featurising)."""
    x1 = model.stage1_input(x)
    return model.stage2.predict(model.stage2_input(x1, model.stage1.predict(x1)))


#: a word enters the lexical model when this many training documents hold it:
#: what recurs across pages (and sites) is furniture vocabulary, what does not is one page's
LEX_MIN_DOCS = 3
#: chosen on the tune quarters, each left out in turn (0.5 / 2 / 6: tune-b 0.900 / 0.903 /
#: 0.904, tune-a 0.913 / 0.914 / 0.913; a plateau, the middle taken)
LEX_C = 2.0
#: the word stage's words cut to their first so many characters (0: whole words), so that a
#: word's inflections and compounds share one weight ("abonnieren", "abonniert",
#: "abonnement"): on the four checks (tune-a / tune-b / Fundus-a / Fundus-b, each left out)
#: whole words 0.939 / 0.931 / 0.828 / 0.821; 4 characters 0.937 / 0.931 / 0.828 / 0.823;
#: 5: 0.939 / 0.933 / 0.831 / 0.824; 6: 0.939 / 0.932 / 0.829 / 0.822; 8: 0.941 / 0.931 /
#: 0.830 / 0.821 (docs/decisions.md, session 36)
LEX_WORD_CHARS = 8


def fit_lexical(docs: list[Doc]) -> LexicalStage:
    """The lexical model on these documents' labelled lines (see LexicalStage)."""
    from scipy.sparse import csr_matrix

    df: dict[str, int] = {}
    for d in docs:
        for f in {f for ln in d.lines for f in lexical_features(ln, LEX_WORD_CHARS)}:
            df[f] = df.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in df.items() if n >= LEX_MIN_DOCS))}
    rows, cols, vals, y = [], [], [], []
    r = 0
    for d in docs:
        for ln, lab in zip(d.lines, d.labels, strict=True):
            if lab < 0:
                continue
            feats = lexical_features(ln, LEX_WORD_CHARS)
            norm = len(feats) ** -0.5 if feats else 0.0
            for f in feats:
                j = vocab.get(f)
                if j is not None:
                    rows.append(r)
                    cols.append(j)
                    vals.append(norm)
            y.append(lab)
            r += 1
    x = csr_matrix((vals, (rows, cols)), shape=(r, len(vocab)))
    lr = LogisticRegression(C=LEX_C, max_iter=3000)
    lr.fit(x, np.asarray(y))
    coef = lr.coef_[0]
    weights = {f: float(coef[j]) for f, j in vocab.items() if abs(coef[j]) >= 1e-4}
    return LexicalStage(weights, float(lr.intercept_[0]), LEX_WORD_CHARS)


#: C of the news-encoder model's logistic regression over the 512 encoder dimensions, when
#: ENCODER_HIDDEN is 0 (set before anything was measured; 0.1 and 10 scored the same)
ENCODER_C = 1.0
#: hidden units of the network that reads the encoder's vectors (0: a logistic regression).
#: Four checks (tune-a / tune-b / Fundus-a / Fundus-b, each left out): logistic 0.928 / 0.925
#: / 0.831 / 0.809; 32 units 0.928 / 0.923 / 0.835 / 0.824; 64 0.929 / 0.923 / 0.833 /
#: 0.824; 128 0.924 / 0.926 / 0.834 / 0.821 (docs/decisions.md, session 15)
ENCODER_HIDDEN = 32


def fit_encoder(docs: list[Doc], vectors: Callable[[Doc], np.ndarray]) -> EncoderStage:
    """The encoder's log-odds stage on these documents' labelled lines (``vectors``: a
    document's line vectors, embedded once for all the fits)."""
    xs, ys, ws = [], [], []
    for d in docs:
        keep = [i for i, lab in enumerate(d.labels) if lab >= 0]
        if not keep:
            continue
        xs.append(vectors(d)[keep])
        ys.append(np.asarray([d.labels[i] for i in keep]))
        ws.append(np.full(len(keep), doc_weight(d)))
    x, y, w = np.vstack(xs), np.concatenate(ys), np.concatenate(ws)
    if ENCODER_HIDDEN:
        from sklearn.neural_network import MLPClassifier

        # (early stopping holds out a tenth of the lines, drawn with the fixed seed)
        mlp = MLPClassifier(
            hidden_layer_sizes=(ENCODER_HIDDEN,),
            alpha=1e-3,
            early_stopping=True,
            random_state=0,
            max_iter=200,
        )
        mlp.fit(x, y, sample_weight=w)
        return EncoderStage(
            mlp.coefs_[1][:, 0].astype(np.float64),
            float(mlp.intercepts_[1][0]),
            (mlp.coefs_[0].astype(np.float64), mlp.intercepts_[0].astype(np.float64)),
        )
    lr = LogisticRegression(C=ENCODER_C, max_iter=3000)
    lr.fit(x.astype(np.float64), y, sample_weight=w)
    return EncoderStage(lr.coef_[0].astype(np.float64), float(lr.intercept_[0]))


def _cross_fitted(
    docs: list[Doc],
    xs: list[np.ndarray],
    fit: Callable[[list[Doc]], S],
    columns: Callable[[S, Doc], np.ndarray],
) -> tuple[list[np.ndarray], S]:
    """Each document's features plus the columns of a stage fitted without the document (5
    folds, the folds ``build`` and ``train`` use, so the next stage weighs them as on unseen
    lines), and the stage fitted on all."""
    folds = 5
    out: list[np.ndarray] = [np.empty(0)] * len(docs)
    for k in range(folds):
        stage = fit([d for i, d in enumerate(docs) if i % folds != k])
        for i, d in enumerate(docs):
            if i % folds == k:
                out[i] = np.hstack([xs[i], columns(stage, d)])
    return out, fit(docs)


def with_encoder_columns(docs: list[Doc], xs: list[np.ndarray]) -> tuple[list[np.ndarray], EncoderStage]:
    """The encoder's two columns, cross-fitted (:func:`_cross_fitted`); each document is
    embedded once, not once per fit."""
    memo: dict[int, np.ndarray] = {}

    def vectors(d: Doc) -> np.ndarray:
        if id(d) not in memo:
            memo[id(d)] = embed(d.lines)
        return memo[id(d)]

    return _cross_fitted(
        docs,
        xs,
        lambda part: fit_encoder(part, vectors),
        lambda stage, d: stage.columns(d.lines, vectors(d)),
    )


def with_lexical_column(docs: list[Doc], xs: list[np.ndarray]) -> tuple[list[np.ndarray], LexicalStage]:
    """The lexical log-odds, cross-fitted (:func:`_cross_fitted`)."""
    return _cross_fitted(docs, xs, fit_lexical, lambda lex, d: lex.logits(d.lines)[:, None])


#: each labelled line of a trafilatura-eval tune page counts this many times in the fits.
#: Those pages are the genre the news models serve and hold a handful of gold lines each
#: (some 2,900 lines against 53,000 from turku-lines and Fundus).  Chosen on the tune
#: quarters, each left out of training in turn (bench/plaintext_eval.py --split tune-b|tune-a):
#: weight 1 / 3 / 10 / 30 / 100 scored 0.899 / 0.903 / 0.907 / 0.906 / 0.909 on tune-b and
#: 0.904 / 0.904 / 0.909 / 0.907 / 0.902 on tune-a with the news model.
TUNE_PAGE_WEIGHT = 10.0


def doc_weight(d: Doc) -> float:
    return TUNE_PAGE_WEIGHT if d.source == "trafilatura-tune" else 1.0


#: documents' weights within one source scaled by (labelled lines) ** -DOC_BALANCE, the
#: source's total weight kept (0: every labelled line weighs the same, as shipped).  Four
#: checks: 0.25 gave 0.935 / 0.929 / 0.829 / 0.829, 0.5 gave 0.935 / 0.926 / 0.832 / 0.828,
#: against 0.939 / 0.931 / 0.828 / 0.821 (the tune quarters down, Fundus up; not shipped,
#: docs/decisions.md, session 36)
DOC_BALANCE = 0.0


def doc_weights(docs: list[Doc]) -> list[float]:
    """:func:`doc_weight` of each document, balanced within its source by :data:`DOC_BALANCE`."""
    base = [doc_weight(d) for d in docs]
    if not DOC_BALANCE:
        return base
    n = [max(1, sum(1 for y in d.labels if y >= 0)) for d in docs]
    out = list(base)
    for src in {d.source for d in docs}:
        idx = [i for i, d in enumerate(docs) if d.source == src]
        raw = [n[i] ** -DOC_BALANCE for i in idx]
        total = sum(n[i] for i in idx)
        scale = total / sum(r * n[i] for r, i in zip(raw, idx, strict=True))
        for r, i in zip(raw, idx, strict=True):
            out[i] = base[i] * r * scale
    return out


#: the news models' stored cut.  0.4: with the news model trained without the tune-b quarter
#: of trafilatura-eval, 0.4 scored 0.899 there against 0.891 at 0.45 and 0.895 at 0.35
#: (bench/plaintext_eval.py --split tune-b), and the held-out training lines chose 0.4 too;
#: a model that saw those pages prefers 0.45 on them.  Checked again with the tune pages
#: weighted (session 6): 0.35 / 0.4 / 0.45 / 0.5 scored 0.907 / 0.907 / 0.902 / 0.896 on
#: tune-b and 0.907 / 0.909 / 0.909 / 0.907 on tune-a.  (Until session 6 this was
#: CleanConfig.model_threshold's default, which overrode every model's own cut.)
NEWS_CUT = {"news": 0.4, "news-lexical": 0.4, "news-encoder": 0.4}
#: the models whose second stage also sees the page's mean and median first-stage
#: probability (``LineModel.page_stats``).  Measured session 11, each check scored by models
#: trained without it (tune-a / tune-b / Fundus-a / Fundus-b): 0.921 / 0.918 / 0.819 / 0.798
#: without, 0.922 / 0.919 / 0.821 / 0.802 with; the wider context the tree models see
#: (``wide_context_features``) gave 0.921 / 0.921 / 0.823 / 0.802 at five times the cost.
#: Not for ``web``: its own training documents' fifth and turku dev did not move.
PAGE_STATS_MODELS = frozenset({"news", "news-lexical", "news-encoder"})
#: a page language gets its own cut-off only with this many training documents in it
LANG_THRESHOLD_MIN_DOCS = 40
#: ... and only when its own best cut beats the global one there by this much F1
LANG_THRESHOLD_MIN_GAIN = 0.02
#: off with --no-language-cuts (to measure what they bring)
PER_LANG = True


def lang_thresholds(
    name: str,
    kind: str,
    docs: list[Doc],
    xs: list[np.ndarray],
    ys: list[np.ndarray],
    c: float,
    global_cut: float,
) -> tuple[dict[str, float], dict[str, object]]:
    """Per page language (as the cleaner guesses it), the F1-best cut-off over the training
    documents' cross-fitted probabilities (each document scored by a model fitted without
    it, five folds), kept where it beats the global cut there by LANG_THRESHOLD_MIN_GAIN;
    and what was measured for every language with enough documents."""
    weights = doc_weights(docs)
    folds = 5
    probs: list[np.ndarray] = [np.empty(0)] * len(docs)
    for k in range(folds):
        inner = [i for i in range(len(docs)) if i % folds != k]
        m = train(
            kind, [xs[i] for i in inner], [ys[i] for i in inner], c, weights=[weights[i] for i in inner]
        )
        for i in range(len(docs)):
            if i % folds == k:
                probs[i] = predict_raw(m, xs[i])
    by_lang: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        by_lang.setdefault(doc_lang(d.lines) or "", []).append(i)
    out: dict[str, float] = {}
    measured: dict[str, object] = {}
    for lang, idx in sorted(by_lang.items()):
        if not lang or len(idx) < LANG_THRESHOLD_MIN_DOCS:
            continue
        y = np.concatenate([ys[i] for i in idx])
        p = np.concatenate([probs[i] for i in idx])
        at_global = prf(y, (p >= global_cut).astype(int))[2]
        best_f1, best_t = max(
            (prf(y, (p >= t).astype(int))[2], round(float(t), 2)) for t in np.arange(0.2, 0.8, 0.05)
        )
        measured[lang] = {
            "docs": len(idx),
            "global_f1": round(at_global, 4),
            "best": best_t,
            "best_f1": round(best_f1, 4),
        }
        print(
            f"[{name}] {lang}: {len(idx)} docs, F1 {at_global:.3f} at the global {global_cut}, {best_f1:.3f} at {best_t}"
        )
        if best_f1 - at_global >= LANG_THRESHOLD_MIN_GAIN:
            out[lang] = best_t
    return out, measured


def build(
    name: str, docs: list[Doc], dev: list[Doc], c: float, kind: str, lexical_stage: bool = False
) -> None:
    xs, ys = matrices(docs)
    lexical = None
    if lexical_stage:
        xs, lexical = with_lexical_column(docs, xs)
    encoder = None
    if name == "news-encoder":
        xs, encoder = with_encoder_columns(docs, xs)
    # threshold: fit on 4/5 of the training documents, pick the F1-best cut on the rest
    inner = [i for i in range(len(docs)) if i % 5 != 0]
    held = [i for i in range(len(docs)) if i % 5 == 0]
    weights = doc_weights(docs)
    page_stats = name in PAGE_STATS_MODELS
    m = train(
        kind,
        [xs[i] for i in inner],
        [ys[i] for i in inner],
        c,
        weights=[weights[i] for i in inner],
        page_stats=page_stats,
    )
    hp = np.concatenate([predict_raw(m, xs[i]) for i in held])
    hy = np.concatenate([ys[i] for i in held])
    best = max((prf(hy, (hp >= t).astype(int))[2], float(t)) for t in np.arange(0.2, 0.8, 0.05))
    threshold = round(best[1], 2)
    print(f"[{name}] threshold {threshold} (held-out training F1 {best[0]:.3f})")
    if name in NEWS_CUT:
        threshold = NEWS_CUT[name]
        print(f"[{name}] stored cut {threshold} (chosen on the tune-b quarter, see NEWS_CUT)")
    final = train(kind, xs, ys, c, weights=weights, page_stats=page_stats)
    # per-language cuts for the web model only: its training pages are the genre it serves;
    # the news models' French and Finnish pages are turku web pages, not news
    per_lang_cut: dict[str, float] = {}
    per_lang_info: dict[str, object] = {}
    if PER_LANG and name == "web":
        per_lang_cut, per_lang_info = lang_thresholds(name, kind, docs, xs, ys, c, threshold)
    dx, dy = matrices(dev)
    if lexical is not None:
        dx = [np.hstack([x, lexical.logits(d.lines)[:, None]]) for x, d in zip(dx, dev, strict=True)]
    if encoder is not None:
        dx = [np.hstack([x, encoder.columns(d.lines)]) for x, d in zip(dx, dev, strict=True)]
    dp = [predict_raw(final, x) for x in dx]
    dev_cut = [per_lang_cut.get(doc_lang(d.lines) or "", threshold) for d in dev]
    info: dict[str, object] = {
        "kind": kind,
        "trained_on": sorted({d.source.split("-")[0] for d in docs}),
        "training_lines": int(sum(int((y >= 0).sum()) for y in ys)),
        "tune_page_weight": TUNE_PAGE_WEIGHT,
        "C": c,
        "turku_dev": {},
    }
    per_lang: dict[str, list[int]] = {}
    for i, d in enumerate(dev):
        per_lang.setdefault(d.source.removeprefix("turku-"), []).append(i)
    for lang, idx in [*sorted(per_lang.items()), ("all", list(range(len(dev))))]:
        y = np.concatenate([dy[i] for i in idx])
        p = np.concatenate([dp[i] for i in idx])
        cut = np.concatenate([np.full(len(dp[i]), dev_cut[i]) for i in idx])
        pr, rc, f1 = prf(y, (p >= cut).astype(int))
        info["turku_dev"][lang] = {"p": round(pr, 4), "r": round(rc, 4), "f1": round(f1, 4)}  # type: ignore[index]
        print(f"[{name}] turku dev {lang}: P {pr:.3f} R {rc:.3f} F1 {f1:.3f}")
    if per_lang_info:
        info["lang_threshold_docs"] = per_lang_info
    model = LineModel(
        final.stage1,
        final.stage2,
        threshold,
        info,
        wide=final.wide,
        lexical=lexical,
        lang_thresholds=per_lang_cut,
        page_stats=page_stats,
        encoder=encoder,
    )
    path = (OUT_DIR or PKG) / MODEL_FILES[name]
    path.write_text(model.to_json() + "\n", encoding="utf-8")
    print("wrote", path)


#: where the models are written (``--out``); None: into the package, where the cleaner loads them
OUT_DIR: Path | None = None


def main() -> None:
    global UNLABEL_RULE_LINES
    global HOLD_VAL, HOLD_FUNDUS, SILVER, LEX_C, LEX_MIN_DOCS, PER_LANG, OUT_DIR, ENCODER_C, ENCODER_HIDDEN
    global DOC_BALANCE, LEX_WORD_CHARS
    ap = argparse.ArgumentParser()
    ap.add_argument("--stopwords", action="store_true", help="rebuild stopwords.json.gz from jusText first")
    ap.add_argument("--C", type=float, default=0.05)
    ap.add_argument(
        "--unlabel-rule-lines",
        action="store_true",
        help="lines the rules remove give context but no loss (measured, not shipped: docs/decisions.md)",
    )
    ap.add_argument("--only", choices=sorted(MODEL_FILES), default=None)
    ap.add_argument("--web-kind", choices=("trees", "linear"), default="linear")
    ap.add_argument("--news-kind", choices=("trees", "linear"), default="linear")
    ap.add_argument(
        "--hold-val",
        nargs="?",
        const="b",
        choices=("a", "b"),
        default=None,
        help="leave out a validation quarter of trafilatura-eval (tune-b, or tune-a with 'a')",
    )
    ap.add_argument(
        "--hold-fundus",
        choices=("a", "b"),
        default=None,
        help="leave out a half of the Fundus pages (bench/fundus_lines.py --half scores it)",
    )
    ap.add_argument(
        "--silver",
        action="store_true",
        help="label the tune-half lines without gold by trafilatura's extraction of the HTML",
    )
    ap.add_argument(
        "--encoder-c", type=float, default=ENCODER_C, help="C of the news-encoder model's encoder stage"
    )
    ap.add_argument(
        "--encoder-hidden",
        type=int,
        default=ENCODER_HIDDEN,
        help="hidden units over the encoder's vectors (0: logistic)",
    )
    ap.add_argument("--lex-c", type=float, default=LEX_C, help="C of the news-lexical model's word stage")
    ap.add_argument(
        "--lex-min-docs", type=int, default=LEX_MIN_DOCS, help="training documents a word must be in"
    )
    ap.add_argument(
        "--no-language-cuts", action="store_true", help="one cut-off for every page language (web model)"
    )
    ap.add_argument(
        "--out",
        type=Path,
        default=None,
        help="write the models into this directory instead of the package (the quarter protocol: "
        "bench/plaintext_eval.py --line-model-file DIR/line_model.json)",
    )
    ap.add_argument(
        "--doc-balance",
        type=float,
        default=DOC_BALANCE,
        help="weigh a document's lines by (its labelled lines) ** -X within its source",
    )
    ap.add_argument(
        "--lex-word-chars",
        type=int,
        default=LEX_WORD_CHARS,
        help="the word stage's words cut to N characters",
    )
    args = ap.parse_args()
    DOC_BALANCE = args.doc_balance
    LEX_WORD_CHARS = args.lex_word_chars
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        OUT_DIR = args.out
    LEX_C = args.lex_c
    LEX_MIN_DOCS = args.lex_min_docs
    ENCODER_C = args.encoder_c
    ENCODER_HIDDEN = args.encoder_hidden
    HOLD_VAL = args.hold_val
    UNLABEL_RULE_LINES = args.unlabel_rule_lines
    HOLD_FUNDUS = args.hold_fundus
    SILVER = args.silver
    PER_LANG = not args.no_language_cuts
    if args.stopwords:
        build_stopwords()
    # both models also learn French and Swedish from half of turku dev (they have no train
    # split).  For the news model this was a loss in session 2 (tune-b 0.852-0.856 with, 0.860
    # without); with today's features and pages it is a small gain on both tune quarters, each
    # left out in turn: tune-b 0.897 -> 0.902, tune-a 0.902 -> 0.904 (docs/decisions.md)
    web_docs = turku_docs("train") + turku_dev_train_docs()
    dev = turku_docs("dev")
    if args.only in (None, "web"):
        build("web", web_docs, dev, args.C, args.web_kind)
    if args.only in (None, "news", "news-lexical", "news-encoder"):
        news_docs = turku_docs("train") + turku_dev_train_docs() + fundus_docs() + trafilatura_tune_docs()
        if UNLABEL_RULE_LINES:
            news_docs = unlabel_rule_lines(news_docs)
        if args.only in (None, "news"):
            build("news", news_docs, dev, args.C, args.news_kind)
        if args.only in (None, "news-lexical"):
            build("news-lexical", news_docs, dev, args.C, args.news_kind, lexical_stage=True)
        if args.only in (None, "news-encoder"):
            build("news-encoder", news_docs, dev, args.C, args.news_kind)


if __name__ == "__main__":
    main()

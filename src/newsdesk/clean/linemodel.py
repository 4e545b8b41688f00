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
:func:`newsdesk.evaluation.turku_dev_part`); ``news-lexical`` and ``news-encoder`` are the
``news`` recipe with more first-stage columns (:class:`LexicalStage`,
:class:`newsdesk.clean.encoder.EncoderStage`).  Their turku dev F1 is recorded in the files and in docs/decisions.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

import numpy as np

from newsdesk.clean.encoder import EncoderStage
from newsdesk.clean.features import (
    FEATURE_NAMES,
    context_features,
    doc_features,
    neighbour_features,
    page_context,
    wide_context_features,
)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """``1 / (1 + exp(-clip(z, -30, 30)))`` in place on the fresh array ``z``: the same
    operations on the same values as the expression (clip as maximum then minimum, which
    agree with it on every float, NaN included), with one ufunc call each and no
    temporaries; on the short pages that make up most of a corpus the calls, not the
    arithmetic, are the cost."""
    if type(z) is not np.ndarray or z.dtype != np.float64:  # (products of float64 arrays are)
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

    @cached_property
    def _folded(self) -> tuple[np.ndarray, float]:
        """The standardisation folded into the weights: one product per page, no centred
        and scaled copy of the feature matrix."""
        w = self.coef / self.scale
        return w, float(self.intercept - (self.mean / self.scale) @ self.coef)

    def predict(self, x: np.ndarray) -> np.ndarray:
        w, b = self._folded
        return _sigmoid(x @ w + b)

    def predict_split(self, x: np.ndarray, extra: np.ndarray, page: Sequence[float] = ()) -> np.ndarray:
        """:meth:`predict` of ``np.hstack([x, extra, page])`` without building it (``page``:
        values shared by every line of the page, added as one offset)."""
        w, b = self._folded
        k = x.shape[1]
        if page:
            e = k + extra.shape[1]
            b = b + float(np.dot(w[e:], page))
            return _sigmoid(x @ w[:k] + extra @ w[k:e] + b)
        return _sigmoid(x @ w[:k] + extra @ w[k:] + b)

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

_LEX_TOKEN = re.compile(r"\w+")
_LEX_DIGIT = re.compile(r"\d")
#: a line's opening says what it is ("Newsletter abonnieren", "Über den Autor"); past this
#: many characters a paragraph's words add cost, not evidence
LEX_LINE_CHARS = 100
#: the odd multiplier of the 64-bit polynomial word hash
_P = np.uint64(0x9E3779B97F4A7C15)
#: multipliers that spread a word hash over the two cuckoo tables' slots (top bits)
_SLOT_A = np.uint64(0xFF51AFD7ED558CCD)
_SLOT_B = np.uint64(0xC4CEB9FE1A85EC53)


def lexical_features(line: str, word_chars: int = 0) -> list[str]:
    """The words of a line's opening, case-folded, digits as ``0`` ("© 2023" and "© 2019"
    share their features), with repeats; ``word_chars``: each word cut to its first so many
    characters (0: whole words).  The reference for :meth:`LexicalStage.logits`,
    which finds the same words a page at a time.  Word pairs as well were measured: no gain
    on either tune quarter (0.904 / 0.911 with, 0.905 / 0.911 without), twice the lookups."""
    words = _LEX_TOKEN.findall(_LEX_DIGIT.sub("0", line[:LEX_LINE_CHARS].casefold()))
    return [w[:word_chars] for w in words] if word_chars else words


@lru_cache(maxsize=1)
def _bmp_word_classes() -> np.ndarray:
    """Per BMP code point: 1 for a word character of ``re``'s ``\\w`` (alphanumeric or
    ``_``), 2 for a decimal digit (which ``\\d`` matches; all are word characters)."""
    table = np.zeros(0x10000, dtype=np.uint8)
    for cp in range(0x10000):
        ch = chr(cp)
        if ch.isdecimal():
            table[cp] = 2
        elif ch.isalnum() or ch == "_":
            table[cp] = 1
    return table


_POWERS: list[np.ndarray] = []
#: powers for pages up to this many characters are kept between calls (16 bytes each); a
#: longer page gets its own, so one huge input does not pin its size in memory
_POWERS_KEPT = 1 << 20


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """``_P ** i`` and its inverse's powers for i < n, mod 2**64."""
    if _POWERS and len(_POWERS[0]) >= n:
        return _POWERS[0][:n], _POWERS[1][:n]
    # grow the kept powers by doubling, up to the kept size; a longer page gets exactly its own
    m = n if n > _POWERS_KEPT else min(max(n, 1 << 16, 2 * len(_POWERS[0]) if _POWERS else 0), _POWERS_KEPT)
    inv = pow(int(_P), -1, 1 << 64)
    with np.errstate(over="ignore"):
        pw = np.cumprod(np.full(m, _P, dtype=np.uint64))
        ipw = np.cumprod(np.full(m, np.uint64(inv), dtype=np.uint64))
    one = np.ones(1, dtype=np.uint64)
    made = [np.concatenate([one, pw[:-1]]), np.concatenate([one, ipw[:-1]])]
    if m <= _POWERS_KEPT:
        _POWERS[:] = made
    return made[0][:n], made[1][:n]


def _code_hash(text: str) -> int:
    """The polynomial hash of a word (digits already ``0``), as
    :meth:`LexicalStage.logits` computes it."""
    h, p = 0, 1
    for ch in text:
        h = (h + ord(ch) * p) % (1 << 64)
        p = p * int(_P) % (1 << 64)
    return h


@dataclass(frozen=True)
class LexicalStage:
    """What a line's own words say: a logistic regression over its words.

    The surface features see shape (length, punctuation, stopwords, position) but not what
    a line is about; the words of site furniture recur across the sites of a language
    ("Newsletter", "Kommentar schreiben", "Autor", "Anmelden"), so this learns from the
    labelled lines what the hand-written cue list can only enumerate.  Its log-odds enter
    the first stage as one more feature (cross-fitted in training, so the stage learns how
    far to trust it on lines it was not fitted on).  A line's features are counted and
    scaled by one over the square root of their number, as scikit-learn's L2 norm does.
    """

    weights: dict[str, float]
    bias: float
    #: each word cut to its first so many characters before lookup (0: whole words)
    word_chars: int = 0

    def logits(self, lines: Sequence[str]) -> np.ndarray:
        """:meth:`logits_reference` for a whole page in numpy: every word's 64-bit
        polynomial hash from one prefix sum over the page's code points and one table lookup
        for all of them (per-word Python work cost a quarter of the plain-text path; a
        str Aho-Corasick scan with overlaps, a sixth)."""
        return self.logits_and_known_share(lines)[0]

    def logits_and_known_share(self, lines: Sequence[str]) -> tuple[np.ndarray, float]:
        """:meth:`logits`, and the share of the page's words the vocabulary holds (1.0 for
        a page without words): on a page whose language the training pages hardly held
        (Chinese, Japanese, Arabic, Hungarian: under a third of the words known) nearly
        every line gets the bare bias, which the first stage never learned to read on a
        whole page."""
        n = len(lines)
        if n == 0:
            return np.zeros(0), 1.0
        page = "\n".join([ln[:LEX_LINE_CHARS] for ln in lines]).casefold()
        # a lone surrogate (scraped text has them) is a non-word code point, not an error
        codes = np.frombuffer(page.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        if len(codes) and int(codes.max()) < 0x10000:
            classes = _bmp_word_classes().take(codes)
        else:
            classes = np.zeros(len(codes), dtype=np.uint8)
            bmp = codes < 0x10000
            classes[bmp] = _bmp_word_classes().take(codes[bmp])
            for i in np.flatnonzero(~bmp):  # astral code points: rare, asked one by one
                ch = chr(int(codes[i]))
                classes[i] = 2 if ch.isdecimal() else int(ch.isalnum())
        inword = np.zeros(len(codes) + 2, dtype=np.bool_)
        inword[1:-1] = classes > 0
        edges = np.flatnonzero(inword[1:] != inword[:-1])
        starts, ends = edges[0::2], edges[1::2]
        line_of = np.searchsorted(np.flatnonzero(codes == 10), starts)
        ntok = np.bincount(line_of, minlength=n)[:n]
        out = np.full(n, self.bias)
        if len(starts) == 0:
            return out, 1.0
        values = codes.astype(np.uint64)
        np.putmask(values, classes == 2, 48)
        pw, ipw = _powers(len(codes))
        # (arithmetic mod 2**64 on arrays: numpy warns of overflow only on scalars, so no
        # errstate context, which cost more than the arithmetic on a short page)
        prefix = np.concatenate([np.zeros(1, dtype=np.uint64), np.cumsum(values * pw, dtype=np.uint64)])
        if self.word_chars:
            ends = np.minimum(ends, starts + self.word_chars)
        h = (prefix[ends] - prefix[starts]) * ipw[starts]
        weights, known = self._lookup(h)
        sums = np.bincount(line_of, weights=weights, minlength=n)[:n]
        nfeat = np.maximum(ntok, 1).astype(np.float64)
        return out + np.where(ntok > 0, sums / np.sqrt(nfeat), 0.0), known / len(h)

    def logits_reference(self, lines: Sequence[str]) -> np.ndarray:
        get = self.weights.get
        out = np.full(len(lines), self.bias)
        for i, line in enumerate(lines):
            feats = lexical_features(line, self.word_chars)
            if feats:
                out[i] += sum([get(f, 0.0) for f in feats]) / len(feats) ** 0.5
        return out

    def _lookup(self, hashes: np.ndarray) -> tuple[np.ndarray, int]:
        """The weight of each hash, 0 for unknown ones, and how many are known: every known
        hash sits in one of two tables (cuckoo hashing: two multiplicative hashes choose its
        slot in each), so a lookup is two gathers and two compares, whatever the vocabulary."""
        top, bottom, shift = self._table
        slot1 = ((hashes * _SLOT_A) >> np.uint64(shift)).astype(np.intp)
        slot2 = ((hashes * _SLOT_B) >> np.uint64(shift)).astype(np.intp)
        in1, in2 = top[0][slot1] == hashes, bottom[0][slot2] == hashes
        weights = np.where(in1, top[1][slot1], np.where(in2, bottom[1][slot2], 0.0))
        return weights, int(np.count_nonzero(in1 | in2))

    def _cuckoo(self, bits: int) -> list[dict[int, tuple[int, float]]] | None:
        """The two tables' slots at this size, or None when an insertion cycles."""
        shift = 64 - bits

        def slot_of(h: int, side: int) -> int:
            return (h * int(_SLOT_B if side else _SLOT_A)) % (1 << 64) >> shift

        tables: list[dict[int, tuple[int, float]]] = [{}, {}]
        for feature, weight in self.weights.items():
            h = _code_hash(feature)
            if h == 0:
                raise ValueError(f"lexical feature {feature!r} hashes to 0, the empty slot")
            for side in (0, 1):
                held = tables[side].get(slot_of(h, side))
                if held is not None and held[0] == h:
                    raise ValueError(f"two lexical features share a hash: {feature!r}")
            item, side = (h, weight), 0
            for _ in range(256):
                slot = slot_of(item[0], side)
                held = tables[side].get(slot)
                tables[side][slot] = item
                if held is None:
                    break
                item, side = held, 1 - side
            else:
                return None
        return tables

    @cached_property
    def _table(self) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray], int]:
        """The two cuckoo tables (hashes and weights), each twice the vocabulary's size rounded
        up to a power of two (at most a quarter full, small enough for the cache), built once
        per loaded model.  Two hashes that share their slot in both tables make insertion
        cycle whatever the room; the tables are then built again twice as large, where the
        slots differ (a random vocabulary of a few words hit this in the property test)."""
        base = max(4, (2 * max(len(self.weights), 1) - 1).bit_length())
        for bits in range(base, base + 8):
            tables = self._cuckoo(bits)
            if tables is not None:
                break
        else:  # pragma: no cover - eight sizes in a row with a double collision
            raise ValueError("lexical feature table: no free slot after 256 moves")
        size, shift = 1 << bits, 64 - bits
        out = []
        for table in tables:
            keys = np.zeros(size, dtype=np.uint64)
            vals = np.zeros(size, dtype=np.float64)
            for slot, (key, value) in table.items():
                keys[slot], vals[slot] = key, value
            out.append((keys, vals))
        return out[0], out[1], shift

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"bias": self.bias}
        if self.word_chars:
            out["word_chars"] = self.word_chars
        out["weights"] = {k: round(v, 4) for k, v in sorted(self.weights.items())}
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> LexicalStage:
        return cls(
            {str(k): float(v) for k, v in d["weights"].items()}, float(d["bias"]), int(d.get("word_chars", 0))
        )


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
    #: the lines' own words, as one more first-stage feature (see :class:`LexicalStage`)
    lexical: LexicalStage | None = None
    #: cut-offs for the page languages whose training documents chose one apart from the
    #: global ``threshold`` (see :meth:`threshold_for`)
    lang_thresholds: dict[str, float] = field(default_factory=dict)
    #: stage 2 also sees the mean and the median of stage 1's probabilities over the page
    #: (:func:`page_context`): on a page stage 1 finds mostly article, a doubtful line is
    #: more likely article too, and the other way round on a mostly furniture page
    page_stats: bool = False
    #: a sentence encoder's log-odds and page cohesion as two more first-stage features
    #: (see :mod:`newsdesk.clean.encoder`; the ``news-encoder`` model)
    encoder: EncoderStage | None = None
    #: the same recipe without the lexical stage, which scores a page whose words the
    #: lexical vocabulary mostly lacks (see :meth:`LexicalStage.logits_and_known_share`;
    #: set by :func:`load_model`, not stored with the weights)
    without_words: LineModel | None = field(default=None, compare=False, repr=False)

    def threshold_for(self, lang: str | None) -> float:
        """The cut-off for a page in ``lang``.  Sites and annotators of one language share
        conventions the features do not see (how much of a forum page is "main", how long a
        Finnish word is), so one cut-off for all languages was a compromise: on turku-lines
        training documents, Finnish pages wanted 0.5 where the global cut was 0.3."""
        return self.lang_thresholds.get(lang or "", self.threshold)

    def with_text_columns(
        self, x: np.ndarray, lines: Sequence[str], lexical_logits: np.ndarray | None = None
    ) -> np.ndarray:
        """``x`` with the lexical log-odds (``lexical_logits``, when already computed), then
        the encoder's two columns, when the model has them."""
        if self.lexical is not None:
            lex = self.lexical.logits(lines) if lexical_logits is None else lexical_logits
            x = np.hstack([x, lex[:, None]])
        if self.encoder is not None:
            x = np.hstack([x, self.encoder.columns(lines)])
        return x

    def stage1_input(self, x: np.ndarray) -> np.ndarray:
        return neighbour_features(x) if self.wide else x

    def stage2_input(self, x1: np.ndarray, p1: np.ndarray) -> np.ndarray:
        ctx = wide_context_features(p1) if self.wide else context_features(p1)
        if self.page_stats:
            return np.hstack([x1, ctx, np.broadcast_to(page_context(p1), (len(p1), 2))])
        return np.hstack([x1, ctx])

    def score(self, lines: Sequence[str], stop: frozenset[str] | None, *known: Any) -> np.ndarray:
        """Probability that each line is main text (``known``: what the page's other steps
        already computed, passed on to :func:`doc_features`: its ``stats``, ``cues``,
        ``keys`` and ``norms``)."""
        return self.score_with_features(lines, stop, *known)[0]

    def score_with_features(
        self, lines: Sequence[str], stop: frozenset[str] | None, *known: Any
    ) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`score`, and the lines' :func:`doc_features` it was computed from (the
        headline and byline rankers read them rather than measuring the lines again)."""
        if not lines:
            return np.zeros(0), np.zeros((0, len(FEATURE_NAMES)))
        x = doc_features(lines, stop, *known)
        return self._probabilities(x, lines), x

    def _probabilities(self, x: np.ndarray, lines: Sequence[str]) -> np.ndarray:
        """Both stages over ``doc_features`` rows ``x``; the word stage's known share is
        read here, where its logits are computed anyway, so a page its vocabulary lacks is
        handed to :attr:`without_words` at no extra hashing."""
        lex = None
        if self.lexical is not None:
            lex, known_share = self.lexical.logits_and_known_share(lines)
            if known_share < LEXICAL_MIN_KNOWN_SHARE and self.without_words is not None:
                return self.without_words._probabilities(x, lines)
        x1 = self.stage1_input(self.with_text_columns(x, lines, lex))
        p1 = self.stage1.predict(x1)
        if isinstance(self.stage2, LinearStage) and not self.wide:
            page = page_context(p1) if self.page_stats else ()
            return self.stage2.predict_split(x1, context_features(p1), page)
        return self.stage2.predict(self.stage2_input(x1, p1))

    def to_json(self) -> str:
        return json.dumps(
            {
                "features": list(FEATURE_NAMES),
                "stage1": self.stage1.to_dict(),
                "stage2": self.stage2.to_dict(),
                "threshold": self.threshold,
                "wide": self.wide,
                **({"page_stats": True} if self.page_stats else {}),
                "info": self.info,
                **({"lexical": self.lexical.to_dict()} if self.lexical is not None else {}),
                **({"encoder": self.encoder.to_dict()} if self.encoder is not None else {}),
                **(
                    {"lang_thresholds": dict(sorted(self.lang_thresholds.items()))}
                    if self.lang_thresholds
                    else {}
                ),
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
            LexicalStage.from_dict(d["lexical"]) if "lexical" in d else None,
            {str(k): float(v) for k, v in d.get("lang_thresholds", {}).items()},
            bool(d.get("page_stats", False)),
            EncoderStage.from_dict(d["encoder"]) if "encoder" in d else None,
        )


#: a page on which fewer of the words than this are in the lexical stage's vocabulary is
#: scored by the model without that stage (the share's distribution over the tune half of
#: trafilatura-eval, by page language: de/en/es/fr 0.42-0.98, pl/fi/pt 0.37-0.53, zh/ja/ar/
#: bn/hu 0.10-0.23; F1 on the tune pages below the cut is the same with either model, while
#: a Chinese test page lost its last paragraph to the bare bias)
LEXICAL_MIN_KNOWN_SHARE = 0.3
#: the packaged model that scores such pages: the lexical model's recipe without the words
WITHOUT_WORDS = "news"

#: model name -> packaged weights file (see scripts/train_line_model.py)
MODEL_FILES = {
    "news": "line_model.json",
    "web": "line_model_web.json",
    "news-lexical": "line_model_lexical.json",
    "news-encoder": "line_model_encoder.json",
}


@lru_cache(maxsize=4)
def load_model(name: str) -> LineModel | None:
    """A packaged model, or None when it has not been trained (the cleaner then uses rules)."""
    try:
        text = resources.files("newsdesk.clean").joinpath(MODEL_FILES[name]).read_text(encoding="utf-8")
    except (FileNotFoundError, KeyError):
        return None
    try:
        model = LineModel.from_json(text)
    except (ValueError, KeyError):
        return None
    if model.lexical is not None and name != WITHOUT_WORDS:
        model = replace(model, without_words=load_model(WITHOUT_WORDS))
    return model

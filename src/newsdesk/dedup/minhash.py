"""Body normalisation, word shingles and vectorised MinHash signatures.

Why our own MinHash rather than datasketch's: datasketch hashes every shingle with SHA-1
in a Python loop and builds one signature per call; here a document's tokens are hashed
once (through a per-process cache, so common words cost a dict lookup), shingles are
combined arithmetically in numpy, and a whole batch of documents is permuted and
min-reduced in a few array operations.  ``bench/dedup_speed.py`` measures the difference.

Hashes must be stable across processes because signatures and LSH band keys persist in the
store: token hashes come from BLAKE2b, never from Python's salted ``hash()``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newsdesk.store.migrations import SEARCH_DROPPED, UNSPACED, UNSPACED_EDGE

U64 = np.uint64
Sig = npt.NDArray[np.uint32]

#: Typographic quotes, apostrophes and dashes folded to ASCII before anything else, so
#: a copy re-typeset by another CMS ("smart quotes") is still an exact duplicate.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        # invisible inside a word: a site that hyphenates for display ("Mes\u00adsen\u00adger")
        # must not make its copy of a wire story look like another text
        "\u00ad": "",
        "\u200b": "",
        "\u2060": "",
        "\ufeff": "",
    }
)


def normalise(text: str) -> str:
    """NFKC, quotes/dashes folded, invisible in-word characters (soft hyphens) dropped, case
    folded, whitespace collapsed to single spaces; each character of a script written
    without spaces is a word of its own, and the marks a reader skips (Arabic's short
    vowels and tatweel, Hebrew's points: ``migrations.SEARCH_DROPPED``) are left out.
    (A Chinese clause was one token: an article of seven clauses had four shingles, and a
    copy with two words changed shared none of them, Jaccard 0 where an English copy so
    edited keeps 0.7; shingles of four characters are what near-duplicate detection for
    Chinese and Japanese uses.)"""
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        # str.translate with a dict costs a Python lookup per character; a dozen C-speed
        # scans are several times faster on news-length text
        for src, dst in _FOLD_PAIRS:
            if src in text:
                text = text.replace(src, dst)
        if UNSPACED.search(text) is not None:  # Han, kana, Hangul, Thai ... (a space beside each)
            text = UNSPACED_EDGE.sub(" ", text)
        if SEARCH_DROPPED.search(text) is not None:  # Arabic vowels, tatweel, Hebrew points
            text = SEARCH_DROPPED.sub("", text)
    return " ".join(text.casefold().split())


_FOLD_PAIRS = [(chr(k), v) for k, v in _FOLD.items()]


def exact_key(text: str) -> str:
    """Key equal for bodies that differ only in whitespace, quote style or case."""
    return hashlib.blake2b(normalise(text).encode("utf-8"), digest_size=12).hexdigest()


def tokens(text: str) -> list[str]:
    """Word tokens of the normalised text (reference tokeniser; the hashing path works on bytes).

    A token is a maximal run of ASCII letters/digits/underscore or non-ASCII bytes, so
    punctuation never matters and re-punctuated copies stay close.
    """
    return [t for t in _BYTE_SPLIT.split(normalise(text)) if t]


_BYTE_SPLIT = re.compile(r"[^0-9a-zA-Z_\u0080-\U0010ffff]+")

#: Which UTF-8 bytes belong to words: ASCII alphanumerics and underscore, and every byte of
#: a multi-byte character (non-ASCII letters; punctuation was folded to ASCII).
_WORD_BYTE = np.zeros(256, dtype=np.int8)
for _c in b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_":
    _WORD_BYTE[_c] = 1
_WORD_BYTE[0x80:] = 1

_P = 0x100000001B3  # odd, so it has an inverse modulo 2^64
_Q = pow(_P, -1, 1 << 64)
_SHINGLE_MULT = U64(0x9E3779B97F4A7C15)


class _Powers:
    """P^i and P^-i modulo 2^64 for i up to the longest batch seen (grown by doubling)."""

    def __init__(self) -> None:
        self.p = np.ones(1, dtype=np.uint64)
        self.q = np.ones(1, dtype=np.uint64)

    def upto(self, n: int) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
        if len(self.p) <= n:
            size = max(n + 1, 2 * len(self.p))
            with np.errstate(over="ignore"):
                self.p = np.concatenate(([U64(1)], np.cumprod(np.full(size - 1, _P, dtype=np.uint64))))
                self.q = np.concatenate(([U64(1)], np.cumprod(np.full(size - 1, _Q, dtype=np.uint64))))
        return self.p, self.q


_POWERS = _Powers()


def _fmix64(h: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """MurmurHash3's 64-bit finaliser: spreads the arithmetic combinations."""
    h = h ^ (h >> U64(33))
    h = h * U64(0xFF51AFD7ED558CCD)
    h = h ^ (h >> U64(33))
    h = h * U64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> U64(33))


_EMPTY_SHINGLE = U64(0x9E3779B97F4A7C15)


def _shingles_batch(
    norms: Sequence[bytes], k: int
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Word k-gram hashes of many normalised bodies at once, without a per-token Python call.

    Token hashes are polynomial hashes of the token's bytes taken from one prefix sum over
    the whole batch (``sum c_j * P^-(j+1)``; multiply the difference back by ``P^end``),
    which is exact modulo 2^64 because P is odd.  Returns ``(hashes, doc_of_hash,
    tokens_per_doc)``, hashes grouped by document in order; a document with fewer than k
    tokens is one shingle of all its tokens, an empty one a fixed marker.
    """
    n_docs = len(norms)
    buf = b" ".join(norms)
    arr = np.frombuffer(buf, dtype=np.uint8)
    doc_start = np.zeros(n_docs, dtype=np.intp)
    if n_docs > 1:
        np.cumsum(
            np.fromiter((len(x) + 1 for x in norms[:-1]), dtype=np.intp, count=n_docs - 1), out=doc_start[1:]
        )
    w = _WORD_BYTE[arr]
    edges = np.diff(w, prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    ppow, qpow = _POWERS.upto(len(arr) + 1)
    with np.errstate(over="ignore"):
        c = arr.astype(np.uint64) + U64(1)
        pref = np.zeros(len(arr) + 1, dtype=np.uint64)
        np.cumsum(c * qpow[1 : len(arr) + 1], out=pref[1:])
        tok = _fmix64((pref[ends] - pref[starts]) * ppow[ends])
    tdoc = np.searchsorted(doc_start, starts, side="right") - 1
    ntok = np.bincount(tdoc, minlength=n_docs).astype(np.intp)
    n = len(tok) - k + 1
    if n > 0:
        with np.errstate(over="ignore"):
            h = tok[:n].copy()
            for j in range(1, k):
                h = h * _SHINGLE_MULT + tok[j : j + n]
            h = _fmix64(h)
        hdoc = tdoc[:n]
        ok = hdoc == tdoc[k - 1 :]
        h, hdoc = h[ok], hdoc[ok]
    else:
        h, hdoc = np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.intp)
    short = np.flatnonzero(ntok < k)
    if len(short):
        extra_h = np.empty(len(short), dtype=np.uint64)
        tstart = np.concatenate(([0], np.cumsum(ntok)))
        with np.errstate(over="ignore"):
            for i, d in enumerate(short):
                v = _EMPTY_SHINGLE
                for t in tok[tstart[d] : tstart[d + 1]]:
                    v = v * _SHINGLE_MULT + t
                extra_h[i] = _fmix64(np.array([v], dtype=np.uint64))[0]
        h = np.concatenate((h, extra_h))
        hdoc = np.concatenate((hdoc, short.astype(np.intp)))
        order = np.argsort(hdoc, kind="stable")
        h, hdoc = h[order], hdoc[order]
    return h, hdoc, ntok


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What the index needs of a body: exact key, signature, shingle count and length."""

    exact_key: str
    signature: Sig
    n_shingles: int
    n_tokens: int


class MinHasher:
    """MinHash with ``num_perm`` affine permutations over word ``shingle``-grams.

    Permutation i maps a shingle's 32-bit hash h (the low half of a MurmurHash3-mixed
    64-bit hash) to ``(a_i * h + b_i) mod 2^32`` with odd ``a_i``: a bijection, the same
    ``affine32`` scheme datasketch 2.0 uses by default, so quality is comparable while all
    permutations of a batch are computed as one SIMD-friendly uint32 array operation.
    """

    def __init__(self, num_perm: int = 128, shingle: int = 4, seed: int = 1) -> None:
        self.num_perm = num_perm
        self.shingle = shingle
        rng = np.random.default_rng(seed)
        self.a = (rng.integers(0, 2**31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1))[:, None]
        self.b = rng.integers(0, 2**32, num_perm, dtype=np.uint64).astype(np.uint32)[:, None]

    def _minhash_rows(self, hashes: npt.NDArray[np.uint64], offsets: npt.NDArray[np.intp]) -> Sig:
        """Min over each document's shingles of every permutation, in cache-sized chunks.

        Layout is (permutation, shingle) so the per-document min-reduction runs along
        contiguous memory; chunks of ~4k shingles keep the working set in cache.
        """
        n_docs = len(offsets)
        h32 = hashes.astype(np.uint32)
        out = np.empty((n_docs, self.num_perm), dtype=np.uint32)
        bounds = np.append(offsets, len(h32))
        chunk = 4096
        d = 0
        while d < n_docs:
            start = bounds[d]
            e = int(np.searchsorted(bounds, start + chunk, side="right")) - 1
            e = min(max(e, d + 1), n_docs)
            perm = self.a * h32[None, start : bounds[e]]
            perm += self.b
            out[d:e] = np.minimum.reduceat(perm, bounds[d:e] - start, axis=1).T
            d = e
        return out

    def fingerprints(self, texts: Sequence[str]) -> list[Fingerprint]:
        """Fingerprints of many bodies in one vectorised pass.

        ``n_shingles`` counts shingle occurrences; repeated 4-grams are rare in news, and
        the count only feeds the containment estimate.
        """
        if not texts:
            return []
        norms = [normalise(t).encode("utf-8") for t in texts]
        keys = [hashlib.blake2b(n, digest_size=12).hexdigest() for n in norms]
        h, hdoc, ntok = _shingles_batch(norms, self.shingle)
        sizes = np.bincount(hdoc, minlength=len(norms))
        offsets = np.zeros(len(norms), dtype=np.intp)
        np.cumsum(sizes[:-1], out=offsets[1:])
        sigs = self._minhash_rows(h, offsets)
        return [
            Fingerprint(keys[i], sigs[i], int(sizes[i]) if ntok[i] else 0, int(ntok[i]))
            for i in range(len(norms))
        ]

    def fingerprint(self, text: str) -> Fingerprint:
        return self.fingerprints([text])[0]

    def shingle_sets(self, texts: Sequence[str]) -> list[npt.NDArray[np.uint64]]:
        """Exact shingle sets of several texts (paragraphs of one body) in one batch."""
        if not texts:
            return []
        h, hdoc, ntok = _shingles_batch([normalise(t).encode("utf-8") for t in texts], self.shingle)
        bounds = np.searchsorted(hdoc, np.arange(len(texts) + 1))
        return [
            np.unique(h[bounds[i] : bounds[i + 1]]) if ntok[i] else np.empty(0, dtype=np.uint64)
            for i in range(len(texts))
        ]

    def shingle_set(self, text: str) -> npt.NDArray[np.uint64]:
        """The exact shingle set (sorted), for verifying candidates on their text."""
        h, _, ntok = _shingles_batch([normalise(text).encode("utf-8")], self.shingle)
        return np.unique(h) if ntok[0] else np.empty(0, dtype=np.uint64)


def band_keys(sigs: Sig, bands: int, rows: int) -> npt.NDArray[np.int64]:
    """LSH band keys, shape (n_docs, bands): one 63-bit int per band, band index mixed in.

    Positive int64 so SQLite stores them as plain INTEGERs.
    """
    sigs = np.atleast_2d(sigs)
    n = sigs.shape[0]
    v = sigs[:, : bands * rows].reshape(n, bands, rows).astype(np.uint64)
    with np.errstate(over="ignore"):
        h = np.zeros((n, bands), dtype=np.uint64)
        for r in range(rows):
            h = _fmix64(h * U64(0x9E3779B97F4A7C15) + v[:, :, r] + U64(r + 1))
        h = _fmix64(h ^ (np.arange(bands, dtype=np.uint64)[None, :] * U64(0xD6E8FEB86659FD93)))
    return (h >> U64(1)).astype(np.int64)


def jaccard_estimate(a: Sig, b: Sig) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def containment_from_jaccard(j: float, n_a: int, n_b: int) -> float:
    """Estimated share of the smaller set inside the larger, from J and the set sizes.

    |A∩B| = J·(|A|+|B|)/(1+J); divided by min(|A|, |B|), capped at 1.
    """
    small = min(n_a, n_b)
    if small <= 0:
        return 0.0
    inter = j * (n_a + n_b) / (1.0 + j)
    return min(1.0, inter / small)


def exact_overlap(a: npt.NDArray[np.uint64], b: npt.NDArray[np.uint64]) -> tuple[float, float]:
    """(Jaccard, containment of the smaller in the larger) of two sorted shingle sets."""
    if len(a) == 0 or len(b) == 0:
        return 0.0, 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    union = len(a) + len(b) - inter
    return inter / union, inter / min(len(a), len(b))

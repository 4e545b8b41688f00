"""In-memory batch grouping for large corpora (no store): fingerprints, LSH, components.

Why beside :class:`~newsdesk.dedup.DedupIndex`: the persistent index pays a SQLite round
trip per article, which is right for incremental ingest; grouping a 300k-document dump in
one go is faster with all band keys in one array, candidate pairs from sorting each band
column, verification on signatures, and connected components from scipy.  Verification here
uses the MinHash estimates only (no text), with the same thresholds as the index.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from newsdesk.dedup.index import (
    BANDS,
    CONTAINED,
    MIN_CONTAINED_SHINGLES,
    MIN_NEAR_TOKENS,
    NEAR_JACCARD,
    NUM_PERM,
    ROWS,
    SEED,
    SHINGLE,
)
from newsdesk.dedup.minhash import MinHasher, band_keys


class BatchGrouper:
    """Accumulate documents, then compute duplicate groups over all of them at once."""

    def __init__(self, num_perm: int = NUM_PERM, bands: int = BANDS, rows: int = ROWS) -> None:
        self.hasher = MinHasher(num_perm, SHINGLE, SEED)
        self.bands, self.rows = bands, rows
        self._sigs: list[npt.NDArray[np.uint32]] = []
        self._sizes: list[npt.NDArray[np.int64]] = []
        self._ntok: list[npt.NDArray[np.int64]] = []
        self._keys: list[npt.NDArray[np.int64]] = []

    def add(self, texts: Sequence[str]) -> None:
        fps = self.hasher.fingerprints(texts)
        sigs = np.stack([f.signature for f in fps]) if fps else np.empty((0, self.hasher.num_perm), np.uint32)
        self._sigs.append(sigs)
        self._sizes.append(np.fromiter((f.n_shingles for f in fps), dtype=np.int64, count=len(fps)))
        self._ntok.append(np.fromiter((f.n_tokens for f in fps), dtype=np.int64, count=len(fps)))
        self._keys.append(band_keys(sigs, self.bands, self.rows))

    def add_all(self, batches: Iterable[Sequence[str]]) -> None:
        for b in batches:
            self.add(b)

    def candidate_pairs(self) -> npt.NDArray[np.int64]:
        """(i, j) pairs sharing at least one band, i < j, deduplicated."""
        keys = np.concatenate(self._keys) if self._keys else np.empty((0, self.bands), np.int64)
        ntok = np.concatenate(self._ntok) if self._ntok else np.empty(0, np.int64)
        eligible = np.flatnonzero(ntok >= MIN_NEAR_TOKENS)
        out: list[npt.NDArray[np.int64]] = []
        for b in range(self.bands):
            col = keys[eligible, b]
            order = np.argsort(col, kind="stable")
            sc = col[order]
            same = np.flatnonzero(sc[1:] == sc[:-1])
            if not len(same):
                continue
            ids = eligible[order]
            # neighbours in each run, and every member to its run's first: a bucket of k
            # costs 2k pairs, never k^2
            out.append(np.stack([ids[same], ids[same + 1]], axis=1))
            is_start = np.ones(len(sc), dtype=bool)
            is_start[1:] = sc[1:] != sc[:-1]
            first = np.maximum.accumulate(np.where(is_start, np.arange(len(sc)), 0))
            member = np.flatnonzero(~is_start)
            out.append(np.stack([ids[first[member]], ids[member]], axis=1))
        if not out:
            return np.empty((0, 2), np.int64)
        pairs = np.concatenate(out).astype(np.int64)
        pairs.sort(axis=1)
        n = int(pairs.max()) + 1
        code = np.unique(pairs[:, 0] * n + pairs[:, 1])
        return np.stack([code // n, code % n], axis=1)

    def groups(self) -> npt.NDArray[np.int64]:
        """Group label per document (documents without a duplicate get their own label)."""
        sigs = np.concatenate(self._sigs) if self._sigs else np.empty((0, 0), np.uint32)
        sizes = np.concatenate(self._sizes) if self._sizes else np.empty(0, np.int64)
        n = len(sigs)
        pairs = self.candidate_pairs()
        if len(pairs):
            keep = np.zeros(len(pairs), dtype=bool)
            for s in range(0, len(pairs), 65536):
                p = pairs[s : s + 65536]
                j = (sigs[p[:, 0]] == sigs[p[:, 1]]).mean(axis=1)
                na, nb = sizes[p[:, 0]], sizes[p[:, 1]]
                small = np.minimum(na, nb)
                inter = j * (na + nb) / (1.0 + j)
                c = np.minimum(1.0, inter / np.maximum(small, 1))
                keep[s : s + 65536] = (j >= NEAR_JACCARD) | (
                    (c >= CONTAINED) & (small >= MIN_CONTAINED_SHINGLES)
                )
            pairs = pairs[keep]
        graph = coo_matrix((np.ones(len(pairs), dtype=np.int8), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
        _, labels = connected_components(graph, directed=False)
        return labels.astype(np.int64)

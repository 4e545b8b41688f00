"""Duplicates and syndicated copies: exact keys, MinHash LSH, verified groups.

Public API: :class:`DedupIndex` (persistent, incremental), :class:`DupGroup`,
:class:`DupResult`, :func:`exact_key`, :class:`MinHasher` (signatures), :func:`find_credit`
(wire credits).
"""

from newsdesk.dedup.index import DedupIndex, DupGroup, DupResult, Member
from newsdesk.dedup.minhash import Fingerprint, MinHasher, band_keys, exact_key, normalise
from newsdesk.dedup.wire import Credit, find_credit

__all__ = [
    "Credit",
    "DedupIndex",
    "DupGroup",
    "DupResult",
    "Fingerprint",
    "Member",
    "MinHasher",
    "band_keys",
    "exact_key",
    "find_credit",
    "normalise",
]

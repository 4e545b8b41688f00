"""The persistent, incremental duplicate index: exact keys, MinHash LSH, verified groups.

Every article keeps its row; duplicates form groups.  Adding an article fingerprints its
body, looks up candidates (same exact key, or a shared LSH band) among everything stored,
verifies each candidate on the text (Jaccard of word shingles AND containment of the
smaller in the larger, so a truncated or wrapped wire copy still joins), stores the
verified pairs, and recomputes the affected group from the pairs.  Groups are a function
of the set of stored pairs only, and every candidate pair is verified when its later
member arrives, so adding A then B gives the same groups as adding both at once, and
adding an article twice changes nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np

from newsdesk.dedup.minhash import (
    Fingerprint,
    MinHasher,
    band_keys,
    containment_from_jaccard,
    exact_overlap,
    jaccard_estimate,
    normalise,
)
from newsdesk.dedup.wire import find_credit
from newsdesk.model import Article
from newsdesk.store.db import Store

#: Index parameters.  Tuned on the train half of bench/dedup_quality.py; stored in
#: ``dedup_params`` so a database is never queried with bands of other parameters.
NUM_PERM = 128
SHINGLE = 4
BANDS = 64
ROWS = 2
SEED = 1

#: Verification thresholds (on exact shingle sets when both bodies are in the store).
NEAR_JACCARD = 0.5
CONTAINED = 0.8
#: Containment is only trusted when the smaller body has this many shingles: a two-line
#: brief is "contained" in many long stories that quote the same sentence.
MIN_CONTAINED_SHINGLES = 30
#: Candidates whose estimated Jaccard and containment are both below these are dropped
#: before any text is read (their true values cannot plausibly reach the thresholds).
PREFILTER_JACCARD = 0.15
PREFILTER_CONTAINED = 0.5
#: Cores (bodies without shared leading/trailing paragraphs) this different are two
#: stories in one outlet wrapper, not an edited copy.
WRAPPER_CORE_JACCARD = 0.2
WRAPPER_CORE_CONTAINED = 0.5
#: ... and only when each core is at least this share of its body: a copy that rewrote
#: one paragraph out of eight keeps a story-sized shared part.
WRAPPER_MIN_CORE_SHARE = 0.3
#: ... unless every shared outer paragraph is template-sized (intro/footer lines are short;
#: story paragraphs that survive an edit are usually longer).
WRAPPER_LINE_WORDS = 30
#: Bodies shorter than this many tokens only join by exact key (MinHash of a handful of
#: words says nothing).
MIN_NEAR_TOKENS = 8

KINDS = ("exact", "near", "contained", "syndicated")
CANONICAL = "canonical"


@dataclass(slots=True)
class Member:
    """One member of a group and why it is there (relative to the canonical member)."""

    id: str
    outlet: str | None
    title: str | None
    kind: str
    similarity: float
    published: str | None = None
    credit: str | None = None
    via: str | None = None
    #: the content relation (exact, near, contained) behind ``kind``; differs from it only
    #: for syndicated members
    basis: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "outlet": self.outlet,
            "title": self.title,
            "kind": self.kind,
            "similarity": round(self.similarity, 4),
        }


@dataclass(slots=True)
class DupGroup:
    group_id: str
    canonical_id: str
    members: list[Member]

    @property
    def size(self) -> int:
        return len(self.members)

    @property
    def credits(self) -> list[str]:
        """Wire credits found in the members' texts, most frequent first."""
        counts: dict[str, int] = {}
        for m in self.members:
            if m.credit:
                counts[m.credit] = counts.get(m.credit, 0) + 1
        return sorted(counts, key=lambda k: (-counts[k], k))

    def to_dict(self) -> dict[str, Any]:
        return {
            "group_id": self.group_id,
            "canonical_id": self.canonical_id,
            "members": [m.to_dict() for m in self.members],
        }


@dataclass(slots=True)
class DupResult:
    """What :meth:`DedupIndex.add` found for one article, as of that call.

    ``kind``/``similarity`` are the article's relation to its group's canonical member
    (``canonical`` for the canonical itself); ``pairs`` are the verified pairs found on
    this call.  A later article can still join or re-canonicalise the group: ask
    :meth:`DedupIndex.group_of` for the current state.
    """

    article_id: str
    new: bool
    group_id: str | None = None
    canonical_id: str | None = None
    kind: str | None = None
    similarity: float | None = None
    credit: str | None = None
    pairs: list[tuple[str, str, float]] = field(default_factory=list)

    @property
    def is_duplicate(self) -> bool:
        return self.group_id is not None


def _timestamp(published: str | None) -> float:
    """Sortable time of a published string; unknown dates sort last."""
    if not published:
        return float("inf")
    s = published.strip().replace("Z", "+00:00")
    for candidate in (s, s.replace(" ", "T", 1), s[:10]):
        try:
            dt = datetime.fromisoformat(candidate)
        except ValueError:
            continue
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=UTC)
        return dt.timestamp()
    return float("inf")


def _outlet_key(outlet: str | None) -> str:
    o = (outlet or "").strip().casefold()
    for prefix in ("https://", "http://", "www."):
        if o.startswith(prefix):
            o = o[len(prefix) :]
    return o.rstrip("/")


@dataclass(slots=True)
class _Doc:
    article_id: str
    outlet: str | None
    title: str | None
    published: str | None
    n_tokens: int
    credit: str | None


class DedupIndex:
    """Duplicate groups over a :class:`~newsdesk.store.Store`, kept in the dedup tables."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn: sqlite3.Connection = store.conn
        self.hasher = MinHasher(NUM_PERM, SHINGLE, SEED)
        self._set_cache: dict[str, np.ndarray] = {}
        #: articles re-added when the stored index was built with other parameters (None:
        #: it was not)
        self.rebuilt: int | None = None
        self._check_params()

    # -- parameters ----------------------------------------------------------------------
    def _params(self) -> dict[str, str]:
        return {
            "num_perm": str(NUM_PERM),
            "shingle": str(SHINGLE),
            "bands": str(BANDS),
            "rows": str(ROWS),
            "seed": str(SEED),
            "hash": "affine32-blake2b-poly",
            # what minhash.normalise folds; 2: invisible in-word characters dropped; 3: each
            # character of a script written without spaces a word, Arabic and Hebrew vowel
            # marks dropped (session 27)
            "normalise": "3",
        }

    def _check_params(self) -> None:
        want = self._params()
        have = {r[0]: r[1] for r in self.conn.execute("SELECT name, value FROM dedup_params")}
        if not have:
            try:
                with self.conn:
                    self.conn.executemany(
                        "INSERT INTO dedup_params(name, value) VALUES (?, ?)", sorted(want.items())
                    )
            except sqlite3.OperationalError:
                pass  # a read-only store (web UI) with an empty index: reading still works
        elif have != want and not self.store.readonly:
            # fingerprints of another version cannot be compared with this one's: every
            # stored article is fingerprinted again (a reader keeps the groups it finds)
            if self.store.notify is not None:
                n = self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                self.store.notify(
                    f"rebuilding the duplicate index for this version's parameters "
                    f"({n:,} article{'' if n == 1 else 's'}; a large store takes a while)"
                )
            self.rebuilt = self.rebuild()

    # -- adding --------------------------------------------------------------------------
    def add(self, article: Article) -> DupResult:
        """Check ``article`` against everything stored, persist it, update its group."""
        return self.add_many([article])[0]

    def add_many(self, articles: Sequence[Article]) -> list[DupResult]:
        """:meth:`add` for several articles, fingerprinted in one vectorised batch."""
        todo: list[Article] = []
        seen: set[str] = set()
        for a in articles:
            if a.id not in seen and not self.contains(a.id):
                todo.append(a)
                seen.add(a.id)
        fps = dict(zip((a.id for a in todo), self.hasher.fingerprints([a.text for a in todo]), strict=True))
        results: list[DupResult] = []
        # one transaction per batch: a commit per article costs more than the dedup work
        with self.conn:
            for a in articles:
                fp = fps.pop(a.id, None)
                if fp is None:
                    results.append(self._result(a.id, new=False))
                else:
                    results.append(self._add_one(a, fp))
        return results

    def contains(self, article_id: str) -> bool:
        return (
            self.conn.execute("SELECT 1 FROM dedup_docs WHERE article_id = ?", (article_id,)).fetchone()
            is not None
        )

    def _add_one(self, article: Article, fp: Fingerprint) -> DupResult:
        body = article.text
        credit = find_credit(body)
        keys = band_keys(fp.signature[None, :], BANDS, ROWS)[0] if fp.n_tokens >= MIN_NEAR_TOKENS else None
        if True:  # runs inside add_many's transaction
            pairs = self._verify(article.id, body, fp, keys)
            cur = self.conn.execute(
                "INSERT INTO dedup_docs(article_id, exact_key, n_shingles, n_tokens, sig, outlet, title, published,"
                " credit, credit_evidence) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    article.id,
                    fp.exact_key,
                    fp.n_shingles,
                    fp.n_tokens,
                    fp.signature.astype("<u4").tobytes(),
                    article.outlet,
                    article.title.text if article.title else None,
                    article.published,
                    credit.agency if credit else None,
                    credit.evidence if credit else None,
                ),
            )
            doc = cur.lastrowid
            if keys is not None:
                self.conn.executemany(
                    "INSERT OR IGNORE INTO dedup_bands(bkey, doc) VALUES (?, ?)",
                    [(int(k), doc) for k in keys],
                )
            for other, kind, sim, j, c in pairs:
                a, b = sorted((article.id, other))
                self.conn.execute(
                    "INSERT OR REPLACE INTO dedup_edges(a, b, kind, similarity, jaccard, containment)"
                    " VALUES (?,?,?,?,?,?)",
                    (a, b, kind, sim, j, c),
                )
            if pairs:
                self._regroup(article.id)
        res = self._result(article.id, new=True)
        res.pairs = [(o, k, s) for o, k, s, _, _ in pairs]
        return res

    def _verify(
        self, article_id: str, body: str, fp: Fingerprint, keys: np.ndarray | None
    ) -> list[tuple[str, str, float, float, float]]:
        """Verified pairs of the new body with stored ones: (other, kind, similarity, J, C)."""
        found: dict[str, tuple[str, str, float, float, float]] = {}
        for (other,) in self.conn.execute(
            "SELECT article_id FROM dedup_docs WHERE exact_key = ? AND article_id != ?",
            (fp.exact_key, article_id),
        ):
            if fp.n_tokens > 0:
                found[other] = (other, "exact", 1.0, 1.0, 1.0)
        if keys is None:
            return sorted(found.values())
        marks = ",".join("?" * len(keys))
        rows = self.conn.execute(
            f"SELECT d.article_id, d.sig, d.n_shingles FROM dedup_docs d WHERE d.doc IN"
            f" (SELECT DISTINCT doc FROM dedup_bands WHERE bkey IN ({marks}))",
            [int(k) for k in keys],
        ).fetchall()
        mine: np.ndarray | None = None
        for other, sig_blob, n_other in rows:
            if other in found or other == article_id:
                continue
            sig = np.frombuffer(sig_blob, dtype="<u4")
            j_est = jaccard_estimate(fp.signature, sig)
            c_est = containment_from_jaccard(j_est, fp.n_shingles, n_other)
            if j_est < PREFILTER_JACCARD and c_est < PREFILTER_CONTAINED:
                continue
            other_body = self._body(other)
            if other_body is not None:
                if mine is None:
                    mine = self.hasher.shingle_set(body)
                j, c = exact_overlap(mine, self._shingles_of(other, other_body))
                small = min(len(mine), int(n_other))
            else:
                j, c = j_est, c_est
                small = min(fp.n_shingles, int(n_other))
            kind = _pair_kind(j, c, small)
            if kind is not None and other_body is not None and self._same_wrapper_only(body, other_body):
                kind = None
            elif kind is None and other_body is not None and c >= PREFILTER_CONTAINED:
                wrapped_c = self._wrapped_containment(body, other_body)
                if wrapped_c >= CONTAINED:
                    kind, c = "contained", wrapped_c
            if kind is not None:
                sim = j if kind == "near" else c
                found[other] = (other, kind, round(sim, 4), round(j, 4), round(c, 4))
        return sorted(found.values())

    def _same_wrapper_only(self, body_a: str, body_b: str) -> bool:
        """True when two bodies share only an outlet's wrapper, not a story.

        Paragraphs equal (after normalisation) at the start of both bodies, and at the
        end of both, may be a template (intro line, newsletter/copyright footer).  They are
        stripped; if both remaining cores still have text and share almost nothing (Jaccard
        < 0.2 and containment < 0.5), the pair is two different stories in the same wrapper,
        provided the shared part looks like a wrapper: every shared paragraph at most 30
        words, or each core at least 30 % of its body (otherwise it is one story with a
        rewritten paragraph).  A truncated copy's core is empty (it is all shared lead), so
        it still joins; a body that is only short shared lines at both ends (a page of
        outlet chrome) does not.
        """
        ra = [p for p in body_a.split("\n\n") if p.strip()]
        rb = [p for p in body_b.split("\n\n") if p.strip()]
        if (
            not ra
            or not rb
            or (normalise(ra[0]) != normalise(rb[0]) and normalise(ra[-1]) != normalise(rb[-1]))
        ):
            return False
        pa = [normalise(p) for p in ra]
        pb = [normalise(p) for p in rb]
        i = 0
        while i < min(len(pa), len(pb)) and pa[i] == pb[i]:
            i += 1
        k = 0
        while k < min(len(pa), len(pb)) - i and pa[-1 - k] == pb[-1 - k]:
            k += 1
        if i == 0 and k == 0:
            return False
        core_a = "\n\n".join(pa[i : len(pa) - k])
        core_b = "\n\n".join(pb[i : len(pb) - k])
        sa, sb, fa, fb = self.hasher.shingle_sets([core_a, core_b, "\n\n".join(pa), "\n\n".join(pb)])
        shared = pa[:i] + pa[len(pa) - k :]
        looks_like_template = all(len(p.split()) <= WRAPPER_LINE_WORDS for p in shared)
        if len(sa) < MIN_NEAR_TOKENS or len(sb) < MIN_NEAR_TOKENS:
            # one body is (almost) nothing but the shared part.  A truncated copy shares
            # only a lead; a page that is all outlet chrome shares short lines at both ends
            # with a longer story: it carries no story, and joining it would chain every
            # article of that outlet into one group.
            tiny, other = (sa, sb) if len(sa) < len(sb) else (sb, sa)
            return i > 0 and k > 0 and looks_like_template and len(other) >= MIN_NEAR_TOKENS

        small_cores = len(sa) < WRAPPER_MIN_CORE_SHARE * len(fa) or len(sb) < WRAPPER_MIN_CORE_SHARE * len(fb)
        if small_cores and not looks_like_template:
            return False  # the shared part is most of both texts and reads as story: an edited copy
        j, c = exact_overlap(sa, sb)
        # different stories share next to nothing; an edited copy keeps much of its middle
        return j < WRAPPER_CORE_JACCARD and c < WRAPPER_CORE_CONTAINED

    def _wrapped_containment(self, body_a: str, body_b: str) -> float:
        """Containment of the shorter body once its own intro/footer paragraphs are trimmed.

        An outlet that cuts a wire story short *and* adds its intro and footer dilutes the
        plain containment below the threshold.  Leading and trailing paragraphs of the
        shorter body that share (almost) nothing with the longer one are trimmed; the core
        must keep at least half of the shorter body's shingles and 30 shingles, so one
        shared quotation never makes two stories duplicates.
        """
        small, large = sorted((body_a, body_b), key=len)
        large_set = self.hasher.shingle_set(large)
        paras = [p for p in small.split("\n\n") if p.strip()]
        sets = self.hasher.shingle_sets(paras)
        frac = [
            len(np.intersect1d(s, large_set, assume_unique=True)) / len(s) if len(s) else 0.0 for s in sets
        ]
        lo, hi = 0, len(paras)
        while lo < hi and frac[lo] < 0.2:
            lo += 1
        while hi > lo and frac[hi - 1] < 0.2:
            hi -= 1
        if lo == 0 and hi == len(paras):
            return 0.0
        total = sum(len(s) for s in sets)
        core = sum(len(s) for s in sets[lo:hi])
        if core < MIN_CONTAINED_SHINGLES or core < 0.5 * total:
            return 0.0
        shared = sum(frac[i] * len(sets[i]) for i in range(lo, hi))
        return shared / core

    def _shingles_of(self, article_id: str, body: str) -> np.ndarray:
        """Shingle set of a stored body, cached: a wire story is verified once per copy."""
        got = self._set_cache.get(article_id)
        if got is None:
            got = self.hasher.shingle_set(body)
            if len(self._set_cache) >= 4096:
                self._set_cache.pop(next(iter(self._set_cache)))
            self._set_cache[article_id] = got
        return got

    def _body(self, article_id: str) -> str | None:
        row = self.conn.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()
        return str(row[0]) if row is not None else None

    # -- grouping ------------------------------------------------------------------------
    def _component(self, article_id: str) -> set[str]:
        comp = {article_id}
        frontier = [article_id]
        while frontier:
            nxt: list[str] = []
            for chunk_start in range(0, len(frontier), 400):
                chunk = frontier[chunk_start : chunk_start + 400]
                marks = ",".join("?" * len(chunk))
                for a, b in self.conn.execute(
                    f"SELECT a, b FROM dedup_edges WHERE a IN ({marks}) OR b IN ({marks})", chunk + chunk
                ):
                    for x in (a, b):
                        if x not in comp:
                            comp.add(x)
                            nxt.append(x)
            frontier = nxt
        return comp

    def _docs(self, ids: Iterable[str]) -> dict[str, _Doc]:
        out: dict[str, _Doc] = {}
        idl = list(ids)
        for i in range(0, len(idl), 400):
            chunk = idl[i : i + 400]
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                f"SELECT article_id, outlet, title, published, n_tokens, credit FROM dedup_docs"
                f" WHERE article_id IN ({marks})",
                chunk,
            ):
                out[r[0]] = _Doc(r[0], r[1], r[2], r[3], int(r[4]), r[5])
        return out

    def _regroup(self, article_id: str) -> None:
        """Recompute the group containing ``article_id`` from the stored pairs."""
        comp = self._component(article_id)
        docs = self._docs(comp)
        canon = min(docs.values(), key=lambda d: (_timestamp(d.published), -d.n_tokens, d.article_id))
        group_id = "g" + min(comp)
        edges: dict[str, list[tuple[str, str, float]]] = {x: [] for x in comp}
        marks = ",".join("?" * len(comp))
        ordered = sorted(comp)
        for a, b, kind, sim in self.conn.execute(
            f"SELECT a, b, kind, similarity FROM dedup_edges WHERE a IN ({marks})", ordered
        ):
            edges[a].append((b, kind, float(sim)))
            if b in edges:
                edges[b].append((a, kind, float(sim)))
        rows: list[tuple[str, str, str, str, float, str | None, str]] = []
        for x in ordered:
            if x == canon.article_id:
                rows.append((x, group_id, canon.article_id, CANONICAL, 1.0, None, CANONICAL))
                continue
            direct = [e for e in edges[x] if e[0] == canon.article_id]
            rank = {"exact": 0, "near": 1, "contained": 2}
            pool = direct or edges[x]
            via, kind, sim = min(pool, key=lambda e: (rank[e[1]], -e[2], e[0]))
            basis = kind
            if (
                _outlet_key(docs[x].outlet)
                and _outlet_key(canon.outlet)
                and (_outlet_key(docs[x].outlet) != _outlet_key(canon.outlet))
            ):
                kind = "syndicated"
            rows.append((x, group_id, canon.article_id, kind, sim, via, basis))
        self.conn.execute(f"DELETE FROM dedup_members WHERE article_id IN ({marks})", ordered)
        self.conn.executemany(
            "INSERT INTO dedup_members(article_id, group_id, canonical_id, kind, similarity, via, basis)"
            " VALUES (?,?,?,?,?,?,?)",
            rows,
        )

    # -- reading -------------------------------------------------------------------------
    def _result(self, article_id: str, *, new: bool) -> DupResult:
        row = self.conn.execute(
            "SELECT m.group_id, m.canonical_id, m.kind, m.similarity, d.credit FROM dedup_docs d"
            " LEFT JOIN dedup_members m ON m.article_id = d.article_id WHERE d.article_id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return DupResult(article_id, new)
        return DupResult(
            article_id,
            new,
            group_id=row[0],
            canonical_id=row[1],
            kind=row[2],
            similarity=float(row[3]) if row[3] is not None else None,
            credit=row[4],
        )

    def _group(self, group_id: str) -> DupGroup | None:
        rows = self.conn.execute(
            "SELECT m.article_id, m.canonical_id, m.kind, m.similarity, m.via, d.outlet, d.title, d.published,"
            " d.credit, m.basis FROM dedup_members m JOIN dedup_docs d ON d.article_id = m.article_id"
            " WHERE m.group_id = ?",
            (group_id,),
        ).fetchall()
        if not rows:
            return None
        canonical_id = rows[0][1]
        members = [
            Member(r[0], r[5], r[6], r[2], float(r[3]), published=r[7], credit=r[8], via=r[4], basis=r[9])
            for r in rows
        ]
        members.sort(key=lambda m: (m.id != canonical_id, _timestamp(m.published), m.id))
        return DupGroup(group_id, canonical_id, members)

    def group_of(self, article_id: str) -> DupGroup | None:
        """The duplicate group ``article_id`` belongs to, or None when it has no duplicate."""
        row = self.conn.execute(
            "SELECT group_id FROM dedup_members WHERE article_id = ?", (article_id,)
        ).fetchone()
        return self._group(row[0]) if row else None

    def groups(self, min_size: int = 2) -> Iterator[DupGroup]:
        """All groups with at least ``min_size`` members, largest first, then by group id."""
        ids = self.conn.execute(
            "SELECT group_id, COUNT(*) AS n FROM dedup_members GROUP BY group_id HAVING n >= ?"
            " ORDER BY n DESC, group_id",
            (max(min_size, 2),),
        ).fetchall()
        for gid, _ in ids:
            g = self._group(gid)
            if g is not None:
                yield g

    def stats(self) -> dict[str, Any]:
        kinds = dict(self.conn.execute("SELECT kind, COUNT(*) FROM dedup_members GROUP BY kind").fetchall())
        return {
            "indexed": int(self.conn.execute("SELECT COUNT(*) FROM dedup_docs").fetchone()[0]),
            "groups": int(
                self.conn.execute("SELECT COUNT(DISTINCT group_id) FROM dedup_members").fetchone()[0]
            ),
            "members_by_kind": kinds,
        }

    # -- maintenance ---------------------------------------------------------------------
    def rebuild(self) -> int:
        """Drop the index and re-add every stored article (after a parameter change)."""
        with self.conn:
            for table in ("dedup_members", "dedup_edges", "dedup_bands", "dedup_docs", "dedup_params"):
                self.conn.execute(f"DELETE FROM {table}")
        self._check_params()
        n = 0
        batch: list[Article] = []
        for art in self.store.iter_articles():
            batch.append(art)
            if len(batch) >= 200:
                n += len(self.add_many(batch))
                batch = []
        if batch:
            n += len(self.add_many(batch))
        return n


def forget(conn: sqlite3.Connection, article_id: str) -> None:
    """Take one article out of the duplicate index (its fingerprint, bands, verified pairs
    and membership), inside the caller's transaction: its text is about to change.  Groups
    it was part of are left as they were until :meth:`DedupIndex.rebuild`, which
    :func:`is_stale` tells is due."""
    row = conn.execute("SELECT doc FROM dedup_docs WHERE article_id = ?", (article_id,)).fetchone()
    if row is None:
        return
    conn.execute("DELETE FROM dedup_bands WHERE doc = ?", (row[0],))
    conn.execute("DELETE FROM dedup_edges WHERE a = ? OR b = ?", (article_id, article_id))
    conn.execute("DELETE FROM dedup_members WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM dedup_docs WHERE doc = ?", (row[0],))


def is_stale(conn: sqlite3.Connection) -> bool:
    """True when the index holds articles but misses some stored ones: :func:`forget` was
    called and no rebuild followed (or some articles were stored with the stage off)."""
    if conn.execute("SELECT 1 FROM dedup_docs LIMIT 1").fetchone() is None:
        return False
    missing = conn.execute(
        "SELECT 1 FROM articles a WHERE NOT EXISTS"
        " (SELECT 1 FROM dedup_docs d WHERE d.article_id = a.id) LIMIT 1"
    ).fetchone()
    return missing is not None


def _pair_kind(j: float, c: float, small_shingles: int) -> str | None:
    """Verification rule: near if Jaccard ≥ 0.5; else contained if the smaller body
    (≥ 30 shingles) is ≥ 0.8 inside the larger; else not a duplicate."""
    if j >= NEAR_JACCARD:
        return "near"
    if c >= CONTAINED and small_shingles >= MIN_CONTAINED_SHINGLES:
        return "contained"
    return None

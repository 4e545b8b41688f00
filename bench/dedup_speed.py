"""Fingerprinting + grouping throughput and peak memory, newsdesk vs datasketch.

Documents are synthetic but built from real text: words are drawn from the unigram
distribution of PolNeAR's articles (so shingle statistics look like English news), 250-450
words each, and 10 % of documents are edited or truncated copies of an earlier one, so
the grouping step has real work.  Documents are generated chunk by chunk from a fixed seed
and thrown away after fingerprinting, so every engine sees the same documents and memory
measures the index, not the corpus.

Engines, each in its own process (peak RSS is that process's ru_maxrss):
  newsdesk    newsdesk.dedup.batch.BatchGrouper: vectorised MinHash, band keys sorted per
              band, verification on signatures, scipy connected components
  datasketch  datasketch MinHash.bulk + MinHashLSH(num_perm=128, params=(64, 2)): query then
              insert per document, the same verification rule on its signatures, union-find
  rensa       rensa RMinHash + RMinHashLSH(num_perm=128, num_bands=64), same loop as
              datasketch; only if importable (PYTHONPATH), it is not a dependency
  store       newsdesk.dedup.DedupIndex on a SQLite store (persistent, incremental, exact
              verification on text); only at the smallest size by default

Both MinHash engines use 128 permutations, word 4-shingles, 64 bands x 2 rows, and the
same thresholds.  Throughput counts normalisation, tokenising, shingling, hashing, LSH and
grouping; generating the synthetic text is excluded.

Run:  .venv/bin/python bench/dedup_speed.py --sizes 10000,100000,300000 [--peer-sizes ...]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

CHUNK = 5000
SEED = 20261122


def vocabulary() -> tuple[list[str], np.ndarray]:
    from newsdesk.shared_data import data_path, read_jsonl_gz

    counts: Counter[str] = Counter()
    for r in read_jsonl_gz(data_path("polnear", "train.jsonl.gz")):
        counts.update(r["text"].split())
    words = [w for w, _ in counts.most_common()]
    freq = np.array([counts[w] for w in words], dtype=np.float64)
    return words, freq / freq.sum()


def documents(n: int) -> Iterator[list[str]]:
    """Chunks of synthetic documents, identical for every engine (seeded per chunk)."""
    words, p = vocabulary()
    vocab = np.array(words, dtype=object)
    for c0 in range(0, n, CHUNK):
        rng = np.random.default_rng(SEED + c0)
        m = min(CHUNK, n - c0)
        lengths = rng.integers(250, 450, m)
        idx = rng.choice(len(vocab), size=int(lengths.sum()), p=p)
        bounds = np.concatenate(([0], np.cumsum(lengths)))
        toks = [idx[bounds[i] : bounds[i + 1]] for i in range(m)]
        for i in range(1, m):
            if rng.random() < 0.10:
                src = toks[rng.integers(0, i)].copy()
                k = rng.integers(0, 3)
                if k == 0:  # word edits
                    pos = rng.integers(0, len(src), max(1, len(src) // 30))
                    src[pos] = rng.choice(len(vocab), size=len(pos), p=p)
                elif k == 1:  # truncated
                    src = src[: len(src) // 2]
                else:  # wrapped in other text
                    src = np.concatenate(
                        (rng.choice(len(vocab), 30, p=p), src, rng.choice(len(vocab), 40, p=p))
                    )
                toks[i] = src
        yield [" ".join(vocab[t]) for t in toks]


def run_newsdesk(n: int) -> dict[str, object]:
    from newsdesk.dedup.batch import BatchGrouper

    g = BatchGrouper()
    spent = 0.0
    for chunk in documents(n):
        t = time.perf_counter()
        for s in range(0, len(chunk), 1000):
            g.add(chunk[s : s + 1000])
        spent += time.perf_counter() - t
    t = time.perf_counter()
    labels = g.groups()
    spent += time.perf_counter() - t
    sizes = np.bincount(labels)
    return {"seconds": spent, "grouped_docs": int(sizes[sizes > 1].sum()), "groups": int((sizes > 1).sum())}


def run_datasketch(n: int) -> dict[str, object]:
    from datasketch import MinHash, MinHashLSH

    from newsdesk.dedup.index import CONTAINED, MIN_CONTAINED_SHINGLES, MIN_NEAR_TOKENS, NEAR_JACCARD
    from newsdesk.dedup.minhash import containment_from_jaccard, tokens

    lsh = MinHashLSH(num_perm=128, params=(64, 2))
    sigs: dict[int, MinHash] = {}
    sizes: dict[int, int] = {}
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    spent = 0.0
    doc = 0
    for chunk in documents(n):
        t = time.perf_counter()
        shingles = []
        for text in chunk:
            tk = tokens(text)
            sh = {" ".join(tk[i : i + 4]).encode("utf-8") for i in range(max(1, len(tk) - 3))}
            shingles.append(sh)
        mhs = MinHash.bulk(shingles, num_perm=128)
        for sh, m in zip(shingles, mhs, strict=True):
            sizes[doc] = len(sh)
            if len(sh) + 3 >= MIN_NEAR_TOKENS:
                for other in lsh.query(m):
                    j = m.jaccard(sigs[other])
                    c = containment_from_jaccard(j, sizes[doc], sizes[other])
                    small = min(sizes[doc], sizes[other])
                    if j >= NEAR_JACCARD or (c >= CONTAINED and small >= MIN_CONTAINED_SHINGLES):
                        parent[find(doc)] = find(other)
                lsh.insert(doc, m)
                sigs[doc] = m
            doc += 1
        spent += time.perf_counter() - t
    roots = Counter(find(i) for i in range(n))
    return {
        "seconds": spent,
        "grouped_docs": sum(v for v in roots.values() if v > 1),
        "groups": sum(1 for v in roots.values() if v > 1),
    }


def run_rensa(n: int) -> dict[str, object]:
    """rensa (Rust R-MinHash + LSH), when importable; not a newsdesk dependency."""
    from rensa import RMinHash, RMinHashLSH

    from newsdesk.dedup.index import CONTAINED, MIN_CONTAINED_SHINGLES, MIN_NEAR_TOKENS, NEAR_JACCARD
    from newsdesk.dedup.minhash import containment_from_jaccard, tokens

    lsh = RMinHashLSH(threshold=0.5, num_perm=128, num_bands=64)
    sigs: dict[int, RMinHash] = {}
    sizes: dict[int, int] = {}
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    spent = 0.0
    doc = 0
    for chunk in documents(n):
        t = time.perf_counter()
        for text in chunk:
            tk = tokens(text)
            sh = list({" ".join(tk[i : i + 4]) for i in range(max(1, len(tk) - 3))})
            m = RMinHash(num_perm=128, seed=1)
            m.update(sh)
            sizes[doc] = len(sh)
            if len(sh) + 3 >= MIN_NEAR_TOKENS:
                for other in lsh.query(m):
                    j = m.jaccard(sigs[other])
                    c = containment_from_jaccard(j, sizes[doc], sizes[other])
                    small = min(sizes[doc], sizes[other])
                    if j >= NEAR_JACCARD or (c >= CONTAINED and small >= MIN_CONTAINED_SHINGLES):
                        parent[find(doc)] = find(other)
                lsh.insert(doc, m)
                sigs[doc] = m
            doc += 1
        spent += time.perf_counter() - t
    roots = Counter(find(i) for i in range(n))
    return {
        "seconds": spent,
        "grouped_docs": sum(v for v in roots.values() if v > 1),
        "groups": sum(1 for v in roots.values() if v > 1),
    }


def run_store(n: int) -> dict[str, object]:
    from newsdesk.dedup import DedupIndex
    from newsdesk.model import Article, Paragraph, content_id
    from newsdesk.store import Store

    spent = 0.0
    with tempfile.TemporaryDirectory() as d:
        store = Store(Path(d) / "s.db")
        index = DedupIndex(store)
        for chunk in documents(n):
            arts = [
                Article(id=content_id(text), raw=text, paragraphs=[Paragraph(text, 0, len(text))])
                for text in chunk
            ]
            for a in arts:
                store.add_article(a)
            t = time.perf_counter()
            for s in range(0, len(arts), 500):
                index.add_many(arts[s : s + 500])
            spent += time.perf_counter() - t
        groups = list(index.groups())
        store.close()
    return {"seconds": spent, "grouped_docs": sum(g.size for g in groups), "groups": len(groups)}


ENGINES = {"newsdesk": run_newsdesk, "datasketch": run_datasketch, "rensa": run_rensa, "store": run_store}


def child(engine: str, n: int) -> None:
    res = ENGINES[engine](n)
    res.update(
        engine=engine,
        n=n,
        docs_per_s=n / float(res["seconds"]),  # type: ignore[arg-type]
        peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    )
    print(json.dumps(res))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,300000")
    ap.add_argument("--peer-sizes", default=None, help="sizes for datasketch (default: same as --sizes)")
    ap.add_argument("--store-sizes", default="10000")
    ap.add_argument("--rensa-sizes", default="", help="sizes for rensa, if importable (not a dependency)")
    ap.add_argument("--child", nargs=2, metavar=("ENGINE", "N"))
    args = ap.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return 0
    sizes = [int(x) for x in args.sizes.split(",") if x]
    peer = [int(x) for x in (args.peer_sizes or args.sizes).split(",") if x]
    store = [int(x) for x in args.store_sizes.split(",") if x]
    rensa = [int(x) for x in args.rensa_sizes.split(",") if x]
    everything = sorted(set(sizes) | set(peer) | set(store) | set(rensa))
    runs = [(n, e) for n in everything for e in ("newsdesk", "datasketch", "rensa", "store")]
    results: dict[tuple[str, int], dict[str, object]] = {}
    print(
        f"{'engine':11} {'docs':>7} {'seconds':>8} {'docs/s':>8} {'peak MB':>8} {'grouped':>8} {'groups':>7}"
    )
    for n, e in runs:
        if (e == "newsdesk" and n not in sizes) or (e == "datasketch" and n not in peer):
            continue
        if (e == "store" and n not in store) or (e == "rensa" and n not in rensa):
            continue
        out = subprocess.run(
            [sys.executable, __file__, "--child", e, str(n)], capture_output=True, text=True, check=True
        ).stdout
        r = json.loads(out.strip().splitlines()[-1])
        results[(e, n)] = r
        print(
            f"{e:11} {n:7} {r['seconds']:8.1f} {r['docs_per_s']:8.0f} {r['peak_rss_mb']:8.0f}"
            f" {r['grouped_docs']:8} {r['groups']:7}",
            flush=True,
        )
        if e == "datasketch" and ("newsdesk", n) in results:
            ours = results[("newsdesk", n)]
            print(
                f"  ratio newsdesk/datasketch at {n}: {float(ours['docs_per_s']) / float(r['docs_per_s']):.1f}x"
            )  # type: ignore[arg-type]
    pts = sorted((n, float(r["seconds"])) for (e, n), r in results.items() if e == "newsdesk")  # type: ignore[arg-type]
    if len(pts) >= 2:
        print("growth (newsdesk): " + ", ".join(f"{n}: {s / n * 1e6:.0f} us/doc" for n, s in pts))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Instructions per document of the plain-text path, counted by valgrind's callgrind.

The throughput bench (bench/throughput.py) times CPU seconds, and on this shared machine the
same code has measured anywhere from 270 to 620 docs/s per core: between sessions the
machine changes, and within minutes its load does.  An instruction count does not move with
either (the same binary, input and environment give the same total), so it says whether a
change made the code cheaper, and whether a slower figure on another day is the code or the
machine.  It is not a time: instructions differ in cost (a cache miss, a SIMD loop), so the
ratio to jusText here is not the ratio of their speeds.

Each system runs twice under callgrind in a fresh process over a fixed sample of the
throughput bench's texts (every ``--every``-th: turku-lines documents, the seeds, rendered
trafilatura-eval pages): once with only the warm-up pass, once with the warm-up and a timed
pass with newsdesk's per-text caches emptied, as throughput.py does.  The difference is the
pass; divided by the documents it is the figure.

    .venv/bin/python bench/instructions.py            # newsdesk (both news models) and jusText, about 8 minutes
    .venv/bin/python bench/instructions.py --only newsdesk-text --every 8

Needs valgrind (Debian package ``valgrind``); exits with a message when it is absent.
"""

from __future__ import annotations

import argparse
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

SYSTEMS = ("newsdesk-text", "newsdesk-text-news", "justext-text")
_COLLECTED = re.compile(r"Collected : (\d+)")


def worker(system: str, corpus: Path, with_pass: bool) -> None:
    """The body of one callgrind run: warm-up pass, then (``with_pass``) the counted one."""
    import throughput as tp

    docs: list[str] = pickle.loads(corpus.read_bytes())
    if system == "justext-text":
        tp._page_languages(docs)
    fn = tp.runner(system)
    if fn is None:
        sys.exit(f"{system} is not available")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for d in docs:
            fn(d)
        if with_pass:
            tp.clear_content_caches()
            for d in docs:
                fn(d)


def count(system: str, corpus: Path, with_pass: bool, out_dir: Path) -> int:
    """Instructions of one fresh process (callgrind's total)."""
    # a fixed string-hash seed: set and dict orders (and so some work) otherwise move with
    # the process's random seed, which moved the count by about 0.5 % between runs
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONHASHSEED": "0"}
    cmd = [
        "valgrind",
        "--tool=callgrind",
        f"--callgrind-out-file={out_dir / f'{system}.{int(with_pass)}.out'}",
        sys.executable,
        __file__,
        "--worker",
        system,
        "--corpus",
        str(corpus),
        *(["--with-pass"] if with_pass else []),
    ]
    res = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    m = _COLLECTED.search(res.stderr)
    if res.returncode != 0 or m is None:
        sys.exit(f"callgrind run failed for {system}:\n{res.stderr[-2000:]}")
    return int(m.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", choices=SYSTEMS, default=None)
    ap.add_argument("--every", type=int, default=4, help="take every n-th text of the throughput corpus")
    ap.add_argument("--pages", type=int, default=200, help="rendered eval pages in the throughput corpus")
    ap.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--with-pass", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        assert args.corpus is not None
        worker(args.worker, args.corpus, args.with_pass)
        return
    if shutil.which("valgrind") is None:
        sys.exit("valgrind not found (Debian: apt-get install valgrind); nothing measured")

    import throughput as tp

    docs = [d for _, d in tp.text_corpus(args.pages)][:: args.every]
    systems = (args.only,) if args.only else SYSTEMS
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.pickle"
        corpus.write_bytes(pickle.dumps(docs))
        jobs = [(s, p) for s in systems for p in (False, True)]
        # two processes at a time (the machine's two cores); counts do not depend on it
        with ThreadPoolExecutor(max_workers=2) as pool:
            totals = dict(
                zip(jobs, pool.map(lambda j: count(j[0], corpus, j[1], Path(tmp)), jobs), strict=True)
            )
    print(f"{len(docs)} documents (every {args.every}th text of bench/throughput.py's plain-text corpus)")
    print(f"{'system':16s} {'instructions per document':>26s} {'warm-up-only process':>22s}")
    per_doc = {}
    for s in systems:
        per_doc[s] = (totals[(s, True)] - totals[(s, False)]) / len(docs)
        print(f"{s:16s} {per_doc[s]:26,.0f} {totals[(s, False)]:22,d}")
    if len(per_doc) == 2:
        ratio = per_doc["justext-text"] / per_doc["newsdesk-text"]
        print(f"jusText executes {ratio:.2f} x newsdesk's instructions per document (not a speed ratio)")


if __name__ == "__main__":
    main()

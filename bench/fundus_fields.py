r"""Article fields of the HTML path on Fundus news pages, against trafilatura on the same pages.

Fundus (../shared/data/fundus) gives each page's gold title, authors and publishing date as
its publisher-specific parser must produce them.  Each page's HTML goes through
``newsdesk.clean.clean_record`` (extract_html, then the line cleaner) and through
trafilatura 2.x ``bare_extraction(with_metadata=True)``; the fields are scored as Fundus'
fuzzy variants do (after normalising whitespace and case):

* title: exactly the gold title;
* authors: the set of names exactly the gold's (newsdesk's ``Article.authors``; trafilatura's
  author string split where it joins names with "; ");
* date: the gold's day.

A page either system cannot extract counts as a miss for it.  The body is scored by word
tokens, as the article-extraction benchmark of Scrapinghub (Zyte) scores it: the bag of
case-folded ``\w+`` tokens of the extracted body (newsdesk: deck and paragraphs;
trafilatura: its text) against the gold's ``body_text`` (summary, sub-headlines,
paragraphs), precision / recall / F1 summed over pages (micro) and the mean of the pages'
F1; an empty extraction scores 0 on its page.  (Fundus itself reports ROUGE-LSum;
``bench/fundus_lines.py`` scores the plain-text path's lines on these pages.)  Not scored:
topics, images.

    .venv/bin/python bench/fundus_fields.py
    .venv/bin/python bench/fundus_fields.py --errors   # also each page a system got wrong
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsdesk.clean import clean_record  # noqa: E402
from newsdesk.evaluation import authors_match, collapse, fundus_gold_authors  # noqa: E402
from newsdesk.model import RawRecord  # noqa: E402
from newsdesk.shared_data import data_path, read_jsonl_gz  # noqa: E402

FIELDS = ("title", "authors", "date")
_TOKEN = re.compile(r"\w+")


def tokens(text: str | None) -> Counter[str]:
    return Counter(_TOKEN.findall((text or "").casefold()))


def body_overlap(got: str | None, gold: str | None) -> tuple[int, int, int]:
    """(shared tokens, extracted tokens, gold tokens), each token counted as often as both hold it."""
    g, t = tokens(got), tokens(gold)
    return sum((g & t).values()), sum(g.values()), sum(t.values())


def prf(shared: int, got: int, gold: int) -> tuple[float, float, float]:
    p = shared / got if got else 0.0
    r = shared / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def fold(text: str | None) -> str:
    return collapse(text or "").casefold()


def gold_fields(gold: dict[str, Any]) -> dict[str, Any]:
    """The fields scored; Fundus writes dates as "2024-12-02 10:56:35+01:00"."""
    return {
        "title": gold.get("title") or None,
        "authors": fundus_gold_authors(gold) or None,
        "date": str(gold.get("publishing_date") or "")[:10] or None,
    }


def newsdesk_fields(html: str, url: str | None) -> dict[str, Any]:
    rec = RawRecord(source_path="fundus", content=html, input_format="html", content_type="html", url=url)
    try:
        art = clean_record(rec)
    except ValueError:  # CleanError: nothing extracted
        return {}
    return {
        "title": art.title.text if art.title else None,
        "authors": [a.text for a in art.authors],
        "date": art.published,
        "body": "\n".join(x for x in (art.deck.text if art.deck else "", art.text) if x),
    }


def trafilatura_fields(html: str, url: str | None) -> dict[str, Any]:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return {}
    get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    author = get("author") or ""
    return {
        "title": get("title"),
        "authors": [a for a in author.split(";") if a.strip()],
        "date": get("date"),
        "body": get("text"),
    }


def right(field: str, got: Any, gold: Any) -> bool:
    if not got:
        return False
    if field == "authors":
        return authors_match(got, gold)
    if field == "date":
        return str(got)[:10] == gold
    return fold(got) == fold(gold)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="list each page a system got wrong")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    systems = {"newsdesk HTML path": newsdesk_fields, "trafilatura 2.x bare_extraction": trafilatura_fields}
    hits = {s: dict.fromkeys(FIELDS, 0) for s in systems}
    cpu = dict.fromkeys(systems, 0.0)
    totals = dict.fromkeys(FIELDS, 0)
    body = {s: [0, 0, 0] for s in systems}
    page_f1: dict[str, list[float]] = {s: [] for s in systems}
    pages = 0
    for row in read_jsonl_gz(data_path("fundus", "articles.jsonl.gz")):
        gold = gold_fields(row["gold"])
        pages += 1
        for field in FIELDS:
            totals[field] += gold[field] is not None
        for name, run in systems.items():
            t = time.process_time()
            got = run(row["html"], row.get("url"))
            cpu[name] += time.process_time() - t
            if row["gold"].get("body_text"):
                counts = body_overlap(got.get("body"), row["gold"]["body_text"])
                body[name] = [a + b for a, b in zip(body[name], counts, strict=True)]
                page_f1[name].append(prf(*counts)[2])
            for field in FIELDS:
                if gold[field] is None:
                    continue
                ok = right(field, got.get(field), gold[field])
                hits[name][field] += ok
                if args.errors and not ok:
                    print(
                        f"  {name[:8]:8s} {field:7s} {row['id'][:40]:40s} {got.get(field)!r:.70} | gold {gold[field]!r:.60}"
                    )
    print(f"Fundus pages: {pages}; fields right (pages with the gold field), the same pages for both")
    print(f"{'system':34s} " + "  ".join(f"{f:>14s}" for f in FIELDS) + "   CPU s")
    for name in systems:
        cells = "  ".join(
            f"{hits[name][f] / totals[f]:6.3f} ({hits[name][f]:3d}/{totals[f]})" for f in FIELDS
        )
        print(f"{name:34s} {cells}  {cpu[name]:6.1f}")
    print(f"\nbody, word tokens against the gold body_text ({len(page_f1[next(iter(systems))])} pages)")
    print(f"{'system':34s} {'P':>6s} {'R':>6s} {'F1':>6s} {'mean page F1':>13s}")
    for name in systems:
        bp, br, bf = prf(*body[name])
        mean = sum(page_f1[name]) / max(1, len(page_f1[name]))
        print(f"{name:34s} {bp:6.3f} {br:6.3f} {bf:6.3f} {mean:13.3f}")
    ours, peer = systems
    if prf(*body[peer])[2]:
        print(f"ratio newsdesk/trafilatura, body F1: {prf(*body[ours])[2] / prf(*body[peer])[2]:.3f}")
    for f in FIELDS:
        if hits[peer][f]:
            print(f"ratio newsdesk/trafilatura, {f}: {hits[ours][f] / hits[peer][f]:.3f}")


if __name__ == "__main__":
    main()

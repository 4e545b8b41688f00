"""Line-level cleaning benchmark on Fundus news pages rendered to full visible text.

trafilatura-eval's snippets mark a handful of lines per page; Fundus gives each page's whole
gold article (title, summary, sub-headlines, paragraphs), so every rendered line has a label:
main text when it is a line of the gold title/body, or a longer piece (25 characters or
more) of it, as ``scripts/train_line_model.py`` labels these pages for training.  A line
counts as kept when the cleaner's deck or body holds its first character (offsets, not
substring search: a short line such as "Article content" is found inside any paragraph that
quotes it).  Titles count as main text and are scored as kept when the cleaner made them the
title.

The `news` line model is trained on these pages, so its figures on all of them are not
held-out figures.  The protocol for checking a cleaner change on pages no model saw:

    .venv/bin/python scripts/train_line_model.py --only news --hold-fundus a --out /tmp/f/a
    .venv/bin/python bench/fundus_lines.py --half a --line-model-file /tmp/f/a/line_model.json

(likewise ``b``).  Peers from the same run: jusText over the same lines (each wrapped as a
``<p>``, the stoplist of the page's gold language) and every line kept.

The article fields are scored too, as ``bench/plaintext_eval.py`` scores them on
trafilatura-eval: the headline exactly (the page's first line beside it), the byline holding
one of the gold authors, the publication date right to the day.

    .venv/bin/python bench/fundus_lines.py            # all 129 pages, packaged model
    .venv/bin/python bench/fundus_lines.py --errors   # also list each kept non-main / lost main line
"""

from __future__ import annotations

import argparse
import ast
import bisect
import sys
import warnings
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsdesk.clean import CleanConfig, clean_text  # noqa: E402
from newsdesk.clean.core import _physical_lines  # noqa: E402
from newsdesk.evaluation import (  # noqa: E402
    authors_match,
    collapse,
    fundus_gold_authors,
    fundus_half,
    fundus_line_labels,
    render_text,
)
from newsdesk.model import Article  # noqa: E402
from newsdesk.shared_data import data_path, read_jsonl_gz  # noqa: E402
from plaintext_eval import JUSTEXT_NAMES as PLAINTEXT_JUSTEXT_NAMES  # noqa: E402
from plaintext_eval import fold  # noqa: E402

#: plaintext_eval's stoplist names, and those of the further languages Fundus pages are in
JUSTEXT_NAMES = {
    **PLAINTEXT_JUSTEXT_NAMES,
    "uk": "Ukrainian", "hu": "Hungarian", "is": "Icelandic", "el": "Greek", "ro": "Romanian",
}  # fmt: skip


def kept_by_newsdesk(text: str, spans: list[tuple[int, int]], cfg: CleanConfig) -> tuple[list[bool], Article]:
    """Which of the rendered text's lines (at ``spans``) the cleaner keeps in the article.
    The cleaner gets the rendered text itself, blank lines and indentation as rendered,
    the way bench/plaintext_eval.py gives it the trafilatura-eval pages."""
    art = clean_text(text, config=cfg)
    kept = sorted(
        [(p.start, p.end) for p in art.paragraphs]
        + [(f.start, f.end) for f in (art.deck, art.title) if f is not None]
    )
    starts = [s for s, _ in kept]
    out = []
    for pos, _ in spans:
        k = bisect.bisect_right(starts, pos) - 1
        out.append(k >= 0 and kept[k][0] <= pos < kept[k][1])
    return out, art


def field_hits(art: Article, lines: list[str], gold: dict[str, object]) -> dict[str, bool]:
    """The article fields against the gold, as bench/plaintext_eval.py scores them: the
    headline exactly (case and whitespace aside; the page's first line beside it), the byline
    holding one of the gold authors, the publication date right to the day."""
    hits: dict[str, bool] = {}
    title = str(gold.get("title") or "")
    if title.strip():
        hits["title"] = art.title is not None and fold(art.title.text) == fold(title)
        hits["title, first line"] = bool(lines) and fold(lines[0]) == fold(title)
    authors = fundus_gold_authors(gold)
    if authors:
        by = fold(art.byline.text if art.byline else None)
        hits["byline"] = bool(by) and any(fold(a) in by for a in authors)
        hits["authors"] = authors_match([a.text for a in art.authors], authors)
        hits["authors, whole byline"] = authors_match([art.byline.text] if art.byline else [], authors)
    date = str(gold.get("publishing_date") or "")
    if date[:10]:
        hits["date"] = bool(art.published) and str(art.published)[:10] == date[:10]
    return hits


def kept_by_justext(lines: list[str], lang: str | None) -> list[bool]:
    from xml.sax.saxutils import escape

    import justext

    html = "<html><body>" + "".join(f"<p>{escape(ln)}</p>" for ln in lines) + "</body></html>"
    stop = justext.get_stoplist(JUSTEXT_NAMES.get(lang or "", "English"))
    paras = justext.justext(html.encode("utf-8"), stop, encoding="utf-8")
    if len(paras) != len(lines):  # jusText merged or dropped a paragraph: match by text
        good = {collapse(p.text) for p in paras if not p.is_boilerplate}
        return [collapse(ln) in good for ln in lines]
    return [not p.is_boilerplate for p in paras]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--half", choices=("a", "b"), default=None, help="score one Fundus half only")
    ap.add_argument("--line-model-file", type=Path, default=None, help="a line model trained without --half")
    ap.add_argument("--errors", action="store_true", help="list kept non-main and lost main lines")
    ap.add_argument("--newsdesk-only", action="store_true")
    ap.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", help="a CleanConfig field")
    args = ap.parse_args()
    cfg = CleanConfig()
    for item in args.set:
        name, _, value = item.partition("=")
        cfg = replace(cfg, **{name: ast.literal_eval(value)})
    warnings.filterwarnings("ignore")
    if args.line_model_file is not None:
        from newsdesk.clean import core
        from newsdesk.clean.linemodel import LineModel

        file_model = LineModel.from_json(args.line_model_file.read_text(encoding="utf-8"))
        core.load_model = lambda name: file_model  # type: ignore[assignment]
    systems = ["newsdesk"] if args.newsdesk_only else ["newsdesk", "justext", "all lines"]
    counts = {s: [0, 0, 0] for s in systems}  # tp, fp, fn
    pages = 0
    fields: dict[str, list[int]] = {}
    for row in read_jsonl_gz(data_path("fundus", "articles.jsonl.gz")):
        if args.half is not None and fundus_half(row["id"]) != args.half:
            continue
        text = render_text(row["html"]) or ""
        spans = _physical_lines(text)
        lines = [text[a:b] for a, b in spans]
        if not lines:
            continue
        pages += 1
        gold = fundus_line_labels(lines, row["gold"])
        kept_nd, art = kept_by_newsdesk(text, spans, cfg)
        outs = {"newsdesk": kept_nd}
        for name, hit in field_hits(art, [ln for ln in lines if ln.strip()], row["gold"]).items():
            fields.setdefault(name, [0, 0])
            fields[name][0] += hit
            fields[name][1] += 1
        if not args.newsdesk_only:
            outs["justext"] = kept_by_justext(lines, row.get("language"))
            outs["all lines"] = [True] * len(lines)
        for name, kept in outs.items():
            c = counts[name]
            for g, k in zip(gold, kept, strict=True):
                c[0] += g and k
                c[1] += (not g) and k
                c[2] += g and not k
        if args.errors:
            for i, (g, k) in enumerate(zip(gold, outs["newsdesk"], strict=True)):
                if g != k:
                    print(f"{'KEPT' if k else 'LOST'} {row['id']} {i}: {lines[i][:110]}")
    print(f"Fundus pages: {pages}" + (f" (half {args.half})" if args.half else ""))
    print(f"{'system':12s} {'P':>6s} {'R':>6s} {'F1':>6s}  kept main / kept other / lost main")
    for name, (tp, fp, fn) in counts.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{name:12s} {p:6.3f} {r:6.3f} {f:6.3f}  {tp} / {fp} / {fn}")
    print("article fields, newsdesk (right / pages with the gold field):")
    for name, (right, n) in fields.items():
        print(f"  {name:18s} {right / n if n else 0.0:6.3f}  ({right} / {n})")


if __name__ == "__main__":
    main()

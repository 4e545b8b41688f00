"""Plain-text cleaning benchmark: trafilatura-eval pages rendered to full visible text.

Each page's HTML is rendered with inscriptis (block-aware line breaks, so a menu item, a
heading and a paragraph each get their own line) and the resulting text, navigation,
footers and all, is cleaned by:

* ``newsdesk``: :func:`newsdesk.clean.clean_text`; what is scored is the article's body
  paragraphs plus the deck (titles, captions and removed lines are left out: the gold's
  ``with`` snippets are main text, and page titles appear among its ``without`` snippets);
  ``--variants`` also prints the alternatives;
* ``justext``: jusText 3 over the *same lines* (each line wrapped as a ``<p>``), with the
  stoplist of the language newsdesk detected for the page (English when jusText has none);
* ``passthrough``: the rendered text unchanged.

Titles: newsdesk's headline on the rendered text against the gold title (exact match,
case- and whitespace-insensitive), beside the text's first line as the naive reading; also
the byline (holds the gold author; and how often one is put on a page whose gold has no
author) and the publication date (right to the day).

The metric is the dataset's own (``../shared/data/README.md``): micro P/R/F1 over the
``with``/``without`` snippets, whitespace-collapsed substring matching.  Pages are split into
``tune``/``heldout`` halves by a stable hash of the file name (the split bench/html_eval.py
uses); settings were chosen on ``tune`` only, and figures are printed for both halves and
all pages.  For reference the script also prints trafilatura 2.x on the HTML itself.

    .venv/bin/python bench/plaintext_eval.py               # all 990 pages
    .venv/bin/python bench/plaintext_eval.py --limit 200   # quick look
    .venv/bin/python bench/plaintext_eval.py --variants    # output choices we compared
    .venv/bin/python bench/plaintext_eval.py --save-pages before.json   # then, after a change:
    .venv/bin/python bench/plaintext_eval.py --compare before.json      # difference and its 95 % interval

Rendered texts are cached in ``$XDG_CACHE_HOME/newsdesk`` (never in the repository).
"""

from __future__ import annotations

import argparse
import ast
import gzip
import hashlib
import json
import os
import random
import sys
import time
import warnings
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsdesk.clean import CleanConfig, clean_text  # noqa: E402
from newsdesk.evaluation import SnippetCounts as Counts
from newsdesk.evaluation import authors_match, collapse, render_text, split_of
from newsdesk.model import Article  # noqa: E402
from newsdesk.shared_data import data_path, read_jsonl_gz  # noqa: E402

SPLITS = ("tune", "heldout", "all")

JUSTEXT_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "sv": "Swedish", "fi": "Finnish", "da": "Danish",
    "no": "Norwegian_Bokmal", "pl": "Polish", "cs": "Czech", "ru": "Russian", "tr": "Turkish",
    "zh": "English", "ja": "English",
}  # fmt: skip


def render_all(limit: int | None) -> dict[str, str]:
    """file name -> inscriptis rendering (:func:`newsdesk.evaluation.render_text`), cached
    outside the repository."""
    cache_dir = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "newsdesk"
    cache = cache_dir / "trafilatura-eval-inscriptis.json.gz"
    if cache.exists():
        rendered: dict[str, str] = json.loads(gzip.decompress(cache.read_bytes()))
    else:
        rendered = {}
    changed = False
    for row in read_jsonl_gz(data_path("trafilatura-eval", "pages.jsonl.gz")):
        if not row["in_evaldata"] or row["file"] in rendered:
            continue
        text = render_text(row["html"])
        if text is None:  # a page inscriptis cannot parse renders as nothing
            print(f"inscriptis failed on {row['file']}", file=sys.stderr)
        rendered[row["file"]] = text or ""
        changed = True
    if changed:
        cache_dir.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(gzip.compress(json.dumps(rendered, ensure_ascii=False).encode()))
    return rendered


def fold(text: str | None) -> str:
    """A field as the field checks compare it: whitespace collapsed, case folded."""
    return collapse(text or "").casefold()


def newsdesk_views(art: Article) -> dict[str, str]:
    """The output choices compared with --variants; ``newsdesk`` is the one reported."""
    body = art.text
    deck = art.deck.text if art.deck else ""
    title = art.title.text if art.title else ""
    caps = "\n".join(c.text for c in art.captions)
    return {
        "newsdesk": "\n".join(x for x in (deck, body) if x),
        "newsdesk+title": "\n".join(x for x in (title, deck, body) if x),
        "newsdesk+captions": "\n".join(x for x in (deck, body, caps) if x),
        "newsdesk-body-only": body,
    }


def run_justext(text: str, lang: str | None) -> str:
    from xml.sax.saxutils import escape

    import justext

    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines:
        return ""
    html = "<html><body>" + "".join(f"<p>{escape(ln)}</p>" for ln in lines) + "</body></html>"
    stop = justext.get_stoplist(JUSTEXT_NAMES.get(lang or "", "English"))
    paras = justext.justext(html.encode("utf-8"), stop, encoding="utf-8")
    return "\n".join(p.text for p in paras if not p.is_boilerplate)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--variants", action="store_true")
    ap.add_argument("--no-trafilatura", action="store_true", help="skip trafilatura-on-HTML reference")
    ap.add_argument("--threshold", type=float, default=None, help="line-model threshold (tuning runs)")
    ap.add_argument("--line-model", default=None, help="packaged line model (news, news-lexical, web)")
    ap.add_argument(
        "--line-model-file",
        type=Path,
        default=None,
        help="a line model's JSON file, used in place of the packaged one (the quarter protocol: "
        "scripts/train_line_model.py --only news --hold-val a --out DIR, then --split tune-a)",
    )
    ap.add_argument("--prose-min-words", type=int, default=None, help="prose override (tuning runs)")
    ap.add_argument(
        "--rescue-max-run", type=int, default=None, help="context rescue run length (tuning runs)"
    )
    ap.add_argument("--rescue-min-p", type=float, default=None, help="context rescue floor (tuning runs)")
    ap.add_argument(
        "--split",
        choices=("tune", "heldout", "tune-a", "tune-b"),
        default=None,
        help="score one half only (tune-a/tune-b: the tune half's two quarters, for model selection)",
    )
    ap.add_argument("--newsdesk-only", action="store_true", help="skip jusText (tuning runs)")
    ap.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="any CleanConfig field (repeatable; VALUE as a Python literal), e.g. --set mark_article_end=False",
    )
    ap.add_argument(
        "--save-pages",
        type=Path,
        default=None,
        help="write newsdesk's per-page snippet counts (JSON) for a later --compare",
    )
    ap.add_argument(
        "--compare",
        type=Path,
        default=None,
        help="a --save-pages file from another version: print the F1 difference per split with a "
        "95%% interval from a paired bootstrap over pages (is a change more than page noise?)",
    )
    args = ap.parse_args()
    warnings.filterwarnings("ignore")

    gold = json.loads(data_path("trafilatura-eval", "evaldata.json").read_text(encoding="utf-8"))
    by_file = {v["file"]: v for v in gold.values()}
    files = sorted(by_file)[: args.limit] if args.limit else sorted(by_file)
    if args.split in ("tune", "heldout"):
        files = [f for f in files if split_of(f) == args.split]
    elif args.split:
        quarter = 1 if args.split == "tune-b" else 0
        files = [
            f
            for f in files
            if split_of(f) == "tune" and hashlib.sha1(f.encode("utf-8")).digest()[1] % 2 == quarter
        ]
    cfg = CleanConfig()
    if args.threshold is not None:
        cfg = replace(cfg, model_threshold=args.threshold)
    if args.line_model is not None:
        cfg = replace(cfg, line_model=args.line_model)
    if args.prose_min_words is not None:
        cfg = replace(cfg, prose_min_words=args.prose_min_words)
    if args.rescue_max_run is not None:
        cfg = replace(cfg, rescue_max_run=args.rescue_max_run)
    if args.rescue_min_p is not None:
        cfg = replace(cfg, rescue_min_p=args.rescue_min_p)
    for item in args.set:
        name, _, value = item.partition("=")
        cfg = replace(cfg, **{name: ast.literal_eval(value)})
    if args.line_model_file is not None:
        from newsdesk.clean import core
        from newsdesk.clean.linemodel import LineModel

        file_model = LineModel.from_json(args.line_model_file.read_text(encoding="utf-8"))
        core.load_model = lambda name: file_model
    t0 = time.time()
    rendered = render_all(args.limit)
    print(f"rendered {len(rendered)} pages with inscriptis ({time.time() - t0:.1f}s incl. cache)")

    systems = ["newsdesk", "justext", "passthrough"]
    if args.variants:
        systems += ["newsdesk+title", "newsdesk+captions", "newsdesk-body-only"]
    html_by_file: dict[str, str] = {}
    if not args.no_trafilatura:
        systems.append("trafilatura-on-html")
        wanted = set(files)
        for row in read_jsonl_gz(data_path("trafilatura-eval", "pages.jsonl.gz")):
            if row["file"] in wanted:
                html_by_file[row["file"]] = row["html"]
    counts = {s: {sp: Counts() for sp in SPLITS} for s in systems}
    # the article's fields on pages with gold, case- and whitespace-insensitive: the headline
    # (exact; beside it the text's first line, what a reader without a cleaner takes), the
    # byline (holds the gold author), the publication date (right to the day)
    fields: dict[str, dict[str, list[int]]] = {}

    def tally(label: str, split: str, hit: bool) -> None:
        for sp in (split, "all"):
            per = fields.setdefault(label, {s: [0, 0] for s in SPLITS})[sp]
            per[0] += hit
            per[1] += 1

    def score(system: str, split: str, text: str, g: dict, cpu: float) -> None:
        for sp in (split, "all"):
            counts[system][sp].add(text, g["with"], g["without"])
            counts[system][sp].cpu += cpu

    per_page: dict[str, tuple[int, int, int]] = {}
    for f in files:
        g = by_file[f]
        text = rendered.get(f, "")
        sp = split_of(f)
        t = time.process_time()
        art = clean_text(text, config=cfg)
        cpu = time.process_time() - t
        if g.get("title"):
            first = next((ln for ln in text.splitlines() if ln.strip()), None)
            tally(
                "title exact match, newsdesk  ",
                sp,
                bool(art.title) and fold(art.title.text) == fold(g["title"]),
            )
            tally("title exact match, first line", sp, bool(first) and fold(first) == fold(g["title"]))
        if g.get("author"):
            names = g["author"] if isinstance(g["author"], list) else [g["author"]]
            by = fold(art.byline.text if art.byline else None)
            tally(
                "byline right, newsdesk       ",
                sp,
                bool(by) and any(fold(x) in by for x in names if x.strip()),
            )
            # the names one by one, exactly the gold's; beside them the same check of the byline
            # line taken whole as one name (what a desk would get without the split)
            tally(
                "authors exact, newsdesk      ", sp, authors_match([a.text for a in art.authors], g["author"])
            )
            tally(
                "authors exact, whole byline  ",
                sp,
                authors_match([art.byline.text] if art.byline else [], g["author"]),
            )
        else:
            # the other side of the byline's cut: a byline on a page the gold gives no author
            # (lower is better; such a page may still print a name the gold left out)
            tally("byline where gold has none   ", sp, art.byline is not None)
        if g.get("date"):
            tally(
                "date   right, newsdesk       ",
                sp,
                bool(art.published) and str(art.published)[:10] == g["date"][:10],
            )
        views = newsdesk_views(art)
        for name, out in views.items():
            if name in counts:
                score(name, sp, out, g, cpu)
        page = Counts()
        page.add(views["newsdesk"], g["with"], g["without"])
        per_page[f] = (page.tp, page.fp, page.fn)
        if not args.newsdesk_only:
            t = time.process_time()
            jt = run_justext(text, art.lang)
            score("justext", sp, jt, g, time.process_time() - t)
        score("passthrough", sp, text, g, 0.0)
        if "trafilatura-on-html" in counts:
            import trafilatura

            t = time.process_time()
            out = trafilatura.extract(html_by_file.get(f, ""), url=None) or ""
            score("trafilatura-on-html", sp, out, g, time.process_time() - t)

    n = {sp: sum(1 for f in files if split_of(f) == sp) for sp in ("tune", "heldout")}
    n["all"] = len(files)
    print(f"pages: tune {n['tune']}, heldout {n['heldout']}, all {n['all']}")
    print(f"{'system':24s} {'split':8s} {'P':>6s} {'R':>6s} {'F1':>6s} {'ms/page':>8s}")
    for s in systems:
        for sp in SPLITS:
            prec, rec, f1 = counts[s][sp].prf()
            ms = 1000 * counts[s][sp].cpu / max(n[sp], 1)
            print(f"{s:24s} {sp:8s} {prec:6.3f} {rec:6.3f} {f1:6.3f} {ms:8.2f}")
    for label, per in fields.items():
        cells = "  ".join(f"{sp} {m / k:.3f} ({k})" for sp, (m, k) in per.items() if k)
        print(f"{label}: {cells}")
    nd = counts["newsdesk"]["all"].prf()[2]
    jt_f1 = counts["justext"]["all"].prf()[2] or float("nan")
    pt_f1 = counts["passthrough"]["all"].prf()[2]
    print(f"ratio newsdesk/justext F1 (all): {nd / jt_f1 if jt_f1 else float('inf'):.3f}")
    print(f"ratio newsdesk/passthrough F1 (all): {nd / pt_f1 if pt_f1 else float('inf'):.3f}")
    if "trafilatura-on-html" in counts:
        tr = counts["trafilatura-on-html"]["all"].prf()[2]
        print(f"gap to trafilatura on the HTML itself (all): {nd - tr:+.3f} F1")
    if args.save_pages is not None:
        args.save_pages.write_text(json.dumps(per_page, sort_keys=True), encoding="utf-8")
    if args.compare is not None:
        before = {k: tuple(v) for k, v in json.loads(args.compare.read_text(encoding="utf-8")).items()}
        for sp in SPLITS:
            keys = [f for f in per_page if f in before and (sp == "all" or split_of(f) == sp)]
            if keys:
                diff, lo, hi = paired_bootstrap(keys, before, per_page)
                changed = sum(1 for k in keys if before[k] != per_page[k])
                print(
                    f"newsdesk F1 against {args.compare.name}, {sp}: {diff:+.4f} "
                    f"(95% interval {lo:+.4f} .. {hi:+.4f}; {changed} of {len(keys)} pages changed)"
                )


def _f1(rows: list[tuple[int, ...]]) -> float:
    tp = sum(r[0] for r in rows)
    fp = sum(r[1] for r in rows)
    fn = sum(r[2] for r in rows)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def paired_bootstrap(
    keys: list[str],
    before: Mapping[str, tuple[int, ...]],
    after: Mapping[str, tuple[int, ...]],
    rounds: int = 2000,
) -> tuple[float, float, float]:
    """F1(after) - F1(before) over ``keys``, and the 2.5 / 97.5 percentiles of that
    difference over pages drawn with replacement (the same draw for both versions), with a
    fixed seed so the interval is reproducible."""
    rng = random.Random(0)
    diffs = []
    for _ in range(rounds):
        draw = [keys[rng.randrange(len(keys))] for _ in keys]
        diffs.append(_f1([after[k] for k in draw]) - _f1([before[k] for k in draw]))
    diffs.sort()
    point = _f1([after[k] for k in keys]) - _f1([before[k] for k in keys])
    return point, diffs[int(0.025 * rounds)], diffs[int(0.975 * rounds) - 1]


if __name__ == "__main__":
    main()

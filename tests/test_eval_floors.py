"""Quality floors on third-party evaluation data (trafilatura pins F1 floors the same way).

Each test runs newsdesk on a fixed, small slice of a set in ``../shared/data`` with that
set's own metric, and fails if the figure drops below a floor set a little under what
was measured when the floor was written (see docs/decisions.md).  The full figures come
from the scripts under ``bench/``; these only stop regressions.  They skip when the data
is absent.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from conftest import require_shared
from newsdesk.clean import CleanConfig, clean_record, clean_text
from newsdesk.evaluation import SnippetCounts, line_labels_from_article, split_of, turku_dev_part
from newsdesk.lang import article_language
from newsdesk.model import RawRecord
from newsdesk.shared_data import read_jsonl_gz


def _folded(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _held_out_pages(n: int) -> tuple[dict[str, dict], list[dict]]:
    """trafilatura-eval gold by file name, and the first ``n`` held-out pages by file name."""
    evaldata = json.loads(require_shared("trafilatura-eval", "evaldata.json").read_text(encoding="utf-8"))
    by_file = {v["file"]: v for v in evaldata.values()}
    pages = [
        p
        for p in read_jsonl_gz(require_shared("trafilatura-eval", "pages.jsonl.gz"))
        if p["file"] in by_file and split_of(p["file"]) == "heldout"
    ]
    return by_file, sorted(pages, key=lambda p: p["file"])[:n]


def test_html_path_beats_trafilatura_on_held_out_pages() -> None:
    """Main text by the set's snippet metric, and headlines by exact match (the gold title
    is the headline the page prints), against trafilatura alone on the same pages.  Titles
    measured when pinned (session 18, the printed ``<h1>`` preferred): 93 of 123 against 67."""
    trafilatura = pytest.importorskip("trafilatura")
    by_file, pages = _held_out_pages(150)
    ours, peer = SnippetCounts(), SnippetCounts()
    titles = {"ours": 0, "peer": 0, "pages": 0}

    def same(a: str | None, b: str) -> bool:
        return bool(a) and " ".join(str(a).split()).casefold() == " ".join(b.split()).casefold()

    for page in pages:
        gold = by_file[page["file"]]
        rec = RawRecord(page["file"], page["html"], "html", content_type="html")
        title = None
        try:
            art = clean_record(rec)
            text = "\n".join(([art.deck.text] if art.deck else []) + [p.text for p in art.paragraphs])
            title = art.title.text if art.title else None
        except Exception:  # noqa: BLE001 - a page with no output scores as empty, per the metric
            text = ""
        ours.add(text, gold["with"], gold["without"])
        peer.add(trafilatura.extract(page["html"]) or "", gold["with"], gold["without"])
        if gold.get("title"):
            doc = trafilatura.bare_extraction(page["html"], with_metadata=True)
            titles["pages"] += 1
            titles["ours"] += same(title, gold["title"])
            titles["peer"] += doc is not None and same(doc.title, gold["title"])
    _, _, f_ours = ours.prf()
    _, _, f_peer = peer.prf()
    assert f_ours >= 0.88, f_ours
    assert f_ours >= f_peer - 0.01, (f_ours, f_peer)
    assert titles["ours"] >= 88 and titles["ours"] >= titles["peer"] + 15, titles


def test_article_language_on_fundus() -> None:
    rows = list(read_jsonl_gz(require_shared("fundus", "articles.jsonl.gz")))
    right = sum(
        article_language([p for p in r["gold"]["body_text"].split("\n\n") if p.strip()]).lang == r["language"]
        for r in rows
    )
    assert right / len(rows) >= 0.98, right / len(rows)


def test_plain_text_cleaner_on_rendered_held_out_pages() -> None:
    """The plain-text path on pages rendered to full visible text (bench/plaintext_eval.py
    does all 990; this slice measured 0.870 when the floor was set, 0.878 in session 6 with the
    tune pages weighted in the news model's fits).  Headlines by exact match: 62 of the 123
    pages with a gold title before session 19's article-word columns of the ranker, 75 after."""
    pytest.importorskip("inscriptis")
    from inscriptis import get_text
    from inscriptis.css_profiles import CSS_PROFILES
    from inscriptis.model.config import ParserConfig

    by_file, pages = _held_out_pages(150)
    cfg = ParserConfig(css=CSS_PROFILES["strict"], display_links=False, display_images=False)
    ours, passthrough = SnippetCounts(), SnippetCounts()
    titles = {"right": 0, "pages": 0}
    for page in pages:
        gold = by_file[page["file"]]
        try:
            rendered = get_text(page["html"], cfg)
        except Exception:  # noqa: BLE001 - a page inscriptis cannot parse renders as nothing
            rendered = ""
        art = clean_text(rendered)
        text = "\n".join(([art.deck.text] if art.deck else []) + [p.text for p in art.paragraphs])
        ours.add(text, gold["with"], gold["without"])
        passthrough.add(rendered, gold["with"], gold["without"])
        if gold.get("title"):
            titles["pages"] += 1
            titles["right"] += art.title is not None and _folded(art.title.text) == _folded(gold["title"])
    f_ours = ours.prf()[2]
    assert titles["right"] >= 70, titles
    assert f_ours >= 0.865, f_ours
    assert f_ours >= passthrough.prf()[2] + 0.15, (f_ours, passthrough.prf()[2])


def test_turku_lines_cleaner_beats_all_main_baseline() -> None:
    """Line F1 of main text on the part of turku dev no model trained on (bench/turku_lines.py;
    measured when the floor was set: margins over the baseline de 0.029, en 0.040, es 0.259,
    fi 0.103, fr 0.042, sv 0.093; session 6, with the web model's own Finnish and Swedish
    cut-offs: de 0.031, en 0.129, es 0.255, fi 0.250, fr 0.057, sv 0.161)."""
    docs = [
        d
        for d in read_jsonl_gz(require_shared("turku-lines", "dev.jsonl.gz"))
        if turku_dev_part(d["id"], d["lang"]) == "report"
    ]
    cfg = CleanConfig(line_model="web", model_threshold=None)
    counts: dict[str, list[int]] = {}
    for d in docs:
        pairs = [(t.strip(), int(y)) for t, y in zip(d["lines"], d["labels"], strict=True) if t.strip()]
        lines = [t for t, _ in pairs]
        art = clean_text("\n".join(lines), config=cfg)
        pred = line_labels_from_article(lines, [(r.start, r.end) for r in art.removed])
        c = counts.setdefault(d["lang"], [0, 0, 0, 0])  # tp fp fn positives
        for (_, y), p in zip(pairs, pred, strict=True):
            c[0] += y == 1 and p == 1
            c[1] += y == 0 and p == 1
            c[2] += y == 1 and p == 0
            c[3] += y == 1
    assert set(counts) == {"de", "en", "es", "fi", "fr", "sv"}
    for lang, (tp, fp, fn, pos) in counts.items():
        f1 = 2 * tp / (2 * tp + fp + fn)
        total = sum(len([t for t in d["lines"] if t.strip()]) for d in docs if d["lang"] == lang)
        baseline = 2 * pos / (pos + total)  # every line called main text: P = pos/total, R = 1
        assert f1 >= baseline + 0.02, (lang, f1, baseline)
        if lang in ("fi", "sv"):  # what the per-language cut-offs bought (0.250 / 0.161)
            assert f1 >= baseline + 0.12, (lang, f1, baseline)


def test_html_titles_and_bylines_on_fundus() -> None:
    """Headline and authors of the 129 Fundus news pages (full field gold), exact match,
    against trafilatura's own metadata on the same pages.  Fundus was not looked at while
    the title and byline cleaning was written (it was developed on the trafilatura-eval tune
    half); measured when pinned: titles 102 against 85, authors 97 against 94.  Titles 98
    since session 18 takes the printed ``<h1>`` over a reworded og:title: many of Fundus'
    publisher parsers read og:title, where trafilatura-eval's gold is the printed headline
    (docs/decisions.md, session 18)."""
    trafilatura = pytest.importorskip("trafilatura")
    from newsdesk.clean.html import extract_html

    def same(a: str | None, b: str) -> bool:
        return bool(a) and " ".join(str(a).split()).casefold() == " ".join(b.split()).casefold()

    def authors(a: str | None) -> set[str]:
        return {" ".join(x.split()).casefold() for x in (a or "").split(";") if x.strip()}

    ours_t = peer_t = ours_a = peer_a = 0
    for r in read_jsonl_gz(require_shared("fundus", "articles.jsonl.gz")):
        gold = r["gold"]
        x = extract_html(r["html"], r.get("url"))
        doc = trafilatura.bare_extraction(r["html"], url=r.get("url"), with_metadata=True)
        if gold.get("title"):
            ours_t += same(x.title, gold["title"])
            peer_t += doc is not None and same(doc.title, gold["title"])
        if gold.get("authors"):
            want = {" ".join(a.split()).casefold() for a in gold["authors"]}
            ours_a += authors(x.byline) == want
            peer_a += doc is not None and authors(doc.author) == want
    assert ours_t >= 95 and ours_t > peer_t, (ours_t, peer_t)
    assert ours_a >= 90 and ours_a >= peer_a, (ours_a, peer_a)


def _rendered_fundus() -> Iterator[tuple[dict[str, Any], str]]:
    """Each Fundus page's gold and its rendering to text (inscriptis, as the benchmarks do;
    blank lines dropped); a page inscriptis cannot parse is left out."""
    pytest.importorskip("inscriptis")
    from inscriptis import get_text
    from inscriptis.css_profiles import CSS_PROFILES
    from inscriptis.model.config import ParserConfig

    cfg = ParserConfig(css=CSS_PROFILES["strict"], display_links=False, display_images=False)
    for r in read_jsonl_gz(require_shared("fundus", "articles.jsonl.gz")):
        try:
            rendered = get_text(r["html"], cfg)
        except Exception:  # noqa: BLE001 - a page inscriptis cannot parse renders as nothing
            continue
        yield r["gold"], "\n".join(ln.strip() for ln in rendered.splitlines() if ln.strip())


def test_plain_text_headline_and_byline_on_rendered_fundus() -> None:
    """The plain-text path's headline and byline on the 128 Fundus news pages rendered whole
    (menus, teasers and footers included), against the rules the rankers replaced, on the
    same pages.  The rankers were fitted on trafilatura-eval's tune half only; measured when
    pinned: headlines 61 against 35, bylines holding a gold author 51 against 33."""
    rules = CleanConfig(headline_ranker=False, byline_ranker=False)

    def fold(text: str | None) -> str:
        return " ".join((text or "").split()).casefold()

    titles = {"rankers": 0, "rules": 0}
    bylines = {"rankers": 0, "rules": 0}
    for gold, text in _rendered_fundus():
        for name, art in (("rankers", clean_text(text)), ("rules", clean_text(text, config=rules))):
            if gold.get("title") and art.title is not None:
                titles[name] += fold(art.title.text) == fold(gold["title"])
            if gold.get("authors") and art.byline is not None:
                bylines[name] += any(fold(a) in fold(art.byline.text) for a in gold["authors"])
    assert titles["rankers"] >= 55 and titles["rankers"] >= titles["rules"] + 15, titles
    assert bylines["rankers"] >= 45 and bylines["rankers"] >= bylines["rules"] + 8, bylines


def test_plain_text_dates_on_rendered_fundus() -> None:
    """The publication date of the 128 Fundus news pages rendered whole, right to the day,
    with and without the last resort of the page's first date line (session 17; chosen on
    the trafilatura-eval tune quarters and the Fundus halves with cross-fitted line models).
    Measured when pinned: 106 against 101."""
    without = CleanConfig(date_anywhere=False)
    right = {"anywhere": 0, "near": 0}
    for gold, text in _rendered_fundus():
        day = str(gold.get("publishing_date") or "")[:10]
        if not day:
            continue
        for name, art in (("anywhere", clean_text(text)), ("near", clean_text(text, config=without))):
            right[name] += str(art.published or "")[:10] == day
    assert right["anywhere"] >= 102 and right["anywhere"] >= right["near"] + 3, right

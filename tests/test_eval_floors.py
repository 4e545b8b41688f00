"""Quality floors on third-party evaluation data (trafilatura pins F1 floors the same way).

Each test runs newsdesk on a fixed, small slice of a set in ``../shared/data`` with that
set's own metric, and fails if the figure drops below a floor set a little under what
was measured when the floor was written (see docs/decisions.md).  The full figures come
from the scripts under ``bench/``; these only stop regressions.  They skip when the data
is absent.
"""

from __future__ import annotations

import json

import pytest

from conftest import require_shared
from newsdesk.clean import clean_record
from newsdesk.evaluation import SnippetCounts, split_of
from newsdesk.lang import article_language
from newsdesk.model import RawRecord
from newsdesk.shared_data import read_jsonl_gz


def test_html_path_beats_trafilatura_on_held_out_pages() -> None:
    trafilatura = pytest.importorskip("trafilatura")
    evaldata = json.loads(require_shared("trafilatura-eval", "evaldata.json").read_text(encoding="utf-8"))
    by_file = {v["file"]: v for v in evaldata.values()}
    pages = [
        p
        for p in read_jsonl_gz(require_shared("trafilatura-eval", "pages.jsonl.gz"))
        if p["file"] in by_file and split_of(p["file"]) == "heldout"
    ]
    pages = sorted(pages, key=lambda p: p["file"])[:150]
    ours, peer = SnippetCounts(), SnippetCounts()
    for page in pages:
        gold = by_file[page["file"]]
        rec = RawRecord(page["file"], page["html"], "html", content_type="html")
        try:
            art = clean_record(rec)
            text = "\n".join(([art.deck.text] if art.deck else []) + [p.text for p in art.paragraphs])
        except Exception:  # noqa: BLE001 - a page with no output scores as empty, per the metric
            text = ""
        ours.add(text, gold["with"], gold["without"])
        peer.add(trafilatura.extract(page["html"]) or "", gold["with"], gold["without"])
    _, _, f_ours = ours.prf()
    _, _, f_peer = peer.prf()
    assert f_ours >= 0.88, f_ours
    assert f_ours >= f_peer - 0.01, (f_ours, f_peer)


def test_article_language_on_fundus() -> None:
    rows = list(read_jsonl_gz(require_shared("fundus", "articles.jsonl.gz")))
    right = sum(
        article_language([p for p in r["gold"]["body_text"].split("\n\n") if p.strip()]).lang == r["language"]
        for r in rows
    )
    assert right / len(rows) >= 0.98, right / len(rows)

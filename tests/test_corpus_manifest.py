"""The bundled sample corpus and its gold manifest agree with each other.

The manifest is used as a small hand-labelled evaluation set, so a label that drifts from
the file it describes would silently corrupt every figure measured on it.  These tests
pin each label to the bytes it describes (line numbers, verbatim texts, markup) and check
the corpus still has the shape later stages rely on (outlets with several pages, stories
across outlets and languages, the duplicate groups).
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from newsdesk.lang import detect
from newsdesk.model import REMOVAL_REASONS

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
NOT_DOCUMENTS = {"MANIFEST.json", "README.md", "_build.py"}
LINE_ROLES = ("title", "deck", "byline", "date")


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    return json.loads((CORPUS / "MANIFEST.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def docs(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    return list(manifest["documents"])


def _load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_build", CORPUS / "_build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(spec.name, None)
    return module


def _text_of(doc: dict[str, Any]) -> str:
    """The raw text a line-labelled document's line numbers refer to."""
    path = CORPUS / doc["file"]
    if doc["format"] == "jsonl":
        lines = path.read_text(encoding="utf-8").splitlines()
        return str(json.loads(lines[doc["item"]])["text"])
    return path.read_text(encoding="utf-8")


def _paragraphs(doc: dict[str, Any]) -> list[str]:
    if "body_lines" in doc:
        lines = _text_of(doc).split("\n")
        return [lines[n - 1] for n in doc["body_lines"]]
    return list(doc["paragraphs"])


def test_description_says_hand_written_and_fictional(manifest: dict[str, Any]) -> None:
    text = manifest["description"].lower()
    assert "hand-written by the newsdesk team" in text
    assert "fictional" in text


def test_every_file_is_listed_and_every_listed_file_exists(docs: list[dict[str, Any]]) -> None:
    on_disk = {
        p.relative_to(CORPUS).as_posix()
        for p in CORPUS.rglob("*")
        if p.is_file() and p.name not in NOT_DOCUMENTS and "__pycache__" not in p.parts
    }
    listed = {d["file"] for d in docs}
    assert on_disk == listed
    ids = [d["id"] for d in docs]
    assert len(ids) == len(set(ids))
    for d in docs:
        assert d["outlet"] == d["file"].split("/")[0], "the subdirectory name is the outlet"


def test_generator_reproduces_the_committed_files(tmp_path: Path) -> None:
    builder = _load_builder()
    builder.build(tmp_path)
    built = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    for rel, data in built.items():
        assert (CORPUS / rel).read_bytes() == data, f"{rel} is stale: rerun examples/corpus/_build.py"


def test_plain_text_gold_labels_every_line(docs: list[dict[str, Any]]) -> None:
    line_docs = [d for d in docs if "body_lines" in d]
    assert len(line_docs) >= 18
    for d in line_docs:
        lines = _text_of(d).split("\n")
        labelled: dict[int, str] = {}
        for no, reason, text, *lang in d["cruft"]:
            assert lines[no - 1] == text, (d["id"], no)
            assert reason in REMOVAL_REASONS, (d["id"], reason)
            if lang:
                assert lang[0] != d["lang"], (d["id"], text)
            labelled[no] = "cruft"
        for cap in d["captions"]:
            line = lines[cap["line"] - 1]
            assert line.startswith(cap["caption"]) and line.endswith(cap["credit"]), (d["id"], line)
            labelled[cap["line"]] = "caption"
        for role in LINE_ROLES:
            if f"{role}_line" in d:
                labelled[d[f"{role}_line"]] = role
        for role in ("title", "deck", "byline"):
            if f"{role}_line" in d:
                assert lines[d[f"{role}_line"] - 1] == d[role], (d["id"], role)
        for no in d["body_lines"]:
            assert no not in labelled, (d["id"], no)
            labelled[no] = "body"
        if d["dateline"]:
            assert lines[d["body_lines"][0] - 1].startswith(d["dateline"])
        unlabelled = [i + 1 for i, line in enumerate(lines) if line.strip() and i + 1 not in labelled]
        assert not unlabelled, (d["id"], unlabelled)
        assert d["format"] == "jsonl" or d["date_line"] < d["body_lines"][0]


def test_duplicated_deck_and_caption_lines_are_labelled_as_duplicates(docs: list[dict[str, Any]]) -> None:
    dup_lines = [(d, c) for d in docs for c in d.get("cruft", []) if c[1] == "duplicate"]
    assert len(dup_lines) >= 10
    for d, (_no, _reason, text, *_) in dup_lines:
        assert text in (d["deck"], *(f"{c['caption']} {c['credit']}" for c in d["captions"]))


def test_html_gold_appears_in_the_markup(manifest: dict[str, Any], docs: list[dict[str, Any]]) -> None:
    pages = [d for d in docs if d["format"] == "html"]
    assert len(pages) >= 12
    for d in pages:
        raw = (CORPUS / d["file"]).read_text(encoding="utf-8")
        text = html.unescape(raw)
        assert f'<meta property="og:url" content="{d["url"]}">' in raw
        assert f'<meta property="article:published_time" content="{d["published_at"]}">' in raw
        assert d["published_at"].startswith(d["published"])
        assert "<h1" in raw and f">{d['title']}</h1>" in text
        assert f"<title>{d['title']} | " in text
        for value in (d["deck"], d["byline"], *d["paragraphs"]):
            if value:
                assert value in text, (d["id"], value[:40])
        for cap in d["captions"]:
            assert f"<figcaption>{cap['caption']}" in text and cap["credit"] in text
        for junk in d["html_cruft"] + manifest["outlet_chrome"][d["outlet"]]:
            assert junk in text, (d["id"], junk)


def test_feed_and_jsonl_items_match_their_gold(manifest: dict[str, Any], docs: list[dict[str, Any]]) -> None:
    ns = {"content": "http://purl.org/rss/1.0/modules/content/"}
    feeds = [d for d in docs if d["format"] == "feed"]
    assert 3 <= len(feeds) <= 4
    items = ET.parse(CORPUS / feeds[0]["file"]).getroot().findall("./channel/item")
    assert len(items) == len(feeds)
    for d in feeds:
        item = items[d["item"]]
        assert item.findtext("title") == d["title"] and item.findtext("link") == d["url"]
        encoded = html.unescape(item.findtext("content:encoded", namespaces=ns) or "")
        for para in d["paragraphs"]:
            assert f"<p>{para}</p>" in encoded
        visible = re.sub(r"<[^>]+>", "", encoded)
        for junk in d["html_cruft"] + manifest["outlet_chrome"][d["outlet"]]:
            assert junk in visible, (d["id"], junk)
    rows = [d for d in docs if d["format"] == "jsonl"]
    assert 3 <= len(rows) <= 4
    lines = (CORPUS / rows[0]["file"]).read_text(encoding="utf-8").splitlines()
    for d in rows:
        rec = json.loads(lines[d["item"]])
        assert set(rec) >= {"url", "outlet", "published", "title"} and ("html" in rec) != ("text" in rec)
        assert rec["url"] == d["url"] and rec["title"] == d["title"] and rec["published"] == d["published_at"]
        assert d["content_type"] == ("html" if "html" in rec else "text")
        if "html" in rec:
            for para in d["paragraphs"]:
                assert para in html.unescape(rec["html"])


def test_languages_agree_with_the_detector(docs: list[dict[str, Any]]) -> None:
    for d in docs:
        guess = detect(" ".join(_paragraphs(d)))
        assert guess.lang == d["lang"], (d["id"], guess)
    langs = Counter(d["lang"] for d in docs)
    assert langs["en"] == max(langs.values())
    assert langs["fr"] >= 5 and langs["de"] >= 5 and 1 <= langs["es"] <= 2


def test_outlets_and_stories_have_the_shape_later_stages_need(docs: list[dict[str, Any]]) -> None:
    pages = Counter(d["outlet"] for d in docs)
    assert len(pages) >= 8 and min(pages.values()) >= 3, pages
    story_outlets: dict[str, set[str]] = defaultdict(set)
    story_langs: dict[str, set[str]] = defaultdict(set)
    for d in docs:
        if d["story"]:
            story_outlets[d["story"]].add(d["outlet"])
            story_langs[d["story"]].add(d["lang"])
    assert 5 <= len(story_outlets) <= 7
    for story, outlets in story_outlets.items():
        assert 3 <= len(outlets) <= 7, story
        assert len(story_langs[story]) >= 2, story
    assert sum(1 for d in docs if d["story"] is None) >= 4
    assert 36 <= len(docs) <= 45
    formats = Counter(d["format"] for d in docs)
    assert formats["text"] >= len(docs) * 0.4 and formats["html"] >= len(docs) * 0.3


def test_duplicate_groups(manifest: dict[str, Any], docs: list[dict[str, Any]]) -> None:
    by_id = {d["id"]: d for d in docs}
    kinds = {g["kind"]: g["members"] for g in manifest["dup_groups"].values()}
    assert set(kinds) == {"exact", "near", "syndication"}
    a, b = (by_id[m] for m in kinds["exact"])
    assert _paragraphs(a) == _paragraphs(b) and a["title"] == b["title"]
    assert a["url"] != b["url"] and a["file"] != b["file"]
    old, new = sorted((by_id[m] for m in kinds["near"]), key=lambda d: d["published_at"])
    ratio = SequenceMatcher(None, "\n".join(_paragraphs(old)), "\n".join(_paragraphs(new))).ratio()
    assert 0.8 < ratio < 1.0 and len(_paragraphs(new)) == len(_paragraphs(old)) + 1
    assert {f[0] for f in old["figures"]} != {f[0] for f in new["figures"]}
    wire = [by_id[m] for m in kinds["syndication"]]
    assert len({d["outlet"] for d in wire}) == 4 and len({d["title"] for d in wire}) == 4
    shared = set.intersection(*(set(_paragraphs(d)) for d in wire))
    assert len(shared) >= 2, "every republication carries the wire's opening paragraphs verbatim"
    plain = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
    shared_modulo_quotes = set.intersection(*({p.translate(plain) for p in _paragraphs(d)} for d in wire))
    assert len(shared_modulo_quotes) >= 4 > len(shared), "one outlet's house style changes the quote marks"


def test_figures_are_stated_in_the_body(docs: list[dict[str, Any]]) -> None:
    for d in docs:
        body = "\n".join(_paragraphs(d))
        for _value, surface, what in d["figures"]:
            assert surface in body and what, (d["id"], surface)
    tolls = {
        f[0] for d in docs if d["story"] == "valbrune-dam" for f in d["figures"] if f[2] == "people killed"
    }
    assert tolls == {41, 43}, "outlets disagree on the death toll"


def test_corpus_stays_small() -> None:
    size = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert size < 400_000

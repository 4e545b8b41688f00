"""Fast mode's short results: the page again with trafilatura's fallback extractors."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree

import newsdesk.clean.html as html_mod
from conftest import fundus_gold_found
from newsdesk.clean.html import HtmlConfig, extract_html, visible_chars

PARAS = [
    f"Paragraph {i} of the report tells what the council decided and why it matters to residents."
    for i in range(12)
]
PAGE = (
    "<html><head><title>Council decides</title><style>.a{color:red}</style>"
    "<script>var x = '<p>not shown</p>';</script></head><body><!-- a comment -->"
    "<nav><a href='/'>Home</a></nav><article><h1>Council decides</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAS)
    + "</article></body></html>"
)


def test_visible_chars_counts_what_a_reader_sees() -> None:
    shown = " ".join(["Council decides", "Home", "Council decides", *PARAS])
    assert abs(visible_chars(PAGE) - len(shown)) <= 20
    assert visible_chars("<p>a <b>b</b></p><script>c c c</script><!-- d -->") == len("a b")
    # unclosed hidden elements and tags end the count, they do not loop over the page
    assert visible_chars("text <script>never closed " + "x " * 1000) == len("text")
    assert visible_chars("<" * 100_000 + "a") >= 1
    assert visible_chars("<!--" * 100_000) == 0


class Spy:
    def __init__(self, result: tuple[str, str] | None) -> None:
        self.result = result
        self.calls: list[HtmlConfig] = []

    def __call__(
        self, html: str, deep: bool, crowded: bool, alone: bool, first: Any, url: str | None, cfg: HtmlConfig
    ) -> Any:
        self.calls.append(cfg)
        return self.result


def first_pass(text: str) -> html_mod._Cascade:
    body = etree.Element("body")
    for line in text.split("\n"):
        etree.SubElement(body, "p").text = line
    return html_mod._Cascade(text, "", body, text)


def short_first_pass(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(html_mod, "_cascade", lambda tree, url, cfg: first_pass(text))


def test_a_short_result_from_a_long_page_is_extracted_again_with_the_fallbacks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spy = Spy(("\n".join(PARAS), ""))
    monkeypatch.setattr(html_mod, "_extract_with_fallbacks", spy)
    short_first_pass(monkeypatch, "Paragraph 0 only.")
    x = extract_html(PAGE)
    assert len(spy.calls) == 1 and spy.calls[0].fast  # (the helper turns fast off itself)
    assert x.body.split("\n") == PARAS


@pytest.mark.parametrize(
    ("first", "config", "runs"),
    [
        ("\n".join(PARAS), HtmlConfig(), 0),  # the page's text was found
        ("Paragraph 0 only.", HtmlConfig(fallback_share=0), 0),  # switched off
        ("Paragraph 0 only.", HtmlConfig(fast=False), 0),  # the first pass had the fallbacks
        ("", HtmlConfig(), 1),  # nothing found: always tried
    ],
)
def test_when_the_fallbacks_run(
    monkeypatch: pytest.MonkeyPatch, first: str, config: HtmlConfig, runs: int
) -> None:
    spy = Spy(None)
    monkeypatch.setattr(html_mod, "_extract_with_fallbacks", spy)
    short_first_pass(monkeypatch, first)
    extract_html(PAGE, config=config)
    assert len(spy.calls) == runs


def test_the_fallbacks_find_the_article_of_a_page_fast_mode_missed() -> None:
    """The helper parses the page again (the first pass pruned its tree) and compares
    readability's and jusText's results with fast mode's: given nothing, or one line of
    the article, it finds the whole of it."""
    for first in (None, first_pass(PARAS[3])):
        tree_text = html_mod._extract_with_fallbacks(PAGE, False, False, True, first, None, HtmlConfig())
        assert tree_text is not None
        assert tree_text[0].split("\n")[-len(PARAS) :] == PARAS
    assert html_mod._extract_with_fallbacks("", False, False, True, None, None, HtmlConfig()) is None


def test_the_fallbacks_keep_a_first_result_they_cannot_better() -> None:
    """A page whose only prose is what fast mode found keeps that: readability and jusText
    are taken only when they find more (the cascade's rule)."""
    page = f"<html><body><nav><a href='/'>Home</a></nav><p>{PARAS[0]}</p></body></html>"
    got = html_mod._extract_with_fallbacks(page, False, False, True, first_pass(PARAS[0]), None, HtmlConfig())
    assert got is not None and got[0] == PARAS[0]


@pytest.mark.parametrize("page_id", ["be/PoliticoEu_2025_10_23", "es/MallorcaMagazin_2025_04_16"])
def test_fundus_articles_fast_mode_cuts_short_come_out_whole(page_id: str) -> None:
    """Two real news pages (Fundus) whose fast extraction holds 4 of 25 and 2 of 17 of the
    gold paragraphs (7 % and 10 % of what the pages show): with the fallbacks, 22 and 17."""
    found, n_gold = fundus_gold_found(page_id)
    # (Politico Europe prints its article in boxes of one class, which the chunk join
    # reads whole before any fallback: it is off here, to test the fallbacks alone)
    without = found(HtmlConfig(fallback_share=0, join_article_chunks=False))
    assert without <= n_gold // 4
    assert found(HtmlConfig(join_article_chunks=False)) >= 0.85 * n_gold > without
    assert found(HtmlConfig()) >= 0.85 * n_gold

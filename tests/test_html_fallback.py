"""Fast mode's short results: the page again with trafilatura's fallback extractors."""

from __future__ import annotations

from typing import Any

import pytest

import newsdesk.clean.html as html_mod
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
        self, html: str, deep: bool, crowded: bool, alone: bool, url: str | None, cfg: HtmlConfig
    ) -> Any:
        self.calls.append(cfg)
        return self.result


def short_first_pass(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(html_mod, "_extract_text", lambda tree, url, cfg: (text, ""))


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


def test_the_fallback_pass_reads_the_page_as_the_first_did() -> None:
    """The helper parses the page again (the first pass pruned its tree) with fast mode off,
    and on an ordinary page finds what fast mode found."""
    tree_text = html_mod._extract_with_fallbacks(PAGE, False, False, True, None, HtmlConfig())
    assert tree_text is not None
    assert tree_text[0].split("\n")[-len(PARAS) :] == PARAS
    assert html_mod._extract_with_fallbacks("", False, False, True, None, HtmlConfig()) is None

"""The headline ranker for pages rendered whole (newsdesk.clean.headline)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from newsdesk.clean import CleanConfig, clean_text
from newsdesk.clean.features import FEATURE_NAMES as LINE_FEATURES
from newsdesk.clean.headline import (
    ABOVE,
    BELOW,
    FEATURE_NAMES,
    OWN_FEATURES,
    candidates,
    load_headline_model,
)

_BODY = [
    "The city council voted on Tuesday to close the old bridge after engineers found deep cracks in two of its piers.",
    "Residents say the detour adds half an hour to their daily commute into the centre, and shop owners fear losing trade.",
    "The mayor said a temporary crossing for pedestrians and cyclists would be built within three months of the closure.",
]
_MENU = [
    "* Home", "* Politics", "* Business", "* Sport", "* Culture", "* Weather",
    "* Subscribe", "* Log in", "Search", "Menu",
]  # fmt: skip
_TEASERS = [
    "Most read",
    "* Harbour strike ends after three weeks of talks",
    "* Football club names its new coach for the season",
    "* Storm warning issued for the coast on Friday",
]


def _page(head: list[str], foot_lines: int = 30) -> str:
    foot = [f"* Footer link number {i}" for i in range(foot_lines)]
    return "\n".join([*_MENU, *_TEASERS, *head, *_BODY, "Share this article", *foot])


def test_the_shipped_ranker_matches_its_features() -> None:
    model = load_headline_model()
    assert model is not None
    assert len(model.coef) == len(model.mean) == len(model.scale) == len(FEATURE_NAMES)
    assert FEATURE_NAMES[: len(OWN_FEATURES)] == OWN_FEATURES
    # its own figures, stored by the trainer: each tune quarter ranked by a ranker that never
    # saw it, against the rule it replaced, on the same pages
    figures = model.info["figures"]
    for quarter in ("tune-a", "tune-b"):
        assert figures[quarter]["ranker"] > figures[quarter]["rule"]


def test_headline_under_menus_teasers_and_a_byline() -> None:
    head = [
        "Politics",
        "Council closes the old bridge after engineers find cracks",
        "By Anna Berg",
        "12 March 2024",
    ]
    art = clean_text(_page(head))
    assert art.title is not None
    assert art.title.text == "Council closes the old bridge after engineers find cracks"
    assert art.raw[art.title.start : art.title.end] == art.title.text
    assert art.byline is not None and art.byline.text == "By Anna Berg"
    assert art.text.startswith("The city council voted on Tuesday")


def test_a_share_row_between_headline_and_body_is_not_the_headline() -> None:
    head = ["Council closes the old bridge after engineers find cracks", "Share on Facebook", "Share on X"]
    art = clean_text(_page(head))
    assert art.title is not None
    assert art.title.text == "Council closes the old bridge after engineers find cracks"


def test_ranker_off_is_the_cleaner_without_a_ranker(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsdesk.clean import core

    raw = _page(["Council closes the old bridge after engineers find cracks", "By Anna Berg"])
    off = clean_text(raw, config=CleanConfig(headline_ranker=False))
    monkeypatch.setattr(core, "load_headline_model", lambda: None)
    assert clean_text(raw).to_dict() == off.to_dict()


def test_a_short_text_whose_top_is_the_article_keeps_the_search_from_the_top() -> None:
    # the seeds' shape: a desk label, the headline, a deck printed twice; fewer lines than a
    # rendered page, so the ranker is not asked (a deck printed twice reads to it like a
    # headline printed twice)
    deck = "The northern extension opens next spring after a decade of delays and two funding disputes"
    raw = "\n".join(
        ["city desk", "Tram line extended to the north", deck, "Photo: City archive", *_BODY, deck]
    )
    on = clean_text(raw)
    off = clean_text(raw, config=CleanConfig(headline_ranker=False))
    assert on.to_dict() == off.to_dict()
    assert on.title is not None and on.title.text == "Tram line extended to the north"
    assert on.deck is not None and on.deck.text == deck


@dataclass
class _Line:
    text: str
    nw: int
    stop_ratio: float = 0.0
    sentence: bool = False
    role: str | None = None
    reason: str = ""


def test_candidates_are_free_lines_around_the_body_start() -> None:
    texts = [f"Line number {i} of the page" for i in range(40)]
    lines = [_Line(t, len(t.split())) for t in texts]
    lines[10].role = "removed"
    anchor = 25
    lines[anchor] = _Line(" ".join(["word"] * 25) + ":", 26, 0.3, False)
    # a sentence that ends with a full stop is the body's, not a headline
    lines[anchor + 1] = _Line("Before you start, you will need Python on your computer.", 10, 0.4, True)
    lines[anchor + 2] = _Line("Colder temperatures forecast for Wed.", 5, 0.2, True)
    probs = [0.5] * len(lines)
    line_x = np.arange(len(lines) * len(LINE_FEATURES), dtype=np.float64).reshape(len(lines), -1)
    idx, x = candidates(lines, probs, line_x, anchor, lambda i: 1)
    free = [i for i, ln in enumerate(lines) if ln.role is None]
    k = free.index(anchor)
    # the body's first line is a candidate too (a long headline reads like prose)
    assert idx == [i for i in free[k - ABOVE : k + BELOW + 1] if i != anchor + 1]
    assert anchor + 2 in idx  # "Wed." is an abbreviation, not a sentence's end
    assert x.shape == (len(idx), len(FEATURE_NAMES))
    # each row goes on with that line's own line-model features
    assert np.array_equal(x[:, len(OWN_FEATURES) :], line_x[idx])
    above_1 = OWN_FEATURES.index("above_1")
    assert x[idx.index(anchor - 1), above_1] == 1.0 and x[:, above_1].sum() == 1.0


def test_a_headline_printed_as_a_list_item_loses_its_mark_not_its_span() -> None:
    head = ["* Council closes the old bridge after engineers find cracks", "By Anna Berg"]
    art = clean_text(_page(head))
    assert art.title is not None
    assert art.title.text == "Council closes the old bridge after engineers find cracks"
    assert art.raw[art.title.start : art.title.end] == art.title.text
    assert art.raw[art.title.start - 2 : art.title.start] == "* "


def test_the_date_under_the_headline_beats_a_teasers_date_at_the_top() -> None:
    # both date lines hold no letter, so both are removed ("empty"); the page's own date is
    # the one nearest its headline, not the first from the top
    raw = "\n".join(
        [*_MENU, "03.01.2019", *_TEASERS, _HEADLINE_TEXT, "By Anna Berg", "19.10.2019 12:09", *_BODY]
        + ["Share this article"]
        + [f"* Footer link number {i}" for i in range(30)]
    )
    art = clean_text(raw)
    assert art.title is not None and art.title.text == _HEADLINE_TEXT
    assert art.published == "2019-10-19"
    assert art.published_source == "text:removed-empty-line"


def test_a_removed_duplicate_is_a_candidate_and_other_removed_lines_are_not() -> None:
    texts = [f"Line number {i} of the page" for i in range(30)]
    lines = [_Line(t, len(t.split())) for t in texts]
    lines[18].role, lines[18].reason = "removed", "duplicate"
    lines[19].role, lines[19].reason = "removed", "boilerplate"
    lines[20].role = "caption"
    anchor = 22
    probs = [0.5] * len(lines)
    line_x = np.zeros((len(lines), len(LINE_FEATURES)))
    idx, _ = candidates(lines, probs, line_x, anchor, lambda i: 2 if i == 18 else 1)
    assert 18 in idx
    assert 19 not in idx and 20 not in idx


def test_a_headline_printed_twice_is_taken_in_its_copy_over_the_body() -> None:
    # a breadcrumb near the top prints the headline first; the duplicates pass removes the
    # copy over the body, and that copy is the page's headline
    raw = "\n".join(
        [*_MENU, "Home", "Politics", _HEADLINE_TEXT, *_TEASERS, _HEADLINE_TEXT, "By Anna Berg", *_BODY]
        + ["Share this article"]
        + [f"* Footer link number {i}" for i in range(30)]
    )
    art = clean_text(raw)
    assert art.title is not None and art.title.text == _HEADLINE_TEXT
    assert art.title.start == raw.rindex(_HEADLINE_TEXT)
    assert art.raw[art.title.start : art.title.end] == art.title.text
    assert art.byline is not None and art.byline.text == "By Anna Berg"
    assert _HEADLINE_TEXT not in art.text
    # the breadcrumb's copy is now the duplicate, and says of what
    first = raw.index(_HEADLINE_TEXT)
    crumb = next(r for r in art.removed if r.start == first)
    assert crumb.reason == "duplicate" and "title" in crumb.detail
    assert art.raw[crumb.start : crumb.end] == crumb.text == _HEADLINE_TEXT


_HEADLINE_TEXT = "Council closes the old bridge after engineers find cracks"


@pytest.mark.parametrize(
    ("above", "line", "title"),
    [
        ("4. Textarchiv", "5. Erinnerung an die Opfer", "Erinnerung an die Opfer"),
        ("Sport", "1. FC Köln gewinnt das Derby", "1. FC Köln gewinnt das Derby"),
        ("2. Politik", "5. Erinnerung an die Opfer", "5. Erinnerung an die Opfer"),
        ("Politik", "* Council closes the old bridge", "Council closes the old bridge"),
    ],
)
def test_a_headline_loses_a_breadcrumbs_number_only_when_it_continues_the_list(
    above: str, line: str, title: str
) -> None:
    from newsdesk.clean.core import _field_span, _Line

    raw = f"{above}\n{line}"
    ln = _Line(start=len(above) + 1, end=len(raw), text=line)
    span = _field_span(ln, above)
    assert span.text == title
    assert raw[span.start : span.end] == span.text


def test_a_sentence_ending_on_another_scripts_full_stop_is_not_a_candidate() -> None:
    """A Chinese encyclopaedia's first paragraph (two sentences, each ending on "。") was
    taken for the headline of a page whose real title the renderer had left out, and the
    article lost it: a line ending on a full stop of any script is the body's, as one ending
    on "." is.  A short line keeps its chance (a Hindi headline may end on "।")."""
    texts = [
        "蔡健雅图册",
        "蔡健雅（Tanya Chua），1975年1月28日出生于新加坡，祖籍中国江苏省，现定居于台湾。华语流行乐女歌手、音乐制作人、词曲创作人。",
        "सरकार ने नई शिक्षा नीति की घोषणा की, स्कूलों में बदलाव अगले साल से लागू होंगे।",
        "बजट पारित।",
        "Die Stadt schließt die alte Brücke nach Rissen in zwei Pfeilern",
        "The city council voted on Tuesday to close the old bridge after engineers found deep cracks in two of its piers.",
    ]
    words = [1, 25, 14, 2, 11, 21]
    lines = [_Line(t, n) for t, n in zip(texts, words, strict=True)]
    probs = [0.3] * len(lines)
    line_x = np.zeros((len(lines), len(LINE_FEATURES)))
    idx, _ = candidates(lines, probs, line_x, 5, lambda i: 1)
    assert 1 not in idx and 2 not in idx
    assert 3 in idx and 4 in idx


def test_a_japanese_headline_speaks_of_its_article_in_character_pairs() -> None:
    """Japanese and Chinese write no spaces, so a line is one "word" to ``\\w`` and no
    candidate ever shared a word with the article.  Pairs of neighbouring characters carry
    it: the headline shares most of its pairs with the body, the members-only label and the
    bookmark button share none."""
    body = [
        "東京女子医大の元理事長が大学に不正に約一億二千万円を支払わせ、私的に流用した疑いがあるとして、警視庁は元理事長を逮捕した。",
        "警視庁によると、元理事長は業務委託費の名目で大学から資金を支出させ、その一部を自らの口座に移していたとみられる。",
    ]
    heads = ["会員限定記事", "東京女子医大元理事長を逮捕 大学に不正支払い", "はてなブックマーク"]
    lines = [_Line(t, 6) for t in heads] + [_Line(t, 30, 0.3, True) for t in body]
    probs = [0.2, 0.3, 0.2, 0.9, 0.9]
    line_x = np.zeros((len(lines), len(LINE_FEATURES)))
    column = OWN_FEATURES.index("body_words_share")
    idx, x = candidates(lines, probs, line_x, 3, lambda i: 1, pairs=True)
    share = dict(zip(idx, x[:, column].tolist(), strict=True))
    assert share[1] > 0.5
    assert share[0] == 0.0 and share[2] == 0.0
    # as whole runs (a page in a language written with spaces), nothing recurs
    _, x = candidates(lines, probs, line_x, 3, lambda i: 1, pairs=False)
    assert not x[:, column].any()
    # the cleaner compares pairs on a Japanese page
    from newsdesk.clean import headline

    assert "ja" in headline.PAIR_LANGS and "zh" in headline.PAIR_LANGS and "de" not in headline.PAIR_LANGS

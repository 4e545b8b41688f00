"""The third plain-text speed pass (issue 2) gives what the code it replaced gave.

Each test pins one rewrite to the simple version it replaced, on random text with the
awkward cases (combining marks at a line's edges, compatibility characters, astral
characters).  The whole-path check, clean_text JSON before and after on the 3,434 frozen
cases, is recorded in docs/decisions.md.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.clean import core
from newsdesk.clean import features as F
from newsdesk.clean import lexicon as L
from newsdesk.clean.config import CleanConfig
from test_features_speed_equivalence import ref_doc_features

_AWKWARD = "ae\u0301\u0301\u0308\u0327\u1100\u1161\u11a8ﬁ²½…\u00a0（）İß\U0001d7d8\U0001f600 .Å\u212b"
_LINE = st.text(
    alphabet=st.sampled_from(_AWKWARD)
    | st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"),
    max_size=40,
).filter(lambda t: "\n" not in t)
_SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(st.lists(_LINE, max_size=10))
def test_nfkc_line_by_line_equals_nfkc_of_the_page(lines: list[str]) -> None:
    assert L._nfkc_lines(lines) == unicodedata.normalize("NFKC", "\n".join(lines))


def test_nfkc_line_by_line_on_marks_around_the_newline() -> None:
    # a combining mark opening a line must not compose with the previous line's letter
    for lines in (["e", "\u0301x"], ["\u1100", "\u1161"], ["a\u0308", "\u0327"], ["ﬁ…", "\u00a0²"]):
        assert L._nfkc_lines(lines) == unicodedata.normalize("NFKC", "\n".join(lines))


def _old_page_lines(raw: str, cfg: CleanConfig) -> list[tuple[int, int, bool]]:
    """The per-line loop :func:`core._page_lines` replaced."""
    out: list[tuple[int, int, bool]] = []
    hints_at = [m.start() for m in core._GLUE_HINT.finditer(raw)] if cfg.split_glued else []
    for s, e in core._physical_lines(raw):
        parts = None
        if hints_at:
            k = bisect_left(hints_at, s)
            if k < len(hints_at) and hints_at[k] < e:
                parts = core._split_glued(raw, s, e, cfg)
        if parts and len(parts) > 1:
            out.extend((a, b, True) for a, b in parts)
        else:
            out.append((s, e, False))
    return out


_GLUEY = st.lists(
    st.sampled_from(
        [
            "Subscribe now.",
            "Read more!",
            "The minister said.",
            "Cookies",
            "Weather",
            "x",
            " ",
            "\n",
            "\r\n",
            ".",
        ]
    ),
    max_size=30,
).map("".join)


@_SETTINGS
@given(_GLUEY | st.text(max_size=200), st.booleans())
def test_page_lines_equal_the_per_line_loop(raw: str, split_glued: bool) -> None:
    cfg = CleanConfig(split_glued=split_glued)
    got = [(ln.start, ln.end, ln.glued) for ln in core._page_lines(raw, cfg)]
    assert got == _old_page_lines(raw, cfg)
    assert all(ln.text == raw[ln.start : ln.end] for ln in core._page_lines(raw, cfg))


_HEADY = st.lists(
    st.sampled_from(["12", "٣٤", "²", "x", "Page 3 of 10", "a1b22c333", " ", "…", "ﬁ", "İ", "0"]), max_size=30
).map("".join)


@_SETTINGS
@given(st.lists(_HEADY, min_size=1, max_size=12))
def test_shapes_and_prefilters_equal_the_frozen_reference(lines: list[str]) -> None:
    stop = L.stopwords("en")
    got = F.doc_features(lines, stop)
    assert np.array_equal(got, ref_doc_features(lines, stop))


@_SETTINGS
@given(
    st.lists(
        st.sampled_from(
            [
                "http://x",
                "WWW.",
                "@a",
                "#b",
                "x.COM",
                ".de",
                "©",
                "(C)",
                "All Rights Reserved",
                "tous droits",
                "a",
            ]
        ),
        max_size=8,
    ).map(" ".join)
)
def test_one_scan_prefilter_equals_the_substring_tests(text: str) -> None:
    low = text.lower()
    hits = {k for k, _, _ in L.find_all(F._PREFILTER_AC, low)}
    n_url = len(F._URL_KEYS)
    assert any(k < n_url for k in hits) == any(k in low for k in F._URL_KEYS)
    assert any(k >= n_url for k in hits) == any(k in low for k in F._COPY_KEYS)


_URLY = st.lists(
    st.sampled_from(
        [
            "http://a.de",
            "www.x",
            "@b",
            "#c",
            "x.com",
            ".de",
            ".dex",
            "©",
            "(c) 2024",
            "(c)",
            "2024",
            "all rights reserved",
        ]
        + ["tous droits", "a", " ", "\u00a0", "İ"]
    ),
    max_size=10,
).map("".join)


@_SETTINGS
@given(st.lists(_URLY, min_size=1, max_size=10))
def test_pattern_searched_in_keyed_lines_equals_the_page_scan(lines: list[str]) -> None:
    joined = "\n".join(lines)
    low = joined.lower()
    if len(low) != len(joined):
        return
    page = F._Page(lines, joined)
    n_url = len(F._URL_KEYS)
    hits = L.find_all(F._PREFILTER_AC, low)
    for rx, at in (
        (F._L_URLISH, [a for k, a, _ in hits if k < n_url]),
        (F._L_COPYRIGHT, [a for k, a, _ in hits if k >= n_url]),
    ):
        whole = F._lines_hit(rx, low, page.starts, len(lines)) > 0
        if at:
            assert np.array_equal(F._lines_holding_match(rx, low, page.starts, page.ends, at), whole)
        else:
            assert not whole.any()


def test_lower_page_is_lower_for_the_cued_page_and_any_other() -> None:
    lines = ["İstanbul NEWS", "ẞ Straße"]
    L.line_cues(lines)
    joined = "\n".join(lines)
    assert L.lower_page(joined) == joined.lower()
    assert L.lower_page("\n".join([*lines, "X"])) == "\n".join([*lines, "X"]).lower()
    assert L.lower_page("") == ""


def test_hinted_title_and_deck_found_without_a_scan() -> None:
    from newsdesk.clean.config import FieldHints

    raw = (
        "Home\nThe minister resigns after vote\nA short deck about the vote.\n"
        "The minister resigned on Tuesday after a vote in parliament went against him, "
        "officials said in a statement.\nA short deck about the vote.\n"
    )
    hints = FieldHints(title="The minister resigns after vote", deck="A short deck about the vote.")
    art = core.clean_text(raw, hints=hints)
    assert art.title is not None and art.title.text == "The minister resigns after vote"
    assert art.deck is not None and art.deck.text == "A short deck about the vote."
    assert any(r.reason == "duplicate" for r in art.removed)

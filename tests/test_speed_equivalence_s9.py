"""Session 9's plain-text speed-ups give what the code they replaced gave.

The duplicate keys are now made by the stopword count's pass over the page (when the page
allows: :func:`newsdesk.clean.lexicon.keys_page`), the line features' URL and copyright
hits come from the cue scan, and the second-stage context columns are filled in place;
each is pinned here to the per-line or previous version, on text with the awkward cases
(a "_", NFKC-changing and case-folding characters, astral characters, non-ASCII digits).
"""

from __future__ import annotations

import unicodedata

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.clean import core
from newsdesk.clean import features as F
from newsdesk.clean import lexicon as L
from newsdesk.clean import sections as S

_AWKWARD = "aZ09 _.,;:!?…'\"”’»)]|·/>-–—©@#\u00a0ßİıﬁ²½٣३\U0001d7d8é\u0301ΣσςǅⅫ"
_LINE = st.text(
    alphabet=st.sampled_from(_AWKWARD)
    | st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"),
    min_size=1,
    max_size=40,
)
_WORDS = st.sampled_from(["The cookie", "http://x.de", "© 2024 Foo", "Über 12 Straße", "all rights reserved"])
_PAGE = st.lists(_LINE | _WORDS, min_size=1, max_size=12)


def _fresh() -> None:
    F._LAST_PAGE[0] = None
    L._SHARED_KEYS[0] = None
    L._LAST_LOWER[0] = ("", "", [], set())


def _reference_keys(lines: list[str]) -> tuple[list[str], list[str]]:
    return [L.dup_key(t) for t in lines], [L.normalise(t) for t in lines]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PAGE, st.sampled_from(["en", "de", None]))
def test_keys_after_the_stopword_count_are_the_per_line_keys(lines: list[str], lang: str | None) -> None:
    _fresh()
    stop = L.stopwords(lang)
    stats = F.doc_line_stats(lines, stop)
    assert stats == [F.line_stats(t, stop) for t in lines]
    keys, norms = L.dup_keys_and_norms(lines)
    # (the page's keys were made by the count unless it is astral or has many odd lines)
    assert (keys, norms) == _reference_keys(lines)
    # taken once: a second call computes them again, the same
    assert L.dup_keys_and_norms(lines) == (keys, norms)


def test_keys_are_shared_only_for_the_same_page() -> None:
    _fresh()
    F.doc_line_stats(["Hello World 12", "second line"], L.stopwords("en"))
    assert L._SHARED_KEYS[0] is not None
    other = ["Hello World 12", "second  line!"]
    assert L.dup_keys_and_norms(other) == _reference_keys(other)


def test_every_bmp_character_keys_as_before() -> None:
    """Pages holding every BMP code point (with letters and digits around it), through the
    shared path where it is taken (lines it cannot share made one by one), against the
    per-line keys."""
    chars = [chr(cp) for cp in range(0x10000) if not 0xD800 <= cp <= 0xDFFF and cp != 0x0A]
    stop = L.stopwords("en")
    shared = 0
    for at in range(0, len(chars), 48):
        lines = [f"Ab{c}9 x{c}{c}y {c}" for c in chars[at : at + 48]]
        _fresh()
        F.doc_line_stats(lines, stop)
        shared += L._SHARED_KEYS[0] is not None
        assert L.dup_keys_and_norms(lines) == _reference_keys(lines)
    assert shared > len(chars) // 48 // 2


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PAGE)
def test_features_after_the_cue_scan_equal_features_alone(lines: list[str]) -> None:
    stop = L.stopwords("en")
    _fresh()
    alone = F.doc_features(lines, stop)
    _fresh()
    L.line_cues(lines)
    after_cues = F.doc_features(lines, stop)
    assert alone.tobytes() == after_cues.tobytes()


def test_prefilter_hits_of_the_cue_scan_are_the_prefilter_scan() -> None:
    lines = ["Visit www.example.com now", "© 2024 all rights reserved", "plain", "#tag @user http://a.fr"]
    joined = "\n".join(lines)
    _fresh()
    L.line_cues(lines)
    low, hits = L.lower_page_and_prefilter(joined)
    assert low == joined.lower()
    assert sorted(hits) == sorted(L.hits_by_line(L.PREFILTER_AC, L.utf8(low)))
    _fresh()
    assert L.lower_page_and_prefilter(joined) == (low, list(L.hits_by_line(L.PREFILTER_AC, L.utf8(low))))


def _context_reference(p: np.ndarray) -> np.ndarray:
    n = len(p)
    out = np.zeros((n, 6), dtype=np.float64)
    if n == 0:
        return out
    pad = np.concatenate([[0.5, 0.5, 0.5], p, [0.5, 0.5, 0.5]])
    out[:, 0] = p
    out[:, 1] = pad[2 : 2 + n]
    out[:, 2] = pad[4 : 4 + n]
    out[:, 3] = (
        pad[0:n] + pad[1 : 1 + n] + pad[2 : 2 + n] + pad[4 : 4 + n] + pad[5 : 5 + n] + pad[6 : 6 + n]
    ) / 6
    c = np.cumsum(np.concatenate([[0.0], p]))
    idx = np.arange(n)
    out[:, 4] = np.where(idx > 0, c[:n] / np.maximum(idx, 1), 0.5)
    out[:, 5] = np.where(idx < n - 1, (c[n] - c[1 : n + 1]) / np.maximum(n - 1 - idx, 1), 0.5)
    return out


def test_context_features_are_the_previous_ones_bit_for_bit() -> None:
    rng = np.random.default_rng(9)
    for n in (0, 1, 2, 3, 4, 7, 30, 301):
        for _ in range(20):
            p = rng.random(n)
            assert F.context_features(p).tobytes() == _context_reference(p).tobytes()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PAGE)
def test_footer_hints_of_the_cue_scan_are_the_find_scan(lines: list[str]) -> None:
    joined = "\n".join(lines)
    _fresh()
    expected = L.lower_page_and_footer_hints(joined)
    L.line_cues(lines)
    assert L.lower_page_and_footer_hints(joined) == expected


class _Ln:
    def __init__(self, text: str, nw: int) -> None:
        self.text, self.nw, self.role, self.reason, self.detail = text, nw, "body", "", ""


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(_LINE | _WORDS | st.sampled_from(["Read more: x", "Related articles"]), st.integers(0, 60))
    )
)
def test_short_lines_after_the_cue_scan_are_the_short_lines_apart(rows: list[tuple[str, int]]) -> None:
    lines = [_Ln(t, nw) for t, nw in rows]
    expected = S._short_lines_apart(lines)
    _fresh()
    assert S._short_lines(lines) == expected
    L.line_cues([ln.text for ln in lines])
    assert S._short_lines(lines) == expected


def test_the_bmp_decompositions_give_every_bmp_composition_second() -> None:
    every = L._composition_seconds(0x110000)
    assert {c for c in every if ord(c) < 0x10000} == L._composition_seconds()


def test_characters_that_compose_with_their_neighbours_key_as_before() -> None:
    """Combining marks and composition second halves after the letters they join."""
    unsafe = L._bmp_key_unsafe()
    marks = [chr(cp) for cp in range(0x300, 0x370)] + sorted(L._composition_seconds())
    bases = [
        "e",
        "a",
        "o",
        "\u0b47",
        "\u0bc6",
        "\u0cc6",
        "\u0d46",
        "\u1025",
        "\u1b05",
        "\u1100",
        "\uac00",
        "\u3131",
    ]
    lines = [f"x {b}{m} y {b}{m}{m}" for b in bases for m in marks]
    seconds = L._composition_seconds()
    assert all(unsafe[ord(m)] for m in marks if unicodedata.combining(m) or m in seconds)
    _fresh()
    F.doc_line_stats(lines, L.stopwords("en"))
    assert L.dup_keys_and_norms(lines) == _reference_keys(lines)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["end.", "Next", "!", "?", "\u201d", "Über", "ab", " ", "\n", "A.B", "x?\u00bbDe"]),
        max_size=30,
    )
)
def test_glue_hints_by_mark_are_the_glue_hint_matches(parts: list[str]) -> None:
    raw = "".join(parts)
    assert sorted(core._glue_hints(raw)) == [m.start() for m in core._GLUE_HINT.finditer(raw)]

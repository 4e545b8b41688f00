"""The seventh plain-text speed pass gives what the code it replaced gave.

Each rewrite is checked against a plain reference (the per-line definition, or the code it
replaced): on generated awkward text, on long lines (which take the int32 sums), and, when
the shared data is present, on every page of the frozen inputs.  The whole-path check,
clean_text JSON before and after on the 3,434 frozen cases, is recorded with the figures.
"""

from __future__ import annotations

import itertools
from collections import Counter

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import frozen_pages
from newsdesk.clean import core
from newsdesk.clean import features as F
from newsdesk.clean import lexicon as L
from test_features_speed_equivalence import _WORD, ref_is_word

_SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_AWKWARD = " \t\xa0\u3000\x1c\x85|».:?!…a1Z9é٣𝟘²½_\ud800\U0001f600İıſßÉ"
_WORDS = ["The", "photo", "Foto:", "©", "reuters", "ap ", "12", "  ", "x", "...", "»"]
_LINE = st.lists(
    st.sampled_from(_WORDS) | st.text(alphabet=st.sampled_from(_AWKWARD) | st.characters(), max_size=6),
    max_size=12,
).map("".join)
_LINES = st.lists(_LINE, min_size=1, max_size=10)


def _reference_counts(line: str) -> list[int]:
    """What :meth:`features._Page.counts` holds for one line, from str methods."""
    split = line.split()
    return [
        sum(map(str.isalpha, line)),
        sum(map(str.isdigit, line)),
        sum(map(str.isupper, line)),
        sum(map(str.isalnum, line)),
        sum(map(str.isspace, line)),
        len(split),
        sum(1 for w in split if w[0].isupper()),
        len(_WORD.findall(line)),
    ]


def _check_counts(lines: list[str]) -> None:
    lines = [t.replace("\n", " ") for t in lines]
    page = F._Page(lines, "\n".join(lines))
    counts, isword = page.counts()
    assert counts.T.tolist() == [_reference_counts(t) for t in lines]
    joined = "\n".join(lines)
    assert isword.tolist() == [ref_is_word(c) for c in joined]


@_SETTINGS
@given(_LINES)
def test_page_counts_equal_the_per_line_definitions(lines: list[str]) -> None:
    _check_counts(lines)


def test_page_counts_on_long_lines_take_the_wide_sums() -> None:
    # 4,096 characters and more: the space row alone could pass 2**16 in uint16
    long_spaces = " " * 4095 + "a"
    long_words = "Ab " * 5000
    _check_counts([long_spaces, "x", long_words, "", "Zz 9"])
    _check_counts(["", long_words])
    _check_counts([long_spaces])


def test_page_counts_on_the_frozen_pages() -> None:
    for page in itertools.islice(frozen_pages(require=False), 300):
        _check_counts(page.split("\n"))


@_SETTINGS
@given(_LINES, st.booleans())
def test_doc_line_stats_equal_line_stats(lines: list[str], with_stop: bool) -> None:
    lines = [t.replace("\n", " ") for t in lines]
    stop = frozenset({"the", "a", "12", "x", "é"}) if with_stop else None
    F._LAST_PAGE[0] = None
    assert F.doc_line_stats(lines, stop) == [F.line_stats(t, stop) for t in lines]


def test_doc_line_stats_on_a_long_page() -> None:
    lines = ["the " * 6000 + "end.", "a b c d.", "", "x " * 70000]
    stop = frozenset({"the", "a", "x"})
    F._LAST_PAGE[0] = None
    assert F.doc_line_stats(lines, stop) == [F.line_stats(t, stop) for t in lines]


@_SETTINGS
@given(st.lists(st.sampled_from(["a", "b", "", "é", "a b"]), max_size=30))
def test_counts_equal_counter(items: list[str]) -> None:
    assert F._counts(items) == Counter(items)


@_SETTINGS
@given(_LINE)
def test_credit_keyword_automaton_equals_the_substring_tests(text: str) -> None:
    low = text.lower()
    try:
        found = bool(core._CREDIT_KEY_AC.find_matches_as_indexes(low))
    except UnicodeEncodeError:
        return  # (_credit falls back to the substring tests themselves)
    assert found == any(k in low for k in core._CREDIT_KEYS)


@_SETTINGS
@given(st.lists(st.sampled_from([0x20, 0x20, 0x0A, 0x61, 0x62, 0x4E2D]), max_size=40))
def test_squeeze_spaces_equals_split_and_join(codes: list[int]) -> None:
    chars = np.asarray(codes, dtype=np.uint16)
    text = "".join(map(chr, codes))
    got = L._squeeze_spaces(chars).tobytes().decode("utf-16-le")
    assert got == "\n".join(" ".join(t.split()) for t in text.split("\n"))


@_SETTINGS
@given(st.lists(st.booleans(), min_size=1, max_size=120))
def test_prose_rows_equal_the_loops(prose: list[bool]) -> None:
    dist, first, last = F._prose_rows(np.asarray(prose, dtype=bool))
    prev, nxt = F._prose_distance_loops(prose)
    assert dist.tobytes() == np.minimum(np.asarray([prev, nxt]), 50).tobytes()
    at = [i for i, p in enumerate(prose) if p]
    assert (first, last) == ((at[0], at[-1]) if at else (len(prose), -1))


@_SETTINGS
@given(_LINES)
def test_bullet_rows_equal_the_head_test(lines: list[str]) -> None:
    lines = [t.replace("\n", " ") for t in lines]
    heads = F._FIRST_WORD.findall("\n" + "\n".join(lines))
    expected = np.zeros(len(heads))
    for i, h in enumerate(heads):
        if h[-1:] in F._BULLET_ENDS and (h in F._BULLET_MARKS or (h[-1] in ".)" and h[:-1].isdecimal())):
            expected[i] = len(lines[i].lstrip()) > len(h)
    assert F._bullet_rows(lines, heads).tolist() == expected.tolist()


def _squeeze_spaces_pass6(chars: np.ndarray) -> np.ndarray:
    """lexicon._squeeze_spaces as it was before this pass (two comparisons a mask)."""
    if len(chars) == 0:
        return chars
    sp = chars == 0x20
    after_gap = np.empty(len(chars), dtype=bool)
    after_gap[0] = True
    np.logical_or(sp[:-1], chars[:-1] == 0x0A, out=after_gap[1:])
    kept = chars[~(sp & after_gap)]
    if len(kept) == 0:
        return kept
    before_end = np.empty(len(kept), dtype=bool)
    before_end[-1] = True
    np.equal(kept[1:], 0x0A, out=before_end[:-1])
    return kept[~((kept == 0x20) & before_end)]


@_SETTINGS
@given(
    st.lists(st.sampled_from([0x20, 0x20, 0x0A, 0x30, 0x61, 0x5F, 0x4E2D, 0xD7FF]), max_size=40),
    st.sampled_from([np.uint16, np.uint32]),
)
def test_squeeze_spaces_equals_the_pass6_masks(codes: list[int], dtype: type) -> None:
    chars = np.asarray(codes, dtype=dtype)
    got, old = L._squeeze_spaces(chars), _squeeze_spaces_pass6(chars)
    assert got.dtype == old.dtype and got.tobytes() == old.tobytes()


def _context_features_pass6(p: np.ndarray) -> np.ndarray:
    """features.context_features as it was before this pass (a running window sum)."""
    n = len(p)
    out = np.empty((n, 6), dtype=np.float64)
    pad = np.full(n + 6, 0.5)
    pad[3 : 3 + n] = p
    out[:, 0] = p
    out[:, 1] = pad[2 : 2 + n]
    out[:, 2] = pad[4 : 4 + n]
    win = pad[0:n] + pad[1 : 1 + n]
    win += pad[2 : 2 + n]
    win += pad[4 : 4 + n]
    win += pad[5 : 5 + n]
    win += pad[6 : 6 + n]
    np.divide(win, 6, out=out[:, 3])
    c = np.empty(n + 1)
    c[0] = 0.0
    np.cumsum(p, out=c[1:])
    idx = np.arange(n)
    np.divide(c[:n], np.maximum(idx, 1), out=out[:, 4])
    np.subtract(c[n], c[1 : n + 1], out=out[:, 5])
    out[:, 5] /= np.maximum(n - 1 - idx, 1)
    out[0, 4] = 0.5
    out[n - 1, 5] = 0.5
    return out


@_SETTINGS
@given(st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=1, max_size=200))
def test_context_features_equal_the_running_sum(probs: list[float]) -> None:
    p = np.asarray(probs, dtype=np.float64)
    got, old = F.context_features(p), _context_features_pass6(p)
    assert got.flags.c_contiguous and got.tobytes() == old.tobytes()


def test_context_features_on_random_pages() -> None:
    rng = np.random.default_rng(7)
    for n in [*range(1, 40), 81, 200, 1000]:
        p = 1 / (1 + np.exp(-rng.normal(0, 4, n)))
        assert F.context_features(p).tobytes() == _context_features_pass6(p).tobytes()

"""The sixth plain-text speed pass gives what the code it replaced gave.

Each rewrite is checked against the code it replaced (kept here, or still in the module
under its old name): on generated awkward text and, when the shared data is present, on
every page of the frozen inputs.  The whole-path check, clean_text JSON before and after on
the 3,434 frozen cases, is recorded with the figures.
"""

from __future__ import annotations

import itertools
import re
import sys

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import frozen_pages
from newsdesk import lang
from newsdesk.clean import features as F
from newsdesk.clean import lexicon as L

_SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: separators, bullets, digits of several scripts, spaces of several kinds, dates and month
#: words, surrogates, astral and odd-case letters
_AWKWARD = " \t\xa0\u3000\u2028\x1c\x85|»›•·/>-*–—▪►.):a1Z9é٣𝟘²½_\ud800\udc00\U0001f600\U0001d7d8İıſß"
_WORDS = ["jan", "mars", "déc", "août", "dec", "12", "2024", "05", "1.", "3)", "- ", "• ", "  ", "x"]
_LINE = st.lists(
    st.sampled_from(_WORDS) | st.text(alphabet=st.sampled_from(_AWKWARD) | st.characters(), max_size=6),
    max_size=10,
).map("".join)
_LINES = st.lists(_LINE, max_size=10)


def _starts(lines: list[str]) -> np.ndarray:
    starts = np.zeros(len(lines), dtype=np.int64)
    if lines:
        np.cumsum(np.asarray([len(t) + 1 for t in lines[:-1]], dtype=np.int64), out=starts[1:])
    return starts


# -- features: separator characters found by str.find -----------------------------------------


@_SETTINGS
@given(_LINES)
def test_separator_positions_equal_the_character_class_scan(lines: list[str]) -> None:
    joined = "\n".join(lines)
    assert F._separator_positions(joined) == [m.start() for m in F._ANY_SEP.finditer(joined)]


def test_separator_positions_on_the_frozen_pages() -> None:
    for page in itertools.islice(frozen_pages(require=False), 3000):
        assert F._separator_positions(page) == [m.start() for m in F._ANY_SEP.finditer(page)]


# -- features: bullets from the lines' first words ----------------------------------------------


def _old_bullets(lines: list[str]) -> np.ndarray:
    joined = "\n".join(lines)
    return F._lines_hit(F._NL_BULLET, "\n" + joined, _starts(lines), len(lines)) > 0


def _new_bullets(lines: list[str]) -> np.ndarray:
    return F._bullet_rows(lines, F._FIRST_WORD.findall("\n" + "\n".join(lines)))


@_SETTINGS
@given(_LINES.filter(bool).map(lambda ls: [t.replace("\n", " ") for t in ls]))
def test_bullets_from_first_words_equal_the_bullet_scan(lines: list[str]) -> None:
    """(``doc_features`` returns before this on a page of no lines.)"""
    assert np.array_equal(_new_bullets(lines), _old_bullets(lines))


@pytest.mark.parametrize(
    "line",
    [
        "- a",
        "-",
        "- ",
        " - a",
        "1. a",
        "1.",
        "1.a",
        "12) x",
        "١. x",
        "𝟘. x",
        "1- a",
        "a. b",
        "•\u3000x",
        "* ",
        "▪",
    ],
)
def test_bullets_on_edge_lines(line: str) -> None:
    assert np.array_equal(_new_bullets([line, "x"]), _old_bullets([line, "x"]))


def test_regex_digit_is_isdecimal_on_every_code_point() -> None:
    digit = re.compile(r"\d")
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        assert (digit.fullmatch(ch) is not None) == ch.isdecimal(), hex(cp)


def test_bullets_on_the_frozen_pages() -> None:
    for page in itertools.islice(frozen_pages(require=False), 3000):
        lines = [t.strip() for t in page.splitlines() if t.strip()]
        assert np.array_equal(_new_bullets(lines), _old_bullets(lines))


# -- features: date-like short lines, numeric and month branches apart ---------------------------


@_SETTINGS
@given(_LINES.map(lambda ls: [t.replace("\n", " ").lower() for t in ls]))
def test_dateish_rows_equal_the_whole_pattern(lines: list[str]) -> None:
    low = "\n".join(lines)
    starts = _starts(lines)
    ends = starts + np.asarray([len(t) for t in lines], dtype=np.int64)
    expected = F._lines_hit(F._L_DATEISH, low, starts, len(lines)) > 0
    assert np.array_equal(F._dateish_rows(low, starts, ends), expected)


@pytest.mark.parametrize(
    "line",
    [
        "12.05.2024",
        "x12.05.2024",
        "2024-05-12",
        "12:30",
        "a12:30",
        "mars 12",
        "xmars 12",
        "déc. 2024",
        "août  5",
    ],
)
def test_dateish_rows_on_edge_lines(line: str) -> None:
    lines = ["a", line, "b"]
    low = "\n".join(lines)
    starts = _starts(lines)
    ends = starts + np.asarray([len(t) for t in lines], dtype=np.int64)
    expected = F._lines_hit(F._L_DATEISH, low, starts, 3) > 0
    assert np.array_equal(F._dateish_rows(low, starts, ends), expected)


def test_dateish_split_covers_the_pattern() -> None:
    """The numeric and month patterns are the whole pattern's branches."""
    pattern = F._L_DATEISH.pattern
    assert pattern.endswith(F._L_DATE_MONTH.pattern)
    assert pattern[: F._DATE_MONTH_AT].count("|") == 3


# -- features: a page's code points in the narrowest array ---------------------------------------


@_SETTINGS
@given(_LINES.map(lambda ls: [t.replace("\n", " ") for t in ls]))
def test_page_bits_equal_the_utf32_gather(lines: list[str]) -> None:
    joined = "\n".join(lines)
    page = F._Page(lines, joined)
    assert np.array_equal(page.cps, F._codepoints(joined))
    assert np.array_equal(page.flags, F._flags_of(joined, F._codepoints(joined)))


@_SETTINGS
@given(_LINES.map(lambda ls: [t.replace("\n", " ") for t in ls]), st.booleans())
def test_doc_line_stats_equal_the_per_line_stats(lines: list[str], with_stop: bool) -> None:
    stop = frozenset({"jan", "x", "a", "é", "ß", "ss"}) if with_stop else None
    F._LAST_PAGE[0] = None
    assert F.doc_line_stats(lines, stop) == [F.line_stats(t, stop) for t in lines]


# -- lang: letters counted up to the last one needed ------------------------------------------


def _old_judgeable(line: str) -> bool:
    if len(line) < lang.MIN_LINE_LETTERS:
        return False
    words = 0
    head = line.split(None, lang._FIRST_WORDS)
    rest = head.pop() if len(head) > lang._FIRST_WORDS else ""
    for w in itertools.chain(head, rest.split()) if rest else head:
        if w.isalpha() or any(map(str.isalpha, w)):
            words += 1
            if words >= lang.MIN_LINE_WORDS:
                break
    return words >= lang.MIN_LINE_WORDS and (
        lang._letters(line[:64]) >= lang.MIN_LINE_LETTERS or lang._letters(line) >= lang.MIN_LINE_LETTERS
    )


@_SETTINGS
@given(_LINE)
def test_judgeable_equals_the_counting_version(line: str) -> None:
    assert lang.judgeable(line) == _old_judgeable(line)


@pytest.mark.parametrize("n", [13, 14, 15, 16, 70])
def test_judgeable_at_the_letter_floor(n: int) -> None:
    for line in ("ab cd " + "x" * n, "a b c " + "1" * 60 + "y" * n, "a1 b2 c3 " + "é" * n):
        assert lang.judgeable(line) == _old_judgeable(line)


# -- lexicon: keys of BMP pages in 16-bit units ------------------------------------------------


@pytest.mark.parametrize(
    "lines",
    [
        ["a\ud800b", "\udc00 1"],
        ["\ud83d\ude00 x", "y 2"],
        ["ﬁ 1", "½ a"],
        ["µ 3", "ß"],
        ["\U0001f600 9", "a"],
    ],
)
def test_keys_and_norms_with_surrogates_and_astral_characters(lines: list[str]) -> None:
    keys, norms = L.dup_keys_and_norms(lines)
    assert keys == [L.dup_key(t) for t in lines]
    assert norms == [L.normalise(t) for t in lines]

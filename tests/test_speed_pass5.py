"""The fifth plain-text speed pass gives what the code it replaced gave.

Each rewrite is checked against the code it replaced, kept here: on generated awkward
text (line separators of every kind, whitespace, closers, astral and odd-case characters)
and, when the shared data is present, on every page of the frozen inputs.  The whole-path
check, clean_text JSON before and after on the 3,434 frozen cases, is recorded with the
figures.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import frozen_pages
from newsdesk.clean import core as C
from newsdesk.clean import features as F
from newsdesk.clean import sections as S

_SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: characters that make lines awkward: every separator str.splitlines knows, other
#: whitespace, closers and sentence ends, a colon, ellipses, astral and odd-case letters
_AWKWARD = (
    "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029 \t\xa0\u3000"
    "\"'”’»)]"
    ".!?…。！？:"
    "aZé1_|»›•·/>-–—"
    "\U0001d400\U0001f600İıſ\u0307ß"
)
_TEXT = st.text(alphabet=st.sampled_from(_AWKWARD) | st.characters(), max_size=80)
_LINE = st.text(alphabet=st.sampled_from(_AWKWARD.replace("\n", "")) | st.characters(), max_size=40).filter(
    lambda t: "\n" not in t
)


def _frozen_pages() -> Iterator[str]:
    return frozen_pages(require=False)


# -- core: line objects in the splitting loop ----------------------------------------------


def _old_line_objects(raw: str) -> list[tuple[int, int, str]]:
    return [(s, e, raw[s:e]) for s, e in C._physical_lines(raw)]


def _new_line_objects(raw: str) -> list[tuple[int, int, str]]:
    return [(ln.start, ln.end, ln.text) for ln in C._line_objects(raw)]


@_SETTINGS
@given(_TEXT)
def test_line_objects_equal_the_physical_lines(raw: str) -> None:
    assert _new_line_objects(raw) == _old_line_objects(raw)


def test_line_objects_on_the_frozen_pages() -> None:
    n = 0
    for raw in _frozen_pages():
        assert _new_line_objects(raw) == _old_line_objects(raw)
        n += 1
    if n == 0:
        pytest.skip("no shared data")


# -- features: line ends from the page's bits ------------------------------------------


def _old_tail(lines: Sequence[str]) -> tuple[list[bool], list[bool]]:
    lasts = [t.rstrip(F._STRIPPED)[-1:] for t in lines]
    return [c in F._SENT_END for c in lasts], [c == ":" for c in lasts]


def _new_tail(lines: Sequence[str]) -> tuple[list[bool], list[bool]]:
    page = F._Page(lines, "\n".join(lines))
    sent, colon, _ = page.tail()
    return sent.tolist(), colon.tolist()


@_SETTINGS
@given(st.lists(_LINE, min_size=1, max_size=12))
def test_tail_equals_rstrip_per_line(lines: list[str]) -> None:
    assert _new_tail(lines) == _old_tail(lines)


@pytest.mark.parametrize(
    "lines",
    [[""], ["", ""], ["a:", ""], ["", "a."], ["x »", "y :", ":"], [" ", "“Yes.”", "No…)"], ["\U0001f600."]],
)
def test_tail_on_edge_pages(lines: list[str]) -> None:
    assert _new_tail(lines) == _old_tail(lines)


@_SETTINGS
@given(_TEXT)
def test_flags_by_take_equal_the_per_character_bits(text: str) -> None:
    flags = F._flags_of(text, F._codepoints(text))
    assert flags.tolist() == [F._class_bits(ch) for ch in text]


# -- sections: each short line's first letters from one scan -----------------------------


@dataclass
class _Ln:
    text: str
    nw: int


def _old_phrases(lines: Sequence[_Ln]) -> set[int]:
    idx = [i for i, ln in enumerate(lines) if ln.nw <= S.FOOTER_MAX_WORDS]
    texts = [lines[i].text for i in idx]
    joined = "\n".join(texts)
    low = joined.lower()
    lows = low.split("\n") if len(low) == len(joined) else [t.lower() for t in texts]
    out = set()
    for k, t in enumerate(lows):
        h = t.lstrip(S._LEAD)[: S._HEAD_CHARS]
        if h in S._HEADS or (not h.isascii() and (not h[0].isalpha() or not S._ODD_LOWER.isdisjoint(h))):
            out.add(idx[k])
    return out


_HEADISH = st.sampled_from(
    ["Related articles", "12 comments", "— Lesen Sie auch", "Read more:", "İ", "ſee also"]
)


@_SETTINGS
@given(st.lists(st.one_of(_LINE, _HEADISH, st.tuples(_LINE, _HEADISH).map("".join)), min_size=1, max_size=12))
def test_short_line_heads_equal_the_per_line_strip(texts: list[str]) -> None:
    lines = [_Ln(t, len(t.split())) for t in texts]
    assert S._short_lines(lines)[1] == _old_phrases(lines)


def test_short_line_heads_on_the_frozen_pages() -> None:
    n = 0
    for raw in _frozen_pages():
        lines = [_Ln(ln.text, len(ln.text.split())) for ln in C._line_objects(raw)]
        if lines:
            assert S._short_lines(lines)[1] == _old_phrases(lines)
        n += 1
    if n == 0:
        pytest.skip("no shared data")


def test_take_and_fancy_indexing_agree_on_uint32_indices() -> None:
    table = np.arange(0x10000, dtype=np.uint32).astype(np.uint8)
    cps = np.frombuffer("abc\uffffé".encode("utf-32-le"), dtype=np.uint32)
    assert table.take(cps).tolist() == table[cps].tolist()

"""The eighth plain-text speed pass gives what the code it replaced gave.

Each rewrite is checked against the code it replaced, on generated text holding every
line break ``str.splitlines`` knows, blank and space-padded lines.  The whole-path check,
clean_text JSON before and after on the 3,434 frozen cases, is recorded with the figures.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.clean import core

_SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_PIECES = ["\n", "\r\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
_PIECES += [" ", "\t", "\xa0", "\u3000", "word", "é", "a b", "12", "\ud800", "\U0001f600"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)
_NL_TEXT = st.lists(st.sampled_from(["\n", " ", "\t", "\xa0", "word", "é", "a b", "\n\n"]), max_size=30).map(
    "".join
)


def _reference_line_objects(raw: str) -> list[tuple[int, int, str]]:
    """The seventh pass's ``_line_objects``: ``splitlines(True)`` for every text."""
    out = []
    pos = 0
    for seg in raw.splitlines(True):
        left = seg.lstrip()
        if left:
            text = left.rstrip()
            start = pos + len(seg) - len(left)
            out.append((start, start + len(text), text))
        pos += len(seg)
    return out


@_SETTINGS
@given(_TEXT | _NL_TEXT)
def test_line_objects_equal_the_splitlines_loop(raw: str) -> None:
    got = [(ln.start, ln.end, ln.text) for ln in core._line_objects(raw)]
    assert got == _reference_line_objects(raw)
    assert all(raw[s:e] == t for s, e, t in got)


def test_every_other_line_break_is_listed() -> None:
    """The split by "\\n" applies only when no other ``splitlines`` break is in the text."""
    breaks = {chr(c) for c in range(0x110000) if len(("a" + chr(c) + "b").splitlines()) == 2}
    assert breaks - {"\n"} == set(core._OTHER_LINE_BREAKS)


@_SETTINGS
@given(st.lists(st.text(max_size=12), min_size=1, max_size=20))
def test_longest_lines_are_the_sorted_lines(probe: list[str]) -> None:
    at = core._longest_lines(probe)
    assert [probe[i] for i in at] == sorted(probe, key=len, reverse=True)[:8]
    assert at == sorted(range(len(probe)), key=list(map(len, probe)).__getitem__, reverse=True)[:8]

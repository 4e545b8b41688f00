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


_KEY_LINE = st.lists(
    st.sampled_from(["_", "__", "a_b", "The", " ", "12", "x9_", "ß", "²", "é", "\u0301", "ﬁ", ".", "İ", "Σ"]),
    min_size=1,
    max_size=10,
).map("".join)


@_SETTINGS
@given(st.lists(_KEY_LINE, min_size=1, max_size=8), st.booleans())
def test_underscore_lines_key_as_the_per_line_keys(lines: list[str], ascii_only: bool) -> None:
    """A line holding "_" keys from the page's keys (a line holding another odd character
    still goes the per-line way); both against :func:`dup_key` and :func:`normalise`."""
    from newsdesk.clean import features as F
    from newsdesk.clean import lexicon as L

    if ascii_only:
        lines = [t.encode("ascii", "ignore").decode("ascii") or "_" for t in lines]
    F._LAST_PAGE[0] = None
    L._SHARED_KEYS[0] = None
    F.doc_line_stats(lines, L.stopwords("en"))
    assert L._SHARED_KEYS[0] is not None  # (the page's keys, not the per-line path)
    keys, norms = L.dup_keys_and_norms(lines)
    assert keys == [L.dup_key(t) for t in lines]
    assert norms == [L.normalise(t) for t in lines]

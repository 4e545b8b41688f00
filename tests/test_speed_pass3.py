"""The third plain-text speed pass (issue 2) gives what the code it replaced gave.

Each test pins one rewrite to the simple version it replaced, on random text with the
awkward cases (combining marks at a line's edges, compatibility characters, astral
characters).  The whole-path check, clean_text JSON before and after on the 3,434 frozen
cases, is recorded in docs/decisions.md.
"""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.clean import lexicon as L

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

"""The plain-text path's speed-ups give what the code they replaced gave.

Each test pins one rewrite (issue 2, 500 documents per CPU-second) to the simple version
it replaced, on random text that includes the awkward cases (astral characters, non-ASCII
digits, NFKC-changing characters, "İ" whose lower case is longer, every line break).
The whole-path check, clean_text JSON before and after on turku-lines and the rendered
trafilatura-eval pages, is recorded in docs/decisions.md.
"""

from __future__ import annotations

import re

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk import lang
from newsdesk.clean import core
from newsdesk.clean import features as F
from newsdesk.clean import lexicon as L
from newsdesk.clean.linemodel import _sigmoid

#: characters that exercise the special cases of the rewritten functions
_AWKWARD = (
    "aZ09 _.,;:!?…'\"”’»)]|»›•·/>-–—©@#"
    "\u00a0\u2003\t\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
    "ßİıﬁ²½٣३߂\U0001d7d8\U0001f600é\u0301"
)
_TEXT = st.text(alphabet=st.sampled_from(_AWKWARD) | st.characters(blacklist_categories=("Cs",)), max_size=80)
_WORDY = st.lists(
    st.sampled_from(
        [
            "cookie",
            "Newsletter",
            "follow us on twitter",
            "Photo: AP",
            "share this article",
            "Read more",
            "12",
            "٣٤",
            "x.com",
            "Home >",
            "©2024",
            "İstanbul",
            "ﬁle",
            "…",
            "...",
            "the",
            "and",
            "Menu",
            "rss",
            "FaceBook",
            "TWITTER",
            "xing.com",
            "subscribe to continue reading",
            "Donate",
            " ",
        ]
    ),
    max_size=12,
).map(" ".join)
_LINE_TEXT = _TEXT | _WORDY
_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_DIGIT_RUN = re.compile(r"\d+")


def _old_physical_lines(raw: str) -> list[tuple[int, int]]:
    out = []
    for m in core._LINE.finditer(raw):
        s, e = m.start(), m.end()
        seg = raw[s:e]
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg.rstrip())
        if rs > ls:
            out.append((s + ls, s + rs))
    return out


@_SETTINGS
@given(st.lists(_LINE_TEXT, max_size=12).map("\n".join) | _TEXT)
def test_physical_lines_by_splitlines_equal_the_regex(raw: str) -> None:
    assert core._physical_lines(raw) == _old_physical_lines(raw)


@_SETTINGS
@given(st.lists(_LINE_TEXT.map(str.strip).filter(bool), max_size=15))
def test_keys_and_norms_in_one_pass_equal_the_separate_calls(lines: list[str]) -> None:
    keys, norms = L.dup_keys_and_norms(lines)
    assert keys == L.dup_keys(lines) == [L.dup_key(t) for t in lines]
    assert norms == [L.normalise(t) for t in lines]
    L._norms_of_keys.cache_clear()
    assert list(L.normalise_many(lines, keys)) == norms


@_SETTINGS
@given(_TEXT)
def test_digits_blanked_at_once_equal_the_digit_run_substitution(text: str) -> None:
    blanked = L._blank_digits(text)
    assert len(blanked) == len(text)
    assert " ".join(blanked.split()) == " ".join(_DIGIT_RUN.sub(" ", text).split())


def test_decimal_table_is_what_re_calls_a_digit() -> None:
    table = L._bmp_decimals()
    digit = re.compile(r"\d")
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        assert bool(table[cp]) == (digit.match(chr(cp)) is not None), hex(cp)


@_SETTINGS
@given(st.lists(_LINE_TEXT.map(lambda t: t.replace("\n", " ")), max_size=12))
def test_cue_lines_found_in_one_scan_equal_the_per_line_cues(lines: list[str]) -> None:
    L._cues.cache_clear()
    assert L.line_cues(lines) == [L._cues(t) for t in lines]


@_SETTINGS
@given(_LINE_TEXT, st.integers(0, 60), st.booleans(), st.booleans())
def test_rule_fast_path_only_skips_lines_the_rules_leave(text: str, nw: int, sent: bool, nets: bool) -> None:
    cue = L._cues(text)
    norm = L.normalise(text)
    skipped = (
        not cue
        and (nw > 8 or sent or not nets)
        and (nw > 6 or norm not in L.LABELS)
        and (nw > 8 or sent or not L.is_label_row(norm))
    )
    if skipped:
        assert L.match_rules(text, nw, sent, cue, norm=norm, networks=nets) is None


@_SETTINGS
@given(st.lists(_LINE_TEXT, max_size=8).map("\n".join))
def test_one_scan_for_credit_keys_and_network_names(raw: str) -> None:
    lines = [core._Line(s, e, raw[s:e]) for s, e in core._physical_lines(raw)]
    raw_low = raw.lower()
    with_key, networks, named = core._lines_with_credit_key(raw, raw_low, lines)
    assert networks == L.page_names_network(raw_low)
    if with_key is not None:
        first = {}
        for i, ln in enumerate(lines):
            found = [ln.text.lower().find(k) for k in core._CREDIT_KEYS]
            if any(f >= 0 for f in found):
                first[i] = min(f for f in found if f >= 0)
        # every line holding a keyword, with its first keyword's offset: a credit search
        # starting there (less an opening parenthesis and spaces) misses no match
        assert with_key == first
    if named is not None:
        assert named == {i for i, ln in enumerate(lines) if L.page_names_network(ln.text.lower())}
        for i, ln in enumerate(lines):  # the network pattern is skipped only where it cannot match
            if i not in named and ln.text.isascii():
                assert L.network_search(ln.text) is None


@_SETTINGS
@given(_LINE_TEXT)
def test_date_line_prefilter(text: str) -> None:
    assert core._is_date_line(text) == (core._DATE_LINE.search(text) is not None)


def test_date_line_prefilter_on_dates() -> None:
    for text in ("5 March 2024", "2024-03-05", "March 5, 2024", "05.03.2024", "Published ٥ March ٢٠٢٤"):
        assert core._is_date_line(text) == (core._DATE_LINE.search(text) is not None)


@_SETTINGS
@given(st.lists(st.booleans(), min_size=0, max_size=300))
def test_prose_distance_numpy_equals_the_loops(prose: list[bool]) -> None:
    arr = np.asarray(prose, dtype=bool)
    old = F._prose_distance_loops(prose)
    saved = F._PROSE_LOOP_MAX_LINES
    try:
        F._PROSE_LOOP_MAX_LINES = -1  # always the numpy way
        new = F._prose_distance(arr)
    finally:
        F._PROSE_LOOP_MAX_LINES = saved
    assert all(np.array_equal(a, b) for a, b in zip(old, new, strict=True))


def test_sigmoid_in_place_equals_the_expression() -> None:
    rng = np.random.default_rng(0)
    z = np.concatenate([rng.normal(0, 20, 50_000), [np.nan, np.inf, -np.inf, -0.0, 0.0, 30, -30, 31, -31]])
    expected = np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))))
    got = _sigmoid(z.copy())
    assert np.array_equal(expected, got, equal_nan=True)


def test_cached_tables_are_read_only() -> None:
    for arr in (*F._window_index(7, (2, 5)), F._position_columns(7), *F._context_counts(7), F._log_thirds(4)):
        assert not arr.flags.writeable


def _old_judgeable(line: str) -> bool:
    if len(line) < lang.MIN_LINE_LETTERS:
        return False
    words = 0
    for w in line.split():
        if w.isalpha() or any(map(str.isalpha, w)):
            words += 1
            if words >= lang.MIN_LINE_WORDS:
                break
    return words >= lang.MIN_LINE_WORDS and lang._letters(line) >= lang.MIN_LINE_LETTERS


@_SETTINGS
@given(
    _LINE_TEXT
    | st.lists(st.sampled_from(["a", "bb", "123", "--", "x1", "ééé", "\u2003", "word"]), max_size=40).map(
        " ".join
    )
)
def test_judgeable_from_the_first_words_equals_the_whole_split(line: str) -> None:
    assert lang.judgeable(line) == _old_judgeable(line)


_SEP_TOKENS = [*" \t\u00a0\u2003|»›•·/>ab", " | ", " / ", "||", "\U0001f600", "\n"]
_J_SEPARATORS = re.compile(r"[^\S\n][|»›•·/>][^\S\n]|[^\S\n][|»›•·]$|^[|»›•·][^\S\n]", re.MULTILINE)


@_SETTINGS
@given(st.lists(st.lists(st.sampled_from(_SEP_TOKENS), max_size=30).map("".join), min_size=1, max_size=6))
def test_separators_by_loop_equal_the_numpy_version_and_the_regex(lines: list[str]) -> None:
    """The Python loop for pages with few separator characters and the numpy version for
    the others count what the separator regex counts, dense overlapping runs included."""
    lines = [t.replace("\n", " ") for t in lines]
    joined = "\n".join(lines)
    page = F._Page(lines, joined)
    found = [m.start() for m in F._ANY_SEP.finditer(joined)]
    starts = page.starts
    expected = np.zeros(len(lines))
    for m in _J_SEPARATORS.finditer(joined):
        expected[np.searchsorted(starts, m.start(), side="right") - 1] += 1
    assert np.array_equal(F._separators_loop(page, found), expected)
    saved = F._SEP_LOOP_MAX
    try:
        F._SEP_LOOP_MAX = -1  # force the numpy version
        assert np.array_equal(F._separators_per_line(page), expected)
    finally:
        F._SEP_LOOP_MAX = saved
    assert np.array_equal(F._separators_per_line(page), expected)


def _line(text: str, role: str | None) -> core._Line:
    ln = core._Line(0, len(text), text)
    ln.role = role
    return ln


def test_body_probe_skipped_only_for_a_sure_guess_read_mostly_from_body() -> None:
    """The page probe stands for the body's language when every longest line is body, or
    when it was sure and body lines hold at least the trusted share of what it read."""
    texts = ["a" * 60, "b" * 30, "c" * 10]
    sure, unsure = lang.LangGuess("en", 0.99), lang.LangGuess("en", 0.6)
    all_body = [_line(t, "body") for t in texts]
    assert core._longest_mostly_body(all_body, texts, unsure)
    mostly = [_line(texts[0], "body"), _line(texts[1], "removed"), _line(texts[2], "body")]  # 70 %
    assert core._longest_mostly_body(mostly, texts, sure)
    assert not core._longest_mostly_body(mostly, texts, unsure)
    little = [_line(texts[0], "removed"), _line(texts[1], "body"), _line(texts[2], "body")]  # 40 %
    assert not core._longest_mostly_body(little, texts, sure)


@_SETTINGS
@given(st.lists(_LINE_TEXT.map(lambda t: t.replace("\n", " ")), min_size=1, max_size=12))
def test_first_words_in_one_scan_equal_the_per_line_split(lines: list[str]) -> None:
    """``\\s`` and ``str.split()`` agree on every whitespace character (the awkward line
    breaks other than newline included)."""
    expected = [w[0] if w else "" for w in (t.split(None, 1) for t in lines)]
    assert F._FIRST_WORD.findall("\n" + "\n".join(lines)) == expected


def test_first_word_scan_on_every_whitespace_character() -> None:
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace() and chr(c) != "\n"]
    lines = [f"{s}a{s}b" for s in spaces] + [f"x{s}" for s in spaces]
    expected = [t.split(None, 1)[0] for t in lines]
    assert F._FIRST_WORD.findall("\n" + "\n".join(lines)) == expected


#: :data:`core._DATE_LINE` as it was written before its branches' first digit was taken
#: ahead of them (session 35): the reference its matches are held to
_DATE_LINE_BRANCHES = re.compile(
    r"(?:19|20)\d{2}(?:/\d{1,2}/|\.\s?\d{1,2}\.\s?)\d{1,2}(?!\d)|[1۱١][34۳۴٣٤]\d{2}/\d{1,2}/\d{1,2}(?!\d)|\d{4}-\d{2}-\d{2}|\d{4}\s?[年년]\s?\d{1,2}\s?[月월]\s?\d{1,2}|\d{1,2}(?:[./-]\d{1,2}[./-](?:\d{4}|\d{2}(?!\d))|\.\s\d{1,2}\.\s?\d{4}"
    r"|(?:\.\s*|\s+)(?:de\s+)?(?:[^\W\d_]{3,10}|دی|[\u0900-\u0dff]{2,14})(?:\.\s*|,?\s+)(?:de\s+)?\d{4}"
    r"|\s+tháng\s+\d{1,2},?\s+(?:năm\s+)?\d{4}"
    r"|\.\s?[^\W\d_]{3,4}\.\s?\d{2}(?!\d)|(?P<mdy>,?\s+\d{4}))"
)
_DATE_PIECES = st.lists(
    st.sampled_from(
        ["1", "2", "9", "0", "19", "20", "2024", "1403", "۱", "١", "۳", "٣", "٤", "3", "4", ".", "/", "-", " ",
         "  ", ", ", ". ", "de ", "Juni", "janvier", "tháng", "năm", "年", "월", "日", "दिसंबर", "دی", "Mär"]
    ),
    max_size=14,
).map("".join)  # fmt: skip


@_SETTINGS
@given(
    # strings holding a match of either pattern, so a branch one of them takes and the other
    # does not would show
    st.from_regex(_DATE_LINE_BRANCHES) | st.from_regex(core._DATE_LINE) | _DATE_PIECES | _LINE_TEXT
)
def test_date_line_with_its_first_digit_ahead_matches_as_its_branches(text: str) -> None:
    def found(rx: re.Pattern[str]) -> list[tuple[tuple[int, int], str | None]]:
        return [(m.span(), m.group("mdy")) for m in rx.finditer(text)]

    assert found(core._DATE_LINE) == found(_DATE_LINE_BRANCHES)


#: the lookahead on the first characters of :data:`core._CREDIT`'s branches (session 35),
#: and the pattern without it: the reference its matches are held to
_CREDIT_AHEAD = "(?=[(©abcdefgikpqrsvz])"
_CREDIT_UNFILTERED = re.compile(core._CREDIT.pattern.replace(_CREDIT_AHEAD, "", 1), core._CREDIT.flags)


def test_credit_lookahead_admits_every_character_a_branch_opens_with() -> None:
    """Every character one of the credit's branches can open with passes the lookahead in
    front of them, with re's case-blind equivalences ("ſ" is an "s", "K" a "k"): its
    "(" and "©", the initials of its keywords and agencies, and the capitals of its
    case-kept "CC-BY", "PHOTO" and "FOTO"."""
    assert _CREDIT_AHEAD in core._CREDIT.pattern
    opens = re.compile(r"[(©]|(?-i:[CPF])|[pivcsgfbqkzared]", re.IGNORECASE)
    ahead = re.compile(_CREDIT_AHEAD[3:-1], re.IGNORECASE)
    for cp in range(0x110000):
        if opens.fullmatch(chr(cp)):
            assert ahead.fullmatch(chr(cp)), hex(cp)


@_SETTINGS
@given(st.from_regex(_CREDIT_UNFILTERED) | _LINE_TEXT, st.integers(0, 40))
def test_credit_with_its_lookahead_matches_as_without(text: str, start: int) -> None:
    def found(rx: re.Pattern[str]) -> tuple[int, int] | None:
        m = rx.search(text, start)
        return None if m is None else m.span("credit")

    assert found(core._CREDIT) == found(_CREDIT_UNFILTERED)

"""The fourth plain-text speed pass gives what the code it replaced gave.

Each prefilter added here may let a line through that the exact test then rejects, but
must never hold back a line the exact test accepts: these tests check that on every line
of the frozen inputs (turku-lines, the seeds, the rendered trafilatura-eval pages, when
present) and on generated awkward lines.  The whole-path check, clean_text JSON before and
after on the 3,434 frozen cases, is recorded in docs/decisions.md.
"""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parse
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import ahocorasick_rs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import frozen_pages
from newsdesk.clean import features as F
from newsdesk.clean import lexicon as L
from newsdesk.clean import sections as S

_PHRASE_RX = (S.END_HEADING, S.END_PHRASE, S.TEASER_HEADING, S.TEASER)
_SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _pages() -> Iterator[str]:
    return frozen_pages(require=True)


def _phrase(text: str) -> bool:
    t = text.strip()
    return any(rx.match(t) for rx in _PHRASE_RX)


@dataclass
class _Line:
    text: str
    nw: int
    role: str | None = "body"
    reason: str = ""
    detail: str = ""


def _check_page(texts: list[str]) -> None:
    lines = [_Line(t, len(t.split())) for t in texts]
    footers, phrases = S._short_lines(lines)
    for i, ln in enumerate(lines):
        short = ln.nw <= S.FOOTER_MAX_WORDS
        if _phrase(ln.text):
            assert S._may_open_with_phrase(ln.text), ln.text
            assert not short or i in phrases, ln.text
        assert (i in phrases) == (short and S._may_open_with_phrase(ln.text)), ln.text
        assert (i in footers) == (short and S.FOOTER.search(ln.text.strip()) is not None), ln.text


def test_phrase_prefilter_passes_every_matching_line_of_the_frozen_inputs() -> None:
    matched = 0
    for page in _pages():
        texts = page.split("\n")
        _check_page(texts)
        matched += sum(map(_phrase, texts))
    assert matched > 100  # the inputs do hold headings and teasers


_HEAD_WORDS = sorted({h.split()[0] for h in S._HEADS if h.split()})
_LEADS = ["", " ", "12 ", "» ", "• ", "\u00a0", "٣ ", "— ", "_", "(", "* ", "3\u00a0"]
_AWKWARD = "İıſKẞßÄäÜü\u0307\u00a0 -:»"


def _variants(s: str) -> list[str]:
    return [s, s.upper(), s.title(), s.replace("i", "İ"), s.replace("i", "ı"), s.replace("s", "ſ")]


def test_phrase_prefilter_on_every_pattern_start_with_awkward_leads_and_cases() -> None:
    # every literal start the patterns have, completed by the words that follow in them
    samples = [
        "related articles", "most read", "12 comments", "leave a reply", "read more: the story",
        "lesen sie auch", "über den autor", "ähnliche beiträge", "à lire aussi", "das könnte sie auch interessieren",
        "the most read stories today", "die meistgelesenen artikel", "artículos relacionados", "comentários",
        "czytaj też", "zobacz także", "share this", "like this", "post navigation", "press contacts",
    ]  # fmt: skip
    hit = 0
    for s in samples:
        for v in _variants(s):
            for lead in _LEADS:
                t = lead + v
                if _phrase(t):
                    hit += 1
                    assert S._may_open_with_phrase(t), t
    assert hit > len(samples) * 4


@_SETTINGS
@given(
    st.sampled_from(_LEADS),
    st.sampled_from(_HEAD_WORDS),
    st.text(alphabet=_AWKWARD + "abcdeorst ", max_size=30),
)
def test_phrase_prefilter_on_generated_lines(lead: str, word: str, rest: str) -> None:
    for v in _variants(word + rest):
        t = lead + v
        if _phrase(t):
            assert S._may_open_with_phrase(t), t


def _case_mismatches(letters: set[str]) -> list[tuple[int, str, str]]:
    """(code point, character, its lower case) of every character ``re.IGNORECASE`` equates
    with one of ``letters`` whose lower case is not among them."""
    ordered = sorted(letters)
    rx = re.compile("[" + "".join(ordered) + "]", re.IGNORECASE)
    out = []
    for cp in range(0x110000):
        c = chr(cp)
        if 0xD800 <= cp < 0xE000 or not rx.fullmatch(c):
            continue
        if c.lower() not in letters:
            out.append((cp, c, c.lower()))
    return out


def test_odd_lower_covers_every_case_insensitive_mismatch() -> None:
    """A character IGNORECASE equates with a letter of the heads but whose lower case is
    not that letter must lower to something holding one of :data:`sections._ODD_LOWER`."""
    for cp, _, low in _case_mismatches({c for h in S._HEADS for c in h if c.isalpha()}):
        assert not S._ODD_LOWER.isdisjoint(low), (hex(cp), low)
        assert not low.isascii()


def test_trigger_fold_covers_every_case_insensitive_mismatch() -> None:
    """A character IGNORECASE equates with a letter of a cue trigger but whose lower case is
    not that letter is folded to it before the triggers are scanned again (lexicon._FOLD)."""
    from newsdesk.clean import lexicon as L

    letters = {c for t in L._ALL_TRIGGERS for c in t if c.isalpha()}
    for cp, c, low in _case_mismatches(letters):
        folded = low.translate(L._FOLD)
        assert folded in letters or any(ord(x) in L._FOLD for x in low), (hex(cp), low)
        assert re.fullmatch(folded, c, re.IGNORECASE) or folded == "i", (hex(cp), folded)


def test_heads_are_letters_and_lead_holds_no_letter() -> None:
    assert all(len(h) == S._HEAD_CHARS and h[0].isalpha() for h in S._HEADS)
    assert not any(c.isalpha() for c in S._LEAD) and all(c.isascii() for c in S._LEAD)
    assert not S._may_open_with_phrase("The minister said on Monday")


@pytest.mark.parametrize(
    "texts",
    [
        ["Body " * 120, "Related articles", "x"],
        ["© 2021 Foo", "12 Comments", "Read more: elsewhere", "Die meistgelesenen Artikel bei SWR.de"],
        ["İstanbul © 2020 Haber", "Copyright 2019 Acme Inc.", "all rights reserved", ""],
    ],
)
def test_short_lines_on_small_pages(texts: list[str]) -> None:
    _check_page(texts)


# --- cue triggers --------------------------------------------------------------------------


def _old_leading_literal(items: Any) -> str:
    lit = ""
    for op, av in items:
        if op != _sre.LITERAL:
            break
        lit += chr(av)
    return lit


def _old_triggers(pattern: str) -> frozenset[str] | None:
    """The trigger choice this pass replaced (frozen copy)."""
    cands: list[set[str]] = []
    cur = ""
    for op, av in _sre_parse.parse(pattern):
        if op == _sre.LITERAL:
            cur += chr(av)
            continue
        if op == _sre.BRANCH:
            cands.append({cur + _old_leading_literal(alt) for alt in av[1]})
            cur = ""
            continue
        if cur:
            cands.append({cur})
            cur = ""
        if op == _sre.SUBPATTERN:
            inner = list(av[3])
            if len(inner) == 1 and inner[0][0] == _sre.BRANCH:
                cands.append({_old_leading_literal(alt) for alt in inner[0][1][1]})
            else:
                cands.append({_old_leading_literal(inner)})
    if cur:
        cands.append({cur})
    usable = [{x.strip().lower() for x in c} for c in cands if all(len(x.strip()) >= 2 for x in c)]
    if not usable:
        return None
    return frozenset(max(usable, key=lambda c: min(len(x) for x in c)))


_OLD_TRIG = [_old_triggers(rx.pattern) for _, _, rx in L._COMPILED]
_OLD_ALL = sorted({t for trig in _OLD_TRIG if trig for t in trig})
_OLD_AC = ahocorasick_rs.AhoCorasick(_OLD_ALL)


def _old_cues(text: str) -> tuple[tuple[str, str], ...]:
    """The cues of ``text`` as the old triggers chose the patterns to search."""
    try:
        present = {_OLD_ALL[k] for k, _, _ in _OLD_AC.find_matches_as_indexes(text.lower(), overlapping=True)}
    except UnicodeEncodeError:  # a lone surrogate: no trigger holds one
        present = {
            _OLD_ALL[k]
            for k, _, _ in _OLD_AC.find_matches_as_indexes(
                re.sub("[\ud800-\udfff]", "\ufffd", text.lower()), overlapping=True
            )
        }
    out = []
    for (reason, _, rx), trig in zip(L._COMPILED, _OLD_TRIG, strict=True):
        if trig is not None and not trig & present:
            continue
        m = rx.search(text)
        if m is not None:
            out.append((reason, m.group(0)))
    return tuple(out)


def test_line_cues_equal_the_old_triggers_on_every_line_of_the_frozen_inputs() -> None:
    n_cued = 0
    for page in _pages():
        lines = page.split("\n")
        got = L.line_cues(lines)
        assert got == [_old_cues(t) for t in lines]
        assert [L._cues(t) for t in lines] == got
        n_cued += sum(map(bool, got))
    assert n_cued > 500


@_SETTINGS
@given(
    st.lists(
        st.sampled_from(
            [
                "Main menu",
                "site navigation",
                "comments are closed",
                "Comments",
                "we use cookies",
                "Cookie",
                "PLUS-Artikel",
                "free articles left",
                "3 articles remaining",
                "İ",
                "ſite menu",
                "cloſed",
                "Follow us on X",
                "newsletter",
                "à",
                "\u00a0",
                " ",
                "home",
                ">",
                "Sie haben 3 kostenlose Artikel",
            ]
        ),
        max_size=12,
    ).map(" ".join)
)
def test_line_cues_equal_every_pattern_searched_on_generated_lines(text: str) -> None:
    # the old triggers missed a cue written with "ſ" or "ı" where their own letters were
    # (" ſite menu"); the folded scan finds every cue the patterns match, like this search
    want = _all_cues(text)
    assert L.line_cues([text]) == [want]
    assert L.line_cues(["x", text, text.upper()]) == [(), want, _all_cues(text.upper())]
    assert L._cues(text) == want
    if not any(c in text for c in _ODD):
        assert want == _old_cues(text)


def _all_cues(text: str) -> tuple[tuple[str, str], ...]:
    """Every cue pattern searched on the line: what the triggers may only skip."""
    out = []
    for reason, _, rx in L._COMPILED:
        m = rx.search(text)
        if m is not None:
            out.append((reason, m.group(0)))
    return tuple(out)


#: the characters IGNORECASE equates with a pattern letter whose lower case is another
#: letter: a trigger (lower case) cannot see those, with the old triggers as with these
_ODD = "ſıİ"


@pytest.mark.parametrize("k", range(len(L._COMPILED)))
def test_every_generated_match_holds_a_trigger(k: int) -> None:
    reason, trig, rx = L._COMPILED[k]
    if trig is None:
        return

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(rx))
    def check(s: str) -> None:
        m = rx.search(s)
        if m is None or any(c in _ODD for c in m.group(0)):
            return
        low = s.lower()
        assert any(t in low for t in trig), (rx.pattern, s, sorted(trig))
        # and the automaton finds it, on the bytes as on the str
        assert L._triggers_in(low) & trig

    check()


def test_triggers_of_a_product_of_alternatives() -> None:
    assert L._triggers(r"\b(?:main|site) (?:menu|navigation)\b") == {
        "main menu",
        "main navigation",
        "site menu",
        "site navigation",
    }
    # cut at the length limit, and a string holding another of the set is dropped
    assert L._triggers(r"\bcomments? (?:are )?(?:powered by|closed)\b") == {
        "comment are clos",
        "comment are powe",
        "comment closed",
        "comment powered",
        "comments are clo",
        "comments are pow",
        "comments closed",
        "comments powered",
    }
    assert L._triggers(r"\bsie haben (?:bereits )?\d+") == {"sie haben"}
    assert L._triggers(r"\d+") is None


@_SETTINGS
@given(
    st.lists(
        st.sampled_from(["a\u00e9", "x", "\n", "\ud800", "©", "(c)", "http", "\U0001f600", "İ", " "]),
        max_size=20,
    ).map("".join)
)
def test_find_all_with_a_bytes_automaton_gives_character_offsets(text: str) -> None:
    keys = ["©", "(c)", "http", "é", "x"]
    hits = L.find_all(F._PREFILTER_AC, text.lower())
    for k, a, b in hits:
        assert text.lower()[a:b] == [*F._URL_KEYS, *F._COPY_KEYS][k]
    for key in keys:
        want = sum(1 for i in range(len(text)) if text.startswith(key, i))
        bytes_ac = ahocorasick_rs.BytesAhoCorasick([key.encode()])
        got = L.find_all(bytes_ac, text)
        assert len(got) == want
        assert all(text[a:b] == key for _, a, b in got)


# --- duplicate keys and normal forms -------------------------------------------------------

_KEY_CHARS = "aZ 9٣𝟘_-.,\t\u00a0\u2028ﬁ²½İß\U0001f600\U0001d7d8e\u0301 \x1c\x85"
_KEY_LINE = st.text(
    alphabet=st.sampled_from(_KEY_CHARS) | st.characters(blacklist_categories=("Cs",)), max_size=30
)


@_SETTINGS
@given(st.lists(_KEY_LINE.filter(lambda t: "\n" not in t), max_size=12))
def test_keys_and_norms_equal_the_per_line_functions(lines: list[str]) -> None:
    keys, norms = L.dup_keys_and_norms(lines)
    assert keys == [L.dup_key(t) for t in lines]
    assert norms == [L.normalise(t) for t in lines]


@pytest.mark.parametrize(
    "lines",
    [
        [],
        [""],
        ["", ""],
        ["  a  b  ", " ", "1 2", "x1y"],
        ["abc 123", "abc"],
        ["é 1 é", "\U0001f600 9"],
        ["\n"],
    ],
)
def test_keys_and_norms_on_edge_pages(lines: list[str]) -> None:
    keys, norms = L.dup_keys_and_norms(lines)
    assert keys == [L.dup_key(t) for t in lines]
    assert norms == [L.normalise(t) for t in lines]


def test_squeeze_spaces_is_split_and_join_per_line() -> None:
    import numpy as np

    for text in ["", " ", "\n", " a  b \n\n  c", "a\n b \n", "  \n  ", "ab", "a b"]:
        arr = np.frombuffer(text.encode("ascii"), dtype=np.uint8)
        got = L._squeeze_spaces(arr).tobytes().decode("ascii")
        assert got == "\n".join(" ".join(p.split()) for p in text.split("\n")), repr(text)

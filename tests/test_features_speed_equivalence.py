"""The line model's features equal a frozen copy of the implementation before the speed-up.

``doc_features`` and ``doc_line_stats`` were rewritten for speed (one character-class
gather shared by both, whole-page word split, numpy instead of per-line loops).  The model
was trained on the old functions' output, so the new ones must give the same numbers:
everything from ``_WORD`` down to ``ref_doc_features`` below is the old code, unchanged
apart from the ``ref_`` names, and every test compares against it bit for bit.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import islice

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import require_shared
from newsdesk.clean import features as F
from newsdesk.clean.lexicon import dup_keys, has_cue, line_cues, normalise_many, stopwords
from newsdesk.shared_data import read_jsonl_gz

# --- frozen reference (the implementation before the speed-up) ----------------------------

#: a word: ``\w`` characters and the combining marks that belong to a letter (Mn and Mc
#: of the BMP, not the variation selectors or the marks for symbols), as newsdesk reads
#: the scripts that write vowels as marks (session 27); written out here, independently
WORD_MARK_CHARS = "".join(
    chr(cp)
    for cp in range(0x10000)
    if unicodedata.category(chr(cp)) in ("Mn", "Mc")
    and not (0x20D0 <= cp <= 0x20FF or 0xFE00 <= cp <= 0xFE0F)
    # Thai, Lao, Tibetan, Myanmar and Khmer (written without spaces) keep marks as separators
    and not (
        0x0E00 <= cp <= 0x109F or 0x1780 <= cp <= 0x17FF or 0x19E0 <= cp <= 0x19FF or 0xA9E0 <= cp <= 0xAA7F
    )
)
_WORD = re.compile("(?:\\w|[" + re.escape(WORD_MARK_CHARS) + "])+", re.UNICODE)


def ref_fold(word: str) -> str:
    """casefold, with the capital dotted I's dot dropped ("İ" is "i", session 27)."""
    return word.casefold().replace("i\u0307", "i")


def ref_is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or ch in _MARK_SET


_MARK_SET = frozenset(WORD_MARK_CHARS)
_SENT_END = frozenset(".!?…。！？।॥؟۔։።။།")
_CLOSERS = "\"'”’»)]“‘«‹›」』）》〉】"
_SEPARATORS = re.compile(r"\s[|»›•·/>]\s|\s[|»›•·]$|^[|»›•·]\s")
_URLISH = re.compile(r"https?://|www\.|@\w|#\w|\.(?:com|org|net|de|fr|es)\b", re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|all rights reserved|alle rechte vorbehalten|tous droits", re.IGNORECASE
)
_DATEISH = re.compile(
    r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|"
    r"oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|"
    r"décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|"
    r"diciembre)[a-z]*\.?\s+\d{1,4}\b",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
#: substrings one of which every match of _URLISH / _COPYRIGHT contains (cheap prefilters)
_URL_KEYS = ("http", "www.", "@", "#", ".com", ".org", ".net", ".de", ".fr", ".es")
_COPY_KEYS = ("©", "(c)", "rights reserved", "rechte vorbehalten", "tous droits")
_BULLET = re.compile(r"^\s*(?:[-•*–—·▪►>]|\d+[.)])\s")


N_FEATURES = 45


def ref_line_stats(text: str, stop: frozenset[str] | None) -> tuple[int, int, float, bool]:
    """(n_words, n_stopwords, stop_ratio, sentence_like) for one line."""
    words = _WORD.findall(text)
    n = len(words)
    ns = 0 if stop is None or n == 0 else sum(1 for w in words if ref_fold(w) in stop)
    t = text.rstrip(_CLOSERS + " ")
    sentence_like = bool(t) and t[-1] in _SENT_END and n >= 4
    return n, ns, (ns / n if n else 0.0), sentence_like


def ref_doc_line_stats(
    lines: Sequence[str], stop: frozenset[str] | None
) -> list[tuple[int, int, float, bool]]:
    """:func:`ref_line_stats` of every line of a page: one word scan of the joined page.

    Word counts per line come from where word runs start (a newline separates lines, so no
    run crosses one); stopwords are looked up over the page's word list in one C-level map.
    Equal to the per-line function (a test checks it).
    """
    n = len(lines)
    if n == 0:
        return []
    if any("\n" in t for t in lines):
        return [ref_line_stats(t, stop) for t in lines]
    joined = "\n".join(lines)
    words = _WORD.findall(joined)
    lens = [len(t) for t in lines]
    # word counts per line: count word starts between line offsets
    starts: list[int] = []
    pos = 0
    for L in lens:
        starts.append(pos)
        pos += L + 1
    # a word run starts at a word character after a non-word one
    isword = np.fromiter(map(ref_is_word, joined), dtype=bool, count=len(joined))
    wmask = isword.copy()
    wmask[1:] &= ~isword[:-1]
    wstarts = np.flatnonzero(wmask)
    if len(wstarts) != len(words):  # pragma: no cover - defensive, the two definitions agree
        wstarts = np.fromiter((m.start() for m in _WORD.finditer(joined)), dtype=np.int64, count=len(words))
    line_of = np.searchsorted(np.asarray(starts, dtype=np.int64), wstarts, side="right") - 1
    nw = np.bincount(line_of, minlength=n)
    if stop is not None and words:
        is_stop = np.fromiter(map(stop.__contains__, map(ref_fold, words)), dtype=bool, count=len(words))
        ns: np.ndarray = np.bincount(line_of, weights=is_stop, minlength=n)
    else:
        ns = np.zeros(n)
    out = []
    for i, t in enumerate(lines):
        k = int(nw[i])
        s = int(ns[i])
        u = t.rstrip(_CLOSERS + " ")
        out.append((k, s, (s / k if k else 0.0), bool(u) and u[-1] in _SENT_END and k >= 4))
    return out


def _window_mean(values: np.ndarray, radius: int) -> np.ndarray:
    """Mean of ``values[i-radius : i+radius+1]`` for every i, the window clipped at the ends."""
    n = len(values)
    c = np.concatenate([[0.0], np.cumsum(values)])
    idx = np.arange(n)
    lo = np.maximum(idx - radius, 0)
    hi = np.minimum(idx + radius + 1, n)
    return np.asarray((c[hi] - c[lo]) / (hi - lo))


_FLAG_ALPHA, _FLAG_DIGIT, _FLAG_UPPER, _FLAG_ALNUM, _FLAG_SPACE, _FLAG_LOWER = 1, 2, 4, 8, 16, 32


@lru_cache(maxsize=1)
def _bmp_flags() -> np.ndarray:
    """Character-class bits (str.isalpha/isdigit/isupper/isalnum/isspace/islower) for the BMP.

    Built once (~30 ms) so a whole document's character counts are one numpy gather instead
    of six Python passes per line.
    """
    out = np.zeros(0x10000, dtype=np.uint8)
    for cp in range(0x10000):
        ch = chr(cp)
        f = 0
        if ch.isalpha():
            f |= _FLAG_ALPHA
        if ch.isdigit():
            f |= _FLAG_DIGIT
        if ch.isupper():
            f |= _FLAG_UPPER
        if ch.isalnum():
            f |= _FLAG_ALNUM
        if ch.isspace():
            f |= _FLAG_SPACE
        if ch.islower():
            f |= _FLAG_LOWER
        out[cp] = f
    return out


def _char_flags(text: str) -> np.ndarray:
    """Class bits of every character of ``text`` (astral characters classified in Python)."""
    cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    astral = cps > 0xFFFF
    flags = _bmp_flags()[np.where(astral, 0, cps)]
    if astral.any():
        for k in np.flatnonzero(astral):
            ch = text[k]
            flags[k] = (
                (_FLAG_ALPHA if ch.isalpha() else 0)
                | (_FLAG_DIGIT if ch.isdigit() else 0)
                | (_FLAG_UPPER if ch.isupper() else 0)
                | (_FLAG_ALNUM if ch.isalnum() else 0)
                | (_FLAG_SPACE if ch.isspace() else 0)
                | (_FLAG_LOWER if ch.islower() else 0)
            )
    return flags


# The joined-document versions of the per-line patterns: "\n" separates lines, so no match
# may cross it ([^\S\n] instead of \s) and ^/$ are per line.
_J_SEPARATORS = re.compile(r"[^\S\n][|»›•·/>][^\S\n]|[^\S\n][|»›•·]$|^[|»›•·][^\S\n]", re.MULTILINE)
_J_COPYRIGHT = re.compile(
    r"©|\(c\)[^\S\n]*\d{4}|all rights reserved|alle rechte vorbehalten|tous droits", re.IGNORECASE
)
_J_DATEISH = re.compile(_DATEISH.pattern.replace(r"\s+", r"[^\S\n]+"), re.IGNORECASE)
# Case-sensitive versions run over the lower-cased page: without IGNORECASE, re can skip
# ahead to the patterns' first characters, several times faster on long pages.
_L_URLISH = re.compile(r"https?://|www\.|@\w|#\w|\.(?:com|org|net|de|fr|es)\b")
_L_COPYRIGHT = re.compile(r"©|\(c\)[^\S\n]*\d{4}|all rights reserved|alle rechte vorbehalten|tous droits")
_L_DATEISH = re.compile(_J_DATEISH.pattern)
_J_BULLET = re.compile(r"^[^\S\n]*(?:[-•*–—·▪►>]|\d+[.)])[^\S\n]", re.MULTILINE)


_SEP_CHARS = "|»›•·/>"


def _lines_hit(rx: re.Pattern[str], joined: str, starts: np.ndarray, n: int) -> np.ndarray:
    """Number of matches of ``rx`` in each line of ``joined`` (lines begin at ``starts``)."""
    pos = [m.start() for m in rx.finditer(joined)]
    if not pos:
        return np.zeros(n)
    idx = np.searchsorted(starts, np.asarray(pos), side="right") - 1
    return np.bincount(idx, minlength=n).astype(np.float64)


def ref_doc_features(
    lines: Sequence[str],
    stop: frozenset[str] | None,
    stats: Sequence[tuple[int, int, float, bool]] | None = None,
    cues: Sequence[bool] | None = None,
    keys: Sequence[str] | None = None,
) -> np.ndarray:
    """Feature matrix (n_lines x N_FEATURES) for the non-blank lines of one document.

    Computed per column over the whole document (one character-class gather, one regex scan
    of the joined text per pattern, prefix sums for windows): a per-line Python loop was
    40 % of the cleaner's time.
    """
    n = len(lines)
    out = np.zeros((n, N_FEATURES), dtype=np.float64)
    if n == 0:
        return out
    lines = [t.replace("\n", " ") if "\n" in t else t for t in lines]
    has_stop = 1.0 if stop is not None else 0.0
    if stats is None:
        stats = ref_doc_line_stats(lines, stop)
    nwords = [s[0] for s in stats]
    sratio = [s[2] for s in stats]
    joined = "\n".join(lines)
    lens_arr = np.fromiter(map(len, lines), dtype=np.int64, count=n)
    starts = np.zeros(n, dtype=np.int64)
    np.cumsum(lens_arr[:-1] + 1, out=starts[1:])
    ends = starts + lens_arr

    # character classes, summed per line through prefix sums
    flags = _char_flags(joined)

    def per_line(mask: np.ndarray) -> np.ndarray:
        c = np.concatenate([[0], np.cumsum(mask, dtype=np.int64)])
        return np.asarray(c[ends] - c[starts], dtype=np.float64)

    alpha = per_line((flags & _FLAG_ALPHA) > 0)
    digit = per_line((flags & _FLAG_DIGIT) > 0)
    upper_m = (flags & _FLAG_UPPER) > 0
    upper = per_line(upper_m)
    alnum = per_line((flags & _FLAG_ALNUM) > 0)
    space_m = (flags & _FLAG_SPACE) > 0
    space = per_line(space_m)
    # str.split() words start at a non-space after a space (the joining newline counts)
    word_start = ~space_m
    word_start[1:] &= space_m[:-1]
    n_split = per_line(word_start)
    title_words = per_line(word_start & upper_m)
    nonempty = lens_arr > 0
    first_flags = (
        np.where(nonempty, flags[np.minimum(starts, len(flags) - 1)], 0)
        if len(flags)
        else np.zeros(n, dtype=np.uint8)
    )

    L = np.maximum(lens_arr, 1).astype(np.float64)
    nw_arr = np.asarray(nwords, dtype=np.float64)
    sr_arr = np.asarray(sratio, dtype=np.float64)
    ns_arr = np.asarray([s[1] for s in stats], dtype=np.float64)

    ends_sent = np.zeros(n)
    ends_colon = np.zeros(n)
    ends_ell = np.zeros(n)
    for i, t in enumerate(lines):
        stripped = t.rstrip(_CLOSERS + " ")
        last = stripped[-1:]
        ell = t.rstrip().endswith(("...", "…"))
        if ell:
            ends_ell[i] = 1.0
        elif last in _SENT_END and last:
            ends_sent[i] = 1.0
        if last == ":":
            ends_colon[i] = 1.0

    norms = normalise_many(lines, keys)
    norm_counts = Counter(norms)
    firsts = [t.split(maxsplit=1)[0].casefold() if t.split() else "" for t in lines]
    first_counts = Counter(firsts)
    shapes = _DIGITS.sub("0", "\n".join(t[:40] for t in lines)).split("\n")
    if len(shapes) != n:  # pragma: no cover - lines hold no newline after the replace above
        shapes = [_DIGITS.sub("0", t[:40]) for t in lines]
    shape_counts = Counter(shapes)
    doc_long_frac = float(np.count_nonzero(nw_arr >= 15)) / n
    median_words = sorted(nwords)[n // 2] or 1
    prose = [1 if (s[0] >= 12 and s[3]) else 0 for s in stats]
    prev_prose = [0] * n
    seen = -1
    for i in range(n):
        prev_prose[i] = i - seen if seen >= 0 else 50
        if prose[i]:
            seen = i
    next_prose = [0] * n
    nxt = -1
    for i in range(n - 1, -1, -1):
        next_prose[i] = nxt - i if nxt >= 0 else 50
        if prose[i]:
            nxt = i
    first_prose = prose.index(1) if 1 in prose else n
    last_prose = n - 1 - prose[::-1].index(1) if 1 in prose else -1
    idx = np.arange(n, dtype=np.float64)

    out[:, 0] = np.log1p(lens_arr) / 6.0
    out[:, 1] = np.log1p(nw_arr) / 4.0
    out[:, 2] = ends_sent
    out[:, 3] = ends_colon
    out[:, 4] = ends_ell
    out[:, 5] = sr_arr
    out[:, 6] = np.minimum(ns_arr, 20) / 20.0
    out[:, 7] = has_stop
    out[:, 8] = digit / L
    out[:, 9] = upper / np.maximum(alpha, 1)
    out[:, 10] = (L - alnum - space) / L
    out[:, 11] = ((first_flags & _FLAG_UPPER) > 0).astype(np.float64)
    out[:, 12] = title_words / np.maximum(n_split, 1)
    # whole-document literal prefilters first: most pages have no URL, copyright or separator
    low = joined.lower()
    same_len = len(low) == len(joined)  # lower() keeps offsets (not so with "İ")
    if any(ch in joined for ch in _SEP_CHARS):
        out[:, 13] = np.minimum(_lines_hit(_J_SEPARATORS, joined, starts, n), 5) / 5.0
    if any(k in low for k in _URL_KEYS):
        out[:, 14] = (
            _lines_hit(_L_URLISH, low, starts, n) if same_len else _lines_hit(_URLISH, joined, starts, n)
        ) > 0
    if any(k in low for k in _COPY_KEYS):
        out[:, 15] = (
            _lines_hit(_L_COPYRIGHT, low, starts, n)
            if same_len
            else _lines_hit(_J_COPYRIGHT, joined, starts, n)
        ) > 0
    # dates only matter on short lines: scan just those (the month alternation is slow)
    short_idx = np.flatnonzero((nw_arr <= 8) & (digit > 0))
    if len(short_idx):
        short_lines = [lines[k] for k in short_idx]
        sj = "\n".join(short_lines)
        if sj:
            s_starts = np.zeros(len(short_lines), dtype=np.int64)
            s_lens = np.fromiter(map(len, short_lines), dtype=np.int64, count=len(short_lines))
            np.cumsum(s_lens[:-1] + 1, out=s_starts[1:])
            sl = sj.lower()
            if len(sl) == len(sj):
                out[short_idx, 16] = _lines_hit(_L_DATEISH, sl, s_starts, len(short_lines)) > 0
            else:
                out[short_idx, 16] = _lines_hit(_J_DATEISH, sj, s_starts, len(short_lines)) > 0
    out[:, 17] = _lines_hit(_J_BULLET, joined, starts, n) > 0
    if cues is None:
        cues = [has_cue(t) for t in lines]
    out[:, 18] = [1.0 if len(t) < 400 and c else 0.0 for t, c in zip(lines, cues, strict=True)]
    out[:, 19] = idx / (n - 1) if n > 1 else 0.0
    out[:, 20] = np.log1p(idx) / 5.0
    out[:, 21] = np.log1p(n - 1 - idx) / 5.0
    out[:, 22] = lens_arr / max(int(lens_arr.max()), 1)
    reps = np.asarray([norm_counts[x] for x in norms], dtype=np.float64)
    out[:, 23] = reps > 1
    lognw = np.log1p(nw_arr) / 4.0
    out[1:, 24] = lognw[:-1]
    out[:-1, 25] = lognw[1:]
    out[1:, 26] = sr_arr[:-1]
    out[:-1, 27] = sr_arr[1:]
    out[:, 28] = np.log1p(_window_mean(nw_arr, 2)) / 4.0
    out[:, 29] = _window_mean((nw_arr >= 12).astype(np.float64), 5)
    out[:, 30] = _window_mean(sr_arr, 5)
    out[:, 31] = (nw_arr <= 4) & (ends_sent == 0)
    out[:, 32] = math.log1p(n) / 5.0
    out[:, 33] = (nw_arr >= 15) & (ends_sent == 1) & (sr_arr >= 0.2)
    out[:, 34] = np.log(reps) / 3.0
    fr = np.log(np.asarray([first_counts[x] for x in firsts], dtype=np.float64)) / 3.0
    out[:, 35] = np.where(nw_arr <= 12, fr, 0.0)
    out[:, 36] = _window_mean((nw_arr <= 5).astype(np.float64), 3)
    out[:, 37] = ((first_flags & _FLAG_LOWER) > 0).astype(np.float64)
    out[:, 38] = doc_long_frac
    out[:, 39] = np.log((nw_arr + 1) / (median_words + 1)) / 3.0
    out[:, 40] = [
        math.log(shape_counts[sh]) / 3.0 if sh != nm else 0.0 for sh, nm in zip(shapes, norms, strict=True)
    ]
    out[:, 41] = np.log(np.minimum(np.asarray(prev_prose, dtype=np.float64), 50)) / 4.0
    out[:, 42] = np.log(np.minimum(np.asarray(next_prose, dtype=np.float64), 50)) / 4.0
    out[:, 43] = (idx >= first_prose) & (idx <= last_prose)
    out[:, 44] = _window_mean(np.asarray(prose, dtype=np.float64), 10)
    return out


# --- comparisons -----------------------------------------------------------------------------


def _assert_same(lines: Sequence[str], stop: frozenset[str] | None, *, with_hints: bool) -> None:
    """New and frozen stats and features agree exactly, called the way the cleaner calls them
    (stats, cues and duplicate keys passed in) or the way training does (nothing passed)."""
    lines = list(lines)
    ref_stats = ref_doc_line_stats(lines, stop)
    new_stats = F.doc_line_stats(lines, stop)
    assert new_stats == ref_stats
    assert [type(v) for s in new_stats for v in s] == [type(v) for s in ref_stats for v in s]
    if with_hints:
        cues = [bool(c) for c in line_cues(lines)]
        keys = dup_keys(lines)
        ref = ref_doc_features(lines, stop, ref_stats, cues, keys)
        new = F.doc_features(lines, stop, new_stats, cues, keys)
    else:
        ref = ref_doc_features(lines, stop)
        new = F.doc_features(lines, stop)
    assert new.shape == ref.shape == (len(lines), F.N_FEATURES)
    bad = np.argwhere(new != ref)
    assert len(bad) == 0, [
        (F.FEATURE_NAMES[c], lines[r][:60], new[r, c], ref[r, c]) for r, c in bad[:5].tolist()
    ]


_FIXTURE_PAGES: dict[str, list[str]] = {
    "empty lines": [
        "",
        "Headline here",
        "",
        "",
        "Body text that goes on for a while, as body text does.",
        "",
    ],
    "only empty": ["", "", ""],
    "one empty": [""],
    "astral": ["𝐁𝐨𝐥𝐝 math 𝟏𝟐𝟑 letters and emoji 🎉 count too.", "🎉🎉🎉", "𝐀 𝐁 — ‘𝐓𝐢𝐭𝐥𝐞’", "x 😀."],
    "lone surrogates": ["\ud800 lone \udfff surrogates \ud800\udc00 here.", "\ud800", "a\udc00b c d e f."],
    "underscores": ["snake_case words_and __dunder__ _x_ y_", "___", "a_b c_d e_f g_h i_j.", "_"],
    "rtl": [
        "مرحبا بالعالم، هذا نص عربي طويل بما يكفي ليكون جملة.",
        "שלום עולם, זה טקסט בעברית.",
        "‏עברית mixed with English text here!",
        "123 ٤٥٦ ۷۸۹",
    ],
    "dotted I": [
        "İstanbul İzmir İİİ and then a long sentence about İ things in the city.",
        "İ",
        "www.İstanbul.com 12.03.2024 © 2024",
        "İİİ 12 Mar 2024 İ",
        "- İ bullet",
    ],
    "long lines": [
        "word " * 5000,
        ("A sentence about news, with stopwords in it and the end. " * 300).strip(),
        "x" * 20000,
        "short",
    ],
    "structure": [
        "Home | News | Sport | Weather",
        "» Politics › Europe",
        "• first bullet point",
        "  - dash bullet",
        "12) numbered",
        "3. numbered with dot",
        "Posted 12/03/2024 at 10:45",
        "March 3 2024",
        "15. März 2024",
        "Follow @newsdesk on https://example.com/x #news",
        "(c) 2024 Example Media. All rights reserved.",
        "Read more...",
        "He said: “it is over.”",
        "Was it?'",
        "Is this the end…",
        "To be continued …  ",
        "Ends with colon:",
        "Closers only ”’»)]",
        "A full sentence that ends with a trailing space. ",
        "Quoted ending.” ) ",
        "Colon then space: ",
        "\"')]",
        "   ",
        "\t\u00a0\u2003",
        "Home | News | Sport | Weather",
        "Share this article",
        "Share this article",
    ],
    "control and odd space": [
        "a\x1cb\x1dc\x1ed\x1ff",
        "x\u2028y",
        "tab\tseparated\tline.",
        "\x00\x00",
        "\x85next",
    ],
    "casefold changes length": ["Straße ﬁnance ŉ Σίσυφος ΌΣΟΣ.", "ß ß ß ß", "ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ", "ǰ ΐ ΰ"],
}


@pytest.mark.parametrize("name", sorted(_FIXTURE_PAGES))
@pytest.mark.parametrize("lang", ["en", "de", "ar", None])
def test_fixture_pages_match_frozen_reference(name: str, lang: str | None) -> None:
    for with_hints in (True, False):
        _assert_same(_FIXTURE_PAGES[name], stopwords(lang), with_hints=with_hints)


def test_lines_holding_newlines_match_frozen_reference() -> None:
    """Callers may pass lines with newlines inside: both fall back the same way."""
    lines = ["first\nsecond line here.", "plain line", "x\n\ny"]
    for stop in (stopwords("en"), None):
        assert F.doc_line_stats(lines, stop) == ref_doc_line_stats(lines, stop)
        assert np.array_equal(F.doc_features(lines, stop), ref_doc_features(lines, stop))


def test_page_cache_does_not_leak_between_pages() -> None:
    """Stats of one page then features of another (same line count) use the second's bits."""
    stop = stopwords("en")
    a = ["The first page has a sentence that ends here.", "Menu | Home"]
    b = ["SECOND PAGE SHOUTS", "and its second line has no full stop"]
    F.doc_line_stats(a, stop)
    assert np.array_equal(F.doc_features(b, stop), ref_doc_features(b, stop))
    F.doc_line_stats(b, stop)
    assert np.array_equal(F.doc_features(a, stop, F.doc_line_stats(a, stop)), ref_doc_features(a, stop))


def test_char_flags_match_str_predicates_on_every_code_point() -> None:
    """The class-bit table is the str predicates, astral planes included."""
    text = "".join(map(chr, range(0x110000)))
    flags = F._char_flags(text)
    ref = _char_flags(text)  # the frozen one
    assert np.array_equal(flags & 63, ref)
    closers = {ord(c) for c in F._CLOSERS + " "}
    sent = {ord(c) for c in F._SENT_END}
    assert set(np.flatnonzero(flags & F._FLAG_CLOSER).tolist()) == closers
    assert set(np.flatnonzero(flags & F._FLAG_SENT_END).tolist()) == sent


def test_casefold_is_per_character_and_never_makes_whitespace() -> None:
    """What the whole-page casefold in doc_line_stats relies on: folding a run of word
    characters equals folding each, and no word character folds to (or into) whitespace."""
    words = [chr(cp) for cp in range(0x110000) if chr(cp).isalnum() or cp == 95]
    folded = [w.casefold() for w in words]
    assert not any(ch.isspace() for f in folded for ch in f)
    assert "".join(words).casefold() == "".join(folded)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.text(alphabet=st.characters(blacklist_characters="\n\r"), max_size=80), min_size=1, max_size=12
    ),
    st.sampled_from(["en", "fr", None]),
)
def test_random_pages_match_frozen_reference(lines: list[str], lang: str | None) -> None:
    _assert_same(lines, stopwords(lang), with_hints=True)


_TOKENS = [*"abcİßΣσς_ 0123456789.:…”’»)]|•-/@#©\t", "www.", "...", " the ", "\ud800", "Home", "12:30"]
_WORDY = st.lists(st.sampled_from(_TOKENS), max_size=25).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDY, min_size=1, max_size=12))
def test_random_structured_pages_match_frozen_reference(lines: list[str]) -> None:
    """Characters that hit the tricky paths (closers, ellipses, separators, bullets, case)."""
    _assert_same(lines, stopwords("en"), with_hints=True)


def test_turku_documents_match_frozen_reference() -> None:
    """100 real pages (turku-lines dev, every language), as the cleaner probes them."""
    path = require_shared("turku-lines", "dev.jsonl.gz")
    docs = list(islice(read_jsonl_gz(path), 100))
    assert len(docs) == 100
    for r in docs:
        lines = [t[:2000] for t in r["lines"] if t.strip()]
        if not lines:
            continue
        _assert_same(lines, stopwords(r.get("lang")), with_hints=True)
    for r in docs[:20]:
        _assert_same(r["lines"], stopwords(r.get("lang")), with_hints=False)


_SEP_TOKENS = [*" \t\u00a0|»›•·/>ab", " | ", " / ", "||", "\u2003", "x"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(_SEP_TOKENS), max_size=12).map("".join), min_size=1, max_size=6))
def test_separator_counts_match_the_regex(lines: list[str]) -> None:
    """The separator column is counted from separator characters, not the regex: dense,
    overlapping runs of separators and spaces at line edges give the regex's counts."""
    joined = "\n".join(lines)
    starts = np.cumsum([0] + [len(t) + 1 for t in lines[:-1]])
    expected = _lines_hit(_J_SEPARATORS, joined, starts, len(lines))
    assert np.array_equal(F._separators_per_line(F._Page(lines, joined)), expected)
    _assert_same(lines, stopwords("en"), with_hints=True)


@pytest.mark.parametrize(
    "line",
    [
        "„Wir sind mit dem Ergebnis sehr zufrieden.“",  # German quotes close with “
        "Er sagte: ‚Das ist doch nicht möglich.‘",
        "»Det var en lang dag for alle.«",  # Danish guillemets close with «
        "আজ শনিবার সকালে দৌলতপুর উপজেলায় এ ঘটনা ঘটে।",  # Bengali danda
        "هل ستنتهي الحرب قريبا في المنطقة؟",  # Arabic question mark
        "Она сказала: «Мы вернёмся домой завтра утром.»",
    ],
)
def test_sentences_end_in_their_own_scripts_marks_and_quotes(line: str) -> None:
    """A line ending in a closing quote or a script's own full stop is a sentence, in the
    per-line function and in the page-at-a-time one (German pages close quotes with “)."""
    assert F.line_stats(line, None)[3]
    assert F.doc_line_stats([line, "Menu"], None)[0][3]
    assert not F.doc_line_stats([line, "Menu"], None)[1][3]
    rows = F.doc_features([line, "Menu"], None)
    assert rows[0][F.FEATURE_NAMES.index("ends_sentence")] == 1.0

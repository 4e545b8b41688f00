"""Line features shared by the line model's training script and the cleaner.

Features are per line but look at the document: position, neighbours' length and prose-ness,
and how the line compares with the page's longest lines.  The same function builds the
training matrix (scripts/train_line_model.py) and the run-time one, so they cannot drift.
Everything is plain Python over short strings plus one numpy array per document: the
cleaner's budget is about 2 ms per document.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import _count_elements  # type: ignore[attr-defined]
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain

import ahocorasick_rs
import numpy as np

from newsdesk.clean.lexicon import (
    CODEC_OF_ITEMSIZE,
    COPY_KEYS,
    PREFILTER_AC,
    URL_KEYS,
    WORD_MARKS,
    bmp_word_marks,
    fold,
    has_cue,
    hits_by_line,
    keys_page,
    lower_page_and_prefilter,
    normalise_many,
    utf8,
)

_WORD = re.compile(rf"[\w{WORD_MARKS}]+", re.UNICODE)
#: full stops and question/exclamation marks, with those of scripts that have their own
#: (danda, Arabic and Urdu marks, Armenian, Ethiopic, Myanmar, Tibetan)
_SENT_END = frozenset(".!?…。！？।॥؟۔։።။།")
#: closing quotes and brackets, German's „…“ and ‚…‘, Danish »…«, CJK corner brackets
#: and full-width parentheses among them
_CLOSERS = "\"'”’»)]“‘«‹›」』）》〉】"
_STRIPPED = _CLOSERS + " "
#: public names of the two above: what a line loses on the right before its last
#: character is tested for a sentence mark, and those marks (the cleaner's rules reuse them)
CLOSERS_AND_SPACE = _STRIPPED
SENTENCE_MARKS = _SENT_END
_ELLIPSES = ("...", "…")
_SEPARATORS = re.compile(r"\s[|»›•·/>]\s|\s[|»›•·]$|^[|»›•·]\s")
_URLISH = re.compile(r"https?://|www\.|@\w|#\w|\.(?:com|org|net|de|fr|es)\b", re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|all rights reserved|alle rechte vorbehalten|tous droits", re.IGNORECASE
)
#: public name of the above: a copyright line (the cleaner's rules reuse it)
COPYRIGHT = _COPYRIGHT
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
_URL_KEYS = URL_KEYS
_COPY_KEYS = COPY_KEYS
#: both prefilters' substrings in one automaton: one scan of the lower-cased page says which
#: of the two patterns can match (fifteen substring searches over the page cost twice as much)
#: It scans UTF-8 bytes (a non-ASCII str cost it a conversion of the page and of every
#: offset back to characters, twice the scan); only the line of a hit is needed.  The
#: cleaner's pages were scanned for it with the cue triggers (lexicon.line_cues).
_PREFILTER_AC = PREFILTER_AC

FEATURE_NAMES = (
    "log_chars",
    "log_words",
    "ends_sentence",
    "ends_colon",
    "ends_ellipsis",
    "stop_ratio",
    "stop_count",
    "has_stoplist",
    "digit_ratio",
    "upper_ratio",
    "punct_ratio",
    "starts_upper",
    "title_case_ratio",
    "separators",
    "urlish",
    "copyright",
    "dateish",
    "bullet",
    "cue",
    "rel_pos",
    "log_from_start",
    "log_from_end",
    "rel_len",
    "dup_in_doc",
    "prev_words",
    "next_words",
    "prev_stop",
    "next_stop",
    "win2_words",
    "win5_long",
    "win5_stop",
    "short_no_punct",
    "log_doc_lines",
    "long_prose",
    "log_repeats",
    "first_word_repeats",
    "win3_short",
    "starts_lower",
    "doc_long_frac",
    "rel_words_median",
    "shape_repeats",
    "log_dist_prev_prose",
    "log_dist_next_prose",
    "inside_prose_envelope",
    "prose_frac_win10",
)
N_FEATURES = len(FEATURE_NAMES)


def line_stats(text: str, stop: frozenset[str] | None) -> tuple[int, int, float, bool]:
    """(n_words, n_stopwords, stop_ratio, sentence_like) for one line."""
    words = _WORD.findall(text)
    n = len(words)
    ns = 0 if stop is None or n == 0 else sum(1 for w in words if fold(w) in stop)
    t = text.rstrip(_CLOSERS + " ")
    sentence_like = bool(t) and t[-1] in _SENT_END and n >= 4
    return n, ns, (ns / n if n else 0.0), sentence_like


#: bytes.translate table for ASCII pages: every byte that is not a regex word character
#: ([A-Za-z0-9_]) becomes a space, so ``split()`` yields what ``\w+`` finds
_ASCII_WORD_TABLE = bytes(c if (chr(c).isalnum() or c == 95) and c < 128 else 0x20 for c in range(256))


def doc_line_stats(lines: Sequence[str], stop: frozenset[str] | None) -> list[tuple[int, int, float, bool]]:
    """:func:`line_stats` of every line of a page: one word scan of the joined page.

    Word counts per line come from where word runs start (a newline separates lines, so no
    run crosses one).  The words themselves come from blanking every non-word character
    and splitting the case-folded page once (casefold works character by character and
    never yields whitespace, so this equals casefolding each ``\\w+`` match; a test checks
    every code point): ``findall`` plus a casefold per word was half of this function.
    Equal to the per-line function (a test checks it).
    """
    n = len(lines)
    if n == 0:
        return []
    joined = "\n".join(lines)
    if joined.count("\n") != n - 1:  # a line holds a newline: the page view does not apply
        return [line_stats(t, stop) for t in lines]
    page = _page(lines, joined)
    cps = page.cps
    counts, isword = page.counts()
    nw = counts[7].astype(np.int64)
    nw_list = nw.tolist()
    total = sum(nw_list)
    # the duplicate keys are the same case-folded words: made here, with them, where the
    # page allows (see lexicon.keys_page)
    folded = keys_page(lines, joined, cps, isword, page.starts)
    if stop is not None and total:
        if folded is None:
            if page.ascii:
                folded = joined.encode("ascii").translate(_ASCII_WORD_TABLE).decode("ascii").casefold()
            else:
                # (no surrogate is a word character: UTF-16 units decode one by one)
                folded = fold(
                    np.where(isword, cps, cps.dtype.type(32))
                    .tobytes()
                    .decode(CODEC_OF_ITEMSIZE[cps.itemsize], "surrogatepass")
                )
        words = folded.split()
        if len(words) != total:  # pragma: no cover - defensive, the two definitions agree
            words = [fold(w) for w in _WORD.findall(joined)]
        # stopwords per line: the hits summed over each line's words (a 0 after them lets a
        # trailing wordless line index; a wordless line's empty segment gives the element
        # at its start, so those are set to 0), where a prefix sum cast every hit to int64
        # (the bools gathered by ``bytearray``, one C loop taking each as its byte 0 or 1:
        # ``np.fromiter`` converted every one through numpy's scalar setter, a third slower)
        flat = bytearray(map(stop.__contains__, words))
        flat.append(0)
        hits = np.frombuffer(flat, dtype=np.uint8)
        wb = np.zeros(n, dtype=np.int64)
        nw[:-1].cumsum(out=wb[1:])
        # (into uint16 when the page has fewer words than that can hold: faster, the same sums)
        ns = np.add.reduceat(hits, wb, dtype=np.uint16 if total < 1 << 16 else np.int64)
        if 0 in nw_list:
            ns[nw == 0] = 0
    else:
        ns = np.zeros(n, dtype=np.int64)
    # (a line without words has no stopwords: 0 / 1 is the 0.0 the masked division left)
    ratio = ns / np.maximum(nw, 1)
    sent = page.tail()[0] & (nw >= 4)
    out = list(zip(nw_list, ns.tolist(), ratio.tolist(), sent.tolist(), strict=True))
    page.stats = (out, nw, ns, ratio, sent)
    return out


def _window_means(values: np.ndarray, radii: tuple[int, ...]) -> np.ndarray:
    """Mean of ``values[j, i-r : i+r+1]`` for every row j (``r = radii[j]``) and line i, the
    window clipped at the page's ends: one prefix sum and one gather for all rows, the same
    additions in the same order as one row at a time, so the same floats."""
    k, n = values.shape
    c = np.zeros((k, n + 1))
    values.cumsum(axis=1, out=c[:, 1:])
    hi_at, lo_at, width = _window_index(n, radii)
    flat = c.ravel()
    out: np.ndarray = (flat[hi_at] - flat[lo_at]) / width
    return out


@lru_cache(maxsize=1024)
def _window_index(n: int, radii: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Where :func:`_window_means` reads its prefix sums, for ``n`` lines: the indices
    depend on the page's length only, and building them was a fifth of that function on
    the short pages that make up most of a corpus."""
    k = len(radii)
    r = np.asarray(radii)[:, None]
    idx = np.arange(n)[None, :]
    lo = np.maximum(idx - r, 0)
    hi = np.minimum(idx + r + 1, n)
    row = (np.arange(k) * (n + 1))[:, None]
    return _frozen(hi + row), _frozen(lo + row), _frozen(hi - lo)


def _word_marks_of(cps: np.ndarray) -> np.ndarray:
    """:func:`bmp_word_marks` of code points that may lie beyond the BMP (no mark there is a
    word mark: WORD_MARKS holds the BMP's)."""
    return np.asarray(bmp_word_marks().take(np.where(cps > 0xFFFF, 0, cps)))


def _frozen(a: np.ndarray) -> np.ndarray:
    """``a`` made read-only: cached arrays are shared by every later page."""
    a.setflags(write=False)
    return a


_FLAG_ALPHA, _FLAG_DIGIT, _FLAG_UPPER, _FLAG_ALNUM, _FLAG_SPACE, _FLAG_LOWER = 1, 2, 4, 8, 16, 32
#: characters ``rstrip(_CLOSERS + " ")`` removes, and those that end a sentence
_FLAG_CLOSER, _FLAG_SENT_END = 64, 128


def _class_bits(ch: str) -> int:
    return (
        (_FLAG_ALPHA if ch.isalpha() else 0)
        | (_FLAG_DIGIT if ch.isdigit() else 0)
        | (_FLAG_UPPER if ch.isupper() else 0)
        | (_FLAG_ALNUM if ch.isalnum() else 0)
        | (_FLAG_SPACE if ch.isspace() else 0)
        | (_FLAG_LOWER if ch.islower() else 0)
        | (_FLAG_CLOSER if ch in _CLOSERS or ch == " " else 0)
        | (_FLAG_SENT_END if ch in _SENT_END else 0)
    )


@lru_cache(maxsize=1)
def _bmp_flags() -> np.ndarray:
    """Character-class bits (str.isalpha/isdigit/isupper/isalnum/isspace/islower, closer,
    sentence end) for the BMP.

    Built once (~40 ms) so a whole document's character counts are one numpy gather instead
    of six Python passes per line.
    """
    return np.fromiter(map(_class_bits, map(chr, range(0x10000))), dtype=np.uint8, count=0x10000)


def _char_flags(text: str) -> np.ndarray:
    """Class bits of every character of ``text`` (astral characters classified in Python)."""
    return _flags_of(text, _codepoints(text))


def _codepoints(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _flags_of(text: str, cps: np.ndarray) -> np.ndarray:
    # ``take`` rather than ``table[cps]``: the same gather, but indexing with a uint32 array
    # goes through numpy's general index machinery, about 2.5 times slower per character
    if text.isascii() or not (cps > 0xFFFF).any():
        return np.asarray(_bmp_flags().take(cps))
    astral = cps > 0xFFFF
    flags = _bmp_flags().take(np.where(astral, 0, cps))
    for k in np.flatnonzero(astral):
        flags[k] = _class_bits(text[k])
    return np.asarray(flags)


#: how far :meth:`_Page.counts` shifts each class row's sum back (its flag's bit)
_BIT_SHIFTS = np.arange(5, dtype=np.uint8)[:, None]
#: the five class flags _Page.counts sums, one a row
_CLASS_BITS = (1 << _BIT_SHIFTS).astype(np.uint8)
#: lines this long or longer have their class counts summed as int32 (see _Page.counts)
_UINT16_LINE_CHARS = 1 << 12


class _Page:
    """A page's lines joined by newlines, with each character's class bits.

    :func:`doc_line_stats` and :func:`doc_features` both need the bits of the same page
    (the cleaner calls one, then the other); the last page is kept (see :func:`_page`) so
    they are computed once.
    """

    __slots__ = (
        "_counts", "_tail", "ascii", "cps", "ends", "flags", "has_empty", "joined", "lens", "lines", "max_len",
        "padded", "starts", "stats",
    )  # fmt: skip

    def __init__(self, lines: Sequence[str], joined: str) -> None:
        self.joined = joined
        self.lines = lines
        self.ascii = joined.isascii()
        # the code points in the narrowest array that holds them: an ASCII or BMP page (nearly
        # all) takes a half or a quarter of the bytes of UTF-32 in every pass below, and
        # needs no test for astral characters
        units = joined.encode("ascii") if self.ascii else joined.encode("utf-16-le", "surrogatepass")
        size = len(joined)
        if self.ascii or len(units) == 2 * size:
            self.cps: np.ndarray = np.frombuffer(units, dtype=np.uint8 if self.ascii else np.uint16)
            # the bits with one 0 after them (see :meth:`counts`), gathered straight into place
            # ("clip" never clips a BMP code point; it spares ``take`` its output buffer)
            self.padded = np.empty(size + 1, dtype=np.uint8)
            self.padded[size] = 0
            _bmp_flags().take(self.cps, out=self.padded[:size], mode="clip")
        else:
            self.cps = _codepoints(joined)
            self.padded = np.append(_flags_of(joined, self.cps), np.uint8(0))
        self.flags = self.padded[:size]
        n = len(lines)
        # the longest line and whether one is empty, from the list (two C-level scans: on a
        # short page each numpy call costs ~1 µs, ~3 µs with the caches cold between pages)
        lens = list(map(len, lines))
        self.max_len = max(lens, default=0)
        self.has_empty = 0 in lens
        self.lens = np.array(lens, dtype=np.int64)
        self.starts = np.zeros(n, dtype=np.int64)
        # (array methods and ufunc methods, not numpy's functions: ``np.cumsum``, ``np.partition``,
        # ``ndarray.all`` and ``sum`` go through a layer of Python that cost as much as the
        # operation on a short page; the same C code runs underneath)
        (self.lens[:-1] + 1).cumsum(out=self.starts[1:])
        self.ends = self.starts + self.lens
        self._tail: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self._counts: tuple[np.ndarray, np.ndarray] | None = None
        #: what :func:`doc_line_stats` returned for this page, with its arrays (the
        #: features take the arrays when handed that very list back)
        self.stats: (
            tuple[list[tuple[int, int, float, bool]], np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None
        ) = None

    def counts(self) -> tuple[np.ndarray, np.ndarray]:
        """Per line (rows; uint16, or int32 on pages with a line of 4,096 characters or
        more): alphabetic, digit, upper-case, alphanumeric and space characters,
        ``str.split()`` words, those opening with an upper-case character, and ``\\w+``
        runs; with whether each character is a word character (``\\w``).

        One ``reduceat`` over eight rows serves :func:`doc_line_stats` (the runs) and
        :func:`doc_features` (the rest), where the runs took an int64 prefix sum over the
        page (about 3 ns a character, ten times the reduceat's) and two gathers of their
        own.  The segments are [start, end) of every line, the odd ones the newlines
        between lines; the padding 0 lets the last end index.  (``np.unpackbits`` along
        the rows was ten times slower than ``bitwise_and`` on long pages.)
        """
        if self._counts is None:
            size = len(self.flags)
            n = len(self.starts)
            rows = np.empty((8, size + 1), dtype=np.uint8)
            rows[:, size] = 0
            flags = self.flags
            # the five class rows hold their flag's bit as it stands (0 or 2**k), all five
            # from one broadcast call; the counts are shifted back after the sum
            np.bitwise_and(flags, _CLASS_BITS, out=rows[:5, :size])
            space = rows[4]
            isword = rows[3, :size] > 0
            if "_" in self.joined:  # re's \w is str.isalnum() or "_"
                isword |= self.cps == 95
            if not self.ascii:  # and the marks a word's letters carry (lexicon.WORD_MARKS),
                # all from U+0300 on: a Latin page holds few such characters (its quotes and
                # dashes), so only those are looked up
                at = np.flatnonzero(self.cps >= 0x300)
                if len(at):
                    isword[at] |= _word_marks_of(self.cps.take(at))
            if size:
                # str.split() words start at a non-space after a space (the joining newline
                # counts); \w runs at a word character after a non-word one
                np.greater(space[: size - 1], space[1:size], out=rows[5, 1:size])
                rows[5, 0] = space[0] == 0
                np.logical_and(rows[5, :size], rows[2, :size], out=rows[6, :size])
                np.greater(isword[1:], isword[:-1], out=rows[7, 1:size])
                rows[7, 0] = isword[0]
            bounds = np.empty(2 * n, dtype=np.int64)
            bounds[0::2] = self.starts
            bounds[1::2] = self.ends
            # summed over the bytes into uint16 when no sum can reach 2**16 (a line under 4,096
            # characters: the space row adds 16 a space), twice as fast as into int32, which
            # longer lines take (a line is far shorter than 2**31 characters)
            wide = self.max_len >= _UINT16_LINE_CHARS
            counts = np.add.reduceat(rows, bounds, axis=1, dtype=np.int32 if wide else np.uint16)[:, 0::2]
            np.right_shift(counts[:5], _BIT_SHIFTS, out=counts[:5])
            if self.has_empty:
                counts[:, self.lens == 0] = 0  # reduceat gives an empty segment's first element
            self._counts = (counts, isword)
        return self._counts

    def tail(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per line: ends in a sentence mark, ends in a colon (both after stripping closing
        quotes, brackets and spaces), ends in an ellipsis (after stripping whitespace).

        A line's last character is read from the page's bits; only the lines ending in a
        character that ``rstrip`` would strip (a closing quote or bracket, a space: a few in
        a hundred) are stripped in Python (a per-line ``rstrip`` was most of this).  Only
        the lines holding an ellipsis can end in one, and they are found in one scan.
        """
        if self._tail is None:
            n = len(self.lines)
            if len(self.flags):
                # an empty line's "last character" is the newline before or after it, which
                # has no sentence-end or closer bit and is no colon
                last = self.ends - 1
                if self.has_empty:  # (only an empty first line would point before the page)
                    np.maximum(last, 0, out=last)
                bits = self.flags.take(last)
                sent = bits >= _FLAG_SENT_END  # (the top bit)
                colon = self.cps.take(last) == 0x3A
                for i in (bits & _FLAG_CLOSER).nonzero()[0].tolist():
                    c = self.lines[i].rstrip(_STRIPPED)[-1:]  # "" is no sentence end
                    sent[i] = c in _SENT_END
                    colon[i] = c == ":"
            else:
                sent = np.zeros(n, dtype=bool)
                colon = np.zeros(n, dtype=bool)
            ell = np.zeros(n, dtype=bool)
            joined = self.joined
            hits = [*_find_all(joined, "..."), *_find_all(joined, "…")]
            if hits:
                # a few hits: a set of their lines (np.unique's sort cost more than the rest)
                rows = set((self.starts.searchsorted(hits, side="right") - 1).tolist())
                for i in rows:
                    ell[i] = self.lines[i].rstrip().endswith(_ELLIPSES)
            self._tail = (sent, colon, ell)
        return self._tail


def _find_all(text: str, sub: str) -> list[int]:
    """Where ``sub`` starts in ``text``, non-overlapping (``str.find`` from hit to hit: a
    few C calls where a regex alternation steps through every position)."""
    out = []
    i = text.find(sub)
    while i >= 0:
        out.append(i)
        i = text.find(sub, i + len(sub))
    return out


#: the last page seen (see :class:`_Page`); one slot, replaced whole, so threads at worst
#: recompute
_LAST_PAGE: list[_Page | None] = [None]


def _page(lines: Sequence[str], joined: str) -> _Page:
    """The :class:`_Page` of newline-free ``lines`` (``joined``: their newline join), reused
    when it is the page seen last: equal joins of newline-free lines are equal lines."""
    last = _LAST_PAGE[0]
    if last is not None and last.joined == joined:
        return last
    page = _Page(lines, joined)
    _LAST_PAGE[0] = page
    return page


# The joined-document versions of the per-line patterns: "\n" separates lines, so no match
# may cross it ([^\S\n] instead of \s) and ^/$ are per line.
#: what the separator column counts (per line, non-overlapping); :func:`_separators_per_line`
#: counts it without running it
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
# _L_DATEISH split in two, each found faster than the whole (it opens with "\b", so re tries
# every position of the text with all four branches): where it matches, one of these does.
#: its numeric branches, led by their first digit (re skips ahead to the digits); "\b"
#: before a digit is "no word character before it", tested after the digit
_L_DATE_NUM = re.compile(r"\d(?<!\w\d)(?:\d?[./-]\d{1,2}[./-]\d{2,4}\b|\d{3}-\d{2}-\d{2}\b|\d?:\d{2}\b)")
#: its month branch, searched only on the lines holding a month word's first three letters
_DATE_MONTH_AT = _L_DATEISH.pattern.index(r"\b(?:jan|")
_L_DATE_MONTH = re.compile(_L_DATEISH.pattern[_DATE_MONTH_AT:])
_DATE_MONTH_AC = ahocorasick_rs.BytesAhoCorasick(
    sorted({utf8(w[:3]) for w in _L_DATE_MONTH.pattern[5 : _L_DATE_MONTH.pattern.index(")")].split("|")}),
    implementation=ahocorasick_rs.Implementation.DFA,
)
#: bullets open a line: matched after the newline before it, over "\n" + the page (a literal
#: first character lets re skip ahead; a multiline "^" tries every position); a match
#: starts at its line's offset in the page
_NL_BULLET = re.compile(r"\n[^\S\n]*(?:[-•*–—·▪►>]|\d+[.)])[^\S\n]")


#: a line's first ``split()`` word, matched from the newline before the line
_FIRST_WORD = re.compile(r"\n[^\S\n]*(\S*)")

#: what a line's first word ends in when it is a bullet of :data:`_NL_BULLET` (a mark on
#: its own, or a number closed by "." or ")")
_BULLET_ENDS = frozenset("-•*–—·▪►>.)")
_BULLET_MARKS = frozenset("-•*–—·▪►>")


def _bullet_rows(lines: Sequence[str], heads: Sequence[str], out: np.ndarray | None = None) -> np.ndarray:
    """Whether :data:`_NL_BULLET` matches at the start of each line, from the lines' first
    words ``heads`` (the ``\\S*`` after the leading spaces).  The bullet must be the whole
    first word (a space follows it, and the word runs up to a space) and must not end the
    line; ``\\d`` is ``str.isdecimal`` (a test checks every code point).  Saves a regex
    scan of the page, which stops at every newline.  ``out``: a zeroed row to write into."""
    hit = np.zeros(len(heads)) if out is None else out
    for i in [i for i, h in enumerate(heads) if h[-1:] in _BULLET_ENDS]:
        h = heads[i]
        if h in _BULLET_MARKS or (h[-1] in ".)" and h[:-1].isdecimal()):
            hit[i] = len(lines[i].lstrip()) > len(h)
    return hit


_SEP_CHARS = "|»›•·/>"
_ANY_SEP = re.compile("[" + re.escape(_SEP_CHARS) + "]")


@lru_cache(maxsize=64)
def _log_thirds(m: int) -> np.ndarray:
    """``[0, log(1)/3, ..., log(m)/3]`` with ``math.log`` (a constant table; the counts it
    is indexed by are small)."""
    return _frozen(np.asarray([0.0] + [math.log(k) / 3.0 for k in range(1, m + 1)]))


def _lines_hit(rx: re.Pattern[str], joined: str, starts: np.ndarray, n: int) -> np.ndarray:
    """Number of matches of ``rx`` in each line of ``joined`` (lines begin at ``starts``)."""
    pos = [m.start() for m in rx.finditer(joined)]
    if not pos:
        return np.zeros(n)
    idx = starts.searchsorted(np.asarray(pos), side="right") - 1
    return np.bincount(idx, minlength=n).astype(np.float64)


def _dateish_rows(low: str, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Whether :data:`_L_DATEISH` matches in each line of the lower-cased ``low`` (lines at
    ``starts``/``ends``): its numeric branches over the whole text, its month branch only on
    the lines holding a month's first three letters and no numeric date (no match of either
    crosses a newline, so a line is hit exactly when one of them matches in it)."""
    hit = _lines_hit(_L_DATE_NUM, low, starts, len(starts)) > 0
    rows = [row for _, row in hits_by_line(_DATE_MONTH_AC, utf8(low)) if not hit[row]]
    if rows:
        hit |= _rows_holding_match(_L_DATE_MONTH, low, starts, ends, rows) > 0
    return hit


def _lines_holding_match(
    rx: re.Pattern[str], text: str, starts: np.ndarray, ends: np.ndarray, at: list[int]
) -> np.ndarray:
    """:func:`_rows_holding_match` of the lines holding the character offsets ``at``."""
    rows = starts.searchsorted(np.asarray(at), side="right") - 1
    return _rows_holding_match(rx, text, starts, ends, rows.tolist())


def _rows_holding_match(
    rx: re.Pattern[str], text: str, starts: np.ndarray, ends: np.ndarray, rows: list[int]
) -> np.ndarray:
    """Whether ``rx`` matches in each line of ``text`` (lines at ``starts``/``ends``, newline
    separated), searching only the lines of ``rows``: the others cannot match.
    ``search`` with the line's bounds sees what a whole-page scan sees there (the patterns
    have no ``^``, their matches hold no newline, and a newline is no word character, as
    the end of the searched range is not)."""
    hit = np.zeros(len(starts))
    for i in dict.fromkeys(rows):
        if rx.search(text, int(starts[i]), int(ends[i])) is not None:
            hit[i] = 1.0
    return hit


@lru_cache(maxsize=1)
def _bmp_separators() -> np.ndarray:
    """1 for the separator characters of :data:`_J_SEPARATORS`, 3 for those also allowed
    at a line's edge (all but "/" and ">")."""
    out = np.zeros(0x10000, dtype=np.uint8)
    for ch in _SEP_CHARS:
        out[ord(ch)] = 1 if ch in "/>" else 3
    return out


def _separator_positions(text: str) -> list[int]:
    """Where the separator characters of :data:`_J_SEPARATORS` are in ``text``, in order.

    One ``str.find`` run per character, then a sort: ``find`` skips ahead with a fast
    single-character search, where re tests its character class at every position (four
    times slower over the pages, measured) and a gather over the page costs more still.
    """
    found = [i for ch in _SEP_CHARS if ch in text for i in _find_all(text, ch)]
    found.sort()
    return found


def _separators_per_line(page: _Page, found: list[int] | None = None) -> np.ndarray:
    """Matches of :data:`_J_SEPARATORS` per line, found from the separator characters.

    The regex has a "^" branch, so re tries it at every position of the page (a tenth of
    the features' time).  Every match holds exactly one separator character, and which
    branch can match around a given one is fixed by its two neighbours: a separator between
    two non-newline spaces (3 characters from the space before), an edge separator after a
    space at a line's end (2) or at a line's start before a space (2, from the separator).
    Those candidates are then taken left to right without overlap, as finditer does.
    ``found``: :func:`_separator_positions` of the page, if known.
    """
    cps, flags, n = page.cps, page.flags, len(page.starts)
    if found is None:
        found = _separator_positions(page.joined)
    if len(found) <= _SEP_LOOP_MAX:
        return _separators_loop(page, found)
    k = np.asarray(found, dtype=np.int64)
    sep_k = _bmp_separators()[cps[k]]  # separator characters are all in the BMP
    size = len(cps)
    before = np.maximum(k - 1, 0)
    after = np.minimum(k + 1, size - 1)
    nl_before = cps[before] == 10
    nl_after = cps[after] == 10
    space_before = (k >= 1) & ((flags[before] & _FLAG_SPACE) > 0) & ~nl_before
    space_after = (k + 1 < size) & ((flags[after] & _FLAG_SPACE) > 0) & ~nl_after
    line_end = (k + 1 == size) | nl_after
    line_start = (k == 0) | nl_before
    edge = (sep_k & 2) > 0
    middle = space_before & space_after
    end_edge = space_before & edge & line_end
    start_edge = line_start & edge & space_after
    hit = middle | end_edge | start_edge
    if not hit.any():
        return np.zeros(n)
    k, middle, end_edge = k[hit], middle[hit], end_edge[hit]
    m_start = np.where(middle | end_edge, k - 1, k)
    m_end = np.where(end_edge, k + 1, k + 2)
    if len(m_start) > 1 and (m_start[1:] < m_end[:-1]).any():  # overlapping: keep the leftmost
        keep = np.zeros(len(m_start), dtype=bool)
        free = 0
        for i, (a, b) in enumerate(zip(m_start.tolist(), m_end.tolist(), strict=True)):
            if a >= free:
                keep[i] = True
                free = b
        m_start = m_start[keep]
    line = page.starts.searchsorted(m_start, side="right") - 1
    return np.bincount(line, minlength=n).astype(np.float64)


#: pages with at most this many separator characters have them judged one by one in Python
#: (the numpy version's ~25 calls cost more than the loop on so few, measured)
_SEP_LOOP_MAX = 40


def _separators_loop(page: _Page, found: list[int]) -> np.ndarray:
    """:func:`_separators_per_line` for a few separator characters at ``found``: the same
    tests on the same characters (``str.isspace`` is what the space bit holds), in Python."""
    n = len(page.starts)
    counts = np.zeros(n)
    if not found:
        return counts
    text = page.joined
    size = len(text)
    free = 0
    starts = page.starts.tolist()
    for k in found:
        edge = text[k] not in "/>"
        before = text[k - 1] if k >= 1 else ""
        after = text[k + 1] if k + 1 < size else ""
        space_before = before != "\n" and before.isspace()
        space_after = after != "\n" and after.isspace()
        if space_before and space_after:  # a separator between two spaces
            a, b = k - 1, k + 2
        elif space_before and edge and after in ("", "\n"):  # at a line's end
            a, b = k - 1, k + 1
        elif edge and space_after and before in ("", "\n"):  # at a line's start
            a, b = k, k + 2
        else:
            continue
        if a >= free:  # matches do not overlap: the leftmost wins, as in finditer
            counts[bisect_right(starts, a) - 1] += 1
            free = b
    return counts


#: pages with more lines than this find prose distances by binary search in numpy; shorter
#: ones by two plain loops, which are faster there (measured)
_PROSE_LOOP_MAX_LINES = 80


def _prose_distance(prose: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Lines back to the previous and on to the next prose line (50 when there is none), by
    searches over the prose lines: :func:`_prose_rows` asks for it on long pages only."""
    n = len(prose)
    at = np.flatnonzero(prose)
    m = len(at)
    if m == 0:
        return np.full(n, 50.0), np.full(n, 50.0)
    idx = np.arange(n)
    before = at.searchsorted(idx, side="left")  # prose lines above line i
    upto = at.searchsorted(idx, side="right")  # ... and including it
    prev = np.where(before > 0, idx - at[np.maximum(before - 1, 0)], 50)
    nxt = np.where(upto < m, at[np.minimum(upto, m - 1)] - idx, 50)
    return prev.astype(np.float64), nxt.astype(np.float64)


def _prose_distance_lists(prose: list[bool]) -> tuple[list[int], list[int], int, int]:
    """Lines back to the previous and on to the next prose line (50 when there is none) by
    two plain loops, which beat the array version on short pages; with the first and the
    last prose line (``n`` and -1 when there is none)."""
    n = len(prose)
    prev = [50] * n
    seen = -1
    for i, p in enumerate(prose):
        if seen >= 0:
            prev[i] = i - seen
        if p:
            seen = i
    last = seen
    nxt = [50] * n
    seen = -1
    for i in range(n - 1, -1, -1):
        if seen >= 0:
            nxt[i] = seen - i
        if prose[i]:
            seen = i
    return prev, nxt, (seen if seen >= 0 else n), last


def _prose_distance_loops(prose: list[bool]) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_prose_distance` by two plain loops (the reference the tests hold it to)."""
    prev, nxt, _, _ = _prose_distance_lists(prose)
    return np.asarray(prev, dtype=np.float64), np.asarray(nxt, dtype=np.float64)


def _position_columns(n: int) -> np.ndarray:
    """Columns rel_pos, log_from_start and log_from_end of ``n`` lines (a read-only view of
    :func:`_position_rows`)."""
    return _position_rows(n).T


def doc_features(
    lines: Sequence[str],
    stop: frozenset[str] | None,
    stats: Sequence[tuple[int, int, float, bool]] | None = None,
    cues: Sequence[bool] | None = None,
    keys: Sequence[str] | None = None,
    norms: Sequence[str] | None = None,
) -> np.ndarray:
    """Feature matrix (n_lines x N_FEATURES) for the non-blank lines of one document
    (``norms``: :func:`lexicon.normalise_many` of the lines, if known).

    Computed per column over the whole document (one character-class gather shared with
    :func:`doc_line_stats`, one regex scan of the joined text per pattern, prefix sums for
    per-line counts and windows): a per-line Python loop was 40 % of the cleaner's time.
    """
    n = len(lines)
    if n == 0:
        return np.zeros((0, N_FEATURES), dtype=np.float64)
    joined = "\n".join(lines)
    if joined.count("\n") != n - 1:
        lines = [t.replace("\n", " ") for t in lines]
        joined = "\n".join(lines)
    if stats is None:
        stats = doc_line_stats(lines, stop)
    page = _page(lines, joined)
    _LAST_PAGE[0] = None  # the cleaner asks for nothing more about this page
    starts, lens_arr = page.starts, page.lens
    if page.stats is not None and page.stats[0] is stats:  # the arrays behind that list
        _, nw_i, ns_i, sr_arr, sent_arr = page.stats
        nw_arr = nw_i.astype(np.float64)
        ns_arr = ns_i.astype(np.float64)
    else:
        st = np.asarray(stats, dtype=np.float64).reshape(n, 4)
        nw_arr = np.ascontiguousarray(st[:, 0])
        ns_arr = np.ascontiguousarray(st[:, 1])
        sr_arr = np.ascontiguousarray(st[:, 2])
        sent_arr = st[:, 3].astype(bool)

    # The matrix is built transposed, a feature per row, and turned round at the end: a
    # ufunc then writes its result straight into its contiguous row (``out=``), where the
    # column layout took a temporary and a strided store per feature.  On a short page the
    # numpy calls are the cost (about 1 us each, twice that with cold caches), and this
    # saves some forty of them.  Every value comes from the same operations on the same
    # contiguous inputs as before, so the floats are the same.
    T = np.zeros((N_FEATURES, n), dtype=np.float64)
    # character classes summed per line (see _Page.counts)
    cf = page.counts()[0][:7].astype(np.float64)
    digit, alnum, space = cf[1], cf[3], cf[4]
    # each line's first character's bits: an empty line's is that of the newline after it
    # (or of the padding), which has neither case bit
    first_flags = page.padded.take(starts)

    L = np.maximum(lens_arr, 1.0)
    sent_last, colon_last, ell = page.tail()
    ends_sent = sent_last > ell  # ends in a sentence mark, and not in an ellipsis

    if norms is None or len(norms) != n:
        norms = normalise_many(lines, keys)
    norm_counts = _counts(norms)
    # first word of each line, case-folded in one call (casefold never makes a newline)
    # each line's first word: one scan from newline to newline (``\s`` is ``str.isspace``,
    # what ``split()`` splits at; lines hold no newline here)
    heads_w = _FIRST_WORD.findall("\n" + joined)
    if len(heads_w) != n:  # pragma: no cover - one match per newline, and there are n
        heads_w = [w[0] if w else "" for w in (t.split(None, 1) for t in lines)]
    firsts = "\n".join(heads_w).casefold().split("\n")
    if len(firsts) != n:  # pragma: no cover - defensive
        firsts = [w.casefold() for w in heads_w]
    first_counts = _counts(firsts)
    # the digit runs of a line's first 40 characters: only lines holding a digit can have one
    shapes = [t[:40] for t in lines]
    digit_rows = digit.nonzero()[0]
    if len(digit_rows):
        # one substitution over the heads of the lines holding a digit (no digit run crosses
        # the newlines; ``\d`` is ``str.isdecimal``, which only a digit passes, so the other
        # heads stay as they are): a call per line cost more, and all of the page's heads
        # took 30 ms a pass on the bench pages against 12
        at = digit_rows.tolist()
        subbed = _DIGITS.sub("0", "\n".join([shapes[i] for i in at])).split("\n")
        if len(subbed) == len(at):
            for i, h in zip(at, subbed, strict=True):
                shapes[i] = h
        else:  # pragma: no cover - lines hold no newline here
            shapes = [_DIGITS.sub("0", h) if d else h for h, d in zip(shapes, digit.tolist(), strict=True)]
    shape_counts = _counts(shapes)
    if n <= _SMALL_PAGE_LINES:
        # the same numbers from the word counts as a list (numpy's wrappers cost more here)
        nw_list = nw_arr.tolist()
        doc_long_frac = float(sum(map((15.0).__le__, nw_list))) / n
        median_words = int(sorted(nw_list)[n // 2]) or 1
    else:
        doc_long_frac = float(np.count_nonzero(nw_arr >= 15)) / n
        median_words = int(np.partition(nw_arr, n // 2)[n // 2]) or 1
    # the word-count tests, all in one call: under 5, 9, 12, 13 and 15 words (the counts
    # are whole numbers, so "at most 4" is "under 5"); each row stands in for a comparison
    # of its own (four calls fewer a page)
    lt5, lt9, lt12, lt13, lt15 = np.less(nw_arr, _WORD_CUTS)
    prose = np.greater(sent_arr, lt12)  # a sentence of at least 12 words
    # lines back to the previous and on to the next prose line, at most 50, and the first
    # and last prose line
    dist, first_prose, last_prose = _prose_rows(prose)

    # rows in _SCALED_ROWS get their numerators here and are divided all at once below
    np.log1p(lens_arr, out=T[0])
    np.log1p(nw_arr, out=T[1])
    T[2] = ends_sent
    T[3] = colon_last
    T[4] = ell
    T[5] = sr_arr
    np.minimum(ns_arr, 20, out=T[6])
    if stop is not None:
        T[7] = 1.0
    np.divide(digit, L, out=T[8])
    # upper / max(alpha, 1) and title_words / max(n_split, 1) in one division: the rows
    # (2, 6) over (0, 5) of the counts into rows 9 and 12, all strided views
    np.divide(cf[2::4], np.maximum(cf[0::5], 1), out=T[9:13:3])
    np.subtract(L, alnum, out=T[10])
    T[10] -= space
    T[10] /= L
    # the case bits into rows 11 and 37 in one call (0 or the bit: divided by it)
    np.bitwise_and(first_flags, _CASE_BITS, out=T[11:38:26])
    # whole-document literal prefilters first: most pages have no URL, copyright or separator
    low, prefilter_hits = lower_page_and_prefilter(joined)
    same_len = len(low) == len(joined)  # lower() keeps offsets (not so with "İ")
    seps = _separator_positions(joined)
    if seps:
        np.minimum(_separators_per_line(page, seps), 5, out=T[13])
    # the prefilters' substrings, found in one scan; every match of a pattern holds one of its
    # own, so only the lines holding one are searched (offsets of ``low`` are the page's when
    # lower() kept its length; otherwise the page is scanned with the case-blind pattern)
    url_rows: list[int] = []
    copy_rows: list[int] = []
    n_url = len(_URL_KEYS)
    for k, row in prefilter_hits:
        (url_rows if k < n_url else copy_rows).append(row)
    ends = page.ends
    if url_rows:
        T[14] = (
            _rows_holding_match(_L_URLISH, low, starts, ends, url_rows)
            if same_len
            else _lines_hit(_URLISH, joined, starts, n) > 0
        )
    if copy_rows:
        T[15] = (
            _rows_holding_match(_L_COPYRIGHT, low, starts, ends, copy_rows)
            if same_len
            else _lines_hit(_J_COPYRIGHT, joined, starts, n) > 0
        )
    # dates only matter on short lines: scan just those (the month alternation is slow)
    short_idx = digit_rows[lt9.take(digit_rows)]
    if len(short_idx):
        short_lines = [lines[k] for k in short_idx.tolist()]
        sj = "\n".join(short_lines)
        if sj:
            s_starts = np.zeros(len(short_lines), dtype=np.int64)
            s_lens = np.fromiter(map(len, short_lines), dtype=np.int64, count=len(short_lines))
            (s_lens[:-1] + 1).cumsum(out=s_starts[1:])
            sl = sj.lower()
            if len(sl) == len(sj):
                T[16, short_idx] = _dateish_rows(sl, s_starts, s_starts + s_lens)
            else:
                T[16, short_idx] = _lines_hit(_J_DATEISH, sj, s_starts, len(short_lines)) > 0
    _bullet_rows(lines, heads_w, T[17])
    if cues is None:
        cues = [has_cue(t) for t in lines]
    if any(cues):  # (most pages hold no cue: the row stays 0)
        np.logical_and(np.fromiter(map(bool, cues), dtype=bool, count=n), lens_arr < 400, out=T[18])
    T[19:22] = _position_rows(n)
    np.divide(lens_arr, max(page.max_len, 1), out=T[22])
    reps = np.fromiter(map(norm_counts.__getitem__, norms), dtype=np.float64, count=n)
    np.greater(reps, 1, out=T[23])
    wv = np.empty((5, n))
    wv[0] = nw_arr
    np.greater_equal(nw_arr, 12, out=wv[1])
    wv[2] = sr_arr
    np.less_equal(nw_arr, 5, out=wv[3])
    wv[4] = prose
    win = _window_means(wv, (2, 5, 5, 3, 10))
    np.log1p(win[0], out=T[28])
    T[_WINDOW_ROWS] = win[1:]
    np.greater(lt5, ends_sent, out=T[31])  # short, and no sentence end
    T[32] = math.log1p(n) / 5.0
    np.logical_and(np.greater(ends_sent, lt15), sr_arr >= 0.2, out=T[33])
    np.log(reps, out=T[34])
    # (the first word's log count is >= 0: times 0 or 1 it is what np.where picked, +0.0
    # included, before or after its division)
    np.log(np.fromiter(map(first_counts.__getitem__, firsts), dtype=np.float64, count=n), out=T[35])
    np.multiply(T[35], lt13, out=T[35])
    T[38] = doc_long_frac
    ratio = nw_arr + 1
    ratio /= median_words + 1
    np.log(ratio, out=T[39])
    # math.log, as before, through a table of the few counts (numpy's log may differ in the
    # last bit); the table holds no negative value, so a product with 0 or 1 is the choice
    sc = np.fromiter(map(shape_counts.__getitem__, shapes), dtype=np.int64, count=n)
    _log_thirds(max(shape_counts.values())).take(sc, out=T[40], mode="clip")
    np.multiply(T[40], np.fromiter(map(str.__ne__, shapes, norms), dtype=bool, count=n), out=T[40])
    np.log(dist, out=T[41:43])
    # every scaled row divided by its constant in one gather, division and scatter (the
    # same IEEE division of each value as a division per row, a dozen calls fewer)
    T[_SCALED_ROWS] /= _SCALES
    # the lines' log word counts and stopword shares (rows 1 and 5), shifted down into
    # rows 24 and 26 and up into 25 and 27: two copies between strided views
    T[24:27:2, 1:] = T[1:6:4, :-1]
    T[25:28:2, :-1] = T[1:6:4, 1:]
    if first_prose <= last_prose:
        T[43, first_prose : last_prose + 1] = 1.0
    return T.T.copy()


def _counts(items: Sequence[str]) -> dict[str, int]:
    """How often each item occurs: what ``Counter(items)`` holds, from the C helper that
    fills a Counter, without Counter's Python-level construction (a few µs a call, three
    calls a page; only present items are looked up, so a plain dict will do)."""
    out: dict[str, int] = {}
    _count_elements(out, items)
    return out


#: the word counts :func:`doc_features` tests a line's against ("under 5 words" ...)
_WORD_CUTS = np.asarray([5.0, 9.0, 12.0, 13.0, 15.0])[:, None]
#: the first character's case bits, upper then lower (rows 11 and 37 of the features)
_CASE_BITS = np.asarray([_FLAG_UPPER, _FLAG_LOWER], dtype=np.uint8)[:, None]

#: pages with at most this many lines have their median and long-line share of word counts
#: taken in Python (numpy's partition and count cost more there; sorting a list is exact)
_SMALL_PAGE_LINES = 64

#: the rows :func:`doc_features` divides by a constant, and the constants (log scales, caps,
#: the first character's case bits)
_SCALE_OF = (
    ("log_chars", 6.0), ("log_words", 4.0), ("stop_count", 20.0), ("starts_upper", float(_FLAG_UPPER)),
    ("separators", 5.0), ("win2_words", 4.0), ("log_repeats", 3.0), ("first_word_repeats", 3.0),
    ("starts_lower", float(_FLAG_LOWER)), ("rel_words_median", 3.0), ("log_dist_prev_prose", 4.0),
    ("log_dist_next_prose", 4.0),
)  # fmt: skip
_SCALED_ROWS = [FEATURE_NAMES.index(c) for c, _ in _SCALE_OF]
_SCALES = np.asarray([d for _, d in _SCALE_OF], dtype=np.float64)[:, None]

#: the rows :func:`doc_features` fills from its window means 1-4
_WINDOW_ROWS = [FEATURE_NAMES.index(c) for c in ("win5_long", "win5_stop", "win3_short", "prose_frac_win10")]


@lru_cache(maxsize=1024)
def _position_rows(n: int) -> np.ndarray:
    """Rows rel_pos, log_from_start and log_from_end of ``n`` lines: they depend on the
    page's length only (computed as they always were, then kept)."""
    idx = np.arange(n, dtype=np.float64)
    out = np.empty((3, n))
    out[0] = idx / (n - 1) if n > 1 else 0.0
    out[1] = np.log1p(idx) / 5.0
    out[2] = np.log1p(n - 1 - idx) / 5.0
    return _frozen(out)


def _prose_rows(prose: np.ndarray) -> tuple[np.ndarray, int, int]:
    """:func:`_prose_distance` of ``prose`` as one (2, n) array, each distance at most 50,
    with the first and the last prose line (n and -1 when there is none).  The log of both
    rows is then one call."""
    n = len(prose)
    if n <= _PROSE_LOOP_MAX_LINES:
        prev, nxt, first, last = _prose_distance_lists(prose.tolist())
        dist = np.fromiter(chain(prev, nxt), dtype=np.float64, count=2 * n).reshape(2, n)
    else:
        prev_a, next_a = _prose_distance(prose)
        dist = np.array([prev_a, next_a])
        at = np.flatnonzero(prose)
        first, last = (int(at[0]), int(at[-1])) if len(at) else (n, -1)
    np.minimum(dist, 50, out=dist)
    return dist, first, last


@lru_cache(maxsize=1024)
def _context_counts(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """For :func:`context_features` on ``n`` lines: whether each line has lines before and
    after it, and how many (at least 1); a function of the page's length only."""
    idx = np.arange(n)
    return (
        _frozen(idx > 0),
        _frozen(np.maximum(idx, 1)),
        _frozen(idx < n - 1),
        _frozen(np.maximum(n - 1 - idx, 1)),
    )


def context_features(p: np.ndarray) -> np.ndarray:
    """Second-stage features: the first stage's probabilities around each line.

    Every page pays this once, and on a short page the calls are the cost: the neighbours
    and the window come from one gather of the padded probabilities, the window sum is a
    reduction over its rows (the same additions in the same order as the running sum it
    replaced), and the two means are written straight into their columns, the page's edge
    lines then set (the only ones with nothing before or after).
    """
    n = len(p)
    if n == 0:
        return np.zeros((0, 6), dtype=np.float64)
    out = np.empty((n, 6), dtype=np.float64)
    # one gather from the padded probabilities: each line's own, the previous and the next
    # (the first three columns), then the six of its window but itself; their sum is a
    # reduction over the rows, which adds them one row at a time in this order: the
    # additions (and so the floats) of the running sum it replaces.  About ten numpy calls
    # fewer a page (see doc_features on what a call costs)
    g = np.concatenate((_HALVES, p, _HALVES)).take(_context_index(n))
    out[:, :3] = g[:3].T
    np.divide(np.add.reduce(g[3:], axis=0), 6, out=out[:, 3])
    # mean probability of everything before / after the line (is it in the page's head or
    # tail?); the first line's "before" is set below, so the sums before a line are the
    # prefix sums one line back
    cs = p.cumsum()
    _, before, _, after = _context_counts(n)
    np.divide(cs[: n - 1], before[1:], out=out[1:, 4])
    np.subtract(cs[n - 1], cs, out=out[:, 5])
    out[:, 5] /= after
    out[0, 4] = 0.5
    out[n - 1, 5] = 0.5
    return out


#: the padding of :func:`context_features`: no line, a neutral probability
_HALVES = np.full(3, 0.5)


@lru_cache(maxsize=1024)
def _context_index(n: int) -> np.ndarray:
    """Where :func:`context_features` reads the padded probabilities (three 0.5 at each
    end) for ``n`` lines: the line, the previous, the next, then lines -3, -2, -1, +1, +2,
    +3 (the window, in the order the running sum added them)."""
    i = np.arange(n)
    return _frozen(np.stack([i + 3, i + 2, i + 4, i, i + 1, i + 2, i + 4, i + 5, i + 6]))


def page_context(p: np.ndarray) -> tuple[float, float]:
    """The mean and the median of the first stage's probabilities over the whole page (a
    ``page_stats`` model's two last second-stage columns, the same for every line)."""
    n = len(p)
    if n == 0:
        return (0.5, 0.5)
    # the values ``p.mean()`` and ``np.median(p)`` give, from one C call each: on the short
    # pages that make up most of a corpus, numpy's Python wrappers were the cost
    k = n // 2
    if n % 2:
        part = p.copy()
        part.partition(k)
        median = float(part[k])
    else:
        part = p.copy()
        part.partition((k - 1, k))
        median = float((part[k - 1] + part[k]) / 2)
    return (float(np.add.reduce(p) / n), median)


#: columns of :func:`doc_features` that :func:`neighbour_features` copies from the lines
#: around each line (length, prose-ness, punctuation, list and link marks, cues, repeats)
NEIGHBOUR_COLUMNS = tuple(
    FEATURE_NAMES.index(c)
    for c in (
        "log_chars", "log_words", "ends_sentence", "stop_ratio", "digit_ratio", "upper_ratio",
        "punct_ratio", "title_case_ratio", "urlish", "bullet", "cue", "dup_in_doc",
        "short_no_punct", "long_prose",
    )
)  # fmt: skip


def neighbour_features(x: np.ndarray) -> np.ndarray:
    """``x`` widened with the selected columns of the lines 1 and 2 before and after.

    A tree model cannot add up neighbours the way the window means do; giving it the
    neighbours' own values lets it learn "a short line between two prose lines" directly.
    Missing neighbours (page edges) are -1, a value no feature takes.
    """
    n = len(x)
    s = x[:, NEIGHBOUR_COLUMNS]
    edge = np.full((2, s.shape[1]), -1.0)
    pad = np.vstack([edge, s, edge])
    return np.hstack([x, pad[1 : 1 + n], pad[3 : 3 + n], pad[0:n], pad[4 : 4 + n]])


def wide_context_features(p: np.ndarray) -> np.ndarray:
    """:func:`context_features` plus a wider view of the first stage's probabilities.

    Lines two away, the mean and the minimum over ten lines either side, and the page's mean
    and median: a page the first stage finds mostly noisy (a shop, a forum index) moves
    every line's second-stage score.
    """
    n = len(p)
    if n == 0:
        return np.zeros((0, 12), dtype=np.float64)
    r = 10
    pad = np.concatenate([np.full(r, 0.5), p, np.full(r, 0.5)])
    c = np.concatenate([[0.0], np.cumsum(pad)])
    idx = np.arange(n)
    win_mean = (c[idx + 2 * r + 1] - c[idx]) / (2 * r + 1)
    win_min = np.lib.stride_tricks.sliding_window_view(pad, 2 * r + 1).min(axis=1)
    extra = np.stack(
        [
            pad[r - 2 : r - 2 + n],
            pad[r + 2 : r + 2 + n],
            win_mean,
            win_min,
            np.full(n, float(p.mean())),
            np.full(n, float(np.median(p))),
        ],
        axis=1,
    )
    return np.hstack([context_features(p), extra])

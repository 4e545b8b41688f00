"""The headline of a page rendered whole, ranked among the lines around where its body starts.

A page rendered to text opens with menus, teasers and tag lists; its headline is one of the
lines shortly above the first prose line the line model keeps, but which one depends on the
site: a deck, a byline, a date, a "Share" row or a photo line may sit in between, and the
nearest headline-shaped line is as often a teaser's or a section's.  The rule it replaces
("the nearest line of four words or more above the body") found 33-38 % of the headlines on
trafilatura-eval's tune quarters; a logistic ranker over each candidate's distance to the
body, its ending, what the line model makes of it and of its neighbours, and the line
model's own surface features of it (already computed, so ranking costs a few dozen
microseconds a page) finds about half, and 48 % against 27 % on Fundus news pages it never
saw (docs/decisions.md, session 8).  Weights are written by
``scripts/train_headline_model.py`` and ship as ``headline_model.json``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from itertools import islice

import numpy as np

from newsdesk.clean.features import CLOSERS_AND_SPACE
from newsdesk.clean.features import FEATURE_NAMES as LINE_FEATURES
from newsdesk.clean.ranker import LineView, candidate_matrix, packaged

#: candidates: free lines this many above the body's first line (12 until session 19: with
#: the article-word columns, 20 found 6 more headlines on the four checks, 30 no more) ...
ABOVE = 20
#: ... and this many below it (a teaser or a subscription box can be the first kept prose)
BELOW = 3
#: a candidate has this many words at most, and this many characters
MAX_WORDS = 30
MAX_CHARS = 300

_LIST_MARKS = frozenset("*+•·-")
_BYLINE_START = re.compile(
    r"^(?:by|von|par|por|di|door|av|af|text|texte|autor|author|written by)\b", re.IGNORECASE
)

#: the ranker's own columns; each candidate row goes on with the line model's features of
#: the line (``features.FEATURE_NAMES``: length, case, digits, punctuation, list marks,
#: dates, cues ...), which the cleaner has already computed
OWN_FEATURES = (
    "above_1", "above_2", "above_3", "above_4", "above_5", "above_6_8", "above_9_plus",
    "is_body_start", "below",
    "words_4_plus", "words_8_plus", "words_15_plus",
    "ends_period", "ends_question", "ends_exclamation", "sentence",
    "p", "logit_p",
    "log_repeats", "byline_start", "nearest_4_words",
    "next_p", "next_is_prose", "prev_p", "prev_log_words", "next_dateish", "next_byline_start",
    "first_word_as_prev",
    "body_words_share", "first_in_body_words",
)  # fmt: skip
FEATURE_NAMES = OWN_FEATURES + tuple(f"line_{name}" for name in LINE_FEATURES)
_DATEISH = LINE_FEATURES.index("dateish")


#: set by scripts/train_headline_model.py: every call of :func:`candidates` appends the
#: candidates' texts and features (the cleaner computes them for it even without a ranker)
TRACE: list[tuple[list[str], np.ndarray]] | None = None


#: a headline does not end with a full stop (5 of 416 gold titles on the tune pages do,
#: none of 129 on Fundus, most after an abbreviation: "Co.", "Tues."); a line of five
#: words or more that does is a sentence of the body ("Before you start, you will need
#: Python on your computer."), which the ranker may otherwise take for the headline.  The
#: abbreviations are named: any short capitalised word let German sentences through
#: ("Hunderttausende von jungen Paaren trennen sich zur Zeit.")
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:Co|Corp|Inc|Ltd|Bros|Jr|Sr|Dr|Mr|Mrs|Ms|St|Mt|vs|etc|ca|bzw|usw|Nr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug"
    r"|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|[A-Za-z])\.|\.\.\.)$"
)


#: the full stops of other scripts (Chinese and Japanese, Devanagari and Bengali, Urdu,
#: Amharic, Burmese, Tibetan, the full-width stop): a line of five words or more ending on
#: one is a sentence of the body as much as one ending on "." (a Chinese encyclopaedia's
#: first paragraph was taken for the headline); a page in Chinese or Japanese counts its
#: words in characters (``core._cjk_words``)
_OTHER_FULL_STOPS = frozenset("。।॥۔።။།．")


def _first_word(text: str) -> str:
    """The first word, after a renderer's list mark ("* Entry")."""
    head, _, rest = text.partition(" ")
    if head in _LIST_MARKS:
        head = rest.lstrip().partition(" ")[0]
    return head.casefold()


def _same_first_word(lines: Sequence[LineView], i: int, j: int, memo: dict[int, str]) -> bool:
    for k in (i, j):
        if k not in memo:
            memo[k] = _first_word(lines[k].text)
    return memo[i] != "" and memo[i] == memo[j]


#: the article's words a candidate is compared with: words of 4 characters or more ...
_WORD = re.compile(r"\w{4,}")
#: ... and, on a page in a language written without spaces (Chinese, Japanese) or with words
#: glued to their particles (Korean), pairs of neighbouring characters: a run of them is one
#: "word" to ``\w``, a whole clause that never recurs
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_WORD_NOT_CJK = re.compile(rf"[^\W{_CJK}]{{4,}}")
_CJK_RUN = re.compile(rf"[{_CJK}]{{2,}}")
#: the page languages (fastText's labels) whose words are compared in character pairs
PAIR_LANGS = frozenset({"zh", "ja", "ko", "wuu", "yue"})


def _words(text: str, pairs: bool) -> set[str]:
    """The words of ``text`` (case folded) the headline columns compare; with ``pairs``,
    runs of Chinese, Japanese or Korean characters as their pairs of characters."""
    low = text.casefold()
    if not pairs:
        return set(_WORD.findall(low))
    words = set(_WORD_NOT_CJK.findall(low))
    for run in _CJK_RUN.findall(low):
        words.update(run[k : k + 2] for k in range(len(run) - 1))
    return words


#: ... of this many kept lines of this many words or more, from where the body starts
_BODY_LINES = 10
_BODY_LINE_WORDS = 8
#: a candidate sharing this share of its words with the article "speaks of it"; the
#: headline is the first such line of its block (no such line up to this many lines above)
_SPEAKS_OF_IT = 0.25
_BLOCK = 4


def _article_words(
    lines: Sequence[LineView], probs: Sequence[float], anchor: int, cut: float, wanted: set[str], pairs: bool
) -> tuple[set[str], dict[int, set[str]]]:
    """Which of the ``wanted`` words the article's first prose lines use, and each of those
    lines' own share of them.  (Only the candidates' words are looked up: the prose holds
    thousands.)"""
    used: set[str] = set()
    per_line: dict[int, set[str]] = {}
    taken = 0
    for i in range(anchor, len(lines)):
        ln = lines[i]
        if ln.role is None and probs[i] >= cut and ln.nw >= _BODY_LINE_WORDS:
            found = (
                wanted & _words(ln.text, True)
                if pairs
                else wanted.intersection(_WORD.findall(ln.text.casefold()))
            )
            used |= found
            per_line[i] = found
            taken += 1
            if taken >= _BODY_LINES:
                break
    return used, per_line


def _body_word_columns(
    lines: Sequence[LineView],
    idx: list[int],
    probs: Sequence[float],
    anchor: int,
    cut: float,
    pairs: bool = False,
) -> list[tuple[float, bool]]:
    """Per candidate: the share of its words that the article's prose also uses (over at
    least four words, so a two-word "Tom Alweendo" naming the article's subject does not
    score as a headline of eight), and whether it is the first line of its block to speak
    of the article.

    A headline's words come back in its article; a tagline's, a menu's or a teaser's for
    another story do not.  The deck and sub-headings share the article's words too, and on
    news pages often more than the headline does: they sit below it, hence the second
    column.  On the tune quarters and Fundus halves (each ranked by a ranker fitted without
    it) headlines found 121 / 101 / 34 / 29 -> 131 / 110 / 33 / 33 (134 / 112 / 35 / 32 with
    candidates 20 lines up); held-out half: 0.548 -> 0.625 (docs/decisions.md, session 19;
    session 13 measured the plain share, which cost news pages more)."""
    own = [_words(lines[i].text, pairs) for i in idx]
    used, per_line = _article_words(lines, probs, anchor, cut, set().union(*own), pairs)
    speaking: list[int] = []
    out: list[tuple[float, bool]] = []
    for i, words in zip(idx, own, strict=True):
        if i in per_line:  # a line of the prose itself: its words must recur in another
            others = set().union(*(v for j, v in per_line.items() if j != i))
            hits = len(words & others)
        else:
            hits = len(words & used)
        share = hits / len(words) if words else 0.0
        first = share >= _SPEAKS_OF_IT and not any(0 < i - j <= _BLOCK for j in speaking)
        if share >= _SPEAKS_OF_IT:
            speaking.append(i)
        out.append((hits / max(len(words), 4), first))
    return out


def _rankable(ln: LineView) -> bool:
    """A free line, or the second copy of a line the page prints twice.

    Pages print their headline twice: in a breadcrumb, a "you are here" trail or a teaser
    box near the top, and over the article.  The cleaner removes the second copy as a
    duplicate before the headline is looked for, and the copy over the body is the one
    the ranker should see (it reads the repetition from ``log_repeats``).  On the tune
    half, 12 of 416 gold headlines were out of reach for that alone (docs/decisions.md,
    session 20)."""
    return ln.role is None or (ln.role == "removed" and ln.reason == "duplicate")


def candidates(
    lines: Sequence[LineView],
    probs: Sequence[float],
    line_x: np.ndarray,
    anchor: int,
    repeats: Callable[[int], int],
    cut: float = 0.4,
    pairs: bool = False,
) -> tuple[list[int], np.ndarray]:
    """Indices of the free lines around ``anchor`` (the body's first line) that could be the
    headline, and one feature row for each.

    ``line_x``: the line model's features of every line; ``repeats(i)``: how often the page
    prints line ``i``, 1 for once; ``cut``: the probability from which the line model keeps
    a line (the article's prose, whose words the candidates are compared with); ``pairs``:
    the page is in one of :data:`PAIR_LANGS`.
    """
    # the free lines around the anchor: the candidates and one more each side (neighbours)
    above = list(islice((i for i in range(anchor - 1, -1, -1) if _rankable(lines[i])), ABOVE + 1))
    below = list(islice((i for i in range(anchor + 1, len(lines)) if _rankable(lines[i])), BELOW + 1))
    free = [*reversed(above), anchor, *below]
    ka = len(above)
    nearest4 = None
    for k in range(ka - 1, max(-1, ka - ABOVE - 1), -1):
        ln = lines[free[k]]
        if 4 <= ln.nw <= MAX_WORDS and not ln.text.endswith("."):
            nearest4 = free[k]
            break
    # a menu's or a teaser list's entries often open with the same word as the line above
    # ("Menu ...", "Video: ...", "Mehr zu ..."); the line model's features count them too
    firsts: dict[int, str] = {}
    rows: list[tuple[float | bool, ...]] = []
    idx: list[int] = []
    for k in range(max(0, ka - ABOVE), min(len(free), ka + BELOW + 1)):
        i = free[k]
        ln = lines[i]
        t = ln.text
        if ln.nw < 2 or ln.nw > MAX_WORDS or len(t) > MAX_CHARS:
            continue
        if ln.nw >= 5 and t.endswith(".") and not _ABBREVIATION_END.search(t):
            continue
        if ln.nw >= 5 and t.rstrip(CLOSERS_AND_SPACE)[-1:] in _OTHER_FULL_STOPS:
            continue
        d = ka - k
        nxt = free[k + 1] if k + 1 < len(free) else None
        prv = free[k - 1] if k > 0 else None
        p = min(max(probs[i], 1e-4), 1 - 1e-4)
        rep = max(repeats(i), 1)
        rows.append(
            (
                d == 1, d == 2, d == 3, d == 4, d == 5, 6 <= d <= 8, d >= 9, d == 0, d < 0,
                ln.nw >= 4, ln.nw >= 8, ln.nw >= 15,
                t.endswith("."), t.endswith("?"), t.endswith("!"), ln.sentence,
                probs[i], math.log(p / (1 - p)) / 5,
                math.log(rep), _BYLINE_START.match(t) is not None, i == nearest4,
                probs[nxt] if nxt is not None else 0.5,
                lines[nxt].nw >= 20 if nxt is not None else False,
                probs[prv] if prv is not None else 0.5,
                math.log1p(lines[prv].nw) / 3 if prv is not None else 0.0,
                line_x[nxt, _DATEISH] if nxt is not None else 0.0,
                _BYLINE_START.match(lines[nxt].text) is not None if nxt is not None else False,
                prv is not None and _same_first_word(lines, i, prv, firsts),
            )
        )  # fmt: skip
        idx.append(i)
    if idx:
        rows = [
            (*row, *extra)
            for row, extra in zip(
                rows, _body_word_columns(lines, idx, probs, anchor, cut, pairs), strict=True
            )
        ]
    return idx, candidate_matrix(rows, idx, line_x[:, : len(LINE_FEATURES)], len(OWN_FEATURES), TRACE, lines)


MODEL_FILE = "headline_model.json"
load_headline_model = packaged(MODEL_FILE, FEATURE_NAMES)

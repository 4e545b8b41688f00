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

from newsdesk.clean.features import FEATURE_NAMES as LINE_FEATURES
from newsdesk.clean.ranker import LineView, candidate_matrix, packaged

#: candidates: free lines this many above the body's first line ...
ABOVE = 12
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
)  # fmt: skip
FEATURE_NAMES = OWN_FEATURES + tuple(f"line_{name}" for name in LINE_FEATURES)
_DATEISH = LINE_FEATURES.index("dateish")


#: set by scripts/train_headline_model.py: every call of :func:`candidates` appends the
#: candidates' texts and features (the cleaner computes them for it even without a ranker)
TRACE: list[tuple[list[str], np.ndarray]] | None = None


#: a headline does not end with a full stop (5 of 416 gold titles on the tune pages do,
#: none of 129 on Fundus, most after an abbreviation: "Co.", "Tues."); a line of five
#: words or more that does is a sentence of the body ("Before you start, you will need
#: Python on your computer."), which the ranker may otherwise take for the headline
_ABBREVIATION_END = re.compile(r"(?:\b(?:[A-Z][a-z]{0,3}|[a-z])\.|\.\.\.)$")


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


def candidates(
    lines: Sequence[LineView],
    probs: Sequence[float],
    line_x: np.ndarray,
    anchor: int,
    repeats: Callable[[int], int],
) -> tuple[list[int], np.ndarray]:
    """Indices of the free lines around ``anchor`` (the body's first line) that could be the
    headline, and one feature row for each.

    ``line_x``: the line model's features of every line; ``repeats(i)``: how often the page
    prints line ``i``, 1 for once.
    """
    # the free lines around the anchor: the candidates and one more each side (neighbours)
    above = list(islice((i for i in range(anchor - 1, -1, -1) if lines[i].role is None), ABOVE + 1))
    below = list(islice((i for i in range(anchor + 1, len(lines)) if lines[i].role is None), BELOW + 1))
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
    return idx, candidate_matrix(rows, idx, line_x[:, : len(LINE_FEATURES)], len(OWN_FEATURES), TRACE, lines)


MODEL_FILE = "headline_model.json"
load_headline_model = packaged(MODEL_FILE, FEATURE_NAMES)

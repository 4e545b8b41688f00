"""The byline of a page rendered whole, picked among the lines around its headline.

On a page rendered to text the author's name is rarely a "By ..." line: it is a bare name
under the headline ("Oliver Baroni", "* Ronja Beck"), a date line that holds it ("26.
September 2019 Ulrike Stockhausen Schreibe einen Kommentar", "Gunter Frank / 22.04.2020 /
06:15"), or a line above the headline.  Of the 262 rendered tune pages of trafilatura-eval
with a gold author, a short line holding it sits 1 / 2 / 3 lines under the headline on 74 /
33 / 16 pages; the "By/Von/Par ..." rule found the author on 61.  A logistic ranker scores
the free lines from 3 above to 8 below the headline (distance, length, a name's shape, a
by-word or author word anywhere, dates and separators, whether a word is a common given name
and one followed by a capitalised word, the line model's probability and its 45 features of
the line) and takes the best one when it scores at least the stored ``min_score`` (a page
may have no byline).  Weights: ``scripts/train_byline_model.py``,
``byline_model.json`` (docs/decisions.md, session 8).
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources
from itertools import islice

import numpy as np

from newsdesk.clean.features import FEATURE_NAMES as LINE_FEATURES
from newsdesk.clean.ranker import LineView, candidate_matrix, packaged

#: candidates: free lines this many above the headline ...
ABOVE = 3
#: ... and this many below it
BELOW = 8
MAX_WORDS = 20
MAX_CHARS = 200

#: a by-word or an author word anywhere in the line, found in one scan
_CUE_WORD = re.compile(
    r"\b(?:(by|von|par|por|door|av|af|di|da|durch)|(autor|autorin|author|auteur|redaktion|"
    r"rédaction|redacción|redazione|written|geschrieben|verfasst|posted|publié|publicado|"
    r"escrito))\b",
    re.IGNORECASE,
)


def has_cue_word(text: str) -> bool:
    """Whether ``text`` holds a by-word or an author word (what the ranker's ``by_word`` and
    ``author_word`` columns see)."""
    return _CUE_WORD.search(text) is not None


#: a bare name: two to four capitalised words (initials, particles and hyphens allowed)
_NAME = re.compile(
    r"^(?:[*+•·-]\s+)?(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*\s+)(?:(?:von|van|de|der|den|da|di|du|la|le)\s+)?"
    r"(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*\s*){1,3},?$"
)

OWN_FEATURES = (
    "above_1", "above_2", "above_3",
    "below_1", "below_2", "below_3", "below_4_5", "below_6_8",
    "words_1", "words_2_3", "words_4_6", "words_7_10", "words_11_plus",
    "byline_start", "by_word", "author_word", "bare_name", "has_digit", "has_at",
    "ends_period", "sentence", "p", "prev_dateish", "next_dateish",
    "given_name", "given_name_pair",
)  # fmt: skip
FEATURE_NAMES = OWN_FEATURES + tuple(f"line_{name}" for name in LINE_FEATURES)
_DATEISH = LINE_FEATURES.index("dateish")
_DIGITS = LINE_FEATURES.index("digit_ratio")

#: set by scripts/train_byline_model.py: every call of :func:`candidates` appends the
#: candidates' texts and features
TRACE: list[tuple[list[str], np.ndarray]] | None = None


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names of many countries (``given_names.json.gz``, built by
    ``scripts/build_given_names.py`` from names-dataset): the word that tells a bare name
    ("Oliver Baroni") from a section label or teaser of the same shape ("Supply Chain
    Management", "Leasing von Firmenfahrzeugen")."""
    try:
        data = resources.files("newsdesk.clean").joinpath("given_names.json.gz").read_bytes()
    except FileNotFoundError:
        return frozenset()
    return frozenset(json.loads(gzip.decompress(data))["names"])


#: what a word of a byline may carry around it: list marks, separators, quotes
_WORD_EDGES = ".,;:·|•()[]\"'“”„«»*-/"


def name_columns(text: str) -> tuple[bool, bool]:
    """(a word of the line is a known given name; one such word is followed by a
    capitalised word with no lower-case word before it but a by-word: "Ulrike Stockhausen",
    "von Markus Balser, Berlin", "26. September 2019 Ulrike Stockhausen").  A name after
    lower-case words is a sentence's or a headline's ("Diese Milliardäre sponsern Donald
    Trump"), not the author's."""
    names = given_names()
    words = [w.strip(_WORD_EDGES) for w in text.split()[:MAX_WORDS]]
    known = [bool(w) and w in names for w in words]
    pair = False
    for i, w in enumerate(words):
        if known[i] and i + 1 < len(words) and words[i + 1][:1].isupper():
            pair = True
            break
        if w[:1].islower() and _CUE_WORD.fullmatch(w) is None:
            break
    return any(known), pair


def candidates(
    lines: Sequence[LineView],
    probs: Sequence[float],
    line_x: np.ndarray,
    title: int,
    byline_start: Callable[[str], bool],
) -> tuple[list[int], np.ndarray]:
    """Indices of the free lines around the headline at ``title`` that could be the byline,
    and one feature row for each (``line_x``: the line model's features of every line;
    ``byline_start``: the cleaner's "By/Von/Par ..." test)."""
    above = list(islice((i for i in range(title - 1, -1, -1) if lines[i].role is None), ABOVE + 1))
    below = list(islice((i for i in range(title + 1, len(lines)) if lines[i].role is None), BELOW + 1))
    free = [*reversed(above), title, *below]
    kt = len(above)
    rows: list[tuple[float | bool, ...]] = []
    idx: list[int] = []
    for k in range(max(0, kt - ABOVE), min(len(free), kt + BELOW + 1)):
        i = free[k]
        if i == title:
            continue
        ln = lines[i]
        t = ln.text
        if ln.nw > MAX_WORDS or len(t) > MAX_CHARS:
            continue
        by_word = author_word = False
        for by, author in _CUE_WORD.findall(t):
            by_word = by_word or bool(by)
            author_word = author_word or bool(author)
        d = k - kt  # > 0 below the headline
        nw = ln.nw
        given, given_pair = name_columns(t)
        prv = free[k - 1] if k > 0 else None
        nxt = free[k + 1] if k + 1 < len(free) else None
        rows.append(
            (
                d == -1, d == -2, d == -3, d == 1, d == 2, d == 3, 4 <= d <= 5, d >= 6,
                nw <= 1, 2 <= nw <= 3, 4 <= nw <= 6, 7 <= nw <= 10, nw >= 11,
                byline_start(t), by_word, author_word, _NAME.match(t) is not None,
                line_x[i, _DIGITS] > 0, "@" in t,
                t.endswith("."), ln.sentence, probs[i],
                line_x[prv, _DATEISH] if prv is not None and prv != title else 0.0,
                line_x[nxt, _DATEISH] if nxt is not None and nxt != title else 0.0,
                given, given_pair,
            )
        )  # fmt: skip
        idx.append(i)
    return idx, candidate_matrix(rows, idx, line_x[:, : len(LINE_FEATURES)], len(OWN_FEATURES), TRACE, lines)


MODEL_FILE = "byline_model.json"
load_byline_model = packaged(MODEL_FILE, FEATURE_NAMES)

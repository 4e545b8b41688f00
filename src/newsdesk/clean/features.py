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
from collections import Counter
from collections.abc import Sequence

import numpy as np

from newsdesk.clean.lexicon import has_cue, normalise

_WORD = re.compile(r"\w+", re.UNICODE)
_SENT_END = frozenset(".!?…。！？")
_CLOSERS = "\"'”’»)]"
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
    ns = 0 if stop is None or n == 0 else sum(1 for w in words if w.casefold() in stop)
    t = text.rstrip(_CLOSERS + " ")
    sentence_like = bool(t) and t[-1] in _SENT_END and n >= 4
    return n, ns, (ns / n if n else 0.0), sentence_like


def _window_mean(values: np.ndarray, radius: int) -> np.ndarray:
    """Mean of ``values[i-radius : i+radius+1]`` for every i, the window clipped at the ends."""
    n = len(values)
    c = np.concatenate([[0.0], np.cumsum(values)])
    idx = np.arange(n)
    lo = np.maximum(idx - radius, 0)
    hi = np.minimum(idx + radius + 1, n)
    return np.asarray((c[hi] - c[lo]) / (hi - lo))


def doc_features(
    lines: Sequence[str],
    stop: frozenset[str] | None,
    stats: Sequence[tuple[int, int, float, bool]] | None = None,
) -> np.ndarray:
    """Feature matrix (n_lines x N_FEATURES) for the non-blank lines of one document."""
    n = len(lines)
    out = np.zeros((n, N_FEATURES), dtype=np.float64)
    if n == 0:
        return out
    has_stop = 1.0 if stop is not None else 0.0
    if stats is None:
        stats = [line_stats(t, stop) for t in lines]
    nwords = [s[0] for s in stats]
    sratio = [s[2] for s in stats]
    lens = [len(t) for t in lines]
    max_len = max(max(lens), 1)
    norms = [normalise(t) for t in lines]
    norm_counts = Counter(norms)
    firsts = [t.split(maxsplit=1)[0].casefold() if t.split() else "" for t in lines]
    first_counts = Counter(firsts)
    shapes = [_DIGITS.sub("0", t[:40]) for t in lines]
    shape_counts = Counter(shapes)
    short = [1 if w <= 5 else 0 for w in nwords]
    doc_long_frac = sum(1 for w in nwords if w >= 15) / n
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
    log_n = math.log1p(n) / 5.0
    # window means over neighbours (clipped at the page edges), via prefix sums
    nw_arr = np.asarray(nwords, dtype=np.float64)
    win2 = _window_mean(nw_arr, 2)
    out[:, 29] = _window_mean((nw_arr >= 12).astype(np.float64), 5)
    out[:, 30] = _window_mean(np.asarray(sratio, dtype=np.float64), 5)
    out[:, 36] = _window_mean(np.asarray(short, dtype=np.float64), 3)
    out[:, 44] = _window_mean(np.asarray(prose, dtype=np.float64), 10)
    for i, t in enumerate(lines):
        nw, ns, sr, _ = stats[i]
        L = lens[i] or 1
        stripped = t.rstrip(_CLOSERS + " ")
        last = stripped[-1] if stripped else ""
        letters = sum(map(str.isalpha, t)) or 1
        digits = sum(map(str.isdigit, t))
        uppers = sum(map(str.isupper, t))
        puncts = L - sum(map(str.isalnum, t)) - sum(map(str.isspace, t))
        words = t.split()
        title_case = sum(1 for w in words if w[:1].isupper()) / (len(words) or 1)
        ends_sentence = 1.0 if last in _SENT_END and not t.rstrip().endswith(("...", "…")) else 0.0
        row = out[i]
        row[0] = math.log1p(L) / 6.0
        row[1] = math.log1p(nw) / 4.0
        row[2] = ends_sentence
        row[3] = 1.0 if last == ":" else 0.0
        row[4] = 1.0 if t.rstrip().endswith(("...", "…")) else 0.0
        row[5] = sr
        row[6] = min(ns, 20) / 20.0
        row[7] = has_stop
        row[8] = digits / L
        row[9] = uppers / letters
        row[10] = puncts / L
        row[11] = 1.0 if t[:1].isupper() else 0.0
        row[12] = title_case
        row[13] = min(len(_SEPARATORS.findall(t)), 5) / 5.0
        low = t.lower()
        row[14] = 1.0 if any(k in low for k in _URL_KEYS) and _URLISH.search(t) else 0.0
        row[15] = 1.0 if any(k in low for k in _COPY_KEYS) and _COPYRIGHT.search(t) else 0.0
        row[16] = 1.0 if nw <= 8 and _DATEISH.search(t) else 0.0
        row[17] = 1.0 if _BULLET.match(t) else 0.0
        row[18] = 1.0 if L < 400 and has_cue(t) else 0.0
        row[19] = i / (n - 1) if n > 1 else 0.0
        row[20] = math.log1p(i) / 5.0
        row[21] = math.log1p(n - 1 - i) / 5.0
        row[22] = L / max_len
        row[23] = 1.0 if norm_counts[norms[i]] > 1 else 0.0
        row[24] = math.log1p(nwords[i - 1]) / 4.0 if i > 0 else 0.0
        row[25] = math.log1p(nwords[i + 1]) / 4.0 if i + 1 < n else 0.0
        row[26] = sratio[i - 1] if i > 0 else 0.0
        row[27] = sratio[i + 1] if i + 1 < n else 0.0
        row[28] = math.log1p(win2[i]) / 4.0
        row[31] = 1.0 if nw <= 4 and not ends_sentence else 0.0
        row[32] = log_n
        row[33] = 1.0 if nw >= 15 and ends_sentence and sr >= 0.2 else 0.0
        row[34] = math.log(norm_counts[norms[i]]) / 3.0
        row[35] = math.log(first_counts[firsts[i]]) / 3.0 if nw <= 12 else 0.0
        row[37] = 1.0 if t[:1].islower() else 0.0
        row[38] = doc_long_frac
        row[39] = math.log((nw + 1) / (median_words + 1)) / 3.0
        row[40] = math.log(shape_counts[shapes[i]]) / 3.0 if shapes[i] != norms[i] else 0.0
        row[41] = math.log(min(prev_prose[i], 50)) / 4.0
        row[42] = math.log(min(next_prose[i], 50)) / 4.0
        row[43] = 1.0 if first_prose <= i <= last_prose else 0.0
    return out


def context_features(p: np.ndarray) -> np.ndarray:
    """Second-stage features: the first stage's probabilities around each line."""
    n = len(p)
    out = np.zeros((n, 6), dtype=np.float64)
    if n == 0:
        return out
    pad = np.concatenate([[0.5, 0.5, 0.5], p, [0.5, 0.5, 0.5]])
    out[:, 0] = p
    out[:, 1] = pad[2 : 2 + n]  # previous
    out[:, 2] = pad[4 : 4 + n]  # next
    out[:, 3] = (
        pad[0:n] + pad[1 : 1 + n] + pad[2 : 2 + n] + pad[4 : 4 + n] + pad[5 : 5 + n] + pad[6 : 6 + n]
    ) / 6
    c = np.cumsum(np.concatenate([[0.0], p]))
    # mean probability of everything before / after the line (is it in the page's head or tail?)
    idx = np.arange(n)
    out[:, 4] = np.where(idx > 0, c[idx] / np.maximum(idx, 1), 0.5)
    out[:, 5] = np.where(idx < n - 1, (c[n] - c[idx + 1]) / np.maximum(n - 1 - idx, 1), 0.5)
    return out

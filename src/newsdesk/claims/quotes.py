"""Quotation-mark spans in any of the common styles, found without a parser.

A quote opened but not closed within a paragraph runs to the paragraph's end, and a
paragraph whose first curly mark closes a quote starts inside one: news style leaves a
multi-paragraph quote open until its last paragraph.
"""

from __future__ import annotations

import re

_PAIRS = [
    ("“", "”„“"),  # English curly; also closes German „ … “
    ("„", "“”"),
    ("«", "»"),
    ("»", "«"),  # German guillemets point inwards
    ("‚", "‘’"),
    ("「", "」"),
]
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘")
_SINGLE_CLOSE = re.compile(r"’(?![A-Za-zÀ-ÿ])")


def _ascii_close(text: str, j: int) -> bool:
    """A straight double quote at ``j`` that closes (after a word, before a space or a mark).

    Some outlets open with a curly mark and close with a straight one (“Our roads are
    crumbling," she said): without this, the quotation would run on to the next curly mark.
    A straight quote after a space opens a nested quotation and does not close.
    """
    return (
        text[j] == '"'
        and j > 0
        and not text[j - 1].isspace()
        and (j + 1 == len(text) or not text[j + 1].isalnum())
    )


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, marks included, in text order, non-overlapping."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        closers = None
        for opener, close in _PAIRS:
            if ch == opener:
                closers = close
                break
        if closers is not None:
            j = i + 1
            nested = False  # inside a straight-quoted quotation within this one
            while j < n and text[j] not in closers:
                if ch == "“" and text[j] == '"':
                    if nested:
                        nested = False
                    elif _ascii_close(text, j):
                        break
                    else:
                        nested = True
                j += 1
            if j < n:
                spans.append((i, j + 1))
                i = j + 1
            else:
                if n - i > 3:
                    spans.append((i, n))
                i = n
            continue
        if text.startswith("''", i) or text.startswith("``", i):
            # NYT style ''...'' and LaTeX-ish ``...''
            j = text.find("''", i + 2)
            if j == -1:
                if n - i > 4:
                    spans.append((i, n))
                break
            spans.append((i, j + 2))
            i = j + 2
            continue
        if ch == '"':
            j = text.find('"', i + 1)
            if j == -1:
                if n - i > 3 and text[i + 1 : i + 2].strip():
                    spans.append((i, n))
                break
            spans.append((i, j + 1))
            i = j + 1
            continue
        if ch == "‘" and _SINGLE_OPEN.match(text, i):
            m = _SINGLE_CLOSE.search(text, i + 1)
            if m is not None and m.start() - i < 400:
                spans.append((i, m.end()))
                i = m.end()
                continue
        i += 1
    # a paragraph that continues a quotation opened in an earlier one starts inside it:
    # its first curly mark is a closing one
    first_open = min((p for p in (text.find("“"), text.find("«")) if p >= 0), default=-1)
    first_close = min((p for p in (text.find("”"), text.find("»")) if p >= 0), default=-1)
    if first_close > 3 and (first_open == -1 or first_close < first_open):
        spans = [(a, b) for a, b in spans if a > first_close]
        spans.insert(0, (0, first_close + 1))
    return [(a, b) for a, b in spans if b - a > 2]

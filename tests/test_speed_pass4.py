"""The fourth plain-text speed pass gives what the code it replaced gave.

Each prefilter added here may let a line through that the exact test then rejects, but
must never hold back a line the exact test accepts: these tests check that on every line
of the frozen inputs (turku-lines, the seeds, the rendered trafilatura-eval pages, when
present) and on generated awkward lines.  The whole-path check, clean_text JSON before and
after on the 3,434 frozen cases, is recorded in docs/decisions.md.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import require_shared
from newsdesk.clean import sections as S
from newsdesk.shared_data import read_jsonl_gz, seeds_dir

_PHRASE_RX = (S.END_HEADING, S.END_PHRASE, S.TEASER_HEADING, S.TEASER)
_SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _pages() -> Iterator[str]:
    for split in ("train", "dev"):
        for r in read_jsonl_gz(require_shared("turku-lines", f"{split}.jsonl.gz")):
            yield "\n".join(r["lines"])
    if seeds_dir().exists():
        for p in sorted(seeds_dir().glob("*.txt")):
            yield p.read_text(encoding="utf-8")
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "newsdesk"
    rendered = cache / "trafilatura-eval-inscriptis.json.gz"
    if rendered.exists():  # made by bench/plaintext_eval.py
        yield from json.loads(gzip.decompress(rendered.read_bytes())).values()


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


def test_odd_lower_covers_every_case_insensitive_mismatch() -> None:
    """A character IGNORECASE equates with a letter of the heads but whose lower case is
    not that letter must lower to something holding one of :data:`sections._ODD_LOWER`."""
    letters = sorted({c for h in S._HEADS for c in h if c.isalpha()})
    rx = re.compile("[" + "".join(letters) + "]", re.IGNORECASE)
    for cp in range(0x110000):
        c = chr(cp)
        if 0xD800 <= cp < 0xE000 or not rx.fullmatch(c):
            continue
        low = c.lower()
        if low not in letters:
            assert not S._ODD_LOWER.isdisjoint(low), (hex(cp), low)
            assert not low.isascii()


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

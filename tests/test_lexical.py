"""The news-lexical model's word stage: the page-at-a-time numpy scorer must give what the
per-line reference gives (the trainer fits on the reference), on any text."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.clean import CleanConfig, clean_text
from newsdesk.clean.linemodel import LEX_LINE_CHARS, LexicalStage, lexical_features, load_model

#: letters, digits of several scripts, punctuation, an astral letter and digit, a dotted
#: capital I (case-folds to two code points), ß, a ligature, underscore, odd spaces
ALPHABET = "abcXYZäöüßÄÖÜ0123456789٣٤७_-.,;:!?©@#/\\ \t\u00a0\u2028İﬁ𝔘𝟘日本語Ω\r"

lines_st = st.lists(st.text(alphabet=ALPHABET, max_size=2 * LEX_LINE_CHARS), min_size=0, max_size=12)


def _stage_for(lines: list[str], seed: int, word_chars: int = 0) -> LexicalStage:
    rng = np.random.default_rng(seed)
    vocab = sorted(
        {f for ln in lines for f in lexical_features(ln, word_chars)}
        | {"newsletter"[: word_chars or None], "0000", "ss"}
    )
    keep = [f for f in vocab if rng.random() < 0.7]
    return LexicalStage({f: float(rng.normal()) for f in keep}, float(rng.normal()), word_chars)


@settings(max_examples=300, deadline=None)
@given(lines=lines_st, seed=st.integers(0, 2**16), word_chars=st.sampled_from([0, 1, 2, 5]))
def test_page_scorer_equals_line_reference(lines: list[str], seed: int, word_chars: int) -> None:
    """Whole words and words cut to their first characters (the shipped model cuts at 5)."""
    stage = _stage_for(lines, seed, word_chars)
    fast = stage.logits(lines)
    ref = stage.logits_reference(lines)
    assert fast.shape == (len(lines),)
    np.testing.assert_allclose(fast, ref, rtol=0, atol=1e-9)


def test_features_fold_case_digits_and_cut_long_lines() -> None:
    assert lexical_features("Newsletter 2023: ANMELDEN") == ["newsletter", "0000", "anmelden"]
    assert lexical_features("Straße") == ["strasse"]
    assert lexical_features("a " * 200) == ["a"] * (LEX_LINE_CHARS // 2)
    assert lexical_features("") == [] and lexical_features("!!! ---") == []


def test_words_cut_to_their_first_characters() -> None:
    """Inflections and compounds share one weight; the cut counts case-folded characters
    ("Straße" is "strasse"), as the page scorer does."""
    assert lexical_features("Abonnieren Sie den Newsletter-Service", 5) == [
        "abonn",
        "sie",
        "den",
        "newsl",
        "servi",
    ]
    assert lexical_features("Straße", 4) == ["stra"]
    stage = LexicalStage({"abonn": 1.0, "newsl": 2.0}, 0.0, 5)
    np.testing.assert_allclose(
        stage.logits(["Abonniert: Newsletters", "abo"]), [3.0 / 2**0.5, 0.0], rtol=0, atol=1e-12
    )
    assert LexicalStage.from_dict(stage.to_dict()) == stage


def test_unknown_words_score_the_bias() -> None:
    stage = LexicalStage({"newsletter": 2.0}, -0.5)
    out = stage.logits(["zzz qqq", "", "Newsletter"])
    assert out[0] == pytest.approx(-0.5) and out[1] == pytest.approx(-0.5)
    assert out[2] == pytest.approx(1.5)


def test_a_lone_surrogate_is_a_non_word_character() -> None:
    """Scraped text carries lone surrogates (a UTF-16 pair cut in half); the page-at-a-time
    scorer reads one as a word break, as the reference does, instead of failing."""
    stage = LexicalStage({"newsletter": 2.0, "sign": -1.0}, -0.5)
    lines = ["Sign\ud800up newsletter", "\udfff", "newsletter\ud83d"]
    np.testing.assert_allclose(stage.logits(lines), stage.logits_reference(lines))
    art = clean_text(
        "Council approves budget\n\ud800 Sign up for our newsletter\n",
        config=CleanConfig(line_model="news-lexical"),
    )
    assert art.raw.startswith("Council")


def test_news_lexical_model_cleans_with_exact_spans() -> None:
    model = load_model("news-lexical")
    assert model is not None and model.lexical is not None
    assert len(model.lexical.weights) > 1000
    raw = (
        "Home | News | Sport\n\nCouncil approves harbour budget\n\n"
        "The council approved the harbour budget on Tuesday after a debate that ran late into "
        "the evening, with members divided over the cost of new cranes.\n\n"
        "Sign up for our newsletter\n\n"
        "The plan funds dredging and two new berths over five years, officials said.\n"
    )
    art = clean_text(raw, config=CleanConfig(line_model="news-lexical"))
    assert "harbour budget on Tuesday" in art.text and "dredging" in art.text
    assert "newsletter" not in art.text.lower()
    for span in [*art.paragraphs, *art.removed]:
        assert raw[span.start : span.end] == span.text


def test_hash_powers_grow_and_huge_pages_are_not_kept() -> None:
    """Powers of the hash base come from one cache that grows with the pages seen; a page
    over the kept size gets its own, exact all the same."""
    from newsdesk.clean import linemodel as M

    small = M._powers(10)
    mid = M._powers(70_000)
    huge = M._powers(M._POWERS_KEPT + 5)
    assert len(M._POWERS[0]) <= M._POWERS_KEPT
    assert (small[0] == mid[0][:10]).all() and (mid[1] == huge[1][:70_000]).all()
    with np.errstate(over="ignore"):
        assert (huge[0][1:] == huge[0][:-1] * M._P).all()
        assert (huge[0] * huge[1] == 1).all()  # inverse powers


def test_words_sharing_both_cuckoo_slots_still_load() -> None:
    """Word hashes can share their slot in both cuckoo tables; three such words cannot fit
    at that size (insertion cycles), so the tables are built larger instead of the model
    failing to load.  A random vocabulary of a few words hit this in the property test."""
    from newsdesk.clean.linemodel import _SLOT_A, _SLOT_B, _code_hash

    shift = 64 - 4  # the smallest tables (16 slots): a vocabulary of a few words

    def slots(word: str) -> tuple[int, int]:
        h = _code_hash(word)
        return (h * int(_SLOT_A)) % (1 << 64) >> shift, (h * int(_SLOT_B)) % (1 << 64) >> shift

    by_slots: dict[tuple[int, int], list[str]] = {}
    crowd: list[str] = []
    for k in range(200_000):
        word = f"w{k}x"
        group = by_slots.setdefault(slots(word), [])
        group.append(word)
        if len(group) == 3:
            crowd = group
            break
    assert len(crowd) == 3
    stage = LexicalStage({w: float(i + 1) for i, w in enumerate(crowd)}, 0.0)
    lines = [" ".join(crowd), crowd[1], "nothing known"]
    np.testing.assert_allclose(stage.logits(lines), stage.logits_reference(lines))


@settings(max_examples=200, deadline=None)
@given(lines=lines_st, seed=st.integers(0, 2**16))
def test_known_share_counts_the_words_the_vocabulary_holds(lines: list[str], seed: int) -> None:
    stage = _stage_for(lines, seed)
    logits, share = stage.logits_and_known_share(lines)
    np.testing.assert_allclose(logits, stage.logits_reference(lines), rtol=0, atol=1e-9)
    words = [f for ln in lines for f in lexical_features(ln)]
    expected = sum(f in stage.weights for f in words) / len(words) if words else 1.0
    assert share == pytest.approx(expected)


def test_a_page_in_words_the_vocabulary_lacks_is_scored_without_them() -> None:
    """On a page whose words the lexical vocabulary mostly lacks (a Chinese wire story), every
    line would get the bare bias; the default model then scores it as `news` does, so the
    story's last paragraph is not lost to a feature the model never saw on a whole page."""
    from newsdesk.clean.linemodel import LEXICAL_MIN_KNOWN_SHARE, WITHOUT_WORDS

    model, plain = load_model("news-lexical"), load_model(WITHOUT_WORDS)
    assert model is not None and plain is not None and model.without_words is plain
    zh = [
        "日本东京举行大规模反战集会 数万人参加",
        "新华社东京8月6日电 日本广岛6日举行原子弹爆炸79周年纪念仪式，约5万人参加。",
        "据报道，今年有来自约110个国家和地区的代表出席了纪念仪式。",
    ]
    assert model.lexical is not None and model.lexical.logits_and_known_share(zh)[1] < LEXICAL_MIN_KNOWN_SHARE
    np.testing.assert_array_equal(model.score(zh, None), plain.score(zh, None))
    en = [
        "Council approves harbour budget",
        "The council approved the harbour budget on Tuesday after a long debate.",
        "Sign up for our newsletter",
    ]
    assert model.lexical.logits_and_known_share(en)[1] >= LEXICAL_MIN_KNOWN_SHARE
    assert not np.array_equal(model.score(en, None), plain.score(en, None))

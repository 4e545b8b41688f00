"""Attribution frames added for PolNeAR source recall, speaker resolution, and the model's ops.

Each case is a frame found in PolNeAR *train* errors (bench/claims_polnear.py --split
train --errors), written here as a short sentence of our own.
"""

from __future__ import annotations

import re

import pytest

from newsdesk.claims import extract_claims
from newsdesk.claims.entities import clean_name
from newsdesk.claims.quotes import quote_spans
from newsdesk.model import Article, Paragraph


def _article(raw: str) -> Article:
    paras = [Paragraph(m.group(), m.start(), m.end()) for m in re.finditer(r"[^\n]+", raw)]
    return Article(id="t", raw=raw, paragraphs=paras, lang="en")


def _quotes(raw: str) -> list[dict]:
    d = extract_claims(_article(raw)).to_dict()
    for q in d["quotes"]:
        for role in ("source", "cue", "content"):
            if q[role] is not None:
                assert raw[q[role]["start"] : q[role]["end"]] == q[role]["text"]
    return d["quotes"]


def _triples(raw: str) -> list[tuple[str | None, str | None, str]]:
    return [
        (q["source"] and q["source"]["text"], q["cue"] and q["cue"]["text"], q["content"]["text"])
        for q in _quotes(raw)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an interjected cue is the cue of the clause around it, not that clause's content
        (
            "Recently, he said, he has realized that the rest of Georgia is not as hospitable.",
            (
                "he",
                "said",
                "Recently, he said, he has realized that the rest of Georgia is not as hospitable",
            ),
        ),
        # a reporting clause after the content, parsed as an adverbial clause
        (
            "A six-year trend of declining federal budget deficits will end this year, sooner than "
            "expected, the nonpartisan Congressional Budget Office reported on Tuesday.",
            (
                "the nonpartisan Congressional Budget Office",
                "reported",
                "A six-year trend of declining federal budget deficits will end this year",
            ),
        ),
        # the parser took the subject from inside the quotation: the speaker is outside it
        (
            "“Toil hopelessly or go to prison,” Frank writes.",
            ("Frank", "writes", "“Toil hopelessly or go to prison,”"),
        ),
        # who issued the statement speaks through it
        (
            "Secretary Martin Andanar released a statement saying that Trump had professed his love "
            "for the Philippines.",
            ("Secretary Martin Andanar", "saying", "that Trump had professed his love for the Philippines"),
        ),
        # a one-word headline speaker the tagger did not read as a name
        (
            "Issa: Hillary Clinton’s ‘Honesty Is In Question.’",
            ("Issa", ":", "Hillary Clinton’s ‘Honesty Is In Question.’"),
        ),
        # a cue noun with its owner and its "that" clause
        (
            "Trump's claim that Mexico will pay for the wall is false.",
            ("Trump", "claim", "that Mexico will pay for the wall"),
        ),
        # parser slips that leave the reporting verb without a subject
        (
            "A Quinnipiac University poll found last week that Clinton would beat Trump.",
            ("A Quinnipiac University poll", "found", "that Clinton would beat Trump"),
        ),
        (
            "About 4 in 10 say they want the next president to have more liberal policies.",
            ("About 4 in 10", "say", "they want the next president to have more liberal policies"),
        ),
        # the addressee of "told" is not the content; the quotation next to it is
        (
            "“It was very nice,” the gambling tycoon told Breitbart News.",
            ("the gambling tycoon", "told", "“It was very nice,”"),
        ),
    ],
)
def test_frames(text: str, expected: tuple[str, str, str]) -> None:
    assert _triples(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Trump told The Washington Post.",  # who was told, not what
        "Clinton spoke to reporters on Tuesday.",  # an addressee
        "Sanders was asked about the emails.",  # a topic asked about
        "Contributing: Nicole Gaudiano",  # a credit label, not a speaker
        "The claim was repeated often.",  # a cue noun without owner or clause
    ],
)
def test_not_attributions(text: str) -> None:
    assert _quotes(text) == []


def test_curly_quote_closed_by_a_straight_mark() -> None:
    text = '“Our roads are crumbling," she said. "Families endure blackouts."'
    assert [text[a:b] for a, b in quote_spans(text)] == [
        '“Our roads are crumbling,"',
        '"Families endure blackouts."',
    ]
    nested = '“He said "no" to me,” she said.'
    assert [nested[a:b] for a, b in quote_spans(nested)] == ['“He said "no" to me,”']
    q = _quotes('“Our roads and bridges are crumbling," she said.')
    assert [(x["kind"], x["source"]["text"]) for x in q] == [("direct", "she")]


def test_relative_pronoun_source_speaks_as_its_antecedent() -> None:
    raw = (
        "The stoppage is costing the economy about 45 million crowns a day, according to an estimate "
        "by the Corland Chamber of Shipping, which urged the government to intervene."
    )
    quotes = _quotes(raw)
    according = next(q for q in quotes if q["cue"]["text"] == "according to")
    # the source stops before the relative clause
    assert according["source"]["text"] == "an estimate by the Corland Chamber of Shipping"
    urged = next(q for q in quotes if q["cue"]["text"] == "urged")
    assert urged["source"]["text"] == "which"  # as written (PolNeAR marks the pronoun)
    assert urged["speaker"] == "Corland Chamber of Shipping"


def test_relative_pronoun_of_an_of_phrase_stands_for_the_whole_phrase() -> None:
    raw = (
        "Twelve people were still missing, according to the prefecture of Haute-Valbrune, which said "
        "about 2,300 residents had been evacuated."
    )
    quotes = _quotes(raw)
    said = next(q for q in quotes if q["cue"]["text"] == "said")
    assert said["speaker"] == "prefecture of Haute-Valbrune"
    according = next(q for q in quotes if q["cue"]["text"] == "according to")
    assert according["source"]["text"] == "the prefecture of Haute-Valbrune"


@pytest.mark.parametrize(
    ("name", "clean"),
    [
        ("Elizabeth Warren", "Elizabeth Warren"),  # not "izabeth Warren"
        ("Ellery Port Authority", "Ellery Port Authority"),  # not "lery Port Authority"
        ("Theresa May", "Theresa May"),
        ("Los Angeles", "Los Angeles"),
        ("Le Pen", "Le Pen"),
        ("the Embassy’s", "Embassy"),
        ("The White House", "White House"),
        ("l’Élysée", "Élysée"),
        ("la France", "France"),
        ("Le maire", "maire"),  # a capitalised article before a common noun goes
    ],
)
def test_clean_name_strips_only_whole_articles(name: str, clean: str) -> None:
    assert clean_name(name) == clean


def test_speaker_name_is_not_clipped() -> None:
    q = _quotes("Sen. Elizabeth Warren said Trump was a failure.")
    assert [x["speaker"] for x in q] == ["Elizabeth Warren"]


def test_model_multiplies_with_numpy_blas_and_parses_as_before() -> None:
    """The ops switch is a speed choice only: same tags, heads and entities as thinc's default."""
    import spacy

    from newsdesk.claims.nlp import SPACY_MODELS, spacy_model

    nlp = spacy_model("en")
    assert nlp is not None
    ops = {
        node.ops.use_blis for _n, pipe in nlp.pipeline if hasattr(pipe, "model") for node in pipe.model.walk()
    }
    assert ops == {False}
    default = spacy.load(SPACY_MODELS["en"], exclude=["lemmatizer", "attribute_ruler"])
    texts = [
        "Vugar Gurbanov, counselor for the Embassy of Azerbaijan in Washington, said on Monday that 613 people died.",
        "“It was very nice,” the gambling tycoon told Breitbart News, according to Reuters.",
    ]
    for a, b in zip(nlp.pipe(texts), default.pipe(texts), strict=True):
        assert [(t.tag_, t.dep_, t.head.i) for t in a] == [(t.tag_, t.dep_, t.head.i) for t in b]
        assert [(e.start_char, e.end_char, e.label_) for e in a.ents] == [
            (e.start_char, e.end_char, e.label_) for e in b.ents
        ]


def test_french_inverted_reporting_clause() -> None:
    raw = (
        "Le bilan s'est encore alourdi mercredi : 43 personnes ont trouvé la mort, dont neuf enfants, "
        "a annoncé la préfète de la Haute-Valbrune, Hélène Marchetti."
    )
    art = Article(id="f", raw=raw, paragraphs=[Paragraph(raw, 0, len(raw))], lang="fr")
    quotes = extract_claims(art).to_dict()["quotes"]
    assert len(quotes) == 1
    q = quotes[0]
    assert q["source"]["text"] == "la préfète de la Haute-Valbrune, Hélène Marchetti"
    assert q["cue"]["text"] == "a annoncé"
    assert q["content"]["text"].endswith("dont neuf enfants")
    assert q["speaker"] == "Hélène Marchetti" and q["speaker_role"] == "la préfète de la Haute-Valbrune"


def test_entity_spans_end_at_word_boundaries() -> None:
    from newsdesk.claims.extract import _whole_words

    text = "Selon Météo-Vallées, la crue a atteint Bréval."
    s = text.index("Météo")
    assert _whole_words(text, s, s + len("Météo-")) == (s, s + len("Météo-Vallées"))
    assert _whole_words(text, s + 2, s + 5) == (s, s + len("Météo"))
    b = text.index("Bréval")
    assert _whole_words(text, b, b + len("Bréval")) == (b, b + len("Bréval"))  # already whole
    art = Article(id="e", raw=text, paragraphs=[Paragraph(text, 0, len(text))], lang="fr")
    for ent in extract_claims(art).to_dict()["entities"]:
        for m in ent["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
            assert not m["text"].endswith("-")


def test_parse_runs_numpy_blas_on_one_thread() -> None:
    from threadpoolctl import threadpool_info

    from newsdesk.claims.nlp import one_blas_thread

    with one_blas_thread():
        blas = [i for i in threadpool_info() if i["user_api"] == "blas"]
        assert blas and all(i["num_threads"] == 1 for i in blas)

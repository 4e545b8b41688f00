"""The names inside a byline (newsdesk.clean.authors): split out, each an exact span."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.clean import clean_text
from newsdesk.clean.authors import author_spans
from newsdesk.evaluation import authors_match, gold_names
from newsdesk.model import Article, Span

# bylines as pages print them (most from rendered trafilatura-eval tune pages and Fundus
# pages, names as printed there), with the names a desk wants from them
CASES = [
    ("Von Tilman Weber 10.12.2022 07:00", ["Tilman Weber"]),
    # the weekday a date line glues to the name is not part of it (session 33); a two-word
    # name keeps its last word, whatever it looks like
    ("Von Lisa Petrich Mi, 18. Oktober 2023 um 12:50 Uhr", ["Lisa Petrich"]),
    ("By Jane Doe Wed, March 4, 2020", ["Jane Doe"]),
    ("Par Jean Dupont mer. 4 mars 2020", ["Jean Dupont"]),
    ("Von Lisa Mo, 12.3.2024", ["Lisa Mo"]),
    ("Von Anna Di Stefano, 12.03.2024", ["Anna Di Stefano"]),
    ("Accueil | Par Loïc Le Clerc | 30 septembre 2018", ["Loïc Le Clerc"]),
    (
        "Isabel Caro; Rocío Latorre y José Miguel Wilson Tiempo de lectura",
        ["Isabel Caro", "Rocío Latorre", "José Miguel Wilson"],
    ),
    ("Text: Anna Muster, Fotos: Max Mann", ["Anna Muster"]),
    ("Text & Fotos: Anna Muster", ["Anna Muster"]),
    ("By Jane Doe. Photos by Max Mann", ["Jane Doe"]),
    ("1.11.23 20:19 von Lars Sobiraj Lesezeit: 4 Min.", ["Lars Sobiraj"]),
    ("Paddy · April 19, 2019 · Mac · 7 comments", ["Paddy"]),
    ("11.12.2019 - Amelie Loevenich", ["Amelie Loevenich"]),
    ("Gunter Frank / 22.04.2020 / 06:15", ["Gunter Frank"]),
    ("26. September 2019 Ulrike Stockhausen Schreibe einen Kommentar", ["Ulrike Stockhausen"]),
    ("By Jane Doe and John Smith, Reuters", ["Jane Doe", "John Smith", "Reuters"]),
    ("By Jane Doe, Staff Writer", ["Jane Doe"]),
    ("Von Robin Amberg, Volontär (Sport)", ["Robin Amberg"]),
    ("Posted on March 3, 2020 by admin", ["admin"]),
    ("Posted in Datenschutz by damianduchamps on August 3, 2019", ["damianduchamps"]),
    ("Publiziert am 13. Januar 2014 von uriebe", ["uriebe"]),
    ("Eine Kolumne von Nils Pickert", ["Nils Pickert"]),
    ("Kommentar von Nicole Opitz", ["Nicole Opitz"]),
    ("Ursula von der Leyen", ["Ursula von der Leyen"]),
    ("Alexa von Heyden", ["Alexa von Heyden"]),
    ("责任编辑：孔德明", ["孔德明"]),
    ("By Associated Press", ["Associated Press"]),
    ("Por Agencia EFE", ["Agencia EFE"]),
    ("Jane Doe Updated 3 hours ago", ["Jane Doe"]),
    ("By Emily Burack 8 January 2020, 3:51 pm 11 Edit", ["Emily Burack"]),
    ("Author: Gàbor Muniér, Datum: 03.Mär.19", ["Gàbor Muniér"]),
    ("Nicole Collignon22. Februar 2020", ["Nicole Collignon"]),
    ("Shana Nys DambrotNovember 6, 2023", ["Shana Nys Dambrot"]),
    ("Sophie FosterTravel News Reporter", ["Sophie Foster"]),
    ("By Eric Levitz@EricLevitz", ["Eric Levitz"]),
    ("By Cat Lafuente/June 12, 2020 9:49 am EST/Updated: Aug. 18, 2020 4:17", ["Cat Lafuente"]),
    ("STAND 21.4.2021, 16:41 Uhr AUTOR/IN Julius Richter", ["Julius Richter"]),
    ("Autor Mark Newton:", ["Mark Newton"]),
    # session 35: a parenthesis ends the name; a capitalised word that a lower-case one goes
    # on from is what the author does, not a second author
    (
        "Autor: Samuel Diekmann (Sponsored Post), Redner bei rent-a-pastor.com",
        ["Samuel Diekmann"],
    ),
    ("Von Max Mann (dpa)", ["Max Mann"]),
    # a surname written small after one capitalised given name, at the end of the run
    ("Posted by Mobasir hassan", ["Mobasir hassan"]),
    ("Von Fatima in Gefühle", ["Fatima"]),
    # an author label glued to the date before it and to the name after it
    ("Posted on28. Juli 201928. Juli 2019AuthorAndreas Kalt4 Kommentare", ["Andreas Kalt"]),
    # one word in camel case is a handle, not a name with something glued on
    ("BeginnersGuide/Download (last edited 2019-11-10 13:28:18 by MatsWichmann)", ["MatsWichmann"]),
    # a photographer's credit names no author
    ("Photographer: Armin Kübelbeck, CC-BY-SA, Wikimedia Commons", []),
    # a desk after a name stays: the benchmarks' gold names it as often as not
    ("von Michael Rädel, Redaktion", ["Michael Rädel", "Redaktion"]),
    ("6. Dezember 2022 von Fatima in Gefühle, Popkultur", ["Fatima"]),
    ("By Dolores Chang For Dailymail.Com", ["Dolores Chang"]),
    ("Julia Vergin | Clare Roth", ["Julia Vergin", "Clare Roth"]),
    ("Mario Rossi e Luca Bianchi", ["Mario Rossi", "Luca Bianchi"]),
    ("Deutscher Caritasverband e V", ["Deutscher Caritasverband e V"]),
    ("Marwan H.", ["Marwan H."]),
    ("By Prof. Max Mann and Mrs. Jane Doe", ["Prof. Max Mann", "Mrs. Jane Doe"]),
    ("By June Smith", ["June Smith"]),
    ("Sophie Foster; Sophie-Foster", ["Sophie Foster"]),
    # a profession printed before the name
    ("Autor: Rechtsanwalt Sebastian Einbock", ["Sebastian Einbock"]),
    ("FOCUS-Online-Experte Robin Tschöpe", ["Robin Tschöpe"]),
    ("Expertin Anna", []),  # a profession and one word: no name to be sure of
    # the sample corpus's own bylines
    ("Par Sophie Delmas, avec ACP", ["Sophie Delmas", "ACP"]),
    ("Par la rédaction, avec ACP", ["la rédaction", "ACP"]),
    ("By Meridian Press, with Markets Dispatch staff", ["Meridian Press", "Markets Dispatch"]),
    ("By Oliver Grant, Transport Correspondent", ["Oliver Grant"]),
    ("Élodie Garnier et Thomas Rivière", ["Élodie Garnier", "Thomas Rivière"]),
    ("By Staff Writer", []),
    ("12.03.2020 07:45", []),
    # an e-mail address after the name, its local part glued on by a lost space
    (
        "Por María Alejandra Carrasquilla Reinamaria.carrasquilla@laestrella.com.pa",
        ["María Alejandra Carrasquilla"],
    ),
    ("Von Max Muster, max.muster@zeitung.de", ["Max Muster"]),
    ("By jane.doe@example.com", []),
    # a field's label glued to its value is no name
    ("Datum:26. Januar 2022", []),
]


@pytest.mark.parametrize(("byline", "names"), CASES)
def test_names_of_a_byline(byline: str, names: list[str]) -> None:
    at = 17  # the byline stands somewhere inside its article's raw text
    raw = "x" * at + byline + "\nbody"
    spans = author_spans(Span(byline, at, at + len(byline)))
    assert [s.text for s in spans] == names
    for s in spans:
        assert raw[s.start : s.end] == s.text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                *"AaBbJjÉé0123.,;:|·/-@&()\t ",
                " von ",
                " by ",
                "Par ",
                " und ",
                "Jane",
                "Doe",
                "Mai",
                "Lesezeit",
                "Fotos:",
            ]
        ),
        max_size=40,
    ).map("".join),
    st.integers(min_value=0, max_value=50),
)
def test_every_name_is_an_exact_span_of_the_byline(byline: str, at: int) -> None:
    raw = "#" * at + byline
    spans = author_spans(Span(byline, at, at + len(byline)))
    for s in spans:
        assert at <= s.start < s.end <= at + len(byline)
        assert raw[s.start : s.end] == s.text
        assert s.text == s.text.strip() and any(c.isalpha() for c in s.text)
    assert len({s.text.casefold() for s in spans}) == len(spans)


def test_authors_in_the_article_and_its_json() -> None:
    raw = (
        "Council raises the tax\n"
        "By Jane Doe and John Smith | March 3, 2020\n"
        "The council met on Monday and decided to raise the local tax by two percent, "
        "officials said after a long debate in the chamber.\n"
        "The mayor said the money would pay for schools and roads in the coming years.\n"
    )
    art = clean_text(raw)
    assert art.byline is not None and art.byline.text.startswith("By Jane Doe")
    assert [a.text for a in art.authors] == ["Jane Doe", "John Smith"]
    art.check_spans()
    back = Article.from_json(art.to_json())
    assert back.authors == art.authors
    # a stored article of an older newsdesk has no authors field: it reads as none
    d = art.to_dict()
    del d["authors"]
    assert Article.from_dict(d).authors == []


def test_check_spans_covers_the_authors() -> None:
    art = Article(id="x", raw="By Jane Doe", byline=Span("By Jane Doe", 0, 11))
    art.authors = [Span("Jane Dox", 3, 11)]
    with pytest.raises(ValueError, match="author"):
        art.check_spans()


def test_authors_match_compares_names_as_sets() -> None:
    assert gold_names("Rudolf Fischer, Simon Kohler") == {"rudolf fischer", "simon kohler"}
    assert authors_match(["Simon Kohler", "Rudolf Fischer"], "Rudolf Fischer, Simon Kohler")
    assert authors_match(["Jane Doe"], ["Jane Doe"])
    assert not authors_match(["Von Jane Doe"], "Jane Doe")
    assert not authors_match(["Jane Doe"], ["Jane Doe", "John Smith"])
    assert not authors_match([], "Jane Doe")


def test_a_hostile_byline_is_read_in_its_first_characters() -> None:
    # a page's metadata may declare an author of any length; the names come from its start
    huge = "By Jane Doe and " + "Max Mann, " * 200_000
    names = [s.text for s in author_spans(Span(huge, 5, 5 + len(huge)))]
    assert names[:2] == ["Jane Doe", "Max Mann"] and len(names) <= 12
    # date words are followed outwards from the digits, several steps back
    long_date = "Veröffentlicht " + "Am " * 4 + "3. Mai 2020 | Jane Doe"
    assert [s.text for s in author_spans(Span(long_date, 0, len(long_date)))] == ["Jane Doe"]


@pytest.mark.parametrize(
    ("byline", "outlet", "names"),
    [
        ("By Jane Doe, CNN", "cnn.com", ["Jane Doe"]),
        ("CNN", "cnn.com", ["CNN"]),  # a desk or agency byline stays
        ("Die FURCHE; Ursula Baatz", "www.furche.at", ["Ursula Baatz"]),
        ("Ralf Zeitler", "zeit.de", ["Ralf Zeitler"]),  # a name only containing the outlet's
        ("Von Jan Koch, dpa", "spiegel.de", ["Jan Koch", "dpa"]),  # an agency is not the outlet
        ("Jane Doe | The Guardian", "Guardian", ["Jane Doe"]),
        # the outlet's name glued together: the split at its inner capital left a piece of it
        ("Adam Aaronson PhillyVoice Staff", "www.phillyvoice.com", ["Adam Aaronson"]),
        ("Sophie FosterTravel News Reporter", "travelnews.example", ["Sophie Foster"]),
    ],
)
def test_the_outlets_own_name_goes_when_a_person_remains(byline: str, outlet: str, names: list[str]) -> None:
    assert [s.text for s in author_spans(Span(byline, 0, len(byline)), outlet)] == names

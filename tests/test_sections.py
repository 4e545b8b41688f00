"""The end of an article on a rendered page, and teaser links inside it."""

from __future__ import annotations

import pytest

from newsdesk.clean import clean_text
from newsdesk.clean.sections import END_HEADING, TEASER

BODY = (
    "The council voted on Tuesday to extend the tram line to the northern suburbs, "
    "a project first proposed a decade ago and delayed twice by funding disputes."
)


def _page(*middle: str) -> str:
    paras = [BODY.replace("Tuesday", day) for day in ("Monday", "Tuesday", "Wednesday", "Thursday")]
    return "\n".join(["Tram line extended to the north", *paras, *middle])


def test_headings_and_teasers_are_recognised() -> None:
    for heading in ("Related articles", "12 Comments", "Most read", "Das könnte Sie auch interessieren:",
                    "Ähnliche Beiträge", "Sur le même sujet", "Noticias relacionadas"):  # fmt: skip
        assert END_HEADING.match(heading), heading
    for line in ("Comments are closed for this story", "Related to this, the mayor said"):
        assert not END_HEADING.match(line), line
    assert TEASER.match("Read more: Flooding closes the river road")
    assert TEASER.match("Lesen Sie auch: Die Stadt plant neue Radwege")
    assert not TEASER.match("Read more about the plan on the council's site")


def test_teasers_after_a_section_heading_are_removed_with_reasons() -> None:
    raw = _page(
        "Related articles",
        "Bus drivers in the capital went on strike again this week, demanding better pay and shorter shifts.",
        "The mayor opened a new library branch in the old post office building on Friday morning.",
    )
    art = clean_text(raw)
    assert "Bus drivers" not in art.text and "new library" not in art.text
    reasons = {r.text[:12]: r.reason for r in art.removed}
    assert reasons["Related arti"] in ("label", "nav")
    assert reasons["Bus drivers "] == "after-article"
    assert any("Related articles" in r.detail for r in art.removed if r.reason == "after-article")
    for r in art.removed:
        assert raw[r.start : r.end] == r.text
    assert art.text.count("The council voted") == 4


def test_inline_teaser_is_removed_and_the_article_goes_on() -> None:
    raw = _page("Read more: Flooding closes the river road for a week", BODY.replace("council", "committee"))
    art = clean_text(raw)
    assert "Flooding closes" not in art.text
    assert "The committee voted" in art.text
    assert any(r.reason == "teaser" for r in art.removed)


def test_a_heading_right_under_the_headline_does_not_end_the_article() -> None:
    raw = "\n".join(["Tram line extended to the north", "3 Comments", BODY, BODY.replace("council", "board")])
    art = clean_text(raw)
    assert "The board voted" in art.text and "The council voted" in art.text


def test_a_long_paragraph_after_the_heading_is_kept() -> None:
    long_para = " ".join([BODY] * 3)
    art = clean_text(_page("Comments", long_para))
    assert art.text.count("The council voted") == 4 + 3


def test_copyright_footer_ends_the_article_but_a_photo_credit_does_not() -> None:
    from newsdesk.clean.sections import FOOTER

    assert FOOTER.search("© 2022 Brightwater Media. All rights reserved.")
    assert FOOTER.search("Copyright 2018 - Deutsche Gesellschaft für Sonnenenergie e.V.")
    assert FOOTER.search("Alle Rechte vorbehalten")
    assert not FOOTER.search("© dpa")
    assert not FOOTER.search("Copyright law was changed in 2019 to cover news snippets")
    raw = _page(
        "© 2024 The Brightwater Post. All rights reserved.",
        "Bus drivers in the capital went on strike again this week, demanding better pay and shorter shifts.",
    )
    art = clean_text(raw)
    assert "Bus drivers" not in art.text and "All rights reserved" not in art.text
    assert {r.reason for r in art.removed} >= {"after-article"}
    assert art.text.count("The council voted") == 4


def test_wider_end_headings_share_prompts_comment_forms_and_author_boxes() -> None:
    from newsdesk.clean.sections import END_PHRASE

    for heading in ("Teilen Sie dies mit:", "Share this:", "Hinterlasse eine Antwort", "Kommentar verfassen",
                    "Leave a Reply Cancel reply", "Über den Autor", "About the author", "Pressekontakt",
                    "Post navigation", "Beitragsnavigation", "Notícias relacionadas", "meist-diskutiert"):  # fmt: skip
        assert END_HEADING.match(heading), heading
    for heading in ("Die meistgelesenen Artikel bei SWR.de/Sport", "Beliebte Beiträge zum Thema:",
                    "Das Thema könnte dich auch interessieren:"):  # fmt: skip
        assert END_PHRASE.match(heading), heading
    # a sentence that opens with the same words is not a heading
    assert not END_PHRASE.match(
        "Related articles in the archive show the council changed its mind. Then it voted."
    )
    assert not END_HEADING.match("Share this with anyone who rides the tram every day")


def test_lines_under_a_teaser_heading_are_teasers_and_the_article_goes_on() -> None:
    raw = _page(
        "Lesen Sie auch",
        "* Flooding closes the river road for a week",
        "* The mayor opens a library in the old post office",
        BODY.replace("council", "committee") + " " + BODY.replace("council", "assembly"),
    )
    art = clean_text(raw)
    assert "Flooding closes" not in art.text and "library in the old post office" not in art.text
    assert "The committee voted" in art.text
    teasers = [r for r in art.removed if r.reason == "teaser"]
    assert len(teasers) == 2 and all("links to other articles" in r.detail for r in teasers)
    for r in art.removed:
        assert raw[r.start : r.end] == r.text


def test_comment_form_disclosure_author_and_filing_lines_are_removed_with_reasons() -> None:
    cases = {
        "Your email address will not be published. Required fields are marked *": "comments",
        "Save my name, email, and website in this browser for the next time I comment.": "comments",
        "Deine E-Mail-Adresse wird nicht veröffentlicht.": "comments",
        "We may receive compensation when you click on links to products in this story.": "disclosure",
        "Für Links auf dieser Seite erhält die Redaktion ggf. eine Provision vom Händler.": "disclosure",
        "About the author": "author",
        "Schreibt seit 2008 für die taz über Wirtschaft und Umwelt.": "author",
        "This entry was posted in Local news and tagged trams, council. Bookmark the permalink.": "metadata",
        "No spam, we promise. You can unsubscribe at any time.": "newsletter",
    }
    raw = _page(*cases)
    art = clean_text(raw)
    got = {r.text: r.reason for r in art.removed}
    for line, reason in cases.items():
        assert got.get(line) == reason, (line, got.get(line))
    assert art.text.count("The council voted") == 4


def test_news_sentences_that_resemble_furniture_are_not_cues() -> None:
    from newsdesk.clean.lexicon import line_cues

    news = [
        "The lawsuit, filed in federal court by the union, asks for damages.",
        "Ad blockers are used by 30% of readers, a study found.",
        "Jane Doe is a reporter for the Gazette who was detained on Monday.",
        "Er schreibt für die Zeitung über Politik.",
        "Sigue su canal de YouTube para más noticias del caso.",
        "Darowizna na rzecz fundacji wyniosła 3 mln zł.",
    ]
    assert line_cues(news) == [()] * len(news)


def test_a_list_printed_twice_is_left_to_the_model_but_an_echoed_deck_is_not() -> None:
    items = ["Grim Fandango", "Riven", "Zork Grand Inquisitor", "Dark Fall"]
    raw = "\n".join(["Adventure games we still play", BODY, *items, BODY.replace("council", "board"), *items])
    art = clean_text(raw)
    # no second copy is removed as a duplicate just for repeating a plain line
    assert not [r for r in art.removed if r.reason == "duplicate" and r.text in items]
    deck = "The northern extension opens next spring after a decade of delays and two funding disputes"
    raw = "\n".join(["Tram line extended to the north", deck, "Photo: City archive", BODY, deck, BODY])
    art = clean_text(raw)
    assert art.deck is not None and art.deck.text == deck
    assert [r.reason for r in art.removed if r.text == deck] == ["duplicate"]


def test_teaser_forms_of_more_languages() -> None:
    for line in ("VEA TAMBIÉN: Entre heces y guaricha", "Leia mais: Polícia prende suspeito",
                 "Don't miss: the river road reopens", "Przeczytaj też: Nowy most w Gdańsku"):  # fmt: skip
        assert TEASER.match(line), line
    from newsdesk.clean.sections import TEASER_HEADING

    for heading in ("Lesen Sie weiter", "Polecamy", "À lire également", "Te recomendamos"):
        assert TEASER_HEADING.match(heading), heading


def test_end_and_teaser_headings_added_in_session_31() -> None:
    """ "Weitere Inhalte", "Más noticias de Colombia" end the article; the Nordic "read
    also/next" headings introduce teasers."""
    from newsdesk.clean.sections import TEASER_HEADING

    for heading in ("Weitere Inhalte:", "Más noticias de Colombia", "Más noticias"):
        assert END_HEADING.match(heading), heading
    for heading in ("Lue seuraavaksi:", "Lue myös", "Läs också", "Læs også", "Les også"):
        assert TEASER_HEADING.match(heading), heading
    assert not END_HEADING.match("Más noticias llegaron de Bogotá esta mañana sobre el caso")
    raw = _page(
        "Weitere Inhalte:",
        "Bus drivers in the capital went on strike again this week, demanding better pay and shorter shifts.",
    )
    art = clean_text(raw)
    assert "Bus drivers" not in art.text
    assert {r.reason for r in art.removed if r.text.startswith("Bus drivers")} == {"after-article"}


def test_nothing_after_a_reservation_of_rights_is_the_article() -> None:
    """After "All Rights Reserved" even a long paragraph is the page's (an institution's
    "About" text), while after a bare "© 2019 Getty Images" a long paragraph stays: that
    line may be a photo's credit inside the article."""
    long_para = " ".join(
        ["The training programme provides basic officer training to cadets over forty-four weeks."] * 6
    )
    assert len(long_para.split()) > 60
    art = clean_text(_page("Copyright 2020 The Information Service. All Rights Reserved.", long_para))
    assert long_para not in art.text
    assert {r.reason for r in art.removed if r.text == long_para} == {"after-article"}
    art = clean_text(_page("© 2019 Getty Images", long_para))
    assert long_para in art.text


_POST = "\n\n".join(
    [
        "Last weekend we finally walked the long coastal path from the harbour to the lighthouse, a route"
        " we had planned for months.",
        "The weather was kind to us, with a light wind from the west and only a short shower around noon"
        " when we stopped for lunch.",
        "We will certainly come back in autumn, when the heather is in bloom and the crowds of summer have"
        " gone home again.",
        "On the way back we found a small cafe in the old fishing village, where the owner told us about"
        " the storms of the last winter.",
        "If you plan the same walk, start early, carry enough water and check the tide tables before you"
        " set out along the beach.",
    ]
)


@pytest.mark.parametrize(
    "widget",
    [
        "Like Loading...",
        "Gefällt mir Wird geladen …",
        "J’aime chargement…",
        "Me gusta Cargando...",
        "Comparte esto:",
        "Udostępnij to:",
        "Lubię to:",
        "Podobne wpisy",
        "Compartilhe isso:",
        "Mi piace:",
        "Vind ik leuk:",
        "Dela det här:",
        "Jaa tämä:",
        "Tykkää tästä:",
        "Jätä kommentti",
        "Publications similaires",
        "Artigos relacionados",
        "Post correlati",
        "Gerelateerde berichten",
        "Liknande inlägg",
        "Aiheeseen liittyvät",
        "Keine Kommentare:",  # Blogger's comment heading with no comment yet
        "Brak komentarzy:",
        "Kommentar veröffentlichen",
        "Discussion about this post",  # Substack's comments
    ],
)
def test_a_blogs_share_like_and_related_rows_end_the_post(widget: str) -> None:
    """WordPress's and Jetpack's strings after a post, in languages the headings lacked:
    the post ends there and the next post's title under it goes too."""
    from newsdesk.clean import clean_text

    raw = f"A walk to the lighthouse\n\n{_POST}\n\n{widget}\n\nTwenty ideas for a rainy Sunday in the city\n"
    art = clean_text(raw)
    reasons = {r.text: r.reason for r in art.removed}
    assert reasons.get(widget) == "label", reasons
    assert reasons.get("Twenty ideas for a rainy Sunday in the city") == "after-article"
    assert len(art.paragraphs) == 5


@pytest.mark.parametrize(
    "row",
    [
        "Newer Post Older Post Home",
        "Neuerer Post Älterer Post Startseite",
        "Subscribe to: Post Comments (Atom)",
        "Abonnieren Kommentare zum Post (Atom)",
        "Ready for more?",
    ],
)
def test_blogger_and_substack_rows_under_a_post_are_labels(row: str) -> None:
    raw = f"A walk to the lighthouse\n\n{_POST}\n\n{row}\n"
    art = clean_text(raw)
    assert {r.text: r.reason for r in art.removed}.get(row) == "label"
    assert len(art.paragraphs) == 5


def test_a_heading_the_line_model_removed_is_named_by_the_rule() -> None:
    """The line model may remove an end-of-page heading before this module sees it, and a
    retrained model does for some and not others; the removal then says what the line is
    ("label", "after-article"), not the bare probability.  A line another rule removed
    keeps that rule's reason."""
    from dataclasses import dataclass

    from newsdesk.clean.sections import mark_article_end

    @dataclass
    class Line:
        text: str
        role: str | None
        reason: str = ""
        detail: str = ""

        @property
        def nw(self) -> int:
            return len(self.text.split())

    model = "line model: main-text probability 0.21 < 0.40"
    body = "The council met on Tuesday and approved the budget for the coming year after a long debate."
    lines = [
        *(
            Line(body.replace("Tuesday", day), "body")
            for day in ("Monday", "Tuesday", "Wednesday", "Friday", "Sunday", "May")
        ),
        Line("Related posts", "removed", "boilerplate", model),
        Line("Ten ideas for a rainy Sunday", "removed", "boilerplate", model),
        Line("Follow us on Facebook", "removed", "social", "matched 'follow us'"),
        Line("Five walks by the river", "body"),
    ]
    mark_article_end(lines)
    got = [(ln.role, ln.reason) for ln in lines]
    assert got[:6] == [("body", "")] * 6
    assert got[6] == ("removed", "label") and lines[6].detail == "heading of an end-of-page section"
    assert got[7] == ("removed", "after-article") and "Related posts" in lines[7].detail
    assert got[8] == ("removed", "social")
    assert got[9] == ("removed", "after-article")

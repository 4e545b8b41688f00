"""The end of an article on a rendered page, and teaser links inside it."""

from __future__ import annotations

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

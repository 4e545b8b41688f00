"""The whole HTML path: reader record -> extract_html -> line cleaner -> Article with exact spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.clean import clean_record
from newsdesk.model import Article, RawRecord

HTML_DIR = Path(__file__).parent / "fixtures" / "html"


def article(name: str, url: str | None = None) -> Article:
    path = HTML_DIR / name
    rec = RawRecord(
        source_path=str(path), content=path.read_bytes(), input_format="html", content_type="html", url=url
    )
    art = clean_record(rec)
    art.check_spans()
    return art


@pytest.mark.parametrize("name", sorted(p.name for p in HTML_DIR.glob("*.html")))
def test_every_fixture_gives_a_clean_article_with_exact_spans(name: str) -> None:
    art = article(name)
    assert art.input_format == "html"
    assert art.title is not None and art.byline is not None
    assert len(art.paragraphs) >= 4
    # header values are not repeated in the body
    assert art.title.text not in art.text
    if art.deck is not None:
        assert art.deck.text not in art.text
    # every caption went to captions, not into the body
    for cap in art.captions:
        assert cap.text not in art.text


def test_caption_credit_is_split_from_the_caption() -> None:
    art = article("harbour_times_bridge.html", url="https://www.harbourtimes.example/local/2024/03/14/bridge")
    assert [c.text for c in art.captions] == [
        "An artist's impression of the proposed crossing seen from the north quay."
    ]
    credit = art.captions[0].credit
    assert credit is not None and credit.text == "Photo: Harbour City Council"
    assert art.outlet == "harbourtimes.example"
    assert art.published == "2024-03-14T09:30:00+00:00"
    assert art.lang == "en"


def test_title_and_deck_echoed_in_body_are_removed_as_duplicates() -> None:
    art = article("le_courrier_greve.html")
    assert art.title is not None and art.title.text == "Grève à la SNCF : un TGV sur trois circulera jeudi"
    assert art.deck is not None and art.deck.text.startswith("Les syndicats réclament")
    reasons = {r.reason for r in art.removed}
    assert "duplicate" in reasons
    assert art.text.startswith("La SNCF prévoit de faire circuler un TGV sur trois")
    assert art.captions and art.captions[0].credit is not None
    assert art.captions[0].credit.text == "© Julien Martin / AFP"


def test_record_date_wins_over_page_date() -> None:
    path = HTML_DIR / "coastal_wire_storm.html"
    rec = RawRecord(
        source_path=str(path),
        content=path.read_bytes(),
        input_format="jsonl",
        content_type="html",
        published="2024-01-23",
    )
    art = clean_record(rec)
    assert art.published == "2024-01-23"
    assert art.published_source == "input"


def test_title_declared_beside_the_text_gets_a_span() -> None:
    from newsdesk.clean import clean_record as clean
    from newsdesk.model import RawRecord

    body = "Dockers voted on Tuesday to end the strike after three weeks of talks with the port.\n"
    rec = RawRecord("feed.jsonl", body, "jsonl", title="Port strike ends", location="line=1")
    art = clean(rec)
    art.check_spans()
    assert art.title is not None and art.title.text == "Port strike ends"
    assert "Dockers voted" in art.text
    # a title already present as a line is not added twice
    rec2 = RawRecord("f.jsonl", "Port strike ends\n\n" + body, "jsonl", title="Port strike ends")
    assert clean(rec2).raw.count("Port strike ends") == 1


def _undated_page() -> str:
    para = (
        "<p>" + "The harbour authority said on a busy morning that the cranes would stay idle while "
        "engineers inspect the damaged quay wall. " * 3 + "</p>"
    )
    return (
        "<html><head><title>Quay closed</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Quay closed after storm</h1>{para * 3}</article>"
        "<div class='sidebar'><span>Archive: 2021/03/04 harbour notes</span></div></body></html>"
    )


def test_extensive_date_search_runs_only_when_nothing_else_found_a_date() -> None:
    from newsdesk.clean.html import HtmlConfig, extract_html

    html = _undated_page()
    # the extraction itself only runs htmldate's quick search, and says the page is undated
    quick = extract_html(html)
    assert quick.published is None and quick.meta["date_search"] == "deferred"
    assert extract_html(html, config=HtmlConfig(deferred_date_search=False)).published == "2021-03-04"
    # the full path then searches the page: same date as the undeferred search, source said
    art = clean_record(RawRecord("quay.html", html, "html", content_type="html"))
    assert (art.published, art.published_source) == ("2021-03-04", "htmldate-extensive")
    assert "date_search" not in art.meta
    # a declared date wins and the page is not searched
    declared = clean_record(RawRecord("quay.html", html, "html", content_type="html", published="2021-03-05"))
    assert (declared.published, declared.published_source) == ("2021-03-05", "input")


def _page_with_a_dated_line_of_text() -> str:
    body = "".join(
        f"<p>The council met on Tuesday and voted on the budget for the coming year, item {i}.</p>"
        for i in range(6)
    )
    return (
        "<html><head><title>Council passes the budget</title></head><body><article>"
        "<h1>Council passes the budget</h1><p>Council meeting of 12 March 2019 in the old town hall of the city</p>"
        f"{body}</article></body></html>"
    )


def test_a_date_in_the_articles_text_gives_way_to_the_pages_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """On an HTML page whose metadata holds no date, a date the cleaner read from a kept line
    of the article near its headline may be an event's: htmldate's extensive search of the
    page is asked first, and the line's date is kept only when the page holds none."""
    import newsdesk.clean.html as html_mod

    page = _page_with_a_dated_line_of_text()
    monkeypatch.setattr(html_mod, "extensive_date", lambda tree: (None, None))
    kept = clean_record(RawRecord("c.html", page, "html", content_type="html"))
    assert (kept.published, kept.published_source) == ("2019-03-12", "text:body-line")
    assert kept.published_from is not None and kept.published_from.text.startswith("Council meeting")

    monkeypatch.setattr(html_mod, "extensive_date", lambda tree: ("2019-03-20", "htmldate-extensive"))
    searched = clean_record(RawRecord("c.html", page, "html", content_type="html"))
    assert (searched.published, searched.published_source) == ("2019-03-20", "htmldate-extensive")
    assert searched.published_from is None

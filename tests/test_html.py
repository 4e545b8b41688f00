"""The HTML path: fields and body from realistic news pages, the raw layout contract, bad input."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

import pytest

from newsdesk.clean import clean_record
from newsdesk.clean.html import HtmlConfig, HtmlExtraction, extract_html
from newsdesk.model import RawRecord

HTML_DIR = Path(__file__).parent / "fixtures" / "html"


def page(name: str) -> str:
    return (HTML_DIR / name).read_text(encoding="utf-8")


def lines(x: HtmlExtraction) -> list[str]:
    return x.raw.split("\n")


def assert_layout(x: HtmlExtraction) -> None:
    """The header-lines contract every caller (cleaner, store) relies on."""
    header = [v for v in (x.title, x.deck, x.byline) if v is not None]
    raw_lines = lines(x)
    for value in header:
        assert value in raw_lines, value
        assert "\n" not in value
    # header values come first, in order, then a blank line
    assert raw_lines[: len(header)] == header
    if header:
        assert raw_lines[len(header)] == ""
    for cap in x.captions:
        # a caption line is either placed before the body or one of trafilatura's body lines
        assert cap in raw_lines
        assert x.raw.index(cap) < x.body_start or cap in x.body.split("\n")
    assert x.raw[x.body_start :] == x.body
    assert x.body and not x.body.startswith("\n")


BODY_CHECKS = {
    "harbour_times_bridge.html": (
        "Harbour City Council voted 31 to 12 on Wednesday night",
        "taken three years longer to build.",
    ),
    "rheinbote_hochwasser.html": (
        "Der Rhein in Köln ist in der Nacht zum Freitag auf 8,40 Meter gestiegen.",
        "nur noch geringe Niederschläge.",
    ),
    "le_courrier_greve.html": (
        "La SNCF prévoit de faire circuler un TGV sur trois",
        "une nouvelle réunion le 4 décembre.",
    ),
    "coastal_wire_storm.html": (
        "More than 40,000 homes were without electricity",
        "An amber wind warning remains in place until 6pm.",
    ),
}

# cruft on the fixture pages that extraction itself must already drop
CRUFT = (
    "We use cookies",
    "Wir verwenden Cookies",
    "En poursuivant votre navigation",
    "This website uses cookies",
    "Related stories",
    "Das könnte Sie auch interessieren",
    "Les plus lus",
    "quayside_dave",
    "Jedes Jahr das gleiche Spiel",
    "All rights reserved",
    "Impressum",
    "Mentions légales",
    "Advertise with us",
    "Startseite",
)


@pytest.mark.parametrize("name", sorted(BODY_CHECKS))
def test_body_complete_and_cruft_free(name: str) -> None:
    x = extract_html(page(name))
    assert not x.empty
    first, last = BODY_CHECKS[name]
    assert first in x.body
    assert x.body.rstrip().endswith(last) or last in x.body
    for junk in CRUFT:
        assert junk not in x.raw, junk
    assert_layout(x)


def test_english_page_fields() -> None:
    x = extract_html(page("harbour_times_bridge.html"), url="https://www.harbourtimes.example/local/x")
    assert x.title == "Council approves new harbour bridge after two-year dispute"
    assert x.deck == (
        "The 480-metre crossing will cost an estimated £212 million and open to traffic in 2029, the council said."
    )
    assert x.byline == "Maria Ellison"
    # htmldate found the day; the page's own timestamp for that day refines it
    assert x.published == "2024-03-14T09:30:00+00:00"
    assert x.published_source == "htmldate+meta"
    assert x.lang == "en"
    assert x.sitename == "The Harbour Times"
    assert x.meta["categories"] == ["Local"]
    assert x.meta["tags"] == ["transport", "infrastructure"]
    # the lead figure sits outside the body container: its caption (with credit) is kept as a line
    cap = "An artist's impression of the proposed crossing seen from the north quay. Photo: Harbour City Council"
    assert x.captions == [cap]
    assert lines(x)[:5] == [x.title, x.deck, x.byline, "", cap]
    # comments are not part of the report
    assert "About time" not in x.raw


def test_german_page_json_ld_metadata() -> None:
    x = extract_html(page("rheinbote_hochwasser.html"))
    assert x.title == "Hochwasser: Pegel in Köln steigt auf 8,40 Meter"
    assert x.byline == "Jonas Keller"
    assert x.deck is not None and x.deck.startswith("Die Stadt sperrt Teile der Altstadt.")
    # htmldate gives the day; the JSON-LD datePublished of that day adds the time
    assert x.published == "2024-01-05T07:12:00+01:00"
    assert x.published_source == "htmldate+meta"
    assert x.lang == "de"  # from lang="de-DE"
    assert x.captions == ["Die überflutete Uferpromenade am Freitagmorgen. Foto: Anna Weber/dpa"]
    assert_layout(x)


def test_french_page_deck_kept_in_body_is_still_the_deck() -> None:
    x = extract_html(page("le_courrier_greve.html"))
    assert x.title == "Grève à la SNCF : un TGV sur trois circulera jeudi"
    # og:description equals the h2 standfirst, which trafilatura kept as a body line
    assert x.deck == "Les syndicats réclament une hausse des salaires de 6 %. La direction propose 3,2 %."
    assert x.deck in x.body.split("\n")
    assert x.byline == "Camille Roux"
    assert x.published == "2023-11-29T18:05:00+01:00"
    assert x.lang == "fr"
    assert x.meta["tags"] == ["SNCF", "grève"]
    assert "© Julien Martin / AFP" in x.captions[0]
    assert_layout(x)


def test_page_without_meta_description_has_no_deck() -> None:
    x = extract_html(page("coastal_wire_storm.html"))
    assert x.title == "Storm Isha: thousands without power as 90mph winds hit coast"
    assert x.deck is None
    assert x.byline == "Daniel Okafor"
    assert x.published == "2024-01-22"
    assert x.published_source == "htmldate"
    assert x.lang == "en"
    assert x.captions == []
    assert lines(x)[:3] == [x.title, x.byline, ""]


def test_truncated_description_is_an_excerpt_not_a_deck() -> None:
    body = "".join(
        f"<p>Paragraph {i} of the report says something long enough to be real article text, "
        f"with several clauses and a full stop at the end.</p>"
        for i in range(6)
    )
    html = (
        "<html><head><title>Some headline here</title>"
        '<meta name="description" content="Paragraph 0 of the report says something long enough...">'
        f"</head><body><article><h1>Some headline here</h1>{body}</article></body></html>"
    )
    x = extract_html(html)
    assert x.deck is None
    assert x.meta["description"].startswith("Paragraph 0")
    assert_layout(x)


def test_captions_off() -> None:
    x = extract_html(page("harbour_times_bridge.html"), config=HtmlConfig(captions=False))
    assert x.captions == []
    assert "artist's impression" not in x.raw
    assert len(x.meta["captions"]) == 1  # still reported


def test_comments_when_asked_go_to_meta_not_raw() -> None:
    x = extract_html(page("harbour_times_bridge.html"), config=HtmlConfig(include_comments=True))
    assert "About time" in x.meta.get("comments", "")
    assert "About time" not in x.raw


# -- robustness --------------------------------------------------------------------------------
@pytest.mark.parametrize("html", ["", "   \n\t ", "<html></html>", "<p>x</p>"])
def test_empty_inputs_give_empty_extraction_with_reason(html: str) -> None:
    x = extract_html(html)
    assert x.empty and x.raw == ""
    assert x.meta["reason"]


def test_deep_nesting_does_not_crash_or_hang() -> None:
    depth = 100_000
    text = "<p>Deeply nested text that is still a sentence of a real paragraph.</p>"
    html = "<html><body>" + "<div>" * depth + text + "</div>" * depth + "</body></html>"
    t0 = time.process_time()
    x = extract_html(html)
    assert time.process_time() - t0 < 10
    assert isinstance(x, HtmlExtraction)
    assert x.empty == (x.meta.get("reason") is not None)


def test_deep_inline_nesting() -> None:
    html = "<html><body><article>" + "<span><b><i>" * 20_000 + "word " * 50 + "</article></body></html>"
    x = extract_html(html)
    assert isinstance(x, HtmlExtraction)


def test_binary_garbage_decoded_as_text() -> None:
    garbage = os.urandom(200_000).decode("latin-1")
    t0 = time.process_time()
    x = extract_html(garbage)
    assert time.process_time() - t0 < 10
    assert x.empty and x.meta["reason"]


def test_utf16_read_as_latin1_is_refused_as_binary() -> None:
    x = extract_html(page("coastal_wire_storm.html").encode("utf-16-le").decode("latin-1"))
    assert x.empty
    assert "binary" in x.meta["reason"]


def test_too_large_and_too_complex_pages_are_refused_fast() -> None:
    x = extract_html("<p>a</p>" * 2_000, config=HtmlConfig(max_chars=1_000))
    assert x.empty and "too large" in x.meta["reason"]
    many = "<html><body>" + "<span>w</span>" * 5_000 + "</body></html>"
    y = extract_html(many, config=HtmlConfig(max_elements=1_000))
    assert y.empty and "too complex" in y.meta["reason"]


def test_stray_nul_bytes_are_dropped_not_fatal() -> None:
    html = page("coastal_wire_storm.html").replace("Engineers", "Engi\x00neers", 1)
    x = extract_html(html)
    assert "Engineers had restored supplies" in x.body


# -- the site's name around the page title ---------------------------------------------------


@pytest.mark.parametrize(
    ("title", "sitename", "host", "headings", "expected"),
    [
        # a last or first segment naming the site (declared name, host, host's first label)
        (
            "74-Jähriger stirbt nach Unfall in Simmelsdorf - N-LAND",
            "N-LAND",
            "n-land.de",
            [],
            "74-Jähriger stirbt nach Unfall in Simmelsdorf",
        ),
        (
            "Wie man eine Tischdecke herstellt | homify",
            None,
            "www.homify.de",
            [],
            "Wie man eine Tischdecke herstellt",
        ),
        (
            "Maulwurfkuchen mit Erdbeeren - Rezept von Backen.de",
            None,
            "backen.de",
            [],
            "Maulwurfkuchen mit Erdbeeren",
        ),
        (
            "INDUSTRIEMAGAZIN | Luftfahrt hebt ab - und FACC profitiert",
            "INDUSTRIEMAGAZIN",
            "industriemagazin.at",
            [],
            "Luftfahrt hebt ab - und FACC profitiert",
        ),
        # the page's own heading settles it, whatever the site is called
        (
            "Vierschanzentournee | Skisprung-Zoff ums Material",
            None,
            None,
            ["Skisprung-Zoff ums Material"],
            "Skisprung-Zoff ums Material",
        ),
        ("Pétition : Non à la fermeture", None, None, ["Non à la fermeture"], "Non à la fermeture"),
        # kept whole: nothing names the site, a colon is part of a headline, the heading is the title
        (
            "Krieg und Frieden - Ein Roman in vier Bänden",
            "Buchblog",
            "buchblog.de",
            [],
            "Krieg und Frieden - Ein Roman in vier Bänden",
        ),
        (
            "Studie zeigt: Zwei Lebensmittel helfen",
            "Studie",
            "studie.de",
            [],
            "Studie zeigt: Zwei Lebensmittel helfen",
        ),
        (
            "What we do - Creative Commons",
            "Creative Commons",
            "creativecommons.org",
            ["What we do - Creative Commons"],
            "What we do - Creative Commons",
        ),
        ("N-LAND", "N-LAND", "n-land.de", [], "N-LAND"),
        # a Korean site's bar is the letter ㅣ, and the section is glued on with a hyphen
        (
            "장동혁, 한동훈 제명했지만… 부담 커졌다-정치ㅣ한국일보",
            "한국일보",
            "www.hankookilbo.com",
            [],
            "장동혁, 한동훈 제명했지만… 부담 커졌다",
        ),
    ],
)
def test_site_free_title(
    title: str, sitename: str | None, host: str | None, headings: list[str], expected: str
) -> None:
    from newsdesk.clean.html import site_free_title

    assert site_free_title(title, sitename, host, headings) == expected


_UNDECLARED_BODY = "".join(
    f"<p>The council met on Tuesday and voted on the budget for the coming year, item {i}.</p>"
    for i in range(6)
)


@pytest.mark.parametrize(
    ("head", "top", "url", "expected"),
    [
        # a comment widget's heading carries a "title" class; <title> and an <h2> agree
        (
            "<title>Alles Neue mach der Mai | Bibliothek und mehr</title>",
            '<h2>Alles Neue mach der Mai</h2><h3 class="comment-reply-title">Write a Reply or Comment</h3>',
            None,
            "Alles Neue mach der Mai",
        ),
        # the lone <h1> is the site's logo: <title> is the headline
        (
            "<title>Holocaust-Gedenktag: Erinnerungskultur mit Stolpersteinen</title>",
            "<h1>L-Mag</h1>",
            "https://www.l-mag.de/news/gedenktag",
            "Holocaust-Gedenktag: Erinnerungskultur mit Stolpersteinen",
        ),
        # the lone <h1> is the headline, which <title> holds after its site and section; the
        # section is a heading of one word and stays a section
        (
            "<title>Bundespolizei - Aktuelles - Illegale Migration über Polen nach Deutschland</title>",
            "<h2>Aktuelles</h2><h1>Illegale Migration über Polen nach Deutschland</h1>",
            "https://www.bundespolizei.de/aktuelles/migration",
            "Illegale Migration über Polen nach Deutschland",
        ),
    ],
    ids=["widget-heading", "logo-h1", "h1-in-title"],
)
def test_a_title_the_page_does_not_declare_is_checked_against_its_title_element(
    head: str, top: str, url: str | None, expected: str
) -> None:
    html = f"<html><head>{head}</head><body>{top}<article>{_UNDECLARED_BODY}</article></body></html>"
    assert extract_html(html, url).title == expected
    if expected != "Illegale Migration über Polen nach Deutschland":
        assert extract_html(html, url, HtmlConfig(title_checked=False)).title != expected


def test_extracted_title_drops_the_site_name_and_stays_a_header_line() -> None:
    body = "".join(
        f"<p>The council met on Tuesday and voted on the budget for the coming year, item {i}.</p>"
        for i in range(6)
    )
    html = (
        "<html><head><title>Council passes the budget | Example Daily</title>"
        '<meta property="og:title" content="Council passes the budget | Example Daily">'
        '<meta property="og:site_name" content="Example Daily"></head>'
        f"<body><article><h2>Budget</h2>{body}</article></body></html>"
    )
    x = extract_html(html, "https://www.example-daily.com/news/budget")
    assert x.title == "Council passes the budget"
    assert_layout(x)
    kept = extract_html(html, "https://www.example-daily.com/news/budget", HtmlConfig(site_free_title=False))
    assert kept.title == "Council passes the budget | Example Daily"


@pytest.mark.parametrize(
    ("title", "sitename", "host", "headings", "expected"),
    [
        # a social/SEO rewording gives way to the headline the page prints
        (
            "Niederlage für Johnson: Parlament vertagt Votum über Brexit-Deal",
            None,
            None,
            ["Unterhaus vertagt Votum über Brexit-Deal - es drohen Chaos-Tage"],
            "Unterhaus vertagt Votum über Brexit-Deal - es drohen Chaos-Tage",
        ),
        # the same words: the page's typography („…“ for "…")
        (
            'Sheila Atim: "The Woman King zeigt Stärke"',
            None,
            None,
            ["Sheila Atim: „The Woman King zeigt Stärke“"],
            "Sheila Atim: „The Woman King zeigt Stärke“",
        ),
        # of several headings, the one that tells the title's story; soft hyphens dropped
        (
            "Messengerdienste sind kein rechtsfreier Raum",
            "BKA",
            "bka.de",
            [
                "Bundeskriminalamt (BKA)",
                "Mes\xadsen\xadger\xaddiens\xadte sind kein rechts\xadfrei\xader Raum",
            ],
            "Messengerdienste sind kein rechtsfreier Raum",
        ),
        # a heading that holds the whole title and more (a kicker in the same element) does not
        (
            "Getränke per Schiff ins Stadtzentrum",
            None,
            None,
            ["Olympische Spiele in Paris Getränke per Schiff ins Stadtzentrum"],
            "Getränke per Schiff ins Stadtzentrum",
        ),
        # nor does the site's logo heading, nor an unrelated one, nor a one-word one
        (
            "Want to See a More Diverse WordPress Contributor Community? So Do We.",
            "WordPress.com",
            "wordpress.com",
            ["WordPress.com"],
            "Want to See a More Diverse WordPress Contributor Community? So Do We.",
        ),
        (
            "Council passes the budget",
            None,
            None,
            ["Latest news from the region"],
            "Council passes the budget",
        ),
        ("Council passes the budget", None, None, ["Budget"], "Council passes the budget"),
        # a block of text styled as a heading is no headline
        (
            "Council passes the budget",
            None,
            None,
            ["The council budget " + "and more " * 60],
            "Council passes the budget",
        ),
        ("Council passes the budget", None, None, [], "Council passes the budget"),
        # a meta title its page's markup cut at an unescaped quote is the headline's start
        (
            "Hamburg Marathon 2024: Überlegener Sieger und",
            None,
            None,
            ['Hamburg Marathon 2024: Überlegener Sieger und "royaler Besuch"'],
            'Hamburg Marathon 2024: Überlegener Sieger und "royaler Besuch"',
        ),
        # (a heading that goes on with words, not a quote, is still title plus more)
        (
            "Hamburg Marathon 2024",
            None,
            None,
            ["Hamburg Marathon 2024 Überlegener Sieger und royaler Besuch"],
            "Hamburg Marathon 2024",
        ),
    ],
)
def test_visible_headline(
    title: str, sitename: str | None, host: str | None, headings: list[str], expected: str
) -> None:
    from newsdesk.clean.html import visible_headline

    assert visible_headline(title, headings, sitename, host) == expected


def test_an_og_title_cut_at_an_unescaped_quote_gives_way_to_the_printed_headline() -> None:
    body = "".join(
        f"<p>The runners met on Sunday for the city's marathon and a royal visit, report {i}.</p>"
        for i in range(6)
    )
    headline = 'Marathon 2024: Sieger und "royaler Besuch"'
    page = (
        f'<html><head><meta property="og:title" content="{headline}"><title>{headline}</title></head>'
        f"<body><article><h1>{headline}</h1>{body}</article></body></html>"
    )
    got = extract_html(page)
    assert got.title == headline
    assert got.meta.get("meta_title") == "Marathon 2024: Sieger und"


def test_extracted_title_is_the_printed_headline_and_the_meta_title_is_kept() -> None:
    body = "".join(
        f"<p>The council met on Tuesday and voted on the budget for the coming year, item {i}.</p>"
        for i in range(6)
    )
    html = (
        "<html><head><title>Budget row ends as council votes | Example Daily</title>"
        '<meta property="og:site_name" content="Example Daily"></head>'
        "<body><header><h1>Example Daily</h1></header>"
        f"<article><h1>Council passes the budget after a long row</h1>{body}</article></body></html>"
    )
    x = extract_html(html, "https://www.example-daily.com/news/budget")
    assert x.title == "Council passes the budget after a long row"
    assert x.meta["meta_title"] == "Budget row ends as council votes"
    assert_layout(x)
    art = clean_record(RawRecord("page.html", html, "html", content_type="html"))
    assert art.title is not None and art.title.text == x.title
    assert art.meta["meta_title"] == "Budget row ends as council votes"
    kept = extract_html(
        html, "https://www.example-daily.com/news/budget", HtmlConfig(title_from_heading=False)
    )
    assert kept.title == "Budget row ends as council votes" and "meta_title" not in kept.meta


@pytest.mark.parametrize(
    ("author", "sitename", "host", "page", "expected"),
    [
        ("Rob Picheta; CNN", "CNN", "edition.cnn.com", None, "Rob Picheta"),
        # the byline's own word before the name goes; a name that starts with one stays
        ("Von Claudia Lindner", None, None, None, "Claudia Lindner"),
        ("Par Attac France", None, None, None, "Attac France"),
        ("Auteur: Anna Kubišta", None, None, None, "Anna Kubišta"),
        ("责任编辑：孔德明", None, None, None, "孔德明"),
        ("Von der Leyen", None, None, None, "Von der Leyen"),
        ("by the editors", None, None, None, "by the editors"),
        (
            "Campo Grande News; Adriano Fernandes",
            None,
            "www.campograndenews.com.br",
            None,
            "Adriano Fernandes",
        ),
        ("Facebook Com; Evgenia Karp", None, None, None, "Evgenia Karp"),
        ("Zeige alle Beiträge von Petra Ruland", None, None, None, "Petra Ruland"),
        ("Zum Profil von jesusfreak jesusfreak", None, None, None, "jesusfreak"),
        # initials get their periods back only as the page prints them
        ("Marwan H Adwan", None, None, '<span class="author">Marwan H. Adwan</span>', "Marwan H. Adwan"),
        ("R C Baker", None, None, "<p>By R.C. Baker</p>", "R.C. Baker"),
        ("Ronja B", None, None, '<a href="/autor/ronja-b">Ronja B</a>', "Ronja B"),
        # an outlet's own byline stays: agency and desk bylines are real
        ("CNN", "CNN", "cnn.com", None, "CNN"),
        ("Agencies", None, "economictimes.com", None, "Agencies"),
        ("Anna Schmidt; Peter Weber", "Tagblatt", "tagblatt.de", None, "Anna Schmidt; Peter Weber"),
        # the publisher the copyright notice names, beside a writer, goes (The New Yorker's
        # meta author); beside its own address nothing says who wrote, and all stays
        (
            "Condé Nast; Rachel Riederer",
            "The New Yorker",
            "www.newyorker.com",
            '<meta name="copyright" content="Copyright (c) Condé Nast 2023"/>',
            "Rachel Riederer",
        ),
        (
            "Scott Gilbertson; Example Media GmbH",
            None,
            "example.com",
            '<meta content="© 2024 Example Media GmbH. Alle Rechte vorbehalten." name="copyright">',
            "Scott Gilbertson",
        ),
        (
            "Olympia-Verlag GmbH; Nürnberg; Germany",
            None,
            "www.alpin.de",
            '<meta name="copyright" content="Olympia-Verlag GmbH, Nürnberg, Germany">',
            "Olympia-Verlag GmbH; Nürnberg; Germany",
        ),
        ("Condé Nast", None, None, '<meta name="copyright" content="Condé Nast">', "Condé Nast"),
        # a "Last, First" creator tag split at its comma is one person when only the second
        # word is a given name; a desk's two credits stay two
        ("Brazil; Rachel", None, "www.nature.com", None, "Rachel Brazil"),
        ("Harm; Robert", None, None, None, "Harm; Robert"),
        ("Red; Agenturen", None, "orf.at", None, "Red; Agenturen"),
    ],
)
def test_clean_byline(
    author: str, sitename: str | None, host: str | None, page: str | None, expected: str
) -> None:
    from newsdesk.clean.html import clean_byline

    assert clean_byline(author, sitename, host, page) == expected


def _blog_page(author_markup: str, comments: str = "") -> str:
    body = "".join(
        f"<p>We walked along the old canal on Sunday and counted the herons near lock {i}.</p>"
        for i in range(6)
    )
    return (
        "<html><head><title>A walk along the canal</title></head><body><article>"
        f"<h1>A walk along the canal</h1><div class='entry-meta'>{author_markup}</div>{body}"
        f"</article>{comments}</body></html>"
    )


def test_byline_from_the_name_the_markup_marks_as_the_author() -> None:
    # an hCard trafilatura's author search passes over: the page's own markup says who wrote it
    vcard = "Posted by <span class='vcard'><span class='fn'>uriebe</span></span>"
    commenter = "<div class='replies'><span class='vcard'><span class='fn'>Tom Stelling</span></span></div>"
    assert extract_html(_blog_page(vcard, commenter)).byline == "uriebe"  # the first, as printed
    off = HtmlConfig(marked_author=False, printed_byline=False)
    assert extract_html(_blog_page(vcard), config=off).byline is None
    # the line under the headline names the same writer with its by-word
    assert extract_html(_blog_page(vcard), config=HtmlConfig(marked_author=False)).byline == "uriebe"
    # a CMS placeholder is no name; the next marked name is
    two = "Posted by <span class='vcard'><span class='fn'>admin</span></span> and <span class='vcard'><span class='fn'>Thilo</span></span>"
    assert extract_html(_blog_page(two)).byline == "Thilo"
    lone = "Posted by <span class='vcard'><span class='fn'>admin</span></span>"
    assert extract_html(_blog_page(lone)).byline is None


def test_marked_author_search_selects_what_the_descendant_form_selects() -> None:
    """The search finds each name by its ancestors because libxml2 evaluates "a card's
    descendants" in time quadratic in the number of cards; both forms select the same
    elements in the same order (also checked on all 990 trafilatura-eval pages)."""
    from lxml import etree
    from trafilatura.utils import load_html

    from newsdesk.clean.html import _MARKED_AUTHOR

    plain = etree.XPath(
        '//a[@rel="author"] | //*[contains(@class, "vcard")]//*[contains(@class, " fn") or @class="fn"'
        ' or starts-with(@class, "fn ")] | //*[@itemprop="author"]//*[@itemprop="name"]'
        ' | //*[@itemprop="author"][not(*)]'
    )
    page = (
        "<html><body><div class='vcard'><div class='vcard'><span class='url fn n'>Ann Lee</span></div>"
        "<b class='fn'>Bo</b><i class='fnord'>no</i></div><span class='fn'>outside</span>"
        "<a rel='author' href='/a'>Cy</a><div itemprop='author'><span itemprop='name'>Di Wu</span>"
        "<div itemprop='author'>nested</div></div><span itemprop='author'>Ed</span>"
        "<span itemprop='name'>not an author</span></body></html>"
    )
    tree = load_html(page)
    assert [e.text for e in _MARKED_AUTHOR(tree)] == [e.text for e in plain(tree)]
    assert [e.text for e in _MARKED_AUTHOR(tree)] == ["Ann Lee", "Bo", "Cy", "Di Wu", "nested", "Ed"]


def test_footer_link_searches_agree_and_many_footers_still_find_the_license() -> None:
    from trafilatura.utils import load_html

    from newsdesk.clean.html import _FOOTER_LINKS, _FOOTER_LINKS_BY_ANCESTOR, _MANY_FOOTERS, _license

    page = (
        "<html><body><div class='footer'><div id='footer-inner'><a href='/a'>a</a></div>"
        "<footer><a href='/b'>b</a><a>no href</a></footer></div><a href='/c'>c</a>"
        "<footer><div class='sitefooter'><a href='/d'>d</a></div></footer></body></html>"
    )
    tree = load_html(page)
    assert [e.get("href") for e in _FOOTER_LINKS_BY_ANCESTOR(tree)] == [
        e.get("href") for e in _FOOTER_LINKS(tree)
    ]
    assert [e.get("href") for e in _FOOTER_LINKS(tree)] == ["/a", "/b", "/d"]
    many = "".join(
        f"<div class='footer'><a href='/x{i}'>link {i}</a></div>" for i in range(_MANY_FOOTERS + 5)
    )
    cc = "<footer><a href='https://creativecommons.org/licenses/by-sa/4.0/'>CC BY-SA 4.0</a></footer>"
    found = _license(load_html(f"<html><body>{many}{cc}</body></html>"))
    assert found is not None and "BY-SA" in found.upper()


def test_a_paragraph_of_thousands_of_links_keeps_its_words() -> None:
    """trafilatura is quadratic (in C, past any time limit) in a paragraph's inline
    children: a crowded element's inline markup is flattened first, its text kept."""
    from newsdesk.clean.html import _MAX_CHILDREN

    n = _MAX_CHILDREN + 1000
    cloud = " ".join(f"<a href='/tag/{i}'>word{i}</a>" for i in range(n))
    x = extract_html(
        f"<html><head><title>Tags</title></head><body><article><p>{cloud}</p></article></body></html>"
    )
    assert x.body.split() == [f"word{i}" for i in range(n)]


def test_an_article_below_hundreds_of_unclosed_tags_is_read() -> None:
    """Unclosed inline tags nest; libxml2 stops reading at depth 255 unless told the tree is
    huge, and the page's text was lost as "no main text".  Past 2,048 levels the page is an
    error that says why, and the next page parses as usual."""
    paras = "".join(
        f"<p>The council met on Tuesday {i} and voted on the budget for the year.</p>" for i in range(4)
    )

    def page(depth: int) -> str:
        return f"<html><body><article>{'<font>' * depth}{paras}</article></body></html>"

    for depth in (300, 1000):
        x = extract_html(page(depth))
        assert [f"Tuesday {i}" in x.body for i in range(4)] == [True] * 4, depth
    too_deep = extract_html(page(3000))
    assert too_deep.empty and "nested deeper than 2,048" in too_deep.meta["reason"]
    assert "Tuesday 3" in extract_html(page(10)).body


def test_a_person_the_markup_marks_wins_over_a_meta_author_naming_the_outlet() -> None:
    # furche.at declares its own name as the author; the page marks the writer
    body = "".join(
        f"<p>Achtsamkeit ist zum Schlagwort geworden, und die Kurse dazu füllen sich, Woche {i}.</p>"
        for i in range(6)
    )

    def page(meta_author: str) -> str:
        return (
            f"<html><head><title>Achtsam leben</title><meta name='author' content='{meta_author}'></head>"
            "<body><article><h1>Achtsam leben</h1><div class='meta'>Von <a rel='author' href='/autor/ub'>"
            f"Ursula Baatz</a></div>{body}</article></body></html>"
        )

    url = "https://www.furche.at/religion/achtsam-leben"
    assert extract_html(page("Die FURCHE"), url=url).byline == "Ursula Baatz"
    # a person in the metadata stays the byline
    assert extract_html(page("Anna Berger"), url=url).byline == "Anna Berger"
    # with the markup search and the printed byline off, the outlet's name stays (agency and
    # desk bylines are real); the line under the headline alone names the writer too
    off = HtmlConfig(marked_author=False, printed_byline=False)
    assert extract_html(page("Die FURCHE"), url=url, config=off).byline == "Die FURCHE"
    assert (
        extract_html(page("Die FURCHE"), url=url, config=HtmlConfig(marked_author=False)).byline
        == "Ursula Baatz"
    )


def test_a_comment_forms_name_label_is_not_the_author() -> None:
    """WordPress prints its comment form's "Name" field in an element whose class names the
    author ("comment-form-author"); trafilatura's author search takes its label."""
    body = "".join(
        f"<p>Rain fell all day on the coast and the river rose to its highest level in years, part {i}.</p>"
        for i in range(8)
    )
    page = (
        "<html><head><title>River rises</title></head><body><article>"
        f"<h1>River rises after a day of rain</h1>{body}</article>"
        '<div id="respond"><h3>Leave a Reply</h3><form>'
        '<p class="comment-form-author"><label for="author">Name</label> <input id="author" name="author"></p>'
        '<p class="comment-form-email"><label for="email">Email</label> <input id="email"></p>'
        "</form></div></body></html>"
    )
    assert extract_html(page).byline is None


_FA_PAGE = """<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8">
<title>دولت بودجه سال آینده را تصویب کرد</title></head><body>
<nav><a href="/">صفحه اصلی</a> <a href="/pol">سیاسی</a></nav><article>
<h1>دولت بودجه سال آینده را تصویب کرد</h1>
<p>وزیر اقتصاد روز سه‌شنبه گفت کسری بودجه سال آینده به سه و نیم درصد تولید ناخالص داخلی خواهد رسید.</p>
<p>به گفته وزیر، هزینه&zwnj;های بهداشت ۱۲ درصد و هزینه&#8204;های آموزش ۸ درصد نسبت به سال گذشته افزایش
می&#x200C;یابد و دولت برنامه‌ای برای کاهش تورم دارد که از ماه آینده اجرا می‌شود.</p>
<p>نمایندگان مجلس قرار است هفته آینده درباره لایحه بودجه بحث کنند و رأی نهایی تا پایان ماه اعلام خواهد شد.</p>
</article></body></html>"""


def test_the_zero_width_non_joiner_is_kept_as_the_spelling_it_is() -> None:
    """Persian writes a word's parts with a zero-width non-joiner between them; trafilatura
    drops it (as every character that is not printable), newsdesk keeps it, written as a
    character or as any of its entities, and leaves trafilatura itself as it was."""
    import trafilatura

    art = clean_record(
        RawRecord(source_path="fa.html", content=_FA_PAGE, input_format="html", content_type="html")
    )
    art.check_spans()
    body = art.text
    for word in ("سه\u200cشنبه", "هزینه\u200cهای", "می\u200cیابد", "برنامه\u200cای", "می\u200cشود"):
        assert word in body, word
    assert body.count("هزینه\u200cهای") == 2
    # trafilatura run afterwards in the same process is trafilatura as shipped
    assert "\u200c" not in (trafilatura.extract(_FA_PAGE) or "")
    art2 = clean_record(
        RawRecord(source_path="fa.html", content=_FA_PAGE, input_format="html", content_type="html")
    )
    assert art2.text == body


def _news_page(under_headline: str, meta: str = "", body: str = "") -> str:
    body = body or "".join(
        f"<p>The harbour board met on Tuesday and voted on the dockers' new offer, item {i} of the day.</p>"
        for i in range(6)
    )
    return (
        f"<html><head><title>Dockers vote on the offer</title>{meta}</head><body><article>"
        f"<h1>Dockers vote on the offer</h1>{under_headline}{body}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("under_headline", "meta", "expected"),
    [
        # the markup names nobody: the line under the headline does, after its by-word
        ("<div class='meta'>Posted on September 21, 2020 by Adi Tzlil</div>", "", "Adi Tzlil"),
        (
            "<p>Von <a href='/autor/lp'>Lisa Petrich</a><span>Mi, 18. Oktober 2023</span></p>",
            "",
            "Lisa Petrich",
        ),
        # sibling links are separate fields: the name ends where the next link starts
        (
            "<div>By <a href='/a/im'>Ian Mohr</a><a href='/a/im/all'>View author archive</a></div>",
            "",
            "Ian Mohr",
        ),
        ("<div>Eine Kolumne von Nils Pickert</div>", "", None),  # no date before the by-word
        # the markup names the outlet or a placeholder: the printed name is the person
        (
            "<p class='byline'>Von Lisa Petrich</p>",
            "<meta name='author' content='Badische Zeitung'><meta property='og:site_name' content='Badische Zeitung'>",
            "Lisa Petrich",
        ),
        ("<p>By Jane Doe</p>", "<meta name='author' content='admin'>", "Jane Doe"),
        # the markup names a person: it stands
        ("<p>By Jane Doe</p>", "<meta name='author' content='John Roe'>", "John Roe"),
        # not bylines: a picture's credit, prose, a placeholder printed
        ("<div>Photo by Jane Doe</div>", "", None),
        ("<div>Foto 12.3.2024 von Jane Doe</div>", "", None),
        ("<p>The dockers, backed by Unite, voted.</p>", "", None),
        ("<div>Posted by admin</div>", "", None),
    ],
)
def test_byline_printed_under_the_headline(under_headline: str, meta: str, expected: str | None) -> None:
    x = extract_html(_news_page(under_headline, meta), url="https://www.badische-zeitung.de/x")
    assert x.byline == expected
    off = extract_html(
        _news_page(under_headline, meta),
        url="https://www.badische-zeitung.de/x",
        config=HtmlConfig(printed_byline=False),
    )
    if expected is not None and "content='John Roe'" not in meta:
        assert off.byline != expected


def test_a_by_word_line_below_the_start_of_the_body_is_not_the_byline() -> None:
    prose = "<p>" + "The harbour board met on Tuesday and voted on the offer the dockers made. " * 3 + "</p>"
    html = _news_page("", body=prose + "<div>By Jane Doe</div>" + prose)
    assert extract_html(html).byline is None
    # nor one deep inside the header: the blocks read are few
    many = "".join(f"<div>Tag {i}</div>" for i in range(20))
    assert extract_html(_news_page(many + "<div>By Jane Doe</div>")).byline is None


def test_lines_under_the_headline_are_short_blocks_up_to_the_body() -> None:
    import lxml.html

    from newsdesk.clean.printed_byline import lines_under_headline

    tree = lxml.html.fromstring(
        "<html><body><nav>Home News</nav><h1>Dockers vote</h1><div><span>12 March 2024</span>"
        "<script>var by = 'By Nobody';</script><span>By <b>Jane Doe</b></span></div>"
        "<p>" + "The harbour board met on Tuesday and voted on the offer. " * 4 + "</p>"
        "<div>By John Roe</div></body></html>"
    )
    assert lines_under_headline(tree) == ["12 March 2024 · By Jane Doe"]
    assert lines_under_headline(lxml.html.fromstring("<html><body><p>By Jane Doe</p></body></html>")) == []


def test_a_deeply_nested_header_costs_no_recursion_error() -> None:
    from newsdesk.clean.printed_byline import lines_under_headline

    deep = "<div>" * 5000 + "By Jane Doe" + "</div>" * 5000
    import lxml.html

    tree = lxml.html.fromstring(f"<html><body><h1>Dockers vote</h1>{deep}<p>Body.</p></body></html>")
    assert lines_under_headline(tree) == []
    wide = "<span></span>" * 50_000
    tree = lxml.html.fromstring(
        f"<html><body><h1>Dockers vote</h1><div>{wide}By Jane Doe</div></body></html>"
    )
    assert lines_under_headline(tree) == ["By Jane Doe"]


def test_a_metadata_step_that_raises_costs_the_page_its_metadata_not_a_crash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """TypeError and ValueError inside the extraction's try read as "no result" (as in
    trafilatura); a raise in the metadata step itself once left ``md`` unbound, and the page's
    script-data fallback died on it (UnboundLocalError)."""
    import newsdesk.clean.html as html_module

    def boom(*args: object, **kwargs: object) -> None:
        raise ValueError("a metadata reader's bug")

    monkeypatch.setattr(html_module, "_metadata", boom)
    x = extract_html(_news_page("<p>By Jane Doe</p>"))
    assert x.raw == "" and x.meta["reason"] == "no main text found"
    x = extract_html(_news_page("<p>By Jane Doe</p>"), url="https://www.example.com/a")
    assert x.raw == "" and x.meta["reason"] == "no main text found"


def test_a_megabyte_title_is_not_handed_to_jusText_and_the_page_keeps_its_fields() -> None:
    """jusText normalised such a <title> once per measure: 12 s for one page where
    trafilatura.extract takes 0.1 s (session 34)."""
    from unittest import mock

    from newsdesk.clean import html as H

    seen: list[int] = []
    real = H.justext_rescue

    def spy(tree, options):  # type: ignore[no-untyped-def]
        seen.append(max((len(t.text or "") for t in tree.iter("title")), default=0))
        return real(tree, options)

    page = (
        "<html><head><title>" + "word " * 200_000 + "</title></head><body><h1>Council passes the budget</h1>"
        f"<article>{_UNDECLARED_BODY}</article></body></html>"
    )
    with mock.patch.object(H, "justext_rescue", spy):
        x = extract_html(page)
    assert seen and max(seen) == 0
    assert x.title == "Council passes the budget"
    assert "voted on the budget" in x.body


def test_a_page_of_more_blocks_than_jusText_can_revise_skips_the_fallbacks() -> None:
    """jusText's revision of short paragraphs costs the square of their number (50,000
    one-line headings: 370 s), its paths of tags the sum of their depths (1,000 nested
    lists: 2.2 s); past either cap the first extraction stands (session 34)."""
    from unittest import mock

    from newsdesk.clean import html as H

    flat = (
        "<html><body>"
        + "<h1>Heading of the page</h1>" * 60
        + f"<article>{_UNDECLARED_BODY}</article></body></html>"
    )
    deep = "<html><body>" + "<ul><li>item " * 30 + _UNDECLARED_BODY + "</li></ul>" * 30 + "</body></html>"
    for page, cap, asked in (
        (flat, {"_MAX_FALLBACK_BLOCKS": 50}, False),
        (deep, {"_MAX_FALLBACK_DEPTHS": 100}, False),
        (flat, {}, True),
        (deep, {}, True),
    ):
        with (
            mock.patch.multiple(H, **cap) if cap else contextlib.nullcontext(),
            mock.patch.object(H, "_under_extracted", return_value=True),  # the fallbacks are wanted
            mock.patch.object(H, "justext_rescue", wraps=H.justext_rescue) as rescue,
        ):
            x = extract_html(page)
        assert rescue.called is asked
        assert "voted on the budget" in x.body


@pytest.mark.parametrize(
    "html",
    [
        *(page(p.name) for p in sorted(HTML_DIR.glob("*.html"))),
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>Déclaré en XML</p></body></html>',
        "just a line of text, no markup at all",
        "<p>one fragment</p>",
        "",
        "<!DOCTYPE html>\n<html/>\n<body><p>self-closed html</p></body>",
    ],
)
def test_our_parse_is_trafilaturas_parse(html: str) -> None:
    """``load_html`` is trafilatura's, step for step, with a parser whose element lookup is
    done in C: the same tree (or the same refusal) for every page, and the same element
    classes but the form elements', which nothing reads."""
    from lxml import etree
    from lxml.html import HtmlElement
    from trafilatura.utils import load_html as trafilatura_load_html

    from newsdesk.clean.html import load_html

    ours, theirs = load_html(html), trafilatura_load_html(html)
    assert (ours is None) == (theirs is None)
    if ours is None or theirs is None:
        return
    assert etree.tostring(ours, encoding="unicode") == etree.tostring(theirs, encoding="unicode")
    for mine, other in zip(ours.iter(), theirs.iter(), strict=True):
        assert isinstance(mine, HtmlElement) == isinstance(other, HtmlElement)
        assert type(mine) is type(other) or mine.tag in ("form", "input", "select", "textarea", "label")


def test_the_parser_reads_a_form_as_a_plain_element() -> None:
    from lxml.html import HtmlElement

    from newsdesk.clean.html import load_html

    tree = load_html(
        "<html><body><form><input name='q'><label>Search</label></form><p>text</p></body></html>"
    )
    assert tree is not None
    form = tree.find(".//form")
    assert type(form) is HtmlElement and form.text_content() == "Search"

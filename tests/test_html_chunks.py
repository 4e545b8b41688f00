"""An article printed as several boxes of one class is read whole; lists of posts, answers
and comments that repeat a class are not joined (see html._join_article_chunks)."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

import newsdesk.clean.html as html_mod
from conftest import fundus_gold_found
from newsdesk.clean.html import HtmlConfig, extract_html

PARAGRAPHS = [
    f"Paragraph {n} of the report on the harbour dredging plan, which the council approved "
    f"after a long debate about the cost to the town and the fishing fleet ({n})."
    for n in range(1, 10)
]
BOX = "BodyWrapper-x body body__container article__body"


def _box(paragraphs: list[str], cls: str = BOX, tag: str = "div") -> str:
    return f'<{tag} class="{cls}">' + "".join(f"<p>{p}</p>" for p in paragraphs) + f"</{tag}>"


def _page(inner: str) -> str:
    return (
        "<html><head><title>Harbour council approves dredging plan</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<main><article><h1>Harbour council approves dredging plan</h1>{inner}</article></main>"
        "<footer><p>Copyright Example Media</p></footer></body></html>"
    )


def _ad(n: int) -> str:
    return f'<div class="GridItem ad-slot"><div class="ad" id="ad-{n}">Advertisement</div></div>'


CHUNKED = _page(
    f'<div class="GridItem">{_box(PARAGRAPHS[:3])}</div>'
    + _ad(1)
    + f'<div class="GridItem">{_box(PARAGRAPHS[3:6])}</div>'
    + _ad(2)
    + f'<div class="GridItem">{_box(PARAGRAPHS[6:])}</div>'
)


def _found(page: str, config: HtmlConfig | None = None) -> list[bool]:
    body = extract_html(page, "https://example.com/harbour", config).body
    return [p in body for p in PARAGRAPHS]


def test_an_article_in_three_boxes_comes_out_whole() -> None:
    assert all(_found(CHUNKED))
    # trafilatura alone takes the first box (what the join is for)
    assert _found(CHUNKED, HtmlConfig(join_article_chunks=False)) == [True] * 3 + [False] * 6


def test_the_boxes_are_joined_in_order_and_text_before_a_box_is_kept() -> None:
    page = _page(
        _box(PARAGRAPHS[:2])
        + _ad(1)
        + f'<div class="{BOX}">Lead words of the second box.<p>{PARAGRAPHS[2]}</p></div>'
    )
    tree = lxml_html.fromstring(page)
    assert html_mod._join_article_chunks(tree, page) == 2
    first = tree.xpath(f'//div[@class="{BOX}"]')[0]
    texts = [" ".join(p.text_content().split()) for p in first.iter("p")]
    assert texts == [*PARAGRAPHS[:2], "Lead words of the second box.", PARAGRAPHS[2]]


def test_a_page_without_repeated_content_boxes_is_left_alone() -> None:
    page = _page(_box(PARAGRAPHS))
    tree = lxml_html.fromstring(page)
    before = lxml_html.tostring(tree)
    assert html_mod._join_article_chunks(tree, page) == 0
    assert lxml_html.tostring(tree) == before


@pytest.mark.parametrize(
    "between",
    ["<h2>Second post: the budget vote</h2>", "<time datetime='2024-05-01'>1 May</time>"],
    ids=["a title", "a date"],
)
def test_a_list_of_posts_is_not_joined(between: str) -> None:
    """Each post of a blog's list has its title or date before its box."""
    page = _page(_box(PARAGRAPHS[:3], "entry-content") + between + _box(PARAGRAPHS[3:6], "entry-content"))
    tree = lxml_html.fromstring(page)
    assert html_mod._join_article_chunks(tree, page) == 0
    assert not any(_found(page)[3:6])


def test_boxes_in_separate_articles_are_not_joined() -> None:
    page = (
        "<html><body>"
        + "".join(f"<article>{_box(PARAGRAPHS[i : i + 3])}</article>" for i in (0, 3, 6))
        + "</body></html>"
    )
    tree = lxml_html.fromstring(page)
    assert html_mod._join_article_chunks(tree, page) == 0


def test_teasers_with_linked_headings_are_not_joined() -> None:
    teaser = f'<div class="{BOX}"><h3><a href="/other">Another story</a></h3><p>{PARAGRAPHS[5]}</p></div>'
    page = _page(_box(PARAGRAPHS[:3]) + _ad(1) + teaser)
    tree = lxml_html.fromstring(page)
    assert html_mod._join_article_chunks(tree, page) == 0


def test_comment_boxes_are_not_joined() -> None:
    comments = "".join(_box([p], "comment-body post-content") for p in PARAGRAPHS[:3])
    page = f'<html><body><section id="comments">{comments}</section></body></html>'
    tree = lxml_html.fromstring(page)
    assert html_mod._join_article_chunks(tree, page) == 0


def test_the_join_stops_at_the_first_break() -> None:
    page = _page(
        _box(PARAGRAPHS[:3])
        + _ad(1)
        + _box(PARAGRAPHS[3:6])
        + "<h2>More from the site</h2>"
        + _box(PARAGRAPHS[6:])
    )
    tree = lxml_html.fromstring(page)
    assert html_mod._join_article_chunks(tree, page) == 2


@pytest.mark.parametrize(
    ("page_id", "alone", "joined"),
    [("us/TheNewYorker_2023_05_16", 17, 34), ("pl/Rzeczpospolita_2025_02_02", 6, 11)],
)
def test_fundus_articles_printed_in_boxes_come_out_whole(page_id: str, alone: int, joined: int) -> None:
    """Two real pages (Fundus): The New Yorker prints its article in three boxes, of which
    trafilatura's extractor read the first alone (17 of 35 gold paragraphs; joined, the
    extraction holds 34 and the deck the 35th); Rzeczpospolita in two (6 of 13; joined, 11,
    and the deck the 12th)."""
    found, _ = fundus_gold_found(page_id)
    assert found(HtmlConfig(join_article_chunks=False)) <= alone
    assert found(HtmlConfig()) >= joined

"""Pages whose HTML shows no article but ships it as script data (Next.js, Nuxt)."""

from __future__ import annotations

import json

import pytest

from newsdesk.clean import clean_record, clean_text
from newsdesk.clean.embedded import embedded_body, is_prose, text_of
from newsdesk.clean.html import HtmlConfig, extract_html
from newsdesk.model import Article, RawRecord

PARAS = [
    "The regional council approved the new flood defence budget on Tuesday after a debate that lasted six hours.",
    "Council leader Maria Okafor said the 42 million euro plan would protect some 12,000 homes along the river.",
    "Opposition members argued that the money should have gone to the bus network, which lost two routes this year.",
    "The works are due to start in spring and will take three years, according to the council's own timetable.",
]
ARTICLE_HTML = (
    '<div class="img"><img src="/a.jpg"><div class="caption"><p>The river at dawn.</p></div></div>'
    + "".join(f'<p class="editor-p">{p}</p>' for p in PARAS[:2])
    + "$$ARTICLEAD$$"
    + '<h3 class="tit">What comes next</h3>'
    + "".join(f'<p class="editor-p">{p}</p>' for p in PARAS[2:])
)
HEAD = (
    '<head><meta charset="utf-8"><title>Council backs flood plan | Riverside Courier</title>'
    '<meta property="og:site_name" content="Riverside Courier">'
    '<meta name="author" content="Jan Novak">'
    '<meta property="article:published_time" content="2026-01-29T18:40:00+01:00"></head>'
)
EMPTY_BODY = '<body><main><div class="spinner"><svg></svg></div></main>{scripts}</body>'


def rsc_page(article_html: str, extra_rows: str = "") -> str:
    """A Next.js app-router page: the article is a text row of the streamed payload."""
    n = len(article_html.encode("utf-8"))
    payload = f'1:"$Sreact.fragment"\n{extra_rows}24:T{n:x},{article_html}'
    chunks = [payload[:40], payload[40:200], payload[200:]]  # streamed in several pushes
    scripts = "<script>(self.__next_f=self.__next_f||[]).push([0])</script>" + "".join(
        f"<script>self.__next_f.push([1,{json.dumps(c)}])</script>" for c in chunks
    )
    return f"<!DOCTYPE html><html lang='en'>{HEAD}{EMPTY_BODY.format(scripts=scripts)}</html>"


def json_ld_page(body: str) -> str:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Riverside Courier"},
            {"@type": "NewsArticle", "headline": "Council backs flood plan", "articleBody": body},
        ],
    }
    scripts = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    return f"<html>{HEAD}{EMPTY_BODY.format(scripts=scripts)}</html>"


def next_data_page(data: dict) -> str:
    scripts = f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>'
    return f"<html>{HEAD}{EMPTY_BODY.format(scripts=scripts)}</html>"


def clean_html(html: str) -> Article:
    return clean_record(
        RawRecord(source_path="page.html", content=html, input_format="html", content_type="html")
    )


def assert_spans(art: Article) -> None:
    for _, span in art.spans():
        assert art.raw[span.start : span.end] == span.text


def test_a_next_js_page_streams_its_article_as_a_payload_row() -> None:
    html = rsc_page(ARTICLE_HTML, extra_rows='5:["$","div",null,{"className":"x"}]\n')
    ex = extract_html(html)
    assert not ex.empty
    assert ex.meta["body_source"] == "react server payload"
    art = clean_html(html)
    assert [p.text for p in art.paragraphs] == PARAS[:2] + ["What comes next"] + PARAS[2:]
    assert art.meta["body_source"] == "react server payload"
    # the ad slot the payload left unfilled is removed with its reason, not kept as body
    assert [(r.reason, r.text) for r in art.removed] == [("embed", "$$ARTICLEAD$$")]
    assert art.byline is not None and art.byline.text == "Jan Novak"
    assert art.published is not None and art.published.startswith("2026-01-29")
    assert_spans(art)


def test_the_payload_row_length_counts_utf8_bytes() -> None:
    """The row's length is in bytes: a Korean article's is three times its characters."""
    korean = [
        "장동혁 국민의힘 대표가 당권을 위협하던 한동훈 전 대표를 제명했지만, 어깨는 한층 무거워졌다.",
        "넉 달가량 남은 지방선거에서 참패할 경우 당대표직을 지키기 힘들어서다. 외연 확장이 절실하다.",
        "국민의힘은 조만간 인재영입위원회를 발족하는 등 당을 지방선거 체제로 조속히 전환할 방침이다.",
        "지도부 한 관계자는 설 밥상에 제명 문제가 주요 의제로 올라가게 하진 않을 것이라고 단언했다.",
    ]
    body = "".join(f"<p>{p}</p>" for p in korean)
    html = rsc_page(body, extra_rows='7:{"title":"다른 기사"}\n') + "<!-- 9:T10,not part of it -->"
    found = embedded_body(html)
    assert found is not None and found.content == body and found.is_html
    art = clean_html(html)
    assert [p.text for p in art.paragraphs] == korean
    assert_spans(art)


def test_json_ld_article_body_of_an_empty_page_is_trafilaturas() -> None:
    """trafilatura's last resort reads schema.org's articleBody itself: no fallback needed."""
    art = clean_html(json_ld_page("\n".join(PARAS)))
    assert " ".join(p.text for p in art.paragraphs) == " ".join(PARAS)
    assert "body_source" not in art.meta
    assert_spans(art)


def test_the_longest_prose_of_the_page_data_is_the_article() -> None:
    """A teaser of another article and an encoded blob are in the data too; the article wins."""
    teaser = "Read also: the mayor resigned after a row over parking fees. It was a short row."
    data = {
        "props": {
            "pageProps": {
                "related": [{"title": "Mayor quits", "summary": teaser * 2}],
                "article": {"content": "".join(f"<p>{p}</p>" for p in PARAS)},
                "image": "data:image/png;base64," + "QUJD" * 200,
                "css": ".a{color:red} " * 40,
            }
        }
    }
    art = clean_html(next_data_page(data))
    assert [p.text for p in art.paragraphs] == PARAS
    assert art.meta["body_source"] == "page json data"


@pytest.mark.parametrize(
    "data",
    [
        {"blob": "QUJD" * 500},
        {"css": ".a{color:red} .b{margin:0} " * 30},
        {"url": "https://example.com/" + "a" * 300},
        {"short": "One sentence. Two sentences."},
        {"no_ends": "words without any full stop at all " * 20},
    ],
)
def test_page_data_that_is_not_prose_gives_no_article(data: dict) -> None:
    ex = extract_html(next_data_page(data))
    assert ex.empty and ex.meta["reason"] == "no main text found"
    with pytest.raises(Exception, match="no main text"):
        clean_html(next_data_page(data))


def test_a_page_that_extracts_keeps_its_own_text_and_says_nothing_of_its_data() -> None:
    """The embedded data is read only when the page's HTML gives no article."""
    data = json.dumps({"article": {"content": "Something else entirely. " * 20}})
    html = (
        f"<html>{HEAD}<body><article><h1>Council backs flood plan</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAS)
        + f'</article><script type="application/json">{data}</script></body></html>'
    )
    ex = extract_html(html)
    assert "body_source" not in ex.meta
    assert "Something else" not in ex.raw
    # and the fallback can be switched off
    assert extract_html(rsc_page(ARTICLE_HTML), config=HtmlConfig(embedded_body=False)).empty


def test_hostile_page_data_does_not_break_the_page() -> None:
    """Malformed JSON, deep nesting and a lying row length give no article or a clean one."""
    deep = "[" * 5000 + "]" * 5000
    scripts = (
        '<script type="application/json">{"a": "unterminated</script>'
        f'<script type="application/json">{deep}</script>'
        '<script>self.__next_f.push([1,"24:Tffffff,<p>short</p>"])</script>'
        '<script>self.__next_f.push([1,"\\ud800 broken surrogate"])</script>'
    )
    html = f"<html>{HEAD}{EMPTY_BODY.format(scripts=scripts)}</html>"
    assert embedded_body(html) is None
    assert extract_html(html).empty


def test_text_of_and_is_prose() -> None:
    assert text_of("<p>A &amp; B.</p><p>C</p>") == "A B. C"
    assert text_of("plain <not a tag> text") == "plain <not a tag> text"
    assert is_prose(" ".join(PARAS))
    assert not is_prose(PARAS[0])


def test_placeholder_lines_in_plain_text_are_removed_with_a_reason() -> None:
    text = (
        "Council backs flood plan\n\n"
        + PARAS[0]
        + "\n{{ad_slot}}\n"
        + PARAS[1]
        + "\n%%WIDGET%%\n"
        + PARAS[2]
        + "\nThe price is $$5 today and {{x}} marks nothing.\n"
    )
    art = clean_text(text)
    removed = [(r.reason, r.text) for r in art.removed]
    assert ("embed", "{{ad_slot}}") in removed and ("embed", "%%WIDGET%%") in removed
    assert not any("price" in t for _, t in removed)
    assert_spans(art)


LEAD = "The council's flood plan passed by 31 votes to 12 on Tuesday night, after six hours of debate."


def lead_page(data_html: str) -> str:
    """A page whose HTML renders only the article's lead; the payload holds the body."""
    n = len(data_html.encode("utf-8"))
    push = json.dumps(f"24:T{n:x},{data_html}")
    return (
        f"<html>{HEAD}<body><article><h1>Council backs flood plan</h1><p>{LEAD}</p></article>"
        f"<script>self.__next_f.push([1,{push}])</script></body></html>"
    )


def test_a_page_that_renders_only_its_lead_gets_the_rest_from_its_data() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    art = clean_html(lead_page(body))
    assert [p.text for p in art.paragraphs] == [LEAD, *PARAS]
    assert art.meta["body_source"] == "react server payload, after the page's own lead"
    assert_spans(art)
    # the lead printed again at the top of the data is not doubled
    art = clean_html(lead_page(f"<p>{LEAD}</p>" + body))
    assert [p.text for p in art.paragraphs] == [LEAD, *PARAS]
    assert art.meta["body_source"].startswith("react server payload")


def test_a_short_article_does_not_take_another_article_from_the_page_data() -> None:
    """The data of a brief's page may hold a longer article about something else."""
    other = [
        "Supermarket prices for coffee rose again in November, the statistics office reported on Friday.",
        "Roasters blamed a poor harvest in Brazil and higher shipping costs for the increase this year.",
        "Analysts expect the prices to stay high until the next harvest reaches the market in summer.",
        "Shoppers have started to buy cheaper blends, according to a survey by the retailers' association.",
    ]
    art = clean_html(lead_page("".join(f"<p>{p}</p>" for p in other)))
    assert [p.text for p in art.paragraphs] == [LEAD]
    assert "body_source" not in art.meta

"""extract_html's metadata step gives what trafilatura's own step gives, field for field.

newsdesk.clean.html re-implements the slow parts of trafilatura.metadata.extract_metadata
(author, categories, tags) for speed; these tests hold it to trafilatura's function on the
fixture pages and on generated pages that exercise every alternative of trafilatura's
author, discard, category and tag expressions, near misses included.
"""

from __future__ import annotations

import random
from copy import copy
from pathlib import Path
from unittest import mock

import pytest
import trafilatura
from trafilatura.metadata import extract_author, extract_catstags, extract_license, extract_metadata
from trafilatura.utils import load_html
from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

from newsdesk.clean import html as H

HTML_DIR = Path(__file__).parent / "fixtures" / "html"
FIELDS = ("title", "author", "url", "hostname", "description", "sitename", "date", "categories", "tags")
FIELDS += ("image", "pagetype", "license", "filedate")

#: attribute values that hit (or nearly miss) an alternative of trafilatura's expressions
CLASSES = (
    "author", "post-author", "post__author", "Author", "AuthorName", "authorName", "author-name", "authorname",
    "byline", "Byline", "article-byline", "byl", "BBL", "username", "screenname", "writer", "channel-name",
    "submitted-by", "posted-by", "journalist-name", "zuozhe", "bianji", "xiaobian", "auth", "by-line",
    "comments", "Comments-box", "comments-list", "commentlist", "no-comments", "sidebar", "is-hidden", "quote",
    "embedly-instagram", "article-share", "article-support", "print", "category", "meta-date", "meta-reviewer",
    "title", "date", "meta", "post-meta", "postmeta", "postinfo", "post-info", "entry-meta", "entry-info",
    "entry-utility", "entry-categories", "entry-tags", "entry-footer", "post-category", "postcategory",
    "entry-category", "cat-links", "entry-header", "row", "tags", "tag-list", "jp-relatedposts", "topics",
    "tags-links", "footer", "content", "",
)  # fmt: skip
IDS = ("author", "Author", "authorbox", "zuozhe", "bianji", "comments", "comments-1", "x-comments", "comment-list",
       "commentlist", "ProductReviews", "postpath-3", "filedunder", "footer", "main", "")  # fmt: skip
ITEMPROPS = ("author", "author name", "creator author", "name", "")
COMPONENTS = ("Byline", "ArticleByline", "Figure", "figure", "")
TESTIDS = ("AuthorCard", "AuthorURL", "Author", "")
RELS = ("author", "me", "tag", "")
TAGS = (
    "a",
    "address",
    "div",
    "link",
    "p",
    "span",
    "strong",
    "h3",
    "h4",
    "section",
    "li",
    "footer",
    "header",
    "author",
)
HREFS = ("/category/world/", "/categories/x/", "/categorys/y/", "/tag/rain/", "/tags/rain/", "/tagged/a/",
         "/categoryless", "/news/", "https://creativecommons.org/licenses/by-sa/4.0/")  # fmt: skip
LICENSE_TEXTS = ("Creative Commons BY-SA 4.0", "cc by 3.0", "CC Zero", "c<span>c</span> by-nc", "c<p>c</p> by",
                 "creative<br>commons by", "creative\u00adcommons zero", "cc\u200bby", "CC-BY", "cc  by", "ſcc by",
                 "Impressum", "Contact", "")  # fmt: skip
LICENSE_RELS = ("", "", ' rel="license"', ' rel="nofollow license"', ' rel="licensed"')
NAMES = ("Jane Doe", "J", "Max Mustermann and Erika Musterfrau", "By Ann Lee", "x" * 130, "")


def _element(rng: random.Random, depth: int) -> str:
    tag = rng.choice(TAGS)
    attrs = []
    for name, values, p in (
        ("class", CLASSES, 0.4),
        ("id", IDS, 0.15),
        ("itemprop", ITEMPROPS, 0.08),
        ("data-component", COMPONENTS, 0.05),
        ("data-testid", TESTIDS, 0.05),
        ("rel", RELS, 0.05),
    ):
        if rng.random() < p:
            attrs.append(f'{name}="{rng.choice(values)}"')
    if tag == "a" or rng.random() < 0.2:
        attrs.append(f'href="{rng.choice(HREFS)}"')
    inner = [rng.choice(NAMES)]
    for _ in range(rng.randrange(0, 4) if depth < 3 else 0):
        roll = rng.random()
        if roll < 0.05:
            inner.append(f"<time>12 May 2021</time>{rng.choice(NAMES)}")
        elif roll < 0.06:
            inner.append("<rel>me</rel>")
        elif roll < 0.2:
            inner.append(f'<a href="{rng.choice(HREFS)}">{rng.choice(NAMES) or "link"}</a>')
        else:
            inner.append(_element(rng, depth + 1))
        inner.append(rng.choice(NAMES))
    return f"<{tag} {' '.join(attrs)}>{''.join(inner)}</{tag}>"


def generated_page(seed: int) -> str:
    rng = random.Random(seed)
    head = "<title>Storm closes the harbour | Coastal Wire</title>"
    if rng.random() < 0.3:
        head += '<meta property="article:section" content="Weather">'
    if rng.random() < 0.2:
        head += '<meta name="author" content="Wire Desk Staff">'
    body = "".join(_element(rng, 0) for _ in range(rng.randrange(1, 6)))
    para = "<p>" + "Crews worked through the night to clear the harbour road after the storm. " * 4 + "</p>"
    footer = ""
    if rng.random() < 0.5:
        links = "".join(
            f'<a href="{rng.choice(HREFS)}"{rng.choice(LICENSE_RELS)}>{rng.choice(LICENSE_TEXTS)}</a>'
            for _ in range(rng.randrange(1, 5))
        )
        footer = rng.choice(("<footer>{}</footer>", '<div class="site-footer">{}</div>', "<div>{}</div>"))
        footer = footer.format(links)
    return f"<html><head>{head}</head><body><article>{para}{body}{para}</article>{footer}</body></html>"


def pages() -> list[tuple[str, str]]:
    fixtures = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(HTML_DIR.glob("*.html"))]
    return fixtures + [(f"generated-{k}", generated_page(k)) for k in range(150)]


PAGES = pages()
DATE_PARAMS = H._date_params(False)


@pytest.mark.parametrize(("name", "html"), PAGES, ids=[n for n, _ in PAGES])
def test_searches_select_what_trafilaturas_expressions_select(name: str, html: str) -> None:
    tree = load_html(html)
    discard, time_figure, found, has_rel = H._author_elements(tree)
    assert discard == AUTHOR_DISCARD_XPATHS[0](tree)
    assert time_figure == AUTHOR_DISCARD_XPATHS[1](tree)
    assert has_rel == bool(tree.xpath("//rel"))
    if not has_rel:  # else _author asks trafilatura
        for k, expression in enumerate(AUTHOR_XPATHS):
            assert found[k] == expression(tree), k
    assert H._author(tree) == extract_author(tree)
    links = H._CATSTAGS_LINKS(tree)
    for metatype in ("category", "tag"):
        assert H._catstags(metatype, tree, links) == extract_catstags(metatype, tree)
    assert H._license(tree) == extract_license(tree)


def test_generated_pages_reach_every_branch() -> None:
    """The generated pages are only a check if they take every path of both implementations."""
    trees = [load_html(html) for name, html in PAGES if name.startswith("generated")]
    assert sum(bool(extract_author(t)) for t in trees) > 60
    assert sum(not AUTHOR_XPATHS[0](t) and bool(extract_author(t)) for t in trees) > 5
    assert sum(bool(AUTHOR_DISCARD_XPATHS[0](t)) for t in trees) > 20
    assert sum(not any(H._author_elements(t).found) for t in trees) > 5
    assert sum(bool(extract_catstags("category", t)) for t in trees) > 20
    assert sum(bool(extract_catstags("tag", t)) for t in trees) > 5
    licensed = [extract_license(t) for t in trees]
    assert sum(bool(x) for x in licensed) > 20
    assert sum(bool(x) and not x.startswith("CC ") for x in licensed) > 5  # from a link's text
    # pages where newsdesk hands the author search back to trafilatura, and pages where not
    with mock.patch.object(H, "extract_author", wraps=extract_author) as handed_back:
        for t in trees:
            H._author(t)
    assert 10 < handed_back.call_count < len(trees) - 50


@pytest.mark.parametrize(("name", "html"), PAGES, ids=[n for n, _ in PAGES])
def test_metadata_equals_trafilaturas(name: str, html: str) -> None:
    tree = load_html(html)
    url = "https://coastal-wire.example/2021/05/storm" if name.endswith("7") else None
    theirs = extract_metadata(copy(tree), url, dict(DATE_PARAMS), False)
    ours = H._metadata(tree, url, DATE_PARAMS)
    assert {f: getattr(ours, f) for f in FIELDS} == {f: getattr(theirs, f) for f in FIELDS}


@pytest.mark.parametrize(
    "html",
    [
        # a fragment: the parser returns an element inside a document it made up
        '<div class="post"><p class="byline">By Jane Doe</p><p>'
        + "Rain fell all day on the coast. " * 20
        + "</p></div>",
        # a second root element after </html>, which trafilatura's copy leaves behind
        "<html><body><article><p>"
        + "Rain fell all day on the coast. " * 20
        + '</p></article></body></html><html><div class="author">Not This Person</div></html>',
    ],
)
def test_extract_html_fields_equal_trafilaturas_step_on_odd_documents(html: str) -> None:
    doc = trafilatura.bare_extraction(html, fast=True, include_comments=False, with_metadata=True)
    ours = H.extract_html(html)
    assert doc is not None and not isinstance(doc, dict)
    assert (ours.title, ours.byline, ours.published) == (doc.title, doc.author, doc.date)
    assert ours.body == doc.text


@pytest.mark.parametrize(("name", "html"), PAGES[:4] + PAGES[-10:])
def test_extensive_date_from_kept_tree_equals_reparse(name: str, html: str) -> None:
    assert H.extensive_date(load_html(html)) == H.extensive_date(html)


@pytest.mark.parametrize(
    "config",
    [H.HtmlConfig(), H.HtmlConfig(fast=False), H.HtmlConfig(include_comments=True, favor_recall=True)],
    ids=["default", "slow", "comments+recall"],
)
def test_extraction_equals_bare_extractions(config: H.HtmlConfig) -> None:
    for name, html in PAGES[:4] + PAGES[-20:]:
        doc = trafilatura.bare_extraction(
            html,
            fast=config.fast,
            favor_precision=config.favor_precision,
            favor_recall=config.favor_recall,
            include_comments=config.include_comments,
            include_tables=config.include_tables,
        )
        ours = H._extract_text(load_html(html), None, config)
        if doc is None or isinstance(doc, dict):
            assert ours is None, name
        else:
            assert ours == (doc.text, doc.comments if config.include_comments else ""), name

"""HTML path: main text and metadata from one page, laid out as lines for the line cleaner.

trafilatura does the extraction (it beat every other open extractor on its own and on
ScrapingHub's benchmarks, and its metadata step already runs htmldate on the parsed tree),
so the page is parsed once here, the few things trafilatura drops (``figcaption`` texts,
``<html lang>``, the full ``article:published_time``) are read from that tree, and the same
tree then goes to trafilatura's extraction cascade (:func:`_extract_text`, what
:func:`trafilatura.bare_extraction` does without copying the tree first).  trafilatura's
metadata step (title, author, date through htmldate, categories, ...) is run here, on the
same tree, by a faster equivalent of its function (:func:`_metadata`): it was a third of the
extraction's CPU time.  htmldate therefore runs once per page, with our parameters, and a
second time, extensively, only on the pages :func:`extensive_date` is asked for.

The result's ``raw`` is the text every span of the final :class:`~newsdesk.model.Article`
points into::

    <title>
    <deck>
    <byline>
    <blank line>
    <caption lines not already in the body>
    <body paragraphs, one per line>

Each header line is present only when found; the cleaner receives the header values as
hints and locates them as whole lines.  Pages that cannot be extracted (empty, not HTML,
too big, pathological nesting) give an empty extraction with ``meta["reason"]`` instead of
an exception, so one bad page never stops a batch.

Attribution: :func:`_metadata`, :func:`_author`, :func:`_catstags`, :func:`_license` and
:func:`_extract_text` follow the code of trafilatura 2.3.1 (``trafilatura.metadata`` and
``trafilatura.core``; Apache-2.0, Adrien Barbaresi and contributors) and call its helpers;
``_extract_text`` uses its internal ``trafilatura_sequence``.  The version is pinned and
tests/test_html_metadata.py holds each of them to trafilatura's own function, so an upgrade
that changes them fails there first.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Container, Iterator, Sequence
from contextlib import contextmanager
from copy import copy
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from html import escape
from itertools import islice
from typing import Any, NamedTuple

import lxml.html
from courlan import extract_domain
from htmldate import find_date
from justext.core import PARAGRAPH_TAGS
from lxml import etree
from lxml.etree import strip_tags
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction
from trafilatura import utils as _trafilatura_utils
from trafilatura.baseline import block_text
from trafilatura.core import (
    ESCALATION_JUSTEXT_RATIO,
    ESCALATION_MAX_LENGTH,
    RAW_TREE_PRUNE_XPATH,
    REMOVE_COMMENTS_AND_LISTS_XPATH,
    _forum_thread_page,
    prune_unwanted_nodes,
    trafilatura_sequence,
    tree_cleaning,
)
from trafilatura.external import compare_extraction, justext_rescue
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import (
    LICENSE_REGEX,
    META_URL,
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
    parse_license_element,
)
from trafilatura.settings import Document, Extractor
from trafilatura.utils import decode_file, is_dubious_html, line_processing, repair_faulty_html, trim
from trafilatura.xml import xmltotxt
from trafilatura.xpaths import _ARTICLE_CONTENT_CLASS_TOKENS, BODY_XPATH, CATEGORIES_XPATHS, TAGS_XPATHS, _alt

from newsdesk.clean.byline import given_names
from newsdesk.clean.printed_byline import lines_under_headline, printed_names
from newsdesk.clean.sites import NON_ALNUM, site_keys

__all__ = ["HtmlConfig", "HtmlExtraction", "extract_html"]

LOG = logging.getLogger(__name__)

# trafilatura and htmldate log every discarded page at WARNING/ERROR; a batch of bad
# inputs would flood the CLI, and we report the reason ourselves in ``meta["reason"]``.
for _name in ("trafilatura", "trafilatura.core", "trafilatura.utils", "htmldate", "readability"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

_WS = re.compile(r"\s+")
#: the nodes ``tree.iter()`` yields (elements, comments, processing instructions), counted
#: inside libxml2: iterating them in Python made a proxy object per node, ~1 ms per page
_COUNT_NODES = etree.XPath(
    "count(descendant-or-self::*) + count(descendant::comment()) + count(descendant::processing-instruction())"
)
_ELLIPSIS = ("...", "…", "[…]", "[...]")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)\]])")


@dataclass(frozen=True, slots=True)
class HtmlConfig:
    """Knobs of the HTML path; the defaults are the configuration bench/html_eval.py chose.

    ``include_comments`` stays off: reader comments are not the outlet's report.
    ``captions`` adds ``figcaption`` texts trafilatura dropped as lines before the body so
    the cleaner can split their credits; they are not counted as body text.  ``fast`` skips
    trafilatura's fallback extractors (readability, jusText): on the tuning half it costs
    0.7 F1 points (0.9316 -> 0.9248, trafilatura default 0.9164) and saves about a quarter
    of the CPU time, which keeps the HTML path within the throughput budget.  The
    extensive date search stays on: +4 points of date accuracy (0.821 -> 0.862) for ~10%.
    ``deferred_date_search`` moves that search out of the extraction: the page gets
    htmldate's quick search (headers, meta, time elements), and only a page on which neither
    it nor the line cleaner (a dateline, a date line removed as furniture) found a date, or
    whose only date is one printed in a line of the article's text, is searched
    extensively, by :func:`extensive_date` from :func:`clean_record` (on the tuning half:
    40 of 481 pages; same date accuracy, 313/363; htmldate's CPU on 200 pages 1.03 s ->
    0.90 s including the re-parse, about 1% of the path: a small saving, not the 15%
    budget's answer).
    See docs/decisions.md for the figures.
    """

    favor_recall: bool = False
    favor_precision: bool = False
    include_tables: bool = True
    include_comments: bool = False
    captions: bool = True
    fast: bool = True
    extensive_date_search: bool = True
    deferred_date_search: bool = True
    #: Pages longer than this (characters) are refused: real articles are far below it and
    #: parsing + extraction time grows with size (the largest eval page is 1.6 M chars).
    max_chars: int = 10_000_000
    #: Parsed trees with more elements than this are refused (the eval set tops at ~10 k).
    max_elements: int = 300_000
    #: drop the site's name from the page title ("Headline - Site", "SITE | Headline"), see
    #: :func:`site_free_title`
    site_free_title: bool = True
    #: a title the page does not declare (no og:title, no JSON-LD headline) is checked
    #: against its ``<title>`` element, see :func:`_title_without_meta`
    title_checked: bool = True
    #: prefer the page's visible ``<h1>`` headline to the meta title it shares words with,
    #: see :func:`visible_headline`
    title_from_heading: bool = True
    #: when the metadata step finds no author, the name the page's markup marks as its
    #: author's (rel="author", hCard, microdata), see :func:`_marked_author`
    marked_author: bool = True
    #: the names a by-word line under the headline prints, where the markup's author is
    #: missing, the outlet or a placeholder and no person is marked, see
    #: :func:`_with_printed_byline`
    printed_byline: bool = True
    #: drop the outlet's name, share and profile links from the byline, see :func:`clean_byline`
    clean_byline: bool = True
    #: with ``fast``, a page whose extraction holds less than this share of its visible
    #: text (and under 1,500 characters) is extracted again with the fallback extractors:
    #: the pages where fast mode loses most (0 to disable; see :func:`_under_extracted`)
    fallback_share: float = 0.10
    #: when the extraction finds no main text, the article the page ships as script data
    #: (Next.js or Nuxt data), see :mod:`newsdesk.clean.embedded`
    embedded_body: bool = True
    #: an article printed as several boxes of one class is read whole, see
    #: :func:`_join_article_chunks`
    join_article_chunks: bool = True


@dataclass(slots=True)
class HtmlExtraction:
    """What the HTML path found on one page; ``raw`` is what the Article's spans index."""

    raw: str
    title: str | None = None
    deck: str | None = None
    byline: str | None = None
    published: str | None = None
    published_source: str | None = None
    lang: str | None = None
    sitename: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    #: Offset in ``raw`` where the body starts (after header and caption lines).
    body_start: int = 0
    #: Every caption line of ``raw`` (each is a whole line of it): first the figcaptions
    #: placed before the body, then those trafilatura itself kept as body lines, so the
    #: cleaner can treat both as captions and split their credits.
    captions: list[str] = field(default_factory=list)
    #: The parsed page, kept only when the extensive date search was deferred, so that
    #: search (:func:`extensive_date`) need not parse the page again.  Nothing here changes
    #: it: trafilatura and htmldate work on copies.
    page_tree: HtmlElement | None = field(default=None, repr=False, compare=False)

    @property
    def body(self) -> str:
        """The extracted main text alone (no header, no caption lines)."""
        return self.raw[self.body_start :]

    @property
    def empty(self) -> bool:
        return not self.body.strip()


def _one_line(text: str | None) -> str | None:
    """Header values become single lines; whitespace runs (including newlines) collapse."""
    if not text:
        return None
    line = _WS.sub(" ", text).strip()
    return line or None


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip().casefold()


#: compiled once: ``tree.xpath(str)`` compiles its expression on every call
_LANG_META = (
    etree.XPath('.//meta[@http-equiv="content-language" or @http-equiv="Content-Language"]/@content'),
    etree.XPath('.//meta[@property="og:locale"]/@content'),
)


#: what sites put between a headline and their own name: a dash, bar, bullet, star, tilde
#: or guillemet with spaces around it (a colon is not one: "Studie zeigt: ..." is a headline)
_TITLE_SEP = re.compile(
    r"\s+(?:[|\u2013\u2014\u00b7\u2022\u00bb\u00ab\u203a\u2039\u22c6\u2219\u22c5~-]|::|\|\|)\s+"
    # Korean sites bar their name off with the vowel letter ㅣ, spaces or not ("...-정치ㅣ한국일보")
    r"|\s*\u3163\s*"
)
#: the section a Korean title names before the site, glued to the headline by a hyphen
#: ("... 커졌다-정치ㅣ한국일보" -> "-정치")
_KOREAN_SECTION = re.compile(r"\s*-\s*[\uac00-\ud7a3]{1,6}$")
#: also a colon or slash, but only to find the page's own heading inside the title
_TITLE_SEP_WIDE = re.compile(
    r"\s+(?:[|\u2013\u2014\u00b7\u2022\u00bb\u00ab\u203a\u2039\u22c6\u2219\u22c5~:/-]|::|\|\|)\s+"
)


def _names_site(segment: str, keys: set[str], *, around: bool = True) -> bool:
    """Whether a title segment is the site's name ("N-LAND", "Rezept von Backen.de"), or
    part of it; with ``around`` also a segment that holds the name among other words, which
    a headline may do ("Tagesschau unterschlägt ..."), so headings are judged without it."""
    seg = NON_ALNUM.sub("", segment.casefold())
    if not seg:
        return False
    return any(
        seg == k or (around and len(k) >= 4 and k in seg) or (len(seg) >= 4 and seg in k) for k in keys
    )


def site_free_title(title: str, sitename: str | None, hostname: str | None, headings: Sequence[str]) -> str:
    """The page title without the site's name around it.

    ``<title>`` and og:title mostly read "Headline - Site" or "SITE | Headline"; readers,
    search and comparison across outlets want the headline.  Evidence first: when the
    page's own ``<h1>`` is the title without its first or last segment, that is the
    headline.  Otherwise a first or last segment is dropped only when it names the site
    (declared name or host).  Kept whole when nothing says which part is the site's.
    """
    heads = {_norm(h) for h in headings if h.strip()}
    if _norm(title) in heads:
        return title
    wide = list(_TITLE_SEP_WIDE.finditer(title))
    if wide:
        for cand in (title[: wide[-1].start()], title[wide[0].end() :]):
            if _norm(cand) in heads:
                return cand.strip()
    seps = list(_TITLE_SEP.finditer(title))
    if not seps:
        return title
    keys = site_keys(sitename, hostname)
    if not keys:
        return title
    last, first = seps[-1], seps[0]
    if _names_site(title[last.end() :], keys) and title[: last.start()].strip():
        head = title[: last.start()].strip()
        if title[last.start() : last.end()].strip() == "\u3163":
            head = _KOREAN_SECTION.sub("", head) or head
        return head
    if _names_site(title[: first.start()], keys) and title[first.end() :].strip():
        return title[first.end() :].strip()
    return title


_WORD_RUN = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    """The words of a headline that carry its story: four letters or more, or a number
    (function words like "the", "der", "de" are shorter)."""
    return {w.casefold() for w in _WORD_RUN.findall(text) if len(w) >= 4 or any(map(str.isdigit, w))}


#: an ``<h1>`` longer than this is a block of text styled big, not a headline (the
#: plain-text path's headline candidates stop at the same length)
_MAX_HEADLINE_CHARS = 300


def visible_headline(title: str, headings: Sequence[str], sitename: str | None, hostname: str | None) -> str:
    """The page's own ``<h1>`` headline in place of the meta title, when they tell one story.

    og:title and ``<title>`` are written for search engines and social cards: often
    reworded ("Niederlage für Johnson: Parlament vertagt Votum" over the page's "Unterhaus
    vertagt Votum über Brexit-Deal"), with straight quotes where the page prints „…“, or
    with a category or site name around the headline.  Readers, and the reference data
    (trafilatura-eval's titles), take the headline as the page prints it.  The ``<h1>``
    sharing the most words with the meta title is taken when it shares a fifth of the
    shorter one's words (see :func:`_words`); not when it names the site ("WordPress.com"), nor when it holds
    the whole meta title plus more (a kicker or site name glued into the same element).
    Soft hyphens are dropped: they are invisible line-breaking hints, not text.
    """
    keys = site_keys(sitename, hostname)
    best: str | None = None
    best_share = -1.0
    words = _words(title)
    for h in headings:
        h = h.replace("\xad", "").strip()
        if (
            len(h) > _MAX_HEADLINE_CHARS
            or len(_WORD_RUN.findall(h)) < 2
            or _names_site(h, keys, around=False)
        ):
            continue
        hw = _words(h)
        share = len(hw & words) / max(1, min(len(hw), len(words)))
        if share > best_share:
            best, best_share = h, share
    if best is None:
        return title
    kb, kt = NON_ALNUM.sub("", best.casefold()), NON_ALNUM.sub("", title.casefold())
    if kb == kt:
        return best
    if _cut_at_a_quote(title, best):
        return best
    if kt and kt in kb:
        return title
    return best if best_share >= 0.2 else title


def _cut_at_a_quote(title: str, headline: str) -> bool:
    """Whether ``title`` is ``headline`` cut where the headline quotes something: a CMS that
    writes ``content="Sieger und "royaler Besuch""`` ends the attribute at the inner quote,
    and og:title reads "Sieger und"."""
    cut = title.strip()
    return bool(cut) and headline.startswith(cut) and headline[len(cut) :].lstrip().startswith('"')


#: a profile link's wording around the name it links ("Zeige alle Beiträge von Petra Ruland")
_PROFILE_LINK = re.compile(
    r"^(?:zeige alle beitr[äa]ge von|alle beitr[äa]ge von|alle artikel von|zum profil von|mehr von|"
    r"view all posts by|all posts by|more posts by|posts by|more from|"
    r"voir tous les articles de|tous les articles de|ver todos los art[íi]culos de)\s+",
    re.IGNORECASE,
)
#: the byline's own word before the name ("Von Claudia Lindner", "Par Attac France",
#: "Auteur Anna Kubišta", "责任编辑：孔德明"); stripped only when a capitalised name follows
#: (see :func:`_without_byline_word`), so "Von der Leyen" stays whole
_BYLINE_WORD = re.compile(
    r"^(?:(?:written\s+)?by|von|par|por|auteur|autor|autorin|author|text|texto|door|av)\s*[:：]?\s+"
    r"|^(?:责任编辑|作者|记者|編集|文)\s*[:：]\s*",
    re.IGNORECASE,
)
#: a social network's name (a share link's text) read as an author
_SOCIAL_NAME = re.compile(
    r"^(?:facebook|twitter|instagram|linkedin|youtube|tiktok|x)(?: com)?$", re.IGNORECASE
)


def _with_initials(name: str, page: str) -> str:
    """The name as the page prints it when trafilatura dropped the periods of its initials
    ("Marwan H Adwan" for "Marwan H. Adwan"): only single-letter words may gain a period,
    letters and case must be the page's own."""
    words = name.split()
    if not any(len(w) == 1 for w in words):
        return name
    pattern = "".join(re.escape(w) + (r"\.?\s*" if len(w) == 1 else r"\s+") for w in words[:-1])
    pattern += re.escape(words[-1]) + (r"\.?" if len(words[-1]) == 1 else "")
    found = re.search(r"(?<![\w.])" + pattern + r"(?![\w-])", page)
    return _WS.sub(" ", found.group(0)).strip() if found else name


def _without_byline_word(name: str) -> str:
    """``name`` without a leading byline word, when what follows starts like a name (upper
    case, or a script without case): a lower-case word after it means the word is part of
    the name ("Von der Leyen") or no name follows."""
    m = _BYLINE_WORD.match(name)
    if m is None:
        return name
    rest = name[m.end() :]
    return rest if rest[:1].isupper() or (rest[:1].isalpha() and not rest[:1].islower()) else name


#: one capitalised word, a surname or a given name alone
_SINGLE_NAME = re.compile(r"[A-ZÀ-Ý][a-zß-ÿ'’-]+$")
#: a person's name: two to four capitalised words ("Rachel Riederer", "Scott Gilbertson")
_PERSON_NAME = re.compile(r"[A-ZÀ-Ý][\w'’.-]+(?:\s+[A-ZÀ-Ý][\w'’.-]+){1,3}$")
#: the page's ``<meta name="copyright">`` (either attribute first)
_COPYRIGHT_META = re.compile(
    r"<meta\s+(?:name=[\"']copyright[\"']\s+content=[\"']([^\"'<>]{2,120})[\"']"
    r"|content=[\"']([^\"'<>]{2,120})[\"']\s+name=[\"']copyright[\"'])",
    re.I,
)
#: what stands around the holder's name in a copyright notice
_COPYRIGHT_WORDS = re.compile(
    r"\b(?:copyright|all rights reserved|alle rechte vorbehalten|tous droits réservés|"
    r"todos los derechos reservados)\b|\(c\)|©|\b(?:19|20)\d{2}\b|[-–.]",
    re.I,
)


def _copyright_holder(page: str) -> str | None:
    """Who the page's copyright meta names ("Copyright (c) Condé Nast 2023" -> "Condé
    Nast"): the publisher, which some sites also declare as the author beside the writer
    (The New Yorker's and Wired's ``<meta name="author" content="Condé Nast">``)."""
    m = _COPYRIGHT_META.search(page)
    if m is None:
        return None
    # the holder's name ends at a comma: "Süddeutsche.de GmbH, Munich, Germany"
    notice = _COPYRIGHT_WORDS.sub(" ", m.group(1) or m.group(2))
    name = next((" ".join(part.split()) for part in notice.split(",") if part.strip()), "")
    return name if len(name) >= 3 else None


def clean_byline(author: str, sitename: str | None, hostname: str | None, page: str | None = None) -> str:
    """The people who wrote the article, from trafilatura's author string.

    trafilatura joins every author-like text it finds with "; ", so the outlet's own name
    ("Rob Picheta; CNN"), a share link ("Facebook Com; Evgenia Karp") or a profile link's
    wording ("Zeige alle Beiträge von Petra Ruland") come along.  Those parts go when a
    person remains; a byline that is only the outlet stays (agency and desk bylines are
    real).  With ``page``, initials get back the periods trafilatura strips.
    """
    keys = site_keys(sitename, hostname)
    kept: list[str] = []
    for part in author.split(";"):
        name = _without_byline_word(_PROFILE_LINK.sub("", part.strip()).strip())
        words = name.split()
        half = len(words) // 2
        if half and len(words) % 2 == 0 and words[:half] == words[half:]:  # "jesusfreak jesusfreak"
            name = " ".join(words[:half])
        if not name or _SOCIAL_NAME.match(name) or (keys and _names_site(name, keys)):
            continue
        if name.casefold() not in {k.casefold() for k in kept}:
            kept.append(_with_initials(name, page) if page else name)
    if len(kept) == 2 and all(_SINGLE_NAME.match(k) for k in kept):
        # "Brazil; Rachel": a "Last, First" creator tag (Nature's dc.creator) split at its
        # comma; one person when the second word is a given name and the first is not
        names = given_names()
        if kept[1] in names and kept[0] not in names:
            kept = [f"{kept[1]} {kept[0]}"]
    holder = _copyright_holder(page) if page and len(kept) > 1 else None
    if holder:
        # the publisher beside a writer ("Condé Nast; Rachel Riederer") goes; beside its own
        # address ("Olympia-Verlag GmbH; Nürnberg; Germany") nothing says who wrote
        publisher = site_keys(holder, None)
        writers = [k for k in kept if not _names_site(k, publisher) and _PERSON_NAME.match(k)]
        if writers and len(writers) < len(kept):
            kept = [k for k in kept if not _names_site(k, publisher)]
    return "; ".join(kept) if kept else author


def _html_lang(tree: HtmlElement) -> str | None:
    """The page's declared language: ``<html lang>``, else content-language, else og:locale."""
    value = tree.get("lang") or tree.get("xml:lang")
    if not value:
        for xp in _LANG_META:
            found = xp(tree)
            if found:
                value = str(found[0])
                break
    if not value:
        return None
    primary = re.split(r"[-_,; ]", value.strip(), maxsplit=1)[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def _figcaptions(tree: HtmlElement) -> list[str]:
    """Caption texts in page order, deduplicated (lazy-load markup often repeats figures)."""
    seen: set[str] = set()
    out: list[str] = []
    for el in tree.iter("figcaption"):
        # itertext joined by spaces: "<p>Caption.</p><span>Credit</span>" must not glue
        # into "Caption.Credit", which would hide the credit from the cleaner
        text = _one_line(_SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(el.itertext())))
        if text and len(text) >= 3 and _norm(text) not in seen:
            seen.add(_norm(text))
            out.append(text)
    return out


_PUBLISHED_META = etree.XPath(
    './/meta[@property="article:published_time" or @name="article:published_time"'
    ' or @itemprop="datePublished" or @name="pubdate" or @name="publishdate"]/@content'
)
_JSONLD_SCRIPTS = etree.XPath('.//script[@type="application/ld+json"]/text()')


_JSONLD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{10,40})"')


def _refine_datetime(tree: HtmlElement, date: str) -> str | None:
    """A full timestamp from the page's publication meta tag or JSON-LD, if it agrees with htmldate.

    htmldate returns a day; when the page also declares a timestamp for that same day we
    keep the time (useful to order reports of one story) without a second date search.
    """
    candidates = [str(v) for v in _PUBLISHED_META(tree)]
    for script in _JSONLD_SCRIPTS(tree):
        candidates += _JSONLD_PUBLISHED.findall(str(script))
    for value in candidates:
        text = value.strip()
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            continue
        if parsed.date().isoformat() == date and (parsed.hour or parsed.minute or parsed.second):
            return parsed.isoformat()
    return None


def _is_excerpt(deck: str, title: str | None, body_lines: Container[str], body: str) -> bool:
    """A meta description that repeats the title or cuts the lead short is not a deck.

    A description equal to a whole body line is a real standfirst that trafilatura kept in
    the body: it stays a deck (the cleaner drops the echoed copy as a duplicate).  One that
    is only part of a longer paragraph, or ends in an ellipsis, is the CMS's excerpt.
    """
    d = _norm(deck)
    truncated = False
    for mark in _ELLIPSIS:
        if d.endswith(mark):
            d, truncated = d[: -len(mark)].rstrip(), True
    if not d or truncated or (title and d == _norm(title)):
        return True
    return d not in body_lines and d in _norm(body)


def _empty(reason: str, **meta: Any) -> HtmlExtraction:
    return HtmlExtraction(raw="", meta={"reason": reason, **meta})


def _layout(
    title: str | None,
    deck: str | None,
    byline: str | None,
    captions: list[str],
    body: str,
) -> tuple[str, int]:
    """Build ``raw`` and return it with the body's start offset."""
    header = [x for x in (title, deck, byline) if x]
    parts: list[str] = []
    if header:
        parts.append("\n".join(header) + "\n\n")
    if captions:
        parts.append("\n".join(captions) + "\n\n")
    prefix = "".join(parts)
    return prefix + body, len(prefix)


# -- trafilatura's metadata step, faster ------------------------------------------------------
# trafilatura.metadata.extract_metadata (2.3.1) cost a third of the extraction, mostly in its
# author, category and tag searches: each is a few XPaths over every element of the page, with
# EXSLT ``re:test`` predicates that call back into Python per element (1.5-2.3 ms each on the
# eval pages), and the author search first deep-copies the page and prunes discard sections
# from the copy.  Spelling the regexes as XPath ``contains`` is no faster (measured).  What is:
# the author search's predicates tested in one Python pass over the elements, with trafilatura's
# own regexes, and the category/tag searches (all ``//X[...]//a[@href]``, keeping links whose
# href names the type) asked the other way round, from the few links whose href could qualify,
# with trafilatura's own expressions turned into ``ancestor::X[...]``.  The result is the same
# field for field: tests/test_html_metadata.py compares with trafilatura's function.

#: trafilatura.xpaths.AUTHOR_DISCARD_XPATHS[0]: tags, exact values, then re:test patterns
_DISCARD_TAGS = frozenset({"a", "div", "section", "span"})
_DISCARD_ID = re.compile("^comments|comment-?list|ProductReviews")
_DISCARD_CLASS = re.compile(
    "^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|article-(?:share|support)"
    "|print|category|meta-date|meta-reviewer"
)
#: trafilatura.xpaths.AUTHOR_XPATHS, in its order
_AUTHOR0_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_AUTHOR0_CLASS = re.compile("author-?name|AuthorName|authorName")
_AUTHOR1_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
_AUTHOR1_ID = re.compile("author|zuozhe|bianji|xiaobian")
_AUTHOR1_CLASS = re.compile(
    "author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name"
)
_AUTHOR2_ID = re.compile("[Aa]uthor")
_AUTHOR2_CLASS = re.compile("[Aa]uthor|screenname|writer|[Bb]yline")
#: a literal every attribute value accepted by one of the predicates above contains: elements
#: whose attributes hold none of them are skipped after one search
_MAYBE = re.compile(
    "uthor|yline|byl|BBL|username|zuozhe|bianji|xiaobian|channel-name|submitted-by|posted-by|journalist-name"
    "|screenname|writer|omment|ProductReviews|title|date|sidebar|is-hidden|quote|embedly-instagram|article-s"
    "|print|category|meta-reviewer|Figure"
)
#: AUTHOR_DISCARD_XPATHS[1]
_TIME_FIGURE = frozenset({"time", "figure"})


class _AuthorElements(NamedTuple):
    #: what AUTHOR_DISCARD_XPATHS[0] selects
    discard: list[HtmlElement]
    #: what AUTHOR_DISCARD_XPATHS[1] selects
    time_figure: list[HtmlElement]
    #: what each of AUTHOR_XPATHS selects
    found: list[list[HtmlElement]]
    #: a ``<rel>`` element: ``rel='me'`` in AUTHOR_XPATHS[0] compares a child element's text,
    #: which is not tested here (and which pruning can change)
    has_rel: bool


def _author_elements(tree: HtmlElement) -> _AuthorElements:
    """What trafilatura's author and discard XPaths select, by the same predicates in one pass.

    In document order, but ``found[0]`` misses ``rel='me'`` matches (see ``has_rel``).
    """
    discard: list[HtmlElement] = []
    time_figure: list[HtmlElement] = []
    found: list[list[HtmlElement]] = [[], [], []]
    has_rel = False
    for el in tree.iter(etree.Element):
        tag = el.tag
        if tag in _TIME_FIGURE:
            time_figure.append(el)
        elif tag == "rel":
            has_rel = True
        get = el.get
        cls, id_, itemprop = get("class") or "", get("id") or "", get("itemprop") or ""
        comp, rel, testid = get("data-component") or "", get("rel") or "", get("data-testid") or ""
        if tag != "author" and not _MAYBE.search(f"{cls}\n{id_}\n{itemprop}\n{comp}\n{rel}\n{testid}"):
            continue
        if tag in _DISCARD_TAGS and (
            id_ == "comments"
            or cls in ("comments", "title", "date")
            or _DISCARD_ID.search(id_)
            or _DISCARD_CLASS.search(cls)
            or "Figure" in comp
        ):
            discard.append(el)
        if tag == "author" or (
            tag in _AUTHOR0_TAGS
            and (
                rel == "author"
                or id_ == "author"
                or cls == "author"
                or itemprop == "author name"
                or testid in ("AuthorCard", "AuthorURL")
                or _AUTHOR0_CLASS.search(cls)
            )
        ):
            found[0].append(el)
        if tag in _AUTHOR1_TAGS and (
            cls in ("byline", "username", "byl", "BBL")
            or "author" in itemprop
            or _AUTHOR1_ID.search(id_)
            or _AUTHOR1_CLASS.search(cls)
        ):
            found[1].append(el)
        if "Byline" in comp or "author" in itemprop or _AUTHOR2_ID.search(id_) or _AUTHOR2_CLASS.search(cls):
            found[2].append(el)
    return _AuthorElements(discard, time_figure, found, has_rel)


#: elements the page itself marks as its author's name: a rel="author" link, an hCard's
#: formatted name, schema.org microdata (each name found by its ancestors: "a vcard's
#: descendants" is quadratic in libxml2 on a page of many cards, 48 s for 50,000)
_MARKED_AUTHOR = etree.XPath(
    '//a[@rel="author"]'
    ' | //*[@class][contains(@class, "fn")][@class="fn" or starts-with(@class, "fn ") or contains(@class, " fn")]'
    '[ancestor::*[contains(@class, "vcard")]]'
    ' | //*[@itemprop][@itemprop="name" and ancestor::*[@itemprop="author"] or @itemprop="author" and not(*)]'
)
#: what a CMS prints where no person is named
#: a comment form's label for the commenter's name (a desk name such as "Redaktion" is a
#: real byline and is not here)
_FORM_NAME_LABEL = re.compile(
    r"^(?:(?:your |ihr |dein |votre |tu |su )?(?:name|nom|nombre|nome|naam|namn|imię|full name)\s*\*?:?)$",
    re.IGNORECASE,
)
_PLACEHOLDER_AUTHOR = re.compile(
    r"^(?:admin|administrator|redaktion|editor|editorial|staff|name|user|guest|anonymous|anonym|"
    r"wordpress|webmaster|author|autor|team|redaction|rédaction)\d*$",
    re.IGNORECASE,
)


_ADDRESS = re.compile(r"https?:|@|www\.")


def _author_is_site(author: str, sitename: str | None, hostname: str | None) -> bool:
    """Whether every part of an author string names the site ("Jungefreiheit De", "Die
    FURCHE" on furche.at): the outlet, not who wrote the article."""
    keys = site_keys(sitename, hostname)
    parts = [p for p in author.split(";") if p.strip()]
    return bool(keys) and bool(parts) and all(_names_site(p, keys) for p in parts)


def _marked_author(tree: HtmlElement) -> str | None:
    """The first name the page's markup marks as its author, for pages where trafilatura's
    metadata step found none.

    trafilatura drops an author without a space ("uriebe", "Daniel": a blog's handle) and
    looks at these elements only among others; blogs and forums mark their author so and
    nothing else.  The first in document order: later ones are related posts' and
    commenters' (on the tune half's pages without an author, this found 8 gold authors and
    no wrong one).  A CMS placeholder ("admin", "Name"), an address or an over-long text
    is not a name.
    """
    for el in _MARKED_AUTHOR(tree):
        text = _one_line(" ".join(el.itertext()))
        if not text:
            continue
        if 2 < len(text) <= 60 and not _PLACEHOLDER_AUTHOR.match(text) and not _ADDRESS.search(text):
            return text
    return None


def _names_no_person(author: str | None, sitename: str | None, hostname: str | None) -> bool:
    """Whether an author field is missing, the outlet's name or a CMS placeholder ("Admin")."""
    return (
        not author
        or _author_is_site(author, sitename, hostname)
        or bool(_PLACEHOLDER_AUTHOR.match(author.strip()))
    )


def _with_printed_byline(
    byline: str | None, printed: list[str], sitename: str | None, hostname: str | None
) -> str | None:
    """The names printed with a by-word under the headline, where the markup's author
    names no person."""
    printed = [name for name in printed if not _PLACEHOLDER_AUTHOR.match(name)]
    joined = "; ".join(printed)
    if not printed or _author_is_site(joined, sitename, hostname):
        return byline
    return joined if _names_no_person(byline, sitename, hostname) else byline


def _author(tree: HtmlElement) -> str | None:
    """trafilatura.metadata.extract_author without copying and pruning the page.

    trafilatura prunes the discard sections (and ``time``/``figure``) from a copy, then takes
    the first match of its expressions whose text is 3-119 characters.  On the unpruned page
    the matches that survive pruning are those with no pruned ancestor, and their text is
    unchanged unless something inside them is pruned: then (rare) trafilatura's own function
    decides.
    """
    discard, time_figure, found, has_rel = _author_elements(tree)
    if has_rel:
        return extract_author(tree)
    if not any(found):
        return None
    # delete_element leaves the root in place
    pruned = {el for el in (*discard, *time_figure) if el.getparent() is not None}
    holds_pruned: set[HtmlElement] = set()
    for el in pruned:
        for anc in el.iterancestors():
            if anc in holds_pruned:
                break
            holds_pruned.add(anc)
    for matches in found:
        for el in matches:
            if el in pruned or any(anc in pruned for anc in el.iterancestors()):
                continue
            if el in holds_pruned:
                return extract_author(tree)
            content = trim(" ".join(el.itertext()))
            if content and 2 < len(content) < 120:
                return normalize_authors(None, content)
    return None


def _link_test(expression: etree.XPath) -> etree.XPath:
    """``//X[...]//a[@href]`` as a test on one link: ``boolean(ancestor::X[...])``."""
    path = expression.path.strip()
    step = path[2 : -len("//a[@href]")]
    unquoted = re.sub(r"'[^']*'|\"[^\"]*\"", "''", step)
    if not (path.startswith("//") and path.endswith("//a[@href]")) or "//" in unquoted or "|" in unquoted:
        raise RuntimeError(f"trafilatura category/tag expression of an unexpected form: {path!r}")
    return etree.XPath(
        f"boolean(ancestor::{step})", namespaces={"re": "http://exslt.org/regular-expressions"}
    )


#: links whose href could match either type's pattern below (both start with these literals)
_CATSTAGS_LINKS = etree.XPath("//a[@href][contains(@href, '/categor') or contains(@href, '/tag')]")
_CATSTAGS = {
    # the href pattern extract_catstags builds, and its expressions as link tests
    metatype: (re.compile("/" + metatype.rstrip("y") + "(?:y|ies|s)?/"), [_link_test(x) for x in expressions])
    for metatype, expressions in (("category", CATEGORIES_XPATHS), ("tag", TAGS_XPATHS))
}


_SECTION_META = etree.XPath(
    './/head//meta[@property="article:section" or contains(@name, "subject")][@content]'
)


def _catstags(metatype: str, tree: HtmlElement, links: list[HtmlElement]) -> list[str]:
    """trafilatura.metadata.extract_catstags, given the page's candidate links in document order."""
    pattern, tests = _CATSTAGS[metatype]
    typed = [a for a in links if pattern.search(a.attrib["href"])]
    results: list[str] = []
    for test in tests:
        results.extend(block_text(a) for a in typed if test(a))
        if results:
            break
    if metatype == "category" and not results:
        results.extend(el.attrib["content"] for el in _SECTION_META(tree))
    return [r for r in dict.fromkeys(line_processing(x) for x in results if x) if r]


#: trafilatura.metadata.extract_license's second search: links in footers
_FOOTER_LINKS = etree.XPath(
    './/footer//a[@href]|.//div[contains(@class, "footer") or contains(@id, "footer")]//a[@href]'
)
#: the same links found by their ancestors, for a root element (``[parent::*]``: an ancestor
#: inside it).  libxml2 merges the links of every footer into one node set at a cost
#: quadratic in the number of footers (10 s for a page of 20,000 footer divs), but asking
#: every link for its ancestors is slower on ordinary pages (1.9 against 0.5 ms a page on
#: trafilatura-eval); the two select the same links in the same order on all 990 of its pages.
_FOOTER_LINKS_BY_ANCESTOR = etree.XPath(
    ".//a[@href][ancestor::footer[parent::*]"
    ' or ancestor::div[parent::*][contains(@class, "footer") or contains(@id, "footer")]]'
)
_COUNT_FOOTERS = etree.XPath(
    'count(.//footer) + count(.//div[contains(@class, "footer") or contains(@id, "footer")])'
)
#: more footers than this (ordinary pages have a handful) switch to the ancestor search
_MANY_FOOTERS = 100
#: A footer link's text counts when TEXT_LICENSE_REGEX finds "cc" or "creative commons", a
#: space and "by" or "zero" in its block_text, which is its text_content with spaces added at
#: block boundaries, non-printable characters dropped and whitespace collapsed: so those
#: letters are in the text_content in order, with at most non-word characters (every space
#: and every non-printable character is one) between them.
_LICENSE_TEXT_POSSIBLE = re.compile(
    r"c\W*c\W*[bz]|" + r"\W*".join("creativecommons") + r"\W*[bz]", re.IGNORECASE
)


def _license(tree: HtmlElement) -> str | None:
    """trafilatura.metadata.extract_license, without block_text on links that cannot qualify.

    block_text copies the link to space its text; on ~26 footer links a page that was most
    of the function's time, and only a link passing the test above can be a license.
    """
    for element in tree.findall(".//a[@rel][@href]"):
        if "license" not in element.get("rel", "").lower().split():
            continue
        result = parse_license_element(element, strict=False)
        if result is not None:
            return result
    many = tree.getparent() is None and _COUNT_FOOTERS(tree) > _MANY_FOOTERS
    for element in (_FOOTER_LINKS_BY_ANCESTOR if many else _FOOTER_LINKS)(tree):
        if LICENSE_REGEX.search(element.get("href", "")) or _LICENSE_TEXT_POSSIBLE.search(
            element.text_content()
        ):
            result = parse_license_element(element, strict=True)
            if result is not None:
                return result
    return None


#: a ``<title>`` element longer than this is not read as a title (a hostile page's may be
#: megabytes; measured before it is normalised)
_MAX_TITLE_CHARS = 8 * _MAX_HEADLINE_CHARS
#: the headings a fallback title is checked against: the first 60 of headline length (their
#: length measured in libxml2: a heading of pathological markup may wrap the whole page)
_HEADINGS = etree.XPath(
    f"(//h1 | //h2 | //h3)[string-length(normalize-space(.)) <= {_MAX_HEADLINE_CHARS}][position() <= 60]"
)


def _title_without_meta(tree: HtmlElement, sitename: str | None, hostname: str | None) -> str | None:
    """The title of a page that declares none in its metadata (no og:title, no JSON-LD
    headline): trafilatura's pick, checked against the ``<title>`` element.

    trafilatura then takes a lone ``<h1>``, an element whose class says "title", the
    ``<title>`` element, the first ``<h1>`` or the first ``<h2>``, in that order; on blogs and
    small sites the lone ``<h1>`` is the site's logo ("L-Mag", "Disfunctions.de") and a
    "title" class marks a widget's heading ("Hauptmenü", "Write a Reply or Comment"), while
    ``<title>`` still reads "Headline | Site".  A pick that shares half its words with
    ``<title>`` stands, unless it is the site's name.  Else a heading of two words or more
    that is ``<title>`` or one of its segments, and not the site's name, is the headline (two
    parts of the page agree), and a pick that is the site's name gives way to ``<title>``,
    whose site part the caller drops (:func:`site_free_title`).  On the tune half of
    trafilatura-eval this righted 4 of the 57 wrong titles and wronged none
    (docs/decisions.md, session 34).
    """
    picked = _one_line(extract_title(tree))
    element = tree.find(".//title")
    raw = element.text_content() if element is not None else ""
    page = _one_line(raw) if len(raw) <= _MAX_TITLE_CHARS else None
    if not page:
        return picked
    keys = site_keys(sitename, hostname)
    # the pick is the site's by the host's name only: a declared site name is sometimes the
    # headline itself (trafilatura reads it off ``<title>`` when the page declares none)
    site = picked is None or _names_site(picked, site_keys(None, hostname), around=False)
    if not site and picked is not None:
        own = _words(picked)
        if not own or len(own & _words(page)) * 2 >= len(own):
            return picked
    heads = {_norm(_one_line(h.text_content()) or "") for h in _HEADINGS(tree)}
    parts = [page, *(p.strip() for p in _TITLE_SEP_WIDE.split(page))]
    for part in sorted(parts, key=len, reverse=True):
        # (a one-word heading is a section's: "Aktuelles" of "Bundespolizei - Aktuelles - ...")
        if len(part.split()) >= 2 and _norm(part) in heads and not _names_site(part, keys):
            return part
    return page if site else picked


def _metadata(
    tree: HtmlElement, default_url: str | None, date_params: dict[str, Any], title_checked: bool = False
) -> Document:
    """trafilatura.metadata.extract_metadata (no author blacklist) with the searches above;
    with ``title_checked``, a title the page does not declare is checked against its
    ``<title>`` (:func:`_title_without_meta`), which is where the two differ.

    Read-only on ``tree`` (htmldate copies a tree it is given before cleaning it), so the
    same tree then goes to the extraction, and to the deferred date search.
    """
    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception:  # noqa: BLE001 -- as trafilatura: a bug in its JSON-LD reader must not lose the page
        LOG.debug("error in JSON metadata extraction", exc_info=True)
    fallback_title = not metadata.title
    if not metadata.author:
        metadata.author = _author(tree)
    if not metadata.url:
        metadata.url = extract_url(tree, default_url)
    if metadata.url:
        metadata.hostname = extract_domain(metadata.url, fast=True)
    metadata.date = find_date(tree, **date_params, url=metadata.url)
    if not metadata.sitename:
        metadata.sitename = extract_sitename(tree)
    if metadata.sitename:
        metadata.sitename = metadata.sitename.lstrip("@")
        if metadata.sitename and "." not in metadata.sitename and not metadata.sitename[0].isupper():
            metadata.sitename = metadata.sitename.title()
    elif metadata.url:
        site = META_URL.match(metadata.url)
        if site:
            metadata.sitename = site[1]
    if fallback_title:
        metadata.title = (
            _title_without_meta(tree, metadata.sitename, metadata.hostname)
            if title_checked
            else extract_title(tree)
        )
    links = _CATSTAGS_LINKS(tree) if not (metadata.categories and metadata.tags) else []
    if not metadata.categories:
        metadata.categories = _catstags("category", tree, links)
    if not metadata.tags:
        metadata.tags = _catstags("tag", tree, links)
    metadata.license = _license(tree)
    metadata.filedate = date_params.get("max_date")
    metadata.clean_and_trim()
    return metadata


def _date_params(extensive: bool) -> dict[str, Any]:
    return {
        "original_date": True,
        "extensive_search": extensive,
        "max_date": datetime.now().astimezone().strftime("%Y-%m-%d"),
    }


def extensive_date(page: str | HtmlElement) -> tuple[str | None, str | None]:
    """htmldate's extensive search over the whole page, as trafilatura would have run it.

    ``page`` is the HTML, or better the tree :func:`extract_html` kept of it
    (``HtmlExtraction.page_tree``): parsing the page again cost about a sixth of this search.
    Returns (date, source); (None, None) when the page has none or cannot be parsed.
    """
    try:
        tree = page if isinstance(page, HtmlElement) else load_html(page)
        if tree is None:
            return None, None
        found = find_date(tree, **_date_params(True))
    except (ValueError, TypeError, RecursionError):
        return None, None
    if not found:
        return None, None
    full = _refine_datetime(tree, found)
    return (full, "htmldate-extensive+meta") if full else (found, "htmldate-extensive")


def _extractor(cfg: HtmlConfig, url: str | None, *, fast: bool) -> Extractor:
    """trafilatura's options for ``cfg``: python output, no metadata step of its own."""
    return Extractor(
        output_format="python",
        fast=fast,
        precision=cfg.favor_precision,
        recall=cfg.favor_recall,
        comments=cfg.include_comments,
        tables=cfg.include_tables,
        url=url,
    )


class _Cascade(NamedTuple):
    """What trafilatura's cascade gave: the text and comments as
    :func:`trafilatura.bare_extraction` gives them, and the body element with its plain
    text, which the fallback extractors are compared against (:func:`_extract_with_fallbacks`)."""

    text: str
    comments: str
    body: etree._Element
    body_text: str


def _extract_text(tree: HtmlElement, url: str | None, cfg: HtmlConfig) -> tuple[str, str] | None:
    """(text, comments) of :func:`_cascade`."""
    done = _cascade(tree, url, cfg)
    return None if done is None else (done.text, done.comments)


def _cascade(tree: HtmlElement, url: str | None, cfg: HtmlConfig) -> _Cascade | None:
    """(text, comments) as :func:`trafilatura.bare_extraction` gives them, pruning ``tree``.

    bare_extraction copies a tree it is given, so that the caller's survives its pruning:
    0.7 ms a page, 3% of the HTML path, for a tree extract_html no longer needs once the
    metadata is read (it keeps a copy itself on the pages whose date search is deferred).
    So this is bare_extraction's extraction half for the options extract_html uses (python
    output, no metadata, deduplication, language filter or prune_xpath), on trafilatura
    2.3.1's cascade itself; tests/test_html_metadata.py compares it with bare_extraction.
    None where bare_extraction returns None.
    """
    options = _extractor(cfg, url, fast=cfg.fast)
    try:
        postbody, text, commentsbody, comments = trafilatura_sequence(tree, options, options.url)
        if options.max_tree_size and len(postbody) > options.max_tree_size:
            strip_tags(postbody, "hi")
            if len(postbody) > options.max_tree_size:
                return None
        if len(text) < options.min_output_size and len(comments) < options.min_output_comm_size:
            return None
    except (TypeError, ValueError):
        return None
    return _Cascade(
        xmltotxt(postbody, options.formatting),
        xmltotxt(commentsbody, options.formatting) if options.comments else "",
        postbody,
        text,
    )


#: an element with more children than this has its inline markup flattened to text before
#: extraction (real pages: at most 1,125 children under one element on the 1,119 pages of
#: trafilatura-eval and Fundus)
_MAX_CHILDREN = 5_000
#: inline markup that carries no structure the extraction needs once flattened
_INLINE_TAGS = (
    "a",
    "span",
    "b",
    "i",
    "em",
    "strong",
    "font",
    "small",
    "u",
    "abbr",
    "code",
    "mark",
    "sub",
    "sup",
)


#: a page's text that is not shown: scripts, styles, templates and comments (each closed
#: by its own end tag; found by ``str.find`` from its opening, so unclosed ones cost one
#: scan, not one per opening)
_HIDDEN_OPEN = re.compile(r"<(script|style|noscript|template)\b|<!--", re.I)
#: a tag; ``[^<>]`` so that a "<" never closed costs a scan to the next "<", not the end
_ANY_TAG = re.compile(r"<[^<>]*>")
#: an extraction at least this long is not re-run, whatever the page holds (every tune page
#: the fallbacks helped had under 1,000 characters, a Fundus page 1,083 of its 7,000; the
#: fallbacks cost about half of what extracting the page did)
_FALLBACK_MAX_CHARS = 1_500


def visible_chars(html: str) -> int:
    """About how many characters of text a page shows: its markup without hidden elements
    and tags, whitespace runs counted once. A regex estimate (2 ms a page), not a parse."""
    low = html.lower()
    parts: list[str] = []
    pos = 0
    while (m := _HIDDEN_OPEN.search(low, pos)) is not None:
        parts.append(html[pos : m.start()])
        close = "-->" if m.group(1) is None else f"</{m.group(1).lower()}"
        end = low.find(close, m.end())
        if end < 0:
            pos = len(html)
            break
        pos = end + len(close)
        if m.group(1) is not None:  # past the end tag's ">"
            gt = low.find(">", pos)
            pos = len(html) if gt < 0 else gt + 1
    parts.append(html[pos:])
    return len(" ".join(_ANY_TAG.sub(" ", " ".join(parts)).split()))


def _under_extracted(extracted: tuple[str, str] | _Cascade | None, html: str, share: float) -> bool:
    """Whether fast mode's result is empty, or short and a small share of what the page
    shows: where readability and jusText find the article trafilatura's own extractor
    missed. Chosen on the tune half of trafilatura-eval and on Fundus, not on the held-out
    half (see docs/decisions.md, sessions 28 and 29)."""
    if extracted is None or not extracted[0].strip():
        return True
    n = len(extracted[0])
    return n < _FALLBACK_MAX_CHARS and n < share * visible_chars(html)


#: how many blocks (the elements jusText starts a paragraph at) a page may have for the
#: fallbacks to run: jusText's revision of short paragraphs walks to the nearest long one
#: from each, so a page of many short blocks costs it the square of their number, twice
#: (the fallbacks run jusText twice: 50,000 one-line headings 370 s, trafilatura's own
#: cascade 385 s; 10,000 12 s; 5,000 bylines 3.6 s) ...
_MAX_FALLBACK_BLOCKS = 4_000
#: ... and their depths summed: jusText joins each block's path of tags from the root (1,000
#: nested lists: 2.2 s, trafilatura 0.06 s).  Of the pages of trafilatura-eval and Fundus,
#: those the fallbacks run on have at most 2,714 blocks (the largest, 9,098, do not need
#: them), and all have a sum of at most 128,639 (docs/decisions.md, session 34).
_MAX_FALLBACK_DEPTHS = 300_000


#: whether an element is deeper than ``$depth`` (counted in libxml2): with no more blocks
#: than the cap and none deeper than the depth sum over the cap, a page cannot pass the sum
#: (the pages of the benches reach a depth of 42; the bound is 75)
_DEEPER_THAN = etree.XPath("boolean(//*[count(ancestor::*) > $depth])")


def _beyond_justext(tree: HtmlElement) -> bool:
    """Whether the page has more blocks, or deeper ones, than jusText handles in time."""
    blocks = list(islice(tree.iter(*PARAGRAPH_TAGS), _MAX_FALLBACK_BLOCKS + 1))
    if len(blocks) > _MAX_FALLBACK_BLOCKS:
        return True
    if not _DEEPER_THAN(tree, depth=_MAX_FALLBACK_DEPTHS // _MAX_FALLBACK_BLOCKS):
        return False
    depths = 0
    for el in blocks:
        for _ in el.iterancestors():
            depths += 1
        if depths > _MAX_FALLBACK_DEPTHS:
            return True
    return False


def _extract_with_fallbacks(
    html: str,
    deep: bool,
    crowded: bool,
    alone: bool,
    first: _Cascade | None,
    url: str | None,
    cfg: HtmlConfig,
) -> tuple[str, str] | None:
    """The second half of trafilatura's cascade (``fast`` off) after fast mode's ``first``
    result: readability and jusText compared with it as the cascade compares them with its
    own extractor's (:func:`trafilatura.external.compare_extraction`), then jusText over the
    whole page, kept if it finds twice as much (the cascade's recall escalation without
    its rerun of trafilatura's own extractor in recall mode). Fast mode's extraction is
    not run again: that rerun was half of what re-extracting the whole page cost.

    The page is parsed again as :func:`extract_html` parsed it (the first pass pruned its
    tree) and pruned as the cascade prunes it first."""
    tree = _load_deep_html(html) if deep else load_html(html)
    if tree is None or _beyond_justext(tree):
        return None
    if crowded:
        _flatten_crowded(tree)
    if not alone:
        tree = copy(tree)
    options = _extractor(cfg, url, fast=False)
    is_forum = _forum_thread_page(tree)
    tree = prune_unwanted_nodes(tree, RAW_TREE_PRUNE_XPATH)
    if not options.comments and (options.focus == "precision" or not is_forum):
        tree = prune_unwanted_nodes(tree, REMOVE_COMMENTS_AND_LISTS_XPATH)
    whole_page = copy(tree)
    # jusText reads the page's <title> as a paragraph and normalises its whitespace once per
    # measure: a title of megabytes took 12 s where trafilatura.extract takes 0.1 s
    for title in whole_page.iter("title"):
        if len(title.text or "") > _MAX_TITLE_CHARS:
            title.text = ""
    body, text = (first.body, first.body_text) if first is not None else (etree.Element("body"), "")
    try:
        # readability reads ``tree`` (and may change it), jusText the cleaned copy
        body, text = compare_extraction(tree_cleaning(copy(tree), options), tree, body, text, options)
        if len(text) < ESCALATION_MAX_LENGTH:
            whole_body, whole_text = justext_rescue(whole_page, options)
            if len(whole_text) > ESCALATION_JUSTEXT_RATIO * len(text):
                body, text = whole_body, whole_text
    except (TypeError, ValueError):
        return None
    if len(text) < options.min_output_size:
        return None
    return xmltotxt(body, options.formatting), first.comments if first is not None else ""


def _embedded_extraction(html: str, url: str | None, cfg: HtmlConfig) -> tuple[str, tuple[str, str]] | None:
    """(source, (text, comments)) from the article the page ships as script data
    (:mod:`newsdesk.clean.embedded`), extracted as trafilatura extracts a page; None when
    the page ships none."""
    from newsdesk.clean.embedded import embedded_body

    found = embedded_body(html)
    if found is None:
        return None
    if found.is_html:
        fragment = found.content
    else:
        fragment = "".join(f"<p>{escape(line)}</p>" for line in found.content.splitlines() if line.strip())
    try:
        tree = load_html(f"<html><body><article>{fragment}</article></body></html>")
        extracted = _extract_text(tree, url, cfg) if tree is not None else None
    except (RecursionError, TypeError, ValueError):
        return None
    if extracted is None or not extracted[0].strip():
        return None
    return found.source, (extracted[0], "")


#: an extracted body shorter than this (characters) may be a lead whose article the page
#: ships as script data (a news agency's page rendered the lead only: 187 characters of
#: 5,274)
_SHORT_BODY = 500
_LONG_WORD = re.compile(r"\w{5,}")


def _may_ship_data(html: str) -> bool:
    return "self.__next_f" in html or "application/json" in html


def _embedded_continuation(html: str, lead: str, url: str | None, cfg: HtmlConfig) -> tuple[str, str] | None:
    """(source, text): the page's short extraction followed by the article its script data
    holds, when that is at least three times longer and speaks of the same things (a third
    of the lead's longer words in it: a page's data also holds other articles); the lead's
    lines the data repeats are not doubled. None otherwise."""
    found = _embedded_extraction(html, url, cfg)
    if found is None:
        return None
    source, (text, _) = found
    if len(text) < 3 * len(lead):
        return None
    words = {w.casefold() for w in _LONG_WORD.findall(lead)}
    have = {w.casefold() for w in _LONG_WORD.findall(text)}
    if not words or 3 * len(words & have) < len(words):
        return None
    inside = _norm(text)
    kept = [line for line in lead.strip("\n").split("\n") if line.strip() and _norm(line) not in inside]
    return f"{source}, after the page's own lead" if kept else source, "\n".join([*kept, text.strip("\n")])


def _flatten_crowded(tree: HtmlElement) -> None:
    """Inline elements under an element with more than ``_MAX_CHILDREN`` children become
    their text.

    trafilatura's paragraph handling is quadratic in a paragraph's inline children, and
    in C, where no time limit can interrupt it: one ``<p>`` holding 20,000 links took
    67 s, and four times as long at 40,000 (the same page now takes under a second).
    Such a paragraph is a tag cloud or a link farm.  Its words are kept; only its links
    and formatting go.
    """
    crowded = [el for el in tree.iter(etree.Element) if len(el) > _MAX_CHILDREN]
    for el in crowded:
        etree.strip_tags(el, *_INLINE_TAGS)
        # stripping leaves libxml2 one text node per former element; reading them as one
        # string is itself quadratic in trafilatura (12 s for 20,000), so each run of text
        # is set back as a single node
        el.text = el.text
        for child in el:
            child.tail = child.tail


#: lxml.html's element classes, chosen in C.  lxml.html's own lookup is a Python method
#: called for every element object lxml makes (395,000 calls on 120 trafilatura-eval pages,
#: some 7 % of the HTML path's time); this one gives the same classes but the per-tag ones
#: (``FormElement``, ``InputElement``, ``SelectElement``, ``TextareaElement``,
#: ``LabelElement``), whose form API nothing here, in trafilatura, htmldate or jusText uses
_ELEMENT_CLASSES = etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
)


def _html_parser(**extra: Any) -> HTMLParser:
    """A parser set as trafilatura's ``HTML_PARSER`` is, with :data:`_ELEMENT_CLASSES`."""
    parser = HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        **extra,
    )
    parser.set_element_class_lookup(_ELEMENT_CLASSES)
    return parser


_PARSER = _html_parser()
#: libxml2's HTML parser drops everything nested deeper than 255 elements unless told the
#: tree is huge; then the limit is 2,048
_DEEP_LIMIT = 2048
_DEEP_PARSER = _html_parser(huge_tree=True)


def load_html(html: str) -> HtmlElement | None:
    """``trafilatura.utils.load_html`` of a page's text, step for step, with
    :data:`_PARSER` (trafilatura's parser but for the element lookup): the same tree, the
    same rejection of a page that is not HTML (None)."""
    text = decode_file(html)
    beginning = text[:50].lower()
    dubious = is_dubious_html(beginning)
    text = repair_faulty_html(text, beginning)
    tree: HtmlElement | None = None
    as_bytes = False
    try:
        tree = lxml.html.fromstring(text, parser=_PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree, as_bytes = _fromstring_bytes(text), True
    except Exception:  # noqa: BLE001 -- as trafilatura: a parse failure is a page without a tree
        LOG.debug("lxml parsing failed", exc_info=True)
    if (tree is None or len(tree) < 1) and not as_bytes:
        tree = _fromstring_bytes(text)
    if tree is not None and dubious and len(tree) < 2:
        return None
    return tree


def _fromstring_bytes(text: str) -> HtmlElement | None:
    try:
        return lxml.html.fromstring(text.encode("utf8", "surrogatepass"), parser=_PARSER)
    except Exception:  # noqa: BLE001 -- as trafilatura's fromstring_bytes
        LOG.debug("lxml parser bytestring failed", exc_info=True)
        return None


#: a class attribute in the page's source (read from the string: a pass over the tree costs
#: more than the pages that need the join save)
_CLASS_ATTRIBUTE = re.compile(r'class\s*=\s*"([^"]+)"')
#: the content-box class names of trafilatura's first body expression
_CONTENT_BOX_CLASS = re.compile(_alt(_ARTICLE_CONTENT_CLASS_TOKENS))
#: a chunk holding a linked heading is a teaser in a list of posts, not a part of the article
_LINKED_HEADING = etree.XPath(".//*[self::h1 or self::h2 or self::h3 or self::h4][.//a[@href]]")
_SAME_CLASS = etree.XPath("//*[@class=$c]")
_COMMENT_BOX = re.compile("comment", re.I)
#: between two boxes (``.`` and ``$b``): the first heading or ``<time>`` after the one, when
#: it stands before the other (a union with the other's preceding elements adds nothing)
_BREAK_BETWEEN = etree.XPath(
    "boolean(following::*[self::h1 or self::h2 or self::h3 or self::time][normalize-space(.) or self::time][1]"
    "[count(. | $b/preceding::*) = count($b/preceding::*)])"
)


def _join_article_chunks(tree: HtmlElement, html: str) -> int:
    """Move the article's later chunks into its first one; the number of chunks joined.

    Some publishers print one article as several boxes of the same class with ads between
    them (Condé Nast's ``body__container article__body``: The New Yorker, Wired, AD; The
    Washington Post, Politico Europe).  trafilatura's main extractor takes the first
    element its body expressions match, so it kept the first chunk alone: 17 of The New
    Yorker's 35 paragraphs.  The same class repeated also marks lists of posts, answers and
    comments, which must stay out: the box trafilatura would take is joined with the run of
    peers of its tag and class that follow it with no heading or ``<time>`` between two of
    them (each post of a list has its title or date), all within the same ``<article>`` (or
    none), outside comments, and holding no linked heading.
    """
    repeated = {v for v, n in Counter(_CLASS_ATTRIBUTE.findall(html)).items() if n > 1}
    if not any(_CONTENT_BOX_CLASS.search(v) for v in repeated):
        return 0
    first = next((found[0] for expr in BODY_XPATH if (found := expr(tree))), None)
    if first is None or not isinstance(first.get("class"), str):
        return 0
    peers = [e for e in _SAME_CLASS(tree, c=first.get("class")) if e.tag == first.tag]
    if len(peers) < 2 or peers[0] is not first:
        return 0
    if any(
        _COMMENT_BOX.search(f"{box.get('class') or ''} {box.get('id') or ''}")
        for box in first.iterancestors()
    ):
        return 0
    article = next(first.iterancestors("article"), None)
    run = [first]
    for later in peers[1:]:
        if (
            any(a is run[-1] for a in later.iterancestors())
            or next(later.iterancestors("article"), None) is not article
            or _LINKED_HEADING(later)
            or _BREAK_BETWEEN(run[-1], b=later)
        ):
            break
        run.append(later)
    if len(run) < 2 or _LINKED_HEADING(first):
        return 0
    for later in run[1:]:
        if later.text and later.text.strip():
            lead = etree.SubElement(first, "p")
            lead.text = later.text
            later.text = None
        # (the emptied box stays where it was, with the text that follows it)
        first.extend(list(later))
    return len(run)


def _parse_hit_depth_limit(parser: HTMLParser | None = None) -> bool:
    """Whether the last parse with ``parser`` (:data:`_PARSER` by default) stopped at the
    depth limit.  lxml keeps each parser's last error log per thread."""
    log = (parser or _PARSER).error_log
    return any("Excessive depth" in e.message for e in log)


def _load_deep_html(html: str) -> HtmlElement | None:
    """``load_html``'s parse again, with the depth limit raised.

    Unclosed inline tags nest: an old page's 300 unclosed ``<font>`` put its article 300
    levels down, where libxml2 stops reading, and the page came out as "no main text" with
    its text lost.  Re-parsed only when that happened (never on the 1,119 pages of
    trafilatura-eval and Fundus), so every other page parses exactly as before.
    """
    text = repair_faulty_html(decode_file(html), html[:50].lower())
    try:
        tree = lxml.html.document_fromstring(text, parser=_DEEP_PARSER)
    except ValueError:  # a str with an encoding declaration
        tree = lxml.html.document_fromstring(text.encode("utf-8"), parser=_DEEP_PARSER)
    return tree if tree is not None and len(tree) >= 1 else None


#: the zero-width non-joiner and joiner, and the entities that write them
_JOINERS = "\u200c\u200d"
_JOINER_ENTITY = re.compile(r"&(?:zwn?j|#(?:0*820[45]|x0*200[cd]));", re.IGNORECASE)


@lru_cache(maxsize=2**14)
def _printable_space_or_joiner(char: str) -> str:
    return char if char.isprintable() or char.isspace() or char in _JOINERS else ""


@contextmanager
def _keeping_joiners() -> Iterator[None]:
    """trafilatura drops every character that is not printable from the text it extracts,
    and so the zero-width non-joiner and joiner, which are spelling: Persian, Kurdish and
    Urdu write a word's parts with the non-joiner between them ("می‌یابد" became
    "مییابد"), Indic scripts use both, and emoji sequences the joiner.  While a page that
    holds one is extracted, trafilatura's character test keeps them too; its line cache is
    emptied on the way in and out, so no line cleaned either way is served to the other
    (the benchmarks run trafilatura itself in the same process)."""
    original = _trafilatura_utils.return_printables_and_spaces
    _trafilatura_utils.return_printables_and_spaces = _printable_space_or_joiner
    _trafilatura_utils.line_processing.cache_clear()
    try:
        yield
    finally:
        _trafilatura_utils.return_printables_and_spaces = original
        _trafilatura_utils.line_processing.cache_clear()


def extract_html(html: str, url: str | None = None, config: HtmlConfig | None = None) -> HtmlExtraction:
    """Extract one page; never raises on bad HTML (see ``meta["reason"]`` when empty)."""
    if html and (any(j in html for j in _JOINERS) or _JOINER_ENTITY.search(html) is not None):
        with _keeping_joiners():
            return _extract_html(html, url, config)
    return _extract_html(html, url, config)


def _extract_html(html: str, url: str | None, config: HtmlConfig | None) -> HtmlExtraction:
    cfg = config or HtmlConfig()
    if not html or not html.strip():
        return _empty("empty input")
    if len(html) > cfg.max_chars:
        return _empty(f"page too large ({len(html):,} characters > {cfg.max_chars:,})")
    had_nul = "\x00" in html
    if had_nul:
        # lxml refuses NUL in str input; a page holding them is binary data or UTF-16 read
        # as something else, not HTML we can trust.
        if html.count("\x00") > len(html) // 100:
            return _empty("binary content (NUL bytes), not HTML")
        html = html.replace("\x00", "")

    deep = False
    try:
        tree = load_html(html)
        deep = _parse_hit_depth_limit()
        if deep:
            tree = _load_deep_html(html)
    except (ValueError, TypeError) as err:
        return _empty(f"HTML parse failed: {err}")
    if tree is None:
        return _empty("not HTML (parser found no document structure)")
    if deep and _parse_hit_depth_limit(_DEEP_PARSER):  # (its log is this page's only if it ran)
        return _empty(f"nested deeper than {_DEEP_LIMIT:,} elements (the parser drops what lies below)")
    n_elements = int(_COUNT_NODES(tree))
    if n_elements > cfg.max_elements:
        return _empty(f"page too complex ({n_elements:,} elements > {cfg.max_elements:,})")
    if n_elements > _MAX_CHILDREN:
        _flatten_crowded(tree)
    if cfg.join_article_chunks:
        _join_article_chunks(tree, html)

    lang = _html_lang(tree)
    captions_found = _figcaptions(tree)
    # the page's headings, read before the extraction prunes the tree
    headings = (
        [_one_line(h.text_content()) or "" for h in tree.iter("h1")]
        if cfg.site_free_title or cfg.title_from_heading
        else []
    )
    date_params = _date_params(cfg.extensive_date_search and not cfg.deferred_date_search)
    # what the steps inside the try give, as they stand when one of them raises before it
    # (a metadata step that raises leaves the page without metadata, not without a name)
    md = Document()
    marked: str | None = None
    printed: list[str] = []
    site_author = deferred = keep_tree = False
    published: str | None = None
    published_source: str | None = None
    try:
        # trafilatura's own metadata step (with_metadata=True) ran on its copy of the tree
        # before the extraction; ours reads the unpruned tree itself (see _metadata) unless
        # the copy differs: a copy keeps this element alone, without a fragment's enclosing
        # document or what stands beside <html> (comments, a second root element), which
        # the step's absolute XPaths would otherwise see
        alone = tree.getparent() is None and tree.getprevious() is None and tree.getnext() is None
        work = tree if alone else copy(tree)
        md = _metadata(work, url, date_params, cfg.title_checked)
        # trafilatura takes a comment form's "Name" field label for the author (2 tune
        # pages); it is none, and the page's marked author may be found
        if md.author and _FORM_NAME_LABEL.match(md.author.strip()):
            md.author = None
        # read before the extraction prunes the tree; only wanted when no author was found
        site_author = md.author is not None and _author_is_site(md.author, md.sitename, md.hostname)
        marked = _marked_author(work) if (not md.author or site_author) and cfg.marked_author else None
        # also read before the pruning, and only where the markup names no person: the
        # metadata's author missing, the outlet or a placeholder, and no person marked
        if (
            cfg.printed_byline
            and _names_no_person(md.author, md.sitename, md.hostname)
            and (not marked or _names_no_person(marked, md.sitename, md.hostname))
        ):
            printed = printed_names(lines_under_headline(work))
        published, published_source = md.date, ("htmldate" if md.date else None)
        if published:
            full = _refine_datetime(tree, published)
            if full:
                published, published_source = full, "htmldate+meta"
        deferred = cfg.extensive_date_search and cfg.deferred_date_search and not published
        # with NULs removed the tree is not what parsing the page itself gives
        keep_tree = deferred and not had_nul
        # the extraction prunes the tree it gets: the kept one must not be it
        first = _cascade(copy(work) if keep_tree and work is tree else work, url or md.url, cfg)
        extracted: tuple[str, str] | None = None if first is None else (first.text, first.comments)
        if cfg.fast and cfg.fallback_share and _under_extracted(first, html, cfg.fallback_share):
            # little of the page's text, or none: the fallback extractors on the page
            again = _extract_with_fallbacks(
                html, deep, n_elements > _MAX_CHILDREN, alone, first, url or md.url, cfg
            )
            if again is not None and again[0].strip():
                extracted = again
    except RecursionError:
        return _empty("nesting too deep for extraction", lang=lang)
    except (TypeError, ValueError):  # what bare_extraction turns into "no result" around its metadata step
        extracted = None
    body_source = None
    if extracted is None or not extracted[0].strip():
        # a page whose HTML shows no article may ship it as data for its scripts
        embedded = _embedded_extraction(html, url or md.url, cfg) if cfg.embedded_body else None
        if embedded is None:
            return _empty("no main text found", lang=lang, captions=captions_found)
        body_source, extracted = embedded
    elif cfg.embedded_body and len(extracted[0]) < _SHORT_BODY and _may_ship_data(html):
        # only the lead rendered; the rest of the article may be in the script data
        longer = _embedded_continuation(html, extracted[0], url or md.url, cfg)
        if longer is not None:
            body_source, extracted = longer[0], (longer[1], extracted[1])
    text, comments = extracted

    body = text.strip("\n")
    if not body.strip():
        return _empty("no main text found", lang=lang, captions=captions_found)

    title = _one_line(md.title)
    if title and cfg.site_free_title:
        title = site_free_title(title, md.sitename, md.hostname, headings)
    meta_title = title
    if title and cfg.title_from_heading:
        title = visible_headline(title, headings, md.sitename, md.hostname)
    if title:
        title = title.replace("\xad", "") or None
    description = _one_line(md.description)
    body_lines = {_norm(line): line for line in body.split("\n")}
    deck = description if description and not _is_excerpt(description, title, body_lines, body) else None
    byline = _one_line(md.author) or marked
    if site_author and marked and not _author_is_site(marked, md.sitename, md.hostname):
        byline = marked  # the metadata's author is the outlet; the page marks a person
    byline = _with_printed_byline(byline, printed, md.sitename, md.hostname)
    if byline and cfg.clean_byline:
        byline = clean_byline(byline, md.sitename, md.hostname, html) or None
    placed = [c for c in captions_found if _norm(c) not in body_lines] if cfg.captions else []
    in_body = [body_lines[_norm(c)] for c in captions_found if _norm(c) in body_lines] if cfg.captions else []
    raw, body_start = _layout(title, deck, byline, placed, body)

    meta: dict[str, Any] = {
        # the page's og:title / <title> (site name dropped) when the headline differs from it
        "meta_title": meta_title if meta_title and meta_title.replace("\xad", "") != title else None,
        "description": description,
        "categories": list(md.categories or []),
        "tags": list(md.tags or []),
        "captions": captions_found,
        "url": md.url,
        "hostname": md.hostname,
        "image": md.image,
        "license": md.license,
        "pagetype": md.pagetype,
        "html_elements": n_elements,
    }
    if body_source:
        meta["body_source"] = body_source
    if deferred:
        meta["date_search"] = "deferred"
    if cfg.include_comments and comments:
        meta["comments"] = comments
    return HtmlExtraction(
        raw=raw,
        title=title,
        deck=deck,
        byline=byline,
        published=published,
        published_source=published_source,
        lang=lang,
        sitename=_one_line(md.sitename),
        meta={k: v for k, v in meta.items() if v not in (None, [], "")},
        body_start=body_start,
        captions=placed + in_body,
        page_tree=tree if keep_tree else None,
    )

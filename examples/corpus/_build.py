"""Build the bundled sample corpus and its gold MANIFEST.json from hand-written reports.

The reports below (titles, decks, bylines, paragraphs, captions) are written by hand by the
newsdesk team and are entirely fictional: the outlets, places, people and events do not
exist.  What is generated is only the page chrome around them: nav menus, paywall counters,
cookie banners, newsletter boxes and footers recur verbatim across an outlet's pages, the
way a real site template does, so template-learning stages have something to learn.
Generating files and gold labels from one source is what keeps the gold faithful: every
cruft line listed in the manifest is, by construction, the line that was written.

Run ``python examples/corpus/_build.py [OUT_DIR]`` after editing; output is deterministic
(tests/test_corpus_manifest.py rebuilds into a temporary directory and compares bytes).
"""

from __future__ import annotations

import html
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

# -- the report record ------------------------------------------------------------------


@dataclass
class Figure:
    """A number the report states, with what it counts and its exact surface form."""

    what: str
    value: float
    surface: str


@dataclass
class Report:
    outlet: str
    slug: str
    published: str  # local time, "YYYY-MM-DDTHH:MM"
    lang: str
    story: str | None
    title: str
    paras: list[str]
    section: str
    deck: str | None = None
    byline: str | None = None
    dateline: str | None = None  # exact prefix of paras[0]
    caption: str | None = None
    credit: str | None = None
    updated: str | None = None  # local time of the last update
    fmt: str = "txt"  # txt | html | feed | jsonl (jsonl items: "jsonl-text" / "jsonl-html")
    tags: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    comments: list[tuple[str, str]] = field(default_factory=list)
    tail: list[tuple[str, str]] = field(default_factory=list)  # cruft after the body: (text, reason)
    dup_group: str | None = None
    url_override: str | None = None
    file_override: str | None = None

    @property
    def date(self) -> str:
        return self.published[:10]


def F(what: str, value: float, surface: str) -> Figure:
    return Figure(what, value, surface)


OUTLETS: dict[str, dict[str, str]] = {
    "harbourgazette.example": {"name": "The Harbour Gazette", "tz": "+00:00"},
    "marketsdispatch.example": {"name": "Markets Dispatch", "tz": "+00:00"},
    "northfieldtribune.example": {"name": "The Northfield Tribune", "tz": "+00:00"},
    "brightwaterpost.example": {"name": "The Brightwater Post", "tz": "+00:00"},
    "lavigie-quotidien.example": {"name": "La Vigie", "tz": "+01:00"},
    "courrierdesvallees.example": {"name": "Le Courrier des Vallées", "tz": "+01:00"},
    "abendkurier.example": {"name": "Abendkurier", "tz": "+01:00"},
    "alpenbote.example": {"name": "Der Alpenbote", "tz": "+01:00"},
    "eurobulletin.example": {"name": "Euro Bulletin", "tz": "+01:00"},
}

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
}
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _parts(ts: str) -> tuple[int, int, int, int, int]:
    return int(ts[:4]), int(ts[5:7]), int(ts[8:10]), int(ts[11:13]), int(ts[14:16])


def month(lang: str, m: int) -> str:
    return MONTHS[lang].split()[m - 1]


def iso(r: Report, ts: str | None = None) -> str:
    return f"{ts or r.published}:00{OUTLETS[r.outlet]['tz']}"


def url_of(r: Report) -> str:
    if r.url_override:
        return r.url_override
    y, m, d = r.date.split("-")
    base = f"https://{r.outlet}"
    section = path_slug(r.section)
    patterns = {
        "harbourgazette.example": f"{base}/news/{y}/{m}/{d}/{r.slug}",
        "marketsdispatch.example": f"{base}/{section}/{r.slug}-{y}{m}{d}",
        "northfieldtribune.example": f"{base}/{section}/{y}/{m}/{d}/{r.slug}",
        "brightwaterpost.example": f"{base}/news/{r.slug}/",
        "lavigie-quotidien.example": f"{base}/{section}/{r.slug}_{y}{m}{d}.html",
        "courrierdesvallees.example": f"{base}/{section}/{y}-{m}-{d}/{r.slug}",
        "abendkurier.example": f"{base}/{section}/{r.slug}-a{int(d) * 1013 + len(r.slug)}.html",
        "alpenbote.example": f"{base}/{section}/{r.slug}-1.{48000 + int(d) * 17 + len(r.slug)}",
        "eurobulletin.example": f"{base}/{r.lang}/{y}/{m}/{d}/{r.slug}/",
    }
    return patterns[r.outlet]


def file_name(r: Report) -> str:
    return r.file_override or f"{r.date}-{r.slug}.{'txt' if r.fmt == 'txt' else 'html'}"


# -- plain-text pages -------------------------------------------------------------------


@dataclass
class Ln:
    text: str
    role: str  # blank | cruft | title | deck | byline | date | caption | body
    reason: str | None = None
    lang: str | None = None
    caption: str | None = None
    credit: str | None = None


class Page:
    """Lines of a scraped text page, each labelled with its role as it is written."""

    def __init__(self) -> None:
        self.lines: list[Ln] = []

    def add(self, text: str, role: str = "body", **kw: Any) -> None:
        self.lines.append(Ln(text, role, **kw))

    def cruft(self, text: str, reason: str, lang: str | None = None) -> None:
        self.add(text, "cruft", reason=reason, lang=lang)

    def gap(self) -> None:
        if self.lines and self.lines[-1].role != "blank":
            self.lines.append(Ln("", "blank"))

    def caption(self, r: Report, joiner: str = " ", twice: bool = False) -> None:
        if r.caption is None:
            return
        line = f"{r.caption}{joiner}{r.credit}" if r.credit else r.caption
        self.add(line, "caption", caption=r.caption, credit=r.credit)
        if twice:
            self.cruft(line, "duplicate")
        self.gap()

    def render(self) -> str:
        return "\n".join(ln.text for ln in self.lines).rstrip("\n") + "\n"

    def gold(self) -> dict[str, Any]:
        out: dict[str, Any] = {"cruft": [], "captions": [], "body_lines": []}
        for no, ln in enumerate(self.lines, start=1):
            if ln.role == "cruft":
                out["cruft"].append([no, ln.reason, ln.text] + ([ln.lang] if ln.lang else []))
            elif ln.role == "caption":
                out["captions"].append({"line": no, "caption": ln.caption, "credit": ln.credit})
            elif ln.role == "body":
                out["body_lines"].append(no)
            elif ln.role in ("title", "deck", "byline", "date"):
                out[f"{ln.role}_line"] = no
        return out


def body(p: Page, r: Report, inserts: dict[int, list[tuple[str, str]]]) -> None:
    """Paragraphs separated by blank lines; ``inserts[i]`` cruft goes after paragraph i."""
    for i, para in enumerate(r.paras):
        p.add(para)
        p.gap()
        for text, reason in inserts.get(i, []):
            p.cruft(text, reason)
        if inserts.get(i):
            p.gap()
    for text, reason in r.tail:
        p.cruft(text, reason)
    p.gap()


def related_title(r: Report, peers: list[Report]) -> str:
    others = [o for o in peers if o.slug != r.slug and o.title != r.title]
    return others[(len(r.slug) + len(r.paras)) % len(others)].title


def txt_harbour(r: Report, idx: int, peers: list[Report]) -> Page:
    p = Page()
    for t in ("The Harbour Gazette", "News desk", "Home", "Ellery", "Port & Shipping", "Business", "Sport"):
        p.cruft(t, "nav")
    p.cruft("Opinion", "nav")
    p.gap()
    p.add(r.title, "title")
    p.gap()
    if r.deck:
        p.add(r.deck, "deck")
        p.cruft(r.deck, "duplicate")
        p.gap()
    y, m, d, hh, mm = _parts(r.published)
    wd = WEEKDAYS_EN[_weekday(y, m, d)]
    p.add(r.byline or "", "byline")
    ampm = f"{hh % 12 or 12}.{mm:02d}{'am' if hh < 12 else 'pm'}"
    p.add(f"{wd} {d} {month('en', m)} {y}, {ampm}", "date")
    p.gap()
    p.caption(r, twice=True)
    ads = {3: [("Advertisement", "label")]} if len(r.paras) >= 5 else {}
    body(p, r, ads)
    p.cruft(f"You have read {2 + idx % 3} of 5 free articles this month.", "paywall")
    p.cruft("Register for free to keep reading the Gazette.", "paywall")
    p.gap()
    p.cruft("Before you go...", "donation")
    p.gap()
    p.cruft(
        "The Harbour Gazette has covered Ellery and its waterfront since 1871. We are independent and "
        "locally owned, and we rely on readers like you. If you value reporting from the council chamber, "
        "the courts and the quayside, please consider supporting us. Every contribution, big or small, "
        "keeps a reporter on the beat.",
        "donation",
    )
    p.gap()
    p.cruft("Support the Gazette today", "donation")
    p.cruft("Topics", "label")
    for t in r.tags:
        p.cruft(t, "label")
    p.cruft("Comments", "label")
    p.cruft("Share", "label")
    p.cruft("Dilynwch ni ar Facebook", "social", lang="cy")
    return p


def txt_markets(r: Report, idx: int, peers: list[Report]) -> Page:
    p = Page()
    for t in ("MARKETS DISPATCH", "Markets", "Companies", "Economy", "Opinion"):
        p.cruft(t, "nav")
    p.cruft("Subscribe", "paywall")
    p.cruft("Sign in", "nav")
    p.gap()
    p.cruft(r.section.upper(), "nav")
    p.gap()
    p.add(r.title, "title")
    p.gap()
    if r.deck:
        p.add(r.deck, "deck")
        p.gap()
    y, m, d, _, _ = _parts(r.published)
    minutes = max(1, -(-sum(len(x.split()) for x in r.paras) // 200))
    p.add(r.byline or "", "byline")
    p.add(f"Published {d} {month('en', m)} {y} · {minutes} min read", "date")
    p.gap()
    p.cruft(f"Listen to this article · {minutes} min", "label")
    p.gap()
    p.caption(r, joiner=" Credit: ")
    wall = [
        (f"Subscribers only: you have {3 - idx % 3} free articles left this week.", "paywall"),
        ("Unlock unlimited access to Markets Dispatch. Subscribe today.", "paywall"),
    ]
    body(p, r, {1: wall})
    p.cruft("Topics: " + ", ".join(r.tags), "label")
    p.cruft("Share this article", "label")
    p.gap()
    p.cruft(
        "Sign up for the Morning Dispatch newsletter: the five numbers you need before the market opens.",
        "newsletter",
    )
    p.cruft("Enter your email address", "newsletter")
    p.cruft("Sign up", "newsletter")
    p.gap()
    p.cruft(
        "We use cookies to personalise content and analyse our traffic. Accept all | Manage preferences",
        "cookie",
    )
    p.cruft("Síguenos en LinkedIn y X", "social", lang="es")
    p.cruft("© 2024 Markets Dispatch Ltd. All rights reserved.", "template")
    return p


def txt_lavigie(r: Report, idx: int, peers: list[Report]) -> Page:
    p = Page()
    for t in ("La Vigie", "Accueil", "Actualité", "Économie", "Régions", "Culture", "Sports", "Se connecter"):
        p.cruft(t, "nav")
    p.cruft("S'abonner", "paywall")
    p.gap()
    p.cruft(r.section, "nav")
    p.gap()
    p.add(r.title, "title")
    if r.deck:
        p.add(r.deck, "deck")
    p.gap()
    y, m, d, hh, mm = _parts(r.published)
    p.add(r.byline or "", "byline")
    stamp = f"Publié le {d} {month('fr', m)} {y} à {hh:02d}h{mm:02d}"
    if r.updated:
        stamp += f", mis à jour à {r.updated[11:13]}h{r.updated[14:16]}"
    p.add(stamp, "date")
    p.gap()
    p.caption(r, joiner=" ", twice=True)
    body(p, r, {1: [(f"Lire aussi : {related_title(r, peers)}", "label")]})
    p.cruft(f"Vous avez lu {2 + idx % 3} articles gratuits sur 5 ce mois-ci.", "paywall")
    p.cruft("Abonnez-vous pour 1 € le premier mois et profitez de tous nos contenus.", "paywall")
    p.gap()
    p.cruft("Partager", "label")
    p.cruft("Réagir", "label")
    p.cruft(f"Commentaires ({(len(r.title) * 7) % 40 + 3})", "label")
    p.gap()
    p.cruft(
        "Ce site utilise des cookies pour améliorer votre expérience de navigation. Tout accepter", "cookie"
    )
    p.cruft("Follow La Vigie on Instagram and X", "social", lang="en")
    return p


def txt_abend(r: Report, idx: int, peers: list[Report]) -> Page:
    p = Page()
    for t in ("Abendkurier", "Startseite", "Wissenau", "Region", "Politik", "Wirtschaft", "Sport", "Kultur"):
        p.cruft(t, "nav")
    p.gap()
    p.cruft("Anzeige", "label")
    p.gap()
    p.add(r.title, "title")
    p.gap()
    if r.deck:
        p.add(r.deck, "deck")
        p.cruft(r.deck, "duplicate")
        p.gap()
    y, m, d, hh, mm = _parts(r.published)
    p.add(r.byline or "", "byline")
    p.add(f"{d:02d}.{m:02d}.{y}, {hh:02d}:{mm:02d} Uhr", "date")
    p.gap()
    p.caption(r, joiner=" ")
    body(p, r, {1: [(f"Lesen Sie auch: {related_title(r, peers)}", "label")]})
    p.cruft(f"Sie haben {1 + idx % 4} von 5 kostenlosen Artikeln in diesem Monat gelesen.", "paywall")
    p.cruft("Jetzt registrieren und weiterlesen.", "paywall")
    p.gap()
    p.cruft(
        "Unabhängiger Lokaljournalismus kostet Geld. Unterstützen Sie den Abendkurier schon ab 5 Euro im Monat.",
        "donation",
    )
    p.gap()
    p.cruft("Themen", "label")
    p.cruft("Kommentare", "label")
    p.cruft("Teilen", "label")
    p.gap()
    p.cruft("We use cookies to give you the best possible experience on our website.", "cookie", lang="en")
    p.cruft("Folgen Sie uns auf Facebook und Instagram", "social")
    return p


TXT_RENDERERS = {
    "harbourgazette.example": txt_harbour,
    "marketsdispatch.example": txt_markets,
    "lavigie-quotidien.example": txt_lavigie,
    "abendkurier.example": txt_abend,
}


def _weekday(y: int, m: int, d: int) -> int:
    import datetime

    return datetime.date(y, m, d).weekday()


# -- HTML pages -------------------------------------------------------------------------


def E(text: str) -> str:  # noqa: N802 - reads like the template helper it is
    """Escape for element text; CMS output leaves quotes alone there."""
    return html.escape(text, quote=False)


def A(text: str) -> str:  # noqa: N802
    """Escape for attribute values."""
    return html.escape(text, quote=True)


@dataclass
class HtmlStyle:
    lang: str
    nav: list[str]
    cookie: str
    cookie_buttons: tuple[str, str]
    newsletter_title: str
    newsletter_text: str
    newsletter_button: str
    related_label: str
    ad_label: str
    share_label: str
    topics_label: str
    comments_label: str
    no_comments: str
    footer_links: list[str]
    social: str
    copyright: str
    subscribe: str
    paywall: str
    extra_banner: str = ""
    breadcrumb: str = ""  # separator of a "Home > Section" trail, when the site prints one
    cls: dict[str, str] = field(default_factory=dict)  # CSS class names differ from site to site

    def c(self, key: str) -> str:
        defaults = {"article": "article", "body": "article-body", "deck": "standfirst", "byline": "byline"}
        return self.cls.get(key, defaults[key])


STYLES: dict[str, HtmlStyle] = {
    "northfieldtribune.example": HtmlStyle(
        lang="en",
        nav=["News", "World", "Business", "Climate", "Politics", "Opinion", "Sport", "Culture"],
        cookie="We and our 143 partners use cookies to store and access information on your device, "
        "to personalise ads and content and to measure audiences.",
        cookie_buttons=("Accept all", "Manage settings"),
        newsletter_title="The Morning Briefing",
        newsletter_text="The day's top stories in your inbox every weekday at 7am.",
        newsletter_button="Sign up",
        related_label="Related",
        ad_label="Advertisement",
        share_label="Share",
        topics_label="Topics",
        comments_label="Comments",
        no_comments="Be the first to comment.",
        footer_links=["About us", "Contact", "Advertise", "Privacy policy", "Terms of use"],
        social="Follow us: Facebook · X · Instagram · YouTube",
        copyright="© 2024 Northfield Tribune Media Ltd",
        subscribe="Subscribe",
        paywall="You have 4 free articles left this month. Subscribe for unlimited access.",
    ),
    "courrierdesvallees.example": HtmlStyle(
        lang="fr",
        nav=["Accueil", "Haute-Valbrune", "Bréval", "Faits divers", "Économie", "Sports", "Loisirs"],
        cookie="Avec votre accord, nous et nos partenaires utilisons des cookies ou technologies similaires "
        "pour stocker et accéder à des informations sur votre appareil.",
        cookie_buttons=("Accepter et fermer", "Paramétrer"),
        newsletter_title="La lettre du matin",
        newsletter_text="Recevez chaque matin l'essentiel de l'actualité de nos vallées.",
        newsletter_button="Je m'inscris",
        related_label="À lire aussi",
        ad_label="Publicité",
        share_label="Partager",
        topics_label="Mots-clés",
        comments_label="Commentaires",
        no_comments="Soyez le premier à réagir.",
        footer_links=["Qui sommes-nous ?", "Nous contacter", "Mentions légales", "Gestion des cookies"],
        social="Follow us on Facebook, Instagram and X",
        copyright="© Le Courrier des Vallées 2024 – Tous droits réservés",
        subscribe="Je m'abonne",
        paywall="Cet article vous est offert. Abonnez-vous pour soutenir l'information locale.",
        breadcrumb=" › ",
        cls={"article": "art-main", "body": "art-texte", "deck": "chapo", "byline": "signature"},
    ),
    "alpenbote.example": HtmlStyle(
        lang="de",
        nav=["Startseite", "Region", "Politik", "Wirtschaft", "Sport", "Kultur", "Bergwelt"],
        cookie="Questo sito utilizza cookie tecnici e di profilazione, anche di terze parti. "
        "Proseguendo la navigazione acconsenti all'uso dei cookie.",
        cookie_buttons=("Accetta", "Impostazioni"),
        newsletter_title="Alpenbote am Morgen",
        newsletter_text="Die wichtigsten Nachrichten aus der Region, jeden Morgen um 6 Uhr in Ihrem Postfach.",
        newsletter_button="Jetzt anmelden",
        related_label="Mehr zum Thema",
        ad_label="Werbung",
        share_label="Teilen",
        topics_label="Themen",
        comments_label="Leserkommentare",
        no_comments="Noch keine Kommentare.",
        footer_links=["Impressum", "Datenschutz", "AGB", "Kontakt", "Mediadaten"],
        social="Seguici su Facebook e Instagram",
        copyright="© 2024 Alpenbote Verlags-GmbH",
        subscribe="Abo",
        paywall="Dieser Artikel ist für Sie kostenlos. Mit Alpenbote+ lesen Sie alle Artikel.",
        extra_banner="Alpenbote+ jetzt 4 Wochen gratis testen",
        cls={"article": "artikel", "body": "artikel-text", "deck": "lead", "byline": "autor"},
    ),
}


def _display_date(r: Report, ts: str) -> str:
    y, m, d, hh, mm = _parts(ts)
    if r.lang == "en":
        return f"{month('en', m)} {d}, {y} {hh:02d}:{mm:02d} GMT"
    if r.lang == "fr":
        return f"{d} {month('fr', m)} {y} à {hh:02d}h{mm:02d}"
    return f"{d}. {month('de', m)} {y}, {hh:02d}:{mm:02d} Uhr"


def path_slug(label: str) -> str:
    """URL path segment for a nav label, the way CMSes make them: ASCII, lower case, dashes."""
    ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_label.lower()).strip("-")


def render_html(r: Report, peers: list[Report]) -> tuple[str, list[str]]:
    """One full article page; returns the markup and the visible non-article texts it holds."""
    s = STYLES[r.outlet]
    site = OUTLETS[r.outlet]["name"]
    url = url_of(r)
    cruft: list[str] = []

    def c(text: str) -> str:
        cruft.append(text)
        return E(text)

    others = [o for o in peers if o.title != r.title]
    start = len(r.slug) % len(others) if others else 0
    rel = [others[(start + i) % len(others)] for i in range(min(2, len(others)))]
    img = f"https://img.{r.outlet}/{r.date.replace('-', '/')}/{r.slug}-1200.jpg"
    author = (r.byline or "").replace("By ", "").replace("Par ", "").replace("Von ", "")
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{s.lang}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{E(r.title)} | {E(site)}</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="description" content="{A(r.deck or r.paras[0][:150])}">',
        f'<meta name="author" content="{A(author)}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:site_name" content="{A(site)}">',
        f'<meta property="og:title" content="{A(r.title)}">',
        f'<meta property="og:description" content="{A(r.deck or r.paras[0][:150])}">',
        f'<meta property="og:url" content="{url}">',
        f'<meta property="og:image" content="{img}">',
        f'<meta property="article:published_time" content="{iso(r)}">',
    ]
    if r.updated:
        head.append(f'<meta property="article:modified_time" content="{iso(r, r.updated)}">')
    head += [
        f'<meta property="article:section" content="{A(r.section)}">',
        f'<link rel="canonical" href="{url}">',
        f'<link rel="stylesheet" href="https://static.{r.outlet}/css/site.{len(site) * 977:x}.css">',
        f'<script async src="https://ads.adserve.example/tag.js?site={r.outlet}"></script>',
        "</head>",
    ]
    nav = "".join(f'<li><a href="/{path_slug(n)}/">{c(n)}</a></li>' for n in s.nav)
    out = head + [
        '<body class="page-article">',
        '<div id="consent" class="cookie-banner" role="dialog" aria-live="polite">',
        f"  <p>{c(s.cookie)}</p>",
        f'  <button class="accept">{c(s.cookie_buttons[0])}</button> <button>{c(s.cookie_buttons[1])}</button>',
        "</div>",
        '<header class="site-header">',
        f'  <a class="logo" href="/">{c(site)}</a>',
        f'  <nav class="main-nav" aria-label="Main"><ul>{nav}</ul></nav>',
        f'  <a class="btn-subscribe" href="/abo/">{c(s.subscribe)}</a>',
    ]
    if s.extra_banner:
        out.append(f'  <div class="promo-bar">{c(s.extra_banner)}</div>')
    out += ["</header>", '<main id="content">']
    section_href = f"/{path_slug(r.section)}/"
    if s.breadcrumb:
        home = s.nav[0]
        out.append(
            f'<p class="breadcrumb"><a href="/">{c(home)}</a>{E(s.breadcrumb)}'
            f'<a href="{section_href}">{c(r.section)}</a></p>'
        )
    out += [f'<article class="{s.c("article")}">', '  <header class="article-header">']
    if not s.breadcrumb:
        out.append(f'    <p class="kicker"><a href="{section_href}">{c(r.section)}</a></p>')
    out.append(f'    <h1 class="headline">{E(r.title)}</h1>')
    if r.deck:
        out.append(f'    <p class="{s.c("deck")}">{E(r.deck)}</p>')
    meta = f'    <div class="meta"><span class="{s.c("byline")}">{E(r.byline or "")}</span> '
    meta += f'<time datetime="{iso(r)}">{E(_display_date(r, r.published))}</time>'
    if r.updated:
        label = {"en": "Updated", "fr": "Mis à jour le", "de": "Aktualisiert:"}[s.lang]
        meta += f' <span class="updated">{c(label + " " + _display_date(r, r.updated))}</span>'
    out += [meta + "</div>", "  </header>"]
    if r.caption:
        out += [
            '  <figure class="lead-image">',
            f'    <img src="{img}" alt="{A(r.caption)}" width="1200" height="675">',
            f'    <figcaption>{E(r.caption)} <span class="credit">{E(r.credit or "")}</span></figcaption>',
            "  </figure>",
        ]
    out.append(f'  <div class="{s.c("body")}">')
    for i, para in enumerate(r.paras):
        out.append(f"    <p>{E(para)}</p>")
        if i == 2 and len(r.paras) > 4 and rel:
            items = "".join(f'<li><a href="{url_of(o)}">{c(o.title)}</a></li>' for o in rel)
            out.append(f'    <aside class="related"><h2>{c(s.related_label)}</h2><ul>{items}</ul></aside>')
            out.append(f'    <div class="ad-slot" data-slot="mid-1"><span>{c(s.ad_label)}</span></div>')
    for text, _reason in r.tail:
        out.append(f'    <p class="read-more"><a href="https://meridianpress.example/">{c(text)}</a></p>')
    out += [
        "  </div>",
        f'  <p class="paywall-note">{c(s.paywall)}</p>',
        f'  <div class="share-bar"><span>{c(s.share_label)}</span> '
        '<a href="#" class="fb">Facebook</a> <a href="#" class="x">X</a> <a href="#" class="mail">E-mail</a></div>',
    ]
    cruft += ["Facebook", "X", "E-mail"]
    if r.tags:
        tags = " ".join(f'<a href="/tag/{path_slug(t)}/">{c(t)}</a>' for t in r.tags)
        out.append(f'  <div class="tags"><span>{c(s.topics_label)}</span> {tags}</div>')
    out += [
        "</article>",
        '<section class="newsletter-box">',
        f"  <h2>{c(s.newsletter_title)}</h2>",
        f"  <p>{c(s.newsletter_text)}</p>",
        '  <form action="/newsletter" method="post"><input type="email" name="email" placeholder="E-mail">'
        f"<button>{c(s.newsletter_button)}</button></form>",
        "</section>",
        '<section id="comments" class="comments">',
        f"  <h2>{c(s.comments_label)} ({len(r.comments)})</h2>",
    ]
    if not r.comments:
        out.append(f'  <p class="empty">{c(s.no_comments)}</p>')
    for who, text in r.comments:
        out.append(f'  <div class="comment"><p class="author">{c(who)}</p><p>{c(text)}</p></div>')
    links = " · ".join(f'<a href="/{i}">{c(t)}</a>' for i, t in enumerate(s.footer_links))
    out += [
        "</section>",
        "</main>",
        '<footer class="site-footer">',
        f"  <nav>{links}</nav>",
        f'  <p class="social">{c(s.social)}</p>',
        f"  <p>{c(s.copyright)}</p>",
        "</footer>",
        '<script>window.dataLayer=window.dataLayer||[];dataLayer.push({"pageType":"article"});</script>',
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n", cruft


# -- feed and JSON Lines ------------------------------------------------------------------


def _rfc822(r: Report) -> str:
    import datetime

    y, m, d, hh, mm = _parts(r.published)
    wd = WEEKDAYS_EN[datetime.date(y, m, d).weekday()][:3]
    mon = month("en", m)[:3]
    return f"{wd}, {d:02d} {mon} {y} {hh:02d}:{mm:02d}:00 {OUTLETS[r.outlet]['tz'].replace(':', '')}"


def render_feed(items: list[Report]) -> tuple[str, list[list[str]]]:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
        "<channel>",
        "  <title>Euro Bulletin</title>",
        "  <link>https://eurobulletin.example/</link>",
        '  <atom:link href="https://eurobulletin.example/feed/" rel="self" type="application/rss+xml"/>',
        "  <description>News from across the continent, in English and Spanish</description>",
        "  <language>en</language>",
        f"  <lastBuildDate>{_rfc822(items[-1])}</lastBuildDate>",
        "  <generator>https://wordpress.org/?v=6.4.3</generator>",
    ]
    all_cruft: list[list[str]] = []
    for idx, r in enumerate(items):
        url = url_of(r)
        if r.lang == "es":
            post = f"La entrada {r.title} se publicó primero en Euro Bulletin."
        else:
            post = f"The post {r.title} appeared first on Euro Bulletin."
        share = (
            "Compartir: Facebook · X · WhatsApp" if r.lang == "es" else "Share this: Facebook · X · WhatsApp"
        )
        all_cruft.append([post, share])
        paras = "\n".join(f"<p>{E(p)}</p>" for p in r.paras)
        fig = ""
        if r.caption:
            fig = (
                f'<figure><img src="https://eurobulletin.example/wp-content/uploads/{r.slug}.jpg" alt="">'
                f"<figcaption>{E(r.caption)} {E(r.credit or '')}</figcaption></figure>\n"
            )
        encoded = (
            f"{fig}{paras}\n<p>{E(share)}</p>\n"
            f"<p>{E(post).replace(E(r.title), f'<a href={chr(34)}{url}{chr(34)}>{E(r.title)}</a>', 1)}</p>"
        )
        out += [
            "  <item>",
            f"    <title>{E(r.title)}</title>",
            f"    <link>{url}</link>",
            f"    <dc:creator><![CDATA[{r.byline}]]></dc:creator>",
            f"    <pubDate>{_rfc822(r)}</pubDate>",
            f"    <category><![CDATA[{r.section}]]></category>",
            f'    <guid isPermaLink="false">https://eurobulletin.example/?p={2087 + idx * 13 + len(r.slug)}</guid>',
            f"    <description><![CDATA[{r.deck or r.paras[0]}]]></description>",
            f"    <content:encoded><![CDATA[{encoded}]]></content:encoded>",
            "  </item>",
        ]
    out += ["</channel>", "</rss>"]
    return "\n".join(out) + "\n", all_cruft


def jsonl_record(r: Report) -> tuple[dict[str, Any], Page | None, list[str]]:
    rec: dict[str, Any] = {
        "url": url_of(r),
        "outlet": OUTLETS[r.outlet]["name"],
        "published": iso(r),
        "title": r.title,
    }
    if r.fmt == "jsonl-text":
        p = Page()
        if r.byline:
            p.add(r.byline, "byline")
            p.gap()
        body(p, r, {2: [("Advertisement", "label")]} if len(r.paras) > 4 else {})
        p.cruft("Share this article", "label")
        rec["text"] = p.render().rstrip("\n")
        return rec, p, []
    cr = ["Advertisement", "Share this article", "Read more from The Brightwater Post"]
    parts = [f'<div class="byline">{E(r.byline or "")}</div>']
    if r.caption:
        parts.append(
            f'<figure><img src="/img/{r.slug}.jpg"><figcaption>{E(r.caption)} {E(r.credit or "")}</figcaption></figure>'
        )
    for i, para in enumerate(r.paras):
        parts.append(f"<p>{E(para)}</p>")
        if i == 1:
            parts.append('<div class="ad">Advertisement</div>')
    parts.append(
        '<div class="share">Share this article</div><p><a href="/news/">Read more from The Brightwater Post</a></p>'
    )
    rec["html"] = "<article>" + "".join(parts) + "</article>"
    return rec, None, cr


# -- assembly ---------------------------------------------------------------------------


def doc_gold(r: Report, rel_file: str, item: int | None) -> dict[str, Any]:
    fmt = {"txt": "text", "html": "html", "feed": "feed", "jsonl-text": "jsonl", "jsonl-html": "jsonl"}[r.fmt]
    content_type = "html" if r.fmt in ("html", "feed", "jsonl-html") else "text"
    if r.dateline:
        assert r.paras[0].startswith(r.dateline), (r.slug, r.dateline)
    for f in r.figures:
        assert any(f.surface in p for p in r.paras), (r.slug, f.surface)
    extra = {"updated_at": iso(r, r.updated)} if r.updated else {}
    return {
        "id": rel_file if item is None else f"{rel_file}#{item}",
        "file": rel_file,
        "item": item,
        "format": fmt,
        "content_type": content_type,
        "outlet": r.outlet,
        "url": None if r.fmt == "txt" else url_of(r),
        "lang": r.lang,
        "story": r.story,
        "dup_group": r.dup_group,
        "title": r.title,
        "deck": r.deck,
        "byline": r.byline,
        "dateline": r.dateline,
        "published": r.date,
        "published_at": iso(r),
        "captions": [{"caption": r.caption, "credit": r.credit}] if r.caption else [],
        "paragraphs": list(r.paras),
        "figures": [[f.value, f.surface, f.what] for f in r.figures],
    } | extra


def _manifest_json(manifest: dict[str, Any]) -> str:
    """Readable but small: one line per document, story and duplicate group."""

    def one(v: Any) -> str:
        return json.dumps(v, ensure_ascii=False)

    parts = []
    for key, value in manifest.items():
        if isinstance(value, dict) and key != "description":
            inner = ",\n".join(f"  {one(k)}: {one(v)}" for k, v in value.items())
            parts.append(f"{one(key)}: {{\n{inner}\n }}")
        elif isinstance(value, list):
            inner = ",\n".join(f"  {one(v)}" for v in value)
            parts.append(f"{one(key)}: [\n{inner}\n ]")
        else:
            parts.append(f"{one(key)}: {one(value)}")
    return "{\n " + ",\n ".join(parts) + "\n}\n"


#: Outlets whose CMS turns typewriter quotes into typographic ones (so their copy of a wire
#: story differs from the other republications in exactly that way).
SMART_QUOTES = {"northfieldtribune.example"}


def smart_quotes(text: str) -> str:
    text = re.sub(r"(?<=\w)'", "\u2019", text)
    text = re.sub(r"'(?=\w)", "\u2018", text)
    text = re.sub(r'(^|[\s(\[])"', "\\1\u201c", text)
    return text.replace('"', "\u201d")


def house_style(r: Report) -> Report:
    if r.outlet not in SMART_QUOTES:
        return r
    return replace(
        r,
        title=smart_quotes(r.title),
        deck=smart_quotes(r.deck) if r.deck else None,
        caption=smart_quotes(r.caption) if r.caption else None,
        paras=[smart_quotes(p) for p in r.paras],
        figures=[F(f.what, f.value, smart_quotes(f.surface)) for f in r.figures],
        comments=[(who, smart_quotes(t)) for who, t in r.comments],
    )


def build(out_dir: Path) -> dict[str, Any]:
    from_reports = [house_style(r) for r in REPORTS]
    by_outlet: dict[str, list[Report]] = defaultdict(list)
    for r in from_reports:
        by_outlet[r.outlet].append(r)
    docs: list[dict[str, Any]] = []
    files: dict[str, bytes] = {}
    for outlet, reports in sorted(by_outlet.items()):
        reports.sort(key=lambda x: (x.published, x.slug))
        feed_items = [r for r in reports if r.fmt == "feed"]
        jsonl_items = [r for r in reports if r.fmt.startswith("jsonl")]
        for idx, r in enumerate(reports):
            if r.fmt == "txt":
                page = TXT_RENDERERS[outlet](r, idx, reports)
                rel = f"{outlet}/{file_name(r)}"
                files[rel] = page.render().encode("utf-8")
                g = doc_gold(r, rel, None)
                g.update(page.gold())
                del g["paragraphs"]  # the body is exactly the lines listed in body_lines
                docs.append(g)
            elif r.fmt == "html":
                markup, cruft = render_html(r, reports)
                rel = f"{outlet}/{file_name(r)}"
                files[rel] = markup.encode("utf-8")
                g = doc_gold(r, rel, None)
                g["html_cruft"] = sorted(set(cruft))
                docs.append(g)
        if feed_items:
            rel = f"{outlet}/feed.xml"
            xml, cruft_lists = render_feed(feed_items)
            files[rel] = xml.encode("utf-8")
            for i, (r, cr) in enumerate(zip(feed_items, cruft_lists, strict=True)):
                g = doc_gold(r, rel, i)
                g["html_cruft"] = cr
                docs.append(g)
        if jsonl_items:
            rel = f"{outlet}/export.jsonl"
            lines = []
            for i, r in enumerate(jsonl_items):
                rec, text_page, cr = jsonl_record(r)
                lines.append(json.dumps(rec, ensure_ascii=False))
                g = doc_gold(r, rel, i)
                if text_page is not None:
                    gold = text_page.gold()
                    g["cruft"], g["body_lines"] = gold["cruft"], gold["body_lines"]
                    del g["paragraphs"]
                    if "byline_line" in gold:
                        g["byline_line"] = gold["byline_line"]
                else:
                    g["html_cruft"] = cr
                docs.append(g)
            files[rel] = ("\n".join(lines) + "\n").encode("utf-8")
    chrome: dict[str, list[str]] = {}
    for outlet in sorted({d["outlet"] for d in docs if "html_cruft" in d}):
        sets = [set(d["html_cruft"]) for d in docs if d["outlet"] == outlet and "html_cruft" in d]
        common = set.intersection(*sets) if len(sets) > 1 else set()
        chrome[outlet] = sorted(common)
        for d in docs:
            if d["outlet"] == outlet and "html_cruft" in d:
                d["html_cruft"] = [t for t in d["html_cruft"] if t not in common]
    groups: dict[str, dict[str, Any]] = {}
    for d in docs:
        if d["dup_group"]:
            groups.setdefault(d["dup_group"], {"kind": DUP_KINDS[d["dup_group"]], "members": []})
            groups[d["dup_group"]]["members"].append(d["id"])
    manifest = {
        "description": (
            "Gold labels for the bundled sample corpus. The corpus is hand-written by the newsdesk team "
            "and entirely fictional: outlets, places, people and events do not exist. It is a small "
            "hand-labelled evaluation set: for every document its outlet (the subdirectory), language, "
            "story, title, deck, byline, dateline, publication date, captions with credits, body "
            "paragraphs and the figures it states with their exact wording. Plain-text documents (including "
            "text items of export.jsonl) give 1-based line numbers instead of paragraph texts: of title, deck, "
            "byline and date, of every cruft line (with the reason it must go), of captions and of every body "
            "line (each body line is one paragraph, the first still starting with the dateline). For "
            "HTML documents (pages, feed items, HTML items of export.jsonl) the paragraphs as written and "
            "the visible non-article texts (html_cruft) that must not end up in the body. "
            "Container files (feed.xml, export.jsonl) list one document per item."
        ),
        "version": 1,
        "fields": {
            "cruft": "[line, reason, text] or [line, reason, text, lang] when the line is in another "
            "language than the article; reasons are newsdesk.model.REMOVAL_REASONS",
            "figures": "[value, exact surface text in a paragraph, what the number counts]",
            "captions": "caption text and credit text; line is the 1-based line in plain-text files",
            "html_cruft": "visible texts outside the article body on this page; outlet_chrome[outlet] "
            "lists the texts every page of that outlet carries",
        },
        "outlets": {k: v["name"] for k, v in OUTLETS.items()},
        "stories": STORIES,
        "dup_groups": groups,
        "outlet_chrome": chrome,
        "documents": docs,
    }
    files["MANIFEST.json"] = _manifest_json(manifest).encode("utf-8")
    for rel, data in files.items():
        path = out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return manifest


# -- the reports ------------------------------------------------------------------------

STORIES: dict[str, str] = {}
DUP_KINDS: dict[str, str] = {}
REPORTS: list[Report] = []

STORIES.update(
    {
        "valbrune-dam": "The Valbrune earth dam gives way above Saint-Oriel on 5 March 2024; the death toll "
        "is reported as 41, then 43.",
        "ellery-port-strike": "Indefinite strike by about 1,400 dockers at the Port of Ellery over pay and "
        "crane automation, from 4 March 2024.",
        "corland-rate-cut": "The Bank of Corland cuts its benchmark rate to 4.25% on 7 March 2024 "
        "(a Meridian Press wire story republished by four outlets).",
        "almedo-wildfire": "Out-of-season wildfire in the Sierra de Almedo from 7 March 2024; 4,200 or more "
        "than 5,000 hectares burned, 1,800 people evacuated.",
        "wissenau-recount": "Recount of the Wissenau mayoral runoff on 9 March 2024 confirms Sabine Oettl's "
        "win by 187 votes (212 on election night).",
        "movana-ruling": "Corland's Supreme Court rules 4-1 on 12 March 2024 that Movana ride-hailing "
        "drivers are employees.",
    }
)
DUP_KINDS.update(
    {
        "meridian-corland-rate": "syndication",
        "northfield-valbrune-update": "near",
        "alpenbote-recount-mirror": "exact",
    }
)

# -- story: the Valbrune dam ---------------------------------------------------------------

REPORTS.append(
    Report(
        outlet="courrierdesvallees.example",
        slug="rupture-barrage-valbrune-saint-oriel",
        published="2024-03-05T18:10",
        lang="fr",
        story="valbrune-dam",
        section="Haute-Valbrune",
        fmt="html",
        title="Rupture du barrage de Valbrune : au moins 41 morts à Saint-Oriel",
        deck="Le barrage, construit en 1962, a cédé dans la nuit de lundi à mardi après trois jours de pluies "
        "diluviennes. Douze personnes sont toujours portées disparues.",
        byline="Par Élodie Garnier et Thomas Rivière",
        dateline="SAINT-ORIEL –",
        caption="Des secouristes fouillent les décombres d'une maison emportée par les eaux, mardi matin, "
        "dans le bas de Saint-Oriel.",
        credit="Photo Le Courrier des Vallées / Marc Aubert",
        tags=["Barrage de Valbrune", "Saint-Oriel", "Inondations"],
        paras=[
            "SAINT-ORIEL – Il était 2 h 40, dans la nuit de lundi à mardi, quand la digue du barrage de "
            "Valbrune a cédé. En quelques minutes, une vague de plusieurs mètres a dévalé la vallée et emporté "
            "le bas du village de Saint-Oriel ainsi que le hameau des Fontaines, à six kilomètres en aval.",
            "Mardi soir, la préfecture de la Haute-Valbrune faisait état d'au moins 41 morts et de 12 personnes "
            "disparues. Quelque 2 300 habitants ont été évacués vers les gymnases de Bréval et de Montclair, "
            "où la Croix-Rouge a ouvert des centres d'accueil.",
            "« Le village n'existe plus en bas de l'église », a déclaré le maire de Saint-Oriel, Bernard "
            "Lacombe, la voix brisée, devant la mairie transformée en cellule de crise. « Nous connaissons "
            "chacune des familles. »",
            "Selon le colonel Yves Dutertre, qui commande le service départemental d'incendie et de secours, "
            "près de 600 pompiers, gendarmes et secouristes étaient mobilisés mardi, appuyés par huit "
            "hélicoptères. Il a précisé que les recherches se poursuivraient « toute la nuit, tant qu'il y a "
            "un espoir ».",
            "L'ouvrage en terre, haut de 38 mètres, retenait environ 14 millions de mètres cubes d'eau. "
            "Météo-Vallées avait relevé 180 millimètres de pluie en 72 heures sur le bassin versant, un cumul "
            "qualifié d'« exceptionnel » par le service.",
            "Plusieurs habitants interrogés par Le Courrier affirment avoir signalé des « suintements » au pied "
            "de la digue ces dernières années. La Société des eaux de Valbrune (SEV), qui exploite le barrage, "
            "assure de son côté que « rien, dans la surveillance récente, ne laissait présager une rupture », "
            "selon un communiqué publié mardi matin.",
            "Le parquet de Bréval a ouvert une enquête pour homicides involontaires, a annoncé la procureure "
            "Claire Besson. Le ministre de l'Intérieur, Paul Verdier, est attendu mercredi sur place.",
        ],
        figures=[
            F("people killed", 41, "au moins 41 morts"),
            F("people missing", 12, "12 personnes disparues"),
            F("residents evacuated", 2300, "2 300 habitants"),
            F("rescuers deployed", 600, "600 pompiers"),
            F("dam height in metres", 38, "38 mètres"),
            F("rainfall in millimetres over 72 hours", 180, "180 millimètres"),
        ],
        comments=[
            (
                "Josiane B.",
                "Toutes nos pensées vont aux familles. Mon frère habite aux Fontaines, pas de nouvelles.",
            ),
            ("ValbruneDebout", "On en parlait depuis des années de ces fuites, personne n'a écouté."),
        ],
    )
)

_NF_DAM = [
    "SAINT-ORIEL, March 5 — An earthen dam above the village of Saint-Oriel gave way before dawn on "
    "Tuesday, sending a wall of water through the valley and killing at least 41 people, officials said.",
    "Twelve people were still missing on Tuesday evening, according to the prefecture of Haute-Valbrune, "
    "which said about 2,300 residents had been evacuated from villages downstream of the reservoir.",
    "The Valbrune dam, a 38-metre earth-fill structure built in 1962, failed at around 2:40 a.m. after three "
    "days of heavy rain, regional authorities said. The reservoir held roughly 14 million cubic metres of water.",
    '"I heard a noise like a freight train, and then the water was at the window," said Martine Roux, 67, '
    'who escaped with her husband to the upper floor of their house. "Our neighbours were not so lucky."',
    'Prefect Hélène Marchetti told reporters that the priority was "to find the missing, and to shelter the '
    'living." She declined to speculate on the cause of the collapse.',
    "The dam's operator, the Société des Eaux de Valbrune, said in a statement that its recent monitoring "
    "had shown nothing that pointed to an imminent failure. Prosecutors in Bréval opened a manslaughter "
    "investigation.",
    "Some 600 firefighters, police officers and volunteers were searching the debris, backed by eight "
    "helicopters, the regional fire service said.",
]
_NF_DAM_V2 = [
    _NF_DAM[0]
    .replace("March 5", "March 6")
    .replace(
        "killing at least 41 people, officials said.",
        "killing at least 43 people, including nine children, officials said on Wednesday.",
    ),
    "Ten people were still missing on Wednesday morning, according to the prefecture of Haute-Valbrune, "
    "which said about 2,300 residents had been evacuated from villages downstream of the reservoir.",
    _NF_DAM[2],
    _NF_DAM[3],
    _NF_DAM[4],
    _NF_DAM[5],
    "An inspection report commissioned by the operator in 2019, seen by The Northfield Tribune, noted "
    '"persistent seepage at the downstream toe" of the embankment and recommended closer monitoring. The '
    "company did not respond to questions about whether the recommendations were carried out.",
    _NF_DAM[6].replace("Some 600", "More than 600"),
]
REPORTS += [
    Report(
        outlet="northfieldtribune.example",
        slug="valbrune-dam-collapse",
        published="2024-03-05T16:05",
        lang="en",
        story="valbrune-dam",
        section="World",
        fmt="html",
        dup_group="northfield-valbrune-update",
        title="At least 41 dead as Valbrune dam bursts after days of rain",
        deck="Rescuers search flattened homes in Saint-Oriel; a dozen people are still missing",
        byline="By Hannah Kerr",
        dateline="SAINT-ORIEL, March 5 —",
        caption="Rescue workers search a destroyed house in the lower part of Saint-Oriel on Tuesday.",
        credit="Luc Ferrand/ACP",
        tags=["Floods", "Dams"],
        paras=_NF_DAM,
        figures=[
            F("people killed", 41, "at least 41 people"),
            F("people missing", 12, "Twelve people were still missing"),
            F("residents evacuated", 2300, "2,300 residents"),
            F("rescuers deployed", 600, "Some 600 firefighters"),
        ],
        comments=[("m_okafor", "Heartbreaking. Who signed off on the last inspection?")],
    ),
    Report(
        outlet="northfieldtribune.example",
        slug="valbrune-dam-collapse-death-toll-rises",
        published="2024-03-06T11:30",
        updated="2024-03-06T13:05",
        lang="en",
        story="valbrune-dam",
        section="World",
        fmt="html",
        dup_group="northfield-valbrune-update",
        title="At least 43 dead as Valbrune dam bursts after days of rain",
        deck="Rescuers search flattened homes in Saint-Oriel; ten people are still missing",
        byline="By Hannah Kerr",
        dateline="SAINT-ORIEL, March 6 —",
        caption="Rescue workers search a destroyed house in the lower part of Saint-Oriel on Tuesday.",
        credit="Luc Ferrand/ACP",
        tags=["Floods", "Dams"],
        paras=_NF_DAM_V2,
        figures=[
            F("people killed", 43, "at least 43 people"),
            F("children killed", 9, "nine children"),
            F("people missing", 10, "Ten people were still missing"),
            F("residents evacuated", 2300, "2,300 residents"),
            F("rescuers deployed", 600, "More than 600 firefighters"),
        ],
        comments=[
            ("m_okafor", "Heartbreaking. Who signed off on the last inspection?"),
            ("J. Alvarez", "That 2019 report should be published in full."),
        ],
    ),
]

REPORTS.append(
    Report(
        outlet="harbourgazette.example",
        slug="ellery-divers-valbrune-dam",
        published="2024-03-05T20:15",
        lang="en",
        story="valbrune-dam",
        section="News",
        title="Ellery rescue divers fly out as Valbrune dam toll reaches 41",
        deck="Specialist search team among 25 volunteers sent by the Corland government",
        byline="By Tom Pryce",
        caption="Members of Ellery Coastal Search and Rescue load equipment at the harbour on Tuesday.",
        credit="Photo: Ian Morrow",
        tags=["Valbrune dam", "Ellery Coastal Search and Rescue"],
        paras=[
            "A team of specialist rescue divers from Ellery will fly out tonight to help search for survivors of "
            "the Valbrune dam collapse, which has killed at least 41 people, according to Meridian Press.",
            "The earth dam above the village of Saint-Oriel burst at around 2.40am local time on Tuesday after "
            "days of torrential rain, sending a torrent through the valley below. Twelve people are still "
            "missing, the agency reported, citing the regional prefecture.",
            "The eight-strong team from Ellery Coastal Search and Rescue is part of a group of 25 volunteers "
            "being sent by the Corland government at the request of the Valbrune authorities.",
            'Team leader Gareth Morgan said his divers were used to "cold, fast water and poor visibility", '
            'adding: "We hope we are going to find people alive. That is the only thing anyone is thinking '
            'about."',
            'Foreign Secretary Alison Reid said Corland stood "shoulder to shoulder" with the people of the '
            "valley and that further help would be offered if needed.",
            "Ellery has long ties to the region: the town has been twinned with Bréval, 20 kilometres from "
            "the dam, since 1974. A book of condolence will open at the Guildhall tomorrow morning, the "
            "council said.",
        ],
        figures=[
            F("people killed", 41, "at least 41 people"),
            F("people missing", 12, "Twelve people are still"),
            F("volunteers sent by Corland", 25, "25 volunteers"),
        ],
    )
)

REPORTS.append(
    Report(
        outlet="lavigie-quotidien.example",
        slug="barrage-valbrune-bilan-43-morts",
        published="2024-03-06T07:45",
        updated="2024-03-06T10:12",
        lang="fr",
        story="valbrune-dam",
        section="France & Monde",
        title="Barrage de Valbrune : le bilan s'alourdit à 43 morts, dont neuf enfants",
        deck="Un rapport d'inspection de 2019 signalait déjà des infiltrations au pied de l'ouvrage. "
        "L'exploitant est sous le feu des critiques.",
        byline="Par Sophie Delmas, avec ACP",
        dateline="BRÉVAL (ACP) –",
        caption="Le ministre de l'Intérieur, Paul Verdier, mercredi à Saint-Oriel, au milieu des décombres.",
        credit="PHOTO ACP / LUC FERRAND",
        paras=[
            "BRÉVAL (ACP) – Le bilan de la rupture du barrage de Valbrune s'est encore alourdi mercredi : "
            "43 personnes ont trouvé la mort, dont neuf enfants, a annoncé la préfète de la Haute-Valbrune, "
            "Hélène Marchetti. Dix personnes restent portées disparues.",
            "Les corps de deux habitants du hameau des Fontaines ont été retrouvés dans la nuit, à près de "
            "quatre kilomètres de leur maison, selon les pompiers.",
            "« Chaque heure qui passe réduit les chances de retrouver des survivants, mais nous ne renonçons "
            "pas », a déclaré le colonel Yves Dutertre lors d'un point presse à Bréval.",
            "Selon un rapport d'inspection réalisé en 2019 et consulté par l'Agence continentale de presse, des "
            "« infiltrations persistantes » avaient été relevées au pied de la digue. Le document recommandait "
            "« un suivi renforcé » de l'ouvrage.",
            "Interrogé mardi, le directeur de la Société des eaux de Valbrune, Gérard Poulain, a affirmé que "
            "l'entreprise avait « appliqué toutes les recommandations ». Des associations de riverains "
            "dénoncent pour leur part un « scandale annoncé ».",
            "Le ministre de l'Intérieur, Paul Verdier, qui s'est rendu mercredi matin à Saint-Oriel, a promis "
            "que « toute la lumière sera faite » et a annoncé l'inspection de l'ensemble des barrages en terre "
            "du pays construits avant 1970.",
        ],
        figures=[
            F("people killed", 43, "43 personnes ont trouvé la mort"),
            F("children killed", 9, "neuf enfants"),
            F("people missing", 10, "Dix personnes restent portées disparues"),
        ],
    )
)

REPORTS.append(
    Report(
        outlet="abendkurier.example",
        slug="dammbruch-valbrune-43-tote",
        published="2024-03-06T11:20",
        lang="de",
        story="valbrune-dam",
        section="Welt",
        title="Todesflut im Valbrune-Tal: Mindestens 43 Tote nach Dammbruch",
        deck="Nach dem Bruch des Staudamms suchen Hunderte Helfer nach Vermissten. Der Betreiber gerät "
        "unter Druck.",
        byline="Von Jonas Weidinger",
        dateline="Saint-Oriel (npa) –",
        caption="Rettungskräfte suchen in den Trümmern von Saint-Oriel nach Vermissten.",
        credit="Foto: npa/Luc Ferrand",
        paras=[
            "Saint-Oriel (npa) – Nach dem Bruch des Valbrune-Staudamms ist die Zahl der Toten auf mindestens 43 "
            "gestiegen. Unter den Opfern seien neun Kinder, teilte die Präfektur am Mittwoch mit. Zehn Menschen "
            "gelten weiter als vermisst.",
            "Der 1962 errichtete Erddamm war in der Nacht zum Dienstag gegen 2.40 Uhr gebrochen. Eine mehrere "
            "Meter hohe Flutwelle riss im unteren Teil des Dorfes Saint-Oriel Häuser, Autos und eine Brücke "
            "mit sich. Rund 2500 Menschen mussten nach Angaben der Rettungskräfte ihre Häuser verlassen.",
            "„Wir haben so etwas noch nie gesehen“, sagte Feuerwehrkommandant Yves Dutertre. Mehr als 600 "
            "Einsatzkräfte seien vor Ort, unterstützt von acht Hubschraubern.",
            "Schwere Vorwürfe richten sich gegen die Betreibergesellschaft Société des Eaux de Valbrune. Ein "
            "Prüfbericht aus dem Jahr 2019 hatte nach Informationen der Nachrichtenagentur ACP bereits "
            "Sickerwasser am Fuß des Damms festgestellt. Der Betreiber erklärte, er habe alle Empfehlungen "
            "umgesetzt.",
            "Die Wasserbauexpertin Anja Keller von der Technischen Universität Brenz sagte dem Abendkurier, "
            "Erddämme dieses Alters seien bei extremen Niederschlägen besonders gefährdet. „Wenn Wasser einmal "
            "durch den Damm sickert, kann es innerhalb von Stunden zum Versagen kommen“, so Keller.",
            "Die Staatsanwaltschaft in Bréval ermittelt wegen fahrlässiger Tötung. Innenminister Paul Verdier "
            "kündigte an, alle vor 1970 gebauten Erddämme des Landes überprüfen zu lassen.",
        ],
        figures=[
            F("people killed", 43, "mindestens 43"),
            F("children killed", 9, "neun Kinder"),
            F("people missing", 10, "Zehn Menschen"),
            F("residents evacuated", 2500, "Rund 2500 Menschen"),
            F("rescuers deployed", 600, "Mehr als 600"),
        ],
    )
)

# -- story: the Ellery port strike ---------------------------------------------------------

REPORTS += [
    Report(
        outlet="harbourgazette.example",
        slug="dockers-walk-out-port-of-ellery",
        published="2024-03-05T07:30",
        lang="en",
        story="ellery-port-strike",
        section="Port & Shipping",
        title="Dockers walk out as talks on pay and automation collapse",
        deck="Ships queue off the breakwater on the first full day of an indefinite strike at the Port of Ellery",
        byline="By Siobhan Kell, Port Reporter",
        caption="Striking dockers on the picket line at Gate 4 on Monday morning.",
        credit="Photo: Ian Morrow",
        tags=["Port of Ellery", "Strikes"],
        paras=[
            "Around 1,400 dockers at the Port of Ellery walked off the job at 6am yesterday, bringing container "
            "handling to a standstill on the first day of an indefinite strike over pay and the planned "
            "automation of the North Quay terminal.",
            "By this morning 23 ships were waiting at anchor beyond the breakwater, according to the harbour "
            "master's office, and lorries that would normally collect containers were parked up along Dock Road.",
            "The Ellery Dock and Harbour Workers' Union is demanding a 9 per cent pay rise. The Ellery Port "
            "Authority has offered 4.5 per cent, which the union says falls well short of the rise in the cost "
            "of living over the last two years.",
            '"Our members kept this port open through the pandemic and the storms of last winter," said Maureen '
            "Callaghan, the union's general secretary, on the picket line at Gate 4. \"Now they are being told "
            'a robot will do their job. They are not going to accept that quietly."',
            "The authority wants to introduce remote-controlled cranes at North Quay from next year. The union "
            'estimates that up to 300 jobs would go; the port says the number would be "far lower" and that no '
            "one would be made compulsorily redundant.",
            'Richard Hale, chief executive of the Ellery Port Authority, said the offer was "fair and '
            'affordable" and urged the union to return to talks. "Every day this goes on, cargo that should come '
            'through Ellery goes somewhere else, and some of it will not come back," he said.',
            "Ellery handles about 38 per cent of Corland's container traffic. Talks are expected to resume on "
            "Thursday at the offices of the conciliation service.",
        ],
        figures=[
            F("dockers on strike", 1400, "Around 1,400 dockers"),
            F("ships waiting at anchor", 23, "23 ships"),
            F("pay rise demanded, percent", 9, "9 per cent"),
            F("pay rise offered, percent", 4.5, "4.5 per cent"),
            F("jobs at risk from automation", 300, "up to 300 jobs"),
            F("share of Corland container traffic, percent", 38, "38 per cent"),
        ],
    ),
    Report(
        outlet="harbourgazette.example",
        slug="dockers-vote-to-stay-out",
        published="2024-03-11T06:45",
        lang="en",
        story="ellery-port-strike",
        section="Port & Shipping",
        title="Dockers vote to stay out as strike enters second week",
        deck="Union says 91 per cent backed continuing action; port warns of lasting damage",
        byline="By Siobhan Kell, Port Reporter",
        tags=["Port of Ellery", "Strikes"],
        paras=[
            "Dockers at the Port of Ellery have voted overwhelmingly to continue their strike, which enters its "
            "second week today with no sign of a settlement.",
            "The Ellery Dock and Harbour Workers' Union said 91 per cent of members who took part in Saturday's "
            "ballot backed staying out, on a turnout of 78 per cent. Talks at the conciliation service broke up "
            "on Thursday evening after eight hours.",
            "The port authority said 31 vessels were now waiting to berth or had been diverted, and that two "
            "shipping lines had told customers they would route Ellery cargo through the northern ports until "
            "further notice.",
            "Maureen Callaghan, the union's general secretary, told a rally on Dock Road that members were "
            '"not asking for the moon". She said the union would accept independent arbitration on pay if the '
            "port agreed to pause the automation plan.",
            'A spokesperson for the Ellery Port Authority said it would "not hand a veto over investment to any '
            "single group\", but confirmed that it had received the union's proposal and was studying it.",
            "Local businesses are starting to feel the effects. Dev Patel, who runs a café opposite the "
            'container gate, said takings had halved since last Monday. "I support them, I really do," he said. '
            '"But I don\'t know how long I can keep going like this."',
            "The strike is the first all-out stoppage at the port since 1989.",
        ],
        figures=[
            F("members backing continued strike, percent", 91, "91 per cent"),
            F("ballot turnout, percent", 78, "78 per cent"),
            F("vessels waiting or diverted", 31, "31 vessels"),
        ],
    ),
    Report(
        outlet="marketsdispatch.example",
        slug="ellery-strike-supply-chains",
        published="2024-03-06T17:20",
        lang="en",
        story="ellery-port-strike",
        section="Transport",
        title="Ellery strike snarls supply chains as militant union digs in",
        deck="Port stoppage is costing the economy an estimated 45 million crowns a day, shipping chamber says",
        byline="By Oliver Grant, Transport Correspondent",
        caption="Container ships at anchor off Ellery on Tuesday.",
        credit="Meridian Press",
        tags=["Port of Ellery", "Shipping", "Labour"],
        paras=[
            "A hardline dockers' union has shut the Port of Ellery for a third day, leaving retailers and "
            "manufacturers scrambling to reroute cargo and pushing freight rates on Corland routes to their "
            "highest level since 2021.",
            "The stoppage is costing the economy about 45 million crowns a day, according to an estimate by the "
            "Corland Chamber of Shipping, which urged the government to intervene.",
            "About 1,400 workers are on strike, demanding a 9% pay rise and a halt to the port's plan to install "
            "remote-operated cranes. The Ellery Port Authority has offered 4.5%.",
            "\"The union is holding the country's main gateway hostage over a technology every competing port "
            'already uses," said Fiona Marsh, director-general of the chamber. She said members had reported '
            'containers of perishable goods "rotting on the quay".',
            "Spot rates for a 40-foot container from northern Europe to Ellery jumped 18% on Tuesday, according "
            "to the freight index compiled by Baltline Analytics.",
            "Shares in Harwood Logistics, which operates warehouses next to the port, fell 3.2% on Tuesday. "
            "Halden & Co, the department-store group, said it had moved some shipments to the northern port "
            "of Kestrel Bay.",
            "Analysts at Stellwater Capital said a strike lasting more than two weeks could shave 0.1 percentage "
            "points off first-quarter growth.",
        ],
        figures=[
            F("daily cost to the economy, crowns", 45_000_000, "45 million crowns a day"),
            F("workers on strike", 1400, "About 1,400 workers"),
            F("pay rise demanded, percent", 9, "9% pay rise"),
            F("rise in container spot rates, percent", 18, "jumped 18%"),
            F("fall in Harwood Logistics shares, percent", 3.2, "fell 3.2%"),
        ],
    ),
    Report(
        outlet="abendkurier.example",
        slug="hafenstreik-ellery-exporteure",
        published="2024-03-07T16:05",
        lang="de",
        story="ellery-port-strike",
        section="Wirtschaft",
        title="Hafenstreik in Ellery: Exporteure aus der Region bangen um Lieferungen",
        deck="Seit Montag steht der wichtigste Containerhafen Corlands still. Betroffen sind auch "
        "Maschinenbauer aus dem Wissenauer Land.",
        byline="Von Katrin Albers",
        caption="Containerschiffe warten vor dem Hafen von Ellery auf ihre Abfertigung.",
        credit="Foto: Meridian Press",
        paras=[
            "Im Hafen von Ellery geht seit Montag nichts mehr: Rund 1500 Hafenarbeiter haben die Arbeit "
            "niedergelegt, Dutzende Schiffe warten vor der Küste auf Abfertigung. Die Folgen des unbefristeten "
            "Streiks spüren inzwischen auch Unternehmen in unserer Region.",
            "„Wir haben drei Container mit Ersatzteilen, die seit Dienstag auf einem Schiff vor Ellery liegen“, "
            "sagte Petra Lindner, Geschäftsführerin des Wissenauer Maschinenbauers Lindner Antriebstechnik. "
            "Kunden in Corland warteten dringend auf die Teile.",
            "Die Gewerkschaft der Hafenarbeiter fordert neun Prozent mehr Lohn und wehrt sich gegen den Einsatz "
            "ferngesteuerter Kräne. Die Hafenbehörde bietet 4,5 Prozent. Nach Angaben der Gewerkschaft könnten "
            "durch die Automatisierung bis zu 300 Stellen wegfallen.",
            "Über Ellery laufen nach Angaben der Hafenbehörde etwa 38 Prozent des Containerverkehrs Corlands. "
            "Für die Exportwirtschaft der Region ist das Land ein wichtiger Absatzmarkt: Im vergangenen Jahr "
            "lieferten Firmen aus dem Kammerbezirk Waren im Wert von rund 410 Millionen Euro dorthin, wie die "
            "Industrie- und Handelskammer Wissenau mitteilte.",
            "Die Kammer rät betroffenen Unternehmen, ihre Lieferungen vorerst über andere Häfen umzuleiten. "
            "„Das kostet Zeit und Geld, aber es ist besser als Stillstand“, sagte Kammer-Hauptgeschäftsführer "
            "Thomas Reuter.",
            "Die Gespräche zwischen Gewerkschaft und Hafenbehörde wurden am Donnerstag fortgesetzt. Ein Ergebnis "
            "lag bis zum Nachmittag nicht vor.",
        ],
        figures=[
            F("dockers on strike", 1500, "Rund 1500 Hafenarbeiter"),
            F("pay rise demanded, percent", 9, "neun Prozent"),
            F("pay rise offered, percent", 4.5, "4,5 Prozent"),
            F("jobs at risk from automation", 300, "bis zu 300 Stellen"),
            F("regional exports to Corland last year, euros", 410_000_000, "410 Millionen Euro"),
        ],
    ),
    Report(
        outlet="eurobulletin.example",
        slug="huelga-puerto-ellery-quinta-jornada",
        published="2024-03-08T19:40",
        lang="es",
        story="ellery-port-strike",
        section="Economía",
        fmt="feed",
        title="Quinta jornada de huelga en el puerto de Ellery, el mayor de Corland",
        deck="Unos 1.400 estibadores reclaman una subida salarial del 9 % y frenar la automatización de una "
        "terminal.",
        byline="Lucía Ferrer",
        dateline="ELLERY, 8 de marzo –",
        paras=[
            "ELLERY, 8 de marzo – La huelga indefinida de los estibadores del puerto de Ellery cumplió este "
            "viernes su quinto día sin avances en la negociación, con 27 buques fondeados a la espera de atraque, "
            "según la autoridad portuaria.",
            "Unos 1.400 trabajadores secundan el paro convocado por el sindicato de estibadores de Ellery, que "
            "exige una subida salarial del 9 % frente al 4,5 % ofrecido por la empresa.",
            "El otro gran punto de conflicto es el plan para instalar grúas teledirigidas en la terminal Norte, "
            "que según el sindicato podría suprimir hasta 300 empleos. «No vamos a aceptar que un robot ocupe el "
            "lugar de nuestros compañeros», declaró su secretaria general, Maureen Callaghan.",
            "La Cámara de Navegación de Corland calcula que el conflicto cuesta a la economía unos 45 millones "
            "de coronas diarias. Las conversaciones del jueves terminaron sin acuerdo tras ocho horas de reunión.",
            "Ellery mueve alrededor del 38 % del tráfico de contenedores del país.",
        ],
        figures=[
            F("ships waiting at anchor", 27, "27 buques"),
            F("dockers on strike", 1400, "Unos 1.400 trabajadores"),
            F("jobs at risk from automation", 300, "hasta 300 empleos"),
            F("daily cost to the economy, crowns", 45_000_000, "45 millones de coronas"),
        ],
    ),
]

# -- story: the Bank of Corland rate cut (Meridian Press wire) --------------------------------

WIRE = [
    "CASTELBROOK, March 7 (Meridian Press) - The Bank of Corland cut its benchmark interest rate for the first "
    "time in four years on Thursday, lowering it by a quarter of a percentage point to 4.25% as inflation "
    "cooled faster than policymakers had expected.",
    "The Monetary Policy Committee voted 5-2 for the cut, with two members preferring to hold the rate at "
    "4.50%, the central bank said in a statement.",
    "Annual consumer price inflation fell to 2.8% in February from 3.4% in January, official figures showed "
    "last week, bringing it within sight of the bank's 2% target for the first time since 2021.",
    '"We are not declaring victory over inflation, but the balance of risks has shifted," Governor Eleanor '
    'Voss told a news conference. She said future decisions would be taken "meeting by meeting" and that '
    "markets should not assume a rapid series of cuts.",
    "The Corland crown fell 0.6% against the euro after the announcement, while the yield on two-year "
    "government bonds dropped 11 basis points to 3.92%.",
    "Economists polled by Meridian Press last week had been split, with 14 of 25 expecting a cut. Priya Raman, "
    'chief economist at Stellwater Capital, called the move "a cautious first step" and said she expected two '
    "more reductions this year.",
    "The decision comes as the government faces pressure from business groups over weak growth. The economy "
    "expanded by 0.1% in the fourth quarter, narrowly avoiding a recession.",
    "(Reporting by Daniel Okafor; Editing by Lena Fischer)",
]
WIRE_DATELINE = "CASTELBROOK, March 7 (Meridian Press) -"
WIRE_FIGURES = [
    F("new benchmark rate, percent", 4.25, "to 4.25%"),
    F("February inflation, percent", 2.8, "2.8% in February"),
    F("January inflation, percent", 3.4, "3.4% in January"),
]
REPORTS += [
    Report(
        outlet="harbourgazette.example",
        slug="bank-of-corland-cuts-rates",
        published="2024-03-07T14:10",
        lang="en",
        story="corland-rate-cut",
        section="Business",
        dup_group="meridian-corland-rate",
        title="Bank of Corland cuts interest rates for first time in four years",
        deck="Mortgage holders in line for relief as the benchmark rate falls to 4.25%",
        byline="By Meridian Press",
        dateline=WIRE_DATELINE,
        tags=["Interest rates", "Bank of Corland"],
        paras=WIRE[:7],
        tail=[("This article was provided by Meridian Press.", "boilerplate")],
        figures=WIRE_FIGURES,
    ),
    Report(
        outlet="marketsdispatch.example",
        slug="voss-blinks-bank-of-corland-trims-rate",
        published="2024-03-07T13:30",
        lang="en",
        story="corland-rate-cut",
        section="Economy",
        dup_group="meridian-corland-rate",
        title="Voss blinks: Bank of Corland trims rate to 4.25%",
        deck="The first cut since 2020 was well flagged, but the split vote tells the real story",
        byline="By Meridian Press, with Markets Dispatch staff",
        tags=["Central banks", "Interest rates", "Corland crown"],
        paras=[
            "Our take: Thursday's cut was priced in, but a 5-2 vote shows the committee is far from united. "
            "Expect the crown to stay under pressure. The full Meridian Press report follows.",
            *WIRE,
        ],
        figures=WIRE_FIGURES,
    ),
    Report(
        outlet="northfieldtribune.example",
        slug="central-bank-lowers-rates-inflation-eases",
        published="2024-03-07T15:00",
        lang="en",
        story="corland-rate-cut",
        section="Business",
        fmt="html",
        dup_group="meridian-corland-rate",
        title="Central bank lowers rates as inflation eases",
        deck="Bank of Corland makes its first cut since 2020",
        byline="Meridian Press",
        dateline=WIRE_DATELINE,
        tags=["Economy", "Interest rates"],
        paras=WIRE[:4],
        tail=[("Read the full story at Meridian Press", "label")],
        figures=WIRE_FIGURES,
    ),
    Report(
        outlet="brightwaterpost.example",
        slug="bank-of-corland-rate-cut",
        published="2024-03-07T13:05",
        lang="en",
        story="corland-rate-cut",
        section="Business",
        fmt="jsonl-text",
        dup_group="meridian-corland-rate",
        title="Bank of Corland cuts rate to 4.25%, first reduction in four years",
        byline="By Meridian Press",
        dateline=WIRE_DATELINE,
        paras=list(WIRE),
        figures=WIRE_FIGURES,
    ),
    Report(
        outlet="lavigie-quotidien.example",
        slug="banque-de-corland-baisse-taux",
        published="2024-03-08T06:30",
        lang="fr",
        story="corland-rate-cut",
        section="Économie",
        title="La Banque de Corland baisse ses taux pour la première fois depuis quatre ans",
        deck="Le taux directeur passe de 4,50 % à 4,25 %. Une décision attendue par les marchés, mais prise à "
        "l'issue d'un vote serré.",
        byline="Par Antoine Morel",
        paras=[
            "La Banque de Corland a abaissé jeudi son principal taux directeur d'un quart de point, à 4,25 %, "
            "une première depuis 2020, a rapporté l'agence Meridian Press.",
            "Le comité de politique monétaire s'est prononcé par cinq voix contre deux. L'inflation annuelle est "
            "retombée à 2,8 % en février, contre 3,4 % en janvier.",
            "« Nous ne crions pas victoire face à l'inflation, mais l'équilibre des risques a changé », a "
            "déclaré la gouverneure, Eleanor Voss, lors d'une conférence de presse à Castelbrook.",
            "La gouverneure a toutefois prévenu que les prochaines décisions seraient prises « réunion par "
            "réunion », refroidissant les espoirs d'une série de baisses rapides.",
            "Pour les entreprises exportatrices de la région, la décision a un effet immédiat : la couronne de "
            "Corland a reculé d'environ 0,6 % face à l'euro dans la foulée de l'annonce, ce qui renchérit "
            "mécaniquement les produits vendus sur ce marché.",
            "« C'est plutôt une mauvaise nouvelle pour nos adhérents qui exportent vers Corland », estime "
            "Nathalie Brun, économiste à la chambre de commerce régionale, qui dit craindre « un été "
            "difficile » pour les fromagers et les fabricants de machines.",
        ],
        figures=[
            F("new benchmark rate, percent", 4.25, "à 4,25 %"),
            F("February inflation, percent", 2.8, "2,8 % en février"),
            F("fall of the crown against the euro, percent", 0.6, "0,6 %"),
        ],
    ),
    Report(
        outlet="abendkurier.example",
        slug="notenbank-corland-senkt-leitzins",
        published="2024-03-08T09:00",
        lang="de",
        story="corland-rate-cut",
        section="Wirtschaft",
        title="Notenbank in Corland senkt erstmals seit 2020 den Leitzins",
        deck="Die Zentralbank reagiert auf die sinkende Inflation. Für hiesige Exporteure ist das nicht nur "
        "eine gute Nachricht.",
        byline="Von Markus Feld",
        dateline="Castelbrook/Wissenau –",
        paras=[
            "Castelbrook/Wissenau – Die Bank of Corland hat ihren Leitzins zum ersten Mal seit vier Jahren "
            "gesenkt. Er liegt nun bei 4,25 Prozent statt bei 4,5 Prozent, wie die Notenbank am Donnerstag "
            "mitteilte.",
            "Im geldpolitischen Ausschuss stimmten fünf Mitglieder für die Senkung, zwei wollten den Zins "
            "unverändert lassen. Die Inflationsrate in Corland war im Februar auf 2,8 Prozent gefallen.",
            "„Wir erklären nicht den Sieg über die Inflation“, sagte Notenbankchefin Eleanor Voss nach Angaben "
            "der Nachrichtenagentur Meridian Press. Weitere Schritte würden von Sitzung zu Sitzung entschieden.",
            "Die Währung Corlands, die Krone, gab nach der Entscheidung leicht nach. Das verteuert Waren aus dem "
            "Euroraum für Kunden in Corland – für exportorientierte Firmen im Wissenauer Land, die ohnehin unter "
            "dem Hafenstreik in Ellery leiden, ein weiterer Dämpfer.",
            "Ökonomen rechnen mit weiteren Zinssenkungen im Laufe des Jahres. Die Chefvolkswirtin der "
            "Investmentbank Stellwater Capital, Priya Raman, sprach von einem „vorsichtigen ersten Schritt“.",
        ],
        figures=[
            F("new benchmark rate, percent", 4.25, "4,25 Prozent"),
            F("February inflation, percent", 2.8, "2,8 Prozent"),
        ],
    ),
]

# -- story: the Sierra de Almedo wildfire ----------------------------------------------------

REPORTS += [
    Report(
        outlet="northfieldtribune.example",
        slug="almedo-wildfire-evacuations",
        published="2024-03-09T17:20",
        lang="en",
        story="almedo-wildfire",
        section="Climate",
        fmt="html",
        title="Wildfire forces 1,800 from their homes in the Sierra de Almedo",
        deck="Unseasonal blaze has burned 4,200 hectares as drought grips the region",
        byline="By Hannah Kerr and Luis Romero",
        dateline="SAN LORENZO DE ALMEDO, March 9 —",
        caption="Smoke rises over the hills near San Lorenzo de Almedo on Friday.",
        credit="Luis Romero/The Northfield Tribune",
        tags=["Wildfires", "Drought"],
        paras=[
            "SAN LORENZO DE ALMEDO, March 9 — Firefighters battled for a third day on Saturday to contain a "
            "wildfire in the Sierra de Almedo that has forced some 1,800 people from their homes and burned "
            "4,200 hectares of pine forest and scrub, regional authorities said.",
            "The fire broke out on Thursday afternoon near the village of San Lorenzo de Almedo and was driven "
            "north by gusts of up to 70 km/h. Residents of four villages were evacuated overnight to a sports "
            "hall in the provincial capital.",
            '"It is March. We have never had to fight a fire like this in March," said Carmen Ruiz Ortega, the '
            "regional director of emergencies. About 600 firefighters and 14 aircraft were deployed, she said.",
            "Two firefighters were treated for smoke inhalation. No other injuries had been reported by "
            "Saturday evening.",
            "The region has had 60 percent less rain than usual since October, according to the national "
            "weather service, leaving vegetation unusually dry for the time of year.",
            "Investigators have not determined the cause of the fire. Regional police said they were questioning "
            "a 54-year-old man in connection with the blaze but had not charged him.",
            'Manuel Ibáñez, a 72-year-old farmer from Peñalba, said he had left his goats behind. "I opened the '
            'gates and told them to run," he said. "What else could I do?"',
        ],
        figures=[
            F("people evacuated", 1800, "some 1,800 people"),
            F("hectares burned (regional government)", 4200, "4,200 hectares"),
            F("firefighters deployed", 600, "About 600 firefighters"),
            F("aircraft deployed", 14, "14 aircraft"),
            F("firefighters treated for smoke inhalation", 2, "Two firefighters"),
            F("rainfall deficit since October, percent", 60, "60 percent less rain"),
        ],
        comments=[("coastwatcher", "Fires in March. Let that sink in.")],
    ),
    Report(
        outlet="lavigie-quotidien.example",
        slug="incendie-sierra-almedo-evacuations",
        published="2024-03-09T19:05",
        lang="fr",
        story="almedo-wildfire",
        section="France & Monde",
        title="Incendie dans la sierra de Almedo : 1 800 personnes évacuées",
        deck="Attisé par des vents violents, le feu a déjà parcouru plus de 4 000 hectares.",
        byline="Par la rédaction, avec ACP",
        dateline="SAN LORENZO DE ALMEDO (ACP) –",
        caption="Des pompiers luttent contre les flammes près de San Lorenzo de Almedo, vendredi.",
        credit="PHOTO ACP / ANA VIDAL",
        paras=[
            "SAN LORENZO DE ALMEDO (ACP) – Un violent incendie ravage depuis jeudi la sierra de Almedo, où "
            "quelque 1 800 habitants de quatre villages ont dû être évacués, ont indiqué samedi les autorités "
            "régionales.",
            "Selon le gouvernement régional, 4 200 hectares de pinèdes et de garrigue étaient partis en fumée "
            "samedi en fin de journée. Le service européen de surveillance par satellite EuroFire Watch avance "
            "pour sa part une estimation supérieure à 5 000 hectares.",
            "Environ 600 pompiers et 14 avions et hélicoptères bombardiers d'eau sont mobilisés. Deux pompiers "
            "ont été légèrement intoxiqués par les fumées.",
            "« Nous n'avons jamais dû combattre un feu pareil au mois de mars », a déclaré Carmen Ruiz Ortega, "
            "directrice régionale des secours, qui a évoqué une sécheresse hivernale « sans précédent ».",
            "Un homme de 54 ans a été interpellé et était entendu samedi par la police régionale, selon "
            "plusieurs médias locaux. Les enquêteurs n'excluent aucune piste, y compris celle d'un acte "
            "criminel.",
        ],
        figures=[
            F("people evacuated", 1800, "1 800 habitants"),
            F("hectares burned (regional government)", 4200, "4 200 hectares"),
            F("hectares burned (satellite estimate)", 5000, "5 000 hectares"),
            F("firefighters deployed", 600, "Environ 600 pompiers"),
        ],
    ),
    Report(
        outlet="courrierdesvallees.example",
        slug="sierra-almedo-incendie-hors-saison",
        published="2024-03-10T08:00",
        lang="fr",
        story="almedo-wildfire",
        section="Monde",
        fmt="html",
        title="Sierra de Almedo : un incendie hors saison qui inquiète les forestiers",
        deck="Plus de 5 000 hectares brûlés selon les images satellites, 1 800 évacués : le feu de la sierra "
        "de Almedo relance le débat sur les « saisons » d'incendie.",
        byline="Par Julien Mercier",
        caption="Vue aérienne des pentes calcinées au-dessus de Peñalba, samedi.",
        credit="Photo EuroFire Watch",
        tags=["Incendies", "Sécheresse"],
        paras=[
            "Il n'est pas encore officiellement maîtrisé, mais l'incendie qui ravage depuis jeudi la sierra de "
            "Almedo est déjà l'un des plus étendus jamais enregistrés en hiver dans la région. D'après les "
            "images du service EuroFire Watch, plus de 5 000 hectares avaient brûlé samedi soir, contre 4 200 "
            "selon le décompte officiel.",
            "« L'écart tient à la méthode : le satellite compte aussi les zones de lisière partiellement "
            "brûlées », explique Rémi Castagné, ingénieur forestier à l'Office des forêts de montagne, qui suit "
            "la saison des feux depuis vingt ans.",
            "Pour lui, le plus préoccupant n'est pas la surface mais la date. « Il y a dix ans, personne n'aurait "
            "préparé un dispositif en mars. Aujourd'hui, les sols sont aussi secs qu'en juillet », souligne-t-il.",
            "Depuis octobre, la région a reçu 60 % de pluie en moins qu'en temps normal, selon le service "
            "météorologique national. Les 1 800 habitants évacués de quatre villages n'avaient pas pu regagner "
            "leur domicile dimanche matin.",
            "Les forêts de nos propres vallées ne sont pas à l'abri. Le préfet de la Haute-Valbrune a rappelé "
            "samedi que l'écobuage reste interdit jusqu'au 31 mars dans tout le département.",
            "Une enquête a été ouverte pour déterminer l'origine du sinistre. Un homme de 54 ans a été entendu "
            "par la police régionale, mais aucune charge n'a été retenue contre lui à ce stade.",
        ],
        figures=[
            F("hectares burned (satellite estimate)", 5000, "plus de 5 000 hectares"),
            F("hectares burned (regional government)", 4200, "contre 4 200"),
            F("people evacuated", 1800, "Les 1 800 habitants"),
            F("rainfall deficit since October, percent", 60, "60 %"),
        ],
    ),
    Report(
        outlet="alpenbote.example",
        slug="waldbrand-sierra-almedo",
        published="2024-03-10T12:40",
        lang="de",
        story="almedo-wildfire",
        section="Welt",
        fmt="html",
        title="Waldbrand in der Sierra de Almedo: Mehr als 5000 Hektar zerstört",
        deck="Brandstiftung? Ein Mann wurde festgenommen. 1800 Bewohner mussten ihre Dörfer verlassen.",
        byline="Von Lena Hofer",
        dateline="San Lorenzo de Almedo (npa) –",
        caption="Löschflugzeuge im Einsatz über der Sierra de Almedo.",
        credit="Foto: npa",
        tags=["Waldbrand", "Klima"],
        paras=[
            "San Lorenzo de Almedo (npa) – Ein verheerender Waldbrand hat in der Sierra de Almedo nach "
            "Satellitendaten mehr als 5000 Hektar Wald und Buschland zerstört. Rund 1800 Menschen aus vier "
            "Dörfern wurden in Sicherheit gebracht.",
            "Die Behörden vermuten Brandstiftung: Die Regionalpolizei nahm einen 54-jährigen Mann fest, wie "
            "örtliche Medien berichteten. Offiziell bestätigt wurde die Festnahme zunächst nicht.",
            "Etwa 600 Feuerwehrleute kämpften mit Unterstützung von 14 Löschflugzeugen und Hubschraubern gegen "
            "die Flammen. Starker Wind mit Böen von bis zu 70 Kilometern pro Stunde fachte das Feuer immer "
            "wieder an.",
            "„So einen Brand hatten wir im März noch nie“, sagte die regionale Katastrophenschutzchefin Carmen "
            "Ruiz Ortega.",
            "Auch in den Alpen warnen Experten vor einer früheren Waldbrandsaison. Nach dem schneearmen Winter "
            "sei die Gefahr an Südhängen schon jetzt erhöht, sagte der Förster Georg Pichler aus dem "
            "Hochjoch-Gebiet dem Alpenboten.",
        ],
        figures=[
            F("hectares burned (satellite estimate)", 5000, "mehr als 5000 Hektar"),
            F("people evacuated", 1800, "Rund 1800 Menschen"),
            F("firefighters deployed", 600, "Etwa 600 Feuerwehrleute"),
        ],
    ),
    Report(
        outlet="eurobulletin.example",
        slug="almedo-wildfire-1800-evacuated",
        published="2024-03-09T13:15",
        lang="en",
        story="almedo-wildfire",
        section="Europe",
        fmt="feed",
        title="Almedo wildfire: 1,800 evacuated as blaze spreads north",
        deck="Regional government puts burned area at 4,200 hectares; satellite data suggest more",
        byline="Euro Bulletin staff",
        caption="Firefighters near San Lorenzo de Almedo on Friday evening.",
        credit="Photo: EuroFire Watch",
        paras=[
            "A wildfire that broke out on Thursday in the Sierra de Almedo had burned through 4,200 hectares by "
            "Saturday morning, the regional government said, forcing the evacuation of around 1,800 residents "
            "from four villages.",
            "Satellite analysis by EuroFire Watch put the burned area at more than 5,000 hectares. Officials said "
            "the difference reflected areas that had only partly burned.",
            'Regional president Julián Herrera said the fire was "the clearest warning yet" of what a warmer '
            "climate meant for the region, and announced emergency aid of 12 million euros for affected farmers.",
            "About 600 firefighters were on the ground. Winds were forecast to ease on Sunday.",
        ],
        figures=[
            F("hectares burned (regional government)", 4200, "4,200 hectares"),
            F("people evacuated", 1800, "around 1,800 residents"),
            F("hectares burned (satellite estimate)", 5000, "more than 5,000 hectares"),
            F("emergency aid, euros", 12_000_000, "12 million euros"),
        ],
    ),
    Report(
        outlet="eurobulletin.example",
        slug="incendio-sierra-almedo-desalojo",
        published="2024-03-09T14:02",
        lang="es",
        story="almedo-wildfire",
        section="Europa",
        fmt="feed",
        title="El incendio de la sierra de Almedo obliga a desalojar a 1.800 vecinos",
        byline="Redacción Euro Bulletin",
        paras=[
            "El incendio declarado el jueves por la tarde en la sierra de Almedo había calcinado 4.200 hectáreas "
            "hasta este sábado, según el Gobierno regional, y obligó a desalojar a unos 1.800 vecinos de cuatro "
            "pueblos.",
            "«Nunca habíamos tenido que combatir un fuego así en marzo», afirmó la directora regional de "
            "Emergencias, Carmen Ruiz Ortega. Trabajan en la zona unos 600 bomberos y 14 medios aéreos.",
            "El presidente regional, Julián Herrera, anunció ayudas de emergencia por valor de 12 millones de "
            "euros para los agricultores y ganaderos afectados.",
            "La policía regional interroga a un hombre de 54 años en relación con el fuego, aunque no ha sido "
            "acusado formalmente. Las rachas de viento de hasta 70 kilómetros por hora complicaron las tareas de "
            "extinción durante la noche del viernes.",
            "Manuel Ibáñez, ganadero de Peñalba de 72 años, contó que tuvo que abrir las puertas del corral y "
            "dejar escapar a sus cabras.",
        ],
        figures=[
            F("hectares burned (regional government)", 4200, "4.200 hectáreas"),
            F("people evacuated", 1800, "unos 1.800 vecinos"),
            F("firefighters deployed", 600, "unos 600 bomberos"),
        ],
    ),
]

# -- story: the Wissenau recount -------------------------------------------------------------

_ALPEN_RECOUNT = dict(
    outlet="alpenbote.example",
    published="2024-03-10T10:30",
    lang="de",
    story="wissenau-recount",
    section="Region",
    fmt="html",
    dup_group="alpenbote-recount-mirror",
    title="Wissenau: Knapper Sieg für Oettl hält auch bei Nachzählung",
    deck="Nur 187 Stimmen trennen die ökosoziale Kandidatin vom bisherigen Stadtchef. Berger lässt "
    "rechtliche Schritte offen.",
    byline="Von Florian Mair",
    dateline="Wissenau –",
    caption="Wahlhelfer zählen in der Stadthalle Wissenau die Stimmzettel neu aus.",
    credit="Foto: Alpenbote/Martin Gruber",
    tags=["Wissenau", "Kommunalwahl"],
    paras=[
        "Wissenau – Die Neuauszählung der Oberbürgermeister-Stichwahl in Wissenau hat das Ergebnis vom "
        "vergangenen Sonntag bestätigt, den Abstand aber verringert: Sabine Oettl von der Liste Zukunft Wissenau "
        "liegt nun mit 187 Stimmen vor Amtsinhaber Klaus Berger (Bürgerallianz). Am Wahlabend waren es noch 212 "
        "Stimmen gewesen.",
        "Der Wahlausschuss erklärte bei der Nachzählung am Samstag 33 Stimmzettel für ungültig, die meisten davon "
        "Briefwahlunterlagen mit fehlender Unterschrift auf dem Wahlschein.",
        "Berger gratulierte seiner Nachfolgerin, schloss aber eine Wahlanfechtung nicht ausdrücklich aus. Er "
        "wolle „die Unterlagen zu den Stimmbezirken 14 und 22 in Ruhe prüfen“, sagte er dem Alpenboten.",
        "Oettl zeigte sich gelassen. Die Nachzählung habe gezeigt, „dass unsere Demokratie funktioniert“, sagte "
        "sie. Die Wahlbeteiligung hatte bei 58,3 Prozent gelegen.",
        "Mit Oettl wird Wissenau erstmals von einer Frau regiert. Die Bürgerallianz hatte den Oberbürgermeister "
        "seit 1994 gestellt.",
    ],
    figures=[
        F("winning margin after recount, votes", 187, "mit 187 Stimmen"),
        F("winning margin on election night, votes", 212, "212 Stimmen"),
        F("ballots declared invalid", 33, "33 Stimmzettel"),
        F("turnout, percent", 58.3, "58,3 Prozent"),
    ],
    comments=[("Hans_W.", "Glückwunsch an Frau Oettl! Jetzt bitte endlich die Straßenbahn nach Oberau.")],
)
REPORTS += [
    Report(slug="wissenau-nachzaehlung-oettl", **_ALPEN_RECOUNT),  # type: ignore[arg-type]
    Report(  # the same page, served again under a second section path: an exact duplicate
        slug="wissenau-nachzaehlung-oettl",
        url_override="https://alpenbote.example/politik/wissenau-nachzaehlung-oettl-1.48197",
        file_override="2024-03-10-wissenau-nachzaehlung-oettl-politik.html",
        **_ALPEN_RECOUNT,  # type: ignore[arg-type]
    ),
    Report(
        outlet="abendkurier.example",
        slug="neuauszaehlung-oettl-oberbuergermeisterin",
        published="2024-03-10T08:15",
        lang="de",
        story="wissenau-recount",
        section="Wissenau",
        title="Neuauszählung bestätigt: Sabine Oettl wird Oberbürgermeisterin",
        deck="Der Vorsprung schrumpft von 212 auf 187 Stimmen. Amtsinhaber Klaus Berger räumt seine "
        "Niederlage ein.",
        byline="Von Katrin Albers",
        dateline="Wissenau –",
        caption="Sabine Oettl nach der Bekanntgabe des Ergebnisses in der Stadthalle.",
        credit="Foto: Abendkurier/Felix Brandl",
        paras=[
            "Wissenau – Es war ein langer Samstag in der Stadthalle, doch am Ende stand fest: Sabine Oettl "
            "(Zukunft Wissenau) hat die Stichwahl um das Amt der Oberbürgermeisterin gewonnen. Bei der von "
            "Amtsinhaber Klaus Berger (Bürgerallianz) beantragten Neuauszählung kam sie auf 13.342 Stimmen, "
            "Berger auf 13.155.",
            "Damit schrumpfte Oettls Vorsprung von 212 auf 187 Stimmen. 33 Stimmzettel, die bei der ersten "
            "Auszählung noch gezählt worden waren, erklärte der Wahlausschuss nachträglich für ungültig.",
            "„Das Ergebnis ist eindeutig, und die Auszählung war sauber“, sagte Wahlleiter Matthias Hohl am "
            "Abend. Rund 80 Helferinnen und Helfer hatten seit 8 Uhr alle 26.497 gültigen Stimmzettel erneut von "
            "Hand gezählt.",
            "Berger hatte die Neuauszählung nach der Wahl vor einer Woche beantragt, weil es in den "
            "Stimmbezirken 14 und 22 Unregelmäßigkeiten bei der Briefwahl gegeben habe. „Ich gratuliere Frau "
            "Oettl und wünsche ihr eine glückliche Hand für unsere Stadt“, sagte Berger nach Bekanntgabe des "
            "Ergebnisses.",
            "Oettl ist die erste Frau an der Spitze des Rathauses und beendet 30 Jahre, in denen die "
            "Bürgerallianz den Oberbürgermeister stellte. Sie will ihr Amt am 1. April antreten.",
            "„Jetzt beginnt die eigentliche Arbeit“, sagte die 44-jährige Juristin. Ganz oben auf ihrer Liste "
            "stehen nach eigenen Worten der Ausbau der Straßenbahn und bezahlbarer Wohnraum.",
        ],
        figures=[
            F("votes for Oettl after recount", 13342, "13.342 Stimmen"),
            F("votes for Berger after recount", 13155, "13.155"),
            F("winning margin after recount, votes", 187, "auf 187 Stimmen"),
            F("winning margin on election night, votes", 212, "von 212"),
            F("ballots declared invalid", 33, "33 Stimmzettel"),
            F("valid ballots recounted", 26497, "26.497 gültigen Stimmzettel"),
        ],
    ),
    Report(
        outlet="lavigie-quotidien.example",
        slug="wissenau-recomptage-oettl",
        published="2024-03-10T12:00",
        lang="fr",
        story="wissenau-recount",
        section="France & Monde",
        title="À Wissenau, le recomptage confirme la victoire de l'écologiste Sabine Oettl",
        deck="La candidate l'emporte avec 187 voix d'avance sur le maire sortant, contre 212 annoncées au soir "
        "du second tour.",
        byline="Par Antoine Morel",
        dateline="WISSENAU (ACP) –",
        paras=[
            "WISSENAU (ACP) – Le recomptage intégral des bulletins du second tour de l'élection municipale de "
            "Wissenau, demandé par le maire sortant Klaus Berger, a confirmé samedi la victoire de l'écologiste "
            "Sabine Oettl, avec toutefois une avance réduite à 187 voix.",
            "Au soir du scrutin, dimanche dernier, l'écart annoncé était de 212 voix. La commission électorale a "
            "invalidé 33 bulletins lors du recomptage, pour la plupart des votes par correspondance.",
            "« Le résultat est clair et le décompte a été fait dans les règles », a assuré le responsable du "
            "scrutin, Matthias Hohl.",
            "Klaus Berger, dont le parti, l'Alliance citoyenne, dirigeait la ville depuis trente ans, a félicité "
            "sa rivale. Selon le quotidien régional Abendkurier, il a reconnu sa défaite samedi soir.",
            "Ville jumelée avec Saint-Oriel depuis 1988, Wissenau avait observé mercredi une minute de silence "
            "en hommage aux victimes de la rupture du barrage de Valbrune.",
        ],
        figures=[
            F("winning margin after recount, votes", 187, "187 voix"),
            F("winning margin on election night, votes", 212, "212 voix"),
            F("ballots declared invalid", 33, "33 bulletins"),
        ],
    ),
    Report(
        outlet="northfieldtribune.example",
        slug="wissenau-recount-first-woman-mayor",
        published="2024-03-10T14:00",
        lang="en",
        story="wissenau-recount",
        section="World",
        fmt="html",
        title="Recount hands Wissenau's town hall to its first woman mayor",
        deck="Sabine Oettl's lead narrows to 187 votes, but the result stands",
        byline="By Tobias Wren",
        dateline="WISSENAU, March 10 —",
        caption="Election workers recount ballots in Wissenau's town hall on Saturday.",
        credit="Martin Gruber/Alpenbote via Meridian Press",
        tags=["Elections"],
        paras=[
            "WISSENAU, March 10 — A full hand recount in Wissenau's mayoral runoff has confirmed a narrow "
            "victory for Sabine Oettl, ending three decades of rule by the centre-right Citizens' Alliance in "
            "the city of 140,000.",
            "Oettl, a 44-year-old lawyer who ran for the green-left list Future Wissenau, finished 187 votes "
            "ahead of the incumbent, Klaus Berger, after election officials re-examined all 26,497 valid ballots "
            "on Saturday. On election night last Sunday her lead had been put at 212 votes.",
            "Berger had demanded the recount, citing irregularities in postal voting in two districts. Election "
            "officer Matthias Hohl said 33 ballots counted on election night had been declared invalid, most of "
            "them postal votes missing a signature.",
            '"The count was clean and the result is clear," Hohl said.',
            "Berger congratulated his rival, according to the local newspaper Abendkurier, though he told another "
            "regional paper he wanted to study the papers from the two disputed districts before deciding on any "
            "legal challenge.",
            "Oettl, who takes office on April 1, said her first priorities would be extending the tram network "
            "and building affordable housing.",
        ],
        figures=[
            F("winning margin after recount, votes", 187, "187 votes"),
            F("winning margin on election night, votes", 212, "212 votes"),
            F("ballots declared invalid", 33, "33 ballots"),
            F("valid ballots recounted", 26497, "26,497 valid ballots"),
            F("city population", 140000, "140,000"),
        ],
    ),
]

# -- story: the Movana ruling ----------------------------------------------------------------

REPORTS += [
    Report(
        outlet="marketsdispatch.example",
        slug="movana-slides-supreme-court-drivers-employees",
        published="2024-03-12T16:40",
        lang="en",
        story="movana-ruling",
        section="Companies",
        title="Movana slides 7% as Supreme Court rules drivers are employees",
        deck="Ruling could add hundreds of millions to costs and sets a precedent for the gig economy",
        byline="By Maya Lindgren",
        tags=["Movana", "Gig economy", "Courts"],
        paras=[
            "Shares in Movana fell 6.8% on Tuesday after Corland's Supreme Court ruled that drivers on the "
            "ride-hailing platform are employees, not independent contractors, in a blow to the gig-economy "
            "business model.",
            "The 4-1 judgment means Movana must pay its roughly 38,000 Corland drivers at least the minimum "
            "wage and grant them paid holiday. Analysts at Stellwater Capital estimated the extra cost at "
            "between 180 million and 240 million crowns a year.",
            '"The control Movana exercises over fares, routes and ratings is the control of an employer," '
            "Justice Margaret Okonjo wrote for the majority.",
            "Justice Peter Lindqvist dissented, arguing that drivers' freedom to log off at any time was "
            '"inconsistent with the ordinary idea of employment".',
            'Movana said it respected the decision but warned that it would have to "review how we operate in '
            'Corland", raising the prospect of higher fares. Julien Marceau, its regional general manager, said '
            'the ruling did "not reflect what most drivers tell us they want: flexibility".',
            "The case was brought in 2021 by 26 drivers with the backing of the Corland Drivers' Guild.",
            "Movana operates in 14 countries. Investors are watching for copycat claims elsewhere in Europe, where "
            "similar cases are pending in at least three jurisdictions.",
        ],
        figures=[
            F("fall in Movana shares, percent", 6.8, "fell 6.8%"),
            F("Movana drivers in Corland", 38000, "roughly 38,000 Corland drivers"),
            F("drivers who brought the case", 26, "26 drivers"),
            F("countries Movana operates in", 14, "14 countries"),
        ],
    ),
    Report(
        outlet="courrierdesvallees.example",
        slug="chauffeurs-movana-salaries-cour-supreme",
        published="2024-03-13T07:15",
        lang="fr",
        story="movana-ruling",
        section="Économie",
        fmt="html",
        title="Les chauffeurs Movana reconnus salariés par la Cour suprême de Corland",
        deck="Une décision « historique » selon les syndicats, qui pourrait faire des émules jusque dans nos "
        "vallées, où la plateforme compte plusieurs centaines de chauffeurs.",
        byline="Par Élodie Garnier",
        caption="Un chauffeur Movana attend des clients devant la gare de Bréval.",
        credit="Photo Le Courrier des Vallées / Marc Aubert",
        tags=["Movana", "Emploi"],
        paras=[
            "La Cour suprême de Corland a jugé mardi, par quatre voix contre une, que les chauffeurs de la "
            "plateforme de VTC Movana devaient être considérés comme des salariés et non comme des travailleurs "
            "indépendants.",
            "Concrètement, les quelque 38 000 chauffeurs de l'application dans ce pays devront percevoir au moins "
            "le salaire minimum et bénéficier de congés payés. « Le contrôle que Movana exerce sur les tarifs, "
            "les itinéraires et les notes est celui d'un employeur », a écrit la juge Margaret Okonjo au nom de "
            "la majorité.",
            "« C'est une journée historique pour tous ceux qui conduisent pour une application », s'est félicité "
            "Amir Haddad, président de la Guilde des chauffeurs de Corland, qui soutenait les 26 plaignants "
            "depuis 2021.",
            "La plateforme a dit « respecter » la décision tout en assurant qu'elle ne reflétait pas le souhait "
            "de « flexibilité » exprimé par la majorité des chauffeurs. Son action a reculé de près de 7 % mardi.",
            "En Haute-Valbrune, où Movana revendique environ 450 chauffeurs, la décision est suivie de près. "
            "« On attend de voir si nos tribunaux suivront », confie Karim Benali, qui conduit pour "
            "l'application à Bréval depuis 2019.",
        ],
        figures=[
            F("Movana drivers in Corland", 38000, "38 000 chauffeurs"),
            F("drivers who brought the case", 26, "26 plaignants"),
            F("Movana drivers in Haute-Valbrune", 450, "450 chauffeurs"),
        ],
    ),
    Report(
        outlet="alpenbote.example",
        slug="movana-fahrer-angestellte-urteil",
        published="2024-03-13T09:50",
        lang="de",
        story="movana-ruling",
        section="Wirtschaft",
        fmt="html",
        title="Gericht in Corland: Movana-Fahrer sind Angestellte",
        deck="Ein Urteil mit Signalwirkung für die Plattformwirtschaft – auch hierzulande.",
        byline="Von Lena Hofer",
        dateline="Castelbrook (npa) –",
        tags=["Movana", "Arbeitsrecht"],
        paras=[
            "Castelbrook (npa) – Fahrerinnen und Fahrer des Fahrdienstes Movana sind in Corland künftig "
            "Angestellte. Das oberste Gericht des Landes entschied am Dienstag mit vier zu einer Stimme, dass "
            "ihnen Mindestlohn und bezahlter Urlaub zustehen.",
            "„Die Kontrolle, die Movana über Preise, Routen und Bewertungen ausübt, ist die Kontrolle eines "
            "Arbeitgebers“, schrieb Richterin Margaret Okonjo in der Urteilsbegründung.",
            "Betroffen sind rund 38.000 Fahrer. Movana kündigte an, sein Geschäftsmodell in Corland zu "
            "überprüfen. Die Aktie des Unternehmens verlor am Dienstag knapp sieben Prozent.",
            "Die Fahrergilde sprach von einem „historischen Tag“. Arbeitsrechtler erwarten, dass sich auch "
            "Gerichte in anderen Ländern auf das Urteil berufen könnten.",
            "Im Verbreitungsgebiet des Alpenboten ist Movana bislang nur in der Kreisstadt Hochfeld aktiv, wo "
            "nach Unternehmensangaben etwa 120 Fahrer registriert sind.",
        ],
        figures=[
            F("Movana drivers in Corland", 38000, "rund 38.000 Fahrer"),
            F("Movana drivers in Hochfeld", 120, "etwa 120 Fahrer"),
        ],
    ),
    Report(
        outlet="eurobulletin.example",
        slug="corland-top-court-movana-drivers-employees",
        published="2024-03-12T18:25",
        lang="en",
        story="movana-ruling",
        section="Business",
        fmt="feed",
        title="Corland's top court rules Movana drivers are employees",
        deck="4-1 decision entitles about 38,000 drivers to minimum wage and paid leave",
        byline="Euro Bulletin staff",
        paras=[
            "Corland's Supreme Court ruled on Tuesday that drivers working through the Movana app are employees "
            "entitled to the minimum wage and paid leave, in a 4-1 decision that could reshape the ride-hailing "
            "industry.",
            "The case was brought by 26 drivers in 2021. Around 38,000 people drive for Movana in Corland, "
            "according to the company.",
            '"This is a great day for every person who drives for an app," said Amir Haddad, chair of the '
            "Corland Drivers' Guild.",
            'Movana said it respected the ruling but warned of "consequences for fares". Its shares closed down '
            "6.8%.",
        ],
        figures=[
            F("Movana drivers in Corland", 38000, "Around 38,000 people"),
            F("fall in Movana shares, percent", 6.8, "6.8%"),
        ],
    ),
    Report(
        outlet="brightwaterpost.example",
        slug="landmark-win-movana-drivers",
        published="2024-03-13T10:20",
        lang="en",
        story="movana-ruling",
        section="News",
        fmt="jsonl-html",
        title="Landmark win for Movana drivers in Supreme Court",
        byline="By Rachel Adeyemi",
        caption="Movana drivers wait for fares outside Brightwater station.",
        credit="Photo: Sam Kerrigan",
        paras=[
            "Ride-hailing drivers in Brightwater are celebrating after Corland's Supreme Court ruled that Movana "
            "must treat them as employees, in what campaigners are calling a landmark victory for low-paid "
            "workers.",
            "The judges decided by four votes to one on Tuesday that the app's drivers are entitled to the "
            "minimum wage and holiday pay. About 38,000 drivers work for Movana nationwide, around 2,100 of them "
            "in Brightwater, the Corland Drivers' Guild says.",
            '"I\'ve been working 60-hour weeks and some weeks I clear less than minimum wage after fuel," said '
            'Kwame Asante, who has driven for Movana in Brightwater for five years. "This changes everything."',
            'Movana said it would "review how we operate in Corland". The company has not said whether fares '
            "will rise.",
            "The city's transport committee chair, councillor Joan Whitley, said the council would ask the "
            "company to meet drivers' representatives.",
        ],
        figures=[
            F("Movana drivers in Corland", 38000, "About 38,000 drivers"),
            F("Movana drivers in Brightwater", 2100, "around 2,100"),
        ],
    ),
]

# -- single reports, no shared story ---------------------------------------------------------

REPORTS += [
    Report(
        outlet="harbourgazette.example",
        slug="ellery-lifeboat-150-years",
        published="2024-03-12T09:00",
        lang="en",
        story=None,
        section="News",
        title="Ellery lifeboat crews mark 150 years of rescues",
        deck="Station has launched more than 4,000 times since 1874",
        byline="By Tom Pryce",
        caption="The Mary Ellen Hart returns to Ellery harbour after a training exercise.",
        credit="Photo: Ellery Lifeboat Station",
        tags=["Ellery", "Lifeboat"],
        paras=[
            "Ellery's lifeboat station will celebrate its 150th anniversary on Saturday with an open day, a "
            "service of thanksgiving and a parade of past and present boats across the harbour.",
            "Since the first rowing lifeboat was launched from the slipway below Castle Steps in 1874, Ellery "
            "crews have gone to sea more than 4,000 times and saved an estimated 1,150 lives, according to the "
            "station's records.",
            "Coxswain Bethan Lloyd, 41, who joined as a volunteer at 17, said the anniversary was a chance to "
            "thank the families of crew members. \"When the pager goes at three in the morning, it's not just us "
            'who get up," she said.',
            "The station's all-weather boat, the Mary Ellen Hart, was called out 63 times last year, the busiest "
            "year since 2009.",
            "Among the guests on Saturday will be Arthur Penrose, 94, who served on the crew for 31 years and "
            "took part in the rescue of 14 fishermen from the trawler Northern Star during the great storm "
            "of 1962.",
            "The open day runs from 10am to 4pm. Donations collected on the day will go towards a new boathouse, "
            "which the station hopes to complete by 2026.",
        ],
        figures=[
            F("lifeboat launches since 1874", 4000, "more than 4,000 times"),
            F("lives saved", 1150, "1,150 lives"),
            F("call-outs last year", 63, "63 times"),
        ],
    ),
    Report(
        outlet="marketsdispatch.example",
        slug="halden-profit-falls",
        published="2024-03-14T08:05",
        lang="en",
        story=None,
        section="Companies",
        title="Halden & Co profit falls 12% as shoppers cut back",
        deck="Department-store group holds its dividend and warns the port strike will hit spring ranges",
        byline="By Oliver Grant",
        caption="Halden & Co's flagship store on Castelbrook's King Street.",
        credit="Halden & Co",
        tags=["Retail", "Results"],
        paras=[
            "Halden & Co, Corland's largest department-store group, reported a 12% fall in annual pre-tax profit "
            "to 84 million crowns on Thursday, as shoppers cut spending on furniture and electricals.",
            "Revenue rose 2% to 1.9 billion crowns, helped by a 9% increase in online sales, but margins were "
            "squeezed by higher wage and energy costs.",
            'Chief executive Sarah Whitcombe said the group had "held its nerve" in a difficult year. The '
            "full-year dividend was kept unchanged at 0.42 crowns a share.",
            "She warned that the strike at the Port of Ellery, now in its second week, had delayed about a fifth "
            "of the group's spring clothing range. \"Some of our summer stock is sitting on a ship off the "
            'breakwater," she said.',
            "The shares rose 3.1% by midday, as the results were better than analysts had feared.",
            "Halden & Co employs about 11,000 people in 46 stores.",
        ],
        figures=[
            F("fall in pre-tax profit, percent", 12, "12% fall"),
            F("pre-tax profit, crowns", 84_000_000, "84 million crowns"),
            F("revenue, crowns", 1_900_000_000, "1.9 billion crowns"),
            F("employees", 11000, "about 11,000 people"),
        ],
    ),
    Report(
        outlet="lavigie-quotidien.example",
        slug="festival-jazz-en-baie-reporte",
        published="2024-03-12T17:30",
        lang="fr",
        story=None,
        section="Culture",
        title="Le festival Jazz en Baie reporté à l'automne",
        deck="Faute de financements suffisants, les organisateurs renoncent à l'édition de juin, qui devait "
        "fêter les 25 ans du festival.",
        byline="Par Claire Lenoir",
        paras=[
            "C'est un coup dur pour la vie culturelle de la côte. Le festival Jazz en Baie, qui attire chaque été "
            "près de 30 000 spectateurs, n'aura pas lieu en juin comme prévu. Ses organisateurs ont annoncé lundi "
            "son report à la fin du mois de septembre.",
            "« Nous avons perdu deux partenaires privés en janvier et la subvention régionale a baissé de 15 % », "
            "explique la présidente de l'association organisatrice, Mireille Castel. « Plutôt que de proposer une "
            "édition au rabais, nous avons préféré prendre le temps. »",
            "L'édition 2024 devait célébrer le 25e anniversaire du festival, créé en 1999 par une poignée de "
            "bénévoles dans l'ancienne halle aux poissons.",
            "Les billets déjà vendus, environ 4 000 selon l'association, restent valables pour les nouvelles "
            "dates ou pourront être remboursés jusqu'au 30 avril.",
            "Du côté de la mairie, l'adjoint à la culture, Patrick Joly, a assuré que la ville maintiendrait "
            "« intégralement » son soutien de 120 000 euros.",
        ],
        figures=[
            F("festival spectators each summer", 30000, "30 000 spectateurs"),
            F("cut in regional subsidy, percent", 15, "15 %"),
            F("tickets already sold", 4000, "environ 4 000"),
        ],
    ),
    Report(
        outlet="abendkurier.example",
        slug="bus-und-bahn-wissenau-teurer",
        published="2024-03-13T06:00",
        lang="de",
        story=None,
        section="Wissenau",
        title="Bus und Bahn in Wissenau werden teurer",
        deck="Ab 1. Mai steigen die Preise im Verkehrsverbund um durchschnittlich acht Prozent. Das Sozialticket "
        "bleibt unverändert.",
        byline="Von Markus Feld",
        paras=[
            "Wer in Wissenau mit Bus und Straßenbahn fährt, muss ab dem 1. Mai tiefer in die Tasche greifen. Der "
            "Verkehrsverbund Wissenau-Land (VWL) erhöht seine Preise um durchschnittlich 8,1 Prozent, wie der "
            "Aufsichtsrat am Dienstag beschloss.",
            "Der Einzelfahrschein für die Innenstadtzone kostet dann 3,20 Euro statt 2,90 Euro. Die Monatskarte "
            "steigt von 74 auf 79 Euro.",
            "„Wir haben die Erhöhung so gering wie möglich gehalten“, sagte VWL-Geschäftsführerin Ingrid Sauer. "
            "Gestiegene Personal- und Energiekosten ließen dem Verbund jedoch keine Wahl.",
            "Der Fahrgastverband Pro Nahverkehr Wissenau kritisierte den Beschluss scharf. Sprecher Daniel Kuhn "
            "nannte ihn ein „völlig falsches Signal“ in Zeiten der Verkehrswende.",
            "Unverändert bleibt der Preis für das Sozialticket von 29 Euro im Monat. Auch das Schülerticket wird "
            "nicht teurer.",
        ],
        figures=[
            F("average fare rise, percent", 8.1, "8,1 Prozent"),
            F("single ticket, euros", 3.2, "3,20 Euro"),
            F("monthly pass, euros", 79, "auf 79 Euro"),
        ],
    ),
    Report(
        outlet="courrierdesvallees.example",
        slug="telepherique-mont-aiguel-rouvre",
        published="2024-03-14T11:45",
        lang="fr",
        story=None,
        section="Loisirs",
        fmt="html",
        title="Le téléphérique du Mont-Aiguel rouvre après deux ans de travaux",
        deck="Les nouvelles cabines, deux fois plus grandes, pourront transporter 1 200 personnes par heure.",
        byline="Par Thomas Rivière",
        caption="L'une des deux nouvelles cabines lors des essais, début mars.",
        credit="Photo Régie du Mont-Aiguel",
        tags=["Mont-Aiguel", "Tourisme"],
        paras=[
            "Après deux ans de chantier et 23 millions d'euros de travaux, le téléphérique du Mont-Aiguel "
            "rouvrira au public le samedi 23 mars, a annoncé mercredi la régie des remontées mécaniques.",
            "Les deux anciennes cabines de 40 places, en service depuis 1978, ont été remplacées par des cabines "
            "de 80 places. Le débit passe ainsi de 600 à 1 200 personnes par heure.",
            "« Nous avons voulu garder l'esprit du téléphérique d'origine tout en le rendant accessible aux "
            "personnes à mobilité réduite », souligne le directeur de la régie, Olivier Faure.",
            "Le trajet entre la gare de départ et le sommet, à 2 140 mètres d'altitude, durera sept minutes. Le "
            "prix de l'aller-retour adulte est fixé à 24 euros.",
            "Le chantier avait pris six mois de retard, en raison notamment d'un éboulement survenu en octobre "
            "2022 sur la piste d'accès.",
        ],
        figures=[
            F("cost of the works, euros", 23_000_000, "23 millions d'euros"),
            F("passengers per hour", 1200, "1 200 personnes par heure"),
            F("summit altitude, metres", 2140, "2 140 mètres"),
        ],
    ),
    Report(
        outlet="alpenbote.example",
        slug="skigebiet-hochjoch-saisonende",
        published="2024-03-14T07:20",
        lang="de",
        story=None,
        section="Bergwelt",
        fmt="html",
        title="Skigebiet Hochjoch beendet Saison drei Wochen früher",
        deck="Schneemangel und milde Temperaturen: Die Lifte stehen ab Sonntag still.",
        byline="Von Florian Mair",
        caption="Grüne Hänge statt Pisten: die Talabfahrt am Hochjoch Anfang März.",
        credit="Foto: Alpenbote/Martin Gruber",
        tags=["Hochjoch", "Tourismus"],
        paras=[
            "Das Skigebiet Hochjoch beendet die Wintersaison bereits an diesem Sonntag, drei Wochen früher als "
            "geplant. Grund sind der Schneemangel und die anhaltend milden Temperaturen, teilte die Hochjoch "
            "Bergbahnen AG am Mittwoch mit.",
            "„Wir haben bis zuletzt gekämpft, aber unterhalb von 1800 Metern ist kein Skibetrieb mehr möglich“, "
            "sagte Vorstand Andreas Thaler.",
            "In diesem Winter zählte das Skigebiet rund 312.000 Skitage, etwa 18 Prozent weniger als im Vorjahr. "
            "Bereits im Dezember hatten mehrere Lifte wegen fehlenden Schnees erst verspätet öffnen können.",
            "Saisonkarten-Inhaber erhalten einen Gutschein über 15 Prozent des Kaufpreises für die kommende "
            "Saison.",
            "Die Bergbahn zum Gipfelrestaurant bleibt für Wanderer und Ausflügler bis Ende April an Wochenenden "
            "in Betrieb.",
        ],
        figures=[
            F("skier days this winter", 312000, "312.000 Skitage"),
            F("fall in skier days, percent", 18, "18 Prozent"),
        ],
    ),
    Report(
        outlet="brightwaterpost.example",
        slug="st-columbas-primary-to-close",
        published="2024-03-11T12:00",
        lang="en",
        story=None,
        section="News",
        fmt="jsonl-text",
        title="Brightwater primary school to close after 130 years",
        byline="By Rachel Adeyemi",
        paras=[
            "St Columba's Primary School in Brightwater will close at the end of the summer term, the county "
            "council has confirmed, after pupil numbers fell to fewer than half its capacity.",
            "The school, which opened in 1894, has 87 pupils on roll but space for 210. The council said every "
            "child would be offered a place at Harbour Road Primary, about a mile away.",
            '"This is a sad day, and nobody pretends otherwise," said councillor Neil Fraser, the cabinet member '
            'for education. "But a school half-empty is a school that cannot give children what they need."',
            "Parents had campaigned for a year to keep it open. Their petition gathered 3,400 signatures.",
            'Headteacher Grace Mitchell said staff would "make the last term one to remember".',
        ],
        figures=[
            F("pupils on roll", 87, "87 pupils"),
            F("school capacity", 210, "space for 210"),
            F("petition signatures", 3400, "3,400 signatures"),
        ],
    ),
    Report(
        outlet="brightwaterpost.example",
        slug="storm-ilse-warning",
        published="2024-03-14T15:30",
        lang="en",
        story=None,
        section="Weather",
        fmt="jsonl-html",
        title="Storm Ilse set to bring 80mph gusts to the coast",
        byline="By Callum Reid",
        paras=[
            "Forecasters have issued an amber wind warning for the Brightwater coast from 6pm on Friday, as Storm "
            "Ilse brings gusts of up to 80mph and heavy rain.",
            "The Corland Met Service said coastal roads and the Brightwater causeway could be closed and that "
            "large waves were likely on the seafront.",
            '"People should think carefully before travelling on Friday night and should stay well away from the '
            'sea wall," said chief forecaster Alan McBride.',
            "The ferry to the Isle of Rhun has cancelled its Friday evening and Saturday morning sailings.",
            "Ilse is the ninth named storm of the season.",
        ],
        figures=[F("wind gusts, mph", 80, "80mph")],
    ),
]


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else HERE
    manifest = build(out)
    print(f"wrote {len(manifest['documents'])} documents to {out}")


if __name__ == "__main__":
    main(sys.argv)

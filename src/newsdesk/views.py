"""Readable plain-text views of articles for the terminal (the CLI's ``--format text``).

Kept out of the CLI so the web UI and tests can reuse them.  Scraped text may carry
terminal control sequences; :func:`safe` strips them before anything is printed.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

from newsdesk.model import Article

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _lines(n: int) -> str:
    return f"{n} line" if n == 1 else f"{n} lines"


def safe(text: str) -> str:
    """Remove control and bidi-override characters that could rewrite the terminal."""
    return _CONTROL.sub("", text)


def _wrap(text: str, width: int = 88, indent: str = "") -> str:
    return "\n".join(
        textwrap.fill(safe(line), width=width, initial_indent=indent, subsequent_indent=indent) or indent
        for line in text.splitlines()
    )


def article_text_view(
    article: Article,
    *,
    show_removed: bool = False,
    extra: dict[str, Any] | None = None,
    width: int = 88,
) -> str:
    """Title block, body and captions; optionally every removed line with its reason."""
    out: list[str] = []
    rule = "=" * min(width, 88)
    out.append(rule)
    out.append(f"id:        {article.id}")
    for label, value in (
        ("outlet", article.outlet),
        ("url", article.url),
        ("source", article.source_path),
        (
            "published",
            f"{article.published} ({article.published_source})"
            if article.published and article.published_source
            else article.published,
        ),
        ("lang", article.lang),
    ):
        if value:
            out.append(f"{label + ':':<10} {safe(str(value))}")
    for label, value in (extra or {}).items():
        out.append(f"{label + ':':<10} {safe(str(value))}")
    out.append(rule)
    if article.title:
        out.append(_wrap(article.title.text.upper(), width))
    if article.deck:
        out.append(_wrap(article.deck.text, width, "  "))
    if article.byline:
        out.append(safe(article.byline.text))
        names = [a.text for a in article.authors]
        if names and names != [article.byline.text]:
            out.append(f"Authors: {safe('; '.join(names))}")
    if article.dateline:
        out.append(f"Dateline: {safe(article.dateline.text)}")
    out.append("")
    for p in article.paragraphs:
        out.append(_wrap(p.text, width))
        out.append("")
    for c in article.captions:
        credit = f"  [{safe(c.credit.text)}]" if c.credit else ""
        out.append(_wrap(f"[caption] {c.text}{credit}", width))
    if show_removed:
        out.append("")
        out.append(f"-- removed ({_lines(len(article.removed))}) --")
        for r in article.removed:
            lang = f" lang={r.lang}" if r.lang else ""
            detail = f" ({safe(r.detail)})" if r.detail else ""
            out.append(f"[{r.reason}{lang}] {r.start}-{r.end}{detail}")
            out.append(_wrap(r.text, width, "    "))
    elif article.removed:
        one = len(article.removed) == 1
        how = "it with its reason" if one else "them with reasons"
        out.append(f"({_lines(len(article.removed)).replace(' ', ' removed ', 1)}; --removed to show {how})")
    return "\n".join(out).rstrip() + "\n"

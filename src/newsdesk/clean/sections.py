"""Where an article ends on a rendered page, and teaser links inside it.

A news or blog page rendered to text goes on after the article: "Related articles",
"Most read", "Comments", "Das könnte Sie auch interessieren", each followed by headlines
and teasers that read like prose, so the line model keeps many of them.  The heading that
opens such a section is the evidence: once the article has had some body, a line that is
nothing but one of these headings ends it, and what follows is removed with the heading
named as the reason.  Only headings that open end-of-page sections count; phrases that
also introduce a link *inside* an article ("Read more:", "Lesen Sie auch:") are handled
line by line instead (:data:`TEASER`), because the article goes on after them; when such a
phrase is a heading alone on its line (:data:`TEASER_HEADING`), the short lines right under
it are the teasers.  A copyright footer with a year or "all rights reserved"
(:data:`FOOTER`) ends it too; a bare "© agency" photo credit does not.  Share prompts,
comment forms, author boxes and a blog's post navigation open end-of-page sections as well
(session 4, docs/decisions.md).

Measured on the tune half of trafilatura-eval rendered with inscriptis
(bench/plaintext_eval.py): 0.878 -> 0.886 F1 on one quarter, 0.864 -> 0.875 on the other
(docs/decisions.md); the held-out half was not looked at while choosing the headings.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Protocol

#: a line that is only the heading of an end-of-page section (optionally with a count:
#: "12 Comments"); en, de, fr, es, pl
END_HEADING = re.compile(
    r"^\W*(?:\d+\s*)?(?:"
    r"related (?:articles?|stories|posts|content|news)"
    r"|(?:most|meist)[- ]?(?:read|popular|viewed|commented|shared|gelesen|gelesene|kommentiert|diskutiert)\w*"
    r"|more (?:stories|articles|news|from)"
    r"|you (?:may|might) (?:also )?(?:like|enjoy|be interested)"
    r"|recommended (?:for you|stories|articles|posts)"
    r"|(?:leave|post|add|write) a (?:comment|reply)"
    r"|(?:comments?|responses?|replies|kommentare?|commentaires?|comentarios?|comentários|komentarze?)"
    r"|(?:das|dieses?|diese) (?:thema |themen )?(?:könnte|könnten) (?:sie|dich|euch) (?:auch )?interessieren"
    r"|(?:mehr|weitere) (?:beiträge|nachrichten|news|themen)"
    r"|(?:ähnliche|verwandte|beliebte|neueste) (?:beiträge|artikel|themen|posts)"
    r"|sur le même sujet|articles? (?:similaires|liés|associés)|les plus lus|vous aimerez aussi"
    r"|(?:noticias|art[ií]culos|entradas) relacionad[oa]s|lo más (?:leído|visto)|te puede interesar"
    r"|(?:notícias|matérias|posts) relacionad[oa]s|relacionad[oa]s|mais lidas"
    # a share prompt under the article
    r"|share (?:this|the) (?:article|story|post|page)|share this|sharen mit"
    r"|teilen sie (?:dies|diesen (?:artikel|beitrag))(?: mit)?|(?:diesen )?(?:artikel|beitrag) teilen"
    r"|möchten sie (?:den|diesen) (?:artikel|beitrag) teilen"
    r"|partager (?:cet article|cette page)|compartir (?:este art[ií]culo|esta noticia)|compartilhe"
    # a comment form
    r"|(?:kommentar|antwort) (?:verfassen|schreiben|hinterlassen)|hinterlasse (?:eine antwort|einen kommentar)"
    r"|schreibe einen kommentar|leave a (?:comment|reply)(?: cancel reply)?|laisser un commentaire"
    r"|(?:deja|dejar) (?:un comentario|una respuesta)|deixe (?:um comentário|uma resposta)|dodaj komentarz"
    # a blog's post navigation and like buttons, which come after the post
    r"|post navigation|beitragsnavigation|navigation des articles|navegaci[óo]n de entradas|nawigacja wpisu"
    r"|like this|gefällt mir|j'aime ceci|me gusta esto|curtir isso"
    # an author box or a press contact
    r"|(?:über|about|zur|sobre|à propos de) (?:den autor|die autorin|the authors?|person|el autor|la autora|o autor|a autora|l'auteur)"
    r"|(?:der autor|die autorin)"
    r"|(?:presse|press|media) ?(?:kontakt|contact)s?|contact presse|contacto de prensa"
    r")\b\W*$",
    re.IGNORECASE,
)

#: the same headings with a few words after them ("Beliebte Beiträge zum Thema:", "Die
#: meistgelesenen Artikel bei SWR.de/Sport"): a short line that opens with one of these
END_PHRASE = re.compile(
    r"^\W*(?:die |the )?(?:"
    r"related (?:articles|stories|posts|content|news)|(?:most|meist)[- ]?(?:read|popular|viewed|gelesen)\w*"
    r"|(?:ähnliche|verwandte|beliebte|weitere|neueste) (?:beiträge|artikel|themen|posts)"
    r"|more (?:stories|articles|news) (?:from|on|about)|(?:noticias|art[ií]culos) relacionad[oa]s"
    r"|(?:das|dieses?|diese) (?:thema |themen )?(?:könnte|könnten) (?:sie|dich|euch) (?:auch )?interessieren"
    r")\b(?:[^.!?]|[.!?](?=\S))*$",
    re.IGNORECASE,
)

#: a heading alone on its line that introduces links to other articles ("Lesen Sie auch",
#: "Saiba mais"): the short lines under it are teasers, but the article may go on after them
TEASER_HEADING = re.compile(
    r"^\W*(?:read (?:more|also|next)|also read|see also|related|more on this(?: (?:story|topic))?"
    r"|lesen sie (?:auch|mehr|hier)(?: die folgenden beiträge| zum thema)?|auch interessant|mehr (?:zum thema|dazu)"
    r"|siehe auch|zum weiterlesen|weiterlesen|redaktionstipp|lire aussi|à lire aussi|voir aussi"
    r"|pour approfondir|lea también|lee también|leer más|ver también|leia também|veja também|saiba mais"
    r"|leggi anche|czytaj (?:też|także|również)|zobacz (?:też|także|również))\W*$",
    re.IGNORECASE,
)

#: a page's copyright footer: nothing under it is the article
FOOTER = re.compile(
    r"^\W*(?:©|\(c\)|copyright\b)\s*(?:\d{4}|[^\W\d]+\s+\d{4})\b"
    r"|\b(?:all rights reserved|alle rechte vorbehalten|tous droits réservés"
    r"|todos los derechos reservados|wszelkie prawa zastrzeżone)\b",
    re.IGNORECASE,
)

#: words one of which every :data:`FOOTER` match holds; a plain substring test on these is
#: far cheaper than the regex trying its alternation at every position of every body line
_FOOTER_HINTS = ("©", "(c)", "copyright", "rights", "rechte", "droits", "derechos", "prawa")


def _footer_lines(lines: Sequence[CleanedLine]) -> set[int]:
    """Indices of the short lines that are copyright notices.

    The hints are looked for once in the page's short lines joined and lower-cased (a few
    ``str.find`` scans), and the regex runs only on the lines holding one: asking every line
    was 5% of the plain-text path."""
    idx = [i for i, ln in enumerate(lines) if ln.nw <= FOOTER_MAX_WORDS]
    if not idx:
        return set()
    texts = [lines[i].text for i in idx]
    low = "\n".join(texts).lower()
    starts = []
    pos = 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    hinted: set[int] = set()
    for hint in _FOOTER_HINTS:
        at = low.find(hint)
        while at >= 0:
            k = bisect_right(starts, at) - 1
            hinted.add(k)
            at = low.find(hint, starts[k + 1] if k + 1 < len(starts) else len(low))
    return {idx[k] for k in hinted if FOOTER.search(texts[k].strip())}


#: a link to another article printed inside this one: "Read more: <headline>"
TEASER = re.compile(
    r"^\W*(?:read (?:more|also|next)|also read|see also|related|more on this"
    r"|lesen sie (?:auch|mehr|hier)|auch interessant|mehr (?:zum thema|dazu)|siehe auch"
    r"|zum weiterlesen|weiterlesen|lire aussi|à lire aussi|voir aussi|lea también|lee también"
    r"|leer más|ver también|leia também|leggi anche|czytaj (?:też|także|również)"
    r"|zobacz (?:też|także|również))\s*[:>»|\-–—]+\s*\S",
    re.IGNORECASE,
)

#: the article must have had this much body (characters) before a heading can end it: a
#: "Comments (3)" link under the headline is not the end of anything
MIN_BODY_BEFORE_END = 500
#: a heading is a short line
MAX_HEADING_WORDS = 8
#: after the end, a paragraph this long is still kept (a long comment is rarer than an
#: article that goes on after a misplaced heading, and removing body is the worse error)
SPARE_WORDS = 60
#: lines under a teaser heading this short (a headline) are teasers; a list item may be longer
TEASER_BLOCK_WORDS = 20
TEASER_BLOCK_ITEM_WORDS = 40
#: and at most this many of them
TEASER_BLOCK_LINES = 12
#: a copyright notice is at most this long
FOOTER_MAX_WORDS = 40
#: a teaser line is at most this long
MAX_TEASER_WORDS = 30


class CleanedLine(Protocol):
    text: str
    role: str | None
    reason: str
    detail: str
    nw: int


def mark_article_end(lines: Sequence[CleanedLine]) -> None:
    """Remove teaser lines, and body lines after the first end-of-page section heading.

    Works on lines the cleaner has already classified: only lines it kept as ``body`` are
    touched, so every removal keeps its own reason (``teaser``, ``after-article``)."""
    body_chars = 0
    end: tuple[int, str] | None = None
    teasers_left = 0
    footers = _footer_lines(lines)
    for i, ln in enumerate(lines):
        if ln.role != "body":
            # most lines of a rendered page are removed furniture: only a short one can be a
            # heading, and only until the end is found (or, for teasers, at all)
            if ln.nw > MAX_HEADING_WORDS:
                if end is None and i in footers and body_chars >= MIN_BODY_BEFORE_END:
                    end = (i, ln.text.strip())
                continue
            text = ln.text.strip()
            if end is None and body_chars >= MIN_BODY_BEFORE_END:
                if END_HEADING.match(text) or END_PHRASE.match(text) or i in footers:
                    end = (i, text)
                    continue
            elif end is not None:
                continue
            if TEASER_HEADING.match(text):
                teasers_left = TEASER_BLOCK_LINES
            continue
        text = ln.text.strip()
        heading = ln.nw <= MAX_HEADING_WORDS and end is None and body_chars >= MIN_BODY_BEFORE_END
        if ln.nw <= MAX_TEASER_WORDS and TEASER.match(text):
            _drop(ln, "teaser", "a link to another article")
            continue
        if heading and (END_HEADING.match(text) or END_PHRASE.match(text)):
            end = (i, text)
            _drop(ln, "label", "heading of an end-of-page section")
            continue
        if ln.nw <= MAX_HEADING_WORDS and TEASER_HEADING.match(text):
            teasers_left = TEASER_BLOCK_LINES
            _drop(ln, "label", "heading of links to other articles")
            continue
        if i in footers:
            if end is None and body_chars >= MIN_BODY_BEFORE_END:
                end = (i, text)
            _drop(ln, "boilerplate", "copyright notice")
            continue
        if end is not None and ln.nw < SPARE_WORDS:
            _drop(ln, "after-article", f"after the section heading {end[1][:60]!r} at line {end[0] + 1}")
            continue
        if teasers_left:
            item = text[:2] in ("* ", "+ ", "- ", "• ")
            if ln.nw <= (TEASER_BLOCK_ITEM_WORDS if item else TEASER_BLOCK_WORDS):
                teasers_left -= 1
                _drop(ln, "teaser", "under a heading of links to other articles")
                continue
            teasers_left = 0
        body_chars += len(text)


def _drop(ln: CleanedLine, reason: str, detail: str) -> None:
    ln.role = "removed"
    ln.reason = reason
    ln.detail = detail

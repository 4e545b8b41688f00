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
import re._constants as _sre
import re._parser as _sre_parse
from collections.abc import Sequence
from typing import Any, Protocol

from newsdesk.clean.lexicon import footer_hint_rows, lower_page_and_footer_hints

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
    r"|(?:mehr|weitere) (?:beiträge|nachrichten|news|themen|inhalte)"
    r"|(?:ähnliche|verwandte|beliebte|neueste) (?:beiträge|artikel|themen|posts)"
    r"|más noticias(?: de [\w ]{1,30})?|plus d'actualités"
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
    # WordPress's and Jetpack's own strings after a post in the languages above that lacked
    # them (session 32): the share and like rows, "Like Loading...", related posts, the
    # comment form
    r"|comparte esto|udostępnij to|compartilhe isso|dela det här|del dette|jaa tämä"
    r"|j['’]aime(?: ça)?|lubię to|mi piace|vind ik leuk|tykkää tästä|gosto disto"
    r"|(?:like|gefällt mir|j['’]aime|me gusta|curtir|mi piace|lubię to|vind ik leuk|gilla|tykkää)"
    r" ?(?:loading|wird geladen|chargement|cargando|carregando|caricamento|wczytywanie|laden|laddar|ladataan)"
    r"|podobne wpisy|publications similaires|artigos relacionados|post correlati|gerelateerde berichten"
    r"|(?:liknande|relaterade) inlägg|relaterede indlæg|relaterte innlegg|aiheeseen liittyvät(?: artikkelit)?"
    r"|jätä (?:kommentti|vastaus)|peruuta vastaus"
    # Blogger's comment heading with no comment yet and its form, Substack's comments
    r"|(?:no comments|keine kommentare|aucun commentaire|no hay comentarios|nenhum comentário|brak komentarzy)"
    r"|(?:kommentar veröffentlichen|publier un commentaire|publicar un comentario|postar um comentário"
    r"|prześlij komentarz|discussion about this post)"
    # an author box or a press contact
    r"|(?:über|about|zur|sobre|à propos de) (?:den autor|die autorin|the authors?|person|el autor|la autora|o autor|a autora|l'auteur)"
    r"|(?:der autor|die autorin)"
    r"|(?:presse|press|media) ?(?:kontakt|contact)s?|contact presse|contacto de prensa"
    # the same headings in the other languages monitoring desks read most (session 26)
    r"|похожие новости|новости по теме|материалы по теме|самое читаемое|комментарии"
    r"|новини за темою|схожі новини|коментарі|(?:أخبار|مقالات) ذات صلة|الأكثر قراءة|التعليقات"
    r"|اخبار مرتبط|پربازدیدترین|berita terkait|terpopuler|komentar|ilgili haberler|en çok okunanlar"
    r"|yorumlar|articoli correlati|(?:i )?più letti|commenti|gerelateerde artikelen|meest gelezen|reacties"
    r"|najczęściej czytane"
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
    r"|leggi anche|czytaj (?:też|także|również)|zobacz (?:też|także|również)"
    r"|don'?t miss|recommended reading|further reading|lesen sie weiter|auch lesenswert|passend dazu"
    r"|unsere empfehlung|empfehlung der redaktion|lire également|à lire également|voir également"
    r"|à voir aussi|vea también|mira también|te recomendamos|lee además|le puede interesar"
    r"|leia mais|veja mais|confira também|vedi anche|potrebbe interessarti|czytaj więcej"
    r"|przeczytaj (?:też|także|również)|polecamy"
    r"|читайте (?:также|також|ещё|еще)|смотрите также|дивіться також|اقرأ (?:أيضا|ايضا)|بیشتر بخوانید"
    r"|baca juga|lees ook|ilgili haber(?:ler)?"
    # Finnish, Swedish, Danish and Norwegian (session 31)
    r"|lue (?:myös|lisää|seuraavaksi)|läs (?:också|även|mer)|læs (?:også|mere)|les (?:også|mer))\W*$",
    re.IGNORECASE,
)

#: a page's copyright footer: nothing under it is the article
FOOTER = re.compile(
    r"^\W*(?:©|\(c\)|copyright\b)\s*(?:\d{4}|[^\W\d]+\s+\d{4})\b"
    r"|\b(?:all rights reserved|alle rechte vorbehalten|tous droits réservés"
    r"|todos los derechos reservados|wszelkie prawa zastrzeżone"
    # the same reservation in the other languages monitoring desks read most (session 26);
    # each holds one of lexicon.FOOTER_HINTS in its lower case
    r"|todos os direitos reservados|tutti i diritti riservati|riproduzione riservata"
    r"|alle rechten voorbehouden|alla rättigheter förbehållna|kaikki oikeudet pidätetään"
    r"|všechna práva vyhrazena|všetky práva vyhradené|minden jog fenntartva|toate drepturile rezervate"
    r"|tüm hakları saklıdır|hak cipta dilindungi|все права защищены|(?:усі|всі) права захищені"
    r"|(?:جميع|كافة) الحقوق محفوظة|(?:تمامی|کلیه) حقوق[^\n]{0,60}محفوظ"
    r"|με επιφύλαξη παντός δικαιώματος|כל הזכויות שמורות|جملہ حقوق محفوظ)\b"
    # (and without a word boundary after a vowel sign, which re's \w is not: session 27)
    r"|版权所有|無断転載|무단\s?전재|सर्वाधिकार सुरक्षित|সর্বস্বত্ব সংরক্ষিত|สงวนลิขสิทธิ์",
    re.IGNORECASE,
)


def _short_lines(lines: Sequence[CleanedLine]) -> tuple[set[int], set[int]]:
    """Indices of the short lines that are copyright notices, and of those that may open
    with one of the headings or teaser phrases (:func:`_may_open_with_phrase`).

    The footer hints are looked for in the page's lower case, and :data:`FOOTER` runs only
    on the short lines holding one: asking every line was 5% of the plain-text path.  The
    cleaner's page was lower-cased and scanned for them with its cue triggers
    (:func:`lexicon.line_cues`), so both are taken from there; the lines' first letters come
    from one scan of the lower-cased page, and only the lines whose letters may open a
    phrase have their length looked at (a pass over every line's word count, and joining
    and lower-casing the short lines again, cost more than the rest).
    """
    texts = [ln.text for ln in lines]
    n = len(texts)
    joined = "\n".join(texts)
    if n == 0 or joined.count("\n") != n - 1:  # a line holds a newline: one by one
        return _short_lines_apart(lines)
    low, hinted = lower_page_and_footer_hints(joined)
    short = FOOTER_MAX_WORDS
    footers = {i for i in hinted if lines[i].nw <= short and FOOTER.search(texts[i].strip())}
    # each line's first letters after its lead, from one scan of the lowered page (the
    # lines hold no newline, so each yields one match: its lead, then up to _HEAD_CHARS)
    firsts = _LINE_HEAD.findall("\n" + low)
    if len(firsts) != n:  # pragma: no cover - one match per newline, and there are n
        firsts = [t.lstrip(_LEAD)[:_HEAD_CHARS] for t in low.split("\n")]
    heads, odd = _HEADS, _ODD_LOWER
    # an ASCII line stripped of its lead opens with a letter (or is empty)
    phrases = {
        k
        for k, h in enumerate(firsts)
        if (h in heads or (not h.isascii() and (not h[0].isalpha() or not odd.isdisjoint(h))))
        and lines[k].nw <= short
    }
    return footers, phrases


def _short_lines_apart(lines: Sequence[CleanedLine]) -> tuple[set[int], set[int]]:
    """:func:`_short_lines` of lines that may hold a newline: the short lines joined on
    their own, their footer hints found by ``str.find``."""
    idx = [i for i, ln in enumerate(lines) if ln.nw <= FOOTER_MAX_WORDS]
    if not idx:
        return set(), set()
    texts = [lines[i].text for i in idx]
    joined = "\n".join(texts)
    low = joined.lower()
    hinted = footer_hint_rows(low)
    footers = {idx[k] for k in hinted if FOOTER.search(texts[k].strip())}
    # each line's first letters after its lead, from one scan of the lowered page (the
    # lines hold no newline, so each yields one match: its lead, then up to _HEAD_CHARS)
    same = len(low) == len(joined)
    firsts = _LINE_HEAD.findall("\n" + low) if same else []
    if len(firsts) != len(texts):
        lows = low.split("\n") if same else [t.lower() for t in texts]
        firsts = [t.lstrip(_LEAD)[:_HEAD_CHARS] for t in lows]
    heads, odd = _HEADS, _ODD_LOWER
    # an ASCII line stripped of its lead opens with a letter (or is empty)
    phrases = {
        idx[k]
        for k, h in enumerate(firsts)
        if h in heads or (not h.isascii() and (not h[0].isalpha() or not odd.isdisjoint(h)))
    }
    return footers, phrases


#: a link to another article printed inside this one: "Read more: <headline>"
TEASER = re.compile(
    r"^\W*(?:(?:read (?:more|also|next)|also read|see also|related|more on this"
    r"|lesen sie (?:auch|mehr|hier)|auch interessant|mehr (?:zum thema|dazu)|siehe auch"
    r"|zum weiterlesen|weiterlesen|lire aussi|à lire aussi|voir aussi|lea también|lee también"
    r"|leer más|ver también|leia também|leggi anche|czytaj (?:też|także|również)"
    r"|zobacz (?:też|także|również)"
    r"|don'?t miss|recommended|further reading|lesen sie weiter|auch lesenswert|passend dazu"
    r"|unsere empfehlung|empfehlung der redaktion|lire également|à lire également|voir également"
    r"|à voir aussi|vea también|mira también|te recomendamos|lee además|le puede interesar"
    r"|leia mais|veja mais|veja também|confira também|vedi anche|potrebbe interessarti"
    r"|czytaj więcej|przeczytaj (?:też|także|również)|polecamy"
    r"|читайте (?:также|також|ещё|еще)|смотрите также|дивіться також|اقرأ (?:أيضا|ايضا)|بیشتر بخوانید"
    r"|baca juga|lees ook|ilgili haber)\s*[:>»|\-–—]+\s*\S"
    # the Nordic papers print "Les også" before the linked headline without a separator
    r"|(?:les ogs[åa]|l[äa]s ocks[åa]|l[æa]s ogs[åa]|lue my[öo]s)\s*[:>»|\-–—]*\s*\S)",
    re.IGNORECASE,
)

#: how many leading letters of a line :func:`_may_open_with_phrase` compares
_HEAD_CHARS = 6
#: skipped before a line's first letter: every ASCII character but the letters.  The
#: patterns below skip non-word characters and the digits of a count ("12 Comments")
#: before theirs; skipping more ("_") only lets a line through to them that they then
#: reject.  A non-ASCII lead character that is not a letter sends the line to the regexes
_LEAD = "".join(chr(c) for c in range(128) if not chr(c).isalpha())
#: a line's lead and its next :data:`_HEAD_CHARS` characters, matched from the newline
#: before each line of "\n" + the joined lines: ``t.lstrip(_LEAD)[:_HEAD_CHARS]`` of every
#: line in one call (the literal newline lets re skip ahead; a multiline "^" did not pay)
_LINE_HEAD = re.compile(
    "\n[" + "".join(f"\\x{ord(c):02x}" for c in _LEAD if c != "\n") + f"]*([^\n]{{0,{_HEAD_CHARS}}})"
)
#: lower-case forms of the characters that ``re.IGNORECASE`` equates with a letter other
#: than their own lower case ("ſ" with "s", "ı" and "İ" with "i"); a line holding one in
#: its first letters goes to the regexes (the Old Cyrillic letter forms U+1C80-U+1C85 equal
#: "в", "д", "о", "с" and "т" so, since the Russian headings)
_ODD_LOWER = frozenset("\u0307ıſ\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85")
#: what follows the skipped lead in each pattern (the part :func:`_heads` expands)
_PHRASE_PATTERNS = (
    (END_HEADING, r"^\W*(?:\d+\s*)?"),
    (END_PHRASE, r"^\W*"),
    (TEASER_HEADING, r"^\W*"),
    (TEASER, r"^\W*"),
)


def _expand(items: Any, size: int) -> set[tuple[str, bool]]:
    """The literal starts (lower case, at most ``size`` long) of a parsed regex, each with
    whether it may still be extended; expands literals, small character classes,
    alternations and optional parts, and stops at anything else."""
    cur = {("", True)}
    for op, av in items:
        nxt: set[tuple[str, bool]] = set()
        for s, more in cur:
            if not more:
                nxt.add((s, False))
                continue
            for t, go_on in _expand_one(op, av, size - len(s)):
                u = s + t
                nxt.add((u[:size], go_on and len(u) < size))
        cur = nxt
    return cur


def _expand_one(op: Any, av: Any, size: int) -> set[tuple[str, bool]]:
    if op == _sre.LITERAL:
        return {(chr(av).lower(), True)}
    if op == _sre.IN and all(o == _sre.LITERAL for o, _ in av):
        return {(chr(a).lower(), True) for _, a in av}
    if op == _sre.SUBPATTERN:
        return _expand(av[3], size)
    if op == _sre.BRANCH:
        return {x for alt in av[1] for x in _expand(alt, size)}
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
        return {("", True)} | _expand(av[2], size)
    return {("", False)}


def _heads() -> frozenset[str]:
    """The first :data:`_HEAD_CHARS` letters (lower case) of every line that one of the
    heading and teaser patterns can match, once its lead is skipped."""
    out: set[str] = set()
    for rx, lead in _PHRASE_PATTERNS:
        if not rx.pattern.startswith(lead):
            raise ValueError(f"{rx.pattern[:30]!r} does not open with {lead!r}")
        for s, _ in _expand(_sre_parse.parse(rx.pattern[len(lead) :], rx.flags), _HEAD_CHARS):
            # a shorter literal start would let a short line match unseen
            if len(s) != _HEAD_CHARS or not s[0].isalpha():
                raise ValueError(f"{rx.pattern[:30]!r}: a match may open with {s!r}")
            out.add(s)
    return frozenset(out)


_HEADS = _heads()


def _may_open_with_phrase(text: str) -> bool:
    """Whether ``text`` may match :data:`END_HEADING`, :data:`END_PHRASE`,
    :data:`TEASER_HEADING` or :data:`TEASER` (never False for a line one of them matches).

    Every one of them is ``^\\W*`` (and perhaps a count) before a word from a list, so
    after the lead the line must open with one of :data:`_HEADS`: one set look-up instead
    of up to four regex calls on nearly every short line of a page, where a match is rare.
    (:func:`_short_lines` does the same for a whole page at once.)"""
    h = text.lower().lstrip(_LEAD)[:_HEAD_CHARS]
    return (
        h in _HEADS or (bool(h) and not h[0].isalpha()) or (not h.isascii() and not _ODD_LOWER.isdisjoint(h))
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
    sentence: bool


def drop_inline_teasers(lines: Sequence[CleanedLine]) -> None:
    """What :func:`mark_article_end` does to an extractor's output, which has lost the
    page's end already but keeps what a site puts between or under its paragraphs: a line
    that links to another article ("ALSO READ: ..."), and a heading of links ("Lesen Sie
    auch:", "Related articles", "Comments") with the headlines under it.  Nothing is cut
    after such a heading but those headlines: in an extractor's output the article may go
    on under it, and a comment under "Comments" is prose the line model never saw."""
    teasers_left = 0
    for ln in lines:
        if ln.role != "body":
            # a heading a rule has removed already ("Lesen Sie auch:" is a UI label) still
            # heads its links
            if ln.role == "removed" and ln.nw <= MAX_HEADING_WORDS and _heading_of_links(ln.text.strip()):
                teasers_left = TEASER_BLOCK_LINES
            continue
        text = ln.text.strip()
        if ln.nw <= MAX_TEASER_WORDS and TEASER.match(text):
            _drop(ln, "teaser", "a link to another article")
            continue
        if ln.nw <= MAX_HEADING_WORDS and not ln.sentence and (detail := _heading_of_links(text)):
            _drop(ln, "label", detail)
            teasers_left = TEASER_BLOCK_LINES
            continue
        if teasers_left:
            if not ln.sentence and _short_enough_for_teaser_block(text, ln.nw):
                teasers_left -= 1
                _drop(ln, "teaser", "under a heading of links to other articles")
                continue
            teasers_left = 0


def _heading_of_links(text: str) -> str | None:
    """The detail of a removal, when ``text`` is a teaser heading or an end-of-page one."""
    if TEASER_HEADING.match(text):
        return _TEASER_HEADING_DETAIL
    if END_HEADING.match(text) or END_PHRASE.match(text):
        return _END_HEADING_DETAIL
    return None


def _short_enough_for_teaser_block(text: str, nw: int) -> bool:
    """A line under a teaser heading is one of its links when this short (a headline; a list
    item may be longer)."""
    item = text[:2] in ("* ", "+ ", "- ", "• ")
    return nw <= (TEASER_BLOCK_ITEM_WORDS if item else TEASER_BLOCK_WORDS)


def mark_article_end(lines: Sequence[CleanedLine]) -> None:
    """Remove teaser lines, and body lines after the first end-of-page section heading.

    Works on lines the cleaner has already classified: it removes lines kept as ``body``,
    and renames only the line model's own removals (:func:`_removed_by_model`) that it
    recognises; what another rule removed keeps that rule's reason."""
    body_chars = 0
    end: tuple[int, str] | None = None
    # an end at the page's rights reservation spares no paragraph after it
    spare = SPARE_WORDS
    teasers_left = 0
    footers, phrases = _short_lines(lines)
    for i, ln in enumerate(lines):
        if ln.role != "body":
            if end is not None and ln.nw < spare and _removed_by_model(ln):
                _drop(ln, "after-article", _after(end))
                continue
            # most lines of a rendered page are removed furniture: only a short one can be a
            # heading, and only until the end is found (or, for teasers, at all)
            if ln.nw > MAX_HEADING_WORDS:
                if end is None and i in footers and body_chars >= MIN_BODY_BEFORE_END:
                    end = (i, ln.text.strip())
                    spare = _spare_after_footer(end[1])
                continue
            phrase = i in phrases
            if not phrase and i not in footers:
                continue
            text = ln.text.strip()
            if end is None and body_chars >= MIN_BODY_BEFORE_END:
                if phrase and (END_HEADING.match(text) or END_PHRASE.match(text)) or i in footers:
                    end = (i, text)
                    if i in footers:
                        spare = _spare_after_footer(text)
                    elif _removed_by_model(ln):
                        _drop(ln, "label", _END_HEADING_DETAIL)
                    continue
            elif end is not None:
                continue
            if phrase and TEASER_HEADING.match(text):
                teasers_left = TEASER_BLOCK_LINES
                if _removed_by_model(ln):
                    _drop(ln, "label", _TEASER_HEADING_DETAIL)
            continue
        text = ln.text.strip()
        phrase = i in phrases
        heading = ln.nw <= MAX_HEADING_WORDS and end is None and body_chars >= MIN_BODY_BEFORE_END
        if phrase and ln.nw <= MAX_TEASER_WORDS and TEASER.match(text):
            _drop(ln, "teaser", "a link to another article")
            continue
        if phrase and heading and (END_HEADING.match(text) or END_PHRASE.match(text)):
            end = (i, text)
            _drop(ln, "label", _END_HEADING_DETAIL)
            continue
        if phrase and ln.nw <= MAX_HEADING_WORDS and TEASER_HEADING.match(text):
            teasers_left = TEASER_BLOCK_LINES
            _drop(ln, "label", _TEASER_HEADING_DETAIL)
            continue
        if i in footers:
            if end is None and body_chars >= MIN_BODY_BEFORE_END:
                end = (i, text)
                spare = _spare_after_footer(text)
            _drop(ln, "boilerplate", "copyright notice")
            continue
        if end is not None and ln.nw < spare:
            _drop(ln, "after-article", _after(end))
            continue
        if teasers_left:
            if _short_enough_for_teaser_block(text, ln.nw):
                teasers_left -= 1
                _drop(ln, "teaser", "under a heading of links to other articles")
                continue
            teasers_left = 0
        body_chars += len(text)


#: how a copyright line opens ("© 2019", "(c) 2020", "Copyright 2021"), as :data:`FOOTER`'s
#: first form matches it
_COPYRIGHT_OPENING = re.compile(r"\W*(?:©|\(c\)|copyright\b)", re.IGNORECASE)


def _spare_after_footer(text: str) -> int:
    """How long a paragraph after this copyright line must be to be kept: any length after
    a reservation of rights (any :data:`FOOTER` match but the bare "© year" opening), which
    nothing of the article follows; :data:`SPARE_WORDS` after a bare "© 2019 ...", which
    may be a photo's credit inside the article."""
    reserved = any(not _COPYRIGHT_OPENING.match(m.group(0)) for m in FOOTER.finditer(text))
    return 1 << 30 if reserved else SPARE_WORDS


_END_HEADING_DETAIL = "heading of an end-of-page section"
_TEASER_HEADING_DETAIL = "heading of links to other articles"


def _after(end: tuple[int, str]) -> str:
    """The detail of a line removed under the end heading ``end`` (its index and text)."""
    return f"after the section heading {end[1][:60]!r} at line {end[0] + 1}"


#: how the detail of a line the line model removed opens (the cleaner writes it)
LINE_MODEL_DETAIL = "line model: "


def _removed_by_model(ln: CleanedLine) -> bool:
    """The line model removed the line, with its bare probability for a reason: a heading
    this module recognises then gets its own name, which tells a reader more ("label:
    heading of an end-of-page section" over "boilerplate: probability 0.31"), whichever of
    the two reached the line first (the line model's probability moves with every
    retraining; the heading does not)."""
    return ln.role == "removed" and ln.reason == "boilerplate" and ln.detail.startswith(LINE_MODEL_DETAIL)


def _drop(ln: CleanedLine, reason: str, detail: str) -> None:
    ln.role = "removed"
    ln.reason = reason
    ln.detail = detail

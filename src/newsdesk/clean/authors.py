"""The names inside a byline, each a span of the raw text.

A byline is the line as the page prints it: "Von Tilman Weber 10.12.2022 07:00", "Accueil |
Par Loïc Le Clerc | 30 septembre 2018", "Isabel Caro; Rocío Latorre y José Miguel Wilson
Tiempo de lectura", "Text: Anna Muster, Fotos: Max Mann".  Who wrote the article is what a
desk searches, counts and compares across outlets, so the names are split out: the by-word,
dates, reading times, comment prompts and photo credits go, and each name keeps its exact
place in ``Article.raw`` (a sub-span of the byline), like every other field.

Only what the line says is used: no name list decides whether a word is a name, so an
agency ("Agencia EFE"), a desk ("Redaktion") or a user name ("oradmin") is an author when
the byline prints it as one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsdesk.clean.byline import given_names
from newsdesk.clean.datewords import DATE_LINE_WORDS
from newsdesk.clean.lexicon import any_language_stopwords
from newsdesk.clean.sites import NON_ALNUM, site_keys
from newsdesk.model import Span

#: what separates the parts of a byline that are not names of one list: a section, a date,
#: a reading time ("By Kayla Greaves | Oct 13, 2020", "Gunter Frank / 22.04.2020")
_SEGMENT = r"\s*[|·•—–]\s*|\s+[-/]\s+|\s*//\s*|\t+|(?<=[^\W\d_]{2})(?<!\bDr|\bMr|\bMs|\bSt|\bJr|\bSr)(?<!\bMrs|\bPhD)(?<!\bProf)\.\s+(?=[A-ZÀ-Þ])"
#: what separates the names of one list ("Jane Doe, John Smith und Max Mann")
_CONNECTOR = r"(?:and|und|et|y|e|i|och|og|en|with|mit|avec|con)"
_LIST = rf"\s*[,;&+]\s*(?:{_CONNECTOR}\s+)?|\s+{_CONNECTOR}\s+(?=\S\S)"
_SEPARATOR = re.compile(f"(?P<segment>{_SEGMENT})|(?P<list>{_LIST})", re.IGNORECASE)

#: the byline's own word before the names, or an author label ("Text:", "Autorin:")
_BY = (
    r"(?:(?:written|posted|published|reported|compiled|edited)\s+by|by|von|vom|par|por|door|av|af|"
    r"durch|di|da|(?:artikel|beitrag|erstellt|geschrieben|verfasst|eingestellt)\s+von|"
    r"publi[ée]e?\s+par|[ée]crit\s+par|escrito\s+por|publicado\s+por|escribe|scritto\s+da|"
    r"oleh|بقلم|به\s+قلم|מאת)"
    r"\s*[:：]?\s+"
)
#: an author label: with its colon, or ("Autor Mark Newton") without
_LABEL = (
    r"(?:autor(?:/in|in|en)?|authors?|auteur(?:e|s)?|autorin)\s*[:：]?\s+"
    r"|(?:text|texte|texto|testo|redaktion|reporter|reporting|report|bericht|責任編輯|责任编辑|"
    r"记者|記者|編集)\s*[:：]\s*"
    # the labels of Chinese ("文/王小明", "作者｜王小明"), Russian, Ukrainian, Turkish,
    # Indonesian and Persian bylines, which may also be followed by a slash or a bar
    r"|(?:作者|文|撰文|автор(?:ы)?|текст|yazar|muhabir|penulis|wartawan|نویسنده"
    r"|लेखक|संवाददाता|লেখক|প্রতিবেদক|مصنف|نامہ\s+نگار|συντάκτ(?:ης|ρια)|כתב(?:ת)?|phóng\s+viên)\s*[:：/／|｜]\s*"
    # a Chinese reporter's title before the names, with a space ("记者 王小明")
    r"|(?:本报|本台)?记者\s+(?=[\u4e00-\u9fff])"
)
#: an author label glued to the name by a lost space ("... 201928. Juli 2019AuthorAndreas
#: Kalt"): the label capitalised, a capitalised word right after it
_GLUED_LABEL = r"(?-i:Author|AUTHOR|Autor(?:in)?|AUTOR(?:IN)?|Auteur|AUTEUR)(?=(?-i:[A-ZÀ-Þ][a-zß-ÿ]))"
_BY_WORD = re.compile(f"{_BY}|{_LABEL}|{_GLUED_LABEL}", re.IGNORECASE)
#: a by-word or author label anywhere in the line, before what starts like a name: a
#: capitalised word, or a handle that is not an article or a particle ("von uriebe";
#: "Ursula von der Leyen" has none)
_BY_ANYWHERE = re.compile(
    rf"(?:^|(?<=[\s|/·•,;:(]))(?i:{_BY}|{_LABEL})"
    r"(?=[^\W\d_])(?!(?i:der|die|das|den|dem|des|la|le|les|el|los|las|the|a|an|de|del|van|zu|zur)\b)"
    rf"|(?<=[\d\s|/·•,;:(]){_GLUED_LABEL}"
)
#: by-words that are also particles of names ("Alexa von Heyden", "Luca di Montezemolo")
_PARTICLE_BY_WORDS = frozenset({"von", "vom", "di", "da"})
#: where a word glues something to a name: a date's digit or a slash after a letter, or a
#: capital after four lower-case letters ("Sophie FosterTravel News Reporter", "Ulrich
#: ExnerKorrespondent"; "McCarthy", "DiBiase", "MacDonald" keep theirs)
_GLUED = re.compile(r"(?<=[^\W\d_])(?=\d|/)|(?<=[^\W\d_][a-zß-ÿ]{3})(?=[A-ZÀ-Þ][a-zß-ÿ])")
#: a photo or video credit's label: the names after it took the pictures
_PHOTO_LABEL = re.compile(
    r"(?:fotos?|photos?|photographs?|photographers?|bilder?|bild|images?|video|grafik|illustrations?|"
    r"fotograf(?:ie|ía)?|photography)\s*[:：]|(?:fotos?|photos?|bilder?|video)\s+(?:by|von|de|par|por)\s",
    re.IGNORECASE,
)
#: a label for the text and the pictures alike ("Text & Fotos: Anna Muster")
_TEXT_AND_PHOTOS = re.compile(
    r"(?:text|texte|texto|testo)\s*(?:&|und|and|/|\+|et|y)\s*(?:fotos?|photos?|bilder?)\s*[:：]\s*",
    re.IGNORECASE,
)
#: furniture printed after the names ("Lesezeit: 4 Min.", "Tiempo de lectura", "Schreibe
#: einen Kommentar", "Follow"), cut with everything after it
_TRAILER = re.compile(
    r"\b(?:lesezeit|lesedauer|reading\s+time|min(?:ute)?s?\s+read|temps\s+de\s+lecture|"
    r"tiempo\s+de\s+lectura|tempo\s+di\s+lettura|tempo\s+de\s+leitura|leestijd|läs(?:e)?tid|"
    r"lukuaika|schreibe\s+einen\s+kommentar|kommentar(?:e|en)?\b|leave\s+a\s+(?:comment|reply)|"
    r"comments?\b|reply\b|antworten|follow\b|folgen\b|e-?mail\b|twitter\b|facebook\b|"
    r"linkedin\b|instagram\b|more\s+by\b|mehr\s+von\b|alle\s+beitr[äa]ge|view\s+all)"
    r"(?!\s+(?:von|by|de|par|por)\b)",  # "Kommentar von Nicole Opitz" names her
    re.IGNORECASE,
)
#: lower-case words that stand inside a name ("Ursula von der Leyen", "Loïc le Clerc")
_PARTICLES = frozenset(
    {"von", "van", "vom", "zu", "zum", "zur", "der", "den", "de", "del", "della", "dello", "dos"}
    | {"das", "do", "da", "di", "du", "la", "le", "les", "y", "e", "ter", "ten", "bin", "ibn"}
    | {"al", "el", "st"}
)
#: articles that open a desk's name ("la rédaction", "die Redaktion", "the editors")
_ARTICLES = frozenset(
    {"la", "le", "les", "l'", "der", "die", "das", "the", "el", "los", "las", "il", "lo", "de"}
)
#: a byline's role ("Jane Doe, Staff Writer", "Robin Amberg, Volontär (Sport)", "Paulina
#: Cwiartka, Online-Redakteurin", "Jane Doe Reporter"): one of two words is no name, a last
#: word after a name is cut
_ROLE_WORDS = frozenset(
    word
    for words in (
        "reporter reporterin correspondent writer editor columnist contributor journalist",
        "journalistin redakteur redakteurin korrespondent korrespondentin volontär volontärin",
        "praktikant praktikantin mitarbeiter mitarbeiterin kolumnist kolumnistin autor autorin",
        "author auteur journaliste rédacteur rédactrice correspondant correspondante periodista",
        "corresponsal redactor redactora giornalista inviato inviata stringer photographer",
        "fotograf fotografin",
        # professions printed before a name ("Rechtsanwalt Sebastian Einbock",
        # "FOCUS-Online-Experte Robin Tschöpe")
        "rechtsanwalt rechtsanwältin anwalt anwältin experte expertin expert",
        # Russian, Ukrainian, Turkish, Indonesian and Korean titles ("김철수 기자": reporter
        # Kim Cheol-su; session 26)
        "корреспондент корреспондентка журналист журналистка обозреватель кореспондент",
        "журналістка оглядач muhabir muhabiri wartawan 기자 특파원",
    )
    for word in words.split()
)
#: a word that ends a name: what follows is whom the author writes for ("By Dolores Chang
#: For Dailymail.Com")
_FOR = frozenset({"for", "für", "pour", "para", "per"})
#: the words of a time or an age beside a date's digits ("3 hours ago", "vor 2 Stunden")
_TIME_WORDS = frozenset(
    word
    for words in (
        "ago hour hours minute minutes min mins sec seconds day days week weeks month months year",
        "years h std stunde stunden minuten tag tagen woche wochen vor seit heure heures il y a",
        "hace hora horas minuto minutos día días pm am a.m. p.m. gmt utc cet cest mez mesz est edt",
        "pst pdt bst vom zuletzt geändert geaendert datum date fecha data",
    )
    for word in words.split()
)
#: what a name may not start or end with
_EDGE = " \t.,:;!?-–—|·•*+=\"'“”„‘’‚«»()[]{}<>/\\"
_WORD = re.compile(r"\S+")
#: a name longer than this is not a name but a sentence the byline line held
MAX_NAME_WORDS = 6
MAX_NAME_CHARS = 80
#: what is read of a byline: the longest seen on the benchmarks' pages is some 230 characters
MAX_BYLINE_CHARS = 400
#: a byline naming more people than this is a list of something else
MAX_AUTHORS = 12


def author_spans(byline: Span, outlet: str | None = None) -> list[Span]:
    """The names ``byline`` holds, in order, each a span of the same raw text (read in its
    first :data:`MAX_BYLINE_CHARS` characters: a byline from a hostile page's metadata may be
    any length).  With ``outlet`` (its domain or name), a name that is the outlet's own goes
    when a person remains ("By Jane Doe, CNN" on cnn.com names Jane Doe; "CNN" alone stays:
    desk and agency bylines are real)."""
    names = _author_spans(byline)
    keys = site_keys(None, outlet)
    if keys:
        names = [n for n in (_without_glued_outlet(byline, s, keys) for s in names) if n is not None]
        others = [s for s in names if not _names_outlet(s.text, keys)]
        if others:
            return others
    return names


def _without_glued_outlet(byline: Span, name: Span, keys: set[str]) -> Span | None:
    """``name`` without a last word that is the start of the outlet's name glued together
    ("Adam Aaronson PhillyVoice Staff" on phillyvoice.com: the split at the inner capital
    left "Philly" on the name); None when nothing is left."""
    at = name.end - byline.start
    rest = byline.text[at:]
    if not rest[:1].isalpha():
        return name
    head, _, last = name.text.rpartition(" ")
    token = last + rest.split(None, 1)[0]
    if NON_ALNUM.sub("", token.casefold()) not in keys:
        return name
    head = head.rstrip(_EDGE)
    return Span(head, name.start, name.start + len(head)) if head else None


def _names_outlet(name: str, keys: set[str]) -> bool:
    """Whether the name is the outlet's: the whole of it, or one of its words ("Die FURCHE"
    of furche.at, "FOCUS Online" of focus.de); a word only containing it is a person's
    ("Zeitler" on zeit.de)."""
    whole = NON_ALNUM.sub("", name.casefold())
    words = {NON_ALNUM.sub("", w) for w in name.casefold().split()}
    return whole in keys or bool(words & keys)


def _author_spans(byline: Span) -> list[Span]:
    text = byline.text[:MAX_BYLINE_CHARS]
    out: list[Span] = []
    seen: set[str] = set()
    for start, end in _names(text):
        name = text[start:end]
        key = "".join(filter(str.isalnum, name.casefold())) or name  # "Sophie Foster; Sophie-Foster"
        if key in seen:
            continue
        seen.add(key)
        out.append(Span(name, byline.start + start, byline.start + end))
        if len(out) > MAX_AUTHORS:
            return []
    return out


def _names(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each name in ``text``.

    The names start after the first by-word or author label, wherever it stands ("Posted
    in Datenschutz by damianduchamps", "Accueil | Par Loïc Le Clerc"), and stay within its
    segment: a later segment is another field ("By Jane Doe | Politics").  Without one, the
    names run from the first segment that holds one to the next that holds none ("Julia
    Vergin | Clare Roth", "Paddy · April 19, 2019 · Mac").  A date or a lower-case word
    after a name ends the list ("By Emily Burack 8 January 2020, 3:51 pm 11 Edit", "von
    Fatima in Gefühle, Popkultur").
    """
    trailer = _TRAILER.search(text)
    if trailer is not None:
        text = text[: trailer.start()]
    segments = list(_segments(text))
    by = next((m for m in _BY_ANYWHERE.finditer(text) if not _inside_name(text, m)), None)
    if by is not None:
        end = next(e for s, e in segments if by.start() <= e)
        segments = [(by.start(), end)]
    found = False
    for seg_start, seg_end in segments:
        found_here = False
        photo = False
        both = _TEXT_AND_PHOTOS.match(text, seg_start, seg_end)
        for start, end in _list_items(text, both.end() if both else seg_start, seg_end):
            item = text[start:end]
            if _PHOTO_LABEL.match(item):
                photo = True
                continue
            m = _BY_WORD.match(item)
            if m is not None:
                photo = False
                start += m.end()
            if photo:
                continue
            runs, ends_dated = _runs_without_dates(text, start, end)
            for run_start, run_end, after_date in runs:
                if found and after_date:  # a date after a name ends the names
                    return
                name, cut = _name_in(text, run_start, run_end)
                if name is not None and found and _describes(text, *name, run_end):
                    return  # "Samuel Diekmann, Redner bei rent-a-pastor.com"
                if name is not None:
                    found = found_here = True
                    yield _without_weekday(text, *name)
                if found and cut:
                    return
            if found and ends_dated:
                return
        if found and not found_here:
            return


def _describes(text: str, start: int, end: int, run_end: int) -> bool:
    """Whether the name found after another is what the other does, not a second author: one
    capitalised word that a lower-case word goes on from ("Redner bei rent-a-pastor.com": a
    noun, as German writes it).  A desk stays ("Michael Rädel, Redaktion"): the gold of both
    benchmarks names it as often as not."""
    name = text[start:end]
    if " " in name:
        return False
    after = text[end:run_end].split(None, 1)
    return bool(after) and after[0][:1].islower() and after[0].casefold() not in _PARTICLES


#: the days of the week as a date line prints them before the date ("Mi, 18. Oktober 2023",
#: "Wed, March 4, 2020", "mer. 4 mars"), casefolded, full and abbreviated
_WEEKDAYS = frozenset(
    word
    for words in (
        "mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday",
        "saturday sunday mo di mi do fr sa so montag dienstag mittwoch donnerstag freitag samstag",
        "sonntag sonnabend lun mar mer jeu ven sam dim lundi mardi mercredi jeudi vendredi samedi",
        "dimanche mié jue vie sáb dom lunes martes miércoles jueves viernes sábado domingo lunedì",
        "martedì mercoledì giovedì venerdì sabato domenica",
    )
    for word in words.split()
)
#: a date after the weekday: a digit within the next two words
_DATE_AFTER_WEEKDAY = re.compile(r"[.,]?\s+(?:[^\W\d_]+\.?\s+)?\d")


def _without_weekday(text: str, start: int, end: int) -> tuple[int, int]:
    """A name without the weekday a date line glued to it ("Von Lisa Petrich Mi, 18.
    Oktober 2023": Lisa Petrich); a two-word name keeps its last word ("Lisa Mo, 12.3.")."""
    head, _, last = text[start:end].rpartition(" ")
    if (
        head.count(" ") >= 1
        and last.rstrip(".").casefold() in _WEEKDAYS
        and _DATE_AFTER_WEEKDAY.match(text, end)
    ):
        return start, start + len(head.rstrip())
    return start, end


def has_by_word(text: str) -> int | None:
    """Where the first by-word or author label of ``text`` stands (not a name's particle,
    "Alexa von Heyden"), or None."""
    return next((m.start() for m in _BY_ANYWHERE.finditer(text) if not _inside_name(text, m)), None)


def _inside_name(text: str, by: re.Match[str]) -> bool:
    """Whether the by-word ``by`` found is a name's particle: "von" after a lone given name
    ("Alexa von Heyden"), not after a noun or a date ("Eine Kolumne von Nils Pickert",
    "Publiziert am 13. Januar 2014 von uriebe")."""
    if by.group().split()[0].casefold() not in _PARTICLE_BY_WORDS:
        return False
    before = text[: by.start()].split()
    if not before or not before[-1][:1].isupper():
        return False
    first = len(before) == 1 or before[-2][-1:] in "|·•,;:/–—"
    return first and before[-1].strip(_EDGE) in given_names()


def _segments(text: str) -> Iterator[tuple[int, int]]:
    """The stretches between segment separators."""
    at = 0
    for m in _SEPARATOR.finditer(text):
        if m.group("segment") is not None:
            yield at, m.start()
            at = m.end()
    yield at, len(text)


def _list_items(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The stretches of one segment between list separators."""
    at = start
    for m in _SEPARATOR.finditer(text, start, end):
        if m.group("list") is not None:
            yield at, m.start()
            at = m.end()
    yield at, end


def _tokens(text: str, start: int, end: int) -> Iterator[tuple[int, int, str, bool]]:
    """The words of ``text[start:end]``, what is glued to a name split off ("Nicole
    Collignon22. Februar 2020", "Shana Nys DambrotNovember 6, 2023"), each with whether it
    is a capitalised piece glued on (it ends the name like a date)."""
    alone = len(_WORD.findall(text, start, end)) == 1
    for m in _WORD.finditer(text, start, end):
        at = m.start()
        glued = False
        for cut in _GLUED.finditer(m.group()):
            if alone and m.group()[cut.start()].isalpha():
                continue  # one word in camel case is a handle ("by MatsWichmann"), not two glued
            piece_end = m.start() + cut.start()
            if piece_end > at:
                yield at, piece_end, text[at:piece_end], glued
                at = piece_end
                glued = text[at].isupper()
        yield at, m.end(), text[at : m.end()], glued


def _runs_without_dates(text: str, start: int, end: int) -> tuple[list[tuple[int, int, bool]], bool]:
    """The runs of words of ``text[start:end]`` that are not part of a date or time, each
    with whether a date stands before it; and whether the stretch ends with a date.

    A word opening with a digit is a date's (and a capitalised piece glued to a name ends
    the run the same way); so are the month, weekday and time words next to one and the
    words a date stands with ("am", "le", "Uhr", "Updated"), outwards from the digits.  A
    month name with no date beside it stays: "June Smith" is a name.
    """
    tokens = list(_tokens(text, start, end))
    words = [(a, b, w) for a, b, w, _ in tokens]
    n = len(words)
    dated = [w[0].isdigit() or glued for _, _, w, glued in tokens]
    if any(dated):
        keys = [w.casefold().strip(".,:;()/") for _, _, w in words]
        date_word = [k in DATE_LINE_WORDS or k in _TIME_WORDS for k in keys]
        # a run of date words touching a dated word is the date's: one sweep each way
        # ("Posted on March 3", "am Dienstag, 18. September")
        for order in (range(1, n), range(n - 2, -1, -1)):
            step = -1 if order.step == 1 else 1
            for i in order:
                if not dated[i] and date_word[i] and dated[i + step]:
                    dated[i] = True
    runs: list[tuple[int, int, bool]] = []
    run: list[tuple[int, int, str]] = []
    seen_date = False
    for word, is_date in zip(words, dated, strict=True):
        if is_date:
            if run:
                runs.append((run[0][0], run[-1][1], seen_date))
            run = []
            seen_date = True
        else:
            run.append(word)
    if run:
        runs.append((run[0][0], run[-1][1], seen_date))
    return runs, bool(dated) and dated[-1]


def _name_in(text: str, start: int, end: int) -> tuple[tuple[int, int] | None, bool]:
    """The name a run of words holds, and whether the run went on past it.

    The name is what follows a by-word, up to a handle ("@EricLevitz"), a label ("Datum:")
    or the first lower-case word that is not a particle, without edge punctuation; None
    when what is left is no name.
    """
    m = _BY_WORD.match(text, start, end)
    if m is not None:
        start = m.end()
    handle = text.find("@", start, end)
    cut = handle >= 0
    if cut:
        end = handle
        # an e-mail address's local part goes with it ("Carrasquilla maria.c@diario.pa"),
        # even glued to the name by a lost space ("Carrasquilla Reinamaria.c@..."); a
        # handle glued to the name ("Eric Levitz@EricLevitz") has no domain after it
        if handle > start and not text[handle - 1].isspace() and _EMAIL_DOMAIN.match(text, handle + 1):
            end = text.rfind(" ", start, handle) + 1
            if end <= start:
                return None, True
    words = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(text, start, end)]
    if not words:
        return None, cut
    if len(words) == 1 and words[0][2].endswith((":", "：")):
        return None, True  # a label ("Datum:", "Kategorie:")
    # a desk named with its article ("Par la rédaction", "von der Redaktion") is a name
    keep = 2 if len(words) > 1 and words[0][2] in _ARTICLES else 1
    for i in range(keep, len(words)):
        word = words[i][2]
        if word[:1] in "([":  # "Samuel Diekmann (Sponsored Post)", "Max Mann (dpa)"
            cut = True
            break
        first = word.lstrip(_EDGE)[:1]
        if (first.islower() and word.casefold() not in _PARTICLES and not _lower_surname(words, i)) or (
            word.casefold() in _FOR
        ):
            cut = True
            break
        keep = i + 1
        if words[i][2].endswith((":", "：")):  # "Mark Newton: ...": the name ends here
            cut = keep < len(words)
            break
    roles = [_is_role(w[2]) for w in words[:keep]]
    if roles == [False, True] and _caseless(words[0][2]):
        keep = 1  # "김철수 기자": a name of a script without capitals, then the role
        roles = [False]
    elif any(roles) and keep <= 2:  # "Staff Writer", "Volontär (Sport)", "Online-Redakteurin"
        return None, cut
    if roles[-1]:  # "Jane Doe Reporter"
        keep -= 1
    opens = 1 if roles[0] and keep >= 3 else 0  # "Rechtsanwalt Sebastian Einbock"
    start, end = words[opens][0], words[keep - 1][1]
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        if text[end - 1] == "." and _keeps_period(text[start:end]):
            break
        end -= 1
    name = text[start:end]
    if not any(c.isalpha() for c in name) or len(name) > MAX_NAME_CHARS:
        return None, cut
    if _LABEL_GLUED_TO_VALUE.search(name):  # "Datum:26. Januar 2022": a field, not a name
        return None, cut
    if len(name.split()) > MAX_NAME_WORDS:
        return None, cut
    return (start, end), cut


#: what follows an e-mail address's "@"
_EMAIL_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}\b")
#: a field's label glued to its number ("Datum:26", "Nr.:4")
_LABEL_GLUED_TO_VALUE = re.compile(r"[^\W\d_][:：]\s*\d")


def _lower_surname(words: list[tuple[int, int, str]], i: int) -> bool:
    """Whether the lower-case ``words[i]`` is a surname written small ("Posted by Mobasir
    hassan"): the last word of the run, after one capitalised given name, all letters, and
    no function word of any language ("von Fatima in" ends at "Fatima")."""
    word = words[i][2]
    if i != 1 or i != len(words) - 1 or len(word) < 3 or not word.isalpha():
        return False
    given = words[0][2]
    if not (given[:1].isupper() and given[1:].islower() and given.isalpha()):
        return False
    return word not in any_language_stopwords()


def _caseless(word: str) -> bool:
    """Whether ``word`` is written in a script without capitals (Korean, Chinese, Arabic):
    there one word may be a whole name."""
    return any(c.isalpha() for c in word) and word.lower() == word.upper()


def _is_role(word: str) -> bool:
    """Whether ``word`` is a role ("Writer", "Online-Redakteurin", "Volontär")."""
    return word.rsplit("-", 1)[-1].strip("()[].,:").casefold() in _ROLE_WORDS


def _keeps_period(name: str) -> bool:
    """A final period that belongs to the name: an initial ("Marwan H.") or "Jr."."""
    last = name.rsplit(None, 1)[-1].rstrip(".")
    return len(last) == 1 or last.casefold() in ("jr", "sr")

"""The plain-text line cleaner: every line of a page gets a role, or a reason to go.

Order of evidence, strongest first:

1. *What the input told us* (:class:`FieldHints`): a line equal to the page's declared
   title, deck, byline or a figure caption takes that role.
2. *Cue phrases* (:mod:`lexicon`): paywall counters, donation appeals, cookie, newsletter
   and social prompts, bare UI labels, in en/fr/de/es (+ a few it/pt/nl).
3. *Repetition*: a line printed twice on the page (an echoed deck or caption) keeps its
   first copy; a line on many pages of the same outlet (:class:`TemplateIndex`) is template.
4. *Structure*: the headline is the first headline-shaped line; short labels above it are
   navigation; a short line confidently in another language than the article is removed.
5. *The line model* (:mod:`linemodel`): length, punctuation, stopword density for the
   article's language, position, neighbours; trained on turku-lines.

Glued lines.  Scraped text sometimes loses a line break, e.g. a paywall nag glued to the
next article's headline ("...post comments.Commemorative event held in Rome's ...").  A
line is split at such a boundary (lower-case letter, sentence end, capital, no space) only
when one of the parts is furniture by the rules above; each part is then judged on its own,
and a headline-like part glued to removed furniture is removed too ("boilerplate", with
the detail saying so), since it belongs to another article.

Every span indexes ``raw`` exactly; nothing is normalised in place.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, islice, pairwise, takewhile, zip_longest
from operator import attrgetter, itemgetter
from typing import Any, TypeVar

import ahocorasick_rs
import numpy as np

from newsdesk.clean import byline as bylines
from newsdesk.clean import headline
from newsdesk.clean.authors import author_spans
from newsdesk.clean.byline import given_names, load_byline_model
from newsdesk.clean.config import CleanConfig, FieldHints
from newsdesk.clean.datewords import DATE_LINE_WORDS as _DATE_LINE_WORDS
from newsdesk.clean.datewords import JALALI_MONTHS as _JALALI_MONTHS
from newsdesk.clean.datewords import MONTHS as _MONTHS
from newsdesk.clean.datewords import MORE_MONTHS as _MORE_MONTHS
from newsdesk.clean.datewords import jalali_to_gregorian, persian_letters
from newsdesk.clean.features import CLOSERS_AND_SPACE, COPYRIGHT, SENTENCE_MARKS, doc_line_stats, line_stats
from newsdesk.clean.headline import load_headline_model
from newsdesk.clean.lexicon import (
    LABELS,
    NETWORK_NAMES,
    ROW_FIRST_WORDS,
    dup_keys_and_norms,
    find_all,
    is_label_row,
    is_section_label,
    line_cues,
    lower_page,
    match_rules,
    normalise,
    stopwords,
)
from newsdesk.clean.linemodel import load_model
from newsdesk.clean.places import is_place
from newsdesk.clean.sections import FOOTER, LINE_MODEL_DETAIL, drop_inline_teasers, mark_article_end
from newsdesk.clean.sites import host_of
from newsdesk.clean.templates import TemplateIndex
from newsdesk.lang import MIN_LINE_WORDS, LangGuess, detect, line_language
from newsdesk.model import Article, Caption, Paragraph, Removed, Span, content_id

_T = TypeVar("_T")
#: what zip_longest pads the shorter side with in :func:`_nearest_first`
_MISSING: Any = object()

_LINE = re.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
_GLUE = re.compile(
    r"(?<=[a-zà-ÿß]{2}[.!?])(?=[A-ZÀ-Ý][a-zà-ÿ])|(?<=[a-zà-ÿß]{2}[.!?][\"”»’])(?=[A-ZÀ-Ý][a-zà-ÿ])"
)
_GLUE_HINT = re.compile(r"[.!?][\"”»’]?[A-ZÀ-Ý][a-zà-ÿ]")
#: agencies whose name and a slash open a photographer's credit (first letters among the
#: lookahead's of :data:`_CREDIT`)
_PHOTO_AGENCIES = (
    "EFE|IMAGO|imago|dpa|AFP|AP|EPA|ANSA|Europa Press|Getty Images|picture alliance|Keystone|KEYSTONE"
    "|Reuters|REUTERS|Anadolu"
)
_CREDIT = re.compile(
    # (the lookahead: the first characters the branches below open with, case-blind as re
    # compares them; a word opening otherwise is passed over without trying each branch)
    r"(?:(?<=[\s.!?)])|^)(?=[(©abcdefgikpqrsvz])(?P<credit>(?:\(\s*)?(?:"
    r"(?:photo|image|picture|photograph|video|credit|source|illustration|graphic)s?(?:\s+credit)?\s*[:©|]"
    r"|(?:photo|image|picture|photograph|illustration)s?\s+(?:by|courtesy(?: of)?)\s"
    r"|(?:foto|fotoğraf|bild|bildquelle|bildrechte|quelle|fotos|grafik)\s*[:©|]"
    r"|(?:crédits?(?:\s+photo)?|photo|illustration)\s*[:©]"
    r"|(?:fotograf[íi]a|imagen|cr[ée]dito)\s*[:©]"
    r"|(?:kuva|zdj[ęe]cie|fot\.)\s*:"
    # (not an agency's signature with the editor's initials closing a paragraph, "(dpa/gem)")
    r"|\((?:AP|AFP|Reuters|EFE|EPA|dpa|Getty Images|Andina|Xinhua|ANSA|Anadolu|Europa Press)\s*/\s*(?!(?-i:[a-z]{1,4})\))[^()]{2,60}\)"
    r"|©\s*\S"
    # an agency and its photographer after the caption's last sentence, as the Spanish and
    # German press print them: "... del Grupo de Madrid. EFE/ J.J. Guillén", "... sammeln.
    # IMAGO/Nico Herbertz" (case kept; not two agencies, "AFP/Reuters", a story's sources,
    # nor a sentence's end, "... according to Reuters/Ipsos.")
    rf"|(?-i:{_PHOTO_AGENCIES})\s*/\s*(?!(?-i:{_PHOTO_AGENCIES}|APA|KNA|epd|AA|Xinhua|TASS)\b)"
    r"(?-i:[A-ZÀ-Ý][\w.'’-]*(?:\s+[A-ZÀ-Ý][\w.'’-]*){0,3})(?<!\.)(?=\s*$)"
    # a Creative Commons licence closing a caption ("... (Stand Juni 2016) CC-BY-SA 2.0")
    r"|(?-i:CC)[- ](?-i:BY)(?:[- ](?-i:SA|ND|NC))*(?:\s+\d\.\d)?(?=\s*$)"
    r"|\(?(?:AP|AFP|Reuters|Getty Images|EPA|dpa|Shutterstock)\s+(?:Photo|Images|Foto)\b"
    # the French and Spanish press print a credit in capitals after the caption, without a
    # colon: "... au milieu des décombres. PHOTO AFP / LUC FERRAND" (case kept: a capital
    # word after "photo" in running text is not a credit)
    r"|(?-i:PHOTOS?|FOTOS?)\s+(?-i:[A-ZÀ-Ý][A-ZÀ-Ý0-9.&'’-]+(?:\s+[A-ZÀ-Ý0-9.&'’-]+)*(?:\s*/\s*[A-ZÀ-Ý][A-ZÀ-Ý.'’ -]+)?)(?=\s*$)"
    r")[^\n]{0,200}?)\s*$",
    re.IGNORECASE,
)
#: a figure's label opening its caption: the word, a number, a colon or full stop (rendered
#: pages print it before the caption's text; Fundus, turku and tune pages hold 74 such lines
#: outside the article's text and 1 inside it)
_FIGURE_LABEL = re.compile(
    r"(?i:abbildung|abb\.|figure|fig\.|beitragsbild|titelbild|schaubild|bildunterschrift|figura)"
    r"\s*\d*[a-z]?\s*[:.|–-]\s+\S"
)
#: where a photo's caption says who stands where: "Sir Tony Blair (left) being interviewed",
#: "Vargas Llosa (r.) mit Verleger Pere A. Serra" (lower-cased; Fundus, tune and turku
#: pages keep 8 such lines in the body, none of them article text)
_POSITION_IN_PHOTO = re.compile(
    r"\((?:right|left|centre|center|far (?:right|left)|second (?:from )?(?:left|right)|l\.|r\.|m\."
    r"|links|rechts|mitte|v\.\s?l\.(?:\s?n\.\s?r\.)?|\d\.\s?v(?:on|\.) (?:links|rechts)"
    r"|à gauche|à droite|au centre|izquierda|derecha|centro)\)"
)
#: a caption is short
_POSITION_CAPTION_MAX_WORDS = 40
#: substrings one of which every :data:`_FIGURE_LABEL` match holds, lower-cased (plain
#: substring tests: a regex alternation tried at every position of the page cost 1.8 % of
#: the plain-text path)
_FIGURE_HINTS = ("abb", "fig", "bild")
_BYLINE = re.compile(
    r"^(?:by|written by|von|par|por|di|door|av|de)\s+\S|^(?:autor(?:in)?|author|auteur)\s*:"
    r"|^(?:[*•-]\s+)?(?:autor(?:in)?|author|auteur|text(?:\s*(?:&|und|and)\s*fotos?)?)\s*:\s+\S"
    r"|^(?:durch|(?:artikel|beitrag|erstellt|geschrieben|verfasst) von|posted by|published by|"
    r"publi[ée] par|escrito por|publicado por)\s+\S"
    # the author labels and by-words of Russian, Ukrainian, Turkish, Indonesian, Arabic,
    # Persian and Chinese pages (session 26); "كتب" (wrote) is also "books", so not it.
    # "记者 王小明", "김철수 기자": a reporter's title and a name, nothing else on the line.
    # One branch behind a test of the first character (yazar, muhabir, penulis, wartawan,
    # oleh, or a letter from U+0400 on): as four branches they cost the rest again on every
    # line asked, and most lines near a headline are asked.
    r"|^(?=[yYmMpPwWoO\u0370-\U0010ffff])(?:"
    r"(?:автор(?:ы)?|текст|yazar|muhabir|penulis|wartawan|نویسنده|作者|撰文|文"
    # Hindi, Bengali, Urdu, Greek, Hebrew, Vietnamese (session 27)
    r"|लेखक|संवाददाता|লেখক|প্রতিবেদক|مصنف|نامہ نگار|συντάκτ(?:ης|ρια)|כתב(?:ת)?|phóng viên"
    r")\s*[:：/／|｜]\s*\S"
    r"|(?:oleh|بقلم|به قلم|מאת)\s*:?\s+\S"
    r"|(?:本报|本台)?记者\s*[:：]?\s*[\u4e00-\u9fff·]{2,4}(?:\s*[、 ]\s*[\u4e00-\u9fff·]{2,4})*\s*$"
    r"|[가-힣]{2,4}\s?기자\s*(?:[\w.+-]+@[\w.-]+)?\s*$)",
    re.IGNORECASE,
)
#: a byline inside a date or meta line: "02.02.2022, 11:30 Uhr von Markus Steinrisser",
#: "Accueil | Par Loïc Le Clerc | 30 septembre 2018", "27. Januar 2014 by Barbara Russ /
#: Kategorien: Event", "Eingestellt von Weinlachgummi um 10:52": the word, then a name (a
#: capitalised word, or a handle when the line is dated).  The line must also hold a date or
#: a separator, so "Interview von Anna Muster" in a heading does not qualify.
_BYLINE_INSIDE = re.compile(
    r"(?:^|[\s|/·•,–—(])(?i:by|von|par|por|door|av|posted by|geschrieben von|eingestellt von)"
    r"\s+(?:(?P<name>(?!(?i:der|die|das|den|dem|des|la|le|les|el|los|las|the|a|an|de|del|van)\b)"
    r"[A-ZÀ-Ý][\w.'’-]+)|(?P<handle>[a-z][\w.'’-]*\d*))(?:\s+[A-ZÀ-Ý][\w.'’-]+){0,3}"
)
#: a by-word alone on its line, the name printed on the next ("Von" / "Sabrina Gerstmaier",
#: "By" / "* Rachel Brazil"): Fundus pages hold 9 such pairs, 8 of them the gold author's
_BY_WORD = re.compile(r"(?i:by|von|par|por|door|av)\s*:?$")
#: the name under it: capitalised words (a list mark first, a comma or a digit mark after)
_BYLINE_NAME = re.compile(
    r"(?:[*•-]\s+)?[A-ZÀ-Ý][\w.'’-]*(?:\s+(?:[A-ZÀ-Ý]|von |van |de |di )[\w.'’-]*){0,3},?\d?$"
)
_BYLINE_SEPARATOR = re.compile(r"\s[|/·•]\s|\s[–—]\s")
_BYLINE_INSIDE_MAX_WORDS = 16


def _byline_inside(text: str) -> bool:
    """A date or meta line that names its author (:data:`_BYLINE_INSIDE`): a capitalised
    name on a dated or separated line, a lower-case handle ("von mywakenews") only on a
    dated one."""
    m = _BYLINE_INSIDE.search(text)
    if m is None:
        return False
    if _is_date_line(text):
        return True
    return m.group("name") is not None and _BYLINE_SEPARATOR.search(text) is not None


_DATELINE_PREFIX = re.compile(
    r"^(?P<dl>[A-ZÀ-ÝΑ-ΩΆ-Ώ][A-ZÀ-ÝΑ-ΩΆ-Ώ.'’\- ]{1,40}(?:,\s*[\w.'’ -]{1,40})?\s*(?:\([\w .&-]{1,30}\)\.?)?\s*[—–-]{1,2})\s"
    # Italian agencies put themselves first: "(ANSA) - ROMA, 05 DIC - ..."; Hindi wires put
    # the agency after the date, with no dash: "नई दिल्ली, 5 दिसंबर (भाषा) ..." (session 27)
    r"|^(?P<it>\([A-Za-z]{2,12}\)\s*[—–-]\s*[A-ZÀ-Ý][A-ZÀ-Ý'’ -]{1,30},\s*\d{1,2}\s+[A-Za-z]{3,9}\.?\s*[—–-])\s"
    r"|^(?P<indic>[\u0900-\u0dff]+(?:\s[\u0900-\u0dff]+){0,2},\s*\d{1,2}\s+[\u0900-\u0dff]{2,14}\s*"
    r"\([\u0900-\u0dff\w .-]{2,20}\))\s"
    # the Russian and Ukrainian wires: "МОСКВА, 5 декабря. /ТАСС/.", "КИЕВ, 5 декабря — РИА
    # Новости." (city in capitals, day and month, then the agency); Arabic: "القاهرة (رويترز) -"
    # (a script without capitals: the city's one to three words, the agency in brackets)
    r"|^(?P<cyr>[А-ЯЁІЇЄҐ][А-ЯЁІЇЄҐ-]+(?:[ -][А-ЯЁІЇЄҐ-]+){0,3},\s*\d{1,2}\s+[а-яёіїєґ]{3,9}\.?"
    r"(?:\s*/[^/\n]{2,30}/|\s*[—–-]\s*[^.\n]{2,30})?)[.\s]"
    r"|^(?P<ar>[\u0621-\u064a]+(?:\s[\u0621-\u064a]+){0,2}\s*\([\u0621-\u064a ]{2,20}\)\s*[—–-])\s"
    r"|^(?P<he>[\u05d0-\u05ea\"'-]+(?:\s[\u05d0-\u05ea\"'-]+){0,2}\s*\([\u05d0-\u05ea\"' ]{2,20}\)\s*[—–-])\s"
    # the German agencies' "Berlin (dpa) –": a city in mixed case, so the agency in brackets
    # must follow it (a sentence does not open "Word (word) –"; nor is "Die Ministerin (SPD)
    # –" a place: no article first, no party in the brackets)
    r"|^(?!(?:Die|Der|Das|Den|Dem|Ein|Eine|The|An?|Le|La|Les|El|Los|Las|Il|Lo|Het|De)\s)"
    r"(?!\S+(?:\s\S+){0,3}\s*\((?:SPD|CDU|CSU|AfD|FDP|Grüne|Linke|BSW|ÖVP|FPÖ|SVP|[RD](?:-[A-Z]{2})?)\))"
    r"(?P<agency>[A-ZÀ-Ý][\w.'’/-]+(?:\s(?:[A-ZÀ-Ý][\w.'’/-]+|[a-zß-ÿ]{2,3})){0,3}\s*\([\w .&/-]{1,30}\)\s*[—–-]{1,2})\s"
    # a place in mixed case with the day it was filed, then a dash or the agency's stop:
    # "Marseille, le 3 mai 2024 –", "Baku, May 9, AZERTAC.", "Madrid, 5 de mayo (EFE).-"
    # (the month word must be one of datewords' months: checked in _opener)
    r"|^(?P<dated>[A-ZÀ-Ý][\w'’.-]+(?:[ -][A-ZÀ-Ý][\w'’.-]+){0,2}(?:,\s*[A-ZÀ-Ý][\w'’.-]+(?:\s[A-ZÀ-Ý][\w'’.-]+){0,2})?"
    r",\s*(?:(?:le|den|am|el|il)\s+)?(?:\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,10}\.?(?:\s+(?:de\s+)?\d{4})?"
    r"|[^\W\d_]{3,9}\.?\s+\d{1,2}(?:,?\s+\d{4})?)(?:,?\s*\(?[A-ZÀ-Ý][\w&.-]{1,15}\)?)?\s*(?:\.?\s*[—–-]{1,2}|\.))\s"
)
#: a date in a line, found from its digits (a pattern that starts with a digit is scanned
#: for quickly; one that starts with letters or a lookbehind is tried at every position,
#: four times slower here; so is one that starts with a choice of branches, even if each
#: opens with a digit, so every branch's first digit is taken before the choice and those
#: that want a particular one check it behind them: 374 -> 199 million instructions a pass
#: over the bench texts).  Rendered pages glue a date to the word before it ("Posted
#: on28. Juli 2019", "von Nadja Demel13.12.2022") and a repeated date to the year ("20
#: janvier 202020 janvier 2020"), so a date is bounded by "not a digit" (tested on the
#: match), not by a word boundary; Spanish and Portuguese write "4 de mayo de 2022", some
#: sites "8.Dezember 2010", "07 Dezember, 2022", "03.Mär.19" or "18. 05. 2014".  The
#: ``mdy`` group is the end of "June 1, 2017": a month word must precede it
#: (:data:`_MONTH_BEFORE`).
#: (the ``年月日`` / ``년월일`` branch: Chinese, Japanese and Korean dates, "2024年8月6日"; the
#: year-first branches with a slash or dots: Japanese, Arabic and Korean pages' "2024/12/05",
#: "2024.12.05", "2024. 12. 5.")
_DATE_LINE = re.compile(
    r"\d(?:"  # the first digit of every branch below
    r"(?:(?<=1)9|(?<=2)0)\d{2}(?:/\d{1,2}/|\.\s?\d{1,2}\.\s?)\d{1,2}(?!\d)"  # (?:19|20)\d{2}...
    r"|(?<=[1۱١])[34۳۴٣٤]\d{2}/\d{1,2}/\d{1,2}(?!\d)"  # [1۱١][34۳۴٣٤]\d{2}...
    r"|\d{3}-\d{2}-\d{2}|\d{3}\s?[年년]\s?\d{1,2}\s?[月월]\s?\d{1,2}"  # \d{4}...
    r"|\d?(?:[./-]\d{1,2}[./-](?:\d{4}|\d{2}(?!\d))|\.\s\d{1,2}\.\s?\d{4}"  # \d{1,2}...
    r"|(?:\.\s*|\s+)(?:de\s+)?(?:[^\W\d_]{3,10}|دی|[\u0900-\u0dff]{2,14})(?:\.\s*|,?\s+)(?:de\s+)?\d{4}"
    r"|\s+tháng\s+\d{1,2},?\s+(?:năm\s+)?\d{4}"
    r"|\.\s?[^\W\d_]{3,4}\.\s?\d{2}(?!\d)|(?P<mdy>,?\s+\d{4})))"
)
#: what before a date's first digit, or after its last, makes it part of a longer number
_NUMBER_CHAIN = re.compile(r".?\d$|\d[./-]$")
_NUMBER_CHAIN_END = re.compile(r"[./]\d")
#: a month word ending where a :data:`_DATE_LINE` ``mdy`` match starts; it may be glued to
#: the word before it ("2 minute readApril 25, 2023")
_MONTH_BEFORE = re.compile(r"(?:\b|(?<=[a-z])(?=[A-Z]))(?:[^\W\d_][^\W\d_A-ZÀ-Þ]{2,9}|[A-ZÀ-Þ]{3,10})\.?\s+$")
_ANY_DIGIT = re.compile(r"\d")
#: an embedded tweet's signature, "— Hertha BSC (@HerthaBSC) June 1, 2017": the tweet's
#: date, not the page's
_TWEET_SIGNATURE = re.compile(r"[—–-]\s.{0,60}\(@\w+\)")


def _is_date_line(text: str) -> bool:
    """Whether ``text`` holds a date (:data:`_DATE_LINE`, not right after a digit, a month
    word before a month-first one).  Every match holds a digit, and the cheap digit scan
    first spares the pattern on most lines."""
    if _ANY_DIGIT.search(text) is None:
        return False
    for m in _DATE_LINE.finditer(text):
        at, end = m.start(), m.end()
        if _NUMBER_CHAIN.match(text[max(0, at - 2) : at]) or _NUMBER_CHAIN_END.match(text, end):
            continue  # a piece of a longer number: "Host IP: 80.63.11.78", "tél: 04.90.42.95.14"
        if m.group("mdy") is None or _MONTH_BEFORE.search(text, max(0, at - 16), at):
            return True
    return False


#: a date line that names the article's source after it: "August 6, 2024 10:32 Source:
#: Xinhua" is the dateline of a wire story, not a photo's caption with its credit
_DATE_THEN_SOURCE = re.compile(
    r"(?P<date>.{4,60}?)\s+(?:source|sources|quelle|fuente|fonte|kaynak|źródło)\s*:\s*\S[^\n]{0,60}",
    re.IGNORECASE,
)


def _dateline_shaped(ln: _Line) -> bool:
    """A line short enough to be only a date, with at most a few words beside it (a weekday,
    a time zone, "Published", the wire's name after it), or dates joined by a separator
    ("20 Nisan 2026•Güncelleme: 20 Nisan 2026", "March 3, 2024 | Updated March 4, 2024").
    A clock time is one word of the date, though ``nw`` counts "16:51" as two ("25 de mayo
    de 2025 16:51 h" is a date line of six words)."""
    if ln.nw > _JOINED_DATES_MAX_WORDS or not _is_date_line(ln.text):
        return False
    nw = ln.nw - len(_CLOCK_TIME.findall(ln.text)) if ":" in ln.text else ln.nw
    return (
        nw <= 12
        and (
            nw <= 6
            or _says_what_it_dates(ln.text)
            or _date_then_source(ln.text)
            or nw - _weekday_and_zone(ln.text) <= 6
        )
        or _dates_joined(ln.text)
    ) and _TWEET_SIGNATURE.match(ln.text) is None


#: a clock time, "16:51" or "08:01:30"
_CLOCK_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
#: what a page prints between its publication and update dates
_DATE_SEPARATOR = re.compile(r"\s*[•·|]\s*")
#: where a renderer glued the update to the publication date, a letter straight after the
#: last digit of the first ("Publié le 18 juil. 2024 à 08:01Mis à jour le 18 juil. 2024 à
#: 09:06", "15 oct 2024 - 08:22Actualizado: 15 oct 2024"); a piece is cut there only when
#: what follows opens with an update word (:data:`_DATE_WORDS`)
_GLUED_AFTER_DIGIT = re.compile(r"(?<=\d)(?=[^\W\d_])")
#: "Publié le 3 mars 2024 à 10h32 · Mis à jour le 4 mars 2024 à 18h05"
_JOINED_DATES_MAX_WORDS = 20


def _dates_joined(text: str) -> bool:
    """Whether every piece of ``text`` between separators is a date line of its own: a
    date, or one after "Updated" and its kin, each short."""
    pieces = []
    for piece in _DATE_SEPARATOR.split(text.strip()):
        at = 0
        for m in _GLUED_AFTER_DIGIT.finditer(piece):
            if _DATE_WORDS.match(piece[m.start() :]) is not None:
                pieces.append(piece[at : m.start()])
                at = m.start()
        pieces.append(piece[at:])
    return len(pieces) > 1 and all(
        _is_date_line(piece)
        and ((n := _words_of_date(piece)) <= 6 or _DATE_WORDS.match(piece) is not None and n <= 10)
        for piece in pieces
    )


_WORD_RUN = re.compile(r"\w+")


def _words_of_date(text: str) -> int:
    """Words of a date line as :func:`_dateline_shaped` counts them: runs of word characters
    (a dash or a comma between them is none), a clock time one."""
    return len(_WORD_RUN.findall(text)) - len(_CLOCK_TIME.findall(text))


def _date_then_source(text: str) -> bool:
    m = _DATE_THEN_SOURCE.fullmatch(text)
    return m is not None and _is_date_line(m.group("date")) and len(m.group("date").split()) <= 8


#: a weekday before a date ("Thursday, 5 December 2024") and a time zone or clock word after
#: it ("14:30 GMT", "2:30 PM EST", "14:30 WIB", "10:00 Uhr"): words of the date, not of a
#: sentence, so a dateline may hold them beside its six words of date and time
_WEEKDAY_FIRST = re.compile(r"[^\W\d_]{2,12}\.?,\s")
_ZONE_LAST = re.compile(
    r"(?:\d|\b[AaPp]\.?[Mm]\.?)\s+(?:[A-Z]{2,5}|(?:UTC|GMT)\s?[+-]\d{1,2}(?::?\d{2})?|[AaPp]\.?[Mm]\.?|Uhr|h)\s*$"
)
_MERIDIEM = re.compile(r"\d\s?(?:[AP]M|[ap]m|[ap]\.m\.)\s", re.ASCII)
#: Vietnamese spells a date in words around its numbers: "Thứ năm, 5 tháng 12 năm 2024"
#: (Thursday, day 5 month 12 year 2024)
_VI_DATE_WORD = re.compile(r"\b(?:thứ|chủ nhật|tháng|năm|ngày)\b", re.IGNORECASE)


def _weekday_and_zone(text: str) -> int:
    """How many of a date line's words are its weekday, its time zone and its AM or PM."""
    n = 1 if _WEEKDAY_FIRST.match(text) else 0
    zone = _ZONE_LAST.search(text)
    if zone is not None:
        n += 1 + zone.group().count("+") + zone.group().count("-") + zone.group().count(":")
    if _MERIDIEM.search(text):
        n += 1
    if "th" in text or "Th" in text:
        n += len(_VI_DATE_WORD.findall(text))
    return n


def _says_what_it_dates(text: str) -> bool:
    """The line opens with a word naming what its date is (:data:`_DATE_WORDS`), not with
    "On": "On March 5, 2024 the council met again." is the article's first sentence, which
    the dateline search took from the body while "On" counted as such a word."""
    m = _DATE_WORDS.match(text)
    return m is not None and m.group().casefold() != "on"


_DATE_WORDS = re.compile(
    r"^(?:published|updated|posted|last updated|last modified|veröffentlicht|aktualisiert|zuletzt aktualisiert"
    r"|letzte änderung|stand|publié|mis à jour|dernière mise à jour|última actualización|ultimo aggiornamento|"
    r"publicado|actualizado|on"
    # the same words in the other languages monitoring desks read most (session 26)
    r"|pubblicato|aggiornato|atualizado|gepubliceerd|bijgewerkt|opublikowano|aktualizacja"
    r"|опубликовано|обновлено|опубліковано|оновлено|yay[ıi]nlanma|g[üu]ncelleme|diterbitkan|diperbarui"
    r"|نشر في|تاريخ النشر|آخر تحديث|تاریخ انتشار|发布时间|更新时间|发布日期|公開日|更新日|입력|수정"
    # Hindi, Bengali, Urdu, Greek, Hebrew, Vietnamese (session 27)
    r"|प्रकाशित|अपडेटेड|प्रकाशित तिथि|প্রকাশিত|আপডেট|شائع|اپ ڈیٹ|δημοσιεύθηκε|δημοσίευση|ενημερώθηκε"
    r"|פורסם|עודכן|cập nhật|ngày đăng|đăng lúc)\b",
    re.IGNORECASE,
)


#: a credit ends its line and is at most 200 characters after a keyword of at most ~25, so a
#: match starts within this many characters of the line's end; searching only there gives
#: the same match (there is no earlier one) without trying every position of a paragraph
_CREDIT_WINDOW = 300

_CREDIT_KEYS = (
    "photo", "image", "picture", "video", "credit", "source", "illustr", "graphic", "foto", "bild",
    "quelle", "grafik", "crédit", "imagen", "crédito", "credito", "©", "ap ", "afp", "reuters",
    "getty", "epa", "dpa", "shutterstock", "kuva", "zdj", "fot.", "(efe", "(andina",
    "xinhua", "(ansa", "anadolu", "(europa press", "imago", "alliance", "keystone", "alamy",
    "istock", "unsplash", "pixabay", "stringer", "cc-by", "cc by", "efe/", "efe /", "(ap)",
)  # fmt: skip

#: a photo agency, as a credit names it
_AGENCY = (
    r"(?:Getty\s?Images|AFP|Reuters|AP|dpa|EPA(?:-EFE)?|EFE|Shutterstock|IMAGO(?:\s+images)?|"
    r"picture[- ]alliance|Keystone|ANP|Xinhua|Anadolu(?:\s+Agency)?|SIPA|Alamy|iStock(?:photo)?|"
    r"Bloomberg|PA(?:\s+Wire|\s+Images|\s+Media)?|Stringer|NurPhoto|SOPA\s+Images|LightRocket|Corbis|"
    r"WireImage|FilmMagic|Unsplash|Pixabay|Adobe\s+Stock|Fotolia|Wikimedia\s+Commons|ZUMA(?:\s+Press)?|"
    r"REX(?:\s+Features)?|Redux|Europa\s+Press)"
)
_CREDIT_NAME = r"[\w.'’&-]+(?:\s+[\w.'’&-]+){0,4}"
#: a photo credit standing on its own line, under or above its caption: "Marc Piasecki/Getty
#: Images", "AFP via Getty Images", "picture alliance/dpa | Jan Woitas", "Shutterstock".  On
#: Fundus pages the 60 such lines are all outside the article's text; on the tune half of
#: trafilatura-eval 69 hold no `with` snippet and 3 a `without` one.
_CREDIT_LINE = re.compile(
    rf"\(?(?:©\s*)?(?:{_CREDIT_NAME}\s*(?:/|\||\bvia\b|\bfor\b)\s*)*{_AGENCY}"
    rf"(?:\s*(?:/|\||\bvia\b)\s*{_CREDIT_NAME})*\)?\s*$",
    re.IGNORECASE,
)


#: a credit glued to its caption's last word when the scrape lost the break between them
#: ("... des ATP-TurniersBild: AFP/SID"): the keyword capitalised and followed by its colon.
#: Tried only where :data:`_CREDIT` found nothing and such a keyword stands in the line (as
#: one more start of ``_CREDIT`` it cost 0.4 % of the plain-text path's instructions)
_GLUED_CREDIT = re.compile(
    r"(?<=[a-zà-ÿß])(?P<credit>(?:Bild|Foto|Photo|Quelle|Credit)\s*:[^\n]{0,200}?)\s*$"
)
_GLUED_CREDIT_KEYS = ("Bild", "Foto", "Photo", "Quelle", "Credit")
#: the photographer and the agency in brackets after the caption's last sentence, as El País
#: prints them: "... en el campamento de Gjadër (Albania), el 11 de octubre. Florion Goga
#: (REUTERS)"; one to four capitalised names, so a paragraph signed "(Reuters)" after its
#: last sentence, or a sentence ending "... said John Smith (AP)." with its full stop, is none
_NAME_THEN_AGENCY = re.compile(
    r"(?<=[.!?] )(?P<credit>[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w.'’-]*){0,3}"
    rf"\s+\((?:{_PHOTO_AGENCIES}|AFP|EFE|AP|EPA|GETTY IMAGES|EUROPA PRESS)\))\s*$"
)


def _credit_search(text: str, start: int) -> re.Match[str] | None:
    """:data:`_CREDIT` from ``start``, else a credit glued to the caption, else a
    photographer and an agency in brackets."""
    m = _CREDIT.search(text, start)
    if m is None and any(k in text for k in _GLUED_CREDIT_KEYS):
        m = _GLUED_CREDIT.search(text, max(0, len(text) - _CREDIT_WINDOW))
    if m is None and text.rstrip().endswith(")"):
        m = _NAME_THEN_AGENCY.search(text, max(0, len(text) - _CREDIT_WINDOW))
    return m


def _credit(text: str, keys: Sequence[str] = _CREDIT_KEYS) -> re.Match[str] | None:
    """A photo credit at the end of a line; keyword prefilter first (the regex is slow).

    ``keys``: the credit keywords worth looking for (those present on the page)."""
    low = text.lower()
    if keys is _CREDIT_KEYS:
        # one automaton scan: it finds a match exactly when one of the keywords occurs
        # (a generator testing 41 substrings was ~2 µs a line); a lone surrogate, which the
        # automaton cannot encode, takes the substring tests
        try:
            found = bool(_CREDIT_KEY_AC.find_matches_as_indexes(low))
        except UnicodeEncodeError:
            found = any(k in low for k in keys)
        if not found:
            return None
    elif not any(k in low for k in keys):
        return None
    return _credit_search(text, max(0, len(text) - _CREDIT_WINDOW))


_CREDIT_KEY_AC = ahocorasick_rs.AhoCorasick(
    list(_CREDIT_KEYS), implementation=ahocorasick_rs.Implementation.DFA
)


#: the credit keywords, then the social networks' names (what page_names_network looks
#: for), in one automaton: one scan of the page answers both.  A DFA: about three times
#: faster to scan than the library's default (same matches).
_CREDIT_AC = ahocorasick_rs.AhoCorasick(
    [*_CREDIT_KEYS, *NETWORK_NAMES], implementation=ahocorasick_rs.Implementation.DFA
)
_N_CREDIT_KEYS = len(_CREDIT_KEYS)

#: whether a line was cut out of a glued one (a C-level getter for a scan of every line)
_GLUED = attrgetter("glued")


def _lines_with_credit_key(
    raw: str, raw_low: str, lines: Sequence[_Line]
) -> tuple[dict[int, int] | None, bool, set[int] | None]:
    """From one pass over the lower-cased page: the lines holding a credit keyword (what
    :func:`_credit` tests first), each with the offset of its first keyword in the line (no
    credit starts before it, but for an opening parenthesis and spaces); whether a social
    network is named on the
    page (:func:`page_names_network`); the indices of the lines naming one.  The line sets
    are None when ``lower()`` changed the page's length (offsets differ; every line is then
    tested on its own)."""
    hits = find_all(_CREDIT_AC, raw_low)
    networks = any(k >= _N_CREDIT_KEYS for k, _, _ in hits)
    if len(raw_low) != len(raw):
        return None, networks, None
    starts = [ln.start for ln in lines]
    keyed: dict[int, int] = {}
    named: set[int] = set()
    for k, a, b in hits:
        i = bisect_right(starts, a) - 1
        if i >= 0 and b <= lines[i].end:
            if k >= _N_CREDIT_KEYS:
                named.add(i)
            else:
                off = a - lines[i].start
                if off < keyed.get(i, off + 1):
                    keyed[i] = off
    return keyed, networks, named


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str
    glued: bool = False  # cut out of a longer physical line at a missing line break
    role: str | None = None  # title deck byline dateline caption body removed
    reason: str = ""
    detail: str = ""
    rlang: str | None = None
    nw: int = 0
    stop_ratio: float = 0.0
    sentence: bool = False
    p: float = 1.0


def _physical_lines(raw: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, whitespace trimmed, exact into ``raw``.

    ``str.splitlines`` breaks at exactly the characters :data:`_LINE` excludes, and every
    one of them is whitespace, so a piece with its line end kept, trimmed, is the line
    trimmed (one C call instead of a regex match object per line)."""
    out = []
    pos = 0
    for seg in raw.splitlines(True):
        rs = len(seg.rstrip())
        if rs:
            out.append((pos + len(seg) - len(seg.lstrip()), pos + rs))
        pos += len(seg)
    return out


#: the line breaks ``str.splitlines`` knows besides "\n"
_OTHER_LINE_BREAKS = ("\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def _line_objects(raw: str) -> list[_Line]:
    """A :class:`_Line` for each of :func:`_physical_lines`, built in the same loop: a piece
    stripped on the left is empty exactly when the piece is blank, and stripped on the right
    too it is the line's text (no second pass over the spans, no slicing of ``raw``).

    A text whose only line break is "\n" (all 1,103 bench texts) is cut by ``split("\n")``:
    the same pieces without their newline, so a line with nothing to strip on the right is
    its piece, where a piece ending in its newline was copied by ``rstrip`` (42.7 → 39.1 ms a
    pass over the bench texts; the nine ``in`` tests are C scans)."""
    out = []
    pos = 0
    if not any(map(raw.__contains__, _OTHER_LINE_BREAKS)):
        for seg in raw.split("\n"):
            left = seg.lstrip()
            if left:
                text = left.rstrip()
                start = pos + len(seg) - len(left)
                out.append(_Line(start, start + len(text), text))
            pos += len(seg) + 1  # (and its newline)
        return out
    for seg in raw.splitlines(True):
        left = seg.lstrip()
        if left:
            text = left.rstrip()
            start = pos + len(seg) - len(left)
            out.append(_Line(start, start + len(text), text))
        pos += len(seg)
    return out


def _split_glued(raw: str, start: int, end: int, cfg: CleanConfig) -> list[tuple[int, int]] | None:
    """Parts of a line glued across a lost line break, when one part is furniture."""
    text = raw[start:end]
    if len(text) > cfg.max_line_chars:
        return None
    if _GLUE_HINT.search(text) is None:
        return None
    cuts = [m.start() for m in _GLUE.finditer(text)]
    if not cuts:
        return None
    bounds = [0, *cuts, len(text)]
    parts = [(start + a, start + b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    found = False
    for a, b in parts:
        seg = raw[a:b]
        nw, _, _, sent = line_stats(seg, None)
        if match_rules(seg, nw, sent) is not None:
            found = True
            break
    if not found:
        return None
    # trim whitespace inside parts (the cut is at a non-space boundary, but be exact)
    out = []
    for a, b in parts:
        seg = raw[a:b]
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg.rstrip())
        if rs > ls:
            out.append((a + ls, a + rs))
    return out


def _page_lines(raw: str, cfg: CleanConfig) -> list[_Line]:
    """The page's lines, glued lines split into their parts (see :func:`_split_glued`).

    Glue hints are found in one scan of the page, and only the lines holding one are
    examined; the lines are built in one comprehension and those split are replaced by
    their parts, from the last so that indices stay valid (a per-line loop testing each
    line for a hint cost more than building the lines)."""
    lines = _line_objects(raw)
    hints_at = _glue_hints(raw) if cfg.split_glued else []
    if hints_at:
        starts = [ln.start for ln in lines]
        held = {i for h in hints_at if (i := bisect_right(starts, h) - 1) >= 0 and h < lines[i].end}
        for i in sorted(held, reverse=True):  # from the last: the lines before i stay where they are
            s, e = lines[i].start, lines[i].end
            parts = _split_glued(raw, s, e, cfg)
            if parts and len(parts) > 1:
                lines[i : i + 1] = [_Line(a, b, raw[a:b], glued=True) for a, b in parts]
    return lines


def _same_norm(hint: str, hint_norm: str, text: str, i: int, norm_of: Callable[[int], str]) -> bool:
    """Whether line ``i`` (``text``) equals a declared field: same normal form, length
    within reason; both normal forms are already known (``norm_of(i)`` for the line)."""
    if not text or abs(len(hint) - len(text)) > 200 + len(hint):
        return False
    return norm_of(i) == hint_norm


_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
#: the year first with a slash or dots ("2024/12/05", "2024.12.05", "2024. 12. 5.")
_YMD_SLASH_DOT = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})(?:/(\d{1,2})/|\.\s?(\d{1,2})\.\s?)(\d{1,2})(?![\d/]|\.\d)"
)
_DMY_NUM = re.compile(r"(?<!\d)(\d{1,2})\.(?:\s(?=\d{1,2}\.\s?\d{4}))?(\d{1,2})\.\s?(\d{4})(?!\d?:)")
_MDY = re.compile(r"(?:\b|(?<=[a-z])(?=[A-Z]))([A-Za-z][a-zéû]{2,8}|[A-Z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})")
_DMY = re.compile(
    r"(?<!\d)(\d{1,2})(?:\.\s*|\s+)(?:de\s+)?([A-Za-zéûä]{3,10})(?:\.\s*|,?\s+)(?:de\s+)?(\d{4})"
)


_LETTER_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _date_naming_nobody(text: str) -> bool:
    """A date line with no by-word and no capitalised word besides the date's own: the
    page's dateline, which the byline ranker may score high (it sits where bylines sit),
    not its byline.  A name beside the date, one word or more ("Gunter Frank /
    22.04.2020", "Paddy · April 19, 2019", "Redaktion - 31. Januar 2022"), keeps the line
    a byline; sections and labels after the date do not (:func:`_only_categories_after_date`:
    on the tune half four such bylines of pages without an author became datelines, and on
    one page the byline search after the ranker found the author instead; on the held-out
    half, 6 of 233 fewer bylines where the gold has no author; docs/decisions.md, session
    22)."""
    if not _is_date_line(text) or _BYLINE.match(text) or _byline_inside(text):
        return False
    if not any(map(_capitalised_not_date_word, _LETTER_WORD.findall(text))):
        return True
    return _only_categories_after_date(text)


def _capitalised_not_date_word(word: str) -> bool:
    """A capitalised word that is not one of a date line's own (month, weekday, "Stand")."""
    return word[0].isupper() and word.casefold().rstrip(".") not in _DATE_LINE_WORDS


#: what separates the parts of a date line: a name is two capitalised words within one part
_DATE_LINE_PARTS = re.compile(r"[|•·/,;:–—&()\[\]+*]|\d+")


def _only_categories_after_date(text: str) -> bool:
    """Whether the capitalised words of a date line are only its sections or labels: all
    after its first digit, no two of them in a row within one part, no by-word or author
    word ("Okt 13, 2022 | Umwelt & Klima", "01.02.2022 Kategorie: Synchronschwimmen,
    Verband", "21.01.2022 Presse-Mitteilung").  A name comes first or is two words ("Paddy
    · April 19, 2019", "11.12.2019 - Amelie Loevenich"); a script without case says nothing
    either way, so a line holding one keeps its role."""
    digit = _ANY_DIGIT.search(text)
    if digit is None or bylines.has_cue_word(text):
        return False
    if any(map(_capitalised_not_date_word, _LETTER_WORD.findall(text, 0, digit.start()))):
        return False
    for part in _DATE_LINE_PARTS.split(text):
        words = part.split()
        if any(a[0].isupper() and b[0].isupper() for a, b in pairwise(words)):
            return False
        if any(ch.isalpha() and not (ch.isupper() or ch.islower()) for ch in part):
            return False
    return True


_MDY_WIDE = re.compile(
    r"(?:\b|(?<=[a-z])(?=[A-Z]))([^\W\d_][^\W\d_A-ZÀ-Þ]{2,11}|[A-ZÀ-Þ]{3,12})\.?\s+(\d{1,2}),?\s+(\d{4})"
)
_DMY_WIDE = re.compile(
    r"(?<!\d)(\d{1,2})(?:\.\s*|\s+)(?:de\s+)?([^\W\d_]{3,12}|[\u0900-\u0dff]{2,14})(?:\.\s*|,?\s+)(?:de\s+)?(\d{4})"
)
#: Vietnamese writes the month as a number after its word: "5 tháng 12 năm 2024"
_VI_DATE = re.compile(r"(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2}),?\s+(?:năm\s+)?(\d{4})(?!\d)", re.IGNORECASE)
#: "03.Mär.19": day, abbreviated month, two-digit year
_DMY_ABBR_SHORT = re.compile(r"(?<!\d)(\d{1,2})\.\s?([^\W\d_]{3,4})\.\s?(\d{2})(?!\d)")
_DMY_NUM_SHORT = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?:(?![\d.:])|(?=\d{1,2}:\d{2}))")
_SLASH_DATE = re.compile(r"(?<![\d/-])(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2}(?![\d/-]))")
#: languages whose pages write a numeric date month first (03/11/2010 = March 11)
_MONTH_FIRST_LANGS = frozenset({"en"})
#: country-code domains of English-writing countries that put the day first (03/11/2010 =
#: 3 November): an English page on one of these is read day first.  Only the United States
#: (and the Philippines, Canada in part) write month first; a generic .com stays month first.
_DAY_FIRST_ENGLISH_TLDS = frozenset(
    {
        "uk",
        "ie",
        "au",
        "nz",
        "in",
        "za",
        "ng",
        "ke",
        "gh",
        "ug",
        "tz",
        "zw",
        "pk",
        "bd",
        "lk",
        "sg",
        "my",
        "mt",
        "cy",
    }
)


def _month_first(lang: str | None, url: str | None, outlet: str | None) -> bool:
    """Whether an ambiguous numeric date on this page is month first: English pages are,
    unless the page's own domain belongs to a country that writes the day first."""
    if lang not in _MONTH_FIRST_LANGS:
        return False
    host = host_of(url) or outlet or ""
    return host.rstrip(".").rsplit(".", 1)[-1].lower() not in _DAY_FIRST_ENGLISH_TLDS


_THIS_YEAR = datetime.date.today().year
#: languages whose month names and abbreviations are all in :data:`_MORE_MONTHS`
_TABLE_LANGS = frozenset({"en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "pl"})
_WORD = re.compile(r"[^\W\d_]{3,12}")
_NUMERIC_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
#: a separator printed without spaces ("20 Nisan 2026•Güncelleme: ..."): dateparser's
#: search then splits the date in two ("20 Nisan" as April 2020, "Nisan 2026" without its day)
_GLUED_SEPARATOR = re.compile(r"[•·|]")
#: a year as a date line writes it: four digits, or two after an apostrophe ("June 24 '24")
_YEAR_WRITTEN = re.compile(r"(?<!\d)\d{4}(?!\d)|['’]\d{2}(?!\d)")


def _more_dates(
    text: str, lang: str | None = None, month_first: bool | None = None
) -> tuple[int, int, int] | None:
    """(year, month, day) of spellings that used to go to dateparser (~10 ms a call, a
    twentieth of the plain-text path's time on the throughput sample): month names of
    more languages and abbreviations ("5. Dez 2018", "27 févr. 2015", "15. helmikuuta
    1883"), dotted dates with a two-digit year ("23.09.22"), and slashed or dashed dates
    ("17/10/2012", "01/23/2020", "30-04-2021", "13/02/12").  An ambiguous "03/11/2010" is
    read day first unless the article is English: dateparser, which it used to be left to,
    reads it month first whatever the language ("Publié le 03/11/2010" became March 11).
    ``month_first`` overrides the language's habit (see :func:`_month_first`)."""
    for m in _MDY_WIDE.finditer(text):
        month = _MORE_MONTHS.get(m[1].casefold())
        if month is not None:
            return int(m[3]), month, int(m[2])
    for m in _DMY_WIDE.finditer(text):
        month = _MORE_MONTHS.get(m[2].casefold())
        if month is None and not m[2].isascii():
            month = _MORE_MONTHS.get(unicodedata.normalize("NFC", m[2]).casefold())
        if month is not None:
            return int(m[3]), month, int(m[1])
    if (vi := _VI_DATE.search(text)) is not None:
        return int(vi[3]), int(vi[2]), int(vi[1])
    for m in _DMY_ABBR_SHORT.finditer(text):
        month = _MORE_MONTHS.get(m[2].casefold())
        if month is not None:
            year = 2000 + int(m[3])
            return (year if year <= _THIS_YEAR + 1 else year - 100), month, int(m[1])
    if short := _DMY_NUM_SHORT.search(text):
        year = 2000 + int(short[3])
        if year > _THIS_YEAR + 1:  # "12.03.98": last century
            year -= 100
        return year, int(short[2]), int(short[1])
    if slash := _SLASH_DATE.search(text):
        a, b, year = int(slash[1]), int(slash[3]), int(slash[4])
        if len(slash[4]) == 2:
            year += 2000 if 2000 + year <= _THIS_YEAR + 1 else 1900
        if a > 12 >= b:
            return year, b, a
        if b > 12 >= a:
            return year, a, b
        if a <= 12 and b <= 12:
            if month_first is None:
                month_first = lang in _MONTH_FIRST_LANGS
            return (year, a, b) if month_first else (year, b, a)
    return None


#: a Solar Hijri date with its month's name ("۱۵ آذر ۱۴۰۳", "شنبه ۲۵ قوس ۱۴۰۳"), and one in
#: digits with the year first ("۱۴۰۳/۰۹/۱۵", "1403-09-15"), read as such on the pages of the
#: languages that print it (or in Persian digits): no Gregorian page is dated 1300-1499
_JALALI_NAMED = re.compile(r"(?<!\d)(\d{1,2})\s+([^\W\d_]{2,9})\s*،?\s+(1[34]\d{2})(?!\d)")
_JALALI_NUM = re.compile(r"(?<![\d./-])(1[34]\d{2})([/.-])(\d{1,2})\2(\d{1,2})(?![\d./-])")
_JALALI_LANGS = frozenset({"fa", "ps"})
_PERSIAN_DIGIT = re.compile("[\u06f0-\u06f9]")
_ASCII_DIGITS = str.maketrans({chr(z + i): str(i) for z in (0x660, 0x6F0) for i in range(10)})


def _jalali_date(text: str, lang: str | None) -> tuple[int, int, int] | None:
    """The Gregorian (year, month, day) of the first Solar Hijri date in ``text``, if it
    falls in a plausible publication year."""
    found = None
    persian_digits = _PERSIAN_DIGIT.search(text) is not None
    text = text.translate(_ASCII_DIGITS)
    for named in _JALALI_NAMED.finditer(text):
        month = _JALALI_MONTHS.get(persian_letters(named[2]))
        if month is not None:
            found = jalali_to_gregorian(int(named[3]), month, int(named[1]))
            break
    else:
        if (lang in _JALALI_LANGS or persian_digits) and (num := _JALALI_NUM.search(text)):
            found = jalali_to_gregorian(int(num[1]), int(num[3]), int(num[4]))
    if found is None or not 1900 <= found[0] <= _THIS_YEAR + 1:
        return None  # (a lunar Hijri year, 1440s now, would land decades ahead)
    return found


def _fast_date(text: str, lang: str | None = None, month_first: bool | None = None) -> str | None:
    """The common date spellings, without dateparser's ~7 ms per call."""
    import datetime as dt

    found = _jalali_date(text, lang) if lang in _JALALI_LANGS or not text.isascii() else None
    if found is not None:
        pass  # a Solar Hijri date, converted
    elif m := _ISO_DATE.search(text):
        found = (int(m[1]), int(m[2]), int(m[3]))
    elif m := _YMD_SLASH_DOT.search(text):
        found = (int(m[1]), int(m[2] or m[3]), int(m[4]))
    elif m := _DMY_NUM.search(text):
        found = (int(m[3]), int(m[2]), int(m[1]))
    elif (m := _MDY.search(text)) and m[1].casefold() in _MONTHS:
        found = (int(m[3]), _MONTHS[m[1].casefold()], int(m[2]))
    elif (m := _DMY.search(text)) and m[2].casefold() in _MONTHS:
        found = (int(m[3]), _MONTHS[m[2].casefold()], int(m[1]))
    else:
        found = _more_dates(text, lang, month_first)
    if found is None or 1300 <= found[0] < 1500:  # a Hijri year not read as such above
        return None
    try:
        return dt.date(*found).isoformat()
    except ValueError:
        return None


def _parse_date(text: str, lang: str | None, month_first: bool | None = None) -> str | None:
    """ISO date of a date line: common spellings directly, else dateparser's search."""
    fast = _fast_date(text, lang, month_first)
    if fast is not None:
        return fast
    # what dateparser could still read needs a month word, and in these languages every
    # month word is in the table: "Windows 10 1809" is refused without the call
    if (
        lang in _TABLE_LANGS
        and not _NUMERIC_DATE.search(text, 0, 200)
        and not any(w.casefold() in _MORE_MONTHS for w in _WORD.findall(text, 0, 200))
    ):
        return None
    try:
        from dateparser.search import search_dates
    except ImportError:  # pragma: no cover - dependency is pinned
        return None
    try:
        found = search_dates(
            _GLUED_SEPARATOR.sub(r" \g<0> ", text[:200]),
            languages=[lang] if lang else None,
            settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["month", "year"]},
        )
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if not found:
        return None
    matched, dt = found[0]
    # a version or a race number is no date: "Windows 10 1809" came back as October 1809 and
    # "Formel 1 2022" as January 2022.  What dateparser read must name a month in words or
    # be a whole numeric date, and the year must be a plausible publication year.
    if not (1900 <= dt.year <= _THIS_YEAR + 1):
        return None
    if not any(c.isalpha() for c in matched) and not _NUMERIC_DATE.search(matched):
        return None
    # and it must hold the year it reports: with the year a required part, dateparser reads
    # a yearless "June 24" as June 2024 and "12 May" as May 2012 (the day taken for the year)
    if not _YEAR_WRITTEN.search(matched) and not _NUMERIC_DATE.search(matched):
        return None
    if dt.hour == 0 and dt.minute == 0 and dt.second == 0:
        return dt.date().isoformat()
    return dt.isoformat()


def _still(lines: Sequence[_Line], i: int | None, role: str) -> int | None:
    """``i`` if the line there still has ``role``, else None."""
    return i if i is not None and lines[i].role == role else None


def _remove(ln: _Line, reason: str, detail: str, lang: str | None = None) -> None:
    ln.role = "removed"
    ln.reason = reason
    ln.detail = detail
    ln.rlang = lang


#: a line this long that holds sentences is prose though it does not end on one: an article
#: handed over as one line and cut at a length ("... i odnotował 37,05 mln odsłon"), which
#: the line model, trained on pages of many lines, scored as furniture; 751 of 2,062 texts
#: of SemEval-2022 task 8 (1,531 of them one line) lost every character that way
_RUNNING_PROSE_WORDS = 60
#: a sentence's end inside a line: a word's last letters, a stop, the next word (capitalised
#: or not: the end of an abbreviation is rarer in running prose than a sentence's), or a
#: full stop of Chinese and Japanese
_INNER_STOP = re.compile(r"[^\W\d_]{2}[.!?][\"'”’»)]*\s+[\"'„“«(]?[^\W\d_]|[。！？](?=\S)")


def _runs_on_in_sentences(text: str) -> bool:
    """``text`` holds at least two sentence ends before its last characters."""
    found = _INNER_STOP.finditer(text)
    return next(found, None) is not None and next(found, None) is not None


def _is_prose(ln: _Line, cfg: CleanConfig, has_stoplist: bool) -> bool:
    return (
        ln.nw >= cfg.prose_min_words
        and ln.sentence
        and (ln.stop_ratio >= cfg.prose_min_stop_ratio or not has_stoplist)
    )


def _title_above_body(
    lines: Sequence[_Line],
    probs: Sequence[float],
    cut: float,
    cfg: CleanConfig,
    has_stoplist: bool,
    repeats: Callable[[int], int],
    line_x: np.ndarray,
    lang: str | None = None,
) -> tuple[int | None, bool, bool]:
    """The headline found from where the article's body starts, whether the page's top is
    the article's (its first headline-shaped line within ``title_window`` lines of the
    body), and whether the headline ranker chose it.

    A page rendered whole opens with its menus; the first headline-shaped line from the top
    is then a menu entry.  The article starts at its first prose line the line model keeps;
    its headline is among the lines around that, above it as a rule, with a deck, byline,
    date or caption in between.  With the packaged ranker (:mod:`headline`) the headline is
    its best-ranked line there; a short text whose top is the article (fewer than
    ``_RANK_MIN_LINES`` lines) is left to the caller's search from the top, as are all
    texts whose top is the article when there is no ranker, and there the nearest
    headline-shaped line of at least ``_TITLE_MIN_WORDS`` words above the body is taken.
    The caller removes short lines above the headline as navigation only when the top is
    the article's; above a headline found under furniture they are the model's to judge.
    """
    anchor = next(
        (
            i
            for i, ln in enumerate(lines)
            if ln.role is None and probs[i] >= cut and _is_prose(ln, cfg, has_stoplist)
        ),
        None,
    )
    if anchor is None:
        return None, False, False
    free = [i for i in range(anchor) if lines[i].role is None]
    first = next((i for i in free if _headline_like(lines[i], cfg) and lines[i].nw >= 2), None)
    near_top = first is not None and len(free) - free.index(first) <= cfg.title_window
    if near_top and len(lines) < _RANK_MIN_LINES:
        return None, True, False
    ranker = load_headline_model() if cfg.headline_ranker and len(lines) >= _RANK_ANY_MIN_LINES else None
    if ranker is not None or (headline.TRACE is not None and len(lines) >= _RANK_ANY_MIN_LINES):
        idx, x = headline.candidates(lines, probs, line_x, anchor, repeats, cut, lang in headline.PAIR_LANGS)
        if ranker is not None:
            return ranker.pick(idx, x), near_top, True
    if near_top:
        return None, True, False
    # a deck (a sentence with its period), byline, date or caption may sit between the
    # headline and the body, so a few lines are looked at; the nearest headline-shaped one
    # of at least _TITLE_MIN_WORDS words wins (a "Share this article" or "Click to enlarge"
    # line sits there too), else the nearest
    looked = 0
    cands: list[int] = []
    for i in reversed(free):
        ln = lines[i]
        t = _LIST_MARK.sub("", ln.text.rstrip())
        if ln.nw <= 1 or (_BYLINE.match(t) and ln.nw <= cfg.byline_max_words):
            continue
        if ln.nw <= 10 and _is_date_line(t):
            continue
        if (
            _headline_like(ln, cfg)
            and not t.endswith(".")
            and probs[i] >= cfg.title_min_p
            and not _is_prose(ln, cfg, has_stoplist)
        ):
            cands.append(i)
        looked += 1
        if looked >= _TITLE_LOOK_LINES:
            break
    return (
        next((i for i in cands if lines[i].nw >= _TITLE_MIN_WORDS), cands[0] if cands else None),
        False,
        False,
    )


#: free lines looked at for a byline on each side of where the body's main prose starts
_BYLINE_REACH = 12
#: ... and the most words such a byline has ("Von Jörg Staff am 15.06.2022"): a longer
#: line opening with "Von"/"By" is a heading or a teaser ("Von Atemschutzmaske über ...")
_BYLINE_NEAR_BODY_MAX_WORDS = 7
#: the headline over a byline found near the body is at most this many lines above it
_HEAD_OVER_BYLINE = 4


def _headline_without_prefix(lines: Sequence[_Line], at: int) -> int | None:
    """The free line whose text is the tail of the headline at ``at`` after a prefix, the
    longest such, or None.

    A page rendered whole prints its breadcrumb trail, a table of contents' number or a
    section name on the headline's own line ("Home News Ökumene trifft Diplomatie: ...",
    "Forum>iPhone>kein App Store ...", "2. Pilotprojekt Heizen ...",
    "ZprávyDomácíKauzyHlavní aktér ...") and the headline again on a line of its own; that
    line is the headline.  A prefix ending in a colon is a kicker, part of the headline
    ("LTE-Patent: Samsung soll ..."), a trail is shorter than the headline it leads, and
    a tail that is a date or a byline is not one."""
    head = " ".join(lines[at].text.split()).casefold()
    last = head[-1:]
    floor = 0.5 * len(head)  # the trail is the shorter part
    best: int | None = None
    best_len = 0
    for i, ln in enumerate(lines):
        text = ln.text
        # cheap tests first: a free line of two words or more, shorter than the headline,
        # ending on its last character
        if ln.role is not None or ln.nw < 2 or i == at or not floor <= len(text) < len(head) + 8:
            continue
        if text[-1:].casefold() != last:
            continue
        m = _LIST_MARK.match(text)
        tail = " ".join((text[m.end() :] if m else text).split()).casefold()
        if not floor <= len(tail) < len(head) or len(tail) <= best_len or not head.endswith(tail):
            continue
        if head[: len(head) - len(tail)].rstrip().endswith(":"):
            continue
        if _is_date_line(text) or _BYLINE.match(text):
            continue
        best, best_len = i, len(tail)
    return best


def _headline_above_byline(lines: Sequence[_Line], at: int, cfg: CleanConfig) -> int | None:
    """The headline-shaped line nearest above the byline at ``at`` (a date line or a short
    label may sit in between), among the :data:`_HEAD_OVER_BYLINE` lines above it."""
    for i in range(at - 1, max(-1, at - _HEAD_OVER_BYLINE - 1), -1):
        ln = lines[i]
        if ln.role is not None:  # (a line without a word was removed as empty)
            continue
        if ln.nw <= 10 and _is_date_line(ln.text):
            continue
        t = ln.text
        # (a photo's copyright line sits there too: "Tous droits réservés ...")
        if (
            ln.nw >= 3
            and _headline_like(ln, cfg)
            and not t.rstrip().endswith(".")
            and not ln.sentence
            and COPYRIGHT.search(t) is None
        ):
            return i
    return None


#: prose lines at most this many lines apart are one run of the body
_RUN_GAP = 6


def _nearest_first(above: Iterable[_T], below: Iterable[_T]) -> Iterator[_T]:
    """``above`` and ``below`` (each nearest first) merged by distance, a line above
    before one as far below."""
    for pair in zip_longest(above, below, fillvalue=_MISSING):
        yield from (x for x in pair if x is not _MISSING)


def _byline_near_body(
    lines: Sequence[_Line], probs: Sequence[float], cut: float, cfg: CleanConfig, has_stoplist: bool
) -> tuple[int, bool] | None:
    """A "By ..." line near where the body's main prose starts, when none was found around
    the headline.  A page rendered whole whose headline was not found, or was taken from a
    teaser above the article, still prints its byline just above or under the article's
    first paragraphs; the article is the run of prose with the most words (teasers and
    cookie notices may come first).  The nearest such line wins, one above before one as
    far below; comment signatures ("geschrieben von ... am"), "Last edited by" and "von"
    inside a name are left alone: only a line opening with the by-word counts."""
    runs: list[list[int]] = []
    min_words = cfg.prose_min_words
    for i, ln in enumerate(lines):
        # (the word count first: most lines are shorter than prose)
        if ln.nw >= min_words and ln.role is None and probs[i] >= cut and _is_prose(ln, cfg, has_stoplist):
            if runs and i - runs[-1][-1] <= _RUN_GAP:
                runs[-1].append(i)
            else:
                runs.append([i])
    if not runs:
        return None
    anchor = max(runs, key=lambda run: sum(lines[i].nw for i in run))[0]
    above = islice((i for i in range(anchor - 1, -1, -1) if lines[i].role is None), _BYLINE_REACH)
    below = islice((i for i in range(anchor + 1, len(lines)) if lines[i].role is None), _BYLINE_REACH)
    for i in _nearest_first(above, below):
        ln = lines[i]
        if not ln.sentence and 2 <= ln.nw <= _BYLINE_NEAR_BODY_MAX_WORDS and _BYLINE.match(ln.text):
            return i, i < anchor
    return None


#: a text whose top is the article is given to the headline ranker only from this many
#: lines on: a page rendered whole is that long, a text already cut to its article (the
#: seeds: 11 and 20 lines) is not, and there the search from the top knows what a deck
#: printed twice is.  Headlines found on the tune quarters (ranker fitted on the other
#: quarter) with 25 / 40 / 60: 107 / 109 / 108 of 222 and 97 / 97 / 96 of 194.
_RANK_MIN_LINES = 40
#: ... and no text shorter than this is: the ranker learned from pages rendered whole, 3 of
#: whose 416 are shorter; a short text is a forum post or an article already cut out, and
#: the ranker's candidates and features cost more there than they can tell (it was asked on
#: 235 of the 688 texts it ranked in the speed benchmark's corpus; tune quarters and Fundus
#: unchanged with it)
_RANK_ANY_MIN_LINES = 25

#: a headline above the body is preferred with at least this many words (UI lines are shorter)
_TITLE_MIN_WORDS = 4


#: under a headline found above the body, its byline or date may also sit just above it
_HEAD_ABOVE = 3
#: lines looked at above the body for its headline (skipped bylines and dates not counted)
_TITLE_LOOK_LINES = 3
#: a list item's mark as a renderer prints it ("* Entry")
_LIST_MARK = re.compile(r"^[*+•·-]\s+")


def _headline_like(ln: _Line, cfg: CleanConfig) -> bool:
    t = ln.text.rstrip()
    return (
        2 <= ln.nw <= cfg.title_max_words
        and len(t) <= cfg.title_max_chars
        and not t.endswith((":", ",", ";"))
        and not (t.endswith(".") and ln.nw > 18)
        and _credit(t) is None
        and _BYLINE.match(t) is None
    )


#: a run of five or more Han or kana characters (Chinese and Japanese put no spaces
#: between words; Korean does, and its Hangul is left out)
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{5,}")


#: a line that is only a content system's placeholder for a slot it fills at display
#: time ("$$ARTICLEAD$$", "{{ad_slot}}", "[[AD]]", "%%WIDGET%%"), left in text a page
#: ships as script data; never prose
_PLACEHOLDER = re.compile(
    r"(?:\$\$\s*[\w.:-]{1,40}\s*\$\$|\{\{\s*[\w.:-]{1,40}\s*\}\}|\[\[\s*[\w.:-]{1,40}\s*\]\]|%%\s*[\w.:-]{1,40}\s*%%)\s*$"
)
_PLACEHOLDER_OPENERS = frozenset("${[%")


#: the page languages (fastText's labels) whose script puts no spaces between words
_NO_SPACE_LANGS = frozenset({"zh", "ja", "wuu", "yue"})


def _cjk_words(text: str, nw: int) -> int:
    """``nw`` (the line's ``\\w+`` runs) with each long run of Chinese or Japanese
    characters counted as words: one up to four characters ("首页", "相关新闻" stay
    one-word labels), one more for every second character after that (a Chinese word is one
    to two characters, a Japanese one about as long with its particles).  Only the rules
    read this count; the line model's features keep the runs, as it was trained on them."""
    for m in _CJK_RUN.finditer(text):
        nw += (m.end() - m.start() - 3) // 2
    return nw


def _headline_from_top(lines: Sequence[_Line], cfg: CleanConfig) -> int | None:
    """The first headline-shaped line among the text's first ``title_window`` free lines,
    passing over bylines, dates and a short label above a longer headline."""
    cands = (i for i, ln in enumerate(lines) if ln.role is None or ln.role in ("title", "caption"))
    for i in list(islice(cands, cfg.title_window)):
        ln = lines[i]
        if ln.role is not None:
            continue
        if _BYLINE.match(ln.text) and ln.nw <= cfg.byline_max_words:
            continue
        if ln.nw <= 10 and _is_date_line(ln.text):
            continue
        if ln.nw <= 1:
            continue
        if _headline_like(ln, cfg):
            # a short label directly followed by a longer headline is navigation, and so
            # is a line of section words ("World desk") above any headline-shaped line;
            # case is no evidence (sites print labels in any case)
            nxt = next((lines[j] for j in range(i + 1, len(lines)) if lines[j].role is None), None)
            if (
                nxt is not None
                and ln.nw <= 3
                and not ln.sentence
                and _headline_like(nxt, cfg)
                and not nxt.text.rstrip().endswith(".")
                and (nxt.nw >= max(5, 2 * ln.nw) or is_section_label(ln.text))
            ):
                continue
            return i
        return None
    return None


#: the configuration of a call that gives none: frozen, so one instance serves every call
#: (building the 33-field frozen dataclass cost ~5 µs a page)
_DEFAULT_CONFIG = CleanConfig()


def clean_text(
    raw: str,
    *,
    article_id: str | None = None,
    outlet: str | None = None,
    lang_hint: str | None = None,
    hints: FieldHints | None = None,
    config: CleanConfig | None = None,
    templates: TemplateIndex | None = None,
) -> Article:
    """Classify every line of ``raw`` and return the clean :class:`Article`.

    Never raises on text input: odd Unicode, one huge line or an empty string give an
    article with whatever could be found (possibly nothing) and exact spans.
    """
    cfg = config or _DEFAULT_CONFIG
    hints = hints or FieldHints()
    outlet = outlet or hints.outlet
    art = Article(id=article_id or content_id(raw), raw=raw, outlet=outlet, url=hints.url)

    # -- lines ---------------------------------------------------------------------------
    lines = _page_lines(raw, cfg)
    if not lines:
        art.lang = hints.lang or lang_hint
        return art
    probe = [ln.text[: cfg.max_line_chars] for ln in lines]

    # -- language and prose statistics ------------------------------------------------------
    lang = lang_hint or hints.lang
    probe_guess: LangGuess | None = None  # the guess from the longest lines, if guessed
    longest: list[int] = []  # where those lines are (the assembly asks which were kept)
    if lang is None:
        longest = _longest_lines(probe)
        probe_guess = _page_guess(" ".join([probe[i] for i in longest]))
        lang = probe_guess.lang
    stop = stopwords(lang)
    stats = doc_line_stats(probe, stop)
    cues = line_cues(probe)

    # normal forms of every line, from a few whole-page calls; the hint comparisons below
    # use them (normalising each line once per hint was a sixth of the HTML path's cleaner)
    keys, norms = dup_keys_and_norms(probe)

    def full_norm(i: int) -> str:
        """normalise(lines[i].text): the probe's form unless the line was cut for probing."""
        t = lines[i].text
        return norms[i] if len(t) <= cfg.max_line_chars else normalise(t)

    # -- 1. hints ------------------------------------------------------------------------
    caption_hints = {normalise(c) for c in hints.captions if c}
    wanted = [
        (role, hint, normalise(hint))
        for role, hint in (("title", hints.title), ("deck", hints.deck), ("byline", hints.byline))
        if hint is not None
    ]
    taken: dict[str, int] = {}  # each role goes to the first line equal to its hint
    if wanted:
        for i, ln in enumerate(lines):
            if ln.role is not None:
                continue
            for role, hint, hint_norm in wanted:
                if role not in taken and _same_norm(hint, hint_norm, ln.text, i, full_norm):
                    ln.role = role
                    taken[role] = i
                    break

    # -- 2. cue phrases and empties -------------------------------------------------------
    # (most texts are their lines joined by newlines, lowered by the cue scan just above:
    # 837 of the 1,103 bench texts; a string comparison, not a second lower())
    raw_low = lower_page(raw)
    with_key, networks, named = _lines_with_credit_key(raw, raw_low, lines)
    letterless = cfg.drop_letterless
    # languages written without spaces: the rules count their words from the characters
    # (the page's language decides: a scan of every page for such characters cost 40-70 us)
    cjk = lang in _NO_SPACE_LANGS
    # the first loop over every line also hands each line its statistics (nothing above
    # reads them)
    for i, (ln, t, cue, norm, st) in enumerate(zip(lines, probe, cues, norms, stats, strict=True)):
        ln.nw, _, ln.stop_ratio, ln.sentence = st
        if cjk and ln.nw:
            nw = _cjk_words(t, ln.nw)
            if nw != ln.nw:
                ln.nw = nw
                # (what features.line_stats calls a sentence, with this count)
                end = t.rstrip(CLOSERS_AND_SPACE)[-1:]
                ln.sentence = end != "" and end in SENTENCE_MARKS and nw >= 4
        if ln.role is not None:
            continue
        if ln.nw == 0:  # no \w character at all (nw counts \w runs)
            _remove(ln, "empty", "no letters or digits")
            continue
        # (a line opening with a letter has one: four in ten lines do not, so the scan is
        # still needed for them; 10.1 → 7.4 ms a pass over the bench lines)
        if letterless and not t[0].isalpha() and not any(map(str.isalpha, t)):
            _remove(ln, "empty", "no letters: a number, date, price or symbol on its own line")
            continue
        if t[0] in _PLACEHOLDER_OPENERS and _PLACEHOLDER.match(t):
            _remove(
                ln,
                "embed",
                "a template placeholder: a slot (an advertisement, a widget) the page left unfilled",
            )
            continue
        # the network pattern can only match a line naming a network, as far as an ASCII
        # line goes; other lines may match through case folding that lower() does not show
        nets = networks and (named is None or i in named or not t.isascii())
        if (
            not cue
            and (ln.nw > 8 or ln.sentence or not nets)
            and (ln.nw > 6 or norm not in LABELS)
            and (
                ln.nw > 8
                or ln.sentence
                or norm.partition(" ")[0] not in ROW_FIRST_WORDS
                or not is_label_row(norm)
            )
        ):
            continue  # what match_rules answers for a line with no cue, label or network
        hit = match_rules(t, ln.nw, ln.sentence, cue, norm=norm, networks=nets)
        if hit is not None and hit[0] == "metadata" and (_BYLINE.match(t) or _byline_inside(t)):
            hit = None  # "By Jane Doe · Feb 8, 2020 · 5 min read": a byline first
        if hit is not None:
            reason, detail = hit
            rlang = None
            if reason == "social":
                g = line_language(t, lang)
                if g is not None and g.lang != lang:
                    rlang = g.lang
                    detail += f"; in {g.lang}, article in {lang}"
            _remove(ln, reason, detail, rlang)

    # -- glued parts: a headline-like part glued to removed furniture belongs elsewhere ---
    for i, ln in enumerate(lines) if any(map(_GLUED, lines)) else ():
        if not ln.glued or ln.role is not None:
            continue
        nb = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines) and lines[j].glued]
        if any(x.role == "removed" for x in nb) and not _is_prose(ln, cfg, stop is not None):
            _remove(
                ln,
                "boilerplate",
                "glued without a line break to removed furniture; another article's headline or teaser",
            )

    # -- captions (before duplicates, so the first copy keeps the caption role) ----------
    # the credit keywords are looked for once in the whole page (one automaton pass); the
    # credit pattern then runs only on the lines holding one
    # each line is judged on its own: without caption hints only the lines holding a credit
    # keyword need a look, and for those the keyword test in _credit is already passed
    for i in sorted(with_key) if with_key is not None and not caption_hints else range(len(lines)):
        ln = lines[i]
        if ln.role is not None or ln.nw > 80 or len(ln.text) > 2000:
            continue
        if caption_hints and full_norm(i) in caption_hints:
            ln.role = "caption"
            continue
        if with_key is not None and i not in with_key:
            continue
        t = ln.text
        if with_key is not None:
            # the match cannot start before the first keyword, its "(" and spaces
            pos = with_key[i]
            while pos > 0 and (t[pos - 1] == "(" or t[pos - 1].isspace()):
                pos -= 1
            m = _credit_search(t, max(pos, len(t) - _CREDIT_WINDOW))
        else:
            m = _credit(t)
        # a caption with its credit, a credit alone, or a credit standing on its own line
        if m is not None:
            if (m.start("credit") > 0 or ln.nw <= 12) and not _date_then_source(t):
                ln.role = "caption"
        elif ln.nw <= 12 and _CREDIT_LINE.match(t):
            ln.role = "caption"
    # a figure's label ("Abbildung 4: ...", "Fig. 2. ...", "Beitragsbild: ...") starts its caption
    if any(h in raw_low for h in _FIGURE_HINTS):
        for ln in lines:
            if ln.role is None and ln.nw <= 60 and _FIGURE_LABEL.match(ln.text):
                ln.role = "caption"

    # who stands where in the photo ("Vargas Llosa (r.) mit Verleger ...") marks a caption
    if len(raw_low) == len(raw):
        marks = [m.start() for m in _POSITION_IN_PHOTO.finditer(raw_low)]
        if marks:
            starts = [ln.start for ln in lines]
            for pos in marks:
                ln = lines[bisect_right(starts, pos) - 1]
                if ln.role is None and ln.start <= pos < ln.end and ln.nw <= _POSITION_CAPTION_MAX_WORDS:
                    ln.role = "caption"

    # -- 3. duplicates within the page ----------------------------------------------------
    # A line printed twice is a deck or caption repeated by the page; a line printed three
    # times or more is the page's structure (a listing's field labels, a menu) and is left
    # to the model and the rules, which see the repetition as a feature.  So, in the end, is
    # a plain line repeating a plain line whose first copy does not become the headline or
    # the deck: a list printed twice, or a teaser in two boxes, is for the model to judge.
    # Removing such second copies outright cost turku-lines dev 8.8 points of English F1
    # and gained nothing on trafilatura-eval (docs/decisions.md).  They are removed here
    # all the same, because the deck is found by its echo, and handed back after it.
    key_counts = Counter(filter(None, keys))
    # only the lines whose key recurs are visited (a key seen once has nothing to repeat)
    repeated = {k for k, c in key_counts.items() if c > 1}
    first_seen: dict[str, int] = {}
    plain_dups: list[tuple[int, int]] = []  # (copy, first copy), both plain lines so far
    for i, key in enumerate(keys) if repeated else ():
        if key not in repeated:
            continue
        ln = lines[i]
        if key in first_seen:
            j = first_seen[key]
            structural = key_counts[key] > 2 and lines[j].role is None
            if ln.role is None and lines[j].role is None and not structural:
                plain_dups.append((i, j))
            if ln.role in (None, "caption", "deck") and not structural:
                what = lines[j].role if lines[j].role not in (None, "removed") else "line"
                if lines[j].role == "removed":
                    _remove(ln, lines[j].reason, f"repeats removed line {j + 1}: {lines[j].detail}")
                else:
                    _remove(ln, "duplicate", f"repeats the {what} at line {j + 1}")
        else:
            first_seen[key] = i

    # -- templates across the outlet's pages ------------------------------------------------
    if templates is not None and outlet:
        for ln in lines:
            if ln.role is not None:
                continue
            is_tpl, detail = templates.is_template(outlet, ln.text)
            if is_tpl and _dateline_shaped(ln):
                continue  # every page prints its date there: the template's slot, not its text
            body_like = (
                ln.nw >= cfg.template_spare_words
                and ln.sentence
                and (ln.stop_ratio >= cfg.prose_min_stop_ratio or stop is None)
            )
            if is_tpl and not body_like:
                _remove(ln, "template", detail)

    # -- 5. the line model -------------------------------------------------------------------
    use_model = cfg.use_model and (cfg.model_on_extracted or not hints.extracted)
    model = load_model(cfg.line_model) if use_model else None
    if model is not None:
        # each line's probability is handed over in the body loop below (nothing before it
        # reads them)
        p_arr, line_x = model.score_with_features(probe, stop, stats, list(map(bool, cues)), keys, norms)
        probs = p_arr.tolist()
    else:
        probs = [1.0] * len(lines)  # what a line holds when no model scored it
        line_x = np.zeros((len(lines), 0))

    # -- 4. structure: headline, byline, dateline, deck ------------------------------------
    # only the hints give a line the title or deck role before this point (and a deck may
    # since have been removed as a duplicate): their indices were kept, no scan is needed
    title_idx = _still(lines, taken.get("title"), "title")
    top_title = title_idx is None and not hints.extracted
    found_near_body = ranked_title = False
    if top_title and model is not None and cfg.title_near_body:
        at, near_top, ranked = _title_above_body(
            lines,
            probs,
            model.threshold_for(lang),
            cfg,
            stop is not None,
            lambda i: key_counts[keys[i]] if keys[i] else 1,
            line_x,
            lang,
        )
        if at is not None:
            title_idx, top_title, found_near_body = at, False, not near_top
            # (the ranker may take a headline's second copy, removed as a duplicate above;
            # then its first copy, in a breadcrumb or a teaser box, is the duplicate)
            lines[at].role, lines[at].reason, lines[at].detail = "title", "", ""
            if keys[at] and key_counts[keys[at]] > 1:
                for j, x in enumerate(lines):
                    if x.role is None and keys[j] == keys[at]:
                        _remove(x, "duplicate", f"repeats the title at line {at + 1}")
            ranked_title = ranked
    if top_title:
        title_idx = _headline_from_top(lines, cfg)
        if title_idx is not None:
            lines[title_idx].role = "title"
    if title_idx is not None and not found_near_body:
        # short non-sentence lines above the headline: section labels / navigation (a
        # headline found above the body may sit under a page of anything: the model judges)
        for ln in lines[:title_idx]:
            if ln.role is None and ln.nw <= 6 and not ln.sentence and not _BYLINE.match(ln.text):
                if _is_date_line(ln.text):
                    continue
                _remove(ln, "nav", "short label above the headline")

    head_end = (title_idx if title_idx is not None else -1) + 1
    # under a headline the ranker found, the byline ranker picks among the lines around it
    # (a bare name, a date line holding one); the "By ..." search below is the fallback
    if ranked_title and title_idx is not None and cfg.byline_ranker:
        by_model = load_byline_model()
        if by_model is not None or bylines.TRACE is not None:
            cands, by_x = bylines.candidates(
                lines, probs, line_x, title_idx, lambda t: _BYLINE.match(t) is not None
            )
            pick = by_model.pick(cands, by_x) if by_model is not None else None
            if pick is not None and not _date_naming_nobody(lines[pick].text):
                lines[pick].role = "byline"
    # byline and dateline: among the first free lines of the text, or around a headline
    # found above the body (the page's top is furniture then)
    if found_near_body:
        over = islice((i for i in range(head_end - 2, -1, -1) if lines[i].role is None), _HEAD_ABOVE)
        under = islice((i for i in range(head_end, len(lines)) if lines[i].role is None), 8)
        head = [*sorted(over), *under]
    else:
        head = list(islice((i for i, ln in enumerate(lines) if ln.role is None), 8))
    for i in head:
        ln = lines[i]
        if ln.role is not None:
            continue
        if (
            (
                ln.nw <= cfg.byline_max_words
                and _BYLINE.match(ln.text)
                or ln.nw <= _BYLINE_INSIDE_MAX_WORDS
                and _byline_inside(ln.text)
            )
            and not ln.sentence
            and not any(x.role == "byline" for x in lines)
        ):
            ln.role = "byline"
        elif (
            ln.nw == 1
            and _BY_WORD.match(ln.text)
            and i + 1 < len(lines)
            and lines[i + 1].role is None
            and lines[i + 1].nw <= 6
            and _BYLINE_NAME.match(lines[i + 1].text)
            and not any(x.role == "byline" for x in lines)
        ):
            # "Von" on a line of its own, the name on the next: the name is the byline
            _remove(ln, "label", "the by-word of the byline under it")
            lines[i + 1].role = "byline"
        elif _dateline_shaped(ln) and not any(x.role == "dateline" for x in lines):
            ln.role = "dateline"
    if cfg.name_beside_date_line and not any(x.role == "byline" for x in lines):
        _name_beside_date_line(lines, head)
    if cfg.place_under_date_line:
        _place_under_date_line(lines, head)

    if (
        model is not None
        and not hints.extracted
        and cfg.byline_near_body
        and len(lines) >= _RANK_ANY_MIN_LINES
        and not any(x.role == "byline" for x in lines)
    ):
        near = _byline_near_body(lines, probs, model.threshold_for(lang), cfg, stop is not None)
        if near is not None:
            at, over_body = near
            lines[at].role = "byline"
            # a byline over the article's prose stands under its headline (an author line
            # under the article says nothing of where the headline is)
            above = _headline_above_byline(lines, at, cfg) if over_body else None
            if above is not None and (title_idx is None or not 0 < at - title_idx <= _HEAD_OVER_BYLINE):
                if title_idx is not None:
                    lines[title_idx].role = None
                title_idx = above
                lines[above].role = "title"
                head_end = above + 1
        # the first lines searched above were the page's top (its furniture, not yet judged):
        # a date line printed beside the byline found here is the dateline
        if near is not None and not any(x.role == "dateline" for x in lines):
            at = near[0]
            under = islice((j for j in range(at + 1, len(lines)) if lines[j].role is None), 2)
            over = islice((j for j in range(at - 1, -1, -1) if lines[j].role is None), 1)
            beside = next((j for j in (*under, *over) if _dateline_shaped(lines[j])), None)
            if beside is not None:
                lines[beside].role = "dateline"

    if title_idx is not None and cfg.title_after_prefix and taken.get("title") is None:
        tail = _headline_without_prefix(lines, title_idx)
        if tail is not None:
            _remove(lines[title_idx], "nav", f"a trail or number glued to the headline at line {tail + 1}")
            lines[tail].role = "title"
            title_idx, head_end = tail, tail + 1

    deck_idx = _still(lines, taken.get("deck"), "deck")
    if deck_idx is None and head_end > 0 and not hints.extracted:
        after = next(
            (i for i in range(head_end, len(lines)) if lines[i].role not in ("byline", "dateline", "place")),
            None,
        )
        if after is not None and lines[after].role is None:
            i = after
            ln = lines[i]
            key = keys[i]  # dup_key(probe[i]), as for every line below
            # (a key the page prints once has no echo: the scan is skipped)
            echoed = (key_counts[key] > 1 if key else True) and any(
                x.role == "removed" and x.reason == "duplicate" and keys[j] == key
                for j, x in enumerate(lines[i + 1 :], i + 1)
            )
            nxt = next((lines[j] for j in range(i + 1, len(lines)) if lines[j].role != "removed"), None)
            before_caption = nxt is not None and nxt.role in ("caption", "byline", "dateline", "place")
            if ln.nw <= cfg.deck_max_words and (
                echoed or (before_caption and cfg.deck_min_words <= ln.nw <= 60)
            ):
                ln.role = "deck"
                for j, x in enumerate(lines[i + 1 :], i + 1):
                    dup = x.role == "removed" and x.reason == "duplicate"
                    if dup and keys[j] == key:
                        x.detail = f"repeats the deck at line {i + 1}"

    # a plain line's second copy whose first copy did not become the headline or the deck
    # goes back to the model (see the duplicates pass)
    for i, j in plain_dups:
        ln = lines[i]
        if lines[j].role is None and ln.role == "removed" and ln.reason == "duplicate":
            ln.role = None
            ln.reason = ln.detail = ""

    # -- body: the model, prose override, foreign-language short lines ----------------------
    if model is not None:
        if hints.extracted:
            threshold = cfg.extracted_threshold
        elif cfg.model_threshold is not None:  # 0.0 is a cut too: every line the rules keep
            threshold = cfg.model_threshold
        else:
            threshold = model.threshold_for(lang)
    else:
        threshold = 0.0
    has_stoplist = stop is not None
    below = f" < {threshold:.2f}"
    prose_words, prose_stop = cfg.prose_min_words, cfg.prose_min_stop_ratio
    dropped: list[int] = []  # the model's removals, in page order (for the rescue below)
    for i, (ln, t, p) in enumerate(zip(lines, probe, probs, strict=True)):
        ln.p = p
        if ln.role is not None:
            continue
        # _is_prose, inline (this loop sees most lines)
        prose = ln.nw >= prose_words and ln.sentence and (ln.stop_ratio >= prose_stop or not has_stoplist)
        if p < threshold and not prose and ln.nw >= _RUNNING_PROSE_WORDS:
            prose = (ln.stop_ratio >= prose_stop or not has_stoplist) and _runs_on_in_sentences(t)
        if p < threshold and not prose:
            # _remove, inline (a third of a page's lines go here)
            ln.role, ln.reason, ln.rlang = "removed", "boilerplate", None
            ln.detail = f"{LINE_MODEL_DETAIL}main-text probability {p:.2f}{below}"
            dropped.append(i)
            continue
        # a short line the model would keep, but confidently in another language: furniture
        # (a footer, a language switcher); only asked of kept lines, fastText is the cost
        if (
            ln.nw <= cfg.foreign_max_words
            and not prose
            and (model is None or ln.p < cfg.foreign_max_p)
            and lang is not None
            and _may_be_foreign(ln, stop)
        ):
            g = line_language(t, lang)
            if g is not None and g.lang != lang:
                _remove(ln, "foreign-language", f"in {g.lang} ({g.score:.2f}), article in {lang}", g.lang)
                continue
        ln.role = "body"

    if cfg.rescue_max_run > 0 and not hints.extracted:
        _rescue_runs(lines, cfg, dropped)

    if cfg.keep_ingredients and not hints.extracted:
        _keep_ingredient_runs(lines, dropped)

    if cfg.drop_interrupting_labels and repeated:
        _drop_interrupting_labels(lines, keys, key_counts, repeated)

    if cfg.drop_author_bios:
        _drop_author_bios(lines)
        _drop_about_boxes(lines)
        _drop_self_introductions(lines, given_names())

    # a date line that says what it dates ("Aktualisiert am 17.01.2021.", "Letzte Änderung
    # 14.02.2019") is the page's record, wherever it stands; the dateline is another line
    for ln in lines:
        if ln.role == "body" and ln.nw <= 12 and _says_what_it_dates(ln.text) and _dateline_shaped(ln):
            _remove(ln, "metadata", "a publication or update date")

    # a short line between two removed lines, after the body has ended, is furniture too
    last_body = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].role == "body"), -1)
    for i, ln in enumerate(islice(lines, last_body + 1)):
        if ln.role != "body" or ln.nw > 8 or ln.sentence:
            continue
        between = 0 < i < len(lines) - 1 and lines[i - 1].role == lines[i + 1].role == "removed"
        if between and "boilerplate" not in (lines[i - 1].reason, lines[i + 1].reason):
            _remove(ln, "boilerplate", "short line between removed lines")

    # a rendered page goes on after the article ("Related articles", "Comments" ...); an
    # extractor's output has already lost those sections, not the links between paragraphs
    if cfg.mark_article_end and not hints.extracted:
        mark_article_end(lines)
    elif cfg.mark_article_end:
        drop_inline_teasers(lines)
    if cfg.end_gap_lines and model is not None and not hints.extracted:
        _cut_after_end_gap(lines, title_idx + 1 if title_idx is not None else 0, cfg)

    # -- assemble ---------------------------------------------------------------------------
    # the body-start call exists so furniture in another language cannot decide the
    # article's language; when the lines the first guess read were mostly kept as body and
    # that guess was sure, a second fastText call is not needed
    same_text = (
        probe_guess is not None
        and probe_guess.lang is not None
        and _longest_mostly_body(lines, probe, probe_guess, longest)
    )
    _assemble(
        art,
        lines,
        lang,
        hints,
        lang_known=same_text,
        date_anywhere=cfg.date_anywhere,
        byline_anywhere=cfg.byline_anywhere,
    )
    if art.byline is not None:
        art.authors = author_spans(art.byline, art.outlet or host_of(art.url))
    return art


def _rescue_runs(lines: Sequence[_Line], cfg: CleanConfig, dropped: Sequence[int]) -> None:
    """Keep short runs the line model dropped between two body lines (jusText's
    context-sensitive pass): a sub-heading or a list inside the article is flanked by body,
    a menu or a footer is not.  Only model removals (``dropped``: their indices, ascending)
    are reconsidered, never cue, duplicate or template removals, and only runs whose every
    line the model found plausible."""
    n, m = len(lines), len(dropped)
    max_run, min_p = cfg.rescue_max_run, cfg.rescue_min_p
    k = 0
    while k < m:
        # a run: consecutive indices among the model's removals (rescuing one changes no
        # line outside it)
        start = dropped[k]
        end = start + 1
        k += 1
        while k < m and dropped[k] == end:
            end += 1
            k += 1
        if (
            end - start <= max_run
            and start > 0
            and end < n
            and lines[start - 1].role == "body"
            and lines[end].role == "body"
            and min(x.p for x in lines[start:end]) >= min_p
            and not any(_looks_like_a_name(x.text) for x in lines[start:end])
        ):
            for x in lines[start:end]:
                _restore(x)


#: three words of a name are rarely longer
_NAME_MAX_CHARS = 60


def _name_beside_date_line(lines: Sequence[_Line], head: Sequence[int]) -> None:
    """A bare name on the line just above or under the date line found among the first
    lines is the byline: agencies and many outlets print "Fatma Sevinç Çetin" over "20 Nisan
    2026" under the headline and its summary, with no by-word."""
    at = next((i for i in head if lines[i].role == "dateline"), None)
    if at is None:
        return
    above = next((i for i in range(at - 1, -1, -1) if lines[i].role != "removed"), None)
    under = next((i for i in range(at + 1, len(lines)) if lines[i].role != "removed"), None)
    for i in (above, under):
        if i is None or lines[i].role is not None or lines[i].sentence:
            continue
        text = lines[i].text
        # a given name first: sections and site names come in two capitalised words too
        # ("Lebensmittel Praxis", "Europäische Union", "Axios Future")
        if _looks_like_a_name(text) and text.split()[0] in given_names():
            lines[i].role = "byline"
            return


#: a place line holds at most this many words ("Ankara", "Frankfurt am Main")
_PLACE_LINE_MAX_WORDS = 4


def _place_under_date_line(lines: Sequence[_Line], head: Sequence[int]) -> None:
    """A known town on its own line just under the date line found among the first lines is
    where the article was filed from (Anadolu Ajansı prints "20 Nisan 2026" over "Ankara"
    over the story): the line is marked ``place``, and :func:`_assemble` makes it the
    dateline as it does a wire's opener.  Without the place list such a line was a
    section's label as often as not ("Allgemein", "Seitenanfang", "Impresión", session 29)."""
    at = next((i for i in head if lines[i].role == "dateline"), None)
    if at is None:
        return
    under = next((i for i in range(at + 1, len(lines)) if lines[i].role != "removed"), None)
    if under is None or lines[under].role is not None or lines[under].sentence:
        return
    text = lines[under].text.strip()
    if len(text.split()) <= _PLACE_LINE_MAX_WORDS and not _ANY_DIGIT.search(text) and is_place(text):
        lines[under].role = "place"


def _looks_like_a_name(text: str) -> bool:
    """Two or three capitalised words and nothing else ("Nicole Opitz", "María R.
    Sahuquillo"): an author's name printed above or inside the article, which the line
    model rightly drops and the rescue must not bring back into the body (on the Fundus
    news pages every such rescued line was a byline; on the tune pages none held a snippet)."""
    if len(text) > _NAME_MAX_CHARS:
        return False
    words = text.split()
    if not 2 <= len(words) <= 3:
        return False
    for w in words:
        if len(w) == 2 and w[0].isupper() and w[1] == ".":  # an initial
            continue
        rest = w[1:].replace("-", "").replace("'", "")
        if not (w[0].isupper() and rest.isalpha() and any(c.islower() for c in rest)):
            return False
    return True


#: a label interrupts prose when the nearest kept line on each side is a sentence of at
#: least this many words
_INTERRUPTED_PROSE_WORDS = 8


def _names_what_follows(text: str) -> bool:
    """A speaker's name or a heading: ends in a colon, or every word is capitalised."""
    t = text.rstrip()
    if t.endswith(":"):
        return True
    words = [w for w in t.split() if w[:1].isalpha()]
    return bool(words) and all(w[:1].isupper() for w in words)


def _drop_interrupting_labels(
    lines: Sequence[_Line], keys: Sequence[str | None], key_counts: Counter[str], repeated: set[str]
) -> None:
    """An article does not print the same short line three times; a layout does, between
    its paragraphs ("Article content" at every ad slot of a Postmedia page, "Werbung
    überspringen", "Реклама:").  The line model keeps such a label because prose surrounds
    it, and the duplicates pass leaves three copies or more to the model.  Every kept copy of
    a short non-sentence line printed three times or more goes, when at least two copies sit
    between prose; lists and tables that repeat a field name ("Level: 82") do not sit
    between prose, so they stay with the model.  Nor do an interview's speakers ("Anne:",
    "François Héran") and a text's recurring headings ("Fazit:"), which name what follows:
    a label ending in a colon, or made of capitalised words only, is left alone."""
    thrice = {k for k in repeated if key_counts[k] >= 3}
    if not thrice:
        return
    groups: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        if key in thrice:
            ln = lines[i]
            if ln.role == "body" and ln.nw <= 4 and not ln.sentence and not _names_what_follows(ln.text):
                groups.setdefault(key, []).append(i)
    if not groups:
        return
    n = len(lines)

    def prose_side(i: int, step: int) -> bool:
        j = i + step
        while 0 <= j < n and lines[j].role == "removed":
            j += step
        if not 0 <= j < n:
            return False
        x = lines[j]
        return x.role == "body" and x.sentence and x.nw >= _INTERRUPTED_PROSE_WORDS

    for key, idx in groups.items():
        if sum(1 for i in idx if prose_side(i, -1) and prose_side(i, 1)) >= 2:
            detail = f"a short line the page prints {key_counts[key]} times, between paragraphs"
            for i in idx:
                _remove(lines[i], "label", detail)


#: a capitalised word of a person's name ("Jule", "Stetter-Karp", "Łukasz")
_NAME_WORD = r"[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃ][a-zß-öø-ÿłśżźćńěřšžčů]+(?:-[A-ZÀ-ÖØ-ÞŁŚŻ][a-zß-öø-ÿłśżźćńěřšžčů]+)?"
#: the opening of an author's biography: a name of two to four words (a title before it,
#: an age or a birth year beside it) and what a biography says of its subject first, that
#: they are a writer, an editor, a researcher, where they work, what they studied
#: ("Jule Radeck studierte Sportwissenschaften", "Will Knight is a senior writer for WIRED",
#: "Georg Kasch, Jahrgang 1979, ist Redakteur"); a news sentence about a person rarely
#: opens that way ("Irme Stetter-Karp ist mit großer Mehrheit gewählt worden")
_BIO_OPENING = re.compile(
    r"\W{0,3}((?:(?:Dr|Prof)\. )*"
    + _NAME_WORD
    + r" (?:(?:"
    + _NAME_WORD
    + r"|von|van|de|der|del|la|le) ){0,2}"
    + _NAME_WORD
    + r")"
    r"(?:,? \([^)]{1,40}\)|, Jahrgang \d{4},|, \d{2},)?,? (?:"
    r"(?:is|was) (?:a|an|currently|also|senior|chief|associate|assistant|professor|editor|reporter)\b"
    r"|has (?:been|written|worked|covered|reported)\b|(?:writes|covers|works|lives|joined|reports|teaches|studied|holds)\b"
    r"|(?:ist|war) (?:seit|ein|eine|einer|freie[rn]?|[\w-]*(?:[Rr]edakt(?:eur|or)|[Jj]ournalist|[Aa]utor|[Ee]xpert[e]?"
    r"|[Ww]issenschaftler|[Kk]orrespondent|[Rr]eporter|[Ff]otograf|[Hh]istoriker|[Öö]konom|[Pp]olitolog|[Ss]oziolog"
    r"|[Jj]urist|[Aa]nwalt|[Aa]nwältin|[Pp]sycholog|[Dd]irektor|[Ll]eiter|[Gg]ründer|[Pp]rofessor|[Vv]olontär)(?:in|e)?"
    r"|Mitglied|Partner|Partnerin|Diplom|promoviert\w*|studiert\w*|gelernte[rn]?|Berliner(?:in)?)\b"
    r"|(?:arbeitet|arbeitete|schreibt|leitet|studierte|lebt|kam \d{4}|fing|beschäftigt sich|berichtet|lehrt|unterrichtet)\b"
    r"|(?:est|était) (?:un|une|journaliste|rédact|professeu?r|chercheu|maître|docteur|écrivain|auteur)"
    r"|(?:es|fue) (?:un|una|periodista|redactor|profesor|investigador|escritor|autor)\b|trabaja\b|escribe\b"
    r")"
)
#: where else the page names its author: a byline ("Von Markus Reuter", "Text: ..."), the
#: author box's name line, a photo credit
_AUTHOR_MENTION = (
    r"(?i:\W*(?:(?:by|von|par|por|de|text|texto|autor(?:in)?|author|written by|geschrieben von|[üu]ber|about|"
    r"sobre|à propos de|ein (?:beitrag|kommentar) von)\b[:\s]*(?:\w+ ){{0,2}}{name}(?:\W|$)"
    r"|(?:(?:photograph|photo|foto|bild|fotos)\s*:\s*)?{name}(?:\s+\w+){{0,2}}\W*$))"
)
#: words that open a noun phrase, not a name ("Die Angst ist ein ...", "The Associated
#: Press is an ..."); a stoplist would also reject "Will Knight" and "May Lee"
_NOT_A_FIRST_NAME = frozenset(
    " ".join(
        (
            "the a an this that these those our my his her their its",
            "die der das den dem des ein eine einer eines dieser diese dieses jeder jede unser unsere mein meine",
            "le la les un une ce cette ces notre mon ma",
            "el los las una este esta nuestro nuestra mi",
            "il lo gli i questo questa",
            "de het een dit deze den det ett",
        )
    ).split(" ")
)
#: a line naming the author is short
_AUTHOR_MENTION_WORDS = 14


#: an author box's heading, "About Matthew Humphries", "Über Simon Dückert", "À propos de
#: Jane Doe" (an outlet's own box too, "Über Advents-Shopping.de"), with the count some
#: print beside the name ("Über Luis Holuch 257 Artikel")
_ABOUT_HEADING = re.compile(
    r"\W{0,3}(?:About|Über|À propos de|A propos de|Sobre|Acerca de|Informazioni su)\s+"
    r"((?:[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃ][\w.'’-]*\s+){0,3}[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃ][\w.'’-]*)"
    r"(\s+\d+\s+(?:Artikel|Beiträge|articles|posts|artículos|entradas))?\W{0,3}$"
)
#: an author box holds at most this many lines of prose under its heading
_ABOUT_BOX_LINES = 3


def _drop_about_boxes(lines: Sequence[_Line]) -> None:
    """The box under an article that introduces its writer (or the outlet) is headed "About
    <name>" and reads like prose, so the line model keeps it ("Matthew is PCMag's UK-based
    editor ...").  The heading alone could be an article's subheading ("Über Geld"), so the
    prose under it must name the heading's subject, or a link to the subject's other posts
    must follow it (a line the cues removed as ``author``: "Zeige alle Beiträge von ...",
    "Read the latest from ..."), or the heading must count the subject's articles."""
    n = len(lines)
    for i, ln in enumerate(lines):
        if ln.nw > 7 or ln.sentence:
            continue
        m = _ABOUT_HEADING.match(ln.text)
        if m is None:
            continue
        names = set(re.findall(r"[\w'’-]{3,}", m.group(1)))
        box = []
        for j in range(i + 1, min(i + 1 + _ABOUT_BOX_LINES, n)):
            if lines[j].role != "body" or lines[j].nw < 6:
                break
            box.append(j)
        if not box:
            continue
        words = set(re.findall(r"[\w'’-]{3,}", lines[box[0]].text))
        linked = any(lines[j].reason == "author" for j in range(box[-1] + 1, min(box[-1] + 4, n)))
        if not (names & words or linked or m.group(2)):
            continue
        for j in box:
            _remove(lines[j], "author", f"an author box under line {i + 1}: {ln.text[:60]}")
        if ln.role == "body":
            _remove(ln, "author", "an author box's heading")


#: a word of the first person ("ich", "my", "je", "mi"): a blog's writer introduces
#: themselves in it
_FIRST_PERSON = re.compile(r"\b(?:ich|mein\w*|mir|mich|I'm|I've|my|je|j'|mon|ma|mes|moi|yo|mi|mis)\b")
#: what may follow a writer's self-introduction: the comment form, a share row, a label
_AFTER_SELF_INTRODUCTION = frozenset({"comments", "social", "label"})
#: a writer's self-introduction is one or two lines
_SELF_INTRODUCTION_LINES = 2


#: a blogger's age after the given name ("Julia, 27, Modemädchen")
_AGE_AFTER_NAME = re.compile(r"\s*\d{1,2}\b")


def _drop_self_introductions(lines: Sequence[_Line], names: frozenset[str]) -> None:
    """A blog's writer box: a bare name of two or three words, or a given name and an age
    ("Isabella Beyer", "Julia, 27, Modemädchen"), under it one or two lines in the first
    person ("Als Content Marketing Managerin betreue ich den Blog ..."), then the comment
    form, a share row or a label.  Not a line the model dropped: on a Fundus page a related
    article's byline stood over the story going on in the first person ("... he told me").
    A single given name ("Spring", "Ah") matched turku-lines' main text, so it is not
    taken alone.  On the tune half of trafilatura-eval it fires on 2 pages, both boxes
    marked as not main text."""
    n = len(lines)
    for i, ln in enumerate(lines):
        # (not the article's own byline over its first paragraph in the first person)
        if ln.nw > 4 or ln.sentence or ln.role not in ("body", "removed"):
            continue
        name, _, rest = ln.text.partition(",")
        # the given-name lookup first: it turns away nearly every line, where the name test
        # split and scanned each of the 37,000 short lines of the bench pass (both tests are
        # pure, so their order does not change the answer)
        first = name.split(maxsplit=1)
        # (",0" has an age after no name at all: a line of hostile input, no writer's box)
        if not first or first[0] not in names:
            continue
        if not (_looks_like_a_name(name) or (rest and _AGE_AFTER_NAME.match(rest))):
            continue
        box = []
        for j in range(i + 1, min(i + 1 + _SELF_INTRODUCTION_LINES, n)):
            if lines[j].role != "body" or lines[j].nw < 6:
                break
            box.append(j)
        if not box or not any(_FIRST_PERSON.search(lines[j].text) for j in box):
            continue
        nxt = box[-1] + 1
        if nxt < n and not (lines[nxt].role == "removed" and lines[nxt].reason in _AFTER_SELF_INTRODUCTION):
            continue
        for j in box:
            _remove(lines[j], "author", f"the writer introducing themselves under their name on line {i + 1}")
        if ln.role == "body":
            _remove(ln, "author", "the name over the writer's self-introduction")


def _drop_author_bios(lines: Sequence[_Line]) -> None:
    """An author's biography under (or above) the article reads like prose, so the line
    model keeps it ("Markus Reuter beschäftigt sich mit den Themen Digital Rights ...").
    What gives it away is the page itself: the sentence opens with a name and says what its
    subject does for a living, and the same name stands alone, or in a byline, on a short
    line of the same page.  A "name" that opens with an article ("Die Angst ist ein ...") is
    a German noun phrase, not a person."""
    for i, ln in enumerate(lines):
        if ln.role != "body" or ln.nw < 6:
            continue
        m = _BIO_OPENING.match(ln.text)
        if m is None:
            continue
        name = m.group(1)
        if name.split(maxsplit=1)[0].lower() in _NOT_A_FIRST_NAME:
            continue
        mention = re.compile(_AUTHOR_MENTION.format(name=re.escape(name)))
        for j, other in enumerate(lines):
            if j != i and other.nw <= _AUTHOR_MENTION_WORDS and mention.match(other.text):
                _remove(ln, "author", f"an author's biography: {name} is named on line {j + 1}")
                break


#: a recipe's ingredient line: a quantity and a unit first ("200 g Mehl", "1 Pck.
#: Vanillezucker", "2 tbsp olive oil", "* ½ cup sugar")
_INGREDIENT = re.compile(
    r"[*\u2022-]?\s*(?:\d+(?:[,./]\d+)?(?:\s*-\s*\d+)?|[\u00bc-\u00be\u2153-\u215e])\s*"
    r"(?i:g|kg|mg|ml|l|dl|cl|el|tl|pck\.?|päckchen|prisen?|stück|stk\.?|dosen?|dose/n|bund|zehen?|"
    r"scheiben?|becher|tassen?|cups?|tbsp|tsp|oz|lbs?|tablespoons?|teaspoons?|cuch\.?|cucharadas?|"
    r"cucharaditas?|gr|c\.\s*à\s*[sc]\.?|cuillères?)(?![\w])"
)


#: the first character of every line :data:`_INGREDIENT` matches: a list mark, a fraction, an
#: ASCII digit or (``str.isdigit``) another script's digit
_INGREDIENT_OPENING = frozenset(
    "*\u2022-0123456789\u00bc\u00bd\u00be" + "".join(map(chr, range(0x2153, 0x215F)))
)
#: ingredient lines at most this many lines apart belong to one list
_INGREDIENT_GAP = 3
#: a line inside an ingredient list is one of its items or headings, not prose
_INGREDIENT_MAX_WORDS = 8


def _keep_ingredient_runs(lines: Sequence[_Line], dropped: Sequence[int]) -> None:
    """A recipe's ingredient list is the article's text, though every line of it is short
    and looks like a shop's or a table's cell to the line model: the model's removals that
    start with a quantity and a unit go back to the body when two more such lines sit within
    three lines of them."""
    near = {
        i
        for i, ln in enumerate(lines)
        if ((c := ln.text[:1]) in _INGREDIENT_OPENING or (c > "\x7f" and c.isdigit()))
        and _INGREDIENT.match(ln.text)
    }
    if len(near) < 3:
        return
    hits = [i for i in dropped if i in near and lines[i].role == "removed"]
    for i in hits:
        if sum(1 for j in range(i - 3, i + 4) if j != i and j in near) >= 2:
            _restore(lines[i])
    # the rest of the list: what sits inside a run of ingredient lines is the list too (an
    # ingredient without a unit, "2 Eier (Größe M)", "etwas Fett"; a part's heading,
    # "Belag:"), and so is the heading just above the run ("Für den Mürbeteig:")
    model_dropped = set(dropped)
    blocks: list[list[int]] = []
    for i in sorted(near):
        if blocks and i - blocks[-1][-1] <= _INGREDIENT_GAP:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    for block in blocks:
        if len(block) < 3:
            continue
        for j in range(max(block[0] - 1, 0), block[-1]):
            ln = lines[j]
            inside = j > block[0] or ln.text.rstrip().endswith(":")
            if inside and j in model_dropped and ln.role == "removed" and ln.nw <= _INGREDIENT_MAX_WORDS:
                _restore(ln)


def _restore(ln: _Line) -> None:
    """A removed line back in the body (the rescue's and the recipe list's undoing)."""
    ln.role = "body"
    ln.reason = ln.detail = ""


def _cut_after_end_gap(lines: Sequence[_Line], start: int, cfg: CleanConfig) -> None:
    """Remove what a rendered page keeps after its article: the kept lines after the first
    long run of removed lines (``end_gap_lines``), when what is kept after it is a small part
    of the page's kept words (``end_gap_max_share``) and the run is much longer than any
    between the kept lines before it (``end_gap_ratio``): an article is followed by its
    furniture (share row, tags, author box, "Related"), and what the model keeps beyond it is
    a comment, a teaser's sentence or the footer's legal text."""
    kept = [i for i in range(start, len(lines)) if lines[i].role == "body"]
    if len(kept) < 2:
        return
    words = [lines[i].nw for i in kept]
    total = sum(words) or 1
    after = total
    widest = 0
    for k in range(len(kept) - 1):
        after -= words[k]
        gap = kept[k + 1] - kept[k] - 1
        if (
            gap >= cfg.end_gap_lines
            and after <= cfg.end_gap_max_share * total
            and gap >= cfg.end_gap_ratio * (1 + widest)
        ):
            detail = (
                f"after {gap} removed lines that end the article at line {kept[k] + 1} "
                f"(the text kept after them: {after / total:.0%} of the page's)"
            )
            for j in kept[k + 1 :]:
                _remove(lines[j], "after-article", detail)
            return
        widest = max(widest, gap)


#: a page's language is read from its first this-many characters when fastText is at
#: least ``_SURE_PAGE_LANG`` sure of them, else from ``_PAGE_LANG_CHARS``.  200 rather than
#: 500 characters: on the 1,927 distinct page probes of the identity inputs, 2 answers
#: change (both pages mix languages), for 60 % of the characters read
_QUICK_PAGE_LANG_CHARS = 200
_SURE_PAGE_LANG = 0.95
_PAGE_LANG_CHARS = 1000

#: the body probe is skipped when the page probe was sure and body lines hold at least this
#: share of the characters it read (on 1,067 body probes of the identity inputs, none of the
#: 781 so skipped had changed the language; the 13 that did were unsure or below 0.5)
_BODY_SHARE_TRUSTED = 0.6


def _page_guess(text: str) -> LangGuess:
    """Language of a page's text.  fastText's cost grows with its input (~0.3 µs per
    character on news text) and the page-level guesses were a sixth of the cleaner's time;
    a short probe settles most pages."""
    if len(text) > _QUICK_PAGE_LANG_CHARS:
        quick = detect(text[:_QUICK_PAGE_LANG_CHARS])
        if quick.score >= _SURE_PAGE_LANG:
            return quick
    return detect(text[:_PAGE_LANG_CHARS])


def _page_language(text: str) -> str | None:
    return _page_guess(text).lang


def _longest_lines(probe: Sequence[str]) -> list[int]:
    """Where the page's 8 longest lines are, longest first, page order among equals: what
    ``sorted(probe, key=len, reverse=True)[:8]`` takes (the sort is stable), as indices,
    so the page probe and :func:`_longest_mostly_body` share one sort."""
    return sorted(range(len(probe)), key=list(map(len, probe)).__getitem__, reverse=True)[:8]


def _longest_mostly_body(
    lines: Sequence[_Line], probe: Sequence[str], guess: LangGuess, longest: Sequence[int] | None = None
) -> bool:
    """Whether the page probe already read body text: every one of the longest lines kept
    as body, or a sure guess from lines most of whose characters were kept as body
    (``longest``: :func:`_longest_lines` of ``probe``, if known)."""
    if longest is None:
        longest = _longest_lines(probe)
    body = sum(len(probe[i]) for i in longest if lines[i].role == "body")
    total = sum(len(probe[i]) for i in longest)
    if body == total:
        return True
    return guess.score >= _SURE_PAGE_LANG and body >= _BODY_SHARE_TRUSTED * total


#: a line with at least this share (and two) of the article language's stopwords is in that
#: language; fastText is not asked (on the throughput sample, 4 of the 15,349 paragraphs at
#: or above 0.35 had been tagged with another language)
_SURELY_NATIVE_STOP_RATIO = 0.35

#: a paragraph's language is judged from its first this-many characters
_PARA_LANG_CHARS = 200


def _may_be_foreign(ln: _Line, stop: frozenset[str] | None) -> bool:
    """Whether a language check could flip this line: enough words to judge (the same floor
    as :func:`newsdesk.lang.judgeable`), and not full of the article language's stopwords.
    fastText is the cleaner's largest single cost, so it is asked only about such lines."""
    if ln.nw < MIN_LINE_WORDS:
        return False
    if stop is None:
        return True
    return ln.stop_ratio < _SURELY_NATIVE_STOP_RATIO or ln.nw * ln.stop_ratio < 2


#: an ordered list's number: a breadcrumb rendered as one numbers its last item, the
#: headline ("4. Textarchiv" / "5. Erinnerung an die Opfer der NS-Verbrechen")
_ORDERED_MARK = re.compile(r"^(\d{1,2})\.\s+")


def _field_span(ln: _Line, above: str | None = None) -> Span:
    """A headline, deck, byline or dateline line's span, without the list mark a renderer
    printed before it ("* Headline" from an ``<li>``): the mark is the page's layout, not
    part of the field (body list items keep theirs, as printed).  Given the text of the
    line ``above`` it, a headline also loses an ordered list's number that continues that
    line's ("5. " under "4. "); a headline that opens with a number of its own ("1. FC Köln
    ...") has no such line above it."""
    m = _LIST_MARK.match(ln.text)
    if m is None and above:
        o = _ORDERED_MARK.match(ln.text)
        if o is not None and above.startswith(f"{int(o.group(1)) - 1}. "):
            m = o
    if m is None or m.end() == len(ln.text):
        return Span(ln.text, ln.start, ln.end)
    return Span(ln.text[m.end() :], ln.start + m.end(), ln.end)


def _copyright_after_body(lines: Sequence[_Line]) -> None:
    """A "©" line below the last body line that names a year or reserves rights is the
    site's copyright notice, not a photo credit: "© 2024 Example Gazette" closing every page
    of an outlet was a caption without text, and "All rights reserved © 2024" or "Copyright
    © 2024 Example News" a caption whose text was the reservation or the word "Copyright".
    (Above the body, or between paragraphs, such a line may still be a photographer's
    credit, and stays one; so does a caption of its own below the body.)"""
    for ln in reversed(lines):  # only the page's tail is read: this runs on every page
        if ln.role == "body":
            break
        if ln.role == "caption" and FOOTER.search(ln.text.strip()):
            cap = _caption(ln).text
            if (
                cap == ""
                or cap.strip(_COPYRIGHT_WORD_EDGES).casefold() in _COPYRIGHT_WORDS
                or FOOTER.search(cap)
            ):
                ln.role, ln.reason, ln.detail = "removed", "boilerplate", "copyright notice below the article"


#: a caption that is only one of these words opens a copyright notice, not a photo's caption
_COPYRIGHT_WORDS = frozenset({"copyright", "(c)", "©"})
_COPYRIGHT_WORD_EDGES = " \t.,;:|-–—"


def _collect(art: Article, lines: Sequence[_Line]) -> tuple[list[str], list[_Line], _Line | None]:
    """Fill the article's fields from the lines' roles, in page order; the body lines and
    their first characters (what decides the article's language) are returned, and the line
    of the place the article was filed from (:func:`_place_under_date_line`), if any."""
    body_texts: list[str] = []
    body_lines: list[_Line] = []
    place: _Line | None = None
    removed, paragraphs = art.removed, art.paragraphs
    for i, ln in enumerate(lines):
        role = ln.role
        # the two common roles first; the others never collide with them
        if role == "removed":
            removed.append(
                Removed(ln.text, ln.reason or "boilerplate", ln.start, ln.end, ln.detail, ln.rlang)
            )
            continue
        if role == "title" and art.title is None:
            art.title = _field_span(ln, lines[i - 1].text if i else None)
        elif role == "deck" and art.deck is None:
            art.deck = _field_span(ln)
        elif role == "byline" and art.byline is None:
            art.byline = _field_span(ln)
        elif role == "dateline" and art.dateline is None:
            art.dateline = _field_span(ln)
        elif role == "caption":
            art.captions.append(_caption(ln))
        elif role == "place":
            place = ln  # the dateline's place, placed by _assemble
        else:  # body (and any role already taken: a second title is still text)
            paragraphs.append(Paragraph(ln.text, ln.start, ln.end))
            # fastText's cost grows with length; 250 characters decide a paragraph's language
            body_texts.append(ln.text[:250])
            body_lines.append(ln)
    return body_texts, body_lines, place


#: a town and a full stop opening the first paragraph, as German local papers file their
#: articles ("Berlin. Die Feuerwehr kämpft ..."): a dateline when the town is a known place
_PLACE_AND_STOP = re.compile(
    r"(?P<place>[A-ZÀ-Ý][\w'’-]+(?:[ -](?:[A-ZÀ-Ý][\w'’-]+|[a-zß-ÿ]{2,3})){0,2})\.\s+(?=[A-ZÀ-Ý„\"«»“])"
)


def _opener(first: Paragraph) -> Span | None:
    """The place (and wire) an article was filed from, where its first paragraph opens with
    them ("WASHINGTON (Reuters) — ...")."""
    m = _DATELINE_PREFIX.match(first.text)
    if m is None:
        town = _PLACE_AND_STOP.match(first.text)
        if town is not None and is_place(town.group("place")):
            return Span(town.group("place"), first.start, first.start + town.end("place"))
        return None
    if not any(c.isalpha() for c in m.group(m.lastgroup or "dl")):
        return None
    dl = m.group(m.lastgroup or "dl").rstrip(" —–-")
    if m.lastgroup == "dated":
        if not any(
            (w := word.casefold().rstrip(".,")) in _MONTHS or w in _MORE_MONTHS for word in dl.split()
        ):
            return None
        dl = dl.removesuffix(".")
    if dl.endswith(")."):  # "MADRID, 5 dic (EFE).-": the stop closes the agency's brackets
        dl = dl[:-1]
    return Span(dl, first.start, first.start + len(dl))


def _assemble(
    art: Article,
    lines: Sequence[_Line],
    lang: str | None,
    hints: FieldHints,
    *,
    lang_known: bool = False,
    date_anywhere: bool = True,
    byline_anywhere: bool = True,
) -> None:
    _copyright_after_body(lines)
    body_texts, body_lines, place = _collect(art, lines)
    # article language from the body; paragraphs that are clearly in another language say so
    if body_texts:
        # one call on the body's start: a footer or quote in another language cannot win
        art.lang = lang if lang_known else (_page_language(" ".join(body_texts)) or lang)
    else:
        art.lang = lang or (detect(art.title.text).lang if art.title else None)
    if art.lang != lang and art.lang is not None:
        # The short lines removed as "in another language" were judged against the first
        # guess, which the body has now outvoted: a line in the article's own language was
        # removed for a reason that is not true.  The model had kept it, so it goes back.
        back = [
            ln
            for ln in lines
            if ln.role == "removed" and ln.reason == "foreign-language" and ln.rlang == art.lang
        ]
        if back:
            for ln in back:
                ln.role, ln.reason, ln.detail, ln.rlang = "body", "", "", None
            art.title = art.deck = art.byline = art.dateline = None
            art.captions.clear()
            art.removed.clear()
            art.paragraphs.clear()
            body_texts, body_lines, place = _collect(art, lines)
    if art.lang == lang:
        stop = stopwords(art.lang)
    else:  # the body outvoted the first guess: stopword shares must be for the body's language
        stop = stopwords(art.lang)
        for ln in body_lines:
            ln.nw, _, ln.stop_ratio, ln.sentence = line_stats(ln.text[:2000], stop)
    for p, probe, ln in zip(art.paragraphs, body_texts, body_lines, strict=True):
        g = line_language(probe[:_PARA_LANG_CHARS], art.lang) if _may_be_foreign(ln, stop) else None
        p.lang = g.lang if g is not None else art.lang
    # dateline inside the first paragraph ("WASHINGTON (Reuters) — ..."), else the place
    # printed on its own line under the date line ("Ankara")
    opener = _opener(art.paragraphs[0]) if art.paragraphs else None
    place_span = None
    if place is not None and opener is None:
        lead = len(place.text) - len(place.text.lstrip())
        opener = place_span = Span(
            place.text.strip(), place.start + lead, place.start + lead + len(place.text.strip())
        )
    if art.dateline is None:
        art.dateline = opener
    # publication date: the input's declaration wins, then a date line of the text
    if hints.published:
        art.published = hints.published
        art.published_source = hints.published_source or "input"
    elif art.dateline is not None and _is_date_line(art.dateline.text):
        iso = _parse_date(art.dateline.text, art.lang, _month_first(art.lang, art.url, art.outlet))
        if iso is not None:
            art.published = iso
            art.published_source = "text:dateline"
            art.published_from = art.dateline
    date_line = art.dateline
    if (
        opener is not None
        and date_line is not None
        and date_line is not opener
        and _is_date_line(date_line.text)
    ):
        # the page prints a date line and its article opens with where (and from whom) it was
        # filed: that opener is the dateline, the date line is the page's metadata
        at = bisect_right([r.start for r in art.removed], date_line.start)
        detail = "the page's date line; the dateline is the place the article was filed from"
        art.removed.insert(at, Removed(date_line.text, "metadata", date_line.start, date_line.end, detail))
        art.dateline = opener
        if art.published_from is date_line:
            art.published_source = "text:removed-metadata-line"
    if place is not None and (place_span is None or art.dateline is not place_span):
        # the wire's own opener names the place, or the line over it was no date line: the
        # place line is the page's, kept with why
        at = bisect_right([r.start for r in art.removed], place.start)
        detail = "the place the article was filed from, printed under the date line"
        art.removed.insert(at, Removed(place.text, "metadata", place.start, place.end, detail))
    if art.published is None and art.byline is not None and _is_date_line(art.byline.text):
        # "von Tilman Weber 10.12.2022 07:00": the byline carries the page's own date
        iso = _parse_date(art.byline.text, art.lang, _month_first(art.lang, art.url, art.outlet))
        if iso is not None:
            art.published = iso
            art.published_source = "text:byline"
            art.published_from = art.byline
    if art.published is None:
        found = _date_near_headline(art)
        if found is None and art.byline is not None:
            found = _date_beside_byline(art)
        if found is None and date_anywhere:
            found = _first_date_line(art, lines)
        if found is not None:
            art.published, art.published_source, art.published_from = found
    if art.byline is None and art.published_from is not None:
        _byline_from_date_line(art)
    if art.byline is None and byline_anywhere:
        _byline_anywhere(art)


#: a comment's own line ("Kommentar von X — 2019-01-01 @ 00:39 | Antworten"): its date and
#: name are the comment's, not the page's
_COMMENT_LINE = re.compile(r"(?i)\b(?:antworten|reply|répondre|responder|rispondi|kommentar|comment)")


def _byline_from_date_line(art: Article) -> None:
    """A removed line that dates the page and names a person after a by-word is also its
    byline ("1.11.23 20:19 von Lars Sobiraj Lesezeit: 4 Min.", "Accueil | Par Loïc Le
    Clerc | 30 septembre 2018"): it leaves the removed lines and becomes the byline.  On the
    four checks of docs/decisions.md (session 17) it found 5 authors and no wrong one."""
    line = art.published_from
    assert line is not None
    at = bisect_left(art.removed, line.start, key=_START)
    if at == len(art.removed) or art.removed[at].start != line.start or art.removed[at].end != line.end:
        return  # the date's line is kept text, a caption or a field
    text = line.text
    if len(text.split()) > _BYLINE_INSIDE_MAX_WORDS or not (_byline_inside(text) or _BYLINE.match(text)):
        return
    if _COMMENT_LINE.search(text) or FOOTER.search(text):
        return  # (a copyright notice's "by" names the holder: "Copyright © 2019 by Example GmbH")
    del art.removed[at]
    art.byline = Span(text, line.start, line.end)


#: a line that opens with a phrase only a byline opens with: a by-word joined to a verb or
#: a noun ("Posted by", "Eingestellt von", "Blog Beitrag von"), an author label with its
#: colon ("Text:", "Auteur :", "Redaktion:"), or English "By" before a given name.  Bare
#: "Von", "Par", "Por" or "De" open headlines and teasers ("Von der Fahrbahn abgekommen",
#: "Par ailleurs"), so alone they are not enough (session 17 measured them).
_STRONG_BYLINE = re.compile(
    r"^(?:[*•-]\s+)?(?:"
    r"(?:(?:posted|written|published|reported|compiled)\s+by"
    r"|(?:eingestellt|veröffentlicht|verfasst|geschrieben|erstellt|publiziert|gepostet)\s+von"
    r"|(?:artikel|beitrag|blog\s*beitrag|gastbeitrag|kolumne|kommentar|ein\s+kommentar|eine\s+kolumne|"
    r"ein\s+gastbeitrag|ein\s+beitrag)\s+von"
    r"|publi[ée]e?\s+par|[ée]crit\s+par|escrito\s+por|publicado\s+por|scritto\s+da|pubblicato\s+da)"
    r"(?:\s*[:：])?\s+"
    r"|(?:autor(?:in)?|author|auteur(?:e)?|autore|text(?:\s*(?:&|und|and)\s*fotos?)?|texte|texto|testo|"
    r"redaktion|reporter)\s*[:：]\s+"
    r")(?=[^\W\d_])",
    re.IGNORECASE,
)
#: a second label after the by-phrase: a title ("Text: Mein Motto: Fazit ...") not a name
_SECOND_LABEL = re.compile(r"[^\W\d_][:：]\s")
#: the first words of :data:`_STRONG_BYLINE` and :data:`_BY_GIVEN_NAME` at a line's start
_BYLINE_OPENERS = re.compile(
    r"^[ \t]*(?:[*•-][ \t]+)?(?:posted|written|published|reported|compiled|eingestellt|veröffentlicht|verfasst|"
    r"geschrieben|erstellt|publiziert|gepostet|artikel|beitrag|blog|gastbeitrag|kolumne|kommentar|ein|"
    r"eine|publi|écrit|ecrit|escrito|publicado|scritto|pubblicato|autor|author|auteur|text|texto|testo|"
    r"redaktion|reporter|by)",
    re.IGNORECASE | re.MULTILINE,
)
_BY_GIVEN_NAME = re.compile(r"^(?:[*•-]\s+)?(?i:by)\s+(?P<first>[A-ZÀ-Ý][\w'’-]+)\s+[A-ZÀ-Ý]")
#: a byline line far from the headline is short ("Posted by Alex Durán, AMP Project
#: Marketing, Google")
_BYLINE_ANYWHERE_MAX_WORDS = 12


def _byline_anywhere(art: Article) -> None:
    """With no byline near the headline, the body or the date line, the first removed line
    of at most 12 words that opens with a phrase only a byline opens with is the byline, where
    it stands: a blog prints "Posted by Günter W. Kienitz at 18:52" under the post, a
    magazine "Text: Ursula Eggers" after the article, a page rendered whole "By Rob Picheta,
    CNN" above a headline it prints twice.  Not a comment's line nor a copyright notice."""
    if not art.removed:
        return
    # one scan of the removed lines for the phrases' first words: most pages hold none
    joined = "\n".join(r.text for r in art.removed)
    starts: list[int] | None = None
    for hit in _BYLINE_OPENERS.finditer(joined):
        if starts is None:
            starts = list(accumulate((len(r.text) + 1 for r in art.removed), initial=0))
        at = bisect_right(starts, hit.start()) - 1
        line = art.removed[at]
        text = line.text.strip()
        if len(text.split()) > _BYLINE_ANYWHERE_MAX_WORDS:
            continue
        strong = _STRONG_BYLINE.match(text)
        if strong is None:
            m = _BY_GIVEN_NAME.match(text)
            if m is None or m.group("first") not in given_names():
                continue
        elif _SECOND_LABEL.search(text, strong.end()):
            continue
        if _COMMENT_LINE.search(text) or FOOTER.search(text):
            continue
        span = Span(line.text, line.start, line.end)
        if not author_spans(span, art.outlet):
            continue
        del art.removed[at]
        art.byline = span
        return


#: lines read on each side of the byline for the page's date, when none was near the headline
_DATE_BESIDE_BYLINE = 3


def _date_beside_byline(art: Article) -> tuple[str, str, Span] | None:
    """The page's date from the short lines just above or under its byline, nearest first
    (a line above before one as far below): a page rendered whole prints "By Kayla Greaves"
    over "Oct 13, 2020 @ 4:48 pm" far from a headline taken from a teaser, or with none."""
    assert art.byline is not None
    month_first = _month_first(art.lang, art.url, art.outlet)
    b = art.byline.start
    lines: list[tuple[int, str, str | None]] = [(r.start, r.text, r.reason) for r in art.removed]
    lines += [(p.start, p.text, None) for p in art.paragraphs if len(p.text) <= _DATE_READ_MAX_CHARS]
    lines.sort(key=itemgetter(0))
    at = bisect_right(lines, b, key=itemgetter(0))
    above = lines[:at][::-1][:_DATE_BESIDE_BYLINE]
    below = lines[at : at + _DATE_BESIDE_BYLINE]
    return _first_date(_nearest_first(above, below), art, month_first)


def _first_date_line(art: Article, lines: Sequence[_Line]) -> tuple[str, str, Span] | None:
    """The date of the page's first short date line that is not a sentence, wherever it
    stands, "text:first-date-line" and the line's span: the last resort when nothing near
    the headline or the byline holds a date.

    A page rendered whole often prints its date far from where its headline was found: a
    bare "19.11.2021" removed as a line without letters under a long menu, a "14.01.2022
    um 09:25" line in the page's footer of facts.  On the four checks of docs/decisions.md
    (session 17), where the rules gave no date, the first such line held the gold date on
    21 pages and another date on 9; the source name says how the date was found, so a
    reader can hold it to a stricter standard.  A sentence dates an event, not the page
    (as in :func:`_date_near_headline`)."""
    has_digit = _ANY_DIGIT.search  # (what _is_date_line tries first, without its call)
    candidates = (
        (ln.start, ln.text, None)
        for ln in lines  # every line of the page, in page order, whatever its role
        if len(ln.text) <= _DATE_READ_MAX_CHARS
        and has_digit(ln.text) is not None
        and not (ln.text[-1:] in _SENTENCE_LAST and _SENTENCE_END.search(ln.text) is not None)
    )
    return _first_date(candidates, art, _month_first(art.lang, art.url, art.outlet), "text:first-date-line")


def _first_date(
    near: Iterable[tuple[int, str, str | None]], art: Article, month_first: bool, source: str | None = None
) -> tuple[str, str, Span] | None:
    """The date of the first short date line among ``near`` (start, text, the removal's
    reason or None for a kept line), where it came from (``source``, or the line's kind),
    and that line's span."""
    misses = 0
    for start, text, reason in near:
        if len(text) <= _DATE_READ_MAX_CHARS and _is_date_line(text):
            iso = _parse_date(text, art.lang, month_first)
            if iso is not None:
                if source is None:
                    source = "text:body-line" if reason is None else f"text:removed-{reason}-line"
                return iso, source, Span(text, start, start + len(text))
            misses += 1
            if misses == _DATE_PARSE_TRIES:
                break
    return None


#: a line read for the page's date is at most this long (a date line, not a paragraph)
_DATE_READ_MAX_CHARS = 120
#: a date search gives up after this many date-shaped lines no parser reads: each such line
#: costs a dateparser search (~10 ms), and a hostile page of 3,000 version numbers
#: ("Version 31.31.2019") took 16 s before this bound.  On the 2,093 texts of the speed and
#: plain-text benchmarks no search found its date after more than 2 such lines.
_DATE_PARSE_TRIES = 8
#: short lines read above the headline, and then under the paragraph below it, before
#: the removed lines further up: a page rendered whole often prints its date under a lead
#: or a teaser sentence kept as the first paragraph, and keeps lists with dates of their
#: own far above its headline
_DATE_NEAR_LINES = 10
#: a kept line ending as a sentence does (a word, then its full stop): it dates an event
#: ("Der nächste Stammtisch findet am Mi. 5. Februar 2020 ... statt."), while a meta line
#: may end in "p.m." or "a. m."
_SENTENCE_END = re.compile(r"[^\W\d_]{2}[.!?][\"”»’)“«]?\s*$")
#: the characters a :data:`_SENTENCE_END` match can end on, but for trailing whitespace
_SENTENCE_LAST = frozenset('.!?"”»’)“«')


_START = attrgetter("start")


def _date_near_headline(art: Article) -> tuple[str, str, Span] | None:
    """The page's date from the short lines nearest its headline, and its source.

    Read in order: the lines between the headline and the paragraph under it (that
    paragraph too when it is a short meta line: "am Sonntag, 11.12.2022 - 05:00 (1
    Kommentar)" is kept as text), then :data:`_DATE_NEAR_LINES` lines above the headline,
    nearest first, as many under that paragraph, then the removed lines further up.
    Removed lines count (a "Published ... · 2 min read" line is removed as metadata, or as
    the outlet's template when it recurs on its pages), and so do kept lines that are short and no sentence; a sentence dates an event, not
    the page.  Lines above the body used to be read only above its first paragraph, so a
    paragraph kept at the page's top (a teaser, a cookie notice) hid the date printed
    just above the headline.  Without a headline, the removed lines above the body."""
    month_first = _month_first(art.lang, art.url, art.outlet)
    body_start = art.paragraphs[0].start if art.paragraphs else len(art.raw)
    # (start, text, the removal's reason or None for a kept line): the source string is
    # built for the one line that gives the date, not for every removed line of the page
    if art.title is None:
        near: Iterable[tuple[int, str, str | None]] = (
            (r.start, r.text, r.reason) for r in takewhile(lambda r: r.start < body_start, art.removed)
        )
    else:
        t = art.title.start
        after = next((p.start for p in art.paragraphs if p.start > t), len(art.raw))
        # only the first _DATE_NEAR_LINES lines past ``after`` are read, so each list is cut
        # there (both are in page order): the merged list below reads the same lines
        removed = art.removed
        r_end = bisect_right(removed, after, key=_START) + _DATE_NEAR_LINES
        items: list[tuple[int, str, str | None]] = [(r.start, r.text, r.reason) for r in removed[:r_end]]
        past = 0
        for p in art.paragraphs:
            # (the regex only where the last character could end a sentence)
            if len(p.text) <= _DATE_READ_MAX_CHARS and (
                p.text[-1:] not in _SENTENCE_LAST or _SENTENCE_END.search(p.text) is None
            ):
                items.append((p.start, p.text, None))
                if p.start > after:
                    past += 1
                    if past == _DATE_NEAR_LINES:
                        break
        items.sort(key=itemgetter(0))
        at = bisect_right(items, t, key=itemgetter(0))
        cut = bisect_right(items, after, key=itemgetter(0))
        above = items[:at][::-1]
        near = [
            *items[at:cut],
            *above[:_DATE_NEAR_LINES],
            *items[cut : cut + _DATE_NEAR_LINES],
            *(x for x in above[_DATE_NEAR_LINES:] if x[2] is not None),
        ]
    return _first_date(near, art, month_first)


def _caption(ln: _Line) -> Caption:
    m = _credit(ln.text)
    if m is None:
        if _CREDIT_LINE.match(ln.text):  # a credit on its own line: a caption without text
            return Caption("", ln.start, ln.start, Span(ln.text, ln.start, ln.end))
        return Caption(ln.text, ln.start, ln.end)
    cs = m.start("credit")
    cap = ln.text[:cs].rstrip()
    credit_text = ln.text[cs:].rstrip()
    credit = Span(credit_text, ln.start + cs, ln.start + cs + len(credit_text))
    return Caption(cap, ln.start, ln.start + len(cap), credit)


def score_lines(lines: Sequence[str], lang: str | None, model_name: str | None = None) -> np.ndarray:
    """The line model's main-text probabilities for bare lines (benchmarks, diagnostics);
    ``model_name``: the cleaner's default model when not given."""
    model = load_model(model_name or CleanConfig().line_model)
    if model is None:
        return np.ones(len(lines))
    return model.score(list(lines), stopwords(lang))


#: :data:`_GLUE_HINT` once per sentence mark, each led by its literal: ``re`` then skips
#: ahead to the mark, where the one pattern tried its character class at every position
#: of the page (half the cost, measured); a hint holds one mark, at its start, so no two
#: hints overlap and the three scans find what the one did
if not _GLUE_HINT.pattern.startswith("[.!?]"):  # pragma: no cover - the hint was rewritten
    raise ValueError("_GLUE_HINT no longer opens with its sentence marks: update _GLUE_HINT_AT_MARK")
_GLUE_HINT_AT_MARK = tuple(re.compile(re.escape(mark) + _GLUE_HINT.pattern[len("[.!?]") :]) for mark in ".!?")


def _glue_hints(raw: str) -> list[int]:
    """Where :data:`_GLUE_HINT` matches in ``raw`` (in no particular order)."""
    return [m.start() for rx in _GLUE_HINT_AT_MARK for m in rx.finditer(raw)]

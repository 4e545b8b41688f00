"""Absolute and relative dates, resolved against the publication date when known.

Month-name, numeric and year dates in en/fr/de/es are parsed from tables here (exact and
fast); other languages go through ``dateparser.search.search_dates``.  Relative
expressions are resolved by arithmetic on the publication date and the rule used is
stored in ``resolved_from`` ("published 2024-02-26; last week = ISO week before");
without a publication date they keep ``value=None`` and say so, never a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from newsdesk.claims.numbers import WORDS
from newsdesk.claims.types import DateMention

MONTHS: dict[str, dict[str, int]] = {
    "en": {"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
           "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
           "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12},
    "fr": {"janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "août": 8,
           "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12},
    "de": {"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
           "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12},
    "es": {"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
           "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12},
}  # fmt: skip
WEEKDAYS: dict[str, list[str]] = {
    "en": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "de": ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
}
_UNIT = {
    "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
    "year": "year", "years": "year", "jour": "day", "jours": "day", "semaine": "week", "semaines": "week",
    "mois": "month", "an": "year", "ans": "year", "année": "year", "années": "year", "tag": "day", "tagen": "day",
    "woche": "week", "wochen": "week", "monat": "month", "monaten": "month", "jahr": "year", "jahren": "year",
    "día": "day", "días": "day", "semana": "week", "semanas": "week", "mes": "month", "meses": "month",
    "año": "year", "años": "year", "weekend": "week",
}  # fmt: skip

_REL: dict[str, list[tuple[str, str]]] = {
    # (regex, rule) — rule: "day:N", "this:unit", "last:unit", "next:unit", "ago", "after", "weekday"
    "en": [
        (r"today|tonight|this (?:morning|afternoon|evening)", "day:0"),
        (r"yesterday", "day:-1"),
        (r"tomorrow", "day:1"),
        (r"(?:earlier |later )?this (week|month|year)", "this"),
        (r"last (week|month|year)|the (week|month|year) before", "last"),
        (r"next (week|month|year)", "next"),
        (r"(\w+|\d+) (days?|weeks?|months?|years?) ago", "ago"),
        (r"after (\w+|\d+) (years?|months?|weeks?|days?)", "after"),
        (r"(?:last )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)", "weekday"),
    ],
    "fr": [
        (r"aujourd['’]hui|ce (?:matin|soir)", "day:0"),
        (r"hier", "day:-1"),
        (r"demain", "day:1"),
        (r"cette (semaine|année)|ce (mois)", "this"),
        (r"la (semaine) dernière|l['’](année) dernière|le (mois) dernier|l['’](an) dernier", "last"),
        (r"la (semaine) prochaine|l['’](année) prochaine|le (mois) prochain", "next"),
        (r"il y a (\w+|\d+) (jours?|semaines?|mois|ans?|années?)", "ago"),
        (r"après (\w+|\d+) (ans|années|mois)", "after"),
        (r"(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)", "weekday"),
    ],
    "de": [
        (r"heute", "day:0"),
        (r"gestern", "day:-1"),
        (r"morgen(?! früh)", "day:1"),
        (r"diese[ns]? (Woche|Monat|Jahr)", "this"),
        (r"(?:letzte|vergangene)[nrs]? (Woche|Monat|Jahr)", "last"),
        (r"nächste[nrs]? (Woche|Monat|Jahr)", "next"),
        (r"vor (\w+|\d+) (Tagen|Wochen|Monaten|Jahren)", "ago"),
        (r"nach (\w+|\d+) (Jahren|Monaten)", "after"),
        (r"(?:am )?(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)", "weekday"),
    ],
    "es": [
        (r"hoy", "day:0"),
        (r"ayer", "day:-1"),
        (r"mañana", "day:1"),
        (r"esta (semana)|este (mes|año)", "this"),
        (r"la (semana) pasada|el (mes|año) pasado", "last"),
        (r"la (semana) próxima|el (mes|año) próximo|el próximo (mes|año)", "next"),
        (r"hace (\w+|\d+) (días?|semanas?|meses|mes|años?)", "ago"),
        (r"después de (\w+|\d+) (años|meses)", "after"),
        (r"(lunes|martes|miércoles|jueves|viernes|sábado|domingo)", "weekday"),
    ],
}


@lru_cache(maxsize=8)
def _abs_regex(lang: str) -> re.Pattern[str]:
    months = MONTHS.get(lang, MONTHS["en"])
    mon = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|\.|º)?"
    day2 = r"(?P<d2>[0-3]?\d)(?:st|nd|rd|th|er|\.|º)?"
    year = r"(?P<y>1[5-9]\d\d|20\d\d)"
    year2 = r"(?P<y2>1[5-9]\d\d|20\d\d)"
    pats = [
        r"(?P<iso>(?P<iy>1[5-9]\d\d|20\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))",
        r"(?P<num>(?P<nd>[0-3]?\d)[./](?P<nm>[01]?\d)[./](?P<ny>1[5-9]\d\d|20\d\d))",
        rf"(?P<md>(?P<m>{mon})\.?\s+{day}(?:,?\s+{year})?)",
        rf"(?P<dm>{day2}\s+(?:de\s+)?(?P<m2>{mon})\.?(?:,?\s+(?:de\s+|del\s+)?{year2})?)",
        rf"(?P<my>(?P<m3>{mon})\.?(?:\s+(?:de\s+|del\s+)?|,\s+)(?P<y3>1[5-9]\d\d|20\d\d))",
        r"(?P<decade>(?:1[5-9]|20)\d0['’]?s)",
        r"(?P<yr>(?P<y4>1[5-9]\d\d|20\d\d)(?:/(?:1[5-9]\d\d|20\d\d|\d\d))?)",
    ]
    return re.compile(r"(?<![\w/.-])(?:" + "|".join(pats) + r")(?![\w/-]|[.,]\d)", re.I)


@lru_cache(maxsize=8)
def _rel_regex(lang: str) -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.I), rule) for p, rule in _REL.get(lang, [])]


def parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _count(word: str, lang: str) -> int | None:
    if word.isdigit():
        return int(word)
    w = word.lower()
    if w in ("a", "an", "one", "un", "une", "ein", "einem", "einer", "uno", "una", "un"):
        return 1
    return WORDS.get(lang, WORDS["en"]).get(w) or WORDS["en"].get(w)


def _shift(base: dt.date, unit: str, n: int) -> str:
    if unit == "day":
        return (base + dt.timedelta(days=n)).isoformat()
    if unit == "week":
        y, w, _ = (base + dt.timedelta(weeks=n)).isocalendar()
        return f"{y}-W{w:02d}"
    if unit == "month":
        idx = base.year * 12 + base.month - 1 + n
        return f"{idx // 12}-{idx % 12 + 1:02d}"
    return str(base.year + n)


def _resolve_relative(m: re.Match[str], rule: str, lang: str, base: dt.date | None) -> tuple[str | None, str]:
    groups = [g for g in m.groups() if g]
    if base is None:
        return None, "unresolved: publication date unknown"
    pub = f"published {base.isoformat()}"
    if rule.startswith("day:"):
        n = int(rule.split(":")[1])
        return _shift(base, "day", n), f"{pub}; day offset {n:+d}"
    if rule in ("this", "last", "next"):
        unit = _UNIT.get(groups[-1].lower(), "year") if groups else "year"
        n = {"this": 0, "last": -1, "next": 1}[rule]
        return _shift(base, unit, n), f"{pub}; {rule} {unit} = calendar {unit} {n:+d}"
    if rule in ("ago", "after"):
        cnt = _count(groups[0], lang) if groups else None
        unit = _UNIT.get(groups[1].lower(), "year") if len(groups) > 1 else "year"
        if cnt is None:
            return None, f"unresolved: count {groups[0]!r} not understood"
        n = cnt
        if rule == "ago":
            return _shift(base, unit, -n), f"{pub}; {n} {unit}(s) before publication"
        start = _shift(base, unit, -n)
        return _shift(
            base, unit, 0
        ), f"{pub}; a period of {n} {unit}(s) ending at publication (began {start})"
    if rule == "weekday":
        names = WEEKDAYS.get(lang, WEEKDAYS["en"])
        wd = names.index(groups[0].lower()) if groups and groups[0].lower() in names else None
        if wd is None:
            return None, "unresolved: weekday"
        back = (base.weekday() - wd) % 7
        return (
            base - dt.timedelta(days=back)
        ).isoformat(), f"{pub}; most recent {names[wd]} on or before publication"
    return None, "unresolved"


def find_dates(text: str, offset: int, lang: str, published: str | None) -> list[DateMention]:
    """Dates in one segment (``offset`` shifts spans into ``Article.raw``)."""
    base = parse_published(published)
    months = MONTHS.get(lang, MONTHS["en"])
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for m in _abs_regex(lang if lang in MONTHS else "en").finditer(text):
        value: str | None
        rule = None
        g = m.groupdict()
        if g["iso"]:
            value = f"{g['iy']}-{g['im']}-{g['id']}"
        elif g["num"]:
            d, mo = int(g["nd"]), int(g["nm"])
            if lang == "en" and mo > 12:
                d, mo = mo, d  # US order (month/day/year)
            elif lang == "en" and d <= 12:
                d, mo = mo, d
            if not (1 <= mo <= 12 and 1 <= d <= 31):
                continue
            value = f"{g['ny']}-{mo:02d}-{d:02d}"
        elif g["md"] or g["dm"]:
            mname = (g["m"] or g["m2"]).lower().rstrip(".")
            mo = months.get(mname, 0)
            d = int(g["d"] or g["d2"])
            y = g["y"] or g["y2"]
            if not mo or not 1 <= d <= 31:
                continue
            if mname == "may" and g["md"] and not y and text[m.start() : m.start() + 1] == "m":
                continue  # the modal verb "may"
            if y:
                value = f"{y}-{mo:02d}-{d:02d}"
            elif base is not None:
                value = f"{base.year}-{mo:02d}-{d:02d}"
                rule = f"published {base.isoformat()}; year taken from publication"
            else:
                value = f"XXXX-{mo:02d}-{d:02d}"
                rule = "year not given and publication date unknown"
        elif g["my"]:
            mo = months.get(g["m3"].lower().rstrip("."), 0)
            if not mo:
                continue
            value = f"{g['y3']}-{mo:02d}"
        elif g["decade"]:
            value = g["decade"][:4] + "s"
        else:
            value = g["y4"]
        out.append(DateMention(value, m.group(0), offset + m.start(), offset + m.end(), False, rule))
        taken.append((m.start(), m.end()))
    for rx, rule in _rel_regex(lang):
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            value, how = _resolve_relative(m, rule, lang, base)
            out.append(DateMention(value, m.group(0), offset + m.start(), offset + m.end(), True, how))
            taken.append((m.start(), m.end()))
    if lang not in MONTHS and any(ch.isalpha() for ch in text):
        out.extend(_dateparser_dates(text, offset, lang, base, taken))
    out.sort(key=lambda d: d.start)
    return out


def _dateparser_dates(
    text: str, offset: int, lang: str, base: dt.date | None, taken: list[tuple[int, int]]
) -> list[DateMention]:
    """Languages without tables here: dateparser's search, spans located in order."""
    try:
        from dateparser.search import search_dates

        settings = {"RELATIVE_BASE": dt.datetime.combine(base, dt.time())} if base else {}
        found = search_dates(text, languages=[lang], settings=settings) or []
    except Exception:  # noqa: BLE001 - unknown language codes and parser bugs: no dates, not a crash
        return []
    out: list[DateMention] = []
    pos = 0
    for phrase, when in found:
        i = text.find(phrase, pos)
        if i < 0 or len(phrase.strip()) < 3 or not any(ch.isdigit() or ch.isalpha() for ch in phrase):
            continue
        pos = i + len(phrase)
        if any(a < pos and i < b for a, b in taken):
            continue
        has_digit_year = bool(re.search(r"\d{4}", phrase))
        rule = "dateparser" + (
            ""
            if has_digit_year
            else f"; relative to {'publication ' + base.isoformat() if base else 'run date (publication unknown)'}"
        )
        value = when.date().isoformat() if (has_digit_year or base) else None
        out.append(DateMention(value, phrase, offset + i, offset + pos, not has_digit_year, rule))
    return out

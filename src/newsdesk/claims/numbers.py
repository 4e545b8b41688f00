"""Numbers as news writes them: digits with local separators, number words, scales,
percentages, currencies, ranges and approximations, in en/fr/de/es.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
WORDS: dict[str, dict[str, int]] = {
    "en": _EN_UNITS | {"dozen": 12},
    "fr": {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
           "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20,
           "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "mille": 1000,
           "douzaine": 12},
    "de": {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
           "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50,
           "hundert": 100, "tausend": 1000, "dutzend": 12},
    "es": {"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
           "diez": 10, "once": 11, "doce": 12, "quince": 15, "veinte": 20, "treinta": 30, "cuarenta": 40,
           "cincuenta": 50, "cien": 100, "ciento": 100, "mil": 1000, "docena": 12},
}  # fmt: skip
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "millions": 1_000_000, "billion": 1_000_000_000,
    "billions": 1_000_000_000, "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "mn": 1_000_000,
    "m": 1_000_000, "k": 1_000, "mio": 1_000_000, "mio.": 1_000_000, "mrd": 1_000_000_000,
    "mrd.": 1_000_000_000, "millionen": 1_000_000, "milliarden": 1_000_000_000, "million(s)": 1_000_000,
    "milliard": 1_000_000_000, "milliards": 1_000_000_000, "millón": 1_000_000, "millones": 1_000_000,
    "mil millones": 1_000_000_000, "millier": 1_000, "milliers": 1_000, "tausend": 1_000, "mil": 1_000,
    "milliarde": 1_000_000_000,
}  # fmt: skip
APPROX = {
    "en": "more than|over|about|around|nearly|almost|at least|up to|some|roughly|approximately|less than|"
    "fewer than|upwards of|as many as|at most|close to|an estimated|just over|just under|under",
    "fr": "plus de|environ|près de|moins de|quelque|quelques|au moins|jusqu'à|presque|autour de",
    "de": "mehr als|etwa|rund|fast|knapp|über|weniger als|mindestens|bis zu|ungefähr|circa|ca\\.",
    "es": "más de|unos|unas|alrededor de|cerca de|casi|menos de|al menos|hasta|aproximadamente",
}
PERCENT = r"\s?%|\s?(?:percent|per cent|Prozent|pour cent|por ciento)\b"
CURRENCY = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen", "US$": "dollars"}

_DIGITS = r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"


def _word_alt(lang: str) -> str:
    words = sorted(WORDS.get(lang, WORDS["en"]), key=len, reverse=True)
    return "|".join(re.escape(w) for w in words)


def _scale_alt() -> str:
    return "|".join(re.escape(s) for s in sorted(SCALES, key=len, reverse=True))


_RX: dict[str, re.Pattern[str]] = {}


def figure_regex(lang: str) -> re.Pattern[str]:
    """One regex per language for a (possibly ranged, approximate) number expression."""
    if lang in _RX:
        return _RX[lang]
    words = _word_alt(lang)
    num = rf"(?:{_DIGITS})|(?:an?\s(?:hundred|thousand|million|billion|dozen)\b)|(?:(?:{words})(?:[- ](?:and[- ])?(?:{words}))*)"
    scale = rf"(?:\s?(?:{_scale_alt()})\b(?:(?<=mio|Mio|mrd|Mrd)\.)?)?"
    single = rf"(?:(?:US\$|[$€£¥])\s?)?(?:{num}){scale}(?:{PERCENT})?"
    rng = rf"{single}(?:\s?(?:-|–|to|à|bis)\s?{single})?"
    approx = APPROX.get(lang, APPROX["en"])
    pat = rf"(?<![\w/.,:-])(?:(?P<approx>{approx})\s+)?(?:(?:between|from|entre|zwischen|de)\s+)?(?P<num>{rng})(?![\w/]|:\d|[.,]\d)"
    rx = re.compile(pat, re.I)
    _RX[lang] = rx
    return rx


@dataclass(slots=True)
class NumberMatch:
    start: int  # of the number (approximation words excluded)
    end: int
    text: str
    value: float | int | list[float] | None
    qualifier: str | None
    is_percent: bool
    currency: str | None
    plain_year: bool


def parse_number(text: str, lang: str) -> float | int | None:
    """Value of one number expression without range ("1,234.5", "63", "sixty-three", "2 million")."""
    t = text.strip()
    cur = None
    for sym in ("US$", "$", "€", "£", "¥"):
        if t.startswith(sym):
            cur = sym
            t = t[len(sym) :].strip()
            break
    del cur
    t = re.sub(PERCENT + "$", "", t, flags=re.I).strip()
    t = re.sub(r"^an?\s+", "1 ", t, flags=re.I)
    mult = 1
    m = re.search(rf"\s?({_scale_alt()})\.?$", t, re.I)
    if m and not re.fullmatch(r"[\d.,\s\u00a0\u202f]*", m.group(1)):
        word = m.group(1).lower().rstrip(".")
        word = word if word in SCALES else word + "."
        if word in SCALES and m.start() > 0:
            mult = SCALES[word]
            t = t[: m.start()].strip()
    if re.fullmatch(_DIGITS, t):
        return _digits_value(t, lang, mult)
    words = WORDS.get(lang, WORDS["en"])
    total, cur_v = 0, 0
    for w in re.split(r"[- ]+", t.lower()):
        if w in ("and", "a"):
            continue
        if w in words:
            cur_v += words[w]
        elif w in SCALES:
            cur_v = max(cur_v, 1) * SCALES[w]
            if SCALES[w] >= 1000:
                total += cur_v
                cur_v = 0
        else:
            return None
    v = (total + cur_v) * mult
    return v


def _digits_value(t: str, lang: str, mult: int) -> float | int | None:
    s = t.replace("\u00a0", " ").replace("\u202f", " ")
    dec_comma = lang in ("de", "fr", "es", "it", "pt", "nl", "pl", "tr", "ru", "sv", "da", "no", "cs", "az")
    if dec_comma:
        if re.fullmatch(r"\d{1,3}(?:[. ]\d{3})+(?:,\d+)?", s):
            s = s.replace(".", "").replace(" ", "").replace(",", ".")
        else:
            s = s.replace(" ", "").replace(",", ".")
    else:
        if re.fullmatch(r"\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?", s):
            s = s.replace(",", "").replace(" ", "")
        elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s) and s.count(".") > 1:
            s = s.replace(".", "")
        else:
            s = s.replace(",", ".").replace(" ", "")
    try:
        f = float(s) * mult
    except ValueError:
        return None
    if abs(f - round(f)) <= 1e-9 * max(1.0, abs(f)):
        return int(round(f))  # 65.4 * 1e9 is 65400000000.00001 in binary floating point
    return round(f, 6)


_RANGE_SPLIT = re.compile(r"\s?(?:-|–|\bto\b|\bà\b|\bbis\b)\s?", re.I)


def find_numbers(text: str, lang: str) -> list[NumberMatch]:
    """Every number expression in ``text``."""
    out: list[NumberMatch] = []
    for m in figure_regex(lang).finditer(text):
        raw = m.group("num")
        if not raw.strip():
            continue
        s, e = m.start("num"), m.end("num")
        parts = [p for p in _RANGE_SPLIT.split(raw) if p.strip()]
        # a range is two numbers; "six and a half" style word runs stay one number
        value: float | int | list[float] | None
        if len(parts) == 2 and all(re.search(r"\d", p) for p in parts):
            a, b = parse_number(parts[0], lang), parse_number(parts[1], lang)
            if a is None or b is None:
                continue
            sb = re.search(rf"\s?({_scale_alt()})\.?$", parts[1], re.I)
            if sb and not re.search(rf"\s?({_scale_alt()})\.?$", parts[0], re.I):
                a = a * SCALES.get(sb.group(1).lower().rstrip("."), 1)  # "2 to 3 million"
            if a > b:
                if "-" in raw or "–" in raw:
                    continue  # 2015-16 style spans and scores are not ranges of one quantity
                # "49 percent to 47 percent": two figures compared, not a range
                e1 = s + len(parts[0].rstrip())
                s2 = s + raw.rindex(parts[1])
                for ps, pe, pv in ((s, e1, a), (s2, e, b)):
                    ptxt = text[ps:pe]
                    pcur = next(
                        (CURRENCY[c] for c in ("US$", "$", "€", "£", "¥") if ptxt.startswith(c)), None
                    )
                    q = m.group("approx") if ps == s else None
                    out.append(
                        NumberMatch(
                            ps,
                            pe,
                            ptxt,
                            pv,
                            q.lower() if q else None,
                            bool(re.search(PERCENT, ptxt, re.I)),
                            pcur,
                            False,
                        )
                    )
                continue
            value = [float(a), float(b)]
        else:
            value = parse_number(raw, lang)
            if value is None:
                continue
        low = raw.lower()
        cur = next((CURRENCY[c] for c in ("US$", "$", "€", "£", "¥") if raw.startswith(c)), None)
        is_pct = bool(re.search(PERCENT, raw, re.I))
        plain_year = bool(re.fullmatch(r"1[5-9]\d\d|20\d\d", raw)) and cur is None
        if low in ("one", "a", "some"):
            continue
        q = m.group("approx")
        out.append(NumberMatch(s, e, text[s:e], value, q.lower() if q else None, is_pct, cur, plain_year))
    return out

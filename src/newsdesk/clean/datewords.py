"""Month, weekday and date-label words of the languages the cleaner reads dates in.

Shared by the date reader (:mod:`newsdesk.clean.core`) and the author splitter
(:mod:`newsdesk.clean.authors`), which must tell "Paddy · April 19, 2019" apart from a name.
"""

from __future__ import annotations

import datetime
import unicodedata

MONTHS = {
    name: i + 1
    for names in (
        "january february march april may june july august september october november december",
        "jan feb mar apr may jun jul aug sept oct nov dec",
        "januar februar märz april mai juni juli august september oktober november dezember",
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    )
    for i, name in enumerate(names.split())
}
MONTHS["sept"] = 9


#: month names and abbreviations of more languages (it, pt, nl, sv, da/no, fi with its
#: partitive "-ta" forms), read only when the spellings above found nothing
MORE_MONTHS = (
    {
        name: i + 1
        for names in (
            "jan feb mär apr mai jun jul aug sep okt nov dez",
            "janv févr mars avr mai juin juil août sept oct nov déc",
            "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
            "ene feb mar abr may jun jul ago sep oct nov dic",
            "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
            "gen feb mar apr mag giu lug ago set ott nov dic",
            "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
            "januari februari maart april mei juni juli augustus september oktober november december",
            "januari februari mars april maj juni juli augusti september oktober november december",
            "januar februar marts april maj juni juli august september oktober november desember",
            "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta "
            "syyskuuta lokakuuta marraskuuta joulukuuta",
            "tammikuu helmikuu maaliskuu huhtikuu toukokuu kesäkuu heinäkuu elokuu syyskuu lokakuu "
            "marraskuu joulukuu",
            "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada "
            "grudnia",
            "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad "
            "grudzień",
            "sty lut mar kwi maj cze lip sie wrz paź lis gru",
            "jan fev mar abr mai jun jul ago set out nov dez",
            "jan feb mrt apr mei jun jul aug sep okt nov dec",
            "jänner feber märz april mai juni juli august september oktober november dezember",
            # Russian and Ukrainian (the genitive a date prints), Turkish (also as upper case
            # folds its dotless "ı"), Indonesian, Arabic (Egyptian and Gulf, then Maghreb
            # spellings) and Persian (the Gregorian months): read here, not by dateparser's
            # ~7 ms a call (session 26)
            "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
            "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
            "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
            "ocak subat mart nisan mayis haziran temmuz agustos eylul ekim kasim aralik",
            "januari februari maret april mei juni juli agustus september oktober november desember",
            "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
            "جانفي فيفري مارس أفريل ماي جوان جويلية أوت سبتمبر أكتوبر نوفمبر ديسمبر",
            "ژانویه فوریه مارس آوریل مه ژوئن ژوئیه اوت سپتامبر اکتبر نوامبر دسامبر",
            # Hindi (both spellings of the nasal), Bengali, Urdu, Greek (genitive as a date
            # prints it, then nominative; folded, and without the accents capitals drop),
            # Hebrew (alone and with the "in" a date glues to it: "5 בדצמבר 2024"); session 27
            "जनवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर",
            "जनवरी फरवरी मार्च अप्रैल मई जून जुलाई अगस्त सितम्बर अक्तूबर नवम्बर दिसम्बर",
            "জানুয়ারি ফেব্রুয়ারি মার্চ এপ্রিল মে জুন জুলাই আগস্ট সেপ্টেম্বর অক্টোবর নভেম্বর ডিসেম্বর",
            "جنوری فروری مارچ اپریل مئی جون جولائی اگست ستمبر اکتوبر نومبر دسمبر",
            "ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου "
            "οκτωβρίου νοεμβρίου δεκεμβρίου",
            "ιανουάριοσ φεβρουάριοσ μάρτιοσ απρίλιοσ μάιοσ ιούνιοσ ιούλιοσ αύγουστοσ σεπτέμβριοσ "
            "οκτώβριοσ νοέμβριοσ δεκέμβριοσ",
            "ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר",
            "בינואר בפברואר במרץ באפריל במאי ביוני ביולי באוגוסט בספטמבר באוקטובר בנובמבר בדצמבר",
        )
        for i, name in enumerate(names.split())
    }
    | {"mrz": 3, "fév": 2}
    | MONTHS
)
# the month words as any page may write them: composed (NFC: a Devanagari or Bengali letter
# with its nukta is one character on some pages, two on others) and, for Greek, without
# accents ("ΔΕΚΕΜΒΡΙΟΥ" folds to "δεκεμβριου")
MORE_MONTHS |= {unicodedata.normalize("NFC", k): v for k, v in MORE_MONTHS.items()}
MORE_MONTHS |= {
    "".join(c for c in unicodedata.normalize("NFD", k) if not unicodedata.combining(c)): v
    for k, v in MORE_MONTHS.items()
    if "\u0370" <= k[0] <= "\u03ff"
}
#: the words of a date line that name nobody: month and weekday names, and the words a
#: date stands with ("Stand: 07.11.2023, 07:30 Uhr", "Veröffentlicht am Dezember 29, 2021")
DATE_LINE_WORDS = frozenset(MORE_MONTHS) | {
    word
    for words in (
        "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun",
        "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag mo di mi do fr sa so",
        "lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes sábado",
        "domingo lunedì martedì mercoledì giovedì venerdì sabato domenica maandag dinsdag woensdag",
        "donderdag vrijdag zaterdag zondag måndag tisdag onsdag torsdag fredag lördag söndag",
        "uhr stand am um on at le el de published updated posted last veröffentlicht aktualisiert",
        "erstellt publié mis à jour publicado actualizado comments kommentare",
    )
    for word in words.split()
}


#: the months of the Solar Hijri calendar, which Iranian and Afghan pages date themselves
#: in ("۱۵ آذر ۱۴۰۳"): Iran's names ("امرداد" beside "مرداد"), Afghanistan's Dari names
#: (the zodiac's) and their Pashto ones; Persian letters (a page may print Arabic yeh and kaf
#: instead, see :func:`persian_letters`)
JALALI_MONTHS = {
    name: i + 1
    for names in (
        "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند",
        "فروردین اردیبهشت خرداد تیر امرداد شهریور مهر آبان آذر دی بهمن اسفند",
        "حمل ثور جوزا سرطان اسد سنبله میزان عقرب قوس جدی دلو حوت",
        "وری غویی غبرگولی چنگاښ زمری وږی تله لړم لیندۍ مرغومی سلواغه کب",
    )
    for i, name in enumerate(names.split())
}

_ARABIC_TO_PERSIAN = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})


def persian_letters(word: str) -> str:
    """``word`` with the Arabic yeh and kaf that some Persian pages print as Persian ones."""
    return word.translate(_ARABIC_TO_PERSIAN)


#: the Julian-calendar years (Solar Hijri) at which the 33-year cycles of leap years break,
#: from the jalaali-js algorithm (Borkowski's), exact for years -61 .. 3177
_JALALI_BREAKS = (
    -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262,
    2324, 2394, 2456, 3178,
)  # fmt: skip


def _nowruz(year: int) -> datetime.date:
    """The Gregorian day of the Solar Hijri year's first day (March 20 or 21), from the count
    of leap years since the epoch."""
    leap_j, before, jump = -14, _JALALI_BREAKS[0], 0
    for brk in _JALALI_BREAKS[1:]:
        jump = brk - before
        if year < brk:
            break
        leap_j += jump // 33 * 8 + jump % 33 // 4
        before = brk
    n = year - before
    leap_j += n // 33 * 8 + (n % 33 + 3) // 4
    if jump % 33 == 4 and jump - n == 4:
        leap_j += 1
    gy = year + 621
    leap_g = gy // 4 - (gy // 100 + 1) * 3 // 4 - 150
    return datetime.date(gy, 3, 20 + leap_j - leap_g)


def jalali_to_gregorian(year: int, month: int, day: int) -> tuple[int, int, int] | None:
    """The Gregorian (year, month, day) of a Solar Hijri date, None if there is no such day:
    the first six months have 31 days, the next five 30, the last 29, or 30 in a leap year."""
    if not (_JALALI_BREAKS[0] <= year < _JALALI_BREAKS[-1] - 1) or not 1 <= month <= 12 or day < 1:
        return None
    if day > (31 if month <= 6 else 30):
        return None
    nowruz = _nowruz(year)
    if month == 12 and day == 30 and (_nowruz(year + 1) - nowruz).days != 366:
        return None
    d = nowruz + datetime.timedelta(days=(month - 1) * 31 - (month // 7) * (month - 7) + day - 1)
    return d.year, d.month, d.day

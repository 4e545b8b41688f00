"""Bytes to text without blind guessing.

Order of evidence (strongest first): a byte-order mark, the charset the container
declared (HTTP header, ``<meta charset>``, XML prolog; labels mapped as browsers do), strict
UTF-8, then detection.  Detection starts from charset-normalizer but does not take its
first answer blindly: between Latin code pages it picks the decoding whose accented letters
fit one language's alphabet, and DOS-looking answers fall back to web code pages.  When no
answer is confident :class:`DecodeError` is raised, so the run reports the file instead of
storing mojibake.  Measured on real pages: tests/fixtures/readers/eval_decode.py.

Two repairs are deliberate (see docs/decisions.md, "Readers: encoding strategy"):

* A declared single-byte charset (latin-1, cp1252, ...) loses to UTF-8 when the bytes are
  valid UTF-8 and contain multibyte sequences: mislabelled UTF-8 pages are far more common
  than legacy text that happens to be valid UTF-8.
* Mostly-UTF-8 content with a few stray cp1252 bytes (a pasted quote, a concatenated
  legacy snippet) decodes as UTF-8 with only the invalid bytes read as cp1252; the lines
  affected are reported in :attr:`Decoded.repaired_lines`.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

__all__ = [
    "DecodeError",
    "Decoded",
    "binary_reason",
    "decode_bytes",
    "decode_detailed",
    "normalize_charset",
    "sniff_html_charset",
]


class DecodeError(ValueError):
    """Content that is binary or fits no encoding; ``reason`` is one short line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(slots=True)
class Decoded:
    """A decoding result with the evidence that decided it (kept for provenance)."""

    text: str
    encoding: str  # Python codec name actually used
    source: str  # bom | declared | utf-8 | utf-8+cp1252-repair | detected
    repaired_lines: list[int] = field(default_factory=list)  # 1-based
    repaired_bytes: int = 0


# Known binary signatures: checked before any text heuristic so the reason names the format.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x7fELF", "ELF executable"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip data"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"\x00asm", "WebAssembly module"),
    (b"\xca\xfe\xba\xbe", "Mach-O/Java class"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Bytes that do not occur in text in any ASCII-compatible encoding (tab, LF, FF, CR and ESC
#: excluded).  A sample with more than this share of them is binary.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
CONTROL_RATIO_LIMIT = 0.05
#: Real pages sometimes carry a stray NUL (one in lostiempos.com's page in the
#: trafilatura corpus); binary formats are full of them.
NUL_RATIO_LIMIT = 0.001
SAMPLE_BYTES = 64 * 1024

#: Well-formed UTF-8 multibyte sequences (RFC 3629), to tell "mostly UTF-8" from legacy text.
_UTF8_MULTI = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)

_CP1252_UNDEFINED = frozenset((0x81, 0x8D, 0x8F, 0x90, 0x9D))
#: Labels that browsers (WHATWG Encoding Standard) read as windows-1252.
_WINDOWS_1252_ALIASES = {"latin_1", "ascii", "iso8859_1", "cp1252"}
#: Other labels browsers read as a superset encoding (WHATWG Encoding Standard); decoding
#: with the narrower Python codec mis-maps or rejects characters real pages contain.
_WHATWG_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "iso8859_9": "cp1254",
    "tis_620": "cp874",
    "iso8859_11": "cp874",
    "big5": "big5hkscs",
}
#: Charset-normalizer ties are broken toward the encodings most common on the web.
_TIE_PREFERENCE = (
    "utf_8",
    "cp1252",
    "iso8859_15",
    "cp1250",
    "iso8859_2",
    "cp1257",
    "cp1254",
    "cp1251",
    "cp932",
    "shift_jis",
    "gb18030",
    "cp949",
    "euc_kr",
)
#: Latin code pages always considered besides charset-normalizer's answers.
_WEB_LATIN = ("cp1252", "cp1250", "iso8859_2", "cp1257", "cp1254")
_C1 = re.compile("[\x80-\x9f]")
#: Characters no web page in a legacy charset shows in bulk: C1 controls and box drawing.
_DOS_ART = re.compile("[\x80-\x9f\u2500-\u259f]")
#: Non-Latin web code pages tried when charset-normalizer's answer looks like a DOS page.
_WEB_NON_LATIN = ("cp1251", "koi8_r", "cp1253", "cp1255", "cp1256", "cp874")


def _script_purity(text: str) -> float:
    """Share of non-ASCII letters in the most common script (first word of the name)."""
    scripts: dict[str, int] = {}
    for ch in text:
        if ord(ch) > 127 and ch.isalpha():
            script = unicodedata.name(ch, "?").split(" ", 1)[0]
            scripts[script] = scripts.get(script, 0) + 1
    total = sum(scripts.values())
    return max(scripts.values()) / total if total else 0.0


#: Highest charset-normalizer "chaos" (mess ratio) accepted as a confident answer.
MAX_CHAOS = 0.1
#: How much more "mess" than the best guess another Latin code page may show and compete.
LATIN_MARGIN = 0.1
#: A short text charset-normalizer cannot place in a language is still accepted when this
#: share of its accented letters belongs to one alphabet.
MIN_ALPHABET_COVERAGE = 0.9

#: Accented letters of the Latin-script languages news is written in.  A correct decoding
#: draws its accented letters from one alphabet (two, for mixed pages); a wrong code page mixes them
#: (Czech read as cp1252 shows ø, ù, ì beside š and ž).
_ALPHABETS = tuple(
    frozenset(a)
    for a in (
        "àâæçéèêëîïôœùûüÿ",  # French
        "äöüßé",  # German (with the é of Café, Varieté)
        "áéíñóúü¿¡ªº",  # Spanish
        "àáâãçéêíóôõúªº",  # Portuguese
        "àèéìíîòóù",  # Italian
        "áéèëïóöü",  # Dutch
        "àçèéíïòóú",  # Catalan
        "åäöé",  # Swedish
        "æøåé",  # Danish, Norwegian
        "äöåšž",  # Finnish
        "áðéíóúýþæö",  # Icelandic
        "ąćęłńóśźż",  # Polish
        "áčďéěíňóřšťúůýž",  # Czech
        "áäčďéíĺľňóôŕšťúýž",  # Slovak
        "áéíóöőúüű",  # Hungarian
        "ăâîșțşţ",  # Romanian
        "čćđšž",  # Croatian, Slovene, Bosnian, Serbian Latin
        "ąčęėįšųūž",  # Lithuanian
        "āčēģīķļņšūž",  # Latvian
        "äõöüšž",  # Estonian
        "çğıöşü",  # Turkish
        "çë",  # Albanian
    )
)


#: Non-ASCII characters any Latin-script text may contain whatever its language.
_TYPOGRAPHY = frozenset("\xa0\xad“”‘’„‚–—…•€£§©®°·«»‹›™")
#: Rarer symbols that a wrong code page produces from letters (Polish "ą" in cp1252 is "¹",
#: German "ü" in cp850 is "³"); they count half against a decoding.
_SYMBOLS = frozenset("¹²³¼½¾´¨¸±×÷¦¤µ¶¯")


def _alphabet_coverage(text: str) -> float:
    """Share of accented-character occurrences covered by the best-fitting pair of alphabets.

    Every non-ASCII character except common typography counts, letters or not: a wrong
    code page turns letters into symbols (German "ü" read as cp850 is "³"), and those
    must count against it.
    """
    counts: dict[str, int] = {}
    symbols = 0
    for ch in text:
        if ord(ch) > 127 and ch not in _TYPOGRAPHY:
            if ch in _SYMBOLS:
                symbols += 1
            else:
                low = ch.lower()
                counts[low] = counts.get(low, 0) + 1
    total = sum(counts.values()) + 0.5 * symbols
    if total == 0:
        return 1.0
    # Pages mix languages (a Spanish name in an English story), so a second alphabet may
    # cover what the main one does not, at half weight: a wrong code page that needs two
    # alphabets (Spanish "ñ" read as Polish "ń") loses to a right one that needs one.
    per = [sum(n for c, n in counts.items() if c in alphabet) for alphabet in _ALPHABETS]
    covered = max(
        per[i]
        + 0.5 * (sum(n for c, n in counts.items() if c in _ALPHABETS[i] or c in _ALPHABETS[j]) - per[i])
        for i in range(len(_ALPHABETS))
        for j in range(len(_ALPHABETS))
    )
    return covered / total


def _is_latin(text: str) -> bool:
    """Whether every non-ASCII letter is Latin script (so code pages differ only in accents)."""
    for ch in set(text):
        if (
            ord(ch) > 127
            and ch.isalpha()
            and ch not in "ªºµ"
            and not unicodedata.name(ch, "").startswith("LATIN")
        ):
            return False
    return True


def normalize_charset(label: str | None) -> str | None:
    """Python codec name for a declared charset label, or None if Python does not know it."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    name = name.replace("-", "_")
    if name in _WINDOWS_1252_ALIASES:
        return "cp1252"
    return _WHATWG_SUPERSETS.get(name, name)


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` looks binary (a one-line reason), or None if it may be text.

    Only the first :data:`SAMPLE_BYTES` are inspected so huge inputs stay cheap.  Callers
    must check for a BOM first: UTF-16/32 text is full of NUL bytes.
    """
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return f"binary content ({name})"
    sample = data[:SAMPLE_BYTES]
    if not sample:
        return None
    nuls = sample.count(0)
    if nuls:
        if _utf16_without_bom(sample):
            return None
        if nuls > NUL_RATIO_LIMIT * len(sample):
            return "binary content (nul bytes)"
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))  # C speed, no regex
    ratio = (controls - nuls) / len(sample)
    if ratio > CONTROL_RATIO_LIMIT:
        return f"binary content ({ratio:.0%} control bytes)"
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text without a BOM has a NUL in nearly every other byte (for Latin scripts)."""
    if len(sample) < 16:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf_16_le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf_16_be"
    return None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _is_single_byte(codec: str) -> bool:
    try:
        info = codecs.lookup(codec)
    except LookupError:
        return False
    # A single-byte codec maps every byte on its own: decoding 0x80..0xff gives <= 128 chars.
    probe = bytes(range(0x80, 0x100))
    try:
        return len(info.decode(probe, "replace")[0]) == 128 and codec not in ("utf_8", "utf_8_sig")
    except Exception:
        return False


def _repair_utf8(data: bytes) -> Decoded | None:
    """Decode mostly-UTF-8 bytes, reading only the invalid bytes as cp1252.

    Returns None when the content is not "mostly UTF-8" (fewer well-formed multibyte
    sequences than invalid bytes): that is a legacy-encoded file, not a mixed one.
    """
    valid = len(_UTF8_MULTI.findall(data))
    if valid == 0:
        return None
    view = memoryview(data)
    pieces: list[str] = []
    bad_offsets: list[int] = []
    pos = 0
    while pos < len(data):
        try:
            pieces.append(codecs.utf_8_decode(view[pos:], "strict", True)[0])
            break
        except UnicodeDecodeError as exc:
            start, end = pos + exc.start, pos + exc.end
            pieces.append(codecs.utf_8_decode(view[pos:start], "strict", True)[0])
            for i in range(start, end):
                if data[i] in _CP1252_UNDEFINED:
                    return None  # not even cp1252: this is no stray Windows byte
                bad_offsets.append(i)
                pieces.append(data[i : i + 1].decode("cp1252"))
            pos = end
        if len(bad_offsets) > valid:
            return None
    text = "".join(pieces)
    lines = sorted({data.count(b"\n", 0, off) + 1 for off in bad_offsets})
    return Decoded(text, "utf_8", "utf-8+cp1252-repair", lines, len(bad_offsets))


def _latin_key(text: str, codec: str) -> tuple[bool, float, int]:
    """Sort key (smaller is better) for one Latin-script decoding of the same bytes."""
    rank = _TIE_PREFERENCE.index(codec) if codec in _TIE_PREFERENCE else len(_TIE_PREFERENCE)
    has_c1 = _C1.search(text) is not None  # C1 controls never appear in real web text
    return has_c1, -_alphabet_coverage(text), rank


def _detect(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes  # imported lazily: costly, rarely needed

    matches = list(from_bytes(data))
    if not matches:
        raise DecodeError("undecodable: no encoding fits the bytes")
    best = min(matches, key=lambda m: (m.chaos, -m.coherence))
    if best.chaos > MAX_CHAOS:
        raise DecodeError(
            f"undecodable: best guess {best.encoding} is not confident (chaos {best.chaos:.2f})"
        )
    text = str(best)
    tied_best = [m for m in matches if m.chaos <= best.chaos + 1e-6]
    if not any(_is_latin(text if m is best else str(m)) for m in tied_best):
        tied = [m for m in matches if m.chaos <= best.chaos + 1e-6 and m.coherence >= best.coherence - 1e-6]
        names = {m.encoding: m for m in tied}
        chosen = next((names[p] for p in _TIE_PREFERENCE if p in names), best)
        if best.language == "Unknown" and best.coherence <= 0.0 and chosen is best:
            raise DecodeError(
                f"undecodable: invalid utf-8 and no confident encoding (best guess {best.encoding})"
            )
        chosen_text = str(chosen)
        if _DOS_ART.search(chosen_text):
            # Box drawing or C1 controls in the answer: charset-normalizer picked a DOS code
            # page (it sometimes misses cp1251 entirely).  Take the first web code page that
            # decodes to a single clean script instead, if any.
            for codec in _WEB_NON_LATIN:
                alt = _strict(data, codec)
                if alt is not None and not _DOS_ART.search(alt) and _script_purity(alt) >= 0.95:
                    return Decoded(alt, codec, "detected")
        return Decoded(chosen_text, chosen.encoding, "detected")
    # Latin code pages differ only in their accented letters, which charset-normalizer tells
    # apart poorly (French latin-1 comes out as Baltic cp1257, German cp1252 as DOS cp850).
    # Candidates: its near-best answers plus the common web code pages; the winner is the
    # decoding without C1 controls whose accented letters best fit one language's alphabet,
    # ties going to the web's most common charsets.
    candidates: dict[str, str] = {}
    for m in matches:
        if m.chaos <= best.chaos + LATIN_MARGIN:
            candidates.setdefault(m.encoding, str(m))
    for codec in _WEB_LATIN:
        if codec not in candidates:
            decoded = _strict(data, codec)
            if decoded is not None:
                candidates[codec] = decoded
    latin = {c: t for c, t in candidates.items() if _is_latin(t)}
    codec = min(latin, key=lambda c: _latin_key(latin[c], c))
    has_c1, neg_coverage, _ = _latin_key(latin[codec], codec)
    if has_c1 or -neg_coverage < MIN_ALPHABET_COVERAGE and best.language == "Unknown":
        # Accented letters that fit no alphabet and no language: byte soup some code page
        # happens to map without "mess".  Accepting it would be a blind guess.
        raise DecodeError(
            f"undecodable: invalid utf-8 and no confident encoding (best guess {best.encoding})"
        )
    return Decoded(latin[codec], codec, "detected")


def decode_detailed(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data`` and say how; raise :class:`DecodeError` for binary/undecodable bytes."""
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(bom_codec), bom_codec.replace("-", "_"), "bom")
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {bom_codec} after byte-order mark at byte {exc.start}") from None
    if not data:
        return Decoded("", "utf_8", "utf-8")
    reason = binary_reason(data)
    if reason is not None:
        raise DecodeError(reason)
    wide = _utf16_without_bom(data[:SAMPLE_BYTES]) if b"\x00" in data[:SAMPLE_BYTES] else None
    if wide is not None:
        wide_text = _strict(data, wide)
        if wide_text is None:
            raise DecodeError(f"invalid {wide.replace('_', '-')} text without byte-order mark")
        return Decoded(wide_text, wide, "detected")

    codec: str | None = normalize_charset(declared)
    if codec is not None and codec.startswith(("utf_16", "utf_32")):
        codec = None  # a UTF-16 label on ASCII-compatible bytes is wrong by construction
    utf8 = _strict(data, "utf-8")
    if codec is not None:
        if utf8 is not None and _is_single_byte(codec) and _UTF8_MULTI.search(data):
            return Decoded(utf8, "utf_8", "utf-8")  # mislabelled UTF-8
        text: str | None = _strict(data, codec)
        if text is None and codec == "cp1252":
            codec, text = "latin_1", _strict(data, "latin_1")  # bytes cp1252 leaves undefined
        if text is not None:
            return Decoded(text, codec, "declared")
    if utf8 is not None:
        return Decoded(utf8, "utf_8", "utf-8")
    repaired = _repair_utf8(data)
    if repaired is not None:
        return repaired
    return _detect(data)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Text of ``data``: BOM, then ``declared``, then strict UTF-8, then a confident guess.

    Raises :class:`DecodeError` (one-line ``reason``) for binary content and for bytes no
    encoding decodes with confidence.
    """
    return decode_detailed(data, declared).text


_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
#: Browsers prescan 1024 bytes; real pages put the tag later (long comments, scripts first),
#: so look further while still bounding the work on huge or deeply nested documents.
HTML_PRESCAN_BYTES = 16 * 1024


def sniff_html_charset(data: bytes) -> str | None:
    """Charset declared inside an HTML/XML document (``<meta charset>``, http-equiv, prolog).

    Returns a Python codec name, or None when nothing usable is declared.  Only the first
    :data:`HTML_PRESCAN_BYTES` are scanned with bounded regular expressions, so
    pathological markup (deep nesting, megabyte-long lines) cannot make this slow.
    """
    head = data[:HTML_PRESCAN_BYTES]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        m = pattern.search(head)
        if m:
            codec = normalize_charset(m.group(1).decode("ascii", "ignore"))
            if codec is not None:
                # WHATWG: a UTF-16 declaration inside ASCII-compatible markup means UTF-8.
                return "utf_8" if codec.startswith(("utf_16", "utf_32")) else codec
    return None

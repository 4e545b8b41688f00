"""Wire-service and agency credits in a report's text.

Why: a syndicated copy often says where it came from ("LONDON (Reuters) -", "(AP) —",
"..., SIA reports.", "— Report.az"), and users want to know that fifty outlets ran the AP
copy.  The credit is evidence shown beside a duplicate group, never a reason to merge two
bodies on its own (two different AP stories share the credit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Agencies recognised by name, with the spellings that occur in credits.
AGENCIES: dict[str, tuple[str, ...]] = {
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "UPI": ("UPI", "United Press International"),
    "Bloomberg": ("Bloomberg",),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "EFE": ("EFE",),
    "ANSA": ("ANSA",),
    "Xinhua": ("Xinhua",),
    "TASS": ("TASS",),
    "Interfax": ("Interfax",),
    "PA": ("PA", "Press Association", "PA Media"),
    "CNA": ("CNA",),
    "Kyodo": ("Kyodo",),
    "Yonhap": ("Yonhap",),
    "APA": ("APA",),
    "AzerTac": ("AzerTac", "AZERTAC", "Azertac"),
    "Trend": ("Trend",),
    "SIA": ("SIA",),
}
_ALIAS = {alias.casefold(): name for name, aliases in AGENCIES.items() for alias in aliases}
_ALT = "|".join(
    sorted((re.escape(a) for aliases in AGENCIES.values() for a in aliases), key=len, reverse=True)
)

#: "LONDON (Reuters) -", "WASHINGTON, Jan. 5 (AP) —", "(AFP) -" at the start of a paragraph.
_DATELINE = re.compile(
    rf"^\s*(?:[A-Z][A-Za-z.'\- ]{{1,40}}(?:,\s*[A-Za-z0-9.'\- ]{{1,30}})?\s*)?\(({_ALT})\)\s*[-\u2013\u2014:]",
    re.MULTILINE,
)
#: "(AP)" or "(Reuters)" anywhere: the bare parenthesised credit.
_PAREN = re.compile(rf"\(({_ALT})\)")
#: "..., SIA reports." / "Trend reports citing ...".  ("according to AFP" is a citation of
#: the agency inside someone else's story, not a credit for the copy, so it is not here.)
_REPORTS = re.compile(rf"\b({_ALT})\s+(?:reports|reported)\b")
#: "— Report.az", "- News.az" at the end of a line: an outlet named by its domain.
_DOMAIN_SIGN = re.compile(
    r"[-\u2013\u2014]\s*([A-Z][\w-]*\.(?:az|com|ru|ge|am|tr|net|org|uz|kz|info|news))\s*\.?\s*$", re.MULTILINE
)
#: "X reports" where X is a domain-like name ("Report.az reports", "APA.az reports").
_DOMAIN_REPORTS = re.compile(r"\b([A-Z][\w-]*\.(?:az|com|ru|ge|am|tr|net|org|uz|kz|info|news))\s+reports?\b")
#: Reuters' sign-off: "(Reporting by X; Editing by Y)".
_REUTERS_SIGNOFF = re.compile(r"\(Reporting by [^)]{2,200}(?:Editing by|Writing by)[^)]{2,200}\)")


@dataclass(frozen=True, slots=True)
class Credit:
    """A recognised credit: the agency's canonical name and the matched text."""

    agency: str
    evidence: str


def _canon(name: str) -> str:
    return _ALIAS.get(name.casefold(), name)


def find_credit(text: str) -> Credit | None:
    """The strongest wire credit in ``text``, or None.

    Order of trust: a dateline credit, Reuters' sign-off, a parenthesised credit, "X
    reports", a domain signature at a line end.  Only the first ~600 and last ~600
    characters are searched for the weaker forms, where credits sit, so a story *about*
    Reuters is not credited to it.
    """
    m = _DATELINE.search(text[:600])
    if m:
        return Credit(_canon(m.group(1)), m.group(0).strip())
    m = _REUTERS_SIGNOFF.search(text[-600:])
    if m:
        return Credit("Reuters", m.group(0))
    ends = text[:600] + "\n" + text[-600:] if len(text) > 1200 else text
    m = _PAREN.search(ends)
    if m:
        return Credit(_canon(m.group(1)), m.group(0))
    m = _REPORTS.search(ends)
    if m:
        return Credit(_canon(m.group(1)), m.group(0))
    m = _DOMAIN_REPORTS.search(ends) or _DOMAIN_SIGN.search(ends)
    if m:
        return Credit(m.group(1), m.group(0).strip())
    return None

"""An outlet's template: lines that recur across many of its pages.

Boilerplate that no word list knows ("update desk", a masthead slogan, a footer in an odd
language) still gives itself away by repeating on every page of one site.  The store
counts, per outlet, in how many documents each line key occurs; :class:`TemplateIndex`
answers "is this line part of the outlet's template?" from those counts.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from newsdesk.clean.lexicon import normalise

_MAX_KEY_CHARS = 2000  # longer lines are prose, never template keys


def line_key(text: str) -> str | None:
    """Short hash of a line's normalised form, or None when the line is not a candidate."""
    if len(text) > _MAX_KEY_CHARS:
        return None
    norm = normalise(text)
    if not norm:
        return None
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()


def template_line_keys(raw: str) -> list[str]:
    """Distinct keys of a page's candidate lines, in page order (one count per document)."""
    seen: dict[str, None] = {}
    for line in raw.splitlines():
        key = line_key(line.strip())
        if key is not None:
            seen.setdefault(key, None)
    return list(seen)


@dataclass
class TemplateIndex:
    """Per-outlet document frequencies of line keys.

    ``line_docs[outlet][key]`` = number of that outlet's documents containing the line;
    ``outlet_docs[outlet]`` = documents seen for the outlet.  A line is template when the
    outlet has at least ``min_pages`` pages and the line is on at least
    ``max(min_count, min_share * pages)`` of them.
    """

    line_docs: dict[str, dict[str, int]]
    outlet_docs: dict[str, int]
    min_pages: int = 4
    min_count: int = 3
    min_share: float = 0.3

    def frequency(self, outlet: str | None, text: str) -> tuple[int, int]:
        """(documents containing the line, documents of the outlet)."""
        if not outlet:
            return 0, 0
        pages = self.outlet_docs.get(outlet, 0)
        key = line_key(text)
        if key is None or pages == 0:
            return 0, pages
        return self.line_docs.get(outlet, {}).get(key, 0), pages

    def is_template(self, outlet: str | None, text: str) -> tuple[bool, str]:
        """Whether the line recurs enough to be template, with a human detail."""
        count, pages = self.frequency(outlet, text)
        if pages < self.min_pages:
            return False, ""
        need = max(self.min_count, self.min_share * pages)
        return count >= need, f"on {count} of {pages} pages of {outlet}"

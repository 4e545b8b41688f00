"""Claims extraction: figures, dates, quotes with speakers, cited sources, entities.

Public API: :func:`extract_claims`, :class:`ClaimsStep`, :func:`format_table` and the
record types in :mod:`newsdesk.claims.types`.
"""

from newsdesk.claims.extract import ClaimsStep, extract_claims
from newsdesk.claims.table import format_table
from newsdesk.claims.types import CitedSource, Claims, DateMention, Entity, Figure, Quote, SpanRef

__all__ = [
    "Claims",
    "ClaimsStep",
    "CitedSource",
    "DateMention",
    "Entity",
    "Figure",
    "Quote",
    "SpanRef",
    "extract_claims",
    "format_table",
]

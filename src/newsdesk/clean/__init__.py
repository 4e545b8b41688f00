"""Cleaning raw news into :class:`~newsdesk.model.Article` records.

Public entry points: :func:`clean_text` (plain text), :func:`clean_record` (any
:class:`~newsdesk.model.RawRecord`, HTML included), :class:`CleanConfig`,
:class:`FieldHints`, and the outlet-template helpers :func:`template_line_keys` /
:class:`TemplateIndex`.
"""

from __future__ import annotations

from newsdesk.clean.config import CleanConfig, FieldHints
from newsdesk.clean.core import clean_text, score_lines
from newsdesk.clean.record import CleanError, clean_record
from newsdesk.clean.templates import TemplateIndex, template_line_keys

__all__ = [
    "CleanConfig",
    "CleanError",
    "FieldHints",
    "TemplateIndex",
    "clean_record",
    "clean_text",
    "score_lines",
    "template_line_keys",
]

"""Plain-text files (``.txt``, ``.txt.gz``): one file, one record.

Content stays bytes so the cleaner decodes it with full knowledge; the reader still decodes
once (``ReaderConfig.validate_encoding``) so binary and undecodable files are reported here,
with the decision (encoding, any cp1252 repair) recorded in ``meta``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsdesk.model import RawRecord
from newsdesk.readers.base import ReaderConfig, check_text, read_limited


def read_text(path: Path, config: ReaderConfig) -> Iterator[RawRecord]:
    data = read_limited(path, config.max_item_bytes)
    meta = check_text(data, html=False) if config.validate_encoding else {}
    yield RawRecord(
        source_path=str(path),
        content=data,
        input_format="text",
        content_type="text",
        meta=meta,
    )

"""The ingest layer: turn files and directories into a lazy stream of raw records.

:func:`iter_records` is the one entry point.  It walks inputs in a deterministic order,
picks a reader per file (extension plus content sniffing in ``auto`` mode) and yields
:class:`~newsdesk.model.RawRecord` for every item and :class:`~newsdesk.model.ReadError`
for every bad one, never raising for bad input: a corrupt file costs one error line in the
run summary, not the run.  Nothing is read before the consumer asks for it, and no reader
holds more than one item (bounded by ``ReaderConfig.max_item_bytes``) in memory.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from newsdesk.model import RawRecord, ReadError
from newsdesk.readers.base import ReaderConfig, ReaderFailure, one_line, os_error_reason
from newsdesk.readers.decode import DecodeError, decode_bytes, sniff_html_charset
from newsdesk.readers.detect import FORMATS, detect_format
from newsdesk.readers.feed import read_feed
from newsdesk.readers.html import read_html
from newsdesk.readers.jsonl import read_jsonl
from newsdesk.readers.text import read_text
from newsdesk.readers.warc import read_warc

__all__ = [
    "FORMATS",
    "DecodeError",
    "RawRecord",
    "ReadError",
    "STDIN",
    "STDIN_NAME",
    "ReaderConfig",
    "decode_bytes",
    "decode_record",
    "detect_format",
    "iter_paths",
    "iter_records",
    "sniff_html_charset",
]

Reader = Callable[[Path, ReaderConfig], Iterator[RawRecord | ReadError]]

READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "warc": read_warc,
    "jsonl": read_jsonl,
    "feed": read_feed,
}


def _sort_key(entry: os.DirEntry[str]) -> str:
    return entry.name


@lru_cache(maxsize=8)
def _names_of(paths: frozenset[str]) -> frozenset[str]:
    return frozenset(os.path.basename(p) for p in paths)


def _walk(directory: Path, config: ReaderConfig, seen: set[str]) -> Iterator[Path | ReadError]:
    """Files under ``directory`` depth-first in name order; hidden names skipped."""
    try:
        with os.scandir(directory) as it:
            entries = sorted(it, key=_sort_key)
    except OSError as exc:
        yield ReadError(str(directory), f"cannot list directory: {os_error_reason(exc)}")
        return
    for entry in entries:
        if config.skip_hidden and entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            if entry.is_symlink():
                if not config.follow_symlinks:
                    continue
                if not path.exists():
                    yield ReadError(str(path), "broken symlink")
                    continue
            if entry.is_dir(follow_symlinks=config.follow_symlinks):
                real = os.path.realpath(path)
                if real in seen:
                    yield ReadError(str(path), "symlink loop (directory already visited)")
                    continue
                seen.add(real)
                yield from _walk(path, config, seen)
            elif entry.is_file(follow_symlinks=config.follow_symlinks):
                if path.suffix.lower() not in config.walk_skip_suffixes and not (
                    config.walk_skip_files
                    and entry.name in _names_of(config.walk_skip_files)  # (spares the realpath)
                    and os.path.realpath(path) in config.walk_skip_files
                ):
                    yield path
            else:
                yield ReadError(str(path), "not a regular file")
        except OSError as exc:
            yield ReadError(str(path), os_error_reason(exc))


#: the path that names standard input, as Unix tools spell it (a file named "-" is read
#: through its directory or its absolute path: ``Path("./-")`` is ``Path("-")``)
STDIN = "-"
#: the ``source_path`` of what was read from standard input
STDIN_NAME = "<stdin>"


def iter_paths(paths: Iterable[str | Path], config: ReaderConfig | None = None) -> Iterator[Path | ReadError]:
    """Every input file in order (directories expanded), or a ReadError for an unusable path.
    :data:`STDIN` passes through as ``Path("-")``: :func:`iter_records` reads it."""
    config = config or ReaderConfig()
    seen: set[str] = set()
    for given in paths:
        if str(given) == STDIN:
            yield Path(STDIN)
            continue
        path = Path(given)
        try:
            if path.is_symlink():
                if not config.follow_symlinks:
                    yield ReadError(str(path), "symlink not followed (follow_symlinks is off)")
                    continue
                if not path.exists():
                    yield ReadError(str(path), "broken symlink")
                    continue
            if not path.exists():
                yield ReadError(str(path), "no such file or directory")
            elif path.is_dir():
                seen.add(os.path.realpath(path))
                yield from _walk(path, config, seen)
            elif path.is_file():
                yield path
            else:
                yield ReadError(str(path), "not a regular file")
        except OSError as exc:
            yield ReadError(str(path), os_error_reason(exc))


def _read_file(path: Path, input_format: str, config: ReaderConfig) -> Iterator[RawRecord | ReadError]:
    """One file's items; any failure becomes a ReadError and ends only this file."""
    try:
        fmt = detect_format(path, config.sniff_bytes) if input_format == "auto" else input_format
        fallback = directory_outlet(path) if config.outlet_from_directory else None
        for item in READERS[fmt](path, config):
            if fallback and isinstance(item, RawRecord) and not item.outlet:
                item.outlet = fallback
            yield item
    except ReaderFailure as exc:
        yield ReadError(str(path), exc.reason, exc.location)
    except OSError as exc:
        yield ReadError(str(path), os_error_reason(exc))
    except MemoryError:
        yield ReadError(str(path), "out of memory while reading")
    except Exception as exc:  # a parser bug on hostile input must not end the run
        yield ReadError(str(path), f"unexpected error: {type(exc).__name__}: {one_line(exc, 100)}")


_DOMAIN_NAME = re.compile(
    r"^(?=.{3,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$"
)


def directory_outlet(path: Path) -> str | None:
    """The parent directory's name when it looks like a domain, minus a leading "www."."""
    name = path.parent.name.lower()
    if not _DOMAIN_NAME.match(name) or name.replace(".", "").isdigit():
        return None
    return name.removeprefix("www.")


def iter_records(
    paths: Iterable[str | Path] | str | Path,
    input_format: str = "auto",
    config: ReaderConfig | None = None,
) -> Iterator[RawRecord | ReadError]:
    """Lazily yield a RawRecord per input item and a ReadError per bad item, in a stable order.

    ``paths`` may mix files and directories; directories are walked recursively in sorted
    name order, skipping hidden entries.  ``input_format`` is ``auto`` (extension plus
    content sniffing per file) or one of :data:`FORMATS` to force a reader for every file.
    """
    if input_format != "auto" and input_format not in READERS:
        raise ValueError(
            f"unknown input format {input_format!r}; expected auto or one of {', '.join(FORMATS)}"
        )
    config = config or ReaderConfig()
    if isinstance(paths, str | Path):
        paths = [paths]  # one path, not an iterable of its characters
    for item in iter_paths(paths, config):
        if isinstance(item, ReadError):
            yield item
        elif str(item) == STDIN:
            yield from _read_stdin(input_format, config)
        else:
            yield from _read_file(item, input_format, config)


def _read_stdin(input_format: str, config: ReaderConfig) -> Iterator[RawRecord | ReadError]:
    """Standard input's items (``newsdesk clean -``, a pipe from a crawler or ``curl``);
    they say they came from :data:`STDIN_NAME`."""
    try:
        spool = _stdin_spool()
    except OSError as exc:
        yield ReadError(STDIN_NAME, os_error_reason(exc))
        return
    for item in _read_file(spool, input_format, config):
        item.source_path = STDIN_NAME
        yield item


#: (the standard input read, its spooled copy)
_SPOOL: list[tuple[object, Path]] = []


def _stdin_spool() -> Path:
    """Standard input copied to a temporary file, once per standard input.

    The readers seek (format sniffing, gzip and WARC members) and a pipe cannot; a file
    keeps memory bounded whatever the input's size; and a run reads its inputs twice when
    it learns the outlets' templates first, which a pipe allows once.  Removed at exit."""
    import shutil
    import sys

    stdin = sys.stdin
    if not _SPOOL or _SPOOL[0][0] is not stdin:
        import atexit
        import tempfile

        tmp = Path(tempfile.mkdtemp(prefix="newsdesk-stdin-"))
        atexit.register(shutil.rmtree, tmp, True)
        spool = tmp / "stdin"
        with spool.open("wb") as out:
            shutil.copyfileobj(stdin.buffer, out, 1 << 20)
        _SPOOL[:] = [(stdin, spool)]
    return _SPOOL[0][1]


def decode_record(record: RawRecord) -> str:
    """The text of a record, decoded with the same evidence the reader validated it with.

    ``str`` content is returned as is.  For bytes, the container's charset (HTTP header),
    else the document's own ``<meta charset>`` for HTML, is the declared encoding.  Raises
    :class:`DecodeError` like :func:`decode_bytes`.
    """
    if isinstance(record.content, str):
        return record.content
    declared = record.encoding
    if declared is None and record.content_type == "html":
        declared = sniff_html_charset(record.content)
    return decode_bytes(record.content, declared)

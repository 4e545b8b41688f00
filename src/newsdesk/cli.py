"""The ``newsdesk`` command line: a thin layer that parses arguments and calls the library.

The database defaults to ``$NEWSDESK_DB`` or ``./newsdesk.db`` (see
:func:`newsdesk.store.default_db_path`).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape as rich_escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsdesk.ingest import IngestConfig, clean_paths, ingest
from newsdesk.model import Article, ReadError
from newsdesk.store import Store, default_db_path
from newsdesk.views import article_text_view, safe

if TYPE_CHECKING:
    from newsdesk.dedup import DedupIndex

app = typer.Typer(
    name="newsdesk",
    help="Clean, deduplicate, compare and store raw news, with provenance for every span.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True, soft_wrap=True)
# Piped output (a file, a pager, `| grep`) is not a terminal: rich would lay tables out at 80
# columns and wrap a headline over ten rows. 160 keeps a row on a line; COLUMNS still wins.
_PIPE_WIDTH = None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 160
out = Console(highlight=False, soft_wrap=True, width=_PIPE_WIDTH)


class InputFormat(StrEnum):
    auto = "auto"
    text = "text"
    html = "html"
    warc = "warc"
    jsonl = "jsonl"
    feed = "feed"


class CleanFormat(StrEnum):
    jsonl = "jsonl"
    text = "text"


class LineModelName(StrEnum):
    news = "news"
    news_lexical = "news-lexical"
    news_encoder = "news-encoder"
    web = "web"


#: per-item time budget of ``clean`` and ``ingest`` (IngestConfig.item_seconds)
TimeLimitOption = Annotated[
    float,
    typer.Option(
        "--time-limit",
        min=0,
        help="Seconds one item may take to clean before it is reported as an error (0: no limit).",
    ),
]
#: per-item memory budget of ``clean`` and ``ingest`` (IngestConfig.item_memory_mb)
MemoryLimitOption = Annotated[
    int,
    typer.Option(
        "--memory-limit",
        min=0,
        help="MiB one worker may allocate for an item before it is reported as an error (0: no limit).",
    ),
]
LineModelOption = Annotated[
    LineModelName,
    typer.Option(
        "--line-model",
        help="news-lexical (default): line shape, position and each line's own words; news: the"
        " same without the words, ~6% less CPU and ~0.4 points less F1 on rendered pages;"
        " news-encoder: also asks a sentence encoder what each"
        " line is and whether it is about what the page's prose is about, the most accurate and"
        " some 27 times slower; web: forum, shop and wiki text (turku-lines).",
    ),
]


class TableFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="SQLite database file [default: $NEWSDESK_DB or ./newsdesk.db]"),
]


def esc(text: str) -> str:
    """Scraped text printed through rich: control characters out, ``[...]`` markup inert."""
    return rich_escape(safe(text))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


LangOption = Annotated[str | None, typer.Option("--lang", help="Only articles in this language (ISO 639-1).")]
SinceOption = Annotated[
    str | None, typer.Option("--since", help="Published on or after: YYYY, YYYY-MM or YYYY-MM-DD.")
]
UntilOption = Annotated[
    str | None, typer.Option("--until", help="Published on or before (the whole month for YYYY-MM).")
]


def _db(path: Path | None) -> Path:
    return path or default_db_path()


def _store_note(message: str) -> None:
    """Say what long work opening a store starts, before it runs (an upgrade)."""
    err.print(f"note: {message} ...", highlight=False)


def _open_existing(path: Path | None) -> Store:
    db = _db(path)
    if not db.exists():
        err.print(f"[red]no database at {db}[/red] (run `newsdesk ingest PATH` first, or pass --db)")
        raise typer.Exit(2)
    return Store(db, notify=_store_note)


def _print_notes_and_errors(notes: list[str], samples: list[ReadError], errors: int) -> None:
    """The closing lines of a long run's summary: its notes, then the errors it kept as
    samples (escaped: a reason may quote the page) and how many more the table holds."""
    for note in notes:
        err.print(f"  note: {esc(note)}", highlight=False)
    for e in samples:
        where = f"{e.source_path}{'#' + e.location if e.location else ''}"
        err.print(f"  [yellow]error[/yellow] {esc(where)}: {esc(e.reason)}", highlight=False)
    if errors > len(samples):
        err.print(f"  … {errors - len(samples)} more (newsdesk errors)")


def _run_config(
    workers: int,
    no_templates: bool,
    stages: str,
    line_model: LineModelName | None,
    time_limit: float,
    memory_limit: int,
) -> IngestConfig:
    """The options ``ingest`` and ``reclean`` share, as the library takes them (a line model
    of None: whatever each item says, else the default)."""
    return IngestConfig(
        workers=workers,
        learn_templates=not no_templates,
        stages=tuple(x.strip() for x in stages.split(",") if x.strip() and x.strip() != "none"),
        clean_options={"line_model": line_model.value} if line_model else {},
        item_seconds=time_limit or None,
        item_memory_mb=memory_limit or None,
    )


@contextmanager
def _progress(description: str, fields: str, **counts: int) -> Iterator[Callable[[str, int], None]]:
    """A spinner on stderr (a terminal only) showing ``fields`` (``str.format`` names of the
    ``counts``); yields the ``tick(kind, n)`` the library's long runs report to."""
    layout = re.sub(r"\{(\w+)\}", r"{task.fields[\1]}", fields)
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn(layout),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as progress:
        shown: dict[str, Any] = dict(counts)
        task = progress.add_task(description, total=None, **shown)

        def tick(kind: str, n: int) -> None:
            shown[kind] = shown.get(kind, 0) + n
            progress.update(task, **shown)

        yield tick


def _write(line: str) -> None:
    sys.stdout.write(line)
    if not line.endswith("\n"):
        sys.stdout.write("\n")


def _write_json_lines(records: Iterable[dict[str, Any]]) -> None:
    """One JSON object a line (UTF-8 as is: scripts read names in any script)."""
    for record in records:
        _write(json.dumps(record, ensure_ascii=False))


@app.command()
def clean(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to read.", exists=False)],
    format: Annotated[CleanFormat, typer.Option("--format", "-f")] = CleanFormat.jsonl,
    input_format: Annotated[InputFormat, typer.Option("--input-format", "-i")] = InputFormat.auto,
    removed: Annotated[bool, typer.Option("--removed", help="Text view: list removed lines.")] = False,
    no_raw: Annotated[bool, typer.Option("--no-raw", help="JSON: leave out the raw text.")] = False,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1)] = 1,
    no_templates: Annotated[
        bool, typer.Option("--no-templates", help="Do not learn outlet templates.")
    ] = False,
    line_model: LineModelOption = LineModelName.news_lexical,
    time_limit: TimeLimitOption = 120.0,
    memory_limit: MemoryLimitOption = 4096,
) -> None:
    """Clean articles and print them (JSON Lines by default); errors go to stderr."""
    config = IngestConfig(
        input_format=input_format.value,
        workers=workers,
        learn_templates=not no_templates,
        clean_options={"line_model": line_model.value},
        item_seconds=time_limit or None,
        item_memory_mb=memory_limit or None,
    )
    n_ok = n_err = 0
    for item in clean_paths(list(paths), config, skip_db=default_db_path()):
        if isinstance(item, ReadError):
            n_err += 1
            where = f"{item.source_path}{'#' + item.location if item.location else ''}"
            err.print(f"[yellow]error[/yellow] {esc(where)}: {esc(item.reason)}", highlight=False)
            continue
        n_ok += 1
        if format is CleanFormat.jsonl:
            _write(item.to_json(include_raw=not no_raw))
        else:
            _write(article_text_view(item, show_removed=removed))
    err.print(f"{_count(n_ok, 'article')}, {_count(n_err, 'error')}")


@app.command(name="ingest")
def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to read.")],
    db: DbOption = None,
    input_format: Annotated[InputFormat, typer.Option("--input-format", "-i")] = InputFormat.auto,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1)] = 1,
    no_templates: Annotated[bool, typer.Option("--no-templates")] = False,
    stages: Annotated[
        str, typer.Option("--stages", help="Comma-separated stages after cleaning (dedup,claims), or 'none'.")
    ] = "dedup,claims",
    json_summary: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    line_model: LineModelOption = LineModelName.news_lexical,
    time_limit: TimeLimitOption = 120.0,
    memory_limit: MemoryLimitOption = 4096,
) -> None:
    """Clean and store articles; re-running on the same input stores nothing new."""
    config = _run_config(workers, no_templates, stages, line_model, time_limit, memory_limit)
    config.input_format = input_format.value
    path = _db(db)
    with (
        Store(path, notify=_store_note) as store,
        _progress(
            "ingesting",
            "read {read} · stored {stored} · known {already_stored} · errors {error}",
            read=0,
            stored=0,
            already_stored=0,
            error=0,
        ) as tick,
    ):
        summary = ingest(list(paths), store, config, tick)
    if json_summary:
        _write(json.dumps(summary.as_dict()))
        return
    err.print(
        f"read {summary.read} · stored {summary.stored} · already stored (skipped) {summary.already_stored}"
        f" · errors {summary.errors} ({summary.new_errors} new) → {path}",
        highlight=False,
    )
    for name, n in summary.stage_counts.items():
        err.print(f"  {name}: {n} articles", highlight=False)
    _print_notes_and_errors(summary.notes, summary.error_samples, summary.errors)


@app.command()
def reclean(
    db: DbOption = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1)] = 1,
    no_templates: Annotated[bool, typer.Option("--no-templates")] = False,
    stages: Annotated[
        str,
        typer.Option(
            "--stages", help="Stages to bring up to date for rewritten articles (dedup,claims), or 'none'."
        ),
    ] = "dedup,claims",
    outlet: Annotated[str | None, typer.Option("--outlet", help="Only this outlet's articles.")] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Count what a new cleaning would change; write nothing.")
    ] = False,
    json_summary: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    line_model: Annotated[
        LineModelName | None,
        typer.Option(
            "--line-model",
            help="Clean every article with this line model (default: the one that first cleaned"
            " each article; news-lexical where none is recorded).",
        ),
    ] = None,
    time_limit: TimeLimitOption = 120.0,
    memory_limit: MemoryLimitOption = 4096,
) -> None:
    """Clean stored articles again with this version, from the pages and texts the store kept.

    Ingest skips content already stored, so articles keep the cleaning that first stored them. This rewrites those whose cleaning now differs (same ids), and redoes their claims and the duplicate index where what those read changed. A second run changes nothing.
    """
    from newsdesk.reclean import reclean as run_reclean

    config = _run_config(workers, no_templates, stages, line_model, time_limit, memory_limit)
    path = _db(db)
    with (
        _open_existing(db) as store,
        _progress(
            "recleaning",
            "checked {checked} · changed {changed} · errors {error}",
            checked=0,
            changed=0,
            error=0,
        ) as tick,
    ):
        summary = run_reclean(
            store, config, dry_run=dry_run, own_line_model=line_model is None, outlet=outlet, progress=tick
        )
    if json_summary:
        _write(json.dumps(summary.as_dict()))
        return
    verb = "would change" if dry_run else "changed"
    err.print(
        f"checked {summary.checked} · {verb} {summary.changed} · unchanged {summary.unchanged}"
        f" · no source kept {summary.no_source} · errors {summary.errors} → {path}",
        highlight=False,
    )
    if summary.fields:
        fields = ", ".join(f"{name} {n}" for name, n in sorted(summary.fields.items(), key=lambda kv: -kv[1]))
        err.print(f"  fields {verb}: {fields}", highlight=False)
    if summary.claims:
        err.print(f"  claims extracted again: {summary.claims} articles", highlight=False)
    if summary.dedup_rebuilt is not None:
        err.print(f"  duplicate index rebuilt: {summary.dedup_rebuilt} articles", highlight=False)
    _print_notes_and_errors(summary.notes, summary.error_samples, summary.errors)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find in titles and bodies (prefix with word*).")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1)] = 20,
    outlet: Annotated[str | None, typer.Option("--outlet")] = None,
    author: Annotated[
        str | None,
        typer.Option("--author", help="Only articles one of whose authors is this name (case aside)."),
    ] = None,
    lang: LangOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
) -> None:
    """Full-text search (SQLite FTS5, BM25 ranking, title weighted)."""
    with _open_existing(db) as store:
        try:
            hits = store.search(
                query, limit=limit, outlet=outlet, author=author, lang=lang, since=since, until=until
            )
        except ValueError as exc:
            err.print(f"[red]{esc(str(exc))}[/red]")
            raise typer.Exit(2) from None
    if format is TableFormat.jsonl:
        _write_json_lines(
            {
                "id": h.id,
                "outlet": h.outlet,
                "title": h.title,
                "published": h.published,
                "snippet": h.snippet,
                "score": h.score,
            }
            for h in hits
        )
        return
    if not hits:
        err.print("no match")
        return
    table = Table("id", "outlet", "published", "title / snippet", show_lines=True)
    for h in hits:
        table.add_row(
            h.id[:12],
            esc(h.outlet or ""),
            (h.published or "")[:10],
            esc(h.title or "") + "\n" + esc(h.snippet),
        )
    out.print(table)


def _group_info(store: Store, article_id: str) -> dict[str, Any] | None:
    try:
        group = _dedup_index(store).group_of(article_id)
    except ImportError:
        return None
    return group.to_dict() if group is not None else None


def _dedup_index(store: Store) -> DedupIndex:
    """The store's duplicate index, saying so when this version had to rebuild it."""
    from newsdesk.dedup import DedupIndex

    index = DedupIndex(store)
    if index.rebuilt is not None:
        err.print(f"note: duplicate index rebuilt for this version's parameters ({index.rebuilt} articles)")
    return index


@app.command()
def show(
    article_id: Annotated[
        str, typer.Argument(metavar="ID", help="Article id or a unique prefix (≥ 6 chars).")
    ],
    db: DbOption = None,
    removed: Annotated[
        bool, typer.Option("--removed", "-r", help="Also list removed lines and why.")
    ] = False,
    format: Annotated[CleanFormat, typer.Option("--format", "-f")] = CleanFormat.text,
) -> None:
    """Show one stored article (clean text; --removed for what was taken out and why)."""
    with _open_existing(db) as store:
        article = _article_or_exit(store, article_id)
        group = _group_info(store, article.id)
        sightings = store.sightings(article.id)
    if format is CleanFormat.jsonl:
        d = article.to_dict()
        d["duplicate_group"] = group
        d["sightings"] = sightings
        _write(json.dumps(d, ensure_ascii=False))
        return
    extra: dict[str, Any] = {}
    if len(sightings) > 1:
        extra["seen at"] = "; ".join(
            s["source_path"] + (f"#{s['location']}" if s["location"] else "") for s in sightings
        )
    if group is not None:
        others = [m for m in group["members"] if m["id"] != article.id]
        role = "canonical" if group["canonical_id"] == article.id else f"copy of {group['canonical_id'][:12]}"
        extra["dup group"] = f"{group['group_id'][:12]} ({role}; {len(others)} other members)"
        for m in others:
            sim = f" {m['similarity']:.2f}" if isinstance(m.get("similarity"), float) else ""
            extra[f"  {m['kind']}{sim}"] = f"{m['id'][:12]} {m.get('outlet') or ''} {m.get('title') or ''}"
    _write(article_text_view(article, show_removed=removed, extra=extra))


@app.command()
def dups(
    db: DbOption = None,
    min_size: Annotated[int, typer.Option("--min-size", help="Only groups with at least N members.")] = 2,
    format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
) -> None:
    """List duplicate groups: canonical member first, and why each other member joined."""
    with _open_existing(db) as store:
        groups = list(_dedup_index(store).groups(min_size=min_size))
    if format is TableFormat.jsonl:
        _write_json_lines(g.to_dict() for g in groups)
        return
    if not groups:
        out.print("no duplicate groups")
        return
    table = Table("group", "members", "id", "kind", "sim", "outlet", "title", show_lines=True)
    for col in table.columns[:5]:
        col.no_wrap = True
    for g in groups:
        for i, m in enumerate(g.members):
            table.add_row(
                g.group_id[:13] if i == 0 else "",
                str(g.size) + (f" ({', '.join(g.credits)})" if g.credits else "") if i == 0 else "",
                m.id[:12],
                m.kind + (f"/{m.basis}" if m.kind == "syndicated" and m.basis else ""),
                f"{m.similarity:.2f}",
                esc(m.outlet or ""),
                esc(m.title or ""),
            )
    out.print(table)
    err.print(f"{len(groups)} groups, {sum(g.size for g in groups)} articles")


@app.command()
def errors(
    db: DbOption = None,
    format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
) -> None:
    """List inputs that could not be stored, with one-line reasons."""
    with _open_existing(db) as store:
        rows = store.errors()
    if format is TableFormat.jsonl:
        _write_json_lines(
            {"source_path": e.source_path, "location": e.location, "stage": e.stage, "reason": e.reason}
            for e in rows
        )
        return
    for e in rows:
        where = f"{e.source_path}{'#' + e.location if e.location else ''}"
        out.print(f"\\[{e.stage}] {esc(where)}: {esc(e.reason)}", highlight=False)
    err.print(_count(len(rows), "error"))


@app.command()
def stats(db: DbOption = None) -> None:
    """Counts: articles per outlet and language, removed lines per reason, errors, the period covered."""
    with _open_existing(db) as store:
        _write(json.dumps(store.stats(), indent=2, ensure_ascii=False))


@app.command()
def claims(
    ids: Annotated[list[str], typer.Argument(metavar="ID...", help="Article ids or unique prefixes.")],
    db: DbOption = None,
    format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
) -> None:
    """What each report claims: figures, dates, quotes with speakers, cited sources, entities."""
    from newsdesk.claims import extract_claims, format_table
    from newsdesk.model import Annotation

    with _open_existing(db) as store:
        for article_id in ids:
            article = _article_or_exit(store, article_id)
            result = extract_claims(article)
            store.put_annotation(Annotation(article.id, "claims", result.to_dict()))
            if format is TableFormat.jsonl:
                _write(json.dumps(result.to_dict(), ensure_ascii=False))
            else:
                title = article.title.text if article.title else ""
                _write(f"== {article.id}  {safe(article.outlet or '')}  {safe(title)}")
                table = format_table(result)
                _write(safe(table.split("\n", 1)[1] if table.startswith("== ") else table))


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"


@app.command()
def export(
    out_path: Annotated[
        Path, typer.Argument(metavar="OUT", help="Output file (.jsonl) or directory (parquet).")
    ],
    db: DbOption = None,
    format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Only this outlet's articles.")] = None,
    lang: LangOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """Export articles with their annotations as JSON Lines or a Parquet dataset."""
    from newsdesk.export import export_jsonl, export_parquet

    with _open_existing(db) as store:
        try:
            if format is ExportFormat.jsonl:
                n = export_jsonl(store, out_path, outlet=outlet, lang=lang, since=since, until=until)
            else:
                n = export_parquet(store, out_path, outlet=outlet, lang=lang, since=since, until=until)
        except ValueError as exc:
            err.print(f"[red]{esc(str(exc))}[/red]")
            raise typer.Exit(2) from None
    err.print(f"exported {n} articles to {out_path}")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option("--host", help="Interface to bind; loopback by default.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8700,
) -> None:
    """Browse the database in a read-only web UI (http://127.0.0.1:8700 by default)."""
    import uvicorn

    from newsdesk.web import create_app

    path = _db(db)
    if not path.exists():
        err.print(f"[red]no database at {path}[/red]")
        raise typer.Exit(2)
    if host not in {"127.0.0.1", "localhost", "::1"}:
        err.print(
            f"[yellow]warning[/yellow]: serving on {host}: anyone who can reach it can read the database"
        )
    uvicorn.run(create_app(path), host=host, port=port, log_level="warning")


def _article_or_exit(store: Store, article_id: str) -> Article:
    article = store.get_article(article_id)
    if article is None:
        err.print(f"[red]no article {esc(article_id)!r}[/red]")
        raise typer.Exit(1)
    return article


def main() -> None:  # pragma: no cover - console entry point alias
    app()


if __name__ == "__main__":  # pragma: no cover
    main()

"""A readable, fixed-width view of one or more articles' claims (``--format table``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsdesk.claims.types import Claims


def _cut(text: str | None, n: int) -> str:
    t = " ".join((text or "").split())
    return t if len(t) <= n else t[: n - 1] + "…"


def format_table(claims: Claims | dict[str, Any] | Iterable[Claims | dict[str, Any]]) -> str:
    """Figures, dates, quotes, sources and entities as aligned text, one block per article.

    Accepts a :class:`Claims`, its ``to_dict()`` form (as stored), or an iterable of either.
    Quotes are shown as "speaker — cue — content": attributed, never restated as fact.
    """
    items = [claims] if isinstance(claims, (Claims, dict)) else list(claims)
    blocks = []
    for c in items:
        d = c.to_dict() if isinstance(c, Claims) else c
        lines = [f"== {d['id']}"]
        if d["figures"]:
            lines.append("figures:")
            for i, f in enumerate(d["figures"]):
                part = f" (part of #{f['part_of']})" if f.get("part_of") is not None else ""
                q = f"{f['qualifier']} " if f.get("qualifier") else ""
                lines.append(
                    f"  #{i:<3} {q}{_cut(str(f['value']), 14):<14} {_cut(f.get('counts'), 28):<28} "
                    f"{_cut(f.get('predicate'), 18):<18} [{f['start']}:{f['end']}]{part}"
                )
        if d["dates"]:
            lines.append("dates:")
            for dm in d["dates"]:
                rel = f"  ({_cut(dm['resolved_from'], 60)})" if dm.get("resolved_from") else ""
                lines.append(
                    f"  {_cut(dm['text'], 24):<24} -> {str(dm['value']):<12} [{dm['start']}:{dm['end']}]{rel}"
                )
        if d["quotes"]:
            lines.append("quotes:")
            for q in d["quotes"]:
                who = q.get("speaker") or "(no source)"
                role = f" ({_cut(q['speaker_role'], 40)})" if q.get("speaker_role") else ""
                cue = q["cue"]["text"] if q.get("cue") else ""
                lines.append(
                    f"  {q['kind']:<8} {_cut(who, 24)}{role} — {_cut(cue, 16)} — "
                    f"{_cut(q['content']['text'], 70)} [{q['content']['start']}:{q['content']['end']}]"
                )
        if d["sources"]:
            lines.append(
                "sources: " + "; ".join(f"{s['name']} [{s['start']}:{s['end']}]" for s in d["sources"])
            )
        if d["entities"]:
            lines.append(
                "entities: "
                + "; ".join(f"{e['name']} ({e['type']}, {len(e['mentions'])})" for e in d["entities"])
            )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)

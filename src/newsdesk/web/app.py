"""A small read-only web UI over one newsdesk database.

Scraped text is hostile, so: Jinja2 autoescaping on every template (no ``|safe`` on
stored text), a strict Content-Security-Policy with no scripts, the database opened
read-only, no route that takes a file path, and the server binds to 127.0.0.1 unless
told otherwise.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from newsdesk.model import Article
from newsdesk.store import Store
from newsdesk.store.db import article_filters

TEMPLATES = Path(__file__).parent / "templates"
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'none'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def marked_raw(article: Article) -> list[dict[str, Any]]:
    """The raw text cut into segments, each tagged with the role of the span covering it.

    The template renders each segment escaped inside a ``<span class=role>``, so a reader
    sees exactly which characters became title, body, caption or removed boilerplate.
    """
    roles: list[tuple[int, int, str, str]] = []
    for role, span in article.spans():
        detail = getattr(span, "reason", "") if role == "removed" else ""
        roles.append((span.start, span.end, role, detail))
    roles.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    segments: list[dict[str, Any]] = []
    pos = 0
    for start, end, role, detail in roles:
        if start < pos:  # nested span (a credit inside a caption line): outer role wins
            continue
        if start > pos:
            segments.append({"text": article.raw[pos:start], "role": "gap", "detail": ""})
        segments.append({"text": article.raw[start:end], "role": role, "detail": detail})
        pos = end
    if pos < len(article.raw):
        segments.append({"text": article.raw[pos:], "role": "gap", "detail": ""})
    return segments


def create_app(db_path: str | Path) -> FastAPI:
    db = Path(db_path)
    if not db.exists():
        raise FileNotFoundError(f"no database at {db}")
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    app = FastAPI(title="newsdesk", docs_url=None, redoc_url=None, openapi_url=None)

    def store() -> Store:
        return Store(db, readonly=True)

    def render(name: str, **ctx: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**ctx), headers=SECURITY_HEADERS)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    @app.get("/", response_class=HTMLResponse)
    def index(
        q: str = Query("", max_length=500),
        outlet: str = Query("", max_length=200),
        author: str = Query("", max_length=200),
        lang: str = Query("", max_length=20),
        since: str = Query("", max_length=10),
        until: str = Query("", max_length=10),
    ) -> HTMLResponse:
        filters = {"outlet": outlet, "author": author, "lang": lang, "since": since, "until": until}
        try:
            where, params = article_filters(**{k: v or None for k, v in filters.items()})
        except ValueError as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from None
        with store() as s:
            if q:
                hits = [
                    {
                        "id": h.id,
                        "outlet": h.outlet,
                        "title": h.title,
                        "published": h.published,
                        "snippet": h.snippet,
                    }
                    for h in s.search(q, limit=50, **{k: v or None for k, v in filters.items()})
                ]
            else:
                sql = "SELECT id, outlet, title, published, substr(body, 1, 200) AS snippet FROM articles a"
                if where:
                    sql += " WHERE " + " AND ".join(where)
                sql += " ORDER BY published DESC, id LIMIT 100"
                hits = [dict(r) for r in s.conn.execute(sql, params)]
            stats = s.stats()
        return render("index.html", hits=hits, q=q, stats=stats, **filters)

    @app.get("/article/{article_id}", response_class=HTMLResponse)
    def article_page(article_id: str) -> HTMLResponse:
        with store() as s:
            article = s.get_article(article_id[:64])
            if article is None:
                raise HTTPException(404, "no such article")
            claims = s.get_annotation(article.id, "claims")
            sightings = s.sightings(article.id)
            group = None
            try:
                from newsdesk.dedup import DedupIndex

                g = DedupIndex(s).group_of(article.id)
                group = g.to_dict() if g is not None else None
            except Exception:  # noqa: BLE001 - the page works without the dedup stage
                group = None
        return render(
            "article.html",
            a=article,
            segments=marked_raw(article),
            claims=claims,
            sightings=sightings,
            group=group,
        )

    @app.get("/api/article/{article_id}")
    def article_json(article_id: str) -> JSONResponse:
        with store() as s:
            article = s.get_article(article_id[:64])
            if article is None:
                raise HTTPException(404, "no such article")
            d = article.to_dict()
            d["claims"] = s.get_annotation(article.id, "claims")
        return JSONResponse(d, headers=SECURITY_HEADERS)

    @app.exception_handler(HTTPException)
    async def not_found(_request: Request, exc: HTTPException) -> HTMLResponse:
        return HTMLResponse(
            f"<!doctype html><title>{exc.status_code}</title><p>{html.escape(str(exc.detail))}</p>",
            status_code=exc.status_code,
            headers=SECURITY_HEADERS,
        )

    return app

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from newsdesk.model import Article, Paragraph, Removed, Span
from newsdesk.store import Store
from newsdesk.web import create_app, marked_raw

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def hostile_article() -> Article:
    title = f"Title {EVIL}"
    byline = f"By Jane {EVIL}"
    body = f"Body with {EVIL} inside."
    raw = f"{title}\n{byline}\n\n{body}\n\nFollow us {EVIL}"
    y0 = len(title) + 1
    b0 = y0 + len(byline) + 2
    r0 = b0 + len(body) + 2
    a = Article(
        id="e" * 20,
        raw=raw,
        outlet=f"evil{EVIL}.example",
        title=Span(title, 0, len(title)),
        byline=Span(byline, y0, y0 + len(byline)),
        authors=[Span(byline[3:], y0 + 3, y0 + len(byline))],
        paragraphs=[Paragraph(body, b0, b0 + len(body))],
        removed=[Removed(raw[r0:], "social", r0, len(raw), detail=EVIL)],
    )
    a.check_spans()
    return a


def client(tmp_path: Path) -> TestClient:
    db = tmp_path / "w.db"
    with Store(db) as s:
        s.add_article(hostile_article())
    return TestClient(create_app(db))


def test_everything_shown_is_escaped(tmp_path: Path) -> None:
    c = client(tmp_path)
    for url in (
        "/",
        "/?q=body",
        "/article/" + "e" * 20,
        "/?outlet=" + EVIL,
        "/?q=" + EVIL,
        "/?author=" + EVIL,
        "/?q=body&author=" + EVIL,
    ):
        r = c.get(url)
        assert r.status_code == 200, url
        assert "<script>" not in r.text and "<img" not in r.text, url
        assert "default-src 'none'" in r.headers["content-security-policy"]
    page = c.get("/article/" + "e" * 20).text
    assert "&lt;script&gt;" in page
    assert "Jane &lt;script&gt;" in page and "/?author=Jane%20%3Cscript%3E" in page
    # the author's link lists the author's articles
    listed = c.get("/", params={"author": f"Jane {EVIL}"}).text
    assert "/article/" + "e" * 20 in listed
    assert "/article/" not in c.get("/", params={"author": "Nobody"}).text


def test_a_query_holding_control_characters_is_searched_not_a_server_error(tmp_path: Path) -> None:
    """A NUL inside a quoted FTS5 word ended the query string: "?q=body%00" was a 500."""
    c = client(tmp_path)
    for q in ("body\x00", "\x00", "bo\x00dy", "body\x1f\x7f"):
        r = c.get("/", params={"q": q})
        assert r.status_code == 200, repr(q)
    assert "/article/" + "e" * 20 in c.get("/", params={"q": "body\x00"}).text


def test_unknown_and_traversal_ids_are_404(tmp_path: Path) -> None:
    c = client(tmp_path)
    for url in ("/article/nope", "/article/..%2F..%2Fetc%2Fpasswd", "/api/article/" + "0" * 20):
        r = c.get(url)
        assert r.status_code == 404
        assert "root:" not in r.text


def test_api_returns_the_article(tmp_path: Path) -> None:
    r = client(tmp_path).get("/api/article/" + "e" * 8)
    assert r.status_code == 200 and r.json()["id"] == "e" * 20


def test_marked_raw_covers_raw_exactly() -> None:
    a = hostile_article()
    segs = marked_raw(a)
    assert "".join(s["text"] for s in segs) == a.raw
    # the authors sit inside the byline: the outer role marks their characters
    assert [s["role"] for s in segs if s["role"] != "gap"] == ["title", "byline", "paragraph", "removed"]


def test_the_listing_keeps_a_language_and_a_period_and_refuses_a_bad_date(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    a = hostile_article()
    a.lang, a.published = "en", "2024-03-05T10:00:00+00:00"
    with Store(db) as s:
        s.add_article(a)
    c = TestClient(create_app(db))
    shown = "/article/" + "e" * 20
    assert shown in c.get("/", params={"since": "2024-03", "until": "2024-03-05", "lang": "en"}).text
    assert shown in c.get("/", params={"q": "body", "since": "2024"}).text
    assert shown not in c.get("/", params={"since": "2024-03-06"}).text
    assert shown not in c.get("/", params={"q": "body", "lang": "fr"}).text
    bad = c.get("/", params={"since": EVIL[:10]})
    assert bad.status_code == 400 and "<script>" not in bad.text

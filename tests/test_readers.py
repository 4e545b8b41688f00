"""Readers: every format, auto-detection, decoding, and every kind of bad input.

All inputs are generated in ``tmp_path`` (the WARCs with warcio's own writer) so the tests
document exactly what each reader is expected to cope with.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsdesk.model import RawRecord, ReadError
from newsdesk.readers import ReaderConfig, decode_record, detect_format, iter_records
from newsdesk.readers.base import outlet_from_url
from newsdesk.readers.decode import DecodeError, decode_bytes, decode_detailed, sniff_html_charset

MB = 1024 * 1024


def run(
    *paths: Path | str, fmt: str = "auto", config: ReaderConfig | None = None
) -> list[RawRecord | ReadError]:
    return list(iter_records(list(paths), fmt, config))


def records(items: list[RawRecord | ReadError]) -> list[RawRecord]:
    return [i for i in items if isinstance(i, RawRecord)]


def errors(items: list[RawRecord | ReadError]) -> list[ReadError]:
    return [i for i in items if isinstance(i, ReadError)]


def only_error(items: list[RawRecord | ReadError]) -> ReadError:
    assert len(items) == 1 and isinstance(items[0], ReadError), items
    return items[0]


# -- WARC generation -----------------------------------------------------------------------


def _response(
    writer: WARCWriter, url: str, body: bytes, headers: list[tuple[str, str]], status: str = "200 OK"
):
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)


PAGE = (
    "<html><head><meta charset='windows-1252'><title>Storm hits coast</title></head>"
    "<body><p>The storm reached the coast on Tuesday, officials said.</p></body></html>"
)


def make_warc(path: Path, *, gz: bool) -> list[int]:
    """A small crawl: two pages worth keeping and the usual noise around them."""
    offsets: list[int] = []
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "test"}))
        req = w.create_warc_record(
            "https://www.example-news.co.uk/a/1",
            "request",
            payload=io.BytesIO(b"GET /a/1 HTTP/1.1\r\nHost: www.example-news.co.uk\r\n\r\n"),
        )
        w.write_record(req)
        offsets.append(fh.tell())
        w.write_record(
            _response(
                w,
                "https://www.example-news.co.uk/a/1",
                PAGE.encode("cp1252"),
                [
                    ("Content-Type", "text/html; charset=windows-1252"),
                    ("Last-Modified", "Mon, 03 Mar 2025 10:00:00 GMT"),
                ],
            )
        )
        w.write_record(
            _response(
                w, "https://example.org/logo.png", b"\x89PNG\r\n\x1a\n....", [("Content-Type", "image/png")]
            )
        )
        w.write_record(
            _response(
                w,
                "https://example.org/gone",
                b"<html>not found</html>",
                [("Content-Type", "text/html")],
                "404 Not Found",
            )
        )
        offsets.append(fh.tell())
        body = b"Plain wire copy: prices rose 3% in May.\n"
        w.write_record(
            _response(
                w,
                "https://wire.example.com/story",
                gzip.compress(body),
                [("Content-Type", "text/plain; charset=utf-8"), ("Content-Encoding", "gzip")],
            )
        )
    return offsets


# -- format readers ------------------------------------------------------------------------


def test_text_reader_keeps_bytes_and_records_decoding(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes("Grüße aus Köln.\nZweite Zeile.\n".encode())
    (rec,) = run(p)
    assert isinstance(rec, RawRecord)
    assert rec.content == p.read_bytes() and isinstance(rec.content, bytes)
    assert (rec.input_format, rec.content_type, rec.location) == ("text", "text", None)
    assert rec.meta["decoded_encoding"] == "utf_8"
    assert decode_record(rec).startswith("Grüße")


def test_gzipped_text_and_html(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"Just text.\n"))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(PAGE.encode("cp1252")))
    a, b = run(tmp_path)
    assert isinstance(a, RawRecord) and a.content == b"Just text.\n" and a.content_type == "text"
    assert isinstance(b, RawRecord) and b.content_type == "html" and b.encoding == "cp1252"


def test_html_reader_declared_charset_and_canonical_url(tmp_path: Path) -> None:
    html = (
        "<!DOCTYPE html><html><head><meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>"
        "<link rel='canonical' href='https://www.news.example.co.uk/world/1'></head>"
        "<body><p>Caf\xe9 au lait co\xfbte cher.</p></body></html>"
    ).encode("latin-1")
    p = tmp_path / "page.htm"
    p.write_bytes(html)
    (rec,) = run(p)
    assert isinstance(rec, RawRecord)
    assert rec.input_format == rec.content_type == "html"
    assert rec.encoding == "cp1252"  # latin-1 labels mean windows-1252 (WHATWG)
    assert rec.url == "https://www.news.example.co.uk/world/1" and rec.meta["url_source"] == "canonical"
    assert rec.outlet == "example.co.uk"
    assert "Café au lait coûte" in decode_record(rec)


def test_warc_reader_keeps_pages_and_skips_crawl_noise(tmp_path: Path) -> None:
    p = tmp_path / "crawl.warc"
    offsets = make_warc(p, gz=False)
    items = run(p)
    assert errors(items) == []
    page, wire = records(items)
    assert page.url == "https://www.example-news.co.uk/a/1" and page.outlet == "example-news.co.uk"
    assert (page.input_format, page.content_type, page.encoding) == ("warc", "html", "cp1252")
    assert page.location == f"offset={offsets[0]}"
    assert page.published == "2025-03-03T10:00:00Z" and page.meta["published_source"] == "http-last-modified"
    assert page.meta["crawl_date"] and page.meta["http_status"] == 200
    assert "Storm hits coast" in decode_record(page)
    assert page.meta["encoding_source"] == "http"
    assert wire.content_type == "text" and wire.location == f"offset={offsets[1]}"
    assert wire.content == b"Plain wire copy: prices rose 3% in May.\n"  # gzip body decoded
    assert wire.published is None  # no Last-Modified: the crawl date is not a publication date


def test_warc_gz_detected_by_content_whatever_the_name(tmp_path: Path) -> None:
    p = tmp_path / "crawl.bin"
    make_warc(p, gz=True)
    assert detect_format(p) == "warc"
    assert [r.url for r in records(run(p))] == [
        "https://www.example-news.co.uk/a/1",
        "https://wire.example.com/story",
    ]


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_warc_yields_records_before_the_cut_then_one_error(tmp_path: Path, gz: bool) -> None:
    full = tmp_path / "full.warc"
    offsets = make_warc(full, gz=gz)
    data = full.read_bytes()
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    cut.write_bytes(data[: offsets[1] + (len(data) - offsets[1]) // 2])  # inside the last record
    items = run(cut)
    assert [r.url for r in records(items)] == ["https://www.example-news.co.uk/a/1"]
    (err,) = errors(items)
    assert items[-1] is err
    assert err.reason == "truncated warc after 5 records"
    assert err.location == f"offset={offsets[1]}"


def test_warc_without_http_charset_takes_the_meta_charset(tmp_path: Path) -> None:
    p = tmp_path / "meta.warc"
    with p.open("wb") as fh:
        w = WARCWriter(fh, gzip=False)
        w.write_record(
            _response(w, "https://example.com/x", PAGE.encode("cp1252"), [("Content-Type", "text/html")])
        )
    (rec,) = run(p)
    assert isinstance(rec, RawRecord) and rec.encoding == "cp1252" and rec.meta["encoding_source"] == "meta"
    assert isinstance(rec.content, bytes) and "Storm hits coast" in decode_bytes(rec.content, rec.encoding)


def test_oversized_warc_record_is_one_error_and_the_rest_is_read(tmp_path: Path) -> None:
    p = tmp_path / "big.warc.gz"
    with p.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i, size in enumerate([100, 5000, 100]):
            body = b"<html><body><p>" + b"x" * size + b"</p></body></html>"
            w.write_record(_response(w, f"https://example.com/{i}", body, [("Content-Type", "text/html")]))
    items = run(p, config=ReaderConfig(max_item_bytes=2000))
    assert [type(i).__name__ for i in items] == ["RawRecord", "ReadError", "RawRecord"]
    assert isinstance(items[1], ReadError) and items[1].reason.startswith("too large: ")
    assert items[1].location is not None and items[1].location.startswith("offset=")


def test_whole_file_gzip_warc_is_read_and_its_truncation_reported(tmp_path: Path) -> None:
    plain = tmp_path / "plain.warc"
    make_warc(plain, gz=False)
    blob = gzip.compress(plain.read_bytes())  # `gzip crawl.warc`: one member, not one per record
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(blob)
    items = run(whole)
    assert [r.url for r in records(items)] == [
        "https://www.example-news.co.uk/a/1",
        "https://wire.example.com/story",
    ]
    assert errors(items) == []
    assert all(r.location and r.location.startswith("uncompressed-offset=") for r in records(items))
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(blob[: len(blob) * 9 // 10])
    items = run(cut)
    assert [r.url for r in records(items)] == ["https://www.example-news.co.uk/a/1"]
    (err,) = errors(items)
    assert items[-1] is err and err.reason.startswith("truncated")


def test_wrong_content_length_is_an_error_not_a_stderr_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.warc"
    offsets = make_warc(good, gz=False)
    data = good.read_bytes()
    head_end = data.index(b"\r\n\r\n", offsets[0])
    header = data[offsets[0] : head_end]
    length = int(header.split(b"Content-Length: ")[1].split(b"\r\n")[0])
    bad_header = header.replace(
        f"Content-Length: {length}".encode(), f"Content-Length: {length - 40}".encode()
    )
    bad = tmp_path / "bad.warc"
    bad.write_bytes(data[: offsets[0]] + bad_header + data[head_end:])
    items = run(bad)
    first = items[0]
    assert isinstance(first, ReadError) and first.reason == "warc record with wrong content-length"
    assert first.location == f"offset={offsets[0]}"
    assert capsys.readouterr().err == ""


def test_not_a_warc(tmp_path: Path) -> None:
    p = tmp_path / "x.warc"
    p.write_bytes(b"this is not a warc file at all\n" * 10)
    assert only_error(run(p)).reason.startswith("not a warc file")


def test_jsonl_reader_fields_and_per_line_errors(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "url": "https://www.lemonde.fr/x",
                "html": "<p>Bonjour</p>",
                "published": "2025-01-02",
                "title": "T",
                "lang": "fr",
            }
        ),
        "{not json",
        "",
        json.dumps({"url": "https://a.example.com/y", "text": "Plain body.", "outlet": "Example Wire"}),
        json.dumps([1, 2]),
        json.dumps({"url": "https://z.example.com"}),
    ]
    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = run(p)
    kinds = [(type(i).__name__, i.location) for i in items]
    assert kinds == [
        ("RawRecord", "line=1"),
        ("ReadError", "line=2"),
        ("RawRecord", "line=4"),
        ("ReadError", "line=5"),
        ("ReadError", "line=6"),
    ]
    a, b = records(items)
    assert (a.content, a.content_type, a.outlet, a.published, a.title) == (
        "<p>Bonjour</p>",
        "html",
        "lemonde.fr",
        "2025-01-02",
        "T",
    )
    assert a.meta == {"lang": "fr"} and a.input_format == "jsonl"
    assert (b.content, b.content_type, b.outlet) == ("Plain body.", "text", "Example Wire")
    e2, e5, e6 = errors(items)
    assert e2.reason.startswith("invalid json:")
    assert e5.reason == "line is json list, not an object"
    assert e6.reason == "object has neither html nor text"


@pytest.mark.parametrize("name", ["b.jsonl.gz", "b.ndjson", "b.data"])
def test_jsonl_variants_and_detection(tmp_path: Path, name: str) -> None:
    payload = "".join(
        json.dumps({"url": f"https://x.example.com/{i}", "text": f"item {i}"}) + "\n" for i in range(3)
    )
    data = gzip.compress(payload.encode()) if name.endswith(".gz") else payload.encode()
    p = tmp_path / name
    p.write_bytes(data)
    assert detect_format(p) == "jsonl"
    assert [r.content for r in records(run(p))] == ["item 0", "item 1", "item 2"]


def test_truncated_jsonl_gz_keeps_complete_lines(tmp_path: Path) -> None:
    payload = "".join(json.dumps({"text": f"item {i} " + "x" * 200}) + "\n" for i in range(200)).encode()
    blob = gzip.compress(payload)
    p = tmp_path / "t.jsonl.gz"
    p.write_bytes(blob[: len(blob) * 3 // 4])
    items = run(p)
    good = records(items)
    (err,) = errors(items)
    assert items[-1] is err and 0 < len(good) < 200
    assert err.reason == f"truncated gzip stream after {len(good)} records"
    assert [str(r.content).split()[1] for r in good] == [str(i) for i in range(len(good))]


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Daily</title><link>https://www.example-daily.com/</link>
<item><title>First</title><link>https://www.example-daily.com/first</link>
<pubDate>Tue, 04 Mar 2025 08:30:00 +0100</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>The full first story, with <b>markup</b>.</p>]]></content:encoded></item>
<item><title>Second</title><link>https://www.example-daily.com/second</link>
<description>Only a summary here.</description></item>
<item><title>Empty</title><link>https://www.example-daily.com/empty</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<link href="https://atom.example.org/"/><id>urn:x</id><updated>2025-03-01T00:00:00Z</updated>
<entry><title>A1</title><link href="https://atom.example.org/a1"/><id>urn:a1</id>
<published>2025-03-01T12:00:00Z</published><updated>2025-03-01T12:00:00Z</updated>
<content type="html">&lt;p&gt;Atom body&lt;/p&gt;</content></entry></feed>"""


def test_rss_feed_entries(tmp_path: Path) -> None:
    p = tmp_path / "feed.xml"  # .xml: the <rss> root decides
    p.write_text(RSS, encoding="utf-8")
    items = run(p)
    first, second = records(items)
    (err,) = errors(items)
    assert (
        first.content == "<p>The full first story, with <b>markup</b>.</p>"
    )  # content:encoded beats summary
    assert (first.url, first.title, first.outlet) == (
        "https://www.example-daily.com/first",
        "First",
        "example-daily.com",
    )
    assert first.published == "2025-03-04T07:30:00Z"
    assert (first.location, first.input_format, first.content_type) == ("entry=1", "feed", "html")
    assert second.content == "Only a summary here." and second.location == "entry=2"
    # RSS calls every description HTML; one without markup is cleaned as the text it is
    assert second.content_type == "text"
    assert (err.location, err.reason) == ("entry=3", "feed entry has no content or summary")


def test_plain_rss_descriptions_are_stored_as_text(tmp_path: Path) -> None:
    from newsdesk.clean import clean_record

    items = "".join(
        f"<item><title>Item {i}</title><link>https://x.example/{i}</link><description>The council met on "
        f"Tuesday and voted {i} times on the budget for the coming year, officials said.</description></item>"
        for i in range(3)
    )
    p = tmp_path / "plain.rss"
    p.write_text(f"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>{items}</channel></rss>")
    recs = records(run(p))
    assert [r.content_type for r in recs] == ["text"] * 3
    art = clean_record(recs[1])
    assert "voted 1 times" in art.text


def test_atom_feed_entry(tmp_path: Path) -> None:
    p = tmp_path / "news.atom"
    p.write_text(ATOM, encoding="utf-8")
    (rec,) = run(p)
    assert isinstance(rec, RawRecord)
    assert rec.content == "<p>Atom body</p>" and rec.outlet == "example.org"  # registered domain
    assert rec.published == "2025-03-01T12:00:00Z" and rec.url == "https://atom.example.org/a1"


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    p = tmp_path / "sitemap.xml"
    p.write_bytes(b"<?xml version='1.0'?><urlset><url><loc>https://x.example/</loc></url></urlset>")
    assert detect_format(p) == "feed"
    assert only_error(run(p)).reason.startswith(("not a feed", "feed did not parse"))


def test_broken_feed_is_one_error(tmp_path: Path) -> None:
    p = tmp_path / "broken.rss"
    p.write_bytes(b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title></chan")
    err = only_error(run(p))
    assert err.reason.startswith("feed did not parse")


# -- auto-detection ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.txt", b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("a.txt", b"  <div><p>Fragment of a page</p></div>", "html"),
        ("a.txt", b"Plain prose mentioning <html> later.", "text"),
        ("a.html", gzip.compress(b"<html><body>zipped</body></html>"), "html"),
        ("a.xml", b"<?xml version='1.0'?>\n<!-- c --><rss version='2.0'></rss>", "feed"),
        ("a.xml", b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'></feed>", "feed"),
        ("a.xhtml", b"<?xml version='1.0'?><!DOCTYPE html><html></html>", "html"),
        ("noext", b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
        ("a.txt", b'{"text": "jsonl in disguise"}\n', "jsonl"),
        ("a.txt", b"{not json} just braces\n", "text"),
        ("a.dat", b"\x89PNG\r\n\x1a\n\x00\x00", "text"),  # the text reader reports binary content
    ],
)
def test_detect_format(tmp_path: Path, name: str, data: bytes, expected: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    assert detect_format(p) == expected


def test_forced_format_overrides_detection(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_bytes(b"<html><body>x</body></html>")
    (rec,) = run(p, fmt="text")
    assert isinstance(rec, RawRecord) and rec.content_type == "text"
    with pytest.raises(ValueError, match="unknown input format"):
        list(iter_records([p], "pdf"))


# -- bad inputs ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("img.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "binary content (PNG image)"),
        ("doc.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary content (PDF document)"),
        ("prog", b"\x7fELF\x02\x01\x01" + bytes(100), "binary content (ELF executable)"),
        ("blob.html", bytes(range(1, 32)) * 40, "binary content"),
        ("nul.txt", b"text with a nul\x00 byte in it\n" * 20, "binary content (nul bytes)"),
        ("bad.txt", b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc" * 20, "undecodable: invalid utf-8"),
        ("empty.txt", b"", "empty file"),
        ("empty.jsonl", b"", "empty file"),
        ("empty.warc", b"", "empty file"),
        ("space.txt", b" \n\t\n", "empty file (whitespace only)"),
        (
            "cut.txt.gz",
            gzip.compress(" ".join(map(str, range(20000))).encode())[:3000],
            "truncated gzip stream",
        ),
    ],
)
def test_bad_file_yields_one_line_error(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    err = only_error(run(p))
    assert err.reason.startswith(reason)
    assert err.source_path == str(p)
    assert "\n" not in str(err) and len(err.reason) < 200


def test_bad_file_does_not_stop_the_run(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"first good file\n")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(50))
    (tmp_path / "c.txt").write_bytes(b"")
    (tmp_path / "d.txt").write_bytes(b"last good file\n")
    items = run(tmp_path)
    assert [type(i).__name__ for i in items] == ["RawRecord", "ReadError", "ReadError", "RawRecord"]


def test_huge_single_line_file_rejected_without_loading(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        chunk = b"a" * MB
        for _ in range(50):
            fh.write(chunk)
    tracemalloc.start()
    try:
        err = only_error(run(p))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert err.reason == f"too large: {50 * MB} bytes > limit {20 * MB}"
    assert peak < 4 * MB  # sniffing reads 64 KiB; the size comes from stat


def test_deeply_nested_jsonl_line_is_one_error_and_the_next_line_read(tmp_path: Path) -> None:
    p = tmp_path / "deep.jsonl"
    good = json.dumps({"url": "https://x.example/a", "text": "The council voted on the budget on Tuesday."})
    p.write_text("[" * 100_000 + "]" * 100_000 + "\n" + good + "\n")
    items = run(p)
    (err,) = errors(items)
    (rec,) = records(items)
    assert err.location == "line=1" and err.reason.startswith("invalid json") and "recursion" in err.reason
    assert rec.location == "line=2" and rec.url == "https://x.example/a"


def test_huge_jsonl_line_is_skipped_and_the_next_line_read(tmp_path: Path) -> None:
    p = tmp_path / "big.jsonl"
    with p.open("wb") as fh:
        fh.write(b'{"text": "before"}\n{"text": "')
        fh.write(b"x" * (3 * MB))
        fh.write(b'"}\n{"text": "after"}\n')
    items = run(p, config=ReaderConfig(max_item_bytes=MB))
    assert [type(i).__name__ for i in items] == ["RawRecord", "ReadError", "RawRecord"]
    err = items[1]
    assert isinstance(err, ReadError) and err.location == "line=2"
    assert err.reason == f"too large: {3 * MB + 13} bytes > limit {MB}"
    assert isinstance(items[2], RawRecord) and items[2].content == "after"


def test_gzip_bomb_refused_by_decompressed_size(tmp_path: Path) -> None:
    p = tmp_path / "bomb.txt.gz"
    p.write_bytes(gzip.compress(b"a" * (3 * MB)))
    err = only_error(run(p, config=ReaderConfig(max_item_bytes=MB)))
    assert err.reason == f"too large: more than {MB} bytes decompressed > limit {MB}"


def test_deeply_nested_html_passes_through(tmp_path: Path) -> None:
    p = tmp_path / "deep.html"
    p.write_bytes(
        b"<html><body>" + b"<div>" * 200_000 + b"deep text" + b"</div>" * 200_000 + b"</body></html>"
    )
    (rec,) = run(p)
    assert isinstance(rec, RawRecord) and rec.content_type == "html" and len(rec.content) > 2_000_000


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "secret.txt"
    p.write_bytes(b"hidden text\n")
    real_open = Path.open

    def guarded_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == p:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded_open)
    assert only_error(run(p)).reason == "permission denied"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores file permissions")
def test_unreadable_file_real_permissions(tmp_path: Path) -> None:
    p = tmp_path / "secret.txt"
    p.write_bytes(b"hidden text\n")
    p.chmod(0)
    try:
        assert only_error(run(p)).reason == "permission denied"
    finally:
        p.chmod(0o600)


def test_broken_symlink_in_walk_and_given_directly(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_bytes(b"fine\n")
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "missing.txt")
    items = run(tmp_path)
    assert [(type(i).__name__, Path(i.source_path).name) for i in items] == [
        ("ReadError", "dangling.txt"),
        ("RawRecord", "ok.txt"),
    ]
    assert isinstance(items[0], ReadError) and items[0].reason == "broken symlink"
    assert only_error(run(link)).reason == "broken symlink"
    assert only_error(run(tmp_path / "nowhere")).reason == "no such file or directory"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_skipped_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")  # reading it would block forever
    (tmp_path / "z.txt").write_bytes(b"after the pipe\n")
    items = run(tmp_path)
    assert [type(i).__name__ for i in items] == ["ReadError", "RawRecord"]
    assert isinstance(items[0], ReadError) and items[0].reason == "not a regular file"


def test_symlinks_followed_once_and_optionally_not_at_all(tmp_path: Path) -> None:
    d = tmp_path / "d"
    d.mkdir()
    (d / "a.txt").write_bytes(b"a\n")
    (d / "loop").symlink_to(d)  # a cycle must not recurse forever
    (tmp_path / "link.txt").symlink_to(d / "a.txt")
    items = run(tmp_path)
    assert [Path(i.source_path).name for i in records(items)] == ["a.txt", "link.txt"]
    assert [e.reason for e in errors(items)] == ["symlink loop (directory already visited)"]
    no_follow = run(tmp_path, config=ReaderConfig(follow_symlinks=False))
    assert [Path(i.source_path).name for i in no_follow] == ["a.txt"]


# -- directory walk and laziness -----------------------------------------------------------


def test_directory_walk_is_sorted_recursive_and_skips_hidden(tmp_path: Path) -> None:
    for rel in [
        "b/z.txt",
        "b/a.txt",
        "a.txt",
        "c.txt",
        "b/sub/m.txt",
        ".hidden.txt",
        ".git/x.txt",
        "b/.x.txt",
    ]:
        f = tmp_path / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(f"{rel}\n".encode())
    expected = ["a.txt", "b/a.txt", "b/sub/m.txt", "b/z.txt", "c.txt"]
    first = [str(Path(r.source_path).relative_to(tmp_path)) for r in run(tmp_path)]
    second = [str(Path(r.source_path).relative_to(tmp_path)) for r in run(tmp_path)]
    assert first == second == expected


def test_iteration_is_lazy(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(b"file one\n")
    b.write_bytes(b"file two, original\n")
    it = iter_records([tmp_path])
    first = next(it)
    assert isinstance(first, RawRecord) and first.content == b"file one\n"
    b.write_bytes(b"file two, rewritten after the first record was consumed\n")
    second = next(it)
    assert isinstance(second, RawRecord) and isinstance(second.content, bytes)
    assert second.content.startswith(b"file two, rewritten")


def test_a_single_path_is_not_iterated_character_by_character(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"one\n")
    assert [r.content for r in records(list(iter_records(str(tmp_path))))] == [b"one\n"]
    assert [r.content for r in records(list(iter_records(tmp_path)))] == [b"one\n"]


def test_paths_iterable_is_consumed_lazily(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(b"one\n")

    def paths() -> Iterator[Path]:
        yield p
        raise AssertionError("second path requested before the first record was consumed")

    assert isinstance(next(iter_records(paths())), RawRecord)


# -- decoding ------------------------------------------------------------------------------


GERMAN = "Der Bürgermeister sagte am Dienstag, die Straße werde für den Verkehr gesperrt. „Wir prüfen das“, hieß es. "


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (GERMAN * 3, "cp1252"),
        ("Le café coûte très cher à Paris, déjà élevé depuis l'été dernier. " * 3, "latin-1"),
        ("日本語のテキストです。東京は晴れです。今日はいい天気ですね。", "shift_jis"),
        ("中文新闻报道，北京今天天气晴朗。记者说明了情况。", "gb18030"),
        ("Привет, это новости из Москвы сегодня.", "cp1251"),
    ],
)
def test_decode_legacy_encodings_without_declaration(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec)) == text


def test_decode_boms_and_declared() -> None:
    assert decode_bytes("héllo".encode("utf-16")) == "héllo"  # BOM included by the codec
    assert decode_bytes(b"\xef\xbb\xbfh\xc3\xa9") == "hé"
    assert decode_bytes("‘quote’ €5".encode("cp1252"), "windows-1252") == "‘quote’ €5"
    assert decode_bytes("Zażółć gęślą".encode("iso-8859-2"), "iso-8859-2") == "Zażółć gęślą"
    d = decode_detailed("señor café".encode(), "iso-8859-1")  # mislabelled UTF-8
    assert (d.text, d.source) == ("señor café", "utf-8")
    assert decode_bytes("hello wörld".encode("utf-16-le") * 3) == "hello wörld" * 3  # no BOM


def test_decode_refuses_binary_and_soup() -> None:
    for data, reason in [
        (b"PK\x03\x04" + bytes(30), "binary content (ZIP archive)"),
        (b"\x89PNG\r\n\x1a\n", "binary content (PNG image)"),
        (bytes(range(0x80, 0x100)) * 4, "undecodable"),
    ]:
        with pytest.raises(DecodeError) as exc:
            decode_bytes(data)
        assert exc.value.reason.startswith(reason)


def test_mixed_encoding_repaired_per_line(tmp_path: Path) -> None:
    data = "Héllo wörld “quoted”\n".encode() + b"second line caf\xe9 \x93x\x94\n" + "third ünïcode\n".encode()
    d = decode_detailed(data)
    assert d.text == "Héllo wörld “quoted”\nsecond line café “x”\nthird ünïcode\n"
    assert (d.source, d.repaired_lines, d.repaired_bytes) == ("utf-8+cp1252-repair", [2], 3)
    p = tmp_path / "mixed.txt"
    p.write_bytes(data)
    (rec,) = run(p)
    assert isinstance(rec, RawRecord)
    assert rec.meta["encoding_repair"]["lines"] == [2] and rec.meta["encoding_repair"]["bytes"] == 3
    assert decode_record(rec) == d.text


def test_mostly_legacy_file_is_not_repaired_but_detected() -> None:
    data = (GERMAN * 3).encode("cp1252") + "ü".encode()  # one stray UTF-8 sequence
    d = decode_detailed(data)
    assert d.source == "detected" and d.text.startswith("Der Bürgermeister")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (b"<html><head><meta charset=utf-8>", "utf_8"),
        (b"<meta charset='Shift_JIS'>", "cp932"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "cp1252"),
        (b"<?xml version='1.0' encoding='windows-1250'?><html>", "cp1250"),
        (b"<meta charset='utf-16'>", "utf_8"),
        (b"<meta charset='no-such-charset'>", None),
        (b"<html><body>" + b"<div>" * 100_000, None),
    ],
)
def test_sniff_html_charset(html: bytes, expected: str | None) -> None:
    assert sniff_html_charset(html) == expected


def test_html_meta_charset_drives_decoding(tmp_path: Path) -> None:
    page = "<html><head><meta charset='windows-1251'></head><body>Новости дня</body></html>".encode("cp1251")
    p = tmp_path / "ru.html"
    p.write_bytes(page)
    (rec,) = run(p)
    assert isinstance(rec, RawRecord) and rec.encoding == "cp1251"
    assert "Новости дня" in decode_record(rec)


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.bbc.co.uk/news/world-1", "bbc.co.uk"),
        ("https://edition.cnn.com/2025/01/01/x", "cnn.com"),
        ("http://www.lemonde.fr", "lemonde.fr"),
        ("https://localhost:8080/a", "localhost"),
        ("not a url", None),
        (None, None),
    ],
)
def test_outlet_from_url(url: str | None, outlet: str | None) -> None:
    assert outlet_from_url(url) == outlet


# -- properties ----------------------------------------------------------------------------

_NAMES = st.sampled_from(
    ["x.txt", "x.html", "x.warc", "x.warc.gz", "x.jsonl", "x.jsonl.gz", "x.rss", "x.xml", "x"]
)
_PREFIXES = st.sampled_from(
    [b"", b"WARC/1.0\r\n", b"\x1f\x8b", b'{"text": "a"}\n', b"<rss>", b"<html>", b"\xef\xbb\xbf", b"\xff\xfe"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=_NAMES, prefix=_PREFIXES, body=st.binary(max_size=2000), gz=st.booleans())
def test_any_bytes_give_records_or_one_line_errors_never_exceptions(
    name: str, prefix: bytes, body: bytes, gz: bool
) -> None:
    import tempfile

    data = prefix + body
    if gz:
        data = gzip.compress(data)[: max(2, len(data) // 2 + 10)]  # often truncated, too
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / name
        p.write_bytes(data)
        items = list(iter_records([p]))
    assert items, "every input yields at least one record or error"
    for item in items:
        assert isinstance(item, RawRecord | ReadError)
        if isinstance(item, ReadError):
            assert item.reason and "\n" not in item.reason and len(item.reason) < 200


@settings(max_examples=200, deadline=None)
@given(
    data=st.binary(max_size=3000),
    declared=st.sampled_from([None, "utf-8", "latin-1", "shift_jis", "bogus", "utf-16"]),
)
def test_decode_bytes_returns_text_or_raises_decode_error(data: bytes, declared: str | None) -> None:
    try:
        text = decode_bytes(data, declared)
    except DecodeError as exc:
        assert exc.reason and "\n" not in exc.reason
    else:
        assert isinstance(text, str)


def test_directory_walk_passes_over_docs_and_names_outlet_from_domain_dirs(tmp_path: Path) -> None:
    site = tmp_path / "www.harbour.example"
    site.mkdir()
    (site / "story.txt").write_text("A headline\n\nSome body text for the story.\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# corpus notes\n", encoding="utf-8")
    (tmp_path / "MANIFEST.json").write_text("{}", encoding="utf-8")
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02" * 100)
    plain = tmp_path / "not a domain"
    plain.mkdir()
    (plain / "other.txt").write_text("Title\n\nBody text here.\n", encoding="utf-8")
    items = list(iter_records([tmp_path]))
    names = sorted(Path(i.source_path).name for i in items)
    assert names == ["blob.bin", "other.txt", "story.txt"]
    by_name = {Path(i.source_path).name: i for i in items}
    assert isinstance(by_name["blob.bin"], ReadError)
    story, other = by_name["story.txt"], by_name["other.txt"]
    assert isinstance(story, RawRecord) and story.outlet == "harbour.example"
    assert isinstance(other, RawRecord) and other.outlet is None
    # named explicitly, a skipped suffix is still read
    assert len(list(iter_records([tmp_path / "README.md"]))) == 1


def _stdin_of(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_standard_input_is_read_as_a_file_named_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    """``newsdesk clean -``: what a pipe brings is sniffed like a file (here gzipped HTML),
    its items say they came from <stdin>, and a second pass over the inputs (templates are
    learned in a first one) reads the same items, though a pipe can be read only once."""
    from newsdesk.readers import STDIN_NAME

    page = b"<html><head><title>Harbour strike ends</title></head><body><p>Dockers voted.</p></body></html>"
    _stdin_of(monkeypatch, gzip.compress(page))
    first = list(iter_records(["-"]))
    again = list(iter_records([Path("-")]))
    assert len(first) == 1 and isinstance(first[0], RawRecord)
    assert first[0].source_path == STDIN_NAME and first[0].content_type == "html"
    assert first[0].content == page
    assert [(r.source_path, r.content) for r in again] == [(r.source_path, r.content) for r in first]


def test_empty_standard_input_is_one_error(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin_of(monkeypatch, b"")
    out = list(iter_records(["-"]))
    assert len(out) == 1 and isinstance(out[0], ReadError)
    assert out[0].source_path == "<stdin>" and out[0].reason == "empty file"


@pytest.mark.parametrize("url", ["http://[bad/a", "http://[::1", "://", "javascript:alert(1)"])
@pytest.mark.parametrize("kind", ["text", "html"])
def test_a_malformed_url_is_kept_and_the_article_cleaned(tmp_path: Path, url: str, kind: str) -> None:
    """A JSONL line's URL that urlsplit refuses (an unclosed IPv6 bracket raised ValueError in
    the cleaner, so the article became an ingestion error): the article is cleaned, the URL
    kept as given, no outlet read from it."""
    from newsdesk.clean import clean_record

    body = "The council voted on the budget on Tuesday after a long debate in the chamber."
    more = "Opposition members said the plan cut too deep into the money for schools and roads."
    content = (
        f"Council passes the budget\n\n{body}\n\n{more}\n"
        if kind == "text"
        else f"<html><body><article><h1>Budget</h1><p>{body}</p><p>{more}</p></article></body></html>"
    )
    p = tmp_path / "bad-url.jsonl"
    p.write_text(json.dumps({"url": url, kind: content}) + "\n")
    (rec,) = records(run(p))
    art = clean_record(rec)
    assert art.url == url.strip()
    assert art.outlet is None
    assert "council voted on the budget" in art.text
    art.check_spans()


def test_a_character_reference_to_a_surrogate_does_not_lose_the_feed(tmp_path: Path) -> None:
    """feedparser turned "&#55296;" into a lone surrogate and failed to encode it: the whole
    feed was one error.  The reference now reads as U+FFFD and every entry is read."""
    p = tmp_path / "f.rss"
    p.write_bytes(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>X</title>'
        b"<item><title>Bridge &#55296; opens</title><link>https://x.example/a</link>"
        b"<description>The mayor &#xD800; opened the new bridge on Monday &#233;.</description></item>"
        b"<item><title>Second</title><link>https://x.example/b</link>"
        b"<description>Traffic was expected to ease within weeks.</description></item>"
        b"</channel></rss>"
    )
    items = run(p)
    assert errors(items) == []
    first, second = records(items)
    assert first.title == "Bridge \ufffd opens"
    assert "mayor \ufffd opened" in str(first.content) and "Monday \u00e9" in str(first.content)
    assert second.url == "https://x.example/b"


def test_newsdesk_own_jsonl_output_reads_back_with_its_fields(tmp_path: Path) -> None:
    """A line of ``newsdesk clean --format jsonl`` holds the title as a span object; it was
    turned into its Python repr ("{'text': ...}") and that became the next article's title."""
    from newsdesk.clean import clean_text

    art = clean_text("Council passes the budget\n\nThe council voted on the budget on Tuesday.")
    art.url, art.outlet, art.published = "https://x.example/a", "x.example", "2024-03-12"
    p = tmp_path / "out.jsonl"
    row = json.loads(art.to_json())
    row["tags"] = ["a", "b"]
    row["published"] = 1710201600  # a number is read as written
    p.write_text(json.dumps(row) + "\n" + json.dumps({"text": "x y z", "title": ["a list"]}) + "\n")
    first, second = records(run(p))
    assert first.title == "Council passes the budget"
    assert (first.url, first.outlet, first.published) == ("https://x.example/a", "x.example", "1710201600")
    assert first.content == art.text and first.meta["tags"] == ["a", "b"]
    assert second.title is None


def test_a_warc_body_its_content_encoding_cannot_undo_says_so(tmp_path: Path) -> None:
    """warcio yields no bytes, not an error, for a body declared gzip that is not: the
    error said "empty payload", as if the server had sent nothing."""
    p = tmp_path / "c.warc.gz"
    with p.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for uri, body, coding in (
            ("http://x.example/bad", b"\x1f\x8b\x08\x00garbage", "gzip"),
            ("http://x.example/ok", gzip.compress(b"<html><body><p>Fine page.</p></body></html>"), "gzip"),
        ):
            hdr = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", coding)],
                "HTTP/1.1",
            )
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=hdr))
    items = run(p)
    (err,) = errors(items)
    assert err.reason == "empty or undecodable http body (Content-Encoding: gzip)"
    (rec,) = records(items)
    assert rec.url == "http://x.example/ok" and b"Fine page." in bytes(rec.content)


def test_a_page_named_jsonl_is_one_error_not_one_a_line(tmp_path: Path) -> None:
    """A text page saved as ".jsonl" gave an "invalid json" error for each of its lines."""
    page = tmp_path / "page.jsonl"
    page.write_text("\n".join(f"Line {i} of a page, not JSON." for i in range(130)) + "\n")
    (err,) = run(page)
    assert isinstance(err, ReadError) and err.location is None
    assert err.reason.startswith("not JSON Lines: none of the first 20 lines is JSON")
    # a few bad lines before the first JSON one are still reported one by one, in order
    mixed = tmp_path / "mixed.jsonl"
    good = json.dumps({"text": "The council voted."})
    mixed.write_text("\n".join(["oops"] * 19 + [good, "oops"]) + "\n")
    items = run(mixed)
    assert [type(i).__name__ for i in items] == ["ReadError"] * 19 + ["RawRecord", "ReadError"]
    assert [i.location for i in items][-3:] == ["line=19", "line=20", "line=21"]

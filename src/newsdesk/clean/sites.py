"""The names a site goes by, shared by the HTML path (titles, bylines) and the author split."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

NON_ALNUM = re.compile(r"[\W_]+")


def host_of(url: str | None) -> str | None:
    """The URL's host name, or None.  A URL a scraper or a JSONL file got wrong
    ("http://[bad/a": urlsplit raises on an unclosed IPv6 bracket) names no host; the
    article is still cleaned, where the raise made it an ingestion error."""
    if not url:
        return None
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None


def site_keys(sitename: str | None, hostname: str | None) -> set[str]:
    """The names a site goes by, letters and digits only: its declared name, its host
    name, and the host's first label ("homify" of homify.de)."""
    keys = set()
    if sitename:
        keys.add(sitename)
    if hostname:
        host = hostname.lower().removeprefix("www.")
        keys.update((host, host.split(".")[0]))
    return {k for k in (NON_ALNUM.sub("", x.casefold()) for x in keys) if k}

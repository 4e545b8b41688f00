"""The names a site goes by, shared by the HTML path (titles, bylines) and the author split."""

from __future__ import annotations

import re

NON_ALNUM = re.compile(r"[\W_]+")


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

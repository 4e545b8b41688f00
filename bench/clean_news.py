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

A second figure reads SemEval-2022 task 8's news texts (../shared/data/semeval8; 2,062
distinct texts, 1,531 of them a whole article on one line, most cut at a length mid-sentence):
how many texts keep less than half of their characters, and how many keep none (session 38:
751 kept none before a long line holding sentences counted as prose).  jusText beside it,
with the stoplist of each text's language.

    .venv/bin/python bench/clean_news.py            # PolNeAR train and dev, SemEval texts
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


def semeval_texts() -> list[str]:
    path = data_path("semeval8", "train.jsonl.gz")
    if not path.exists():
        return []
    seen: dict[str, None] = {}
    for row in read_jsonl_gz(path):
        for key in ("text1", "text2"):
            if row[key].strip():
                seen.setdefault(row[key], None)
    return list(seen)


def kept_share(text: str) -> tuple[float, float]:
    """(newsdesk, jusText): the share of the text's characters each keeps as the article."""
    total = sum(len(ln.strip()) for ln in text.splitlines()) or 1
    art = clean_text(text)
    ours = sum(len(p.text) for p in art.paragraphs)
    ours += sum(len(f.text) for f in (art.title, art.deck) if f is not None)
    # jusText with the stoplist of the text's language, as bench/plaintext_eval.py runs it
    sys.path.insert(0, str(ROOT / "bench"))
    from newsdesk.lang import detect
    from plaintext_eval import run_justext

    kept = run_justext(text, detect(text[:1000]).lang)
    return ours / total, sum(len(ln.strip()) for ln in kept.splitlines()) / total


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
    semeval = semeval_texts()[: args.limit]
    if semeval:
        shares = [kept_share(t) for t in semeval]
        one_line = sum(1 for t in semeval if len([ln for ln in t.splitlines() if ln.strip()]) == 1)
        print(f"\nSemEval-2022 task 8 news texts: {len(semeval)} ({one_line} of them one line)")
        for k, name in enumerate(("newsdesk", "jusText 3")):
            half = sum(1 for x in shares if x[k] < 0.5)
            none = sum(1 for x in shares if x[k] == 0)
            print(f"{name:10s} keeps less than half of {half} texts, nothing of {none}")


if __name__ == "__main__":
    main()

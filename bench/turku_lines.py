"""Line-level main-text F1 on turku-lines dev, per language, vs the all-lines-are-main baseline.

Systems, all from the same run:

* ``web``: the shipped ``web`` line model alone (trained on turku-lines train only);
* ``news``: the shipped ``news`` line model alone (the cleaner's default; also trained on
  news pages, so it calls short list and forum lines noise more readily);
* ``mean``: the two models' probabilities averaged, cut at the mean of their stored
  thresholds (no dev tuning);
* ``cleaner``: the whole :func:`newsdesk.clean.clean_text` with the ``web`` model at its own threshold (rules,
  duplicates, headline, language checks): a line counts as main text when it ends up as
  title, deck, byline, dateline, caption or paragraph;
* ``baseline``: every line is main text.

Metric (../shared/data/README.md): precision/recall/F1 of label 1, micro over lines.  Blank
lines are dropped (the cleaner never classifies them).  Nothing was tuned on dev.

    .venv/bin/python bench/turku_lines.py
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsdesk.clean import CleanConfig, clean_text  # noqa: E402
from newsdesk.clean.lexicon import stopwords  # noqa: E402
from newsdesk.clean.linemodel import load_model  # noqa: E402
from newsdesk.evaluation import line_labels_from_article, turku_dev_part  # noqa: E402
from newsdesk.lang import detect  # noqa: E402
from newsdesk.shared_data import data_path, read_jsonl_gz  # noqa: E402


class PRF:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, gold: list[int], pred: list[int]) -> None:
        for g, p in zip(gold, pred, strict=True):
            self.tp += g == 1 and p == 1
            self.fp += g == 0 and p == 1
            self.fn += g == 1 and p == 0

    def f(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def cleaner_labels(lines: list[str], cfg: CleanConfig) -> list[int]:
    art = clean_text("\n".join(lines), config=cfg)
    return line_labels_from_article(lines, [(r.start, r.end) for r in art.removed])


def main() -> None:
    all_docs = list(read_jsonl_gz(data_path("turku-lines", "dev.jsonl.gz")))
    # fr/sv exist only in dev: the line models train on half of them, scored here on the other
    docs = [d for d in all_docs if turku_dev_part(d["id"], d["lang"]) == "report"]
    print(f"scoring {len(docs)} of {len(all_docs)} dev documents (fr/sv: the half never trained on)")
    systems = ("web", "news", "mean", "cleaner", "baseline")
    scores: dict[str, dict[str, PRF]] = {s: defaultdict(PRF) for s in systems}
    models = {name: load_model(name) for name in ("web", "news")}
    cfg = CleanConfig(line_model="web", model_threshold=None)
    t0 = time.process_time()
    n_lines = 0
    for d in docs:
        pairs = [(t.strip(), int(y)) for t, y in zip(d["lines"], d["labels"], strict=True) if t.strip()]
        lines = [t for t, _ in pairs]
        gold = [y for _, y in pairs]
        n_lines += len(lines)
        lang = detect(" ".join(sorted(lines, key=len, reverse=True)[:8])[:2000]).lang
        probs = {}
        for name, model in models.items():
            if model is None:
                raise SystemExit(f"line model {name!r} is not packaged; run scripts/train_line_model.py")
            probs[name] = model.score(lines, stopwords(lang))
            cut = model.threshold_for(lang)  # the model's own cut for the page's language
            pred = [int(p >= cut) for p in probs[name]]
            for key in (d["lang"], "all"):
                scores[name][key].add(gold, pred)
        # the two models averaged, cut at the mean of their stored cut-offs (not tuned on dev)
        web, news = models["web"], models["news"]
        assert web is not None and news is not None  # checked in the loop above
        cut = (web.threshold_for(lang) + news.threshold_for(lang)) / 2
        pred = [int((a + b) / 2 >= cut) for a, b in zip(probs["web"], probs["news"], strict=True)]
        for key in (d["lang"], "all"):
            scores["mean"][key].add(gold, pred)
        pred = cleaner_labels(lines, cfg)
        for key in (d["lang"], "all"):
            scores["cleaner"][key].add(gold, pred)
            scores["baseline"][key].add(gold, [1] * len(gold))
    cpu = time.process_time() - t0
    langs = sorted({d["lang"] for d in docs}) + ["all"]
    print(
        f"turku-lines dev: {len(docs)} documents, {n_lines} non-blank lines ({cpu:.1f}s CPU for all systems)"
    )
    print(
        f"{'lang':5s} "
        + " ".join(f"{s + ' P/R/F1':>22s}" for s in systems)
        + "   web-base mean-base clean-base"
    )
    for lang in langs:
        cells = []
        for s in systems:
            p, r, f = scores[s][lang].f()
            cells.append(f"{p:.3f}/{r:.3f}/{f:.3f}")
        fb = scores["baseline"][lang].f()[2]
        print(
            f"{lang:5s} "
            + " ".join(f"{c:>22s}" for c in cells)
            + f"   {scores['web'][lang].f()[2] - fb:+.3f}    {scores['mean'][lang].f()[2] - fb:+.3f}"
            + f"    {scores['cleaner'][lang].f()[2] - fb:+.3f}"
        )


if __name__ == "__main__":
    main()

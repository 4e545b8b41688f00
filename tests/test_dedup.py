"""Duplicate groups: every kind, canonical choice, incremental = batch, idempotence, seeds."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from newsdesk.dedup import DedupIndex, MinHasher, exact_key, find_credit
from newsdesk.dedup.batch import BatchGrouper
from newsdesk.dedup.minhash import band_keys, exact_overlap, jaccard_estimate, normalise
from newsdesk.model import Article, Paragraph, Span, content_id
from newsdesk.store import Store

WORDS = [
    "the",
    "minister",
    "said",
    "on",
    "tuesday",
    "that",
    "government",
    "would",
    "review",
    "budget",
    "plan",
    "after",
    "protests",
    "in",
    "capital",
    "where",
    "thousands",
    "gathered",
    "outside",
    "parliament",
    "demanding",
    "new",
    "elections",
    "police",
    "reported",
    "several",
    "arrests",
    "while",
    "opposition",
    "leaders",
    "called",
    "for",
    "calm",
    "and",
    "talks",
    "with",
    "unions",
    "over",
    "wages",
    "prices",
    "energy",
    "costs",
    "rose",
    "sharply",
    "this",
    "year",
    "according",
    "to",
    "central",
    "bank",
    "figures",
    "released",
    "monday",
    "economists",
    "expect",
    "inflation",
    "to",
    "slow",
    "but",
    "warned",
    "that",
    "housing",
    "market",
    "remains",
    "fragile",
    "farmers",
    "blocked",
    "roads",
    "near",
    "border",
    "city",
    "officials",
    "closed",
    "schools",
    "hospital",
    "staff",
    "strike",
    "continued",
    "into",
    "second",
    "week",
    "health",
    "ministry",
    "spokesman",
    "declined",
    "comment",
    "court",
    "ruled",
    "against",
    "company",
    "appeal",
    "regulators",
    "fined",
    "firm",
    "million",
    "euros",
    "for",
    "breaching",
    "rules",
    "on",
    "data",
    "privacy",
    "users",
    "complained",
    "about",
    "service",
    "outages",
    "airline",
    "cancelled",
    "flights",
    "due",
    "storm",
    "weather",
    "forecast",
    "predicts",
    "heavy",
    "rain",
    "flooding",
    "rivers",
    "coastal",
    "towns",
    "evacuated",
    "residents",
    "shelters",
    "volunteers",
    "delivered",
    "food",
]


def story(seed: int, paragraphs: int = 8, words: int = 45) -> list[str]:
    """Deterministic pseudo-news paragraphs; different seeds share words but not word sequences."""
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "." for _ in range(paragraphs)]


def make(
    paras: list[str],
    *,
    outlet: str | None = "a.example",
    published: str | None = "2024-03-01",
    title: str = "T",
) -> Article:
    raw = title + "\n\n"
    ps = []
    for p in paras:
        start = len(raw)
        raw += p
        ps.append(Paragraph(p, start, len(raw)))
        raw += "\n\n"
    art = Article(
        id=content_id(f"{outlet}|{published}|{raw}"),
        raw=raw,
        outlet=outlet,
        published=published,
        title=Span(title, 0, len(title)),
        paragraphs=ps,
    )
    art.check_spans()
    return art


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "d.db")
    yield s
    s.close()


def index_with(store: Store, *arts: Article) -> DedupIndex:
    for a in arts:
        store.add_article(a)
    return DedupIndex(store)


def snapshot(index: DedupIndex) -> list[dict[str, object]]:
    return [g.to_dict() for g in index.groups()]


# -- fingerprints ------------------------------------------------------------------------
def test_exact_key_folds_whitespace_quotes_and_case() -> None:
    assert exact_key("He said \u201cno\u201d  today.\n") == exact_key('he said "NO" today.')
    assert exact_key("It\u2019s over") == exact_key("it's over")
    assert exact_key("one text") != exact_key("another text")
    assert normalise("  A\u00a0B \u2014 C ") == "a b - c"


def test_minhash_estimates_jaccard_and_is_stable_across_instances() -> None:
    a = " ".join(story(1))
    b = " ".join(story(1)[:4] + story(2)[:4])
    h1, h2 = MinHasher(), MinHasher()
    fa, fb = h1.fingerprints([a, b])
    assert np.array_equal(fa.signature, h2.fingerprint(a).signature)  # persisted signatures stay valid
    j_true, _ = exact_overlap(h1.shingle_set(a), h1.shingle_set(b))
    assert abs(jaccard_estimate(fa.signature, fb.signature) - j_true) < 0.12
    keys = band_keys(np.stack([fa.signature, fa.signature]), 64, 2)
    assert keys.shape == (2, 64) and (keys >= 0).all() and np.array_equal(keys[0], keys[1])
    # batch and single fingerprints agree
    assert np.array_equal(h1.fingerprints([b, a])[1].signature, fa.signature)


# -- kinds ---------------------------------------------------------------------------------
def test_exact_duplicate_whatever_headline(store: Store) -> None:
    base = make(story(1), title="Original headline")
    copy = make(
        [p.upper().replace(" ", "  ") for p in story(1)], title="Another headline", published="2024-03-02"
    )
    index = index_with(store, base, copy)
    index.add(base)
    res = index.add(copy)
    assert res.new and res.group_id is not None
    assert res.kind == "exact" and res.similarity == 1.0
    assert res.canonical_id == base.id


def test_near_duplicate_with_edits(store: Store) -> None:
    paras = story(3)
    edited = list(paras)
    edited[2] = edited[2].replace("the", "a", 2)
    edited[5] = story(99, 1)[0]  # one paragraph rewritten
    base, copy = make(paras), make(edited, published="2024-03-02")
    index = index_with(store, base, copy)
    index.add_many([base, copy])
    g = index.group_of(copy.id)
    assert g is not None and g.canonical_id == base.id
    member = next(m for m in g.members if m.id == copy.id)
    assert member.kind == "near" and 0.5 <= member.similarity < 1.0


def test_truncated_copy_is_contained(store: Store) -> None:
    paras = story(4, paragraphs=10)
    base, short = make(paras), make(paras[:3], published="2024-03-02")
    index = index_with(store, base, short)
    index.add_many([base, short])
    g = index.group_of(short.id)
    assert g is not None
    member = next(m for m in g.members if m.id == short.id)
    assert member.kind == "contained" and member.similarity >= 0.8


def test_same_body_other_outlet_is_syndicated_with_credit(store: Store) -> None:
    paras = ["WASHINGTON (AP) \u2014 " + story(5)[0], *story(5)[1:]]
    base = make(paras, outlet="apnews.com", published="2024-03-01T10:00:00Z")
    wrapped = make(
        ["Our partners at the AP report the following."]
        + paras
        + ["Subscribe to our newsletter for more news."],
        outlet="localpaper.example",
        published="2024-03-01T12:00:00Z",
    )
    index = index_with(store, base, wrapped)
    index.add_many([wrapped, base])
    g = index.group_of(base.id)
    assert g is not None and g.canonical_id == base.id
    member = next(m for m in g.members if m.id == wrapped.id)
    assert member.kind == "syndicated" and member.basis in ("near", "contained")
    assert "AP" in g.credits


def test_different_stories_and_shared_wrapper_do_not_merge(store: Store) -> None:
    wrapper_top = ["This story was originally published by our partners and is republished with permission."]
    wrapper_end = [
        "Subscribe to the Daily Herald newsletter to get the top stories in your inbox every morning.",
        "Follow us on Twitter, Facebook and Instagram for breaking news and updates from our newsroom.",
        "Copyright Daily Herald Media Group. All rights reserved. This material may not be redistributed.",
    ]
    a = make(wrapper_top + story(6, 2) + wrapper_end, outlet="herald.example")
    b = make(wrapper_top + story(7, 2) + wrapper_end, outlet="herald.example", published="2024-03-02")
    c = make(story(8), outlet="herald.example")
    index = index_with(store, a, b, c)
    results = index.add_many([a, b, c])
    assert all(r.group_id is None for r in results)
    assert list(index.groups()) == []


# -- canonical, incrementality, idempotence ------------------------------------------------
def test_canonical_is_earliest_then_most_complete(store: Store) -> None:
    paras = story(9, paragraphs=10)
    later_full = make(paras, published="2024-03-05", outlet="x.example")
    early_short = make(paras[:6], published="2024-03-01", outlet="x.example")
    undated = make(paras, published=None, outlet="y.example")
    same_day_full = make(paras + ["An extra closing paragraph with more detail."], published="2024-03-01")
    index = index_with(store, later_full, early_short, undated, same_day_full)
    index.add_many([later_full, early_short, undated, same_day_full])
    g = index.group_of(undated.id)
    assert g is not None and g.size == 4
    # earliest day wins; among the two from 2024-03-01 the longer body wins
    assert g.canonical_id == same_day_full.id
    assert g.members[0].id == same_day_full.id and g.members[0].kind == "canonical"
    d = g.to_dict()
    assert set(d) == {"group_id", "canonical_id", "members"}
    assert all(set(m) == {"id", "outlet", "title", "kind", "similarity"} for m in d["members"])


def test_incremental_equals_batch_in_any_order(tmp_path: Path) -> None:
    paras = story(10, paragraphs=9)
    arts = [
        make(paras, published="2024-03-02"),
        make(paras[:4], published="2024-03-01", outlet="b.example"),
        make([*paras, "Extra footer line from another outlet site."], outlet="c.example"),
        make(story(11)),
        make(story(11)[:5], outlet="d.example", published="2024-02-01"),
    ]
    snaps = []
    for run, order in enumerate([arts, list(reversed(arts)), [arts[3], arts[0], arts[4], arts[2], arts[1]]]):
        with Store(tmp_path / f"r{run}.db") as store:
            index = index_with(store, *order)
            if run == 0:
                index.add_many(order)  # all at once
            else:
                for a in order:  # one by one
                    index.add(a)
            snaps.append(snapshot(index))
    assert snaps[0] == snaps[1] == snaps[2]
    assert len(snaps[0]) == 2


def test_adding_twice_changes_nothing(store: Store) -> None:
    paras = story(12)
    a, b = make(paras), make(paras[:5], outlet="z.example")
    index = index_with(store, a, b)
    index.add_many([a, b])
    tables = ("dedup_docs", "dedup_bands", "dedup_edges", "dedup_members")
    before = {t: store.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}
    again = index.add_many([b, a, a])
    assert [r.new for r in again] == [False, False, False]
    assert again[0].group_id == again[1].group_id is not None
    after = {t: store.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}
    assert before == after


def test_index_persists_across_sessions(tmp_path: Path) -> None:
    paras = story(13)
    first, later = make(paras), make(paras[:5], outlet="late.example", published="2024-04-01")
    with Store(tmp_path / "p.db") as store:
        index_with(store, first).add(first)
    with Store(tmp_path / "p.db") as store:
        store.add_article(later)
        res = DedupIndex(store).add(later)
    assert res.canonical_id == first.id and res.kind == "syndicated"


def test_batch_grouper_agrees_with_index(store: Store) -> None:
    arts = [make(story(20)), make(story(20)[:5], outlet="o.example"), make(story(21)), make(story(22))]
    index = index_with(store, *arts)
    index.add_many(arts)
    g = BatchGrouper()
    g.add([a.text for a in arts])
    labels = g.groups()
    assert labels[0] == labels[1] and len({labels[0], labels[2], labels[3]}) == 3
    assert index.group_of(arts[0].id) is not None and index.group_of(arts[2].id) is None


# -- wire credits ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("LONDON (Reuters) - Oil prices rose on Monday.", "Reuters"),
        ("WASHINGTON, Jan. 5 (AP) \u2014 The Senate voted.", "AP"),
        ("PARIS (AFP) - Strikes continued.", "AFP"),
        ("The event began with prayers, SIA reports.\nMore text follows here.", "SIA"),
        ("The ceremony was held in Baku.\n\u2014 Report.az", "Report.az"),
        ("Markets fell.\n(Reporting by Jane Doe; Editing by Bob Roe)", "Reuters"),
    ],
)
def test_wire_credits(text: str, agency: str) -> None:
    credit = find_credit(text)
    assert credit is not None and credit.agency == agency


def test_no_credit_for_stories_about_agencies() -> None:
    assert find_credit("Reuters is a news agency owned by Thomson Reuters.") is None
    assert find_credit("He said, according to AFP, that talks failed.") is None


# -- the two seeds ---------------------------------------------------------------------------
def _seed_article(
    text: str, outlet: str, published: str, *, drop_cruft: bool = False, title: str | None = None
) -> Article:
    paras = [p.strip() for p in text.split("\n\n") if p.strip()]
    head = title or paras[1]
    body = paras[2:] if paras[0] == "update desk" else paras[1:]
    if drop_cruft:
        # hand-cleaned like the cleaner would: no nav, captions, paywall or donation lines
        body = [
            p
            for p in body
            if "Credit:" not in p
            and "articles this month" not in p
            and "JNS" not in p
            and not p.startswith(("Just before", "Become a part", "Topics"))
        ]
    return make(body, outlet=outlet, published=published, title=head)


def test_seeds_are_distinct_and_a_cleaned_copy_joins_seed_000(store: Store, seeds: dict[str, str]) -> None:
    s000 = next(v for k, v in seeds.items() if k.startswith("000"))
    s004 = next(v for k, v in seeds.items() if k.startswith("004"))
    a = _seed_article(s000, "jns.org", "2024-03-05")
    b = _seed_article(s004, "report.az", "2024-02-27")
    copy = _seed_article(
        s000,
        "azernews.example",
        "2024-03-06",
        drop_cruft=True,
        title="Khojaly victims remembered in New York",
    )
    copy = make(
        [p.text for p in copy.paragraphs]
        + ["All the news on our Facebook page. Follow AzerNews on Twitter."],
        outlet="azernews.example",
        published="2024-03-06",
        title="Khojaly victims remembered in New York",
    )
    index = index_with(store, a, b, copy)
    _, rb, rc = index.add_many([a, b, copy])
    assert index.group_of(b.id) is None
    group = index.group_of(a.id)
    assert rc.group_id is not None and group is not None and rc.group_id == group.group_id
    assert rc.canonical_id == a.id and rc.kind == "syndicated"
    assert rb.credit == "SIA"


def test_read_only_store_can_list_groups(tmp_path: Path) -> None:
    paras = story(30)
    a, b = make(paras), make(paras[:5], outlet="ro.example")
    with Store(tmp_path / "ro.db") as store:
        index_with(store, a, b).add_many([a, b])
    with Store(tmp_path / "ro.db", readonly=True) as ro:
        group = DedupIndex(ro).group_of(b.id)
    assert group is not None and group.canonical_id == a.id
    with Store(tmp_path / "empty.db") as store:
        pass
    with Store(tmp_path / "empty.db", readonly=True) as ro:
        assert list(DedupIndex(ro).groups()) == []


def test_a_page_of_outlet_chrome_does_not_join_a_story(store: Store) -> None:
    top = ["This story was originally published by our partners and is republished with permission."]
    end = [
        "Subscribe to the Daily Herald newsletter to get the top stories in your inbox every morning.",
        "Follow us on Twitter, Facebook and Instagram for breaking news and updates from our newsroom.",
        "Copyright Daily Herald Media Group. All rights reserved. This material may not be redistributed.",
    ]
    chrome = make(top + ["Letters."] + end, outlet="herald.example")
    s1 = make(top + story(40) + end, outlet="herald.example", published="2024-03-02")
    s2 = make(top + story(41) + end, outlet="herald.example", published="2024-03-03")
    index = index_with(store, chrome, s1, s2)
    index.add_many([s1, chrome, s2])
    assert list(index.groups()) == []


def _hyphenate(text: str) -> str:
    """As German sites print long words: a soft hyphen between syllables, invisible on the page."""
    import re

    return re.sub(
        r"\w{6,}", lambda m: "\u00ad".join(m.group()[i : i + 3] for i in range(0, len(m.group()), 3)), text
    )


def test_a_copy_printed_with_soft_hyphens_is_the_same_text(store: Store) -> None:
    paras = story(40)
    assert "\u00ad" in _hyphenate(paras[0])
    assert exact_key(_hyphenate(" ".join(paras))) == exact_key(" ".join(paras))
    assert normalise("Mes\u00adsen\u00adger\u200b\u2060\ufeffdienst") == "messengerdienst"
    base = make(paras)
    copy = make([_hyphenate(p) for p in paras], outlet="b.example", published="2024-03-02")
    index = index_with(store, base, copy)
    index.add_many([base, copy])
    g = index.group_of(copy.id)
    assert g is not None and g.canonical_id == base.id
    assert next(m for m in g.members if m.id == copy.id).similarity == 1.0


def test_an_index_built_with_other_parameters_is_rebuilt_by_a_writer(tmp_path: Path) -> None:
    paras = story(41)
    a, b = make(paras), make([_hyphenate(p) for p in paras], outlet="b.example", published="2024-03-02")
    with Store(tmp_path / "p.db") as store:
        index_with(store, a, b).add_many([a, b])
        groups = snapshot(DedupIndex(store))
        # as a version before the soft-hyphen fold left it: other parameters, and the copy alone
        with store.conn:
            store.conn.execute("DELETE FROM dedup_params WHERE name = 'normalise'")
            store.conn.execute("DELETE FROM dedup_members")
    with Store(tmp_path / "p.db", readonly=True) as ro:
        reader = DedupIndex(ro)  # a reader neither fails nor writes
        assert reader.rebuilt is None and reader.group_of(b.id) is None
    notes: list[str] = []
    with Store(tmp_path / "p.db", notify=notes.append) as store:
        index = DedupIndex(store)
        assert index.rebuilt == 2
        assert snapshot(index) == groups
        assert DedupIndex(store).rebuilt is None  # once
    # said before the work, once, with its size
    assert notes == [
        "rebuilding the duplicate index for this version's parameters (2 articles; a large store takes a while)"
    ]


_ZH = [
    "财政部长周二表示，明年财政赤字率将控制在百分之三左右，新华社报道。",
    "他说，医疗卫生支出将增长百分之十二，教育支出将比去年增长百分之八。",
    "国防预算将与去年持平，而社会保障支出将小幅增加。",
    "分析人士认为，这一预算反映了政府在经济放缓背景下稳增长的意图。",
]
_ZH_OTHER = [
    "暴雨导致南方多个省份发生洪涝灾害，数万人被紧急转移安置。",
    "气象部门预计未来三天降雨仍将持续，部分河流水位超过警戒线。",
    "地方政府已调拨救灾物资，并派出救援队伍前往受灾地区。",
]


def test_a_chinese_copy_with_edits_is_a_near_duplicate(store: Store) -> None:
    """Chinese puts no space between words: a clause was one token, so a copy with two words
    changed shared no shingle with its original (Jaccard 0); each character is a token now."""
    edited = [_ZH[0].replace("新华社", "中新社"), _ZH[1], _ZH[2].replace("小幅增加", "略有增加"), _ZH[3]]
    base = make(_ZH, title="国务院通过新一年度财政预算")
    copy = make(edited, outlet="b.example", published="2024-03-02", title="财政预算获通过")
    other = make(_ZH_OTHER, outlet="c.example", published="2024-03-02", title="南方暴雨")
    index = index_with(store, base, copy, other)
    index.add_many([base, copy, other])
    g = index.group_of(copy.id)
    assert g is not None and g.canonical_id == base.id
    assert next(m for m in g.members if m.id == copy.id).similarity >= 0.7
    assert index.group_of(other.id) is None
    assert normalise("iPhone发布会 2024年") == "iphone 发 布 会 2024 年"


def test_an_arabic_copy_with_vowel_marks_is_the_same_text() -> None:
    plain = "قال محمد إن الحكومة ستقر الموازنة الجديدة يوم الثلاثاء"
    voweled = "قالَ مُحَمَّد إنّ الحـكـومة ستُقِرّ الموازنة الجديدة يومَ الثلاثاء"
    assert normalise(voweled) == normalise(plain)
    assert exact_key(voweled) == exact_key(plain)

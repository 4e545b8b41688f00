from newsdesk.evaluation import SnippetCounts, collapse, split_of


def test_snippet_metric_matches_the_dataset_definition() -> None:
    c = SnippetCounts()
    c.add("The  dam\nburst at night.", ["dam burst", "missing"], ["Subscribe now", "night."])
    c.add(None, ["anything"], ["cookie"])  # no output: withs are FN, withouts TN
    assert (c.tp, c.fn, c.fp, c.tn, c.pages, c.empty) == (1, 2, 1, 2, 2, 1)
    p, r, f = c.prf()
    assert (p, r) == (0.5, 1 / 3) and abs(f - 0.4) < 1e-9
    assert c.scores()["accuracy"] == 3 / 6


def test_split_is_stable_and_collapse_folds_whitespace() -> None:
    assert split_of("a.html") == split_of("a.html") and split_of("a.html") in ("tune", "heldout")
    assert {split_of(f"page{i}.html") for i in range(20)} == {"tune", "heldout"}
    assert collapse(" a \t b\r\n c ") == "a b c"


def test_the_paired_bootstrap_of_the_plaintext_benchmark() -> None:
    """``bench/plaintext_eval.py --compare``: no change gives a zero interval; a change that
    only gains snippets gives a positive difference inside its interval."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "bench" / "plaintext_eval.py"
    spec = importlib.util.spec_from_file_location("plaintext_eval_for_test", path)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    before = {f"p{i}": (3, 1, 1) for i in range(40)}
    assert bench.paired_bootstrap(sorted(before), before, before, rounds=200) == (0.0, 0.0, 0.0)
    after = dict(before, p0=(4, 1, 0), p1=(4, 0, 0))
    point, lo, hi = bench.paired_bootstrap(sorted(before), before, after, rounds=200)
    assert point > 0 and lo <= point <= hi and lo >= 0

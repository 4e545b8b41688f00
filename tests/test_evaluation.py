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


def test_the_speed_floor_skeleton_runs_the_shipped_line_model() -> None:
    """``bench/throughput.py --floor`` times a cut-down plain-text path to show what the 500
    docs/s floor asks of the design; its figure only means something if it runs the real
    feature matrix and the shipped default model on every non-blank line."""
    import importlib.util
    from pathlib import Path

    import numpy as np

    from newsdesk.clean import CleanConfig
    from newsdesk.clean.features import doc_features
    from newsdesk.clean.lexicon import stopwords
    from newsdesk.clean.linemodel import load_model
    from newsdesk.lang import detect

    path = Path(__file__).resolve().parents[1] / "bench" / "throughput.py"
    spec = importlib.util.spec_from_file_location("throughput_for_test", path)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    text = (
        "update desk\n\n  The dam burst at night after three days of rain, officials said on Monday.  \n"
        "Subscribe now\nResidents were moved to a school on the hill, where the army set up tents.\n"
    )
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    stop = stopwords(detect(text[:1000]).lang)
    features = bench._skeleton_runner(with_model=False)(text)
    assert np.array_equal(features, doc_features(lines, stop))
    probs, x = bench._skeleton_runner(with_model=True)(text)
    model = load_model(CleanConfig().line_model)
    assert model is not None and CleanConfig().line_model == "news-lexical"
    assert probs.shape == (len(lines),) and np.array_equal(x, features)
    assert np.allclose(probs, model.score(lines, stop))

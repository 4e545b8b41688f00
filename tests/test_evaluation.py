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

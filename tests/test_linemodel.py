"""The packaged line models: tree stages evaluate exactly as scikit-learn does, survive JSON."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.clean.features import (
    N_FEATURES,
    NEIGHBOUR_COLUMNS,
    context_features,
    doc_features,
    neighbour_features,
    page_context,
    wide_context_features,
)
from newsdesk.clean.lexicon import stopwords
from newsdesk.clean.linemodel import LineModel, TreeStage, load_model


def test_tree_stage_matches_sklearn_and_round_trips() -> None:
    sklearn = pytest.importorskip("sklearn.ensemble")
    rng = np.random.default_rng(0)
    x = rng.random((600, 6))
    y = ((x[:, 0] + x[:, 1] * x[:, 2] > 0.8) ^ (x[:, 3] > 0.9)).astype(int)
    clf = sklearn.HistGradientBoostingClassifier(max_iter=30, max_depth=5, random_state=0).fit(x, y)
    stage = TreeStage.from_sklearn(clf)
    probe = rng.random((200, 6))
    np.testing.assert_allclose(stage.predict(probe), clf.predict_proba(probe)[:, 1], atol=1e-9)
    again = TreeStage.from_dict(stage.to_dict())
    np.testing.assert_allclose(again.predict(probe), stage.predict(probe), atol=1e-6)
    assert stage.predict(np.zeros((0, 6))).shape == (0,)


def test_neighbour_and_wide_context_shapes_and_edges() -> None:
    x = np.arange(3 * N_FEATURES, dtype=np.float64).reshape(3, N_FEATURES)
    w = neighbour_features(x)
    k = len(NEIGHBOUR_COLUMNS)
    assert w.shape == (3, N_FEATURES + 4 * k)
    # previous line's columns for line 1 are line 0's; line 0 has no previous line
    np.testing.assert_array_equal(w[1, N_FEATURES : N_FEATURES + k], x[0, list(NEIGHBOUR_COLUMNS)])
    assert (w[0, N_FEATURES : N_FEATURES + k] == -1).all()
    p = np.array([0.9, 0.1, 0.8, 0.7])
    c = wide_context_features(p)
    assert c.shape == (4, 12)
    np.testing.assert_array_equal(c[:, :6], context_features(p))
    assert c[0, 9] == pytest.approx(0.1)  # window minimum sees the 0.1 two lines on
    assert wide_context_features(np.zeros(0)).shape == (0, 12)


@pytest.mark.parametrize("name", ["news", "web"])
def test_packaged_models_load_and_rank_prose_above_menu(name: str) -> None:
    model = load_model(name)
    assert isinstance(model, LineModel)
    lines = [
        "Home",
        "News",
        "Sport",
        "The council voted on Tuesday to close the old bridge after engineers found cracks in two of its piers.",
        "Residents said the detour would add half an hour to their daily commute into the town centre.",
        "The mayor said repairs could begin next spring if the regional government releases the funds.",
        "Share on Facebook",
        "© 2026 Example Media. All rights reserved.",
    ]
    p = model.score(lines, stopwords("en"))
    assert p.shape == (len(lines),)
    assert min(p[3:6]) > max(p[0], p[1], p[2], p[7])


def test_language_cut_offs_apply_to_their_language_and_survive_json() -> None:
    base = load_model("web")
    assert isinstance(base, LineModel)
    # the packaged web model keeps its own cut for Finnish and Swedish pages (chosen on turku
    # training documents, see scripts/train_line_model.py)
    assert set(base.lang_thresholds) >= {"fi", "sv"}
    model = LineModel(base.stage1, base.stage2, 0.3, {}, lexical=None, lang_thresholds={"fi": 0.5})
    assert model.threshold_for("fi") == 0.5
    assert model.threshold_for("de") == 0.3
    assert model.threshold_for(None) == 0.3
    again = LineModel.from_json(model.to_json())
    assert again.lang_thresholds == {"fi": 0.5}
    assert again.threshold_for("fi") == 0.5


def test_cleaner_cuts_at_the_page_language_threshold() -> None:
    """The same lines, scored the same, are kept or removed by the page language's cut."""
    from dataclasses import replace

    import newsdesk.clean.core as core
    from newsdesk.clean import CleanConfig, clean_text

    lines = [
        "Kaupunginvaltuusto päätti tiistaina sulkea vanhan sillan, koska insinöörit löysivät halkeamia sen pilareista.",
        "Asukkaiden mukaan kiertotie pidentää heidän päivittäistä matkaansa keskustaan puolella tunnilla.",
        "Lisää aiheesta",
        "Pormestarin mukaan korjaukset voivat alkaa ensi keväänä, jos alueellinen hallitus myöntää rahat.",
    ]
    raw = "\n".join(lines)
    model = core.load_model("web")
    assert model is not None
    probs = model.score(lines, stopwords("fi"))
    cfg = CleanConfig(line_model="web", rescue_max_run=0, mark_article_end=False)
    low = replace(model, lang_thresholds={"fi": 0.0})
    high = replace(model, lang_thresholds={"fi": 1.0})
    kept = {}
    for name, m in (("low", low), ("high", high)):
        original = core.load_model
        core.load_model = lambda _name, m=m: m  # type: ignore[assignment]
        try:
            art = clean_text(raw, config=cfg, lang_hint="fi")
        finally:
            core.load_model = original  # type: ignore[assignment]
        kept[name] = {p.text for p in art.paragraphs} | ({art.title.text} if art.title else set())
    assert probs.max() < 1.0
    # at cut 1 only prose lines (kept whatever the model says) and the headline survive
    assert "Lisää aiheesta" in kept["low"] and "Lisää aiheesta" not in kept["high"]


def test_page_statistics_enter_stage_two_the_same_way_on_both_paths() -> None:
    """A ``page_stats`` model's second stage adds the page's mean and median first-stage
    probability; the cleaner's shortcut (one offset per page) must give what the stacked
    matrix the trainer fits on gives, and the flag must survive JSON."""
    model = load_model("news")
    assert isinstance(model, LineModel) and model.page_stats
    lines = [
        "Home",
        "The council voted on Tuesday to close the old bridge after engineers found cracks in two of its piers.",
        "Residents said the detour would add half an hour to their daily commute into the town centre.",
        "Share on Facebook",
        "Newsletter",
    ]
    fast = model.score(lines, stopwords("en"))
    x = model.stage1_input(doc_features(lines, stopwords("en")))
    p1 = model.stage1.predict(x)
    full = model.stage2.predict(model.stage2_input(x, p1))
    np.testing.assert_allclose(fast, full, rtol=1e-12, atol=1e-12)
    assert model.stage2_input(x, p1).shape[1] == x.shape[1] + 6 + 2
    np.testing.assert_array_equal(model.stage2_input(x, p1)[:, -2:], [page_context(p1)] * len(lines))
    again = LineModel.from_json(model.to_json())
    assert again.page_stats
    np.testing.assert_allclose(again.score(lines, stopwords("en")), fast)
    assert page_context(np.zeros(0)) == (0.5, 0.5)
    web = load_model("web")
    assert isinstance(web, LineModel) and not web.page_stats


@settings(max_examples=300, deadline=None)
@given(st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=1, max_size=60))
def test_page_context_is_numpys_mean_and_median(values: list[float]) -> None:
    """The cleaner's shortcut must give the values the trainer's features were computed
    with, to the last bit."""
    p = np.asarray(values, dtype=np.float64)
    assert page_context(p) == (float(p.mean()), float(np.median(p)))

"""The packaged line models: tree stages evaluate exactly as scikit-learn does, survive JSON."""

from __future__ import annotations

import numpy as np
import pytest

from newsdesk.clean.features import (
    N_FEATURES,
    NEIGHBOUR_COLUMNS,
    context_features,
    neighbour_features,
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

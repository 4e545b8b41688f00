"""The byline ranker for pages rendered whole (newsdesk.clean.byline)."""

from __future__ import annotations

import numpy as np
import pytest

from newsdesk.clean import CleanConfig, clean_text
from newsdesk.clean.byline import (
    ABOVE,
    BELOW,
    FEATURE_NAMES,
    OWN_FEATURES,
    candidates,
    load_byline_model,
)
from newsdesk.clean.features import FEATURE_NAMES as LINE_FEATURES
from test_headline import _Line, _page

_HEADLINE = "Council closes the old bridge after engineers find cracks"


def test_the_shipped_ranker_matches_its_features_and_beats_the_rule() -> None:
    model = load_byline_model()
    assert model is not None and model.min_score is not None
    assert len(model.coef) == len(FEATURE_NAMES)
    # the trainer's own figures: each tune quarter ranked by a ranker fitted on the other,
    # and Fundus pages it never saw, against the "By ..." rule on the same pages
    for split in ("tune-a", "tune-b", "fundus"):
        t = model.info["figures"][split]
        assert t["ranker_right"] > t["rule_right"], split


def test_a_bare_name_under_the_headline_is_the_byline() -> None:
    art = clean_text(_page([_HEADLINE, "Anna Berg", "12 March 2024"]))
    assert art.title is not None and art.title.text == _HEADLINE
    assert art.byline is not None and art.byline.text == "Anna Berg"
    assert art.raw[art.byline.start : art.byline.end] == "Anna Berg"
    assert "Anna Berg" not in art.text
    # the "By ..." rule alone does not know a bare name (the one above a date line does)
    off = clean_text(
        _page([_HEADLINE, "Anna Berg", "12 March 2024"]),
        config=CleanConfig(byline_ranker=False, name_beside_date_line=False),
    )
    assert off.byline is None
    beside_date = clean_text(
        _page([_HEADLINE, "Anna Berg", "12 March 2024"]), config=CleanConfig(byline_ranker=False)
    )
    assert beside_date.byline is not None and beside_date.byline.text == "Anna Berg"


def test_a_by_line_is_still_the_byline() -> None:
    art = clean_text(_page(["Politics", _HEADLINE, "By Anna Berg"]))
    assert art.byline is not None and art.byline.text == "By Anna Berg"


def test_a_short_text_keeps_the_by_rule() -> None:
    # no ranked headline (the top of the text is the article): the ranker is not asked
    body = "The city council voted on Tuesday to close the old bridge after engineers found deep cracks in two of its piers."
    art = clean_text(f"{_HEADLINE}\nAnna Berg\n{body}")
    assert art.byline is None
    assert clean_text(f"{_HEADLINE}\nBy Anna Berg\n{body}").byline is not None


def test_candidates_are_free_lines_around_the_headline() -> None:
    lines = [_Line(f"Line number {i} of the page", 5) for i in range(30)]
    lines[12].role = "removed"
    title = 14
    probs = [0.5] * len(lines)
    line_x = np.zeros((len(lines), len(LINE_FEATURES)))
    idx, x = candidates(lines, probs, line_x, title, lambda t: t.startswith("By "))
    free = [i for i, ln in enumerate(lines) if ln.role is None]
    k = free.index(title)
    assert idx == free[k - ABOVE : k] + free[k + 1 : k + BELOW + 1]
    assert x.shape == (len(idx), len(FEATURE_NAMES))
    below_1 = OWN_FEATURES.index("below_1")
    assert x[idx.index(title + 1), below_1] == 1.0 and x[:, below_1].sum() == 1.0


@pytest.mark.parametrize(
    ("line", "nobody"),
    [
        ("Stand: 07.11.2023, 07:30 Uhr", True),
        ("Freitag, 04.02.2022 | 11:38 Uhr", True),
        ("Veröffentlicht am Dezember 29, 2021Dezember 29, 2021", True),
        ("Gunter Frank / 22.04.2020 / 06:15", False),
        ("Paddy · April 19, 2019 · Mac · 7 comments", False),
        ("Redaktion - 31. Januar 2022", False),
        ("By Jane Doe, May 3, 2021", False),
        ("Teilen Twittern", False),  # no date: the ranker's to judge
        # sections and labels after the date name nobody either
        ("Okt 13, 2022 | Umwelt & Klima", True),
        ("01.02.2022 Kategorie: Synchronschwimmen, Verband", True),
        ("21.01.2022 Presse-Mitteilung", True),
        ("Sonntag, 02.11.2014 | Tags: Weihnachtsmarkt |", True),
        # a name after the date is two capitalised words; one before it may be a handle
        ("11.12.2019 - Amelie Loevenich", False),
        ("Frank Hahn am 18. September 2019", False),
        ("Handball Schweiz • 02.02.2022", False),
        ("26 Mai, 2008 | ThE_PaiN | Kommentare 34 |", True),
        ("21.01.2022 Redaktion Sport", False),  # an author word
    ],
)
def test_a_date_line_naming_nobody_is_no_byline(line: str, nobody: bool) -> None:
    from newsdesk.clean.core import _date_naming_nobody

    assert _date_naming_nobody(line) is nobody


@pytest.mark.parametrize(
    "line",
    [
        "13 March 2024 | Politics & Economy",
        "13.03.2024 Press release",
        "13 March 2024 Category: Transport, City",
    ],
)
def test_a_date_line_with_its_section_under_the_headline_is_the_dateline(line: str) -> None:
    """The ranker scores a date line under the headline high (bylines sit there) and took
    these for the byline; with only a section or label beside the date the line names
    nobody and dates the page instead."""
    art = clean_text(_page([_HEADLINE, line]))
    assert art.title is not None and art.title.text == _HEADLINE
    assert art.byline is None
    assert art.dateline is not None and art.dateline.text == line
    assert art.raw[art.dateline.start : art.dateline.end] == line
    assert art.published == "2024-03-13"
    # a name beside the same date keeps the line the byline
    named = clean_text(_page([_HEADLINE, "13 March 2024 | Anna Berg"]))
    assert named.byline is not None and named.byline.text == "13 March 2024 | Anna Berg"


@pytest.mark.parametrize(
    "row", ["Teilen Twittern", "Share Adjust Comment Print", "Teilen Pin it Mailen Drucken"]
)
def test_a_row_of_tool_buttons_under_the_headline_is_no_byline(row: str) -> None:
    """On a page with no author the ranker took the share row under the headline for the
    byline; the row is UI labels one after another, removed as such before the search."""
    art = clean_text(_page([_HEADLINE, row, "12 March 2024"]))
    assert art.title is not None and art.title.text == _HEADLINE
    assert art.byline is None
    removed = [r for r in art.removed if r.text == row]
    assert [r.reason for r in removed] == ["label"]
    assert art.raw[removed[0].start : removed[0].end] == row
    # a name beside the same row is still the byline
    named = clean_text(_page([_HEADLINE, row, "Anna Berg", "12 March 2024"]))
    assert named.byline is not None and named.byline.text == "Anna Berg"


def test_the_packaged_given_names_hold_names_not_function_words() -> None:
    from newsdesk.clean.byline import given_names

    names = given_names()
    assert len(names) > 20_000
    for name in ("Stefan", "Amelie", "Camila", "Tapio", "Marwan", "Ronja", "James"):
        assert name in names, name
    for word in ("The", "Das", "Der", "Les", "Van", "Supply", "Leasing", "Featured"):
        assert word not in names, word


@pytest.mark.parametrize(
    ("line", "columns"),
    [
        ("Oliver Baroni", (True, True)),
        ("* Ronja Beck", (True, True)),
        ("Von Markus Balser, Berlin", (True, True)),
        ("26. September 2019 Ulrike Stockhausen Schreibe einen Kommentar", (True, True)),
        ("Paddy · April 19, 2019", (True, False)),
        # a name after lower-case words is a sentence's or a headline's
        ("Diese Milliardäre sponsern Donald Trump", (True, False)),
        ("von Markus Balser", (True, True)),
        ("Supply Chain Management", (False, False)),
        ("Leasing von Firmenfahrzeugen", (False, False)),
        ("", (False, False)),
    ],
)
def test_name_columns(line: str, columns: tuple[bool, bool]) -> None:
    from newsdesk.clean.byline import name_columns

    assert name_columns(line) == columns


@pytest.mark.parametrize("label", ["Supply Chain Management", "Regional Transport Desk"])
def test_a_label_shaped_like_a_name_is_no_byline_and_a_name_under_it_is(label: str) -> None:
    """Two or three capitalised words under the headline are a bare name's shape; the
    ranker took a section label of that shape for the byline until it knew given names."""
    art = clean_text(_page([_HEADLINE, label]))
    assert art.title is not None and art.title.text == _HEADLINE
    assert art.byline is None
    named = clean_text(_page([_HEADLINE, label, "Oliver Baroni"]))
    assert named.byline is not None and named.byline.text == "Oliver Baroni"
    assert named.raw[named.byline.start : named.byline.end] == "Oliver Baroni"

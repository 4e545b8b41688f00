"""The news-encoder line model: its two columns, determinism whatever else was embedded
before, the shared vector file, and the seeds cleaned with it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from newsdesk.clean import CleanConfig, clean_text
from newsdesk.clean import encoder as enc
from newsdesk.clean.encoder import DIM, EncoderStage, embed
from newsdesk.clean.linemodel import LineModel, load_model
from newsdesk.cli import app

PAGE = [
    "Home | World | Business | Sport",
    "Harbour council approves dredging plan",
    "The harbour council approved a plan on Tuesday to dredge the eastern channel so that "
    "larger container ships can dock, after a debate that ran late into the evening.",
    "Members were divided over the cost, which the port authority puts at 40 million euros "
    "spread over five years, and over the effect on the fishing fleet.",
    "Sign up for our newsletter",
    "Read more: Ten recipes for a summer barbecue",
]
ENCODER = CleanConfig(line_model="news-encoder")


@pytest.fixture
def no_disk_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSDESK_ENCODER_CACHE", raising=False)


def test_packaged_model_has_the_encoder_stage() -> None:
    model = load_model("news-encoder")
    assert model is not None and model.encoder is not None
    assert model.encoder.hidden is not None
    w, b = model.encoder.hidden
    assert w.shape == (DIM, len(model.encoder.coef)) and b.shape == model.encoder.coef.shape
    assert model.lexical is None
    again = LineModel.from_json(model.to_json())
    assert again.encoder is not None and again.encoder.hidden is not None
    assert np.array_equal(again.encoder.coef, model.encoder.coef)
    assert np.array_equal(again.encoder.hidden[0], w)
    with pytest.raises(ValueError):
        EncoderStage.from_dict({"coef": [0.0] * 3, "intercept": 0.0})
    with pytest.raises(ValueError):
        EncoderStage.from_dict(
            {"coef": [0.0] * 3, "intercept": 0.0, "hidden_weights": [[0.0] * 3], "hidden_bias": [0.0] * 3}
        )


def test_hidden_layer_log_odds() -> None:
    """One hidden layer of rectified units, then a linear output: the log-odds column."""
    w = np.zeros((DIM, 2))
    w[0, 0], w[1, 1] = 1.0, -1.0
    stage = EncoderStage(np.array([2.0, 3.0]), -1.0, (w, np.array([0.5, 0.5])))
    e = np.zeros((2, DIM))
    e[0, 0] = 1.0  # hidden (1.5, 0.5) -> 3 + 1.5 - 1
    e[1, 1] = 1.0  # hidden (0.5, 0) after the rectifier -> 1 - 1
    np.testing.assert_allclose(stage.log_odds(e), [3.5, 0.0])
    linear = EncoderStage(np.ones(DIM), 0.25)
    np.testing.assert_allclose(linear.log_odds(e), [1.25, 1.25])


def test_columns_are_log_odds_and_cohesion_with_the_page_prose(monkeypatch: pytest.MonkeyPatch) -> None:
    """Column 0 is the linear stage over each vector; column 1 the cosine with the
    normalised sum of the vectors of lines of 15 words or more (0 without such a line)."""
    vecs = {
        "first": np.eye(DIM, dtype=np.float32)[0],
        "second": np.eye(DIM, dtype=np.float32)[1],
        "long": np.eye(DIM, dtype=np.float32)[0],
    }
    monkeypatch.setattr(enc, "embed", lambda lines: np.stack([vecs[ln.split()[0]] for ln in lines]))
    coef = np.zeros(DIM)
    coef[0], coef[1] = 2.0, -1.0
    stage = EncoderStage(coef, 0.5)
    prose = "long " + "word " * 20
    out = stage.columns(["first", "second", prose])
    np.testing.assert_allclose(out[:, 0], [2.5, -0.5, 2.5])
    np.testing.assert_allclose(out[:, 1], [1.0, 0.0, 1.0])
    no_prose = stage.columns(["first", "second"])
    assert (no_prose[:, 1] == 0).all()
    assert stage.columns([]).shape == (0, 2)


def test_a_page_embeds_the_same_whatever_came_before(no_disk_cache: None) -> None:
    """The encoder's vectors differ in the seventh decimal with the batch; a page is
    embedded on its own, its distinct lines sorted, so its vectors depend on it alone
    (and not on the order of its lines)."""
    first = embed(PAGE)
    embed(["Something else entirely", "Weather: sunny, 24 degrees", *PAGE[:2]])
    assert np.array_equal(embed(PAGE), first)
    assert np.array_equal(embed(PAGE[::-1])[::-1], first)
    norms = np.linalg.norm(first, axis=1)
    np.testing.assert_allclose(norms, 1.0, atol=1e-3)
    # a line and its copy with surrounding blanks are the same line to the encoder
    assert np.array_equal(embed(["  " + PAGE[1] + " "]), embed([PAGE[1]]))


def test_a_lone_surrogate_is_read_as_a_replacement_character(no_disk_cache: None) -> None:
    """Scraped text carries lone surrogates; the encoder's tokenizer wants UTF-8."""
    assert np.array_equal(embed(["abc\ud800def"]), embed(["abc\ufffddef"]))
    raw = "\n\n".join([*PAGE[:3], "Sign\udfff up for our newsletter"]) + "\n"
    art = clean_text(raw, config=ENCODER)
    art.check_spans()
    assert "eastern channel" in art.text


def test_shared_vector_file_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "vectors.pkl"
    monkeypatch.setenv("NEWSDESK_ENCODER_CACHE", str(path))
    monkeypatch.setattr(enc, "_disk", {})
    monkeypatch.setattr(enc, "_disk_dirty", [False])
    vecs = embed(PAGE[:3])
    enc.save_disk_cache()
    assert path.exists()
    monkeypatch.setattr(enc, "_disk", {})
    monkeypatch.setattr(enc, "_encoder", lambda: pytest.fail("the file should have answered"))
    assert np.array_equal(embed(PAGE[:3]), vecs)


def test_encoder_model_cleans_a_page_with_exact_spans(no_disk_cache: None) -> None:
    raw = "\n\n".join(PAGE) + "\n"
    art = clean_text(raw, config=ENCODER)
    art.check_spans()
    assert "dredge the eastern channel" in art.text and "fishing fleet" in art.text
    assert "newsletter" not in art.text.lower() and "barbecue" not in art.text
    assert clean_text(raw, config=ENCODER).to_dict() == art.to_dict()


def test_seeds_with_the_encoder_model(seeds: dict[str, str], no_disk_cache: None) -> None:
    jns = clean_text(seeds["000_f1783546847f5275"], config=ENCODER)
    jns.check_spans()
    assert jns.title is not None
    assert jns.title.text == "Jews and Muslims remember victims of 1992 Khojaly genocide in Azerbaijan"
    assert len(jns.paragraphs) == 4 and "register" not in jns.text.lower()
    assert jns.captions and jns.captions[0].credit is not None
    gone = {r.text: r.reason for r in jns.removed}
    assert gone["You have read 3 articles this month."] == "paywall"
    assert gone["Topics"] == "label" and gone["update desk"] == "nav"
    rome = clean_text(seeds["004_1e8626609b004fe7"], config=ENCODER)
    rome.check_spans()
    assert len(rome.paragraphs) == 9
    assert any(r.text.startswith("Bütün xəbərlər") and r.reason == "social" for r in rome.removed)


def test_same_articles_in_one_process_and_in_workers(tmp_path: Path, no_disk_cache: None) -> None:
    """Each page is embedded on its own, so two worker processes, each with its own
    encoder and its own order of pages, clean every page exactly as one process does."""
    from newsdesk.ingest import IngestConfig, clean_paths

    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    paths: list[str | Path] = [corpus]
    options = {"line_model": "news-encoder"}
    one = [a.to_dict() for a in clean_paths(paths, IngestConfig(clean_options=options))]
    two = [a.to_dict() for a in clean_paths(paths, IngestConfig(workers=2, clean_options=options))]
    assert len(one) >= 30 and one == two


def test_cli_takes_the_encoder_model(tmp_path: Path, no_disk_cache: None) -> None:
    src = tmp_path / "page.txt"
    src.write_text("\n\n".join(PAGE) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["clean", str(src), "--line-model", "news-encoder", "--no-raw"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout.splitlines()[0])
    assert any("eastern channel" in p["text"] for p in doc["paragraphs"])


def _stock_and_memo() -> tuple[Any, enc._WordPieces]:
    backend = enc._encoder()._model
    assert isinstance(backend.sp, enc._WordPieces), "the encoder reads through the word memo"
    return backend.sp._pieces, backend.sp


@pytest.mark.parametrize(
    "line",
    [
        "Sharen mit: Facebook Twitter",
        "8.1 \ufffd compter du 1er avril 2012",  # a word the normaliser reduces to nothing
        "\ufffd",
        "",
        "   ",
        "a\u200bb  c\u00a0d\u3000e",  # zero-width, no-break and ideographic spaces
        "中国国家主席习近平周三在北京会见了来访的法国总统",
        "ab\x1ccd \x85 x\x0by",  # split by str.split, not by SentencePiece: read whole
        "ﷺ Ａｂｃ ½",  # NFKC expansions
    ],
)
def test_word_pieces_are_the_line_pieces(line: str) -> None:
    stock, memo = _stock_and_memo()
    assert memo.encode(line) == stock.encode(line, out_type=int, add_bos=True, add_eos=True)
    # and again from the memo
    assert memo.encode(line) == stock.encode(line, out_type=int, add_bos=True, add_eos=True)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(min_size=0, max_size=8),
            st.sampled_from([" ", "\t", "\u00a0", "\u3000", "\u200b", "\ufffd", "\x1c", "\x85", "ﷺ"]),
        ),
        max_size=12,
    )
)
def test_word_pieces_match_the_tokenizer_on_any_text(parts: list[str]) -> None:
    stock, memo = _stock_and_memo()
    line = enc._SURROGATE.sub("\ufffd", "".join(parts))
    assert memo.encode(line) == stock.encode(line, out_type=int, add_bos=True, add_eos=True)


def test_word_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    _, memo = _stock_and_memo()
    monkeypatch.setattr(enc, "WORD_MEMO_MAX", 3)
    memo.memo.clear()
    memo.encode("one two three four five")
    assert 0 < len(memo.memo) <= 3
    enc.clear_word_memo()
    assert memo.memo == {}

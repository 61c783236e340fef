"""The stop lists the rankers use are sumy's own, read without importing sumy.utils."""

from __future__ import annotations

import pytest

from briefing.summarize.rank import stop_words
from briefing.text.scripts import fold


@pytest.mark.parametrize("lang", ["en", "fr", "de", "es", "it", "pt", "ja", "zh-cn", "zh-tw", "ko"])
def test_stop_words_are_sumys_own(lang: str) -> None:
    from sumy.utils import get_stop_words

    from briefing.text.words import sumy_language

    try:
        theirs = frozenset(fold(w) for w in get_stop_words(sumy_language(lang)))
    except LookupError:
        theirs = frozenset()
    assert stop_words(lang) == theirs
    assert len(stop_words("en")) > 100  # a real list, not an empty fallback

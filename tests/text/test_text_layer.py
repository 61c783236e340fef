"""The text layer: one answer per question for every layer above it."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from briefing.text.dates import find_dates, parse_date
from briefing.text.scripts import CJK_CHAR, HAN_CHAR, KANA_CHAR, family, fold
from briefing.text.width import display_width
from briefing.text.words import stem, stemmer, terms, words


def test_two_spellings_of_one_word_fold_to_one() -> None:
    assert fold("李強") == fold("李强")
    assert fold("ＡＩ") == fold("ai")
    assert terms("李強首相", "zh-tw") == terms("李强首相", "zh-cn")


def test_scripts_are_told_apart() -> None:
    assert KANA_CHAR.search("トランプ")
    assert not KANA_CHAR.search("李强")
    assert HAN_CHAR.search("豈") is not None  # a compatibility ideograph (U+F900) is Han too
    assert CJK_CHAR.search("Macron") is None
    assert family("zh-TW") == "zh"


def test_width_counts_columns_as_a_terminal_does() -> None:
    assert display_width("abc") == 3
    assert display_width("李强") == 4
    assert display_width("e\u0301") == 1  # a combining accent takes no column
    assert display_width("👍") == 2


def test_dates_in_every_language_and_in_metadata() -> None:
    text = "2025年7月26日 · 26 juillet 2025 · July 26, 2025 · 2025-07-26"
    assert {d for _, _, d in find_dates(text)} == {dt.date(2025, 7, 26)}
    assert parse_date("Wed, 19 Mar 2025 00:00:00 +0900") == dt.date(2025, 3, 19)
    assert parse_date("2025-03-19T00:00:00+09:00") == dt.date(2025, 3, 19)
    assert parse_date("sometime") is None


def test_words_and_stems_per_language() -> None:
    assert words("Le président a parlé.", "fr") == ["Le", "président", "a", "parlé"]
    assert stem("Regulations", "en") == stem("regulation", "en")
    assert stemmer("ja")("ＡＢＣ") == "ａｂｃ"  # no Snowball for Japanese: lower-cased only


def test_stemming_imports_no_nltk() -> None:
    code = (
        "from briefing.text.words import terms\n"
        "terms('The regulations were regulated', 'en')\n"
        "import sys; print('nltk' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

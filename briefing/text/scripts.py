"""Which script a character is in, and text folded for matching: one definition for every layer.

The character ranges were spelled out twenty-odd times across the loader, the summarizer, the
themes and the stories, each with its own coverage (one forgot the compatibility ideographs,
another hangul). Each range is written once here, as a fragment to put inside a regex class
(``f"[{HAN}{KANA}]"``) and as a compiled class.

Folding (case, width, traditional → simplified) is here too: it is how two spellings of one
word meet — ``李強`` and ``李强``, ``ＡＩ`` and ``ai`` — in themes, stories and the summarizer.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

HIRAGANA = "\u3041-\u309f"
KATAKANA = "\u30a0-\u30ff"
KANA = HIRAGANA + KATAKANA
"""Hiragana and katakana, with the prolonged-sound mark ``ー`` (U+30FC)."""
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""CJK ideographs: extension A, the unified block and the compatibility ideographs."""
HANGUL = "\uac00-\ud7af\u1100-\u11ff"
"""Hangul syllables and jamo."""
CJK = KANA + HAN
"""The characters that are words on their own in Japanese and Chinese text."""
CJK_PUNCTUATION = "\u3000-\u303f\uff01-\uff60"
"""Ideographic space and punctuation, and full-width forms (``，``, ``！``, ``１``)."""

KANA_CHAR = re.compile(f"[{KANA}]")
HAN_CHAR = re.compile(f"[{HAN}]")
HANGUL_CHAR = re.compile(f"[{HANGUL}]")
CJK_CHAR = re.compile(f"[{CJK}]")
LETTER = re.compile(r"[^\W\d_]")


def family(lang: str) -> str:
    """``zh-tw`` → ``zh``: themes, stop words and tokenizers are per language family."""
    return lang.split("-")[0].lower()


@cache
def _opencc(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional → simplified, character for character (``t2s``, not ``tw2sp``: no vocabulary
    rewriting, so the length and offsets stay)."""
    return str(_opencc("t2s").convert(text))


def to_traditional(text: str) -> str:
    return str(_opencc("s2t").convert(text))


def fold(text: str) -> str:
    """Case, width and script folded: ``ＡＩ`` = ``ai``, ``李強`` = ``李强``.

    NFKC folds full-width Latin and half-width kana; t2s folds traditional Han to simplified.
    Used for matching only, never for display.
    """
    return to_simplified(unicodedata.normalize("NFKC", text).casefold())

"""Text as the matcher compares it: each paragraph (and the title) cut into folded, stemmed
keys joined into one string, with where each word starts and ends.

Kept apart from :mod:`.match` (the scoring) because this is the language-dependent part: which
segmenter cuts a paragraph, how a Latin word inside Chinese text is stemmed, how keys join so a
term matches however the segmenter cut it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from briefing.model import Document
from briefing.text import scripts, words
from briefing.text.scripts import CJK as CJK_RANGE
from briefing.text.scripts import CJK_CHAR, HAN, HIRAGANA, LETTER
from briefing.text.scripts import KANA_CHAR as KANA

WORD_END = "\x00"
"""Ends each Latin-script key in the joined string (see :func:`_key`)."""

CJK_FAMILIES = frozenset({"ja", "zh"})

# a piece of a word for matching: a run of Han/kana (not the ・ separator), of letters, or of digits
PIECE = re.compile(rf"[{HIRAGANA}\u30a0-\u30fa\u30fc-\u30ff{HAN}]+|[^\W\d_{CJK_RANGE}]+|\d+")


@dataclass(frozen=True, slots=True)
class Unit:
    """The title or one paragraph, as matching keys with their offsets in the joined string."""

    index: int  # paragraph index; -1 for the title
    lang: str  # the language its words were cut in
    joined: str
    starts: dict[int, int]  # offset in joined → token index
    ends: dict[int, int]  # end offset in joined → token index after it
    caps: tuple[bool, ...]  # token written in capitals (AI, US, WAIC)
    offsets: tuple[int, ...]  # start offset of each token in joined
    cjk: tuple[bool, ...]  # token is Han/kana
    open_end: bool  # Japanese: a term may end inside a word (see _find)


@dataclass(frozen=True, slots=True)
class Pattern:
    target: str  # keys joined
    caps: tuple[bool, ...]  # per word of the term: written in capitals


@lru_cache(maxsize=8192)
def term_pattern(text: str, lang: str) -> Pattern:
    pieces = _pieces(text, lang)
    return Pattern("".join(k for k, _ in pieces), tuple(c for _, c in pieces))


def doc_units(doc: Document) -> list[Unit]:
    found = [unit_of(-1, doc.title, doc.lang)] if doc.title else []
    found += [unit_of(i, text, doc.lang) for i, text in enumerate(doc.paragraphs)]
    return found


def unit_of(index: int, text: str, doc_lang: str) -> Unit:
    lang = _text_lang(text, doc_lang)
    pieces = _pieces(text, lang)
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    offset = 0
    for i, (key, _caps) in enumerate(pieces):
        starts[offset] = i
        offset += len(key)
        ends[offset] = i + 1
    joined = "".join(k for k, _ in pieces)
    return Unit(
        index=index,
        lang=lang,
        joined=joined,
        starts=starts,
        ends=ends,
        caps=tuple(c for _, c in pieces),
        offsets=tuple(starts),
        cjk=tuple(CJK_CHAR.search(k) is not None for k, _ in pieces),
        open_end=scripts.family(lang) == "ja",
    )


def _text_lang(text: str, doc_lang: str) -> str:
    """The language to cut ``text`` in: the document's, unless the text is plainly CJK.

    Aggregator pages put Chinese titles over English bodies, and a French page may quote a
    Chinese paragraph; cutting those with the French word regex would find no words at all.
    """
    if scripts.family(doc_lang) in CJK_FAMILIES:
        return doc_lang
    cjk = len(CJK_CHAR.findall(text))
    if cjk and cjk * 3 >= len(LETTER.findall(text)):
        return "ja" if KANA.search(text) else "zh"
    return doc_lang


def _pieces(text: str, lang: str) -> list[tuple[str, bool]]:
    """Matching keys of ``text`` with a capitals flag, in order.

    Segmenter words are cut again where the script changes (tinysegmenter returns "世界AI" and
    jieba "WAIC2025" as one word), so a Latin term finds its word inside CJK text.
    """
    out: list[tuple[str, bool]] = []
    for word in words.words(text, lang):
        for piece in PIECE.findall(unicodedata.normalize("NFKC", word)):
            out.append((_key(piece, lang), piece.upper() == piece and piece.lower() != piece))
    return out


@lru_cache(maxsize=65536)
def _key(piece: str, lang: str) -> str:
    """Folded and stemmed; Latin words in Chinese/Japanese text get English stems.

    A Latin key ends in a separator so that joined keys cannot line up across a word boundary
    ("se"+"a" is not "sea"); Han/kana keys have none, so a term matches however the segmenter cut
    it (人工|知能 or 人工知能).
    """
    if CJK_CHAR.search(piece):
        return scripts.fold(piece)
    if scripts.family(lang) in CJK_FAMILIES:
        lang = "en"
    return words.stem(piece, lang) + WORD_END

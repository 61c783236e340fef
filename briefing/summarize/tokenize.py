"""Words and folding per language, offline.

sumy's own English/French tokenizers need NLTK's punkt data, which cannot be downloaded here, so
every word briefing counts comes from this module: jieba for Chinese (run on a simplified copy,
because jieba's dictionary is simplified: same length, so offsets map straight back), tinysegmenter
for Japanese, and a Unicode word regex with Snowball stems for the rest.

Heavy libraries load on first use only, so ``briefing --help`` never pays for them.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
import warnings
from functools import cache
from typing import Any

# a run of letters in any script but CJK ideographs and kana, or a number: "Li", "WAIC", "1000";
# French elision splits at the apostrophe ("l’IA" → "l", "IA") so the noun matches on its own
LATIN_WORD = re.compile(r"[^\W\d_\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+|\d+(?:[.,]\d+)*")
# a character that is a word on its own for matching: Han, kana
CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
# anything that is not a word character at all (punctuation, spaces)
NON_WORD = re.compile(r"^[\W_]+$")

_lock = threading.Lock()


def family(lang: str) -> str:
    """``zh-tw`` → ``zh``: themes and stop words are per language family."""
    return lang.split("-")[0].lower()


@cache
def _opencc(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional → simplified, character for character (``t2s``, not ``tw2sp``: no vocabulary
    rewriting, so the length and offsets stay)."""
    return _opencc("t2s").convert(text)


def to_traditional(text: str) -> str:
    return _opencc("s2t").convert(text)


def fold(text: str) -> str:
    """Case, width and script folded: ``ＡＩ`` = ``ai``, ``李強`` = ``李强``.

    NFKC folds full-width Latin and half-width kana; t2s folds traditional Han to simplified.
    Used for matching only, never for display.
    """
    return to_simplified(unicodedata.normalize("NFKC", text).casefold())


@cache
def _jieba() -> Any:
    with _lock, warnings.catch_warnings():
        # jieba imports pkg_resources, which warns on every import with setuptools ≥ 81
        warnings.simplefilter("ignore")
        import jieba

        from briefing.paths import cache_dir

        tmp = cache_dir()
        try:
            tmp.mkdir(parents=True, exist_ok=True)
            jieba.dt.tmp_dir = str(tmp)
        except OSError:
            pass  # jieba then uses the system temp dir; the cache only saves a rebuild
        # a cache folder that is read-only or full makes jieba log "Dump cache file failed"
        # with a traceback, in every worker; its cache only saves the next start a second
        jieba.setLogLevel(logging.CRITICAL)
        jieba.initialize()
        jieba.setLogLevel(logging.WARNING)
        return jieba


@cache
def _tinysegmenter() -> Any:
    import tinysegmenter

    return tinysegmenter.TinySegmenter()


@cache
def _stemmer(lang: str) -> Any:
    from sumy.nlp.stemmers import Stemmer

    try:
        return Stemmer(lang)
    except LookupError:
        return None


_SUMY_LANG = {
    "en": "english",
    "fr": "french",
    "de": "german",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "ja": "japanese",
    "zh": "chinese",
}


def sumy_language(lang: str) -> str:
    """sumy's name for a language (its stemmers and stop lists are keyed by English names)."""
    return _SUMY_LANG.get(family(lang), "english")


def zh_words(text: str) -> list[str]:
    """jieba words of Chinese text, as they appear in ``text`` (traditional stays traditional)."""
    simplified = to_simplified(text)
    out: list[str] = []
    pos = 0
    for token in _jieba().cut(simplified, HMM=True):
        original = text[pos : pos + len(token)] if len(simplified) == len(text) else token
        pos += len(token)
        if token.strip() and not NON_WORD.match(token):
            out.append(original)
    return out


def ja_words(text: str) -> list[str]:
    return [w for w in _tinysegmenter().tokenize(text) if w.strip() and not NON_WORD.match(w)]


def latin_words(text: str) -> list[str]:
    return LATIN_WORD.findall(text)


def words(text: str, lang: str) -> list[str]:
    """The words of ``text`` in reading order, as written (no folding, no stemming)."""
    fam = family(lang)
    if fam == "zh":
        return zh_words(text)
    if fam == "ja":
        return ja_words(text)
    return latin_words(text)


def stem(word: str, lang: str) -> str:
    """Folded, and stemmed where a Snowball stemmer exists for the language."""
    folded = fold(word)
    if CJK_CHAR.search(folded):
        return folded
    stemmer = _stemmer(sumy_language(lang))
    return stemmer(folded) if stemmer else folded


def terms(text: str, lang: str) -> list[str]:
    """Matching keys: the words of ``text`` folded and stemmed.

    ``李強`` and ``李强`` give one key.
    """
    return [stem(w, lang) for w in words(text, lang)]

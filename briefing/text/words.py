"""Words and stems per language, offline.

sumy's own English/French tokenizers need NLTK's punkt data, which cannot be downloaded here, so
every word briefing counts comes from this module: jieba for Chinese (run on a simplified copy,
because jieba's dictionary is simplified: same length, so offsets map straight back), tinysegmenter
for Japanese, and a Unicode word regex with Snowball stems (snowballstemmer, the Snowball
project's own Python build, which sumy reached through NLTK) for the rest.

Heavy libraries load on first use only, so ``briefing --help`` never pays for them. jieba's
prefix dictionary is built from its ``dict.txt`` by :mod:`.jieba_dict`; only when that cannot
read it does jieba build its own and keep a cache of it, where the caller says
(:func:`use_cache_dir`), since this layer knows no application paths.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
import warnings
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from briefing.text import jieba_dict
from briefing.text.scripts import CJK, CJK_CHAR, family, fold, to_simplified

# a run of letters in any script but CJK ideographs and kana, or a number: "Li", "WAIC", "1000";
# French elision splits at the apostrophe ("l’IA" → "l", "IA") so the noun matches on its own
LATIN_WORD = re.compile(rf"[^\W\d_{CJK}]+|\d+(?:[.,]\d+)*")
# anything that is not a word character at all (punctuation, spaces)
NON_WORD = re.compile(r"^[\W_]+$")

_lock = threading.Lock()
_jieba_cache: list[Path] = []


def use_cache_dir(folder: Path | None) -> None:
    """Where jieba keeps its prefix-dictionary cache (None: the system's temp folder).

    Set before the first Chinese text is cut; the application passes its cache folder, and the
    worker pool passes the same to each worker."""
    _jieba_cache[:] = [folder] if folder is not None else []


def jieba_cache_dir() -> Path | None:
    return _jieba_cache[0] if _jieba_cache else None


@cache
def _jieba() -> Any:
    """jieba, its prefix dictionary loaded.

    From :mod:`.jieba_dict` when it can read the bundled dictionary (one bulk read that the
    name finder shares, and no cache file: reading jieba's cache back costs what building does);
    else jieba's own ``initialize``, with its cache in the folder :func:`use_cache_dir` gave.
    """
    with _lock, warnings.catch_warnings():
        # jieba imports pkg_resources, which warns on every import with setuptools ≥ 81
        warnings.simplefilter("ignore")
        jieba = _import_jieba()
        if jieba.dt.initialized:
            return jieba
        built = jieba_dict.prefix_dictionary()
        if built is not None:
            jieba.dt.FREQ, jieba.dt.total = built
            jieba.dt.initialized = True
            return jieba
        tmp = jieba_cache_dir()
        if tmp is not None:
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


def _import_jieba() -> Any:
    """``import jieba`` without pkg_resources (60 ms, and a deprecation warning): jieba only
    uses it to open its own data files, and opens them by path when it cannot import it."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        import jieba
    finally:
        if sys.modules.get("pkg_resources", False) is None:
            del sys.modules["pkg_resources"]
    return jieba


@cache
def _tinysegmenter() -> Any:
    import tinysegmenter

    return tinysegmenter.TinySegmenter()


@cache
def _stemmer(lang: str) -> Any:
    """The Snowball stemmer for sumy's language name, or None (Japanese, Chinese, Korean and
    languages Snowball has no algorithm for: their words are matched as written)."""
    import snowballstemmer

    try:
        return snowballstemmer.stemmer(lang).stemWord
    except KeyError:
        return None


def stemmer(lang: str) -> Callable[[str], str]:
    """The Snowball stemmer of ``lang``'s family, remembering its answers (Snowball is pure
    Python, and rankers stem every word again); lower-casing where Snowball has none."""
    return _remembered(sumy_language(lang))


@cache
def _remembered(name: str) -> Callable[[str], str]:
    stem_word = _stemmer(name)
    if stem_word is None:
        return str.lower
    return lru_cache(maxsize=100_000)(lambda word: str(stem_word(word.lower())))


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
    """sumy's name for a language (its stop lists, and Snowball's stemmers, use English names)."""
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
    return str(stemmer(folded)) if stemmer else folded


def terms(text: str, lang: str) -> list[str]:
    """Matching keys: the words of ``text`` folded and stemmed.

    ``李強`` and ``李强`` give one key.
    """
    return [stem(w, lang) for w in words(text, lang)]

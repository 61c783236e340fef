"""jieba's ``dict.txt`` read once, in bulk: its prefix dictionary and its part-of-speech tags.

Two users need the same 349k-line file: jieba's segmenter (word → frequency, every prefix of a
word with frequency 0, and the total) and the name finder of :mod:`briefing.stories.names`
(word → tag). jieba builds its table line by line in Python (0.6–0.8 s on this machine) and
caches it in a folder of ours, which is empty on a first run; reading its cache back is no
faster than building (0.5 s of ``marshal.load``). The names then read the file a second time
(0.3 s). Here the file is split once with ``str.split`` and the tables are built by ``map``, ``zip``
and one set comprehension for the prefixes (0.4–0.5 s for both): the same dictionaries, which
``tests/text/test_jieba_dict.py`` checks against jieba's own ``gen_pfdict``.

A ``dict.txt`` that is not three space-separated fields a line (another jieba version, a user's
dictionary) is left to jieba: :func:`load` returns None and the callers take jieba's own paths.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class JiebaDict:
    freq: dict[str, int]
    """jieba's ``FREQ``: every word's frequency, and 0 for a prefix that is no word itself."""
    total: int
    """jieba's ``total``: the sum of every line's frequency."""
    tags: dict[str, str]
    """Word → part-of-speech tag (``nrfg``, ``ns``, …), what ``jieba.posseg`` would load."""


def dict_path() -> Path | None:
    """jieba's bundled ``dict.txt``, found without importing jieba (which imports
    pkg_resources), or None when jieba is not installed as plain files."""
    spec = importlib.util.find_spec("jieba")
    folder = next(iter(spec.submodule_search_locations or ()), None) if spec else None
    path = Path(folder) / "dict.txt" if folder else None
    return path if path is not None and path.is_file() else None


def parse(text: str) -> JiebaDict | None:
    """The tables of a ``dict.txt``'s text, or None if a line is not ``word freq tag``."""
    lines = text.count("\n") + (not text.endswith("\n"))
    parts = text.replace("\n", " ").split(" ")
    if parts[-1] == "":
        parts.pop()
    if len(parts) != 3 * lines:
        return None
    words = parts[0::3]
    try:
        counts = list(map(int, parts[1::3]))
    except ValueError:
        return None
    if "" in words:
        return None
    tags = dict(zip(words, map(sys.intern, parts[2::3]), strict=True))
    # the prefixes first, then the words over them: a prefix that is a word has its count
    freq = dict.fromkeys({w[:i] for w in words for i in range(1, len(w))}, 0)
    freq.update(zip(words, counts, strict=True))  # a repeated word: its last line, as jieba
    return JiebaDict(freq=freq, total=sum(counts), tags=tags)


@cache
def _loaded() -> JiebaDict | None:
    path = dict_path()
    if path is None:
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return parse(text)


def load() -> JiebaDict | None:
    """The bundled dictionary's tables, built on first use and kept; None to leave it to jieba.

    Thread-safe: the reader's threads may ask for it at once, and it is built once.
    """
    with _lock:
        return _loaded()

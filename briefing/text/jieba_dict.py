"""jieba's ``dict.txt`` read in bulk: its prefix dictionary and its part-of-speech tags.

Two users need the same 349k-line file: jieba's segmenter (word → frequency, every prefix of a
word with frequency 0, and the total) and the name finder of :mod:`briefing.stories.names`
(word → tag). jieba builds its table line by line in Python (0.6–0.8 s on this machine) and
caches it in a folder of ours, which is empty on a first run; reading its cache back is no
faster than building. The names then read the file a second time. Here the file is split once
with ``str.split`` and the tables are built by ``map``, ``zip`` and one set comprehension for
the prefixes (about 0.5 s for both: ``benchmarks/cold_start.py``): the same dictionaries,
which ``tests/text/test_jieba_dict.py`` checks against jieba's own ``gen_pfdict``.

A ``dict.txt`` that is not three space-separated fields a line (another jieba version, a user's
dictionary) is left to jieba: :func:`prefix_dictionary` and :func:`tags` return None and the
callers take jieba's own paths.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Columns:
    """``dict.txt``'s three columns, line by line."""

    words: list[str]
    counts: list[int]
    tags: list[str]
    """Interned: a few dozen distinct tags over 349k lines."""


def dict_path() -> Path | None:
    """jieba's bundled ``dict.txt``, found without importing jieba (which imports
    pkg_resources), or None when jieba is not installed as plain files."""
    spec = importlib.util.find_spec("jieba")
    folder = next(iter(spec.submodule_search_locations or ()), None) if spec else None
    path = Path(folder) / "dict.txt" if folder else None
    return path if path is not None and path.is_file() else None


def split(text: str) -> Columns | None:
    """The columns of a ``dict.txt``'s text, or None if a line is not ``word freq tag``."""
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
    return Columns(words, counts, list(map(sys.intern, parts[2::3])))


def prefix_dict(columns: Columns) -> tuple[dict[str, int], int]:
    """jieba's ``FREQ`` (every word's count, 0 for a prefix that is no word) and ``total``
    (every line's count), as its ``gen_pfdict`` builds them."""
    # the prefixes first, then the words over them: a prefix that is a word has its count
    freq = dict.fromkeys({w[:i] for w in columns.words for i in range(1, len(w))}, 0)
    freq.update(zip(columns.words, columns.counts, strict=True))  # a repeated word: its last
    return freq, sum(columns.counts)


def tag_table(columns: Columns) -> dict[str, str]:
    """Word → part-of-speech tag, what ``jieba.posseg`` loads (a repeated word: its last)."""
    return dict(zip(columns.words, columns.tags, strict=True))


class _Dictionary:
    """Each table built on first use. The process that segments (themes) builds the prefix
    table first and keeps the words and tags (6 MB: the words are the table's own keys) for
    the name finder, which then costs one ``dict(zip(...))``; a process that only groups (the
    parent of a cold build whose workers segment) builds the tags alone."""

    def __init__(self) -> None:
        self.columns: Columns | None = None
        self.prefixes: tuple[dict[str, int], int] | None = None
        self.tags: dict[str, str] | None = None
        self.unreadable = False

    def _columns(self) -> Columns | None:
        if self.columns is None and not self.unreadable:
            path = dict_path()
            try:
                self.columns = split(path.read_text(encoding="utf-8")) if path else None
            except (OSError, UnicodeDecodeError):
                self.columns = None
            self.unreadable = self.columns is None
        return self.columns

    def prefix_dict(self) -> tuple[dict[str, int], int] | None:
        if self.prefixes is None and (columns := self._columns()) is not None:
            self.prefixes = prefix_dict(columns)
            self.columns = (
                None if self.tags is not None else Columns(columns.words, [], columns.tags)
            )
        return self.prefixes

    def tag_table(self) -> dict[str, str] | None:
        if self.tags is None and (columns := self._columns()) is not None:
            self.tags = tag_table(columns)
            self.columns = None  # the prefix table, if it is ever asked, reads the file again
        return self.tags


_dictionary = _Dictionary()


def prefix_dictionary() -> tuple[dict[str, int], int] | None:
    """jieba's ``FREQ`` and ``total`` for its bundled dictionary, built once; None to leave it
    to jieba (a ``dict.txt`` this cannot read). Thread-safe, as every function here."""
    with _lock:
        return _dictionary.prefix_dict()


def tags() -> dict[str, str] | None:
    """Word → part-of-speech tag of the bundled dictionary, built once; None as above."""
    with _lock:
        return _dictionary.tag_table()

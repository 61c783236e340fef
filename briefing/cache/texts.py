"""Articles' paragraphs read from the cache when something reads them, not when a folder opens.

A warm reopen hands documents over with :class:`CachedParagraphs` (a
:class:`~briefing.model.StoredParagraphs`): it reads the file row's ``texts`` column, and
gives the paragraphs only if they still hash to the document's content hash. When the cache
cannot give them (locked by another briefing, gone, damaged) the file itself is read again.
The row and the file can have changed since the folder was opened (the file was edited and
read again): a stale document then shows empty paragraphs, never another version's text.

:func:`texts_of` reads many documents' texts a few hundred files a query, for the passes
over a whole folder (the search index); one query a document took 20 s for 50,000.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from briefing.cache.codec import DecodeError, decode_texts
from briefing.cache.db import Cache
from briefing.corpus.content_key import content_hash
from briefing.model import Document, StoredParagraphs

ReadAgain = Callable[[Any], Sequence[Document]]
"""The documents of a file read afresh (its own loader, no cache), from what names the file
to its loader (the file step's item): one function for a store, not a closure per file."""

KEPT_FILES = 32
"""Files whose decoded texts are kept: the reader reads one article's paragraphs several
times while drawing it, and a file often holds several articles."""

BULK = 500
"""Files whose texts :func:`texts_of` reads in one query."""


class _Kept:
    """A file's decoded texts, and which of them were found to hash right."""

    __slots__ = ("checked", "texts")

    def __init__(self, texts: list[tuple[str, ...]]) -> None:
        self.texts = texts
        self.checked: set[tuple[int, str]] = set()
        """(index, content hash) pairs that matched."""

    def get(self, index: int, title: str, hashed: str) -> tuple[str, ...] | None:
        """The ``index``-th text if it is the one with this title and content hash."""
        if (index, hashed) in self.checked:
            return self.texts[index]
        if index < len(self.texts) and content_hash(title, self.texts[index]) == hashed:
            self.checked.add((index, hashed))
            return self.texts[index]
        return None


def _decoded(payload: str | None) -> _Kept:
    try:
        return _Kept(decode_texts(payload) if payload is not None else [])
    except DecodeError:
        return _Kept([])


class StoredTexts:
    """The texts of one cache's files, fetched by path and kept for the last few files."""

    def __init__(self, cache: Cache, read_again: ReadAgain) -> None:
        self.cache = cache
        self.read_again = read_again
        self._kept: OrderedDict[str, _Kept] = OrderedDict()
        self._lock = threading.Lock()

    def file(self, path: str, how: str, source: object) -> _Kept:
        """``path``'s texts: as kept (``kept``), from the cache (``cache``) or the file."""
        with self._lock:
            found = self._kept.get(path) if how == "kept" else None
            if found is not None:
                self._kept.move_to_end(path)
                return found
        if how == "file":
            found = _Kept([tuple(doc.paragraphs) for doc in self.read_again(source)])
        else:
            found = _decoded(self.cache.file_texts(path))
        with self._lock:
            self._kept[path] = found
            self._kept.move_to_end(path)
            while len(self._kept) > KEPT_FILES:
                self._kept.popitem(last=False)
        return found

    def paragraphs(
        self, path: str, source: object, index: int, count: int, title: str, hashed: str
    ) -> CachedParagraphs:
        """The paragraphs of ``path``'s ``index``-th document, to be read on demand
        (``source``: what :attr:`read_again` reads the file from, should the cache fail)."""
        return CachedParagraphs(self, path, source, index, count, title, hashed)


class CachedParagraphs(StoredParagraphs):
    """One document's paragraphs in the cache: where to find them and how to know them."""

    __slots__ = ("_hashed", "_index", "_path", "_source", "_store", "_title")

    def __init__(
        self, store: StoredTexts, path: str, source: object, index: int, count: int,
        title: str, hashed: str,
    ) -> None:  # fmt: skip
        super().__init__(count)
        self._store, self._path, self._source = store, path, source
        self._index, self._title, self._hashed = index, title, hashed

    def read(self) -> tuple[str, ...]:
        # what was kept may predate a re-read of the file; the cache may fail
        for how in ("kept", "cache", "file"):
            found = self._store.file(self._path, how, self._source).get(
                self._index, self._title, self._hashed
            )
            if found is not None:
                return found
        return ("",) * self._count  # the file changed since: nothing rather than another text


def texts_of(docs: Iterable[Document]) -> Iterator[tuple[Document, Sequence[str]]]:
    """Each document with its paragraphs, in order; cached ones read in bulk."""
    it = iter(docs)
    while chunk := list(islice(it, BULK)):
        stored = [d.paragraphs for d in chunk if isinstance(d.paragraphs, CachedParagraphs)]
        kept: dict[tuple[int, str], _Kept] = {}
        by_store: dict[int, tuple[StoredTexts, set[str]]] = {}
        for paras in stored:
            by_store.setdefault(id(paras._store), (paras._store, set()))[1].add(paras._path)
        for store, paths in by_store.values():
            for path, payload in store.cache.many_file_texts(sorted(paths)).items():
                kept[(id(store), path)] = _decoded(payload)
        for doc in chunk:
            lazy = doc.paragraphs
            if isinstance(lazy, CachedParagraphs):
                got = kept.get((id(lazy._store), lazy._path))
                found = got.get(lazy._index, lazy._title, lazy._hashed) if got else None
                yield doc, found if found is not None else lazy.read()
            else:
                yield doc, lazy

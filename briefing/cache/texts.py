"""Articles' paragraphs read from the cache when something reads them, not when a folder opens.

A warm reopen hands documents over with :class:`~briefing.model.StoredParagraphs`, whose
loader is here: it reads the file row's ``texts`` column, and gives the paragraphs only if
they still hash to the document's content hash. When the cache cannot give them (locked by
another briefing, gone, damaged) the file itself is read again. The row and the file can
have changed since the folder was opened (the file was edited and read again): a stale
document then shows empty paragraphs, never another version's text.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence

from briefing.cache.codec import DecodeError, decode_texts
from briefing.cache.db import Cache
from briefing.corpus.document import content_hash
from briefing.model import Document, StoredParagraphs

ReadAgain = Callable[[], Sequence[Document]]
"""The documents of a file read afresh (its own loader, no cache)."""

KEPT_FILES = 32
"""Files whose decoded texts are kept: the reader reads one article's paragraphs several
times while drawing it, and a file often holds several articles."""


class _Kept:
    """A file's decoded texts, and which of them were found to hash right."""

    __slots__ = ("checked", "texts")

    def __init__(self, texts: list[tuple[str, ...]]) -> None:
        self.texts = texts
        self.checked: set[tuple[int, str]] = set()
        """(index, content hash) pairs that matched."""


class StoredTexts:
    """The texts of one cache's files, fetched by path and kept for the last few files."""

    def __init__(self, cache: Cache) -> None:
        self._cache = cache
        self._kept: OrderedDict[str, _Kept] = OrderedDict()
        self._lock = threading.Lock()

    def _file(self, path: str, how: str, read_again: ReadAgain) -> _Kept:
        """``path``'s texts: as kept (``kept``), from the cache (``cache``) or the file."""
        with self._lock:
            found = self._kept.get(path) if how == "kept" else None
            if found is not None:
                self._kept.move_to_end(path)
                return found
        if how == "file":
            found = _Kept([tuple(doc.paragraphs) for doc in read_again()])
        else:
            payload = self._cache.file_texts(path)
            try:
                found = _Kept(decode_texts(payload) if payload is not None else [])
            except DecodeError:
                found = _Kept([])
        with self._lock:
            self._kept[path] = found
            self._kept.move_to_end(path)
            while len(self._kept) > KEPT_FILES:
                self._kept.popitem(last=False)
        return found

    def paragraphs(
        self, path: str, read_again: ReadAgain, index: int, count: int, title: str, hashed: str
    ) -> StoredParagraphs:
        """The paragraphs of ``path``'s ``index``-th document, to be read on demand."""

        def load() -> tuple[str, ...]:
            # what was kept may predate a re-read of the file; the cache may fail
            for how in ("kept", "cache", "file"):
                kept = self._file(path, how, read_again)
                if (index, hashed) in kept.checked:
                    return kept.texts[index]
                if index < len(kept.texts) and content_hash(title, kept.texts[index]) == hashed:
                    kept.checked.add((index, hashed))
                    return kept.texts[index]
            return ("",) * count  # the file changed since: nothing rather than another text

        return StoredParagraphs(load, count)

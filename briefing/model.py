"""The values every part of briefing passes around.

Frozen dataclasses with tuples, so a document or brief can be shared between threads and
processes, hashed and cached without defensive copies. JSON is made only at the edge
(:func:`briefing.render.jsonout`), never here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload


class StoredParagraphs(Sequence[str]):
    """An article's paragraphs left where they are kept until something reads them.

    A reopened folder of 50,000 articles held every text in memory (150 MB, and decoding
    them was a third of the reopen) though a reader shows a handful and a daily brief none:
    the cache now hands documents over with one of these in place of the tuple, and
    :meth:`read` (the cache's, :mod:`briefing.cache.texts`) fetches the text on each read.
    Nothing is kept here, so a pass over every text, as the search index makes, does not
    bring them all back at once. It counts without reading, equals and hashes as the tuple
    it stands for, and pickles as that tuple (a worker process gets the text itself).
    """

    __slots__ = ("_count",)

    def __init__(self, count: int) -> None:
        self._count = count

    def read(self) -> tuple[str, ...]:
        """The paragraphs themselves."""
        raise NotImplementedError

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...
    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        return self.read()[index]

    def __iter__(self) -> Iterator[str]:
        return iter(self.read())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, StoredParagraphs | tuple):
            return self.read() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.read())

    def __reduce__(self) -> tuple[type, tuple[tuple[str, ...]]]:
        return (tuple, (self.read(),))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._count} paragraphs)"


@dataclass(frozen=True, slots=True)
class Problem:
    """A file (or theme, or store) that could not be used, and why, in one line.

    Bad input never raises out of a load: it becomes a Problem collected beside the results, so
    the rest of the corpus still loads and the CLI can print ``briefing: PATH: message``.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One matched term of a theme: what matched, where, and how often."""

    term: str
    """The theme file's term that matched (as written in the theme file)."""
    paragraph: int
    """Index into Document.paragraphs; -1 means the title."""
    count: int = 1


@dataclass(frozen=True, slots=True)
class ThemeMatch:
    """A theme assigned to a document, with the evidence that put it there."""

    theme_id: str
    score: float
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """One article, repaired and described.

    A file can hold several (an aggregator page, a JSON list, a feed); ``id`` stays stable across
    runs because it is made from the path relative to the corpus root plus the article's position
    in its file, never from load order.
    """

    id: str
    path: str
    """The file it came from, as given or found (absolute when found by walking a folder), with
    undecodable bytes and control characters escaped (:mod:`briefing.corpus.names`): for
    showing, not for opening."""
    title: str
    title_derived: bool
    """True when the file had no title and one was made from the opening sentence."""
    date: dt.date | None
    source: str | None
    lang: str
    """ISO 639-1; ``zh-cn`` / ``zh-tw`` for simplified / traditional Chinese; ``und``: unknown."""
    paragraphs: Sequence[str]
    """A tuple, or :class:`StoredParagraphs` when the document came from the cache."""
    url: str | None = None
    author: str | None = None
    published: dt.datetime | None = None
    """The moment the file says the article was published, with the offset it states
    (``2025-03-19T00:00:00+09:00``): never converted to UTC, so ``date`` is the publisher's own
    day. None when the file gives only a date, or none."""
    themes: tuple[ThemeMatch, ...] = ()
    content_hash: str = ""
    """sha1 of title + text: the key of anything computed from the text (briefs, caches)."""
    date_estimated: bool = False
    """True when ``date`` is not the article's own but its story's (an undated report of an
    event others dated: :mod:`briefing.stories.dates`). Never cached: it depends on the
    corpus."""

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def theme_ids(self) -> tuple[str, ...]:
        return tuple(m.theme_id for m in self.themes)


@dataclass(frozen=True, slots=True)
class KeyPoint:
    text: str
    paragraph: int
    """Index into Document.paragraphs: the TUI jumps there."""


@dataclass(frozen=True, slots=True)
class Brief:
    doc_id: str
    sentences: tuple[str, ...]
    """2–3 sentences of the article, in reading order (fewer only when the article has fewer)."""
    key_points: tuple[KeyPoint, ...]
    method: str


@dataclass(frozen=True, slots=True)
class Term:
    """A theme's signal word or phrase in one language."""

    text: str
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class Theme:
    """A theme definition read from a TOML file (bundled or the user's)."""

    id: str
    label: dict[str, str] = field(hash=False)
    """Label per language code; ``en`` is the fallback (see :meth:`label_for`)."""
    terms: dict[str, tuple[Term, ...]] = field(hash=False)
    """Terms per language family: ``ja``, ``zh`` (simplified and traditional), ``fr``, ``en``."""
    exclude: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    threshold: float = 2.0
    path: str = ""

    def label_for(self, lang: str) -> str:
        family = lang.split("-")[0]
        return self.label.get(lang) or self.label.get(family) or self.label.get("en") or self.id

"""The core functions the app calls from its workers, gathered so tests can swap them.

The app never imports the corpus loader, the summarizer or the theme matcher at module level:
they pull in jieba, sumy and langdetect (seconds of import and tens of MB), which must happen in a
worker after the first screen is up. Tests pass a :class:`Pipeline` of small fakes instead, which
keeps the Pilot suite fast and independent of the summarizer's output.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from briefing.model import Brief, Document, Problem, Theme

Progress = Callable[[int, int], None]


class LoadedCorpus(Protocol):
    """What ``briefing.corpus.load.load_corpus`` returns, as far as the app cares."""

    @property
    def documents(self) -> Sequence[Document]: ...

    @property
    def problems(self) -> Sequence[Problem]: ...


@dataclass(frozen=True)
class Pipeline:
    load: Callable[[list[Path], Progress | None], LoadedCorpus]
    load_themes: Callable[[], tuple[tuple[Theme, ...], tuple[Problem, ...]]]
    assign_themes: Callable[[Sequence[Document], Sequence[Theme]], tuple[Document, ...]]
    summarize: Callable[[Document], Brief]

    @classmethod
    def default(cls, max_bytes: int | None = None) -> Pipeline:
        """The real core, imported lazily (each call runs in a worker thread).

        ``max_bytes`` is the CLI's ``--max-size``: files above it become problems, not documents.
        """

        def load(paths: list[Path], progress: Progress | None) -> LoadedCorpus:
            from briefing.corpus.load import load_corpus

            if max_bytes is None:
                return load_corpus(paths, progress=progress)
            return load_corpus(paths, max_bytes=max_bytes, progress=progress)

        def load_themes() -> tuple[tuple[Theme, ...], tuple[Problem, ...]]:
            from briefing.themes import load_themes

            return load_themes()

        def assign_themes(
            docs: Sequence[Document], themes: Sequence[Theme]
        ) -> tuple[Document, ...]:
            from briefing.themes import assign_themes

            return assign_themes(docs, themes)

        def summarize(doc: Document) -> Brief:
            from briefing.summarize import summarize

            return summarize(doc)

        return cls(load, load_themes, assign_themes, summarize)

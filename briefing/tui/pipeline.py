"""The core functions the app calls from its workers, gathered so tests can swap them.

The app never imports the corpus loader, the summarizer or the theme matcher at module level:
they pull in jieba, sumy and langdetect (seconds of import and tens of MB), which must happen in a
worker after the first screen is up. Tests pass a :class:`Pipeline` of small fakes instead, which
keeps the Pilot suite fast and independent of the summarizer's output.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from briefing.model import Brief, Document, Problem, Theme

Progress = Callable[[int, int], None]
Arrived = Callable[[Sequence[Document]], None]
"""Called with documents as their files are read, before the whole corpus is in."""


class LoadedCorpus(Protocol):
    """What ``briefing.corpus.load.load_corpus`` returns, as far as the app cares."""

    @property
    def documents(self) -> Sequence[Document]: ...

    @property
    def problems(self) -> Sequence[Problem]: ...


SummarizeMany = Callable[
    [Sequence[Document], Progress, Callable[[], bool], Callable[[Brief], None]],
    Sequence[Problem],
]
"""``(docs, progress, should_stop, on_brief) -> problems``: every brief in one batch."""


@dataclass(frozen=True)
class Pipeline:
    load: Callable[[list[Path], Progress | None, Arrived | None], LoadedCorpus]
    load_themes: Callable[[], tuple[tuple[Theme, ...], tuple[Problem, ...]]]
    assign_themes: Callable[[Sequence[Document], Sequence[Theme]], tuple[Document, ...]]
    summarize: Callable[[Document], Brief]
    summarize_many: SummarizeMany | None = None
    """Briefs from the cache and the worker processes, handed over as they land; None (test
    fakes) summarizes one document at a time with :attr:`summarize`."""

    @classmethod
    def default(
        cls,
        max_bytes: int | None = None,
        *,
        use_cache: bool = True,
        jobs: int | None = None,
        follow_symlinks: bool = False,
        time_limit: float | None = None,
    ) -> Pipeline:
        """The real core through :mod:`briefing.library` (its cache and worker processes),
        imported lazily: each call runs in a worker thread.

        ``max_bytes`` is the CLI's ``--max-size``: files above it become problems, not documents;
        ``time_limit`` its ``--time-limit``: a file still loading after it becomes one too.
        The library assigns themes while loading (from the cache when it can), so
        ``load_themes`` and ``assign_themes`` hand back what the load already did.
        """
        opened: dict[str, object] = {}

        def load(
            paths: list[Path], progress: Progress | None, arrived: Arrived | None = None
        ) -> LoadedCorpus:
            from briefing.corpus.read import DEFAULT_MAX_BYTES
            from briefing.library import open_library

            lib = open_library(
                paths,
                max_bytes=DEFAULT_MAX_BYTES if max_bytes is None else max_bytes,
                progress=progress,
                use_cache=use_cache,
                jobs=jobs,
                on_documents=arrived,
                follow_symlinks=follow_symlinks,
                time_limit=time_limit,
            )
            opened["themes"] = lib.themes
            # cache messages (damaged, locked) are shown with the load's problems
            return replace(lib.corpus, problems=lib.notices + lib.problems)

        def load_themes() -> tuple[tuple[Theme, ...], tuple[Problem, ...]]:
            if "themes" in opened:
                return opened["themes"], ()  # type: ignore[return-value]
            from briefing.themes import load_themes

            return load_themes()

        def assign_themes(
            docs: Sequence[Document], themes: Sequence[Theme]
        ) -> tuple[Document, ...]:
            if themes is opened.get("themes"):
                return tuple(docs)  # matched while loading
            from briefing.themes import assign_themes

            return assign_themes(docs, themes)

        def summarize(doc: Document) -> Brief:
            from briefing.library import brief_for

            return brief_for(doc, use_cache=use_cache)

        def summarize_many(
            docs: Sequence[Document],
            progress: Progress,
            should_stop: Callable[[], bool],
            on_brief: Callable[[Brief], None],
        ) -> Sequence[Problem]:
            from briefing.library import briefs_for

            _briefs, problems = briefs_for(
                docs,
                progress,
                use_cache=use_cache,
                jobs=jobs,
                should_stop=should_stop,
                on_brief=on_brief,
            )
            return problems

        return cls(load, load_themes, assign_themes, summarize, summarize_many)

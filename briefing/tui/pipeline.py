"""The core the app calls from its workers, behind one small protocol that tests can fake.

The app never imports the loader, the summarizer or the theme matcher at module level: they pull
in jieba and langdetect (seconds of import and tens of MB), which must happen in a worker after
the first screen is up. :meth:`Pipeline.default` is the real core through
:mod:`briefing.library`; the Pilot tests pass a :class:`Pipeline` of fakes with the same two
calls, so the app runs the same code paths with either.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.model import Brief, Document, Problem, Theme

Progress = Callable[[int, int], None]
Arrived = Callable[[Sequence[Document]], None]
"""Called with documents as their files are read, before the whole corpus is in."""


@dataclass(frozen=True, slots=True)
class Loaded:
    """A folder as the reader shows it."""

    documents: tuple[Document, ...]
    """With their themes."""
    themes: tuple[Theme, ...]
    problems: tuple[Problem, ...]
    """Files, parts of files and theme files that were skipped: "N skipped"."""
    notices: tuple[Problem, ...] = ()
    """Messages about the cache (locked, damaged and rebuilt): shown, but nothing was skipped."""


Load = Callable[[list[Path], Progress | None, Arrived | None], Loaded]
"""``(paths, progress, arrived) -> Loaded``."""

SummarizeMany = Callable[
    [Sequence[Document], Progress, Callable[[], bool], Callable[[Brief], None], Callable[[], None]],
    Sequence[Problem],
]
"""``(docs, progress, should_stop, on_brief, on_cached) -> problems``: every brief, each handed
to ``on_brief`` as it lands (cached ones first); ``on_cached()`` once the cached ones are out,
before anything is summarized."""

EstimateDates = Callable[
    [Sequence[Document], Callable[[], bool]], tuple[dict[str, dt.date], Sequence[Problem]]
]
"""``(docs, should_stop) -> (doc id → estimated date, problems)``: undated articles placed by
their story, remembered ones first (:mod:`briefing.library.story_dates`)."""


@dataclass(frozen=True)
class Pipeline:
    load: Load
    summarize_many: SummarizeMany
    estimate_dates: EstimateDates | None = None
    """None: undated articles stay undated in the reader."""

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
        """

        def load(paths: list[Path], progress: Progress | None, arrived: Arrived | None) -> Loaded:
            from briefing.corpus.sizes import DEFAULT_MAX_BYTES
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
            return Loaded(lib.documents, lib.themes, lib.problems, lib.notices)

        def summarize_many(
            docs: Sequence[Document],
            progress: Progress,
            should_stop: Callable[[], bool],
            on_brief: Callable[[Brief], None],
            on_cached: Callable[[], None],
        ) -> Sequence[Problem]:
            from briefing.library import briefs_for

            _briefs, problems = briefs_for(docs, progress, use_cache=use_cache, jobs=jobs,
                                           should_stop=should_stop, on_brief=on_brief,
                                           on_cached=on_cached, keep=False)  # fmt: skip
            return problems

        def estimate_dates(
            docs: Sequence[Document], should_stop: Callable[[], bool]
        ) -> tuple[dict[str, dt.date], Sequence[Problem]]:
            from briefing.library.story_dates import estimated_dates

            # one process: the reader's workers share the cores with the event loop
            return estimated_dates(docs, use_cache=use_cache, jobs=1, should_stop=should_stop)

        return cls(load, summarize_many, estimate_dates)

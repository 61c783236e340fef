"""The corpus as the CLI and the TUI see it: documents with their themes, briefs, every problem.

One place composes the core (load → themes → briefs) so ``briefing list``, ``briefing daily`` and
the TUI can never disagree about what a folder holds, and so all of them get the cache and the
worker processes. Each step (:mod:`briefing.cache.steps`) looks its items up in the cache first,
computes only the misses, and stores them as they arrive, so an interrupted build keeps its
progress: files by path and ``stat``; theme matches by content hash and theme set; briefs by
content hash, made only when asked for (``briefing list`` never pays for a summarizer).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.cache import step, steps
from briefing.cache.db import Cache
from briefing.cache.tasks import FileItem, LoadedFile, Matches
from briefing.corpus.assemble import Corpus, assemble_corpus
from briefing.corpus.limits import Limits
from briefing.corpus.sizes import DEFAULT_MAX_BYTES
from briefing.corpus.walk import absolute_paths, display_path, iter_files, relative_id
from briefing.library.derived import (
    brief_for,
    briefs_for,
    open_cache_for,
    stories_of,
    vectors_for,
)
from briefing.model import Brief, Document, Problem, Theme
from briefing.paths import bundled_seeds
from briefing.themes import load_themes

if TYPE_CHECKING:
    from briefing.query import QueryIndex
    from briefing.stories import StoryIndex

Progress = step.Progress
ShouldStop = step.ShouldStop
OnDocuments = Callable[[Sequence[Document]], None]


@dataclass(frozen=True, slots=True)
class Library:
    corpus: Corpus
    themes: tuple[Theme, ...]
    theme_problems: tuple[Problem, ...] = ()
    notices: tuple[Problem, ...] = ()
    """Messages about the cache (damaged, locked): worth a line, but no file was skipped, so
    they are kept out of :attr:`problems` (which decides exit code 3, and "N skipped")."""
    use_cache: bool = True
    jobs: int | None = None

    @property
    def documents(self) -> tuple[Document, ...]:
        return self.corpus.documents

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.corpus.problems + self.theme_problems

    def theme(self, theme_id: str) -> Theme | None:
        """The theme with this id, in any case (``Robotics`` is ``robotics``)."""
        return next((t for t in self.themes if t.id.casefold() == theme_id.casefold()), None)

    def brief(self, doc: Document) -> Brief:
        return brief_for(doc, use_cache=self.use_cache)

    def briefs(self, docs: Sequence[Document], progress: Progress | None = None,
               should_stop: ShouldStop | None = None,
               on_brief: Callable[[Brief], None] | None = None,
               ) -> tuple[dict[str, Brief], tuple[Problem, ...]]:  # fmt: skip
        return briefs_for(docs, progress, use_cache=self.use_cache, jobs=self.jobs,
                          should_stop=should_stop, on_brief=on_brief)  # fmt: skip

    def stories(
        self,
        docs: Sequence[Document] | None = None,
        progress: Progress | None = None,
        should_stop: ShouldStop | None = None,
    ) -> tuple[StoryIndex, tuple[Problem, ...]]:
        """The stories of ``docs`` (default: every document), by anchors and meaning.

        Vectors come from the cache or are made on every core (:func:`vectors_for`); without
        the encoder the stories rest on anchors alone and one Problem says so.
        """
        docs = self.documents if docs is None else docs
        return stories_of(
            docs, progress, use_cache=self.use_cache, jobs=self.jobs, should_stop=should_stop
        )

    def remembered_story_dates(self) -> dict[str, dt.date] | None:
        """The estimated dates a grouping of this very folder state left in the cache, or None:
        what ``briefing list`` shows without grouping (:mod:`.story_dates`)."""
        if not self.use_cache:
            return None
        from briefing.library.story_dates import recall

        return recall(self.documents)


def open_library(
    corpus: str | Path | Sequence[str | Path] | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    use_cache: bool = True,
    jobs: int | None = None,
    should_stop: ShouldStop | None = None,
    on_documents: OnDocuments | None = None,
    follow_symlinks: bool = False,
    time_limit: float | None = None,
) -> Library:
    """Load ``corpus`` (a path or several; None: the bundled seeds) with themes, from the cache
    where it is still valid.

    ``progress(done, total)`` counts files (then documents whose themes are matched again);
    ``jobs`` caps the worker processes (default: every core; 1: none); ``should_stop`` lets a
    TUI worker give up between chunks; ``on_documents`` gets each batch of documents as it is
    read (cached ones first) so a reader can list them before the folder is done — they may
    lack their themes yet, and an id can still get its ``~2``: the returned corpus is final.
    ``follow_symlinks`` reads links that leave the folder; ``time_limit`` is the seconds one
    file may take (default ``BRIEFING_TIME_LIMIT`` or 30; 0: none), and the other per-file
    limits come from the environment (:class:`~briefing.corpus.limits.Limits`).
    """
    with step.collector_paused():  # millions of long-lived objects, no cycles
        return _open(corpus, max_bytes, progress, use_cache, jobs, should_stop, on_documents,
                     follow_symlinks, time_limit)  # fmt: skip


def _open(
    corpus: str | Path | Sequence[str | Path] | None,
    max_bytes: int,
    progress: Progress | None,
    use_cache: bool,
    jobs: int | None,
    should_stop: ShouldStop | None,
    on_documents: OnDocuments | None,
    follow_symlinks: bool,
    time_limit: float | None,
) -> Library:
    if corpus is None:
        paths = [bundled_seeds()]
    else:
        paths = [Path(p) for p in ([corpus] if isinstance(corpus, str | Path) else corpus)]
    cache = open_cache_for(use_cache)
    themes, theme_problems = load_themes()
    files, problems = iter_files(paths, follow_symlinks=follow_symlinks)
    limits = Limits.from_env(time_limit)
    items: list[FileItem] = [(str(p), relative_id(p, root), max_bytes, limits) for p, root in files]
    loaded: dict[str, tuple[list[Document], list[Problem]]] = {}
    bare: set[str] = set()  # files from the cache: their documents' themes are looked up next
    batch: list[Document] = []

    strings: dict[str, str] = {}
    """One copy of each paragraph that several freshly read files repeat (wire copies): each
    result from a worker process arrives as new strings, and a cold build of 50,000 articles
    held them all (the read-back from the cache shares them the same way: ``codec.decode_file``)."""

    def got_file(item: FileItem, result: LoadedFile) -> None:
        docs, probs, _cacheable, matches = result
        if matches is None:
            bare.add(item[0])
        else:
            probs = probs + [m for m in matches if isinstance(m, Problem)]
            docs = [
                replace(d, paragraphs=tuple([strings.setdefault(p, p) for p in d.paragraphs]),
                        themes=d.themes if isinstance(m, Problem) else m)
                for d, m in zip(docs, matches, strict=True)
            ]  # fmt: skip
        loaded[item[0]] = (docs, probs)
        batch.extend(docs)

    def handed_over(done: int, total: int) -> None:
        if on_documents and batch:
            on_documents(list(batch))
        batch.clear()
        if progress:
            progress(done, total)

    absolute = absolute_paths(files)
    step.run(steps.file_step(cache, themes, max_bytes,
                             {item[0]: a for item, a in zip(items, absolute, strict=True)}),
             items, got_file, progress=handed_over, jobs=jobs, should_stop=should_stop)  # fmt: skip
    if cache is not None:
        _forget_deleted(cache, paths, set(absolute))
    corpus_ = assemble_corpus(paths, files, problems, lambda p, _r: loaded.get(str(p), ([], [])),
                              rel_ids=[item[1] for item in items])  # fmt: skip
    bare_paths = {display_path(p) for p in bare}
    waiting = [d for d in corpus_.documents if d.path in bare_paths] if themes else []
    found: dict[tuple[str, str], Matches] = {}

    def got_themes(doc: Document, matches: Matches) -> None:
        found[(doc.content_hash, doc.lang)] = matches

    if waiting:
        step.run(steps.theme_step(cache, themes), waiting, got_themes, progress=progress,
                 jobs=jobs, should_stop=should_stop)  # fmt: skip
    docs = tuple(
        replace(d, themes=m) if d.path in bare_paths and (m := found.get((d.content_hash, d.lang)))
        and not isinstance(m, Problem) else d
        for d in corpus_.documents
    )  # fmt: skip
    theme_probs = tuple(m for m in found.values() if isinstance(m, Problem))
    corpus_ = replace(corpus_, documents=docs, problems=corpus_.problems + theme_probs)
    return Library(corpus_, tuple(themes), tuple(theme_problems),
                   tuple(cache.take_notices()) if cache else (), use_cache, jobs)  # fmt: skip


def search_index(docs: Sequence[Document]) -> QueryIndex:
    """The search index of ``docs``, their texts read from the cache in bulk, not one by one."""
    from briefing.cache.texts import texts_of
    from briefing.query import QueryIndex

    return QueryIndex(texts=texts_of(docs))


def _forget_deleted(cache: Cache, paths: Sequence[Path], present: set[str]) -> None:
    """Drop cached files that were deleted from a folder, so the cache does not only grow
    (``present``: the absolute path of every file found)."""
    for folder in paths:
        if Path(folder).is_dir():
            cache.forget_files([p for p in cache.files_under(os.path.abspath(folder))
                                if p not in present])  # fmt: skip


__all__ = [
    "Library",
    "brief_for",
    "briefs_for",
    "open_library",
    "search_index",
    "stories_of",
    "vectors_for",
]

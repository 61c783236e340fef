"""What the library makes per document on demand, through the cache: briefs and sentence
vectors. ``briefing list`` never asks for either; ``daily`` and the reader ask for briefs,
``stories`` and ``export`` for vectors too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from briefing.cache import step, steps
from briefing.cache.db import Cache, open_cache
from briefing.model import Brief, Document, Problem
from briefing.paths import cache_dir
from briefing.text.words import use_cache_dir

if TYPE_CHECKING:
    import numpy as np

    from briefing.stories import StoryIndex

Progress = step.Progress
ShouldStop = step.ShouldStop


def open_cache_for(use_cache: bool) -> Cache | None:
    use_cache_dir(cache_dir())  # jieba's dictionary cache sits beside ours
    return open_cache() if use_cache else None


def briefs_for(
    docs: Sequence[Document],
    progress: Progress | None = None,
    *,
    use_cache: bool = True,
    jobs: int | None = None,
    should_stop: ShouldStop | None = None,
    on_brief: Callable[[Brief], None] | None = None,
    on_cached: Callable[[], None] | None = None,
    keep: bool = True,
) -> tuple[dict[str, Brief], tuple[Problem, ...]]:
    """The brief of each document, by id, and a Problem for each that could not be made.

    Cached briefs come first; copies of one article (same content hash) are summarized once.
    ``on_brief`` gets each brief as soon as it is there, so a reader shows them as they come;
    ``on_cached()`` runs once the cached ones are out, before anything is summarized. With
    ``keep=False`` the briefs go to ``on_brief`` only and the dict is empty: a reader keeps its
    own compact copy, and 50,000 briefs held here too took 110 MB.
    """
    cache = open_cache_for(use_cache)
    out: dict[str, Brief] = {}
    problems: list[Problem] = []

    def got(doc: Document, result: Brief | Problem) -> None:
        mine = steps.for_document(result, doc)
        if isinstance(mine, Problem):
            problems.append(mine)
            return
        if keep:
            out[doc.id] = mine
        if on_brief:
            on_brief(mine)

    step.run(steps.brief_step(cache), docs, got, progress=progress, jobs=jobs,
             should_stop=should_stop, on_cached=on_cached)  # fmt: skip
    notices = cache.take_notices() if cache else []
    return out, (*notices, *problems)


def brief_for(doc: Document, *, use_cache: bool = True) -> Brief:
    """One document's brief (from the cache when it is there); raises if it cannot be made."""
    briefs, _problems = briefs_for([doc], use_cache=use_cache, jobs=1)
    if doc.id in briefs:
        return briefs[doc.id]
    from briefing.summarize import summarize  # deferred: only a failed brief gets here

    return summarize(doc)  # raises the summarizer's own error, as it always did


def vectors_for(
    docs: Sequence[Document],
    progress: Progress | None = None,
    *,
    use_cache: bool = True,
    jobs: int | None = None,
    should_stop: ShouldStop | None = None,
) -> tuple[dict[str, np.ndarray], tuple[Problem, ...]]:
    """Each document's sentence vectors (:mod:`briefing.stories.meaning`), by id.

    A document missing from the result has none: it had no text, or the encoder did not load
    (then one Problem says so, and stories rest on anchors alone). The encoder is loaded in
    this process only to tell which, so a warm run never pays for it.
    """
    from briefing.stories import meaning

    cache = open_cache_for(use_cache)
    out: dict[str, np.ndarray] = {}
    empty: list[Document] = []

    def got(doc: Document, payload: bytes | None) -> None:
        vectors = meaning.decode_vectors(payload) if payload else None
        if vectors is None:
            empty.append(doc)
        else:
            out[doc.id] = vectors

    step.run(steps.vector_step(cache), docs, got, progress=progress, jobs=jobs,
             should_stop=should_stop)  # fmt: skip
    notices: list[Problem] = list(cache.take_notices()) if cache else []
    if empty and any(meaning.texts_for(d) for d in empty) and not meaning.available():
        notices.append(
            Problem(
                "sentence encoder",
                f"could not load ({meaning.failure()}); stories use anchors only",
            )
        )
    return out, tuple(notices)


def stories_of(
    docs: Sequence[Document],
    progress: Progress | None = None,
    *,
    use_cache: bool = True,
    jobs: int | None = None,
    should_stop: ShouldStop | None = None,
) -> tuple[StoryIndex, tuple[Problem, ...]]:
    """The stories of ``docs``, by anchors and meaning: what ``briefing stories``, ``daily``,
    ``export`` and the reader's export and story dates all call, so they never disagree.

    Vectors come from the cache or are made (:func:`vectors_for`), for every article but the
    copies (:func:`~briefing.stories.find_duplicates`: grouping sets them aside under the
    article they copy, so their vectors were never read); without the encoder the
    stories rest on anchors alone and one Problem says so. The estimated dates the stories give
    are remembered for this folder state (:mod:`.story_dates`), so ``briefing list`` shows them
    without grouping anything.
    """
    from briefing.cache.texts import texts_of
    from briefing.library import story_dates
    from briefing.stories import find_duplicates, stories_for
    from briefing.stories.dates import estimate_dates

    # a view's copy may carry estimated dates (the reader's list): group on the articles' own
    docs = sorted(
        (replace(d, date=None, date_estimated=False) if d.date_estimated else d for d in docs),
        key=lambda d: d.id,
    )
    # grouping reads every text three times (copies, anchors, meaning): read them once, in
    # bulk, for as long as the grouping lasts (the index keeps ids, not documents)
    docs = [d if isinstance(d.paragraphs, tuple) else replace(d, paragraphs=tuple(text))
            for d, text in texts_of(docs)]  # fmt: skip
    # a copy stands aside under the article it copies and is never compared: it needs no vector
    duplicates = find_duplicates(docs)
    shown = [d for d in docs if d.id not in duplicates]
    vectors, problems = vectors_for(
        shown, progress, use_cache=use_cache, jobs=jobs, should_stop=should_stop
    )
    index = stories_for(docs, vectors, duplicates)
    stopped = should_stop is not None and should_stop()  # then some vectors are missing
    if use_cache and vectors and not stopped:  # anchors alone are not what the key promises
        undated = {d.id for d in docs if d.date is None}
        story_dates.remember(docs, {k: v for k, v in estimate_dates(index).items() if k in undated})
    return index, problems

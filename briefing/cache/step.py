"""One cached step: look items up, compute the misses (in worker processes when it pays), store
what was computed as it arrives, and report progress.

Loading files, matching themes and making briefs are the same loop with different keys,
tasks and rows; written three times it drifted (one deduplicated copies, one did not; one
reported progress per copy, one per item). Each is now a :class:`Step` handed to :func:`run`.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections import Counter
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from briefing.cache.pool import available_cores, chunked, elsewhere_workers, run_chunks

I = TypeVar("I")  # noqa: E741 - an item, as in the type parameters of the standard library
R = TypeVar("R")
K = TypeVar("K", bound=Hashable)

Progress = Callable[[int, int], None]
ShouldStop = Callable[[], bool]

MIN_PARALLEL = 24
"""Misses (files or documents) below which a step runs in this process. A worker costs about
0.2 s to start plus 1–2 s to load jieba, langdetect's profiles and sumy, which a handful of
articles (the seeds, an edited file) never wins back."""
LOOKUP_CHUNK = 1000
"""Items looked up in the cache at a time, each chunk delivered (and its progress reported)
before the next is stat'ed: the reader lists the first thousand rows of a 50,000-article
folder while the rest are still being looked up."""


@dataclass(frozen=True)
class Step(Generic[I, K, R]):
    """What makes one kind of result, and where it is kept.

    ``key`` names an item's result: items with one key (copies of an article) are computed
    once. ``lookup`` gives the results the cache still holds for some keys; ``task`` (a
    top-level function of :mod:`briefing.cache.tasks`, so a worker can import it) computes a
    chunk of items; ``store`` writes a chunk of computed results.
    """

    key: Callable[[I], K]
    lookup: Callable[[Sequence[K]], Mapping[K, R]]
    task: Callable[..., list[R]]
    store: Callable[[Sequence[tuple[I, R]]], None]
    args: tuple[Any, ...] = ()
    local_args: tuple[Any, ...] | None = None
    """``args`` when the misses are computed in this process (too few for workers), if they
    differ: the file step then leaves theme matching to its own step, so a reader lists a
    small folder's rows before jieba's dictionary has loaded for their themes."""
    cheap_keys: bool = False
    """``key`` costs nothing (fields of the item, not a ``stat``): every key is then made before
    the first lookup, and a cached result is let go once its last item has it, rather than
    kept until the step ends (a reader's 50,000 cached briefs were all alive at once, and the
    memory they had taken stayed with the process)."""


_paused = 0
_paused_lock = threading.Lock()
_resume = False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a step delivers its results.

    Reading 50,000 cached files back makes millions of long-lived objects and no reference
    cycles; every few hundred allocations the collector walked them all again: 0.4 of a
    2.3 s warm reopen. Nested and concurrent pauses (the reader loads and briefs in two
    threads) count: the collector resumes when the last one ends, if it was on before."""
    global _paused, _resume
    with _paused_lock:
        if _paused == 0:
            _resume = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _paused_lock:
            _paused -= 1
            if _paused == 0 and _resume:
                gc.enable()


def workers(jobs: int | None, misses: int) -> int:
    """Worker processes for ``misses`` items: every core (or ``jobs``), when there are enough."""
    wanted = elsewhere_workers() or (available_cores() if jobs is None else max(1, jobs))
    return wanted if misses >= MIN_PARALLEL else 1


def run(
    step: Step[I, K, R],
    items: Sequence[I],
    deliver: Callable[[I, R], None],
    *,
    progress: Progress | None = None,
    jobs: int | None = None,
    should_stop: ShouldStop | None = None,
    on_cached: Callable[[], None] | None = None,
) -> None:
    """``deliver(item, result)`` for every item: the cached ones first, then each chunk of
    computed ones as it finishes (after it was stored, so an interrupted run keeps it).

    ``progress(done, total)`` counts items; ``on_cached`` runs once the cached results were
    delivered, before anything is computed (a reader lists them at once).
    """
    with collector_paused():
        _run(step, items, deliver, progress, jobs, should_stop, on_cached)


def _run(
    step: Step[I, K, R],
    items: Sequence[I],
    deliver: Callable[[I, R], None],
    progress: Progress | None,
    jobs: int | None,
    should_stop: ShouldStop | None,
    on_cached: Callable[[], None] | None,
) -> None:
    known: dict[K, R] = {}  # found in the cache, by key
    group_of_key: dict[K, list[I]] = {}  # not found: each key's items (copies computed once)
    total, done = len(items), 0
    all_keys = [step.key(item) for item in items] if step.cheap_keys else None
    uses = Counter(all_keys) if all_keys is not None else None  # items still to deliver, by key
    for start in range(0, len(items), LOOKUP_CHUNK):  # a reader lists the first ones at once
        chunk = items[start : start + LOOKUP_CHUNK]
        keyed = (
            list(zip(all_keys[start : start + LOOKUP_CHUNK], chunk, strict=True))
            if all_keys is not None
            else [(step.key(item), item) for item in chunk]  # each key once: a file's is a stat
        )
        asked = list(dict.fromkeys(k for k, _ in keyed if k not in known and k not in group_of_key))
        known.update(step.lookup(asked))
        for key, item in keyed:
            if key in known:
                deliver(item, known[key])
                done += 1
                if uses is not None:
                    uses[key] -= 1
                    if not uses[key]:
                        del known[key]
            else:
                group_of_key.setdefault(key, []).append(item)
        if progress and start + LOOKUP_CHUNK < total:
            progress(done, total)
    missing = [group[0] for group in group_of_key.values()]
    group_of = {id(group[0]): group for group in group_of_key.values()}
    if on_cached:
        on_cached()
    if progress:
        progress(done, total)
    if not missing:
        return

    def on_chunk(chunk: list[I], results: list[R]) -> None:
        nonlocal done
        pairs = list(zip(chunk, results, strict=True))
        step.store(pairs)
        for item, result in pairs:
            group = group_of[id(item)]
            for each in group:
                deliver(each, result)
            done += len(group)
        if progress:
            progress(done, total)

    n = workers(jobs, len(missing))
    args = step.args if n > 1 or step.local_args is None else step.local_args
    run_chunks(step.task, chunked(missing, n), on_chunk, args=args, jobs=n,
               should_stop=should_stop)  # fmt: skip

"""Running chunks of work on every core, with results handed back to the parent one by one.

Why processes: loading, theme matching and summarizing are pure Python (jieba, tinysegmenter,
Snowball, sumy), so threads would share one core. Why ``spawn``: the TUI calls this from a
thread, and forking a process that runs threads can copy a held lock into the child and hang
it; spawn starts clean on every platform. The pool is kept for the life of the process, so the
workers' jieba and langdetect stay loaded from one phase (themes) to the next (briefs).

The parent alone writes the cache, as each chunk comes back, so an interrupted build keeps
every chunk that finished. Workers ignore SIGINT: Ctrl-C reaches the whole process group, and
the parent, not each worker, decides what happens (cancel what has not started, keep what has
finished, exit 130) instead of every worker printing a traceback.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MAX_CHUNK = 16
"""Items per task at most: about half a second of work, so Ctrl-C and quitting the TUI wait
for at most that, and progress moves smoothly."""

_pool: ProcessPoolExecutor | None = None
_pool_jobs = 0
pools_started = 0
"""How many pools this process has started (tests check that work really left the process)."""
_pool_lock = threading.Lock()
_elsewhere: tuple[Executor, int] | None = None
"""An executor given by :func:`running_on` (a Dask cluster's) and its workers, or None."""


def available_cores() -> int:
    """Cores this process may use (``sched_getaffinity`` honours taskset and containers)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def _start_worker(log_path: str | None, resources: str | None = None) -> None:
    """Set up a fresh worker: SIGINT ignored, and stdio that are not the parent's terminal.

    A worker inherits the parent's file descriptors 0–2. Under the TUI those are the terminal
    Textual draws on, so anything a library prints in a worker (jieba's "Building prefix
    dict", a warning, a traceback as the worker dies) would scribble over the screen. Stdin
    becomes ``/dev/null`` and stdout/stderr go to the worker log, the same under the CLI.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if resources is not None:  # where the parent keeps jieba's dictionary cache
        from briefing.text.words import use_cache_dir

        use_cache_dir(Path(resources))
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_RDWR)
        os.dup2(null, 0)
        out = null
        if log_path:
            with contextlib.suppress(OSError):
                out = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.dup2(out, 1)
        os.dup2(out, 2)


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a real stderr.

    The tracker is started on the first process spawn and passes ``sys.stderr.fileno()`` to
    its child. Under Textual, ``sys.stderr`` is a capture object whose ``fileno()`` is -1, so
    every spawn fails with "bad value(s) in fds_to_keep" and a new folder never opens in the
    reader. Started once here, with the interpreter's own stderr (or ``/dev/null``) in place
    for that moment, later spawns find it running and never look at ``sys.stderr`` again.
    """
    from multiprocessing import resource_tracker

    saved = sys.stderr
    real = sys.__stderr__
    try:
        fine = real is not None and real.fileno() >= 0
    except (OSError, ValueError):
        fine = False
    null = None if fine else open(os.devnull, "w")  # noqa: SIM115 - closed below
    try:
        sys.stderr = real if fine else null
        resource_tracker.ensure_running()
    finally:
        sys.stderr = saved
        if null is not None:
            null.close()


def _worker_log() -> str | None:
    from briefing.paths import log_dir

    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return str(folder / "workers.log")


def _resources() -> str | None:
    from briefing.text.words import jieba_cache_dir

    folder = jieba_cache_dir()
    return str(folder) if folder is not None else None


def _executor(jobs: int) -> ProcessPoolExecutor:
    global _pool, _pool_jobs, pools_started
    with _pool_lock:
        if _pool is None or _pool_jobs != jobs:
            if _pool is not None:
                _pool.shutdown(wait=False, cancel_futures=True)
            import multiprocessing

            _start_resource_tracker()
            _pool = ProcessPoolExecutor(
                max_workers=jobs,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(_worker_log(), _resources()),
            )
            _pool_jobs = jobs
            pools_started += 1
        return _pool


@contextlib.contextmanager
def running_on(executor: Executor, workers: int) -> Iterator[None]:
    """Run every chunk on ``executor`` (any ``concurrent.futures.Executor``: a Dask cluster's
    ``Client.get_executor()``, say) as if it were ``workers`` processes, for the block.

    The chunks are a pure map (items in, results out; the functions and items pickle), so the
    executor may be other machines; the results still come back here, and this process alone
    writes the cache, exactly as after a local build.
    """
    global _elsewhere
    saved, _elsewhere = _elsewhere, (executor, max(1, workers))
    try:
        yield
    finally:
        _elsewhere = saved


def elsewhere_workers() -> int | None:
    """Workers of the executor given by :func:`running_on`, or None (the local pool)."""
    return _elsewhere[1] if _elsewhere else None


def shutdown() -> None:
    """Stop the workers (tests and the benchmark call it to measure a cold start)."""
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.shutdown(wait=True, cancel_futures=True)
            _pool = None


def _abandon() -> None:
    """Drop the pool without waiting: queued chunks are cancelled, running ones finish."""
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
            _pool = None


atexit.register(_abandon)


FIRST_CHUNK = 2
"""Items in each worker's first chunk: the first results (rows in the reader) come back after a
couple of files, not after a full chunk on a worker that is still loading its libraries."""


def chunked(items: Sequence[T], jobs: int) -> list[list[T]]:
    """Chunks of at most :data:`MAX_CHUNK`, and at least four per worker when there are few
    items, so one slow chunk does not leave the other cores idle at the end; with several
    workers, each one's first chunk is small (:data:`FIRST_CHUNK`)."""
    size = max(1, min(MAX_CHUNK, len(items) // (jobs * 4) or 1))
    head = 0
    out: list[list[T]] = []
    if jobs > 1 and size > FIRST_CHUNK:
        head = min(len(items), FIRST_CHUNK * jobs)
        out = [list(items[i : i + FIRST_CHUNK]) for i in range(0, head, FIRST_CHUNK)]
    return out + [list(items[i : i + size]) for i in range(head, len(items), size)]


def run_chunks(
    fn: Callable[..., list[R]],
    chunks: Sequence[list[T]],
    on_chunk: Callable[[list[T], list[R]], None],
    *,
    args: tuple[Any, ...] = (),
    jobs: int = 1,
    should_stop: Callable[[], bool] | None = None,
) -> bool:
    """``fn(chunk, *args)`` for every chunk, ``on_chunk(chunk, results)`` in the caller's thread.

    ``jobs`` > 1 runs the chunks in that many worker processes, finishing in any order; 1 runs
    them here, in order. Returns False when ``should_stop`` said to stop (the TUI quitting).
    On Ctrl-C the chunks not started are cancelled and KeyboardInterrupt goes on up, after
    every finished chunk was handed to ``on_chunk``.
    """
    stop = should_stop or (lambda: False)
    if jobs <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            if stop():
                return False
            on_chunk(chunk, fn(chunk, *args))
        return True
    pending = dict(enumerate(chunks))
    futures: dict[Future[list[R]], int] = {}
    try:
        pool = _elsewhere[0] if _elsewhere else _executor(jobs)
        for index, chunk in pending.items():
            futures[pool.submit(fn, chunk, *args)] = index
        for future in as_completed(futures):
            index = futures.pop(future)
            results = future.result()
            on_chunk(pending.pop(index), results)
            if stop():
                for waiting in futures:
                    waiting.cancel()
                return False
    except KeyboardInterrupt:
        for waiting in futures:
            waiting.cancel()
        _abandon()
        raise
    except BrokenProcessPool:
        # a worker died (killed, out of memory): what is left is done here, in order
        _abandon()
        for index in sorted(pending):
            if stop():
                return False
            on_chunk(pending[index], fn(pending[index], *args))
    return True

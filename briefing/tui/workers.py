"""The reader's two thread workers: read the folder, then brief it.

They run off the event loop (the UI never waits for a file or a summary) and never touch a
widget or the session's state: everything they learn goes to the app as a message
(:mod:`.messages`), posted from the thread with the thread-safe ``App.post_message``. (The
notes store follows moved articles here, because that reads and may write its file.)
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from briefing.model import Brief, Document, Problem
from briefing.tui.messages import (
    BriefsReady,
    CorpusLoaded,
    DocumentsArrived,
    LoadProgressed,
    SearchIndexed,
    SummariesFinished,
)
from briefing.tui.packed_briefs import Packed, pack

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

BRIEF_BATCH_SECONDS = 0.2
"""How often the summarizer worker hands its briefs over: often enough to see them land,
rarely enough that a large folder's briefs do not flood the event loop."""
INDEX_WAIT_SECONDS = 3.0
"""How long the first load's search index waits for the cached briefs to be handed over.

Both are Python work in threads of one interpreter: built side by side, the index took the
interpreter from the briefs and 10,000 cached ones reached the list in 1.8 s instead of 0.3 s.
The wait is bounded so that a summarizer that never reports (or a folder with no briefs to
hand over) delays word search by seconds at most; a query typed meanwhile runs when it lands."""
PROGRESS_SECONDS = 0.1
"""How often a worker reports its progress: every report redraws the progress line (a layout
of the whole screen), and 10,000 cached briefs reported one by one kept the reader busy for
seconds after they had arrived."""


def throttled(
    report: Callable[[int, int], None], every: float = PROGRESS_SECONDS
) -> Callable[[int, int], None]:
    """``report``, called at most once per ``every`` seconds, and always for the first and the
    last step (``done == total``), so the bar starts at once and ends full."""
    last = -every

    def call(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if done == 0 or done >= total or now - last >= every:
            last = now
            report(done, total)

    return call


def load(app: BriefingApp) -> None:
    """Read, repair and theme the corpus; never touches widgets."""
    worker = get_current_worker()

    @throttled
    def progress(done: int, total: int) -> None:
        app.post_message(LoadProgressed("Reading files", done, total))

    def arrived(docs: Iterable[Document]) -> None:
        if not worker.is_cancelled:
            app.post_message(DocumentsArrived(tuple(docs)))

    first = not app.session.loaded  # a reload keeps its list (and index) until the new one
    if first:
        app.cached_briefs_listed.clear()
    app.post_message(LoadProgressed("Reading files", 0, 0))
    loaded = app.pipeline.load(app.corpus_paths, progress, arrived)
    if worker.is_cancelled:
        return
    store = app.session.store
    known = len(store.problems)
    moved = store.attach(loaded.documents)  # notes of renamed and moved articles follow them
    notices = (*loaded.notices, *store.problems[known:])
    if first:  # the list at once; the filter line's words wait for the index
        app.post_message(CorpusLoaded(loaded.documents, loaded.themes, loaded.problems, moved,
                                       notices, indexing=True))  # fmt: skip
        _wait_for(app.cached_briefs_listed, INDEX_WAIT_SECONDS, lambda: worker.is_cancelled)
        if worker.is_cancelled:
            return
    else:  # the first load's status line says "indexing for search…"; its progress line
        # belongs to the summarizer, which is running by now
        app.post_message(LoadProgressed("Indexing for search", 0, len(loaded.documents)))
    from briefing.library import search_index  # the texts, read from the cache in bulk

    index = search_index(loaded.documents)
    if worker.is_cancelled:
        return
    settle()
    if first:
        app.post_message(SearchIndexed(loaded.documents, index))
    else:
        app.post_message(CorpusLoaded(loaded.documents, loaded.themes, loaded.problems, moved,
                                       notices, index))  # fmt: skip


def summarize(app: BriefingApp, docs: tuple[Document, ...]) -> None:
    """Brief each document in list order, handing them over in batches as they land."""
    worker = get_current_worker()
    problems: list[Problem] = []
    total = len(docs)
    batch: list[tuple[str, Packed]] = []  # packed as they come: the worker's time, not the UI's
    lock = threading.Lock()
    last = time.monotonic()

    def hand_over(force: bool = False) -> None:
        nonlocal last
        with lock:
            if not batch or not (force or time.monotonic() - last >= BRIEF_BATCH_SECONDS):
                return
            ready = tuple(batch)
            batch.clear()
            last = time.monotonic()
        app.post_message(BriefsReady(ready))

    def on_brief(brief: Brief) -> None:
        packed = (brief.doc_id, pack(brief))
        with lock:
            batch.append(packed)
        hand_over()

    @throttled
    def report(done: int, total: int) -> None:
        app.post_message(LoadProgressed("Summarizing", done, total))

    def progress(done: int, total: int) -> None:
        hand_over()
        report(done, total)

    def on_cached() -> None:
        hand_over(force=True)  # the cached briefs at once, not at the next batch's time
        app.cached_briefs_listed.set()

    progress(0, total)
    try:
        problems += app.pipeline.summarize_many(
            docs, progress, lambda: worker.is_cancelled, on_brief, on_cached
        )  # the cache, then every core
    finally:
        app.cached_briefs_listed.set()  # failed or cancelled: the index need not wait on it
    if worker.is_cancelled:
        return
    hand_over(force=True)
    settle()
    app.post_message(SummariesFinished(tuple(problems)))


def _wait_for(event: threading.Event, seconds: float, cancelled: Callable[[], bool]) -> None:
    """``event.wait(seconds)``, ending early when the worker is cancelled (a quit or a reload
    must not wait out the bound)."""
    deadline = time.monotonic() + seconds
    while not event.is_set() and not cancelled():
        left = deadline - time.monotonic()
        if left <= 0:
            return
        event.wait(min(left, 0.05))


def settle() -> None:
    """Keep the folder's objects out of the garbage collector's full passes.

    A folder of 10,000 articles is millions of objects (texts, folded texts, briefs) that live
    as long as the reader; each full collection walked them all, a pause of a tenth of a second
    or more landing on whatever keystroke allocated at that moment. :func:`gc.freeze` moves what
    exists now to a generation the collector skips; these objects hold no reference cycles, so
    reference counting still frees them when a reload replaces them.
    """
    gc.freeze()

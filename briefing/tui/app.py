"""The briefing TUI: browse, read, compare and annotate a corpus.

What every screen shows lives in a :class:`~.session.Session` (documents, briefs, themes, compare
marks, the store) that screens read. Screens ask for changes by posting requests
(:mod:`.messages`: ``OpenReader``, ``ToggleMark``…), or, for a key that changes the screen
or the cursor, call the app's method at once (:mod:`.keys` says why). The app carries them out
and publishes
:attr:`BriefingApp.document_changed`, :attr:`~BriefingApp.corpus_changed`,
:attr:`~BriefingApp.briefs_arrived` and :attr:`~BriefingApp.progress_changed`, which screens
subscribe to. The app never reaches into a screen's widgets; workers only post messages.

The first screen is up before the corpus is read: loading, theming and summarizing run in thread
workers (harlequin/toolong style), with their progress under the list.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.screen import Screen
from textual.signal import Signal
from textual.worker import Worker, WorkerState

from briefing.config import load_settings
from briefing.model import Document, Problem
from briefing.paths import bundled_seeds
from briefing.render.safe import one_line
from briefing.store import Store, StoreError
from briefing.tui import keys, workers
from briefing.tui.crash import CrashMixin
from briefing.tui.export import ExportMixin
from briefing.tui.keys import KeysMixin
from briefing.tui.messages import (
    BriefsReady,
    BriefsWanted,
    CorpusLoaded,
    DocumentsArrived,
    LoadProgressed,
    OpenReader,
    SearchIndexed,
    SummariesFinished,
    ToggleMark,
)
from briefing.tui.outside import OutsideMixin
from briefing.tui.palette import system_commands
from briefing.tui.pipeline import Pipeline
from briefing.tui.read_state import ReadStateMixin
from briefing.tui.reload import ReloadMixin
from briefing.tui.screens.compare import CompareScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.library import LibraryScreen
from briefing.tui.screens.note import NoteScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.session import Session
from briefing.tui.settings import SettingsMixin
from briefing.tui.story_dates import StoryDatesMixin
from briefing.tui.watch import watch

DARK, LIGHT = "textual-dark", "textual-light"


class BriefingApp(
    KeysMixin,
    CrashMixin,
    ReadStateMixin,
    ReloadMixin,
    ExportMixin,
    StoryDatesMixin,
    OutsideMixin,
    SettingsMixin,
    App[None],
):
    """Open ``corpus`` (files or folders; the bundled seeds when empty) for an analyst.

    ``store`` defaults to the user's notes file; ``pipeline`` swaps the core for tests;
    ``watch`` reloads as files land (also ``watch = true`` in the settings).
    """

    CSS_PATH = "briefing.tcss"
    TITLE = "briefing"
    # Textual declares this as an instance attribute, so a ClassVar annotation would clash
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = keys.APP

    def __init__(
        self,
        corpus: Iterable[Path] | None = None,
        *,
        store: Store | None = None,
        max_bytes: int | None = None,
        pipeline: Pipeline | None = None,
        watch: bool = False,
        settings_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.settings_path = settings_path
        self.settings, self._settings_problems = load_settings(settings_path)
        self.watching = watch or self.settings.watch
        self._undo = []
        self.corpus_paths = list(corpus or ()) or [bundled_seeds()]
        self.pipeline = pipeline or Pipeline.default(max_bytes)
        self.session = Session(store)
        self.corpus_changed: Signal[None] = Signal(self, "corpus-changed")
        self.document_changed: Signal[str] = Signal(self, "document-changed")
        self.briefs_arrived: Signal[frozenset[str]] = Signal(self, "briefs-arrived")
        """A batch of briefs landed (their ids): rows show no brief, so only views showing one
        of these documents redraw, not every row per brief."""
        self.progress_changed: Signal[tuple[str, int, int] | None] = Signal(self, "progress")
        """(stage, done, total) of the load or the summaries; None when the work is over."""
        self.library = LibraryScreen()
        self.library.set_reactive(LibraryScreen.grouping, self.settings.grouping)
        self.library.set_reactive(LibraryScreen.language, self.settings.language)
        self.theme = DARK
        self._arrivals_dirty = False
        self._next_arrivals = 0.0
        self._corpus_complete = False
        self.cached_briefs_listed = threading.Event()
        """Set by the summarizer worker once the cached briefs are handed over (or it ended):
        the first load's search index waits for it, as the two would share the interpreter."""

    def get_default_screen(self) -> Screen[None]:
        return self.library

    def on_mount(self) -> None:
        for problem in self.session.store.problems:
            self.notify(str(problem), title="Notes", severity="warning", timeout=15, markup=False)
        for problem in self._settings_problems:
            self.notify(str(problem), title="Settings", severity="warning", timeout=15,
                        markup=False)  # fmt: skip
        self.apply_settings()
        self.set_interval(0.3, self._show_arrivals)
        self.load_corpus()
        if self.watching:
            self.run_worker(partial(watch, self), thread=True, exclusive=True,
                            exit_on_error=False, group="watch", description="Watching")  # fmt: skip

    # workers (their bodies: .workers) --------------------------------------------------------

    def load_corpus(self) -> None:
        """Read, repair and theme the corpus in a thread; the list fills as files are read."""
        self.run_worker(partial(workers.load, self), thread=True, exclusive=True,
                        exit_on_error=False, group="load", description="Loading")  # fmt: skip

    def summarize_all(self, docs: tuple[Document, ...]) -> None:
        """Brief each document in list order, in a thread, handing them over in batches."""
        self.run_worker(partial(workers.summarize, self, docs), thread=True, exclusive=True,
                        exit_on_error=False, group="summarize", description="Briefs")  # fmt: skip

    def on_load_progressed(self, message: LoadProgressed) -> None:
        self.progress_changed.publish((message.stage, message.done, message.total))

    def on_documents_arrived(self, message: DocumentsArrived) -> None:
        if self.session.loaded:
            return  # a straggler after the final list
        first = not self.session.documents
        self.session.arrive(message.documents)
        self._arrivals_dirty = True
        if first:  # the first rows at once, not at the next tick of the throttle
            self._show_arrivals()

    def _show_arrivals(self) -> None:
        """Rebuild the list with the documents read so far: a few times a second at most, and
        less often as the list grows (at most a fifth of the time goes to rebuilding), so the
        event loop stays free for keys and the load's own messages."""
        now = time.monotonic()
        if not self._arrivals_dirty or self.session.loaded or now < self._next_arrivals:
            return
        self._arrivals_dirty = False
        self.session.documents = dict(self.session.documents)  # a new key for the filter's memo
        self.corpus_changed.publish(None)
        self._next_arrivals = time.monotonic() + 4 * (time.monotonic() - now)

    def on_corpus_loaded(self, message: CorpusLoaded) -> None:
        self._arrivals_dirty = False
        reloaded = self._corpus_complete
        self._corpus_complete = True
        if reloaded:
            self._reloaded(message)
            return
        self.session.finish_loading(message.documents, message.themes, message.index,
                                    indexing=message.indexing)  # fmt: skip
        self.corpus_changed.publish(None)  # the list answers with BriefsWanted, in its order
        self._report(message.problems, "skipped")
        for notice in message.notices:
            self.notify(str(notice), severity="warning", timeout=10, markup=False)
        if message.notes_moved:
            self.notify(
                f"{message.notes_moved} notes followed their articles to a new place.",
                title="Notes",
                timeout=8,
            )
        if not self.session.documents:
            self.progress_changed.publish(None)

    def on_search_indexed(self, message: SearchIndexed) -> None:
        if self.session.indexing and len(message.documents) == len(self.session.documents):
            self.session.search_index, self.session.indexing = message.index, False
            self.corpus_changed.publish(None)  # a query typed meanwhile runs now

    def on_briefs_wanted(self, message: BriefsWanted) -> None:
        if not self._corpus_complete:
            return  # the load failed: the list holds what was read, not worth a summary run
        docs = self.session.documents
        todo = tuple(docs[i] for i in message.order if i in docs)
        self.progress_changed.publish(("Summarizing", 0, len(todo)))  # before the worker starts
        self.summarize_all(todo)

    def on_briefs_ready(self, message: BriefsReady) -> None:
        self.briefs_arrived.publish(self.session.add_briefs(message.briefs))

    def on_summaries_finished(self, message: SummariesFinished) -> None:
        self.progress_changed.publish(None)
        self._report(message.problems, "not summarized")
        self.place_undated()  # after the briefs: stories cost more and matter less

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        self.notify(
            f"{event.worker.description} failed: {one_line(str(error))}",
            severity="error",
            timeout=30,
            markup=False,
        )
        self.progress_changed.publish(None)
        if not self.session.loaded:
            self.session.loaded = True
            self.corpus_changed.publish(None)

    def _report(self, problems: tuple[Problem, ...], what: str) -> None:
        if not problems:
            return
        first = one_line(str(problems[0]))
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        self.notify(
            f"{len(problems)} {what}: {first}{more}", severity="warning", timeout=10, markup=False
        )

    # what screens ask for ------------------------------------------------------------------

    def _keep(self, doc_id: str, change: Callable[[], None]) -> None:
        """Run a store change; a failure is shown, never swallowed, and the view still updates."""
        try:
            change()
        except (StoreError, OSError) as error:
            self.notify(f"Not saved: {error}", title="Notes", severity="error", markup=False)
        self.document_changed.publish(doc_id)

    def _announce(self, doc_ids: Iterable[str]) -> None:
        for doc_id in doc_ids:
            self.document_changed.publish(doc_id)

    def on_open_reader(self, message: OpenReader) -> None:
        self.open_reader(message.doc_id)

    def open_reader(self, doc_id: str) -> None:
        self.mark_read_on_open(doc_id)
        self.push_screen(ReaderScreen(doc_id))

    def edit_note(self, doc_id: str, *, outside: bool = False) -> None:
        """The note on ``doc_id``: inline (``w``) or in ``$EDITOR`` (``e``)."""
        doc, store = self.session.documents.get(doc_id), self.session.store
        if doc is None:
            self.notify("That article is no longer in the folder.", severity="warning")
            return

        def save(text: str | None) -> None:
            if text is not None:
                self._keep(doc_id, lambda: store.set_note(doc, text))

        if outside:
            save(self.edit_note_outside(doc, store.note(doc)))
        else:
            self.push_screen(NoteScreen(doc.title, store.note(doc)), save)

    def on_toggle_mark(self, message: ToggleMark) -> None:
        self.toggle_mark(message.doc_id)

    def toggle_mark(self, doc_id: str) -> None:
        changed = self.session.toggle_mark(doc_id)
        if changed is None:
            limit = self.session.MAX_COMPARE
            self.notify(f"Compare takes up to {limit} documents.", severity="warning")
            return
        for each in changed:
            self.document_changed.publish(each)

    def open_compare(self) -> None:
        if len(self.session.marked) < 2:
            self.notify("Mark 2 to 4 documents with space, then press c.", severity="warning")
            return
        self.push_screen(CompareScreen(self.session.marked))

    # app-wide actions ----------------------------------------------------------------------

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.current_theme.dark else DARK

    def action_clear_marks(self) -> None:
        for doc_id in self.session.clear_marks():
            self.document_changed.publish(doc_id)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from system_commands(self)

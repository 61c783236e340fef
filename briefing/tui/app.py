"""The briefing TUI: browse, read, compare and annotate a corpus.

The app owns the state every screen shows (documents, briefs, themes, compare marks, the store)
and the two workers that fill it. Screens ask the app to change things (``toggle_read``,
``edit_note``…) and redraw when it publishes :attr:`BriefingApp.document_changed` or
:attr:`BriefingApp.corpus_changed`; workers only post messages (see :mod:`.messages`).

The first screen is up before the corpus is read: loading, theming and summarizing run in thread
workers (harlequin/toolong style), with their progress under the list.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.signal import Signal
from textual.worker import Worker, WorkerState, get_current_worker

from briefing.model import Brief, Document, Problem, Theme
from briefing.paths import bundled_seeds
from briefing.render.safe import one_line
from briefing.store import Store, StoreError
from briefing.tui.grouping import SearchIndex
from briefing.tui.messages import (
    BriefsReady,
    CorpusLoaded,
    DocumentsArrived,
    LoadProgressed,
    SummariesFinished,
)
from briefing.tui.pipeline import Pipeline
from briefing.tui.screens.compare import CompareScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.library import LibraryScreen
from briefing.tui.screens.note import NoteScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.document_list import Row
from briefing.tui.widgets.load_progress import LoadProgress

DARK, LIGHT = "textual-dark", "textual-light"


class BriefingApp(App[None]):
    """Open ``corpus`` (files or folders; the bundled seeds when empty) for an analyst.

    ``store`` defaults to the user's notes file; ``pipeline`` swaps the core for tests.
    """

    CSS_PATH = "briefing.tcss"
    TITLE = "briefing"
    MAX_COMPARE = 4
    # Textual declares this as an instance attribute, so a ClassVar annotation would clash
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        # `q` goes back one level (it quits only from the list, as in newsboat or lazygit);
        # ctrl+q, Textual's own binding, quits from anywhere.
        Binding("question_mark", "help", "Help"),
        Binding("a", "toggle_theme", "Theme", show=False),
    ]
    BRIEF_BATCH_SECONDS = 0.2
    """How often the summarizer worker hands its briefs over: often enough to see them land,
    rarely enough that a large folder's briefs do not flood the event loop."""

    def __init__(
        self,
        corpus: Iterable[Path] | None = None,
        *,
        store: Store | None = None,
        max_bytes: int | None = None,
        pipeline: Pipeline | None = None,
    ) -> None:
        super().__init__()
        self.corpus_paths = list(corpus or ()) or [bundled_seeds()]
        self._store = store
        self.pipeline = pipeline or Pipeline.default(max_bytes)
        self.documents: dict[str, Document] = {}
        self.briefs: dict[str, Brief] = {}
        self.themes: dict[str, Theme] = {}
        self.marked: list[str] = []
        """Documents chosen for compare, in the order they were marked."""
        self.loaded = False
        self.search_index = SearchIndex(())
        self.corpus_changed: Signal[None] = Signal(self, "corpus-changed")
        self.document_changed: Signal[str] = Signal(self, "document-changed")
        self.briefs_arrived: Signal[frozenset[str]] = Signal(self, "briefs-arrived")
        """A batch of briefs landed (their ids): rows show no brief, so only views showing one
        of these documents redraw, not every row per brief."""
        self.library = LibraryScreen()
        self.theme = DARK
        self.crash_log: Path | None = None
        """Where the traceback of an unexpected error went (the CLI names it on exit)."""
        self.crash: BaseException | None = None
        """The unexpected error that ended the app, if one did."""
        self._arrivals_dirty = False
        self._next_arrivals = 0.0

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store()
        return self._store

    @property
    def languages(self) -> list[str]:
        return sorted({doc.lang for doc in self.documents.values()})

    def get_default_screen(self) -> Screen[None]:
        return self.library

    def on_mount(self) -> None:
        for problem in self.store.problems:
            self.notify(str(problem), title="Notes", severity="warning", timeout=15, markup=False)
        self.set_interval(0.3, self._show_arrivals)
        self.load_corpus()

    def _fatal_error(self) -> None:
        """An unexpected error: write the traceback to a log instead of the terminal.

        Textual would print a screenful of traceback with locals after restoring the terminal;
        the CLI prints one line naming this log and exits non-zero instead.
        """
        error = self.crash = self._exception  # Textual keeps the first unhandled error here
        try:
            from briefing.paths import log_dir

            folder = log_dir()
            folder.mkdir(parents=True, exist_ok=True)
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            self.crash_log = folder / f"crash-{stamp}.log"
            lines = traceback.format_exception(error) if error else ["unknown error\n"]
            self.crash_log.write_text("".join(lines), encoding="utf-8")
        except OSError:
            self.crash_log = None
            super()._fatal_error()
            return
        self.bell()
        self._close_messages_no_wait()

    # workers -------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="load", description="Loading")
    def load_corpus(self) -> None:
        """Read, repair and theme the corpus; never touches widgets."""
        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            self.post_message(LoadProgressed("Reading files", done, total))

        def arrived(docs: Iterable[Document]) -> None:
            if not worker.is_cancelled:
                self.post_message(DocumentsArrived(tuple(docs)))

        self.post_message(LoadProgressed("Reading files", 0, 0))
        corpus = self.pipeline.load(self.corpus_paths, progress, arrived)
        if worker.is_cancelled:
            return
        docs = tuple(corpus.documents)
        problems = list(corpus.problems)
        known = len(self.store.problems)
        moved = self.store.attach(docs)  # notes of renamed and moved articles follow them
        problems += self.store.problems[known:]

        themes: tuple[Theme, ...] = ()
        try:
            themes, theme_problems = self.pipeline.load_themes()
            docs = self.pipeline.assign_themes(docs, themes)
            problems += theme_problems
        except Exception as error:  # themes help; a broken theme must not hide the corpus
            problems.append(Problem("themes", f"themes not applied: {error}"))
        self.post_message(CorpusLoaded(docs, tuple(themes), tuple(problems), moved))

    @work(thread=True, exclusive=True, exit_on_error=False, group="summarize", description="Briefs")
    def summarize_all(self, docs: tuple[Document, ...]) -> None:
        """Brief each document in list order, handing them over in batches as they land."""
        worker = get_current_worker()
        problems: list[Problem] = []
        total = len(docs)
        batch: list[Brief] = []
        lock = threading.Lock()
        last = time.monotonic()

        def hand_over(force: bool = False) -> None:
            nonlocal last
            with lock:
                if not batch or not (force or time.monotonic() - last >= self.BRIEF_BATCH_SECONDS):
                    return
                ready = tuple(batch)
                batch.clear()
                last = time.monotonic()
            self.post_message(BriefsReady(ready))

        def on_brief(brief: Brief) -> None:
            with lock:
                batch.append(brief)
            hand_over()

        def progress(done: int, total: int) -> None:
            hand_over()
            self.post_message(LoadProgressed("Summarizing", done, total))

        progress(0, total)
        if self.pipeline.summarize_many is not None:  # the cache, then every core
            problems += self.pipeline.summarize_many(
                docs, progress, lambda: worker.is_cancelled, on_brief
            )
        else:
            for done, doc in enumerate(docs, 1):
                if worker.is_cancelled:
                    return
                try:
                    on_brief(self.pipeline.summarize(doc))
                except Exception as error:  # one bad article must not stop the others
                    problems.append(Problem(doc.path, f"could not summarize: {error}"))
                progress(done, total)
        if worker.is_cancelled:
            return
        hand_over(force=True)
        self.post_message(SummariesFinished(tuple(problems)))

    def on_load_progressed(self, message: LoadProgressed) -> None:
        if progress := self._progress():
            progress.update_stage(message.stage, message.done, message.total)

    def on_documents_arrived(self, message: DocumentsArrived) -> None:
        if self.loaded:
            return  # a straggler after the final list
        for doc in message.documents:
            self.documents.setdefault(doc.id, doc)
        self._arrivals_dirty = True

    def _show_arrivals(self) -> None:
        """Rebuild the list with the documents read so far: a few times a second at most, and
        less often as the list grows (at most a fifth of the time goes to rebuilding), so the
        event loop stays free for keys and the load's own messages."""
        now = time.monotonic()
        if not self._arrivals_dirty or self.loaded or now < self._next_arrivals:
            return
        self._arrivals_dirty = False
        self.documents = dict(self.documents)  # a new corpus key for the filter's memo
        self.corpus_changed.publish(None)
        self._next_arrivals = time.monotonic() + 4 * (time.monotonic() - now)

    def on_corpus_loaded(self, message: CorpusLoaded) -> None:
        self.documents = {}
        self._arrivals_dirty = False
        for doc in message.documents:
            self.documents.setdefault(doc.id, doc)
        self.themes = {theme.id: theme for theme in message.themes}
        self.search_index = SearchIndex(self.documents.values())
        self.loaded = True
        self.corpus_changed.publish(None)
        self._report(message.problems, "skipped")
        if message.notes_moved:
            self.notify(
                f"{message.notes_moved} notes followed their articles to a new place.",
                title="Notes",
                timeout=8,
            )
        if self.documents:
            self.summarize_all(tuple(self.documents[i] for i in self.library.list_order()))
        elif progress := self._progress():
            progress.finish()

    def on_briefs_ready(self, message: BriefsReady) -> None:
        for brief in message.briefs:
            self.briefs[brief.doc_id] = brief
        self.briefs_arrived.publish(frozenset(b.doc_id for b in message.briefs))

    def on_summaries_finished(self, message: SummariesFinished) -> None:
        if progress := self._progress():
            progress.finish()
        self._report(message.problems, "not summarized")

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
        if progress := self._progress():
            progress.finish()
        if not self.loaded:
            self.loaded = True
            self.corpus_changed.publish(None)

    def _progress(self) -> LoadProgress | None:
        """The progress line, or None once the screens are gone (a worker's last message can
        arrive while the app shuts down)."""
        found = self.library.query(LoadProgress)
        return found.first() if found else None

    def _report(self, problems: tuple[Problem, ...], what: str) -> None:
        if not problems:
            return
        first = one_line(str(problems[0]))
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        self.notify(
            f"{len(problems)} {what}: {first}{more}", severity="warning", timeout=10, markup=False
        )

    # what screens ask for ------------------------------------------------------------------

    def row(self, doc_id: str) -> Row:
        doc = self.documents[doc_id]
        entry = self.store.entry(doc)
        marked = self.marked.index(doc_id) + 1 if doc_id in self.marked else None
        return Row(doc, entry.read, entry.note, marked)

    def _keep(self, doc_id: str, change: Callable[[], None]) -> None:
        """Run a store change; a failure is shown, never swallowed, and the view still updates."""
        try:
            change()
        except (StoreError, OSError) as error:
            self.notify(f"Not saved: {error}", title="Notes", severity="error", markup=False)
        self.document_changed.publish(doc_id)

    def open_reader(self, doc_id: str) -> None:
        doc = self.documents[doc_id]
        if not self.store.is_read(doc):
            self._keep(doc_id, lambda: self.store.set_read(doc, True))
        self.push_screen(ReaderScreen(doc_id))

    def toggle_read(self, doc_id: str) -> None:
        doc = self.documents[doc_id]
        read = not self.store.is_read(doc)
        self._keep(doc_id, lambda: self.store.set_read(doc, read))

    def edit_note(self, doc_id: str) -> None:
        doc = self.documents[doc_id]

        def save(text: str | None) -> None:
            if text is not None:
                self._keep(doc_id, lambda: self.store.set_note(doc, text))

        self.push_screen(NoteScreen(doc.title, self.store.note(doc)), save)

    def toggle_mark(self, doc_id: str) -> None:
        if doc_id in self.marked:
            self.marked.remove(doc_id)
        elif len(self.marked) >= self.MAX_COMPARE:
            self.notify(f"Compare takes up to {self.MAX_COMPARE} documents.", severity="warning")
            return
        else:
            self.marked.append(doc_id)
        for changed in [doc_id, *self.marked]:
            self.document_changed.publish(changed)

    def open_compare(self) -> None:
        if len(self.marked) < 2:
            self.notify("Mark 2 to 4 documents with space, then press c.", severity="warning")
            return
        self.push_screen(CompareScreen(self.marked))

    # app-wide actions ----------------------------------------------------------------------

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.current_theme.dark else DARK

    def action_clear_marks(self) -> None:
        changed, self.marked = self.marked, []
        for doc_id in changed:
            self.document_changed.publish(doc_id)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        library = self.library
        yield SystemCommand(
            "Group by date / theme", "Switch the list grouping (g)", library.action_toggle_grouping
        )
        yield SystemCommand(
            "Language filter", "Cycle the language shown (l)", library.action_cycle_language
        )
        yield SystemCommand(
            "Compare marked", "Marked documents side by side (c)", self.open_compare
        )
        yield SystemCommand("Clear compare marks", "Unmark every document", self.action_clear_marks)
        yield SystemCommand(
            "Dark / light", "Toggle the dark and light theme (a)", self.action_toggle_theme
        )
        yield SystemCommand("Help", "Keys and how briefing works (?)", self.action_help)


def main(argv: list[str] | None = None) -> None:
    """``python -m briefing.tui.app [CORPUS...]``: the TUI without the CLI, for trying it out."""
    args = sys.argv[1:] if argv is None else argv
    BriefingApp([Path(arg) for arg in args]).run()


if __name__ == "__main__":
    main()

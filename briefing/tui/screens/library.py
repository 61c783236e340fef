"""The first screen: filter, grouped document list, and a preview of the highlighted brief.

It appears at once with a "Loading…" row while the corpus loads in a worker; rows arrive when
the corpus is read, and briefs fill the preview as the summarizer gets to them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input

from briefing.query import QueryError
from briefing.render.safe import one_line
from briefing.tui import keys
from briefing.tui.grouping import GROUPINGS, filter_documents, group_documents, with_unread
from briefing.tui.list_filter import ListFilter, SearchPending
from briefing.tui.messages import BriefsWanted, OpenReader
from briefing.tui.navigation import next_unread
from briefing.tui.screens.library_actions import LibraryActions
from briefing.tui.widgets.brief_view import BriefView
from briefing.tui.widgets.document_list import DocumentList
from briefing.tui.widgets.footer import CompactFooter
from briefing.tui.widgets.line_input import LineInput
from briefing.tui.widgets.load_progress import LoadProgress
from briefing.tui.widgets.query_suggester import QuerySuggester
from briefing.tui.widgets.status_line import Status, StatusLine

if TYPE_CHECKING:
    from textual.timer import Timer

    from briefing.tui.app import BriefingApp
    from briefing.tui.grouping import Group


PREVIEW_DELAY = 0.15
"""Seconds of quiet in the filter line before the preview shows the first match."""


class LibraryScreen(LibraryActions, Screen[None]):
    """Browse: group by date or theme, filter as you type and by language, mark for compare."""

    app: BriefingApp

    BINDINGS: ClassVar[list[BindingType]] = keys.LIBRARY

    grouping: reactive[str] = reactive("date")
    """``date`` (newest first, undated last) or ``theme``."""
    language: reactive[str | None] = reactive(None)
    """Show only this language; None shows all."""
    filter_text: reactive[str] = reactive("")
    """The filter line's query (:mod:`briefing.query`): words, "phrases", theme:, lang:,
    since:, until:, unread; every term must hold."""
    query_error: str | None = None
    """Why the filter line's query cannot run (shown in the status; the list stays as it was)."""
    _filter: ListFilter
    _rebuilt = False
    """The list was just rebuilt: its next highlight is previewed later (:meth:`_highlighted`)."""
    _preview_timer: Timer | None = None

    _mounted = False
    _briefs_asked = False
    _groups: list[Group] = []  # noqa: RUF012 (replaced, never mutated in place, before mount)
    _changed: set[str] = set()  # noqa: RUF012 (replaced by a set of its own before any add)
    """Documents announced as changed and not redrawn yet (:meth:`_redraw_changed`)."""
    """The groups shown, with their unread counts."""

    def compose(self) -> ComposeResult:
        self._filter = ListFilter()
        with Horizontal(id="topbar"):
            yield LineInput(
                placeholder='/ words "phrase" theme: lang: since: until: unread',
                id="filter",
                compact=True,
                select_on_focus=False,
                suggester=QuerySuggester(self._completions),
            )
            yield StatusLine(id="status")
        with Horizontal(id="library-body"):
            yield DocumentList(id="documents")
            yield BriefView(id="preview")
        yield LoadProgress(id="progress")
        # The palette hint would push "q Quit" and "? Help" off an 80-column footer; ctrl+p is
        # in the help screen.
        yield CompactFooter(show_command_palette=False)

    def on_mount(self) -> None:
        self._mounted = True
        self.query_one("#filter", Input).cursor_blink = not self.app.is_headless
        self.app.corpus_changed.subscribe(self, lambda _: self._corpus_changed())
        self.app.document_changed.subscribe(self, self._document_changed)
        self.app.briefs_arrived.subscribe(self, self._briefs_arrived)
        self.app.progress_changed.subscribe(self, self._progress_changed)
        self._corpus_changed()
        self.query_one(DocumentList).focus()

    def _completions(self) -> dict[str, list[str]]:
        """What ``theme:`` and ``lang:`` complete to: the ids and languages of this corpus."""
        session = self.app.session
        families = {lang.split("-")[0] for lang in session.languages}
        return {"theme": sorted(session.themes), "lang": sorted(families | set(session.languages))}

    def _corpus_changed(self) -> None:
        self.refresh_list()
        if self.app.session.loaded and not self._briefs_asked:
            self._briefs_asked = True  # once: the first screenful of the list is briefed first
            self.post_message(BriefsWanted(tuple(self.list_order())))

    def _progress_changed(self, stage: tuple[str, int, int] | None) -> None:
        progress = self.query_one(LoadProgress)
        if stage is None:
            progress.finish()
        else:
            progress.update_stage(*stage)

    # rebuilding ----------------------------------------------------------------------------

    def watch_grouping(self) -> None:
        self.refresh_list()

    def watch_language(self) -> None:
        self.refresh_list()

    def watch_filter_text(self) -> None:
        self.refresh_list()

    def refresh_list(self) -> None:
        if not self._mounted:  # reactives fire their watchers before the widgets exist
            return
        session = self.app.session
        try:
            docs = self._filter.run(session, self.filter_text, self.language)
            self.query_error = None
        except QueryError as err:
            self.query_error = str(err)
            self._update_status(self.query_one(DocumentList).count)
            return  # the list stays as the last query left it
        except SearchPending:
            self._update_status(self.query_one(DocumentList).count, indexing=True)
            return  # shown when the index is in (the app then publishes corpus_changed)
        groups = group_documents(docs, self.grouping, session.themes, session.rank)
        groups = self._groups = with_unread(groups, session.unread)
        if not session.loaded:
            empty = "Loading…"
        elif not session.documents:
            empty = "No documents in this corpus."
        else:
            empty = "No documents match the filter."
        self._rebuilt = True
        self.query_one(DocumentList).show(groups, session.rows(), empty)
        self._update_status(len(docs))

    def _update_status(self, shown: int, *, indexing: bool = False) -> None:
        session = self.app.session
        indexing = indexing or session.indexing
        status = Status(shown, len(session.documents), session.loaded, self.grouping,
                        len(session.unread), self.language, len(session.marked),
                        session.MAX_COMPARE, self.query_error, indexing)  # fmt: skip
        self.query_one(StatusLine).show(status)

    def _briefs_arrived(self, doc_ids: frozenset[str]) -> None:
        current = self.query_one(DocumentList).highlighted_doc_id
        if current in doc_ids:
            self._show_preview(current)

    def _document_changed(self, doc_id: str) -> None:
        """Collect changed documents and redraw once: ``A`` on a big folder announces every
        article, and redrawing headings and the unread count per article was quadratic (seconds
        with the event loop blocked on 1,300 articles)."""
        if not self._changed:
            self._changed = set()
            self.call_later(self._redraw_changed)
        self._changed.add(doc_id)

    def _redraw_changed(self) -> None:
        changed, self._changed = self._changed, set()
        session, listing = self.app.session, self.query_one(DocumentList)
        for doc_id in changed:
            if doc_id in session.documents:
                listing.update_row(session.row(doc_id))
        for index, group in enumerate(self._groups):
            if not changed.isdisjoint(group.doc_ids):
                self._groups[index] = with_unread([group], session.unread)[0]
                listing.update_heading(self._groups[index])
        self._update_status(listing.count)
        if listing.highlighted_doc_id in changed:
            self._show_preview(listing.highlighted_doc_id)

    def _show_preview(self, doc_id: str | None) -> None:
        app = self.app
        doc = app.session.documents.get(doc_id) if doc_id else None
        note = app.session.note(doc.id) if doc else ""
        brief = app.session.briefs.get(doc_id) if doc_id else None
        self.query_one(BriefView).show(doc, brief, note, app.session.themes)

    def list_order(self) -> list[str]:
        """Every document in the order the list shows them, unfiltered (briefs are made so)."""
        docs = filter_documents(self.app.session.documents.values(), self.app.session.search_index)
        rank = self.app.session.rank
        groups = group_documents(docs, self.grouping, self.app.session.themes, rank)
        return list(dict.fromkeys(i for g in groups for i in g.doc_ids))

    # events --------------------------------------------------------------------------------

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.query_one(DocumentList).focus()

    @on(DocumentList.Opened)
    def _opened(self, event: DocumentList.Opened) -> None:
        self.post_message(OpenReader(event.doc_id))

    @on(DocumentList.Highlighted)
    def _highlighted(self, event: DocumentList.Highlighted) -> None:
        """The preview follows the cursor at once, but after a rebuild of the list (a key in
        the filter line) it waits until the typing pauses: redrawing it lays the whole screen
        out again, which a keystroke's list need not wait for."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
            self._preview_timer = None
        if self._rebuilt:
            self._rebuilt = False
            doc_id = event.doc_id
            self._preview_timer = self.set_timer(PREVIEW_DELAY, lambda: self._show_preview(doc_id))
        else:
            self._show_preview(event.doc_id)

    # actions -------------------------------------------------------------------------------

    @property
    def current(self) -> str | None:
        return self.query_one(DocumentList).highlighted_doc_id

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Letter keys are text while the filter has focus (they are priority bindings)."""
        in_filter = self.focused is self.query_one("#filter")
        return not in_filter or action in ("focus_filter", "export", "clear_filter")

    def action_open(self) -> None:
        if self.current:
            self.app.open_reader(self.current)  # at once: the keys after enter go to the reader

    def action_focus_filter(self) -> None:
        """Focus the filter at once (``Widget.focus`` waits for the queued keys); a "/" typed
        in the filter is text."""
        field = self.query_one("#filter", Input)
        if self.focused is field:
            field.insert_text_at_cursor("/")
        else:
            self.set_focus(field)

    def action_clear_filter(self) -> None:
        self.query_one("#filter", Input).value = ""
        self.query_one(DocumentList).focus()

    def action_toggle_grouping(self) -> None:
        self.grouping = GROUPINGS[(GROUPINGS.index(self.grouping) + 1) % len(GROUPINGS)]
        self.app.remember(grouping=self.grouping)
        self.notify(f"Grouped by {self.grouping}", timeout=1.5)

    def action_cycle_language(self) -> None:
        cycle: list[str | None] = [None, *self.app.session.languages]
        index = cycle.index(self.language) if self.language in cycle else 0
        self.language = cycle[(index + 1) % len(cycle)]
        self.app.remember(language=self.language)
        self.notify(f"Language: {one_line(self.language or 'all')}", timeout=1.5, markup=False)

    def action_end(self, last: bool) -> None:
        order = self.shown_order()
        self.query_one(DocumentList).highlight_doc(order[-1 if last else 0] if order else None)

    def action_unread(self, delta: int) -> None:
        target = next_unread(self.shown_order(), self.current, self.app.session.is_read, delta)
        if target is None:
            self.notify("No other unread article in the list.", timeout=2)
        else:
            self.query_one(DocumentList).highlight_doc(target)

    def shown_order(self) -> list[str]:
        """The articles the list shows, in its order: where J, K, n and p lead."""
        return self.query_one(DocumentList).doc_ids

    def follow(self, doc_id: str) -> None:
        """Put the cursor on ``doc_id`` (the reader moved to it), so back is where the user is."""
        self.query_one(DocumentList).highlight_doc(doc_id)

"""The first screen: filter, grouped document list, and a preview of the highlighted brief.

It appears at once with a "Loading…" row while the corpus loads in a worker; rows arrive when
the corpus is read, and briefs fill the preview as the summarizer gets to them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input, Static

from briefing.query import Query, QueryError, parse
from briefing.render.safe import one_line
from briefing.tui.grouping import GROUPINGS, filter_documents, group_documents
from briefing.tui.messages import (
    BriefsWanted,
    EditNote,
    OpenCompare,
    OpenReader,
    ToggleMark,
    ToggleRead,
)
from briefing.tui.widgets.brief_view import BriefView
from briefing.tui.widgets.document_list import DocumentList, Row
from briefing.tui.widgets.footer import CompactFooter
from briefing.tui.widgets.load_progress import LoadProgress
from briefing.tui.widgets.query_suggester import QuerySuggester

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


ERROR_WIDTH = 48
"""Characters of a query error in the status line: the filter line beside it keeps its room."""


class LibraryScreen(Screen[None]):
    """Browse: group by date or theme, filter as you type and by language, mark for compare."""

    app: BriefingApp

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", show=False),  # as in any list; room for q and ?
        # A priority binding runs when the app takes the key from the terminal, before it hands
        # the next keys on: in "/李强" typed in one write, the rest reaches the filter.
        Binding("slash", "focus_filter", "Find", priority=True),
        Binding("g", "toggle_grouping", "Group"),
        Binding("l", "cycle_language", "Lang"),
        Binding("space", "mark", "Mark", key_display="␣"),
        Binding("c", "compare", "Compare"),
        Binding("s", "story", "Story", show=False),  # in the ? help: the footer must fit 60 columns
        Binding("r", "toggle_read", "Read", show=False),
        Binding("n", "note", "Note"),
        Binding("q", "app.quit", "Quit"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    grouping: reactive[str] = reactive("date")
    """``date`` (newest first, undated last) or ``theme``."""
    language: reactive[str | None] = reactive(None)
    """Show only this language; None shows all."""
    filter_text: reactive[str] = reactive("")
    """The filter line's query (:mod:`briefing.query`): words, "phrases", theme:, lang:,
    since:, until:, unread; every term must hold."""
    query_error: str | None = None
    """Why the filter line's query cannot run (shown in the status; the list stays as it was)."""
    _query: Query | None = None

    _mounted = False
    _briefs_asked = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Input(
                placeholder='/ words "phrase" theme: lang: since: until: unread',
                id="filter",
                compact=True,
                select_on_focus=False,
                suggester=QuerySuggester(self._completions),
            )
            yield Static(id="status")
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
        app = self.app
        # No narrowing from the last result while typing: with whole-word matching "li" finds
        # what "lia" does not, so every keystroke runs over the index (tens of ms on 10,000).
        try:
            self._query = parse(
                self.filter_text,
                themes=list(app.session.themes) if app.session.loaded else None,
                langs=app.session.languages if app.session.loaded else None,
            )
            self.query_error = None
        except QueryError as err:
            self.query_error = str(err)
            self._update_status(self.query_one(DocumentList).count)
            return  # the list stays as the last query left it
        store = app.session.store
        docs = filter_documents(
            app.session.documents.values(),
            app.session.search_index,
            self._query,
            self.language,
            is_read=store.is_read,
            note_of=store.note,
        )
        groups = group_documents(docs, self.grouping, app.session.themes)
        rows = _Rows(app.session.row)
        if not app.session.loaded:
            empty = "Loading…"
        elif not app.session.documents:
            empty = "No documents in this corpus."
        else:
            empty = "No documents match the filter."
        self.query_one(DocumentList).show(groups, rows, empty)
        self._update_status(len(docs))

    def _update_status(self, shown: int) -> None:
        app = self.app
        count = f"{shown}/{len(app.session.documents)}"
        parts = [count if app.session.loaded else f"{count} so far", f"by {self.grouping}"]
        parts.append(f"lang: {self.language or 'all'}")
        if app.session.marked:
            parts.append(f"marked {len(app.session.marked)}/{app.session.MAX_COMPARE}")
        status = Content(" · ".join(parts))
        if self.query_error:  # the user's own text, shown as text; short, so the filter
            # line keeps its room (the full list of themes is in the completion)
            error = one_line(self.query_error).split("; known:")[0]
            error = error if len(error) <= ERROR_WIDTH else error[: ERROR_WIDTH - 1] + "…"
            status = Content.styled(f"query: {error}", "bold $error")
        self.query_one("#status", Static).update(status)

    def _briefs_arrived(self, doc_ids: frozenset[str]) -> None:
        current = self.query_one(DocumentList).highlighted_doc_id
        if current in doc_ids:
            self._show_preview(current)

    def _document_changed(self, doc_id: str) -> None:
        if doc_id in self.app.session.documents:
            self.query_one(DocumentList).update_row(self.app.session.row(doc_id))
            self._update_status(self.query_one(DocumentList).count)
        if doc_id == self.query_one(DocumentList).highlighted_doc_id:
            self._show_preview(doc_id)

    def _show_preview(self, doc_id: str | None) -> None:
        app = self.app
        doc = app.session.documents.get(doc_id) if doc_id else None
        note = app.session.store.note(doc) if doc else ""
        brief = app.session.briefs.get(doc_id) if doc_id else None
        self.query_one(BriefView).show(doc, brief, note, app.session.themes)

    def list_order(self) -> list[str]:
        """Every document in the order the list shows them, unfiltered (briefs are made so)."""
        docs = filter_documents(self.app.session.documents.values(), self.app.session.search_index)
        groups = group_documents(docs, self.grouping, self.app.session.themes)
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
        self._show_preview(event.doc_id)

    # actions -------------------------------------------------------------------------------

    @property
    def current(self) -> str | None:
        return self.query_one(DocumentList).highlighted_doc_id

    def action_open(self) -> None:
        if self.current:
            self.post_message(OpenReader(self.current))

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
        self.notify(f"Grouped by {self.grouping}", timeout=1.5)

    def action_cycle_language(self) -> None:
        cycle: list[str | None] = [None, *self.app.session.languages]
        index = cycle.index(self.language) if self.language in cycle else 0
        self.language = cycle[(index + 1) % len(cycle)]
        self.notify(f"Language: {one_line(self.language or 'all')}", timeout=1.5, markup=False)

    def action_mark(self) -> None:
        if self.current:
            self.post_message(ToggleMark(self.current))

    def action_compare(self) -> None:
        self.post_message(OpenCompare())

    def action_story(self) -> None:
        from briefing.tui.screens.story import StoryScreen

        if self.current:
            self.app.push_screen(StoryScreen(self.current))

    def action_toggle_read(self) -> None:
        if self.current:
            self.post_message(ToggleRead(self.current))

    def action_note(self) -> None:
        if self.current:
            self.post_message(EditNote(self.current))


class _Rows(Mapping[str, Row]):
    """Rows made when the list asks for them: it shows a page, not the whole corpus."""

    def __init__(self, make: Callable[[str], Row]) -> None:
        self._make = make

    def __getitem__(self, doc_id: str) -> Row:
        return self._make(doc_id)

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0

"""Two to four documents side by side: the same event as told in different languages.

Each column is a :class:`BriefView` headed by title, source, language and date. Wide terminals
share the width between columns; on a narrow one (``-narrow``, under 120 cells) they stack and
the whole screen scrolls, because four 20-cell columns of CJK and French are unreadable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer

from briefing.tui.widgets.brief_view import BriefView

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


class CompareScreen(Screen[None]):
    """Briefs and key points of the marked documents in columns."""

    app: BriefingApp

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("tab", "app.focus_next", "Next column"),
    ]

    def __init__(self, doc_ids: list[str]) -> None:
        super().__init__()
        self.doc_ids = list(doc_ids)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="columns"):
            for index, _ in enumerate(self.doc_ids):
                yield BriefView(id=f"column-{index}", classes="column")
        yield Footer()

    def on_mount(self) -> None:
        self.app.document_changed.subscribe(self, self._document_changed)
        for index in range(len(self.doc_ids)):
            self._fill(index)
        self.query_one("#column-0").focus()

    def _fill(self, index: int) -> None:
        app = self.app
        doc = app.documents[self.doc_ids[index]]
        view = self.query_one(f"#column-{index}", BriefView)
        view.show(doc, app.briefs.get(doc.id), app.store.note(doc), app.themes)

    def _document_changed(self, doc_id: str) -> None:
        if doc_id in self.doc_ids:
            self._fill(self.doc_ids.index(doc_id))

    def action_back(self) -> None:
        self.dismiss()

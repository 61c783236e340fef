"""A modal to write the note on one document; dismisses with the text, or None when cancelled.

Modelled on posting's confirmation modal: the screen returns a value through ``dismiss`` and the
app stores it, so this screen knows nothing about the store.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, TextArea

from briefing.render.safe import inert, one_line


class NoteScreen(ModalScreen[str | None]):
    """``ctrl+s`` saves, ``escape`` cancels; an empty note deletes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, title: str, note: str) -> None:
        super().__init__()
        self.doc_title = title
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog"):
            yield Label(Content.assemble(("Note on ", "$text-muted"), one_line(self.doc_title)))
            yield TextArea(inert(self.note), id="note-text", soft_wrap=True)
            with Horizontal(id="note-buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="save")
                yield Button("Cancel  esc", id="cancel")

    def on_mount(self) -> None:
        areas = self.query(TextArea)
        if not areas:  # pushed while the app quits (``q`` then ``n``): never composed
            return
        area = areas.first()
        area.cursor_blink = not self.app.is_headless
        area.move_cursor(area.document.end)
        area.focus()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

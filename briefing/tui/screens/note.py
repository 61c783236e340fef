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


class DiscardScreen(ModalScreen[str]):
    """Asked when Esc would throw away typed text: ``save``, ``discard`` or ``edit``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s,ctrl+s", "choose('save')", "Save"),
        Binding("d", "choose('discard')", "Discard"),
        Binding("escape", "choose('edit')", "Keep editing"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="discard-dialog"):
            yield Label("This note has changes that are not saved.")
            with Horizontal(id="note-buttons"):
                yield Button("Save  s", variant="primary", id="save")
                yield Button("Discard  d", variant="error", id="discard")
                yield Button("Keep editing  esc", id="edit")

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "edit")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


class NoteScreen(ModalScreen[str | None]):
    """``ctrl+s`` saves; ``escape`` closes, asking first when the text was changed (an
    analyst's typing is never thrown away by one key); an empty note deletes it."""

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
        text = self.query_one(TextArea).text
        if text.rstrip() == inert(self.note).rstrip():
            self.dismiss(None)
            return

        def chosen(choice: str | None) -> None:
            if choice == "save":
                self.dismiss(text)
            elif choice == "discard":
                self.dismiss(None)
            else:
                self.query_one(TextArea).focus()

        self.app.push_screen(DiscardScreen(), chosen)

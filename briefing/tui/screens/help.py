"""The ``?`` screen: keys and how things work, from ``help.md`` (as harlequin's help screen)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = Path(__file__).with_name("help.md")


class HelpScreen(ModalScreen[None]):
    """Trusted text shipped with briefing, so rendering it as Markdown is fine."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog"):
            yield Markdown(HELP.read_text(encoding="utf-8"))

    def on_mount(self) -> None:
        self.query_one("#help-dialog").focus()

"""The reader's find line: words to highlight in the open article, and next/previous match.

An ``Input`` with its own keys while it has focus: enter (or ↓) goes to the next match,
shift+enter (or ↑) to the previous one, escape closes it. ``n``/``p`` stay the reader's
next/previous article; ctrl+p is the command palette everywhere, so it is not used here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message

from briefing.tui.widgets.line_input import LineInput


class FindBar(LineInput):
    """Posts :class:`Step` (+1/-1) and :class:`Closed`; the text is read from ``value``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,down", "step(1)", "Next match", key_display="enter"),
        Binding("shift+enter,up", "step(-1)", "Prev match", key_display="⇧enter"),
        Binding("escape", "close", "Close find", key_display="esc"),
    ]

    @dataclass
    class Step(Message):
        by: int

    class Closed(Message):
        pass

    def action_step(self, by: int) -> None:
        self.post_message(self.Step(by))

    def action_close(self) -> None:
        self.post_message(self.Closed())

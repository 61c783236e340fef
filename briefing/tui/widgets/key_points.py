"""The reader's key points: each one a line, and choosing one jumps to its paragraph.

An ``OptionList`` of plain ``Content`` (``markup=False``: a key point is the article's own words,
never markup); the option keeps its paragraph, so a brief replaced between the key press and
its handling still jumps to the point that was chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.model import Brief
from briefing.tui.widgets.brief_view import SUMMARIZING, bulleted


class KeyPointList(OptionList):
    """The brief's key points; choosing one posts :class:`Jump` with its paragraph."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    @dataclass
    class Jump(Message):
        paragraph: int

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, markup=False)
        self._paragraphs: list[int] = []

    def show(self, brief: Brief | None) -> None:
        self._paragraphs = []
        if brief is None or not brief.key_points:
            text = SUMMARIZING if brief is None else "(none)"
            self.set_options([Option(Content.styled(text, "italic $text-muted"), disabled=True)])
            return
        options = []
        for point in brief.key_points:
            options.append(_PointOption(bulleted(point.text), point.paragraph))
            self._paragraphs.append(point.paragraph)
        self.set_options(options)
        self.highlighted = 0

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        """Jump to the paragraph of the option chosen (not of its index: the brief may have
        been replaced since the key press)."""
        event.stop()
        paragraph = getattr(event.option, "paragraph", None)
        if paragraph is not None:
            self.post_message(self.Jump(paragraph))


class _PointOption(Option):
    def __init__(self, prompt: Content, paragraph: int) -> None:
        super().__init__(prompt)
        self.paragraph = paragraph

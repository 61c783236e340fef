"""The document list: grouped rows, each showing title, source, language, date and marks.

Built on ``OptionList`` (virtual rendering, so a thousand rows scroll smoothly) with disabled
options as group headings. Every prompt is a ``Content`` assembled from plain strings that went
through :func:`~briefing.render.safe.one_line`: an article titled ``[@click=app.quit]`` is text,
never markup, and an escape sequence in a source name never reaches the terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.model import Document
from briefing.render.safe import one_line
from briefing.tui.grouping import Group

NOTE_MARK = "✎"
UNREAD_MARK = "●"
NOTE_PREVIEW = 60
"""Characters of a note shown in its row: enough to recognise it, short enough for 80 columns."""


@dataclass(frozen=True, slots=True)
class Row:
    """What one row shows about a document."""

    doc: Document
    read: bool = False
    note: str = ""
    marked: int | None = None
    """Position (1–4) in the compare selection, or None."""


def meta_line(doc: Document) -> str:
    """``source · lang · date``, the line under a title (and the header of a compare column)."""
    parts = [one_line(doc.source or "") or "unknown source", doc.lang]
    parts.append(doc.date.isoformat() if doc.date else "undated")
    return " · ".join(parts)


def note_preview(note: str) -> str:
    text = one_line(note)
    return text if len(text) <= NOTE_PREVIEW else text[: NOTE_PREVIEW - 1] + "…"


def render_row(row: Row) -> Content:
    """Two lines: marks and title (bold while unread), then source · lang · date and the note."""
    title = one_line(row.doc.title) or "(untitled)"
    parts: list[str | tuple[str, str]] = [
        (UNREAD_MARK if not row.read else " ", "$accent"),
        " ",
    ]
    if row.marked is not None:
        parts += [(f"[{row.marked}]", "bold reverse $warning"), " "]
    parts.append((title, "bold" if not row.read else "$text-muted"))
    parts += ["\n  ", (meta_line(row.doc), "$text-muted")]
    if row.note:
        parts += ["  ", (f"{NOTE_MARK} {note_preview(row.note)}", "italic $text-secondary")]
    return Content.assemble(*parts)


def render_heading(group: Group) -> Content:
    count = f"  {len(group.doc_ids)}"
    return Content.assemble((one_line(group.label), "bold $text-primary"), (count, "$text-muted"))


class DocumentList(OptionList):
    """Grouped documents; posts :class:`Opened` and :class:`Highlighted` with document ids.

    A document can appear under several headings (several themes), so rows are tracked by
    position rather than by option id, which OptionList requires to be unique.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    @dataclass
    class Opened(Message):
        """The user chose a document (enter or click)."""

        doc_id: str

    @dataclass
    class Highlighted(Message):
        """The cursor moved to a document (None: to nothing)."""

        doc_id: str | None

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes, markup=False)
        self._row_ids: list[str | None] = []

    @property
    def highlighted_doc_id(self) -> str | None:
        index = self.highlighted
        if index is None or index >= len(self._row_ids):
            return None
        return self._row_ids[index]

    @property
    def doc_ids(self) -> list[str]:
        """The documents shown, in display order (each once)."""
        return list(dict.fromkeys(i for i in self._row_ids if i is not None))

    def show(self, groups: Sequence[Group], rows: dict[str, Row], empty: str) -> None:
        """Replace the rows, keeping the cursor on the same document when it is still shown."""
        keep = self.highlighted_doc_id
        options: list[Option] = []
        self._row_ids = []
        for number, group in enumerate(groups):
            heading = render_heading(group)
            options.append(Option(Content("\n") + heading if number else heading, disabled=True))
            self._row_ids.append(None)
            for doc_id in group.doc_ids:
                options.append(Option(render_row(rows[doc_id])))
                self._row_ids.append(doc_id)
        if not options:
            options.append(Option(Content.styled(empty, "italic $text-muted"), disabled=True))
            self._row_ids.append(None)
        self.set_options(options)
        target = None
        if keep is not None and keep in self._row_ids:
            target = self._row_ids.index(keep)
        else:
            target = next((i for i, doc_id in enumerate(self._row_ids) if doc_id), None)
        self.highlighted = target
        if target is not None:
            self.scroll_to_highlight()
        self.post_message(self.Highlighted(self.highlighted_doc_id))

    def update_row(self, row: Row) -> None:
        """Redraw every row of one document after its read state, note or mark changed."""
        prompt = render_row(row)
        for index, doc_id in enumerate(self._row_ids):
            if doc_id == row.doc.id:
                self.replace_option_prompt_at_index(index, prompt)

    def select_doc(self, doc_id: str) -> None:
        if doc_id in self._row_ids:
            self.highlighted = self._row_ids.index(doc_id)

    @on(OptionList.OptionSelected)
    def _opened(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        doc_id = self._row_ids[event.option_index]
        if doc_id is not None:
            self.post_message(self.Opened(doc_id))

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.Highlighted(self._row_ids[event.option_index]))

"""The document list: grouped rows, each showing title, source, language, date and marks.

Built on ``OptionList`` (virtual rendering, so a thousand rows scroll smoothly) with disabled
options as group headings. Every prompt is a ``Content`` assembled from plain strings that went
through :func:`~briefing.render.safe.one_line`: an article titled ``[@click=app.quit]`` is text,
never markup, and an escape sequence in a source name never reaches the terminal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import events, on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.model import Document
from briefing.render.safe import one_line
from briefing.text.dates import iso
from briefing.tui.grouping import Group

NOTE_MARK = "✎"
UNREAD_MARK = "●"
PAGE = 200
"""Documents given list options at a time; more are added as the cursor or scroll nears the end."""
NOTE_PREVIEW = 60
"""Characters of a note shown in its row: enough to recognise it, short enough for 80 columns."""


class DocOption(Option):
    """An option that knows its document: events name the option they were raised for, and a
    burst of keys can deliver them after the list was rebuilt, when their index points at a
    different row (or past the end)."""

    def __init__(self, prompt: Content, doc_id: str | None, *, disabled: bool = False) -> None:
        super().__init__(prompt, disabled=disabled)
        self.doc_id = doc_id


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
    parts.append(iso(doc.date) or "undated")
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
    unread = f" · {group.unread} unread" if group.unread else ""
    return Content.assemble(
        (one_line(group.label), "bold $text-primary"), (count, "$text-muted"), (unread, "$accent")
    )


class DocumentList(OptionList):
    """Grouped documents; posts :class:`Opened` and :class:`Highlighted` with document ids.

    A document can appear under several headings (several themes), so rows are tracked by
    position rather than by option id, which OptionList requires to be unique.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open", show=False),
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
        """Document id of each option shown (None for headings and the "more" line)."""
        self._items: list[Group | str] = []
        """Everything the list holds, in order: headings (Group) and document ids."""
        self._rows: Mapping[str, Row] = {}
        self._updated: dict[str, Row] = {}
        """Rows changed since :meth:`show` (read, note, mark), over ``_rows``."""
        self._done = 0
        """How many of ``_items`` have options so far."""
        self._count = 0
        self._moved_by_user = False
        """Whether the user has moved the cursor: until then a rebuild puts it on the first row
        (rows stream in while a folder loads, and the first one read is rarely the newest)."""

    @property
    def highlighted_doc_id(self) -> str | None:
        index = self.highlighted
        if index is None or index >= len(self._row_ids):
            return None
        return self._row_ids[index]

    @property
    def count(self) -> int:
        """How many documents the list holds: cheap, for a status line updated per brief."""
        return self._count

    @property
    def doc_ids(self) -> list[str]:
        """The documents in the list, in display order (each once), shown yet or not."""
        return list(dict.fromkeys(i for i in self._items if isinstance(i, str)))

    def show(self, groups: Sequence[Group], rows: Mapping[str, Row], empty: str) -> None:
        """Replace the rows, keeping the cursor on the same document when it is still listed.

        Only the first :data:`PAGE` documents get options now; the rest are added as the cursor
        or the scroll nears the end. OptionList measures every option it is given, so handing
        it 10,000 rows made each filter keystroke cost ~0.4 s; a page keeps it constant.
        """
        keep = self.highlighted_doc_id if self._moved_by_user else None
        self._rows = rows
        self._updated = {}
        self._items = []
        for group in groups:
            self._items.append(group)
            self._items.extend(group.doc_ids)
        self._count = len(set(i for i in self._items if isinstance(i, str)))
        self._row_ids = []
        self._done = 0
        self.clear_options()
        if not self._items:
            prompt = Content.styled(empty, "italic $text-muted")
            self.add_option(DocOption(prompt, None, disabled=True))
            self._row_ids.append(None)
        wanted = self._items.index(keep) + 1 if keep is not None and keep in self._items else 0
        self._extend(wanted)
        target = None
        if keep is not None and keep in self._row_ids:
            target = self._row_ids.index(keep)
        else:
            target = next((i for i, doc_id in enumerate(self._row_ids) if doc_id), None)
        self.highlighted = target
        if target is not None:
            self.scroll_to_highlight()
        self.post_message(self.Highlighted(self.highlighted_doc_id))

    def _extend(self, at_least: int = 0) -> None:
        """Give options to the next page of items (or up to item ``at_least``)."""
        if self._done >= len(self._items):
            return
        if self._row_ids and self._row_ids[-1] is None and self._done:  # the "more" line
            self.remove_option_at_index(len(self._row_ids) - 1)
            self._row_ids.pop()
        stop = min(len(self._items), max(self._done + PAGE, at_least))
        options: list[Option] = []
        for item in self._items[self._done : stop]:
            if isinstance(item, str):
                row = self._updated.get(item) or self._rows[item]
                options.append(DocOption(render_row(row), item))
                self._row_ids.append(item)
            else:
                heading = render_heading(item)
                if self._row_ids:
                    heading = Content("\n") + heading
                options.append(DocOption(heading, None, disabled=True))
                self._row_ids.append(None)
        self._done = stop
        left = sum(1 for item in self._items[stop:] if isinstance(item, str))
        if left:
            more = f"… {left:,} more below: keep scrolling, or type to narrow the list"
            options.append(
                DocOption(Content.styled(more, "italic $text-muted"), None, disabled=True)
            )
            self._row_ids.append(None)
        self.add_options(options)

    def _near_end(self, by_scroll: bool = False) -> None:
        """Add a page if the cursor (or the scroll) is near the end *now*: this runs after the
        event that asked for it, and the list may have been rebuilt in between."""
        if self._done >= len(self._items):
            return
        if by_scroll:
            near = self.max_scroll_y - self.scroll_y < self.size.height * 2
        else:
            index = self.highlighted
            near = index is not None and index >= len(self._row_ids) - PAGE // 10
        if near:
            self._extend()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self.max_scroll_y - new_value < self.size.height * 2:
            self.call_after_refresh(self._near_end, True)

    def update_row(self, row: Row) -> None:
        """Redraw every row of one document after its read state, note or mark changed."""
        self._updated[row.doc.id] = row
        prompt = render_row(row)
        for index, doc_id in enumerate(self._row_ids):
            if doc_id == row.doc.id:
                self.replace_option_prompt_at_index(index, prompt)

    def update_heading(self, group: Group) -> None:
        """Redraw the heading labelled ``group.label`` (its unread count changed)."""
        for index, item in enumerate(self._items):
            if isinstance(item, Group) and item.label == group.label:
                self._items[index] = group
                if index < self._done:
                    heading = render_heading(group)
                    self.replace_option_prompt_at_index(
                        index, Content("\n") + heading if index else heading
                    )

    def highlighted_group(self) -> Group | None:
        """The heading the cursor is under (by theme, a document is under several)."""
        index = self.highlighted
        items = self._items[: index + 1] if index is not None else []
        return next((item for item in reversed(items) if isinstance(item, Group)), None)

    def highlight_doc(self, doc_id: str | None) -> None:
        """Move the cursor to ``doc_id``'s first row, giving options to the rows up to it."""
        if doc_id is None or doc_id not in self._items:
            return
        self._moved_by_user = True
        wanted = self._items.index(doc_id) + 1
        if wanted > self._done:
            self._extend(wanted)
        self.highlighted = self._row_ids.index(doc_id)
        self.scroll_to_highlight()

    def on_key(self, event: events.Key) -> None:
        self._moved_by_user = True

    def on_click(self, event: events.Click) -> None:
        self._moved_by_user = True

    @on(OptionList.OptionSelected)
    def _opened(self, event: OptionList.OptionSelected) -> None:
        """Open the document of the option chosen: the option, never its (maybe stale) index."""
        event.stop()
        doc_id = getattr(event.option, "doc_id", None)
        if doc_id is not None:
            self.post_message(self.Opened(doc_id))

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Say which document the cursor is on *now*: a queued event may predate a rebuild."""
        event.stop()
        index = self.highlighted
        if index is not None and index >= len(self._row_ids) - PAGE // 10:
            self.call_later(self._near_end)
        self.post_message(self.Highlighted(self.highlighted_doc_id))

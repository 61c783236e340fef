"""The document list: grouped rows, each showing title, source, language, date and marks.

Built on Textual's Line API, as Toolong scrolls files of millions of lines: a
:class:`~textual.scroll_view.ScrollView` whose :meth:`DocumentList.render_line` draws only the
lines on screen, so showing 50,000 rows costs what showing 50 does (the old ``OptionList``
measured every option it was given). Where each item starts is kept by
:class:`~briefing.tui.widgets.list_layout.Layout`.

What a row shows is :mod:`~briefing.tui.widgets.rows` (plain text made ``Content``, never
markup); its names are re-exported here, where the screens have always found them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from briefing.tui.grouping import Group
from briefing.tui.widgets.list_layout import Layout
from briefing.tui.widgets.rows import Row, meta_line, render_heading, render_row

__all__ = ["DocumentList", "Row", "meta_line", "render_heading", "render_row"]


class DocumentList(ScrollView, can_focus=True):
    """Grouped documents; posts :class:`Opened` and :class:`Highlighted` with document ids.

    A document can appear under several headings (several themes), so the cursor is a position
    in the list, and a row is found again by its document after a rebuild.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "document-list--row",
        "document-list--cursor",
        "document-list--hover",
    }
    DEFAULT_CSS = """
    DocumentList {
        overflow-x: hidden;
        background: $surface;
        & > .document-list--cursor {
            color: $foreground;
            background: $block-cursor-blurred-background;
        }
        &:focus > .document-list--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
        & > .document-list--hover {
            background: $block-hover-background;
        }
    }
    """

    @dataclass
    class Opened(Message):
        """The user chose a document (enter or click)."""

        doc_id: str

    @dataclass
    class Highlighted(Message):
        """The cursor moved to a document (None: to nothing)."""

        doc_id: str | None

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self._layout = Layout([], "")
        self._rows: Mapping[str, Row] = {}
        self._updated: dict[str, Row] = {}
        """Rows changed since :meth:`show` (read, note, mark), over ``_rows``."""
        self._cursor: int | None = None
        """Index in the layout's items of the highlighted row (never a heading)."""
        self._hover: int | None = None
        self._strips: LRUCache[tuple[int, str, int], list[Strip]] = LRUCache(1024)
        """Rendered items by (index, component class, width): only what was on screen."""
        self._moved_by_user = False
        """Whether the user has moved the cursor: until then a rebuild puts it on the first row
        (rows stream in while a folder loads, and the first one read is rarely the newest)."""

    # the public face ------------------------------------------------------------------------

    @property
    def highlighted_doc_id(self) -> str | None:
        return self._layout.doc_id(self._cursor)

    @property
    def count(self) -> int:
        """How many documents the list holds: cheap, for a status line updated per brief."""
        return self._layout.count

    @property
    def doc_ids(self) -> list[str]:
        """The documents in the list, in display order (each once)."""
        return self._layout.doc_ids()

    @property
    def headings(self) -> list[str]:
        """The group headings as shown (label and count), in display order."""
        return [str(render_heading(group)) for group in self._layout.groups]

    def item_prompt(self, index: int) -> Content:
        """What item ``index`` (heading or row, in display order) shows: for tests and tools."""
        return self._prompt(index)

    def show(self, groups: Sequence[Group], rows: Mapping[str, Row], empty: str) -> None:
        """Replace the rows, keeping the cursor on the same document when it is still listed.

        Nothing is rendered here: ``rows`` is asked only for the rows that reach the screen.
        """
        keep = self.highlighted_doc_id if self._moved_by_user else None
        self._layout = Layout(groups, empty)
        self._rows = rows
        self._updated = {}
        self._strips.clear()
        self._hover = None
        found = self._layout.find(keep) if keep is not None else None
        self._cursor = found if found is not None else self._layout.next_row(-1, 1)
        self._set_height(self._layout.height)
        if found is None:
            self.scroll_to(y=0, animate=False, immediate=True)
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Highlighted(self.highlighted_doc_id))

    def _set_height(self, height: int) -> None:
        """Give the list its new length in lines without a layout pass when the scrollbar
        stays as it was: a layout reflows and repaints the whole screen, which was most of a
        filter keystroke's cost."""
        size = Size(self.scrollable_content_region.width, height)
        viewport = self.scrollable_content_region.height
        if (self.virtual_size.height > viewport) != (height > viewport) or not self.is_mounted:
            self.virtual_size = size  # the scrollbar comes or goes: lay the screen out again
        else:
            self.set_reactive(DocumentList.virtual_size, size)
            self._scroll_update(size)

    def update_row(self, row: Row) -> None:
        """Redraw every row of one document after its read state, note or mark changed."""
        self._updated[row.doc.id] = row
        self._strips.clear()  # only the rows on screen are drawn again
        self.refresh()

    def update_heading(self, group: Group) -> None:
        """Redraw the heading labelled ``group.label`` (its unread count changed)."""
        self._layout.replace_group(group)
        self._strips.clear()
        self.refresh()

    def highlighted_group(self) -> Group | None:
        """The heading the cursor is under (by theme, a document is under several)."""
        return self._layout.group_of(self._cursor) if self._cursor is not None else None

    def highlight_doc(self, doc_id: str | None) -> None:
        """Move the cursor to ``doc_id``'s first row (a move by the user: it is kept)."""
        index = self._layout.find(doc_id) if doc_id is not None else None
        if index is None:
            return
        self._moved_by_user = True
        self._move_to(index)

    # drawing --------------------------------------------------------------------------------

    def _prompt(self, index: int) -> Content:
        item = self._layout.item(index)
        if item is None:
            return Content.styled(self._layout.empty, "italic $text-muted")
        if isinstance(item, str):
            return render_row(self._updated.get(item) or self._rows[item])
        heading = render_heading(item)
        return Content("\n") + heading if index else heading

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        located = self._layout.locate(line)
        if located is None:
            return Strip.blank(width, self.get_visual_style("document-list--row").rich_style)
        index, offset = located
        component = "document-list--row"
        if index == self._cursor:
            component = "document-list--cursor"
        elif index == self._hover and self._layout.doc_id(index):
            component = "document-list--hover"
        key = (index, component, width)
        strips = self._strips.get(key)
        if strips is None:
            style = self.get_visual_style(component)
            height = self._layout.item_height(index)
            drawn = Visual.to_strips(self, self._prompt(index), width, height, style)
            strips = [strip.extend_cell_length(width, style.rich_style) for strip in drawn]
            self._strips[key] = strips
        return strips[offset] if offset < len(strips) else Strip.blank(width)

    def on_resize(self) -> None:
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, self._layout.height)
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        self._strips.clear()
        super().notify_style_update()

    # the cursor -----------------------------------------------------------------------------

    def _move_to(self, index: int | None) -> None:
        if index is None or index == self._cursor:
            return
        self._cursor = index
        self._strips.clear()
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Highlighted(self.highlighted_doc_id))

    def _scroll_to_cursor(self) -> None:
        if self._cursor is None or not self.is_mounted:
            return
        start = self._layout.start(self._cursor)
        height = self._layout.item_height(self._cursor)
        if self._layout.next_row(-1, 1) == self._cursor:
            height, start = height + start, 0  # the first group's heading stays in view
        region = Region(0, start, max(1, self.scrollable_content_region.width), height)
        self.scroll_to_region(region, animate=False, force=True, immediate=True)

    def action_cursor_up(self) -> None:
        self._move_to(self._layout.next_row(self._cursor, -1))

    def action_cursor_down(self) -> None:
        self._move_to(self._layout.next_row(self._cursor, 1))

    def action_first(self) -> None:
        self._move_to(self._layout.next_row(-1, 1))

    def action_last(self) -> None:
        self._move_to(self._layout.next_row(len(self._layout), -1))

    def action_page(self, direction: int) -> None:
        if self._cursor is None:
            return
        line = self._layout.start(self._cursor) + direction * self.scrollable_content_region.height
        located = self._layout.locate(max(0, min(line, self._layout.height - 1)))
        if located is not None:
            index = located[0]
            target = self._layout.next_row(index - direction, direction)
            self._move_to(target if target is not None else self._layout.next_row(index, -1))

    def action_select(self) -> None:
        doc_id = self.highlighted_doc_id
        if doc_id is not None:
            self.post_message(self.Opened(doc_id))

    # the mouse and keys ---------------------------------------------------------------------

    def _index_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        located = self._layout.locate(self.scroll_offset.y + offset.y)
        return located[0] if located is not None else None

    def on_click(self, event: events.Click) -> None:
        self._moved_by_user = True
        index = self._index_at(event)
        if index is not None and self._layout.doc_id(index) is not None:
            self._move_to(index)
            self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._index_at(event)
        if index != self._hover:
            self._hover = index
            self._strips.clear()
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_key(self, event: events.Key) -> None:
        self._moved_by_user = True

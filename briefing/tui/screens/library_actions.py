"""What the list's keys do to the highlighted article or the list (mark, compare, story, read
state, note, URL, export, reload): each asks the app, which owns the store and the screens.

Kept apart from :mod:`.library`, whose job is showing the list: these only read the cursor
(``current``) and the shown order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from briefing.tui.messages import ToggleMark
from briefing.tui.widgets.document_list import DocumentList

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

    _Screen = Screen[None]
else:
    _Screen = object


class LibraryActions(_Screen):
    """The list's article actions (mixed into :class:`~.library.LibraryScreen`)."""

    app: BriefingApp

    @property
    def current(self) -> str | None:
        raise NotImplementedError  # the list's cursor: LibraryScreen

    def shown_order(self) -> list[str]:
        raise NotImplementedError

    def action_mark(self) -> None:
        if self.current:
            self.post_message(ToggleMark(self.current))

    def action_compare(self) -> None:
        self.app.open_compare()

    def action_story(self) -> None:
        from briefing.tui.screens.story import StoryScreen

        if self.current:
            self.app.push_screen(StoryScreen(self.current))

    def action_toggle_read(self) -> None:
        if self.current:
            self.app.toggle_read(self.current)

    def action_group_read(self) -> None:
        group = self.query_one(DocumentList).highlighted_group()
        if group is not None:
            self.app.mark_many_read(group.doc_ids, f"“{group.label}”")

    def action_all_read(self) -> None:
        self.app.mark_many_read(self.shown_order(), "the list")

    def action_undo(self) -> None:
        self.app.undo_read()

    def action_note(self, outside: bool = False) -> None:
        """The note: inline (``w``) or in ``$EDITOR`` (``e``)."""
        if self.current:
            self.app.edit_note(self.current, outside=outside)

    def action_url(self, copy: bool = False) -> None:
        """The article's URL: opened (``o``) or copied (``y``)."""
        doc = self.app.session.documents.get(self.current) if self.current else None
        if doc is not None:
            (self.app.copy_url if copy else self.app.open_article_url)(doc)

    def action_export(self) -> None:
        marked = list(self.app.session.marked)
        if marked:
            self.app.export(marked, "marked in the reader")
        else:
            self.app.export(self.shown_order(), "listed in the reader")

    def action_reload(self) -> None:
        self.app.reload()

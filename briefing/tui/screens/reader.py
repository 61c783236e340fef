"""Read one document: brief, key points (each jumps to its paragraph), themes, note, full text.

Wide terminals put the brief beside the text; narrow ones stack them (``-narrow`` breakpoint).
Opening a document marks it read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from briefing.model import Document
from briefing.query import QueryError, find_spans, parse
from briefing.render.safe import inert, one_line
from briefing.tui import keys
from briefing.tui.messages import ToggleMark
from briefing.tui.navigation import next_unread, step
from briefing.tui.widgets.brief_view import (
    brief_content,
    header_content,
    heading,
    note_content,
    themes_content,
)
from briefing.tui.widgets.find_bar import FindBar
from briefing.tui.widgets.footer import CompactFooter
from briefing.tui.widgets.key_points import KeyPointList

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


class ReaderScreen(Screen[None]):
    """One document in full. ``escape`` goes back to the list."""

    app: BriefingApp

    BINDINGS: ClassVar[list[BindingType]] = keys.READER

    def __init__(self, doc_id: str) -> None:
        super().__init__()
        self.doc_id = doc_id
        self._matches: list[tuple[int, int, int]] = []
        """(paragraph, start, end) of each match of the find line, in reading order."""
        self._current = -1

    def compose(self) -> ComposeResult:
        doc = self.app.session.documents[self.doc_id]
        yield Static(header_content(doc), id="reader-header")
        yield Static(url_content(doc), id="reader-url")
        with Horizontal(id="reader-body"):
            with VerticalScroll(id="reader-side"):
                yield Static(heading("Brief"), classes="section")
                yield Static(id="reader-brief")
                yield Static(heading("Key points  (enter: go to paragraph)"), classes="section")
                yield KeyPointList(id="key-points")
                yield Static(heading("Themes"), classes="section")
                yield Static(themes_content(doc, self.app.session.themes), id="reader-themes")
                yield Static(heading("Note"), classes="section")
                yield Static(id="reader-note")
            with VerticalScroll(id="reader-text"):
                for index, paragraph in enumerate(doc.paragraphs):
                    yield Static(Content(inert(paragraph)), id=f"p-{index}", classes="paragraph")
        yield FindBar(
            placeholder="find in this article (enter: next, shift+enter: previous, esc: close)",
            id="reader-find",
            compact=True,
        )
        yield Static(id="reader-find-status")
        yield CompactFooter()

    def on_mount(self) -> None:
        self.app.document_changed.subscribe(self, self._document_changed)
        self.app.briefs_arrived.subscribe(
            self, lambda ids: self._document_changed(self.doc_id) if self.doc_id in ids else None
        )
        self.app.corpus_changed.subscribe(self, lambda _: self._corpus_changed())
        self._shown = self.app.session.documents[self.doc_id]
        self._opened()

    async def show(self, doc_id: str) -> None:
        """Read another article here (``J``, ``K``, ``n``, ``p``): marked read, and the list's
        cursor follows, so going back lands on it."""
        self.app.mark_read_on_open(doc_id)
        self.app.library.follow(doc_id)
        self.doc_id = doc_id
        self._shown = self.app.session.documents[doc_id]
        await self.recompose()
        self._opened()

    def _corpus_changed(self) -> None:
        """After a reload: an edited article is shown anew; a deleted one says so."""
        doc = self.app.session.documents.get(self.doc_id)
        if doc is None:
            self.sub_title = "gone from the folder"
        elif doc != self._shown:
            self.call_later(self.show, self.doc_id)

    def _opened(self) -> None:
        self._fill()
        # Focusing the key points would scroll the side panel to them, past the Brief on a
        # short terminal: the reader opens at the top, with the Brief first.
        self.query_one(KeyPointList).focus(scroll_visible=False)
        self.query_one("#reader-side").scroll_home(animate=False, immediate=True)

    def _fill(self) -> None:
        app = self.app
        doc = app.session.documents.get(self.doc_id)
        if doc is None or not self.query("#reader-brief"):
            return  # recomposing for J/K/n/p (a change announced meanwhile): _opened fills it
        brief = app.session.briefs.get(self.doc_id)
        self.query_one("#reader-brief", Static).update(brief_content(brief))
        self.query_one(KeyPointList).show(brief)
        self.query_one("#reader-note", Static).update(note_content(app.session.store.note(doc)))
        read = app.session.store.is_read(doc)
        self.sub_title = "read" if read else "unread"

    def _document_changed(self, doc_id: str) -> None:
        if doc_id == self.doc_id:
            self._fill()

    @on(KeyPointList.Jump)
    def _jump(self, event: KeyPointList.Jump) -> None:
        self.jump_to(event.paragraph)

    def jump_to(self, paragraph: int) -> None:
        """Scroll the text to ``paragraph`` and highlight it until the next jump."""
        target = self.query(f"#p-{paragraph}")
        if not target:
            self.notify("That key point has no paragraph in this text.", severity="warning")
            return
        for node in self.query(".paragraph.-target"):
            node.remove_class("-target")
        widget = target.first()
        widget.add_class("-target")
        self.query_one("#reader-text").scroll_to_widget(widget, top=True, animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While the find line has focus its keys are text (the reader's letter keys are
        priority bindings) and Esc closes it rather than leaving the article."""
        return not isinstance(self.focused, FindBar)

    # find in the article -----------------------------------------------------------------

    def action_find(self) -> None:
        bar = self.query_one(FindBar)
        bar.add_class("-open")
        self.query_one("#reader-find-status").add_class("-open")
        self.set_focus(bar)

    @on(FindBar.Changed)
    def _find_changed(self, event: FindBar.Changed) -> None:
        event.stop()
        self._highlight(event.value)

    @on(FindBar.Step)
    def _find_step(self, event: FindBar.Step) -> None:
        if not self._matches:
            return
        self._current = (self._current + event.by) % len(self._matches)
        self._paint()

    @on(FindBar.Closed)
    def _find_closed(self) -> None:
        bar = self.query_one(FindBar)
        bar.value = ""
        bar.remove_class("-open")
        self.query_one("#reader-find-status").remove_class("-open")
        self._highlight("")
        self._fill()  # the subtitle says read/unread again
        self.set_focus(self.query_one("#reader-text"))  # at once: the next key is the reader's

    def _highlight(self, text: str) -> None:
        """Mark every match of ``text`` (the query's words) and go to the first."""
        try:
            query = parse(text)
        except QueryError as err:  # "since:…" means nothing in one article: say so, keep going
            self._matches, self._current = [], -1
            self._paint(f"find: {err}")
            return
        doc = self.app.session.documents[self.doc_id]
        self._matches = [
            (index, start, end)
            for index, paragraph in enumerate(doc.paragraphs)
            for start, end in find_spans(inert(paragraph), query)
        ]
        self._current = 0 if self._matches else -1
        self._paint()

    def _paint(self, error: str | None = None) -> None:
        """Redraw the paragraphs with their matches as spans of ``Content`` (article text is
        never markup), the current one in its own style, and scroll it into view."""
        doc = self.app.session.documents[self.doc_id]
        by_paragraph: dict[int, list[tuple[int, int, int]]] = {}
        for n, (index, start, end) in enumerate(self._matches):
            by_paragraph.setdefault(index, []).append((n, start, end))
        for index, paragraph in enumerate(doc.paragraphs):
            content = Content(inert(paragraph))
            for n, start, end in by_paragraph.get(index, []):
                style = "bold reverse $accent" if n == self._current else "reverse $warning"
                content = content.stylize(style, start, end)
            self.query_one(f"#p-{index}", Static).update(content)
        bar = self.query_one(FindBar)
        if error:
            self.sub_title = error
        elif bar.value.strip():
            where = f"{self._current + 1}/{len(self._matches)}" if self._matches else "no match"
            self.sub_title = f"find: {where}"
        else:
            self.sub_title = ""
        self.query_one("#reader-find-status", Static).update(Content(self.sub_title))
        if self._matches and self._current >= 0:
            index = self._matches[self._current][0]
            self.query_one("#reader-text").scroll_to_widget(
                self.query_one(f"#p-{index}"), animate=False
            )

    @property
    def match_count(self) -> int:
        return len(self._matches)

    def action_back(self) -> None:
        self.dismiss()

    async def action_step(self, delta: int) -> None:
        target = step(self.app.library.shown_order(), self.doc_id, delta)
        if target is None:
            self.notify("No more articles that way in the list.", timeout=2)
        else:
            await self.show(target)

    async def action_unread(self, delta: int) -> None:
        library, store = self.app.library, self.app.session.store
        docs = self.app.session.documents

        def is_read(doc_id: str) -> bool:
            return doc_id not in docs or store.is_read(docs[doc_id])

        target = next_unread(library.shown_order(), self.doc_id, is_read, delta)
        if target is None:
            self.notify("No other unread article in the list.", timeout=2)
        else:
            await self.show(target)

    def action_home(self) -> None:
        self._scroller().scroll_home(animate=False)

    def action_end(self) -> None:
        self._scroller().scroll_end(animate=False)

    def _scroller(self) -> Widget:
        focused = self.focused
        if isinstance(focused, KeyPointList):
            return self.query_one("#reader-side")
        return focused if focused is not None else self.query_one("#reader-text")

    def action_story(self) -> None:
        from briefing.tui.screens.story import StoryScreen

        self.app.push_screen(StoryScreen(self.doc_id))

    def action_toggle_read(self) -> None:
        self.app.toggle_read(self.doc_id)

    def action_note(self) -> None:
        self.app.edit_note(self.doc_id)

    def action_edit_note(self) -> None:
        self.app.edit_note(self.doc_id, outside=True)

    def action_open_url(self) -> None:
        self.app.open_article_url(self._shown)

    def action_copy_url(self) -> None:
        self.app.copy_url(self._shown)

    def action_mark(self) -> None:
        self.post_message(ToggleMark(self.doc_id))

    def action_focus_text(self) -> None:
        self.query_one("#reader-text").focus()


def url_content(doc: Document) -> Content:
    """The article's address under its title (``o`` opens it, ``y`` copies it)."""
    if not doc.url:
        return Content.styled("no URL", "italic $text-muted")
    return Content.styled(one_line(doc.url), "underline $text-secondary")

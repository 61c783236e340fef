"""Two to four documents side by side: the same event as told in different languages.

Each column is a :class:`BriefView` headed by title, source, language and date. Wide terminals
share the width between columns; on a narrow one (``-narrow``, under 120 cells) they stack and
the whole screen scrolls, because four 20-cell columns of CJK and French are unreadable.

Under the columns, :class:`AlignedView` lines up the facts the articles share (a row per fact,
across the language columns) and lists the points only one outlet reports. It is computed in a
worker from the corpus's story index (:func:`briefing.stories.stories_for`) and stays hidden
when the articles share no rare anchor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.worker import get_current_worker

from briefing.tui import keys
from briefing.tui.navigation import next_unread, step
from briefing.tui.widgets.aligned_view import AlignedView
from briefing.tui.widgets.brief_view import BriefView
from briefing.tui.widgets.footer import CompactFooter

if TYPE_CHECKING:
    from briefing.stories.align import Alignment
    from briefing.tui.app import BriefingApp


class CompareScreen(Screen[None]):
    """Briefs and key points of the marked documents in columns."""

    app: BriefingApp

    BINDINGS: ClassVar[list[BindingType]] = keys.COMPARE

    @dataclass
    class Aligned(Message):
        """The worker lined up the compared documents (None: their briefs are not all made)."""

        alignment: Alignment | None
        story: str | None = None
        """The label of the story all of them belong to, if one does."""

    def __init__(self, doc_ids: list[str]) -> None:
        super().__init__()
        self.doc_ids = list(doc_ids)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="columns"):
            for index, _ in enumerate(self.doc_ids):
                yield BriefView(id=f"column-{index}", classes="column")
        yield AlignedView(id="aligned")
        yield CompactFooter()

    def _briefs_arrived(self, ids: frozenset[str]) -> None:
        for doc_id in self.doc_ids:
            if doc_id in ids:
                self._document_changed(doc_id)

    def on_mount(self) -> None:
        self.app.document_changed.subscribe(self, self._document_changed)
        self.app.briefs_arrived.subscribe(self, self._briefs_arrived)
        for index in range(len(self.doc_ids)):
            self._fill(index)
        self.query_one("#column-0").focus()
        self.align()

    @work(thread=True, exclusive=True, exit_on_error=False, group="align", description="Aligning")
    def align(self) -> None:
        """Line up the compared documents' key points; never touches widgets."""
        from briefing.library import stories_of
        from briefing.stories.align import align

        worker = get_current_worker()
        app = self.app
        docs = [app.session.documents[i] for i in self.doc_ids if i in app.session.documents]
        briefs = {d.id: b for d in docs if (b := app.session.briefs.get(d.id)) is not None}
        if len(docs) < 2 or len(briefs) < len(docs):
            self.post_message(self.Aligned(None))
            return
        everything = list(app.session.documents.values())
        # the grouping every view uses; vectors cached after the first time
        index, _ = stories_of(everything, jobs=1, should_stop=lambda: worker.is_cancelled)
        if worker.is_cancelled or index.weights is None:
            return
        alignment = align(docs, lambda d: briefs[d.id], index.weights, index.anchors)
        stories = {index.story_of(d.id) for d in docs}
        story = stories.pop() if len(stories) == 1 else None
        if not worker.is_cancelled:
            self.post_message(self.Aligned(alignment, story.label if story else None))

    def on_compare_screen_aligned(self, message: Aligned) -> None:
        self.query_one(AlignedView).show(
            message.alignment, self.app.session.documents, message.story
        )

    def _fill(self, index: int) -> None:
        app = self.app
        doc = app.session.documents[self.doc_ids[index]]
        view = self.query_one(f"#column-{index}", BriefView)
        view.show(
            doc, app.session.briefs.get(doc.id), app.session.store.note(doc), app.session.themes
        )

    def _document_changed(self, doc_id: str) -> None:
        if doc_id in self.doc_ids:
            self._fill(self.doc_ids.index(doc_id))
            self.align()  # a brief may have just been made

    def action_back(self) -> None:
        self.dismiss()

    def _column(self) -> int:
        """The focused column (the first when focus is elsewhere)."""
        focused = self.focused
        for index in range(len(self.doc_ids)):
            if focused is not None and focused.id == f"column-{index}":
                return index
        return 0

    def action_step(self, delta: int) -> None:
        """The focused column shows the next (previous) article of the list not compared yet."""
        index, order = self._column(), self.app.library.shown_order()
        target = step(order, self.doc_ids[index], delta)
        while target is not None and target in self.doc_ids:
            target = step(order, target, delta)
        self._replace(index, target)

    def action_unread(self, delta: int) -> None:
        index = self._column()
        docs, store = self.app.session.documents, self.app.session.store

        def is_read(doc_id: str) -> bool:
            return doc_id in self.doc_ids or doc_id not in docs or store.is_read(docs[doc_id])

        self._replace(index, next_unread(self.app.library.shown_order(), self.doc_ids[index],
                                         is_read, delta))  # fmt: skip

    def _replace(self, index: int, doc_id: str | None) -> None:
        if doc_id is None:
            self.notify("No more articles that way in the list.", timeout=2)
            return
        self.doc_ids[index] = doc_id
        self.app.session.marked = list(self.doc_ids)  # the marks follow what is compared
        self._fill(index)
        self.align()

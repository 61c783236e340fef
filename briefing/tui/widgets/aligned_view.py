"""The facts the compared articles share, one row per fact, and the points only one reports.

Under the compare columns: each row names the anchors that put its sentences together (``Li
Qiang / 李強 · Saturday``), then what each outlet says. Hidden while there is nothing to line up
(the articles share no rare name, number or date). Every string passes through
:func:`briefing.render.safe.one_line` into ``Content``, so article text is never markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from briefing.model import Document
from briefing.render.safe import one_line

if TYPE_CHECKING:  # the stories package pulls in numpy: the app imports it in a worker
    from briefing.stories.align import Alignment, Point


def _who(doc: Document | None) -> str:
    if doc is None:
        return "?"
    return f"{doc.lang} · {one_line(doc.source or 'unknown source')}"


def _cell(point: Point, documents: Mapping[str, Document]) -> Content:
    return Content.assemble(
        ("  ", ""), (_who(documents.get(point.doc_id)), "$text-muted"), "  ", one_line(point.text)
    )


def aligned_content(
    alignment: Alignment, documents: Mapping[str, Document], story: str | None = None
) -> Content:
    """Shared rows (anchors, then one line per outlet), then the single-outlet points."""
    title = "Side by side" + (f" · same story: {one_line(story)}" if story else "")
    lines: list[Content] = [Content.styled(title, "bold $text-primary")]
    for row in alignment.shared:
        labels = " · ".join(one_line(a.label) for a in row.anchors if a.kind != "theme")
        lines.append(Content.styled(f"▸ {labels or 'shared'}", "bold $accent"))
        lines.extend(_cell(c, documents) for c in row.cells if c is not None)
    if alignment.singles:
        lines.append(Content.styled("Only one outlet reports", "bold $text-primary"))
        for row in alignment.singles:
            cell = next(c for c in row.cells if c is not None)
            lines.append(_cell(cell, documents))
    return Content("\n").join(lines)


class AlignedView(VerticalScroll):
    """Aligned rows of the compared documents; ``-empty`` (hidden) until there are some."""

    DEFAULT_CSS = """
    AlignedView {
        height: auto;
        max-height: 45%;
        padding: 0 1;
        border-top: hkey $panel-lighten-2;
        &.-empty { display: none; }
        & > Static { width: 1fr; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="aligned-rows")

    def on_mount(self) -> None:
        self.add_class("-empty")

    def show(
        self,
        alignment: Alignment | None,
        documents: Mapping[str, Document],
        story: str | None = None,
    ) -> None:
        """Show ``alignment``; hide the view when no fact is shared by two articles."""
        empty = alignment is None or not alignment.shared
        self.set_class(empty, "-empty")
        if alignment is not None and not empty:
            self.query_one("#aligned-rows", Static).update(
                aligned_content(alignment, documents, story)
            )

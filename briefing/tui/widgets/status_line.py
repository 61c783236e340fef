"""The status line beside the filter: how many documents are listed, the grouping, the unread
count, the language, the compare marks, or why the query cannot run.

Updated on every keystroke and every read-state change, so it is built from counts the caller
keeps (never by asking about every document), and it lays the screen out again only when its
width changes: a layout pass repaints the whole screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widgets import Static

from briefing.render.safe import one_line

ERROR_WIDTH = 48
"""Characters of a query error in the status line: the filter line beside it keeps its room."""


@dataclass(frozen=True, slots=True)
class Status:
    shown: int
    total: int
    loaded: bool
    grouping: str
    unread: int
    language: str | None
    marked: int = 0
    max_marked: int = 4
    error: str | None = None
    """Why the filter line's query cannot run (the user's own text, shown as text)."""
    indexing: bool = False
    """The search index is being made (after the list is shown): words typed now wait."""


def status_content(status: Status) -> Content:
    if status.error:  # short, so the filter line keeps its room (the themes are completed)
        error = one_line(status.error).split("; known:")[0]
        error = error if len(error) <= ERROR_WIDTH else error[: ERROR_WIDTH - 1] + "…"
        return Content.styled(f"query: {error}", "bold $error")
    count = f"{status.shown:>{len(str(status.total))}}/{status.total}"  # steady while typing
    parts = [count if status.loaded else f"{count} so far", f"by {status.grouping}"]
    parts.append(f"{status.unread} unread")
    parts.append(f"lang: {status.language or 'all'}")
    if status.marked:
        parts.append(f"marked {status.marked}/{status.max_marked}")
    if status.indexing:
        parts.append("indexing for search…")
    return Content(" · ".join(parts))


class StatusLine(Static):
    """The status text; :meth:`show` redraws it, with a layout only when its width changes."""

    def show(self, status: Status) -> None:
        content = status_content(status)
        self.update(content, layout=len(str(content)) != len(str(self.content)))

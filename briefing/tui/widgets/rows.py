"""What one row and one heading of the document list show, as ``Content`` from plain text.

Every string goes through :func:`~briefing.render.safe.one_line`: an article titled
``[@click=app.quit]`` is text, never markup, and an escape sequence in a source name never
reaches the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content

from briefing.model import Document
from briefing.render.dates import shown_date
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
    parts.append(shown_date(doc))  # ≈ 2025-07-26, from its story: never passed off as its own
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

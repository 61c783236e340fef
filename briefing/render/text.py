"""The CLI's text: ``list`` rows, ``show``, and the daily brief for a terminal or a pipe.

Lines are built once as (text, style) pairs; a pipe gets the text alone, a terminal gets Rich
``Text`` objects with the style applied. Untrusted text is never parsed as Rich markup (it is
only ever the content of a ``Text``), and :func:`~briefing.render.safe.inert` has already removed
escape sequences, so a hostile title cannot colour, link or retitle the terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TextIO

from briefing.model import Brief, Document, Theme
from briefing.render.dates import short_date, shown_date
from briefing.render.safe import fit, inert, one_line
from briefing.selection import UNTHEMED, Selection, group_by_theme
from briefing.text.width import display_width, wrap

Line = tuple[str, str]  # text, Rich style ("" for none)


def list_rows(
    docs: Sequence[Document],
    is_read: Callable[[Document], bool] = lambda _: True,
    note_of: Callable[[Document], str] = lambda _: "",
) -> list[str]:
    """``briefing list``: id, ``●`` when unread (as the reader marks it), date, language,
    source and title in aligned columns, then ``✎`` and the note's start when there is one."""
    # ids are printable already (corpus/names.py); one_line again costs nothing
    id_width = max((display_width(one_line(d.id)) for d in docs), default=2)
    date_width = 11 if any(d.date_estimated for d in docs) else 10  # ≈2025-07-26 is eleven
    rows = []
    for d in docs:
        flag = " " if is_read(d) else "●"
        note = one_line(note_of(d)).strip()
        tail = f"  ✎ {fit(note, NOTE_WIDTH).rstrip()}" if note else ""
        rows.append(
            f"{fit(one_line(d.id), id_width)}  {flag} {short_date(d):<{date_width}}  {d.lang:<5}  "
            f"{fit(one_line(d.source or '-'), 18)}  {one_line(d.title)}{tail}"
        )
    return rows


NOTE_WIDTH = 40
"""Cells of a note shown at the end of a ``list`` row (``show`` prints it whole)."""


def meta_line(doc: Document) -> str:
    """``source · lang · date · id``: the line under a title in ``show`` and the daily brief."""
    parts = [doc.source or "unknown source", doc.lang, shown_date(doc), doc.id]
    return one_line(" · ".join(parts))


def show_lines(doc: Document, brief: Brief, *, read: bool = False, note: str = "") -> list[str]:
    """``briefing show``: title, metadata, URL, read state, themes, note, the brief, key points
    and the clean text."""
    lines = [one_line(doc.title), meta_line(doc)]
    if doc.url:
        lines.append("url: " + one_line(doc.url))
    lines.append("read" if read else "unread")
    if doc.themes:
        lines.append("themes: " + ", ".join(doc.theme_ids))
    if note.strip():
        lines.append("note: " + one_line(note))
    lines += ["", *(f"  {one_line(s)}" for s in brief.sentences), ""]
    lines += [f"  - {one_line(p.text)}  [¶{p.paragraph + 1}]" for p in brief.key_points]
    lines.append("")
    lines += [f"[¶{n}] {inert(para)}" for n, para in enumerate(doc.paragraphs, 1)]
    return lines


def _label(themes: Sequence[Theme], theme_id: str) -> str:
    if theme_id == UNTHEMED:
        return "No theme"
    theme = next((t for t in themes if t.id == theme_id), None)
    return one_line(theme.label_for("en") if theme else theme_id)


def _article(doc: Document, brief: Brief) -> list[Line]:
    lines: list[Line] = [(f"• {one_line(doc.title)}", "bold"), (f"  {meta_line(doc)}", "dim")]
    lines += [(f"  {one_line(s)}", "") for s in brief.sentences]
    lines.append(("", ""))
    return lines


def daily_lines(
    selection: Selection, themes: Sequence[Theme], brief_of: Callable[[Document], Brief]
) -> list[Line]:
    if selection.start is None:
        head = "Daily brief: no dated articles"
    elif selection.start == selection.end or selection.end is None:
        head = f"Daily brief for {selection.start.isoformat()} ({selection.why})"
    else:
        head = (
            f"Daily brief for {selection.start.isoformat()} to {selection.end.isoformat()} "
            f"({selection.why})"
        )
    count = f"{len(selection.dated)} article{'s' * (len(selection.dated) != 1)}"
    if selection.undated:
        count += f", {len(selection.undated)} undated listed apart"
    lines: list[Line] = [(one_line(head), "bold"), (count, "dim"), ("", "")]
    for theme_id, group in group_by_theme(selection.dated, themes):
        lines += [(f"{_label(themes, theme_id)} ({len(group)})", "bold underline"), ("", "")]
        for doc in group:
            lines += _article(doc, brief_of(doc))
    if selection.undated:
        lines += [(f"Undated ({len(selection.undated)})", "bold underline"), ("", "")]
        for doc in selection.undated:
            lines += _article(doc, brief_of(doc))
    return lines


def wrapped(lines: list[Line], width: int) -> list[Line]:
    """Each line cut to ``width`` terminal columns between words (CJK between characters),
    continuation lines indented like the line (under the text, after a ``• ``)."""
    out: list[Line] = []
    for text, style in lines:
        hang = "  " if text.startswith("• ") else None
        out += [(piece, style) for piece in wrap(text, width, hang)]
    return out


def write_lines(
    lines: list[Line], stream: TextIO, *, color: bool, width: int | None = None
) -> None:
    """Write the lines; with ``width`` (a terminal's), wrapped to it by display width, so no
    word is cut at the edge and CJK counts two columns. A pipe gets them unwrapped."""
    if width:
        lines = wrapped(lines, width)
    if not color:
        stream.write("\n".join(text for text, _ in lines).rstrip() + "\n")
        return
    from rich.console import Console
    from rich.text import Text

    # soft_wrap: Rich must not wrap again (it would cut words at its own idea of the width)
    console = Console(file=stream, highlight=False, markup=False, emoji=False, soft_wrap=True)
    for text, style in lines:
        console.print(Text(text, style=style or ""))

"""A document's brief as one scrollable block: header, brief, key points, themes, note.

Shown beside the list (preview), in each compare column, and (in parts) in the reader. All of it
is built as ``Content`` from strings passed through :mod:`briefing.render.safe`, so article text
and notes are never read as markup.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from briefing.model import Brief, Document, Evidence, Theme
from briefing.render.safe import inert, one_line
from briefing.text.width import char_width
from briefing.tui.widgets.document_list import meta_line

SUMMARIZING = "Summarizing…"


def bulleted(text: str) -> Content:
    """A key point with its bullet.

    Line wrapping breaks only at spaces, so ``• `` before a long run of Chinese or Japanese
    (which has no spaces) leaves the bullet alone on its line. CJK text gets the full-width
    ``・`` glued to it instead, which is how CJK lists are set anyway.
    """
    text = one_line(text)
    if text and char_width(text[0]) == 2:
        return Content.assemble(("・", "$accent"), text)
    return Content.assemble(("• ", "$accent"), text)


def heading(text: str) -> Content:
    return Content.styled(text, "bold $text-primary")


def header_content(doc: Document) -> Content:
    """Title (bold), then ``source · lang · date``: how every view names a document."""
    title = one_line(doc.title) or "(untitled)"
    return Content.assemble((title, "bold"), "\n", (meta_line(doc), "$text-muted"))


def brief_content(brief: Brief | None) -> Content:
    if brief is None:
        return Content.styled(SUMMARIZING, "italic $text-muted")
    if not brief.sentences:
        return Content.styled("(nothing to summarize)", "italic $text-muted")
    return Content("\n\n".join(inert(s).strip() for s in brief.sentences))


def key_points_content(brief: Brief | None) -> Content:
    if brief is None:
        return Content.styled(SUMMARIZING, "italic $text-muted")
    if not brief.key_points:
        return Content.styled("(none)", "italic $text-muted")
    return Content("\n").join(bulleted(point.text) for point in brief.key_points)


def _where(evidence: Evidence) -> str:
    return "title" if evidence.paragraph < 0 else f"¶{evidence.paragraph + 1}"


def themes_content(doc: Document, themes: Mapping[str, Theme]) -> Content:
    """Each theme with the terms that matched and where: the reason it was assigned."""
    if not doc.themes:
        return Content.styled("(no theme matched)", "italic $text-muted")
    lines: list[Content] = []
    for match in doc.themes:
        theme = themes.get(match.theme_id)
        label = one_line(theme.label_for("en") if theme else match.theme_id)
        terms = ", ".join(
            f"{one_line(e.term)}{f' ×{e.count}' if e.count > 1 else ''} ({_where(e)})"
            for e in match.evidence
        )
        lines.append(
            Content.assemble((label, "bold"), (f"  {match.score:.1f}", "$text-muted"))
            + (Content.assemble("\n  ", (terms, "$text-muted")) if terms else Content(""))
        )
    return Content("\n").join(lines)


def note_content(note: str) -> Content:
    if not note:
        return Content.styled("(no note — press w)", "italic $text-muted")
    return Content.styled(inert(note), "italic $text-secondary")


class BriefView(VerticalScroll):
    """Everything but the full text, for one document; empty until :meth:`show` is called."""

    DEFAULT_CSS = """
    BriefView {
        height: 1fr;
        & > Static { width: 1fr; }
        & > .brief-view--heading { margin-top: 1; }
        &.-empty > * { display: none; }
    }
    """

    _shown: tuple[object, ...] | None = None
    """What :meth:`show` was last given."""

    def compose(self) -> ComposeResult:
        yield Static(id="bv-header")
        yield Static(heading("Brief"), classes="brief-view--heading")
        yield Static(id="bv-brief")
        yield Static(heading("Key points"), classes="brief-view--heading")
        yield Static(id="bv-points")
        yield Static(heading("Themes"), classes="brief-view--heading")
        yield Static(id="bv-themes")
        yield Static(heading("Note"), classes="brief-view--heading")
        yield Static(id="bv-note")

    def show(
        self,
        doc: Document | None,
        brief: Brief | None = None,
        note: str = "",
        themes: Mapping[str, Theme] | None = None,
    ) -> None:
        shown = (doc, brief, note, themes)
        if shown == self._shown:
            return  # each update below lays the whole screen out again
        self._shown = shown
        self.set_class(doc is None, "-empty")  # nothing matched: show nothing, not the last one
        if doc is None:
            return
        self.query_one("#bv-header", Static).update(header_content(doc))
        self.query_one("#bv-brief", Static).update(brief_content(brief))
        self.query_one("#bv-points", Static).update(key_points_content(brief))
        self.query_one("#bv-themes", Static).update(themes_content(doc, themes or {}))
        self.query_one("#bv-note", Static).update(note_content(note))

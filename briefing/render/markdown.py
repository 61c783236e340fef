"""The briefing as Markdown (CommonMark): header, one section per theme, every article.

Article text is untrusted and must never change the document's structure: every field is made
inert (:mod:`.safe`), put on one line, and every character with Markdown meaning is
backslash-escaped, which CommonMark defines for all ASCII punctuation. A ``#``, ``|``, ``---``,
HTML or a link in an article therefore stays literal text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from briefing.model import Brief, Document, Theme
from briefing.render.safe import one_line
from briefing.selection import UNTHEMED, Selection, group_by_theme

# characters that can start or shape Markdown inline syntax anywhere in a line
MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!&{}()$^])")


def _escape_line_start(text: str) -> str:
    m = re.match(r"^(\d+)([.)])", text)
    if m:
        return f"{m[1]}\\{m[2]}{text[m.end() :]}"
    if text and text[0] in "-+=>:":
        return "\\" + text
    return text


def inline(text: str) -> str:
    flat = re.sub(r"\s+", " ", one_line(text)).strip()
    return _escape_line_start(MD_SPECIAL.sub(r"\\\1", flat))


def _label(themes: Sequence[Theme], theme_id: str) -> str:
    if theme_id == UNTHEMED:
        return "No theme"
    theme = next((t for t in themes if t.id == theme_id), None)
    return theme.label_for("en") if theme else theme_id


def _meta(doc: Document) -> str:
    date = doc.date.isoformat() if doc.date else "undated"
    parts = [doc.source or "unknown source", doc.lang, date, f"id {doc.id}"]
    return " · ".join(inline(p) for p in parts)


def _article(doc: Document, brief: Brief, note: str, themes: Sequence[Theme]) -> list[str]:
    out = [f"### {inline(doc.title) or '(untitled)'}", "", _meta(doc), ""]
    if brief.sentences:
        out += ["**Brief.** " + " ".join(inline(s) for s in brief.sentences), ""]
    if brief.key_points:
        out += ["**Key points**", ""]
        out += [f"- {inline(k.text)} (¶{k.paragraph + 1})" for k in brief.key_points]
        out.append("")
    if doc.themes:
        labels = ", ".join(inline(_label(themes, m.theme_id)) for m in doc.themes)
        out += [f"**Themes:** {labels}", ""]
    if note.strip():
        out += [f"**Note:** {inline(note)}", ""]
    return out


def render_markdown(
    selection: Selection,
    themes: Sequence[Theme],
    brief_of: Callable[[Document], Brief],
    note_of: Callable[[Document], str],
    corpus: str,
) -> str:
    docs = selection.documents
    if selection.start and selection.end and selection.start != selection.end:
        span = f"{selection.start.isoformat()} to {selection.end.isoformat()}"
    elif selection.start:
        span = selection.start.isoformat()
    else:
        span = "no dated articles"
    langs = Counter(d.lang for d in docs)
    theme_counts = Counter(m.theme_id for d in docs for m in d.themes)
    out = [
        "# Briefing",
        "",
        f"- Corpus: {inline(corpus)}",
        f"- Dates: {inline(span)} ({inline(selection.why)})",
        f"- Articles: {len(docs)} ({len(selection.undated)} undated)",
        "- Languages: "
        + (", ".join(f"{inline(k)} {v}" for k, v in sorted(langs.items())) or "none"),
        "- Themes: "
        + (
            ", ".join(f"{inline(_label(themes, k))} {v}" for k, v in theme_counts.most_common())
            or "none"
        ),
        "",
    ]
    for theme_id, group in group_by_theme(selection.dated, themes):
        out += [f"## {inline(_label(themes, theme_id))}", ""]
        for doc in group:
            out += _article(doc, brief_of(doc), note_of(doc), themes)
    if selection.undated:
        out += ["## Undated articles", ""]
        for doc in selection.undated:
            out += _article(doc, brief_of(doc), note_of(doc), themes)
    return "\n".join(out).rstrip() + "\n"

"""The briefing as Markdown (CommonMark): header, stories, one section per theme, every article.

Article text is untrusted and must never change the document's structure: every field is made
inert (:mod:`.safe`), put on one line, and a character gets a backslash where CommonMark would
read syntax there, and only there (:func:`inline`): an analyst sends this file, and
``人工知能\\(AI\\)`` in a mail is noise. A ``#``, ``---``, HTML, a code span or a link in an
article stays literal text (``tests/test_daily_export.py`` parses the result to prove it).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from briefing.model import Brief, Document, Theme
from briefing.render.dates import shown_date
from briefing.render.safe import one_line
from briefing.selection import UNTHEMED, Selection, group_by_theme

if TYPE_CHECKING:
    from briefing.stories import Duplicate, SharedAnchor, Story, StoryIndex

# what shapes inline syntax wherever it stands: emphasis, code, a link or image's "[", GFM's "~"
ALWAYS = frozenset("*`[~")
# an entity or character reference, which CommonMark would decode: "&amp;", "&#35;", "&#x23;"
ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# a line opening a list item, block quote or heading: "- x", "+ x", "> x", "# x", "1. x", "2) x"
BLOCK_START = re.compile(r"^(?:[-+](?=\s|$)|[>#])")
# an ordered list's marker: "1. x", "2) x" (the backslash goes before the "." or ")")
ORDERED_START = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
# a line that is a thematic break or a setext underline: "---", "- - -", "===", "___"
RULE_LINE = re.compile(r"^(?:(?:-\s*){3,}|(?:_\s*){3,}|=+\s*)$")
# the closing "#"s an ATX heading strips: "C #" shows as "C" without a backslash
HEADING_CLOSE = re.compile(r"(^|\s)(#+)$")
ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _escape(text: str) -> str:
    """Backslashes only where CommonMark would otherwise read syntax inside a line."""
    out: list[str] = []
    last = len(text) - 1
    for i, ch in enumerate(text):
        after = text[i + 1] if i < last else ""
        if ch in ALWAYS:
            out.append("\\" + ch)
        elif ch == "\\":  # literal unless it would escape the next character
            out.append("\\\\" if after in ASCII_PUNCT or not after else ch)
        elif ch == "_":  # emphasis needs a flanking "_"; inside a word it is literal
            before = text[i - 1] if i else ""
            out.append("_" if before.isalnum() and after.isalnum() else "\\_")
        elif ch == "<":  # HTML or an autolink: "<b", "</", "<!--", "<?", "<http:"
            out.append("\\<" if after.isalpha() or after in "/!?" else ch)
        elif ch == "&":
            out.append("\\&" if ENTITY.match(text, i) else ch)
        else:
            out.append(ch)
    return "".join(out)


def inline(text: str, *, start: bool = False, heading: bool = False) -> str:
    """Untrusted text as one line of Markdown that reads as itself.

    ``start``: the text opens a line or a list item, where ``- ``, ``> ``, ``# ``, ``1. `` and
    ``---`` would open a block; ``heading``: it ends an ATX heading, whose closing ``#``s would
    be dropped. Only those characters get a backslash, so ``人工知能(AI)``, ``txt#1`` and
    ``M6 !`` stay as written.
    """
    flat = re.sub(r"\s+", " ", one_line(text)).strip()
    escaped = _escape(flat)
    if heading:
        escaped = HEADING_CLOSE.sub(lambda m: f"{m[1]}\\{m[2]}", escaped)
    if start:
        # any leading "-": after a list item's own "- ", "--" or "-- -" would make the whole
        # line a thematic break ("- --" is one)
        if BLOCK_START.match(escaped) or RULE_LINE.match(escaped) or escaped.startswith("-"):
            escaped = "\\" + escaped
        escaped = ORDERED_START.sub(r"\1\\\2", escaped)
    return escaped


def url_line(url: str | None) -> str | None:
    """``**URL:** <https://…>``: an autolink for a plain http(s) address (nothing inside an
    autolink is syntax), the escaped text for anything else (never a ``javascript:`` link)."""
    if not url:
        return None
    flat = one_line(url).strip()
    if SAFE_URL.fullmatch(flat):
        return f"**URL:** <{flat}>"
    return f"**URL:** {inline(flat, start=False)}"


# an address an autolink may hold: http(s), no space, no angle bracket, no control character
SAFE_URL = re.compile(r"https?://[^\s<>\x00-\x1f\x7f]+")


def _label(themes: Sequence[Theme], theme_id: str) -> str:
    if theme_id == UNTHEMED:
        return "No theme"
    theme = next((t for t in themes if t.id == theme_id), None)
    return theme.label_for("en") if theme else theme_id


def _meta(doc: Document) -> str:
    date = shown_date(doc)
    parts = [doc.source or "unknown source", doc.lang, date, f"id {doc.id}"]
    return " · ".join(inline(p, start=n == 0) for n, p in enumerate(parts))


def _article(
    doc: Document,
    brief: Brief,
    note: str,
    themes: Sequence[Theme],
    copies: Sequence[Duplicate] = (),
    docs: Mapping[str, Document] | None = None,
) -> list[str]:
    out = [
        f"### {inline(doc.title, start=False, heading=True) or '(untitled)'}",
        "",
        _meta(doc),
        "",
    ]
    link = url_line(doc.url)
    if link:
        out += [link, ""]
    if copies:
        out += ["**Also in:** " + "; ".join(_copy(c, docs or {}) for c in copies), ""]
    if brief.sentences:
        out += ["**Brief.** " + " ".join(inline(s) for s in brief.sentences), ""]
    if brief.key_points:
        out += ["**Key points**", ""]
        out += [f"- {inline(k.text, start=True)} (¶{k.paragraph + 1})" for k in brief.key_points]
        out.append("")
    if doc.themes:
        labels = ", ".join(inline(_label(themes, m.theme_id)) for m in doc.themes)
        out += [f"**Themes:** {labels}", ""]
    if note.strip():
        out += [f"**Note:** {inline(note)}", ""]
    return out


def _copy(dup: Duplicate, docs: Mapping[str, Document]) -> str:
    doc = docs.get(dup.doc_id)
    what = "exact copy" if dup.kind == "exact" else f"near copy, {dup.similarity:.0%}"
    source = doc.source if doc and doc.source else "unknown source"
    return f"{inline(source)} · id {inline(dup.doc_id)} ({inline(what)})"


def _span(story: Story) -> str:
    if story.start is None:
        return "undated"
    if story.end is None or story.end == story.start:
        return story.start.isoformat()
    return f"{story.start.isoformat()} to {story.end.isoformat()}"


def _anchor_labels(anchors: Sequence[SharedAnchor], limit: int = 8, *, start: bool = False) -> str:
    """Anchor labels worth reading: themes and common ones (``AI``, ``2025``) explain nothing."""
    worth = [a for a in anchors if a.kind != "theme" and a.rare]
    return " · ".join(inline(a.label, start=start and n == 0) for n, a in enumerate(worth[:limit]))


def _who(doc: Document) -> str:
    return f"{inline(doc.lang, start=True)} · {inline(doc.source or 'unknown source')}"


def _story(
    story: Story,
    docs: Mapping[str, Document],
    brief_of: Callable[[Document], Brief],
    index: StoryIndex,
) -> list[str]:
    """One story told by several articles: members, anchors, and its facts side by side."""
    from briefing.stories.align import align_story

    langs = ", ".join(inline(x) for x in story.languages)
    out = [  # a bold line, not a heading: ### stays one heading per article for outlines
        f"**Story {inline(story.id)}: {inline(story.label) or '(untitled)'}**",
        "",
        f"{inline(_span(story), start=True)} · {langs} · {story.size} articles",
        "",
        f"**Shared anchors:** {_anchor_labels(story.anchors) or 'none'}",
        "",
        "**Articles**",
        "",
    ]
    copies = {d.doc_id for d in story.duplicates}
    for doc_id in story.documents:
        if doc_id in copies or doc_id not in docs:
            continue
        doc = docs[doc_id]
        date = shown_date(doc)
        out.append(f"- {_who(doc)} · {inline(date)} · id {inline(doc_id)}: {inline(doc.title)}")
        out += [f"  - also in: {_copy(c, docs)}" for c in story.also_in(doc_id)]
    out += ["", "**Joined by**", ""]
    out += [
        f"- {inline(ln.a, start=True)} + {inline(ln.b)}: {_anchor_labels(ln.anchors)}"
        for ln in story.links
    ]
    alignment = align_story(story, docs, brief_of, index)
    if alignment.shared:
        out += ["", "**Side by side**", ""]
        for n, row in enumerate(alignment.shared, 1):
            out.append(f"{n}. {_anchor_labels(row.anchors, start=True)}")
            out += [f"   - {_who(docs[c.doc_id])}: {inline(c.text)}" for c in row.cells if c]
    if alignment.singles:
        out += ["", "**Only one outlet reports**", ""]
        for row in alignment.singles:
            cell = next(c for c in row.cells if c is not None)
            out.append(f"- {_who(docs[cell.doc_id])}: {inline(cell.text)}")
    return [*out, ""]


def _summary_line(story: Story, docs: Mapping[str, Document]) -> str:
    """``- **label**: 3 articles (ja, zh-tw, fr), 2025-07-26; first reported by Source``, or
    ``first reported in “Title”`` when the earliest article names no outlet."""
    dated = sorted(
        (
            docs[i]
            for i in story.documents
            if i in docs and docs[i].date and not docs[i].date_estimated
        ),
        key=lambda d: (d.date, d.id),
    )
    first = ""
    if dated:  # by its outlet; an article with none is named by its title, not its file's path
        earliest = dated[0]
        first = (
            f"; first reported by {inline(earliest.source)}"
            if earliest.source
            else f"; first reported in “{inline(earliest.title)}”"
        )
    langs = ", ".join(story.languages)
    return (
        f"- **{inline(story.label)}**: {story.size} articles ({inline(langs)}), "
        f"{inline(_span(story))}{first}"
    )


def _stories(
    index: StoryIndex, docs: Mapping[str, Document], brief_of: Callable[[Document], Brief]
) -> list[str]:
    """The Stories section; none when no event is covered by more than one article."""
    shared = index.shared
    if not shared:
        return []
    out = [
        "## Stories",
        "",
        "Articles about one event, grouped across languages by the names, numbers and dates "
        "they share and by what they say; each fact the outlets share is lined up.",
        "",
    ]
    out += [_summary_line(story, docs) for story in shared] + [""]
    for story in shared:
        out += _story(story, docs, brief_of, index)
    return out


def render_markdown(
    selection: Selection,
    themes: Sequence[Theme],
    brief_of: Callable[[Document], Brief],
    note_of: Callable[[Document], str],
    corpus: str,
    stories: StoryIndex | None = None,
) -> str:
    """The export. With ``stories`` (grouped from ``selection.documents``), a Stories section
    follows the briefs, opening with one line per story, and a duplicate is listed once,
    under the article it copies ("Also in"). The briefs come first: a reader opens the file
    for the day's articles, and a false story, should one slip through, must not lead it."""
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
    by_id = {d.id: d for d in docs}
    copies: dict[str, list[Duplicate]] = {}
    if stories is not None:
        for dup in stories.duplicates.values():
            if dup.of in by_id and dup.doc_id in by_id:
                copies.setdefault(dup.of, []).append(dup)
        shown_once = sum(len(c) for c in copies.values())
        if shown_once:
            note = f"- Duplicates: {shown_once}, each listed once under the article it copies"
            out.insert(len(out) - 1, note)
    hidden = {c.doc_id for group in copies.values() for c in group}

    def article(doc: Document) -> list[str]:
        extra = sorted(copies.get(doc.id, ()), key=lambda d: d.doc_id)
        return _article(doc, brief_of(doc), note_of(doc), themes, extra, by_id)

    for theme_id, group in group_by_theme(selection.dated, themes):
        shown = [d for d in group if d.id not in hidden]
        if not shown:
            continue
        out += [f"## {inline(_label(themes, theme_id), heading=True)}", ""]
        for doc in shown:
            out += article(doc)
    undated = [d for d in selection.undated if d.id not in hidden]
    if undated:
        out += ["## Undated articles", ""]
        for doc in undated:
            out += article(doc)
    if stories is not None:
        out += _stories(stories, by_id, brief_of)
    return "\n".join(out).rstrip() + "\n"

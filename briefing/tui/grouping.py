"""Filtering and grouping the document list: pure functions, so tests need no terminal.

The list is rebuilt on every keystroke in the filter, so the text each document is searched in
is casefolded once (:class:`SearchIndex`) rather than per keystroke: a thousand-article folder
still filters as fast as the user types.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from briefing.config import GROUPINGS as GROUPINGS  # the list's groupings: one definition
from briefing.model import Document, Theme
from briefing.render.safe import one_line
from briefing.selection import UNTHEMED, theme_groups
from briefing.text.dates import iso

UNDATED = "Undated"
NO_THEME = "No theme"


@dataclass(frozen=True, slots=True)
class Group:
    """A heading in the list and the documents under it, in display order."""

    label: str
    doc_ids: tuple[str, ...]
    unread: int | None = None
    """How many of them are unread (None: not counted)."""


def with_unread(groups: Iterable[Group], is_read: Callable[[str], bool]) -> list[Group]:
    """The groups with their unread counts, for the headings."""
    return [replace(g, unread=sum(not is_read(i) for i in g.doc_ids)) for g in groups]


class SearchIndex:
    """Casefolded title, source and text per document, for filter-as-you-type."""

    def __init__(self, docs: Iterable[Document]) -> None:
        self._text = {
            doc.id: "\n".join((doc.title, doc.source or "", doc.text)).casefold() for doc in docs
        }

    def matches(self, doc: Document, query: str) -> bool:
        """True when every word of ``query`` occurs (``北京 AI`` needs both)."""
        haystack = self._text.get(doc.id)
        if haystack is None:
            haystack = "\n".join((doc.title, doc.source or "", doc.text)).casefold()
            self._text[doc.id] = haystack
        return all(word in haystack for word in query.casefold().split())


def filter_documents(
    docs: Iterable[Document], index: SearchIndex, query: str = "", lang: str | None = None
) -> list[Document]:
    return [
        doc
        for doc in docs
        if (lang is None or doc.lang == lang) and (not query.strip() or index.matches(doc, query))
    ]


def _newest_first(docs: Iterable[Document]) -> list[Document]:
    # Undated sort after dated ones; ties keep a stable order by title so rows never jump.
    def key(doc: Document) -> tuple[bool, int, str]:
        return (doc.date is None, -(doc.date or dt.date.min).toordinal(), doc.title)

    return sorted(docs, key=key)


def group_by_date(docs: Sequence[Document]) -> list[Group]:
    """One group per day, newest first, then the undated."""
    groups: dict[str, list[str]] = {}
    for doc in _newest_first(docs):
        label = iso(doc.date) or UNDATED
        groups.setdefault(label, []).append(doc.id)
    return [Group(label, tuple(ids)) for label, ids in groups.items()]


def group_by_theme(docs: Sequence[Document], themes: Mapping[str, Theme]) -> list[Group]:
    """One group per theme, a document under each theme it matched, then the unthemed
    (:func:`briefing.selection.theme_groups`, the same order as the daily brief's).

    Labels are the English ones: the interface is English whatever the article's language.
    """

    def label(theme_id: str) -> str:
        if theme_id == UNTHEMED:
            return NO_THEME
        theme = themes.get(theme_id)
        return one_line(theme.label_for("en") if theme else theme_id) or theme_id

    groups = theme_groups(_newest_first(docs), list(themes.values()), every_theme=True)
    return [Group(label(theme_id), tuple(d.id for d in found)) for theme_id, found in groups]


def group_documents(
    docs: Sequence[Document], grouping: str, themes: Mapping[str, Theme]
) -> list[Group]:
    return group_by_theme(docs, themes) if grouping == "theme" else group_by_date(docs)

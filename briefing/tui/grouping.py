"""Filtering and grouping the document list: pure functions, so tests need no terminal.

The list is rebuilt on every keystroke in the filter, so the text each document is searched in
is folded once (:class:`briefing.query.QueryIndex`, built by the load worker) rather than per
keystroke: a 10,000-article folder still filters as fast as the user types.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from briefing.model import Document, Theme
from briefing.query import Query, QueryIndex
from briefing.render.safe import one_line
from briefing.selection import UNTHEMED, theme_groups
from briefing.text.dates import iso

GROUPINGS = ("date", "theme")
UNDATED = "Undated"
NO_THEME = "No theme"


@dataclass(frozen=True, slots=True)
class Group:
    """A heading in the list and the documents under it, in display order."""

    label: str
    doc_ids: tuple[str, ...]


def filter_documents(
    docs: Iterable[Document],
    index: QueryIndex,
    query: Query | None = None,
    lang: str | None = None,
    *,
    is_read: Callable[[Document], bool] = lambda _: False,
    note_of: Callable[[Document], str] = lambda _: "",
) -> list[Document]:
    """The documents the filter line's query (:mod:`briefing.query`) and the language key
    leave, in order."""
    chosen = [doc for doc in docs if lang is None or doc.lang == lang]
    if query is None or query.empty:
        return chosen
    return index.filter(chosen, query, is_read=is_read, note_of=note_of)


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

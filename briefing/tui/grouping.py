"""Filtering and grouping the document list: pure functions, so tests need no terminal.

The list is rebuilt on every keystroke in the filter, so the text each document is searched in
is folded once (:class:`briefing.query.QueryIndex`, built by the load worker) rather than per
keystroke: a 10,000-article folder still filters as fast as the user types.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import groupby
from operator import attrgetter

from briefing.config import GROUPINGS as GROUPINGS  # the list's groupings: one definition
from briefing.model import Document, Theme
from briefing.query import Query, QueryIndex
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


def with_unread(groups: Iterable[Group], unread: set[str]) -> list[Group]:
    """The groups with their unread counts (``unread``: the ids of the unread documents), for
    the headings: a set lookup per row, as every keystroke of the filter regroups the list."""
    return [replace(g, unread=sum(map(unread.__contains__, g.doc_ids))) for g in groups]


def newest_first_rank(docs: Iterable[Document]) -> dict[str, int]:
    """Position of each document in the newest-first order, sorted once per corpus: a
    keystroke's grouping then sorts by one dict lookup a row."""
    return {doc.id: i for i, doc in enumerate(_newest_first(docs))}


def filter_documents(
    docs: Iterable[Document],
    index: QueryIndex,
    query: Query | None = None,
    lang: str | None = None,
    *,
    is_read: Callable[[Document], bool] = lambda _: False,
    note_of: Callable[[Document], str] = lambda _: "",
    noted: Container[str] | None = None,
) -> list[Document]:
    """The documents the filter line's query (:mod:`briefing.query`) and the language key
    leave, in order (``noted``: see :meth:`QueryIndex.filter`)."""
    chosen = [doc for doc in docs if lang is None or doc.lang == lang]
    if query is None or query.empty:
        return chosen
    return index.filter(chosen, query, is_read=is_read, note_of=note_of, noted=noted)


def _newest_first(
    docs: Iterable[Document], rank: Mapping[str, int] | None = None
) -> list[Document]:
    # Undated sort after dated ones; ties keep a stable order by title so rows never jump.
    def key(doc: Document) -> tuple[bool, int, str]:
        return (doc.date is None, -(doc.date or dt.date.min).toordinal(), doc.title)

    if rank is not None:
        try:
            return sorted(docs, key=lambda doc: rank[doc.id])
        except KeyError:  # a document the index has not ranked: sort them all
            pass
    return sorted(docs, key=key)


def group_by_date(docs: Sequence[Document], rank: Mapping[str, int] | None = None) -> list[Group]:
    """One group per day, newest first, then the undated (``rank``: a ready newest-first
    order, see :func:`newest_first_rank`)."""
    return [
        Group(iso(day) or UNDATED, tuple(doc.id for doc in run))
        for day, run in groupby(_newest_first(docs, rank), key=attrgetter("date"))
    ]


def group_by_theme(
    docs: Sequence[Document], themes: Mapping[str, Theme], rank: Mapping[str, int] | None = None
) -> list[Group]:
    """One group per theme, a document under each theme it matched, then the unthemed
    (:func:`briefing.selection.theme_groups`, the same order as the daily brief's).

    Labels are the English ones: the interface is English whatever the article's language.
    """

    def label(theme_id: str) -> str:
        if theme_id == UNTHEMED:
            return NO_THEME
        theme = themes.get(theme_id)
        return one_line(theme.label_for("en") if theme else theme_id) or theme_id

    groups = theme_groups(_newest_first(docs, rank), list(themes.values()), every_theme=True)
    return [Group(label(theme_id), tuple(d.id for d in found)) for theme_id, found in groups]


def group_documents(
    docs: Sequence[Document],
    grouping: str,
    themes: Mapping[str, Theme],
    rank: Mapping[str, int] | None = None,
) -> list[Group]:
    if grouping == "theme":
        return group_by_theme(docs, themes, rank)
    return group_by_date(docs, rank)

"""Dates for undated articles, from their story.

A folder's undated articles (a saved page, a copy-paste without a dateline) used to be listed
with every day of the daily brief. When such an article joins a story whose other articles are
dated, it reports the same event, so it is filed on the day the story was first reported
(:attr:`.Story.start`, the earliest dated member) and shown as an estimate
(``≈ 2025-07-26, from its story``; ``date_estimated: true`` in JSON), never as its own date.
Articles of undated stories stay undated.

Placing needs the corpus's stories, and those need sentence vectors: the encoder's weights
alone take 1.5 s to load. :func:`could_place` says, from what costs nothing, whether any undated
article could join a dated story at all, so a daily brief of a folder whose articles are all
dated, or whose undated ones have nobody to join, never loads the encoder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace

from briefing.model import Document
from briefing.stories.story import StoryIndex


def could_place(undated: Sequence[Document], corpus: Sequence[Document]) -> bool:
    """Whether some article of ``undated`` could join a dated story of ``corpus``.

    A story links two articles of different languages by meaning (any dated article of another
    language, from another file, is a candidate), and two of one language only through two
    shared distinctive anchors (:func:`.pairs.links_between`). False is certain; True only says
    that grouping must decide.
    """
    undated = [d for d in undated if d.date is None]
    dated = [d for d in corpus if d.date is not None]
    if not undated or not dated:
        return False
    langs = {d.lang for d in dated}
    if any(langs - {u.lang} for u in undated):
        return True
    from briefing.stories.anchors import SURE, Weights, document_anchors

    anchors = {d.id: document_anchors(d) for d in corpus}
    df: dict[str, int] = {}
    for held in anchors.values():
        for key in held:
            df[key] = df.get(key, 0) + 1
    weights = Weights(df=df, n=len(corpus))

    def keys(doc: Document) -> set[str]:
        held = anchors.get(doc.id) or document_anchors(doc)
        return {k for k, a in held.items() if a.confidence >= SURE and weights.distinctive(k)}

    for u in undated:
        mine = keys(u)
        if len(mine) >= 2 and any(d.path != u.path and len(mine & keys(d)) >= 2 for d in dated):
            return True
    return False


def estimate_dates(index: StoryIndex) -> dict[str, dt.date]:
    """Each undated member of a dated story → the story's first date."""
    out: dict[str, dt.date] = {}
    for story in index.shared:
        if story.start is None:
            continue
        for doc_id in story.documents:
            out.setdefault(doc_id, story.start)
    return out


def with_estimated_dates(docs: Sequence[Document], index: StoryIndex) -> list[Document]:
    """``docs`` with the undated ones that :func:`estimate_dates` places given that date."""
    return apply_estimates(docs, estimate_dates(index))


def apply_estimates(docs: Sequence[Document], estimates: Mapping[str, dt.date]) -> list[Document]:
    """``docs`` with the undated ones in ``estimates`` given that date, marked as estimated
    (also what a remembered set of estimates goes through: :mod:`briefing.library.story_dates`)."""
    return [
        replace(d, date=estimates[d.id], date_estimated=True)
        if d.date is None and d.id in estimates
        else d
        for d in docs
    ]

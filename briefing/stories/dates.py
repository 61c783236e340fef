"""Dates for undated articles, from their story.

A folder's undated articles (a saved page, a copy-paste without a dateline) used to be listed
with every day of the daily brief. When such an article joins a story whose other articles are
dated, it reports the same event, so it is filed on the day the story was first reported
(:attr:`.Story.start`, the earliest dated member) and shown as an estimate
(``≈ 2025-07-26, from its story``; ``date_estimated: true`` in JSON), never as its own date.
Articles of undated stories stay undated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from briefing.model import Document
from briefing.stories.story import StoryIndex


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
    estimates = estimate_dates(index)
    return [
        replace(d, date=estimates[d.id], date_estimated=True)
        if d.date is None and d.id in estimates
        else d
        for d in docs
    ]

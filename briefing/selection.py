"""Which articles a daily brief or an export covers, and how they group by theme.

Plain Python shared by ``briefing daily``, ``briefing export`` and the TUI, so the three agree on
what "the newest day" is and where an article with several themes is listed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.model import Document, Theme

UNTHEMED = "unthemed"


@dataclass(frozen=True, slots=True)
class Selection:
    """The dated articles in range, the undated ones (listed apart), and what the range is."""

    dated: tuple[Document, ...]
    undated: tuple[Document, ...]
    start: dt.date | None
    end: dt.date | None
    why: str
    """How the range was chosen, for the header: "newest day in the corpus", "--since …"."""

    @property
    def documents(self) -> tuple[Document, ...]:
        return self.dated + self.undated


def _newest_first(docs: Sequence[Document]) -> tuple[Document, ...]:
    return tuple(sorted(docs, key=lambda d: (-(d.date or dt.date.min).toordinal(), d.id)))


def select(
    docs: Sequence[Document],
    *,
    day: dt.date | None = None,
    since: dt.date | None = None,
    all_dates: bool = False,
) -> Selection:
    """Articles for one day (default: the newest day with articles), since a day, or all."""
    dated = [d for d in docs if d.date is not None]
    undated = tuple(d for d in docs if d.date is None)
    if all_dates:
        dates = [d.date for d in dated if d.date]
        start, end = (min(dates), max(dates)) if dates else (None, None)
        return Selection(_newest_first(dated), undated, start, end, "all dates")
    if since is not None:
        chosen = [d for d in dated if d.date and d.date >= since]
        end = max((d.date for d in chosen if d.date), default=None)
        return Selection(_newest_first(chosen), undated, since, end, f"since {since.isoformat()}")
    if day is None:
        day = max((d.date for d in dated if d.date), default=None)
        why = "newest day in the corpus"
    else:
        why = "chosen day"
    chosen = [d for d in dated if d.date == day]
    return Selection(_newest_first(chosen), undated, day, day, why)


def theme_groups(
    docs: Sequence[Document], themes: Sequence[Theme], *, every_theme: bool = False
) -> list[tuple[str, tuple[Document, ...]]]:
    """``(theme id, articles)`` in the theme set's order, unthemed articles last (under
    :data:`UNTHEMED`), each group in the order of ``docs``.

    The one answer to "where does an article go by theme". A brief lists each article once,
    under its strongest theme; the reader's list (``every_theme``) shows it under each theme it
    matched, because that list is for finding articles, not for reading them once.
    """
    order = {t.id: n for n, t in enumerate(themes)}
    groups: dict[str, list[Document]] = {}
    for doc in docs:
        ids = [m.theme_id for m in (doc.themes if every_theme else doc.themes[:1])]
        for key in ids or [UNTHEMED]:
            groups.setdefault(key, []).append(doc)
    keys = sorted(groups, key=lambda k: (k == UNTHEMED, order.get(k, len(order)), k))
    return [(k, tuple(groups[k])) for k in keys]


def group_by_theme(
    docs: Sequence[Document], themes: Sequence[Theme]
) -> list[tuple[str, tuple[Document, ...]]]:
    """Each article under its strongest theme (listed once): the daily brief and the export."""
    return theme_groups(docs, themes)

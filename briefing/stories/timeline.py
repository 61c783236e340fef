"""A story's timeline: who reported first, who followed, and what each report adds.

Built from what grouping and alignment already know (:class:`.Story`, :class:`.align.Alignment`),
so it costs nothing more. For each article, oldest first (undated last; an estimated date is
placed on its day but says so):

- its role: the *first report* (earliest dated), a report that *followed* (and how many days
  later), or *undated*;
- the facts it adds: its key points no other article of the story carries (the alignment's
  single rows);
- the anchors it is the first to mention (a number, a name the earlier reports did not have).

And for the story, the **language blindspots**: facts carried only by the articles of one
language while the story is told in others, which a reader of the other languages never sees.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from briefing.model import Document
from briefing.stories.align import Alignment
from briefing.stories.story import Story

FIRST = "first report"
FOLLOWED = "followed"
UNDATED = "undated"


@dataclass(frozen=True, slots=True)
class Entry:
    doc_id: str
    date: dt.date | None
    date_estimated: bool
    lang: str
    source: str | None
    title: str
    role: str
    """:data:`FIRST`, :data:`FOLLOWED` or :data:`UNDATED` (also for an estimated date: an
    article placed by its story cannot be said to have come first or later)."""
    days_after: int | None
    """Days after the first report (None for the first and for undated articles)."""
    adds: tuple[str, ...]
    """Key points only this article carries, most important first."""
    new_anchors: tuple[str, ...]
    """Labels of the story's anchors this article is the first (by date) to mention."""


@dataclass(frozen=True, slots=True)
class Blindspot:
    lang: str
    facts: tuple[str, ...]
    """Key points only the articles in ``lang`` carry."""


@dataclass(frozen=True, slots=True)
class Timeline:
    story_id: str
    label: str
    entries: tuple[Entry, ...]
    blindspots: tuple[Blindspot, ...]


def _order(doc: Document) -> tuple[int, int, int, str]:
    """Oldest first; an estimated date after the own dates of its day; undated last."""
    if doc.date is None:
        return (1, 0, 0, doc.id)
    return (0, doc.date.toordinal(), int(doc.date_estimated), doc.id)


def build_timeline(
    story: Story, documents: Mapping[str, Document], alignment: Alignment | None
) -> Timeline:
    """The timeline of ``story``; without an alignment (briefs unavailable) no facts are listed."""
    shown = {d.doc_id for d in story.duplicates}
    members = sorted(
        (documents[i] for i in story.documents if i in documents and i not in shown), key=_order
    )
    only: dict[str, list[str]] = {}
    by_lang: dict[str, list[str]] = {}
    if alignment is not None:
        for row in alignment.rows:
            cells = [c for c in row.cells if c is not None]
            langs = {documents[c.doc_id].lang for c in cells if c.doc_id in documents}
            if row.single and cells:
                only.setdefault(cells[0].doc_id, []).append(cells[0].text)
            if len(langs) == 1 and cells:
                by_lang.setdefault(next(iter(langs)), []).append(cells[0].text)
    anchors = [a for a in story.anchors if a.kind != "theme" and a.rare]
    seen: set[str] = set()
    first = next((d for d in members if d.date is not None and not d.date_estimated), None)
    first_day = first.date if first else None
    entries = []
    for n, doc in enumerate(members):
        new = [a.label for a in anchors if doc.id in a.documents and a.key not in seen]
        seen.update(a.key for a in anchors if doc.id in a.documents)
        if doc.date is None or doc.date_estimated or first_day is None:
            role, after = UNDATED, None
        elif doc is first:
            role, after = FIRST, None
        else:
            role = FOLLOWED
            after = (doc.date - first_day).days if first_day else None
        entries.append(
            Entry(
                doc_id=doc.id,
                date=doc.date,
                date_estimated=doc.date_estimated,
                lang=doc.lang,
                source=doc.source,
                title=doc.title,
                role=role,
                days_after=after,
                adds=tuple(only.get(doc.id, ())),
                new_anchors=tuple(new) if n else (),
            )
        )
    languages = {d.lang for d in members}
    blindspots = (
        tuple(Blindspot(lang, tuple(facts)) for lang, facts in sorted(by_lang.items()))
        if len(languages) > 1
        else ()
    )
    return Timeline(story.id, story.label, tuple(entries), blindspots)

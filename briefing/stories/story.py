"""The values story grouping produces: stories, the links inside them, the anchors they share.

Frozen dataclasses with tuples, like :mod:`briefing.model`; JSON is made at the edge
(:mod:`briefing.commands.stories`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: importing them would load numpy and pypinyin
    from briefing.stories.anchors import Anchor, Weights
    from briefing.stories.dedupe import Duplicate


@dataclass(frozen=True, slots=True)
class SharedAnchor:
    """An anchor several articles share, as the analyst sees it."""

    key: str
    """``name:liqiang``, ``number:1000``…"""
    kind: str
    label: str
    """``Li Qiang / 李強 / 李强``, ``1000``, ``Jul 26``, ``Saturday``."""
    weight: float
    """Kind weight × rarity in the corpus: what it adds to a link's score."""
    documents: tuple[str, ...] = ()
    """The articles (of the story or link) that contain it."""
    rare: bool = True
    """In few enough articles to say something (see :data:`.anchors.MAX_SHARE`): ``AI`` and
    ``2025`` in most of a corpus are kept in JSON but not shown as an explanation."""


@dataclass(frozen=True, slots=True)
class Link:
    """Two articles put together, and why."""

    a: str
    b: str
    score: float
    anchors: tuple[SharedAnchor, ...]
    """Heaviest first."""


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about one event, across languages."""

    id: str
    """``s`` + 7 hex digits of a hash of the member ids: the same members, the same id."""
    label: str
    """The title of the lead article (the one most linked to the others)."""
    lead: str
    start: dt.date | None
    end: dt.date | None
    """The span of the dated members; undated members do not widen it."""
    languages: tuple[str, ...]
    sources: tuple[str, ...]
    documents: tuple[str, ...]
    """Every member, duplicates included, oldest first (undated last), then by id."""
    duplicates: tuple[Duplicate, ...] = ()
    """Members shown under another member ("also in: …")."""
    anchors: tuple[SharedAnchor, ...] = ()
    """Anchors at least two distinct members share, heaviest first."""
    links: tuple[Link, ...] = ()
    """The links that joined the members (a spanning tree, strongest first)."""

    @property
    def size(self) -> int:
        """Distinct articles: duplicates are not counted twice."""
        return len(self.documents) - len(self.duplicates)

    def also_in(self, doc_id: str) -> tuple[Duplicate, ...]:
        return tuple(d for d in self.duplicates if d.of == doc_id)


@dataclass(frozen=True, slots=True)
class StoryIndex:
    """Every article's story (a story of one for articles nobody else covered)."""

    stories: tuple[Story, ...]
    duplicates: dict[str, Duplicate] = field(default_factory=dict, hash=False)
    """Each duplicate's id → the article shown in its place."""
    anchors: dict[str, dict[str, Anchor]] = field(default_factory=dict, hash=False, repr=False)
    """Each shown article's anchors (duplicates have their keeper's)."""
    weights: Weights | None = field(default=None, hash=False, repr=False)
    """The corpus's anchor weights, for lining up key points (:mod:`.align`)."""
    _by_doc: dict[str, Story] = field(default_factory=dict, hash=False, repr=False)

    def __post_init__(self) -> None:
        for story in self.stories:
            for doc_id in story.documents:
                self._by_doc[doc_id] = story

    def story_of(self, doc_id: str) -> Story | None:
        return self._by_doc.get(doc_id)

    @property
    def shared(self) -> tuple[Story, ...]:
        """Stories told by more than one distinct article."""
        return tuple(s for s in self.stories if s.size > 1)

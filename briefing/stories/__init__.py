"""Stories across languages: coverage of one event grouped, duplicates shown once, facts lined up.

:func:`group_stories` groups a corpus (:mod:`.group`); :func:`align_story` lines up the key points
of a story's articles (:mod:`.align`). Both are deterministic and offline.
"""

from __future__ import annotations

from briefing.stories.dedupe import Duplicate, find_duplicates
from briefing.stories.group import group_stories, stories_for
from briefing.stories.story import Link, SharedAnchor, Story, StoryIndex

__all__ = [
    "Duplicate",
    "Link",
    "SharedAnchor",
    "Story",
    "StoryIndex",
    "find_duplicates",
    "group_stories",
    "stories_for",
]

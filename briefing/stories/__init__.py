"""Stories across languages: coverage of one event grouped, duplicates shown once, facts lined up.

:func:`group_stories` groups a corpus (:mod:`.group`); :func:`align_story` lines up the key points
of a story's articles (:mod:`.align`). Both are deterministic and offline.

Importing the package is light: the values (:mod:`.story`) load at once, the grouping and the
duplicate finder (numpy, pypinyin: about half a second) on first use, so a command that only
names a :class:`Story` (``briefing list`` builds every subcommand's parser) never pays for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.stories.story import Link, SharedAnchor, Story, StoryIndex

if TYPE_CHECKING:
    from briefing.stories.dedupe import Duplicate, find_duplicates
    from briefing.stories.group import group_stories, stories_for

_LAZY = {
    "Duplicate": "briefing.stories.dedupe",
    "find_duplicates": "briefing.stories.dedupe",
    "group_stories": "briefing.stories.group",
    "stories_for": "briefing.stories.group",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


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

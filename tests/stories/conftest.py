"""Fixtures for story tests: the seeds grouped once per module (grouping is deterministic)."""

from __future__ import annotations

import pytest

from briefing.library import Library, open_library
from briefing.stories import StoryIndex, meaning


@pytest.fixture(scope="module")
def seed_library() -> Library:
    return open_library()


@pytest.fixture(scope="module")
def seed_index(seed_library: Library) -> StoryIndex:
    """The seeds' stories as the app groups them: anchors and sentence vectors."""
    index, _problems = seed_library.stories()
    return index


@pytest.fixture(scope="module")
def model() -> object:
    """The sentence encoder, or the test skipped with why it cannot load."""
    found = meaning._encoder()
    if found is None:
        pytest.skip(f"sentence encoder not available: {meaning.failure()}")
    return found


def doc_id(ids: object, prefix: str) -> str:
    """The one id in ``ids`` that starts with ``prefix`` (``000`` → ``000_e6fb….txt``)."""
    found = [i for i in ids if i == prefix] or [i for i in ids if str(i).startswith(prefix)]  # type: ignore[attr-defined]
    assert len(found) == 1, (prefix, found)
    return found[0]

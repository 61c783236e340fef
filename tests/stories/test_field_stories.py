"""Stories on real folders: the figures of issue 16, measured on ../shared/field and ../shared/eval.

``field`` holds the same news documents in two or three of en, fr, ja, zh beside hundreds of
unrelated articles; ``eval`` holds 292 articles, each its own event. The thresholds are the
issue's targets, checked on these sets as they are (no seed ids, no hand-picked pairs).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.library import open_library, vectors_for
from briefing.stories import StoryIndex, group_stories
from tests.stories.shared_sets import (
    EVAL,
    FIELD,
    FIELD_LABELS,
    field_stories,
    figures,
    write_eval_folder,
)

needs_field = pytest.mark.skipif(
    not (FIELD.is_dir() and FIELD_LABELS.is_file()),
    reason="needs ../shared/field and ../shared/field-labels.jsonl beside the repository",
)
needs_eval = pytest.mark.skipif(
    not EVAL.is_dir(), reason="needs ../shared/eval beside the repository"
)


@pytest.fixture(scope="module")
def home(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    """One user dir for the module, kept in pytest's cache folder between runs: the field's
    1,297 articles are read and embedded once (a minute or more on two busy cores), and later
    runs find their vectors in the cache, keyed by content, so a changed article recomputes.
    With ``-p no:cacheprovider`` it is a fresh temp dir (a cold run, as in CI)."""
    cache = getattr(request.config, "cache", None)
    if cache is not None:
        path = Path(cache.mkdir("briefing-stories-home"))
    else:
        path = tmp_path_factory.mktemp("briefing-stories-home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BRIEFING_HOME", str(path))
        yield path


@pytest.fixture(scope="module")
def field(home: Path) -> tuple[StoryIndex, dict[str, str]]:
    lib = open_library(FIELD)
    vectors, _ = vectors_for(lib.documents)
    return group_stories(lib.documents, vectors=vectors), field_stories(lib.documents)


@needs_field
def test_field_joins_every_language_of_a_story(field: tuple[StoryIndex, dict[str, str]]) -> None:
    index, gold = field
    got = figures([s.documents for s in index.stories], gold)
    assert got.recall >= 0.95, got
    assert got.precision >= 0.98, got


@needs_field
def test_field_unrelated_articles_stay_alone(field: tuple[StoryIndex, dict[str, str]]) -> None:
    """At most 1 % of the unrelated articles in a story that joins different events.

    Counted on what the grouping joined; copies shown under another article are counted apart:
    five feedparser test items with the same or nearly the same body ("This is a fairly
    standard RSS 1.0 feed…") are copies by text though their labels differ.
    """
    index, gold = field
    joined = [[d for d in s.documents if d not in index.duplicates] for s in index.stories]
    got = figures(joined, gold)
    assert got.mixed_share <= 0.01, got
    with_copies = figures([s.documents for s in index.stories], gold)
    assert with_copies.mixed <= got.mixed + 5, with_copies


@pytest.fixture(scope="module")
def eval_index(home: Path, tmp_path_factory: pytest.TempPathFactory) -> StoryIndex:
    folder = tmp_path_factory.mktemp("eval-folder")
    write_eval_folder(folder)
    lib = open_library(folder)
    vectors, _ = vectors_for(lib.documents)
    return group_stories(lib.documents, vectors=vectors)


@needs_eval
def test_eval_articles_about_different_events_stay_apart(eval_index: StoryIndex) -> None:
    gold = {d: d for s in eval_index.stories for d in s.documents}
    got = figures([s.documents for s in eval_index.stories], gold)
    assert got.unrelated == 292
    assert got.mixed_share <= 0.01, got


@needs_eval
def test_sarkozy_and_ginola_are_not_one_story(eval_index: StoryIndex) -> None:
    """The chain of the issue: seven French articles joined by France, Français, Friday, État,
    Nicolas. The Ginola article is alone, and no story is held by generic words."""
    ginola = [d for s in eval_index.stories for d in s.documents if "15353" in d]
    assert ginola
    story = eval_index.story_of(ginola[0])
    assert story is not None
    assert story.size == 1
    generic = {"name:france", "name:francais", "name:etat", "name:nicolas", "weekday:4"}
    for s in eval_index.shared:
        for link in s.links:
            assert {a.key for a in link.anchors if a.rare} - generic or link.score >= 0.45

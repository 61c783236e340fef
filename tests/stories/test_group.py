"""Stories on the seeds: the 26 July 2025 proposal across three languages, nothing else by accident."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from briefing.library import vectors_for
from briefing.model import Document
from briefing.stories import group_stories
from tests.stories.conftest import doc_id


def seed_story(index, ids):  # type: ignore[no-untyped-def]
    story = index.story_of(doc_id(ids, "000"))
    assert story is not None
    return story


def test_the_li_qiang_proposal_is_one_story_in_three_languages(seed_library, seed_index) -> None:
    ids = [d.id for d in seed_library.documents]
    story = seed_story(seed_index, ids)
    for prefix in ("000", "001", "003"):
        assert doc_id(ids, prefix) in story.documents
    assert {"ja", "zh-tw", "fr"} <= set(story.languages)
    assert story.start == dt.date(2025, 7, 26)  # 000 and 003 are undated: 001 dates the story
    assert story.label
    assert {"cgtn.com", "Xinhua"} <= set(story.sources)


def test_the_aggregator_commentary_stays_out(seed_library, seed_index) -> None:
    story = seed_story(seed_index, [d.id for d in seed_library.documents])
    items = [d for d in seed_library.documents if d.id.startswith("004")]
    assert len([d for d in items if d.date and d.date >= dt.date(2025, 8, 19)]) == 9
    assert not {d.id for d in items} & set(story.documents)
    assert story.end is not None
    assert (story.end - story.start).days <= 10


def test_the_anchors_that_joined_000_and_003_are_shown(seed_library, seed_index) -> None:
    ids = [d.id for d in seed_library.documents]
    story = seed_story(seed_index, ids)
    ja, fr = doc_id(ids, "000"), doc_id(ids, "003")
    link = next(ln for ln in story.links if {ln.a, ln.b} == {ja, fr})
    labels = [a.label for a in link.anchors]
    assert "Li Qiang / 李強" in labels
    assert "1000" in labels
    assert "Saturday" in labels  # 土曜日 and samedi
    assert any("上海" in label and "Shanghai" in label for label in labels)
    assert link.anchors == tuple(sorted(link.anchors, key=lambda a: -a.weight))
    assert all(set(a.documents) == {ja, fr} for a in link.anchors)
    story_labels = [a.label for a in story.anchors]
    assert "Li Qiang / 李強" in story_labels
    assert "1000" in story_labels


def test_every_article_is_in_exactly_one_story(seed_library, seed_index) -> None:
    placed = [i for s in seed_index.stories for i in s.documents]
    assert sorted(placed) == sorted(d.id for d in seed_library.documents)


def test_grouping_is_deterministic_whatever_the_order(seed_library, seed_index) -> None:
    docs = list(seed_library.documents)
    random.Random(7).shuffle(docs)
    vectors, _ = vectors_for(docs)
    again = group_stories(docs, vectors=vectors)
    assert [(s.id, s.documents, s.label) for s in again.stories] == [
        (s.id, s.documents, s.label) for s in seed_index.stories
    ]


def test_a_later_commentary_recalling_the_event_is_another_story(seed_library) -> None:
    recall = Document(
        id="recall.txt",
        path="recall.txt",
        title="回顾：李强在上海提出成立世界人工智能合作组织",
        title_derived=False,
        date=dt.date(2025, 12, 23),
        source="Commentary",
        lang="zh-cn",
        paragraphs=("7月26日，国务院总理李强在上海出席大会，1000多人参加。OpenAI也参加了。",),
    )
    docs = [*seed_library.documents, recall]
    index = group_stories(docs, vectors=vectors_for(docs)[0])
    story = index.story_of(recall.id)
    assert story is not None
    assert story.documents == ("recall.txt",)
    undated = dataclasses.replace(recall, id="undated.txt", date=None)
    docs = [*seed_library.documents, undated]
    index = group_stories(docs, vectors=vectors_for(docs)[0])
    # without a date nothing says it came later: its anchors put it with the July reports
    assert len(index.story_of("undated.txt").documents) > 1  # type: ignore[union-attr]

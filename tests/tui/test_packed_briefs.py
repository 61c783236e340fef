"""The reader's packed briefs: what is read back is the brief that was stored, in less room."""

from __future__ import annotations

import tracemalloc

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.model import Brief, KeyPoint
from briefing.tui.packed_briefs import PackedBriefs, pack

texts = st.text(max_size=80)  # any text: separators, emoji, NULs, empty strings included
briefs = st.builds(
    Brief,
    st.just("doc"),
    st.lists(texts, max_size=4).map(tuple),
    st.lists(st.builds(KeyPoint, texts, st.integers(-1, 10**6)), max_size=8).map(tuple),
    st.sampled_from(["learned", "lead", "x\x1ey"]),
)


@settings(max_examples=300, deadline=None)
@given(briefs)
def test_a_brief_reads_back_as_it_was_stored(brief: Brief) -> None:
    shelf = PackedBriefs()
    shelf["doc"] = brief
    assert shelf["doc"] == brief
    assert shelf.get("doc") == brief
    assert "doc" in shelf
    assert list(shelf) == ["doc"]


def test_a_brief_stored_under_another_id_is_that_documents() -> None:
    """A copy's brief is made out for the copy (the cache shares one brief between copies)."""
    shelf = PackedBriefs()
    shelf["copy"] = Brief("original", ("Une phrase.",), (KeyPoint("Un point.", 2),), "learned")
    assert shelf["copy"].doc_id == "copy"
    assert shelf["copy"].key_points == (KeyPoint("Un point.", 2),)
    del shelf["copy"]
    assert shelf.get("copy") is None


def _brief(i: int) -> Brief:
    sentences = (
        f"L’Élysée a confirmé jeudi {i} que le président se rendrait à Pékin.",
        "Le voyage, annoncé de longue date, doit durer trois jours.",
        "Il sera accompagné d’une délégation d’une cinquantaine de chefs d’entreprise.",
    )
    points = tuple(KeyPoint(f"Point {k} de l’article {i}, cité mot pour mot.", k) for k in range(6))
    return Brief(f"doc-{i}", sentences, points, "learned")


def _held(make: object) -> int:
    tracemalloc.start()
    try:
        kept = make()  # type: ignore[operator]
        size = tracemalloc.get_traced_memory()[0]
        del kept
    finally:
        tracemalloc.stop()
    return size


def test_a_folders_briefs_take_less_room_packed() -> None:
    """2,000 French briefs (each with a ’, which costs a str two bytes a character)."""

    def as_objects() -> dict[str, Brief]:
        return {b.doc_id: b for b in map(_brief, range(2000))}

    def packed() -> PackedBriefs:
        shelf = PackedBriefs()
        for b in map(_brief, range(2000)):
            shelf[b.doc_id] = b
        return shelf

    assert _held(packed) < 0.6 * _held(as_objects)
    assert isinstance(pack(_brief(0)), bytes)  # UTF-8 is the smaller form of this text

"""The session's memory of read state and notes: asked of the store once per document while a
folder streams in, and never the note of one article shown on another."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from briefing.model import Document
from briefing.store import Store
from briefing.tui.session import Session
from tests.tui.fakes import make_doc

DOCS = [make_doc(f"d{i}", f"Title {i}", "en", None, "s", [f"Text number {i}."]) for i in range(30)]


def _asked(monkeypatch: pytest.MonkeyPatch, store: Store) -> list[str]:
    asked: list[str] = []
    real = store.entry

    def entry(doc: Document):  # type: ignore[no-untyped-def]
        asked.append(doc.id)
        return real(doc)

    monkeypatch.setattr(store, "entry", entry)
    return asked


def test_a_streaming_folder_asks_the_store_once_per_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path / "notes.json")
    store.set_note(DOCS[3], "watch this")
    session = Session(store)
    asked = _asked(monkeypatch, store)
    for start in range(0, len(DOCS), 10):  # three batches, the list rebuilt after each
        session.arrive(DOCS[start : start + 10])
        session.documents = dict(session.documents)  # as the app does for each rebuild
        assert session.noted == {"d3"}
        assert len(session.unread) == len(session.documents)
    session.finish_loading(DOCS, ())
    assert session.noted == {"d3"}
    assert len(session.unread) == len(DOCS)
    assert sorted(asked) == sorted(d.id for d in DOCS)  # not once per rebuild


def test_a_note_written_meanwhile_is_seen_at_once(tmp_path: Path) -> None:
    store = Store(tmp_path / "notes.json")
    session = Session(store)
    session.finish_loading(DOCS, ())
    assert not session.noted
    store.set_note(DOCS[5], "new")
    store.set_read(DOCS[6])
    assert session.noted == {"d5"}
    assert session.note("d5") == "new"
    assert "d6" not in session.unread


def test_an_article_replaced_under_its_id_is_asked_again(tmp_path: Path) -> None:
    """A feed's ``#1`` that now holds another story: the old story's note stays with it."""
    first = make_doc("feed.xml#1", "Robots at the fair", "en", None, "s", ["Robots."])
    first = replace(first, path="/corpus/feed.xml")
    store = Store(tmp_path / "notes.json")
    store.set_note(first, "about robots")
    session = Session(store)
    session.finish_loading([first], ())
    assert session.note(first.id) == "about robots"
    other = replace(first, title="Chips for Europe", paragraphs=("Chips.",),
                    content_hash="another")  # fmt: skip
    session.finish_loading([other], ())  # the reload: same id, another article
    assert session.note(other.id) == ""
    assert not session.noted


def test_the_rows_a_list_holds_outlive_a_reload_that_drops_their_article(tmp_path: Path) -> None:
    """A reload replaces the documents before the list is told (signals come as messages): a
    frame drawn in between draws the rows the list holds (it crashed on a deleted file)."""
    session = Session(Store(tmp_path / "notes.json"))
    session.finish_loading(DOCS[:2], ())
    listed = session.rows()  # what the list was given with its layout
    session.finish_loading(DOCS[1:2], ())  # d0's file was deleted
    assert listed["d0"].doc is DOCS[0]
    assert listed["d1"].doc is DOCS[1]
    with pytest.raises(KeyError):
        session.rows()["d0"]

"""The list's filter: the answer narrowed from the last one equals the answer over the folder,
and read state and notes are asked of the store again after it changes."""

from __future__ import annotations

from pathlib import Path

from briefing.query import QueryIndex
from briefing.store import Store
from briefing.tui.list_filter import ListFilter
from briefing.tui.session import Session
from tests.tui.fakes import DOCS, THEMES


def _session(store_path: Path) -> Session:
    session = Session(Store(store_path))
    session.finish_loading(DOCS, THEMES, QueryIndex(DOCS))
    return session


def test_typing_narrows_to_the_same_answer_as_a_fresh_filter(store_path: Path) -> None:
    session = _session(store_path)
    typed = ListFilter()
    for text in ("峰", "峰会", "峰会 l", "峰会 lang:zh", "東", "东京", "s", "se", "securite"):
        fresh = ListFilter().run(session, text, None)
        assert [d.id for d in typed.run(session, text, None)] == [d.id for d in fresh], text


def test_read_state_and_notes_follow_the_store(store_path: Path) -> None:
    session = _session(store_path)
    unread = len(session.unread)
    assert unread == len(DOCS)
    before = [d.id for d in ListFilter().run(session, "unread", None)]
    doc = DOCS[0]
    session.store.set_read(doc)  # written behind the session's back: it still sees it
    assert len(session.unread) == unread - 1
    assert doc.id not in [d.id for d in ListFilter().run(session, "unread", None)]
    assert len(before) == unread
    session.store.set_note(doc, "zebra crossing")
    assert session.noted == {doc.id}
    assert [d.id for d in ListFilter().run(session, "zebra", None)] == [doc.id]

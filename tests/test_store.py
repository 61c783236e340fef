"""The notes store: what a user would notice is a lost note, so every test is about keeping them."""

from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path

import pytest

from briefing.model import Document
from briefing.store import Store, StoreError


def make_doc(
    doc_id: str = "a.txt#0", content_hash: str = "h-a", path: str = "", title: str = "t"
) -> Document:
    return Document(
        id=doc_id,
        path=path or doc_id.split("#")[0],
        title=title,
        title_derived=False,
        date=None,
        source=None,
        lang="en",
        paragraphs=("p",),
        content_hash=content_hash,
    )


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "notes.json"


def test_note_and_read_state_survive_a_restart(path: Path) -> None:
    doc = make_doc()
    store = Store(path)
    store.set_note(doc, "check the 2024 figure  \n")
    store.set_read(doc, True)

    again = Store(path)
    assert again.note(doc) == "check the 2024 figure"
    assert again.is_read(doc)
    assert again.problems == []
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 2
    assert data["articles"][os.path.abspath("a.txt") + "#0"]["content_hash"] == "h-a"


def test_default_location_is_the_user_data_dir(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("BRIEFING_HOME", str(tmp_path / "home"))
    store = Store()
    store.set_read(make_doc())
    assert (tmp_path / "home" / "data" / "notes.json").exists()


def test_a_note_follows_its_article_when_the_id_changes(path: Path, tmp_path: Path) -> None:
    old = make_doc("old/a.txt#0", "same-text", path=str(tmp_path / "old" / "a.txt"))
    Store(path).set_note(old, "keep me")
    moved = make_doc("new/a.txt#0", "same-text", path=str(tmp_path / "new" / "a.txt"))
    store = Store(path)
    assert store.attach([moved]) == 1  # the old file is gone: the note follows its text
    assert store.note(moved) == "keep me"
    store.set_read(moved)
    assert set(Store(path).entries()) == {str(tmp_path / "new" / "a.txt") + "#0"}


def test_an_edited_article_keeps_its_note_by_id(path: Path) -> None:
    Store(path).set_note(make_doc(content_hash="v1"), "still mine")
    assert Store(path).note(make_doc(content_hash="v2")) == "still mine"


def test_corrupt_file_is_moved_aside_reported_and_backup_used(path: Path) -> None:
    doc = make_doc()
    store = Store(path)
    store.set_note(doc, "first")
    store.set_note(doc, "second")  # the .bak now holds "first"
    path.write_bytes(b'{"version": 2, "articles": {"a.txt#0": {"no')  # torn write

    store = Store(path)
    assert store.note(doc) == "first"
    [problem] = store.problems
    assert "corrupt" in problem.message
    assert "restored" in problem.message
    corrupt = list(path.parent.glob("notes.json.corrupt-*"))
    assert len(corrupt) == 1
    assert corrupt[0].read_bytes().startswith(b'{"version": 2')  # the user's bytes are kept

    store.set_note(doc, "third")
    assert Store(path).note(doc) == "third"
    assert corrupt[0].exists()


def test_corrupt_file_without_backup_says_so_and_is_never_overwritten(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xff\xfe garbage")
    store = Store(path)
    assert "no usable backup" in store.problems[0].message
    store.set_note(make_doc(), "new")
    [aside] = path.parent.glob("notes.json.corrupt-*")
    assert aside.read_bytes() == b"\xff\xfe garbage"


def test_file_corrupted_while_running_keeps_the_notes_in_memory(path: Path) -> None:
    a, b = make_doc("a", "ha"), make_doc("b", "hb")
    store = Store(path)
    store.set_note(a, "note a")
    path.write_text("not json", encoding="utf-8")
    store.set_note(b, "note b")
    fresh = Store(path)
    assert fresh.note(a) == "note a"
    assert fresh.note(b) == "note b"
    assert any("corrupt" in p.message for p in store.problems)


def test_a_newer_format_is_left_alone(path: Path) -> None:
    path.parent.mkdir(parents=True)
    original = json.dumps({"version": 3, "articles": {}, "future": True})
    path.write_text(original, encoding="utf-8")
    store = Store(path)
    assert "newer briefing" in store.problems[0].message
    with pytest.raises(StoreError):
        store.set_note(make_doc(), "x")
    assert store.note(make_doc()) == "x"  # kept for this session
    assert path.read_text(encoding="utf-8") == original


def test_two_stores_do_not_lose_each_others_notes(path: Path) -> None:
    first, second = Store(path), Store(path)
    first.set_note(make_doc("a", "ha"), "from the TUI")
    second.set_note(make_doc("b", "hb"), "from an export run")
    merged = Store(path)
    assert merged.note(make_doc("a", "ha")) == "from the TUI"
    assert merged.note(make_doc("b", "hb")) == "from an export run"


def _write_notes(path: str, worker: int, count: int) -> None:
    store = Store(Path(path))
    for i in range(count):
        store.set_note(make_doc(f"{worker}-{i}", f"h{worker}-{i}"), f"note {worker} {i}")


def test_concurrent_processes_keep_every_note(path: Path) -> None:
    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    procs = [ctx.Process(target=_write_notes, args=(str(path), w, 15)) for w in range(3)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(30)
    assert len(Store(path).entries()) == 45


def test_a_crash_before_replace_leaves_the_old_file(path: Path, monkeypatch) -> None:
    doc = make_doc()
    store = Store(path)
    store.set_note(doc, "safe")

    def crash(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        store.set_note(doc, "lost in the crash")
    monkeypatch.undo()
    assert Store(path).note(doc) == "safe"
    assert not list(path.parent.glob(".notes.json.*.tmp"))


def test_empty_note_removes_the_entry(path: Path) -> None:
    doc = make_doc()
    store = Store(path)
    store.set_note(doc, "x")
    store.set_note(doc, "   ")
    assert Store(path).entries() == {}


# keys: one article of one folder -------------------------------------------------------------


def _folder_doc(folder: Path, rel: str, content_hash: str, title: str = "t") -> Document:
    return make_doc(rel, content_hash, path=str(folder / rel.split("#")[0]), title=title)


def test_notes_of_two_folders_never_mix(path: Path, tmp_path: Path) -> None:
    """Issue 13 §3: the same relative path in two folders is two articles."""
    a, b = tmp_path / "a", tmp_path / "b"
    for folder in (a, b):
        (folder / "feeds").mkdir(parents=True)
        (folder / "feeds" / "mixed.xml").write_text("x")
    in_a = _folder_doc(a, "feeds/mixed.xml#3", "story-in-a")
    in_b = _folder_doc(b, "feeds/mixed.xml#3", "story-in-b")
    Store(path).set_note(in_a, "only in a")
    store = Store(path)
    store.attach([in_b])
    assert store.note(in_b) == ""
    assert not store.is_read(in_b)
    assert Store(path).note(in_a) == "only in a"


def test_a_copied_folder_does_not_take_the_notes(path: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for folder in (a, b):
        folder.mkdir()
        (folder / "x.txt").write_text("x")
    Store(path).set_note(_folder_doc(a, "x.txt", "same"), "mine")
    store = Store(path)
    assert store.attach([_folder_doc(b, "x.txt", "same")]) == 0
    assert store.note(_folder_doc(b, "x.txt", "same")) == ""
    assert store.note(_folder_doc(a, "x.txt", "same")) == "mine"


def test_a_feed_slot_holding_another_story_hides_the_note_and_keeps_it(
    path: Path, tmp_path: Path
) -> None:
    (tmp_path / "feed.xml").write_text("x")
    first = _folder_doc(tmp_path, "feed.xml#3", "h-first", title="Storm hits coast")
    Store(path).set_note(first, "about the storm")
    refreshed = _folder_doc(tmp_path, "feed.xml#3", "h-other", title="Election results")
    store = Store(path)
    store.attach([refreshed])
    assert store.note(refreshed) == ""
    [(key, entry)] = store.unplaced().items()
    assert key.startswith("missing:")
    assert entry.note == "about the storm"
    assert Store(path).unplaced()[key].note == "about the storm"  # saved, never dropped


def test_a_feed_item_that_moved_down_keeps_its_note(path: Path, tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_text("x")
    Store(path).set_note(_folder_doc(tmp_path, "feed.xml#0", "h-storm", "Storm"), "storm note")
    store = Store(path)
    now = [
        _folder_doc(tmp_path, "feed.xml#0", "h-new", "Breaking"),
        _folder_doc(tmp_path, "feed.xml#1", "h-storm", "Storm"),
    ]
    assert store.attach(now) == 1
    assert store.note(now[0]) == ""
    assert store.note(now[1]) == "storm note"


def test_writing_on_a_reused_slot_sets_the_old_note_apart(path: Path, tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_text("x")
    Store(path).set_note(_folder_doc(tmp_path, "feed.xml#3", "h1", "One"), "first story")
    other = _folder_doc(tmp_path, "feed.xml#3", "h2", "Two")
    store = Store(path)
    store.set_note(other, "second story")
    again = Store(path)
    assert again.note(other) == "second story"
    assert [e.note for e in again.unplaced().values()] == ["first story"]


def test_version_1_notes_migrate_with_a_backup_and_nothing_lost(path: Path, tmp_path: Path) -> None:
    path.parent.mkdir(parents=True)
    v1 = {
        "version": 1,
        "documents": {
            "feeds/x.xml#1": {"read": True, "note": "placed", "content_hash": "hx"},
            "gone.txt": {"read": False, "note": "nowhere yet", "content_hash": "hg"},
        },
    }
    raw = json.dumps(v1).encode()
    path.write_bytes(raw)
    store = Store(path)
    assert path.with_name("notes.json.v1").read_bytes() == raw
    assert json.loads(path.read_text())["version"] == 2
    doc = _folder_doc(tmp_path, "feeds/x.xml#1", "hx")
    assert store.note(doc) == ""  # not placed until a corpus with its text is opened
    assert store.attach([doc]) == 1
    assert store.note(doc) == "placed"
    assert store.is_read(doc)
    again = Store(path)
    assert again.note(doc) == "placed"
    assert [e.note for e in again.unplaced().values()] == ["nowhere yet"]

"""The keys an analyst reaches for in the first minute (issue 18): move, read state with undo,
open and copy the URL, the note in $EDITOR, export, reload, and bursts of keys."""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

import pytest

from briefing.store import Store
from briefing.tui import keys, outside
from briefing.tui.screens.compare import CompareScreen
from briefing.tui.screens.help import HELP
from briefing.tui.screens.note import NoteScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.document_list import DocumentList
from tests.tui.fakes import DOCS, fake_pipeline, wait_ready


def _messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_J_K_move_between_articles_in_the_reader_and_mark_them_read(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        order = app.library.shown_order()
        await pilot.press("enter", "J", "J")
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.doc_id == order[2]
        store, docs = app.session.store, app.session.documents
        assert all(store.is_read(docs[i]) for i in order[:3])
        assert not store.is_read(docs[order[3]])
        await pilot.press("K")
        assert app.screen.doc_id == order[1]
        await pilot.press("q")  # back lands where the reader was, not where it opened
        assert app.library.current == order[1]


async def test_n_goes_to_the_next_unread_and_g_G_to_the_ends(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        order = app.library.shown_order()
        docs = app.session.documents
        app.session.store.set_read_many([docs[order[1]], docs[order[2]]])
        await pilot.press("n")
        assert app.library.current == order[3]  # skips the two already read
        await pilot.press("G")
        assert app.library.current == order[-1]
        await pilot.press("g")
        assert app.library.current == order[0]
        await pilot.press("enter", "n")  # the reader's n: the next unread after this one
        assert app.screen.doc_id == order[3]


async def test_mark_all_read_says_how_to_undo_and_u_undoes_only_what_it_changed(
    make_app, store_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_ready(pilot)
        order = app.library.shown_order()
        docs = app.session.documents
        app.session.store.set_read(docs[order[0]])
        await pilot.press("A")
        assert any("Press u to undo" in m for m in _messages(app))
        assert all(Store(store_path).is_read(docs[i]) for i in order)  # on disk
        assert "0 unread" in str(app.library.query_one("#status").render())
        await pilot.press("u")
        fresh = Store(store_path)
        assert fresh.is_read(docs[order[0]])  # read before "all read": still read
        assert not any(fresh.is_read(docs[i]) for i in order[1:])


async def test_M_marks_the_group_read_and_the_heading_count_follows(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        listed = app.library.query_one(DocumentList)
        assert str(listed.item_prompt(0)) == "2024-05-02  2 · 2 unread"
        await pilot.press("M")
        assert str(listed.item_prompt(0)) == "2024-05-02  2"
        await pilot.press("m")  # toggle one back
        assert str(listed.item_prompt(0)) == "2024-05-02  2 · 1 unread"


async def test_o_opens_the_url_in_a_worker_and_y_copies_it(make_app, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(outside.webbrowser, "open", lambda url: opened.append(url) or True)
    linked = dataclasses.replace(DOCS[0], url="https://example.org/a?b=1")
    app = make_app(docs=(linked, *DOCS[1:]))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_ready(pilot)
        app.library.follow(linked.id)
        await pilot.press("enter")
        assert "https://example.org/a?b=1" in str(app.screen.query_one("#reader-url").render())
        await pilot.press("o")
        await app.workers.wait_for_complete()
        assert opened == ["https://example.org/a?b=1"]
        await pilot.press("y")
        assert app.clipboard == "https://example.org/a?b=1"
        await pilot.press("J", "o", "y")  # the next article has no URL: said, nothing opened
        await app.workers.wait_for_complete()
        assert opened == ["https://example.org/a?b=1"]
        assert any("has no URL" in m for m in _messages(app))


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "javascript:alert(1)", "ms-settings:display", "https:// spaced",
     "http://evil.example/\x1b]52;c;AAAA\x07"],
)  # fmt: skip
async def test_o_opens_only_a_web_address(make_app, monkeypatch, url: str) -> None:
    """The URL is the article's: a local file or a scheme handler is never started from it."""
    opened: list[str] = []
    monkeypatch.setattr(outside.webbrowser, "open", lambda u: opened.append(u) or True)
    linked = dataclasses.replace(DOCS[0], url=url)
    app = make_app(docs=(linked, *DOCS[1:]))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_ready(pilot)
        app.library.follow(linked.id)
        await pilot.press("enter", "o")
        await app.workers.wait_for_complete()
        assert opened == []
        assert outside.NOT_WEB in _messages(app)


def test_web_addresses() -> None:
    assert outside.is_web_address("https://example.org/a?b=1")
    assert outside.is_web_address("HTTP://example.org")
    assert not outside.is_web_address("https://")
    assert not outside.is_web_address("file:///etc/passwd")


def test_the_editor_gets_the_note_and_its_saved_text_comes_back(tmp_path: Path) -> None:
    script = tmp_path / "ed.sh"
    script.write_text('#!/bin/sh\nprintf "edited: " > "$1.x"; cat "$1" >> "$1.x"; mv "$1.x" "$1"\n')
    script.chmod(0o755)
    assert outside.run_editor([str(script)], "old") == "edited: old"
    failing = tmp_path / "fail.sh"
    failing.write_text("#!/bin/sh\nexit 1\n")
    failing.chmod(0o755)
    assert outside.run_editor([str(failing)], "old") is None  # :cq in vim keeps the note


async def test_e_without_an_editor_says_what_to_set(make_app, monkeypatch) -> None:
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_ready(pilot)
        await pilot.press("e")
        assert outside.NO_EDITOR in _messages(app)


async def test_e_saves_what_the_editor_wrote(make_app, monkeypatch, store_path: Path) -> None:
    monkeypatch.setenv("EDITOR", "fake-editor --wait")
    seen: list[list[str]] = []

    def edit(self, doc, note):  # the suspend itself needs a real terminal (tests/e2e)
        seen.append(outside.editor_command() or [])
        return "from my editor"

    monkeypatch.setattr(outside.OutsideMixin, "edit_note_outside", edit)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("e")
        doc = app.session.documents[app.library.current]
        assert seen == [["fake-editor", "--wait"]]
        assert Store(store_path).note(doc) == "from my editor"


async def test_ctrl_e_exports_the_marked_articles_and_names_the_file(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_ready(pilot)
        order = app.library.shown_order()
        await pilot.press("space", "j", "space", "ctrl+e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        done = [m for m in _messages(app) if m.startswith("Exported 2 articles to ")]
        assert done, _messages(app)
        path = Path(done[0].removeprefix("Exported 2 articles to "))
        assert path.parent == Path(os.environ["BRIEFING_HOME"]) / "exports"
        text = path.read_text(encoding="utf-8")
        docs = app.session.documents
        assert text.count("\n### ") == 2
        assert "marked in the reader" in text
        assert docs[order[0]].title.split()[0] in text


async def test_r_reloads_keeping_the_cursor_notes_and_read_state(make_app, store_path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_ready(pilot)
        order = app.library.shown_order()
        await pilot.press("j", "j")
        here = app.library.current
        app.session.store.set_note(app.session.documents[here], "keep me")
        docs = list(DOCS)
        edited = dataclasses.replace(docs[0], paragraphs=("changed text.",), content_hash="new")
        new = dataclasses.replace(docs[1], id="new-one", path="/corpus/new-one.txt",
                                  content_hash="hash-new-one")  # fmt: skip
        gone = docs.pop(2)
        docs[0] = edited
        object.__setattr__(app, "pipeline", fake_pipeline((*docs, new)))
        await pilot.press("r")
        await wait_ready(pilot)
        await pilot.pause()
        assert "new-one" in app.library.shown_order()
        assert gone.id not in app.library.shown_order()
        assert any(m.startswith("Reloaded: 1 new, 1 changed, 1 gone") for m in _messages(app))
        if here != gone.id:
            assert app.library.current == here
            assert app.session.store.note(app.session.documents[here]) == "keep me"
        assert app.session.briefs[edited.id].doc_id == edited.id  # briefed again
        assert order  # the list was not empty to begin with


async def test_keys_typed_in_one_burst_after_the_note_key_reach_the_note(make_app) -> None:
    """Was: keys typed right after `n` went to the list (its binding ran after they were
    handed on). The letter keys are priority bindings now; the note screen takes keys that
    arrive before its text area has focus."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        for key in ("w", "a", "b", "c"):  # one burst: nothing runs between them
            app.post_message(__import__("textual.events", fromlist=["Key"]).Key(key, key))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        assert app.screen.query_one("TextArea").text == "abc"


async def test_esc_and_a_letter_in_one_read_are_both_keys(make_app) -> None:
    """Esc then `j` inside ESCDELAY arrives as alt+j: it must go back and then move."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        first = app.library.current
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("alt+j")
        assert not isinstance(app.screen, ReaderScreen)
        assert app.library.current != first  # the j moved the list


async def test_J_in_compare_replaces_the_focused_column(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_ready(pilot)
        order = app.library.shown_order()
        await pilot.press("space", "j", "space", "c")
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("J")  # the first column moves on, past the one already compared
        assert app.screen.doc_ids == [order[2], order[1]]
        assert app.session.marked == [order[2], order[1]]


def test_the_help_names_every_key() -> None:
    help_text = HELP.read_text(encoding="utf-8")
    names = {"question_mark": "?", "slash": "/", "space": "space", "escape": "escape"}
    for table in (keys.LIBRARY, keys.READER, keys.COMPARE, keys.APP):
        for binding in table:
            for key in binding.key.split(","):
                shown = names.get(key, key)
                assert re.search(rf"`{re.escape(shown)}`", help_text), (key, binding.action)


async def test_watch_shows_a_file_as_it_lands_and_drops_a_deleted_one(tmp_path: Path) -> None:
    """Real watchfiles on a real folder; the fake pipeline turns each file into an article."""
    import asyncio
    import datetime as dt

    from briefing.model import Brief
    from briefing.tui.app import BriefingApp
    from briefing.tui.pipeline import Loaded, Pipeline
    from tests.tui.fakes import make_doc

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "one.txt").write_text("One.", encoding="utf-8")

    def load(paths, progress, arrived) -> Loaded:
        docs = tuple(make_doc(p.stem, p.stem, "en", dt.date(2025, 1, 1), "s", [p.read_text()])
                     for p in sorted(folder.glob("*.txt")))  # fmt: skip
        return Loaded(docs, (), ())

    def summarize_many(docs, progress, stop, on_brief, on_cached):
        on_cached()
        for doc in docs:
            on_brief(Brief(doc.id, ("x",), (), "fake"))
        return ()

    app = BriefingApp([folder], store=Store(tmp_path / "notes.json"),
                      pipeline=Pipeline(load, summarize_many), watch=True)  # fmt: skip
    async with app.run_test(size=(120, 40)):
        for _ in range(100):  # not wait_ready: it waits for every worker, and this one watches
            if app.library.shown_order() == ["one"]:
                break
            await asyncio.sleep(0.05)
        assert app.library.shown_order() == ["one"]
        for attempt in range(100):  # written again until seen: the watcher may not be up yet
            if attempt % 20 == 0:
                (folder / "two.txt").write_text(f"Two {attempt}.", encoding="utf-8")
            if "two" in app.library.shown_order():
                break
            await asyncio.sleep(0.1)
        assert sorted(app.library.shown_order()) == ["one", "two"]
        (folder / "one.txt").unlink()
        for _ in range(100):
            if "one" not in app.library.shown_order():
                break
            await asyncio.sleep(0.1)
        assert app.library.shown_order() == ["two"]


async def test_M_by_theme_marks_the_heading_the_cursor_is_under(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_ready(pilot)
        await pilot.press("v", "G", "M")  # the last row is under Energy (a doc can be in both)
        assert any("in “Energy” read" in m for m in _messages(app))
        listed = app.library.query_one(DocumentList)
        headings = listed.headings
        assert headings[-1] == "Energy  2"

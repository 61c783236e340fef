"""Pilot tests: what an analyst does, and what they would notice if it broke."""

from __future__ import annotations

import threading
from pathlib import Path

from textual import events
from textual.widgets import Input, Static, TextArea

from briefing.model import Problem
from briefing.store import Store
from briefing.tui.app import BriefingApp
from briefing.tui.screens.compare import CompareScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.library import LibraryScreen
from briefing.tui.screens.note import NoteScreen
from briefing.tui.screens.reader import KeyPointList, ReaderScreen
from briefing.tui.widgets.brief_view import BriefView
from briefing.tui.widgets.document_list import DocumentList
from briefing.tui.widgets.load_progress import LoadProgress
from tests.tui.fakes import DOCS, fake_pipeline, wait_ready


def shown(app: BriefingApp) -> list[str]:
    return app.library.query_one(DocumentList).doc_ids


def text_of(widget: Static) -> str:
    return str(widget.render())


async def test_first_screen_appears_before_the_briefs(store_path: Path) -> None:
    gate = threading.Event()
    app = BriefingApp([], store=Store(store_path), pipeline=fake_pipeline(DOCS, gate=gate))
    async with app.run_test(size=(120, 40)) as pilot:
        progress = app.library.query_one(LoadProgress)
        for _ in range(500):  # the list, then the summarizer's first progress (a message later)
            await pilot.pause(0.01)
            if shown(app) and "Summarizing" in text_of(progress.query_one("#stage", Static)):
                break
        assert len(shown(app)) == len(DOCS)
        assert not progress.has_class("-finished")
        assert "Summarizing" in text_of(progress.query_one("#stage", Static))
        assert "Summarizing…" in text_of(app.library.query_one("#bv-brief", Static))
        await pilot.press("j", "k")  # the UI answers while the summarizer is blocked
        gate.set()
        await wait_ready(pilot)
        assert progress.has_class("-finished")
        assert len(app.session.briefs) == len(DOCS)


async def test_browse_by_date_newest_first_undated_last(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert shown(app) == ["ja", "zh-cn", "fr", "zh-tw", "en", "undated"]
        listed = app.library.query_one(DocumentList)
        assert isinstance(app.focused, DocumentList)
        assert listed.highlighted_doc_id == "ja"
        await pilot.press("j", "down")
        assert listed.highlighted_doc_id == "fr"
        await pilot.press("k")
        assert listed.highlighted_doc_id == "zh-cn"
        header = app.library.query_one("#bv-header", Static)
        assert "人工智能安全峰会在东京开幕" in text_of(header)
        assert "新华社 · zh-cn · 2024-05-02" in text_of(header)


async def test_v_switches_grouping_to_themes_and_back(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("v")
        screen = app.library
        assert screen.grouping == "theme"
        listed = screen.query_one(DocumentList)
        headings = listed.headings
        assert headings == ["AI policy  5 · 5 unread", "Energy  2 · 2 unread"]
        assert listed.doc_ids[-1] == "undated"  # under Energy only
        await pilot.press("v")
        assert screen.grouping == "date"
        assert str(listed.item_prompt(0)) == "2024-05-02  2 · 2 unread"


async def test_filter_as_you_type_and_by_language(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"tokyo")
        assert shown(app) == ["fr", "en"]  # the French and English texts say Tokyo
        await pilot.press("enter")
        assert isinstance(app.focused, DocumentList)
        await pilot.press("escape")
        assert len(shown(app)) == len(DOCS)
        await pilot.press("slash", *"reuters", "enter")  # the source counts too
        assert shown(app) == ["en"]
        await pilot.press("escape")
        await pilot.press("l")  # languages cycle in sorted order: en, fr, ja, zh-cn, zh-tw
        assert shown(app) == ["en", "undated"]
        await pilot.press("l", "l")
        assert shown(app) == ["ja"]
        assert "lang: ja" in text_of(app.library.query_one("#status", Static))
        await pilot.press("slash", *"nothing-matches-this")
        assert shown(app) == []
        assert "No documents match" in str(app.library.query_one(DocumentList).item_prompt(0))


async def test_open_read_and_jump_to_a_key_point(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("j", "j", "j", "j")  # en: three paragraphs
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert screen.doc_id == "en"
        assert app.session.store.is_read(app.session.documents["en"])  # opening marks it read
        assert "The AI safety summit opened" in text_of(screen.query_one("#reader-brief", Static))
        assert "AI policy" in text_of(screen.query_one("#reader-themes", Static))
        assert isinstance(app.focused, KeyPointList)
        await pilot.press("down", "enter")  # the last key point is paragraph 3
        target = screen.query_one("#p-2", Static)
        assert target.has_class("-target")
        assert not screen.query_one("#p-0", Static).has_class("-target")
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        assert app.library.query_one(DocumentList).highlighted_doc_id == "en"


async def test_m_toggles_read_and_the_row_stops_standing_out(make_app, store_path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        listed = app.library.query_one(DocumentList)
        assert str(listed.item_prompt(1)).startswith("● ")
        await pilot.press("m")
        assert Store(store_path).is_read(app.session.documents["ja"])
        assert not str(listed.item_prompt(1)).startswith("●")
        await pilot.press("m")
        assert not Store(store_path).is_read(app.session.documents["ja"])
        assert str(listed.item_prompt(1)).startswith("● ")


async def test_note_is_saved_shown_and_found_after_a_restart(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("j", "w")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"compare with NHK", "ctrl+s")
        assert isinstance(app.screen, LibraryScreen)
        row = str(app.library.query_one(DocumentList).item_prompt(2))
        assert "✎ compare with NHK" in row
        assert "compare with NHK" in text_of(app.library.query_one("#bv-note", Static))

    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        assert again.session.store.note(again.session.documents["zh-cn"]) == "compare with NHK"
        assert "✎ compare with NHK" in str(again.library.query_one(DocumentList).item_prompt(2))
        await pilot.press("j", "enter")
        assert "compare with NHK" in text_of(again.screen.query_one("#reader-note", Static))
        await pilot.press("w")
        assert again.screen.query_one(TextArea).text == "compare with NHK"
        await pilot.press("escape")  # cancel keeps the note
        assert again.session.store.note(again.session.documents["zh-cn"]) == "compare with NHK"


async def test_compare_three_documents(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_ready(pilot)
        await pilot.press("c")  # nothing marked yet: a hint, no screen
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("space", "j", "space", "j", "j", "space")  # ja, zh-cn, zh-tw
        assert app.session.marked == ["ja", "zh-cn", "zh-tw"]
        assert "[3]" in str(app.library.query_one(DocumentList).item_prompt(5))
        await pilot.press("c")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        columns = list(screen.query(BriefView))
        assert len(columns) == 3
        headers = [text_of(c.query_one("#bv-header", Static)) for c in columns]
        assert "NHK · ja · 2024-05-02" in headers[0]
        assert "新华社 · zh-cn" in headers[1]
        assert "中央社 · zh-tw · 2024-05-01" in headers[2]
        assert "各國代表討論監管" in text_of(columns[2].query_one("#bv-points", Static))
        widths = {c.size.width for c in columns}
        assert min(widths) >= 45  # a wide terminal shares its width
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_compare_stacks_on_80_columns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await pilot.press("space", "j", "space", "j", "space", "c")
        columns = list(app.screen.query(BriefView))
        assert all(c.size.width >= 70 for c in columns)  # full width, one above the other
        assert columns[0].region.y < columns[1].region.y < columns[2].region.y


async def test_no_more_than_four_marks(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_ready(pilot)
        for _ in range(5):
            await pilot.press("space", "j")
        assert len(app.session.marked) == 4
        assert any("up to 4" in n.message for n in app._notifications)


async def test_help_theme_palette_and_quit(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        assert app.current_theme.dark
        await pilot.press("a")
        assert not app.current_theme.dark
        await pilot.press("ctrl+p")
        assert app.screen.__class__.__name__ == "CommandPalette"
        await pilot.press(*"group by", "enter")
        await pilot.pause()
        assert app.library.grouping == "theme"
        await pilot.press("q")
    assert app.return_code == 0


async def test_mouse_opens_a_document(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.click(DocumentList, offset=(5, 4))  # second row: zh-cn
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.doc_id == "zh-cn"


async def test_problems_and_a_corrupt_store_are_reported(tmp_path: Path) -> None:
    notes = tmp_path / "notes.json"
    notes.write_text("{torn", encoding="utf-8")
    app = BriefingApp(
        [],
        store=Store(notes),
        pipeline=fake_pipeline(DOCS, problems=[Problem("bad.bin", "binary file")]),
    )
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_ready(pilot)
        messages = [n.message for n in app._notifications]
        assert any("corrupt" in m for m in messages)
        assert any("bad.bin: binary file" in m for m in messages)


async def test_q_then_w_in_one_burst_quits_without_a_traceback(make_app) -> None:
    """A note editor pushed while the app is quitting never composes; it must not go looking
    for its text area (``NoMatches … TextArea on NoteScreen`` on exit)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        # both keys queued before either is handled, as a terminal delivers a fast burst
        app.post_message(events.Key("q", "q"))
        app.post_message(events.Key("w", "w"))
        await pilot.pause()
    assert app.return_code in (0, None)
    assert app._exception is None

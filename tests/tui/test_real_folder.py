"""Issue 13: the reader on a folder a user really opens. One test per defect, named for it.

Each of these failed on the main before the fix: the workers that never started under Textual,
the burst of keys that crashed the list, notes that leaked between folders, the traps a new user
falls into in the first minute. The real pipeline runs where the defect lived in it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Static, TextArea
from textual.widgets._footer import FooterKey

from briefing.cache import pool
from briefing.store import Store
from briefing.tui.app import BriefingApp
from briefing.tui.pipeline import Pipeline
from briefing.tui.screens.compare import CompareScreen
from briefing.tui.screens.library import PREVIEW_DELAY, LibraryScreen
from briefing.tui.screens.note import DiscardScreen, NoteScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.brief_view import BriefView
from briefing.tui.widgets.document_list import DocumentList
from tests.tui.fakes import DOCS, fake_pipeline, make_doc, wait_ready

TOPICS = ["harbour", "railway", "vineyard", "glacier", "orchestra", "satellite", "library"]


def write_folder(folder: Path, count: int) -> None:
    """``count`` small English articles, each its own event, in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        topic = TOPICS[i % len(TOPICS)]
        (folder / f"{i:03d}_{topic}.txt").write_text(
            f"The {topic} council meets on item {i}\n\n"
            f"The {topic} council of district {i} met on Monday to discuss a new plan. "
            f"Members said the plan would cost {i + 3} million euros over five years. "
            f"A final vote on the {topic} plan is expected in the spring.\n\n"
            f"Residents of district {i} asked for more public hearings before the vote.",
            encoding="utf-8",
        )


def screen_lines(widget: DocumentList) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.size.height)]


async def until(pilot, condition, seconds: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the reader never got there")


# 1. worker processes under Textual ------------------------------------------------------------


async def test_a_new_folder_of_30_files_opens_with_worker_processes(tmp_path: Path) -> None:
    """Was: "Loading failed: bad value(s) in fds_to_keep" from 24 files on (workers spawned
    under Textual's stderr capture, whose fileno() is -1)."""
    folder = tmp_path / "news"
    write_folder(folder, 30)
    pool.shutdown()
    started = pool.pools_started
    app = BriefingApp(
        [folder],
        store=Store(tmp_path / "notes.json"),
        pipeline=Pipeline.default(use_cache=True, jobs=2),
    )
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await until(
            pilot,
            lambda: (
                len(app.session.briefs) == 30
                or any(n.severity == "error" for n in app._notifications)
            ),
            seconds=90,
        )
        assert not [n for n in app._notifications if n.severity == "error"]
        assert len(app.library.query_one(DocumentList).doc_ids) == 30
        assert pool.pools_started > started  # the work really left the process
    pool.shutdown()


# 2. a burst of keys -------------------------------------------------------------------------


async def test_a_burst_of_keys_while_filtering_does_not_crash(make_app) -> None:
    """Was: IndexError in DocumentList._highlighted (a queued highlight event pointing past a
    list that the next key had already rebuilt), then a silent exit 0."""
    many = [
        make_doc(
            f"d{i}", f"李强 上海 report {i}", "zh-cn", dt.date(2024, 5, 1 + i % 20), "X", ["p"]
        )
        for i in range(60)
    ]
    app = make_app(*many)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("slash")
        for burst in ("xyz", "\b\b\b", "李强", "上海q", "\b\b\b\b\b", "zzz", "\b\b\b"):
            for char in burst:  # one write: every key queued before any is handled
                key = "backspace" if char == "\b" else char
                app.post_message(events.Key(key, None if char == "\b" else char))
            await pilot.pause()
        await pilot.press("escape", "j", "j", "k", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("ctrl+q")
    assert app.return_code == 0


async def test_an_unexpected_error_exits_non_zero_with_a_log(make_app, monkeypatch) -> None:
    """Was: the traceback on the terminal and exit 0 from the CLI. Now: return code 1, the
    traceback in a log file that the CLI names in one line."""
    app = make_app()

    def broken(self: LibraryScreen) -> None:
        raise RuntimeError("boom in the list")

    async def crash() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_ready(pilot)
            monkeypatch.setattr(LibraryScreen, "action_toggle_grouping", broken)
            await pilot.press("v")
            await pilot.pause()

    with pytest.raises(RuntimeError, match="boom"):
        await crash()
    assert app.return_code == 1
    assert app.crash_log is not None
    assert "boom in the list" in app.crash_log.read_text(encoding="utf-8")


# 3. notes of two folders ----------------------------------------------------------------------


async def test_a_note_does_not_appear_in_another_folder(tmp_path: Path) -> None:
    """Was: notes keyed by the path inside the corpus, so feeds/mixed.xml#3 of one folder showed
    the note of feeds/mixed.xml#3 of another."""
    store_path = tmp_path / "notes.json"

    def folder_docs(folder: str, text: str) -> tuple:
        doc = make_doc("feeds/mixed.xml#3", f"Story in {folder}", "en", None, "S", [text])
        from dataclasses import replace

        (tmp_path / folder / "feeds").mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "feeds" / "mixed.xml").write_text("x")
        return (replace(doc, path=str(tmp_path / folder / "feeds/mixed.xml"), content_hash=folder),)

    first = BriefingApp([], store=Store(store_path), pipeline=fake_pipeline(folder_docs("a", "A")))
    async with first.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("w", *"only for folder a", "ctrl+s")
    other = BriefingApp([], store=Store(store_path), pipeline=fake_pipeline(folder_docs("b", "B")))
    async with other.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        doc = other.session.documents["feeds/mixed.xml#3"]
        assert other.session.store.note(doc) == ""
        assert "only for folder a" not in str(other.library.query_one(DocumentList).item_prompt(1))
    again = BriefingApp([], store=Store(store_path), pipeline=fake_pipeline(folder_docs("a", "A")))
    async with again.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        assert (
            again.session.store.note(again.session.documents["feeds/mixed.xml#3"])
            == "only for folder a"
        )


# 6. traps --------------------------------------------------------------------------------------


async def test_q_in_the_reader_goes_back_and_ctrl_q_quits(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("q")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("enter", "ctrl+q")
    assert app.return_code == 0


async def test_q_in_compare_goes_back(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_ready(pilot)
        await pilot.press("space", "j", "space", "c")
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("q")
        assert isinstance(app.screen, LibraryScreen)


async def test_escape_in_the_note_editor_keeps_the_draft_until_asked(make_app) -> None:
    """Was: Esc threw the typed text away without a word."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        doc = app.session.documents["ja"]
        await pilot.press("w", *"half a thought", "escape")
        assert isinstance(app.screen, DiscardScreen)
        await pilot.press("escape")  # keep editing: the draft is still there
        assert isinstance(app.screen, NoteScreen)
        assert app.screen.query_one(TextArea).text == "half a thought"
        await pilot.press("escape", "s")  # save from the question
        assert isinstance(app.screen, LibraryScreen)
        assert app.session.store.note(doc) == "half a thought"
        await pilot.press("w", "x", "escape", "d")  # discard, when that is what is asked
        assert app.session.store.note(doc) == "half a thought"
        await pilot.press("w", "escape")  # unchanged: closes at once
        assert isinstance(app.screen, LibraryScreen)


async def test_the_reader_opens_at_the_brief_on_80x24(make_app) -> None:
    """Was: focusing the key points scrolled the side panel past the Brief."""
    long = make_doc(
        "long", "A long one", "en", dt.date(2024, 5, 9), "S", [f"Paragraph {i}." for i in range(30)]
    )
    app = make_app(long)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        await pilot.press("enter")
        await pilot.pause()
        side = app.screen.query_one("#reader-side")
        assert side.scroll_y == 0
        brief = app.screen.query_one("#reader-brief", Static)
        assert side.region.contains_region(brief.region) or brief.region.y < side.region.bottom


async def test_list_rows_are_cut_with_an_ellipsis_not_wrapped(make_app) -> None:
    """Was: a long title wrapped onto the meta line, dates split as "2" / "025", lone "●"."""
    title = "人工知能の国際協力機構について専門家が議論した長い見出し" * 3
    app = make_app(make_doc("wide", title, "ja", dt.date(2024, 6, 1), "NHK", ["本文。"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        lines = screen_lines(app.library.query_one(DocumentList))
        at = next(i for i, line in enumerate(lines) if "人工知能" in line)
        assert lines[at].rstrip().endswith("…")
        assert lines[at + 1].strip().startswith("NHK · ja · 2024-06-01")


async def test_compare_headers_are_cut_with_an_ellipsis(make_app) -> None:
    title = "Un titre très long sur la coopération internationale en intelligence artificielle"
    app = make_app(make_doc("long-fr", title, "fr", dt.date(2024, 6, 1), "Le Monde", ["Texte."]))
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_ready(pilot)
        await pilot.press("space", "j", "space", "j", "space", "j", "space", "c")
        header = app.screen.query_one("#column-0 #bv-header", Static)
        first = header.render_line(0).text if hasattr(header, "render_line") else ""
        assert first.rstrip().endswith("…")
        assert header.size.height == 2  # title line and meta line, nothing wrapped


async def test_no_match_shows_no_preview(make_app) -> None:
    """Was: with 0 filter matches the preview kept showing the last document."""
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_ready(pilot)
        await pilot.press("slash", *"qqqzzz")
        await pilot.pause()
        assert app.library.query_one(DocumentList).doc_ids == []
        await pilot.pause(PREVIEW_DELAY + 0.1)  # the preview follows once the typing pauses
        preview = app.library.query_one("#preview", BriefView)
        assert preview.has_class("-empty")
        assert not any(child.display for child in preview.children)


async def test_the_footer_fits_60_columns(make_app) -> None:
    """Was: "q Quit" and "? Help" fell off the right edge at 60 columns."""
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await wait_ready(pilot)
        keys = {k.key: k for k in app.screen.query(FooterKey)}
        for key in ("q", "question_mark"):
            assert keys[key].region.right <= 60, key
            assert keys[key].region.width > 0


async def test_rows_stream_in_while_files_are_read(store_path: Path) -> None:
    """The list shows documents as their files are read, before the whole folder is in."""
    release = threading.Event()
    base = fake_pipeline(DOCS)

    def slow_load(paths, progress, arrived=None):  # type: ignore[no-untyped-def]
        arrived(DOCS[:2])
        release.wait(10)
        return base.load(paths, progress, None)

    from dataclasses import replace

    app = BriefingApp([], store=Store(store_path), pipeline=replace(base, load=slow_load))
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: len(app.library.query_one(DocumentList).doc_ids) == 2, 5)
        assert not app.session.loaded
        release.set()
        await wait_ready(pilot)
        assert len(app.library.query_one(DocumentList).doc_ids) == len(DOCS)
    await asyncio.sleep(0)


async def test_resizes_while_loading_keep_the_list_and_the_cursor(store_path: Path) -> None:
    gate = threading.Event()
    app = BriefingApp([], store=Store(store_path), pipeline=fake_pipeline(DOCS, gate=gate))
    async with app.run_test(size=(160, 48)) as pilot:
        await until(pilot, lambda: len(app.library.query_one(DocumentList).doc_ids) == len(DOCS))
        await pilot.press("j", "j")
        for size in ((60, 20), (200, 60), (80, 24), (40, 12), (120, 40)):
            await pilot.resize_terminal(*size)
            await pilot.press("j", "k")
        gate.set()
        await wait_ready(pilot)
        listing = app.library.query_one(DocumentList)
        assert listing.highlighted_doc_id == listing.doc_ids[2]
        assert len(app.session.briefs) == len(DOCS)


async def test_streamed_rows_leave_the_cursor_on_the_first_row(store_path: Path) -> None:
    """Was: the cursor stayed on the first document *read* (an undated one at the bottom), so the
    reader opened scrolled to the end of the list."""
    release = threading.Event()
    base = fake_pipeline(DOCS)
    undated = next(d for d in DOCS if d.date is None)

    def slow_load(paths, progress, arrived=None):  # type: ignore[no-untyped-def]
        arrived([undated])
        release.wait(10)
        return base.load(paths, progress, None)

    from dataclasses import replace

    app = BriefingApp([], store=Store(store_path), pipeline=replace(base, load=slow_load))
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: len(app.library.query_one(DocumentList).doc_ids) == 1, 5)
        release.set()
        await wait_ready(pilot)
        listing = app.library.query_one(DocumentList)
        assert listing.highlighted_doc_id == listing.doc_ids[0] != undated.id
        await pilot.press("j")
        app.library.refresh_list()
        assert listing.highlighted_doc_id == listing.doc_ids[1]  # a user's choice is kept

"""The story view: ``s`` on an article lists its story's reports by date and language."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from briefing.store import Store
from briefing.tui.app import BriefingApp
from briefing.tui.screens.library import LibraryScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.screens.story import ALONE, STILL_READING, StoryScreen
from briefing.tui.widgets.document_list import DocumentList
from tests.tui.fakes import fake_pipeline, wait_ready


def _text(screen: StoryScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def _story_shown(app: BriefingApp, pilot) -> StoryScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, StoryScreen)
    await screen.workers.wait_for_complete()
    await pilot.pause()
    return screen


async def test_s_in_the_reader_shows_the_story_by_date_and_language(
    seed_corpus, tmp_path: Path
) -> None:
    docs = seed_corpus.documents
    ja = next(d.id for d in docs if d.id.startswith("000"))
    app = BriefingApp([], store=Store(tmp_path / "notes.json"), pipeline=fake_pipeline(docs))
    async with app.run_test(size=(140, 50)) as pilot:
        await wait_ready(pilot)
        app.open_reader(ja)
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("s")
        screen = await _story_shown(app, pilot)
        shown = _text(screen, "#story-timeline")
        lines = shown.splitlines()
        first = next(i for i, line in enumerate(lines) if "first report" in line)
        assert "2025-07-26" in lines[first]  # 001, the dated one
        assert "zh-tw" in lines[first]
        placed = [line for line in lines if "≈ 2025-07-26, from its story" in line]
        assert any(" ja " in line for line in placed)  # 000 itself, placed by its story
        assert any(" fr " in line for line in placed)
        assert "adds:" in shown
        assert "a language blindspot" in shown
        assert "Oldest report first" in _text(screen, "#story-status")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)  # back where the user was


async def test_s_in_the_list_opens_the_highlighted_article_story(
    seed_corpus, tmp_path: Path
) -> None:
    docs = seed_corpus.documents
    app = BriefingApp([], store=Store(tmp_path / "notes.json"), pipeline=fake_pipeline(docs))
    async with app.run_test(size=(140, 50)) as pilot:
        await wait_ready(pilot)
        highlighted = app.screen.query_one(DocumentList).highlighted_doc_id
        assert highlighted
        await pilot.press("s")
        screen = await _story_shown(app, pilot)
        assert screen.doc_id == highlighted
        title = app.session.documents[highlighted].title
        assert title[:20] in _text(screen, "#story-header")
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_an_article_nobody_else_reports_says_so(seed_corpus, tmp_path: Path) -> None:
    docs = seed_corpus.documents
    app = BriefingApp([], store=Store(tmp_path / "notes.json"), pipeline=fake_pipeline(docs))
    async with app.run_test(size=(140, 50)) as pilot:
        await wait_ready(pilot)
        index, _ = seed_corpus_stories(docs)
        alone = next(s.lead for s in index.stories if s.size == 1)
        app.open_reader(alone)
        await pilot.pause()
        await pilot.press("s")
        screen = await _story_shown(app, pilot)
        assert ALONE in _text(screen, "#story-status")
        assert _text(screen, "#story-timeline").strip() == ""


async def test_no_story_of_half_a_folder(seed_corpus, tmp_path: Path) -> None:
    docs = seed_corpus.documents
    app = BriefingApp([], store=Store(tmp_path / "notes.json"), pipeline=fake_pipeline(docs))
    async with app.run_test(size=(140, 50)) as pilot:
        await wait_ready(pilot)
        app.session.loaded = False  # as while the files are still being read
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StoryScreen)
        assert STILL_READING in _text(screen, "#story-status")
        assert not screen.workers  # nothing grouped from a partial folder
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_a_story_asked_for_while_reading_is_found_once_the_folder_is_in(
    seed_corpus, tmp_path: Path
) -> None:
    docs = seed_corpus.documents
    app = BriefingApp([], store=Store(tmp_path / "notes.json"), pipeline=fake_pipeline(docs))
    async with app.run_test(size=(140, 50)) as pilot:
        await wait_ready(pilot)
        app.session.loaded = False  # as while the files are still being read
        await pilot.press("s")
        await pilot.pause()
        assert STILL_READING in _text(app.screen, "#story-status")
        app.session.loaded = True  # the load finished: the app says so to every screen
        app.corpus_changed.publish(None)
        screen = await _story_shown(app, pilot)
        assert STILL_READING not in _text(screen, "#story-status")


def seed_corpus_stories(docs):  # type: ignore[no-untyped-def]
    from briefing.library import vectors_for
    from briefing.stories import stories_for

    vectors, problems = vectors_for(docs, jobs=1)
    return stories_for(docs, vectors), problems

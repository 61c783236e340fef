"""The filter line takes the query language: folded words, theme:/lang: with completion, and a
bad query shown in the status without a crash."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from briefing.store import Store
from briefing.tui.app import BriefingApp
from briefing.tui.widgets.document_list import DocumentList
from tests.tui.fakes import fake_pipeline, wait_ready


async def _typed(pilot, app: BriefingApp, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    app.library.query_one("#filter", Input).value = text
    await pilot.pause()
    return sorted(app.library.query_one(DocumentList).doc_ids)


async def test_query_filters_by_theme_folded_words_and_language(store_path: Path) -> None:
    app = BriefingApp([], store=Store(store_path), pipeline=fake_pipeline())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        assert await _typed(pilot, app, "theme:energy") == ["undated", "zh-tw"]
        assert await _typed(pilot, app, "theme:energy lang:zh-tw") == ["zh-tw"]
        assert await _typed(pilot, app, "峰会") == ["zh-cn", "zh-tw"]  # 峰會 folds to 峰会
        assert await _typed(pilot, app, "securite lang:fr") == ["fr"]  # sécurité
        assert await _typed(pilot, app, "lang:zh 东京") == ["zh-cn", "zh-tw"]


async def test_a_bad_query_is_shown_in_the_status_and_the_list_stays(store_path: Path) -> None:
    app = BriefingApp([], store=Store(store_path), pipeline=fake_pipeline())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        kept = await _typed(pilot, app, "lang:fr")
        assert await _typed(pilot, app, "lang:fr since:2024-02-30") == kept
        status = str(app.library.query_one("#status", Static).render())
        assert "since:2024-02-30: not a date" in status
        assert await _typed(pilot, app, "theme:nope") == kept
        assert "unknown theme 'nope'" in str(app.library.query_one("#status", Static).render())
        assert await _typed(pilot, app, "") != kept  # a good query clears the error
        assert "query:" not in str(app.library.query_one("#status", Static).render())


async def test_theme_and_lang_complete_with_right_arrow(store_path: Path) -> None:
    app = BriefingApp([], store=Store(store_path), pipeline=fake_pipeline())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("slash", *"lang:fr theme:en")
        await pilot.pause(0.2)
        await pilot.press("right")
        await pilot.pause()
        box = app.library.query_one("#filter", Input)
        assert box.value == "lang:fr theme:energy"
        await pilot.press("space", *"lang:zh-")
        await pilot.pause(0.2)
        await pilot.press("right")
        assert box.value == "lang:fr theme:energy lang:zh-cn"


async def test_words_typed_before_the_index_is_in_run_when_it_arrives(store_path: Path) -> None:
    """The list is shown before the search index is made (seconds on 10,000 articles); a
    word typed meanwhile says so in the status and filters the list once the index lands."""
    from briefing.query import QueryIndex
    from briefing.tui.messages import SearchIndexed

    app = BriefingApp([], store=Store(store_path), pipeline=fake_pipeline())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        session = app.session
        everything = sorted(app.library.query_one(DocumentList).doc_ids)
        session.indexing, session.search_index = True, QueryIndex(())
        assert await _typed(pilot, app, "峰会") == everything  # not filtered yet, not frozen
        assert "indexing for search" in str(app.library.query_one("#status", Static).render())
        docs = tuple(session.documents.values())
        app.post_message(SearchIndexed(docs, QueryIndex(docs)))
        await pilot.pause()
        assert sorted(app.library.query_one(DocumentList).doc_ids) == ["zh-cn", "zh-tw"]
        assert "indexing" not in str(app.library.query_one("#status", Static).render())

"""Estimated dates in the reader: the undated article of a dated story is listed on its day.

The core's answer is faked (which article joins which story is the stories' tests' business);
what is tested is what the reader does with it once the briefs are in: the row, the brief
header and the day grouping say ``≈ DATE, from its story``, and nothing else moves.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from textual.widgets import Static

from briefing.store import Store
from briefing.tui.app import BriefingApp
from briefing.tui.widgets.document_list import DocumentList
from tests.tui.fakes import DOCS, fake_pipeline, wait_ready

DAY = dt.date(2024, 5, 2)


def _app(store_path: Path, asked: list[int]) -> BriefingApp:
    undated = [d.id for d in DOCS if d.date is None]

    def estimate_dates(docs, should_stop):  # the core: this folder's one undated article placed
        asked.append(len(docs))
        return {doc_id: DAY for doc_id in undated}, ()

    pipeline = dataclasses.replace(fake_pipeline(), estimate_dates=estimate_dates)
    return BriefingApp([], store=Store(store_path), pipeline=pipeline)


def _text(widget: Static) -> str:
    return str(widget.render())


async def test_undated_article_is_listed_on_its_storys_day_as_an_estimate(store_path) -> None:
    asked: list[int] = []
    app = _app(store_path, asked)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert asked == [len(DOCS)]  # once, after the briefs, on the whole folder
        listed = app.library.query_one(DocumentList)
        assert all("Undated" not in h for h in listed.headings)
        assert any(h.startswith(DAY.isoformat()) for h in listed.headings)
        row = next(
            str(listed.item_prompt(i))
            for i in range(len(listed.headings) + len(listed.doc_ids))
            if "Grid operators" in str(listed.item_prompt(i))
        )
        assert f"≈ {DAY.isoformat()}, from its story" in row
        listed.highlight_doc("undated")
        await pilot.pause()
        header = _text(app.library.query_one("#bv-header", Static))
        assert f"≈ {DAY.isoformat()}, from its story" in header


async def test_dated_articles_keep_their_own_dates(store_path) -> None:
    app = _app(store_path, [])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        for doc in DOCS:
            shown = app.session.documents[doc.id]
            assert shown.date_estimated == (doc.date is None)
            if doc.date is not None:
                assert shown.date == doc.date

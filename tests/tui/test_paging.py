"""A big folder: the list draws only what is on screen, and nothing is out of reach."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from textual.widgets import Input

from briefing.store import Store
from briefing.tui.app import BriefingApp
from briefing.tui.widgets import document_list
from briefing.tui.widgets.document_list import DocumentList
from tests.tui.fakes import fake_pipeline, make_doc, wait_ready

N = 3000
DOCS = tuple(
    make_doc(f"d{n:04d}", f"Article {n:04d}", "en", dt.date(2025, 1, 1) + dt.timedelta(days=n),
             "Wire", [f"Body of article {n:04d}. It has two sentences."], ["ai"])
    for n in range(N)
)  # fmt: skip


async def test_a_long_list_renders_only_the_rows_on_screen(store_path: Path, monkeypatch) -> None:
    drawn: list[str] = []
    real = document_list.render_row

    def counting(row: document_list.Row):  # type: ignore[no-untyped-def]
        drawn.append(row.doc.id)
        return real(row)

    monkeypatch.setattr(document_list, "render_row", counting)
    app = BriefingApp([], store=Store(store_path), pipeline=fake_pipeline(DOCS))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        listing = app.library.query_one(DocumentList)
        assert len(listing.doc_ids) == N  # every document is in the list…
        await pilot.pause()
        assert 0 < len(set(drawn)) < 100  # …but only a screenful was ever drawn
        drawn.clear()
        listing.focus()
        await pilot.press("end")  # one key reaches the oldest article, thousands of rows down
        await pilot.pause()
        assert listing.highlighted_doc_id == "d0000"
        assert "d0000" in drawn
        assert len(set(drawn)) < 100
        lines = [listing.render_line(y).text for y in range(listing.size.height)]
        assert any("Article 0000" in line for line in lines)
        await pilot.press("home")
        await pilot.pause()
        assert listing.highlighted_doc_id == f"d{N - 1:04d}"


async def test_page_keys_move_a_screenful(store_path: Path) -> None:
    app = BriefingApp([], store=Store(store_path), pipeline=fake_pipeline(DOCS[:100]))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        listing = app.library.query_one(DocumentList)
        listing.focus()
        order = listing.doc_ids
        await pilot.press("pagedown")
        await pilot.pause()
        moved = order.index(listing.highlighted_doc_id or "")
        # one article a day: a heading and a row, four lines each; a page is about a screenful
        assert abs(moved * 4 - listing.size.height) <= 4
        await pilot.press("pageup")
        await pilot.pause()
        assert listing.highlighted_doc_id == order[0]


async def test_filter_finds_documents_anywhere_in_the_list(store_path: Path) -> None:
    app = BriefingApp([], store=Store(store_path), pipeline=fake_pipeline(DOCS))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        app.library.query_one("#filter", Input).value = "Article 0003"
        await pilot.pause()
        listing = app.library.query_one(DocumentList)
        assert listing.doc_ids == ["d0003"]
        assert listing.highlighted_doc_id == "d0003"


async def test_narrowing_then_widening_the_filter_gives_the_right_documents(
    store_path: Path,
) -> None:
    app = BriefingApp([], store=Store(store_path), pipeline=fake_pipeline(DOCS[:500]))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        box = app.library.query_one("#filter", Input)
        listing = app.library.query_one(DocumentList)
        for query in ("Article 01", "Article 012", "Article 0123", "Article 01", "article 01 body"):
            box.value = query
            await pilot.pause()
            words = query.casefold().split()  # whole words: "01" is not in "0123"
            expected = {
                d.id
                for d in DOCS[:500]
                if all(
                    w in re.findall(r"\w+", f"{d.title}\n{d.source}\n{d.text}".casefold())
                    for w in words
                )
            }
            assert set(listing.doc_ids) == expected, query

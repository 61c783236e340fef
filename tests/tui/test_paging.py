"""A big folder: the list gives options to a page of rows at a time, and nothing is out of reach."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from textual.widgets import Input

from briefing.store import Store
from briefing.tui.app import BriefingApp
from briefing.tui.widgets.document_list import PAGE, DocumentList
from tests.tui.fakes import fake_pipeline, make_doc, wait_ready

N = 2 * PAGE + 50
DOCS = tuple(
    make_doc(f"d{n:04d}", f"Article {n:04d}", "en", dt.date(2025, 1, 1) + dt.timedelta(days=n),
             "Wire", [f"Body of article {n:04d}. It has two sentences."], ["ai"])
    for n in range(N)
)  # fmt: skip


async def test_a_long_list_shows_a_page_then_the_rest_as_the_cursor_moves(store_path: Path) -> None:
    app = BriefingApp([], store=Store(store_path), pipeline=fake_pipeline(DOCS))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(pilot)
        listing = app.library.query_one(DocumentList)
        assert len(listing.doc_ids) == N  # every document is in the list…
        assert listing.option_count < N  # …but only a page has options yet
        more = str(listing.get_option_at_index(listing.option_count - 1).prompt)
        left = int(re.search(r"([\d,]+) more below", more)[1].replace(",", ""))
        assert 0 < left < N
        listing.focus()
        for _ in range(20):  # each "end" reaches the end of what is shown, which then grows
            await pilot.press("end")
            await pilot.pause()
            if listing.highlighted_doc_id == "d0000":
                break
        # the newest is first; the last row reached by the cursor is the oldest article
        assert listing.highlighted_doc_id == "d0000"
        assert "more below" not in str(listing.get_option_at_index(listing.option_count - 1).prompt)


async def test_filter_finds_documents_beyond_the_first_page(store_path: Path) -> None:
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
    app = BriefingApp([], store=Store(store_path), pipeline=fake_pipeline(DOCS))
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
                for d in DOCS
                if all(
                    w in re.findall(r"\w+", f"{d.title}\n{d.source}\n{d.text}".casefold())
                    for w in words
                )
            }
            assert set(listing.doc_ids) == expected, query

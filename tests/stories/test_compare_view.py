"""The reader's compare view lines up what the marked articles share, across languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Static

from briefing.store import Store
from briefing.tui.app import BriefingApp
from briefing.tui.screens.compare import CompareScreen
from briefing.tui.widgets.aligned_view import AlignedView
from tests.tui.fakes import HOSTILE, HOSTILE_SHOWN, fake_pipeline, make_doc, wait_ready


def text_of(widget: Static) -> str:
    return str(widget.render())


async def compare(app: BriefingApp, pilot, *doc_ids: str) -> AlignedView:  # type: ignore[no-untyped-def]
    await wait_ready(pilot)
    for doc_id in doc_ids:
        app.toggle_mark(doc_id)
    app.open_compare()
    await pilot.pause()
    assert isinstance(app.screen, CompareScreen)
    await app.screen.workers.wait_for_complete()
    await pilot.pause()
    return app.screen.query_one(AlignedView)


async def test_seed_reports_line_up_under_the_columns(seed_corpus, tmp_path: Path) -> None:
    docs = seed_corpus.documents
    ja = next(d.id for d in docs if d.id.startswith("000"))
    fr = next(d.id for d in docs if d.id.startswith("003"))
    app = BriefingApp([], store=Store(tmp_path / "notes.json"), pipeline=fake_pipeline(docs))
    async with app.run_test(size=(160, 48)) as pilot:
        view = await compare(app, pilot, ja, fr)
        assert not view.has_class("-empty")
        shown = text_of(view.query_one("#aligned-rows", Static))
        assert "same story" in shown
        assert "▸ Li Qiang / 李強" in shown
        assert "ja · cgtn.com  中国の李強首相は" in shown
        assert "fr · Xinhua  Le premier ministre chinois Li Qiang a déclaré samedi" in shown
        assert "Only one outlet reports" in shown
        assert view.region.y > app.screen.query_one("#column-0").region.y


async def test_unrelated_articles_show_no_rows(seed_corpus, tmp_path: Path) -> None:
    docs = seed_corpus.documents
    a = next(d.id for d in docs if d.id.endswith("#2"))
    b = next(d.id for d in docs if d.id.endswith("#9"))
    app = BriefingApp([], store=Store(tmp_path / "notes.json"), pipeline=fake_pipeline(docs))
    async with app.run_test(size=(120, 40)) as pilot:
        view = await compare(app, pilot, a, b)
        assert view.has_class("-empty")
        assert view.region.height == 0


async def test_shared_facts_in_hostile_text_stay_literal(tmp_path: Path) -> None:
    lede = f"{HOSTILE} Premier Li Qiang spoke in Shanghai before more than 1,000 people."
    docs = [
        make_doc(name, f"Title {name}", "en", dt.date(2025, 7, 26), f"Src {HOSTILE}", [lede, "x."])
        for name in ("one", "two")
    ]
    docs.append(
        make_doc(
            "zh",
            "李强在上海",
            "zh-cn",
            dt.date(2025, 7, 26),
            "C",
            ["国务院总理李强在上海出席大会，1000多人参加。"],
        )
    )
    app = BriefingApp([], store=Store(tmp_path / "notes.json"), pipeline=fake_pipeline(docs))
    async with app.run_test(size=(120, 40)) as pilot:
        view = await compare(app, pilot, "one", "zh")
        shown = text_of(view.query_one("#aligned-rows", Static))
        assert HOSTILE_SHOWN in shown
        assert "\x1b" not in shown
        assert "国务院总理李强在上海出席大会" in shown
        assert isinstance(app.screen, CompareScreen)  # [@click=app.quit] did nothing

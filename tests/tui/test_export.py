"""``ctrl+e`` writes what ``briefing export`` writes: the briefs, then the stories section,
summarizing itself what the list has not briefed yet."""

from __future__ import annotations

import threading
from pathlib import Path

from briefing.library import open_library
from briefing.model import Brief
from briefing.render.markdown import render_markdown
from briefing.selection import select
from briefing.store import Store
from briefing.tui.app import BriefingApp
from briefing.tui.pipeline import Pipeline
from tests.tui.fakes import fake_pipeline, wait_ready


def _stories_section(text: str) -> str:
    return text[text.index("\n## Stories\n") :]


async def test_ctrl_e_export_has_the_stories_section_of_briefing_export(store_path: Path) -> None:
    lib = open_library()  # the seeds: one event in four languages
    docs = lib.documents
    app = BriefingApp([], store=Store(store_path), pipeline=fake_pipeline(docs))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_ready(pilot)
        await pilot.press("ctrl+e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        done = [str(n.message) for n in app._notifications if "Exported" in str(n.message)]
        assert done, [str(n.message) for n in app._notifications]
        path = Path(done[0].split(" to ", 1)[1])
        text = path.read_text(encoding="utf-8")
    briefs = app.session.briefs
    cli = render_markdown(
        select(docs, all_dates=True),
        lib.themes,
        lambda d: briefs.get(d.id) or Brief(d.id, (), (), "none"),
        lambda _d: "",
        "seeds",
        stories=lib.stories(docs)[0],
    )
    assert "\n## Stories\n" in cli  # the seeds do tell a story in several languages
    assert text.index("\n## Stories\n") > text.index("\n### ")  # after the briefs
    assert _stories_section(text) == _stories_section(cli)


async def test_an_export_before_the_briefs_are_in_summarizes_what_it_needs(
    store_path: Path,
) -> None:
    lib = open_library()
    docs = lib.documents
    gate, calls = threading.Event(), []
    listed = fake_pipeline(docs)

    def summarize_many(found, progress, should_stop, on_brief, on_cached):  # type: ignore[no-untyped-def]
        calls.append(len(found))
        if len(calls) == 1:  # the list's own run: held until the export is written
            gate.wait(10)
        return listed.summarize_many(found, progress, should_stop, on_brief, on_cached)

    app = BriefingApp([], store=Store(store_path), pipeline=Pipeline(listed.load, summarize_many))
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        for _ in range(500):
            await pilot.pause(0.01)
            if calls:
                break
        assert not app.session.briefs
        await pilot.press("ctrl+e")
        for _ in range(1000):
            await pilot.pause(0.01)
            if any("Export" in str(n.message) for n in app._notifications):
                break
        gate.set()
        said = [str(n.message) for n in app._notifications]
        done = [m for m in said if "Exported" in m]
        assert done, said
        text = Path(done[0].split(" to ", 1)[1]).read_text(encoding="utf-8")
    assert calls[1:] == [len(docs)]  # the export asked for every brief itself
    assert text.count("**Brief.** ") == len(docs)  # none exported without its brief

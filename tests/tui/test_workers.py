"""The reader's workers: few enough progress reports that 10,000 cached briefs do not flood
the app, and the first search index built after the cached briefs are listed, not beside them."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Static

from briefing.store import Store
from briefing.tui import workers
from briefing.tui.app import BriefingApp
from briefing.tui.pipeline import Pipeline
from briefing.tui.workers import throttled
from tests.tui.fakes import DOCS, fake_brief, fake_pipeline


def test_progress_is_reported_at_the_start_the_end_and_a_few_times_between() -> None:
    seen: list[tuple[int, int]] = []
    report = throttled(lambda done, total: seen.append((done, total)), every=60.0)
    for done in range(10_001):
        report(done, 10_000)
    assert seen == [(0, 10_000), (10_000, 10_000)]


def test_a_slow_step_is_reported_as_it_happens() -> None:
    seen: list[int] = []
    report = throttled(lambda done, total: seen.append(done), every=0.0)
    for done in range(1, 5):
        report(done, 10)
    assert seen == [1, 2, 3, 4]


def _gated_pipeline(gate: threading.Event, *, reports_cached: bool) -> Pipeline:
    """The fake pipeline, with a summarizer that hands over every brief as cached once ``gate``
    opens (``reports_cached``: and then says so, as the real one does)."""
    real = fake_pipeline(DOCS)

    def summarize_many(found, progress, should_stop, on_brief, on_cached):  # type: ignore[no-untyped-def]
        gate.wait(10)
        for doc in found:
            on_brief(fake_brief(doc))
        if reports_cached:
            on_cached()
        progress(len(found), len(found))
        return ()

    return Pipeline(real.load, summarize_many)


async def _until(pilot: object, condition: Callable[[], bool], seconds: float = 5.0) -> bool:
    for _ in range(int(seconds / 0.02)):
        if condition():
            return True
        await pilot.pause(0.02)  # type: ignore[attr-defined]
    return condition()


async def test_the_first_search_index_waits_until_the_cached_briefs_are_listed(
    store_path: Path,
) -> None:
    gate = threading.Event()
    app = BriefingApp([], store=Store(store_path),
                      pipeline=_gated_pipeline(gate, reports_cached=True))  # fmt: skip
    async with app.run_test(size=(120, 40)) as pilot:
        assert await _until(pilot, lambda: app.session.loaded)
        await pilot.pause(0.5)
        assert app.session.indexing  # the briefs come first: the index has not been built
        gate.set()
        assert await _until(pilot, lambda: not app.session.indexing)
        assert len(app.session.briefs) == len(DOCS)
        assert "indexing" not in str(app.library.query_one("#status", Static).render())


async def test_a_summarizer_that_never_reports_delays_the_index_a_bounded_time(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workers, "INDEX_WAIT_SECONDS", 0.3)
    gate = threading.Event()
    app = BriefingApp([], store=Store(store_path),
                      pipeline=_gated_pipeline(gate, reports_cached=False))  # fmt: skip
    async with app.run_test(size=(120, 40)) as pilot:
        assert await _until(pilot, lambda: app.session.loaded)
        assert await _until(pilot, lambda: not app.session.indexing, seconds=3.0)
        assert not app.session.briefs  # the summarizer is still blocked: the index did not wait
        gate.set()
        assert await _until(pilot, lambda: len(app.session.briefs) == len(DOCS))

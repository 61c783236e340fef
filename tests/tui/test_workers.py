"""Progress from a worker: few enough reports that 10,000 cached briefs do not flood the app."""

from __future__ import annotations

from briefing.tui.workers import throttled


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

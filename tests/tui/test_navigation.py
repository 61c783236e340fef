"""Where J/K and n/p lead, on the list's own order."""

from __future__ import annotations

from briefing.tui.navigation import next_unread, step

ORDER = ["a", "b", "c", "d"]


def test_step_stops_at_the_ends() -> None:
    assert step(ORDER, "b", 1) == "c"
    assert step(ORDER, "a", -1) is None
    assert step(ORDER, "d", 1) is None
    assert step(ORDER, "gone", 1) == "a"  # an article the filter hides: start from the top


def test_next_unread_wraps_once_and_skips_the_current() -> None:
    read = {"b", "c"}
    assert next_unread(ORDER, "a", read.__contains__) == "d"
    assert next_unread(ORDER, "d", read.__contains__) == "a"  # wraps around
    assert next_unread(ORDER, "a", read.__contains__, -1) == "d"
    assert next_unread(ORDER, "a", lambda i: i != "a") is None  # only the current is unread

"""The story view in the installed reader, in a real pty, on the field folder with a cold cache."""

from __future__ import annotations

import re
from pathlib import Path

from tests.e2e.terminal import Terminal
from tests.e2e.test_reader_pty import FIELD, ROW, needs_field

ALONE = "No other article in this folder reports this event"


def story_settled(text: str) -> bool:
    return "Oldest report first" in text or ALONE in text


@needs_field
def test_s_shows_the_story_while_the_folder_is_still_summarized(tmp_path: Path) -> None:
    """Cold: vectors of 1,298 articles are made in a worker with a progress line, while the
    briefs are still being made; the timeline then lists reports with their role; q is back."""
    term = Terminal(["open", str(FIELD)], tmp_path / "home", cols=160, rows=48)
    try:
        term.wait_for(ROW, 120)
        term.wait_for(
            lambda t: "Reading files" not in t, 300
        )  # s may come before indexing ends: the view waits
        term.send("s")
        busy = term.wait_for(lambda t: "Finding the story" in t or story_settled(t), 60)
        assert "Story of:" in busy
        shown = term.wait_for(story_settled, 600)
        if "Oldest report first" in shown:
            roles = re.findall(r"(first report|followed, \+\d+ d|undated)", shown)
            assert len(roles) >= 2  # at least two reports of the one event
        term.send("q")
        term.wait_for(lambda t: "Story of:" not in t and re.search(ROW, t) is not None, 30)
        term.send("q")
        assert term.exit_status() == 0
        assert b"Traceback" not in term.raw
    finally:
        term.close()

"""The query line and the wrapped daily brief, as a user meets them: the installed ``briefing``
in a real pty on the field folder (../shared/field), with an empty BRIEFING_HOME."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.text.width import display_width
from tests.conftest import REPO
from tests.e2e.terminal import Terminal

FIELD = REPO.parent / "shared" / "field"
needs_field = pytest.mark.skipif(not FIELD.is_dir(), reason="needs ../shared/field")


def counts(text: str) -> tuple[int, int] | None:
    found = re.search(r"\b(\d+)/(\d+) · by", text)
    return (int(found.group(1)), int(found.group(2))) if found else None


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@needs_field
def test_the_query_line_on_the_field_folder(home: Path) -> None:
    term = Terminal(["open", str(FIELD)], home, cols=160, rows=48)
    try:
        listed = term.wait_for(lambda t: (c := counts(t)) is not None and c[0] == c[1] > 1200, 300)
        total = counts(listed)[1]  # type: ignore[index]
        term.send("/theme:intern")
        term.wait_for("theme:international-cooperation", 30)  # offered, dimmed
        term.send("\x1b[C")  # right arrow accepts the completion: no "unknown theme 'intern'"
        term.wait_for(lambda t: "theme:international-cooperation" in t and "query:" not in t, 30)
        term.send("\x1b")  # clear the filter
        term.pump(0.5)
        term.send("/lang:fr elysee")
        term.wait_for("lang:fr elysee", 30)
        term.pump(1.0)
        french_elysee = counts(term.text)
        assert french_elysee is not None
        assert 0 < french_elysee[0] < total
        assert re.search("(?i)élysée", term.text)  # the folded word finds the accented one
        term.send(" since:2025-99-01")
        term.wait_for("query: since:2025-99-01: not a date", 30)
        term.send("\x7f" * len(" since:2025-99-01"))
        term.wait_for(lambda t: "query:" not in t and (c := counts(t)) is not None and c[0] > 0, 30)
        term.send("\r")  # back to the list, then open the first match
        term.pump(1.0)
        term.send("\r")
        term.wait_for("Find in text", 30)  # the reader's footer
        term.send("/LE")  # a French article's commonest word, in any case
        term.wait_for(r"find: 1/\d+", 30)
        term.send("\x1b")
        term.pump(0.3)
        term.send("q")
        term.wait_for(lambda t: counts(t) is not None, 30)
        term.send("q")
        assert term.exit_status() == 0
        assert b"Traceback" not in term.raw
    finally:
        term.close()


@needs_field
def test_daily_on_a_terminal_wraps_to_its_width(home: Path) -> None:
    term = Terminal(["daily", str(FIELD)], home, cols=72, rows=48)
    try:
        assert term.exit_status(600) in (0, 3)  # 3: some field files are skipped, by design
    finally:
        term.close()
    text = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07", b"", bytes(term.raw)).decode()
    lines = [ln for ln in text.replace("\r", "").split("\n") if ln.strip()]
    body = [ln for ln in lines if not ln.startswith(("briefing:", "Reading", "Summarizing"))]
    assert len(body) > 5
    assert max(display_width(ln) for ln in body) <= 72

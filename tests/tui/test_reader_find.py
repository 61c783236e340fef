"""Find inside the open article: every match highlighted as spans (never markup), enter and
shift+enter step through them, escape closes the line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Static

from briefing.store import Store
from briefing.tui.app import BriefingApp
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.find_bar import FindBar
from tests.tui.fakes import fake_pipeline, make_doc, wait_ready

DOC = make_doc(
    "hostile", "Élysée [bold]talks[/bold]", "fr", dt.date(2025, 7, 22), "Le Journal",
    ["Macron reçoit à l'Élysée. [red]ELYSEE[/red] et [@click=app.quit]x[/]",
     "Rien ici.", "Retour à l’élysée le soir."],
)  # fmt: skip


def styled(widget: Static) -> list[tuple[str, str]]:
    content = widget.render()
    plain = str(content)
    return [(plain[s.start : s.end], str(s.style)) for s in content.spans]  # type: ignore[attr-defined]


async def test_find_highlights_every_match_and_steps_through_them(store_path: Path) -> None:
    app = BriefingApp([], store=Store(store_path), pipeline=fake_pipeline((DOC,)))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_ready(pilot)
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await pilot.press("slash", *"elysee")
        await pilot.pause()
        assert isinstance(app.focused, FindBar)
        assert screen.match_count == 3
        first = styled(screen.query_one("#p-0", Static))
        assert [text for text, _ in first] == ["Élysée", "ELYSEE"]
        assert "accent" in first[0][1]  # the current match has its own style
        assert "[red]ELYSEE[/red]" in str(screen.query_one("#p-0", Static).render())  # literal
        assert screen.sub_title == "find: 1/3"
        await pilot.press("enter", "enter")
        assert screen.sub_title == "find: 3/3"
        assert "accent" in styled(screen.query_one("#p-2", Static))[0][1]
        await pilot.press("shift+enter")
        assert screen.sub_title == "find: 2/3"
        await pilot.press("enter", "enter")  # wraps round
        assert screen.sub_title == "find: 1/3"
        await pilot.press("escape")
        assert screen.match_count == 0
        assert styled(screen.query_one("#p-0", Static)) == []
        assert isinstance(app.screen, ReaderScreen)  # escape closed the find line, not the reader
        await pilot.press("slash", *"since:x")
        await pilot.pause()
        assert "not a date" in screen.sub_title  # shown, not raised

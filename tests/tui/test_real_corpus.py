"""The app on the bundled seeds with the real loader, themes and summarizer: the wiring holds."""

from __future__ import annotations

from pathlib import Path

from briefing.paths import bundled_seeds
from briefing.store import Store
from briefing.tui.app import BriefingApp
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.document_list import DocumentList
from tests.tui.fakes import wait_ready


async def test_bundled_seeds_load_summarize_and_open(tmp_path: Path) -> None:
    app = BriefingApp([bundled_seeds()], store=Store(tmp_path / "notes.json"))
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await wait_ready(pilot)
        listed = app.library.query_one(DocumentList)
        assert len(listed.doc_ids) == len(app.session.documents) >= 5
        assert {"ja", "fr"} <= set(app.session.languages)
        assert len(app.session.briefs) == len(app.session.documents)
        assert not [n for n in app._notifications if n.severity == "error"]
        await pilot.press("v")
        assert listed.headings  # theme headings
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        assert app.session.briefs[app.screen.doc_id].sentences

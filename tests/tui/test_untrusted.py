"""Article text, titles, sources, notes and theme labels are untrusted: shown, never obeyed.

One hostile document carries Textual markup (``[bold]``, ``[@click=app.quit]``), an OSC 8
hyperlink and a CSI colour in every field; it goes through every view, and each must show the
markup literally, drop the escape codes, and keep the app running.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace

from textual.app import App

from briefing.model import Term, Theme
from briefing.tui.screens.compare import CompareScreen
from briefing.tui.screens.note import NoteScreen
from briefing.tui.screens.reader import ReaderScreen
from tests.tui import fakes
from tests.tui.fakes import HOSTILE, HOSTILE_SHOWN, wait_ready

TEXT_RUN = re.compile(r"<text[^>]*>(.*?)</text>", re.S)


def screen_text(app: App) -> str:
    """Everything the terminal would show, as one string (from the screenshot SVG)."""
    svg = app.export_screenshot()
    runs = (html.unescape(run) for run in TEXT_RUN.findall(svg))
    return "".join(runs).replace("\xa0", " ")


def assert_inert(app: App, *expected: str) -> None:
    text = screen_text(app)
    for part in expected:
        assert part in text, part
    assert "evil" not in text  # the OSC 8 target never reaches the screen
    assert "\x1b" not in text
    assert app.is_running


async def test_hostile_fields_show_literally_in_every_view(make_app, hostile, monkeypatch) -> None:
    hostile_theme = Theme("ai", {"en": f"Theme {HOSTILE}"}, {"en": (Term("AI"),)})
    monkeypatch.setattr(fakes, "THEMES", (hostile_theme, fakes.THEMES[1]))
    app = make_app(hostile)
    async with app.run_test(size=(200, 60)) as pilot:
        await wait_ready(pilot)
        doc = app.session.documents["hostile"]
        app.session.store.set_note(doc, f"Note {HOSTILE}")
        app.document_changed.publish("hostile")
        await pilot.pause()

        # list row + preview: title, source, brief, key point, theme label, note
        assert_inert(
            app,
            f"Title {HOSTILE_SHOWN}",
            f"Src {HOSTILE_SHOWN}",
            f"Para {HOSTILE_SHOWN}",
            f"Theme {HOSTILE_SHOWN}",
            f"Note {HOSTILE_SHOWN}",  # the preview
            "✎ Note [bold]x[/bold]",  # the row (wrapped at this width)
        )

        # theme grouping: the label is a heading now
        await pilot.press("v")
        assert_inert(app, f"Theme {HOSTILE_SHOWN}")
        await pilot.press("v")

        # clicking the title (where a live [@click=app.quit] would sit) opens it, nothing else
        await pilot.click("#documents", offset=(12, 1))
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert_inert(
            app, f"Title {HOSTILE_SHOWN}", f"Para {HOSTILE_SHOWN}", f"Note {HOSTILE_SHOWN}"
        )
        await pilot.click("#reader-header", offset=(12, 0))
        await pilot.click("#p-0", offset=(10, 0))
        assert app.is_running

        # note editor: the title in its heading, the note in the text area
        await pilot.press("w")
        assert isinstance(app.screen, NoteScreen)
        assert_inert(app, f"Note on Title {HOSTILE_SHOWN}", f"Note {HOSTILE_SHOWN}")
        await pilot.press("escape", "escape")

        # compare columns
        await pilot.press("space", "j", "space", "c")
        assert isinstance(app.screen, CompareScreen)
        assert_inert(app, f"Title {HOSTILE_SHOWN}", f"Src {HOSTILE_SHOWN}", f"Para {HOSTILE_SHOWN}")
        await pilot.click("#column-0", offset=(10, 0))
        assert app.is_running


async def test_hostile_problem_messages_are_not_markup(hostile, store_path) -> None:
    from briefing.model import Problem
    from briefing.store import Store
    from briefing.tui.app import BriefingApp

    bad = Problem(f"/corpus/{HOSTILE}.txt", f"unreadable {HOSTILE}")
    app = BriefingApp(
        [],
        store=Store(store_path),
        pipeline=fakes.fake_pipeline((replace(hostile, id="h2"),), problems=[bad]),
    )
    async with app.run_test(size=(200, 40), notifications=True) as pilot:
        await wait_ready(pilot)
        await pilot.pause(0.3)  # let the toasts render
        [message] = [n.message for n in app._notifications if "unreadable" in n.message]
        assert f"unreadable {HOSTILE_SHOWN}" in message
        assert_inert(app, "unreadable [bold]x[/bold]")


async def test_file_name_fuzz_reaches_no_terminal_live_in_the_tui(tmp_path) -> None:
    """Every byte in file names, through the real loader: rows, reader, note editor, and the
    problem toast that names a bad file."""
    import os

    from briefing.store import Store
    from briefing.tui.app import BriefingApp
    from tests.hardening.test_file_names import LIVE, _fuzz_names, make_folder

    folder = make_folder(tmp_path, _fuzz_names())
    bad = os.path.join(os.fsencode(folder), b"bad\x1b]52;c;ZXZpbA==\x07\xff\n.json")
    with open(bad, "wb") as handle:
        handle.write(b'{"title": ')
    app = BriefingApp([folder], store=Store(tmp_path / "notes.json"))
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await wait_ready(pilot)
        assert len(app.session.documents) == len(_fuzz_names())
        await pilot.pause(0.3)  # let the toasts render
        [message] = [n.message for n in app._notifications if "bad" in n.message]
        assert "bad\\x1b]52;c;ZXZpbA==\\x07\\xff\\n.json" in message
        views = [screen_text(app)]
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        views.append(screen_text(app))
        await pilot.press("w")
        assert isinstance(app.screen, NoteScreen)
        views.append(screen_text(app))
        await pilot.press("escape")
        for text in views:
            assert not LIVE.search(text), repr(LIVE.search(text))
            assert not re.search(r"[\ud800-\udfff]", text)
        assert app.is_running

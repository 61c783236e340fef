"""Snapshots of the main screens at 80x24 (the smallest terminal we promise) and 160x48.

Everything that moves is frozen: the fake pipeline makes the same briefs every run, the store
lives in a temp dir, cursors do not blink in a headless app, and each shot waits until loading
is finished so no progress bar is caught mid-way. Review the SVGs before ``--snapshot-update``.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from briefing.tui.app import BriefingApp
from tests.tui.fakes import wait_ready

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]


async def annotate(pilot: Pilot) -> None:
    """A realistic state: the corpus loaded, one document read, one with a note."""
    await wait_ready(pilot)
    app = pilot.app
    assert isinstance(app, BriefingApp)
    app.session.store.set_read(app.session.documents["zh-cn"], True)
    app.session.store.set_note(
        app.session.documents["fr"], "Le Monde says 40 delegations; NHK says 38"
    )
    for doc_id in ("zh-cn", "fr"):
        app.document_changed.publish(doc_id)
    await pilot.pause()


async def by_theme(pilot: Pilot) -> None:
    await annotate(pilot)
    app = pilot.app
    assert isinstance(app, BriefingApp)
    app.library.grouping = "theme"
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_library(snap_compare, make_app, hostile, size) -> None:
    assert snap_compare(make_app(hostile), terminal_size=size, run_before=annotate)


@pytest.mark.parametrize("size", SIZES)
def test_library_by_theme(snap_compare, make_app, size) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=by_theme)


@pytest.mark.parametrize("size", SIZES)
def test_reader_after_a_key_point_jump(snap_compare, make_app, size) -> None:
    press = ["j", "j", "enter", "down", "enter"]  # fr: jump to its second paragraph
    assert snap_compare(make_app(), press=press, terminal_size=size, run_before=annotate)


@pytest.mark.parametrize("size", SIZES)
def test_compare_three(snap_compare, make_app, size) -> None:
    press = ["space", "j", "space", "j", "space", "c"]  # ja, zh-cn, fr
    assert snap_compare(make_app(), press=press, terminal_size=size, run_before=annotate)


def test_note_editor(snap_compare, make_app) -> None:
    press = ["j", "j", "w"]
    assert snap_compare(make_app(), press=press, terminal_size=(80, 24), run_before=annotate)


def test_help(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), press=["?"], terminal_size=(80, 24), run_before=annotate)


def test_light_theme(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), press=["a"], terminal_size=(80, 24), run_before=annotate)

"""Fixtures for the TUI tests: the user's files in a temp dir, a fake corpus, a ready app."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.store import Store
from briefing.tui.app import BriefingApp
from tests.tui.fakes import DOCS, fake_pipeline, hostile_doc


@pytest.fixture(autouse=True)
def _colour(monkeypatch: pytest.MonkeyPatch) -> None:
    """Snapshots show what a user sees, in colour.

    The top-level conftest sets NO_COLOR for the CLI tests and Textual would honour it;
    BRIEFING_HOME is already a temp dir there.
    """
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "notes.json"


@pytest.fixture
def make_app(store_path: Path):
    """Build an app over the fake corpus (plus any extra docs) with a store at ``store_path``."""

    def build(*extra, docs=DOCS, **kwargs) -> BriefingApp:
        return BriefingApp(
            [], store=Store(store_path), pipeline=fake_pipeline((*docs, *extra), **kwargs)
        )

    return build


@pytest.fixture
def hostile():
    return hostile_doc()

"""The progress line under the list while the corpus loads and the briefs are made.

Like toolong's scan progress bar: the worker posts counts, the app forwards them here, and the
line hides itself when the last stage is done, so the list is usable the whole time.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label, ProgressBar


class LoadProgress(Horizontal):
    """``Loading 3/14 ━━━━━━━━`` then ``Summarizing 9/14 ━━━━``; hidden once finished."""

    DEFAULT_CSS = """
    LoadProgress {
        height: 1;
        & > Label { width: auto; padding: 0 1; }
        & > ProgressBar { width: 1fr; }
        &.-finished { display: none; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Label("Starting…", id="stage")
        yield ProgressBar(show_eta=False, id="bar")

    def update_stage(self, stage: str, done: int, total: int) -> None:
        self.remove_class("-finished")
        self.query_one("#stage", Label).update(Content(f"{stage} {done}/{total}"))
        self.query_one("#bar", ProgressBar).update(total=max(total, 1), progress=done)

    def finish(self) -> None:
        self.add_class("-finished")

"""The footer every screen shows, tightened on narrow terminals so every key stays visible."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

COMPACT_BELOW = 70
"""Columns under which the keys lose their padding: the list's eight keys take 68 columns with
it, and at 60 "q Quit" (the way out) and "? Help" would fall off the edge."""


class CompactFooter(Footer):
    """Textual's footer, compact under :data:`COMPACT_BELOW` columns."""

    def on_resize(self, event: events.Resize) -> None:
        self.compact = event.size.width < COMPACT_BELOW

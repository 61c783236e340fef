"""The footer every screen shows, tightened on narrow terminals so every key stays visible."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

COMPACT_BELOW = 100
"""Columns under which the keys lose their padding: at 60 columns the list's nine keys fit only
without it (and "q Quit", the way out, is the last one)."""


class CompactFooter(Footer):
    """Textual's footer, compact under :data:`COMPACT_BELOW` columns."""

    def on_resize(self, event: events.Resize) -> None:
        self.compact = event.size.width < COMPACT_BELOW

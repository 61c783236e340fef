"""An ``Input`` of one fixed line that types without laying the screen out again.

Textual's ``Input._watch_value`` sets ``virtual_size`` on every change of the value, and the
compositor sets it back to another size on the next layout, so every keystroke asked for a
layout of the whole screen (measured: one per key in the filter line, about as costly as the
rest of the keystroke at 10,000 articles). With a fixed width and height nothing can move
when the text changes, so the size is stored without asking for a layout first, and the
watcher then finds nothing to change.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import Input


class LineInput(Input):
    """An ``Input`` for a line of fixed size (the filter line, the reader's find line)."""

    def _watch_value(self, value: str) -> None:
        if not self.styles.auto_dimensions:  # an auto-sized input does need its layout
            self.set_reactive(Input.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)

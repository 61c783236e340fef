"""Applying the user's settings (:mod:`briefing.config`) to the reader, and keeping changes.

The theme, the grouping and the language filter are written back when the user changes them
(``a``, the palette's theme picker, ``v``, ``l``), so the next session opens as this one was
left; the file is created on the first such change. A file that cannot be written is one
message, and the reader goes on with the change in memory.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import App

from briefing.config import Settings, save_settings

if TYPE_CHECKING:
    from pathlib import Path

    _App = App[None]
else:
    _App = object


class SettingsMixin(_App):
    settings: Settings
    settings_path: Path | None

    def apply_settings(self) -> None:
        """The theme and the keymap now; the list reads grouping and language when it mounts."""
        theme = self.settings.theme
        if theme and theme in self.available_themes:
            self.theme = theme
        elif theme:
            self.notify(f"Settings: unknown theme {theme!r}; using the default.",
                        severity="warning", markup=False)  # fmt: skip
        if self.settings.keys:
            self.set_keymap(self.settings.keys)
        self.theme_changed_signal.subscribe(self, lambda t: self.remember(theme=t.name))

    def remember(self, **changes: Any) -> None:
        """Keep a changed setting for the next session."""
        new = self.settings.with_changes(**changes)
        if new == self.settings:
            return
        self.settings = new
        try:
            save_settings(new, self.settings_path)
        except OSError as error:
            self.notify(f"Settings not saved: {error}", severity="warning", markup=False)

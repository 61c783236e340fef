"""The reader's entries in the command palette (ctrl+p): every action a key does, by name,
for a user who does not remember the key (each entry names it)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.app import SystemCommand

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


def system_commands(app: BriefingApp) -> Iterator[SystemCommand]:
    lib = app.library
    for title, help_text, callback in (
        ("Group by date / theme", "Switch the list grouping (v)", lib.action_toggle_grouping),
        ("Language filter", "Cycle the language shown (l)", lib.action_cycle_language),
        ("Compare marked", "Marked documents side by side (c)", app.open_compare),
        ("Clear compare marks", "Unmark every document", app.action_clear_marks),
        ("Next unread", "Jump to the next unread article (n)", lambda: lib.action_unread(1)),
        ("Mark group read", "Under this heading (M, u undoes)", lib.action_group_read),
        ("Mark all read", "Every article the list shows (A; u undoes)", lib.action_all_read),
        ("Undo mark read", "Put back the last mark-read (u)", app.undo_read),
        ("Open URL", "The highlighted article's page in the browser (o)", lib.action_url),
        ("Copy URL", "The article's URL to the clipboard (y)", lambda: lib.action_url(True)),
        ("Note in $EDITOR", "Write the note in your editor (e)", lambda: lib.action_note(True)),
        ("Export to Markdown", "Marked, or else listed, articles to a file (ctrl+e)",
         lib.action_export),
        ("Reload the folder", "Read new and changed files again (r)", app.reload),
        ("Dark / light", "Toggle the dark and light theme (a)", app.action_toggle_theme),
        ("Help", "Keys and how briefing works (?)", app.action_help),
    ):  # fmt: skip
        yield SystemCommand(title, help_text, callback)

"""Every key of the reader, by screen, each with an action id for the user's keymap.

One table so that the help screen, the footer and the settings file agree: a test checks that
``help.md`` names every key here, and ``[keys]`` in the settings rebinds by id
(``"library.grouping" = "ctrl+g"``), as Posting's keymap does.

Letter keys are *priority* bindings: Textual runs those as it takes each key from the terminal,
before handing the next one on, so in a burst typed faster than a frame (``wabc``, ``JJJ``) the
key that opens a note or moves the cursor acts first and the rest reach where it led. A normal
binding runs only after the key has bubbled up from the focused widget, by which time the rest
of the burst went to the old focus (``abc`` typed right after the note key was lost). The
library turns them off while its filter has focus (``check_action``), so they are text there.

Why ``J``/``K`` and ``n``/``p``: in the reader ``j``/``k`` already move inside the article
(key points, text), so the shifted keys move between articles, as mutt's pager does; ``n`` and
``p`` are newsboat's next and previous *unread*, the move an analyst catching up makes most.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType


def _key(key: str, action: str, label: str, ident: str, *, show: bool = True,
         priority: bool = True, display: str | None = None) -> Binding:  # fmt: skip
    return Binding(key, action, label, show=show, priority=priority, id=ident,
                   key_display=display)  # fmt: skip


LIBRARY: list[BindingType] = [
    _key("enter", "open", "Open", "library.open", show=False),
    _key("slash", "focus_filter", "Find", "library.find"),
    _key("g", "end(False)", "Top", "library.top", show=False),
    _key("G", "end(True)", "Bottom", "library.bottom", show=False),
    _key("n", "unread(1)", "Next unread", "library.next_unread", show=False),
    _key("p", "unread(-1)", "Previous unread", "library.previous_unread", show=False),
    _key("v", "toggle_grouping", "Group", "library.grouping"),
    _key("l", "cycle_language", "Lang", "library.language"),
    _key("space", "mark", "Mark", "library.mark", display="␣"),
    _key("c", "compare", "Compare", "library.compare"),
    _key("s", "story", "Story", "library.story", show=False),  # in ? : the footer fits 60 columns
    _key("m", "toggle_read", "Read", "library.read", show=False),
    _key("M", "group_read", "Group read", "library.group_read", show=False),
    _key("A", "all_read", "All read", "library.all_read", show=False),
    _key("u", "undo", "Undo", "library.undo", show=False),
    _key("w", "note", "Note", "library.note"),
    _key("e", "note(True)", "Edit in $EDITOR", "library.editor", show=False),
    _key("o", "url", "Open URL", "library.open_url", show=False),
    _key("y", "url(True)", "Copy URL", "library.copy_url", show=False),
    _key("ctrl+e", "export", "Export", "library.export", show=False),
    _key("r", "reload", "Reload", "library.reload", show=False),
    _key("q", "app.quit", "Quit", "library.quit"),
    _key("escape", "clear_filter", "Clear filter", "library.clear", show=False, priority=False),
]

READER: list[BindingType] = [
    _key("escape,q", "back", "Back", "reader.back", display="q"),
    _key("J", "step(1)", "Next", "reader.next"),
    _key("K", "step(-1)", "Prev", "reader.previous"),
    _key("n", "unread(1)", "Next unread", "reader.next_unread", show=False),
    _key("p", "unread(-1)", "Previous unread", "reader.previous_unread", show=False),
    _key("g", "home", "Top", "reader.top", show=False),
    _key("G", "end", "Bottom", "reader.bottom", show=False),
    _key("m", "toggle_read", "Read", "reader.read"),
    _key("w", "note", "Note", "reader.note"),
    _key("e", "edit_note", "Edit in $EDITOR", "reader.editor", show=False),
    _key("o", "open_url", "Open URL", "reader.open_url"),
    _key("y", "copy_url", "Copy URL", "reader.copy_url", show=False),
    _key("t", "focus_text", "Text", "reader.text", show=False),
    _key("s", "story", "Story", "reader.story", show=False),
    _key("space", "mark", "Mark", "reader.mark", show=False),
    _key("slash", "find", "Find in text", "reader.find"),
]

COMPARE: list[BindingType] = [
    _key("escape,q", "back", "Back", "compare.back", display="q"),
    _key("tab", "app.focus_next", "Next column", "compare.column", priority=False),
    _key("J", "step(1)", "Next", "compare.next"),
    _key("K", "step(-1)", "Prev", "compare.previous"),
    _key("n", "unread(1)", "Next unread", "compare.next_unread", show=False),
    _key("p", "unread(-1)", "Previous unread", "compare.previous_unread", show=False),
]

APP: list[BindingType] = [
    # `q` goes back one level (it quits only from the list, as in newsboat or lazygit);
    # ctrl+q, Textual's own binding, quits from anywhere.
    Binding("question_mark", "help", "Help", id="app.help"),
    Binding("a", "toggle_theme", "Theme", show=False, id="app.theme"),
]


def alt_letter(event: events.Key) -> str | None:
    """The key typed after Esc when ``event`` is Textual's ``alt+…`` for the pair (``alt+j``,
    ``alt+shift+j`` for ``J``); None for any other key."""
    if not event.key.startswith("alt+"):
        return None
    rest = event.key.removeprefix("alt+")
    if rest.startswith("shift+") and len(rest) == 7:
        rest = rest[-1].upper()
    return rest if len(rest) == 1 and rest.isprintable() and not rest.isspace() else None


if TYPE_CHECKING:
    _App = App[None]
else:
    _App = object


class KeysMixin(_App):
    """Mixed into :class:`BriefingApp` (before ``App``, so this ``on_event`` runs first)."""

    async def on_event(self, event: events.Event) -> None:
        """Esc and a letter in one read of the terminal arrive as ``alt+letter`` (Textual waits
        ESCDELAY for the rest of an escape sequence): nothing here is bound to alt, so they are
        handed on as the two keys the user typed, in order, before the next key is read."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            letter = alt_letter(event)
            if letter is not None:
                await super().on_event(events.Key("escape", "\x1b"))
                await super().on_event(events.Key(letter, letter))
                return
        await super().on_event(event)

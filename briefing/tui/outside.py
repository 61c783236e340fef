"""What leaves the reader: an article's page in the browser, its URL on the clipboard, a note
in the user's own editor.

* ``o`` calls :func:`webbrowser.open` (it honours ``$BROWSER``) in a thread worker: starting a
  browser can take a second and must not freeze the list. Only an ``http(s)`` address goes to
  the browser: the URL comes from the article, and ``file:``, ``javascript:`` or a local
  program's scheme handler is not something a news link should be able to start.
* ``y`` uses Textual's OSC 52 (``App.copy_to_clipboard``): the URL goes base64-encoded inside
  our own escape sequence, so nothing of the article reaches the terminal as raw bytes.
* ``e`` writes the note to a temp file, suspends the reader (``App.suspend``), runs
  ``$VISUAL`` or ``$EDITOR`` on it, and saves what the user wrote; ``w`` is the inline editor.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import tempfile
import webbrowser
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SuspendNotSupported

from briefing.model import Document

NO_URL = "This article has no URL (a saved file without a link to its page)."
NOT_WEB = "This article's URL is not a web address (http or https): not opened; y copies it."
NO_EDITOR = "Set $EDITOR (or $VISUAL) to write notes in your editor; w writes one here."


def editor_command() -> list[str] | None:
    """``$VISUAL`` or ``$EDITOR`` as argv (``code --wait`` is two words); None when unset."""
    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "").strip()
        if value:
            try:
                return shlex.split(value)
            except ValueError:
                return None
    return None


def is_web_address(url: str) -> bool:
    """An ``http(s)://host…`` address with no space or control character in it."""
    return WEB_ADDRESS.fullmatch(url) is not None


WEB_ADDRESS = re.compile(r"https?://[^\s\x00-\x1f\x7f/?#][^\s\x00-\x1f\x7f]*", re.IGNORECASE)


def open_in_browser(url: str) -> bool:
    """Whether a browser took the URL (runs in a worker thread)."""
    try:
        return webbrowser.open(url)
    except webbrowser.Error:
        return False


def run_editor(command: list[str], text: str) -> str | None:
    """The file's text after the editor exits with 0; None when it fails or is cancelled."""
    with tempfile.TemporaryDirectory(prefix="briefing-note-") as folder:
        path = Path(folder) / "note.md"
        path.write_text(text, encoding="utf-8")
        try:
            done = subprocess.run([*command, str(path)], check=False)
        except OSError:
            return None
        if done.returncode != 0:
            return None
        return path.read_text(encoding="utf-8", errors="replace")


if TYPE_CHECKING:
    _App = App[None]
else:
    _App = object


class OutsideMixin(_App):
    """The app's part of ``o``, ``y`` and ``e`` (mixed into :class:`BriefingApp`)."""

    def open_article_url(self, doc: Document) -> None:
        if not doc.url:
            self.notify(NO_URL, severity="warning")
            return
        url = doc.url.strip()
        if not is_web_address(url):
            self.notify(NOT_WEB, severity="warning")
            return

        def work() -> None:
            if not open_in_browser(url):
                self.call_from_thread(
                    self.notify, "No browser found (set $BROWSER).", severity="warning"
                )

        self.run_worker(work, thread=True, group="browser",
                        description="Opening the browser", exit_on_error=False)  # fmt: skip
        self.notify("Opening the article's page in the browser…", timeout=3)

    def copy_url(self, doc: Document) -> None:
        if not doc.url:
            self.notify(NO_URL, severity="warning")
            return
        self.copy_to_clipboard(doc.url)
        self.notify("URL copied to the clipboard (OSC 52).", timeout=3)

    def edit_note_outside(self, doc: Document, note: str) -> str | None:
        """Run the user's editor on ``note``; the new text, or None (unchanged, or no editor)."""
        command = editor_command()
        if command is None:
            self.notify(NO_EDITOR, severity="warning", timeout=8)
            return None
        try:
            with self.suspend():
                text = run_editor(command, note)
        except SuspendNotSupported:
            self.notify("This terminal cannot hand over to an editor; w writes the note here.",
                        severity="warning")  # fmt: skip
            return None
        if text is None:
            self.notify(f"{command[0]} did not save the note.", severity="warning", markup=False)
        return text

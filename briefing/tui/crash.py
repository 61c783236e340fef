"""Where an unexpected error in the reader goes: a log file, never the user's terminal.

Textual would print a screenful of traceback with locals after restoring the terminal; the CLI
prints one line naming this log and exits non-zero instead.
"""

from __future__ import annotations

import datetime as dt
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App

from briefing.paths import log_dir


def write_crash_log(error: BaseException | None) -> Path | None:
    """The traceback of ``error`` in ``log/crash-STAMP.log``; None if it cannot be written."""
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        path = folder / f"crash-{stamp}.log"
        lines = traceback.format_exception(error) if error else ["unknown error\n"]
        path.write_text("".join(lines), encoding="utf-8")
    except OSError:
        return None
    return path


if TYPE_CHECKING:
    _App = App[None]
else:
    _App = object


class CrashMixin(_App):
    """Mixed into :class:`BriefingApp`: its unexpected error goes to :func:`write_crash_log`."""

    crash: BaseException | None = None
    """The unexpected error that ended the app, if one did."""
    crash_log: Path | None = None
    """Where the traceback of an unexpected error went (the CLI names it on exit)."""

    def _fatal_error(self) -> None:
        """An unexpected error: write the traceback to a log instead of the terminal.

        Textual would print a screenful of traceback with locals after restoring the terminal;
        the CLI prints one line naming this log and exits non-zero instead.
        """
        error = self.crash = self._exception  # Textual keeps the first unhandled error here
        self.crash_log = write_crash_log(error)
        if self.crash_log is None:
            super()._fatal_error()
            return
        self.bell()
        self._close_messages_no_wait()

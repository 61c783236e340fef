"""Where an unexpected error in the reader goes: a log file, never the user's terminal.

Textual would print a screenful of traceback with locals after restoring the terminal; the CLI
prints one line naming this log and exits non-zero instead.
"""

from __future__ import annotations

import datetime as dt
import traceback
from pathlib import Path

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

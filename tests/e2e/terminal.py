"""The installed ``briefing`` in a real pseudo-terminal, with its screen read as a terminal draws it.

pexpect gives the child a pty (so Textual runs exactly as for a user: its own stderr capture,
the real worker processes, the real key parser); pyte interprets what it writes into a screen of
characters. The tests then wait for text to appear, type, and check the exit status.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pexpect
import pyte
from wcwidth import wcwidth

BRIEFING = Path(sys.executable).with_name("briefing")
"""The console script of the environment the tests run in: the installed command."""


class Terminal:
    """One ``briefing`` process on a ``cols`` × ``rows`` pty."""

    def __init__(
        self,
        args: list[str],
        home: Path,
        *,
        cols: int = 160,
        rows: int = 48,
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        extra_env = env
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "NO_COLOR"))}
        env.update(BRIEFING_HOME=str(home), TERM="xterm-256color", COLUMNS=str(cols))
        env.update(LINES=str(rows), TEXTUAL_ANIMATIONS="none")
        env.update(extra_env or {})
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.child = pexpect.spawn(
            str(BRIEFING), args, env=env, dimensions=(rows, cols), cwd=str(cwd) if cwd else None
        )
        self.raw = bytearray()

    def pump(self, seconds: float = 0.1) -> None:
        """Read whatever the app wrote in the next ``seconds`` into the screen."""
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            try:
                data = self.child.read_nonblocking(65536, timeout=min(left, 0.05))
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                return
            self.raw.extend(data)
            self.stream.feed(data)

    @property
    def text(self) -> str:
        """The screen as lines of text. Not ``pyte.Screen.display``: it raises IndexError on a
        cell left empty when a wide character's right half is overwritten (the reader redraws
        CJK rows all the time); such a cell is read as a space here."""
        buffer, cols = self.screen.buffer, self.screen.columns
        lines = []
        for y in range(self.screen.lines):
            row = buffer[y]
            cells = []
            x = 0
            while x < cols:
                data = row[x].data
                cells.append(data or " ")
                x += 2 if data and wcwidth(data[0]) == 2 else 1
            lines.append("".join(cells))
        return "\n".join(lines)

    def wait_for(self, what: str | Callable[[str], bool], timeout: float = 60.0) -> str:
        """Pump until ``what`` (a regex, or a test of the screen text) holds; the screen then."""
        test = (lambda text: re.search(what, text) is not None) if isinstance(what, str) else what
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.pump(0.1)
            if test(self.text):
                return self.text
            if not self.child.isalive():
                self.pump(0.2)
                if test(self.text):
                    return self.text
                break
        raise AssertionError(
            f"screen never showed {what!r} (alive: {self.child.isalive()}):\n{self.text}"
        )

    def send(self, keys: str | bytes) -> None:
        """Write ``keys`` in one write: a burst, as a fast typist, an IME or a laggy link."""
        self.child.send(keys)

    def exit_status(self, timeout: float = 20.0) -> int:
        """Wait for the process to end; its exit status."""
        deadline = time.monotonic() + timeout
        while self.child.isalive() and time.monotonic() < deadline:
            self.pump(0.1)
        if self.child.isalive():
            self.child.terminate(force=True)
            raise AssertionError(f"briefing did not exit:\n{self.text}")
        self.child.close()
        return int(self.child.exitstatus if self.child.exitstatus is not None else -1)

    def close(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)

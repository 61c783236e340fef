"""The cache's one connection, and what happens when its file is damaged, locked or foreign.

The cache is never worth a crash: a corrupt file is moved aside (never overwritten, the user may
want it) and a fresh one built, a locked or unwritable one is skipped for the run, each with one
message; a file that is not this cache at all is moved aside like a corrupt one.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from briefing.atomic import move_aside
from briefing.cache.schema import SCHEMA, TABLES, NotOurs, check_ours, error_kind
from briefing.model import Problem

T = TypeVar("T")

BUSY_SECONDS = 5.0
"""How long a write waits for another briefing process's write before the run goes uncached."""


class GuardedConnection:
    """One SQLite connection to the cache file at ``path`` that never raises for a cache
    problem: :meth:`_run` answers a default instead, and :attr:`notices` collects one message
    per problem for the caller to show. Safe to share between threads (one lock)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.notices: list[Problem] = []
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self._disabled = False

    # connection ----------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists() and not self.path.is_file():
            raise NotOurs("a folder, not a file")
        conn = sqlite3.connect(self.path, timeout=BUSY_SECONDS, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            if check_ours(conn):
                conn.executescript(
                    "DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS themes;"
                    "DROP TABLE IF EXISTS briefs; DROP TABLE IF EXISTS vectors;"
                    "DROP TABLE IF EXISTS meta;" + TABLES
                )
                conn.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA,))
                conn.commit()
        except BaseException:
            conn.close()
            raise
        return conn

    def _run(self, what: Callable[[sqlite3.Connection], T], default: T) -> T:
        """``what(connection)``, or ``default`` when the cache cannot answer.

        A corrupt file is moved aside and ``what`` retried once on a fresh file; a busy,
        read-only or unreachable cache is switched off for the rest of the run.
        """
        with self._lock:
            for attempt in (1, 2):
                if self._disabled:
                    return default
                try:
                    if self._conn is None:
                        self._conn = self._connect()
                    return what(self._conn)
                except NotOurs as err:
                    if attempt == 1:
                        self._move_aside(f"was not briefing's ({err})")
                        continue
                    self._disable(f"unusable ({err}); working without it this time")
                except sqlite3.DatabaseError as err:
                    self._rollback()
                    kind = error_kind(err)
                    if kind == "corrupt" and attempt == 1:
                        self._move_aside("was damaged")
                        continue
                    if kind == "busy":
                        self._disable("in use by another briefing; working without it this time")
                    else:
                        self._disable(f"unusable ({err}); working without it this time")
                except OSError as err:  # the cache folder cannot be created or written
                    self._disable(f"unusable ({err.strerror or err}); working without it")
            return default

    def _rollback(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.rollback()

    def _disable(self, message: str) -> None:
        self.close()
        self._disabled = True
        self.notices.append(Problem(str(self.path), f"cache {message}"))

    def _move_aside(self, why: str) -> None:
        """Keep the damaged or foreign file (and its WAL) under a new name; the next connect
        starts fresh."""
        self.close()
        try:
            target = move_aside(self.path, ("-wal", "-shm"))
        except OSError as err:
            self._disable(f"is damaged and cannot be moved aside ({err.strerror or err})")
            return
        self.notices.append(
            Problem(str(self.path), f"cache {why}; moved to {target.name} and rebuilt")
        )

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.close()
                self._conn = None

    def take_notices(self) -> list[Problem]:
        """The messages not yet shown (each is returned once)."""
        with self._lock:
            out, self.notices = self.notices, []
            return out

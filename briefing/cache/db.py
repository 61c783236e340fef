"""The SQLite file behind the cache, and what happens when it is damaged, locked or read-only.

Three tables, each keyed by what decides its rows, so a change invalidates exactly what it must:

``files``
    path → (id prefix, size, mtime_ns, loader version) and the file's documents and problems.
    A warm reopen compares ``stat`` data with these rows and never opens an unchanged file.
    The path is stored as its bytes (``os.fsencode``): a file name that is not UTF-8 cannot be
    bound as SQLite text, and an escaped text form would let two names share a row.
``themes``
    (content hash, language, themes version) → theme matches. Editing a theme file changes the
    themes version (:func:`briefing.themes.themes_version`), so every match is redone, but no
    file is re-read and no brief is remade.
``briefs``
    (content hash, language, derived-title flag, summarizer version) → the brief and its key
    points. Keyed by content, not path, so a renamed or copied article keeps its brief.

One connection per process (SQLite's own advice for threads: share it behind a lock), WAL so a
reader (the TUI) never blocks another process's writer (``briefing daily``), and a short busy
timeout. The cache is never worth a crash: a corrupt file is moved aside (never overwritten,
the user may want it) and a fresh one built, a locked or unwritable one is skipped for the run,
each with one message. Rows that do not decode are misses. A file that is not this cache at
all (another program's database, tables a half-finished migration left, a folder in its place)
is moved aside like a corrupt one, never written into and never left to fail every run.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from briefing.atomic import move_aside
from briefing.model import Problem

FILENAME = "briefing.sqlite3"
SCHEMA = "3"
"""Bump when the tables change: an older file is then dropped and rebuilt, not migrated."""

BUSY_SECONDS = 5.0
"""How long a write waits for another briefing process's write before the run goes uncached."""

BATCH = 900
"""Keys per ``IN (…)`` query: under SQLite's oldest variable limit (999)."""

_CORRUPT = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
_BUSY = ("SQLITE_BUSY", "SQLITE_LOCKED")

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path BLOB PRIMARY KEY,
    rel TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    loader TEXT NOT NULL,
    payload TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS themes (
    content_hash TEXT NOT NULL,
    lang TEXT NOT NULL,
    version TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (content_hash, lang, version)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS briefs (
    content_hash TEXT NOT NULL,
    lang TEXT NOT NULL,
    derived INTEGER NOT NULL,
    version TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (content_hash, lang, derived, version)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS vectors (
    content_hash TEXT NOT NULL,
    lang TEXT NOT NULL,
    derived INTEGER NOT NULL,
    version TEXT NOT NULL,
    payload BLOB NOT NULL,
    PRIMARY KEY (content_hash, lang, derived, version)
) WITHOUT ROWID;
"""

T = TypeVar("T")


class FileRow(NamedTuple):
    """What ``files`` holds for a path."""

    rel: str
    """The id prefix the file's documents were stored under."""
    size: int
    mtime_ns: int
    loader: str
    """The loader version (and limits) it was read with."""
    payload: str


class NotOurs(Exception):
    """The cache file is something else: ``str(err)`` says what, for the one-line message."""


@functools.cache
def _our_columns() -> dict[str, list[tuple[str, str]]]:
    """Each table of :data:`_TABLES` with its (column, type) list, as SQLite reports them."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(_TABLES)
        return _columns(conn)
    finally:
        conn.close()


def _columns(conn: sqlite3.Connection) -> dict[str, list[tuple[str, str]]]:
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: [(col[1], col[2]) for col in conn.execute(f"PRAGMA table_info('{name}')")]
        for name in names
    }


def _check_ours(conn: sqlite3.Connection) -> bool:
    """Whether the tables must be (re)created: True for a new file or an older schema of ours.

    Raises :class:`NotOurs` for a file whose tables are not what this schema made (a
    half-migrated cache, another program's database): dropping tables there could destroy
    someone's data, and keeping it would fail on every run.
    """
    found = _columns(conn)
    if not found:
        return True
    ours = _our_columns()
    if "meta" not in found or not set(found) <= set(ours):
        raise NotOurs("not a briefing cache")
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    if row is None:
        raise NotOurs("not a briefing cache")
    if row[0] != SCHEMA:
        return True  # an older (or newer) briefing's cache: rebuilt, not migrated
    if found != ours:
        raise NotOurs("tables do not match its schema")
    return False


def cache_path() -> Path:
    from briefing.paths import cache_dir

    return cache_dir() / FILENAME


def _kind(err: sqlite3.DatabaseError) -> str:
    """``corrupt``, ``busy`` or ``other``, from SQLite's error name (Python 3.11+)."""
    name = getattr(err, "sqlite_errorname", "") or ""
    if name.startswith(_CORRUPT) or "not a database" in str(err) or "malformed" in str(err):
        return "corrupt"
    if name.startswith(_BUSY) or "locked" in str(err):
        return "busy"
    return "other"


def _chunks(items: Sequence[T], size: int = BATCH) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Cache:
    """The cache file at ``path``: look-ups that answer misses on any trouble, and stores.

    Every public method is safe to call from any thread and never raises for a cache problem;
    :attr:`notices` collects the one message per problem for the caller to show.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.notices: list[Problem] = []
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self._disabled = False
        self._pruned: set[tuple[str, str]] = set()

    # connection ----------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists() and not self.path.is_file():
            raise NotOurs("a folder, not a file")
        conn = sqlite3.connect(self.path, timeout=BUSY_SECONDS, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            if _check_ours(conn):
                conn.executescript(
                    "DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS themes;"
                    "DROP TABLE IF EXISTS briefs; DROP TABLE IF EXISTS meta;" + _TABLES
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
                    kind = _kind(err)
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

    # files ---------------------------------------------------------------------------------

    def files(self, paths: Sequence[str]) -> dict[str, FileRow]:
        keys = [os.fsencode(p) for p in paths]

        def query(conn: sqlite3.Connection) -> dict[str, FileRow]:
            out: dict[str, FileRow] = {}
            for chunk in _chunks(keys):
                marks = ",".join("?" * len(chunk))
                for path, *row in conn.execute(
                    "SELECT path, rel, size, mtime_ns, loader, payload FROM files "
                    f"WHERE path IN ({marks})",
                    tuple(chunk),
                ):
                    out[os.fsdecode(path)] = FileRow(*row)
            return out

        return self._run(query, {})

    def store_files(self, rows: Iterable[tuple[str, FileRow]]) -> None:
        """``(path, row)`` pairs, committed at once."""
        self._store(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)",
            [(os.fsencode(path), *row) for path, row in rows],
        )

    def forget_files(self, paths: Sequence[str]) -> None:
        def delete(conn: sqlite3.Connection) -> None:
            conn.executemany("DELETE FROM files WHERE path = ?", [(os.fsencode(p),) for p in paths])
            conn.commit()

        if paths:
            self._run(delete, None)

    def files_under(self, folder: str) -> list[str]:
        """Cached paths inside ``folder`` (so files deleted from it can be forgotten)."""
        prefix = os.fsencode(folder.rstrip(os.sep) + os.sep)
        # blobs compare bytewise: every path starting with prefix sorts from prefix up to, not
        # including, prefix with its last byte (the separator) one higher
        end = prefix[:-1] + bytes([prefix[-1] + 1])
        return self._run(
            lambda conn: [
                os.fsdecode(row[0])
                for row in conn.execute(
                    "SELECT path FROM files WHERE path >= ? AND path < ?", (prefix, end)
                )
            ],
            [],
        )

    # themes and briefs ---------------------------------------------------------------------

    def themes(self, keys: Sequence[tuple[str, str]], version: str) -> dict[tuple[str, str], str]:
        """Payloads by ``(content_hash, lang)`` for this themes version."""
        return self._by_hash("themes", "content_hash, lang", keys, version)

    def store_themes(self, rows: Iterable[tuple[str, str, str]], version: str) -> None:
        """``(content_hash, lang, payload)`` rows; other themes versions are dropped first."""
        rows = list(rows)
        self._prune("themes", version)
        self._store(
            "INSERT OR REPLACE INTO themes VALUES (?, ?, ?, ?)",
            [(h, lang, version, payload) for h, lang, payload in rows],
        )

    def briefs(
        self, keys: Sequence[tuple[str, str, int]], version: str
    ) -> dict[tuple[str, str, int], str]:
        """Payloads by ``(content_hash, lang, derived)`` for this summarizer version."""
        return self._by_hash("briefs", "content_hash, lang, derived", keys, version)

    def store_briefs(self, rows: Iterable[tuple[str, str, int, str]], version: str) -> None:
        """``(content_hash, lang, derived, payload)`` rows; other summarizer versions go."""
        rows = list(rows)
        self._prune("briefs", version)
        self._store(
            "INSERT OR REPLACE INTO briefs VALUES (?, ?, ?, ?, ?)",
            [(h, lang, derived, version, payload) for h, lang, derived, payload in rows],
        )

    def vectors(
        self, keys: Sequence[tuple[str, str, int]], version: str
    ) -> dict[tuple[str, str, int], bytes]:
        """Vector payloads by ``(content_hash, lang, derived)`` for this encoder version."""
        return self._by_hash("vectors", "content_hash, lang, derived", keys, version)  # type: ignore[return-value]

    def store_vectors(self, rows: Iterable[tuple[str, str, int, bytes]], version: str) -> None:
        """``(content_hash, lang, derived, payload)`` rows; other encoder versions go."""
        rows = list(rows)
        self._prune("vectors", version)
        self._store(
            "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?, ?)",
            [(h, lang, derived, version, payload) for h, lang, derived, payload in rows],
        )

    def _by_hash(
        self, table: str, columns: str, keys: Sequence[tuple[Any, ...]], version: str
    ) -> dict[Any, str]:
        wanted = set(keys)
        hashes = sorted({k[0] for k in keys})

        def query(conn: sqlite3.Connection) -> dict[Any, str]:
            out: dict[Any, str] = {}
            for chunk in _chunks(hashes):
                marks = ",".join("?" * len(chunk))
                sql = (
                    f"SELECT {columns}, payload FROM {table} "
                    f"WHERE version = ? AND content_hash IN ({marks})"
                )
                for *key, payload in conn.execute(sql, (version, *chunk)):
                    if tuple(key) in wanted:
                        out[tuple(key)] = payload
            return out

        return self._run(query, {}) if keys else {}

    def _prune(self, table: str, version: str) -> None:
        """Drop rows of other versions once per run: they can never be read again."""
        if (table, version) in self._pruned:
            return
        self._pruned.add((table, version))

        def delete(conn: sqlite3.Connection) -> None:
            conn.execute(f"DELETE FROM {table} WHERE version != ?", (version,))
            conn.commit()

        self._run(delete, None)

    def _store(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        def write(conn: sqlite3.Connection) -> None:
            conn.executemany(sql, rows)
            conn.commit()

        if rows:
            self._run(write, None)

    # info ----------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table (files, documents in them are not counted: that needs decoding)."""

        def query(conn: sqlite3.Connection) -> dict[str, int]:
            return {
                table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("files", "themes", "briefs", "vectors")
            }

        return self._run(query, {})


def cache_files(path: Path) -> list[Path]:
    """The cache file and its WAL companions, those that exist."""
    names = [path.name, path.name + "-wal", path.name + "-shm"]
    return [path.with_name(n) for n in names if path.with_name(n).exists()]


_current: Cache | None = None
_current_lock = threading.Lock()


def open_cache() -> Cache:
    """This process's cache (one connection per process), for the current ``BRIEFING_HOME``.

    Tests point ``BRIEFING_HOME`` somewhere new for each test; the old connection is closed
    then, so file handles do not pile up over a test run.
    """
    global _current
    path = cache_path()
    with _current_lock:
        if _current is None or _current.path != path:
            if _current is not None:
                _current.close()
            _current = Cache(path)
        return _current


def close_cache() -> None:
    global _current
    with _current_lock:
        if _current is not None:
            _current.close()
            _current = None

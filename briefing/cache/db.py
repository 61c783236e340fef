"""The SQLite file behind the cache, and what happens when it is damaged, locked or read-only.

Three tables, each keyed by what decides its rows, so a change invalidates exactly what it must:

``files``
    path → (id prefix, size, mtime_ns, loader version) and the file's documents and problems,
    their paragraphs in a column of their own (``texts``), read when a text is. A warm reopen
    compares ``stat`` data with these rows and never opens an unchanged file.
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

import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from briefing.cache.connection import GuardedConnection

FILENAME = "briefing.sqlite3"

BATCH = 900
"""Keys per ``IN (…)`` query: under SQLite's oldest variable limit (999)."""

RANGE_FROM = 200
"""Paths looked up at once from which one range scan beats ``IN`` lists (:meth:`Cache.files`):
below it, a few scattered files in a big cache would scan the rows between them."""

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
    texts: str = ""
    """The documents' paragraphs (:func:`~.codec.encode_texts`): written, never read with the
    row; :meth:`Cache.file_texts` reads them."""


def cache_path() -> Path:
    from briefing.paths import cache_dir

    return cache_dir() / FILENAME


def _chunks(items: Sequence[T], size: int = BATCH) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Cache(GuardedConnection):
    """The cache file at ``path``: look-ups that answer misses on any trouble, and stores.

    Every public method is safe to call from any thread and never raises for a cache problem
    (:class:`~.connection.GuardedConnection`).
    """

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._pruned: set[tuple[str, str]] = set()

    # files ---------------------------------------------------------------------------------

    def files(self, paths: Sequence[str]) -> dict[str, FileRow]:
        keys = [os.fsencode(p) for p in paths]
        if len(keys) >= RANGE_FROM:
            return self._files_in_range(keys)

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

    def _files_in_range(self, keys: Sequence[bytes]) -> dict[str, FileRow]:
        """The rows of ``keys``, read as the stretch of the table between the least and the
        greatest: a folder's files, walked in order, lie together there, and one range scan
        costs a third of 900-key ``IN`` lists (0.5 s for 50,000 files)."""
        wanted = set(keys)

        def query(conn: sqlite3.Connection) -> dict[str, FileRow]:
            out: dict[str, FileRow] = {}
            for path, *row in conn.execute(
                "SELECT path, rel, size, mtime_ns, loader, payload FROM files "
                "WHERE path >= ? AND path <= ?",
                (min(keys), max(keys)),
            ):
                if path in wanted:
                    out[os.fsdecode(path)] = FileRow(*row)
            return out

        return self._run(query, {})

    def file_texts(self, path: str) -> str | None:
        """The ``texts`` column of ``path``'s row, or None (no row, or the cache failed)."""

        def query(conn: sqlite3.Connection) -> str | None:
            row = conn.execute(
                "SELECT texts FROM files WHERE path = ?", (os.fsencode(path),)
            ).fetchone()
            return None if row is None else str(row[0])

        return self._run(query, None)

    def many_file_texts(self, paths: Sequence[str]) -> dict[str, str]:
        """The ``texts`` column of each of ``paths`` that has a row (none if the cache failed)."""
        keys = [os.fsencode(p) for p in paths]

        def query(conn: sqlite3.Connection) -> dict[str, str]:
            out: dict[str, str] = {}
            for chunk in _chunks(keys):
                marks = ",".join("?" * len(chunk))
                sql = f"SELECT path, texts FROM files WHERE path IN ({marks})"
                for path, texts in conn.execute(sql, tuple(chunk)):
                    out[os.fsdecode(path)] = str(texts)
            return out

        return self._run(query, {})

    def store_files(self, rows: Iterable[tuple[str, FileRow]]) -> None:
        """``(path, row)`` pairs, committed at once."""
        self._store(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
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

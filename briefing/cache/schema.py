"""The cache's tables, how to tell this cache from any other SQLite file, and what SQLite's
errors mean for it.

Kept apart from :mod:`.db` (the connection and its queries) because it is the part a schema
change touches, and the part that must never be wrong: a file judged "not ours" is moved aside,
one judged ours is written into.
"""

from __future__ import annotations

import functools
import sqlite3

SCHEMA = "4"  # 4: files.texts
"""Bump when the tables change: an older file is then dropped and rebuilt, not migrated."""

CORRUPT = ("SQLITECORRUPT", "SQLITE_NOTADB")
BUSY = ("SQLITEBUSY", "SQLITE_LOCKED")

TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path BLOB PRIMARY KEY,
    rel TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    loader TEXT NOT NULL,
    payload TEXT NOT NULL,
    texts TEXT NOT NULL
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


class NotOurs(Exception):
    """The cache file is something else: ``str(err)`` says what, for the one-line message."""


@functools.cache
def _our_columns() -> dict[str, list[tuple[str, str]]]:
    """Each table of :data:`TABLES` with its (column, type) list, as SQLite reports them."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(TABLES)
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


def check_ours(conn: sqlite3.Connection) -> bool:
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


def error_kind(err: sqlite3.DatabaseError) -> str:
    """``corrupt``, ``busy`` or ``other``, from SQLite's error name (Python 3.11+)."""
    name = getattr(err, "sqlite_errorname", "") or ""
    if name.startswith(CORRUPT) or "not a database" in str(err) or "malformed" in str(err):
        return "corrupt"
    if name.startswith(BUSY) or "locked" in str(err):
        return "busy"
    return "other"

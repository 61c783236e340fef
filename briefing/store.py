"""Notes and read state, kept in one small versioned JSON file under the user data dir.

An analyst's notes are the one thing briefing holds that cannot be recomputed, so the file is
treated like a database:

* every write is atomic (temp file in the same directory, flush, ``os.fsync``, ``os.replace``), so
  a crash mid-write leaves the old file or the new one, never half of one;
* the previous good file is kept as ``notes.json.bak``;
* a file that does not parse is moved aside (``notes.json.corrupt-<timestamp>``), reported as a
  :class:`~briefing.model.Problem`, and the backup is used; it is never overwritten in place;
* a write re-reads the file under a lock and applies only this change to it, so two briefing
  processes (a TUI and a ``briefing export``) never lose each other's notes.

Entries are keyed by ``Document.id`` and also remember the document's ``content_hash``: a note
follows its article when the corpus folder is moved or renamed and the ids change.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing import paths
from briefing.atomic import write_atomic
from briefing.model import Document, Problem

VERSION = 1
"""The file format written here; a newer number means a newer briefing wrote it: read only."""
FILENAME = "notes.json"
LOCK_TIMEOUT = 5.0
"""Seconds to wait for another process's write; writes take milliseconds, so longer means stale."""


@dataclass(frozen=True, slots=True)
class Entry:
    """What the user has recorded about one document."""

    read: bool = False
    note: str = ""
    content_hash: str = ""
    """The text the note was written against; finds the entry again if the id changes."""
    updated: str = ""
    """ISO timestamp of the last change (UTC), for exports and for humans reading the file."""

    def to_json(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "note": self.note,
            "content_hash": self.content_hash,
            "updated": self.updated,
        }

    @classmethod
    def from_json(cls, value: Any) -> Entry:
        if not isinstance(value, dict):
            raise ValueError("entry is not an object")
        note = value.get("note", "")
        if not isinstance(note, str):
            raise ValueError("note is not a string")
        return cls(
            read=bool(value.get("read", False)),
            note=note,
            content_hash=str(value.get("content_hash", "")),
            updated=str(value.get("updated", "")),
        )

    @property
    def empty(self) -> bool:
        return not self.read and not self.note


class StoreError(Exception):
    """The store could not be written (locked, read-only, or written by a newer briefing)."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _parse(raw: bytes) -> dict[str, Entry]:
    """The entries in ``raw``; raises ValueError for anything that is not a version-1 store."""
    data = json.loads(raw.decode("utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("documents"), dict):
        raise ValueError("not a briefing notes file")
    version = data.get("version")
    if isinstance(version, int) and version > VERSION:
        raise _NewerVersion(version)
    if version != VERSION:
        raise ValueError(f"unknown version {version!r}")
    return {str(key): Entry.from_json(value) for key, value in data["documents"].items()}


class _NewerVersion(ValueError):
    """Valid JSON from a newer briefing: not corrupt, just not ours to rewrite."""


def _dump(entries: dict[str, Entry]) -> bytes:
    documents = {key: entry.to_json() for key, entry in sorted(entries.items()) if not entry.empty}
    data = {"version": VERSION, "documents": documents}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class Store:
    """Read state and notes per document, safe against crashes, corruption and a second process.

    Reads are served from memory; each change is written through at once (an analyst's note is
    small and rare, and losing one to a crash is the failure that matters). ``problems`` collects
    what went wrong on the way (a corrupt file moved aside, a lock not obtained) for the UI to show.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else paths.data_dir() / FILENAME
        self.backup = self.path.with_name(self.path.name + ".bak")
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.problems: list[Problem] = []
        self.read_only = False
        """True when the file was written by a newer briefing: changes stay in memory only."""
        self._entries: dict[str, Entry] = {}
        self._by_hash: dict[str, str] = {}
        self._entries = self._load()
        self._index()

    # reading -------------------------------------------------------------------------------

    def _load(self) -> dict[str, Entry]:
        """The entries on disk; a corrupt file is moved aside and the backup used instead."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return self._load_backup() if self.backup.exists() else {}
        except OSError as error:
            self._problem(f"cannot read notes: {error.strerror or error}")
            self.read_only = True
            return {}
        try:
            return _parse(raw)
        except _NewerVersion:
            self._problem("notes were written by a newer briefing; changes will not be saved")
            self.read_only = True
            return {}
        except (ValueError, UnicodeDecodeError):
            return self._recover()

    def _recover(self) -> dict[str, Entry]:
        moved = self._move_aside()
        restored = self._load_backup()
        where = f"moved to {moved.name}" if moved else "left in place"
        if self.backup.exists() and restored is not None:
            self._problem(f"notes file was corrupt ({where}); restored from {self.backup.name}")
        else:
            self._problem(f"notes file was corrupt ({where}); no usable backup, starting empty")
        return restored or {}

    def _load_backup(self) -> dict[str, Entry]:
        try:
            return _parse(self.backup.read_bytes())
        except (OSError, ValueError, UnicodeDecodeError):
            return {}

    def _move_aside(self) -> Path | None:
        """Rename the unreadable file so it is kept for the user and never overwritten."""
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        counter = 1
        while target.exists():
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{counter}")
            counter += 1
        try:
            os.replace(self.path, target)
        except OSError as error:
            self._problem(f"cannot move the corrupt notes file aside: {error}")
            self.read_only = True
            return None
        return target

    def _problem(self, message: str) -> None:
        self.problems.append(Problem(str(self.path), message))

    def _index(self) -> None:
        self._by_hash = {e.content_hash: key for key, e in self._entries.items() if e.content_hash}

    def entry(self, doc: Document) -> Entry:
        """The entry for ``doc``: by id, or by its text when the id changed (a moved folder)."""
        found = self._entries.get(doc.id)
        if found is None and doc.content_hash:
            key = self._by_hash.get(doc.content_hash)
            if key is not None:
                found = self._entries[key]
        return found or Entry()

    def is_read(self, doc: Document) -> bool:
        return self.entry(doc).read

    def note(self, doc: Document) -> str:
        return self.entry(doc).note

    def entries(self) -> dict[str, Entry]:
        """Every stored entry by document id (for exports)."""
        return dict(self._entries)

    # writing -------------------------------------------------------------------------------

    def set_read(self, doc: Document, read: bool = True) -> None:
        self._change(doc, lambda entry: Entry(read, entry.note, doc.content_hash, _now()))

    def set_note(self, doc: Document, note: str) -> None:
        """Store ``note`` (trailing whitespace trimmed); an empty note removes it."""
        text = note.rstrip()
        self._change(doc, lambda entry: Entry(entry.read, text, doc.content_hash, _now()))

    def reload(self) -> None:
        """Pick up changes another process made."""
        self._entries = self._load()
        self._index()

    def _change(self, doc: Document, update: Callable[[Entry], Entry]) -> None:
        """Apply one change to the file as it is on disk now, then to memory.

        Re-reading under the lock is what keeps a second process's notes: we never write our
        whole in-memory copy over theirs, only this one entry.
        """
        current = self.entry(doc)
        new = update(current)
        if self.read_only:
            self._put(doc, new)
            raise StoreError("notes are read-only in this session: " + self.problems[-1].message)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._locked():
            on_disk = self._read_for_write()
            base = on_disk if on_disk is not None else dict(self._entries)
            self._entries = base
            self._index()
            merged = update(self.entry(doc))
            self._put(doc, merged)
            if on_disk is not None and self.path.exists():
                write_atomic(self.backup, self.path.read_bytes())
            write_atomic(self.path, _dump(self._entries))

    def _put(self, doc: Document, entry: Entry) -> None:
        # An entry found by hash under an old id moves to the new id.
        old_key = self._by_hash.get(doc.content_hash) if doc.content_hash else None
        if old_key is not None and old_key != doc.id and doc.id not in self._entries:
            self._entries.pop(old_key, None)
        self._entries[doc.id] = entry
        self._index()

    def _read_for_write(self) -> dict[str, Entry] | None:
        """The entries on disk now; None when missing, or corrupt (then moved aside)."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            return _parse(raw)
        except _NewerVersion as error:
            self.read_only = True
            self._problem("notes were written by a newer briefing; changes will not be saved")
            raise StoreError(self.problems[-1].message) from error
        except (ValueError, UnicodeDecodeError):
            moved = self._move_aside()
            if moved is None:
                raise StoreError(self.problems[-1].message) from None
            self._problem(f"notes file was corrupt (moved to {moved.name}); kept notes in memory")
            return None

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """An exclusive lock between briefing processes for the read-modify-write of one change.

        ``fcntl.flock`` where it exists (released by the OS if the process dies); elsewhere an
        ``O_EXCL`` lock file, broken after :data:`LOCK_TIMEOUT` because its owner may have died.
        """
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            fcntl = None
        if fcntl is not None:
            with open(self.lock_path, "a+b") as handle:
                deadline = time.monotonic() + LOCK_TIMEOUT
                while True:
                    try:
                        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if time.monotonic() > deadline:
                            raise StoreError("notes are locked by another briefing") from None
                        time.sleep(0.02)
                try:
                    yield
                finally:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            return
        deadline = time.monotonic() + LOCK_TIMEOUT  # pragma: no cover - Windows
        while True:  # pragma: no cover
            try:
                fd = os.open(self.lock_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
                break
            except FileExistsError:
                if time.monotonic() > deadline:
                    with contextlib.suppress(OSError):
                        os.unlink(self.lock_path)
                    deadline = time.monotonic() + LOCK_TIMEOUT
                time.sleep(0.02)
        try:  # pragma: no cover
            yield
        finally:  # pragma: no cover
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(self.lock_path)


__all__ = ["Entry", "Store", "StoreError"]
